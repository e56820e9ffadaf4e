/*
 * test_lang.c - language identification: CLD2 through lang_identify, the
 * article-level decision and foreign_language segments with names, quotes
 * and URLs masked, the function-word judge per sentence and per Title
 * Case line, and the English vote on short lines (the rules of lang.h). Fails
 * without the French dictionary; the cases of other languages skip without
 * their dictionaries (and fail under RELIRE_STRICT).
 */
#include <string.h>

#include "common/article.h"
#include "common/dict.h"
#include "harness.h"
#include "stage_run.h"
#include "common/langwords.h"
#include "common/segment.h"
#include "common/util.h"
#include "common/view.h"
#include "detect/lang.h"

static struct dict *dict;
static struct segmenter *seg;
static struct langwords words;
static struct lang_evidence evidence = {&words, NULL, NULL};

static void test_identify(void)
{
	static const struct {
		const char *text, *code;
	} cases[] = {
	    {"Le gouvernement a annoncé hier une réforme des retraites "
	     "qui sera présentée au Parlement la semaine prochaine.",
	     "fr"},
	    {"The government announced a pension reform yesterday that "
	     "will be presented to Parliament next week.",
	     "en"},
	    {"Die Regierung hat gestern eine Rentenreform angekündigt, die "
	     "nächste Woche dem Parlament vorgelegt wird.",
	     "de"},
	    {"El gobierno anunció ayer una reforma de las pensiones que "
	     "se presentará al Parlamento la próxima semana.",
	     "es"},
	    {"Il governo ha annunciato ieri una riforma delle pensioni che "
	     "sarà presentata al Parlamento la prossima settimana.",
	     "it"},
	};
	struct lang_guess g;

	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		lang_identify(cases[i].text, strlen(cases[i].text), NULL, &g);
		CHECK_STR(g.code, cases[i].code);
		CHECK(g.reliable);
	}
}

/* The shipped function-word lists: a word counts for every language
 * whose list has it, read in lower case when asked. */
static void test_function_words(void)
{
	static const struct {
		const char *word;
		int lower;
		const char *langs; /* codes, space-separated */
	} cases[] = {
	    {"the", 1, "en"},	   {"The", 0, "en"}, {"les", 1, "es fr"},
	    {"und", 1, "de"},	   {"и", 1, "ru"},   {"на", 1, "ru uk"},
	    {"in", 1, "de en it"}, {"Paris", 0, ""}, {"année", 1, ""},
	};

	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		unsigned set =
		    langwords_of(&words, cases[i].word, strlen(cases[i].word),
				 cases[i].lower);
		char got[64] = "";
		size_t n = 0;

		for (size_t k = 0; k < words.n; k++)
			if (set & (1u << k))
				n += (size_t)snprintf(got + n, sizeof(got) - n,
						      "%s%s", n ? " " : "",
						      words.code[k]);
		CHECK_STR(got, cases[i].langs);
	}
}

static void lang_stage(struct article *a, const struct view *v,
		       const struct tokens *ts, void *ctx)
{
	char *masked;

	(void)ctx;
	lang_detect_article(a, v, ts, dict, 0, &evidence);
	masked = lang_mask(v, ts);
	lang_detect_segments(a, v, masked, ts, dict, &evidence);
	free(masked);
}

/* Run the language stage on text as a French article. */
static void run(struct article *a, const char *text)
{
	stage_article(a, text, strlen(text));
	snprintf(a->lang, sizeof(a->lang), "fr");
	stage_on(seg, a, lang_stage, NULL);
}

