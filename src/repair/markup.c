/*
 * markup.c - HTML tags removed from the text, with the evidence that the
 * article holds markup. See markup.h for the policy.
 *
 * One pass parses every "<" of the view into a tag or nothing; a second
 * reports the tags, applied when one of them is evidence of markup.
 */
#include "repair/markup.h"

#include <stdlib.h>
#include <string.h>

#include "common/strmap.h"
#include "common/utf8.h"
#include "common/util.h"

#define NAME_MAX_LEN 16

enum { INLINE = 1, BLOCK = 2 };

struct markup {
	struct strmap names; /* lower-case name -> INLINE or BLOCK */
};

struct tag {
	size_t start, end;     /* view span, "<" to ">" */
	size_t name, name_end; /* the element's name */
	int block, closing;
};

static int add_row(const char *s, size_t len, size_t lineno, void *ud)
{
	const char *tab = memchr(s, '\t', len);
	size_t n = tab ? (size_t)(tab - s) : 0, rest = len - n - 1;
	int kind;

	if (!tab || n == 0 || n > NAME_MAX_LEN)
		return (int)lineno;
	kind = rest == 6 && !memcmp(tab + 1, "inline", 6)  ? INLINE
	       : rest == 5 && !memcmp(tab + 1, "block", 5) ? BLOCK
							   : 0;
	if (!kind)
		return (int)lineno;
	*strmap_put(&((struct markup *)ud)->names, s, n) = kind;
	return 0;
}

struct markup *markup_load(const char *path)
{
	struct markup *m = xcalloc(1, sizeof(*m));

	strmap_init(&m->names);
	if (read_data_table(path, add_row, m, "NAME<TAB>inline|block") < 0) {
		markup_free(m);
		return NULL;
	}
	return m;
}

void markup_free(struct markup *m)
{
	if (!m)
		return;
	strmap_release(&m->names);
	free(m);
}

static int ascii_alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9');
}

/* The element kind of name t[a, b) (any case), or 0. */
static int element(const struct markup *m, const char *t, size_t a, size_t b)
{
	char low[NAME_MAX_LEN];
	const int64_t *k;

	if (b - a > NAME_MAX_LEN)
		return 0;
	for (size_t i = a; i < b; i++)
		low[i - a] =
		    (char)(t[i] >= 'A' && t[i] <= 'Z' ? t[i] + 32 : t[i]);
	k = strmap_find(&m->names, low, b - a);
	return k ? (int)*k : 0;
}

/* The tag at t[i] == '<' (rules in markup.h): 0 and *g filled, or -1. */
static int tag_at(const struct markup *m, const char *t, size_t len, size_t i,
		  struct tag *g)
{
	size_t k = i + 1, a,
	       max = len - i < MARKUP_TAG_MAX ? len : i + MARKUP_TAG_MAX;
	int closing, kind, attrs = 0; /* attributes make no evidence alone */
	char quote = 0;

	closing = k < len && t[k] == '/';
	k += (size_t)closing;
	a = k;
	while (k < max && ascii_alnum(t[k]))
		k++;
	g->name_end = k;
	if (k == a || k >= max || !(kind = element(m, t, a, k)) ||
	    !(t[k] == '>' || t[k] == '/' || t[k] == ' ' || t[k] == '\t'))
		return -1;
	for (; k < max; k++) {
		if (t[k] == '\n' || (t[k] == '<' && !quote))
			return -1;
		if (quote) {
			quote = t[k] == quote ? 0 : quote;
			continue;
		}
		if (t[k] == '"' || t[k] == '\'')
			quote = t[k];
		else if (t[k] == '>')
			break;
		else if (t[k] != ' ' && t[k] != '\t' && t[k] != '/')
			attrs = 1;
	}
	if (k >= max || (closing && attrs))
		return -1;
	g->start = i;
	g->end = k + 1;
	g->name = a;
	g->block = kind == BLOCK;
	g->closing = closing;
	return 0;
}

static int visible_before(const char *t, size_t i);
static int visible_after(const char *t, size_t len, size_t i);

static int same_element(const char *t, const struct tag *x, const struct tag *y)
{
	size_t n = x->name_end - x->name;

	if (n != y->name_end - y->name)
		return 0;
	for (size_t i = 0; i < n; i++)
		if ((t[x->name + i] | 0x20) != (t[y->name + i] | 0x20))
			return 0;
	return 1;
}

/* Markup no sentence names on purpose: a tag glued to visible text on
 * both sides ("fin.<br/>Début"), or an element that opens right before
 * its text and closes right after it ("<b>gras</b>", not "les balises
 * <b> et </b>"). */
static int evidence_of_markup(const char *t, size_t len, const struct tag *g,
			      size_t n)
{
	for (size_t k = 0; k < n; k++) {
		if (visible_before(t, g[k].start) &&
		    visible_after(t, len, g[k].end) &&
		    t[g[k].start - 1] != '>' && t[g[k].end] != '<')
			return 1;
		if (g[k].closing || g[k].end >= len ||
		    uc_is_space((unsigned char)t[g[k].end]))
			continue;
		for (size_t j = k + 1; j < n; j++)
			if (g[j].closing && same_element(t, &g[k], &g[j]))
				if (!uc_is_space(
					(unsigned char)t[g[j].start - 1]))
					return 1;
	}
	return 0;
}

static int visible_before(const char *t, size_t i)
{
	return i > 0 && !uc_is_space(utf8_prev(t, &i));
}

static int visible_after(const char *t, size_t len, size_t i)
{
	return i < len && !uc_is_space(utf8_next(t, &i, len));
}

void markup_remove(const struct markup *m, struct article *a,
		   const struct view *v)
{
	const char *t = v->text;
	const char *p = memchr(t, '<', v->len);
	struct tag *tags = NULL;
	size_t n = 0, cap = 0;
	int evidence = 0;

	while (p) {
		size_t i = (size_t)(p - t);
		struct tag g;

		if (tag_at(m, t, v->len, i, &g) == 0) {
			grow_array((void **)&tags, &cap, n + 1, sizeof(*tags));
			tags[n++] = g;
			i = g.end - 1;
		}
		p = i + 1 < v->len ? memchr(t + i + 1, '<', v->len - i - 1)
				   : NULL;
	}
	evidence = evidence_of_markup(t, v->len, tags, n);
	for (size_t k = 0; k < n; k++) {
		const struct tag *g = &tags[k];
		/* A block tag between two visible characters, or between one
		 * and the next tag, keeps the words apart. */
		int space = g->block && visible_before(t, g->start) &&
			    visible_after(t, v->len, g->end) &&
			    !(k + 1 < n && tags[k + 1].start == g->end);

		/* Between two spaces, the tag takes one of them along. */
		size_t end =
		    g->end + (g->start > 0 && t[g->start - 1] == ' ' &&
			      g->end < v->len && t[g->end] == ' ' &&
			      !(k + 1 < n && tags[k + 1].start == g->end + 1));

		view_report(v, a, FK_RESIDUE, g->start, end, " ", space ? 1 : 0,
			    evidence,
			    evidence ? MARKUP_CONFIDENCE : MARKUP_UNSURE,
			    evidence ? "HTML tag"
				     : "HTML tag; not removed: no other "
				       "markup in the text, it may be named "
				       "on purpose");
	}
	free(tags);
}
