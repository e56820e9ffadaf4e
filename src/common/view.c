/*
 * view.c - replay applied findings into a view and map offsets back.
 *
 * Each applied finding becomes a segment: original span [ostart, oend)
 * replaced by view span [vstart, vend). Segments are in order and disjoint
 * in both coordinate systems, so a binary search on vstart finds the segment
 * governing any view offset; outside segments the two texts differ only by a
 * constant shift.
 */
#include "common/view.h"

#include <stdlib.h>
#include <string.h>

#include "common/util.h"

struct view_seg {
	size_t ostart, oend;
	size_t vstart, vend;
};

void view_build(struct view *v, struct article *a)
{
	struct strbuf sb;
	size_t pos = 0;

	memset(v, 0, sizeof(*v));
	article_sort_findings(a);
	sb_init(&sb);
	for (size_t i = 0; i < a->nfindings; i++) {
		const struct finding *f = &a->findings[i];
		struct view_seg *s;

		if (!f->applied)
			continue;
		sb_add(&sb, a->text + pos, f->start - pos);
		GROW(v->segs, v->cap, v->nsegs + 1);
		s = &v->segs[v->nsegs++];
		s->ostart = f->start;
		s->oend = f->end;
		s->vstart = sb.len;
		sb_add(&sb, f->replacement, f->repl_len);
		s->vend = sb.len;
		pos = f->end;
	}
	sb_add(&sb, a->text + pos, a->len - pos);
	v->text = sb_detach(&sb, &v->len);
	sb_release(&sb);
}

void view_release(struct view *v)
{
	if (!v)
		return;
	free(v->text);
	free(v->segs);
	memset(v, 0, sizeof(*v));
}

/* Index of the last segment whose vstart is <= pos (or < pos when strict),
 * or -1. */
static long last_seg_before(const struct view *v, size_t pos, int strict)
{
	size_t lo = 0, hi = v->nsegs;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int before = strict ? v->segs[mid].vstart < pos
				    : v->segs[mid].vstart <= pos;
		if (before)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (long)lo - 1;
}

size_t view_orig_start(const struct view *v, size_t pos)
{
	long i = last_seg_before(v, pos, 0);
	const struct view_seg *s;

	if (i < 0)
		return pos;
	s = &v->segs[i];
	if (pos < s->vend)
		return s->ostart;
	return s->oend + (pos - s->vend);
}

size_t view_orig_end(const struct view *v, size_t pos)
{
	long i = last_seg_before(v, pos, 1);
	const struct view_seg *s;

	if (i < 0)
		return pos;
	s = &v->segs[i];
	if (pos <= s->vend)
		return s->oend;
	return s->oend + (pos - s->vend);
}

/* The segment whose replacement holds view offset pos strictly inside
 * (vstart < pos < vend), or NULL. */
static const struct view_seg *seg_around(const struct view *v, size_t pos)
{
	long i = last_seg_before(v, pos, 1);

	return i >= 0 && pos < v->segs[i].vend ? &v->segs[i] : NULL;
}

struct finding *view_report(const struct view *v, struct article *a,
			    enum finding_kind kind, size_t vstart, size_t vend,
			    const char *repl, size_t repl_len, int applied,
			    double confidence, const char *detail)
{
	const struct view_seg *l = seg_around(v, vstart);
	const struct view_seg *r = seg_around(v, vend);
	size_t os = view_orig_start(v, vstart);
	size_t oe = view_orig_end(v, vend);
	struct finding *f;
	struct strbuf sb;

	if (oe < os) /* an empty view span inside a deletion */
		oe = os;
	if (!applied || (!l && !r))
		return article_add(a, kind, os, oe, repl, repl_len, applied,
				   confidence, detail);
	/* An edge falls inside an earlier replacement, so the original span
	 * takes that whole replacement in: the replacement is widened by the
	 * rest of it, and the earlier repair is superseded without losing
	 * its text ("«É" from mojibake, then a no-break space after "«"). */
	sb_init(&sb);
	if (l)
		sb_add(&sb, v->text + l->vstart, vstart - l->vstart);
	sb_add(&sb, repl, repl_len);
	if (r)
		sb_add(&sb, v->text + vend, r->vend - vend);
	f = article_add(a, kind, os, oe, sb.buf ? sb.buf : "", sb.len, applied,
			confidence, detail);
	sb_release(&sb);
	return f;
}

char *article_clean_text(struct article *a, size_t *len)
{
	struct view v;
	char *text;

	view_build(&v, a);
	text = v.text;
	*len = v.len;
	v.text = NULL;
	view_release(&v);
	return text;
}
