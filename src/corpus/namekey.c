/*
 * namekey.c - name keys through ICU transliterators loaded from rule files
 * (utrans_openU), plus the skeleton and similarity used for blocking and
 * fuzzy matching. Every ICU call starts from U_ZERO_ERROR; failures become
 * relire errors naming the rule file.
 */
#include "corpus/namekey.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uset.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>

#include "common/strmap.h"
#include "common/utf8.h"
#include "common/util.h"

/* One line of scripts.txt: a set of letters and the rules it selects. */
struct nk_script {
	USet *letters;
	UTransliterator *to_latin;
};

struct namekey {
	struct nk_script *scripts;
	size_t nscripts, cap;
	UTransliterator *fold;
	UTransliterator *plain;	    /* case and diacritics removed */
	UTransliterator **readings; /* translit/readings.txt */
	size_t nreadings, rcap;
	/* fold's result for each word met (fold_words): a name's words
	 * recur in its other spellings and readings ("Poutine", "Vladimir
	 * Poutine"), and a transliteration costs microseconds. Index + 1
	 * into folded; at most FOLD_CACHE_MAX words. */
	struct strmap fold_cache;
	struct folded {
		char *s;
		size_t len;
	} * folded;
	size_t nfolded, fcap;
	char *scratch; /* a word's fold once the cache is full */
};

#define FOLD_CACHE_MAX 65536

/* UTF-8 -> malloc'd UTF-16 with room for growth; ill-formed bytes become
 * U+FFFD, which no rule matches. */
static UChar *to_u16(const char *s, size_t len, int32_t *n16, int32_t extra)
{
	UErrorCode err = U_ZERO_ERROR;
	UChar *u;

	u_strFromUTF8WithSub(NULL, 0, n16, s, (int32_t)len, 0xFFFD, NULL, &err);
	err = U_ZERO_ERROR;
	u = xmalloc(((size_t)*n16 + (size_t)extra + 1) * sizeof(UChar));
	u_strFromUTF8WithSub(u, *n16 + extra + 1, n16, s, (int32_t)len, 0xFFFD,
			     NULL, &err);
	if (U_FAILURE(err))
		*n16 = 0;
	return u;
}

static char *to_u8(const UChar *u, int32_t n16, size_t *out_len)
{
	UErrorCode err = U_ZERO_ERROR;
	int32_t n8 = 0;
	char *out;

	u_strToUTF8WithSub(NULL, 0, &n8, u, n16, 0xFFFD, NULL, &err);
	err = U_ZERO_ERROR;
	out = xmalloc((size_t)n8 + 1);
	u_strToUTF8WithSub(out, n8 + 1, &n8, u, n16, 0xFFFD, NULL, &err);
	if (U_FAILURE(err))
		n8 = 0;
	out[n8] = '\0';
	*out_len = (size_t)n8;
	return out;
}

/* Run tr over s; the text may grow, so retry with more room on overflow. */
static char *transliterate(const UTransliterator *tr, const char *s, size_t len,
			   size_t *out_len)
{
	int32_t n16, extra = (int32_t)len * 3 + 16;

	for (int attempt = 0; attempt < 4; attempt++, extra *= 4) {
		UErrorCode err = U_ZERO_ERROR;
		UChar *u = to_u16(s, len, &n16, extra);
		int32_t limit = n16;
		char *out;

		utrans_transUChars(tr, u, &n16, n16 + extra, 0, &limit, &err);
		if (err == U_BUFFER_OVERFLOW_ERROR) {
			free(u);
			continue;
		}
		if (U_FAILURE(err))
			n16 = 0;
		out = to_u8(u, n16, out_len);
		free(u);
		return out;
	}
	*out_len = 0;
	return xstrdup("");
}

static UTransliterator *open_rules(const char *path)
{
	UErrorCode err = U_ZERO_ERROR;
	UParseError pe;
	UTransliterator *tr;
	char *buf, *ctx;
	size_t len, clen;
	int32_t n16;
	UChar *rules, id[] = {'r', 'e', 'l', 'i', 'r', 'e', 0};
	int rc = read_file(path, (size_t)1 << 24, &buf, &len);

	if (rc < 0) {
		rl_error("cannot read '%s': %s", path, strerror(-rc));
		return NULL;
	}
	rules = to_u16(buf, len, &n16, 0);
	free(buf);
	memset(&pe, 0, sizeof(pe));
	tr = utrans_openU(id, -1, UTRANS_FORWARD, rules, n16, &pe, &err);
	free(rules);
	if (U_FAILURE(err)) {
		ctx = to_u8(pe.preContext, u_strlen(pe.preContext), &clen);
		rl_error("cannot load transliteration rules '%s': %s near "
			 "'%s'",
			 path, u_errorName(err), ctx);
		free(ctx);
		utrans_close(tr);
		return NULL;
	}
	return tr;
}

