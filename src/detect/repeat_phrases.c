/*
 * repeat_phrases.c - phrase_repeat: token sequences repeated in a row ("a
 * dit a dit") or later in the same sentence.
 *
 * The detector works on "items", the tokens that are not white space, by
 * their ids (repeat.h). Two passes, both linear in the number of items:
 *
 *  1. Immediate repeats of a short unit. For each period p in 2..MAX_UNIT,
 *     one scan compares item k with item k + p; a run of at least p equal
 *     comparisons is a tandem repeat of p items (the runs of a string with
 *     a bounded period, found in O(n * MAX_UNIT)). Only primitive units of
 *     two words or more are reported, so "te te te" stays a word_repeat.
 *  2. Repeats at a distance inside one sentence. Every 3-item window is
 *     hashed with its sentence number; when a window was seen before in the
 *     sentence, the match is extended as far as it goes without overlapping
 *     the first copy. A match of MIN_CONTENT content words is reported, and
 *     removed only when nothing lies between the copies (a loop of a long
 *     unit). Matched items are skipped, so the scan stays linear.
 */
#include "detect/repeat.h"

#include <assert.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/utf8.h"
#include "common/util.h"

#define MAX_UNIT	 8   /* longest unit of an immediate repeat, items */
#define MIN_UNIT_WORDS	 2   /* words in the unit of an immediate repeat */
#define WINDOW		 3   /* items hashed by the distant-repeat pass */
#define MIN_CONTENT	 3   /* content words in a distant repeat */
#define CONTENT_CPS	 5   /* a content word has this many letters or more */
#define MAX_DISTANT	 200 /* longest distant repeat extended, items */
#define MAX_GAP		 5   /* words between the copies of a distant repeat */
#define MAX_JOIN	 3   /* separators joining a clause said again */
#define MIN_WHOLE_WORDS	 3   /* words of a sentence said twice */
#define MIN_JOINED_WORDS 4   /* words of a clause said again after a comma */
#define MIN_APPLY_WORDS	 6   /* ... removed without MIN_CONTENT content words */
#define MAX_SPOKEN	 3   /* copies of an exclamation left alone */
#define MAX_FIGURE_WORDS 4   /* words of a short clause said twice */

/* Item and token indexes are 32-bit: an article has fewer than
 * UINT32_MAX tokens (repeat.h), and the arrays take one entry per item,
 * the largest the stage allocates. What can be derived is not stored: the
 * id of an item (item_id, from the flags of its token), its last token
 * (item_last) and its sentence number (item_sent, a rank in a bit set of
 * sentence ends). */
struct items {
	const struct repeat_doc *d;
	uint32_t *tok;	       /* token index of each item */
	uint64_t *ends;	       /* bit i: item i ends its sentence */
	uint32_t *ends_before; /* per 64 items: sentence ends before them */
	int32_t *mark;	       /* per sentence: its final punctuation, or 0 */
	size_t n;
};

static unsigned popcount64(uint64_t x)
{
#if defined(__GNUC__)
	return (unsigned)__builtin_popcountll(x);
#else
	unsigned c = 0;

	for (; x; x &= x - 1)
		c++;
	return c;
#endif
}

/* The sentence number of item i: how many items before it end one. */
static uint32_t item_sent(const struct items *it, size_t i)
{
	uint64_t below = it->ends[i / 64] & (((uint64_t)1 << (i % 64)) - 1);

	return it->ends_before[i / 64] + popcount64(below);
}

/* Index of the last token before token k that is not white space. */
static size_t last_before(const struct tokens *ts, size_t k)
{
	assert(k > 0);
	while (ts->t[--k].type == TOK_SPACE)
		;
	return k;
}

/* The last token of item i: a word doubled in place ("le le") is one item,
 * so the item runs to the last token before the next item that is not
 * white space. */
static size_t item_last(const struct items *it, size_t i)
{
	return last_before(it->d->ts,
			   i + 1 < it->n ? it->tok[i + 1] : it->d->ts->n);
}

/* The id of item i (repeat.h), or 0 when it must not match: a line
 * break, or a token removed or inside a repetition reported (report()
 * claims the tokens of both the unit and its copies). */
