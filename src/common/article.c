/*
 * article.c - the article and its findings (see article.h for the model).
 */
#include "common/article.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/spanset.h"
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
 * Two private indexes, so that no call costs O(findings) (a hostile text
 * can give hundreds of thousands of findings):
 *
 * - The applied findings, in two ordered sets (spanset.h): the non-empty
 *   spans and the insertion points. Applied spans never overlap one
 *   another, so that sorted by start their ends are sorted too: the last
 *   span starting before an offset is the only one that can cover it, and
 *   the applied spans a span overlaps are consecutive. Entries name their
 *   finding by position in a->findings, so that sorting or compacting the
 *   array makes the index stale: it is rebuilt at its next use.
 *
 * - Pending drops (article_drop_reports): the unapplied findings hashed by
 *   (kind, start, end), built at the first drop. A dropped finding is
 *   freed and marked dead at once, and leaves the array when it is
 *   compacted (article_compact), so that a drop per name costs O(1) and
 *   not a pass over the array. The live findings are a->nfindings less
 *   the dead ones.
 */
/* A chain holds findings linked while unapplied; those dropped or applied
 * since are unlinked by the next walk through them. */
struct drops {
	size_t *head;	     /* per bucket: first position + 1, or 0 */
	size_t nbuckets;     /* a power of two */
	size_t *next;	     /* per finding: next position + 1 in its chain */
	unsigned char *flag; /* per finding: DROP_LINKED, DROP_DEAD */
	size_t cap;	     /* of next and flag */
	size_t nlinked, ndead;
};

enum { DROP_LINKED = 1, DROP_DEAD = 2 };

struct article_index {
	struct spanset spans;	   /* applied non-empty findings */
	struct spanset points;	   /* applied insertions */
	int stale;		   /* rebuild from a->findings before use */
	struct drops *drops;	   /* NULL when no drop index is built */
	struct spanset_entry *tmp; /* scratch of supersede_contained() */
	size_t tmpcap;
};

static struct spanset *set_of(struct article_index *x, const struct finding *f)
{
	return f->start == f->end ? &x->points : &x->spans;
}

/* Record that the finding at position i is applied (on) or no longer (off). */
static void index_put(struct article_index *x, const struct finding *f,
		      size_t i, int on)
{
	if (x->stale)
		return; /* rebuilt from the findings at its next use */
	if (on)
		spanset_insert(set_of(x, f), f->start, f->end, i);
	else
		spanset_remove(set_of(x, f), f->start, i);
}

/* The index of a, rebuilt when stale. The array a->findings is not
 * changed (a const article can be queried). */
static struct article_index *index_get(const struct article *a)
{
	struct article_index *x = a->index;

	if (!x->stale)
		return x;
	spanset_clear(&x->spans);
	spanset_clear(&x->points);
	x->stale = 0;
	for (size_t i = 0; i < a->nfindings; i++)
		if (a->findings[i].applied)
			index_put(x, &a->findings[i], i, 1);
	return x;
}

/* The index of a, made (empty, then built from the findings) when a has
 * none: an article read back by article_unpack(). */
static struct article_index *index_ensure(struct article *a)
{
	if (!a->index) {
		a->index = xcalloc(1, sizeof(*a->index));
		spanset_init(&a->index->spans);
		spanset_init(&a->index->points);
		a->index->stale = 1;
	}
	return index_get(a);
}

static uint64_t drop_hash(enum finding_kind kind, size_t start, size_t end)
{
	uint64_t h = (uint64_t)start * 0x9E3779B97F4A7C15ULL;

	h ^= ((uint64_t)end + ((uint64_t)kind << 56)) * 0xC2B2AE3D27D4EB4FULL;
	return h ^ (h >> 29);
}

static size_t *drop_bucket(struct drops *d, const struct finding *f)
{
	return &d->head[drop_hash(f->kind, f->start, f->end) &
			(d->nbuckets - 1)];
}

/* Put the finding at position i in its chain (once). */
static void drop_link(struct drops *d, const struct finding *f, size_t i)
{
	size_t *head;

	if (d->flag[i] & (DROP_LINKED | DROP_DEAD))
		return;
	head = drop_bucket(d, f);
	d->next[i] = *head;
	*head = i + 1;
	d->flag[i] |= DROP_LINKED;
	d->nlinked++;
}

/* Chains of the unapplied findings of a in nbuckets buckets (again). */
static void drop_rehash(struct drops *d, const struct article *a,
			size_t nbuckets)
{
	free(d->head);
	d->nbuckets = nbuckets;
	d->head = xcalloc(nbuckets, sizeof(*d->head));
	d->nlinked = 0;
	for (size_t i = 0; i < a->nfindings; i++) {
		d->flag[i] &= (unsigned char)~DROP_LINKED;
		if (!a->findings[i].applied)
			drop_link(d, &a->findings[i], i);
	}
}

