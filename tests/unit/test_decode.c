/*
 * test_decode.c - every rule of the Unicode policy in src/repair/decode.h, by
 * name: each table row names the rule it exercises, the raw bytes, and the
 * cleaned text, number of `encoding` findings and status expected.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/article.h"
#include "repair/decode.h"
#include "harness.h"
#include "common/utf8.h"
#include "common/util.h"
#include "common/view.h"

struct decode_case {
	const char *rule;
	const char *in;
	size_t len;	  /* 0: strlen(in) */
	const char *want; /* cleaned text; NULL: the article must fail */
	size_t findings;  /* `encoding` findings expected */
};

#define FFFD "\xEF\xBF\xBD"
#define ETE  "\xC3\xA9t\xC3\xA9 \xC3\xA9t\xC3\xA9 \xC3\xA9t\xC3\xA9 "

static const struct decode_case cases[] = {
    /* utf8_valid */
    {"utf8_valid", "Le caf\xC3\xA9 est pr\xC3\xAAt.", 0,
     "Le caf\xC3\xA9 est pr\xC3\xAAt.", 0},
    {"utf8_valid", "", 0, "", 0},
    {"utf8_valid", "plain ASCII\n", 0, "plain ASCII\n", 0},
    {"utf8_valid", "4 bytes: \xF0\x9F\x98\x80, 3: \xE2\x80\x99", 0,
     "4 bytes: \xF0\x9F\x98\x80, 3: \xE2\x80\x99", 0},
    /* utf8_bom */
    {"utf8_bom",
     "\xEF\xBB\xBF"
     "caf\xC3\xA9",
     0, "caf\xC3\xA9", 1},
    {"utf8_bom", "\xEF\xBB\xBF", 0, "", 1},
    /* utf8_invalid: one U+FFFD and one finding per run */
    {"utf8_invalid", "\xC3\xA9t\xC3\xA9 \xFF \xC3\xA9t\xC3\xA9", 0,
     "\xC3\xA9t\xC3\xA9 " FFFD " \xC3\xA9t\xC3\xA9", 1},
    {"utf8_invalid", "\xC3\xA9t\xC3\xA9 \xFF\xFE\x80 \xC3\xA9t\xC3\xA9", 0,
     "\xC3\xA9t\xC3\xA9 " FFFD " \xC3\xA9t\xC3\xA9", 1},
    {"utf8_invalid", "\xC3\xA9 \xFF \xC3\xA9 \x80 \xC3\xA9", 0,
     "\xC3\xA9 " FFFD " \xC3\xA9 " FFFD " \xC3\xA9", 2},
    {"utf8_invalid_overlong", "\xC3\xA9t\xC3\xA9 \xC0\xAF \xC3\xA9", 0,
     "\xC3\xA9t\xC3\xA9 " FFFD " \xC3\xA9", 1},
    {"utf8_invalid_overlong", "\xC3\xA9t\xC3\xA9 \xE0\x80\xAF \xC3\xA9", 0,
     "\xC3\xA9t\xC3\xA9 " FFFD " \xC3\xA9", 1},
    {"utf8_invalid_surrogate", "\xC3\xA9t\xC3\xA9 \xED\xA0\x80 \xC3\xA9", 0,
     "\xC3\xA9t\xC3\xA9 " FFFD " \xC3\xA9", 1},
    {"utf8_invalid_above_max",
     "\xC3\xA9t\xC3\xA9 \xC3\xA9t\xC3\xA9 \xF4\x90\x80\x80 x", 0,
     "\xC3\xA9t\xC3\xA9 \xC3\xA9t\xC3\xA9 " FFFD " x", 1},
    {"utf8_invalid_truncated", "\xC3\xA9t\xC3\xA9 \xE2\x80 \xC3\xA9", 0,
     "\xC3\xA9t\xC3\xA9 " FFFD " \xC3\xA9", 1},
    {"utf8_invalid_truncated", "\xC3\xA9t\xC3\xA9 \xF0\x9F\x98x", 0,
     "\xC3\xA9t\xC3\xA9 " FFFD "x", 1},
    {"utf8_invalid_cut_at_end", "\xC3\xA9t\xC3\xA9 \xE2\x80", 0,
     "\xC3\xA9t\xC3\xA9 " FFFD, 1},
    {"utf8_invalid_cut_at_end", "\xC3\xA9t\xC3\xA9\xC3", 0,
     "\xC3\xA9t\xC3\xA9" FFFD, 1},
    /* utf8_latin_bytes: Windows-1252 text bytes in UTF-8 text, read as
     * such when one of them is inside a word (ETE: enough UTF-8 letters
     * for the text to be UTF-8) */
    {"utf8_latin_bytes", ETE "la pr\xE9sentation a eu lieu \xE0 Paris", 0,
     ETE "la pr\xC3\xA9sentation a eu lieu \xC3\xA0 Paris", 2},
    {"utf8_latin_bytes", ETE "cr\xE9\xE9 par l\x92homme", 0,
     ETE "cr\xC3\xA9\xC3\xA9 par l\xE2\x80\x99homme", 2},
    {"utf8_latin_bytes", ETE "\xC9TAT co\xFBte 100 \x80", 0,
     ETE "\xC3\x89TAT co\xC3\xBBte 100 \xE2\x82\xAC", 3},
    /* not text bytes, or no byte inside a word: U+FFFD as before */
    {"utf8_latin_bytes", ETE "100 \x80 \xE0 Paris", 0,
     ETE "100 " FFFD " " FFFD " Paris", 2},
    {"utf8_latin_bytes", ETE "pr\xC3sident", 0, ETE "pr" FFFD "sident", 1},
    {"utf8_latin_bytes", ETE "caf\xE9 \xE2\x80 x\xA7y", 0,
     ETE "caf\xC3\xA9 " FFFD " x" FFFD "y", 3},
    /* legacy: Latin-1 French, cp1252 quotes, other single-byte charsets */
    {"legacy_latin1",
     "Le caf\xE9 est pr\xEAt \xE0 \xEAtre servi, "
     "\xE7\x61 va de soi.",
     0,
     "Le caf\xC3\xA9 est pr\xC3\xAAt \xC3\xA0 \xC3\xAAtre servi, "
     "\xC3\xA7\x61 va de soi.",
     1},
    {"legacy_latin1", "caf\xE9", 0, "caf\xC3\xA9", 1},
    {"legacy_cp1252", "l\x92homme a dit \x93oui\x94 \x96 enfin\x85", 0,
     "l\xE2\x80\x99homme a dit \xE2\x80\x9Coui\xE2\x80\x9D \xE2\x80\x93 "
     "enfin\xE2\x80\xA6",
     1},
    {"legacy_cp1252", "Co\xFBt\xA0: 12\x80", 0,
     "Co\xC3\xBBt\xC2\xA0: 12\xE2\x82\xAC", 1},
    /* western_variant: ISO-8859-15 letters that 1252 reads as symbols */
    {"western_variant", "Le c\xBDur et l'\xBDuvre de l'\xE9t\xE9.", 0,
     "Le c\xC5\x93ur et l'\xC5\x93uvre de l'\xC3\xA9t\xC3\xA9.", 1},
    {"western_variant", "Prix\xA0: 12 \xA4 pour l'\xE9t\xE9.", 0,
     "Prix\xC2\xA0: 12 \xC2\xA4 pour l'\xC3\xA9t\xC3\xA9.", 1},
    /* utf16 / utf32 */
    {"utf16",
     "\xFF\xFE"
     "c\0a\0f\0\xE9\0",
     10, "caf\xC3\xA9", 1},
    {"utf16",
     "\xFE\xFF"
     "\0c\0a\0f\0\xE9",
     10, "caf\xC3\xA9", 1},
    {"utf16", "c\0a\0f\0\xE9\0 \0a\0u\0 \0l\0a\0i\0t\0", 24,
     "caf\xC3\xA9 au lait", 1},
    {"utf16", "\0c\0a\0f\0\xE9\0 \0a\0u\0 \0l\0a\0i\0t", 24,
     "caf\xC3\xA9 au lait", 1},
    {"utf16",
     "\xFF\xFE"
     "=\xD8\0\xDE",
     6, "\xF0\x9F\x98\x80", 1},
    {"utf32",
     "\xFF\xFE\0\0"
     "c\0\0\0\xE9\0\0\0",
     12, "c\xC3\xA9", 1},
    {"utf32",
     "\0\0\xFE\xFF"
     "\0\0\0c\0\0\0\xE9",
     12, "c\xC3\xA9", 1},
    /* nul_binary */
    {"nul_binary", "abc\0def", 7, NULL, 0},
    {"nul_binary", "\xC3\xA9t\xC3\xA9\0", 6, NULL, 0},
    {"nul_binary", "\x01\x02\x03\x04 binary \x05\x06\x07\x08\x1B", 0, NULL, 0},
    {"nul_binary",
     "\xFF\xFE"
     "a\0\0\0b\0",
     8, NULL, 0},
    {"nul_binary_layout_ok", "a\tb\r\nc\fd\n", 0, "a\tb\r\nc\fd\n", 0},
};

