/*
 * variants_build.c - clustering the spellings of a batch into the name
 * variants table (the tiers, guards and canonical choice are described in
 * variants.h; docs/names.md gives the reasons).
 *
 * Outline: every spelling gets a key and a skeleton. The earlier table's
 * decisions make the first clusters. The other spellings are taken in a
 * fixed order (dictionary words first, then by frequency) and each either
 * attaches directly to an existing centre or becomes a centre, so the
 * canonical spelling of a cluster is its centre unless a decision says
 * otherwise, and a spelling is never pulled in through another member.
 */
#include "corpus/variants.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "common/utf8.h"
#include "common/util.h"

#define TIER2_SIMILARITY  0.92 /* same skeleton and this close: auto */
#define TIER3_SIMILARITY  0.80 /* rare spelling near a frequent name */
#define TIER3_MAX_COUNT	  2    /* "rare": at most this many mentions */
#define TIER3_RATIO	  3    /* the name is this many times as frequent */
#define MIN_KEY		  4    /* shorter keys (Al, Man, Eni) match nothing */
#define MIN_FUZZY_KEY	  5    /* nor do keys under 5 letters fuzzily */
#define SUGGEST_MIN_COUNT 2    /* Hunspell is asked about names seen twice */
#define SUGGEST_MAX_BYTES 40   /* longer words are garbage, and slow */
#define DICT_CONFIDENCE	  0.90
#define ALT_KEYS	  2 /* readings beside the key (German) */

static const double tier_confidence[] = {1.0, 0.95, 0.80, 0.40};
static const char *const tier_method[] = {"canonical", "key", "skeleton",
					  "context"};

struct vform {
	const char *form;	    /* spelling (borrowed) */
	const struct name_form *nf; /* batch counts and clues, or NULL */
	const struct variant_row *prior;
	char *key, *skel;
	size_t klen, slen;
	char *alt[ALT_KEYS]; /* keys of other readings (namekey_alt_keys) */
	size_t nalt;
	size_t count;
	int known;    /* the dictionary knows the spelling */
	unsigned cls; /* what the dictionary knows it as (dict_name_class) */
	int lower;    /* its lower case is another word the dictionary knows
		       * ("Selon", "Agence": lower_word) */
	int weak;     /* same key, but no independent sign of one name */
	int skip;     /* a common word at sentence starts: not a name */
	int centre;   /* index of its centre (itself for a centre), or -1 */
	int tier;     /* 0 centre, 1..3 matching tier, -1 earlier decision */
	const char *canonical; /* a centre's fixed spelling, or NULL */
	int from_dict; /* canonical is the dictionary's spelling of its key */
};

/* Centres listed under a key or skeleton (a centre can be listed under
 * several keys: those of its decided members). */
struct entry {
	int centre, next;
	int decided; /* listed by an earlier decision, not by a centre */
};

struct builder {
	const struct wordlist *titles; /* title words (Mme, Dr), or NULL */
	struct namekey *nk;
	struct dict *dict;
	struct dict *const *more_dicts; /* variants_opts' */
	size_t nmore_dicts;
	int defer; /* form_index leaves the new spellings' keys to
		    * form_props (add_names) */
	const struct variants_props *ahead; /* variants_opts' props */
	struct vform *f;
	size_t n, cap;
	struct strmap forms;	 /* folded spelling -> 1 + form */
	struct strmap by_key;	 /* key -> 1 + first entry */
	struct strmap by_skel;	 /* skeleton -> 1 + first entry */
	struct strmap rejected;	 /* "variant\x1fcanonical" folded */
	struct strmap clue_skel; /* clue word -> 1 + index in skels */
	char **skels;
	size_t nskels, skcap;
	char **owned; /* dictionary spellings adopted */
	size_t nowned, owncap, suggest_calls, suggest_max;
	struct entry *e;
	size_t ne, ecap;
	int *frequent[256]; /* centres with >= TIER3_RATIO mentions by
			     * first key byte, -1 terminated */
	size_t nfreq[256], freqcap[256];
};

/* Feminine and masculine forms of a Slavic surname differ by a final -a
 * (Zelenska, Zelensky; Petrova, Petrov): keys where one ends in a and the
 * other does not are different people. */
static int keys_gender_differ(const char *ka, size_t na, const char *kb,
			      size_t nb)
{
	int a = na && ka[na - 1] == 'a', b = nb && kb[nb - 1] == 'a';

	return a != b;
}

/* Keys long enough and of close length for a fuzzy comparison to mean
 * something (Rome / Romeo, Carl / Carley do not), of the same grammatical
 * gender, and not one the other with an ending added (France / Frances,
 * Chamber / Chambéry: inflections and derived words). */
static int fuzzy_keys(const char *ka, size_t na, const char *kb, size_t nb)
{
	size_t d = na > nb ? na - nb : nb - na;

	if (na < MIN_FUZZY_KEY || nb < MIN_FUZZY_KEY || d > 1 ||
	    keys_gender_differ(ka, na, kb, nb))
		return 0;
	return !(d && !memcmp(ka, kb, na < nb ? na : nb));
}

int variants_pair_tier(const char *ka, size_t na, const char *kb, size_t nb,
		       double *sim)
{
	size_t sa, sb;
	char *xa, *xb;
	int tier = 0;

	*sim = name_similarity(ka, na, kb, nb);
	if (na == nb && !memcmp(ka, kb, na))
		return na >= MIN_KEY ? 1 : 0;
	xa = namekey_skeleton(ka, na, &sa);
	xb = namekey_skeleton(kb, nb, &sb);
	if (sa && sa == sb && !memcmp(xa, xb, sa) && *sim >= TIER2_SIMILARITY &&
	    fuzzy_keys(ka, na, kb, nb))
		tier = 2;
	free(xa);
	free(xb);
	return tier;
}