static uint32_t item_id(const struct items *it, size_t i)
{
	size_t k = it->tok[i];

	return repeat_doc_claimed(it->d, k) || repeat_doc_dead(it->d, k)
		   ? 0
		   : it->d->id[k];
}

static int ends_sentence(const struct repeat_doc *d, size_t k)
{
	const struct token *t = &d->ts->t[k];
	const char *s = d->v->text + t->start;
	size_t len = tok_end(t) - t->start;

	if (t->type == TOK_NEWLINE)
		return 1;
	if (t->type != TOK_PUNCT)
		return 0;
	return (len == 1 && (*s == '.' || *s == '!' || *s == '?')) ||
	       (len == 3 && !memcmp(s, "\xE2\x80\xA6", 3)); /* U+2026 */
}

/*
 * Is word token k the same word as the item before it ("le le")? Such a
 * double is one item: the word stage removes the copy after this pass, and
 * a phrase must be found the same with or without it ("Publiée le le 07
 * mars ... Publiée le 07 mars"), or a second run would find it.
 */
static int doubled(const struct repeat_doc *d, const struct items *it, size_t k)
{
	size_t p;

	if (it->n == 0 || d->ts->t[k].type != TOK_WORD ||
	    repeat_doc_claimed(d, k) || repeat_doc_dead(d, k))
		return 0;
	p = last_before(d->ts, k); /* the last token of the item before */
	return item_id(it, it->n - 1) && d->ts->t[p].type == TOK_WORD &&
	       d->id[p] == d->id[k];
}

/* The per-64-item counts of sentence ends before each block. */
static void ends_rank(struct items *it)
{
	uint32_t before = 0;

	for (size_t b = 0; b * 64 < it->n; b++) {
		it->ends_before[b] = before;
		before += (uint32_t)popcount64(it->ends[b]);
	}
}

static void items_build(const struct repeat_doc *d, struct items *it)
{
	const struct tokens *ts = d->ts;
	size_t n = d->nonspace + 1; /* sentences are no more than items */
	uint32_t sent = 0;

	it->n = 0;
	it->d = d;
	it->tok = xmalloc(n * sizeof(*it->tok));
	it->ends = xcalloc((n + 63) / 64, sizeof(*it->ends));
	it->ends_before = xmalloc((n + 63) / 64 * sizeof(*it->ends_before));
	it->mark = xcalloc(n, sizeof(*it->mark));
	for (size_t k = 0; k < ts->n; k++) {
		if (ts->t[k].type == TOK_SPACE || doubled(d, it, k))
			continue;
		it->tok[it->n] = (uint32_t)k;
		if (ends_sentence(d, k)) {
			size_t i = ts->t[k].start;

			if (ts->t[k].type == TOK_PUNCT)
				it->mark[sent] = utf8_next(d->v->text, &i,
							   tok_end(&ts->t[k]));
			it->ends[it->n / 64] |= (uint64_t)1 << (it->n % 64);
			sent++;
		}
		it->n++;
	}
	ends_rank(it);
}

static void items_release(struct items *it)
{
	free(it->tok);
	free(it->ends);
	free(it->ends_before);
	free(it->mark);
}

static size_t count_words(const struct repeat_doc *d, const struct items *it,
			  size_t from, size_t n)
{
	size_t w = 0;

	for (size_t k = from; k < from + n; k++)
		w += d->ts->t[it->tok[k]].type == TOK_WORD;
	return w;
}

/* 1 when the p items at s are a power of a shorter unit. */
static int is_power(const struct items *it, size_t s, size_t p)
{
	for (size_t q = 1; q < p; q++) {
		size_t k;

		if (p % q)
			continue;
		for (k = 0;
		     k + q < p && item_id(it, s + k) == item_id(it, s + k + q);
		     k++)
			;
		if (k + q == p)
			return 1;
	}
	return 0;
}

/*
 * The view span that removes the copies [from, to) of the unit at s (unit
 * items). Usually the white space before the copies goes with them. When
 * that space is a repair of an earlier stage (a space inserted between
 * glued words: "WishlistAggiungi alla Wishlist"), the removal could not
 * take it along and would leave it behind; the span then starts after the
 * first item of the first copy and ends after the first item of the last
 * one, which leaves the same words and swallows the inserted space (a
 * deletion supersedes the repairs inside it).
 */
