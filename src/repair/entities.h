/*
 * entities.h - HTML character references left in plain text (finding kind
 * `encoding`): "l&apos;Union", "S &amp; P 500", "&eacute;t&eacute;",
 * "l&#39;usine", "&amp;eacute;".
 *
 * How the damage arises: a scraper that takes an element's inner HTML
 * instead of its text, a CMS field escaped once more than it is
 * unescaped, or an MT pipeline that escapes its input (the Moses
 * tokenizer writes &amp; &apos; &quot; &lt; &gt; &#91; &#93; &#124;) and
 * never unescapes the output. Text escaped once has no bare '&' left: every
 * '&' of the original became "&amp;". That is what tells damage from text
 * that quotes references on purpose (a page about HTML writes "&quot;" next
 * to a bare '&' or '"').
 *
 * Policy (each rule is tested by name in tests/unit/test_entities.c):
 *  - named: "&name;" with a name of dictionaries/html-entities.tsv (HTML
 *    4.01 and XML, case-sensitive) is decoded to its character. A name
 *    without its ';' is left alone ("&copy" in a URL query).
 *  - numeric: "&#NNN;" and "&#xHH;" are decoded; 128..159 read as
 *    Windows-1252 (as browsers do; the table's rows "128".."159"); zero,
 *    surrogates, noncharacters and values past U+10FFFF are not
 *    references.
 *  - twice: "&amp;" followed by the rest of a reference ("&amp;eacute;",
 *    "&amp;amp;#39;") is a reference escaped twice or more; the whole span
 *    is decoded to the character at once.
 *  - bare: when the article also writes a '&' that starts no reference,
 *    its references are reported, not applied: it may be quoting them;
 *    except a reference to a letter glued to a letter ("rel&#232;ve":
 *    "S&P" beside text escaped as ASCII with numeric references), which
 *    is part of a word.
 *  - control: a reference to a control character (&#10;, &#13;, &#9;) is
 *    reported, not applied: decoding it would change the lines of the
 *    text.
 *  Good text (no reference) is byte-identical; the stage is idempotent
 *  except on references escaped more than once in a bare-'&' article,
 *  which it reports again.
 */
#ifndef RELIRE_ENTITIES_H
#define RELIRE_ENTITIES_H

#include <stddef.h>
#include <stdint.h>

#include "common/article.h"
#include "common/view.h"

/* Confidence of a decoded reference (applied) and of one that is only
 * reported (the bare and control rules). */
#define ENTITIES_CONFIDENCE 0.95
#define ENTITIES_UNSURE	    0.5

struct entities; /* the table of named references */

/* Load the table from path (format in dictionaries/html-entities.tsv).
 * Returns the table (free with entities_free), or NULL after printing the
 * error (unreadable file, or the line number of a malformed row). */
struct entities *entities_load(const char *path);
void entities_free(struct entities *t);

/* Code point of the named reference name[0..len) ("eacute"), or -1. */
int32_t entities_lookup(const struct entities *t, const char *name, size_t len);

/* Find the character references of view v (rules above) and report them
 * on a, with their decoded characters as replacements. t is borrowed. */
void entities_decode(const struct entities *t, struct article *a,
		     const struct view *v);

#endif