/* Room in d for a->cap findings. */
static void drop_reserve(struct drops *d, const struct article *a)
{
	size_t cap = d->cap;

	if (cap >= a->cap)
		return;
	GROW(d->next, cap, a->cap);
	d->flag = xrealloc(d->flag, cap);
	memset(d->flag + d->cap, 0, cap - d->cap);
	d->cap = cap;
}

static struct drops *drops_get(struct article *a)
{
	struct drops *d = a->index->drops;
	size_t nb = 16;

	if (d)
		return d;
	d = a->index->drops = xcalloc(1, sizeof(*d));
	drop_reserve(d, a);
	while (nb < a->nfindings)
		nb *= 2;
	drop_rehash(d, a, nb);
	return d;
}

/* The finding at position i was added, or has become unapplied. */
static void drop_track(struct article *a, size_t i)
{
	struct drops *d = a->index->drops;

	if (!d)
		return;
	drop_reserve(d, a);
	if (a->findings[i].applied)
		return;
	drop_link(d, &a->findings[i], i);
	if (d->nlinked > d->nbuckets)
		drop_rehash(d, a, d->nbuckets * 2);
}

static void drops_free(struct article_index *x)
{
	if (x->drops) {
		free(x->drops->head);
		free(x->drops->next);
		free(x->drops->flag);
		free(x->drops);
		x->drops = NULL;
	}
}

static size_t dead_count(const struct article *a)
{
	return a->index && a->index->drops ? a->index->drops->ndead : 0;
}

