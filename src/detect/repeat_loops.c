/*
 * repeat_loops.c - loops whose copies are joined by separators: "pre-pre-
 * pre-pre-", "EU/EU/EU", "wait, wait, wait or wait", "le projet, le
 * projet, le projet".
 *
 * A loop is a stretch of the text whose tail repeats its head with a
 * period of p items, the separators (commas, hyphens, slashes, dashes,
 * and the conjunctions of repeat-rules.txt) counted in the unit as one
 * symbol, so that "wait, wait or wait" has period 2. For each p in
 * 2..MAX_LOOP_UNIT one scan compares item k with item k + p (the runs of a
 * string with a bounded period, O(n * MAX_LOOP_UNIT)). The decision rests on
 * the number of copies, never on a list of shapes: three copies of a unit
 * that holds a separator make a loop. Three is also the rhetorical triple
 * that a translation may owe to its source ("jamais, jamais, jamais !",
 * "Grenzschutz, Grenzschutz, Grenzschutz"): reported, not removed, unless
 * the unit is long (MIN_LONG_UNIT words: "d'un point de vue conservateur"
 * three times is no figure of speech); four copies or more are removed. A run
 * is left alone when it is one word of the dictionary ("bla-bla-bla"), a quoted
 * slogan, or a short interjection
 * ("ha, ha, ha !").
 * Units without a separator are the other detectors' (repeat_phrases.c,
 * repeat.c). The repair keeps the first copy and what follows the last:
 * "Wait, wait, wait or wait." -> "Wait.", "EU-EU-EU countries" -> "EU
 * countries".
 */
#include "detect/repeat.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/utf8.h"
#include "common/util.h"

#define MAX_LOOP_UNIT	 12 /* longest unit, items */
#define MIN_COPIES	 3  /* copies of a loop */
#define MIN_APPLY_COPIES 4  /* copies of a loop that is removed */
#define MIN_LONG_UNIT	 4  /* words of a unit removed after three copies */
#define SHORT_CALL	 3  /* letters of an interjection ("ha, ha") */
#define MAX_DICT_SPAN	 64 /* bytes of a run looked up as one word */
#define SEP		 UINT32_MAX /* id of every separator */

struct loop_items {
	uint32_t *tok; /* token of each item (32 bits: repeat.h) */
	uint32_t *id;  /* SEP, a word id, or 0 (never matches) */
	size_t n;
};

static const char *tok_text(const struct repeat_doc *d, size_t k, size_t *len)
{
	*len = tok_end(&d->ts->t[k]) - d->ts->t[k].start;
	return d->v->text + d->ts->t[k].start;
}

/* First code point of token k when it is punctuation, else 0. */
static int32_t punct_cp(const struct repeat_doc *d, size_t k)
{
	const struct token *t = &d->ts->t[k];
	size_t i = t->start;

	return t->type == TOK_PUNCT ? utf8_next(d->v->text, &i, tok_end(t)) : 0;
}

static int is_separator(const struct repeat_doc *d, size_t k)
{
	int32_t c = punct_cp(d, k);
	size_t len;
	const char *key;

	if (c)
		return c == ',' || c == ';' || c == '/' || c == '-' ||
		       c == 0x2010 || c == 0x2013 || c == 0x2014;
	if (d->ts->t[k].type != TOK_WORD)
		return 0;
	key = repeat_doc_key(d, d->id[k], &len);
	return repeat_rules_has(d->cfg ? d->cfg->rules : NULL, REPEAT_SEPARATOR,
				key, len);
}

static uint32_t loop_id(const struct repeat_doc *d, size_t k)
{
	const struct token *t = &d->ts->t[k];
	size_t len;
	const char *s = tok_text(d, k, &len);

	if (t->type == TOK_NEWLINE || repeat_doc_claimed(d, k) ||
	    repeat_doc_dead(d, k) || t->flags & TF_URL)
		return 0;
	if (t->type == TOK_PUNCT &&
	    ((len == 1 && (*s == '.' || *s == '!' || *s == '?')) ||
	     (len == 3 && !memcmp(s, "\xE2\x80\xA6", 3))))
		return 0; /* a sentence end is no separator */
	return is_separator(d, k) ? SEP : d->id[k];
}

