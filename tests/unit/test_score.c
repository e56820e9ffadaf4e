/*
 * test_score.c - the quality score: the formula on known values, grades,
 * monotonicity over every kind, length normalization, the short-text
 * floor, the top issue, and the weights file: every way it can be
 * malformed, and the shipped one.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/article.h"
#include "harness.h"
#include "common/score.h"

#define NEAR(a, b) (fabs((a) - (b)) < 1e-9)

/* The model of the tests below, in the weights file format: the formula
 * is tested on known constants, whatever the shipped file holds. */
static const char hand_text[] =
    "# a comment, then the curve\n"
    "min_words\t10\n"
    "half\t6\n"
    "steepness\t1.5\tnote: ignored\n"
    "\n"
    "unicode\t0.2\ncontrol_char\t0.5\nencoding\t3\nmojibake\t5\n"
    "confusable\t2\nspacing\t0.5\ntypography\t0\nglued_words\t5\n"
    "char_repeat\t5\nword_repeat\t3\nphrase_repeat\t3\n"
    "duplicate_line\t3\nboilerplate\t1\nmisspelling\t1\n"
    "unknown_name\t0.3\nforeign_language\t1\nname_variant\t0\n"
    "truncated\t3\nresidue\t3\r\n";

static struct score_model hand;

static void make(struct article *a, size_t words)
{
	article_init(a, "t");
	a->words = words;
}

/* Known values of the formula with half 6, steepness 1.5, min_words 10. */
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

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		double got =
		    score_from_penalty(&hand, cases[i].penalty, cases[i].words);

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
		CHECK_MSG(score_weight(&hand, k) >= 0, "weight of %s",
			  finding_kind_name(k));
	for (size_t l = 0; l < sizeof(lengths) / sizeof(lengths[0]); l++) {
		for (int k = 0; k < FK__COUNT; k++) {
			struct article a;
			struct score before, after;

			make(&a, lengths[l]);
			a.counts[FK_MISSPELLING] = 2;
			a.counts[FK_SPACING] = 1;
			score_article(&a, &hand, &before);
			a.counts[k]++;
			score_article(&a, &hand, &after);
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
	score_article(&s, &hand, &ss);
	score_article(&l, &hand, &ls);
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
	score_article(&a, &hand, &s);
	CHECK_EQ(s.top_kind, -1);
	CHECK(NEAR(s.value, 100));
	CHECK_EQ(s.grade, 'A');

	/* weight times count decides, not the count alone */
	a.counts[FK_SPACING] = 1;
	a.counts[FK_MOJIBAKE] = 1;
	score_article(&a, &hand, &s);
	CHECK_EQ(s.top_kind, score_weight(&hand, FK_MOJIBAKE) >=
				     score_weight(&hand, FK_SPACING)
				 ? FK_MOJIBAKE
				 : FK_SPACING);
	a.counts[FK_SPACING] = 1000;
	score_article(&a, &hand, &s);
	CHECK_EQ(s.top_kind, FK_SPACING);

	/* a note weighs in the score but is never the top issue */
	a.counts[FK_UNKNOWN_NAME] = 100000;
	a.counts[FK_TYPOGRAPHY] = 100000;
	a.counts[FK_NAME_VARIANT] = 100000;
	score_article(&a, &hand, &s);
	CHECK_EQ(s.top_kind, FK_SPACING);
	CHECK(NEAR(s.penalty,
		   1000 * score_weight(&hand, FK_SPACING) +
		       score_weight(&hand, FK_MOJIBAKE) +
		       100000 * (score_weight(&hand, FK_UNKNOWN_NAME) +
				 score_weight(&hand, FK_TYPOGRAPHY) +
				 score_weight(&hand, FK_NAME_VARIANT))));
	a.counts[FK_SPACING] = a.counts[FK_MOJIBAKE] = 0;
	score_article(&a, &hand, &s);
	CHECK_EQ(s.top_kind, -1);
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
		score_article(&a, &hand, &s);
		CHECK_MSG(fabs(s.density -
			       cases[i].density *
				   score_weight(&hand, FK_FOREIGN_LANGUAGE)) <
			      1e-9,
			  "case %zu: density %f", i, s.density);
		CHECK_EQ(s.top_kind, cases[i].end > cases[i].start
					 ? FK_FOREIGN_LANGUAGE
					 : -1);
		article_release(&a);
	}
}

