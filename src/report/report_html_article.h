/*
 * report_html_article.h - the text of one article in the HTML report,
 * every finding highlighted by kind: reports marked, applied repairs shown
 * as before/after (<del>/<ins>), the kind, replacement, detail and
 * confidence in the title (shown on hover and on keyboard focus). Every
 * byte of the article is HTML-escaped (html_escape).
 */
#ifndef RELIRE_REPORT_HTML_ARTICLE_H
#define RELIRE_REPORT_HTML_ARTICLE_H

#include <stdio.h>

#include "common/article.h"
#include "report/report_html_text.h"

/* Write the text of a (findings sorted) with its findings to fp; t gives
 * the words of the titles. */
void html_article_text(FILE *fp, const struct html_text *t,
		       const struct article *a);

#endif
