/*
 * lang_judge.c - the function-word judge of one span of text: the
 * candidate language by the function words of every language
 * (langwords.h), confirmed by the dictionaries of both languages; the
 * rules are in lang.h.
 */
#include "detect/lang_judge.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/lang_cld2.h"
#include "common/langwords.h"
#include "common/utf8.h"
#include "common/util.h"

/* How the words of a span are read. */
struct shape {
	size_t words; /* word and number tokens, URLs aside */
	int title;    /* Title Case: capitalized words are read in lower case */
	int quotes;   /* the span is mostly quoted: quoted words count too */
	size_t first; /* the first word token (capitalized by the sentence) */
};

/* Is token tk inside a quoted passage (qm: the text with quotes blanked)? */
static int quoted(const char *t, const char *qm, const struct token *tk)
{
	return qm && qm[tk->start] == ' ' && t[tk->start] != ' ';
}

/* Letters only (apostrophes of elision allowed)? */
static int letters(const char *t, const struct token *tk)
{
	size_t i = tk->start;

	while (i < tok_end(tk)) {
		int32_t c = utf8_next(t, &i, tok_end(tk));
		if (!uc_is_alpha(c) && c != '\'' && c != 0x2019)
			return 0;
	}
	return tok_end(tk) > tk->start;
}

/* Is the lower-case word token i a function word of some language, or
 * the second part of a hyphenated word ("One-hour")? Those are the words
 * a headline in Title Case leaves in lower case. */
static int title_lower(const char *t, const struct tokens *ts, size_t from,
		       size_t i, const struct langwords *lw)
{
	const struct token *tk = &ts->t[i];

	return (i > from && ts->t[i - 1].type == TOK_PUNCT &&
		t[ts->t[i - 1].start] == '-') ||
	       langwords_of(lw, t + tk->start, tok_end(tk) - tk->start, 1);
}

static void span_shape(const char *t, const char *qm, const struct tokens *ts,
		       size_t from, size_t to, const struct langwords *lw,
		       struct shape *sh)
{
	size_t upper = 0, lower = 0, outside = 0;
	int headline = 1;

	memset(sh, 0, sizeof(*sh));
	sh->first = to;
	for (size_t i = from; i < to; i++) {
		const struct token *tk = &ts->t[i];

		if ((tk->type != TOK_WORD && tk->type != TOK_NUMBER) ||
		    (tk->flags & TF_URL))
			continue;
		sh->words++;
		if (tk->type != TOK_WORD)
			continue;
		if (sh->first == to)
			sh->first = i;
		outside += !quoted(t, qm, tk);
		if (tk->flags & TF_UPPER) {
			upper++;
		} else {
			lower++;
			headline = headline && title_lower(t, ts, from, i, lw);
		}
	}
	/* English headlines capitalize every word but the short function
	 * words; a sentence has few capitals (German: its nouns) and
	 * lower-case words of every kind. */
	sh->title = headline && upper >= LANG_TITLE_MIN && upper >= 2 * lower;
	sh->quotes = outside < LANG_MIN_OUTSIDE;
}

/* Does token i count as a word of the judge (lower-case, or read in lower
 * case: Title Case, the sentence's first word)? */
static int judged(const char *t, const char *qm, const struct tokens *ts,
		  size_t i, const struct shape *sh)
{
	const struct token *tk = &ts->t[i];

	if (tk->type != TOK_WORD || (tk->flags & (TF_URL | TF_ALLCAPS)) ||
	    (!sh->quotes && quoted(t, qm, tk)) || !letters(t, tk))
		return 0;
	return !(tk->flags & TF_UPPER) || sh->title || i == sh->first;
}

/* Is w known to d, after an elided prefix too ("l’économie")? */
static int knows(struct dict *d, const char *w, size_t len)
{
	size_t e = dict_elision_prefix(d, w, len);

	return dict_check(d, w, len) || (e && dict_check(d, w + e, len - e));
}

/* Function words per language, in half words: fw[k] those of language k
 * and not of L (a whole word when L's dictionary does not know it, half
 * of one when it does: "the" in French, against "in" or "about"), own[k]
 * those of L and not of k. */
struct tally {
	size_t fw[LANGWORDS_MAX], own[LANGWORDS_MAX];
	size_t all_own; /* function words of L, shared or not */
};

