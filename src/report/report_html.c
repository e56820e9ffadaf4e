/*
 * report_html.c - OUT/report.html and OUT/html/page-NNNN.html (see
 * report_html.h for the layout and the streaming rule). The text of each
 * article is rendered by report_html_article.c, the review workbench by
 * report_html_review.c and report_html_script.c, the words come from
 * report_html_text.c.
 */
#include "report/report_html.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/utf8.h"
#include "common/util.h"
#include "report/report_html_article.h"
#include "report/report_html_review.h"
#include "report/report_html_script.h"
#include "report/report_html_style.h"
#include "report/report_html_text.h"

#define HIST_BINS	 10
#define REPLACEMENT_CHAR "\xEF\xBF\xBD"

struct row {	    /* one line of an article table */
	size_t seq; /* 1-based position in the batch: anchors */
	char *id;   /* owned in the worst list, borrowed otherwise */
	int ok;
	double score;
	char grade;
	char lang[16];
	size_t words, findings;
	int top_kind;
};

struct page_stats {
	char *first; /* owned id of the first article */
	struct strbuf last;
	size_t n, ok;
	double sum, min;
};

struct html_report {
	const char *out_dir;
	const struct score_model *model;
	const struct html_text *t; /* the report's language */
	struct html_review *review;
	char *variants_path; /* variants.csv to embed, or NULL */
	html_open_fn *open;
	void *ctx;
	FILE *index;		       /* report.html, temporary name */
	FILE *rows, *sections, *pages; /* unlinked scratch files */
	size_t seq, npages;
	struct page_stats page;
	size_t ok, failed;
	double sum, min;
	size_t hist[HIST_BINS];
	size_t grades[5];
	size_t kind_total[FK__COUNT], kind_articles[FK__COUNT];
	struct row worst[HTML_INDEX_WORST];
	size_t nworst;
};

/* ---- escaping ---------------------------------------------------------- */

static const char *ascii_entity(unsigned char c, const char *next,
				const char *end)
{
	switch (c) {
	case '&':
		return "&amp;";
	case '<':
		return "&lt;";
	case '>':
		return "&gt;";
	case '"':
		return "&quot;";
	case '\'':
		return "&#39;";
	case '\t':
	case '\n':
		return NULL;
	case '\r': /* CRLF shows as one line break, a lone CR as one too */
		return next < end && *next == '\n' ? "" : "\n";
	default:
		return c < 0x20 || c == 0x7F ? REPLACEMENT_CHAR : NULL;
	}
}

void html_escape(FILE *fp, const char *s, size_t len)
{
	size_t i = 0, run = 0;

	while (i < len) {
		const char *rep = NULL;
		size_t next = i;

		if ((unsigned char)s[i] < 0x80) {
			next++;
			rep = ascii_entity((unsigned char)s[i], s + next,
					   s + len);
		} else {
			int32_t cp = utf8_next(s, &next, len);
			if (cp < 0 || (cp >= 0x80 && cp < 0xA0))
				rep = REPLACEMENT_CHAR;
		}
		if (rep) {
			fwrite(s + run, 1, i - run, fp);
			fputs(rep, fp);
			run = next;
		}
		i = next;
	}
	fwrite(s + run, 1, len - run, fp);
}

static void escape_str(FILE *fp, const char *s)
{
	if (s)
		html_escape(fp, s, strlen(s));
}

/* ---- scratch files ----------------------------------------------------- */

/* A read-write file in the output directory that disappears when closed
 * or when the process dies: it is unlinked right after it is created. */
static FILE *scratch_open(const char *dir, const char *what)
{
	struct strbuf path;
	FILE *fp;

	sb_init(&path);
	sb_addf(&path, "%s/.report.html.%s.%ld", dir, what, (long)getpid());
	fp = fopen_new(path.buf, 1);
	if (!fp)
		rl_error("cannot write '%s': %s", path.buf, strerror(errno));
	else
		unlink(path.buf);
	sb_release(&path);
	return fp;
}

static int scratch_reset(FILE *fp)
{
	rewind(fp);
	return ftruncate(fileno(fp), 0);
}

/* ---- page frame -------------------------------------------------------- */

