/*
 * test_options.c - the checked numbers of the command line: every
 * overflow boundary (2^64 - 1, 2^64, suffixes at the edge), signs, empty
 * strings and trailing characters; and the option table of a command.
 */
#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "common/options.h"
#include "harness.h"

#define U64MAX 18446744073709551615ULL

struct number_case {
	const char *in;
	unsigned long long max;
	int rc;			 /* 0 or an OPTNUM_ code */
	unsigned long long want; /* when rc is 0 */
};

static const struct number_case counts[] = {
    {"0", U64MAX, 0, 0},
    {"7", U64MAX, 0, 7},
    {"007", U64MAX, 0, 7},
    {"18446744073709551615", U64MAX, 0, U64MAX},	   /* 2^64 - 1 */
    {"18446744073709551616", U64MAX, OPTNUM_TOO_LARGE, 0}, /* 2^64 */
    {"18446744073709551620", U64MAX, OPTNUM_TOO_LARGE, 0},
    {"99999999999999999999999", U64MAX, OPTNUM_TOO_LARGE, 0},
    {"256", 256, 0, 256},
    {"257", 256, OPTNUM_TOO_LARGE, 0},
    {"", U64MAX, OPTNUM_EMPTY, 0},
    {"-1", U64MAX, OPTNUM_NEGATIVE, 0},
    {"-0", U64MAX, OPTNUM_NEGATIVE, 0},
    {"-18446744073709551615", U64MAX, OPTNUM_NEGATIVE, 0},
    {"+1", U64MAX, OPTNUM_JUNK, 0},
    {" 1", U64MAX, OPTNUM_JUNK, 0},
    {"1 ", U64MAX, OPTNUM_JUNK, 0},
    {"4x", U64MAX, OPTNUM_JUNK, 0},
    {"10K", U64MAX, OPTNUM_JUNK, 0}, /* a count has no suffix */
    {"0x10", U64MAX, OPTNUM_JUNK, 0},
    {"1.5", U64MAX, OPTNUM_JUNK, 0},
    {"x", U64MAX, OPTNUM_JUNK, 0},
};

static const struct number_case sizes[] = {
    {"0", U64MAX, 0, 0},
    {"1", U64MAX, 0, 1},
    {"1K", U64MAX, 0, 1024},
    {"1k", U64MAX, 0, 1024},
    {"64M", U64MAX, 0, 64ULL << 20},
    {"3g", U64MAX, 0, 3ULL << 30},
    {"18446744073709551615", U64MAX, 0, U64MAX},
    {"18446744073709551616", U64MAX, OPTNUM_TOO_LARGE, 0},
    /* the largest multiples of each suffix, and one more */
    {"18014398509481983K", U64MAX, 0, 18014398509481983ULL << 10},
    {"18014398509481984K", U64MAX, OPTNUM_TOO_LARGE, 0}, /* 2^64 */
    {"18014398509481985K", U64MAX, OPTNUM_TOO_LARGE, 0}, /* was 1K */
    {"17592186044415M", U64MAX, 0, 17592186044415ULL << 20},
    {"17592186044416M", U64MAX, OPTNUM_TOO_LARGE, 0},
    {"17179869183G", U64MAX, 0, 17179869183ULL << 30},
    {"17179869184G", U64MAX, OPTNUM_TOO_LARGE, 0},
    {"18446744073709551615K", U64MAX, OPTNUM_TOO_LARGE, 0},
    {"18446744073709551616G", U64MAX, OPTNUM_TOO_LARGE, 0},
    {"4G", 4ULL << 30, 0, 4ULL << 30},
    {"4294967297", 4ULL << 30, OPTNUM_TOO_LARGE, 0},
    {"", U64MAX, OPTNUM_EMPTY, 0},
    {"K", U64MAX, OPTNUM_JUNK, 0},
    {"-1K", U64MAX, OPTNUM_NEGATIVE, 0},
    {"12Q", U64MAX, OPTNUM_JUNK, 0},
    {"1KB", U64MAX, OPTNUM_JUNK, 0},
    {"1KK", U64MAX, OPTNUM_JUNK, 0},
    {"1 K", U64MAX, OPTNUM_JUNK, 0},
    {"1T", U64MAX, OPTNUM_JUNK, 0},
    {"+1K", U64MAX, OPTNUM_JUNK, 0},
};

static void check_numbers(const struct number_case *v, size_t n, int size)
{
	for (size_t i = 0; i < n; i++) {
		unsigned long long got = 12345;
		int rc = size ? options_parse_size(v[i].in, v[i].max, &got)
			      : options_parse_count(v[i].in, v[i].max, &got);

		CHECK_MSG(rc == v[i].rc, "'%s': rc %d, want %d", v[i].in, rc,
			  v[i].rc);
		CHECK_MSG(got == (rc ? 12345 : v[i].want),
			  "'%s': %llu, want %llu", v[i].in, got,
			  rc ? 12345 : v[i].want);
	}
}