static void test_articles(void)
{
	static const struct {
		const char *text, *lang;
		const char *foreign; /* the one foreign segment, or NULL */
	} cases[] = {
	    {"Le président a parlé hier soir devant les députés réunis.\n"
	     "The president spoke last night in front of the assembled "
	     "members of parliament.\nIls ont ensuite voté la loi.\n",
	     "fr",
	     "The president spoke last night in front of the assembled "
	     "members of parliament."},
	    {"Donald Trump a publié sur Truth Social un message où il "
	     "écrit « We will make America great again, believe me » "
	     "avant de partir, selon https://www.example.com/news/today.\n",
	     "fr", NULL},
	    /* A whole article in another language: one finding over it. */
	    {"The government announced a pension reform yesterday that "
	     "will be presented to Parliament next week.\n",
	     "en",
	     "The government announced a pension reform yesterday that "
	     "will be presented to Parliament next week."},
	    {"Nancy Suitehotel Nancy - Hôtel\n", "fr", NULL},
	    /* The English vote: lines too short for CLD2. */
	    {"take a virtual tour >>\n", "en", "take a virtual tour >>"},
	    {"Le président a parlé hier soir devant les députés.\n"
	     "Find the best hotel deals\n",
	     "fr", "Find the best hotel deals"},
	    /* Names that are English words, no lower-case English word. */
	    {"Bill Gates et Donald Trump\n", "fr", NULL},
	    /* Loanwords in a French sentence: French words outnumber them. */
	    {"Le shopping du week-end attire les touristes\n", "fr", NULL},
	    /* One English word is not enough. */
	    {"Cours de snowboard\n", "fr", NULL},
	    /* Quoted English titles are masked. */
	    {"« Game of Thrones », la série\n", "fr", NULL},
	    /* The function-word judge: an agency sentence full of names and
	     * figures, inside a French paragraph; only it is reported. */
	    {"Le groupe a publié ses comptes mardi, et les analystes "
	     "attendaient une nette baisse de la marge dans la plupart des "
	     "divisions. Shares of Airbus fell 3.2 percent in Paris on "
	     "Monday.\n",
	     "fr", "Shares of Airbus fell 3.2 percent in Paris on Monday."},
	    /* After a closing quote the next sentence starts. */
	    {"Le ministre est resté prudent devant les députés et a dit : "
	     "« Nous verrons bien ce que les entreprises décideront dans les "
	     "prochains mois. » The company said the plan would be "
	     "presented to investors next week.\n",
	     "fr",
	     "The company said the plan would be presented to investors "
	     "next week."},
	    /* Two English sentences in a row are one finding. */
	    {"Le marché a reculé pour la troisième semaine de suite, et les "
	     "banques ont perdu plus que les autres valeurs de la cote.\n"
	     "The index fell by two percent. It was the worst week of the "
	     "year for the banks.\n"
	     "Les investisseurs attendent maintenant les décisions de la "
	     "banque centrale, qui se réunit la semaine prochaine.\n",
	     "fr",
	     "The index fell by two percent. It was the worst week of the "
	     "year for the banks."},
	    /* A Title Case headline. */
	    {"Le marché a reculé pour la troisième semaine de suite, et les "
	     "banques ont perdu plus que les autres valeurs de la cote.\n"
	     "Bird Airlifted to Safety From North Sea Rig Released Back "
	     "Into Wild\n"
	     "Les investisseurs attendent maintenant les décisions de la "
	     "banque centrale, qui se réunit la semaine prochaine.\n",
	     "fr",
	     "Bird Airlifted to Safety From North Sea Rig Released Back Into "
	     "Wild"},
	    /* A French sentence with an English title, unquoted, stays
	     * French: its own function words outweigh the title's. */
	    {"Il a revu The Lord of the Rings avec ses enfants pendant les "
	     "vacances.\n",
	     "fr", NULL},
	    /* French names in Title Case stay French. */
	    {"Le Conseil Constitutionnel Valide la Réforme des Retraites\n",
	     "fr", NULL},
	};

	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		struct article a;
		size_t n = 0;

		run(&a, cases[i].text);
		CHECK_STR(a.lang, cases[i].lang);
		for (size_t j = 0; j < a.nfindings; j++) {
			const struct finding *f = &a.findings[j];
			if (f->kind != FK_FOREIGN_LANGUAGE)
				continue;
			n++;
			CHECK(!f->applied);
			if (cases[i].foreign)
				CHECK(f->end - f->start ==
					  strlen(cases[i].foreign) &&
				      !memcmp(a.text + f->start,
					      cases[i].foreign,
					      f->end - f->start));
		}
		CHECK_EQ(n, cases[i].foreign != NULL);
		article_release(&a);
	}
}

