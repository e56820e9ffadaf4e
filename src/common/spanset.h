/*
 * spanset.h - an ordered set of byte spans keyed by their start.
 *
 * Entries (start, end, id) are ordered by (start, id), so that several
 * entries may share a start (insertions at one offset). The set does not
 * interpret end: article.c keeps its applied findings in two sets (the
 * non-empty spans, which never overlap, so that their ends are in order
 * too, and the insertion points) and answers its overlap questions with
 * the neighbour queries below. A treap: every operation costs O(log n)
 * expected, whatever the order of the insertions.
 */
#ifndef RELIRE_SPANSET_H
#define RELIRE_SPANSET_H

#include <stddef.h>
#include <stdint.h>

struct spanset_entry {
	size_t start, end, id;
};

struct spanset_node; /* private to spanset.c */

struct spanset {
	struct spanset_node *nodes; /* nodes[0] unused: 0 is no node */
	size_t cap, used; /* nodes[1..used) taken or on the free list */
	size_t root, free_list;
	size_t n; /* entries */
	uint64_t rng;
};

/* An empty set. Release with spanset_release. */
void spanset_init(struct spanset *s);
/* Free what s holds; s is then empty (usable again). NULL is a no-op. */
void spanset_release(struct spanset *s);
/* Remove every entry, keeping the memory. */
void spanset_clear(struct spanset *s);

/* Add (start, end, id); (start, id) must not be in s already. */
void spanset_insert(struct spanset *s, size_t start, size_t end, size_t id);
/* Remove the entry (start, id). 1 when it was there, else 0. */
int spanset_remove(struct spanset *s, size_t start, size_t id);

/* The last entry (in order) whose start is < pos, or NULL. The pointer is
 * valid until s changes. */
const struct spanset_entry *spanset_before(const struct spanset *s, size_t pos);
/* The first entry whose start is >= pos, or NULL. */
const struct spanset_entry *spanset_from(const struct spanset *s, size_t pos);

/* Append to (*out)[*n..] (grown with GROW, *cap its capacity) a copy of
 * every entry whose start is in [lo, hi), in order. Returns how many. */
size_t spanset_range(const struct spanset *s, size_t lo, size_t hi,
		     struct spanset_entry **out, size_t *n, size_t *cap);

#endif
