/*
 * wordlist.c - line-oriented lists of words and phrases, case-folded.
 */
#include "wordlist.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"
#include "util.h"

void wordlist_init(struct wordlist *wl)
{
	strmap_init(&wl->set);
}

void wordlist_release(struct wordlist *wl)
{
	if (wl)
		strmap_release(&wl->set);
}

void wordlist_add(struct wordlist *wl, const char *s, size_t len)
{
	size_t n;
	char *f = utf8_fold(s, len, &n);

	*strmap_put(&wl->set, f, n) = 1;
	free(f);
}

int wordlist_has(const struct wordlist *wl, const char *s, size_t len)
{
	size_t n;
	char *f = utf8_fold(s, len, &n);
	int found = strmap_find(&wl->set, f, n) != NULL;

	free(f);
	return found;
}

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

int wordlist_load(struct wordlist *wl, const char *path, int optional)
{
	char *buf, *line, *end;
	size_t len;
	int rc = read_file(path, (size_t)64 << 20, &buf, &len);

	if (rc < 0) {
		if (optional && rc == -ENOENT)
			return 0;
		return rl_error("cannot read '%s': %s", path, strerror(-rc));
	}
	for (line = buf; line < buf + len; line = end + 1) {
		char *s = line, *e;
		end = memchr(line, '\n', (size_t)(buf + len - line));
		if (!end)
			end = buf + len;
		e = end;
		while (s < e && is_blank(*s))
			s++;
		while (e > s && is_blank(e[-1]))
			e--;
		if (e > s && *s != '#')
			wordlist_add(wl, s, (size_t)(e - s));
	}
	free(buf);
	return 0;
}
