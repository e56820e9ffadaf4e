/*
 * article.c - the article and its findings (see article.h for the model).
 */
#include "common/article.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/util.h"

static const char *const kind_names[FK__COUNT] = {
    [FK_UNICODE] = "unicode",
    [FK_CONTROL_CHAR] = "control_char",
    [FK_ENCODING] = "encoding",
    [FK_MOJIBAKE] = "mojibake",
    [FK_CONFUSABLE] = "confusable",
    [FK_SPACING] = "spacing",
    [FK_TYPOGRAPHY] = "typography",
    [FK_GLUED_WORDS] = "glued_words",
    [FK_CHAR_REPEAT] = "char_repeat",
    [FK_WORD_REPEAT] = "word_repeat",
    [FK_PHRASE_REPEAT] = "phrase_repeat",
    [FK_DUPLICATE_LINE] = "duplicate_line",
    [FK_BOILERPLATE] = "boilerplate",
    [FK_MISSPELLING] = "misspelling",
    [FK_UNKNOWN_NAME] = "unknown_name",
    [FK_FOREIGN_LANGUAGE] = "foreign_language",
    [FK_NAME_VARIANT] = "name_variant",
    [FK_TRUNCATED] = "truncated",
    [FK_RESIDUE] = "residue",
};

static const char *const stat_names[DS__COUNT] = {
    [DS_DUP_LINE_FRAC] = "dup_line_frac",
    [DS_DUP_PARA_CHAR_FRAC] = "dup_para_char_frac",
    [DS_TOP_2GRAM_CHAR_FRAC] = "top_2gram_char_frac",
    [DS_TOP_3GRAM_CHAR_FRAC] = "top_3gram_char_frac",
    [DS_TOP_4GRAM_CHAR_FRAC] = "top_4gram_char_frac",
    [DS_DUP_5GRAM_CHAR_FRAC] = "dup_5gram_char_frac",
    [DS_DUP_6GRAM_CHAR_FRAC] = "dup_6gram_char_frac",
    [DS_DUP_7GRAM_CHAR_FRAC] = "dup_7gram_char_frac",
    [DS_DUP_8GRAM_CHAR_FRAC] = "dup_8gram_char_frac",
    [DS_DUP_9GRAM_CHAR_FRAC] = "dup_9gram_char_frac",
    [DS_DUP_10GRAM_CHAR_FRAC] = "dup_10gram_char_frac",
};

const char *doc_stat_name(enum doc_stat s)
{
	return (unsigned)s < DS__COUNT ? stat_names[s] : "?";
}

const char *finding_kind_name(enum finding_kind k)
{
	return (unsigned)k < FK__COUNT ? kind_names[k] : "?";
}

int finding_kind_from_name(const char *name)
{
	for (int k = 0; k < FK__COUNT; k++)
		if (!strcmp(kind_names[k], name))
			return k;
	return -1;
}

/*
 * The applied findings as bitmaps over the text's bytes, so that an overlap
 * query costs O(length / 4096 + 128) and not O(findings): applied spans
 * never overlap each other, so a byte belongs to one applied span at most.
 * A bitmap has a summary bit per 64-bit word, set when the word is not 0.
 */
struct bits {
	uint64_t *w, *sum;
};

struct applied_index {
	struct bits covered; /* bytes inside an applied non-empty span */
	struct bits starts;  /* first byte of each applied non-empty span */
	struct bits points;  /* offsets of applied insertions */
};

static void bits_init(struct bits *b, size_t n)
{
	size_t nw = n / 64 + 1;

	b->w = xcalloc(nw, sizeof(*b->w));
	b->sum = xcalloc(nw / 64 + 1, sizeof(*b->sum));
}

static void bits_release(struct bits *b)
{
	free(b->w);
	free(b->sum);
}

static void bits_put(struct bits *b, size_t i, int on)
{
	size_t w = i >> 6;

	if (on)
		b->w[w] |= 1ULL << (i & 63);
	else
		b->w[w] &= ~(1ULL << (i & 63));
	if (b->w[w])
		b->sum[w >> 6] |= 1ULL << (w & 63);
	else
		b->sum[w >> 6] &= ~(1ULL << (w & 63));
}

static int bits_get(const struct bits *b, size_t i)
{
	return (b->w[i >> 6] >> (i & 63)) & 1;
}

