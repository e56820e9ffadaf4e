/*
 * report.c - quality.csv, findings.csv and clean texts, written through
 * temporary files and renamed into place at the end of the run.
 */
#include "report/report.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/csvio.h"
#include "common/score.h"
#include "common/strmap.h"
#include "common/utf8.h"
#include "common/util.h"
#include "common/view.h"
#include "report/outdir.h"
#include "report/report_html.h"
#include "report/report_xlsx.h"

#define WORST_N 5

struct pending { /* a temporary file waiting to be renamed */
	char *tmp, *final;
};

struct worst {
	char *id;
	double score;
	int top_kind;
};

struct report {
	const struct options *opt;
	const struct score_model *model; /* borrowed */
	FILE *quality, *findings, *clean_lines;
	char *iobuf[3]; /* their stdio buffers, freed after they close */
	struct csvw *qw, *fw;
	struct html_report *html;
	struct xlsx_report *xlsx;
	struct pending *pend;
	size_t npend, cap;
	size_t nwritten; /* reports renamed into place (the summary) */
	struct strmap clean_paths; /* clean/ID -> CLEAN_FILE or CLEAN_DIR */
	size_t articles, failed;
	double score_sum;
	struct worst worst[WORST_N];
	size_t nworst;
};

/* Buffer of the streams written for every article: a write(2) per
 * 256 KB rather than per 4 KB. */
#define REPORT_IOBUF ((size_t)256 << 10)

/* The temporary file that becomes OUT/name, or NULL; with *iobuf set to
 * a buffer of its own (freed with the report) when iobuf is not NULL. */
static FILE *open_tmp_buffered(struct report *r, const char *name, char **iobuf)
{
	struct strbuf final, tmp;
	struct pending *p;
	FILE *fp;
	char *slash;
	size_t out_len;

	sb_init(&final);
	sb_init(&tmp);
	sb_addf(&final, "%s/%s", r->opt->out_dir, name);
	out_len = strlen(r->opt->out_dir);
	slash = strrchr(final.buf, '/');
	sb_add(&tmp, final.buf, (size_t)(slash - final.buf) + 1);
	/* Not derived from the name: a 255-byte name must not overflow. */
	sb_addf(&tmp, ".relire-%ld-%zu.tmp", (long)getpid(), r->npend);
	*slash = '\0';
	/* The directories inside OUT are made here, never followed through
	 * a symbolic link (one planted in OUT/clean/ must not send an
	 * article's file elsewhere). */
	if (mkdir_below(r->opt->out_dir, slash > final.buf + out_len
					     ? final.buf + out_len + 1
					     : "") < 0 ||
	    !(fp = fopen_new(tmp.buf, 0))) {
		int e = errno;
		*slash = '/';
		rl_error("cannot write '%s': %s", final.buf,
			 e == ELOOP ? "a directory on its path inside the "
				      "output directory is a symbolic link"
				    : strerror(e));
		sb_release(&final);
		sb_release(&tmp);
		errno = e;
		return NULL;
	}
	*slash = '/';
	if (iobuf) { /* before any output */
		*iobuf = xmalloc(REPORT_IOBUF);
		setvbuf(fp, *iobuf, _IOFBF, REPORT_IOBUF);
	}
	if (r->opt->csv_bom && final.len > 4 &&
	    !strcmp(final.buf + final.len - 4, ".csv"))
		fputs("\xEF\xBB\xBF", fp);
	GROW(r->pend, r->cap, r->npend + 1);
	p = &r->pend[r->npend++];
	p->tmp = sb_detach(&tmp, NULL);
	p->final = sb_detach(&final, NULL);
	sb_release(&tmp);
	sb_release(&final);
	return fp;
}

static FILE *open_tmp(struct report *r, const char *name)
{
	return open_tmp_buffered(r, name, NULL);
}

static FILE *open_tmp_html(void *r, const char *name)
{
	return open_tmp(r, name);
}

FILE *report_add_file(struct report *r, const char *name)
{
	return open_tmp(r, name);
}

