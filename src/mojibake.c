/*
 * mojibake.c - find and undo "UTF-8 read as Windows-1252" damage with ICU's
 * windows-1252 converter. See mojibake.h for the policy.
 *
 * The scan walks the view once. Characters that Windows-1252 encodes as a
 * byte 0x80..0xFF form runs; in each run, the bytes are read as UTF-8 and
 * every well-formed multi-byte sequence becomes a piece (a candidate
 * character). Adjacent pieces form a span: one finding. Confidences are
 * settled per piece, then per span, then per line (a line with confident
 * damage lends confidence to its weaker spans), and only then reported.
 */
#include "mojibake.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/uscript.h>

#include "dict.h"
#include "utf8.h"
#include "util.h"

/* Windows-1252 encodes nothing above U+2122 and the other charsets little
 * above U+22FF (MacRoman's math signs): a cache of this many code points
 * answers almost every question; the rest go to the converter. */
#define CACHE_SIZE	0x2300
#define MAX_REDECODE	3
#define LINE_BONUS	0.15
#define SANDWICH_BONUS	0.15
#define ISOLATED_CONF	0.7
#define ISOLATED_A_CONF 0.8
#define DICT_CONF	0.9
#define PAGE_WORD_CONF	0.7

/* The charsets, Windows-1252 first: it is the common accident, and the
 * others are tried only on the text it leaves alone. */
enum page { PAGE_1252, PAGE_MAC, PAGE_1251, PAGE_1250, PAGE_8859_2, NPAGES };

static const struct {
	const char *icu, *why;
} pages[NPAGES] = {
    {"windows-1252", "UTF-8 read as windows-1252"},
    {"macintosh", "UTF-8 read as MacRoman"},
    {"windows-1251", "UTF-8 read as windows-1251"},
    {"windows-1250", "UTF-8 read as windows-1250"},
    {"ISO-8859-2", "UTF-8 read as ISO-8859-2"},
};

struct mojibake {
	UConverter *cnv[NPAGES];
	struct dict *dict;
	/* per charset: 0 unknown, -1 none, else the byte */
	int16_t byte_of[NPAGES][CACHE_SIZE];
};

/* One candidate character: view span, decoded code point, confidence. */
struct piece {
	size_t vs, ve;
	int32_t cp;
	double conf;
	int script;   /* a letter of a non-Latin script (Greek, Cyrillic..) */
	int mark;     /* a combining mark */
	int weak_end; /* ends in closing punctuation or NBSP ("IRMÃ»") */
	int sandwich; /* a Latin Extended letter from two characters */
	int sig;      /* other charsets: three bytes, a punctuation mark */
};

struct span {
	size_t vs, ve;
	size_t rs, rn; /* replacement: scan.repl.buf[rs .. rs + rn) */
	double conf;
	int sure; /* applied on its own, before line evidence */
	size_t line;
	const char *why;
};

struct scan {
	struct mojibake *m;
	const struct view *v;
	size_t line;
	/* the current run: code points, their view offsets, their bytes */
	int32_t *cps;
	size_t *offs; /* offs[n] is the end of the run */
	char *bytes;
	size_t n, cap;
	struct piece *pieces;
	size_t np, pcap;
	struct span *spans;
	size_t ns, scap;
	struct strbuf repl;
};

/* Open one converter that stops at the first unmappable character. */
static UConverter *open_page(const char *name)
{
	UErrorCode err = U_ZERO_ERROR;
	UConverter *c = ucnv_open(name, &err);

	if (U_SUCCESS(err))
		ucnv_setFromUCallBack(c, UCNV_FROM_U_CALLBACK_STOP, NULL, NULL,
				      NULL, &err);
	if (U_SUCCESS(err))
		ucnv_setToUCallBack(c, UCNV_TO_U_CALLBACK_STOP, NULL, NULL,
				    NULL, &err);
	if (U_FAILURE(err)) {
		rl_error("cannot open the %s converter: %s", name,
			 u_errorName(err));
		if (c)
			ucnv_close(c);
		return NULL;
	}
	return c;
}

struct mojibake *mojibake_new(struct dict *dict)
{
	struct mojibake *m = xcalloc(1, sizeof(*m));

	m->dict = dict;
	for (int p = 0; p < NPAGES; p++)
		if (!(m->cnv[p] = open_page(pages[p].icu))) {
			mojibake_free(m);
			return NULL;
		}
	return m;
}

void mojibake_free(struct mojibake *m)
{
	if (!m)
		return;
	for (int p = 0; p < NPAGES; p++)
		if (m->cnv[p])
			ucnv_close(m->cnv[p]);
	free(m);
}

/* The byte 0x80..0xFF charset p gives cp, or -1 (uncached). */
static int page_byte_uncached(struct mojibake *m, int p, int32_t cp)
{
	UErrorCode err = U_ZERO_ERROR;
	UChar u = (UChar)cp;
	char b = 0;
	int32_t n;

	if (cp > 0xFFFF)
		return -1;
	ucnv_resetFromUnicode(m->cnv[p]);
	n = ucnv_fromUChars(m->cnv[p], &b, 1, &u, 1, &err);
	return U_SUCCESS(err) && n == 1 && (unsigned char)b >= 0x80
		   ? (unsigned char)b
		   : -1;
}

