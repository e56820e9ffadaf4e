/*
 * inputs.h - the list of articles named by the command line.
 *
 * A PATH is a file (its id is the path as given), '-' (standard input, id
 * "stdin") or a directory, searched recursively for regular files named
 * *.txt (or *.TXT, any case) in byte-wise sorted order; their ids are
 * paths relative to the directory. Symbolic links to files are followed;
 * symbolic links to directories are not (no loops). Paths that cannot be read
 * become inputs carrying their error, so the batch reports them as failed
 * articles.
 *
 * Shards (--shard K/N, docs/scale-out.md): the list in that order is laid
 * end to end as one stream of bytes and cut into N ranges of equal size;
 * shard K (0-based) gets what starts in range K. With whole-file articles
 * an article weighs its size plus one byte (so empty and unreadable files
 * are spread too) and goes whole to the shard where it starts. With
 * records (--per-line, --jsonl) a file may be cut: a shard gets the lines
 * that start in its range, found by byte offset, so the N shards together
 * hold every article exactly once, in the order of the whole list.
 */
#ifndef RELIRE_INPUTS_H
#define RELIRE_INPUTS_H

#include <stddef.h>
#include <stdio.h>

struct input {
	char *path; /* to open; "-" for standard input */
	char *id;   /* article id */
	int err;    /* 0, or the errno that stopped listing this path */
	/* Records mode of a shard: only the lines that start at a byte
	 * offset in [begin, end) are read; sliced is 0 for the whole file. */
	int sliced;
	long long begin, end;
};

struct inputs {
	struct input *v;
	size_t n, cap;
};

/* Collect the inputs of paths[0..n). Never fails (errors are inputs). */
void inputs_collect(struct inputs *in, char *const *paths, size_t n);
void inputs_release(struct inputs *in);

/*
 * Keep only shard k of n (0 <= k < n) of in, as described above; records
 * is nonzero for --per-line and --jsonl inputs. File sizes are read with
 * stat(); an input that is not a regular file weighs nothing (plus the
 * one byte of whole-file articles). Standard input cannot be cut (every
 * task would read its own): the option parser refuses '-' with --shard.
 */
void inputs_shard(struct inputs *in, unsigned long k, unsigned long n,
		  int records);

/*
 * Open the records of one input for reading: standard input for '-',
 * else the file positioned at the first line of its slice (the whole
 * file when not sliced). *lineno is set to the number of lines before
 * that point (line numbers are those of the whole file) and *pos to its
 * byte offset. Returns NULL with errno set on failure; the caller closes
 * a stream that is not stdin.
 */
FILE *input_open_records(const struct input *in, size_t *lineno,
			 long long *pos);

/* 1 when a line starting at byte offset pos of in is past its slice. */
int input_past_slice(const struct input *in, long long pos);

#endif
