/*
 * spacing.h - detokenization damage (finding kind `spacing`).
 *
 * Machine translation systems and scrapers leave white space where French
 * has none and remove it where French needs it. This stage repairs, line by
 * line, only spacing that is broken in every typographic convention:
 *
 *  - spaced apostrophes after an elided word listed in
 *    dictionaries/<lang>/elided-forms.txt: "n ’ étaient", "d ’intérêts",
 *    "l' autre" become "n’étaient", "d’intérêts", "l'autre" (the
 *    apostrophe character itself is kept); before an opening quote only
 *    the space before the apostrophe goes ("l’ « Uruguay Round »" is good
 *    French);                                      conf 0.95 (one side 0.90)
 *  - an apostrophe written with another sign after an elided form, "l`homme",
 *    "l´homme", "l‘homme", or with a straight double quote where the
 *    dictionary reads the elision ("n"étais", "l"été"), or doubled
 *    ("l’'électricien"), spaced or not: one apostrophe;       conf 0.90
 *  - a lost apostrophe, one space where the apostrophe was: "qu il",
 *    "n ai", "jusqu à", "l homme", "d une" become "qu’il", "n’ai"... when
 *    the dictionary reads the elided form and the next word as one
 *    ("n’homme", "s’et" are not French). A single letter can stand alone
 *    (a unit "15 m au-dessus", "2 l", a label "classe D avec", "la lettre
 *    l est", a variable "si n est pair"), so it must be in lower case or
 *    start a sentence, must not follow a number, an apostrophe ("Trump '
 *    s") or a noun that names labels (dictionaries/<lang>/
 *    letter-labels.txt); "n" must have the rest of a negation in its
 *    clause (dictionaries/<lang>/negations.txt: "n est pas", "aucun n
 *    est"), else the repair is only reported. Before a name the
 *    dictionary does not know, capitalised and starting with a vowel or
 *    an h, "d", "l" and the elided conjunctions ("qu", "lorsqu") are
 *    repaired too ("d Odebrecht", "l Ifo");      conf 0.90 (names 0.85,
 *                                                  "n" alone 0.60)
 *  - white space before "," and "." after a word, number or closing
 *    quote/bracket ("mot ,", "fin 2021 ."); when a word follows the sign
 *    glued, the space moves after it ("mot ,suite" -> "mot, suite"; after
 *    "." only before a known word not shaped like a domain or a file
 *    extension); never before "..." nor before ".5", ".com", ",5";
 *                                                                 conf 0.90
 *  - a missing space after "," ";" "…" "..." before a letter ("marre,ça",
 *    "mot ;suite", "attendez…je"), and after a sentence period before a
 *    lower-case word ("refusé.de"): never between digits ("3,5",
 *    "1.000"), in a chunk with one of / @ : = # & _ (paths, times, HTML
 *    entities, tags), nor in URLs, domains and e-mail addresses; after
 *    "…" the next word must be known and the one before have two letters
 *    or more ("p…tain"); after "." both words must be known, their
 *    concatenation not ("tombé.es", "immortel.le" are inclusive writing),
 *    the dot the only one of the chunk ("p.ex.", "tou.te.s"), and the word
 *    after it not shaped like a domain or an extension ("site.fr",
 *    "index.html": ASCII and four letters or fewer);           conf 0.85
 *  - a tokenizer's split sign, "porte @-@ parole", "1 @,@ 000", "3 @.@ 5"
 *    (Moses' aggressive mode, fairseq's WMT data): one sign that is
 *    neither a letter, a digit, a space nor "@" between two "@" with white
 *    space around, between two letters or digits, is joined back, unless
 *    the word on either side is guarded (a URL, an address);     conf 0.95
 *  - the marks of subword tokenizers whose output was not decoded: BPE's
 *    continuation "@@ " after a letter or digit and before one
 *    ("super@@ marché", subword-nmt), deleted; SentencePiece's U+2581 for
 *    a space ("▁Le▁président"), on a line where one stands between two
 *    letters: a space between visible characters, deleted at the start
 *    of the line or next to white space;                        conf 0.95
 *  - a word broken at the end of a printed line and joined back with a
 *    space, "gouver- nement", "égale- ment": the hyphen and the space go
 *    when the dictionary knows the whole word (a suspended
 *    hyphen, "pré- et post-opératoires", stays; so does "porte- parole",
 *    as Hunspell accepts any two words joined by a hyphen);   conf 0.90
 *  - a clitic that a tokenizer wrote apart from its word, in a language
 *    that lists its clitics (dictionaries/<lang>/clitics.txt: English
 *    "'s", "'re", "n't"...): Moses' "didn 't", "it 's", the Penn
 *    Treebank's "did n't", "ca n't" are joined back ("didn't", "can't")
 *    when the clitic ends its token (not "'s-Hertogenbosch", "'s'") and
 *    the dictionary knows the joined word; a possessive "'s" after a
 *    word it does not know ("Odebrecht 's") is joined too; any other
 *    unknown join is reported only.          conf 0.90 ("'s" 0.85; 0.60)
 *  - white space before ":", ";", "!" or "?" after a word, a number or a
 *    closing quote or bracket, in a language that writes the sign glued
 *    to its word (dictionaries/<lang>/no-space-before.txt; French has no
 *    such file): "Hello !" -> "Hello!", "Note : the" -> "Note: the".
 *    ":" and ";" only before white space or the line's end (never an
 *    emoticon ":)", ";-)", nor a time or score "2 : 1", "10 : 30"); "!"
 *    and "?" before white space, the line's end, a closing quote or
 *    bracket, or another sign ("?!", "!..."); never after another sign
 *    ("- ?"); never on a line whose function words are more another
 *    language's than the article's: a French line in a Spanish file
 *    keeps French typography ("Bonjour : voici").               conf 0.85
 *  - white space after an opening sign that the language writes glued to
 *    the word after it (dictionaries/<lang>/no-space-after.txt: Spanish
 *    "¿", "¡"), where the sign opens (line start, white space, an opening
 *    bracket or quote before it) and a letter or digit follows:
 *    "¿ Qué pasa?" -> "¿Qué pasa?".                                conf 0.85
 *  - white space just inside parentheses, "( SPÖ )" -> "(SPÖ)", when both
 *    parentheses are on the line, never before ": ; ! ?";         conf 0.85
 *  - white space just inside straight double quotes split off their
 *    words by a tokenizer, ' " hello " ' -> ' "hello" ', when every
 *    straight quote of the line stands between spaces and they pair, in
 *    a language whose quotation marks are not guillemets (CLDR through
 *    ICU, lang_quotes()): French writes " mot " as « mot »;     conf 0.85
 *  - runs of two or more spaces between two visible characters of a line
 *    become one: the first no-break space of the run when it has one
 *    (French "mot  :" keeps its no-break space), else the first; leading and
 *    trailing white space, tabs and spaces between two digits are left
 *    alone;                                                       conf 0.90
 *  - missing space outside quotes: a letter glued to an opening « or “
 *    before it, or to a closing » or ” after it (which guillemet opens and
 *    which closes is read by pairing them, repair.h's repair_quotes_line: in
 *    "« Le grand homme«, dit-il" the second « closes) (“ ” only when they
 * alternate on the line, so „…“ and “…“ are left alone, and never inside German
 * »…« quotes); straight quotes when the line has an even number of them that
 * can all play their part, odd ones opening
 *    ("un"plan" -> "un "plan", also after ":" and ","), even ones closing
 *    ("Power"contre" -> "Power" contre"); in "cœur".François the first
 *    quote cannot open, so the line is left alone.               conf 0.90
 *
 * French keeps a space (no-break or not) before ": ; ! ?" and inside « »:
 * outside the languages of no-space-before.txt this stage never removes
 * those, and it never converts one kind of space
 * into another (that is the typography profile's business). Nothing inside
 * a URL, an e-mail address or code (repair.h's guard) is changed, nor the
 * halves of a still double-encoded character ("Ã" + no-break space is a
 * mojibake "à", "Â«" a mojibake "«").
 *
 * Every other repair deletes or inserts white space (the split sign's
 * repair also deletes its two "@", the broken word's its hyphen, the
 * subword marks are deleted or become a space); the characters
 * around it (the apostrophe, the space that is kept) are never rewritten, so a
 * later stage such as the typography profile can still change them. Repairs
 * with a confidence of at least SPACING_APPLY_MIN are applied, the others
 * reported only. An inserted apostrophe is the one the article writes
 * between letters most often (’ when it writes none or both as often). The
 * output of this stage contains none of the patterns above, so a second run
 * applies nothing.
 */
