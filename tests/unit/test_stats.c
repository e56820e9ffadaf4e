/*
 * test_stats.c - the Gopher repetition statistics (stats.h) on small texts
 * whose values are worked out by hand from the formulas of
 * docs/repetition.md.
 */
#include <math.h>
#include <string.h>

#include "common/article.h"
#include "harness.h"
#include "common/segment.h"
#include "common/util.h"
#include "common/view.h"
#include "detect/stats.h"

static struct segmenter *seg;

struct scase {
	const char *text;
	double want[DS__COUNT];
};

static void check(const struct scase *c)
{
	struct article a;
	struct tokens ts;
	struct view v;

	article_init(&a, "t");
	article_set_text(&a, xstrdup(c->text), strlen(c->text));
	view_build(&v, &a);
	tokens_init(&ts);
	CHECK(segmenter_run(seg, v.text, v.len, &ts) == 0);
	stats_compute(&a, &v, &ts);
	for (int s = 0; s < DS__COUNT; s++)
		CHECK_MSG(fabs(a.stats[s] - c->want[s]) < 1e-9,
			  "'%s': %s = %.6f, want %.6f", c->text,
			  doc_stat_name(s), a.stats[s], c->want[s]);
	tokens_release(&ts);
	view_release(&v);
	article_release(&a);
}

static void test_lines(void)
{
	static const struct scase cases[] = {
	    /* 3 non-blank lines, the second repeats the first; the
	     * words run on across lines: "a b" twice covers 4 of 9 */
	    {"a b c\na b c\nd e f",
	     {[DS_DUP_LINE_FRAC] = 1.0 / 3,
	      [DS_TOP_2GRAM_CHAR_FRAC] = 4.0 / 9,
	      [DS_TOP_3GRAM_CHAR_FRAC] = 6.0 / 9}},
	    /* paragraphs of 14, 12 and 14 code points; the third repeats
	     * the first: 14 / 40; white space around lines is ignored.
	     * Words: 32 characters; "deux trois" beats "Un deux" (same
	     * count, longer): 18; "Un deux trois" twice: 22. */
	    {"Un deux trois.\n\nQuatre cinq.\n\n  Un deux trois.  \n",
	     {[DS_DUP_LINE_FRAC] = 1.0 / 3,
	      [DS_DUP_PARA_CHAR_FRAC] = 14.0 / 40,
	      [DS_TOP_2GRAM_CHAR_FRAC] = 18.0 / 32,
	      [DS_TOP_3GRAM_CHAR_FRAC] = 22.0 / 32}},
	    {"", {0}},
	    {"\n\n \n", {0}},
	};

	for (size_t i = 0; i < ARRAY_SIZE(cases); i++)
		check(&cases[i]);
}

static void test_ngrams(void)
{
	static const struct scase cases[] = {
	    /* words le chat le chat le chien: 19 characters. Top 2-gram
	     * "le chat" (tie with "chat le", same length, earlier) at 0
	     * and 2 covers 12; top 3-gram "le chat le" at 0 and 2 covers
	     * words 0-4, 14; no 4-gram occurs twice. */
	    {"le chat le chat le chien",
	     {[DS_TOP_2GRAM_CHAR_FRAC] = 12.0 / 19,
	      [DS_TOP_3GRAM_CHAR_FRAC] = 14.0 / 19}},
	    /* the 5-gram "a b c d e" twice: 10 of 11 characters; every
	     * occurrence counts, the first included */
	    {"a b c d e x a b c d e",
	     {[DS_TOP_2GRAM_CHAR_FRAC] = 4.0 / 11,
	      [DS_TOP_3GRAM_CHAR_FRAC] = 6.0 / 11,
	      [DS_TOP_4GRAM_CHAR_FRAC] = 8.0 / 11,
	      [DS_DUP_5GRAM_CHAR_FRAC] = 10.0 / 11}},
	    /* characters are code points, words are compared exactly */
	    {"été Été été été", {[DS_TOP_2GRAM_CHAR_FRAC] = 0}},
	};

	for (size_t i = 0; i < ARRAY_SIZE(cases); i++)
		check(&cases[i]);
}

/* A loop: 6 copies of a 10-word sentence make every statistic large. */
static void test_loop(void)
{
	static const char unit[] = "il a dit que la guerre est finie ce soir ";
	struct scase c;
	struct strbuf sb;

	sb_init(&sb);
	for (int i = 0; i < 6; i++)
		sb_adds(&sb, unit);
	memset(&c, 0, sizeof(c));
	c.text = sb.buf;
	/* 60 words, 31 characters per copy, 186 in all; every 5- to
	 * 10-gram occurs at least twice */
	for (int s = DS_TOP_2GRAM_CHAR_FRAC; s <= DS_DUP_10GRAM_CHAR_FRAC; s++)
		c.want[s] = 1.0;
	/* the top n-grams occur 6 times; among those the longest wins,
	 * then the earliest: "guerre est" (9 characters), "guerre est
	 * finie" (14), "la guerre est finie" (16, before "guerre est finie
	 * ce") */
	c.want[DS_TOP_2GRAM_CHAR_FRAC] = 6 * 9.0 / 186;
	c.want[DS_TOP_3GRAM_CHAR_FRAC] = 6 * 14.0 / 186;
	c.want[DS_TOP_4GRAM_CHAR_FRAC] = 6 * 16.0 / 186;
	check(&c);
	sb_release(&sb);
}

int main(void)
{
	seg = segmenter_new("fr");
	if (!seg)
		return harness_missing("no ICU word segmenter for 'fr'");
	RUN(test_lines);
	RUN(test_ngrams);
	RUN(test_loop);
	segmenter_free(seg);
	return harness_done();
}
