/*
 * dict.h - the Hunspell door: dictionary lookup with a per-run cache.
 *
 * A dict wraps one Hunspell handle for one language plus the project's
 * extra word lists (every .dic file in dictionaries/<lang>/, Hunspell's own
 * format, loaded with Hunspell_add_dic beside the system dictionary).
 * Lookups are cached in a wordcache (wordcache.h): each dict has a private
 * one (bounded, about 8 MB), or the workers' dicts of one language share
 * one, so that Hunspell sees each distinct word form at most once per run.
 * A dict is not thread-safe; open one per worker (opening and freeing
 * dicts on several threads at once is safe), or take one from a pool
 * (dict_pool_get below), which is.
 *
 * The dict also carries the language's spelling data from
 * dictionaries/<lang>/ (all optional; a missing file means "none"):
 *   elided.txt    elided forms written before an apostrophe ("l", "qu");
 *   compounds.txt the language writes compounds as one word (German):
 *                 the linking elements allowed between two parts, one
 *                 per line, "0" for none ("0", "s", "es", "n", "en");
 *   accents.txt   groups of letters that differ only by a diacritic, one
 *                 group per line, the plain letter first ("e é è ê ë");
 *   variants.txt  accepted spelling variants, "DICTIONARY WRITTEN
 *                 [FOLLOWING]" per line ("œ oe": "oeuvre" is accepted
 *                 where the dictionary has "œuvre"; "É E": capitals may
 *                 lose their accent); FOLLOWING, a POSIX extended regular
 *                 expression, restricts the variant to places where the
 *                 text after WRITTEN matches it.
 * and, for languages other than English, a lazily opened English handle
 * for loanwords.
 */
#ifndef RELIRE_DICT_H
#define RELIRE_DICT_H

#include <stddef.h>
#include <stdint.h>

struct dict;

/*
 * Open the dictionary for lang ("fr", "de", "en", or a full name such as
 * "fr_CA"). Searched in dict_dir (may be NULL), then in the system
 * directories (/usr/share/hunspell, /usr/share/myspell). Extra word lists
 * are read from data_dir/lang/ when data_dir is not NULL. Returns NULL after
 * printing an error that names the Debian package to install.
 */
struct dict *dict_open(const char *lang, const char *dict_dir,
		       const char *data_dir);
void dict_free(struct dict *d);
/* Same as dict_open, silent: NULL when the language has no dictionary. */
struct dict *dict_try_open(const char *lang, const char *dict_dir,
			   const char *data_dir);

struct wordcache;

/*
 * Use shared (a wordcache for this dict's language, borrowed; it must
 * outlive d) instead of the private lookup cache; NULL goes back to the
 * private one. Call before the first lookup; never on a pool's dict.
 */
void dict_share_cache(struct dict *d, struct wordcache *shared);

/* 1 when Hunspell accepts word[0..len) (UTF-8), 0 when not. Cached. */
int dict_check(struct dict *d, const char *word, size_t len);

/*
 * word[0..len) with its first letter in upper case (ICU's simple upper
 * case), into out[0..cap): its length, or 0 when the first character is
 * no lower-case letter or out is too small. The index's capitalized
 * verdicts are made of, and looked up with, these spellings.
 */
size_t dict_capitalized_spelling(const char *word, size_t len, char *out,
				 size_t cap);

/*
 * Hunspell's suggestions for word (the expensive call): fills *out with up
 * to max malloc'd strings (caller frees each and the array with
 * dict_free_list) and returns their number.
 */
size_t dict_suggest(struct dict *d, const char *word, size_t len, char ***out,
		    size_t max);
void dict_free_list(char **list, size_t n);

/* What the dictionary says a capitalized word is, from the morphological
 * fields of its entries (Hunspell_analyze; "po:prn", "po:patr", "po:npr"
 * in the French dictionary): a bit set of DICT_GIVEN (a first name),
 * DICT_SURNAME, DICT_PLACE (any other proper noun: cities, countries,
 * brands) and DICT_COMMON (an entry of another part of speech, such as
 * the dish "poutine"), and DICT_CAPITAL when an entry it comes from is
 * written with a capital (its "st:" stem: "États-Unis", "Adriatique",
 * against "Cette" from "cette"). 0 for a word the dictionary does not
 * know or a dictionary without these fields. Uncached: call once per
 * spelling. */
#define DICT_GIVEN   1u
#define DICT_SURNAME 2u
#define DICT_PLACE   4u
#define DICT_COMMON  8u
#define DICT_CAPITAL 16u
unsigned dict_name_class(struct dict *d, const char *word, size_t len);

