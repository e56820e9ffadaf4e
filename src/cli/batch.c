/*
 * batch.c - one audit run: inputs -> worker pool -> reports.
 *
 * The main thread lists and reads the inputs, submits one job per article
 * (per line with --per-line) to a pool of worker threads, and writes the
 * finished articles strictly in submission order, so the reports are the
 * same for every thread count. A ring of `window` jobs bounds memory: the
 * main thread never runs more than `window` articles, nor (past two per
 * worker) WINDOW_BYTES of input per worker, ahead of the writer.
 * A failed article becomes an error row; the batch goes on.
 */
#include "cli/batch.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif
#include <sys/stat.h>
#include <unistd.h>

#include "cli/inputs.h"
#include "cli/pipeline.h"
#include "cli/progress.h"
#include "common/article.h"
#include "common/article_pack.h"
#include "common/jsonl.h"
#include "common/strmap.h"
#include "common/util.h"
#include "common/view.h"
#include "corpus/corpus.h"
#include "corpus/decisions.h"
#include "detect/boilerplate.h"
#include "report/report.h"

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
	char *raw; /* owned until the worker hands it to the article */
	size_t len;
	struct jsonl_record *rec; /* --jsonl: the input record, else NULL */
	int collect;		  /* first pass: collect corpus evidence */
	int keep;		  /* first pass: process it all and keep the
				   * result in pack and probe */
	struct names *names;	  /* first pass: this article's evidence */
	struct bp_counts *counts;
	struct strbuf pack;  /* first pass: the result (article_pack) */
	struct strbuf probe; /* first pass: corpus_touches' probe */
	char *packed;	     /* second pass: the first pass's result,
			      * final (NULL: process the article) */
	size_t packed_len;
	int ready;	   /* passed through a worker (processed or not) */
	size_t seq;	   /* submission number */
	uint64_t raw_hash; /* of raw, while the first pass is remembered */
	char *clean;	   /* audit pass: the cleaned text, made by the
			    * worker (NULL when the article failed) */
	size_t clean_len;
	/* Audit pass, made by the worker: the report's rows and the
	 * --jsonl line (NULL: the writer makes them). */
	struct report_rows *rows;
	char *line;
};

/* What the first pass keeps of each job, in submission order, for the
 * second, followed by pack_len bytes of the article's pack and probe_len
 * bytes of its probe. */
struct pass_record {
	uint64_t raw_hash;
	size_t pack_len; /* 0: the article failed, process it again */
	size_t probe_len;
};

struct run {
	const struct options *opt;
	struct resources *res;
	struct report *report;
	struct progress *progress;
	size_t failed;
	int write_failed;

	pthread_mutex_t mu;
	pthread_cond_t work_cv, done_cv;
	struct job **ring;
	size_t window;
	size_t inflight; /* input bytes of the jobs submitted, not written */
	size_t submitted, taken, written;
	int closing;
	int main_waiting;	  /* the main thread waits on done_cv ... */
	size_t wake_at;		  /* ... for the job with this number */
	unsigned idle;		  /* workers waiting on work_cv */
	int collecting;		  /* submitting first-pass jobs */
	char *first_buf;	  /* first's stdio buffer (FIRST_IOBUF) */
	FILE *first;		  /* pass_records of the first pass (a tmpfile:
				   * memory does not grow with the batch), or
				   * NULL */
	size_t again;		  /* articles the corpus decisions sent back */
	double t_first, t_corpus; /* seconds (-v) */
	struct corpus *corpus;
	pthread_t *threads;
	unsigned nthreads, nstarted;
	struct dict **lent; /* the workers' dictionaries, read between
			     * the passes (the names table) while the
			     * workers wait; nlent of them, the first
			     * worker's first */
	size_t nlent;
	unsigned opened;      /* workers that tried to open their handles */
	unsigned open_failed; /* ... and could not */
};

static unsigned online_cpus(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n > 0 ? (unsigned)(n > 64 ? 64 : n) : 1;
}

static unsigned thread_count(const struct options *opt)
{
	return opt->threads ? opt->threads : online_cpus();
}

