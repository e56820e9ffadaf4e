/*
 * test_utf8.c - the inline ASCII answers of utf8.h against ICU.
 *
 * utf8_next() and the uc_is_*() classes answer a code point below 0x80
 * from a table, without ICU: every one of the 128 must get ICU's answer,
 * and the walk must decode and advance exactly as ICU's U8_NEXT on text
 * that mixes ASCII, multi-byte and ill-formed sequences.
 */
#include <stdint.h>
#include <stdlib.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "common/utf8.h"
#include "harness.h"

/* Each class: its name, relire's inline answer, ICU's. */
static const struct {
	const char *name;
	int (*relire)(int32_t);
	UBool (*icu)(UChar32);
} classes[] = {
    {"alpha", uc_is_alpha, u_isalpha},	     {"upper", uc_is_upper, u_isupper},
    {"lower", uc_is_lower, u_islower},	     {"digit", uc_is_digit, u_isdigit},
    {"space", uc_is_space, u_isUWhiteSpace},
};

static void test_ascii_classes_are_icus(void)
{
	for (size_t k = 0; k < sizeof(classes) / sizeof(classes[0]); k++) {
		for (int32_t cp = 0; cp < 0x80; cp++)
			CHECK_MSG(!classes[k].relire(cp) == !classes[k].icu(cp),
				  "%s(U+%04X)", classes[k].name, (unsigned)cp);
		/* Either side of the table, and the ill-formed marker. */
		CHECK(!classes[k].relire(-1));
		for (int32_t cp = 0x80; cp < 0x3000; cp += 7)
			CHECK_MSG(!classes[k].relire(cp) == !classes[k].icu(cp),
				  "%s(U+%04X)", classes[k].name, (unsigned)cp);
	}
	CHECK(uc_is_space(0xA0) && uc_is_space(0x202F));
	CHECK(uc_is_alpha(0xE9) && uc_is_lower(0xE9) && uc_is_upper(0xC9));
}

/* Texts walked with utf8_next and with ICU's U8_NEXT over the whole
 * buffer: the same code points at the same offsets. */
static const char *const walks[] = {
    "",
    "abc 123\t\n",
    "\xC3\xA9t\xC3\xA9 \xE2\x80\x99 \xF0\x9F\x98\x80 fin",
    "\xFF\xFE ok \xC3",			  /* ill-formed, cut at the end */
    "\xE2\x80 x \xED\xA0\x80 y \xC0\xAF", /* truncated, surrogate, overlong */
    "pr\xC3\x83\xC2\xA9sentation",	  /* mojibake: valid UTF-8 */
};

static void test_walk_is_icus(void)
{
	for (size_t k = 0; k < sizeof(walks) / sizeof(walks[0]); k++) {
		const char *s = walks[k];
		size_t len = strlen(s), i = 0;
		int32_t j = 0;

		while (i < len) {
			int32_t want;

			U8_NEXT((const uint8_t *)s, j, (int32_t)len, want);
			int32_t got = utf8_next(s, &i, len);
			CHECK_MSG(got == (want < 0 ? -1 : want) &&
				      i == (size_t)j,
				  "walk %zu: got %d at %zu, ICU %d at %d", k,
				  got, i, want, j);
			if (i != (size_t)j)
				break;
		}
	}
}

/* Words in capitals, among them those an ASCII-only upper-casing wrote
 * (its non-ASCII letters left in lower case), and words that are not. */
static void test_all_caps(void)
{
	static const struct {
		const char *word;
		int caps;
	} cases[] = {
	    {"OTAN", 1},
	    {"\xC3\x96VP", 1},	   /* ÖVP */
	    {"\u00C9COLE", 1},	   /* ÉCOLE */
	    {"REGI\xC3\xB3N", 1},  /* REGIóN */
	    {"ARAUCAN\u00EDA", 1}, /* ARAUCANíA */
	    {"CAF\xC3\xA9", 1},	   /* CAFé */
	    {"A", 0},		   /* one letter */
	    {"Otan", 0},
	    {"R\xC3\xA9gion", 0},	       /* Région */
	    {"\xC3\x81ngel", 0},	       /* Ángel */
	    {"X\xC3\xA9", 0},		       /* Xé: one ASCII capital */
	    {"\xC3\xA9t\xC3\xA9", 0},	       /* été */
	    {"AB\xC3\xA9\xC3\xA8\xC3\xAA", 0}, /* ABéèê: more others */
	    {"iPHONE", 0},
	    {"G7", 0},
	};

	for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++)
		CHECK_MSG(
		    utf8_is_all_caps(cases[k].word, strlen(cases[k].word)) ==
			cases[k].caps,
		    "'%s'", cases[k].word);
}

/* One code point re-cased in place; the rest copied as it is. */
static void test_recase_at(void)
{
	static const struct {
		const char *in;
		size_t at;
		int upper;
		const char *out;
	} cases[] = {
	    {"schnalle", 0, 1, "Schnalle"},
	    {"MitarbeiterInnen", 11, 0, "Mitarbeiterinnen"},
	    {"\u00E9cole", 0, 1, "\u00C9cole"}, /* école */
	    {"abc", 3, 1, "abc"},		/* at the end: nothing */
	    {"\xFF-b", 0, 1, "\xFF-b"},		/* ill-formed: copied */
	};

	for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
		size_t n;
		char *out = utf8_recase_at(cases[k].in, strlen(cases[k].in),
					   cases[k].at, cases[k].upper, &n);
		CHECK_STR(out, cases[k].out);
		CHECK_EQ(n, strlen(cases[k].out));
		free(out);
	}
}

int main(void)
{
	RUN(test_ascii_classes_are_icus);
	RUN(test_walk_is_icus);
	RUN(test_all_caps);
	RUN(test_recase_at);
	return harness_done();
}
