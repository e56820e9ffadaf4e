/*
 * repeat.c - the repetition stage's shared analysis (token ids) and the
 * word-level detector: repeated words and prefix stutters.
 *
 * Every non-space token is interned once by its case-folded text, so the
 * detectors compare integers; interning is one pass over the tokens and one
 * case fold per token (ASCII tokens are folded without ICU).
 */
#include "detect/repeat.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/utf8.h"
#include "common/util.h"

/* Code points of a repeated fragment ("Wich Wich Wichoff"), and of a
 * fragment that occurs once ("Wich Wichoff"), at least. */
#define STUTTER_MIN_CPS	       2
#define STUTTER_SINGLE_MIN_CPS 3
/* is_stutter(): a stutter to report, not to repair */
#define STUTTER_REPORTED 2

static int is_ascii(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)s[i] >= 0x80)
			return 0;
	return 1;
}

/* Case-fold s[0..len) into sb (reset first). */
static void fold_into(struct strbuf *sb, const char *s, size_t len)
{
	sb_reset(sb);
	if (is_ascii(s, len)) {
		for (size_t i = 0; i < len; i++) {
			char c = s[i];
			sb_addc(sb, c >= 'A' && c <= 'Z' ? (char)(c + 32) : c);
		}
	} else {
		size_t n;
		char *f = utf8_fold(s, len, &n);
		sb_add(sb, f, n);
		free(f);
	}
}

static uint32_t intern(struct repeat_doc *d, const char *key, size_t len)
{
	int64_t *slot = strmap_put(&d->ids, key, len);

	if (!*slot) {
		GROW(d->koff, d->idcap, d->nids + 1);
		d->freq = xrealloc(d->freq, d->idcap * sizeof(*d->freq));
		d->klen = xrealloc(d->klen, d->idcap * sizeof(*d->klen));
		d->koff[d->nids] = d->keys.len;
		d->klen[d->nids] = len;
		d->freq[d->nids] = 0;
		sb_add(&d->keys, key, len);
		*slot = (int64_t)d->nids++;
	}
	return (uint32_t)*slot;
}

#define LIST_WORDS	    12 /* words of a stretch that may be a list */
#define LIST_FUNCTION_SHARE 8  /* a list: function words < words / 8 */
#define TITLE_WORDS	    4  /* content words of a heading, at least */
/* a heading: capitalized content words >= TITLE_NUM / TITLE_DEN of them */
#define TITLE_NUM 3
#define TITLE_DEN 4

/* 1 when the folded word k[0..len) holds a typographic apostrophe. */
static int has_elision(const char *k, size_t len)
{
	for (size_t i = 0; i + 3 <= len; i++)
		if (!memcmp(k + i, "\xE2\x80\x99", 3)) /* U+2019 */
			return 1;
	return 0;
}

/* What mark_lists() counts in a stretch. Its first word, which a
 * sentence start capitalizes, counts as a word but not as content. */
struct stretch {
	size_t b, words, function, content, capitals;
};

static int ends_line(const struct repeat_doc *d, size_t i);

/* Mark the tokens of [s->b, e) as a list when its words are many and its
 * function words few ("pavimentos pavimentos cerámicos"), or, where a
 * capital marks a name, when it is a whole line without clause
 * punctuation and nearly all of its content words are capitalized: a
 * heading, a menu, a row of a table ("Casa di Mozart a Vienna Vienna
 * Card", "Liga Super Liga (China) Super Liga (China)"). */
static void mark_stretch(struct repeat_doc *d, const struct stretch *s,
			 size_t e)
{
	int names = repeat_rules_capitals_mark_names(d->cfg->rules);

	int line = (s->b == 0 || d->ts->t[s->b - 1].type == TOK_NEWLINE) &&
		   ends_line(d, e);

	if ((s->words >= LIST_WORDS &&
	     s->function * LIST_FUNCTION_SHARE < s->words) ||
	    (names && line && s->content >= TITLE_WORDS &&
	     s->capitals * TITLE_DEN >= s->content * TITLE_NUM))
		for (size_t k = s->b; k < e; k++)
			d->flags[k] |= RT_IN_LIST;
}

