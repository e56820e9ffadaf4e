/*
 * lostchars.c - lost letters read back from the dictionary. See
 * lostchars.h for the policy.
 *
 * A word is a run of letters and marks (U+FFFD, or a "?" that qualifies).
 * Its marks are grouped in runs; a run of one mark is one lost
 * character, a longer run one character (the bytes of one UTF-8
 * character each replaced) or one per mark. For each such reading of the
 * runs, the word becomes a pattern of literal text and slots; every
 * assignment of the language's accented letters (and ’) to the slots is a
 * candidate, asked of the dictionary.
 */
#include "repair/lostchars.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/utf8.h"
#include "common/util.h"

#define FFFD	      0xFFFD
#define RIGHT_QUOTE   0x2019
#define MAX_LETTERS   48
#define MAX_ELEMS     64 /* code points of a word */
#define MAX_RUNS      LOSTCHARS_MAX_MARKS
#define MAX_READINGS  4
#define LETTERS_FIRST 0x00C0
#define LETTERS_LAST  0x024F

enum elem_type { LETTER, MARK_FFFD, MARK_QUESTION };

struct elem {
	size_t start, end; /* view bytes */
	int32_t cp;
	enum elem_type type;
};

/* A slot of a pattern: the literal view bytes [lit, at) before it, and
 * what may fill it. */
struct slot {
	size_t lit, at;
	int lower, upper, apostrophe;
};

struct pattern {
	struct slot s[MAX_RUNS * 3];
	size_t n;
	size_t tail, end; /* literal view bytes after the last slot */
};

struct search {
	struct dict *d;
	const char *t;
	int32_t lower[MAX_LETTERS], upper[MAX_LETTERS];
	size_t nletters;
	struct strbuf cand;
	const char *suffix;	    /* appended to each reading ("?" kept) */
	int question_damage;	    /* a word with "?" marks had one reading */
	int function_word;	    /* readings[0] is their one function word */
	const struct langwords *fw; /* function words, or NULL */
	unsigned fw_bit;	    /* the language's bit in fw, or 0 */
	int sentence_start;	    /* the word starts a sentence */
	char *readings[MAX_READINGS];
	size_t nreadings, probes;
};

/* The accented letters of the language: the members of its accent
 * groups that are not the group's plain letter. */
static void language_letters(struct search *s)
{
	s->nletters = 0;
	for (int32_t cp = LETTERS_FIRST; cp <= LETTERS_LAST; cp++) {
		size_t n;
		const int32_t *g;

		if (!uc_is_lower(cp) || s->nletters == MAX_LETTERS)
			continue;
		g = dict_accent_group(s->d, cp, &n);
		if (!g || g[0] == cp)
			continue;
		s->lower[s->nletters] = cp;
		s->upper[s->nletters++] = uc_to_upper(cp);
	}
}

static void put_cp(struct strbuf *sb, int32_t cp)
{
	char buf[4];

	sb_add(sb, buf, utf8_put(buf, cp));
}

/* 1 when a and b differ at most by the case of their first letter. */
static int same_but_first_case(const char *a, const char *b)
{
	size_t i = 0, j = 0, la = strlen(a), lb = strlen(b);
	int32_t ca = la ? utf8_next(a, &i, la) : -1;
	int32_t cb = lb ? utf8_next(b, &j, lb) : -1;

	return uc_to_lower(ca) == uc_to_lower(cb) && !strcmp(a + i, b + j);
}

/* Keep the candidate as a reading; of two that differ by the case of
 * their first letter only ("été", "Été" inside a sentence), the lower
 * case one. */
static void add_reading(struct search *s)
{
	char *r;
	size_t len;
	struct strbuf sb;

	sb_init(&sb);
	sb_add(&sb, s->cand.buf, s->cand.len);
	sb_adds(&sb, s->suffix);
	r = sb_detach(&sb, &len);
	for (size_t i = 0; i < s->nreadings; i++) {
		if (!same_but_first_case(s->readings[i], r))
			continue;
		if (strcmp(r, s->readings[i]) > 0) { /* r starts lower */
			free(s->readings[i]);
			s->readings[i] = r;
		} else {
			free(r);
		}
		return;
	}
	if (s->nreadings < MAX_READINGS)
		s->readings[s->nreadings++] = r;
	else
		free(r);
}

