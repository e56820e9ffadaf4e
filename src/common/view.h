/*
 * view.h - the repaired view of an article and its offset map.
 *
 * Stages that must see repaired text (a spell checker should not see the
 * mojibake that an earlier stage already fixed) work on a view: the original
 * text with every applied finding replayed, plus a map from view offsets back
 * to original offsets. This is the only module that replays findings; the
 * cleaned output is the view built after the last stage.
 *
 * Mapping rule: a view offset inside unchanged text maps to the same byte of
 * the original. A view offset inside (or at the edge of) a replacement maps
 * to the start of the replaced original span for a span start and to its end
 * for a span end, so a finding reported on the view never splits an earlier
 * repair.
 */
#ifndef RELIRE_VIEW_H
#define RELIRE_VIEW_H

#include <stddef.h>

#include "common/article.h"

struct view_seg; /* one replayed edit, private to view.c */

struct view {
	char *text; /* owned, NUL-terminated */
	size_t len;
	struct view_seg *segs; /* applied edits in order */
	size_t nsegs, cap;
};

/* Build the view of a (sorting its findings first). Release with
 * view_release. Never fails (allocation failure aborts). */
void view_build(struct view *v, struct article *a);
void view_release(struct view *v);

/* Original offset of view offset pos taken as a span start / span end. */
size_t view_orig_start(const struct view *v, size_t pos);
size_t view_orig_end(const struct view *v, size_t pos);

/*
 * Report a finding found on the view at [vstart, vend) with a replacement
 * for that view span. The span is mapped to original offsets (mapping rule
 * above). When it is applied and an edge falls inside an earlier
 * replacement, the replacement is widened by the rest of that earlier
 * replacement, so that the whole earlier repair is contained and
 * superseded (article_add) and the cleaned text is exactly the view with
 * this edit. Returns article_add()'s result.
 */
struct finding *view_report(const struct view *v, struct article *a,
			    enum finding_kind kind, size_t vstart, size_t vend,
			    const char *repl, size_t repl_len, int applied,
			    double confidence, const char *detail);

/* Apply the applied findings of a to its text: the cleaned text. Returns a
 * malloc'd NUL-terminated string the caller frees; its length in *len. */
char *article_clean_text(struct article *a, size_t *len);

#endif
