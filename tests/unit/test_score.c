/*
 * test_score.c - the quality score: the formula on known values, grades,
 * monotonicity over every kind, length normalization, the short-text
 * floor, and the top issue.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "harness.h"
#include "score.h"

#define NEAR(a, b) (fabs((a) - (b)) < 1e-9)

static void make(struct article *a, size_t words)
{
	article_init(a, "t");
	a->words = words;
}

/* Known values of the formula with the calibrated constants. */
static void test_formula(void)
{
	static const struct {
		double penalty;
		size_t words;
		double want;
	} cases[] = {
	    {0, 0, 100.0},	  {0, 500, 100.0},
	    {6, 100, 50.0}, /* density SCORE_HALF scores 50 */
	    {60, 1000, 50.0},	  {1, 100, 93.629331},
	    {12, 100, 26.120387}, {1, 10, 31.729337},
	    {1, 1, 31.729337}, /* short texts count as SCORE_MIN_WORDS */
	    {2, 5, 14.112720},
	};

	CHECK_MSG(SCORE_MIN_WORDS == 10 && SCORE_HALF == 6.0 &&
		      SCORE_STEEPNESS == 1.5,
		  "constants changed: update this table and docs/scoring.md");
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		double got =
		    score_from_penalty(cases[i].penalty, cases[i].words);

		CHECK_MSG(fabs(got - cases[i].want) < 1e-5,
			  "case %zu: %f, want %f", i, got, cases[i].want);
	}
}

static void test_grades(void)
{
	static const struct {
		double value;
		char grade;
	} cases[] = {
	    {100, 'A'}, {90, 'A'},   {89.99, 'B'}, {75, 'B'},	{74.9, 'C'},
	    {60, 'C'},	{59.9, 'D'}, {40, 'D'},	   {39.9, 'F'}, {0, 'F'},
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		CHECK_MSG(score_grade(cases[i].value) == cases[i].grade, "%.2f",
			  cases[i].value);
}

/* No finding of any kind ever raises the score, whatever else is there. */
static void test_monotone(void)
{
	static const size_t lengths[] = {0, 5, 40, 300, 5000};

	for (int k = 0; k < FK__COUNT; k++)
		CHECK_MSG(score_weight(k) >= 0, "weight of %s",
			  finding_kind_name(k));
	for (size_t l = 0; l < sizeof(lengths) / sizeof(lengths[0]); l++) {
		for (int k = 0; k < FK__COUNT; k++) {
			struct article a;
			struct score before, after;

			make(&a, lengths[l]);
			a.counts[FK_MISSPELLING] = 2;
			a.counts[FK_SPACING] = 1;
			score_article(&a, &before);
			a.counts[k]++;
			score_article(&a, &after);
			CHECK_MSG(after.value <= before.value,
				  "%s raised the score", finding_kind_name(k));
			CHECK(after.penalty >= before.penalty);
			article_release(&a);
		}
	}
}

/* The same density of problems scores alike at 200 and 2,000 words. */
static void test_length_normalized(void)
{
	struct article s, l;
	struct score ss, ls;

	make(&s, 200);
	make(&l, 2000);
	s.counts[FK_MOJIBAKE] = 2;
	s.counts[FK_MISSPELLING] = 3;
	l.counts[FK_MOJIBAKE] = 20;
	l.counts[FK_MISSPELLING] = 30;
	score_article(&s, &ss);
	score_article(&l, &ls);
	CHECK(NEAR(ss.value, ls.value));
	CHECK(NEAR(ss.density, ls.density));
	CHECK(ss.value < 100);
	article_release(&s);
	article_release(&l);
}

static void test_top_issue(void)
{
	struct article a;
	struct score s;

	make(&a, 100);
	score_article(&a, &s);
	CHECK_EQ(s.top_kind, -1);
	CHECK(NEAR(s.value, 100));
	CHECK_EQ(s.grade, 'A');

	/* weight times count decides, not the count alone */
	a.counts[FK_UNKNOWN_NAME] = 1;
	a.counts[FK_MOJIBAKE] = 1;
	score_article(&a, &s);
	CHECK_EQ(s.top_kind,
		 score_weight(FK_MOJIBAKE) >= score_weight(FK_UNKNOWN_NAME)
		     ? FK_MOJIBAKE
		     : FK_UNKNOWN_NAME);
	a.counts[FK_UNKNOWN_NAME] = 1000;
	score_article(&a, &s);
	CHECK_EQ(s.top_kind, FK_UNKNOWN_NAME);
	CHECK(NEAR(s.penalty, 1000 * score_weight(FK_UNKNOWN_NAME) +
				  score_weight(FK_MOJIBAKE)));
	article_release(&a);
}

/* foreign_language costs by the share of the text it covers. */
static void test_foreign_share(void)
{
	static const struct {
		size_t start, end; /* one finding in a 100-byte text */
		double density;	   /* over 20 words */
	} cases[] = {
	    {0, 0, 0.0},     /* zero-length: covers nothing */
	    {0, 100, 100.0}, /* the whole text, weight 1 */
	    {0, 50, 50.0},
	    {90, 100, 10.0},
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct article a;
		struct score s;
		char *text = malloc(101);

		memset(text, 'a', 100);
		text[100] = '\0';
		make(&a, 20);
		article_set_text(&a, text, 100);
		article_add(&a, FK_FOREIGN_LANGUAGE, cases[i].start,
			    cases[i].end, NULL, 0, 0, 0.8, NULL);
		score_article(&a, &s);
		CHECK_MSG(fabs(s.density -
			       cases[i].density *
				   score_weight(FK_FOREIGN_LANGUAGE)) < 1e-9,
			  "case %zu: density %f", i, s.density);
		CHECK_EQ(s.top_kind, cases[i].end > cases[i].start
					 ? FK_FOREIGN_LANGUAGE
					 : -1);
		article_release(&a);
	}
}

int main(void)
{
	RUN(test_formula);
	RUN(test_grades);
	RUN(test_monotone);
	RUN(test_length_normalized);
	RUN(test_top_issue);
	RUN(test_foreign_share);
	return harness_done();
}
