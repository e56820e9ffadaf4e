/*
 * typography.c - the French typography profile, one line at a time: each
 * rule of typography.h looks at one character and its neighbours on the
 * line and adds a candidate edit; repair.h resolves overlaps and reports.
 */
#include "repair/typography.h"

#include <string.h>

#include "common/utf8.h"
#include "common/util.h"
#include "repair/repair.h"

#define NBSP  "\xC2\xA0"     /* U+00A0 NO-BREAK SPACE */
#define NNBSP "\xE2\x80\xAF" /* U+202F NARROW NO-BREAK SPACE */

struct tscan {
	const char *t;
	size_t ls, le; /* the current line, newline excluded */
	const struct repair_guard *guard;
	struct repair_list *edits;
	struct repair_quotes quotes; /* the line's guillemets, paired */
	int straight_ok;	     /* straight quotes on this line pair up */
	int curly_ok;		     /* “ ” on this line pair up */
	size_t qseen; /* straight quotes met so far on the line */
};

static int32_t cp_at(const struct tscan *s, size_t i, size_t *next)
{
	size_t j = i;
	int32_t c;

	c = i < s->le ? utf8_next(s->t, &j, s->le) : -1;
	if (next)
		*next = j;
	return c;
}

static int32_t cp_before(const struct tscan *s, size_t i)
{
	size_t j = i;

	return i <= s->ls ? -1 : utf8_prev(s->t, &j);
}

static int is_alnum(int32_t c)
{
	return c > 0 && (uc_is_alpha(c) || uc_is_digit(c));
}

static size_t skip_fwd(const struct tscan *s, size_t i)
{
	size_t next;

	while (repair_is_hspace(cp_at(s, i, &next)))
		i = next;
	return i;
}

static size_t skip_back(const struct tscan *s, size_t i)
{
	while (i > s->ls) {
		size_t j = i;
		if (!repair_is_hspace(utf8_prev(s->t, &j)))
			break;
		i = j;
	}
	return i;
}

static int has_nobreak(const struct tscan *s, size_t from, size_t to)
{
	size_t i = from;

	while (i < to)
		if (repair_is_nobreak(utf8_next(s->t, &i, to)))
			return 1;
	return 0;
}

static int is_closing(int32_t c)
{
	return c == 0xBB || c == 0x201D || c == '"' || c == ')' || c == ']';
}

static void add(struct tscan *s, size_t start, size_t end, const char *repl,
		double conf, const char *detail)
{
	if (!repair_guarded(s->guard, start, end))
		repair_add(s->edits, start, end, repl, strlen(repl), conf,
			   detail);
}

/* Does closing punctuation follow at e ("«)" in broken text)? Then the
 * « opens nothing: no space is added (the spacing stage would remove it
 * again before the ")", and each run would undo the other). */
static int quote_closes_at(const struct tscan *s, size_t e)
{
	size_t i = e;
	int32_t c = utf8_next(s->t, &i, s->le);

	return c == ')' || c == ']' || c == '}' || c == 0xBB || c == ',' ||
	       c == '.';
}

/* The opening guillemet at [i, next): its inner space after it, and the
 * sign itself when the text typed » ("»oui» dit-il"). */
static void opening_guillemet(struct tscan *s, size_t i, size_t next, int32_t c)
{
	size_t e = skip_fwd(s, next);

	if (e == s->le || quote_closes_at(s, e))
		return;
	if (c == 0xBB)
		add(s, i, e, "\xC2\xAB" NBSP, 0.85, "opening quote written »");
	else if (e == next)
		add(s, next, next, NBSP, 0.9, "no-break space after «");
	else if (!has_nobreak(s, next, e))
		add(s, next, e, NBSP, 0.9, "no-break space after «");
}

/* The closing guillemet at [i, next): its inner space before it, and the
 * sign itself when the text typed « ("« Le grand homme« !"). */
static void closing_guillemet(struct tscan *s, size_t i, size_t next, int32_t c)
{
	size_t b = skip_back(s, i);

	if (b == s->ls)
		return;
	if (c == 0xAB)
		add(s, b, next, NBSP "\xC2\xBB", 0.85,
		    "closing quote written «");
	else if (b == i)
		add(s, i, i, NBSP, 0.9, "no-break space before »");
	else if (!has_nobreak(s, b, i))
		add(s, b, i, NBSP, 0.9, "no-break space before »");
}

/* « or »: which one opens and which closes is read by pairing the
 * line's guillemets (repair_quotes_line), not from the sign. */
static void guillemet(struct tscan *s, size_t i, size_t next, int32_t c)
{
	if (repair_german_quote(s->t, s->ls, s->le, i))
		return; /* German »quotes« */
	if (repair_quotes_closes(&s->quotes, i))
		closing_guillemet(s, i, next, c);
	else
		opening_guillemet(s, i, next, c);
}

/* A straight or English quote that pairs up: opening or closing « ». */
static void quote(struct tscan *s, size_t i, size_t next, int opening)
{
	if (opening)
		add(s, i, skip_fwd(s, next), "\xC2\xAB" NBSP, 0.85,
		    "French quotation marks");
	else
		add(s, skip_back(s, i), next, NBSP "\xC2\xBB", 0.85,
		    "French quotation marks");
}

