/*
 * spacing.c - broken spacing around apostrophes, punctuation, parentheses
 * and quotes, one line at a time. The rules and their confidences are in
 * spacing.h; each candidate goes through repair.h's list so overlapping
 * repairs are resolved in one place.
 */
#include "repair/spacing.h"

#include <stdio.h>
#include <string.h>

#include "common/dict.h"
#include "common/utf8.h"
#include "common/util.h"
#include "repair/repair.h"

/* Longest elided word and following word tried as one ("lorsqu’il"). */
#define ELISION_PROBE_MAX 64

struct scan {
	const char *t;
	size_t ls, le; /* the current line, newline excluded */
	const struct repair_guard *guard;
	const struct spacing_data *data;
	const char *apos; /* the apostrophe the article writes: ’ or ' */
	struct repair_list *edits;
	struct repair_quotes quotes; /* the line's guillemets, paired */
	int curly_ok;	/* “ and ” alternate on the line, English style */
	size_t nquotes; /* straight double quotes on the line */
	size_t qseen;	/* straight double quotes met so far */
	int spaced_quotes;  /* each of them has white space on both sides */
	int guillemets;	    /* the language quotes with « »: French spaces
			       inside quotes, and keeps the spaces with " " */
	int sentencepiece;  /* the line is SentencePiece output */
	int tokenized;	    /* the line has a tokenizer's split signs */
	int french_quotes;  /* the line quotes in French: "« mot ! »" */
	int gdepth;	    /* guillemets open before the scan's position */
	int other_language; /* the line's function words are another
			       language's: -1 until asked (other_language) */
};

static int is_alnum(int32_t c)
{
	return c > 0 && (uc_is_alpha(c) || uc_is_digit(c));
}

/* Code point at i on the current line (and its end in *next), or -1. */
static int32_t cp_at(const struct scan *s, size_t i, size_t *next)
{
	size_t j = i;
	int32_t c;

	c = i < s->le ? utf8_next(s->t, &j, s->le) : -1;
	if (next)
		*next = j;
	return c;
}

/* Code point ending at i on the current line (its start in *start), or -1
 * at the start of the line. */
static int32_t cp_before(const struct scan *s, size_t i, size_t *start)
{
	size_t j = i;
	int32_t c;

	if (i <= s->ls)
		return -1;
	c = utf8_prev(s->t, &j);
	if (start)
		*start = j;
	return c;
}

static size_t skip_hspace(const struct scan *s, size_t i)
{
	size_t next;

	while (repair_is_hspace(cp_at(s, i, &next)))
		i = next;
	return i;
}

static void add(struct scan *s, size_t start, size_t end, const char *repl,
		size_t repl_len, double conf, const char *detail)
{
	if (!repair_guarded(s->guard, start, end))
		repair_add(s->edits, start, end, repl, repl_len, conf, detail);
}

/* Characters that stand for an apostrophe in damaged text: the grave
 * accent, the acute accent and the opening single quote ("l`homme",
 * "l´homme", "l‘homme"). A straight double quote does too ("n"étais"),
 * but only where the dictionary reads the elision (elision_quote). */
static int apostrophe_stand_in(int32_t c)
{
	return c == '`' || c == 0xB4 || c == 0x2018;
}

static int apostrophe_like(int32_t c)
{
	return uc_is_apostrophe(c) || apostrophe_stand_in(c);
}

/* Where a word may start: the line start, white space, an opening
 * bracket or quote. Not after a digit, a hyphen, a dot, "&" or "·", so
 * "AT&T étudie", "a-t il", "infirmier·e·s ou" are no elisions. */
static int word_may_start_after(int32_t c)
{
	return c < 0 || repair_is_hspace(c) || c == '(' || c == '[' ||
	       c == 0xAB || c == '"' || c == 0x201C || c == 0x2014 ||
	       c == 0x2013;
}

/* The elided word ("l", "qu", "jusqu") that ends at b: its start, or b
 * when the letters before b are not one. */
static size_t elided_word_start(const struct scan *s, size_t b)
{
	size_t ws = b, p;
	int32_t c;

	while ((c = cp_before(s, ws, &p)) > 0 && uc_is_alpha(c))
		ws = p;
	if (ws == b || !word_may_start_after(c) || !s->data ||
	    !s->data->elisions ||
	    !wordlist_has(s->data->elisions, s->t + ws, b - ws))
		return b;
	return ws;
}

/* End of the run of letters starting at i. */
static size_t letters_end(const struct scan *s, size_t i)
{
	size_t next;

	while (uc_is_alpha(cp_at(s, i, &next)))
		i = next;
	return i;
}

/* Start of the run of letters that ends at e. */
static size_t letters_start(const struct scan *s, size_t e)
{
	size_t p = e;

	while (uc_is_alpha(cp_before(s, e, &p)))
		e = p;
	return e;
}

/* Does the dictionary read t[ws, b) + apostrophe + the word at w as one
 * elided form ("qu’il", "n’ai", "l’homme"; not "n’homme", "s’et")? */
static int dict_elision(const struct scan *s, size_t ws, size_t b, size_t w)
{
	static const char apostrophe[3] = {'\xE2', '\x80', '\x99'};
	size_t we = letters_end(s, w), n = 0;
	char buf[ELISION_PROBE_MAX];

	if (!s->data || !s->data->dict || we == w ||
	    (b - ws) + 3 + (we - w) > sizeof(buf))
		return 0;
	memcpy(buf, s->t + ws, b - ws);
	n = b - ws;
	memcpy(buf + n, apostrophe, sizeof(apostrophe));
	n += sizeof(apostrophe);
	memcpy(buf + n, s->t + w, we - w);
	n += we - w;
	return dict_check(s->data->dict, buf, n);
}

/* How far a negation's second word is looked for, in bytes. */
#define CLAUSE_MAX ((size_t)160)

/* Is there a word of the negation ("pas", "jamais", "rien") after w in
 * the same clause? "n" alone is a variable in "si n est pair"; "n’" is a
 * negation, which French completes. */
static int negation_word(const struct scan *s, size_t a, size_t e)
{
	return wordlist_has(s->data->negations, s->t + a, e - a);
}

static int clause_end(int32_t c)
{
	return c > 0 && c < 128 && strchr(".;:!?", (int)c);
}

/* Is there a word of the negation ("pas", "jamais", "rien") in the clause
 * of the letter [ws, w), after it or before it ("aucun n est")? "n"
 * alone is a variable in "si n est pair"; "n’" is a negation, which
 * French completes. */