static int add_script(struct namekey *nk, const char *dir, const char *pat,
		      size_t plen, const char *file, size_t flen)
{
	UErrorCode err = U_ZERO_ERROR;
	struct strbuf path;
	struct nk_script sc;
	int32_t n16;
	UChar *u = to_u16(pat, plen, &n16, 0);

	sc.letters = uset_openPattern(u, n16, &err);
	free(u);
	if (U_FAILURE(err))
		return rl_error("bad letter set '%.*s' in '%s/scripts.txt': %s",
				(int)plen, pat, dir, u_errorName(err));
	sb_init(&path);
	sb_addf(&path, "%s/%.*s", dir, (int)flen, file);
	sc.to_latin = open_rules(path.buf);
	sb_release(&path);
	if (!sc.to_latin) {
		uset_close(sc.letters);
		return -1;
	}
	GROW(nk->scripts, nk->cap, nk->nscripts + 1);
	nk->scripts[nk->nscripts++] = sc;
	return 0;
}

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

struct scripts_ctx {
	struct namekey *nk;
	const char *dir, *path;
};

/* One "LETTER-SET  RULE-FILE" line: the file is the last field. */
static int script_line(const char *s, size_t len, size_t lineno, void *ud)
{
	struct scripts_ctx *c = ud;
	const char *e = s + len, *f;

	(void)lineno;
	for (f = e; f > s && !is_blank(f[-1]); f--)
		;
	if (f == s)
		return rl_error("'%s': expected 'LETTERS FILE' in '%.*s'",
				c->path, (int)len, s);
	return add_script(c->nk, c->dir, s, (size_t)(f - s), f,
			  (size_t)(e - f));
}

/* Run line_fn on every data line of dir/name. A missing or unreadable
 * file is an error (printed) unless optional, when it is no lines. */
static int load_list(struct namekey *nk, const char *dir, const char *name,
		     int (*line_fn)(const char *, size_t, size_t, void *),
		     int optional)
{
	struct scripts_ctx ctx = {nk, dir, NULL};
	struct strbuf path;
	char *buf;
	size_t len;
	int rc;

	sb_init(&path);
	sb_addf(&path, "%s/%s", dir, name);
	rc = read_file(path.buf, (size_t)1 << 20, &buf, &len);
	if (rc < 0) {
		if (!optional)
			rl_error("cannot read '%s': %s", path.buf,
				 strerror(-rc));
		sb_release(&path);
		return optional ? 0 : -1;
	}
	ctx.path = path.buf;
	rc = for_each_data_line(buf, len, line_fn, &ctx);
	free(buf);
	sb_release(&path);
	return rc;
}

/* scripts.txt: "LETTER-SET  RULE-FILE" per line, '#' comments. */
static int load_scripts(struct namekey *nk, const char *dir)
{
	return load_list(nk, dir, "scripts.txt", script_line, 0);
}

/* ICU's own transforms, no rule file: a spelling without case and
 * diacritics. */
static UTransliterator *open_plain(void)
{
	static const char id[] = "NFD; [:Nonspacing Mark:] Remove; Lower; NFC";
	UChar uid[sizeof(id)];
	UErrorCode err = U_ZERO_ERROR;
	UTransliterator *tr;

	u_charsToUChars(id, uid, (int32_t)sizeof(id));
	tr = utrans_openU(uid, -1, UTRANS_FORWARD, NULL, 0, NULL, &err);
	if (U_FAILURE(err)) {
		rl_error("cannot open the ICU transform '%s': %s", id,
			 u_errorName(err));
		utrans_close(tr);
		return NULL;
	}
	return tr;
}

/* One rule file name per line of readings.txt. */
static int reading_line(const char *s, size_t len, size_t lineno, void *ud)
{
	struct scripts_ctx *c = ud;
	struct namekey *nk = c->nk;
	struct strbuf path;
	UTransliterator *tr;

	(void)lineno;
	while (len && is_blank(s[len - 1]))
		len--;
	sb_init(&path);
	sb_addf(&path, "%s/%.*s", c->dir, (int)len, s);
	tr = open_rules(path.buf);
	sb_release(&path);
	if (!tr)
		return -1;
	GROW(nk->readings, nk->rcap, nk->nreadings + 1);
	nk->readings[nk->nreadings++] = tr;
	return 0;
}

