/*
 * spell.c - dictionary checks over word tokens; see spell.h for the rules.
 *
 * Each distinct word form gets one verdict per language, cached in a
 * wordcache shared by the workers (or the state's own): known (accepted on
 * a second look), name, or misspelling with its detail and, when the
 * application rule allows, its replacement. spell_detect() then only walks
 * tokens and reports.
 */
#include "detect/spell.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "common/utf8.h"
#include "common/util.h"
#include "common/wordcache.h"
#include "detect/spellfix.h"
#include "detect/suggest.h"

#define MAX_SUGGESTIONS 5
#define NAME_GAP	3 /* lower-case words allowed inside a name */
/* The private verdict cache of a state that does not share one. */
#define VERDICT_CACHE_BYTES ((size_t)16 << 20)

enum verdict_kind { V_KNOWN, V_NAME, V_MISSPELLING };

struct verdict {
	enum verdict_kind kind;
	const char *detail; /* NULL for V_KNOWN */
	const char *repl;   /* replacement when it may be applied, or NULL */
};

struct spell_state {
	int source;		 /* enum suggest_source */
	double budget;		 /* seconds of suggest() left for this worker */
	struct wordcache *cache; /* "lang\x1fword" -> verdict */
	struct wordcache *own_cache; /* when not shared */
	struct strbuf key, blob;     /* scratch: the verdict read */
	struct strbuf probe;	     /* scratch: forms tried in context */
	struct fixes fixes;	     /* scratch */
	size_t suggest_calls, suggest_skipped;
	size_t unknown; /* unknown word tokens met in this article */
};

/* Unknown word tokens judged per article. A judgement costs up to
 * SPELLFIX_MAX_PROBES Hunspell lookups (about 1 ms), so an article of
 * garbage with hundreds of thousands of distinct unknown "words" must not
 * hold a worker for minutes. Clean news has a few per 1,000 words. Counted
 * per article, cache hits included, so that which words are judged does
 * not depend on the other articles or the thread count. */
#define MAX_UNKNOWN_PER_ARTICLE 5000

struct spell_state *spell_state_new(int source, double suggest_budget,
				    struct wordcache *shared)
{
	struct spell_state *st = xcalloc(1, sizeof(*st));

	st->source = source;
	st->budget = suggest_budget;
	if (!shared)
		st->own_cache = wordcache_new(VERDICT_CACHE_BYTES);
	st->cache = shared ? shared : st->own_cache;
	sb_init(&st->key);
	sb_init(&st->blob);
	sb_init(&st->probe);
	fixes_init(&st->fixes);
	return st;
}

void spell_state_free(struct spell_state *st)
{
	if (!st)
		return;
	wordcache_free(st->own_cache);
	sb_release(&st->key);
	sb_release(&st->blob);
	sb_release(&st->probe);
	fixes_release(&st->fixes);
	free(st);
}

size_t spell_suggest_calls(const struct spell_state *st)
{
	return st->suggest_calls;
}

size_t spell_suggest_skipped(const struct spell_state *st)
{
	return st->suggest_skipped;
}

static void list_detail(char **list, size_t n, struct strbuf *sb)
{
	sb_adds(sb, n ? "suggestions: " : "no suggestion");
	for (size_t i = 0; i < n; i++)
		sb_addf(sb, "%s%s", i ? ", " : "", list[i]);
	dict_free_list(list, n);
}

/* "suggestions: a, b, c" from the word-form index. */
static void forms_detail(struct dict *d, const char *w, size_t len,
			 struct strbuf *sb)
{
	char **list;
	long n = suggest_forms(d, w, len, MAX_SUGGESTIONS, &list);

	if (n < 0)
		sb_adds(sb, "no suggestion searched (no word-form index)");
	else
		list_detail(list, (size_t)n, sb);
}

