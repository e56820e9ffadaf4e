/*
 * test_view.c - the view's offset map and view_report(): an applied edit
 * whose edge falls inside an earlier replacement supersedes it without
 * losing its text, so the cleaned text is exactly the view with the edit.
 */
#include "common/article.h"
#include "harness.h"
#include "common/util.h"
#include "common/view.h"

/* "Â«Ã‰tonnant." with its mojibake "Â«Ã‰" (bytes 0-8) repaired to
 * "«É" (view bytes 0-4); then one edit on the view. */
static void test_edit_inside_replacement(void)
{
	static const char text[] = "\xC3\x82\xC2\xAB\xC3\x83\xE2\x80\xB0"
				   "tonnant.";
	static const struct {
		size_t vstart, vend;
		const char *repl, *want;
	} cases[] = {
	    /* a no-break space inserted after "«" (inside the repair) */
	    {2, 2, "\xC2\xA0", "\xC2\xAB\xC2\xA0\xC3\x89tonnant."},
	    /* "É" replaced by "E" (the edit ends where the repair ends) */
	    {2, 4, "E",
	     "\xC2\xAB"
	     "Etonnant."},
	    /* "«" deleted (starts where the repair starts) */
	    {0, 2, "", "\xC3\x89tonnant."},
	    /* "Ét" replaced by "Et", across the end of the repair */
	    {2, 5, "Et",
	     "\xC2\xAB"
	     "Etonnant."},
	    /* outside the repair: nothing to widen */
	    {5, 11, "", "\xC2\xAB\xC3\x89t."},
	};

	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		struct article a;
		struct view v;
		size_t len, applied = 0;
		char *clean;

		article_init(&a, "t");
		article_set_text(&a, xmemdup(text, sizeof(text) - 1),
				 sizeof(text) - 1);
		article_add(&a, FK_MOJIBAKE, 0, 9, "\xC2\xAB\xC3\x89", 4, 1,
			    0.9, NULL);
		view_build(&v, &a);
		CHECK_STR(v.text, "\xC2\xAB\xC3\x89tonnant.");
		view_report(&v, &a, FK_TYPOGRAPHY, cases[i].vstart,
			    cases[i].vend, cases[i].repl, strlen(cases[i].repl),
			    1, 0.9, NULL);
		view_release(&v);
		clean = article_clean_text(&a, &len);
		CHECK_STR(clean, cases[i].want);
		for (size_t j = 0; j < a.nfindings; j++)
			applied += a.findings[j].applied;
		CHECK_EQ(applied, 1 + (i == 4)); /* superseded, or both */
		free(clean);
		article_release(&a);
	}
}

int main(void)
{
	RUN(test_edit_inside_replacement);
	return harness_done();
}
