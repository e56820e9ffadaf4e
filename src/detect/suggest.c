/*
 * suggest.c - suggestions from the word-form index; see suggest.h.
 *
 * The index's keys are sorted bytewise, and UTF-8 sorts as its code
 * points do, so the entries that share a prefix of code points are one
 * range, and the next code point splits a range into consecutive
 * sub-ranges: the sorted keys are a trie that needs no building. The walk
 * goes down that trie depth first, carrying the edit-distance table of
 * the folded word against the prefix, one row per level.
 */
#include "detect/suggest.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "common/formindex.h"
#include "common/utf8.h"
#include "common/util.h"
#include "detect/spellfix.h"

#define MAX_CP	  64 /* as spellfix.c: longer words get no repair */
#define MAX_DIST  2
#define MAX_DEPTH (MAX_CP + MAX_DIST)

struct cand {
	const char *form; /* borrowed from the index */
	int kdist;	  /* distance between the folded keys */
	int fdist;	  /* distance between the word and the form */
};

struct walk {
	const struct formindex *fi;
	int32_t q[MAX_CP]; /* the folded word */
	size_t m;
	int maxd;
	int32_t c[MAX_DEPTH + 1]; /* c[k]: code point at level k */
	unsigned char row[MAX_DEPTH + 1][MAX_CP + 1]; /* row[k][j] */
	struct cand *v;
	size_t n, cap;
};

static size_t decode(const char *s, size_t len, int32_t *out, size_t max)
{
	size_t i = 0, n = 0;

	while (i < len) {
		int32_t c = utf8_next(s, &i, len);
		if (c < 0 || n == max)
			return 0;
		out[n++] = c;
	}
	return n;
}

static int min3(int a, int b, int c)
{
	int m = a < b ? a : b;

	return m < c ? m : c;
}

/* Row k of the table from rows k-1 and k-2, for code point c[k]; returns
 * its smallest cell. */
static int fill_row(struct walk *w, size_t k)
{
	const unsigned char *up, *up2;
	unsigned char *r;
	int32_t ck, ck1;
	int best;

	/* visit() stops at MAX_DEPTH (cppcheck cannot follow that). */
	assert(k >= 1 && k <= MAX_DEPTH);
	up = w->row[k - 1];
	up2 = k > 1 ? w->row[k - 2] : up;
	/* cppcheck-suppress arrayIndexOutOfBoundsCond */
	r = w->row[k];
	/* cppcheck-suppress arrayIndexOutOfBoundsCond */
	ck = w->c[k];
	ck1 = w->c[k - 1];

	r[0] = (unsigned char)(k > 255 ? 255 : k);
	best = r[0];
	for (size_t j = 1; j <= w->m; j++) {
		int d = min3(up[j] + 1, r[j - 1] + 1,
			     up[j - 1] + (ck != w->q[j - 1]));
		if (k > 1 && j > 1 && ck == w->q[j - 2] && ck1 == w->q[j - 1] &&
		    up2[j - 2] + 1 < d)
			d = up2[j - 2] + 1;
		r[j] = (unsigned char)(d > 255 ? 255 : d);
		if (d < best)
			best = d;
	}
	return best;
}

static void keep(struct walk *w, const char *form, int kdist)
{
	if (w->n == SUGGEST_MAX_FOUND)
		return;
	GROW(w->v, w->cap, w->n + 1);
	w->v[w->n].form = form;
	w->v[w->n].kdist = kdist;
	w->v[w->n++].fdist = 0;
}

/* Does entry i's key continue the prefix (plen bytes) with the len bytes
 * cb? */
static int continues(const struct formindex *fi, size_t i, size_t plen,
		     const char *cb, size_t len)
{
	const char *k = formindex_key(fi, i) + plen;

	for (size_t t = 0; t < len; t++) /* stops at k's NUL: cb has none */
		if (k[t] != cb[t])
			return 0;
	return 1;
}

/* The end of the sub-range of [lo, hi) whose keys continue the prefix
 * with cb (entry lo does): galloping from lo, as most sub-ranges deep in
 * the trie are short and their keys near each other in memory. */
