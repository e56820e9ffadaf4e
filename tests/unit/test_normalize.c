/*
 * test_normalize.c - the NFC stage: decomposed letters are composed,
 * combining marks out of canonical order are reordered, each change is
 * one applied `unicode` finding covering only what it changes, and text
 * already in NFC (or that NFKC would change: "10³", "ﬁ") is untouched.
 */
#include "harness.h"
#include "repair/normalize.h"
#include "stage_run.h"

static void nfc_stage(struct article *a, const struct view *v,
		      const struct tokens *ts, void *ctx)
{
	(void)ts;
	(void)ctx;
	normalize_nfc(a, v);
}

static void test_nfc(void)
{
	static const struct {
		const char *in, *want;
		size_t applied;
	} cases[] = {
	    /* e + U+0301 -> é */
	    {"le pre\xCC\x81sident", "le pr\xC3\xA9sident", 1},
	    {"E\xCC\x81tat et cafe\xCC\x81", "\xC3\x89tat et caf\xC3\xA9", 2},
	    /* U+031A (class 232) before U+0305 (class 230): reordered */
	    {"U `\xCC\x9A\xCC\x85N2", "U `\xCC\x85\xCC\x9AN2", 1},
	    /* the same marks in canonical order: untouched */
	    {"U `\xCC\x85\xCC\x9AN2", "U `\xCC\x85\xCC\x9AN2", 0},
	    /* already NFC, or only NFKC would change it */
	    {"d\xC3\xA9j\xC3\xA0 10\xC2\xB3 \xEF\xAC\x81n", NULL, 0},
	    {"\xD0\x9F\xD1\x83\xD1\x82\xD0\xB8\xD0\xBD", NULL, 0},
	    /* Hangul jamo compose to a syllable */
	    {"\xE1\x84\x80\xE1\x85\xA1", "\xEA\xB0\x80", 1},
	};

	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		const char *want = cases[i].want ? cases[i].want : cases[i].in;
		size_t applied, reported;
		char *out = stage_run(NULL, cases[i].in, FK_UNICODE, nfc_stage,
				      NULL, &applied, &reported);

		CHECK_STR(out, want);
		CHECK_EQ(applied, cases[i].applied);
		CHECK_EQ(reported, 0);
		free(out);
	}
}

int main(void)
{
	RUN(test_nfc);
	return harness_done();
}
