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
#include "common/langwords.h"
#include "repair/lostchars.h"
#include "harness.h"
#include "stage_run.h"
#include "common/util.h"
#include "common/view.h"

#define FFFD "\xEF\xBF\xBD"

static const struct stage_case cases[] = {
    /* mark: U+FFFD anywhere, one per letter or one per UTF-8 byte */
    {"mark", "la pr" FFFD "sentation", "la présentation", 1, 1},
    {"mark", "le pr" FFFD FFFD "sident", "le président", 1, 1},
    /* a mark alone between hyphens is a word ("vis-à-vis") */
    {"mark", "il est vis-" FFFD "-vis de lui", "il est vis-à-vis de lui", 1, 1},
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
    /* function: the one function word of the readings */
    {"function", "il est " FFFD " Paris", "il est à Paris", 1, 1},
    {"function", "o" FFFD " est-il ?", "où est-il ?", 1, 1},
    {"function", "la pr?sentation a ?t? faite", "la présentation a été faite",
     2, 2},
    {"ambiguous", "un pr?s vert", "un pr?s vert", 1, 0},
    {"ambiguous", "le Gr" FFFD "nland", "le Gr" FFFD "nland", 1, 0},
    /* a long run of marks: reported, never read (the pattern's bound) */
    {"ambiguous",
     "pr" FFFD FFFD FFFD FFFD FFFD FFFD FFFD FFFD FFFD FFFD FFFD FFFD FFFD "s",
     "pr" FFFD FFFD FFFD FFFD FFFD FFFD FFFD FFFD FFFD FFFD FFFD FFFD FFFD "s",
     1, 0},
};

/* Good text and "?" that are not lost letters: no finding. */
static const char *const untouched[] = {
    "Le caf\xC3\xA9 est pr\xC3\xAAt ! Vraiment ?",
    "Vraiment? Oui. Quoi?Je ne sais pas. Et toi?",
    "Voir https://exemple.fr/page.php?id=3 et www.x.fr/?q=t?t",
    "C'est quoi ?! Et ça ?? (?) x?y",
    "??? !!! 3?4 a?",
    "a????????????????b",
    /* a lone U+FFFD glued to other damage is a lost byte of it ("”"
     * through Windows-1252, its last byte lost), not a word */
    "upgraded to bb+\xC3\xA2\xE2\x82\xAC\xEF\xBF\xBD from it",
    "",
};

static struct dict *dict;
static struct langwords words; /* function words of every language */

static void lost_stage(struct article *a, const struct view *v,
		       const struct tokens *ts, void *ctx)
{
	(void)ts;
	(void)ctx;
	const struct lostchars_lang l = {dict, &words, "fr"};

	lostchars_repair(&l, a, v);
}

static const struct stage_under_test under_test = {NULL, FK_ENCODING,
						   lost_stage, NULL};

static void test_stage(void)
{
	stage_check_all(&under_test, cases, ARRAY_SIZE(cases), untouched,
			ARRAY_SIZE(untouched));
}

int main(void)
{
	struct segmenter *seg;

	if (open_french(&dict, &seg))
		return 1;
	langwords_init(&words);
	if (langwords_load(&words, RELIRE_DATA_DIR) < 0)
		return harness_missing("dictionaries/*/function-words.txt");
	RUN(test_stage);
	langwords_release(&words);
	segmenter_free(seg);
	dict_free(dict);
	return harness_done();
}
