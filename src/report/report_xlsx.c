/*
 * report_xlsx.c - the workbook (report_xlsx.h), through libxlsxwriter.
 *
 * Constant-memory mode: each sheet's rows go to a temporary file as they
 * are written, in increasing row order per sheet, and the workbook is
 * assembled by workbook_close(). Sheet settings (frozen pane, widths,
 * autofilter) are only recorded by libxlsxwriter until then, so the
 * autofilter's last row can be given at the end.
 *
 * The workbook's own thread: the callers' rows are encoded as cells
 * (column, format, number or text) into a batch, a few hundred kilobytes
 * at a time; full batches go through a bounded queue, in order, to one
 * thread that alone calls libxlsxwriter (its XML and zlib's deflate are
 * most of the workbook's cost), and that thread also writes the workbook
 * at the end. Without a thread (pthread_create failed) a batch is
 * replayed at once by the caller: the same cells, the same bytes.
 */
#define _GNU_SOURCE /* RTLD_NEXT */
#include "report/report_xlsx.h"

#include <dlfcn.h>
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>
#include <zlib.h>

#include "common/csvio.h"
#include "common/utf8.h"
#include "common/util.h"
#include "report/report_html_style.h"

/* ---- the workbook's compression level ---------------------------------
 *
 * libxlsxwriter 1.1.4 has no option for it: its packager asks minizip for
 * zlib's default level (6), and deflates every part of the workbook in
 * workbook_close(), after the last row, alone on the run's critical path.
 * On fr-news.txt (30,000 articles, 55 MB of sheet XML) that is 0.57 s at
 * level 6 and 0.17 s at level 1, for a file 40 % larger (6.4 MB instead
 * of 4.6 MB; the same cells). So this module defines zlib's
 * deflateInit2_(), which the binary exports (CMakeLists.txt) so that
 * minizip's call binds here (ELF symbol interposition, as an LD_PRELOAD
 * library's would), and hands the call to zlib with XLSX_DEFLATE_LEVEL in
 * place of the default level. Only libxlsxwriter deflates in relire; a
 * caller that names a level keeps it. Where the binary does not export it
 * (a static zlib, another linker), zlib's own function is called and the
 * workbook is deflated at level 6: larger runs, never a different cell.
 * tests/cli/test_xlsx.sh checks that the level took effect. */
#define XLSX_DEFLATE_LEVEL Z_BEST_SPEED

#define LXW_NUMBER_CELL_VERSION 114 /* libxlsxwriter 1.1.4, below */

/* The library functions this module stands in front of: the next
 * definitions after the binary's own, zlib's and libxlsxwriter's, found
 * once. */
typedef int (*deflate_init2_fn)(z_streamp, int, int, int, int, int,
				const char *, int);
typedef void (*write_number_fn)(lxw_worksheet *, char *, int32_t, lxw_cell *);
typedef void (*rowcol_fn)(char *, lxw_row_t, lxw_col_t);
static deflate_init2_fn zlib_deflate_init2;
static write_number_fn lxw_write_number;
static rowcol_fn lxw_rowcol;
static int own_numbers; /* the library is the version this stands for */
static pthread_once_t next_once = PTHREAD_ONCE_INIT;

/* The next definition of name into *fn, a function pointer (left NULL
 * when there is none). */
static void next_function(const char *name, void *fn)
{
	/* POSIX dlsym() returns an object pointer; a function pointer of
	 * the same size is how every dlsym() caller gets a function. */
	void *sym = dlsym(RTLD_NEXT, name);
	if (sym)
		memcpy(fn, &sym, sizeof(sym));
}

static void find_next(void)
{
	next_function("deflateInit2_", &zlib_deflate_init2);
	next_function("_write_number_cell", &lxw_write_number);
	next_function("lxw_rowcol_to_cell", &lxw_rowcol);
	own_numbers = LXW_VERSION_ID == LXW_NUMBER_CELL_VERSION &&
		      lxw_version_id() == LXW_NUMBER_CELL_VERSION;
}