/* "suggestions: a, b, c" from Hunspell while the budget lasts. */
static void suggest_detail(struct spell_state *st, struct dict *d,
			   const char *w, size_t len, struct strbuf *sb)
{
	char **list;
	size_t n;
	double t0;

	if (st->source == SUGGEST_FORMS) {
		forms_detail(d, w, len, sb);
		return;
	}
	if (st->source == SUGGEST_NONE) {
		sb_adds(sb, "no suggestion searched");
		return;
	}
	if (st->budget <= 0) {
		st->suggest_skipped++;
		sb_adds(sb, "suggestions skipped: time budget spent");
		return;
	}
	t0 = monotonic_seconds();
	n = dict_suggest(d, w, len, &list, MAX_SUGGESTIONS);
	st->budget -= monotonic_seconds() - t0;
	st->suggest_calls++;
	list_detail(list, n, sb);
}

/* The one candidate that the application rule allows, or NULL. */
static const char *safe_fix(const struct fixes *f)
{
	size_t add = 0, change = 0;
	const char *first_add = NULL, *first_change = NULL;

	for (size_t i = 0; i < f->n; i++) {
		if (f->v[i].kind == FIX_ADD_ACCENT && !add++)
			first_add = f->v[i].word;
		if (f->v[i].kind == FIX_CHANGE_ACCENT && !change++)
			first_change = f->v[i].word;
	}
	if (add)
		return add == 1 ? first_add : NULL;
	return change == 1 ? first_change : NULL;
}

static const char *const fix_labels[] = {
    [FIX_ADD_ACCENT] = "missing accent",
    [FIX_CHANGE_ACCENT] = "wrong accent",
    [FIX_DROP_ACCENT] = "extra accent",
    [FIX_LETTER] = "doubled or dropped letter",
    [FIX_ELISION] = "missing apostrophe",
};

/* Detail of a misspelling that has fast repairs. */
static void fixes_detail(const struct fixes *f, const char *safe,
			 struct strbuf *sb)
{
	if (safe) {
		for (size_t i = 0; i < f->n; i++)
			if (f->v[i].word == safe)
				sb_addf(sb, "%s: %s", fix_labels[f->v[i].kind],
					safe);
		return;
	}
	sb_adds(sb, f->n > 1 ? "candidates (ambiguous): " : "candidate: ");
	for (size_t i = 0; i < f->n && i < MAX_SUGGESTIONS; i++)
		sb_addf(sb, "%s%s (%s)", i ? ", " : "", f->v[i].word,
			fix_labels[f->v[i].kind]);
}

static int has_upper(const char *s, size_t len)
{
	size_t i = 0;

	while (i < len)
		if (uc_is_upper(utf8_next(s, &i, len)))
			return 1;
	return 0;
}

/* Is w[0..len) known as written, or, with noun set, with its first letter
 * upper-cased ("…schnalle" is "Schnalle")? */
static int part_known(struct dict *d, const char *w, size_t len, int noun,
		      struct strbuf *sb)
{
	size_t i = 0, n;
	char *up;

	if (dict_probe(d, w, len))
		return 1;
	if (!noun || utf8_next(w, &i, len) < 0)
		return 0;
	up = utf8_upper(w, i, &n);
	sb_reset(sb);
	sb_add(sb, up, n);
	sb_add(sb, w + i, len - i);
	free(up);
	return dict_probe(d, sb->buf, sb->len);
}

/*
 * Is w[0..len) a closed compound of known words, as German writes them
 * ("Rollschnalle", "Helikopterlandeplatz", "förderungswürdig")? Hunspell's
 * de_DE compounds only the stems its affix file flags, so most compounds
 * of product and technical text are unknown to it. Two parts, the head
 * (last) of COMPOUND_HEAD letters or more, the first of COMPOUND_FIRST or
 * more, optionally followed by a linking element; the first may itself be
 * such a compound (depth). The head decides the word class: a lower-case
 * word ends with a lower-case word ("würdig"), so "handschuhe" (a noun
 * that lost its capital) stays unknown; a capitalized one may end with a
 * noun. A first part in -o needs no dictionary: it is a combining form
 * ("Tacho", "Geo", "Chrono") that Hunspell rarely lists alone.
 */
#define COMPOUND_FIRST 3
#define COMPOUND_HEAD  4
static int closed_compound(struct dict *d, const char *w, size_t len, int noun,
			   int depth, struct strbuf *sb);

/* Is w[0..len) the first part of a compound, ending with the linking
 * element link: a known word (capitalized, as nouns are) or, depth
 * allowing, a compound, followed by link ("Gesundheits" is "Gesundheit" +
 * "s")? */
