/*
 * test_truncated.c - paragraphs cut off mid-sentence (truncated.h): each
 * rule on real shapes of scraped text, and the endings that must stay
 * unflagged. Fails without the French dictionary.
 */
#include <string.h>

#include "common/article.h"
#include "common/dict.h"
#include "harness.h"
#include "stage_run.h"
#include "common/segment.h"
#include "common/util.h"
#include "common/view.h"
#include "common/wordlist.h"
#include "detect/truncated.h"

static struct dict *dict;
static struct segmenter *seg;
static struct wordlist cut_words;

static void truncated_stage(struct article *a, const struct view *v,
			    const struct tokens *ts, void *ctx)
{
	(void)ctx;
	truncated_detect(a, v, ts, dict, &cut_words);
}

/* Run the stage on text (French) and return the number of findings; the
 * text of the first one is copied to span (size n). */
static size_t run(const char *text, char *span, size_t n)
{
	struct article a;
	size_t found;

	stage_article(&a, text, strlen(text));
	stage_on(seg, &a, truncated_stage, NULL);
	span[0] = 0;
	for (size_t i = 0; i < a.nfindings; i++) {
		const struct finding *f = &a.findings[i];

		CHECK(f->kind == FK_TRUNCATED && !f->applied);
		if (i == 0)
			snprintf(span, n, "%.*s", (int)(f->end - f->start),
				 a.text + f->start);
	}
	found = a.nfindings;
	article_release(&a);
	return found;
}

static void test_rules(void)
{
	static const struct {
		const char *text;
		const char *span; /* the one finding's text, or NULL */
	} cases[] = {
	    /* An ellipsis after an article or a conjunction. */
	    {"Le président guinéen annonçait la formation d'un...", "d'un..."},
	    {"Il a reconnu la gravité de la…", "la…"},
	    /* An ellipsis inside a word: the stump is no word. */
	    {"Située dans une rue tranqui...", "tranqui..."},
	    /* A word broken by a line-end hyphen. */
	    {"Le projet consiste à tester la faisabilité du pro-", "pro-"},
	    /* A final article or conjunction. */
	    {"Aide à l'accession à la propriété et", "et"},
	    {"Dépenses en capital – Pour autoriser le", "le"},
	    /* Each paragraph on its own; the first one is fine. */
	    {"Un titre complet.\nLa suite de la phrase coupée au\n", "au"},
	    /* Deliberate ellipses: a space before it, a known word. */
	    {"Et bien plus encore ...", NULL},
	    {"Lire la suite...", NULL},
	    {"J'ai attendu, attendu...", NULL},
	    /* Prepositions end labels before a logo or a link. */
	    {"Avec le soutien de", NULL},
	    /* Letters, not articles; a pronoun after a hyphen. */
	    {"Riche en vitamine E", NULL},
	    {"Prends-la", NULL},
	    /* A dash as a separator, a hyphen after a number. */
	    {"Nombre de chambres : -", NULL},
	    {"Référence 5401-", NULL},
	    /* A single word is no sentence to cut. */
	    {"Et", NULL},
	    {"Une phrase complète, qui se termine bien.", NULL},
	    {"https://exemple.fr/le", NULL},
	};
	char span[128];

	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		size_t n = run(cases[i].text, span, sizeof(span));

		CHECK_MSG(n == (cases[i].span != NULL), "%s: %zu findings",
			  cases[i].text, n);
		if (cases[i].span && n)
			CHECK_STR(span, cases[i].span);
	}
}

int main(void)
{
	int rc = open_french(&dict, &seg);

	if (rc)
		return rc;
	wordlist_init(&cut_words);
	CHECK(wordlist_load(&cut_words, RELIRE_DATA_DIR "/fr/cut-words.txt",
			    0) == 0);
	RUN(test_rules);
	wordlist_release(&cut_words);
	segmenter_free(seg);
	dict_free(dict);
	return harness_done();
}
