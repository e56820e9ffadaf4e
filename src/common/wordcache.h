/*
 * wordcache.h - a bounded map from word forms to answers, shared by the
 * worker threads.
 *
 * Hunspell handles are not thread-safe, so every worker opens its own (or
 * shares one behind a lock: dict.h's pools); but what Hunspell answers
 * about a word form does not depend on the worker.
 * A wordcache holds those answers once for the whole run, so that each
 * distinct form costs one Hunspell call however many threads see it. It
 * maps a byte string to an integer and, optionally, a byte string (a
 * spelling verdict's detail).
 *
 * Thread-safe: the map is split into shards by hash, each behind its own
 * mutex, so two workers rarely wait for each other. Bounded: once the keys
 * and values held reach max_bytes, new answers are not stored (lookups go
 * on working; the callers then recompute, which costs time, never
 * correctness). The bound is what keeps memory flat on garbage input with
 * millions of distinct "words".
 */
#ifndef RELIRE_WORDCACHE_H
#define RELIRE_WORDCACHE_H

#include <stddef.h>
#include <stdint.h>

#include "common/util.h"

struct wordcache;

/* A cache holding at most about max_bytes of keys, values and overhead. */
struct wordcache *wordcache_new(size_t max_bytes);
void wordcache_free(struct wordcache *c);

/*
 * Look key[0..len) up. Returns 1 and sets *value when present; when blob
 * is not NULL it is reset and receives a copy of the stored byte string
 * (empty when none was stored). Returns 0 when absent.
 */
int wordcache_get(struct wordcache *c, const char *key, size_t len,
		  int64_t *value, struct strbuf *blob);

/*
 * Store value (and blob[0..blob_len), which may be NULL) for key unless
 * the key is present (the first answer stays: answers are deterministic,
 * so racing workers store the same one) or the cache is full. Returns 1
 * when stored.
 */
int wordcache_put(struct wordcache *c, const char *key, size_t len,
		  int64_t value, const char *blob, size_t blob_len);

/* Entries held, and answers refused because the cache was full. */
size_t wordcache_entries(struct wordcache *c);
size_t wordcache_refused(struct wordcache *c);

#endif