static void removal_span(const struct repeat_doc *d, const struct items *it,
			 size_t s, size_t unit, size_t from, size_t to,
			 size_t *vs, size_t *ve)
{
	const struct tokens *ts = d->ts;

	*vs = tok_end(&ts->t[item_last(it, from - 1)]);
	*ve = tok_end(&ts->t[item_last(it, to - 1)]);
	if (repeat_doc_untouched(d, *vs, ts->t[it->tok[from]].start))
		return;
	*vs = tok_end(&ts->t[item_last(it, s)]);
	*ve = tok_end(&ts->t[item_last(it, to - unit)]);
}

static void report(struct repeat_doc *d, struct items *it, size_t s,
		   size_t unit, size_t from, size_t to, int applied,
		   const char *what)
{
	const struct tokens *ts = d->ts;
	size_t ub = ts->t[it->tok[s]].start;
	size_t ue = tok_end(&ts->t[item_last(it, s + unit - 1)]);
	size_t vs = ts->t[it->tok[from]].start;
	size_t ve = tok_end(&ts->t[item_last(it, to - 1)]);
	const struct finding *f;
	char detail[200];

	if (applied && repeat_doc_case_restarts(d, it->tok[s], it->tok[from]))
		applied = 0;
	if (applied)
		removal_span(d, it, s, unit, from, to, &vs, &ve);
	snprintf(detail, sizeof(detail), "phrase '%.*s'%s%s",
		 (int)(ue - ub > 80 ? 80 : ue - ub), d->v->text + ub,
		 ue - ub > 80 ? "..." : "", what);
	f = view_report(d->v, d->a, FK_PHRASE_REPEAT, vs, ve, "", 0, applied,
			applied ? 0.9 : 0.6, detail);
	repeat_doc_mark(d, it->tok[s], item_last(it, s + unit - 1), 0);
	repeat_doc_mark(d, it->tok[from], item_last(it, to - 1),
			f && f->applied);
}

/* 1 when the text of the items [s, e) is a legitimate repetition listed in
 * the doubles ("encore et encore"). */
static int listed(const struct repeat_doc *d, const struct items *it, size_t s,
		  size_t e)
{
	const struct wordlist *dbl = d->cfg ? d->cfg->doubles : NULL;
	size_t b = d->ts->t[it->tok[s]].start;
	size_t end = tok_end(&d->ts->t[item_last(it, e - 1)]);

	return dbl && wordlist_has(dbl, d->v->text + b, end - b);
}

/* First code point of item k when it is punctuation, else 0. */
static int32_t punct_at(const struct repeat_doc *d, const struct items *it,
			size_t k)
{
	const struct token *t;
	size_t i;

	if (k >= it->n)
		return 0;
	t = &d->ts->t[it->tok[k]];
	if (t->type != TOK_PUNCT)
		return 0;
	i = t->start;
	return utf8_next(d->v->text, &i, tok_end(t));
}

static int is_quote(int32_t c, int opening)
{
	if (c == '"')
		return 1;
	return opening ? c == 0xAB || c == 0x201C || c == 0x201E || c == 0x2039
		       : c == 0xBB || c == 0x201D || c == 0x203A;
}

/* An emphatic list that is a whole quotation, a slogan: « X, X, X ». The
 * region [s, e) ends with the unit without its comma. */
static int is_quoted_list(const struct repeat_doc *d, const struct items *it,
			  size_t s, size_t p, size_t e)
{
	return punct_at(d, it, s + p - 1) == ',' && (e - s) % p == p - 1 &&
	       s > 0 && is_quote(punct_at(d, it, s - 1), 1) &&
	       is_quote(punct_at(d, it, e), 0);
}

/* 1 when item k is a word with the role in the rules. */
static int has_role(const struct repeat_doc *d, const struct items *it,
		    size_t k, enum repeat_role role)
{
	size_t len;
	const char *key;

	if (k >= it->n || !d->cfg || d->ts->t[it->tok[k]].type != TOK_WORD)
		return 0;
	key = repeat_doc_key(d, d->id[it->tok[k]], &len);
	return repeat_rules_has(d->cfg->rules, role, key, len);
}

