/*
 * mojibake_scan.h - what the two halves of the mojibake stage share:
 * mojibake.c (Windows-1252 and Latin-1, character runs, the policy's
 * confidences) and mojibake_pages.c (MacRoman, Windows-1251, Windows-1250
 * and ISO-8859-2, word by word with the dictionary). Internal to the
 * stage: the rest of relire includes mojibake.h only.
 */
#ifndef RELIRE_MOJIBAKE_SCAN_H
#define RELIRE_MOJIBAKE_SCAN_H

#include <stddef.h>
#include <stdint.h>
#include <unicode/ucnv.h>

#include "common/util.h"
#include "common/view.h"

struct dict;

/* Windows-1252 encodes nothing above U+2122 and the other charsets little
 * above U+22FF (MacRoman's math signs): a cache of this many code points
 * answers almost every question; the rest go to the converter. */
#define CACHE_SIZE     0x2300
#define MAX_REDECODE   3
#define LINE_BONUS     0.15
#define SANDWICH_BONUS 0.15
/* At most this for a capital decoded between two lower-case letters: less
 * than any other charset's reading of a word (PAGE_WORD_CONF), and not
 * applied with a line's evidence (LINE_BONUS). */
#define CAPITAL_INSIDE_CONF 0.5
#define ISOLATED_CONF	    0.7
#define ISOLATED_A_CONF	    0.8
#define DICT_CONF	    0.9
#define PAGE_WORD_CONF	    0.7

/* The charsets, Windows-1252 first: it is the common accident, and the
 * others are tried only on the text it leaves alone. */
enum page {
	PAGE_1252,
	PAGE_MAC,
	PAGE_1251,
	PAGE_1250,
	PAGE_8859_2,
	PAGE_8859_15,
	PAGE_850,
	PAGE_437,
	PAGE_866,
	PAGE_KOI8R,
	PAGE_KOI8U,
	PAGE_8859_5,
	PAGE_MAC_CYRILLIC,
	PAGE_1253,
	PAGE_1257,
	PAGE_SHIFT_JIS,
	PAGE_GBK, /* the double-byte charsets: one character per sequence */
	PAGE_BIG5,
	PAGE_EUC_KR,
	PAGE_EUC_JP,
	NPAGES
};

/* ICU's name of each charset and the detail of its findings. */
struct mj_page {
	const char *icu, *why;
	int pairs; /* a double-byte charset (mj_page_pair) */
};
extern const struct mj_page mj_pages[NPAGES];

struct mojibake {
	UConverter *cnv[NPAGES];
	struct dict *dict;
	/* per charset: 0 unknown, -1 none, else the byte */
	int16_t byte_of[NPAGES][CACHE_SIZE];
	/* 0 unknown, 1 some charset but Windows-1252 writes the code point as
	 * the lead byte of a sequence the damage can hide, -1 none (the Basic
	 * Multilingual Plane: the double-byte charsets' characters are CJK) */
	int8_t lead_of[0x10000];
	/* the language's quotation marks (CLDR, through ICU) whose last two
	 * bytes a Latin-1 reading hides ("„" E2 80 9E, "“" E2 80 9C): the
	 * first such pair of the primary and alternate quotes; empty when
	 * the language has none ("« »") */
	char qopen[4], qclose[4];
	size_t qon, qcn;
	/* the language's letters outside the Latin script that UTF-8 writes
	 * in two bytes (Cyrillic in Russian: lang_letters()), bit c - 0x80:
	 * what the other charsets' damage hides in that language's text */
	uint8_t native[(0x800 - 0x80) / 8];
	size_t nnative;
};