static size_t child_end(const struct formindex *fi, size_t lo, size_t hi,
			size_t plen, const char *cb, size_t len)
{
	size_t step = 1;

	lo++;
	while (lo + step < hi && continues(fi, lo + step - 1, plen, cb, len)) {
		lo += step;
		step *= 2;
	}
	if (lo + step < hi)
		hi = lo + step;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (continues(fi, mid, plen, cb, len))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The entries [lo, hi) share the first plen bytes of their keys, which
 * are the k code points c[1..k]. */
static void visit(struct walk *w, size_t lo, size_t hi, size_t plen, size_t k)
{
	while (lo < hi && !formindex_key(w->fi, lo)[plen]) {
		if (w->row[k][w->m] <= w->maxd)
			keep(w, formindex_form(w->fi, lo), w->row[k][w->m]);
		lo++;
	}
	if (k == MAX_DEPTH || k >= w->m + (size_t)w->maxd)
		return;
	while (lo < hi) {
		const char *key = formindex_key(w->fi, lo);
		size_t i = plen, end;
		int32_t cp = utf8_next(key, &i, plen + strnlen(key + plen, 4));

		end = child_end(w->fi, lo, hi, plen, key + plen, i - plen);
		if (cp >= 0 && (k > 0 || cp == w->q[0])) {
			w->c[k + 1] = cp;
			if (fill_row(w, k + 1) <= w->maxd)
				visit(w, lo, end, i, k + 1);
		}
		lo = end;
	}
}

/* Optimal string alignment distance between a[0..n) and b[0..nb). */
static int osa(const int32_t *a, size_t n, const int32_t *b, size_t nb)
{
	int d[MAX_DEPTH + 1][MAX_DEPTH + 1];

	for (size_t i = 0; i <= n; i++)
		d[i][0] = (int)i;
	for (size_t j = 0; j <= nb; j++)
		d[0][j] = (int)j;
	for (size_t i = 1; i <= n; i++)
		for (size_t j = 1; j <= nb; j++) {
			d[i][j] =
			    min3(d[i - 1][j] + 1, d[i][j - 1] + 1,
				 d[i - 1][j - 1] + (a[i - 1] != b[j - 1]));
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] &&
			    d[i - 2][j - 2] + 1 < d[i][j])
				d[i][j] = d[i - 2][j - 2] + 1;
		}
	return d[n][nb];
}

static int cand_cmp(const void *pa, const void *pb)
{
	const struct cand *a = pa, *b = pb;

	if (a->kdist != b->kdist)
		return a->kdist - b->kdist;
	if (a->fdist != b->fdist)
		return a->fdist - b->fdist;
	return strcmp(a->form, b->form);
}

/* Rank w->v by distance from the written word[0..n) and copy the first
 * max forms other than the word itself into *out. */
static size_t rank(struct walk *w, const int32_t *word, size_t n, const char *s,
		   size_t len, size_t max, char ***out)
{
	size_t k = 0;

	for (size_t i = 0; i < w->n; i++) {
		int32_t f[MAX_DEPTH];
		const char *form = w->v[i].form;
		size_t nf = decode(form, strlen(form), f, MAX_DEPTH);

		w->v[i].fdist = nf ? osa(word, n, f, nf) : MAX_DEPTH;
	}
	if (w->n) /* qsort's array must not be NULL, even when empty */
		qsort(w->v, w->n, sizeof(*w->v), cand_cmp);
	*out = NULL;
	for (size_t i = 0; i < w->n && k < max; i++) {
		if (strlen(w->v[i].form) == len &&
		    !memcmp(w->v[i].form, s, len))
			continue;
		if (!*out)
			*out = xmalloc(max * sizeof(**out));
		(*out)[k++] = xstrdup(w->v[i].form);
	}
	return k;
}

long suggest_forms(struct dict *d, const char *word, size_t len, size_t max,
		   char ***out)
{
	const struct formindex *fi = dict_forms(d);
	struct walk *w;
	struct strbuf key;
	int32_t orig[MAX_CP];
	size_t n, found = 0;

	*out = NULL;
	if (!fi)
		return -1;
	n = decode(word, len, orig, MAX_CP);
	if (!n || !max || !formindex_count(fi))
		return 0;
	w = xcalloc(1, sizeof(*w));
	w->fi = fi;
	sb_init(&key);
	if (!spellfix_key(d, word, len, &key))
		w->m = decode(key.buf, key.len, w->q, MAX_CP);
	sb_release(&key);
	if (w->m) {
		w->maxd = w->m <= SUGGEST_SHORT ? 1 : MAX_DIST;
		for (size_t j = 0; j <= w->m; j++)
			w->row[0][j] = (unsigned char)j;
		visit(w, 0, formindex_count(fi), 0, 0);
		found = rank(w, orig, n, word, len, max, out);
	}
	free(w->v);
	free(w);
	return (long)found;
}
