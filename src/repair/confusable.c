/*
 * confusable.c - mixed-script words repaired through ICU's spoof checker
 * (uspoof) and confusable skeletons. See confusable.h for the policy.
 *
 * At open, every candidate Latin letter (ASCII plus the language's
 * exemplar letters, both cases) is indexed by its skeleton and case; a
 * Cyrillic or Greek letter is then replaced by the indexed letter that has
 * its skeleton and case.
 */
#include "repair/confusable.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/ulocdata.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/uset.h>
#include <unicode/uspoof.h>
#include <unicode/ustring.h>

#include "common/strmap.h"
#include "common/utf8.h"
#include "common/util.h"

#define APPLIED_CONF  0.95
#define MINORITY_CONF 0.6
#define MAX_CLUSTER   32 /* UTF-16 units of a letter and its marks */

struct confusable {
	USpoofChecker *sc;
	USpoofCheckResult *res;
	const UNormalizer2 *nfc;
	struct strmap latin; /* skeleton + case tag -> Latin code point */
};

/* Skeleton of the code point cp plus a case tag, as a map key in key[]
 * (capacity cap). Returns the key length, or 0. */
static size_t skeleton_key(const struct confusable *c, int32_t cp, char *key,
			   size_t cap)
{
	UErrorCode err = U_ZERO_ERROR;
	char in[4];
	size_t n = utf8_put(in, cp);
	int32_t k;

	if (!n || (!uc_is_upper(cp) && !uc_is_lower(cp)))
		return 0;
	k = uspoof_getSkeletonUTF8(c->sc, 0, in, (int32_t)n, key,
				   (int32_t)cap - 1, &err);
	if (U_FAILURE(err) || k <= 0)
		return 0;
	key[k] = uc_is_upper(cp) ? 'U' : 'L';
	return (size_t)k + 1;
}

static void index_letter(struct confusable *c, int32_t cp)
{
	char key[64];
	size_t n;
	int64_t *slot;

	if (!uc_is_latin(cp) || !uc_is_alpha(cp))
		return;
	n = skeleton_key(c, cp, key, sizeof(key));
	if (!n || strmap_find(&c->latin, key, n))
		return; /* the first (ASCII) letter of a skeleton wins */
	slot = strmap_put(&c->latin, key, n);
	*slot = cp;
}

/* Index ASCII letters, then the exemplar letters of lang in both cases. */
static int index_latin(struct confusable *c, const char *lang)
{
	UErrorCode err = U_ZERO_ERROR;
	ULocaleData *ld;
	USet *ex = NULL;
	int32_t items;

	for (int32_t cp = 'A'; cp <= 'z'; cp++)
		index_letter(c, cp);
	ld = ulocdata_open(lang, &err);
	if (U_SUCCESS(err))
		ex = ulocdata_getExemplarSet(ld, NULL, USET_CASE_INSENSITIVE,
					     ULOCDATA_ES_STANDARD, &err);
	if (ld)
		ulocdata_close(ld);
	if (U_FAILURE(err) || !ex) {
		if (ex)
			uset_close(ex);
		return 0; /* no locale data: ASCII only */
	}
	uset_closeOver(ex, USET_CASE_INSENSITIVE);
	items = uset_getItemCount(ex);
	for (int32_t i = 0; i < items; i++) {
		UChar32 lo, hi;
		err = U_ZERO_ERROR;
		if (uset_getItem(ex, i, &lo, &hi, NULL, 0, &err) != 0)
			continue; /* a string, not a range */
		for (UChar32 cp = lo; cp <= hi; cp++)
			index_letter(c, cp);
	}
	uset_close(ex);
	return 0;
}

struct confusable *confusable_new(const char *lang)
{
	UErrorCode err = U_ZERO_ERROR;
	struct confusable *c = xcalloc(1, sizeof(*c));

	strmap_init(&c->latin);
	c->sc = uspoof_open(&err);
	if (U_SUCCESS(err)) {
		uspoof_setChecks(c->sc,
				 USPOOF_RESTRICTION_LEVEL |
				     USPOOF_MIXED_SCRIPT_CONFUSABLE,
				 &err);
		uspoof_setRestrictionLevel(c->sc,
					   USPOOF_MODERATELY_RESTRICTIVE);
	}
	if (U_SUCCESS(err))
		c->res = uspoof_openCheckResult(&err);
	if (U_SUCCESS(err))
		c->nfc = unorm2_getNFCInstance(&err);
	if (U_FAILURE(err)) {
		rl_error("cannot open the ICU spoof checker: %s",
			 u_errorName(err));
		confusable_free(c);
		return NULL;
	}
	index_latin(c, lang);
	return c;
}

void confusable_free(struct confusable *c)
{
	if (!c)
		return;
	if (c->res)
		uspoof_closeCheckResult(c->res);
	if (c->sc)
		uspoof_close(c->sc);
	strmap_release(&c->latin);
	free(c);
}

static int is_intruder(int32_t cp)
{
	UErrorCode err = U_ZERO_ERROR;
	UScriptCode sc = uscript_getScript(cp, &err);

	return U_SUCCESS(err) && uc_is_alpha(cp) &&
	       (sc == USCRIPT_CYRILLIC || sc == USCRIPT_GREEK);
}

/* The Latin look-alike of cp, or -1. */
static int32_t latin_for(const struct confusable *c, int32_t cp)
{
	char key[64];
	size_t n = skeleton_key(c, cp, key, sizeof(key));
	const int64_t *v = n ? strmap_find(&c->latin, key, n) : NULL;

	return v ? (int32_t)*v : -1;
}

