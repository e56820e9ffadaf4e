/*
 * normalize.h - Unicode normalization stage (finding kind `unicode`).
 *
 * Policy: relire's output is NFC, never NFKC (NFKC turns "10³" into "103"
 * and ligatures into letters: information loss in news text). Each maximal
 * run of text between NFC boundaries that is not already NFC becomes one
 * applied `unicode` finding whose replacement is its NFC form. Text that is
 * already NFC is not touched (byte-identical).
 */
#ifndef RELIRE_NORMALIZE_H
#define RELIRE_NORMALIZE_H

#include "common/article.h"
#include "common/view.h"

/* Find the non-NFC spans of the view and report them on a. */
void normalize_nfc(struct article *a, const struct view *v);

#endif
