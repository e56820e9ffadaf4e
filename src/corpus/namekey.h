/*
 * namekey.h - comparison keys for personal and place names, through ICU
 * transliterators whose rules are data (dictionaries/translit/).
 *
 * A name key is what two spellings of one name have in common when they
 * come from different romanization conventions: Путин, Putin and Poutine
 * all give "putin"; Зеленський, Zelenskiy, Zelenskyy and Zelensky give
 * "zelenski"; Ouchakov, Ushakov, Uschakow and Ušakov give "ushakov".
 *
 * Computing a key:
 *   1. script: the first line of translit/scripts.txt whose UnicodeSet
 *      contains a letter of the name picks the rules that bring it to
 *      Latin (Ukrainian letters і ї є ґ pick the Ukrainian BGN rules, other
 *      Cyrillic the Russian ones, other scripts ICU's Any-Latin); a name
 *      already in Latin letters skips this step;
 *   2. folding (translit/name-fold.txt): lower case, diacritics, then the
 *      French, English and German conventions for the same sounds
 *      (ou/u, ch/sh/sch, tch/ch/tsch, j/zh/y/i, -ine/-in, -ski/-sky/-skiy,
 *      doubled letters, -off/-ov, w/v...).
 * The key is lower-case ASCII; words keep their separators (" ", "-").
 * The consonant skeleton of a key (its first letter, then its consonants
 * without repeats) is the blocking key for fuzzier comparisons.
 *
 * A namekey holds ICU transliterators: it is not thread-safe; open one per
 * thread.
 */
#ifndef RELIRE_NAMEKEY_H
#define RELIRE_NAMEKEY_H

#include <stddef.h>

struct namekey;

/*
 * Load the rules from data_dir/translit/ (scripts.txt and the rule files it
 * names, then name-fold.txt). Returns NULL after printing an error naming
 * the file and, for a rule syntax error, the rule that failed. Free with
 * namekey_free (NULL is a no-op).
 */
struct namekey *namekey_open(const char *data_dir);
void namekey_free(struct namekey *nk);
/* A copy of nk for another thread (a namekey is used by one thread at a
 * time; ICU's transliterators are not thread-safe): the same keys, without
 * reading the rule files again. NULL when ICU cannot copy them (nothing is
 * printed: the caller goes on with nk alone). */
struct namekey *namekey_clone(const struct namekey *nk);

/* The name s[0..len) (UTF-8) in Latin letters, case and diacritics kept
 * ("Зеленський" -> "Zelensʹkyy"). Returns a malloc'd string the caller
 * frees, its length in *out_len; text already in Latin is copied. */
char *namekey_latin(struct namekey *nk, const char *s, size_t len,
		    size_t *out_len);

/* The name key of s[0..len), malloc'd (caller frees), length in *out_len.
 * A name without letters gives "". */
char *namekey_key(struct namekey *nk, const char *s, size_t len,
		  size_t *out_len);

/* The other keys of s[0..len): one per reading of translit/readings.txt
 * (the German romanization: Selenskyj, Michail, Jelzin), each brought to
 * Latin by its rules and then folded, when it differs from the name key
 * and from the keys before it. Names written in another script have
 * none. key is the name key of s when the caller has it (namekey_key),
 * else NULL. Fills out[0..max) with malloc'd keys (caller frees each) and
 * returns their number. */
size_t namekey_alt_keys(struct namekey *nk, const char *s, size_t len,
			const char *key, char **out, size_t max);

/* 1 when a and b are one spelling but for case and diacritics
 * (Etats-Unis / États-Unis, Joel / Joël), 0 when letters differ. */
int namekey_same_letters(struct namekey *nk, const char *a, size_t alen,
			 const char *b, size_t blen);

/* What b[0..blen) does to the diacritics of a[0..alen), a spelling of
 * the same letters (namekey_same_letters), letters compared by position
 * in the canonical decomposition (NFD), nonspacing marks letter by
 * letter:
 *   LOST         b lacks or changes a diacritic of a ("Saúl" -> "Saul",
 *                "Andrès" -> "Andrés"), or the letters do not line up;
 *   SAME         the same diacritics, case aside ("PARIS" -> "Paris");
 *   ON_CAPITALS  b adds diacritics only to letters a writes in capitals
 *                ("Etats-Unis" -> "États-Unis": French and Spanish
 *                writers leave capitals unaccented by habit);
 *   ON_LOWER     b adds one to a lower-case letter of a ("Andres" ->
 *                "Andrés", "Elysee" -> "Élysée"), which only lost
 *                diacritics explain (ASCII folding, a keyboard). */
enum namekey_marks {
	NAMEKEY_MARKS_LOST,
	NAMEKEY_MARKS_SAME,
	NAMEKEY_MARKS_ON_CAPITALS,
	NAMEKEY_MARKS_ON_LOWER,
};
enum namekey_marks namekey_marks_added(const char *a, size_t alen,
				       const char *b, size_t blen);

/* Consonant skeleton of a key ("zelenski" -> "zlnsk"), malloc'd (caller
 * frees). Pure string work: no ICU, thread-safe. */
char *namekey_skeleton(const char *key, size_t len, size_t *out_len);

/* Jaro-Winkler similarity of two byte strings (keys are ASCII), 0..1. */
double name_similarity(const char *a, size_t alen, const char *b, size_t blen);

#endif
