/*
 * glued.c - joins between words that lost their space: one pass over the
 * tokens, three shapes (glued.h). Whether a half is a word is asked of the
 * dictionary and of the article's own vocabulary (the exact forms of its
 * word tokens, counted once per article).
 */
#include "repair/glued.h"

#include <stdlib.h>
#include <string.h>

#include "common/strmap.h"
#include "common/utf8.h"
#include "common/util.h"
#include "repair/repair.h"

struct glue {
	const char *t;
	size_t len;
	const struct tokens *ts;
	struct dict *d;
	const struct wordlist *keep;
	const struct wordlist *starters;
	struct strmap vocab; /* word form -> occurrences in the article */
	struct repair_guard guard;
	struct repair_list edits;
	size_t ncamel; /* edits[0, ncamel): joins inside words, in order */
	int allow_newline;
};

/* Shape of a span of letters: counts and case facts used by the rules. */
struct shape {
	size_t letters;
	int other;	 /* a character that is neither letter nor apostrophe */
	int first_upper; /* the first letter is upper case */
	int rest_lower;	 /* every letter after the first is lower case */
	int any_lower;
	int non_ascii;
};

static struct shape shape_of(const char *t, size_t s, size_t e)
{
	struct shape sh = {0, 0, 0, 1, 0, 0};
	size_t i = s;

	while (i < e) {
		int32_t c = utf8_next(t, &i, e);
		if (c >= 0x80)
			sh.non_ascii = 1;
		if (uc_is_apostrophe(c))
			continue;
		if (c < 0 || !uc_is_alpha(c)) {
			sh.other = 1;
			continue;
		}
		if (sh.letters == 0)
			sh.first_upper = uc_is_upper(c);
		else if (!uc_is_lower(c))
			sh.rest_lower = 0;
		if (uc_is_lower(c))
			sh.any_lower = 1;
		sh.letters++;
	}
	return sh;
}

/* A capitalised word: "Contexte", "Vous", "L’isolation". */
static int is_title_word(const char *t, size_t s, size_t e)
{
	struct shape sh = shape_of(t, s, e);

	return !sh.other && sh.letters >= 2 && sh.first_upper && sh.rest_lower;
}

static int known(struct glue *g, size_t s, size_t e)
{
	int64_t *n = strmap_find(&g->vocab, g->t + s, e - s);

	return (n && *n > 0) || dict_check(g->d, g->t + s, e - s);
}

static int64_t vocab_count(struct glue *g, const struct token *tk)
{
	int64_t *n =
	    strmap_find(&g->vocab, g->t + tk->start, tok_end(tk) - tk->start);
	return n ? *n : 0;
}

/* Does the text from s to the line break that ends it read as a short
 * heading: at most five words, letters, apostrophes and hyphens only? */
static int heading_rest(const struct glue *g, size_t s)
{
	size_t i = s, words = 0;
	int in_word = 0;

	while (i < g->len && g->t[i] != '\n' && g->t[i] != '\r') {
		int32_t c = utf8_next(g->t, &i, g->len);
		if (c == ' ') {
			in_word = 0;
			continue;
		}
		if (c < 0 ||
		    !(uc_is_alpha(c) || uc_is_apostrophe(c) || c == '-'))
			return 0;
		words += !in_word;
		in_word = 1;
	}
	return i < g->len && words >= 1 && words <= 5;
}

/* Insert the missing separator at view offset at, where the glued right
 * part starts; after a sentence (may_break) a glued heading gets a line
 * break. */
static void insert_sep(struct glue *g, size_t at, int may_break, double conf,
		       const char *detail)
{
	int nl = may_break && g->allow_newline && heading_rest(g, at);

	if (repair_guarded(&g->guard, at, at))
		return;
	repair_add(&g->edits, at, at, nl ? "\n" : " ", 1, conf,
		   nl ? "heading glued to the preceding text" : detail);
}

/* End of the part of [s, e) before the first join that splits it and is
 * applied ("SitesGare" ends at "Gare"), else e: a sentence join looks at
 * the word as it will read after the repair, as a second run would. The
 * joins inside words are found before the sentence joins. */