/* Every malformed weights file is refused with its line and cause. */
static void test_parse_errors(void)
{
	static const struct {
		const char *edit; /* appended to a valid file, or replacing */
		int replace;
		const char *want;
	} cases[] = {
	    {"", 0, NULL},
	    {"# only a comment\n", 1, "w.tsv: no value for 'unicode'"},
	    {"misspelling 1\n", 0, "w.tsv:25: expected NAME<TAB>VALUE"},
	    {"misspelling\n", 0, "w.tsv:25: expected NAME<TAB>VALUE"},
	    {"misspeling\t1\n", 0, "w.tsv:25: unknown name 'misspeling'"},
	    {"Misspelling\t1\n", 0, "w.tsv:25: unknown name 'Misspelling'"},
	    {"misspelling\t2\n", 0,
	     "w.tsv:25: 'misspelling' given twice (first on line 19)"},
	    {"half\t1\n", 0, "w.tsv:25: 'half' given twice (first on line 3)"},
	    {"min_words\t10\nsteepness\t2\nhalf\tsix\n", 1,
	     "w.tsv:3: invalid value 'six' for 'half'"},
	    {"half\t\tfitted\n", 1, "w.tsv:1: invalid value '' for 'half'"},
	    {"half\t6x\n", 1, "w.tsv:1: invalid value '6x' for 'half'"},
	    {"half\tnan\n", 1, "w.tsv:1: invalid value 'nan' for 'half'"},
	    {"half\tinf\n", 1, "w.tsv:1: invalid value 'inf' for 'half'"},
	    {"half\t1e999\n", 1, "w.tsv:1: invalid value '1e999' for 'half'"},
	    {"half\t0\n", 1, "w.tsv:1: half must be above 0, not 0"},
	    {"steepness\t-1\n", 1,
	     "w.tsv:1: steepness must be above 0, not -1"},
	    {"min_words\t2.5\n", 1,
	     "w.tsv:1: min_words must be a whole number from 1 to 100000, "
	     "not 2.5"},
	    {"min_words\t0\n", 1,
	     "w.tsv:1: min_words must be a whole number from 1 to 100000, "
	     "not 0"},
	    {"\n\nglued_words\t-0.5\n", 1,
	     "w.tsv:3: negative weight -0.5 for 'glued_words' (a finding "
	     "would raise the score)"},
	    {"a_name_much_longer_than_any_kind_name\t1\n", 1,
	     "w.tsv:1: unknown name 'a_name_much_longer_than_any_kind_name'"},
	    {"half\t0.00000000000000000000000000000000000000000000000000000000"
	     "000000001\n",
	     1, "w.tsv:1: invalid value for 'half'"},
	};
	char text[2048], err[256];

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct score_model m;
		int n =
		    snprintf(text, sizeof(text), "%s%s",
			     cases[i].replace ? "" : hand_text, cases[i].edit);
		int rc;

		CHECK(n > 0 && (size_t)n < sizeof(text));
		err[0] = '\0';
		rc = score_model_parse(&m, text, (size_t)n, "w.tsv", err,
				       sizeof(err));
		CHECK_MSG(rc == (cases[i].want ? -1 : 0), "case %zu: %d", i,
			  rc);
		if (cases[i].want)
			CHECK_STR(err, cases[i].want);
	}
}

/* The shipped file loads, every kind weighs >= 0 (adding a finding never
 * raises the score), and the curve gives 100 to a clean text. */
static void test_shipped_weights(void)
{
	struct score_model m;
	struct article a;
	struct score s;

	CHECK(score_model_load(&m, RELIRE_DATA_DIR "/" SCORE_WEIGHTS_FILE) ==
	      0);
	for (int k = 0; k < FK__COUNT; k++)
		CHECK_MSG(score_weight(&m, k) >= 0, "%s", finding_kind_name(k));
	CHECK(m.half > 0 && m.steepness > 0 && m.min_words >= 1);
	make(&a, 50);
	score_article(&a, &m, &s);
	CHECK(NEAR(s.value, 100));
	for (int k = 0; k < FK__COUNT; k++) {
		double before = s.value;

		a.counts[k]++;
		score_article(&a, &m, &s);
		CHECK_MSG(s.value <= before, "%s", finding_kind_name(k));
	}
	article_release(&a);
	CHECK(score_model_load(&m, "/nonexistent/weights.tsv") == -1);
}

int main(void)
{
	char err[256];

	if (score_model_parse(&hand, hand_text, sizeof(hand_text) - 1, "hand",
			      err, sizeof(err)) < 0) {
		fprintf(stderr, "%s\n", err);
		return 1;
	}
	RUN(test_parse_errors);
	RUN(test_shipped_weights);
	RUN(test_formula);
	RUN(test_grades);
	RUN(test_monotone);
	RUN(test_length_normalized);
	RUN(test_top_issue);
	RUN(test_foreign_share);
	return harness_done();
}