/* 1 when c is one of m's native letters (struct mojibake). */
static inline int mj_native_letter(const struct mojibake *m, int32_t c)
{
	return c >= 0x80 && c < 0x800 &&
	       (m->native[(c - 0x80) / 8] >> ((c - 0x80) % 8) & 1);
}

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
	int sym;      /* other charsets: two bytes, no letter (NBSP, "«") */
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
	double *confs; /* other charsets: one reading's group confidences */
	size_t ccap;
	struct span *spans;
	size_t ns, scap;
	struct strbuf repl;
	/* lone "â" read as an opening or closing quotation mark, paired by
	 * line once the view is scanned */
	struct quote_cand {
		size_t vs, ve, line;
		int open;
		int closed; /* an opening mark closed by a "â€�" */
	} * quotes;
	size_t nq, qcap;
	/* hidden bytes read for sure: [0] turned into a space, [1] dropped;
	 * and the readings left between the two ("MaÃ nahmen": "Maßnahmen"
	 * or "Maß nahmen"), which the text's other repairs decide */
	size_t hidden_votes[2];
	struct hidden_pending {
		size_t at, join_end, drop_end, line;
		int32_t join_cp, drop_cp;
	} * pending;
	size_t npend, pendcap;
	/* a word read whole with two lost bytes or more (hidden_word()):
	 * its later leads are no words of their own; and the readings
	 * such words have tried, against the article's bound */
	size_t hidden_until;
	size_t word_tries, words_read;
	/* one reading of a lead ending a word in capitals ("ATTERRÃ"),
	 * applied when the text's other lost bytes were read for sure */
	struct hidden_final {
		size_t at, end, line;
		int32_t cp;
	} * final;
	size_t nfinal, finalcap;
};

/* The byte 0x80..0xFF charset p gives cp, or -1 (Windows-1252: C1
 * controls give their own value, as Latin-1 does). */
int mj_page_byte(struct mojibake *m, int p, int32_t cp);
/* The two bytes a double-byte charset p gives cp (from U+3000: the Han
 * and Hangul characters, whose lead byte may be C2..DF), in out; 2, or 0
 * when p is no such charset or gives cp another number of bytes. */
int mj_page_pair(struct mojibake *m, int p, int32_t cp, unsigned char out[2]);
/* 1 when d is a modifier letter or a letter of the phonetic alphabets'
 * blocks ("ᴴ", "ᵉ"): refused by mj_script_ok_3_4(), but for an
 * ordinal's superscript after a numeral in the Windows-1252 scan. */
int mj_phonetic_letter(int32_t d);
/* 1 when a three- or four-byte decoding d is plausible: an assigned
 * character of the Common, Inherited or Latin scripts. */
int mj_script_ok_3_4(int32_t d);
/* Decode r in place while it is mojibake in full in any charset, up to
 * MAX_REDECODE layers in all; returns the number of layers removed. */
int mj_peel_layers(struct mojibake *m, struct strbuf *r);
/* Code point at view offset i (-1 past the end); the base character
 * before i, combining marks skipped (-1 at 0). */
int32_t mj_cp_at(const struct view *v, size_t i);
int32_t mj_cp_before(const struct view *v, size_t i);
/* 1 when view offset i holds a space followed by a lower-case letter or a
 * digit (mj_word_follows), by a letter or a digit (mj_any_word_follows). */
int mj_word_follows(const struct view *v, size_t i);
int mj_any_word_follows(const struct view *v, size_t i);
/* 1 when view offset i starts a sentence: only white space before it
 * since a line break or the start of the text, or since ". ! ?". */
int mj_sentence_start(const struct view *v, size_t i);
/* 1 when the word before view offset vs and the word after ve, past the
 * spaces between, each have two letters or more and none in lower case:
 * a line in capitals, whose "à" is "À" ("EST LÃ  POUR" is "LÀ"); an
 * elided capital before the word after is passed over ("Ã L'HÃTEL"). */
int mj_in_capitals(const struct view *v, size_t vs, size_t ve);
/* 1 for a letter or a combining mark. */
int mj_word_cp(int32_t c);
/* 1 when s[0..len) is two Latin letters or more and marks, nothing else. */
int mj_latin_word(const char *s, size_t len);
/* The number of letters of w[0..n) when every one is of m's language's own
 * outside the Latin script (mj_native_letter()), else 0; marks and
 * apostrophes between letters ("пам’яті") are passed over. */
size_t mj_native_word(const struct mojibake *m, const char *w, size_t n);
/* 1 when dictionary d accepts w[0..n), or w without its elided article
 * ("l'église"). */
int mj_known_word(struct dict *d, const char *w, size_t n);
/* Record a candidate repair of view [vs, ve) by repl[0..rn) (copied). */
void mj_add_span(struct scan *s, size_t vs, size_t ve, const char *repl,
		 size_t rn, double conf, const char *why);

/* mojibake_pages.c: add the spans of the other charsets (words that
 * Windows-1252 left alone), then sort all spans by start and keep the
 * more confident of two that overlap. */
void mj_scan_pages(struct scan *s);
void mj_drop_overlaps(struct scan *s);

#endif
