/*
 * report_html.h - OUT/report.html, the report editors read in a browser.
 *
 * One self-contained HTML file (inline CSS, inline SVG, an inline script;
 * no network, no external assets), in French or English
 * (report_html_text.h): a summary of the batch (articles, failures, score
 * distribution, findings per kind), the review workbench
 * (report_html_review.h: approve or reject pending name variants and
 * repairs, export variants.csv and decisions.csv), a table of
 * articles (score, grade, language, top issue) and, for each article, its
 * text with every finding highlighted by kind, the replacement and detail
 * shown on hover and on keyboard focus, and applied repairs shown as
 * before/after (<del>/<ins>). Every byte that comes from an article (text,
 * id, replacement, detail) is HTML-escaped.
 *
 * Streaming: table rows and article sections go to unlinked scratch files
 * in the output directory, never to memory. A batch of at most
 * HTML_PAGE_ARTICLES articles gets everything in report.html. A larger one
 * gets one page per HTML_PAGE_ARTICLES articles under OUT/html/
 * (page-0001.html...), each with its own table and sections, and
 * report.html becomes the index: summary, the HTML_INDEX_WORST
 * lowest-scoring articles, and the list of pages.
 *
 * Files are created through the caller's open function, which returns a
 * temporary file that the caller renames into place (or removes) at the
 * end of the run; this module fcloses the pages it writes, and
 * html_report_finish() fcloses report.html.
 */
#ifndef RELIRE_REPORT_HTML_H
#define RELIRE_REPORT_HTML_H

#include <stdio.h>

#include "common/article.h"
#include "common/score.h"

#define HTML_PAGE_ARTICLES 100
#define HTML_INDEX_WORST   100

struct html_report;

/* Open the temporary file for OUT/name ("report.html", "html/page-0001.html")
 * and register it for renaming. NULL after printing the error. */
typedef FILE *html_open_fn(void *ctx, const char *name);

/* Start the HTML report in out_dir (which exists); model (borrowed) gives
 * the weights it shows, lang ("fr", "en") the language of its words.
 * Returns NULL after printing the error. Free with html_report_free(). */
struct html_report *html_report_new(const char *out_dir,
				    const struct score_model *model,
				    const char *lang, html_open_fn *open,
				    void *ctx);

/* The variants.csv of the run (written and closed before
 * html_report_finish), embedded in the review workbench so that the page
 * can export it with the editor's decisions. path is copied; NULL: none. */
void html_report_set_variants(struct html_report *h, const char *path);

/* Add one processed or failed article (findings sorted, as the reports
 * want them) with its score. Borrows a and s. 0, or -1 on a write error
 * (errno set; the caller prints it). */
int html_report_article(struct html_report *h, const struct article *a,
			const struct score *s);

/* html_report_article() in two steps, so that the costly part runs on
 * the workers. html_report_format() renders a's table row, section and
 * review items (a sorted, scored with s, both borrowed) on any thread: it
 * reads only h's language, which never changes. NULL when memory for the
 * fragment cannot be had (use html_report_article). html_report_append(),
 * on the thread that adds the articles and in the batch's order, adds
 * them as html_report_article(h, a, s) would have: same bytes. */
struct html_fragment;

struct html_fragment *html_report_format(const struct html_report *h,
					 const struct article *a,
					 const struct score *s);
int html_report_append(struct html_report *h, const struct article *a,
		       const struct score *s, const struct html_fragment *f);
void html_fragment_free(struct html_fragment *f);

/* Write the last page and report.html, and close them. 0, or -1 on a
 * write error (errno set; the caller prints it). */
int html_report_finish(struct html_report *h);

/* Close the scratch files and free h (NULL is a no-op). */
void html_report_free(struct html_report *h);

/* Write s[0, len) to fp escaped for HTML text and attribute values: & < >
 * " ' as entities, ill-formed UTF-8 and control characters other than TAB
 * and LF as U+FFFD. */
void html_escape(FILE *fp, const char *s, size_t len);

#endif
