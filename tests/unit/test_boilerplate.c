/*
 * test_boilerplate.c - the boilerplate detector: the pattern syntax and its
 * errors, the shipped pattern files, the residue of the five seed articles
 * at exact byte spans, edge rules that must and must not fire (section
 * headings and ordinary first and last paragraphs stay), and the
 * corpus-level counts: recurring lines, copies of one article, merging,
 * CSV shards, eviction and the threshold.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/article.h"
#include "detect/boilerplate.h"
#include "harness.h"
#include "stage_run.h"
#include "common/segment.h"
#include "common/util.h"
#include "common/view.h"

static struct segmenter *seg;
static struct boilerplate_rules *rules;

struct batch_state {
	const struct bp_counts *counts;
	size_t batch;
};

static void boilerplate_stage(struct article *a, const struct view *v,
			      const struct tokens *ts, void *ctx)
{
	const struct batch_state *b = ctx;

	boilerplate_detect(a, v, ts, rules, b->counts, b->batch);
}

/* Run the detector on text; findings land in a (caller releases). */
static void run(struct article *a, const char *text, size_t len,
		const struct bp_counts *counts, size_t batch)
{
	struct batch_state b = {counts, batch};

	stage_article(a, text, len);
	stage_on(seg, a, boilerplate_stage, &b);
}

static char *cleaned(const char *text, const struct bp_counts *counts,
		     size_t batch, size_t *nfind)
{
	struct article a;
	size_t len;
	char *out;

	run(&a, text, strlen(text), counts, batch);
	out = article_clean_text(&a, &len);
	*nfind = a.nfindings;
	article_release(&a);
	return out;
}

/* ---- Pattern syntax ------------------------------------------------------ */

static const char syntax_file[] = "# test patterns\n"
				  "@mois = janvier|mars|mai\n"
				  "[navigation]\n"
				  "Nouvelles\n"
				  "  Accueil   du   site  \n"
				  "[action]\n"
				  "Lire aussi*\n"
				  "Partager :*\n"
				  "5 \\* 3\n"
				  "[time]\n"
				  "{n}/{n}/{n}\n"
				  "{n}h{n}\n"
				  "{n} {mois} {n}\n"
				  "Il y a {n} {a}\n";

static const struct {
	const char *line;
	const char *cat; /* NULL: no match */
} syntax_cases[] = {
    {"Nouvelles", "navigation"},
    {"  NOUVELLES ", "navigation"},
    {"Nouvelles du jour", NULL},
    {"Accueil du site", "navigation"},
    {"accueil\u00a0du site", "navigation"}, /* NBSP is white space */
    {"Lire aussi", "action"},
    {"Lire aussi : Le Kremlin dit non", "action"},
    {"LIRE AUSSI: le reste", "action"},
    {"Lire aussitôt la lettre", NULL}, /* '*' starts at a word boundary */
    {"Partager : Facebook", "action"},
    {"Partager: Facebook", "action"}, /* space before ':' optional */
    {"Partager", NULL},
    {"5 * 3", "action"},
    {"5 x 3", NULL},
    {"12/03/2024", "time"},
    {"12/03/", NULL},
    {"a/03/2024", NULL},
    {"14h30", "time"},
    {"14h", NULL},
    {"12 mars 2024", "time"},
    {"12 MAI 2024", "time"},
    {"12 marsupial 2024", NULL}, /* a set word ends at a boundary */
    {"12 avril 2024", NULL},
    {"Il y a 3 heures", "time"},
    {"Il y a trois heures", NULL},
    {"", NULL},
};

static void test_pattern_syntax(void)
{
	struct boilerplate_rules *r = boilerplate_rules_new();
	const char *lang;

	CHECK_EQ(boilerplate_rules_parse(r, "t", "fr", syntax_file,
					 strlen(syntax_file)),
		 0);
	CHECK_EQ(boilerplate_rules_count(r), 9);
	for (size_t i = 0; i < ARRAY_SIZE(syntax_cases); i++) {
		const char *l = syntax_cases[i].line;
		const char *got =
		    boilerplate_rules_match(r, l, strlen(l), &lang);
		const char *want = syntax_cases[i].cat;

		CHECK_MSG(want ? got && !strcmp(got, want) : !got,
			  "'%s': got %s, want %s", l, got ? got : "none",
			  want ? want : "none");
	}
	boilerplate_rules_match(r, "Nouvelles", 9, &lang);
	CHECK_STR(lang, "fr");
	boilerplate_rules_free(r);
}

