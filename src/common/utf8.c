/*
 * utf8.c - ICU-backed UTF-8 iteration, character properties and case
 * mapping. Case mapping uses a UCaseMap over UTF-8 directly, so no UTF-16
 * round trip is needed for keys.
 */
#include "common/utf8.h"

#include <assert.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/ucasemap.h>
#include <unicode/ulocdata.h>
#include <unicode/unorm2.h>
#include <unicode/uset.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include "common/util.h"

int32_t utf8_next_multi(const char *s, size_t *i, size_t len)
{
	const uint8_t *u = (const uint8_t *)s;
	int32_t pos = 0, c;

	/* U8_NEXT works on int32_t offsets; walk from a window base so that
	 * texts over 2 GiB stay correct. */
	U8_NEXT(u + *i, pos, (int32_t)(len - *i > 8 ? 8 : len - *i), c);
	*i += (size_t)pos;
	return c < 0 ? -1 : c;
}

int32_t utf8_prev(const char *s, size_t *i)
{
	const uint8_t *u = (const uint8_t *)s;
	size_t base = *i > 8 ? *i - 8 : 0;
	int32_t pos = (int32_t)(*i - base), c;

	U8_PREV(u + base, 0, pos, c);
	*i = base + (size_t)pos;
	return c < 0 ? -1 : c;
}

size_t utf8_count(const char *s, size_t len)
{
	size_t i = 0, n = 0;

	while (i < len) {
		utf8_next(s, &i, len);
		n++;
	}
	return n;
}

size_t utf8_find_invalid(const char *s, size_t len, size_t *bad_len)
{
	size_t i = 0;

	while (i < len) {
		size_t at = i;
		if (utf8_next(s, &i, len) < 0) {
			*bad_len = i - at;
			return at;
		}
	}
	*bad_len = 0;
	return len;
}

size_t utf8_put(char *out, int32_t cp)
{
	int32_t n = 0;
	UBool err = 0;

	U8_APPEND((uint8_t *)out, n, 4, cp, err);
	return err ? 0 : (size_t)n;
}

/* ICU's answers for U+0000..U+007F: letters A-Z a-z, digits 0-9, and
 * White_Space U+0009..U+000D and U+0020 (test_utf8 compares every entry
 * with ICU). */
#define S UC_ASCII_SPACE
#define D UC_ASCII_DIGIT
#define U (UC_ASCII_ALPHA | UC_ASCII_UPPER)
#define L (UC_ASCII_ALPHA | UC_ASCII_LOWER)
const unsigned char uc_ascii_class[128] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, S, S, S, S, S, 0, 0, /* 0x00 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x10 */
    S, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x20 */
    D, D, D, D, D, D, D, D, D, D, 0, 0, 0, 0, 0, 0, /* 0x30 */
    0, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, /* 0x40 */
    U, U, U, U, U, U, U, U, U, U, U, 0, 0, 0, 0, 0, /* 0x50 */
    0, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, /* 0x60 */
    L, L, L, L, L, L, L, L, L, L, L, 0, 0, 0, 0, 0, /* 0x70 */
};
#undef S
#undef D
#undef U
#undef L

int uc_is_alpha_icu(int32_t cp)
{
	return cp >= 0 && u_isalpha(cp);
}
int uc_is_upper_icu(int32_t cp)
{
	return cp >= 0 && u_isupper(cp);
}
int uc_is_lower_icu(int32_t cp)
{
	return cp >= 0 && u_islower(cp);
}
int uc_is_digit_icu(int32_t cp)
{
	return cp >= 0 && u_isdigit(cp);
}
int uc_is_space_icu(int32_t cp)
{
	return cp >= 0 && u_isUWhiteSpace(cp);
}

int uc_is_mark(int32_t cp)
{
	return cp >= 0 && (U_GET_GC_MASK(cp) & U_GC_M_MASK);
}

int uc_is_symbol(int32_t cp)
{
	return cp >= 0 && (U_GET_GC_MASK(cp) & U_GC_S_MASK);
}

int uc_is_math(int32_t cp)
{
	return cp >= 0 && (U_GET_GC_MASK(cp) & U_GC_SM_MASK);
}

int uc_is_text_punct(int32_t cp)
{
	static const int32_t punct[] = {0x2019, 0x2018, 0x201C, 0x201D,
					0x00AB, 0x00BB, 0x2026, 0x2013,
					0x2014, 0x20AC, 0x00B0, 0x00A0};

	for (size_t k = 0; k < sizeof(punct) / sizeof(punct[0]); k++)
		if (cp == punct[k])
			return 1;
	return 0;
}