static int negation_near(const struct scan *s, size_t ws, size_t w)
{
	size_t i = letters_end(s, w), words = 0, p;
	int32_t c;

	if (!s->data || !s->data->negations)
		return 0;
	while (i < s->le && words < 8 && i - w < CLAUSE_MAX) {
		size_t next, e;
		c = cp_at(s, i, &next);
		if (clause_end(c))
			break;
		if (!uc_is_alpha(c)) {
			i = next;
			continue;
		}
		e = letters_end(s, i);
		if (negation_word(s, i, e))
			return 1;
		words++;
		i = e;
	}
	for (i = ws, words = 0; words < 8 && ws - i < CLAUSE_MAX;) {
		if ((c = cp_before(s, i, &p)) < 0 || clause_end(c))
			return 0;
		if (!uc_is_alpha(c)) {
			i = p;
			continue;
		}
		p = letters_start(s, i);
		if (negation_word(s, p, i))
			return 1;
		words++;
		i = p;
	}
	return 0;
}

/* Is the single letter at ws, other than "d", after a noun that names a
 * label ("la lettre l", "le point c"): dictionaries/<lang>/
 * letter-labels.txt. "d’" after a noun is everyday French ("la lettre
 * d’amour"). */
static int after_label_noun(const struct scan *s, size_t ws)
{
	size_t i = ws, p;
	int32_t c;

	if (!s->data || !s->data->labels || s->t[ws] == 'd' || s->t[ws] == 'D')
		return 0;
	while ((c = cp_before(s, i, &p)) > 0 && repair_is_hspace(c))
		i = p;
	p = letters_start(s, i);
	return p < i && wordlist_has(s->data->labels, s->t + p, i - p);
}

/* Does the word at w start with a vowel or an h, in either case ("Ifo",
 * "Odebrecht", "Élysée")? Latin-1 capitals and Œ are enough for names. */
static int vowel_or_h(const struct scan *s, size_t w)
{
	int32_t c = cp_at(s, w, NULL);

	if (c < 128)
		return c > 0 && strchr("aeiouyhAEIOUYH", (int)c);
	if (c >= 0xE0)
		c -= 0x20;
	return c == 0x152 || (c >= 0xC0 && c <= 0xDD && c != 0xC7 &&
			      c != 0xD0 && c != 0xD1 && c != 0xD7);
}

/* Can the word at w follow an elision: it starts with a vowel or an h
 * and, of one letter, is one of French's one-letter words ("n a",
 * "jusqu à", "j y"; not the "e" of "d e Casinos"). */
static int elidable_word(const struct scan *s, size_t w)
{
	size_t we = letters_end(s, w), i = w;
	int32_t c = utf8_next(s->t, &i, we);

	if (!vowel_or_h(s, w))
		return 0;
	return i < we || c == 'a' || c == 0xE0 || c == 'y' || c == 0xF4;
}

/* A name the dictionary does not know after "d", "l" or an elided
 * conjunction ("qu", "lorsqu"): "d Odebrecht", "l Ifo". The word is
 * capitalised, lower case after its first letter, and starts with a
 * vowel or an h. */
static int elided_before_name(const struct scan *s, size_t ws, size_t b,
			      size_t w)
{
	size_t we = letters_end(s, w), i = w;
	int32_t x = cp_at(s, ws, NULL);

	if (b - ws == 1 && x != 'd' && x != 'l')
		return 0;
	if (!uc_is_lower(x) || we - w < 3 || !vowel_or_h(s, w) ||
	    !uc_is_upper(utf8_next(s->t, &i, we)))
		return 0;
	while (i < we)
		if (!uc_is_lower(utf8_next(s->t, &i, we)))
			return 0;
	return 1;
}

/* Is the single capital at ws the first word of a sentence (only opening
 * quotes and brackets before it, after the line start or an end of
 * sentence)? "L homme" is, "classe D avec" is not. */
static int starts_sentence(const struct scan *s, size_t ws)
{
	size_t i = ws, p;
	int32_t c;

	while ((c = cp_before(s, i, &p)) > 0 &&
	       (repair_is_hspace(c) || c == '(' || c == 0xAB || c == '"' ||
		c == 0x201C || c == 0x2014 || c == 0x2013))
		i = p;
	return c < 0 || (c < 128 && strchr(".!?:", (int)c)) || c == 0x2026;
}

/* Does the single letter at ws follow a number ("15 m au-dessus", "2 l
 * eau": a unit) or an apostrophe ("Trump ' s": a possessive)? */
static int letter_stands_alone(const struct scan *s, size_t ws)
{
	size_t i = ws, p;
	int32_t c;

	while ((c = cp_before(s, i, &p)) > 0 && repair_is_hspace(c))
		i = p;
	return c > 0 && (uc_is_digit(c) || apostrophe_like(c));
}

/*
 * "qu il", "n ai", "l homme": the apostrophe became white space. The
 * elided word [ws, b), then white space, then the word at w. Applied when
 * the dictionary reads the elision and, for a single letter (which can
 * stand alone: a unit, a variable, a label), when it is in lower case or
 * starts a sentence and does not follow a number or an apostrophe; "n"
 * wants the rest of
 * its negation, else the repair is only reported.
 */
static int lost_apostrophe(struct scan *s, size_t ws, size_t b, size_t w)
{
	int single = utf8_count(s->t + ws, b - ws) == 1;
	double conf = 0.9;

	if (w != b + 1 || s->t[b] != ' ' || !elidable_word(s, w))
		return 0; /* one space, before a word that can follow one */
	if (single &&
	    (letter_stands_alone(s, ws) || after_label_noun(s, ws) ||
	     (uc_is_upper(cp_at(s, ws, NULL)) && !starts_sentence(s, ws))))
		return 0;
	if (!dict_elision(s, ws, b, w)) {
		if (!elided_before_name(s, ws, b, w))
			return 0;
		conf = 0.85;
	}
	if (single && (s->t[ws] == 'n' || s->t[ws] == 'N') &&
	    !negation_near(s, ws, w))
		conf = 0.6;
	add(s, b, w, s->apos, strlen(s->apos), conf,
	    "lost apostrophe after an elided word");
	return 1;
}

/* A straight double quote for an apostrophe, glued on both sides after
 * an elided word that the dictionary reads with it: "n"étais", "l"été". */
