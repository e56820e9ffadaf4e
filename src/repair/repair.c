/*
 * repair.c - candidate edits of the repair stages and the guard over the
 * bytes they must leave alone.
 */
#include "repair/repair.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "common/utf8.h"
#include "common/util.h"

void repair_list_init(struct repair_list *l)
{
	memset(l, 0, sizeof(*l));
}

void repair_list_release(struct repair_list *l)
{
	if (!l)
		return;
	free(l->v);
	memset(l, 0, sizeof(*l));
}

void repair_add(struct repair_list *l, size_t start, size_t end,
		const char *repl, size_t repl_len, double confidence,
		const char *detail)
{
	struct repair_edit *e;

	assert(start <= end && repl_len <= REPAIR_REPL_MAX);
	GROW(l->v, l->cap, l->n + 1);
	e = &l->v[l->n];
	e->start = start;
	e->end = end;
	memcpy(e->repl, repl, repl_len);
	e->repl[repl_len] = '\0';
	e->repl_len = repl_len;
	e->confidence = confidence;
	e->detail = detail;
	e->seq = l->n++;
}

static int cmp_start(const void *pa, const void *pb)
{
	const struct repair_edit *x = pa, *y = pb;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->end != y->end)
		return x->end < y->end ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/*
 * Sweep in position order and keep each edit that does not overlap the
 * ones kept before it. Kept spans are disjoint and sorted, so only the
 * furthest end seen so far matters. An insertion conflicts with a span
 * that strictly contains its offset and with an insertion at the same
 * offset (the same rule as article_add's).
 */
static void resolve_overlaps(struct repair_list *l)
{
	size_t kept = 0, last_end = 0, last_ins = (size_t)-1;

	xqsort(l->v, l->n, sizeof(*l->v), cmp_start);
	for (size_t i = 0; i < l->n; i++) {
		const struct repair_edit *e = &l->v[i];

		if (e->start == e->end) {
			if (e->start < last_end || e->start == last_ins)
				continue;
			last_ins = e->start;
		} else {
			if (e->start < last_end)
				continue;
			last_end = e->end;
		}
		l->v[kept++] = *e;
	}
	l->n = kept;
}

size_t repair_report(struct repair_list *l, const struct view *v,
		     struct article *a, enum finding_kind kind,
		     double apply_min)
{
	size_t n;

	resolve_overlaps(l);
	for (size_t i = 0; i < l->n; i++) {
		const struct repair_edit *e = &l->v[i];
		view_report(v, a, kind, e->start, e->end, e->repl, e->repl_len,
			    e->confidence >= apply_min, e->confidence,
			    e->detail);
	}
	n = l->n;
	l->n = 0;
	return n;
}

/* Chunk characters that only code puts inside a word-like chunk. */
static int is_code_char(char c)
{
	return c && strchr("=<>{}\\`|", c) != NULL;
}

static int ascii_letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* A backtick marks code ("`chroot`", "`ls -l`"), except the chunk's only
 * one between two letters ("l`homme": an apostrophe typed with the wrong
 * key) or standing alone ("l ` homme"). */
static int backtick_is_code(const char *t, size_t s, size_t e, size_t i)
{
	const char *other = memchr(t + s, '`', e - s);

	if (other == t + i)
		other = i + 1 < e ? memchr(t + i + 1, '`', e - i - 1) : NULL;
	if (other)
		return 1;
	if (i == s || i + 1 >= e)
		return !(i == s && i + 1 >= e);
	return !ascii_letter(t[i - 1]) ||
	       !(ascii_letter(t[i + 1]) || (t[i + 1] & 0x80));
}

static int chunk_is_code(const char *t, size_t s, size_t e)
{
	for (size_t i = s; i < e; i++) {
		if (t[i] == '`') {
			if (backtick_is_code(t, s, e, i))
				return 1;
			continue;
		}
		if (is_code_char(t[i]))
			return 1;
		if (t[i] == '(' && i + 1 < e && t[i + 1] == ')')
			return 1;
	}
	return 0;
}

static int has(const char *t, size_t s, size_t e, const char *needle)
{
	size_t n = strlen(needle);

	for (size_t i = s; i + n <= e; i++)
		if (!memcmp(t + i, needle, n))
			return 1;
	return 0;
}

/* Does a mark of code start at t[i] ("{", "}", ");", "==", "!=", "->",
 * "=>", "&&", "||", "</")? */