static void truncate_to(struct strbuf *sb, size_t len)
{
	sb->len = len;
	sb->buf[len] = '\0';
}

/* Fill slots k.. of p, depth-first; probe each complete candidate. */
static void fill(struct search *s, const struct pattern *p, size_t k)
{
	size_t len = s->cand.len;

	if (k == p->n) {
		sb_add(&s->cand, s->t + p->tail, p->end - p->tail);
		if (s->probes++ < LOSTCHARS_MAX_PROBES &&
		    dict_probe(s->d, s->cand.buf, s->cand.len))
			add_reading(s);
		truncate_to(&s->cand, len);
		return;
	}
	sb_add(&s->cand, s->t + p->s[k].lit, p->s[k].at - p->s[k].lit);
	for (size_t c = 0; c < 2 * s->nletters + 1; c++) {
		const struct slot *sl = &p->s[k];
		size_t at = s->cand.len;

		if (c < s->nletters	  ? !sl->lower
		    : c < 2 * s->nletters ? !sl->upper
					  : !sl->apostrophe)
			continue;
		put_cp(&s->cand, c < s->nletters ? s->lower[c]
				 : c < 2 * s->nletters
				     ? s->upper[c - s->nletters]
				     : RIGHT_QUOTE);
		fill(s, p, k + 1);
		truncate_to(&s->cand, at);
	}
	truncate_to(&s->cand, len);
}

/* The runs of marks of e[0..n): start element and length of each. */
static size_t mark_runs(const struct elem *e, size_t n, size_t *rs, size_t *rl)
{
	size_t nr = 0;

	for (size_t i = 0; i < n; i++) {
		if (e[i].type == LETTER)
			continue;
		if (nr == MAX_RUNS + 1)
			return nr;
		rs[nr] = i;
		while (i + 1 < n && e[i + 1].type != LETTER)
			i++;
		rl[nr] = i + 1 - rs[nr];
		nr++;
	}
	return nr;
}

/* Letters of e[0..n) from i to the next mark or the end. */
static size_t letters_from(const struct elem *e, size_t n, size_t i)
{
	size_t k = 0;

	while (i + k < n && e[i + k].type == LETTER)
		k++;
	return k;
}

/* Build the pattern of word e[0..n) where run r is read as one
 * character, or one per mark when bit r of split is set. 0, or -1 when
 * that reading is not possible. */
static int build_pattern(const struct elem *e, size_t n, const size_t *rs,
			 const size_t *rl, size_t nr, unsigned split, int caps,
			 int sentence_start, struct pattern *p)
{
	size_t lit = e[0].start;

	p->n = 0;
	for (size_t r = 0; r < nr; r++) {
		size_t slots = split >> r & 1 ? rl[r] : 1;
		/* An apostrophe between letters, before a word of two
		 * letters or more ("l�homme", not "d’j" in "d?j?"). */
		int inside =
		    rs[r] > 0 && letters_from(e, n, rs[r] + rl[r]) >= 2;

		if ((slots > 1 && rl[r] == 1) ||
		    p->n + slots > ARRAY_SIZE(p->s))
			return -1;
		for (size_t k = 0; k < slots; k++) {
			struct slot *sl = &p->s[p->n++];

			sl->lit = k == 0 ? lit : e[rs[r] + k].start;
			sl->at = k == 0 ? e[rs[r]].start : sl->lit;
			int first = rs[r] == 0 && k == 0;

			sl->lower = !caps && !(first && sentence_start);
			sl->upper = caps || first;
			sl->apostrophe = inside && slots == 1;
		}
		lit = e[rs[r] + rl[r] - 1].end;
	}
	p->tail = lit;
	p->end = e[n - 1].end;
	return 0;
}

