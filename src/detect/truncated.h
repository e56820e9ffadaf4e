/*
 * truncated.h - paragraphs cut off mid-sentence (finding kind `truncated`).
 *
 * Scrapers keep teasers and excerpts that stop in the middle of a
 * sentence ("…la formation d'un...", "…il supporto che la..."), and text
 * taken from page layouts keeps words split by a line-end hyphen ("la
 * faisabilité du pro-"). A reader loses the end of the sentence. This
 * stage looks at the end of every paragraph (line) of the view and reports
 * one finding over the cut when the paragraph ends with
 *
 *  - an ellipsis ("..." or "…") glued to a word that cannot end a
 *    sentence: a word of dictionaries/<lang>/cut-words.txt (articles and
 *    coordinating conjunctions: "d'un...", "del...") or a lower-case word
 *    the dictionary does not know, the stump of a cut word ("ex...",
 *    "tranqui..."). "et plus ..." (a space before the ellipsis) and "la
 *    suite..." (a known word) are deliberate ellipses and stay;
 *  - a word of two letters or more followed by a hyphen ("étran-",
 *    "digi-"): a word broken at a line end whose second half is lost;
 *  - a lower-case word of cut-words.txt ("vitamine E" and "Plan A" end
 *    with a letter, not an article), without final punctuation, after at least
 *    one other word ("…à la propriété et", "…pour autoriser le"), unless a
 *    hyphen joins it to the word before ("Prends-la").
 *
 * Prepositions are not cut words: a caption or a label may end with one
 * before a logo or a link ("Avec le soutien de", "Sichere Zahlung mit").
 * Findings are reported, never applied (the lost text cannot be
 * restored); their span is the last word and its ellipsis or hyphen, the
 * detail says which rule matched.
 */
#ifndef RELIRE_TRUNCATED_H
#define RELIRE_TRUNCATED_H

#include "common/article.h"
#include "common/dict.h"
#include "common/token.h"
#include "common/view.h"
#include "common/wordlist.h"

/*
 * Report the truncated paragraphs of v (tokens ts) into a. cut_words is
 * the list of the article's language (may be NULL or empty); d, the dictionary
 * of the article's language, judges ellipsis stumps and elided prefixes
 * ("d'un"); without it (NULL) only listed words and hyphens are judged.
 */
void truncated_detect(struct article *a, const struct view *v,
		      const struct tokens *ts, struct dict *d,
		      const struct wordlist *cut_words);

#endif
