/*
 * escapes.c - JSON string escapes, quoted-printable and percent-encoded
 * bytes decoded in running text. See escapes.h for the policy.
 */
#include "repair/escapes.h"

#include <string.h>

#include "common/utf8.h"
#include "common/util.h"

#define RUN_MAX 64 /* bytes of one quoted-printable or percent run */

static int hexval(unsigned char c, int upper_only)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	if (!upper_only && c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* Value of the hex digits t[i..i+n), or -1. */
static long hex_at(const char *t, size_t len, size_t i, size_t n,
		   int upper_only)
{
	long v = 0;

	if (i + n > len)
		return -1;
	for (size_t k = i; k < i + n; k++) {
		int d = hexval((unsigned char)t[k], upper_only);
		if (d < 0)
			return -1;
		v = v * 16 + d;
	}
	return v;
}

static int is_hspace_or_nl(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Length of the escape at t[k] that the code test skips, or 0. */
static size_t escape_len(const char *t, size_t len, size_t k)
{
	if ((t[k] == '=' || t[k] == '%') && hex_at(t, len, k + 1, 2, 0) >= 0)
		return 3;
	if (t[k] == '\\' && k + 1 < len)
		return t[k + 1] == 'u' && hex_at(t, len, k + 2, 4, 0) >= 0 ? 6
									   : 2;
	return 0;
}

/* Signs of a URL or a path ("?" alone is a question mark: a query has
 * "=" too), and of code: JSON quotes are escaped in source code too
 * ("printf(\"x\");"). */
#define URL_SIGNS  "/&="
#define CODE_SIGNS "/?&=(){};"

/* The chunk of i (between white space) looks like a URL, a path or code:
 * one of signs outside the escapes, "www.", or ":\". */
static int code_chunk(const char *t, size_t len, size_t i, const char *signs)
{
	size_t a = i, b = i;

	while (a > 0 && !is_hspace_or_nl(t[a - 1]))
		a--;
	while (b < len && !is_hspace_or_nl(t[b]))
		b++;
	if (b - a >= 4 && !memcmp(t + a, "www.", 4))
		return 1;
	for (size_t k = a; k < b; k++) {
		size_t e = escape_len(t, len, k);

		if (e) {
			k += e - 1;
			continue;
		}
		if (t[k] != '\0' && strchr(signs, t[k]))
			return 1;
		if (t[k] == ':' && k + 1 < b && t[k + 1] == '\\')
			return 1;
	}
	return 0;
}

static int text_char(int32_t c)
{
	return uc_is_alpha(c) || uc_is_text_punct(c);
}

static int letter_before(const char *t, size_t i)
{
	return i > 0 && uc_is_alpha(utf8_prev(t, &i));
}

static int lower_before(const char *t, size_t i)
{
	return i > 0 && uc_is_lower(utf8_prev(t, &i));
}

static int upper_after(const char *t, size_t len, size_t i)
{
	return i < len && uc_is_upper(utf8_next(t, &i, len));
}

/* 1 when s[0..n) holds an upper-case letter (upper 1) or a lower-case
 * one (upper 0). */
static int has_case(const char *s, size_t n, int upper)
{
	for (size_t i = 0; i < n;) {
		int32_t c = utf8_next(s, &i, n);
		if (upper ? uc_is_upper(c) : uc_is_lower(c))
			return 1;
	}
	return 0;
}

static int letter_after(const char *t, size_t len, size_t i)
{
	return i < len && uc_is_alpha(utf8_next(t, &i, len));
}

static int word_edge_before(const char *t, size_t i)
{
	int32_t c;

	if (i == 0)
		return 1;
	c = utf8_prev(t, &i);
	return !uc_is_alpha(c) && !uc_is_digit(c);
}

static int word_edge_after(const char *t, size_t len, size_t i)
{
	int32_t c;

	if (i >= len)
		return 1;
	c = utf8_next(t, &i, len);
	return !uc_is_alpha(c) && !uc_is_digit(c);
}

static void report(const struct view *v, struct article *a, size_t s, size_t e,
		   const char *repl, size_t n, int applied, const char *detail)
{
	view_report(v, a, FK_ENCODING, s, e, repl, n, applied,
		    applied ? ESCAPES_CONFIDENCE : ESCAPES_UNSURE, detail);
}

/* A JSON escape at t[i] == '\\'. Returns the end of what was taken. */
static size_t json_escape(const struct view *v, struct article *a, size_t i)
{
	const char *t = v->text;
	size_t len = v->len, end = i + 6;
	long cp = hex_at(t, len, i + 2, 4, 0), lo;
	char buf[4];

	size_t q = i;

	if (i + 1 >= len)
		return i + 1;
	/* A quote after an odd run of backslashes was escaped once ("\'")
	 * or more ("\\\'": escaped, then escaped again); an even run is
	 * backslashes of the text. */
	while (q < len && t[q] == '\\')
		q++;
	if (q < len && (t[q] == '"' || t[q] == '\'')) {
		if ((q - i) % 2 == 1 && !code_chunk(t, len, i, CODE_SIGNS))
			report(v, a, i, q + 1, t + q, 1, 1,
			       q - i > 1 ? "JSON string escape, escaped twice"
					 : "JSON string escape");
		return q + 1;
	}
	if (q - i > 1)
		return q;
	if ((t[i + 1] == 'n' || t[i + 1] == 'r' || t[i + 1] == 't') &&
	    !(i + 2 < len && t[i + 2] >= 'a' && t[i + 2] <= 'z') &&
	    !code_chunk(t, len, i, CODE_SIGNS)) {
		buf[0] = t[i + 1] == 'n' ? '\n' : t[i + 1] == 'r' ? '\r' : '\t';
		report(v, a, i, i + 2, buf, 1, 0,
		       "JSON string escape of a control character; not "
		       "decoded: it would change the lines");
		return i + 2;
	}
	if (t[i + 1] != 'u' || cp < 0)
		return i + 1;
	if (cp >= 0xD800 && cp <= 0xDBFF && end + 1 < len && t[end] == '\\' &&
	    t[end + 1] == 'u' &&
	    (lo = hex_at(t, len, end + 2, 4, 0)) >= 0xDC00 && lo <= 0xDFFF) {
		cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
		end += 6;
	}
	if ((cp >= 0xD800 && cp <= 0xDFFF) || cp == 0 ||
	    code_chunk(t, len, i, URL_SIGNS))
		return end;
	report(v, a, i, end, buf, utf8_put(buf, (int32_t)cp),
	       cp >= 0x20 && !(cp >= 0x7F && cp < 0xA0),
	       cp >= 0x20 && !(cp >= 0x7F && cp < 0xA0)
		   ? "JSON string escape"
		   : "JSON string escape of a control character; not "
		     "decoded: it would change the lines");
	return end;
}

/* Decode bytes b[0..n) as UTF-8 text characters, or as Latin-1 letters,
 * into out (4 * n bytes). Returns the length, or 0 when neither fits;
 * *utf8 says which. */
static size_t decode_bytes(const unsigned char *b, size_t n, char *out,
			   int *utf8)
{
	size_t i = 0, o = 0;

	*utf8 = utf8_find_invalid((const char *)b, n, &i) == n;
	if (*utf8) {
		i = 0;
		while (i < n)
			if (!text_char(utf8_next((const char *)b, &i, n)))
				return 0;
		memcpy(out, b, n);
		return n;
	}
	for (i = 0; i < n; i++) {
		if (b[i] < 0xC0 || b[i] == 0xD7 || b[i] == 0xF7)
			return 0;
		o += utf8_put(out + o, b[i]);
	}
	return o;
}

/* A run of "=XX" or "%XX" at t[i]. Returns the end of what was taken. */
static size_t byte_run(const struct view *v, struct article *a, size_t i)
{
	const char *t = v->text;
	const char sign = t[i];
	const int upper_only = sign == '=';
	unsigned char b[RUN_MAX];
	char out[RUN_MAX * 4];
	size_t n = 0, j = i, len;
	int utf8;
	long x;

	while (n < RUN_MAX && j < v->len && t[j] == sign &&
	       (x = hex_at(t, v->len, j + 1, 2, upper_only)) >= 0x80) {
		b[n++] = (unsigned char)x;
		j += 3;
	}
	if (n == 0)
		return i + 1;
	len = decode_bytes(b, n, out, &utf8);
	if (len == 0 || code_chunk(t, v->len, i, URL_SIGNS))
		return j;
	/* Valid UTF-8 beyond ASCII spelled in escapes is evidence enough
	 * ("10%C2%A0000"); Latin-1 letters must touch a letter or stand as
	 * a word. */
	if (!utf8 && !letter_before(t, i) && !letter_after(t, v->len, j) &&
	    !(word_edge_before(t, i) && word_edge_after(t, v->len, j)))
		return j;
	/* A letter takes the case of the word it is in: an upper-case
	 * Latin-1 letter after a lower-case one, or a lower-case one before
	 * a capital, is an identifier's "=" ("--dbname=DBNAME",
	 * "--prefer-family=FAMILY"), not "caf=E9". */
	if (!utf8 && ((lower_before(t, i) && has_case(out, len, 1)) ||
		      (upper_after(t, v->len, j) && has_case(out, len, 0))))
		return j;
	report(v, a, i, j, out, len, 1,
	       sign == '=' ? "quoted-printable escape"
			   : "percent-encoded bytes");
	return j;
}

void escapes_decode(struct article *a, const struct view *v)
{
	const char *t = v->text;
	size_t i = 0;

	while (i < v->len) {
		size_t k = i + strcspn(t + i, "\\=%");

		if (k >= v->len)
			break;
		if (t[k] == '\\')
			i = json_escape(v, a, k);
		else
			i = byte_run(v, a, k);
	}
}