static char *fold(const char *s, size_t *len)
{
	return utf8_fold(s, strlen(s), len);
}

/* 1 when the lower case of form is another word d knows ("Selon",
 * "Agence"). */
static int lower_word(struct dict *d, const char *form)
{
	size_t n;
	char *low = utf8_lower(form, strlen(form), &n);
	int word = strcmp(low, form) && dict_check(d, low, n);

	free(low);
	return word;
}

/* What a spelling alone decides: its keys and what the dictionary knows
 * of it. */
struct props {
	char *key, *skel;
	size_t klen, slen;
	char *alt[ALT_KEYS];
	size_t nalt;
	int known;
	unsigned cls;
	int lower;
};

static void props_compute(struct props *p, const char *s, struct namekey *nk,
			  struct dict *d)
{
	p->key = namekey_key(nk, s, strlen(s), &p->klen);
	p->skel = namekey_skeleton(p->key, p->klen, &p->slen);
	p->nalt = namekey_alt_keys(nk, s, strlen(s), p->key, p->alt, ALT_KEYS);
	p->known = d && dict_check(d, s, strlen(s));
	p->cls = p->known ? dict_name_class(d, s, strlen(s)) : 0;
	p->lower = d ? lower_word(d, s) : 0;
}

struct variants_props {
	struct namekey *nk;
	struct dict *d;
	struct strmap index; /* spelling -> 1 + its entry in v */
	struct props *v;
	size_t n, cap;
};

struct variants_props *variants_props_new(struct namekey *nk, struct dict *d)
{
	struct variants_props *p = xcalloc(1, sizeof(*p));

	p->nk = nk;
	p->d = d;
	strmap_init(&p->index);
	return p;
}

void variants_props_add(struct variants_props *p, const char *form)
{
	int64_t *slot = strmap_put(&p->index, form, strlen(form));

	if (*slot)
		return;
	GROW(p->v, p->cap, p->n + 1);
	props_compute(&p->v[p->n], form, p->nk, p->d);
	*slot = (int64_t)++p->n;
}

void variants_props_free(struct variants_props *p)
{
	if (!p)
		return;
	for (size_t i = 0; i < p->n; i++) {
		free(p->v[i].key);
		free(p->v[i].skel);
		for (size_t k = 0; k < p->v[i].nalt; k++)
			free(p->v[i].alt[k]);
	}
	free(p->v);
	strmap_release(&p->index);
	free(p);
}

/* f's properties: copied from ahead (read-only here: any thread), else
 * computed with nk and d (either the builder's or a copy used by one
 * thread of form_props_all). */
static void form_props(struct vform *f, const struct variants_props *ahead,
		       struct namekey *nk, struct dict *d)
{
	const int64_t *slot =
	    ahead ? strmap_find(&ahead->index, f->form, strlen(f->form)) : NULL;
	struct props p;

	if (slot) {
		p = ahead->v[*slot - 1];
		p.key = xmemdup(p.key, p.klen);
		p.skel = xmemdup(p.skel, p.slen);
		for (size_t k = 0; k < p.nalt; k++)
			p.alt[k] = xstrdup(p.alt[k]);
	} else {
		props_compute(&p, f->form, nk, d);
	}
	f->key = p.key;
	f->klen = p.klen;
	f->skel = p.skel;
	f->slen = p.slen;
	for (size_t k = 0; k < p.nalt; k++)
		f->alt[k] = p.alt[k];
	f->nalt = p.nalt;
	f->known = p.known;
	f->cls = p.cls;
	f->lower = p.lower;
}

static int form_index(struct builder *b, const char *s, int add)
{
	size_t n;
	char *k = fold(s, &n);
	int64_t *p =
	    add ? strmap_put(&b->forms, k, n) : strmap_find(&b->forms, k, n);
	struct vform *f;

	free(k);
	if (!p)
		return -1;
	if (*p)
		return (int)*p - 1;
	GROW(b->f, b->cap, b->n + 1);
	f = &b->f[b->n];
	memset(f, 0, sizeof(*f));
	f->form = s;
	f->centre = -1;
	if (!b->defer)
		form_props(f, b->ahead, b->nk, b->dict);
	*p = (int64_t)++b->n;
	return (int)b->n - 1;
}

/* ---- the spellings' keys, on several threads ---- */

#define PROPS_CHUNK 64 /* spellings a thread takes at a time */

struct props_job {
	struct vform *f;
	size_t n;
	const struct variants_props *ahead;
	atomic_size_t next; /* first spelling not taken */
};

static void props_run(struct props_job *job, struct namekey *nk, struct dict *d)
{
	for (;;) {
		size_t i = atomic_fetch_add(&job->next, PROPS_CHUNK), end;

		if (i >= job->n)
			return;
		end = i + PROPS_CHUNK < job->n ? i + PROPS_CHUNK : job->n;
		for (; i < end; i++)
			form_props(&job->f[i], job->ahead, nk, d);
	}
}

struct props_thread {
	pthread_t id;
	struct props_job *job;
	struct namekey *nk; /* a copy, owned */
	struct dict *d;	    /* one of variants_opts' more_dicts */
};

static void *props_main(void *arg)
{
	struct props_thread *t = arg;

	props_run(t->job, t->nk, t->d);
	return NULL;
}

/* form_props of b->f[from..b->n): on this thread with the builder's nk
 * and dict, and on one more thread per dictionary of more_dicts (each
 * with a copy of nk). Every spelling's result depends on its spelling
 * alone, so the table is the same with any number of threads. */