int deflateInit2_(z_streamp strm, int level, int method, int window_bits,
		  int mem_level, int strategy, const char *version,
		  int stream_size)
{
	pthread_once(&next_once, find_next);
	if (!zlib_deflate_init2)
		return Z_VERSION_ERROR; /* no zlib behind this one: unreachable
					   when zlib is linked */
	if (level == Z_DEFAULT_COMPRESSION)
		level = XLSX_DEFLATE_LEVEL;
	return zlib_deflate_init2(strm, level, method, window_bits, mem_level,
				  strategy, version, stream_size);
}

/* ---- number cells and cell names --------------------------------------
 *
 * libxlsxwriter 1.1.4 writes each number cell with one fprintf() whose
 * "%.16G" goes through glibc's multi-precision float formatting. On
 * fr-news.txt the workbook has 1.2 million number cells, nearly all small
 * integers (the per-kind counts of the Quality sheet), and that formatting
 * was about a third of the workbook thread's time, after the last article,
 * alone on the run's critical path with two threads. So this module also
 * defines the library's _write_number_cell() (the name given by the asm
 * label below; the library calls it through its PLT, and the binary
 * exports it, CMakeLists.txt), and writes an integer of at most 15 digits
 * with the bytes "%.16G" gives it (xlsx_number_text). Any other number,
 * and every number when the library at run time is not the version whose
 * function this one stands for (lxw_version_id()), goes to the library's
 * own function: the same cells either way. The name of each cell goes
 * the same way (lxw_rowcol_to_cell() below). tests/unit/test_report_xlsx.c
 * compares each with the library's own on the same cells. */
size_t xlsx_number_text(double v, char out[XLSX_NUMBER_TEXT])
{
	size_t len = 0;

	/* "%.16G" writes an integer below 10^16 in full, "-0" for -0.0 */
	if (!(v > -1e15 && v < 1e15) || v != (double)(long long)v ||
	    (v == 0 && signbit(v)))
		return 0;
	if (v < 0)
		out[len++] = '-';
	len += udec(out + len, (unsigned long long)(v < 0 ? -v : v));
	out[len] = '\0';
	return len;
}

void xlsx_write_number_cell(lxw_worksheet *self, char *range,
			    int32_t style_index, lxw_cell *cell)
{
	char num[XLSX_NUMBER_TEXT], style[XLSX_NUMBER_TEXT], buf[128];
	size_t rn = strlen(range), nn, sn = 0, n = 0;

	pthread_once(&next_once, find_next);
	if (!own_numbers || rn > 32 ||
	    !(nn = xlsx_number_text(cell->u.number, num)) ||
	    (style_index && !(sn = xlsx_number_text(style_index, style)))) {
		if (lxw_write_number)
			lxw_write_number(self, range, style_index, cell);
		return;
	}
	/* "<c r=\"%s\" s=\"%d\"><v>%.16G</v></c>", or without s="" */
#define PUT(p, len) (memcpy(buf + n, (p), (len)), n += (len))
	PUT("<c r=\"", 6);
	PUT(range, rn);
	if (style_index) {
		PUT("\" s=\"", 5);
		PUT(style, sn);
	}
	PUT("\"><v>", 5);
	PUT(num, nn);
	PUT("</v></c>", 8);
#undef PUT
	fwrite(buf, 1, n, self->file);
}

/* The name of a cell ("AB12"), which the library makes for every cell it
 * writes through lxw_col_to_name() and snprintf("%d"): a public function
 * of libxlsxwriter 1.1.4 that this module defines too (exported,
 * CMakeLists.txt) with the same bytes; another version's is called. */
void lxw_rowcol_to_cell(char *cell_name, lxw_row_t row, lxw_col_t col)
{
	char col_rev[8];
	size_t nc = 0, n = 0;
	unsigned c = (unsigned)col + 1;

	pthread_once(&next_once, find_next);
	if (!own_numbers || row >= LXW_ROW_MAX || col >= LXW_COL_MAX) {
		if (lxw_rowcol)
			lxw_rowcol(cell_name, row, col);
		return;
	}
	/* bijective base 26: A..Z, AA.. */
	while (c) {
		unsigned rem = c % 26 ? c % 26 : 26;
		col_rev[nc++] = (char)('A' + rem - 1);
		c = (c - rem) / 26;
	}
	while (nc)
		cell_name[n++] = col_rev[--nc];
	n += udec(cell_name + n, (unsigned long long)row + 1);
	cell_name[n] = '\0';
}

