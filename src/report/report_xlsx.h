/*
 * report_xlsx.h - OUT/report.xlsx, the workbook for people (the CSVs are
 * for programs). The libxlsxwriter door: no other module includes it.
 *
 * Three sheets, in this order: Quality (one row per article, the columns
 * of quality.csv, the grade cell coloured like the HTML report), Findings
 * (one row per finding, the columns of findings.csv plus the character
 * name of a whitespace-only repair and the full length of the original)
 * and Variants (the rows of variants.csv). Numbers are typed cells; the
 * header row is frozen and carries an autofilter. Every text is written
 * as a string, never as a formula. A text longer than a cell can hold
 * (XLSX_CELL_MAX UTF-16 units) is cut with a visible marker; its full
 * length in characters is in the next column. Rows past the format's last
 * row are counted in a closing row that points to the CSV.
 *
 * Rows are streamed (libxlsxwriter's constant-memory mode, temporary files
 * in the output directory): memory does not grow with the batch. The
 * workbook carries a fixed creation date, so that two runs over the same
 * inputs write the same bytes.
 *
 * Threads: the functions below are called by one thread (the caller's),
 * in the order of the rows. They only copy the cells; a thread of the
 * workbook's own writes them and the workbook, so a write error may be
 * returned by a later call than the row's, at the latest by
 * xlsx_report_finish().
 */
#ifndef RELIRE_REPORT_XLSX_H
#define RELIRE_REPORT_XLSX_H

#include <stddef.h>
#include <stdint.h>

#include "common/article.h"
#include "common/score.h"

/* The most UTF-16 units of text a cell holds (Excel's limit). */
#define XLSX_CELL_MAX 32767

struct xlsx_report;

/* Start a workbook that xlsx_report_finish() writes to path (created or
 * replaced then); its temporary files go to tmpdir. Never NULL. */
struct xlsx_report *xlsx_report_new(const char *path, const char *tmpdir);

/* One row of the Quality sheet for a (borrowed) scored with s; id is the
 * article id as the CSV writes it (valid UTF-8); defects and notes count
 * a's findings of each sort (finding_kind_is_note). Returns 0 or -1 after
 * printing the error. */
int xlsx_report_quality(struct xlsx_report *x, const struct article *a,
			const char *id, const struct score *s, size_t defects,
			size_t notes);

/* One row of the Findings sheet: finding f of article id at (line,
 * column), its original text orig[0..orig_len) (valid UTF-8). Returns 0
 * or -1 after printing the error. */
int xlsx_report_finding(struct xlsx_report *x, const char *id,
			const struct finding *f, size_t line, size_t column,
			const char *orig, size_t orig_len);

/* Rows encoded ahead, on any thread (a worker), and appended in order by
 * the caller of the functions above with xlsx_report_rows(): the same
 * cells as xlsx_report_quality() and xlsx_report_finding() with the same
 * arguments. The rows of one article, a few kilobytes. */
struct xlsx_rows;

struct xlsx_rows *xlsx_rows_new(void);
void xlsx_rows_free(struct xlsx_rows *c);
void xlsx_rows_reset(struct xlsx_rows *c);
void xlsx_rows_quality(struct xlsx_rows *c, const struct article *a,
		       const char *id, const struct score *s, size_t defects,
		       size_t notes);
void xlsx_rows_finding(struct xlsx_rows *c, const char *id,
		       const struct finding *f, size_t line, size_t column,
		       const char *orig, size_t orig_len);
/* Append the rows of c (borrowed) after the rows written so far. 0, or
 * -1 after printing the error. */
int xlsx_report_rows(struct xlsx_report *x, const struct xlsx_rows *c);

/* Fill the Variants sheet from the CSV file at path (variants.csv as this
 * run wrote it; neutralized: its fields carry the CSV writer's formula
 * guard, which is undone here). Returns 0 or -1 after printing the error. */
int xlsx_report_variants(struct xlsx_report *x, const char *path,
			 int neutralized);

/* No more rows: the workbook's thread starts writing the workbook to its
 * path while the caller goes on (xlsx_report_finish waits for it).
 * Optional; no row may follow. */
void xlsx_report_end(struct xlsx_report *x);

/* Write the workbook to its path (wait until it is written) and free x.
 * Returns 0 or -1 after printing the error. */
int xlsx_report_finish(struct xlsx_report *x);

/* Free x without writing the workbook (NULL is a no-op). */
void xlsx_report_free(struct xlsx_report *x);

/* Excel's limit applied to s[0..len) (valid UTF-8): the byte length of
 * the longest prefix, cut on a character boundary, that leaves room for
 * reserve more UTF-16 units within XLSX_CELL_MAX; len when s fits whole. */
size_t xlsx_cell_prefix(const char *s, size_t len, size_t reserve);

/* The bytes libxlsxwriter's "%.16G" writes for v, into out, when v is an
 * integer of at most 15 digits (not -0.0): their length; else 0. The
 * workbook's number cells (report_xlsx.c); exposed for tests. */
#define XLSX_NUMBER_TEXT 24
size_t xlsx_number_text(double v, char out[XLSX_NUMBER_TEXT]);

/* libxlsxwriter's own _write_number_cell(), which this module defines in
 * its place (report_xlsx.c; the symbol's name is the asm label): declared
 * for tests, which compare the two. */
struct lxw_worksheet;
struct lxw_cell;
void xlsx_write_number_cell(
    struct lxw_worksheet *self, char *range, int32_t style_index,
    struct lxw_cell *cell) __asm__("_write_number_cell");

#endif