/* 1 when token k ends a stretch: a line break, or punctuation that closes
 * a clause. Brackets, hyphens, slashes and symbols stay inside ("Almaden
 * Valley ( SJ ) cambriano", "Grocery & Gourmet"). */
static int breaks_stretch(const struct repeat_doc *d, size_t k)
{
	const struct token *t = &d->ts->t[k];
	size_t i = t->start;
	int32_t c;

	if (t->type == TOK_NEWLINE)
		return 1;
	if (t->type != TOK_PUNCT)
		return 0;
	c = utf8_next(d->v->text, &i, tok_end(t));
	return c == ',' || c == ';' || c == ':' || c == '.' || c == '!' ||
	       c == '?' || c == 0x2026 || c == 0xA1 || c == 0xBF;
}

/* One pass: stretches end at clause punctuation and line breaks. */
static void mark_lists(struct repeat_doc *d)
{
	const struct tokens *ts = d->ts;
	const struct repeat_rules *r = d->cfg ? d->cfg->rules : NULL;
	struct stretch s = {0, 0, 0, 0, 0};

	if (!r)
		return;
	for (size_t i = 0; i < ts->n; i++) {
		const struct token *t = &ts->t[i];
		size_t len;
		const char *k;
		int function;

		if (breaks_stretch(d, i)) {
			mark_stretch(d, &s, i);
			memset(&s, 0, sizeof(s));
			s.b = i + 1;
			continue;
		}
		if (t->type != TOK_WORD)
			continue;
		k = repeat_doc_key(d, d->id[i], &len);
		/* an elided function word is part of its word: "qu'il" */
		function = repeat_rules_has(r, REPEAT_FUNCTION, k, len) ||
			   memchr(k, '\'', len) || has_elision(k, len);
		s.function += function;
		if (!function && s.words) {
			s.content++;
			s.capitals += repeat_doc_starts_upper(d, i);
		}
		s.words++;
	}
	mark_stretch(d, &s, ts->n);
}

int repeat_doc_in_list(const struct repeat_doc *d, size_t i)
{
	return i < d->ts->n && (d->flags[i] & RT_IN_LIST);
}

void repeat_doc_init(struct repeat_doc *d, struct article *a,
		     const struct view *v, const struct tokens *ts,
		     const struct repeat_config *cfg)
{
	size_t n = ts->n ? ts->n : 1;
	struct strbuf fold;

	assert(ts->n < UINT32_MAX);
	memset(d, 0, sizeof(*d));
	d->a = a;
	d->v = v;
	d->ts = ts;
	d->cfg = cfg;
	d->id = xcalloc(n, sizeof(*d->id));
	d->flags = xcalloc(n, 1);
	sb_init(&d->keys);
	sb_init(&fold);
	strmap_init(&d->ids);
	intern(d, "", 0); /* id 0: white space, never compared equal */
	for (size_t i = 0; i < ts->n; i++) {
		const struct token *t = &ts->t[i];

		d->nonspace += t->type != TOK_SPACE;
		if (t->type == TOK_SPACE || t->type == TOK_NEWLINE)
			continue;
		fold_into(&fold, v->text + t->start, tok_end(t) - t->start);
		d->id[i] = intern(d, fold.buf, fold.len);
		d->freq[d->id[i]]++;
	}
	sb_release(&fold);
	mark_lists(d);
}

void repeat_doc_release(struct repeat_doc *d)
{
	if (!d)
		return;
	free(d->id);
	free(d->flags);
	free(d->freq);
	free(d->koff);
	free(d->klen);
	sb_release(&d->keys);
	strmap_release(&d->ids);
	memset(d, 0, sizeof(*d));
}

uint32_t repeat_doc_lookup(const struct repeat_doc *d, const char *folded,
			   size_t len)
{
	const int64_t *slot = len ? strmap_find(&d->ids, folded, len) : NULL;

	return slot ? (uint32_t)*slot : 0;
}

const char *repeat_doc_key(const struct repeat_doc *d, uint32_t id, size_t *len)
{
	*len = d->klen[id];
	return d->keys.buf + d->koff[id];
}

int repeat_doc_is_word(const struct repeat_doc *d, const char *s, size_t len)
{
	return d->cfg && d->cfg->dict && dict_check(d->cfg->dict, s, len);
}

