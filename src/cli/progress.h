/*
 * progress.h - the progress line of a long run on the terminal.
 *
 * When standard error is a terminal and the run is not quiet, a run that
 * lasts more than PROGRESS_DELAY seconds shows one line, redrawn in place
 * at most every PROGRESS_INTERVAL seconds:
 *
 *     relire: 1234 articles, 456/s, about 0:12 left
 *
 * Time left is estimated from the input bytes read against the total size
 * of the inputs; it is left out when the total is unknown (standard input).
 * Nothing is printed when standard error is not a terminal.
 */
#ifndef RELIRE_PROGRESS_H
#define RELIRE_PROGRESS_H

#include <stddef.h>

#define PROGRESS_DELAY	  1.0
#define PROGRESS_INTERVAL 0.25

struct progress;

/* Start the clock. enabled = 0 (quiet, verbose) gives an object on which
 * every call does nothing; so does a standard error that is not a
 * terminal. Free with progress_free(). */
struct progress *progress_new(int enabled);

/* Add the size of the input at path to the expected total; "-" or a path
 * that cannot be measured makes the total unknown. */
void progress_expect(struct progress *p, const char *path);

/* n more input bytes were read. */
void progress_read(struct progress *p, size_t n);

/* One more article was finished; redraws the line when it is due. */
void progress_article(struct progress *p);

/* Erase the line (before printing something else on standard error); the
 * next update draws it again. */
void progress_clear(struct progress *p);

/* Erase the line and free p (NULL is a no-op). */
void progress_free(struct progress *p);

/* The line for a state, into buf (for tests): articles done, seconds
 * elapsed, bytes read and expected (0 = unknown). */
void progress_format(char *buf, size_t size, size_t articles, double elapsed,
		     size_t read, size_t total);

#endif