static int elision_quote(const struct scan *s, size_t i)
{
	size_t ws, b = i;
	int32_t c = cp_at(s, i + 1, NULL);

	if (s->t[i] != '"' || !uc_is_alpha(cp_before(s, i, NULL)) ||
	    !uc_is_alpha(c))
		return 0;
	ws = elided_word_start(s, b);
	return ws < b && dict_elision(s, ws, b, i + 1);
}

/*
 * After an elided word ending at b: [spaces] apostrophes [spaces] a letter.
 * One typewriter or typographic apostrophe with spaces around it
 * ("d ’ intérêts", "l' autre"): the spaces go and the apostrophe itself is
 * left untouched; before an opening quote only the space before the
 * apostrophe goes ("d ’ « injuste »" -> "d’ « injuste »"). A stand-in
 * ("l`homme", "n"étais") or two apostrophes ("l’'électricien"), spaced or
 * not, become one apostrophe. Returns the end of the repaired span, or 0.
 */
static size_t apostrophe_run(struct scan *s, size_t b)
{
	size_t ap = skip_hspace(s, b), ae = ap, f, next;
	size_t n = 0, plain = 0;
	int32_t c;
	double conf;

	while (apostrophe_like(c = cp_at(s, ae, &next)) ||
	       (c == '"' && n == 0 && ap == b && elision_quote(s, ae))) {
		plain += uc_is_apostrophe(c);
		n++;
		ae = next;
	}
	if (n == 0)
		return 0;
	f = skip_hspace(s, ae);
	c = cp_at(s, f, NULL);
	if (n == 1 && plain == 1) {
		if (c == 0xAB || c == 0x201C || c == '"')
			f = ae; /* "l’ « exclusion »" is good French */
		else if (!uc_is_alpha(c))
			return 0;
		if (ap == b && f == ae)
			return 0;
		conf = ap > b && f > ae ? 0.95 : 0.9;
		if (ap > b)
			add(s, b, ap, "", 0, conf,
			    "spaced apostrophe after an elided word");
		if (f > ae)
			add(s, ae, f, "", 0, conf,
			    "spaced apostrophe after an elided word");
		return f;
	}
	if (!uc_is_alpha(c) || n > 2)
		return 0;
	add(s, b, f, s->apos, strlen(s->apos), 0.9,
	    n == 1 ? "apostrophe written with another sign"
		   : "doubled apostrophe after an elided word");
	return f;
}

/* The elided word ending at b, followed by damage to its apostrophe.
 * Returns the offset after the repaired span, or 0. */
static size_t elision_at(struct scan *s, size_t b)
{
	size_t ws = elided_word_start(s, b), f, w;

	if (ws == b)
		return 0;
	f = apostrophe_run(s, b);
	if (f)
		return f;
	w = skip_hspace(s, b);
	if (uc_is_alpha(cp_at(s, w, NULL)) && lost_apostrophe(s, ws, b, w))
		return w;
	return 0;
}

static int is_closing(int32_t c)
{
	return c == 0xBB || c == 0x201D || c == '"' || c == 0x2019 ||
	       c == ')' || c == ']';
}

/* The character ending at i, a « that closes its quotation
 * (repair_quotes_line) read as », so that "homme« ," loses its space
 * before the comma as "homme » ," does. */
static int32_t sign_before(const struct scan *s, size_t i)
{
	size_t p;
	int32_t c = cp_before(s, i, &p);

	if (c == 0xAB && repair_quotes_closes(&s->quotes, p))
		return 0xBB;
	return c;
}

/* 1 when the word [w, we) is in the script of the article's language:
 * some dictionaries accept any word of another (uk_UA maps every Latin
 * letter away), and their word on ".short" after "до" is no evidence. */
static int script_fits(const struct scan *s, size_t w, size_t we)
{
	const struct langwords *lw = s->data->langwords;

	return !lw || langwords_script_fits(
			  lw, langwords_index(lw, dict_lang(s->data->dict)),
			  s->t + w, we - w);
}

/* The run of letters at w reads as the first word of a sentence after a
 * period: a known word of two letters or more, not followed by another
 * dotted part ("co.uk"), capitalised (".NET" is not) or in lower case and
 * not shaped like a top-level domain or a file extension when what comes
 * before the period could be a host or file name (host_before: ".com",
 * "site.fr", "index.html": ASCII, four letters or fewer). */
static int sentence_word_at(const struct scan *s, size_t w, int host_before)
{
	size_t we = letters_end(s, w), next, ascii = 1;
	int32_t c = cp_at(s, w, NULL);

	if (utf8_count(s->t + w, we - w) < 2 || !s->data || !s->data->dict ||
	    (cp_at(s, we, &next) == '.' && uc_is_alpha(cp_at(s, next, NULL))))
		return 0;
	for (size_t i = w; i < we; i++)
		ascii = ascii && (unsigned char)s->t[i] < 0x80;
	if (uc_is_upper(c)) {
		size_t i = w;
		utf8_next(s->t, &i, we);
		while (i < we)
			if (!uc_is_lower(utf8_next(s->t, &i, we)))
				return 0;
	} else if (host_before && ascii && we - w <= 4) {
		return 0;
	}
	return script_fits(s, w, we) &&
	       dict_check(s->data->dict, s->t + w, we - w);
}

/*
 * White space before "," or "." after a word, number or closing quote or
 * bracket ("mot ,", "2021 ."): 0 when the space is not that, 1 to delete
 * it, 2 to delete it and put it after the sign, when a word follows it
 * glued ("mot ,suite" -> "mot, suite"). Never before "...", ".5", ".com",
 * ",5".
 */
static int space_before_comma_dot(const struct scan *s, int32_t p, size_t re)
{
	size_t after;
	int32_t n = cp_at(s, re, &after), nn;

	if ((n != ',' && n != '.') || !(is_alnum(p) || is_closing(p)))
		return 0;
	nn = cp_at(s, after, NULL);
	if (n == '.') {
		if (uc_is_alpha(nn))
			return sentence_word_at(s, after, 1) ? 2 : 0;
		return nn != '.' && !uc_is_digit(nn) ? 1 : 0;
	}
	if (uc_is_digit(nn))
		return 0;
	return uc_is_alpha(nn) ? 2 : 1;
}

static int line_has(const struct scan *s, size_t from, size_t to, char ch)
{
	return from < to && memchr(s->t + from, ch, to - from) != NULL;
}