/* readings.txt is optional: without it a name has one key. */
static int load_readings(struct namekey *nk, const char *dir)
{
	return load_list(nk, dir, "readings.txt", reading_line, 1);
}

struct namekey *namekey_open(const char *data_dir)
{
	struct namekey *nk = xcalloc(1, sizeof(*nk));
	struct strbuf dir, fold;

	strmap_init(&nk->fold_cache);
	sb_init(&dir);
	sb_init(&fold);
	sb_addf(&dir, "%s/translit", data_dir);
	sb_addf(&fold, "%s/name-fold.txt", dir.buf);
	if (load_scripts(nk, dir.buf) < 0 ||
	    !(nk->fold = open_rules(fold.buf)) || !(nk->plain = open_plain()) ||
	    load_readings(nk, dir.buf) < 0) {
		namekey_free(nk);
		nk = NULL;
	}
	sb_release(&dir);
	sb_release(&fold);
	return nk;
}

/* utrans_clone of tr; NULL stays NULL. *ok is cleared on a failure. */
static UTransliterator *clone_tr(const UTransliterator *tr, int *ok)
{
	UErrorCode err = U_ZERO_ERROR;
	UTransliterator *c;

	if (!tr)
		return NULL;
	c = utrans_clone(tr, &err);
	if (U_FAILURE(err)) {
		utrans_close(c);
		*ok = 0;
		return NULL;
	}
	return c;
}

struct namekey *namekey_clone(const struct namekey *nk)
{
	struct namekey *c = xcalloc(1, sizeof(*c));
	int ok = 1;

	strmap_init(&c->fold_cache);
	c->scripts = xcalloc(nk->nscripts + 1, sizeof(*c->scripts));
	c->cap = nk->nscripts + 1;
	for (size_t i = 0; i < nk->nscripts && ok; i++) {
		c->scripts[i].letters = uset_clone(nk->scripts[i].letters);
		c->scripts[i].to_latin = clone_tr(nk->scripts[i].to_latin, &ok);
		c->nscripts++;
	}
	c->fold = clone_tr(nk->fold, &ok);
	c->plain = clone_tr(nk->plain, &ok);
	c->readings = xcalloc(nk->nreadings + 1, sizeof(*c->readings));
	c->rcap = nk->nreadings + 1;
	for (size_t i = 0; i < nk->nreadings && ok; i++)
		c->readings[c->nreadings++] = clone_tr(nk->readings[i], &ok);
	if (!ok) {
		namekey_free(c);
		return NULL;
	}
	return c;
}

void namekey_free(struct namekey *nk)
{
	if (!nk)
		return;
	for (size_t i = 0; i < nk->nscripts; i++) {
		uset_close(nk->scripts[i].letters);
		utrans_close(nk->scripts[i].to_latin);
	}
	free(nk->scripts);
	utrans_close(nk->fold);
	utrans_close(nk->plain);
	for (size_t i = 0; i < nk->nreadings; i++)
		utrans_close(nk->readings[i]);
	free(nk->readings);
	for (size_t i = 0; i < nk->nfolded; i++)
		free(nk->folded[i].s);
	free(nk->folded);
	free(nk->scratch);
	strmap_release(&nk->fold_cache);
	free(nk);
}

/* The first script line one of whose letters occurs in s, or NULL. */
static const struct nk_script *pick_script(const struct namekey *nk,
					   const char *s, size_t len)
{
	for (size_t k = 0; k < nk->nscripts; k++) {
		size_t i = 0;
		while (i < len) {
			int32_t c = utf8_next(s, &i, len);
			if (c >= 0 && uset_contains(nk->scripts[k].letters, c))
				return &nk->scripts[k];
		}
	}
	return NULL;
}

char *namekey_latin(struct namekey *nk, const char *s, size_t len,
		    size_t *out_len)
{
	const struct nk_script *sc = pick_script(nk, s, len);

	if (!sc) {
		*out_len = len;
		return xmemdup(s, len);
	}
	return transliterate(sc->to_latin, s, len, out_len);
}

/* Words are keyed one by one so that rules anchored at the end of the text
 * ("-ine$") apply at the end of every word. */
