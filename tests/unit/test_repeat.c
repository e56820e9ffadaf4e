/*
 * test_repeat.c - the repetition stage (repeat.h) on short French texts:
 * for each input, the exact findings (kind, byte span, replacement,
 * applied) and the cleaned text. Includes the cases of the seed articles
 * and of WMT22 system LT22 line 1184, written here as literals. Fails
 * without the French Hunspell dictionary.
 */
#include <stdio.h>
#include <string.h>

#include "common/article.h"
#include "common/dict.h"
#include "harness.h"
#include "stage_run.h"
#include "common/segment.h"
#include "common/util.h"
#include "common/view.h"
#include "common/wordlist.h"
#include "detect/repeat.h"

static struct segmenter *seg;
static struct dict *dict;
static struct wordlist doubles;
static struct repeat_rules rules;
static const struct repeat_rules *cur_rules = &rules; /* of the table run */

struct want {
	enum finding_kind kind;
	size_t start, end;
	const char *repl;
	int applied;
};

struct rcase {
	const char *text;
	const char *clean; /* cleaned text, NULL: same as text */
	int needs_dict;
	size_t n;
	struct want f[3];
};

static void repeat_stage(struct article *a, const struct view *v,
			 const struct tokens *ts, void *cfg)
{
	repeat_detect(a, v, ts, cfg);
}

static struct dict *english; /* the dictionary dict_for gives */

static struct dict *dict_for(void *ctx, const char *lang)
{
	(void)ctx;
	return strcmp(lang, "en") ? NULL : english;
}

static void run(struct article *a, const char *text, struct dict *dc)
{
	struct repeat_config cfg = {&doubles, dc, cur_rules, dict_for, NULL};

	stage_article(a, text, strlen(text));
	stage_on(seg, a, repeat_stage, &cfg);
}

static void check_case(const struct rcase *c, struct dict *dc)
{
	struct article a;
	size_t len;
	char *clean;

	run(&a, c->text, dc);
	CHECK_MSG(a.nfindings == c->n, "%s: %zu findings, want %zu", c->text,
		  a.nfindings, c->n);
	for (size_t i = 0; i < a.nfindings && i < c->n; i++) {
		const struct finding *f = &a.findings[i];
		const struct want *w = &c->f[i];

		CHECK_MSG(f->kind == w->kind && f->start == w->start &&
			      f->end == w->end && f->applied == w->applied,
			  "%s: finding %zu is %s [%zu,%zu) applied=%d (%s)",
			  c->text, i, finding_kind_name(f->kind), f->start,
			  f->end, f->applied, f->detail ? f->detail : "");
		CHECK_STR(f->replacement, w->repl);
	}
	clean = article_clean_text(&a, &len);
	CHECK_STR(clean, c->clean ? c->clean : c->text);
	free(clean);
	article_release(&a);
}

static void run_table(const struct rcase *cases, size_t n, int with_dict)
{
	for (size_t i = 0; i < n; i++)
		if (!cases[i].needs_dict || with_dict)
			check_case(&cases[i], with_dict ? dict : NULL);
}

