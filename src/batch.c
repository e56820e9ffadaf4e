/*
 * batch.c - the audit run: inputs -> worker -> report, one article at a
 * time, with per-article failures turned into error rows.
 */
#include "batch.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "inputs.h"
#include "pipeline.h"
#include "report.h"
#include "util.h"

static volatile sig_atomic_t interrupted;

static void on_signal(int sig)
{
	interrupted = sig;
}

static void catch_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

struct run {
	const struct options *opt;
	struct worker *worker;
	struct report *report;
	size_t failed;
	int write_failed;
};

static void finish(struct run *run, struct article *a)
{
	if (a->status != ARTICLE_OK) {
		run->failed++;
		/* Read errors already name the file; stage errors do not. */
		if (!strncmp(a->error, "cannot read", 11))
			rl_error("%s", a->error);
		else
			rl_error("'%s': %s", a->id, a->error);
	} else if (run->opt->verbose) {
		fprintf(stderr, "relire: %s: %zu words, %zu findings\n", a->id,
			a->words, a->nfindings);
	}
	if (report_article(run->report, a) < 0)
		run->write_failed = 1;
}

static void process_one(struct run *run, const char *id, char *raw,
			size_t len)
{
	struct article a;

	article_init(&a, id);
	strncpy(a.lang, run->opt->lang, sizeof(a.lang) - 1);
	worker_process(run->worker, &a, raw, len);
	finish(run, &a);
	article_release(&a);
}

/* --per-line: split at LF (a CR before it belongs to the terminator). */
static void process_lines(struct run *run, const char *id, char *buf,
			  size_t len)
{
	struct strbuf rid;
	size_t pos = 0, lineno = 0;

	sb_init(&rid);
	while (pos < len && !interrupted && !run->write_failed) {
		char *nl = memchr(buf + pos, '\n', len - pos);
		size_t end = nl ? (size_t)(nl - buf) : len, e = end;

		if (nl && e > pos && buf[e - 1] == '\r')
			e--;
		sb_reset(&rid);
		sb_addf(&rid, "%s:%zu", id, ++lineno);
		process_one(run, rid.buf, xmemdup(buf + pos, e - pos), e - pos);
		pos = end + 1;
	}
	sb_release(&rid);
	free(buf);
}

static void process_input(struct run *run, const struct input *in)
{
	char *buf = NULL;
	size_t len = 0;
	int rc = in->err ? -in->err
			 : read_file(in->path, run->opt->max_article_size,
				     &buf, &len);

	if (rc < 0) {
		struct article a;
		article_init(&a, in->id);
		strncpy(a.lang, run->opt->lang, sizeof(a.lang) - 1);
		if (rc == -EFBIG)
			article_fail(&a, "cannot read '%s': larger than "
				     "--max-article-size (%zu bytes)",
				     in->path, run->opt->max_article_size);
		else
			article_fail(&a, "cannot read '%s': %s", in->path,
				     strerror(-rc));
		finish(run, &a);
		article_release(&a);
		return;
	}
	if (run->opt->per_line)
		process_lines(run, in->id, buf, len);
	else
		process_one(run, in->id, buf, len);
}

static int open_run(struct run *run, const struct options *opt,
		    struct resources *res)
{
	memset(run, 0, sizeof(*run));
	run->opt = opt;
	if (resources_load(res, opt) < 0)
		return EXIT_USAGE;
	run->worker = worker_new(opt, res);
	if (!run->worker)
		return EXIT_USAGE;
	run->report = report_open(opt);
	if (!run->report)
		return EXIT_USAGE;
	return EXIT_ALL_OK;
}

int batch_run(const struct options *opt)
{
	struct resources res;
	struct inputs in;
	struct run run;
	int status;

	rl_set_quiet(opt->quiet);
	status = open_run(&run, opt, &res);
	if (status != EXIT_ALL_OK)
		goto out;
	catch_signals();
	inputs_collect(&in, opt->paths, opt->npaths);
	for (size_t i = 0; i < in.n && !interrupted && !run.write_failed; i++)
		process_input(&run, &in.v[i]);
	inputs_release(&in);
	if (interrupted || run.write_failed) {
		report_abort(run.report);
		run.report = NULL;
		status = interrupted ? 128 + interrupted : EXIT_INTERNAL;
		if (interrupted)
			rl_error("interrupted; previous reports left in place");
		goto out;
	}
	if (!opt->quiet)
		report_summary(run.report);
	if (report_commit(run.report) < 0)
		status = EXIT_INTERNAL;
	else
		status = run.failed ? EXIT_SOME_FAILED : EXIT_ALL_OK;
	run.report = NULL;
out:
	report_abort(run.report);
	worker_free(run.worker);
	resources_release(&res);
	return status;
}
