/*
 * decisions.c - read decisions.csv and apply an editor's decisions on
 * repairs to the findings of each article (see decisions.h).
 *
 * The decisions are grouped by article id in a hash map (id -> first
 * decision of the article, the others chained), so applying them costs
 * one lookup per article. Matching is by content, not by offset: the
 * byte span of a decision only chooses between equal candidates.
 */
#include "corpus/decisions.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/csvio.h"
#include "common/strmap.h"
#include "common/util.h"

enum col {
	C_ARTICLE,
	C_KIND,
	C_START,
	C_END,
	C_OCCURRENCE,
	C_ORIGINAL,
	C_REPLACEMENT,
	C_DECISION,
	C__COUNT
};

static const char *const col_names[C__COUNT] = {
    "article",	  "kind",     "start",	     "end",
    "occurrence", "original", "replacement", "decision",
};

enum outcome {
	OUT_UNSEEN,   /* the article never came, or nothing matched */
	OUT_DONE,     /* applied (or already as decided) */
	OUT_OVERLAPS, /* approved, but overlaps an applied finding */
};

struct decision {
	char *article, *original, *replacement; /* owned */
	size_t orig_len, repl_len;
	int kind;
	size_t start, end, occurrence;
	int approve;
	size_t line; /* in the file, for messages */
	size_t next; /* 1 + next decision of the same article, 0 = none */
	int outcome; /* written by the one worker of the article */
};

struct decisions {
	char *name;
	struct decision *v;
	size_t n, cap;
	struct strmap by_article; /* id -> 1 + first decision */
	size_t *last;		  /* 1 + last decision of each chain head */
};

struct reader {
	struct decisions *d;
	int col[C__COUNT];
	int have_header;
};

/* The error of a row that is not a decisions file row. */
#define bad_row(rd, row, ...)                                                  \
	csv_row_error("decisions file", (rd)->d->name, (row)->line, __VA_ARGS__)

static int read_header(struct reader *rd, const struct csv_row *row)
{
	for (int c = 0; c < C__COUNT; c++)
		rd->col[c] = -1;
	for (size_t i = 0; i < row->n; i++)
		for (int c = 0; c < C__COUNT; c++)
			if (!strcmp(row->fields[i], col_names[c]))
				rd->col[c] = (int)i;
	for (int c = 0; c < C__COUNT; c++)
		if (rd->col[c] < 0)
			return bad_row(rd, row,
				       "missing column '%s' (the header must "
				       "name article, kind, start, end, "
				       "occurrence, original, replacement, "
				       "decision)",
				       col_names[c]);
	rd->have_header = 1;
	return 0;
}

/* A field with the spreadsheet-safety apostrophe removed; *len gets its
 * length. */
static const char *field(const struct reader *rd, const struct csv_row *row,
			 enum col c, size_t *len)
{
	const char *s = row->fields[rd->col[c]];
	size_t n = row->lens[rd->col[c]], skip = csv_unneutralize(s, n);

	if (len)
		*len = n - skip;
	return s + skip;
}

static int parse_size_field(const char *s, size_t *out)
{
	char *end;
	unsigned long long v;

	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno || *end)
		return -1;
	*out = (size_t)v;
	return 0;
}

static int parse_row(struct reader *rd, const struct csv_row *row,
		     struct decision *x)
{
	const char *kind = field(rd, row, C_KIND, NULL);
	const char *dec = field(rd, row, C_DECISION, NULL);
	const char *num[3] = {field(rd, row, C_START, NULL),
			      field(rd, row, C_END, NULL),
			      field(rd, row, C_OCCURRENCE, NULL)};

	x->kind = finding_kind_from_name(kind);
	if (x->kind < 0)
		return bad_row(rd, row, "unknown kind '%s'", kind);
	if (strcmp(dec, "approved") && strcmp(dec, "rejected"))
		return bad_row(rd, row,
			       "unknown decision '%s' (approved or rejected)",
			       dec);
	x->approve = !strcmp(dec, "approved");
	if (parse_size_field(num[0], &x->start) ||
	    parse_size_field(num[1], &x->end) ||
	    parse_size_field(num[2], &x->occurrence) || x->end < x->start ||
	    !x->occurrence)
		return bad_row(rd, row, "bad start, end or occurrence");
	if (!*field(rd, row, C_ARTICLE, NULL))
		return bad_row(rd, row, "empty article id");
	return 0;
}

