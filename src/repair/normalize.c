/*
 * normalize.c - NFC through ICU's unorm2 (UTF-16 API), applied only to the
 * small segments whose quick check is not YES, so clean text costs one scan.
 */
#include "repair/normalize.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>

#include "common/utf8.h"
#include "common/util.h"

static const UNormalizer2 *nfc_instance(void)
{
	UErrorCode err = U_ZERO_ERROR;
	const UNormalizer2 *n = unorm2_getNFCInstance(&err);

	if (U_FAILURE(err))
		rl_fatal("cannot load ICU normalization data: %s",
			 u_errorName(err));
	return n;
}

/* Code points below U+0300 are all NFC_Quick_Check=Yes and boundaries. */
static int maybe_unnormalized(int32_t c)
{
	return c >= 0x300 &&
	       u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) != UNORM_YES;
}

static size_t segment_start(const UNormalizer2 *nfc, const char *t, size_t at)
{
	size_t i = at;

	while (i > 0) {
		size_t prev = i;
		int32_t c = utf8_prev(t, &prev);
		if (c < 0 || unorm2_hasBoundaryBefore(nfc, c))
			return c < 0 ? i : prev;
		i = prev;
	}
	return 0;
}

static size_t segment_end(const UNormalizer2 *nfc, const char *t, size_t at,
			  size_t len)
{
	size_t i = at;

	utf8_next(t, &i, len); /* the candidate itself */
	while (i < len) {
		size_t next = i;
		int32_t c = utf8_next(t, &next, len);
		if (c < 0 || unorm2_hasBoundaryBefore(nfc, c))
			return i;
		i = next;
	}
	return len;
}

/* Lengths of the common prefix and suffix of x and y, in whole code
 * points, so that a repair never covers text it does not change (and so
 * never overlaps an earlier repair just before or after it). */
static void common_ends(const char *x, size_t nx, const char *y, size_t ny,
			size_t *pre, size_t *suf)
{
	size_t i = 0, j = 0, a = nx, b = ny;

	while (i < nx && j < ny) {
		size_t i2 = i, j2 = j;
		int32_t cx = utf8_next(x, &i2, nx), cy = utf8_next(y, &j2, ny);
		if (cx < 0 || cx != cy || i2 - i != j2 - j)
			break;
		i = i2;
		j = j2;
	}
	*pre = i;
	while (a > i && b > j) {
		size_t a2 = a, b2 = b;
		int32_t cx = utf8_prev(x, &a2), cy = utf8_prev(y, &b2);
		if (cx < 0 || cx != cy || a2 < i || b2 < j)
			break;
		a = a2;
		b = b2;
	}
	*suf = nx - a;
}

static void report_segment(struct article *a, const struct view *v, size_t s,
			   size_t e)
{
	size_t n, pre, suf;
	char *norm = nfc_utf8(v->text + s, e - s, &n);
	char detail[96];

	if (norm && (n != e - s || memcmp(norm, v->text + s, n))) {
		common_ends(v->text + s, e - s, norm, n, &pre, &suf);
		snprintf(detail, sizeof(detail),
			 "not in NFC (%zu bytes, %zu after NFC)",
			 e - s - pre - suf, n - pre - suf);
		view_report(v, a, FK_UNICODE, s + pre, e - suf, norm + pre,
			    n - pre - suf, 1, 1.0, detail);
	}
	free(norm);
}

void normalize_nfc(struct article *a, const struct view *v)
{
	const UNormalizer2 *nfc = nfc_instance();
	const char *t = v->text;
	size_t i = 0, done = 0;
	uint8_t prev_cc = 0; /* canonical combining class of the previous */

	while (i < v->len) {
		unsigned char b = (unsigned char)t[i];
		size_t at = i, s, e;
		uint8_t cc;
		int32_t c;

		if (b < 0xCC) { /* ASCII, continuation or a lead below U+0300 */
			i++;
			prev_cc = 0;
			continue;
		}
		c = utf8_next(t, &i, v->len);
		cc = c < 0 ? 0 : u_getCombiningClass(c);
		/* Marks out of canonical order (U+031A, class 232, before
		 * U+0305, class 230) are each NFC_Quick_Check=Yes. */
		if (!maybe_unnormalized(c) && !(cc && prev_cc > cc)) {
			prev_cc = cc;
			continue;
		}
		prev_cc = 0;
		s = segment_start(nfc, t, at);
		if (s < done)
			s = done;
		e = segment_end(nfc, t, at, v->len);
		report_segment(a, v, s, e);
		done = i = e;
	}
}
