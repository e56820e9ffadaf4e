/*
 * csvio.c - CSV through libcsv. The writer adds only the field separators
 * and record terminators; quoting and escaping are libcsv's (csv_write,
 * into a buffer written with one fwrite per field).
 */
#include "common/csvio.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <csv.h>

#include "common/util.h"

struct csvw {
	FILE *fp;
	struct strbuf *sb; /* instead of fp (csvw_new_buffer) */
	int neutralize;
	int nfield;
	int failed;
	char *buf;  /* a quoted field: libcsv's csv_fwrite writes each byte */
	size_t cap; /* with a locked fputc, csv_write into memory does not */
};

struct csvw *csvw_new(FILE *fp, int neutralize)
{
	struct csvw *w = xcalloc(1, sizeof(*w));

	w->fp = fp;
	w->neutralize = neutralize;
	return w;
}

struct csvw *csvw_new_buffer(struct strbuf *sb, int neutralize)
{
	struct csvw *w = xcalloc(1, sizeof(*w));

	w->sb = sb;
	w->neutralize = neutralize;
	return w;
}

/* Write n bytes to the writer's stream or buffer. */
static void emit(struct csvw *w, const char *s, size_t n)
{
	if (w->sb)
		sb_add(w->sb, s, n);
	else if (fwrite(s, 1, n, w->fp) != n)
		w->failed = 1;
}

void csvw_free(struct csvw *w)
{
	if (!w)
		return;
	free(w->buf);
	free(w);
}

int csv_needs_neutralizing(const char *s, size_t len)
{
	return len > 0 &&
	       (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' ||
		s[0] == '\t' || s[0] == '\r' || s[0] == '\'');
}

size_t csv_unneutralize(const char *s, size_t len)
{
	return len >= 2 && s[0] == '\'' &&
	       csv_needs_neutralizing(s + 1, len - 1);
}

static void sep(struct csvw *w)
{
	if (w->nfield++)
		emit(w, ",", 1);
}

void csvw_raw(struct csvw *w, const char *s, size_t len)
{
	size_t n;

	sep(w);
	/* Quoted, every quote doubled: at most 2 * len + 2 bytes. */
	GROW(w->buf, w->cap, 2 * len + 2);
	n = csv_write(w->buf, w->cap, s, len);
	if (n > w->cap)
		w->failed = 1;
	else
		emit(w, w->buf, n);
}

void csvw_text(struct csvw *w, const char *s, size_t len)
{
	char *tmp;

	if (!w->neutralize || !csv_needs_neutralizing(s, len)) {
		csvw_raw(w, s, len);
		return;
	}
	tmp = xmalloc(len + 1);
	tmp[0] = '\'';
	memcpy(tmp + 1, s, len);
	csvw_raw(w, tmp, len + 1);
	free(tmp);
}

void csvw_str(struct csvw *w, const char *s)
{
	csvw_text(w, s ? s : "", s ? strlen(s) : 0);
}

/* A number field, num[0..len) (digits, sign, point: nothing to escape),
 * with its separator: the bytes csvw_raw writes, in one fwrite. */
static void put_number(struct csvw *w, const char *num, size_t len)
{
	char buf[96];
	size_t n = 0;

	if (len + 3 > sizeof(buf)) {
		csvw_raw(w, num, len);
		return;
	}
	if (w->nfield++)
		buf[n++] = ',';
	buf[n++] = '"';
	memcpy(buf + n, num, len);
	n += len;
	buf[n++] = '"';
	emit(w, buf, n);
}

void csvw_size(struct csvw *w, size_t v)
{
	char buf[UDEC_MAX];

	/* printf's %zu, without parsing a format */
	put_number(w, buf, udec(buf, v));
}

void csvw_double(struct csvw *w, double v, int decimals)
{
	char buf[64];
	int n;

	/* Most of the statistics are 0: printf's "%.*f" of +0.0. */
	if (v == 0 && !signbit(v) && decimals >= 0 && decimals < 32) {
		n = decimals ? decimals + 2 : 1;
		memset(buf, '0', (size_t)n);
		if (decimals)
			buf[1] = '.';
	} else {
		n = snprintf(buf, sizeof(buf), "%.*f", decimals, v);
		if (n < 0) {
			w->failed = 1;
			n = 0;
		} else if ((size_t)n >= sizeof(buf)) { /* 1e300 */
			char *big = xmalloc((size_t)n + 1);

			snprintf(big, (size_t)n + 1, "%.*f", decimals, v);
			csvw_raw(w, big, (size_t)n);
			free(big);
			return;
		}
	}
	put_number(w, buf, (size_t)n);
}

