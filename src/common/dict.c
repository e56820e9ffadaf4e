/*
 * dict.c - Hunspell behind one door, with a lookup cache, plus the
 * language's spelling data (elisions, accent groups, accepted variants)
 * read from dictionaries/<lang>/.
 */
#include "common/dict.h"

#include <assert.h>
#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <hunspell/hunspell.h>

#include "common/formindex.h"
#include "common/strmap.h"
#include "common/utf8.h"
#include "common/util.h"
#include "common/wordcache.h"

#define GROUP_MAX 8 /* letters in one accent group */
/* Private lookup cache of a dict that does not share one (other languages,
 * the English loanword dictionary, tools): about 50,000 word forms. */
#define DICT_CACHE_BYTES ((size_t)8 << 20)
/* The build tree's word-form indexes (formindex.h), made by CMake. */
#ifndef RELIRE_BUILD_FORMS_DIR
#define RELIRE_BUILD_FORMS_DIR ""
#endif
#define SOURCE_MAX ((size_t)1 << 30) /* largest file fingerprinted */

/*
 * Hunspell 1.7.1 (Debian 12) keeps a process-wide table with a plain
 * reference count that every handle's creation (and every added word list)
 * increments and every destruction decrements (fixed upstream in 1.7.2):
 * handles may be used by different threads at once, but they must be
 * created and destroyed one at a time.
 */
static pthread_mutex_t lifecycle = PTHREAD_MUTEX_INITIALIZER;

static Hunhandle *hunspell_create(const char *aff, const char *dic)
{
	Hunhandle *h;

	pthread_mutex_lock(&lifecycle);
	h = Hunspell_create(aff, dic);
	pthread_mutex_unlock(&lifecycle);
	return h;
}

static void hunspell_destroy(Hunhandle *h)
{
	pthread_mutex_lock(&lifecycle);
	Hunspell_destroy(h);
	pthread_mutex_unlock(&lifecycle);
}

static int hunspell_add_dic(Hunhandle *h, const char *dic)
{
	int rc;

	pthread_mutex_lock(&lifecycle);
	rc = Hunspell_add_dic(h, dic);
	pthread_mutex_unlock(&lifecycle);
	return rc;
}

struct accent_group {
	int32_t cp[GROUP_MAX];
	size_t n;
};

/* The dict's own memory of its latest verdicts, in front of the shared
 * cache: a direct-mapped table of short words, read without a lock (a
 * dict has one thread at a time). Most lookups are of a few thousand
 * frequent words, asked about again by every stage (the language's
 * coverage of each span, spelling, names): here they cost one hash and
 * one comparison instead of a shard's mutex and a probe of a table of
 * every distinct word of the run. A verdict is the cache's, so the
 * answers are the same. */
#define RECENT_SLOTS 4096 /* a power of two */
#define RECENT_WORD  22	  /* longest word kept, in bytes */

struct recent {
	uint64_t hash;
	unsigned char len;
	unsigned char verdict; /* 0 empty, 1 known, 2 unknown */
	char word[RECENT_WORD];
};

struct dict {
	Hunhandle *h;
	struct recent *recent;	     /* RECENT_SLOTS, allocated on first use */
	struct wordcache *cache;     /* word -> 1 known, 2 unknown */
	struct wordcache *own_cache; /* the private one, unless shared */
	size_t calls;
	char lang[16];
	char *dict_dir;	   /* owned copy of --dict-dir, may be NULL */
	struct dict *loan; /* English, opened on first use */
	int loan_tried;
	struct dict *loans_of; /* dict_share_loans: whose English to use */
	char **elisions;       /* lower-case elided words */
	size_t nelisions;
	size_t elision_max; /* bytes of the longest */
	char **links; /* linking elements of closed compounds ("" first) */
	size_t nlinks;
	struct accent_group *groups;
	size_t ngroups, gcap;
	char **variants; /* pairs: dictionary form, written form */
	size_t nvariants, vcap;
	regex_t **follow; /* per pair: context after the written form */
	size_t fcap;
	char **sources; /* the files it is made of: .aff, .dic, word lists,
			 * accents.txt (what a form index depends on) */
	size_t nsources, scap;
	char *data_dir;		 /* owned copy, may be NULL */
	struct formindex *forms; /* opened on first use */
	int forms_tried;
	/* The .aff's input conversion turns every "’" into "'" and touches
	 * no other apostrophe (iconv_apostrophe): both spellings of a word
	 * get the same verdict, so they share one lookup. */
	int apostrophe_iconv;
	/* A pool's dict (dict_pool_get), used by several threads at once:
	 * its Hunspell calls and its first-use openings hold the lock, and
	 * it keeps no memory of recent verdicts (its cache is thread-safe).
	 * NULL for a dict of one thread. */
	pthread_mutex_t *lock;
};

