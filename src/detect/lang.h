/*
 * lang.h - language identification (finding kind `foreign_language`).
 *
 * The library is CLD2 (lang_cld2.h), chosen by measurement against
 * libexttextcat on the ParaCrawl sets (tests/bench/lang_paracrawl.py):
 * on short scraped lines libexttextcat's n-gram profiles confuse close
 * languages far more often. CLD2 alone still takes
 * short French lines full of names for English or Catalan, so a decision
 * also asks the expected language's dictionary: a text is in another
 * language only when CLD2 says so reliably AND the dictionary knows less
 * than LANG_MAX_COVERAGE of its lower-case words (a text without lower-case
 * words is never foreign: names alone are no evidence). All sets together,
 * wrong-language lines: libexttextcat precision 0.07 recall 0.34, CLD2
 * alone 0.14 / 0.18, CLD2 with the hint 0.26 / 0.14, CLD2 with the hint and
 * the dictionary 0.45 / 0.08 (many lines labelled L are French with
 * mojibake, which relire repairs rather than calls foreign).
 *
 * Short lines ("take a virtual tour >>", "Site name Mariohs Seiten") give
 * CLD2 too little to go on, so a text or paragraph that CLD2 and the rule
 * above leave in the expected language also gets the English vote: over
 * its words of two letters or more (capitalized ones included; acronyms,
 * hyphenated words, URLs, numbers and quoted passages left out), it is
 * English when at
 * least LANG_VOTE_MIN words are known only to the English dictionary (not
 * to the expected language's), one of them lower-case, they outnumber the
 * words the expected dictionary knows, and those are at most a third of
 * the words. A French line of names ("Bill Gates", "Donald Trump") has no
 * lower-case English word; a French sentence with loanwords ("le shopping
 * du week-end") has more French words than English ones. Nothing is voted
 * when the expected language is English.
 *
 * The function-word judge decides a sentence (and a line: a headline has
 * no final period) with the evidence that survives names and figures: its
 * lower-case function words (langwords.h), the first word and, in a Title
 * Case line, every word read in lower case. A function word of another
 * language that is not also the expected language's counts one word, half
 * of one when the expected language's dictionary knows it ("in", "about"
 * in French). The candidate language is the one with most (more than
 * LANG_MIN_CANDIDATE half words, and more than the expected language's
 * that are not the candidate's: the article's language is the prior;
 * ties are tried in turn); a Title Case line without any takes CLD2's
 * guess, if the line has no function word of the expected language. Most
 * sentences of the article's language stop there, before any dictionary
 * is asked. The candidate is then confirmed by both dictionaries over the
 * same words (those one of them knows: names read in lower case drop
 * out; the expected dictionary reads them as written, for German nouns):
 * the candidate's must know at least LANG_MIN_OTHER_COVERAGE of them, and
 * either more than the expected one with LANG_MIN_FUNCTION function words
 * of the candidate and none of the expected language's, or LANG_MIN_MARGIN
 * more while the expected one knows less than LANG_MAX_COVERAGE (a
 * candidate without a dictionary needs LANG_MIN_FUNCTION + 1 function
 * words and none of the expected language's). Quoted passages do
 * not count unless the sentence is mostly quote (fewer than
 * LANG_MIN_OUTSIDE words outside), so a French sentence quoting an
 * English title or name stays French, and an English quote standing alone
 * does not. Consecutive sentences in the same language are one finding.
 * Paragraphs where it finds nothing go through the CLD2 rules below.
 *
 * Every candidate the function words allow is tried; of those confirmed,
 * the one whose dictionary knows most words wins ("la", "de" are French,
 * Spanish and Italian). A dictionary knows no word of another script than
 * its language's, as most of its function words are written
 * (langwords_script_fits: uk_UA accepts any Latin word).
 *
 * On a span of fewer than LANG_MIN_SENTENCE words, the coverage that
 * confirms CLD2 counts only the lower-case words that the expected
 * dictionary or that of CLD2's language knows (at least LANG_MIN_COVERED;
 * all of them when CLD2's language has no dictionary or it knows none),
 * so that one or two names or typos do not decide; a capitalized word
 * votes English only when English knows it in lower case; abbreviations
 * ("Ref. int.:") count in neither.
 *
 * Before identification, what says nothing about the language is masked
 * (replaced by spaces, so offsets stay): URLs, e-mail addresses, handles
 * and hashtags, capitalized words (names, "Truth Social"), numbers and
 * numerals, and quoted passages (« … », “ … ”, " … "), so that a name or an
 * English title does not make a French sentence foreign.
 *
 * Article level: the whole text, URLs and numbers masked, at least
 * LANG_MIN_ARTICLE_WORDS words (CLD2 and the dictionary, with at least
 * LANG_MIN_ARTICLE_SHARE % of the text in the other language; else the
 * function-word judge over the whole text, with that share of the
 * function words that tell the two apart; else the English vote; else
 * the script: on one line of fewer than LANG_MIN_SENTENCE words, more
 * letters of its words, quotes left out, in another script than the
 * expected language's, with at least LANG_MIN_SCRIPT_WORDS of those
 * words in lower case, however short the line ("un" when no language is
 * named: the article keeps its language, and the finding stands), and
 * then the language is CLD2's reading of those words alone
 * when it names a language of that script, else the one of that script
 * whose dictionary knows most of them): an article only partly
 * in another language keeps its language, and the segments report the
 * passages. The
 * result becomes a->lang when
 * it differs from the expected language under the rule above, or, with
 * `--lang auto`, whenever CLD2 is reliable. Segment level: each paragraph
 * (line) and, inside a paragraph in the article's language, each long
 * sentence, with at least LANG_MIN_WORDS unmasked words; one that is
 * in another language is a `foreign_language` finding (never applied),
 * with the language, CLD2's share and the dictionary coverage in detail.
 */
