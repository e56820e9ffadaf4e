/*
 * outdir.h - the output directory across runs: what an earlier run (and
 * an editor after it) left there, and what this run may replace.
 *
 * - OUT/variants.csv, which an editor may have edited, is read back by
 *   the next run into OUT (unless --variants names another table): the
 *   editor's statuses and canonicals win over what the run finds.
 * - Before a report an editor may have changed is replaced by different
 *   content, the old file is kept as NAME.~N~ (N one more than the
 *   highest existing, as GNU cp --backup=numbered names them).
 * - A run writes clean/ or clean.txt (--per-line), never both: the one it
 *   did not write is removed when the run commits.
 * - The reports for people that --reports leaves out (report.html and
 *   html/, report.xlsx) are removed when the run commits: left there, they
 *   would describe an earlier run beside this run's CSVs.
 */
#ifndef RELIRE_OUTDIR_H
#define RELIRE_OUTDIR_H

#include "common/options.h"

/* The table of an earlier run to read back: OUT/variants.csv when this
 * run writes reports into OUT, reads no --variants or --corpus table and
 * the file exists; else NULL. Caller frees. */
char *outdir_previous_variants(const struct options *opt);

/* Keep final as final.~N~ when it exists and differs from the file at
 * tmp, which is about to replace it. 0, or -1 after printing the error
 * (final is then left in place). */
int outdir_backup(const char *final, const char *tmp);

/* Remove the clean texts an earlier run left in the form this run did not
 * write (clean/ under --per-line, else clean.txt), never following a
 * symbolic link. 0, or -1 after printing the error. */
int outdir_prune_clean(const struct options *opt);

/* Remove report.html and html/, or report.xlsx, when this run does not
 * write them (opt->reports) and an earlier run left them, never following
 * a symbolic link. 0, or -1 after printing the error. */
int outdir_prune_reports(const struct options *opt);

#endif
