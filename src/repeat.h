/*
 * repeat.h - repetition detector (finding kind `word_repeat`).
 *
 * word_repeat: the same word (case-insensitive) repeated consecutively,
 * separated only by horizontal white space ("le le", "te te te te"). The
 * repair keeps the first copy and deletes the others. Numbers and the
 * legitimate doubles of the language (dictionaries/<lang>/doubles.txt:
 * "nous nous", "vous vous", "très très"...) are not findings.
 */
#ifndef RELIRE_REPEAT_H
#define RELIRE_REPEAT_H

#include "article.h"
#include "token.h"
#include "view.h"
#include "wordlist.h"

void repeat_words(struct article *a, const struct view *v,
		  const struct tokens *ts, const struct wordlist *doubles);

#endif
