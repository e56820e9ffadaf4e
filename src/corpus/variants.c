/*
 * variants.c - the name variants table: rows, lookup, CSV reading and
 * writing (through csvio.h), overlays and the merge of shard tables.
 * Clustering is in variants_build.c, application in variants_apply.c.
 *
 * Reading is strict: a table an editor broke is refused with its line
 * number and the reason, never half-used. Lines starting with '#' outside
 * quoted fields are comments (the seed table explains itself that way).
 */
#include "corpus/variants.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "common/csvio.h"
#include "common/utf8.h"
#include "common/util.h"

static const char *const status_names[VS__COUNT] = {
    "seed", "auto", "pending", "approved", "rejected", "locked",
};

enum col {
	C_VARIANT,
	C_CANONICAL,
	C_TYPE,
	C_KEY,
	C_METHOD,
	C_CONFIDENCE,
	C_STATUS,
	C_COUNT,
	C_ARTICLES,
	C_EVIDENCE,
	C__COUNT
};

static const char *const col_names[C__COUNT] = {
    "variant",	  "canonical", "type",	"key",	    "method",
    "confidence", "status",    "count", "articles", "evidence",
};

const char *variant_status_name(enum variant_status s)
{
	return s < VS__COUNT ? status_names[s] : "?";
}

int variant_status_from_name(const char *s)
{
	for (int i = 0; i < VS__COUNT; i++)
		if (!strcmp(s, status_names[i]))
			return i;
	return -1;
}

int variant_status_applies(enum variant_status s)
{
	return s == VS_SEED || s == VS_AUTO || s == VS_APPROVED ||
	       s == VS_LOCKED;
}

int variant_status_decided(enum variant_status s)
{
	return s == VS_SEED || s == VS_APPROVED || s == VS_REJECTED ||
	       s == VS_LOCKED;
}

struct variants *variants_new(void)
{
	struct variants *vt = xcalloc(1, sizeof(*vt));

	strmap_init(&vt->index);
	return vt;
}

static void row_release(struct variant_row *r)
{
	free(r->variant);
	free(r->canonical);
	free(r->type);
	free(r->key);
	free(r->method);
	free(r->evidence);
}

void variants_free(struct variants *vt)
{
	if (!vt)
		return;
	for (size_t i = 0; i < vt->n; i++)
		row_release(&vt->rows[i]);
	free(vt->rows);
	strmap_release(&vt->index);
	free(vt);
}

static int64_t *index_slot(const struct variants *vt, const char *s, size_t len,
			   int insert)
{
	size_t n;
	char *f = utf8_fold(s, len, &n);
	int64_t *p = insert ? strmap_put((struct strmap *)&vt->index, f, n)
			    : strmap_find(&vt->index, f, n);

	free(f);
	return p;
}

const struct variant_row *variants_find(const struct variants *vt,
					const char *s, size_t len)
{
	int64_t *p = index_slot(vt, s, len, 0);

	return p ? &vt->rows[*p - 1] : NULL;
}

struct variant_row *variants_add(struct variants *vt, const char *variant,
				 const char *canonical,
				 enum variant_status status)
{
	int64_t *p = index_slot(vt, variant, strlen(variant), 1);
	struct variant_row *r;

	if (*p)
		return &vt->rows[*p - 1];
	GROW(vt->rows, vt->cap, vt->n + 1);
	r = &vt->rows[vt->n++];
	memset(r, 0, sizeof(*r));
	r->variant = xstrdup(variant);
	r->canonical = xstrdup(canonical ? canonical : variant);
	r->type = xstrdup("");
	r->key = xstrdup("");
	r->method = xstrdup("");
	r->evidence = xstrdup("");
	r->status = status;
	*p = (int64_t)vt->n;
	return r;
}

static void set_str(char **dst, const char *s)
{
	char *c = xstrdup(s ? s : "");

	free(*dst);
	*dst = c;
}