static void form_props_all(struct builder *b, size_t from)
{
	struct props_job job = {b->f + from, b->n - from, b->ahead, 0};
	size_t nt = b->dict ? b->nmore_dicts : 0, started = 0;
	struct props_thread *t;

	/* A thread per 1,000 spellings at most: starting one costs more
	 * than a few hundred keys. */
	if (nt > job.n / 1000 || b->ahead) /* copies need no threads */
		nt = b->ahead ? 0 : job.n / 1000;
	t = xcalloc(nt + 1, sizeof(*t));
	for (size_t i = 0; i < nt; i++) {
		t[started].job = &job;
		t[started].d = b->more_dicts[i];
		t[started].nk = namekey_clone(b->nk);
		if (!t[started].nk)
			break;
		if (pthread_create(&t[started].id, NULL, props_main,
				   &t[started])) {
			namekey_free(t[started].nk);
			break;
		}
		started++;
	}
	props_run(&job, b->nk, b->dict);
	for (size_t i = 0; i < started; i++) {
		pthread_join(t[i].id, NULL);
		namekey_free(t[i].nk);
	}
	free(t);
}

static void list_under(struct builder *b, struct strmap *m, const char *k,
		       size_t len, int centre, int decided)
{
	int64_t *head;

	if (!len)
		return;
	head = strmap_put(m, k, len);
	GROW(b->e, b->ecap, b->ne + 1);
	b->e[b->ne].centre = centre;
	b->e[b->ne].decided = decided;
	b->e[b->ne].next = (int)*head - 1;
	*head = (int64_t)++b->ne;
}

static void make_centre(struct builder *b, int i)
{
	struct vform *f = &b->f[i];
	unsigned char c = f->klen ? (unsigned char)f->key[0] : 0;

	f->centre = i;
	f->tier = 0;
	list_under(b, &b->by_key, f->key, f->klen, i, 0);
	for (size_t k = 0; k < f->nalt; k++)
		list_under(b, &b->by_key, f->alt[k], strlen(f->alt[k]), i, 0);
	list_under(b, &b->by_skel, f->skel, f->slen, i, 0);
	if (f->count >= TIER3_RATIO) {
		GROW(b->frequent[c], b->freqcap[c], b->nfreq[c] + 1);
		b->frequent[c][b->nfreq[c]++] = i;
	}
}

/* ---- guards ---- */

/* The skeletons of a clue word's keys, one per reading, joined by '|'
 * ("Gortensij": its own and its German reading's). */
static const char *clue_skeleton(struct builder *b, const char *w)
{
	int64_t *p = strmap_put(&b->clue_skel, w, strlen(w));
	char *keys[1 + ALT_KEYS];
	struct strbuf all;
	size_t kl, sl, nk;

	if (!*p) {
		keys[0] = namekey_key(b->nk, w, strlen(w), &kl);
		nk = 1 + namekey_alt_keys(b->nk, w, strlen(w), keys[0],
					  keys + 1, ALT_KEYS);
		sb_init(&all);
		for (size_t i = 0; i < nk; i++) {
			char *sk =
			    namekey_skeleton(keys[i], strlen(keys[i]), &sl);
			sb_addf(&all, "%s%s|", i ? "" : "|", sk);
			free(sk);
			free(keys[i]);
		}
		GROW(b->skels, b->skcap, b->nskels + 1);
		b->skels[b->nskels++] = sb_detach(&all, NULL);
		*p = (int64_t)b->nskels;
	}
	return b->skels[*p - 1];
}

/* Two clue words are one name when one skeleton of each is the same. */
static int same_clue(struct builder *b, const char *x, const char *y)
{
	const char *sx = clue_skeleton(b, x), *sy = clue_skeleton(b, y);

	for (const char *p = sx; *p && p[1];) {
		const char *e = strchr(p + 1, '|');
		size_t n = (size_t)(e - p) + 1; /* "|sk|" */
		char buf[72];

		if (n < sizeof(buf)) {
			memcpy(buf, p, n);
			buf[n] = '\0';
			if (strstr(sy, buf))
				return 1;
		}
		p = e;
	}
	return 0;
}

static int is_title(struct builder *b, const char *form);

/* A clue word that is a common word ("Selon" Zelenskiy) says nothing; a
 * title (Dr, Mme) is no name either, but it marks a person, in a shard as
 * in the whole batch. */
static int clue_counts(struct builder *b, const char *w)
{
	int i = form_index(b, w, 0);

	return i < 0 || !b->f[i].skip || is_title(b, w);
}

/* 1 when both spellings have clues of a kind and none of them share a
 * skeleton: written beside different names, so different people. */
static int clues_conflict(struct builder *b, const struct vform *x,
			  const struct vform *y, enum name_clue_kind k)
{
	const struct name_clues *cx, *cy;
	size_t nx = 0, ny = 0;

	if (!x->nf || !y->nf)
		return 0;
	cx = &x->nf->clues[k];
	cy = &y->nf->clues[k];
	for (size_t i = 0; i < cx->n; i++) {
		if (!clue_counts(b, cx->v[i].word))
			continue;
		nx++;
		for (size_t j = 0; j < cy->n; j++) {
			if (!clue_counts(b, cy->v[j].word))
				continue;
			ny++;
			if (same_clue(b, cx->v[i].word, cy->v[j].word))
				return 0;
		}
	}
	return nx && ny;
}

static int gender_differs(const struct vform *x, const struct vform *y)
{
	return keys_gender_differ(x->key, x->klen, y->key, y->klen);
}

/* Mostly written before another name (a given name, "Truth" Social)
 * against mostly not. */
static int role_differs(const struct vform *x, const struct vform *y)
{
	int fx = x->nf && x->nf->first * 2 > x->nf->count;
	int fy = y->nf && y->nf->first * 2 > y->nf->count;

	return fx != fy;
}

static int same_fold(const char *a, const char *z)
{
	size_t na, nz;
	char *fa = fold(a, &na), *fz = fold(z, &nz);
	int same = na == nz && !memcmp(fa, fz, na);

	free(fa);
	free(fz);
	return same;
}