/*
 * The byte 0x80..0xFF charset p gives cp, or -1. For Windows-1252 the
 * encoder is sloppy: the C1 controls U+0080..U+009F, which a Latin-1
 * decoder produces and Windows-1252 lacks, encode as their own value
 * (Latin-1's definition).
 */
static int page_byte(struct mojibake *m, int p, int32_t cp)
{
	if (cp < 0x80)
		return -1;
	if (cp >= CACHE_SIZE)
		return p == PAGE_1252 ? -1 : page_byte_uncached(m, p, cp);
	if (!m->byte_of[p][cp])
		m->byte_of[p][cp] =
		    (int16_t)(p == PAGE_1252 && cp <= 0x9F
				  ? cp
				  : page_byte_uncached(m, p, cp));
	return m->byte_of[p][cp];
}

static int sloppy_byte(struct mojibake *m, int32_t cp)
{
	return page_byte(m, PAGE_1252, cp);
}

/* The Windows-1252 character of byte b, or -1 when it has none. */
static int32_t cp1252_char(struct mojibake *m, unsigned char b)
{
	UErrorCode err = U_ZERO_ERROR;
	const char in = (char)b;
	UChar out[2];
	int32_t n;

	ucnv_resetToUnicode(m->cnv[PAGE_1252]);
	n = ucnv_toUChars(m->cnv[PAGE_1252], out, 2, &in, 1, &err);
	if (U_FAILURE(err) || n != 1 || u_charType(out[0]) == U_CONTROL_CHAR)
		return -1;
	return out[0];
}

/* Code point at view offset i (-1 past the end) and before it (-1 at 0). */
static int32_t cp_at(const struct view *v, size_t i)
{
	return i < v->len ? utf8_next(v->text, &i, v->len) : -1;
}

/* The base character before view offset i: combining marks are skipped,
 * so that "e" U+0301 reads like its composed "é" and the verdict does not
 * change once the NFC stage has composed them. */
static int32_t cp_before(const struct view *v, size_t i)
{
	int32_t c = -1;

	while (i > 0 && (c = utf8_prev(v->text, &i)) >= 0 && uc_is_mark(c))
		;
	return c;
}

static int is_c1(int32_t c)
{
	return c >= 0x80 && c <= 0x9F;
}

static int script_ok_3_4(int32_t d)
{
	UErrorCode err = U_ZERO_ERROR;
	UScriptCode sc = uscript_getScript(d, &err);
	int8_t t = u_charType(d);

	if (U_FAILURE(err) || t == U_UNASSIGNED || t == U_PRIVATE_USE_CHAR ||
	    t == U_SURROGATE ||
	    u_hasBinaryProperty(d, UCHAR_NONCHARACTER_CODE_POINT))
		return 0;
	return sc == USCRIPT_COMMON || sc == USCRIPT_INHERITED ||
	       sc == USCRIPT_LATIN;
}

/* Base confidence of a two-byte decoding above U+00FF. */
static double two_byte_base(struct piece *p)
{
	UBlockCode b = ublock_getCode(p->cp);

	if (b == UBLOCK_LATIN_EXTENDED_A || b == UBLOCK_LATIN_EXTENDED_B) {
		p->sandwich = 1;
		return u_isalpha(p->cp) ? 0.6 : 0;
	}
	if (b == UBLOCK_COMBINING_DIACRITICAL_MARKS) {
		p->mark = 1;
		return 0.6;
	}
	if (u_isalpha(p->cp) && b != UBLOCK_IPA_EXTENSIONS &&
	    b != UBLOCK_SPACING_MODIFIER_LETTERS) {
		p->script = 1; /* settled per span: needs two letters */
		return 0.5;
	}
	return 0;
}

/* Confidence of piece p decoded from the k characters orig[]; 0 refuses. */
static double piece_base(struct piece *p, const int32_t *orig, size_t k)
{
	double c;

	if (k == 2 && p->cp < 0x100)
		c = p->cp >= 0xA0 ? 0.85 : 0; /* "Ã©", "Â°"; C1 refused */
	else if (k == 2)
		c = two_byte_base(p);
	else if (!script_ok_3_4(p->cp))
		c = 0;
	else if (k == 3 && orig[0] == 0xE2 && orig[1] == 0x20AC)
		c = 0.95; /* "â€™", "â€œ", "â€“"... */
	else
		c = k == 4 ? 0.8 : 0.7;
	for (size_t i = 0; c > 0 && i < k; i++)
		if (is_c1(orig[i])) {
			c += 0.1;
			break;
		}
	return c;
}

/* Confidences are sums of tenths: 0.6 + 0.1 + 0.1 is 0.7999... in binary
 * floating point, and must pass a threshold of 0.8. */
