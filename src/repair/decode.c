/*
 * decode.c - byte decoding with ICU's charset detector (ucsdet) and
 * converters (ucnv). See decode.h for the policy.
 */
#include "repair/decode.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include "common/utf8.h"
#include "common/util.h"

/* ICU takes int32_t lengths and offsets, and a conversion to UTF-8 may
 * triple the size: the largest article decoded (512 MiB). */
#define DECODE_MAX ((size_t)INT32_MAX / 4)

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

/* Byte order marks of the UTF-32 and UTF-16 forms ICU converts with the
 * BOM-detecting "UTF-32" and "UTF-16" converters. UTF-32 first: its
 * little-endian BOM starts with UTF-16's. */
static const char *sniff_bom(const unsigned char *u, size_t len)
{
	if (len >= 4 && ((u[0] == 0xFF && u[1] == 0xFE && !u[2] && !u[3]) ||
			 (!u[0] && !u[1] && u[2] == 0xFE && u[3] == 0xFF)))
		return "UTF-32";
	if (len >= 2 &&
	    ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF)))
		return "UTF-16";
	return NULL;
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
	/* A converted NUL or a flood of controls is binary all the same. */
	if (looks_binary((const unsigned char *)text, n)) {
		free(text);
		article_fail(a,
			     "binary file (NUL or control characters "
			     "after decoding from %s)",
			     from);
		return -1;
	}
	article_set_text(a, text, n);
	snprintf(detail, sizeof(detail), "decoded from %s (%s)", from, why);
	article_add(a, FK_ENCODING, 0, 0, "", 0, 1, 0.9, detail);
	return 0;
}

static int western(const char *name)
{
	return !strcmp(name, "ISO-8859-1") || !strcmp(name, "windows-1252");
}

/*
 * The single-byte charset ICU's detector likes best among the accepted
 * ones. Windows-1252 when unsure: when nothing is accepted, or when the
 * Western charsets score within a margin of the best: WESTERN_MARGIN, or
 * SHORT_MARGIN for texts under SHORT_TEXT bytes (the detector's n-gram
 * scores mean little on a line: it calls "Le caf\xE9 est pr\xEAt."
 * ISO-8859-2 at 83 and ISO-8859-1 at 66).
 * ISO-8859-1 is returned as windows-1252, its superset for text (1252
 * also maps the 0x80-0x9F quotes and dashes).
 */
#define WESTERN_MARGIN 10
#define SHORT_MARGIN   25
#define SHORT_TEXT     1000
static const char *detect_legacy(const char *raw, size_t len, int *conf)
{
	static const char *const accepted[] = {
	    "ISO-8859-1",   "ISO-8859-2",   "ISO-8859-5",   "ISO-8859-7",
	    "ISO-8859-9",   "windows-1250", "windows-1251", "windows-1252",
	    "windows-1253", "windows-1254", "KOI8-R",
	};
	UErrorCode err = U_ZERO_ERROR;
	UCharsetDetector *det = ucsdet_open(&err);
	const UCharsetMatch **all = NULL;
	const char *best = NULL;
	int32_t n = 0, west = -1, margin;

	*conf = 0;
	ucsdet_setText(det, raw, (int32_t)len, &err);
	all = ucsdet_detectAll(det, &n, &err);
	for (int32_t i = 0; U_SUCCESS(err) && i < n; i++) {
		const char *name = ucsdet_getName(all[i], &err);
		int32_t c = ucsdet_getConfidence(all[i], &err);
		for (size_t k = 0; name && k < ARRAY_SIZE(accepted); k++) {
			if (strcmp(name, accepted[k]))
				continue;
			if (!best) {
				best = accepted[k];
				*conf = c;
			}
			if (west < 0 && western(name))
				west = c;
		}
	}
	ucsdet_close(det);
	margin = len < SHORT_TEXT ? SHORT_MARGIN : WESTERN_MARGIN;
	if (!best || western(best) || (west >= 0 && west + margin >= *conf))
		return "windows-1252";
	return best;
}

