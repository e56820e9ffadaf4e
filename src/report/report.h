/*
 * report.h - the CSV reports and cleaned texts of a run (docs/formats.md).
 *
 * Outputs are complete or absent: every file is written under a temporary
 * name in the output directory and renamed into place by report_commit(),
 * so an interrupted run leaves the previous complete reports. Rows are
 * written as articles complete (streaming); nothing grows with the batch.
 * The CSVs and cleaned texts are always written; report.html (with its
 * html/ pages) and report.xlsx only when opt->reports names them, and a
 * previous run's report that this run does not write is removed by
 * report_commit() (outdir.h).
 */
#ifndef RELIRE_REPORT_H
#define RELIRE_REPORT_H

#include <stdio.h>

#include "common/article.h"
#include "common/options.h"
#include "common/score.h"

struct report;

/* Create opt->out_dir and open the temporary report files; articles are
 * scored with model (borrowed, must outlive the report). Returns NULL
 * after printing the error. */
struct report *report_open(const struct options *opt,
			   const struct score_model *model);

/* Append the rows of one processed (or failed) article and write its
 * cleaned text: clean[0..len), which the caller computed with
 * article_clean_text() (a worker thread, off the writer's path), or NULL
 * to have it computed here. Borrowed. Returns 0, or -1 after printing a
 * write error. */
int report_article(struct report *r, struct article *a, const char *clean,
		   size_t len);

/*
 * report_article() in two steps, so that the workers format the rows and
 * the writer only appends them. report_format() sorts a's findings,
 * scores it and formats its rows for every report (CSV, HTML, workbook)
 * on any thread: it reads only r's options, which never change; NULL when
 * memory runs out. report_article_rows() is report_article() with those
 * rows (borrowed, NULL: format them here), called as report_article is,
 * in the batch's order: the reports get the same bytes. Rows formatted
 * for an article whose status has changed since (its clean file could
 * not be written) are formatted again.
 */
struct report_rows;

struct report_rows *report_format(const struct report *r, struct article *a);
int report_article_rows(struct report *r, struct article *a, const char *clean,
			size_t len, const struct report_rows *rows);
void report_rows_free(struct report_rows *rows);

/* Open one more output file, OUT/name, written under a temporary name and
 * renamed with the others by report_commit(). The caller writes and
 * fcloses it. NULL after printing the error. */
FILE *report_add_file(struct report *r, const char *name);

/* Rename every temporary file into place and free r. 0 or -1 (printed). */
int report_commit(struct report *r);
/* Remove the temporary files and free r (NULL is a no-op). */
void report_abort(struct report *r);

/* Print the closing summary (articles, failures, scores, where the reports
 * are) to stderr. */
void report_summary(const struct report *r);

/* Path under the clean/ directory for an article id: never escapes it
 * ("../../x" -> "__/__/x", "/abs" -> "abs"). Caller frees. */
char *report_safe_path(const char *id);

#endif
