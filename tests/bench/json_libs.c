/*
 * json_libs.c - measure the JSON libraries Debian offers for relire's
 * --jsonl mode on the same JSON Lines file: parse every line, read "id" and
 * "text", and serialize an output object with the text. Built and run by
 * tests/bench/json_libs.sh once per library (-DUSE_JANSSON or not): the
 * two libraries' symbols clash, so they cannot share one binary.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

#ifdef USE_JANSSON
#include <jansson.h>
#define LIB "jansson"
static size_t run(char **lines, size_t n)
{
	size_t total = 0;
	for (size_t i = 0; i < n; i++) {
		json_error_t err;
		json_t *o = json_loads(lines[i], 0, &err);
		json_t *t = json_object_get(o, "text");
		json_t *out = json_object();
		json_object_set(out, "text", t);
		char *s = json_dumps(out, JSON_COMPACT);
		total += strlen(s) + json_string_length(t);
		free(s);
		json_decref(out);
		json_decref(o);
	}
	return total;
}

#else
#include <json-c/json.h>
#define LIB "json-c"
static size_t run(char **lines, size_t n)
{
	size_t total = 0;
	for (size_t i = 0; i < n; i++) {
		struct json_object *o = json_tokener_parse(lines[i]), *t;
		json_object_object_get_ex(o, "text", &t);
		struct json_object *out = json_object_new_object();
		json_object_object_add(out, "text", json_object_get(t));
		const char *s =
		    json_object_to_json_string_ext(out, JSON_C_TO_STRING_PLAIN);
		total += strlen(s) + (size_t)json_object_get_string_len(t);
		json_object_put(out);
		json_object_put(o);
	}
	return total;
}
#endif

int main(int argc, char **argv)
{
	FILE *fp = fopen(argc > 1 ? argv[1] : "", "r");
	char **lines = NULL, *line = NULL;
	size_t n = 0, cap = 0, lcap = 0;
	ssize_t len;

	if (!fp)
		return 2;
	while ((len = getline(&line, &lcap, fp)) > 0) {
		if (n == cap)
			lines = realloc(lines, (cap = cap ? 2 * cap : 1024) *
						   sizeof(*lines));
		lines[n++] = strdup(line);
	}
	double best = 1e9;
	size_t check = 0;
	for (int r = 0; r < 5; r++) {
		double t0 = now();
		check = run(lines, n);
		if (now() - t0 < best)
			best = now() - t0;
	}
	printf("%-8s best of 5: %.3f s for %zu lines (check %zu)\n", LIB, best,
	       n, check);
	return 0;
}
