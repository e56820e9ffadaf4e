/*
 * markup.h - HTML tags left in the text by a scraper (finding kind
 * `residue`, applied): "<p>Le président</p>", "ici <a href="x">ici</a>",
 * "fin.<br/>Début".
 *
 * How the damage arises: a scraper that takes an element's inner HTML
 * instead of its text, or a page whose text was escaped twice, so that
 * "&lt;p&gt;" became a tag again once decoded. A tag is no text: removing
 * it is exact. What must be told apart is text that names a tag on
 * purpose ("la balise <p> ouvre un paragraphe").
 *
 * Policy (each rule is tested by name in tests/unit/test_markup.c):
 *  - tag: "<" or "</", an element name of dictionaries/html-elements.tsv
 *    (any case), then white space and attributes (quoted values may hold
 *    ">"), an optional "/", and ">", on one line and within
 *    MARKUP_TAG_MAX bytes. Anything else between "<" and ">" is text
 *    ("<3", "a < b", "<nom>"). Comments ("<!-- ... -->") are left: what
 *    they hold may be text, and removing it would delete content.
 *  - evidence: tags are removed when the article holds markup that no
 *    sentence names on purpose: a tag glued to visible text on both
 *    sides ("fin.<br/>Début"), or an element that opens right before its
 *    text and closes right after it ("<b>gras</b>", "<p>Le ...</p>").
 *    Without it ("vor dem schließenden </body> Tag", "les balises <b> et
 *    </b>"), every tag is reported, not applied.
 *  - space: an inline element's tag ("b", "a", "span") is deleted; a block
 *    element's ("p", "br", "div", "li") becomes a space between two
 *    visible characters ("fin.</p><p>Début"), and is deleted next to
 *    white space or at a line's edge; a tag between two spaces takes the
 *    second along.
 * Good text is byte-identical; the stage is idempotent.
 */
#ifndef RELIRE_MARKUP_H
#define RELIRE_MARKUP_H

#include "common/article.h"
#include "common/view.h"

#define MARKUP_TAG_MAX	  512
#define MARKUP_CONFIDENCE 0.9
#define MARKUP_UNSURE	  0.5

struct markup; /* the element names of HTML */

/* Load the element table from path (format in dictionaries/
 * html-elements.tsv). The table, or NULL after printing the error. */
struct markup *markup_load(const char *path);
void markup_free(struct markup *m);

/* Find the tags of view v and report them on a (rules above). m is
 * borrowed. */
void markup_remove(const struct markup *m, struct article *a,
		   const struct view *v);

#endif
