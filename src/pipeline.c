/*
 * pipeline.c - stage wiring for one article. Stages do not know each
 * other; this file is the only place that knows their order.
 */
#include "pipeline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decode.h"
#include "dict.h"
#include "normalize.h"
#include "repeat.h"
#include "segment.h"
#include "spell.h"
#include "token.h"
#include "util.h"
#include "view.h"

struct worker {
	void *user;
	const struct options *opt;
	const struct resources *res;
	struct segmenter *seg;
	struct dict *dict;
	struct spell_state *spell;
	struct tokens toks;
};

int resources_load(struct resources *r, const struct options *opt)
{
	struct strbuf path;
	int rc;

	wordlist_init(&r->doubles);
	sb_init(&path);
	sb_addf(&path, "%s/%.2s/doubles.txt", opt->data_dir, opt->lang);
	rc = wordlist_load(&r->doubles, path.buf, 1);
	sb_release(&path);
	return rc;
}

void resources_release(struct resources *r)
{
	if (r)
		wordlist_release(&r->doubles);
}

struct worker *worker_new(const struct options *opt,
			  const struct resources *res, void *user)
{
	struct worker *w = xcalloc(1, sizeof(*w));

	w->user = user;
	w->opt = opt;
	w->res = res;
	w->seg = segmenter_new(opt->lang);
	w->dict = dict_open(opt->lang, opt->dict_dir, opt->data_dir);
	w->spell = spell_state_new(opt->suggest_budget);
	tokens_init(&w->toks);
	if (!w->seg || !w->dict) {
		worker_free(w);
		return NULL;
	}
	return w;
}

void *worker_user(const struct worker *w)
{
	return w->user;
}

void worker_free(struct worker *w)
{
	if (!w)
		return;
	segmenter_free(w->seg);
	dict_free(w->dict);
	spell_state_free(w->spell);
	tokens_release(&w->toks);
	free(w);
}

void worker_process(struct worker *w, struct article *a, char *raw,
		    size_t len)
{
	struct view v;

	a->max_findings = w->opt->max_findings;
	if (decode_article(a, raw, len) < 0)
		return;

	/* Phase 1: character-level repairs on the decoded text. */
	view_build(&v, a);
	normalize_nfc(a, &v);
	view_release(&v);

	/* Phase 2: spacing, joins and typography on repaired characters. */
	view_build(&v, a);
	view_release(&v);

	/* Phase 3: detectors on the tokens of the repaired text. */
	view_build(&v, a);
	if (segmenter_run(w->seg, v.text, v.len, &w->toks) < 0) {
		article_fail(a, "tokenization failed");
		goto out;
	}
	a->words = w->toks.words;
	repeat_words(a, &v, &w->toks, &w->res->doubles);
	spell_detect(a, &v, &w->toks, w->dict, w->spell);
out:
	view_release(&v);
	article_sort_findings(a);
}
