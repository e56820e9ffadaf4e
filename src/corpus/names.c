/*
 * names.c - name candidates and their context clues, one linear pass over
 * an article's tokens (see names.h for what a candidate is).
 *
 * The pass first lists the article's candidates with their sentence, then
 * records the clues between neighbouring candidates, so that a clue never
 * crosses a sentence.
 */
#include "corpus/names.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "common/utf8.h"

#define NEAR_WINDOW 12

static const char *const clue_names[NC__COUNT] = {"given", "next", "title",
						  "near"};

int name_rules_load(struct name_rules *r, const char *data_dir,
		    const char *lang)
{
	static const char *const files[] = {"name-titles.txt", "elisions.txt"};
	struct wordlist *lists[] = {&r->titles, &r->elisions};
	struct strbuf path;
	int rc = 0;

	sb_init(&path);
	for (size_t i = 0; i < ARRAY_SIZE(files); i++) {
		wordlist_init(lists[i]);
		sb_reset(&path);
		sb_addf(&path, "%s/%.2s/%s", data_dir, lang, files[i]);
		if (rc == 0)
			rc = wordlist_load(lists[i], path.buf, 1);
	}
	sb_release(&path);
	return rc;
}

void name_rules_release(struct name_rules *r)
{
	if (!r)
		return;
	wordlist_release(&r->titles);
	wordlist_release(&r->elisions);
}

/* 1 when the letters p[0..n) end in an elided word of the list: "d" for
 * "de", "qu" for "que", "L" for "la". */
static int elided_word(const struct name_rules *rules, const char *p, size_t n)
{
	char buf[16];

	if (!rules)
		return p[0] >= 'a' && p[0] <= 'z';
	memcpy(buf, p, n);
	buf[n + 1] = '\0';
	buf[n] = 'e';
	if (wordlist_has(&rules->elisions, buf, n + 1))
		return 1;
	buf[n] = 'a';
	return wordlist_has(&rules->elisions, buf, n + 1);
}

/* An elided word is one to six ASCII letters and an apostrophe (' or
 * U+2019) before a letter: d’, L', qu’, jusqu’. */
size_t name_elision_len(const struct name_rules *rules, const char *s,
			size_t len)
{
	size_t i = 0, e;

	while (i < len && i < 6 &&
	       ((s[i] >= 'a' && s[i] <= 'z') ||
		(!i && s[i] >= 'A' && s[i] <= 'Z')))
		i++;
	/* the apostrophe first: most words have none there */
	if (i == 0 || (e = i + utf8_apostrophe_at(s + i, len - i)) == i ||
	    !elided_word(rules, s, i))
		return 0;
	if (e < len) {
		size_t k = e;
		if (uc_is_alpha(utf8_next(s, &k, len)))
			return e;
	}
	return 0;
}

struct names *names_new(const struct name_rules *rules)
{
	struct names *n = xcalloc(1, sizeof(*n));

	n->rules = rules;
	strmap_init(&n->index);
	return n;
}

static void clues_release(struct name_clues *c)
{
	for (size_t i = 0; i < c->n; i++)
		free(c->v[i].word);
	c->n = 0;
}

void names_free(struct names *n)
{
	if (!n)
		return;
	for (size_t i = 0; i < n->n; i++) {
		free(n->forms[i].form);
		for (int k = 0; k < NC__COUNT; k++)
			clues_release(&n->forms[i].clues[k]);
	}
	free(n->forms);
	strmap_release(&n->index);
	free(n);
}

const struct name_form *names_find(const struct names *n, const char *s,
				   size_t len)
{
	int64_t *p = strmap_find(&n->index, s, len);

	return p ? &n->forms[*p - 1] : NULL;
}

struct name_form *names_get(struct names *n, const char *s, size_t len)
{
	int64_t *p = strmap_put(&n->index, s, len);
	struct name_form *f;

	if (*p)
		return &n->forms[*p - 1];
	GROW(n->forms, n->cap, n->n + 1);
	f = &n->forms[n->n++];
	memset(f, 0, sizeof(*f));
	f->form = xmemdup(s, len);
	*p = (int64_t)n->n;
	return f;
}

/* A fixed hash of a clue word (FNV-1a, 64 bits): which clues a form keeps
 * must not depend on the platform. */
static uint64_t clue_hash(const char *w, size_t len)
{
	uint64_t h = 0xcbf29ce484222325u;

	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)w[i]) * 0x100000001b3u;
	return h;
}

/* Does clue word a (hash ha) come before kept clue b in the order of
 * kept clues? */