int uc_is_control(int32_t cp)
{
	return cp >= 0 && u_charType(cp) == U_CONTROL_CHAR;
}

int uc_is_quotation(int32_t cp)
{
	return cp >= 0 && u_hasBinaryProperty(cp, UCHAR_QUOTATION_MARK);
}

int32_t uc_to_upper(int32_t cp)
{
	return cp >= 0 ? u_toupper(cp) : cp;
}

int32_t uc_to_lower(int32_t cp)
{
	return cp >= 0 ? u_tolower(cp) : cp;
}

static int script_is(int32_t cp, UScriptCode want)
{
	UErrorCode err = U_ZERO_ERROR;
	return cp >= 0 && uscript_getScript(cp, &err) == want && U_SUCCESS(err);
}

int uc_is_cyrillic(int32_t cp)
{
	return script_is(cp, USCRIPT_CYRILLIC);
}
int uc_is_latin(int32_t cp)
{
	return script_is(cp, USCRIPT_LATIN);
}

int utf8_is_all_caps(const char *s, size_t len)
{
	size_t i = 0, letters = 0, ascii = 0, lower = 0;

	while (i < len) {
		int32_t c = utf8_next(s, &i, len);
		if (!uc_is_alpha(c))
			continue;
		letters++;
		if (uc_is_upper(c)) {
			ascii += c < 0x80;
			continue;
		}
		if (c < 0x80 || !uc_is_lower(c))
			return 0; /* ASCII in lower case, or no case */
		lower++;
	}
	return letters >= 2 && (!lower || (ascii >= 2 && lower <= ascii));
}

int utf8_starts_upper(const char *s, size_t len)
{
	size_t i = 0;
	return len > 0 && uc_is_upper(utf8_next(s, &i, len));
}

typedef int32_t case_fn(const UCaseMap *, char *, int32_t, const char *,
			int32_t, UErrorCode *);

static int ascii_only(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)s[i] >= 0x80)
			return 0;
	return 1;
}

/* ASCII text maps the same under every Unicode case mapping. */
static char *ascii_map(case_fn *fn, const char *s, size_t len, size_t *out_len)
{
	char *out = xmemdup(s, len);
	int upper = fn == ucasemap_utf8ToUpper;

	for (size_t i = 0; i < len; i++) {
		char c = out[i];
		if (upper && c >= 'a' && c <= 'z')
			out[i] = (char)(c - 'a' + 'A');
		else if (!upper && c >= 'A' && c <= 'Z')
			out[i] = (char)(c - 'A' + 'a');
	}
	*out_len = len;
	return out;
}

/* One UCaseMap per thread (they are not thread-safe), closed when the
 * thread exits. */
static pthread_key_t case_map_key;
static pthread_once_t case_map_once = PTHREAD_ONCE_INIT;

static void close_case_map(void *cm)
{
	ucasemap_close(cm);
}

static void make_case_map_key(void)
{
	int rc = pthread_key_create(&case_map_key, close_case_map);

	if (rc != 0)
		rl_fatal("cannot create a thread key for ICU case mapping: %s",
			 strerror(rc));
}

static const UCaseMap *thread_case_map(void)
{
	UCaseMap *cm;
	UErrorCode err = U_ZERO_ERROR;

	pthread_once(&case_map_once, make_case_map_key);
	cm = pthread_getspecific(case_map_key);
	if (!cm) {
		int rc;

		cm = ucasemap_open("", 0, &err);
		if (U_FAILURE(err))
			rl_fatal("cannot open ICU case mapping: %s",
				 u_errorName(err));
		rc = pthread_setspecific(case_map_key, cm);
		if (rc != 0)
			rl_fatal(
			    "cannot keep the ICU case mapping of a thread: "
			    "%s",
			    strerror(rc));
	}
	return cm;
}

/* The preflight-allocate-fill dance for ICU's UTF-8 case mapping. */
static char *case_map(case_fn *fn, const char *s, size_t len, size_t *out_len)
{
	UErrorCode err = U_ZERO_ERROR;
	int32_t cap = (int32_t)len + 16, n;
	const UCaseMap *cm;
	char *out;

	if (ascii_only(s, len))
		return ascii_map(fn, s, len, out_len);
	cm = thread_case_map();
	out = xmalloc((size_t)cap + 1);
	n = fn(cm, out, cap, s, (int32_t)len, &err);
	if (err == U_BUFFER_OVERFLOW_ERROR) {
		err = U_ZERO_ERROR;
		out = xrealloc(out, (size_t)n + 1);
		n = fn(cm, out, n, s, (int32_t)len, &err);
	}
	if (U_FAILURE(err) && err != U_STRING_NOT_TERMINATED_WARNING)
		n = 0; /* ill-formed input: an empty key never matches */
	out[n] = '\0';
	*out_len = (size_t)n;
	return out;
}

