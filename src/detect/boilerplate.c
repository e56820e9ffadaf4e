/*
 * boilerplate.c - scraper residue: pattern files, corpus-level line
 * counts, and the edge and recurring-line rules.
 *
 * Outline of boilerplate_detect(): split the view into lines; find the
 * head (the non-blank lines before the first line of prose, at most
 * BP_EDGE_LINES) and the tail (the same after the last one); test each
 * head and tail line against the structural rules and the patterns, and
 * every short line against the corpus counts; report each hit once,
 * removing the line with the line breaks that tie it to the text.
 * Patterns match without backtracking: placeholders are greedy and never
 * give characters back (docs/boilerplate.md).
 */
#include "detect/boilerplate.h"

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/csvio.h"
#include "common/strmap.h"
#include "common/utf8.h"
#include "common/util.h"

#define BP_EDGE_LINES	  6   /* non-blank lines examined at each edge */
#define BP_MAX_WORDS	  16  /* longer lines are never edge residue */
#define BP_FRAGMENT_WORDS 4   /* longest dangling fragment */
#define BP_HEADING_WORDS  8   /* longest line that can be a heading */
#define BP_KEY_MAX_BYTES  400 /* longer lines get no comparison key */

static int is_space_cp(int32_t c)
{
	return c == '\t' || (c >= 0 && uc_is_space(c));
}

static size_t key_words(const char *k, size_t len)
{
	size_t n = len > 0;

	for (size_t i = 0; i < len; i++)
		n += k[i] == ' ';
	return n;
}

/* ---- Lines ------------------------------------------------------------- */

struct line {
	size_t raw;	   /* first byte of the line */
	size_t start, end; /* content without surrounding white space */
	size_t brk;	   /* first byte of the line break (or the text end) */
	size_t next;	   /* first byte of the next line */
	size_t words;	   /* word and number tokens */
	size_t toks;	   /* tokens that are not white space */
	char *key;	   /* comparison key, NULL when blank or long */
	size_t klen;
	long pat; /* matching pattern or -1 */
	int blank, prose, url_only, punct_only;
	size_t latin, foreign; /* letters of the Latin script, of others */
	int symbols;	       /* holds a symbol (+ = $ ★ ©...) */
};

static int is_break_cp(int32_t c)
{
	return c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || c == 0x85 ||
	       c == 0x2028 || c == 0x2029;
}

static void trim_line(const char *t, struct line *l)
{
	size_t i;

	l->start = l->raw;
	for (i = l->start; i < l->brk && is_space_cp(utf8_next(t, &i, l->brk));)
		l->start = i;
	l->end = l->brk;
	for (i = l->end; i > l->start && is_space_cp(utf8_prev(t, &i));)
		l->end = i;
	l->blank = l->start == l->end;
	l->pat = -1;
}

/* The lines of t[0..len); CR LF is one break; no empty line is added after
 * a final break. Caller frees with free_lines(). */
static struct line *split_lines(const char *t, size_t len, size_t *nlines)
{
	struct line *lines = NULL;
	size_t n = 0, cap = 0, pos = 0;

	while (pos < len) {
		size_t i = pos, brk = len, next = len;

		while (i < len) {
			size_t at = i;
			if (is_break_cp(utf8_next(t, &i, len))) {
				if (t[at] == '\r' && i < len && t[i] == '\n')
					i++;
				brk = at;
				next = i;
				break;
			}
		}
		GROW(lines, cap, n + 1);
		memset(&lines[n], 0, sizeof(*lines));
		lines[n].raw = pos;
		lines[n].brk = brk;
		lines[n].next = next;
		trim_line(t, &lines[n++]);
		pos = next;
	}
	*nlines = n;
	return lines;
}

static void free_lines(struct line *lines, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(lines[i].key);
	free(lines);
}

static void set_key(const char *t, struct line *l, size_t max_bytes)
{
	if (!l->blank && !l->key && l->end - l->start <= max_bytes)
		l->key = bp_line_key(t + l->start, l->end - l->start, &l->klen);
}