/* Longest clitic tried ("n't" is 5 bytes with a typographic apostrophe). */
#define CLITIC_MAX 16

/* The clitic of the language's list that starts at i ("'s", "n't", with
 * ' or ’) and ends its token (what follows is no letter, digit, hyphen
 * or apostrophe: "'s-Hertogenbosch", "'s'" are no clitics): its end, or
 * 0. *possessive is set for "'s", *negation for "'t" and "n't". */
static size_t clitic_at(const struct scan *s, size_t i, int *possessive,
			int *negation)
{
	char buf[CLITIC_MAX];
	size_t k = 0, j = i, next;
	int32_t c;

	if (!s->data || !s->data->clitics || wordlist_empty(s->data->clitics))
		return 0;
	while (k + 1 < sizeof(buf) && (c = cp_at(s, j, &next)) > 0 &&
	       (uc_is_alpha(c) || uc_is_apostrophe(c))) {
		if (uc_is_apostrophe(c))
			buf[k++] = '\'';
		else if (next - j < sizeof(buf) - k)
			for (size_t b = j; b < next; b++)
				buf[k++] = s->t[b];
		else
			return 0;
		j = next;
	}
	c = cp_at(s, j, NULL);
	if (k < 2 || k >= sizeof(buf) - 1 || uc_is_digit(c) || c == '-' ||
	    apostrophe_like(c) || !wordlist_has(s->data->clitics, buf, k))
		return 0;
	*possessive =
	    k == 2 && buf[0] == '\'' && (buf[1] == 's' || buf[1] == 'S');
	*negation =
	    buf[k - 2] == '\'' && (buf[k - 1] == 't' || buf[k - 1] == 'T');
	return j;
}

/*
 * White space [rs, re) between a word and a clitic split off it by a
 * tokenizer ("didn 't", "did n't", "John 's"): joined when the dictionary
 * knows the word and its clitic as one, or the clitic is a possessive;
 * reported otherwise. 1 when the run was such a split.
 */
static int clitic_split(struct scan *s, size_t rs, size_t re)
{
	size_t ws, ce, n;
	char word[ELISION_PROBE_MAX];
	int possessive = 0, negation = 0, joined = 0, alone = 0;
	double conf = 0.60;

	if (!(ce = clitic_at(s, re, &possessive, &negation)) ||
	    (ws = letters_start(s, rs)) == rs)
		return 0;
	n = (rs - ws) + (ce - re);
	if (n < sizeof(word) && s->data->dict) {
		memcpy(word, s->t + ws, rs - ws);
		memcpy(word + (rs - ws), s->t + re, ce - re);
		joined = dict_check(s->data->dict, word, n);
		/* "like 's" may be a clitic mentioned after a word; "didn
		 * 't" cannot: "didn" is no word alone, and a negation is
		 * never mentioned so ("can 't", "did n't") */
		alone = dict_check(s->data->dict, s->t + ws, rs - ws);
	}
	if (joined && (!alone || negation || s->tokenized))
		conf = 0.90;
	else if (possessive && (!alone || s->tokenized))
		conf = 0.85;
	add(s, rs, re, "", 0, conf,
	    "clitic split off its word (tokenized text)");
	return 1;
}

/* The white space before re follows a word of one character ("x :"). */
static int single_char_before(const struct scan *s, size_t re)
{
	size_t p = re, q = re;
	int32_t c = cp_before(s, re, &p);

	while (repair_is_hspace(c))
		c = cp_before(s, p, &p);
	if (!is_alnum(c))
		return 0;
	c = cp_before(s, p, &q);
	return c < 0 || repair_is_hspace(c);
}

/* The "?" ending at i is that of a conditional expression, "a ? b : c":
 * " : " follows within CONDITIONAL_MAX bytes, with no sentence sign
 * between, and the word after the "?" is not capitalised (a new
 * sentence: "dir ? Fazit : alles"). */
#define CONDITIONAL_MAX 40
static int conditional_at(const struct scan *s, size_t i)
{
	size_t w = skip_hspace(s, i);

	if (uc_is_upper(cp_at(s, w, NULL)))
		return 0;
	for (size_t k = i; k + 2 < s->le && k < i + CONDITIONAL_MAX; k++) {
		if (strchr(".!?;", s->t[k]))
			return 0;
		if (s->t[k] == ' ' && s->t[k + 1] == ':' && s->t[k + 2] == ' ')
			return 1;
	}
	return 0;
}

/* The sign starting at i is one the language writes glued to the word
 * before it (no-space-before.txt); its end in *end. */
static int tight_sign(const struct scan *s, size_t i, int32_t c, size_t *end)
{
	cp_at(s, i, end);
	return c > 0 && s->data && s->data->no_space_before &&
	       !wordlist_empty(s->data->no_space_before) &&
	       wordlist_has(s->data->no_space_before, s->t + i, *end - i);
}

/*
 * 1 when the current line's function words (langwords.h) are more another
 * language's than the article's: at least two of that language's, and
 * more than of the article's own ("Bonjour : voici les résultats du
 * vote" in a Spanish file). The article's typography is not the line's:
 * French spaces the signs that Spanish glues. Counted once per line, when
 * a rule first asks.
 */
static int other_language(struct scan *s)
{
	const struct langwords *lw = s->data ? s->data->langwords : NULL;
	/* per language: its function words on the line, and those of them
	 * the article's language does not have */
	size_t hits[LANGWORDS_MAX] = {0}, own_not[LANGWORDS_MAX] = {0};
	size_t i = s->ls;
	int own;

	if (s->other_language >= 0)
		return s->other_language;
	s->other_language = 0;
	own = lw && s->data->dict
		  ? langwords_index(lw, dict_lang(s->data->dict))
		  : -1;
	if (own < 0)
		return 0;
	while (i < s->le) {
		size_t ws = i, next, letters = 0;
		unsigned set;
		while (i < s->le && uc_is_alpha(cp_at(s, i, &next))) {
			i = next;
			letters++;
		}
		if (i == ws) {
			cp_at(s, i, &i);
			continue;
		}
		/* one letter is too many languages' word ("a", "i") */
		set = letters < 2 ? 0 : langwords_of(lw, s->t + ws, i - ws, 0);
		for (unsigned k = 0; set >> k; k++)
			if (set >> k & 1u) {
				hits[k]++;
				own_not[k] += !(set >> own & 1u);
			}
	}
	/* more than the article's language's, two of them words it lacks
	 * ("les", "du" in Spanish text) or one of three ("dans la catégorie
	 * de"): "Capturas del vi deo" stays Spanish, its one word Spanish
	 * lacks ("vi") beside one both have ("del"), and an English line
	 * with German "man" twice stays English */
	for (size_t k = 0; k < lw->n; k++)
		if ((int)k != own && hits[k] > hits[own] &&
		    (own_not[k] >= 2 || (own_not[k] == 1 && hits[k] >= 3)))
			s->other_language = 1;
	return s->other_language;
}