/* The unit at s is a noun and a linker after the preposition that opens
 * the construction ("von Stadt zu"): "von Stadt zu Stadt zu ermutigen" is
 * "from town to town" followed by the linker's other use (the infinitive's
 * "zu", "to"), not a loop. */
static int links_noun(const struct repeat_doc *d, const struct items *it,
		      size_t s, size_t p)
{
	return p == 2 && s > 0 && has_role(d, it, s - 1, REPEAT_LINK_START) &&
	       has_role(d, it, s + 1, REPEAT_LINKER);
}

/* The unit at s holds an exclamation, a question or an ellipsis: "Au
 * secours ! Au secours !", "je l'ai… je l'ai brûlée" is speech written
 * as spoken, which a translation owes to its source: reported only. */
static int exclaimed(const struct repeat_doc *d, const struct items *it,
		     size_t s, size_t p)
{
	for (size_t k = s; k < s + p; k++) {
		int32_t c = punct_at(d, it, k);
		if (c == '!' || c == '?' || c == 0x2026)
			return 1;
	}
	return 0;
}

/* Gapping: an identity clause "X verb X" coordinated with another whose
 * verb is left out, "mon week-end était aussi mon week-end et ma fin de
 * journée ma fin de journée" (WMT22 de-fr line 1813, the German source
 * "mein Wochenende auch mein Wochenende und mein Feierabend mein
 * Feierabend" and its translations). The unit said twice at s follows a
 * conjunction, and the words before the conjunction are a phrase said
 * twice with one or two words (the verb) between. */
static int gapped(const struct repeat_doc *d, const struct items *it, size_t s)
{
	size_t c = s - 1; /* the conjunction */

	if (s < 4 || !has_role(d, it, c, REPEAT_SEPARATOR))
		return 0;
	for (size_t q = 1; q <= MAX_UNIT; q++) {
		for (size_t g = 1; g <= 2 && 2 * q + g <= c; g++) {
			size_t a = c - 2 * q - g, b = c - q, k;

			if (item_sent(it, a) != item_sent(it, c))
				continue;
			for (k = 0; k < q; k++)
				if (!item_id(it, a + k) ||
				    item_id(it, a + k) != item_id(it, b + k))
					break;
			if (k == q && count_words(d, it, b, q) >= 1 &&
			    count_words(d, it, a + q, g) == g)
				return 1;
		}
	}
	return 0;
}

static int speech_end(int32_t c)
{
	return c == '!' || c == '?' || c == 0x2026;
}

static int comma_unit(const struct repeat_doc *d, const struct items *it,
		      size_t s, size_t p);

/* The period at item k closes a sentence: it follows a word of two
 * letters or more, not a number or a letter ("Chapitre 1.", "Annexe
 * A.", which number headings). */
static int ends_phrase(const struct repeat_doc *d, const struct items *it,
		       size_t k)
{
	const struct token *t;

	if (k == 0)
		return 0;
	t = &d->ts->t[item_last(it, k - 1)];
	return t->type == TOK_WORD &&
	       utf8_count(d->v->text + t->start, tok_end(t) - t->start) >= 2;
}

/* The copies are sentences or exclamations: the unit holds a sentence
 * end, or the last copy is followed by "!", "?" or "…" ("Épargnez-moi.
 * Épargnez-moi.", "Mon Dieu ! Mon Dieu ! Mon Dieu !", "tout seul, tout
 * seul !"), or comma-joined copies lie in a question or an exclamation
 * ("De acuerdo, de acuerdo, parece razonable, pero, ¿qué…?"). e: the
 * item after the last copy. */
static int spoken(const struct repeat_doc *d, const struct items *it, size_t s,
		  size_t p, size_t e)
{
	for (size_t k = s; k < s + p; k++)
		if (speech_end(punct_at(d, it, k)) ||
		    (punct_at(d, it, k) == '.' && ends_phrase(d, it, k)))
			return 1;
	return speech_end(punct_at(d, it, e)) ||
	       (comma_unit(d, it, s, p) &&
		speech_end(it->mark[item_sent(it, e - 1)]));
}

