/*
 * mojibake_pages.c - the mojibake of the charsets other than Windows-1252
 * (mj_pages[] in mojibake.c: MacRoman, the Cyrillic, Central European,
 * Greek and Baltic pages, Latin-9, the DOS code pages), looked for word
 * by word in the text the Windows-1252 scan left alone. See mojibake.h for
 * the policy (other_pages, layers).
 *
 * Each word (between ASCII white space: a NBSP can be a byte of the
 * damage) is read through every charset: its characters become bytes,
 * well-formed multi-byte UTF-8 sequences in them become pieces, adjacent
 * pieces a group (one finding), whose layers are peeled. Each reading is
 * scored by the dictionary; the best reading of the word is reported.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "common/dict.h"
#include "common/utf8.h"
#include "repair/mojibake.h"
#include "repair/mojibake_scan.h"

/* A letter of Latin Extended-A, or Romanian's comma-below letters
 * ("š" "ř" "ł" "ő" "ţ" "ș"): the Central European and Baltic languages'.
 * Not "Ġ" (C4 A0: "Ä" and a no-break space in German or Finnish text),
 * nor the obsolete "ĸ" "ŉ" "ſ". */
static int latin_extended_letter(int32_t d)
{
	return (d >= 0x100 && d <= 0x17F && uc_is_alpha(d) && d != 0x120 &&
		d != 0x138 && d != 0x149 && d != 0x17F) ||
	       (d >= 0x218 && d <= 0x21B);
}

/* 1 when r[0..n) holds a latin_extended_letter(). */
static int has_latin_extended(const char *r, size_t n)
{
	for (size_t i = 0; i < n;)
		if (latin_extended_letter(utf8_next(r, &i, n)))
			return 1;
	return 0;
}

/* 1 when a UTF-8 sequence of k bytes decoding to d is what mojibake
 * through another charset than Windows-1252 hides: a Latin-1 letter or
 * "œ", a letter of the language's own script (m->native: Cyrillic in
 * Russian), the quotes, degree sign, no-break space and soft hyphen (two
 * bytes), General Punctuation, the euro sign or the Latin ligatures of
 * text taken from PDF (three bytes, "…" "’" "–" "ﬁ"). */
static int page_piece_ok(const struct mojibake *m, int32_t d, size_t k)
{
	if (k == 2)
		return (d >= 0xC0 && d <= 0xFF && d != 0xD7 && d != 0xF7) ||
		       d == 0x152 || d == 0x153 || d == 0xAB || d == 0xBB ||
		       d == 0xB0 || d == 0xA0 || d == 0xAD ||
		       mj_native_letter(m, d) || latin_extended_letter(d);
	return k == 3 && ((d >= 0x2010 && d <= 0x203A) || d == 0x20AC ||
			  (d >= 0xFB00 && d <= 0xFB06));
}

/* 1 when d may be a character of an inner layer ("√" and "©" of "√©"
 * inside "‚àö¬©", "π" of "√π"): two bytes that one of the charsets
 * writes as one byte, or three bytes of the Common script. The outer
 * result must pass page_piece_ok(). */
static int layer_piece_ok(struct mojibake *m, int32_t d, size_t k)
{
	if (page_piece_ok(m, d, k) || (k == 3 && mj_script_ok_3_4(d)))
		return 1;
	for (int pg = 0; k == 2 && d >= 0xA0 && pg < NPAGES; pg++)
		if (mj_page_byte(m, pg, d) >= 0)
			return 1;
	return 0;
}

