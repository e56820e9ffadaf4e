/*
 * lang.c - language of an article and of its paragraphs and long
 * sentences: masking, CLD2 through lang_cld2.h, and the dictionary
 * coverage check; see lang.h for the rules.
 */
#include "detect/lang.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/lang_cld2.h"
#include "common/langwords.h"
#include "common/utf8.h"
#include "common/util.h"
#include "detect/lang_judge.h"

int lang_identify(const char *text, size_t len, const char *expected,
		  struct lang_guess *g)
{
	struct cld2_result r;

	memset(g, 0, sizeof(*g));
	cld2_identify(text, len, expected, &r);
	snprintf(g->code, sizeof(g->code), "%s", r.code);
	g->percent = r.percent;
	g->reliable = r.reliable;
	g->coverage = -1;
	return 0;
}

static void blank(char *m, size_t start, size_t end)
{
	memset(m + start, ' ', end - start);
}

/* The closing quote for an opening one, or 0. A straight double quote
 * closes itself. */
static int32_t closing_quote(int32_t c)
{
	switch (c) {
	case 0xAB:
		return 0xBB; /* « » */
	case 0x201C:
		return 0x201D; /* “ ” */
	case 0x201E:
		return 0x201D; /* „ ” */
	case '"':
		return '"';
	default:
		return 0;
	}
}

/* Blank quoted passages within one paragraph (a quote never spans a line
 * break here, so an unbalanced quote masks one line at most). */
static void mask_quotes(const char *t, size_t len, char *m)
{
	size_t i = 0;

	while (i < len) {
		size_t open = i;
		int32_t close = closing_quote(utf8_next(t, &i, len));

		if (!close)
			continue;
		for (size_t j = i; j < len;) {
			int32_t c = utf8_next(t, &j, len);
			if (c == '\n')
				break;
			if (c == close) {
				blank(m, open, j);
				i = j;
				break;
			}
		}
	}
}

/* Mask URLs and numbers, and with names set also capitalized words and
 * quotes. */
static char *mask(const struct view *v, const struct tokens *ts, int names)
{
	char *m = xmemdup(v->text, v->len);
	unsigned flags = TF_URL | TF_NUMERAL | (names ? TF_UPPER : 0);

	for (size_t i = 0; i < ts->n; i++) {
		const struct token *tk = &ts->t[i];
		if ((tk->flags & flags) || tk->type == TOK_NUMBER)
			blank(m, tk->start, tok_end(tk));
	}
	if (names)
		mask_quotes(v->text, v->len, m);
	return m;
}

char *lang_mask(const struct view *v, const struct tokens *ts)
{
	return mask(v, ts, 1);
}

/* Is the word token unmasked and made of letters only (two or more)? */
static int plain_word(const char *masked, const struct token *tk)
{
	size_t i = tk->start, n = 0;

	if (tk->type != TOK_WORD || masked[tk->start] == ' ')
		return 0;
	while (i < tok_end(tk)) {
		int32_t c = utf8_next(masked, &i, tok_end(tk));
		if (!uc_is_alpha(c) && c != '\'' && c != 0x2019)
			return 0;
		n++;
	}
	return n >= 2;
}

/* Is w[0..len), unknown to d as written, known to it with its first
 * letter upper-cased? Such a word says nothing about the language: a noun
 * of a language that capitalizes its nouns, written in lower case as tags,
 * product lists and keywords write them ("gruppe" in German), but as often
 * a word of another language that is also one of its nouns ("pipeline",
 * "gas" in an English headline amid German), or a name written in lower
 * case ("paris"). The coverage counts and the English vote leave it out
 * on both sides. Not a word of two letters: those a dictionary knows only
 * capitalized are symbols (the elements "At", "Be", "No"), and as words
 * they are other languages' function words ("at", "be", "no"). */
static int knows_capitalized(struct dict *d, const char *w, size_t len)
{
	size_t i = 0, n;
	char *up;
	int known;

	if (!uc_is_lower(utf8_next(w, &i, len)) || utf8_count(w, len) < 3)
		return 0;
	up = utf8_recase_at(w, len, 0, 1, &n);
	known = dict_check(d, up, n);
	free(up);
	return known;
}