static void count_function_words(const char *t, const char *qm,
				 const struct tokens *ts, size_t from,
				 size_t to, const struct shape *sh,
				 const struct langwords *lw, int l,
				 struct dict *d, struct tally *c)
{
	const unsigned lbit = 1u << l;

	memset(c, 0, sizeof(*c));
	for (size_t i = from; i < to; i++) {
		const struct token *tk = &ts->t[i];
		const char *w = t + tk->start;
		size_t len = tok_end(tk) - tk->start, weight = 2;
		unsigned set;

		if (!judged(t, qm, ts, i, sh))
			continue;
		set = langwords_of(lw, w, len, !(tk->flags & TF_UPPER));
		if (!set)
			continue;
		if (!(set & lbit) && d &&
		    langwords_script_fits(lw, l, w, len) && knows(d, w, len))
			weight = 1;
		c->all_own += set & lbit ? 2 : 0;
		for (size_t k = 0; k < lw->n; k++) {
			const unsigned bit = 1u << k;
			c->fw[k] += (set & bit) && !(set & lbit) ? weight : 0;
			c->own[k] += (set & lbit) && !(set & bit) ? 2 : 0;
		}
	}
}

int lang_knows_in(const struct lang_evidence *ev, struct dict *d, const char *x,
		  const char *w, size_t len)
{
	struct dict *dx = NULL;
	int known;

	if (!strncmp(x, "en", 2) && d && strncmp(dict_lang(d), "en", 2))
		known = dict_check_loanword(d, w, len);
	else if ((dx = ev && ev->dict_for ? ev->dict_for(ev->ctx, x) : NULL))
		known = knows(dx, w, len);
	else
		return -1;
	return known && (!ev || !ev->words ||
			 langwords_script_fits(
			     ev->words, langwords_index(ev->words, x), w, len));
}

/* Dictionary coverage of the judged words of two letters or more (read
 * in lower case by the candidate, so that names fall out), among those that one
 * of the two dictionaries knows, by L's dictionary d and by x's: fills
 * g->coverage, g->other_coverage (-1 without x's dictionary) and g->words. */
static void cover_both(const char *t, const char *qm, const struct tokens *ts,
		       size_t from, size_t to, const struct shape *sh,
		       const char *expected, struct dict *d,
		       const struct lang_evidence *ev, const char *x,
		       struct lang_guess *g)
{
	const struct langwords *lw = ev->words;
	const int l = langwords_index(lw, expected);
	size_t n = 0, kl = 0, kx = 0;
	int has_x = 1;

	for (size_t i = from; i < to; i++) {
		const struct token *tk = &ts->t[i];
		size_t len = tok_end(tk) - tk->start;
		char *low = NULL;
		const char *w = t + tk->start;
		int inl, inx;

		if (!judged(t, qm, ts, i, sh) || len < 2)
			continue;
		/* The expected language reads the word as written (German
		 * capitalizes its nouns), the candidate in lower case; neither
		 * knows a word of another script. */
		inl = d && langwords_script_fits(lw, l, w, len) &&
		      knows(d, w, len);
		if (tk->flags & TF_UPPER)
			w = low = utf8_lower(w, len, &len);
		inx = lang_knows_in(ev, d, x, w, len);
		free(low);
		/* A word neither dictionary knows (a name read in lower
		 * case, a typo) says nothing about which of the two. */
		if (inx == 0 && !inl)
			continue;
		n++;
		kl += inl;
		has_x = has_x && inx >= 0;
		kx += inx > 0;
	}
	g->words = n;
	g->coverage = n && d ? (double)kl / (double)n : -1;
	g->other_coverage = n && has_x ? (double)kx / (double)n : -1;
}

/* The next candidate language: the one with most function words of its
 * own (more than LANG_MIN_CANDIDATE half words, and more than L's against
 * it) among those not tried yet (bits of *tried). Fills g->code and the
 * counts; 0 when none. */
static int next_candidate(const struct langwords *lw, int l,
			  const struct tally *c, unsigned *tried,
			  struct lang_guess *g)
{
	size_t best = LANGWORDS_MAX;

	for (size_t k = 0; k < lw->n; k++)
		if ((int)k != l && !(*tried & (1u << k)) &&
		    c->fw[k] > LANG_MIN_CANDIDATE && c->fw[k] > c->own[k] &&
		    (best == LANGWORDS_MAX || c->fw[k] > c->fw[best]))
			best = k;
	if (best == LANGWORDS_MAX)
		return 0;
	*tried |= 1u << best;
	snprintf(g->code, sizeof(g->code), "%s", lw->code[best]);
	g->function_words = c->fw[best];
	g->own_words = c->own[best];
	return 1;
}

