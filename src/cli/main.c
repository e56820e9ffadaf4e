/*
 * main.c - relire's entry point: pick the command, parse its options, run.
 */
#include <stdio.h>
#include <string.h>

#include "cli/batch.h"
#include "cli/forms_cli.h"
#include "common/options.h"
#include "common/util.h"
#include "corpus/merge.h"
#include "corpus/variants.h"

int main(int argc, char **argv)
{
	struct options opt;
	int rc;

	if (argc < 2) {
		options_print_help(stderr);
		return EXIT_USAGE;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") ||
	    !strcmp(argv[1], "help")) {
		options_print_help(stdout);
		return EXIT_ALL_OK;
	}
	if (!strcmp(argv[1], "--version")) {
		printf("relire %s\n", RELIRE_VERSION);
		return EXIT_ALL_OK;
	}
	if (!strcmp(argv[1], "variants"))
		return variants_main(argc - 1, argv + 1);
	if (!strcmp(argv[1], "merge"))
		return merge_main(argc - 1, argv + 1);
	if (!strcmp(argv[1], "forms"))
		return forms_main(argc - 1, argv + 1);
	if (strcmp(argv[1], "audit") && strcmp(argv[1], "collect")) {
		rl_error("unknown command '%s'", argv[1]);
		fputs("hint: relire audit|collect|merge|variants|forms ...   "
		      "(see "
		      "'relire --help')\n",
		      stderr);
		return EXIT_USAGE;
	}
	rc = options_parse_audit(&opt, argc - 1, argv + 1);
	if (rc >= 0)
		return rc;
	opt.collect_only = !strcmp(argv[1], "collect");
	return batch_run(&opt);
}