/* Does d know w[0..len), after an elided prefix too ("l’économie")? A
 * word of another script than its language's is unknown to it, whatever
 * the dictionary says (lw: the function words, which tell the script; may
 * be NULL). */
static int dict_knows(const struct langwords *lw, struct dict *d, const char *w,
		      size_t len)
{
	size_t e;

	if (lw && !langwords_script_fits(lw, langwords_index(lw, dict_lang(d)),
					 w, len))
		return 0;
	e = dict_elision_prefix(d, w, len);
	return dict_check(d, w, len) || (e && dict_check(d, w + e, len - e));
}

/* What w[0..len) says of d's language: 1 a word of it (dict_knows), -1
 * neither side (knows_capitalized), 0 not one of its words. */
static int evidence_of(const struct langwords *lw, struct dict *d,
		       const char *w, size_t len)
{
	if (dict_knows(lw, d, w, len))
		return 1;
	return knows_capitalized(d, w, len) ? -1 : 0;
}

/* Unmasked words of tokens [from, to) and the share of the lower-case
 * ones that d knows (-1 without d or without lower-case words). */
static double coverage(const char *masked, const struct tokens *ts, size_t from,
		       size_t to, struct dict *d, const struct langwords *lw,
		       size_t *words)
{
	size_t known = 0, lower = 0;

	*words = 0;
	for (size_t i = from; i < to; i++) {
		const struct token *tk = &ts->t[i];
		const char *w = masked + tk->start;
		size_t len = tok_end(tk) - tk->start;

		if (!plain_word(masked, tk))
			continue;
		(*words)++;
		if (!d || (tk->flags & TF_UPPER))
			continue;
		int k = evidence_of(lw, d, w, len);
		if (k < 0)
			continue;
		known += (size_t)k;
		lower++;
	}
	return lower ? (double)known / (double)lower : -1;
}

/* Is the share of the lower-case words of tokens [from, to) that d knows
 * under LANG_MAX_COVERAGE, over min_words words or more (coverage()'s
 * verdict as is_foreign() reads it)? The count stops as soon as the share
 * can no longer fall under the bound: in text of the expected language,
 * after about LANG_MAX_COVERAGE of its words. */
static int uncovered(const char *masked, const struct tokens *ts, size_t from,
		     size_t to, struct dict *d, const struct langwords *lw,
		     size_t min_words)
{
	size_t words = 0, lower = 0, known = 0;

	for (size_t i = from; i < to; i++) {
		const struct token *tk = &ts->t[i];

		if (!plain_word(masked, tk))
			continue;
		words++;
		lower += !(tk->flags & TF_UPPER);
	}
	if (words < min_words || !lower)
		return 0;
	for (size_t i = from; i < to; i++) {
		const struct token *tk = &ts->t[i];
		const char *w = masked + tk->start;
		size_t len = tok_end(tk) - tk->start;

		if ((tk->flags & TF_UPPER) || !plain_word(masked, tk))
			continue;
		int k = evidence_of(lw, d, w, len);
		if (!k)
			continue;
		if (k > 0)
			known++;
		else
			lower--; /* no evidence: out of the share */
		if (lower && (double)known / (double)lower >= LANG_MAX_COVERAGE)
			return 0;
	}
	return lower > 0;
}

/* Is token i of [from, to) an abbreviation: a word followed by a period
 * and, in the same paragraph, by anything but a capitalized word ("Ref.
 * int.: 4521", "conf. 2")? It says nothing about the language. */
static int abbreviation(const char *t, const struct tokens *ts, size_t i,
			size_t to)
{
	size_t j = i + 2;

	if (j >= to || ts->t[i + 1].type != TOK_PUNCT ||
	    tok_end(&ts->t[i + 1]) - ts->t[i + 1].start != 1 ||
	    t[ts->t[i + 1].start] != '.')
		return 0;
	while (j < to && ts->t[j].type == TOK_SPACE)
		j++;
	return j < to && ts->t[j].type != TOK_NEWLINE &&
	       !(ts->t[j].type == TOK_WORD && (ts->t[j].flags & TF_UPPER));
}

