/*
 * report_html_style.h - the look of the HTML report: its inline style
 * sheet (the review workbench included), its optional sorting script and
 * the colour of each finding kind.
 *
 * Kept apart from report_html.c so that the markup and the presentation
 * can be read and changed separately. The page must work without the
 * script: it only makes table headings sortable.
 */
#ifndef RELIRE_REPORT_HTML_STYLE_H
#define RELIRE_REPORT_HTML_STYLE_H

#include <stddef.h>
#include <stdio.h>

/* Write the style sheet (without <style> tags), including one .k-KIND
 * background rule per finding kind. */
void html_style_css(FILE *fp);

/* Write the sorting script (without <script> tags). */
void html_style_script(FILE *fp);

/* CSS colour of the highlight of finding kind k (a static string). */
const char *html_kind_colour(int k);

/* Colour of histogram bar i of n, from red (low scores) to green. */
const char *html_bin_colour(size_t i, size_t n);

#endif