static const char *const bad_files[] = {
    "Nouvelles\n",		       /* before any section */
    "[menus]\nNouvelles\n",	       /* unknown section */
    "[action]\nLire * aussi\n",	       /* '*' not at the end */
    "[action]\n*\n",		       /* nothing but '*' */
    "[time]\n{n}/{jour}\n",	       /* undefined set */
    "[time]\n{n/{n}\n",		       /* unclosed brace */
    "@n = a|b\n[time]\n{n}\n",	       /* built-in name */
    "@mois janvier\n[time]\n{mois}\n", /* no '=' */
};

static void test_pattern_errors(void)
{
	for (size_t i = 0; i < ARRAY_SIZE(bad_files); i++) {
		struct boilerplate_rules *r = boilerplate_rules_new();
		int rc = boilerplate_rules_parse(r, "bad", "fr", bad_files[i],
						 strlen(bad_files[i]));
		CHECK_MSG(rc == -1, "accepted: %s", bad_files[i]);
		boilerplate_rules_free(r);
	}
}

/* ---- The shipped pattern files ------------------------------------------- */

static const struct {
	const char *line;
	const char *cat;
} shipped_cases[] = {
    {"Nouvelles", "navigation"},
    {"Today", "navigation"},
    {"Startseite", "navigation"},
    {"Lire aussi : Poutine et Trump au téléphone", "action"},
    {"Partager", "action"},
    {"Abonnez-vous à notre newsletter", "action"},
    {"Il vous reste 80 % de cet article à lire.", "action"},
    {"Photo : AFP", "credit"},
    {"© Reuters 2024", "credit"},
    {"(Avec AFP)", "credit"},
    {"Publié le 12 mars 2024 à 14h30", "time"},
    {"mercredi 12 février 2025", "time"},
    {"12/03/2024 à 14:30", "time"},
    {"Il y a 3 heures", "time"},
    {"March 3, 2025", "time"},
    {"Publicité", "advert"},
    {"Contexte", NULL},
    {"Développements", NULL},
    {"Introduction", NULL},
    {"Le Kremlin a annoncé des discussions.", NULL},
    {"En savoir plus sur le sujet, il faudra attendre.", NULL},
    {"Par ailleurs, le gouvernement a tranché.", NULL},
    {"Lire aussitôt", NULL},
};

static void test_shipped_patterns(void)
{
	CHECK(boilerplate_rules_count(rules) > 100);
	for (size_t i = 0; i < ARRAY_SIZE(shipped_cases); i++) {
		const char *l = shipped_cases[i].line,
			   *want = shipped_cases[i].cat;
		const char *got =
		    boilerplate_rules_match(rules, l, strlen(l), NULL);
		CHECK_MSG(want ? got && !strcmp(got, want) : !got,
			  "'%s': got %s, want %s", l, got ? got : "none",
			  want ? want : "none");
	}
}

/* ---- The seeds ----------------------------------------------------------- */

static const struct {
	const char *file;
	size_t start, end;
	const char *original; /* the removed bytes */
	const char *detail;
} seed_cases[] = {
    {"001_fbd1b2ad52eca990.txt", 0, 24, "poutine-trump-handshake\n",
     "URL slug"},
    {"002_a8a482ace9042be1.txt", 104, 115, "Nouvelles\n\n",
     "navigation pattern (fr)"},
    {"002_a8a482ace9042be1.txt", 115, 219, NULL, "repeated title line"},
    {"002_a8a482ace9042be1.txt", 3331, 3334, "\n\n.", "punctuation-only line"},
    {"002_a8a482ace9042be1.txt", 3334, 3346, "\nà l'étage",
     "dangling fragment after the text"},
    {"004_da83584cf16c9a63.txt", 2742, 2748, "\nToday",
     "navigation pattern (en)"},
};

static const char *const seed_files[] = {
    "000_248a1dcb4579d6bb.txt", "001_fbd1b2ad52eca990.txt",
    "002_a8a482ace9042be1.txt", "003_f4823d6193a1b3e5.txt",
    "004_da83584cf16c9a63.txt",
};

