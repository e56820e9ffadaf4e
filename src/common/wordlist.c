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
