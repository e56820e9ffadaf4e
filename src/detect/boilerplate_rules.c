/*
 * boilerplate_rules.c - the pattern files of the boilerplate detector:
 * parsing dictionaries/<lang>/boilerplate.txt and matching lines.
 *
 * A pattern is compiled into a sequence of elements (text, {n}, {a}, a
 * named set, a final '*'). Matching walks the line once from the left:
 * placeholders are greedy and never give characters back, so there is no
 * backtracking and a match costs O(line length x set size). Literal
 * patterns, the common case, are looked up in a hash map.
 */
#include "detect/boilerplate.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/strmap.h"
#include "common/utf8.h"
#include "common/util.h"

static const char *const categories[] = {
    "navigation", "action", "credit", "time", "advert",
};

/* ---- Comparison keys ------------------------------------------------- */

static int is_space_cp(int32_t c)
{
	return c == '\t' || (c >= 0 && uc_is_space(c));
}

char *bp_line_key(const char *s, size_t len, size_t *klen)
{
	struct strbuf sb;
	size_t i = 0, run = 0;
	char *key;

	sb_init(&sb);
	while (i < len) {
		size_t at = i;
		int32_t c = utf8_next(s, &i, len);

		if (is_space_cp(c)) {
			run = sb.len > 0;
			continue;
		}
		/* "Lire aussi :" and "Lire aussi:" compare equal */
		if (run && !strchr(":;!?", s[at]))
			sb_addc(&sb, ' ');
		run = 0;
		sb_add(&sb, s + at, i - at);
	}
	key = utf8_fold(sb.buf, sb.len, klen);
	sb_release(&sb);
	return key;
}

static int is_alnum_cp(int32_t c)
{
	return c >= 0 && (uc_is_alpha(c) || uc_is_digit(c) || uc_is_mark(c));
}

/* ---- Patterns ---------------------------------------------------------- */

enum elem_type { EL_TEXT, EL_DIGITS, EL_LETTERS, EL_SET, EL_REST };

struct elem {
	enum elem_type type;
	char *text; /* EL_TEXT: folded bytes */
	size_t len;
	size_t set; /* EL_SET: index into rules->sets */
};

struct pattern {
	const char *cat;
	char lang[8];
	struct elem *el;
	size_t nel;
};

struct word_set {
	size_t file; /* sets are local to the file defining them */
	char *name;
	struct strbuf words; /* members, each NUL-terminated, folded */
	size_t n;
};

struct boilerplate_rules {
	struct pattern *pats;
	size_t npats, cap;
	struct word_set *sets;
	size_t nsets, setcap;
	size_t files;
	struct strmap literals; /* folded literal line -> pattern index */
};

struct boilerplate_rules *boilerplate_rules_new(void)
{
	struct boilerplate_rules *r = xcalloc(1, sizeof(*r));

	strmap_init(&r->literals);
	return r;
}

void boilerplate_rules_free(struct boilerplate_rules *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->npats; i++) {
		for (size_t j = 0; j < r->pats[i].nel; j++)
			free(r->pats[i].el[j].text);
		free(r->pats[i].el);
	}
	for (size_t i = 0; i < r->nsets; i++) {
		free(r->sets[i].name);
		sb_release(&r->sets[i].words);
	}
	free(r->pats);
	free(r->sets);
	strmap_release(&r->literals);
	free(r);
}

size_t boilerplate_rules_count(const struct boilerplate_rules *r)
{
	return r ? r->npats : 0;
}

static long find_set(const struct boilerplate_rules *r, size_t file,
		     const char *name, size_t len)
{
	for (size_t i = 0; i < r->nsets; i++)
		if (r->sets[i].file == file && strlen(r->sets[i].name) == len &&
		    !memcmp(r->sets[i].name, name, len))
			return (long)i;
	return -1;
}

static void push_elem(struct pattern *p, size_t *cap, enum elem_type type,
		      const char *text, size_t len, size_t set)
{
	struct elem *e;

	GROW(p->el, *cap, p->nel + 1);
	e = &p->el[p->nel++];
	e->type = type;
	e->text = text ? xmemdup(text, len) : NULL;
	e->len = len;
	e->set = set;
}

static void flush_text(struct pattern *p, size_t *cap, struct strbuf *lit)
{
	if (lit->len)
		push_elem(p, cap, EL_TEXT, lit->buf, lit->len, 0);
	sb_reset(lit);
}

static const char *placeholder(const struct boilerplate_rules *r, size_t file,
			       struct pattern *p, size_t *cap, const char *name,
			       size_t len)
{
	long set = find_set(r, file, name, len);

	if (len == 1 && name[0] == 'n')
		push_elem(p, cap, EL_DIGITS, NULL, 0, 0);
	else if (len == 1 && name[0] == 'a')
		push_elem(p, cap, EL_LETTERS, NULL, 0, 0);
	else if (set >= 0)
		push_elem(p, cap, EL_SET, NULL, 0, (size_t)set);
	else
		return "unknown placeholder (not {n}, {a} or an @set defined "
		       "above)";
	return NULL;
}

