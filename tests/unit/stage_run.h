/*
 * stage_run.h - run one pipeline stage on a string, for the table-driven
 * tests of the repair stages. Include after harness.h.
 */
#ifndef RELIRE_STAGE_RUN_H
#define RELIRE_STAGE_RUN_H

#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "segment.h"
#include "token.h"
#include "util.h"
#include "view.h"

/* A stage under test: ts is NULL when stage_run was given no segmenter. */
typedef void stage_fn(struct article *a, const struct view *v,
		      const struct tokens *ts, void *ctx);

/*
 * Run fn on text (tokenized with seg when seg is not NULL) and return the
 * cleaned text (caller frees). Checks that every finding is of kind; its
 * applied and unapplied findings are counted into *applied and *reported.
 */
static char *stage_run(struct segmenter *seg, const char *text,
		       enum finding_kind kind, stage_fn *fn, void *ctx,
		       size_t *applied, size_t *reported)
{
	struct article a;
	struct tokens ts;
	struct view v;
	size_t len;
	char *out;

	article_init(&a, "t");
	article_set_text(&a, xstrdup(text), strlen(text));
	view_build(&v, &a);
	tokens_init(&ts);
	if (seg)
		CHECK(segmenter_run(seg, v.text, v.len, &ts) == 0);
	fn(&a, &v, seg ? &ts : NULL, ctx);
	*applied = *reported = 0;
	for (size_t i = 0; i < a.nfindings; i++) {
		CHECK(a.findings[i].kind == kind);
		++*(a.findings[i].applied ? applied : reported);
	}
	out = article_clean_text(&a, &len);
	tokens_release(&ts);
	view_release(&v);
	article_release(&a);
	return out;
}

#endif
