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
};

void wordlist_init(struct wordlist *wl);
void wordlist_release(struct wordlist *wl);
/* Load path into wl. A missing file is not an error when optional is set.
 * Returns 0, or -1 after printing the error. */
int wordlist_load(struct wordlist *wl, const char *path, int optional);
/* Add one entry (folded). */
void wordlist_add(struct wordlist *wl, const char *s, size_t len);
/* 1 when s[0..len) (folded) is in the list. */
int wordlist_has(const struct wordlist *wl, const char *s, size_t len);

#endif
