/*
 * options.c - command-line parsing: checked numbers, one table-driven
 * getopt_long loop shared by every command, and the options of audit and
 * collect.
 */
#include "common/options.h"

#include <assert.h>
#include <errno.h>
#include <float.h>
#include <getopt.h>
#include <limits.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "common/util.h"

#ifndef RELIRE_SOURCE_DATA_DIR
#define RELIRE_SOURCE_DATA_DIR ""
#endif
#ifndef RELIRE_INSTALL_DATA_DIR
#define RELIRE_INSTALL_DATA_DIR "/usr/local/share/relire"
#endif

/* Most shards of --shard K/N: Slurm's largest job array (MaxArraySize)
 * is 4000001 tasks; the byte ranges are computed without overflow up to
 * this bound (inputs.c). */
#define SHARD_MAX 4000000UL

static const char help_text[] =
    "usage: relire audit [OPTIONS] PATH...\n"
    "       relire collect [OPTIONS] PATH...\n"
    "       relire merge [--out DIR] SHARD_OUT...\n"
    "       relire variants merge [--out FILE] TABLE.csv...\n"
    "       relire forms --out FILE [--lang CODE] [--dict-dir DIR]\n"
    "       relire --help | --version\n"
    "\n"
    "Audit and clean scraped and machine-translated news. Each PATH is a "
    "file,\n"
    "a directory (searched recursively for *.txt, in sorted order) or '-' for\n"
    "standard input. For every article relire decodes and normalizes the "
    "text,\n"
    "finds corruption (repetitions, encoding damage, misspellings...) at "
    "exact\n"
    "byte offsets, and writes the cleaned text and CSV reports.\n"
    "\n"
    "Options:\n"
    "  -o, --out DIR            write reports into DIR (default: reports)\n"
    "  -l, --lang CODE          article language for spelling (default: fr)\n"
    "      --dict-dir DIR       look for Hunspell dictionaries in DIR first\n"
    "      --data-dir DIR       relire's word lists (default: the installed\n"
    "                           dictionaries/ directory)\n"
    "      --variants FILE      name variants table to read (CSV)\n"
    "      --decisions FILE     an editor's decisions on repairs (CSV "
    "exported\n"
    "                           by report.html; default: DIR/decisions.csv\n"
    "                           when present)\n"
    "      --report-lang LANG   language of report.html: fr (default) or en\n"
    "      --corpus DIR         use the corpus state in DIR (variants.csv and\n"
    "                           line-counts.csv from 'relire collect' or\n"
    "                           'relire merge') instead of a first pass\n"
    "      --score-weights FILE weights and curve of the score (default:\n"
    "                           score-weights.tsv in the data directory)\n"
    "      --shard K/N          only the K-th of N contiguous shards of the\n"
    "                           sorted inputs, balanced by bytes (K from 0 to\n"
    "                           N-1; lines of --per-line files are cut at\n"
    "                           line boundaries); see docs/scale-out.md\n"
    "      --per-line           every input line is one record (id FILE:LINE)\n"
    "      --jsonl              read JSON Lines records ({\"id\", \"text\", "
    "...})\n"
    "                           and write one JSON result per record to\n"
    "                           standard output (CSV reports only with --out)\n"
    "      --csv-raw            do not neutralize spreadsheet formulas in CSV\n"
    "      --csv-bom            start each CSV with a UTF-8 byte order mark\n"
    "                           (for spreadsheets that open CSVs directly)\n"
    "      --typography PROFILE apply a typography profile: 'fr' (French\n"
    "                           quotes, apostrophes and no-break spaces) or\n"
    "                           'none' (default: only broken spacing is "
    "fixed)\n"
    "      --reports LIST       reports for people besides the CSVs and the\n"
    "                           cleaned text: 'html', 'xlsx', 'html,xlsx'\n"
    "                           (default) or 'none', the fastest for a\n"
    "                           pipeline; a report left out that DIR holds\n"
    "                           from an earlier run is removed\n";

