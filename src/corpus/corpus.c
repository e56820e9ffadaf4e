/*
 * corpus.c - merge the first pass of a batch and build its variants table.
 */
#include "corpus/corpus.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/dict.h"
#include "common/strmap.h"
#include "common/util.h"
#include "corpus/namekey.h"
#include "corpus/names.h"
#include "corpus/variants.h"
#include "detect/boilerplate.h"

struct corpus {
	const struct name_rules *rules;
	struct names *names;
	struct bp_counts *counts;
	struct variants *table;
	int have_counts;     /* counts collected or loaded */
	struct ahead *ahead; /* corpus_ahead(), or NULL */
};

/* ---- the spellings' properties, ahead, on a thread of their own ----
 *
 * corpus_add() queues each spelling it has not met before; the thread
 * opens its own dictionary and transliteration rules and computes their
 * properties (variants_props_add) while the first pass goes on. The
 * queue holds copies; the thread sleeps when it is empty and is woken
 * once per AHEAD_BATCH spellings, and at the end. */
#define AHEAD_BATCH 64
/* Articles merged before the thread starts: a batch of a few large
 * articles gains nothing from it (the names table waits for the last
 * one), and would pay for its dictionary at its peak of memory. */
#define AHEAD_AFTER 64

struct ahead {
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	char **queue; /* spellings to compute, oldest first, from head */
	size_t head, n, cap;
	int waiting, done;
	int started;	    /* the thread runs (or has run) */
	size_t articles;    /* merged so far (corpus_add) */
	struct strmap seen; /* spellings queued: the caller's only */
	char *lang, *dict_dir, *data_dir;
	struct wordcache *cache;
	struct variants_props *props; /* the thread's, read after join;
				       * NULL without dictionary or rules */
	struct namekey *nk; /* the thread's rules, for corpus_finish after
			     * the join (opening them costs 25 ms) */
};

static void *ahead_main(void *arg)
{
	struct ahead *h = arg;
	struct dict *d = dict_try_open(h->lang, h->dict_dir, h->data_dir);
	struct namekey *nk = d ? namekey_open(h->data_dir) : NULL;
	struct variants_props *p = nk ? variants_props_new(nk, d) : NULL;

	if (d && h->cache)
		dict_share_cache(d, h->cache);
	pthread_mutex_lock(&h->mu);
	for (;;) {
		char *form;

		while (h->head == h->n && !h->done) {
			h->waiting = 1;
			pthread_cond_wait(&h->cv, &h->mu);
			h->waiting = 0;
		}
		if (h->head == h->n)
			break;
		form = h->queue[h->head++];
		pthread_mutex_unlock(&h->mu);
		if (p)
			variants_props_add(p, form);
		free(form);
		pthread_mutex_lock(&h->mu);
	}
	pthread_mutex_unlock(&h->mu);
	/* Read by the caller after the join; the keys are copied. */
	h->props = p;
	h->nk = nk;
	dict_free(d);
	return NULL;
}

/* The language of the names table's dictionary (corpus_finish's). */
static const char *table_lang(const struct options *opt)
{
	return strcmp(opt->lang, "auto") ? opt->lang : "fr";
}

void corpus_ahead(struct corpus *c, const struct options *opt,
		  struct wordcache *cache)
{
	struct ahead *h = xcalloc(1, sizeof(*h));
	const char *lang = table_lang(opt), *dict_dir = opt->dict_dir,
		   *data_dir = opt->data_dir;

	pthread_mutex_init(&h->mu, NULL);
	pthread_cond_init(&h->cv, NULL);
	strmap_init(&h->seen);
	h->lang = xstrdup(lang);
	h->dict_dir = dict_dir ? xstrdup(dict_dir) : NULL;
	h->data_dir = xstrdup(data_dir);
	h->cache = cache;
	c->ahead = h; /* started by corpus_add, past AHEAD_AFTER articles */
}

static void ahead_push(struct ahead *h, const char *form)
{
	int64_t *seen = strmap_put(&h->seen, form, strlen(form));

	if (*seen)
		return;
	*seen = 1;
	pthread_mutex_lock(&h->mu);
	if (h->head == h->n) /* the queue is empty: start it again */
		h->head = h->n = 0;
	GROW(h->queue, h->cap, h->n + 1);
	h->queue[h->n++] = xstrdup(form);
	if (h->waiting && h->n - h->head >= AHEAD_BATCH)
		pthread_cond_signal(&h->cv);
	pthread_mutex_unlock(&h->mu);
}

/* One article's spellings n, merged into all: queued once the thread
 * has started (then with all those merged before). */
