/*
 * merge.c - combine sharded outputs (see merge.h). CSV goes through
 * csvio (libcsv) both ways: rows are validated while read, and fields are
 * written back byte for byte (already neutralized by the shard's run).
 */
#include "corpus/merge.h"

#include <dirent.h>
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/csvio.h"
#include "common/dict.h"
#include "common/options.h"
#include "common/strmap.h"
#include "common/util.h"
#include "corpus/namekey.h"
#include "corpus/names.h"
#include "corpus/variants.h"
#include "detect/boilerplate.h"

struct merge {
	const char *out;
	const char *data_dir, *dict_dir, *lang;
	char **shards;
	size_t nshards;
	char **pending_tmp, **pending_final; /* renamed at the end */
	size_t npending, cap1, cap2;
	struct strmap finals; /* pending_final -> 1 + its shard's index */
	size_t shard;	      /* the shard being merged */
	int input_error;      /* the shards cannot be merged: exit 2 */
	int quiet;	      /* no summary line */
};

static const char usage[] =
    "usage: relire merge [--out DIR] [--data-dir DIR] [--dict-dir DIR]\n"
    "                    [--lang CODE] [--quiet] SHARD_OUT...\n";

static char *path2(const char *dir, const char *name)
{
	struct strbuf sb;

	sb_init(&sb);
	sb_addf(&sb, "%s/%s", dir, name);
	return sb_detach(&sb, NULL);
}

static int exists(const char *path)
{
	return access(path, F_OK) == 0;
}

/*
 * Close a stream that was written. 0, or the cause of the first failure
 * (an errno value): a write that failed earlier leaves the stream's error
 * flag set while fclose() may still succeed, so the flag is checked after
 * the final flush. err is the errno seen by the writer, 0 when unknown.
 */
static int close_written(FILE *fp, int err)
{
	int bad = fflush(fp) != 0 || ferror(fp);

	if (bad && !err)
		err = errno ? errno : EIO;
	if (fclose(fp) != 0 && !bad)
		return errno ? errno : EIO;
	return bad ? err : 0;
}

/* Register dir/name for the final rename; returns its temporary path,
 * or NULL (printed) when another shard already gave that file: shards
 * that overlap cannot be merged, and nothing is renamed. */
static const char *pending(struct merge *m, const char *name)
{
	char *final = path2(m->out, name);
	int64_t *from = strmap_put(&m->finals, final, strlen(final));

	if (*from && (size_t)*from - 1 != m->shard) {
		rl_error("'%s' and '%s' both hold '%s': the shards overlap",
			 m->shards[*from - 1], m->shards[m->shard], name);
		m->input_error = 1;
		free(final);
		return NULL;
	}
	*from = (int64_t)m->shard + 1;
	GROW(m->pending_tmp, m->cap1, m->npending + 1);
	GROW(m->pending_final, m->cap2, m->npending + 1);
	m->pending_final[m->npending] = final;
	m->pending_tmp[m->npending] = tmp_path_for(final);
	return m->pending_tmp[m->npending++];
}

struct csv_cat {
	struct csvw *w;
	size_t header_fields;
	char *header; /* joined header of the first shard */
	const char *name;
	int first;  /* the next row is a header */
	int failed; /* a write failed, with errno err */
	int err;
};

static char *join_row(const struct csv_row *row)
{
	struct strbuf sb;

	sb_init(&sb);
	for (size_t i = 0; i < row->n; i++) {
		sb_add(&sb, row->fields[i], row->lens[i]);
		sb_addc(&sb, '\x1f');
	}
	return sb_detach(&sb, NULL);
}

static int cat_row(const struct csv_row *row, void *ud)
{
	struct csv_cat *c = ud;

	if (c->first) {
		char *h = join_row(row);
		c->first = 0;
		if (!c->header) {
			c->header = h;
		} else {
			int same = !strcmp(h, c->header);
			free(h);
			if (!same) {
				rl_error("'%s': header differs from the first "
					 "shard's",
					 c->name);
				return 1;
			}
			return 0;
		}
	}
	for (size_t i = 0; i < row->n; i++)
		csvw_raw(c->w, row->fields[i], row->lens[i]);
	if (csvw_end(c->w) < 0 && !c->failed) {
		c->failed = 1;
		c->err = errno;
	}
	return c->failed;
}