#define APOSTROPHE "\xE2\x80\x99"

/* The first "’" in s[0..n), or NULL. */
static const char *find_apostrophe(const char *s, size_t n)
{
	const char *end = s + n, *p = s;

	while ((p = memchr(p, 0xE2, (size_t)(end - p))) != NULL) {
		if (end - p >= 3 && !memcmp(p, APOSTROPHE, 3))
			return p;
		p++;
	}
	return NULL;
}

/* Field k (0-based) of the white-space-separated line l[0..n): its start
 * and length, or 0 when the line has fewer fields. */
static size_t aff_field(const char *l, size_t n, int k, const char **f)
{
	size_t i = 0;

	for (;;) {
		size_t start;

		while (i < n && (l[i] == ' ' || l[i] == '\t' || l[i] == '\r'))
			i++;
		start = i;
		while (i < n && l[i] != ' ' && l[i] != '\t' && l[i] != '\r')
			i++;
		if (i == start)
			return 0;
		if (k-- == 0) {
			*f = l + start;
			return i - start;
		}
	}
}

/* The ICONV patterns of an .aff file with an apostrophe in them: "’" to
 * "'" alone (plain), and any other (other). */
struct iconv_count {
	int plain, other;
};

static int iconv_line(const char *l, size_t n, size_t lineno, void *ud)
{
	struct iconv_count *k = ud;
	const char *f, *pat, *rep;
	size_t fn = aff_field(l, n, 0, &f), pn = aff_field(l, n, 1, &pat),
	       rn = aff_field(l, n, 2, &rep);

	(void)lineno;
	if (fn == 5 && !memcmp(f, "ICONV", 5) && rn) {
		int curly = find_apostrophe(pat, pn) != NULL,
		    straight = memchr(pat, '\'', pn) != NULL;
		if (pn == 3 && curly && rn == 1 && *rep == '\'')
			k->plain++;
		else if (curly || straight)
			k->other++;
	}
	return 0;
}

/*
 * 1 when the ICONV table of the .aff file at path converts "’" to "'"
 * and has no other pattern with either apostrophe in it: Hunspell then
 * converts each "’" of a word to "'" before anything else, and nothing
 * else it converts depends on which apostrophe the word has.
 */
static int iconv_apostrophe(const char *path)
{
	struct iconv_count k = {0, 0};
	char *buf;
	size_t len;

	if (read_file(path, (size_t)64 << 20, &buf, &len) < 0)
		return 0;
	for_each_data_line(buf, len, iconv_line, &k);
	free(buf);
	return k.plain == 1 && !k.other;
}

static void lock_shared(struct dict *d)
{
	if (d->lock)
		pthread_mutex_lock(d->lock);
}

static void unlock_shared(struct dict *d)
{
	if (d->lock)
		pthread_mutex_unlock(d->lock);
}

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
    "/usr/share/hunspell",
    "/usr/share/myspell",
    "/usr/share/myspell/dicts",
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

