/*
 * entities.c - HTML character references decoded, with the evidence that
 * the text was escaped. See entities.h for the policy.
 *
 * One pass finds every '&' of the view and parses the reference it
 * starts, if any; a second reports them, applied unless a bare '&' was
 * met (the bare rule needs the whole article first).
 */
#include "repair/entities.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "common/strmap.h"
#include "common/utf8.h"
#include "common/util.h"

#define NAME_MAX_LEN   8 /* longest name of the table ("thetasym") */
#define DEC_MAX_DIGITS 7 /* &#1114111; */
#define HEX_MAX_DIGITS 6 /* &#x10FFFF; */

struct entities {
	struct strmap names; /* name -> code point */
};

struct ref {
	size_t start, end; /* view span, from '&' to the last ';' */
	int32_t cp;
	int twice; /* escaped more than once */
};

struct refs {
	struct ref *v;
	size_t n, cap;
};

static int add_row(const char *s, size_t len, size_t lineno, void *ud)
{
	const char *tab = memchr(s, '\t', len);
	char *end;
	unsigned long cp;

	if (!tab || tab == s || (size_t)(tab - s) > NAME_MAX_LEN ||
	    len - (size_t)(tab - s) < 4 || strncmp(tab + 1, "U+", 2) != 0)
		return (int)lineno;
	errno = 0;
	cp = strtoul(tab + 3, &end, 16);
	if (errno || end == tab + 3 || cp == 0 || cp > 0x10FFFF ||
	    (end < s + len && *end != '\t'))
		return (int)lineno;
	*strmap_put(&((struct entities *)ud)->names, s, (size_t)(tab - s)) =
	    (int64_t)cp;
	return 0;
}

struct entities *entities_load(const char *path)
{
	struct entities *t = xcalloc(1, sizeof(*t));

	strmap_init(&t->names);
	if (read_data_table(path, add_row, t, "NAME<TAB>U+XXXX") < 0) {
		entities_free(t);
		return NULL;
	}
	return t;
}

void entities_free(struct entities *t)
{
	if (!t)
		return;
	strmap_release(&t->names);
	free(t);
}

int32_t entities_lookup(const struct entities *t, const char *name, size_t len)
{
	const int64_t *cp = strmap_find(&t->names, name, len);

	return cp ? (int32_t)*cp : -1;
}

/* The value of the numeric reference at s[*i] (after "&#"), *i moved
 * past its digits; -1 when it is not one. 128..159 are read through the
 * table's rows "128".."159" (Windows-1252, as browsers read them). */
static int32_t numeric_value(const struct entities *t, const char *s, size_t *i,
			     size_t len)
{
	int hex = *i < len && (s[*i] == 'x' || s[*i] == 'X');
	int max = hex ? HEX_MAX_DIGITS : DEC_MAX_DIGITS;
	int32_t cp = 0;
	int n = 0;

	*i += (size_t)hex;
	for (; *i < len && n <= max; (*i)++, n++) {
		unsigned char c = (unsigned char)s[*i];
		int d = c >= '0' && c <= '9'	      ? c - '0'
			: hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
			: hex && c >= 'A' && c <= 'F' ? c - 'A' + 10
						      : -1;
		if (d < 0)
			break;
		cp = cp * (hex ? 16 : 10) + d;
	}
	if (n == 0 || n > max || cp == 0 || cp > 0x10FFFF ||
	    (cp >= 0xD800 && cp <= 0xDFFF) || (cp >= 0xFDD0 && cp <= 0xFDEF) ||
	    (cp & 0xFFFE) == 0xFFFE)
		return -1;
	if (cp >= 0x80 && cp <= 0x9F) {
		char name[4] = {(char)('0' + cp / 100),
				(char)('0' + cp / 10 % 10),
				(char)('0' + cp % 10), '\0'};
		int32_t w = entities_lookup(t, name, 3);

		return w >= 0 ? w : cp;
	}
	return cp;
}

/* The reference whose body (after '&') starts at s[i]: its code point,
 * *end past its ';'; -1 when there is none. */
static int32_t parse_body(const struct entities *t, const char *s, size_t i,
			  size_t len, size_t *end)
{
	int32_t cp;
	size_t j = i;

	if (j < len && s[j] == '#') {
		j++;
		cp = numeric_value(t, s, &j, len);
	} else {
		while (j < len && j - i <= NAME_MAX_LEN &&
		       (unsigned char)s[j] < 0x80 &&
		       (uc_ascii_class[(unsigned char)s[j]] &
			(UC_ASCII_ALPHA | UC_ASCII_DIGIT)))
			j++;
		cp = j > i ? entities_lookup(t, s + i, j - i) : -1;
	}
	if (cp < 0 || j >= len || s[j] != ';')
		return -1;
	*end = j + 1;
	return cp;
}

/* The reference at s[i] == '&', following "&amp;" into references escaped
 * more than once. 0 and *r filled, or -1. */
static int parse_ref(const struct entities *t, const char *s, size_t i,
		     size_t len, struct ref *r)
{
	size_t end, e2;
	int32_t cp = parse_body(t, s, i + 1, len, &end), inner;

	if (cp < 0)
		return -1;
	r->start = i;
	r->twice = 0;
	while (cp == '&' && (inner = parse_body(t, s, end, len, &e2)) >= 0) {
		cp = inner;
		end = e2;
		r->twice = 1;
	}
	r->end = end;
	r->cp = cp;
	return 0;
}

/* A reference to a letter glued to a letter of the text ("rel&#232;ve",
 * "li&eacute;e"): part of a word, never a reference quoted on purpose. */
static int inside_word(const struct ref *r, const struct view *v)
{
	size_t i = r->start, j = r->end;

	if (!uc_is_alpha(r->cp))
		return 0;
	return (i > 0 && uc_is_alpha(utf8_prev(v->text, &i))) ||
	       (j < v->len && uc_is_alpha(utf8_next(v->text, &j, v->len)));
}

static void report(const struct ref *r, int bare, struct article *a,
		   const struct view *v)
{
	char buf[4];
	size_t n = utf8_put(buf, r->cp);
	int control = uc_is_control(r->cp);

	bare = bare && !inside_word(r, v);
	int applied = !bare && !control;
	const char *detail =
	    bare       ? "HTML character reference; not decoded: the text "
			 "also writes a bare '&', and may quote references"
	    : control  ? "HTML character reference to a control character; "
			 "not decoded: it would change the lines"
	    : r->twice ? "HTML character reference, escaped twice"
		       : "HTML character reference";

	view_report(v, a, FK_ENCODING, r->start, r->end, buf, n, applied,
		    applied ? ENTITIES_CONFIDENCE : ENTITIES_UNSURE, detail);
}

void entities_decode(const struct entities *t, struct article *a,
		     const struct view *v)
{
	struct refs refs = {0};
	const char *s = v->text;
	const char *p = memchr(s, '&', v->len);
	int bare = 0;

	while (p) {
		size_t i = (size_t)(p - s);
		struct ref r;

		if (parse_ref(t, s, i, v->len, &r) == 0) {
			grow_array((void **)&refs.v, &refs.cap, refs.n + 1,
				   sizeof(*refs.v));
			refs.v[refs.n++] = r;
			i = r.end - 1;
		} else {
			bare = 1;
		}
		p = i + 1 < v->len ? memchr(s + i + 1, '&', v->len - i - 1)
				   : NULL;
	}
	for (size_t k = 0; k < refs.n; k++)
		report(&refs.v[k], bare, a, v);
	free(refs.v);
}
