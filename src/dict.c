/*
 * dict.c - Hunspell behind one door, with a lookup cache.
 */
#include "dict.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <hunspell/hunspell.h>

#include "strmap.h"
#include "util.h"

struct dict {
	Hunhandle *h;
	struct strmap cache; /* word -> 1 known, 2 unknown */
	size_t calls;
};

/* Default region per language code, and the Debian package shipping it. */
static const struct {
	const char *lang, *name, *package;
} known_dicts[] = {
	{"fr", "fr_FR", "hunspell-fr"},    {"de", "de_DE", "hunspell-de-de"},
	{"en", "en_US", "hunspell-en-us"}, {"es", "es_ES", "hunspell-es"},
	{"it", "it_IT", "hunspell-it"},    {"ru", "ru_RU", "hunspell-ru"},
	{"uk", "uk_UA", "hunspell-uk"},    {"pt", "pt_PT", "hunspell-pt-pt"},
	{"nl", "nl", "hunspell-nl"},       {"pl", "pl_PL", "hunspell-pl"},
};

static const char *const system_dirs[] = {
	"/usr/share/hunspell", "/usr/share/myspell", "/usr/share/myspell/dicts",
};

static int find_pair(const char *dir, const char *name, struct strbuf *aff,
		     struct strbuf *dic)
{
	sb_reset(aff);
	sb_reset(dic);
	sb_addf(aff, "%s/%s.aff", dir, name);
	sb_addf(dic, "%s/%s.dic", dir, name);
	return access(aff->buf, R_OK) == 0 && access(dic->buf, R_OK) == 0;
}

static int locate(const char *lang, const char *dict_dir, struct strbuf *aff,
		  struct strbuf *dic)
{
	const char *names[2] = {lang, NULL};

	for (size_t i = 0; i < ARRAY_SIZE(known_dicts); i++)
		if (!strcmp(known_dicts[i].lang, lang))
			names[1] = known_dicts[i].name;
	for (int n = 1; n >= 0; n--) {
		if (!names[n])
			continue;
		if (dict_dir && find_pair(dict_dir, names[n], aff, dic))
			return 1;
		for (size_t i = 0; i < ARRAY_SIZE(system_dirs); i++)
			if (find_pair(system_dirs[i], names[n], aff, dic))
				return 1;
	}
	return 0;
}

static const char *package_for(const char *lang)
{
	for (size_t i = 0; i < ARRAY_SIZE(known_dicts); i++)
		if (!strncmp(known_dicts[i].lang, lang, 2))
			return known_dicts[i].package;
	return "hunspell-<lang>";
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Add every .dic file of data_dir/lang/, in sorted order. */
static void add_extra_lists(struct dict *d, const char *data_dir,
			    const char *lang)
{
	struct strbuf dir, path;
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *de;
	DIR *dp;

	sb_init(&dir);
	sb_addf(&dir, "%s/%.2s", data_dir, lang);
	dp = opendir(dir.buf);
	while (dp && (de = readdir(dp))) {
		size_t l = strlen(de->d_name);
		if (l > 4 && !strcmp(de->d_name + l - 4, ".dic")) {
			GROW(names, cap, n + 1);
			names[n++] = xstrdup(de->d_name);
		}
	}
	if (dp)
		closedir(dp);
	qsort(names, n, sizeof(*names), cmp_str);
	sb_init(&path);
	for (size_t i = 0; i < n; i++) {
		sb_reset(&path);
		sb_addf(&path, "%s/%s", dir.buf, names[i]);
		if (Hunspell_add_dic(d->h, path.buf) != 0)
			rl_warn("cannot load word list '%s'", path.buf);
		free(names[i]);
	}
	free(names);
	sb_release(&path);
	sb_release(&dir);
}

struct dict *dict_open(const char *lang, const char *dict_dir,
		       const char *data_dir)
{
	struct strbuf aff, dic;
	struct dict *d = NULL;
	const char *enc;

	sb_init(&aff);
	sb_init(&dic);
	if (!locate(lang, dict_dir, &aff, &dic)) {
		rl_error("no Hunspell dictionary for '%s' (install the Debian "
			 "package %s, or pass --dict-dir DIR)",
			 lang, package_for(lang));
		goto out;
	}
	d = xcalloc(1, sizeof(*d));
	d->h = Hunspell_create(aff.buf, dic.buf);
	enc = d->h ? Hunspell_get_dic_encoding(d->h) : NULL;
	if (!enc || strcasecmp(enc, "UTF-8")) {
		rl_error("Hunspell dictionary '%s' is not UTF-8 (%s)", dic.buf,
			 enc ? enc : "cannot load");
		if (d->h)
			Hunspell_destroy(d->h);
		free(d);
		d = NULL;
		goto out;
	}
	strmap_init(&d->cache);
	if (data_dir)
		add_extra_lists(d, data_dir, lang);
out:
	sb_release(&aff);
	sb_release(&dic);
	return d;
}

void dict_free(struct dict *d)
{
	if (!d)
		return;
	Hunspell_destroy(d->h);
	strmap_release(&d->cache);
	free(d);
}

int dict_check(struct dict *d, const char *word, size_t len)
{
	int64_t *v = strmap_put(&d->cache, word, len);

	if (!*v) {
		char buf[256];
		char *w = len < sizeof(buf) ? buf : xmalloc(len + 1);

		memcpy(w, word, len);
		w[len] = '\0';
		*v = Hunspell_spell(d->h, w) ? 1 : 2;
		d->calls++;
		if (w != buf)
			free(w);
	}
	return *v == 1;
}

size_t dict_suggest(struct dict *d, const char *word, size_t len,
		    char ***out, size_t max)
{
	char *w = xmemdup(word, len);
	char **list = NULL;
	int n = Hunspell_suggest(d->h, &list, w);
	size_t k = 0;

	*out = xcalloc(max ? max : 1, sizeof(char *));
	for (int i = 0; i < n && k < max; i++)
		(*out)[k++] = xstrdup(list[i]);
	if (list)
		Hunspell_free_list(d->h, &list, n);
	free(w);
	return k;
}

void dict_free_list(char **list, size_t n)
{
	for (size_t i = 0; list && i < n; i++)
		free(list[i]);
	free(list);
}

size_t dict_lookups(const struct dict *d)
{
	return d->calls;
}
