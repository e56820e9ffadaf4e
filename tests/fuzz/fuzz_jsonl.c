/*
 * fuzz_jsonl.c - fuzz target for the JSON Lines reader and writer
 * (jsonl.h): one input line through jsonl_parse(); a record that parses
 * runs through the whole pipeline and is formatted with jsonl_format().
 *
 * Checks: a rejected line has a reason; a result is one line (no raw
 * newline) that jsonl_parse() reads back with the same id and, for a
 * processed article, the cleaned text as its "text".
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "common/jsonl.h"
#include "common/view.h"

static void check_result(const struct article *a, const char *line,
			 const char *clean, size_t clean_len)
{
	struct jsonl_record *rec;
	char *id, *text, *why = NULL;
	size_t len;

	if (strchr(line, '\n') || strchr(line, '\r'))
		fuzz_fail("a JSON Lines result spans several lines");
	if (jsonl_parse(line, strlen(line), "none", &rec, &id, &text, &len,
			&why) < 0) {
		if (a->status == ARTICLE_OK)
			fuzz_fail("result does not read back: %s", why);
		free(why);
		return;
	}
	if (strcmp(id, a->id))
		fuzz_fail("id '%s' read back as '%s'", a->id, id);
	if (a->status == ARTICLE_OK &&
	    (len != clean_len || memcmp(text, clean, len)))
		fuzz_fail("cleaned text of '%s' changed in JSON", a->id);
	jsonl_record_free(rec);
	free(id);
	free(text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct jsonl_record *rec;
	struct article a;
	char *id, *text, *why = NULL, *line, *clean;
	size_t len, clean_len;

	if (jsonl_parse((const char *)data, size, "fuzz:1", &rec, &id, &text,
			&len, &why) < 0) {
		if (!why || !*why)
			fuzz_fail("rejected line without a reason");
		free(why);
		return 0;
	}
	article_init(&a, id);
	worker_process(fuzz_worker(), &a, text, len);
	fuzz_check_article(&a);
	clean = article_clean_text(&a, &clean_len);
	line =
	    jsonl_format(rec, &a, clean, clean_len, &fuzz_resources()->score);
	check_result(&a, line, clean, clean_len);
	free(line);
	free(clean);
	article_release(&a);
	jsonl_record_free(rec);
	free(id);
	return 0;
}