/* A German article: its capitalized nouns are not Title Case English. */
static void test_german(void)
{
	static const struct {
		const char *text, *foreign;
	} cases[] = {
	    {"Die Börse in Frankfurt schloss am Freitag leicht im Minus, "
	     "nachdem die Anleger Gewinne mitgenommen hatten.\n"
	     "Shares of Airbus fell 3.2 percent in Paris on Monday.\n",
	     "Shares of Airbus fell 3.2 percent in Paris on Monday."},
	    {"Die Börse in Frankfurt schloss am Freitag leicht im Minus.\n"
	     "Hotels in Spanien und Portugal für die ganze Familie\n",
	     NULL},
	    /* Nouns written in lower case, as tags and product lines do,
	     * are no English evidence when English also has them ("video",
	     * "band" are German nouns too). */
	    {"Live video mit Band\n", NULL},
	    {"Intro video zur Band\n", NULL},
	    /* Nor German evidence: an English line whose words are also
	     * German nouns ("Gas", "Pipeline", "Starts") stays English. */
	    {"Die Börse in Frankfurt schloss am Freitag leicht im Minus, "
	     "nachdem die Anleger Gewinne mitgenommen hatten.\n"
	     "Gas pipeline starts new era for the region, says minister\n",
	     "Gas pipeline starts new era for the region, says minister"},
	};
	struct dict *de = dict_open("de", NULL, RELIRE_DATA_DIR);
	struct dict *saved = dict;
	struct segmenter *seg_fr = seg;

	if (!de)
		SKIP("no German Hunspell dictionary (Debian package "
		     "hunspell-de-de)");
	dict = de;
	seg = segmenter_new("de");
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		struct article a;
		size_t n = 0;

		stage_article(&a, cases[i].text, strlen(cases[i].text));
		snprintf(a.lang, sizeof(a.lang), "de");
		stage_on(seg, &a, lang_stage, NULL);
		CHECK_STR(a.lang, "de");
		for (size_t j = 0; j < a.nfindings; j++)
			if (a.findings[j].kind == FK_FOREIGN_LANGUAGE) {
				n++;
				CHECK(cases[i].foreign &&
				      !memcmp(a.text + a.findings[j].start,
					      cases[i].foreign,
					      strlen(cases[i].foreign)));
			}
		CHECK_EQ(n, cases[i].foreign != NULL);
		article_release(&a);
	}
	segmenter_free(seg);
	seg = seg_fr;
	dict = saved;
	dict_free(de);
}

/* The dictionaries of other languages, opened on demand for the judge
 * (lang_evidence.dict_for), as the pipeline does. */
static struct {
	char lang[8];
	struct dict *d;
} opened[8];

static struct dict *open_other(void *ctx, const char *lang)
{
	size_t i;

	(void)ctx;
	for (i = 0; i < ARRAY_SIZE(opened) && opened[i].lang[0]; i++)
		if (!strcmp(opened[i].lang, lang))
			return opened[i].d;
	if (i == ARRAY_SIZE(opened))
		return NULL;
	snprintf(opened[i].lang, sizeof(opened[i].lang), "%s", lang);
	opened[i].d = dict_try_open(lang, NULL, RELIRE_DATA_DIR);
	return opened[i].d;
}

/* Run the language stage on text as an article of lang, with lang's
 * dictionary and segmenter and the other languages' dictionaries; 0 (a
 * skip) when lang has no dictionary. */
static int run_as(struct article *a, const char *lang, const char *text)
{
	struct dict *saved = dict, *d = open_other(NULL, lang);
	struct segmenter *saved_seg = seg;

	if (!d) {
		char why[64];

		snprintf(why, sizeof(why),
			 "no '%s' Hunspell dictionary (see .ci/setup)", lang);
		SKIP_PART(why);
		return 0;
	}
	dict = d;
	seg = segmenter_new(lang);
	evidence.dict_for = open_other;
	stage_article(a, text, strlen(text));
	snprintf(a->lang, sizeof(a->lang), "%s", lang);
	stage_on(seg, a, lang_stage, NULL);
	evidence.dict_for = NULL;
	segmenter_free(seg);
	seg = saved_seg;
	dict = saved;
	return 1;
}

/*
 * Articles in other languages than French. Russian and Ukrainian, with
 * sentences written for the test (there is no real Russian or Ukrainian
 * news among the project's measurement data):
 * a Cyrillic sentence in a French article, Latin sentences in Cyrillic
 * articles (uk_UA accepts any word in Latin letters: its word on them is
 * no evidence), Russian against Ukrainian, and names of the other script
 * that are no finding.
 */
