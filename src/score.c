/*
 * score.c - severity weights and the score formula (see score.h and
 * docs/scoring.md).
 *
 * A weight says how much one finding of a kind hurts a reader, on the scale
 * "one misspelling = 1". The weights were calibrated on human judgments
 * (tests/bench/score_paracrawl.py --fit) and then rounded; kinds that only
 * record a harmless normalization weigh little or nothing.
 */
#include "score.h"

#include <math.h>

static const double weights[FK__COUNT] = {
    [FK_UNICODE] = 0.2,	      [FK_CONTROL_CHAR] = 0.5,
    [FK_ENCODING] = 3.0,      [FK_MOJIBAKE] = 5.0,
    [FK_CONFUSABLE] = 2.0,    [FK_SPACING] = 0.5,
    [FK_TYPOGRAPHY] = 0.0,    [FK_GLUED_WORDS] = 5.0,
    [FK_CHAR_REPEAT] = 5.0,   [FK_WORD_REPEAT] = 3.0,
    [FK_PHRASE_REPEAT] = 3.0, [FK_DUPLICATE_LINE] = 3.0,
    [FK_BOILERPLATE] = 1.0,   [FK_MISSPELLING] = 1.0,
    [FK_UNKNOWN_NAME] = 0.3,  [FK_FOREIGN_LANGUAGE] = 1.0,
    [FK_NAME_VARIANT] = 0.0,  [FK_TRUNCATED] = 3.0,
};

double score_weight(enum finding_kind k)
{
	return (unsigned)k < FK__COUNT ? weights[k] : 0.0;
}

char score_grade(double value)
{
	return value >= 90   ? 'A'
	       : value >= 75 ? 'B'
	       : value >= 60 ? 'C'
	       : value >= 40 ? 'D'
			     : 'F';
}

static double density_of(double penalty, size_t words)
{
	size_t n = words > SCORE_MIN_WORDS ? words : SCORE_MIN_WORDS;

	return 100.0 * penalty / (double)n;
}

double score_from_penalty(double penalty, size_t words)
{
	double d = density_of(penalty, words) / SCORE_HALF;

	return 100.0 / (1.0 + pow(d, SCORE_STEEPNESS));
}

/* Share of the text (bytes) covered by foreign_language findings. */
static double foreign_share(const struct article *a)
{
	size_t covered = 0;

	for (size_t i = 0; i < a->nfindings; i++) {
		const struct finding *f = &a->findings[i];

		if (f->kind == FK_FOREIGN_LANGUAGE && f->end > f->start)
			covered += f->end - f->start;
	}
	if (!a->len)
		return 0;
	return covered >= a->len ? 1.0 : (double)covered / (double)a->len;
}

/* Penalty of the findings of kind k. Most kinds cost their weight per
 * finding. A foreign_language finding can be three words or the whole
 * text, so that kind costs its weight per 100 words times the share of
 * the text it covers: a text entirely in another language has a density
 * of 100 times the weight, whatever its length. */
static double kind_penalty(const struct article *a, int k)
{
	size_t n = a->words > SCORE_MIN_WORDS ? a->words : SCORE_MIN_WORDS;

	if (k == FK_FOREIGN_LANGUAGE)
		return weights[k] * foreign_share(a) * (double)n;
	return weights[k] * (double)a->counts[k];
}

void score_article(const struct article *a, struct score *out)
{
	double worst = 0;

	out->top_kind = -1;
	out->penalty = 0;
	for (int k = 0; k < FK__COUNT; k++) {
		double p = kind_penalty(a, k);

		out->penalty += p;
		if (p > worst) {
			worst = p;
			out->top_kind = k;
		}
	}
	out->density = density_of(out->penalty, a->words);
	out->value = score_from_penalty(out->penalty, a->words);
	out->grade = score_grade(out->value);
}