char *utf8_fold(const char *s, size_t len, size_t *out_len)
{
	return case_map(ucasemap_utf8FoldCase, s, len, out_len);
}

char *utf8_lower(const char *s, size_t len, size_t *out_len)
{
	return case_map(ucasemap_utf8ToLower, s, len, out_len);
}

char *utf8_upper(const char *s, size_t len, size_t *out_len)
{
	return case_map(ucasemap_utf8ToUpper, s, len, out_len);
}

char *utf8_recase_at(const char *s, size_t len, size_t at, int upper,
		     size_t *out_len)
{
	size_t i = at, n = 0;
	char *one = NULL, *out;

	if (at < len && utf8_next(s, &i, len) >= 0)
		one = upper ? utf8_upper(s + at, i - at, &n)
			    : utf8_lower(s + at, i - at, &n);
	else
		i = at;
	out = xmalloc(at + n + (len - i) + 1);
	memcpy(out, s, at);
	if (one)
		memcpy(out + at, one, n);
	memcpy(out + at + n, s + i, len - i);
	out[at + n + len - i] = '\0';
	*out_len = at + n + len - i;
	free(one);
	return out;
}

/* UTF-8 -> UTF-16 -> NFC -> UTF-8, each step preflighted once. */
char *nfc_utf8(const char *s, size_t len, size_t *out_len)
{
	UErrorCode err = U_ZERO_ERROR;
	const UNormalizer2 *nfc = unorm2_getNFCInstance(&err);
	int32_t n16 = 0, nn, n8;
	UChar *u16 = NULL, *norm = NULL;
	char *out = NULL;

	if (U_FAILURE(err))
		return NULL;
	u_strFromUTF8WithSub(NULL, 0, &n16, s, (int32_t)len, 0xFFFD, NULL,
			     &err);
	err = U_ZERO_ERROR;
	u16 = xmalloc(((size_t)n16 + 1) * sizeof(UChar));
	u_strFromUTF8WithSub(u16, n16 + 1, &n16, s, (int32_t)len, 0xFFFD, NULL,
			     &err);
	nn = unorm2_normalize(nfc, u16, n16, NULL, 0, &err);
	if (err != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(err))
		goto out;
	err = U_ZERO_ERROR;
	norm = xmalloc(((size_t)nn + 1) * sizeof(UChar));
	unorm2_normalize(nfc, u16, n16, norm, nn + 1, &err);
	if (U_FAILURE(err))
		goto out;
	u_strToUTF8(NULL, 0, &n8, norm, nn, &err);
	err = U_ZERO_ERROR;
	out = xmalloc((size_t)n8 + 1);
	u_strToUTF8(out, n8 + 1, &n8, norm, nn, &err);
	if (U_FAILURE(err)) {
		free(out);
		out = NULL;
		goto out;
	}
	*out_len = (size_t)n8;
out:
	free(u16);
	free(norm);
	return out;
}

int uc_is_apostrophe(int32_t cp)
{
	return cp == '\'' || cp == 0x2019;
}

size_t utf8_apostrophe_at(const char *s, size_t len)
{
	if (len >= 1 && s[0] == '\'')
		return 1;
	return len >= 3 && !memcmp(s, "\xE2\x80\x99", 3) ? 3 : 0;
}

char *utf8_char_name(int32_t cp, char *buf, size_t size)
{
	static const UCharNameChoice choices[] = {U_UNICODE_CHAR_NAME,
						  U_CHAR_NAME_ALIAS};

	/* Controls have no Unicode name; their usual aliases. */
	static const struct {
		int32_t cp;
		const char *name;
	} controls[] = {{0x09, "CHARACTER TABULATION"}, {0x0A, "LINE FEED"},
			{0x0B, "LINE TABULATION"},	{0x0C, "FORM FEED"},
			{0x0D, "CARRIAGE RETURN"},	{0x85, "NEXT LINE"}};

	assert(size >= 12);
	for (size_t i = 0; i < ARRAY_SIZE(controls); i++)
		if (controls[i].cp == cp) {
			snprintf(buf, size, "%s", controls[i].name);
			return buf;
		}
	for (size_t i = 0; i < ARRAY_SIZE(choices); i++) {
		UErrorCode err = U_ZERO_ERROR;
		int32_t n =
		    u_charName(cp, choices[i], buf, (int32_t)size, &err);
		if (U_SUCCESS(err) && n > 0 && (size_t)n < size)
			return buf;
	}
	snprintf(buf, size, "U+%04X", (unsigned)cp);
	return buf;
}