static char *fold_words(struct namekey *nk, char *latin, size_t n,
			size_t *out_len);

char *namekey_key(struct namekey *nk, const char *s, size_t len,
		  size_t *out_len)
{
	size_t n;
	char *latin = namekey_latin(nk, s, len, &n);

	return fold_words(nk, latin, n, out_len);
}

size_t namekey_alt_keys(struct namekey *nk, const char *s, size_t len,
			const char *key, char **out, size_t max)
{
	size_t nout = 0, klen;
	char *own = NULL;
	const char *first = key;

	if (!nk->nreadings || pick_script(nk, s, len))
		return 0;
	if (!first)
		first = own = namekey_key(nk, s, len, &klen);
	for (size_t r = 0; r < nk->nreadings && nout < max; r++) {
		size_t n, alen;
		char *latin = transliterate(nk->readings[r], s, len, &n);
		char *alt = fold_words(nk, latin, n, &alen);
		int dup = !strcmp(alt, first);

		for (size_t k = 0; k < nout && !dup; k++)
			dup = !strcmp(alt, out[k]);
		if (dup || !alen)
			free(alt);
		else
			out[nout++] = alt;
	}
	free(own);
	return nout;
}

/* The fold rules' result for one word w[0..len) (borrowed from the
 * cache, valid until nk is freed). */
static const char *fold_word(struct namekey *nk, const char *w, size_t len,
			     size_t *out_len)
{
	int64_t *slot = strmap_find(&nk->fold_cache, w, len);
	char *k;

	if (slot) {
		*out_len = nk->folded[*slot - 1].len;
		return nk->folded[*slot - 1].s;
	}
	k = transliterate(nk->fold, w, len, out_len);
	if (nk->nfolded >= FOLD_CACHE_MAX) {
		free(nk->scratch);
		nk->scratch = k;
		return k;
	}
	GROW(nk->folded, nk->fcap, nk->nfolded + 1);
	nk->folded[nk->nfolded].s = k;
	nk->folded[nk->nfolded++].len = *out_len;
	*strmap_put(&nk->fold_cache, w, len) = (int64_t)nk->nfolded;
	return k;
}

/* The key of a name in Latin letters (latin, malloc'd, freed here). */
static char *fold_words(struct namekey *nk, char *latin, size_t n,
			size_t *out_len)
{
	struct strbuf key;
	size_t i = 0;

	sb_init(&key);
	while (i < n) {
		size_t j = i, klen;
		const char *k;

		while (j < n && latin[j] != ' ' && latin[j] != '-')
			j++;
		k = fold_word(nk, latin + i, j - i, &klen);
		if (klen && key.len && key.buf[key.len - 1] != ' ' &&
		    key.buf[key.len - 1] != '-')
			sb_addc(&key, ' ');
		sb_add(&key, k, klen);
		if (j < n && key.len && key.buf[key.len - 1] != ' ')
			sb_addc(&key, latin[j] == '-' ? '-' : ' ');
		i = j + 1;
	}
	while (key.len &&
	       (key.buf[key.len - 1] == ' ' || key.buf[key.len - 1] == '-'))
		key.buf[--key.len] = '\0';
	free(latin);
	return sb_detach(&key, out_len);
}

int namekey_same_letters(struct namekey *nk, const char *a, size_t alen,
			 const char *b, size_t blen)
{
	size_t na, nb;
	char *pa = transliterate(nk->plain, a, alen, &na);
	char *pb = transliterate(nk->plain, b, blen, &nb);
	int same = na == nb && !memcmp(pa, pb, na);

	free(pa);
	free(pb);
	return same;
}

/* The canonical decomposition of s[0..len) in UTF-16, malloc'd (*n
 * units), or NULL when ICU fails. */
static UChar *nfd16(const char *s, size_t len, int32_t *n)
{
	UErrorCode err = U_ZERO_ERROR;
	const UNormalizer2 *nfd = unorm2_getNFDInstance(&err);
	int32_t ulen = 0, cap;
	UChar *u, *d;

	if (U_FAILURE(err) || len > INT32_MAX / 4)
		return NULL;
	u = xmalloc((len + 1) * sizeof(*u));
	u_strFromUTF8Lenient(u, (int32_t)len + 1, &ulen, s, (int32_t)len, &err);
	cap = 4 * ulen + 1;
	d = xmalloc((size_t)cap * sizeof(*d));
	if (U_SUCCESS(err))
		*n = unorm2_normalize(nfd, u, ulen, d, cap, &err);
	free(u);
	if (U_FAILURE(err)) {
		free(d);
		return NULL;
	}
	return d;
}

