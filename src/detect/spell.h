/*
 * spell.h - spelling detector (finding kinds `misspelling`, `unknown_name`).
 *
 * Reads the word tokens of the view and asks the dictionary about each
 * (through the dict cache). A word is accepted when:
 *  - Hunspell knows it, or the word after an elided prefix of the
 *    language (dictionaries/<lang>/elided.txt: "l’OTAN", "qu'il");
 *  - it is a hyphenated compound known whole ("cessez-le-feu"), or every
 *    part of it is accepted, a part in -o before a known part counting as
 *    a combining form ("pédo-endocrinologue", "franco-allemand");
 *  - in a language that writes compounds as one word (a compounds.txt in
 *    dictionaries/<lang>/: German), it is two known words, or a compound
 *    and a known word, joined by a linking element ("Rollschnalle",
 *    "förderungswürdig"), the last part of the class of the whole (a
 *    lower-case word ends with a lower-case word, so "handschuhe" stays
 *    flagged) and no capital after the first letter ("NationalparkRegion"
 *    is a glued word), a first part in -o of three letters or more
 *    before a known head counting as a combining form ("Tachowellen");
 *  - in such a language, it is the first part of a compound left before a
 *    hyphen whose head comes later ("Forschungs- und Lehrzwecke");
 *  - the dictionary lists it with the period glued to it ("inkl.",
 *    "MwSt.");
 *  - it is an optional ending in parentheses that makes a known word with
 *    the word it is glued to ("Kind(ern)");
 *  - an accepted spelling variant turns it into a known word
 *    (dictionaries/<lang>/variants.txt: "oeuvre", "évènement", "Etat";
 *    German "weiss", "daß", "koennen");
 *  - it is a lower-case word the language's fast repairs cannot map to a
 *    dictionary word but the English dictionary knows (a loanword:
 *    "shutdown", "low-cost");
 * and it is skipped when it is a URL, e-mail address, handle or hashtag,
 * an identifier or file name (holds '_' or '@', or a '.' inside:
 * "authorized_keys", "systemd.resource"), holds a digit, is an ordinal
 * or Roman numeral (TF_NUMERAL), has a single letter, lies inside a
 * `foreign_language` finding (another language's spelling is not ours to judge)
 * or overlaps a repair another stage applied in the same phase (a deleted
 * repeat), or is a lower-case word between capitalized words ("Bank of
 * America", "Fruit of the Loom"), or is a lower-case English word next to
 * another English word that the language's dictionary does not know ("of the
 * year": "the" is not "thé" there).
 *
 * Otherwise: a word (after its elided prefix) holding an upper-case letter
 * is an `unknown_name` (it feeds the names table); a lower-case one is a
 * `misspelling`, with its repairs in `detail`: first the fast repairs of
 * spellfix.h (accents, doubled letters, elision; one lookup in the
 * dictionary's word-form index, or about 1 ms of probes without it), then, only
 * when they find nothing, suggestions: by default the forms of the word-form
 * index within two edits (suggest.h), the same in every run; with --suggest
 * hunspell, Hunspell's suggest() while the worker's time budget lasts
 * ("suggestions skipped: time budget spent"); only the first 5,000
 * unknown word tokens of an article get this search (the rest: "not checked
 * further"), so garbage text cannot hold a worker for minutes.
 *
 * Application rule: a misspelling is repaired in the cleaned text only
 * when its fix is an accent fix and unambiguous, that is
 *  - the fast repairs found exactly one word that only ADDS diacritics to
 *    plain letters ("redecollé" -> "redécollé": the written accents are
 *    kept), or, when there is none, exactly one word that replaces a
 *    diacritic by another ("rèussi" -> "réussi"); removing a written
 *    diacritic is never applied ("artéfact" is a spelling of its own), and
 *  - the word is lower-case (never a capitalized word) and not an English
 *    word ("email" stays: loanword or "émail", a reader decides), and
 *  - no finding of another stage covers any of its bytes (never inside a
 *    word already flagged as corrupted: mojibake, glued words, repeats...),
 *    and
 *  - the word is prose: not in a chunk with one of @ : = # & _ < > \ (an
 *    address, a tag: "<nombre-funcion>"), nor a path (a chunk starting
 *    with "/", "~" or "." or holding two slashes; one slash is as often
 *    prose, "arma/combo de policia"), nor an option ("--num-lines"), nor
 *    a code with a number ("latin-9").
 * Doubled-letter, elision and suggested candidates are reported only.
 * Every verdict is computed once per distinct word form and run: the
 * verdicts live in a wordcache the workers share (bounded: when it is
 * full, new forms are judged again at each sight, with the same result).
 */
#ifndef RELIRE_SPELL_H
#define RELIRE_SPELL_H

#include "common/article.h"
#include "common/dict.h"
#include "common/token.h"
#include "common/view.h"

struct spell_state; /* per-worker: suggestion budget and scratch */
struct wordcache;

/* New state taking its suggestions from source (enum suggest_source of
 * options.h), with, for Hunspell's, a time budget in seconds (0 = none),
 * reading and storing verdicts in shared (borrowed, it must outlive the
 * state), or in a private cache when shared is NULL. Free with
 * spell_state_free (NULL is a no-op). */
struct spell_state *spell_state_new(int source, double suggest_budget,
				    struct wordcache *shared);
void spell_state_free(struct spell_state *st);

/* Check the words of v (tokens ts) against d and append the findings to
 * a. Verdicts are cached per language of d and word form, so one state
 * (and one shared cache) serves every dictionary. */
void spell_detect(struct article *a, const struct view *v,
		  const struct tokens *ts, struct dict *d,
		  struct spell_state *st);

/* Statistics: Hunspell suggest() calls made and those skipped. */
size_t spell_suggest_calls(const struct spell_state *st);
size_t spell_suggest_skipped(const struct spell_state *st);

#endif
