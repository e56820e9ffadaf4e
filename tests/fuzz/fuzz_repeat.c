/*
 * fuzz_repeat.c - fuzz target for the repetition detector (repeat.h) on
 * the tokens of the repaired view, with the real list of legitimate
 * doubles. Its deletions must keep the model's invariants.
 */
#include "fuzz.h"
#include "repeat.h"
#include "view.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct article a;
	struct tokens ts;
	struct view v;

	article_init(&a, "fuzz");
	tokens_init(&ts);
	if (fuzz_prepare(&a, data, size, &v, &ts) == 0) {
		repeat_words(&a, &v, &ts, &fuzz_resources()->doubles);
		view_release(&v);
	}
	fuzz_check_article(&a);
	tokens_release(&ts);
	article_release(&a);
	return 0;
}
