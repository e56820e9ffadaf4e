/*
 * util.c - allocation wrappers, string buffers, error printing and small
 * file-system helpers shared by every module.
 */
#include "common/util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <unistd.h>

static int quiet_mode;

static void die_oom(size_t n)
{
	rl_fatal("out of memory (allocating %zu bytes)", n);
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		die_oom(n);
	return p;
}

void *xcalloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);
	if (!p)
		die_oom(count * size);
	return p;
}

void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		die_oom(n);
	return q;
}

char *xstrdup(const char *s)
{
	return xmemdup(s, strlen(s));
}

char *xmemdup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	if (n)
		memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void xqsort(void *base, size_t n, size_t size,
	    int (*cmp)(const void *, const void *))
{
	if (n > 1)
		qsort(base, n, size, cmp);
}

void grow_array(void **p, size_t *cap, size_t need, size_t elem)
{
	size_t ncap;

	if (need <= *cap)
		return;
	ncap = *cap ? *cap : 8;
	while (ncap < need) {
		if (ncap > ((size_t)-1) / 2 / elem)
			die_oom(need * elem);
		ncap *= 2;
	}
	*p = xrealloc(*p, ncap * elem);
	*cap = ncap;
}

void sb_init(struct strbuf *sb)
{
	sb->cap = 64;
	sb->buf = xmalloc(sb->cap);
	sb->buf[0] = '\0';
	sb->len = 0;
}

void sb_release(struct strbuf *sb)
{
	free(sb->buf);
	sb->buf = NULL;
	sb->len = sb->cap = 0;
}

void sb_reset(struct strbuf *sb)
{
	sb->len = 0;
	sb->buf[0] = '\0';
}

static void sb_reserve(struct strbuf *sb, size_t extra)
{
	if (sb->len + extra + 1 > sb->cap)
		GROW(sb->buf, sb->cap, sb->len + extra + 1);
}

void sb_add(struct strbuf *sb, const char *s, size_t n)
{
	sb_reserve(sb, n);
	if (n)
		memcpy(sb->buf + sb->len, s, n);
	sb->len += n;
	sb->buf[sb->len] = '\0';
}

void sb_adds(struct strbuf *sb, const char *s)
{
	sb_add(sb, s, strlen(s));
}

void sb_addc(struct strbuf *sb, char c)
{
	sb_add(sb, &c, 1);
}

void sb_addf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(sb->buf + sb->len, sb->cap - sb->len, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n >= sb->cap - sb->len) {
		sb_reserve(sb, (size_t)n);
		va_start(ap, fmt);
		vsnprintf(sb->buf + sb->len, sb->cap - sb->len, fmt, ap);
		va_end(ap);
	}
	sb->len += (size_t)n;
}

char *sb_detach(struct strbuf *sb, size_t *len)
{
	char *b = sb->buf;
	if (len)
		*len = sb->len;
	sb->buf = NULL;
	sb->len = sb->cap = 0;
	return b;
}

/* The path of a source file from its src/ folder on: __FILE__ is the
 * compiler's, often absolute. */
static const char *source_path(const char *file)
{
	const char *p = file, *last = NULL;

	while ((p = strstr(p, "/src/")) != NULL)
		last = ++p;
	return last ? last : file;
}

void bug_fl(const char *file, int line, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	/* One write, so that threads do not interleave their lines. */
	fprintf(stderr, "BUG: %s:%d: %s\n", source_path(file), line, msg);
	fflush(stderr);
	abort();
}

void rl_fatal(const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	fprintf(stderr, "relire: %s\n", msg);
	fflush(stderr);
	abort();
}