/* Search every reading of word e[0..n) (it has marks). */
static void search_word(struct search *s, const struct elem *e, size_t n)
{
	size_t rs[MAX_RUNS + 1], rl[MAX_RUNS + 1];
	size_t nr = mark_runs(e, n, rs, rl);
	int caps = 1, letters = 0;
	struct pattern p;

	if (nr == 0 || nr > MAX_RUNS)
		return;
	for (size_t i = 0; i < n; i++)
		if (e[i].type == LETTER) {
			letters++;
			caps = caps && uc_is_upper(e[i].cp);
		}
	caps = caps && letters > 1;
	for (unsigned split = 0; split < 1u << nr; split++)
		if (build_pattern(e, n, rs, rl, nr, split, caps,
				  s->sentence_start, &p) == 0 &&
		    p.n <= LOSTCHARS_MAX_MARKS)
			fill(s, &p, 0);
}

static void clear_readings(struct search *s)
{
	for (size_t i = 0; i < s->nreadings; i++)
		free(s->readings[i]);
	s->nreadings = 0;
	s->probes = 0;
}

/* Of several readings, put the one function word of the language first
 * (s->function_word set) when there is exactly one. */
static void prefer_function_word(struct search *s)
{
	size_t found = 0, at = 0;

	s->function_word = 0;
	if (s->nreadings < 2 || !s->fw_bit)
		return;
	for (size_t i = 0; i < s->nreadings; i++)
		if (langwords_of(s->fw, s->readings[i], strlen(s->readings[i]),
				 0) &
		    s->fw_bit) {
			found++;
			at = i;
		}
	if (found != 1)
		return;
	char *r = s->readings[at];

	s->readings[at] = s->readings[0];
	s->readings[0] = r;
	s->function_word = 1;
}

/* 1 when the view's bytes [start, end) are the article's own. */
static int as_written(const struct article *a, const struct view *v,
		      size_t start, size_t end)
{
	size_t os = view_orig_start(v, start), oe = view_orig_end(v, end);

	return oe - os == end - start && oe <= a->len &&
	       !memcmp(a->text + os, v->text + start, end - start);
}

static void report_word(struct search *s, struct article *a,
			const struct view *v, size_t start, size_t end,
			int has_fffd)
{
	struct strbuf detail;

	if (s->nreadings == 0 && !has_fffd)
		return;
	/* A U+FFFD an earlier stage wrote (the decoder, for bytes it could
	 * not read) is that stage's finding: only a sure reading is added. */
	if (s->nreadings != 1 && !as_written(a, v, start, end))
		return;
	/* The word as written is a reading ("vraiment?"): nothing lost. */
	for (size_t i = 0; i < s->nreadings; i++)
		if (strlen(s->readings[i]) == end - start &&
		    !memcmp(s->readings[i], v->text + start, end - start))
			return;
	sb_init(&detail);
	prefer_function_word(s);
	if (s->nreadings == 1) {
		sb_adds(&detail, "character lost in a charset conversion");
	} else if (s->function_word) {
		sb_adds(&detail, "character lost in a charset conversion; the "
				 "function word of the readings:");
		for (size_t i = 0; i < s->nreadings; i++)
			sb_addf(&detail, " %s", s->readings[i]);
	} else if (s->nreadings > 1) {
		sb_adds(&detail, "character lost in a charset conversion; "
				 "readings:");
		for (size_t i = 0; i < s->nreadings; i++)
			sb_addf(&detail, " %s", s->readings[i]);
	} else {
		sb_adds(&detail, "character lost in a charset conversion; no "
				 "reading in the dictionary");
	}
	if (s->nreadings)
		view_report(v, a, FK_ENCODING, start, end, s->readings[0],
			    strlen(s->readings[0]),
			    s->nreadings == 1 || s->function_word,
			    s->nreadings == 1  ? LOSTCHARS_CONFIDENCE
			    : s->function_word ? LOSTCHARS_FUNCTION
					       : LOSTCHARS_UNSURE,
			    detail.buf);
	else
		view_report(v, a, FK_ENCODING, start, end, v->text + start,
			    end - start, 0, LOSTCHARS_UNSURE, detail.buf);
	sb_release(&detail);
}