static void write_quality_header(struct csvw *w)
{
	static const char *const head[] = {
	    "article", "status", "language",  "words",
	    "score",   "grade",	 "top_issue",
	};

	for (size_t i = 0; i < ARRAY_SIZE(head); i++)
		csvw_str(w, head[i]);
	for (int k = 0; k < FK__COUNT; k++)
		csvw_str(w, finding_kind_name(k));
	csvw_str(w, "findings_dropped");
	csvw_str(w, "defects");
	csvw_str(w, "notes");
	for (int k = 0; k < DS__COUNT; k++)
		csvw_str(w, doc_stat_name(k));
	csvw_str(w, "reason");
	csvw_end(w);
}

static void write_findings_header(struct csvw *w)
{
	static const char *const head[] = {
	    "article", "kind",	     "start",	 "end",
	    "line",    "column",     "original", "replacement",
	    "applied", "confidence", "detail",
	};

	for (size_t i = 0; i < ARRAY_SIZE(head); i++)
		csvw_str(w, head[i]);
	csvw_end(w);
}

/* OUT/report.xlsx: libxlsxwriter writes it by name at the end, over the
 * temporary file reserved here. */
static struct xlsx_report *open_xlsx(struct report *r)
{
	FILE *fp = open_tmp(r, "report.xlsx");

	if (!fp)
		return NULL;
	fclose(fp);
	return xlsx_report_new(r->pend[r->npend - 1].tmp, r->opt->out_dir);
}

struct report *report_open(const struct options *opt,
			   const struct score_model *model)
{
	struct report *r = xcalloc(1, sizeof(*r));
	int neutralize = !opt->csv_raw;

	r->opt = opt;
	r->model = model;
	if (mkdir_p(opt->out_dir) < 0) {
		rl_error("cannot create output directory '%s': %s",
			 opt->out_dir, strerror(errno));
		free(r);
		return NULL;
	}
	strmap_init(&r->clean_paths);
	r->quality = open_tmp_buffered(r, "quality.csv", &r->iobuf[0]);
	r->findings = r->quality
			  ? open_tmp_buffered(r, "findings.csv", &r->iobuf[1])
			  : NULL;
	if (opt->per_line && r->findings)
		r->clean_lines =
		    open_tmp_buffered(r, "clean.txt", &r->iobuf[2]);
	/* The reports for people are optional (--reports): a NULL html or
	 * xlsx below is one this run does not write. */
	if (!r->findings || (opt->per_line && !r->clean_lines) ||
	    ((opt->reports & REPORT_HTML) &&
	     !(r->html = html_report_new(opt->out_dir, model, opt->report_lang,
					 open_tmp_html, r))) ||
	    ((opt->reports & REPORT_XLSX) && !(r->xlsx = open_xlsx(r)))) {
		report_abort(r);
		return NULL;
	}
	r->qw = csvw_new(r->quality, neutralize);
	r->fw = csvw_new(r->findings, neutralize);
	write_quality_header(r->qw);
	write_findings_header(r->fw);
	return r;
}

char *report_safe_path(const char *id)
{
	struct strbuf sb;
	const char *p = id;

	sb_init(&sb);
	while (*p) {
		const char *e = strchr(p, '/');
		size_t n = e ? (size_t)(e - p) : strlen(p);

		if (n == 2 && !strncmp(p, "..", 2))
			sb_adds(&sb, sb.len ? "/__" : "__");
		else if (n && !(n == 1 && *p == '.')) {
			if (sb.len)
				sb_addc(&sb, '/');
			sb_add(&sb, p, n);
		}
		p += n + (e != NULL);
	}
	if (!sb.len)
		sb_adds(&sb, "_");
	return sb_detach(&sb, NULL);
}

/* Copy s with each byte of an ill-formed UTF-8 sequence written as \xHH
 * (documented in docs/formats.md) so the CSV stays valid UTF-8. */
static void add_escaped(struct strbuf *sb, const char *s, size_t len)
{
	size_t i = 0;

	while (i < len) {
		size_t bad, at = i + utf8_find_invalid(s + i, len - i, &bad);
		sb_add(sb, s + i, at - i);
		if (at >= len)
			break;
		for (size_t k = 0; k < bad; k++)
			sb_addf(sb, "\\x%02X", (unsigned char)s[at + k]);
		i = at + bad;
	}
}

/* A text field with ill-formed UTF-8 escaped (ids come from file names,
 * reasons quote them). */
static void csvw_escaped(struct csvw *w, const char *s)
{
	struct strbuf sb;

	sb_init(&sb);
	add_escaped(&sb, s, strlen(s));
	csvw_text(w, sb.buf, sb.len);
	sb_release(&sb);
}