/* NFC of the letter cp followed by the marks text[0..len), as UTF-8 in
 * out (capacity cap). Returns the length, or 0 when it does not fit. */
static size_t cluster_nfc(const struct confusable *c, int32_t cp,
			  const char *marks, size_t len, char *out, size_t cap)
{
	UErrorCode err = U_ZERO_ERROR;
	UChar in[MAX_CLUSTER], norm[MAX_CLUSTER];
	int32_t n = 0, m, k;
	UBool oops = 0;

	U16_APPEND(in, n, MAX_CLUSTER, cp, oops);
	if (oops)
		return 0;
	u_strFromUTF8(in + n, MAX_CLUSTER - n, &m, marks, (int32_t)len, &err);
	if (U_FAILURE(err) || err == U_STRING_NOT_TERMINATED_WARNING)
		return 0;
	m = unorm2_normalize(c->nfc, in, n + m, norm, MAX_CLUSTER, &err);
	if (U_FAILURE(err))
		return 0;
	u_strToUTF8(out, (int32_t)cap, &k, norm, m, &err);
	return U_FAILURE(err) || (size_t)k >= cap ? 0 : (size_t)k;
}

/* Word s..e of the view: count its Latin and intruding letters. */
static void count_scripts(const char *t, size_t s, size_t e, size_t *latin,
			  size_t *intruders)
{
	*latin = *intruders = 0;
	while (s < e) {
		int32_t cp = utf8_next(t, &s, e);
		*latin += uc_is_latin(cp) && uc_is_alpha(cp);
		*intruders += is_intruder(cp);
	}
}

/* The repaired word into r; 0 when an intruder has no look-alike. */
static int repair_word(const struct confusable *c, const char *t, size_t s,
		       size_t e, struct strbuf *r)
{
	char buf[8];

	sb_reset(r);
	while (s < e) {
		size_t at = s;
		int32_t cp = utf8_next(t, &s, e);
		int32_t l = is_intruder(cp) ? latin_for(c, cp) : cp;
		if (l < 0)
			return 0;
		if (!is_intruder(cp)) {
			sb_add(r, t + at, s - at);
			continue;
		}
		sb_add(r, buf, utf8_put(buf, l));
	}
	return 1;
}

/* One finding per intruder: the letter and its marks, NFC-repaired. */
static void report_letters(const struct confusable *c, struct article *a,
			   const struct view *v, size_t s, size_t e,
			   double conf)
{
	const char *t = v->text;

	while (s < e) {
		size_t at = s, me;
		int32_t cp = utf8_next(t, &s, e);
		char repl[64], detail[128];
		size_t n;

		if (!is_intruder(cp))
			continue;
		for (me = s; me < e;) {
			size_t nx = me;
			if (!uc_is_mark(utf8_next(t, &nx, e)))
				break;
			me = nx;
		}
		n = cluster_nfc(c, latin_for(c, cp), t + s, me - s, repl,
				sizeof(repl));
		if (!n)
			continue;
		snprintf(detail, sizeof(detail),
			 "%s U+%04X in a Latin word, read as '%.*s'",
			 uc_is_cyrillic(cp) ? "Cyrillic" : "Greek",
			 (unsigned)cp, (int)n, repl);
		view_report(v, a, FK_CONFUSABLE, at, me, repl, n,
			    conf >= CONFUSABLE_APPLY_THRESHOLD, conf, detail);
		s = me;
	}
}

static void check_word(struct confusable *c, struct article *a,
		       const struct view *v, size_t s, size_t e,
		       struct strbuf *r)
{
	UErrorCode err = U_ZERO_ERROR;
	size_t latin, intruders;
	int32_t flags;

	count_scripts(v->text, s, e, &latin, &intruders);
	if (!latin || !intruders)
		return;
	flags = uspoof_check2UTF8(c->sc, v->text + s, (int32_t)(e - s), c->res,
				  &err);
	if (U_FAILURE(err) || !(flags & USPOOF_RESTRICTION_LEVEL))
		return;
	if (!repair_word(c, v->text, s, e, r))
		return;
	flags = uspoof_areConfusableUTF8(c->sc, v->text + s, (int32_t)(e - s),
					 r->buf, (int32_t)r->len, &err);
	if (U_FAILURE(err) || !(flags & USPOOF_MIXED_SCRIPT_CONFUSABLE))
		return;
	report_letters(c, a, v, s, e,
		       latin > intruders ? APPLIED_CONF : MINORITY_CONF);
}

void confusable_repair(struct confusable *c, struct article *a,
		       const struct view *v)
{
	struct strbuf r;
	size_t i = 0, ws = 0;
	int in_word = 0, suspect = 0;

	sb_init(&r);
	for (;;) {
		size_t at = i;
		int32_t cp = i < v->len ? utf8_next(v->text, &i, v->len) : -1;
		int part = uc_is_alpha(cp) || (in_word && uc_is_mark(cp));

		if (part && !in_word) {
			ws = at;
			suspect = 0;
		}
		/* Only words with a Greek or Cyrillic letter are checked. */
		suspect |= part && cp >= 0x370 && is_intruder(cp);
		if (!part && in_word && suspect)
			check_word(c, a, v, ws, at, &r);
		in_word = part;
		if (cp < 0 && i >= v->len)
			break;
	}
	sb_release(&r);
}