static void test_words(void)
{
	static const struct rcase cases[] = {
	    {"le le chat", "le chat", 0, 1, {{FK_WORD_REPEAT, 2, 5, "", 1}}},
	    {"Le le chat", "Le chat", 0, 1, {{FK_WORD_REPEAT, 2, 5, "", 1}}},
	    /* a capital restarts: a lost boundary, not a repetition */
	    {"poursuit-il Il n'y a rien.", NULL, 0, 0, {{0}}},
	    /* a word glued to a symbol is part of a code */
	    {"Idioma Español=es es", NULL, 0, 0, {{0}}},
	    /* a false start repeats the letters as written */
	    {"web WEBHOUSE, diseño de EB", NULL, 0, 0, {{0}}},
	    /* WMT22 de-fr, system LT22, line 1184 */
	    {"qu'ils te te te te te te te te la vie",
	     "qu'ils te la vie",
	     0,
	     1,
	     {{FK_WORD_REPEAT, 9, 30, "", 1}}},
	    /* seed 003: a prefix stutter keeps the full word */
	    {"Ukraine-Wich Wich Wichoff après",
	     "Ukraine-Wichoff après",
	     0,
	     1,
	     {{FK_WORD_REPEAT, 8, 18, "", 1}}},
	    /* legitimate doubles (dictionaries/fr/doubles.txt) */
	    {"Nous nous sommes vus.", NULL, 0, 0, {{0}}},
	    {"Vous vous êtes trompés.", NULL, 0, 0, {{0}}},
	    {"Oh là là, le wifi.", NULL, 0, 0, {{0}}},
	    {"par son son très clair", NULL, 0, 0, {{0}}},
	    /* three copies of a legitimate double keep two */
	    {"vous vous vous",
	     "vous vous",
	     0,
	     1,
	     {{FK_WORD_REPEAT, 9, 14, "", 1}}},
	    /* numbers and compounds are not repeated words */
	    {"Les scores 10 10 et 3 3.", NULL, 0, 0, {{0}}},
	    {"Elle elle-même a vécu là.", NULL, 0, 0, {{0}}},
	    /* fragments that are words are plain doubles */
	    {"de de deux", "de deux", 1, 1, {{FK_WORD_REPEAT, 2, 5, "", 1}}},
	    {"la lampe et de deux", NULL, 1, 0, {{0}}},
	    /* a heading joined to its paragraph by a flattened page (Debian
	     * documentation): a section number or a label in capitals opens
	     * it, the paragraph starts with its last word; reported only */
	    {"12.1.2. LVM LVM, ou Logical Volume Manager, est une aide.",
	     NULL,
	     0,
	     1,
	     {{FK_WORD_REPEAT, 11, 15, "", 0}}},
	    {"9.8. Planification asynchrone : anacron anacron est le "
	     "d\u00E9mon.",
	     NULL,
	     0,
	     1,
	     {{FK_WORD_REPEAT, 39, 47, "", 0}}},
	    {"CULTURE Git Git est un outil.",
	     NULL,
	     0,
	     1,
	     {{FK_WORD_REPEAT, 11, 15, "", 0}}},
	    /* a lower-case word the dictionary does not know, said twice:
	     * a word copied untranslated, a command, a table's two cells;
	     * reported only */
	    {"Bracelets verre et m\u00E9tal bling bling",
	     NULL,
	     1,
	     1,
	     {{FK_WORD_REPEAT, 31, 37, "", 0}}},
	    {"sendmail sendmail lire les courriels",
	     NULL,
	     1,
	     1,
	     {{FK_WORD_REPEAT, 8, 17, "", 0}}},
	    /* an initial or a year is no section number */
	    {"M. Snowden a fait fait l'objet d'une enqu\u00EAte.",
	     "M. Snowden a fait l'objet d'une enqu\u00EAte.",
	     0,
	     1,
	     {{FK_WORD_REPEAT, 17, 22, "", 1}}},
	    {"Il est parti en 2013. Le Le gouvernement a suivi.",
	     "Il est parti en 2013. Le gouvernement a suivi.",
	     0,
	     1,
	     {{FK_WORD_REPEAT, 24, 27, "", 1}}},
	};

	run_table(cases, ARRAY_SIZE(cases), dict != NULL);
}

