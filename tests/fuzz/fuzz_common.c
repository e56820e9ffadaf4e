/*
 * fuzz_common.c - the shared worker and the invariant checks of the fuzz
 * targets (see fuzz.h).
 */
#include "fuzz.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/dict.h"
#include "common/segment.h"
#include "common/utf8.h"
#include "common/util.h"
#include "common/view.h"
#include "repair/decode.h"
#include "repair/normalize.h"

static struct options opt;
static struct resources res;
static struct worker *worker;
static int have_options;
static struct segmenter *seg;

const struct options *fuzz_options(void)
{
	static char cmd[] = "audit", path[] = "fuzz-input";
	char *argv[] = {cmd, path, NULL};

	if (!have_options) {
		if (options_parse_audit(&opt, 2, argv) != -1)
			fuzz_fail("cannot build the default options");
		have_options = 1;
	}
	return &opt;
}

const struct resources *fuzz_resources(void)
{
	fuzz_worker();
	return &res;
}

struct worker *fuzz_worker(void)
{
	if (worker)
		return worker;
	if (resources_load(&res, fuzz_options()) < 0)
		fuzz_fail("cannot load resources from '%s'", opt.data_dir);
	worker = worker_new(&opt, &res);
	if (!worker)
		fuzz_fail("cannot open a worker");
	return worker;
}

struct dict *fuzz_dict(void)
{
	static struct dict *dict;
	const struct options *o = fuzz_options();

	if (!dict && !(dict = dict_open(o->lang, o->dict_dir, o->data_dir)))
		fuzz_fail("cannot open the dictionary for '%s'", o->lang);
	return dict;
}

char *fuzz_copy(const uint8_t *data, size_t size)
{
	return xmemdup((const char *)data, size);
}

void fuzz_fail(const char *fmt, ...)
{
	va_list ap;

	fputs("fuzz: invariant broken: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	abort();
}

static void check_finding(const struct article *a, const struct finding *f)
{
	if (f->start > f->end || f->end > a->len)
		fuzz_fail("finding %s [%zu, %zu) outside the text (%zu bytes)",
			  finding_kind_name(f->kind), f->start, f->end, a->len);
	if ((unsigned)f->kind >= FK__COUNT)
		fuzz_fail("finding of unknown kind %d", (int)f->kind);
	if (!f->replacement || f->replacement[f->repl_len] != '\0')
		fuzz_fail("replacement of %s at %zu is not NUL-terminated",
			  finding_kind_name(f->kind), f->start);
	if (!(f->confidence >= 0.0 && f->confidence <= 1.0))
		fuzz_fail("confidence %g of %s at %zu outside [0, 1]",
			  f->confidence, finding_kind_name(f->kind), f->start);
}

/* Replay the applied findings (sorted) independently of view.c. */
static char *replay(const struct article *a, size_t *len)
{
	struct strbuf sb;
	size_t pos = 0;

	sb_init(&sb);
	for (size_t i = 0; i < a->nfindings; i++) {
		const struct finding *f = &a->findings[i];

		if (!f->applied)
			continue;
		if (f->start < pos)
			fuzz_fail("applied %s [%zu, %zu) overlaps an applied "
				  "finding ending at %zu",
				  finding_kind_name(f->kind), f->start, f->end,
				  pos);
		sb_add(&sb, a->text + pos, f->start - pos);
		sb_add(&sb, f->replacement, f->repl_len);
		pos = f->end;
	}
	sb_add(&sb, a->text + pos, a->len - pos);
	return sb_detach(&sb, len);
}

void fuzz_check_article(struct article *a)
{
	size_t want_len, got_len, bad;
	char *want, *got;

	if (!a->text || a->text[a->len] != '\0')
		fuzz_fail("article text missing or not NUL-terminated");
	if (a->status != ARTICLE_OK && (!a->error || !*a->error))
		fuzz_fail("failed article without a reason");
	article_sort_findings(a);
	for (size_t i = 0; i < a->nfindings; i++)
		check_finding(a, &a->findings[i]);
	if (a->max_findings && a->nfindings > a->max_findings)
		fuzz_fail("%zu findings listed, cap is %zu", a->nfindings,
			  a->max_findings);
	want = replay(a, &want_len);
	got = article_clean_text(a, &got_len);
	if (got_len != want_len || memcmp(got, want, got_len))
		fuzz_fail("cleaned text differs from the replayed findings");
	if (a->status == ARTICLE_OK &&
	    utf8_find_invalid(got, got_len, &bad) != got_len)
		fuzz_fail("cleaned text is not valid UTF-8 at byte %zu",
			  utf8_find_invalid(got, got_len, &bad));
	free(want);
	free(got);
}

void fuzz_check_tokens(const struct tokens *ts, size_t len)
{
	size_t pos = 0, words = 0;

	for (size_t i = 0; i < ts->n; i++) {
		const struct token *t = &ts->t[i];

		if (t->start != pos || tok_end(t) <= t->start ||
		    tok_end(t) > len)
			fuzz_fail("token %zu [%zu, %zu) does not follow %zu", i,
				  (size_t)t->start, (size_t)tok_end(t), pos);
		if (t->type > TOK_PUNCT)
			fuzz_fail("token %zu has type %d", i, (int)t->type);
		words += t->type == TOK_WORD || t->type == TOK_NUMBER;
		pos = tok_end(t);
	}
	if (pos != len)
		fuzz_fail("tokens end at %zu, text at %zu", pos, len);
	if (ts->n && ts->t[ts->n].start != len)
		fuzz_fail("sentinel at %zu, text at %zu",
			  (size_t)ts->t[ts->n].start, len);
	if (words != ts->words)
		fuzz_fail("word count %zu, counted %zu", ts->words, words);
}

int fuzz_prepare(struct article *a, const uint8_t *data, size_t size,
		 struct view *v, struct tokens *ts)
{
	if (!seg && !(seg = segmenter_new(fuzz_options()->lang)))
		fuzz_fail("cannot open the segmenter");
	a->max_findings = fuzz_options()->max_findings;
	if (decode_article(a, fuzz_copy(data, size), size) < 0)
		return -1;
	view_build(v, a);
	normalize_nfc(a, v);
	view_release(v);
	view_build(v, a);
	if (segmenter_run(seg, v->text, v->len, ts) < 0)
		fuzz_fail("segmenter_run failed on valid UTF-8");
	a->words = ts->words;
	return 0;
}