int rl_error(const char *fmt, ...)
{
	va_list ap;

	fputs("relire: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return -1;
}

void rl_warn(const char *fmt, ...)
{
	va_list ap;

	if (quiet_mode)
		return;
	fputs("relire: warning: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void rl_set_quiet(int quiet)
{
	quiet_mode = quiet;
}

static int read_fd(int fd, size_t max, struct strbuf *sb)
{
	char chunk[65536];

	for (;;) {
		ssize_t n = read(fd, chunk, sizeof(chunk));
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -errno;
		}
		if (n == 0)
			return 0;
		if (sb->len + (size_t)n > max)
			return -EFBIG;
		sb_add(sb, chunk, (size_t)n);
	}
}

int read_file(const char *path, size_t max, char **buf, size_t *len)
{
	struct strbuf sb;
	struct stat st;
	int fd, rc;

	*buf = NULL;
	*len = 0;
	fd = strcmp(path, "-") ? open(path, O_RDONLY | O_CLOEXEC) : 0;
	if (fd < 0)
		return -errno;
	if (fstat(fd, &st) < 0) {
		rc = -errno;
		goto out;
	}
	if (S_ISDIR(st.st_mode)) {
		rc = -EISDIR;
		goto out;
	}
	if (S_ISREG(st.st_mode) && (size_t)st.st_size > max) {
		rc = -EFBIG;
		goto out;
	}
	sb_init(&sb);
	rc = read_fd(fd, max, &sb);
	if (rc < 0)
		sb_release(&sb);
	else
		*buf = sb_detach(&sb, len), sb_release(&sb);
out:
	if (fd > 0)
		close(fd);
	return rc;
}

int mkdir_p(const char *path)
{
	char *p = xstrdup(path);
	size_t n = strlen(p);
	int rc = n ? 0 : -ENOENT;

	for (size_t i = 1; i <= n && rc == 0; i++) {
		if (path[i] != '/' && path[i] != '\0')
			continue;
		p[i] = '\0';
		if (mkdir(p, 0777) < 0 && errno != EEXIST)
			rc = -errno;
		p[i] = path[i];
	}
	free(p);
	if (rc < 0)
		errno = -rc; /* callers print strerror(errno) */
	return rc;
}

/* Is path a real directory (not a link to one)? 0, or -1 with errno. */
static int real_dir(const char *path)
{
	struct stat st;

	if (lstat(path, &st) < 0)
		return -1;
	if (S_ISLNK(st.st_mode))
		errno = ELOOP;
	else if (!S_ISDIR(st.st_mode))
		errno = ENOTDIR;
	else
		return 0;
	return -1;
}

int mkdir_below(const char *base, const char *rel)
{
	struct strbuf p;
	size_t i = 0, n = strlen(rel);
	int rc = 0;

	sb_init(&p);
	sb_adds(&p, base);
	while (rc == 0 && i < n) {
		size_t j = i;

		while (j < n && rel[j] != '/')
			j++;
		if (j > i) {
			sb_addc(&p, '/');
			sb_add(&p, rel + i, j - i);
			if (mkdir(p.buf, 0777) < 0 && errno != EEXIST)
				rc = -1;
			else
				rc = real_dir(p.buf);
		}
		i = j + 1;
	}
	sb_release(&p);
	return rc;
}

FILE *fopen_new(const char *path, int readable)
{
	int fd = open(path,
		      (readable ? O_RDWR : O_WRONLY) | O_CREAT | O_EXCL |
			  O_NOFOLLOW | O_CLOEXEC,
		      0666);
	FILE *fp;

	if (fd < 0 && errno == EEXIST && unlink(path) == 0) /* a stale one */
		fd = open(path,
			  (readable ? O_RDWR : O_WRONLY) | O_CREAT | O_EXCL |
			      O_NOFOLLOW | O_CLOEXEC,
			  0666);
	if (fd < 0)
		return NULL;
	fp = fdopen(fd, readable ? "w+b" : "wb");
	if (!fp) {
		int e = errno;
		close(fd);
		errno = e;
	}
	return fp;
}

char *tmp_path_for(const char *path)
{
	const char *slash = strrchr(path, '/');
	size_t dir = slash ? (size_t)(slash - path) + 1 : 0;
	struct strbuf sb;

	sb_init(&sb);
	sb_add(&sb, path, dir);
	sb_addf(&sb, ".%s.tmp.%ld", path + dir, (long)getpid());
	return sb_detach(&sb, NULL);
}

int commit_tmp(const char *tmp, const char *path)
{
	int err;

	if (rename(tmp, path) == 0)
		return 0;
	err = errno;
	unlink(tmp);
	return rl_write_error(path, err);
}

/* Strip one temporary decoration of tmp_path_for() from the name at
 * sb->buf + base: its ".tmp.DIGITS" suffix and its leading '.'. 1 when
 * something was stripped. */
static int strip_tmp(struct strbuf *sb, size_t base)
{
	char *name = sb->buf + base;
	size_t n = sb->len - base, d = n;

	while (d > 0 && name[d - 1] >= '0' && name[d - 1] <= '9')
		d--;
	if (d < n && d > 6 && name[0] == '.' &&
	    !memcmp(name + d - 5, ".tmp.", 5)) {
		memmove(name, name + 1, d - 6);
		sb->len = base + d - 6;
		sb->buf[sb->len] = '\0';
		return 1;
	}
	return 0;
}

int rl_write_error(const char *path, int err)
{
	const char *slash = strrchr(path, '/');
	size_t base = slash ? (size_t)(slash - path) + 1 : 0;
	struct strbuf sb;

	sb_init(&sb);
	sb_adds(&sb, path);
	while (strip_tmp(&sb, base))
		;
	rl_error("cannot write '%s': %s", sb.buf, strerror(err ? err : EIO));
	sb_release(&sb);
	return -1;
}

static int is_trim_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

int for_each_data_line(const char *buf, size_t len, data_line_fn *fn, void *ud)
{
	const char *line = buf, *end;
	size_t lineno = 0;
	int rc;

	for (; line < buf + len; line = end + 1) {
		const char *s = line, *e;

		end = memchr(line, '\n', (size_t)(buf + len - line));
		if (!end)
			end = buf + len;
		e = end;
		lineno++;
		while (s < e && is_trim_blank(*s))
			s++;
		while (e > s && is_trim_blank(e[-1]))
			e--;
		if (e == s || *s == '#')
			continue;
		rc = fn(s, (size_t)(e - s), lineno, ud);
		if (rc)
			return rc;
	}
	return 0;
}

int read_data_table(const char *path, data_line_fn *fn, void *ud,
		    const char *format)
{
	char *buf;
	size_t len;
	int rc = read_file(path, (size_t)1 << 20, &buf, &len);

	if (rc < 0)
		return rl_error("cannot read '%s': %s", path, strerror(-rc));
	rc = for_each_data_line(buf, len, fn, ud);
	free(buf);
	if (rc != 0)
		return rl_error("'%s', line %d: expected %s", path, rc, format);
	return 0;
}

int stream_copy(FILE *dst, FILE *src)
{
	char buf[16384];
	size_t n;

	if (fflush(src) != 0 || fseek(src, 0, SEEK_SET) != 0)
		return -1;
	while ((n = fread(buf, 1, sizeof(buf), src)) > 0)
		if (fwrite(buf, 1, n, dst) != n)
			return -1;
	return ferror(src) ? -1 : 0;
}

double monotonic_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

size_t udec(char *out, unsigned long long v)
{
	char rev[UDEC_MAX];
	size_t n = 0, len = 0;

	do
		rev[n++] = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	while (n)
		out[len++] = rev[--n];
	return len;
}

static int chunk_end(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

int chunk_technical(const char *t, size_t ls, size_t le, size_t i, size_t max,
		    const char *signs, size_t *cs, size_t *ce)
{
	size_t a = i, e = i;

	while (a > ls && !chunk_end(t[a - 1]))
		if (i - --a > max)
			return 1;
	while (e < le && !chunk_end(t[e]))
		if (++e - i > max)
			return 1;
	if (cs)
		*cs = a;
	if (ce)
		*ce = e;
	for (size_t k = a; k < e; k++)
		if (t[k] && strchr(signs, t[k]))
			return 1;
	return 0;
}
