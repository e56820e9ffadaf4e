/*
 * stats.c - the Gopher repetition statistics (formulas in
 * docs/repetition.md, contract in stats.h).
 *
 * Words and lines are interned as integer ids with a strmap; n-grams of
 * word ids are counted in an open-addressing table keyed by their first
 * position and verified id by id, one table per n: O(n * words) for the
 * n-gram statistics, O(length) for lines and paragraphs.
 *
 * Memory: a large article is one long document, so the per-word arrays
 * take 32-bit entries. Word positions fit: a word is one token at least,
 * and the segmenter refuses a view over INT32_MAX bytes (token.h), which
 * stats_compute asserts. Each n's table is freed as soon as its n-grams
 * are counted, before the characters they cover are summed.
 */
#include "detect/stats.h"

#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "common/strmap.h"
#include "common/utf8.h"
#include "common/util.h"

struct words {
	uint32_t *id;
	uint32_t *cps; /* characters (code points) of each word */
	size_t n, total;
};

static uint32_t intern(struct strmap *m, const char *s, size_t len)
{
	int64_t *v = strmap_put(m, s, len);

	if (!*v)
		*v = (int64_t)m->n; /* ids start at 1 */
	return (uint32_t)*v;
}

static void words_build(struct words *w, const struct view *v,
			const struct tokens *ts)
{
	struct strmap m;

	strmap_init(&m);
	w->n = w->total = 0;
	w->id = xmalloc((ts->words + 1) * sizeof(*w->id));
	w->cps = xmalloc((ts->words + 1) * sizeof(*w->cps));
	for (size_t i = 0; i < ts->n; i++) {
		const struct token *t = &ts->t[i];

		if (t->type != TOK_WORD && t->type != TOK_NUMBER)
			continue;
		assert(w->n < ts->words);
		w->id[w->n] =
		    intern(&m, v->text + t->start, tok_end(t) - t->start);
		w->cps[w->n] = (uint32_t)utf8_count(v->text + t->start,
						    tok_end(t) - t->start);
		w->total += w->cps[w->n++];
	}
	strmap_release(&m);
}

/* ---- n-grams ---------------------------------------------------------- */

struct ngrams {
	const struct words *w;
	size_t n;	 /* words per n-gram */
	uint32_t *first; /* per position: first position of its n-gram */
	uint32_t *count; /* per first position: occurrences */
};

static uint64_t ngram_hash(const struct words *w, size_t k, size_t n)
{
	uint64_t h = 1469598103934665603ULL;

	for (size_t x = 0; x < n; x++)
		h = (h ^ w->id[k + x]) * 1099511628211ULL;
	return h * 0x9E3779B97F4A7C15ULL;
}

/* Count every n-gram; afterwards ng->first[k] names its first occurrence.
 * The table (first position + 1, 0 = empty) lives only for the count. */
static void ngrams_count(struct ngrams *ng, const struct words *w, size_t n)
{
	size_t m = w->n - n + 1, cap = 16;
	uint32_t *table;

	ng->w = w;
	ng->n = n;
	while (cap < 2 * m)
		cap *= 2;
	table = xcalloc(cap, sizeof(*table));
	ng->first = xmalloc(m * sizeof(*ng->first));
	ng->count = xcalloc(m, sizeof(*ng->count));
	for (size_t k = 0; k < m; k++) {
		size_t h = ngram_hash(w, k, n) & (cap - 1);

		for (; table[h]; h = (h + 1) & (cap - 1))
			if (!memcmp(&w->id[table[h] - 1], &w->id[k],
				    n * sizeof(*w->id)))
				break;
		if (!table[h])
			table[h] = (uint32_t)k + 1;
		ng->first[k] = table[h] - 1;
		ng->count[ng->first[k]]++;
	}
	free(table);
}

static void ngrams_release(struct ngrams *ng)
{
	free(ng->first);
	free(ng->count);
}

/* Characters of the words covered by the occurrences of the n-gram first
 * seen at target, or of every n-gram seen twice or more when target is
 * (size_t)-1; each word counted once. */
static size_t covered_chars(const struct ngrams *ng, size_t target)
{
	const struct words *w = ng->w;
	size_t m = w->n - ng->n + 1, chars = 0, until = 0;

	for (size_t k = 0; k < m; k++) {
		size_t f = ng->first[k];
		int hit = target == (size_t)-1 ? ng->count[f] > 1 : f == target;

		if (hit)
			until = k + ng->n;
		if (k < until)
			chars += w->cps[k];
	}
	for (size_t k = m; k < w->n && k < until; k++)
		chars += w->cps[k];
	return chars;
}