static int applies(double conf)
{
	return conf >= MOJIBAKE_APPLY_THRESHOLD - 1e-9;
}

static void add_span(struct scan *s, size_t vs, size_t ve, const char *repl,
		     size_t rn, double conf, const char *why)
{
	struct span *sp;

	GROW(s->spans, s->scap, s->ns + 1);
	sp = &s->spans[s->ns++];
	sp->vs = vs;
	sp->ve = ve;
	sp->rs = s->repl.len;
	sp->rn = rn;
	sb_add(&s->repl, repl, rn);
	sp->conf = conf;
	sp->sure = applies(conf);
	sp->line = s->line;
	sp->why = why;
}

/*
 * Read text[0..len) as bytes of charset pg and decode them as UTF-8 in
 * full; NULL when any character or sequence does not qualify. Used for
 * the second layer of double-encoded text.
 */
static char *redecode_page(struct mojibake *m, int pg, const char *text,
			   size_t len, size_t *out_len)
{
	struct strbuf bytes, out;
	size_t i = 0, j = 0;
	char *res = NULL;

	sb_init(&bytes);
	sb_init(&out);
	while (i < len) {
		int b = page_byte(m, pg, utf8_next(text, &i, len));
		if (b < 0)
			goto out;
		sb_addc(&bytes, (char)b);
	}
	while (j < bytes.len) {
		struct piece p = {0};
		int32_t orig[4] = {0};
		size_t at = j, k;
		char enc[4];

		p.cp = utf8_next(bytes.buf, &j, bytes.len);
		k = j - at;
		for (size_t q = 0; q < k && q < 4; q++)
			orig[q] = (unsigned char)bytes.buf[at + q];
		if (p.cp < 0x80 || piece_base(&p, orig, k) <= 0 || p.script)
			goto out;
		sb_add(&out, enc, utf8_put(enc, p.cp));
	}
	res = sb_detach(&out, out_len);
out:
	sb_release(&bytes);
	sb_release(&out);
	return res;
}

/* The first charset in which text[0..len) is mojibake in full, decoded;
 * NULL when there is none. Layers may mix charsets ("âˆšÂ©" is MacRoman's
 * "√©" read once more as Windows-1252). */
static char *redecode(struct mojibake *m, const char *text, size_t len,
		      size_t *out_len)
{
	char *r = NULL;

	for (int pg = 0; pg < NPAGES && !r; pg++)
		r = redecode_page(m, pg, text, len, out_len);
	return r;
}

/* Redecode r in place while it is mojibake in full (MAX_REDECODE layers). */
static void peel_layers(struct mojibake *m, struct strbuf *r)
{
	char *again;
	size_t n;

	for (int k = 1;
	     k < MAX_REDECODE && (again = redecode(m, r->buf, r->len, &n));
	     k++) {
		sb_reset(r);
		sb_add(r, again, n);
		free(again);
	}
}

/* Settle the confidence of pieces [a, b), adjacent in the view. */
static void settle_pieces(struct scan *s, size_t a, size_t b)
{
	size_t letters = 0;

	for (size_t i = a; i < b; i++)
		letters += s->pieces[i].script;
	for (size_t i = a; i < b; i++) {
		struct piece *p = &s->pieces[i];
		int32_t before =
		    i > a ? s->pieces[i - 1].cp : cp_before(s->v, p->vs);
		int32_t after =
		    i + 1 < b ? s->pieces[i + 1].cp : cp_at(s->v, p->ve);
		if (p->script)
			p->conf = letters >= 3 ? 0.9 : letters == 2 ? 0.7 : 0;
		if (p->mark && !uc_is_alpha(before))
			p->conf = 0;
		if (p->weak_end && uc_is_alpha(before) &&
		    !uc_is_lower(before) && !uc_is_alpha(after) &&
		    p->conf > 0.6)
			p->conf = 0.6;
		/* "cÅ“ur": a capital and a quote mark inside a lower-case
		 * word are no spelling of any language. */
		if (p->sandwich && uc_is_lower(p->cp) && uc_is_lower(before) &&
		    uc_is_lower(after))
			p->conf += SANDWICH_BONUS;
	}
}

/* 1 when view offset i holds a space followed by a lower-case letter or a
 * digit: the next word of a sentence. */
static int word_follows(const struct view *v, size_t i)
{
	int32_t c = cp_at(v, i + 1);

	return i < v->len && v->text[i] == ' ' &&
	       (uc_is_lower(c) || uc_is_digit(c));
}

/* 1 when view offset i holds a space followed by a letter or a digit. */
static int any_word_follows(const struct view *v, size_t i)
{
	int32_t c = cp_at(v, i + 1);

	return i < v->len && v->text[i] == ' ' &&
	       (uc_is_alpha(c) || uc_is_digit(c));
}

/*
 * A single decoded letter standing alone ("les séquences « Ã© » et
 * « Ã¨ »") is more often a quoted example than damage: it needs evidence
 * from its line, except "à" before the next word of a sentence, the one
 * accented word of a single letter in French, and its capital "À" before
 * any word ("Ã€ Paris").
 */