/* The share of the lower-case words of tokens [from, to) that d knows,
 * among those that d or the dictionary of language x knows (a name or a
 * typo that neither knows says nothing about which of the two), -1 when
 * fewer than LANG_MIN_COVERED remain; the share over all of them when x
 * has no dictionary or its dictionary knows none of the words (CLD2's
 * guess is then no language the text is in: it is only known not to be
 * d's), -1 without any. Abbreviations are left out. */
static double coverage_against(const char *masked, const struct tokens *ts,
			       size_t from, size_t to, struct dict *d,
			       const struct lang_evidence *ev, const char *x)
{
	const struct langwords *lw = ev ? ev->words : NULL;
	size_t known = 0, n = 0, kx = 0, all = 0, known_all = 0;
	int has_x = 1;

	for (size_t i = from; i < to; i++) {
		const struct token *tk = &ts->t[i];
		const char *w = masked + tk->start;
		size_t len = tok_end(tk) - tk->start;
		int inl, inx;

		if ((tk->flags & TF_UPPER) || !plain_word(masked, tk) ||
		    abbreviation(masked, ts, i, to))
			continue;
		inl = evidence_of(lw, d, w, len);
		if (inl < 0)
			continue;
		inx = has_x ? lang_knows_in(ev, d, x, w, len) : -1;
		has_x = inx >= 0;
		all++;
		known_all += (size_t)inl;
		kx += (size_t)(inx > 0);
		if (!inl && inx <= 0)
			continue;
		n++;
		known += (size_t)inl;
	}
	if (!has_x || !kx)
		return all ? (double)known_all / (double)all : -1;
	return n >= LANG_MIN_COVERED ? (double)known / (double)n : -1;
}

/* Judge masked[start, end) (tokens [from, to)) against the expected
 * language; 1 when it is in another language (g says which). */
static int is_foreign(const char *masked, size_t start, size_t end,
		      const struct tokens *ts, size_t from, size_t to,
		      const char *expected, struct dict *d,
		      const struct lang_evidence *ev, size_t min_words,
		      struct lang_guess *g)
{
	const struct langwords *lw = ev ? ev->words : NULL;
	size_t words;
	double cov;

	/* The dictionary first: text that the expected language's
	 * dictionary covers is never foreign, whatever CLD2 says, and most
	 * text is; its words are in the spelling cache already, and the
	 * count stops early. CLD2 is asked about the rest only. */
	if (d && !uncovered(masked, ts, from, to, d, lw, min_words))
		return 0;
	lang_identify(masked + start, end - start, expected, g);
	if (!g->reliable || !strcmp(g->code, "un") ||
	    !strncmp(g->code, expected, 2))
		return 0;
	cov = coverage(masked, ts, from, to, d, lw, &words);
	g->coverage = cov;
	g->words = words;
	if (words < min_words)
		return 0;
	/* On a short line, one or two names or typos decide the share:
	 * there only the words one of the two dictionaries knows count. A
	 * long text gives CLD2 enough to go on. */
	if (d && words < LANG_MIN_SENTENCE)
		cov = coverage_against(masked, ts, from, to, d, ev, g->code);
	/* Without lower-case words ("Nancy Suitehotel Nancy - Hôtel") the
	 * dictionary cannot confirm: names alone are no evidence. */
	return d ? cov >= 0 && cov < LANG_MAX_COVERAGE : 1;
}

/* Counts of the English vote over some words (lang.h). */
struct vote {
	size_t words;	      /* plain words considered */
	size_t known;	      /* known to the expected language's dictionary */
	size_t english;	      /* known only to the English dictionary */
	size_t english_lower; /* of those, lower-case */
};

/* Is token i of [from, to) joined to a neighbour by a hyphen ("week-end",
 * the slug "poutine-trump-handshake")? */
