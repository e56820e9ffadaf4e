/*
 * residue.h - scraper residue inside a line (finding kind `residue`).
 *
 * Broken scrapers leave pieces of the page that are no text at all: the
 * stump of a word alone on a line, tracking parameters and hashes taken
 * from links, labels and figures run into the next word, the line
 * numbers of a transcript run into its sentences, and runs of words with
 * no function word, which no language writes.
 * This stage reports them, one finding per piece; it never applies one
 * (nothing can be put back in their place). The rules, each reported with
 * its own detail:
 *
 *  - a tracking token: a URL query parameter named utm_* ("utm_source=x")
 *    or two name=value pairs joined by "&" ("id=3&ref=home") outside a
 *    URL (a link keeps its own query);
 *  - a hash or an id: a run of ASCII letters and digits, with at least two
 *    digits and two letters, that is hexadecimal in lower case (8 or
 *    more: "a1b2c3d4e5") or in upper case (12 or more: product codes such
 *    as "FE016001" are upper-case hexadecimal too), or a run of 12 or
 *    more mixing upper case, lower case and digits that switches between
 *    letters and digits four times or more ("dQw4w9WgXcQ7"); runs inside
 *    a URL or an e-mail address are left alone (the address is what it
 *    is);
 *  - figures glued to a word: a token of 2 digits or more then 4
 *    lower-case letters or more, nothing else ("57600bauds",
 *    "29décembre"; not "10km", "3e", "£1.5million"); a word glued to the
 *    figures after it ("automne2011") is the glued-words stage's;
 *  - a word in capitals glued to the next one: 4 capitals or more, then
 *    a capitalized word of 3 lower-case letters or more, in one token
 *    ("DESCRIZIONECasa": a field label of a listing run into its text);
 *  - half a word: a line whose only word is a lower-case word of two
 *    letters or more unknown to the article's dictionary and to English
 *    ("tion", "ccueil");
 *  - transcript line numbers: two numbers n and n + 1 (1 to 99), each
 *    between a word (or , ; . -) and a word, 25 to 200 bytes apart in one
 *    line ("jugement 22 rendu par ... et 23 les accusés"): the margin of
 *    a numbered transcript copied into the text. One of the two must sit
 *    between a lower-case word and a lower-case function word ("aussi 6
 *    nous", where no quantity can be), and the words before them, like
 *    the words after them, must differ (an enumeration "Stufe 1 für ...
 *    Stufe 2 für" or dates "au 30 septembre ... au 31 décembre" repeat
 *    theirs);
 *  - word salad: a line of 12 words or more, 8 of them in lower case,
 *    none of them a function word of the article's language
 *    (dictionaries/LANG/function-words.txt): every sentence of the
 *    languages relire ships has articles, prepositions or auxiliaries, a
 *    string of content words without any is a keyword list or shuffled
 *    text. Titles and menus in capitals are not judged (their words are
 *    mostly capitalized).
 */
#ifndef RELIRE_RESIDUE_H
#define RELIRE_RESIDUE_H

#include "common/article.h"
#include "common/dict.h"
#include "common/langwords.h"
#include "common/token.h"
#include "common/view.h"

/*
 * Report the residue of v (tokens ts) into a. d is the dictionary of the
 * article's language (NULL: half words are not judged); lw holds the
 * function words (NULL, or no list for a->lang: word salad is not judged).
 */
void residue_detect(struct article *a, const struct view *v,
		    const struct tokens *ts, struct dict *d,
		    const struct langwords *lw);

#endif