/* 1 when t[s..e) ends a sentence: . ! ? or … before closing quotes and
 * brackets. */
static int ends_sentence(const char *t, size_t s, size_t e)
{
	while (e > s) {
		size_t i = e;
		int32_t c = utf8_prev(t, &i);

		if (c == '.' || c == '!' || c == '?' || c == 0x2026)
			return 1;
		if (!(is_space_cp(c) || c == '"' || c == '\'' || c == ')' ||
		      c == ']' || c == 0xBB || c == 0x201D || c == 0x2019 ||
		      c == 0x203A))
			return 0;
		e = i;
	}
	return 0;
}

/* Letters by script and symbols of line l. */
static void count_chars(const char *t, struct line *l)
{
	for (size_t i = l->start; i < l->end;) {
		int32_t c = utf8_next(t, &i, l->end);
		if (uc_is_alpha(c))
			*(uc_is_latin(c) ? &l->latin : &l->foreign) += 1;
		else if (uc_is_symbol(c))
			l->symbols = 1;
	}
}

/* Word counts and URL / punctuation-only flags from the tokens. */
static void annotate(const char *t, struct line *lines, size_t n,
		     const struct tokens *ts)
{
	size_t li = 0;

	for (size_t i = 0; i < n; i++)
		lines[i].url_only = lines[i].punct_only = 1;
	for (size_t i = 0; i < ts->n && n; i++) {
		const struct token *tk = &ts->t[i];
		struct line *l;

		if (tk->type == TOK_SPACE || tk->type == TOK_NEWLINE)
			continue;
		while (li + 1 < n && tk->start >= lines[li].next)
			li++;
		l = &lines[li];
		l->toks++;
		if (tk->type == TOK_WORD || tk->type == TOK_NUMBER) {
			l->words++;
			l->punct_only = 0;
		}
		if (!(tk->flags & TF_URL))
			l->url_only = 0;
	}
	for (size_t i = 0; i < n; i++) {
		struct line *l = &lines[i];
		count_chars(t, l);
		l->url_only &= l->toks > 0;
		l->punct_only &= l->toks > 0 && !l->symbols;
		l->prose =
		    l->words >= 20 ||
		    (l->words >= 4 && ends_sentence(t, l->start, l->end));
	}
}

/* ---- Corpus-level counts ----------------------------------------------- */

/* Articles carrying a line. Copies of one article should count once, so
 * each entry also tracks the identity (hash of the longest line) of the
 * article most often seen with it and how many of the articles were that
 * one: distinct = count - same + 1. */
struct bp_entry {
	size_t count, same;
	uint64_t ident;
};

struct bp_counts {
	struct strmap map; /* line key -> index into e */
	struct bp_entry *e;
	size_t ne, ecap;
	size_t cap, articles, evictions;
};

static size_t distinct(const struct bp_entry *e)
{
	return e->count - e->same + (e->same > 0);
}

struct bp_counts *bp_counts_new(void)
{
	struct bp_counts *c = xcalloc(1, sizeof(*c));

	strmap_init(&c->map);
	c->cap = BP_COUNT_DEFAULT_CAP;
	return c;
}

void bp_counts_free(struct bp_counts *c)
{
	if (!c)
		return;
	strmap_release(&c->map);
	free(c->e);
	free(c);
}

void bp_counts_set_cap(struct bp_counts *c, size_t cap)
{
	c->cap = cap < 16 ? 16 : cap;
}

size_t bp_counts_articles(const struct bp_counts *c)
{
	return c ? c->articles : 0;
}

size_t bp_counts_size(const struct bp_counts *c)
{
	return c ? c->ne : 0;
}

size_t bp_counts_evictions(const struct bp_counts *c)
{
	return c ? c->evictions : 0;
}

/* Keep only the entries carried by more than f articles, for the smallest
 * f that frees at least half of the cap. */
