/*
 * repeat_lines.c - duplicate_line: a line that repeats an earlier line of
 * the same article (a title printed twice, a paragraph pasted again).
 *
 * Lines are compared by the ids of their tokens (repeat.h), so two lines
 * are equal when they are equal after case folding and white-space
 * normalization. Each line is hashed once into an open-addressing table
 * whose entries are verified token by token: linear time overall. Lines of
 * fewer than MIN_WORDS words ("Photo", "Nouvelles") are left to the
 * boilerplate detector.
 */
#include "detect/repeat.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/util.h"

#define MIN_WORDS 3
#define NO_TOKEN  ((size_t)-1)

struct line {
	size_t first, last;  /* tokens [first, last) before the line break */
	size_t brk;	     /* the line break token, or NO_TOKEN */
	size_t words, items; /* word tokens, tokens that are not space */
	uint64_t hash;
};

static void split_lines(const struct repeat_doc *d, struct line **out,
			size_t *n)
{
	const struct tokens *ts = d->ts;
	size_t cap = 0, start = 0;

	*out = NULL;
	*n = 0;
	for (size_t i = 0; i <= ts->n; i++) {
		struct line *l;

		if (i < ts->n && ts->t[i].type != TOK_NEWLINE)
			continue;
		GROW(*out, cap, *n + 1);
		l = &(*out)[(*n)++];
		memset(l, 0, sizeof(*l));
		l->first = start;
		l->last = i;
		l->brk = i < ts->n ? i : NO_TOKEN;
		l->hash = 1469598103934665603ULL;
		for (size_t k = start; k < i; k++) {
			if (!d->id[k])
				continue;
			l->items++;
			l->words += ts->t[k].type == TOK_WORD;
			l->hash = (l->hash ^ d->id[k]) * 1099511628211ULL;
		}
		start = i + 1;
	}
}

static int same_line(const struct repeat_doc *d, const struct line *x,
		     const struct line *y)
{
	size_t i = x->first, j = y->first;

	for (;;) {
		while (i < x->last && !d->id[i])
			i++;
		while (j < y->last && !d->id[j])
			j++;
		if (i == x->last || j == y->last)
			return i == x->last && j == y->last;
		if (d->id[i++] != d->id[j++])
			return 0;
	}
}

static int is_blank(const struct line *l)
{
	return l->items == 0;
}

/* View byte span of line k together with one line break, and one blank
 * line more when the line stood alone between blank lines (a paragraph). */
static void removal_span(const struct repeat_doc *d, const struct line *ls,
			 size_t n, size_t k, size_t *start, size_t *end)
{
	const struct tokens *ts = d->ts;
	const struct line *l = &ls[k];

	*start =
	    l->first < l->last ? ts->t[l->first].start : ts->t[l->brk].start;
	if (l->brk != NO_TOKEN) {
		*end = tok_end(&ts->t[l->brk]);
		if (k > 0 && is_blank(&ls[k - 1]) && k + 1 < n &&
		    is_blank(&ls[k + 1]) && ls[k + 1].brk != NO_TOKEN)
			*end = tok_end(&ts->t[ls[k + 1].brk]);
	} else {
		*end = tok_end(&ts->t[l->last - 1]);
		*start = ts->t[ls[k - 1].brk].start;
	}
}

static void report_line(struct repeat_doc *d, const struct line *ls, size_t n,
			size_t k, size_t orig)
{
	size_t start, end, lastk;
	const struct finding *f;
	char detail[64];

	removal_span(d, ls, n, k, &start, &end);
	snprintf(detail, sizeof(detail), "repeats line %zu", orig + 1);
	f = view_report(d->v, d->a, FK_DUPLICATE_LINE, start, end, "", 0, 1,
			0.95, detail);
	if (!f || !f->applied)
		return;
	lastk = ls[k].brk != NO_TOKEN ? ls[k].brk : ls[k].last - 1;
	repeat_doc_mark(d, ls[k].first, lastk, 1);
}

void repeat_doc_lines(struct repeat_doc *d)
{
	struct line *ls;
	size_t n, cap = 16, *table;

	split_lines(d, &ls, &n);
	while (cap < 2 * n)
		cap *= 2;
	table = xcalloc(cap, sizeof(*table)); /* line index + 1, 0 = empty */
	for (size_t k = 0; k < n; k++) {
		size_t h;

		if (ls[k].words < MIN_WORDS)
			continue;
		for (h = ls[k].hash & (cap - 1); table[h];
		     h = (h + 1) & (cap - 1)) {
			const struct line *o = &ls[table[h] - 1];
			if (o->hash == ls[k].hash && same_line(d, o, &ls[k]))
				break;
		}
		if (table[h])
			report_line(d, ls, n, k, table[h] - 1);
		else
			table[h] = k + 1;
	}
	free(table);
	free(ls);
}
