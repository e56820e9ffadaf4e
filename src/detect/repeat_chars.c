/*
 * repeat_chars.c - char_repeat: a unit of two or more code points repeated
 * inside one word ("infrastrastrastructure", "FrastrastRastrast...uct").
 *
 * Algorithm. A word is decoded once into case-folded code points f[]. For
 * each period p from 2 to MAX_PERIOD, one scan compares f[k] with f[k + p];
 * a maximal run of r equal comparisons starting at a is a region
 * [a, a + r + p) of period p. It is a finding when it covers at least 2.5
 * times the unit (which includes every region of three copies or more) and
 * its unit is primitive ("rast", not "rastrast"). Periods are scanned in
 * increasing order and a region overlapping an earlier one is skipped.
 * Cost: O(n * MAX_PERIOD) per word, linear in the article; the bound is
 * safe because the unit of a loop inside one word is a syllable or a word
 * piece, while longer repeated units are separate words (phrase_repeat).
 *
 * What is not a finding: numbers (digits in the unit), words the dictionary
 * accepts ("ananas"), and laughter or onomatopoeia that make up a whole
 * word in quotes or before an exclamation ("« hahaha ! »"). Short regions
 * of two copies ("bonbon", "cocorico", "Mississippi") fall under 2.5 units.
 *
 * Repair: the region keeps one copy of the unit (then two) plus the partial
 * copy that ends it; the repair is applied only when the collapsed word is
 * known to the dictionary or occurs elsewhere in the article.
 */
#include "detect/repeat.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/utf8.h"
#include "common/util.h"

#define MAX_PERIOD    32 /* longest unit inside a word, code points */
#define MIN_PERIOD    2
#define FOLD_CACHE    256 /* direct-mapped cache of non-ASCII case folds */
#define MAX_SPELLINGS 8	  /* copies tried as the one to keep */

struct region {
	size_t a, len, p; /* code points [a, a + len) of period p */
};

struct word {
	const char *text;    /* the view text */
	size_t start, end;   /* the token's bytes */
	int32_t *f;	     /* folded code points */
	size_t *off;	     /* byte offset of each, off[n] = end */
	unsigned char *used; /* code points inside a region already found */
	size_t n, cap;
	int32_t cache_cp[FOLD_CACHE], cache_f[FOLD_CACHE];
};

static int32_t fold_cp(struct word *w, int32_t c)
{
	char buf[8];
	size_t n, i = 0, idx = (size_t)c % FOLD_CACHE;
	char *f;
	int32_t r;

	if (c < 0x80)
		return c >= 'A' && c <= 'Z' ? c + 32 : c;
	if (w->cache_cp[idx] == c)
		return w->cache_f[idx];
	n = utf8_put(buf, c);
	f = utf8_fold(buf, n, &n);
	r = n ? utf8_next(f, &i, n) : c;
	if (i != n) /* folds to several code points (U+00DF): keep it */
		r = c;
	free(f);
	w->cache_cp[idx] = c;
	w->cache_f[idx] = r;
	return r;
}

static void word_load(struct word *w, const char *text, size_t start,
		      size_t end)
{
	size_t i = start;

	w->text = text;
	w->start = start;
	w->end = end;
	w->n = 0;
	while (i < end) {
		size_t at = i;
		int32_t c = utf8_next(text, &i, end);

		if (w->n + 2 > w->cap) {
			w->cap = w->cap ? 2 * w->cap : 64;
			w->f = xrealloc(w->f, w->cap * sizeof(*w->f));
			w->off = xrealloc(w->off, w->cap * sizeof(*w->off));
			w->used = xrealloc(w->used, w->cap);
		}
		w->off[w->n] = at;
		w->f[w->n] = fold_cp(w, c);
		w->used[w->n] = 0;
		w->n++;
	}
	w->off[w->n] = end;
}

