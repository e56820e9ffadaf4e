/*
 * repeat.c - consecutive repeated words, one linear pass over the tokens.
 */
#include "repeat.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"
#include "util.h"

/* Index of the next word token after i if only horizontal space lies
 * between them, else 0. */
static size_t next_word(const struct tokens *ts, size_t i)
{
	if (i + 2 < ts->n && ts->t[i + 1].type == TOK_SPACE &&
	    ts->t[i + 2].type == TOK_WORD)
		return i + 2;
	return 0;
}

static int same_word(const char *t, const struct token *x,
		     const struct token *y)
{
	size_t nx, ny;
	char *fx, *fy;
	int same;

	if (x->end - x->start == y->end - y->start &&
	    !memcmp(t + x->start, t + y->start, x->end - x->start))
		return 1;
	fx = utf8_fold(t + x->start, x->end - x->start, &nx);
	fy = utf8_fold(t + y->start, y->end - y->start, &ny);
	same = nx == ny && !memcmp(fx, fy, nx);
	free(fx);
	free(fy);
	return same;
}

static int is_legit_double(const char *t, const struct token *x,
			   const struct token *y,
			   const struct wordlist *doubles)
{
	return doubles && wordlist_has(doubles, t + x->start,
				       y->end - x->start);
}

void repeat_words(struct article *a, const struct view *v,
		  const struct tokens *ts, const struct wordlist *doubles)
{
	const char *t = v->text;

	for (size_t i = 0; i < ts->n; i++) {
		const struct token *first = &ts->t[i];
		size_t j, last = i, copies = 1;
		char detail[128];

		if (first->type != TOK_WORD || first->flags & TF_URL)
			continue;
		while ((j = next_word(ts, last)) &&
		       same_word(t, first, &ts->t[j])) {
			last = j;
			copies++;
		}
		if (copies < 2 ||
		    (copies == 2 && is_legit_double(t, first, &ts->t[last],
						    doubles))) {
			continue;
		}
		snprintf(detail, sizeof(detail), "%zu times in a row: %.*s",
			 copies,
			 (int)(first->end - first->start > 60
				       ? 60 : first->end - first->start),
			 t + first->start);
		view_report(v, a, FK_WORD_REPEAT, first->end, ts->t[last].end,
			    "", 0, 1, 0.9, detail);
		i = last;
	}
}
