/*
 * csvio.h - the libcsv door: RFC 4180 CSV writing and reading.
 *
 * Writing: every field goes through libcsv's csv_write (always quoted,
 * inner quotes doubled). Rows end with CRLF as RFC 4180 says.
 *
 * Spreadsheet safety: a text field that begins with '=', '+', '-', '@',
 * TAB or CR can run as a formula in Excel or LibreOffice. When a writer is
 * opened with neutralize set, such a field, and any field beginning with
 * an apostrophe, is written with one extra leading apostrophe ('), which
 * spreadsheets display as text. Programs undo it with csv_unneutralize():
 * strip one leading apostrophe (docs/formats.md, "Spreadsheet safety").
 * Numeric fields are never touched.
 *
 * Reading: csv_read_file() parses a whole file with libcsv in strict mode
 * and hands each row to a callback with its 1-based line number. A UTF-8
 * byte order mark at the start is skipped.
 */
#ifndef RELIRE_CSVIO_H
#define RELIRE_CSVIO_H

#include <stddef.h>
#include <stdio.h>

struct csvw;

struct strbuf;

/* Start a writer on fp (borrowed; the caller closes it). */
struct csvw *csvw_new(FILE *fp, int neutralize);
/* Start a writer that appends to sb (borrowed) instead of a stream: the
 * same bytes, without stdio (rows formatted in memory). */
struct csvw *csvw_new_buffer(struct strbuf *sb, int neutralize);
void csvw_free(struct csvw *w);

/* A text field (may be neutralized) / a field written as is. */
void csvw_text(struct csvw *w, const char *s, size_t len);
void csvw_str(struct csvw *w, const char *s);
void csvw_raw(struct csvw *w, const char *s, size_t len);
void csvw_size(struct csvw *w, size_t v);
void csvw_double(struct csvw *w, double v, int decimals);
/* End the row. Returns 0 or -1 when a write failed (errno set). */
int csvw_end(struct csvw *w);

/* The neutralization rule, for writers and readers: 1 when a field that
 * starts with s must be prefixed. */
int csv_needs_neutralizing(const char *s, size_t len);

/* For readers of neutralized files: the number of bytes to skip at the
 * start of field s to get the original back (1 when s is an apostrophe
 * followed by a field that needed neutralizing, else 0). */
size_t csv_unneutralize(const char *s, size_t len);

struct csv_row {
	char **fields; /* NUL-terminated, borrowed for the callback */
	size_t *lens;
	size_t n;
	size_t line; /* 1-based line where the row starts */
};

/* Callback: return 0 to go on, non-zero to stop (that value is returned). */
typedef int csv_row_fn(const struct csv_row *row, void *ud);

/*
 * Parse path and call fn for each row. Returns 0, fn's non-zero value, or
 * -1 after printing "cannot read" / "malformed CSV at line N" errors.
 */
int csv_read_file(const char *path, csv_row_fn *fn, void *ud);

/* Print "malformed WHAT 'NAME' at line N: message" (the message formatted
 * from fmt) and return -1: the error of a row that parses as CSV but not
 * as the table a reader expects. */
int csv_row_error(const char *what, const char *name, size_t line,
		  const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* Same over a buffer; name is used in messages. */
int csv_read_buffer(const char *name, const char *buf, size_t len,
		    csv_row_fn *fn, void *ud);

#endif
