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
	TF_ALLCAPS = 4, /* in capitals: utf8_is_all_caps() */
	TF_NUMERAL =
	    8, /* ordinal or Roman numeral: "3e", "1er", "XXIe", "XIV" */
};

/* 8 bytes: a large article has about one token per three bytes, so the
 * record is most of the memory its tokenization takes (18.6 million tokens
 * for 50 MB of news). Offsets fit 32 bits because ICU's break iterator
 * counts in int32_t (segmenter_run refuses a longer text). A token's end is
 * not stored: the tokens tile the text, so it is the next token's start
 * (tok_end). */
struct token {
	uint32_t start;
	unsigned char type;  /* enum token_type */
	unsigned char flags; /* enum token_flag bits */
};

/*
 * t[0..n) in text order, each starting where the previous one ends, the
 * first at 0. t[n] is a sentinel whose start is the text's length (its type
 * and flags mean nothing): it is there whenever n > 0, so that tok_end()
 * holds for the last token too. Never iterate up to n inclusive.
 */
struct tokens {
	struct token *t;
	size_t n, cap;
	size_t words; /* number of TOK_WORD and TOK_NUMBER tokens */
};

/* End offset (exclusive) of token *t, a token of a struct tokens array
 * (never a copy: it reads the next token). */
static inline uint32_t tok_end(const struct token *t)
{
	return t[1].start;
}

void tokens_init(struct tokens *ts);
void tokens_release(struct tokens *ts);

#endif