/* Compile the key k of one pattern line into p. NULL, or what is wrong. */
static const char *compile(const struct boilerplate_rules *r, size_t file,
			   struct pattern *p, const char *k, size_t n)
{
	struct strbuf lit;
	const char *err = NULL;
	size_t cap = 0;

	sb_init(&lit);
	for (size_t i = 0; i < n && !err; i++) {
		const char *close = memchr(k + i, '}', n - i);
		size_t nl = close ? (size_t)(close - k) - i - 1 : 0;

		if (k[i] == '\\' && i + 1 < n) {
			sb_addc(&lit, k[++i]);
		} else if (k[i] == '*') {
			if (i + 1 != n || n == 1)
				err = "'*' must end a pattern that has text";
			flush_text(p, &cap, &lit);
			push_elem(p, &cap, EL_REST, NULL, 0, 0);
		} else if (k[i] != '{') {
			sb_addc(&lit, k[i]);
		} else if (!close) {
			err = "unclosed '{'";
		} else {
			flush_text(p, &cap, &lit);
			err = placeholder(r, file, p, &cap, k + i + 1, nl);
			i = (size_t)(close - k);
		}
	}
	flush_text(p, &cap, &lit);
	sb_release(&lit);
	return err;
}

static const char *add_pattern(struct boilerplate_rules *r, const char *cat,
			       const char *lang, const char *s, size_t len)
{
	size_t n;
	char *k = bp_line_key(s, len, &n);
	struct pattern *p;
	const char *err;

	GROW(r->pats, r->cap, r->npats + 1);
	p = &r->pats[r->npats];
	memset(p, 0, sizeof(*p));
	p->cat = cat;
	snprintf(p->lang, sizeof(p->lang), "%s", lang);
	err = compile(r, r->files, p, k, n);
	if (err) {
		for (size_t j = 0; j < p->nel; j++)
			free(p->el[j].text);
		free(p->el);
	} else if (p->nel == 1 && p->el[0].type == EL_TEXT) {
		int64_t *slot =
		    strmap_put(&r->literals, p->el[0].text, p->el[0].len);
		if (!*slot) /* the first pattern listed wins */
			*slot = (int64_t)r->npats + 1;
		r->npats++;
	} else {
		r->npats++;
	}
	free(k);
	return err;
}

/* "@name = word|word|..." */
static const char *add_set(struct boilerplate_rules *r, const char *s,
			   size_t len)
{
	const char *eq = memchr(s, '=', len);
	size_t nl = eq ? (size_t)(eq - s) : 0, klen;
	struct word_set *ws;
	char *k;

	while (nl > 1 && (s[nl - 1] == ' ' || s[nl - 1] == '\t'))
		nl--;
	if (!eq || nl < 2)
		return "a set is written '@name = word|word'";
	if (nl == 2 && (s[1] == 'n' || s[1] == 'a'))
		return "{n} and {a} are built in";
	GROW(r->sets, r->setcap, r->nsets + 1);
	ws = &r->sets[r->nsets++];
	memset(ws, 0, sizeof(*ws));
	ws->file = r->files;
	ws->name = xmemdup(s + 1, nl - 1);
	sb_init(&ws->words);
	k = bp_line_key(eq + 1, len - (size_t)(eq + 1 - s), &klen);
	for (size_t i = 0; i <= klen; i++) {
		size_t j = i;
		while (j < klen && k[j] != '|')
			j++;
		while (j > i && k[j - 1] == ' ')
			j--;
		while (i < j && k[i] == ' ')
			i++;
		if (j > i) {
			sb_add(&ws->words, k + i, j - i);
			sb_addc(&ws->words, '\0');
			ws->n++;
		}
		for (i = j; i < klen && k[i] != '|'; i++)
			;
	}
	free(k);
	return ws->n ? NULL : "empty set";
}

static const char *section(const char *s, size_t len)
{
	for (size_t c = 0; c < ARRAY_SIZE(categories); c++)
		if (strlen(categories[c]) == len - 2 &&
		    !memcmp(categories[c], s + 1, len - 2))
			return categories[c];
	return NULL;
}

static const char *parse_line(struct boilerplate_rules *r, const char **cat,
			      const char *lang, const char *s, size_t len)
{
	if (s[0] == '[' && s[len - 1] == ']' && len > 2) {
		*cat = section(s, len);
		return *cat ? NULL
			    : "unknown section (see docs/boilerplate.md)";
	}
	if (s[0] == '@')
		return add_set(r, s, len);
	if (!*cat)
		return "pattern before the first [section]";
	return add_pattern(r, *cat, lang, s, len);
}

struct parse_ctx {
	struct boilerplate_rules *r;
	const char *name, *lang, *cat;
};

static int parse_data_line(const char *s, size_t len, size_t lineno, void *ud)
{
	struct parse_ctx *p = ud;
	const char *err = parse_line(p->r, &p->cat, p->lang, s, len);

	return err ? rl_error("%s:%zu: %s", p->name, lineno, err) : 0;
}