/* Is u[i] a nonspacing mark (the diacritics of a decomposition)? */
static int is_mark_at(const UChar *u, int32_t i, int32_t n)
{
	UChar32 c;

	U16_GET(u, 0, i, n, c);
	return u_charType(c) == U_NON_SPACING_MARK;
}

enum namekey_marks namekey_marks_added(const char *a, size_t alen,
				       const char *b, size_t blen)
{
	int32_t na = 0, nb = 0, i = 0, j = 0;
	UChar *ua = nfd16(a, alen, &na), *ub = nfd16(b, blen, &nb);
	enum namekey_marks r =
	    ua && ub ? NAMEKEY_MARKS_SAME : NAMEKEY_MARKS_LOST;

	while (r != NAMEKEY_MARKS_LOST && (i < na || j < nb)) {
		int32_t ie, je;
		UChar32 letter;

		/* one letter (not a mark) on each side, then its marks */
		if (i >= na || j >= nb || is_mark_at(ua, i, na) ||
		    is_mark_at(ub, j, nb)) {
			r = NAMEKEY_MARKS_LOST;
			break;
		}
		U16_NEXT(ua, i, na, letter);
		U16_FWD_1(ub, j, nb);
		for (ie = i; ie < na && is_mark_at(ua, ie, na);)
			U16_FWD_1(ua, ie, na);
		for (je = j; je < nb && is_mark_at(ub, je, nb);)
			U16_FWD_1(ub, je, nb);
		/* each mark of a's letter among b's letter's marks */
		for (int32_t k = i; k < ie && r != NAMEKEY_MARKS_LOST; k++) {
			int found = 0;
			for (int32_t m = j; m < je && !found; m++)
				found = ua[k] == ub[m];
			if (!found)
				r = NAMEKEY_MARKS_LOST;
		}
		/* b's letter has more: on a capital of a, or not */
		if (r != NAMEKEY_MARKS_LOST && je - j > ie - i) {
			if (!u_isupper(letter))
				r = NAMEKEY_MARKS_ON_LOWER;
			else if (r == NAMEKEY_MARKS_SAME)
				r = NAMEKEY_MARKS_ON_CAPITALS;
		}
		i = ie;
		j = je;
	}
	free(ua);
	free(ub);
	return r;
}

static int is_vowel(char c)
{
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' ||
	       c == 'y';
}

char *namekey_skeleton(const char *key, size_t len, size_t *out_len)
{
	char *out = xmalloc(len + 1);
	size_t n = 0;

	for (size_t i = 0; i < len; i++) {
		char c = key[i];
		if (c == ' ' || c == '-' || (n && is_vowel(c)))
			continue;
		if (n && out[n - 1] == c)
			continue;
		out[n++] = c;
	}
	out[n] = '\0';
	*out_len = n;
	return out;
}

/* Jaro similarity with the usual match window; no allocation for names
 * up to 64 bytes. */
static double jaro(const char *a, size_t al, const char *b, size_t bl)
{
	unsigned char am[64] = {0}, bm[64] = {0};
	size_t win, m = 0, t = 0, k = 0;

	if (!al || !bl)
		return al == bl;
	if (al > 64 || bl > 64)
		return al == bl && !memcmp(a, b, al);
	win = (al > bl ? al : bl) / 2;
	win = win ? win - 1 : 0;
	for (size_t i = 0; i < al; i++) {
		size_t lo = i > win ? i - win : 0, hi = i + win + 1;
		for (size_t j = lo; j < hi && j < bl; j++) {
			if (bm[j] || a[i] != b[j])
				continue;
			am[i] = bm[j] = 1;
			m++;
			break;
		}
	}
	if (!m)
		return 0;
	for (size_t i = 0; i < al; i++) {
		if (!am[i])
			continue;
		while (!bm[k])
			k++;
		t += a[i] != b[k++];
	}
	return ((double)m / (double)al + (double)m / (double)bl +
		((double)m - (double)t / 2) / (double)m) /
	       3;
}

double name_similarity(const char *a, size_t alen, const char *b, size_t blen)
{
	double j = jaro(a, alen, b, blen);
	size_t p = 0;

	while (p < 4 && p < alen && p < blen && a[p] == b[p])
		p++;
	return j + (double)p * 0.1 * (1 - j);
}
