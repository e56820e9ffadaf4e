/*
 * repeat.h - the repetition stage: loops and stutters of machine translation
 * and scraping, found at exact offsets and repaired where the repair is sure.
 *
 * Four finding kinds, each found in time linear in the article length:
 *
 *   duplicate_line  a line repeating an earlier line of the article, equal
 *                   after case folding and white-space normalization (at
 *                   least three words). The later copy and its line break
 *                   are removed.
 *   word_repeat     the same word repeated, separated by spaces only ("le
 *                   le", "te te te te"): one copy is kept. A prefix stutter
 *                   ("Wich Wich Wichoff", "gouv gouvernement") keeps the
 *                   full word. Legitimate doubles (dictionaries/<lang>/
 *                   doubles.txt, and the grammar of repeat-rules.txt:
 *                   "nous nous", "die die") and numbers are not findings;
 *                   a doubled intensifier ("très très") is reported only,
 *                   and so are two copies that may end a heading and start
 *                   its paragraph (repeat_doc_after_heading), and two of
 *                   a lower-case word the dictionary does not know ("bling
 *                   bling", "sendmail sendmail": untranslated, a table).
 *   phrase_repeat   a sequence of 2 to 8 tokens (two words or more)
 *                   repeated immediately ("a dit a dit"): the copies are
 *                   removed. A loop whose copies are joined by separators
 *                   ("pre-pre-pre-pre", "wait, wait, wait or wait"): from
 *                   three copies, removed from four (or three of a long
 *                   unit). A sequence holding three content words repeated
 *                   later in the same sentence is reported, not applied
 *                   (the repair needs a human); when no word lies between
 *                   the copies, whatever their length, or only a comma and
 *                   a conjunction before the end of a clause, the copy is
 *                   removed.
 *   char_repeat     a unit of two or more code points repeated inside a
 *                   word, case-insensitively, three times or more or over
 *                   at least 2.5 times its length ("infrastrastrastructure",
 *                   "FrastrastRastrast..."). The finding spans the repeated
 *                   region; its replacement keeps one copy (or two) and is
 *                   applied only when the collapsed word is known to the
 *                   dictionary or occurs elsewhere in the article.
 *
 * docs/repetition.md describes the rules and their limits.
 */
#ifndef RELIRE_REPEAT_H
#define RELIRE_REPEAT_H

#include <stddef.h>
#include <stdint.h>

#include "common/article.h"
#include "common/dict.h"
#include "common/strmap.h"
#include "common/token.h"
#include "common/util.h"
#include "common/view.h"
#include "common/wordlist.h"
#include "detect/repeat_rules.h"

/* What the stage may consult; every member may be NULL. Borrowed. */
struct repeat_config {
	const struct wordlist *doubles;	  /* legitimate consecutive doubles */
	struct dict *dict;		  /* "is this a word?" for repairs */
	const struct repeat_rules *rules; /* grammatical doubles, separators */
	/* The dictionary of another language, opened on first use (NULL
	 * when there is none); dict_for may be NULL. Asked only for English,
	 * the language text left untranslated is most often in. */
	struct dict *(*dict_for)(void *ctx, const char *lang);
	void *ctx;
};

/*
 * Run every repetition detector on the view v of a, whose tokens are ts,
 * and append the findings to a (through view_report). Duplicate lines go
 * first, then phrase, word and character repeats (phrases before words, so
 * that "du nord et du du nord et du" loses the phrase, not one "du"); a
 * token removed by one detector is not examined by the next.
 */
void repeat_detect(struct article *a, const struct view *v,
		   const struct tokens *ts, const struct repeat_config *cfg);

/*
 * The per-article analysis the detectors share (repeat*.c only). Every
 * token that is not white space gets an id: equal ids mean equal
 * case-folded text. id 0 is reserved for white space and line breaks.
 *
 * Token indexes fit 32 bits: a token holds one byte of the view at least,
 * and the segmenter refuses a view over INT32_MAX bytes (token.h), so the
 * detectors' per-item arrays store uint32_t indexes; repeat_doc_init()
 * asserts it.
 */
struct repeat_doc {
	struct article *a;
	const struct view *v;
	const struct tokens *ts;
	const struct repeat_config *cfg;
	uint32_t *id;	      /* per token */
	unsigned char *flags; /* per token: enum repeat_token_flag bits */
	uint32_t *freq;	      /* per id: occurrences in the article */
	size_t *koff, *klen;  /* per id: folded text in keys.buf */
	size_t nids, idcap;
	size_t nonspace; /* tokens that are not TOK_SPACE */
	struct strbuf keys;
	struct strmap ids; /* folded text -> id */
};

