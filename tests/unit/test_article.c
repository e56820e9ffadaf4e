/*
 * test_article.c - the findings of an article (article.h): which applied
 * findings overlap, supersede or are refused, by table; the same rules
 * against a reference model (the plain O(n^2) loops the index replaced)
 * on random findings; the cost of 200,000 findings in each hostile shape,
 * as a ratio to a linear pass measured in the same run; and the BUG()
 * line of a span outside the text.
 *
 * "test_article scale [N [SHAPE]]" prints the timings of the shapes only
 * (N findings each, default 200,000), for benchmarks.
 */
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "common/article.h"
#include "harness.h"
#include "common/util.h"

/* An article over n bytes of 'a'. */
static void make(struct article *a, const char *id, size_t n)
{
	char *t = xmalloc(n + 1);

	memset(t, 'a', n);
	t[n] = '\0';
	article_init(a, id);
	article_set_text(a, t, n);
}

/* ---- The rules, by table ---------------------------------------------- */

enum op_kind { ADD, ADD_REPORT, APPROVE, REJECT, DROP, END };

struct op {
	enum op_kind op;
	size_t start, end; /* APPROVE, REJECT: start is the finding */
};

static const struct rule_case {
	const char *name;
	struct op ops[8];
	const char *want;    /* per finding: 'A' applied, 'r' a report */
	const char *detail0; /* in the detail of the first finding, or NULL */
} rule_cases[] = {
    {"disjoint spans", {{ADD, 0, 2}, {ADD, 4, 6}, {END, 0, 0}}, "AA", NULL},
    {"touching spans", {{ADD, 0, 2}, {ADD, 2, 6}, {END, 0, 0}}, "AA", NULL},
    {"overlap refused", {{ADD, 2, 6}, {ADD, 0, 4}, {END, 0, 0}}, "Ar", NULL},
    {"insertion inside a span refused",
     {{ADD, 0, 4}, {ADD, 2, 2}, {END, 0, 0}},
     "Ar",
     NULL},
    {"insertions at a span's edges",
     {{ADD, 2, 4}, {ADD, 2, 2}, {ADD, 4, 4}, {END, 0, 0}},
     "AAA",
     NULL},
    {"a span supersedes an insertion inside",
     {{ADD, 3, 3}, {ADD, 2, 5}, {END, 0, 0}},
     "rA",
     "not applied: inside a later repair"},
    {"an insertion at a span's edge stays",
     {{ADD, 2, 2}, {ADD, 5, 5}, {ADD, 2, 5}, {END, 0, 0}},
     "AAA",
     NULL},
    {"nested spans supersede",
     {{ADD, 3, 4}, {ADD, 2, 5}, {ADD, 1, 6}, {END, 0, 0}},
     "rrA",
     "not applied: inside a later repair"},
    {"the same span supersedes",
     {{ADD, 2, 5}, {ADD, 2, 5}, {END, 0, 0}},
     "rA",
     NULL},
    {"a span over two disjoint ones",
     {{ADD, 1, 2}, {ADD, 3, 4}, {ADD, 0, 5}, {END, 0, 0}},
     "rrA",
     NULL},
    {"one sticking out: refused, nothing superseded",
     {{ADD, 2, 4}, {ADD, 5, 8}, {ADD, 3, 8}, {END, 0, 0}},
     "AAr",
     NULL},
    {"sticking out on the right",
     {{ADD, 2, 4}, {ADD, 5, 8}, {ADD, 2, 7}, {END, 0, 0}},
     "AAr",
     NULL},
    {"a report supersedes nothing",
     {{ADD, 2, 3}, {ADD_REPORT, 1, 5}, {END, 0, 0}},
     "Ar",
     NULL},
    {"two insertions at a point, then a span over them",
     {{ADD, 3, 3}, {ADD, 3, 3}, {ADD, 2, 4}, {END, 0, 0}},
     "rrA",
     NULL},
    /* The bitmaps forgot the second insertion when the first was
     * rejected, and applied the span over it. */
    {"a rejected insertion beside an applied one",
     {{ADD, 3, 3}, {ADD, 3, 3}, {REJECT, 0, 0}, {ADD, 2, 4}, {END, 0, 0}},
     "rrA",
     "rejected"},
    {"approved when nothing overlaps",
     {{ADD_REPORT, 2, 4}, {APPROVE, 0, 0}, {ADD, 3, 5}, {END, 0, 0}},
     "Ar",
     NULL},
    {"rejected: its span is free again",
     {{ADD, 2, 4}, {REJECT, 0, 0}, {ADD, 3, 5}, {END, 0, 0}},
     "rA",
     "rejected"},
    {"dropped reports leave, the others keep their order",
     {{ADD_REPORT, 2, 4},
      {ADD, 2, 4},
      {ADD_REPORT, 2, 4},
      {ADD_REPORT, 1, 4},
      {DROP, 2, 4},
      {END, 0, 0}},
     "Ar",
     NULL},
};

