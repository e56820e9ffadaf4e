/*
 * pipeline.c - stage wiring for one article. Stages do not know each
 * other; this file is the only place that knows their order.
 */
#include "cli/pipeline.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "common/dict.h"
#include "common/segment.h"
#include "common/token.h"
#include "common/util.h"
#include "common/view.h"
#include "common/wordcache.h"
#include "corpus/decisions.h"
#include "corpus/variants.h"
#include "detect/boilerplate.h"
#include "detect/lang.h"
#include "detect/repeat.h"
#include "detect/residue.h"
#include "detect/spell.h"
#include "detect/stats.h"
#include "detect/truncated.h"
#include "repair/confusable.h"
#include "repair/controls.h"
#include "repair/entities.h"
#include "repair/escapes.h"
#include "repair/lostchars.h"
#include "repair/markup.h"
#include "repair/decode.h"
#include "repair/glued.h"
#include "repair/mojibake.h"
#include "repair/normalize.h"
#include "repair/spacing.h"
#include "repair/typography.h"
#include "report/outdir.h"

struct other_dict {
	char lang[16];
	struct dict *dict; /* the pool's (borrowed); NULL: no dictionary for
			    * that language */
};

struct worker {
	const struct options *opt;
	const struct resources *res;
	struct segmenter *seg;
	struct dict *dict;
	struct spell_state *spell;
	struct mojibake *mojibake;
	struct confusable *confusable;
	struct tokens toks;
	/* Dictionaries of the other languages asked about, from the run's
	 * pool (res->dicts), remembered here so that asking costs no lock:
	 * as many as were asked (a fixed number of slots would make the
	 * answer depend on which articles a worker saw first). */
	struct other_dict *other;
	size_t nother, other_cap;
};

/* The run's default language: --lang, or French with --lang auto. */
static const char *default_lang(const struct options *opt)
{
	return strcmp(opt->lang, "auto") ? opt->lang : "fr";
}

/* The dictionary for lang, opened on first use; NULL when there is none
 * (then the article is not spell-checked). */
static struct dict *worker_dict(struct worker *w, const char *lang)
{
	struct other_dict *o;

	if (!strcmp(lang, default_lang(w->opt)))
		return w->dict;
	for (size_t i = 0; i < w->nother; i++)
		if (!strcmp(w->other[i].lang, lang))
			return w->other[i].dict;
	GROW(w->other, w->other_cap, w->nother + 1);
	o = &w->other[w->nother++];
	snprintf(o->lang, sizeof(o->lang), "%s", lang);
	o->dict = dict_pool_get(w->res->dicts, lang);
	return o->dict;
}

static struct dict *lang_dict(void *w, const char *lang)
{
	return worker_dict(w, lang);
}

/*
 * Give the memory a large article's stage freed back to the system. The
 * stages allocate and free arrays of millions of entries one after the
 * other; glibc keeps freed blocks below its (growing) mmap threshold in
 * the arenas, so that each stage's dead arrays would add to the peak of
 * the next (some 30 MB on a 50 MB article). Only above TRIM_ARTICLE
 * bytes: trimming costs page faults when the memory is used again, which
 * a small article would feel.
 */
#define TRIM_ARTICLE ((size_t)16 << 20)

static void trim_after_stage(const struct view *v)
{
#ifdef __GLIBC__
	if (v->len >= TRIM_ARTICLE)
		malloc_trim(0);
#else
	(void)v;
#endif
}

/* Language of the article and of its segments, then spelling with the
 * dictionary of the article's language. */
static void language_and_spelling(struct worker *w, struct article *a,
				  const struct view *v)
{
	struct lang_evidence ev = {&w->res->lang_words, lang_dict, w};
	struct dict *d;
	char *masked;

	snprintf(a->lang, sizeof(a->lang), "%s", default_lang(w->opt));
	lang_detect_article(a, v, &w->toks, w->dict,
			    !strcmp(w->opt->lang, "auto"), &ev);
	d = worker_dict(w, a->lang);
	/* The masked copy of the text lives only for the segments: a large
	 * article's spelling should not carry it. */
	masked = lang_mask(v, &w->toks);
	lang_detect_segments(a, v, masked, &w->toks, d, &ev);
	free(masked);
	trim_after_stage(v);
	if (d)
		spell_detect(a, v, &w->toks, d, w->spell);
}

/* Initialise wl and load data_dir/<lang>/name into it (optional file). */
static int load_list(struct wordlist *wl, const struct options *opt,
		     const char *name)
{
	struct strbuf path;
	int rc;

	wordlist_init(wl);
	sb_init(&path);
	sb_addf(&path, "%s/%.2s/%s", opt->data_dir, opt->lang, name);
	rc = wordlist_load(wl, path.buf, 1);
	sb_release(&path);
	return rc;
}

