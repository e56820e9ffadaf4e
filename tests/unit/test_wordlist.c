/*
 * test_wordlist.c - word lists are case-insensitive through ICU's full
 * case folding: the ASCII path folded inline, the length bound and the
 * general path must answer as the folded lookup does.
 */
#include <string.h>

#include "common/util.h"
#include "common/wordlist.h"
#include "harness.h"

static void test_lookups(void)
{
	static const char *const entries[] = {
	    "qu",
	    "l",
	    "jusqu",
	    "straße",
	    "Été",
	    "\xC7\x85"
	    "emal",
	    "naïve café",
	};
	static const struct {
		const char *word;
		int found;
	} cases[] = {
	    {"qu", 1},
	    {"QU", 1},
	    {"Qu", 1},
	    {"L", 1},
	    {"jusqu", 1},
	    {"JUSQU", 1},
	    {"jusqu'", 0},
	    {"quand", 0}, /* longer than every entry: the bound */
	    {"", 0},
	    {"q", 0},
	    {"STRASSE", 1}, /* ß folds to ss: an ASCII text matches it */
	    {"Straße", 1},
	    {"STRAẞE", 1},
	    {"été", 1},
	    {"ÉTÉ", 1},
	    {"\xC7\x84"
	     "EMAL",
	     1}, /* Ǆ: the digraphs fold alike */
	    {"NAÏVE CAFÉ", 1},
	    {"naive cafe", 0},
	    {"\xff", 0}, /* ill-formed: never a match */
	};
	struct wordlist wl;

	wordlist_init(&wl);
	CHECK(wordlist_empty(&wl));
	CHECK(!wordlist_has(&wl, "qu", 2));
	for (size_t i = 0; i < ARRAY_SIZE(entries); i++)
		wordlist_add(&wl, entries[i], strlen(entries[i]));
	CHECK(!wordlist_empty(&wl));
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++)
		CHECK_MSG(wordlist_has(&wl, cases[i].word,
				       strlen(cases[i].word)) == cases[i].found,
			  "%s: expected %d", cases[i].word, cases[i].found);
	wordlist_release(&wl);
}

int main(void)
{
	RUN(test_lookups);
	return harness_done();
}
