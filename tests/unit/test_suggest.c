/*
 * test_suggest.c - suggestions from the word-form index: the expected
 * forms come first, the order is the ranking's, and a dictionary without
 * an index gives -1 (nothing searched) rather than an empty answer.
 */
#include <string.h>

#include "common/dict.h"
#include "harness.h"
#include "common/util.h"
#include "detect/suggest.h"

static struct dict *fr;

static void test_ranked(void)
{
	static const struct {
		const char *word;
		const char *first; /* the best suggestion, or NULL for none */
	} cases[] = {
	    {"gouvernment", "gouvernement"},   /* a dropped letter */
	    {"developpment", "développement"}, /* and the accents */
	    {"biblioteque", "bibliothèque"},
	    {"problmèe", "problème"}, /* a transposition and a drop */
	    {"xyzzyblorf", NULL},
	};

	if (!dict_forms(fr))
		SKIP("no word-form index in the build (unmunch missing: "
		     "Debian package hunspell-tools)");
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		char **list;
		long n = suggest_forms(fr, cases[i].word, strlen(cases[i].word),
				       5, &list);

		CHECK_MSG(n >= 0 && n <= 5, "%s: %ld", cases[i].word, n);
		if (cases[i].first) {
			CHECK_MSG(n > 0, "%s: no suggestion", cases[i].word);
			if (n > 0)
				CHECK_STR(list[0], cases[i].first);
		} else {
			CHECK_EQ(n, 0);
		}
		dict_free_list(list, n > 0 ? (size_t)n : 0);
	}
}

/* The same list however often and in whatever order it is asked. */
static void test_stable(void)
{
	char **a, **b;
	long na, nb;

	if (!dict_forms(fr))
		SKIP("no word-form index in the build (unmunch missing: "
		     "Debian package hunspell-tools)");
	na = suggest_forms(fr, "maision", 7, 5, &a);
	nb = suggest_forms(fr, "chein", 5, 5, &b);
	dict_free_list(b, nb > 0 ? (size_t)nb : 0);
	nb = suggest_forms(fr, "maision", 7, 5, &b);
	CHECK(na > 0);
	CHECK_EQ(na, nb);
	for (long i = 0; i < na && i < nb; i++)
		CHECK_STR(a[i], b[i]);
	dict_free_list(a, na > 0 ? (size_t)na : 0);
	dict_free_list(b, nb > 0 ? (size_t)nb : 0);
}

static void test_no_index(void)
{
	struct dict *d = dict_open("fr", NULL, RELIRE_DATA_DIR);
	char **list;

	CHECK(d != NULL);
	if (!d)
		return;
	dict_no_forms(d);
	CHECK_EQ(suggest_forms(d, "gouvernment", 11, 5, &list), -1);
	CHECK(list == NULL);
	dict_free(d);
}

int main(void)
{
	fr = dict_open("fr", NULL, RELIRE_DATA_DIR);
	if (!fr)
		return harness_missing("no French Hunspell dictionary (Debian "
				       "package hunspell-fr)");
	RUN(test_ranked);
	RUN(test_stable);
	RUN(test_no_index);
	dict_free(fr);
	return harness_done();
}