static void row_copy(struct variant_row *dst, const struct variant_row *src)
{
	set_str(&dst->canonical, src->canonical);
	set_str(&dst->type, src->type);
	set_str(&dst->key, src->key);
	set_str(&dst->method, src->method);
	set_str(&dst->evidence, src->evidence);
	dst->confidence = src->confidence;
	dst->status = src->status;
	dst->count = src->count;
	dst->articles = src->articles;
}

void variants_overlay(struct variants *base, const struct variants *top)
{
	for (size_t i = 0; i < top->n; i++) {
		const struct variant_row *t = &top->rows[i];
		row_copy(
		    variants_add(base, t->variant, t->canonical, t->status), t);
	}
}

void variants_overlay_decided(struct variants *base, const struct variants *top)
{
	for (size_t i = 0; i < top->n; i++) {
		const struct variant_row *t = &top->rows[i];
		if (variant_status_decided(t->status) && t->status != VS_SEED)
			row_copy(variants_add(base, t->variant, t->canonical,
					      t->status),
				 t);
	}
}

/* ---- writing ---- */

static int write_rows(const struct variants *vt, FILE *fp, int neutralize,
		      int names_only)
{
	struct csvw *w = csvw_new(fp, neutralize);
	int rc = 0;

	for (int c = 0; c < C__COUNT; c++)
		csvw_str(w, col_names[c]);
	rc |= csvw_end(w);
	for (size_t i = 0; i < vt->n; i++) {
		const struct variant_row *r = &vt->rows[i];
		if (names_only && r->method && !strcmp(r->method, "common"))
			continue;
		csvw_str(w, r->variant);
		csvw_str(w, r->canonical);
		csvw_str(w, r->type);
		csvw_str(w, r->key);
		csvw_str(w, r->method);
		csvw_double(w, r->confidence, 2);
		csvw_str(w, variant_status_name(r->status));
		csvw_size(w, r->count);
		csvw_size(w, r->articles);
		csvw_str(w, r->evidence);
		rc |= csvw_end(w);
	}
	csvw_free(w);
	return rc ? -1 : 0;
}

int variants_write_fp(const struct variants *vt, FILE *fp, int neutralize)
{
	return write_rows(vt, fp, neutralize, 0);
}

int variants_write_names_fp(const struct variants *vt, FILE *fp, int neutralize)
{
	return write_rows(vt, fp, neutralize, 1);
}

int variants_write(const struct variants *vt, const char *path)
{
	FILE *fp = fopen_new(path, 0);
	int rc;

	if (!fp)
		return rl_write_error(path, errno);
	rc = variants_write_fp(vt, fp, 1);
	if (fclose(fp) != 0 || rc < 0)
		return rl_write_error(path, errno);
	return 0;
}

/* ---- reading ---- */

struct reader {
	const char *name;
	struct variants *vt;
	int col[C__COUNT]; /* field index of each column, -1 before header */
	size_t nfields;
	int have_header;
};

/* The error of a row that is not a variants table row. */
#define bad_row(rd, row, ...)                                                  \
	csv_row_error("variants table", (rd)->name, (row)->line, __VA_ARGS__)

static int read_header(struct reader *rd, const struct csv_row *row)
{
	for (int c = 0; c < C__COUNT; c++)
		rd->col[c] = -1;
	for (size_t i = 0; i < row->n; i++) {
		for (int c = 0; c < C__COUNT; c++) {
			if (strcmp(row->fields[i], col_names[c]))
				continue;
			if (rd->col[c] >= 0)
				return bad_row(rd, row,
					       "column '%s' given twice",
					       col_names[c]);
			rd->col[c] = (int)i;
		}
	}
	for (int c = 0; c < C__COUNT; c++)
		if (rd->col[c] < 0)
			return bad_row(
			    rd, row,
			    "missing column '%s' (the header "
			    "must name variant, canonical, type, key, "
			    "method, confidence, status, count, "
			    "articles, evidence)",
			    col_names[c]);
	rd->nfields = row->n;
	rd->have_header = 1;
	return 0;
}