/*
 * White space [rs, re) before ":", ";", "!" or "?" in a language that
 * writes the sign glued (spacing.h): p is the character before the space.
 */
static int tight_sign_spaced(const struct scan *s, int32_t p, size_t re)
{
	size_t end, after;
	int32_t n = cp_at(s, re, NULL), nn;

	/* French quoted in another language keeps its spaces */
	if ((s->french_quotes && s->gdepth > 0) ||
	    !(is_alnum(p) || is_closing(p)) || !tight_sign(s, re, n, &end))
		return 0;
	nn = cp_at(s, end, &after);
	if (n == ':' || n == ';') {
		size_t w = skip_hspace(s, end), we;
		if (nn >= 0 && !repair_is_hspace(nn))
			return 0; /* ":)", ";-)", "http://" */
		/* "2 : 1", "10 : 30": a score or a time; "x : y": a ratio
		 * of two symbols */
		if (uc_is_digit(p) && uc_is_digit(cp_at(s, w, NULL)))
			return 0;
		cp_at(s, w, &we);
		return !(n == ':' && single_char_before(s, re) &&
			 is_alnum(cp_at(s, w, NULL)) &&
			 !is_alnum(cp_at(s, we, NULL)));
	}
	/* "a ? b : c": a conditional expression */
	if (n == '?' && conditional_at(s, end))
		return 0;
	return nn < 0 || repair_is_hspace(nn) || is_closing(nn) || nn == '.' ||
	       nn == 0x2026 || tight_sign(s, end, nn, &after);
}

/* tight_sign_spaced(), on a line in the article's language. */
static int space_before_tight_sign(struct scan *s, int32_t p, size_t re)
{
	return tight_sign_spaced(s, p, re) && !other_language(s);
}

/*
 * White space [rs, re) after an opening sign the language writes glued
 * to the word after it ("¿ Qué"): the sign ends at rs, opens (nothing or
 * white space or an opening bracket or quote before it), and a letter or
 * a digit follows the space.
 */
static int space_after_opening_sign(const struct scan *s, size_t rs, size_t re)
{
	size_t ps;
	int32_t before;

	if (!s->data || !s->data->no_space_after ||
	    wordlist_empty(s->data->no_space_after) ||
	    !is_alnum(cp_at(s, re, NULL)) || cp_before(s, rs, &ps) < 0 ||
	    !wordlist_has(s->data->no_space_after, s->t + ps, rs - ps))
		return 0;
	before = cp_before(s, ps, NULL);
	return before < 0 || repair_is_hspace(before) ||
	       word_may_start_after(before);
}

/* Punctuation that French precedes with a (no-break) space. */
static int is_french_spaced(int32_t c)
{
	return c == ':' || c == ';' || c == '!' || c == '?';
}

/*
 * Two or more spaces: keep one, the first no-break space of the run when it
 * has one, else the first, and delete the others. The kept character is
 * left untouched (not rewritten) so a later stage may still change it.
 */
static void collapse_run(struct scan *s, size_t rs, size_t re)
{
	size_t i = rs, next, nchars = 0, keep = rs, keep_end = rs;
	int nobreak = 0;

	while (i < re) {
		int32_t c = cp_at(s, i, &next);
		if (nchars == 0 || (!nobreak && repair_is_nobreak(c))) {
			keep = i;
			keep_end = next;
			nobreak = repair_is_nobreak(c);
		}
		nchars++;
		i = next;
	}
	if (nchars < 2)
		return;
	if (keep > rs)
		add(s, rs, keep, "", 0, 0.9, "doubled space");
	if (keep_end < re)
		add(s, keep_end, re, "", 0, 0.9, "doubled space");
}

/*
 * Text that is still double-encoded (UTF-8 read as Windows-1252) writes
 * "à" as "Ã" + U+00A0, "«" as "Â«" and "œ" as "Å“": a character of
 * U+00C2..U+00DF followed by one of the 0x80..0xBF range of Windows-1252.
 * Such a pair is one character of the original text, so spacing leaves it
 * whole (the mojibake stage owns it) rather than "repair" half of it.
 */
static int mojibake_lead(int32_t c)
{
	return c >= 0xC2 && c <= 0xDF;
}

static int inside_spaced_quotes(const struct scan *s, size_t rs, size_t re);

/* A run of horizontal white space [rs, re) between two characters. */
static void space_run(struct scan *s, size_t rs, size_t re)
{
	int32_t p = sign_before(s, rs), n = cp_at(s, re, NULL);
	int moved;

	if (p < 0 || n < 0)
		return; /* leading or trailing white space */
	if (mojibake_lead(p) && cp_at(s, rs, NULL) == 0xA0)
		return;
	if (inside_spaced_quotes(s, rs, re)) {
		add(s, rs, re, "", 0, 0.85,
		    "space inside quotation marks (tokenized text)");
		return;
	}
	if (uc_is_alpha(p) && clitic_split(s, rs, re))
		return;
	if (space_after_opening_sign(s, rs, re)) {
		add(s, rs, re, "", 0, 0.85,
		    "space after a sign the language writes glued");
		return;
	}
	if (space_before_tight_sign(s, p, re)) {
		add(s, rs, re, "", 0, 0.85,
		    "space before a sign the language writes glued");
		return;
	}
	if ((moved = space_before_comma_dot(s, p, re)) != 0) {
		add(s, rs, re, "", 0, 0.9, "space before a comma or period");
		if (moved == 2)
			add(s, re + 1, re + 1, " ", 1, 0.9,
			    "space before a comma or period");
	} else if (p == '(' && n != ')' && !is_french_spaced(n) &&
		   line_has(s, re, s->le, ')'))
		add(s, rs, re, "", 0, 0.85, "space inside parentheses");
	else if (n == ')' && p != '(' && line_has(s, s->ls, rs, '('))
		add(s, rs, re, "", 0, 0.85, "space inside parentheses");
	else if (!(uc_is_digit(p) && uc_is_digit(n)))
		collapse_run(s, rs, re);
}