static double isolated_letter(const struct view *v, int32_t cp, size_t ve,
			      double conf)
{
	if ((cp == 0xE0 && word_follows(v, ve)) ||
	    (cp == 0xC0 && any_word_follows(v, ve)))
		return ISOLATED_A_CONF;
	return conf < ISOLATED_CONF ? conf : ISOLATED_CONF;
}

/* 1 when the UTF-8 text s[0..len) holds a combining mark. */
static int has_mark(const char *s, size_t len)
{
	for (size_t i = 0; i < len;)
		if (uc_is_mark(utf8_next(s, &i, len)))
			return 1;
	return 0;
}

/*
 * A repair next to combining marks. A decoded mark belongs to the letter
 * before it ("hoÌ‚tel" is "hô" + "tel"), and marks after the repair belong
 * to its last letter ("prÃ©" U+0327). The view span [*vs, *ve) takes them
 * in and its replacement r becomes their NFC: the NFC stage, which runs
 * later, could not compose across the repair (its change would overlap an
 * applied one), and a second run would.
 */
static void take_marks(const struct view *v, size_t *vs, size_t *ve,
		       struct strbuf *r)
{
	size_t i = *vs, j = *ve, k = 0, n;
	struct strbuf t;
	char *nfc;

	if (r->len && uc_is_mark(utf8_next(r->buf, &k, r->len)))
		while (i > 0 && uc_is_mark(utf8_prev(v->text, &i)))
			; /* back over the marks and the letter they sit on */
	while (j < v->len && uc_is_mark(cp_at(v, j)))
		utf8_next(v->text, &j, v->len);
	if (i == *vs && j == *ve && !has_mark(r->buf, r->len))
		return;
	sb_init(&t);
	sb_add(&t, v->text + i, *vs - i);
	sb_add(&t, r->buf, r->len);
	sb_add(&t, v->text + *ve, j - *ve);
	nfc = nfc_utf8(t.buf, t.len, &n);
	if (nfc) {
		sb_reset(r);
		sb_add(r, nfc, n);
		*vs = i;
		*ve = j;
	}
	free(nfc);
	sb_release(&t);
}

/* 1 when c continues a word for the dictionary verdict. */
static int word_cp(int32_t c)
{
	return uc_is_alpha(c) || uc_is_mark(c);
}

/* The word around view span [vs, ve): letters and marks on both sides. */
static void word_around(const struct view *v, size_t *vs, size_t *ve)
{
	size_t i = *vs, j = *ve;

	while (i > 0) {
		size_t at = i;
		if (!word_cp(utf8_prev(v->text, &at)))
			break;
		i = at;
	}
	while (j < v->len) {
		size_t at = j;
		if (!word_cp(utf8_next(v->text, &at, v->len)))
			break;
		j = at;
	}
	*vs = i;
	*ve = j;
}

/* 1 when s[0..len) has two letters or more, all of them Latin, and
 * nothing but letters and marks. */
static int latin_word(const char *s, size_t len)
{
	size_t letters = 0;

	for (size_t i = 0; i < len;) {
		int32_t c = utf8_next(s, &i, len);
		if (uc_is_mark(c))
			continue;
		if (!uc_is_alpha(c) || !uc_is_latin(c))
			return 0;
		letters++;
	}
	return letters >= 2;
}

/*
 * The dictionary's verdict on replacing view span [vs, ve) by r[0..rn):
 * 1 when the repaired word is a Latin word the dictionary accepts and the
 * damaged word is not, else 0.
 */
static int dict_prefers(struct scan *s, size_t vs, size_t ve, const char *r,
			size_t rn)
{
	const struct view *v = s->v;
	size_t ws = vs, we = ve;
	struct strbuf w;
	int better;

	if (!s->m->dict)
		return 0;
	word_around(v, &ws, &we);
	sb_init(&w);
	sb_add(&w, v->text + ws, vs - ws);
	sb_add(&w, r, rn);
	sb_add(&w, v->text + ve, we - ve);
	better = latin_word(w.buf, w.len) &&
		 dict_check(s->m->dict, w.buf, w.len) &&
		 !dict_check(s->m->dict, v->text + ws, we - ws);
	sb_release(&w);
	return better;
}

/* Confidence conf raised to DICT_CONF when the dictionary prefers the
 * repair. */
static double dict_verdict(struct scan *s, size_t vs, size_t ve, const char *r,
			   size_t rn, double conf)
{
	if (conf < DICT_CONF && dict_prefers(s, vs, ve, r, rn))
		return DICT_CONF;
	return conf;
}