static int hyphenated(const char *t, const struct tokens *ts, size_t from,
		      size_t to, size_t i)
{
	return (i > from && ts->t[i - 1].type == TOK_PUNCT &&
		t[ts->t[i - 1].start] == '-') ||
	       (i + 1 < to && ts->t[i + 1].type == TOK_PUNCT &&
		t[ts->t[i + 1].start] == '-');
}

/* Count the words of tokens [from, to) left in vm (names kept; URLs,
 * numbers and quotes masked), acronyms and hyphenated words aside (a
 * compound or a slug says little about the language), against d and
 * English. */
/* Does token i of [from, to) count in the English vote? */
static int vote_word(const char *vm, const struct tokens *ts, size_t from,
		     size_t to, size_t i)
{
	const struct token *tk = &ts->t[i];

	return plain_word(vm, tk) && !(tk->flags & TF_ALLCAPS) &&
	       !hyphenated(vm, ts, from, to, i) && !abbreviation(vm, ts, i, to);
}

/* Is w[0..len) an English word, read in lower case when capitalized
 * ("Site", "Home" are; "Nike", "Saba", names the English dictionary
 * carries, are not)? */
static int english_word(struct dict *d, const char *w, size_t len, int upper)
{
	char *low;
	size_t n;
	int known;

	if (!upper)
		return dict_check_loanword(d, w, len);
	low = utf8_lower(w, len, &n);
	known = dict_check_loanword(d, low, n);
	free(low);
	return known;
}

/* Count the vote of [from, to). It stops, with 0, as soon as more than a
 * third of the words are known to the language's dictionary: then the
 * span is not English whatever the other words are (most spans stop
 * after a few words, before the English dictionary is asked anything). */
static int count_vote(const char *vm, const struct tokens *ts, size_t from,
		      size_t to, struct dict *d, const struct langwords *lw,
		      struct vote *c)
{
	memset(c, 0, sizeof(*c));
	for (size_t i = from; i < to; i++)
		c->words += vote_word(vm, ts, from, to, i);
	for (size_t i = from; i < to; i++) {
		const struct token *tk = &ts->t[i];
		const char *w = vm + tk->start;
		size_t len = tok_end(tk) - tk->start;

		if (!vote_word(vm, ts, from, to, i))
			continue;
		int k = evidence_of(lw, d, w, len);
		if (k > 0) {
			if (3 * ++c->known > c->words)
				return 0;
		} else if (k < 0) {
			c->words--; /* on neither side */
		} else if (english_word(d, w, len, tk->flags & TF_UPPER)) {
			c->english++;
			c->english_lower += !(tk->flags & TF_UPPER);
		}
	}
	return 1;
}

/* The English vote: is [from, to), expected in another language than
 * English, English by its words alone? Fills g ("en", the vote's counts)
 * when it is. */
static int english_by_words(const char *vm, const struct tokens *ts,
			    size_t from, size_t to, const char *expected,
			    struct dict *d, const struct langwords *lw,
			    struct lang_guess *g)
{
	struct vote c;

	if (!d || !vm || !strncmp(expected, "en", 2))
		return 0;
	if (!count_vote(vm, ts, from, to, d, lw, &c) ||
	    c.english < LANG_VOTE_MIN || !c.english_lower ||
	    c.english <= c.known)
		return 0;
	memset(g, 0, sizeof(*g));
	snprintf(g->code, sizeof(g->code), "en");
	g->coverage = (double)c.known / (double)c.words;
	g->words = c.words;
	g->english = c.english;
	return 1;
}

/* Masked copy for the English vote: URLs, numbers and quotes blanked,
 * names kept (a name is no evidence, but "Site", "Home" are words). */
static char *vote_mask(const struct view *v, const struct tokens *ts)
{
	char *m = mask(v, ts, 0);

	mask_quotes(v->text, v->len, m);
	return m;
}

static void report(struct article *a, const struct view *v,
		   const struct tokens *ts, size_t from, size_t to,
		   const struct lang_guess *g, const char *expected);

/* Copy of the text with quoted passages blanked (same length; caller
 * frees): where a quote is, for the function-word judge. */