static void test_phrases(void)
{
	static const struct rcase cases[] = {
	    {"Il a dit a dit que non.",
	     "Il a dit que non.",
	     0,
	     1,
	     {{FK_PHRASE_REPEAT, 8, 14, "", 1}}},
	    {"Il a dit que la guerre est finie. Il a dit que la guerre "
	     "est finie. Puis il est parti.",
	     "Il a dit que la guerre est finie. Puis il est parti.",
	     0,
	     1,
	     {{FK_PHRASE_REPEAT, 33, 67, "", 1}}},
	    /* a loop of a 9-word unit, three copies: one finding */
	    {"le chat noir mange la souris grise du voisin le chat noir "
	     "mange la souris grise du voisin le chat noir mange la "
	     "souris grise du voisin ce matin",
	     "le chat noir mange la souris grise du voisin ce matin",
	     0,
	     1,
	     {{FK_PHRASE_REPEAT, 44, 134, "", 1}}},
	    /* seed 003: repeated later in the sentence, reported only */
	    {"Poutine a convenu de l’infrastructure énergétique "
	     "ukrainienne pour suspendre l’infrastructure énergétique "
	     "ukrainienne sur une suspension.",
	     NULL,
	     0,
	     1,
	     {{FK_PHRASE_REPEAT, 81, 125, "", 0}}},
	    /* a capital restarts: a lost sentence or heading boundary, not
	     * a repetition */
	    {"déclaré les autorités Les autorités ont saisi",
	     NULL,
	     0,
	     0,
	     {{0}}},
	    /* a word doubled inside the copies does not hide the phrase
	     * (a second run, without the double, would find it) */
	    {"Vidéo de ski Publiée le le 07 mars 2013 Vidéo de ski "
	     "Publiée le le 07 mars 2013 par lui",
	     "Vidéo de ski Publiée le 07 mars 2013 par lui",
	     0,
	     2,
	     {{FK_WORD_REPEAT, 25, 28, "", 1},
	      {FK_PHRASE_REPEAT, 41, 83, "", 1}}},
	    /* rhetoric, not repetition */
	    {"Il pleut encore et encore et il fait froid.", NULL, 0, 0, {{0}}},
	    {"la ligne « protection des frontières, protection des "
	     "frontières, protection des frontières » a été renforcée",
	     NULL,
	     0,
	     0,
	     {{0}}},
	    {"Elle était assez folle pour y croire et elle était assez "
	     "folle pour y arriver.",
	     NULL,
	     0,
	     0,
	     {{0}}},
	    {"Non, non, non, dit-il.", NULL, 0, 0, {{0}}},
	    /* a heading and the paragraph it opens (repeat_doc_after_heading),
	     * a short unit and a long one: reported only */
	    {"11.5.2.1. Le programme smbclient Le programme smbclient "
	     "interroge les serveurs.",
	     NULL,
	     0,
	     1,
	     {{FK_PHRASE_REPEAT, 33, 55, "", 0}}},
	    {"2.6.2. Les erreurs du cache des paquets de la machine Les "
	     "erreurs du cache des paquets de la machine provoquent des "
	     "erreurs.",
	     NULL,
	     0,
	     1,
	     {{FK_PHRASE_REPEAT, 54, 100, "", 0}}},
	};

	run_table(cases, ARRAY_SIZE(cases), dict != NULL);
}

/* Loops joined by separators (repeat_loops.c), clauses said again, the
 * grammar of legitimate doubles (dictionaries/fr/repeat-rules.txt). */