/*
 * Badness of a decoding, for choosing between two Western charsets: C1
 * controls, plus symbols and non-digit numbers wedged between two letters
 * ("c½ur" is ISO-8859-15's "cœur" read as windows-1252).
 */
static size_t legacy_badness(const char *t, size_t len)
{
	size_t i = 0, bad = 0;
	int32_t prev = -1, cur = -1;

	while (cur >= 0 || i < len) {
		int32_t next = i < len ? utf8_next(t, &i, len) : -1;
		uint32_t mask = cur >= 0 ? U_GET_GC_MASK(cur) : 0;

		bad += (mask & U_GC_CC_MASK) && cur >= 0x80;
		bad += (mask & (U_GC_S_MASK | U_GC_NO_MASK)) &&
		       uc_is_alpha(prev) && uc_is_alpha(next);
		prev = cur;
		cur = next;
	}
	return bad;
}

/* Windows-1252 or ISO-8859-15, whichever reads raw with less badness. */
static const char *western_variant(const char *raw, size_t len)
{
	UErrorCode err;
	size_t n1 = 0, n15 = 0, b1, b15;
	char *t1 = convert_to_utf8("windows-1252", raw, len, &n1, &err);
	char *t15 = convert_to_utf8("ISO-8859-15", raw, len, &n15, &err);

	b1 = t1 ? legacy_badness(t1, n1) : (size_t)-1;
	b15 = t15 ? legacy_badness(t15, n15) : (size_t)-1;
	free(t1);
	free(t15);
	return b15 < b1 ? "ISO-8859-15" : "windows-1252";
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

/* A run of adjacent ill-formed subparts, [at, end) of the text. */
struct bad_run {
	size_t at, end;
	int latin;   /* every byte alone and a byte of Windows-1252 text */
	int in_word; /* latin, letters (or ’), next to an ASCII letter */
};

/* What a lone byte of Windows-1252 text reads as, when it is a letter or
 * the punctuation of running text; -1 otherwise. 0xC2 and 0xC3 are left
 * out: alone, they are the leads of a UTF-8 "é" or "à" whose second byte
 * was lost more often than Latin-1 "Â" or "Ã". */
static int32_t cp1252_text_byte(unsigned char b)
{
	UErrorCode err = U_ZERO_ERROR;
	const char in = (char)b;
	char out[8];
	size_t i = 0;
	int32_t n, cp;

	if (b < 0x80 || b == 0xC2 || b == 0xC3)
		return -1;
	n = ucnv_convert("UTF-8", "windows-1252", out, sizeof(out), &in, 1,
			 &err);
	if (U_FAILURE(err) || n <= 0)
		return -1;
	cp = utf8_next(out, &i, (size_t)n);
	return u_isalpha(cp) || uc_is_text_punct(cp) ? cp : -1;
}

static int ascii_letter(const char *t, size_t len, size_t i)
{
	unsigned char c = i < len ? (unsigned char)t[i] : 0x80;

	return c < 0x80 && (uc_ascii_class[c] & UC_ASCII_ALPHA);
}

/* Classify run r (at, end set) of text t[0..len). */
static void classify_run(const char *t, size_t len, struct bad_run *r)
{
	int letters = 1;

	r->latin = 1;
	for (size_t i = r->at; i < r->end && r->latin; i++) {
		size_t bad;
		int32_t cp = cp1252_text_byte((unsigned char)t[i]);

		utf8_find_invalid(t + i, len - i, &bad);
		r->latin = bad == 1 && cp >= 0;
		letters = letters && (u_isalpha(cp) || cp == 0x2019);
	}
	r->in_word = r->latin && letters &&
		     ((r->at > 0 && ascii_letter(t, len, r->at - 1)) ||
		      ascii_letter(t, len, r->end));
}

/* The runs of ill-formed bytes of t[0..len), in order; *n of them.
 * Caller frees. */
static struct bad_run *find_bad_runs(const char *t, size_t len, size_t *n)
{
	struct bad_run *v = NULL;
	size_t cap = 0, pos = 0;

	*n = 0;
	while (pos < len) {
		size_t bad,
		    at = pos + utf8_find_invalid(t + pos, len - pos, &bad);
		size_t end = at;

		if (at >= len)
			break;
		/* Extend over adjacent ill-formed subparts: one finding a run.
		 */
		while (end < len && bad) {
			end += bad;
			if (utf8_find_invalid(t + end, len - end, &bad) != 0)
				bad = 0;
		}
		grow_array((void **)&v, &cap, *n + 1, sizeof(*v));
		v[*n] = (struct bad_run){at, end, 0, 0};
		classify_run(t, len, &v[(*n)++]);
		pos = end;
	}
	return v;
}

/* Report run r: its Windows-1252 reading when latin says so, else one
 * U+FFFD. 0, or -1 over the findings cap. */
static int report_run(struct article *a, const struct bad_run *r, int latin)
{
	static const char fffd[] = "\xEF\xBF\xBD";
	size_t n = r->end - r->at, len = 0;
	char detail[80];
	char *repl = NULL;
	UErrorCode err = U_ZERO_ERROR;
	struct finding *f;

	if (latin)
		repl = convert_to_utf8("windows-1252", a->text + r->at, n, &len,
				       &err);
	if (repl)
		snprintf(detail, sizeof(detail),
			 "%zu byte%s of Windows-1252 text in UTF-8 text", n,
			 n > 1 ? "s" : "");
	else
		snprintf(detail, sizeof(detail), "%zu ill-formed UTF-8 byte%s",
			 n, n > 1 ? "s" : "");
	f = article_add(a, FK_ENCODING, r->at, r->end, repl ? repl : fffd,
			repl ? len : 3, 1, repl ? 0.9 : 1.0, detail);
	free(repl);
	return f ? 0 : -1;
}

/* Returns 0, or -1 after failing the article. */
static int replace_invalid_runs(struct article *a)
{
	size_t n;
	struct bad_run *runs = find_bad_runs(a->text, a->len, &n);
	int latin_text = 0, rc = 0;

	/* One run inside a word ("pr\xE9sentation") shows that the article
	 * holds Windows-1252 text; its other text bytes ("\xE0 Paris",
	 * "100 \x80") are then read the same way. */
	for (size_t i = 0; i < n; i++)
		latin_text = latin_text || runs[i].in_word;
	for (size_t i = 0; i < n && rc == 0; i++)
		rc = report_run(a, &runs[i], latin_text && runs[i].latin);
	free(runs);
	/* Over the findings cap the repair could not be applied and the
	 * cleaned text would not be UTF-8: fail instead. */
	if (rc < 0)
		article_fail(a,
			     "more than %zu ill-formed UTF-8 "
			     "sequences (see --max-findings)",
			     a->max_findings);
	return rc;
}

int decode_article(struct article *a, char *raw, size_t len)
{
	const unsigned char *u = (const unsigned char *)raw;
	size_t bad;
	const char *from;
	int conf;
	char why[64];

	if (len > DECODE_MAX) {
		free(raw);
		article_fail(a,
			     "%zu bytes is over the %zu bytes relire can "
			     "decode",
			     len, DECODE_MAX);
		return -1;
	}
	if ((from = sniff_bom(u, len)))
		return take_converted(a, raw, len, from, "byte order mark");
	if ((from = sniff_utf16(u, len)))
		return take_converted(a, raw, len, from, "NUL byte pattern");
	if (looks_binary(u, len)) {
		free(raw);
		article_fail(a, "binary file (NUL or control bytes)");
		return -1;
	}
	if (utf8_find_invalid(raw, len, &bad) != len &&
	    !mostly_utf8(raw, len)) {
		from = detect_legacy(raw, len, &conf);
		if (!strcmp(from, "windows-1252"))
			from = western_variant(raw, len);
		snprintf(why, sizeof(why), "charset detection, confidence %d",
			 conf);
		return take_converted(a, raw, len, from, why);
	}
	article_set_text(a, raw, len);
	if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
		article_add(a, FK_ENCODING, 0, 3, "", 0, 1, 1.0,
			    "UTF-8 byte order mark");
	return replace_invalid_runs(a);
}