/* The score's weights: --score-weights FILE, else the data directory's. */
static int load_score_model(struct resources *r, const struct options *opt)
{
	struct strbuf path;
	int rc;

	if (opt->score_weights)
		return score_model_load(&r->score, opt->score_weights);
	sb_init(&path);
	sb_addf(&path, "%s/%s", opt->data_dir, SCORE_WEIGHTS_FILE);
	rc = score_model_load(&r->score, path.buf);
	sb_release(&path);
	return rc;
}

/* The seed table of the language (optional file), overlaid with the
 * editor's --variants table, else with the rows an editor decided in the
 * variants.csv an earlier run left in the output directory (outdir.h; its
 * automatic rows belong to the batch that wrote it); a malformed table is
 * a configuration error. */
static int load_prior_table(struct resources *r, const struct options *opt)
{
	struct variants *editor = NULL;
	struct strbuf path;
	char *editor_path = NULL;
	int rc = 0;

	sb_init(&path);
	sb_addf(&path, "%s/%.2s/names-seed.csv", opt->data_dir,
		strcmp(opt->lang, "auto") ? opt->lang : "fr");
	if (access(path.buf, R_OK) == 0)
		rc = variants_read(path.buf, &r->prior);
	if (rc == 0 && !r->prior)
		r->prior = variants_new();
	if (rc == 0 &&
	    (editor_path = opt->variants ? xstrdup(opt->variants)
					 : outdir_previous_variants(opt))) {
		rc = variants_read(editor_path, &editor);
		if (rc == 0 && opt->variants)
			variants_overlay(r->prior, editor);
		else if (rc == 0)
			variants_overlay_decided(r->prior, editor);
		variants_free(editor);
	}
	free(editor_path);
	sb_release(&path);
	return rc < 0 ? -1 : 0;
}

/* --decisions FILE, else OUT/decisions.csv when an editor saved one there
 * (a malformed file is a configuration error). */
static int load_decisions(struct resources *r, const struct options *opt)
{
	struct strbuf path;
	int rc = 0;

	if (opt->collect_only || (opt->jsonl && !opt->out_given))
		return 0;
	if (opt->decisions)
		return decisions_read(opt->decisions, &r->decisions);
	sb_init(&path);
	sb_addf(&path, "%s/decisions.csv", opt->out_dir);
	if (access(path.buf, F_OK) == 0) {
		rc = decisions_read(path.buf, &r->decisions);
		if (rc == 0 && !opt->quiet)
			fprintf(stderr,
				"relire: %zu decisions read from '%s'\n",
				decisions_count(r->decisions), path.buf);
	}
	sb_release(&path);
	return rc;
}

/* The data directory must be one: a wrong --data-dir would otherwise
 * read as a directory of empty optional lists. 0 or -1 (printed, with a
 * hint). */
static int check_data_dir(const char *dir)
{
	struct stat st;
	int err = stat(dir, &st) != 0	? errno
		  : S_ISDIR(st.st_mode) ? 0
					: ENOTDIR;

	if (!err)
		return 0;
	rl_error("cannot use data directory '%s': %s", dir, strerror(err));
	fputs("hint: --data-dir (or RELIRE_DATA_DIR) names relire's "
	      "dictionaries/ directory; leave both out for the installed one\n",
	      stderr);
	return -1;
}