static void test_loops(void)
{
	static const struct rcase cases[] = {
	    /* hyphens: the first copy stays joined to the word */
	    {"Les membres du pre-pre-pre-pre-conseil.",
	     "Les membres du pre-conseil.",
	     0,
	     1,
	     {{FK_PHRASE_REPEAT, 18, 30, "", 1}}},
	    /* slashes */
	    {"Il a dit new/new/new/new ici.",
	     "Il a dit new ici.",
	     0,
	     1,
	     {{FK_PHRASE_REPEAT, 12, 24, "", 1}}},
	    /* commas and a conjunction: the first copy stays */
	    {"Attends, attends, attends ou attends.",
	     "Attends.",
	     0,
	     1,
	     {{FK_PHRASE_REPEAT, 7, 36, "", 1}}},
	    /* three copies may be a faithful triple: reported */
	    {"Nous avons vu le projet, le projet, le projet hier.",
	     NULL,
	     0,
	     1,
	     {{FK_PHRASE_REPEAT, 23, 45, "", 0}}},
	    /* a clause said again after a comma */
	    {"Le contrat a été signé par le ministre, et a été signé par le "
	     "ministre.",
	     "Le contrat a été signé par le ministre.",
	     0,
	     1,
	     {{FK_PHRASE_REPEAT, 41, 76, "", 1}}},
	    /* a sentence that is one phrase said twice: short, it may be
	     * epizeuxis (reported); long, a loop (removed) */
	    {"Merci pour tout, merci pour tout.",
	     NULL,
	     0,
	     1,
	     {{FK_PHRASE_REPEAT, 15, 32, "", 0}}},
	    {"Le ministre des finances a signé, le ministre des finances a "
	     "signé.",
	     "Le ministre des finances a signé.",
	     0,
	     1,
	     {{FK_PHRASE_REPEAT, 33, 68, "", 1}}},
	    /* emphasis may be faithful: reported */
	    {"C'est très très bien.",
	     NULL,
	     0,
	     1,
	     {{FK_WORD_REPEAT, 11, 17, "", 0}}},
	    /* a false start before the full word */
	    {"Le gouv gouvernement a parlé.",
	     "Le gouvernement a parlé.",
	     0,
	     1,
	     {{FK_WORD_REPEAT, 3, 8, "", 1}}},
	    /* English words before a longer word: a menu in two
	     * languages, copied untranslated, no false start */
	    {"Le menu Fast Down Download est en haut.", NULL, 1, 0, {{0}}},
	    /* the same fragment in French words is a false start */
	    {"Le menu gratuit Down Download est en haut.",
	     "Le menu gratuit Download est en haut.",
	     1,
	     1,
	     {{FK_WORD_REPEAT, 16, 21, "", 1}}},
	    /* two copies of lower-case words the dictionary does not know
	     * were copied from the source untranslated: reported */
	    {"Le site est géré par triboo digitalia triboo digitalia à Milan.",
	     NULL,
	     1,
	     1,
	     {{FK_PHRASE_REPEAT, 40, 56, "", 0}}},
	    /* a repeat running into a longer term is a list */
	    {"le taux, le taux plein", NULL, 0, 0, {{0}}},
	    {"la taxe carbone, la taxe carbone réduite", NULL, 0, 0, {{0}}},
	    /* interjections and quoted slogans */
	    {"Non, non, non, dit-il.", NULL, 0, 0, {{0}}},
	    {"la ligne « protection, protection, protection, protection » "
	     "gagne",
	     NULL,
	     0,
	     0,
	     {{0}}},
	    /* one word of the dictionary */
	    {"Le bla-bla-bla des politiciens.", NULL, 1, 0, {{0}}},
	    /* a double of two copies with a separator */
	    {"C'est un so-so, un bye-bye.", NULL, 0, 0, {{0}}},
	    /* grammatical doubles (repeat-rules.txt) */
	    {"Nous nous sommes vus et vous vous êtes trompés.",
	     NULL,
	     0,
	     0,
	     {{0}}},
	    {"La politique de de Gaulle.", NULL, 0, 0, {{0}}},
	    /* disjunctive then object pronoun; gerund "en" then pronoun
	     * "en" before a participle in -ant, not before a noun */
	    {"L'homme devant lui lui présenta une bouteille.",
	     NULL,
	     0,
	     0,
	     {{0}}},
	    {"Je lui lui prêtais mon corps.",
	     "Je lui prêtais mon corps.",
	     0,
	     1,
	     {{FK_WORD_REPEAT, 6, 10, "", 1}}},
	    {"Reviens en en apportant plus.", NULL, 0, 0, {{0}}},
	    {"Classés en en zone rouge.",
	     "Classés en zone rouge.",
	     0,
	     1,
	     {{FK_WORD_REPEAT, 11, 14, "", 1}}},
	    /* "à ce que" then a relative "ce que" (doubles.txt) */
	    {"Il veille à ce que ce que l'on dit soit vrai.",
	     NULL,
	     0,
	     0,
	     {{0}}},
	    /* gapping: "X est X et Y [est] Y" */
	    {"Mon week-end était mon week-end et ma fin de journée ma fin "
	     "de journée.",
	     NULL,
	     0,
	     0,
	     {{0}}},
	    /* a list of terms (few function words): an item, then a
	     * longer one that starts with it */
	    {"Zeiss VisuCard Loupe Loupe Carte crédit Agrandissement Poche "
	     "Lecture Aide Optique Verre Étui",
	     NULL,
	     0,
	     0,
	     {{0}}},
	    /* a capital letter named, then the same letter as a word */
	    {"Tout de la A a la Z.", NULL, 0, 0, {{0}}},
	    /* two copies of an exclamation: speech */
	    {"Il criait : « Au secours ! au secours ! »", NULL, 0, 0, {{0}}},
	};
	/* Epizeuxis (Grammalecte's correct sentences, from Maupassant's "Le
	 * Horla"), and the real loops beside them (WMT22 de-fr, LT22 624). */
	static const struct rcase figures[] = {
	    /* two or three copies of a sentence or an exclamation */
	    {"Oubliez-moi, épargnez-moi. Épargnez-moi.", NULL, 0, 0, {{0}}},
	    {"Oh ! mon Dieu ! Mon Dieu ! Mon Dieu ! Est-il un Dieu ?",
	     NULL,
	     0,
	     0,
	     {{0}}},
	    {"Nous ne devons jamais, jamais, jamais! le faire.",
	     NULL,
	     0,
	     0,
	     {{0}}},
	    /* said again before an exclamation or a suspension */
	    {"je l'enfermai, tout seul, tout seul ! Quelle joie !",
	     NULL,
	     0,
	     0,
	     {{0}}},
	    {"Non… non… sans aucun doute, sans aucun doute… il n'est pas "
	     "mort.",
	     NULL,
	     0,
	     0,
	     {{0}}},
	    /* the second copy runs on into a longer segment */
	    {"Je regardais, je vis, je vis distinctement la tige se plier.",
	     NULL,
	     0,
	     0,
	     {{0}}},
	    {"Elle subissait, comme une autre âme, comme une autre âme "
	     "parasite.",
	     NULL,
	     0,
	     0,
	     {{0}}},
	    /* a short clause without a content word said twice */
	    {"Au bout de quatre minutes, je vis, je vis, oui, je vis une "
	     "page.",
	     NULL,
	     0,
	     0,
	     {{0}}},
	    {"CÉLIMÈNE. Je le veux, je le veux.", NULL, 0, 0, {{0}}},
	    /* a period after a number ends no sentence: a heading
	     * repeated */
	    {"Chapitre 1. Outils Chapitre 1. Outils Chapitre 1. Outils Table",
	     "Chapitre 1. Outils Table",
	     0,
	     1,
	     {{FK_PHRASE_REPEAT, 18, 56, "", 1}}},
	    /* a noun phrase said twice, closed by its comma: a loop */
	    {"La classification, la classification, le prix sont fixés.",
	     "La classification, le prix sont fixés.",
	     0,
	     1,
	     {{FK_PHRASE_REPEAT, 18, 37, "", 1}}},
	};

	run_table(figures, ARRAY_SIZE(figures), dict != NULL);

	run_table(cases, ARRAY_SIZE(cases), dict != NULL);
}