/* The marker after a text cut to fit a cell. */
#define CUT_MARKER	 " [\xE2\x80\xA6 cut: full text in the CSV]"
#define CUT_MARKER_UNITS 32

enum sheet { SH_QUALITY, SH_FINDINGS, SH_VARIANTS, SH__COUNT };

static const char *const sheet_names[SH__COUNT] = {"Quality", "Findings",
						   "Variants"};

struct sheet_state {
	lxw_worksheet *ws;
	lxw_row_t row;	 /* next row to write (0 is the header) */
	lxw_col_t ncols; /* columns of the header */
	size_t overflow; /* rows past the format's last row */
	const char *csv; /* the CSV that holds every row */
};

/* Cell formats by number, as a batch names them. */
enum {
	F_NONE,
	F_HEAD,
	F_NUM0,
	F_NUM1,
	F_NUM2,
	F_NUM4,
	F_GRADE,	      /* + 0..4: A B C D F */
	F_KIND = F_GRADE + 5, /* + finding kind */
	F__COUNT = F_KIND + FK__COUNT
};

/* Records of a batch: a row of a sheet, its cells, its end. */
enum { REC_ROW = 1, REC_TEXT, REC_NUM, REC_END };

#define BATCH_BYTES ((size_t)256 * 1024)      /* a batch is queued past this */
#define QUEUE_BYTES ((size_t)8 * 1024 * 1024) /* the caller waits past this */

struct batch {
	char *buf;
	size_t len;
	struct batch *next;
};

struct xlsx_report {
	lxw_workbook *wb;
	struct sheet_state sh[SH__COUNT];
	lxw_format *fmt[F__COUNT];
	int failed; /* the writer's: only the writing thread reads it */

	struct strbuf batch; /* the caller's batch being filled */
	pthread_mutex_t mu;
	pthread_cond_t cv;
	struct batch *head, *tail; /* queued batches, oldest first */
	size_t queued;		   /* their bytes */
	int threaded, closing, aborting, done;
	int async_failed; /* the writer failed: under mu */
	int result;	  /* of the workbook's close, once done */
	pthread_t thread;
};

/* The HTML report's grade colours (its .g-A ... .g-F). */
static const uint32_t grade_colours[5] = {0xa5d6a7, 0xdcedc8, 0xfff59d,
					  0xffcc80, 0xef9a9a};

size_t xlsx_cell_prefix(const char *s, size_t len, size_t reserve)
{
	size_t units = 0, i = 0, last = 0;

	while (i < len) {
		int32_t cp = utf8_next(s, &i, len);
		units += cp > 0xFFFF ? 2 : 1;
		if (units + reserve > XLSX_CELL_MAX)
			return last;
		last = i;
	}
	return len;
}

static int check(struct xlsx_report *x, lxw_error err)
{
	if (err != LXW_NO_ERROR && !x->failed) {
		rl_error("cannot write the workbook: %s", lxw_strerror(err));
		x->failed = 1;
	}
	return err == LXW_NO_ERROR ? 0 : -1;
}

/* A text cell, always a string (never a formula), cut to fit; returns
 * 1 when it was cut. */
static int put_text(struct xlsx_report *x, struct sheet_state *sh,
		    lxw_col_t col, const char *s, size_t len, lxw_format *fmt)
{
	size_t keep = xlsx_cell_prefix(s, len, 0);
	char *cell;

	if (!len)
		return 0;
	if (keep == len && !s[len]) {
		check(x, worksheet_write_string(sh->ws, sh->row, col, s, fmt));
		return 0;
	}
	if (keep < len)
		keep = xlsx_cell_prefix(s, len, CUT_MARKER_UNITS);
	cell = xmalloc(keep + sizeof(CUT_MARKER));
	memcpy(cell, s, keep);
	cell[keep] = '\0';
	if (keep < len)
		memcpy(cell + keep, CUT_MARKER, sizeof(CUT_MARKER));
	check(x, worksheet_write_string(sh->ws, sh->row, col, cell, fmt));
	free(cell);
	return keep < len;
}

