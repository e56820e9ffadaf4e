/*
 * test_typography.c - the French typography profile (typography.h):
 * keyboard typography becomes French typography, a second run applies
 * nothing, and numbers, times, URLs, e-mail addresses and code stay
 * byte-identical.
 */
#include <string.h>

#include "common/article.h"
#include "harness.h"
#include "stage_run.h"
#include "common/segment.h"
#include "common/util.h"
#include "common/view.h"
#include "repair/typography.h"

#define NBSP  "\xC2\xA0"
#define NNBSP "\xE2\x80\xAF"

static struct segmenter *seg;

/* Run the profile on text; return the cleaned text (caller frees) and the
 * number of findings. */
static void typography_stage(struct article *a, const struct view *v,
			     const struct tokens *ts, void *ctx)
{
	(void)ctx;
	typography_fr(a, v, ts);
}

static char *clean(const char *text, size_t *nfindings)
{
	size_t reported;
	char *out = stage_run(seg, text, FK_TYPOGRAPHY, typography_stage, NULL,
			      nfindings, &reported);

	CHECK(reported == 0); /* every finding of the profile is applied */
	*nfindings += reported;
	return out;
}

static void test_profile(void)
{
	static const struct {
		const char *in, *want;
	} cases[] = {
	    {"l'État et aujourd'hui", "l’État et aujourd’hui"},
	    {"Et puis... rien.", "Et puis… rien."},
	    {"Il a dit \"oui\" puis \" non \".",
	     "Il a dit «" NBSP "oui" NBSP "» puis «" NBSP "non" NBSP "»."},
	    {"le “plan” prévu", "le «" NBSP "plan" NBSP "» prévu"},
	    {"« oui » et «non»",
	     "«" NBSP "oui" NBSP "» et «" NBSP "non" NBSP "»"},
	    {"Vraiment ? Oui ! Non; peut-être?!",
	     "Vraiment" NNBSP "? Oui" NNBSP "! Non" NNBSP "; peut-être" NNBSP
	     "?!"},
	    {"Note : voici. Et: \"Il\"",
	     "Note" NBSP ": voici. Et" NBSP ": «" NBSP "Il" NBSP "»"},
	    {"« Qu'est-ce ? »", "«" NBSP "Qu’est-ce" NNBSP "?" NBSP "»"},
	    /* guillemets paired, not read from the sign */
	    {"« Le grand homme« !",
	     "«" NBSP "Le grand homme" NBSP "»" NNBSP "!"},
	    {"« Nous ne voulons pas ce prix «, a-t-elle dit.",
	     "«" NBSP "Nous ne voulons pas ce prix" NBSP "», a-t-elle dit."},
	    {"« les stations FM «.", "«" NBSP "les stations FM" NBSP "»."},
	    {"»oui» dit-il", "«" NBSP "oui" NBSP "» dit-il"},
	    {"« Il a dit « non » hier »",
	     "«" NBSP "Il a dit «" NBSP "non" NBSP "» hier" NBSP "»"},
	};

	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		size_t n, again;
		char *out = clean(cases[i].in, &n);
		char *out2 = clean(out, &again);

		CHECK_STR(out, cases[i].want);
		CHECK_MSG(n > 0, "%s", cases[i].in);
		CHECK_MSG(again == 0, "not idempotent: %s", out);
		CHECK_STR(out2, out);
		free(out);
		free(out2);
	}
}

static void test_unchanged(void)
{
	static const char *const good[] = {
	    "Il y a 1 200 000 habitants et 1" NBSP "200 voitures.",
	    "Rendez-vous à 10 h 30, à 10:30 ou à 10h30" NNBSP
	    "; prix 3.5 ou 3,5.",
	    "Voir https://www.exemple.fr/a?b=1&c=2 ou www.exemple.fr/x!",
	    "Écrire à jean.dupont@exemple.fr ou à @LeMonde !",
	    "if (a == b) { x = 'a'; y = \"b\"; }",
	    "printf(\"%d\\n\", x);",
	    "Il a dit" NBSP ": «" NBSP "oui" NBSP "»" NNBSP "!",
	    "Il a dit" NBSP ": «" NBSP "un “petit” mot" NBSP "»" NNBSP "?",
	    "74 % (!) au chômage, 5'30 et le score 2:1.",
	    "Une ligne avec un seul \" guillemet.",
	    "Les points .... et .. restent.",
	    "Tout d’abord, le\" Bild am Sonntag \" avait rapporté.",
	    /* a « that opens nothing: no space before the closing ")" */
	    "Le langage XSL «).",
	    "Er sagte »Hallo« und ging.",
	};

	for (size_t i = 0; i < ARRAY_SIZE(good); i++) {
		size_t n;
		char *out = clean(good[i], &n);

		CHECK_STR(out, good[i]);
		CHECK_MSG(n == 0, "%s: %zu findings", good[i], n);
		free(out);
	}
}

int main(void)
{
	seg = segmenter_new("fr");
	if (!seg)
		return 1;
	RUN(test_profile);
	RUN(test_unchanged);
	segmenter_free(seg);
	return harness_done();
}