int repeat_doc_untouched(const struct repeat_doc *d, size_t s, size_t e)
{
	return view_orig_end(d->v, e) - view_orig_start(d->v, s) == e - s;
}

int repeat_doc_starts_upper(const struct repeat_doc *d, size_t i)
{
	size_t k = d->ts->t[i].start;
	int32_t c = utf8_next(d->v->text, &k, tok_end(&d->ts->t[i]));

	return c > 0 && uc_is_upper(c);
}

int repeat_doc_case_restarts(const struct repeat_doc *d, size_t a, size_t b)
{
	const char *t = d->v->text;
	size_t i = d->ts->t[a].start, j = d->ts->t[b].start;
	int32_t ca = utf8_next(t, &i, tok_end(&d->ts->t[a]));
	int32_t cb = utf8_next(t, &j, tok_end(&d->ts->t[b]));

	return ca > 0 && cb > 0 && uc_is_lower(ca) && uc_is_upper(cb);
}

/* 1 when token i opens a sentence: only white space lies between it and
 * the start of the text, a line break or a sentence end. */
static int opens_sentence(const struct repeat_doc *d, size_t i)
{
	const struct tokens *ts = d->ts;

	while (i > 0 && ts->t[i - 1].type == TOK_SPACE)
		i--;
	if (i == 0 || ts->t[i - 1].type == TOK_NEWLINE)
		return 1;
	if (ts->t[i - 1].type == TOK_PUNCT) {
		size_t k = ts->t[i - 1].start;
		int32_t c = utf8_next(d->v->text, &k, tok_end(&ts->t[i - 1]));

		return c == '.' || c == '!' || c == '?' || c == 0x2026 ||
		       c == ':';
	}
	return 0;
}

/* 1 when word token i starts with a lower-case letter. */
static int starts_lower(const struct repeat_doc *d, size_t i)
{
	size_t k = d->ts->t[i].start;
	int32_t c = utf8_next(d->v->text, &k, tok_end(&d->ts->t[i]));

	return d->ts->t[i].type == TOK_WORD && c > 0 && uc_is_lower(c);
}

/* 1 when token i ends its line: only white space lies between it and a
 * line break or the end of the text. */
static int ends_line(const struct repeat_doc *d, size_t i)
{
	const struct tokens *ts = d->ts;

	while (i < ts->n && ts->t[i].type == TOK_SPACE)
		i++;
	return i >= ts->n || ts->t[i].type == TOK_NEWLINE;
}

int repeat_doc_lost_boundary(const struct repeat_doc *d, size_t first,
			     size_t second, size_t before, size_t after)
{
	if (!repeat_doc_starts_upper(d, second))
		return 0;
	if (starts_lower(d, first))
		return 1;
	return repeat_rules_capitals_mark_names(d->cfg ? d->cfg->rules
						       : NULL) &&
	       starts_lower(d, before) && !opens_sentence(d, first) &&
	       ends_line(d, after);
}

/* First code point of token i when it is punctuation, else 0. */
static int32_t punct_of(const struct repeat_doc *d, size_t i)
{
	size_t k = d->ts->t[i].start;

	if (d->ts->t[i].type != TOK_PUNCT)
		return 0;
	return utf8_next(d->v->text, &k, tok_end(&d->ts->t[i]));
}

/* 1 when the period at token dot ends a section number: "12.1.2.",
 * "A.9.", or one number where a line or a sentence starts ("3. Le", not
 * "en 2013. Le"); a letter alone is an initial ("M. Snowden"). */
static int numbers_section(const struct repeat_doc *d, size_t dot)
{
	const struct tokens *ts = d->ts;
	size_t i = dot, parts = 0, numbers = 0;

	while (i > 0) {
		const struct token *t = &ts->t[i - 1];
		size_t len = tok_end(t) - t->start;

		if (t->type == TOK_NUMBER) {
			numbers++;
			parts += 1 + (memchr(d->v->text + t->start, '.', len) !=
				      NULL);
		} else if (t->type == TOK_WORD &&
			   utf8_count(d->v->text + t->start, len) == 1)
			parts++;
		else
			return 0;
		i--;
		if (i == 0 || punct_of(d, i - 1) != '.')
			break;
		i--; /* the period between two parts */
	}
	if (!numbers)
		return 0;
	if (parts >= 2)
		return 1;
	while (i > 0 && ts->t[i - 1].type == TOK_SPACE)
		i--;
	return i == 0 || ts->t[i - 1].type == TOK_NEWLINE ||
	       punct_of(d, i - 1) == '.' || punct_of(d, i - 1) == ':';
}