static int is_rejected(struct builder *b, const struct vform *f,
		       const struct vform *c)
{
	struct strbuf k;
	size_t n1, n2;
	char *a = fold(f->form, &n1);
	char *z = fold(c->canonical ? c->canonical : c->form, &n2);
	int r;

	sb_init(&k);
	sb_add(&k, a, n1);
	sb_addc(&k, '\x1f');
	sb_add(&k, z, n2);
	r = strmap_find(&b->rejected, k.buf, k.len) != NULL;
	sb_release(&k);
	free(a);
	free(z);
	return r;
}

/* Both spellings are rows of the table passed back (--variants), each its
 * own canonical: the run that wrote it kept them apart, and a spelling
 * chosen stays chosen (the next run, on its own cleaned output, must make
 * the same decisions). */
static int kept_apart(const struct vform *f, const struct vform *c)
{
	const struct variant_row *x = f->prior, *y = c->prior;

	return x && y && x->status != VS_REJECTED && y->status != VS_REJECTED &&
	       same_fold(x->variant, x->canonical) &&
	       same_fold(y->variant, y->canonical);
}

static int has_clue(struct builder *b, const struct vform *f,
		    enum name_clue_kind k);

/* A name of its own in the dictionary: a first name (Hugues, Hassan), a
 * place (Munich) or a common word, not only a surname (the dictionary's
 * Poutine, Gorbatchev are the French spellings of foreign surnames). */
static int own_name(const struct vform *f)
{
	if (!f->known)
		return 0;
	if (f->cls & (DICT_GIVEN | DICT_PLACE))
		return 1;
	return !(f->cls & DICT_SURNAME);
}

/* x is the dictionary's first name or place, y is written after a given
 * name (a person's surname) and x never is: Munich and Lee Munnich,
 * Hugues and Chris Hughes are not one name. */
static int person_and_known(struct builder *b, const struct vform *x,
			    const struct vform *y)
{
	return x->known && x->cls & (DICT_GIVEN | DICT_PLACE) &&
	       !(x->cls & DICT_SURNAME) && has_clue(b, y, NC_GIVEN) &&
	       !has_clue(b, x, NC_GIVEN);
}

static int vetoed(struct builder *b, const struct vform *f,
		  const struct vform *c, int tier)
{
	if ((f->known && c->known) || is_rejected(b, f, c) ||
	    kept_apart(f, c) || clues_conflict(b, f, c, NC_GIVEN) ||
	    person_and_known(b, f, c) || person_and_known(b, c, f))
		return 1;
	if (tier == 1)
		return 0;
	return gender_differs(f, c) || role_differs(f, c) ||
	       clues_conflict(b, f, c, NC_NEXT);
}

static int has_clue(struct builder *b, const struct vform *f,
		    enum name_clue_kind k)
{
	for (size_t i = 0; f->nf && i < f->nf->clues[k].n; i++)
		if (clue_counts(b, f->nf->clues[k].v[i].word))
			return 1;
	return 0;
}

/* ---- tiers ---- */

/* The first centre listed under key k[0..n) that f may join, or -1. */
static int tier1_key(struct builder *b, const struct vform *f, const char *k,
		     size_t n)
{
	int64_t *p = n ? strmap_find(&b->by_key, k, n) : NULL;

	for (int e = p ? (int)*p - 1 : -1; e >= 0; e = b->e[e].next)
		if ((n >= MIN_KEY || b->e[e].decided) &&
		    !vetoed(b, f, &b->f[b->e[e].centre], 1))
			return b->e[e].centre;
	return -1;
}

/* Same key, or the same key in another reading (Selenskyj read the
 * German way is Zelensky). */
static int tier1(struct builder *b, const struct vform *f)
{
	int c = tier1_key(b, f, f->key, f->klen);

	for (size_t k = 0; c < 0 && k < f->nalt; k++)
		c = tier1_key(b, f, f->alt[k], strlen(f->alt[k]));
	return c;
}

static int fuzzy_pair(const struct vform *f, const struct vform *c)
{
	return fuzzy_keys(f->key, f->klen, c->key, c->klen);
}

static int tier2(struct builder *b, const struct vform *f, double *best)
{
	int64_t *p =
	    f->slen ? strmap_find(&b->by_skel, f->skel, f->slen) : NULL;
	int found = -1;

	for (int e = p ? (int)*p - 1 : -1; e >= 0; e = b->e[e].next) {
		const struct vform *c = &b->f[b->e[e].centre];
		double s = name_similarity(f->key, f->klen, c->key, c->klen);
		if (!fuzzy_pair(f, c) || f->count > 2 * c->count)
			continue;
		if (s >= TIER2_SIMILARITY && s > *best && !vetoed(b, f, c, 2)) {
			*best = s;
			found = b->e[e].centre;
		}
	}
	return found;
}

/* The rare spelling and the name share a given name or a title, or two
 * other names of their sentences. */
static int share_context(struct builder *b, const struct vform *f,
			 const struct vform *c)
{
	static const enum name_clue_kind kinds[] = {NC_GIVEN, NC_TITLE,
						    NC_NEAR};
	size_t near = 0;

	if (!f->nf || !c->nf)
		return 0;
	for (size_t a = 0; a < ARRAY_SIZE(kinds); a++) {
		const struct name_clues *x = &f->nf->clues[kinds[a]];
		const struct name_clues *y = &c->nf->clues[kinds[a]];
		for (size_t i = 0; i < x->n; i++)
			for (size_t j = 0; j < y->n; j++) {
				if (strcmp(x->v[i].word, y->v[j].word) ||
				    !clue_counts(b, x->v[i].word))
					continue;
				if (kinds[a] != NC_NEAR || ++near >= 2)
					return 1;
			}
	}
	return 0;
}

static int close_length(const struct vform *f, const struct vform *c)
{
	size_t a = utf8_count(f->form, strlen(f->form));
	size_t z = utf8_count(c->form, strlen(c->form));

	return (a > z ? a - z : z - a) <= 2;
}