/* In three parts: C11 compilers need only take strings of 4,095 bytes. */
static const char help_limits[] =
    "  -j, --threads N          worker threads (default: number of cores)\n"
    "      --max-line-length N  longest line in bytes; longer lines make the\n"
    "                           article fail (default: 16M; 0 = no limit)\n"
    "      --max-article-size N largest article in bytes (default: 64M;\n"
    "                           K, M, G suffixes accepted)\n"
    "      --max-findings N     findings listed per article (default: 10000;\n"
    "                           0 = no limit; the rest are counted)\n"
    "      --suggest SOURCE     spelling suggestions from 'forms' (the\n"
    "                           dictionary's word forms within two edits:\n"
    "                           default, the same in every run), 'hunspell'\n"
    "                           (Hunspell's suggest(), under a time budget)\n"
    "                           or 'none'\n"
    "      --suggest-budget S   seconds of Hunspell suggestions per run with\n"
    "                           --suggest hunspell (default: 1; shared by the\n"
    "                           threads)\n"
    "  -q, --quiet              print errors only\n"
    "  -v, --verbose            print one line per article on stderr\n"
    "  -h, --help               show this help\n"
    "      --version            show the version\n";

static const char help_outputs[] =
    "\n"
    "Outputs in DIR:\n"
    "  quality.csv    one row per article: status, words, score 0-100, grade,\n"
    "                 top issue, one count column per finding kind\n"
    "  findings.csv   one row per finding: article, kind, byte span, line,\n"
    "                 column, original, replacement, applied, confidence\n"
    "  clean/ID       the cleaned text of each article (clean.txt with\n"
    "                 --per-line)\n"
    "  report.html    a self-contained HTML report (one page per 100 articles\n"
    "                 under html/ for larger batches)\n"
    "  report.xlsx    the same reports as a workbook for people: sheets\n"
    "                 Quality, Findings, Variants (report.html and\n"
    "                 report.xlsx unless --reports leaves them out)\n"
    "  variants.csv   the name variants table: edit it; the next run into DIR\n"
    "                 reads it back (a numbered copy, variants.csv.~N~, keeps\n"
    "                 the edited table); --variants names another table\n"
    "report.html exports an editor's choices as variants.csv (save it in DIR\n"
    "or pass it with --variants) and decisions.csv (save it in DIR or pass it\n"
    "with --decisions); the next run applies them.\n"
    "Formats are documented in docs/formats.md.\n"
    "\n"
    "Sharded runs (docs/scale-out.md): 'relire collect' runs only the first\n"
    "pass and writes DIR/variants.csv and DIR/line-counts.csv; 'relire merge'\n"
    "combines the outputs of several collect or audit runs; 'relire audit\n"
    "--corpus DIR' audits a shard with the merged corpus state.\n"
    "\n"
    "Word-form index: 'relire forms' lists the forms of a dictionary with\n"
    "Hunspell's unmunch (package hunspell-tools) into an index that the "
    "accent\n"
    "repairs read instead of probing Hunspell; the build makes it for French.\n"
    "For a dictionary given with --dict-dir, put CODE.forms beside it.\n"
    "\n"
    "Exit status: 0 every article processed; 1 some articles failed (each has\n"
    "a quality.csv row with status=error); 2 usage or configuration error;\n"
    "3 internal error or reports could not be written.\n";

void options_print_help(void *fp)
{
	fputs(help_text, fp);
	fputs(help_limits, fp);
	fputs(help_outputs, fp);
}

const char *options_default_data_dir(void)
{
	const char *env = getenv("RELIRE_DATA_DIR");
	struct stat st;

	if (env && *env)
		return env;
	if (*RELIRE_SOURCE_DATA_DIR && stat(RELIRE_SOURCE_DATA_DIR, &st) == 0)
		return RELIRE_SOURCE_DATA_DIR;
	return RELIRE_INSTALL_DATA_DIR;
}

/* The digits at *s into *v, advancing *s past them. The overflow check
 * comes before the multiplication, as in zstd's readU32FromCharChecked. */
static int read_digits(const char **s, unsigned long long *v)
{
	const char *p = *s;
	unsigned long long n = 0;

	if (!p)
		return OPTNUM_EMPTY;
	if (*p == '-')
		return OPTNUM_NEGATIVE;
	if (*p < '0' || *p > '9')
		return *p ? OPTNUM_JUNK : OPTNUM_EMPTY;
	for (; *p >= '0' && *p <= '9'; p++) {
		unsigned d = (unsigned)(*p - '0');
		if (n > (ULLONG_MAX - d) / 10)
			return OPTNUM_TOO_LARGE;
		n = n * 10 + d;
	}
	*s = p;
	*v = n;
	return 0;
}