static int is_content_word(const struct repeat_doc *d, size_t tok);

/* The unit at s holds a comma or a semicolon: its copies are segments. */
static int comma_unit(const struct repeat_doc *d, const struct items *it,
		      size_t s, size_t p)
{
	for (size_t k = s; k < s + p; k++)
		if (punct_at(d, it, k) == ',' || punct_at(d, it, k) == ';')
			return 1;
	return 0;
}

static int has_role(const struct repeat_doc *d, const struct items *it,
		    size_t k, enum repeat_role role);

/* The p items at s are a short clause that a writer says twice for
 * emphasis (epizeuxis: "je vis, je vis", "il faut, il faut", "Je le
 * veux, je le veux"): at most MAX_FIGURE_WORDS words, none of them a
 * content word, the last no function word. A copy that ends with an
 * article or a preposition ("We need to, we need to") is a fragment cut
 * inside a phrase, the shape of a loop. */
static int short_clause(const struct repeat_doc *d, const struct items *it,
			size_t s, size_t p)
{
	size_t words = 0, last = s + p;

	for (size_t k = s; k < s + p; k++) {
		if (is_content_word(d, it->tok[k]))
			return 0;
		if (d->ts->t[it->tok[k]].type == TOK_WORD) {
			words++;
			last = k;
		}
	}
	return words && words <= MAX_FIGURE_WORDS &&
	       !has_role(d, it, last, REPEAT_FUNCTION);
}

/* Two comma-joined copies that are no loop: the second runs on into
 * more words, the start of a longer segment ("je vis, je vis
 * distinctement", "comme une autre âme, comme une autre âme parasite"),
 * or the unit is a short clause (epizeuxis: "je vis, je vis, oui"). */
static int comma_figure(const struct repeat_doc *d, const struct items *it,
			size_t s, size_t p)
{
	size_t e = s + 2 * p;

	if (!comma_unit(d, it, s, p))
		return 0;
	if (e < it->n && item_sent(it, e) == item_sent(it, e - 1) &&
	    d->ts->t[it->tok[e - 1]].type == TOK_WORD &&
	    d->ts->t[it->tok[e]].type == TOK_WORD)
		return 1;
	return short_clause(d, it, s, p);
}

/* 1 when every word of the p items at s is written in lower case and
 * unknown to the article's dictionary: words a translation system copied
 * from its source untranslated (a brand, a foreign phrase), so that a
 * double of them is the source's ("Managed by triboo digitale triboo
 * digitale s.r.l."), not a loop of the system's. */
static int untranslated(const struct repeat_doc *d, const struct items *it,
			size_t s, size_t p)
{
	size_t words = 0;

	if (!d->cfg || !d->cfg->dict)
		return 0;
	for (size_t k = s; k < s + p; k++) {
		const struct token *t = &d->ts->t[it->tok[k]];

		if (t->type != TOK_WORD)
			continue;
		if (repeat_doc_starts_upper(d, it->tok[k]) ||
		    repeat_doc_is_word(d, d->v->text + t->start,
				       tok_end(t) - t->start))
			return 0;
		words++;
	}
	return words > 0;
}

static void immediate_run(struct repeat_doc *d, struct items *it, size_t s,
			  size_t run, size_t p)
{
	size_t copies = (run + p) / p;
	char what[96];
	int foreign, heading;

	if (count_words(d, it, s, p) < MIN_UNIT_WORDS || is_power(it, s, p))
		return;
	if (copies == 2 &&
	    (listed(d, it, s, s + 2 * p) || listed(d, it, s, s + p + 1)))
		return;
	if (is_quoted_list(d, it, s, p, s + run + p) ||
	    (copies == 2 && links_noun(d, it, s, p)))
		return;
	/* Two or three copies of an exclamation, a question, a suspended
	 * phrase or a sentence ("Au secours ! au secours !", "Je sais… je
	 * sais…") are speech written as spoken (epizeuxis); four or more
	 * are reported. */
	if (copies <= MAX_SPOKEN && spoken(d, it, s, p, s + copies * p))
		return;
	if (copies == 2 &&
	    (gapped(d, it, s) || repeat_doc_in_list(d, it->tok[s]) ||
	     repeat_doc_lost_boundary(d, it->tok[s], it->tok[s + p],
				      item_last(it, s + p - 1),
				      item_last(it, s + 2 * p - 1) + 1) ||
	     comma_figure(d, it, s, p)))
		return;
	/* Two copies of words copied untranslated are plausibly the
	 * source's: reported, not removed. */
	foreign = copies == 2 && untranslated(d, it, s, p);
	heading =
	    copies == 2 && !foreign && repeat_doc_after_heading(d, it->tok[s]);
	snprintf(what, sizeof(what), " %zu times in a row%s", copies,
		 foreign   ? "; untranslated words, not removed"
		 : heading ? HEADING_HELD
			   : "");
	report(d, it, s, p, s + p, s + copies * p,
	       !foreign && !heading && !exclaimed(d, it, s, p), what);
}