static void evict(struct bp_counts *c)
{
	struct strmap map;
	struct bp_entry *old = c->e;
	const char *key;
	size_t f = 0, kept, pos = 0, len, n = c->ne;
	int64_t idx;

	do {
		f++;
		kept = 0;
		for (size_t i = 0; i < n; i++)
			kept += old[i].count > f;
	} while (kept > c->cap / 2);
	strmap_init(&map);
	c->e = xmalloc((kept ? kept : 1) * sizeof(*c->e));
	c->ecap = kept ? kept : 1;
	c->ne = 0;
	while (strmap_next(&c->map, &pos, &key, &len, &idx)) {
		if (old[idx].count <= f)
			continue;
		*strmap_put(&map, key, len) = (int64_t)c->ne;
		c->e[c->ne++] = old[idx];
	}
	free(old);
	strmap_release(&c->map);
	c->map = map;
	c->evictions++;
}

static void counts_add(struct bp_counts *c, const char *key, size_t len,
		       const struct bp_entry *add)
{
	int64_t *slot = strmap_find(&c->map, key, len);
	struct bp_entry *e;

	if (!slot) {
		if (c->ne >= c->cap)
			evict(c);
		slot = strmap_put(&c->map, key, len);
		*slot = (int64_t)c->ne;
		GROW(c->e, c->ecap, c->ne + 1);
		c->e[c->ne].count = c->e[c->ne].same = 0;
		c->e[c->ne++].ident = add->ident;
	}
	e = &c->e[*slot];
	if (e->ident == add->ident) {
		e->same += add->same;
	} else if (add->same > e->same) {
		e->ident = add->ident;
		e->same = add->same;
	}
	e->count += add->count;
}

static uint64_t article_ident(const char *t, const struct line *lines, size_t n)
{
	size_t best = 0;

	for (size_t i = 1; i < n; i++)
		if (lines[i].end - lines[i].start >
		    lines[best].end - lines[best].start)
			best = i;
	return n ? hash_bytes(t + lines[best].start,
			      lines[best].end - lines[best].start)
		 : 0;
}

void bp_counts_collect(struct bp_counts *c, const struct view *v)
{
	size_t n;
	struct line *lines = split_lines(v->text, v->len, &n);
	struct bp_entry one = {1, 1, article_ident(v->text, lines, n)};
	struct strmap seen;

	strmap_init(&seen);
	for (size_t i = 0; i < n; i++) {
		struct line *l = &lines[i];

		set_key(v->text, l, BP_COUNT_MAX_BYTES);
		if (!l->key ||
		    key_words(l->key, l->klen) > BP_COUNT_MAX_WORDS ||
		    strmap_find(&seen, l->key, l->klen))
			continue;
		strmap_put(&seen, l->key, l->klen);
		counts_add(c, l->key, l->klen, &one);
	}
	strmap_release(&seen);
	free_lines(lines, n);
	c->articles++;
}

void bp_counts_merge(struct bp_counts *into, const struct bp_counts *from)
{
	size_t pos = 0, len;
	const char *key;
	int64_t idx;

	while (strmap_next(&from->map, &pos, &key, &len, &idx))
		counts_add(into, key, len, &from->e[idx]);
	into->articles += from->articles;
}

static const struct bp_entry *counts_find(const struct bp_counts *c,
					  const char *key, size_t len)
{
	const int64_t *idx = c ? strmap_find(&c->map, key, len) : NULL;

	return idx ? &c->e[*idx] : NULL;
}

size_t bp_counts_get(const struct bp_counts *c, const char *line, size_t len,
		     size_t *distinct_articles)
{
	size_t n;
	char *k = bp_line_key(line, len, &n);
	const struct bp_entry *e = counts_find(c, k, n);

	free(k);
	if (distinct_articles)
		*distinct_articles = e ? distinct(e) : 0;
	return e ? e->count : 0;
}

size_t bp_recur_threshold(size_t n)
{
	size_t t = (n + 99) / 100;

	t = t > 50 ? 50 : t;
	return t < 3 ? 3 : t;
}

void bp_counts_each(const struct bp_counts *c,
		    void (*fn)(void *ctx, const char *key, size_t len),
		    void *ctx)
{
	size_t pos = 0, len;
	const char *key;
	int64_t idx;

	while (c && strmap_next(&c->map, &pos, &key, &len, &idx))
		fn(ctx, key, len);
}

