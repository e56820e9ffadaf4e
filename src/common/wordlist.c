/*
 * wordlist.c - line-oriented lists of words and phrases, case-folded.
 */
#include "common/wordlist.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "common/utf8.h"
#include "common/util.h"

void wordlist_init(struct wordlist *wl)
{
	strmap_init(&wl->set);
	wl->max_chars = 0;
}

/* Code points of s[0..len) (bytes that do not continue a sequence), and
 * whether all of them are ASCII. */
static size_t chars_of(const char *s, size_t len, int *ascii)
{
	size_t n = 0;
	int a = 1;

	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		n += (c & 0xC0) != 0x80;
		a &= c < 0x80;
	}
	*ascii = a;
	return n;
}

void wordlist_release(struct wordlist *wl)
{
	if (wl)
		strmap_release(&wl->set);
}

int wordlist_empty(const struct wordlist *wl)
{
	return wl->set.n == 0;
}

void wordlist_add(struct wordlist *wl, const char *s, size_t len)
{
	size_t n;
	char *f = utf8_fold(s, len, &n);
	int ascii;
	size_t chars = chars_of(f, n, &ascii);

	*strmap_put(&wl->set, f, n) = 1;
	if (chars > wl->max_chars)
		wl->max_chars = chars;
	free(f);
}

int wordlist_has(const struct wordlist *wl, const char *s, size_t len)
{
	size_t n;
	int ascii, found;
	char *f, buf[64];

	if (chars_of(s, len, &ascii) > wl->max_chars)
		return 0;
	if (ascii && len <= sizeof(buf)) { /* ICU folds ASCII to lower case */
		for (size_t i = 0; i < len; i++)
			buf[i] = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] + 32)
							    : s[i];
		return strmap_find(&wl->set, buf, len) != NULL;
	}
	f = utf8_fold(s, len, &n);
	found = strmap_find(&wl->set, f, n) != NULL;
	free(f);
	return found;
}

static int add_line(const char *s, size_t len, size_t lineno, void *ud)
{
	(void)lineno;
	wordlist_add(ud, s, len);
	return 0;
}

int wordlist_load(struct wordlist *wl, const char *path, int optional)
{
	char *buf;
	size_t len;
	int rc = read_file(path, (size_t)64 << 20, &buf, &len);

	if (rc < 0) {
		if (optional && rc == -ENOENT)
			return 0;
		return rl_error("cannot read '%s': %s", path, strerror(-rc));
	}
	for_each_data_line(buf, len, add_line, wl);
	free(buf);
	return 0;
}
