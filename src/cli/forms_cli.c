/*
 * forms_cli.c - the `relire forms` command: make the word-form index of a
 * language's dictionary (formindex.h), which the accent repairs read.
 *
 *   relire forms --out FILE [--lang LANG] [--data-dir DIR]
 *                [--dict-dir DIR] [--unmunch PROGRAM] [--quiet]
 *
 * Hunspell's own unmunch tool (Debian package hunspell-tools) lists the
 * forms of every word list the dictionary is loaded from (the .dic file
 * and the project's dictionaries/LANG word lists, with the .aff file's
 * affix rules). unmunch also prints combinations Hunspell rejects (elided
 * prefixes on words they do not go with), so a form is kept only when
 * Hunspell accepts it, is lower-case and has no apostrophe: the forms an
 * accent repair of a lower-case word can lead to. Hunspell is also asked
 * about each form with its first letter in upper case, and its answer
 * kept with the form (formindex.h). The build runs this for
 * the languages of RELIRE_FORM_INDEX_LANGS; run it yourself for a
 * dictionary given with --dict-dir and put LANG.forms beside it.
 */
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli/forms_cli.h"
#include "common/dict.h"
#include "common/formindex.h"
#include "common/options.h"
#include "common/strmap.h"
#include "common/utf8.h"
#include "common/util.h"
#include "detect/spellfix.h"

extern char **environ;

static const char usage[] =
    "usage: relire forms --out FILE [--lang LANG] [--data-dir DIR] "
    "[--dict-dir DIR] [--unmunch PROGRAM] [--quiet]\n";

struct forms_args {
	const char *out, *data_dir, *dict_dir, *lang, *unmunch;
	int quiet;
};

#define ARG(f) OPTK_STRING, offsetof(struct forms_args, f), 0, 0, NULL

static const struct opt_spec forms_opts[] = {
    {"out", 'o', ARG(out)},
    {"data-dir", 0, ARG(data_dir)},
    {"dict-dir", 0, ARG(dict_dir)},
    {"lang", 0, ARG(lang)},
    {"unmunch", 0, ARG(unmunch)},
    {"quiet", 'q', OPTK_FLAG, offsetof(struct forms_args, quiet), 0, 0, NULL},
    {"help", 'h', OPTK_HELP, 0, 0, 0, NULL},
    {NULL, 0, OPTK_FLAG, 0, 0, 0, NULL},
};

static const struct opt_command forms_command = {forms_opts, usage, usage};

static int parse(struct forms_args *a, int argc, char **argv)
{
	int first, rc;

	memset(a, 0, sizeof(*a));
	a->lang = "fr";
	a->unmunch = "unmunch";
	rc = options_parse_table(&forms_command, a, argc, argv, &first);
	if (rc >= 0)
		return rc;
	if (!a->out || first < argc) {
		rl_error("%s", !a->out ? "forms needs --out FILE"
				       : "forms takes no operands");
		fputs(usage, stderr);
		return EXIT_USAGE;
	}
	if (!a->data_dir)
		a->data_dir = options_default_data_dir();
	return -1;
}

struct collect {
	struct dict *d;
	struct strmap seen; /* forms already judged */
	struct formindex_entry *v;
	size_t n, cap;
	size_t lines;
	struct strbuf key;
};

/* The form of an unmunch line: up to its flags ("/...") or morphology. */
static size_t form_len(const char *line)
{
	return strcspn(line, "/ \t\r\n");
}

/* Can an accent repair of a lower-case word lead to s[0..len)? */
static int wanted(const char *s, size_t len)
{
	size_t i = 0;

	while (i < len) {
		int32_t c = utf8_next(s, &i, len);
		if (c < 0 || uc_is_upper(c) || uc_is_apostrophe(c))
			return 0;
	}
	return len > 0;
}

/* What Hunspell says of the accepted form s[0..len) with its first letter
 * in upper case (dict_capitalized_spelling): FORMINDEX_CAPITALIZED when it
 * accepts it ("Maison"), else 0. */
static unsigned capital_flag(struct collect *c, const char *s, size_t len)
{
	char buf[256];
	size_t n = dict_capitalized_spelling(s, len, buf, sizeof(buf));

	return n && dict_probe(c->d, buf, n) ? FORMINDEX_CAPITALIZED : 0;
}

