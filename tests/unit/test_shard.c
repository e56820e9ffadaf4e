/*
 * test_shard.c - --shard K/N: the N shards of an input list, put back
 * together in order, are the whole list, for whole-file articles and for
 * the lines of --per-line files, for every N from 1 to past the number of
 * articles; shards are balanced by bytes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/inputs.h"
#include "common/util.h"
#include "harness.h"

static char tmpdir[] = "/tmp/relire-shard.XXXXXX";

/* A batch: files named f0.txt, f1.txt... with these contents. */
struct batch_case {
	const char *name;
	const char *files[6];
};

static const struct batch_case cases[] = {
    {"equal sizes", {"aaaa\n", "bbbb\n", "cccc\n", "dddd\n", NULL}},
    {"one large first",
     {"a long article with many bytes in it, far more than the others\n", "b\n",
      "c\n", "d\n", NULL}},
    {"empty files", {"", "x\n", "", "", "yy\n", NULL}},
    {"no final newline",
     {"one\ntwo\nthree", "\n\n\n", "a\r\nb\r\n", "last line", NULL}},
    {"long lines",
     {"short\na line much longer than the shard size of a small batch, so "
      "it spans several shards\nend\n",
      NULL}},
    {"single", {"only\n", NULL}},
};

static size_t write_batch(const struct batch_case *c, char **paths)
{
	size_t n = 0;

	for (; c->files[n]; n++) {
		struct strbuf sb;
		FILE *fp;

		sb_init(&sb);
		sb_addf(&sb, "%s/f%zu.txt", tmpdir, n);
		fp = fopen(sb.buf, "wb");
		if (fp) {
			fputs(c->files[n], fp);
			fclose(fp);
		}
		paths[n] = sb_detach(&sb, NULL);
	}
	return n;
}

/* Append every record of in (id:line<TAB>text) to out, as the batch reads
 * them. Records mode; whole-file mode appends the ids. */
static void list_records(const struct inputs *in, int records,
			 struct strbuf *out)
{
	for (size_t i = 0; i < in->n; i++) {
		const struct input *it = &in->v[i];
		char *line = NULL;
		size_t cap = 0, lineno;
		long long pos;
		ssize_t n;
		FILE *fp;

		if (!records) {
			sb_addf(out, "%s\n", it->id);
			continue;
		}
		fp = input_open_records(it, &lineno, &pos);
		if (!fp) {
			sb_addf(out, "%s: cannot open\n", it->id);
			continue;
		}
		while (!input_past_slice(it, pos) &&
		       (n = getline(&line, &cap, fp)) > 0) {
			lineno++;
			pos += n;
			sb_addf(out, "%s:%zu\t", it->id, lineno);
			sb_add(out, line, (size_t)n);
			if (line[n - 1] != '\n')
				sb_addc(out, '\n');
		}
		free(line);
		fclose(fp);
	}
}

static void check_union(const struct batch_case *c, char **paths, size_t nfiles,
			int records)
{
	struct strbuf whole, joined;
	struct inputs in;

	sb_init(&whole);
	inputs_collect(&in, paths, nfiles);
	list_records(&in, records, &whole);
	inputs_release(&in);
	for (unsigned long n = 1; n <= 8; n++) {
		sb_init(&joined);
		for (unsigned long k = 0; k < n; k++) {
			inputs_collect(&in, paths, nfiles);
			inputs_shard(&in, k, n, records);
			list_records(&in, records, &joined);
			inputs_release(&in);
		}
		CHECK_MSG(!strcmp(whole.buf, joined.buf),
			  "%s, %s, %lu shards:\n%s--- want\n%s", c->name,
			  records ? "lines" : "files", n, joined.buf,
			  whole.buf);
		sb_release(&joined);
	}
	sb_release(&whole);
}

static void test_union_is_whole(void)
{
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *paths[6];
		size_t n = write_batch(&cases[i], paths);

		check_union(&cases[i], paths, n, 0);
		check_union(&cases[i], paths, n, 1);
		for (size_t j = 0; j < n; j++) {
			unlink(paths[j]);
			free(paths[j]);
		}
	}
}

/* 40 files of 1 to 40 lines: no shard of 4 holds more than its quarter of
 * the bytes plus one article (cut by count, the last shard would hold 43%
 * of the bytes, the first 6.7%). */
static void test_balanced_by_bytes(void)
{
	char *paths[40];
	size_t bytes[4] = {0}, total = 0, largest = 0;
	struct inputs in;

	for (size_t i = 0; i < 40; i++) {
		struct strbuf sb;
		FILE *fp;

		sb_init(&sb);
		sb_addf(&sb, "%s/g%02zu.txt", tmpdir, i);
		fp = fopen(sb.buf, "wb");
		for (size_t l = 0; fp && l <= i; l++)
			fputs("une ligne de texte\n", fp);
		if (fp)
			fclose(fp);
		paths[i] = sb_detach(&sb, NULL);
		total += 19 * (i + 1);
		largest = 19 * (i + 1);
	}
	for (unsigned long k = 0; k < 4; k++) {
		inputs_collect(&in, paths, 40);
		inputs_shard(&in, k, 4, 0);
		for (size_t i = 0; i < in.n; i++) {
			FILE *fp = fopen(in.v[i].path, "rb");
			if (fp && !fseek(fp, 0, SEEK_END))
				bytes[k] += (size_t)ftell(fp);
			if (fp)
				fclose(fp);
		}
		inputs_release(&in);
	}
	for (size_t k = 0; k < 4; k++)
		CHECK_MSG(bytes[k] <= total / 4 + largest,
			  "shard %zu has %zu of %zu bytes", k, bytes[k], total);
	for (size_t i = 0; i < 40; i++) {
		unlink(paths[i]);
		free(paths[i]);
	}
}

/* An unreadable input is one failed article: it lands in one shard. */
static void test_missing_file_once(void)
{
	char a[] = "/nonexistent/a.txt", b[] = "/nonexistent/b.txt";
	char *paths[] = {a, b};
	size_t seen = 0;
	struct inputs in;

	for (int records = 0; records < 2; records++)
		for (unsigned long k = 0; k < 3; k++) {
			inputs_collect(&in, paths, 2);
			inputs_shard(&in, k, 3, records);
			seen += in.n;
			inputs_release(&in);
		}
	CHECK_EQ(seen, 4);
}

int main(void)
{
	if (!mkdtemp(tmpdir)) {
		perror("mkdtemp");
		return 1;
	}
	RUN(test_union_is_whole);
	RUN(test_balanced_by_bytes);
	RUN(test_missing_file_once);
	rmdir(tmpdir);
	return harness_done();
}