/* For a Title Case line without function words of another language:
 * CLD2's guess as candidate, unless the line has function words of L
 * that the candidate does not share ("Chez Union Investment Real
 * Estate"). 0 when there is none. */
static int title_candidate(const char *t, const struct tokens *ts, size_t from,
			   size_t to, const char *expected,
			   const struct langwords *lw, const struct tally *c,
			   struct lang_guess *g)
{
	size_t s = ts->t[from].start, e = tok_end(&ts->t[to - 1]);
	struct cld2_result r;
	int k;

	cld2_identify(t + s, e - s, NULL, &r);
	if (!strcmp(r.code, "un") || !strncmp(r.code, expected, 2))
		return 0;
	k = langwords_index(lw, r.code);
	snprintf(g->code, sizeof(g->code), "%s", r.code);
	g->function_words = k >= 0 ? c->fw[k] : 0;
	g->own_words = k >= 0 ? c->own[k] : c->all_own;
	return g->own_words == 0;
}

/* The dictionaries' word on the candidate of g (lang.h): with function
 * words of the candidate only, its dictionary must know most words and
 * more than the expected one; with some of both languages', the expected
 * dictionary must also know few (not enough for a short span). */
static int confirmed(const struct lang_guess *g, int short_span)
{
	const double x = g->other_coverage, l = g->coverage;
	const size_t whole = (size_t)2 * LANG_MIN_FUNCTION;

	if (g->words < LANG_MIN_JUDGED)
		return 0;
	if (x < 0) /* no dictionary for the candidate */
		return g->function_words >= whole + 2 && !g->own_words &&
		       l < LANG_MAX_COVERAGE;
	if (x < LANG_MIN_OTHER_COVERAGE)
		return 0;
	if (g->function_words >= whole && !g->own_words)
		return x > l;
	if (short_span)
		return 0;
	return l < LANG_MAX_COVERAGE && x >= l + LANG_MIN_MARGIN;
}

/* Words of the span the candidate's dictionary knows (lang_guess keeps
 * the share). */
static double known_words(const struct lang_guess *g)
{
	return g->other_coverage > 0 ? g->other_coverage * (double)g->words : 0;
}

int lang_judge_span(const char *t, const char *qm, const struct tokens *ts,
		    size_t from, size_t to, const char *expected,
		    struct dict *d, const struct lang_evidence *ev,
		    struct lang_guess *g)
{
	const struct langwords *lw = ev ? ev->words : NULL;
	int l = lw ? langwords_index(lw, expected) : -1;
	unsigned tried = 0;
	int tried_any = 0, found = 0;
	struct lang_guess cand;
	struct shape sh;
	struct tally c;

	if (l < 0 || from >= to)
		return 0;
	span_shape(t, qm, ts, from, to, lw, &sh);
	if (sh.words < LANG_MIN_SHORT)
		return 0;
	memset(g, 0, sizeof(*g));
	g->by_words = 1;
	cand = *g;
	/* The cheap part first: most spans of the article's language stop
	 * here, before any dictionary is asked. Candidates that share words
	 * ("la", "de": French, Spanish, Italian) are all tried; of those
	 * confirmed, the one whose dictionary knows most words wins (a
	 * French sentence is not Spanish because its Spanish cognates are
	 * all the Spanish dictionary knows). */
	count_function_words(t, qm, ts, from, to, &sh, lw, l, d, &c);
	while (next_candidate(lw, l, &c, &tried, &cand)) {
		tried_any = 1;
		cover_both(t, qm, ts, from, to, &sh, expected, d, ev, cand.code,
			   &cand);
		if (confirmed(&cand, sh.words < LANG_MIN_WORDS) &&
		    (!found || known_words(&cand) > known_words(g))) {
			*g = cand;
			found = 1;
		}
	}
	if (found)
		return 1;
	if (tried_any)
		*g = cand;
	if (tried_any || !sh.title || sh.words < LANG_MIN_WORDS ||
	    !title_candidate(t, ts, from, to, expected, lw, &c, g))
		return 0;
	cover_both(t, qm, ts, from, to, &sh, expected, d, ev, g->code, g);
	return confirmed(g, 0);
}