/* The rules of other languages (dictionaries/LANG/repeat-rules.txt). */
static void test_other_languages(void)
{
	static const struct rcase de[] = {
	    /* relative pronoun + article, subject + object pronoun */
	    {"Frauen, die die Kinder betreuen.", NULL, 0, 0, {{0}}},
	    {"in denen sie sie begleitete", NULL, 0, 0, {{0}}},
	    /* noun-preposition-noun, then the infinitive's "zu" */
	    {"von Stadt zu Stadt zu ermutigen", NULL, 0, 0, {{0}}},
	    /* emphasis: reported */
	    {"Das ist sehr sehr gut.",
	     NULL,
	     0,
	     1,
	     {{FK_WORD_REPEAT, 12, 17, "", 0}}},
	    /* a term taken up after a preposition */
	    {"Der Minister für Bildung, Hochschulbildung und "
	     "wissenschaftliche Forschung, zuständig für Hochschulbildung "
	     "und wissenschaftliche Forschung, sprach.",
	     NULL,
	     0,
	     0,
	     {{0}}},
	    /* a conjunction joins the copies of a loop */
	    {"warte und warte und warte und warte.",
	     "warte.",
	     0,
	     1,
	     {{FK_PHRASE_REPEAT, 5, 35, "", 1}}},
	};
	static const struct rcase en[] = {
	    {"They had had enough, he said that that was all.",
	     NULL,
	     0,
	     0,
	     {{0}}},
	    /* a parallel: the copies' complements differ */
	    {"The difference between an adult author writing for an adult "
	     "and an adult author writing for a child is hope.",
	     NULL,
	     0,
	     0,
	     {{0}}},
	    {"It is very very good.",
	     NULL,
	     0,
	     1,
	     {{FK_WORD_REPEAT, 10, 15, "", 0}}},
	    {"Wait, wait, wait or wait.",
	     "Wait.",
	     0,
	     1,
	     {{FK_PHRASE_REPEAT, 4, 24, "", 1}}},
	};
	/* headings, menus and table rows of scraped pages (ParaCrawl) */
	static const struct rcase es[] = {
	    {"Inglés Muy bueno Muy bueno", NULL, 0, 0, {{0}}},
	    {"Liga Super Liga (China) Super Liga (China)", NULL, 0, 0, {{0}}},
	    {"De acuerdo, de acuerdo, parece razonable, pero, ¿qué "
	     "rendimiento tendrá el F1?",
	     NULL,
	     0,
	     0,
	     {{0}}},
	    /* keyword stuffing: a loop of the page */
	    {"venta casa BEZIERS casa BEZIERS casa BEZIERS casa BEZIERS",
	     "venta casa BEZIERS",
	     0,
	     1,
	     {{FK_PHRASE_REPEAT, 18, 57, "", 1}}},
	};
	static const struct rcase it[] = {
	    {"Casa di Mozart a Vienna Vienna Card", NULL, 0, 0, {{0}}},
	    {"Accessori Costumi Trucco Calze Calze Fantasiose Body Danza",
	     NULL,
	     0,
	     0,
	     {{0}}},
	    {"Se non non accetti i cookie, esci.",
	     "Se non accetti i cookie, esci.",
	     0,
	     1,
	     {{FK_WORD_REPEAT, 6, 10, "", 1}}},
	};
	static const struct {
		const char *lang;
		const struct rcase *cases;
		size_t n;
	} langs[] = {{"es", es, ARRAY_SIZE(es)}, {"it", it, ARRAY_SIZE(it)}};
	struct repeat_rules r;

	for (size_t i = 0; i < ARRAY_SIZE(langs); i++) {
		char path[256];

		snprintf(path, sizeof(path), "%s/%s/repeat-rules.txt",
			 RELIRE_DATA_DIR, langs[i].lang);
		repeat_rules_init(&r);
		CHECK(repeat_rules_load(&r, path, 0) == 0);
		cur_rules = &r;
		run_table(langs[i].cases, langs[i].n, 0);
		repeat_rules_release(&r);
	}
	repeat_rules_init(&r);
	CHECK(repeat_rules_load(&r, RELIRE_DATA_DIR "/de/repeat-rules.txt",
				0) == 0);
	cur_rules = &r;
	run_table(de, ARRAY_SIZE(de), 0);
	repeat_rules_release(&r);
	repeat_rules_init(&r);
	CHECK(repeat_rules_load(&r, RELIRE_DATA_DIR "/en/repeat-rules.txt",
				0) == 0);
	run_table(en, ARRAY_SIZE(en), 0);
	repeat_rules_release(&r);
	cur_rules = &rules;
	/* a line that is no rule is an error */
	repeat_rules_init(&r);
	CHECK(repeat_rules_load(&r, RELIRE_DATA_DIR "/fr/doubles.txt", 0) < 0);
	repeat_rules_release(&r);
}