static size_t count_kind(const struct article *a, enum finding_kind k)
{
	size_t n = 0;

	for (size_t i = 0; i < a->nfindings; i++)
		n += a->findings[i].kind == k;
	return n;
}

/* Decode in[0..len) into a (initialised by the caller). */
static int decode_bytes(struct article *a, const char *in, size_t len)
{
	char *raw = xmalloc(len + 1);

	memcpy(raw, in, len);
	raw[len] = '\0';
	return decode_article(a, raw, len);
}

static void test_policy_table(void)
{
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		const struct decode_case *c = &cases[i];
		size_t len = c->len ? c->len : strlen(c->in), n;
		struct article a;
		int rc;

		article_init(&a, c->rule);
		rc = decode_bytes(&a, c->in, len);
		if (!c->want) {
			CHECK_MSG(rc < 0 && a.status == ARTICLE_ERROR,
				  "rule %s (row %zu) should fail", c->rule, i);
		} else {
			char *clean;
			CHECK_MSG(rc == 0, "rule %s (row %zu): %s", c->rule, i,
				  a.error ? a.error : "");
			clean = article_clean_text(&a, &n);
			CHECK_MSG(
			    n == strlen(c->want) && !memcmp(clean, c->want, n),
			    "rule %s (row %zu): got \"%s\"", c->rule, i, clean);
			CHECK_MSG(count_kind(&a, FK_ENCODING) == c->findings,
				  "rule %s (row %zu): %zu encoding findings",
				  c->rule, i, count_kind(&a, FK_ENCODING));
			free(clean);
		}
		article_release(&a);
	}
}

