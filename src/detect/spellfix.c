/*
 * spellfix.c - candidate repairs for unknown words (accents, doubled
 * letters, elision), each probed with Hunspell's spell(); see spellfix.h.
 *
 * Words are handled as arrays of code points (utf8_next) so that an
 * accent is one position whatever its byte length. Latin-script
 * assumption: the doubled-letter edits apply to the consonants a-z other
 * than the vowels "aeiouy", and elision needs a vowel or an h after it.
 */
#include "detect/spellfix.h"

#include <stdlib.h>
#include <string.h>

#include "common/formindex.h"
#include "common/utf8.h"
#include "common/util.h"

#define MAX_CP	      64  /* longer words get no repair */
#define LETTER_BUDGET 120 /* probes per doubled-letter skeleton */

struct search {
	struct dict *d;
	struct fixes *f;
	const int32_t *orig; /* the written word */
	int32_t cp[MAX_CP + 1];
	size_t n;
	size_t pos[MAX_CP]; /* accentable positions of cp */
	size_t npos;
	size_t maxchg;
	int skeleton;		    /* cp is a doubled-letter edit of orig */
	size_t limit;		    /* stop when f->probes reaches it */
	const struct formindex *fi; /* the dictionary's forms, or NULL */
	struct strbuf sb;
};

void fixes_init(struct fixes *f)
{
	memset(f, 0, sizeof(*f));
}

void fixes_release(struct fixes *f)
{
	if (!f)
		return;
	for (size_t i = 0; i < f->n; i++)
		free(f->v[i].word);
	free(f->v);
	memset(f, 0, sizeof(*f));
}

static void fixes_add(struct fixes *f, const char *w, size_t len,
		      enum fix_kind kind)
{
	for (size_t i = 0; i < f->n; i++)
		if (strlen(f->v[i].word) == len &&
		    !memcmp(f->v[i].word, w, len))
			return;
	GROW(f->v, f->cap, f->n + 1);
	f->v[f->n].word = xmemdup(w, len);
	f->v[f->n++].kind = kind;
}

static size_t decode(const char *s, size_t len, int32_t *out)
{
	size_t i = 0, n = 0;

	while (i < len) {
		int32_t c = utf8_next(s, &i, len);
		if (c < 0 || n == MAX_CP)
			return 0;
		out[n++] = c;
	}
	return n;
}

static void encode(struct strbuf *sb, const int32_t *cp, size_t n)
{
	char b[4];

	sb_reset(sb);
	for (size_t i = 0; i < n; i++)
		sb_add(sb, b, utf8_put(b, cp[i]));
}

/* Probe the current cp[] and keep it when Hunspell accepts it. */
static void probe(struct search *s, enum fix_kind kind)
{
	if (s->f->probes >= s->limit) {
		s->f->truncated = 1;
		return;
	}
	encode(&s->sb, s->cp, s->n);
	s->f->probes++;
	if (dict_probe(s->d, s->sb.buf, s->sb.len))
		fixes_add(s->f, s->sb.buf, s->sb.len, kind);
}

/* Try every member of the accent group at positions pos[k..], with at most
 * maxchg changes in all. kind is the least safe kind of change made so far
 * (FIX_ADD_ACCENT < FIX_CHANGE_ACCENT < FIX_DROP_ACCENT). */
static void enumerate(struct search *s, size_t k, size_t changes,
		      enum fix_kind kind)
{
	const int32_t *g;
	size_t gn, at;
	int32_t keep;

	if (s->f->probes >= s->limit)
		return;
	if (k == s->npos) {
		if (s->skeleton)
			probe(s, FIX_LETTER);
		else if (changes)
			probe(s, kind);
		return;
	}
	at = s->pos[k];
	keep = s->cp[at];
	enumerate(s, k + 1, changes, kind);
	if (changes == s->maxchg)
		return;
	g = dict_accent_group(s->d, keep, &gn);
	for (size_t j = 0; j < gn; j++) {
		if (g[j] == keep)
			continue;
		enum fix_kind now = keep == g[0] ? FIX_ADD_ACCENT
				    : j == 0	 ? FIX_DROP_ACCENT
						 : FIX_CHANGE_ACCENT;
		s->cp[at] = g[j];
		enumerate(s, k + 1, changes + 1, now > kind ? now : kind);
	}
	s->cp[at] = keep;
}

/* Find the accentable positions and the largest number of changes that
 * keeps the enumeration within SPELLFIX_FULL variants. */