static void add_source(struct dict *d, const char *path)
{
	GROW(d->sources, d->scap, d->nsources + 1);
	d->sources[d->nsources++] = xstrdup(path);
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
	xqsort(names, n, sizeof(*names), cmp_str);
	sb_init(&path);
	for (size_t i = 0; i < n; i++) {
		sb_reset(&path);
		sb_addf(&path, "%s/%s", dir.buf, names[i]);
		if (hunspell_add_dic(d->h, path.buf) != 0)
			rl_warn("cannot load word list '%s'", path.buf);
		add_source(d, path.buf);
		free(names[i]);
	}
	free(names);
	sb_release(&path);
	sb_release(&dir);
}

/* Call fn on every line of data_dir/lang/name that is not blank or a
 * comment, trimmed. A missing file is not an error. */
static void for_each_line(struct dict *d, const char *data_dir,
			  const char *lang, const char *name,
			  void (*fn)(struct dict *, char *))
{
	struct strbuf path;
	char *buf = NULL, *line, *next;
	size_t len;

	sb_init(&path);
	sb_addf(&path, "%s/%.2s/%s", data_dir, lang, name);
	if (read_file(path.buf, (size_t)1 << 20, &buf, &len) < 0) {
		sb_release(&path);
		return;
	}
	for (line = buf; line; line = next) {
		char *end;
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		while (*line == ' ' || *line == '\t')
			line++;
		end = line + strlen(line);
		while (end > line && strchr(" \t\r", end[-1]))
			*--end = '\0';
		if (*line && *line != '#')
			fn(d, line);
	}
	free(buf);
	sb_release(&path);
}

static void add_elision(struct dict *d, char *line)
{
	size_t cap = d->nelisions;

	GROW(d->elisions, cap, d->nelisions + 1);
	d->elisions[d->nelisions++] = xstrdup(line);
	if (strlen(line) > d->elision_max)
		d->elision_max = strlen(line);
}

/* A line of compounds.txt: a linking element, "0" for none. */
static void add_link(struct dict *d, char *line)
{
	size_t cap = d->nlinks;

	GROW(d->links, cap, d->nlinks + 1);
	d->links[d->nlinks++] = xstrdup(strcmp(line, "0") ? line : "");
}

static void add_group_from(struct dict *d, const char *s, size_t len)
{
	struct accent_group g = {{0}, 0};
	size_t i = 0;

	while (i < len) {
		int32_t c = utf8_next(s, &i, len);
		if (c > 0 && !uc_is_space(c) && g.n < GROUP_MAX)
			g.cp[g.n++] = c;
	}
	if (g.n < 2)
		return;
	GROW(d->groups, d->gcap, d->ngroups + 1);
	d->groups[d->ngroups++] = g;
}

/* A line of accents.txt gives a lower-case group and its upper-case twin. */
static void add_group(struct dict *d, char *line)
{
	size_t ulen;
	char *up = utf8_upper(line, strlen(line), &ulen);

	add_group_from(d, line, strlen(line));
	if (ulen != strlen(line) || memcmp(up, line, ulen))
		add_group_from(d, up, ulen);
	free(up);
}

/* Split off the next white-space-delimited field of *s (NULL if none). */
static char *next_field(char **s)
{
	char *f = *s + strspn(*s, " \t"), *end;

	if (!*f)
		return NULL;
	end = f + strcspn(f, " \t");
	*s = *end ? end + 1 : end;
	*end = '\0';
	return f;
}

/* "DICTIONARY WRITTEN [FOLLOWING]": FOLLOWING is a POSIX extended regular
 * expression that the text after WRITTEN must match (anchored). */
static void add_variant(struct dict *d, char *line)
{
	char *form = next_field(&line), *written = next_field(&line);
	char *follow = next_field(&line);
	regex_t *re = NULL;
	struct strbuf pat;

	if (!form || !written)
		return;
	if (follow) {
		sb_init(&pat);
		sb_addf(&pat, "^(%s)", follow);
		re = xmalloc(sizeof(*re));
		if (regcomp(re, pat.buf, REG_EXTENDED | REG_NOSUB)) {
			rl_warn("bad context '%s' in variants.txt", follow);
			free(re);
			sb_release(&pat);
			return;
		}
		sb_release(&pat);
	}
	GROW(d->variants, d->vcap, d->nvariants + 2);
	GROW(d->follow, d->fcap, d->nvariants / 2 + 1);
	d->follow[d->nvariants / 2] = re;
	d->variants[d->nvariants++] = xstrdup(form);
	d->variants[d->nvariants++] = xstrdup(written);
}

