/*
 * jsonl.c - JSON Lines through json-c (chosen over jansson by measurement:
 * tests/bench/json_libs.sh, about twice as fast on the benchmark text).
 */
#include "common/jsonl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <json-c/json.h>

#include "common/score.h"
#include "common/util.h"

struct jsonl_record {
	struct json_object *obj; /* the parsed input object */
};

static char *reason(const char *prefix, const char *arg)
{
	struct strbuf sb;

	sb_init(&sb);
	sb_adds(&sb, prefix);
	sb_adds(&sb, arg);
	return sb_detach(&sb, NULL);
}

static char *id_of(struct json_object *obj, const char *default_id)
{
	struct json_object *v;

	if (!json_object_object_get_ex(obj, "id", &v) ||
	    json_object_is_type(v, json_type_null))
		return xstrdup(default_id);
	if (json_object_is_type(v, json_type_string))
		return xmemdup(json_object_get_string(v),
			       (size_t)json_object_get_string_len(v));
	return xstrdup(
	    json_object_to_json_string_ext(v, JSON_C_TO_STRING_PLAIN));
}

int jsonl_parse(const char *line, size_t len, const char *default_id,
		struct jsonl_record **rec, char **id, char **text,
		size_t *text_len, char **why)
{
	struct json_tokener *tok = json_tokener_new();
	struct json_object *obj, *t;
	enum json_tokener_error err;

	*rec = NULL;
	obj = json_tokener_parse_ex(tok, line, (int)len);
	err = json_tokener_get_error(tok);
	if (!obj || err != json_tokener_success ||
	    json_tokener_get_parse_end(tok) < len) {
		*why = reason("malformed JSON: ",
			      obj ? "trailing characters"
				  : json_tokener_error_desc(err));
		json_object_put(obj);
		json_tokener_free(tok);
		return -1;
	}
	json_tokener_free(tok);
	if (!json_object_is_type(obj, json_type_object) ||
	    !json_object_object_get_ex(obj, "text", &t) ||
	    !json_object_is_type(t, json_type_string)) {
		*why = reason("record has no \"text\" string", "");
		json_object_put(obj);
		return -1;
	}
	*rec = xcalloc(1, sizeof(**rec));
	(*rec)->obj = obj;
	*id = id_of(obj, default_id);
	*text_len = (size_t)json_object_get_string_len(t);
	*text = xmemdup(json_object_get_string(t), *text_len);
	return 0;
}

void jsonl_record_free(struct jsonl_record *rec)
{
	if (!rec)
		return;
	json_object_put(rec->obj);
	free(rec);
}

/* A number written shortest-round-trip: 8.2, not json-c's %.17g
 * 8.1999999999999993; in positional notation where it reads as a number a
 * person would write (100, not %g's 1e+02), in exponent notation only for
 * the very large or very small. */
static struct json_object *new_number(double v)
{
	const double a = v < 0 ? -v : v;
	const int positional = a == 0 || (a >= 1e-4 && a < 1e15);
	char buf[64];

	for (int prec = positional ? 0 : 1; prec <= 17; prec++) {
		snprintf(buf, sizeof(buf), positional ? "%.*f" : "%.*g", prec,
			 v);
		if (strtod(buf, NULL) == v)
			break;
	}
	if (strtod(buf, NULL) != v) /* 17 decimals are not enough */
		snprintf(buf, sizeof(buf), "%.17g", v);
	return json_object_new_double_s(v, buf);
}

static struct json_object *str_len(const char *s, size_t n)
{
	return json_object_new_string_len(s, (int)n);
}

static struct json_object *finding_json(const struct article *a,
					const struct finding *f)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(
	    o, "kind", json_object_new_string(finding_kind_name(f->kind)));
	json_object_object_add(o, "start",
			       json_object_new_int64((int64_t)f->start));
	json_object_object_add(o, "end",
			       json_object_new_int64((int64_t)f->end));
	json_object_object_add(o, "original",
			       str_len(a->text + f->start, f->end - f->start));
	json_object_object_add(o, "replacement",
			       str_len(f->replacement, f->repl_len));
	json_object_object_add(o, "applied",
			       json_object_new_boolean(f->applied));
	json_object_object_add(o, "confidence", new_number(f->confidence));
	if (f->detail)
		json_object_object_add(o, "detail",
				       json_object_new_string(f->detail));
	return o;
}

static void add_results(struct json_object *out, const struct article *a,
			const struct score_model *model)
{
	struct json_object *counts = json_object_new_object();
	struct json_object *list = json_object_new_array();
	struct score s;

	score_article(a, model, &s);
	json_object_object_add(
	    out, "score", new_number((double)(long)(s.value * 10 + 0.5) / 10));
	json_object_object_add(out, "grade",
			       json_object_new_string_len(&s.grade, 1));
	json_object_object_add(
	    out, "top_issue",
	    json_object_new_string(
		s.top_kind >= 0 ? finding_kind_name(s.top_kind) : ""));
	for (int k = 0; k < FK__COUNT; k++)
		if (a->counts[k])
			json_object_object_add(
			    counts, finding_kind_name(k),
			    json_object_new_int64((int64_t)a->counts[k]));
	json_object_object_add(out, "counts", counts);
	for (size_t i = 0; i < a->nfindings; i++)
		json_object_array_add(list, finding_json(a, &a->findings[i]));
	json_object_object_add(out, "findings", list);
}

char *jsonl_format(const struct jsonl_record *rec, const struct article *a,
		   const char *clean, size_t clean_len,
		   const struct score_model *model)
{
	struct json_object *out = json_object_new_object();
	int ok = a->status == ARTICLE_OK;
	char *line;

	if (rec) {
		json_object_object_foreach(rec->obj, key, val)
		{
			if (strcmp(key, "id") && strcmp(key, "text"))
				json_object_object_add(out, key,
						       json_object_get(val));
		}
	}
	json_object_object_add(out, "id", json_object_new_string(a->id));
	json_object_object_add(out, "status",
			       json_object_new_string(ok ? "ok" : "error"));
	if (!ok) {
		json_object_object_add(out, "reason",
				       json_object_new_string(a->error));
	} else {
		json_object_object_add(out, "text", str_len(clean, clean_len));
		add_results(out, a, model);
	}
	line = xstrdup(json_object_to_json_string_ext(
	    out, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE));
	json_object_put(out);
	return line;
}