/* utf8_valid: offsets of valid UTF-8 are file offsets (text == bytes). */
static void test_utf8_valid_offsets(void)
{
	static const char in[] = "\xC3\xA9t\xC3\xA9 \xFF fin";
	struct article a;

	article_init(&a, "t");
	CHECK(decode_bytes(&a, in, strlen(in)) == 0);
	CHECK_EQ(a.len, strlen(in));
	CHECK(!memcmp(a.text, in, a.len));
	CHECK_EQ(a.nfindings, 1);
	if (a.nfindings == 1) {
		CHECK_EQ(a.findings[0].start, 6);
		CHECK_EQ(a.findings[0].end, 7);
	}
	article_release(&a);
}

/*
 * utf8_invalid_cut_at_end, for every cut: a text cut at any byte after its
 * first character decodes to valid UTF-8 that is the whole characters
 * before the cut, plus one U+FFFD when the cut falls inside a character.
 * (Cut inside its first character, the text has no well-formed multi-byte
 * sequence left and is read as legacy text: rule `legacy`.)
 */
static void test_cut_at_every_byte(void)
{
	static const char full[] =
	    "\xC3\xA9l\xC3\xA9phant \xE2\x80\x99 \xF0\x9F\x98\x80 fin";
	const size_t len = strlen(full);

	for (size_t cut = 2; cut <= len; cut++) {
		struct article a;
		size_t n, bad, whole = 0, i = 0;
		char *clean;

		while (i < cut) { /* whole characters before the cut */
			size_t j = i;
			utf8_next(full, &j, len);
			if (j > cut)
				break;
			whole = i = j;
		}
		article_init(&a, "cut");
		CHECK(decode_bytes(&a, full, cut) == 0);
		clean = article_clean_text(&a, &n);
		CHECK_MSG(utf8_find_invalid(clean, n, &bad) == n,
			  "cut %zu: ill-formed output", cut);
		CHECK_MSG(n >= whole && !memcmp(clean, full, whole),
			  "cut %zu: prefix lost", cut);
		CHECK_MSG(n == whole + (whole < cut ? 3 : 0),
			  "cut %zu: %zu bytes, want %zu", cut, n,
			  whole + (whole < cut ? 3 : 0));
		free(clean);
		article_release(&a);
	}
}

/* legacy: the conversion is recorded with the charset in its detail. */
static void test_legacy_detail(void)
{
	static const char in[] = "Le caf\xE9 est pr\xEAt.";
	struct article a;

	article_init(&a, "t");
	CHECK(decode_bytes(&a, in, strlen(in)) == 0);
	CHECK_EQ(a.nfindings, 1);
	if (a.nfindings == 1) {
		CHECK(a.findings[0].start == 0 && a.findings[0].end == 0);
		CHECK(a.findings[0].detail &&
		      strstr(a.findings[0].detail, "windows-1252"));
	}
	article_release(&a);
}

int main(void)
{
	RUN(test_policy_table);
	RUN(test_utf8_valid_offsets);
	RUN(test_cut_at_every_byte);
	RUN(test_legacy_detail);
	return harness_done();
}