/* A worker opens its handles (dictionaries, ICU) on its own thread, so
 * that the run does not wait for all of them before the first article,
 * and closes them there when the pool stops. */
static struct worker *worker_start(struct run *run)
{
	struct worker *w = worker_new(run->opt, run->res);

	pthread_mutex_lock(&run->mu);
	run->opened++;
	if (!w)
		run->open_failed++;
	else if (worker_default_dict(w))
		run->lent[run->nlent++] = worker_default_dict(w);
	pthread_cond_broadcast(&run->done_cv);
	pthread_mutex_unlock(&run->mu);
	return w;
}

/* The first pass's result of job, when it is final: its article and
 * cleaned text. 0, or -1 when the pack does not read back. */
static int unpack_job(struct job *job)
{
	struct article a;
	int rc = article_unpack(&a, job->packed, job->packed_len, &job->clean,
				&job->clean_len);

	/* Dead either way: the article is read back, or processed again. */
	free(job->packed);
	job->packed = NULL;
	if (rc < 0)
		return -1;
	article_release(&job->art);
	job->art = a;
	free(job->raw);
	job->raw = NULL;
	return 0;
}

/* Process one job on worker w (the article is not failed yet). */
static void run_job(struct worker *w, struct job *job)
{
	struct first_pass fp = {job->names, job->counts, NULL, NULL};

	if (job->collect && !job->keep) {
		worker_collect(w, &job->art, job->raw, job->len, &fp);
		job->raw = NULL;
		return;
	}
	if (job->collect) {
		fp.lookup = corpus_probe_name;
		fp.ctx = &job->probe;
		worker_first(w, &job->art, job->raw, job->len, &fp);
		corpus_probe_lines(&job->probe, job->counts);
	} else if (!job->packed || unpack_job(job) < 0) {
		worker_process(w, &job->art, job->raw, job->len);
	}
	job->raw = NULL;
	if (job->collect) {
		/* Without the cleaned text, derived again from the findings
		 * when the pack is read (a copy less of a large article in
		 * memory and in the spill). The pack is the result now: the
		 * article it copied is dead (first_pass_done reads only its
		 * status). */
		if (job->art.status == ARTICLE_OK) {
			article_pack(&job->art, NULL, 0, &job->pack);
			article_release(&job->art);
			job->art.status = ARTICLE_OK;
		}
		return;
	}
	/* Here, on the worker, not on the writer's path. */
	if (job->art.status == ARTICLE_OK && !job->clean)
		job->clean = article_clean_text(&job->art, &job->clean_len);
}

/* The output of an audit job, formatted by its worker off the writer's
 * path, in the writer's order of calls (the --jsonl line sees the
 * findings as the worker left them, the reports sort them). */
static void format_job(struct run *run, struct job *job)
{
	if (run->opt->jsonl)
		job->line = jsonl_format(job->rec, &job->art, job->clean,
					 job->clean_len, &run->res->score);
	if (run->report)
		job->rows = report_format(run->report, &job->art);
}

static void *worker_main(void *arg)
{
	struct run *run = arg;
	struct worker *w;

#ifdef __linux__
	/* Told apart from the writer in top -H and perf. */
	prctl(PR_SET_NAME, "relire-worker", 0, 0, 0);
#endif
	w = worker_start(run);

	while (w) {
		struct job *job;

		pthread_mutex_lock(&run->mu);
		while (run->taken == run->submitted && !run->closing) {
			run->idle++;
			pthread_cond_wait(&run->work_cv, &run->mu);
			run->idle--;
		}
		if (run->taken == run->submitted) {
			pthread_mutex_unlock(&run->mu);
			break;
		}
		job = run->ring[run->taken++ % run->window];
		pthread_mutex_unlock(&run->mu);

		if (job->art.status == ARTICLE_OK)
			run_job(w, job);
		if (!job->collect)
			format_job(run, job);
		/* Wake the writer only when it waits: one wake-up per record
		 * costs more than a short record's whole processing. */
		pthread_mutex_lock(&run->mu);
		job->ready = 1;
		if (run->main_waiting && job->seq >= run->wake_at)
			pthread_cond_broadcast(&run->done_cv);
		pthread_mutex_unlock(&run->mu);
	}
	worker_free(w);
	return NULL;
}

