/*
 * test_report_xlsx.c - the pieces of the workbook that are pure
 * functions: the name of a whitespace-only change (utf8.h), the cell cut
 * (report_xlsx.h), and the rule that a note never shares a span with a
 * repair (article.h), and the number cells that report_xlsx.c writes in
 * libxlsxwriter's place (the same bytes as the library's own function).
 * The workbook itself is read back by openpyxl in tests/cli/test_xlsx.sh.
 */
#define _GNU_SOURCE /* RTLD_NEXT */
#include <dlfcn.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

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

/* xlsx_number_text() against "%.16G", on the numbers the workbook writes
 * and on the edges of its fast path. */
static void test_number_text(void)
{
	static const double v[] = {
	    0,	     -0.0,	  1,	    -1,		 7,
	    10,	     42,	  99.5,	    0.25,	 1e14,
	    1e15,    -1e15,	  1e15 - 1, -(1e15 - 1), 123456789012345.0,
	    1e16,    3e20,	  1e-7,	    NAN,	 INFINITY,
	    2.0 / 3, 4294967296.0};
	char got[XLSX_NUMBER_TEXT], want[64];

	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		size_t n = xlsx_number_text(v[i], got);
		snprintf(want, sizeof(want), "%.16G", v[i]);
		CHECK_MSG(!n || (n == strlen(want) && !strcmp(got, want)),
			  "%.17g: \"%s\", \"%%.16G\" gives \"%s\"", v[i], got,
			  want);
	}
	CHECK_EQ(xlsx_number_text(42, got), 2);
	CHECK_EQ(xlsx_number_text(0.5, got), 0);
	CHECK_EQ(xlsx_number_text(-0.0, got), 0);
	CHECK_EQ(xlsx_number_text(1e15, got), 0);
	for (long long k = -100000; k <= 100000; k += 7) {
		xlsx_number_text((double)k, got);
		snprintf(want, sizeof(want), "%.16G", (double)k);
		CHECK_MSG(!strcmp(got, want), "%lld: \"%s\"", k, got);
	}
}

/* The cell report_xlsx.c writes and the library's own function's, byte
 * for byte, with and without a style. */
static void test_number_cell(void)
{
	static const double v[] = {0, 1, 17, -3, 0.5, 1e20, 2.0 / 3, -0.0};
	void *sym = dlsym(RTLD_NEXT, "_write_number_cell");
	void (*lib)(lxw_worksheet *, char *, int32_t, lxw_cell *);
	char range[] = "AB1234";

	CHECK_MSG(sym != NULL, "libxlsxwriter exports no _write_number_cell");
	if (!sym)
		return;
	memcpy(&lib, &sym, sizeof(sym));
	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++)
		for (int32_t style = 0; style < 3; style++) {
			lxw_worksheet ws;
			lxw_cell cell;
			char *a = NULL, *b = NULL;
			size_t an = 0, bn = 0;

			memset(&ws, 0, sizeof(ws));
			memset(&cell, 0, sizeof(cell));
			cell.u.number = v[i];
			ws.file = open_memstream(&a, &an);
			xlsx_write_number_cell(&ws, range, style * 7, &cell);
			fclose(ws.file);
			ws.file = open_memstream(&b, &bn);
			lib(&ws, range, style * 7, &cell);
			fclose(ws.file);
			CHECK_MSG(an == bn && !memcmp(a, b, an),
				  "%g, style %d: \"%s\" against \"%s\"", v[i],
				  (int)style * 7, a, b);
			free(a);
			free(b);
		}
}

/* Cell names: this module's lxw_rowcol_to_cell() and the library's, on
 * every column and rows from the first to the last. */
static void test_cell_names(void)
{
	static const lxw_row_t rows[] = {0, 1, 8, 9, 98, 99, 12345, 1048575};
	void *sym = dlsym(RTLD_NEXT, "lxw_rowcol_to_cell");
	void (*lib)(char *, lxw_row_t, lxw_col_t);
	size_t bad = 0;

	CHECK_MSG(sym != NULL, "libxlsxwriter exports no lxw_rowcol_to_cell");
	if (!sym)
		return;
	memcpy(&lib, &sym, sizeof(sym));
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
		for (lxw_col_t c = 0; c < LXW_COL_MAX; c++) {
			char a[LXW_MAX_CELL_NAME_LENGTH],
			    b[LXW_MAX_CELL_NAME_LENGTH];
			lxw_rowcol_to_cell(a, rows[i], c);
			lib(b, rows[i], c);
			if (strcmp(a, b) && bad++ < 5)
				CHECK_MSG(0, "row %u col %u: %s against %s",
					  (unsigned)rows[i], (unsigned)c, a, b);
		}
	CHECK_EQ(bad, 0);
}

int main(void)
{
	RUN(test_whitespace_change);
	RUN(test_cell_prefix);
	RUN(test_shadowed_notes);
	RUN(test_number_text);
	RUN(test_number_cell);
	RUN(test_cell_names);
	return harness_done();
}