static void immediate_repeats(struct repeat_doc *d, struct items *it)
{
	for (size_t p = 2; p <= MAX_UNIT; p++) {
		size_t run = 0;

		for (size_t k = 0; k <= it->n; k++) {
			if (k + p < it->n && item_id(it, k) &&
			    item_id(it, k) == item_id(it, k + p)) {
				run++;
				continue;
			}
			if (run >= p)
				immediate_run(d, it, k - run, run, p);
			run = 0;
		}
	}
}

static int is_content_word(const struct repeat_doc *d, size_t tok)
{
	const struct token *t = &d->ts->t[tok];
	const char *s = d->v->text;
	size_t i = t->start, letters = 0;

	if (t->type != TOK_WORD)
		return 0;
	while (i < tok_end(t)) {
		int32_t c = utf8_next(s, &i, tok_end(t));
		if (c == '\'' || c == 0x2019) /* elision: l'infrastructure */
			letters = 0;
		else if (uc_is_alpha(c))
			letters++;
	}
	return letters >= CONTENT_CPS;
}

static uint64_t window_hash(const struct items *it, size_t k)
{
	uint64_t h = 1469598103934665603ULL ^ item_sent(it, k);

	for (size_t x = 0; x < WINDOW; x++)
		h = (h ^ item_id(it, k + x)) * 1099511628211ULL;
	return h * 0x9E3779B97F4A7C15ULL;
}

static int window_ok(const struct items *it, size_t k)
{
	if (k + WINDOW > it->n ||
	    item_sent(it, k) != item_sent(it, k + WINDOW - 1))
		return 0;
	for (size_t x = 0; x < WINDOW; x++)
		if (!item_id(it, k + x))
			return 0;
	return 1;
}

static int same_window(const struct items *it, size_t a, size_t b)
{
	if (item_sent(it, a) != item_sent(it, b))
		return 0;
	for (size_t x = 0; x < WINDOW; x++)
		if (item_id(it, a + x) != item_id(it, b + x))
			return 0;
	return 1;
}

/* Length of the match of the items at j with the earlier items at i of the
 * same sentence, without overlapping them. */
static size_t extend(const struct items *it, size_t i, size_t j)
{
	size_t len = 0;

	while (j + len < it->n && i + len < j && len < MAX_DISTANT &&
	       item_sent(it, j + len) == item_sent(it, j) &&
	       item_id(it, j + len) &&
	       item_id(it, i + len) == item_id(it, j + len))
		len++;
	return len;
}

/* End of the run of whole copies of the p items before j, from j on. */
static size_t loop_end(const struct items *it, size_t j, size_t p)
{
	size_t e = j;

	while (e < it->n && item_id(it, e) &&
	       item_id(it, e) == item_id(it, e - p))
		e++;
	return j + (e - j) / p * p;
}

/*
 * The items [b, e) between two copies: a few words, no punctuation, no
 * number. Rhetorical parallels ("elle était assez folle pour y croire, et
 * elle était assez folle pour y arriver") and enumerations ("9 000 euros
 * (part du constructeur comprise) et 6 750 euros (part du constructeur
 * comprise)") are separated by a clause boundary or a long stretch; a
 * translation loop repeats a phrase within a few plain words.
 */
