/*
 * test_spacing.c - the spacing stage (spacing.h) on damaged and on good
 * French: each damaged line must come out as expected, then a second run
 * on the output must apply nothing (idempotence); good text, numbers,
 * times, URLs and code must come out byte-identical with no finding.
 */
#include <string.h>

#include "article.h"
#include "harness.h"
#include "stage_run.h"
#include "segment.h"
#include "spacing.h"
#include "util.h"
#include "view.h"
#include "wordlist.h"

static struct segmenter *seg;
static struct wordlist elisions;

/* Run the stage on text; return the cleaned text (caller frees) and the
 * number of applied and of unapplied findings. */
static void spacing_stage(struct article *a, const struct view *v,
			  const struct tokens *ts, void *ctx)
{
	spacing_repair(a, v, ts, ctx);
}

static char *clean(const char *text, size_t *applied, size_t *reported)
{
	return stage_run(seg, text, FK_SPACING, spacing_stage, &elisions,
			 applied, reported);
}

static void test_repairs(void)
{
	static const struct {
		const char *in, *want;
	} cases[] = {
	    /* spaced apostrophes (P3AI) */
	    {"des liens qui n ’ étaient pas exempts d ’ intérêts",
	     "des liens qui n’étaient pas exempts d’intérêts"},
	    {"Le Parti social-démocrate d ’ Autriche",
	     "Le Parti social-démocrate d’Autriche"},
	    {"l' autre et l 'autre, aujourd ’ hui, jusqu ’ à",
	     "l'autre et l'autre, aujourd’hui, jusqu’à"},
	    {"Lorsqu ’ il a qualifié d ’ « injuste » la loi",
	     "Lorsqu’il a qualifié d’ « injuste » la loi"},
	    /* spaces before , and . */
	    {"la pandémie , qui dure .", "la pandémie, qui dure."},
	    {"« Qu'est-ce que c'est ? » , dit-il",
	     "« Qu'est-ce que c'est ? », dit-il"},
	    {"pour la fin 2021 .", "pour la fin 2021."},
	    /* doubled spaces; a no-break space is the one kept */
	    {"deux  espaces   ici", "deux espaces ici"},
	    {"le mot \xC2\xA0 : suivant", "le mot\xC2\xA0: suivant"},
	    /* parentheses */
	    {"le parti ( SPÖ ) a dit", "le parti (SPÖ) a dit"},
	    {"le parti (SPÖ ) a dit", "le parti (SPÖ) a dit"},
	    /* quotes (talp_upc, Online-G) */
	    {"a adopté un\"plan climatique 2020\" pour",
	     "a adopté un \"plan climatique 2020\" pour"},
	    {"le mouvement \"Black Power\"contre la",
	     "le mouvement \"Black Power\" contre la"},
	    {"Et:\"Il doit être clair\".", "Et: \"Il doit être clair\"."},
	    {"un«plan»de relance", "un «plan» de relance"},
	    {"le“plan”de relance", "le “plan” de relance"},
	};

	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		size_t applied, reported, again, again_rep;
		char *out = clean(cases[i].in, &applied, &reported);
		char *out2 = clean(out, &again, &again_rep);

		CHECK_STR(out, cases[i].want);
		CHECK_MSG(applied > 0, "%s", cases[i].in);
		CHECK_MSG(again == 0 && again_rep == 0, "not idempotent: %s",
			  out);
		CHECK_STR(out2, out);
		free(out);
		free(out2);
	}
}

static void test_good_text_unchanged(void)
{
	static const char *const good[] = {
	    "Il a dit : « oui » ; puis : « non ! » Vraiment ?",
	    "Il a dit\xC2\xA0: «\xC2\xA0oui\xC2\xA0» ; et\xE2\x80\xAF!",
	    "Il y a 1 200 000 habitants et 1\xC2\xA0"
	    "200 voitures.",
	    "Rendez-vous à 10 h 30, ou à 10:30, ou à 10h30.",
	    "La croissance est de 3.5 % ou de 3,5 %, soit ,5 de plus.",
	    "M. Dupont est allé aux U.S.A. en 2020.",
	    "Voir https://www.exemple.fr/a?b=1&c=2 , ou www.exemple.fr .",
	    "Écrire à jean.dupont@exemple.fr , merci.",
	    "Il a dit ... puis rien.",
	    "74 % ( !) au chômage partiel.",
	    "(Reuters) - Le président ( ) a parlé.",
	    "L’OTAN et l'ONU disent qu’il viendra aujourd’hui.",
	    "Le fichier .env et la version .5 du produit.",
	    "	indentation en tête et espaces en fin   ",
	    "if (a  ==  b) { x = \"a\"b; }",
	    "Il a dit \"oui\" et \"non\", puis \"peut-être\".",
	    "Il a dit \"oui et s'en est allé.",
	    "Le titre « Person of the year » revient.",
	    "a ) premier point ; b ) second point.",
	    "L'Américain Trump ' s a parlé.",
	    "la réussite de l’ « Uruguay Round » et l’« exclusion »",
	    "le „Sommet des capitales“ et sa “fait sa danse“ ici",
	};

	for (size_t i = 0; i < ARRAY_SIZE(good); i++) {
		size_t applied, reported;
		char *out = clean(good[i], &applied, &reported);

		CHECK_STR(out, good[i]);
		CHECK_MSG(applied == 0 && reported == 0, "%s: %zu findings",
			  good[i], applied + reported);
		free(out);
	}
}

/* Lines are independent: quotes on one line do not pair with the next. */
static void test_lines(void)
{
	size_t applied, reported;
	char *out =
	    clean("Il a dit \"oui.\nEt\"non\" d ’ accord", &applied, &reported);

	CHECK_STR(out, "Il a dit \"oui.\nEt \"non\" d’accord");
	CHECK_EQ(applied, 3); /* one insertion, two deletions */
	free(out);
}

int main(void)
{
	seg = segmenter_new("fr");
	if (!seg)
		return 1;
	wordlist_init(&elisions);
	if (wordlist_load(&elisions, RELIRE_DATA_DIR "/fr/elided-forms.txt", 0))
		return 1;
	RUN(test_repairs);
	RUN(test_good_text_unchanged);
	RUN(test_lines);
	wordlist_release(&elisions);
	segmenter_free(seg);
	return harness_done();
}
