/*
 * test_article_pack.c - a packed article reads back field for field
 * (findings with and without details, deletions, insertions, bytes that
 * are not text), and a pack cut short or damaged is refused.
 */
#include <stdlib.h>

#include "common/article.h"
#include "common/article_pack.h"
#include "harness.h"
#include "common/util.h"

struct spec {
	const char *text;
	size_t len; /* of text (it may hold NUL bytes) */
	const char *clean;
	size_t clen;
	int nfind; /* findings: 0..3 of the three below */
};

static void make(struct article *a, const struct spec *s)
{
	article_init(a, "dir/a b.txt");
	article_set_text(a, xmemdup(s->text, s->len), s->len);
	strcpy(a->lang, "de");
	a->words = 42;
	a->stats[DS_TOP_2GRAM_CHAR_FRAC] = 0.25;
	if (s->nfind > 0)
		article_add(a, FK_WORD_REPEAT, 0, 1, "", 0, 1, 0.5, "doubled");
	if (s->nfind > 1)
		article_add(a, FK_SPACING, 2, 2, "\xc2\xa0", 2, 0, 0.9, NULL);
	if (s->nfind > 2)
		article_add(a, FK_MISSPELLING, 2, 3, "x\0y", 3, 0, 0.3, "");
	article_sort_findings(a);
}

static void same(const struct article *x, const struct article *y)
{
	CHECK_STR(y->id, x->id);
	CHECK_EQ(y->len, x->len);
	CHECK(!memcmp(y->text, x->text, x->len));
	CHECK_STR(y->lang, x->lang);
	CHECK_EQ(y->words, x->words);
	CHECK(!memcmp(y->counts, x->counts, sizeof(x->counts)));
	CHECK(!memcmp(y->stats, x->stats, sizeof(x->stats)));
	CHECK_EQ(y->nfindings, x->nfindings);
	for (size_t i = 0; i < x->nfindings && i < y->nfindings; i++) {
		const struct finding *f = &x->findings[i], *g = &y->findings[i];
		CHECK_EQ(g->kind, f->kind);
		CHECK_EQ(g->start, f->start);
		CHECK_EQ(g->end, f->end);
		CHECK_EQ(g->applied, f->applied);
		CHECK_EQ(g->seq, f->seq);
		CHECK(g->confidence == f->confidence);
		CHECK_EQ(g->repl_len, f->repl_len);
		CHECK(!memcmp(g->replacement, f->replacement, f->repl_len));
		CHECK((g->detail == NULL) == (f->detail == NULL));
		if (f->detail && g->detail)
			CHECK_STR(g->detail, f->detail);
	}
}

static void test_round_trip(void)
{
	static const struct spec cases[] = {
	    {"", 0, "", 0, 0},
	    {"le le chat", 10, "le chat", 7, 1},
	    {"ab\0cd", 5, "b\0cd", 4, 2},
	    {"abc def", 7, "bc def", 6, 3},
	};

	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		struct article a, b;
		struct strbuf pack;
		char *clean;
		size_t clen = cases[i].clen;

		make(&a, &cases[i]);
		sb_init(&pack);
		article_pack(&a, cases[i].clean, clen, &pack);
		CHECK_EQ(article_unpack(&b, pack.buf, pack.len, &clean, &clen),
			 0);
		same(&a, &b);
		CHECK(clean && !memcmp(clean, cases[i].clean, clen));
		free(clean);
		article_release(&b);
		/* Every cut is refused, and leaves nothing to free. */
		for (size_t cut = 0; cut < pack.len; cut++) {
			CHECK_EQ(
			    article_unpack(&b, pack.buf, cut, &clean, &clen),
			    -1);
			CHECK(clean == NULL && b.findings == NULL);
		}
		/* So are trailing bytes. */
		sb_addc(&pack, 'x');
		CHECK_EQ(article_unpack(&b, pack.buf, pack.len, &clean, &clen),
			 -1);
		sb_release(&pack);
		article_release(&a);
	}
}

/* A pack made without the cleaned text gives it back as NULL. */
static void test_without_clean(void)
{
	struct article a, b;
	struct strbuf pack;
	static const struct spec s = {"le le chat", 10, "le chat", 7, 2};
	char *clean = (char *)"x";
	size_t clen = 5;

	make(&a, &s);
	sb_init(&pack);
	article_pack(&a, NULL, 0, &pack);
	CHECK_EQ(article_unpack(&b, pack.buf, pack.len, &clean, &clen), 0);
	same(&a, &b);
	CHECK(clean == NULL && clen == 0);
	article_release(&b);
	sb_release(&pack);
	article_release(&a);
}

/* A length that claims more than the pack holds is refused, not read. */
static void test_damaged(void)
{
	struct article a, b;
	struct strbuf pack;
	static const struct spec s = {"le le chat", 10, "le chat", 7, 3};
	char *clean;
	size_t clen;

	make(&a, &s);
	sb_init(&pack);
	article_pack(&a, "le chat", 7, &pack);
	memset(pack.buf, 0xff, sizeof(size_t)); /* the id's length */
	CHECK_EQ(article_unpack(&b, pack.buf, pack.len, &clean, &clen), -1);
	sb_release(&pack);
	article_release(&a);
}

int main(void)
{
	RUN(test_round_trip);
	RUN(test_without_clean);
	RUN(test_damaged);
	return harness_done();
}
