/*
 * segment.c - ICU word breaks over UTF-8 text, then linear passes that
 * classify tokens, set case flags, mark ordinals and Roman numerals, and
 * mark URL-like chunks.
 *
 * What ICU's word rules already give (UAX #29, checked in test_segment.c):
 * an apostrophe (' or ’) between letters stays inside the word ("qu’il",
 * "aujourd’hui", "l’OTAN"), a hyphen splits ("cessez", "-", "le"), digits
 * with inner separators form one number ("1,5", "12h30"), digits followed
 * by letters one word ("3e", "1er"), an e-mail address one word. On top of
 * that this file decides:
 *  - white space never stays inside a word: UAX #29 counts U+202F NARROW
 *    NO-BREAK SPACE as ExtendNumLet, so ICU returns "pays\u202F" or
 *    "3\u202F000" as one token; such tokens are split at the space;
 *  - case flags look past an elided prefix: letters, then an apostrophe,
 *    within the first 7 bytes ("l’OTAN" is ALLCAPS);
 *  - TF_NUMERAL: a word starting with a digit ("3e"), or a well-formed
 *    Roman numeral of two letters or more ("XIV", "XXIe"), or I, V, X with
 *    a lower-case suffix ("Ier", "Ve"); "DVD" is not well-formed;
 *  - TF_URL: a white-space-delimited chunk (opening brackets and quotes
 *    skipped) that starts with @ or #, holds "://", an @ followed by a dot,
 *    or starts with "www."; and a word with an inner dot whose last part is
 *    2 to 6 lower-case ASCII letters and whose part before it is ASCII
 *    ("lemonde.fr"; not "refusé.de").
 */
#include "common/segment.h"

#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include "common/utf8.h"
#include "common/util.h"

struct segmenter {
	UBreakIterator *bi;
	UText *ut;
};

void tokens_init(struct tokens *ts)
{
	memset(ts, 0, sizeof(*ts));
}

void tokens_release(struct tokens *ts)
{
	if (!ts)
		return;
	free(ts->t);
	memset(ts, 0, sizeof(*ts));
}

struct segmenter *segmenter_new(const char *locale)
{
	UErrorCode err = U_ZERO_ERROR;
	struct segmenter *sg = xcalloc(1, sizeof(*sg));

	sg->bi = ubrk_open(UBRK_WORD, locale, NULL, 0, &err);
	if (U_FAILURE(err)) {
		rl_error("cannot open ICU word break iterator for '%s': %s",
			 locale, u_errorName(err));
		free(sg);
		return NULL;
	}
	return sg;
}

void segmenter_free(struct segmenter *sg)
{
	if (!sg)
		return;
	ubrk_close(sg->bi);
	utext_close(sg->ut);
	free(sg);
}

static enum token_type classify(const char *t, size_t s, size_t e,
				int32_t status)
{
	size_t i = s;
	int32_t c;

	if (status >= UBRK_WORD_NUMBER && status < UBRK_WORD_NUMBER_LIMIT)
		return TOK_NUMBER;
	if (status >= UBRK_WORD_LETTER)
		return TOK_WORD;
	c = utf8_next(t, &i, e);
	if (c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029 || c == 0x85 ||
	    c == 0x0B || c == 0x0C)
		return TOK_NEWLINE;
	if (uc_is_space(c) || c == '\t')
		return TOK_SPACE;
	return TOK_PUNCT;
}

/* Bytes of an elided prefix ("l’", "qu'") at s, or 0. */
static size_t elided_prefix(const char *s, size_t len)
{
	size_t i = 0;

	while (i < len && i < 8) {
		size_t at = i;
		int32_t c = utf8_next(s, &i, len);

		if ((c == '\'' || c == 0x2019) && at > 0)
			return i < len ? i : 0;
		if (!uc_is_alpha(c))
			return 0;
	}
	return 0;
}

static int roman_value(char c)
{
	static const char letters[] = "IVXLCDM";
	static const int values[] = {1, 5, 10, 50, 100, 500, 1000};
	const char *p = c ? strchr(letters, c) : NULL;

	return p ? values[p - letters] : 0;
}

