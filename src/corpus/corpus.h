/*
 * corpus.h - corpus-level state of a batch: collect -> merge -> apply.
 *
 * The first pass of a batch collects name candidates and line counts per
 * article; corpus_add() merges them in input order (so the result is the
 * same for any number of threads), corpus_finish() builds the
 * variants table from them (and from the seed and editor tables), and
 * corpus_results() hands the table and the counts to the second pass. Without a
 * first pass (standard input, --jsonl) the table is built from the seed and
 * editor tables alone and there are no counts.
 *
 * Memory: the name candidates grow with the batch's distinct capitalized
 * forms; the line counts are capped (docs/boilerplate.md).
 */
#ifndef RELIRE_CORPUS_H
#define RELIRE_CORPUS_H

#include <stdio.h>

#include "common/options.h"
#include "common/util.h"

struct bp_counts;
struct corpus;
struct dict;
struct name_rules;
struct names;
struct variants;
struct wordcache;

/* A corpus whose names use rules (borrowed: it must outlive the corpus).
 * Free with corpus_free(). */
struct corpus *corpus_new(const struct name_rules *rules);
void corpus_free(struct corpus *c);

/* Fresh per-article accumulators for the first pass (caller frees with
 * names_free / bp_counts_free after corpus_add). */
struct names *corpus_new_names(const struct corpus *c);
/* Merge one article's first-pass evidence into c. */
void corpus_add(struct corpus *c, const struct names *n,
		const struct bp_counts *counts);
/*
 * For a caller with a core to spare during the first pass: once 64
 * articles have been added (a batch of a few large articles would gain
 * nothing), a thread of c computes what the names table needs of each
 * spelling corpus_add() meets (its keys, what the dictionary knows of
 * it), with a dictionary of the run's language (opt's, as corpus_finish
 * opens one; sharing the lookup cache, borrowed, may be NULL) and
 * transliteration rules of its own, so that corpus_finish() only looks
 * them up. The table is the same with or without; if the thread cannot
 * start or open its dictionary or rules, corpus_finish() computes
 * everything itself, silently. The dictionary is freed when the thread
 * stops, and the rest once the table is built (in corpus_finish).
 */
void corpus_ahead(struct corpus *c, const struct options *opt,
		  struct wordcache *cache);

/*
 * Probes: where one article meets the corpus-level decisions. While the
 * first pass processes an article, corpus_probe_name() records each name
 * spelling the table will be asked about (its signature is the callback
 * of variants_lookups(); probe is a struct strbuf *), and
 * corpus_probe_lines() the article's line keys. Once the corpus is
 * finished, corpus_touches() says whether the variants table or the
 * recurring lines could change that article's findings: 0 means they
 * cannot, so its first-pass result is final. The bytes of a probe are
 * private to corpus.c.
 */
void corpus_probe_name(void *probe, const char *s, size_t len);
void corpus_probe_lines(struct strbuf *probe,
			const struct bp_counts *article_counts);
int corpus_touches(const struct corpus *c, const char *probe, size_t len);

/*
 * Build the variants table from the names added, the prior table (seed and
 * editor's tables, borrowed; may be NULL) and, when have_counts is set,
 * keep the line counts for corpus_results(). dict_cache (borrowed, may be
 * NULL) is shared with the dictionary opened here. dicts[0..ndicts) are
 * dictionaries of the run's language to read (borrowed, used by no other
 * thread meanwhile: the workers' between the passes), one thread each
 * (the table is the same for any number of them); with none (ndicts 0),
 * one is opened here. c keeps ownership; free c only after the second
 * pass. Returns 0 or -1 (printed: a missing dictionary or transliteration
 * rules).
 */
int corpus_finish(struct corpus *c, const struct variants *prior,
		  struct wordcache *dict_cache, const struct options *opt,
		  int have_counts, struct dict *const *dicts, size_t ndicts);

/*
 * Load the corpus state of a whole batch from dir (variants.csv and
 * line-counts.csv), as written by corpus_write_state, for
 * corpus_results(). 0 or -1 (printed, with a hint when a file is
 * missing: a state is complete or refused).
 */
int corpus_load(struct corpus *c, const char *dir);

/*
 * The corpus-level results for the second pass, borrowed from c (valid
 * until corpus_free): the variants table (NULL before corpus_finish or
 * corpus_load), the line counts and the number of articles they count
 * (NULL and 0 when the batch had no first pass and no saved counts).
 */
void corpus_results(const struct corpus *c, const struct variants **table,
		    const struct bp_counts **bp, size_t *articles);

/* Write dir/variants.csv and dir/line-counts.csv (each written under a
 * temporary name, then renamed). 0 or -1 (printed). */
int corpus_write_state(const struct corpus *c, const char *dir, int neutralize);

/* Write the variants table an editor reads (names only, no "common"
 * rows) as CSV to fp. 0 or -1 on a write error. */
int corpus_write_variants(const struct corpus *c, FILE *fp, int neutralize);

#endif
