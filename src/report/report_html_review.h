/*
 * report_html_review.h - the review workbench of report.html: the data an
 * editor decides on, embedded in the page as JSON, and the section the
 * page script renders it into.
 *
 * What is reviewed: every pending row of the name variants table
 * (variants.csv as the run writes it, embedded whole so that the page can
 * export it back with the editor's statuses), and every finding that
 * proposes a change (decisions_reviewable()), applied or reported only.
 * Findings whose original or replacement is over HTML_REVIEW_MAX_BYTES
 * long are left out (they are in findings.csv).
 *
 * The findings are streamed as articles come, to a scratch file, never
 * kept in memory; the page script renders them a screenful at a time, so
 * a batch of 10,000 articles gives one data blob, not 10,000 table rows
 * in the DOM. Every string is JSON-escaped with '<', '>' and '&' as
 * \uXXXX, so article text cannot close the <script> element.
 */
#ifndef RELIRE_REPORT_HTML_REVIEW_H
#define RELIRE_REPORT_HTML_REVIEW_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "common/article.h"
#include "report/report_html_text.h"

#define HTML_REVIEW_MAX_BYTES 65536
#define HTML_REVIEW_CONTEXT   60 /* bytes of text shown on each side */

struct html_review;

/* Start collecting into scratch, an empty read-write file that passes to
 * the review (closed by html_review_free). Never NULL. */
struct html_review *html_review_new(FILE *scratch);
void html_review_free(struct html_review *rv);

/* Add the reviewable findings of a (sorted), the seq-th article of the
 * batch. 0, or -1 on a write error. */
int html_review_article(struct html_review *rv, const struct article *a,
			size_t seq);

/* Articles formatted before their number in the batch is known (on a
 * worker thread): HTML_SEQ_LATER as seq writes a NUL byte where the
 * number goes, and html_put_fragment() writes the number there. No other
 * byte of a fragment is NUL: every byte of an article is escaped. */
#define HTML_SEQ_LATER ((size_t)-1)

/* Write seq, or a NUL for HTML_SEQ_LATER. */
void html_put_seq(FILE *fp, size_t seq);
/* Write s[0, len) with each NUL replaced by seq. */
void html_put_fragment(FILE *fp, const char *s, size_t len, size_t seq);

/* html_review_article() in two steps. Format the reviewable findings of
 * a (sorted) to fp, any thread: returns their number, their hashes in
 * *hashes (malloc'd, NULL when none). Append them, the caller's thread,
 * in the batch's order, as the seq-th article: 0, or -1 on a write
 * error. */
size_t html_review_format(FILE *fp, const struct article *a, uint64_t **hashes);
int html_review_append(struct html_review *rv, const char *items, size_t len,
		       const uint64_t *hashes, size_t n, size_t seq);

/* The <section> the script fills in. */
void html_review_section(FILE *fp, const struct html_text *t);

/* The <script type="application/json" id="review-data"> element: labels,
 * the variants table read from variants_path (NULL or unreadable: no
 * variants), the findings, and how articles are paged (per_page articles
 * per html/page-NNNN.html when paged, else all in this file). 0, or -1 on
 * a write error. */
int html_review_data(struct html_review *rv, FILE *fp,
		     const struct html_text *t, const char *variants_path,
		     int paged, size_t per_page);

/* Write s[0, len) as a JSON string (quotes included), HTML-safe. */
void html_json_string(FILE *fp, const char *s, size_t len);

#endif