int bp_counts_recurs(const struct bp_counts *c, const char *key, size_t len)
{
	const struct bp_entry *e = counts_find(c, key, len);

	return e && distinct(e) >= bp_recur_threshold(bp_counts_articles(c));
}

int bp_counts_write(const struct bp_counts *c, const char *path,
		    size_t min_articles)
{
	FILE *fp = fopen(path, "w");
	struct csvw *w;
	size_t pos = 0, len;
	const char *key;
	int64_t idx;
	char hex[24];
	int rc = 0;

	if (!fp)
		return rl_write_error(path, errno);
	w = csvw_new(fp, 0);
	csvw_str(w, "record");
	csvw_str(w, "line");
	csvw_str(w, "articles");
	csvw_str(w, "same");
	csvw_str(w, "ident");
	rc |= csvw_end(w);
	csvw_str(w, "total");
	csvw_str(w, "");
	csvw_size(w, c->articles);
	csvw_str(w, "");
	csvw_str(w, "");
	rc |= csvw_end(w);
	while (rc == 0 && strmap_next(&c->map, &pos, &key, &len, &idx)) {
		if (c->e[idx].count < min_articles)
			continue;
		snprintf(hex, sizeof(hex), "%016" PRIx64, c->e[idx].ident);
		csvw_str(w, "line");
		csvw_text(w, key, len);
		csvw_size(w, c->e[idx].count);
		csvw_size(w, c->e[idx].same);
		csvw_str(w, hex);
		rc |= csvw_end(w);
	}
	csvw_free(w);
	if (fclose(fp) != 0 || rc)
		return rl_write_error(path, errno);
	return 0;
}

struct reader {
	struct bp_counts *c;
	const char *path;
};

static int parse_size(const char *s, size_t *out)
{
	char *end;
	unsigned long long v;

	errno = 0;
	v = strtoull(s, &end, 10);
	if (!*s || *end || errno || *s == '-')
		return -1;
	*out = (size_t)v;
	return 0;
}

static int read_row(const struct csv_row *row, void *ud)
{
	struct reader *rd = ud;
	struct bp_entry e = {0, 0, 0};
	char *end;
	size_t total;

	if (row->n != 5)
		goto bad;
	if (row->line == 1 && !strcmp(row->fields[0], "record"))
		return 0;
	if (!strcmp(row->fields[0], "total")) {
		if (parse_size(row->fields[2], &total) < 0)
			goto bad;
		rd->c->articles += total;
		return 0;
	}
	errno = 0;
	e.ident = strtoull(row->fields[4], &end, 16);
	if (strcmp(row->fields[0], "line") || !row->lens[1] ||
	    parse_size(row->fields[2], &e.count) < 0 ||
	    parse_size(row->fields[3], &e.same) < 0 || *end || errno ||
	    e.same > e.count)
		goto bad;
	counts_add(rd->c, row->fields[1], row->lens[1], &e);
	return 0;
bad:
	rl_error("%s:%zu: not a boilerplate counts row", rd->path, row->line);
	return -1;
}

int bp_counts_read(struct bp_counts *c, const char *path)
{
	struct reader rd = {c, path};

	return csv_read_file(path, read_row, &rd) ? -1 : 0;
}

/* ---- Detection ----------------------------------------------------------- */

struct scan {
	const char *t;
	size_t len;
	struct line *lines;
	size_t n;
	size_t head_end;    /* lines [0, head_end) are the head */
	size_t tail_start;  /* lines [tail_start, n) are the tail */
	size_t first_prose; /* index of the first prose line, or n */
	const struct boilerplate_rules *rules;
	const struct bp_counts *counts;
	size_t batch, threshold;
	size_t done;	 /* view offset where the last removal ended */
	size_t nonblank; /* non-blank lines of the article */
};

/* A lone lower-case token of ASCII letters and digits joined by '-' or
 * '_': at least three parts, or two with a number of 4+ digits. */
