/*
 * glued.h - words glued together by scrapers (finding kind `glued_words`).
 *
 * When a scraper concatenates the blocks of a page, a heading, a menu item
 * or a sentence loses the white space that separated it from the next one.
 * This stage finds three shapes of join in the word tokens of the view and
 * inserts the missing space:
 *
 *  - sentence joins: a word or number, then ". ! ?" or ")", then a
 *    capitalised word, with no space: "Trump.Contexte", "2014.Le",
 *    "vraiment?Oui". Every part between dots must have two letters or more,
 *    so "U.S.A." and "M.Dupont" are left alone; digits on both sides
 *    ("3.5", "10.30", "2.0.1") are never a join. Confidence 0.90 when one
 *    side is a known word, else 0.60 (reported only).
 *  - lower-to-upper joins of two words: "séropositifVous",
 *    "imprimableCalendrier", "FavorisAcheter". The left half must be a
 *    plain word (two letters or more, lower case after its first letter)
 *    and the right half starts with a capital followed by lower case.
 *    "Known" means known to the dictionary or used on its own by the
 *    article. Confidences, first rule that holds:
 *      0     a capitalised left half of three letters or less ("McDonald",
 *            "LeBron", "DiCaprio"); one or two letters on the left
 *            ("iPhone", "eBay") and all-capital parts ("OpenAI", "macOS")
 *            are never candidates;
 *      0.85  the right half is a word that starts sentences and blocks
 *            (dictionaries/<lang>/glued-starters.txt: "Le", "Il", "Mme")
 *            and ends the token, after three letters or more, known or
 *            not: "CosbyLe festival", "AudetIl espère";
 *      0.90  both halves known, the left one in lower case;
 *      both halves known, the left one capitalised (brands are often
 *            built so: "JavaScript", "BlackRock"): 0.60 when both are also
 *            English words ("FusionForge": an identifier), else 0.85 if
 *            the left half has six letters or more, a non-ASCII letter,
 *            the right half is French only (below), or the article uses
 *            both halves on their own; else 0.60;
 *      0     the right half repeats the letters around the capital, case
 *            aside ("persoErsoersonne", "prétendRerere"): a stutter for
 *            the repetition stage, not a join;
 *      0.85  the right half is French only: its lower-case form is a
 *            French word and not an English one ("ChicoutimiDeux",
 *            "MilanExpulsé"; not "Point", "Station", "Tube", of which
 *            brands are built), or an elided form ("hotdogsLorsqu’il");
 *            the left half may then be unknown (a name);
 *      0.85  a known left half in lower case before an unknown name of
 *            three letters or more ("internetMeng", "porte-paroleQantas"),
 *            unless both are common English words ("setTimeout");
 *      0     otherwise.
 *    A token next to a slash (a path, "r/LegaladviceGerman") is left
 *    alone.
 *  - letters glued to a number: "Mons84000", "janvier2017". The letters
 *    must be a known word of three letters or more that is not all capitals
 *    (so "A380", "COP21", "km2", "MP3" stay) and the number must end the
 *    token. Confidence 0.85 for four digits or more (a year, a postal
 *    code), else 0.60 (reported only: "Python3", "Windows10" are names).
 *
 * Joins are never looked for in URLs, e-mail addresses, handles or code
 * (repair.h's guard), in a form listed in dictionaries/<lang>/glued-keep.txt
 * ("PagesJaunes"), nor in a form the article uses twice or more (a brand
 * used consistently is not an accident; a form doubled in place, "Menu
 * Menu", counts once: it is a stutter). A sentence join reads the words
 * around its dot as the joins inside words will leave them
 * ("Luzern.SitesGare": the right part is "Sites"), so that a second run
 * finds nothing more. After an elided article the word
 * starts at its capital: in "d’ÉtatLa" the left half is "État".
 *
 * The inserted separator is a space, except that when allow_newline is set
 * and a sentence join's right part is a short heading that ends its line
 * (five words or fewer, no punctuation, then a line break: "Trump.Contexte"
 * then a line break) a line break is inserted instead, restoring the
 * heading's own line. Per-line runs pass allow_newline = 0 so a record
 * stays one line.
 *
 * Repairs with a confidence of at least GLUED_APPLY_MIN are applied. The
 * repaired text has a space at every join, so a second run finds nothing.
 */
#ifndef RELIRE_GLUED_H
#define RELIRE_GLUED_H

#include "common/article.h"
#include "common/dict.h"
#include "common/token.h"
#include "common/view.h"
#include "common/wordlist.h"

#define GLUED_APPLY_MIN 0.8

/* The stage's word lists (borrowed; each may be NULL). */
struct glued_lists {
	const struct wordlist *keep;	 /* joined forms never to split */
	const struct wordlist *starters; /* words that start sentences */
};

/*
 * Find glued words in the view v (tokens ts of v) and report them on a.
 * d is the language's dictionary (borrowed; required); lists may be NULL.
 */
void glued_repair(struct article *a, const struct view *v,
		  const struct tokens *ts, struct dict *d,
		  const struct glued_lists *lists, int allow_newline);

#endif
