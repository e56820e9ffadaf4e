/*
 * segment.c - ICU word breaks over UTF-8 text, then a linear pass that
 * classifies tokens and marks URL-like chunks.
 */
#include "segment.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include "utf8.h"
#include "util.h"

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
	if (c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029 ||
	    c == 0x85 || c == 0x0B || c == 0x0C)
		return TOK_NEWLINE;
	if (uc_is_space(c) || c == '\t')
		return TOK_SPACE;
	return TOK_PUNCT;
}

static void set_case_flags(const char *t, struct token *tk)
{
	if (tk->type != TOK_WORD)
		return;
	if (utf8_starts_upper(t + tk->start, tk->end - tk->start))
		tk->flags |= TF_UPPER;
	if (utf8_is_all_caps(t + tk->start, tk->end - tk->start))
		tk->flags |= TF_ALLCAPS;
}

/* Does the white-space-delimited chunk t[s..e) look like a URL, an e-mail
 * address, a handle or a hashtag? */
static int chunk_is_url(const char *t, size_t s, size_t e)
{
	size_t n = e - s;
	const char *c = t + s;

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
		if (j > i && chunk_is_url(t, ts->t[i].start, ts->t[j - 1].end))
			for (size_t k = i; k < j; k++)
				ts->t[k].flags |= TF_URL;
		i = j + 1;
	}
}

int segmenter_run(struct segmenter *sg, const char *text, size_t len,
		  struct tokens *ts)
{
	UErrorCode err = U_ZERO_ERROR;
	int32_t prev, next;

	ts->n = 0;
	ts->words = 0;
	sg->ut = utext_openUTF8(sg->ut, text, (int64_t)len, &err);
	ubrk_setUText(sg->bi, sg->ut, &err);
	if (U_FAILURE(err))
		return rl_error("word break iteration failed: %s",
				u_errorName(err));
	prev = ubrk_first(sg->bi);
	while ((next = ubrk_next(sg->bi)) != UBRK_DONE) {
		struct token *tk;

		GROW(ts->t, ts->cap, ts->n + 1);
		tk = &ts->t[ts->n++];
		tk->start = (size_t)prev;
		tk->end = (size_t)next;
		tk->type = classify(text, tk->start, tk->end,
				    ubrk_getRuleStatus(sg->bi));
		tk->flags = 0;
		set_case_flags(text, tk);
		if (tk->type == TOK_WORD || tk->type == TOK_NUMBER)
			ts->words++;
		prev = next;
	}
	mark_urls(text, ts);
	return 0;
}