/* Name the characters of s[0..len), joined by " + "; 0, or -1 when one is
 * not white space. */
static int add_space_names(struct strbuf *sb, const char *s, size_t len)
{
	char name[128];
	size_t i = 0;

	while (i < len) {
		int32_t cp = utf8_next(s, &i, len);
		if (!uc_is_space(cp))
			return -1;
		if (sb->len && sb->buf[sb->len - 1] != ' ')
			sb_adds(sb, " + ");
		sb_adds(sb, utf8_char_name(cp, name, sizeof(name)));
	}
	return 0;
}

char *utf8_whitespace_change(const char *orig, size_t olen, const char *repl,
			     size_t rlen)
{
	size_t head = 0, tail = 0;
	struct strbuf sb;
	int rc;

	/* Common start and end, by whole characters. */
	while (head < olen && head < rlen && orig[head] == repl[head])
		head++;
	while (head > 0 && (orig[head] & 0xC0) == 0x80)
		head--;
	while (tail < olen - head && tail < rlen - head &&
	       orig[olen - 1 - tail] == repl[rlen - 1 - tail])
		tail++;
	while (tail > 0 && (orig[olen - tail] & 0xC0) == 0x80)
		tail--;
	olen -= head + tail;
	rlen -= head + tail;
	if (!olen && !rlen)
		return NULL;
	sb_init(&sb);
	sb_adds(&sb, !olen ? "inserted " : !rlen ? "deleted " : "");
	rc = add_space_names(&sb, orig + head, olen);
	if (!rc && olen && rlen)
		sb_adds(&sb, " -> ");
	if (!rc)
		rc = add_space_names(&sb, repl + head, rlen);
	if (rc < 0) {
		sb_release(&sb);
		return NULL;
	}
	return sb_detach(&sb, NULL);
}

/* Delimiter t of uld as one code point, or -1. */
static int32_t delimiter(ULocaleData *uld, ULocaleDataDelimiterType t)
{
	UErrorCode err = U_ZERO_ERROR;
	UChar u[4];
	int32_t n = ulocdata_getDelimiter(uld, t, u, 4, &err), i = 0;
	UChar32 c;

	if (U_FAILURE(err) || n < 1)
		return -1;
	U16_NEXT(u, i, n, c);
	return i == n ? (int32_t)c : -1;
}

int lang_quotes(const char *lang, int alternate, int32_t *open, int32_t *close)
{
	UErrorCode err = U_ZERO_ERROR;
	ULocaleData *uld;

	if (!lang || !(uld = ulocdata_open(lang, &err)) || U_FAILURE(err))
		return 0;
	*open = delimiter(uld, alternate ? ULOCDATA_ALT_QUOTATION_START
					 : ULOCDATA_QUOTATION_START);
	*close = delimiter(uld, alternate ? ULOCDATA_ALT_QUOTATION_END
					  : ULOCDATA_QUOTATION_END);
	ulocdata_close(uld);
	return *open >= 0 && *close >= 0;
}

size_t lang_letters(const char *lang, int32_t lo, int32_t hi, uint8_t *bits)
{
	UErrorCode err = U_ZERO_ERROR;
	ULocaleData *uld;
	USet *set;
	size_t n = 0;

	memset(bits, 0, (size_t)(hi - lo + 7) / 8);
	if (!lang || !(uld = ulocdata_open(lang, &err)) || U_FAILURE(err))
		return 0;
	set = uset_openEmpty();
	ulocdata_getExemplarSet(uld, set, USET_CASE_INSENSITIVE,
				ULOCDATA_ES_STANDARD, &err);
	for (int32_t c = lo; U_SUCCESS(err) && c < hi; c++)
		if (u_isalpha(c) && uset_contains(set, c)) {
			bits[(c - lo) / 8] |= (uint8_t)(1u << ((c - lo) % 8));
			n++;
		}
	uset_close(set);
	ulocdata_close(uld);
	return n;
}
