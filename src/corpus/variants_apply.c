/*
 * variants_apply.c - the second pass of the name variants table: replace
 * the spellings of an article by their canonical form, as name_variant
 * findings on the view.
 *
 * Word boundaries come from the tokens, so "Putin" inside "Putinism" or a
 * URL is never touched. French elision follows the new first letter:
 * "de Ouchakov" becomes "d’Ouchakov" when the name now starts with a
 * vowel, and "d’Ushakov" becomes "de Kouchakov" when it no longer does.
 * An h is left alone (h muet and h aspiré cannot be told from spelling).
 */
#include "corpus/variants.h"

#include <stdlib.h>
#include <string.h>

#include "common/utf8.h"
#include "common/util.h"

/* Vowel letters before which French elides (y and h excluded). */
static const char fr_vowels[] = "aeiouàâäéèêëîïôöùûüœæ";

static int starts_with_vowel(const char *s, size_t len)
{
	size_t i = 0, n;
	int32_t c = len ? utf8_next(s, &i, len) : -1;
	char *low, buf[8];
	int v;

	if (c < 0)
		return 0;
	low = utf8_lower(s, i, &n);
	v = n > 0 && n < sizeof(buf);
	if (v) {
		memcpy(buf, low, n);
		buf[n] = '\0';
		v = strstr(fr_vowels, buf) != NULL;
	}
	free(low);
	return v;
}

/* The article's apostrophe: typographic unless it writes straight ones. */
static const char *apostrophe_of(const char *t, size_t len)
{
	size_t curly = 0, straight = 0;

	for (size_t i = 0; i < len; i++) {
		if (t[i] == '\'')
			straight++;
		else if (i + 2 < len && !memcmp(t + i, "\xE2\x80\x99", 3))
			curly++;
	}
	return straight > curly ? "'" : "\xE2\x80\x99";
}

struct span {
	size_t start, end; /* replaced view bytes */
	size_t name;	   /* where the name starts inside */
	unsigned flags;
};

static int is_dash(const char *t, const struct token *tk)
{
	return tk->type == TOK_PUNCT && tok_end(tk) - tk->start == 1 &&
	       t[tk->start] == '-';
}

static int name_token(const struct name_rules *rules, const char *t,
		      const struct token *tk, size_t *el)
{
	const char *w = t + tk->start;
	size_t len = tok_end(tk) - tk->start;

	if (tk->type != TOK_WORD || tk->flags & TF_URL)
		return 0;
	*el = name_elision_len(rules, w, len);
	return utf8_starts_upper(w + *el, len - *el) &&
	       utf8_count(w + *el, len - *el) >= 2;
}

/* The full word an elided prefix stands for ("d" -> "de", "qu" -> "que"),
 * from the elision list, in the prefix's case. */
static char *unelide(const struct name_rules *rules, const char *p, size_t n)
{
	static const char *const ends[] = {"e", "a"};
	struct strbuf w;

	sb_init(&w);
	for (size_t i = 0; i < ARRAY_SIZE(ends); i++) {
		sb_reset(&w);
		sb_add(&w, p, n);
		sb_adds(&w, ends[i]);
		if (wordlist_has(&rules->elisions, w.buf, w.len))
			return sb_detach(&w, NULL);
	}
	sb_release(&w);
	return NULL;
}

/* Append c with its apostrophes written as the article writes them
 * (apos): the table's "Let's" is "Let’s" in an article with curly ones,
 * so that the typography of the text and the names table agree. */
static void add_in_style(struct strbuf *out, const char *c, const char *apos)
{
	size_t n = strlen(c);

	for (size_t i = 0; i < n;) {
		size_t a = utf8_apostrophe_at(c + i, n - i);

		if (a) {
			sb_adds(out, apos);
			i += a;
		} else {
			sb_addc(out, c[i++]);
		}
	}
}

/* Replacement text for span sp of the view given the canonical spelling
 * c: the elision before it adjusted, the case style kept. */
static void replacement(const struct name_rules *rules, const char *t,
			const struct tokens *ts, size_t tok, struct span *sp,
			const char *c, const char *apos, struct strbuf *out)
{
	size_t clen = strlen(c), n;
	int vowel = starts_with_vowel(c, clen);
	char *up = NULL;

	if (sp->flags & TF_ALLCAPS)
		c = up = utf8_upper(c, clen, &n);
	if (rules && sp->name > sp->start && !vowel) {
		size_t plen = sp->name - sp->start;
		size_t letters = t[sp->name - 1] == '\'' ? plen - 1 : plen - 3;
		char *full = unelide(rules, t + sp->start, letters);
		if (full) {
			sb_adds(out, full);
			sb_addc(out, ' ');
			free(full);
		} else {
			sb_add(out, t + sp->start, plen);
		}
	} else if (sp->name > sp->start) {
		sb_add(out, t + sp->start, sp->name - sp->start);
	} else if (rules && vowel && tok >= 2 &&
		   ts->t[tok - 1].type == TOK_SPACE &&
		   ts->t[tok - 2].type == TOK_WORD &&
		   wordlist_has(&rules->elisions, t + ts->t[tok - 2].start,
				tok_end(&ts->t[tok - 2]) -
				    ts->t[tok - 2].start)) {
		const struct token *w = &ts->t[tok - 2];
		sp->start = w->start;
		sb_add(out, t + w->start, tok_end(w) - w->start - 1);
		sb_adds(out, apos);
	}
	add_in_style(out, c, apos);
	free(up);
}

