/*
 * test_segment.c - tokenization of French news: each case lists the word
 * and number tokens expected, with their flags ('U' TF_UPPER, 'A'
 * TF_ALLCAPS, 'N' TF_NUMERAL, 'L' TF_URL, '#' a TOK_NUMBER).
 */
#include <string.h>

#include "harness.h"
#include "common/segment.h"
#include "common/util.h"

static struct segmenter *seg;

/* "word/flags word/flags ..." for the word and number tokens of text. */
static void describe(const char *text, struct strbuf *sb)
{
	struct tokens ts;

	tokens_init(&ts);
	CHECK(segmenter_run(seg, text, strlen(text), &ts) == 0);
	sb_reset(sb);
	for (size_t i = 0; i < ts.n; i++) {
		const struct token *tk = &ts.t[i];
		if (tk->type != TOK_WORD && tk->type != TOK_NUMBER)
			continue;
		sb_addf(sb, "%s%.*s/", sb->len ? " " : "",
			(int)(tok_end(tk) - tk->start), text + tk->start);
		if (tk->type == TOK_NUMBER)
			sb_addc(sb, '#');
		if (tk->flags & TF_UPPER)
			sb_addc(sb, 'U');
		if (tk->flags & TF_ALLCAPS)
			sb_addc(sb, 'A');
		if (tk->flags & TF_NUMERAL)
			sb_addc(sb, 'N');
		if (tk->flags & TF_URL)
			sb_addc(sb, 'L');
	}
	tokens_release(&ts);
}

static void test_cases(void)
{
	static const struct {
		const char *text, *want;
	} cases[] = {
	    /* elision, both apostrophes; flags look past the prefix */
	    {"l'OTAN l’OTAN qu’il", "l'OTAN/UA l’OTAN/UA qu’il/"},
	    {"aujourd’hui L’Etat", "aujourd’hui/ L’Etat/U"},
	    /* hyphenated compounds split at the hyphen */
	    {"cessez-le-feu", "cessez/ le/ feu/"},
	    /* numbers, ordinals, Roman numerals */
	    {"1,5 % et 12h30", "1,5/# et/ 12h30/#"},
	    {"le 3e, le 1er, le XXIe siècle", "le/ 3e/N le/ 1er/N le/ XXIe/UN "
					      "siècle/"},
	    {"Louis XIV, Ier, un DVD", "Louis/U XIV/UAN Ier/UN un/ DVD/UA"},
	    {"Ce Mme Le", "Ce/U Mme/U Le/U"},
	    /* acronyms */
	    {"ÖVP et OTAN", "ÖVP/UA et/ OTAN/UA"},
	    /* URLs, e-mail addresses, handles, hashtags, domains */
	    {"https://www.x.fr/a-b", "https/L www.x.fr/L a/L b/L"},
	    {"écrire à jean.dupont@exemple.fr", "écrire/ à/ "
						"jean.dupont@exemple.fr/L"},
	    {"(#Ukraine) «@elysee»", "Ukraine/UL @elysee/L"},
	    {"sur lemonde.fr hier", "sur/ lemonde.fr/L hier/"},
	    /* U+202F inside what ICU calls one word is split out */
	    {"ce pays\xE2\x80\xAF? 3\xE2\x80\xAF"
	     "000",
	     "ce/ pays/ 3/# 000/#"},
	};
	struct strbuf sb;

	sb_init(&sb);
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		describe(cases[i].text, &sb);
		CHECK_STR(sb.buf, cases[i].want);
	}
	sb_release(&sb);
}

/* Every byte belongs to exactly one token, in order, and the sentinel
 * after the last token starts at the text's length (token.h). One token
 * array serves every text in turn, as a worker's does: a shorter text
 * after a longer one must not read the longer one's tokens. */
static void test_coverage(void)
{
	static const char *const texts[] = {
	    "L’OTAN\xE2\x80\xAF: 3\xE2\x80\xAF"
	    "000 morts, https://x.fr #a @b\n",
	    "",
	    "a",
	    "  ",
	    "fin sans saut de ligne",
	    "deux  espaces\r\n\r\net\u2028fin ",
	    "x",
	};
	struct tokens ts;

	tokens_init(&ts);
	for (size_t k = 0; k < sizeof(texts) / sizeof(texts[0]); k++) {
		const char *text = texts[k];
		size_t pos = 0, len = strlen(text);

		CHECK(segmenter_run(seg, text, len, &ts) == 0);
		CHECK_EQ(ts.n == 0, len == 0);
		for (size_t i = 0; i < ts.n; i++) {
			CHECK_EQ(ts.t[i].start, pos);
			CHECK(tok_end(&ts.t[i]) > ts.t[i].start);
			pos = tok_end(&ts.t[i]);
		}
		CHECK_EQ(pos, len);
		if (ts.n)
			CHECK_EQ(ts.t[ts.n].start, len);
	}
	tokens_release(&ts);
}

int main(void)
{
	seg = segmenter_new("fr");
	if (!seg)
		return 1;
	RUN(test_cases);
	RUN(test_coverage);
	segmenter_free(seg);
	return harness_done();
}