/* The space before ; ! ? (narrow) and : (full width). */
static void high_punct(struct tscan *s, size_t i, size_t next, int32_t c)
{
	int32_t n = cp_at(s, next, NULL), p;
	size_t b = skip_back(s, i);
	const char *space = c == ':' ? NBSP : NNBSP;
	int ends = n < 0 || repair_is_hspace(n);

	if (c == ':')
		ends = ends || n == 0xAB || n == '"' || n == 0x201C;
	else
		ends = ends || is_closing(n) || n == '!' || n == '?';
	p = cp_before(s, b);
	if (!ends || p < 0 || p == '(' || p == '[' ||
	    (p > 0 && p < 128 && strchr("?!;:", (int)p)))
		return;
	if (b == i && (is_alnum(p) || is_closing(p)))
		add(s, i, i, space, 0.9,
		    c == ':' ? "no-break space before :"
			     : "narrow no-break space before ; ! ?");
	else if (b < i && !has_nobreak(s, b, i))
		add(s, b, i, space, 0.9,
		    c == ':' ? "no-break space before :"
			     : "narrow no-break space before ; ! ?");
}

/* Three dots and only three: "…". Returns the bytes consumed. */
static size_t ellipsis(struct tscan *s, size_t i)
{
	size_t n = 0;

	while (i + n < s->le && s->t[i + n] == '.')
		n++;
	if (n == 3 && (i == s->ls || s->t[i - 1] != '.'))
		add(s, i, i + 3, "\xE2\x80\xA6", 0.9, "ellipsis");
	return n;
}

static void scan_char(struct tscan *s, size_t i, size_t next, int32_t c)
{
	if (c == '\'' && uc_is_alpha(cp_before(s, i)) &&
	    uc_is_alpha(cp_at(s, next, NULL)))
		add(s, i, next, "\xE2\x80\x99", 0.95, "typographic apostrophe");
	else if (c == 0xAB || c == 0xBB)
		guillemet(s, i, next, c);
	else if (c == '"' && s->straight_ok && !s->guard->mask[i])
		quote(s, i, next, s->qseen++ % 2 == 0);
	else if ((c == 0x201C || c == 0x201D) && s->curly_ok)
		quote(s, i, next, c == 0x201C);
	else if (c == ';' || c == '!' || c == '?' || c == ':')
		high_punct(s, i, next, c);
}

/* Is the quote at [i, next) where a quotation can open (nothing glued
 * before it) or close (nothing glued after it)? */
static int quote_fits(const struct tscan *s, size_t i, size_t next, int opening)
{
	return !is_alnum(opening ? cp_before(s, i) : cp_at(s, next, NULL));
}

/* Do the quotes of the line pair up, each where its role allows, and is
 * the line free of « »? */
static void check_quotes(struct tscan *s)
{
	size_t i = s->ls, straight = 0, depth = 0;
	int guillemets = 0, curly = 1, fits = 1;

	while (i < s->le) {
		size_t at = i;
		int32_t c = utf8_next(s->t, &i, s->le);
		if (c == 0xAB || c == 0xBB) {
			guillemets = 1;
		} else if (c == '"' && !s->guard->mask[at]) {
			fits = fits && quote_fits(s, at, i, straight % 2 == 0);
			straight++;
		} else if (c == 0x201C) {
			curly =
			    curly && depth++ == 0 && quote_fits(s, at, i, 1);
		} else if (c == 0x201D) {
			curly =
			    curly && depth-- == 1 && quote_fits(s, at, i, 0);
		}
	}
	s->straight_ok = !guillemets && fits && straight % 2 == 0;
	s->curly_ok = !guillemets && curly && depth == 0;
	s->qseen = 0;
}

static void scan_line(struct tscan *s)
{
	size_t i = s->ls, next;

	check_quotes(s);
	while (i < s->le) {
		int32_t c = cp_at(s, i, &next);

		if (c == '.') {
			i += ellipsis(s, i);
			continue;
		}
		scan_char(s, i, next, c);
		i = next;
	}
}

static void scan_line_at(void *ctx, size_t ls, size_t le)
{
	struct tscan *s = ctx;

	s->ls = ls;
	s->le = le;
	repair_quotes_line(&s->quotes, s->t, ls, le);
	scan_line(s);
}

void typography_fr(struct article *a, const struct view *v,
		   const struct tokens *ts)
{
	struct repair_guard guard;
	struct repair_list edits;
	struct tscan s;

	repair_guard_build(&guard, v->text, v->len, ts);
	repair_list_init(&edits);
	memset(&s, 0, sizeof(s));
	s.t = v->text;
	s.guard = &guard;
	s.edits = &edits;
	repair_quotes_init(&s.quotes);
	repair_each_line(v->text, v->len, scan_line_at, &s);
	repair_quotes_release(&s.quotes);
	repair_report(&edits, v, a, FK_TYPOGRAPHY, TYPOGRAPHY_APPLY_MIN);
	repair_list_release(&edits);
	repair_guard_release(&guard);
}