static int close_gap(const struct repeat_doc *d, const struct items *it,
		     size_t b, size_t e)
{
	if (e - b > MAX_GAP)
		return 0;
	for (size_t k = b; k < e; k++)
		if (d->ts->t[it->tok[k]].type != TOK_WORD)
			return 0;
	return 1;
}

/* Anaphora repeats the opening of a sentence on purpose ("Elle était assez
 * folle pour y croire et elle était assez folle pour y arriver"). */
static int starts_sentence(const struct items *it, size_t i)
{
	return i == 0 || item_sent(it, i - 1) != item_sent(it, i);
}

/* 1 when item k is a comma, a semicolon, a dash or a conjunction of
 * repeat-rules.txt: what joins two copies of a clause. */
static int joins(const struct repeat_doc *d, const struct items *it, size_t k)
{
	int32_t c = punct_at(d, it, k);
	size_t len;
	const char *key;

	if (c)
		return c == ',' || c == ';' || c == 0x2013 || c == 0x2014;
	if (d->ts->t[it->tok[k]].type != TOK_WORD || !d->cfg)
		return 0;
	key = repeat_doc_key(d, d->id[it->tok[k]], &len);
	return repeat_rules_has(d->cfg->rules, REPEAT_SEPARATOR, key, len);
}

/* The items [b, e) between two copies are one to MAX_JOIN separators,
 * a comma among them (", and", ";"): a clause said again. */
static int joined_gap(const struct repeat_doc *d, const struct items *it,
		      size_t b, size_t e)
{
	int punct = 0;

	if (e <= b || e - b > MAX_JOIN)
		return 0;
	for (size_t k = b; k < e; k++) {
		if (!joins(d, it, k))
			return 0;
		punct |= punct_at(d, it, k) != 0;
	}
	return punct;
}

/* Item k closes a clause: punctuation, a line break, the end of the
 * sentence or of the text. A copy that runs on into more words is the
 * start of a longer term ("tax rate, tax rate cut"), not a copy. */
static int closes_clause(const struct repeat_doc *d, const struct items *it,
			 size_t k)
{
	return k >= it->n || item_sent(it, k) != item_sent(it, k - 1) ||
	       d->ts->t[it->tok[k]].type != TOK_WORD;
}

/* Item k ends the sentence that item k - 1 is in. */
static int closes_sentence(const struct repeat_doc *d, const struct items *it,
			   size_t k)
{
	return k >= it->n || item_sent(it, k) != item_sent(it, k - 1) ||
	       ends_sentence(d, it->tok[k]);
}

/* Try the match of j with i; returns the items consumed, at least 1. A
 * rejected match is skipped whole: its parts are rejected with it. */
static size_t distant_match(struct repeat_doc *d, struct items *it, size_t i,
			    size_t j)
{
	size_t len = extend(it, i, j), content = 0, end;
	int joined, whole, heading;

	for (size_t k = j; k < j + len; k++)
		content += is_content_word(d, it->tok[k]);
	if (len < WINDOW)
		return len ? len : 1;
	joined = joined_gap(d, it, i + len, j) && closes_clause(d, it, j + len);
	/* Epizeuxis: a short clause said again after a comma ("Je le veux,
	 * je le veux."), or a phrase said again before an exclamation or a
	 * suspension ("sans aucun doute, sans aucun doute…"). */
	if (joined && (short_clause(d, it, j, len) ||
		       speech_end(punct_at(d, it, j + len))))
		return len;
	/* The sentence is one phrase said twice ("Merci pour tout, merci
	 * pour tout."): a loop however short its words. */
	whole = (joined || i + len == j) && starts_sentence(it, i) &&
		closes_sentence(d, it, j + len) &&
		count_words(d, it, j, len) >= MIN_WHOLE_WORDS;
	/* A clause said again whole after a comma is a loop when it is
	 * long enough, whatever its words ("sous le feu des critiques, et
	 * sous le feu des critiques"). */
	if (content < MIN_CONTENT && !whole &&
	    !(joined && count_words(d, it, j, len) >= MIN_JOINED_WORDS))
		return len;
	if (joined) {
		/* A clause said again after a comma: removed with what joins
		 * it when it is long; a short one may be epizeuxis faithful
		 * to the source ("Je le veux, je le veux."), and one that
		 * repeats the opening of the sentence anaphora: reported. */
		report(d, it, i, len, i + len, j + len,
		       (whole || !starts_sentence(it, i)) &&
			   (content >= MIN_CONTENT ||
			    count_words(d, it, j, len) >= MIN_APPLY_WORDS),
		       " said again after a comma");
		return len;
	}
	if (i + len != j) {
		/* A phrase that a function word introduces again ("für
		 * Hochschulbildung und wissenschaftliche Forschung", "and an
		 * adult author writing for") is a term taken up as the
		 * complement of another word, or a parallel, not a loop. */
		if (starts_sentence(it, i) || !close_gap(d, it, i + len, j) ||
		    has_role(d, it, j - 1, REPEAT_FUNCTION) ||
		    has_role(d, it, j, REPEAT_FUNCTION))
			return len;
		report(d, it, i, len, j, j + len, 0,
		       " repeated later in the sentence");
		return len;
	}
	/* Nothing between the copies: a loop of a long unit, removed, unless
	 * two copies may be a heading and the paragraph it opens. */
	end = loop_end(it, j, len);
	heading = end - j == len && repeat_doc_after_heading(d, it->tok[i]);
	report(d, it, i, len, j, end, !heading,
	       heading ? " repeated in a row" HEADING_HELD
		       : " repeated in a row");
	return end - j;
}

