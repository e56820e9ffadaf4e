/*
 * test_controls.c - the rules of src/repair/controls.h by name: what is
 * removed, what is kept because a script needs it, and idempotence.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/article.h"
#include "repair/controls.h"
#include "harness.h"
#include "stage_run.h"
#include "common/util.h"
#include "common/view.h"

static const struct stage_case cases[] = {
    /* c0_c1 */
    {"c0_c1", "al\x01lemand\x7F", "allemand", 2, 2},
    {"c0_c1", "fin\x1B[0m de ligne", "fin[0m de ligne", 1, 1},
    {"c0_c1", "un\xC2\x81mot \xC2\x9D", "unmot ", 2, 2},
    {"c0_c1", "tab\there\r\nform\ffeed\n", "tab\there\r\nform\ffeed\n", 0, 0},
    {"c0_c1", "vertical\vtab", "verticaltab", 1, 1},
    /* soft_hyphen */
    {"soft_hyphen", "gou\xC2\xADver\xC2\xADne\xC2\xADment", "gouvernement", 3,
     3},
    /* invisible */
    {"invisible",
     "allem\xE2\x80\x8B"
     "and",
     "allemand", 1, 1},
    {"invisible",
     "mot\xE2\x80\x8B \xE2\x81\xA0"
     "fin",
     "mot fin", 2, 2},
    {"invisible",
     "stray\xEF\xBB\xBF"
     "bom",
     "straybom", 1, 1},
    {"invisible",
     "\xEF\xBB\xBF"
     "start",
     "start", 1, 1},
    {"invisible",
     "\xE0\xB8\xA0\xE0\xB8\xB2\xE0\xB8\xA9\xE0\xB8\xB2"
     "\xE2\x80\x8B\xE0\xB9\x84\xE0\xB8\x97\xE0\xB8\xA2",
     "\xE0\xB8\xA0\xE0\xB8\xB2\xE0\xB8\xA9\xE0\xB8\xB2"
     "\xE2\x80\x8B\xE0\xB9\x84\xE0\xB8\x97\xE0\xB8\xA2",
     0, 0},
    {"invisible",
     "flag \xF0\x9F\x8F\xB4\xF3\xA0\x81\xA7\xF3\xA0\x81\xA2"
     "\xF3\xA0\x81\xB3\xF3\xA0\x81\xA3\xF3\xA0\x81\xB4"
     "\xF3\xA0\x81\xBF",
     "flag \xF0\x9F\x8F\xB4\xF3\xA0\x81\xA7\xF3\xA0\x81\xA2"
     "\xF3\xA0\x81\xB3\xF3\xA0\x81\xA3\xF3\xA0\x81\xB4\xF3\xA0\x81\xBF",
     0, 0},
    /* joiners */
    {"joiners", "al\xE2\x80\x8Dle\xE2\x80\x8Cmand", "allemand", 2, 2},
    {"joiners", "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9",
     "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9", 0, 0},
    {"joiners",
     "\xD9\x85\xDB\x8C\xE2\x80\x8C\xD8\xAE\xD9\x88\xD8\xA7\xD9\x87\xD9\x85",
     "\xD9\x85\xDB\x8C\xE2\x80\x8C\xD8\xAE\xD9\x88\xD8\xA7\xD9\x87\xD9\x85", 0,
     0},
    {"joiners", "\xE0\xA4\x95\xE0\xA5\x8D\xE2\x80\x8D\xE0\xA4\xB7",
     "\xE0\xA4\x95\xE0\xA5\x8D\xE2\x80\x8D\xE0\xA4\xB7", 0, 0},
    {"joiners", "mot \xE2\x80\x8D fin", "mot \xE2\x80\x8D fin", 0, 0},
    /* bidi */
    {"bidi",
     "Paris\xE2\x80\x8E est \xE2\x80\xAA"
     "belle\xE2\x80\xAC",
     "Paris est belle", 3, 3},
    {"bidi",
     "\xE2\x81\xA6"
     "abc\xE2\x81\xA9",
     "abc", 2, 2},
    {"bidi",
     "Tel-Aviv (\xE2\x80\x8F\xD7\xAA\xD7\x9C \xD7\x90\xD7\x91\xD7\x99"
     "\xD7\x91\xE2\x80\x8F)",
     "Tel-Aviv (\xE2\x80\x8F\xD7\xAA\xD7\x9C \xD7\x90\xD7\x91\xD7\x99"
     "\xD7\x91\xE2\x80\x8F)",
     0, 0},
    {"bidi", "\xD7\xAA\xD7\x9C\xE2\x80\x8F\nParis\xE2\x80\x8E",
     "\xD7\xAA\xD7\x9C\xE2\x80\x8F\nParis", 1, 1},
    /* before_mark */
    {"before_mark", "e\xE2\x80\x8B\xCC\x81t\xC3\xA9",
     "e\xE2\x80\x8B\xCC\x81t\xC3\xA9", 1, 0},
    /* runs */
    {"runs",
     "al\xE2\x80\x8B\xE2\x80\x8B\xC2\xAD"
     "lemand",
     "allemand", 1, 1},
};

/* Good text: no finding, byte-identical. */
static const char *const untouched[] = {
    "Le caf\xC3\xA9 est pr\xC3\xAAt\xC2\xA0! \xC2\xAB"
    "Oui\xE2\x80\xAF\xC2\xBB",
    "S\xC3\xA3o Paulo, Nguy\xE1\xBB\x85n, \xC2\xAB\xD0\x9F\xD1\x83\xD1\x82"
    "\xD0\xB8\xD0\xBD\xC2\xBB",
    "l\xE2\x80\x99"
    "homme \xE2\x80\x94 10\xC2\xB3 \xE2\x80\xA6",
    "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD et \xE2\x9D\xA4\xEF\xB8\x8F",
    "ligne 1\r\nligne 2\n\tindent\f",
};

static void controls_stage(struct article *a, const struct view *v,
			   const struct tokens *ts, void *ctx)
{
	(void)ts;
	(void)ctx;
	controls_remove(a, v);
}

static const struct stage_under_test under_test = {NULL, FK_CONTROL_CHAR,
						   controls_stage, NULL};

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