static size_t first_join_after(const struct glue *g, size_t s)
{
	size_t lo = 0, hi = g->ncamel; /* the joins in words, in order */

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (g->edits.v[mid].start <= s)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static size_t until_split(const struct glue *g, size_t s, size_t e)
{
	for (size_t i = first_join_after(g, s);
	     i < g->ncamel && g->edits.v[i].start < e; i++)
		if (g->edits.v[i].confidence >= GLUED_APPLY_MIN)
			return g->edits.v[i].start;
	return e;
}

/* Start of the part of [s, e) after the last join that splits it and is
 * applied, else s. */
static size_t after_split(const struct glue *g, size_t s, size_t e)
{
	size_t at = s;

	for (size_t i = first_join_after(g, s);
	     i < g->ncamel && g->edits.v[i].start < e; i++)
		if (g->edits.v[i].confidence >= GLUED_APPLY_MIN)
			at = g->edits.v[i].start;
	return at;
}

/* "Trump.Contexte", "marginalisés.Cette" inside one word token. */
static void inner_dots(struct glue *g, const struct token *tk)
{
	size_t s = tk->start;

	for (size_t i = tk->start; i <= tok_end(tk); i++) {
		if (i < tok_end(tk) && g->t[i] != '.')
			continue;
		if (shape_of(g->t, s, i).letters < 2)
			return; /* an abbreviation: "U.S.A", "M.Dupont" */
		s = i + 1;
	}
	s = tk->start;
	for (;;) {
		const char *p = memchr(g->t + s, '.', tok_end(tk) - s);
		size_t dot, e;

		if (!p)
			break;
		dot = (size_t)(p - g->t);
		p = memchr(g->t + dot + 1, '.', tok_end(tk) - dot - 1);
		e = p ? (size_t)(p - g->t) : tok_end(tk);
		e = until_split(g, dot + 1, e);
		s = after_split(g, s, dot);
		if (is_title_word(g->t, dot + 1, e))
			insert_sep(g, dot + 1, 1,
				   known(g, s, dot) || known(g, dot + 1, e)
				       ? 0.9
				       : 0.6,
				   "sentence glued to the next");
		s = dot + 1;
	}
}

static int32_t cp_at_or_end(const struct glue *g, size_t i, size_t end)
{
	return i < end ? utf8_next(g->t, &i, end) : -1;
}

static int in_vocab(struct glue *g, size_t s, size_t e)
{
	int64_t *n = strmap_find(&g->vocab, g->t + s, e - s);

	return n && *n > 0;
}

/* What the lower-case form of the capitalised part [s, e) is: a French
 * word (*fr) and an English one (*en). "Entre", "Rien", "Expulsé" are
 * French only; "Point", "Station", "Tube", of which brands are built, are
 * English too; "Qantas" or "Meng" are neither (names). An elided form
 * ("Lorsqu’il", "D’autres") is French only. */
static void lower_lookup(struct glue *g, size_t s, size_t e, int *fr, int *en)
{
	size_t n;
	char *low;

	*fr = 0;
	*en = 0;
	if (dict_elision_prefix(g->d, g->t + s, e - s) > 0) {
		*fr = 1;
		return;
	}
	low = utf8_lower(g->t + s, e - s, &n);
	if (!low)
		return;
	*fr = dict_check(g->d, low, n);
	*en = dict_check_loanword(g->d, low, n);
	free(low);
}

/* Longest repeated unit looked for, in bytes. */
#define STUTTER_UNIT_MAX ((size_t)12)

/* Does the folded text f[0..n) hold a unit of two code points or more
 * written twice in a row, whose copies hold or start at byte fb? */
static int tandem_at(const char *f, size_t n, size_t fb)
{
	size_t from = fb > 2 * STUTTER_UNIT_MAX ? fb - 2 * STUTTER_UNIT_MAX : 0;

	for (size_t st = from; st <= fb; st++) {
		if (((unsigned char)f[st] & 0xC0) == 0x80)
			continue; /* inside a code point */
		for (size_t u = 2; u <= STUTTER_UNIT_MAX; u++)
			if (st + 2 * u <= n && fb < st + 2 * u &&
			    utf8_count(f + st, u) >= 2 &&
			    !memcmp(f + st, f + st + u, u))
				return 1;
	}
	return 0;
}

/*
 * Is the capital at b part of a stutter inside one word, a unit written
 * twice or more across it, case aside ("persoErsoersonne", "prétendRerere",
 * "pourraiEntententent")? That is the repetition stage's char_repeat, which
 * a space would hide from it.
 */
static int stutter(const struct glue *g, size_t ls, size_t b, size_t re)
{
	size_t ln, rn;
	char *l = utf8_fold(g->t + ls, b - ls, &ln);
	char *r = utf8_fold(g->t + b, re - b, &rn);
	struct strbuf f;
	int yes = 0;

	if (l && r) {
		sb_init(&f);
		sb_add(&f, l, ln);
		sb_add(&f, r, rn);
		yes = tandem_at(f.buf, f.len, ln);
		sb_release(&f);
	}
	free(l);
	free(r);
	return yes;
}

/* Confidence for two halves that are both known words; the left half
 * starts with a capital and has four letters or more. */
static double known_pair(struct glue *g, size_t ls, size_t b, size_t re,
			 const struct shape *left, int fr_right)
{
	if (dict_check_loanword(g->d, g->t + ls, b - ls) &&
	    dict_check_loanword(g->d, g->t + b, re - b))
		return 0.6; /* "FusionForge", "RequireAll": an identifier */
	if (left->letters >= 6 || left->non_ascii || fr_right)
		return 0.85;
	return in_vocab(g, ls, b) && in_vocab(g, b, re) ? 0.85 : 0.6;
}

/* Is [b, re) a word that starts sentences ("Le", "Il"), whole? */
static int starter_at(struct glue *g, size_t b, size_t re, size_t end)
{
	return g->starters && wordlist_has(g->starters, g->t + b, re - b) &&
	       (re == end || !uc_is_alpha(cp_at_or_end(g, re, end)));
}

/* Confidence that [ls, b) and [b, re) are two glued words, 0 for none;
 * end is the end of the token. */
static double camel_confidence(struct glue *g, size_t ls, size_t b, size_t re,
			       size_t end)
{
	struct shape left = shape_of(g->t, ls, b);
	int lk, rk, fr, en;

	if (left.other || left.letters < 2 || !left.rest_lower ||
	    !is_title_word(g->t, b, re))
		return 0;
	if (left.first_upper && left.letters <= 3)
		return 0;
	if (left.letters >= 3 && starter_at(g, b, re, end))
		return 0.85; /* "…CosbyLe festival", "AudetIl espère" */
	lk = known(g, ls, b);
	rk = known(g, b, re);
	if (lk && rk && !left.first_upper)
		return 0.9;
	fr = en = 0;
	if (left.letters >= 3 && utf8_count(g->t + b, re - b) >= 3)
		lower_lookup(g, b, re, &fr, &en);
	if (lk && rk)
		return known_pair(g, ls, b, re, &left, fr && !en);
	if (stutter(g, ls, b, re))
		return 0; /* "persoErsoersonne": a repeat, not a join */
	if (fr && !en)
		return 0.85; /* "ChicoutimiDeux", "hotdogsLorsqu’il" */
	if (!left.first_upper && lk && left.letters >= 3 &&
	    utf8_count(g->t + b, re - b) >= 3 &&
	    !(en && dict_check_loanword(g->d, g->t + ls, b - ls)))
		return 0.85; /* "internetMeng", "porte-paroleQantas" */
	return 0;
}

/* End of the capitalised part starting at b: its capital, then lower-case
 * letters and apostrophes. */
static size_t title_end(const struct glue *g, size_t b, size_t end)
{
	size_t i = b, next;

	utf8_next(g->t, &i, end);
	while (i < end) {
		int32_t c;
		next = i;
		c = utf8_next(g->t, &next, end);
		if (!(uc_is_apostrophe(c) || (c > 0 && uc_is_lower(c))))
			break;
		i = next;
	}
	return i;
}

/* Is the token part of a path or a forum name ("r/LegaladviceGerman",
 * "docs/ReadMe"): a slash right before or after it? */
static int in_path(const struct glue *g, const struct token *tk)
{
	return (tk->start > 0 && g->t[tk->start - 1] == '/') ||
	       (tok_end(tk) < g->len && g->t[tok_end(tk)] == '/');
}

/* Is [ls, re) one word the dictionary knows once the capital at b is
 * lowered? Then that capital is a device of the writing, not the start of
 * a second word: German's Binnen-I ("MitarbeiterInnen" is
 * "Mitarbeiterinnen"), a compound written with a capital inside
 * ("ArbeitsZeit"). Such a join is reported, never applied, unless a
 * sentence starts there ("individuelLe droit" is no "individuelle"). */
static int one_word(struct glue *g, size_t ls, size_t b, size_t re)
{
	size_t n;
	char *w = utf8_recase_at(g->t + ls, re - ls, b - ls, 0, &n);
	int known = dict_check(g->d, w, n);

	free(w);
	return known;
}

/* "séropositifVous", "FavorisAcheterVoir": lower-to-upper boundaries. */
static void camel_joins(struct glue *g, const struct token *tk)
{
	size_t i = tk->start, seg = tk->start;
	int32_t prev = -1;

	if ((g->keep && wordlist_has(g->keep, g->t + tk->start,
				     tok_end(tk) - tk->start)) ||
	    vocab_count(g, tk) >= 2 || in_path(g, tk))
		return;
	while (i < tok_end(tk)) {
		size_t at = i;
		int32_t c = utf8_next(g->t, &i, tok_end(tk));

		if (c < 0 || !(uc_is_alpha(c) || uc_is_apostrophe(c)))
			seg = i;
		else if (uc_is_apostrophe(prev) && uc_is_upper(c))
			seg = at; /* "d’ÉtatLa": the word is "État" */
		else if (prev > 0 && uc_is_lower(prev) && uc_is_upper(c)) {
			size_t re = title_end(g, at, tok_end(tk));
			double conf =
			    camel_confidence(g, seg, at, re, tok_end(tk));
			if (conf >= GLUED_APPLY_MIN &&
			    !starter_at(g, at, re, tok_end(tk)) &&
			    one_word(g, seg, at, re))
				conf = 0.6; /* reported only */
			if (conf > 0)
				insert_sep(g, at, 0, conf,
					   "two words glued (lower to upper "
					   "case)");
			seg = at;
		}
		prev = c;
	}
}

/* "Mons84000": a word of three letters or more, then digits to the end;
 * fewer than four digits is more often a name ("Python3") than a join. */
static void number_join(struct glue *g, const struct token *tk)
{
	size_t p = tk->start;
	struct shape left;

	while (p < tok_end(tk) && !(g->t[p] >= '0' && g->t[p] <= '9'))
		p++;
	if (p == tk->start || p == tok_end(tk))
		return;
	for (size_t i = p; i < tok_end(tk); i++)
		if (!(g->t[i] >= '0' && g->t[i] <= '9'))
			return;
	left = shape_of(g->t, tk->start, p);
	if (left.other || left.letters < 3 || !left.any_lower ||
	    !left.rest_lower || !known(g, tk->start, p))
		return;
	insert_sep(g, p, 0, tok_end(tk) - p >= 4 ? 0.85 : 0.6,
		   "word glued to a number");
}

static int adjacent(const struct token *a, const struct token *b)
{
	return tok_end(a) == b->start;
}

static int is_closing_quote(const struct glue *g, const struct token *tk)
{
	size_t i = tk->start;
	int32_t c = utf8_next(g->t, &i, tok_end(tk));

	return i == tok_end(tk) && (c == '"' || c == 0xBB || c == 0x201D);
}

/* "2014.Le", "vraiment?Oui", "(AFP)Le", "cœur\".François": punctuation
 * between two tokens with no space after it. */
static void punct_join(struct glue *g, size_t k)
{
	const struct token *tk = &g->ts->t[k], *prev, *next;
	char c = g->t[tk->start];
	double conf;
	size_t ne;

	if (k == 0 || k + 1 >= g->ts->n || tok_end(tk) != tk->start + 1 ||
	    !strchr(".?!)", c))
		return;
	prev = &g->ts->t[k - 1];
	next = &g->ts->t[k + 1];
	ne = until_split(g, next->start, tok_end(next));
	/* A title word, maybe glued to a number ("Septiembre1949": ICU
	 * calls the whole a number; number_join splits it). */
	if (!adjacent(tk, next) ||
	    (next->type != TOK_WORD && next->type != TOK_NUMBER) ||
	    next->flags & TF_URL || !is_title_word(g->t, next->start, ne))
		return;
	if ((c == '?' || c == '!') && prev->type == TOK_SPACE && k >= 2)
		prev = &g->ts->t[k - 2];
	else if (!adjacent(prev, tk))
		return;
	if (c == '.' && k >= 2 && is_closing_quote(g, prev) &&
	    adjacent(&g->ts->t[k - 2], prev))
		prev = &g->ts->t[k - 2]; /* cœur".François */
	if (c != ')' &&
	    ((prev->type != TOK_WORD && prev->type != TOK_NUMBER) ||
	     utf8_count(g->t + prev->start, tok_end(prev) - prev->start) < 2))
		return;
	conf = known(g, next->start, ne) ? 0.9 : 0.6;
	insert_sep(g, tok_end(tk), c != ')',
		   c == ')' && conf > 0.6 ? 0.85 : conf,
		   "sentence glued to the next");
}

/* Count the word forms of the article. A word repeated right after
 * itself ("MenuAccueil MenuAccueil") counts once: a stutter, which the
 * repetition stage removes, is not a consistent use, and the count must
 * not change once it is gone (a second run would see one use). */
static void count_vocab(struct glue *g)
{
	const struct token *prev = NULL;

	strmap_init(&g->vocab);
	for (size_t i = 0; i < g->ts->n; i++) {
		const struct token *tk = &g->ts->t[i];
		size_t n = tok_end(tk) - tk->start;

		if (tk->type == TOK_SPACE)
			continue;
		if (tk->type == TOK_WORD &&
		    !(prev && tok_end(prev) - prev->start == n &&
		      !memcmp(g->t + prev->start, g->t + tk->start, n)))
			++*strmap_put(&g->vocab, g->t + tk->start, n);
		prev = tk;
	}
}

/* URLs, e-mail addresses, handles and code are never split. */
static int skipped(const struct glue *g, const struct token *tk)
{
	return tk->flags & TF_URL ||
	       repair_guarded(&g->guard, tk->start, tok_end(tk));
}

void glued_repair(struct article *a, const struct view *v,
		  const struct tokens *ts, struct dict *d,
		  const struct glued_lists *lists, int allow_newline)
{
	struct glue g;

	memset(&g, 0, sizeof(g));
	g.t = v->text;
	g.len = v->len;
	g.ts = ts;
	g.d = d;
	g.keep = lists ? lists->keep : NULL;
	g.starters = lists ? lists->starters : NULL;
	g.allow_newline = allow_newline;
	count_vocab(&g);
	repair_guard_build(&g.guard, v->text, v->len, ts);
	repair_list_init(&g.edits);
	/* First the joins inside word tokens (lower to upper case, then a
	 * word glued to a number after it), in text order: the joins between
	 * sentences read the words as these splits will leave them
	 * ("29.Septiembre1949" is a date before "1949"). */
	for (size_t k = 0; k < ts->n; k++) {
		const struct token *tk = &ts->t[k];

		if (skipped(&g, tk))
			continue;
		if (tk->type == TOK_WORD)
			camel_joins(&g, tk);
		if (tk->type == TOK_WORD || tk->type == TOK_NUMBER)
			number_join(&g, tk);
	}
	g.ncamel = g.edits.n;
	for (size_t k = 0; k < ts->n; k++) {
		const struct token *tk = &ts->t[k];

		if (skipped(&g, tk))
			continue;
		if (tk->type == TOK_WORD)
			inner_dots(&g, tk);
		if (tk->type == TOK_PUNCT)
			punct_join(&g, k);
	}
	repair_report(&g.edits, v, a, FK_GLUED_WORDS, GLUED_APPLY_MIN);
	repair_list_release(&g.edits);
	repair_guard_release(&g.guard);
	strmap_release(&g.vocab);
}
