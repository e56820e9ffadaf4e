/*
 * fuzz_normalize.c - fuzz target for the character-level repairs: decode,
 * then Unicode normalization on the view of the decoded text.
 *
 * Checks the model's invariants (fuzz_check_article) and the NFC policy of
 * normalize.h: after the repairs the cleaned text is NFC.
 */
#include <stdlib.h>
#include <string.h>

#include "repair/decode.h"
#include "fuzz.h"
#include "common/utf8.h"
#include "common/view.h"
#include "repair/normalize.h"

static void check_nfc(struct article *a)
{
	size_t len, nfc_len;
	char *clean = article_clean_text(a, &len);
	char *nfc = nfc_utf8(clean, len, &nfc_len);

	if (!nfc)
		fuzz_fail("NFC of the cleaned text failed");
	if (nfc_len != len || memcmp(nfc, clean, len))
		fuzz_fail("cleaned text is not NFC");
	free(nfc);
	free(clean);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct article a;
	struct view v;

	article_init(&a, "fuzz");
	a.max_findings = fuzz_options()->max_findings;
	if (decode_article(&a, fuzz_copy(data, size), size) == 0) {
		view_build(&v, &a);
		normalize_nfc(&a, &v);
		view_release(&v);
		check_nfc(&a);
	}
	fuzz_check_article(&a);
	article_release(&a);
	return 0;
}