/* Longest chunk looked at around a sign, each side; a longer one is no
 * prose (and the bound keeps hostile lines linear). */
#define CHUNK_MAX ((size_t)256)

/* Is the white-space-delimited chunk around i technical (chunk_technical:
 * a path, an address, a time, a list of tags, an HTML entity) or longer
 * than CHUNK_MAX on either side? */
static int technical_chunk(const struct scan *s, size_t i)
{
	return chunk_technical(s->t, s->ls, s->le, i, CHUNK_MAX, "/@:=#&_",
			       NULL, NULL);
}

static int known(const struct scan *s, size_t a, size_t e)
{
	return a < e && s->data && s->data->dict &&
	       dict_check(s->data->dict, s->t + a, e - a);
}

/* "refusé.de": a sentence period glued to a lower-case word. Both sides
 * known words of two letters or more, their concatenation not one
 * (inclusive writing "tombé.es", "immortel.le" is left alone), one dot
 * only ("p.ex.", "tou.te.s", "www.x.fr" are not sentences), and not the
 * shape of a domain or a file name (sentence_word_at). */
static int glued_period(const struct scan *s, size_t dot, size_t w)
{
	size_t l = letters_start(s, dot), n;
	char buf[ELISION_PROBE_MAX];
	int32_t before = cp_before(s, l, NULL);

	size_t ascii = 1;

	for (size_t i = l; i < dot; i++)
		ascii = ascii && (unsigned char)s->t[i] < 0x80;
	if (utf8_count(s->t + l, dot - l) < 2 || before == '.' ||
	    before == '@' || !uc_is_lower(cp_at(s, w, NULL)) ||
	    !sentence_word_at(s, w, (int)ascii) || !known(s, l, dot))
		return 0;
	n = letters_end(s, w) - w;
	if ((dot - l) + n > sizeof(buf))
		return 1;
	memcpy(buf, s->t + l, dot - l);
	memcpy(buf + (dot - l), s->t + w, n);
	return !dict_check(s->data->dict, buf, (dot - l) + n);
}

/* Is the comma at [i, e) inside a list of short items ("S,M,L,XL",
 * "[y,n,q]"): the letters before and after it two or fewer, and a comma
 * glued to either run? A list of codes, not words missing their space
 * ("oui,non", "il a,selon lui"). */
static int short_list(const struct scan *s, size_t i, size_t e)
{
	size_t l = letters_start(s, i), r = letters_end(s, e), p;

	if (utf8_count(s->t + l, i - l) > 2 || utf8_count(s->t + e, r - e) > 2)
		return 0;
	return cp_before(s, l, &p) == ',' || cp_at(s, r, &p) == ',';
}

/*
 * A missing space after "," ";" "…" "..." or a sentence period, before a
 * letter: "marre,ça", "mot ;suite", "attendez…je", "refusé.de". The sign
 * follows a letter or a closing quote or bracket (";" may follow its
 * French space). Digits on either side ("3,5", "1.000") and technical
 * chunks (technical_chunk) are left alone; after "…" the word must be
 * known and follow a word of two letters or more ("p…tain" is a word
 * spelt out). Returns the end of the sign.
 */
static size_t missing_space_after(struct scan *s, size_t i, size_t next,
				  int32_t c)
{
	int32_t p = sign_before(s, i), n;
	size_t e = next, l;
	int ok;

	if (c == '.' && next + 1 < s->le && s->t[next] == '.' &&
	    s->t[next + 1] == '.')
		e = next + 2, c = 0x2026;
	if (c == '.' && p == '.')
		return next;
	n = cp_at(s, e, NULL);
	if (!uc_is_alpha(n) || technical_chunk(s, i) ||
	    !(uc_is_alpha(p) || is_closing(p) ||
	      (c == ';' && repair_is_hspace(p))))
		return e;
	if (c == ',')
		ok = !short_list(s, i, e);
	else if (c == ';')
		ok = 1;
	else if (c == 0x2026) {
		l = letters_start(s, i);
		ok = utf8_count(s->t + l, i - l) >= 2 &&
		     known(s, e, letters_end(s, e));
	} else
		ok = uc_is_alpha(p) && glued_period(s, i, e);
	if (ok)
		add(s, e, e, " ", 1, 0.85, "missing space after punctuation");
	return e;
}

/* Missing space outside a quotation mark at [i, next). */
static void quote_spacing(struct scan *s, size_t i, size_t next, int32_t c)
{
	int32_t p = cp_before(s, i, NULL), n = cp_at(s, next, NULL);
	int opening;

	if (c != '"' && mojibake_lead(p))
		return;
	if ((c == 0x201C || c == 0x201D) && !s->curly_ok)
		return;
	if ((c == 0xAB || c == 0xBB) &&
	    repair_german_quote(s->t, s->ls, s->le, i))
		return; /* German »quotes« are not French quotes */
	if (c == 0xAB || c == 0xBB)
		opening = !repair_quotes_closes(&s->quotes, i);
	else
		opening = c == 0x201C;
	if (c == 0x201C || (c == 0xAB && opening) || (c == 0xBB && opening)) {
		if (is_alnum(p))
			add(s, i, i, " ", 1, c == 0x201C ? 0.85 : 0.9,
			    "missing space before an opening quote");
		return;
	}
	if (c == 0xBB || c == 0xAB || c == 0x201D) {
		if (is_alnum(n))
			add(s, next, next, " ", 1, c == 0xBB ? 0.9 : 0.85,
			    "missing space after a closing quote");
		return;
	}
	if (c != '"' || s->nquotes % 2)
		return;
	opening = s->qseen++ % 2 == 0;
	if (opening && (is_alnum(p) || p == ':' || p == ','))
		add(s, i, i, " ", 1, 0.9,
		    "missing space before an opening quote");
	else if (!opening && is_alnum(n))
		add(s, next, next, " ", 1, 0.9,
		    "missing space after a closing quote");
}

/* Could the straight quote at i open (or close) a quotation? An opening
 * quote is followed by a word, a closing one preceded by something. */
static int quote_role_fits(const struct scan *s, size_t i, int opening)
{
	int32_t c = opening ? cp_at(s, i + 1, NULL) : cp_before(s, i, NULL);

	if (c < 0 || repair_is_hspace(c))
		return 0;
	return !opening || !(c < 128 && strchr(".,;:!?)", (int)c));
}

