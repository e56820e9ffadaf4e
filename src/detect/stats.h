/*
 * stats.h - Gopher-style repetition statistics of a whole document.
 *
 * Fills article->stats[] (enum doc_stat in article.h), the columns
 * dup_line_frac ... dup_10gram_char_frac of quality.csv. The statistics are
 * those of the Gopher quality filters (Rae et al. 2021, "Scaling Language
 * Models", appendix A); implementations disagree on details, and
 * docs/repetition.md gives the exact variant computed here. In short:
 * words are the word and number tokens of the segmenter compared as exact
 * bytes; characters are code points of words, without white space; a
 * duplicate line or paragraph is one equal to an EARLIER one (the first
 * occurrence is not counted), while duplicate n-grams count EVERY
 * occurrence, each word once (Gopher's paper and dolma, not datatrove).
 */
#ifndef RELIRE_STATS_H
#define RELIRE_STATS_H

#include "common/article.h"
#include "common/token.h"
#include "common/view.h"

/*
 * Compute every doc_stat of the text of view v, whose tokens are ts, into
 * a->stats. A text without words or lines gets zeros. Linear time in the
 * number of tokens (one hash table per n).
 */
void stats_compute(struct article *a, const struct view *v,
		   const struct tokens *ts);

#endif