static char *quote_mask(const struct view *v)
{
	char *qm = xmemdup(v->text, v->len);

	mask_quotes(v->text, v->len, qm);
	return qm;
}

/* Is w[0..len) a word of another script than language l's? */
static int off_script(const struct langwords *lw, int l, const char *w,
		      size_t len)
{
	return !langwords_script_fits(lw, l, w, len);
}

/* The language of the words of vm's tokens [from, to) written in another
 * script than language l's: CLD2's reading of those words alone, when it
 * names a language of that script; else, among the languages whose
 * function words are in that script, the one whose dictionary knows the
 * most of them. (CLD2 first: a dictionary is
 * opened only when it cannot tell, such as Ukrainian's 30 MB.) "un"
 * when none does. */
static void name_script(const char *vm, const struct tokens *ts, size_t from,
			size_t to, const struct lang_evidence *ev, int l,
			struct lang_guess *g)
{
	const struct langwords *lw = ev->words;
	struct strbuf words;
	size_t best = 0, first;
	struct lang_guess c;
	int k;

	sb_init(&words);
	for (size_t i = from; i < to; i++) {
		const struct token *tk = &ts->t[i];
		const char *w = vm + tk->start;
		size_t len = tok_end(tk) - tk->start;

		if (plain_word(vm, tk) && off_script(lw, l, w, len))
			sb_addf(&words, "%s%.*s", words.len ? " " : "",
				(int)len, w);
	}
	first = strcspn(words.buf, " ");
	snprintf(g->code, sizeof(g->code), "un");
	lang_identify(words.buf, words.len, NULL, &c);
	k = langwords_index(lw, c.code);
	if (strcmp(c.code, "un") && k != l &&
	    (k < 0 || langwords_script_fits(lw, k, words.buf, first))) {
		snprintf(g->code, sizeof(g->code), "%s", c.code);
		sb_release(&words);
		return;
	}
	for (size_t x = 0; x < lw->n; x++) {
		struct dict *dx;
		size_t known = 0, n = 0;

		if ((int)x == l || !ev->dict_for ||
		    !langwords_script_fits(lw, (int)x, words.buf, first) ||
		    !(dx = ev->dict_for(ev->ctx, lw->code[x])))
			continue;
		for (size_t i = 0; i < words.len; i += n + 1) {
			n = strcspn(words.buf + i, " ");
			known += (size_t)dict_knows(lw, dx, words.buf + i, n);
		}
		if (known > best) {
			best = known;
			snprintf(g->code, sizeof(g->code), "%s", lw->code[x]);
		}
	}
	sb_release(&words);
}

/* Is the text mostly written in another script than the expected
 * language's, with lower-case words among them (Cyrillic in a Spanish
 * article, Latin in a Russian one)? The script alone says the text is
 * not in that language, however short: two lower-case words of another
 * script are no name. vm: the view with URLs, numbers and quotes masked
 * (names are words). Fills g on 1. */
static int foreign_script(const char *vm, const struct tokens *ts, size_t from,
			  size_t to, const char *expected,
			  const struct lang_evidence *ev, struct lang_guess *g)
{
	const struct langwords *lw = ev ? ev->words : NULL;
	const int l = lw ? langwords_index(lw, expected) : -1;
	size_t own = 0, other = 0, lower = 0, words = 0;

	if (l < 0)
		return 0;
	/* Most text has no lower-case word of another script: one look at
	 * those words first, the letters only then. */
	for (size_t i = from; i < to && lower < LANG_MIN_SCRIPT_WORDS; i++) {
		const struct token *tk = &ts->t[i];

		lower +=
		    !(tk->flags & TF_UPPER) && plain_word(vm, tk) &&
		    off_script(lw, l, vm + tk->start, tok_end(tk) - tk->start);
	}
	if (lower < LANG_MIN_SCRIPT_WORDS)
		return 0;
	/* Short text only, on one line: in a longer article a passage in
	 * another script is reported by the segments, and the article keeps
	 * its language. */
	for (size_t i = from; i < to; i++) {
		const struct token *tk = &ts->t[i];
		const char *w = vm + tk->start;
		size_t len = tok_end(tk) - tk->start, n = 0;

		if (tk->type == TOK_NEWLINE && i + 1 < to)
			return 0;
		if (!plain_word(vm, tk))
			continue;
		if (++words >= LANG_MIN_SENTENCE)
			return 0;
		for (size_t j = 0; j < len;)
			n += uc_is_alpha(utf8_next(w, &j, len)) ? 1 : 0;
		if (off_script(lw, l, w, len))
			other += n;
		else
			own += n;
	}
	if (other <= own)
		return 0;
	memset(g, 0, sizeof(*g));
	g->coverage = -1;
	g->other_coverage = -1;
	g->script_letters = other;
	g->letters = own + other;
	name_script(vm, ts, from, to, ev, l, g);
	return 1;
}