static void run_op(struct article *a, const struct op *o)
{
	struct finding *f;

	switch (o->op) {
	case ADD:
	case ADD_REPORT:
		article_add(a, FK_SPACING, o->start, o->end, "x", 1,
			    o->op == ADD, 0.5, NULL);
		break;
	case APPROVE:
		f = &a->findings[o->start];
		if (!article_overlaps_applied(a, f->start, f->end))
			article_set_applied(a, f, 1);
		break;
	case REJECT:
		article_set_applied(a, &a->findings[o->start], 0);
		free(a->findings[o->start].detail);
		a->findings[o->start].detail = xstrdup("rejected");
		break;
	case DROP:
		article_drop_reports(a, FK_SPACING, o->start, o->end);
		article_compact(a);
		break;
	case END:
		break;
	}
}

static void test_rules(void)
{
	for (size_t i = 0; i < ARRAY_SIZE(rule_cases); i++) {
		const struct rule_case *c = &rule_cases[i];
		struct article a;
		char got[16] = "";

		make(&a, c->name, 16);
		for (const struct op *o = c->ops; o->op != END; o++)
			run_op(&a, o);
		for (size_t k = 0; k < a.nfindings && k + 1 < sizeof(got); k++)
			got[k] = a.findings[k].applied ? 'A' : 'r';
		CHECK_MSG(!strcmp(got, c->want), "%s: %s, want %s", c->name,
			  got, c->want);
		if (c->detail0)
			CHECK_MSG(a.nfindings && a.findings[0].detail &&
				      strstr(a.findings[0].detail, c->detail0),
				  "%s: detail %s", c->name,
				  a.nfindings && a.findings[0].detail
				      ? a.findings[0].detail
				      : "(none)");
		article_release(&a);
	}
}

/* Notes on an applied span leave, whatever the findings dropped before
 * them (the array compacted in the same loop once hid the applied span
 * from the notes after a dropped one). */
static void test_shadowed_notes(void)
{
	static const struct {
		enum finding_kind kind;
		size_t start, end;
		int applied, stays;
	} f[] = {
	    {FK_UNKNOWN_NAME, 5, 6, 0, 0},   {FK_DUPLICATE_LINE, 5, 100, 1, 1},
	    {FK_MISSPELLING, 7, 8, 0, 1},    {FK_UNKNOWN_NAME, 10, 20, 0, 0},
	    {FK_TYPOGRAPHY, 100, 100, 0, 1}, {FK_NAME_VARIANT, 99, 101, 0, 0},
	    {FK_TYPOGRAPHY, 50, 50, 0, 0},   {FK_UNKNOWN_NAME, 100, 104, 0, 1},
	};
	struct article a;
	size_t k = 0;

	make(&a, "notes", 120);
	for (size_t i = 0; i < ARRAY_SIZE(f); i++)
		article_add(&a, f[i].kind, f[i].start, f[i].end, "", 0,
			    f[i].applied, 1.0, NULL);
	article_sort_findings(&a);
	CHECK_EQ(article_drop_shadowed_notes(&a), 4);
	CHECK_EQ(a.counts[FK_UNKNOWN_NAME], 1);
	CHECK_EQ(a.counts[FK_TYPOGRAPHY], 1);
	for (size_t i = 0; i < ARRAY_SIZE(f); i++) {
		if (!f[i].stays)
			continue;
		CHECK(k < a.nfindings && a.findings[k].start == f[i].start &&
		      a.findings[k].kind == f[i].kind);
		k++;
	}
	CHECK_EQ(a.nfindings, k);
	article_release(&a);
}

/* ---- The reference model ---------------------------------------------- */

/* The findings as a plain array, every question a loop over all of them:
 * the semantics of article.h, as article.c had them before its index. */