/* A unit worth reporting: primitive, letters only. */
static int good_unit(const struct word *w, size_t a, size_t p)
{
	for (size_t k = a; k < a + p; k++)
		if (!uc_is_alpha(w->f[k]))
			return 0;
	for (size_t q = 1; q < p; q++) {
		size_t k;

		if (p % q)
			continue;
		for (k = a; k + q < a + p && w->f[k] == w->f[k + q]; k++)
			;
		if (k + q == a + p)
			return 0;
	}
	return 1;
}

static int region_free(const struct word *w, size_t a, size_t len)
{
	for (size_t k = a; k < a + len; k++)
		if (w->used[k])
			return 0;
	return 1;
}

/* The word with the region [a, a + len) of period p cut to `keep` copies,
 * copies c .. c + keep - 1 of the region, plus the partial copy that ends
 * it, into sb; the region's part of sb in [*rb, *re). */
static void collapse(const struct word *w, const struct region *r, size_t c,
		     size_t keep, struct strbuf *sb, size_t *rb, size_t *re)
{
	size_t copies = r->len / r->p, a = r->a;

	sb_reset(sb);
	sb_add(sb, w->text + w->start, w->off[a] - w->start);
	*rb = sb->len;
	sb_add(sb, w->text + w->off[a + c * r->p],
	       w->off[a + (c + keep) * r->p] - w->off[a + c * r->p]);
	sb_add(sb, w->text + w->off[a + copies * r->p],
	       w->end - w->off[a + copies * r->p]);
	*re = sb->len - (w->end - w->off[a + r->len]);
}

/* 1 when copy x of the region is written like copy y (same bytes). */
static int same_copy(const struct word *w, const struct region *r, size_t x,
		     size_t y)
{
	size_t bx = w->off[r->a + x * r->p], by = w->off[r->a + y * r->p];
	size_t lx = w->off[r->a + (x + 1) * r->p] - bx;
	size_t ly = w->off[r->a + (y + 1) * r->p] - by;

	return lx == ly && !memcmp(w->text + bx, w->text + by, lx);
}

static int is_known(const struct repeat_doc *d, const char *s, size_t len)
{
	size_t fl;
	char *f;
	uint32_t id;

	if (repeat_doc_is_word(d, s, len))
		return 1;
	f = utf8_fold(s, len, &fl);
	id = repeat_doc_lookup(d, f, fl);
	free(f);
	return id && d->freq[id] > 0;
}

/* First byte of the non-space token next to tok in direction dir. */
static int neighbour_char(const struct repeat_doc *d, size_t tok, int dir)
{
	const struct tokens *ts = d->ts;
	size_t k = tok;

	for (;;) {
		if ((dir < 0 && k == 0) || (dir > 0 && k + 1 >= ts->n))
			return 0;
		k = dir < 0 ? k - 1 : k + 1;
		if (ts->t[k].type != TOK_SPACE)
			break;
	}
	if (ts->t[k].type != TOK_PUNCT)
		return 0;
	{
		size_t i = ts->t[k].start;
		return utf8_next(d->v->text, &i, tok_end(&ts->t[k]));
	}
}

/* Laughter and onomatopoeia are quoted or exclaimed: « Hahaha ! ». */
static int is_quoted(const struct repeat_doc *d, size_t tok)
{
	static const int32_t before[] = {0xAB, 0x201C, 0x201E, 0x2039, '"',
					 '(',  0x2014, 0x2013, '*'};
	static const int32_t after[] = {'!',	'?', 0x2026, 0xBB, 0x201D,
					0x203A, '"', ')',    '*'};
	int32_t b = neighbour_char(d, tok, -1), a = neighbour_char(d, tok, 1);

	for (size_t i = 0; i < ARRAY_SIZE(before); i++)
		if (b == before[i])
			return 1;
	for (size_t i = 0; i < ARRAY_SIZE(after); i++)
		if (a == after[i])
			return 1;
	return 0;
}

/*
 * The repair of a region: the fewest copies (one, then two) that make a
 * known word. The copies may differ in case ("rast", "Rast"); the last copy,
 * which joins the rest of the word, is tried first, then the first, then
 * the other spellings. 1 when a known word was found; sb holds the word
 * (else the last copy's collapse, a suggestion).
 */
