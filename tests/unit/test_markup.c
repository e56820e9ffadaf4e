/*
 * test_markup.c - the rules of src/repair/markup.h by name: tags removed
 * with the evidence of markup, reported without it, text between "<" and
 * ">" left alone; idempotence; the table's loader.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/article.h"
#include "repair/markup.h"
#include "harness.h"
#include "stage_run.h"
#include "common/util.h"
#include "common/view.h"

static const struct stage_case cases[] = {
    /* tag, evidence, space */
    {"tag", "<p>Le président est arrivé.</p><p>Il est reparti.</p>",
     "Le président est arrivé. Il est reparti.", 4, 4},
    {"tag", "fin.<br/>Début <a href=\"x>y\" class='c'>ici</a>.",
     "fin. Début ici.", 3, 3},
    {"tag", "un <B>gras</B> et <SPAN style=\"a\">rien</SPAN>",
     "un gras et rien", 4, 4},
    {"space", "un<div>deux</div> trois <br> quatre", "un deux trois quatre", 3,
     3},
    /* evidence: a tag named on purpose, with no other markup */
    {"evidence", "la balise <p> ouvre un paragraphe",
     "la balise <p> ouvre un "
     "paragraphe",
     1, 0},
    {"evidence", "<b>gras</b> et la balise <p>", "gras et la balise ", 3, 3},
    {"evidence", "vor dem schließenden </body> Tag ein",
     "vor dem schließenden </body> Tag ein", 1, 0},
    {"evidence", "les balises <b> et </b>", "les balises <b> et </b>", 2, 0},
};

/* Good text and text between "<" and ">": no finding. */
static const char *const untouched[] = {
    "Le caf\xC3\xA9 est pr\xC3\xAAt ! a < b et c > d, <3",
    "<nom> <prénom> <x y=\"1\"> </ p> <p\nclass=\"a\"> <a href=\"x\"",
    "<<>> <!-- pas fini <!-- Une phrase en commentaire. -->",
    "",
};

static const struct markup *m;

static void markup_stage(struct article *a, const struct view *v,
			 const struct tokens *ts, void *ctx)
{
	(void)ts;
	(void)ctx;
	markup_remove(m, a, v);
}

static const struct stage_under_test under_test = {NULL, FK_RESIDUE,
						   markup_stage, NULL};

static void test_stage(void)
{
	stage_check_all(&under_test, cases, ARRAY_SIZE(cases), untouched,
			ARRAY_SIZE(untouched));
}

static void test_load_errors(void)
{
	static const char *const bad[] = {
	    "p\tblock\n",  /* good, then: */
	    "p block\n",   /* no tab */
	    "\tblock\n",   /* no name */
	    "p\tblocky\n", /* neither inline nor block */
	    "averyveryverylongname\tinline\n",
	};
	char path[] = "/tmp/relire-markup-XXXXXX";
	int fd = mkstemp(path);

	CHECK(fd >= 0);
	close(fd);
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
		FILE *f = fopen(path, "w");
		struct markup *got;

		fputs(bad[i], f);
		fclose(f);
		got = markup_load(path);
		CHECK_MSG((got != NULL) == (i == 0), "row %zu", i);
		markup_free(got);
	}
	unlink(path);
	CHECK(markup_load("/nonexistent/html-elements.tsv") == NULL);
}

int main(void)
{
	struct markup *table =
	    markup_load(RELIRE_DATA_DIR "/html-elements.tsv");

	if (!table)
		return harness_missing("dictionaries/html-elements.tsv");
	m = table;
	RUN(test_stage);
	RUN(test_load_errors);
	markup_free(table);
	return harness_done();
}