int options_parse_count(const char *s, unsigned long long max,
			unsigned long long *out)
{
	unsigned long long v;
	int rc = read_digits(&s, &v);

	if (rc < 0)
		return rc;
	if (*s)
		return OPTNUM_JUNK;
	if (v > max)
		return OPTNUM_TOO_LARGE;
	*out = v;
	return 0;
}

/* The power of two of a size suffix, or -1. */
static int suffix_shift(char c)
{
	switch (c) {
	case 'K':
	case 'k':
		return 10;
	case 'M':
	case 'm':
		return 20;
	case 'G':
	case 'g':
		return 30;
	default:
		return -1;
	}
}

int options_parse_size(const char *s, unsigned long long max,
		       unsigned long long *out)
{
	unsigned long long v;
	int shift, rc = read_digits(&s, &v);

	if (rc < 0)
		return rc;
	shift = *s ? suffix_shift(*s) : 0;
	if (shift < 0 || (shift && s[1]))
		return OPTNUM_JUNK;
	if (v > (ULLONG_MAX >> shift) || (v << shift) > max)
		return OPTNUM_TOO_LARGE;
	*out = v << shift;
	return 0;
}

int options_parse_seconds(const char *s, double max, double *out)
{
	char *end;
	double v;

	if (!s || !*s)
		return OPTNUM_EMPTY;
	if (*s == '-')
		return OPTNUM_NEGATIVE;
	/* strtod would also take spaces, a sign, "inf" and "nan" */
	if (!(*s >= '0' && *s <= '9') && *s != '.')
		return OPTNUM_JUNK;
	errno = 0;
	v = strtod(s, &end);
	if (end == s || *end)
		return OPTNUM_JUNK;
	if (!isfinite(v) || v > max)
		return OPTNUM_TOO_LARGE;
	*out = v;
	return 0;
}

const char *options_number_error(int code)
{
	switch (code) {
	case OPTNUM_EMPTY:
		return "empty";
	case OPTNUM_NEGATIVE:
		return "negative";
	case OPTNUM_TOO_LARGE:
		return "too large";
	case OPTNUM_TOO_SMALL:
		return "too small";
	default:
		return "not a number";
	}
}

/* The name of option o as typed: "--name", or "-c" for its short form. */
static void typed_name(const struct opt_spec *o, int short_form, char *buf,
		       size_t size)
{
	if (short_form)
		snprintf(buf, size, "-%c", o->short_name);
	else
		snprintf(buf, size, "--%s", o->name);
}

/* What a value of kind k looks like, for the "not a number" message. */
static const char *number_form(enum opt_kind k)
{
	return k == OPTK_SIZE ? "want digits with an optional K, M or G suffix"
	       : k == OPTK_COUNT ? "want a whole number"
				 : "want a number of seconds";
}

static void number_refused(const struct opt_spec *o, const char *name,
			   const char *value, int code)
{
	if (code == OPTNUM_JUNK)
		rl_error("invalid value '%s' for %s: %s", value, name,
			 number_form(o->kind));
	else if (code == OPTNUM_TOO_LARGE && o->kind != OPTK_SECONDS)
		rl_error("invalid value '%s' for %s: too large (max %llu)",
			 value, name, o->max);
	else if (code == OPTNUM_TOO_SMALL)
		rl_error("invalid value '%s' for %s: too small (min %llu)",
			 value, name, o->min);
	else
		rl_error("invalid value '%s' for %s: %s", value, name,
			 options_number_error(code));
}

/* Store the number value of o into field p. 0, or -1 (printed). */
static int set_number(const struct opt_spec *o, const char *name, void *p,
		      const char *value)
{
	unsigned long long v = 0;
	double secs = 0;
	int rc;

	if (o->kind == OPTK_SECONDS)
		rc = options_parse_seconds(value, DBL_MAX, &secs);
	else if (o->kind == OPTK_SIZE)
		rc = options_parse_size(value, o->max, &v);
	else
		rc = options_parse_count(value, o->max, &v);
	if (rc == 0 && o->kind != OPTK_SECONDS && v < o->min)
		rc = OPTNUM_TOO_SMALL;
	if (rc) {
		number_refused(o, name, value, rc);
		return -1;
	}
	if (o->kind == OPTK_SECONDS)
		memcpy(p, &secs, sizeof(secs));
	else {
		size_t n = (size_t)v;
		memcpy(p, &n, sizeof(n));
	}
	return 0;
}

/* Most options of one command (the getopt tables are built on the stack). */
#define OPT_TABLE_MAX 40

