/*
 * test_csvio.c - the CSV door: RFC 4180 quoting through libcsv, the
 * spreadsheet-safety rule (leading = + - @ TAB CR and apostrophe), its
 * inverse for readers, and a write/read round trip of hostile fields.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/csvio.h"
#include "harness.h"

/* Write one row of one text field and return what reached the file. */
static char *write_field(const char *s, size_t len, int neutralize)
{
	FILE *fp = tmpfile();
	struct csvw *w;
	char *buf;
	long n;

	if (!fp)
		return NULL;
	w = csvw_new(fp, neutralize);
	csvw_text(w, s, len);
	csvw_end(w);
	csvw_free(w);
	n = ftell(fp);
	rewind(fp);
	buf = calloc(1, (size_t)n + 1);
	if (fread(buf, 1, (size_t)n, fp) != (size_t)n)
		buf[0] = '\0';
	fclose(fp);
	return buf;
}

static const struct {
	const char *in;
	const char *neutral; /* written with neutralization */
	const char *raw;     /* written with --csv-raw */
} fields[] = {
    {"=HYPERLINK(\"http://example.invalid\",\"clic\")",
     "\"'=HYPERLINK(\"\"http://example.invalid\"\",\"\"clic\"\")\"\r\n",
     "\"=HYPERLINK(\"\"http://example.invalid\"\",\"\"clic\"\")\"\r\n"},
    {"+33 1 23", "\"'+33 1 23\"\r\n", "\"+33 1 23\"\r\n"},
    {"-2+3", "\"'-2+3\"\r\n", "\"-2+3\"\r\n"},
    {"@SUM(A1:A9)", "\"'@SUM(A1:A9)\"\r\n", "\"@SUM(A1:A9)\"\r\n"},
    {"\t=1", "\"'\t=1\"\r\n", "\"\t=1\"\r\n"},
    {"\r=1", "\"'\r=1\"\r\n", "\"\r=1\"\r\n"},
    {"'déjà", "\"''déjà\"\r\n", "\"'déjà\"\r\n"},
    {"l'été", "\"l'été\"\r\n", "\"l'été\"\r\n"},
    {" =1", "\" =1\"\r\n", "\" =1\"\r\n"},
    {"a\"b,c\nd", "\"a\"\"b,c\nd\"\r\n", "\"a\"\"b,c\nd\"\r\n"},
    {"", "\"\"\r\n", "\"\"\r\n"},
};

static void test_write_neutralized(void)
{
	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		char *got = write_field(fields[i].in, strlen(fields[i].in), 1);

		CHECK_STR(got, fields[i].neutral);
		free(got);
		got = write_field(fields[i].in, strlen(fields[i].in), 0);
		CHECK_STR(got, fields[i].raw);
		free(got);
	}
}

static void test_numbers_untouched(void)
{
	FILE *fp = tmpfile();
	struct csvw *w = csvw_new(fp, 1);
	char buf[64] = {0};

	csvw_double(w, -1.5, 2);
	csvw_size(w, 42);
	csvw_raw(w, "-x", 2);
	CHECK_EQ(csvw_end(w), 0);
	rewind(fp);
	CHECK(fread(buf, 1, sizeof(buf) - 1, fp) > 0);
	CHECK_STR(buf, "\"-1.50\",\"42\",\"-x\"\r\n");
	csvw_free(w);
	fclose(fp);
}

/* Numbers are written as printf writes them ("%zu", "%.*f"), quoted,
 * whatever path the writer takes (0 and the common sizes have their
 * own). */
