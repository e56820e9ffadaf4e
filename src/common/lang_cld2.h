/*
 * lang_cld2.h - the door to CLD2 (Compact Language Detector 2, C++), for
 * C callers. Only lang.c includes this header; only lang_cld2.cc includes
 * CLD2's.
 */
#ifndef RELIRE_LANG_CLD2_H
#define RELIRE_LANG_CLD2_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

struct cld2_result {
	char code[16];	   /* ISO 639-1 code ("fr"), "un" when unknown */
	int percent;	   /* share of the text in that language, 0..100 */
	int reliable;	   /* CLD2's is_reliable */
	size_t text_bytes; /* letters CLD2 scored */
};

/*
 * Identify the language of text[0..len) (valid UTF-8, plain text). hint is
 * a language code that CLD2 should favour when the text is ambiguous, or
 * NULL. Fills *r; returns 0, or -1 when the text is not valid UTF-8 (r then
 * says "un"). Thread-safe: CLD2 keeps no state between calls.
 */
int cld2_identify(const char *text, size_t len, const char *hint,
		  struct cld2_result *r);

#ifdef __cplusplus
}
#endif

#endif