static void write_head(FILE *fp, const struct html_text *t, const char *title)
{
	fprintf(fp, "<!DOCTYPE html>\n<html lang=\"%s\">\n", t->lang);
	fputs("<head>\n"
	      "<meta charset=\"utf-8\">\n"
	      "<meta name=\"viewport\" content=\"width=device-width, "
	      "initial-scale=1\">\n"
	      "<meta http-equiv=\"Content-Security-Policy\" content=\""
	      "default-src 'none'; style-src 'unsafe-inline'; "
	      "script-src 'unsafe-inline'\">\n",
	      fp);
	fprintf(fp, "<title>%s</title>\n<style>\n", title);
	html_style_css(fp);
	fputs("</style>\n</head>\n<body>\n", fp);
}

static void write_tail(FILE *fp)
{
	fputs("<script>\n", fp);
	html_style_script(fp);
	html_review_script(fp);
	fputs("</script>\n</body>\n</html>\n", fp);
}

static void write_legend(FILE *fp, const struct html_text *t)
{
	fprintf(fp, "<ul class=\"legend\" aria-label=\"%s\">\n",
		t->kinds_label);
	for (int k = 0; k < FK__COUNT; k++)
		fprintf(fp, "<li><span class=\"sw k-%s\"></span>%s</li>\n",
			finding_kind_name(k), finding_kind_name(k));
	fprintf(fp, "<li><del>%s</del> <ins>%s</ins> %s</li>\n</ul>\n",
		t->removed, t->inserted, t->applied_repair);
}

/* ---- article table ----------------------------------------------------- */

static void table_open(FILE *fp, const struct html_text *t, const char *caption)
{
	fprintf(fp,
		"<table class=\"sortable\" id=\"table\">\n<caption>%s"
		"</caption>\n<thead><tr><th class=\"n\">#</th>"
		"<th>%s</th><th class=\"n\">%s</th><th>%s</th>",
		caption, t->col_article, t->col_score, t->col_grade);
	fprintf(fp,
		"<th>%s</th><th class=\"n\">%s</th>"
		"<th class=\"n\">%s</th><th>%s</th></tr>"
		"</thead>\n<tbody>\n",
		t->col_language, t->col_words, t->col_findings, t->col_top);
}

static void table_close(FILE *fp)
{
	fputs("</tbody>\n</table>\n", fp);
}

/* page is "" for a link inside the same file. */
static void write_row(FILE *fp, const struct html_text *t, const struct row *r,
		      const char *page)
{
	fputs("<tr id=\"r", fp);
	html_put_seq(fp, r->seq);
	fputs("\"><td class=\"n\">", fp);
	html_put_seq(fp, r->seq);
	fputs("</td><td><a href=\"", fp);
	escape_str(fp, page);
	fputs("#a", fp);
	html_put_seq(fp, r->seq);
	fputs("\">", fp);
	escape_str(fp, r->id);
	fputs("</a></td>", fp);
	if (r->ok)
		fprintf(fp,
			"<td class=\"n\">%.1f</td><td><span class=\"grade "
			"g-%c\">%c</span></td>",
			r->score, r->grade, r->grade);
	else
		fprintf(fp,
			"<td class=\"n\"></td><td><span class=\"grade g-F\">"
			"%s</span></td>",
			t->failed);
	fputs("<td>", fp);
	escape_str(fp, r->lang);
	fprintf(fp,
		"</td><td class=\"n\">%zu</td><td class=\"n\">%zu</td>"
		"<td>%s</td></tr>\n",
		r->words, r->findings,
		r->top_kind >= 0 ? finding_kind_name(r->top_kind) : "");
}

static void row_of(struct row *r, const struct article *a,
		   const struct score *s, size_t seq)
{
	memset(r, 0, sizeof(*r));
	r->seq = seq;
	r->id = a->id;
	r->ok = a->status == ARTICLE_OK;
	r->score = s->value;
	r->grade = s->grade;
	memcpy(r->lang, a->lang, sizeof(r->lang));
	r->lang[sizeof(r->lang) - 1] = '\0';
	r->words = a->words;
	for (int k = 0; k < FK__COUNT; k++)
		r->findings += a->counts[k];
	r->top_kind = r->ok ? s->top_kind : -1;
}

