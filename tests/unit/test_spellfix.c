/*
 * test_spellfix.c - the fast repairs of unknown words, read from the
 * build's word-form index and found by probing Hunspell without it: both
 * ways find the same repairs of the same kinds, and the index asks
 * Hunspell nothing for the accent candidates. Fails without the French
 * dictionary; the index comparison skips when the build had no unmunch
 * (Debian package hunspell-tools), and fails then under RELIRE_STRICT.
 */
#include <string.h>

#include "common/dict.h"
#include "harness.h"
#include "common/util.h"
#include "detect/spellfix.h"

static struct dict *indexed, *probing;

static const struct {
	const char *word, *want;
	enum fix_kind kind;
} cases[] = {
    {"evenement", "événement", FIX_ADD_ACCENT},
    {"etre", "être", FIX_ADD_ACCENT},
    {"probleme", "problème", FIX_ADD_ACCENT},
    {"telecharge", "téléchargé", FIX_ADD_ACCENT},
    {"telecharge", "télécharge", FIX_ADD_ACCENT},
    {"rèussit", "réussit", FIX_CHANGE_ACCENT},
    {"légérement", "légèrement", FIX_CHANGE_ACCENT},
    {"artéfact", "artefact", FIX_DROP_ACCENT},
    {"apeler", "appeler", FIX_LETTER},
    {"developement", "développement", FIX_LETTER},
    {"sest", "s’est", FIX_ELISION},
};

static int has_fix(const struct fixes *f, const char *want, enum fix_kind kind)
{
	for (size_t j = 0; j < f->n; j++)
		if (!strcmp(f->v[j].word, want) && f->v[j].kind == kind)
			return 1;
	return 0;
}

/* Each case's repair is found, with and without the index. */
static void test_repairs(void)
{
	struct dict *both[] = {indexed, probing};
	struct fixes f;

	fixes_init(&f);
	for (size_t d = 0; d < ARRAY_SIZE(both); d++)
		for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
			spellfix_find(both[d], cases[i].word,
				      strlen(cases[i].word), "\xE2\x80\x99",
				      &f);
			CHECK_MSG(has_fix(&f, cases[i].want, cases[i].kind),
				  "%s (%s): %zu candidates, no %s",
				  cases[i].word, d ? "probing" : "index", f.n,
				  cases[i].want);
			CHECK(f.probes <= SPELLFIX_MAX_PROBES);
		}
	fixes_release(&f);
}

/* The same candidates either way, in the order of their kinds. */
static void test_index_agrees(void)
{
	struct fixes a, b;

	if (!dict_forms(indexed))
		SKIP("no word-form index in the build (unmunch missing: "
		     "Debian package hunspell-tools)");
	fixes_init(&a);
	fixes_init(&b);
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		const char *w = cases[i].word;
		spellfix_find(indexed, w, strlen(w), "\xE2\x80\x99", &a);
		spellfix_find(probing, w, strlen(w), "\xE2\x80\x99", &b);
		CHECK_MSG(a.n == b.n,
			  "%s: %zu candidates with the index, %zu "
			  "without",
			  w, a.n, b.n);
		for (size_t j = 0; j < b.n; j++)
			CHECK_MSG(has_fix(&a, b.v[j].word, b.v[j].kind),
				  "%s: the index misses %s", w, b.v[j].word);
		for (size_t j = 1; j < a.n; j++)
			CHECK(a.v[j - 1].kind <= a.v[j].kind);
		/* Accent candidates come from the index, not from spell(). */
		if (cases[i].kind <= FIX_DROP_ACCENT)
			CHECK_MSG(a.probes < b.probes,
				  "%s: %zu probes with "
				  "the index, %zu without",
				  w, a.probes, b.probes);
	}
	fixes_release(&a);
	fixes_release(&b);
}

/* The key of a form: accents of the language's groups folded. */
static void test_key(void)
{
	static const struct {
		const char *word, *key;
	} keys[] = {
	    {"événement", "evenement"}, {"œuvre", "œuvre"}, /* a ligature is not
							       an accent */
	    {"garçon", "garcon"},	{"naïf", "naif"},   {"abc", "abc"},
	};
	struct strbuf key;

	sb_init(&key);
	for (size_t i = 0; i < ARRAY_SIZE(keys); i++) {
		CHECK_EQ(spellfix_key(indexed, keys[i].word,
				      strlen(keys[i].word), &key),
			 0);
		sb_addc(&key, '\0');
		CHECK_STR(key.buf, keys[i].key);
	}
	CHECK(spellfix_key(indexed, "", 0, &key) < 0);
	CHECK(spellfix_key(indexed, "\xff", 1, &key) < 0);
	sb_release(&key);
}

/* The verdicts read from the index (forms, capitalized forms) and the
 * apostrophe shared through the .aff's ICONV are Hunspell's own. */
static void test_verdicts_agree(void)
{
	static const char *const words[] = {
	    "maison",
	    "Maison",
	    "MAISON",
	    "Télécharge",
	    "Œuvre",
	    "œuvre",
	    "Paris",
	    "Poutine",
	    "Xyzzy",
	    "Etats",
	    "États",
	    "Ètre",
	    "l'homme",
	    "l\xE2\x80\x99homme",
	    "L\xE2\x80\x99homme",
	    "d'ailes",
	    "d\xE2\x80\x99"
	    "ailes",
	    "aujourd\xE2\x80\x99hui",
	    "l\xE2\x80\x99hxyz",
	    "qu\xE2\x80\x99il",
	    "\xE2\x80\x99",
	    "porte-parole",
	    "Porte-parole",
	};

	if (!dict_forms(indexed))
		SKIP("no word-form index in the build (unmunch missing: "
		     "package hunspell-tools)");
	for (size_t i = 0; i < ARRAY_SIZE(words); i++) {
		const char *w = words[i];
		CHECK_MSG(dict_check(indexed, w, strlen(w)) ==
			      dict_probe(probing, w, strlen(w)),
			  "%s: the index says %d", w,
			  dict_check(indexed, w, strlen(w)));
	}
}

int main(void)
{
	indexed = dict_open("fr", NULL, RELIRE_DATA_DIR);
	probing = dict_open("fr", NULL, RELIRE_DATA_DIR);
	if (!indexed || !probing)
		return harness_missing("no French Hunspell dictionary (Debian "
				       "package hunspell-fr)");
	dict_no_forms(probing);
	RUN(test_repairs);
	RUN(test_index_agrees);
	RUN(test_verdicts_agree);
	RUN(test_key);
	dict_free(indexed);
	dict_free(probing);
	return harness_done();
}