static void write_article(struct run *run, struct job *job)
{
	struct article *a = &job->art;

	/* Reported first: the report may still fail the article (an id
	 * that cannot name its clean file). */
	if (run->report && !run->write_failed &&
	    report_article_rows(run->report, a, job->clean, job->clean_len,
				job->rows) < 0)
		run->write_failed = 1;
	if (a->status != ARTICLE_OK) {
		progress_clear(run->progress);
		run->failed++;
		/* Read errors already name the file; stage errors do not. */
		if (!strncmp(a->error, "cannot read", 11))
			rl_error("%s", a->error);
		else
			rl_error("'%s': %s", a->id, a->error);
	} else if (run->opt->verbose) {
		fprintf(stderr, "relire: %s: %zu word%s, %zu finding%s\n",
			a->id, a->words, a->words == 1 ? "" : "s", a->nfindings,
			a->nfindings == 1 ? "" : "s");
	}
	progress_article(run->progress);
}

/* --jsonl: one result object per record on standard output. */
static void write_jsonl(struct run *run, struct job *job)
{
	char *line = job->line ? job->line
			       : jsonl_format(job->rec, &job->art, job->clean,
					      job->clean_len, &run->res->score);

	job->line = NULL;
	if (fputs(line, stdout) == EOF || putchar('\n') == EOF) {
		rl_error("cannot write to standard output: %s",
			 strerror(errno));
		run->write_failed = 1;
	}
	free(line);
}

static void free_job(struct job *job)
{
	names_free(job->names);
	bp_counts_free(job->counts);
	article_release(&job->art);
	jsonl_record_free(job->rec);
	free(job->raw);
	free(job->clean);
	free(job->packed);
	sb_release(&job->pack);
	sb_release(&job->probe);
	report_rows_free(job->rows);
	free(job->line);
	free(job);
}

/* A first-pass job is written: its corpus evidence goes to the corpus,
 * and its result to run->first. */
static void first_pass_done(struct run *run, struct job *job)
{
	struct pass_record r;

	memset(&r, 0, sizeof(r)); /* no uninitialized padding in the file */
	r.raw_hash = job->raw_hash;
	corpus_add(run->corpus, job->names, job->counts);
	if (!run->first)
		return;
	if (job->art.status == ARTICLE_OK) {
		r.pack_len = job->pack.len;
		r.probe_len = job->probe.len;
	}
	if (fwrite(&r, sizeof(r), 1, run->first) != 1 ||
	    fwrite(job->pack.buf, 1, r.pack_len, run->first) != r.pack_len ||
	    fwrite(job->probe.buf, 1, r.probe_len, run->first) != r.probe_len) {
		fclose(run->first); /* a cache: without it, pass 2 works */
		run->first = NULL;
	}
}

/* Read n bytes of run->first, malloc'd, or NULL (the file is then
 * dropped: the second pass processes the articles). */
static char *read_first(struct run *run, size_t n)
{
	char *p = malloc(n ? n : 1);

	if (p && fread(p, 1, n, run->first) == n)
		return p;
	free(p);
	fclose(run->first);
	run->first = NULL;
	return NULL;
}

/* Second pass: the first pass's result of job when it is final: the
 * same bytes (hash), processed without failure, and out of reach of the
 * corpus-level decisions. */
static void first_pass_result(struct run *run, struct job *job)
{
	struct pass_record r;
	char *pack, *probe;

	if (!run->first)
		return;
	if (fread(&r, sizeof(r), 1, run->first) != 1) {
		fclose(run->first);
		run->first = NULL;
		return;
	}
	pack = read_first(run, r.pack_len);
	probe = pack ? read_first(run, r.probe_len) : NULL;
	if (probe && r.pack_len && r.raw_hash == job->raw_hash &&
	    job->art.status == ARTICLE_OK &&
	    !corpus_touches(run->corpus, probe, r.probe_len)) {
		job->packed = pack;
		job->packed_len = r.pack_len;
		pack = NULL;
	} else if (probe && r.pack_len) {
		run->again++;
	}
	free(pack);
	free(probe);
}