static void load_language_data(struct dict *d, const char *data_dir,
			       const char *lang)
{
	struct strbuf path;

	for_each_line(d, data_dir, lang, "elided.txt", add_elision);
	for_each_line(d, data_dir, lang, "compounds.txt", add_link);
	for_each_line(d, data_dir, lang, "accents.txt", add_group);
	for_each_line(d, data_dir, lang, "variants.txt", add_variant);
	sb_init(&path);
	sb_addf(&path, "%s/%.2s/accents.txt", data_dir, lang);
	add_source(d, path.buf);
	sb_release(&path);
	free(d->data_dir);
	d->data_dir = xstrdup(data_dir);
}

/* Open without printing anything; NULL when the dictionary is absent or
 * not UTF-8 (*why says which). */
static struct dict *open_quiet(const char *lang, const char *dict_dir,
			       struct strbuf *dic, const char **why)
{
	struct strbuf aff;
	struct dict *d;
	const char *enc;

	sb_init(&aff);
	if (!locate(lang, dict_dir, &aff, dic)) {
		sb_release(&aff);
		*why = NULL;
		return NULL;
	}
	d = xcalloc(1, sizeof(*d));
	d->h = hunspell_create(aff.buf, dic->buf);
	enc = d->h ? Hunspell_get_dic_encoding(d->h) : NULL;
	if (!enc || strcasecmp(enc, "UTF-8")) {
		*why = enc ? enc : "cannot load";
		if (d->h)
			hunspell_destroy(d->h);
		free(d);
		sb_release(&aff);
		return NULL;
	}
	add_source(d, aff.buf);
	add_source(d, dic->buf);
	d->apostrophe_iconv = iconv_apostrophe(aff.buf);
	sb_release(&aff);
	d->own_cache = wordcache_new(DICT_CACHE_BYTES);
	d->cache = d->own_cache;
	snprintf(d->lang, sizeof(d->lang), "%s", lang);
	d->dict_dir = dict_dir ? xstrdup(dict_dir) : NULL;
	return d;
}

/* Make d safe to use from several threads at once (before its first
 * lookup): a lock for its Hunspell handle and first-use openings. */
static void make_shared(struct dict *d)
{
	d->lock = xmalloc(sizeof(*d->lock));
	pthread_mutex_init(d->lock, NULL);
}

struct dict *dict_open(const char *lang, const char *dict_dir,
		       const char *data_dir)
{
	struct strbuf dic;
	const char *why = NULL;
	struct dict *d;

	sb_init(&dic);
	d = open_quiet(lang, dict_dir, &dic, &why);
	if (!d && !why)
		rl_error("no Hunspell dictionary for '%s' (install the Debian "
			 "package %s, or pass --dict-dir DIR)",
			 lang, package_for(lang));
	else if (!d)
		rl_error("Hunspell dictionary '%s' is not UTF-8 (%s)", dic.buf,
			 why);
	if (d && data_dir) {
		add_extra_lists(d, data_dir, lang);
		load_language_data(d, data_dir, lang);
	}
	sb_release(&dic);
	return d;
}

struct dict *dict_try_open(const char *lang, const char *dict_dir,
			   const char *data_dir)
{
	struct strbuf dic;
	const char *why;
	struct dict *d;

	sb_init(&dic);
	d = open_quiet(lang, dict_dir, &dic, &why);
	sb_release(&dic);
	if (d && data_dir) {
		add_extra_lists(d, data_dir, lang);
		load_language_data(d, data_dir, lang);
	}
	return d;
}

