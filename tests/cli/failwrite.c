/*
 * failwrite.c - an LD_PRELOAD shim that simulates a full disk, for the
 * tests that check what relire does when its outputs cannot be written
 * (tests/cli/test_hostile.sh).
 *
 *   FAILWRITE_AFTER=N   bytes the process may write to matching files in
 *                       all; every write past them fails with ENOSPC
 *                       (a write that crosses the limit is cut short)
 *   FAILWRITE_MATCH=S   only files whose path contains S (default: every
 *                       file; standard output and error are never touched)
 *   FAILWRITE_ERRNO=EIO fail with EIO (an I/O error) instead of ENOSPC
 *   FAILWRITE_CLOSE=1   closing a matching stream fails with EIO once its
 *                       data is written (as NFS reports a deferred error)
 *   FAILWRITE_RENAME=1  renaming onto a matching path fails with EIO
 *
 * write() is wrapped directly. stdio does not go through the exported
 * write(), so fopen(), fopen64() and fdopen() on a matching file return a
 * stream made with fopencookie() whose writes go through the same budget:
 * fwrite, fputc, fprintf and fclose then fail as on a full disk.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

typedef ssize_t write_fn(int, const void *, size_t);
typedef FILE *fopen_fn(const char *, const char *);
typedef FILE *fdopen_fn(int, const char *);
typedef int rename_fn(const char *, const char *);

static write_fn *real_write;
static fopen_fn *real_fopen, *real_fopen64;
static fdopen_fn *real_fdopen;
static rename_fn *real_rename;
static size_t budget;
static int fail_errno = ENOSPC, fail_close, fail_rename;
static const char *match;
static int ready;

static void *next_symbol(const char *name)
{
	void *p = dlsym(RTLD_NEXT, name);

	if (!p) {
		fprintf(stderr, "failwrite: no symbol '%s'\n", name);
		abort();
	}
	return p;
}

static void setup(void)
{
	const char *after = getenv("FAILWRITE_AFTER");
	void *p;

	if (ready)
		return;
	p = next_symbol("write");
	memcpy(&real_write, &p, sizeof(p));
	p = next_symbol("fopen");
	memcpy(&real_fopen, &p, sizeof(p));
	p = next_symbol("fopen64");
	memcpy(&real_fopen64, &p, sizeof(p));
	p = next_symbol("fdopen");
	memcpy(&real_fdopen, &p, sizeof(p));
	p = next_symbol("rename");
	memcpy(&real_rename, &p, sizeof(p));
	budget = after ? (size_t)strtoull(after, NULL, 10) : 0;
	if (getenv("FAILWRITE_ERRNO") &&
	    !strcmp(getenv("FAILWRITE_ERRNO"), "EIO"))
		fail_errno = EIO;
	fail_close = getenv("FAILWRITE_CLOSE") != NULL;
	fail_rename = getenv("FAILWRITE_RENAME") != NULL;
	match = getenv("FAILWRITE_MATCH");
	if (match && !*match)
		match = NULL;
	ready = 1;
}

static int path_matches(const char *path)
{
	return !match || (path && strstr(path, match));
}

static int fd_matches(int fd)
{
	char link[64], path[PATH_MAX];
	ssize_t n;

	if (fd <= 2)
		return 0;
	if (!match)
		return 1;
	snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
	n = readlink(link, path, sizeof(path) - 1);
	if (n < 0)
		return 0;
	path[n] = '\0';
	return path_matches(path);
}

/* Spend the budget: the bytes of n that may still be written. */
static size_t take(size_t n)
{
	size_t k = n < budget ? n : budget;

	budget -= k;
	return k;
}

static ssize_t limited_write(int fd, const void *buf, size_t n)
{
	size_t k = take(n);

	if (n && !k) {
		errno = fail_errno;
		return -1;
	}
	return real_write(fd, buf, k);
}

ssize_t write(int fd, const void *buf, size_t n)
{
	setup();
	if (!fd_matches(fd))
		return real_write(fd, buf, n);
	return limited_write(fd, buf, n);
}

static ssize_t cookie_read(void *c, char *buf, size_t n)
{
	return read(*(int *)c, buf, n);
}

/* glibc takes a short cookie write as an error at once (a file would be
 * retried and then fail), so say why. */
static ssize_t cookie_write(void *c, const char *buf, size_t n)
{
	ssize_t k = limited_write(*(int *)c, buf, n);

	if (k >= 0 && (size_t)k < n)
		errno = fail_errno;
	return k;
}

static int cookie_seek(void *c, off64_t *off, int whence)
{
	off_t r = lseek(*(int *)c, (off_t)*off, whence);

	if (r < 0)
		return -1;
	*off = (off64_t)r;
	return 0;
}

static int cookie_close(void *c)
{
	int rc = close(*(int *)c);

	free(c);
	if (rc == 0 && fail_close) {
		errno = EIO;
		return -1;
	}
	return rc;
}

/* A stream over fd whose writes spend the budget. Takes fd. */
static FILE *limited_stream(int fd, const char *mode)
{
	static const cookie_io_functions_t io = {
	    cookie_read,
	    cookie_write,
	    cookie_seek,
	    cookie_close,
	};
	int *c = malloc(sizeof(*c));
	FILE *fp;

	if (!c) {
		close(fd);
		errno = ENOMEM;
		return NULL;
	}
	*c = fd;
	fp = fopencookie(c, mode, io);
	if (!fp)
		cookie_close(c);
	return fp;
}

static int writes(const char *mode)
{
	return strpbrk(mode, "wa+") != NULL;
}

static FILE *wrap(fopen_fn *real, const char *path, const char *mode)
{
	FILE *fp;
	int fd;

	setup();
	fp = real(path, mode);
	if (!fp || !writes(mode) || !path_matches(path))
		return fp;
	fd = dup(fileno(fp));
	fclose(fp);
	return fd < 0 ? NULL : limited_stream(fd, mode);
}

FILE *fopen(const char *path, const char *mode)
{
	setup();
	return wrap(real_fopen, path, mode);
}

FILE *fopen64(const char *path, const char *mode)
{
	setup();
	return wrap(real_fopen64, path, mode);
}

FILE *fdopen(int fd, const char *mode)
{
	setup();
	if (!writes(mode) || !fd_matches(fd))
		return real_fdopen(fd, mode);
	return limited_stream(fd, mode);
}

int rename(const char *from, const char *to)
{
	setup();
	if (fail_rename && path_matches(to)) {
		errno = EIO;
		return -1;
	}
	return real_rename(from, to);
}