static size_t ngram_chars(const struct words *w, size_t k, size_t n)
{
	size_t c = 0;

	for (size_t x = 0; x < n; x++)
		c += w->cps[k + x];
	return c;
}

/* The most frequent n-gram; on a tie the longer in characters, then the
 * earlier. (size_t)-2 when no n-gram occurs twice. */
static size_t top_ngram(const struct ngrams *ng)
{
	size_t m = ng->w->n - ng->n + 1, best = (size_t)-2, bc = 1, bl = 0;

	for (size_t k = 0; k < m; k++) {
		size_t c = ng->count[k], l;

		if (ng->first[k] != k || c < bc || c < 2)
			continue;
		l = ngram_chars(ng->w, k, ng->n);
		if (c > bc || l > bl) {
			best = k;
			bc = c;
			bl = l;
		}
	}
	return best;
}

static void ngram_stats(struct article *a, const struct words *w)
{
	for (size_t n = 2; n <= 10; n++) {
		struct ngrams ng;
		enum doc_stat s;
		size_t chars;

		if (w->n < n || !w->total)
			continue;
		ngrams_count(&ng, w, n);
		if (n <= 4) {
			size_t top = top_ngram(&ng);
			s = DS_TOP_2GRAM_CHAR_FRAC + (n - 2);
			chars = top == (size_t)-2 ? 0 : covered_chars(&ng, top);
		} else {
			s = DS_DUP_5GRAM_CHAR_FRAC + (n - 5);
			chars = covered_chars(&ng, (size_t)-1);
		}
		a->stats[s] = (double)chars / (double)w->total;
		ngrams_release(&ng);
	}
}

/* ---- lines and paragraphs ---------------------------------------------- */

struct line_stats {
	struct strmap lines, paras;
	size_t nlines, duplines;
	size_t para_chars, dup_para_chars;
	size_t pstart, pend; /* current paragraph bytes, pend = 0: none */
};

static void para_close(struct line_stats *s, const char *text)
{
	size_t len = s->pend - s->pstart;
	int64_t *seen;

	if (!s->pend)
		return;
	seen = strmap_put(&s->paras, text + s->pstart, len);
	s->para_chars += utf8_count(text + s->pstart, len);
	if ((*seen)++)
		s->dup_para_chars += utf8_count(text + s->pstart, len);
	s->pend = 0;
}

/* One line: tokens [b, e) without its break. */
static void line_add(struct line_stats *s, const struct view *v,
		     const struct tokens *ts, size_t b, size_t e)
{
	int64_t *seen;

	while (b < e && ts->t[b].type == TOK_SPACE)
		b++;
	while (e > b && ts->t[e - 1].type == TOK_SPACE)
		e--;
	if (b == e) { /* a blank line ends the paragraph */
		para_close(s, v->text);
		return;
	}
	s->nlines++;
	seen = strmap_put(&s->lines, v->text + ts->t[b].start,
			  tok_end(&ts->t[e - 1]) - ts->t[b].start);
	if ((*seen)++)
		s->duplines++;
	if (!s->pend)
		s->pstart = ts->t[b].start;
	s->pend = tok_end(&ts->t[e - 1]);
}

static void line_stats(struct article *a, const struct view *v,
		       const struct tokens *ts)
{
	struct line_stats s;
	size_t b = 0;

	memset(&s, 0, sizeof(s));
	strmap_init(&s.lines);
	strmap_init(&s.paras);
	for (size_t i = 0; i <= ts->n; i++) {
		if (i < ts->n && ts->t[i].type != TOK_NEWLINE)
			continue;
		line_add(&s, v, ts, b, i);
		b = i + 1;
	}
	para_close(&s, v->text);
	if (s.nlines)
		a->stats[DS_DUP_LINE_FRAC] =
		    (double)s.duplines / (double)s.nlines;
	if (s.para_chars)
		a->stats[DS_DUP_PARA_CHAR_FRAC] =
		    (double)s.dup_para_chars / (double)s.para_chars;
	strmap_release(&s.lines);
	strmap_release(&s.paras);
}

void stats_compute(struct article *a, const struct view *v,
		   const struct tokens *ts)
{
	struct words w;

	assert(ts->n < UINT32_MAX); /* so are the words (see above) */
	for (int s = 0; s < DS__COUNT; s++)
		a->stats[s] = 0;
	line_stats(a, v, ts);
	words_build(&w, v, ts);
	ngram_stats(a, &w);
	free(w.id);
	free(w.cps);
}
