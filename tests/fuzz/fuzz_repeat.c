/*
 * fuzz_repeat.c - fuzz target for the repetition stage (repeat.h:
 * duplicate lines, word, phrase and character repeats) on the tokens of
 * the repaired view, with the real list of legitimate doubles and the
 * real dictionary. Its deletions must keep the model's invariants.
 */
#include "fuzz.h"
#include "common/view.h"
#include "detect/repeat.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct repeat_config cfg = {
	    .doubles = &fuzz_resources()->doubles,
	    .dict = fuzz_dict(),
	};
	struct article a;
	struct tokens ts;
	struct view v;

	article_init(&a, "fuzz");
	tokens_init(&ts);
	if (fuzz_prepare(&a, data, size, &v, &ts) == 0) {
		repeat_detect(&a, &v, &ts, &cfg);
		view_release(&v);
	}
	fuzz_check_article(&a);
	tokens_release(&ts);
	article_release(&a);
	return 0;
}
