/*
 * dict.h - the Hunspell door: dictionary lookup with a per-run cache.
 *
 * A dict wraps one Hunspell handle for one language plus the project's
 * extra word lists (every .dic file in dictionaries/<lang>/, Hunspell's own format, loaded
 * with Hunspell_add_dic beside the system dictionary). Lookups are cached:
 * Hunspell sees each distinct word form at most once per handle. A dict is
 * not thread-safe; open one per worker.
 */
#ifndef RELIRE_DICT_H
#define RELIRE_DICT_H

#include <stddef.h>

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

/* 1 when Hunspell accepts word[0..len) (UTF-8), 0 when not. */
int dict_check(struct dict *d, const char *word, size_t len);

/*
 * Hunspell's suggestions for word (the expensive call): fills *out with up
 * to max malloc'd strings (caller frees each and the array with
 * dict_free_list) and returns their number.
 */
size_t dict_suggest(struct dict *d, const char *word, size_t len,
		    char ***out, size_t max);
void dict_free_list(char **list, size_t n);

/* Number of distinct words looked up / Hunspell calls made (statistics). */
size_t dict_lookups(const struct dict *d);

#endif