static void index_free(struct article *a)
{
	struct article_index *x = a->index;

	if (x) {
		spanset_release(&x->spans);
		spanset_release(&x->points);
		drops_free(x);
		free(x->tmp);
		free(x);
	}
	a->index = NULL;
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
	index_ensure(a);
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
	if (a->index)
		a->index->stale = 1; /* made again for the new text */
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
 * non-empty span shares a byte with an applied span (the last one that
 * starts before its end is the one that reaches furthest) or holds an
 * applied insertion strictly inside; an insertion lies strictly inside an
 * applied span. */
int article_overlaps_applied(const struct article *a, size_t start, size_t end)
{
	const struct article_index *x;
	const struct spanset_entry *e;

	if (start > a->len || start > end)
		return 0;
	if (start < end && end > a->len) {
		end = a->len; /* a span past the text is cut, never emptied */
		if (start == end)
			return 0;
	}
	if (!a->index) { /* an unpacked article: no index to build */
		for (size_t i = 0; i < a->nfindings; i++) {
			const struct finding *f = &a->findings[i];
			if (f->applied &&
			    spans_overlap(f->start, f->end, start, end))
				return 1;
		}
		return 0;
	}
	x = index_get(a);
	if (start == end) {
		e = spanset_before(&x->spans, start);
		return e && e->end > start;
	}
	e = spanset_before(&x->spans, end);
	if (e && e->end > start)
		return 1;
	e = spanset_from(&x->points, start + 1);
	return e && e->start < end;
}

void article_set_applied(struct article *a, struct finding *f, int applied)
{
	size_t i = ((uintptr_t)f - (uintptr_t)a->findings) / sizeof(*f);

	if (f->applied == applied)
		return;
	if (i >= a->nfindings || (uintptr_t)f < (uintptr_t)a->findings)
		ARTICLE_BUG(a, "finding %p is not one of its %zu findings",
			    (void *)f, a->nfindings);
	if (dead_count(a) && (a->index->drops->flag[i] & DROP_DEAD))
		ARTICLE_BUG(a, "finding %zu [%zu, %zu) was dropped", i,
			    f->start, f->end);
	index_ensure(a);
	f->applied = applied;
	index_put(a->index, f, i, applied);
	if (!applied)
		drop_track(a, i);
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

/* Turn the applied finding of entry e into a report. */
static void supersede(struct article *a, const struct spanset_entry *e)
{
	struct finding *f = &a->findings[e->id];

	f->applied = 0;
	index_put(a->index, f, e->id, 0);
	drop_track(a, e->id);
	append_detail(f, "not applied: inside a later repair");
}

/*
 * A deletion or replacement that wholly contains earlier applied repairs
 * makes them moot: it was computed on a view with those repairs replayed
 * (a name respelled after its mojibake was repaired), so its replacement
 * already holds their effect. They are turned into reports so that it can
 * be applied. Only when every overlapping applied finding is contained
 * (else nothing changes and it is refused as an overlap): the applied
 * spans it overlaps are consecutive, so only the first (starting before
 * start) and the last (ending after end) can stick out, and an applied
 * insertion overlaps only strictly inside, contained. Insertions at start
 * or end stay applied. Returns 1 when [start, end) overlaps no applied
 * finding now, 0 when it is refused.
 */
static int supersede_contained(struct article *a, size_t start, size_t end)
{
	struct article_index *x = index_get(a);
	const struct spanset_entry *e;
	size_t n = 0;

	if (!article_overlaps_applied(a, start, end))
		return 1; /* nothing to supersede: the common case */
	e = spanset_before(&x->spans, start);
	if (e && e->end > start)
		return 0;
	e = spanset_before(&x->spans, end);
	if (e && e->end > end)
		return 0;
	spanset_range(&x->spans, start, end, &x->tmp, &n, &x->tmpcap);
	spanset_range(&x->points, start + 1, end, &x->tmp, &n, &x->tmpcap);
	for (size_t i = 0; i < n; i++)
		supersede(a, &x->tmp[i]);
	return 1;
}

size_t article_drop_reports(struct article *a, enum finding_kind kind,
			    size_t start, size_t end)
{
	struct drops *d;
	size_t *link, removed = 0;

	index_ensure(a);
	d = drops_get(a);
	link = &d->head[drop_hash(kind, start, end) & (d->nbuckets - 1)];
	while (*link) {
		size_t i = *link - 1;
		struct finding *f = &a->findings[i];
		int match = f->kind == kind && f->start == start &&
			    f->end == end && !f->applied;

		if (!match && !f->applied) {
			link = &d->next[i];
			continue;
		}
		/* Dropped, or applied since it was linked: out of the chain
		 * (drop_track links it again if it is unapplied). */
		*link = d->next[i];
		d->flag[i] &= (unsigned char)~DROP_LINKED;
		d->nlinked--;
		if (!match)
			continue;
		free(f->replacement);
		free(f->detail);
		f->replacement = f->detail = NULL;
		d->flag[i] |= DROP_DEAD;
		d->ndead++;
		a->counts[kind]--;
		removed++;
	}
	return removed;
}

void article_compact(struct article *a)
{
	struct drops *d = a->index ? a->index->drops : NULL;
	size_t kept = 0;

	if (!d || !d->ndead)
		return;
	for (size_t i = 0; i < a->nfindings; i++)
		if (!(d->flag[i] & DROP_DEAD))
			a->findings[kept++] = a->findings[i];
	a->nfindings = kept;
	drops_free(a->index);
	a->index->stale = 1; /* positions moved */
}

/* a->findings changed order or lost findings: the indexes name positions. */
static void positions_moved(struct article *a)
{
	if (a->index) {
		drops_free(a->index);
		a->index->stale = 1;
	}
}

size_t article_drop_shadowed_notes(struct article *a)
{
	size_t kept = 0, n;

	article_compact(a);
	/* Built before the loop moves findings: the questions read the
	 * index only, which names applied findings, never removed here. */
	index_ensure(a);
	n = a->nfindings;
	for (size_t i = 0; i < n; i++) {
		struct finding *f = &a->findings[i];

		if (!f->applied && finding_kind_is_note(f->kind) &&
		    article_overlaps_applied(a, f->start, f->end)) {
			free(f->replacement);
			free(f->detail);
			a->counts[f->kind]--;
			continue;
		}
		a->findings[kept++] = *f;
	}
	a->nfindings = kept;
	if (kept < n)
		positions_moved(a);
	return n - kept;
}

struct finding *article_add(struct article *a, enum finding_kind kind,
			    size_t start, size_t end, const char *repl,
			    size_t repl_len, int applied, double confidence,
			    const char *detail)
{
	size_t live = a->nfindings - dead_count(a);
	struct finding *f;
	struct strbuf sb;

	a->counts[kind]++;
	if (a->max_findings && live >= a->max_findings) {
		a->dropped++;
		return NULL;
	}
	if (start > end || end > a->len)
		ARTICLE_BUG(a,
			    "finding [%zu, %zu) outside the text (%zu bytes)",
			    start, end, a->len);
	index_ensure(a);
	sb_init(&sb);
	if (detail)
		sb_adds(&sb, detail);
	if (applied &&
	    (start < end ? !supersede_contained(a, start, end)
			 : article_overlaps_applied(a, start, end))) {
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
	f->seq = live;
	sb_release(&sb);
	a->nfindings++;
	if (applied)
		index_put(a->index, f, a->nfindings - 1, 1);
	drop_track(a, a->nfindings - 1);
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
	article_compact(a);
	if (a->nfindings < 2)
		return;
	xqsort(a->findings, a->nfindings, sizeof(*a->findings), cmp_finding);
	positions_moved(a);
}

void article_bug_fl(const char *file, int line, const struct article *a,
		    const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	bug_fl(file, line, "article '%s': %s", a->id ? a->id : "", msg);
}
