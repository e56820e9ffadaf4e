/*
 * wordlist.h - editable word and phrase lists from dictionaries/.
 *
 * Format: UTF-8 text, one entry per line; blank lines and lines starting
 * with '#' are ignored; surrounding white space is trimmed. Entries are
 * stored case-folded, so lookups are case-insensitive.
 */
#ifndef RELIRE_WORDLIST_H
#define RELIRE_WORDLIST_H

#include <stddef.h>

#include "common/strmap.h"

struct wordlist {
	struct strmap set;
	size_t max_chars; /* code points of the longest entry, folded */
};

void wordlist_init(struct wordlist *wl);
void wordlist_release(struct wordlist *wl);
/* Load path into wl. A missing file is not an error when optional is set.
 * Returns 0, or -1 after printing the error. */
int wordlist_load(struct wordlist *wl, const char *path, int optional);
/* 1 when the list has no entry. */
int wordlist_empty(const struct wordlist *wl);
/* Add one entry (folded). */
void wordlist_add(struct wordlist *wl, const char *s, size_t len);
/* 1 when s[0..len) (folded) is in the list. Case folding never makes a
 * text shorter in code points, so a text longer than every entry is
 * answered without folding; so is ASCII, folded inline. */
int wordlist_has(const struct wordlist *wl, const char *s, size_t len);

#endif