/* Advance a (line, column) cursor over text[from, to). */
static void advance(const char *t, size_t from, size_t to, size_t *line,
		    size_t *col)
{
	size_t i = from;

	while (i < to) {
		if (t[i] == '\n') {
			(*line)++;
			*col = 1;
			i++;
			continue;
		}
		if ((unsigned char)t[i] < 0x80)
			i++;
		else
			utf8_next(t, &i, to);
		(*col)++;
	}
}

/* The findings.csv rows of a to w and their workbook cells to c (NULL
 * without a workbook); id is a's id escaped. */
static void findings_rows(struct csvw *w, struct xlsx_rows *c, const char *id,
			  const struct article *a)
{
	struct strbuf orig;
	size_t line = 1, col = 1, pos = 0;

	sb_init(&orig);
	for (size_t i = 0; i < a->nfindings; i++) {
		const struct finding *f = &a->findings[i];

		advance(a->text, pos, f->start, &line, &col);
		pos = f->start;
		sb_reset(&orig);
		add_escaped(&orig, a->text + f->start, f->end - f->start);
		csvw_text(w, id, strlen(id));
		csvw_str(w, finding_kind_name(f->kind));
		csvw_size(w, f->start);
		csvw_size(w, f->end);
		csvw_size(w, line);
		csvw_size(w, col);
		csvw_text(w, orig.buf, orig.len);
		csvw_text(w, f->replacement, f->repl_len);
		csvw_size(w, (size_t)f->applied);
		csvw_double(w, f->confidence, 2);
		csvw_str(w, f->detail);
		csvw_end(w);
		if (c)
			xlsx_rows_finding(c, id, f, line, col, orig.buf,
					  orig.len);
	}
	sb_release(&orig);
}

/* The quality.csv row of a, scored s, to w and its cells to c (NULL
 * without a workbook). */
static void quality_row(struct csvw *w, struct xlsx_rows *c, const char *id,
			const struct article *a, const struct score *s)
{
	int ok = a->status == ARTICLE_OK;
	char grade[2] = {s->grade, 0};
	size_t notes = 0, defects = 0;

	for (int k = 0; k < FK__COUNT; k++)
		*(finding_kind_is_note(k) ? &notes : &defects) += a->counts[k];
	csvw_text(w, id, strlen(id));
	csvw_str(w, ok ? "ok" : "error");
	csvw_str(w, a->lang);
	csvw_size(w, a->words);
	if (ok)
		csvw_double(w, s->value, 1);
	else
		csvw_str(w, "");
	csvw_str(w, ok ? grade : "");
	csvw_str(w,
		 ok && s->top_kind >= 0 ? finding_kind_name(s->top_kind) : "");
	for (int k = 0; k < FK__COUNT; k++)
		csvw_size(w, a->counts[k]);
	csvw_size(w, a->dropped);
	csvw_size(w, defects);
	csvw_size(w, notes);
	for (int k = 0; k < DS__COUNT; k++)
		csvw_double(w, a->stats[k], 4);
	csvw_escaped(w, ok ? "" : a->error);
	csvw_end(w);
	if (c)
		xlsx_rows_quality(c, a, id, s, defects, notes);
}

static void note_worst(struct report *r, const struct article *a,
		       const struct score *s)
{
	size_t at = r->nworst;

	while (at > 0 && r->worst[at - 1].score > s->value)
		at--;
	if (at >= WORST_N)
		return;
	if (r->nworst == WORST_N)
		free(r->worst[WORST_N - 1].id);
	else
		r->nworst++;
	memmove(&r->worst[at + 1], &r->worst[at],
		(r->nworst - 1 - at) * sizeof(r->worst[0]));
	r->worst[at].id = xstrdup(a->id);
	r->worst[at].score = s->value;
	r->worst[at].top_kind = s->top_kind;
}

/* The summary's counts. */
static void note_article(struct report *r, const struct article *a,
			 const struct score *s)
{
	r->articles++;
	if (a->status != ARTICLE_OK) {
		r->failed++;
		return;
	}
	r->score_sum += s->value;
	note_worst(r, a, s);
}

struct report_rows {
	enum article_status status; /* the article's, when formatted */
	struct score score;
	char *quality, *findings; /* CSV rows */
	size_t quality_len, findings_len;
	struct html_fragment *html;
	struct xlsx_rows *xlsx;
};