static int clue_before(uint64_t ha, const char *a, size_t alen,
		       const struct name_clue *b)
{
	int c;

	if (ha != b->hash)
		return ha < b->hash;
	c = strncmp(a, b->word, alen);
	return c < 0 || (c == 0 && b->word[alen]);
}

/*
 * A form keeps the NAME_CLUES_MAX clue words of a kind with the smallest
 * hashes among all it was seen with. That set does not depend on the
 * order of the articles (the first ones seen would), nor on how the batch
 * was split between workers or shards; and a word of the set was never
 * put out of it, so its count is exact.
 */
void name_form_clue(struct name_form *f, enum name_clue_kind kind,
		    const char *w, size_t len, size_t n)
{
	struct name_clues *c = &f->clues[kind];
	struct name_clue *out;
	uint64_t h = clue_hash(w, len);

	for (size_t i = 0; i < c->n; i++) {
		if (c->v[i].hash == h && strlen(c->v[i].word) == len &&
		    !memcmp(c->v[i].word, w, len)) {
			c->v[i].n += n;
			return;
		}
	}
	if (c->n < NAME_CLUES_MAX) {
		out = &c->v[c->n++];
	} else {
		out = &c->v[0]; /* the last kept in order: the one to put out */
		for (size_t i = 1; i < c->n; i++)
			if (!clue_before(c->v[i].hash, c->v[i].word,
					 strlen(c->v[i].word), out))
				out = &c->v[i];
		if (!clue_before(h, w, len, out))
			return;
		free(out->word);
	}
	out->word = xmemdup(w, len);
	out->n = n;
	out->hash = h;
}

/* One candidate of the article being collected. */
struct cand {
	size_t tok, last_tok; /* first and last token */
	size_t start, end;    /* name bytes in the view (elision stripped) */
	size_t sentence;
	int initial;
};

struct cands {
	struct cand *v;
	size_t n, cap;
};

static int is_dash(const char *t, const struct token *tk)
{
	return tk->type == TOK_PUNCT && tok_end(tk) - tk->start == 1 &&
	       t[tk->start] == '-';
}

static int has_digit(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (s[i] >= '0' && s[i] <= '9')
			return 1;
	return 0;
}

/* Offset of the name in word token tk (after an elision), or -1 when the
 * token cannot start a name. */
static long name_start(const struct name_rules *rules, const char *t,
		       const struct token *tk)
{
	const char *w = t + tk->start;
	size_t len = tok_end(tk) - tk->start, el;

	if (tk->type != TOK_WORD || tk->flags & TF_URL)
		return -1;
	el = name_elision_len(rules, w, len);
	if (!utf8_starts_upper(w + el, len - el) ||
	    utf8_is_all_caps(w + el, len - el) || has_digit(w, len) ||
	    utf8_count(w + el, len - el) < 2)
		return -1;
	return (long)el;
}

static int ends_sentence(const char *t, const struct token *tk)
{
	char c = t[tk->start];

	if (tk->type == TOK_NEWLINE)
		return 1;
	return tk->type == TOK_PUNCT &&
	       (c == '.' || c == '!' || c == '?' || c == ':' || c == ';' ||
		!strncmp(t + tk->start, "\xE2\x80\xA6", 3));
}

/* An opening quote or dash starts a quoted sentence, whose first word is
 * capitalized like a sentence's ("« On verra »"). */
static int opens_quote(const char *t, const struct tokens *ts, size_t i)
{
	const struct token *tk = &ts->t[i];
	static const char *const marks[] = {
	    "\xC2\xAB", "\xE2\x80\x9C", "\xE2\x80\x94", "\xE2\x80\x93", "("};

	if (tk->type != TOK_PUNCT)
		return 0;
	for (size_t k = 0; k < ARRAY_SIZE(marks); k++)
		if (!strncmp(t + tk->start, marks[k], strlen(marks[k])))
			return 1;
	return t[tk->start] == '"' && i + 1 < ts->n &&
	       ts->t[i + 1].type == TOK_WORD;
}

