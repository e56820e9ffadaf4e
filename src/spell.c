/*
 * spell.c - dictionary checks over word tokens; see spell.h for the rules.
 */
#include "spell.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "strmap.h"
#include "utf8.h"
#include "util.h"

struct spell_state {
	double budget;         /* seconds of suggest() left for this worker */
	struct strmap index;   /* word -> 1 + index into details */
	char **details;
	size_t ndetails, cap;
};

struct spell_state *spell_state_new(double suggest_budget)
{
	struct spell_state *st = xcalloc(1, sizeof(*st));

	st->budget = suggest_budget;
	strmap_init(&st->index);
	return st;
}

void spell_state_free(struct spell_state *st)
{
	if (!st)
		return;
	for (size_t i = 0; i < st->ndetails; i++)
		free(st->details[i]);
	free(st->details);
	strmap_release(&st->index);
	free(st);
}

static double now_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* "suggestions: a, b, c", computed once per word while budget lasts. */
static const char *suggestion_detail(struct spell_state *st, struct dict *d,
				     const char *w, size_t len)
{
	int64_t *slot = strmap_put(&st->index, w, len);
	struct strbuf sb;
	char **list;
	size_t n;
	double t0;

	if (*slot)
		return st->details[*slot - 1];
	sb_init(&sb);
	if (st->budget <= 0) {
		sb_adds(&sb, "suggestions skipped: time budget spent");
	} else {
		t0 = now_seconds();
		n = dict_suggest(d, w, len, &list, 5);
		st->budget -= now_seconds() - t0;
		sb_adds(&sb, n ? "suggestions: " : "no suggestion");
		for (size_t i = 0; i < n; i++)
			sb_addf(&sb, "%s%s", i ? ", " : "", list[i]);
		dict_free_list(list, n);
	}
	GROW(st->details, st->cap, st->ndetails + 1);
	st->details[st->ndetails++] = sb_detach(&sb, NULL);
	sb_release(&sb);
	*slot = (int64_t)st->ndetails;
	return st->details[*slot - 1];
}

static int has_digit(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (s[i] >= '0' && s[i] <= '9')
			return 1;
	return 0;
}

/* Offset just past an elided prefix ("l'", "qu’", "jusqu'") or 0. */
static size_t elision_end(const char *s, size_t len)
{
	for (size_t i = 1; i < len && i <= 8; i++) {
		if (s[i] == '\'')
			return i + 1 < len ? i + 1 : 0;
		if (i + 3 <= len && !memcmp(s + i, "\xE2\x80\x99", 3))
			return i + 3 < len ? i + 3 : 0;
	}
	return 0;
}

static int word_known(struct dict *d, const char *s, size_t len)
{
	size_t e;

	if (dict_check(d, s, len))
		return 1;
	e = elision_end(s, len);
	return e && dict_check(d, s + e, len - e);
}

static void check_word(struct article *a, const struct view *v,
		       const struct token *tk, struct dict *d,
		       struct spell_state *st)
{
	const char *w = v->text + tk->start;
	size_t len = tk->end - tk->start;

	if (tk->flags & TF_URL || has_digit(w, len) || utf8_count(w, len) < 2)
		return;
	if (word_known(d, w, len))
		return;
	if (tk->flags & (TF_UPPER | TF_ALLCAPS)) {
		view_report(v, a, FK_UNKNOWN_NAME, tk->start, tk->end, w, len,
			    0, 0.5, "capitalized word not in the dictionary");
		return;
	}
	view_report(v, a, FK_MISSPELLING, tk->start, tk->end, w, len, 0, 0.6,
		    suggestion_detail(st, d, w, len));
}

/* Length in tokens of the hyphenated compound starting at i (1 if none). */
static size_t compound_len(const struct tokens *ts, const char *t, size_t i)
{
	size_t j = i;

	while (j + 2 < ts->n && ts->t[j + 1].type == TOK_PUNCT &&
	       ts->t[j + 1].end - ts->t[j + 1].start == 1 &&
	       t[ts->t[j + 1].start] == '-' && ts->t[j + 2].type == TOK_WORD)
		j += 2;
	return j - i + 1;
}

void spell_detect(struct article *a, const struct view *v,
		  const struct tokens *ts, struct dict *d,
		  struct spell_state *st)
{
	for (size_t i = 0; i < ts->n; i++) {
		const struct token *tk = &ts->t[i];
		size_t n;

		if (tk->type != TOK_WORD)
			continue;
		n = compound_len(ts, v->text, i);
		if (n > 1 && dict_check(d, v->text + tk->start,
					ts->t[i + n - 1].end - tk->start)) {
			i += n - 1;
			continue;
		}
		check_word(a, v, tk, d, st);
	}
}