static void write_counts(FILE *fp, const struct html_text *t,
			 const struct article *a)
{
	int any = 0;

	for (int k = 0; k < FK__COUNT; k++) {
		if (!a->counts[k])
			continue;
		if (!any)
			fputs("<ul class=\"counts\">", fp);
		any = 1;
		fprintf(fp, "<li><span class=\"sw k-%s\"></span>%s %zu</li>",
			finding_kind_name(k), finding_kind_name(k),
			a->counts[k]);
	}
	if (any)
		fputs("</ul>\n", fp);
	if (a->dropped)
		fprintf(fp, "<p class=\"meta\">%zu %s</p>\n", a->dropped,
			t->dropped);
}

static void write_section(FILE *fp, const struct html_text *t,
			  const struct article *a, const struct row *r)
{
	fputs("<section class=\"article\" id=\"a", fp);
	html_put_seq(fp, r->seq);
	fputs("\">\n<h3>", fp);
	if (r->ok)
		fprintf(fp, "<span class=\"grade g-%c\">%c</span> %.1f ",
			r->grade, r->grade, r->score);
	else
		fprintf(fp, "<span class=\"grade g-F\">%s</span> ", t->failed);
	escape_str(fp, a->id);
	fprintf(fp, "</h3>\n<p class=\"meta\">%zu %s, %zu %s", r->words,
		t->words, r->findings, t->findings);
	if (r->top_kind >= 0)
		fprintf(fp, ", %s %s", t->top_issue,
			finding_kind_name(r->top_kind));
	fputs(" &middot; <a href=\"#r", fp);
	html_put_seq(fp, r->seq);
	fprintf(fp, "\">%s</a></p>\n", t->back);
	if (!r->ok) {
		fputs("<p class=\"error\">", fp);
		escape_str(fp, a->error);
		fputs("</p>\n</section>\n", fp);
		return;
	}
	write_counts(fp, t, a);
	fputs("<div class=\"text\" lang=\"", fp);
	escape_str(fp, a->lang);
	fputs("\">", fp);
	html_article_text(fp, t, a);
	fputs("</div>\n</section>\n", fp);
}

/* ---- batch statistics -------------------------------------------------- */

static void note_worst(struct html_report *h, const struct row *r)
{
	size_t at = h->nworst;

	while (at > 0 && h->worst[at - 1].score > r->score)
		at--;
	if (at >= HTML_INDEX_WORST)
		return;
	if (h->nworst == HTML_INDEX_WORST)
		free(h->worst[HTML_INDEX_WORST - 1].id);
	else
		h->nworst++;
	memmove(&h->worst[at + 1], &h->worst[at],
		(h->nworst - 1 - at) * sizeof(h->worst[0]));
	h->worst[at] = *r;
	h->worst[at].id = xstrdup(r->id);
}

static void note_article(struct html_report *h, const struct article *a,
			 const struct row *r)
{
	struct page_stats *p = &h->page;

	if (!p->n++)
		p->first = xstrdup(a->id);
	sb_reset(&p->last);
	sb_adds(&p->last, a->id);
	if (!r->ok) {
		h->failed++;
		return;
	}
	if (!p->ok++ || r->score < p->min)
		p->min = r->score;
	p->sum += r->score;
	if (!h->ok++ || r->score < h->min)
		h->min = r->score;
	h->sum += r->score;
	h->hist[r->score >= 100 ? HIST_BINS - 1 : (size_t)(r->score / 10)]++;
	h->grades[r->grade == 'F' ? 4 : r->grade - 'A']++;
	for (int k = 0; k < FK__COUNT; k++) {
		h->kind_total[k] += a->counts[k];
		h->kind_articles[k] += a->counts[k] > 0;
	}
	note_worst(h, r);
}

/* ---- summary ----------------------------------------------------------- */