struct mfinding {
	enum finding_kind kind;
	size_t start, end, seq;
	int applied;
	char *detail;
};

struct model {
	struct mfinding *f;
	size_t n, cap, len, max, dropped;
	size_t counts[FK__COUNT];
};

static int m_spans_overlap(size_t s1, size_t e1, size_t s2, size_t e2)
{
	if (s1 == e1)
		return s2 < s1 && s1 < e2;
	if (s2 == e2)
		return s1 < s2 && s2 < e1;
	return s1 < e2 && s2 < e1;
}

static int m_overlaps(const struct model *m, size_t start, size_t end)
{
	if (start > m->len)
		return 0;
	if (start != end && end > m->len)
		end = m->len;
	if (start != end && start >= end)
		return 0;
	for (size_t i = 0; i < m->n; i++)
		if (m->f[i].applied &&
		    m_spans_overlap(m->f[i].start, m->f[i].end, start, end))
			return 1;
	return 0;
}

static void m_append(char **detail, const char *note)
{
	struct strbuf sb;

	sb_init(&sb);
	if (*detail)
		sb_addf(&sb, "%s; ", *detail);
	sb_adds(&sb, note);
	free(*detail);
	*detail = sb_detach(&sb, NULL);
}

static void m_supersede(struct model *m, size_t start, size_t end)
{
	size_t i;

	if (!m_overlaps(m, start, end))
		return;
	for (i = 0; i < m->n; i++) {
		const struct mfinding *f = &m->f[i];
		if (f->applied &&
		    m_spans_overlap(f->start, f->end, start, end) &&
		    (f->start < start || f->end > end))
			return;
	}
	for (i = 0; i < m->n; i++) {
		struct mfinding *f = &m->f[i];
		if (!f->applied || f->start < start || f->end > end ||
		    (f->start == f->end &&
		     (f->start == start || f->start == end)))
			continue;
		f->applied = 0;
		m_append(&f->detail, "not applied: inside a later repair");
	}
}

/* article_add(); 1 when stored. */
static int m_add(struct model *m, enum finding_kind kind, size_t start,
		 size_t end, int applied)
{
	struct mfinding *f;
	char *detail = NULL;

	m->counts[kind]++;
	if (m->max && m->n >= m->max) {
		m->dropped++;
		return 0;
	}
	if (applied && start < end)
		m_supersede(m, start, end);
	if (applied && m_overlaps(m, start, end)) {
		applied = 0;
		m_append(&detail, "not applied: overlaps an earlier repair");
	}
	GROW(m->f, m->cap, m->n + 1);
	f = &m->f[m->n];
	f->kind = kind;
	f->start = start;
	f->end = end;
	f->applied = applied;
	f->detail = detail;
	f->seq = m->n++;
	return 1;
}

static size_t m_drop(struct model *m, enum finding_kind kind, size_t start,
		     size_t end)
{
	size_t kept = 0, n = m->n;

	for (size_t i = 0; i < n; i++) {
		struct mfinding *f = &m->f[i];
		if (f->kind == kind && !f->applied && f->start == start &&
		    f->end == end) {
			free(f->detail);
			m->counts[kind]--;
			continue;
		}
		m->f[kept++] = *f;
	}
	m->n = kept;
	return n - kept;
}

static int m_shadows(const struct mfinding *g, size_t s, size_t e)
{
	if (g->start == g->end)
		return s < g->start && g->start < e;
	return g->start < e && s < g->end;
}

static size_t m_drop_notes(struct model *m)
{
	size_t kept = 0, n = m->n;

	for (size_t i = 0; i < n; i++) {
		struct mfinding *f = &m->f[i];
		int drop = 0;

		for (size_t k = 0; k < n && !drop; k++)
			drop = !f->applied && finding_kind_is_note(f->kind) &&
			       m->f[k].applied &&
			       m_shadows(&m->f[k], f->start, f->end);
		if (drop) {
			free(f->detail);
			m->counts[f->kind]--;
			continue;
		}
		m->f[kept++] = *f;
	}
	m->n = kept;
	return n - kept;
}

static int m_cmp(const void *pa, const void *pb)
{
	const struct mfinding *x = pa, *y = pb;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->end != y->end)
		return x->end < y->end ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Sort m as article_sort_findings() does; 0 (and m unchanged) when two
 * findings tie, whose order qsort leaves open. */