static int code_mark_at(const char *t, size_t i, size_t e)
{
	char next = i + 1 < e ? t[i + 1] : '\0';

	switch (t[i]) {
	case '{':
	case '}':
		return 1;
	case ')':
		return next == ';';
	case '=':
		return next == '=' || next == '>';
	case '!':
		return next == '=';
	case '-':
		return next == '>';
	case '&':
		return next == '&';
	case '|':
		return next == '|';
	case '<':
		return next == '/';
	default:
		return 0;
	}
}

/* One scan of the line: an indented line or one with a mark of code. */
static int line_is_code(const char *t, size_t s, size_t e)
{
	if (s < e && (t[s] == '\t' || has(t, s, s + 4 < e ? s + 4 : e, "    ")))
		return 1;
	for (size_t i = s; i < e; i++)
		if (code_mark_at(t, i, e))
			return 1;
	return 0;
}

static void guard_chunks(struct repair_guard *g, const char *t, size_t s,
			 size_t e)
{
	size_t i = s;

	while (i < e) {
		size_t c = i;
		while (c < e && t[c] != ' ' && t[c] != '\t')
			c++;
		if (chunk_is_code(t, i, c))
			memset(g->mask + i, 1, c - i);
		i = c + 1;
	}
}

void repair_each_line(const char *text, size_t len,
		      void (*fn)(void *ctx, size_t ls, size_t le), void *ctx)
{
	size_t ls = 0;

	while (ls < len) {
		const char *nl = memchr(text + ls, '\n', len - ls);
		size_t le = nl ? (size_t)(nl - text) : len;

		fn(ctx, ls, le);
		ls = le + 1;
	}
}

struct guard_ctx {
	struct repair_guard *g;
	const char *text;
};

static void guard_line(void *ctx, size_t ls, size_t le)
{
	struct guard_ctx *c = ctx;

	if (line_is_code(c->text, ls, le))
		memset(c->g->mask + ls, 1, le - ls);
	else
		guard_chunks(c->g, c->text, ls, le);
}

void repair_guard_build(struct repair_guard *g, const char *text, size_t len,
			const struct tokens *ts)
{
	struct guard_ctx c;

	g->len = len;
	g->mask = xcalloc(len + 1, 1);
	c.g = g;
	c.text = text;
	for (size_t i = 0; i < ts->n; i++)
		if (ts->t[i].flags & TF_URL)
			memset(g->mask + ts->t[i].start, 1,
			       tok_end(&ts->t[i]) - ts->t[i].start);
	repair_each_line(text, len, guard_line, &c);
}

void repair_guard_release(struct repair_guard *g)
{
	if (!g)
		return;
	free(g->mask);
	memset(g, 0, sizeof(*g));
}

int repair_guarded(const struct repair_guard *g, size_t start, size_t end)
{
	size_t from = start > 0 ? start - 1 : 0;
	size_t to = end < g->len ? end + 1 : g->len;

	for (size_t i = from; i < to; i++)
		if (g->mask[i])
			return 1;
	return 0;
}

int repair_is_hspace(int32_t c)
{
	return c > 0 && c != '\t' && c != '\n' && c != '\r' && c != 0x0B &&
	       c != 0x0C && c != 0x85 && c != 0x2028 && c != 0x2029 &&
	       uc_is_space(c);
}

int repair_is_nobreak(int32_t c)
{
	return c == 0xA0 || c == 0x202F || c == 0x2007;
}

static int alnum_cp(int32_t c)
{
	return c > 0 && (uc_is_alpha(c) || uc_is_digit(c));
}

/* 1 when the character at t[i] (i < le) may start the text a quotation
 * mark opens: a letter, a digit, or a sign glued to the quoted text
 * ("»%s«", "»…«"), a period only before a letter or digit ("».netrc«");
 * not white space, nor the punctuation that follows a closing mark ("».
 * Vous"). */
static int quoted_start_at(const char *t, size_t i, size_t le)
{
	int32_t c = i < le ? utf8_next(t, &i, le) : -1;

	if (c == '.')
		return i < le && alnum_cp(utf8_next(t, &i, le));
	return c > 0 && !uc_is_space(c) && !repair_is_hspace(c) &&
	       !strchr(",;:!?)]}", c < 0x80 ? (int)c : 'x') && c != 0xAB &&
	       c != 0xBB;
}