static void ahead_add(struct ahead *h, const struct names *all,
		      const struct names *n)
{
	if (h->done)
		return;
	if (!h->started) {
		if (++h->articles < AHEAD_AFTER)
			return;
		if (pthread_create(&h->thread, NULL, ahead_main, h)) {
			h->done = 1; /* corpus_finish computes everything */
			return;
		}
		h->started = 1;
		for (size_t i = 0; i < all->n; i++)
			ahead_push(h, all->forms[i].form);
		return;
	}
	for (size_t i = 0; n && i < n->n; i++)
		ahead_push(h, n->forms[i].form);
}

/* Stop the thread (after the queued spellings) and wait for it. */
static void ahead_join(struct ahead *h)
{
	if (!h->started)
		return;
	pthread_mutex_lock(&h->mu);
	h->done = 1;
	pthread_cond_signal(&h->cv);
	pthread_mutex_unlock(&h->mu);
	pthread_join(h->thread, NULL);
}

static void ahead_free(struct ahead *h)
{
	if (!h)
		return;
	if (!h->done)
		ahead_join(h);
	pthread_mutex_destroy(&h->mu);
	pthread_cond_destroy(&h->cv);
	for (size_t i = h->head; i < h->n; i++)
		free(h->queue[i]);
	free(h->queue);
	strmap_release(&h->seen);
	variants_props_free(h->props);
	namekey_free(h->nk);
	free(h->lang);
	free(h->dict_dir);
	free(h->data_dir);
	free(h);
}

struct corpus *corpus_new(const struct name_rules *rules)
{
	struct corpus *c = xcalloc(1, sizeof(*c));

	c->rules = rules;
	c->names = names_new(rules);
	c->counts = bp_counts_new();
	return c;
}

void corpus_free(struct corpus *c)
{
	if (!c)
		return;
	names_free(c->names);
	bp_counts_free(c->counts);
	variants_free(c->table);
	ahead_free(c->ahead);
	free(c);
}

struct names *corpus_new_names(const struct corpus *c)
{
	return names_new(c->rules);
}

void corpus_add(struct corpus *c, const struct names *n,
		const struct bp_counts *counts)
{
	names_merge(c->names, n);
	bp_counts_merge(c->counts, counts);
	if (c->ahead)
		ahead_add(c->ahead, c->names, n);
}

/* A probe is a list of entries: a tag, a length (size_t) and the bytes. */
enum { PROBE_NAME = 'N', PROBE_LINE = 'L', PROBE_UNSURE = 'U' };

static void probe_add(struct strbuf *p, char tag, const char *s, size_t len)
{
	sb_addc(p, tag);
	sb_add(p, (const char *)&len, sizeof(len));
	sb_add(p, s, len);
}

void corpus_probe_name(void *probe, const char *s, size_t len)
{
	probe_add(probe, PROBE_NAME, s, len);
}

static void probe_line(void *probe, const char *key, size_t len)
{
	probe_add(probe, PROBE_LINE, key, len);
}

void corpus_probe_lines(struct strbuf *probe,
			const struct bp_counts *article_counts)
{
	/* A key evicted from the article's own counts cannot be probed. */
	if (bp_counts_evictions(article_counts))
		probe_add(probe, PROBE_UNSURE, "", 0);
	bp_counts_each(article_counts, probe_line, probe);
}

int corpus_touches(const struct corpus *c, const char *probe, size_t len)
{
	size_t at = 0, n;

	while (at < len) {
		char tag = probe[at++];
		const char *s;

		if (len - at < sizeof(n))
			return 1; /* not a probe of ours: be safe */
		memcpy(&n, probe + at, sizeof(n));
		at += sizeof(n);
		if (n > len - at)
			return 1;
		s = probe + at;
		at += n;
		if (tag == PROBE_UNSURE ||
		    (tag == PROBE_NAME && variants_changes(c->table, s, n)) ||
		    (tag == PROBE_LINE && bp_counts_recurs(c->counts, s, n)))
			return 1;
	}
	return 0;
}