/* Is the whole article in another language: CLD2 and the dictionary,
 * the function words, the English vote, or its script? */
static int foreign_article(const struct view *v, const struct tokens *ts,
			   const char *expected, struct dict *d,
			   const struct lang_evidence *ev, struct lang_guess *g)
{
	char *masked = mask(v, ts, 0), *qm, *vm;
	const struct langwords *lw = ev ? ev->words : NULL;
	int foreign = is_foreign(masked, 0, v->len, ts, 0, ts->n, expected, d,
				 ev, LANG_MIN_ARTICLE_WORDS, g);

	free(masked);
	/* The article's language is the prior: an article that CLD2 finds
	 * only partly in another language is an article of the expected
	 * language with foreign passages, which the segments report. */
	if (foreign && g->percent >= LANG_MIN_ARTICLE_SHARE)
		return 1;
	qm = quote_mask(v);
	foreign =
	    lang_judge_span(v->text, qm, ts, 0, ts->n, expected, d, ev, g) &&
	    100 * g->function_words >=
		LANG_MIN_ARTICLE_SHARE * (g->function_words + g->own_words);
	free(qm);
	if (foreign)
		return 1;
	vm = vote_mask(v, ts);
	foreign = english_by_words(vm, ts, 0, ts->n, expected, d, lw, g) ||
		  foreign_script(vm, ts, 0, ts->n, expected, ev, g);
	free(vm);
	return foreign;
}

int lang_detect_article(struct article *a, const struct view *v,
			const struct tokens *ts, struct dict *d,
			int auto_detect, const struct lang_evidence *ev)
{
	char expected[sizeof(a->lang)];
	struct lang_guess g;
	int changed = 0;

	snprintf(expected, sizeof(expected), "%s", a->lang);
	if (auto_detect) {
		char *masked = mask(v, ts, 0);

		lang_identify(masked, v->len, NULL, &g);
		changed = g.reliable && strcmp(g.code, "un");
		free(masked);
	} else {
		changed = foreign_article(v, ts, expected, d, ev, &g);
	}
	changed = changed && strncmp(g.code, expected, 2);
	/* Text known not to be in the expected language, in no language
	 * named ("un": the script rule found none), is reported and keeps
	 * its language. */
	if (changed && strcmp(g.code, "un"))
		snprintf(a->lang, sizeof(a->lang), "%s", g.code);
	/* With a fixed --lang, a whole article in another language is a
	 * finding of its own (reported, not removed): spelling it with the
	 * other language's dictionary must not make it look clean. */
	if (changed && !auto_detect)
		report(a, v, ts, 0, ts->n, &g, expected);
	return changed && strcmp(g.code, "un");
}

