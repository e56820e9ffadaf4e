/*
 * segment.h - tokenization with ICU word break iteration.
 *
 * A segmenter holds one ICU break iterator over UTF-8 (UText), opened once
 * and reused for every article of a worker. It is not thread-safe: open one
 * per worker.
 *
 * Beyond ICU's word rules the segmenter marks URLs, e-mail addresses,
 * @handles and #hashtags (TF_URL) so that no detector flags or rewrites
 * them, and sets the case flags of word tokens.
 */
#ifndef RELIRE_SEGMENT_H
#define RELIRE_SEGMENT_H

#include <stddef.h>

#include "common/token.h"

struct segmenter;

/* Open a segmenter for a locale ("fr"). Returns NULL after printing the
 * ICU error. Free with segmenter_free (NULL is a no-op). */
struct segmenter *segmenter_new(const char *locale);
void segmenter_free(struct segmenter *sg);

/* Tokenize text[0..len) (valid UTF-8) into ts (reset first). Returns 0 or
 * -1 when ICU fails (printed). */
int segmenter_run(struct segmenter *sg, const char *text, size_t len,
		  struct tokens *ts);

#endif