static void consider(struct collect *c, const char *s, size_t len)
{
	c->lines++;
	if (!wanted(s, len) || strmap_find(&c->seen, s, len))
		return;
	*strmap_put(&c->seen, s, len) = 1;
	if (!dict_probe(c->d, s, len) ||
	    spellfix_key(c->d, s, len, &c->key) < 0)
		return;
	GROW(c->v, c->cap, c->n + 1);
	c->v[c->n].key = xmemdup(c->key.buf, c->key.len);
	c->v[c->n].flags = capital_flag(c, s, len);
	c->v[c->n++].form = xmemdup(s, len);
}

/* Run unmunch on one word list and consider every form it prints. */
static int unmunch_list(struct collect *c, const char *unmunch,
			const char *list, const char *aff)
{
	char *argv[] = {(char *)unmunch, (char *)list, (char *)aff, NULL};
	posix_spawn_file_actions_t fa;
	int fds[2], status, e;
	char *line = NULL;
	size_t cap = 0;
	pid_t pid;
	FILE *fp;

	if (pipe(fds) != 0)
		return rl_error("cannot create a pipe: %s", strerror(errno));
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, fds[1], STDOUT_FILENO);
	posix_spawn_file_actions_addclose(&fa, fds[0]);
	posix_spawn_file_actions_addclose(&fa, fds[1]);
	/* unmunch reports every line it parses on standard error */
	posix_spawn_file_actions_addopen(&fa, STDERR_FILENO, "/dev/null",
					 O_WRONLY, 0);
	e = posix_spawnp(&pid, unmunch, &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	close(fds[1]);
	if (e != 0) {
		close(fds[0]);
		return rl_error("cannot run '%s' (install the Debian package "
				"hunspell-tools): %s",
				unmunch, strerror(e));
	}
	fp = fdopen(fds[0], "r");
	while (fp && getline(&line, &cap, fp) > 0)
		consider(c, line, form_len(line));
	free(line);
	if (fp)
		fclose(fp);
	else
		close(fds[0]);
	if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) ||
	    WEXITSTATUS(status) != 0)
		return rl_error("'%s %s %s' failed", unmunch, list, aff);
	return 0;
}

static int write_index(struct collect *c, const char *out)
{
	char *tmp = tmp_path_for(out);
	FILE *fp = fopen_new(tmp, 0);
	int rc, err;

	if (!fp) {
		rc = rl_write_error(tmp, errno);
		free(tmp);
		return rc;
	}
	rc = formindex_write(fp, dict_fingerprint(c->d), c->v, c->n);
	/* formindex_write() does not look at the stream's error flag: a
	 * write that failed on the way is seen here, after the last flush */
	err = fflush(fp) != 0 || ferror(fp) ? (errno ? errno : EIO) : 0;
	if (fclose(fp) != 0 && !err)
		err = errno;
	if (err || rc < 0) {
		remove(tmp);
		free(tmp);
		return rl_error("cannot write '%s': %s", out,
				err ? strerror(err) : "too many forms");
	}
	rc = commit_tmp(tmp, out);
	free(tmp);
	return rc;
}

int forms_main(int argc, char **argv)
{
	struct forms_args a;
	struct collect c;
	const char *const *lists;
	size_t nlists;
	int rc = parse(&a, argc, argv);

	if (rc >= 0)
		return rc;
	memset(&c, 0, sizeof(c));
	c.d = dict_open(a.lang, a.dict_dir, a.data_dir);
	if (!c.d)
		return EXIT_USAGE;
	/* Every form is asked of Hunspell itself, never of an index made
	 * before from the same files. */
	dict_no_forms(c.d);
	strmap_init(&c.seen);
	sb_init(&c.key);
	nlists = dict_word_lists(c.d, &lists);
	rc = 0;
	for (size_t i = 0; i < nlists && rc == 0; i++)
		rc = unmunch_list(&c, a.unmunch, lists[i], dict_aff_path(c.d));
	if (rc == 0)
		rc = write_index(&c, a.out);
	if (rc == 0 && !a.quiet)
		fprintf(stderr,
			"relire: %zu forms of '%s' indexed in %s "
			"(%zu lines of unmunch)\n",
			c.n, a.lang, a.out, c.lines);
	for (size_t i = 0; i < c.n; i++) {
		free(c.v[i].key);
		free(c.v[i].form);
	}
	free(c.v);
	strmap_release(&c.seen);
	sb_release(&c.key);
	dict_free(c.d);
	return rc < 0 ? EXIT_INTERNAL : EXIT_ALL_OK;
}
