/*
 * controls.h - removal of invisible and control characters (finding kind
 * `control_char`).
 *
 * Scrapers and converters leave characters in news text that a reader
 * cannot see but that break words for every later tool: "allem<ZWSP>and"
 * is not "allemand" for a spelling checker or a search engine. The stage
 * removes them where they have no function, and keeps them where a script
 * needs them. Character classes come from ICU properties (general
 * category, Default_Ignorable_Code_Point, Join_Control, Bidi_Control,
 * Cased, bidi class, script), never from hand-written tables.
 *
 * Policy (each rule is tested by name in tests/unit/test_controls.c):
 *  - c0_c1: control characters (general category Cc) are removed, except
 *    TAB, LF, CR and FF, which are layout. (C1 controls that are Windows-1252
 *    characters read as Latin-1 are repaired by the mojibake stage first.)
 *  - soft_hyphen: U+00AD SOFT HYPHEN is removed.
 *  - invisible: other default-ignorable format characters (U+200B ZERO
 *    WIDTH SPACE, U+2060 WORD JOINER, U+FEFF as a stray byte order mark, the
 *    invisible operators...) are removed, except beside a letter of a script
 *    written without spaces (ICU's uscript_breaksBetweenLetters: Thai, Khmer,
 *    Han...), where U+200B marks word boundaries. Tag characters (emoji
 *    flags) are kept.
 *  - joiners: U+200C/U+200D (Join_Control) are removed only between two
 *    letters of cased scripts (Latin, Greek, Cyrillic...), where they have
 *    no function; in emoji sequences, Indic and Arabic-script text they stay.
 *  - bidi: bidi controls (Bidi_Control: LRM, RLM, ALM, embeddings,
 *    overrides, isolates) are removed from lines that contain no
 *    right-to-left character; lines with Hebrew or Arabic keep them.
 *  - before_mark: a character that would be removed but is followed by a
 *    combining mark is reported unapplied (removing it would give the mark
 *    a new base).
 *  - runs: adjacent removed characters make one finding, whose replacement
 *    is empty. Good text is byte-identical and the stage is idempotent.
 */
#ifndef RELIRE_CONTROLS_H
#define RELIRE_CONTROLS_H

#include "common/article.h"
#include "common/view.h"

/* Confidence of the removals (they are applied). */
#define CONTROLS_CONFIDENCE 0.95

/* Find the removable characters of view v and report them on a. */
void controls_remove(struct article *a, const struct view *v);

#endif
