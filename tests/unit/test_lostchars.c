/*
 * test_lostchars.c - the rules of src/repair/lostchars.h by name, on the
 * French dictionary: lost letters read back, ambiguous words reported,
 * question marks and URLs left alone, idempotence.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/article.h"
#include "common/dict.h"
#include "repair/lostchars.h"
#include "harness.h"
#include "stage_run.h"
#include "common/util.h"
#include "common/view.h"

#define FFFD "\xEF\xBF\xBD"

struct lost_case {
	const char *rule;
	const char *in;
	const char *want; /* cleaned text */
	size_t findings;  /* all findings, applied or not */
	size_t applied;
};

static const struct lost_case cases[] = {
    /* mark: U+FFFD anywhere, one per letter or one per UTF-8 byte */
    {"mark", "la pr" FFFD "sentation", "la présentation", 1, 1},
    {"mark", "le pr" FFFD FFFD "sident", "le président", 1, 1},
    {"mark", "il est arriv" FFFD FFFD ".", "il est arrivé.", 1, 1},
    /* mark: "?" before a letter, and at the end of a word that has one */
    {"mark", "la pr?sentation d?j? faite", "la présentation déjà faite", 2, 2},
    {"mark", "le minist?re de l?Int?rieur", "le ministère de l’Intérieur", 2,
     2},
    /* mark: a text shown to write "?" for letters has them at word ends */
    {"mark", "la pr?sentation est suppos?e, la pauvret? augment?",
     "la présentation est supposée, la pauvreté augmenté", 4, 4},
    /* candidates: capitals in a word of capitals and at a word's start,
     * ’ between letters */
    {"candidates", "l'" FFFD "GLISE et l'" FFFD "glise", "l'ÉGLISE et l'église",
     2, 2},
    {"candidates", "en " FFFD "gypte, l" FFFD "homme", "en Égypte, l’homme", 2,
     2},
    {"candidates", "Il a dit. " FFFD "tat de si" FFFD "ge.",
     "Il a dit. État de siège.", 2, 2},
    /* ambiguous: reported with the readings, not applied */
    {"ambiguous", "il est " FFFD " Paris", "il est " FFFD " Paris", 1, 0},
    {"ambiguous", "un ?t? chaud", "un ?t? chaud", 1, 0},
    {"ambiguous", "le Gr" FFFD "nland", "le Gr" FFFD "nland", 1, 0},
};

/* Good text and "?" that are not lost letters: no finding. */
static const char *const untouched[] = {
    "Le caf\xC3\xA9 est pr\xC3\xAAt ! Vraiment ?",
    "Vraiment? Oui. Quoi?Je ne sais pas. Et toi?",
    "Voir https://exemple.fr/page.php?id=3 et www.x.fr/?q=t?t",
    "C'est quoi ?! Et ça ?? (?) x?y",
    "??? !!! 3?4 a?",
    "",
};

static struct dict *dict;

static void lost_stage(struct article *a, const struct view *v,
		       const struct tokens *ts, void *ctx)
{
	(void)ts;
	(void)ctx;
	lostchars_repair(dict, a, v);
}

static char *run(const char *in, size_t *findings, size_t *applied)
{
	size_t reported;
	char *out = stage_run(NULL, in, FK_ENCODING, lost_stage, NULL, applied,
			      &reported);

	*findings = *applied + reported;
	return out;
}

static void test_rules(void)
{
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		const struct lost_case *c = &cases[i];
		size_t nf, na;
		char *out = run(c->in, &nf, &na);
		CHECK_MSG(!strcmp(out, c->want),
			  "rule %s (row %zu): got \"%s\"", c->rule, i, out);
		CHECK_MSG(nf == c->findings && na == c->applied,
			  "rule %s (row %zu): %zu findings, %zu applied",
			  c->rule, i, nf, na);
		free(out);
	}
}

static void test_untouched(void)
{
	for (size_t i = 0; i < ARRAY_SIZE(untouched); i++) {
		size_t nf, na;
		char *out = run(untouched[i], &nf, &na);
		CHECK_MSG(!strcmp(out, untouched[i]) && nf == 0,
			  "row %zu: %zu findings", i, nf);
		free(out);
	}
}

static void test_idempotent(void)
{
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		size_t nf, na, nf2, na2;
		char *once = run(cases[i].in, &nf, &na);
		char *twice = run(once, &nf2, &na2);
		CHECK_MSG(na2 == 0 && !strcmp(once, twice), "row %zu", i);
		free(once);
		free(twice);
	}
}

int main(void)
{
	struct segmenter *seg;

	if (open_french(&dict, &seg))
		return 1;
	RUN(test_rules);
	RUN(test_untouched);
	RUN(test_idempotent);
	segmenter_free(seg);
	dict_free(dict);
	return harness_done();
}
