/*
 * formindex.h - a dictionary's word forms by key, in a file made at build
 * time and mapped read-only at run time.
 *
 * The accent repair of an unknown word ("telecharge" -> "télécharge",
 * "téléchargé") needs every form of the dictionary that differs from it by
 * diacritics only. Hunspell's C API cannot list the inflected forms of a
 * stem, so without an index relire generates the accent variants of the
 * word and asks Hunspell about each (about 150 spell() calls per distinct
 * unknown word). The index holds the forms themselves, listed once by
 * Hunspell's own unmunch tool and kept only when Hunspell accepts them,
 * under their accent-folded key (spellfix.h): one lookup replaces the
 * search.
 *
 * Each entry also carries what Hunspell said, at build time, of other
 * spellings of its form: FORMINDEX_CAPITALIZED when it accepts the form
 * with its first letter in upper case ("Maison" for "maison"), so that a
 * capitalized word needs no spell() call either (dict.c).
 *
 * File layout (native byte order; the file is made on the machine that
 * uses it): the magic "RLFORMS2", a 64-bit fingerprint of the dictionary
 * files it was made from (dict.h), the number of entries and the size of
 * the strings, each as a 64-bit integer; one 32-bit offset per entry into
 * the strings; the strings, "key\0form\0" and one byte of flags per
 * entry, sorted by key and then by form. A file whose fingerprint differs
 * from the dictionary in use, of another version, or malformed in any
 * way, is not used.
 */
#ifndef RELIRE_FORMINDEX_H
#define RELIRE_FORMINDEX_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct formindex;

/* Map the index at path. NULL when it is absent, unreadable, malformed or
 * made from other dictionary files (its fingerprint is not fingerprint). */
struct formindex *formindex_open(const char *path, uint64_t fingerprint);
void formindex_free(struct formindex *fi);

/*
 * The entries whose key is key[0..len): sets *first to the first one and
 * returns their number (0 when none). Entry i's form is
 * formindex_form(fi, i), NUL-terminated, borrowed from the mapping.
 */
size_t formindex_find(const struct formindex *fi, const char *key, size_t len,
		      size_t *first);
const char *formindex_form(const struct formindex *fi, size_t i);

/* Entry i's flags: FORMINDEX_CAPITALIZED or 0. */
#define FORMINDEX_CAPITALIZED 1u
unsigned formindex_flags(const struct formindex *fi, size_t i);

/* The number of entries, and entry i's key (NUL-terminated, borrowed), to
 * list an index. */
size_t formindex_count(const struct formindex *fi);
const char *formindex_key(const struct formindex *fi, size_t i);

/* One entry to write; both strings NUL-terminated, without NUL inside;
 * flags as formindex_flags() gives them back. */
struct formindex_entry {
	char *key;
	char *form;
	unsigned flags;
};

/*
 * Write an index of the n entries of v (sorted here by key and form,
 * duplicates dropped) to fp. 0, or -1 when the strings exceed the format's
 * 4 GB (nothing is written then). v keeps its strings (the caller frees
 * them).
 */
int formindex_write(FILE *fp, uint64_t fingerprint, struct formindex_entry *v,
		    size_t n);

#endif
