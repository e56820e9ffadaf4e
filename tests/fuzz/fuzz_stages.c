/*
 * fuzz_stages.c - fuzz target for each repair and detector stage on its
 * own, called through its public header. The first input byte picks the
 * stage, the rest is the article: decoded, normalized, viewed and
 * tokenized (fuzz_prepare), then given to that one stage alone, so that a
 * stage meets text no other repair has cleaned up.
 *
 * The repetition and spelling stages have targets of their own
 * (fuzz_repeat, fuzz_spell); the whole chain is fuzz_pipeline. A new stage
 * gets a line in the table below.
 */
#include "detect/boilerplate.h"
#include "repair/confusable.h"
#include "repair/controls.h"
#include "repair/entities.h"
#include "repair/escapes.h"
#include "fuzz.h"
#include "common/util.h"
#include "common/view.h"
#include "detect/stats.h"
#include "repair/glued.h"
#include "repair/lostchars.h"
#include "repair/markup.h"
#include "repair/mojibake.h"
#include "repair/normalize.h"
#include "repair/spacing.h"
#include "repair/typography.h"

static void run_mojibake(struct article *a, const struct view *v,
			 const struct tokens *ts)
{
	static struct mojibake *m;

	(void)ts;
	if (!m && !(m = mojibake_new(NULL)))
		fuzz_fail("cannot open the mojibake stage");
	mojibake_repair(m, a, v);
}

static void run_entities(struct article *a, const struct view *v,
			 const struct tokens *ts)
{
	(void)ts;
	entities_decode(fuzz_resources()->entities, a, v);
}

static void run_lostchars(struct article *a, const struct view *v,
			  const struct tokens *ts)
{
	(void)ts;
	const struct lostchars_lang l = {
	    fuzz_dict(), &fuzz_resources()->lang_words, fuzz_options()->lang};

	lostchars_repair(&l, a, v);
}

static void run_escapes(struct article *a, const struct view *v,
			const struct tokens *ts)
{
	(void)ts;
	escapes_decode(a, v);
}

static void run_markup(struct article *a, const struct view *v,
		       const struct tokens *ts)
{
	(void)ts;
	markup_remove(fuzz_resources()->markup, a, v);
}

static void run_controls(struct article *a, const struct view *v,
			 const struct tokens *ts)
{
	(void)ts;
	controls_remove(a, v);
}

static void run_confusable(struct article *a, const struct view *v,
			   const struct tokens *ts)
{
	static struct confusable *c;

	(void)ts;
	if (!c && !(c = confusable_new(fuzz_options()->lang)))
		fuzz_fail("cannot open the confusable stage");
	confusable_repair(c, a, v);
}

static void run_normalize(struct article *a, const struct view *v,
			  const struct tokens *ts)
{
	(void)ts;
	normalize_nfc(a, v);
}

static void run_spacing(struct article *a, const struct view *v,
			const struct tokens *ts)
{
	const struct resources *res = fuzz_resources();
	const struct spacing_data data = {
	    &res->elided_forms, &res->negations,       &res->letter_labels,
	    &res->clitics,	&res->no_space_before, &res->no_space_after,
	    fuzz_dict(),	&res->lang_words};

	spacing_repair(a, v, ts, &data);
}

static void run_glued(struct article *a, const struct view *v,
		      const struct tokens *ts, int allow_newline)
{
	const struct resources *res = fuzz_resources();
	const struct glued_lists lists = {&res->glued_keep,
					  &res->glued_starters};

	glued_repair(a, v, ts, fuzz_dict(), &lists, allow_newline);
}

static void run_glued_lines(struct article *a, const struct view *v,
			    const struct tokens *ts)
{
	run_glued(a, v, ts, 1);
}

static void run_glued_records(struct article *a, const struct view *v,
			      const struct tokens *ts)
{
	run_glued(a, v, ts, 0);
}

static void run_typography(struct article *a, const struct view *v,
			   const struct tokens *ts)
{
	typography_fr(a, v, ts);
}

static void run_stats(struct article *a, const struct view *v,
		      const struct tokens *ts)
{
	stats_compute(a, v, ts);
	for (int k = 0; k < DS__COUNT; k++)
		if (!(a->stats[k] >= 0.0 && a->stats[k] <= 1.0))
			fuzz_fail("statistic %s is %g, not a fraction",
				  doc_stat_name(k), a->stats[k]);
}

static void run_boilerplate(struct article *a, const struct view *v,
			    const struct tokens *ts)
{
	boilerplate_detect(a, v, ts, fuzz_resources()->boilerplate, NULL, 0);
}

static void (*const stages[])(struct article *, const struct view *,
			      const struct tokens *) = {
    run_mojibake, run_controls,	   run_confusable,    run_normalize,
    run_spacing,  run_glued_lines, run_glued_records, run_typography,
    run_stats,	  run_boilerplate, run_entities,      run_lostchars,
    run_escapes,  run_markup,
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct article a;
	struct tokens ts;
	struct view v;

	if (size == 0)
		return 0;
	article_init(&a, "fuzz");
	tokens_init(&ts);
	if (fuzz_prepare(&a, data + 1, size - 1, &v, &ts) == 0) {
		stages[data[0] % ARRAY_SIZE(stages)](&a, &v, &ts);
		view_release(&v);
	}
	fuzz_check_article(&a);
	tokens_release(&ts);
	article_release(&a);
	return 0;
}
