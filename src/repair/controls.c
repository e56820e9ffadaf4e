/*
 * controls.c - invisible and control characters, classified with ICU
 * character properties. See controls.h for the policy.
 */
#include "repair/controls.h"

#include <stdio.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include "common/utf8.h"
#include "common/util.h"

#define SOFT_HYPHEN	0x00AD
#define NEIGHBOUR_REACH 16

enum rule { KEEP, C0_C1, SHY, INVISIBLE, JOINER, BIDI };

static enum rule classify(int32_t c)
{
	UErrorCode err = U_ZERO_ERROR;
	UScriptCode sc;

	if (c < 0 || c == '\t' || c == '\n' || c == '\r' || c == '\f')
		return KEEP;
	if (u_charType(c) == U_CONTROL_CHAR)
		return C0_C1;
	if (u_charType(c) != U_FORMAT_CHAR)
		return KEEP;
	if (c == SOFT_HYPHEN)
		return SHY;
	if (u_hasBinaryProperty(c, UCHAR_BIDI_CONTROL))
		return BIDI;
	if (u_hasBinaryProperty(c, UCHAR_JOIN_CONTROL))
		return JOINER;
	sc = uscript_getScript(c, &err);
	if (u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT) &&
	    ublock_getCode(c) != UBLOCK_TAGS && U_SUCCESS(err) &&
	    (sc == USCRIPT_COMMON || sc == USCRIPT_INHERITED))
		return INVISIBLE;
	return KEEP;
}

static int spaceless_letter(int32_t c)
{
	UErrorCode err = U_ZERO_ERROR;
	UScriptCode sc;

	if (!uc_is_alpha(c))
		return 0;
	sc = uscript_getScript(c, &err);
	return U_SUCCESS(err) && uscript_breaksBetweenLetters(sc);
}

static int cased_letter(int32_t c)
{
	return uc_is_alpha(c) && u_hasBinaryProperty(c, UCHAR_CASED);
}

/* 1 when the line of v around offset at holds a right-to-left letter. */
static int line_has_rtl(const struct view *v, size_t at)
{
	size_t i = at;

	while (i > 0 && v->text[i - 1] != '\n')
		i--;
	while (i < v->len && v->text[i] != '\n') {
		int32_t c = utf8_next(v->text, &i, v->len);
		UCharDirection d = c < 0 ? U_LEFT_TO_RIGHT : u_charDirection(c);
		if (d == U_RIGHT_TO_LEFT || d == U_RIGHT_TO_LEFT_ARABIC)
			return 1;
	}
	return 0;
}

struct ctl_state {
	const struct view *v;
	size_t rtl_line_start; /* line whose RTL answer is cached, +1 */
	int rtl;
};

/* The nearest character before at (dir < 0) or from at on (dir > 0) that
 * this stage would not consider, so that "a<ZWJ><ZWSP>b" is judged as the
 * text it becomes, "a<ZWJ>b" (the stage is idempotent). -1 at the ends. */
static int32_t neighbour(const struct view *v, size_t at, int dir)
{
	/* Bounded, so that a long run of controls stays linear. */
	for (int n = 0; n < NEIGHBOUR_REACH && (dir < 0 ? at > 0 : at < v->len);
	     n++) {
		int32_t c = dir < 0 ? utf8_prev(v->text, &at)
				    : utf8_next(v->text, &at, v->len);
		if (classify(c) == KEEP)
			return c;
	}
	return -1;
}

static int removable(struct ctl_state *st, size_t at, size_t end, int32_t c)
{
	const struct view *v = st->v;
	size_t ls = at;
	int32_t before = neighbour(v, at, -1), after = neighbour(v, end, 1);

	switch (classify(c)) {
	case C0_C1:
	case SHY:
		return 1;
	case INVISIBLE:
		return !spaceless_letter(before) && !spaceless_letter(after);
	case JOINER:
		return cased_letter(before) && cased_letter(after);
	case BIDI:
		while (ls > 0 && v->text[ls - 1] != '\n')
			ls--;
		if (st->rtl_line_start != ls + 1) {
			st->rtl_line_start = ls + 1;
			st->rtl = line_has_rtl(v, at);
		}
		return !st->rtl;
	case KEEP:
	default:
		return 0;
	}
}

static void report_run(struct article *a, const struct view *v, size_t s,
		       size_t e, int32_t first, size_t count)
{
	UErrorCode err = U_ZERO_ERROR;
	char name[96], detail[160];
	size_t i = e;
	int32_t next = e < v->len ? utf8_next(v->text, &i, v->len) : -1;
	int before_mark = uc_is_mark(next);

	u_charName(first, U_UNICODE_CHAR_NAME, name, sizeof(name), &err);
	if (U_FAILURE(err) || !name[0])
		snprintf(name, sizeof(name), "control character");
	snprintf(detail, sizeof(detail), "U+%04X %s%s%s", (unsigned)first, name,
		 count > 1 ? " and others" : "",
		 before_mark ? "; kept: a combining mark follows" : "");
	view_report(v, a, FK_CONTROL_CHAR, s, e, "", 0, !before_mark,
		    CONTROLS_CONFIDENCE, detail);
}

void controls_remove(struct article *a, const struct view *v)
{
	struct ctl_state st = {v, 0, 0};
	size_t i = 0, run_s = 0, run_e = 0, count = 0;
	int32_t first = 0;

	while (i < v->len) {
		size_t at = i;
		unsigned char b = (unsigned char)v->text[i];
		int32_t c;

		if (b >= 0x20 && b < 0x7F) { /* printable ASCII */
			i++;
			continue;
		}
		c = utf8_next(v->text, &i, v->len);
		if (!removable(&st, at, i, c))
			continue;
		if (count && run_e == at) {
			run_e = i;
			count++;
			continue;
		}
		if (count)
			report_run(a, v, run_s, run_e, first, count);
		run_s = at;
		run_e = i;
		first = c;
		count = 1;
	}
	if (count)
		report_run(a, v, run_s, run_e, first, count);
}