/* Emit pieces [a, b) (adjacent, all accepted) as one span. */
static void emit_pieces(struct scan *s, size_t a, size_t b)
{
	struct strbuf r;
	double conf = 1.0;
	size_t vs = s->pieces[a].vs, ve = s->pieces[b - 1].ve;
	char enc[4];

	sb_init(&r);
	for (size_t i = a; i < b; i++) {
		if (s->pieces[i].conf < conf)
			conf = s->pieces[i].conf;
		sb_add(&r, enc, utf8_put(enc, s->pieces[i].cp));
	}
	if (b - a >= 2 || uc_is_alpha(cp_before(s->v, vs)) ||
	    uc_is_alpha(cp_at(s->v, ve)))
		conf += 0.1;
	else if (uc_is_alpha(s->pieces[a].cp))
		conf = isolated_letter(s->v, s->pieces[a].cp, ve, conf);
	peel_layers(s->m, &r);
	conf = dict_verdict(s, vs, ve, r.buf, r.len, conf);
	take_marks(s->v, &vs, &ve, &r);
	add_span(s, vs, ve, r.buf, r.len, conf > 0.99 ? 0.99 : conf,
		 "UTF-8 read as windows-1252");
	sb_release(&r);
}

/* Split the adjacent pieces [a, b) at refused pieces and emit the rest. */
static void flush_pieces(struct scan *s, size_t a, size_t b)
{
	size_t start = a;

	settle_pieces(s, a, b);
	for (size_t i = a; i <= b; i++) {
		if (i < b && s->pieces[i].conf > 0)
			continue;
		if (i > start)
			emit_pieces(s, start, i);
		start = i + 1;
	}
}

/* The run's characters from k on read as UTF-8: one piece, or 0. */
static size_t try_piece(struct scan *s, size_t k)
{
	size_t j = k, used;
	struct piece p = {0};
	int32_t last;

	p.cp = utf8_next(s->bytes, &j, s->n);
	used = j - k;
	if (p.cp < 0x80 || used < 2)
		return 0;
	p.vs = s->offs[k];
	p.ve = s->offs[j];
	p.conf = piece_base(&p, s->cps + k, used);
	if (p.conf <= 0)
		return 0;
	/* Closing quotes, "…" and NBSP legitimately follow a word: a piece
	 * ending in one at the end of a word may be a word in capitals. */
	last = s->cps[j - 1];
	p.weak_end = u_charType(last) == U_FINAL_PUNCTUATION ||
		     last == 0x2026 || last == 0xA0;
	GROW(s->pieces, s->pcap, s->np + 1);
	s->pieces[s->np++] = p;
	return used;
}

static int sentence_start(const struct view *v, size_t i)
{
	while (i > 0) {
		int32_t c = utf8_prev(v->text, &i);
		if (c == '\n')
			return 1;
		if (!uc_is_space(c))
			return c == '.' || c == '!' || c == '?';
	}
	return 1;
}

/*
 * Lost-byte patterns at the last character of a run, followed by a space:
 * "Ã la" (the NBSP of "à" lost), "Ã  la" (the NBSP turned into a space:
 * the repair takes that space too), "lâ appui" (the C1 bytes of "’"
 * turned into a space), "1Â 000" (the lead of a NBSP left behind).
 */
static void lost_byte(struct scan *s, size_t k)
{
	const struct view *v = s->v;
	size_t at = s->offs[k], sp = s->offs[k + 1];
	int32_t c = s->cps[k], before = cp_before(v, at);
	int two = c == 0xC3 && sp + 1 < v->len && v->text[sp] == ' ' &&
		  v->text[sp + 1] == ' ';
	int32_t after = cp_at(v, sp + 1 + two);

	if (sp >= v->len || v->text[sp] != ' ' ||
	    (!uc_is_alpha(after) && !uc_is_digit(after)))
		return;
	if (c == 0xC3 && (!uc_is_alpha(before) || uc_is_lower(before))) {
		int cap = !uc_is_alpha(before) && sentence_start(v, at);
		add_span(s, at, sp + two, cap ? "\xC3\x80" : "\xC3\xA0", 2,
			 word_follows(v, sp + two) ? ISOLATED_A_CONF : 0.7,
			 two ? "lost byte: 'Ã' and a space read as 'à' and "
			       "its no-break space"
			     : "lost byte: standalone 'Ã' read as 'à'");
	} else if (c == 0xE2 && uc_is_alpha(before) && uc_is_alpha(after)) {
		add_span(s, at, sp + 1, "\xE2\x80\x99", 3, 0.7,
			 "lost bytes: 'â ' read as an apostrophe");
	} else if (c == 0xC2 && !uc_is_alpha(before)) {
		add_span(s, at, sp + 1, "\xC2\xA0", 2, 0.7,
			 "lost byte: 'Â ' read as a no-break space");
	}
}

static void isolated_c1(struct scan *s, size_t k)
{
	char repl[4];
	int32_t c = cp1252_char(s->m, (unsigned char)s->cps[k]);

	if (c > 0)
		add_span(s, s->offs[k], s->offs[k + 1], repl, utf8_put(repl, c),
			 0.85, "C1 control read as windows-1252");
}

