/*
 * lang_judge.h - the function-word judge of the language identification
 * (rules in lang.h): one span, the expected language against the language
 * whose function words it has most, confirmed by both dictionaries. Only
 * lang.c includes this header.
 */
#ifndef RELIRE_LANG_JUDGE_H
#define RELIRE_LANG_JUDGE_H

#include <stddef.h>

#include "common/dict.h"
#include "common/token.h"
#include "detect/lang.h"

/*
 * Is the span of tokens [from, to) of text t in another language than
 * expected? qm is t with quoted passages blanked (same length; NULL: no
 * quotes), d the dictionary of the expected language (may be NULL), ev the
 * function words and the other dictionaries (may be NULL: never foreign).
 * Returns 1 and fills *g (code, counts, both coverages, by_words) when it
 * is, else 0 (*g then holds the last candidate tried, if any).
 */
int lang_judge_span(const char *t, const char *qm, const struct tokens *ts,
		    size_t from, size_t to, const char *expected,
		    struct dict *d, const struct lang_evidence *ev,
		    struct lang_guess *g);

/*
 * Is w[0..len) known to the dictionary of language x (the English handle
 * of d, the expected language's dictionary, for English; else ev's)? A
 * word of another script than x's is not. Returns 1 or 0, -1 when x has
 * no dictionary.
 */
int lang_knows_in(const struct lang_evidence *ev, struct dict *d, const char *x,
		  const char *w, size_t len);

#endif
