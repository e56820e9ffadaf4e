/*
 * langwords.c - function-word lists of all languages in one map from the
 * word to the set of languages that use it (see langwords.h).
 */
#include "common/langwords.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/utf8.h"
#include "common/util.h"

void langwords_init(struct langwords *lw)
{
	memset(lw, 0, sizeof(*lw));
	strmap_init(&lw->map);
}

void langwords_release(struct langwords *lw)
{
	if (lw)
		strmap_release(&lw->map);
}

int langwords_index(const struct langwords *lw, const char *code)
{
	for (size_t i = 0; i < lw->n; i++) {
		size_t n = strlen(lw->code[i]);
		if (!strncmp(code, lw->code[i], n) &&
		    (code[n] == '\0' || code[n] == '_' || code[n] == '-'))
			return (int)i;
	}
	return -1;
}

/* The index of code, added when new; -1 when the table is full. */
static int language_slot(struct langwords *lw, const char *code)
{
	int i = langwords_index(lw, code);

	if (i >= 0 || lw->n == LANGWORDS_MAX)
		return i;
	snprintf(lw->code[lw->n], sizeof(lw->code[lw->n]), "%s", code);
	return (int)lw->n++;
}

/* Is the first letter of w[0..len) a Latin one (Basic Latin to Latin
 * Extended-B, Latin Extended Additional)? */
static int latin_word(const char *w, size_t len)
{
	size_t i = 0;

	while (i < len) {
		int32_t c = utf8_next(w, &i, len);
		if (uc_is_alpha(c))
			return c < 0x250 || (c >= 0x1E00 && c < 0x1F00);
	}
	return 1;
}

static void add_word(struct langwords *lw, int lang, const char *w, size_t len)
{
	*strmap_put(&lw->map, w, len) |= (int64_t)1 << lang;
	lw->words[lang]++;
	lw->latin[lang] += (size_t)latin_word(w, len);
}

int langwords_script_fits(const struct langwords *lw, int k, const char *word,
			  size_t len)
{
	if (!lw || k < 0 || (size_t)k >= lw->n || !lw->words[k])
		return 1;
	return latin_word(word, len) == (2 * lw->latin[k] > lw->words[k]);
}

void langwords_add(struct langwords *lw, const char *code, const char *word)
{
	int i = language_slot(lw, code);

	if (i >= 0)
		add_word(lw, i, word, strlen(word));
}

struct load_ctx {
	struct langwords *lw;
	int lang;
};

static int add_line(const char *s, size_t len, size_t lineno, void *ud)
{
	struct load_ctx *c = ud;

	(void)lineno;
	add_word(c->lw, c->lang, s, len);
	return 0;
}

/* Load data_dir/code/function-words.txt when it exists. */
static int load_language(struct langwords *lw, const char *data_dir,
			 const char *code)
{
	struct strbuf path;
	struct load_ctx c = {lw, -1};
	char *buf = NULL;
	size_t len;
	int rc;

	sb_init(&path);
	sb_addf(&path, "%s/%s/function-words.txt", data_dir, code);
	rc = read_file(path.buf, (size_t)1 << 20, &buf, &len);
	if (rc == -ENOENT || rc == -ENOTDIR) {
		rc = 0;
	} else if (rc < 0) {
		rc = rl_error("cannot read '%s': %s", path.buf, strerror(-rc));
	} else if ((c.lang = language_slot(lw, code)) >= 0) {
		for_each_data_line(buf, len, add_line, &c);
	}
	free(buf);
	sb_release(&path);
	return rc;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int langwords_load(struct langwords *lw, const char *data_dir)
{
	DIR *dir = opendir(data_dir);
	struct dirent *de;
	char *names[64];
	size_t n = 0;
	int rc = 0;

	if (!dir)
		return 0;
	while ((de = readdir(dir)) && n < ARRAY_SIZE(names))
		if (de->d_name[0] != '.' && strlen(de->d_name) < 8)
			names[n++] = xstrdup(de->d_name);
	closedir(dir);
	qsort(names, n, sizeof(*names), by_name);
	for (size_t i = 0; i < n; i++) {
		if (rc == 0)
			rc = load_language(lw, data_dir, names[i]);
		free(names[i]);
	}
	return rc;
}

unsigned langwords_of(const struct langwords *lw, const char *word, size_t len,
		      int lower)
{
	const int64_t *v;
	char *l;
	size_t n;

	if (lw->n == 0)
		return 0;
	if (lower) {
		v = strmap_find(&lw->map, word, len);
		return v ? (unsigned)*v : 0;
	}
	l = utf8_lower(word, len, &n);
	v = strmap_find(&lw->map, l, n);
	free(l);
	return v ? (unsigned)*v : 0;
}
