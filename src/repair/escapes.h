/*
 * escapes.h - text left in an escaped form other than HTML's (finding
 * kind `encoding`): JSON and JavaScript string escapes
 * ("pr\u00e9sentation", "l\u2019AFP", "dit \"non\""), quoted-printable
 * ("pr=C3=A9sentation", "caf=E9") and percent-encoding
 * ("pr%C3%A9sentation") in running text.
 *
 * How the damage arises: a scraper that reads a JSON or JavaScript string
 * out of a page's source without unescaping it; a mail archive whose MIME
 * quoted-printable parts were not decoded; a slug or query parameter
 * turned back into text with its bytes still percent-encoded. In each
 * case the escape spells the bytes or code point of the character that
 * was there, so decoding it is exact; what must be checked is that the
 * text around is running text, not code, a path or a URL, where the same
 * signs mean what they say.
 *
 * Policy (each rule is tested by name in tests/unit/test_escapes.c):
 *  - json_u: "\uXXXX" (four hex digits; a surrogate pair "\uD83D\uDE00"
 *    is one character) is decoded; a lone surrogate or a control
 *    character is not (a control is reported: decoding "\u000a" would
 *    change the lines).
 *  - json_quote: "\"" and "\'" are decoded to the quote, and so is a
 *    quote after any odd run of backslashes (escaped twice or more:
 *    "l\\\'uomo"; an even run is the text's own backslashes); "\n", "\r" and
 *    "\t" are reported, not applied (they would change the lines), and
 *    only when no lower-case letter follows ("\tpuis" is as often a path
 *    or LaTeX).
 *  - bytes: a run of "=XX" (quoted-printable, upper-case hex) or "%XX"
 *    (percent, either case) whose bytes are all 0x80 or more is decoded
 *    when they are UTF-8 that reads as letters or running-text
 *    punctuation ("10%C2%A0000" too), or else Latin-1 letters ("caf=E9")
 *    that touch a letter or stand as a word of their own.
 *  - code: nothing in a white-space-delimited chunk that looks like a
 *    URL or a path ("/", "&", "=" outside the escapes themselves,
 *    "www.", ":\") is changed; nor, for the JSON quote and control
 *    escapes, one that looks like code ("(", ")", ";", "{", "}").
 * Good text is byte-identical; the stage is idempotent.
 */
#ifndef RELIRE_ESCAPES_H
#define RELIRE_ESCAPES_H

#include "common/article.h"
#include "common/view.h"

#define ESCAPES_CONFIDENCE 0.95
#define ESCAPES_UNSURE	   0.5

/* Find the escapes of view v and report them on a, decoded. */
void escapes_decode(struct article *a, const struct view *v);

#endif