/* A text field with the spreadsheet-safety apostrophe removed. */
static const char *field(const struct reader *rd, const struct csv_row *row,
			 enum col c)
{
	const char *s = row->fields[rd->col[c]];
	size_t len = row->lens[rd->col[c]];

	if (len > 1 && s[0] == '\'' && csv_needs_neutralizing(s + 1, len - 1))
		return s + 1;
	return s;
}

static int parse_count(const char *s, size_t *out)
{
	char *end;
	unsigned long long v;

	*out = 0;
	if (!*s)
		return 0;
	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno || *end)
		return -1;
	*out = (size_t)v;
	return 0;
}

static int parse_confidence(const char *s, double *out)
{
	char *end;

	*out = 0;
	if (!*s)
		return 0;
	errno = 0;
	*out = strtod(s, &end);
	return errno || *end || *out < 0 || *out > 1 ? -1 : 0;
}

static int check_row(const struct reader *rd, const struct csv_row *row,
		     struct variant_row *r, const char *status)
{
	int st = variant_status_from_name(status);

	if (!*r->variant)
		return bad_row(rd, row, "empty variant");
	if (!*r->canonical)
		return bad_row(rd, row, "empty canonical for '%s'", r->variant);
	if (st < 0)
		return bad_row(rd, row,
			       "unknown status '%s' (expected seed, "
			       "auto, pending, approved, rejected or locked)",
			       status);
	r->status = (enum variant_status)st;
	if (parse_confidence(field(rd, row, C_CONFIDENCE), &r->confidence))
		return bad_row(rd, row,
			       "confidence '%s' is not a number "
			       "between 0 and 1",
			       field(rd, row, C_CONFIDENCE));
	if (parse_count(field(rd, row, C_COUNT), &r->count))
		return bad_row(rd, row, "count '%s' is not a whole number",
			       field(rd, row, C_COUNT));
	if (parse_count(field(rd, row, C_ARTICLES), &r->articles))
		return bad_row(rd, row, "articles '%s' is not a whole number",
			       field(rd, row, C_ARTICLES));
	return 0;
}

static int add_read_row(struct reader *rd, const struct csv_row *row)
{
	struct variant_row tmp;
	const struct variant_row *old;
	int rc;

	memset(&tmp, 0, sizeof(tmp));
	tmp.variant = (char *)field(rd, row, C_VARIANT);
	tmp.canonical = (char *)field(rd, row, C_CANONICAL);
	tmp.type = (char *)field(rd, row, C_TYPE);
	tmp.key = (char *)field(rd, row, C_KEY);
	tmp.method = (char *)field(rd, row, C_METHOD);
	tmp.evidence = (char *)field(rd, row, C_EVIDENCE);
	rc = check_row(rd, row, &tmp, field(rd, row, C_STATUS));
	if (rc < 0)
		return rc;
	old = variants_find(rd->vt, tmp.variant, strlen(tmp.variant));
	if (old && (old->status != tmp.status ||
		    strcmp(old->canonical, tmp.canonical)))
		return bad_row(rd, row,
			       "'%s' is given twice with different "
			       "decisions",
			       tmp.variant);
	if (!old)
		row_copy(variants_add(rd->vt, tmp.variant, tmp.canonical,
				      tmp.status),
			 &tmp);
	return 0;
}

static int on_row(const struct csv_row *row, void *ud)
{
	struct reader *rd = ud;

	if (row->n == 1 && row->lens[0] == 0)
		return 0; /* blank line */
	if (!rd->have_header)
		return read_header(rd, row) < 0 ? -1 : 0;
	if (row->n != rd->nfields)
		return bad_row(rd, row, "%zu fields where the header has %zu",
			       row->n, rd->nfields);
	return add_read_row(rd, row) < 0 ? -1 : 0;
}

/* Copy of buf with comment lines emptied (their newline kept, so line
 * numbers stay right). Quotes are tracked so a '#' inside a multi-line
 * field is left alone. */
