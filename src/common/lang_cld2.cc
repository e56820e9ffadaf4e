/*
 * lang_cld2.cc - CLD2 behind a C door (see lang_cld2.h). CLD2 answers
 * ENGLISH when it cannot decide on a short text; with the expected
 * language as a hint it answers that language or UNKNOWN instead, which
 * is what relire wants (measured on ParaCrawl, tests/bench/lang_paracrawl.py).
 */
#include "common/lang_cld2.h"

#include <cstdio>
#include <cstring>

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

extern "C" int cld2_identify(const char *text, size_t len, const char *hint,
			     struct cld2_result *r)
{
	CLD2::CLDHints hints = {NULL, NULL, CLD2::UNKNOWN_ENCODING,
				CLD2::UNKNOWN_LANGUAGE};
	CLD2::Language top3[3] = {CLD2::UNKNOWN_LANGUAGE,
				  CLD2::UNKNOWN_LANGUAGE,
				  CLD2::UNKNOWN_LANGUAGE};
	CLD2::ResultChunkVector chunks;
	int percent3[3] = {0, 0, 0}, text_bytes = 0, valid = 0;
	double scores[3];
	bool reliable = false;
	CLD2::Language lang;

	if (hint)
		hints.language_hint = CLD2::GetLanguageFromName(hint);
	if (len > 0x7fffffff)
		len = 0x7fffffff;
	lang = CLD2::ExtDetectLanguageSummaryCheckUTF8(
	    text, (int)len, true, &hints, 0, top3, percent3, scores, &chunks,
	    &text_bytes, &reliable, &valid);
	std::snprintf(r->code, sizeof(r->code), "%s", CLD2::LanguageCode(lang));
	r->percent = top3[0] == lang ? percent3[0] : 0;
	r->reliable = reliable;
	r->text_bytes = text_bytes > 0 ? (size_t)text_bytes : 0;
	return valid < (int)len ? -1 : 0;
}