static int tier3(struct builder *b, const struct vform *f, double *best)
{
	unsigned char k = f->klen ? (unsigned char)f->key[0] : 0;
	int found = -1;

	if (f->known || f->klen < MIN_FUZZY_KEY || f->count > TIER3_MAX_COUNT)
		return -1;
	for (size_t i = 0; i < b->nfreq[k]; i++) {
		const struct vform *c = &b->f[b->frequent[k][i]];
		double s = name_similarity(f->key, f->klen, c->key, c->klen);
		if (s < TIER3_SIMILARITY || s <= *best ||
		    c->klen < MIN_FUZZY_KEY ||
		    c->count < TIER3_RATIO * f->count || !close_length(f, c) ||
		    !share_context(b, f, c) || vetoed(b, f, c, 3))
			continue;
		*best = s;
		found = b->frequent[k][i];
	}
	return found;
}

/* A spelling the dictionary knows as a proper noun only ("Koursk", not
 * "Poutine", which is also a dish). */
static int proper_noun(struct builder *b, const char *s)
{
	size_t n;
	char *low;
	int common;

	if (!utf8_starts_upper(s, strlen(s)) ||
	    !dict_check(b->dict, s, strlen(s)))
		return 0;
	low = utf8_lower(s, strlen(s), &n);
	common = dict_check(b->dict, low, n);
	free(low);
	return !common;
}

/* A new centre the dictionary does not know may be a foreign spelling of
 * a proper noun it does know (Kursk / Koursk, Yeltsin / Eltsine): ask
 * Hunspell, and adopt a suggestion with the same key. Deterministic: the
 * most frequent centres are asked first, up to a fixed number. */
static void dictionary_spelling(struct builder *b, int i)
{
	struct vform *f = &b->f[i];
	char **list;
	size_t n;

	if (!b->dict || f->known || !f->klen ||
	    (f->prior && variant_status_decided(f->prior->status)) ||
	    f->count < SUGGEST_MIN_COUNT ||
	    strlen(f->form) > SUGGEST_MAX_BYTES ||
	    b->suggest_calls >= b->suggest_max)
		return;
	b->suggest_calls++;
	n = dict_suggest(b->dict, f->form, strlen(f->form), &list, 8);
	for (size_t k = 0; k < n && !f->canonical; k++) {
		size_t kl;
		char *key = namekey_key(b->nk, list[k], strlen(list[k]), &kl);
		if (kl == f->klen && !memcmp(key, f->key, kl) &&
		    proper_noun(b, list[k])) {
			GROW(b->owned, b->owncap, b->nowned + 1);
			b->owned[b->nowned++] = xstrdup(list[k]);
			f->canonical = b->owned[b->nowned - 1];
			f->from_dict = 1;
		}
		free(key);
	}
	dict_free_list(list, n);
}

/* Both spellings have a clue of kind k whose words are one name (same
 * skeleton: Vladimir / Wladimir). */
static int clues_shared(struct builder *b, const struct vform *x,
			const struct vform *y, enum name_clue_kind k)
{
	const struct name_clues *cx = &x->nf->clues[k], *cy = &y->nf->clues[k];

	for (size_t i = 0; i < cx->n; i++) {
		if (!clue_counts(b, cx->v[i].word))
			continue;
		for (size_t j = 0; j < cy->n; j++)
			if (clue_counts(b, cy->v[j].word) &&
			    same_clue(b, cx->v[i].word, cy->v[j].word))
				return 1;
	}
	return 0;
}

/* x is written in a sentence beside y: two names, not one. */
static int written_beside(const struct vform *x, const struct vform *y)
{
	const struct name_clues *c = &x->nf->clues[NC_NEAR];

	for (size_t i = 0; i < c->n; i++)
		if (same_fold(c->v[i].word, y->form))
			return 1;
	return 0;
}

/* Independent evidence, beside the key, that f and its centre c are one
 * name: the same given name or title before them (or, for first names,
 * the same surname after them), never written side by side (same_clues),
 * and neither a name of its own in the dictionary (same_entity). */
static int same_clues(struct builder *b, const struct vform *f,
		      const struct vform *c)
{
	if (!f->nf || !c->nf || written_beside(f, c) || written_beside(c, f))
		return 0;
	return clues_shared(b, f, c, NC_GIVEN) ||
	       clues_shared(b, f, c, NC_TITLE) ||
	       clues_shared(b, f, c, NC_NEXT);
}

static int same_entity(struct builder *b, const struct vform *f,
		       const struct vform *c)
{
	if (own_name(f) || (own_name(c) && !c->canonical))
		return 0;
	return same_clues(b, f, c);
}

/* A key match is applied without review when the spellings differ only by
 * case and by diacritics the spelling lost, or when the batch says they are
 * one name; otherwise it is proposed (pending). Diacritics are what scraping
 * and ASCII folding lose ("Elysee", "Hernandez"), never what they add or
 * change: a spelling is never rewritten into one without all of its
 * diacritics ("Saúl" into "Saul", "Cádiz" into "Cadiz", "Andrès" into
 * "Andrés"), which would be the damage itself; that pair is proposed. So is a
 * spelling that lacks diacritics only on its capitals ("Etats-Unis", "Eric",
 * "l'Economie"): French and Spanish writers leave capitals unaccented by
 * habit, a style of the text, not damage. Nor is a spelling that English
 * writes so ("Joel" Coen beside a "Joël", "Department of Education",
 * "Montreal") given diacritics without the batch's evidence: it may be right
 * as written, for another person or in an English name. */
