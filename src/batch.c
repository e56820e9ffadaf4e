/*
 * batch.c - one audit run: inputs -> worker pool -> reports.
 *
 * The main thread lists and reads the inputs, submits one job per article
 * (per line with --per-line) to a pool of worker threads, and writes the
 * finished articles strictly in submission order, so the reports are the
 * same for every thread count. A ring of `window` jobs bounds memory: the
 * main thread never runs more than `window` articles ahead of the writer.
 * A failed article becomes an error row; the batch goes on.
 */
#include "batch.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

struct job {
	struct article art;
	char *raw;          /* owned until the worker hands it to the article */
	size_t len;
	int ready;          /* processed (or failed before processing) */
};

struct run {
	const struct options *opt;
	const struct resources *res;
	struct report *report;
	size_t failed;
	int write_failed;

	pthread_mutex_t mu;
	pthread_cond_t work_cv, done_cv;
	struct job **ring;
	size_t window;
	size_t submitted, taken, written;
	int closing;
	pthread_t *threads;
	struct worker **workers;
	unsigned nthreads, nstarted;
};

static unsigned thread_count(const struct options *opt)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	if (opt->threads)
		return opt->threads;
	return n > 0 ? (unsigned)(n > 64 ? 64 : n) : 1;
}

static void *worker_main(void *arg)
{
	struct worker *w = arg;
	struct run *run = worker_user(w);

	for (;;) {
		struct job *job;

		pthread_mutex_lock(&run->mu);
		while (run->taken == run->submitted && !run->closing)
			pthread_cond_wait(&run->work_cv, &run->mu);
		if (run->taken == run->submitted) {
			pthread_mutex_unlock(&run->mu);
			return NULL;
		}
		job = run->ring[run->taken++ % run->window];
		pthread_mutex_unlock(&run->mu);

		if (job->art.status == ARTICLE_OK) {
			worker_process(w, &job->art, job->raw, job->len);
			job->raw = NULL;
		}
		pthread_mutex_lock(&run->mu);
		job->ready = 1;
		pthread_cond_broadcast(&run->done_cv);
		pthread_mutex_unlock(&run->mu);
	}
}

static void write_article(struct run *run, struct article *a)
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
	if (!run->write_failed && report_article(run->report, a) < 0)
		run->write_failed = 1;
}

/* Write finished jobs in order; with wait set, block until the oldest
 * job is finished. Called by the main thread only. */
static void drain(struct run *run, int wait)
{
	pthread_mutex_lock(&run->mu);
	while (run->written < run->submitted) {
		struct job *job = run->ring[run->written % run->window];
		if (!job->ready) {
			if (!wait)
				break;
			pthread_cond_wait(&run->done_cv, &run->mu);
			continue;
		}
		run->written++;
		pthread_mutex_unlock(&run->mu);
		write_article(run, &job->art);
		article_release(&job->art);
		free(job->raw);
		free(job);
		wait = 0;
		pthread_mutex_lock(&run->mu);
	}
	pthread_mutex_unlock(&run->mu);
}

/* Queue one article; raw (malloc'd) passes to the job. */
static void submit(struct run *run, const char *id, char *raw, size_t len,
		   const char *error)
{
	struct job *job = xcalloc(1, sizeof(*job));

	article_init(&job->art, id);
	strncpy(job->art.lang, run->opt->lang, sizeof(job->art.lang) - 1);
	job->raw = raw;
	job->len = len;
	if (error) {
		article_fail(&job->art, "%s", error);
		job->ready = 1;
	}
	while (run->submitted - run->written >= run->window)
		drain(run, 1);
	pthread_mutex_lock(&run->mu);
	run->ring[run->submitted++ % run->window] = job;
	pthread_cond_signal(&run->work_cv);
	pthread_mutex_unlock(&run->mu);
	drain(run, 0);
}

/* --per-line: split at LF (a CR before it belongs to the terminator). */
static void submit_lines(struct run *run, const char *id, char *buf,
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
		submit(run, rid.buf, xmemdup(buf + pos, e - pos), e - pos, NULL);
		pos = end + 1;
	}
	sb_release(&rid);
	free(buf);
}