/* Open the output name of merge_csv. 0, or -1 (printed). */
static int open_cat(struct merge *m, const char *name, struct csv_cat *cat,
		    FILE **fp)
{
	*fp = fopen_new(pending(m, name), 0);
	if (!*fp)
		return rl_error("cannot write '%s/%s': %s", m->out, name,
				strerror(errno));
	cat->w = csvw_new(*fp, 0);
	return 0;
}

/* Concatenate name (quality.csv, findings.csv) of every shard that has
 * it. 0, or -1 (printed). */
static int merge_csv(struct merge *m, const char *name)
{
	struct csv_cat cat = {0};
	FILE *fp = NULL;
	int rc = 0, err;

	for (size_t i = 0; i < m->nshards && rc == 0; i++) {
		char *src = path2(m->shards[i], name);
		if (exists(src)) {
			if (!fp)
				rc = open_cat(m, name, &cat, &fp);
			cat.first = 1;
			cat.name = src;
			if (fp && csv_read_file(src, cat_row, &cat) != 0) {
				/* a shard that is unreadable, malformed or
				 * of another header is bad input (exit 2) */
				m->input_error = !cat.failed;
				rc = -1;
			}
		}
		free(src);
	}
	csvw_free(cat.w);
	free(cat.header);
	err = fp ? close_written(fp, cat.err) : 0;
	if ((cat.failed || err) && (rc == 0 || cat.failed))
		rc = rl_error("cannot write '%s/%s': %s", m->out, name,
			      strerror(err ? err : EIO));
	return rc;
}

static int copy_file(const char *src, const char *dst)
{
	char *buf;
	size_t len;
	FILE *fp;
	int err, rc = read_file(src, (size_t)-1, &buf, &len);

	if (rc < 0)
		return rl_error("cannot read '%s': %s", src, strerror(-rc));
	fp = fopen_new(dst, 0);
	if (!fp) {
		rc = rl_write_error(dst, errno);
	} else {
		err = fwrite(buf, 1, len, fp) != len ? errno : 0;
		err = close_written(fp, err);
		if (err)
			rc = rl_write_error(dst, err);
	}
	free(buf);
	return rc;
}

/* Copy the tree src (a shard's clean/) under rel into the output. */
static int merge_tree(struct merge *m, const char *src, const char *rel)
{
	DIR *dp = opendir(src);
	struct dirent *de;
	int rc = 0;

	if (!dp)
		return rl_error("cannot read '%s': %s", src, strerror(errno));
	while (rc == 0 && (de = readdir(dp))) {
		struct stat st;
		char *s, *r;

		if (de->d_name[0] == '.')
			continue; /* ., .. and temporary files */
		s = path2(src, de->d_name);
		r = path2(rel, de->d_name);
		if (stat(s, &st) == 0 && S_ISDIR(st.st_mode)) {
			rc = merge_tree(m, s, r);
		} else {
			const char *tmp = pending(m, r);
			char *dir = xstrdup(r);
			char *slash = strrchr(dir, '/');

			/* never through a symbolic link inside OUT */
			if (slash)
				*slash = '\0';
			rc = !tmp ? -1
			     : mkdir_below(m->out, slash ? dir : "") < 0
				 ? rl_error("cannot create '%s/%s': %s", m->out,
					    dir, strerror(errno))
				 : copy_file(s, tmp);
			free(dir);
		}
		free(s);
		free(r);
	}
	closedir(dp);
	return rc;
}

static int merge_clean(struct merge *m)
{
	int rc = 0;

	for (size_t i = 0; i < m->nshards && rc == 0; i++) {
		char *src = path2(m->shards[i], "clean");
		struct stat st;

		m->shard = i;
		if (stat(src, &st) == 0 && S_ISDIR(st.st_mode))
			rc = merge_tree(m, src, "clean");
		free(src);
	}
	return rc;
}