/* A chunk (between white space) that looks like a URL, a path or code. */
static int technical_chunk(const char *t, size_t len, size_t i)
{
	size_t a = i, b = i;

	while (a > 0 && !strchr(" \t\n\r", t[a - 1]))
		a--;
	while (b < len && !strchr(" \t\n\r", t[b]))
		b++;
	for (size_t k = a; k < b; k++)
		if (t[k] != '\0' && strchr("/=&@:", t[k]))
			return 1;
	return b - a >= 4 && !memcmp(t + a, "www.", 4);
}

/* Where the word e[0..n) ends: at its first "?" that is not a lost
 * character, or n. A "?" (or a run of them) is one when a letter follows
 * it, or at the end of a word with another one ("d?j?"), or at the end of
 * any word when trailing is set; the dictionary decides the rest
 * ("quoi?Je" has no reading). */
static size_t qualify_questions(const struct elem *e, size_t n, int trailing)
{
	int inner = trailing;

	for (size_t i = 0; i < n; i++) {
		size_t j = i;

		if (e[i].type != MARK_QUESTION)
			continue;
		while (j < n && e[j].type == MARK_QUESTION)
			j++;
		if (j < n) {
			inner = 1;
			i = j - 1;
			continue;
		}
		return i > 0 && inner ? n : i;
	}
	return n;
}

static int32_t elem_at(const char *t, size_t len, size_t *i, struct elem *e)
{
	e->start = *i;
	e->cp = utf8_next(t, i, len);
	e->end = *i;
	e->type = e->cp == FFFD	 ? MARK_FFFD
		  : e->cp == '?' ? MARK_QUESTION
				 : LETTER;
	return e->type != LETTER || uc_is_alpha(e->cp) || uc_is_mark(e->cp);
}

/* 1 when the word at i starts a sentence: only white space, quotes and
 * brackets between it and the start of the line or a . ! ? … */
static int starts_sentence(const char *t, size_t i)
{
	while (i > 0) {
		int32_t c = utf8_prev(t, &i);

		if (c == '\n' || c == '.' || c == '!' || c == '?' ||
		    c == 0x2026)
			return 1;
		if (!uc_is_space(c) && !uc_is_quotation(c) && c != '(' &&
		    c != '[' && c != '-' && c != 0x2014 && c != 0x2013)
			return 0;
	}
	return 1;
}

/* Repair the word of e[0..n) if it has marks. */
static int only_trailing_question(const struct elem *e, size_t n)
{
	for (size_t i = 0; i + 1 < n; i++)
		if (e[i].type != LETTER)
			return 0;
	return n > 1 && e[n - 1].type == MARK_QUESTION;
}

/* 1 when e[0..n) holds marks only and stands glued to something that is
 * no white space ("decodingâ€�": the lost byte of a mojibake "”"), not
 * as a word of its own between spaces, hyphens or after an apostrophe
 * ("allé � Paris", "vis-�-vis"). */
static int glued_marks(const struct view *v, const struct elem *e, size_t n)
{
	size_t i = e[0].start, j = e[n - 1].end;
	int32_t before, after;

	for (size_t k = 0; k < n; k++)
		if (e[k].type == LETTER)
			return 0;
	before = i > 0 ? utf8_prev(v->text, &i) : ' ';
	after = j < v->len ? utf8_next(v->text, &j, v->len) : ' ';
	return !(uc_is_space(before) || uc_is_quotation(before) ||
		 before == '(' || before == '-' || uc_is_apostrophe(before)) ||
	       !(uc_is_space(after) || uc_is_text_punct(after) ||
		 uc_is_quotation(after) || after == '-');
}