static int first_part(struct dict *d, const char *w, size_t len,
		      const char *link, int depth, struct strbuf *sb)
{
	size_t ln = strlen(link);

	if (len < ln || memcmp(w + len - ln, link, ln) ||
	    utf8_count(w, len - ln) < COMPOUND_FIRST)
		return 0;
	return part_known(d, w, len - ln, 1, sb) ||
	       (depth > 0 && closed_compound(d, w, len - ln, 1, depth - 1, sb));
}

static int closed_compound(struct dict *d, const char *w, size_t len, int noun,
			   int depth, struct strbuf *sb)
{
	const char *const *links;
	size_t nlinks = dict_compound_links(d, &links), i = 0;

	while (i < len) {
		size_t cut = i;

		utf8_next(w, &i, len);
		if (utf8_count(w, cut) < COMPOUND_FIRST)
			continue;
		if (utf8_count(w + cut, len - cut) < COMPOUND_HEAD)
			break;
		if (!part_known(d, w + cut, len - cut, noun, sb))
			continue;
		/* A combining form in -o before a known head ("Tachowellen",
		 * "Geowissenschaften"), as spell_detect() accepts "franco-"
		 * before a hyphen. */
		if (w[cut - 1] == 'o' && utf8_count(w, cut) >= COMPOUND_FIRST)
			return 1;
		for (size_t k = 0; k < nlinks; k++)
			if (first_part(d, w, cut, links[k], depth, sb))
				return 1;
	}
	return 0;
}

/* Is w[0..len) the first part of a closed compound whose head is left to
 * a later word ("Gesundheits-")? */
static int compound_first_part(struct dict *d, const char *w, size_t len,
			       struct strbuf *sb)
{
	const char *const *links;
	size_t nlinks = dict_compound_links(d, &links);

	for (size_t k = 0; k < nlinks; k++)
		if (first_part(d, w, len, links[k], 2, sb))
			return 1;
	return 0;
}

/* A compound the way German writes it: a word with at most its first
 * letter upper-case ("NationalparkRegion", "GmbHErich" are glued words,
 * not compounds), in a language that closes its compounds. */
static int compound_known(struct dict *d, const char *w, size_t len,
			  struct strbuf *sb)
{
	const char *const *links;
	size_t i = 0;
	int noun;

	if (!dict_compound_links(d, &links) || !len)
		return 0;
	noun = uc_is_upper(utf8_next(w, &i, len));
	if (has_upper(w + i, len - i))
		return 0;
	return closed_compound(d, w, len, noun, 1, sb);
}

/*
 * The verdict on an unknown word form (after its elided prefix), encoded
 * for the cache: the kind is returned, *blob receives the detail, then a
 * NUL and the replacement when there is one.
 */
static enum verdict_kind judge(struct spell_state *st, struct dict *d,
			       const char *w, size_t len, struct strbuf *blob)
{
	const char *safe;

	sb_reset(blob);
	if (spellfix_variant_known(d, w, len))
		return V_KNOWN;
	if (compound_known(d, w, len, blob)) {
		sb_reset(blob);
		return V_KNOWN;
	}
	sb_reset(blob);
	if (has_upper(w, len))
		return V_NAME;
	if (spellfix_find(d, w, len, "\xE2\x80\x99", &st->fixes)) {
		/* An English word ("email") is a loanword as likely as a
		 * French word that lost its accent ("émail"): report only. */
		safe = dict_check_loanword(d, w, len) ? NULL
						      : safe_fix(&st->fixes);
		fixes_detail(&st->fixes, safe, blob);
		if (safe) {
			sb_addc(blob, '\0');
			sb_adds(blob, safe);
		}
	} else if (dict_check_loanword(d, w, len)) {
		return V_KNOWN;
	} else {
		suggest_detail(st, d, w, len, blob);
	}
	return V_MISSPELLING;
}

/* The verdict on w[0..len), which Hunspell does not know: from the cache,
 * or judged and stored. Its strings live in st until the next call. */
