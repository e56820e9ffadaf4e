/*
 * residue.c - scraper residue inside a line: each line of the view against
 * the rules of residue.h. Token rules (tracking tokens, hashes) read the
 * bytes of the line; line rules (half words, line numbers, word salad)
 * read its tokens.
 */
#include "detect/residue.h"

#include <string.h>

#include "common/utf8.h"
#include "common/util.h"

#define SALAD_WORDS 12 /* words of a line judged for word salad */
#define SALAD_LOWER 8  /* of which in lower case */
#define LINENO_MAX  32 /* line-number candidates kept per line */

struct line {
	const char *t;	 /* the view text */
	size_t from, to; /* tokens of the line, [from, to) */
};

static void report(struct article *a, const struct view *v, size_t start,
		   size_t end, double confidence, const char *why)
{
	view_report(v, a, FK_RESIDUE, start, end, v->text + start, end - start,
		    0, confidence, why);
}

static int is_name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_';
}

static int is_value_char(char c)
{
	return is_name_char(c) || (c && strchr("-.%+~", c));
}

/* End of the name=value pair starting at s[i] (a name, '=', a value of
 * zero or more bytes), or 0 when there is none. */
static size_t pair_end(const char *s, size_t i, size_t len)
{
	size_t j = i;

	while (j < len && is_name_char(s[j]))
		j++;
	if (j == i || j >= len || s[j] != '=')
		return 0;
	j++;
	while (j < len && is_value_char(s[j]))
		j++;
	return j;
}

/* Is byte pos of the line inside a URL or an e-mail address? */
static int in_url(const struct line *ln, const struct tokens *ts, size_t pos)
{
	for (size_t i = ln->from; i < ln->to; i++)
		if (pos >= ts->t[i].start && pos < tok_end(&ts->t[i]))
			return (ts->t[i].flags & TF_URL) != 0;
	return 0;
}

/* Tracking tokens of the line: utm_ parameters anywhere, query strings
 * outside addresses (a link keeps its own). */
static void tracking(struct article *a, const struct view *v,
		     const struct line *ln, const struct tokens *ts)
{
	const char *s = v->text;
	const size_t start = ts->t[ln->from].start,
		     end = tok_end(&ts->t[ln->to - 1]);

	for (size_t i = start; i < end; i++) {
		size_t e, e2;

		if (i > start && is_name_char(s[i - 1]))
			continue;
		e = pair_end(s, i, end);
		if (!e)
			continue;
		if (end - i > 4 && !memcmp(s + i, "utm_", 4)) {
			report(a, v, i, e, 0.9, "tracking parameter");
			i = e;
		} else if (e < end && s[e] == '&' &&
			   (e2 = pair_end(s, e + 1, end)) != 0 &&
			   !in_url(ln, ts, i)) {
			while (e2 < end && s[e2] == '&' &&
			       pair_end(s, e2 + 1, end))
				e2 = pair_end(s, e2 + 1, end);
			report(a, v, i, e2, 0.8, "query string");
			i = e2;
		}
	}
}

/* Is s[0..len) an id: hexadecimal in one case, or a mixed-case run of
 * letters and digits that switches often? See residue.h. */
static int is_id(const char *s, size_t len)
{
	size_t lower = 0, upper = 0, digits = 0, hexl = 0, hexu = 0, sw = 0;

	for (size_t i = 0; i < len; i++) {
		const char c = s[i];

		if (c >= '0' && c <= '9')
			digits++;
		else if (c >= 'a' && c <= 'z')
			lower++, hexl += c <= 'f';
		else if (c >= 'A' && c <= 'Z')
			upper++, hexu += c <= 'F';
		else
			return 0;
		if (i > 0 && ((s[i - 1] >= '0' && s[i - 1] <= '9') !=
			      (c >= '0' && c <= '9')))
			sw++;
	}
	/* Product codes are upper-case hexadecimal often ("FE016001"). */
	if (digits >= 2 &&
	    ((len >= 8 && lower >= 2 && hexl == lower && !upper) ||
	     (len >= 12 && upper >= 2 && hexu == upper && !lower)))
		return 1;
	return len >= 12 && lower && upper && digits >= 2 && sw >= 4;
}