/* The job to be woken by: the newest unfinished one in the older half of
 * the jobs in flight (the oldest is unfinished), so that the writer sleeps
 * until a run of jobs is done rather than waking once per job. Under
 * run->mu. */
static size_t wake_point(const struct run *run)
{
	size_t last = run->written + (run->submitted - run->written + 1) / 2,
	       at = run->written;

	if (last > run->submitted)
		last = run->submitted;
	for (size_t i = run->written; i < last; i++)
		if (!run->ring[i % run->window]->ready)
			at = i;
	return at;
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
			/* Queued jobs that woke no worker (submit) are
			 * taken now. */
			if (run->idle && run->taken < run->submitted)
				pthread_cond_broadcast(&run->work_cv);
			run->wake_at = wake_point(run);
			run->main_waiting = 1;
			pthread_cond_wait(&run->done_cv, &run->mu);
			run->main_waiting = 0;
			continue;
		}
		run->written++;
		run->inflight -= job->len;
		pthread_mutex_unlock(&run->mu);
		if (!job->collect && run->opt->jsonl && !run->write_failed)
			write_jsonl(run, job);
		if (!job->collect)
			write_article(run, job);
		else
			first_pass_done(run, job);
		free_job(job);
		wait = 0;
		pthread_mutex_lock(&run->mu);
	}
	pthread_mutex_unlock(&run->mu);
}

/* --max-line-length: fail a whose input raw[0..len) has a line (bytes
 * between LFs, the LF not counted) longer than max. */
static void check_line_length(struct article *a, const char *raw, size_t len,
			      size_t max)
{
	size_t pos = 0, lineno = 1;

	while (pos < len) {
		const char *nl = memchr(raw + pos, '\n', len - pos);
		size_t end = nl ? (size_t)(nl - raw) : len;

		if (end - pos > max) {
			article_fail(a,
				     "line %zu is %zu bytes long, over "
				     "--max-line-length (%zu bytes)",
				     lineno, end - pos, max);
			return;
		}
		pos = end + 1;
		lineno++;
	}
}

/* Input bytes in flight per worker past which the main thread waits (when
 * two jobs per worker are in flight): large articles are not read far
 * ahead of the writer. */
#define WINDOW_BYTES ((size_t)4 << 20)

/* Buffer of the first pass's temporary file. */
#define FIRST_IOBUF ((size_t)1 << 20)

/* 1 when no more job may be submitted before the writer catches up. */
static int window_full(const struct run *run)
{
	size_t n = run->submitted - run->written;

	return n >= run->window ||
	       (n >= 2 * (size_t)run->nthreads &&
		run->inflight >= WINDOW_BYTES * run->nthreads);
}

/* Queue one article; raw (malloc'd) and rec pass to the job. */
static void submit(struct run *run, const char *id, char *raw, size_t len,
		   const char *error, struct jsonl_record *rec)
{
	struct job *job = xcalloc(1, sizeof(*job));

	job->rec = rec;
	job->collect = run->collecting;
	job->keep = job->collect && run->first;
	sb_init(&job->pack);
	sb_init(&job->probe);
	if (job->collect) {
		job->names = corpus_new_names(run->corpus);
		job->counts = bp_counts_new();
	}
	article_init(&job->art, id);
	if (run->first && raw)
		job->raw_hash = hash_bytes(raw, len);
	strncpy(job->art.lang, run->opt->lang, sizeof(job->art.lang) - 1);
	job->raw = raw;
	job->len = len;
	/* A failed job still goes through a worker (which skips it): were
	 * it ready now, the writer could free it, and reuse its ring slot,
	 * before a worker has taken it. */
	if (error)
		article_fail(&job->art, "%s", error);
	else if (raw && run->opt->max_line_length)
		check_line_length(&job->art, raw, len,
				  run->opt->max_line_length);
	if (run->first && !job->collect)
		first_pass_result(run, job);
	while (window_full(run))
		drain(run, 1);
	pthread_mutex_lock(&run->mu);
	job->seq = run->submitted;
	run->inflight += job->len;
	run->ring[run->submitted++ % run->window] = job;
	/* A kept result (second pass) is only read back and formatted:
	 * less work than its wake-up, so it waits for a run of them (or for
	 * the writer to wait, drain). Anything else wakes a worker now. */
	if (run->idle &&
	    (!job->packed || run->submitted - run->taken >= run->window / 4))
		pthread_cond_signal(&run->work_cv);
	pthread_mutex_unlock(&run->mu);
	drain(run, 0);
}