static void plan(struct search *s, size_t cap_changes)
{
	double all = 1, one = 0, two = 0;
	size_t gn;

	s->npos = 0;
	for (size_t i = 0; i < s->n; i++) {
		if (!dict_accent_group(s->d, s->cp[i], &gn))
			continue;
		s->pos[s->npos++] = i;
		two += one * (double)(gn - 1);
		one += (double)(gn - 1);
		all *= (double)gn;
	}
	if (all <= SPELLFIX_FULL)
		s->maxchg = s->npos;
	else if (1 + one + two <= SPELLFIX_FULL)
		s->maxchg = 2;
	else
		s->maxchg = 1;
	if (s->maxchg > cap_changes)
		s->maxchg = cap_changes;
}

static int is_consonant(int32_t c)
{
	return c >= 'a' && c <= 'z' && !strchr("aeiouy", (int)c);
}

/* The accent-folded key of cp[0..n) into sb: every letter of an accent
 * group replaced by the group's plain letter. */
static void fold(struct dict *d, const int32_t *cp, size_t n, struct strbuf *sb)
{
	char b[4];

	sb_reset(sb);
	for (size_t i = 0; i < n; i++) {
		size_t gn;
		const int32_t *g = dict_accent_group(d, cp[i], &gn);
		sb_add(sb, b, utf8_put(b, g ? g[0] : cp[i]));
	}
}

/* How the dictionary form c differs from the written w (same length, the
 * same letters but for diacritics): the least safe change made. */
static enum fix_kind accent_kind(struct dict *d, const int32_t *w,
				 const int32_t *c, size_t n)
{
	enum fix_kind kind = FIX_ADD_ACCENT;

	for (size_t i = 0; i < n; i++) {
		size_t gn;
		const int32_t *g;
		enum fix_kind now;

		if (w[i] == c[i])
			continue;
		g = dict_accent_group(d, w[i], &gn);
		now = !g || w[i] == g[0] ? FIX_ADD_ACCENT
		      : c[i] == g[0]	 ? FIX_DROP_ACCENT
					 : FIX_CHANGE_ACCENT;
		if (now > kind)
			kind = now;
	}
	return kind;
}

/* The index's forms with the key of cp[]: accent repairs of the written
 * word, or, for a doubled-letter skeleton, letter repairs. */
static void index_search(struct search *s)
{
	size_t first, n;

	fold(s->d, s->cp, s->n, &s->sb);
	n = formindex_find(s->fi, s->sb.buf, s->sb.len, &first);
	for (size_t i = first; i < first + n; i++) {
		const char *form = formindex_form(s->fi, i);
		int32_t c[MAX_CP];
		size_t len = strlen(form);

		if (s->skeleton) {
			fixes_add(s->f, form, len, FIX_LETTER);
			continue;
		}
		if (decode(form, len, c) != s->n ||
		    !memcmp(c, s->orig, s->n * sizeof(*c)))
			continue;
		fixes_add(s->f, form, len, accent_kind(s->d, s->orig, c, s->n));
	}
}

/* Run the accent search on cp[] as a doubled-letter skeleton. */
static void try_skeleton(struct search *s)
{
	size_t limit = s->limit;

	if (s->fi) {
		s->skeleton = 1;
		index_search(s);
		s->skeleton = 0;
		return;
	}

	if (s->f->probes + LETTER_BUDGET < s->limit)
		s->limit = s->f->probes + LETTER_BUDGET;
	s->skeleton = 1;
	plan(s, 1);
	enumerate(s, 0, 0, FIX_ADD_ACCENT);
	s->skeleton = 0;
	s->limit = limit;
}

/* One doubled letter less ("apparaitre" from "appparaitre") or more. */
static void letter_edits(struct search *s, const int32_t *w, size_t n)
{
	for (size_t i = 0; i + 1 < n; i++) {
		if (w[i] != w[i + 1] || !uc_is_alpha(w[i]))
			continue;
		memcpy(s->cp, w, i * sizeof(*w));
		memcpy(s->cp + i, w + i + 1, (n - i - 1) * sizeof(*w));
		s->n = n - 1;
		try_skeleton(s);
	}
	for (size_t i = 1; i + 1 < n && n < MAX_CP; i++) {
		if (!is_consonant(w[i]) || w[i - 1] == w[i] || w[i + 1] == w[i])
			continue;
		memcpy(s->cp, w, (i + 1) * sizeof(*w));
		memcpy(s->cp + i + 1, w + i, (n - i) * sizeof(*w));
		s->n = n + 1;
		try_skeleton(s);
	}
}

