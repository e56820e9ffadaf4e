/*
 * spellfix.h - fast repairs for unknown words, without Hunspell's suggest.
 *
 * Hunspell's suggest() costs about 95 ms per real French misspelling; the
 * repairs that matter in news text are far narrower: a missing or wrong
 * accent ("redecollé" -> "redécollé"), a doubled or dropped letter
 * ("dévelopement" -> "développement"), a missing apostrophe after an
 * elided word ("lavion" -> "l’avion"). This module finds exactly those
 * candidates, from the language's data (accent groups and elisions of the
 * dict, see dict.h) and the dictionary's own forms.
 *
 * Where the build made an index of the dictionary's word forms
 * (formindex.h: the forms Hunspell's unmunch lists and Hunspell accepts,
 * by accent-folded key), the accent and doubled-letter candidates are
 * read from it: one lookup per candidate key instead of up to
 * SPELLFIX_MAX_PROBES spell() calls, and every form that differs by
 * diacritics is found, however many letters differ. Without an index
 * (no unmunch at build time, another dictionary through --dict-dir),
 * the candidates are generated and each is asked of spell(): Hunspell's C
 * API cannot list the inflected forms of a stem. Bounds of that search:
 * the accent variants are enumerated completely when there are at most
 * SPELLFIX_FULL of them, else with at most two changed letters; the whole
 * search stops after SPELLFIX_MAX_PROBES probes (fixes->truncated). Both
 * ways give the same answer for every article in every order.
 */
#ifndef RELIRE_SPELLFIX_H
#define RELIRE_SPELLFIX_H

#include <stddef.h>

#include "common/dict.h"
#include "common/util.h"

#define SPELLFIX_FULL	    2048
#define SPELLFIX_MAX_PROBES 1500

/* How a candidate differs from the written word. */
enum fix_kind {
	FIX_ADD_ACCENT,	   /* only adds diacritics to plain letters */
	FIX_CHANGE_ACCENT, /* replaces a diacritic by another (and may add) */
	FIX_DROP_ACCENT,   /* removes a diacritic ("artéfact" -> "artefact") */
	FIX_LETTER,	   /* one doubled letter more or less (and accents) */
	FIX_ELISION,	   /* an apostrophe after an elided word */
};

struct fix {
	char *word; /* owned, NUL-terminated */
	enum fix_kind kind;
};

struct fixes {
	struct fix *v;
	size_t n, cap;
	size_t probes; /* Hunspell spell() calls made (0 for the accent
			* and letter candidates read from a form index) */
	int truncated; /* the probe bound stopped the search */
};

void fixes_init(struct fixes *f);
void fixes_release(struct fixes *f);

/*
 * Find the dictionary words reachable from word[0..len) (UTF-8, not known
 * to d) by the repairs above, in the order of enum fix_kind, without
 * duplicates. apostrophe is the apostrophe to write in elision candidates
 * ("’" or "'"). Appends to f (reset first); returns f->n.
 */
size_t spellfix_find(struct dict *d, const char *word, size_t len,
		     const char *apostrophe, struct fixes *f);

/*
 * The accent-folded key of word[0..len) (UTF-8) into key (reset first):
 * every letter of one of the language's accent groups replaced by the
 * group's plain letter ("événement" -> "evenement"). The key of a form in
 * a form index. 0, or -1 when word is empty, not UTF-8 or longer than 64
 * code points (such words get no repair).
 */
int spellfix_key(struct dict *d, const char *word, size_t len,
		 struct strbuf *key);

/*
 * 1 when word[0..len) becomes a known word after replacing one or two
 * occurrences of an accepted variant's written form by its dictionary
 * form (dict_variant: "oeuvre" -> "œuvre", "Etat" -> "État").
 */
int spellfix_variant_known(struct dict *d, const char *word, size_t len);

#endif