/* The shape of a word token: its letters and digits as runs. */
struct shape {
	size_t runs;	      /* alternations of letters and digits, plus one */
	size_t lead, trail;   /* code points of the first and the last run */
	int lead_digits;      /* the first run is digits */
	int trail_lower;      /* the last run is letters, all lower case */
	size_t caps_then_cap; /* upper-case letters before "Xxx" ends it */
	int other;	      /* an apostrophe or a separator ("1.5") inside */
};

static void shape_of(const char *t, const struct token *tk, struct shape *sh)
{
	size_t i = tk->start, upper = 0, lower_tail = 0;
	int prev = -1; /* 1 digit, 0 letter */
	int run_lower = 1;

	memset(sh, 0, sizeof(*sh));
	while (i < tok_end(tk)) {
		const int32_t cp = utf8_next(t, &i, tok_end(tk));
		const int dig = uc_is_digit(cp) != 0;

		if (!dig && !uc_is_alpha(cp)) {
			sh->other = 1; /* an apostrophe, a decimal point */
			continue;
		}
		if (dig != prev) {
			sh->runs++;
			sh->trail = 0;
			run_lower = 1;
			if (sh->runs == 1)
				sh->lead_digits = dig;
		}
		sh->trail++;
		if (sh->runs == 1)
			sh->lead++;
		if (!dig && !uc_is_lower(cp))
			run_lower = 0;
		/* "DESCRIZIONECasa": upper-case letters, then lower-case ones.
		 */
		if (!dig && uc_is_upper(cp)) {
			upper = lower_tail ? 1 : upper + 1;
			lower_tail = 0;
		} else if (!dig && uc_is_lower(cp)) {
			lower_tail++;
		} else {
			upper = lower_tail = 0;
		}
		prev = dig;
	}
	sh->trail_lower = prev == 0 && run_lower;
	sh->caps_then_cap = lower_tail >= 3 ? upper : 0;
}

/* Figures glued to a lower-case word: "57600bauds", "29décembre" (2
 * digits or more before 4 letters or more). Units and ordinals ("3e",
 * "10km") are shorter; an amount in the English papers' style
 * ("£1.5million") has a decimal point. A word glued to figures ("automne2011")
 * is split by the glued-words stage before this one. */
static int glued_figures(const struct shape *sh)
{
	return sh->runs == 2 && !sh->other && sh->lead_digits &&
	       sh->lead >= 2 && sh->trail >= 4 && sh->trail_lower;
}

/* Token rules: hashes and ids, figures glued to a word, a word in capitals
 * glued to a capitalized one ("DESCRIZIONECasa": a label run into the
 * text; 4 capitals or more before the capital of the next word). */
static void token_rules(struct article *a, const struct view *v,
			const struct line *ln, const struct tokens *ts)
{
	for (size_t i = ln->from; i < ln->to; i++) {
		const struct token *tk = &ts->t[i];
		struct shape sh;

		/* Numerals are words that start with a digit ("3e", and
		 * "29décembre" too): judged by their shape. */
		if ((tk->type != TOK_WORD && tk->type != TOK_NUMBER) ||
		    (tk->flags & TF_URL))
			continue;
		if (is_id(ln->t + tk->start, tok_end(tk) - tk->start)) {
			report(a, v, tk->start, tok_end(tk), 0.8, "hash or id");
			continue;
		}
		shape_of(ln->t, tk, &sh);
		if (glued_figures(&sh))
			report(a, v, tk->start, tok_end(tk), 0.7,
			       "figures glued to a word");
		else if (sh.runs == 1 && sh.caps_then_cap >= 5)
			report(a, v, tk->start, tok_end(tk), 0.7,
			       "a word in capitals glued to the next word");
	}
}