/* One line of a --per-line or --jsonl input; line is malloc'd. */
static void submit_record(struct run *run, const char *source, size_t lineno,
			  char *line, size_t len)
{
	struct jsonl_record *rec = NULL;
	char *id = NULL, *text, *why = NULL;
	size_t n;
	struct strbuf sid;

	sb_init(&sid);
	sb_addf(&sid, "%s:%zu", source, lineno);
	if (!run->opt->jsonl) {
		submit(run, sid.buf, line, len, NULL, NULL);
	} else if (jsonl_parse(line, len, sid.buf, &rec, &id, &text, &n,
			       &why) == 0) {
		submit(run, id, text, n, NULL, rec);
	} else {
		/* A malformed line gets an error record in its place, so that
		 * output lines stay aligned with input lines. */
		struct strbuf msg;
		sb_init(&msg);
		sb_addf(&msg, "line %zu is not a JSON record with a text: %s",
			lineno, len ? why : "the line is empty");
		submit(run, sid.buf, NULL, 0, msg.buf, NULL);
		sb_release(&msg);
	}
	free(id);
	free(why);
	if (run->opt->jsonl)
		free(line);
	sb_release(&sid);
}

/* Stream a --per-line or --jsonl input line by line (memory stays bounded
 * by the longest line), only the lines of its slice under --shard. A CR
 * before the LF belongs to the terminator. */
static int submit_lines(struct run *run, const struct input *in)
{
	char *line = NULL;
	size_t cap = 0, lineno;
	long long pos;
	FILE *fp = input_open_records(in, &lineno, &pos);
	ssize_t n;
	int err;

	if (!fp)
		return -errno;
	while (!interrupted && !run->write_failed &&
	       !input_past_slice(in, pos) &&
	       (n = getline(&line, &cap, fp)) > 0) {
		size_t len = (size_t)n;
		lineno++;
		pos += n;
		progress_read(run->progress, len);
		if (line[len - 1] == '\n' && --len && line[len - 1] == '\r')
			len--;
		submit_record(run, in->id, lineno, xmemdup(line, len), len);
	}
	err = ferror(fp) ? errno : 0;
	free(line);
	if (fp != stdin)
		fclose(fp);
	return -err;
}

static void submit_input(struct run *run, const struct input *in)
{
	char *buf = NULL, reason[512];
	size_t len = 0;
	int rc = in->err ? -in->err : 0;

	if (!rc && (run->opt->per_line || run->opt->jsonl))
		rc = submit_lines(run, in);
	else if (!rc)
		rc =
		    read_file(in->path, run->opt->max_article_size, &buf, &len);
	if (rc == -EFBIG) {
		snprintf(reason, sizeof(reason),
			 "cannot read '%s': larger than --max-article-size "
			 "(%zu bytes)",
			 in->path, run->opt->max_article_size);
		submit(run, in->id, NULL, 0, reason, NULL);
	} else if (rc < 0) {
		snprintf(reason, sizeof(reason), "cannot read '%s': %s",
			 in->path, strerror(-rc));
		submit(run, in->id, NULL, 0, reason, NULL);
	} else if (buf) {
		progress_read(run->progress, len);
		submit(run, in->id, buf, len, NULL, NULL);
	}
}

/* Start worker threads until n run. */
static int start_workers(struct run *run, unsigned n)
{
	while (run->nstarted < n) {
		int e = pthread_create(&run->threads[run->nstarted], NULL,
				       worker_main, run);
		if (e != 0)
			return rl_error("cannot start worker threads: %s",
					strerror(e));
		run->nstarted++;
	}
	return 0;
}