/* 1 when a bit of [lo, hi) is set. */
static int bits_any(const struct bits *b, size_t lo, size_t hi)
{
	size_t w, last;

	if (lo >= hi)
		return 0;
	w = lo >> 6;
	last = (hi - 1) >> 6;
	while (w <= last) {
		uint64_t m = b->w[w];

		if (w == lo >> 6)
			m &= ~0ULL << (lo & 63);
		if (w == last && (hi & 63))
			m &= ~0ULL >> (64 - (hi & 63));
		if (m)
			return 1;
		w++;
		while (!(w & 63) && w + 64 <= last && !b->sum[w >> 6])
			w += 64; /* a whole summary word of empty words */
	}
	return 0;
}

/* Record that f is applied (on) or no longer applied (off). */
static void index_put(struct article *a, const struct finding *f, int on)
{
	struct applied_index *x = a->applied_index;

	if (!x) {
		x = a->applied_index = xcalloc(1, sizeof(*x));
		bits_init(&x->covered, a->len + 1);
		bits_init(&x->starts, a->len + 1);
		bits_init(&x->points, a->len + 1);
	}
	if (f->start == f->end) {
		bits_put(&x->points, f->start, on);
		return;
	}
	bits_put(&x->starts, f->start, on);
	for (size_t i = f->start; i < f->end; i++)
		bits_put(&x->covered, i, on);
}

static void index_free(struct article *a)
{
	struct applied_index *x = a->applied_index;

	if (x) {
		bits_release(&x->covered);
		bits_release(&x->starts);
		bits_release(&x->points);
		free(x);
	}
	a->applied_index = NULL;
}

int finding_kind_is_note(enum finding_kind k)
{
	return k == FK_UNKNOWN_NAME || k == FK_NAME_VARIANT ||
	       k == FK_TYPOGRAPHY;
}

void article_init(struct article *a, const char *id)
{
	memset(a, 0, sizeof(*a));
	a->id = xstrdup(id);
	a->text = xmemdup("", 0);
	strncpy(a->lang, "fr", sizeof(a->lang) - 1);
}

void article_release(struct article *a)
{
	if (!a)
		return;
	for (size_t i = 0; i < a->nfindings; i++) {
		free(a->findings[i].replacement);
		free(a->findings[i].detail);
	}
	free(a->findings);
	free(a->text);
	free(a->id);
	free(a->error);
	index_free(a);
	memset(a, 0, sizeof(*a));
}

void article_set_text(struct article *a, char *text, size_t len)
{
	index_free(a); /* no finding applies to a new text */
	free(a->text);
	a->text = text;
	a->len = len;
}

void article_fail(struct article *a, const char *fmt, ...)
{
	struct strbuf sb;
	va_list ap;
	char tmp[512];

	va_start(ap, fmt);
	vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	sb_init(&sb);
	sb_adds(&sb, tmp);
	free(a->error);
	a->error = sb_detach(&sb, NULL);
	sb_release(&sb);
	a->status = ARTICLE_ERROR;
}

static int spans_overlap(size_t s1, size_t e1, size_t s2, size_t e2)
{
	if (s1 == e1)
		return s2 < s1 && s1 < e2;
	if (s2 == e2)
		return s1 < s2 && s2 < e1;
	return s1 < e2 && s2 < e1;
}

/* The same test as spans_overlap() against every applied finding: a
 * non-empty span shares a byte with an applied span or holds an applied
 * insertion strictly inside; an insertion lies strictly inside an applied
 * span (a covered byte that starts none). */
int article_overlaps_applied(const struct article *a, size_t start, size_t end)
{
	const struct applied_index *x = a->applied_index;

	if (!x || start > a->len)
		return 0;
	if (start == end)
		return bits_get(&x->covered, start) &&
		       !bits_get(&x->starts, start);
	if (end > a->len)
		end = a->len;
	return bits_any(&x->covered, start, end) ||
	       bits_any(&x->points, start + 1, end);
}

void article_set_applied(struct article *a, struct finding *f, int applied)
{
	if (f->applied == applied)
		return;
	f->applied = applied;
	index_put(a, f, applied);
}

static void append_detail(struct finding *f, const char *note)
{
	struct strbuf sb;

	sb_init(&sb);
	if (f->detail)
		sb_addf(&sb, "%s; ", f->detail);
	sb_adds(&sb, note);
	free(f->detail);
	f->detail = sb_detach(&sb, NULL);
}

/*
 * A deletion or replacement that wholly contains earlier applied repairs
 * makes them moot: it was computed on a view with those repairs replayed
 * (a name respelled after its mojibake was repaired), so its replacement
 * already holds their effect. They are turned into reports so that it can
 * be applied. Only when every overlapping applied finding is contained
 * (else nothing changes and it is refused as an overlap).
 */
