/*
 * relire_namekey.c - compute name keys from a script or a shell: reads one
 * name per line on standard input and prints "name TAB latin TAB key TAB
 * skeleton", then the keys of the other readings (TAB-separated). With
 * --pairs, reads "a TAB b" lines and prints "a TAB b TAB
 * tier TAB similarity", tier being the matching tier the variants table
 * would use for the two names without context (0 when none). Used by
 * tests/bench/names_wikidata.py.
 *
 * Usage: relire_namekey [--pairs] [DATA_DIR]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/util.h"
#include "corpus/namekey.h"
#include "corpus/variants.h"

static void chomp(char *s, size_t *len)
{
	while (*len && (s[*len - 1] == '\n' || s[*len - 1] == '\r'))
		s[--*len] = '\0';
}

static void print_key(struct namekey *nk, const char *s, size_t len)
{
	size_t nl, nkey, nsk;
	char *latin = namekey_latin(nk, s, len, &nl);
	char *key = namekey_key(nk, s, len, &nkey);
	char *sk = namekey_skeleton(key, nkey, &nsk);

	char *alt[4];
	size_t nalt = namekey_alt_keys(nk, s, len, key, alt, 4);

	printf("%s\t%s\t%s\t%s", s, latin, key, sk);
	for (size_t i = 0; i < nalt; i++) {
		printf("\t%s", alt[i]);
		free(alt[i]);
	}
	putchar('\n');
	free(latin);
	free(key);
	free(sk);
}

static void print_pair(struct namekey *nk, char *line)
{
	char *tab = strchr(line, '\t'), *ka, *kb;
	size_t na, nb;
	double sim;
	int tier;

	if (!tab)
		return;
	*tab = '\0';
	ka = namekey_key(nk, line, strlen(line), &na);
	kb = namekey_key(nk, tab + 1, strlen(tab + 1), &nb);
	tier = variants_pair_tier(ka, na, kb, nb, &sim);
	printf("%s\t%s\t%d\t%.3f\n", line, tab + 1, tier, sim);
	free(ka);
	free(kb);
}

int main(int argc, char **argv)
{
	const char *dir = RELIRE_DATA_DIR;
	int pairs = 0;
	struct namekey *nk;
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--pairs"))
			pairs = 1;
		else
			dir = argv[i];
	}
	nk = namekey_open(dir);
	if (!nk)
		return 2;
	while ((n = getline(&line, &cap, stdin)) > 0) {
		size_t len = (size_t)n;
		chomp(line, &len);
		if (pairs)
			print_pair(nk, line);
		else
			print_key(nk, line, len);
	}
	free(line);
	namekey_free(nk);
	return 0;
}
