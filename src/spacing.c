/*
 * spacing.c - broken spacing around apostrophes, punctuation, parentheses
 * and quotes, one line at a time. The rules and their confidences are in
 * spacing.h; each candidate goes through repair.h's list so overlapping
 * repairs are resolved in one place.
 */
#include "spacing.h"

#include <string.h>

#include "repair.h"
#include "utf8.h"
#include "util.h"

struct scan {
	const char *t;
	size_t ls, le; /* the current line, newline excluded */
	const struct repair_guard *guard;
	const struct wordlist *elisions;
	struct repair_list *edits;
	int curly_ok;	/* “ and ” alternate on the line, English style */
	size_t nquotes; /* straight double quotes on the line */
	size_t qseen;	/* straight double quotes met so far */
};

static int is_alnum(int32_t c)
{
	return c > 0 && (uc_is_alpha(c) || uc_is_digit(c));
}

/* Code point at i on the current line (and its end in *next), or -1. */
static int32_t cp_at(const struct scan *s, size_t i, size_t *next)
{
	size_t j = i;
	int32_t c;

	c = i < s->le ? utf8_next(s->t, &j, s->le) : -1;
	if (next)
		*next = j;
	return c;
}

/* Code point ending at i on the current line (its start in *start), or -1
 * at the start of the line. */
static int32_t cp_before(const struct scan *s, size_t i, size_t *start)
{
	size_t j = i;
	int32_t c;

	if (i <= s->ls)
		return -1;
	c = utf8_prev(s->t, &j);
	if (start)
		*start = j;
	return c;
}

static size_t skip_hspace(const struct scan *s, size_t i)
{
	size_t next;

	while (repair_is_hspace(cp_at(s, i, &next)))
		i = next;
	return i;
}

static void add(struct scan *s, size_t start, size_t end, const char *repl,
		size_t repl_len, double conf, const char *detail)
{
	if (!repair_guarded(s->guard, start, end))
		repair_add(s->edits, start, end, repl, repl_len, conf, detail);
}

/*
 * The elided word ending at b followed by [spaces] apostrophe [spaces] and a
 * letter, with at least one space: "d ’ intérêts". Before an opening quote
 * only the space before the apostrophe goes: "d ’ « injuste »" becomes
 * "d’ « injuste »". The spaces are deleted and the apostrophe itself left
 * untouched. Returns the offset after the repaired span, or 0 when the
 * pattern is not there.
 */
static size_t spaced_apostrophe(struct scan *s, size_t b)
{
	size_t ws = b, p, ap = skip_hspace(s, b), ae, f;
	int32_t c = cp_at(s, ap, &ae);
	double conf;

	if (!uc_is_apostrophe(c))
		return 0;
	f = skip_hspace(s, ae);
	c = cp_at(s, f, NULL);
	if (c == 0xAB || c == 0x201C || c == '"')
		f = ae; /* "l’ « exclusion »" is good French: keep that space */
	else if (!uc_is_alpha(c))
		return 0;
	if (ap == b && f == ae)
		return 0;
	while ((c = cp_before(s, ws, &p)) > 0 && uc_is_alpha(c))
		ws = p;
	if (ws == b || is_alnum(c) || !s->elisions ||
	    !wordlist_has(s->elisions, s->t + ws, b - ws))
		return 0;
	conf = ap > b && f > ae ? 0.95 : 0.9;
	if (ap > b)
		add(s, b, ap, "", 0, conf,
		    "spaced apostrophe after an elided word");
	if (f > ae)
		add(s, ae, f, "", 0, conf,
		    "spaced apostrophe after an elided word");
	return f;
}

static int is_closing(int32_t c)
{
	return c == 0xBB || c == 0x201D || c == '"' || c == 0x2019 ||
	       c == ')' || c == ']';
}

