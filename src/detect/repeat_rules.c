/*
 * repeat_rules.c - loading and querying the grammar of legitimate
 * repetition (repeat_rules.h). A file holds a few classes of function
 * words; every query is one hash lookup.
 */
#include "detect/repeat_rules.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "common/utf8.h"
#include "common/util.h"

#define MAX_FIELDS 512

static const char *const role_names[REPEAT_ROLES] = {
    "separator", "emphatic", "linker", "linker-start", "function"};

struct load_ctx {
	struct repeat_rules *r;
	const char *path;
};

struct fields {
	const char *s[MAX_FIELDS];
	size_t len[MAX_FIELDS];
	size_t n;
};

static void split(const char *s, size_t len, struct fields *f)
{
	size_t i = 0;

	f->n = 0;
	while (i < len && f->n < MAX_FIELDS) {
		size_t b;

		while (i < len && (s[i] == ' ' || s[i] == '\t'))
			i++;
		b = i;
		while (i < len && s[i] != ' ' && s[i] != '\t')
			i++;
		if (i > b) {
			f->s[f->n] = s + b;
			f->len[f->n++] = i - b;
		}
	}
}

static int is(const struct fields *f, size_t k, const char *word)
{
	return f->len[k] == strlen(word) && !memcmp(f->s[k], word, f->len[k]);
}

/* Index of the class named f->s[k], or -1. */
static int class_index(const struct repeat_rules *r, const struct fields *f,
		       size_t k)
{
	for (size_t c = 0; c < r->nclasses; c++)
		if (strlen(r->names[c]) == f->len[k] &&
		    !memcmp(r->names[c], f->s[k], f->len[k]))
			return (int)c;
	return -1;
}

static int add_class(struct repeat_rules *r, const struct fields *f)
{
	int c = class_index(r, f, 1);

	if (c < 0) {
		if (r->nclasses == REPEAT_RULES_MAX_CLASSES ||
		    f->len[1] >= sizeof(r->names[0]))
			return -1;
		c = (int)r->nclasses++;
		memcpy(r->names[c], f->s[1], f->len[1]);
		r->names[c][f->len[1]] = '\0';
	}
	for (size_t k = 2; k < f->n; k++) {
		size_t n;
		char *w = utf8_fold(f->s[k], f->len[k], &n);

		*strmap_put(&r->words, w, n) |= (int64_t)1 << c;
		free(w);
	}
	return 0;
}

static int add_line(const char *s, size_t len, size_t lineno, void *ud)
{
	struct load_ctx *ctx = ud;
	struct repeat_rules *r = ctx->r;
	struct fields f;
	int a, b;

	split(s, len, &f);
	if (f.n >= 3 && is(&f, 0, "class") && add_class(r, &f) == 0)
		return 0;
	if (f.n == 1 && is(&f, 0, "capitals-mark-names")) {
		r->capitals_mark_names = 1;
		return 0;
	}
	a = f.n >= 2 ? class_index(r, &f, 1) : -1;
	b = f.n >= 3 ? class_index(r, &f, 2) : -1;
	for (int k = 0; f.n == 2 && a >= 0 && k < REPEAT_ROLES; k++) {
		if (is(&f, 0, role_names[k])) {
			r->role[k] |= 1u << a;
			return 0;
		}
	}
	if (f.n == 4 && a >= 0 && b >= 0 && is(&f, 0, "double-after") &&
	    class_index(r, &f, 3) >= 0 && r->nrules < REPEAT_RULES_MAX_RULES) {
		memset(&r->rule[r->nrules], 0, sizeof(r->rule[0]));
		r->rule[r->nrules].first = 1u << a;
		r->rule[r->nrules].second = 1u << b;
		r->rule[r->nrules++].after = 1u << class_index(r, &f, 3);
		return 0;
	}
	if (a >= 0 && b >= 0 && r->nrules < REPEAT_RULES_MAX_RULES &&
	    ((f.n == 3 &&
	      (is(&f, 0, "double") || is(&f, 0, "double-before-name"))) ||
	     (f.n == 4 && is(&f, 0, "double-before-ending") &&
	      f.len[3] < sizeof(r->rule[0].ending)))) {
		memset(&r->rule[r->nrules], 0, sizeof(r->rule[0]));
		r->rule[r->nrules].first = 1u << a;
		r->rule[r->nrules].second = 1u << b;
		r->rule[r->nrules].before_name =
		    is(&f, 0, "double-before-name");
		if (f.n == 4) {
			size_t n;
			char *e = utf8_fold(f.s[3], f.len[3], &n);

			if (n < sizeof(r->rule[0].ending))
				memcpy(r->rule[r->nrules].ending, e, n + 1);
			free(e);
			if (n >= sizeof(r->rule[0].ending))
				return rl_error("'%s', line %zu: ending too "
						"long",
						ctx->path, lineno);
		}
		r->nrules++;
		return 0;
	}
	return rl_error("'%s', line %zu: not a rule: '%.*s'", ctx->path, lineno,
			(int)(len > 60 ? 60 : len), s);
}

void repeat_rules_init(struct repeat_rules *r)
{
	memset(r, 0, sizeof(*r));
	strmap_init(&r->words);
}

void repeat_rules_release(struct repeat_rules *r)
{
	if (r)
		strmap_release(&r->words);
}

int repeat_rules_load(struct repeat_rules *r, const char *path, int optional)
{
	struct load_ctx ctx = {r, path};
	char *buf;
	size_t len;
	int rc = read_file(path, (size_t)1 << 20, &buf, &len);

	if (rc < 0) {
		if (optional && rc == -ENOENT)
			return 0;
		return rl_error("cannot read '%s': %s", path, strerror(-rc));
	}
	rc = for_each_data_line(buf, len, add_line, &ctx);
	free(buf);
	return rc ? -1 : 0;
}

uint32_t repeat_rules_classes(const struct repeat_rules *r, const char *w,
			      size_t len)
{
	const int64_t *slot = r && len ? strmap_find(&r->words, w, len) : NULL;

	return slot ? (uint32_t)*slot : 0;
}

/* 1 when the word s[0..len) ends with the string e (and is longer). */
static int ends_with(const char *s, size_t len, const char *e)
{
	size_t n = strlen(e);

	return s && len > n && !memcmp(s + len - n, e, n);
}

int repeat_rules_double(const struct repeat_rules *r, const char *w, size_t len,
			const struct repeat_context *c)
{
	uint32_t m = repeat_rules_classes(r, w, len);

	for (size_t k = 0; m && k < r->nrules; k++)
		if ((m & r->rule[k].first) && (m & r->rule[k].second) &&
		    (!r->rule[k].before_name || c->name_follows) &&
		    (!r->rule[k].ending[0] ||
		     ends_with(c->next, c->next_len, r->rule[k].ending)) &&
		    (!r->rule[k].after ||
		     (repeat_rules_classes(r, c->prev, c->prev_len) &
		      r->rule[k].after)))
			return 1;
	return 0;
}

int repeat_rules_capitals_mark_names(const struct repeat_rules *r)
{
	return r && r->capitals_mark_names;
}

int repeat_rules_has(const struct repeat_rules *r, enum repeat_role role,
		     const char *w, size_t len)
{
	return r && (repeat_rules_classes(r, w, len) & r->role[role]) != 0;
}
