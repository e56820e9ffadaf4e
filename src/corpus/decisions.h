/*
 * decisions.h - an editor's decisions on repairs, read back and applied.
 *
 * report.html lets an editor approve a repair that relire only reported
 * (its replacement was proposed, not applied) or reject one that it
 * applied, and exports the choices as decisions.csv (docs/formats.md):
 *   article,kind,start,end,occurrence,original,replacement,decision
 * decision is "approved" or "rejected". The next run reads the file
 * (--decisions FILE, else OUT/decisions.csv when present) and, once per
 * article, after every stage:
 *   - an approved finding that was reported only becomes applied (it stays
 *     a finding, with its span and replacement, its detail saying that an
 *     editor approved it), unless it overlaps an applied finding;
 *   - a rejected applied finding becomes a report (not applied).
 * A decision names its finding by article id, kind, original text and
 * replacement; among the findings of the article with those four, the one
 * at the same byte span is taken, else the occurrence-th one (1-based, in
 * text order), so a decision survives an edit elsewhere in the article.
 * A decision that matches no finding is not applied and is reported at
 * the end of the run, as is an approval that overlaps an applied repair.
 */
#ifndef RELIRE_DECISIONS_H
#define RELIRE_DECISIONS_H

#include <stddef.h>

#include "common/article.h"

struct decisions;

/* Read path. Returns 0 and *out (caller frees with decisions_free), or -1
 * after printing the first problem with its line number: a missing column,
 * an unknown kind or decision, a bad number, a malformed CSV. */
int decisions_read(const char *path, struct decisions **out);
/* Same over a buffer; name is used in messages. */
int decisions_read_buffer(const char *name, const char *buf, size_t len,
			  struct decisions **out);
/* NULL is a no-op. */
void decisions_free(struct decisions *d);
/* Number of decisions read. */
size_t decisions_count(const struct decisions *d);

/* Apply the decisions on a (findings sorted by article_sort_findings).
 * d may be NULL. Several threads may apply d to distinct articles at once;
 * each decision belongs to one article id. */
void decisions_apply(const struct decisions *d, struct article *a);

/* After the run (every article applied and the threads joined): print one
 * warning per decision that matched no finding or could not be applied,
 * and return how many. */
size_t decisions_report_unused(const struct decisions *d);

/* The occurrence of finding i of a, as decisions.csv counts it: 1 + the
 * number of findings before it (in a's order) with the same kind,
 * original text and replacement. */
size_t decisions_occurrence(const struct article *a, size_t i);
/* The occurrences of every finding of a at once, in one pass: entry i is
 * decisions_occurrence(a, i). Returns an array of a->nfindings entries
 * (never NULL); the caller frees it with free(). */
size_t *decisions_occurrences(const struct article *a);

/* 1 when finding f of a proposes a change an editor can decide on: a
 * replacement different from its original text, outside the name
 * variants (decided in variants.csv). */
int decisions_reviewable(const struct article *a, const struct finding *f);

#endif