static void process_run(struct scan *s)
{
	size_t k = 0;

	s->np = 0;
	while (k < s->n) {
		size_t used = try_piece(s, k);
		if (used) {
			k += used;
			continue;
		}
		if (is_c1(s->cps[k]))
			isolated_c1(s, k);
		else if (k + 1 == s->n)
			lost_byte(s, k);
		k++;
	}
	for (size_t a = 0, i = 1; i <= s->np; i++)
		if (i == s->np || s->pieces[i].vs != s->pieces[i - 1].ve) {
			flush_pieces(s, a, i);
			a = i;
		}
}

/* Collect the run of encodable characters starting at view offset *i. */
static void collect_run(struct scan *s, size_t *i)
{
	const struct view *v = s->v;

	s->n = 0;
	while (*i < v->len) {
		size_t at = *i;
		int32_t c = utf8_next(v->text, i, v->len);
		int b = sloppy_byte(s->m, c);
		if (b < 0) {
			*i = at;
			break;
		}
		if (s->n + 2 > s->cap) {
			size_t cap = s->cap;
			GROW(s->cps, cap, s->n + 2);
			s->offs = xrealloc(s->offs, cap * sizeof(*s->offs));
			s->bytes = xrealloc(s->bytes, cap);
			s->cap = cap;
		}
		s->cps[s->n] = c;
		s->offs[s->n] = at;
		s->bytes[s->n++] = (char)b;
		s->offs[s->n] = *i;
	}
}

/* ---- The other charsets, word by word ---------------------------------- */

/* 1 when a UTF-8 sequence of k bytes decoding to d is what French
 * mojibake through another charset than Windows-1252 hides: a Latin-1
 * letter or "œ" (two bytes), General Punctuation or the euro sign (three
 * bytes, "…" "’" "–"). */
static int page_piece_ok(int32_t d, size_t k)
{
	if (k == 2)
		return (d >= 0xC0 && d <= 0xFF && d != 0xD7 && d != 0xF7) ||
		       d == 0x152 || d == 0x153;
	return k == 3 && ((d >= 0x2010 && d <= 0x203A) || d == 0x20AC);
}

/* 1 when d may be a character of an inner layer ("√" and "©" of "√©"
 * inside "‚àö¬©"): a Latin-1 or Latin Extended-A character, or three
 * bytes of the Common script. The outer result must pass
 * page_piece_ok(). */
static int layer_piece_ok(int32_t d, size_t k)
{
	return page_piece_ok(d, k) || (k == 2 && d >= 0xA0 && d <= 0x17F) ||
	       (k == 3 && script_ok_3_4(d));
}

/* 1 when every character of r[0..n) passes page_piece_ok(). */
static int page_result_ok(const char *r, size_t n)
{
	char enc[4];

	for (size_t i = 0; i < n;) {
		int32_t d = utf8_next(r, &i, n);
		if (!page_piece_ok(d, utf8_put(enc, d)))
			return 0;
	}
	return n > 0;
}

/* 1 when view offset i starts an ASCII white-space character: words of
 * this scan end there (a NBSP can be a byte of the damage). */
static int ascii_space(const struct view *v, size_t i)
{
	const char c = v->text[i];

	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v';
}

/* 1 when view span [vs, ve) overlaps a span found before with at least
 * DICT_CONF (a weaker one may lose to this reading: drop_overlaps()). */
static int overlaps_span(const struct scan *s, size_t vs, size_t ve)
{
	for (size_t i = 0; i < s->ns; i++)
		if (s->spans[i].vs < ve && vs < s->spans[i].ve &&
		    s->spans[i].conf >= DICT_CONF)
			return 1;
	return 0;
}

/* Collect the characters of view [ws, we) into the run arrays with their
 * bytes in charset pg (-1 stored as 0: not a byte of the damage). */
static void collect_word(struct scan *s, int pg, size_t ws, size_t we)
{
	size_t i = ws;

	s->n = 0;
	while (i < we) {
		size_t at = i;
		int32_t c = utf8_next(s->v->text, &i, we);
		int b = page_byte(s->m, pg, c);
		if (s->n + 2 > s->cap) {
			size_t cap = s->cap;
			GROW(s->cps, cap, s->n + 2);
			s->offs = xrealloc(s->offs, cap * sizeof(*s->offs));
			s->bytes = xrealloc(s->bytes, cap);
			s->cap = cap;
		}
		s->cps[s->n] = c;
		s->offs[s->n] = at;
		s->bytes[s->n++] = (char)(b < 0 ? 0 : b);
		s->offs[s->n] = i;
	}
}

/* The pieces of the collected word: well-formed multi-byte sequences in
 * its bytes that page_piece_ok() accepts. */
static void word_pieces(struct scan *s)
{
	size_t k = 0;

	s->np = 0;
	while (k < s->n) {
		size_t j = k, end = k;
		struct piece p = {0};

		while (end < s->n && s->bytes[end])
			end++;
		p.cp = end > k ? utf8_next(s->bytes, &j, end) : -1;
		if (p.cp < 0x80 || j - k < 2 || !layer_piece_ok(p.cp, j - k) ||
		    overlaps_span(s, s->offs[k], s->offs[j])) {
			k++;
			continue;
		}
		p.vs = s->offs[k];
		p.ve = s->offs[j];
		p.sig = j - k == 3;
		GROW(s->pieces, s->pcap, s->np + 1);
		s->pieces[s->np++] = p;
		k = j;
	}
}

