/*
 * boilerplate.h - scraper residue at the edges of an article, and lines
 * that recur across the articles of a batch.
 *
 * Scrapers leave the page around the story in the text: URL slugs
 * ("poutine-trump-handshake"), navigation and section labels ("Nouvelles",
 * "Accueil > Monde"), calls to action ("Lire aussi", "Partager"), credits,
 * time stamps, a repeated title, a stray "." or a cut fragment ("à
 * l'étage") after the last sentence. The detector looks for them in the
 * head and the tail of an article (the short lines before its first and
 * after its last sentence of prose) and reports each as a `boilerplate`
 * finding that removes the whole line with its line break. Lines carried
 * by many articles of the same batch are found with corpus-level counts:
 * collect -> merge -> detect. docs/boilerplate.md documents the rules, the
 * pattern syntax of dictionaries/<lang>/boilerplate.txt, the confidence
 * rule and the memory bound of the counts.
 */
#ifndef RELIRE_BOILERPLATE_H
#define RELIRE_BOILERPLATE_H

#include <stddef.h>

#include "common/article.h"
#include "common/token.h"
#include "common/view.h"

/* Findings at or above this confidence are applied (the line is removed);
 * below it they are reported for an editor to decide. */
#define BP_APPLY_CONFIDENCE 0.7

/* ---- Patterns ---------------------------------------------------------- */

/* The comparison key of a line: s[0..len) case-folded, white space
 * trimmed, each run of it collapsed to one ' ' and dropped before : ; !
 * and ?. Lines, patterns and counts are compared in this form. Returns a
 * malloc'd string the caller frees; its length in *klen. */
char *bp_line_key(const char *s, size_t len, size_t *klen);

struct boilerplate_rules;

/* An empty rule set. Never NULL; free with boilerplate_rules_free(). */
struct boilerplate_rules *boilerplate_rules_new(void);
void boilerplate_rules_free(struct boilerplate_rules *r);

/*
 * Parse pattern text (the format of dictionaries/<lang>/boilerplate.txt)
 * into r; lang ("fr") is recorded with each pattern for the reports and
 * name is used in error messages. Returns 0, or -1 after printing
 * "NAME:LINE: ..." for a malformed pattern (the patterns before it stay).
 */
int boilerplate_rules_parse(struct boilerplate_rules *r, const char *name,
			    const char *lang, const char *buf, size_t len);

/* Read and parse one pattern file. A missing file is not an error when
 * optional is set. 0 or -1 (printed). */
int boilerplate_rules_load_file(struct boilerplate_rules *r, const char *path,
				const char *lang, int optional);

/*
 * The run's rule set: every DATA_DIR/<lang>/boilerplate.txt, all languages
 * together (a French page may carry an English "Today"). A missing
 * data_dir gives an empty set. NULL after printing an error for an
 * unreadable or malformed file; caller frees with boilerplate_rules_free().
 */
struct boilerplate_rules *boilerplate_rules_load(const char *data_dir);

/* Number of patterns in r. */
size_t boilerplate_rules_count(const struct boilerplate_rules *r);

/*
 * Match one line (any text, without its line break) against the
 * patterns. Returns the category of the first matching pattern
 * ("navigation", "action", "credit", "time", "advert") and its language in
 * *lang (borrowed, may be NULL), or NULL when no pattern matches.
 */
const char *boilerplate_rules_match(const struct boilerplate_rules *r,
				    const char *line, size_t len,
				    const char **lang);

/* ---- Corpus-level counts ----------------------------------------------- */

/*
 * How many articles carry each short line (at most BP_COUNT_MAX_BYTES bytes
 * and BP_COUNT_MAX_WORDS words; compared case-folded with white space
 * collapsed). Each article counts once per line. Memory is bounded: when
 * more than the cap of distinct lines (BP_COUNT_DEFAULT_CAP) are held, the
 * rarest are evicted (see docs/boilerplate.md), so a count is a lower
 * bound, exact while bp_counts_evictions() is 0. Not thread-safe: one
 * struct per thread or shard, then bp_counts_merge().
 */
#define BP_COUNT_MAX_BYTES   100
#define BP_COUNT_MAX_WORDS   8
#define BP_COUNT_DEFAULT_CAP ((size_t)1 << 18)

struct bp_counts;

/* Empty counts. Never NULL; free with bp_counts_free() (NULL no-op). */
struct bp_counts *bp_counts_new(void);
void bp_counts_free(struct bp_counts *c);
/* Change the cap on distinct lines (at least 16; for tests and tuning). */
void bp_counts_set_cap(struct bp_counts *c, size_t cap);

/* First pass: count the lines of one article's view (the text the
 * detector will see). */
void bp_counts_collect(struct bp_counts *c, const struct view *v);
/* Add from's counts and articles into into (from is left unchanged). */
void bp_counts_merge(struct bp_counts *into, const struct bp_counts *from);

/* Articles collected (merged and read ones included). */
size_t bp_counts_articles(const struct bp_counts *c);
/* Distinct lines held, and how many eviction rounds happened. */
size_t bp_counts_size(const struct bp_counts *c);
size_t bp_counts_evictions(const struct bp_counts *c);
/* Articles carrying line (raw text, keyed here), 0 when unknown; in
 * *distinct_articles (may be NULL) the same with copies of one article
 * counted once, the figure the detector compares with the threshold. */
size_t bp_counts_get(const struct bp_counts *c, const char *line, size_t len,
		     size_t *distinct_articles);

/*
 * Shards: write c as CSV (csvio.h) with columns record,line,articles: one
 * "total" row with the article count, then one "line" row per line with
 * at least min_articles articles (1 = everything). 0 or -1 after printing
 * the error. bp_counts_read() ADDS a file written so into c, so reading
 * several shards merges them; 0 or -1 (printed, c may hold part of it).
 */
int bp_counts_write(const struct bp_counts *c, const char *path,
		    size_t min_articles);
int bp_counts_read(struct bp_counts *c, const char *path);

/* The number of articles (of a batch of n) that must carry a line for it
 * to count as recurring: max(3, min(50, ceil(n / 100))). */
size_t bp_recur_threshold(size_t n);

/* Call fn(ctx, key, len) with every line key held in c (each line key
 * bp_counts_collect() recorded, unless evicted: see
 * bp_counts_evictions()). */
void bp_counts_each(const struct bp_counts *c,
		    void (*fn)(void *ctx, const char *key, size_t len),
		    void *ctx);

/* 1 when the line key key[0..len) (a key of bp_counts_each) is carried by
 * enough distinct articles of c for boilerplate_detect() to read it as a
 * recurring line, in a batch of bp_counts_articles(c) articles. */
int bp_counts_recurs(const struct bp_counts *c, const char *key, size_t len);

/* ---- Detection ----------------------------------------------------------- */

/*
 * Report boilerplate lines of a's view v (tokens ts of v) as FK_BOILERPLATE
 * findings deleting the line with its line break: edge residue matched by
 * rules (borrowed, may be NULL) and the structural rules, and, when counts
 * is not NULL, lines carried by at least bp_recur_threshold(batch_articles)
 * articles (batch_articles 0 = bp_counts_articles(counts)), with the count
 * in the detail. Section headings inside the article are never removed.
 */
void boilerplate_detect(struct article *a, const struct view *v,
			const struct tokens *ts,
			const struct boilerplate_rules *rules,
			const struct bp_counts *counts, size_t batch_articles);

#endif
