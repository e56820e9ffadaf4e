/*
 * test_confusable.c - the rules of src/repair/confusable.h by name: Cyrillic
 * and Greek look-alikes inside Latin words are repaired letter by letter; words
 * in one script, and words whose intruders have no Latin twin, are left alone;
 * the stage is idempotent.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/article.h"
#include "repair/confusable.h"
#include "harness.h"
#include "stage_run.h"
#include "common/util.h"
#include "common/view.h"

struct conf_case {
	const char *rule;
	const char *in;
	const char *want; /* cleaned text */
	size_t applied;
	size_t unapplied;
};

static const struct conf_case cases[] = {
    /* latin_lookalike: Cyrillic а (U+0430) twice in "allemand" */
    {"latin_lookalike", "le pays \xD0\xB0llem\xD0\xB0nd", "le pays allemand", 2,
     0},
    /* Cyrillic о, р, е, с, upper-case Т and і */
    {"latin_lookalike", "\xD0\xA2oky\xD0\xBE et P\xD0\xB0ris", "Tokyo et Paris",
     3, 0},
    {"latin_lookalike",
     "\xD1\x81omp\xD1\x82"
     "e",
     "\xD1\x81omp\xD1\x82"
     "e",
     0, 0},
    {"latin_lookalike", "r\xD0\xB5p\xD0\xBErt \xD1\x96nt\xD0\xB5rn\xD0\xB5",
     "report interne", 5, 0},
    /* Greek ο (U+03BF) and ν (U+03BD) */
    {"latin_lookalike",
     "n\xCE\xBFu\xCE\xBD"
     "eau",
     "nouveau", 2, 0},
    /* upper-case: Cyrillic І (U+0406) is Latin I, not l */
    {"latin_lookalike", "\xD0\x86nternet", "Internet", 1, 0},
    /* exemplar letters: Cyrillic ё (U+0451) is French ë */
    {"latin_lookalike", "No\xD1\x91l", "No\xC3\xABl", 1, 0},
    /* per_letter: a letter with its combining mark, repaired in NFC */
    {"per_letter", "d\xD0\xB5\xCC\x81j\xC3\xA0 vu", "d\xC3\xA9j\xC3\xA0 vu", 1,
     0},
    /* latin_majority: more Cyrillic than Latin letters: reported only */
    {"latin_majority", "\xD1\x81\xD0\xBE\xD1\x80y", "\xD1\x81\xD0\xBE\xD1\x80y",
     0, 3},
};

/* Never touched (no finding): one-script words, intruders without a twin. */
static const char *const untouched[] = {
    "\xC2\xAB\xD0\x9F\xD1\x83\xD1\x82\xD0\xB8\xD0\xBD\xC2\xBB, a dit "
    "Vladimir Poutine",
    "\xD1\x81\xD0\xBE\xD1\x80 et \xCE\xB1\xCE\xB2\xCE\xB3",
    "Ath\xC3\xA8nes (\xCE\x91\xCE\xB8\xCE\xAE\xCE\xBD\xCE\xB1), "
    "Moscou (\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0)",
    "5 \xCE\xBCg de vitamine, \xCE\xB2-carot\xC3\xA8ne",
    "Pu\xD1\x82in", /* т has no Latin twin: the word is left alone */
    "S\xC3\xA3o Paulo, Nguy\xE1\xBB\x85n, l\xE2\x80\x99"
    "\xC3\xA9t\xC3\xA9",
    "\xE6\x9D\xB1\xE4\xBA\xAC Tokyo",
};

static struct confusable *conf;

static void confusable_stage(struct article *a, const struct view *v,
			     const struct tokens *ts, void *ctx)
{
	(void)ts;
	(void)ctx;
	confusable_repair(conf, a, v);
}

static char *run(const char *in, size_t *applied, size_t *unapplied)
{
	return stage_run(NULL, in, FK_CONFUSABLE, confusable_stage, NULL,
			 applied, unapplied);
}

static void test_rules(void)
{
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		const struct conf_case *c = &cases[i];
		size_t ap, un;
		char *out = run(c->in, &ap, &un);
		CHECK_MSG(!strcmp(out, c->want),
			  "rule %s (row %zu): got \"%s\"", c->rule, i, out);
		CHECK_MSG(ap == c->applied && un == c->unapplied,
			  "rule %s (row %zu): %zu applied, %zu unapplied",
			  c->rule, i, ap, un);
		free(out);
	}
}

static void test_mixed_words_only(void)
{
	for (size_t i = 0; i < ARRAY_SIZE(untouched); i++) {
		size_t ap, un;
		char *out = run(untouched[i], &ap, &un);
		CHECK_MSG(!strcmp(out, untouched[i]) && ap + un == 0,
			  "row %zu: \"%s\" (%zu findings)", i, out, ap + un);
		free(out);
	}
}

static void test_idempotent(void)
{
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		size_t ap, un, ap2, un2;
		char *once = run(cases[i].in, &ap, &un);
		char *twice = run(once, &ap2, &un2);
		CHECK_MSG(ap2 == 0 && !strcmp(once, twice), "row %zu", i);
		free(once);
		free(twice);
	}
}

int main(void)
{
	conf = confusable_new("fr");
	if (!conf)
		return 1;
	RUN(test_rules);
	RUN(test_mixed_words_only);
	RUN(test_idempotent);
	confusable_free(conf);
	return harness_done();
}