/* One byte per token holds them all (a large article has millions). */
enum repeat_token_flag {
	RT_DEAD = 1,	/* removed by an applied finding */
	RT_CLAIMED = 2, /* inside a reported repetition */
	RT_IN_LIST = 4, /* inside a list of terms (repeat_doc_in_list) */
};

/* 1 when token i was removed by an applied finding of the stage. */
static inline int repeat_doc_dead(const struct repeat_doc *d, size_t i)
{
	return (d->flags[i] & RT_DEAD) != 0;
}

/* 1 when token i lies inside a repetition already reported. */
static inline int repeat_doc_claimed(const struct repeat_doc *d, size_t i)
{
	return (d->flags[i] & RT_CLAIMED) != 0;
}

void repeat_doc_init(struct repeat_doc *d, struct article *a,
		     const struct view *v, const struct tokens *ts,
		     const struct repeat_config *cfg);
void repeat_doc_release(struct repeat_doc *d);
/* Id of a folded string, or 0 when no token of the article has it. */
uint32_t repeat_doc_lookup(const struct repeat_doc *d, const char *folded,
			   size_t len);
/* Folded text of id (borrowed, not NUL-terminated); its length in *len. */
const char *repeat_doc_key(const struct repeat_doc *d, uint32_t id,
			   size_t *len);
/* 1 when the dictionary accepts s[0..len) (0 without a dictionary). */
int repeat_doc_is_word(const struct repeat_doc *d, const char *s, size_t len);
/* 1 when the view bytes [s, e) are original text that no earlier repair
 * changed (a removal can take them along). */
int repeat_doc_untouched(const struct repeat_doc *d, size_t s, size_t e);
/* 1 when token a starts with a lower-case letter and token b with an
 * upper-case one: "les autorités Les autorités" is a sentence or heading
 * that lost its boundary, not a stutter. */
int repeat_doc_case_restarts(const struct repeat_doc *d, size_t a, size_t b);
/* 1 when token i lies in a list of terms, not a sentence: a stretch
 * without clause punctuation (brackets, hyphens and symbols may lie
 * inside) of LIST_WORDS words or more in which fewer than one word in
 * LIST_FUNCTION_SHARE is a function word of the rules (tag clouds,
 * keyword lists, product titles: "pavimentos pavimentos cerámicos"), or,
 * in a language whose capitals mark names (repeat-rules.txt), a whole
 * line of TITLE_WORDS content words or more, nearly all capitalized (headings,
 * menus, table rows: "Loupe Loupe Carte de crédit", "a Vienna Vienna
 * Card"). An item followed by a longer item that starts with it, or a
 * heading said again, is no repetition there. */
int repeat_doc_in_list(const struct repeat_doc *d, size_t i);
/* 1 when the copy starting at token second, after the copy starting at
 * token first, opens a new segment rather than repeating: it starts with
 * a capital where the first copy starts with a lower-case letter ("les
 * autorités Les autorités", "bueno Bueno"), or, in a language whose
 * capitals mark names, after the lower-case word token before, while the
 * first copy does not open a sentence either and the copies end the line
 * (token after is the one after them): "Inglés Muy bueno Muy bueno", two
 * cells of a table row. */
int repeat_doc_lost_boundary(const struct repeat_doc *d, size_t first,
			     size_t second, size_t before, size_t after);
/* 1 when the copy starting at word token first may end a heading that a
 * flattened page joined to the paragraph after it, which starts with the
 * same words ("12.1.2. LVM LVM, ou Logical Volume Manager", "CULTURE Git
 * Git est un outil"): going back from first over at most HEADING_WORDS
 * words and no sentence end, the segment is opened by a section number
 * ("12.1.2.", "A.9.", or "3." where a line or sentence starts) or by a
 * label in capitals of HEADING_LABEL_LETTERS letters or more. */
#define HEADING_WORDS	      8
#define HEADING_LABEL_LETTERS 4
int repeat_doc_after_heading(const struct repeat_doc *d, size_t first);
/* The detail's words for a repeat held back by repeat_doc_after_heading. */
#define HEADING_HELD "; may end a heading and start its paragraph, not removed"
/* 1 when token i starts with an upper-case letter. */
int repeat_doc_starts_upper(const struct repeat_doc *d, size_t i);
/* Mark tokens [first, last] dead (removed) or claimed. */
void repeat_doc_mark(struct repeat_doc *d, size_t first, size_t last, int dead);

/* The detectors, in the order repeat_detect() runs them. */
void repeat_doc_lines(struct repeat_doc *d);
void repeat_doc_loops(struct repeat_doc *d);
void repeat_doc_phrases(struct repeat_doc *d);
void repeat_doc_words(struct repeat_doc *d);
void repeat_doc_chars(struct repeat_doc *d);

#endif