/* The first « or » in t[from, le) (dir > 0) or the last in t[ls, from)
 * (dir < 0); its offset in *at. 0 when there is none. */
static int32_t find_guillemet(const char *t, size_t ls, size_t le, size_t from,
			      int dir, size_t *at)
{
	size_t j = from;

	while (dir < 0 ? j > ls : j < le) {
		size_t here = j;
		int32_t c = dir < 0 ? utf8_prev(t, &j) : utf8_next(t, &j, le);
		if (c == 0xAB || c == 0xBB) {
			*at = dir < 0 ? j : here;
			return c;
		}
	}
	return 0;
}

int repair_german_quote(const char *t, size_t ls, size_t le, size_t i)
{
	size_t j = i, k, m;
	int32_t c = utf8_next(t, &j, le);

	if (c == 0xBB) {
		m = j;
		if (!quoted_start_at(t, m, le) ||
		    find_guillemet(t, ls, le, j, 1, &k) != 0xAB)
			return 0;
		return k > ls && alnum_cp(utf8_prev(t, &k));
	}
	if (c != 0xAB || i <= ls)
		return 0;
	m = i;
	if (!alnum_cp(utf8_prev(t, &m)) ||
	    find_guillemet(t, ls, le, i, -1, &k) != 0xBB)
		return 0;
	utf8_next(t, &k, le);
	return quoted_start_at(t, k, le);
}

static int sentence_end(int32_t c)
{
	return c == '.' || c == '!' || c == '?' || c == 0x2026;
}

/* A guillemet at [j, e) shaped as a closing one: nothing glued after it,
 * and glued to the text before it or followed by punctuation or the end
 * of the line ("homme« !", "prix «,", "FM «."). */
static int closing_shape(const char *t, size_t ls, size_t le, size_t j,
			 size_t e)
{
	size_t k = j;
	int32_t p = j > ls ? utf8_prev(t, &k) : -1, n;

	k = e;
	n = k < le ? utf8_next(t, &k, le) : -1;
	if (alnum_cp(n))
		return 0;
	if (alnum_cp(p) || sentence_end(p))
		return 1;
	k = e;
	while (k < le && repair_is_hspace(n = utf8_next(t, &k, le)))
		;
	return k >= le || !alnum_cp(n);
}

/* A guillemet at [j, e) shaped as an opening one: glued to the word after
 * it and not to the one before ("»oui"). */
static int opening_shape(const char *t, size_t ls, size_t le, size_t j,
			 size_t e)
{
	size_t k = j;
	int32_t p = j > ls ? utf8_prev(t, &k) : -1, n;

	k = e;
	n = k < le ? utf8_next(t, &k, le) : -1;
	return alnum_cp(n) && !alnum_cp(p);
}

void repair_quotes_init(struct repair_quotes *q)
{
	memset(q, 0, sizeof(*q));
}

void repair_quotes_release(struct repair_quotes *q)
{
	if (!q)
		return;
	free(q->v);
	memset(q, 0, sizeof(*q));
}

static void quotes_push(struct repair_quotes *q, size_t at, int closes)
{
	GROW(q->v, q->cap, q->n + 1);
	q->v[q->n].at = at;
	q->v[q->n].closes = closes;
	q->n++;
}

void repair_quotes_line(struct repair_quotes *q, const char *t, size_t ls,
			size_t le)
{
	size_t j = ls, depth = 0, k;

	q->n = 0;
	while (j < le) {
		size_t at = j;
		int32_t c = utf8_next(t, &j, le);
		int closes;
		if ((c != 0xAB && c != 0xBB) ||
		    repair_german_quote(t, ls, le, at))
			continue;
		if (c == 0xAB)
			closes = depth > 0 && closing_shape(t, ls, le, at, j);
		else
			closes =
			    !(depth == 0 && opening_shape(t, ls, le, at, j) &&
			      find_guillemet(t, ls, le, j, 1, &k));
		if (!closes)
			depth++;
		else if (depth > 0)
			depth--;
		quotes_push(q, at, closes);
	}
}

int repair_quotes_closes(const struct repair_quotes *q, size_t i)
{
	size_t lo = 0, hi = q->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (q->v[mid].at < i)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < q->n && q->v[lo].at == i && q->v[lo].closes;
}