static int best_collapse(const struct repeat_doc *d, const struct word *w,
			 const struct region *r, struct strbuf *sb, size_t *rb,
			 size_t *re)
{
	size_t copies = r->len / r->p;

	for (size_t keep = 1; keep <= 2 && keep < copies; keep++) {
		size_t last = copies - keep;

		for (size_t k = 0; k <= last && k < MAX_SPELLINGS; k++) {
			size_t c = k == 0 ? last : k - 1;

			if (k > 1 && same_copy(w, r, c, last))
				continue;
			collapse(w, r, c, keep, sb, rb, re);
			if (is_known(d, sb->buf, sb->len))
				return 1;
		}
	}
	collapse(w, r, copies - 1, 1, sb, rb, re);
	return 0;
}

static void report_region(struct repeat_doc *d, struct word *w,
			  const struct region *r, struct strbuf *sb)
{
	size_t copies = r->len / r->p, rb = 0, re = 0;
	int whole = r->a == 0 && r->len == w->n, known = 0;
	char detail[256];

	if (whole) /* "hahaha": a word of its own, never rewritten */
		collapse(w, r, copies - 1, 1, sb, &rb, &re);
	else
		known = best_collapse(d, w, r, sb, &rb, &re);
	snprintf(detail, sizeof(detail),
		 "unit '%.*s' %zu times (%zu characters): %.*s%s",
		 (int)(w->off[r->a + r->p] - w->off[r->a]),
		 w->text + w->off[r->a], copies, r->len,
		 (int)(sb->len > 80 ? 80 : sb->len), sb->buf,
		 known ? "" : " (unknown word, not applied)");
	view_report(d->v, d->a, FK_CHAR_REPEAT, w->off[r->a],
		    w->off[r->a + r->len], sb->buf + rb, re - rb, known,
		    known ? 0.9 : 0.6, detail);
	memset(w->used + r->a, 1, r->len);
}

/* 1 when the region is a finding (the dictionary is asked once). */
static int accept(struct repeat_doc *d, struct word *w, size_t tok,
		  const struct region *r, int *word_ok)
{
	if (!good_unit(w, r->a, r->p) || !region_free(w, r->a, r->len))
		return 0;
	if (*word_ok < 0)
		*word_ok = repeat_doc_is_word(d, w->text + w->start,
					      w->end - w->start);
	if (*word_ok)
		return 0;
	if (r->a == 0 && r->len == w->n && r->p <= 3 && is_quoted(d, tok))
		return 0;
	return 1;
}

static void scan_word(struct repeat_doc *d, struct word *w, size_t tok,
		      struct strbuf *sb)
{
	int word_ok = -1;

	for (size_t p = MIN_PERIOD; p <= MAX_PERIOD && 5 * p <= 2 * w->n; p++) {
		size_t run = 0;

		for (size_t k = 0; k + p <= w->n; k++) {
			struct region r;

			if (k + p < w->n && w->f[k] == w->f[k + p]) {
				run++;
				continue;
			}
			r.a = k - run;
			r.len = run + p;
			r.p = p;
			run = 0;
			if (2 * r.len >= 5 * p &&
			    accept(d, w, tok, &r, &word_ok))
				report_region(d, w, &r, sb);
		}
	}
}

void repeat_doc_chars(struct repeat_doc *d)
{
	const struct tokens *ts = d->ts;
	struct word *w = xcalloc(1, sizeof(*w));
	struct strbuf sb;

	sb_init(&sb);
	for (size_t i = 0; i < FOLD_CACHE; i++)
		w->cache_cp[i] = -1;
	for (size_t i = 0; i < ts->n; i++) {
		const struct token *t = &ts->t[i];

		if (t->type != TOK_WORD || t->flags & TF_URL ||
		    repeat_doc_dead(d, i) || tok_end(t) - t->start < 5)
			continue;
		word_load(w, d->v->text, t->start, tok_end(t));
		scan_word(d, w, i, &sb);
	}
	free(w->f);
	free(w->off);
	free(w->used);
	free(w);
	sb_release(&sb);
}
