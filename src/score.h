/*
 * score.h - the article quality score (docs/scoring.md explains it).
 *
 *   penalty = sum over findings of weight(kind)     (dropped ones included)
 *             except foreign_language: weight * share of the text covered
 *             * max(words, SCORE_MIN_WORDS)
 *   density = 100 * penalty / max(words, SCORE_MIN_WORDS)
 *   score   = 100 / (1 + (density / SCORE_HALF) ^ SCORE_STEEPNESS)
 *
 * Monotone: another finding never raises the score (weights are >= 0).
 * Length-normalized: the same density of problems gives the same score at
 * any length of at least SCORE_MIN_WORDS words; shorter texts are judged as
 * if they had SCORE_MIN_WORDS words, so one slip in a title is not a
 * catastrophe. Grades: A >= 90, B >= 75, C >= 60, D >= 40, else F.
 *
 * The weights and SCORE_MIN_WORDS were calibrated on human quality labels
 * (tests/bench/score_paracrawl.py). SCORE_HALF is the density that scores
 * 50; SCORE_STEEPNESS how sharply the score falls around it. The curve
 * falls slowly for very damaged texts, so they still rank among
 * themselves at the one decimal of quality.csv instead of all reading 0.
 */
#ifndef RELIRE_SCORE_H
#define RELIRE_SCORE_H

#include "article.h"

#define SCORE_MIN_WORDS 10
#define SCORE_HALF	6.0 /* set on professional news: 78% grade A */
#define SCORE_STEEPNESS 1.5

struct score {
	double value;	/* 0..100 */
	char grade;	/* 'A'..'F' */
	int top_kind;	/* kind with the largest penalty, or -1 */
	double penalty; /* sum of the weights of the findings */
	double density; /* penalty per 100 words */
};

/* Severity weight of one finding of kind k (0 for an unknown kind). */
double score_weight(enum finding_kind k);

/* Score a from its per-kind counts (a->counts), its word count and, for
 * foreign_language, the spans of its findings. top_kind is
 * the kind whose findings weigh most, the lowest kind on a tie, -1 when
 * nothing weighs. A failed article scores like an empty one (100); the
 * reports leave its score blank. */
void score_article(const struct article *a, struct score *out);

/* The formula alone: the score of a total penalty over words words. */
double score_from_penalty(double penalty, size_t words);

/* Grade letter of a score value. */
char score_grade(double value);

#endif