void dict_free(struct dict *d)
{
	if (!d)
		return;
	hunspell_destroy(d->h);
	free(d->recent);
	wordcache_free(d->own_cache);
	dict_free(d->loan);
	free(d->dict_dir);
	dict_free_list(d->elisions, d->nelisions);
	dict_free_list(d->links, d->nlinks);
	for (size_t i = 0; i < d->nvariants / 2; i++)
		if (d->follow[i]) {
			regfree(d->follow[i]);
			free(d->follow[i]);
		}
	free(d->follow);
	dict_free_list(d->variants, d->nvariants);
	free(d->groups);
	dict_free_list(d->sources, d->nsources);
	free(d->data_dir);
	formindex_free(d->forms);
	if (d->lock)
		pthread_mutex_destroy(d->lock);
	free(d->lock);
	free(d);
}

void dict_share_cache(struct dict *d, struct wordcache *shared)
{
	d->cache = shared ? shared : d->own_cache;
}

/* word[0..len) with each "’" written "'", into buf[0..cap): its length,
 * or 0 when it has none or does not fit. */
static size_t plain_apostrophes(const char *word, size_t len, char *buf,
				size_t cap)
{
	const char *p = find_apostrophe(word, len);
	size_t n = 0, i = 0;

	if (!p || len > cap)
		return 0;
	while (p) {
		size_t at = (size_t)(p - word);

		memcpy(buf + n, word + i, at - i);
		n += at - i;
		buf[n++] = '\'';
		i = at + 3;
		p = find_apostrophe(word + i, len - i);
	}
	memcpy(buf + n, word + i, len - i);
	return n + len - i;
}

int dict_check(struct dict *d, const char *word, size_t len)
{
	struct recent *r = NULL;
	uint64_t h = 0;
	int64_t v;
	/* At most 256 bytes, below Hunspell 1.7's limit (MAXWORDUTF8LEN,
	 * 300), which it checks before converting: a longer word keeps its
	 * own spelling, so no verdict can depend on the conversion. */
	char plain[256];
	size_t pn;

	if (d->apostrophe_iconv &&
	    (pn = plain_apostrophes(word, len, plain, sizeof(plain)))) {
		word = plain;
		len = pn;
	}

	if (!d->lock && len && len <= RECENT_WORD) {
		h = hash_bytes(word, len);
		if (!d->recent)
			d->recent = xcalloc(RECENT_SLOTS, sizeof(*d->recent));
		r = &d->recent[h & (RECENT_SLOTS - 1)];
		if (r->verdict && r->hash == h && r->len == len &&
		    !memcmp(r->word, word, len))
			return r->verdict == 1;
	}
	if (!wordcache_get(d->cache, word, len, &v, NULL)) {
		v = dict_probe(d, word, len) ? 1 : 2;
		wordcache_put(d->cache, word, len, v, NULL, 0);
	}
	if (r) { /* filled only now: dict_probe may have used the slot */
		r->hash = h;
		r->len = (unsigned char)len;
		memcpy(r->word, word, len);
		r->verdict = (unsigned char)v;
	}
	return v == 1;
}

size_t dict_suggest(struct dict *d, const char *word, size_t len, char ***out,
		    size_t max)
{
	char *w = xmemdup(word, len);
	char **list = NULL;
	size_t k = 0;
	int n;

	*out = xcalloc(max ? max : 1, sizeof(char *));
	lock_shared(d);
	n = Hunspell_suggest(d->h, &list, w);
	for (int i = 0; i < n && k < max; i++)
		(*out)[k++] = xstrdup(list[i]);
	if (list)
		Hunspell_free_list(d->h, &list, n);
	unlock_shared(d);
	free(w);
	return k;
}

void dict_free_list(char **list, size_t n)
{
	for (size_t i = 0; list && i < n; i++)
		free(list[i]);
	free(list);
}

/*
 * Is word[0..len) one of the forms of the word-form index? Those are the
 * forms Hunspell accepts (the index is made from these dictionary files,
 * extra word lists included: its fingerprint says so), so a form found
 * there needs no spell() call: one fold and one binary search, where
 * Hunspell tries the affixes of every stem the word may come from. 0 when
 * it is not there (Hunspell decides: compounds, capitalized forms...).
 */