/* Append the file src to fp. 0, or -1 (printed; *err is the cause of a
 * failed write). */
static int append_file(FILE *fp, const char *src, const char *out, int *err)
{
	char *buf;
	size_t len;
	int rc = read_file(src, (size_t)-1, &buf, &len);

	if (rc < 0)
		return rl_error("cannot read '%s': %s", src, strerror(-rc));
	if (fwrite(buf, 1, len, fp) != len) {
		*err = errno;
		rc = rl_error("cannot write '%s/clean.txt': %s", out,
			      strerror(errno));
	}
	free(buf);
	return rc;
}

/* clean.txt of --per-line runs, concatenated in shard order. */
static int merge_clean_lines(struct merge *m)
{
	FILE *fp = NULL;
	int rc = 0, err = 0;

	for (size_t i = 0; i < m->nshards && rc == 0; i++) {
		char *src = path2(m->shards[i], "clean.txt");
		if (exists(src)) {
			if (!fp &&
			    !(fp = fopen_new(pending(m, "clean.txt"), 0)))
				rc = rl_error("cannot write '%s/clean.txt': %s",
					      m->out, strerror(errno));
			else
				rc = append_file(fp, src, m->out, &err);
		}
		free(src);
	}
	if (fp && (err = close_written(fp, err)) != 0 && rc == 0)
		rc = rl_error("cannot write '%s/clean.txt': %s", m->out,
			      strerror(err));
	return rc;
}

static int same_files(char **paths, size_t n)
{
	char *first, *other;
	size_t flen, olen;
	int same = 1;

	if (read_file(paths[0], (size_t)1 << 30, &first, &flen) < 0)
		return 0;
	for (size_t i = 1; i < n && same; i++) {
		if (read_file(paths[i], (size_t)1 << 30, &other, &olen) < 0)
			same = 0;
		else {
			same = olen == flen && !memcmp(first, other, flen);
			free(other);
		}
	}
	free(first);
	return same;
}

static int merge_variants(struct merge *m)
{
	char **paths = xcalloc(m->nshards, sizeof(char *));
	size_t n = 0;
	int rc = 0;

	for (size_t i = 0; i < m->nshards; i++) {
		char *p = path2(m->shards[i], "variants.csv");
		if (exists(p))
			paths[n++] = p;
		else
			free(p);
	}
	if (n && same_files(paths, n)) {
		rc = copy_file(paths[0], pending(m, "variants.csv"));
	} else if (n) {
		struct namekey *nk = namekey_open(m->data_dir);
		struct dict *d =
		    dict_try_open(m->lang, m->dict_dir, m->data_dir);
		struct variants_opts vo;
		struct name_rules rules;
		int have_rules =
		    name_rules_load(&rules, m->data_dir, m->lang) == 0;

		variants_opts_init(&vo);
		vo.suggest_max = 0; /* as in an audit run (corpus.c) */
		vo.rules = have_rules ? &rules : NULL;
		rc = nk && have_rules
			 ? variants_merge_files((const char *const *)paths, n,
						pending(m, "variants.csv"), nk,
						d, &vo)
			 : -1;
		if (rc == -2)
			m->input_error = 1;
		if (have_rules)
			name_rules_release(&rules);
		namekey_free(nk);
		dict_free(d);
	}
	for (size_t i = 0; i < n; i++)
		free(paths[i]);
	free(paths);
	return rc < 0 ? -1 : 0;
}

static int merge_counts(struct merge *m)
{
	struct bp_counts *c = bp_counts_new();
	size_t found = 0;
	int rc = 0;

	for (size_t i = 0; i < m->nshards && rc == 0; i++) {
		char *p = path2(m->shards[i], "line-counts.csv");
		if (exists(p)) {
			rc = bp_counts_read(c, p);
			m->input_error = rc < 0; /* a malformed shard */
			found++;
		}
		free(p);
	}
	if (rc == 0 && found)
		rc = bp_counts_write(c, pending(m, "line-counts.csv"), 1);
	bp_counts_free(c);
	return rc < 0 ? -1 : 0;
}

