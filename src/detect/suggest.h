/*
 * suggest.h - spelling suggestions read from the dictionary's word-form
 * index, without Hunspell's suggest().
 *
 * Hunspell's suggest() costs about 30 ms per French word and relire could
 * only afford it under a time budget, so which words got suggestions
 * depended on the machine and the thread count. This module finds the
 * forms of the word-form index (formindex.h) whose accent-folded key lies
 * within a small edit distance of the word's key, by walking the sorted
 * keys as a trie of code points with one row of the edit-distance table
 * per level (pruned as soon as every cell of a row exceeds the bound).
 * The result depends on the word and the index only.
 *
 * Distance: Levenshtein with adjacent transpositions (optimal string
 * alignment), over code points of the folded keys, so that an accent
 * costs nothing and "developpment" is one edit from "developpement". Bound:
 * 1 for words of SUGGEST_SHORT code points or fewer, 2 above. The first
 * letter of the key is kept, as Lucene's DirectSpellChecker does by
 * default (minPrefix 1): writers and translation systems rarely get it
 * wrong, and it divides the search by the size of the alphabet.
 * Ranking: by that distance, then by the same distance between the
 * written word and the form itself (accents and case counted), then by
 * the form's bytes: a total order, so the list is the same in every run.
 */
#ifndef RELIRE_SUGGEST_H
#define RELIRE_SUGGEST_H

#include <stddef.h>

#include "common/dict.h"
#include "common/options.h" /* enum suggest_source */

#define SUGGEST_SHORT 4
/* Forms gathered before ranking; a word near more than this many keys (a
 * short word in a dense part of the dictionary) is ranked among the
 * first found in key order. */
#define SUGGEST_MAX_FOUND 2048

/*
 * Up to max forms of the word-form index of d near word[0..len) (UTF-8),
 * best first, into a new array *out of NUL-terminated strings (caller frees
 * with dict_free_list(*out, n)). Returns their number n (0 and *out NULL
 * when there is none). -1 when d has no word-form index (nothing was
 * searched; *out is NULL).
 */
long suggest_forms(struct dict *d, const char *word, size_t len, size_t max,
		   char ***out);

#endif
