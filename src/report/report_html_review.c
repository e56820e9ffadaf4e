/*
 * report_html_review.c - the data of the review workbench (see
 * report_html_review.h). Each finding is one JSON array:
 *   [seq, id, kind, start, end, occurrence, original, replacement,
 *    applied, before, after]
 * where before and after are up to HTML_REVIEW_CONTEXT bytes of text
 * around the span, cut on character boundaries. The page script reads the
 * positions by index (report_html_script.c), so the two change together.
 */
#include "report/report_html_review.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "common/csvio.h"
#include "common/strmap.h"
#include "common/utf8.h"
#include "common/util.h"
#include "corpus/decisions.h"

struct html_review {
	FILE *items;   /* scratch: the findings, comma-separated */
	size_t n;      /* findings written */
	uint64_t hash; /* of the findings: names the review in the page */
};

struct html_review *html_review_new(FILE *scratch)
{
	struct html_review *rv = xcalloc(1, sizeof(*rv));

	rv->items = scratch;
	rv->hash = hash_bytes("", 0);
	return rv;
}

void html_review_free(struct html_review *rv)
{
	if (!rv)
		return;
	if (rv->items)
		fclose(rv->items);
	free(rv);
}

/* ---- JSON -------------------------------------------------------------- */

void html_json_string(FILE *fp, const char *s, size_t len)
{
	size_t i = 0, run = 0; /* s[run..i) is written as it is */

	fputc('"', fp);
	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		size_t next = i;

		if (c >= 0x80) {
			if (utf8_next(s, &next, len) < 0) {
				fwrite(s + run, 1, i - run, fp);
				fputs("\\ufffd", fp);
				run = next;
			}
			i = next;
			continue;
		}
		if (c >= 0x20 && c != '"' && c != '\\' && c != '<' &&
		    c != '>' && c != '&' && c != 0x7F) {
			i++;
			continue;
		}
		fwrite(s + run, 1, i - run, fp);
		if (c == '"' || c == '\\')
			fprintf(fp, "\\%c", c);
		else if (c == '\n')
			fputs("\\n", fp);
		else
			fprintf(fp, "\\u%04x", c);
		run = ++i;
	}
	fwrite(s + run, 1, len - run, fp);
	fputc('"', fp);
}

static void json_str(FILE *fp, const char *s)
{
	html_json_string(fp, s, strlen(s));
}

/* ---- findings ---------------------------------------------------------- */

static size_t back_to_char(const char *s, size_t at)
{
	while (at > 0 && ((unsigned char)s[at] & 0xC0) == 0x80)
		at--;
	return at;
}

/* Finding i of a as one item; occ is its occurrence (decisions.h). */
static void write_item(FILE *fp, const struct article *a, size_t i, size_t occ,
		       size_t seq)
{
	const struct finding *f = &a->findings[i];
	size_t from =
	    f->start > HTML_REVIEW_CONTEXT
		? back_to_char(a->text, f->start - HTML_REVIEW_CONTEXT)
		: 0;
	size_t to = a->len - f->end > HTML_REVIEW_CONTEXT
			? back_to_char(a->text, f->end + HTML_REVIEW_CONTEXT)
			: a->len;

	fputc('[', fp);
	html_put_seq(fp, seq);
	fputc(',', fp);
	json_str(fp, a->id);
	fprintf(fp, ",\"%s\",%zu,%zu,%zu,", finding_kind_name(f->kind),
		f->start, f->end, occ);
	html_json_string(fp, a->text + f->start, f->end - f->start);
	fputc(',', fp);
	html_json_string(fp, f->replacement, f->repl_len);
	fprintf(fp, ",%d,", f->applied ? 1 : 0);
	html_json_string(fp, a->text + from, f->start - from);
	fputc(',', fp);
	html_json_string(fp, a->text + f->end, to - f->end);
	fputc(']', fp);
}

/* What the review's hash takes of finding f of a. */
static uint64_t item_hash(const struct article *a, const struct finding *f)
{
	return hash_bytes(a->id, strlen(a->id)) + f->start +
	       ((uint64_t)f->kind << 40);
}

static void add_hash(struct html_review *rv, uint64_t h)
{
	rv->hash ^= h;
	rv->hash *= 0x100000001B3ULL;
}

static int reviewed(const struct article *a, const struct finding *f)
{
	return decisions_reviewable(a, f) &&
	       f->end - f->start <= HTML_REVIEW_MAX_BYTES &&
	       f->repl_len <= HTML_REVIEW_MAX_BYTES;
}

/* Write the reviewable findings of a to fp as items (",\n" between
 * them, and before the first when comma is set), numbered seq, and their
 * hashes into *hashes (malloc'd). Returns their number. */