static void put_str(struct xlsx_report *x, struct sheet_state *sh,
		    lxw_col_t col, const char *s)
{
	if (s)
		put_text(x, sh, col, s, strlen(s), NULL);
}

static void put_num(struct xlsx_report *x, struct sheet_state *sh,
		    lxw_col_t col, double v, lxw_format *fmt)
{
	check(x, worksheet_write_number(sh->ws, sh->row, col, v, fmt));
}

/* Column names (NULL-terminated) and widths, in characters. */
static void start_sheet(struct xlsx_report *x, enum sheet which,
			const char *const *head, const double *width,
			const char *csv)
{
	struct sheet_state *sh = &x->sh[which];

	sh->ws = workbook_add_worksheet(x->wb, sheet_names[which]);
	sh->csv = csv;
	for (lxw_col_t c = 0; head[c]; c++) {
		worksheet_set_column(sh->ws, c, c, width[c], NULL);
		put_text(x, sh, c, head[c], strlen(head[c]), x->fmt[F_HEAD]);
		sh->ncols = c + 1;
	}
	worksheet_freeze_panes(sh->ws, 1, 0);
	sh->row = 1;
}

static lxw_format *fill_format(lxw_workbook *wb, uint32_t rgb)
{
	lxw_format *f = workbook_add_format(wb);

	format_set_bg_color(f, rgb);
	format_set_pattern(f, LXW_PATTERN_SOLID);
	return f;
}

static lxw_format *num_format(lxw_workbook *wb, const char *num)
{
	lxw_format *f = workbook_add_format(wb);

	format_set_num_format(f, num);
	return f;
}

static void add_formats(struct xlsx_report *x)
{
	lxw_format *head = workbook_add_format(x->wb);

	format_set_bold(head);
	format_set_bg_color(head, 0xf1f1f1);
	x->fmt[F_HEAD] = head;
	x->fmt[F_NUM0] = num_format(x->wb, "0");
	x->fmt[F_NUM1] = num_format(x->wb, "0.0");
	x->fmt[F_NUM2] = num_format(x->wb, "0.00");
	x->fmt[F_NUM4] = num_format(x->wb, "0.0000");
	for (size_t g = 0; g < ARRAY_SIZE(grade_colours); g++) {
		lxw_format *f = fill_format(x->wb, grade_colours[g]);
		format_set_bold(f);
		format_set_align(f, LXW_ALIGN_CENTER);
		x->fmt[F_GRADE + g] = f;
	}
	for (int k = 0; k < FK__COUNT; k++)
		x->fmt[F_KIND + k] = fill_format(
		    x->wb,
		    (uint32_t)strtoul(html_kind_colour(k) + 1, NULL, 16));
}

static void start_quality(struct xlsx_report *x)
{
	const char *head[7 + FK__COUNT + 3 + DS__COUNT + 2];
	double width[ARRAY_SIZE(head)];
	static const char *const first[] = {"article",	"status", "language",
					    "words",	"score",  "grade",
					    "top_issue"};
	static const double first_w[] = {36, 8, 9, 8, 7, 7, 16};
	size_t n = 0;

	for (size_t i = 0; i < ARRAY_SIZE(first); i++, n++) {
		head[n] = first[i];
		width[n] = first_w[i];
	}
	for (int k = 0; k < FK__COUNT; k++, n++) {
		head[n] = finding_kind_name(k);
		width[n] = 6;
	}
	head[n] = "findings_dropped";
	width[n++] = 6;
	head[n] = "defects";
	width[n++] = 7;
	head[n] = "notes";
	width[n++] = 7;
	for (int k = 0; k < DS__COUNT; k++, n++) {
		head[n] = doc_stat_name(k);
		width[n] = 8;
	}
	head[n] = "reason";
	width[n++] = 40;
	head[n] = NULL;
	start_sheet(x, SH_QUALITY, head, width, "quality.csv");
}

static void *writer_main(void *arg);