static void check_seed(const char *name, const char *text, size_t len)
{
	struct article a;
	size_t want = 0, k = 0;

	run(&a, text, len, NULL, 0);
	for (size_t i = 0; i < ARRAY_SIZE(seed_cases); i++)
		want += !strcmp(seed_cases[i].file, name);
	CHECK_MSG(a.nfindings == want, "%s: %zu findings, want %zu", name,
		  a.nfindings, want);
	for (size_t i = 0; i < ARRAY_SIZE(seed_cases) && a.nfindings == want;
	     i++) {
		const struct finding *f = &a.findings[k];
		if (strcmp(seed_cases[i].file, name))
			continue;
		k++;
		CHECK_EQ(f->kind, FK_BOILERPLATE);
		CHECK_EQ(f->start, seed_cases[i].start);
		CHECK_EQ(f->end, seed_cases[i].end);
		CHECK(f->applied);
		CHECK_STR(f->detail, seed_cases[i].detail);
		if (seed_cases[i].original)
			CHECK(f->end - f->start ==
				  strlen(seed_cases[i].original) &&
			      !memcmp(a.text + f->start, seed_cases[i].original,
				      f->end - f->start));
	}
	article_release(&a);
}

static void test_seeds(void)
{
	for (size_t i = 0; i < ARRAY_SIZE(seed_files); i++) {
		char path[512];
		char *text;
		size_t len;

		snprintf(path, sizeof(path), "%s/../corpora/seeds/%s",
			 RELIRE_DATA_DIR, seed_files[i]);
		if (read_file(path, (size_t)1 << 20, &text, &len) < 0)
			MISSING("seed articles not found in corpora/seeds");
		check_seed(seed_files[i], text, len);
		free(text);
	}
}

/* ---- Edge rules on synthetic articles ------------------------------------ */

#define BODY1                                                                  \
	"Le gouvernement a présenté mercredi un projet de loi sur "          \
	"l'énergie.\n"
#define BODY2                                                                  \
	"Les députés doivent l'examiner en séance publique dès le "        \
	"mois prochain.\n"

#define BODY2_NOBR                                                             \
	"Les députés doivent l'examiner en séance publique dès le mois "   \
	"prochain."

static const struct {
	const char *in;
	const char *out; /* cleaned text */
	size_t findings; /* applied or not */
} edge_cases[] = {
    /* residue at the head */
    {"Accueil > Monde > Europe\nUn projet de loi\n" BODY1 BODY2,
     "Un projet de loi\n" BODY1 BODY2, 1},
    {"Publié le 12 mars 2024 à 14h30\n\n" BODY1 BODY2, BODY1 BODY2, 1},
    {"https://www.example.com/politique/loi-energie\n" BODY1 BODY2, BODY1 BODY2,
     1},
    {"loi-energie-2024-vote\r\n" BODY1 BODY2, BODY1 BODY2, 1},
    {"Monde\nUn titre\n\nMonde\n" BODY1, "Un titre\n\n" BODY1, 2},
    /* residue at the tail */
    {BODY1 BODY2 "Partager sur Facebook\nTweeter\n", BODY1 BODY2 "", 2},
    {BODY1 BODY2 "\n***\n", BODY1 BODY2, 1},
    {BODY1 BODY2 "Lire aussi : Le nucléaire en débat.", BODY1 BODY2_NOBR, 1},
    {BODY1 "Les députés doivent l'examiner.\nde la semaine",
     BODY1 "Les députés doivent l'examiner.", 1},
    /* must stay: headings, ordinary first and last lines */
    {"Introduction\n" BODY1 "Contexte\n" BODY2 "Développements\n" BODY1,
     "Introduction\n" BODY1 "Contexte\n" BODY2 "Développements\n" BODY1, 0},
    {"Un projet de loi sur l'énergie\n\n" BODY1 BODY2,
     "Un projet de loi sur l'énergie\n\n" BODY1 BODY2, 0},
    {BODY1 BODY2 "Par ailleurs, le gouvernement a tranché.\n",
     BODY1 BODY2 "Par ailleurs, le gouvernement a tranché.\n", 0},
    {BODY1 BODY2 "Fin", BODY1 BODY2 "Fin", 0},
    {BODY1 "et puis il est parti loin", BODY1 "et puis il est parti loin",
     0},			   /* six words: not a fragment */
    {"à l'étage", "à l'étage", 0}, /* no text before it */
    {BODY1 "Le cessez-le-feu tient.\n", BODY1 "Le cessez-le-feu tient.\n", 0},
    {"", "", 0},
    /* a call to action inside the text is reported, not removed */
    {BODY1 "Lire aussi\n" BODY2 BODY1, BODY1 "Lire aussi\n" BODY2 BODY1, 1},
    /* kept with evidence: the only line of a record (--per-line) */
    {"Nouvelles\n", "Nouvelles\n", 1},
    {"Accueil > Monde > Europe", "Accueil > Monde > Europe", 1},
    {"poutine-trump-handshake", "poutine-trump-handshake", 1},
    {"\n\n.\n", "\n\n.\n", 1},
    /* kept: non-Latin script, symbols, sentence content */
    {BODY1 BODY2 "\nмосква сегодня", BODY1 BODY2 "\nмосква сегодня", 1},
    {BODY1 BODY2 "\n+ + +\n", BODY1 BODY2 "\n+ + +\n", 0},
    {BODY1 BODY2 "\n★★★\n", BODY1 BODY2 "\n★★★\n", 0},
    {"Publié le 12 mars, le rapport a surpris tout le monde.\n" BODY1,
     "Publié le 12 mars, le rapport a surpris tout le monde.\n" BODY1, 1},
};