static void test_counts(void)
{
	check_numbers(counts, sizeof(counts) / sizeof(*counts), 0);
}

static void test_sizes(void)
{
	check_numbers(sizes, sizeof(sizes) / sizeof(*sizes), 1);
}

static void test_seconds(void)
{
	static const struct {
		const char *in;
		int rc;
		double want;
	} v[] = {
	    {"0", 0, 0},
	    {"1", 0, 1},
	    {"0.25", 0, 0.25},
	    {".5", 0, 0.5},
	    {"1e3", 0, 1000},
	    {"", OPTNUM_EMPTY, 0},
	    {"-1", OPTNUM_NEGATIVE, 0},
	    {"-0", OPTNUM_NEGATIVE, 0},
	    {"nan", OPTNUM_JUNK, 0},
	    {"inf", OPTNUM_JUNK, 0},
	    {"+1", OPTNUM_JUNK, 0},
	    {" 1", OPTNUM_JUNK, 0},
	    {"1s", OPTNUM_JUNK, 0},
	    {"1e999", OPTNUM_TOO_LARGE, 0},
	    {"1e400", OPTNUM_TOO_LARGE, 0},
	};

	for (size_t i = 0; i < sizeof(v) / sizeof(*v); i++) {
		double got = -7;
		int rc = options_parse_seconds(v[i].in, 1e300, &got);

		CHECK_MSG(rc == v[i].rc, "'%s': rc %d, want %d", v[i].in, rc,
			  v[i].rc);
		CHECK_MSG(got == (rc ? -7 : v[i].want), "'%s': %g", v[i].in,
			  got);
	}
}

static void test_error_names(void)
{
	CHECK_STR(options_number_error(OPTNUM_EMPTY), "empty");
	CHECK_STR(options_number_error(OPTNUM_NEGATIVE), "negative");
	CHECK_STR(options_number_error(OPTNUM_JUNK), "not a number");
	CHECK_STR(options_number_error(OPTNUM_TOO_LARGE), "too large");
	CHECK_STR(options_number_error(OPTNUM_TOO_SMALL), "too small");
}

/* A command of every kind of option, as a subcommand declares it. */
struct demo {
	const char *out;
	int quiet;
	size_t size, count;
	double secs;
};

static const struct opt_spec demo_opts[] = {
    {"out", 'o', OPTK_STRING, offsetof(struct demo, out), 0, 0, NULL},
    {"quiet", 'q', OPTK_FLAG, offsetof(struct demo, quiet), 0, 0, NULL},
    {"size", 0, OPTK_SIZE, offsetof(struct demo, size), 1, SIZE_MAX, NULL},
    {"count", 'n', OPTK_COUNT, offsetof(struct demo, count), 0, 9, NULL},
    {"secs", 0, OPTK_SECONDS, offsetof(struct demo, secs), 0, 0, NULL},
    {NULL, 0, OPTK_FLAG, 0, 0, 0, NULL},
};

static const struct opt_command demo = {demo_opts, "usage: demo\n", ""};

/* getopt_long permutes argv: the arguments are copied into argv first. */
static char words[16][32];
static char *argv[17];

static int parse(struct demo *d, const char *const *args, int *first)
{
	int argc = 0;

	for (; args[argc]; argc++) {
		snprintf(words[argc], sizeof(words[argc]), "%s", args[argc]);
		argv[argc] = words[argc];
	}
	argv[argc] = NULL;
	memset(d, 0, sizeof(*d));
	return options_parse_table(&demo, d, argc, argv, first);
}

static void test_table(void)
{
	static const char *const ok[] = {"demo",      "-o",  "x",  "a",
					 "--size=2K", "-q",  "-n", "9",
					 "--secs",    "0.5", "b",  NULL};
	static const char *const big[] = {"demo", "-n", "10", NULL};
	static const char *const zero[] = {"demo", "--size", "0", NULL};
	static const char *const missing[] = {"demo", "--out", NULL};
	static const char *const unknown[] = {"demo", "--bogus", NULL};
	struct demo d;
	int first = 0;

	CHECK_EQ(parse(&d, ok, &first), -1);
	CHECK_STR(d.out, "x");
	CHECK_EQ(d.quiet, 1);
	CHECK_EQ(d.size, 2048);
	CHECK_EQ(d.count, 9);
	CHECK(d.secs == 0.5);
	CHECK_EQ(first, 9); /* getopt_long moved the operands last */
	CHECK_STR(argv[first], "a");
	CHECK_STR(argv[first + 1], "b");
	CHECK_EQ(parse(&d, big, &first), EXIT_USAGE);
	CHECK_EQ(parse(&d, zero, &first), EXIT_USAGE);
	CHECK_EQ(parse(&d, missing, &first), EXIT_USAGE);
	CHECK_EQ(parse(&d, unknown, &first), EXIT_USAGE);
}

int main(void)
{
	RUN(test_counts);
	RUN(test_sizes);
	RUN(test_seconds);
	RUN(test_error_names);
	RUN(test_table);
	return harness_done();
}
