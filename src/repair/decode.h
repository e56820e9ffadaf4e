/*
 * decode.h - turn an input file's bytes into the article's UTF-8 text.
 *
 * Unicode policy (each rule is tested by name in tests/unit/test_decode.c):
 *  - utf8_valid: valid UTF-8 is taken as is; the article's text IS the
 *    file's bytes, so finding offsets are file offsets.
 *  - utf8_bom: a leading UTF-8 BOM stays in the text and is removed by an
 *    applied `encoding` finding. (A BOM anywhere else is a stray
 *    character, removed by the control_char stage.)
 *  - utf8_invalid: in text that is mostly UTF-8 (no more ill-formed
 *    sequences than well-formed multi-byte ones), each run of adjacent
 *    ill-formed bytes is replaced by ONE U+FFFD through one applied
 *    `encoding` finding per run. Ill-formed means what ICU's U8_NEXT says
 *    (Unicode's "maximal subpart" rule): overlong forms (C0 AF, E0 80 AF),
 *    encoded surrogates (ED A0 80), code points above U+10FFFF, stray
 *    continuation bytes, and sequences truncated by the next character or
 *    by the end of the buffer (a code point cut at a buffer boundary).
 *    The raw bytes stay in the original text.
 *  - utf8_latin_bytes: a snippet of Windows-1252 text pasted into UTF-8
 *    text ("la pr\xE9sentation"): a run whose every byte is an
 *    ill-formed subpart of its own and reads in Windows-1252 as a letter
 *    or as running text's punctuation (’ ‘ “ ” « » … – — € ° no-break
 *    space), lone 0xC2 and 0xC3 excepted (a UTF-8 "é" that lost its
 *    second byte), is decoded as Windows-1252 instead of U+FFFD (applied,
 *    conf 0.9), when one such run of letters (or ’) touches an ASCII
 *    letter: the evidence that the article holds such text. Without it,
 *    every run is one U+FFFD as above ("100 \x80" alone stays U+FFFD).
 *  - legacy: text that is not UTF-8 is identified with ICU's charset
 *    detector among single-byte charsets (windows-1250..1254, ISO-8859-1,
 *    -2, -5, -7, -9, KOI8-R), windows-1252 when unsure, and converted with
 *    ICU; the converted text becomes the article's text and an `encoding`
 *    finding at offset 0 records the conversion.
 *  - western_variant: when the charset is Western, windows-1252 and
 *    ISO-8859-15 are both tried and the reading with fewer C1 controls and
 *    fewer symbols wedged between letters wins ("c\xBDur" is "cœur" in
 *    ISO-8859-15 and "c½ur" in windows-1252); ties go to windows-1252,
 *    which is also how ISO-8859-1 text is read.
 *  - utf16: UTF-16 and UTF-32 with a BOM, or UTF-16 without one when the
 *    NUL pattern is unambiguous, are converted like legacy text (the BOM is
 *    consumed by the conversion).
 *  - nul_binary: other text containing NUL bytes, or with over 5% control
 *    bytes, is rejected as binary (an article error, not a guess); so is a
 *    conversion whose result contains NUL or that many controls.
 *  - too_large: input over DECODE_MAX bytes (ICU works with int32_t
 *    lengths) is an article error.
 */
#ifndef RELIRE_DECODE_H
#define RELIRE_DECODE_H

#include <stddef.h>

#include "common/article.h"

/*
 * Decode raw[0..len) into a's text and add the decoding findings. Takes
 * ownership of raw (malloc'd, len bytes plus a NUL). Returns 0, or -1 after
 * marking the article failed with the reason.
 */
int decode_article(struct article *a, char *raw, size_t len);

#endif
