/*
 * article.h - the data model: an article, its original text and its findings.
 *
 * An article owns its original text (decoded to UTF-8) and a list of
 * findings. A finding names a kind, a byte span [start, end) of the ORIGINAL
 * text, a replacement, and whether the cleaned text carries it (applied).
 * The cleaned text is never stored: it is derived by applying the applied
 * findings in order (see view.h). Applied findings never overlap one another,
 * so the derivation is unambiguous.
 */
#ifndef RELIRE_ARTICLE_H
#define RELIRE_ARTICLE_H

#include <stddef.h>

/* The fixed, documented vocabulary of finding kinds (docs/formats.md). The
 * order is the column order of the per-kind counts in quality.csv. */
enum finding_kind {
	FK_UNICODE,
	FK_CONTROL_CHAR,
	FK_ENCODING,
	FK_MOJIBAKE,
	FK_CONFUSABLE,
	FK_SPACING,
	FK_TYPOGRAPHY,
	FK_GLUED_WORDS,
	FK_CHAR_REPEAT,
	FK_WORD_REPEAT,
	FK_PHRASE_REPEAT,
	FK_DUPLICATE_LINE,
	FK_BOILERPLATE,
	FK_MISSPELLING,
	FK_UNKNOWN_NAME,
	FK_FOREIGN_LANGUAGE,
	FK_NAME_VARIANT,
	FK_TRUNCATED,
	FK_RESIDUE,
	FK__COUNT
};

/* Name of a kind as written in the reports ("char_repeat"). */
const char *finding_kind_name(enum finding_kind k);
/* Kind for a name, or -1 when unknown. */
int finding_kind_from_name(const char *name);
/* 1 when findings of kind k are notes, not damage: unknown_name (a name
 * the dictionary lacks), name_variant, typography. Notes are counted
 * apart from defects and are never an article's top issue. */
int finding_kind_is_note(enum finding_kind k);

struct finding {
	enum finding_kind kind;
	size_t start, end; /* byte span in the original text, end exclusive */
	char *replacement; /* owned, NUL-terminated; "" means deletion */
	size_t repl_len;
	int applied;	   /* 1 when the cleaned text carries the replacement */
	double confidence; /* 0..1 */
	char *detail;	   /* owned, may be NULL */
	size_t seq;	   /* insertion order, breaks ties when sorting */
};

/* Document-level repetition statistics written to quality.csv (their exact
 * formulas are in docs/formats.md; computed by the repetition stage). */
enum doc_stat {
	DS_DUP_LINE_FRAC,      /* duplicate lines / lines */
	DS_DUP_PARA_CHAR_FRAC, /* chars in duplicate paragraphs / chars */
	DS_TOP_2GRAM_CHAR_FRAC,
	DS_TOP_3GRAM_CHAR_FRAC,
	DS_TOP_4GRAM_CHAR_FRAC,
	DS_DUP_5GRAM_CHAR_FRAC,
	DS_DUP_6GRAM_CHAR_FRAC,
	DS_DUP_7GRAM_CHAR_FRAC,
	DS_DUP_8GRAM_CHAR_FRAC,
	DS_DUP_9GRAM_CHAR_FRAC,
	DS_DUP_10GRAM_CHAR_FRAC,
	DS__COUNT
};

/* Column name of a statistic ("dup_line_frac"). */
const char *doc_stat_name(enum doc_stat s);

enum article_status { ARTICLE_OK, ARTICLE_ERROR };

struct article_index; /* private to article.c */

struct article {
	char *id;   /* owned; the article id as reported */
	char *text; /* owned; original text as UTF-8, NUL-terminated */
	size_t len;
	struct finding *findings;
	size_t nfindings, cap;
	size_t dropped; /* findings over the per-article cap, counted only */
	size_t max_findings; /* 0 = unlimited */
	enum article_status status;
	char *error;   /* owned reason when status is ARTICLE_ERROR */
	char lang[16]; /* language of the article ("fr") */
	size_t words;  /* word count, filled by the segmenter stage */
	size_t counts[FK__COUNT];    /* findings per kind, including dropped */
	double stats[DS__COUNT];     /* document statistics, 0 until computed */
	struct article_index *index; /* article.c's: applied spans, drops */
};

