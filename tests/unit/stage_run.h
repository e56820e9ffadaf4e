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

/* A row of a stage's rule table: input, cleaned text, and the number of
 * findings (applied or not) and of applied ones. */
struct stage_case {
	const char *rule;
	const char *in;
	const char *want;
	size_t findings;
	size_t applied;
};

/* The stage under test, as the three checks below run it. */
struct stage_under_test {
	struct segmenter *seg; /* NULL: no tokens */
	enum finding_kind kind;
	stage_fn *fn;
	void *ctx;
};

static inline char *stage_run_counted(const struct stage_under_test *t,
				      const char *in, size_t *findings,
				      size_t *applied)
{
	size_t reported;
	char *out =
	    stage_run(t->seg, in, t->kind, t->fn, t->ctx, applied, &reported);

	*findings = *applied + reported;
	return out;
}

/* Every row of c[0..n): the cleaned text and the finding counts. */
static inline void stage_check_cases(const struct stage_under_test *t,
				     const struct stage_case *c, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		size_t nf, na;
		char *out = stage_run_counted(t, c[i].in, &nf, &na);

		CHECK_MSG(!strcmp(out, c[i].want),
			  "rule %s (row %zu): got \"%s\"", c[i].rule, i, out);
		CHECK_MSG(nf == c[i].findings && na == c[i].applied,
			  "rule %s (row %zu): %zu findings, %zu applied",
			  c[i].rule, i, nf, na);
		free(out);
	}
}

/* Good text: no finding, byte-identical. */
static inline void stage_check_untouched(const struct stage_under_test *t,
					 const char *const *good, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		size_t nf, na;
		char *out = stage_run_counted(t, good[i], &nf, &na);

		CHECK_MSG(!strcmp(out, good[i]) && nf == 0,
			  "row %zu: %zu findings", i, nf);
		free(out);
	}
}

/* A second run over each row's output applies nothing and changes
 * nothing. */
static inline void stage_check_idempotent(const struct stage_under_test *t,
					  const struct stage_case *c, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		size_t nf, na, nf2, na2;
		char *once = stage_run_counted(t, c[i].in, &nf, &na);
		char *twice = stage_run_counted(t, once, &nf2, &na2);

		CHECK_MSG(na2 == 0 && !strcmp(once, twice), "row %zu", i);
		free(once);
		free(twice);
	}
}

/* The three checks of a stage's tables: its rules, the text it must leave
 * alone, and idempotence on the rules' inputs. */
static inline void stage_check_all(const struct stage_under_test *t,
				   const struct stage_case *c, size_t n,
				   const char *const *untouched, size_t m)
{
	stage_check_cases(t, c, n);
	stage_check_untouched(t, untouched, m);
	stage_check_idempotent(t, c, n);
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