static int indexed_form(struct dict *d, const char *word, size_t len,
			unsigned *flags)
{
	const struct formindex *fi = dict_forms(d);
	char key[256];
	size_t i = 0, k = 0, first, n;

	if (!fi || len >= sizeof(key))
		return 0;
	while (i < len) { /* the key: accent groups folded (spellfix.h) */
		size_t gn;
		int32_t c = utf8_next(word, &i, len);
		const int32_t *g = c < 0 ? NULL : dict_accent_group(d, c, &gn);

		if (c < 0 || k + 4 > sizeof(key))
			return 0;
		k += utf8_put(key + k, g ? g[0] : c);
	}
	n = formindex_find(fi, key, k, &first);
	for (size_t e = first; e < first + n; e++) {
		const char *form = formindex_form(fi, e);
		if (!strncmp(form, word, len) && !form[len]) {
			*flags = formindex_flags(fi, e);
			return 1;
		}
	}
	return 0;
}

size_t dict_capitalized_spelling(const char *word, size_t len, char *out,
				 size_t cap)
{
	size_t i = 0, n;
	int32_t c = utf8_next(word, &i, len), u;

	if (c < 0 || !uc_is_lower(c) || (u = uc_to_upper(c)) == c || cap < 4 ||
	    len - i > cap - 4)
		return 0;
	n = utf8_put(out, u);
	memcpy(out + n, word + i, len - i);
	return n + (len - i);
}

/*
 * Is word[0..len) an index form with its first letter in upper case that
 * Hunspell accepts (FORMINDEX_CAPITALIZED)? The form is the word with its
 * first letter in lower case, and must give the word back when
 * capitalized as the index was made ("Maison" <- "maison").
 */
static int capitalized_form(struct dict *d, const char *word, size_t len)
{
	char low[256], again[256];
	size_t i = 0, n, m;
	int32_t c;
	unsigned flags = 0;

	if (!dict_forms(d) || len >= sizeof(low))
		return 0;
	c = utf8_next(word, &i, len);
	if (c < 0 || !uc_is_upper(c))
		return 0;
	n = utf8_put(low, uc_to_lower(c));
	if (n + (len - i) > sizeof(low))
		return 0;
	memcpy(low + n, word + i, len - i);
	n += len - i;
	m = dict_capitalized_spelling(low, n, again, sizeof(again));
	return m == len && !memcmp(again, word, len) &&
	       indexed_form(d, low, n, &flags) &&
	       (flags & FORMINDEX_CAPITALIZED);
}

int dict_probe(struct dict *d, const char *word, size_t len)
{
	char buf[256];
	char *w;
	int ok;
	unsigned flags;

	if (indexed_form(d, word, len, &flags) ||
	    capitalized_form(d, word, len))
		return 1;
	w = len < sizeof(buf) ? buf : xmalloc(len + 1);
	memcpy(w, word, len);
	w[len] = '\0';
	lock_shared(d);
	ok = Hunspell_spell(d->h, w) != 0;
	d->calls++;
	unlock_shared(d);
	if (w != buf)
		free(w);
	return ok;
}

/* The class one analysis line names ("st:Hugues po:prn is:mas"). */
static unsigned analysis_kind(const char *a)
{
	if (strstr(a, "po:prn"))
		return DICT_GIVEN;
	if (strstr(a, "po:patr"))
		return DICT_SURNAME;
	if (strstr(a, "po:npr"))
		return DICT_PLACE;
	return strstr(a, "po:") ? DICT_COMMON : 0;
}

/* Is the "st:" stem of analysis a written with a capital? */
static int capital_stem(const char *a)
{
	const char *st = strstr(a, "st:");
	size_t i = 0;

	if (!st)
		return 0;
	st += 3;
	return uc_is_upper(utf8_next(st, &i, strlen(st)));
}

static unsigned analysis_class(const char *a)
{
	return (capital_stem(a) ? DICT_CAPITAL : 0) | analysis_kind(a);
}