int repeat_doc_after_heading(const struct repeat_doc *d, size_t first)
{
	const struct tokens *ts = d->ts;
	size_t i = first, words = 0, open = first;

	for (; i > 0; i--) {
		const struct token *t = &ts->t[i - 1];
		int32_t c = punct_of(d, i - 1);

		/* not at a colon: a heading may hold one ("9.8.
		 * Planification asynchrone : anacron anacron est") */
		if (t->type == TOK_NEWLINE || c == '.' || c == '!' ||
		    c == '?' || c == 0x2026)
			break;
		if (t->type == TOK_WORD || t->type == TOK_NUMBER) {
			if (++words > HEADING_WORDS)
				return 0;
			open = i - 1;
		}
	}
	if (i > 0 && punct_of(d, i - 1) == '.' && numbers_section(d, i - 1))
		return 1;
	return open < first && ts->t[open].type == TOK_WORD &&
	       (ts->t[open].flags & TF_ALLCAPS) &&
	       utf8_count(d->v->text + ts->t[open].start,
			  tok_end(&ts->t[open]) - ts->t[open].start) >=
		   HEADING_LABEL_LETTERS;
}

void repeat_doc_mark(struct repeat_doc *d, size_t first, size_t last, int dead)
{
	for (size_t i = first; i <= last && i < d->ts->n; i++) {
		d->flags[i] |= RT_CLAIMED | (dead ? RT_DEAD : 0);
	}
}

/* Index of the next word token after i if a single run of horizontal space
 * lies between them, else 0. */
static size_t next_word(const struct repeat_doc *d, size_t i)
{
	const struct tokens *ts = d->ts;

	if (i + 2 < ts->n && ts->t[i + 1].type == TOK_SPACE &&
	    ts->t[i + 2].type == TOK_WORD && !(ts->t[i + 2].flags & TF_URL) &&
	    !repeat_doc_dead(d, i + 2))
		return i + 2;
	return 0;
}

/* Index of the word token before i if a single run of horizontal space
 * lies between them, else 0 (and 0 for the first token). */
static size_t prev_word(const struct repeat_doc *d, size_t i)
{
	const struct tokens *ts = d->ts;

	if (i >= 2 && ts->t[i - 1].type == TOK_SPACE &&
	    ts->t[i - 2].type == TOK_WORD && !repeat_doc_dead(d, i - 2))
		return i - 2;
	return 0;
}

static const struct repeat_rules *rules_of(const struct repeat_doc *d)
{
	return d->cfg ? d->cfg->rules : NULL;
}

/* 1 when the word after token i starts with a capital (a name). */
static int name_follows(const struct repeat_doc *d, size_t i)
{
	size_t n = next_word(d, i);

	return n && repeat_doc_starts_upper(d, n);
}

/* A double listed in the doubles ("bora bora"), or one that a grammatical
 * rule allows ("nous nous", "die die"). */
static int is_legit_double(const struct repeat_doc *d, size_t first,
			   size_t second)
{
	const struct wordlist *dbl = d->cfg ? d->cfg->doubles : NULL;
	const struct token *x = &d->ts->t[first], *y = &d->ts->t[second];
	size_t len, n = next_word(d, second), p = prev_word(d, first);
	const char *k = repeat_doc_key(d, d->id[first], &len);
	struct repeat_context c = {name_follows(d, second), NULL, 0, NULL, 0};

	if (n)
		c.next = repeat_doc_key(d, d->id[n], &c.next_len);
	if (p)
		c.prev = repeat_doc_key(d, d->id[p], &c.prev_len);
	if (dbl &&
	    wordlist_has(dbl, d->v->text + x->start, tok_end(y) - x->start))
		return 1;
	return repeat_rules_double(rules_of(d), k, len, &c);
}

