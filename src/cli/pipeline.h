/*
 * pipeline.h - the stages of one article, wired in order. The only file
 * that knows the order; the stages do not know each other.
 *
 *   decode (bytes -> UTF-8; decode.h)
 *   phase 1, characters, each on the view of the previous one:
 *     mojibake -> controls -> confusables -> NFC
 *   phase 2, on the repaired characters, each on a fresh view and tokens:
 *     spacing -> glued words -> typography (--typography fr)
 *   segment (ICU word breaks -> tokens of the repaired text)
 *   [first pass of a batch: corpus evidence, names and line counts]
 *   phase 3, detectors on those tokens:
 *     statistics -> repeats -> boilerplate -> language and spelling ->
 *     truncation -> residue
 *   names: the batch's variants table applied (when there is one)
 *   findings sorted -> the editor's decisions (decisions.h), last
 *
 * Repairs apply findings and later stages see their effect through a view
 * (view.h); detectors only report or apply findings on the text the
 * repairs left. The score and the report rows are computed from the
 * finished article by the report layer (report_format in report.h, called
 * by the batch on the worker's thread), not here.
 *
 * A batch runs in two passes (batch.c): worker_first() on every article,
 * then the corpus level (corpus.h) builds the names table and the line
 * counts, and worker_process() runs again only on the articles those
 * results touch. A stream (standard input, --jsonl) has no first pass.
 *
 * A worker owns the handles that are not thread-safe (ICU break iterator,
 * Hunspell) and reuses them for every article it processes. Shared
 * read-only resources (word lists, rules, the score model) live in struct
 * resources, loaded once per run.
 */
#ifndef RELIRE_PIPELINE_H
#define RELIRE_PIPELINE_H

#include <stddef.h>

#include "common/article.h"
#include "common/langwords.h"
#include "common/options.h"
#include "common/score.h"
#include "common/wordlist.h"
#include "corpus/names.h"
#include "detect/repeat_rules.h"

struct bp_counts;
struct dict;
struct dict_pool;
struct variants;
struct decisions;

struct boilerplate_rules;
struct entities;
struct markup;
struct markup;
struct wordcache;

/* Bounds of the answer caches the workers share (see wordcache.h): the
 * default language's Hunspell lookups (about 350,000 word forms) and the
 * spelling verdicts on unknown forms (detail strings included). */
#define SHARED_DICT_CACHE_BYTES	   ((size_t)32 << 20)
#define SHARED_VERDICT_CACHE_BYTES ((size_t)16 << 20)

struct resources {
	struct wordlist doubles;	  /* legitimate repeated words */
	struct repeat_rules repeat_rules; /* and their grammar */
	struct wordlist elided_forms;	 /* "l", "qu": for spaced apostrophes */
	struct wordlist negations;	 /* "pas", "jamais": a lost "n’" */
	struct wordlist letter_labels;	 /* "lettre": "la lettre l" */
	struct wordlist clitics;	 /* "'s", "n't": a tokenizer's splits */
	struct wordlist no_space_before; /* "?", ":" outside French */
	struct wordlist no_space_after;	 /* "¿", "¡": Spanish */
	struct wordlist glued_keep;	 /* joined forms never to split */
	struct wordlist glued_starters;	 /* words that start sentences */
	struct wordlist cut_words;	 /* words that cannot end one */
	struct langwords lang_words;	 /* function words of every language */
	struct boilerplate_rules *boilerplate; /* residue patterns, all langs */
	struct entities *entities;    /* named HTML character references */
	struct markup *markup;	      /* HTML element names */
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
	struct dict_pool *dicts;      /* the other languages' dictionaries,
				       * shared by the workers */

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

/* What the first pass of a batch collects of one article, into
 * caller-owned accumulators: name candidates, line counts, and (when
 * lookup is set) each name spelling the variants table will be asked
 * about, given to lookup(ctx, ...) (variants_lookups). */
struct first_pass {
	struct names *names;
	struct bp_counts *counts;
	void (*lookup)(void *ctx, const char *s, size_t len);
	void *ctx;
};

/*
 * The first pass of a batch: worker_process without the corpus-level
 * results (res->table and res->bp are unset while it runs), and the
 * article's corpus evidence collected into *fp on the repaired text,
 * before the detectors. For an article that the corpus-level decisions
 * turn out not to touch (corpus_touches), the result is final: the same
 * as worker_process would give once they are set.
 */
void worker_first(struct worker *w, struct article *a, char *raw, size_t len,
		  const struct first_pass *fp);

/*
 * Only the evidence of worker_first: decode and repair the article, then
 * collect into *fp ('relire collect', which reports nothing). The
 * article's findings are not meant for the reports.
 */
void worker_collect(struct worker *w, struct article *a, char *raw, size_t len,
		    const struct first_pass *fp);

#endif
