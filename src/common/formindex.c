/*
 * formindex.c - the word-form index file: mapping, checking, binary
 * search, and writing (see formindex.h for the layout).
 */
#include "common/formindex.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/util.h"

#define MAGIC	    "RLFORMS2"
#define HEADER_SIZE (8 + 3 * 8)

struct formindex {
	void *map;
	size_t map_len;
	const uint32_t *offsets;
	const char *strings;
	size_t n, strings_len;
};

static uint64_t get64(const unsigned char *p)
{
	uint64_t v;

	memcpy(&v, p, sizeof(v));
	return v;
}

/* Every entry must be two NUL-terminated strings and a byte of flags
 * inside the strings. */
static int entries_valid(const struct formindex *fi)
{
	const char *end = fi->strings + fi->strings_len;

	for (size_t i = 0; i < fi->n; i++) {
		size_t at = fi->offsets[i];
		const char *key, *form, *flags;

		if (at >= fi->strings_len)
			return 0;
		key = fi->strings + at;
		form = memchr(key, '\0', fi->strings_len - at);
		if (!form || ++form >= end ||
		    !(flags = memchr(form, '\0', (size_t)(end - form))) ||
		    ++flags >= end)
			return 0;
	}
	return 1;
}

/* Check the header and point fi into the mapping. 0 or -1. */
static int parse(struct formindex *fi, uint64_t fingerprint)
{
	const unsigned char *p = fi->map;
	uint64_t n, len;

	if (fi->map_len < HEADER_SIZE || memcmp(p, MAGIC, 8) ||
	    get64(p + 8) != fingerprint)
		return -1;
	n = get64(p + 16);
	len = get64(p + 24);
	if (n > (fi->map_len - HEADER_SIZE) / sizeof(uint32_t) ||
	    len != fi->map_len - HEADER_SIZE - n * sizeof(uint32_t))
		return -1;
	fi->n = (size_t)n;
	fi->strings_len = (size_t)len;
	fi->offsets = (const uint32_t *)(const void *)(p + HEADER_SIZE);
	fi->strings = (const char *)(p + HEADER_SIZE + n * sizeof(uint32_t));
	return entries_valid(fi) ? 0 : -1;
}

struct formindex *formindex_open(const char *path, uint64_t fingerprint)
{
	struct formindex *fi;
	struct stat st;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
	    st.st_size < HEADER_SIZE) {
		close(fd);
		return NULL;
	}
	fi = xcalloc(1, sizeof(*fi));
	fi->map_len = (size_t)st.st_size;
	fi->map = mmap(NULL, fi->map_len, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (fi->map == MAP_FAILED) {
		free(fi);
		return NULL;
	}
	if (parse(fi, fingerprint) < 0) {
		formindex_free(fi);
		return NULL;
	}
	return fi;
}

void formindex_free(struct formindex *fi)
{
	if (!fi)
		return;
	munmap(fi->map, fi->map_len);
	free(fi);
}

static const char *key_at(const struct formindex *fi, size_t i)
{
	return fi->strings + fi->offsets[i];
}

/* The sign of strcmp of key[0..len) (no NUL inside) with the
 * NUL-terminated s, in one pass (no strlen of s on every step of the
 * search): where s ends first, its NUL is below key's byte. */
static int cmp_key(const char *key, size_t len, const char *s)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char a = (unsigned char)key[i],
			      b = (unsigned char)s[i];

		if (a != b)
			return a < b ? -1 : 1;
	}
	return s[len] ? -1 : 0;
}

size_t formindex_find(const struct formindex *fi, const char *key, size_t len,
		      size_t *first)
{
	size_t lo = 0, hi = fi->n, end;

	if (memchr(key, '\0', len))
		return 0;
	while (lo < hi) { /* the first entry not below key */
		size_t mid = lo + (hi - lo) / 2;
		if (cmp_key(key, len, key_at(fi, mid)) > 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (end = lo; end < fi->n && !cmp_key(key, len, key_at(fi, end));)
		end++;
	*first = lo;
	return end - lo;
}

const char *formindex_form(const struct formindex *fi, size_t i)
{
	const char *key = key_at(fi, i);

	return key + strlen(key) + 1;
}

unsigned formindex_flags(const struct formindex *fi, size_t i)
{
	const char *form = formindex_form(fi, i);

	return (unsigned char)form[strlen(form) + 1];
}

size_t formindex_count(const struct formindex *fi)
{
	return fi->n;
}

const char *formindex_key(const struct formindex *fi, size_t i)
{
	return key_at(fi, i);
}

static int cmp_entry(const void *a, const void *b)
{
	const struct formindex_entry *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	return c ? c : strcmp(x->form, y->form);
}

static void put64(FILE *fp, uint64_t v)
{
	fwrite(&v, sizeof(v), 1, fp);
}

/* Entry i of the sorted v repeats entry i - 1. */
static int repeated(const struct formindex_entry *v, size_t i)
{
	return i > 0 && !cmp_entry(&v[i - 1], &v[i]);
}

int formindex_write(FILE *fp, uint64_t fingerprint, struct formindex_entry *v,
		    size_t n)
{
	uint64_t kept = 0, len = 0;

	xqsort(v, n, sizeof(*v), cmp_entry);
	for (size_t i = 0; i < n; i++)
		if (!repeated(v, i)) {
			kept++;
			len += strlen(v[i].key) + strlen(v[i].form) + 3;
		}
	if (len > UINT32_MAX)
		return -1;
	fwrite(MAGIC, 1, 8, fp);
	put64(fp, fingerprint);
	put64(fp, kept);
	put64(fp, len);
	len = 0;
	for (size_t i = 0; i < n; i++) {
		uint32_t at = (uint32_t)len;
		if (repeated(v, i))
			continue;
		fwrite(&at, sizeof(at), 1, fp);
		len += strlen(v[i].key) + strlen(v[i].form) + 3;
	}
	for (size_t i = 0; i < n; i++) {
		unsigned char flags = (unsigned char)v[i].flags;

		if (repeated(v, i))
			continue;
		fwrite(v[i].key, 1, strlen(v[i].key) + 1, fp);
		fwrite(v[i].form, 1, strlen(v[i].form) + 1, fp);
		fwrite(&flags, 1, 1, fp);
	}
	return 0;
}