unsigned dict_name_class(struct dict *d, const char *word, size_t len)
{
	char *w = xmemdup(word, len);
	char **list = NULL;
	unsigned c = 0;
	int n;

	lock_shared(d);
	n = Hunspell_analyze(d->h, &list, w);
	for (int i = 0; i < n; i++)
		c |= analysis_class(list[i]);
	if (list)
		Hunspell_free_list(d->h, &list, n);
	unlock_shared(d);
	free(w);
	return c;
}

void dict_share_loans(struct dict *d, struct dict *from)
{
	if (!from || from == d || !strncmp(from->lang, "en", 2) ||
	    !d->lock != !from->lock || d->loan_tried || from->loans_of ||
	    !(d->dict_dir
		  ? from->dict_dir && !strcmp(d->dict_dir, from->dict_dir)
		  : !from->dict_dir))
		return;
	d->loans_of = from;
}

/* d's English dictionary for loanwords, opened on first use (NULL when
 * there is none); a pool's dict opens it for several threads. */
static struct dict *loan_dict(struct dict *d)
{
	struct dict *loan;

	lock_shared(d);
	if (!d->loan_tried) {
		struct strbuf dic;
		const char *why;

		d->loan_tried = 1;
		sb_init(&dic);
		d->loan = open_quiet("en", d->dict_dir, &dic, &why);
		sb_release(&dic);
		if (d->loan && d->lock)
			make_shared(d->loan);
	}
	loan = d->loan;
	unlock_shared(d);
	return loan;
}

int dict_check_loanword(struct dict *d, const char *word, size_t len)
{
	struct dict *loan;

	if (!strncmp(d->lang, "en", 2))
		return 0;
	if (d->loans_of)
		return dict_check_loanword(d->loans_of, word, len);
	loan = loan_dict(d);
	return loan && dict_check(loan, word, len);
}

size_t dict_elision_prefix(const struct dict *d, const char *s, size_t len)
{
	/* No apostrophe where one would end an elided word: most words. */
	size_t reach = len < d->elision_max + 1 ? len : d->elision_max + 1;

	if (!memchr(s, '\'', reach) && !memchr(s, 0xE2, reach))
		return 0;
	for (size_t i = 0; i < d->nelisions; i++) {
		size_t n = strlen(d->elisions[i]), a;

		if (n >= len || strncasecmp(s, d->elisions[i], n))
			continue;
		a = utf8_apostrophe_at(s + n, len - n);
		if (a && n + a < len)
			return n + a;
	}
	return 0;
}

size_t dict_compound_links(const struct dict *d, const char *const **links)
{
	*links = (const char *const *)d->links;
	return d->nlinks;
}

const int32_t *dict_accent_group(const struct dict *d, int32_t cp, size_t *n)
{
	for (size_t i = 0; i < d->ngroups; i++)
		for (size_t j = 0; j < d->groups[i].n; j++)
			if (d->groups[i].cp[j] == cp) {
				*n = d->groups[i].n;
				return d->groups[i].cp;
			}
	*n = 0;
	return NULL;
}

size_t dict_variant_count(const struct dict *d)
{
	return d->nvariants / 2;
}

void dict_variant(const struct dict *d, size_t i, const char **dict_form,
		  const char **written)
{
	assert(i < d->nvariants / 2);
	*dict_form = d->variants[2 * i];
	*written = d->variants[2 * i + 1];
}

int dict_variant_follows(const struct dict *d, size_t i, const char *s)
{
	assert(i < d->nvariants / 2);
	return !d->follow[i] || regexec(d->follow[i], s, 0, NULL, 0) == 0;
}

const char *dict_lang(const struct dict *d)
{
	return d->lang;
}

size_t dict_lookups(const struct dict *d)
{
	return d->calls;
}

uint64_t dict_fingerprint(const struct dict *d)
{
	uint64_t h = 0;

	for (size_t i = 0; i < d->nsources; i++) {
		char *buf;
		size_t len;
		/* A missing optional file counts as empty. */
		int rc = read_file(d->sources[i], SOURCE_MAX, &buf, &len);
		uint64_t fh = rc < 0 ? hash_bytes("", 0) : hash_bytes(buf, len);
		free(buf);
		h = (h ^ fh) * 1099511628211ULL + (uint64_t)i;
	}
	return h;
}