static int vowel_or_h(struct dict *d, const char *s, size_t len)
{
	size_t i = 0, gn;
	int32_t c = utf8_next(s, &i, len);
	const int32_t *g = dict_accent_group(d, c, &gn);

	if (g)
		c = g[0];
	return c > 0 && c < 0x80 && strchr("aeiouyh", (int)c);
}

/* "lavion" -> "l’avion": an elided word, an apostrophe, a known word. */
static void elision_edits(struct search *s, const char *w, size_t len,
			  const char *apostrophe)
{
	size_t alen = strlen(apostrophe);

	for (size_t i = 1; i < len && i <= 7; i++) {
		if (!(w[i - 1] >= 'a' && w[i - 1] <= 'z'))
			break;
		sb_reset(&s->sb);
		sb_add(&s->sb, w, i);
		sb_add(&s->sb, apostrophe, alen);
		sb_add(&s->sb, w + i, len - i);
		if (dict_elision_prefix(s->d, s->sb.buf, s->sb.len) !=
			i + alen ||
		    !vowel_or_h(s->d, w + i, len - i))
			continue;
		s->f->probes++;
		if (dict_check(s->d, w + i, len - i))
			fixes_add(s->f, s->sb.buf, s->sb.len, FIX_ELISION);
	}
}

/* Fixes in the order of enum fix_kind, each kind in the order found. */
static void sort_by_kind(struct fixes *f)
{
	for (size_t i = 1; i < f->n; i++) {
		struct fix x = f->v[i];
		size_t j = i;
		for (; j > 0 && f->v[j - 1].kind > x.kind; j--)
			f->v[j] = f->v[j - 1];
		f->v[j] = x;
	}
}

size_t spellfix_find(struct dict *d, const char *word, size_t len,
		     const char *apostrophe, struct fixes *f)
{
	struct search s;
	int32_t w[MAX_CP];
	size_t n = decode(word, len, w);

	for (size_t i = 0; i < f->n; i++)
		free(f->v[i].word);
	f->n = f->probes = 0;
	f->truncated = 0;
	if (n < 2)
		return 0;
	memset(&s, 0, sizeof(s));
	s.d = d;
	s.f = f;
	s.orig = w;
	s.limit = SPELLFIX_MAX_PROBES;
	sb_init(&s.sb);
	memcpy(s.cp, w, n * sizeof(*w));
	s.n = n;
	s.fi = dict_forms(d);
	if (s.fi) {
		index_search(&s);
	} else {
		plan(&s, MAX_CP);
		enumerate(&s, 0, 0, FIX_ADD_ACCENT);
	}
	letter_edits(&s, w, n);
	elision_edits(&s, word, len, apostrophe);
	sb_release(&s.sb);
	sort_by_kind(f);
	return f->n;
}

int spellfix_key(struct dict *d, const char *word, size_t len,
		 struct strbuf *key)
{
	int32_t w[MAX_CP];
	size_t n = decode(word, len, w);

	if (!n)
		return -1;
	fold(d, w, n, key);
	return 0;
}

/* Replace occurrences of `written` at or after `from` by `form`, trying
 * each place; recurse once more for a second place. */
static int variant_at(struct dict *d, size_t v, const char *w, size_t len,
		      const char *form, const char *written, size_t from,
		      int depth)
{
	size_t wl = strlen(written), fl = strlen(form);
	struct strbuf sb;
	int ok = 0;

	sb_init(&sb);
	for (size_t i = from; !ok && i + wl <= len; i++) {
		if (memcmp(w + i, written, wl))
			continue;
		sb_reset(&sb);
		sb_add(&sb, w + i + wl, len - i - wl);
		if (!dict_variant_follows(d, v, sb.buf))
			continue;
		sb_reset(&sb);
		sb_add(&sb, w, i);
		sb_add(&sb, form, fl);
		sb_add(&sb, w + i + wl, len - i - wl);
		ok = dict_probe(d, sb.buf, sb.len) ||
		     (depth < 2 && variant_at(d, v, sb.buf, sb.len, form,
					      written, i + fl, depth + 1));
	}
	sb_release(&sb);
	return ok;
}

int spellfix_variant_known(struct dict *d, const char *word, size_t len)
{
	const char *form, *written;

	for (size_t i = 0; i < dict_variant_count(d); i++) {
		dict_variant(d, i, &form, &written);
		if (variant_at(d, i, word, len, form, written, 0, 1))
			return 1;
	}
	return 0;
}
