/*
 * fuzz_formindex.c - fuzz target for the word-form index reader
 * (formindex_open, formindex_find, formindex_form): the index is a file
 * mapped from disk, so any bytes may be in it.
 *
 * The input is written to a temporary file and opened with the
 * fingerprint its header claims (so that the checks behind the header are
 * reached). When it is accepted, every entry's key must find a range that
 * holds the entry's own position or an equal key, and every form must be
 * a string inside the file, followed by its byte of flags.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/formindex.h"
#include "fuzz.h"

static char path[64];

static void write_input(const uint8_t *data, size_t size)
{
	FILE *fp;

	if (!path[0]) {
		int fd;
		snprintf(path, sizeof(path), "/tmp/relire-fuzz-forms-XXXXXX");
		fd = mkstemp(path);
		if (fd < 0)
			fuzz_fail("cannot create a temporary file");
		close(fd);
	}
	fp = fopen(path, "wb");
	if (!fp || fwrite(data, 1, size, fp) != size || fclose(fp) != 0)
		fuzz_fail("cannot write %s", path);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint64_t fingerprint = 0;
	struct formindex *fi;

	if (size >= 16)
		memcpy(&fingerprint, data + 8, sizeof(fingerprint));
	write_input(data, size);
	fi = formindex_open(path, fingerprint);
	if (!fi)
		return 0;
	if (formindex_count(fi) > size)
		fuzz_fail("%zu entries in %zu bytes", formindex_count(fi),
			  size);
	for (size_t i = 0; i < formindex_count(fi); i++) {
		const char *key = formindex_key(fi, i);
		size_t first, n = formindex_find(fi, key, strlen(key), &first);

		if (first > formindex_count(fi) ||
		    n > formindex_count(fi) - first)
			fuzz_fail("entries [%zu, +%zu) of %zu", first, n,
				  formindex_count(fi));
		for (size_t j = first; j < first + n; j++)
			if (strcmp(formindex_key(fi, j), key) ||
			    strlen(formindex_form(fi, j)) > size ||
			    formindex_flags(fi, j) > 0xFF)
				fuzz_fail("entry %zu does not match key %zu", j,
					  i);
	}
	formindex_free(fi);
	return 0;
}