struct xlsx_report *xlsx_report_new(const char *path, const char *tmpdir)
{
	static const char *const findings_head[] = {
	    "article",	   "kind",	"start",    "end",
	    "line",	   "column",	"original", "original_chars",
	    "replacement", "character", "applied",  "confidence",
	    "detail",	   NULL};
	static const double findings_w[] = {36, 16, 8,	8, 6, 6, 30,
					    8,	30, 24, 7, 9, 40};
	static const char *const variants_head[] = {
	    "variant",	"canonical",  "type",	"key",
	    "method",	"confidence", "status", "count",
	    "articles", "evidence",   NULL};
	static const double variants_w[] = {24, 24, 10, 20, 12,
					    9,	10, 7,	8,  50};
	struct xlsx_report *x = xcalloc(1, sizeof(*x));
	lxw_workbook_options o = {.constant_memory = LXW_TRUE,
				  .tmpdir = (char *)tmpdir};
	/* A fixed creation date (0 would mean now): the same inputs give
	 * the same bytes. 2000-01-01T00:00:00Z. */
	lxw_doc_properties props = {.title = (char *)"relire report",
				    .created = 946684800};

	sb_init(&x->batch);
	pthread_mutex_init(&x->mu, NULL);
	pthread_cond_init(&x->cv, NULL);
	x->wb = workbook_new_opt(path, &o);
	if (!x->wb) {
		rl_error("cannot write '%s': cannot start the workbook", path);
		x->failed = 1;
		return x;
	}
	workbook_set_properties(x->wb, &props);
	add_formats(x);
	start_quality(x);
	start_sheet(x, SH_FINDINGS, findings_head, findings_w, "findings.csv");
	start_sheet(x, SH_VARIANTS, variants_head, variants_w, "variants.csv");
	/* From here on only the writer calls libxlsxwriter. */
	x->threaded = pthread_create(&x->thread, NULL, writer_main, x) == 0;
	return x;
}

/* 1 when sheet sh has room for one more row (the last row of the format
 * is kept for the closing count), else counts the row as overflowing. */
static int room(struct sheet_state *sh)
{
	if (sh->row < LXW_ROW_MAX - 1)
		return 1;
	sh->overflow++;
	return 0;
}

/* ---- the writer: batches replayed into libxlsxwriter ------------------- */

/* Write the cells of buf[0..len) (whole rows) to their sheets. */
static void replay(struct xlsx_report *x, const char *p, size_t len)
{
	const char *end = p + len;
	struct sheet_state *sh = &x->sh[0]; /* every batch starts a row */
	int skip = 0;

	while (p < end && !x->failed) {
		unsigned char type = (unsigned char)*p++, col, fmt;
		uint64_t n;
		double v;

		switch (type) {
		case REC_ROW:
			sh = &x->sh[(unsigned char)*p++];
			skip = !room(sh);
			break;
		case REC_END:
			if (!skip)
				sh->row++;
			break;
		case REC_NUM:
			col = (unsigned char)p[0];
			fmt = (unsigned char)p[1];
			memcpy(&v, p + 2, sizeof(v));
			p += 2 + sizeof(v);
			if (!skip)
				put_num(x, sh, col, v, x->fmt[fmt]);
			break;
		case REC_TEXT:
			col = (unsigned char)p[0];
			fmt = (unsigned char)p[1];
			memcpy(&n, p + 2, sizeof(n));
			p += 2 + sizeof(n);
			if (!skip)
				put_text(x, sh, col, p, (size_t)n, x->fmt[fmt]);
			p += n + 1; /* the text and its NUL */
			break;
		default:
			return; /* not reached: batches are ours */
		}
	}
}

/* Autofilter over the written rows, and the closing count of the rows
 * that did not fit. */
static void close_sheet(struct xlsx_report *x, struct sheet_state *sh)
{
	char note[160];

	if (sh->overflow) {
		snprintf(note, sizeof(note),
			 "%zu more rows past the last row of the format: "
			 "see %s",
			 sh->overflow, sh->csv);
		put_str(x, sh, 0, note);
	}
	worksheet_autofilter(sh->ws, 0, 0, sh->row > 1 ? sh->row - 1 : 1,
			     sh->ncols - 1);
}