/* The pool starts with one worker; pool_ready starts the others. */
static int start_pool(struct run *run)
{
	run->nthreads = thread_count(run->opt);
	/* Short articles (a line each) are many per wake-up of the writer
	 * (wake_point); long ones are bounded by WINDOW_BYTES. */
	run->window = 64 * (size_t)run->nthreads;
	run->ring = xcalloc(run->window, sizeof(*run->ring));
	run->threads = xcalloc(run->nthreads, sizeof(*run->threads));
	run->lent = xcalloc(run->nthreads, sizeof(*run->lent));
	pthread_mutex_init(&run->mu, NULL);
	pthread_cond_init(&run->work_cv, NULL);
	pthread_cond_init(&run->done_cv, NULL);
	/* --suggest-budget is per run: each worker gets its share. */
	run->res->suggest = run->opt->suggest;
	run->res->suggest_budget = run->opt->suggest_budget / run->nthreads;
	return start_workers(run, 1);
}

/* Wait until the first worker has opened its handles, then start the
 * others (they open theirs while it works): -1 when it could not (its
 * error is printed once), before any article is read. A worker that fails
 * later (they all open the same files: only when memory runs out) makes
 * the run fail at its end. */
static int pool_ready(struct run *run)
{
	int ok;

	pthread_mutex_lock(&run->mu);
	while (run->opened < run->nstarted)
		pthread_cond_wait(&run->done_cv, &run->mu);
	ok = !run->open_failed;
	pthread_mutex_unlock(&run->mu);
	return ok ? start_workers(run, run->nthreads) : -1;
}

/* No more jobs: the workers finish the queued ones and close their
 * handles while the main thread writes the last reports. */
static void pool_close(struct run *run)
{
	pthread_mutex_lock(&run->mu);
	run->closing = 1;
	pthread_cond_broadcast(&run->work_cv);
	pthread_mutex_unlock(&run->mu);
}

/* Wait until the workers have stopped (after the queued jobs). */
static void pool_join(struct run *run)
{
	pool_close(run);
	for (unsigned i = 0; i < run->nstarted; i++)
		pthread_join(run->threads[i], NULL);
	run->nstarted = 0;
}

static void stop_pool(struct run *run)
{
	pool_join(run);
	/* Jobs never written (interrupt, write failure) are dropped. */
	while (run->written < run->submitted) {
		free_job(run->ring[run->written++ % run->window]);
	}
	free(run->threads);
	free(run->lent);
	free(run->ring);
	if (run->first)
		fclose(run->first);
	free(run->first_buf); /* every path closed first by now */
	pthread_mutex_destroy(&run->mu);
	pthread_cond_destroy(&run->work_cv);
	pthread_cond_destroy(&run->done_cv);
}

/* 1 when a worker could not open its handles (waits for all to try). */
static int pool_failed(struct run *run)
{
	unsigned failed;

	pthread_mutex_lock(&run->mu);
	while (run->opened < run->nstarted)
		pthread_cond_wait(&run->done_cv, &run->mu);
	failed = run->open_failed;
	pthread_mutex_unlock(&run->mu);
	return failed > 0;
}

static int finish_run(struct run *run)
{
	if (pool_failed(run))
		run->write_failed = 1; /* its error is printed */
	if (interrupted || run->write_failed) {
		pool_join(run); /* the workers format into the report */
		report_abort(run->report);
		if (interrupted)
			rl_error("interrupted; previous reports left in place");
		return interrupted ? 128 + interrupted : EXIT_INTERNAL;
	}
	if (fflush(stdout) == EOF) {
		report_abort(run->report);
		return rl_error("cannot write to standard output: %s",
				strerror(errno)),
		       EXIT_INTERNAL;
	}
	if (!run->report)
		return run->failed ? EXIT_SOME_FAILED : EXIT_ALL_OK;
	if (!run->opt->quiet)
		report_summary(run->report);
	if (report_commit(run->report) < 0)
		return EXIT_INTERNAL;
	return run->failed ? EXIT_SOME_FAILED : EXIT_ALL_OK;
}

