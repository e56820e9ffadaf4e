/*
 * variants_cli.c - the `relire variants` command: operations on name
 * variants tables outside an audit run.
 *
 *   relire variants merge -o OUT.csv [--data-dir DIR] [--dict-dir DIR]
 *                         [--lang LANG] A.csv B.csv...
 *
 * merge combines the tables written for shards of one batch into the table
 * one run over the whole batch would have written.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "common/dict.h"
#include "common/options.h"
#include "common/util.h"
#include "corpus/namekey.h"
#include "corpus/names.h"
#include "corpus/variants.h"

static const char usage[] =
    "usage: relire variants merge -o OUT.csv [--data-dir DIR] "
    "[--dict-dir DIR] [--lang LANG] TABLE.csv...\n";

enum { OPT_DATA_DIR = 256, OPT_DICT_DIR, OPT_LANG };

static const struct option long_opts[] = {
    {"out", required_argument, NULL, 'o'},
    {"data-dir", required_argument, NULL, OPT_DATA_DIR},
    {"dict-dir", required_argument, NULL, OPT_DICT_DIR},
    {"lang", required_argument, NULL, OPT_LANG},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
};

struct merge_args {
	const char *out, *data_dir, *dict_dir, *lang;
	const char *const *paths;
	size_t npaths;
};

static int parse(struct merge_args *m, int argc, char **argv)
{
	int c;

	memset(m, 0, sizeof(*m));
	m->lang = "fr";
	optind = 1;
	while ((c = getopt_long(argc, argv, ":o:h", long_opts, NULL)) != -1) {
		switch (c) {
		case 'o':
			m->out = optarg;
			break;
		case OPT_DATA_DIR:
			m->data_dir = optarg;
			break;
		case OPT_DICT_DIR:
			m->dict_dir = optarg;
			break;
		case OPT_LANG:
			m->lang = optarg;
			break;
		case 'h':
			fputs(usage, stdout);
			return EXIT_ALL_OK;
		default:
			return options_refused(c, argv, usage);
		}
	}
	if (!m->out || optind >= argc) {
		rl_error("%s", !m->out ? "merge needs -o OUT.csv"
				       : "merge needs at least one table");
		fputs(usage, stderr);
		return EXIT_USAGE;
	}
	if (!m->data_dir)
		m->data_dir = options_default_data_dir();
	m->paths = (const char *const *)argv + optind;
	m->npaths = (size_t)(argc - optind);
	return -1;
}

static int merge(int argc, char **argv)
{
	struct merge_args m;
	struct namekey *nk;
	struct dict *d;
	struct variants_opts vo;
	struct name_rules rules;
	int rc = parse(&m, argc, argv);

	if (rc >= 0)
		return rc;
	nk = namekey_open(m.data_dir);
	d = dict_open(m.lang, m.dict_dir, m.data_dir);
	if (!nk || !d) {
		namekey_free(nk);
		dict_free(d);
		return EXIT_USAGE;
	}
	if (name_rules_load(&rules, m.data_dir, m.lang) < 0) {
		namekey_free(nk);
		dict_free(d);
		return EXIT_USAGE;
	}
	variants_opts_init(&vo);
	vo.suggest_max = 0; /* as in an audit run (corpus.c) */
	vo.rules = &rules;
	rc = variants_merge_files(m.paths, m.npaths, m.out, nk, d, &vo);
	name_rules_release(&rules);
	namekey_free(nk);
	dict_free(d);
	return rc < 0 ? EXIT_INTERNAL : EXIT_ALL_OK;
}

int variants_main(int argc, char **argv)
{
	if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		fputs(usage, argc < 2 ? stderr : stdout);
		return argc < 2 ? EXIT_USAGE : EXIT_ALL_OK;
	}
	if (!strcmp(argv[1], "merge"))
		return merge(argc - 1, argv + 1);
	rl_error("unknown variants command '%s'", argv[1]);
	fputs(usage, stderr);
	return EXIT_USAGE;
}
