/*
 * report_html_article.c - an article's text with its findings as inline
 * elements (see report_html_article.h).
 *
 * Every finding is an inline element: a <mark> for a report, a <span>
 * holding <del>original</del><ins>new</ins> for an applied repair, an
 * empty marker for a zero-length report. Findings may overlap (a name
 * inside a duplicated line); HTML elements must nest, so an element that
 * crosses the end of an enclosing one is closed there and reopened after
 * it (the usual "split and reopen" rendering).
 */
#include "report/report_html_article.h"

#include <stdlib.h>
#include <string.h>

#include "common/util.h"
#include "report/report_html.h"

static void escape_str(FILE *fp, const char *s)
{
	if (s)
		html_escape(fp, s, strlen(s));
}

static size_t clamp(size_t v, size_t len)
{
	return v < len ? v : len;
}

/* Outer elements first: by start, then longer first, then report order. */
static int cmp_nesting(const void *x, const void *y)
{
	const struct finding *a = *(const struct finding *const *)x;
	const struct finding *b = *(const struct finding *const *)y;

	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	if (a->end != b->end)
		return a->end > b->end ? -1 : 1;
	return (a->seq > b->seq) - (a->seq < b->seq);
}

static void write_title(FILE *fp, const struct html_text *t,
			const struct article *a, const struct finding *f)
{
	size_t s = clamp(f->start, a->len), e = clamp(f->end, a->len);
	int same =
	    f->repl_len == e - s && !memcmp(f->replacement, a->text + s, e - s);

	fprintf(fp, " title=\"%s", finding_kind_name(f->kind));
	if (f->applied)
		fprintf(fp, " %s", t->repaired);
	if (!same && f->repl_len) {
		fputs(" \xE2\x86\x92 \xE2\x80\x9C", fp);
		html_escape(fp, f->replacement, f->repl_len);
		fputs("\xE2\x80\x9D", fp);
	} else if (!same) {
		fprintf(fp, " \xE2\x86\x92 %s", t->deleted);
	}
	if (f->detail && *f->detail) {
		fputs(": ", fp);
		escape_str(fp, f->detail);
	}
	fprintf(fp, " (%s %.2f)\"", t->confidence, f->confidence);
}

/* Open the element of f; a continuation (after a split) is not focusable
 * a second time. */
static void open_finding(FILE *fp, const struct html_text *t,
			 const struct article *a, const struct finding *f,
			 int continued)
{
	fprintf(fp, "<%s class=\"f k-%s%s\"", f->applied ? "span" : "mark",
		finding_kind_name(f->kind), f->applied ? " fix" : "");
	if (!continued)
		fputs(" tabindex=\"0\"", fp);
	write_title(fp, t, a, f);
	fputs(f->applied ? "><del>" : ">", fp);
}

static void close_finding(FILE *fp, const struct finding *f, int final)
{
	if (!f->applied) {
		fputs("</mark>", fp);
		return;
	}
	fputs("</del>", fp);
	if (final) {
		fputs("<ins>", fp);
		html_escape(fp, f->replacement, f->repl_len);
		fputs("</ins>", fp);
	}
	fputs("</span>", fp);
}

/* A zero-length finding: an insertion or a point report. */
static void write_point(FILE *fp, const struct html_text *t,
			const struct article *a, const struct finding *f)
{
	fprintf(fp, "<%s class=\"f k-%s%s\" tabindex=\"0\"",
		f->applied ? "ins" : "mark", finding_kind_name(f->kind),
		f->applied ? " fix" : " pt");
	write_title(fp, t, a, f);
	fputc('>', fp);
	if (f->applied)
		html_escape(fp, f->replacement, f->repl_len);
	fputs(f->applied ? "</ins>" : "</mark>", fp);
}

/* Close every open element that ends at pos; elements opened after it
 * that go on are closed first and reopened. */
static void close_at(FILE *fp, const struct html_text *t,
		     const struct article *a, const struct finding **stack,
		     size_t *nst, size_t pos)
{
	size_t low = *nst, w;

	for (size_t k = 0; k < *nst; k++) {
		if (clamp(stack[k]->end, a->len) <= pos) {
			low = k;
			break;
		}
	}
	if (low == *nst)
		return;
	for (size_t k = *nst; k-- > low;)
		close_finding(fp, stack[k],
			      clamp(stack[k]->end, a->len) <= pos);
	w = low;
	for (size_t k = low; k < *nst; k++) {
		if (clamp(stack[k]->end, a->len) > pos) {
			stack[w++] = stack[k];
			open_finding(fp, t, a, stack[k], 1);
		}
	}
	*nst = w;
}

static size_t next_event(const struct article *a, const struct finding **order,
			 size_t i, size_t n, const struct finding **stack,
			 size_t nst)
{
	size_t next = a->len;

	if (i < n)
		next = clamp(order[i]->start, a->len);
	for (size_t k = 0; k < nst; k++)
		if (clamp(stack[k]->end, a->len) < next)
			next = clamp(stack[k]->end, a->len);
	return next;
}

void html_article_text(FILE *fp, const struct html_text *t,
		       const struct article *a)
{
	size_t n = a->nfindings, nst = 0, i = 0, pos = 0;
	const struct finding **order = xmalloc((n + 1) * sizeof(*order));
	const struct finding **stack = xmalloc((n + 1) * sizeof(*stack));

	for (size_t k = 0; k < n; k++)
		order[k] = &a->findings[k];
	xqsort(order, n, sizeof(*order), cmp_nesting);
	for (;;) {
		size_t next = next_event(a, order, i, n, stack, nst);

		html_escape(fp, a->text + pos, next - pos);
		pos = next;
		close_at(fp, t, a, stack, &nst, pos);
		for (; i < n && clamp(order[i]->start, a->len) == pos; i++) {
			if (clamp(order[i]->end, a->len) <= pos) {
				write_point(fp, t, a, order[i]);
				continue;
			}
			stack[nst++] = order[i];
			open_finding(fp, t, a, order[i], 0);
		}
		if (pos >= a->len && i >= n && !nst)
			break;
	}
	free(order);
	free(stack);
}
