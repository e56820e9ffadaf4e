/*
 * article_pack.c - a finished article as one flat byte string (see
 * article_pack.h).
 *
 * Layout: fixed-size fields copied as they are, then each string as its
 * length (size_t) and its bytes. Reading checks every length against the
 * bytes left, so that a short or damaged pack is refused, never read past.
 */
#include "common/article_pack.h"

#include <stdlib.h>
#include <string.h>

static void put(struct strbuf *out, const void *p, size_t n)
{
	sb_add(out, p, n);
}

static void put_size(struct strbuf *out, size_t v)
{
	put(out, &v, sizeof(v));
}

static void put_str(struct strbuf *out, const char *s, size_t n)
{
	put_size(out, n);
	put(out, s ? s : "", n);
}

/* A string that may be NULL, told from "" by a length of SIZE_MAX. */
static void put_opt_str(struct strbuf *out, const char *s, size_t n)
{
	if (s)
		put_str(out, s, n);
	else
		put_size(out, (size_t)-1);
}

void article_pack(const struct article *a, const char *clean, size_t clean_len,
		  struct strbuf *out)
{
	put_str(out, a->id, strlen(a->id));
	put_str(out, a->text, a->len);
	put_opt_str(out, clean, clean_len);
	put(out, a->lang, sizeof(a->lang));
	put_size(out, a->words);
	put_size(out, a->dropped);
	put_size(out, a->max_findings);
	put(out, a->counts, sizeof(a->counts));
	put(out, a->stats, sizeof(a->stats));
	put_size(out, a->nfindings);
	for (size_t i = 0; i < a->nfindings; i++) {
		const struct finding *f = &a->findings[i];
		int kind = (int)f->kind, applied = f->applied;

		put(out, &kind, sizeof(kind));
		put(out, &applied, sizeof(applied));
		put_size(out, f->start);
		put_size(out, f->end);
		put_size(out, f->seq);
		put(out, &f->confidence, sizeof(f->confidence));
		put_str(out, f->replacement, f->repl_len);
		put_opt_str(out, f->detail, f->detail ? strlen(f->detail) : 0);
	}
}

struct reader {
	const char *p;
	size_t left;
};

static int get(struct reader *r, void *dst, size_t n)
{
	if (n > r->left)
		return -1;
	memcpy(dst, r->p, n);
	r->p += n;
	r->left -= n;
	return 0;
}

static int get_size(struct reader *r, size_t *v)
{
	return get(r, v, sizeof(*v));
}

/* A string: malloc'd copy, NUL-terminated, its length in *n. */
static int get_str(struct reader *r, char **s, size_t *n)
{
	size_t len;

	if (get_size(r, &len) < 0 || len > r->left)
		return -1;
	*s = xmemdup(r->p, len);
	r->p += len;
	r->left -= len;
	if (n)
		*n = len;
	return 0;
}

/* A string written by put_opt_str: NULL when it was NULL. */
static int get_opt_str(struct reader *r, char **s, size_t *n)
{
	size_t len;

	if (get_size(r, &len) < 0)
		return -1;
	if (len == (size_t)-1) {
		*s = NULL;
		*n = 0;
		return 0;
	}
	if (len > r->left)
		return -1;
	*s = xmemdup(r->p, len);
	r->p += len;
	r->left -= len;
	*n = len;
	return 0;
}

static int get_finding(struct reader *r, struct finding *f)
{
	int kind, applied;
	size_t dlen;

	if (get(r, &kind, sizeof(kind)) < 0 ||
	    get(r, &applied, sizeof(applied)) < 0 || kind < 0 ||
	    kind >= FK__COUNT || get_size(r, &f->start) < 0 ||
	    get_size(r, &f->end) < 0 || get_size(r, &f->seq) < 0 ||
	    get(r, &f->confidence, sizeof(f->confidence)) < 0 ||
	    get_str(r, &f->replacement, &f->repl_len) < 0)
		return -1;
	f->kind = (enum finding_kind)kind;
	f->applied = applied;
	return get_opt_str(r, &f->detail, &dlen);
}

int article_unpack(struct article *a, const char *buf, size_t len, char **clean,
		   size_t *clean_len)
{
	struct reader r = {buf, len};
	size_t n;

	memset(a, 0, sizeof(*a));
	*clean = NULL;
	if (get_str(&r, &a->id, NULL) < 0 ||
	    get_str(&r, &a->text, &a->len) < 0 ||
	    get_opt_str(&r, clean, clean_len) < 0 ||
	    get(&r, a->lang, sizeof(a->lang)) < 0 ||
	    get_size(&r, &a->words) < 0 || get_size(&r, &a->dropped) < 0 ||
	    get_size(&r, &a->max_findings) < 0 ||
	    get(&r, a->counts, sizeof(a->counts)) < 0 ||
	    get(&r, a->stats, sizeof(a->stats)) < 0 || get_size(&r, &n) < 0 ||
	    n > r.left)
		goto bad;
	a->lang[sizeof(a->lang) - 1] = '\0';
	a->findings = xcalloc(n ? n : 1, sizeof(*a->findings));
	a->cap = n;
	for (; a->nfindings < n; a->nfindings++)
		if (get_finding(&r, &a->findings[a->nfindings]) < 0) {
			/* Released with the others. */
			a->nfindings++;
			goto bad;
		}
	if (r.left == 0)
		return 0;
bad:
	article_release(a);
	free(*clean);
	*clean = NULL;
	return -1;
}