/* 1 when every character of r[0..n) passes page_piece_ok(). */
static int page_result_ok(const struct mojibake *m, const char *r, size_t n)
{
	char enc[4];

	for (size_t i = 0; i < n;) {
		int32_t d = utf8_next(r, &i, n);
		if (!page_piece_ok(m, d, utf8_put(enc, d)))
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

/* 1 when span sp is one C1 control read as Windows-1252 on its own: a
 * byte of another charset's damage too (ISO-8859-5 writes the second
 * byte of "П", D0 9F, as U+009F). */
static int lone_c1(const struct view *v, const struct span *sp)
{
	return sp->ve - sp->vs == 2 && (unsigned char)v->text[sp->vs] == 0xC2 &&
	       (unsigned char)v->text[sp->vs + 1] < 0xA0;
}

/* 1 when view span [vs, ve) overlaps a span found before that is applied
 * (a weaker one may lose to this reading: mj_drop_overlaps()), other than
 * a lone C1 control. */
static int overlaps_span(const struct scan *s, size_t vs, size_t ve)
{
	for (size_t i = 0; i < s->ns; i++)
		if (s->spans[i].vs < ve && vs < s->spans[i].ve &&
		    s->spans[i].conf >= MOJIBAKE_APPLY_THRESHOLD - 1e-9 &&
		    !lone_c1(s->v, &s->spans[i]))
			return 1;
	return 0;
}

/* offs[] of the second byte of a double-byte character. */
#define MID_CHAR SIZE_MAX

/* Collect the characters of view [ws, we) into the run arrays with their
 * bytes in charset pg (-1 stored as 0: not a byte of the damage; a
 * double-byte charset's character gives two). */
static void collect_word(struct scan *s, int pg, size_t ws, size_t we)
{
	size_t i = ws;

	s->n = 0;
	while (i < we) {
		size_t at = i;
		int32_t c = utf8_next(s->v->text, &i, we);
		int b = mj_page_byte(s->m, pg, c);
		unsigned char two[2];
		int pair = mj_page_pair(s->m, pg, c, two);
		if (s->n + 3 > s->cap) {
			size_t cap = s->cap;
			GROW(s->cps, cap, s->n + 3);
			s->offs = xrealloc(s->offs, cap * sizeof(*s->offs));
			s->bytes = xrealloc(s->bytes, cap);
			s->cap = cap;
		}
		s->cps[s->n] = c;
		s->offs[s->n] = at;
		if (pair) {
			/* a piece may not start or end between the two */
			s->bytes[s->n++] = (char)two[0];
			s->cps[s->n] = c;
			s->offs[s->n] = MID_CHAR;
			s->bytes[s->n++] = (char)two[1];
		} else {
			s->bytes[s->n++] = (char)(b < 0 ? 0 : b);
		}
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
		if (p.cp < 0x80 || j - k < 2 || s->offs[k] == MID_CHAR ||
		    s->offs[j] == MID_CHAR ||
		    !layer_piece_ok(s->m, p.cp, j - k) ||
		    overlaps_span(s, s->offs[k], s->offs[j])) {
			k++;
			continue;
		}
		p.vs = s->offs[k];
		p.ve = s->offs[j];
		p.sig = j - k == 3 && page_piece_ok(s->m, p.cp, 3);
		p.sym = j - k == 2 && !uc_is_alpha(p.cp);
		GROW(s->pieces, s->pcap, s->np + 1);
		s->pieces[s->np++] = p;
		k = j;
	}
}

/* End of the group starting at piece a: the adjacent pieces; with split,
 * a punctuation piece stands alone, and letters stop before a symbol
 * ("d茅clar茅聽:", "déclaré" then a no-break space). */
static size_t group_end(const struct scan *s, size_t a, int split)
{
	size_t b = a + 1;

	while (b < s->np && s->pieces[b].vs == s->pieces[b - 1].ve &&
	       !(split && (s->pieces[b].sig || s->pieces[a].sig ||
			   s->pieces[b].sym != s->pieces[a].sym)))
		b++;
	return b;
}

/* The characters of pieces [a, b) in r, their layers peeled; returns the
 * number of layers removed. */
static int group_text(struct scan *s, size_t a, size_t b, struct strbuf *r)
{
	char enc[4];

	sb_reset(r);
	for (size_t i = a; i < b; i++)
		sb_add(r, enc, utf8_put(enc, s->pieces[i].cp));
	return mj_peel_layers(s->m, r);
}

/* Group the adjacent pieces: one span each in *groups, its layers peeled,
 * its replacement appended to reps. A group of one layer mixing
 * punctuation and letters ("’é" of "вЂ™Г©") is split: the letters are
 * judged as a word of their own. */
static void page_groups(struct scan *s, struct strbuf *reps,
			struct span *groups, size_t *ng)
{
	struct strbuf r;

	sb_init(&r);
	*ng = 0;
	for (size_t a = 0, b; a < s->np; a = b) {
		b = group_end(s, a, 0);
		if (!group_text(s, a, b, &r) && group_end(s, a, 1) < b) {
			b = group_end(s, a, 1);
			group_text(s, a, b, &r);
		}
		groups[*ng].conf = page_result_ok(s->m, r.buf, r.len);
		groups[*ng].vs = s->pieces[a].vs;
		groups[*ng].ve = s->pieces[b - 1].ve;
		groups[*ng].rs = reps->len;
		groups[*ng].rn = r.len;
		groups[(*ng)++].sure = s->pieces[a].sig && b - a == 1;
		sb_add(reps, r.buf, r.len);
	}
	sb_release(&r);
}

static int has_letter(const char *r, size_t n)
{
	for (size_t i = 0; i < n;)
		if (uc_is_alpha(utf8_next(r, &i, n)))
			return 1;
	return 0;
}

/* The group of letters starting (at_end 0) or ending (at_end 1) at view
 * offset i: a word goes on through it. */
static const struct span *group_at(const struct span *g, size_t ng, size_t i,
				   int at_end, const struct strbuf *reps)
{
	for (size_t k = 0; k < ng; k++)
		if ((at_end ? g[k].ve : g[k].vs) == i && g[k].conf &&
		    has_letter(reps->buf + g[k].rs, g[k].rn))
			return &g[k];
	return NULL;
}

/* A Latin letter, a mark or a letter of the language's own script: what
 * the repaired word is made of. */
static int word_cp(const struct mojibake *m, int32_t c)
{
	return uc_is_mark(c) || (uc_is_alpha(c) && uc_is_latin(c)) ||
	       mj_native_letter(m, c);
}

/* The group of this reading ending (at_end 1) or starting at view offset
 * i whose replacement is an apostrophe ("вЂ™" for "’"), or NULL. */
static const struct span *apostrophe_group(const struct span *g, size_t ng,
					   const struct strbuf *reps, size_t i,
					   int at_end)
{
	for (size_t k = 0; k < ng; k++) {
		size_t n = 0;
		if ((at_end ? g[k].ve : g[k].vs) == i && g[k].conf &&
		    uc_is_apostrophe(
			utf8_next(reps->buf + g[k].rs, &n, g[k].rn)) &&
		    n == g[k].rn)
			return &g[k];
	}
	return NULL;
}

/* 1 when an apostrophe stands before (dir -1) or after (dir 1) view
 * offset i, between letters of the language's own script or groups of
 * this reading ("╨┐╨░╨╝’╤П╤В╤Ц" is "пам’яті"); *to is then the offset
 * past it. Latin words stop at an apostrophe, as before. */
static int native_apostrophe(const struct scan *s, const struct span *g,
			     size_t ng, const struct strbuf *reps, size_t i,
			     int dir, size_t *to)
{
	const struct view *v = s->v;
	const struct span *h;
	size_t at = i, near;
	int32_t c;

	if (!s->m->nnative)
		return 0;
	if (dir < 0) {
		if ((h = apostrophe_group(g, ng, reps, i, 1)))
			at = h->vs;
		else if (i == 0 || !uc_is_apostrophe(utf8_prev(v->text, &at)))
			return 0;
		if (at == 0)
			return 0;
		near = at;
		c = utf8_prev(v->text, &near);
		if (!mj_native_letter(s->m, c) && !group_at(g, ng, at, 1, reps))
			return 0;
	} else {
		if ((h = apostrophe_group(g, ng, reps, i, 0)))
			at = h->ve;
		else if (i >= v->len ||
			 !uc_is_apostrophe(utf8_next(v->text, &at, v->len)))
			return 0;
		if (at >= v->len)
			return 0;
		near = at;
		c = utf8_next(v->text, &near, v->len);
		if (!mj_native_letter(s->m, c) && !group_at(g, ng, at, 0, reps))
			return 0;
	}
	*to = at;
	return 1;
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
		if ((h = group_at(g, ng, i, 1, reps)))
			i = h->vs;
		else if (native_apostrophe(s, g, ng, reps, i, -1, &at))
			i = at;
		else if (i > 0 && word_cp(s->m, utf8_prev(v->text, &at)))
			i = at;
		else
			break;
	}
	for (;;) {
		size_t at = j;
		if ((h = group_at(g, ng, j, 0, reps)))
			j = h->ve;
		else if (native_apostrophe(s, g, ng, reps, j, 1, &at))
			j = at;
		else if (j < v->len &&
			 word_cp(s->m, utf8_next(v->text, &at, v->len)))
			j = at;
		else
			break;
	}
	*ws = i;
	*we = j;
	while (i < j) {
		if (i != g[k].vs)
			h = group_at(g, ng, i, 0, reps);
		else
			h = &g[k];
		if (!h && s->m->nnative)
			h = apostrophe_group(g, ng, reps, i, 0);
		if (h) {
			sb_add(w, reps->buf + h->rs, h->rn);
			i = h->ve;
		} else {
			size_t at = i;
			utf8_next(v->text, &i, j);
			sb_add(w, v->text + at, i - at);
		}
	}
}

/* 1 when some other charset writes letter c as the lead byte of a
 * two-byte UTF-8 sequence of Latin-1 ("Г", "В", "Ă", "Â"): a letter of
 * the damage, not of the text. */
static int damage_lead(struct mojibake *m, int32_t c)
{
	for (int pg = PAGE_1252 + 1; pg < NPAGES; pg++) {
		int b = mj_page_byte(m, pg, c);
		if (b >= 0xC2 && b <= 0xC5)
			return 1;
	}
	return 0;
}

/* The nearest letter after view offset i (dir 1) or before it (dir -1)
 * on the same line, or -1; with text set, not a letter of the damage
 * (damage_lead: "Г" of "Г©"). */
static int32_t nearest_letter(const struct scan *s, size_t i, int dir, int text)
{
	const struct view *v = s->v;

	while (dir > 0 ? i < v->len : i > 0) {
		int32_t c = dir > 0 ? utf8_next(v->text, &i, v->len)
				    : utf8_prev(v->text, &i);
		if (c == '\n')
			return -1;
		if (uc_is_alpha(c) && !(text && damage_lead(s->m, c)))
			return c;
	}
	return -1;
}

/* Code points looked at on each side of a decoded symbol for its word. */
#define SYMBOL_REACH 4

/* 1 when a letter or a digit is among the SYMBOL_REACH code points on
 * either side of view [vs, ve), on its line. */
static int word_near(const struct view *v, size_t vs, size_t ve)
{
	size_t i = vs, j = ve;

	for (int n = 0; n < SYMBOL_REACH && i > 0; n++) {
		int32_t c = utf8_prev(v->text, &i);
		if (c == '\n')
			break;
		if (uc_is_alpha(c) || uc_is_digit(c))
			return 1;
	}
	for (int n = 0; n < SYMBOL_REACH && j < v->len; n++) {
		int32_t c = utf8_next(v->text, &j, v->len);
		if (c == '\n')
			break;
		if (uc_is_alpha(c) || uc_is_digit(c))
			return 1;
	}
	return 0;
}

/* 1 when view [vs, ve) is made of the language's own letters outside the
 * Latin script (m->native) and nothing else ("ТА"). */
static int native_only(const struct scan *s, size_t vs, size_t ve)
{
	const char *t = s->v->text + vs;

	return s->m->nnative &&
	       mj_native_word(s->m, t, ve - vs) == utf8_count(t, ve - vs);
}

/* 1 when group g decodes to an opening guillemet glued to what follows
 * it, a closing one glued to what precedes it, or a degree sign after a
 * digit: neither a space nor a letter of the language on that side
 * ("ТЋ%sТЛ", "thumbnailТЛ"). */
static int quote_glued(const struct scan *s, const struct span *g,
		       const struct strbuf *reps)
{
	const struct view *v = s->v;
	size_t i = 0;
	int32_t q = utf8_next(reps->buf + g->rs, &i, g->rn);
	int32_t c = q == 0xAB ? mj_cp_at(v, g->ve) : mj_cp_before(v, g->vs);

	if (i != g->rn || c < 0 || uc_is_space(c) || mj_native_letter(s->m, c))
		return 0;
	return q == 0xAB || q == 0xBB || (q == 0xB0 && uc_is_digit(c));
}

/* Confidence of a group that decodes to a quote, a degree sign or a
 * no-break space (no letter): sure among Latin letters; 0 when no word
 * stands right beside it (a quote opens or closes a word, a degree
 * follows a number, and "`¬´    ):" is an emoticon, not "«"), or when the
 * nearest letter on either side is of another script ("В" NBSP "Москве"
 * is Russian typography, not "à"), except the language's own (Russian
 * damaged through Windows-1251: "розділу В«%s"), where the line's
 * evidence decides. */
static double symbol_conf(const struct scan *s, const struct span *g,
			  const struct strbuf *reps)
{
	int32_t before = nearest_letter(s, g->vs, -1, 0);
	int32_t after = nearest_letter(s, g->ve, 1, 0);
	int latin = (before < 0 || uc_is_latin(before)) &&
		    (after < 0 || uc_is_latin(after));

	if ((before < 0 && after < 0) || !word_near(s->v, g->vs, g->ve))
		return 0;
	if (latin)
		return DICT_CONF;
	if (!s->m->nnative)
		return 0;
	/* A language of another script: the damage writes its letters
	 * ("В«" in Windows-1251) beside its own, damaged or not. The line's
	 * evidence decides; "ТА", a word of the language's letters, is "°"
	 * in ISO-8859-5 only as a quote glued to what it quotes. */
	if (native_only(s, g->vs, g->ve) && !quote_glued(s, g, reps))
		return 0;
	return PAGE_WORD_CONF;
}

/* 1 when the damage of view [vs, ve) sits between two Latin letters and
 * holds a character that is no Latin letter ("Str√∂bele", "prГ©s"): no
 * word of any language is written so. */
static int latin_sandwich(const struct view *v, size_t vs, size_t ve)
{
	int32_t before = mj_cp_before(v, vs), after = mj_cp_at(v, ve);

	if (!uc_is_alpha(before) || !uc_is_latin(before) ||
	    !uc_is_alpha(after) || !uc_is_latin(after))
		return 0;
	for (size_t i = vs; i < ve;) {
		int32_t c = utf8_next(v->text, &i, ve);
		if (!uc_is_alpha(c) || !uc_is_latin(c))
			return 1;
	}
	return 0;
}

/* 1 when the damage of view [vs, ve) starts with a mathematical operator
 * glued to a Latin letter before or after it ("Dupr√©", "Zam√≤", "wei√ü":
 * MacRoman writes the lead bytes C3 and C5 as "√" and "≈"): no word is
 * written with an operator inside it, and the damage is a letter. */
static int operator_glued(const struct view *v, size_t vs, size_t ve)
{
	int32_t before = mj_cp_before(v, vs), after = mj_cp_at(v, ve);
	int32_t first = mj_cp_at(v, vs);

	return uc_is_math(first) &&
	       ((uc_is_alpha(before) && uc_is_latin(before)) ||
		(uc_is_alpha(after) && uc_is_latin(after)));
}

/* 1 when group g decodes to no letter and is made of the language's own
 * letters (m->native) glued to another: the language's text ("ВіртАдр",
 * whose "тАд" IBM 866 reads as "․"). Words that are damage end to end
 * are all_groups()'s. */
static int native_text(const struct scan *s, const struct span *g,
		       const struct strbuf *reps)
{
	const struct view *v = s->v;

	return !has_letter(reps->buf + g->rs, g->rn) &&
	       native_only(s, g->vs, g->ve) &&
	       (mj_native_letter(s->m, mj_cp_before(v, g->vs)) ||
		mj_native_letter(s->m, mj_cp_at(v, g->ve)));
}

/* 1 when view [ws, we) is made of groups of letters only: a word that is
 * damage from end to end ("РџСЂРёРІРµС‚", "п÷я─п╦п╡п╣я┌"). */
static int all_groups(const struct scan *s, const struct span *g, size_t ng,
		      size_t ws, size_t we, const struct strbuf *reps)
{
	const struct span *h;

	while (ws < we) {
		size_t at = ws;
		if ((h = group_at(g, ng, ws, 0, reps)) ||
		    (h = apostrophe_group(g, ng, reps, ws, 0)))
			ws = h->ve;
		else if (uc_is_apostrophe(utf8_next(s->v->text, &at, we)))
			ws = at;
		else
			return 0;
	}
	return 1;
}

/*
 * Confidence of group k: DICT_CONF for a punctuation signature or when
 * the dictionary prefers the repaired word; PAGE_WORD_CONF when the
 * repaired word is Latin and the group sits next to a letter (a name the
 * dictionary does not know), except through a double-byte charset (pairs),
 * whose characters are words of their own ("猫", cat, reads "è"), or when
 * it holds a letter of Latin Extended-A without the dictionary's word. A
 * word in the language's own script is read only when it is damage from
 * end to end: DICT_CONF with the dictionary's word, else PAGE_WORD_CONF.
 * 0 otherwise.
 */
static double group_conf(struct scan *s, const struct span *g, size_t ng,
			 size_t k, const struct strbuf *reps, int pairs)
{
	struct dict *d = s->m->dict;
	struct strbuf w;
	size_t ws, we, letters;
	double conf = 0;

	if (!g[k].conf) /* not French mojibake once its layers are peeled */
		return 0;
	if (native_text(s, &g[k], reps))
		return 0;
	if (g[k].sure)
		return DICT_CONF;
	sb_init(&w);
	group_word(s, g, ng, k, reps, &ws, &we, &w);
	/* "à" and "À" alone: before the next word, as in Windows-1252 */
	if (w.len == 2 && ws == g[k].vs && we == g[k].ve &&
	    (!memcmp(w.buf, "\xC3\xA0", 2) || !memcmp(w.buf, "\xC3\x80", 2)))
		conf = mj_any_word_follows(s->v, we) ? ISOLATED_A_CONF : 0;
	else if (!has_letter(reps->buf + g[k].rs, g[k].rn))
		conf = symbol_conf(s, &g[k], reps);
	else if (mj_latin_word(w.buf, w.len)) {
		if (d && dict_check(d, w.buf, w.len) &&
		    !dict_check(d, s->v->text + ws, we - ws))
			conf = DICT_CONF;
		else if (latin_sandwich(s->v, g[k].vs, g[k].ve) ||
			 operator_glued(s->v, g[k].vs, g[k].ve))
			conf = has_latin_extended(reps->buf + g[k].rs, g[k].rn)
				   ? PAGE_WORD_CONF
				   : DICT_CONF;
		else if (!pairs && (ws < g[k].vs || g[k].ve < we))
			conf = PAGE_WORD_CONF;
	} else if ((letters = mj_native_word(s->m, w.buf, w.len)) && d &&
		   all_groups(s, g, ng, ws, we, reps) &&
		   !dict_check(d, s->v->text + ws, we - ws)) {
		/* Damage from end to end: a letter of the language's own
		 * text ("Ріу": "Рі" is "г" in Windows-1251) leaves the word
		 * alone. A word of one letter ("Сѓ", "у") and one the
		 * dictionary does not know go on the line's evidence. */
		if (dict_check(d, w.buf, w.len))
			conf = letters > 1 ? DICT_CONF : PAGE_WORD_CONF;
		else if (!pairs && letters > 1)
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
	size_t covered; /* view bytes of the groups it would repair */
};

/* Read the word [ws, we) through charset pg into *rd. */
static void read_word(struct scan *s, int pg, size_t ws, size_t we,
		      struct reading *rd)
{
	sb_init(&rd->reps);
	rd->groups = NULL;
	rd->ng = 0;
	rd->total = 0;
	rd->covered = 0;
	collect_word(s, pg, ws, we);
	word_pieces(s);
	if (!s->np)
		return;
	rd->groups = xcalloc(s->np, sizeof(*rd->groups));
	page_groups(s, &rd->reps, rd->groups, &rd->ng);
	/* every group judged with its neighbours as page_groups() left them
	 * (conf 1 when their text qualifies), then all set */
	GROW(s->confs, s->ccap, rd->ng);
	for (size_t k = 0; k < rd->ng; k++)
		s->confs[k] = group_conf(s, rd->groups, rd->ng, k, &rd->reps,
					 mj_pages[pg].pairs);
	for (size_t k = 0; k < rd->ng; k++) {
		rd->groups[k].conf = s->confs[k];
		rd->total += s->confs[k];
		if (s->confs[k] > 0)
			rd->covered += rd->groups[k].ve - rd->groups[k].vs;
	}
}

static void reading_release(struct reading *rd)
{
	sb_release(&rd->reps);
	free(rd->groups);
}

/* 1 when reading a explains more of the word than b: it repairs more of
 * its characters ("√É¬†" as one "à" through MacRoman, not "¬†" alone as a
 * no-break space through MacCyrillic), or as many with a higher total
 * confidence (the dictionary decides: "ĂŠ" is "é" in ISO-8859-2 and "Ê"
 * in Windows-1250). */
static int better_reading(const struct reading *a, const struct reading *b)
{
	if (a->covered != b->covered)
		return a->covered > b->covered;
	return a->total > b->total + 1e-9;
}

/*
 * Read word [ws, we) through the charsets other than Windows-1252: the
 * best reading (better_reading) explains the most of it. Returns the
 * charsets whose readings tie for best (bit pg each; 0 when none reads
 * it), *first the first of them.
 */
static uint32_t page_word(struct scan *s, size_t ws, size_t we, int *first)
{
	struct reading best = {0}, rd;
	uint32_t tied = 0;

	*first = -1;
	for (int pg = PAGE_1252 + 1; pg < NPAGES; pg++) {
		read_word(s, pg, ws, we, &rd);
		if (rd.total > 1e-9 &&
		    (*first < 0 || better_reading(&rd, &best))) {
			if (*first >= 0)
				reading_release(&best);
			best = rd;
			*first = pg;
			tied = 1u << pg;
			continue;
		}
		if (rd.total > 1e-9 && !better_reading(&best, &rd))
			tied |= 1u << pg;
		reading_release(&rd);
	}
	if (*first >= 0)
		reading_release(&best);
	return tied;
}

/* Report the reading of word [ws, we) through charset pg. */
static void report_reading(struct scan *s, size_t ws, size_t we, int pg)
{
	struct reading rd;

	read_word(s, pg, ws, we, &rd);
	for (size_t k = 0; k < rd.ng; k++)
		if (rd.groups[k].conf > 0)
			mj_add_span(s, rd.groups[k].vs, rd.groups[k].ve,
				    rd.reps.buf + rd.groups[k].rs,
				    rd.groups[k].rn, rd.groups[k].conf,
				    mj_pages[pg].why);
	reading_release(&rd);
}

/* The charset (other than Windows-1252) that writes byte 0xA0 as a
 * no-break space and c as byte 0xC3, the lead of "à" (Windows-1251 "Г",
 * Windows-1250 and ISO-8859-2 "Ă"), or -1. */
static int page_of_a_lead(struct mojibake *m, int32_t c)
{
	for (int pg = PAGE_1252 + 1; pg < NPAGES; pg++)
		if (mj_page_byte(m, pg, 0xA0) == 0xA0 &&
		    mj_page_byte(m, pg, c) == 0xC3)
			return pg;
	return -1;
}

/* 1 when view offset i holds a space, then a letter, a digit or an
 * opening quote or bracket. */
static int text_follows(const struct view *v, size_t i)
{
	int32_t c = mj_cp_at(v, i + 1);

	return i < v->len && v->text[i] == ' ' &&
	       (uc_is_alpha(c) || uc_is_digit(c) || c == '"' || c == '(' ||
		c == 0xAB || c == 0x201C);
}

/* Does d know w, after an elided prefix too ("jusqu'à")? */
int mj_known_word(struct dict *d, const char *w, size_t n)
{
	size_t e = dict_elision_prefix(d, w, n);

	return dict_check(d, w, n) ||
	       (e && e < n && dict_check(d, w + e, n - e));
}

static int known_word(struct dict *d, const struct strbuf *w)
{
	return mj_known_word(d, w->buf, w->len);
}

/* 1 when every letter of w is Latin (apostrophes allowed: "jusqu'à"). */
static int latin_letters(const struct strbuf *w)
{
	size_t i = 0, letters = 0;

	while (i < w->len) {
		int32_t c = utf8_next(w->buf, &i, w->len);
		if (uc_is_alpha(c) && !uc_is_latin(c))
			return 0;
		letters += uc_is_alpha(c) != 0;
	}
	return letters >= 2;
}

/* Is [from, at) + "à" a word the dictionary knows, [from, at) read
 * through charset pg ("dГ©jГ" is "déjà") or as written ("jusqu’Г",
 * whose apostrophe is no damage), and [from, end) as written not one?
 * From the first letter on. */
static int known_with_a(struct scan *s, int pg, size_t from, size_t at,
			size_t end)
{
	const struct view *v = s->v;
	struct strbuf w;
	size_t i = from, bad = 0, bad_len;
	int known;

	while (i < at) {
		size_t q = i;
		int32_t c = utf8_next(v->text, &q, at);
		if (uc_is_alpha(c))
			break;
		i = q;
	}
	if (i == at || !s->m->dict)
		return 0;
	sb_init(&w);
	for (size_t k = i; k < at;) {
		size_t q = k;
		int32_t c = utf8_next(v->text, &q, at);
		int b = c < 0x80 ? c : mj_page_byte(s->m, pg, c);
		if (b < 0) {
			bad = 1;
			break;
		}
		sb_addc(&w, (char)b);
		k = q;
	}
	sb_add(&w, "\xC3\xA0", 2);
	known = !bad && utf8_find_invalid(w.buf, w.len, &bad_len) == w.len &&
		latin_letters(&w) && known_word(s->m->dict, &w);
	if (!known) {
		sb_reset(&w);
		sb_add(&w, v->text + i, at - i);
		sb_add(&w, "\xC3\xA0", 2);
		known = latin_letters(&w) && known_word(s->m->dict, &w);
	}
	sb_release(&w);
	return known && !dict_check(s->m->dict, v->text + i, end - i);
}

/*
 * "à" whose second byte was lost, read through a charset that writes that
 * byte (0xA0) as a no-break space: the space is dropped or becomes a
 * plain one, and the lead stays alone, as "Ã la" through Windows-1252
 * (lost_byte() in mojibake.c). Among Latin letters only ("Г." is a
 * Russian abbreviation; letters of the damage itself, "Г©", do not
 * count): standing alone before a word ("allГ© Г la gare", "Г  la", its
 * no-break space turned into a space), or ending a word that the
 * dictionary knows with "à" ("lГ, le" is "là", "dГ©jГ" is "déjà"; in
 * "LĂ , tout" the space before the comma was that no-break space).
 */
static void lost_nbsp(struct scan *s, size_t ws, size_t we)
{
	const struct view *v = s->v;
	size_t i = ws;

	while (i < we) {
		size_t at = i, end;
		int32_t c = utf8_next(v->text, &i, we), before, after;
		int pg, two;

		if (c < 0x80 || (pg = page_of_a_lead(s->m, c)) < 0)
			continue;
		if (i < we && uc_is_alpha(mj_cp_at(v, i)))
			continue; /* inside a word: the page reading's */
		before = nearest_letter(s, at, -1, 1);
		after = nearest_letter(s, i, 1, 1);
		if ((after < 0 && before < 0) ||
		    (after >= 0 && !uc_is_latin(after)) ||
		    (before >= 0 && !uc_is_latin(before)))
			continue;
		/* a letter of the language ("У", ISO-8859-5's C3, is a word
		 * in Ukrainian) is the lead of "à" only inside a sentence of
		 * Latin words ("se trouve Г l’ouest"), not starting one */
		if (mj_native_letter(s->m, c) &&
		    (before < 0 || after < 0 || mj_sentence_start(v, at)))
			continue;
		/* the no-break space turned into a space before one */
		two = i == we && i + 1 < v->len && v->text[i] == ' ' &&
		      (v->text[i + 1] == ' ' ||
		       (at > ws &&
			(v->text[i + 1] == ',' || v->text[i + 1] == '.' ||
			 v->text[i + 1] == ')')));
		end = i + two;
		if (overlaps_span(s, at, end))
			continue;
		if (at == ws && i == we) {
			/* "Ã" alone (ISO-8859-15 writes it as Windows-1252
			 * does) is lost_byte()'s to judge */
			if (!text_follows(v, end) ||
			    mj_page_byte(s->m, PAGE_1252, c) >= 0)
				continue;
			mj_add_span(s, at, end,
				    mj_sentence_start(v, at) ? "\xC3\x80"
							     : "\xC3\xA0",
				    2, ISOLATED_A_CONF,
				    "lost byte: standalone lead of 'à' read "
				    "through a charset whose 0xA0 is a "
				    "no-break space");
		} else if (at > ws && known_with_a(s, pg, ws, at, i)) {
			/* "LÀ" in a line in capitals */
			int cap =
			    !uc_is_lower(before) && mj_in_capitals(v, ws, end);
			mj_add_span(s, at, end, cap ? "\xC3\x80" : "\xC3\xA0",
				    2, DICT_CONF,
				    "lost byte: lead of 'à' read through a "
				    "charset whose 0xA0 is a no-break space, "
				    "ending a word");
		}
	}
}

/* 1 when some charset other than Windows-1252 writes c as the lead byte
 * of a two-byte sequence or as 0xE2, the lead of "…" and "’": a word
 * without such a character holds no damage of theirs (most accented
 * words: "été" is read through none of them). */
static int page_lead(struct mojibake *m, int32_t c)
{
	int8_t *known = c < 0x10000 ? &m->lead_of[c] : NULL;
	int lead = 0;

	if (known && *known)
		return *known > 0;
	for (int pg = PAGE_1252 + 1; pg < NPAGES && !lead; pg++) {
		unsigned char two[2];
		int b = mj_page_byte(m, pg, c);
		lead = (b >= 0xC2 && b <= 0xDF) || b == 0xE2;
		/* one character for a whole sequence: "茅" is C3 A9 */
		lead = lead ||
		       (mj_page_pair(m, pg, c, two) && two[0] >= 0xC2 &&
			two[0] <= 0xDF && two[1] >= 0x80 && two[1] <= 0xBF);
	}
	if (known)
		*known = lead ? 1 : -1;
	return lead;
}

/* The next word of line [*i, end) that some other charset may have
 * damaged (two bytes beyond ASCII or more, a lead byte of theirs among
 * them): 1 with [*ws, *i) set, 0 at the line's end. */
static int next_page_word(struct scan *s, size_t *i, size_t end, size_t *ws)
{
	const struct view *v = s->v;

	while (*i < end) {
		size_t na = 0, leads = 0;
		if (ascii_space(v, *i)) {
			(*i)++;
			continue;
		}
		*ws = *i;
		while (*i < end && !ascii_space(v, *i)) {
			size_t at = *i;
			int32_t c;

			if ((unsigned char)v->text[*i] < 0x80) {
				(*i)++;
				continue;
			}
			c = utf8_next(v->text, i, end);
			na += *i - at;
			leads += page_lead(s->m, c);
		}
		if (na >= 2 && leads)
			return 1;
	}
	return 0;
}

/* One word some other charset may have damaged: its best charset and
 * the charsets that read it as well (page_word). */
struct page_pick {
	size_t ws, we;
	int pg;
	uint32_t tied;
};

/* Words of a line judged together: a longer line votes by parts. */
#define LINE_PICKS 4096

/* Report the words of picks p[0..n), one line's (or part's): each word's
 * best reading; of a tie, the charset the most of the line's words that
 * one charset alone reads best point to, then the first. A line is
 * damaged through one charset: "ĂŠ" is "é" in ISO-8859-2 and "Ê" in
 * Windows-1250, and the line's other words ("Ĺ" and a C1 control, which
 * only ISO-8859-2 reads) decide where the dictionary cannot. */
static void report_picks(struct scan *s, const struct page_pick *p, size_t n)
{
	unsigned votes[NPAGES] = {0};

	for (size_t i = 0; i < n; i++)
		if (p[i].tied && !(p[i].tied & (p[i].tied - 1)))
			votes[p[i].pg]++;
	for (size_t i = 0; i < n; i++) {
		int pg = p[i].pg;
		for (int q = 0; q < NPAGES; q++)
			if ((p[i].tied >> q & 1) && votes[q] > votes[pg])
				pg = q;
		if (pg >= 0)
			report_reading(s, p[i].ws, p[i].we, pg);
		lost_nbsp(s, p[i].ws, p[i].we);
	}
}

/* Scan the view line by line, word by word, for the damage of the other
 * charsets: every word read through each (page_word), then the line's
 * words reported (report_picks). */
void mj_scan_pages(struct scan *s)
{
	const struct view *v = s->v;
	struct page_pick *picks = NULL;
	size_t start = 0, cap = 0;

	for (s->line = 0; start < v->len; s->line++) {
		const char *nl = memchr(v->text + start, '\n', v->len - start);
		size_t end = nl ? (size_t)(nl - v->text) : v->len, i = start;
		size_t n = 0, ws;

		while (next_page_word(s, &i, end, &ws)) {
			if (n == LINE_PICKS) {
				report_picks(s, picks, n);
				n = 0;
			}
			GROW(picks, cap, n + 1);
			picks[n].ws = ws;
			picks[n].we = i;
			picks[n].tied = page_word(s, ws, i, &picks[n].pg);
			n++;
		}
		report_picks(s, picks, n);
		start = end + 1;
	}
	free(picks);
}

static int span_cmp(const void *a, const void *b)
{
	const struct span *x = a, *y = b;

	return x->vs < y->vs ? -1 : x->vs > y->vs;
}

/* 1 when span a is more confident than b, or as confident and longer:
 * "Ä›Ĺˇ" read whole as "ěš" through Windows-1250 rather than "Ä›" alone
 * as "ě" through Windows-1252. */
static int better_span(const struct span *a, const struct span *b)
{
	if (a->conf > b->conf + 1e-9 || a->conf < b->conf - 1e-9)
		return a->conf > b->conf;
	return a->ve - a->vs > b->ve - b->vs;
}

/* Of two overlapping spans (sorted by start), keep the more confident:
 * a weak Windows-1252 reading ("Ä¶" as "Ķ") loses to another charset's
 * signature ("‚Ä¶" as "…" in MacRoman); a lone C1 control read as
 * Windows-1252 loses to any reading of the word around it. */
void mj_drop_overlaps(struct scan *s)
{
	size_t n = 0;

	if (s->ns > 1)
		qsort(s->spans, s->ns, sizeof(*s->spans), span_cmp);
	for (size_t i = 0; i < s->ns; i++) {
		struct span *last = n ? &s->spans[n - 1] : NULL;
		if (last && s->spans[i].vs < last->ve) {
			int c1 = lone_c1(s->v, &s->spans[i]),
			    last_c1 = lone_c1(s->v, last);
			if (c1 != last_c1 ? last_c1
					  : better_span(&s->spans[i], last))
				*last = s->spans[i];
			continue;
		}
		s->spans[n++] = s->spans[i];
	}
	s->ns = n;
}