/* The detail of a finding: which evidence decided. */
static void describe(struct strbuf *sb, const struct lang_guess *g,
		     const char *expected)
{
	if (g->by_words) {
		sb_addf(sb, "language: %s (function words: %s %g, %.2s %g",
			g->code, g->code, g->function_words / 2.0, expected,
			g->own_words / 2.0);
		if (g->other_coverage >= 0)
			sb_addf(sb, "; %s dictionary knows %.0f%%", g->code,
				100.0 * g->other_coverage);
		sb_addf(sb, ", %.2s dictionary %.0f%% of %zu words)", expected,
			100.0 * g->coverage, g->words);
		return;
	}
	if (g->script_letters) {
		sb_addf(sb,
			"language: %s (%zu of %zu letters in another script "
			"than %.2s's)",
			g->code, g->script_letters, g->letters, expected);
		return;
	}
	if (g->english)
		sb_addf(sb,
			"language: en (English dictionary knows %zu of "
			"%zu words)",
			g->english, g->words);
	else
		sb_addf(sb, "language: %s (CLD2 %d%%)", g->code, g->percent);
	if (g->coverage >= 0)
		sb_addf(sb, ", %s dictionary knows %.0f%% of %zu words",
			expected, 100.0 * g->coverage, g->words);
}

static void report(struct article *a, const struct view *v,
		   const struct tokens *ts, size_t from, size_t to,
		   const struct lang_guess *g, const char *expected)
{
	struct strbuf sb;
	size_t s = from, e = to;
	double conf = 0.6;

	while (s < e && ts->t[s].type != TOK_WORD &&
	       ts->t[s].type != TOK_NUMBER)
		s++;
	while (e > s && (ts->t[e - 1].type == TOK_SPACE ||
			 ts->t[e - 1].type == TOK_NEWLINE))
		e--;
	if (s == e)
		return;
	sb_init(&sb);
	describe(&sb, g, expected);
	if (g->coverage >= 0)
		conf = 0.9 - g->coverage / 2;
	view_report(v, a, FK_FOREIGN_LANGUAGE, ts->t[s].start,
		    tok_end(&ts->t[e - 1]), v->text + ts->t[s].start,
		    tok_end(&ts->t[e - 1]) - ts->t[s].start, 0, conf, sb.buf);
	sb_release(&sb);
}

/* Does token p close a quote or a bracket (» ” " ’ ' ) ])? */
static int closing(const char *t, const struct token *p)
{
	size_t i = p->start;
	int32_t c;

	if (p->type != TOK_PUNCT)
		return 0;
	c = utf8_next(t, &i, tok_end(p));
	return c == 0xBB || c == 0x201D || c == '"' || c == 0x2019 ||
	       c == '\'' || c == ')' || c == ']';
}

/* Does the word token tk start with a capital, elided prefix included
 * ("C’est", "L’entreprise": their case flags are those of the word after
 * the prefix)? */
static int capitalized(const char *t, const struct token *tk)
{
	return tk->type == TOK_WORD &&
	       ((tk->flags & TF_UPPER) ||
		utf8_starts_upper(t + tk->start, tok_end(tk) - tk->start));
}

/* Does token p open a quote or a bracket (« “ „ " ( [)? */
static int opening(const char *t, const struct token *p)
{
	size_t i = p->start;
	int32_t c;

	if (p->type != TOK_PUNCT)
		return 0;
	c = utf8_next(t, &i, tok_end(p));
	return c == 0xAB || c == 0x201C || c == 0x201E || c == '"' ||
	       c == '(' || c == '[';
}

/* End of the sentence that starts at token i within [i, to): after . ! ?
 * or …, closing quotes and brackets, white space, opening quotes and a
 * capitalized word. */
static size_t sentence_end(const char *t, const struct tokens *ts, size_t i,
			   size_t to)
{
	for (; i + 2 < to; i++) {
		const struct token *p = &ts->t[i];
		size_t j = i + 1;
		int space = 0;

		if (p->type != TOK_PUNCT ||
		    (!strchr(".!?", t[p->start]) &&
		     strncmp(t + p->start, "\u2026", 3)))
			continue;
		for (; j < to &&
		       (ts->t[j].type == TOK_SPACE || closing(t, &ts->t[j]));
		     j++)
			space |= ts->t[j].type == TOK_SPACE;
		while (space && j < to &&
		       (ts->t[j].type == TOK_SPACE || opening(t, &ts->t[j])))
			j++;
		if (space && j < to && capitalized(t, &ts->t[j]))
			return j;
	}
	return to;
}