static struct verdict verdict_for(struct spell_state *st, struct dict *d,
				  const char *w, size_t len)
{
	struct verdict vd = {V_KNOWN, NULL, NULL};
	int64_t kind;
	size_t n;

	if (++st->unknown > MAX_UNKNOWN_PER_ARTICLE) {
		/* Over the limit: the cheap part of the verdict only, and no
		 * cache (what is cached must not depend on the limit). */
		sb_reset(&st->blob);
		sb_addf(&st->blob,
			"not checked further: over %d unknown words in this "
			"article",
			MAX_UNKNOWN_PER_ARTICLE);
		kind = spellfix_variant_known(d, w, len) ? V_KNOWN
		       : has_upper(w, len)		 ? V_NAME
							 : V_MISSPELLING;
	} else {
		sb_reset(&st->key);
		sb_addf(&st->key, "%s\x1f", dict_lang(d));
		sb_add(&st->key, w, len);
		if (!wordcache_get(st->cache, st->key.buf, st->key.len, &kind,
				   &st->blob)) {
			kind = judge(st, d, w, len, &st->blob);
			wordcache_put(st->cache, st->key.buf, st->key.len, kind,
				      st->blob.buf, st->blob.len);
		}
	}
	vd.kind = (enum verdict_kind)kind;
	if (vd.kind != V_MISSPELLING)
		return vd;
	sb_addc(&st->blob, '\0'); /* the detail ends at the first NUL */
	vd.detail = st->blob.buf;
	n = strlen(vd.detail);
	if (n + 1 < st->blob.len - 1)
		vd.repl = st->blob.buf + n + 1;
	return vd;
}

static int has_digit(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (s[i] >= '0' && s[i] <= '9')
			return 1;
	return 0;
}

/*
 * The spans of the findings the other stages made before this one, sorted
 * by start, with the largest end among the first k (maxend[k]): whether
 * one of them overlaps or holds a word is a binary search, not a scan of
 * every finding per word (that was quadratic in an article's findings).
 * This stage adds only misspelling and unknown_name findings, which the
 * questions leave out, so a snapshot taken at its start stays true.
 */
struct spanidx {
	size_t *start, *maxend, n;
};

static int cmp_size(const void *x, const void *y)
{
	size_t a = *(const size_t *)x, b = *(const size_t *)y;

	return a < b ? -1 : a > b;
}

/* Spans (pairs of start, end) sorted by start into x. */
static void spanidx_build(struct spanidx *x, size_t *pairs, size_t n)
{
	x->n = n;
	x->start = xmalloc((n ? n : 1) * sizeof(*x->start));
	x->maxend = xmalloc((n ? n : 1) * sizeof(*x->maxend));
	if (n > 1)
		xqsort(pairs, n, 2 * sizeof(*pairs), cmp_size);
	for (size_t i = 0; i < n; i++) {
		size_t e = pairs[2 * i + 1];

		x->start[i] = pairs[2 * i];
		x->maxend[i] = i && x->maxend[i - 1] > e ? x->maxend[i - 1] : e;
	}
}

static void spanidx_release(struct spanidx *x)
{
	free(x->start);
	free(x->maxend);
}