static void add_decision(struct decisions *d, struct decision *x)
{
	int64_t *head;
	size_t at = d->n;

	GROW(d->v, d->cap, d->n + 1);
	d->last = xrealloc(d->last, d->cap * sizeof(*d->last));
	d->v[d->n++] = *x;
	head = strmap_put(&d->by_article, x->article, strlen(x->article));
	if (!*head) {
		*head = (int64_t)at + 1;
	} else {
		size_t first = (size_t)*head - 1;
		d->v[d->last[first] - 1].next = at + 1;
		at = first;
	}
	d->last[at] = d->n;
}

static int on_row(const struct csv_row *row, void *ud)
{
	struct reader *rd = ud;
	struct decision x;
	const char *s;

	if (!rd->have_header)
		return read_header(rd, row);
	if (row->n == 1 && !row->lens[0])
		return 0; /* a blank line */
	for (int c = 0; c < C__COUNT; c++)
		if ((size_t)rd->col[c] >= row->n)
			return bad_row(rd, row, "missing field '%s'",
				       col_names[c]);
	memset(&x, 0, sizeof(x));
	if (parse_row(rd, row, &x) < 0)
		return -1;
	x.line = row->line;
	x.article = xstrdup(field(rd, row, C_ARTICLE, NULL));
	s = field(rd, row, C_ORIGINAL, &x.orig_len);
	x.original = xmemdup(s, x.orig_len);
	s = field(rd, row, C_REPLACEMENT, &x.repl_len);
	x.replacement = xmemdup(s, x.repl_len);
	add_decision(rd->d, &x);
	return 0;
}

int decisions_read_buffer(const char *name, const char *buf, size_t len,
			  struct decisions **out)
{
	struct reader rd;
	int rc;

	memset(&rd, 0, sizeof(rd));
	rd.d = xcalloc(1, sizeof(*rd.d));
	rd.d->name = xstrdup(name);
	strmap_init(&rd.d->by_article);
	/* csv_read_buffer skips a BOM written by a spreadsheet. */
	rc = csv_read_buffer(name, buf, len, on_row, &rd);
	if (rc == 0 && !rd.have_header)
		rc = rl_error("malformed decisions file '%s': no header", name);
	if (rc != 0) {
		decisions_free(rd.d);
		*out = NULL;
		return -1;
	}
	*out = rd.d;
	return 0;
}

int decisions_read(const char *path, struct decisions **out)
{
	char *buf;
	size_t len;
	int rc;

	*out = NULL;
	if (read_file(path, (size_t)1 << 30, &buf, &len) < 0)
		return rl_error("cannot read '%s': %s", path, strerror(errno));
	rc = decisions_read_buffer(path, buf, len, out);
	free(buf);
	return rc;
}

void decisions_free(struct decisions *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->n; i++) {
		free(d->v[i].article);
		free(d->v[i].original);
		free(d->v[i].replacement);
	}
	free(d->v);
	free(d->last);
	strmap_release(&d->by_article);
	free(d->name);
	free(d);
}

size_t decisions_count(const struct decisions *d)
{
	return d ? d->n : 0;
}

/* ---- matching ---------------------------------------------------------- */

static int same_content(const struct article *a, const struct finding *f,
			int kind, const char *orig, size_t orig_len,
			const char *repl, size_t repl_len)
{
	return (int)f->kind == kind && f->end <= a->len &&
	       f->end - f->start == orig_len &&
	       !memcmp(a->text + f->start, orig, orig_len) &&
	       f->repl_len == repl_len &&
	       !memcmp(f->replacement, repl, repl_len);
}

int decisions_reviewable(const struct article *a, const struct finding *f)
{
	if (f->kind == FK_NAME_VARIANT || f->end > a->len)
		return 0;
	return f->repl_len != f->end - f->start ||
	       memcmp(f->replacement, a->text + f->start, f->repl_len) != 0;
}

size_t decisions_occurrence(const struct article *a, size_t i)
{
	const struct finding *f = &a->findings[i];
	size_t n = 1;

	if (f->end > a->len)
		return 1;
	for (size_t k = 0; k < i; k++)
		n += same_content(a, &a->findings[k], (int)f->kind,
				  a->text + f->start, f->end - f->start,
				  f->replacement, f->repl_len);
	return n;
}