/* List the candidates of ts, joining capitalized hyphenated parts. */
static void find_cands(const struct name_rules *rules, const char *t,
		       const struct tokens *ts, struct cands *cs)
{
	size_t sentence = 0;
	int initial = 1;

	for (size_t i = 0; i < ts->n; i++) {
		const struct token *tk = &ts->t[i];
		long el;
		size_t j = i;

		if (ends_sentence(t, tk)) {
			sentence++;
			initial = 1;
			continue;
		}
		if (opens_quote(t, ts, i))
			initial = 1;
		if (tk->type != TOK_WORD && tk->type != TOK_NUMBER)
			continue;
		el = name_start(rules, t, tk);
		if (el >= 0) {
			struct cand *c;
			while (j + 2 < ts->n && is_dash(t, &ts->t[j + 1]) &&
			       name_start(rules, t, &ts->t[j + 2]) == 0)
				j += 2;
			GROW(cs->v, cs->cap, cs->n + 1);
			c = &cs->v[cs->n++];
			c->tok = i;
			c->last_tok = j;
			c->start = tk->start + (size_t)el;
			c->end = tok_end(&ts->t[j]);
			c->sentence = sentence;
			c->initial = initial;
		}
		initial = 0;
		i = j;
	}
}

/* 1 when only one space token lies between candidates a and b. */
static int adjacent(const struct tokens *ts, const struct cand *a,
		    const struct cand *b)
{
	return b->tok == a->last_tok + 2 &&
	       ts->t[a->last_tok + 1].type == TOK_SPACE;
}

/* A title word among the four words before c (porte-parole: two words
 * joined by a hyphen). */
static void title_clue(const struct names *n, struct name_form *f,
		       const char *t, const struct tokens *ts,
		       const struct cand *c)
{
	const struct wordlist *titles = &n->rules->titles;
	size_t i = c->tok, words = 0;

	while (i > 0 && words < 4) {
		const struct token *tk = &ts->t[--i];
		size_t s = tk->start;

		if (ends_sentence(t, tk))
			return;
		if (tk->type != TOK_WORD)
			continue;
		words++;
		if (i >= 2 && is_dash(t, &ts->t[i - 1]) &&
		    ts->t[i - 2].type == TOK_WORD) {
			s = ts->t[i - 2].start;
			i -= 2;
		}
		if (wordlist_has(titles, t + s, tok_end(tk) - s) ||
		    wordlist_has(titles, t + tk->start,
				 tok_end(tk) - tk->start)) {
			name_form_clue(f, NC_TITLE, t + s, tok_end(tk) - s, 1);
			return;
		}
	}
}

/* "Wich Wichoff": a machine-translation stutter, not a given name. */
static int stutter(const char *t, const struct cand *a, const struct cand *b)
{
	size_t la = a->end - a->start, lb = b->end - b->start;

	return la <= lb && !memcmp(t + a->start, t + b->start, la);
}

static void record(struct names *n, const char *t, const struct tokens *ts,
		   const struct cands *cs, size_t k)
{
	const struct cand *c = &cs->v[k];
	struct name_form *f = names_get(n, t + c->start, c->end - c->start);

	f->count++;
	if (f->serial != n->articles) {
		f->serial = n->articles;
		f->articles++;
	}
	f->initial += c->initial;
	if (k > 0 && adjacent(ts, &cs->v[k - 1], c) &&
	    !stutter(t, &cs->v[k - 1], c)) {
		const struct cand *g = &cs->v[k - 1];
		name_form_clue(f, NC_GIVEN, t + g->start, g->end - g->start, 1);
	}
	if (k + 1 < cs->n && adjacent(ts, c, &cs->v[k + 1]) &&
	    !stutter(t, c, &cs->v[k + 1])) {
		const struct cand *x = &cs->v[k + 1];
		f->first++;
		name_form_clue(f, NC_NEXT, t + x->start, x->end - x->start, 1);
	}
	/* Neighbours: the same sentence, at most NEAR_WINDOW names away (a
	 * line without punctuation is not one sentence of a thousand). */
	for (size_t j = k > NEAR_WINDOW ? k - NEAR_WINDOW : 0;
	     j < cs->n && j <= k + NEAR_WINDOW; j++) {
		const struct cand *x = &cs->v[j];
		if (j == k || x->sentence != c->sentence ||
		    (x->end - x->start == c->end - c->start &&
		     !memcmp(t + x->start, t + c->start, c->end - c->start)))
			continue;
		name_form_clue(f, NC_NEAR, t + x->start, x->end - x->start, 1);
	}
	if (n->rules)
		title_clue(n, f, t, ts, c);
}

void names_collect(struct names *n, const struct article *a,
		   const struct view *v, const struct tokens *ts)
{
	struct cands cs = {0};

	(void)a;
	n->articles++;
	find_cands(n->rules, v->text, ts, &cs);
	for (size_t k = 0; k < cs.n; k++)
		record(n, v->text, ts, &cs, k);
	free(cs.v);
}

