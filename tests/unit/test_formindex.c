/*
 * test_formindex.c - the word-form index file: what is written is found,
 * and a file made from other dictionary files, cut short or with a bad
 * offset is refused rather than read.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/formindex.h"
#include "harness.h"
#include "common/util.h"

#define FINGERPRINT 0x1234abcdULL

static char path[] = "/tmp/relire-formindex-XXXXXX";

/* Write an index of the pairs (key, form) of a NULL-terminated list. */
static void write_pairs(const char *const *pairs, uint64_t fingerprint)
{
	struct formindex_entry v[16];
	size_t n = 0;
	FILE *fp = fopen(path, "wb");

	for (; pairs[2 * n]; n++) {
		v[n].key = xstrdup(pairs[2 * n]);
		v[n].form = xstrdup(pairs[2 * n + 1]);
		/* flags of a form: capitalized when it has an accent */
		v[n].flags =
		    strcmp(v[n].key, v[n].form) ? FORMINDEX_CAPITALIZED : 0;
	}
	CHECK(fp != NULL);
	CHECK_EQ(formindex_write(fp, fingerprint, v, n), 0);
	fclose(fp);
	for (size_t i = 0; i < n; i++) {
		free(v[i].key);
		free(v[i].form);
	}
}

static const char *const pairs[] = {
    "evenement",   "événement",	  "telecharge", "télécharge",
    "telecharge",  "téléchargé",  "etre",	"être",
    "etre",	   "être", /* a duplicate, written once */
    "telechargea", "téléchargea", "a",		"à",
    NULL,
};

static void test_find(void)
{
	static const struct {
		const char *key;
		size_t count;
		const char *first;
	} cases[] = {
	    {"telecharge", 2, "télécharge"}, /* sorted by form */
	    {"telechargea", 1, "téléchargea"},
	    {"etre", 1, "être"},
	    {"a", 1, "à"},
	    {"evenement", 1, "événement"},
	    {"telecharg", 0, NULL}, /* a prefix of keys is not a key */
	    {"zzz", 0, NULL},
	    {"", 0, NULL},
	};
	struct formindex *fi;

	write_pairs(pairs, FINGERPRINT);
	fi = formindex_open(path, FINGERPRINT);
	CHECK(fi != NULL);
	if (!fi)
		return;
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		size_t first = 0;
		size_t n = formindex_find(fi, cases[i].key,
					  strlen(cases[i].key), &first);
		CHECK_MSG(n == cases[i].count, "%s: %zu forms", cases[i].key,
			  n);
		if (n && cases[i].first)
			CHECK_STR(formindex_form(fi, first), cases[i].first);
		for (size_t e = first; e < first + n; e++)
			CHECK_EQ(
			    formindex_flags(fi, e),
			    strcmp(formindex_key(fi, e), formindex_form(fi, e))
				? FORMINDEX_CAPITALIZED
				: 0);
	}
	formindex_free(fi);
}

/* An index of other dictionary files is not used. */
static void test_fingerprint(void)
{
	write_pairs(pairs, FINGERPRINT);
	CHECK(formindex_open(path, FINGERPRINT + 1) == NULL);
}

/* Damaged files: cut at every length, an offset out of range. */
static void test_damaged(void)
{
	char *buf;
	size_t len;
	FILE *fp;

	write_pairs(pairs, FINGERPRINT);
	CHECK_EQ(read_file(path, 1 << 20, &buf, &len), 0);
	for (size_t cut = 0; cut < len; cut++) {
		fp = fopen(path, "wb");
		fwrite(buf, 1, cut, fp);
		fclose(fp);
		struct formindex *fi = formindex_open(path, FINGERPRINT);
		CHECK_MSG(fi == NULL, "accepted when cut at %zu of %zu", cut,
			  len);
		formindex_free(fi);
	}
	buf[32] = (char)0xff; /* the first offset, past the strings */
	buf[33] = (char)0xff;
	fp = fopen(path, "wb");
	fwrite(buf, 1, len, fp);
	fclose(fp);
	CHECK(formindex_open(path, FINGERPRINT) == NULL);
	CHECK(formindex_open("/nonexistent/fr.forms", FINGERPRINT) == NULL);
	free(buf);
}

int main(void)
{
	int fd = mkstemp(path);

	if (fd < 0)
		return 1;
	close(fd);
	RUN(test_find);
	RUN(test_fingerprint);
	RUN(test_damaged);
	unlink(path);
	return harness_done();
}
