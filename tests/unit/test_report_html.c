/*
 * test_report_html.c - the HTML report formatted off the writer's thread:
 * a fragment's placeholder numbers (report_html_review.h), and
 * html_report_format() + html_report_append() writing the same bytes as
 * html_report_article(), over several pages with failed articles and
 * reviewable findings.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/article.h"
#include "harness.h"
#include "common/score.h"
#include "common/util.h"
#include "report/report_html.h"
#include "report/report_html_review.h"

static char *capture(const char *s, size_t len, size_t seq)
{
	char *buf = NULL;
	size_t n = 0;
	FILE *fp = open_memstream(&buf, &n);

	html_put_fragment(fp, s, len, seq);
	fclose(fp);
	return buf;
}

static void test_put_fragment(void)
{
	static const struct {
		const char *s;
		size_t len, seq;
		const char *want;
	} cases[] = {
	    {"", 0, 7, ""},
	    {"abc", 3, 7, "abc"},
	    {"a\0b", 3, 12, "a12b"},
	    {"\0x\0", 3, 3, "3x3"},
	    {"<tr id=\"r\0\">", 12, 100000, "<tr id=\"r100000\">"},
	};

	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		char *got = capture(cases[i].s, cases[i].len, cases[i].seq);
		CHECK_MSG(!strcmp(got, cases[i].want), "case %zu: %s", i, got);
		free(got);
	}
}

/* A string as the review's JSON data: quotes and backslashes escaped,
 * what would end a <script> element or be a control written \u00XX,
 * UTF-8 kept as it is, an ill-formed byte replaced. */
static void test_json_string(void)
{
	static const struct {
		const char *s;
		const char *want;
	} cases[] = {
	    {"", "\"\""},
	    {"abc", "\"abc\""},
	    {"l\xE2\x80\x99\xC3\xA9t\xC3\xA9",
	     "\"l\xE2\x80\x99\xC3\xA9t\xC3\xA9\""},
	    {"a\"b\\c", "\"a\\\"b\\\\c\""},
	    {"x\ny", "\"x\\ny\""},
	    {"</script>", "\"\\u003c/script\\u003e\""},
	    {"a&b\tc\x7F", "\"a\\u0026b\\u0009c\\u007f\""},
	    {"ok\xFFok\xC3", "\"ok\\ufffdok\\ufffd\""},
	    {"\xC3\xA9\"\xC3\xA9", "\"\xC3\xA9\\\"\xC3\xA9\""},
	};

	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		char *buf = NULL;
		size_t n = 0;
		FILE *fp = open_memstream(&buf, &n);

		html_json_string(fp, cases[i].s, strlen(cases[i].s));
		fclose(fp);
		CHECK_MSG(!strcmp(buf, cases[i].want), "case %zu: %s", i, buf);
		free(buf);
	}
}

/* Files of one report, in a directory of their own. */
struct out {
	char dir[64];
};

static FILE *open_in(void *ctx, const char *name)
{
	struct out *o = ctx;
	char path[256];

	snprintf(path, sizeof(path), "%s/html", o->dir);
	mkdir(path, 0700);
	snprintf(path, sizeof(path), "%s/%s", o->dir, name);
	return fopen(path, "w+");
}

/* Article i of the batch: some failed, most with findings, some of them
 * reviewable (a replacement), ids and text needing escapes. */
static void make_article(struct article *a, size_t i)
{
	static const char text[] = "Le <chat> & l'oiseau  mangent.\n"
				   "Une deuxi\xC3\xA8me ligne \x01 ici.";
	char id[64];

	snprintf(id, sizeof(id), "dir/a&%zu\"<x>", i);
	article_init(a, id);
	strcpy(a->lang, "fr");
	if (i % 17 == 3) {
		article_fail(a, "cannot read 'x%zu': <broken>", i);
		return;
	}
	article_set_text(a, xmemdup(text, sizeof(text) - 1), sizeof(text) - 1);
	a->words = 9;
	if (i % 3)
		article_add(a, FK_SPACING, 20, 22, " ", 1, 1, 0.9, NULL);
	if (i % 4)
		article_add(a, FK_MISSPELLING, 3, 9, "chats", 5, 0, 0.5,
			    "suggestion <1>");
	if (i % 5 == 1)
		article_add(a, FK_TYPOGRAPHY, 12, 13, "\xE2\x80\x99", 3, 1, 0.8,
			    NULL);
	article_sort_findings(a);
}

