/*
 * typography.h - the optional French typography profile (finding kind
 * `typography`, option --typography fr).
 *
 * With the profile on, text that is correctly spaced but typed with a
 * keyboard's characters is brought to French typography, line by line:
 *
 *  - the typewriter apostrophe between two letters becomes ’ ("l'État"
 *    -> "l’État");                                              conf 0.95
 *  - three dots, not part of a longer run, become … ;            conf 0.90
 *  - straight quotes "…" and English quotes “…” become « … » with no-break
 *    spaces (U+00A0) inside, when the line has no « already (inside « »,
 *    “ ” are the French second-level quotes) and the quotes pair up
 *    (an even number of ", alternating “ and ”) with nothing glued before
 *    an opening one or after a closing one (le" Bild " is left alone);
 *                                                                 conf 0.85
 *  - « and » get a no-break space inside: an ordinary space there is
 *    replaced, a missing one inserted; an existing no-break space of
 *    either width is kept; German »quotes« are left alone;        conf 0.90
 *    which guillemet opens and which closes is read by pairing those of
 *    the line (repair.h's repair_quotes_line), not from the sign: a
 *    closing quote typed « ("« Le grand homme« !") becomes " »", an
 *    opening one typed » ("»oui» dit-il") "« ";                 conf 0.85
 *  - ; ! ? get a narrow no-break space (U+202F) before them and : a
 *    no-break space (U+00A0), replacing ordinary spaces or inserted after a
 *    word, number or closing quote; only when the sign ends a phrase (it is
 *    followed by white space, the end of the line, a closing quote or
 *    bracket, or another ! ?), so "10:30", "http://" and "?id=3" never
 *    match. A no-break space of either width already there is kept, and
 *    nothing is inserted after an opening bracket ("(!)").      conf 0.90
 *
 * Numbers ("1 200 000", "3.5"), times ("10 h 30", "10:30"), URLs, e-mail
 * addresses and code (repair.h's guard) are byte-identical before and
 * after. The profile's output matches none of the rules, so a second run
 * applies nothing. Repairs with a confidence of at least
 * TYPOGRAPHY_APPLY_MIN are applied (all of the above are).
 */
#ifndef RELIRE_TYPOGRAPHY_H
#define RELIRE_TYPOGRAPHY_H

#include "common/article.h"
#include "common/token.h"
#include "common/view.h"

#define TYPOGRAPHY_APPLY_MIN 0.8

/* Apply the French profile to the view v (tokens ts of v, for URL marks),
 * reporting each change on a. */
void typography_fr(struct article *a, const struct view *v,
		   const struct tokens *ts);

#endif
