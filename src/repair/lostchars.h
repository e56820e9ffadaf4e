/*
 * lostchars.h - letters lost in a charset conversion (finding kind
 * `encoding`): "pr�sentation", "pr?sentation", "d?j?", "l�homme".
 *
 * How the damage arises: text in Windows-1252 or Latin-1 read as UTF-8 by
 * a decoder that replaces what it cannot read gets one U+FFFD per
 * accented letter ("pr�sentation"); UTF-8 read as ASCII gets one per byte,
 * two per letter ("pr��sentation"); text converted to a charset that
 * lacks the letters (a Latin-1 database column, an ASCII export) gets a
 * "?" per letter ("pr?sentation", "d?j?"). The letter is gone, but the
 * dictionary knows the word: only a letter the language writes with a
 * diacritic can have been lost (its groups in dictionaries/<lang>/
 * accents.txt), or an apostrophe or ’ between two letters.
 *
 * Policy (each rule is tested by name in tests/unit/test_lostchars.c):
 *  - mark: U+FFFD is a lost character wherever it is; "?" only before a
 *    letter of the word ("pr?sentation", "?t?", "l?Union"), or at the end
 *    of a word that has another "?" before a letter ("d?j?"), where it may
 *    also be a question mark (both readings are tried, the "?" kept in
 *    the second). A "?" without a reading is not reported ("quoi?Je").
 *    A run of marks is one character (the bytes of one UTF-8 character)
 *    or one per mark.
 *  - candidates: each mark is replaced by each accented letter of the
 *    language's groups (capitals in a word of capitals; at the start of a
 *    word both, capitals only at the start of a sentence) or, after a
 *    letter and before two, by ’; the candidates the dictionary accepts
 *    are the word's readings (of two that differ by the case of the first
 *    letter only, the lower-case one). At most LOSTCHARS_MAX_MARKS marks a
 *    word and LOSTCHARS_MAX_PROBES candidates are tried.
 *  - unique: one reading is applied (conf 0.9).
 *  - function: of several readings, the one function word of the
 *    language (dictionaries/<lang>/function-words.txt) is applied when
 *    there is exactly one ("� Paris": à, not the interjection ô):
 *    function words are the most frequent words of a language by far;
 *                                                             conf 0.8
 *  - ambiguous: other words with several readings ("pr?s": près, prés;
 *    "?t?": été, ôté) are reported with the first as replacement and all
 *    in the detail, not applied (conf 0.5); so is a U+FFFD with none
 *    (replacement: the original, detail "lost character").
 *  - decoded: a U+FFFD that the decoder wrote for bytes it could not read
 *    is its finding; this stage adds only a unique reading there.
 *  - urls: a white-space-delimited chunk with "/", "=", "&", "@", ":" or
 *    "www." is left alone ("page.php?id=3").
 * A language without accent groups (Russian, Ukrainian, English) gets no
 * letter candidates. Good text (no mark) is byte-identical.
 */
#ifndef RELIRE_LOSTCHARS_H
#define RELIRE_LOSTCHARS_H

#include "common/article.h"
#include "common/dict.h"
#include "common/langwords.h"
#include "common/view.h"

#define LOSTCHARS_MAX_MARKS  4
#define LOSTCHARS_MAX_PROBES 4096
#define LOSTCHARS_CONFIDENCE 0.9
#define LOSTCHARS_FUNCTION   0.8
#define LOSTCHARS_UNSURE     0.5

/* The language of the text: its dictionary, and its function words (fw
 * may be NULL, or not know lang). Borrowed. */
struct lostchars_lang {
	struct dict *dict;
	const struct langwords *fw;
	const char *lang;
};

/* Find the words of view v with lost characters and report them on a,
 * with the readings the language's dictionary accepts. */
void lostchars_repair(const struct lostchars_lang *l, struct article *a,
		      const struct view *v);

#endif