static int weak_match(struct builder *b, const struct vform *f,
		      const struct vform *c)
{
	const char *cs = c->canonical ? c->canonical : c->form;

	if (namekey_same_letters(b->nk, f->form, strlen(f->form), cs,
				 strlen(cs))) {
		enum namekey_marks m = namekey_marks_added(
		    f->form, strlen(f->form), cs, strlen(cs));

		if (m == NAMEKEY_MARKS_LOST || m == NAMEKEY_MARKS_ON_CAPITALS)
			return 1;
		/* One name in two spellings: only the person is in doubt. */
		return m == NAMEKEY_MARKS_ON_LOWER && b->dict &&
		       dict_check_loanword(b->dict, f->form, strlen(f->form)) &&
		       !same_clues(b, f, c);
	}
	return !same_entity(b, f, c);
}

static void place(struct builder *b, int i)
{
	struct vform *f = &b->f[i];
	double best = 0;
	int c = tier1(b, f), tier = 1;

	if (c < 0) {
		tier = 2;
		c = tier2(b, f, &best);
	}
	if (c < 0) {
		tier = 3;
		best = 0;
		c = tier3(b, f, &best);
	}
	if (c < 0) {
		make_centre(b, i);
		dictionary_spelling(b, i);
		return;
	}
	f->centre = c;
	f->tier = tier;
	f->weak = tier == 1 && weak_match(b, f, &b->f[c]);
}

/* ---- earlier decisions ---- */

/* A row the next run keeps: an editor's or the seed table's decision, or
 * an automatic spelling an earlier run chose. */
static int sticky(const struct variant_row *r)
{
	if (r->status == VS_REJECTED || r->status == VS_PENDING)
		return 0;
	return variant_status_decided(r->status) ||
	       !same_fold(r->variant, r->canonical);
}

/* Follow canonical -> canonical chains of decisions (bounded, so a cycle
 * an editor wrote ends somewhere). */
static const char *resolve(const struct variants *prior, const char *c)
{
	for (int hop = 0; hop < 8; hop++) {
		const struct variant_row *r =
		    variants_find(prior, c, strlen(c));
		if (!r || !sticky(r) || same_fold(r->canonical, c))
			break;
		c = r->canonical;
	}
	return c;
}

static void add_rejection(struct builder *b, const struct variant_row *r)
{
	struct strbuf k;
	size_t n1, n2;
	char *a = fold(r->variant, &n1), *z = fold(r->canonical, &n2);

	sb_init(&k);
	sb_add(&k, a, n1);
	sb_addc(&k, '\x1f');
	sb_add(&k, z, n2);
	*strmap_put(&b->rejected, k.buf, k.len) = 1;
	sb_release(&k);
	free(a);
	free(z);
}

static void add_decision(struct builder *b, const struct variants *prior,
			 const struct variant_row *r)
{
	const char *canon = resolve(prior, r->canonical);
	int ci = form_index(b, canon, 1), vi = form_index(b, r->variant, 1);
	struct vform *v = &b->f[vi];

	if (b->f[ci].centre < 0) {
		make_centre(b, ci);
		b->f[ci].canonical = canon;
	} else if (b->f[ci].centre != ci) {
		ci = b->f[ci].centre;
	}
	v->prior = r;
	if (vi == ci || v->centre >= 0)
		return;
	v->centre = ci;
	v->tier = -1;
	list_under(b, &b->by_key, v->key, v->klen, ci, 1);
	for (size_t k = 0; k < v->nalt; k++)
		list_under(b, &b->by_key, v->alt[k], strlen(v->alt[k]), ci, 1);
}

static void add_prior(struct builder *b, const struct variants *prior)
{
	if (!prior)
		return;
	for (size_t i = 0; i < prior->n; i++) {
		const struct variant_row *r = &prior->rows[i];
		int vi = form_index(b, r->variant, 1);
		b->f[vi].prior = r;
		if (r->status == VS_REJECTED)
			add_rejection(b, r);
	}
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < prior->n; i++) {
			const struct variant_row *r = &prior->rows[i];
			if (sticky(r) &&
			    variant_status_decided(r->status) == !pass)
				add_decision(b, prior, r);
		}
}

/* ---- the batch's spellings ---- */

/* Not a name: a common word of the language ("Selon", "Cette", "Agence",
 * "Université") that nothing marks as a person's name. Spellings only
 * seen at sentence starts are judged first, so that their clues do not
 * count as evidence for the others. */
static int is_title(struct builder *b, const char *form)
{
	return b->titles && wordlist_has(b->titles, form, strlen(form));
}

/* Mostly at sentence starts, where any word takes a capital, and not a
 * name the dictionary knows ("Le" of 292 sentences against "Marine Le
 * Pen" twice; "Poutine" is also the dictionary's surname). */
static int mostly_initial(const struct vform *f)
{
	return f->nf && f->nf->initial * 2 > f->nf->count &&
	       !(f->cls & (DICT_GIVEN | DICT_SURNAME | DICT_PLACE));
}

/* A spelling of the batch whose status the collection decides (not left
 * out already, not fixed by an editor's row or the seed table). */
static int judged(const struct vform *f)
{
	return f->nf && !f->skip &&
	       !(f->prior &&
		 (sticky(f->prior) || f->prior->status == VS_REJECTED));
}

