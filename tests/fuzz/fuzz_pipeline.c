/*
 * fuzz_pipeline.c - fuzz target for the whole article pipeline: one real
 * worker (default options, resources loaded once, as in a run) processes
 * every input with worker_process().
 *
 * The invariants of the data model are checked on every result: applied
 * findings never overlap, replaying them gives exactly the cleaned text,
 * the cleaned text is valid UTF-8, the findings are listed sorted, and
 * the per-kind counts add up to the listed and dropped findings.
 */
#include "fuzz.h"

static void check_sorted(const struct article *a)
{
	for (size_t i = 1; i < a->nfindings; i++) {
		const struct finding *p = &a->findings[i - 1];
		const struct finding *f = &a->findings[i];

		if (p->start > f->start ||
		    (p->start == f->start && p->end > f->end))
			fuzz_fail("findings %zu and %zu are not sorted", i - 1,
				  i);
	}
}

/* The per-kind counts of quality.csv cover listed and dropped findings. */
static void check_counts(const struct article *a)
{
	size_t total = 0, listed[FK__COUNT] = {0};

	for (size_t i = 0; i < a->nfindings; i++)
		listed[a->findings[i].kind]++;
	for (int k = 0; k < FK__COUNT; k++) {
		if (a->counts[k] < listed[k])
			fuzz_fail("%zu %s findings listed, %zu counted",
				  listed[k], finding_kind_name(k),
				  a->counts[k]);
		total += a->counts[k];
	}
	if (total != a->nfindings + a->dropped)
		fuzz_fail("counts sum to %zu, %zu listed + %zu dropped", total,
			  a->nfindings, a->dropped);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct article a;

	article_init(&a, "fuzz");
	worker_process(fuzz_worker(), &a, fuzz_copy(data, size), size);
	check_sorted(&a);
	fuzz_check_article(&a);
	check_counts(&a);
	article_release(&a);
	return 0;
}