static int m_sort(struct model *m)
{
	struct mfinding *c = xmalloc((m->n + 1) * sizeof(*c));
	int ties = 0;

	if (m->n)
		memcpy(c, m->f, m->n * sizeof(*c));
	xqsort(c, m->n, sizeof(*c), m_cmp);
	for (size_t i = 1; i < m->n; i++)
		ties |= !m_cmp(&c[i - 1], &c[i]);
	if (!ties && m->n)
		memcpy(m->f, c, m->n * sizeof(*c));
	free(c);
	return !ties;
}

static void m_release(struct model *m)
{
	for (size_t i = 0; i < m->n; i++)
		free(m->f[i].detail);
	free(m->f);
}

static uint64_t rnd_state;

static size_t rnd(size_t n)
{
	rnd_state ^= rnd_state << 13;
	rnd_state ^= rnd_state >> 7;
	rnd_state ^= rnd_state << 17;
	return n ? (size_t)(rnd_state % n) : 0;
}

/* 1 when a (compacted) holds what m holds. */
static int same_as_model(struct article *a, const struct model *m)
{
	int ok = a->nfindings == m->n && a->dropped == m->dropped &&
		 !memcmp(a->counts, m->counts, sizeof(m->counts));

	for (size_t i = 0; ok && i < m->n; i++) {
		const struct finding *f = &a->findings[i];
		const struct mfinding *g = &m->f[i];

		ok = f->kind == g->kind && f->start == g->start &&
		     f->end == g->end && f->seq == g->seq &&
		     f->applied == g->applied &&
		     !strcmp(f->detail ? f->detail : "",
			     g->detail ? g->detail : "") &&
		     f->repl_len == 1 && f->replacement[0] == 'x';
	}
	return ok;
}

static void random_span(size_t len, size_t *s, size_t *e)
{
	*s = rnd(len + 1);
	*e = rnd(4) ? *s + rnd(len + 1 - *s) : *s;
	if (rnd(3) == 0 && *e > *s) /* short spans meet more often */
		*e = *s + 1 + rnd(*e - *s < 3 ? *e - *s : 3);
}

static const enum finding_kind random_kinds[] = {FK_SPACING, FK_UNKNOWN_NAME,
						 FK_MOJIBAKE};

/* One random operation on a and m; 0 when they answered differently. */
static int random_op(struct article *a, struct model *m)
{
	enum finding_kind k = random_kinds[rnd(ARRAY_SIZE(random_kinds))];
	size_t s, e, r = rnd(100), i;

	random_span(a->len, &s, &e);
	if (r < 55) {
		int applied = rnd(10) < 7;
		const struct finding *f =
		    article_add(a, k, s, e, "x", 1, applied, 0.5, NULL);
		int stored = m_add(m, k, s, e, applied);

		if (!f || !stored)
			return !f == !stored;
		return f->applied == m->f[m->n - 1].applied &&
		       !strcmp(f->detail ? f->detail : "",
			       m->f[m->n - 1].detail ? m->f[m->n - 1].detail
						     : "");
	}
	if (r < 70) {
		if (m->n && rnd(4)) { /* the span of a finding */
			const struct mfinding *g = &m->f[rnd(m->n)];
			k = g->kind;
			s = g->start;
			e = g->end;
		}
		return article_drop_reports(a, k, s, e) == m_drop(m, k, s, e);
	}
	if (r < 85) {
		if (rnd(8) == 0) /* past the end of the text */
			e += 1 + rnd(3);
		if (rnd(16) == 0)
			s = e = a->len + rnd(3);
		return article_overlaps_applied(a, s, e) == m_overlaps(m, s, e);
	}
	article_compact(a);
	if (r < 95 && m->n) { /* an editor's decision */
		i = rnd(m->n);
		if (!m->f[i].applied &&
		    article_overlaps_applied(a, m->f[i].start, m->f[i].end) !=
			m_overlaps(m, m->f[i].start, m->f[i].end))
			return 0;
		if (m->f[i].applied) {
			article_set_applied(a, &a->findings[i], 0);
			m->f[i].applied = 0;
		} else if (!m_overlaps(m, m->f[i].start, m->f[i].end)) {
			article_set_applied(a, &a->findings[i], 1);
			m->f[i].applied = 1;
		}
		return 1;
	}
	if (r < 98 && m_sort(m)) {
		article_sort_findings(a);
		return same_as_model(a, m);
	}
	return 1;
}

