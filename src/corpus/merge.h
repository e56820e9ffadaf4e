/*
 * merge.h - `relire merge`: combine the outputs of sharded runs.
 *
 * Each SHARD_OUT is the --out directory of a `relire audit` or `relire
 * collect` run over one shard of a batch. The merge writes into --out:
 *  - quality.csv and findings.csv: the shards' rows in the order of the
 *    arguments, under one header (headers must agree);
 *  - clean/ (copied) and clean.txt (concatenated);
 *  - variants.csv: copied when every shard has the same table (shards
 *    audited with one --corpus state), else merged like `relire variants
 *    merge`;
 *  - line-counts.csv: the shards' line counts added up.
 * Every file is written under a temporary name and renamed at the end.
 * report.html is not merged: it is made by audit runs.
 */
#ifndef RELIRE_MERGE_H
#define RELIRE_MERGE_H

/* argv[0] is "merge". Returns an exit status (options.h). */
int merge_main(int argc, char **argv);

#endif
