/*
 * report_xlsx.c - the workbook (report_xlsx.h), through libxlsxwriter.
 *
 * Constant-memory mode: each sheet's rows go to a temporary file as they
 * are written, in increasing row order per sheet, and the workbook is
 * assembled by workbook_close(). Sheet settings (frozen pane, widths,
 * autofilter) are only recorded by libxlsxwriter until then, so the
 * autofilter's last row can be given at the end.
 */
#include "report_xlsx.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "csvio.h"
#include "report_html_style.h"
#include "utf8.h"
#include "util.h"

/* The marker after a text cut to fit a cell. */
#define CUT_MARKER	 " [\xE2\x80\xA6 cut: full text in the CSV]"
#define CUT_MARKER_UNITS 32

enum sheet { SH_QUALITY, SH_FINDINGS, SH_VARIANTS, SH__COUNT };

static const char *const sheet_names[SH__COUNT] = {"Quality", "Findings",
						   "Variants"};

struct sheet_state {
	lxw_worksheet *ws;
	lxw_row_t row;	 /* next row to write (0 is the header) */
	lxw_col_t ncols; /* columns of the header */
	size_t overflow; /* rows past the format's last row */
	const char *csv; /* the CSV that holds every row */
};

struct xlsx_report {
	lxw_workbook *wb;
	struct sheet_state sh[SH__COUNT];
	lxw_format *head, *num0, *num1, *num2, *num4, *wrap;
	lxw_format *grade[5];	     /* A B C D F */
	lxw_format *kind[FK__COUNT]; /* the HTML's highlight colours */
	int failed;
};

/* The HTML report's grade colours (its .g-A ... .g-F). */
static const uint32_t grade_colours[5] = {0xa5d6a7, 0xdcedc8, 0xfff59d,
					  0xffcc80, 0xef9a9a};

size_t xlsx_cell_prefix(const char *s, size_t len, size_t reserve)
{
	size_t units = 0, i = 0, last = 0;

	while (i < len) {
		int32_t cp = utf8_next(s, &i, len);
		units += cp > 0xFFFF ? 2 : 1;
		if (units + reserve > XLSX_CELL_MAX)
			return last;
		last = i;
	}
	return len;
}

static int check(struct xlsx_report *x, lxw_error err)
{
	if (err != LXW_NO_ERROR && !x->failed) {
		rl_error("cannot write the workbook: %s", lxw_strerror(err));
		x->failed = 1;
	}
	return err == LXW_NO_ERROR ? 0 : -1;
}

/* A text cell, always a string (never a formula), cut to fit; returns
 * 1 when it was cut. */
static int put_text(struct xlsx_report *x, struct sheet_state *sh,
		    lxw_col_t col, const char *s, size_t len, lxw_format *fmt)
{
	size_t keep = xlsx_cell_prefix(s, len, 0);
	char *cell;

	if (!len)
		return 0;
	if (keep == len && !s[len]) {
		check(x, worksheet_write_string(sh->ws, sh->row, col, s, fmt));
		return 0;
	}
	if (keep < len)
		keep = xlsx_cell_prefix(s, len, CUT_MARKER_UNITS);
	cell = xmalloc(keep + sizeof(CUT_MARKER));
	memcpy(cell, s, keep);
	cell[keep] = '\0';
	if (keep < len)
		memcpy(cell + keep, CUT_MARKER, sizeof(CUT_MARKER));
	check(x, worksheet_write_string(sh->ws, sh->row, col, cell, fmt));
	free(cell);
	return keep < len;
}

static void put_str(struct xlsx_report *x, struct sheet_state *sh,
		    lxw_col_t col, const char *s)
{
	if (s)
		put_text(x, sh, col, s, strlen(s), NULL);
}

static void put_num(struct xlsx_report *x, struct sheet_state *sh,
		    lxw_col_t col, double v, lxw_format *fmt)
{
	check(x, worksheet_write_number(sh->ws, sh->row, col, v, fmt));
}