const char *dict_aff_path(const struct dict *d)
{
	return d->sources[0];
}

size_t dict_word_lists(const struct dict *d, const char *const **paths)
{
	/* sources: the .aff, the .dic, the word lists, then accents.txt
	 * when the language data was loaded */
	*paths = (const char *const *)d->sources + 1;
	return d->nsources - 1 - (d->data_dir ? 1 : 0);
}

/* The index in dir for this dict, if it was made from the same files. */
static struct formindex *forms_in(const struct dict *d, const char *dir,
				  const char *sub, uint64_t fingerprint)
{
	struct formindex *fi;
	struct strbuf path;

	if (!dir || !*dir)
		return NULL;
	sb_init(&path);
	sb_addf(&path, "%s%s/%s.forms", dir, sub, d->lang);
	fi = formindex_open(path.buf, fingerprint);
	sb_release(&path);
	return fi;
}

const struct formindex *dict_forms(struct dict *d)
{
	const struct formindex *fi;
	uint64_t fp;

	lock_shared(d);
	if (d->forms_tried) {
		fi = d->forms;
		unlock_shared(d);
		return fi;
	}
	d->forms_tried = 1;
	fp = dict_fingerprint(d);
	d->forms = forms_in(d, d->dict_dir, "", fp);
	if (!d->forms)
		d->forms = forms_in(d, d->data_dir, "/forms", fp);
	if (!d->forms)
		d->forms = forms_in(d, RELIRE_BUILD_FORMS_DIR, "", fp);
	fi = d->forms;
	unlock_shared(d);
	return fi;
}

void dict_no_forms(struct dict *d)
{
	formindex_free(d->forms);
	d->forms = NULL;
	d->forms_tried = 1;
}

struct dict_pool {
	pthread_mutex_t lock;
	char *dict_dir, *data_dir; /* owned copies, may be NULL */
	struct pool_entry {
		char lang[16];
		struct dict *dict; /* NULL: the language has none */
	} * e;
	size_t n, cap;
	struct dict *loans; /* the first non-English dict: its English
			     * dictionary serves the others' loanwords */
};

struct dict_pool *dict_pool_new(const char *dict_dir, const char *data_dir)
{
	struct dict_pool *p = xcalloc(1, sizeof(*p));

	pthread_mutex_init(&p->lock, NULL);
	p->dict_dir = dict_dir ? xstrdup(dict_dir) : NULL;
	p->data_dir = data_dir ? xstrdup(data_dir) : NULL;
	return p;
}

struct dict *dict_pool_get(struct dict_pool *p, const char *lang)
{
	struct dict *d;

	pthread_mutex_lock(&p->lock);
	for (size_t i = 0; i < p->n; i++)
		if (!strcmp(p->e[i].lang, lang)) {
			d = p->e[i].dict;
			pthread_mutex_unlock(&p->lock);
			return d;
		}
	d = dict_try_open(lang, p->dict_dir, p->data_dir);
	if (d) {
		make_shared(d);
		if (p->loans)
			dict_share_loans(d, p->loans);
		else if (strncmp(d->lang, "en", 2))
			p->loans = d;
	}
	GROW(p->e, p->cap, p->n + 1);
	snprintf(p->e[p->n].lang, sizeof(p->e[p->n].lang), "%s", lang);
	p->e[p->n++].dict = d;
	pthread_mutex_unlock(&p->lock);
	return d;
}

void dict_pool_free(struct dict_pool *p)
{
	if (!p)
		return;
	/* Latest first: a dict borrows the loanwords of an earlier one. */
	while (p->n)
		dict_free(p->e[--p->n].dict);
	free(p->e);
	free(p->dict_dir);
	free(p->data_dir);
	pthread_mutex_destroy(&p->lock);
	free(p);
}