/* Every row replayed: write the workbook to its path. 0 or -1 (printed). */
static int write_workbook(struct xlsx_report *x)
{
	int rc;

	if (!x->wb || x->failed)
		return -1;
	for (int i = 0; i < SH__COUNT; i++)
		close_sheet(x, &x->sh[i]);
	rc = check(x, workbook_close(x->wb));
	x->wb = NULL;
	return rc;
}

static void *writer_main(void *arg)
{
	struct xlsx_report *x = arg;
	int write;

	pthread_mutex_lock(&x->mu);
	for (;;) {
		struct batch *b = x->head;

		if (x->aborting || (!b && x->closing))
			break;
		if (!b) {
			pthread_cond_wait(&x->cv, &x->mu);
			continue;
		}
		x->head = b->next;
		if (!x->head)
			x->tail = NULL;
		x->queued -= b->len;
		pthread_cond_broadcast(&x->cv); /* room in the queue */
		pthread_mutex_unlock(&x->mu);
		replay(x, b->buf, b->len);
		free(b->buf);
		free(b);
		pthread_mutex_lock(&x->mu);
		if (x->failed && !x->async_failed) {
			x->async_failed = 1;
			pthread_cond_broadcast(&x->cv);
		}
	}
	write = !x->aborting;
	pthread_mutex_unlock(&x->mu);
	if (write)
		x->result = write_workbook(x);
	return NULL;
}

/* ---- batches: the callers' side ---------------------------------------- */

/* Hand the batch to the writer (waiting while the queue is full), or
 * replay it here without a writer thread. */
static void push_batch(struct xlsx_report *x)
{
	struct batch *b;

	if (!x->batch.len)
		return;
	if (!x->threaded) {
		replay(x, x->batch.buf, x->batch.len);
		sb_reset(&x->batch);
		return;
	}
	b = xmalloc(sizeof(*b));
	b->buf = sb_detach(&x->batch, &b->len);
	b->next = NULL;
	sb_init(&x->batch);
	pthread_mutex_lock(&x->mu);
	while (x->queued >= QUEUE_BYTES && !x->async_failed)
		pthread_cond_wait(&x->cv, &x->mu);
	if (x->tail)
		x->tail->next = b;
	else
		x->head = b;
	x->tail = b;
	x->queued += b->len;
	pthread_cond_broadcast(&x->cv);
	pthread_mutex_unlock(&x->mu);
}

/* 1 when the workbook cannot be written any more. */
static int has_failed(struct xlsx_report *x)
{
	int failed;

	if (!x->threaded)
		return x->failed;
	pthread_mutex_lock(&x->mu);
	failed = x->async_failed;
	pthread_mutex_unlock(&x->mu);
	return failed;
}

static void enc_row(struct strbuf *b, enum sheet which)
{
	sb_addc(b, REC_ROW);
	sb_addc(b, (char)which);
}

static void enc_end(struct strbuf *b)
{
	sb_addc(b, REC_END);
}

static void enc_num(struct strbuf *b, lxw_col_t col, double v, int fmt)
{
	sb_addc(b, REC_NUM);
	sb_addc(b, (char)col);
	sb_addc(b, (char)fmt);
	sb_add(b, (const char *)&v, sizeof(v));
}

/* An empty text leaves its cell empty. */
static void enc_text(struct strbuf *b, lxw_col_t col, const char *s, size_t len,
		     int fmt)
{
	uint64_t n = len;

	if (!len)
		return;
	sb_addc(b, REC_TEXT);
	sb_addc(b, (char)col);
	sb_addc(b, (char)fmt);
	sb_add(b, (const char *)&n, sizeof(n));
	sb_add(b, s, len);
	sb_addc(b, '\0');
}

static void enc_str(struct strbuf *b, lxw_col_t col, const char *s)
{
	if (s)
		enc_text(b, col, s, strlen(s), F_NONE);
}

/* A full batch goes to the writer. */
static void batch_added(struct xlsx_report *x)
{
	if (x->batch.len >= BATCH_BYTES)
		push_batch(x);
}

static int grade_format(char grade)
{
	static const char letters[] = "ABCDF";
	const char *p = strchr(letters, grade);

	return p && grade ? F_GRADE + (int)(p - letters) : F_NONE;
}