static void test_edges(void)
{
	for (size_t i = 0; i < ARRAY_SIZE(edge_cases); i++) {
		size_t n;
		char *got = cleaned(edge_cases[i].in, NULL, 0, &n);

		CHECK_MSG(!strcmp(got, edge_cases[i].out),
			  "case %zu: got "
			  "\"%s\"",
			  i, got);
		CHECK_MSG(n == edge_cases[i].findings, "case %zu: %zu findings",
			  i, n);
		free(got);
	}
}

/* ---- Corpus-level counts ------------------------------------------------- */

static void collect_text(struct bp_counts *c, const char *text)
{
	struct article a;
	struct view v;

	article_init(&a, "t");
	article_set_text(&a, xstrdup(text), strlen(text));
	view_build(&v, &a);
	bp_counts_collect(c, &v);
	view_release(&v);
	article_release(&a);
}

/* Article i of a synthetic site: a template line at the head, an
 * advertising marker and a real heading inside, its own story. */
static char *site_article(size_t i)
{
	struct strbuf sb;

	sb_init(&sb);
	sb_addf(&sb,
		"Le fil info\nTitre numéro %zu du jour\n"
		"Le paragraphe %zu raconte une histoire assez longue.\n"
		"-- annonce --\n"
		"Un autre paragraphe %zu suit avec une phrase complète.\n"
		"Contexte\n"
		"Le dernier paragraphe %zu conclut le récit du jour.\n",
		i, i, i, i);
	return sb_detach(&sb, NULL);
}

static const char dup_article[] =
    "Un titre repris trois fois\n"
    "Le même texte copié dans trois pages différentes du site.\n";

static struct bp_counts *site_counts(size_t from, size_t step)
{
	struct bp_counts *c = bp_counts_new();

	for (size_t i = from; i < 10; i += step) {
		char *t = site_article(i);
		collect_text(c, t);
		free(t);
	}
	for (size_t i = from; i < 3; i += step)
		collect_text(c, dup_article);
	return c;
}

static const struct {
	const char *line;
	size_t articles, distinct;
} count_cases[] = {
    {"Le fil info", 10, 10},
    {"  LE FIL   INFO ", 10, 10},
    {"-- annonce --", 10, 10},
    {"Contexte", 10, 10},
    {"Titre numéro 3 du jour", 1, 1},
    {"Un titre repris trois fois", 3, 1}, /* copies of one article */
    {"Jamais vu", 0, 0},
};

static void check_counts(const struct bp_counts *c)
{
	CHECK_EQ(bp_counts_articles(c), 13);
	for (size_t i = 0; i < ARRAY_SIZE(count_cases); i++) {
		size_t d;
		const char *l = count_cases[i].line;
		size_t n = bp_counts_get(c, l, strlen(l), &d);
		CHECK_MSG(n == count_cases[i].articles &&
			      d == count_cases[i].distinct,
			  "'%s': %zu (%zu distinct)", l, n, d);
	}
}

static void test_counts_merge_and_shards(void)
{
	struct bp_counts *all = site_counts(0, 1);
	struct bp_counts *even = site_counts(0, 2), *odd = site_counts(1, 2);
	struct bp_counts *back = bp_counts_new();
	char path[] = "/tmp/relire-bp-XXXXXX";
	int fd = mkstemp(path);

	check_counts(all);
	bp_counts_merge(even, odd);
	check_counts(even);
	CHECK(fd >= 0);
	CHECK_EQ(bp_counts_write(even, path, 1), 0);
	CHECK_EQ(bp_counts_read(back, path), 0);
	check_counts(back);
	CHECK_EQ(bp_counts_size(back), bp_counts_size(all));
	CHECK_EQ(bp_counts_write(even, path, 3), 0); /* recurring lines only */
	bp_counts_free(back);
	back = bp_counts_new();
	CHECK_EQ(bp_counts_read(back, path), 0);
	CHECK_EQ(bp_counts_size(back), 4);
	remove(path);
	if (fd >= 0)
		close(fd);
	bp_counts_free(all);
	bp_counts_free(even);
	bp_counts_free(odd);
	bp_counts_free(back);
}

