/*
 * report_html_script.h - the script of the review workbench of
 * report.html: renders the review data (report_html_review.h), records
 * the editor's approvals and rejections, and exports them as variants.csv
 * and decisions.csv. Does nothing on a page without review data.
 */
#ifndef RELIRE_REPORT_HTML_SCRIPT_H
#define RELIRE_REPORT_HTML_SCRIPT_H

#include <stdio.h>

/* Write the script (without <script> tags). */
void html_review_script(FILE *fp);

#endif
