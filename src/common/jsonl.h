/*
 * jsonl.h - the json-c door: JSON Lines records in, JSON results out.
 *
 * Input: one JSON object per line, {"id": ..., "text": "...", ...}. "text"
 * is required and must be a string; "id" may be a string or a number and
 * defaults to SOURCE:LINENO; every other field is passed through to the
 * output unchanged.
 *
 * Output: one JSON object per record, on one line: the passed-through
 * fields, then "id", "status" ("ok" or "error"), "reason" (errors only),
 * "text" (the cleaned text), "score", "grade", "top_issue", "counts" (per
 * finding kind, non-zero only) and "findings" (an array of objects with
 * kind, start, end, line-independent offsets into the record's text as
 * UTF-8, original, replacement, applied, confidence, detail).
 */
#ifndef RELIRE_JSONL_H
#define RELIRE_JSONL_H

#include <stddef.h>

#include "common/article.h"
#include "common/score.h"

struct jsonl_record;

/*
 * Parse one line. On success returns 0 and sets *rec (free with
 * jsonl_record_free), *id (malloc'd) and *text and *text_len (malloc'd UTF-8,
 * owned by the caller). On a malformed line returns -1 and sets *why (malloc'd
 * reason, caller frees).
 */
int jsonl_parse(const char *line, size_t len, const char *default_id,
		struct jsonl_record **rec, char **id, char **text,
		size_t *text_len, char **why);
void jsonl_record_free(struct jsonl_record *rec);

/*
 * The output line for a processed article (rec may be NULL), with the
 * cleaned text clean[0..clean_len) (ignored for failed articles), scored
 * with model (borrowed). Returns a malloc'd NUL-terminated line without the
 * newline; caller frees.
 */
char *jsonl_format(const struct jsonl_record *rec, const struct article *a,
		   const char *clean, size_t clean_len,
		   const struct score_model *model);

#endif