/* Column names (NULL-terminated) and widths, in characters. */
static void start_sheet(struct xlsx_report *x, enum sheet which,
			const char *const *head, const double *width,
			const char *csv)
{
	struct sheet_state *sh = &x->sh[which];

	sh->ws = workbook_add_worksheet(x->wb, sheet_names[which]);
	sh->csv = csv;
	for (lxw_col_t c = 0; head[c]; c++) {
		worksheet_set_column(sh->ws, c, c, width[c], NULL);
		put_text(x, sh, c, head[c], strlen(head[c]), x->head);
		sh->ncols = c + 1;
	}
	worksheet_freeze_panes(sh->ws, 1, 0);
	sh->row = 1;
}

static lxw_format *fill_format(lxw_workbook *wb, uint32_t rgb)
{
	lxw_format *f = workbook_add_format(wb);

	format_set_bg_color(f, rgb);
	format_set_pattern(f, LXW_PATTERN_SOLID);
	return f;
}

static void add_formats(struct xlsx_report *x)
{
	x->head = workbook_add_format(x->wb);
	format_set_bold(x->head);
	format_set_bg_color(x->head, 0xf1f1f1);
	x->num0 = workbook_add_format(x->wb);
	format_set_num_format(x->num0, "0");
	x->num1 = workbook_add_format(x->wb);
	format_set_num_format(x->num1, "0.0");
	x->num2 = workbook_add_format(x->wb);
	format_set_num_format(x->num2, "0.00");
	x->num4 = workbook_add_format(x->wb);
	format_set_num_format(x->num4, "0.0000");
	for (size_t g = 0; g < ARRAY_SIZE(grade_colours); g++) {
		x->grade[g] = fill_format(x->wb, grade_colours[g]);
		format_set_bold(x->grade[g]);
		format_set_align(x->grade[g], LXW_ALIGN_CENTER);
	}
	for (int k = 0; k < FK__COUNT; k++)
		x->kind[k] = fill_format(
		    x->wb,
		    (uint32_t)strtoul(html_kind_colour(k) + 1, NULL, 16));
}

static void start_quality(struct xlsx_report *x)
{
	const char *head[7 + FK__COUNT + 3 + DS__COUNT + 2];
	double width[ARRAY_SIZE(head)];
	static const char *const first[] = {"article",	"status", "language",
					    "words",	"score",  "grade",
					    "top_issue"};
	static const double first_w[] = {36, 8, 9, 8, 7, 7, 16};
	size_t n = 0;

	for (size_t i = 0; i < ARRAY_SIZE(first); i++, n++) {
		head[n] = first[i];
		width[n] = first_w[i];
	}
	for (int k = 0; k < FK__COUNT; k++, n++) {
		head[n] = finding_kind_name(k);
		width[n] = 6;
	}
	head[n] = "findings_dropped";
	width[n++] = 6;
	head[n] = "defects";
	width[n++] = 7;
	head[n] = "notes";
	width[n++] = 7;
	for (int k = 0; k < DS__COUNT; k++, n++) {
		head[n] = doc_stat_name(k);
		width[n] = 8;
	}
	head[n] = "reason";
	width[n++] = 40;
	head[n] = NULL;
	start_sheet(x, SH_QUALITY, head, width, "quality.csv");
}