static void loop_items_build(const struct repeat_doc *d, struct loop_items *it)
{
	size_t n = d->nonspace + 1;

	it->tok = xmalloc(n * sizeof(*it->tok));
	it->id = xmalloc(n * sizeof(*it->id));
	it->n = 0;
	for (size_t k = 0; k < d->ts->n; k++) {
		if (d->ts->t[k].type == TOK_SPACE)
			continue;
		it->tok[it->n] = (uint32_t)k;
		it->id[it->n++] = loop_id(d, k);
	}
}

/* Letters of word token k, 0 when it is not a word. */
static size_t letters(const struct repeat_doc *d, size_t k)
{
	const struct token *t = &d->ts->t[k];
	size_t i = t->start, n = 0;

	if (t->type != TOK_WORD)
		return 0;
	while (i < tok_end(t))
		n += uc_is_alpha(utf8_next(d->v->text, &i, tok_end(t))) != 0;
	return n;
}

/* 1 when the p items at s are a power of a shorter unit. */
static int is_power(const struct loop_items *it, size_t s, size_t p)
{
	for (size_t q = 1; q < p; q++) {
		size_t k = 0;

		if (p % q)
			continue;
		while (k + q < p && it->id[s + k] == it->id[s + k + q])
			k++;
		if (k + q == p)
			return 1;
	}
	return 0;
}

struct loop {
	size_t s, p, copies, words; /* words: word items of one unit */
	size_t first_end, last_end; /* last word item of copy 1, of all */
	size_t longest;		    /* letters of the longest word */
	int comma;		    /* a comma among the separators */
};

/* Describe the periodic region [s, e) of period p; 0 when it is no loop
 * of this detector (no separator or no word in the unit, too few
 * copies). */
static int loop_shape(const struct repeat_doc *d, const struct loop_items *it,
		      size_t s, size_t e, size_t p, struct loop *l)
{
	size_t seps = 0, rem;

	while (s < e && it->id[s] == SEP)
		s++;
	if (e - s < 2 * p || is_power(it, s, p))
		return 0;
	memset(l, 0, sizeof(*l));
	l->s = s;
	l->p = p;
	for (size_t k = s; k < s + p; k++) {
		size_t n = letters(d, it->tok[k]);

		seps += it->id[k] == SEP;
		l->comma |= punct_cp(d, it->tok[k]) == ',';
		l->words += n > 0;
		l->longest = n > l->longest ? n : l->longest;
		if (it->id[k] != SEP)
			l->first_end = k;
	}
	if (!seps || !l->words)
		return 0;
	rem = (e - s) % p;
	l->copies = (e - s) / p;
	if (rem) { /* a last copy without its trailing separators */
		size_t k = rem;
		while (k < p && it->id[s + k] == SEP)
			k++;
		l->copies += k == p;
	}
	for (l->last_end = e - 1; it->id[l->last_end] == SEP; l->last_end--)
		;
	return l->copies >= MIN_COPIES;
}

/* The item after k is sentence-final punctuation: "ha, ha, ha !". */
static int exclaims(const struct repeat_doc *d, const struct loop_items *it,
		    size_t k)
{
	int32_t c = k + 1 < it->n ? punct_cp(d, it->tok[k + 1]) : 0;

	return c == '!' || c == '?' || c == 0x2026 || c == '"' || c == 0xBB ||
	       c == 0x201D;
}

static int is_quote(int32_t c, int opening)
{
	if (c == '"')
		return 1;
	return opening ? c == 0xAB || c == 0x201C || c == 0x201E || c == 0x2039
		       : c == 0xBB || c == 0x201D || c == 0x203A;
}

/* The run is a whole quotation, a slogan: "Grenzschutz, Grenzschutz,
 * Grenzschutz". */