#define ARG(f) OPTK_STRING, offsetof(struct merge, f), 0, 0, NULL

static const struct opt_spec merge_opts[] = {
    {"out", 'o', ARG(out)},
    {"data-dir", 0, ARG(data_dir)},
    {"dict-dir", 0, ARG(dict_dir)},
    {"lang", 'l', ARG(lang)},
    {"quiet", 'q', OPTK_FLAG, offsetof(struct merge, quiet), 0, 0, NULL},
    {"help", 'h', OPTK_HELP, 0, 0, 0, NULL},
    {NULL, 0, OPTK_FLAG, 0, 0, 0, NULL},
};

static const struct opt_command merge_command = {merge_opts, usage, usage};

static int parse(struct merge *m, int argc, char **argv)
{
	int first, rc;

	m->out = "reports";
	m->lang = "fr";
	m->data_dir = options_default_data_dir();
	rc = options_parse_table(&merge_command, m, argc, argv, &first);
	if (rc >= 0)
		return rc;
	if (first >= argc) {
		rl_error("no shard output given");
		fputs(usage, stderr);
		return EXIT_USAGE;
	}
	m->shards = argv + first;
	m->nshards = (size_t)(argc - first);
	return -1;
}

/* Is every shard the output of an audit or collect run? 0, or -1
 * (printed): a misspelt shard would otherwise merge as an empty one. */
static int check_shards(const struct merge *m)
{
	static const char *const marks[] = {"quality.csv", "variants.csv"};

	for (size_t i = 0; i < m->nshards; i++) {
		int found = 0;

		for (size_t k = 0; k < ARRAY_SIZE(marks) && !found; k++) {
			char *p = path2(m->shards[i], marks[k]);
			found = exists(p);
			free(p);
		}
		if (found)
			continue;
		if (access(m->shards[i], F_OK) != 0)
			return rl_error("cannot read '%s': %s", m->shards[i],
					strerror(errno));
		return rl_error("'%s' is not the output of 'relire audit' or "
				"'relire collect' (no quality.csv, no "
				"variants.csv)",
				m->shards[i]);
	}
	return 0;
}

int merge_main(int argc, char **argv)
{
	struct merge m;
	int rc;

	memset(&m, 0, sizeof(m));
	rc = parse(&m, argc, argv);
	if (rc >= 0)
		return rc;
	if (check_shards(&m) < 0)
		return EXIT_USAGE;
	if (mkdir_p(m.out) < 0) {
		/* the outputs cannot be written: exit 3, as audit does */
		rl_error("cannot create '%s': %s", m.out, strerror(errno));
		return EXIT_INTERNAL;
	}
	strmap_init(&m.finals);
	rc = merge_csv(&m, "quality.csv");
	rc = rc ? rc : merge_csv(&m, "findings.csv");
	rc = rc ? rc : merge_clean(&m);
	rc = rc ? rc : merge_clean_lines(&m);
	rc = rc ? rc : merge_variants(&m);
	rc = rc ? rc : merge_counts(&m);
	/* Everything written: rename; the reports that index the clean
	 * texts last, as in an audit run. */
	for (size_t i = m.npending; i-- > 0;) {
		if (rc == 0)
			rc = commit_tmp(m.pending_tmp[i], m.pending_final[i]);
		else
			unlink(m.pending_tmp[i]);
		free(m.pending_tmp[i]);
		free(m.pending_final[i]);
	}
	free(m.pending_tmp);
	free(m.pending_final);
	strmap_release(&m.finals);
	if (rc == 0 && !m.quiet)
		fprintf(stderr,
			"relire: merged %zu shard%s into '%s' (%zu file%s)\n",
			m.nshards, m.nshards == 1 ? "" : "s", m.out, m.npending,
			m.npending == 1 ? "" : "s");
	return !rc ? EXIT_ALL_OK : m.input_error ? EXIT_USAGE : EXIT_INTERNAL;
}