int resources_load(struct resources *r, const struct options *opt)
{
	memset(r, 0, sizeof(*r));
	struct strbuf path;
	int rc;

	if (check_data_dir(opt->data_dir) < 0)
		return -1;

	r->boilerplate = NULL;
	wordlist_init(&r->doubles);
	sb_init(&path);
	repeat_rules_init(&r->repeat_rules);
	sb_addf(&path, "%s/%.2s/doubles.txt", opt->data_dir, default_lang(opt));
	rc = wordlist_load(&r->doubles, path.buf, 1);
	sb_reset(&path);
	sb_addf(&path, "%s/%.2s/repeat-rules.txt", opt->data_dir,
		default_lang(opt));
	rc = rc < 0 ? rc : repeat_rules_load(&r->repeat_rules, path.buf, 1);
	rc = rc < 0 ? rc : load_list(&r->elided_forms, opt, "elided-forms.txt");
	rc = rc < 0 ? rc : load_list(&r->negations, opt, "negations.txt");
	rc = rc < 0 ? rc
		    : load_list(&r->letter_labels, opt, "letter-labels.txt");
	rc = rc < 0 ? rc : load_list(&r->clitics, opt, "clitics.txt");
	rc = rc < 0
		 ? rc
		 : load_list(&r->no_space_before, opt, "no-space-before.txt");
	rc = rc < 0 ? rc
		    : load_list(&r->no_space_after, opt, "no-space-after.txt");
	rc = rc < 0 ? rc : load_list(&r->glued_keep, opt, "glued-keep.txt");
	rc = rc < 0 ? rc
		    : load_list(&r->glued_starters, opt, "glued-starters.txt");
	rc = rc < 0 ? rc : load_list(&r->cut_words, opt, "cut-words.txt");
	langwords_init(&r->lang_words);
	rc = rc < 0 ? rc : langwords_load(&r->lang_words, opt->data_dir);
	if (rc == 0) {
		r->boilerplate = boilerplate_rules_load(opt->data_dir);
		rc = r->boilerplate ? 0 : -1;
	}
	if (rc == 0) {
		sb_reset(&path);
		sb_addf(&path, "%s/html-entities.tsv", opt->data_dir);
		r->entities = entities_load(path.buf);
		rc = r->entities ? 0 : -1;
	}
	if (rc == 0) {
		sb_reset(&path);
		sb_addf(&path, "%s/html-elements.tsv", opt->data_dir);
		r->markup = markup_load(path.buf);
		rc = r->markup ? 0 : -1;
	}
	rc = rc < 0 ? rc
		    : name_rules_load(&r->name_rules, opt->data_dir, opt->lang);
	rc = rc < 0 ? rc : load_prior_table(r, opt);
	rc = rc < 0 ? rc : load_decisions(r, opt);
	rc = rc < 0 ? rc : load_score_model(r, opt);
	r->dict_cache = wordcache_new(SHARED_DICT_CACHE_BYTES);
	r->verdicts = wordcache_new(SHARED_VERDICT_CACHE_BYTES);
	r->dicts = dict_pool_new(opt->dict_dir, opt->data_dir);
	sb_release(&path);
	return rc;
}

void resources_release(struct resources *r)
{
	if (!r)
		return;
	wordlist_release(&r->doubles);
	repeat_rules_release(&r->repeat_rules);
	wordlist_release(&r->elided_forms);
	wordlist_release(&r->negations);
	wordlist_release(&r->letter_labels);
	wordlist_release(&r->clitics);
	wordlist_release(&r->no_space_before);
	wordlist_release(&r->no_space_after);
	wordlist_release(&r->glued_keep);
	wordlist_release(&r->glued_starters);
	wordlist_release(&r->cut_words);
	langwords_release(&r->lang_words);
	boilerplate_rules_free(r->boilerplate);
	entities_free(r->entities);
	markup_free(r->markup);
	name_rules_release(&r->name_rules);
	variants_free(r->prior);
	decisions_free(r->decisions);
	wordcache_free(r->dict_cache);
	wordcache_free(r->verdicts);
	dict_pool_free(r->dicts);
}

struct worker *worker_new(const struct options *opt,
			  const struct resources *res)
{
	struct worker *w = xcalloc(1, sizeof(*w));

	w->opt = opt;
	w->res = res;
	w->seg = segmenter_new(opt->lang);
	w->dict = dict_open(default_lang(opt), opt->dict_dir, opt->data_dir);
	if (w->dict)
		dict_share_cache(w->dict, res->dict_cache);
	w->spell =
	    spell_state_new(res->suggest, res->suggest_budget, res->verdicts);
	w->mojibake = mojibake_new(w->dict);
	w->confusable = confusable_new(opt->lang);
	tokens_init(&w->toks);
	if (!w->seg || !w->dict || !w->mojibake || !w->confusable) {
		worker_free(w);
		return NULL;
	}
	return w;
}

struct dict *worker_default_dict(struct worker *w)
{
	return w->dict;
}

void worker_free(struct worker *w)
{
	if (!w)
		return;
	segmenter_free(w->seg);
	free(w->other);
	dict_free(w->dict);
	spell_state_free(w->spell);
	mojibake_free(w->mojibake);
	confusable_free(w->confusable);
	tokens_release(&w->toks);
	free(w);
}

static void spacing_stage(struct worker *w, struct article *a,
			  const struct view *v)
{
	const struct spacing_data data = {&w->res->elided_forms,
					  &w->res->negations,
					  &w->res->letter_labels,
					  &w->res->clitics,
					  &w->res->no_space_before,
					  &w->res->no_space_after,
					  w->dict,
					  &w->res->lang_words};

	spacing_repair(a, v, &w->toks, &data);
}

