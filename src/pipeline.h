/*
 * pipeline.h - the stages of one article, wired in order.
 *
 *   decode -> [view] normalize (NFC) -> [view] segment -> repeat, spell
 *
 * A worker owns the handles that are not thread-safe (ICU break iterator,
 * Hunspell) and reuses them for every article it processes. Shared
 * read-only resources (word lists) live in struct resources, loaded once
 * per run.
 */
#ifndef RELIRE_PIPELINE_H
#define RELIRE_PIPELINE_H

#include <stddef.h>

#include "article.h"
#include "langwords.h"
#include "names.h"
#include "options.h"
#include "repeat_rules.h"
#include "score.h"
#include "wordlist.h"

struct bp_counts;
struct dict;
struct variants;
struct decisions;

struct boilerplate_rules;
struct wordcache;

/* Bounds of the answer caches the workers share (see wordcache.h): the
 * default language's Hunspell lookups (about 350,000 word forms) and the
 * spelling verdicts on unknown forms (detail strings included). */
#define SHARED_DICT_CACHE_BYTES	   ((size_t)32 << 20)
#define SHARED_VERDICT_CACHE_BYTES ((size_t)16 << 20)

struct resources {
	struct wordlist doubles;	  /* legitimate repeated words */
	struct repeat_rules repeat_rules; /* and their grammar */
	struct wordlist elided_forms;	/* "l", "qu": for spaced apostrophes */
	struct wordlist negations;	/* "pas", "jamais": a lost "n’" */
	struct wordlist letter_labels;	/* "lettre": "la lettre l" */
	struct wordlist glued_keep;	/* joined forms never to split */
	struct wordlist glued_starters; /* words that start sentences */
	struct wordlist cut_words;	/* words that cannot end one */
	struct langwords lang_words;	/* function words of every language */
	struct boilerplate_rules *boilerplate; /* residue patterns, all langs */
	struct name_rules name_rules; /* titles and elisions for names */
	struct variants *prior;	      /* seed table + editor's --variants */
	struct decisions *decisions;  /* editor's decisions on repairs, or
				       * NULL (decisions.h) */
	struct score_model score;     /* weights and curve of the score */
	int suggest;		      /* enum suggest_source (suggest.h) */
	double suggest_budget;	      /* seconds of Hunspell suggestions for
				       * each worker: the run's budget split
				       * between the workers by the batch */
	struct wordcache *dict_cache; /* shared by the workers' dicts of
				       * the default language */
	struct wordcache *verdicts;   /* shared spelling verdicts */

	/* Corpus-level results, set by the batch between its two passes
	 * (NULL/0 when there is no first pass); read-only for workers. */
	const struct variants *table; /* the batch's variants table */
	const struct bp_counts *bp;   /* line counts across the batch */
	size_t batch_articles;
};

/* Load the run's shared resources from opt->data_dir. 0 or -1 (printed). */
int resources_load(struct resources *r, const struct options *opt);
void resources_release(struct resources *r);

struct worker;

/* Open a worker's handles (on the thread that will use them). NULL after
 * printing the error (a missing dictionary is a configuration error). */
struct worker *worker_new(const struct options *opt,
			  const struct resources *res);
void worker_free(struct worker *w);

/* The worker's dictionary of the run's language (borrowed, valid until
 * worker_free), for the batch to lend between passes: no other thread
 * may use it while the worker processes an article. */
struct dict *worker_default_dict(struct worker *w);

/*
 * Run every stage on an article whose raw bytes are given (ownership of raw
 * passes to the article). On return the article holds its text and all its
 * findings, sorted; on an article error its status says why. Never stops
 * the batch.
 */
void worker_process(struct worker *w, struct article *a, char *raw, size_t len);

/*
 * worker_process for an article whose bytes the first pass (worker_collect)
 * decoded and repaired without a single finding: the repair phases, which
 * would find nothing again, are skipped. The caller must know the bytes are
 * the same (the batch compares a hash); the result is then identical.
 */
void worker_process_clean(struct worker *w, struct article *a, char *raw,
			  size_t len);

/*
 * The first pass of a batch: decode and repair the article like
 * worker_process, then only collect its corpus-level evidence (name
 * candidates into names, line counts into counts; both caller-owned). The
 * article's findings are not reported.
 */
void worker_collect(struct worker *w, struct article *a, char *raw, size_t len,
		    struct names *names, struct bp_counts *counts);

#endif