/* Group the adjacent pieces: one span each in *groups, its layers peeled,
 * its replacement appended to reps. */
static void page_groups(struct scan *s, struct strbuf *reps,
			struct span *groups, size_t *ng)
{
	*ng = 0;
	for (size_t a = 0, b; a < s->np; a = b) {
		struct strbuf r;
		char enc[4];

		sb_init(&r);
		for (b = a; b < s->np &&
			    (b == a || s->pieces[b].vs == s->pieces[b - 1].ve);
		     b++)
			sb_add(&r, enc, utf8_put(enc, s->pieces[b].cp));
		peel_layers(s->m, &r);
		groups[*ng].conf = page_result_ok(r.buf, r.len);
		groups[*ng].vs = s->pieces[a].vs;
		groups[*ng].ve = s->pieces[b - 1].ve;
		groups[*ng].rs = reps->len;
		groups[*ng].rn = r.len;
		groups[(*ng)++].sure = s->pieces[a].sig && b - a == 1;
		sb_add(reps, r.buf, r.len);
		sb_release(&r);
	}
}

/* The group starting (at_end 0) or ending (at_end 1) at view offset i. */
static const struct span *group_at(const struct span *g, size_t ng, size_t i,
				   int at_end)
{
	for (size_t k = 0; k < ng; k++)
		if ((at_end ? g[k].ve : g[k].vs) == i)
			return &g[k];
	return NULL;
}

/* The word around group g: letters, marks and other groups on both
 * sides; in *w the word with every group replaced. */
static void group_word(const struct scan *s, const struct span *g, size_t ng,
		       size_t k, const struct strbuf *reps, size_t *ws,
		       size_t *we, struct strbuf *w)
{
	const struct view *v = s->v;
	const struct span *h;
	size_t i = g[k].vs, j = g[k].ve;

	for (;;) {
		size_t at = i;
		if ((h = group_at(g, ng, i, 1)))
			i = h->vs;
		else if (i > 0 && word_cp(utf8_prev(v->text, &at)))
			i = at;
		else
			break;
	}
	for (;;) {
		size_t at = j;
		if ((h = group_at(g, ng, j, 0)))
			j = h->ve;
		else if (j < v->len && word_cp(utf8_next(v->text, &at, v->len)))
			j = at;
		else
			break;
	}
	*ws = i;
	*we = j;
	while (i < j) {
		if ((h = group_at(g, ng, i, 0))) {
			sb_add(w, reps->buf + h->rs, h->rn);
			i = h->ve;
		} else {
			size_t at = i;
			utf8_next(v->text, &i, j);
			sb_add(w, v->text + at, i - at);
		}
	}
}

/*
 * Confidence of group k: DICT_CONF for a punctuation signature or when
 * the dictionary prefers the repaired word; PAGE_WORD_CONF when the
 * repaired word is Latin and the group sits next to a letter (a name the
 * dictionary does not know); 0 otherwise.
 */
static double group_conf(struct scan *s, const struct span *g, size_t ng,
			 size_t k, const struct strbuf *reps)
{
	struct dict *d = s->m->dict;
	struct strbuf w;
	size_t ws, we;
	double conf = 0;

	if (!g[k].conf) /* not French mojibake once its layers are peeled */
		return 0;
	if (g[k].sure)
		return DICT_CONF;
	sb_init(&w);
	group_word(s, g, ng, k, reps, &ws, &we, &w);
	/* "à" and "À" alone: before the next word, as in Windows-1252 */
	if (w.len == 2 && ws == g[k].vs && we == g[k].ve &&
	    ((!memcmp(w.buf, "\xC3\xA0", 2) && word_follows(s->v, we)) ||
	     (!memcmp(w.buf, "\xC3\x80", 2) && any_word_follows(s->v, we))))
		conf = ISOLATED_A_CONF;
	else if (latin_word(w.buf, w.len)) {
		if (d && dict_check(d, w.buf, w.len) &&
		    !dict_check(d, s->v->text + ws, we - ws))
			conf = DICT_CONF;
		else if (ws < g[k].vs || g[k].ve < we)
			conf = PAGE_WORD_CONF;
	}
	sb_release(&w);
	return conf;
}

/* The reading of one word through one charset: its groups, their
 * replacements and confidences, and the sum of those. */
struct reading {
	struct strbuf reps;
	struct span *groups;
	size_t ng;
	double total;
};