/* "mot ," / "2021 ." but not " ...", " .5", " .com", " ,5". */
static int space_before_comma_dot(const struct scan *s, int32_t p, size_t re)
{
	size_t after;
	int32_t n = cp_at(s, re, &after), nn;

	if ((n != ',' && n != '.') || !(is_alnum(p) || is_closing(p)))
		return 0;
	nn = cp_at(s, after, NULL);
	if (n == '.')
		return nn != '.' && !is_alnum(nn);
	return !uc_is_digit(nn);
}

static int line_has(const struct scan *s, size_t from, size_t to, char ch)
{
	return from < to && memchr(s->t + from, ch, to - from) != NULL;
}

/* Punctuation that French precedes with a (no-break) space. */
static int is_french_spaced(int32_t c)
{
	return c == ':' || c == ';' || c == '!' || c == '?';
}

/*
 * Two or more spaces: keep one, the first no-break space of the run when it
 * has one, else the first, and delete the others. The kept character is
 * left untouched (not rewritten) so a later stage may still change it.
 */
static void collapse_run(struct scan *s, size_t rs, size_t re)
{
	size_t i = rs, next, nchars = 0, keep = rs, keep_end = rs;
	int nobreak = 0;

	while (i < re) {
		int32_t c = cp_at(s, i, &next);
		if (nchars == 0 || (!nobreak && repair_is_nobreak(c))) {
			keep = i;
			keep_end = next;
			nobreak = repair_is_nobreak(c);
		}
		nchars++;
		i = next;
	}
	if (nchars < 2)
		return;
	if (keep > rs)
		add(s, rs, keep, "", 0, 0.9, "doubled space");
	if (keep_end < re)
		add(s, keep_end, re, "", 0, 0.9, "doubled space");
}

/*
 * Text that is still double-encoded (UTF-8 read as Windows-1252) writes
 * "à" as "Ã" + U+00A0, "«" as "Â«" and "œ" as "Å“": a character of
 * U+00C2..U+00DF followed by one of the 0x80..0xBF range of Windows-1252.
 * Such a pair is one character of the original text, so spacing leaves it
 * whole (the mojibake stage owns it) rather than "repair" half of it.
 */
static int mojibake_lead(int32_t c)
{
	return c >= 0xC2 && c <= 0xDF;
}

/* A run of horizontal white space [rs, re) between two characters. */
static void space_run(struct scan *s, size_t rs, size_t re)
{
	int32_t p = cp_before(s, rs, NULL), n = cp_at(s, re, NULL);

	if (p < 0 || n < 0)
		return; /* leading or trailing white space */
	if (mojibake_lead(p) && cp_at(s, rs, NULL) == 0xA0)
		return;
	if (space_before_comma_dot(s, p, re))
		add(s, rs, re, "", 0, 0.9, "space before a comma or period");
	else if (p == '(' && n != ')' && !is_french_spaced(n) &&
		 line_has(s, re, s->le, ')'))
		add(s, rs, re, "", 0, 0.85, "space inside parentheses");
	else if (n == ')' && p != '(' && line_has(s, s->ls, rs, '('))
		add(s, rs, re, "", 0, 0.85, "space inside parentheses");
	else if (!(uc_is_digit(p) && uc_is_digit(n)))
		collapse_run(s, rs, re);
}

/* Missing space outside a quotation mark at [i, next). */
static void quote_spacing(struct scan *s, size_t i, size_t next, int32_t c)
{
	int32_t p = cp_before(s, i, NULL), n = cp_at(s, next, NULL);
	int opening;

	if (c != '"' && mojibake_lead(p))
		return;
	if ((c == 0x201C || c == 0x201D) && !s->curly_ok)
		return;
	if ((c == 0xAB || c == 0xBB) &&
	    repair_german_quote(s->t, s->ls, s->le, i))
		return; /* German »quotes« are not French quotes */
	if (c == 0xAB || c == 0x201C) {
		if (is_alnum(p))
			add(s, i, i, " ", 1, c == 0xAB ? 0.9 : 0.85,
			    "missing space before an opening quote");
		return;
	}
	if (c == 0xBB || c == 0x201D) {
		if (is_alnum(n))
			add(s, next, next, " ", 1, c == 0xBB ? 0.9 : 0.85,
			    "missing space after a closing quote");
		return;
	}
	if (c != '"' || s->nquotes % 2)
		return;
	opening = s->qseen++ % 2 == 0;
	if (opening && (is_alnum(p) || p == ':' || p == ','))
		add(s, i, i, " ", 1, 0.9,
		    "missing space before an opening quote");
	else if (!opening && is_alnum(n))
		add(s, next, next, " ", 1, 0.9,
		    "missing space after a closing quote");
}

