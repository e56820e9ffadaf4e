/*
 * repeat_rules.h - the grammar of legitimate repetition in one language,
 * read from dictionaries/<lang>/repeat-rules.txt.
 *
 * A word list cannot say why "die die" is correct German ("Frauen, die
 * die Kinder ...": a relative pronoun, then an article) or why "nous nous"
 * is correct French (a subject, then a reflexive pronoun); a rule over
 * word classes does. The file defines classes of words and these kinds of
 * lines:
 *
 *   class NAME word word ...   words of class NAME (may be repeated)
 *   double A B                 a word written twice is legitimate when its
 *                              first copy can be of class A and its second
 *                              of class B
 *   double-before-name A B     the same, only when a capitalized word
 *                              follows ("la politique de de Gaulle")
 *   double-before-ending A B E the same, only when the word that follows
 *                              ends with E ("en en parlant": the gerund's
 *                              "en", then the pronoun "en", before a
 *                              present participle in -ant)
 *   double-after A B P         the same, only when the word before the
 *                              first copy is of class P ("devant lui lui
 *                              présenta": a disjunctive pronoun after a
 *                              preposition, then an object pronoun)
 *   separator A                words of class A join the copies of a loop
 *                              as a comma does ("wait, wait or wait")
 *   emphatic A                 a word of class A written twice may be
 *                              faithful emphasis ("very very"): such a
 *                              double is reported, never removed
 *   linker A                   words of class A link a noun to itself
 *                              after a word of a linker-start class ("von
 *                              Stadt zu Stadt", "from town to town"): a
 *                              unit "noun linker" said twice there is that
 *                              construction, not a loop
 *   linker-start A             the words that open it ("von", "from")
 *   function A                 words of class A are function words: a
 *                              function word before a longer word that
 *                              starts with it is grammar ("que quelques",
 *                              "the theory"), not a false start
 *   capitals-mark-names        inside a sentence, a capital letter marks a
 *                              name, a title or a new segment (the
 *                              language does not capitalize its nouns, as
 *                              German does): a run of capitalized words is
 *                              a heading or a list of items, and a
 *                              capital after a lower-case word is a lost
 *                              boundary
 *
 * Words are compared after case folding.
 */
#ifndef RELIRE_REPEAT_RULES_H
#define RELIRE_REPEAT_RULES_H

#include <stddef.h>
#include <stdint.h>

#include "common/strmap.h"

#define REPEAT_RULES_MAX_CLASSES 32
#define REPEAT_RULES_MAX_RULES	 32

/* What the words of a class do (the directives of the file). */
enum repeat_role {
	REPEAT_SEPARATOR,
	REPEAT_EMPHATIC,
	REPEAT_LINKER,
	REPEAT_LINK_START,
	REPEAT_FUNCTION,
	REPEAT_ROLES
};

struct repeat_rules {
	struct strmap words; /* folded word -> mask of its classes */
	char names[REPEAT_RULES_MAX_CLASSES][32];
	size_t nclasses;
	struct {
		uint32_t first, second;
		int before_name;
		uint32_t after;	 /* class of the word before; 0: any */
		char ending[16]; /* folded; "" when any word may follow */
	} rule[REPEAT_RULES_MAX_RULES];
	size_t nrules;
	uint32_t role[REPEAT_ROLES]; /* mask of the classes of each role */
	int capitals_mark_names;     /* the directive of that name */
};

void repeat_rules_init(struct repeat_rules *r);
void repeat_rules_release(struct repeat_rules *r);
/*
 * Add the rules of the file at path to r. A missing file is no error when
 * optional is set. Returns 0, or -1 after printing the error (unreadable
 * file, unknown line kind, undefined class, too many classes or rules,
 * with the file and line).
 */
int repeat_rules_load(struct repeat_rules *r, const char *path, int optional);
/* Mask of the classes of the case-folded word w[0..len); 0 when none or
 * when r is NULL. */
uint32_t repeat_rules_classes(const struct repeat_rules *r, const char *w,
			      size_t len);
/* The words around a double, folded (NULL and 0 when there is none). */
struct repeat_context {
	int name_follows; /* a capitalized word follows the second copy */
	const char *prev; /* the word before the first copy */
	size_t prev_len;
	const char *next; /* the word after the second copy */
	size_t next_len;
};

/* 1 when the folded word w written twice is legitimate by a rule in the
 * context c. */
int repeat_rules_double(const struct repeat_rules *r, const char *w, size_t len,
			const struct repeat_context *c);
/* 1 when the folded word w has the role (0 when r is NULL). */
int repeat_rules_has(const struct repeat_rules *r, enum repeat_role role,
		     const char *w, size_t len);
/* 1 when the file said capitals-mark-names (0 when r is NULL). */
int repeat_rules_capitals_mark_names(const struct repeat_rules *r);

#endif
