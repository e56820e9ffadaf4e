/*
 * spanset.c - the ordered set of spans of spanset.h, as a treap.
 *
 * A binary search tree on (start, id) that is also a heap on a random
 * priority per node, so that its depth is O(log n) expected whatever the
 * order of the insertions (ascending offsets, spans nested from the middle
 * out). Nodes live in one array and refer to each other by index (0 is no
 * node), with a free list of removed nodes. The priorities come from a
 * generator with a fixed seed: two runs build the same tree.
 */
#include "common/spanset.h"

#include <stdlib.h>
#include <string.h>

#include "common/util.h"

struct spanset_node {
	struct spanset_entry e;
	size_t l, r; /* children; l is the next free node on the free list */
	uint64_t prio;
};

void spanset_init(struct spanset *s)
{
	memset(s, 0, sizeof(*s));
	s->used = 1;
	s->rng = 0x9E3779B97F4A7C15ULL;
}

void spanset_release(struct spanset *s)
{
	if (!s)
		return;
	free(s->nodes);
	spanset_init(s);
}

void spanset_clear(struct spanset *s)
{
	s->used = 1;
	s->root = s->free_list = s->n = 0;
}

/* xorshift64*: cheap, and enough for balancing. */
static uint64_t next_prio(struct spanset *s)
{
	s->rng ^= s->rng >> 12;
	s->rng ^= s->rng << 25;
	s->rng ^= s->rng >> 27;
	return s->rng * 0x2545F4914F6CDD1DULL;
}

/* 1 when entry e comes before (start, id). */
static int before_key(const struct spanset_entry *e, size_t start, size_t id)
{
	return e->start < start || (e->start == start && e->id < id);
}

static size_t node_new(struct spanset *s, size_t start, size_t end, size_t id)
{
	size_t x = s->free_list;

	if (x) {
		s->free_list = s->nodes[x].l;
	} else {
		GROW(s->nodes, s->cap, s->used + 1);
		x = s->used++;
	}
	s->nodes[x].e.start = start;
	s->nodes[x].e.end = end;
	s->nodes[x].e.id = id;
	s->nodes[x].l = s->nodes[x].r = 0;
	s->nodes[x].prio = next_prio(s);
	return x;
}

/* Split the tree t into the entries before (start, id), in *l, and the
 * others, in *r. */
static void split(struct spanset_node *nd, size_t t, size_t start, size_t id,
		  size_t *l, size_t *r)
{
	while (t) {
		if (before_key(&nd[t].e, start, id)) {
			*l = t;
			l = &nd[t].r;
			t = nd[t].r;
		} else {
			*r = t;
			r = &nd[t].l;
			t = nd[t].l;
		}
	}
	*l = *r = 0;
}

/* Join trees a and b, every entry of a before every entry of b. */
static size_t merge(struct spanset_node *nd, size_t a, size_t b)
{
	size_t root, *link = &root;

	while (a && b) {
		if (nd[a].prio > nd[b].prio) {
			*link = a;
			link = &nd[a].r;
			a = nd[a].r;
		} else {
			*link = b;
			link = &nd[b].l;
			b = nd[b].l;
		}
	}
	*link = a ? a : b;
	return root;
}

void spanset_insert(struct spanset *s, size_t start, size_t end, size_t id)
{
	size_t x = node_new(s, start, end, id);
	struct spanset_node *nd = s->nodes; /* stable from here on */
	size_t *link = &s->root;

	while (*link && nd[*link].prio >= nd[x].prio)
		link = before_key(&nd[*link].e, start, id) ? &nd[*link].r
							   : &nd[*link].l;
	split(nd, *link, start, id, &nd[x].l, &nd[x].r);
	*link = x;
	s->n++;
}

int spanset_remove(struct spanset *s, size_t start, size_t id)
{
	struct spanset_node *nd = s->nodes;
	size_t *link = &s->root;

	while (*link) {
		size_t t = *link;

		if (nd[t].e.start == start && nd[t].e.id == id) {
			*link = merge(nd, nd[t].l, nd[t].r);
			nd[t].l = s->free_list;
			s->free_list = t;
			s->n--;
			return 1;
		}
		link = before_key(&nd[t].e, start, id) ? &nd[t].r : &nd[t].l;
	}
	return 0;
}

const struct spanset_entry *spanset_before(const struct spanset *s, size_t pos)
{
	const struct spanset_entry *best = NULL;
	size_t t = s->root;

	while (t) {
		if (s->nodes[t].e.start < pos) {
			best = &s->nodes[t].e;
			t = s->nodes[t].r;
		} else {
			t = s->nodes[t].l;
		}
	}
	return best;
}

const struct spanset_entry *spanset_from(const struct spanset *s, size_t pos)
{
	const struct spanset_entry *best = NULL;
	size_t t = s->root;

	while (t) {
		if (s->nodes[t].e.start >= pos) {
			best = &s->nodes[t].e;
			t = s->nodes[t].l;
		} else {
			t = s->nodes[t].r;
		}
	}
	return best;
}

/* In order, the entries of subtree t whose start is in [lo, hi). */
static size_t range(const struct spanset *s, size_t t, size_t lo, size_t hi,
		    struct spanset_entry **out, size_t *n, size_t *cap)
{
	size_t k = 0;

	while (t) {
		const struct spanset_node *x = &s->nodes[t];

		if (x->e.start >= lo)
			k += range(s, x->l, lo, hi, out, n, cap);
		if (x->e.start < lo || x->e.start >= hi) {
			t = x->e.start < lo ? x->r : 0;
			continue;
		}
		GROW(*out, *cap, *n + 1);
		(*out)[(*n)++] = x->e;
		k++;
		t = x->r; /* the right subtree, without recursion */
	}
	return k;
}

size_t spanset_range(const struct spanset *s, size_t lo, size_t hi,
		     struct spanset_entry **out, size_t *n, size_t *cap)
{
	return lo < hi ? range(s, s->root, lo, hi, out, n, cap) : 0;
}