static void glued_stage(struct worker *w, struct article *a,
			const struct view *v)
{
	const struct glued_lists lists = {&w->res->glued_keep,
					  &w->res->glued_starters};

	glued_repair(a, v, &w->toks, w->dict, &lists, !w->opt->per_line);
}

static void typography_stage(struct worker *w, struct article *a,
			     const struct view *v)
{
	typography_fr(a, v, &w->toks);
}

static void mojibake_stage(struct worker *w, struct article *a,
			   const struct view *v)
{
	mojibake_repair(w->mojibake, a, v);
}

static void entities_stage(struct worker *w, struct article *a,
			   const struct view *v)
{
	entities_decode(w->res->entities, a, v);
}

static void escapes_stage(struct worker *w, struct article *a,
			  const struct view *v)
{
	(void)w;
	escapes_decode(a, v);
}

static void markup_stage(struct worker *w, struct article *a,
			 const struct view *v)
{
	markup_remove(w->res->markup, a, v);
}

static void controls_stage(struct worker *w, struct article *a,
			   const struct view *v)
{
	(void)w;
	controls_remove(a, v);
}

static void confusable_stage(struct worker *w, struct article *a,
			     const struct view *v)
{
	confusable_repair(w->confusable, a, v);
}

static void lostchars_stage(struct worker *w, struct article *a,
			    const struct view *v)
{
	const struct lostchars_lang l = {w->dict, &w->res->lang_words,
					 default_lang(w->opt)};

	lostchars_repair(&l, a, v);
}

static void nfc_stage(struct worker *w, struct article *a, const struct view *v)
{
	(void)w;
	normalize_nfc(a, v);
}

/* Phase 1, in order (see repair()). */
static void (*const phase1[])(struct worker *, struct article *,
			      const struct view *) = {
    entities_stage, escapes_stage,    markup_stage, mojibake_stage,
    controls_stage, confusable_stage, nfc_stage,    lostchars_stage,
};

/* Did the stage that started at finding n0 apply a repair? Only then does
 * the text change, so that the view and the tokens must be rebuilt. */
static int applied_since(const struct article *a, size_t n0)
{
	for (size_t i = n0; i < a->nfindings; i++)
		if (a->findings[i].applied)
			return 1;
	return 0;
}

/* Rebuild *v after a stage that started at finding n0 when it changed the
 * text; *stale then says that the tokens must be rebuilt too. */
static void refresh(struct view *v, struct article *a, size_t n0, int *stale)
{
	if (!applied_since(a, n0))
		return;
	view_release(v);
	view_build(v, a);
	*stale = 1;
}

/* Tokenize *v unless the tokens are current. 0, or -1 on failure. */
static int tokenize(struct worker *w, const struct view *v, int *stale)
{
	if (!*stale)
		return 0;
	if (segmenter_run(w->seg, v->text, v->len, &w->toks) < 0)
		return -1;
	*stale = 0;
	return 0;
}

/* Run one phase-2 stage on the tokens of *v, then rebuild *v when it
 * changed the text, so that the next stage sees the repairs (each stage's
 * edits are on its own view). */
static int phase2_stage(struct worker *w, struct article *a, struct view *v,
			int *stale,
			void (*stage)(struct worker *, struct article *,
				      const struct view *))
{
	size_t n0 = a->nfindings;

	if (tokenize(w, v, stale) < 0)
		return -1;
	stage(w, a, v);
	refresh(v, a, n0, stale);
	return 0;
}

/*
 * Decode and run phases 1 and 2 (repairs), leaving in *v the view of the
 * repaired text and in w->toks its tokens. Returns 0, or -1 when the
 * article failed (v is then released).
 */
static int repair(struct worker *w, struct article *a, char *raw, size_t len,
		  struct view *v)
{
	int stale = 1;

	a->max_findings = w->opt->max_findings;
	if (decode_article(a, raw, len) < 0)
		return -1;
	/* Phase 1: character-level repairs on the decoded text, each on the
	 * view of the previous one (their spans can meet). HTML references
	 * and other escapes come first ("&Atilde;&copy;" is mojibake once
	 * decoded, "&lt;p&gt;" a tag). Mojibake
	 * comes next: C1 controls and soft hyphens are bytes of its sequences
	 * ("Ã" U+00AD is "í"), which the controls stage would delete. NFC
	 * comes before the lost letters, whose readings the dictionary gives
	 * in NFC, so that the output of every repair is NFC. */
	view_build(v, a);
	for (size_t i = 0; i < ARRAY_SIZE(phase1); i++) {
		size_t n0 = a->nfindings;

		phase1[i](w, a, v);
		refresh(v, a, n0, &stale);
	}