/* Do “ and ” alternate, opening with “? Lines that use “ to close („…“,
 * “…“) get no curly-quote repair. */
static int curly_quotes_pair(const struct scan *s)
{
	size_t i = s->ls;
	int open = 0;

	while (i < s->le) {
		int32_t c = utf8_next(s->t, &i, s->le);
		if (c == 0x201E || (c == 0x201C && open++) ||
		    (c == 0x201D && !open--))
			return 0;
	}
	return open == 0;
}

/* Count the line's straight quotes. When they are odd in number, or one
 * of them cannot play the role its rank gives it ("cœur".François: the
 * first is not an opening quote), nquotes is made odd: no quote repair on
 * this line. */
static void count_quotes(struct scan *s)
{
	int fits = 1, spaced = 1;

	s->nquotes = s->qseen = 0;
	for (size_t i = s->ls; i < s->le; i++) {
		if (s->t[i] != '"' || s->guard->mask[i] || elision_quote(s, i))
			continue;
		fits = fits && quote_role_fits(s, i, s->nquotes % 2 == 0);
		spaced = spaced && (i == s->ls || s->t[i - 1] == ' ') &&
			 (i + 1 == s->le || s->t[i + 1] == ' ');
		s->nquotes++;
	}
	/* A tokenizer splits quotes off their words (' " bonjour " '): when
	 * every quote of the line stands between spaces, they pair in order
	 * and the spaces inside each pair go. */
	s->spaced_quotes =
	    spaced && s->nquotes >= 2 && s->nquotes % 2 == 0 && !s->guillemets;
	if (!fits && s->nquotes % 2 == 0)
		s->nquotes++;
	s->curly_ok = curly_quotes_pair(s);
}

/* Rank on the line of the counted straight quote at i. */
static size_t quote_rank(const struct scan *s, size_t i)
{
	size_t r = 0;

	for (size_t j = s->ls; j < i; j++)
		r += s->t[j] == '"' && !s->guard->mask[j] &&
		     !elision_quote(s, j);
	return r;
}

/* 1 when the white space [rs, re) is inside a pair of spaced quotes:
 * after an opening one or before a closing one (count_quotes()). */
static int inside_spaced_quotes(const struct scan *s, size_t rs, size_t re)
{
	if (!s->spaced_quotes)
		return 0;
	if (rs > s->ls && s->t[rs - 1] == '"' && re < s->le &&
	    s->t[re] != '"' && quote_rank(s, rs - 1) % 2 == 0)
		return 1;
	return re < s->le && s->t[re] == '"' && rs > s->ls &&
	       s->t[rs - 1] != '"' && quote_rank(s, re) % 2 == 1;
}

/* The split sign of the Moses tokenizer's aggressive mode and of the
 * fairseq/WMT preprocessed data: "porte @-@ parole", "1 @,@ 000",
 * "3 @.@ 5". At i a white-space run; the end of the span to replace by
 * the sign, or 0 when it is not one. */
static size_t moses_split(struct scan *s, size_t i)
{
	size_t a = skip_hspace(s, i), b, c, e, f;
	int32_t sign;

	if (!is_alnum(cp_before(s, i, NULL)) || cp_at(s, a, &b) != '@')
		return 0;
	sign = cp_at(s, b, &c);
	if (sign <= 0 || sign == '@' || is_alnum(sign) ||
	    repair_is_hspace(sign) || cp_at(s, c, &e) != '@')
		return 0;
	f = skip_hspace(s, e);
	if (f == e || !is_alnum(cp_at(s, f, NULL)) || s->guard->mask[i - 1] ||
	    s->guard->mask[f])
		return 0;
	/* The guard holds "@-@" itself (a handle's sign): the words on each
	 * side are what it must protect. */
	repair_add(s->edits, i, f, s->t + b, c - b, 0.95,
		   "split sign of a tokenizer (\"@-@\")");
	return f;
}

/* The marks subword tokenizers leave when their output is not decoded:
 * BPE's continuation "super@@ marché" (subword-nmt), SentencePiece's
 * "▁Le▁président" (U+2581 for each space). At i the '@' or the U+2581
 * (its end at next); the end of what was taken, or 0. */
static size_t subword_mark(struct scan *s, size_t i, size_t next, int32_t c)
{
	size_t e;
	int32_t before = cp_before(s, i, NULL);

	if (c == '@') {
		if (i + 3 > s->le || s->t[i + 1] != '@' || s->t[i + 2] != ' ' ||
		    !is_alnum(before) || !is_alnum(cp_at(s, i + 3, NULL)) ||
		    s->guard->mask[i - 1] || s->guard->mask[i + 3])
			return 0;
		repair_add(s->edits, i, i + 3, "", 0, 0.95,
			   "continuation mark of a subword tokenizer "
			   "(\"@@ \")");
		return i + 3;
	}
	/* A U+2581 between two visible characters is a space; at the start
	 * of the line or next to white space it is deleted. Only on a line
	 * where one stands between two letters. */
	if (!s->sentencepiece)
		return 0;
	e = next;
	if (before > 0 && !repair_is_hspace(before) && e < s->le &&
	    !repair_is_hspace(cp_at(s, e, NULL)))
		repair_add(s->edits, i, e, " ", 1, 0.95,
			   "space mark of a subword tokenizer (U+2581)");
	else
		repair_add(s->edits, i, e, "", 0, 0.95,
			   "space mark of a subword tokenizer (U+2581)");
	return e;
}

/* A line is SentencePiece output when a U+2581 stands between two
 * letters on it. */
static int sentencepiece_line(const struct scan *s)
{
	for (size_t i = s->ls; i + 3 <= s->le; i++) {
		size_t n;

		if (memcmp(s->t + i, "\xE2\x96\x81", 3) != 0)
			continue;
		if (uc_is_alpha(cp_before(s, i, NULL)) &&
		    uc_is_alpha(cp_at(s, i + 3, &n)))
			return 1;
	}
	return 0;
}

/* A word broken at the end of a printed line and joined back with a
 * space: "gouver- nement". At i a '-' after a letter; the end of what
 * was taken, or 0. The halves are joined when the dictionary knows the
 * whole ("égale- ment", though "égale" and "ment" are words too: a
 * hyphen glued to one word and not the next is no dash); a suspended hyphen
 * ("pré- et post-", "Leistungs- und") stays. (Whether "porte- parole" keeps its
 * hyphen cannot be asked: Hunspell accepts any two known words with a hyphen
 * between them, "pré-et" too.) */
