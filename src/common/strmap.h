/*
 * strmap.h - a hash map from byte strings to integers.
 *
 * Used for the spelling cache, word lists (legitimate doubles, boilerplate)
 * and corpus-level counts. Open addressing with linear probing; keys are
 * copied. Not thread-safe: the caller serialises access.
 */
#ifndef RELIRE_STRMAP_H
#define RELIRE_STRMAP_H

#include <stddef.h>
#include <stdint.h>

struct strmap_slot;

struct strmap {
	struct strmap_slot *slots;
	size_t cap, n;
};

void strmap_init(struct strmap *m);
void strmap_release(struct strmap *m);

/* Pointer to the value of key, or NULL when absent. */
int64_t *strmap_find(const struct strmap *m, const char *key, size_t len);
/* Pointer to the value of key, inserted with value 0 when absent. */
int64_t *strmap_put(struct strmap *m, const char *key, size_t len);

/* Iterate: *pos starts at 0; returns 0 when done. Borrowed key. */
int strmap_next(const struct strmap *m, size_t *pos, const char **key,
		size_t *len, int64_t *value);

/* FNV-1a hash of a byte string. */
uint64_t hash_bytes(const char *s, size_t len);

#endif