int boilerplate_rules_parse(struct boilerplate_rules *r, const char *name,
			    const char *lang, const char *buf, size_t len)
{
	struct parse_ctx p = {r, name, lang, NULL};

	r->files++;
	return for_each_data_line(buf, len, parse_data_line, &p);
}

int boilerplate_rules_load_file(struct boilerplate_rules *r, const char *path,
				const char *lang, int optional)
{
	char *buf;
	size_t len;
	int rc = read_file(path, (size_t)16 << 20, &buf, &len);

	if (rc < 0) {
		if (optional && (rc == -ENOENT || rc == -ENOTDIR))
			return 0;
		return rl_error("cannot read '%s': %s", path, strerror(-rc));
	}
	rc = boilerplate_rules_parse(r, path, lang, buf, len);
	free(buf);
	return rc;
}

struct boilerplate_rules *boilerplate_rules_load(const char *data_dir)
{
	struct boilerplate_rules *r = boilerplate_rules_new();
	struct dirent **names = NULL;
	struct strbuf path;
	int n = scandir(data_dir, &names, NULL, alphasort), rc = 0;

	sb_init(&path);
	for (int i = 0; i < n; i++) {
		if (names[i]->d_name[0] != '.' && !rc) {
			sb_reset(&path);
			sb_addf(&path, "%s/%s/boilerplate.txt", data_dir,
				names[i]->d_name);
			rc = boilerplate_rules_load_file(r, path.buf,
							 names[i]->d_name, 1);
		}
		free(names[i]);
	}
	free(names);
	sb_release(&path);
	if (rc < 0) {
		boilerplate_rules_free(r);
		return NULL;
	}
	return r;
}

/* End of the run of code points of k[pos..len) accepted by is. */
static size_t span_class(const char *k, size_t pos, size_t len,
			 int (*is)(int32_t))
{
	while (pos < len) {
		size_t i = pos;
		int32_t c = utf8_next(k, &i, len);
		if (c < 0 || !is(c))
			break;
		pos = i;
	}
	return pos;
}

static int is_letter_cp(int32_t c)
{
	return uc_is_alpha(c) || uc_is_mark(c);
}

/* 1 when k[pos] does not continue a word that k[..pos) ends. */
static int word_boundary(const char *k, size_t pos, size_t len)
{
	size_t i = pos, j = pos;

	if (pos == 0 || pos == len)
		return 1;
	return !is_alnum_cp(utf8_prev(k, &i)) ||
	       !is_alnum_cp(utf8_next(k, &j, len));
}

/* Longest member of set s at k[pos..), ending at a word boundary. */
static size_t match_set(const struct word_set *s, const char *k, size_t pos,
			size_t len)
{
	size_t best = 0;
	const char *w = s->words.buf;

	for (size_t i = 0; i < s->n; i++, w += strlen(w) + 1) {
		size_t wl = strlen(w);
		if (wl > best && wl <= len - pos && !memcmp(k + pos, w, wl) &&
		    word_boundary(k, pos + wl, len))
			best = wl;
	}
	return best;
}

static int match_pattern(const struct boilerplate_rules *r,
			 const struct pattern *p, const char *k, size_t len)
{
	size_t pos = 0, q;

	for (size_t i = 0; i < p->nel; i++) {
		const struct elem *e = &p->el[i];

		switch (e->type) {
		case EL_TEXT:
			if (e->len > len - pos ||
			    memcmp(k + pos, e->text, e->len))
				return 0;
			pos += e->len;
			break;
		case EL_DIGITS:
		case EL_LETTERS:
			q = span_class(k, pos, len,
				       e->type == EL_DIGITS ? uc_is_digit
							    : is_letter_cp);
			if (q == pos)
				return 0;
			pos = q;
			break;
		case EL_SET:
			q = match_set(&r->sets[e->set], k, pos, len);
			if (!q)
				return 0;
			pos += q;
			break;
		case EL_REST:
			return word_boundary(k, pos, len);
		}
	}
	return pos == len;
}

/* Index of the first pattern matching key k, or -1. */
static long match_key(const struct boilerplate_rules *r, const char *k,
		      size_t len)
{
	const int64_t *lit = strmap_find(&r->literals, k, len);

	if (lit)
		return (long)*lit - 1;
	for (size_t i = 0; i < r->npats; i++)
		if (!(r->pats[i].nel == 1 &&
		      r->pats[i].el[0].type == EL_TEXT) &&
		    match_pattern(r, &r->pats[i], k, len))
			return (long)i;
	return -1;
}

const char *boilerplate_rules_match(const struct boilerplate_rules *r,
				    const char *line, size_t len,
				    const char **lang)
{
	size_t n;
	char *k = bp_line_key(line, len, &n);
	long i = r ? match_key(r, k, n) : -1;

	free(k);
	if (lang)
		*lang = i >= 0 ? r->pats[i].lang : NULL;
	return i >= 0 ? r->pats[i].cat : NULL;
}