static const char *const bad_shards[] = {
    "record,line,articles,same,ident\r\nline,x,two,1,00\r\n",
    "record,line,articles,same,ident\r\nline,x,1,2,00\r\n",
    "record,line,articles,same,ident\r\nword,x,1,1,00\r\n",
    "record,line,articles,same,ident\r\nline,x,1,1\r\n",
    "record,line,articles,same,ident\r\nline,,1,1,00\r\n",
    "record,line,articles,same,ident\r\nline,x,1,1,zz\r\n",
};

static void test_counts_bad_shards(void)
{
	char path[] = "/tmp/relire-bp-XXXXXX";
	int fd = mkstemp(path);

	CHECK(fd >= 0);
	for (size_t i = 0; i < ARRAY_SIZE(bad_shards) && fd >= 0; i++) {
		struct bp_counts *c = bp_counts_new();
		FILE *fp = fopen(path, "w");
		fputs(bad_shards[i], fp);
		fclose(fp);
		CHECK_MSG(bp_counts_read(c, path) == -1, "accepted shard %zu",
			  i);
		bp_counts_free(c);
	}
	remove(path);
	if (fd >= 0)
		close(fd);
}

static void test_counts_eviction(void)
{
	struct bp_counts *c = bp_counts_new();
	char text[128];

	bp_counts_set_cap(c, 16);
	for (size_t i = 0; i < 200; i++) {
		snprintf(text, sizeof(text),
			 "Rubrique du site\nLigne unique %zu\n", i);
		collect_text(c, text);
	}
	CHECK(bp_counts_size(c) <= 16);
	CHECK(bp_counts_evictions(c) > 0);
	CHECK_EQ(bp_counts_get(c, "Rubrique du site", 16, NULL), 200);
	bp_counts_free(c);
}

static void test_recurring_detection(void)
{
	struct bp_counts *c = site_counts(0, 1);
	char *t = site_article(4);
	struct article a;
	const char *want_kept = "; kept: a heading inside the article";

	run(&a, t, strlen(t), c, 0);
	CHECK_EQ(a.nfindings, 3);
	if (a.nfindings == 3) {
		CHECK_STR(a.findings[0].detail,
			  "line carried by 10 of 13 articles");
		CHECK(a.findings[0].applied);
		CHECK(!memcmp(a.text + a.findings[0].start, "Le fil info\n",
			      a.findings[0].end - a.findings[0].start));
		CHECK(a.findings[1].applied);  /* "-- annonce --" */
		CHECK(!a.findings[2].applied); /* "Contexte" is a heading */
		CHECK(strstr(a.findings[2].detail, want_kept) != NULL);
	}
	article_release(&a);
	/* copies of one article do not make their title recurring */
	run(&a, dup_article, strlen(dup_article), c, 0);
	CHECK_EQ(a.nfindings, 0);
	article_release(&a);
	/* below the threshold of a large batch nothing recurs */
	run(&a, t, strlen(t), c, 5000);
	CHECK_EQ(a.nfindings, 0);
	article_release(&a);
	free(t);
	bp_counts_free(c);
}

static const struct {
	size_t n, want;
} thresholds[] = {
    {0, 3}, {5, 3}, {300, 3}, {301, 4}, {1000, 10}, {5000, 50}, {1000000, 50},
};

static void test_threshold(void)
{
	for (size_t i = 0; i < ARRAY_SIZE(thresholds); i++)
		CHECK_EQ(bp_recur_threshold(thresholds[i].n),
			 thresholds[i].want);
}

int main(void)
{
	seg = segmenter_new("fr");
	rules = boilerplate_rules_load(RELIRE_DATA_DIR);
	if (!seg || !rules)
		return 1;
	RUN(test_pattern_syntax);
	RUN(test_pattern_errors);
	RUN(test_shipped_patterns);
	RUN(test_seeds);
	RUN(test_edges);
	RUN(test_counts_merge_and_shards);
	RUN(test_counts_bad_shards);
	RUN(test_counts_eviction);
	RUN(test_recurring_detection);
	RUN(test_threshold);
	boilerplate_rules_free(rules);
	segmenter_free(seg);
	return harness_done();
}
