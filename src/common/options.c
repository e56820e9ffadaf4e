/*
 * options.c - command-line parsing with getopt_long and one option table.
 */
#include "common/options.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
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

enum {
	OPT_OUT = 'o',
	OPT_LANG = 'l',
	OPT_QUIET = 'q',
	OPT_VERBOSE = 'v',
	OPT_HELP = 'h',
	OPT_THREADS_SHORT = 'j',
	OPT_VERSION = 256,
	OPT_DICT_DIR,
	OPT_DATA_DIR,
	OPT_VARIANTS,
	OPT_PER_LINE,
	OPT_CSV_RAW,
	OPT_CSV_BOM,
	OPT_MAX_SIZE,
	OPT_MAX_FINDINGS,
	OPT_SUGGEST_BUDGET,
	OPT_SUGGEST,
	OPT_TYPOGRAPHY,
	OPT_JSONL,
	OPT_THREADS,
	OPT_MAX_LINE,
	OPT_CORPUS,
	OPT_SCORE_WEIGHTS,
	OPT_SHARD,
	OPT_DECISIONS,
	OPT_REPORT_LANG,
};

/* Most shards of --shard K/N: Slurm's largest job array (MaxArraySize)
 * is 4000001 tasks; the byte ranges are computed without overflow up to
 * this bound (inputs.c). */
#define SHARD_MAX 4000000UL

static const struct option long_opts[] = {
    {"out", required_argument, NULL, OPT_OUT},
    {"lang", required_argument, NULL, OPT_LANG},
    {"dict-dir", required_argument, NULL, OPT_DICT_DIR},
    {"data-dir", required_argument, NULL, OPT_DATA_DIR},
    {"variants", required_argument, NULL, OPT_VARIANTS},
    {"decisions", required_argument, NULL, OPT_DECISIONS},
    {"report-lang", required_argument, NULL, OPT_REPORT_LANG},
    {"corpus", required_argument, NULL, OPT_CORPUS},
    {"score-weights", required_argument, NULL, OPT_SCORE_WEIGHTS},
    {"shard", required_argument, NULL, OPT_SHARD},
    {"per-line", no_argument, NULL, OPT_PER_LINE},
    {"csv-raw", no_argument, NULL, OPT_CSV_RAW},
    {"csv-bom", no_argument, NULL, OPT_CSV_BOM},
    {"max-article-size", required_argument, NULL, OPT_MAX_SIZE},
    {"max-findings", required_argument, NULL, OPT_MAX_FINDINGS},
    {"suggest-budget", required_argument, NULL, OPT_SUGGEST_BUDGET},
    {"suggest", required_argument, NULL, OPT_SUGGEST},
    {"typography", required_argument, NULL, OPT_TYPOGRAPHY},
    {"jsonl", no_argument, NULL, OPT_JSONL},
    {"threads", required_argument, NULL, OPT_THREADS},
    {"max-line-length", required_argument, NULL, OPT_MAX_LINE},
    {"quiet", no_argument, NULL, OPT_QUIET},
    {"verbose", no_argument, NULL, OPT_VERBOSE},
    {"help", no_argument, NULL, OPT_HELP},
    {"version", no_argument, NULL, OPT_VERSION},
    {NULL, 0, NULL, 0},
};

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

/* In two parts: C11 compilers need only take strings of 4,095 bytes. */
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
    "                 Quality, Findings, Variants\n"
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

static int usage_error(const char *msg, const char *arg)
{
	rl_error("%s '%s'", msg, arg);
	fputs("hint: see 'relire --help'\n", stderr);
	return EXIT_USAGE;
}

static int parse_size(const char *s, size_t *out)
{
	char *end;
	unsigned long long v;

	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno || end == s || *s == '-')
		return -1;
	switch (*end) {
	case 'K':
	case 'k':
		v <<= 10;
		end++;
		break;
	case 'M':
	case 'm':
		v <<= 20;
		end++;
		break;
	case 'G':
	case 'g':
		v <<= 30;
		end++;
		break;
	default:
		break;
	}
	if (*end)
		return -1;
	*out = (size_t)v;
	return 0;
}

/* One decimal number of --shard: digits only, at most SHARD_MAX. */
static int parse_shard_number(const char *s, const char *end,
			      unsigned long *out)
{
	unsigned long v = 0;

	if (s == end)
		return -1;
	for (; s < end; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		v = v * 10 + (unsigned long)(*s - '0');
		if (v > SHARD_MAX)
			return -1;
	}
	*out = v;
	return 0;
}

/* --shard K/N: K in [0, N), 0 < N <= SHARD_MAX. */
static int parse_shard(struct options *opt, const char *s)
{
	const char *slash = strchr(s, '/');

	if (!slash || parse_shard_number(s, slash, &opt->shard_k) ||
	    parse_shard_number(slash + 1, slash + strlen(slash),
			       &opt->shard_n)) {
		rl_error("invalid --shard '%s': want K/N, two numbers from 0 "
			 "to %lu",
			 s, SHARD_MAX);
		return -1;
	}
	if (opt->shard_n == 0 || opt->shard_k >= opt->shard_n) {
		rl_error("invalid --shard '%s': want 0 <= K < N (K counts from "
			 "0, as in sbatch --array=0-%lu)",
			 s, opt->shard_n ? opt->shard_n - 1 : 0);
		return -1;
	}
	return 0;
}