static void mark_common_words(struct builder *b)
{
	size_t *cand, ncand = 0;
	int changed = 1;

	for (size_t i = 0; i < b->n; i++)
		if (b->f[i].nf && !b->f[i].prior && is_title(b, b->f[i].form))
			b->f[i].skip = 1; /* Mme, Dr: titles, not names */
	if (!b->dict)
		return;
	/* Spellings only seen at sentence starts first: their clues do not
	 * count as evidence for the others. */
	for (size_t i = 0; i < b->n; i++)
		if (judged(&b->f[i]) &&
		    b->f[i].nf->initial >= b->f[i].nf->count)
			b->f[i].skip = b->f[i].lower;
	/* Then every other common word, all at once: each is left out until
	 * a clue that counts (a given name or a title written before it,
	 * itself no common word) marks it as a name, and that is repeated
	 * until nothing changes. Deciding one spelling after the other would
	 * make the clue words' state, so the table, depend on the order in
	 * which the batch met them. A spelling the dictionary has an entry
	 * for with its capital, mostly inside sentences, is a name
	 * ("États-Unis", whose lower case Hunspell accepts as two words). */
	cand = xmalloc((b->n + 1) * sizeof(*cand));
	for (size_t i = 0; i < b->n; i++) {
		struct vform *f = &b->f[i];

		if (judged(f) && f->nf->initial < f->nf->count && f->lower &&
		    !(f->cls & DICT_CAPITAL && !mostly_initial(f))) {
			f->skip = 1;
			cand[ncand++] = i;
		}
	}
	while (changed) {
		changed = 0;
		for (size_t k = 0; k < ncand; k++) {
			struct vform *f = &b->f[cand[k]];

			if (f->skip && !mostly_initial(f) &&
			    (has_clue(b, f, NC_GIVEN) ||
			     has_clue(b, f, NC_TITLE))) {
				f->skip = 0;
				changed = 1;
			}
		}
	}
	free(cand);
}

static int by_mentions(const void *pa, const void *pb)
{
	const struct name_form *a = *(const struct name_form *const *)pa;
	const struct name_form *z = *(const struct name_form *const *)pb;

	if (a->count != z->count)
		return a->count > z->count ? -1 : 1;
	return strcmp(a->form, z->form);
}

/* The batch's spellings, most mentioned first: of spellings that differ
 * only by case ("Commerzialbank", "CommerzialBank"), the most mentioned
 * one stands for all, whatever the order the batch met them in. */
static void add_names(struct builder *b, const struct names *names)
{
	const struct name_form **order;
	size_t n = names ? names->n : 0;

	size_t from = b->n;

	order = xmalloc((n + 1) * sizeof(*order));
	for (size_t i = 0; i < n; i++)
		order[i] = &names->forms[i];
	xqsort(order, n, sizeof(*order), by_mentions);
	b->defer = 1;
	for (size_t i = 0; i < n; i++) {
		const struct name_form *nf = order[i];
		int k = form_index(b, nf->form, 1);
		struct vform *f = &b->f[k];

		if (f->nf) { /* same spelling up to case: add up */
			f->count += nf->count;
			continue;
		}
		f->nf = nf;
		f->count = nf->count;
	}
	b->defer = 0;
	free(order);
	form_props_all(b, from);
}

static const struct builder *sort_builder;

static int by_rank(const void *pa, const void *pb)
{
	const struct vform *a = &sort_builder->f[*(const int *)pa];
	const struct vform *z = &sort_builder->f[*(const int *)pb];

	if (a->known != z->known)
		return z->known - a->known;
	if (a->count != z->count)
		return a->count > z->count ? -1 : 1;
	return strcmp(a->form, z->form);
}

static void cluster(struct builder *b)
{
	int *order = xmalloc((b->n + 1) * sizeof(*order));
	size_t n = 0;

	for (size_t i = 0; i < b->n; i++)
		if (b->f[i].centre < 0 && !b->f[i].skip)
			order[n++] = (int)i;
	sort_builder = b;
	xqsort(order, n, sizeof(*order), by_rank);
	for (size_t i = 0; i < n; i++)
		place(b, order[i]);
	free(order);
}

/* ---- rows ---- */

struct group {
	int centre;
	size_t total;
	int *m; /* members other than the centre */
	size_t n, cap;
};

static void set_str(char **dst, const char *s)
{
	char *c = xstrdup(s ? s : "");

	free(*dst);
	*dst = c;
}

/* A hint for editors: written after a given name, a person; mostly
 * before another name, a given name. */
static const char *infer_type(struct builder *b, const struct vform *f)
{
	if (!f->nf)
		return "name";
	if (f->nf->first * 2 > f->nf->count)
		return "given";
	if (has_clue(b, f, NC_GIVEN))
		return "person";
	return "name";
}

/* A row the run keeps as the editor or the seed table wrote it. */
static int kept_as_written(const struct variant_row *r)
{
	return r && (sticky(r) || r->status == VS_REJECTED);
}

static void emit(struct builder *b, struct variants *out, int i,
		 const struct group *g)
{
	const struct vform *f = &b->f[i], *c = &b->f[g->centre];
	const struct variant_row *p = f->prior;
	struct variant_row *r;
	struct strbuf ev;

	if (variants_find(
		out, p && kept_as_written(p) ? p->variant : f->form,
		strlen(p && kept_as_written(p) ? p->variant : f->form)))
		return; /* a refused pair's row, written first */
	if (kept_as_written(p)) {
		r = variants_add(out, p->variant, p->canonical, p->status);
		set_str(&r->method, *p->method ? p->method : "editor");
		set_str(&r->type, *p->type ? p->type : infer_type(b, f));
		r->confidence = p->confidence;
	} else {
		int tier = i == g->centre ? 0 : f->tier;
		r = variants_add(out, f->form,
				 c->canonical ? c->canonical : c->form,
				 tier >= 2 || f->weak ? VS_PENDING : VS_AUTO);
		set_str(&r->method, g->n ? tier_method[tier] : "single");
		set_str(&r->type, p && *p->type ? p->type : infer_type(b, f));
		r->confidence = tier_confidence[tier];
		if (tier == 0 && f->from_dict) {
			set_str(&r->method, "dictionary");
			r->confidence = DICT_CONFIDENCE;
		}
	}
	set_str(&r->key, f->key);
	r->count = f->count;
	r->articles = f->nf ? f->nf->articles : 0;
	sb_init(&ev);
	if (f->nf)
		name_form_evidence(f->nf, &ev);
	set_str(&r->evidence, ev.buf);
	sb_release(&ev);
}

/* Rows worth writing: seen in the batch, or an editor's decision. */
static int worth_row(const struct vform *f)
{
	return f->count > 0 || (f->prior && f->prior->status != VS_SEED &&
				kept_as_written(f->prior));
}