/* Submit every input once and wait until all are written. */
static void run_pass(struct run *run, const struct inputs *in)
{
	for (size_t i = 0; i < in->n && !interrupted && !run->write_failed; i++)
		submit_input(run, &in->v[i]);
	while (!interrupted && !run->write_failed &&
	       run->written < run->submitted)
		drain(run, 1);
}

/* Corpus-level decisions need the whole batch, so files are read twice.
 * The first pass processes every article without them and keeps its
 * result (in a temporary file) with the article's corpus evidence; the
 * second pass reads the files again, takes the kept result of each article
 * the decisions do not touch (corpus_touches), and processes again only
 * the others. Standard input and --jsonl streams are read once (seed and
 * editor tables only). */
static int wants_first_pass(const struct options *opt, const struct inputs *in)
{
	if (opt->jsonl)
		return 0;
	for (size_t i = 0; i < in->n; i++)
		if (!strcmp(in->v[i].path, "-"))
			return 0;
	return 1;
}

static int corpus_pass(struct run *run, const struct inputs *in,
		       struct resources *res, struct corpus *c)
{
	int first = wants_first_pass(run->opt, in);
	size_t nlent;

	if (run->opt->corpus_dir) {
		if (corpus_load(c, run->opt->corpus_dir) < 0)
			return -1;
		corpus_results(c, &res->table, &res->bp, &res->batch_articles);
		return 0;
	}

	double t0 = monotonic_seconds();
	int rc;

	if (first) {
		/* A core the workers leave idle computes the names table's
		 * keys during the first pass (the main thread mostly waits:
		 * with one worker, 15 % of a core). */
		if (run->nthreads < online_cpus())
			corpus_ahead(c, run->opt, res->dict_cache);
		run->collecting = 1;
		/* Remembered for the audit pass (not for 'relire collect'). */
		run->first = run->opt->collect_only ? NULL : tmpfile();
		/* Written and read back record by record: a write(2) or
		 * read(2) per megabyte rather than per 4 KB. */
		if (run->first) {
			run->first_buf = xmalloc(FIRST_IOBUF);
			setvbuf(run->first, run->first_buf, _IOFBF,
				FIRST_IOBUF);
		}
		run_pass(run, in);
		run->collecting = 0;
		if (run->first && (fflush(run->first) != 0 ||
				   fseek(run->first, 0, SEEK_SET) != 0)) {
			fclose(run->first);
			run->first = NULL;
		}
		if (interrupted || run->write_failed)
			return 0;
	}
	run->t_first = monotonic_seconds() - t0;
	/* Every job of the first pass is written: the workers wait for the
	 * second, so their dictionaries are free to read here (those opened
	 * by now: a worker still opening its own keeps it). */
	pthread_mutex_lock(&run->mu);
	nlent = run->nlent;
	pthread_mutex_unlock(&run->mu);
	rc = corpus_finish(c, res->prior, res->dict_cache, run->opt, first,
			   run->lent, nlent);
	if (rc == 0)
		corpus_results(c, &res->table, &res->bp, &res->batch_articles);
	run->t_corpus = monotonic_seconds() - t0 - run->t_first;
	return rc;
}

static int write_variants(struct run *run, const struct corpus *c)
{
	FILE *fp;

	if (!run->report || interrupted || run->write_failed)
		return 0;
	fp = report_add_file(run->report, "variants.csv");
	if (!fp || corpus_write_variants(c, fp, !run->opt->csv_raw) < 0 ||
	    fclose(fp) != 0) {
		run->write_failed = 1;
		return rl_error("cannot write '%s/variants.csv': %s",
				run->opt->out_dir, strerror(errno));
	}
	return 0;
}

