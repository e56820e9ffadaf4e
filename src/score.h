/*
 * score.h - the article quality score (docs/scoring.md explains it).
 *
 *   penalty = sum over findings of weight(kind)            (dropped included)
 *   density = 100 * penalty / max(words, 20)               (per 100 words)
 *   score   = 100 * exp(-density / 4)                      (0..100)
 *
 * Monotone: another finding never raises the score. Length-normalized: the
 * same density of problems gives the same score at any length. Grades: A
 * >= 90, B >= 75, C >= 60, D >= 40, else F.
 */
#ifndef RELIRE_SCORE_H
#define RELIRE_SCORE_H

#include "article.h"

struct score {
	double value;      /* 0..100 */
	char grade;        /* 'A'..'F' */
	int top_kind;      /* kind with the largest penalty, or -1 */
};

/* Severity weight of one finding of kind k. */
double score_weight(enum finding_kind k);
void score_article(const struct article *a, struct score *out);

#endif