void report_rows_free(struct report_rows *rows)
{
	if (!rows)
		return;
	free(rows->quality);
	free(rows->findings);
	html_fragment_free(rows->html);
	xlsx_rows_free(rows->xlsx);
	free(rows);
}

/* CSV rows into a malloc'd buffer. */
static int csv_rows(char **buf, size_t *len, int neutralize,
		    const struct report_rows *rows, const char *id,
		    const struct article *a, int quality)
{
	struct strbuf sb;
	struct csvw *w;

	sb_init(&sb);
	w = csvw_new_buffer(&sb, neutralize);
	if (quality)
		quality_row(w, rows->xlsx, id, a, &rows->score);
	else
		findings_rows(w, rows->xlsx, id, a);
	csvw_free(w);
	*buf = sb_detach(&sb, len);
	return 0;
}

struct report_rows *report_format(const struct report *r, struct article *a)
{
	struct report_rows *rows = xcalloc(1, sizeof(*rows));
	int neutralize = !r->opt->csv_raw;
	struct strbuf id;
	int rc;

	article_sort_findings(a);
	rows->status = a->status;
	score_article(a, r->model, &rows->score);
	if (r->xlsx)
		rows->xlsx = xlsx_rows_new();
	sb_init(&id);
	add_escaped(&id, a->id, strlen(a->id));
	rc = csv_rows(&rows->quality, &rows->quality_len, neutralize, rows,
		      id.buf, a, 1);
	if (!rc)
		rc = csv_rows(&rows->findings, &rows->findings_len, neutralize,
			      rows, id.buf, a, 0);
	sb_release(&id);
	if (!rc && r->html &&
	    !(rows->html = html_report_format(r->html, a, &rows->score)))
		rc = -1;
	if (rc < 0) {
		report_rows_free(rows);
		return NULL;
	}
	return rows;
}

/* Append the formatted rows of a. 0, or -1 on a write error (errno). */
static int append_rows(struct report *r, const struct article *a,
		       const struct report_rows *rows)
{
	int rc = 0;

	if (fwrite(rows->quality, 1, rows->quality_len, r->quality) !=
		rows->quality_len ||
	    fwrite(rows->findings, 1, rows->findings_len, r->findings) !=
		rows->findings_len)
		rc = -1;
	/* A workbook that cannot be written says so; the run fails when it
	 * commits (xlsx_report_finish). */
	if (r->xlsx)
		xlsx_report_rows(r->xlsx, rows->xlsx);
	if (r->html &&
	    html_report_append(r->html, a, &rows->score, rows->html) < 0)
		rc = -1;
	note_article(r, a, &rows->score);
	return rc;
}

/* 1 when a file could not be created because of its name (too long, a
 * file where a directory should be...), not because of the disk. */
static int bad_name(int err)
{
	return err == ENAMETOOLONG || err == ENOTDIR || err == EISDIR ||
	       err == EEXIST || err == ELOOP || err == EINVAL;
}

enum { CLEAN_FILE = 1, CLEAN_DIR = 2 };

/* stat() of name relative to the output directory. */
static int stat_in(const struct report *r, const char *name, struct stat *st)
{
	struct strbuf path;
	int rc;

	sb_init(&path);
	sb_addf(&path, "%s/%s", r->opt->out_dir, name);
	rc = stat(path.buf, st);
	sb_release(&path);
	return rc;
}

/*
 * Reserve name (clean/...) for an article's clean file. Two ids can map to
 * one name ("..", "__"), or one id's file be another's directory ("a" and
 * "a/b", here or from an earlier run): the later article then fails with
 * EISDIR or ENOTDIR instead of a rename failing when the run commits. The
 * same id twice is allowed (the last text wins). Returns 0 or an errno.
 */
static int claim_clean_path(struct report *r, const char *name)
{
	size_t len = strlen(name);
	int64_t *v = strmap_find(&r->clean_paths, name, len);
	struct stat st;

	if (v)
		return *v == CLEAN_DIR ? EISDIR : 0;
	for (size_t i = 0; i < len; i++) {
		if (name[i] != '/')
			continue;
		v = strmap_find(&r->clean_paths, name, i);
		if (v && *v == CLEAN_FILE)
			return ENOTDIR;
	}
	if (stat_in(r, name, &st) == 0 && S_ISDIR(st.st_mode))
		return EISDIR;
	*strmap_put(&r->clean_paths, name, len) = CLEAN_FILE;
	for (size_t i = 0; i < len; i++)
		if (name[i] == '/')
			*strmap_put(&r->clean_paths, name, i) = CLEAN_DIR;
	return 0;
}