/* `relire collect`: write the corpus state of this shard. */
static int collect_status(struct run *run, const struct corpus *c)
{
	if (interrupted) {
		rl_error("interrupted; previous state left in place");
		return 128 + interrupted;
	}
	if (corpus_write_state(c, run->opt->out_dir, !run->opt->csv_raw) < 0)
		return EXIT_INTERNAL;
	if (!run->opt->quiet)
		fprintf(stderr,
			"relire: corpus state in %s/variants.csv and "
			"%s/line-counts.csv\n",
			run->opt->out_dir, run->opt->out_dir);
	return EXIT_ALL_OK;
}

/* A path that does not exist or a batch without any article is a usage
 * error, found before the output directory is touched. 0 or -1 (printed,
 * with a hint). */
static int check_inputs(const struct options *opt, const struct inputs *in)
{
	int bad = in->n == 0;
	struct stat st;

	for (size_t i = 0; i < opt->npaths && !bad; i++)
		if (strcmp(opt->paths[i], "-") &&
		    stat(opt->paths[i], &st) != 0 && errno == ENOENT) {
			rl_error("cannot read '%s': %s", opt->paths[i],
				 strerror(ENOENT));
			bad = 1;
		}
	if (in->n == 0)
		rl_error("no article to read: no *.txt file in '%s'%s",
			 opt->npaths ? opt->paths[0] : ".",
			 opt->npaths > 1 ? " or the other paths" : "");
	if (!bad)
		return 0;
	fputs("hint: name existing files or directories holding *.txt "
	      "files; the previous reports are left in place\n",
	      stderr);
	return -1;
}

int batch_run(const struct options *opt)
{
	struct resources res;
	struct inputs in;
	struct run run;
	struct corpus *corpus = NULL;
	int status = EXIT_USAGE;
	double t_second, t_commit;

	memset(&run, 0, sizeof(run));
	run.opt = opt;
	run.res = &res;
	rl_set_quiet(opt->quiet);
	if (resources_load(&res, opt) < 0)
		goto out_res;
	if (start_pool(&run) < 0)
		goto out_pool;
	/* With --jsonl the results go to standard output; the CSV reports
	 * are written only when --out is given explicitly. */
	inputs_collect(&in, opt->paths, opt->npaths);
	if (check_inputs(opt, &in) < 0) {
		inputs_release(&in);
		goto out_pool;
	}
	if (opt->shard_n)
		inputs_shard(&in, opt->shard_k, opt->shard_n,
			     opt->per_line || opt->jsonl);
	if (!opt->collect_only && (!opt->jsonl || opt->out_given)) {
		run.report = report_open(opt, &res.score);
		if (!run.report) {
			fputs("hint: choose a writable directory with --out\n",
			      stderr);
			inputs_release(&in);
			status = EXIT_INTERNAL;
			goto out_pool;
		}
	}
	catch_signals();
	corpus = corpus_new(&res.name_rules);
	run.corpus = corpus;
	if (pool_ready(&run) < 0 || corpus_pass(&run, &in, &res, corpus) < 0) {
		report_abort(run.report);
		inputs_release(&in);
		goto out_pool;
	}
	if (opt->collect_only) {
		pool_close(&run);
		inputs_release(&in);
		status = collect_status(&run, corpus);
		goto out_pool;
	}
	run.progress = progress_new(!opt->quiet && !opt->verbose);
	for (size_t i = 0; i < in.n; i++)
		progress_expect(run.progress, in.v[i].path);
	t_second = monotonic_seconds();
	run_pass(&run, &in);
	t_second = monotonic_seconds() - t_second;
	decisions_report_unused(res.decisions);
	pool_close(&run);
	inputs_release(&in);
	t_commit = monotonic_seconds();
	write_variants(&run, corpus);
	progress_free(run.progress);
	status = finish_run(&run);
	t_commit = monotonic_seconds() - t_commit;
	if (opt->verbose)
		fprintf(stderr,
			"relire: first pass %.2f s, corpus-level decisions "
			"%.2f s (the workers wait), second pass %.2f s (%zu "
			"articles processed again), last reports %.2f s\n",
			run.t_first, run.t_corpus, t_second, run.again,
			t_commit);
out_pool:
	stop_pool(&run);
	corpus_free(corpus);
out_res:
	resources_release(&res);
	return status;
}
