/*
 * test_report_xlsx.c - the pieces of the workbook that are pure
 * functions: the name of a whitespace-only change (utf8.h), the cell cut
 * (report_xlsx.h), and the rule that a note never shares a span with a
 * repair (article.h). The workbook itself is read back by openpyxl in
 * tests/cli/test_xlsx.sh.
 */
#include <stdlib.h>
#include <string.h>

#include "common/article.h"
#include "harness.h"
#include "common/utf8.h"
#include "report/report_xlsx.h"

static void test_whitespace_change(void)
{
	static const struct {
		const char *orig, *repl, *want; /* want NULL: not whitespace */
	} cases[] = {
	    {"a b",
	     "a\xC2\xA0"
	     "b",
	     "SPACE -> NO-BREAK SPACE"},
	    {"ab", "a\nb", "inserted LINE FEED"},
	    {"a  b", "a b", "deleted SPACE"},
	    {"a\t\r\nb", "a b",
	     "CHARACTER TABULATION + CARRIAGE RETURN + "
	     "LINE FEED -> SPACE"},
	    {"x\xE2\x80\xAFy", "xy", "deleted NARROW NO-BREAK SPACE"},
	    {"le le", "le", NULL},
	    {"same", "same", NULL},
	    {"caf\xC3\xA9", "cafe", NULL},
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *got = utf8_whitespace_change(
		    cases[i].orig, strlen(cases[i].orig), cases[i].repl,
		    strlen(cases[i].repl));
		if (!cases[i].want)
			CHECK_MSG(!got, "case %zu: %s", i, got ? got : "");
		else
			CHECK_MSG(got && !strcmp(got, cases[i].want),
				  "case %zu: %s", i, got ? got : "(null)");
		free(got);
	}
}

static void test_cell_prefix(void)
{
	size_t n = XLSX_CELL_MAX + 10;
	char *s = malloc(2 * n);

	for (size_t i = 0; i < n; i++)
		memcpy(s + 2 * i, "\xC3\xA9", 2); /* é: 2 bytes, 1 unit */
	CHECK_EQ(xlsx_cell_prefix(s, 20, 0), 20);
	CHECK_EQ(xlsx_cell_prefix(s, 2 * n, 0), 2 * (size_t)XLSX_CELL_MAX);
	CHECK_EQ(xlsx_cell_prefix(s, 2 * n, 7),
		 2 * ((size_t)XLSX_CELL_MAX - 7));
	for (size_t i = 0; i + 4 <= 2 * n; i += 4)
		memcpy(s + i, "\xF0\x9F\x98\x80", 4); /* U+1F600: 2 units */
	CHECK_EQ(xlsx_cell_prefix(s, 2 * n - (2 * n) % 4, 0) % 4, 0);
	free(s);
}

static void test_shadowed_notes(void)
{
	struct article a;

	article_init(&a, "t");
	article_set_text(&a, strdup("LeMondeXY b c"), 13);
	/* an unknown name inside a glued-words repair: dropped */
	article_add(&a, FK_GLUED_WORDS, 3, 3, " ", 1, 1, 0.9, NULL);
	article_add(&a, FK_UNKNOWN_NAME, 0, 8, "", 0, 0, 0.5, NULL);
	/* a note beside a repair, not on it: kept */
	article_add(&a, FK_SPACING, 10, 11, "", 0, 1, 0.9, NULL);
	article_add(&a, FK_TYPOGRAPHY, 11, 12, "x", 1, 0, 0.5, NULL);
	/* a defect on a repair's span stays (only notes give way) */
	article_add(&a, FK_MISSPELLING, 10, 11, "", 0, 0, 0.5, NULL);
	article_sort_findings(&a);
	CHECK_EQ(article_drop_shadowed_notes(&a), 1);
	CHECK_EQ(a.counts[FK_UNKNOWN_NAME], 0);
	CHECK_EQ(a.counts[FK_TYPOGRAPHY], 1);
	CHECK_EQ(a.nfindings, 4);
	article_release(&a);
}

int main(void)
{
	RUN(test_whitespace_change);
	RUN(test_cell_prefix);
	RUN(test_shadowed_notes);
	return harness_done();
}