static void quality_cells(struct strbuf *b, const struct article *a,
			  const char *id, const struct score *s, size_t defects,
			  size_t notes)
{
	int ok = a->status == ARTICLE_OK;
	char grade[2] = {s->grade, 0};
	lxw_col_t c = 0;

	enc_row(b, SH_QUALITY);
	enc_str(b, c++, id);
	enc_str(b, c++, ok ? "ok" : "error");
	enc_str(b, c++, a->lang);
	enc_num(b, c++, (double)a->words, F_NUM0);
	if (ok) {
		enc_num(b, c++, s->value, F_NUM1);
		enc_text(b, c++, grade, 1, grade_format(s->grade));
		enc_str(b, c++,
			s->top_kind >= 0 ? finding_kind_name(s->top_kind) : "");
	} else {
		c += 3;
	}
	for (int k = 0; k < FK__COUNT; k++)
		enc_num(b, c++, (double)a->counts[k], F_NUM0);
	enc_num(b, c++, (double)a->dropped, F_NUM0);
	enc_num(b, c++, (double)defects, F_NUM0);
	enc_num(b, c++, (double)notes, F_NUM0);
	for (int k = 0; k < DS__COUNT; k++)
		enc_num(b, c++, a->stats[k], F_NUM4);
	if (!ok)
		enc_str(b, c, a->error);
	enc_end(b);
}

static void finding_cells(struct strbuf *b, const char *id,
			  const struct finding *f, size_t line, size_t column,
			  const char *orig, size_t orig_len)
{
	const char *kind = finding_kind_name(f->kind);
	char *change =
	    utf8_whitespace_change(orig, orig_len, f->replacement, f->repl_len);
	lxw_col_t c = 0;

	enc_row(b, SH_FINDINGS);
	enc_str(b, c++, id);
	enc_text(b, c++, kind, strlen(kind), F_KIND + f->kind);
	enc_num(b, c++, (double)f->start, F_NUM0);
	enc_num(b, c++, (double)f->end, F_NUM0);
	enc_num(b, c++, (double)line, F_NUM0);
	enc_num(b, c++, (double)column, F_NUM0);
	enc_text(b, c++, orig, orig_len, F_NONE);
	enc_num(b, c++, (double)utf8_count(orig, orig_len), F_NUM0);
	enc_text(b, c++, f->replacement, f->repl_len, F_NONE);
	enc_str(b, c++, change);
	enc_num(b, c++, f->applied, F_NUM0);
	enc_num(b, c++, f->confidence, F_NUM2);
	enc_str(b, c++, f->detail);
	enc_end(b);
	free(change);
}

int xlsx_report_quality(struct xlsx_report *x, const struct article *a,
			const char *id, const struct score *s, size_t defects,
			size_t notes)
{
	if (has_failed(x))
		return -1;
	quality_cells(&x->batch, a, id, s, defects, notes);
	batch_added(x);
	return 0;
}

int xlsx_report_finding(struct xlsx_report *x, const char *id,
			const struct finding *f, size_t line, size_t column,
			const char *orig, size_t orig_len)
{
	if (has_failed(x))
		return -1;
	finding_cells(&x->batch, id, f, line, column, orig, orig_len);
	batch_added(x);
	return 0;
}

/* ---- rows encoded on other threads ------------------------------------- */

struct xlsx_rows {
	struct strbuf cells;
};

struct xlsx_rows *xlsx_rows_new(void)
{
	struct xlsx_rows *c = xmalloc(sizeof(*c));

	sb_init(&c->cells);
	return c;
}

void xlsx_rows_free(struct xlsx_rows *c)
{
	if (!c)
		return;
	sb_release(&c->cells);
	free(c);
}

void xlsx_rows_reset(struct xlsx_rows *c)
{
	sb_reset(&c->cells);
}

void xlsx_rows_quality(struct xlsx_rows *c, const struct article *a,
		       const char *id, const struct score *s, size_t defects,
		       size_t notes)
{
	quality_cells(&c->cells, a, id, s, defects, notes);
}

