/*
 * fuzz_main.c - replay driver: runs a fuzz target once on every file named
 * on the command line, and on every file of every directory named (in
 * sorted order, hidden files skipped), without libFuzzer. ctest uses it to
 * replay the committed seed corpus and every past crash:
 *
 *     fuzz_decode tests/fuzz/corpus/decode tests/fuzz/crashes/decode
 *
 * A crash or a broken invariant aborts, which fails the test.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"
#include "common/util.h"

/* Above libFuzzer's usual inputs, below anything a test should hold. */
#define REPLAY_MAX_INPUT ((size_t)64 << 20)

static size_t replayed;

static int replay_file(const char *path)
{
	char *buf;
	size_t len;
	int rc = read_file(path, REPLAY_MAX_INPUT, &buf, &len);

	if (rc < 0)
		return rl_error("cannot read '%s': %s", path, strerror(-rc));
	LLVMFuzzerTestOneInput((const uint8_t *)buf, len);
	free(buf);
	replayed++;
	return 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int replay_dir(const char *dir)
{
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *de;
	struct strbuf path;
	DIR *dp = opendir(dir);
	int rc = 0;

	if (!dp)
		return rl_error("cannot open '%s': %s", dir, strerror(errno));
	while ((de = readdir(dp))) {
		if (de->d_name[0] == '.')
			continue;
		GROW(names, cap, n + 1);
		names[n++] = xstrdup(de->d_name);
	}
	closedir(dp);
	xqsort(names, n, sizeof(*names), cmp_str);
	sb_init(&path);
	for (size_t i = 0; i < n; i++) {
		sb_reset(&path);
		sb_addf(&path, "%s/%s", dir, names[i]);
		if (replay_file(path.buf) < 0)
			rc = -1;
		free(names[i]);
	}
	free(names);
	sb_release(&path);
	return rc;
}

int main(int argc, char **argv)
{
	int rc = 0;

	if (argc < 2) {
		fprintf(stderr, "usage: %s FILE|DIR...\n", argv[0]);
		return 2;
	}
	for (int i = 1; i < argc; i++) {
		struct stat st;

		if (stat(argv[i], &st) < 0)
			rc |= rl_error("cannot read '%s': %s", argv[i],
				       strerror(errno));
		else if (S_ISDIR(st.st_mode))
			rc |= replay_dir(argv[i]);
		else
			rc |= replay_file(argv[i]);
	}
	printf("%s: replayed %zu input%s\n", argv[0], replayed,
	       replayed == 1 ? "" : "s");
	return rc ? 1 : 0;
}
