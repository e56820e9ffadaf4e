/*
 * fuzz_csv.c - fuzz target for the CSV reader (csv_read_buffer, the
 * libcsv door used by every table relire reads).
 *
 * Any bytes may be given. When they parse, the rows are written back with
 * the CSV writer (no neutralization) and read again: the second reading
 * must give the same rows, field for field. Row line numbers never go
 * backwards and stay within the input's lines.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/csvio.h"
#include "fuzz.h"
#include "common/util.h"

struct table {
	char **fields; /* every field, rows concatenated */
	size_t *lens;
	size_t n, cap, lcap;
	size_t *row_ends; /* index in fields after each row */
	size_t rows, rcap;
	size_t last_line, max_line;
};

static int collect(const struct csv_row *row, void *ud)
{
	struct table *t = ud;

	if (row->line < t->last_line || row->line > t->max_line)
		fuzz_fail("row at line %zu after line %zu (input has %zu)",
			  row->line, t->last_line, t->max_line);
	t->last_line = row->line;
	for (size_t i = 0; i < row->n; i++) {
		if (row->fields[i][row->lens[i]] != '\0')
			fuzz_fail("field %zu of line %zu not NUL-terminated", i,
				  row->line);
		GROW(t->fields, t->cap, t->n + 1);
		GROW(t->lens, t->lcap, t->n + 1);
		t->fields[t->n] = xmemdup(row->fields[i], row->lens[i]);
		t->lens[t->n++] = row->lens[i];
	}
	GROW(t->row_ends, t->rcap, t->rows + 1);
	t->row_ends[t->rows++] = t->n;
	return 0;
}

static void table_release(struct table *t)
{
	for (size_t i = 0; i < t->n; i++)
		free(t->fields[i]);
	free(t->fields);
	free(t->lens);
	free(t->row_ends);
}

static size_t count_lines(const uint8_t *s, size_t len)
{
	size_t n = 1;

	for (size_t i = 0; i < len; i++)
		n += s[i] == '\n';
	return n;
}

/* Write t with the CSV writer into a memory buffer. */
static char *write_table(const struct table *t, size_t *len)
{
	char *buf = NULL;
	FILE *fp = open_memstream(&buf, len);
	struct csvw *w;
	size_t f = 0;

	if (!fp)
		fuzz_fail("open_memstream failed");
	w = csvw_new(fp, 0);
	for (size_t r = 0; r < t->rows; r++) {
		for (; f < t->row_ends[r]; f++)
			csvw_raw(w, t->fields[f], t->lens[f]);
		if (csvw_end(w) < 0)
			fuzz_fail("writing to memory failed");
	}
	csvw_free(w);
	fclose(fp);
	return buf;
}

static void check_same(const struct table *x, const struct table *y)
{
	if (x->rows != y->rows || x->n != y->n)
		fuzz_fail("round trip: %zu rows / %zu fields, then %zu / %zu",
			  x->rows, x->n, y->rows, y->n);
	for (size_t r = 0; r < x->rows; r++)
		if (x->row_ends[r] != y->row_ends[r])
			fuzz_fail("round trip: row %zu changed length", r);
	for (size_t i = 0; i < x->n; i++)
		if (x->lens[i] != y->lens[i] ||
		    memcmp(x->fields[i], y->fields[i], x->lens[i]))
			fuzz_fail("round trip: field %zu changed", i);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct table t1 = {0}, t2 = {0};
	char *out;
	size_t out_len;

	t1.max_line = count_lines(data, size);
	if (csv_read_buffer("fuzz", (const char *)data, size, collect, &t1)) {
		table_release(&t1);
		return 0;
	}
	out = write_table(&t1, &out_len);
	t2.max_line = count_lines((const uint8_t *)out, out_len);
	if (csv_read_buffer("fuzz-rewritten", out, out_len, collect, &t2))
		fuzz_fail("the writer's output does not parse");
	check_same(&t1, &t2);
	free(out);
	table_release(&t1);
	table_release(&t2);
	return 0;
}
