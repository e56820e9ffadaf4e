/*
 * spell.h - spelling detector (finding kinds `misspelling`, `unknown_name`).
 *
 * Reads the word tokens of the view and asks the dictionary about each
 * (through the dict cache). Rules:
 *  - hyphenated compounds are checked whole first ("cessez-le-feu"), then
 *    part by part;
 *  - French elision is accepted with both apostrophes: when "qu’il" is not
 *    known as a whole, the part after the apostrophe is checked;
 *  - tokens with digits, single letters and URL/e-mail/handle tokens are
 *    skipped;
 *  - an unknown word starting with a capital is an `unknown_name` (it feeds
 *    the names table), a lower-case one a `misspelling`, with Hunspell's
 *    suggestions in the detail while the run's suggestion time budget lasts.
 * Spelling findings are reports: they are not applied.
 */
#ifndef RELIRE_SPELL_H
#define RELIRE_SPELL_H

#include "article.h"
#include "dict.h"
#include "token.h"
#include "view.h"

struct spell_state; /* per-worker: suggestion cache and budget */

/* New state with a suggestion time budget in seconds (0 = no
 * suggestions). Free with spell_state_free. */
struct spell_state *spell_state_new(double suggest_budget);
void spell_state_free(struct spell_state *st);

void spell_detect(struct article *a, const struct view *v,
		  const struct tokens *ts, struct dict *d,
		  struct spell_state *st);

#endif
