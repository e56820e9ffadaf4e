/*
 * test_residue.c - scraper residue inside a line (residue.h): each rule on
 * real shapes of scraped text, and the clean text each must leave alone.
 * Fails without the French dictionary.
 */
#include <string.h>

#include "common/article.h"
#include "common/dict.h"
#include "harness.h"
#include "common/langwords.h"
#include "common/segment.h"
#include "detect/residue.h"
#include "stage_run.h"
#include "common/util.h"
#include "common/view.h"

static struct dict *dict;
static struct segmenter *seg;
static struct langwords words;

static void residue_stage(struct article *a, const struct view *v,
			  const struct tokens *ts, void *ctx)
{
	(void)ctx;
	residue_detect(a, v, ts, dict, &words);
}

/* Run the stage on text (French) and return the number of findings; the
 * text of the first one is copied to span and its detail to why. */
static size_t run(const char *text, char *span, char *why, size_t n)
{
	struct article a;
	size_t found;

	stage_article(&a, text, strlen(text));
	snprintf(a.lang, sizeof(a.lang), "fr");
	stage_on(seg, &a, residue_stage, NULL);
	span[0] = why[0] = 0;
	for (size_t i = 0; i < a.nfindings; i++) {
		const struct finding *f = &a.findings[i];

		CHECK(f->kind == FK_RESIDUE && !f->applied);
		CHECK(f->end - f->start == f->repl_len &&
		      !memcmp(f->replacement, a.text + f->start, f->repl_len));
		if (i == 0) {
			snprintf(span, n, "%.*s", (int)(f->end - f->start),
				 a.text + f->start);
			snprintf(why, n, "%s", f->detail ? f->detail : "");
		}
	}
	found = a.nfindings;
	article_release(&a);
	return found;
}

static void test_rules(void)
{
	static const struct {
		const char *text;
		size_t n;	  /* findings */
		const char *span; /* the first one's text, when n > 0 */
		const char *why;  /* a word of its detail */
	} cases[] = {
	    /* Tracking tokens, one per parameter; a query string. */
	    {"Lire ?utm_source=newsletter&utm_medium=email", 2,
	     "utm_source=newsletter", "tracking"},
	    {"Filtre [nat=13&lpr=210&pag=3]", 1, "nat=13&lpr=210&pag=3",
	     "query"},
	    /* Hashes and ids. */
	    {"Référence a1b2c3d4e5 de la commande", 1, "a1b2c3d4e5", "hash"},
	    {"Session 9F86D081884C7D65 ouverte", 1, "9F86D081884C7D65", "hash"},
	    {"Vidéo dQw4w9WgXcQ7kR2 en ligne", 1, "dQw4w9WgXcQ7kR2", "hash"},
	    /* Figures glued to a word; a label in capitals glued to text. */
	    {"Vitesse forcée à 57600bauds sur le port", 1, "57600bauds",
	     "figures"},
	    {"Le 29décembre au soir", 1, "29décembre", "figures"},
	    {"DESCRIZIONECasa di 4 vani", 1, "DESCRIZIONECasa", "capitals"},
	    /* Half a word alone on a line; the second line only. */
	    {"Bienvenue sur notre site\nccueil\n", 1, "ccueil", "half"},
	    /* Transcript line numbers in running text. */
	    {"Il y a déjà un jugement 22 rendu par un tribunal de première "
	     "instance, et 23 les accusés ont été déclarés coupables.",
	     2, "22", "transcript"},
	    /* Word salad: many words, no function word. */
	    {"chaussures femme cuir noir talons soldes bottes escarpins rouges "
	     "livraison gratuite promotion hiver",
	     1,
	     "chaussures femme cuir noir talons soldes bottes escarpins rouges "
	     "livraison gratuite promotion hiver",
	     "function"},
	    /* Clean text: figures, dates, enumerations, codes, names. */
	    {"Le retard représentait 32,9 Md$ au 30 septembre, chiffre "
	     "inchangé par rapport au 31 décembre de l'année précédente.",
	     0, NULL, NULL},
	    {"La bourse de l'échelle 1 aux étudiants de première année, de "
	     "l'échelle 2 aux étudiants de deuxième année.",
	     0, NULL, NULL},
	    {"Lorsque l'E 94 a estimé que le nombre de réaménagements était "
	     "atteint, les E 95 ont pris la tête.",
	     0, NULL, NULL},
	    {"Visière de protection FE016001 en stock", 0, NULL, NULL},
	    {"Le vol AF1234 part à 20 h 15 de Roissy.", 0, NULL, NULL},
	    {"Le 3e tour, les 10km, la COP21, l'A380 et le McDONALDs.", 0, NULL,
	     NULL},
	    {"Drugs worth £1.5million were seized.", 0, NULL, NULL},
	    {"L'indice EuroFirst300 et la OTAN ont progressé.", 0, NULL, NULL},
	    {"Voir https://exemple.fr/a1b2c3d4e5f6?id=3&ref=home", 0, NULL,
	     NULL},
	    {"Le 2x2 = 4 et la clé vaut x=3.", 0, NULL, NULL},
	    {"Accueil\n", 0, NULL, NULL},
	    {"Contexte", 0, NULL, NULL},
	    {"Emmanuel Macron Angela Merkel Vladimir Poutine Donald Trump Xi "
	     "Jinping Boris Johnson",
	     0, NULL, NULL},
	    {"Une phrase complète, avec ses articles et ses verbes, qui se "
	     "termine bien.",
	     0, NULL, NULL},
	};
	char span[256], why[256];

	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		size_t n = run(cases[i].text, span, why, sizeof(span));

		CHECK_MSG(n == cases[i].n, "%s: %zu findings", cases[i].text,
			  n);
		if (cases[i].n && n) {
			CHECK_STR(span, cases[i].span);
			CHECK_MSG(strstr(why, cases[i].why) != NULL, "%s: %s",
				  cases[i].text, why);
		}
	}
}

int main(void)
{
	int rc = open_french(&dict, &seg);

	if (rc)
		return rc;
	langwords_init(&words);
	CHECK(langwords_load(&words, RELIRE_DATA_DIR) == 0);
	RUN(test_rules);
	langwords_release(&words);
	segmenter_free(seg);
	dict_free(dict);
	return harness_done();
}
