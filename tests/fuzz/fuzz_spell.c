/*
 * fuzz_spell.c - fuzz target for the spelling detector (spell.h) with the
 * real Hunspell dictionary of the default language and the default
 * suggestions, on the tokens of the repaired view.
 */
#include "common/dict.h"
#include "fuzz.h"
#include "common/view.h"
#include "detect/spell.h"
#include "detect/suggest.h"

static struct spell_state *state;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct options *opt = fuzz_options();
	struct article a;
	struct tokens ts;
	struct view v;

	if (!state)
		state =
		    spell_state_new(opt->suggest, opt->suggest_budget, NULL);
	article_init(&a, "fuzz");
	tokens_init(&ts);
	if (fuzz_prepare(&a, data, size, &v, &ts) == 0) {
		spell_detect(&a, &v, &ts, fuzz_dict(), state);
		view_release(&v);
	}
	fuzz_check_article(&a);
	tokens_release(&ts);
	article_release(&a);
	return 0;
}
