/*
 * options.h - the immutable run options, filled once from the command line.
 */
#ifndef RELIRE_OPTIONS_H
#define RELIRE_OPTIONS_H

#include <stddef.h>

#define RELIRE_VERSION "0.1.0"

/* Exit statuses (documented in --help, README and relire.1). */
enum exit_status {
	EXIT_ALL_OK = 0,      /* every article processed */
	EXIT_SOME_FAILED = 1, /* some articles failed; they have error rows */
	EXIT_USAGE = 2,	      /* usage or configuration error */
	EXIT_INTERNAL = 3, /* internal error, or reports could not be written */
};

/* Where the suggestions for a misspelling come from (relire audit
 * --suggest). */
enum suggest_source {
	SUGGEST_FORMS,	  /* the word-form index (suggest.h): default */
	SUGGEST_HUNSPELL, /* Hunspell's suggest(), under a time budget */
	SUGGEST_NONE,
};

struct options {
	const char *out_dir;	 /* --out, default "reports" */
	int out_given;		 /* --out was given explicitly */
	const char *lang;	 /* --lang, default "fr" */
	const char *dict_dir;	 /* --dict-dir, extra Hunspell dictionaries */
	const char *data_dir;	 /* --data-dir, relire's dictionaries/ */
	const char *variants;	 /* --variants FILE */
	const char *decisions;	 /* --decisions FILE (else OUT/decisions.csv
				  * when present) */
	const char *report_lang; /* --report-lang: "fr" (default) or "en" */
	const char *corpus_dir;	 /* --corpus DIR: corpus state of a whole
				  * batch (from `relire collect`/`merge`) */
	int collect_only;	 /* `relire collect`: first pass only */
	int per_line;		 /* --per-line */
	int quiet, verbose;	 /* -q, -v */
	int csv_raw;		 /* --csv-raw: no formula neutralization */
	int csv_bom;		 /* --csv-bom: UTF-8 BOM at the start of CSVs */
	int typography_fr;	/* --typography fr: French typography profile */
	int jsonl;		/* --jsonl: JSON Lines records in and out */
	unsigned threads;	/* --threads, 0 = number of cores */
	size_t max_line_length; /* --max-line-length, bytes, 0 = no limit */
	size_t max_article_size; /* --max-article-size, bytes */
	size_t max_findings;	 /* --max-findings per article, 0 = no cap */
	int suggest;		 /* --suggest: enum suggest_source */
	double suggest_budget;	 /* --suggest-budget, seconds per run of
				  * Hunspell suggest() (--suggest hunspell) */
	unsigned long shard_k;	 /* --shard K/N: 0 <= K < N; */
	unsigned long shard_n;	 /* N == 0 when not given */
	char **paths;		 /* borrowed from argv */
	size_t npaths;

	/* --score-weights FILE, else the data directory's score-weights.tsv */
	const char *score_weights;
};

/*
 * Parse argv (after the "audit" command word) into opt. Returns -1 when
 * the run should go on, or the exit status to exit with now (after --help,
 * --version, or a usage error already printed with a hint).
 */
int options_parse_audit(struct options *opt, int argc, char **argv);

/* The data directory to use when --data-dir is not given: $RELIRE_DATA_DIR,
 * else the source tree's dictionaries/ when it exists, else the installed
 * one. Borrowed static string. */
const char *options_default_data_dir(void);

/*
 * For the getopt_long loop of a subcommand: report the option getopt
 * refused (c is ':' for a missing value, anything else for an unknown
 * option; argv and optind as getopt left them), print usage on stderr and
 * return EXIT_USAGE.
 */
int options_refused(int c, char **argv, const char *usage);

/* Print the full help text to fp. */
void options_print_help(void *fp);

#endif
