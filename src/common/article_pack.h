/*
 * article_pack.h - a finished article as one flat byte string.
 *
 * The batch processes each article once; the result of that pass waits in
 * a temporary file until the corpus-level decisions are known, then goes
 * to the reports. A pack holds everything the reports read: the id, the
 * text, every finding, the counts and statistics, the language, the word
 * count, and optionally the cleaned text. The index of applied spans is
 * not kept: a packed article is finished, no stage adds to it.
 *
 * The format is private to one run (native byte order, no version): never
 * write it where another program, or another run, could read it.
 */
#ifndef RELIRE_ARTICLE_PACK_H
#define RELIRE_ARTICLE_PACK_H

#include <stddef.h>

#include "common/article.h"
#include "common/util.h"

/* Append the pack of a (status ARTICLE_OK) and its cleaned text
 * clean[0..clean_len) to out. clean may be NULL: the pack then does not
 * hold it (a large article's cleaned text is as large as its text; it is
 * derived again from the findings, article_clean_text()). */
void article_pack(const struct article *a, const char *clean, size_t clean_len,
		  struct strbuf *out);

/*
 * Rebuild an article from buf[0..len), a pack made by article_pack in this
 * run. a must be released or freshly initialized (it is overwritten); the
 * cleaned text is returned malloc'd (NUL-terminated) in *clean, its length
 * in *clean_len. Returns 0, or -1 when buf is not a whole pack (a is then
 * left released).
 */
int article_unpack(struct article *a, const char *buf, size_t len, char **clean,
		   size_t *clean_len);

#endif
