/*
 * test_lang.c - language identification: CLD2 through lang_identify, the
 * article-level decision and foreign_language segments with names, quotes
 * and URLs masked, and the English vote on short lines (the rules of
 * lang.h). Skips (77) without the French dictionary.
 */
#include <string.h>

#include "article.h"
#include "dict.h"
#include "harness.h"
#include "stage_run.h"
#include "lang.h"
#include "langwords.h"
#include "segment.h"
#include "util.h"
#include "view.h"

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

int main(void)
{
	int rc = open_french(&dict, &seg);

	if (rc)
		return rc;
	langwords_init(&words);
	if (langwords_load(&words, RELIRE_DATA_DIR) < 0)
		return 1;
	RUN(test_identify);
	RUN(test_articles);
	segmenter_free(seg);
	dict_free(dict);
	langwords_release(&words);
	return harness_done();
}