#ifndef RELIRE_SPACING_H
#define RELIRE_SPACING_H

#include "common/article.h"
#include "common/dict.h"
#include "common/langwords.h"
#include "common/token.h"
#include "common/view.h"
#include "common/wordlist.h"

#define SPACING_APPLY_MIN 0.8

/* What the stage reads of the language (all borrowed; each may be NULL). */
struct spacing_data {
	const struct wordlist *elisions;  /* elided words: "l", "qu" */
	const struct wordlist *negations; /* "pas", "jamais", "rien" */
	const struct wordlist *labels;	/* "lettre", "classe": "la lettre l" */
	const struct wordlist *clitics; /* "'s", "n't": "didn 't" */
	const struct wordlist *no_space_before; /* ":", "?" (not French) */
	const struct wordlist *no_space_after;	/* "¿", "¡" (Spanish) */
	struct dict *dict;			/* the language's dictionary */
	/* every language's function words: a line that reads as another
	 * language keeps its spaces before signs (NULL: never asked) */
	const struct langwords *langwords;
};

/*
 * Find broken spacing on the view v (tokens ts of v, for URL marks) and
 * report it on a. Without elisions, apostrophes are not repaired; without
 * a dictionary, lost apostrophes and glued sentence periods are not, nor
 * is a space moved before a period.
 */
void spacing_repair(struct article *a, const struct view *v,
		    const struct tokens *ts, const struct spacing_data *data);

#endif