static int by_count(const void *pa, const void *pb)
{
	const struct vform *a = &sort_builder->f[*(const int *)pa];
	const struct vform *z = &sort_builder->f[*(const int *)pb];

	if (a->count != z->count)
		return a->count > z->count ? -1 : 1;
	return strcmp(a->form, z->form);
}

static int by_group(const void *pa, const void *pb)
{
	const struct group *a = pa, *z = pb;

	if (!a->n != !z->n)
		return a->n ? -1 : 1;
	if (a->total != z->total)
		return a->total > z->total ? -1 : 1;
	return strcmp(sort_builder->f[a->centre].form,
		      sort_builder->f[z->centre].form);
}

static struct group *make_groups(struct builder *b, size_t *ng)
{
	struct group *g = xcalloc(b->n + 1, sizeof(*g));
	int *slot = xmalloc((b->n + 1) * sizeof(*slot));
	size_t n = 0;

	for (size_t i = 0; i < b->n; i++) {
		slot[i] = -1;
		if (b->f[i].centre == (int)i) {
			slot[i] = (int)n;
			g[n++].centre = (int)i;
		}
	}
	for (size_t i = 0; i < b->n; i++) {
		const struct vform *f = &b->f[i];
		struct group *x;
		if (f->centre < 0 || !worth_row(f))
			continue;
		x = &g[slot[f->centre]];
		x->total += f->count;
		if (f->centre == (int)i)
			continue;
		GROW(x->m, x->cap, x->n + 1);
		x->m[x->n++] = (int)i;
	}
	free(slot);
	sort_builder = b;
	for (size_t i = 0; i < n; i++)
		xqsort(g[i].m, g[i].n, sizeof(int), by_count);
	xqsort(g, n, sizeof(*g), by_group);
	*ng = n;
	return g;
}

/* Common words are no names, but shard tables carry them so that a merge
 * judges them on the whole batch's clues. */
static void write_common_words(struct builder *b, struct variants *out)
{
	for (size_t i = 0; i < b->n; i++) {
		const struct vform *f = &b->f[i];
		struct group one = {.centre = (int)i};
		struct variant_row *r;
		if (!f->skip || !f->nf || !f->count)
			continue;
		emit(b, out, (int)i, &one);
		r = (struct variant_row *)variants_find(out, f->form,
							strlen(f->form));
		if (r && r->status == VS_AUTO && !strcmp(r->variant, f->form))
			set_str(&r->method, "common");
	}
}

static void write_rows(struct builder *b, struct variants *out,
		       const struct variants_opts *opt)
{
	size_t ng;
	struct group *g = make_groups(b, &ng);

	/* Rejections first, so that the row of a refused pair is the one
	 * written even when the spelling joined another cluster. */
	for (size_t i = 0; i < b->n; i++)
		if (b->f[i].prior && b->f[i].prior->status == VS_REJECTED) {
			struct group one = {.centre = b->f[i].centre};
			if (one.centre < 0)
				one.centre = (int)i;
			emit(b, out, (int)i, &one);
		}
	for (size_t k = 0; k < ng; k++) {
		const struct vform *c = &b->f[g[k].centre];
		if (g[k].n || (worth_row(c) && (opt->keep_singles ||
						kept_as_written(c->prior))))
			emit(b, out, g[k].centre, &g[k]);
		for (size_t j = 0; j < g[k].n; j++)
			emit(b, out, g[k].m[j], &g[k]);
		free(g[k].m);
	}
	free(g);
	if (opt->keep_singles && opt->keep_common)
		write_common_words(b, out);
}

void variants_opts_init(struct variants_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->keep_singles = 1;
	o->keep_common = 1;
	o->suggest_max = 10;
}

static void builder_release(struct builder *b)
{
	for (size_t i = 0; i < b->n; i++) {
		free(b->f[i].key);
		free(b->f[i].skel);
		for (size_t k = 0; k < b->f[i].nalt; k++)
			free(b->f[i].alt[k]);
	}
	free(b->f);
	for (size_t i = 0; i < b->nskels; i++)
		free(b->skels[i]);
	free(b->skels);
	for (size_t i = 0; i < b->nowned; i++)
		free(b->owned[i]);
	free(b->owned);
	free(b->e);
	for (size_t i = 0; i < 256; i++)
		free(b->frequent[i]);
	strmap_release(&b->forms);
	strmap_release(&b->by_key);
	strmap_release(&b->by_skel);
	strmap_release(&b->rejected);
	strmap_release(&b->clue_skel);
}

struct variants *variants_build(const struct names *names,
				const struct variants *prior,
				struct namekey *nk, struct dict *d,
				const struct variants_opts *opt)
{
	struct variants *out = variants_new();
	struct variants_opts defaults;
	struct builder b;

	if (!opt) {
		variants_opts_init(&defaults);
		opt = &defaults;
	}
	memset(&b, 0, sizeof(b));
	b.nk = nk;
	b.dict = d;
	b.suggest_max = opt->suggest_max;
	b.more_dicts = opt->more_dicts;
	b.nmore_dicts = opt->more_dicts ? opt->nmore_dicts : 0;
	b.ahead = opt->props;
	b.titles = names && names->rules ? &names->rules->titles : NULL;
	strmap_init(&b.forms);
	strmap_init(&b.by_key);
	strmap_init(&b.by_skel);
	strmap_init(&b.rejected);
	strmap_init(&b.clue_skel);
	add_names(&b, names);
	add_prior(&b, prior);
	mark_common_words(&b);
	for (size_t i = 0; i < b.n; i++)
		if (!b.f[i].count && b.f[i].centre < 0)
			b.f[i].skip = 1; /* a stale row: nothing to cluster */
	cluster(&b);
	write_rows(&b, out, opt);
	builder_release(&b);
	return out;
}
