/*
 * fuzz_variants.c - fuzz target for the name variants table reader
 * (variants_read_buffer, what --variants reads from an editor's
 * spreadsheet).
 *
 * A table that reads is written back with variants_write_fp (spreadsheet
 * neutralization on, as in OUT/variants.csv) and read again: the second
 * reading must give the same rows. A rejected table has printed its
 * reason (not checked here: it goes to stderr).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "corpus/variants.h"

static void check_same(const struct variants *x, const struct variants *y)
{
	if (x->n != y->n)
		fuzz_fail("round trip: %zu rows, then %zu", x->n, y->n);
	for (size_t i = 0; i < x->n; i++) {
		const struct variant_row *p = &x->rows[i], *q = &y->rows[i];

		if (strcmp(p->variant, q->variant) ||
		    strcmp(p->canonical, q->canonical) ||
		    strcmp(p->type, q->type) || strcmp(p->key, q->key) ||
		    strcmp(p->method, q->method) ||
		    strcmp(p->evidence, q->evidence) ||
		    p->status != q->status || p->count != q->count ||
		    p->articles != q->articles)
			fuzz_fail("round trip: row %zu ('%s') changed", i,
				  p->variant);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct variants *vt, *back;
	char *buf = NULL;
	size_t len = 0;
	FILE *fp;

	if (variants_read_buffer("fuzz", (const char *)data, size, &vt) < 0)
		return 0;
	fp = open_memstream(&buf, &len);
	if (!fp)
		fuzz_fail("open_memstream failed");
	if (variants_write_fp(vt, fp, 1) < 0)
		fuzz_fail("writing the table to memory failed");
	fclose(fp);
	if (variants_read_buffer("fuzz-rewritten", buf, len, &back) < 0)
		fuzz_fail("a table relire wrote does not read back");
	check_same(vt, back);
	variants_free(back);
	variants_free(vt);
	free(buf);
	return 0;
}