static size_t letters(const char *t, const struct token *tk)
{
	size_t i = tk->start, n = 0;

	while (i < tok_end(tk))
		n += uc_is_alpha(utf8_next(t, &i, tok_end(tk))) != 0;
	return n;
}

/* A line whose only word is a lower-case stump. */
static void half_word(struct article *a, const struct view *v,
		      const struct line *ln, const struct tokens *ts,
		      struct dict *d)
{
	const struct token *word = NULL;
	const char *w;
	size_t len, e;

	if (!d)
		return;
	for (size_t i = ln->from; i < ln->to; i++) {
		const struct token *tk = &ts->t[i];

		if (tk->type == TOK_NUMBER || (tk->type == TOK_WORD && word))
			return;
		if (tk->type == TOK_WORD)
			word = tk;
	}
	if (!word || (word->flags & (TF_UPPER | TF_URL)) ||
	    letters(ln->t, word) < 2)
		return;
	w = ln->t + word->start;
	len = tok_end(word) - word->start;
	e = dict_elision_prefix(d, w, len);
	if (dict_check(d, w, len) || dict_check(d, w + e, len - e) ||
	    dict_check_loanword(d, w + e, len - e))
		return;
	report(a, v, word->start, tok_end(word), 0.6,
	       "half a word alone on a line");
}

/* The value (1..99) of a number token of one or two digits, else 0. */
static int small_number(const char *t, const struct token *tk)
{
	const size_t len = tok_end(tk) - tk->start;
	int n = 0;

	if (tk->type != TOK_NUMBER || len > 2)
		return 0;
	for (size_t i = 0; i < len; i++) {
		const char c = t[tk->start + i];

		if (c < '0' || c > '9')
			return 0;
		n = n * 10 + (c - '0');
	}
	return n;
}

static int is_punct(const char *t, const struct token *tk, const char *set)
{
	return tk->type == TOK_PUNCT && tok_end(tk) - tk->start == 1 &&
	       strchr(set, t[tk->start]);
}

/* A number of the margin: its value, its token and the words around it. */
struct margin {
	size_t at, prev, next; /* token indexes */
	int val;
	int strong;
};

static int same_word(const char *t, const struct token *x,
		     const struct token *y)
{
	const size_t n = tok_end(x) - x->start;

	if (n != tok_end(y) - y->start)
		return 0;
	for (size_t i = 0; i < n; i++) {
		char a = t[x->start + i], b = t[y->start + i];

		a = a >= 'A' && a <= 'Z' ? (char)(a + 32) : a;
		b = b >= 'A' && b <= 'Z' ? (char)(b + 32) : b;
		if (a != b)
			return 0;
	}
	return 1;
}

static int function_word(const struct line *ln, const struct token *tk,
			 struct dict *d, const struct langwords *lw,
			 unsigned bit);

/* Is the number token i of the line set in running text the way a
 * transcript's margin is: after a word (or , ; . -) and a space, or glued
 * to a sentence's period, and before a space and a word? Fills m. It is
 * strong when the word before is in lower case (or punctuation) and the
 * word after a lower-case function word: "jugement 22 rendu" could be a
 * quantity, "aussi 6 nous" cannot. */
static int margin_number(const struct line *ln, const struct tokens *ts,
			 size_t i, struct dict *d, const struct langwords *lw,
			 unsigned bit, struct margin *m)
{
	const struct token *t = ts->t;

	if (i + 2 >= ln->to || t[i + 1].type != TOK_SPACE ||
	    t[i + 2].type != TOK_WORD || i < ln->from + 2)
		return 0;
	if (t[i - 1].type == TOK_SPACE) {
		if (t[i - 2].type != TOK_WORD &&
		    !is_punct(ln->t, &t[i - 2], ",;.-"))
			return 0;
	} else if (!is_punct(ln->t, &t[i - 1], ".") ||
		   t[i - 2].type != TOK_WORD) {
		return 0;
	}
	m->at = i;
	m->prev = i - 2;
	m->next = i + 2;
	m->strong = !(t[i - 2].flags & TF_UPPER) &&
		    !(t[i + 2].flags & TF_UPPER) && bit &&
		    function_word(ln, &t[i + 2], d, lw, bit);
	return 1;
}

