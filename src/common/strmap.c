/*
 * strmap.c - open-addressing hash map, grown at 50% load.
 */
#include "common/strmap.h"

#include <stdlib.h>
#include <string.h>

#include "common/util.h"

struct strmap_slot {
	char *key; /* NULL when empty */
	size_t len;
	uint64_t hash;
	int64_t value;
};

uint64_t hash_bytes(const char *s, size_t len)
{
	uint64_t h = 1469598103934665603ULL;

	for (size_t i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	return h;
}

void strmap_init(struct strmap *m)
{
	m->cap = 64;
	m->n = 0;
	m->slots = xcalloc(m->cap, sizeof(*m->slots));
}

void strmap_release(struct strmap *m)
{
	if (!m || !m->slots)
		return;
	for (size_t i = 0; i < m->cap; i++)
		free(m->slots[i].key);
	free(m->slots);
	memset(m, 0, sizeof(*m));
}

static struct strmap_slot *probe(const struct strmap *m, const char *key,
				 size_t len, uint64_t h)
{
	size_t i = (size_t)h & (m->cap - 1);

	for (;;) {
		struct strmap_slot *s = &m->slots[i];
		if (!s->key || (s->hash == h && s->len == len &&
				!memcmp(s->key, key, len)))
			return s;
		i = (i + 1) & (m->cap - 1);
	}
}

int64_t *strmap_find(const struct strmap *m, const char *key, size_t len)
{
	struct strmap_slot *s = probe(m, key, len, hash_bytes(key, len));
	return s->key ? &s->value : NULL;
}

static void rehash(struct strmap *m)
{
	struct strmap_slot *old = m->slots;
	size_t ocap = m->cap;

	m->cap *= 2;
	m->slots = xcalloc(m->cap, sizeof(*m->slots));
	for (size_t i = 0; i < ocap; i++)
		if (old[i].key)
			*probe(m, old[i].key, old[i].len, old[i].hash) = old[i];
	free(old);
}

int64_t *strmap_put(struct strmap *m, const char *key, size_t len)
{
	uint64_t h = hash_bytes(key, len);
	struct strmap_slot *s;

	if ((m->n + 1) * 2 > m->cap)
		rehash(m);
	s = probe(m, key, len, h);
	if (!s->key) {
		s->key = xmemdup(key, len);
		s->len = len;
		s->hash = h;
		s->value = 0;
		m->n++;
	}
	return &s->value;
}

int strmap_next(const struct strmap *m, size_t *pos, const char **key,
		size_t *len, int64_t *value)
{
	while (*pos < m->cap) {
		const struct strmap_slot *s = &m->slots[(*pos)++];
		if (!s->key)
			continue;
		*key = s->key;
		*len = s->len;
		*value = s->value;
		return 1;
	}
	return 0;
}