static void test_lines(void)
{
	static const struct rcase cases[] = {
	    /* seed 002: the title printed twice */
	    {"Titre de la page ici\n\nNouvelles\n\nTitre de la page ici\n\n"
	     "Corps du texte.",
	     "Titre de la page ici\n\nNouvelles\n\nCorps du texte.",
	     0,
	     1,
	     {{FK_DUPLICATE_LINE, 33, 55, "", 1}}},
	    /* equal after case folding and white space */
	    {"Une ligne de texte\nAutre chose\nune  ligne de TEXTE",
	     "Une ligne de texte\nAutre chose",
	     0,
	     1,
	     {{FK_DUPLICATE_LINE, 30, 50, "", 1}}},
	    /* short lines are left to the boilerplate stage */
	    {"Photo AFP\ntexte\nPhoto AFP\n", NULL, 0, 0, {{0}}},
	};

	run_table(cases, ARRAY_SIZE(cases), dict != NULL);
}

static void test_chars(void)
{
	static const struct rcase cases[] = {
	    /* seed 003: found with its unit and span, collapsed word
	     * unknown, so not applied */
	    {"l’insertion d’énergie ukrainienne FrastrastrastrastRastrast"
	     "RastrastRastrastRastrastRastrastrastuct.",
	     NULL,
	     0,
	     1,
	     {{FK_CHAR_REPEAT, 40, 100, "rast", 0}}},
	    /* the collapsed word occurs elsewhere in the article */
	    {"L'infrastructure et l'infrastrastrastructure.",
	     "L'infrastructure et l'infrastructure.",
	     0,
	     1,
	     {{FK_CHAR_REPEAT, 25, 38, "rastr", 1}}},
	    /* the collapsed word is in the dictionary */
	    {"Le réseau infrastrastrastructure est vieux.",
	     "Le réseau infrastructure est vieux.",
	     1,
	     1,
	     {{FK_CHAR_REPEAT, 14, 27, "rastr", 1}}},
	    /* not findings: short repeats, numbers, quoted laughter */
	    {"Le Mississippi, le cocorico, un bonbon, 1000000 et 2020202.",
	     NULL,
	     0,
	     0,
	     {{0}}},
	    {"« Hahaha ! » a-t-il écrit, puis « hihihi ».", NULL, 0, 0, {{0}}},
	    {"Un ananas et une banane.", NULL, 1, 0, {{0}}},
	};

	run_table(cases, ARRAY_SIZE(cases), dict != NULL);
}