/* Random findings, overlapping, nested, repeated, on short texts (spans
 * meet) and longer ones, with and without a cap; compared after every
 * operation, and whole (after article_compact) every few operations. */
static void test_against_model(void)
{
	static const size_t lens[] = {0, 1, 6, 24, 120};
	size_t rounds = 0, ops = 0;

	rnd_state = 0x2545F4914F6CDD1DULL;
	for (size_t round = 0; round < 1500; round++) {
		struct article a;
		struct model m = {0};
		int ok = 1;

		make(&a, "model", lens[round % ARRAY_SIZE(lens)]);
		m.len = a.len;
		m.max = round % 3 == 0 ? 5 + rnd(40) : 0;
		a.max_findings = m.max;
		for (size_t n = 0; ok && n < 400; n++, ops++) {
			ok = random_op(&a, &m);
			if (ok && rnd(16) == 0) {
				article_compact(&a);
				ok = same_as_model(&a, &m);
			}
		}
		if (ok && m_sort(&m)) { /* the pipeline's last steps */
			article_sort_findings(&a);
			ok = same_as_model(&a, &m) &&
			     article_drop_shadowed_notes(&a) ==
				 m_drop_notes(&m) &&
			     same_as_model(&a, &m);
		}
		CHECK_MSG(ok, "round %zu differs from the model after %zu ops",
			  round, ops);
		rounds += ok;
		article_release(&a);
		m_release(&m);
		if (!ok)
			break;
	}
	CHECK_EQ(rounds, 1500);
}

/* ---- Scaling ------------------------------------------------------------ */

/*
 * Each shape adds n findings (max_findings 0) to an article of 4n + 16
 * bytes. Hostile for the former bitmaps and linear scans: spans that nest
 * (every byte of a span written), supersede (every finding scanned twice),
 * drops (the array compacted per call).
 */
typedef void shape_fn(struct article *a, size_t n);

static void add_one(struct article *a, enum finding_kind k, size_t s, size_t e,
		    int applied)
{
	article_add(a, k, s, e, "x", 1, applied, 0.5, applied ? NULL : "r");
}

static void shape_reports(struct article *a, size_t n)
{
	for (size_t i = 0; i < n; i++)
		add_one(a, FK_SPACING, 2 * i, 2 * i + 1, 0);
}

static void shape_ascending(struct article *a, size_t n)
{
	for (size_t i = 0; i < n; i++)
		add_one(a, FK_SPACING, 2 * i, 2 * i + 1, 1);
}

static void shape_descending(struct article *a, size_t n)
{
	for (size_t i = n; i-- > 0;)
		add_one(a, FK_SPACING, 2 * i, 2 * i + 1, 1);
}

/* [c - i - 1, c + i + 1): each contains, and supersedes, the one before. */
static void shape_nested(struct article *a, size_t n)
{
	size_t c = a->len / 2;

	for (size_t i = 0; i < n; i++)
		add_one(a, FK_SPACING, c - i - 1, c + i + 1, 1);
}

static void shape_same_span(struct article *a, size_t n)
{
	for (size_t i = 0; i < n; i++)
		add_one(a, FK_SPACING, 10, 20, 1);
}

/* From the middle out, one to the left, one to the right. */
static void shape_alternating(struct article *a, size_t n)
{
	size_t c = a->len / 2;

	for (size_t i = 0; i < n; i++) {
		size_t k = i / 2;
		size_t s = i % 2 ? c + 2 * k : c - 2 * k - 2;
		add_one(a, FK_SPACING, s, s + 1, 1);
	}
}

/* n - 1 insertions at one point (all applied), then one span over them
 * that supersedes them all. */
static void shape_insertions(struct article *a, size_t n)
{
	for (size_t i = 0; i + 1 < n; i++)
		add_one(a, FK_SPACING, 100, 100, 1);
	add_one(a, FK_SPACING, 99, 101, 1);
}

/* Blocks of 64: an insertion, then a span over it that supersedes it, 31
 * times, then a span over the block that supersedes the 31 spans; also a
 * span across two blocks, refused (it sticks out of the last one). */