/* How many spans start before pos (strict) or at pos too (incl). */
static size_t spanidx_rank(const struct spanidx *x, size_t pos, int incl)
{
	size_t lo = 0, hi = x->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (x->start[mid] < pos || (incl && x->start[mid] == pos))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

struct others {
	struct spanidx spans;	/* non-empty spans of other stages' findings */
	struct spanidx points;	/* their insertions (as spans [p, p]) */
	struct spanidx foreign; /* foreign_language findings */
};

static void others_build(struct others *o, const struct article *a)
{
	size_t *sp = xmalloc((2 * a->nfindings + 1) * sizeof(*sp));
	size_t *pt = xmalloc((2 * a->nfindings + 1) * sizeof(*pt));
	size_t *fo = xmalloc((2 * a->nfindings + 1) * sizeof(*fo));
	size_t ns = 0, np = 0, nf = 0;

	for (size_t i = 0; i < a->nfindings; i++) {
		const struct finding *f = &a->findings[i];

		if (f->kind == FK_FOREIGN_LANGUAGE) {
			fo[2 * nf] = f->start;
			fo[2 * nf++ + 1] = f->end;
		}
		if (f->kind == FK_MISSPELLING || f->kind == FK_UNKNOWN_NAME)
			continue;
		if (f->start == f->end) {
			pt[2 * np] = f->start;
			pt[2 * np++ + 1] = f->start;
		} else {
			sp[2 * ns] = f->start;
			sp[2 * ns++ + 1] = f->end;
		}
	}
	spanidx_build(&o->spans, sp, ns);
	spanidx_build(&o->points, pt, np);
	spanidx_build(&o->foreign, fo, nf);
	free(sp);
	free(pt);
	free(fo);
}

static void others_release(struct others *o)
{
	spanidx_release(&o->spans);
	spanidx_release(&o->points);
	spanidx_release(&o->foreign);
}

/* Does a finding of another stage cover any byte of [start, end), or
 * insert strictly inside it? */
static int overlaps_other(const struct others *o, size_t start, size_t end)
{
	size_t k = spanidx_rank(&o->spans, end, 0);

	if (k && o->spans.maxend[k - 1] > start)
		return 1;
	/* an insertion p with start < p < end */
	k = spanidx_rank(&o->points, start, 1);
	return k < o->points.n && o->points.start[k] < end;
}

/* Is [start, end) (original offsets) inside a foreign_language finding? */
static int in_foreign(const struct others *o, size_t start, size_t end)
{
	size_t k = spanidx_rank(&o->foreign, start, 1);

	return k && o->foreign.maxend[k - 1] >= end;
}

/* Index of the next word token from i in direction dir (+1/-1) when only
 * spaces and hyphens separate them, or ts->n. */
static size_t neighbour(const struct tokens *ts, const char *t, size_t i,
			int dir)
{
	size_t j = i;

	for (;;) {
		if ((dir < 0 && j == 0) || (dir > 0 && j + 1 >= ts->n))
			return ts->n;
		j = dir > 0 ? j + 1 : j - 1;
		if (ts->t[j].type == TOK_WORD)
			return j;
		if (ts->t[j].type != TOK_SPACE &&
		    !(ts->t[j].type == TOK_PUNCT && t[ts->t[j].start] == '-'))
			return ts->n;
	}
}

/* Walk from i over unknown lower-case words to a capitalized word. */
static int reaches_name(const struct tokens *ts, const char *t, size_t i,
			int dir, struct dict *d)
{
	for (int step = 0; step < NAME_GAP; step++) {
		const struct token *tk;

		i = neighbour(ts, t, i, dir);
		if (i == ts->n)
			return 0;
		tk = &ts->t[i];
		if (tk->flags & TF_UPPER)
			return 1;
		if (dict_check(d, t + tk->start, tok_end(tk) - tk->start))
			return 0;
	}
	return 0;
}

/* "of" in "Bank of America": a lower-case word inside a name. */
static int inside_name(const struct tokens *ts, const char *t, size_t i,
		       struct dict *d)
{
	return reaches_name(ts, t, i, -1, d) && reaches_name(ts, t, i, +1, d);
}

/* A lower-case word unknown here but known in English, next to another
 * one: an English phrase ("of the year"), not a French typo. */
static int english_neighbour(const struct tokens *ts, const char *t, size_t i,
			     struct dict *d)
{
	for (int dir = -1; dir <= 1; dir += 2) {
		size_t j = neighbour(ts, t, i, dir);
		const struct token *tk = j < ts->n ? &ts->t[j] : NULL;

		if (tk && !(tk->flags & TF_UPPER) &&
		    !dict_check(d, t + tk->start, tok_end(tk) - tk->start) &&
		    dict_check_loanword(d, t + tk->start,
					tok_end(tk) - tk->start))
			return 1;
	}
	return 0;
}

/* An identifier, file or host name, not a word: "authorized_keys",
 * "systemd.resource", "jean@machine" (ICU keeps them one word token). */
static int is_identifier(const char *w, size_t len)
{
	return memchr(w, '_', len) || memchr(w, '@', len) ||
	       (len > 2 && memchr(w + 1, '.', len - 2));
}

static int skipped(const struct token *tk, const char *w, size_t len)
{
	return (tk->flags & (TF_URL | TF_NUMERAL)) || has_digit(w, len) ||
	       utf8_count(w, len) < 2 || is_identifier(w, len);
}

static int is_hyphen(const char *t, const struct token *tk)
{
	size_t n = tok_end(tk) - tk->start;

	return tk->type == TOK_PUNCT &&
	       ((n == 1 && t[tk->start] == '-') ||
		(n == 3 && (!memcmp(t + tk->start, "\xE2\x80\x90", 3) ||
			    !memcmp(t + tk->start, "\xE2\x80\x91", 3))));
}

/* An abbreviation the dictionary lists with its period ("inkl.", "MwSt.",
 * "etc."): word token i glued to a following '.'. */
static int abbreviation(const struct tokens *ts, const char *t, size_t i,
			struct dict *d, struct strbuf *sb)
{
	const struct token *tk = &ts->t[i], *next;

	if (i + 1 >= ts->n)
		return 0;
	next = &ts->t[i + 1];
	if (next->type != TOK_PUNCT || next->start != tok_end(tk) ||
	    t[next->start] != '.')
		return 0;
	sb_reset(sb);
	sb_add(sb, t + tk->start, tok_end(tk) - tk->start);
	sb_addc(sb, '.');
	return dict_check(d, sb->buf, sb->len);
}

/* German's suspended hyphen: the first part of a compound whose head is
 * left to a later word ("Forschungs- und Lehrzwecke", "wirtschafts- und
 * sozialpolitisch"), word token i glued to a hyphen that no word follows. */
static int suspended_part(const struct tokens *ts, const char *t, size_t i,
			  struct dict *d, struct strbuf *sb)
{
	const struct token *tk = &ts->t[i], *next;
	const char *const *links;

	if (!dict_compound_links(d, &links) || i + 1 >= ts->n)
		return 0;
	next = &ts->t[i + 1];
	if (!is_hyphen(t, next) || next->start != tok_end(tk) ||
	    (i + 2 < ts->n && ts->t[i + 2].type == TOK_WORD))
		return 0;
	return compound_first_part(d, t + tk->start, tok_end(tk) - tk->start,
				   sb);
}

/* An optional ending in parentheses glued to its word ("Kind(ern)",
 * "Mitarbeiter(innen)", "étudiant(es)"): word token i between "(" and ")",
 * the "(" glued to a word that, with it, makes a known word. */
static int optional_ending(const struct tokens *ts, const char *t, size_t i,
			   struct dict *d, struct strbuf *sb)
{
	const struct token *tk = &ts->t[i], *open, *stem, *close;

	if (i < 2 || i + 1 >= ts->n)
		return 0;
	open = &ts->t[i - 1];
	stem = &ts->t[i - 2];
	close = &ts->t[i + 1];
	if (open->type != TOK_PUNCT || t[open->start] != '(' ||
	    tok_end(open) != tk->start || stem->type != TOK_WORD ||
	    tok_end(stem) != open->start || close->type != TOK_PUNCT ||
	    t[close->start] != ')' || close->start != tok_end(tk))
		return 0;
	sb_reset(sb);
	sb_add(sb, t + stem->start, tok_end(stem) - stem->start);
	sb_add(sb, t + tk->start, tok_end(tk) - tk->start);
	return dict_check(d, sb->buf, sb->len);
}

/* Longest chunk looked at around a word, each side. */
#define CHUNK_MAX ((size_t)256)

/* Is the word at view [ws, we) part of something other than prose, whose
 * spelling is not ours to change: an address, an entity or a tag (one of
 * @ : = # & _ < > \ in its chunk: "<nombre-funcion>"), a path (its chunk
 * starts with "/", "~" or "." or holds two slashes:
 * "debian/source/options"; one slash is as often prose, "arma/combo"), an
 * option ("--num-lines") or a code with a number ("latin-9")? */
static int technical_word(const struct view *v, size_t ws, size_t we)
{
	const char *t = v->text;
	size_t cs = ws, ce = we, slashes = 0, a = ws;

	if (chunk_technical(t, 0, v->len, ws, CHUNK_MAX, "@:=#&_<>\\", &cs,
			    &ce))
		return 1;
	for (size_t k = cs; k < ce; k++)
		slashes += t[k] == '/';
	if (slashes >= 2 || (slashes && t[cs] && strchr("/~.", t[cs])))
		return 1;
	while (a > cs && t[a - 1] != '(')
		a--;
	return t[a] == '-' || (we + 1 < v->len && t[we] == '-' &&
			       t[we + 1] >= '0' && t[we + 1] <= '9');
}

static void check_word(struct article *a, const struct view *v,
		       const struct tokens *ts, size_t i, struct dict *d,
		       struct spell_state *st, const struct others *o)
{
	const struct token *tk = &ts->t[i];
	const char *w = v->text + tk->start;
	size_t len = tok_end(tk) - tk->start, e, os, oe;
	struct verdict vd;
	int apply;

	if (skipped(tk, w, len) || dict_check(d, w, len) ||
	    abbreviation(ts, v->text, i, d, &st->probe) ||
	    suspended_part(ts, v->text, i, d, &st->probe) ||
	    optional_ending(ts, v->text, i, d, &st->probe))
		return;
	e = dict_elision_prefix(d, w, len);
	if (e && (utf8_count(w + e, len - e) < 2 || has_digit(w + e, len - e) ||
		  dict_check(d, w + e, len - e)))
		return;
	os = view_orig_start(v, tk->start + e);
	oe = view_orig_end(v, tok_end(tk));
	/* Text another stage already rewrites or removes in this phase
	 * ("Wich Wich Wichoff") is not judged, nor another language. */
	if (in_foreign(o, os, oe) || article_overlaps_applied(a, os, oe))
		return;
	/* A lower-case word inside a name ("Bank of America") or in an
	 * English phrase is never reported: decide that before the verdict,
	 * whose repair search is the costly part. */
	if (!has_upper(w + e, len - e) &&
	    (inside_name(ts, v->text, i, d) ||
	     (dict_check_loanword(d, w + e, len - e) &&
	      english_neighbour(ts, v->text, i, d))))
		return;
	vd = verdict_for(st, d, w + e, len - e);
	if (vd.kind == V_KNOWN)
		return;
	if (vd.kind == V_NAME) {
		view_report(v, a, FK_UNKNOWN_NAME, tk->start + e, tok_end(tk),
			    w + e, len - e, 0, 0.5,
			    tk->flags & TF_ALLCAPS
				? "acronym not in the dictionary"
				: "capitalized word not in the dictionary");
		return;
	}
	apply = vd.repl && !overlaps_other(o, os, oe) &&
		!technical_word(v, tk->start, tok_end(tk));
	view_report(v, a, FK_MISSPELLING, tk->start + e, tok_end(tk),
		    apply ? vd.repl : w + e, apply ? strlen(vd.repl) : len - e,
		    apply, apply ? 0.9 : 0.6, vd.detail);
}

/* Length in tokens of the hyphenated compound starting at i (1 if none). */
static size_t compound_len(const struct tokens *ts, const char *t, size_t i)
{
	size_t j = i;

	while (j + 2 < ts->n && is_hyphen(t, &ts->t[j + 1]) &&
	       ts->t[j + 2].type == TOK_WORD)
		j += 2;
	return j - i + 1;
}

/* A combining form in -o before a known part: "pédo" in
 * "pédo-endocrinologue", "franco" in "franco-allemand". */
static int combining_form(const struct tokens *ts, const char *t, size_t i,
			  struct dict *d)
{
	const struct token *tk = &ts->t[i], *next = &ts->t[i + 2];

	return t[tok_end(tk) - 1] == 'o' &&
	       dict_check(d, t + next->start, tok_end(next) - next->start);
}

void spell_detect(struct article *a, const struct view *v,
		  const struct tokens *ts, struct dict *d,
		  struct spell_state *st)
{
	struct others o;

	st->unknown = 0;
	others_build(&o, a);
	for (size_t i = 0; i < ts->n; i++) {
		const struct token *tk = &ts->t[i];
		size_t n;

		if (tk->type != TOK_WORD)
			continue;
		n = compound_len(ts, v->text, i);
		if (n > 1 &&
		    dict_check(d, v->text + tk->start,
			       tok_end(&ts->t[i + n - 1]) - tk->start)) {
			i += n - 1;
			continue;
		}
		for (size_t j = i; j < i + n; j += 2)
			if (j + 2 >= i + n ||
			    !combining_form(ts, v->text, j, d))
				check_word(a, v, ts, j, d, st, &o);
		i += n - 1;
	}
	others_release(&o);
}
