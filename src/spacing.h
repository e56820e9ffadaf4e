/*
 * spacing.h - detokenization damage (finding kind `spacing`).
 *
 * Machine translation systems and scrapers leave white space where French
 * has none and remove it where French needs it. This stage repairs, line by
 * line, only spacing that is broken in every typographic convention:
 *
 *  - spaced apostrophes after an elided word listed in
 *    dictionaries/<lang>/elided-forms.txt: "n ’ étaient", "d ’intérêts",
 *    "l' autre" become "n’étaient", "d’intérêts", "l'autre" (the
 *    apostrophe character itself is kept); before an opening quote only
 *    the space before the apostrophe goes ("l’ « Uruguay Round »" is good
 *    French);                                      conf 0.95 (one side 0.90)
 *  - white space before "," and "." after a word, number or closing
 *    quote/bracket ("mot ,", "fin 2021 ."); never before "..." nor before
 *    ".5", ".com", ",5";                                          conf 0.90
 *  - white space just inside parentheses, "( SPÖ )" -> "(SPÖ)", when both
 *    parentheses are on the line, never before ": ; ! ?";         conf 0.85
 *  - runs of two or more spaces between two visible characters of a line
 *    become one: the first no-break space of the run when it has one
 *    (French "mot  :" keeps its no-break space), else the first; leading and
 *    trailing white space, tabs and spaces between two digits are left
 *    alone;                                                       conf 0.90
 *  - missing space outside quotes: a letter glued to « or “ before it, or
 *    to » or ” after it (“ ” only when they alternate on the line, so
 *    „…“ and “…“ are left alone, and never inside German »…«
 *    quotes); straight quotes when the line has an
 *    even number of them that can all play their part, odd ones opening
 *    ("un"plan" -> "un "plan", also after ":" and ","), even ones closing
 *    ("Power"contre" -> "Power" contre"); in "cœur".François the first
 *    quote cannot open, so the line is left alone.               conf 0.90
 *
 * French keeps a space (no-break or not) before ": ; ! ?" and inside « »:
 * this stage never removes those, and never converts one kind of space
 * into another (that is the typography profile's business). Nothing inside
 * a URL, an e-mail address or code (repair.h's guard) is changed, nor the
 * halves of a still double-encoded character ("Ã" + no-break space is a
 * mojibake "à", "Â«" a mojibake "«").
 *
 * Every repair deletes or inserts white space; the characters around it
 * (the apostrophe, the space that is kept) are never rewritten, so a later
 * stage such as the typography profile can still change them. Repairs with
 * a confidence of at least SPACING_APPLY_MIN are applied, the others
 * reported only. The output of this stage contains none of the
 * patterns above, so a second run applies nothing.
 */
#ifndef RELIRE_SPACING_H
#define RELIRE_SPACING_H

#include "article.h"
#include "token.h"
#include "view.h"
#include "wordlist.h"

#define SPACING_APPLY_MIN 0.8

/*
 * Find broken spacing on the view v (tokens ts of v, for URL marks) and
 * report it on a. elisions lists the elided words ("l", "qu", "aujourd");
 * when NULL or empty, spaced apostrophes are not repaired.
 */
void spacing_repair(struct article *a, const struct view *v,
		    const struct tokens *ts, const struct wordlist *elisions);

#endif