static void read_word(struct search *s, struct article *a, const struct view *v,
		      const struct elem *e, size_t n, size_t cut)
{
	int fffd = 0;

	if (glued_marks(v, e, cut))
		return;

	for (size_t i = 0; i < cut; i++)
		fffd |= e[i].type == MARK_FFFD;
	s->sentence_start = starts_sentence(v->text, e[0].start);
	s->suffix = "";
	search_word(s, e, cut);
	/* A trailing "?" may be a question mark: the word without it is
	 * read too, the "?" kept. */
	if (cut == n && e[n - 1].type == MARK_QUESTION && n > 1 &&
	    e[n - 2].type == LETTER) {
		s->suffix = "?";
		search_word(s, e, n - 1);
	}
	for (size_t i = 0; i < cut && s->nreadings == 1 && !fffd; i++)
		s->question_damage |= e[i].type == MARK_QUESTION;
	report_word(s, a, v, e[0].start, e[cut - 1].end, fffd);
	clear_readings(s);
}

/* Read the word of e[0..n) (and the words it holds between "?" that are
 * not marks). In the second pass (trailing set), only the words whose one
 * mark is a final "?" are read. */
static void one_word(struct search *s, struct article *a, const struct view *v,
		     struct elem *e, size_t n, int trailing)
{
	while (n > 0) {
		size_t cut = qualify_questions(e, n, 0);
		int marks = 0;

		if (trailing && cut < n && only_trailing_question(e, cut + 1)) {
			read_word(s, a, v, e, cut + 1, cut + 1);
		} else if (!trailing) {
			for (size_t i = 0; i < cut; i++)
				marks |= e[i].type != LETTER;
			if (marks &&
			    !technical_chunk(v->text, v->len, e[0].start))
				read_word(s, a, v, e, n, cut);
		}
		if (cut >= n)
			break;
		e += cut + 1;
		n -= cut + 1;
	}
}

/* 1 when the text can hold a mark: a U+FFFD, or a "?" after a letter. */
static int any_mark(const char *t, size_t len)
{
	const char *p = t, *end = t + len;

	while ((p = memchr(p, 0xEF, (size_t)(end - p)))) {
		if (end - p >= 3 && !memcmp(p, "\xEF\xBF\xBD", 3))
			return 1;
		p++;
	}
	p = t;
	while ((p = memchr(p, '?', (size_t)(end - p)))) {
		if (p > t && p + 1 < end &&
		    (uc_ascii_class[(unsigned char)p[-1] & 0x7F] &
			 UC_ASCII_ALPHA ||
		     (unsigned char)p[-1] >= 0x80))
			return 1;
		p++;
	}
	return 0;
}

/* Read every word of the view (pass 2 when trailing is set). */
static void scan(struct search *s, struct article *a, const struct view *v,
		 int trailing)
{
	struct elem e[MAX_ELEMS];
	size_t i = 0, n = 0;

	while (i < v->len) {
		struct elem el;
		int in_word = elem_at(v->text, v->len, &i, &el);

		if (in_word && n < MAX_ELEMS) {
			e[n++] = el;
			continue;
		}
		if (in_word) { /* too long to be a word: skip it */
			while (i < v->len && elem_at(v->text, v->len, &i, &el))
				;
			n = 0;
			continue;
		}
		one_word(s, a, v, e, n, trailing);
		n = 0;
	}
	one_word(s, a, v, e, n, trailing);
}

void lostchars_repair(const struct lostchars_lang *l, struct article *a,
		      const struct view *v)
{
	struct search s = {0};
	int k;

	if (!l->dict || !any_mark(v->text, v->len))
		return;
	s.d = l->dict;
	k = l->fw && l->lang ? langwords_index(l->fw, l->lang) : -1;
	s.fw = l->fw;
	s.fw_bit = k >= 0 ? 1u << k : 0;
	s.t = v->text;
	language_letters(&s);
	sb_init(&s.cand);
	scan(&s, a, v, 0);
	/* A text shown to write "?" for its accented letters ("pr?sentation"
	 * read) has them at the end of words too ("suppos?", "pauvret?"). */
	if (s.question_damage)
		scan(&s, a, v, 1);
	sb_release(&s.cand);
}
