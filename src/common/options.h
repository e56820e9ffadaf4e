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

/* The reports for people that an audit writes besides the CSVs and the
 * cleaned text (relire audit --reports): bits. */
enum report_kinds {
	REPORT_HTML = 1, /* report.html and html/ */
	REPORT_XLSX = 2, /* report.xlsx */
	REPORT_ALL = REPORT_HTML | REPORT_XLSX,
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
	int reports;		/* --reports: enum report_kinds bits */
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

/* The data directory to use when --data-dir is not given: $RELIRE_DATA_DIR,
 * else the source tree's dictionaries/ when it exists, else the installed
 * one. Borrowed static string. */
const char *options_default_data_dir(void);

/*
 * Checked numbers of the command line, in the manner of zstd's
 * readU32FromCharChecked: overflow is detected before it happens, and a
 * value is digits only (no sign, no space, nothing after them).
 *
 * options_parse_count: decimal digits, at most max.
 * options_parse_size: decimal digits with an optional K, M or G suffix
 * (either case; powers of 1024), at most max once multiplied.
 * options_parse_seconds: a non-negative finite decimal number, at most max.
 *
 * Each returns 0 with *out set, or one of the negative OPTNUM_ codes with
 * *out untouched. options_number_error() names a code for messages.
 */
enum optnum_error {
	OPTNUM_EMPTY = -1,     /* "" */
	OPTNUM_NEGATIVE = -2,  /* starts with '-' */
	OPTNUM_JUNK = -3,      /* not a number, or characters after it */
	OPTNUM_TOO_LARGE = -4, /* over max, or over 2^64 - 1 on the way */
	OPTNUM_TOO_SMALL = -5, /* under an option's min (options_parse_table) */
};
int options_parse_count(const char *s, unsigned long long max,
			unsigned long long *out);
int options_parse_size(const char *s, unsigned long long max,
		       unsigned long long *out);
int options_parse_seconds(const char *s, double max, double *out);
/* "empty", "negative", "not a number", "too large" or "too small": a
 * static string. */
const char *options_number_error(int code);

/* How an option of a table stores its value (struct opt_spec). */
enum opt_kind {
	OPTK_STRING,  /* const char *: the value, borrowed from argv */
	OPTK_FLAG,    /* int: set to 1; the option takes no value */
	OPTK_COUNT,   /* size_t: options_parse_count, in [min, max] */
	OPTK_SIZE,    /* size_t: options_parse_size, in [min, max] */
	OPTK_SECONDS, /* double: options_parse_seconds */
	OPTK_CALL,    /* set(args, name, value): 0, or -1 after printing */
	OPTK_HELP,    /* print the command's help on stdout, exit 0 */
	OPTK_VERSION, /* print "relire VERSION" on stdout, exit 0 */
};

/* One option of a command. A table ends with an entry whose name is NULL. */
struct opt_spec {
	const char *name; /* long name, without "--" */
	int short_name;	  /* its one-letter form, or 0 */
	enum opt_kind kind;
	size_t field;		     /* offsetof() of the field it sets */
	unsigned long long min, max; /* OPTK_COUNT, OPTK_SIZE */
	/* OPTK_CALL: name is the option as typed ("--threads", "-j") */
	int (*set)(void *args, const char *name, const char *value);
};

/* A command's options and what it prints around them. */
struct opt_command {
	const struct opt_spec *opts;
	const char *help;  /* for OPTK_HELP; NULL: options_print_help() */
	const char *after; /* printed on stderr after a usage error */
};

/*
 * Parse the options of argv (argv[0] is the command word) into the struct
 * at args, by cmd's table, with getopt_long (options and operands may
 * mix). A refused option or value is reported once, naming the option:
 *   relire: unknown option '--x'
 *   relire: option '--out' needs a value
 *   relire: invalid value '1Q' for --max-article-size: want digits ...
 * followed by cmd->after. Returns -1 when the run should go on, with
 * *operands set to the index in argv of the first operand; else the exit
 * status to exit with now (EXIT_ALL_OK after help or version, EXIT_USAGE
 * after an error). Fields of options not given keep their values.
 */
int options_parse_table(const struct opt_command *cmd, void *args, int argc,
			char **argv, int *operands);

/*
 * Parse argv (after the "audit" command word) into opt. Returns -1 when
 * the run should go on, or the exit status to exit with now (after --help,
 * --version, or a usage error already printed with a hint).
 */
int options_parse_audit(struct options *opt, int argc, char **argv);

/* Print the full help text to fp. */
void options_print_help(void *fp);

#endif
