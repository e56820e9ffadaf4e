/*
 * utf8.h - code points and character classes over UTF-8, through ICU.
 *
 * The rest of relire never decodes UTF-8 by hand: it walks text with
 * utf8_next() (ICU's U8_NEXT) and asks ICU for character properties here.
 * Unicode policy for iteration: an ill-formed sequence yields -1 and
 * advances past the maximal ill-formed subpart (ICU's definition), so a
 * walk always terminates and never reads past len.
 */
#ifndef RELIRE_UTF8_H
#define RELIRE_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Decode the code point at s[*i] (i < len), advance *i. -1 if ill-formed.
 * Inline for ASCII (most bytes of the text); utf8_next_multi() does the
 * rest through ICU. */
int32_t utf8_next_multi(const char *s, size_t *i, size_t len);
static inline int32_t utf8_next(const char *s, size_t *i, size_t len)
{
	unsigned char c = (unsigned char)s[*i];

	if (c < 0x80) {
		(*i)++;
		return c;
	}
	return utf8_next_multi(s, i, len);
}
/* Decode the code point ending before s[*i] (i > 0), move *i back to its
 * start. -1 if ill-formed. */
int32_t utf8_prev(const char *s, size_t *i);
/* Number of code points in s[0..len); an ill-formed subpart counts as 1. */
size_t utf8_count(const char *s, size_t len);
/* Offset of the first ill-formed byte in s[0..len), or len when valid.
 * *bad_len receives the length of the maximal ill-formed subpart. */
size_t utf8_find_invalid(const char *s, size_t len, size_t *bad_len);
/* Encode cp into out (at least 4 bytes); returns the byte count. */
size_t utf8_put(char *out, int32_t cp);

/* Character classes (ICU properties). A code point below 0x80 is answered
 * from uc_ascii_class[] (bits UC_ASCII_*, the same answers as ICU's, which
 * test_utf8 checks for all 128), any other by ICU (the *_icu functions);
 * -1 (an ill-formed sequence) is in no class. */
enum {
	UC_ASCII_ALPHA = 1,
	UC_ASCII_UPPER = 2,
	UC_ASCII_LOWER = 4,
	UC_ASCII_DIGIT = 8,
	UC_ASCII_SPACE = 16,
};
extern const unsigned char uc_ascii_class[128];
int uc_is_alpha_icu(int32_t cp);
int uc_is_upper_icu(int32_t cp);
int uc_is_lower_icu(int32_t cp);
int uc_is_digit_icu(int32_t cp);
int uc_is_space_icu(int32_t cp);
/* The class bit of cp: from the table for ASCII, else from icu(cp). */
static inline int uc_class(int32_t cp, int bit, int (*icu)(int32_t))
{
	return cp >= 0 && cp < 0x80 ? uc_ascii_class[cp] & bit : icu(cp);
}
static inline int uc_is_alpha(int32_t cp)
{
	return uc_class(cp, UC_ASCII_ALPHA, uc_is_alpha_icu);
}
static inline int uc_is_upper(int32_t cp)
{
	return uc_class(cp, UC_ASCII_UPPER, uc_is_upper_icu);
}
static inline int uc_is_lower(int32_t cp)
{
	return uc_class(cp, UC_ASCII_LOWER, uc_is_lower_icu);
}
static inline int uc_is_digit(int32_t cp)
{
	return uc_class(cp, UC_ASCII_DIGIT, uc_is_digit_icu);
}
/* White_Space, including NBSP and NNBSP. */
static inline int uc_is_space(int32_t cp)
{
	return uc_class(cp, UC_ASCII_SPACE, uc_is_space_icu);
}
int uc_is_apostrophe(int32_t cp); /* ' or U+2019, the two news writes */

/* Length in bytes of the apostrophe (' or U+2019) at s[0..len), or 0. */
size_t utf8_apostrophe_at(const char *s, size_t len);
int uc_is_mark(int32_t cp);    /* general category M* */
int uc_is_symbol(int32_t cp);  /* general category S*: + = | $ ★ © → */
int uc_is_math(int32_t cp);    /* general category Sm: + = √ ≈ ≤ */
int uc_is_control(int32_t cp); /* general category Cc: TAB, LF, C1 */
/* The punctuation of running text beyond ASCII that charsets and
 * escapes carry: ’ ‘ “ ” « » … – — € ° and the no-break space. */
