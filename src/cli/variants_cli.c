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
#include <stddef.h>
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

struct merge_args {
	const char *out, *data_dir, *dict_dir, *lang;
	const char *const *paths;
	size_t npaths;
};

#define ARG(f) OPTK_STRING, offsetof(struct merge_args, f), 0, 0, NULL

static const struct opt_spec merge_opts[] = {
    {"out", 'o', ARG(out)},
    {"data-dir", 0, ARG(data_dir)},
    {"dict-dir", 0, ARG(dict_dir)},
    {"lang", 0, ARG(lang)},
    {"help", 'h', OPTK_HELP, 0, 0, 0, NULL},
    {NULL, 0, OPTK_FLAG, 0, 0, 0, NULL},
};

static const struct opt_command merge_command = {merge_opts, usage, usage};

static int parse(struct merge_args *m, int argc, char **argv)
{
	int first, rc;

	memset(m, 0, sizeof(*m));
	m->lang = "fr";
	rc = options_parse_table(&merge_command, m, argc, argv, &first);
	if (rc >= 0)
		return rc;
	if (!m->out || first >= argc) {
		rl_error("%s", !m->out ? "merge needs -o OUT.csv"
				       : "merge needs at least one table");
		fputs(usage, stderr);
		return EXIT_USAGE;
	}
	if (!m->data_dir)
		m->data_dir = options_default_data_dir();
	m->paths = (const char *const *)argv + first;
	m->npaths = (size_t)(argc - first);
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
	return rc == -2 ? EXIT_USAGE : rc < 0 ? EXIT_INTERNAL : EXIT_ALL_OK;
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
