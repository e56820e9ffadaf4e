/*
 * langwords.h - the function words of every language relire ships
 * (articles, pronouns, prepositions, conjunctions, auxiliaries), read from
 * dictionaries/LANG/function-words.txt.
 *
 * They are the evidence of a language that survives names and figures: a
 * sentence full of names still has its "the", "of", "were" or its "le",
 * "de", "est", always in lower case, and each language's list is nearly
 * disjoint from the others'. The language identification (lang.h) counts
 * them per sentence; a word in several lists ("a", "on", "in") counts for
 * each of them. Read-only once loaded: safe to share between threads.
 */
#ifndef RELIRE_LANGWORDS_H
#define RELIRE_LANGWORDS_H

#include <stddef.h>

#include "common/strmap.h"

#define LANGWORDS_MAX 16 /* languages (bits of a word's set) */

struct langwords {
	struct strmap map; /* lower-case word -> bit set of languages */
	char code[LANGWORDS_MAX][8];
	size_t words[LANGWORDS_MAX]; /* function words of each language */
	size_t latin[LANGWORDS_MAX]; /* of those, in Latin letters */
	size_t n;
};

void langwords_init(struct langwords *lw);
void langwords_release(struct langwords *lw);

/*
 * Load data_dir/CODE/function-words.txt for every folder CODE of data_dir
 * that has one (in sorted order; at most LANGWORDS_MAX). A data_dir without
 * any is not an error (no function-word evidence). Returns 0, or -1 after
 * printing the error when a list cannot be read.
 */
int langwords_load(struct langwords *lw, const char *data_dir);

/* Add word (lower-case, UTF-8) to the list of language code; for tests. */
void langwords_add(struct langwords *lw, const char *code, const char *word);

/* Index of the language code ("fr", "fr_CA" counts as "fr"), or -1. */
int langwords_index(const struct langwords *lw, const char *code);

/*
 * The set of languages (bit i: lw->code[i]) whose function words include
 * word[0..len). lower says the word is already in lower case; otherwise it
 * is lower-cased first ("The" counts as "the"). 0 when none.
 */
unsigned langwords_of(const struct langwords *lw, const char *word, size_t len,
		      int lower);

/*
 * Is word[0..len) written in the script of language k (Latin letters or
 * not, as most of its function words are)? 1 when k is out of range.
 * Some dictionaries accept any word of another script (uk_UA maps every
 * Latin letter away): their word on it is no evidence of the language.
 */
int langwords_script_fits(const struct langwords *lw, int k, const char *word,
			  size_t len);

#endif
