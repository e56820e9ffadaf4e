/*
 * harness.h - a tiny table-driven test harness.
 *
 * Each test file defines TEST functions and lists them in main() with
 * RUN(fn). CHECK* macros record failures with file and line and go on.
 * The closing line "N passed, N failed, N skipped" is what CI reads.
 *
 * What a test needs and does not find is either a hard dependency (the
 * French Hunspell dictionary, the ICU segmenter, corpora/seeds: MISSING()
 * and harness_missing() always fail) or an optional prerequisite that CI
 * installs (other dictionaries, the word-form index made with unmunch:
 * SKIP(), SKIP_PART() and harness_skip_all() skip, and fail when the
 * environment variable RELIRE_STRICT is set, as .ci/test sets it). A test
 * program with a skipped test and no failure exits 77, ctest's skip code,
 * so that a partial skip is never reported as a pass.
 */
#ifndef RELIRE_HARNESS_H
#define RELIRE_HARNESS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int h_passed, h_failed, h_skipped;
static int h_cur_failed, h_cur_skipped;

/* Whether RELIRE_STRICT is set (non-empty): a skip is then a failure. */
static inline int harness_strict(void)
{
	const char *s = getenv("RELIRE_STRICT");

	return s && *s;
}

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
		h_cur_failed = h_cur_skipped = 0;                              \
		fn();                                                          \
		if (h_cur_failed) {                                            \
			h_failed++;                                            \
			fprintf(stderr, "FAIL %s\n", #fn);                     \
		} else if (h_cur_skipped) {                                    \
			h_skipped++;                                           \
		} else {                                                       \
			h_passed++;                                            \
		}                                                              \
	} while (0)

/*
 * An optional prerequisite of part of the current test is missing (msg
 * says which, and its Debian package): the rest of the test goes on and
 * the test counts as skipped; under RELIRE_STRICT it fails.
 */
#define SKIP_PART(msg)                                                         \
	do {                                                                   \
		if (harness_strict()) {                                        \
			fprintf(stderr,                                        \
				"%s:%d: %s: %s (RELIRE_STRICT is set: a "      \
				"skip is a failure)\n",                        \
				__FILE__, __LINE__, __func__, msg);            \
			h_cur_failed = 1;                                      \
		} else {                                                       \
			fprintf(stderr, "SKIP %s: %s\n", __func__, msg);       \
			h_cur_skipped = 1;                                     \
		}                                                              \
	} while (0)

/* Skip the rest of the current test: SKIP_PART(msg), then return. */
#define SKIP(msg)                                                              \
	do {                                                                   \
		SKIP_PART(msg);                                                \
		return;                                                        \
	} while (0)

/* A hard dependency of the current test is missing: it fails. */
#define MISSING(msg)                                                           \
	do {                                                                   \
		fprintf(stderr, "%s:%d: %s: %s\n", __FILE__, __LINE__,         \
			__func__, msg);                                        \
		h_cur_failed = 1;                                              \
		return;                                                        \
	} while (0)

/*
 * For main(), before any test: a hard dependency of the whole program is
 * missing. Prints msg and returns 1, the exit status of a failure.
 */
static inline int harness_missing(const char *msg)
{
	fprintf(stderr, "FAIL: %s (the tests cannot run without it)\n", msg);
	return 1;
}

/*
 * For main(): an optional prerequisite of every test is missing. Returns
 * the exit status: 77 (skipped) after a message, or 1 under
 * RELIRE_STRICT.
 */
static inline int harness_skip_all(const char *msg)
{
	if (harness_strict()) {
		fprintf(stderr,
			"FAIL: %s (RELIRE_STRICT is set: a skip is a "
			"failure)\n",
			msg);
		return 1;
	}
	fprintf(stderr, "SKIP: %s\n", msg);
	return 77;
}

/* The exit status of a test program: 1 on a failure, 77 on a skip. */
static int harness_done(void)
{
	printf("%d passed, %d failed, %d skipped\n", h_passed, h_failed,
	       h_skipped);
	if (h_failed)
		return 1;
	return h_skipped ? 77 : 0;
}

#endif