/* Read the word [ws, we) through charset pg into *rd. */
static void read_word(struct scan *s, int pg, size_t ws, size_t we,
		      struct reading *rd)
{
	sb_init(&rd->reps);
	rd->groups = NULL;
	rd->ng = 0;
	rd->total = 0;
	collect_word(s, pg, ws, we);
	word_pieces(s);
	if (!s->np)
		return;
	rd->groups = xcalloc(s->np, sizeof(*rd->groups));
	page_groups(s, &rd->reps, rd->groups, &rd->ng);
	for (size_t k = 0; k < rd->ng; k++) {
		double c = group_conf(s, rd->groups, rd->ng, k, &rd->reps);
		rd->groups[k].conf = c;
		rd->total += c;
	}
}

static void reading_release(struct reading *rd)
{
	sb_release(&rd->reps);
	free(rd->groups);
}

/*
 * Find and report the damage of one word [ws, we) through the charsets
 * other than Windows-1252. Several can read a word ("ĂŠ" is "é" in
 * ISO-8859-2 and "Ê" in Windows-1250): the reading with the highest
 * total confidence wins (the dictionary decides), the first on a tie.
 */
static void page_word(struct scan *s, size_t ws, size_t we)
{
	struct reading best = {0}, rd;
	int best_pg = -1;

	for (int pg = PAGE_1252 + 1; pg < NPAGES; pg++) {
		read_word(s, pg, ws, we, &rd);
		if (rd.total > best.total + 1e-9) {
			if (best_pg >= 0)
				reading_release(&best);
			best = rd;
			best_pg = pg;
		} else {
			reading_release(&rd);
		}
	}
	if (best_pg < 0)
		return;
	for (size_t k = 0; k < best.ng; k++)
		if (best.groups[k].conf > 0)
			add_span(s, best.groups[k].vs, best.groups[k].ve,
				 best.reps.buf + best.groups[k].rs,
				 best.groups[k].rn, best.groups[k].conf,
				 pages[best_pg].why);
	reading_release(&best);
}

/* Scan the view word by word for the damage of the other charsets. */
static void scan_pages(struct scan *s)
{
	const struct view *v = s->v;
	size_t i = 0;

	s->line = 0;
	while (i < v->len) {
		size_t ws = i, na = 0;
		if (ascii_space(v, i)) {
			s->line += v->text[i++] == '\n';
			continue;
		}
		while (i < v->len && !ascii_space(v, i))
			na += (unsigned char)v->text[i++] >= 0x80;
		if (na >= 2)
			page_word(s, ws, i);
	}
}

static int span_cmp(const void *a, const void *b)
{
	const struct span *x = a, *y = b;

	return x->vs < y->vs ? -1 : x->vs > y->vs;
}

/* Of two overlapping spans (sorted by start), keep the more confident:
 * a weak Windows-1252 reading ("Ä¶" as "Ķ") loses to another charset's
 * signature ("‚Ä¶" as "…" in MacRoman). */
static void drop_overlaps(struct scan *s)
{
	size_t n = 0;

	for (size_t i = 0; i < s->ns; i++) {
		struct span *last = n ? &s->spans[n - 1] : NULL;
		if (last && s->spans[i].vs < last->ve) {
			if (s->spans[i].conf > last->conf)
				*last = s->spans[i];
			continue;
		}
		s->spans[n++] = s->spans[i];
	}
	s->ns = n;
}

/* Spans of a line that are applied on their own merits lend confidence
 * to the others. */
static void line_evidence(struct scan *s)
{
	for (size_t a = 0, b; a < s->ns; a = b) {
		size_t sure = 0;
		for (b = a; b < s->ns && s->spans[b].line == s->spans[a].line;
		     b++)
			sure += s->spans[b].sure;
		for (size_t i = a; i < b; i++) {
			struct span *sp = &s->spans[i];
			if (sure > (size_t)sp->sure) {
				sp->conf += LINE_BONUS;
				if (sp->conf > 0.99)
					sp->conf = 0.99;
			}
		}
	}
}

void mojibake_repair(struct mojibake *m, struct article *a,
		     const struct view *v)
{
	struct scan s;
	size_t i = 0;

	memset(&s, 0, sizeof(s));
	s.m = m;
	s.v = v;
	sb_init(&s.repl);
	while (i < v->len) {
		unsigned char b = (unsigned char)v->text[i];
		if (b < 0x80) {
			s.line += b == '\n';
			i++;
			continue;
		}
		collect_run(&s, &i);
		if (s.n)
			process_run(&s);
		else
			utf8_next(v->text, &i, v->len);
	}
	scan_pages(&s);
	if (s.ns > 1)
		qsort(s.spans, s.ns, sizeof(*s.spans), span_cmp);
	drop_overlaps(&s);
	line_evidence(&s);
	for (size_t k = 0; k < s.ns; k++) {
		const struct span *sp = &s.spans[k];
		view_report(v, a, FK_MOJIBAKE, sp->vs, sp->ve,
			    s.repl.buf + sp->rs, sp->rn, applies(sp->conf),
			    sp->conf, sp->why);
	}
	free(s.cps);
	free(s.offs);
	free(s.bytes);
	free(s.pieces);
	free(s.spans);
	sb_release(&s.repl);
}
