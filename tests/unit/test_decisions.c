/*
 * test_decisions.c - decisions.csv read back and applied: a decision finds
 * its finding by content (same span first, else the n-th occurrence), an
 * approval applies a reported repair, a rejection unapplies an applied one,
 * and a decision that no longer matches or overlaps is reported, never
 * applied. Malformed files are refused with their line.
 */
#include <stdlib.h>

#include "common/article.h"
#include "corpus/decisions.h"
#include "harness.h"
#include "common/util.h"

#define HEAD "article,kind,start,end,occurrence,original,replacement,decision\n"

/* "le le chat chat" after shift bytes, with two reported word_repeat
 * findings ("le ", "chat ") and an applied spacing insertion at the end. */
static void make(struct article *a, const char *text, size_t shift)
{
	size_t n = strlen(text);

	article_init(a, "a.txt");
	article_set_text(a, xmemdup(text, n), n);
	article_add(a, FK_WORD_REPEAT, shift, shift + 3, "", 0, 0, 0.5, NULL);
	article_add(a, FK_WORD_REPEAT, shift + 6, shift + 11, "", 0, 0, 0.5,
		    NULL);
	article_add(a, FK_SPACING, n, n, ".", 1, 1, 0.9, NULL);
	article_sort_findings(a);
}

static void test_apply(void)
{
	static const struct {
		const char *text;
		size_t shift;
		const char *csv;
		int applied[3]; /* of the three findings afterwards */
		size_t unused;
	} cases[] = {
	    /* same span: approved */
	    {"le le chat chat",
	     0,
	     HEAD "a.txt,word_repeat,0,3,1,\"le \",,approved\n",
	     {1, 0, 1},
	     0},
	    /* a rejection of the applied insertion */
	    {"le le chat chat",
	     0,
	     HEAD "a.txt,spacing,15,15,1,,.,rejected\n",
	     {0, 0, 0},
	     0},
	    /* the text moved by 2 bytes: found by its occurrence */
	    {"  le le chat chat",
	     2,
	     HEAD "a.txt,word_repeat,0,3,1,\"le \",,approved\n",
	     {1, 0, 1},
	     0},
	    /* the second occurrence of the same content, moved */
	    {"xx le le chat chat",
	     3,
	     HEAD "\"a.txt\",\"word_repeat\",\"6\",\"11\",\"1\",\"chat \","
		  "\"\",\"approved\"\r\n",
	     {0, 1, 1},
	     0},
	    /* the original changed: reported, not applied */
	    {"le le chat chat",
	     0,
	     HEAD "a.txt,word_repeat,0,3,1,\"la \",,approved\n",
	     {0, 0, 1},
	     1},
	    /* another replacement than the one approved */
	    {"le le chat chat",
	     0,
	     HEAD "a.txt,word_repeat,0,3,1,\"le \",X,approved\n",
	     {0, 0, 1},
	     1},
	    /* another article */
	    {"le le chat chat",
	     0,
	     HEAD "b.txt,word_repeat,0,3,1,\"le \",,approved\n",
	     {0, 0, 1},
	     1},
	    /* columns in another order, spreadsheet apostrophe, BOM */
	    {"le le chat chat",
	     0,
	     "\xEF\xBB\xBF"
	     "decision,article,kind,start,end,occurrence,original,"
	     "replacement\napproved,a.txt,word_repeat,6,11,1,\"chat \",\n",
	     {0, 1, 1},
	     0},
	};

	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		struct article a;
		struct decisions *d;

		make(&a, cases[i].text, cases[i].shift);
		CHECK_EQ(decisions_read_buffer("t.csv", cases[i].csv,
					       strlen(cases[i].csv), &d),
			 0);
		decisions_apply(d, &a);
		for (size_t k = 0; k < 3 && k < a.nfindings; k++)
			CHECK_MSG(a.findings[k].applied == cases[i].applied[k],
				  "case %zu finding %zu", i, k);
		CHECK_MSG(decisions_report_unused(d) == cases[i].unused,
			  "case %zu", i);
		decisions_free(d);
		article_release(&a);
	}
}

