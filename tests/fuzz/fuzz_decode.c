/*
 * fuzz_decode.c - fuzz target for decoding: any bytes (UTF-8, damaged
 * UTF-8, legacy charsets, UTF-16, binary) through decode_article().
 *
 * Beyond "no crash, no sanitizer report": a decoded article is valid
 * UTF-8 once its applied findings are replayed, and a failed one says why.
 */
#include <stdlib.h>

#include "repair/decode.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct article a;

	article_init(&a, "fuzz");
	a.max_findings = fuzz_options()->max_findings;
	if (decode_article(&a, fuzz_copy(data, size), size) == 0 &&
	    a.status != ARTICLE_OK)
		fuzz_fail("decode succeeded on a failed article");
	fuzz_check_article(&a);
	article_release(&a);
	return 0;
}