static int quoted(const struct repeat_doc *d, const struct loop_items *it,
		  const struct loop *l)
{
	return l->s > 0 && l->last_end + 1 < it->n &&
	       is_quote(punct_cp(d, it->tok[l->s - 1]), 1) &&
	       is_quote(punct_cp(d, it->tok[l->last_end + 1]), 0);
}

/* The run is one word of the dictionary whose unit is none: "bla-bla-bla"
 * (Hunspell accepts "jamais-jamais" too, part by part, so the unit alone
 * must be unknown). */
static int is_dict_run(const struct repeat_doc *d, const struct loop_items *it,
		       const struct loop *l)
{
	size_t b = d->ts->t[it->tok[l->s]].start;
	size_t e = tok_end(&d->ts->t[it->tok[l->last_end]]);
	size_t ue = tok_end(&d->ts->t[it->tok[l->s]]);

	return l->words == 1 && e - b <= MAX_DICT_SPAN &&
	       !repeat_doc_is_word(d, d->v->text + b, ue - b) &&
	       repeat_doc_is_word(d, d->v->text + b, e - b);
}

/* Legitimate runs: one dictionary word ("bla-bla-bla", "cha-cha-cha"), a
 * quoted slogan, or an interjection of short calls: three of them ("Non,
 * non, non, dit-il"), or more before an exclamation ("ha, ha, ha, ha !"). */
static int is_legit_loop(const struct repeat_doc *d,
			 const struct loop_items *it, const struct loop *l)
{
	if (is_dict_run(d, it, l) || quoted(d, it, l))
		return 1;
	/* three copies before an exclamation: "jamais, jamais, jamais !" */
	if (l->copies == MIN_COPIES && exclaims(d, it, l->last_end))
		return 1;
	return l->words == 1 && l->longest <= SHORT_CALL &&
	       ((l->copies == MIN_COPIES && l->comma) ||
		exclaims(d, it, l->last_end));
}

static void loop_report(struct repeat_doc *d, struct loop_items *it,
			const struct loop *l)
{
	const struct tokens *ts = d->ts;
	size_t ub = ts->t[it->tok[l->s]].start;
	size_t ue = tok_end(&ts->t[it->tok[l->first_end]]);
	size_t vs = ue, ve = tok_end(&ts->t[it->tok[l->last_end]]);
	int applied =
	    (l->copies >= MIN_APPLY_COPIES || l->words >= MIN_LONG_UNIT) &&
	    !repeat_doc_case_restarts(d, it->tok[l->s], it->tok[l->s + l->p]);
	const struct finding *f;
	char detail[200];

	snprintf(detail, sizeof(detail), "phrase '%.*s' %zu times, joined%s",
		 (int)(ue - ub > 80 ? 80 : ue - ub), d->v->text + ub, l->copies,
		 applied ? "" : " (may be emphasis, not removed)");
	f = view_report(d->v, d->a, FK_PHRASE_REPEAT, vs, ve, "", 0, applied,
			applied ? 0.9 : 0.6, detail);
	repeat_doc_mark(d, it->tok[l->s], it->tok[l->first_end], 0);
	repeat_doc_mark(d, it->tok[l->first_end] + 1, it->tok[l->last_end],
			f && f->applied);
}

static void loop_region(struct repeat_doc *d, struct loop_items *it, size_t s,
			size_t e, size_t p)
{
	struct loop l;

	if (!loop_shape(d, it, s, e, p, &l))
		return;
	if (!is_legit_loop(d, it, &l))
		loop_report(d, it, &l);
	for (size_t k = l.s; k < e; k++)
		it->id[k] = 0;
}

void repeat_doc_loops(struct repeat_doc *d)
{
	struct loop_items it;

	loop_items_build(d, &it);
	for (size_t p = 2; p <= MAX_LOOP_UNIT; p++) {
		size_t run = 0;

		for (size_t k = 0; k <= it.n; k++) {
			if (k + p < it.n && it.id[k] &&
			    it.id[k] == it.id[k + p]) {
				run++;
				continue;
			}
			if (run >= p)
				loop_region(d, &it, k - run, k + p, p);
			run = 0;
		}
	}
	free(it.tok);
	free(it.id);
}