void xlsx_rows_finding(struct xlsx_rows *c, const char *id,
		       const struct finding *f, size_t line, size_t column,
		       const char *orig, size_t orig_len)
{
	finding_cells(&c->cells, id, f, line, column, orig, orig_len);
}

int xlsx_report_rows(struct xlsx_report *x, const struct xlsx_rows *c)
{
	if (has_failed(x))
		return -1;
	sb_add(&x->batch, c->cells.buf, c->cells.len);
	batch_added(x);
	return 0;
}

static int is_number_column(const char *name)
{
	return !strcmp(name, "confidence") || !strcmp(name, "count") ||
	       !strcmp(name, "articles");
}

struct variants_fill {
	struct xlsx_report *x;
	int neutralized;
};

static int variant_row(const struct csv_row *row, void *ud)
{
	struct variants_fill *vf = ud;
	struct xlsx_report *x = vf->x;
	static const char *const head[] = {
	    "variant",	  "canonical", "type",	"key",	    "method",
	    "confidence", "status",    "count", "articles", "evidence"};

	if (row->line == 1)
		return 0;
	enc_row(&x->batch, SH_VARIANTS);
	for (size_t i = 0; i < row->n && i < ARRAY_SIZE(head); i++) {
		const char *s = row->fields[i];
		size_t len = row->lens[i], skip = 0;
		char *end;
		double v;

		if (is_number_column(head[i]) && len) {
			v = strtod(s, &end);
			if (end == s + len) {
				enc_num(&x->batch, (lxw_col_t)i, v,
					!strcmp(head[i], "confidence")
					    ? F_NUM2
					    : F_NUM0);
				continue;
			}
		}
		if (vf->neutralized)
			skip = csv_unneutralize(s, len);
		enc_text(&x->batch, (lxw_col_t)i, s + skip, len - skip, F_NONE);
	}
	enc_end(&x->batch);
	batch_added(x);
	return has_failed(x);
}

int xlsx_report_variants(struct xlsx_report *x, const char *path,
			 int neutralized)
{
	struct variants_fill vf = {x, neutralized};

	if (has_failed(x))
		return -1;
	return csv_read_file(path, variant_row, &vf) ? -1 : 0;
}

void xlsx_report_end(struct xlsx_report *x)
{
	if (x->closing)
		return;
	push_batch(x);
	pthread_mutex_lock(&x->mu);
	x->closing = 1;
	pthread_cond_broadcast(&x->cv);
	pthread_mutex_unlock(&x->mu);
}

/* Stop the writer (at once when aborting, else once it has written the
 * workbook) and free x. */
static void destroy(struct xlsx_report *x, int abort)
{
	if (x->threaded) {
		pthread_mutex_lock(&x->mu);
		x->aborting |= abort;
		pthread_cond_broadcast(&x->cv);
		pthread_mutex_unlock(&x->mu);
		pthread_join(x->thread, NULL);
	}
	while (x->head) {
		struct batch *b = x->head;
		x->head = b->next;
		free(b->buf);
		free(b);
	}
	/* In constant-memory mode each sheet streams its rows to a temporary
	 * file that only workbook_close() closes; lxw_workbook_free() leaves
	 * it open. */
	for (int i = 0; x->wb && i < SH__COUNT; i++)
		if (x->sh[i].ws && x->sh[i].ws->optimize_tmpfile) {
			fclose(x->sh[i].ws->optimize_tmpfile);
			x->sh[i].ws->optimize_tmpfile = NULL;
		}
	lxw_workbook_free(x->wb); /* unwritten, or NULL */
	sb_release(&x->batch);
	pthread_mutex_destroy(&x->mu);
	pthread_cond_destroy(&x->cv);
	free(x);
}

int xlsx_report_finish(struct xlsx_report *x)
{
	int rc;

	xlsx_report_end(x);
	if (x->threaded) {
		pthread_join(x->thread, NULL);
		x->threaded = 0;
		rc = x->result;
	} else {
		rc = write_workbook(x);
	}
	destroy(x, 0);
	return rc;
}

void xlsx_report_free(struct xlsx_report *x)
{
	if (x)
		destroy(x, 1);
}