static void test_other_languages(void)
{
	static const struct {
		const char *lang, *text, *foreign, *code;
	} cases[] = {
	    {"fr",
	     "Le gouvernement a annoncé mardi que les nouvelles règles "
	     "entreront en vigueur l’année prochaine.\n"
	     "Правительство объявило во вторник, что новые правила вступят "
	     "в силу в следующем году.\n",
	     "Правительство объявило во вторник, что новые правила вступят "
	     "в силу в следующем году.",
	     "ru"},
	    {"fr",
	     "Le gouvernement a annoncé mardi que les nouvelles règles "
	     "entreront en vigueur l’année prochaine. Уряд оголосив у "
	     "вівторок, що нові правила наберуть чинності наступного року.\n",
	     "Уряд оголосив у вівторок, що нові правила наберуть чинності "
	     "наступного року.",
	     "uk"},
	    {"fr",
	     "Le président russe, Владимир Путин, a parlé hier soir devant "
	     "les députés réunis à Moscou.\n",
	     NULL, NULL},
	    {"ru",
	     "Правительство объявило во вторник, что новые правила вступят "
	     "в силу в следующем году.\n"
	     "Shares of Airbus fell 3.2 percent in Paris on Monday.\n",
	     "Shares of Airbus fell 3.2 percent in Paris on Monday.", "en"},
	    {"ru",
	     "Правительство объявило во вторник, что новые правила вступят "
	     "в силу в следующем году.\n"
	     "Уряд оголосив у вівторок, що нові правила наберуть чинності "
	     "наступного року.\n",
	     "Уряд оголосив у вівторок, що нові правила наберуть чинності "
	     "наступного року.",
	     "uk"},
	    {"ru",
	     "Акции Airbus в понедельник упали на 3,2 процента на бирже в "
	     "Париже, сообщает Reuters.\n",
	     NULL, NULL},
	    {"uk",
	     "Уряд оголосив у вівторок, що нові правила наберуть чинності "
	     "наступного року.\n"
	     "Shares of Airbus fell 3.2 percent in Paris on Monday.\n",
	     "Shares of Airbus fell 3.2 percent in Paris on Monday.", "en"},
	    {"uk",
	     "Уряд оголосив у вівторок, що нові правила наберуть чинності "
	     "наступного року.\n"
	     "Le ministre a déclaré mardi que le projet de loi était prêt "
	     "depuis longtemps.\n",
	     "Le ministre a déclaré mardi que le projet de loi était prêt "
	     "depuis longtemps.",
	     "fr"},
	    {"uk",
	     "Уряд оголосив у вівторок, що нові правила наберуть чинності "
	     "наступного року.\n"
	     "Правительство объявило во вторник, что новые правила вступят "
	     "в силу в следующем году.\n",
	     "Правительство объявило во вторник, что новые правила вступят "
	     "в силу в следующем году.",
	     "ru"},
	    /* An English article: a French sentence after one starting
	     * "C’est" or an opening quote is cut from it; French, not
	     * Spanish, though "la" and "de" are both. */
	    {"en",
	     "The law was vigorously opposed by each of the major Republican "
	     "candidates. C’est particulièrement attrayant pour les "
	     "particuliers et les entreprises.\n",
	     "C’est particulièrement attrayant pour les particuliers et les "
	     "entreprises.",
	     "fr"},
	    {"en",
	     "The law was vigorously opposed by each of the major Republican "
	     "candidates. « Nous ne haïssons pas les riches, » dit-il encore "
	     "une fois.\n",
	     "Nous ne haïssons pas les riches, » dit-il encore une fois.",
	     "fr"},
	    {"en",
	     "The minister is expected to present the details to parliament "
	     "in the coming weeks.\n"
	     "Jusqu’à présent, la pandémie a peu modifié le marché de "
	     "l’immobilier.\n",
	     "Jusqu’à présent, la pandémie a peu modifié le marché de "
	     "l’immobilier.",
	     "fr"},
	    /* Lines of names, one line to an article. A capitalized name
	     * that the English dictionary carries is no English word of the
	     * vote; the one lower-case word CLD2 took for English is too
	     * little to confirm it. */
	    {"es", "Bavaria 46 Maestro (3 cab)\n", NULL, NULL},
	    {"fr", "© 2010-2014 Université Laval/University of Ottawa\n", NULL,
	     NULL},
	};
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		struct article a;
		size_t n = 0;

		if (!run_as(&a, cases[i].lang, cases[i].text))
			continue;
		CHECK_STR(a.lang, cases[i].lang);
		for (size_t j = 0; j < a.nfindings; j++) {
			const struct finding *f = &a.findings[j];
			if (f->kind != FK_FOREIGN_LANGUAGE)
				continue;
			n++;
			CHECK(cases[i].foreign &&
			      f->end - f->start == strlen(cases[i].foreign) &&
			      !memcmp(a.text + f->start, cases[i].foreign,
				      f->end - f->start));
			CHECK(cases[i].code &&
			      strstr(f->detail, "language: ") &&
			      !strncmp(strstr(f->detail, "language: ") + 10,
				       cases[i].code, 2));
		}
		CHECK_EQ(n, cases[i].foreign != NULL);
		article_release(&a);
	}
}