/* An approval over an applied repair is refused, and says so. */
static void test_overlap(void)
{
	static const char csv[] =
	    HEAD "a.txt,typography,0,5,1,le le,le,approved\n";
	struct article a;
	struct decisions *d;

	make(&a, "le le chat chat", 0);
	article_add(&a, FK_TYPOGRAPHY, 0, 5, "le", 2, 0, 0.5, NULL);
	article_add(&a, FK_SPACING, 2, 3, "_", 1, 1, 0.5, NULL);
	article_sort_findings(&a);
	CHECK_EQ(decisions_read_buffer("t.csv", csv, strlen(csv), &d), 0);
	decisions_apply(d, &a);
	for (size_t k = 0; k < a.nfindings; k++)
		if (a.findings[k].kind == FK_TYPOGRAPHY) {
			CHECK(!a.findings[k].applied);
			CHECK(strstr(a.findings[k].detail, "overlaps"));
		}
	CHECK_EQ(decisions_report_unused(d), 1);
	decisions_free(d);
	article_release(&a);
}

static void test_occurrence(void)
{
	static const char text[] = "le le le le chat";
	struct article a;
	size_t *occ;

	article_init(&a, "a.txt");
	article_set_text(&a, xmemdup(text, sizeof(text) - 1), sizeof(text) - 1);
	article_add(&a, FK_WORD_REPEAT, 3, 6, "", 0, 0, 0.5, NULL);
	article_add(&a, FK_WORD_REPEAT, 0, 3, "", 0, 0, 0.5, NULL);
	article_add(&a, FK_WORD_REPEAT, 6, 9, "x", 1, 0, 0.5, NULL);
	article_add(&a, FK_TYPOGRAPHY, 12, 16, "chat", 4, 0, 0.5, NULL);
	article_sort_findings(&a);
	CHECK_EQ(decisions_occurrence(&a, 0), 1); /* "le " at 0 */
	CHECK_EQ(decisions_occurrence(&a, 1), 2); /* "le " at 3 */
	CHECK_EQ(decisions_occurrence(&a, 2), 1); /* another replacement */
	occ = decisions_occurrences(&a);
	for (size_t i = 0; i < a.nfindings; i++)
		CHECK_EQ(occ[i], decisions_occurrence(&a, i));
	free(occ);
	CHECK(decisions_reviewable(&a, &a.findings[0]));
	CHECK(!decisions_reviewable(&a, &a.findings[3])); /* no change */
	article_release(&a);
}

/* Many findings over repeated words, few contents: the one-pass
 * occurrences agree with decisions_occurrence on every finding. */
static void test_occurrences_many(void)
{
	static const char *const repl[] = {"", "x", "le", "la"};
	static const enum finding_kind kinds[] = {FK_WORD_REPEAT, FK_TYPOGRAPHY,
						  FK_SPACING};
	struct strbuf sb;
	struct article a;
	size_t *occ;

	sb_init(&sb);
	for (int i = 0; i < 300; i++)
		sb_adds(&sb, i % 7 ? "le " : "la ");
	article_init(&a, "a.txt");
	article_set_text(&a, xmemdup(sb.buf, sb.len), sb.len);
	for (size_t i = 0; i < 600; i++) {
		size_t at = (i * 37 % 300) * 3, len = i % 3 ? 3 : 2;
		const char *r = repl[i % ARRAY_SIZE(repl)];

		article_add(&a, kinds[i % ARRAY_SIZE(kinds)], at, at + len, r,
			    strlen(r), 0, 0.5, NULL);
	}
	article_sort_findings(&a);
	occ = decisions_occurrences(&a);
	for (size_t i = 0; i < a.nfindings; i++)
		CHECK_EQ(occ[i], decisions_occurrence(&a, i));
	free(occ);
	article_release(&a);
	sb_release(&sb);
}

static void test_malformed(void)
{
	static const char *const bad[] = {
	    "article,kind\nx,y\n",
	    HEAD "a.txt,no_such_kind,0,3,1,\"le \",,approved\n",
	    HEAD "a.txt,word_repeat,0,3,1,le ,,maybe\n",
	    HEAD "a.txt,word_repeat,3,0,1,\"le \",,approved\n",
	    HEAD "a.txt,word_repeat,0,3,0,le ,,approved\n",
	    HEAD ",word_repeat,0,3,1,\"le \",,approved\n",
	    "",
	};

	for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
		struct decisions *d = NULL;

		CHECK_MSG(decisions_read_buffer("t.csv", bad[i], strlen(bad[i]),
						&d) < 0,
			  "case %zu accepted", i);
		CHECK(d == NULL);
	}
}

int main(void)
{
	rl_set_quiet(1);
	RUN(test_apply);
	RUN(test_overlap);
	RUN(test_occurrence);
	RUN(test_occurrences_many);
	RUN(test_malformed);
	return harness_done();
}