void names_merge(struct names *into, const struct names *from)
{
	for (size_t i = 0; i < from->n; i++) {
		const struct name_form *s = &from->forms[i];
		struct name_form *f = names_get(into, s->form, strlen(s->form));

		f->count += s->count;
		f->articles += s->articles;
		f->initial += s->initial;
		f->first += s->first;
		for (int k = 0; k < NC__COUNT; k++)
			for (size_t j = 0; j < s->clues[k].n; j++)
				name_form_clue(f, (enum name_clue_kind)k,
					       s->clues[k].v[j].word,
					       strlen(s->clues[k].v[j].word),
					       s->clues[k].v[j].n);
	}
	into->articles += from->articles;
}

/* Is clue a of c listed after clue b in the evidence? */
static int clue_after(const struct name_clues *c, size_t a, size_t b)
{
	if (c->v[a].n != c->v[b].n)
		return c->v[a].n < c->v[b].n;
	return strcmp(c->v[a].word, c->v[b].word) > 0;
}

void name_form_evidence(const struct name_form *f, struct strbuf *out)
{
	const char *sep = "";

	for (int k = 0; k < NC__COUNT; k++) {
		const struct name_clues *c = &f->clues[k];
		if (!c->n)
			continue;
		size_t order[NAME_CLUES_MAX];

		/* Most frequent first, then in byte order: the evidence reads
		 * the same whatever the order of the batch. */
		for (size_t i = 0; i < c->n; i++) {
			size_t j = i;

			while (j && clue_after(c, order[j - 1], i)) {
				order[j] = order[j - 1];
				j--;
			}
			order[j] = i;
		}
		sb_addf(out, "%s%s: ", sep, clue_names[k]);
		for (size_t i = 0; i < c->n; i++)
			sb_addf(out, "%s%s %zu", i ? ", " : "",
				c->v[order[i]].word, c->v[order[i]].n);
		sep = "; ";
	}
	if (f->first) {
		sb_addf(out, "%sfirst: %zu", sep, f->first);
		sep = "; ";
	}
	if (f->initial)
		sb_addf(out, "%sinitial: %zu", sep, f->initial);
}

static int parse_size(const char *s, size_t len, size_t *out)
{
	size_t v = 0;

	if (!len || len > 18)
		return -1;
	for (size_t i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (size_t)(s[i] - '0');
	}
	*out = v;
	return 0;
}

/* "Vladimir 12, Volodymyr 1" into clues of kind k. */
static int parse_clues(struct name_form *f, int k, const char *s, size_t len)
{
	size_t pos = 0;

	while (pos < len) {
		const char *e = memchr(s + pos, ',', len - pos);
		size_t end = e ? (size_t)(e - s) : len, sp = end, n;

		while (sp > pos && s[sp - 1] != ' ')
			sp--;
		if (sp <= pos + 1 || parse_size(s + sp, end - sp, &n) < 0)
			return -1;
		name_form_clue(f, (enum name_clue_kind)k, s + pos, sp - 1 - pos,
			       n);
		pos = end + (e ? 1 : 0);
		while (pos < len && s[pos] == ' ')
			pos++;
	}
	return 0;
}

static int parse_section(struct name_form *f, const char *s, size_t len)
{
	const char *colon = memchr(s, ':', len);
	size_t nl, vpos;

	if (!colon)
		return -1;
	nl = (size_t)(colon - s);
	vpos = nl + 1;
	while (vpos < len && s[vpos] == ' ')
		vpos++;
	for (int k = 0; k < NC__COUNT; k++)
		if (strlen(clue_names[k]) == nl &&
		    !memcmp(s, clue_names[k], nl))
			return parse_clues(f, k, s + vpos, len - vpos);
	if (nl == 5 && !memcmp(s, "first", 5)) {
		size_t n;
		if (parse_size(s + vpos, len - vpos, &n) < 0)
			return -1;
		f->first += n;
		return 0;
	}
	if (nl == 7 && !memcmp(s, "initial", 7)) {
		size_t n;
		if (parse_size(s + vpos, len - vpos, &n) < 0)
			return -1;
		f->initial += n;
		return 0;
	}
	return -1;
}

int name_form_parse_evidence(struct name_form *f, const char *s)
{
	size_t len = strlen(s), pos = 0;

	while (pos < len) {
		const char *e = memchr(s + pos, ';', len - pos);
		size_t end = e ? (size_t)(e - s) : len;

		if (end > pos && parse_section(f, s + pos, end - pos) < 0)
			return -1;
		pos = end + 1;
		while (pos < len && s[pos] == ' ')
			pos++;
	}
	return 0;
}
