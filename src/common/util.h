/*
 * util.h - memory, string buffers and the one error idiom of relire.
 *
 * Allocation never fails from the caller's point of view: the x* wrappers
 * print a message and abort on out-of-memory. Errors that the user can act
 * on are printed once with rl_error(), in git's style:
 *     relire: cannot read 'x.txt': Permission denied
 */
#ifndef RELIRE_UTIL_H
#define RELIRE_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* Allocate or die. xrealloc(NULL, n) is malloc; results are never NULL. */
void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
/* Copy of a NUL-terminated string; caller frees with free(). */
char *xstrdup(const char *s);
/* Copy of the first n bytes of s plus a NUL; caller frees with free(). */
char *xmemdup(const char *s, size_t n);

/* qsort that accepts an empty or NULL array (qsort(NULL, 0, ...) is
 * undefined behaviour). */
void xqsort(void *base, size_t n, size_t size,
	    int (*cmp)(const void *, const void *));

/* Grow *p (an array of *cap elements of elem bytes) to hold at least need. */
void grow_array(void **p, size_t *cap, size_t need, size_t elem);
#define GROW(arr, cap, need)                                                   \
	grow_array((void **)&(arr), &(cap), (need), sizeof(*(arr)))

/* A growable byte buffer, always NUL-terminated after init. */
struct strbuf {
	char *buf;
	size_t len;
	size_t cap;
};

void sb_init(struct strbuf *sb);
void sb_release(struct strbuf *sb);
void sb_reset(struct strbuf *sb);
void sb_add(struct strbuf *sb, const char *s, size_t n);
void sb_adds(struct strbuf *sb, const char *s);
void sb_addc(struct strbuf *sb, char c);
void sb_addf(struct strbuf *sb, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Take ownership of the buffer; sb is left released (sb_init to reuse;
 * sb_release on it is a no-op). */
char *sb_detach(struct strbuf *sb, size_t *len);

/* The decimal digits of v, as printf's "%llu" writes them, into out (at
 * least UDEC_MAX bytes, not NUL-terminated); returns their number. */
#define UDEC_MAX 20
size_t udec(char *out, unsigned long long v);

/*
 * Does the white-space-delimited chunk of t[ls, le) around offset i hold
 * one of the bytes of signs ("/@:=#&_": a path, an address, a time, a
 * list of tags, an entity), or is it longer than max bytes on either side
 * of i (no prose, and the bound keeps hostile lines linear)? The chunk
 * ends at a space, a tab or a line break. Its bounds in *cs, *ce (either
 * may be NULL; not set when it is too long).
 */
int chunk_technical(const char *t, size_t ls, size_t le, size_t i, size_t max,
		    const char *signs, size_t *cs, size_t *ce);

/* Seconds on the monotonic clock (for durations). */
double monotonic_seconds(void);

/*
 * A state that only a bug in relire can reach (git's BUG()): print
 * "BUG: file:line: message" to stderr and abort, for a core dump or a
 * test to catch. Not for what input or the system can cause: that is an
 * error (rl_error) or rl_fatal.
 */
#define BUG(...) bug_fl(__FILE__, __LINE__, __VA_ARGS__)
_Noreturn void bug_fl(const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Print "relire: <message>" to stderr and abort: the system cannot give
 * what relire needs to go on (memory, a thread key, ICU's data). */
_Noreturn void rl_fatal(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));

/* Print "relire: <message>" to stderr. Returns -1 for `return rl_error(..)`. */
int rl_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Print "relire: warning: <message>" unless quiet mode is set. */
void rl_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Quiet mode for rl_warn (errors are always printed). */
void rl_set_quiet(int quiet);

/* Read a whole file into *buf (NUL-terminated, caller frees). On failure
 * returns -errno and leaves *buf NULL; the caller reports the error. Files
 * larger than max bytes give -EFBIG. */
int read_file(const char *path, size_t max, char **buf, size_t *len);

/* The temporary name under which path is written before being renamed
 * into place ("dir/.name.tmp.PID"). Caller frees. */
char *tmp_path_for(const char *path);
/* Rename tmp to path; on failure remove tmp and print the error (naming
 * path: the rename is the last step of writing it). 0 or -1. */
int commit_tmp(const char *tmp, const char *path);
/* Print "relire: cannot write 'P': <strerror(err)>" (err 0: EIO) and
 * return -1, where P is path as the user named it: a temporary name of
 * tmp_path_for() ("dir/.name.tmp.PID", even twice over) is shown as
 * the file it becomes. */
int rl_write_error(const char *path, int err);

/*
 * The data lines of a text file of dictionaries/: call fn for each line of
 * buf[0..len) that is neither blank nor a '#' comment, trimmed of spaces,
 * tabs and CR, with its 1-based line number. Stops at the first non-zero
 * return of fn and returns it; 0 when every line was taken.
 */
typedef int data_line_fn(const char *s, size_t len, size_t lineno, void *ud);
int for_each_data_line(const char *buf, size_t len, data_line_fn *fn, void *ud);
/*
 * Read the table at path (at most 1 MiB) and call fn on each data line
 * as for_each_data_line does; fn returns 0 to go on, or the line number
 * of a malformed row. Returns 0, or -1 after printing the error (the file
 * cannot be read, or "'path', line N: expected <format>").
 */
int read_data_table(const char *path, data_line_fn *fn, void *ud,
		    const char *format);

/* Create a directory and its parents (mkdir -p). 0 or -errno. */
int mkdir_p(const char *path);

/*
 * Create the directory base/rel and the directories between (base must
 * exist), never through a symbolic link: every component of rel must be a
 * real directory, so that a link planted inside an output directory
 * cannot send files elsewhere. 0, or -1 with errno set (ELOOP for a
 * symbolic link, ENOTDIR for another kind of file).
 */
int mkdir_below(const char *base, const char *rel);

/*
 * Create path for writing (and reading when readable is set) as a new
 * file: whatever is at path (a stale temporary file, a symbolic link) is
 * unlinked, never followed or truncated (O_EXCL | O_NOFOLLOW). For
 * temporary files. NULL with errno set.
 */
FILE *fopen_new(const char *path, int readable);

/* Append the whole of scratch stream src (flushed, then read from its
 * start) to dst. Returns 0, or -1 on a read or write error. */
int stream_copy(FILE *dst, FILE *src);

#endif