/* Initialise a with a copy of id and no text. Release with article_release. */
void article_init(struct article *a, const char *id);
/* Free everything a owns; a can be initialised again. NULL is a no-op. */
void article_release(struct article *a);
/* Take ownership of text (malloc'd, NUL-terminated at text[len]). */
void article_set_text(struct article *a, char *text, size_t len);
/* Mark a as failed with a formatted reason (the batch goes on). */
void article_fail(struct article *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/*
 * Append a finding in ORIGINAL offsets. repl (repl_len bytes, may be NULL
 * for deletion) and detail (may be NULL) are copied. If the article already
 * holds max_findings findings the finding is counted but not stored, and it
 * must then not be applied: the function returns NULL in that case, else the
 * stored finding. An applied finding that would overlap an applied one is
 * stored unapplied, with the reason appended to its detail, except that an
 * applied deletion or replacement wholly containing earlier applied
 * findings supersedes them (they become unapplied reports): stages other
 * than decoding report through a view (view.h), so their replacement is
 * computed on text where those findings are already replayed. A span
 * outside the text (start > end or end > a->len) is a bug (ARTICLE_BUG).
 * O(log n) expected in the number of findings, plus the superseded ones.
 */
struct finding *article_add(struct article *a, enum finding_kind kind,
			    size_t start, size_t end, const char *repl,
			    size_t repl_len, int applied, double confidence,
			    const char *detail);

/*
 * Remove the unapplied findings of a kind whose span is exactly
 * [start, end) (a later stage that explains the same word in its own
 * finding: a name variant is not also an unknown name). Returns how many
 * were removed; the per-kind counts and the max_findings cap follow at
 * once. O(1) expected, so that a stage can call it once per word: the
 * removed findings are freed at once but leave a->findings only at the
 * next article_compact(), which the caller runs after its last drop and
 * before anything reads a->findings (article_sort_findings and
 * article_drop_shadowed_notes run it first). In between, findings may be
 * added (article_add) and queried (article_overlaps_applied), nothing
 * else.
 */
size_t article_drop_reports(struct article *a, enum finding_kind kind,
			    size_t start, size_t end);

/* Take the findings removed by article_drop_reports() out of a->findings
 * (the others keep their order). O(findings) when there are any, else
 * O(1). */
void article_compact(struct article *a);

/* A span carries one finding: remove the unapplied notes
 * (finding_kind_is_note) that overlap an applied finding (the repair says
 * it), as article_overlaps_applied() tells; the others keep their order.
 * Returns how many were removed; the per-kind counts follow. */
size_t article_drop_shadowed_notes(struct article *a);

/* 1 when [start, end) overlaps (or, for insertions, touches the inside of)
 * an applied finding of a. O(log n) expected. It may rebuild a's private
 * index (after a sort): not from two threads at once on one article. */
int article_overlaps_applied(const struct article *a, size_t start, size_t end);

/* Marks finding f of a applied (1) or not (0), keeping the index of applied
 * spans true (O(log n) expected). The caller checks
 * article_overlaps_applied() before applying: applied findings never
 * overlap. */
void article_set_applied(struct article *a, struct finding *f, int applied);

/* Sort findings by (start, end, insertion order): the order of the reports
 * and the order in which applied findings are replayed. */
void article_sort_findings(struct article *a);

/*
 * BUG() (util.h) about article a, for a state that only a bug in relire
 * can reach (a stage computed a span outside the text): prints
 * "BUG: file:line: article 'ID': message" on stderr and aborts.
 */
#define ARTICLE_BUG(a, ...) article_bug_fl(__FILE__, __LINE__, (a), __VA_ARGS__)
_Noreturn void article_bug_fl(const char *file, int line,
			      const struct article *a, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

#endif