int csvw_end(struct csvw *w)
{
	emit(w, "\r\n", 2);
	w->nfield = 0;
	if (w->fp && ferror(w->fp))
		w->failed = 1;
	return w->failed ? -1 : 0;
}

/* Reader state shared with libcsv's callbacks. */
struct reader {
	struct csv_row row;
	size_t cap;
	size_t line;	 /* current physical line (1-based) */
	size_t row_line; /* line where the current row started */
	csv_row_fn *fn;
	void *ud;
	int stop;
};

static void on_field(void *s, size_t len, void *data)
{
	struct reader *r = data;

	if (r->stop)
		return;
	GROW(r->row.fields, r->cap, r->row.n + 1);
	r->row.lens = xrealloc(r->row.lens, r->cap * sizeof(size_t));
	r->row.fields[r->row.n] = xmemdup(s ? s : "", s ? len : 0);
	r->row.lens[r->row.n] = s ? len : 0;
	r->row.n++;
}

static void clear_row(struct reader *r)
{
	for (size_t i = 0; i < r->row.n; i++)
		free(r->row.fields[i]);
	r->row.n = 0;
}

static void on_row(int c, void *data)
{
	struct reader *r = data;

	(void)c;
	if (!r->stop) {
		r->row.line = r->row_line;
		r->stop = r->fn(&r->row, r->ud);
	}
	clear_row(r);
}

static size_t count_newlines(const char *s, size_t len)
{
	size_t n = 0;

	for (size_t i = 0; i < len; i++)
		n += s[i] == '\n';
	return n;
}

int csv_read_buffer(const char *name, const char *buf, size_t len,
		    csv_row_fn *fn, void *ud)
{
	struct csv_parser p;
	struct reader r;
	size_t pos = 0;
	int rc = 0;

	memset(&r, 0, sizeof(r));
	r.fn = fn;
	r.ud = ud;
	r.line = r.row_line = 1;
	/* A UTF-8 byte order mark (--csv-bom, or a spreadsheet's "CSV
	 * UTF-8") is not part of the first field. */
	if (len >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3))
		pos = 3;
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
		return rl_error("cannot initialise the CSV parser");
	/* Feed one physical line at a time so rows know their line number. */
	while (pos < len && !r.stop) {
		const char *nl = memchr(buf + pos, '\n', len - pos);
		size_t n = nl ? (size_t)(nl - buf) - pos + 1 : len - pos;
		size_t before = r.row.n;

		if (csv_parse(&p, buf + pos, n, on_field, on_row, &r) != n) {
			rc =
			    rl_error("malformed CSV in '%s' at line %zu: %s",
				     name, r.line, csv_strerror(csv_error(&p)));
			goto out;
		}
		(void)before;
		r.line += count_newlines(buf + pos, n);
		pos += n;
		if (r.row.n == 0 && p.pstate == 0)
			r.row_line = r.line;
	}
	if (!r.stop && csv_fini(&p, on_field, on_row, &r) != 0)
		rc = rl_error("malformed CSV in '%s' at line %zu: %s", name,
			      r.line, "unterminated quoted field");
out:
	if (!rc && r.stop)
		rc = r.stop;
	clear_row(&r);
	free(r.row.fields);
	free(r.row.lens);
	csv_free(&p);
	return rc;
}

int csv_read_file(const char *path, csv_row_fn *fn, void *ud)
{
	char *buf;
	size_t len;
	int rc = read_file(path, (size_t)1 << 30, &buf, &len);

	if (rc < 0)
		return rl_error("cannot read '%s': %s", path, strerror(-rc));
	rc = csv_read_buffer(path, buf, len, fn, ud);
	free(buf);
	return rc;
}

int csv_row_error(const char *what, const char *name, size_t line,
		  const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return rl_error("malformed %s '%s' at line %zu: %s", what, name, line,
			msg);
}
