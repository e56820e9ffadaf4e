/*
 * inputs.c - expand command-line paths into a sorted list of articles,
 * and cut that list into the contiguous shards of a distributed run.
 */
#include "cli/inputs.h"

#include <assert.h>
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "common/util.h"

static void add(struct inputs *in, const char *path, const char *id, int err)
{
	GROW(in->v, in->cap, in->n + 1);
	memset(&in->v[in->n], 0, sizeof(in->v[in->n]));
	in->v[in->n].path = xstrdup(path);
	in->v[in->n].id = xstrdup(id);
	in->v[in->n].err = err;
	in->n++;
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int has_txt_suffix(const char *name)
{
	size_t n = strlen(name);
	/* *.TXT too: files copied from other systems. */
	return n > 4 && !strcasecmp(name + n - 4, ".txt");
}

static void walk(struct inputs *in, const char *dir, const char *rel,
		 size_t depth);

static void visit(struct inputs *in, const char *path, const char *rel,
		  const char *name, size_t depth)
{
	struct stat lst, st;

	if (lstat(path, &lst) < 0) {
		if (has_txt_suffix(name))
			add(in, path, rel, errno);
		return;
	}
	if (S_ISDIR(lst.st_mode)) {
		walk(in, path, rel, depth + 1);
		return;
	}
	if (!has_txt_suffix(name))
		return;
	if (stat(path, &st) < 0) /* dangling or looping symlink */
		add(in, path, rel, errno);
	else if (S_ISREG(st.st_mode))
		add(in, path, rel, 0);
	else if (S_ISDIR(st.st_mode))
		add(in, path, rel, EISDIR);
}

static void walk(struct inputs *in, const char *dir, const char *rel,
		 size_t depth)
{
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *de;
	struct strbuf path, id;
	DIR *dp;

	if (depth > 256 || !(dp = opendir(dir))) {
		add(in, dir, *rel ? rel : dir, depth > 256 ? ELOOP : errno);
		return;
	}
	while ((de = readdir(dp))) {
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		GROW(names, cap, n + 1);
		names[n++] = xstrdup(de->d_name);
	}
	closedir(dp);
	xqsort(names, n, sizeof(*names), cmp_name);
	sb_init(&path);
	sb_init(&id);
	for (size_t i = 0; i < n; i++) {
		sb_reset(&path);
		sb_reset(&id);
		sb_addf(&path, "%s%s%s", dir,
			dir[strlen(dir) - 1] == '/' ? "" : "/", names[i]);
		sb_addf(&id, "%s%s%s", rel, *rel ? "/" : "", names[i]);
		visit(in, path.buf, id.buf, names[i], depth);
		free(names[i]);
	}
	free(names);
	sb_release(&path);
	sb_release(&id);
}

void inputs_collect(struct inputs *in, char *const *paths, size_t n)
{
	memset(in, 0, sizeof(*in));
	for (size_t i = 0; i < n; i++) {
		struct stat st;
		const char *p = paths[i];

		if (!strcmp(p, "-"))
			add(in, "-", "stdin", 0);
		else if (stat(p, &st) < 0)
			add(in, p, p, errno);
		else if (S_ISDIR(st.st_mode))
			walk(in, p, "", 0);
		else
			add(in, p, p, 0);
	}
}

void inputs_release(struct inputs *in)
{
	if (!in)
		return;
	for (size_t i = 0; i < in->n; i++) {
		free(in->v[i].path);
		free(in->v[i].id);
	}
	free(in->v);
	memset(in, 0, sizeof(*in));
}

/* Byte offset where shard k of n starts in a stream of total bytes:
 * floor(k * total / n) without overflow (k <= n, n small). */
static unsigned long long shard_start(unsigned long long total, unsigned long k,
				      unsigned long n)
{
	assert(k <= n && n > 0);
	return k * (total / n) + k * (total % n) / n;
}

static unsigned long long input_size(const struct input *in)
{
	struct stat st;

	if (in->err || !strcmp(in->path, "-") || stat(in->path, &st) < 0 ||
	    !S_ISREG(st.st_mode))
		return 0;
	return (unsigned long long)st.st_size;
}

/* The byte range of shard k of n within a stream of total bytes; the
 * last shard is open-ended. */
struct range {
	unsigned long long lo, hi;
	int last;
};

static int starts_in(const struct range *r, unsigned long long pos)
{
	return pos >= r->lo && (r->last || pos < r->hi);
}

/* Keep in->v[i] (moved to slot *kept) or free it. */
static void keep_or_free(struct inputs *in, size_t i, int keep, size_t *kept)
{
	if (keep) {
		in->v[(*kept)++] = in->v[i];
		return;
	}
	free(in->v[i].path);
	free(in->v[i].id);
}

/* Records mode: the part of input in (at offset start, size bytes) whose
 * lines start in r; 0 when none can. */
static int slice_records(struct input *in, unsigned long long start,
			 unsigned long long size, const struct range *r)
{
	if (size == 0)
		return starts_in(r, start);
	if (start + size <= r->lo || (!r->last && start >= r->hi))
		return 0;
	in->sliced = 1;
	in->begin = r->lo > start ? (long long)(r->lo - start) : 0;
	in->end = r->last ? LLONG_MAX : (long long)(r->hi - start);
	return 1;
}

void inputs_shard(struct inputs *in, unsigned long k, unsigned long n,
		  int records)
{
	unsigned long long *size = xcalloc(in->n + 1, sizeof(*size));
	unsigned long long total = 0, pos = 0;
	struct range r;
	size_t kept = 0;

	assert(k < n);
	for (size_t i = 0; i < in->n; i++) {
		size[i] = input_size(&in->v[i]) + (records ? 0 : 1);
		total += size[i];
	}
	r.lo = shard_start(total, k, n);
	r.hi = shard_start(total, k + 1, n);
	r.last = k + 1 == n;
	for (size_t i = 0; i < in->n; i++) {
		int keep = records ? slice_records(&in->v[i], pos, size[i], &r)
				   : starts_in(&r, pos);
		keep_or_free(in, i, keep, &kept);
		pos += size[i];
	}
	in->n = kept;
	free(size);
}

/* Read n bytes of fp and add the LFs among them to *lines. */
static int count_lines(FILE *fp, long long n, size_t *lines)
{
	enum { BLOCK = 1 << 20 };
	char *buf = xmalloc(BLOCK);
	int rc = 0;

	while (n > 0) {
		size_t want = n < BLOCK ? (size_t)n : BLOCK;
		size_t got = fread(buf, 1, want, fp);
		const char *p = buf, *end = buf + got;

		while ((p = memchr(p, '\n', (size_t)(end - p)))) {
			(*lines)++;
			p++;
		}
		n -= (long long)got;
		if (got < want) {
			rc = ferror(fp) ? -1 : 0;
			break;
		}
	}
	free(buf);
	return rc;
}

/* fp is at offset begin - 1: move it to the first line that starts at or
 * after begin (a line starts after an LF). */
static void skip_partial_line(FILE *fp, long long begin, size_t *lineno,
			      long long *pos)
{
	long long off = begin - 1;
	int c;

	while ((c = getc(fp)) != EOF) {
		off++;
		if (c == '\n') {
			(*lineno)++;
			break;
		}
	}
	*pos = off;
}

FILE *input_open_records(const struct input *in, size_t *lineno, long long *pos)
{
	FILE *fp;

	*lineno = 0;
	*pos = 0;
	if (!strcmp(in->path, "-"))
		return stdin;
	if (!(fp = fopen(in->path, "rb")))
		return NULL;
	if (!in->sliced || in->begin == 0)
		return fp;
	/* Line numbers are those of the whole file: the LFs before the
	 * slice are counted (a scan, not a parse), then the line cut by
	 * the slice's start is left to the shard before. */
	if (count_lines(fp, in->begin - 1, lineno) < 0) {
		int e = errno;
		fclose(fp);
		errno = e;
		return NULL;
	}
	skip_partial_line(fp, in->begin, lineno, pos);
	if (ferror(fp)) {
		int e = errno;
		fclose(fp);
		errno = e;
		return NULL;
	}
	return fp;
}

int input_past_slice(const struct input *in, long long pos)
{
	return in->sliced && pos >= in->end;
}
