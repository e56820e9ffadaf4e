/*
 * test_escapes.c - the rules of src/repair/escapes.h by name: JSON
 * string escapes, quoted-printable and percent-encoded bytes decoded in
 * running text, left alone in code, paths and URLs; idempotence.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/article.h"
#include "repair/escapes.h"
#include "harness.h"
#include "stage_run.h"
#include "common/util.h"
#include "common/view.h"

static const struct stage_case cases[] = {
    /* json_u */
    {"json_u", "la pr\\u00e9sentation \\u00E0 Paris, l\\u2019AFP",
     "la présentation à Paris, l’AFP", 3, 3},
    {"json_u", "\\ud83d\\ude00 fin", "\xF0\x9F\x98\x80 fin", 1, 1},
    {"json_u", "lone \\ud83d fin", "lone \\ud83d fin", 0, 0},
    {"json_u", "ligne\\u000aautre", "ligne\\u000aautre", 1, 0},
    /* json_quote ("\\tpuis": a control before a lower-case letter is
     * "\\t" + word as often, in a path or LaTeX, and is left) */
    {"json_quote", "l\\\\\\'uomo, \\\\'x\\\\'", "l'uomo, \\\\'x\\\\'", 1, 1},
    {"json_quote", "Il a dit \\\"non\\\" et \\'oui\\'",
     "Il a dit \"non\" et 'oui'", 4, 4},
    {"json_quote", "fin.\\nLe lendemain\\tpuis", "fin.\\nLe lendemain\\tpuis",
     1, 0},
    /* bytes */
    {"bytes", "la pr=C3=A9sentation =C3=A0 Paris, caf=E9 cr=E9=E9",
     "la présentation à Paris, café créé", 4, 4},
    {"bytes", "la pr%C3%A9sentation et %c3%a0 Paris",
     "la présentation et à Paris", 2, 2},
    {"bytes", "pr=c3=a9sentation", "pr=c3=a9sentation", 0, 0},
    {"bytes", "un prix =A3 et 50%A9", "un prix =A3 et 50%A9", 0, 0},
    /* a Latin-1 capital after a lower-case letter: an option's value */
    {"bytes", "--dbname=DBNAME et CAF=C9 ou =C9cole, --family=FAMILY",
     "--dbname=DBNAME et CAFÉ ou École, --family=FAMILY", 2, 2},
    /* code */
    {"code", "https://fr.wikipedia.org/wiki/%C3%89t%C3%A9 a=%C3%A9",
     "https://fr.wikipedia.org/wiki/%C3%89t%C3%A9 a=%C3%A9", 0, 0},
    {"code", "C:\\users\\u00e9 printf(\\\"x\\\"); s=\\u00e9",
     "C:\\users\\u00e9 printf(\\\"x\\\"); s=\\u00e9", 0, 0},
};

/* Good text: no finding, byte-identical. */
static const char *const untouched[] = {
    "Le caf\xC3\xA9 est pr\xC3\xAAt ! 3,5 % et 20 %.",
    "a = b, x=y, 100%, =, %, \\, \\x, E=MC2, 50%AB",
    "",
};

static void escapes_stage(struct article *a, const struct view *v,
			  const struct tokens *ts, void *ctx)
{
	(void)ts;
	(void)ctx;
	escapes_decode(a, v);
}

static const struct stage_under_test under_test = {NULL, FK_ENCODING,
						   escapes_stage, NULL};

static void test_stage(void)
{
	stage_check_all(&under_test, cases, ARRAY_SIZE(cases), untouched,
			ARRAY_SIZE(untouched));
}

int main(void)
{
	RUN(test_stage);
	return harness_done();
}
