/*
 * test_glued.c - the glued-words stage (glued.h): scraper joins get their
 * space back (or a line break for a glued heading), a second run applies
 * nothing, and brands, abbreviations, numbers, times, versions, URLs and
 * e-mail addresses stay byte-identical. Fails without the French
 * dictionary.
 */
#include <string.h>

#include "common/article.h"
#include "common/dict.h"
#include "repair/glued.h"
#include "harness.h"
#include "stage_run.h"
#include "common/segment.h"
#include "common/util.h"
#include "common/view.h"
#include "common/wordlist.h"

static struct dict *dict;
static struct segmenter *seg;
static struct wordlist keep, starters;

/* Run the stage on text; return the cleaned text (caller frees) and the
 * numbers of applied and unapplied findings. */
struct glued_ctx {
	int allow_newline;
};

static void glued_stage(struct article *a, const struct view *v,
			const struct tokens *ts, void *ctx)
{
	const struct glued_lists lists = {&keep, &starters};
	const struct glued_ctx *c = ctx;

	glued_repair(a, v, ts, dict, &lists, c->allow_newline);
}

static char *clean(const char *text, int allow_newline, size_t *applied,
		   size_t *reported)
{
	struct glued_ctx c = {allow_newline};

	return stage_run(seg, text, FK_GLUED_WORDS, glued_stage, &c, applied,
			 reported);
}

static void test_repairs(void)
{
	static const struct {
		const char *in, *want;
		int allow_newline;
	} cases[] = {
	    /* sentence and heading joins (seed 000) */
	    {"qu'ils puissent être marginalisés.Cette semaine, il a dit.",
	     "qu'ils puissent être marginalisés. Cette semaine, il a dit.", 1},
	    {"les présidents Vladimir Putin et Donald Trump.Contexte\nLe "
	     "porte-parole",
	     "les présidents Vladimir Putin et Donald Trump.\nContexte\nLe "
	     "porte-parole",
	     1},
	    {"Putin et Donald Trump.Contexte",
	     "Putin et Donald Trump. Contexte", 0},
	    {"en ce sens.Développements\nLes contacts",
	     "en ce sens.\nDéveloppements\nLes contacts", 1},
	    {"Il est arrivé en 2014.Le président a dit vraiment?Oui.",
	     "Il est arrivé en 2014. Le président a dit vraiment? Oui.", 1},
	    {"un pincement au cœur\".François Hollande",
	     "un pincement au cœur\". François Hollande", 1},
	    /* lower-to-upper joins (ParaCrawl) */
	    {"Il est séropositifVous pouvez lire la suite.",
	     "Il est séropositif Vous pouvez lire la suite.", 1},
	    {"Version imprimableCalendrier des cours",
	     "Version imprimable Calendrier des cours", 1},
	    {"FavorisAcheter maintenant", "Favoris Acheter maintenant", 1},
	    {"EnvironnementVue sur la mer", "Environnement Vue sur la mer", 1},
	    {"Rendez-vous surSainte-Marie", "Rendez-vous sur Sainte-Marie", 1},
	    {"a dit M. AudetIl espère", "a dit M. Audet Il espère", 1},
	    /* "individuelle" is a word, but a sentence starts at "Le" */
	    {"un choix individuelLe vote a eu lieu.",
	     "un choix individuel Le vote a eu lieu.", 1},
	    {"Rubrique SportLe match a eu lieu.",
	     "Rubrique Sport Le match a eu lieu.", 1},
	    {"la surveillance d'ÉtatLa révélation",
	     "la surveillance d'État La révélation", 1},
	    /* one half unknown: a name before a French common word, a
	     * French word before a name */
	    {"à la Pulperie de ChicoutimiDeux autres concerts",
	     "à la Pulperie de Chicoutimi Deux autres concerts", 0},
	    {"l'AC MilanExpulsé contre le Barça",
	     "l'AC Milan Expulsé contre le Barça", 0},
	    {"déguisés en hotdogsLorsqu'il s'agit de bonbons",
	     "déguisés en hotdogs Lorsqu'il s'agit de bonbons", 0},
	    {"a indiqué un porte-paroleQantas a déclaré",
	     "a indiqué un porte-parole Qantas a déclaré", 0},
	    {"devant le tribunalBamford a été condamnée",
	     "devant le tribunal Bamford a été condamnée", 0},
	    {"du commerce à WashingtonMme Sebelius a dit",
	     "du commerce à Washington Mme Sebelius a dit", 0},
	    /* a doubled menu counts once in the vocabulary */
	    {"Langue DeutschFrançais DeutschFrançais Accueil",
	     "Langue Deutsch Français Deutsch Français Accueil", 0},
	    /* letters glued to numbers */
	    {"Avenue de la Libération, Mons84000 Avignon",
	     "Avenue de la Libération, Mons 84000 Avignon", 1},
	    {"Publié le 3 janvier2017 à Paris",
	     "Publié le 3 janvier 2017 à Paris", 1},
	    /* a sentence join read after the number split (a second run
	     * would see "Juillet" alone) */
	    {"Il est parti le 29.Juillet2017 vers Lyon.",
	     "Il est parti le 29. Juillet 2017 vers Lyon.", 2},
	};

	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		size_t applied, reported, again, again_rep;
		char *out = clean(cases[i].in, cases[i].allow_newline, &applied,
				  &reported);
		char *out2 =
		    clean(out, cases[i].allow_newline, &again, &again_rep);

		CHECK_STR(out, cases[i].want);
		CHECK_MSG(applied > 0, "%s", cases[i].in);
		CHECK_MSG(again == 0, "not idempotent: %s", out);
		CHECK_STR(out2, out);
		free(out);
		free(out2);
	}
}