/* x and y are the same text but for the style of their apostrophes: which
 * apostrophe to write is the typography's choice, not the names table's
 * ("Let's" and "Let’s" are one spelling). */
static int same_text(const char *x, size_t nx, const char *y, size_t ny)
{
	size_t i = 0, j = 0;

	while (i < nx && j < ny) {
		size_t ax = utf8_apostrophe_at(x + i, nx - i);
		size_t ay = utf8_apostrophe_at(y + j, ny - j);

		if (ax && ay) {
			i += ax;
			j += ay;
		} else if (x[i] == y[j]) {
			i++;
			j++;
		} else {
			return 0;
		}
	}
	return i == nx && j == ny;
}

/* 1 when the name already reads as the canonical spelling in its case
 * style (apostrophes aside). */
static int already_canonical(const char *name, size_t len, const char *c,
			     unsigned flags)
{
	size_t n;
	char *up;
	int same;

	if (!(flags & TF_ALLCAPS))
		return same_text(name, len, c, strlen(c));
	up = utf8_upper(c, strlen(c), &n);
	same = same_text(name, len, up, n);
	free(up);
	return same;
}

static void replace(const struct variants *vt, const struct name_rules *rules,
		    struct article *a, const struct view *v,
		    const struct tokens *ts, size_t tok, struct span *sp,
		    const char *apos)
{
	const char *t = v->text;
	const struct variant_row *r =
	    variants_find(vt, t + sp->name, sp->end - sp->name);
	struct strbuf repl, detail;

	if (!r || !strcmp(r->variant, r->canonical) ||
	    (!variant_status_applies(r->status) && r->status != VS_PENDING) ||
	    already_canonical(t + sp->name, sp->end - sp->name, r->canonical,
			      sp->flags))
		return;
	sb_init(&repl);
	sb_init(&detail);
	replacement(rules, t, ts, tok, sp, r->canonical, apos, &repl);
	sb_addf(&detail, "%.*s -> %s (%s, %s)", (int)(sp->end - sp->name),
		t + sp->name, r->canonical, r->method,
		variant_status_name(r->status));
	/* One finding per word: the name variant says more than the
	 * spelling stage's unknown_name on the same name. */
	article_drop_reports(a, FK_UNKNOWN_NAME, view_orig_start(v, sp->name),
			     view_orig_end(v, sp->end));
	view_report(v, a, FK_NAME_VARIANT, sp->start, sp->end, repl.buf,
		    repl.len, variant_status_applies(r->status),
		    r->confidence > 0 ? r->confidence : 1.0, detail.buf);
	sb_release(&repl);
	sb_release(&detail);
}

/* The name that starts at token i, or 0: its span in *sp (the whole of a
 * hyphenated name, whose parts are tokens i..*last) and its first token's
 * span in *first. */
static int name_at(const struct name_rules *rules, const char *t,
		   const struct tokens *ts, size_t i, struct span *sp,
		   size_t *first_end, size_t *last)
{
	const struct token *tk = &ts->t[i];
	size_t el, j = i;

	if (!name_token(rules, t, tk, &el))
		return 0;
	/* A hyphenated name is looked up whole, then by parts. */
	while (j + 2 < ts->n && is_dash(t, &ts->t[j + 1]) &&
	       name_token(rules, t, &ts->t[j + 2], &el) && el == 0)
		j += 2;
	name_token(rules, t, tk, &el);
	sp->start = tk->start;
	sp->name = tk->start + el;
	sp->end = tok_end(&ts->t[j]);
	sp->flags = tk->flags;
	*first_end = tok_end(tk);
	*last = j;
	return 1;
}

void variants_apply(const struct variants *vt, const struct name_rules *rules,
		    struct article *a, const struct view *v,
		    const struct tokens *ts)
{
	const char *t = v->text;
	const char *apos = apostrophe_of(t, v->len);

	if (!vt || !vt->n)
		return;
	for (size_t i = 0; i < ts->n; i++) {
		struct span sp;
		size_t first_end, j;

		if (!name_at(rules, t, ts, i, &sp, &first_end, &j))
			continue;
		if (j > i && variants_find(vt, t + sp.name, sp.end - sp.name)) {
			replace(vt, rules, a, v, ts, i, &sp, apos);
			i = j;
			continue;
		}
		sp.end = first_end;
		replace(vt, rules, a, v, ts, i, &sp, apos);
	}
	article_compact(a); /* the unknown names replace() dropped */
}

void variants_lookups(const struct name_rules *rules, const struct view *v,
		      const struct tokens *ts,
		      void (*fn)(void *ctx, const char *s, size_t len),
		      void *ctx)
{
	const char *t = v->text;

	for (size_t i = 0; i < ts->n; i++) {
		struct span sp;
		size_t first_end, j;

		if (!name_at(rules, t, ts, i, &sp, &first_end, &j))
			continue;
		if (j > i)
			fn(ctx, t + sp.name, sp.end - sp.name);
		fn(ctx, t + sp.name, first_end - sp.name);
	}
}

int variants_changes(const struct variants *vt, const char *s, size_t len)
{
	const struct variant_row *r = vt ? variants_find(vt, s, len) : NULL;

	return r && strcmp(r->variant, r->canonical) &&
	       (variant_status_applies(r->status) || r->status == VS_PENDING);
}