static void submit_input(struct run *run, const struct input *in)
{
	char *buf = NULL, reason[512];
	size_t len = 0;
	int rc = in->err ? -in->err
			 : read_file(in->path, run->opt->max_article_size,
				     &buf, &len);

	if (rc == -EFBIG) {
		snprintf(reason, sizeof(reason),
			 "cannot read '%s': larger than --max-article-size "
			 "(%zu bytes)", in->path, run->opt->max_article_size);
		submit(run, in->id, NULL, 0, reason);
	} else if (rc < 0) {
		snprintf(reason, sizeof(reason), "cannot read '%s': %s",
			 in->path, strerror(-rc));
		submit(run, in->id, NULL, 0, reason);
	} else if (run->opt->per_line) {
		submit_lines(run, in->id, buf, len);
	} else {
		submit(run, in->id, buf, len, NULL);
	}
}

static int start_pool(struct run *run)
{
	run->nthreads = thread_count(run->opt);
	run->window = 8 * (size_t)run->nthreads;
	run->ring = xcalloc(run->window, sizeof(*run->ring));
	run->threads = xcalloc(run->nthreads, sizeof(*run->threads));
	run->workers = xcalloc(run->nthreads, sizeof(*run->workers));
	pthread_mutex_init(&run->mu, NULL);
	pthread_cond_init(&run->work_cv, NULL);
	pthread_cond_init(&run->done_cv, NULL);
	for (unsigned i = 0; i < run->nthreads; i++) {
		run->workers[i] = worker_new(run->opt, run->res, run);
		if (!run->workers[i])
			return -1;
	}
	for (unsigned i = 0; i < run->nthreads; i++) {
		if (pthread_create(&run->threads[i], NULL, worker_main,
				   run->workers[i]) != 0)
			return rl_error("cannot start worker threads: %s",
					strerror(errno));
		run->nstarted++;
	}
	return 0;
}

static void stop_pool(struct run *run)
{
	pthread_mutex_lock(&run->mu);
	run->closing = 1;
	pthread_cond_broadcast(&run->work_cv);
	pthread_mutex_unlock(&run->mu);
	for (unsigned i = 0; i < run->nstarted; i++)
		pthread_join(run->threads[i], NULL);
	/* Jobs never written (interrupt, write failure) are dropped. */
	while (run->written < run->submitted) {
		struct job *job = run->ring[run->written++ % run->window];
		article_release(&job->art);
		free(job->raw);
		free(job);
	}
	for (unsigned i = 0; i < run->nthreads; i++)
		worker_free(run->workers[i]);
	free(run->workers);
	free(run->threads);
	free(run->ring);
	pthread_mutex_destroy(&run->mu);
	pthread_cond_destroy(&run->work_cv);
	pthread_cond_destroy(&run->done_cv);
}

static int finish_run(struct run *run)
{
	if (interrupted || run->write_failed) {
		report_abort(run->report);
		if (interrupted)
			rl_error("interrupted; previous reports left in place");
		return interrupted ? 128 + interrupted : EXIT_INTERNAL;
	}
	if (!run->opt->quiet)
		report_summary(run->report);
	if (report_commit(run->report) < 0)
		return EXIT_INTERNAL;
	return run->failed ? EXIT_SOME_FAILED : EXIT_ALL_OK;
}

int batch_run(const struct options *opt)
{
	struct resources res;
	struct inputs in;
	struct run run;
	int status = EXIT_USAGE;

	memset(&run, 0, sizeof(run));
	run.opt = opt;
	run.res = &res;
	rl_set_quiet(opt->quiet);
	if (resources_load(&res, opt) < 0)
		goto out_res;
	if (start_pool(&run) < 0)
		goto out_pool;
	run.report = report_open(opt);
	if (!run.report)
		goto out_pool;
	catch_signals();
	inputs_collect(&in, opt->paths, opt->npaths);
	for (size_t i = 0; i < in.n && !interrupted && !run.write_failed; i++)
		submit_input(&run, &in.v[i]);
	inputs_release(&in);
	while (!interrupted && !run.write_failed && run.written < run.submitted)
		drain(&run, 1);
	status = finish_run(&run);
out_pool:
	stop_pool(&run);
out_res:
	resources_release(&res);
	return status;
}
