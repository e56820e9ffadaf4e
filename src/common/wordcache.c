/*
 * wordcache.c - the shared, bounded answer cache; see wordcache.h.
 *
 * Each shard is a strmap from key to 1 + an index into the shard's blob
 * table (blob NULL when the answer has none) plus the answer itself, kept
 * side by side. The byte count charges each entry its key, its blob and a
 * fixed overhead for the slot and the bookkeeping.
 */
#include "common/wordcache.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "common/strmap.h"

#define SHARDS	       64
#define ENTRY_OVERHEAD 96 /* slot, copies' malloc headers, tables */

struct answer {
	int64_t value;
	char *blob; /* owned, NULL when none */
	size_t blob_len;
};

struct shard {
	pthread_mutex_t lock;
	struct strmap map; /* key -> 1 + index into answers */
	struct answer *answers;
	size_t n, cap;
};

struct wordcache {
	struct shard shards[SHARDS];
	size_t max_bytes;
	size_t bytes;	/* under full_lock */
	size_t refused; /* under full_lock */
	pthread_mutex_t full_lock;
};

struct wordcache *wordcache_new(size_t max_bytes)
{
	struct wordcache *c = xcalloc(1, sizeof(*c));

	c->max_bytes = max_bytes;
	pthread_mutex_init(&c->full_lock, NULL);
	for (size_t i = 0; i < SHARDS; i++) {
		pthread_mutex_init(&c->shards[i].lock, NULL);
		strmap_init(&c->shards[i].map);
	}
	return c;
}

void wordcache_free(struct wordcache *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < SHARDS; i++) {
		struct shard *s = &c->shards[i];

		for (size_t j = 0; j < s->n; j++)
			free(s->answers[j].blob);
		free(s->answers);
		strmap_release(&s->map);
		pthread_mutex_destroy(&s->lock);
	}
	pthread_mutex_destroy(&c->full_lock);
	free(c);
}

static struct shard *shard_of(struct wordcache *c, const char *key, size_t len)
{
	/* The strmap hashes the key again with the same function; the high
	 * bits pick the shard so that the low bits still spread in it. */
	return &c->shards[hash_bytes(key, len) >> 58 & (SHARDS - 1)];
}

int wordcache_get(struct wordcache *c, const char *key, size_t len,
		  int64_t *value, struct strbuf *blob)
{
	struct shard *s = shard_of(c, key, len);
	const int64_t *slot;
	int found = 0;

	pthread_mutex_lock(&s->lock);
	slot = strmap_find(&s->map, key, len);
	if (slot) {
		const struct answer *an = &s->answers[*slot - 1];

		*value = an->value;
		if (blob) {
			sb_reset(blob);
			if (an->blob)
				sb_add(blob, an->blob, an->blob_len);
		}
		found = 1;
	}
	pthread_mutex_unlock(&s->lock);
	return found;
}

/* Charge an entry of size bytes to the cache; 0 when it does not fit. */
static int reserve(struct wordcache *c, size_t bytes)
{
	int ok;

	pthread_mutex_lock(&c->full_lock);
	ok = c->bytes + bytes <= c->max_bytes;
	if (ok)
		c->bytes += bytes;
	else
		c->refused++;
	pthread_mutex_unlock(&c->full_lock);
	return ok;
}

int wordcache_put(struct wordcache *c, const char *key, size_t len,
		  int64_t value, const char *blob, size_t blob_len)
{
	struct shard *s = shard_of(c, key, len);
	int64_t *slot;
	int stored = 0;

	pthread_mutex_lock(&s->lock);
	if (!strmap_find(&s->map, key, len) &&
	    reserve(c, len + blob_len + ENTRY_OVERHEAD)) {
		struct answer *an;

		GROW(s->answers, s->cap, s->n + 1);
		an = &s->answers[s->n++];
		an->value = value;
		an->blob = blob ? xmemdup(blob, blob_len) : NULL;
		an->blob_len = blob ? blob_len : 0;
		slot = strmap_put(&s->map, key, len);
		*slot = (int64_t)s->n;
		stored = 1;
	}
	pthread_mutex_unlock(&s->lock);
	return stored;
}

size_t wordcache_entries(struct wordcache *c)
{
	size_t n = 0;

	for (size_t i = 0; i < SHARDS; i++) {
		pthread_mutex_lock(&c->shards[i].lock);
		n += c->shards[i].n;
		pthread_mutex_unlock(&c->shards[i].lock);
	}
	return n;
}

size_t wordcache_refused(struct wordcache *c)
{
	size_t n;

	pthread_mutex_lock(&c->full_lock);
	n = c->refused;
	pthread_mutex_unlock(&c->full_lock);
	return n;
}