static void write_histogram(FILE *fp, const struct html_report *h)
{
	size_t max = 1;

	for (size_t i = 0; i < HIST_BINS; i++)
		if (h->hist[i] > max)
			max = h->hist[i];
	fputs("<figure>\n<svg class=\"hist\" viewBox=\"0 0 440 170\" "
	      "width=\"440\" height=\"170\" role=\"img\" aria-labelledby=\""
	      "histcap\" xmlns=\"http://www.w3.org/2000/svg\">\n",
	      fp);
	fputs("<line x1=\"18\" y1=\"140\" x2=\"422\" y2=\"140\" "
	      "stroke=\"#888\"/>\n",
	      fp);
	for (size_t i = 0; i < HIST_BINS; i++) {
		unsigned bar =
		    (unsigned)(120.0 * (double)h->hist[i] / (double)max + 0.5);
		unsigned x = 20 + 40 * (unsigned)i;

		fprintf(fp,
			"<g><title>%s %zu-%zu: %zu %s</title>"
			"<rect x=\"%u\" y=\"%u\" width=\"36\" height=\"%u\" "
			"fill=\"%s\"/>",
			h->t->hist_title, 10 * i,
			i + 1 == HIST_BINS ? 100 : 10 * i + 9, h->hist[i],
			h->t->s_articles, x, 140 - bar, bar,
			html_bin_colour(i, HIST_BINS));
		fprintf(
		    fp,
		    "<text x=\"%u\" y=\"%u\" text-anchor=\"middle\">%zu"
		    "</text><text x=\"%u\" y=\"156\" text-anchor=\"middle\">"
		    "%zu-%zu</text></g>\n",
		    x + 18, 136 - bar, h->hist[i], x + 18, 10 * i,
		    i + 1 == HIST_BINS ? 100 : 10 * i + 9);
	}
	fprintf(fp,
		"</svg>\n<figcaption id=\"histcap\">%s</figcaption>\n"
		"</figure>\n",
		h->t->hist_caption);
}

static void write_kinds(FILE *fp, const struct html_report *h)
{
	const struct html_text *t = h->t;

	fprintf(fp,
		"<table class=\"sortable kinds\">\n<caption>%s</caption>\n"
		"<thead><tr><th>%s</th><th class=\"n\">%s</th>"
		"<th class=\"n\">%s</th><th class=\"n\">%s</th>"
		"</tr></thead>\n<tbody>\n",
		t->kinds_caption, t->col_kind, t->col_findings, t->s_articles,
		t->col_weight);
	for (int k = 0; k < FK__COUNT; k++) {
		if (!h->kind_total[k])
			continue;
		fprintf(fp,
			"<tr><td><span class=\"sw k-%s\"></span>%s</td>"
			"<td class=\"n\">%zu</td><td class=\"n\">%zu</td>"
			"<td class=\"n\">%.2f</td></tr>\n",
			finding_kind_name(k), finding_kind_name(k),
			h->kind_total[k], h->kind_articles[k],
			score_weight(h->model, k));
	}
	fputs("</tbody>\n</table>\n", fp);
}

static void write_summary(FILE *fp, const struct html_report *h)
{
	static const char grades[] = "ABCDF";
	const struct html_text *t = h->t;

	fprintf(fp,
		"<h1>%s</h1>\n<section id=\"summary\">\n"
		"<h2>%s</h2>\n<dl class=\"stats\">\n"
		"<dt>%s</dt><dd>%zu</dd>\n<dt>%s</dt><dd>%zu</dd>\n",
		t->heading, t->summary, t->s_articles, h->seq, t->s_failed,
		h->failed);
	if (h->ok)
		fprintf(fp,
			"<dt>%s</dt><dd>%.1f</dd>\n"
			"<dt>%s</dt><dd>%.1f</dd>\n",
			t->s_mean, h->sum / (double)h->ok, t->s_worst, h->min);
	fprintf(fp, "<dt>%s</dt><dd>", t->s_grades);
	for (size_t g = 0; g < 5; g++)
		fprintf(fp, "%s<span class=\"grade g-%c\">%c</span> %zu",
			g ? " &nbsp; " : "", grades[g], grades[g],
			h->grades[g]);
	fputs("</dd>\n</dl>\n", fp);
	write_histogram(fp, h);
	write_kinds(fp, h);
	fprintf(fp, "<p class=\"meta\">%s</p>\n</section>\n", t->score_help);
}

/* ---- pages and the index ----------------------------------------------- */

static void write_nav(FILE *fp, const struct html_text *t, size_t page,
		      int has_next)
{
	fprintf(fp, "<nav><a href=\"../report.html\">%s</a>", t->index);
	if (page > 1)
		fprintf(fp, " &middot; <a href=\"page-%04zu.html\">%s</a>",
			page - 1, t->previous);
	if (has_next)
		fprintf(fp, " &middot; <a href=\"page-%04zu.html\">%s</a>",
			page + 1, t->next);
	fputs("</nav>\n", fp);
}