static int is_slug(const char *s, size_t n)
{
	size_t parts = 1, letters = 0, run = 0, digits = 0;

	if (n < 5 || s[0] == '-' || s[0] == '_' || s[n - 1] == '-' ||
	    s[n - 1] == '_')
		return 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '-' || s[i] == '_') {
			if (s[i - 1] == '-' || s[i - 1] == '_')
				return 0;
			parts++;
			run = 0;
		} else if (s[i] >= 'a' && s[i] <= 'z') {
			letters++;
			run = 0;
		} else if (s[i] >= '0' && s[i] <= '9') {
			digits = ++run > digits ? run : digits;
		} else {
			return 0;
		}
	}
	return letters && (parts >= 3 || (parts == 2 && digits >= 4));
}

static int is_crumb_sep(const char *w, size_t n)
{
	return (n == 1 && (*w == '>' || *w == '|')) ||
	       (n == 2 && !memcmp(w, "\xc2\xbb", 2)) ||	  /* » */
	       (n == 3 && !memcmp(w, "\xe2\x80\xba", 3)); /* › */
}

/* "accueil > monde > europe": two or more segments of one to four words
 * joined by a spaced > | › or » (a line with « is a quotation). */
static int is_breadcrumb(const char *k, size_t len)
{
	size_t seps = 0, seg = 0, i = 0;

	if (len > 120)
		return 0;
	for (i = 0; i + 1 < len; i++)
		if (!memcmp(k + i, "\xc2\xab", 2)) /* « */
			return 0;
	i = 0;
	while (i < len) {
		size_t j = i;
		while (j < len && k[j] != ' ')
			j++;
		if (is_crumb_sep(k + i, j - i)) {
			if (!seg)
				return 0;
			seps++;
			seg = 0;
		} else if (++seg > 4) {
			return 0;
		}
		i = j + 1;
	}
	return seps && seg;
}

/* A cut-off remnant after the last sentence: one to four words starting
 * with a lower-case letter and ending without punctuation. */
static int is_fragment(const char *t, const struct line *l)
{
	size_t i = l->start, j = l->end;
	int32_t first = utf8_next(t, &i, l->end);
	int32_t last = utf8_prev(t, &j);

	return l->words >= 1 && l->words <= BP_FRAGMENT_WORDS && first >= 0 &&
	       uc_is_lower(first) && last >= 0 &&
	       (uc_is_alpha(last) || uc_is_digit(last) || uc_is_mark(last));
}

static size_t next_nonblank(const struct scan *s, size_t i)
{
	while (++i < s->n && s->lines[i].blank)
		;
	return i;
}

/* Short, capitalized, no final punctuation, and followed by prose. */
static int is_heading(const struct scan *s, size_t i)
{
	const struct line *l = &s->lines[i];
	size_t nx = next_nonblank(s, i);

	return l->words <= BP_HEADING_WORDS &&
	       utf8_starts_upper(s->t + l->start, l->end - l->start) &&
	       !ends_sentence(s->t, l->start, l->end) && nx < s->n &&
	       s->lines[nx].prose;
}

/* Distinct articles carrying line i when it recurs, else 0. */
static size_t recurring(const struct scan *s, const struct line *l)
{
	const struct bp_entry *e;

	if (!s->counts || !l->key || l->end - l->start > BP_COUNT_MAX_BYTES)
		return 0;
	e = counts_find(s->counts, l->key, l->klen);
	return e && distinct(e) >= s->threshold ? distinct(e) : 0;
}

static const char *pattern_cat(const struct scan *s, const struct line *l,
			       const char **lang)
{
	if (!s->rules || !l->key || l->words > BP_MAX_WORDS)
		return NULL;
	return boilerplate_rules_match(s->rules, s->t + l->start,
				       l->end - l->start, lang);
}

/* Head and tail: the non-blank lines before the first and after the last
 * line of prose, at most BP_EDGE_LINES each. A line matching a pattern
 * does not end an edge even when it reads like a sentence. */
