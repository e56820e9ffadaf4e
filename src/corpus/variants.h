/*
 * variants.h - the name variants table: which spellings of a name are the
 * same name, which one the cleaned text uses, and what the editors decided.
 *
 * The table has one row per spelling (variant) seen in the batch or
 * decided by an editor or the seed table, with the canonical spelling it
 * is written as. Its CSV form (OUT/variants.csv, read back with
 * --variants) has the columns
 *   variant,canonical,type,key,method,confidence,status,count,articles,
 *   evidence
 * and is documented in docs/names.md.
 *
 * Status: seed (from the shipped seed table), auto (found and applied),
 * pending (proposed, not applied), approved (an editor accepted it),
 * rejected (an editor refused it: never proposed again), locked (an
 * editor's choice that later runs never change). seed, auto, approved and
 * locked rows are applied; a row whose canonical is its own variant marks
 * the canonical spelling itself.
 *
 * Building (variants_build) clusters the spellings of a batch around
 * centres, each spelling attached directly to one centre (no chaining),
 * in tiers (exact conditions in docs/names.md):
 *   1. same name key in any reading (namekey.h): Putin, Poutine, Путин,
 *      Selenskyj / Zelensky; applied (auto, 0.95) only when the spellings
 *      differ by accents alone or the batch shows one name (a shared
 *      given name or title, never in one sentence, neither a first
 *      name, place or common word of the dictionary), else pending
 *   2. same consonant skeleton and key similarity >= 0.92    (pending, 0.8)
 *   3. a rare spelling close to a frequent name that shares its context:
 *      Wichoff for Witkoff                                    (pending, 0.4)
 * Never together: two spellings the dictionary both knows, a person and
 * the dictionary's place or first name (Lee Munnich, Munich), two spellings
 * written with different given names (Olena Zelenska, Volodymyr Zelensky)
 * or, for tiers 2 and 3, before different surnames (Vladimir, Volodymyr),
 * a feminine and a masculine ending (Zelenska, Zelensky), a given name and
 * a surname, or a pair an editor rejected. Common words of the language
 * are not names. The canonical spelling of a cluster is the editor's or
 * the seed table's choice, else the one the dictionary knows (possibly
 * found through Hunspell's suggestions: Kursk -> Koursk), else the most
 * frequent.
 */
#ifndef RELIRE_VARIANTS_H
#define RELIRE_VARIANTS_H

#include <stddef.h>
#include <stdio.h>

#include "common/article.h"
#include "common/dict.h"
#include "common/strmap.h"
#include "common/token.h"
#include "common/view.h"
#include "corpus/namekey.h"
#include "corpus/names.h"

enum variant_status {
	VS_SEED,
	VS_AUTO,
	VS_PENDING,
	VS_APPROVED,
	VS_REJECTED,
	VS_LOCKED,
	VS__COUNT
};

/* "seed", "auto"... / the status for a name, or -1. */
const char *variant_status_name(enum variant_status s);
int variant_status_from_name(const char *s);
/* 1 for the statuses whose rows are applied to the text. */
int variant_status_applies(enum variant_status s);
/* 1 for the statuses that are decisions kept from run to run. */
int variant_status_decided(enum variant_status s);

struct variant_row {
	char *variant;	 /* owned: the spelling in the texts */
	char *canonical; /* owned: the spelling to write */
	char *type;	 /* owned: person, place, given, name, org... */
	char *key;	 /* owned: name key of the variant */
	char *method;	 /* owned: seed, editor, canonical, key, skeleton,
			  * context, single */
	double confidence;
	enum variant_status status;
	size_t count, articles;
	char *evidence; /* owned, may be "" */
};

struct variants {
	struct variant_row *rows;
	size_t n, cap;
	struct strmap index; /* case-folded variant -> 1 + row */
};

/* An empty table; free with variants_free (NULL is a no-op). */
struct variants *variants_new(void);
void variants_free(struct variants *vt);

/* Add a row (strings copied; NULL means ""). When the table already has
 * the variant (case-insensitively), that row is returned unchanged. */
struct variant_row *variants_add(struct variants *vt, const char *variant,
				 const char *canonical,
				 enum variant_status status);
/* The row of a spelling, compared case-insensitively, or NULL. */
const struct variant_row *variants_find(const struct variants *vt,
					const char *s, size_t len);

/*
 * Read a table written by variants_write (or edited in a spreadsheet: the
 * header must name the ten columns, in any order; extra columns are
 * ignored). Returns 0 and *out (caller frees), or -1 after printing the
 * first problem with its line number: a missing column, an unknown
 * status, an empty variant or canonical, a bad number, a variant given
 * twice with different decisions, a malformed CSV.
 */
int variants_read(const char *path, struct variants **out);
/* Same over a buffer; name is used in messages. */
int variants_read_buffer(const char *name, const char *buf, size_t len,
			 struct variants **out);

/* Write the table to fp as CSV (header first; spreadsheet-neutralized text
 * fields when neutralize is set). 0 or -1 when a write failed. */
int variants_write_fp(const struct variants *vt, FILE *fp, int neutralize);

/* variants_write_fp without the rows of method "common" (function words
 * and titles that a shard's corpus state keeps for the merge): the table
 * an editor reads after an audit, with or without --corpus. */
int variants_write_names_fp(const struct variants *vt, FILE *fp,
			    int neutralize);
/* Write to path (created or truncated). 0 or -1 after printing the error. */
int variants_write(const struct variants *vt, const char *path);

struct name_rules;