struct xlsx_report *xlsx_report_new(const char *path, const char *tmpdir)
{
	static const char *const findings_head[] = {
	    "article",	   "kind",	"start",    "end",
	    "line",	   "column",	"original", "original_chars",
	    "replacement", "character", "applied",  "confidence",
	    "detail",	   NULL};
	static const double findings_w[] = {36, 16, 8,	8, 6, 6, 30,
					    8,	30, 24, 7, 9, 40};
	static const char *const variants_head[] = {
	    "variant",	"canonical",  "type",	"key",
	    "method",	"confidence", "status", "count",
	    "articles", "evidence",   NULL};
	static const double variants_w[] = {24, 24, 10, 20, 12,
					    9,	10, 7,	8,  50};
	struct xlsx_report *x = xcalloc(1, sizeof(*x));
	lxw_workbook_options o = {.constant_memory = LXW_TRUE,
				  .tmpdir = (char *)tmpdir};
	/* A fixed creation date (0 would mean now): the same inputs give
	 * the same bytes. 2000-01-01T00:00:00Z. */
	lxw_doc_properties props = {.title = (char *)"relire report",
				    .created = 946684800};

	x->wb = workbook_new_opt(path, &o);
	if (!x->wb) {
		rl_error("cannot write '%s': cannot start the workbook", path);
		x->failed = 1;
		return x;
	}
	workbook_set_properties(x->wb, &props);
	add_formats(x);
	start_quality(x);
	start_sheet(x, SH_FINDINGS, findings_head, findings_w, "findings.csv");
	start_sheet(x, SH_VARIANTS, variants_head, variants_w, "variants.csv");
	return x;
}

/* 1 when sheet sh has room for one more row (the last row of the format
 * is kept for the closing count), else counts the row as overflowing. */
static int room(struct sheet_state *sh)
{
	if (sh->row < LXW_ROW_MAX - 1)
		return 1;
	sh->overflow++;
	return 0;
}

static lxw_format *grade_format(struct xlsx_report *x, char grade)
{
	static const char letters[] = "ABCDF";
	const char *p = strchr(letters, grade);

	return p && grade ? x->grade[p - letters] : NULL;
}

int xlsx_report_quality(struct xlsx_report *x, const struct article *a,
			const char *id, const struct score *s, size_t defects,
			size_t notes)
{
	struct sheet_state *sh = &x->sh[SH_QUALITY];
	int ok = a->status == ARTICLE_OK;
	char grade[2] = {s->grade, 0};
	lxw_col_t c = 0;

	if (x->failed || !room(sh))
		return x->failed ? -1 : 0;
	put_str(x, sh, c++, id);
	put_str(x, sh, c++, ok ? "ok" : "error");
	put_str(x, sh, c++, a->lang);
	put_num(x, sh, c++, (double)a->words, x->num0);
	if (ok) {
		put_num(x, sh, c++, s->value, x->num1);
		put_text(x, sh, c++, grade, 1, grade_format(x, s->grade));
		put_str(x, sh, c++,
			s->top_kind >= 0 ? finding_kind_name(s->top_kind) : "");
	} else {
		c += 3;
	}
	for (int k = 0; k < FK__COUNT; k++)
		put_num(x, sh, c++, (double)a->counts[k], x->num0);
	put_num(x, sh, c++, (double)a->dropped, x->num0);
	put_num(x, sh, c++, (double)defects, x->num0);
	put_num(x, sh, c++, (double)notes, x->num0);
	for (int k = 0; k < DS__COUNT; k++)
		put_num(x, sh, c++, a->stats[k], x->num4);
	if (!ok)
		put_str(x, sh, c, a->error);
	sh->row++;
	return x->failed ? -1 : 0;
}

int xlsx_report_finding(struct xlsx_report *x, const char *id,
			const struct finding *f, size_t line, size_t column,
			const char *orig, size_t orig_len)
{
	struct sheet_state *sh = &x->sh[SH_FINDINGS];
	char *change;
	lxw_col_t c = 0;

	if (x->failed || !room(sh))
		return x->failed ? -1 : 0;
	change =
	    utf8_whitespace_change(orig, orig_len, f->replacement, f->repl_len);
	put_str(x, sh, c++, id);
	put_text(x, sh, c++, finding_kind_name(f->kind),
		 strlen(finding_kind_name(f->kind)), x->kind[f->kind]);
	put_num(x, sh, c++, (double)f->start, x->num0);
	put_num(x, sh, c++, (double)f->end, x->num0);
	put_num(x, sh, c++, (double)line, x->num0);
	put_num(x, sh, c++, (double)column, x->num0);
	put_text(x, sh, c++, orig, orig_len, NULL);
	put_num(x, sh, c++, (double)utf8_count(orig, orig_len), x->num0);
	put_text(x, sh, c++, f->replacement, f->repl_len, NULL);
	put_str(x, sh, c++, change);
	put_num(x, sh, c++, f->applied, x->num0);
	put_num(x, sh, c++, f->confidence, x->num2);
	put_str(x, sh, c++, f->detail);
	sh->row++;
	free(change);
	return x->failed ? -1 : 0;
}

