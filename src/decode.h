/*
 * decode.h - turn an input file's bytes into the article's UTF-8 text.
 *
 * Unicode policy (each rule is tested by name in tests/unit/test_decode.c):
 *  - utf8_valid: valid UTF-8 is taken as is; the article's text IS the
 *    file's bytes, so finding offsets are file offsets.
 *  - utf8_bom: a leading UTF-8 BOM stays in the text and is removed by an
 *    applied `encoding` finding.
 *  - utf8_invalid: in text that is mostly UTF-8, each run of ill-formed
 *    bytes (ICU's maximal subparts) is replaced by one U+FFFD through one
 *    applied `encoding` finding per run. The raw bytes stay in the original.
 *  - legacy: text that is not UTF-8 is identified with ICU's charset
 *    detector among single-byte charsets (windows-1252 when unsure) and
 *    converted; the converted text becomes the article's text and an
 *    `encoding` finding at offset 0 records the conversion.
 *  - utf16: UTF-16 with a BOM, or without one when the NUL pattern is
 *    unambiguous, is converted like legacy text.
 *  - nul_binary: other text containing NUL bytes, or with many control
 *    characters, is rejected as binary (an article error, not a guess).
 */
#ifndef RELIRE_DECODE_H
#define RELIRE_DECODE_H

#include <stddef.h>

#include "article.h"

/*
 * Decode raw[0..len) into a's text and add the decoding findings. Takes
 * ownership of raw (malloc'd, len bytes plus a NUL). Returns 0, or -1 after
 * marking the article failed with the reason.
 */
int decode_article(struct article *a, char *raw, size_t len);

#endif