/* Do margin numbers a and b read as two lines of one transcript: n and
 * n + 1, a line apart, one of them strong, in different words (an
 * enumeration "niveau 1 pour ... niveau 2 pour" repeats its words, a date
 * "au 30 septembre ... au 31 décembre" its preposition)? */
static int margin_pair(const char *t, const struct tokens *ts,
		       const struct margin *a, const struct margin *b)
{
	const size_t gap = ts->t[b->at].start - ts->t[a->at].start;

	return b->val == a->val + 1 && gap >= 25 && gap <= 200 &&
	       (a->strong || b->strong) &&
	       !same_word(t, &ts->t[a->prev], &ts->t[b->prev]) &&
	       !same_word(t, &ts->t[a->next], &ts->t[b->next]);
}

static void line_numbers(struct article *a, const struct view *v,
			 const struct line *ln, const struct tokens *ts,
			 struct dict *d, const struct langwords *lw)
{
	const int li = lw ? langwords_index(lw, a->lang) : -1;
	const unsigned bit = li < 0 ? 0 : 1u << li;
	struct margin m[LINENO_MAX];
	int hit[LINENO_MAX] = {0};
	size_t n = 0;

	for (size_t i = ln->from; i < ln->to && n < LINENO_MAX; i++) {
		const int x = small_number(ln->t, &ts->t[i]);

		if (x && margin_number(ln, ts, i, d, lw, bit, &m[n]))
			m[n++].val = x;
	}
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++)
			if (margin_pair(ln->t, ts, &m[i], &m[j]))
				hit[i] = hit[j] = 1;
	for (size_t i = 0; i < n; i++)
		if (hit[i])
			report(a, v, ts->t[m[i].at].start,
			       tok_end(&ts->t[m[i].at]), 0.7,
			       "transcript line number in the text");
}

/* Is the word token a function word of language bit, or elided from one
 * ("l'", "qu'")? */
static int function_word(const struct line *ln, const struct token *tk,
			 struct dict *d, const struct langwords *lw,
			 unsigned bit)
{
	const char *w = ln->t + tk->start;
	const size_t len = tok_end(tk) - tk->start;

	if (d && dict_elision_prefix(d, w, len))
		return 1;
	return (langwords_of(lw, w, len, 0) & bit) != 0;
}

static void word_salad(struct article *a, const struct view *v,
		       const struct line *ln, const struct tokens *ts,
		       struct dict *d, const struct langwords *lw)
{
	const int li = lw ? langwords_index(lw, a->lang) : -1;
	size_t words = 0, lower = 0, first = 0, last = 0;

	if (li < 0)
		return;
	for (size_t i = ln->from; i < ln->to; i++) {
		const struct token *tk = &ts->t[i];

		if (tk->type != TOK_WORD || (tk->flags & TF_URL))
			continue;
		if (function_word(ln, tk, d, lw, 1u << li))
			return;
		if (!words++)
			first = i;
		last = i;
		lower += !(tk->flags & TF_UPPER);
	}
	if (words >= SALAD_WORDS && lower >= SALAD_LOWER)
		report(a, v, ts->t[first].start, tok_end(&ts->t[last]), 0.5,
		       "no function word in a line of many words");
}

void residue_detect(struct article *a, const struct view *v,
		    const struct tokens *ts, struct dict *d,
		    const struct langwords *lw)
{
	struct line ln = {v->text, 0, 0};

	for (size_t i = 0; i <= ts->n; i++) {
		if (i < ts->n && ts->t[i].type != TOK_NEWLINE)
			continue;
		ln.to = i;
		if (ln.to > ln.from) {
			tracking(a, v, &ln, ts);
			token_rules(a, v, &ln, ts);
			half_word(a, v, &ln, ts, d);
			line_numbers(a, v, &ln, ts, d, lw);
			word_salad(a, v, &ln, ts, d, lw);
		}
		ln.from = i + 1;
	}
}
