/*
 * names.h - name candidates of a batch, with counts and context clues.
 *
 * The first pass of the name variants table (variants.h): every article's
 * tokens are scanned for proper-name candidates, which are counted per
 * batch (mentions and articles) together with the clues that tell two
 * people apart or tie a corrupted spelling to its name:
 *   - given: the capitalized word written just before ("Vladimir" Poutine);
 *   - next: the capitalized word written just after (Vladimir "Poutine");
 *   - title: a title word shortly before ("porte-parole", "président");
 *   - near: other candidates of the same sentence.
 *
 * A candidate is a word token starting with an upper-case letter, not in a
 * URL or e-mail address, not all capitals (acronyms), without digits, with
 * an elided article or preposition stripped (d’Ouchakov -> Ouchakov) and
 * hyphenated capitalized parts kept together (États-Unis, Jean-Yves). At
 * the start of a sentence it is counted apart (initial), so that the table
 * can leave out common words ("Selon", "Cette") with the dictionary, which
 * collection does not need.
 *
 * Threads: a struct names is not thread-safe; give each worker its own and
 * combine them with names_merge() (the result does not depend on order:
 * of more than NAME_CLUES_MAX clue words of one kind, a form keeps those
 * of smallest hash, whatever the order they were met in).
 */
#ifndef RELIRE_NAMES_H
#define RELIRE_NAMES_H

#include <stddef.h>
#include <stdint.h>

#include "common/article.h"
#include "common/strmap.h"
#include "common/token.h"
#include "common/util.h"
#include "common/view.h"
#include "common/wordlist.h"

/* Language data shared read-only by collection and application. */
struct name_rules {
	struct wordlist titles;	  /* lang/name-titles.txt */
	struct wordlist elisions; /* lang/elisions.txt: de, le, la, que... */
};

/* Load data_dir/<lang>/name-titles.txt and elisions.txt (missing files are
 * empty lists). 0, or -1 after printing the error. Release with
 * name_rules_release (NULL is a no-op). */
int name_rules_load(struct name_rules *r, const char *data_dir,
		    const char *lang);
void name_rules_release(struct name_rules *r);

/* Length of an elided prefix at the start of s ("d’", "L'", "qu’") when a
 * letter follows it, else 0. The prefix must be an elided word of rules'
 * list (d’ for de, qu’ for que); without rules, any one to six ASCII
 * letters in lower case. */
size_t name_elision_len(const struct name_rules *rules, const char *s,
			size_t len);

#define NAME_CLUES_MAX 12

struct name_clue {
	char *word; /* owned */
	size_t n;
	uint64_t hash; /* of word: which clues a form keeps (name_form_clue) */
};

struct name_clues {
	struct name_clue v[NAME_CLUES_MAX];
	size_t n;
};

enum name_clue_kind { NC_GIVEN, NC_NEXT, NC_TITLE, NC_NEAR, NC__COUNT };

struct name_form {
	char *form;	 /* owned, as written (NFC) */
	size_t count;	 /* mentions */
	size_t articles; /* articles it occurs in */
	size_t initial;	 /* mentions at the start of a sentence */
	size_t first;	 /* mentions directly followed by another name */
	size_t serial;	 /* last article counted (private) */
	struct name_clues clues[NC__COUNT];
};

struct names {
	const struct name_rules *rules; /* borrowed, may be NULL */
	struct name_form *forms;
	size_t n, cap;
	struct strmap index; /* form -> 1 + position in forms */
	size_t articles;     /* articles collected */
};

/* A new, empty collection using rules (borrowed; may be NULL: no titles,
 * no elision list). Free with names_free (NULL is a no-op). */
struct names *names_new(const struct name_rules *rules);
void names_free(struct names *n);

/* Pass 1, once per article: count the candidates of the tokens ts of view
 * v (a's text with earlier repairs). Reads only; a is not changed. */
void names_collect(struct names *n, const struct article *a,
		   const struct view *v, const struct tokens *ts);

/* Add every count and clue of from to into (shards, threads). */
void names_merge(struct names *into, const struct names *from);

/* The form s[0..len) (exact bytes) or NULL. */
const struct name_form *names_find(const struct names *n, const char *s,
				   size_t len);
/* The form s[0..len), added with no counts when absent. */
struct name_form *names_get(struct names *n, const char *s, size_t len);

/* Add n occurrences of clue word w[0..len) of a kind to f. Of more than
 * NAME_CLUES_MAX words of a kind, f keeps the NAME_CLUES_MAX of smallest
 * fixed hash, so the same set for any order of calls, with exact counts. */
void name_form_clue(struct name_form *f, enum name_clue_kind kind,
		    const char *w, size_t len, size_t n);

/* Clues as text for the table's evidence column:
 * "given: Vladimir 12, Volodymyr 1; title: président 3; near: Moscou 4",
 * each kind's words most frequent first, then in byte order. Appended to
 * out. */
void name_form_evidence(const struct name_form *f, struct strbuf *out);
/* Read clues written by name_form_evidence back into f (added to what f
 * has). Returns 0, or -1 when s is not in that format. */
int name_form_parse_evidence(struct name_form *f, const char *s);

#endif
