/*
 * fuzz_segment.c - fuzz target for tokenization: the decoded text (valid
 * UTF-8, as segment.h requires) through segmenter_run(), twice on the same
 * segmenter to exercise its reuse across articles.
 *
 * Checks that the tokens tile the text exactly and that a second run over
 * the same text gives the same tokens.
 */
#include <stdlib.h>
#include <string.h>

#include "repair/decode.h"
#include "fuzz.h"
#include "common/segment.h"
#include "common/view.h"

static struct segmenter *seg;

static void check_same(const struct tokens *x, const struct tokens *y)
{
	if (x->n != y->n || x->words != y->words)
		fuzz_fail("second run gave %zu tokens, first %zu", y->n, x->n);
	for (size_t i = 0; i < x->n; i++)
		if (x->t[i].start != y->t[i].start ||
		    tok_end(&x->t[i]) != tok_end(&y->t[i]) ||
		    x->t[i].type != y->t[i].type ||
		    x->t[i].flags != y->t[i].flags)
			fuzz_fail("token %zu differs between two runs", i);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct article a;
	struct tokens t1, t2;
	struct view v;

	if (!seg && !(seg = segmenter_new(fuzz_options()->lang)))
		fuzz_fail("cannot open the segmenter");
	article_init(&a, "fuzz");
	if (decode_article(&a, fuzz_copy(data, size), size) < 0) {
		article_release(&a);
		return 0;
	}
	view_build(&v, &a);
	tokens_init(&t1);
	tokens_init(&t2);
	if (segmenter_run(seg, v.text, v.len, &t1) < 0 ||
	    segmenter_run(seg, v.text, v.len, &t2) < 0)
		fuzz_fail("segmenter_run failed on valid UTF-8");
	fuzz_check_tokens(&t1, v.len);
	check_same(&t1, &t2);
	tokens_release(&t1);
	tokens_release(&t2);
	view_release(&v);
	article_release(&a);
	return 0;
}
