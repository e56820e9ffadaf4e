/*
 * inputs.h - the list of articles named by the command line.
 *
 * A PATH is a file (its id is the path as given), '-' (standard input, id
 * "stdin") or a directory, searched recursively for regular files named
 * *.txt in byte-wise sorted order; their ids are paths relative to the
 * directory. Symbolic links to files are followed; symbolic links to
 * directories are not (no loops). Paths that cannot be read become inputs
 * carrying their error, so the batch reports them as failed articles.
 */
#ifndef RELIRE_INPUTS_H
#define RELIRE_INPUTS_H

#include <stddef.h>

struct input {
	char *path; /* to open; "-" for standard input */
	char *id;   /* article id */
	int err;    /* 0, or the errno that stopped listing this path */
};

struct inputs {
	struct input *v;
	size_t n, cap;
};

/* Collect the inputs of paths[0..n). Never fails (errors are inputs). */
void inputs_collect(struct inputs *in, char *const *paths, size_t n);
void inputs_release(struct inputs *in);

#endif
