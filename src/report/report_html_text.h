/*
 * report_html_text.h - the words of the HTML report, one table per
 * language (French by default, English with --report-lang en).
 *
 * Every label, heading and help sentence of report.html and of its
 * review workbench lives here, so a translation is one more table and the
 * markup code holds no language. Strings are HTML-safe as they stand (no
 * escaping needed); kind names (char_repeat...) are identifiers shared
 * with the CSV reports and are not translated.
 */
#ifndef RELIRE_REPORT_HTML_TEXT_H
#define RELIRE_REPORT_HTML_TEXT_H

#include <stdio.h>

struct html_text {
	const char *lang; /* the lang attribute: "fr", "en" */
	/* page frame */
	const char *title, *title_page, *heading, *page_heading;
	const char *index, *previous, *next;
	/* legend */
	const char *kinds_label, *removed, *inserted, *applied_repair;
	/* article table */
	const char *col_article, *col_score, *col_grade, *col_language,
	    *col_words, *col_findings, *col_top;
	const char *cap_articles, *cap_page, *cap_worst, *cap_pages;
	const char *col_page, *col_count, *col_failed, *col_mean, *col_worst;
	const char *failed;
	/* finding titles */
	const char *repaired, *deleted, *confidence;
	/* article sections */
	const char *words, *findings, *top_issue, *back, *dropped;
	const char *articles_heading;
	/* summary */
	const char *summary, *s_articles, *s_failed, *s_mean, *s_worst,
	    *s_grades, *hist_title, *hist_caption, *kinds_caption, *col_kind,
	    *col_weight, *score_help;
	/* review workbench (also given to the page script) */
	const char *review, *review_help, *review_noscript;
};

/* The table of a language code ("fr", "en"); French for anything else. */
const struct html_text *html_text_for(const char *lang);

/* Write the labels of the page script as a JSON object (no escaping
 * needed: the strings hold no quotes or backslashes). */
void html_text_script_labels(FILE *fp, const struct html_text *t);

#endif