static void supersede_contained(struct article *a, size_t start, size_t end)
{
	size_t i;

	if (!article_overlaps_applied(a, start, end))
		return; /* nothing to supersede: the common case */
	for (i = 0; i < a->nfindings; i++) {
		const struct finding *f = &a->findings[i];
		if (f->applied && spans_overlap(f->start, f->end, start, end) &&
		    (f->start < start || f->end > end))
			return;
	}
	for (i = 0; i < a->nfindings; i++) {
		struct finding *f = &a->findings[i];
		if (!f->applied || f->start < start || f->end > end ||
		    (f->start == f->end &&
		     (f->start == start || f->start == end)))
			continue;
		f->applied = 0;
		index_put(a, f, 0);
		append_detail(f, "not applied: inside a later repair");
	}
}

size_t article_drop_reports(struct article *a, enum finding_kind kind,
			    size_t start, size_t end)
{
	size_t kept = 0, n = a->nfindings;

	for (size_t i = 0; i < n; i++) {
		struct finding *f = &a->findings[i];
		if (f->kind == kind && !f->applied && f->start == start &&
		    f->end == end) {
			free(f->replacement);
			free(f->detail);
			a->counts[kind]--;
			continue;
		}
		a->findings[kept++] = *f;
	}
	a->nfindings = kept;
	return n - kept;
}

/* 1 when applied finding g overlaps [s, e), an insertion when it falls
 * inside. */
static int shadows(const struct finding *g, size_t s, size_t e)
{
	if (g->start == g->end)
		return s < g->start && g->start < e;
	return g->start < e && s < g->end;
}

size_t article_drop_shadowed_notes(struct article *a)
{
	size_t kept = 0, n = a->nfindings, j = 0;

	/* Applied findings never overlap: sorted by start, their ends are
	 * sorted too, so one pointer j walks them as the notes go on. */
	for (size_t i = 0; i < n; i++) {
		struct finding *f = &a->findings[i];
		int drop = 0;

		if (!f->applied && finding_kind_is_note(f->kind)) {
			while (j < n && (!a->findings[j].applied ||
					 a->findings[j].end < f->start))
				j++;
			for (size_t k = j;
			     k < n && !drop && a->findings[k].start <= f->end;
			     k++)
				drop =
				    a->findings[k].applied &&
				    shadows(&a->findings[k], f->start, f->end);
		}
		if (drop) {
			free(f->replacement);
			free(f->detail);
			a->counts[f->kind]--;
			continue;
		}
		a->findings[kept++] = *f;
	}
	a->nfindings = kept;
	return n - kept;
}

struct finding *article_add(struct article *a, enum finding_kind kind,
			    size_t start, size_t end, const char *repl,
			    size_t repl_len, int applied, double confidence,
			    const char *detail)
{
	struct finding *f;
	struct strbuf sb;

	a->counts[kind]++;
	if (a->max_findings && a->nfindings >= a->max_findings) {
		a->dropped++;
		return NULL;
	}
	if (start > end || end > a->len)
		abort(); /* a stage computed a span outside the text: a bug */
	sb_init(&sb);
	if (detail)
		sb_adds(&sb, detail);
	if (applied && start < end)
		supersede_contained(a, start, end);
	if (applied && article_overlaps_applied(a, start, end)) {
		applied = 0;
		sb_adds(&sb, sb.len ? "; " : "");
		sb_adds(&sb, "not applied: overlaps an earlier repair");
	}
	GROW(a->findings, a->cap, a->nfindings + 1);
	f = &a->findings[a->nfindings];
	f->kind = kind;
	f->start = start;
	f->end = end;
	f->replacement = xmemdup(repl ? repl : "", repl ? repl_len : 0);
	f->repl_len = repl ? repl_len : 0;
	f->applied = applied;
	f->confidence = confidence;
	f->detail = sb.len ? sb_detach(&sb, NULL) : NULL;
	f->seq = a->nfindings;
	sb_release(&sb);
	a->nfindings++;
	if (applied)
		index_put(a, f, 1);
	return f;
}

static int cmp_finding(const void *pa, const void *pb)
{
	const struct finding *x = pa, *y = pb;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->end != y->end)
		return x->end < y->end ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void article_sort_findings(struct article *a)
{
	if (a->nfindings < 2)
		return;
	xqsort(a->findings, a->nfindings, sizeof(*a->findings), cmp_finding);
}