static int is_emphatic(const struct repeat_doc *d, size_t i)
{
	size_t len;
	const char *k = repeat_doc_key(d, d->id[i], &len);

	return repeat_rules_has(rules_of(d), REPEAT_EMPHATIC, k, len);
}

static size_t tok_cps(const struct repeat_doc *d, size_t i)
{
	const struct token *t = &d->ts->t[i];

	return utf8_count(d->v->text + t->start, tok_end(t) - t->start);
}

/* 1 when word token i holds an apostrophe: "jusqu'à" starts with "jus"
 * only in its letters ("de jus jusqu'à 1.5A"). */
static int elided(const struct repeat_doc *d, size_t i)
{
	const struct token *t = &d->ts->t[i];
	const char *s = d->v->text + t->start;
	size_t len = tok_end(t) - t->start;

	for (size_t k = 0; k < len; k++)
		if (s[k] == '\'' ||
		    (k + 2 < len && !memcmp(s + k, "\xE2\x80\x99", 3)))
			return 1;
	return 0;
}

/* 1 when token frag is written as the first bytes of token full, or both
 * in capitals ("EU EUROPE"). */
static int same_prefix(const struct repeat_doc *d, size_t frag, size_t full)
{
	const struct token *f = &d->ts->t[frag], *w = &d->ts->t[full];
	size_t n = tok_end(f) - f->start;

	if ((f->flags & TF_ALLCAPS) && (w->flags & TF_ALLCAPS))
		return 1;
	return n < tok_end(w) - w->start &&
	       !memcmp(d->v->text + f->start, d->v->text + w->start, n);
}

/* 1 when token i is a word of English that the article's dictionary, of
 * another language, does not know. */
static int english_only(const struct repeat_doc *d, size_t i)
{
	const struct repeat_config *c = d->cfg;
	const struct token *t = &d->ts->t[i];
	const char *s = d->v->text + t->start;
	struct dict *en;

	if (!c || !c->dict || !c->dict_for ||
	    !strncmp(dict_lang(c->dict), "en", 2) ||
	    repeat_doc_is_word(d, s, tok_end(t) - t->start))
		return 0;
	en = c->dict_for(c->ctx, "en");
	return en && dict_check(en, s, tok_end(t) - t->start);
}

/* 1 when the fragment token frag and the word before it are English words
 * the article's dictionary does not know: a label left untranslated in a
 * menu in two languages ("Company Info Información"), not a false start. */
static int in_english(const struct repeat_doc *d, size_t frag)
{
	size_t p = prev_word(d, frag);

	return p && english_only(d, p) && english_only(d, frag);
}

/* 1 when token frag is a fragment of the longer word token full: its folded
 * text is a proper prefix of full's, and it is no word of its own. */
static int is_stutter(const struct repeat_doc *d, size_t frag, size_t full,
		      size_t copies)
{
	const struct token *t = &d->ts->t[frag];
	size_t fl, wl, cps = tok_cps(d, frag);
	const char *fk = repeat_doc_key(d, d->id[frag], &fl);
	const char *wk = repeat_doc_key(d, d->id[full], &wl);

	if (fl >= wl || memcmp(fk, wk, fl) != 0)
		return 0;
	/* A false start repeats the word's first letters as written: "web
	 * WEBHOUSE" is a word and a name, not a stutter. */
	if (!same_prefix(d, frag, full))
		return 0;
	if (repeat_doc_is_word(d, d->v->text + t->start,
			       tok_end(t) - t->start)) {
		/* A function word before a longer word that starts with it
		 * is grammar ("que quelques", "the theory", "die diese");
		 * another word, once in the article, is a false start
		 * ("chinois chinoises", "mid middle"), reported since it is
		 * a word. */
		return copies == 1 && cps >= STUTTER_SINGLE_MIN_CPS &&
			       !elided(d, full) && d->freq[d->id[frag]] == 1 &&
			       !repeat_rules_has(rules_of(d), REPEAT_FUNCTION,
						 fk, fl) &&
			       !is_legit_double(d, frag, full)
			   ? STUTTER_REPORTED
			   : 0;
	}
	if (copies >= 2)
		return cps >= STUTTER_MIN_CPS;
	/* One fragment: only when it occurs nowhere else in the article,
	 * and is no English word left untranslated (then it is no
	 * fragment but a whole word of another language). */
	return cps >= STUTTER_SINGLE_MIN_CPS && d->freq[d->id[frag]] == 1 &&
	       !in_english(d, frag);
}

