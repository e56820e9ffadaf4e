/*
 * stage_run.h - run one pipeline stage on a string, for the table-driven
 * tests of the stages, and open the French dictionary and segmenter they
 * share. Include after harness.h.
 */
#ifndef RELIRE_STAGE_RUN_H
#define RELIRE_STAGE_RUN_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/article.h"
#include "common/dict.h"
#include "common/segment.h"
#include "common/token.h"
#include "common/util.h"
#include "common/view.h"

/* A stage under test: ts is NULL when it is run without a segmenter. */
typedef void stage_fn(struct article *a, const struct view *v,
		      const struct tokens *ts, void *ctx);

/* Initialise a as the article "t" holding a copy of text[0..len). */
static inline void stage_article(struct article *a, const char *text,
				 size_t len)
{
	article_init(a, "t");
	article_set_text(a, xmemdup(text, len), len);
}

/*
 * Run fn on article a (its text set, findings of other stages possibly
 * added by the caller) through the view of a and, when seg is not NULL,
 * its tokens; then sort the findings. The caller releases a.
 */
static inline void stage_on(struct segmenter *seg, struct article *a,
			    stage_fn *fn, void *ctx)
{
	struct tokens ts;
	struct view v;

	view_build(&v, a);
	tokens_init(&ts);
	if (seg)
		CHECK(segmenter_run(seg, v.text, v.len, &ts) == 0);
	fn(a, &v, seg ? &ts : NULL, ctx);
	article_sort_findings(a);
	tokens_release(&ts);
	view_release(&v);
}

/*
 * Run fn on text (tokenized with seg when seg is not NULL) and return the
 * cleaned text (caller frees). Checks that every finding is of kind; its
 * applied and unapplied findings are counted into *applied and *reported.
 */
static inline char *stage_run(struct segmenter *seg, const char *text,
			      enum finding_kind kind, stage_fn *fn, void *ctx,
			      size_t *applied, size_t *reported)
{
	struct article a;
	size_t len;
	char *out;

	stage_article(&a, text, strlen(text));
	stage_on(seg, &a, fn, ctx);
	*applied = *reported = 0;
	for (size_t i = 0; i < a.nfindings; i++) {
		CHECK(a.findings[i].kind == kind);
		++*(a.findings[i].applied ? applied : reported);
	}
	out = article_clean_text(&a, &len);
	article_release(&a);
	return out;
}

/*
 * For a test's main(): the French dictionary (with the project's lists)
 * and segmenter. Returns 0, or 1 after a message when either is missing:
 * both are hard dependencies of the tests, never a reason to skip.
 */
static inline int open_french(struct dict **d, struct segmenter **seg)
{
	*d = dict_open("fr", NULL, RELIRE_DATA_DIR);
	if (!*d)
		return harness_missing("no French Hunspell dictionary (Debian "
				       "package hunspell-fr)");
	*seg = segmenter_new("fr");
	if (!*seg)
		return harness_missing("no ICU word segmenter for 'fr'");
	return 0;
}

#endif