/* Items in the longest sentence. */
static size_t longest_sentence(const struct items *it)
{
	size_t longest = 0, from = 0;

	for (size_t k = 1; k <= it->n; k++) {
		if (k < it->n && item_sent(it, k) == item_sent(it, from))
			continue;
		if (k - from > longest)
			longest = k - from;
		from = k;
	}
	return longest;
}

/*
 * A window matches only a window of its own sentence, so the table holds
 * one sentence at a time and is sized by the longest sentence, not by the
 * article: an entry of an earlier sentence is a free slot. A chain of the
 * current sentence holds none (an insertion takes the first free slot),
 * so a lookup may stop at one.
 */
static void distant_repeats(struct repeat_doc *d, struct items *it)
{
	size_t cap = 16, longest = longest_sentence(it);
	uint32_t *table; /* item index + 1 of a window, 0 = empty */

	while (cap < 2 * longest)
		cap *= 2;
	table = xcalloc(cap, sizeof(*table));
	for (size_t j = 0; j < it->n;) {
		size_t h, used = 1;
		int found = 0;

		if (!window_ok(it, j)) {
			j++;
			continue;
		}
		for (h = window_hash(it, j) & (cap - 1);
		     table[h] &&
		     item_sent(it, table[h] - 1) == item_sent(it, j);
		     h = (h + 1) & (cap - 1))
			if ((found = same_window(it, table[h] - 1, j)))
				break;
		if (found)
			used = distant_match(d, it, table[h] - 1, j);
		else
			table[h] = (uint32_t)j + 1;
		j += used;
	}
	free(table);
}

/* 1 when the items [a, a + n) and [b, b + n) are equal and usable. */
static int same_span(const struct items *it, size_t a, size_t b, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (!item_id(it, a + k) ||
		    item_id(it, a + k) != item_id(it, b + k))
			return 0;
	return 1;
}

/* A sentence repeated right after itself, however long: the copies go. */
static void repeated_sentences(struct repeat_doc *d, struct items *it)
{
	size_t prev = 0, cur = 0;

	while (cur < it->n) {
		size_t next = cur, p = cur - prev, end;

		while (next < it->n &&
		       item_sent(it, next) == item_sent(it, cur))
			next++;
		if (cur > prev && next - cur == p && p > MAX_UNIT &&
		    same_span(it, prev, cur, p) &&
		    count_words(d, it, prev, p) >= MIN_UNIT_WORDS) {
			end = loop_end(it, cur, p);
			report(d, it, prev, p, cur, end, 1,
			       " repeated in a row");
			cur = prev = end;
			continue;
		}
		prev = cur;
		cur = next;
	}
}

void repeat_doc_phrases(struct repeat_doc *d)
{
	struct items it;

	items_build(d, &it);
	immediate_repeats(d, &it);
	repeated_sentences(d, &it);
	distant_repeats(d, &it);
	items_release(&it);
}
