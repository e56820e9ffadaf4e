/*
 * score.c - severity weights and the score formula (see score.h).
 */
#include "score.h"

#include <math.h>

static const double weights[FK__COUNT] = {
	[FK_UNICODE] = 0.2,        [FK_CONTROL_CHAR] = 0.5,
	[FK_ENCODING] = 3.0,       [FK_MOJIBAKE] = 3.0,
	[FK_CONFUSABLE] = 2.0,     [FK_SPACING] = 0.5,
	[FK_TYPOGRAPHY] = 0.0,     [FK_GLUED_WORDS] = 2.0,
	[FK_CHAR_REPEAT] = 5.0,    [FK_WORD_REPEAT] = 3.0,
	[FK_PHRASE_REPEAT] = 3.0,  [FK_DUPLICATE_LINE] = 3.0,
	[FK_BOILERPLATE] = 1.5,    [FK_MISSPELLING] = 1.0,
	[FK_UNKNOWN_NAME] = 0.1,   [FK_FOREIGN_LANGUAGE] = 2.0,
	[FK_NAME_VARIANT] = 0.0,
};

double score_weight(enum finding_kind k)
{
	return (unsigned)k < FK__COUNT ? weights[k] : 0.0;
}

void score_article(const struct article *a, struct score *out)
{
	double penalty = 0, worst = 0, density;
	size_t words = a->words > 20 ? a->words : 20;

	out->top_kind = -1;
	for (int k = 0; k < FK__COUNT; k++) {
		double p = weights[k] * (double)a->counts[k];
		penalty += p;
		if (p > worst) {
			worst = p;
			out->top_kind = k;
		}
	}
	density = 100.0 * penalty / (double)words;
	out->value = 100.0 * exp(-density / 4.0);
	out->grade = out->value >= 90   ? 'A'
		     : out->value >= 75 ? 'B'
		     : out->value >= 60 ? 'C'
		     : out->value >= 40 ? 'D'
					: 'F';
}