/* Returns 0, -1 when the output cannot be written (printed), or an errno
 * value when the file could not be created because of its name. */
static int write_clean_file(struct report *r, const struct article *a,
			    const char *text, size_t len)
{
	char *safe = report_safe_path(a->id);
	struct strbuf name;
	FILE *fp;
	int rc = 0;

	sb_init(&name);
	sb_addf(&name, "clean/%s", safe);
	rc = claim_clean_path(r, name.buf);
	if (!rc && !(fp = open_tmp(r, name.buf))) {
		rc = bad_name(errno) ? errno : -1;
	} else if (!rc) {
		size_t n = fwrite(text, 1, len, fp);
		int e = errno;
		if (fclose(fp) != 0 || n != len)
			rc = rl_error("cannot write '%s/%s': %s",
				      r->opt->out_dir, name.buf,
				      strerror(n != len ? e : errno));
	}
	sb_release(&name);
	free(safe);
	return rc;
}

/* Write clean[0..len), the cleaned text of a, an OK article, to clean/ID.
 * An id that cannot name a file there fails the article, not the run.
 * Returns 0, or -1 when the output cannot be written. */
static int write_clean(struct report *r, struct article *a, const char *clean,
		       size_t len)
{
	int rc = write_clean_file(r, a, clean, len);

	if (rc > 0) {
		article_fail(a, "cannot write its cleaned text: %s",
			     strerror(rc));
		rc = 0;
	}
	return rc;
}

int report_article(struct report *r, struct article *a, const char *clean,
		   size_t len)
{
	return report_article_rows(r, a, clean, len, NULL);
}

int report_article_rows(struct report *r, struct article *a, const char *clean,
			size_t len, const struct report_rows *rows)
{
	struct report_rows *own_rows = NULL;
	char *own = NULL;
	int rc = 0;

	article_sort_findings(a);
	if (a->status == ARTICLE_OK && !clean)
		clean = own = article_clean_text(a, &len);
	/* First, so that an id unfit for a file name gives an error row. */
	if (a->status == ARTICLE_OK && !r->clean_lines)
		rc = write_clean(r, a, clean, len);
	if (!rows || rows->status != a->status)
		rows = own_rows = report_format(r, a);
	if (!rows || append_rows(r, a, rows) < 0)
		rc = -1;
	report_rows_free(own_rows);
	if (a->status == ARTICLE_OK && r->clean_lines) {
		if (fwrite(clean, 1, len, r->clean_lines) != len ||
		    fputc('\n', r->clean_lines) == EOF)
			rc = -1;
	} else if (r->clean_lines && fputc('\n', r->clean_lines) == EOF) {
		rc = -1; /* a failed record keeps its line, empty */
	}
	if (ferror(r->quality) || ferror(r->findings))
		rc = -1;
	if (rc < 0)
		rl_error("cannot write reports in '%s': %s", r->opt->out_dir,
			 strerror(errno));
	free(own);
	return rc;
}

static int close_all(struct report *r)
{
	int rc = 0;

	if (r->quality && fclose(r->quality) != 0)
		rc = -1;
	if (r->findings && fclose(r->findings) != 0)
		rc = -1;
	if (r->clean_lines && fclose(r->clean_lines) != 0)
		rc = -1;
	r->quality = r->findings = r->clean_lines = NULL;
	return rc;
}

static void free_report(struct report *r)
{
	for (size_t i = 0; i < r->npend; i++) {
		free(r->pend[i].tmp);
		free(r->pend[i].final);
	}
	for (size_t i = 0; i < r->nworst; i++)
		free(r->worst[i].id);
	free(r->pend);
	for (size_t i = 0; i < ARRAY_SIZE(r->iobuf); i++)
		free(r->iobuf[i]); /* the streams are closed (close_all) */
	csvw_free(r->qw);
	csvw_free(r->fw);
	html_report_free(r->html);
	strmap_release(&r->clean_paths);
	xlsx_report_free(r->xlsx);
	free(r);
}