struct variants_fill {
	struct xlsx_report *x;
	int neutralized;
};

static int is_number_column(const char *name)
{
	return !strcmp(name, "confidence") || !strcmp(name, "count") ||
	       !strcmp(name, "articles");
}

static int variant_row(const struct csv_row *row, void *ud)
{
	struct variants_fill *vf = ud;
	struct xlsx_report *x = vf->x;
	struct sheet_state *sh = &x->sh[SH_VARIANTS];
	static const char *const head[] = {
	    "variant",	  "canonical", "type",	"key",	    "method",
	    "confidence", "status",    "count", "articles", "evidence"};

	if (row->line == 1 || !room(sh))
		return x->failed;
	for (size_t i = 0; i < row->n && i < ARRAY_SIZE(head); i++) {
		const char *s = row->fields[i];
		size_t len = row->lens[i], skip = 0;
		char *end;
		double v;

		if (is_number_column(head[i]) && len) {
			v = strtod(s, &end);
			if (end == s + len) {
				put_num(x, sh, (lxw_col_t)i, v,
					!strcmp(head[i], "confidence")
					    ? x->num2
					    : x->num0);
				continue;
			}
		}
		if (vf->neutralized)
			skip = csv_unneutralize(s, len);
		put_text(x, sh, (lxw_col_t)i, s + skip, len - skip, NULL);
	}
	sh->row++;
	return x->failed;
}

int xlsx_report_variants(struct xlsx_report *x, const char *path,
			 int neutralized)
{
	struct variants_fill vf = {x, neutralized};

	if (x->failed)
		return -1;
	return csv_read_file(path, variant_row, &vf) ? -1 : 0;
}

/* Autofilter over the written rows, and the closing count of the rows
 * that did not fit. */
static void close_sheet(struct xlsx_report *x, struct sheet_state *sh)
{
	char note[160];

	if (sh->overflow) {
		snprintf(note, sizeof(note),
			 "%zu more rows past the last row of the format: "
			 "see %s",
			 sh->overflow, sh->csv);
		put_str(x, sh, 0, note);
	}
	worksheet_autofilter(sh->ws, 0, 0, sh->row > 1 ? sh->row - 1 : 1,
			     sh->ncols - 1);
}

int xlsx_report_finish(struct xlsx_report *x)
{
	int rc;

	if (!x->wb || x->failed) {
		xlsx_report_free(x);
		return -1;
	}
	for (int i = 0; i < SH__COUNT; i++)
		close_sheet(x, &x->sh[i]);
	rc = check(x, workbook_close(x->wb));
	x->wb = NULL;
	free(x);
	return rc;
}

void xlsx_report_free(struct xlsx_report *x)
{
	if (!x)
		return;
	/* In constant-memory mode each sheet streams its rows to a temporary
	 * file that only workbook_close() closes; lxw_workbook_free() leaves
	 * it open. */
	for (int i = 0; i < SH__COUNT; i++)
		if (x->sh[i].ws && x->sh[i].ws->optimize_tmpfile) {
			fclose(x->sh[i].ws->optimize_tmpfile);
			x->sh[i].ws->optimize_tmpfile = NULL;
		}
	lxw_workbook_free(x->wb); /* unwritten */
	free(x);
}