/* Options of variants_build. */
struct variants_opts {
	const struct name_rules *rules; /* titles and elisions for the
					 * tables variants_merge_files reads
					 * back (borrowed; NULL: none) */
	int keep_singles;   /* also write spellings without variants (needed
			     * for exact shard merges; default 1) */
	int keep_common;    /* also write the common words (Selon, Cette)
			     * and titles (Mme) met as capitalized words,
			     * with method "common": shard tables need them
			     * for exact merges, an editor's table does not
			     * (default 1) */
	size_t suggest_max; /* Hunspell suggestion calls allowed to find the
			     * dictionary's spelling of a name absent from the
			     * batch (Kursk -> Koursk), most frequent names
			     * first, names seen twice or more; 0 = none;
			     * default 10 (each call costs 0.1-0.5 s) */
	struct dict *const *more_dicts; /* dictionaries of d's language
					 * (borrowed, used by no other thread
					 * meanwhile): one more thread each
					 * computes the spellings' keys and
					 * classes. The table is the same
					 * with or without them. Default
					 * NULL */
	size_t nmore_dicts;
	const struct variants_props *props; /* spellings' keys and classes
					     * computed ahead (borrowed;
					     * NULL: none) */
};
void variants_opts_init(struct variants_opts *o);

/*
 * What variants_build computes of each spelling alone (its keys, what the
 * dictionary knows of it), computed ahead: during the first pass, on a
 * thread that has time (batch.c), so that the build between the passes
 * only looks them up. nk and d are borrowed, and used by the thread that
 * adds spellings (not thread-safe); d must be a dictionary of the build's
 * language (the same answers as the build's own). Memory grows with the
 * distinct spellings added, as the names do.
 */
struct variants_props;
struct variants_props *variants_props_new(struct namekey *nk, struct dict *d);
/* Compute the properties of form unless they are there. */
void variants_props_add(struct variants_props *p, const char *form);
void variants_props_free(struct variants_props *p);

/*
 * Build the table of a batch from its candidates (names) and an earlier
 * table (prior: the seed table and/or an editor's --variants file merged
 * with variants_overlay; may be NULL). Decided rows of prior keep their
 * canonical and status; auto rows keep their canonical (a run never
 * re-spells a name an earlier run chose), counts and evidence are those of
 * names, new spellings are appended. nk computes keys; d (may be NULL) is
 * the target language's dictionary. Returns a new table (caller frees).
 * One build at a time: it uses nk and d, which are not thread-safe (and
 * opt's more_dicts, on threads of its own).
 */
struct variants *variants_build(const struct names *names,
				const struct variants *prior,
				struct namekey *nk, struct dict *d,
				const struct variants_opts *opt);

/* Copy every row of top into base, replacing base's row for the same
 * variant (an editor's file over the seed table). */
void variants_overlay(struct variants *base, const struct variants *top);
/* The same for the rows of top an editor decided (variant_status_decided):
 * a table read back from an output directory, whose automatic rows belong
 * to the batch that wrote it, not to the next one. */
void variants_overlay_decided(struct variants *base,
			      const struct variants *top);

/*
 * Pass 2, once per article: replace, on word boundaries, each spelling
 * whose row applies by its canonical spelling, as applied name_variant
 * findings (pending rows give unapplied findings). All-capital words stay
 * all capitals; an elided article or preposition is adjusted to the new
 * first letter (de Ouchakov -> d’Ouchakov, d’Ouchakov -> de Kouchakov);
 * nothing inside URLs or e-mail addresses changes. rules may be NULL (no
 * elision handling). Read-only on vt: workers may share one table.
 */
void variants_apply(const struct variants *vt, const struct name_rules *rules,
		    struct article *a, const struct view *v,
		    const struct tokens *ts);

/*
 * Call fn(ctx, s, len) with every spelling variants_apply() would look up
 * in the text of v, whatever the table: each name, and a hyphenated name
 * whole as well. With variants_changes() below, this tells before the
 * table exists whether it could change an article: the batch records the
 * lookups of each article while it processes it, and sends back to the
 * stages only the articles that some row changes.
 */
void variants_lookups(const struct name_rules *rules, const struct view *v,
		      const struct tokens *ts,
		      void (*fn)(void *ctx, const char *s, size_t len),
		      void *ctx);

/* 1 when variants_apply() would report something for the spelling
 * s[0..len) (a row that changes it, applied or pending); 0 means that
 * the spelling is left as it is. vt may be NULL. */
int variants_changes(const struct variants *vt, const char *s, size_t len);

/*
 * Merge tables written for shards of one batch into out (written through
 * a temporary file renamed at the end: nothing is overwritten on error).
 * Counts and clues add up and spellings are clustered again, so the result
 * is the table one run over the whole batch would have written, given the
 * same seed table, dictionary and options (opt: those the shards were
 * built with, NULL for the defaults; tables written with keep_singles).
 * Decisions (seed, approved, rejected, locked) are kept; when shards
 * disagree, locked beats rejected beats approved beats seed. d may be
 * NULL. Returns 0, -2 when a table cannot be read or is malformed, -1
 * when out cannot be written (both printed).
 */
int variants_merge_files(const char *const *paths, size_t n, const char *out,
			 struct namekey *nk, struct dict *d,
			 const struct variants_opts *opt);

/* The matching tier of two keys without context: 1 same key, 2 same
 * skeleton and similar, 0 neither; *sim gets their similarity. */
int variants_pair_tier(const char *ka, size_t na, const char *kb, size_t nb,
		       double *sim);

/* `relire variants merge [-o OUT] [--data-dir DIR] [--lang L] A.csv...`:
 * argv[0] is "variants". Returns an exit status (options.h). */
int variants_main(int argc, char **argv);

#endif