int corpus_finish(struct corpus *c, const struct variants *prior,
		  struct wordcache *dict_cache, const struct options *opt,
		  int have_counts, struct dict *const *dicts, size_t ndicts)
{
	struct dict *d = ndicts ? dicts[0] : NULL;
	const char *lang = table_lang(opt);
	struct namekey *nk = NULL;
	struct dict *own = NULL;
	struct variants_opts vo;

	/* The thread ahead's rules, when it ran: the same files. */
	if (c->ahead) {
		ahead_join(c->ahead);
		nk = c->ahead->nk;
		c->ahead->nk = NULL;
	}
	if (!nk && !(nk = namekey_open(opt->data_dir)))
		return -1;
	if (!d)
		d = own = dict_try_open(lang, opt->dict_dir, opt->data_dir);
	/* The workers' lookups of the same language: the names' word forms
	 * checked here are the ones spelling asks about next. */
	if (own)
		dict_share_cache(own, dict_cache);
	variants_opts_init(&vo);
	/* Hunspell suggestions would find dictionary spellings of names
	 * absent from the batch (Kursk -> Koursk) at 0.1-0.5 s each and with
	 * false friends (Schrader -> Schröder): not by default. */
	vo.suggest_max = 0;
	/* The table an editor reads lists names; the corpus state of a
	 * shard ('relire collect') keeps the common words for the merge. */
	vo.keep_common = opt->collect_only;
	if (ndicts > 1) {
		vo.more_dicts = dicts + 1;
		vo.nmore_dicts = ndicts - 1;
	}
	if (c->ahead)
		vo.props = c->ahead->props; /* NULL: not started */
	if (have_counts) {
		c->table = variants_build(c->names, prior, nk, d, &vo);
	} else {
		/* A stream (standard input, --jsonl) has no first pass: the
		 * seed and editor tables apply as they are. */
		c->table = variants_new();
		variants_overlay(c->table, prior);
	}
	/* The table has copied what it needed. */
	ahead_free(c->ahead);
	c->ahead = NULL;
	namekey_free(nk);
	dict_free(own);
	c->have_counts = have_counts;
	return 0;
}

int corpus_write_variants(const struct corpus *c, FILE *fp, int neutralize)
{
	return c->table ? variants_write_names_fp(c->table, fp, neutralize) : 0;
}

int corpus_load(struct corpus *c, const char *dir)
{
	struct strbuf path;
	int rc;

	sb_init(&path);
	sb_addf(&path, "%s/variants.csv", dir);
	rc = variants_read(path.buf, &c->table);
	sb_reset(&path);
	sb_addf(&path, "%s/line-counts.csv", dir);
	/* Both files or none: without the line counts the audit would
	 * silently miss the recurring lines a whole run finds. */
	if (rc == 0 && access(path.buf, R_OK) != 0) {
		rc = rl_error("incomplete corpus state: cannot read '%s': %s",
			      path.buf, strerror(errno));
		fputs("hint: write the state with 'relire collect' or 'relire "
		      "merge' (it holds variants.csv and line-counts.csv)\n",
		      stderr);
	} else if (rc == 0) {
		rc = bp_counts_read(c->counts, path.buf);
		c->have_counts = 1;
	}
	sb_release(&path);
	return rc < 0 ? -1 : 0;
}

void corpus_results(const struct corpus *c, const struct variants **table,
		    const struct bp_counts **bp, size_t *articles)
{
	*table = c->table;
	*bp = c->have_counts ? c->counts : NULL;
	*articles = c->have_counts ? bp_counts_articles(c->counts) : 0;
}

static int write_table(const struct corpus *c, const char *path, int neutralize)
{
	char *tmp = tmp_path_for(path);
	FILE *fp = fopen_new(tmp, 0);
	int rc = -1;

	if (!fp) {
		rl_error("cannot write '%s': %s", path, strerror(errno));
	} else {
		/* the stream is closed whether or not the rows were written */
		int bad =
		    c->table && variants_write_fp(c->table, fp, neutralize) < 0;
		int err = bad ? errno : 0;

		bad |= fclose(fp) != 0;
		if (bad) {
			rl_error("cannot write '%s': %s", path,
				 strerror(err ? err : errno));
			unlink(tmp);
		} else {
			rc = commit_tmp(tmp, path);
		}
	}
	free(tmp);
	return rc;
}

int corpus_write_state(const struct corpus *c, const char *dir, int neutralize)
{
	struct strbuf path;
	char *tmp;
	int rc;

	if (mkdir_p(dir) < 0)
		return rl_error("cannot create directory '%s': %s", dir,
				strerror(errno));
	sb_init(&path);
	sb_addf(&path, "%s/variants.csv", dir);
	rc = write_table(c, path.buf, neutralize);
	sb_reset(&path);
	sb_addf(&path, "%s/line-counts.csv", dir);
	tmp = tmp_path_for(path.buf);
	if (rc == 0)
		rc = bp_counts_write(c->counts, tmp, 1) < 0
			 ? -1
			 : commit_tmp(tmp, path.buf);
	free(tmp);
	sb_release(&path);
	return rc;
}