struct getopt_tables {
	struct option longs[OPT_TABLE_MAX + 1];
	char shorts[3 * OPT_TABLE_MAX + 3];
};

/* getopt_long's tables for opts: the long option i returns 256 + i. */
static void build_tables(const struct opt_spec *opts, struct getopt_tables *t)
{
	size_t i, k = 0;

	memset(t, 0, sizeof(*t));
	t->shorts[k++] = ':'; /* a missing value returns ':' */
	for (i = 0; opts[i].name; i++) {
		int arg = opts[i].kind == OPTK_FLAG ||
			  opts[i].kind == OPTK_HELP ||
			  opts[i].kind == OPTK_VERSION;
		assert(i < OPT_TABLE_MAX);
		t->longs[i].name = opts[i].name;
		t->longs[i].has_arg = arg ? no_argument : required_argument;
		t->longs[i].val = 256 + (int)i;
		if (opts[i].short_name) {
			t->shorts[k++] = (char)opts[i].short_name;
			if (!arg)
				t->shorts[k++] = ':';
		}
	}
}

/* The entry of getopt's return value c, or NULL for a refused option. */
static const struct opt_spec *find_spec(const struct opt_spec *opts, int c,
					int *short_form)
{
	*short_form = c < 256;
	for (size_t i = 0; opts[i].name; i++)
		if ((c >= 256 && (size_t)(c - 256) == i) ||
		    (c < 256 && c == opts[i].short_name && c != ':' &&
		     c != '?'))
			return &opts[i];
	return NULL;
}

/* Apply option o with value (NULL for flags). -1 to go on, else an exit
 * status; usage errors are printed, without cmd->after. */
static int apply(const struct opt_command *cmd, const struct opt_spec *o,
		 int short_form, void *args, const char *value)
{
	char *p = (char *)args + o->field;
	char name[80];

	typed_name(o, short_form, name, sizeof(name));
	/* No option of relire means anything with an empty value (--out ''
	 * would name no directory). */
	if (value && !*value) {
		rl_error("invalid value '' for %s: empty", name);
		return EXIT_USAGE;
	}
	switch (o->kind) {
	case OPTK_STRING:
		memcpy(p, &value, sizeof(value));
		return -1;
	case OPTK_FLAG:
		*(int *)(void *)p = 1;
		return -1;
	case OPTK_CALL:
		return o->set(args, name, value) < 0 ? EXIT_USAGE : -1;
	case OPTK_HELP:
		if (cmd->help)
			fputs(cmd->help, stdout);
		else
			options_print_help(stdout);
		return EXIT_ALL_OK;
	case OPTK_VERSION:
		printf("relire %s\n", RELIRE_VERSION);
		return EXIT_ALL_OK;
	default:
		return set_number(o, name, p, value) < 0 ? EXIT_USAGE : -1;
	}
}

/* getopt's refusal of an option. A short option is named by its letter:
 * inside a cluster ("-xq") getopt has not moved past the argument yet, so
 * argv[optind - 1] may be the word before it. */
static void refused(int c, char **argv)
{
	const char *arg = argv[optind - 1];
	int shrt = optopt > 0 && optopt < 128 && strncmp(arg, "--", 2) != 0;

	if (c == ':' && shrt)
		rl_error("option '-%c' needs a value", optopt);
	else if (c == ':')
		rl_error("option '%s' needs a value", arg);
	else if (shrt)
		rl_error("unknown option '-%c'", optopt);
	else
		rl_error("unknown option '%s'", arg);
}

int options_parse_table(const struct opt_command *cmd, void *args, int argc,
			char **argv, int *operands)
{
	struct getopt_tables t;
	int c, rc = -1;

	build_tables(cmd->opts, &t);
	opterr = 0;
	optind = 1;
	while (rc < 0 &&
	       (c = getopt_long(argc, argv, t.shorts, t.longs, NULL)) != -1) {
		int short_form;
		const struct opt_spec *o = find_spec(cmd->opts, c, &short_form);

		if (!o) {
			refused(c, argv);
			rc = EXIT_USAGE;
		} else {
			rc = apply(cmd, o, short_form, args, optarg);
		}
	}
	if (rc == EXIT_USAGE)
		fputs(cmd->after, stderr);
	*operands = optind;
	return rc;
}

/* --- relire audit and relire collect -------------------------------- */

