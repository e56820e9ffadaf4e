/*
 * score.h - the article quality score (docs/scoring.md explains it).
 *
 *   penalty = sum over findings of weight(kind)     (dropped ones included)
 *             except foreign_language: weight * share of the text covered
 *             * max(words, min_words)
 *   density = 100 * penalty / max(words, min_words)
 *   score   = 100 / (1 + (density / half) ^ steepness)
 *
 * Monotone: another finding never raises the score (weights are >= 0).
 * Length-normalized: the same density of problems gives the same score at
 * any length of at least min_words words; shorter texts are judged as if
 * they had min_words words, so one slip in a title is not a catastrophe.
 * Grades: A >= 90, B >= 75, C >= 60, D >= 40, else F.
 *
 * The weights, min_words and the curve (half, steepness) are data: a
 * score model read from dictionaries/score-weights.tsv (or the file of
 * --score-weights), fitted on human quality labels by
 * tests/bench/score_fit.py. half is the density that scores 50; steepness
 * how sharply the score falls around it.
 */
#ifndef RELIRE_SCORE_H
#define RELIRE_SCORE_H

#include "common/article.h"

/* The weights file in relire's data directory. */
#define SCORE_WEIGHTS_FILE "score-weights.tsv"

struct score_model {
	double weight[FK__COUNT]; /* per finding, in misspellings, >= 0 */
	size_t min_words;	  /* shorter texts count this many words */
	double half;		  /* density that scores 50, > 0 */
	double steepness;	  /* > 0 */
};

struct score {
	double value;	/* 0..100 */
	char grade;	/* 'A'..'F' */
	int top_kind;	/* kind with the largest penalty, or -1 */
	double penalty; /* sum of the weights of the findings */
	double density; /* penalty per 100 words */
};

/*
 * Parse the text of a weights file, text[0..len), named name in messages.
 * Lines are NAME<TAB>VALUE, optionally followed by <TAB>NOTE (ignored);
 * blank lines and lines starting with '#' are skipped. NAME is a finding
 * kind (VALUE its weight, >= 0) or one of min_words (an integer >= 1),
 * half and steepness (> 0). Every kind and parameter must be given exactly
 * once. Returns 0 with *m filled, or -1 with "name:LINE: cause" (or
 * "name: cause" for something missing) in err[0..errsz), *m undefined.
 */
int score_model_parse(struct score_model *m, const char *text, size_t len,
		      const char *name, char *err, size_t errsz);

/* Read and parse the weights file at path. 0, or -1 after printing the
 * error. */
int score_model_load(struct score_model *m, const char *path);

/* Severity weight of one finding of kind k (0 for an unknown kind). */
double score_weight(const struct score_model *m, enum finding_kind k);

/* Score a with model m from its per-kind counts (a->counts), its word count
 * and, for foreign_language, the spans of its findings. top_kind is the
 * defect kind whose findings weigh most, the lowest kind on a tie, -1 when
 * no defect weighs: notes (finding_kind_is_note) count in the score but
 * are never the top issue. A failed article scores like an empty one (100); the
 * reports leave its score blank. Borrows a and m. */
void score_article(const struct article *a, const struct score_model *m,
		   struct score *out);

/* The formula alone: the score of a total penalty over words words. */
double score_from_penalty(const struct score_model *m, double penalty,
			  size_t words);

/* Grade letter of a score value. */
char score_grade(double value);

#endif