int uc_is_text_punct(int32_t cp);
int uc_is_quotation(int32_t cp); /* Quotation_Mark: " ' « » “ ” ‹ › „ */
/* Simple case mapping of one code point (itself when it has none). */
int32_t uc_to_upper(int32_t cp);
int32_t uc_to_lower(int32_t cp);
int uc_is_cyrillic(int32_t cp);
int uc_is_latin(int32_t cp);

/* 1 when every code point of s[0..len) that is a letter is upper-case and
 * there are at least two letters ("OTAN", "ÖVP"); also when a function
 * that knows only ASCII wrote it in capitals (strtoupper() without
 * mbstring, toupper() byte by byte in the C locale): its ASCII letters,
 * two or more, all upper-case, and its other letters left in lower case,
 * never more of them than ASCII letters ("REGIóN", "DURACIóN"). */
int utf8_is_all_caps(const char *s, size_t len);
/* 1 when the first code point of s is an upper-case letter. */
int utf8_starts_upper(const char *s, size_t len);

/*
 * Full Unicode case folding of s[0..len) into a malloc'd, NUL-terminated
 * string (caller frees); its length in *out_len. Used for case-insensitive
 * comparison keys ("Rast" and "rast" fold alike).
 */
char *utf8_fold(const char *s, size_t len, size_t *out_len);
/* Lower-case / title-case mapping with the root locale, same ownership. */
char *utf8_lower(const char *s, size_t len, size_t *out_len);
char *utf8_upper(const char *s, size_t len, size_t *out_len);
/* A copy of s[0..len) with the code point at byte offset at upper-cased
 * (upper) or lower-cased, same ownership: "schnalle" -> "Schnalle" (at
 * 0), "MitarbeiterInnen" -> "Mitarbeiterinnen". An ill-formed code point
 * there is copied as it is. */
char *utf8_recase_at(const char *s, size_t len, size_t at, int upper,
		     size_t *out_len);

/*
 * NFC of s[0..len) as a malloc'd string (caller frees), length in *out_len.
 * Returns NULL when ICU fails (ill-formed input is passed through by ICU's
 * conversion as U+FFFD).
 */
char *nfc_utf8(const char *s, size_t len, size_t *out_len);

/*
 * The quotation marks of language lang (a BCP 47 code: "fr", "de"), from
 * CLDR through ICU: the primary pair, or with alternate set the
 * alternate one ("„" and "“" in German, "«" and "»" in French). Each as a
 * code point; returns 0 when ICU has no such pair or a mark is not one
 * character.
 */
int lang_quotes(const char *lang, int alternate, int32_t *open, int32_t *close);

/*
 * The letters of language lang (a BCP 47 code) in [lo, hi): its standard
 * exemplar characters (CLDR through ICU: "а".."я" and "ё" in Russian),
 * both cases. Sets bit c - lo of bits (hi - lo bits, cleared first) for
 * each; returns how many, 0 when ICU has no data for lang.
 */
size_t lang_letters(const char *lang, int32_t lo, int32_t hi, uint8_t *bits);

/*
 * The Unicode name of cp ("NO-BREAK SPACE"); for a control character
 * without one, its alias ("LINE FEED"), else "U+XXXX". Writes at most
 * size bytes (NUL included) to buf and returns buf.
 */
char *utf8_char_name(int32_t cp, char *buf, size_t size);

/*
 * When the change from orig[0..olen) to repl[0..rlen) touches only white
 * space (what differs, once the common start and end are set aside, is
 * white space or nothing on both sides), a description naming each
 * character: "SPACE -> NO-BREAK SPACE", "inserted LINE FEED", "deleted
 * SPACE + SPACE". Malloc'd (caller frees); NULL when anything else
 * changes or nothing does.
 */
char *utf8_whitespace_change(const char *orig, size_t olen, const char *repl,
			     size_t rlen);

#endif