static void write_page_row(struct html_report *h)
{
	const struct page_stats *p = &h->page;

	fprintf(h->pages,
		"<tr><td class=\"n\"><a href=\"html/page-%04zu.html"
		"\">%zu</a></td><td>",
		h->npages, h->npages);
	escape_str(h->pages, p->first);
	fputs(" &hellip; ", h->pages);
	escape_str(h->pages, p->last.buf);
	fprintf(h->pages,
		"</td><td class=\"n\">%zu</td><td class=\"n\">%zu"
		"</td>",
		p->n, p->n - p->ok);
	if (p->ok)
		fprintf(h->pages,
			"<td class=\"n\">%.1f</td><td class=\"n\">"
			"%.1f</td></tr>\n",
			p->sum / (double)p->ok, p->min);
	else
		fputs("<td class=\"n\"></td><td class=\"n\"></td></tr>\n",
		      h->pages);
}

static void page_stats_reset(struct page_stats *p)
{
	free(p->first);
	p->first = NULL;
	sb_reset(&p->last);
	p->n = p->ok = 0;
	p->sum = p->min = 0;
}

/* Write the articles held in the scratch files as the next page. */
static int flush_page(struct html_report *h, int has_next)
{
	struct strbuf name;
	FILE *fp;
	int rc = 0;

	h->npages++;
	sb_init(&name);
	sb_addf(&name, "html/page-%04zu.html", h->npages);
	fp = h->open(h->ctx, name.buf);
	sb_release(&name);
	if (!fp)
		return -1;
	write_head(fp, h->t, h->t->title_page);
	fprintf(fp, "<h1>%s %zu</h1>\n", h->t->page_heading, h->npages);
	write_nav(fp, h->t, h->npages, has_next);
	write_legend(fp, h->t);
	table_open(fp, h->t, h->t->cap_page);
	rc |= stream_copy(fp, h->rows);
	table_close(fp);
	rc |= stream_copy(fp, h->sections);
	write_nav(fp, h->t, h->npages, has_next);
	write_tail(fp);
	if (ferror(fp))
		rc = -1;
	if (fclose(fp) != 0)
		rc = -1;
	write_page_row(h);
	page_stats_reset(&h->page);
	if (scratch_reset(h->rows) < 0 || scratch_reset(h->sections) < 0)
		rc = -1;
	return rc;
}

struct html_report *html_report_new(const char *out_dir,
				    const struct score_model *model,
				    const char *lang, html_open_fn *open,
				    void *ctx)
{
	struct html_report *h = xcalloc(1, sizeof(*h));
	FILE *review;

	h->out_dir = out_dir;
	h->t = html_text_for(lang);
	h->model = model;
	h->open = open;
	h->ctx = ctx;
	sb_init(&h->page.last);
	h->index = open(ctx, "report.html");
	if (h->index) {
		h->rows = scratch_open(out_dir, "rows");
		h->sections =
		    h->rows ? scratch_open(out_dir, "sections") : NULL;
		h->pages = h->sections ? scratch_open(out_dir, "pages") : NULL;
	}
	review = h->pages ? scratch_open(out_dir, "review") : NULL;
	if (review)
		h->review = html_review_new(review);
	if (!h->review) {
		html_report_free(h);
		return NULL;
	}
	return h;
}

/* The next article's row, counted in the batch's statistics. */
static int next_row(struct html_report *h, struct row *r,
		    const struct article *a, const struct score *s)
{
	if (h->page.n == HTML_PAGE_ARTICLES && flush_page(h, 1) < 0)
		return -1;
	row_of(r, a, s, ++h->seq);
	note_article(h, a, r);
	return 0;
}

int html_report_article(struct html_report *h, const struct article *a,
			const struct score *s)
{
	struct row r;

	if (next_row(h, &r, a, s) < 0)
		return -1;
	write_row(h->rows, h->t, &r, "");
	write_section(h->sections, h->t, a, &r);
	if (html_review_article(h->review, a, r.seq) < 0)
		return -1;
	return ferror(h->rows) || ferror(h->sections) ? -1 : 0;
}

struct html_fragment {
	char *row, *section, *review;
	size_t row_len, section_len, review_len;
	uint64_t *hashes; /* of the review's items */
	size_t nitems;
};

void html_fragment_free(struct html_fragment *f)
{
	if (!f)
		return;
	free(f->row);
	free(f->section);
	free(f->review);
	free(f->hashes);
	free(f);
}