static int parse_seconds(const char *s, double *out)
{
	char *end;

	errno = 0;
	*out = strtod(s, &end);
	return errno || end == s || *end || *out < 0 ? -1 : 0;
}

static int parse_suggest(const char *s, int *out)
{
	static const char *const names[] = {
	    [SUGGEST_FORMS] = "forms",
	    [SUGGEST_HUNSPELL] = "hunspell",
	    [SUGGEST_NONE] = "none",
	};

	for (size_t i = 0; i < sizeof(names) / sizeof(*names); i++)
		if (!strcmp(s, names[i])) {
			*out = (int)i;
			return 0;
		}
	return -1;
}

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
	int c;

	set_defaults(opt);
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":o:l:j:qvh", long_opts, NULL)) !=
	       -1) {
		switch (c) {
		case OPT_OUT:
			opt->out_dir = optarg;
			opt->out_given = 1;
			break;
		case OPT_LANG:
			if (!valid_lang(optarg))
				return usage_error("invalid language code",
						   optarg);
			opt->lang = optarg;
			break;
		case OPT_DICT_DIR:
			opt->dict_dir = optarg;
			break;
		case OPT_DATA_DIR:
			opt->data_dir = optarg;
			break;
		case OPT_VARIANTS:
			opt->variants = optarg;
			break;
		case OPT_CORPUS:
			opt->corpus_dir = optarg;
			break;
		case OPT_DECISIONS:
			opt->decisions = optarg;
			break;
		case OPT_REPORT_LANG:
			if (strcmp(optarg, "fr") && strcmp(optarg, "en"))
				return usage_error("unknown report language",
						   optarg);
			opt->report_lang = optarg;
			break;
		case OPT_SCORE_WEIGHTS:
			opt->score_weights = optarg;
			break;
		case OPT_SHARD:
			if (parse_shard(opt, optarg) < 0) {
				fputs("hint: see 'relire --help'\n", stderr);
				return EXIT_USAGE;
			}
			break;
		case OPT_PER_LINE:
			opt->per_line = 1;
			break;
		case OPT_CSV_BOM:
			opt->csv_bom = 1;
			break;
		case OPT_CSV_RAW:
			opt->csv_raw = 1;
			break;
		case OPT_QUIET:
			opt->quiet = 1;
			break;
		case OPT_JSONL:
			opt->jsonl = 1;
			break;
		case OPT_TYPOGRAPHY:
			if (strcmp(optarg, "fr") && strcmp(optarg, "none"))
				return usage_error("unknown typography profile",
						   optarg);
			opt->typography_fr = !strcmp(optarg, "fr");
			break;
		case OPT_THREADS_SHORT:
		case OPT_THREADS: {
			size_t n;
			if (parse_size(optarg, &n) || n > 256)
				return usage_error("invalid thread count",
						   optarg);
			opt->threads = (unsigned)n;
			break;
		}
		case OPT_MAX_LINE:
			if (parse_size(optarg, &opt->max_line_length))
				return usage_error("invalid size", optarg);
			break;
		case OPT_VERBOSE:
			opt->verbose = 1;
			break;
		case OPT_MAX_SIZE:
			if (parse_size(optarg, &opt->max_article_size) ||
			    !opt->max_article_size)
				return usage_error("invalid size", optarg);
			break;
		case OPT_MAX_FINDINGS:
			if (parse_size(optarg, &opt->max_findings))
				return usage_error("invalid count", optarg);
			break;
		case OPT_SUGGEST:
			if (parse_suggest(optarg, &opt->suggest))
				return usage_error("invalid suggestion source",
						   optarg);
			break;
		case OPT_SUGGEST_BUDGET:
			if (parse_seconds(optarg, &opt->suggest_budget))
				return usage_error("invalid number of seconds",
						   optarg);
			break;
		case OPT_HELP:
			options_print_help(stdout);
			return EXIT_ALL_OK;
		case OPT_VERSION:
			printf("relire %s\n", RELIRE_VERSION);
			return EXIT_ALL_OK;
		case ':':
			return usage_error("option needs a value:",
					   argv[optind - 1]);
		default:
			return usage_error("unknown option", argv[optind - 1]);
		}
	}
	if (optind >= argc) {
		rl_error("no input given");
		fputs("hint: relire audit corpora/   (see 'relire --help')\n",
		      stderr);
		return EXIT_USAGE;
	}
	if (!opt->data_dir)
		opt->data_dir = options_default_data_dir();
	opt->paths = argv + optind;
	opt->npaths = (size_t)(argc - optind);
	return check_shard_inputs(opt);
}

int options_refused(int c, char **argv, const char *usage)
{
	if (c == ':')
		rl_error("option '%s' needs a value", argv[optind - 1]);
	else
		rl_error("unknown option '%s'", argv[optind - 1]);
	fputs(usage, stderr);
	return EXIT_USAGE;
}