	/* Phase 2: spacing, joins and typography on repaired characters. */
	if (phase2_stage(w, a, v, &stale, spacing_stage) < 0 ||
	    phase2_stage(w, a, v, &stale, glued_stage) < 0 ||
	    (w->opt->typography_fr &&
	     phase2_stage(w, a, v, &stale, typography_stage) < 0))
		goto fail;
	if (tokenize(w, v, &stale) == 0)
		return 0;
fail:
	article_fail(a, "tokenization failed");
	view_release(v);
	return -1;
}

/*
 * Let a large article's tokens go once it is done. A worker reuses its
 * token array from one article to the next (segmenter_run lets an
 * oversized one go at the next article), but a worker may have no next
 * article: with two workers, the one that had a 50 MB article in the
 * first pass kept its tokens (some 150 MB) while the other
 * processed the article again in the second, and the run's peak held
 * both.
 */
#define TOKENS_KEPT 65536 /* tokens a worker keeps between articles */

static void let_go_of_tokens(struct worker *w)
{
	if (w->toks.cap > TOKENS_KEPT) {
		tokens_release(&w->toks);
		tokens_init(&w->toks);
	}
}

/* Collect the corpus evidence of the repaired text *v (see worker_first). */
static void collect(struct worker *w, const struct article *a,
		    const struct view *v, const struct first_pass *fp)
{
	names_collect(fp->names, a, v, &w->toks);
	/* The names table (built on the main thread between the passes)
	 * asks the dictionary about every name form: ask here, in
	 * parallel, so that it reads the answers from the shared cache. */
	for (size_t i = 0; i < fp->names->n; i++)
		dict_check(w->dict, fp->names->forms[i].form,
			   strlen(fp->names->forms[i].form));
	bp_counts_collect(fp->counts, v);
	if (fp->lookup)
		variants_lookups(&w->res->name_rules, v, &w->toks, fp->lookup,
				 fp->ctx);
}

void worker_collect(struct worker *w, struct article *a, char *raw, size_t len,
		    const struct first_pass *fp)
{
	struct view v;

	if (repair(w, a, raw, len, &v) < 0) {
		let_go_of_tokens(w);
		return;
	}
	collect(w, a, &v, fp);
	view_release(&v);
	let_go_of_tokens(w);
}

static void process(struct worker *w, struct article *a, char *raw, size_t len,
		    const struct first_pass *fp)
{
	struct view v;

	if (repair(w, a, raw, len, &v) < 0) {
		article_sort_findings(a);
		return;
	}
	/* On the repaired text, before any detector adds a finding, as
	 * worker_collect does. */
	if (fp)
		collect(w, a, &v, fp);

	/* Phase 3: detectors on the tokens of the repaired text. */
	a->words = w->toks.words;
	trim_after_stage(&v);
	stats_compute(a, &v, &w->toks);
	trim_after_stage(&v);
	{
		const struct repeat_config rc = {&w->res->doubles, w->dict,
						 &w->res->repeat_rules,
						 lang_dict, w};
		repeat_detect(a, &v, &w->toks, &rc);
	}
	trim_after_stage(&v);
	/* After repeats (a title printed twice is a duplicate_line), before
	 * spelling (removing a residue line wins over fixes inside it). */
	boilerplate_detect(a, &v, &w->toks, w->res->boilerplate, w->res->bp,
			   w->res->batch_articles);
	trim_after_stage(&v);
	language_and_spelling(w, a, &v);
	/* The list of cut words is the run language's. */
	truncated_detect(
	    a, &v, &w->toks, worker_dict(w, a->lang),
	    strcmp(a->lang, default_lang(w->opt)) ? NULL : &w->res->cut_words);
	residue_detect(a, &v, &w->toks, worker_dict(w, a->lang),
		       &w->res->lang_words);
	/* Last: names are unified on the text the other stages accepted. */
	if (w->res->table)
		variants_apply(w->res->table, &w->res->name_rules, a, &v,
			       &w->toks);
	view_release(&v);
	article_sort_findings(a);
	/* After every stage: an editor's word is the last. */
	decisions_apply(w->res->decisions, a);
	article_drop_shadowed_notes(a);
}

void worker_process(struct worker *w, struct article *a, char *raw, size_t len)
{
	process(w, a, raw, len, NULL);
	let_go_of_tokens(w);
}

void worker_first(struct worker *w, struct article *a, char *raw, size_t len,
		  const struct first_pass *fp)
{
	process(w, a, raw, len, fp);
	let_go_of_tokens(w);
}
