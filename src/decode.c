/*
 * decode.c - byte decoding with ICU's charset detector (ucsdet) and
 * converters (ucnv). See decode.h for the policy.
 */
#include "decode.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include "utf8.h"
#include "util.h"

/* Convert with one ICU converter pair into a malloc'd UTF-8 string. */
static char *convert_to_utf8(const char *from, const char *raw, size_t len,
			     size_t *out_len, UErrorCode *err)
{
	int32_t cap = (int32_t)(len * 3 + 4), n;
	char *out = xmalloc((size_t)cap + 1);

	*err = U_ZERO_ERROR;
	n = ucnv_convert("UTF-8", from, out, cap, raw, (int32_t)len, err);
	if (U_FAILURE(*err)) {
		free(out);
		return NULL;
	}
	out[n] = '\0';
	*out_len = (size_t)n;
	return out;
}

/* UTF-16 without BOM: one byte of each pair NUL in most pairs. Returns
 * "UTF-16LE", "UTF-16BE" or NULL. */
static const char *sniff_utf16(const unsigned char *u, size_t len)
{
	size_t even = 0, odd = 0, pairs = len / 2;

	if (len < 4 || len % 2)
		return NULL;
	for (size_t i = 0; i + 1 < len; i += 2) {
		even += u[i] == 0;
		odd += u[i + 1] == 0;
	}
	if (odd * 10 >= pairs * 7 && even * 20 < pairs)
		return "UTF-16LE";
	if (even * 10 >= pairs * 7 && odd * 20 < pairs)
		return "UTF-16BE";
	return NULL;
}

static int looks_binary(const unsigned char *u, size_t len)
{
	size_t ctl = 0;

	for (size_t i = 0; i < len; i++) {
		if (u[i] == 0)
			return 1;
		if (u[i] < 0x20 && u[i] != '\t' && u[i] != '\n' &&
		    u[i] != '\r' && u[i] != '\f')
			ctl++;
	}
	return ctl * 20 > len; /* over 5% control bytes */
}

static int take_converted(struct article *a, char *raw, size_t len,
			  const char *from, const char *why)
{
	UErrorCode err;
	size_t n;
	char *text = convert_to_utf8(from, raw, len, &n, &err);
	char detail[160];

	free(raw);
	if (!text) {
		article_fail(a, "cannot convert from %s: %s", from,
			     u_errorName(err));
		return -1;
	}
	article_set_text(a, text, n);
	snprintf(detail, sizeof(detail), "decoded from %s (%s)", from, why);
	article_add(a, FK_ENCODING, 0, 0, "", 0, 1, 0.9, detail);
	return 0;
}

/* The single-byte charset ICU's detector likes best, or windows-1252. */
static const char *detect_legacy(const char *raw, size_t len, int *conf)
{
	static const char *const accepted[] = {
		"ISO-8859-1", "ISO-8859-2", "ISO-8859-5", "ISO-8859-7",
		"ISO-8859-9", "windows-1250", "windows-1251", "windows-1252",
		"windows-1253", "windows-1254", "KOI8-R",
	};
	UErrorCode err = U_ZERO_ERROR;
	UCharsetDetector *det = ucsdet_open(&err);
	const UCharsetMatch **all;
	const char *best = "windows-1252";
	int32_t n = 0;

	*conf = 0;
	ucsdet_setText(det, raw, (int32_t)len, &err);
	all = ucsdet_detectAll(det, &n, &err);
	for (int32_t i = 0; U_SUCCESS(err) && i < n; i++) {
		const char *name = ucsdet_getName(all[i], &err);
		for (size_t k = 0; name && k < ARRAY_SIZE(accepted); k++) {
			if (strcmp(name, accepted[k]))
				continue;
			*conf = ucsdet_getConfidence(all[i], &err);
			/* ISO-8859-1 is a subset of windows-1252 for text;
			 * 1252 also maps the 0x80-0x9F quotes and dashes. */
			best = strcmp(name, "ISO-8859-1") ? accepted[k]
							  : "windows-1252";
			i = n;
			break;
		}
	}
	ucsdet_close(det);
	return best;
}

/* Share of ill-formed bytes small enough to call the text damaged UTF-8. */
static int mostly_utf8(const char *s, size_t len)
{
	size_t i = 0, good_multi = 0, bad = 0;

	while (i < len) {
		size_t at = i;
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		if (utf8_next(s, &i, len) < 0)
			bad++;
		else
			good_multi += i - at > 1;
	}
	return good_multi > 0 && bad <= good_multi;
}

static void replace_invalid_runs(struct article *a)
{
	static const char fffd[] = "\xEF\xBF\xBD";
	size_t pos = 0;

	while (pos < a->len) {
		size_t bad, at = pos + utf8_find_invalid(a->text + pos,
							   a->len - pos, &bad);
		size_t end = at;
		char detail[64];

		if (at >= a->len)
			break;
		/* Extend over adjacent ill-formed subparts: one finding a run. */
		while (end < a->len && bad) {
			end += bad;
			if (utf8_find_invalid(a->text + end, a->len - end,
					      &bad) != 0)
				bad = 0;
		}
		snprintf(detail, sizeof(detail), "%zu ill-formed UTF-8 byte%s",
			 end - at, end - at > 1 ? "s" : "");
		article_add(a, FK_ENCODING, at, end, fffd, 3, 1, 1.0, detail);
		pos = end;
	}
}

int decode_article(struct article *a, char *raw, size_t len)
{
	const unsigned char *u = (const unsigned char *)raw;
	size_t bad;
	const char *from;
	int conf;
	char why[64];

	if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) ||
			 (u[0] == 0xFE && u[1] == 0xFF)))
		return take_converted(a, raw, len, "UTF-16", "byte order mark");
	if ((from = sniff_utf16(u, len)))
		return take_converted(a, raw, len, from, "NUL byte pattern");
	if (looks_binary(u, len)) {
		free(raw);
		article_fail(a, "binary file (NUL or control bytes)");
		return -1;
	}
	if (utf8_find_invalid(raw, len, &bad) != len && !mostly_utf8(raw, len)) {
		from = detect_legacy(raw, len, &conf);
		snprintf(why, sizeof(why), "charset detection, confidence %d",
			 conf);
		return take_converted(a, raw, len, from, why);
	}
	article_set_text(a, raw, len);
	if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
		article_add(a, FK_ENCODING, 0, 3, "", 0, 1, 1.0,
			    "UTF-8 byte order mark");
	replace_invalid_runs(a);
	return 0;
}
