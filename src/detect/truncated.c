/*
 * truncated.c - paragraphs cut off mid-sentence: the end of each paragraph
 * of the view against the rules of truncated.h.
 */
#include "detect/truncated.h"

#include <string.h>

#include "common/utf8.h"
#include "common/util.h"

/* How a paragraph ends, after its trailing white space. */
enum ending {
	END_OTHER,    /* punctuation, a number, a space before the ellipsis */
	END_WORD,     /* a word, no final punctuation */
	END_ELLIPSIS, /* a word glued to "..." or "…" */
	END_HYPHEN,   /* a word glued to a hyphen */
};

static int is_ellipsis(const char *s, size_t len)
{
	size_t i = 0;

	if (len == 3 && !memcmp(s, "\xE2\x80\xA6", 3)) /* U+2026 */
		return 1;
	while (i < len && s[i] == '.')
		i++;
	return i == len && len >= 3;
}

static int is_hyphen(const char *s, size_t len)
{
	return (len == 1 && s[0] == '-') ||
	       (len == 3 && !memcmp(s, "\xE2\x80\x90", 3)); /* U+2010 */
}

/* Classify the end of the paragraph of tokens [from, to); *word receives
 * the index of the last word (all but END_OTHER) and *end the end of the
 * paragraph's text. */
static enum ending paragraph_end(const char *t, const struct tokens *ts,
				 size_t from, size_t to, size_t *word,
				 size_t *end)
{
	size_t e = to, p;

	while (e > from && ts->t[e - 1].type == TOK_SPACE)
		e--;
	p = e;
	while (p > from && ts->t[p - 1].type == TOK_PUNCT)
		p--;
	if (p == from || ts->t[p - 1].type != TOK_WORD ||
	    (ts->t[p - 1].flags & TF_URL))
		return END_OTHER;
	*word = p - 1;
	*end = tok_end(&ts->t[e - 1]);
	if (p == e)
		return END_WORD;
	if (is_ellipsis(t + ts->t[p].start, *end - ts->t[p].start))
		return END_ELLIPSIS;
	if (is_hyphen(t + ts->t[p].start, *end - ts->t[p].start))
		return END_HYPHEN;
	return END_OTHER;
}

/* Letters of the word token tk. */
static size_t letters(const char *t, const struct token *tk)
{
	size_t i = tk->start, n = 0;

	while (i < tok_end(tk))
		n += uc_is_alpha(utf8_next(t, &i, tok_end(tk))) != 0;
	return n;
}

/* Is the word (after an elided prefix: "d'un") one that cannot end a
 * sentence? */
static int cut_word(const char *w, size_t len, struct dict *d,
		    const struct wordlist *cut_words)
{
	size_t e = d ? dict_elision_prefix(d, w, len) : 0;

	return cut_words && wordlist_has(cut_words, w + e, len - e);
}

/* Is the lower-case word a stump: unknown to the dictionary and to
 * English? */
static int stump(const char *t, const struct token *tk, struct dict *d)
{
	const char *w = t + tk->start;
	size_t len = tok_end(tk) - tk->start, e;

	if (!d || (tk->flags & TF_UPPER) || letters(t, tk) < 2)
		return 0;
	e = dict_elision_prefix(d, w, len);
	return !dict_check(d, w, len) && !dict_check(d, w + e, len - e) &&
	       !dict_check_loanword(d, w + e, len - e);
}

/* Number of word tokens in [from, to). */
static size_t count_words(const struct tokens *ts, size_t from, size_t to)
{
	size_t n = 0;

	for (size_t i = from; i < to; i++)
		n += ts->t[i].type == TOK_WORD;
	return n;
}

/* The rule of truncated.h that the paragraph [from, to) breaks, as the
 * finding's detail, or NULL. */
static const char *judge(const char *t, const struct tokens *ts, size_t from,
			 size_t to, struct dict *d,
			 const struct wordlist *cut_words, size_t *start,
			 size_t *end)
{
	size_t w = from;
	enum ending how = paragraph_end(t, ts, from, to, &w, end);
	const struct token *tk;
	int listed;

	if (how == END_OTHER)
		return NULL;
	tk = &ts->t[w];
	*start = tk->start;
	/* Lower case only: "vitamine E", "Plan A" end with a letter. */
	listed = !(tk->flags & TF_UPPER) &&
		 cut_word(t + tk->start, tok_end(tk) - tk->start, d, cut_words);
	switch (how) {
	case END_ELLIPSIS:
		if (listed)
			return "ends with an ellipsis after a word that cannot "
			       "end a sentence";
		return stump(t, tk, d) ? "ends with an ellipsis inside a word"
				       : NULL;
	case END_HYPHEN:
		return letters(t, tk) >= 2 ? "ends with a word broken by a "
					     "hyphen"
					   : NULL;
	case END_WORD:
		if (!listed || count_words(ts, from, to) < 2 ||
		    (w > from && ts->t[w - 1].type == TOK_PUNCT &&
		     is_hyphen(t + ts->t[w - 1].start,
			       tok_end(&ts->t[w - 1]) - ts->t[w - 1].start)))
			return NULL;
		return "ends with a word that cannot end a sentence";
	default:
		return NULL;
	}
}

void truncated_detect(struct article *a, const struct view *v,
		      const struct tokens *ts, struct dict *d,
		      const struct wordlist *cut_words)
{
	size_t from = 0;

	for (size_t i = 0; i <= ts->n; i++) {
		size_t start, end;
		const char *why;

		if (i < ts->n && ts->t[i].type != TOK_NEWLINE)
			continue;
		why = i > from ? judge(v->text, ts, from, i, d, cut_words,
				       &start, &end)
			       : NULL;
		if (why)
			view_report(v, a, FK_TRUNCATED, start, end,
				    v->text + start, end - start, 0, 0.7, why);
		from = i + 1;
	}
}
