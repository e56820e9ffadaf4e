/*
 * fuzz.h - what the fuzz targets share: the libFuzzer entry point, one
 * process-wide worker, and the invariants every processed article must
 * satisfy.
 *
 * Each target is one file defining LLVMFuzzerTestOneInput(). It is linked
 * either with libFuzzer (-fsanitize=fuzzer, RELIRE_FUZZ=ON with clang) or
 * with fuzz_main.c, a replay driver that runs the target once on every file
 * it is given, so that ctest replays the seed corpus and every past crash
 * on any compiler. A broken invariant aborts, which both drivers report.
 */
#ifndef RELIRE_FUZZ_H
#define RELIRE_FUZZ_H

#include <stddef.h>
#include <stdint.h>

#include "cli/pipeline.h"
#include "common/article.h"
#include "common/options.h"
#include "common/token.h"
#include "common/view.h"

/* libFuzzer's entry point, defined by each target. Returns 0. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The run options of a default `relire audit` (as the CLI fills them),
 * built once. Borrowed. */
const struct options *fuzz_options(void);

/* A worker on the default options and resources, opened once and kept for
 * the life of the process (like a real run's worker). Aborts when the
 * dictionaries cannot be loaded: fuzzing without them proves nothing. */
struct worker *fuzz_worker(void);
/* The run's shared resources behind fuzz_worker(). Borrowed. */
const struct resources *fuzz_resources(void);

struct dict;
/* The Hunspell dictionary of the default language, opened once. */
struct dict *fuzz_dict(void);

/* A malloc'd, NUL-terminated copy of the input, as read_file() gives. */
char *fuzz_copy(const uint8_t *data, size_t size);

/* Print "fuzz: invariant broken: <why>" and abort. */
void fuzz_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)))
__attribute__((noreturn));

/*
 * Check the data model's invariants on a (see article.h): every finding
 * lies inside the text; applied findings do not overlap; replaying the
 * applied findings here gives exactly article_clean_text(); the cleaned
 * text of a successful article is valid UTF-8. Sorts a's findings.
 */
void fuzz_check_article(struct article *a);

/*
 * Prepare an article for a detector as the pipeline does: decode data into
 * a (initialised by the caller), normalize, build the view v of the
 * repaired text and tokenize it into ts (initialised by the caller) with a
 * process-wide segmenter. Returns 0, or -1 when decoding failed (v is then
 * not built).
 */
int fuzz_prepare(struct article *a, const uint8_t *data, size_t size,
		 struct view *v, struct tokens *ts);

/* Check that ts covers text[0..len) exactly, in order, with non-empty
 * tokens, and that its word count matches. */
void fuzz_check_tokens(const struct tokens *ts, size_t len);

#endif