struct html_fragment *html_report_format(const struct html_report *h,
					 const struct article *a,
					 const struct score *s)
{
	struct html_fragment *f = xcalloc(1, sizeof(*f));
	struct row r;
	FILE *fp;
	int ok;

	row_of(&r, a, s, HTML_SEQ_LATER);
	ok = (fp = open_memstream(&f->row, &f->row_len)) != NULL;
	if (ok) {
		write_row(fp, h->t, &r, "");
		ok = fclose(fp) == 0;
	}
	if (ok && (fp = open_memstream(&f->section, &f->section_len))) {
		write_section(fp, h->t, a, &r);
		ok = fclose(fp) == 0;
	} else {
		ok = 0;
	}
	if (ok && (fp = open_memstream(&f->review, &f->review_len))) {
		f->nitems = html_review_format(fp, a, &f->hashes);
		ok = fclose(fp) == 0;
	} else {
		ok = 0;
	}
	if (!ok) {
		html_fragment_free(f);
		return NULL;
	}
	return f;
}

int html_report_append(struct html_report *h, const struct article *a,
		       const struct score *s, const struct html_fragment *f)
{
	struct row r;

	if (next_row(h, &r, a, s) < 0)
		return -1;
	html_put_fragment(h->rows, f->row, f->row_len, r.seq);
	html_put_fragment(h->sections, f->section, f->section_len, r.seq);
	if (html_review_append(h->review, f->review, f->review_len, f->hashes,
			       f->nitems, r.seq) < 0)
		return -1;
	return ferror(h->rows) || ferror(h->sections) ? -1 : 0;
}

static void write_pages_head(FILE *fp, const struct html_text *t)
{
	fprintf(fp,
		"<table class=\"sortable\" id=\"pages\">\n"
		"<caption>%s %d</caption>\n<thead><tr>"
		"<th class=\"n\">%s</th><th>%s</th><th class=\"n\">%s</th>",
		t->cap_pages, HTML_PAGE_ARTICLES, t->col_page, t->s_articles,
		t->col_count);
	fprintf(fp,
		"<th class=\"n\">%s</th><th class=\"n\">%s</th>"
		"<th class=\"n\">%s</th></tr></thead>\n<tbody>\n",
		t->col_failed, t->col_mean, t->col_worst);
}

void html_report_set_variants(struct html_report *h, const char *path)
{
	free(h->variants_path);
	h->variants_path = path ? xstrdup(path) : NULL;
}

static int write_index(struct html_report *h)
{
	FILE *fp = h->index;
	int rc = 0;

	write_head(fp, h->t, h->t->title);
	write_summary(fp, h);
	html_review_section(fp, h->t);
	write_legend(fp, h->t);
	if (!h->npages) {
		table_open(fp, h->t, h->t->cap_articles);
		rc |= stream_copy(fp, h->rows);
		table_close(fp);
		fprintf(fp, "<h2>%s</h2>\n", h->t->articles_heading);
		rc |= stream_copy(fp, h->sections);
	} else {
		char page[48];

		table_open(fp, h->t, h->t->cap_worst);
		for (size_t i = 0; i < h->nworst; i++) {
			snprintf(page, sizeof(page), "html/page-%04zu.html",
				 (h->worst[i].seq - 1) / HTML_PAGE_ARTICLES +
				     1);
			write_row(fp, h->t, &h->worst[i], page);
		}
		table_close(fp);
		write_pages_head(fp, h->t);
		rc |= stream_copy(fp, h->pages);
		table_close(fp);
	}
	rc |= html_review_data(h->review, fp, h->t, h->variants_path,
			       h->npages > 0, HTML_PAGE_ARTICLES);
	write_tail(fp);
	return rc;
}

int html_report_finish(struct html_report *h)
{
	int rc = 0;

	if (h->npages && h->page.n)
		rc = flush_page(h, 0);
	if (write_index(h) < 0)
		rc = -1;
	if (ferror(h->index))
		rc = -1;
	if (fclose(h->index) != 0)
		rc = -1;
	h->index = NULL;
	return rc;
}

void html_report_free(struct html_report *h)
{
	if (!h)
		return;
	if (h->index)
		fclose(h->index);
	if (h->rows)
		fclose(h->rows);
	if (h->sections)
		fclose(h->sections);
	if (h->pages)
		fclose(h->pages);
	for (size_t i = 0; i < h->nworst; i++)
		free(h->worst[i].id);
	free(h->page.first);
	sb_release(&h->page.last);
	html_review_free(h->review);
	free(h->variants_path);
	free(h);
}