/* One repetition of each kind in one article, offsets exact after the
 * earlier repairs of the same stage. */
static void test_together(void)
{
	static const struct rcase cases[] = {
	    {"Le titre de cet article\nLe le chat a dit a dit bonjour.\n"
	     "Le titre de cet article\n",
	     "Le titre de cet article\nLe chat a dit bonjour.\n",
	     0,
	     3,
	     {{FK_WORD_REPEAT, 26, 29, "", 1},
	      {FK_PHRASE_REPEAT, 40, 46, "", 1},
	      {FK_DUPLICATE_LINE, 56, 80, "", 1}}},
	};

	run_table(cases, ARRAY_SIZE(cases), dict != NULL);
}

int main(void)
{
	seg = segmenter_new("fr");
	if (!seg)
		return harness_missing("no ICU word segmenter for 'fr'");
	wordlist_init(&doubles);
	repeat_rules_init(&rules);
	if (repeat_rules_load(&rules, RELIRE_DATA_DIR "/fr/repeat-rules.txt",
			      0) < 0)
		return 1;
	if (wordlist_load(&doubles, RELIRE_DATA_DIR "/fr/doubles.txt", 0) < 0)
		return 1;
	dict = dict_open("fr", NULL, RELIRE_DATA_DIR);
	if (!dict)
		return harness_missing("no French Hunspell dictionary (Debian "
				       "package hunspell-fr)");
	english = dict_open("en", NULL, RELIRE_DATA_DIR);
	if (!english)
		return harness_missing("no English Hunspell dictionary (Debian "
				       "package hunspell-en-us)");
	RUN(test_words);
	RUN(test_phrases);
	RUN(test_loops);
	RUN(test_other_languages);
	RUN(test_lines);
	RUN(test_chars);
	RUN(test_together);
	dict_free(dict);
	dict_free(english);
	wordlist_release(&doubles);
	repeat_rules_release(&rules);
	segmenter_free(seg);
	return harness_done();
}
