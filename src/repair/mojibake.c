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
 * The other charsets are read word by word in mojibake_pages.c, between
 * the Windows-1252 scan and the line evidence.
 */
#include "repair/mojibake.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>

#include "common/dict.h"
#include "common/utf8.h"
#include "common/util.h"
#include "repair/mojibake_scan.h"

const struct mj_page mj_pages[NPAGES] = {
    {"windows-1252", "UTF-8 read as windows-1252", 0},
    {"macintosh", "UTF-8 read as MacRoman", 0},
    {"windows-1251", "UTF-8 read as windows-1251", 0},
    {"windows-1250", "UTF-8 read as windows-1250", 0},
    {"ISO-8859-2", "UTF-8 read as ISO-8859-2", 0},
    /* Latin-9, the French locale's of Unix (fr_FR@euro): as Windows-1252
     * but for eight bytes, so that "è" reads "Ãš", "ô" "ÃŽ" */
    {"ISO-8859-15", "UTF-8 read as ISO-8859-15", 0},
    /* the DOS code pages of a Windows console: "├®" */
    {"ibm-850", "UTF-8 read as IBM 850", 0},
    {"ibm-437", "UTF-8 read as IBM 437", 0},
    /* Cyrillic: "├й", "ц╘", "УЉ", "√©" */
    {"ibm-866", "UTF-8 read as IBM 866", 0},
    {"KOI8-R", "UTF-8 read as KOI8-R", 0},
    /* KOI8-R with the Ukrainian letters ("і" "ї" "є" "ґ") */
    {"KOI8-U", "UTF-8 read as KOI8-U", 0},
    {"ISO-8859-5", "UTF-8 read as ISO-8859-5", 0},
    {"x-mac-cyrillic", "UTF-8 read as MacCyrillic", 0},
    /* Greek and Baltic Windows: "Γ©", "Ć©" */
    {"windows-1253", "UTF-8 read as windows-1253", 0},
    {"windows-1257", "UTF-8 read as windows-1257", 0},
    /* Shift_JIS writes bytes A1..DF as half-width katakana: "ﾃｩ" */
    {"Shift_JIS", "UTF-8 read as Shift_JIS", 0},
    /* the double-byte charsets read a two-byte sequence as one Han or
     * Hangul character: "pr茅sentation", "pr矇sentation", "pr챕sentation",
     * "pr辿sentation" */
    {"GBK", "UTF-8 read as GBK", 1},
    {"Big5", "UTF-8 read as Big5", 1},
    {"EUC-KR", "UTF-8 read as EUC-KR", 1},
    {"EUC-JP", "UTF-8 read as EUC-JP", 1},
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

/* The UTF-8 of quotation mark c into out; 3 when it is E2 80 80..9F,
 * whose two last bytes Latin-1 hides, else 0. */
static size_t hidden_delimiter(int32_t c, char out[4])
{
	return c >= 0x2000 && c <= 0x201F ? utf8_put(out, c) : 0;
}

/* The language's quotation marks that Latin-1 damage hides (struct
 * mojibake's qopen, qclose): the first such pair of the primary and the
 * alternate quotes. */
static void hidden_quotes(struct mojibake *m, const char *lang)
{
	for (int alt = 0; alt < 2 && !m->qon; alt++) {
		int32_t open, close;
		if (!lang_quotes(lang, alt, &open, &close))
			continue;
		m->qon = hidden_delimiter(open, m->qopen);
		m->qcn = hidden_delimiter(close, m->qclose);
		if (!m->qon || !m->qcn)
			m->qon = m->qcn = 0;
	}
}

/* The letters of lang outside the Latin script, in two UTF-8 bytes
 * (struct mojibake's native). */
static void native_letters(struct mojibake *m, const char *lang)
{
	lang_letters(lang, 0x80, 0x800, m->native);
	m->nnative = 0;
	for (int32_t c = 0x80; c < 0x800; c++) {
		if (!mj_native_letter(m, c))
			continue;
		if (uc_is_latin(c))
			m->native[(c - 0x80) / 8] &=
			    (uint8_t) ~(1u << ((c - 0x80) % 8));
		else
			m->nnative++;
	}
}

struct mojibake *mojibake_new(struct dict *dict)
{
	struct mojibake *m = xcalloc(1, sizeof(*m));

	m->dict = dict;
	if (dict && dict_lang(dict)) {
		hidden_quotes(m, dict_lang(dict));
		native_letters(m, dict_lang(dict));
	}
	for (int p = 0; p < NPAGES; p++)
		if (!(m->cnv[p] = open_page(mj_pages[p].icu))) {
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
int mj_page_byte(struct mojibake *m, int p, int32_t cp)
{
	if (cp < 0x80)
		return -1;
	/* No 8-bit charset writes kana, Han or Hangul (U+3000..U+D7FF): CJK
	 * text never asks ICU. */
	if (cp >= 0x3000 && cp < 0xD800)
		return -1;
	if (cp >= CACHE_SIZE)
		return p == PAGE_1252 || mj_pages[p].pairs
			   ? -1
			   : page_byte_uncached(m, p, cp);
	if (!m->byte_of[p][cp])
		m->byte_of[p][cp] =
		    (int16_t)(p == PAGE_1252 && cp <= 0x9F
				  ? cp
				  : page_byte_uncached(m, p, cp));
	return m->byte_of[p][cp];
}

int mj_page_pair(struct mojibake *m, int p, int32_t cp, unsigned char out[2])
{
	UErrorCode err = U_ZERO_ERROR;
	UChar u = (UChar)cp;
	char b[4];
	int32_t n;

	/* Their characters with a lead byte C2..DF are Han and Hangul, all
	 * above U+3000: Latin text never asks ICU. */
	if (!mj_pages[p].pairs || cp < 0x3000 || cp > 0xFFFF)
		return 0;
	ucnv_resetFromUnicode(m->cnv[p]);
	n = ucnv_fromUChars(m->cnv[p], b, (int32_t)sizeof(b), &u, 1, &err);
	if (U_FAILURE(err) || n != 2)
		return 0;
	out[0] = (unsigned char)b[0];
	out[1] = (unsigned char)b[1];
	return 2;
}

static int sloppy_byte(struct mojibake *m, int32_t cp)
{
	return mj_page_byte(m, PAGE_1252, cp);
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
int32_t mj_cp_at(const struct view *v, size_t i)
{
	return i < v->len ? utf8_next(v->text, &i, v->len) : -1;
}

/* The base character before view offset i: combining marks are skipped,
 * so that "e" U+0301 reads like its composed "é" and the verdict does not
 * change once the NFC stage has composed them. */
int32_t mj_cp_before(const struct view *v, size_t i)
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

int mj_phonetic_letter(int32_t d)
{
	UBlockCode b = ublock_getCode(d);

	return u_charType(d) == U_MODIFIER_LETTER ||
	       b == UBLOCK_PHONETIC_EXTENSIONS ||
	       b == UBLOCK_PHONETIC_EXTENSIONS_SUPPLEMENT;
}

/* 1 when the character before view offset i is a digit or a capital
 * Roman numeral: an ordinal's superscript may follow ("XIXᵉ", "2ᵉ"). */
static int numeral_before(const struct view *v, size_t i)
{
	int32_t c = mj_cp_before(v, i);

	return uc_is_digit(c) || (c > 0 && c < 0x80 && strchr("IVXLCDM", c));
}

int mj_script_ok_3_4(int32_t d)
{
	UErrorCode err = U_ZERO_ERROR;
	UScriptCode sc = uscript_getScript(d, &err);
	int8_t t = u_charType(d);

	UBlockCode b = ublock_getCode(d);

	if (U_FAILURE(err) || t == U_UNASSIGNED || t == U_PRIVATE_USE_CHAR ||
	    t == U_SURROGATE ||
	    u_hasBinaryProperty(d, UCHAR_NONCHARACTER_CODE_POINT))
		return 0;
	/* the phonetic alphabets' letters and modifier letters ("ᴴ" is
	 * Portuguese "á´") are no text's characters, but for the
	 * superscripts of ordinals (mj_phonetic_letter()); of the rest of
	 * the Latin script, Latin Extended Additional (Vietnamese) decodes */
	if (mj_phonetic_letter(d) || b == UBLOCK_LATIN_EXTENDED_C ||
	    b == UBLOCK_LATIN_EXTENDED_D || b == UBLOCK_LATIN_EXTENDED_E)
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
	else if (!mj_script_ok_3_4(p->cp) && !mj_phonetic_letter(p->cp))
		c = 0;
	else if (k == 3 && orig[0] == 0xE2 && orig[1] == 0x20AC)
		c = 0.95; /* "â€™", "â€œ", "â€“"... */
	else if (p->cp == 0xFFFD)
		c = 0.95; /* "ï¿½": a lost character, encoded twice */
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

void mj_add_span(struct scan *s, size_t vs, size_t ve, const char *repl,
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
	struct strbuf bytes, out, leads;
	size_t i = 0, j = 0;
	char *res = NULL;

	sb_init(&bytes);
	sb_init(&out);
	sb_init(&leads);
	while (i < len) {
		int32_t c = utf8_next(text, &i, len);
		int b = mj_page_byte(m, pg, c);
		if (b < 0)
			goto out;
		sb_addc(&bytes, (char)b);
		sb_addc(&leads, (char)(uc_is_alpha(c) || uc_is_symbol(c)));
	}
	while (j < bytes.len) {
		struct piece p = {0};
		int32_t orig[4] = {0};
		size_t at = j, k;
		char enc[4];

		/* One character gave one byte, so leads.buf[at] tells what
		 * stood for this lead byte: a letter or a symbol ("Ã", "√"),
		 * never punctuation. MacRoman writes its lead bytes C7..D5 as
		 * « » … – — “ ” ‘ ’, so "«é", which is plain French, would
		 * otherwise read as one more layer ("ǎ"). */
		if (!leads.buf[at])
			goto out;
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
	sb_release(&leads);
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

/* 1 when r is a word of the language's own script that its dictionary
 * knows: "тип" is no further layer, though IBM 866 writes E2 A8 AF, the
 * UTF-8 of "⨯", as "тип". */
static int native_known(struct mojibake *m, const struct strbuf *r)
{
	return m->nnative && m->dict && mj_native_word(m, r->buf, r->len) &&
	       dict_check(m->dict, r->buf, r->len);
}

/* Redecode r in place while it is mojibake in full (MAX_REDECODE layers). */
int mj_peel_layers(struct mojibake *m, struct strbuf *r)
{
	char *again;
	size_t n;
	int k;

	for (k = 1; k < MAX_REDECODE && !native_known(m, r) &&
		    (again = redecode(m, r->buf, r->len, &n));
	     k++) {
		sb_reset(r);
		sb_add(r, again, n);
		free(again);
	}
	return k - 1;
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
		    i > a ? s->pieces[i - 1].cp : mj_cp_before(s->v, p->vs);
		int32_t after =
		    i + 1 < b ? s->pieces[i + 1].cp : mj_cp_at(s->v, p->ve);
		/* one letter of the language's own script ("Ñƒ", "у") is
		 * left to the dictionary and the line's evidence */
		if (p->script)
			p->conf =
			    letters >= 3 ? 0.9
			    : letters == 2 || mj_native_letter(s->m, p->cp)
				? 0.7
				: 0;
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
int mj_word_follows(const struct view *v, size_t i)
{
	int32_t c = mj_cp_at(v, i + 1);

	return i < v->len && v->text[i] == ' ' &&
	       (uc_is_lower(c) || uc_is_digit(c));
}

/* 1 when view offset i holds a space followed by a letter or a digit. */
int mj_any_word_follows(const struct view *v, size_t i)
{
	int32_t c = mj_cp_at(v, i + 1);

	return i < v->len && v->text[i] == ' ' &&
	       (uc_is_alpha(c) || uc_is_digit(c));
}

/*
 * A single decoded letter standing alone ("les séquences « Ã© » et
 * « Ã¨ »") is more often a quoted example than damage: it needs evidence
 * from its line, except before the next word when it is a word of one
 * letter of the language, as the dictionary says: French "à" (and its
 * capital "À" before any word, "Ã€ Paris"), Italian "è" ("appartamento
 * Ã¨ in", "is").
 */
static double isolated_letter(struct scan *s, int32_t cp, size_t ve,
			      double conf)
{
	char enc[4];

	if (mj_any_word_follows(s->v, ve) &&
	    (cp == 0xE0 || cp == 0xC0 ||
	     (s->m->dict && mj_known_word(s->m->dict, enc, utf8_put(enc, cp)))))
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
	while (j < v->len && uc_is_mark(mj_cp_at(v, j)))
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
int mj_word_cp(int32_t c)
{
	return uc_is_alpha(c) || uc_is_mark(c);
}

/* The word around view span [vs, ve): letters and marks on both sides. */
static void word_around(const struct view *v, size_t *vs, size_t *ve)
{
	size_t i = *vs, j = *ve;

	while (i > 0) {
		size_t at = i;
		if (!mj_word_cp(utf8_prev(v->text, &at)))
			break;
		i = at;
	}
	while (j < v->len) {
		size_t at = j;
		if (!mj_word_cp(utf8_next(v->text, &at, v->len)))
			break;
		j = at;
	}
	*vs = i;
	*ve = j;
}

/* 1 when s[0..len) has two letters or more, all of them Latin, and
 * nothing but letters and marks. */
size_t mj_native_word(const struct mojibake *m, const char *w, size_t n)
{
	size_t letters = 0;

	for (size_t i = 0; i < n;) {
		int32_t c = utf8_next(w, &i, n);
		if (uc_is_mark(c) || (letters && i < n && uc_is_apostrophe(c)))
			continue;
		if (!mj_native_letter(m, c))
			return 0;
		letters++;
	}
	return letters;
}

int mj_latin_word(const char *s, size_t len)
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
 * 1 when the repaired word is a Latin word, or one of the language's own
 * script, that the dictionary accepts and the damaged word is not, else
 * 0.
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
	better = (mj_latin_word(w.buf, w.len) ||
		  mj_native_word(s->m, w.buf, w.len)) &&
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

/* Confidence of a repair of view [vs, ve) whose result r was mojibake
 * again: text damaged twice is no spelling of any language, except a
 * single letter standing alone, judged as such ("« ÃƒÂ© »"). */
static double layered(struct scan *s, size_t vs, size_t ve,
		      const struct strbuf *r, double conf)
{
	const struct view *v = s->v;
	size_t i = 0;
	int32_t c = utf8_next(r->buf, &i, r->len);

	if (i == r->len && uc_is_alpha(c) &&
	    !uc_is_alpha(mj_cp_before(v, vs)) && !uc_is_alpha(mj_cp_at(v, ve)))
		return isolated_letter(s, c, ve, conf);
	return conf < DICT_CONF ? DICT_CONF : conf;
}

/* Emit pieces [a, b) (adjacent, all accepted) as one span. */
/* 1 when r is one upper-case letter and view [vs, ve) stands between two
 * lower-case letters. */
static int capital_inside(const struct view *v, size_t vs, size_t ve,
			  const struct strbuf *r)
{
	size_t i = 0;
	int32_t c = utf8_next(r->buf, &i, r->len);

	return i == r->len && uc_is_upper(c) &&
	       uc_is_lower(mj_cp_before(v, vs)) && uc_is_lower(mj_cp_at(v, ve));
}

/* 1 when pieces [a, b) are one capital decoded at the start of a word
 * from "Ã" and a quotation mark or apostrophe ("Ã’s" as "Òs"): text
 * about "Ã" itself writes its plural or possessive so, and the quote is
 * as likely a quote as a byte. */
static int quote_after_lead(struct scan *s, size_t a, size_t b)
{
	const struct piece *p = &s->pieces[a];
	size_t i = p->vs;
	int32_t c2;

	if (b - a != 1 || !uc_is_upper(p->cp) ||
	    uc_is_alpha(mj_cp_before(s->v, p->vs)))
		return 0;
	utf8_next(s->v->text, &i, s->v->len);
	c2 = i < p->ve ? utf8_next(s->v->text, &i, s->v->len) : -1;
	return c2 >= 0x2018 && c2 <= 0x201D;
}

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
	if (b - a >= 2 || uc_is_alpha(mj_cp_before(s->v, vs)) ||
	    uc_is_alpha(mj_cp_at(s->v, ve)))
		conf += 0.1;
	else if (uc_is_alpha(s->pieces[a].cp))
		conf = isolated_letter(s, s->pieces[a].cp, ve, conf);
	if (mj_peel_layers(s->m, &r))
		conf = layered(s, vs, ve, &r, conf);
	conf = dict_verdict(s, vs, ve, r.buf, r.len, conf);
	/* A capital between two lower-case letters is no spelling of any
	 * language ("modÃšle" as "modÚle"): another charset reads the same
	 * characters (ISO-8859-15's "è"), or the damage is not sure. */
	if ((capital_inside(s->v, vs, ve, &r) ||
	     (quote_after_lead(s, a, b) &&
	      !dict_prefers(s, vs, ve, r.buf, r.len))) &&
	    conf > CAPITAL_INSIDE_CONF)
		conf = CAPITAL_INSIDE_CONF;
	take_marks(s->v, &vs, &ve, &r);
	mj_add_span(s, vs, ve, r.buf, r.len, conf > 0.99 ? 0.99 : conf,
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
	if (p.conf <= 0 || (used > 2 && mj_phonetic_letter(p.cp) &&
			    !numeral_before(s->v, p.vs)))
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

int mj_sentence_start(const struct view *v, size_t i)
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

/* 1 when the word before the space before view offset i starts with a
 * lower-case letter: "Ã" stands in running text ("se rendre Ã Berlin"),
 * where "à" fits before a name, not after a capitalized heading
 * ("Commerces Ã Herzliya"). */
static int after_lower_word(const struct view *v, size_t i)
{
	int32_t c, first = -1;

	if (i < 2 || v->text[i - 1] != ' ')
		return 0;
	i--;
	while (i > 0 &&
	       (uc_is_alpha(c = utf8_prev(v->text, &i)) || uc_is_mark(c)))
		first = uc_is_alpha(c) ? c : first;
	return uc_is_lower(first);
}

/* 1 when c is one of the marks French writes after a no-break space. */
static int nbsp_mark_before(int32_t c)
{
	return c == 0xBB || c == ':' || c == ';' || c == '!' || c == '?';
}

/* 1 when view offset i holds an "â" that starts a word (dir < 0: no
 * letter before it) or ends one (dir > 0: no letter after it): the lead
 * of a quotation mark whose other bytes Latin-1 hid ("âGeiÃelâ"), not a
 * letter of the word. */
static int lost_quote(const struct view *v, size_t i, int dir)
{
	size_t j = i + 2;

	if (i + 1 >= v->len || memcmp(v->text + i, "\xC3\xA2", 2))
		return 0;
	return dir < 0 ? !mj_word_cp(mj_cp_before(v, i))
		       : !mj_word_cp(j < v->len ? mj_cp_at(v, j) : -1);
}

/* The word from view offset i on, as it reads once its two-byte
 * Windows-1252 mojibake is decoded ("idÃ©e" is "idée"): into w; returns
 * the view offset of its end. */
static size_t word_after(struct scan *s, size_t i, struct strbuf *w)
{
	const struct view *v = s->v;

	sb_reset(w);
	while (i < v->len) {
		size_t j = i, k;
		int32_t c = utf8_next(v->text, &j, v->len), c2;
		int b1 = c >= 0x80 ? sloppy_byte(s->m, c) : -1, b2;
		char bytes[2];

		k = j;
		if (b1 >= 0xC2 && b1 <= 0xDF && j < v->len &&
		    (c2 = utf8_next(v->text, &k, v->len)) >= 0x80 &&
		    (b2 = sloppy_byte(s->m, c2)) >= 0x80 && b2 <= 0xBF) {
			size_t q = 0;
			bytes[0] = (char)b1;
			bytes[1] = (char)b2;
			c = utf8_next(bytes, &q, 2);
			if (mj_word_cp(c)) {
				sb_add(w, bytes, 2);
				i = k;
				continue;
			}
		}
		if (!mj_word_cp(c) || lost_quote(v, i, 1))
			break;
		sb_add(w, v->text + i, j - i);
		i = j;
	}
	return i;
}

/* 1 when s[0..n) has no lower-case letter. */
static int upper_only(const char *s, size_t n)
{
	for (size_t i = 0; i < n;)
		if (uc_is_lower(utf8_next(s, &i, n)))
			return 0;
	return 1;
}

/* The letters of lead byte lead (0xC3 "Ã" or 0xC5 "Å") whose second
 * UTF-8 byte a Latin-1 reading leaves invisible: 0x80..0x9F (C1
 * controls), 0xA0 (a no-break space) and 0xAD (a soft hyphen); with
 * undefined set, those whose byte Windows-1252 does not define. Through
 * "Ã": "À".."ß" (all letters but "×"), "à" and "í"; through "Å": "Œ",
 * "œ" (C5 92, C5 93), "Š" (C5 A0), "Ł", "ł", "Ř"... */
static size_t hidden_letters(unsigned lead, int undefined, int32_t out[34])
{
	size_t n = 0;

	for (unsigned b = 0x80; b <= 0xAD; b++) {
		int32_t c = (int32_t)(((lead & 0x1F) << 6) | (b & 0x3F));
		if ((b > 0xA0 && b < 0xAD) || !u_isalpha(c))
			continue;
		/* the five bytes Windows-1252 leaves undefined, which a
		 * decoder writes as U+FFFD: "Ã�frica" */
		if (undefined && b != 0x81 && b != 0x8D && b != 0x8F &&
		    b != 0x90 && b != 0x9D)
			continue;
		out[n++] = c;
	}
	return n;
}

/* The word glued before run character k, as it reads once the mojibake
 * before it is decoded ("grÃ¶Ã" is "grö" before its last "Ã", "Ã¤uÃ"
 * is "äu"): the pieces of this run and the spans of the runs before are
 * read as their repairs. Into w, and its view offset into *start; 0 when
 * the word is too long to be one. */
static int word_before(struct scan *s, size_t k, struct strbuf *w,
		       size_t *start)
{
	const struct view *v = s->v;
	char buf[256];
	size_t pos = s->offs[k], fill = sizeof(buf), np = s->np, ns = s->ns;

	while (pos > 0) {
		const char *add = NULL;
		size_t an = 0, to = pos;
		char enc[4];

		if (np && s->pieces[np - 1].ve == pos) {
			an = utf8_put(enc, s->pieces[--np].cp);
			add = enc;
			to = s->pieces[np].vs;
		} else if (ns && s->spans[ns - 1].ve == pos) {
			const struct span *sp = &s->spans[--ns];
			add = s->repl.buf + sp->rs;
			an = sp->rn;
			to = sp->vs;
		} else {
			int32_t c = utf8_prev(v->text, &to);
			if (!mj_word_cp(c) || lost_quote(v, to, -1))
				break;
			add = v->text + to;
			an = pos - to;
		}
		if (an > fill)
			return 0;
		fill -= an;
		memcpy(buf + fill, add, an);
		pos = to;
	}
	sb_reset(w);
	sb_add(w, buf + fill, sizeof(buf) - fill);
	*start = pos;
	return 1;
}

/* 1 when "Ã" glued to a word and a space stand right before view offset
 * i: a second lost byte of the same word ("PYRÃ NÃ ES"); a standalone
 * "Ã" ("Ã lâÃ cole") is a word of its own. */
static int hidden_before(const struct view *v, size_t i)
{
	return i >= 3 && v->text[i - 1] == ' ' &&
	       !memcmp(v->text + i - 3, "\xC3\x83", 2) &&
	       mj_word_cp(mj_cp_before(v, i - 3));
}

int mj_in_capitals(const struct view *v, size_t vs, size_t ve)
{
	size_t i = vs, j = ve, n = 0;
	int32_t c = 0;

	while (i > 0 && v->text[i - 1] == ' ')
		i--;
	while (i > 0 && uc_is_alpha(c = utf8_prev(v->text, &i)) &&
	       !uc_is_lower(c))
		n++;
	if (n < 2 || uc_is_lower(c))
		return 0;
	while (j < v->len && v->text[j] == ' ')
		j++;
	/* an elided capital before the word ("L'HÔTEL") */
	if (j + 1 < v->len && uc_is_upper(mj_cp_at(v, j)) &&
	    (n = utf8_apostrophe_at(v->text + j + 1, v->len - j - 1)) != 0)
		j += 1 + n;
	for (n = 0;
	     j < v->len && uc_is_alpha(c = utf8_next(v->text, &j, v->len)); n++)
		if (uc_is_lower(c))
			return 0;
	return n >= 2;
}

/* A reading of a lone "Ã": the letter, and where the repair ends. */
struct reading {
	int32_t cp;
	size_t end;
};

/* The readings of hidden_letters() L that make x L y a word of the
 * dictionary (x and y not both empty), ending at end, appended to r. */
static size_t add_readings(struct scan *s, unsigned lead, int undefined,
			   const struct strbuf *x, const char *y, size_t yn,
			   size_t end, struct reading *r, size_t n)
{
	int32_t cands[34];
	size_t nc = hidden_letters(lead, undefined, cands);
	struct strbuf w;
	char enc[4];

	sb_init(&w);
	for (size_t i = 0; i < nc; i++) {
		sb_reset(&w);
		sb_add(&w, x->buf, x->len);
		sb_add(&w, enc, utf8_put(enc, cands[i]));
		sb_add(&w, y, yn);
		size_t e = dict_elision_prefix(s->m->dict, w.buf, w.len);
		if ((x->len + yn == 0 || mj_latin_word(w.buf + e, w.len - e)) &&
		    mj_known_word(s->m->dict, w.buf, w.len))
			r[n++] = (struct reading){cands[i], end};
	}
	sb_release(&w);
	return n;
}

/* 1 when after the space at view offset i the text ends, or ", . )"
 * follows, or a hyphen glued to a letter ("lÃ -bas"): a no-break space
 * turned into a space, not one of the text. */
static int space_then_close(const struct view *v, size_t i)
{
	return i + 1 >= v->len || v->text[i + 1] == '\n' ||
	       v->text[i + 1] == ',' || v->text[i + 1] == '.' ||
	       v->text[i + 1] == ')' ||
	       (v->text[i + 1] == '-' && uc_is_alpha(mj_cp_at(v, i + 2)));
}

/*
 * hidden_byte: "Ã" (the lead byte C3), run character k, its second byte
 * lost: a Latin-1 reading shows C3 89 as "Ã" and a C1 control, C3 A0 as
 * "Ã" and a no-break space, C3 AD as "Ã" and a soft hyphen, all
 * invisible, and scrapers drop such characters or turn them into a
 * space. The letter is one of hidden_letters(); the dictionary says
 * which, and whether the space after "Ã" was the lost byte:
 *   - glued inside a word: "vehÃculo" -> "vehículo", "Ãkonomie";
 *   - the space was the byte: "jardÃ n" -> "jardín", "Ã glise" -> "Église";
 *   - the byte was dropped before a space of the text: "sÃ mismo" ->
 *     "sí mismo", "Ã stata" -> "È stata" (Italian), "scaccerÃ ." ->
 *     "scaccerà." (its no-break space).
 * One reading only is applied (0.9). Several ("dÃ as": "días" or "dí
 * as"; a split word and two words wait for resolve_pending()), or none
 * after a lower-case word and before a lower-case letter in a language
 * that writes no "à" ("groÃ es" in Spanish text: a letter inside the
 * word, which one unknown), are reported at CAPITAL_INSIDE_CONF. "Ã" standing
 * alone whose only reading is "à" or "À" ("Ã la"), and the words no reading
 * makes, are left to lost_byte()'s rules: returns 0.
 */
static int hidden_byte(struct scan *s, size_t k)
{
	const struct view *v = s->v;
	unsigned lead = (unsigned)s->cps[k];
	size_t at = s->offs[k], sp = s->offs[k + 1];
	int space = sp < v->len && v->text[sp] == ' ';
	int two = space && sp + 1 < v->len && v->text[sp + 1] == ' ';
	/* the byte written as U+FFFD by a strict Windows-1252 decoder */
	int fffd = sp + 3 <= v->len && !memcmp(v->text + sp, "\xEF\xBF\xBD", 3);
	size_t ys = sp + (size_t)space + (fffd ? 3 : 0), ye, yn;
	const char *y;
	struct reading r[2 * 34 + 1];
	size_t n = 0, nj = 0, only_a = 0, xs;
	struct strbuf x, yb;
	char enc[4];
	int done = 1, elided, deferred = 0;
	size_t na;

	if (!s->m->dict)
		return 0;
	sb_init(&x);
	sb_init(&yb);
	ye = word_after(s, ys, &yb); /* "ÃlysÃ©e" is "Ãlysée" */
	yn = yb.len;
	y = yn ? yb.buf : "";
	/* "Ã" is a letter of Portuguese in capitals, before "O", "E" or
	 * "S" ("NÃO", "MÃE", "SÃO", "IRMÃS"), whose short words another
	 * language may know ("NÉO"): longer words in capitals are read
	 * ("DÃBAT"), none of them being a word of the article's language
	 * ("JOÃO", "IRMÃOS"), and so are short ones where Portuguese has
	 * no "Ã" ("FÃR"); two lost bytes in a word ("PYRÃ NÃ ES") are
	 * hidden_word()'s */
	if (!word_before(s, k, &x, &xs) || (x.len == 0 && yn == 0) ||
	    hidden_before(v, xs) ||
	    (!space && yn && upper_only(x.buf, x.len) && upper_only(y, yn) &&
	     utf8_count(x.buf, x.len) + utf8_count(y, yn) < 3 &&
	     strchr("OES", y[0])) ||
	    (two && x.len == 0)) {
		sb_release(&x);
		sb_release(&yb);
		return 0;
	}
	/* an elided word ("Ã s'affirmer") is a word of its own */
	elided =
	    yn && ye < v->len &&
	    (v->text[ye] == '\'' || !strncmp(v->text + ye, "\xE2\x80\x99", 3));
	if (fffd) {
		/* the U+FFFD is the byte: one word, the letter inside */
		n = nj = add_readings(s, lead, 1, &x, y, yn, ys, r, 0);
	} else {
		if (yn && !two && !elided)
			nj = add_readings(s, lead, 0, &x, y, yn,
					  space ? ys : sp, r, 0);
		if (space || yn == 0) {
			size_t end =
			    sp + (size_t)(two || (space && !yn &&
						  space_then_close(v, sp)));
			/* a word in capitals may end in Portuguese "Ã"
			 * ("CAPITÃ AMÉRICA"): no letter is taken to end it
			 * here, but before two spaces, a no-break space's
			 * ("NOVITÃ  MARCIALONGA"); one reading of a word of
			 * two letters or more waits for the text's other
			 * lost bytes (resolve_final()) */
			if (x.len && upper_only(x.buf, x.len) && !two) {
				n = nj;
				if (!nj && utf8_count(x.buf, x.len) >= 2 &&
				    add_readings(s, lead, 0, &x, "", 0, end, r,
						 0) == 1) {
					GROW(s->final, s->finalcap,
					     s->nfinal + 1);
					s->final[s->nfinal++] =
					    (struct hidden_final){
						at, r[0].end, s->line, r[0].cp};
					deferred = 1;
				}
			} else {
				n = add_readings(s, lead, 0, &x, "", 0, end, r,
						 nj);
			}
		} else {
			n = nj;
		}
	}
	/* "Ã" and one letter is a word of two letters ("Él" in Spanish, "Ça"
	 * starting a French sentence) or, inside a sentence of a language
	 * that writes "à" alone, "à" and a letter: Portuguese "Ã s" is "às",
	 * French "Ã s" the "à" of "à s'éloigner", not "Ès" */
	for (size_t i = nj; i < n; i++)
		if (!x.len && yn < 2 && (r[i].cp == 0xC0 || r[i].cp == 0xE0) &&
		    !mj_sentence_start(v, at)) {
			sb_release(&x);
			sb_release(&yb);
			return 0;
		}
	/* Of a word split by the space and two words, the split one when
	 * what follows the space is no word of two letters or more
	 * ("FuÃ ballwettbewerb": "Fuß" is a word, "ballwettbewerb" is not) */
	if (nj && n > nj && (yn < 2 || !mj_known_word(s->m->dict, y, yn)))
		n = nj;
	/* a letter standing alone before no word ("Ã bersicht" in Spanish
	 * text is no "Ó"): lost_byte()'s rules */
	if (x.len == 0 && nj == 0 &&
	    (yn < 2 || !mj_known_word(s->m->dict, y, yn)))
		n = 0;
	for (size_t i = nj; i < n; i++)
		only_a += r[i].cp == 0xC0 || r[i].cp == 0xE0;
	/* "Åuvre": "Œuvre" or "œuvre", the capital starting a sentence */
	if (n == 2 && r[0].end == r[1].end && r[0].cp != r[1].cp &&
	    uc_to_lower(r[0].cp) == uc_to_lower(r[1].cp)) {
		int cap = (x.len == 0 && mj_sentence_start(v, at)) ||
			  mj_in_capitals(v, xs, r[0].end);
		if (uc_is_upper(r[0].cp) != cap)
			r[0] = r[1];
		n = 1;
	}
	if (only_a && x.len == 0) {
		/* "Ã la", "Ã battre" (not "Ébattre" in running text): "à" or
		 * "À" before a word, lost_byte()'s to say */
		done = 0;
	} else if (n == 2 && nj == 1 && space && r[0].end > sp &&
		   r[1].end <= sp) {
		/* a split word or two words: the text's other repairs say
		 * which (resolve_pending()) */
		struct hidden_pending *p;
		GROW(s->pending, s->pendcap, s->npend + 1);
		p = &s->pending[s->npend++];
		*p = (struct hidden_pending){at,      r[0].end, r[1].end,
					     s->line, r[0].cp,	r[1].cp};
	} else if (n == 1) {
		s->hidden_votes[r[0].end > sp ? 0 : 1]++;
		mj_add_span(
		    s, at, r[0].end, enc, utf8_put(enc, r[0].cp), DICT_CONF,
		    r[0].end > sp && yn
			? "lost byte: a lead byte alone ('Ã', 'Å'), its "
			  "second byte one Latin-1 leaves invisible, "
			  "turned into a space (the dictionary's word)"
			: "lost byte: a lead byte alone ('Ã', 'Å'), its "
			  "second byte one Latin-1 leaves invisible, "
			  "dropped (the dictionary's word)");
	} else if (n > 1 && (x.len || nj)) {
		/* "dÃ as": "días" or "dí as"; "l'Ã cosse": "Écosse" or "à" */
		mj_add_span(
		    s, at, r[0].end, enc, utf8_put(enc, r[0].cp),
		    CAPITAL_INSIDE_CONF,
		    "lost byte: a lead byte alone ('Ã', 'Å'), its second "
		    "byte one Latin-1 leaves invisible; the dictionary "
		    "knows several readings");
	} else if (lead == 0xC3 && n == 0 && x.len && space && yn &&
		   uc_is_lower(mj_cp_at(v, ys)) &&
		   uc_is_lower(mj_cp_before(v, at)) &&
		   !dict_accent_group(s->m->dict, 0xE0, &na)) {
		/* a language that writes no "à" (accents.txt) */
		mj_add_span(s, at, sp, "\xC3\xA0", 2, CAPITAL_INSIDE_CONF,
			    "lost byte: 'Ã' ending a word the dictionary does "
			    "not know, in a language without 'à': a letter "
			    "inside the word?");
	} else {
		done = deferred;
	}
	sb_release(&x);
	sb_release(&yb);
	return done;
}

/* The readings of a lead ending a word in capitals that hidden_byte()
 * kept ("ATTERRÃ ." is "ATTERRÉ", "SAUTÃ JEUDI" is "SAUTÉ"), applied
 * when the text lost other such bytes that were read for sure, else
 * dropped: "Ã" ends Portuguese words ("IRMÃ", "CAPITÃ"), and a text
 * without another lost byte holds no evidence against one. */
static void resolve_final(struct scan *s)
{
	size_t sure = s->hidden_votes[0] + s->hidden_votes[1] + s->words_read;
	char enc[4];

	for (size_t i = 0; sure && i < s->nfinal; i++) {
		const struct hidden_final *f = &s->final[i];
		s->line = f->line;
		mj_add_span(s, f->at, f->end, enc, utf8_put(enc, f->cp),
			    DICT_CONF,
			    "lost byte: a lead byte alone ('Ã', 'Å') ending a "
			    "word in capitals, its second byte one Latin-1 "
			    "leaves invisible, as the text's other such bytes "
			    "were lost (the dictionary's word)");
	}
}

/* The readings hidden_byte() left between a split word and two words:
 * when the text's sure readings all turned the lost byte into a space,
 * the split word ("Maßnahmen"); when they all dropped it, the two words;
 * else (no evidence, or both) the split word is reported. */
static void resolve_pending(struct scan *s)
{
	const size_t *votes = s->hidden_votes;

	for (size_t i = 0; i < s->npend; i++) {
		const struct hidden_pending *p = &s->pending[i];
		int drop = votes[1] && !votes[0];
		int sure = (votes[0] && !votes[1]) || drop;
		char enc[4];

		s->line = p->line;
		mj_add_span(s, p->at, drop ? p->drop_end : p->join_end, enc,
			    utf8_put(enc, drop ? p->drop_cp : p->join_cp),
			    sure ? DICT_CONF : CAPITAL_INSIDE_CONF,
			    sure ? "lost byte: a lead byte alone ('Ã', 'Å'), "
				   "its second byte one Latin-1 leaves "
				   "invisible: a split word or two words, as "
				   "the text's other such bytes were lost"
				 : "lost byte: a lead byte alone ('Ã', 'Å'), "
				   "its second byte one Latin-1 leaves "
				   "invisible; the dictionary knows several "
				   "readings");
	}
}

/* 1 when view offset i holds "Ã" or "Å" that no continuation follows: a
 * second lost byte right after the first ("lâÃtat"). */
static int hidden_lead_at(const struct view *v, size_t i)
{
	size_t j = i;
	int32_t c = i < v->len ? utf8_next(v->text, &j, v->len) : -1;
	int32_t n = j < v->len ? mj_cp_at(v, j) : -1;

	return (c == 0xC3 || c == 0xC5) && n < 0x80;
}

/*
 * hidden_word: one word that lost two or more such bytes. A headline in
 * capitals loses one per accented capital ("SÃCURITÃ", "PYRÃ NÃ ES",
 * "DÃCÃDÃ": "SÉCURITÉ", "PYRÉNÉES", "DÉCÉDÉ"), and a word with "ß" and an
 * umlaut two ("ÃuÃerung"): no reading of one lead makes a word while the
 * other stays, so the word is read whole. From the lead at run character
 * k (the first of its word), the word runs through every lone lead glued
 * to its letters or followed by one space and letters (the byte turned
 * into that space); it may end at any such space, the longest word
 * that the dictionary knows taken first. Every combination of
 * the leads' letters is asked of the dictionary, each lead's letters
 * those of its case (capitals in a word without a lower-case letter,
 * small letters inside one that has some) that the language's accent
 * groups hold, all of them where it has none. One reading is applied
 * (0.9), several are reported. Bounded: HIDDEN_WORD_LEADS leads, and
 * HIDDEN_WORD_TRIES combinations per word and HIDDEN_ARTICLE_TRIES per
 * article (the same for any order of the articles); past them, and when
 * no combination is a word, the leads are read one by one (hidden_byte).
 * The bound costs at most about 0.5 s of spell() calls on an article made
 * of such words only. Returns 1 when it added a span.
 */
#define HIDDEN_WORD_LEADS    4
#define HIDDEN_WORD_CPS	     64
#define HIDDEN_WORD_TRIES    2500
#define HIDDEN_ARTICLE_TRIES 20000

/* The letters a lead at index i of a word may stand for: *out, and how
 * many. lower: the word has a lower-case letter. */
static size_t word_lead_letters(struct dict *d, unsigned lead, size_t i,
				int lower, int32_t out[34])
{
	int32_t all[34];
	size_t na = hidden_letters(lead, 0, all), n = 0, any = 0, gn;

	for (int pass = 0; pass < 2 && !n; pass++)
		for (size_t j = 0; j < na; j++) {
			int32_t c = all[j];
			if (lower ? i > 0 && !uc_is_lower(c) : !uc_is_upper(c))
				continue;
			any++;
			if (pass == 0 &&
			    !dict_accent_group(d, uc_to_lower(c), &gn))
				continue;
			out[n++] = c;
		}
	return any ? n : 0;
}

/* 1 when d knows w[0..n), after an elided prefix too; asked without the
 * verdict cache, which the combinations would flood. */
static int probe_word(struct dict *d, const char *w, size_t n)
{
	size_t e = dict_elision_prefix(d, w, n);

	return dict_probe(d, w, n) ||
	       (e && e < n && dict_probe(d, w + e, n - e));
}

/* The word of template tpl[from..to) (letters, and each lead as its
 * negated code point) with the leads read as pick[] in order, into w. */
static void spell_template(struct strbuf *w, const int32_t *tpl, size_t from,
			   size_t to, const int32_t *pick)
{
	char enc[4];

	sb_reset(w);
	for (size_t i = 0, li = 0; i < to; i++) {
		int32_t c = tpl[i] > 0 ? tpl[i] : pick[li++];
		if (i >= from)
			sb_add(w, enc, utf8_put(enc, c));
	}
}

static int hidden_word(struct scan *s, size_t k)
{
	const struct view *v = s->v;
	struct dict *d = s->m->dict;
	size_t at = s->offs[k], pos = at, tn = 0, nl = 0, ne = 0, xs, xn = 0;
	int32_t tpl[HIDDEN_WORD_CPS], cand[HIDDEN_WORD_LEADS][34];
	size_t ncand[HIDDEN_WORD_LEADS], lead_at[HIDDEN_WORD_LEADS];
	struct {
		size_t tn, nl, pos;
	} ends[HIDDEN_WORD_LEADS + 1];
	struct {
		size_t e;
		int32_t cp[HIDDEN_WORD_LEADS];
	} found[2];
	int32_t pick[HIDDEN_WORD_LEADS];
	size_t nfound = 0, end;
	struct strbuf x, w;

	if (!d || s->word_tries >= HIDDEN_ARTICLE_TRIES)
		return 0;
	sb_init(&x);
	if (!word_before(s, k, &x, &xs) || hidden_before(v, xs)) {
		sb_release(&x);
		return 0;
	}
	for (size_t i = 0; i < x.len;) {
		int32_t c = utf8_next(x.buf, &i, x.len);
		/* not the word's first lead: hidden_byte's */
		if (c == 0xC3 || c == 0xC5 || xn == HIDDEN_WORD_CPS) {
			sb_release(&x);
			return 0;
		}
		tpl[tn++] = c;
		xn++;
	}
	sb_release(&x);
	/* the template: letters, and each lead as its negated code point */
	while (hidden_lead_at(v, pos) && nl < HIDDEN_WORD_LEADS &&
	       tn < HIDDEN_WORD_CPS) {
		size_t j = pos;
		lead_at[nl++] = tn;
		tpl[tn++] = -utf8_next(v->text, &j, v->len);
		pos = j;
		if (pos + 1 < v->len && v->text[pos] == ' ' &&
		    mj_word_cp(mj_cp_at(v, pos + 1))) {
			ends[ne].tn = tn;
			ends[ne].nl = nl;
			ends[ne++].pos = pos;
			pos++;
		}
		while (pos < v->len && !hidden_lead_at(v, pos) &&
		       tn < HIDDEN_WORD_CPS) {
			size_t q = pos;
			int32_t c = utf8_next(v->text, &q, v->len);
			if (!mj_word_cp(c) || lost_quote(v, pos, 1) ||
			    (c >= 0x80 && sloppy_byte(s->m, c) >= 0))
				break; /* mojibake pairs: hidden_byte's */
			tpl[tn++] = c;
			pos = q;
		}
		if (pos < v->len && !hidden_lead_at(v, pos) &&
		    mj_word_cp(mj_cp_at(v, pos)))
			return 0; /* a letter that is no plain one */
	}
	if (hidden_lead_at(v, pos) || tn == HIDDEN_WORD_CPS)
		return 0; /* more leads than a word is read with */
	ends[ne].tn = tn;
	ends[ne].nl = nl;
	ends[ne++].pos = pos;
	sb_init(&w);
	/* the longest word first: a byte turned into a space joins what
	 * follows ("GÃ NÃ RALEMENT" is "GÉNÉRALEMENT", not "GÊNÉ RALEMENT") */
	for (size_t e = ne; e-- > 0 && !nfound;) {
		size_t m = ends[e].nl, combos = 1;
		int lower = 0;
		if (m < 2)
			continue;
		/* the case of the word's letters, up to this end */
		for (size_t i = 0; i < ends[e].tn; i++)
			lower |= tpl[i] > 0 && uc_is_lower(tpl[i]);
		for (size_t i = 0; i < m; i++) {
			ncand[i] =
			    word_lead_letters(d, (unsigned)-tpl[lead_at[i]],
					      lead_at[i], lower, cand[i]);
			combos *= ncand[i];
		}
		if (!combos || combos > HIDDEN_WORD_TRIES ||
		    s->word_tries + combos > HIDDEN_ARTICLE_TRIES)
			continue;
		s->word_tries += combos;
		for (size_t t = 0; t < combos && nfound < 2; t++) {
			size_t r = t;
			for (size_t i = 0; i < m; i++) {
				pick[i] = cand[i][r % ncand[i]];
				r /= ncand[i];
			}
			spell_template(&w, tpl, 0, ends[e].tn, pick);
			if (mj_latin_word(w.buf, w.len) &&
			    probe_word(d, w.buf, w.len)) {
				found[nfound].e = e;
				memcpy(found[nfound++].cp, pick,
				       m * sizeof(*pick));
			}
		}
	}
	if (!nfound) {
		sb_release(&w);
		return 0;
	}
	/* the replacement: the word from its first lead on */
	spell_template(&w, tpl, xn, ends[found[0].e].tn, found[0].cp);
	end = ends[found[0].e].pos;
	/* the last lead's byte turned into a space before one of the text */
	if (tpl[ends[found[0].e].tn - 1] < 0 && end < v->len &&
	    v->text[end] == ' ' &&
	    ((end + 1 < v->len && v->text[end + 1] == ' ') ||
	     space_then_close(v, end)))
		end++;
	mj_add_span(s, at, end, w.buf, w.len,
		    nfound == 1 ? DICT_CONF : CAPITAL_INSIDE_CONF,
		    nfound == 1
			? "lost bytes: lead bytes alone ('Ã', 'Å') in one "
			  "word, each second byte one Latin-1 leaves "
			  "invisible (the dictionary's word)"
			: "lost bytes: lead bytes alone ('Ã', 'Å') in one "
			  "word, each second byte one Latin-1 leaves "
			  "invisible; the dictionary knows several readings");
	s->hidden_until = end;
	s->words_read += nfound == 1;
	sb_release(&w);
	return 1;
}

/* 1 when c is a vowel or "h", accents aside: what an elided word stands
 * before ("l’ÖVP", "l’homme"). */
static int elision_follows(int32_t c)
{
	UErrorCode err = U_ZERO_ERROR;
	const UNormalizer2 *nfd = unorm2_getNFDInstance(&err);
	UChar d[8];
	int32_t n;

	if (c < 0 || U_FAILURE(err))
		return 0;
	n = unorm2_getDecomposition(nfd, c, d, 8, &err);
	if (n > 0 && U_SUCCESS(err))
		c = d[0];
	c = u_tolower(c);
	return c < 0x80 && c && strchr("aeiouyh", (int)c);
}

/*
 * hidden_byte for "’": "â" (the lead byte E2) whose two other bytes a
 * Latin-1 reading left invisible (E2 80 99 is "â" and two C1 controls),
 * dropped or turned into a space each: "lâ  escroquerie", "jusquâ  à",
 * "lâÖVP". Read as "’" when the word before and the word after make a
 * word the dictionary knows with it ("l’escroquerie", "jusqu’à"), or
 * when the word before is an elided word of the language and a vowel or
 * "h" follows ("l’ÖVP"), and the text as it is makes no such word
 * ("lâche" stays). Returns 1 when it added a span.
 */
static int hidden_apostrophe(struct scan *s, size_t k)
{
	const struct view *v = s->v;
	size_t at = s->offs[k], sp = s->offs[k + 1], ys = sp, xs, ye;
	struct strbuf x, w, y;
	int ok = 0;

	if (!s->m->dict)
		return 0;
	while (ys < v->len && ys < sp + 2 && v->text[ys] == ' ')
		ys++;
	sb_init(&x);
	sb_init(&w);
	sb_init(&y);
	ye = word_after(s, ys, &y);
	if (ye > ys && word_before(s, k, &x, &xs) && x.len &&
	    !hidden_before(v, xs)) {
		sb_add(&w, x.buf, x.len);
		sb_add(&w, "\xE2\x80\x99", 3);
		sb_add(&w, y.buf, y.len);
		size_t e = dict_elision_prefix(s->m->dict, w.buf, w.len);
		/* an elided word stands before a vowel or "h" ("Tâm" is no
		 * "T’m"), and before a word the dictionary does not know
		 * ("l’ÖVP") only where the hidden bytes left spaces; glued,
		 * before a word of two letters or an accented one ("jusquâà",
		 * not Vietnamese "Lâu": the dictionary takes any letter for a
		 * word); without elision, a clitic of one or two letters
		 * after a word of two ("lawyer’s": Hunspell accepts any
		 * "Geißel’der") */
		if (e)
			ok = elision_follows(mj_cp_at(v, ys)) &&
			     (ys > sp || y.len >= 2 ||
			      (unsigned char)y.buf[0] >= 0x80) &&
			     (mj_known_word(s->m->dict, w.buf, w.len) ||
			      (e == x.len + 3 &&
			       (ys > sp || hidden_lead_at(v, ys))));
		else /* a clitic of one or two letters ("’s", "’re") */
			ok = mj_latin_word(x.buf, x.len) && y.len <= 2 &&
			     mj_known_word(s->m->dict, w.buf, w.len);
		/* glued, the text may be a word with "â" ("lâche") */
		if (ok && ys == sp)
			ok = !mj_known_word(s->m->dict, v->text + xs, ye - xs);
	}
	if (ok)
		mj_add_span(s, at, ys, "\xE2\x80\x99", 3, DICT_CONF,
			    ys == sp
				? "lost bytes: 'â' and two bytes Latin-1 "
				  "leaves invisible, dropped: an apostrophe"
				: "lost bytes: 'â' and two bytes Latin-1 "
				  "leaves invisible, turned into spaces: an "
				  "apostrophe");
	sb_release(&x);
	sb_release(&w);
	sb_release(&y);
	return ok;
}

/*
 * hidden_quote: a lone "â" that opens a word (no letter before it, a
 * letter or digit after it or after the one or two spaces its hidden bytes
 * became: "âGeiÃel", "â  Publicity") or closes one (a letter, a digit or
 * ". , ! ?" before it, no letter after it: "Geißelâ der", "nahmeâ   und")
 * is the lead of a quotation mark whose two last bytes Latin-1 hid. It is
 * a candidate of the line; mojibake_repair() pairs them (quote_pairs()).
 * The spaces the hidden bytes became go with it: all of them after an
 * opening mark, all but the text's own one after a closing mark.
 */
/* 1 when the word from view offset after (open) or before run character
 * k is a
 * word of the dictionary, read with its mojibake decoded, or holds a lone
 * "Ã" or "Å", more hidden bytes ("âGeiÃel"). */
static int glued_word_known(struct scan *s, size_t k, size_t after, int open)
{
	struct strbuf w;
	size_t xs;
	int known = 0;

	if (!s->m->dict)
		return 0;
	sb_init(&w);
	if (open)
		word_after(s, after, &w);
	else if (!word_before(s, k, &w, &xs))
		sb_reset(&w);
	known =
	    w.len && (mj_known_word(s->m->dict, w.buf, w.len) ||
		      strstr(w.buf, "\xC3\x83") || strstr(w.buf, "\xC3\x85"));
	sb_release(&w);
	return known;
}

static int hidden_quote(struct scan *s, size_t k)
{
	const struct view *v = s->v;
	size_t at = s->offs[k], sp = s->offs[k + 1], e = sp, nsp = 0;
	int32_t before = mj_cp_before(v, at), after;
	struct quote_cand *q;
	int open;

	if (!s->m->qon ||
	    (k + 1 < s->n && (unsigned char)s->bytes[k + 1] >= 0x80 &&
	     (unsigned char)s->bytes[k + 1] <= 0xBF))
		return 0; /* "â€": the lead of a sequence, not alone */
	while (e < v->len && nsp < 3 && v->text[e] == ' ')
		e++, nsp++;
	after = e < v->len ? mj_cp_at(v, e) : -1;
	if (!uc_is_alpha(before) && !uc_is_digit(before) && nsp < 3 &&
	    (uc_is_alpha(after) || uc_is_digit(after)))
		open = 1;
	else if ((uc_is_alpha(before) || uc_is_digit(before) ||
		  (before > 0 && before < 0x80 &&
		   strchr(".,!?", (int)before))) &&
		 !uc_is_alpha(mj_cp_at(v, sp)))
		open = 0;
	else
		return 0;
	/* "Xâ Y" is an apostrophe ("lawyerâ s", lost_byte()'s rule) unless
	 * a mark was opened before it on the line */
	if (!open && nsp == 1 && uc_is_alpha(after) &&
	    !(s->nq && s->quotes[s->nq - 1].open &&
	      s->quotes[s->nq - 1].line == s->line))
		return 0;
	/* without the spaces its hidden bytes became (a space after an
	 * opening mark, one before punctuation or two after a closing
	 * one), the mark needs its word in the dictionary: "âGeiÃel" is
	 * "„Geißel", "âtman" (Sanskrit) no quote */
	if (!(open ? nsp >= 1
		   : nsp >= 2 || (nsp == 1 && !uc_is_alpha(after) &&
				  !uc_is_digit(after))) &&
	    !glued_word_known(s, k, e, open))
		return 0;
	if (!open)
		e = sp +
		    (nsp > 2 ? 2
		     : nsp > 0 && !(uc_is_alpha(after) || uc_is_digit(after))
			 ? nsp
		     : nsp > 0 ? nsp - 1
			       : 0);
	GROW(s->quotes, s->qcap, s->nq + 1);
	q = &s->quotes[s->nq++];
	q->vs = at;
	q->ve = e;
	q->line = s->line;
	q->open = open;
	q->closed = 0;
	return 1;
}

/* The quotation-mark candidates as spans: an opening mark followed, on
 * its line, by a closing one is a pair, applied (0.85); the others are
 * reported (CAPITAL_INSIDE_CONF). */
static void quote_pairs(struct scan *s)
{
	const struct mojibake *m = s->m;

	for (size_t i = 0; i < s->nq; i++) {
		const struct quote_cand *q = &s->quotes[i];
		int paired =
		    q->closed ||
		    (q->open ? i + 1 < s->nq && !s->quotes[i + 1].open &&
				   s->quotes[i + 1].line == q->line
			     : i > 0 && s->quotes[i - 1].open &&
				   s->quotes[i - 1].line == q->line);
		s->line = q->line;
		mj_add_span(s, q->vs, q->ve, q->open ? m->qopen : m->qclose,
			    q->open ? m->qon : m->qcn,
			    paired ? 0.85 : CAPITAL_INSIDE_CONF,
			    "lost bytes: 'â' and two bytes Latin-1 leaves "
			    "invisible: the language's quotation mark");
	}
}

/* 1 when the word before view offset at and the word from ys on make,
 * glued, a word of the dictionary ("Kinder" and "garten"). */
static int soft_hyphen_split(struct scan *s, size_t at, size_t ys)
{
	const struct view *v = s->v;
	size_t xs = at, ye = ys;
	struct strbuf w;
	int known;

	if (!s->m->dict || !uc_is_lower(mj_cp_at(v, ys)))
		return 0;
	word_around(v, &xs, &ye);
	sb_init(&w);
	sb_add(&w, v->text + xs, at - xs);
	sb_add(&w, v->text + ys, ye - ys);
	known = mj_latin_word(w.buf, w.len) &&
		mj_known_word(s->m->dict, w.buf, w.len);
	sb_release(&w);
	return known;
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
	int32_t c = s->cps[k], before = mj_cp_before(v, at);
	int two = c == 0xC3 && sp + 1 < v->len && v->text[sp] == ' ' &&
		  v->text[sp + 1] == ' ';
	int32_t after = mj_cp_at(v, sp + 1 + two);

	if (at < s->hidden_until)
		return; /* a later lead of a word read whole */
	if ((c == 0xC3 || c == 0xC5) &&
	    (hidden_word(s, k) || hidden_byte(s, k)))
		return;
	if (c == 0xE2 && (hidden_apostrophe(s, k) || hidden_quote(s, k)))
		return;
	if (sp >= v->len || v->text[sp] != ' ')
		return;
	/* French typography puts a no-break space after "«" and before
	 * "» : ; ! ?"; read as windows-1252 it is "Â" and a NBSP, which
	 * scrapers then turn into a space ("secteurÂ »", "«Â L'"). Only
	 * that NBSP leaves "Â" glued to one of these marks. */
	if (c == 0xC2 && (before == 0xAB ||
			  (!uc_is_space(before) && nbsp_mark_before(after)))) {
		mj_add_span(s, at, sp + 1, "\xC2\xA0", 2, 0.85,
			    "lost byte: 'Â ' read as the no-break space of "
			    "French punctuation");
		return;
	}
	if (!uc_is_alpha(after) && !uc_is_digit(after))
		return;
	if (c == 0xC3 && (!uc_is_alpha(before) || uc_is_lower(before))) {
		/* in a line in capitals, "À" before a word in capitals
		 * ("RÉTICENTS Ã AUGMENTER") */
		int caps =
		    !uc_is_alpha(before) && mj_in_capitals(v, at, sp + two);
		int cap =
		    caps || (!uc_is_alpha(before) && mj_sentence_start(v, at));
		int next = two || caps || after_lower_word(v, at)
			       ? mj_any_word_follows(v, sp + two)
			       : mj_word_follows(v, sp);
		mj_add_span(s, at, sp + two, cap ? "\xC3\x80" : "\xC3\xA0", 2,
			    next ? ISOLATED_A_CONF : 0.7,
			    two ? "lost byte: 'Ã' and a space read as 'à' and "
				  "its no-break space"
				: "lost byte: standalone 'Ã' read as 'à'");
	} else if (c == 0xE2 && uc_is_alpha(before) && uc_is_alpha(after)) {
		mj_add_span(s, at, sp + 1, "\xE2\x80\x99", 3, 0.7,
			    "lost bytes: 'â ' read as an apostrophe");
	} else if (c == 0xC2 && !uc_is_alpha(before)) {
		mj_add_span(s, at, sp + 1, "\xC2\xA0", 2, 0.7,
			    "lost byte: 'Â ' read as a no-break space");
	} else if (c == 0xC2 && uc_is_lower(before)) {
		/* no word ends in a capital after a lower-case letter: the
		 * lead of a no-break space ("namedÂ „scars"), or of a soft
		 * hyphen (C2 AD) inside a word the dictionary knows whole
		 * ("KinderÂ garten") */
		if (soft_hyphen_split(s, at, sp + 1))
			mj_add_span(s, at, sp + 1, "", 0, 0.85,
				    "lost byte: 'Â ' inside a word: a soft "
				    "hyphen, removed");
		else
			mj_add_span(s, at, sp + 1, "\xC2\xA0", 2, 0.85,
				    "lost byte: 'Â ' ending a lower-case word "
				    "read as a no-break space");
	}
}

static void isolated_c1(struct scan *s, size_t k)
{
	char repl[4];
	int32_t c = cp1252_char(s->m, (unsigned char)s->cps[k]);

	if (c > 0)
		mj_add_span(s, s->offs[k], s->offs[k + 1], repl,
			    utf8_put(repl, c), 0.85,
			    "C1 control read as windows-1252");
}

/* 1 when an opening quotation mark, or its mojibake, stands on the line
 * before view offset i. */
static int opened_on_line(const struct view *v, size_t i)
{
	while (i > 0) {
		int32_t c = utf8_prev(v->text, &i);
		if (c == '\n')
			return 0;
		if (c == 0x201C ||
		    (c == 0x0153 && i >= 5 &&
		     !memcmp(v->text + i - 5, "\xC3\xA2\xE2\x82\xAC", 5)))
			return 1;
	}
	return 0;
}

/*
 * lost_last_byte: a run ending in "â€" (E2 80) followed by U+FFFD, or
 * by "?" after an opening quote: a strict or lossy Windows-1252 decoder
 * had no character for the third byte, and of the sequences E2 80 xx
 * whose xx Windows-1252 leaves undefined (81, 8D, 8F, 90, 9D) only "”"
 * (9D) closes a word. After a word and before no letter, "â€�" is "”":
 * 0.85 when "“" or its mojibake "â€œ" stands before it on the line (not
 * checked to be still open), else 0.7.
 */
static void lost_last_byte(struct scan *s)
{
	const struct view *v = s->v;
	size_t at = s->offs[s->n - 2], e = s->offs[s->n], end;
	int32_t before = mj_cp_before(v, at), after;
	int fffd = e + 3 <= v->len && !memcmp(v->text + e, "\xEF\xBF\xBD", 3);
	int paired =
	    opened_on_line(v, at) || (s->nq && s->quotes[s->nq - 1].open &&
				      !s->quotes[s->nq - 1].closed &&
				      s->quotes[s->nq - 1].line == s->line);

	if (!fffd && !(e < v->len && v->text[e] == '?' && paired))
		return;
	end = e + (fffd ? 3 : 1);
	after = end < v->len ? mj_cp_at(v, end) : -1;
	if (!(uc_is_alpha(before) || uc_is_digit(before) ||
	      (before > 0 && before < 0x80 && strchr(".,!?+", (int)before))) ||
	    uc_is_alpha(after) || uc_is_digit(after))
		return;
	if (paired && s->nq && s->quotes[s->nq - 1].open &&
	    s->quotes[s->nq - 1].line == s->line)
		s->quotes[s->nq - 1].closed = 1;
	mj_add_span(s, at, end, "\xE2\x80\x9D", 3, paired ? 0.85 : 0.7,
		    "lost byte: 'â€' whose third byte Windows-1252 leaves "
		    "undefined, after a word: '”'");
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
		else if (s->cps[k] == 0xE2 && !hidden_apostrophe(s, k))
			hidden_quote(s, k); /* "jusquâà", "lâÃtat", "âÃber" */
		k++;
	}
	if (s->n >= 2 && (unsigned char)s->bytes[s->n - 2] == 0xE2 &&
	    (unsigned char)s->bytes[s->n - 1] == 0x80 &&
	    !(s->np && s->pieces[s->np - 1].ve > s->offs[s->n - 2]))
		lost_last_byte(s);
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
	mj_scan_pages(&s);
	resolve_pending(&s);
	resolve_final(&s);
	quote_pairs(&s);
	mj_drop_overlaps(&s);
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
	free(s.confs);
	free(s.spans);
	free(s.quotes);
	free(s.pending);
	free(s.final);
	sb_release(&s.repl);
}