static const char audit_hint[] = "hint: see 'relire --help'\n";

static int set_out(void *args, const char *name, const char *value)
{
	struct options *opt = args;

	(void)name;
	opt->out_dir = value;
	opt->out_given = 1;
	return 0;
}

static int valid_lang(const char *s)
{
	size_t n = strlen(s);

	if (n < 2 || n > 10)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || s[i] == '_' ||
		      (s[i] >= 'A' && s[i] <= 'Z')))
			return 0;
	return 1;
}

static int set_lang(void *args, const char *name, const char *value)
{
	(void)name;
	if (!valid_lang(value))
		return rl_error("invalid language code '%s'", value);
	((struct options *)args)->lang = value;
	return 0;
}

static int set_report_lang(void *args, const char *name, const char *value)
{
	(void)name;
	if (strcmp(value, "fr") && strcmp(value, "en"))
		return rl_error("unknown report language '%s'", value);
	((struct options *)args)->report_lang = value;
	return 0;
}

static int set_typography(void *args, const char *name, const char *value)
{
	(void)name;
	if (strcmp(value, "fr") && strcmp(value, "none"))
		return rl_error("unknown typography profile '%s'", value);
	((struct options *)args)->typography_fr = !strcmp(value, "fr");
	return 0;
}

/* --reports LIST: "html", "xlsx" or both, comma-separated, or "none". */
static int set_reports(void *args, const char *name, const char *value)
{
	const char *p = value;
	int bits = 0;

	(void)name;
	if (!strcmp(value, "none")) {
		((struct options *)args)->reports = 0;
		return 0;
	}
	for (;;) {
		size_t n = strcspn(p, ",");

		if (n == 4 && !strncmp(p, "html", 4))
			bits |= REPORT_HTML;
		else if (n == 4 && !strncmp(p, "xlsx", 4))
			bits |= REPORT_XLSX;
		else
			return rl_error("unknown report '%.*s' in --reports "
					"'%s' (html, xlsx, both as "
					"'html,xlsx', or none)",
					(int)n, p, value);
		if (!p[n])
			break;
		p += n + 1;
	}
	((struct options *)args)->reports = bits;
	return 0;
}

static int set_suggest(void *args, const char *name, const char *value)
{
	static const char *const names[] = {
	    [SUGGEST_FORMS] = "forms",
	    [SUGGEST_HUNSPELL] = "hunspell",
	    [SUGGEST_NONE] = "none",
	};

	(void)name;
	for (size_t i = 0; i < sizeof(names) / sizeof(*names); i++)
		if (!strcmp(value, names[i])) {
			((struct options *)args)->suggest = (int)i;
			return 0;
		}
	return rl_error("invalid suggestion source '%s'", value);
}

/* Most worker threads of -j/--threads. */
#define THREADS_MAX 256

static int set_threads(void *args, const char *name, const char *value)
{
	unsigned long long n;
	int rc = options_parse_count(value, THREADS_MAX, &n);

	if (rc == OPTNUM_TOO_LARGE)
		return rl_error("invalid value '%s' for %s: too large (max %d)",
				value, name, THREADS_MAX);
	if (rc < 0)
		return rl_error("invalid value '%s' for %s: %s", value, name,
				rc == OPTNUM_JUNK ? "want a whole number"
						  : options_number_error(rc));
	((struct options *)args)->threads = (unsigned)n;
	return 0;
}

/* One number of --shard K/N (the bytes s[0..len)), at most SHARD_MAX. */
static int shard_number(const char *s, size_t len, unsigned long *out)
{
	char buf[32];
	unsigned long long v;

	if (len >= sizeof(buf))
		return OPTNUM_TOO_LARGE;
	memcpy(buf, s, len);
	buf[len] = '\0';
	if (options_parse_count(buf, SHARD_MAX, &v) < 0)
		return -1;
	*out = (unsigned long)v;
	return 0;
}

/* --shard K/N: K in [0, N), 0 < N <= SHARD_MAX. */
static int set_shard(void *args, const char *name, const char *value)
{
	struct options *opt = args;
	const char *slash = strchr(value, '/');

	if (!slash ||
	    shard_number(value, (size_t)(slash - value), &opt->shard_k) ||
	    shard_number(slash + 1, strlen(slash + 1), &opt->shard_n))
		return rl_error("invalid value '%s' for %s: want K/N, two "
				"numbers from 0 to %lu",
				value, name, SHARD_MAX);
	if (opt->shard_n == 0 || opt->shard_k >= opt->shard_n)
		return rl_error("invalid value '%s' for %s: want 0 <= K < N "
				"(K counts from 0, as in sbatch --array=0-%lu)",
				value, name,
				opt->shard_n ? opt->shard_n - 1 : 0);
	return 0;
}