/* Canonical Roman numeral of v (1..3999) into out (at least 16 bytes). */
static void roman_format(int v, char *out)
{
	static const char *const sym[] = {"M",	"CM", "D",  "CD", "C",
					  "XC", "L",  "XL", "X",  "IX",
					  "V",	"IV", "I"};
	static const int val[] = {1000, 900, 500, 400, 100, 90, 50,
				  40,	10,  9,	  5,   4,   1};
	size_t n = 0;

	for (size_t i = 0; i < ARRAY_SIZE(val); i++)
		for (; v >= val[i] && n + 2 < 16; v -= val[i])
			for (const char *p = sym[i]; *p; p++)
				out[n++] = *p;
	out[n] = '\0';
}

/* Is s[0..n) a well-formed Roman numeral ("XIV", not "DVD")? */
static int is_roman(const char *s, size_t n)
{
	char canon[16];
	int v = 0;

	if (n == 0 || n > 15)
		return 0;
	for (size_t i = 0; i < n; i++) {
		int x = roman_value(s[i]),
		    y = i + 1 < n ? roman_value(s[i + 1]) : 0;
		if (!x)
			return 0;
		v += x < y ? -x : x;
	}
	if (v <= 0 || v >= 4000)
		return 0;
	roman_format(v, canon);
	return strlen(canon) == n && !memcmp(canon, s, n);
}

static int is_numeral(const char *s, size_t len)
{
	size_t r = 0, i;

	if (len && s[0] >= '0' && s[0] <= '9')
		return 1;
	while (r < len && roman_value(s[r]))
		r++;
	if (!is_roman(s, r))
		return 0;
	for (i = r; i < len && s[i] >= 'a' && s[i] <= 'z'; i++)
		;
	if (i != len || len - r > 3)
		return 0;
	return r >= 2 || (r == 1 && len > 1 && strchr("IVX", s[0]));
}

static void set_case_flags(const char *t, struct token *tk)
{
	const char *w = t + tk->start;
	size_t len = tok_end(tk) - tk->start, e;

	if (tk->type != TOK_WORD)
		return;
	if (is_numeral(w, len))
		tk->flags |= TF_NUMERAL;
	e = elided_prefix(w, len);
	if (utf8_starts_upper(w + e, len - e))
		tk->flags |= TF_UPPER;
	if (utf8_is_all_caps(w + e, len - e))
		tk->flags |= TF_ALLCAPS;
}

/* "lemonde.fr", "www.x.fr": a word with an inner dot whose last part is a
 * plausible top-level domain. */
static int word_is_domain(const char *w, size_t len)
{
	const char *dot = NULL;
	size_t tld;

	for (size_t i = 1; i + 1 < len; i++)
		if (w[i] == '.')
			dot = w + i;
	if (!dot)
		return 0;
	for (const char *p = w; p < dot; p++)
		if ((unsigned char)*p >= 0x80)
			return 0; /* "refusé.de": a sentence, not a host */
	tld = len - (size_t)(dot + 1 - w);
	if (tld < 2 || tld > 6)
		return 0;
	for (const char *p = dot + 1; p < w + len; p++)
		if (*p < 'a' || *p > 'z')
			return 0;
	return 1;
}

/* Does the white-space-delimited chunk t[s..e) look like a URL, an e-mail
 * address, a handle or a hashtag? */
static int chunk_is_url(const char *t, size_t s, size_t e)
{
	size_t n, at = s;
	const char *c;

	/* Skip opening brackets and quotes: "(#Ukraine)", "«@elysee". */
	while (at < e) {
		size_t next = at;
		int32_t cp = utf8_next(t, &next, e);
		if (!(cp == '(' || cp == '[' || cp == '{' || cp == '"' ||
		      cp == '\'' || cp == 0xAB || cp == 0x201C || cp == 0x2018))
			break;
		at = next;
	}
	c = t + at;
	n = e - at;
	if (n >= 2 && (c[0] == '@' || c[0] == '#'))
		return 1;
	for (size_t i = 0; i + 1 < n; i++) {
		if (c[i] == '@' && i > 0 && memchr(c + i, '.', n - i))
			return 1;
		if (c[i] == ':' && i + 2 < n && c[i + 1] == '/' &&
		    c[i + 2] == '/')
			return 1;
	}
	return n > 4 && !strncmp(c, "www.", 4);
}