/* 1 when word token i is joined by a hyphen to the next word, the first
 * part of a compound ("elle-même", "Boutros-Ghali"). */
static int starts_compound(const struct repeat_doc *d, size_t i)
{
	const struct tokens *ts = d->ts;
	const char *s;
	size_t len;

	if (i + 2 >= ts->n || ts->t[i + 1].type != TOK_PUNCT ||
	    ts->t[i + 2].type != TOK_WORD)
		return 0;
	s = d->v->text + ts->t[i + 1].start;
	len = tok_end(&ts->t[i + 1]) - ts->t[i + 1].start;
	return (len == 1 && *s == '-') ||
	       (len == 3 && !memcmp(s, "\xE2\x80\x90", 3)); /* U+2010 */
}

/* Mark [first, last] claimed and, when f was applied, [gone, last] dead. */
static void settle(struct repeat_doc *d, const struct finding *f, size_t first,
		   size_t gone, size_t last)
{
	repeat_doc_mark(d, first, last, 0);
	if (f && f->applied && gone <= last)
		repeat_doc_mark(d, gone, last, 1);
}

/* Report the copies after the first (after two when keep_two); held, when
 * not NULL, says why they are reported without being removed. */
static void report_word(struct repeat_doc *d, size_t first, size_t last,
			size_t copies, int keep_two, const char *held)
{
	const struct tokens *ts = d->ts;
	const struct token *w = &ts->t[first];
	size_t keep = keep_two ? next_word(d, first) : first;
	const struct finding *f;
	char detail[160];
	int len =
	    (int)(tok_end(w) - w->start > 60 ? 60 : tok_end(w) - w->start);
	size_t vs = tok_end(&ts->t[keep]), ve = tok_end(&ts->t[last]);
	/* "il Il": a lost boundary, not a stutter (reported only) */
	int applied = !held && !repeat_doc_case_restarts(d, first, keep + 2);

	/* The space before the copies is a repair (a space inserted between
	 * glued words), which the removal could not take along: remove the
	 * space after them instead, or nothing. */
	if (applied && !repeat_doc_untouched(d, vs, ts->t[keep + 2].start)) {
		const struct token *sp =
		    last + 1 < ts->n ? &ts->t[last + 1] : NULL;
		applied = sp && sp->type == TOK_SPACE &&
			  repeat_doc_untouched(d, sp->start, tok_end(sp));
		if (applied) {
			vs = ts->t[keep + 2].start;
			ve = tok_end(sp);
		}
	}
	snprintf(detail, sizeof(detail), "word '%.*s' %zu times in a row%s%s",
		 len, d->v->text + w->start, copies,
		 keep_two ? "; the legitimate double is kept" : "",
		 held ? held : "");
	f = view_report(d->v, d->a, FK_WORD_REPEAT, vs, ve, "", 0, applied,
			applied ? 0.9 : 0.6, detail);
	settle(d, f, first, keep + 1, last);
}

static void report_stutter(struct repeat_doc *d, size_t first, size_t full,
			   size_t copies, int applied)
{
	const struct tokens *ts = d->ts;
	const struct token *s = &ts->t[first], *w = &ts->t[full];
	const struct finding *f;
	char detail[200];
	int sl = (int)(tok_end(s) - s->start > 60 ? 60 : tok_end(s) - s->start);
	int wl = (int)(tok_end(w) - w->start > 60 ? 60 : tok_end(w) - w->start);

	snprintf(detail, sizeof(detail),
		 "fragment '%.*s' %zu time%s before '%.*s'", sl,
		 d->v->text + s->start, copies, copies > 1 ? "s" : "", wl,
		 d->v->text + w->start);
	f = view_report(d->v, d->a, FK_WORD_REPEAT, s->start, w->start, "", 0,
			applied,
			!applied     ? 0.6
			: copies > 1 ? 0.9
				     : 0.7,
			detail);
	settle(d, f, first, first, full - 1);
	repeat_doc_mark(d, full, full, 0);
}