static void find_edges(struct scan *s)
{
	size_t seen = 0, i;

	for (i = 0; i < s->n; i++) {
		const struct line *l = &s->lines[i];
		if (l->blank)
			continue;
		if ((l->prose && !pattern_cat(s, l, NULL)) ||
		    seen++ == BP_EDGE_LINES)
			break;
	}
	s->head_end = i;
	for (seen = 0, i = s->n; i > s->head_end; i--) {
		const struct line *l = &s->lines[i - 1];
		if (l->blank)
			continue;
		if ((l->prose && !pattern_cat(s, l, NULL)) ||
		    seen++ == BP_EDGE_LINES)
			break;
	}
	s->tail_start = i;
	for (s->first_prose = 0; s->first_prose < s->n; s->first_prose++)
		if (s->lines[s->first_prose].prose)
			break;
}

static int repeats_head_line(const struct scan *s, size_t i)
{
	const struct line *l = &s->lines[i];

	for (size_t j = 0; j < i && l->key; j++)
		if (s->lines[j].key && s->lines[j].klen == l->klen &&
		    !memcmp(s->lines[j].key, l->key, l->klen))
			return 1;
	return 0;
}

/* Write the detail of a finding into d[0..dn) and return conf. */
static double say(char *d, size_t dn, double conf, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static double say(char *d, size_t dn, double conf, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(d, dn, fmt, ap);
	va_end(ap);
	return conf;
}

/* The rules for a head (head set) or tail line: confidence and detail, or
 * 0 when the line is not residue. */
static double edge_rule(const struct scan *s, size_t i, int head, char *d,
			size_t dn)
{
	const struct line *l = &s->lines[i];
	const char *lang, *cat = pattern_cat(s, l, &lang);
	size_t n = recurring(s, l);

	if (n && !cat && l->words && ends_sentence(s->t, l->start, l->end))
		return say(d, dn, 0.5,
			   "line carried by %zu of %zu articles; kept: "
			   "a sentence",
			   n, s->batch);
	if (n)
		return say(d, dn, 0.9, "line carried by %zu of %zu articles", n,
			   s->batch);
	if (l->url_only)
		return say(d, dn, 0.9, "URL, handle or hashtag line");
	if (is_slug(s->t + l->start, l->end - l->start))
		return say(d, dn, 0.9, "URL slug");
	if (l->punct_only)
		return say(d, dn, 0.9, "punctuation-only line");
	if (cat)
		return say(d, dn, 0.85, "%s pattern (%s)", cat, lang);
	if (l->key && is_breadcrumb(l->key, l->klen))
		return say(d, dn, 0.8, "breadcrumb");
	if (head && repeats_head_line(s, i))
		return say(d, dn, 0.85, "repeated title line");
	if (!head && s->first_prose < i && is_fragment(s->t, l))
		return say(d, dn, 0.75, "dangling fragment after the text");
	return 0;
}

/* Lines inside the article: only recurring lines (removed unless they
 * read as a heading or a sentence) and calls to action (reported). */
static double inner_rule(const struct scan *s, size_t i, char *d, size_t dn)
{
	const struct line *l = &s->lines[i];
	const char *lang, *cat = pattern_cat(s, l, &lang);
	size_t n = recurring(s, l);
	const char *kept = NULL;

	if (!n) {
		if (cat && (!strcmp(cat, "action") || !strcmp(cat, "advert")))
			return say(d, dn, 0.5,
				   "%s pattern (%s) inside the "
				   "article",
				   cat, lang);
		return 0;
	}
	if (!cat && is_heading(s, i))
		kept = "; kept: a heading inside the article";
	else if (!cat && ends_sentence(s->t, l->start, l->end))
		kept = "; kept: a sentence inside the article";
	return say(d, dn,
		   cat	  ? 0.9
		   : kept ? 0.5
			  : 0.8,
		   "line carried by %zu of %zu articles%s", n, s->batch,
		   kept ? kept : "");
}

/*
 * Why line i, which has positive evidence of residue, is still kept (its
 * finding reported, not applied), or NULL. Deleting real content is the
 * worst thing the tool can do: a record of one line (--per-line, --jsonl)
 * would vanish whole; a line in another script than Latin, or of symbols
 * without letters, is outside what the patterns and the structural rules
 * were written for; a line of prose is the story's text, unless a call to
 * action or an advertising label announces it (the title of a link).
 */
static const char *kept_reason(const struct scan *s, size_t i)
{
	const struct line *l = &s->lines[i];
	const char *cat;

	if (s->nonblank == 1)
		return "the only line of the record";
	if (l->foreign > l->latin)
		return "a line of non-Latin script";
	if (l->symbols && !l->latin && !l->foreign)
		return "a line of symbols";
	cat = pattern_cat(s, l, NULL);
	if (l->prose &&
	    !(cat && (!strcmp(cat, "action") || !strcmp(cat, "advert"))))
		return "a line with sentence content";
	return NULL;
}

/* 1 when an applied finding of an earlier stage already deletes all of
 * line l (a duplicate_line, say): nothing left to report. */
static int already_removed(const struct article *a, const struct view *v,
			   const struct line *l)
{
	size_t os = view_orig_start(v, l->start), oe = view_orig_end(v, l->end);

	for (size_t i = 0; i < a->nfindings; i++) {
		const struct finding *f = &a->findings[i];
		if (f->applied && !f->repl_len && f->start <= os &&
		    oe <= f->end)
			return 1;
	}
	return 0;
}

/* Remove line i: a tail line with the line breaks before it (the text
 * keeps its own final break), any other line with its break and the blank
 * lines after it. */
static void report(struct scan *s, struct article *a, const struct view *v,
		   size_t i, int tail, double conf, const char *detail)
{
	const struct line *l = &s->lines[i];
	size_t vs = l->raw, ve, p = i;

	if (already_removed(a, v, l))
		return;
	while (tail && p > 0 && s->lines[p - 1].blank)
		p--;
	if (tail && p > 0) {
		vs = s->lines[p - 1].brk > s->done ? s->lines[p - 1].brk
						   : s->done;
		ve = l->brk;
	} else {
		size_t nx = next_nonblank(s, i);
		ve = nx < s->n ? s->lines[nx].raw : s->len;
	}
	view_report(v, a, FK_BOILERPLATE, vs, ve, "", 0,
		    conf >= BP_APPLY_CONFIDENCE, conf, detail);
	if (conf >= BP_APPLY_CONFIDENCE)
		s->done = ve;
}

void boilerplate_detect(struct article *a, const struct view *v,
			const struct tokens *ts,
			const struct boilerplate_rules *rules,
			const struct bp_counts *counts, size_t batch_articles)
{
	struct scan s = {
	    .t = v->text, .len = v->len, .rules = rules, .counts = counts};
	char detail[200];

	s.batch = batch_articles ? batch_articles : bp_counts_articles(counts);
	s.threshold = bp_recur_threshold(s.batch);
	s.lines = split_lines(v->text, v->len, &s.n);
	annotate(v->text, s.lines, s.n, ts);
	for (size_t i = 0; i < s.n; i++)
		set_key(v->text, &s.lines[i], BP_KEY_MAX_BYTES);
	find_edges(&s);
	for (size_t i = 0; i < s.n; i++)
		s.nonblank += !s.lines[i].blank;
	for (size_t i = 0; i < s.n; i++) {
		int head = i < s.head_end, tail = i >= s.tail_start;
		const char *kept;
		double conf;

		if (s.lines[i].blank)
			continue;
		if (head || tail)
			conf = edge_rule(&s, i, head, detail, sizeof(detail));
		else
			conf = inner_rule(&s, i, detail, sizeof(detail));
		if (conf >= BP_APPLY_CONFIDENCE &&
		    (kept = kept_reason(&s, i))) {
			size_t dl = strlen(detail);
			snprintf(detail + dl, sizeof(detail) - dl, "; kept: %s",
				 kept);
			conf = 0.5;
		}
		if (conf > 0)
			report(&s, a, v, i, tail && !head, conf, detail);
	}
	free_lines(s.lines, s.n);
}