static void test_never_split(void)
{
	static const char *const good[] = {
	    "McDonald, PlayStation, iPhone, eBay, OpenAI et macOS.",
	    "JavaScript, BlackRock, PagesJaunes, LeBron James, DiCaprio.",
	    "M. Dupont est allé aux U.S.A. puis à St-Louis.",
	    "Le taux est de 3.5 ou 3,5, à 10.30 ou 10:30 ou 10h30.",
	    "La version 2.0.1 de Python3 et le mpeg4.",
	    "Voir https://www.exemple.fr/AbcDef.Html et exemple.fr/Page.",
	    "Écrire à Jean.Dupont@exemple.fr ou @LeMonde et #JeSuisCharlie.",
	    "L'Airbus A380, la COP21, 12 km2, le MP3 et la F1.",
	    "Le 3e et le 21e siècle, XXIe siècle.",
	    "Le Parti populaire autrichien (ÖVP) et l’OTAN.",
	    "if (x.Length > 0) { y.Value = 2; }",
	    "AlloCiné, bioMérieux, airBaltic, PowerPoint et YouTube.",
	    "Voir r/LegaladviceGerman et docs/ReadMe.",
	    /* stutters inside a word are the repetition stage's */
	    "une persoErsoersonne, le pubUbublic, ils pourraiEntententent.",
	};

	for (size_t i = 0; i < ARRAY_SIZE(good); i++) {
		size_t applied, reported;
		char *out = clean(good[i], 1, &applied, &reported);

		CHECK_STR(out, good[i]);
		CHECK_MSG(applied == 0, "%s: %zu applied", good[i], applied);
		free(out);
	}
}

/* Below the threshold: reported, not applied. */
static void test_reported_only(void)
{
	static const char *const low[] = {
	    "Le groupe SportMatch a eu lieu.", /* short capitalised left */
	    "Le mot Blorfxq.Wxyzq a disparu.", /* neither side known */
	    "Installez Python3 ou Windows10.", /* short number */
	    /* one word once the capital is lowered: a capital of style
	     * (German's "MitarbeiterInnen", Italian's "fornirVi") */
	    "Il a perdu son porteFeuille et son tourneSol.",
	};

	static const size_t nreported[] = {1, 1, 2, 2};

	for (size_t i = 0; i < ARRAY_SIZE(low); i++) {
		size_t applied, reported;
		char *out = clean(low[i], 1, &applied, &reported);

		CHECK_STR(out, low[i]);
		CHECK_EQ(applied, 0);
		CHECK_MSG(reported == nreported[i], "%s: %zu reported", low[i],
			  reported);
		free(out);
	}
}

/* A form the article uses twice is a brand, not an accident. */
static void test_vocabulary(void)
{
	size_t applied, reported;
	const char *t = "Le ParcVert est ouvert. Au ParcVert, tout va bien.";
	char *out = clean(t, 1, &applied, &reported);

	CHECK_STR(out, t);
	CHECK_EQ(applied + reported, 0);
	free(out);
}

int main(void)
{
	int rc = open_french(&dict, &seg);

	if (rc)
		return rc;
	wordlist_init(&keep);
	wordlist_init(&starters);
	if (wordlist_load(&keep, RELIRE_DATA_DIR "/fr/glued-keep.txt", 0) ||
	    wordlist_load(&starters, RELIRE_DATA_DIR "/fr/glued-starters.txt",
			  0))
		return 1;
	RUN(test_repairs);
	RUN(test_never_split);
	RUN(test_reported_only);
	RUN(test_vocabulary);
	wordlist_release(&keep);
	wordlist_release(&starters);
	segmenter_free(seg);
	dict_free(dict);
	return harness_done();
}
