/*
 * outdir.c - the output directory across runs (outdir.h).
 */
#define _XOPEN_SOURCE 700 /* nftw */
#include "report/outdir.h"

#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/util.h"

char *outdir_previous_variants(const struct options *opt)
{
	struct strbuf path;

	if (opt->variants || opt->corpus_dir || opt->collect_only ||
	    (opt->jsonl && !opt->out_given))
		return NULL;
	sb_init(&path);
	sb_addf(&path, "%s/variants.csv", opt->out_dir);
	if (access(path.buf, F_OK) != 0) {
		sb_release(&path);
		return NULL;
	}
	return sb_detach(&path, NULL);
}

/* 1 when the files at a and b hold the same bytes (0 when one cannot be
 * read: then a copy is kept, to be safe). */
static int same_bytes(const char *a, const char *b)
{
	char *x = NULL, *y = NULL;
	size_t nx = 0, ny = 0;
	int same = read_file(a, (size_t)1 << 30, &x, &nx) == 0 &&
		   read_file(b, (size_t)1 << 30, &y, &ny) == 0 && nx == ny &&
		   !memcmp(x, y, nx);

	free(x);
	free(y);
	return same;
}

int outdir_backup(const char *final, const char *tmp)
{
	struct strbuf bak;
	struct stat st;
	int rc = 0;

	if (lstat(final, &st) != 0 || same_bytes(final, tmp))
		return 0;
	sb_init(&bak);
	/* The first free number; numbers are never reused while their
	 * file exists. */
	for (unsigned n = 1;; n++) {
		sb_reset(&bak);
		sb_addf(&bak, "%s.~%u~", final, n);
		if (lstat(bak.buf, &st) != 0 && errno == ENOENT)
			break;
	}
	if (link(final, bak.buf) != 0)
		rc = rl_error("cannot keep a copy of '%s' as '%s': %s", final,
			      bak.buf, strerror(errno));
	else
		rl_warn("'%s' changed since the last run: kept as '%s'", final,
			bak.buf);
	sb_release(&bak);
	return rc;
}

static int remove_entry(const char *path, const struct stat *st, int flag,
			struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	return (flag == FTW_DP ? rmdir(path) : unlink(path)) != 0 ? -1 : 0;
}

/* Remove OUT/name (a file, or a directory and all it holds, never
 * following a symbolic link) when it is there. 0, or -1 after printing
 * the error. */
static int remove_stale(const struct options *opt, const char *name)
{
	struct strbuf path;
	struct stat st;
	int rc = 0;

	sb_init(&path);
	sb_addf(&path, "%s/%s", opt->out_dir, name);
	if (lstat(path.buf, &st) == 0) {
		if (S_ISDIR(st.st_mode))
			rc = nftw(path.buf, remove_entry, 16,
				  FTW_DEPTH | FTW_PHYS);
		else
			rc = unlink(path.buf);
		if (rc != 0)
			rc = rl_error("cannot remove the stale '%s': %s",
				      path.buf, strerror(errno));
	}
	sb_release(&path);
	return rc;
}

int outdir_prune_clean(const struct options *opt)
{
	return remove_stale(opt, opt->per_line ? "clean" : "clean.txt");
}

int outdir_prune_reports(const struct options *opt)
{
	int rc = 0;

	if (!(opt->reports & REPORT_HTML) &&
	    (remove_stale(opt, "report.html") < 0 ||
	     remove_stale(opt, "html") < 0))
		rc = -1;
	if (!(opt->reports & REPORT_XLSX) &&
	    remove_stale(opt, "report.xlsx") < 0)
		rc = -1;
	return rc;
}