/* What the segment judges share for one article. */
struct seg_ctx {
	struct article *a;
	const struct view *v;
	const char *masked, *qm, *vm;
	const struct tokens *ts;
	struct dict *d;
	const struct lang_evidence *ev;
	const struct langwords *lw; /* ev's function words, or NULL */
};

/* Long sentences of a paragraph left in the article's language by the
 * function words: CLD2 and the dictionary (lang.h). */
static void judge_sentences(const struct seg_ctx *c, size_t from, size_t to)
{
	struct lang_guess g;
	size_t s = from;

	while (s < to) {
		size_t e = sentence_end(c->v->text, c->ts, s, to), words;

		coverage(c->masked, c->ts, s, e, NULL, NULL, &words);
		if (words >= LANG_MIN_SENTENCE && e - s < to - from &&
		    is_foreign(c->masked, c->ts->t[s].start,
			       tok_end(&c->ts->t[e - 1]), c->ts, s, e,
			       c->a->lang, c->d, c->ev, LANG_MIN_WORDS, &g))
			report(c->a, c->v, c->ts, s, e, &g, c->a->lang);
		s = e;
	}
}

/* The sentences of paragraph [from, to) by their function words; a run
 * of sentences in the same other language is one finding. Returns the
 * number of findings. */
static size_t word_sentences(const struct seg_ctx *c, size_t from, size_t to)
{
	struct lang_guess g, run;
	size_t s = from, run_from = to, n = 0;

	while (s <= to) {
		size_t e = s < to ? sentence_end(c->v->text, c->ts, s, to) : to;
		int foreign =
		    s < to && lang_judge_span(c->v->text, c->qm, c->ts, s, e,
					      c->a->lang, c->d, c->ev, &g);

		if (run_from < to && (!foreign || strcmp(g.code, run.code))) {
			report(c->a, c->v, c->ts, run_from, s, &run,
			       c->a->lang);
			run_from = to;
			n++;
		}
		if (foreign && run_from == to) {
			run_from = s;
			run = g;
		}
		if (s == to)
			break;
		s = e;
	}
	return n;
}

/* Is the paragraph [start, end) (tokens [from, to)) in another
 * language: CLD2 and the dictionary, or else the English vote? */
static int foreign_paragraph(const struct seg_ctx *c, size_t start, size_t end,
			     size_t from, size_t to, struct lang_guess *g)
{
	return is_foreign(c->masked, start, end, c->ts, from, to, c->a->lang,
			  c->d, c->ev, LANG_MIN_WORDS, g) ||
	       english_by_words(c->vm, c->ts, from, to, c->a->lang, c->d, c->lw,
				g);
}

/* Paragraph [from, to): its sentences by their function words; if none
 * is foreign, the paragraph by CLD2 or the English vote; if not, its long
 * sentences by CLD2. A paragraph that is the whole text was judged with
 * the article. */
static void judge_paragraph(const struct seg_ctx *c, size_t from, size_t to)
{
	size_t start = c->ts->t[from].start, end = tok_end(&c->ts->t[to - 1]);
	struct lang_guess g;

	if (start < end && end - start < c->v->len) {
		if (word_sentences(c, from, to))
			return;
		if (foreign_paragraph(c, start, end, from, to, &g)) {
			report(c->a, c->v, c->ts, from, to, &g, c->a->lang);
			return;
		}
	}
	judge_sentences(c, from, to);
}

void lang_detect_segments(struct article *a, const struct view *v,
			  const char *masked, const struct tokens *ts,
			  struct dict *d, const struct lang_evidence *ev)
{
	char *vm = d ? vote_mask(v, ts) : NULL, *qm = quote_mask(v);
	struct seg_ctx c = {
	    a, v, masked, qm, vm, ts, d, ev, ev ? ev->words : NULL};
	size_t from = 0;

	for (size_t i = 0; i <= ts->n; i++) {
		if (i < ts->n && ts->t[i].type != TOK_NEWLINE)
			continue;
		if (i > from)
			judge_paragraph(&c, from, i);
		from = i + 1;
	}
	free(vm);
	free(qm);
}