static void shape_chains(struct article *a, size_t n)
{
	size_t i = 0, base = 0;

	while (i < n) {
		for (size_t j = 0; j < 31 && i < n; j++, i += 2) {
			add_one(a, FK_SPACING, base + 2 * j + 1,
				base + 2 * j + 1, 1);
			if (i + 1 < n)
				add_one(a, FK_SPACING, base + 2 * j,
					base + 2 * j + 2, 1);
		}
		if (i++ < n)
			add_one(a, FK_MOJIBAKE, base, base + 64, 1);
		if (i++ < n && base)
			add_one(a, FK_MOJIBAKE, base - 1, base + 1, 1);
		base += 64;
	}
}

/* Spans straddling applied ones: every one overlaps, none is contained. */
static void shape_straddling(struct article *a, size_t n)
{
	for (size_t i = 0; i < n / 2; i++)
		add_one(a, FK_SPACING, 4 * i, 4 * i + 2, 1);
	for (size_t i = 0; i < n - n / 2; i++)
		add_one(a, FK_SPACING, 4 * i + 1, 4 * i + 3, 1);
}

/* The names stage: n/2 unknown names, then per name a drop and a name
 * variant on the same span, then one compaction. */
static void shape_drops(struct article *a, size_t n)
{
	for (size_t i = 0; i < n / 2; i++)
		add_one(a, FK_UNKNOWN_NAME, 2 * i, 2 * i + 1, 0);
	for (size_t i = 0; i < n - n / 2; i++) {
		article_drop_reports(a, FK_UNKNOWN_NAME, 2 * i, 2 * i + 1);
		add_one(a, FK_NAME_VARIANT, 2 * i, 2 * i + 1, 1);
	}
	article_compact(a);
}

static const struct shape {
	const char *name;
	shape_fn *fn;
} shapes[] = {
    {"reports", shape_reports},	      {"ascending", shape_ascending},
    {"descending", shape_descending}, {"nested", shape_nested},
    {"same-span", shape_same_span},   {"alternating", shape_alternating},
    {"insertions", shape_insertions}, {"chains", shape_chains},
    {"straddling", shape_straddling}, {"drops", shape_drops},
};

/* What the shape leaves applied (a check that the timing timed the
 * intended work). */
static size_t want_applied(const char *name, size_t n)
{
	if (!strcmp(name, "reports"))
		return 0;
	if (!strcmp(name, "nested") || !strcmp(name, "same-span") ||
	    !strcmp(name, "insertions"))
		return 1;
	if (!strcmp(name, "straddling"))
		return n / 2;
	if (!strcmp(name, "drops"))
		return n - n / 2;
	if (!strcmp(name, "chains"))
		return (size_t)-1; /* not a closed form */
	return n;
}

static double time_shape(const struct shape *sh, size_t n, size_t *applied)
{
	struct article a;
	double t0 = monotonic_seconds();

	make(&a, sh->name, 4 * n + 16);
	sh->fn(&a, n);
	*applied = 0;
	for (size_t i = 0; i < a.nfindings; i++)
		*applied += a.findings[i].applied;
	article_release(&a);
	return monotonic_seconds() - t0;
}

/* The linear pass: what article_add allocates and copies for n findings
 * (a finding, its replacement and detail), then freed, without any
 * question about the others. */
static double time_linear(size_t n)
{
	double t0 = monotonic_seconds();
	struct finding *f = NULL;
	size_t cap = 0;
	char *text = xmalloc(4 * n + 16);

	memset(text, 'a', 4 * n + 16);
	for (size_t i = 0; i < n; i++) {
		GROW(f, cap, i + 1);
		f[i].start = 2 * i;
		f[i].end = 2 * i + 1;
		f[i].replacement = xmemdup("x", 1);
		f[i].detail = xstrdup("r");
		f[i].applied = text[2 * i] == 'a';
	}
	for (size_t i = 0; i < n; i++) {
		free(f[i].replacement);
		free(f[i].detail);
	}
	free(f);
	free(text);
	return monotonic_seconds() - t0;
}

#define SCALE_N	    200000
#define SCALE_RATIO 100.0