static void mark_urls(const char *t, struct tokens *ts)
{
	size_t i = 0;

	while (i < ts->n) {
		size_t j = i;
		while (j < ts->n && ts->t[j].type != TOK_SPACE &&
		       ts->t[j].type != TOK_NEWLINE)
			j++;
		if (j > i &&
		    chunk_is_url(t, ts->t[i].start, tok_end(&ts->t[j - 1])))
			for (size_t k = i; k < j; k++)
				ts->t[k].flags |= TF_URL;
		i = j + 1;
	}
	for (i = 0; i < ts->n; i++)
		if (ts->t[i].type == TOK_WORD &&
		    word_is_domain(t + ts->t[i].start,
				   tok_end(&ts->t[i]) - ts->t[i].start))
			ts->t[i].flags |= TF_URL;
}

/* Append the token that starts at start (it ends where the next one
 * starts: the tokens tile the text). Room is kept for the sentinel. */
static void push(struct tokens *ts, size_t start, enum token_type type)
{
	struct token *tk;

	GROW(ts->t, ts->cap, ts->n + 2);
	tk = &ts->t[ts->n++];
	tk->start = (uint32_t)start;
	tk->type = type;
	tk->flags = 0;
}

/* Append the word or number [s, e) split at white space; 0 when it holds
 * none (nothing appended). */
static int push_split(struct tokens *ts, const char *t, size_t s, size_t e,
		      enum token_type type)
{
	size_t i = s, run = s;
	int space = 0, split = 0;

	while (i < e) {
		size_t at = i;
		int sp = uc_is_space(utf8_next(t, &i, e));

		if (at > s && sp != space) {
			push(ts, run, space ? TOK_SPACE : type);
			run = at;
			split = 1;
		}
		space = sp;
	}
	if (split || space)
		push(ts, run, space ? TOK_SPACE : type);
	return split || space;
}

int segmenter_run(struct segmenter *sg, const char *text, size_t len,
		  struct tokens *ts)
{
	UErrorCode err = U_ZERO_ERROR;
	int32_t prev, next;

	ts->n = 0;
	ts->words = 0;
	/* A token holds one byte or more: an array longer than the text
	 * is what a larger article left (a worker reuses ts), and is let go
	 * so that memory follows the article at hand. */
	if (ts->cap > len && ts->cap > 65536) {
		free(ts->t);
		ts->t = NULL;
		ts->cap = 0;
	}
	if (len > INT32_MAX) /* ICU's offsets, and the tokens', are 32-bit */
		return rl_error("word break iteration failed: a text of %zu "
				"bytes is over 2 GB",
				len);
	sg->ut = utext_openUTF8(sg->ut, text, (int64_t)len, &err);
	ubrk_setUText(sg->bi, sg->ut, &err);
	if (U_FAILURE(err))
		return rl_error("word break iteration failed: %s",
				u_errorName(err));
	prev = ubrk_first(sg->bi);
	while ((next = ubrk_next(sg->bi)) != UBRK_DONE) {
		enum token_type type =
		    classify(text, (size_t)prev, (size_t)next,
			     ubrk_getRuleStatus(sg->bi));

		if ((type != TOK_WORD && type != TOK_NUMBER) ||
		    !push_split(ts, text, (size_t)prev, (size_t)next, type))
			push(ts, (size_t)prev, type);
		prev = next;
	}
	/* The sentinel: the last token's end (token.h). ICU's last
	 * boundary is the text's length. */
	GROW(ts->t, ts->cap, ts->n + 1);
	ts->t[ts->n].start = (uint32_t)len;
	ts->t[ts->n].type = TOK_SPACE;
	ts->t[ts->n].flags = 0;
	assert(ts->n == 0 || (size_t)prev == len);
	for (size_t i = 0; i < ts->n; i++) {
		set_case_flags(text, &ts->t[i]);
		if (ts->t[i].type == TOK_WORD || ts->t[i].type == TOK_NUMBER)
			ts->words++;
	}
	mark_urls(text, ts);
	return 0;
}