/*
 * Uncached check, for probing generated candidates (the caller caches its
 * own conclusions). 1 when Hunspell accepts word[0..len): read from the
 * word-form index when the word is one of its forms (dict_forms), or one
 * of them with its first letter in upper case that the index marks
 * FORMINDEX_CAPITALIZED (Hunspell's verdict on that spelling, recorded at
 * build time); else asked of Hunspell.
 */
int dict_probe(struct dict *d, const char *word, size_t len);

/*
 * 1 when word is known to the English dictionary (opened on first use from
 * the same directories; 0 when it is absent or d is English). Cached.
 */
int dict_check_loanword(struct dict *d, const char *word, size_t len);

/*
 * d's loanword lookups go to from's English dictionary (from is
 * borrowed: it must outlive d, and both be used by one thread at a time,
 * or both be a pool's),
 * so that the dictionaries a thread opens for several languages share one
 * English dictionary: the same answers (the same directories), the
 * memory of one. No effect when from is English, when d or from was
 * opened from other directories, or when only one of them is a pool's.
 */
void dict_share_loans(struct dict *d, struct dict *from);

/*
 * Length in bytes of an elided prefix of s[0..len), apostrophe (' or ’)
 * included ("qu’" in "qu’il"), or 0 when s does not start with one of the
 * language's elided words followed by an apostrophe and at least one more
 * byte. Case-insensitive ("L’OTAN").
 */
size_t dict_elision_prefix(const struct dict *d, const char *s, size_t len);

/*
 * The linking elements of the language's closed compounds (borrowed; ""
 * for none), or 0 when the language does not close compounds.
 */
size_t dict_compound_links(const struct dict *d, const char *const **links);

/*
 * The accent group of code point cp (cp itself included, the plain letter
 * first), or NULL when cp is in no group. *n receives its size. Borrowed.
 */
const int32_t *dict_accent_group(const struct dict *d, int32_t cp, size_t *n);

/* Accepted spelling variants: pair i (0 <= i < dict_variant_count) as
 * UTF-8 strings, borrowed. */
size_t dict_variant_count(const struct dict *d);
void dict_variant(const struct dict *d, size_t i, const char **dict_form,
		  const char **written);

/* 1 when the text s (NUL-terminated, right after the written form of
 * pair i) satisfies the pair's FOLLOWING context (always, without one). */
int dict_variant_follows(const struct dict *d, size_t i, const char *s);

struct formindex;

/*
 * The index of the dictionary's word forms by accent-folded key
 * (formindex.h), or NULL when none was made for these dictionary files.
 * Looked for, on first use, as LANG.forms in dict_dir, in data_dir/forms/
 * (installed) and in the build tree; an index whose fingerprint is not
 * dict_fingerprint(d) is ignored. Borrowed, valid until dict_free.
 */
const struct formindex *dict_forms(struct dict *d);

/* Never use a form index with d (to compare with the search without it).
 * Before the first lookup; never on a pool's dict. */
void dict_no_forms(struct dict *d);

/*
 * A fingerprint of the contents of the files d is made of: the .aff and
 * .dic files, the project's word lists and accents.txt (what the forms
 * and their keys depend on).
 */
uint64_t dict_fingerprint(const struct dict *d);

/* The .aff file, and the word lists (.dic files: Hunspell's, then the
 * project's) d was loaded from, for tools that list the forms. */
const char *dict_aff_path(const struct dict *d);
size_t dict_word_lists(const struct dict *d, const char *const **paths);

/*
 * A pool of dictionaries that threads share: one dict per language, opened
 * on its first request (dict_try_open, with dict_dir and data_dir) and
 * kept until dict_pool_free. Unlike other dicts, a pool's dicts may be
 * used by several threads at once: their Hunspell calls take a lock, and
 * their verdicts are cached once for all threads. The answers are those
 * of a dict of one thread. Meant for the languages a run meets besides
 * its own, which are asked little: each of them then costs its memory
 * (20-30 MB) once, not once per thread. The non-English dicts share one
 * English dictionary for their loanwords.
 */
struct dict_pool;

struct dict_pool *dict_pool_new(const char *dict_dir, const char *data_dir);
/* The pool's dict for lang, NULL when the language has no dictionary (asked
 * once). Thread-safe; borrowed until dict_pool_free. */
struct dict *dict_pool_get(struct dict_pool *p, const char *lang);
void dict_pool_free(struct dict_pool *p);

/* The language code the dict was opened for ("fr"). */
const char *dict_lang(const struct dict *d);

/* Number of distinct words looked up / Hunspell calls made (statistics;
 * of a pool's dict, once no thread uses it). */
size_t dict_lookups(const struct dict *d);

#endif