/* The name of pending file p inside the output directory. */
static const char *pending_name(const struct report *r, const struct pending *p)
{
	return p->final + strlen(r->opt->out_dir) + 1;
}

/* The temporary file that becomes OUT/name, or NULL. */
static const char *pending_tmp(const struct report *r, const char *name)
{
	for (size_t i = 0; i < r->npend; i++)
		if (!strcmp(pending_name(r, &r->pend[i]), name))
			return r->pend[i].tmp;
	return NULL;
}

/* The workbook's Variants sheet is the variants.csv of this run, when
 * the run wrote one. The workbook's thread then writes it while the
 * caller goes on; finish_xlsx() waits for it. */
static int end_xlsx(struct report *r)
{
	const char *variants = pending_tmp(r, "variants.csv");

	if (!r->xlsx)
		return 0;
	if (variants &&
	    xlsx_report_variants(r->xlsx, variants, !r->opt->csv_raw) < 0)
		return -1;
	xlsx_report_end(r->xlsx);
	return 0;
}

static int finish_xlsx(struct report *r)
{
	struct xlsx_report *x = r->xlsx;

	r->xlsx = NULL;
	return x ? xlsx_report_finish(x) : 0;
}

int report_commit(struct report *r)
{
	int rc = end_xlsx(r);

	/* The review workbench embeds the variants table (written and
	 * closed by now) so that an editor can export it back. */
	if (r->html) {
		html_report_set_variants(r->html,
					 pending_tmp(r, "variants.csv"));
		if (html_report_finish(r->html) < 0)
			rc = -1;
	}

	if (close_all(r) < 0)
		rc = -1;

	if (finish_xlsx(r) < 0)
		rc = -1;

	if (rc < 0) {
		rl_error("cannot write reports in '%s': %s", r->opt->out_dir,
			 strerror(errno));
		report_abort(r);
		return -1;
	}
	/* What an editor may have changed is kept before it is replaced. */
	for (size_t i = 0; i < r->npend && rc == 0; i++)
		if (!strcmp(pending_name(r, &r->pend[i]), "variants.csv"))
			rc = outdir_backup(r->pend[i].final, r->pend[i].tmp);
	if (rc < 0) {
		report_abort(r);
		return -1;
	}
	/* Clean texts first, the reports that index them last. */
	for (size_t i = r->npend; i-- > 0;) {
		if (rename(r->pend[i].tmp, r->pend[i].final) < 0) {
			rc = rl_error("cannot rename '%s': %s",
				      r->pend[i].final, strerror(errno));
			unlink(r->pend[i].tmp);
		}
	}
	if (outdir_prune_clean(r->opt) < 0 || outdir_prune_reports(r->opt) < 0)
		rc = -1;
	free_report(r);
	return rc;
}

void report_abort(struct report *r)
{
	if (!r)
		return;
	close_all(r);
	for (size_t i = 0; i < r->npend; i++)
		unlink(r->pend[i].tmp);
	free_report(r);
}

void report_summary(const struct report *r)
{
	size_t ok = r->articles - r->failed, nclean = 0;

	fprintf(stderr, "relire: %zu article%s, %zu failed", r->articles,
		r->articles == 1 ? "" : "s", r->failed);
	if (ok)
		fprintf(stderr, ", mean score %.1f, worst %.1f",
			r->score_sum / (double)ok, r->worst[0].score);
	fputc('\n', stderr);
	for (size_t i = 0; i < r->nworst; i++)
		fprintf(stderr, "  %5.1f  %s%s%s\n", r->worst[i].score,
			r->worst[i].id, r->worst[i].top_kind >= 0 ? "  " : "",
			r->worst[i].top_kind >= 0
			    ? finding_kind_name(r->worst[i].top_kind)
			    : "");
	fprintf(stderr, "reports in %s/:", r->opt->out_dir);
	for (size_t i = 0; i < r->npend; i++) {
		const char *name = pending_name(r, &r->pend[i]);
		if (strncmp(name, "clean/", 6))
			fprintf(stderr, " %s", name);
		else
			nclean++;
	}
	if (nclean)
		fprintf(stderr, " clean/ (%zu file%s)", nclean,
			nclean == 1 ? "" : "s");
	fputc('\n', stderr);
}
