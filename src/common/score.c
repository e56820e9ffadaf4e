/*
 * score.c - the score formula and its model, read from the weights file
 * (see score.h and docs/scoring.md).
 *
 * A weight says how much one finding of a kind hurts a reader, on the scale
 * "one misspelling = 1". The weights and the curve are fitted on human
 * judgments by tests/bench/score_fit.py and shipped as data; an editor can
 * read, change or refit them without rebuilding relire.
 */
#include "common/score.h"

#include <assert.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/util.h"

/* The curve's parameters follow the kinds in the table of lines seen. */
enum { P_MIN_WORDS = FK__COUNT, P_HALF, P_STEEPNESS, P__END };

static const char *const param_names[] = {"min_words", "half", "steepness"};

#define MAX_VALUE	 64	/* bytes of a VALUE field */
#define MAX_MIN_WORDS	 100000 /* beyond, every text counts as this long */
#define MAX_WEIGHTS_FILE ((size_t)1 << 20)

struct parse {
	struct score_model *m;
	const char *name;
	char *err;
	size_t errsz;
	size_t line_of[P__END]; /* line where each key was given, 0 if not */
};

static int fail(struct parse *p, size_t line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int fail(struct parse *p, size_t line, const char *fmt, ...)
{
	va_list ap;
	int n = line ? snprintf(p->err, p->errsz, "%s:%zu: ", p->name, line)
		     : snprintf(p->err, p->errsz, "%s: ", p->name);

	if (n >= 0 && (size_t)n < p->errsz) {
		va_start(ap, fmt);
		vsnprintf(p->err + n, p->errsz - (size_t)n, fmt, ap);
		va_end(ap);
	}
	return -1;
}

/* Key of a NAME (a kind, then the parameters), or -1. */
static int key_of(const char *name)
{
	int k = finding_kind_from_name(name);

	if (k >= 0)
		return k;
	for (int i = 0; i < P__END - P_MIN_WORDS; i++)
		if (!strcmp(name, param_names[i]))
			return P_MIN_WORDS + i;
	return -1;
}

static const char *key_name(int key)
{
	return key < FK__COUNT ? finding_kind_name(key)
			       : param_names[key - P_MIN_WORDS];
}

/* Check v for key and store it. */
static int set_value(struct parse *p, size_t line, int key, double v,
		     const char *text)
{
	if (key < FK__COUNT) {
		if (v < 0)
			return fail(p, line,
				    "negative weight %s for '%s' (a finding "
				    "would raise the score)",
				    text, key_name(key));
		p->m->weight[key] = v;
	} else if (key == P_MIN_WORDS) {
		if (v < 1 || v > MAX_MIN_WORDS || v != floor(v))
			return fail(p, line,
				    "min_words must be a whole number from 1 "
				    "to %d, not %s",
				    MAX_MIN_WORDS, text);
		p->m->min_words = (size_t)v;
	} else {
		if (v <= 0)
			return fail(p, line, "%s must be above 0, not %s",
				    key_name(key), text);
		*(key == P_HALF ? &p->m->half : &p->m->steepness) = v;
	}
	return 0;
}

/* Copy the field s[0..n) into buf (size bytes) as a string. 0, or -1 when
 * it does not fit. */
static int field(char *buf, size_t size, const char *s, size_t n)
{
	if (n >= size)
		return -1;
	memcpy(buf, s, n);
	buf[n] = '\0';
	return 0;
}

/* One data line: NAME<TAB>VALUE[<TAB>NOTE]. */
static int parse_line(const char *s, size_t len, size_t line, void *ud)
{
	struct parse *p = ud;
	const char *tab = memchr(s, '\t', len), *val, *vend;
	char name[32], text[MAX_VALUE], *end;
	double v;
	int key;

	if (!tab)
		return fail(p, line, "expected NAME<TAB>VALUE");
	val = tab + 1;
	vend = memchr(val, '\t', len - (size_t)(val - s));
	if (!vend)
		vend = s + len;
	if (field(name, sizeof(name), s, (size_t)(tab - s)) < 0 ||
	    (key = key_of(name)) < 0)
		return fail(p, line, "unknown name '%.*s'", (int)(tab - s), s);
	if (p->line_of[key])
		return fail(p, line, "'%s' given twice (first on line %zu)",
			    name, p->line_of[key]);
	if (field(text, sizeof(text), val, (size_t)(vend - val)) < 0)
		return fail(p, line, "invalid value for '%s'", name);
	errno = 0;
	v = strtod(text, &end);
	if (errno || end == text || *end || !isfinite(v))
		return fail(p, line, "invalid value '%s' for '%s'", text, name);
	p->line_of[key] = line;
	return set_value(p, line, key, v, text);
}

int score_model_parse(struct score_model *m, const char *text, size_t len,
		      const char *name, char *err, size_t errsz)
{
	struct parse p = {m, name, err, errsz, {0}};

	assert(err && errsz > 0);
	memset(m, 0, sizeof(*m));
	if (for_each_data_line(text, len, parse_line, &p))
		return -1;
	for (int key = 0; key < P__END; key++)
		if (!p.line_of[key])
			return fail(&p, 0, "no value for '%s'", key_name(key));
	return 0;
}

int score_model_load(struct score_model *m, const char *path)
{
	char *buf, err[256];
	size_t len;
	int rc = read_file(path, MAX_WEIGHTS_FILE, &buf, &len);

	if (rc < 0)
		return rl_error("cannot read '%s': %s", path, strerror(-rc));
	rc = score_model_parse(m, buf, len, path, err, sizeof(err));
	free(buf);
	return rc < 0 ? rl_error("%s", err) : 0;
}

double score_weight(const struct score_model *m, enum finding_kind k)
{
	return (unsigned)k < FK__COUNT ? m->weight[k] : 0.0;
}

char score_grade(double value)
{
	return value >= 90   ? 'A'
	       : value >= 75 ? 'B'
	       : value >= 60 ? 'C'
	       : value >= 40 ? 'D'
			     : 'F';
}

static size_t judged_words(const struct score_model *m, size_t words)
{
	return words > m->min_words ? words : m->min_words;
}

static double density_of(const struct score_model *m, double penalty,
			 size_t words)
{
	return 100.0 * penalty / (double)judged_words(m, words);
}

double score_from_penalty(const struct score_model *m, double penalty,
			  size_t words)
{
	double d = density_of(m, penalty, words) / m->half;

	return 100.0 / (1.0 + pow(d, m->steepness));
}

/* Share of the text (bytes) covered by foreign_language findings. */
static double foreign_share(const struct article *a)
{
	size_t covered = 0;

	for (size_t i = 0; i < a->nfindings; i++) {
		const struct finding *f = &a->findings[i];

		if (f->kind == FK_FOREIGN_LANGUAGE && f->end > f->start)
			covered += f->end - f->start;
	}
	if (!a->len)
		return 0;
	return covered >= a->len ? 1.0 : (double)covered / (double)a->len;
}

/* Penalty of the findings of kind k. Most kinds cost their weight per
 * finding. A foreign_language finding can be three words or the whole
 * text, so that kind costs its weight per 100 words times the share of
 * the text it covers: a text entirely in another language has a density
 * of 100 times the weight, whatever its length. */
static double kind_penalty(const struct article *a, const struct score_model *m,
			   int k)
{
	if (k == FK_FOREIGN_LANGUAGE)
		return m->weight[k] * foreign_share(a) *
		       (double)judged_words(m, a->words);
	return m->weight[k] * (double)a->counts[k];
}

void score_article(const struct article *a, const struct score_model *m,
		   struct score *out)
{
	double worst = 0;

	out->top_kind = -1;
	out->penalty = 0;
	for (int k = 0; k < FK__COUNT; k++) {
		double p = kind_penalty(a, m, k);

		out->penalty += p;
		/* A note (a name the dictionary lacks) is never the issue. */
		if (p > worst && !finding_kind_is_note(k)) {
			worst = p;
			out->top_kind = k;
		}
	}
	out->density = density_of(m, out->penalty, a->words);
	out->value = score_from_penalty(m, out->penalty, a->words);
	out->grade = score_grade(out->value);
}