/* Write n articles to a report in o->dir, split (format then append) or
 * not. 0 when everything was written. */
static int write_report(struct out *o, const struct score_model *m, size_t n,
			int split)
{
	struct html_report *h;
	int rc = 0;

	strcpy(o->dir, "/tmp/relire-html-XXXXXX");
	if (!mkdtemp(o->dir))
		return -1;
	h = html_report_new(o->dir, m, "en", open_in, o);
	if (!h)
		return -1;
	for (size_t i = 0; i < n && !rc; i++) {
		struct article a;
		struct score s;

		make_article(&a, i);
		score_article(&a, m, &s);
		if (split) {
			struct html_fragment *f = html_report_format(h, &a, &s);
			rc = !f || html_report_append(h, &a, &s, f) < 0;
			html_fragment_free(f);
		} else {
			rc = html_report_article(h, &a, &s) < 0;
		}
		article_release(&a);
	}
	if (html_report_finish(h) < 0)
		rc = -1;
	html_report_free(h);
	return rc;
}

static int same_file(const char *a, const char *b)
{
	char *x = NULL, *y = NULL;
	size_t nx = 0, ny = 0;
	int same = read_file(a, SIZE_MAX, &x, &nx) == 0 &&
		   read_file(b, SIZE_MAX, &y, &ny) == 0 && nx == ny &&
		   !memcmp(x, y, nx);

	free(x);
	free(y);
	return same;
}

static void remove_out(const struct out *o, size_t pages)
{
	char path[256];

	for (size_t p = 1; p <= pages; p++) {
		snprintf(path, sizeof(path), "%s/html/page-%04zu.html", o->dir,
			 p);
		unlink(path);
	}
	snprintf(path, sizeof(path), "%s/html", o->dir);
	rmdir(path);
	snprintf(path, sizeof(path), "%s/report.html", o->dir);
	unlink(path);
	rmdir(o->dir);
}

static void test_split_same_bytes(void)
{
	static const size_t counts[] = {1, 7, 2 * HTML_PAGE_ARTICLES + 31};
	struct score_model m;

	CHECK(score_model_load(&m, RELIRE_DATA_DIR "/" SCORE_WEIGHTS_FILE) ==
	      0);
	for (size_t c = 0; c < ARRAY_SIZE(counts); c++) {
		struct out one, two;
		size_t pages = counts[c] > HTML_PAGE_ARTICLES
				   ? (counts[c] + HTML_PAGE_ARTICLES - 1) /
					 HTML_PAGE_ARTICLES
				   : 0;
		char a[256], b[256];

		CHECK(write_report(&one, &m, counts[c], 0) == 0);
		CHECK(write_report(&two, &m, counts[c], 1) == 0);
		snprintf(a, sizeof(a), "%s/report.html", one.dir);
		snprintf(b, sizeof(b), "%s/report.html", two.dir);
		CHECK_MSG(same_file(a, b), "%zu articles: report.html",
			  counts[c]);
		for (size_t p = 1; p <= pages; p++) {
			snprintf(a, sizeof(a), "%s/html/page-%04zu.html",
				 one.dir, p);
			snprintf(b, sizeof(b), "%s/html/page-%04zu.html",
				 two.dir, p);
			CHECK_MSG(same_file(a, b), "%zu articles: page %zu",
				  counts[c], p);
		}
		remove_out(&one, pages);
		remove_out(&two, pages);
	}
}

int main(void)
{
	RUN(test_put_fragment);
	RUN(test_json_string);
	RUN(test_split_same_bytes);
	return harness_done();
}
