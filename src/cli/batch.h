/*
 * batch.h - one audit run over every input: find the articles, run the
 * pipeline on each, stream the reports. One bad article never stops the
 * batch: it gets an error row and the run goes on.
 */
#ifndef RELIRE_BATCH_H
#define RELIRE_BATCH_H

#include "common/options.h"

/* Run the audit described by opt. Returns an enum exit_status value. */
int batch_run(const struct options *opt);

#endif