#ifndef RELIRE_LANG_H
#define RELIRE_LANG_H

#include <stddef.h>

#include "common/article.h"
#include "common/dict.h"
#include "common/token.h"
#include "common/view.h"

#define LANG_MAX_COVERAGE                                                      \
	0.6 /* dictionary share under which text is foreign                    \
	     */
#define LANG_MIN_WORDS	       6 /* unmasked words for a segment decision */
#define LANG_MIN_ARTICLE_WORDS 3 /* words for an article decision */
#define LANG_MIN_ARTICLE_SHARE                                                 \
	70 /* share (%) of the other language in an article called foreign:    \
	      CLD2's, or of the function words of both */
#define LANG_MIN_SENTENCE  12 /* words for a sentence to be judged alone */
#define LANG_VOTE_MIN	   2  /* English-only words for the English vote */
#define LANG_MIN_FUNCTION  2  /* function words that decide alone */
#define LANG_MIN_CANDIDATE 2  /* half words a candidate must exceed */
#define LANG_MIN_SHORT                                                         \
	3		  /* words of a short span (function words             \
			     of the candidate only decide it) */
#define LANG_MIN_JUDGED 3 /* words the dictionaries judge */
#define LANG_MIN_COVERED                                                       \
	2 /* lower-case words one of the two dictionaries knows, for CLD2's    \
	     verdict to be confirmed */
#define LANG_MIN_OUTSIDE 3 /* words outside quotes to leave them out */
#define LANG_MIN_SCRIPT_WORDS                                                  \
	2 /* lower-case words of another script that decide an article */
#define LANG_TITLE_MIN 4 /* capitalized words of a Title Case line */
#define LANG_MIN_OTHER_COVERAGE                                                \
	0.7 /* candidate dictionary's share of the judged words */
#define LANG_MIN_MARGIN 0.3 /* candidate's share minus the expected one's */

struct langwords;

/*
 * What a decision reads besides the text: the function words of every
 * language (may be NULL: no function-word judge) and the dictionary of a
 * candidate language, opened on demand by dict_for (may be NULL; the
 * English one is always the expected dictionary's loanword handle).
 */
struct lang_evidence {
	const struct langwords *words;
	struct dict *(*dict_for)(void *ctx, const char *lang);
	void *ctx;
};

struct lang_guess {
	char code[16]; /* ISO 639-1 ("fr"), "un" when unknown */
	int percent;   /* CLD2's share of the text in that language */
	int reliable;
	double coverage; /* share of lower-case words the dict knows, or -1 */
	size_t words;	 /* unmasked words considered */
	size_t english;	 /* English vote: words only English knows, else 0 */
	int by_words;	 /* decided by the function-word judge */
	size_t function_words; /* judge: candidate's function words, in half
				* words (lang.c) */
	size_t own_words;      /* judge: expected language's, same unit */
	double other_coverage; /* judge: candidate dictionary's share, or -1 */
	size_t script_letters; /* script rule: letters of the words written
				* in another script than the expected
				* language's, else 0 */
	size_t letters;	       /* script rule: letters of all the words */
};

/*
 * Identify the language of text[0..len) (UTF-8, e.g. a masked view) with
 * expected as CLD2's hint (may be NULL). Fills *g (coverage -1). Returns 0.
 */
int lang_identify(const char *text, size_t len, const char *expected,
		  struct lang_guess *g);

/*
 * Copy of v->text with names, quotes, URLs and numbers replaced by spaces
 * (same length; caller frees). Uses the tokens ts of v.
 */
char *lang_mask(const struct view *v, const struct tokens *ts);

/*
 * Article-level decision on the view v (tokens ts) with only URLs and
 * numbers masked (a whole article of names is still a language sample);
 * the dictionary d is that of a->lang, the expected language (may be
 * NULL: no coverage check). When auto_detect is set the expected language
 * is only a default. Updates a->lang as described above and returns 1 when
 * it changed, else 0. Without auto_detect, an article found to be in
 * another language also gets one foreign_language finding over its text.
 */
int lang_detect_article(struct article *a, const struct view *v,
			const struct tokens *ts, struct dict *d,
			int auto_detect, const struct lang_evidence *ev);

/*
 * Segment level: report sentences, paragraphs and long sentences of the
 * view that are in another language than a->lang (d: the dictionary of
 * a->lang, may be NULL; ev may be NULL). masked is lang_mask()'s result
 * for v.
 */
void lang_detect_segments(struct article *a, const struct view *v,
			  const char *masked, const struct tokens *ts,
			  struct dict *d, const struct lang_evidence *ev);

#endif
