/*
 * token.h - words, numbers, spaces and punctuation of a view, as byte spans.
 *
 * Tokens are produced by the segmenter (segment.h, ICU word breaks) and
 * read by detectors. Offsets are into the VIEW text; detectors map them back
 * with view_report(). Every byte of the view belongs to exactly one token.
 *
 * Case flags describe the word after an elided prefix: in "l’OTAN" (one
 * TOK_WORD) the flags are those of "OTAN" (TF_UPPER | TF_ALLCAPS).
 */
#ifndef RELIRE_TOKEN_H
#define RELIRE_TOKEN_H

#include <stddef.h>
#include <stdint.h>

enum token_type {
	TOK_WORD,    /* letters, possibly with inner apostrophes ("qu’il") */
	TOK_NUMBER,  /* digits, with inner separators ("1,5", "3e" is a word) */
	TOK_SPACE,   /* horizontal white space */
	TOK_NEWLINE, /* one line break ("\n", "\r\n", U+2028...) */
	TOK_PUNCT,   /* anything else: punctuation, symbols */
};

enum token_flag {
	TF_URL = 1,	/* part of a URL, e-mail address, handle or hashtag */
	TF_UPPER = 2,	/* starts with an upper-case letter */
	TF_ALLCAPS = 4, /* two or more letters, all upper-case */
	TF_NUMERAL =
	    8, /* ordinal or Roman numeral: "3e", "1er", "XXIe", "XIV" */
};

/* 12 bytes: a large article has about one token per three bytes, so the
 * record is most of the memory its tokenization takes. Offsets fit 32 bits
 * because ICU's break iterator counts in int32_t (segmenter_run refuses a
 * longer text). */
struct token {
	uint32_t start, end;
	unsigned char type;  /* enum token_type */
	unsigned char flags; /* enum token_flag bits */
};

struct tokens {
	struct token *t;
	size_t n, cap;
	size_t words; /* number of TOK_WORD and TOK_NUMBER tokens */
};

void tokens_init(struct tokens *ts);
void tokens_release(struct tokens *ts);

#endif