/*
 * Short lines, one to an article, in another script than the article's
 * language (lines written for the test): two lower-case words of that
 * script decide, named by the dictionary of that script that knows them
 * (Russian, not Ukrainian) or by CLD2 (Greek has no dictionary here);
 * names of another script, one word, or a line with more letters in the
 * expected script are no finding. (CLD2 alone finds some of them; the
 * script finds the others.)
 */
static void test_script(void)
{
	static const struct {
		const char *lang, *text;
		const char *code; /* the article's language after */
		size_t findings;  /* foreign_language findings */
		int by_script;	  /* the script rule decides */
	} cases[] = {
	    {"es", "Каталог товаров и услуг\n", "ru", 1, 0},
	    {"it", "Главная | о нас | контакты\n", "ru", 1, 0},
	    {"fr", "последние новости - Paris Match\n", "ru", 1, 1},
	    {"de", "αρχική σελίδα\n", "el", 1, 1},
	    {"ru", "free shipping worldwide\n", "en", 1, 0},
	    /* No language named: reported, the article keeps its own. */
	    {"fr", "щщыв фыврол жждлоо\n", "fr", 1, 1},
	    {"fr", "Владимир Путин à Moscou\n", "fr", 0, 0},
	    {"de", "Главная Seite\n", "de", 0, 0},
	    {"fr", "новости du jour à Paris, en direct\n", "fr", 0, 0},
	    {"ru", "Компания Apple представила новый iPhone\n", "ru", 0, 0},
	    {"es", "Precio: 20 € (\"скидка дня\")\n", "es", 0, 0},
	    /* A longer article in two scripts keeps its language (more
	     * Cyrillic letters than Latin, less than CLD2's 70 %): the
	     * Russian paragraph is a passage, found by the segments. */
	    {"fr",
	     "Le gouvernement a annoncé mardi que les nouvelles règles "
	     "entreront en vigueur l’année prochaine, après un long débat.\n"
	     "Правительство объявило во вторник, что новые правила вступят "
	     "в силу в следующем году. Министр сказал, что документы будут "
	     "опубликованы на официальном сайте.\n",
	     "fr", 1, 0},
	};

	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		struct article a;
		size_t n = 0;

		if (!run_as(&a, cases[i].lang, cases[i].text))
			continue;
		CHECK_MSG(!strcmp(a.lang, cases[i].code), "%s: %s",
			  cases[i].text, a.lang);
		for (size_t j = 0; j < a.nfindings; j++) {
			const struct finding *f = &a.findings[j];

			if (f->kind != FK_FOREIGN_LANGUAGE)
				continue;
			n++;
			CHECK_MSG(!strstr(f->detail, "another script") ==
				      !cases[i].by_script,
				  "%s: %s", cases[i].text, f->detail);
			if (cases[i].by_script)
				CHECK_EQ(f->end - f->start,
					 strlen(cases[i].text) - 1);
		}
		CHECK_MSG(n == cases[i].findings, "%s: %zu findings",
			  cases[i].text, n);
		article_release(&a);
	}
}

int main(void)
{
	int rc = open_french(&dict, &seg);

	if (rc)
		return rc;
	langwords_init(&words);
	if (langwords_load(&words, RELIRE_DATA_DIR) < 0)
		return 1;
	RUN(test_identify);
	RUN(test_function_words);
	RUN(test_articles);
	RUN(test_german);
	RUN(test_other_languages);
	RUN(test_script);
	segmenter_free(seg);
	dict_free(dict);
	for (size_t i = 0; i < ARRAY_SIZE(opened); i++)
		dict_free(opened[i].d);
	langwords_release(&words);
	return harness_done();
}