static size_t write_items(FILE *fp, const struct article *a, size_t seq,
			  int comma, uint64_t **hashes)
{
	size_t n = 0, cap = 0, *occ;

	*hashes = NULL;
	if (a->status != ARTICLE_OK)
		return 0;
	occ = decisions_occurrences(a);
	for (size_t i = 0; i < a->nfindings; i++) {
		const struct finding *f = &a->findings[i];

		if (!reviewed(a, f))
			continue;
		if (n || comma)
			fputs(",\n", fp);
		write_item(fp, a, i, occ[i], seq);
		GROW(*hashes, cap, n + 1);
		(*hashes)[n++] = item_hash(a, f);
	}
	free(occ);
	return n;
}

int html_review_article(struct html_review *rv, const struct article *a,
			size_t seq)
{
	uint64_t *hashes;
	size_t n = write_items(rv->items, a, seq, rv->n > 0, &hashes);

	for (size_t i = 0; i < n; i++)
		add_hash(rv, hashes[i]);
	rv->n += n;
	free(hashes);
	return ferror(rv->items) ? -1 : 0;
}

size_t html_review_format(FILE *fp, const struct article *a, uint64_t **hashes)
{
	return write_items(fp, a, HTML_SEQ_LATER, 0, hashes);
}

int html_review_append(struct html_review *rv, const char *items, size_t len,
		       const uint64_t *hashes, size_t n, size_t seq)
{
	if (!n)
		return 0;
	if (rv->n)
		fputs(",\n", rv->items);
	html_put_fragment(rv->items, items, len, seq);
	for (size_t i = 0; i < n; i++)
		add_hash(rv, hashes[i]);
	rv->n += n;
	return ferror(rv->items) ? -1 : 0;
}

void html_put_seq(FILE *fp, size_t seq)
{
	if (seq == HTML_SEQ_LATER)
		fputc('\0', fp);
	else
		fprintf(fp, "%zu", seq);
}

void html_put_fragment(FILE *fp, const char *s, size_t len, size_t seq)
{
	const char *end = s + len, *nul;

	while ((nul = memchr(s, '\0', (size_t)(end - s)))) {
		fwrite(s, 1, (size_t)(nul - s), fp);
		fprintf(fp, "%zu", seq);
		s = nul + 1;
	}
	fwrite(s, 1, (size_t)(end - s), fp);
}

/* ---- the variants table ------------------------------------------------ */

struct table_out {
	FILE *fp;
	size_t rows;
};

static int table_row(const struct csv_row *row, void *ud)
{
	struct table_out *o = ud;

	fputs(o->rows++ ? ",\n[" : "[", o->fp);
	for (size_t i = 0; i < row->n; i++) {
		if (i)
			fputc(',', o->fp);
		html_json_string(o->fp, row->fields[i], row->lens[i]);
	}
	fputc(']', o->fp);
	return 0;
}

/* The table as it is in the file: an array of rows, the header first. */
static void write_variants(FILE *fp, const char *path)
{
	struct table_out o = {fp, 0};
	char *buf = NULL;
	size_t len;

	fputc('[', fp);
	if (path && read_file(path, (size_t)1 << 30, &buf, &len) == 0)
		csv_read_buffer(path, buf, len, table_row, &o);
	fputc(']', fp);
	free(buf);
}

/* ---- the page ---------------------------------------------------------- */

void html_review_section(FILE *fp, const struct html_text *t)
{
	fprintf(fp,
		"<section id=\"review\">\n<h2>%s</h2>\n<p class=\"meta\">%s"
		"</p>\n<div id=\"review-app\"><p class=\"meta\">%s</p></div>\n"
		"</section>\n",
		t->review, t->review_help, t->review_noscript);
}

int html_review_data(struct html_review *rv, FILE *fp,
		     const struct html_text *t, const char *variants_path,
		     int paged, size_t per_page)
{
	int rc;

	fprintf(fp,
		"<script type=\"application/json\" id=\"review-data\">\n"
		"{\"lang\":\"%s\",\"run\":\"%016llx\",\"paged\":%d,"
		"\"perPage\":%zu,\n\"labels\":",
		t->lang, (unsigned long long)rv->hash, paged ? 1 : 0, per_page);
	html_text_script_labels(fp, t);
	fputs(",\n\"variants\":", fp);
	write_variants(fp, variants_path);
	fputs(",\n\"items\":[\n", fp);
	rc = stream_copy(fp, rv->items);
	fputs("]}\n</script>\n", fp);
	return rc < 0 || ferror(fp) ? -1 : 0;
}