#define FIELD(f) OPTK_STRING, offsetof(struct options, f), 0, 0, NULL
#define FLAG(f)	 OPTK_FLAG, offsetof(struct options, f), 0, 0, NULL
#define CALL(fn) OPTK_CALL, 0, 0, 0, fn

static const struct opt_spec audit_opts[] = {
    {"out", 'o', CALL(set_out)},
    {"lang", 'l', CALL(set_lang)},
    {"dict-dir", 0, FIELD(dict_dir)},
    {"data-dir", 0, FIELD(data_dir)},
    {"variants", 0, FIELD(variants)},
    {"decisions", 0, FIELD(decisions)},
    {"report-lang", 0, CALL(set_report_lang)},
    {"corpus", 0, FIELD(corpus_dir)},
    {"score-weights", 0, FIELD(score_weights)},
    {"shard", 0, CALL(set_shard)},
    {"per-line", 0, FLAG(per_line)},
    {"csv-raw", 0, FLAG(csv_raw)},
    {"csv-bom", 0, FLAG(csv_bom)},
    {"max-article-size", 0, OPTK_SIZE,
     offsetof(struct options, max_article_size), 1, SIZE_MAX, NULL},
    {"max-findings", 0, OPTK_COUNT, offsetof(struct options, max_findings), 0,
     SIZE_MAX, NULL},
    {"suggest-budget", 0, OPTK_SECONDS,
     offsetof(struct options, suggest_budget), 0, 0, NULL},
    {"suggest", 0, CALL(set_suggest)},
    {"typography", 0, CALL(set_typography)},
    {"reports", 0, CALL(set_reports)},
    {"jsonl", 0, FLAG(jsonl)},
    {"threads", 'j', CALL(set_threads)},
    {"max-line-length", 0, OPTK_SIZE, offsetof(struct options, max_line_length),
     0, SIZE_MAX, NULL},
    {"quiet", 'q', FLAG(quiet)},
    {"verbose", 'v', FLAG(verbose)},
    {"help", 'h', OPTK_HELP, 0, 0, 0, NULL},
    {"version", 0, OPTK_VERSION, 0, 0, 0, NULL},
    {NULL, 0, OPTK_FLAG, 0, 0, 0, NULL},
};

static const struct opt_command audit_command = {audit_opts, NULL, audit_hint};

static void set_defaults(struct options *opt)
{
	memset(opt, 0, sizeof(*opt));
	opt->out_dir = "reports";
	opt->lang = "fr";
	opt->report_lang = "fr";
	opt->max_article_size = (size_t)64 << 20;
	opt->max_line_length = (size_t)16 << 20;
	opt->max_findings = 10000;
	opt->suggest_budget = 1.0;
	opt->reports = REPORT_ALL;
}

/* Every task of a sharded run must see the same inputs: standard input
 * cannot be cut into shards. -1 when the run may go on. */
static int check_shard_inputs(const struct options *opt)
{
	if (!opt->shard_n)
		return -1;
	for (size_t i = 0; i < opt->npaths; i++)
		if (!strcmp(opt->paths[i], "-")) {
			rl_error("--shard cannot cut standard input ('-') "
				 "into shards");
			fputs("hint: save it to a file and pass the file\n",
			      stderr);
			return EXIT_USAGE;
		}
	return -1;
}

int options_parse_audit(struct options *opt, int argc, char **argv)
{
	int first, rc;

	set_defaults(opt);
	rc = options_parse_table(&audit_command, opt, argc, argv, &first);
	if (rc >= 0)
		return rc;
	if (first >= argc) {
		rl_error("no input given");
		/* argv[0] is the command: audit or collect */
		fprintf(stderr,
			"hint: relire %s corpora/   (see 'relire --help')\n",
			strcmp(argv[0], "collect") ? "audit" : "collect");
		return EXIT_USAGE;
	}
	if (!opt->data_dir)
		opt->data_dir = options_default_data_dir();
	opt->paths = argv + first;
	opt->npaths = (size_t)(argc - first);
	return check_shard_inputs(opt);
}