static void test_scaling(void)
{
	double base = 1e9;

	for (int k = 0; k < 3; k++) {
		double t = time_linear(SCALE_N);
		base = t < base ? t : base;
	}
	printf("linear pass over %d findings: %.4f s\n", SCALE_N, base);
	for (size_t i = 0; i < ARRAY_SIZE(shapes); i++) {
		const struct shape *sh = &shapes[i];
		size_t applied, want = want_applied(sh->name, SCALE_N);
		double t = time_shape(sh, SCALE_N, &applied);

		if (t > SCALE_RATIO * base) { /* a busy machine: once more */
			double t2 = time_shape(sh, SCALE_N, &applied);
			t = t2 < t ? t2 : t;
		}
		printf("%-12s %.4f s (%.1f x the linear pass)\n", sh->name, t,
		       t / base);
		CHECK_MSG(t <= SCALE_RATIO * base,
			  "%s: %.3f s for %d findings, over %.0f x %.4f s",
			  sh->name, t, SCALE_N, SCALE_RATIO, base);
		if (want != (size_t)-1)
			CHECK_MSG(applied == want, "%s: %zu applied, want %zu",
				  sh->name, applied, want);
	}
}

/* "scale [N [SHAPE]]": the timings only. */
static int scale_main(int argc, char **argv)
{
	size_t n = argc > 2 ? strtoul(argv[2], NULL, 10) : SCALE_N;
	double base = 1e9;

	for (int k = 0; k < 3; k++) {
		double t = time_linear(n);
		base = t < base ? t : base;
	}
	printf("%-12s %.4f s\n", "linear", base);
	for (size_t i = 0; i < ARRAY_SIZE(shapes); i++) {
		size_t applied;
		double t;

		if (argc > 3 && strcmp(argv[3], shapes[i].name))
			continue;
		t = time_shape(&shapes[i], n, &applied);
		printf("%-12s %.4f s (%.1f x) %zu applied\n", shapes[i].name, t,
		       t / base, applied);
		fflush(stdout);
	}
	return 0;
}

/* ---- BUG() ---------------------------------------------------------------
 */

static const struct bug_case {
	const char *name;
	const char *id;
	size_t len, start, end; /* the finding added */
	const char *want[4];	/* on stderr */
} bug_cases[] = {
    {"start after end",
     "dir/probe-1.txt",
     4,
     3,
     2,
     {"BUG: src/common/article.c:",
      "article 'dir/probe-1.txt': finding [3, 2) outside the text (4 bytes)",
      NULL}},
    {"end past the text",
     "probe-2",
     10,
     8,
     11,
     {"BUG: src/common/article.c:",
      "article 'probe-2': finding [8, 11) outside the text (10 bytes)", NULL}},
    {"BUG() itself", NULL, 0, 0, 0, {"BUG: ", "test_article.c:", ": probe 42"}},
};

/* In a child: run case c, which must abort. */
static void bug_child(const struct bug_case *c)
{
	const struct rlimit no_core = {0, 0};
	struct article a;

	setrlimit(RLIMIT_CORE, &no_core);
	if (!c->id)
		BUG("probe %d", 42);
	make(&a, c->id, c->len);
	article_add(&a, FK_SPACING, c->start, c->end, "", 0, 1, 1.0, NULL);
	_exit(0); /* not reached when the BUG fires */
}

static void test_bug(void)
{
	for (size_t i = 0; i < ARRAY_SIZE(bug_cases); i++) {
		const struct bug_case *c = &bug_cases[i];
		char err[4096];
		size_t got = 0;
		ssize_t r;
		int fd[2], status = 0;
		pid_t pid;

		fflush(NULL);
		if (pipe(fd) < 0 || (pid = fork()) < 0) {
			CHECK_MSG(0, "%s: cannot fork", c->name);
			return;
		}
		if (pid == 0) {
			close(fd[0]);
			dup2(fd[1], 2);
			bug_child(c);
		}
		close(fd[1]);
		while (got + 1 < sizeof(err) &&
		       (r = read(fd[0], err + got, sizeof(err) - 1 - got)) > 0)
			got += (size_t)r;
		err[got] = '\0';
		close(fd[0]);
		waitpid(pid, &status, 0);
		CHECK_MSG(WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT,
			  "%s: status %d", c->name, status);
		CHECK_MSG(!strncmp(err, "BUG: ", 5), "%s: %s", c->name, err);
		for (size_t k = 0; k < ARRAY_SIZE(c->want) && c->want[k]; k++)
			CHECK_MSG(strstr(err, c->want[k]) != NULL,
				  "%s: no \"%s\" in \"%s\"", c->name,
				  c->want[k], err);
	}
}

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "scale"))
		return scale_main(argc, argv);
	RUN(test_rules);
	RUN(test_shadowed_notes);
	RUN(test_against_model);
	RUN(test_scaling);
	RUN(test_bug);
	return harness_done();
}