/* 1 when word token i is written in lower case and unknown to the
 * article's dictionary: a word a translation system copied from its
 * source, a command or a brand ("sendmail sendmail lire", a table's two
 * cells), whose double is as plausibly the source's as a loop, as for
 * phrases (repeat_phrases.c, untranslated()). */
static int untranslated_word(const struct repeat_doc *d, size_t i)
{
	const struct token *t = &d->ts->t[i];

	return d->cfg && d->cfg->dict && !repeat_doc_starts_upper(d, i) &&
	       !repeat_doc_is_word(d, d->v->text + t->start,
				   tok_end(t) - t->start);
}

/* A capital letter named as a noun, then the word that is the same
 * letter: "desde la A a la Z", "la A a la Z". */
static int letter_named(const struct repeat_doc *d, size_t i, size_t j)
{
	const struct token *x = &d->ts->t[i], *y = &d->ts->t[j];
	size_t k = x->start;

	utf8_next(d->v->text, &k, tok_end(x));
	return k == tok_end(x) && (x->flags & TF_UPPER) &&
	       !(y->flags & TF_UPPER);
}

/* 1 when word token i is glued to a symbol before it, a part of a code
 * or an expression ("Español=es es": a key and its value), not of a
 * sentence. */
static int in_code(const struct repeat_doc *d, size_t i)
{
	const struct token *t = i > 0 ? &d->ts->t[i - 1] : NULL;
	size_t k;

	if (!t || t->type != TOK_PUNCT)
		return 0;
	k = t->start;
	return uc_is_symbol(utf8_next(d->v->text, &k, tok_end(t)));
}

/*
 * One pass over the word tokens: gather the run of equal words starting at
 * i, then look at the word that follows it for a prefix stutter.
 */
void repeat_doc_words(struct repeat_doc *d)
{
	const struct tokens *ts = d->ts;

	for (size_t i = 0; i < ts->n; i++) {
		const struct token *first = &ts->t[i];
		size_t j, last = i, copies = 1, full;
		int stutter;

		if (first->type != TOK_WORD || first->flags & TF_URL ||
		    repeat_doc_dead(d, i))
			continue;
		while ((j = next_word(d, last)) && d->id[j] == d->id[i]) {
			last = j;
			copies++;
		}
		if (copies > 1 && starts_compound(d, last)) {
			last -= 2; /* "Elle elle-même": the copy is bound */
			copies--;
		}
		full = next_word(d, last);
		if (full && (stutter = is_stutter(d, i, full, copies)) != 0) {
			report_stutter(d, i, full, copies,
				       stutter != STUTTER_REPORTED);
			i = full;
			continue;
		}
		if (copies < 2)
			continue;
		if (copies == 2 &&
		    (repeat_doc_lost_boundary(d, i, last, i, last + 1) ||
		     in_code(d, i))) {
			/* "bueno Bueno", "Español=es es": not a repetition */
		} else if (is_emphatic(d, i)) {
			report_word(d, i, last, copies, 0,
				    "; may be emphasis, not removed");
		} else if (copies == 2 && repeat_doc_after_heading(d, i)) {
			report_word(d, i, last, copies, 0, HEADING_HELD);
		} else if (is_legit_double(d, i, next_word(d, i))) {
			if (copies > 2)
				report_word(d, i, last, copies, 1, NULL);
		} else if (copies == 2 && (repeat_doc_in_list(d, i) ||
					   letter_named(d, i, last))) {
			/* an item, then a longer one: "Calze Calze
			 * Fantasiose" */
		} else {
			report_word(d, i, last, copies, 0,
				    copies == 2 && untranslated_word(d, i)
					? "; an untranslated word, not removed"
					: NULL);
		}
		i = last;
	}
}

void repeat_detect(struct article *a, const struct view *v,
		   const struct tokens *ts, const struct repeat_config *cfg)
{
	struct repeat_doc d;

	repeat_doc_init(&d, a, v, ts, cfg);
	repeat_doc_lines(&d);
	repeat_doc_loops(&d);
	repeat_doc_phrases(&d);
	repeat_doc_words(&d);
	repeat_doc_chars(&d);
	repeat_doc_release(&d);
}
