/*
 * test_entities.c - the rules of src/repair/entities.h by name: what is
 * decoded, what is only reported, what is not a reference, idempotence,
 * and the errors of the table's loader.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/article.h"
#include "repair/entities.h"
#include "harness.h"
#include "stage_run.h"
#include "common/util.h"
#include "common/view.h"

static const struct stage_case cases[] = {
    /* named */
    {"named", "l&apos;Union &amp; l&eacute;t&eacute;",
     "l'Union & l\xC3\xA9t\xC3\xA9", 4, 4},
    {"named", "S &amp; P 500", "S & P 500", 1, 1},
    {"named", "&laquo;&nbsp;Oui&nbsp;&raquo;",
     "\xC2\xAB\xC2\xA0Oui\xC2\xA0\xC2\xBB", 4, 4},
    {"named", "&Eacute;tat et &eacute;t&eacute;",
     "\xC3\x89tat et \xC3\xA9t\xC3\xA9", 3, 3},
    {"named", "&EACUTE;tat", "&EACUTE;tat", 0, 0},
    {"named", "caf&eacute", "caf&eacute", 0, 0},
    {"named", "&hellip;&mdash;&euro;&trade;",
     "\xE2\x80\xA6\xE2\x80\x94\xE2\x82\xAC\xE2\x84\xA2", 4, 4},
    /* numeric */
    {"numeric", "l&#39;usine et l&#x27;entrep&#xF4;t",
     "l'usine et l'entrep\xC3\xB4t", 3, 3},
    {"numeric", "&#8217;&#X2019;", "\xE2\x80\x99\xE2\x80\x99", 2, 2},
    {"numeric", "l&#146;homme &#150; &#128;",
     "l\xE2\x80\x99homme \xE2\x80\x93 \xE2\x82\xAC", 3, 3},
    {"numeric", "&#128512;", "\xF0\x9F\x98\x80", 1, 1},
    /* not references: left alone, and they count as a bare '&' */
    {"numeric", "&#0; &#xD800; &#1114112; &#65535;",
     "&#0; &#xD800; &#1114112; &#65535;", 0, 0},
    {"numeric", "&#; &#x; &#12345678;", "&#; &#x; &#12345678;", 0, 0},
    /* twice */
    {"twice", "l&amp;#39;usine &amp;eacute;t&amp;eacute;",
     "l'usine \xC3\xA9t\xC3\xA9", 3, 3},
    {"twice", "l&amp;amp;apos;homme &amp;amp;", "l'homme &", 2, 2},
    /* bare */
    {"bare", "Procter & Gamble et l&apos;usine",
     "Procter & Gamble et l&apos;usine", 1, 0},
    {"bare", "&quot; \" : double apostrophe &amp; & : esperluette",
     "&quot; \" : double apostrophe &amp; & : esperluette", 2, 0},
    {"bare", "AT&T; l&eacute; &eacute;", "AT&T; l\xC3\xA9 &eacute;", 2, 1},
    {"bare", "?a=1&b=2 &amp;", "?a=1&b=2 &amp;", 1, 0},
    {"bare", "S&P rel&#232;ve l&eacute;gal &#224; 5 &eacute;",
     "S&P rel\xC3\xA8ve l\xC3\xA9gal &#224; 5 &eacute;", 4, 2},
    /* control */
    {"control", "un&#10;deux&#9;trois&#13;", "un&#10;deux&#9;trois&#13;", 3, 0},
    {"control", "l&#39;&#10;", "l'&#10;", 2, 1},
};

/* Good text: no finding, byte-identical. */
static const char *const untouched[] = {
    "Le caf\xC3\xA9 est pr\xC3\xAAt ! \xC2\xAB Oui \xC2\xBB",
    "Procter & Gamble, AT&T, R&D, Marks & Spencer",
    "rock & roll; & ; &; &&",
    "",
    "&",
    "fin &",
};

static const struct entities *t; /* the table of dictionaries/ */

static void entities_stage(struct article *a, const struct view *v,
			   const struct tokens *ts, void *ctx)
{
	(void)ts;
	(void)ctx;
	entities_decode(t, a, v);
}

static const struct stage_under_test under_test = {NULL, FK_ENCODING,
						   entities_stage, NULL};

static void test_stage(void)
{
	stage_check_all(&under_test, cases, ARRAY_SIZE(cases), untouched,
			ARRAY_SIZE(untouched));
}

/* The table has every name of HTML 4.01 and XML, case-sensitive. */
static void test_table(void)
{
	CHECK(entities_lookup(t, "amp", 3) == '&');
	CHECK(entities_lookup(t, "apos", 4) == '\'');
	CHECK(entities_lookup(t, "eacute", 6) == 0xE9);
	CHECK(entities_lookup(t, "Eacute", 6) == 0xC9);
	CHECK(entities_lookup(t, "thetasym", 8) == 0x3D1);
	CHECK(entities_lookup(t, "euro", 4) == 0x20AC);
	CHECK(entities_lookup(t, "EACUTE", 6) == -1);
	CHECK(entities_lookup(t, "NewLine", 7) == -1);
}

static void test_load_errors(void)
{
	static const char *const bad[] = {
	    "amp\t0026\n",		 /* no U+ */
	    "amp U+0026\n",		 /* no tab */
	    "\tU+0026\n",		 /* no name */
	    "amp\tU+110000\n",		 /* past U+10FFFF */
	    "amp\tU+\n",		 /* no digits */
	    "toolongname\tU+0026\n",	 /* longer than any name */
	    "amp\tU+0026x\tampersand\n", /* junk after the value */
	};
	char path[] = "/tmp/relire-entities-XXXXXX";
	int fd = mkstemp(path);

	CHECK(fd >= 0);
	close(fd);
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
		FILE *f = fopen(path, "w");
		fputs(bad[i], f);
		fclose(f);
		CHECK_MSG(entities_load(path) == NULL, "row %zu", i);
	}
	unlink(path);
	CHECK(entities_load("/nonexistent/html-entities.tsv") == NULL);
}

int main(void)
{
	struct entities *table =
	    entities_load(RELIRE_DATA_DIR "/html-entities.tsv");

	if (!table)
		return harness_missing("dictionaries/html-entities.tsv");
	t = table;
	RUN(test_table);
	RUN(test_stage);
	RUN(test_load_errors);
	entities_free(table);
	return harness_done();
}
