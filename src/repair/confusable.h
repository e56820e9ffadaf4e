/*
 * confusable.h - Cyrillic and Greek look-alike letters inside Latin-script
 * words (finding kind `confusable`), found with ICU's spoof checker.
 *
 * "аllemаnd" with two Cyrillic "а" (U+0430) reads as "allemand" but is a
 * different string for every program. The stage finds words that mix Latin
 * with Cyrillic or Greek letters and rewrites the intruders to the Latin
 * letters they imitate.
 *
 * Policy (each rule is tested by name in tests/unit/test_confusable.c):
 *  - mixed_words_only: a word (a run of letters and combining marks) is a
 *    candidate only when it holds both Latin letters and Cyrillic or Greek
 *    letters and ICU's spoof checker fails it at the moderately
 *    restrictive level (UTS #39). Words in one script, "Путин" in a quote or
 *    a Greek "αβγ", are never touched (whole-script look-alikes such as
 *    Cyrillic "сор" are not guessed at either).
 *  - latin_lookalike: each Cyrillic/Greek letter is mapped to the Latin
 *    letter with the same confusable skeleton (uspoof_getSkeletonUTF8) and
 *    the same case, chosen among the ASCII letters and the letters of the
 *    article language's exemplar set (ICU locale data; for French
 *    "a-z à â æ ç é è ê ë î ï ô œ ù û ü ÿ"), ASCII first. A letter with no
 *    such look-alike (Cyrillic "п", "и", Greek "μ") leaves the whole word
 *    alone. The repaired word must be confusable with the original
 *    (uspoof_areConfusableUTF8 reports MIXED_SCRIPT_CONFUSABLE).
 *  - latin_majority: the repair is applied (confidence 0.95) when the word
 *    has more Latin letters than Cyrillic/Greek ones; otherwise it is
 *    reported unapplied (0.6): it may be a Cyrillic word with a Latin
 *    intruder, which is not ours to decide.
 *  - per_letter: one finding per replaced letter, spanning the letter and
 *    its combining marks; the replacement is in NFC ("е"+U+0308 -> "ë").
 */
#ifndef RELIRE_CONFUSABLE_H
#define RELIRE_CONFUSABLE_H

#include "common/article.h"
#include "common/view.h"

#define CONFUSABLE_APPLY_THRESHOLD 0.8

struct confusable;

/* Open a spoof checker and the Latin look-alike table for language lang
 * ("fr"). Returns NULL after printing the error when ICU fails. Not
 * thread-safe: one per worker. Free with confusable_free(). */
struct confusable *confusable_new(const char *lang);
/* Close c; NULL is a no-op. */
void confusable_free(struct confusable *c);

/* Find mixed-script words in view v and report their repairs on a. */
void confusable_repair(struct confusable *c, struct article *a,
		       const struct view *v);

#endif