static void test_numbers_as_printf(void)
{
	static const double doubles[] = {0.0,	     -0.0,    1.0,   0.5,
					 0.00004,    0.00005, 55.25, -3.125,
					 123456.789, 1e300};
	static const int decimals[] = {0, 1, 2, 4, 6};
	static const size_t sizes[] = {0, 7, 10, 99, 100, 65535, (size_t)-1};

	for (size_t i = 0; i < sizeof(doubles) / sizeof(doubles[0]); i++)
		for (size_t k = 0; k < sizeof(decimals) / sizeof(decimals[0]);
		     k++) {
			char *buf = NULL, want[400];
			size_t n = 0;
			FILE *fp = open_memstream(&buf, &n);
			struct csvw *w = csvw_new(fp, 1);

			csvw_size(w, 1);
			csvw_double(w, doubles[i], decimals[k]);
			csvw_end(w);
			csvw_free(w);
			fclose(fp);
			snprintf(want, sizeof(want), "\"1\",\"%.*f\"\r\n",
				 decimals[k], doubles[i]);
			CHECK_MSG(!strcmp(buf, want), "%g %d: %s", doubles[i],
				  decimals[k], buf);
			free(buf);
		}
	for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		char *buf = NULL, want[64];
		size_t n = 0;
		FILE *fp = open_memstream(&buf, &n);
		struct csvw *w = csvw_new(fp, 1);

		csvw_size(w, sizes[i]);
		csvw_end(w);
		csvw_free(w);
		fclose(fp);
		snprintf(want, sizeof(want), "\"%zu\"\r\n", sizes[i]);
		CHECK_STR(buf, want);
		free(buf);
	}
}

static const struct {
	const char *in;
	int needs;
	size_t skip; /* csv_unneutralize() */
} rules[] = {
    {"=1", 1, 0},  {"+", 1, 0},
    {"-", 1, 0},   {"@a", 1, 0},
    {"\t", 1, 0},  {"\r", 1, 0},
    {"'", 1, 0},   {"a=1", 0, 0},
    {"", 0, 0},	   {"'=1", 1, 1},
    {"''", 1, 1},  {"'a", 1, 0},
    {"'\t", 1, 1}, {"\xEF\xBC\x9D", 0, 0},
};

static void test_rule(void)
{
	for (size_t i = 0; i < sizeof(rules) / sizeof(rules[0]); i++) {
		size_t n = strlen(rules[i].in);

		CHECK_MSG(csv_needs_neutralizing(rules[i].in, n) ==
			      rules[i].needs,
			  "field %zu", i);
		CHECK_MSG(csv_unneutralize(rules[i].in, n) == rules[i].skip,
			  "field %zu", i);
	}
}

struct collected {
	char *fields[32];
	size_t n;
};

static int collect(const struct csv_row *row, void *ud)
{
	struct collected *c = ud;

	for (size_t i = 0; i < row->n && c->n < 32; i++) {
		size_t skip = csv_unneutralize(row->fields[i], row->lens[i]);
		c->fields[c->n++] = strdup(row->fields[i] + skip);
	}
	return 0;
}

/* Every hostile field comes back unchanged through the writer, libcsv's
 * parser and csv_unneutralize(). */
static void test_round_trip(void)
{
	const size_t n = sizeof(fields) / sizeof(fields[0]);
	struct collected c = {{0}, 0};
	FILE *fp = tmpfile();
	struct csvw *w = csvw_new(fp, 1);
	char *buf;
	long len;

	for (size_t i = 0; i < n; i++)
		csvw_str(w, fields[i].in);
	CHECK_EQ(csvw_end(w), 0);
	csvw_free(w);
	len = ftell(fp);
	rewind(fp);
	buf = calloc(1, (size_t)len + 1);
	CHECK(fread(buf, 1, (size_t)len, fp) == (size_t)len);
	fclose(fp);
	CHECK_EQ(csv_read_buffer("test", buf, (size_t)len, collect, &c), 0);
	CHECK_EQ(c.n, n);
	for (size_t i = 0; i < c.n && i < n; i++) {
		CHECK_STR(c.fields[i], fields[i].in);
		free(c.fields[i]);
	}
	free(buf);
}

int main(void)
{
	RUN(test_write_neutralized);
	RUN(test_numbers_untouched);
	RUN(test_numbers_as_printf);
	RUN(test_rule);
	RUN(test_round_trip);
	return harness_done();
}