/* Could the straight quote at i open (or close) a quotation? An opening
 * quote is followed by a word, a closing one preceded by something. */
static int quote_role_fits(const struct scan *s, size_t i, int opening)
{
	int32_t c = opening ? cp_at(s, i + 1, NULL) : cp_before(s, i, NULL);

	if (c < 0 || repair_is_hspace(c))
		return 0;
	return !opening || !(c < 128 && strchr(".,;:!?)", (int)c));
}

/* Do “ and ” alternate, opening with “? Lines that use “ to close („…“,
 * “…“) get no curly-quote repair. */
static int curly_quotes_pair(const struct scan *s)
{
	size_t i = s->ls;
	int open = 0;

	while (i < s->le) {
		int32_t c = utf8_next(s->t, &i, s->le);
		if (c == 0x201E || (c == 0x201C && open++) ||
		    (c == 0x201D && !open--))
			return 0;
	}
	return open == 0;
}

/* Count the line's straight quotes. When they are odd in number, or one
 * of them cannot play the role its rank gives it ("cœur".François: the
 * first is not an opening quote), nquotes is made odd: no quote repair on
 * this line. */
static void count_quotes(struct scan *s)
{
	int fits = 1;

	s->nquotes = s->qseen = 0;
	for (size_t i = s->ls; i < s->le; i++) {
		if (s->t[i] != '"' || s->guard->mask[i])
			continue;
		fits = fits && quote_role_fits(s, i, s->nquotes % 2 == 0);
		s->nquotes++;
	}
	if (!fits && s->nquotes % 2 == 0)
		s->nquotes++;
	s->curly_ok = curly_quotes_pair(s);
}

static void scan_line(struct scan *s)
{
	size_t i = s->ls, next, f;

	count_quotes(s);
	while (i < s->le) {
		int32_t c = cp_at(s, i, &next);

		if ((repair_is_hspace(c) || uc_is_apostrophe(c)) &&
		    uc_is_alpha(cp_before(s, i, NULL)) &&
		    (f = spaced_apostrophe(s, i))) {
			i = f;
			continue;
		}
		if (repair_is_hspace(c)) {
			size_t e = skip_hspace(s, i);
			space_run(s, i, e);
			i = e;
			continue;
		}
		if (s->t[i] == '"' && s->guard->mask[i]) {
			i = next;
			continue;
		}
		quote_spacing(s, i, next, c);
		i = next;
	}
}

static void scan_line_at(void *ctx, size_t ls, size_t le)
{
	struct scan *s = ctx;

	s->ls = ls;
	s->le = le;
	scan_line(s);
}

void spacing_repair(struct article *a, const struct view *v,
		    const struct tokens *ts, const struct wordlist *elisions)
{
	struct repair_guard guard;
	struct repair_list edits;
	struct scan s;

	repair_guard_build(&guard, v->text, v->len, ts);
	repair_list_init(&edits);
	memset(&s, 0, sizeof(s));
	s.t = v->text;
	s.guard = &guard;
	s.elisions = elisions;
	s.edits = &edits;
	repair_each_line(v->text, v->len, scan_line_at, &s);
	repair_report(&edits, v, a, FK_SPACING, SPACING_APPLY_MIN);
	repair_list_release(&edits);
	repair_guard_release(&guard);
}