static char *strip_comments(const char *buf, size_t len, size_t *out_len)
{
	char *out = xmalloc(len + 1);
	size_t n = 0;
	int quoted = 0, bol = 1;

	for (size_t i = 0; i < len; i++) {
		if (bol && !quoted && buf[i] == '#') {
			while (i < len && buf[i] != '\n')
				i++;
			if (i == len)
				break;
		}
		if (buf[i] == '"')
			quoted = !quoted;
		bol = buf[i] == '\n';
		out[n++] = buf[i];
	}
	out[n] = '\0';
	*out_len = n;
	return out;
}

int variants_read_buffer(const char *name, const char *buf, size_t len,
			 struct variants **out)
{
	struct reader rd;
	size_t n;
	char *clean = strip_comments(buf, len, &n);
	int rc;

	memset(&rd, 0, sizeof(rd));
	rd.name = name;
	rd.vt = variants_new();
	rc = csv_read_buffer(name, clean, n, on_row, &rd);
	free(clean);
	if (rc == 0 && !rd.have_header)
		rc = rl_error("malformed variants table '%s': no header line",
			      name);
	if (rc != 0) {
		variants_free(rd.vt);
		*out = NULL;
		return -1;
	}
	*out = rd.vt;
	return 0;
}

int variants_read(const char *path, struct variants **out)
{
	char *buf;
	size_t len;
	int rc = read_file(path, (size_t)1 << 30, &buf, &len);

	*out = NULL;
	if (rc < 0)
		return rl_error("cannot read '%s': %s", path, strerror(-rc));
	rc = variants_read_buffer(path, buf, len, out);
	free(buf);
	return rc;
}

/* ---- merging shard tables ---- */

/* Rank of a decision when shards disagree: an editor's refusal or lock
 * beats an approval, which beats the seed table. */
static int decision_rank(enum variant_status s)
{
	switch (s) {
	case VS_LOCKED:
		return 4;
	case VS_REJECTED:
		return 3;
	case VS_APPROVED:
		return 2;
	case VS_SEED:
		return 1;
	default:
		return 0;
	}
}

static int absorb_table(const char *path, const struct variants *vt,
			struct names *names, struct variants *prior)
{
	for (size_t i = 0; i < vt->n; i++) {
		const struct variant_row *r = &vt->rows[i];
		const struct variant_row *p;
		struct name_form *f;

		if (r->count) {
			f = names_get(names, r->variant, strlen(r->variant));
			f->count += r->count;
			f->articles += r->articles;
			if (name_form_parse_evidence(f, r->evidence) < 0)
				return rl_error(
				    "malformed evidence for '%s' in "
				    "'%s'",
				    r->variant, path);
		}
		if (!variant_status_decided(r->status))
			continue;
		p = variants_find(prior, r->variant, strlen(r->variant));
		if (!p || decision_rank(r->status) > decision_rank(p->status))
			row_copy(variants_add(prior, r->variant, r->canonical,
					      r->status),
				 r);
	}
	return 0;
}

int variants_merge_files(const char *const *paths, size_t n, const char *out,
			 struct namekey *nk, struct dict *d,
			 const struct variants_opts *opt)
{
	struct names *names = names_new(opt->rules);
	struct variants *prior = variants_new(), *vt = NULL, *merged = NULL;
	char *tmp = NULL;
	int rc = 0;

	for (size_t i = 0; i < n && rc == 0; i++) {
		rc = variants_read(paths[i], &vt);
		if (rc == 0 && vt)
			rc = absorb_table(paths[i], vt, names, prior);
		variants_free(vt);
		vt = NULL;
	}
	if (rc < 0) {
		rc = -2; /* a table that cannot be read: the input's fault */
		goto out;
	}
	merged = variants_build(names, prior, nk, d, opt);
	tmp = tmp_path_for(out);
	rc = variants_write(merged, tmp);
	if (rc == 0)
		rc = commit_tmp(tmp, out);
	else
		remove(tmp);
out:
	variants_free(merged);
	variants_free(prior);
	names_free(names);
	free(tmp);
	return rc == -2 ? -2 : rc < 0 ? -1 : 0;
}
