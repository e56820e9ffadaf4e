/*
 * harness.h - a tiny table-driven test harness.
 *
 * Each test file defines TEST functions and lists them in main() with
 * RUN(fn). CHECK* macros record failures with file and line and go on.
 * The closing line "N passed, N failed" is what CI reads.
 */
#ifndef RELIRE_HARNESS_H
#define RELIRE_HARNESS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int h_passed, h_failed, h_skipped;
static int h_cur_failed;

#define CHECK(cond)                                                            \
	do {                                                                   \
		if (!(cond)) {                                                 \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, \
				__LINE__, #cond);                              \
			h_cur_failed = 1;                                      \
		}                                                              \
	} while (0)

#define CHECK_MSG(cond, ...)                                                   \
	do {                                                                   \
		if (!(cond)) {                                                 \
			fprintf(stderr, "%s:%d: check failed: %s: ", __FILE__, \
				__LINE__, #cond);                              \
			fprintf(stderr, __VA_ARGS__);                          \
			fputc('\n', stderr);                                   \
			h_cur_failed = 1;                                      \
		}                                                              \
	} while (0)

#define CHECK_STR(got, want)                                                   \
	do {                                                                   \
		const char *g_ = (got), *w_ = (want);                          \
		if (!g_ || strcmp(g_, w_)) {                                   \
			fprintf(stderr, "%s:%d: got \"%s\", want \"%s\"\n",    \
				__FILE__, __LINE__, g_ ? g_ : "(null)", w_);   \
			h_cur_failed = 1;                                      \
		}                                                              \
	} while (0)

#define CHECK_EQ(got, want)                                                    \
	do {                                                                   \
		long long g_ = (long long)(got), w_ = (long long)(want);       \
		if (g_ != w_) {                                                \
			fprintf(stderr, "%s:%d: %s = %lld, want %lld\n",       \
				__FILE__, __LINE__, #got, g_, w_);             \
			h_cur_failed = 1;                                      \
		}                                                              \
	} while (0)

#define RUN(fn)                                                                \
	do {                                                                   \
		h_cur_failed = 0;                                              \
		fn();                                                          \
		if (h_cur_failed) {                                            \
			h_failed++;                                            \
			fprintf(stderr, "FAIL %s\n", #fn);                     \
		} else {                                                       \
			h_passed++;                                            \
		}                                                              \
	} while (0)

/* Skip the current test with a message (e.g. a missing dictionary). */
#define SKIP(msg)                                                              \
	do {                                                                   \
		fprintf(stderr, "SKIP %s: %s\n", __func__, msg);               \
		h_skipped++;                                                   \
		h_passed--;                                                    \
		return;                                                        \
	} while (0)

static int harness_done(void)
{
	printf("%d passed, %d failed, %d skipped\n", h_passed, h_failed,
	       h_skipped);
	return h_failed ? 1 : 0;
}

#endif