static uint64_t content_hash(const struct article *a, const struct finding *f)
{
	uint64_t h = hash_bytes(a->text + f->start, f->end - f->start);

	h ^= hash_bytes(f->replacement, f->repl_len) * 0x9E3779B97F4A7C15ULL;
	return (h ^ (uint64_t)f->kind) * 0x100000001B3ULL;
}

/* One pass: a table of the first finding of each content (kind, original,
 * replacement), probed linearly, holding 1 + its index and how many of
 * that content were seen so far. */
size_t *decisions_occurrences(const struct article *a)
{
	size_t n = a->nfindings, cap = 16;
	size_t *occ = xmalloc((n ? n : 1) * sizeof(*occ));
	size_t *slot, *seen;

	while (cap < 2 * n)
		cap *= 2;
	slot = xcalloc(cap, sizeof(*slot));
	seen = xcalloc(cap, sizeof(*seen));
	for (size_t i = 0; i < n; i++) {
		const struct finding *f = &a->findings[i];
		size_t h;

		occ[i] = 1;
		if (f->end > a->len)
			continue;
		h = (size_t)content_hash(a, f) & (cap - 1);
		for (; slot[h]; h = (h + 1) & (cap - 1))
			if (same_content(a, &a->findings[slot[h] - 1],
					 (int)f->kind, a->text + f->start,
					 f->end - f->start, f->replacement,
					 f->repl_len))
				break;
		if (!slot[h])
			slot[h] = i + 1;
		occ[i] = ++seen[h];
	}
	free(slot);
	free(seen);
	return occ;
}

static struct finding *match(const struct decision *x, struct article *a)
{
	struct finding *nth = NULL;
	size_t seen = 0;

	for (size_t i = 0; i < a->nfindings; i++) {
		struct finding *f = &a->findings[i];

		if (!same_content(a, f, x->kind, x->original, x->orig_len,
				  x->replacement, x->repl_len))
			continue;
		if (f->start == x->start && f->end == x->end)
			return f;
		if (++seen == x->occurrence)
			nth = f;
	}
	return nth;
}

static void note_detail(struct finding *f, const char *what)
{
	struct strbuf sb;

	sb_init(&sb);
	if (f->detail && *f->detail) {
		sb_adds(&sb, f->detail);
		sb_adds(&sb, "; ");
	}
	sb_adds(&sb, what);
	free(f->detail);
	f->detail = sb_detach(&sb, NULL);
}

static void apply_one(struct decision *x, struct article *a)
{
	struct finding *f = match(x, a);

	if (!f)
		return;
	x->outcome = OUT_DONE;
	if (x->approve && !f->applied) {
		if (article_overlaps_applied(a, f->start, f->end)) {
			x->outcome = OUT_OVERLAPS;
			note_detail(f, "approved by an editor, not applied: "
				       "overlaps an applied repair");
			return;
		}
		article_set_applied(a, f, 1);
		note_detail(f, "approved by an editor");
	} else if (!x->approve && f->applied) {
		article_set_applied(a, f, 0);
		note_detail(f, "rejected by an editor");
	}
}

void decisions_apply(const struct decisions *d, struct article *a)
{
	const int64_t *head;

	if (!d || a->status != ARTICLE_OK)
		return;
	head = strmap_find(&d->by_article, a->id, strlen(a->id));
	/* Each decision is written by the one thread that holds its article;
	 * the table itself is not changed. */
	/* The outcome is the article's last processing (the batch may
	 * process an article again once the corpus is known). */
	for (size_t at = head ? (size_t)*head : 0; at; at = d->v[at - 1].next)
		d->v[at - 1].outcome = OUT_UNSEEN;
	for (size_t at = head ? (size_t)*head : 0; at; at = d->v[at - 1].next)
		apply_one(&d->v[at - 1], a);
}

size_t decisions_report_unused(const struct decisions *d)
{
	size_t n = 0;

	for (size_t i = 0; d && i < d->n; i++) {
		const struct decision *x = &d->v[i];

		if (x->outcome == OUT_DONE)
			continue;
		n++;
		rl_warn("'%s' line %zu: %s %s '%.*s' in '%s' %s; not applied",
			d->name, x->line, x->approve ? "approved" : "rejected",
			finding_kind_name(x->kind), (int)x->orig_len,
			x->original, x->article,
			x->outcome == OUT_OVERLAPS
			    ? "overlaps an applied repair"
			    : "no longer matches a finding");
	}
	return n;
}