static size_t line_break_hyphen(struct scan *s, size_t i)
{
	size_t a = letters_start(s, i), b = i + 2, e, pa;
	struct strbuf w;
	int whole;

	if (i + 2 >= s->le || s->t[i + 1] != ' ' ||
	    !uc_is_lower(cp_at(s, b, NULL)) || a == i ||
	    cp_before(s, a, &pa) == '-' || !s->data || !s->data->dict)
		return 0;
	e = letters_end(s, b);
	if (cp_at(s, e, NULL) == '-')
		return 0;
	sb_init(&w);
	sb_add(&w, s->t + a, i - a);
	sb_add(&w, s->t + b, e - b);
	whole = dict_check(s->data->dict, w.buf, w.len);
	sb_release(&w);
	if (whole)
		add(s, i, i + 2, "", 0, 0.90, "word broken at a line's end");
	return whole ? b : 0;
}

/* The line shows a tokenizer's split signs: a word, then white space and
 * one of , . ; : ! ? ) followed by white space or the line's end, an
 * opening bracket followed by white space ("( SPÖ"), or a straight
 * double quote standing between white space (' " mot " '). */
static int tokenized_line(const struct scan *s)
{
	for (size_t k = s->ls; k + 1 < s->le; k++) {
		char c = s->t[k + 1];

		if ((s->t[k] == '(' && c == ' ') ||
		    (s->t[k] == '"' && c == ' ' &&
		     (k == s->ls || s->t[k - 1] == ' ')) ||
		    (c == '"' && s->t[k] == ' ' &&
		     (k + 2 == s->le || s->t[k + 2] == ' ')))
			return 1;
		if (s->t[k] == ' ' && k > s->ls && s->t[k - 1] != ' ' &&
		    strchr(",.;:!?)", c) && c &&
		    (k + 2 == s->le || s->t[k + 2] == ' '))
			return 1;
	}
	return 0;
}

/* The line has guillemets with white space inside them, French style. */
static int french_quotes_line(const struct scan *s)
{
	size_t i = s->ls, next;
	int32_t prev = -1;

	while (i < s->le) {
		int32_t c = cp_at(s, i, &next);

		if ((c == 0xAB && repair_is_hspace(cp_at(s, next, NULL))) ||
		    (c == 0xBB && repair_is_hspace(prev)))
			return 1;
		prev = c;
		i = next;
	}
	return 0;
}

static void scan_line(struct scan *s)
{
	size_t i = s->ls, next, f;

	count_quotes(s);
	s->sentencepiece = sentencepiece_line(s);
	s->tokenized = tokenized_line(s);
	s->french_quotes = french_quotes_line(s);
	s->other_language = -1;
	s->gdepth = 0;
	while (i < s->le) {
		int32_t c = cp_at(s, i, &next);

		if (c == 0xAB)
			s->gdepth++;
		else if (c == 0xBB && s->gdepth > 0)
			s->gdepth--;

		if ((repair_is_hspace(c) || apostrophe_like(c) || c == '"') &&
		    uc_is_alpha(cp_before(s, i, NULL)) &&
		    (f = elision_at(s, i))) {
			i = f;
			continue;
		}
		if (repair_is_hspace(c) && (f = moses_split(s, i))) {
			i = f;
			continue;
		}
		if (repair_is_hspace(c)) {
			size_t e = skip_hspace(s, i);
			space_run(s, i, e);
			i = e;
			continue;
		}
		if (s->t[i] == '"' && s->guard->mask[i]) {
			i = next;
			continue;
		}
		if (c == ',' || c == ';' || c == '.' || c == 0x2026) {
			i = missing_space_after(s, i, next, c);
			continue;
		}
		if ((c == '@' || c == 0x2581) &&
		    (f = subword_mark(s, i, next, c))) {
			i = f;
			continue;
		}
		if (c == '-' && uc_is_alpha(cp_before(s, i, NULL)) &&
		    (f = line_break_hyphen(s, i))) {
			i = f;
			continue;
		}
		quote_spacing(s, i, next, c);
		i = next;
	}
}

static void scan_line_at(void *ctx, size_t ls, size_t le)
{
	struct scan *s = ctx;

	s->ls = ls;
	s->le = le;
	repair_quotes_line(&s->quotes, s->t, ls, le);
	scan_line(s);
}

/* The apostrophe the article writes between two letters, the typographic
 * one when it writes both as often or none. */
static const char *article_apostrophe(const char *t, size_t len)
{
	size_t straight = 0, curly = 0, i = 0;
	int32_t prev = -1;

	while (i < len) {
		int32_t c = utf8_next(t, &i, len);
		if (uc_is_alpha(prev) && i < len) {
			size_t j = i;
			int32_t n = utf8_next(t, &j, len);
			straight += c == '\'' && uc_is_alpha(n);
			curly += c == 0x2019 && uc_is_alpha(n);
		}
		prev = c;
	}
	return straight > curly ? "'" : "\xE2\x80\x99";
}

/* 1 when language lang quotes with guillemets (CLDR's primary marks):
 * cached for the thread's last language. */
static int quotes_with_guillemets(const char *lang)
{
	static _Thread_local char last[16];
	static _Thread_local int answer;
	int32_t open, close;

	if (!lang)
		return 0;
	if (strncmp(last, lang, sizeof(last)) != 0) {
		answer = lang_quotes(lang, 0, &open, &close) && open == 0xAB;
		snprintf(last, sizeof(last), "%s", lang);
	}
	return answer;
}

void spacing_repair(struct article *a, const struct view *v,
		    const struct tokens *ts, const struct spacing_data *data)
{
	struct repair_guard guard;
	struct repair_list edits;
	struct scan s;

	repair_guard_build(&guard, v->text, v->len, ts);
	repair_list_init(&edits);
	memset(&s, 0, sizeof(s));
	s.t = v->text;
	s.guard = &guard;
	s.data = data;
	s.apos = article_apostrophe(v->text, v->len);
	s.edits = &edits;
	s.guillemets =
	    quotes_with_guillemets(data->dict ? dict_lang(data->dict) : "fr");
	repair_quotes_init(&s.quotes);
	repair_each_line(v->text, v->len, scan_line_at, &s);
	repair_quotes_release(&s.quotes);
	repair_report(&edits, v, a, FK_SPACING, SPACING_APPLY_MIN);
	repair_list_release(&edits);
	repair_guard_release(&guard);
}
