/*
 * repair.h - shared plumbing of the text repair stages (spacing, glued
 * words, typography): a list of candidate edits on a view that is reported
 * as findings in one go, and the guard that marks the bytes no repair may
 * change (URLs, e-mail addresses, handles, code).
 *
 * A stage scans the view, adds every candidate edit it believes in with a
 * confidence, then calls repair_report(): candidates are sorted by
 * position, a candidate that overlaps one kept before it is dropped (the
 * leftmost wins; at equal starts the shorter, then the one added first),
 * and the rest become findings. A candidate whose confidence is below the
 * stage's threshold is reported but not applied.
 */
#ifndef RELIRE_REPAIR_H
#define RELIRE_REPAIR_H

#include <stddef.h>
#include <stdint.h>

#include "common/article.h"
#include "common/token.h"
#include "common/view.h"

/* Longest replacement a candidate edit may carry (bytes, NUL excluded). */
#define REPAIR_REPL_MAX 15

struct repair_edit {
	size_t start, end; /* view byte span; start == end inserts */
	char repl[REPAIR_REPL_MAX + 1];
	size_t repl_len;
	double confidence;
	const char *detail; /* borrowed, static string */
	size_t seq;
};

struct repair_list {
	struct repair_edit *v;
	size_t n, cap;
};

void repair_list_init(struct repair_list *l);
void repair_list_release(struct repair_list *l);

/* Add a candidate: replace view bytes [start, end) by repl[0..repl_len)
 * (repl_len <= REPAIR_REPL_MAX; copied). detail must outlive the list. */
void repair_add(struct repair_list *l, size_t start, size_t end,
		const char *repl, size_t repl_len, double confidence,
		const char *detail);

/*
 * Report the candidates of l on a as findings of kind, applied when their
 * confidence is at least apply_min. Overlapping candidates are resolved
 * first (see above; two insertions at the same offset are one). Empties l.
 * Returns the number of findings reported.
 */
size_t repair_report(struct repair_list *l, const struct view *v,
		     struct article *a, enum finding_kind kind,
		     double apply_min);

/*
 * The guard: one byte per view byte, set where no repair may change the
 * text. Set for every token flagged TF_URL (URLs, e-mail addresses,
 * handles, hashtags), for white-space-delimited chunks that look like code
 * (they contain one of = < > { } \ ` | or "()"), and for whole lines that
 * look like code (an indented line, or a line with "{", "}", ");", "==",
 * "!=", "->", "=>", "&&", "||" or "</").
 */
struct repair_guard {
	unsigned char *mask;
	size_t len;
};

/* Call fn(ctx, ls, le) for each line [ls, le) of text[0..len), in order
 * (the LF is not part of the line). */
void repair_each_line(const char *text, size_t len,
		      void (*fn)(void *ctx, size_t ls, size_t le), void *ctx);

void repair_guard_build(struct repair_guard *g, const char *text, size_t len,
			const struct tokens *ts);
void repair_guard_release(struct repair_guard *g);

/* 1 when an edit of [start, end) would change or touch a guarded byte:
 * the bytes of the span and the one on each side of it are checked, so an
 * insertion or deletion right next to a URL is refused too. */
int repair_guarded(const struct repair_guard *g, size_t start, size_t end);

/* Horizontal white space as the repair stages see it: White_Space minus
 * line breaks and the tab (tabs are layout, not spacing). */
int repair_is_hspace(int32_t c);
/* The no-break spaces French typography uses: U+00A0, U+202F, U+2007. */
int repair_is_nobreak(int32_t c);

/* 1 when the « or » at offset i of the line t[ls, le) is one side of a
 * German quotation »so«: a » glued to the text after it (a word, or a
 * sign that starts it: "»%s«", "»…«") whose next guillemet on the line is
 * a « glued to the word before it, or that «. French repairs leave such
 * quotes alone. */
int repair_german_quote(const char *t, size_t ls, size_t le, size_t i);

/*
 * Which guillemets of a line open a quotation and which close one, read
 * by pairing them in order (German ones left out), not from the sign: a «
 * while a quotation is open, with nothing glued after it and glued to the
 * text before it or followed by punctuation or the end of the line, is a
 * closing quote typed with the wrong sign ("« Le grand homme« !"); a »
 * while none is open, glued to the word after it and followed later by
 * another guillemet, opens one ("»oui» dit-il"). Otherwise « opens and »
 * closes. One pass over the line; each lookup is a binary search.
 */
struct repair_quote_role {
	size_t at;  /* byte offset of the guillemet */
	int closes; /* 1 closes, 0 opens */
};

struct repair_quotes {
	struct repair_quote_role *v;
	size_t n, cap;
};

void repair_quotes_init(struct repair_quotes *q);
void repair_quotes_release(struct repair_quotes *q);
/* Read the guillemets of the line t[ls, le) into q (replacing the
 * previous line's). */
void repair_quotes_line(struct repair_quotes *q, const char *t, size_t ls,
			size_t le);
/* 1 when the guillemet at offset i of the line last read closes a
 * quotation; 0 when it opens one or is not a French guillemet there. */
int repair_quotes_closes(const struct repair_quotes *q, size_t i);

#endif
