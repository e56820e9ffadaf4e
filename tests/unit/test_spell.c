/*
 * test_spell.c - the spelling detector on French sentences: what is
 * accepted, what is a name, what is a misspelling and which repairs are
 * applied (the rules of spell.h). Fails without the French dictionary;
 * the German cases skip without theirs (and fail under RELIRE_STRICT).
 */
#include <pthread.h>
#include <string.h>

#include "common/article.h"
#include "common/dict.h"
#include "harness.h"
#include "stage_run.h"
#include "common/segment.h"
#include "common/util.h"
#include "common/view.h"
#include "detect/spell.h"
#include "detect/suggest.h"

static struct dict *dict;
static struct segmenter *seg;
static struct spell_state *state;

static void spell_stage(struct article *a, const struct view *v,
			const struct tokens *ts, void *ctx)
{
	(void)ctx;
	spell_detect(a, v, ts, dict, state);
}

/* Run the detector on text; findings land in a (caller releases). */
static void run(struct article *a, const char *text)
{
	stage_article(a, text, strlen(text));
	stage_on(seg, a, spell_stage, NULL);
}

/* Sentences without any misspelling (names may be reported). */
static void test_accepted(void)
{
	static const char *const ok[] = {
	    "Le cessez-le-feu tient depuis hier.",
	    "L’OTAN et l'ONU disent qu’il viendra aujourd’hui.",
	    "Au XXIe siècle, le 3e et le 1er jour, Louis XIV régnait.",
	    "Voir https://www.exemple.fr/abc-def ou écrire à "
	    "jean.dupont@exemple.fr, #Ukrainee et @elyseee.",
	    "Une oeuvre, un évènement, l'Etat et les ETATS-UNIS.",
	    "Il faut connaitre la boite.",
	    "Le shutdown a duré trois semaines.",
	    "Il travaille chez Bank of America.",
	    "Le titre « Person of the year » revient.",
	    "Le pédo-endocrinologue est arrivé.",
	    "Lisez lemonde.fr ce matin.",
	    "Copiez la clé dans authorized_keys puis lancez systemd.resource "
	    "ou écrivez à jean@machine.",
	};

	for (size_t i = 0; i < ARRAY_SIZE(ok); i++) {
		struct article a;
		run(&a, ok[i]);
		for (size_t j = 0; j < a.nfindings; j++) {
			const struct finding *f = &a.findings[j];
			CHECK_MSG(f->kind != FK_MISSPELLING, "%s: '%.*s'",
				  ok[i], (int)(f->end - f->start),
				  a.text + f->start);
		}
		article_release(&a);
	}
}

/* Sentences with exactly one finding. */
static void test_flagged(void)
{
	static const struct {
		const char *text, *word;
		enum finding_kind kind;
		const char *repl; /* applied replacement, NULL if unapplied */
		const char *detail_has;
	} cases[] = {
	    {"L'avion a redecollé hier.", "redecollé", FK_MISSPELLING,
	     "redécollé", "missing accent"},
	    {"Une exigence legere.", "legere", FK_MISSPELLING, "légère",
	     "missing accent"},
	    /* a path, an option or a code is not prose: reported only */
	    {"Voir le fichier /etc/legere.", "legere", FK_MISSPELLING, NULL,
	     "missing accent"},
	    {"Avec l'option --legere active.", "legere", FK_MISSPELLING, NULL,
	     "missing accent"},
	    {"La version legere-2 sort.", "legere", FK_MISSPELLING, NULL,
	     "missing accent"},
	    /* one slash is as often prose */
	    {"Une arme/une exigence legere/rapide.", "legere", FK_MISSPELLING,
	     "légère", "missing accent"},
	    {"Une decision rapide.", "decision", FK_MISSPELLING, NULL,
	     "décision"},
	    {"Elle a rèussi.", "rèussi", FK_MISSPELLING, "réussi",
	     "wrong accent"},
	    {"Elle est prete.", "prete", FK_MISSPELLING, NULL, "ambiguous"},
	    {"Le developement durable.", "developement", FK_MISSPELLING, NULL,
	     "développement"},
	    {"Il dit que lavion part.", "lavion", FK_MISSPELLING, NULL,
	     "l’avion"},
	    {"Le xyzzyblorf est là.", "xyzzyblorf", FK_MISSPELLING, NULL,
	     "suggestions skipped"},
	    {"Zelenskiy a parlé.", "Zelenskiy", FK_UNKNOWN_NAME, NULL,
	     "capitalized"},
	    {"Le parti ÖVQ a gagné.", "ÖVQ", FK_UNKNOWN_NAME, NULL, "acronym"},
	    {"Selon l’ÖVQ, rien.", "ÖVQ", FK_UNKNOWN_NAME, NULL, "acronym"},
	    {"Elle Redecollé hier.", "Redecollé", FK_UNKNOWN_NAME, NULL,
	     "capitalized"},
	};

	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		struct article a;
		const struct finding *f;

		run(&a, cases[i].text);
		CHECK_MSG(a.nfindings == 1, "%s: %zu findings", cases[i].text,
			  a.nfindings);
		if (a.nfindings != 1) {
			article_release(&a);
			continue;
		}
		f = &a.findings[0];
		CHECK_EQ(f->kind, cases[i].kind);
		CHECK_EQ(f->end - f->start, strlen(cases[i].word));
		CHECK(!strncmp(a.text + f->start, cases[i].word,
			       f->end - f->start));
		CHECK_EQ(f->applied, cases[i].repl != NULL);
		if (cases[i].repl)
			CHECK_STR(f->replacement, cases[i].repl);
		CHECK_MSG(f->detail && strstr(f->detail, cases[i].detail_has),
			  "%s: detail '%s'", cases[i].text,
			  f->detail ? f->detail : "(null)");
		article_release(&a);
	}
}

/* Never applied inside a span another stage flagged. */
static void test_no_repair_inside_other_finding(void)
{
	static const char text[] = "Il a redecollé hier.";
	struct article a;

	stage_article(&a, text, strlen(text));
	article_add(&a, FK_MOJIBAKE, 5, 9, NULL, 0, 0, 0.5, "test");
	stage_on(seg, &a, spell_stage, NULL);
	CHECK_EQ(a.nfindings, 2);
	for (size_t i = 0; i < a.nfindings; i++)
		if (a.findings[i].kind == FK_MISSPELLING)
			CHECK_EQ(a.findings[i].applied, 0);
	article_release(&a);
}

/* Nothing is judged inside a foreign_language segment. */
static void test_skip_foreign_segment(void)
{
	static const char text[] = "Il dit : the wether is nice today.";
	struct article a;

	stage_article(&a, text, strlen(text));
	article_add(&a, FK_FOREIGN_LANGUAGE, 9, strlen(text), NULL, 0, 0, 0.7,
		    "language: en");
	stage_on(seg, &a, spell_stage, NULL);
	CHECK_EQ(a.nfindings, 1);
	article_release(&a);
}

/* An article of garbage: past 5,000 unknown word tokens the words are not
 * searched ("not checked further"), and the same article gets the same
 * findings whatever was judged before it. */
static void test_unknown_limit(void)
{
	static const char letters[] = "bdfgjklmnpqrstvwxz"; /* no accents */
	const size_t nl = sizeof(letters) - 1, words = 5100;
	struct strbuf text;
	struct article a, b;
	size_t unchecked = 0, checked = 0;

	sb_init(&text);
	for (size_t i = 0; i < words; i++)
		sb_addf(&text, "%c%c%c%c ", letters[i % nl],
			letters[i / nl % nl], letters[i / nl / nl % nl],
			letters[i / nl / nl / nl % nl]);
	run(&a, text.buf);
	for (size_t j = 0; j < a.nfindings; j++) {
		const char *d = a.findings[j].detail;
		if (a.findings[j].kind != FK_MISSPELLING)
			continue;
		if (d && strstr(d, "not checked further"))
			unchecked++;
		else
			checked++;
	}
	CHECK_EQ(checked, 5000);
	CHECK_EQ(unchecked, words - 5000);
	/* Again, with every verdict now cached: the same findings. */
	run(&b, text.buf);
	CHECK_EQ(b.nfindings, a.nfindings);
	for (size_t j = 0; j < a.nfindings && j < b.nfindings; j++)
		CHECK(
		    !strcmp(a.findings[j].detail ? a.findings[j].detail : "",
			    b.findings[j].detail ? b.findings[j].detail : ""));
	article_release(&a);
	article_release(&b);
	sb_release(&text);
}

/* German: closed compounds (dictionaries/de/compounds.txt), suspended
 * hyphens, abbreviations with their period, optional endings and spelling
 * variants (dictionaries/de/variants.txt). */
static void test_german_compounds(void)
{
	static const struct {
		const char *text, *word; /* word: the one flagged, or NULL */
	} cases[] = {
	    {"Die Rollschnalle hält.", NULL},
	    {"Das ist förderungswürdig.", NULL},
	    {"Der Helikopterlandeplatz ist neu.", NULL},
	    {"Die handschuhe sind warm.", "handschuhe"},
	    {"Die NationalparkRegion wächst.", "NationalparkRegion"},
	    {"Der Termnie ist morgen.", "Termnie"},
	    /* a combining form in -o as the first part */
	    {"Die Tachowellen sind neu.", NULL},
	    {"Die Geowissenschaften sind alt.", NULL},
	    {"Die Tachowexlen sind neu.", "Tachowexlen"},
	    /* suspended hyphen: the head is left to a later word */
	    {"Für Forschungs- und Lehrzwecke.", NULL},
	    {"Ein wirtschafts- und sozialpolitisches Ziel.", NULL},
	    {"Für Versicherungs-, Renten- und Steuerfragen.", NULL},
	    {"Für Forschungs und Lehrzwecke.", "Forschungs"},
	    {"Für Forschunxs- und Lehrzwecke.", "Forschunxs"},
	    /* abbreviations the dictionary lists with their period */
	    {"Preis inkl. MwSt. zzgl. Versand.", NULL},
	    {"Das ist inkl und netto.", "inkl"},
	    /* an optional ending in parentheses */
	    {"Reisen mit Kind(ern) ist teuer.", NULL},
	    {"Reisen mit Kind(erx) ist teuer.", "erx"},
	    /* Swiss ss, spelling before 1996, umlauts typed as two letters */
	    {"Ich weiss, dass er anschliessend kommt.", NULL},
	    {"Ich glaube, daß er muß.", NULL},
	    {"Sie koennen die Getraenke bezahlen.", NULL},
	    {"Sie koennxn kommen.", "koennxn"},
	};
	struct dict *fr = dict, *de = dict_open("de", NULL, RELIRE_DATA_DIR);
	struct segmenter *fr_seg = seg;

	if (!de)
		SKIP("no German Hunspell dictionary (Debian package "
		     "hunspell-de-de)");
	dict = de;
	seg = segmenter_new("de");
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		struct article a;
		size_t flagged = 0;

		run(&a, cases[i].text);
		for (size_t j = 0; j < a.nfindings; j++) {
			const struct finding *f = &a.findings[j];
			size_t n = f->end - f->start;

			if (f->kind != FK_MISSPELLING &&
			    f->kind != FK_UNKNOWN_NAME)
				continue;
			flagged++;
			CHECK_MSG(
			    cases[i].word && n == strlen(cases[i].word) &&
				!memcmp(a.text + f->start, cases[i].word, n),
			    "%s: flagged '%.*s'", cases[i].text, (int)n,
			    a.text + f->start);
		}
		CHECK_MSG(flagged == (cases[i].word ? 1u : 0u),
			  "%s: %zu flagged", cases[i].text, flagged);
		article_release(&a);
	}
	segmenter_free(seg);
	dict_free(de);
	dict = fr;
	seg = fr_seg;
}

/* A dictionary that borrows another's English dictionary for loanwords
 * (dict_share_loans) answers as one with its own; an English one never
 * lends it. */
static void test_shared_loans(void)
{
	static const struct {
		const char *word;
		int loan;
	} cases[] = {{"software", 1}, {"weekend", 1}, {"shutdown", 1},
		     {"Zelensky", 0}, {"maison", 0},  {"xqzv", 0},
		     {"headlines", 1}};
	struct dict *own = dict_open("de", NULL, RELIRE_DATA_DIR);
	struct dict *shared = dict_open("de", NULL, RELIRE_DATA_DIR);
	struct dict *es = dict_open("es", NULL, RELIRE_DATA_DIR);
	struct dict *en = dict_open("en", NULL, RELIRE_DATA_DIR);

	CHECK(own && shared && es && en);
	dict_share_loans(shared, dict); /* French lends its English */
	dict_share_loans(es, en);	/* English lends nothing */
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		const char *w = cases[i].word;
		int a = dict_check_loanword(own, w, strlen(w));

		CHECK_MSG(a == cases[i].loan, "%s: %d", w, a);
		CHECK_MSG(dict_check_loanword(shared, w, strlen(w)) == a,
			  "%s shared", w);
		CHECK_MSG(dict_check_loanword(es, w, strlen(w)) == a, "%s es",
			  w);
	}
	dict_free(own);
	dict_free(shared);
	dict_free(es);
	dict_free(en);
}

/* Words of several languages asked of a pool's dicts, and what a dict of
 * one thread answers (filled by test_pool before the threads start). */
static const struct {
	const char *lang, *word;
} pool_cases[] = {
    {"de", "Haus"},	   {"de", "Bündchenstoff"}, {"de", "zertifiziert"},
    {"de", "xqzvw"},	   {"es", "orientación"},   {"es", "urbanización"},
    {"es", "orientacion"}, {"en", "headlines"},	    {"en", "colour"},
    {"en", "xqzvw"},	   {"it", "diritti"},	    {"it", "riservati"},
    {"ru", "клуб"},	   {"ru", "лыжник"},	    {"ru", "клубб"},
};
static unsigned pool_own[ARRAY_SIZE(pool_cases)][3]; /* check, loanword,
						      * name class */

/* Does d answer case i otherwise than a dict of one thread did? */
static int differs(struct dict *d, size_t i)
{
	const char *w = pool_cases[i].word;
	const unsigned got[3] = {(unsigned)dict_check(d, w, strlen(w)),
				 (unsigned)dict_check_loanword(d, w, strlen(w)),
				 dict_name_class(d, w, strlen(w))};

	return memcmp(got, pool_own[i], sizeof(got)) != 0;
}

struct pool_thread {
	struct dict_pool *pool;
	size_t shift; /* each thread asks in its own order */
	int wrong;
};

static void *ask_pool(void *arg)
{
	struct pool_thread *t = arg;

	for (size_t round = 0; round < 50; round++)
		for (size_t k = 0; k < ARRAY_SIZE(pool_cases); k++) {
			size_t i =
			    (k + t->shift + round) % ARRAY_SIZE(pool_cases);
			struct dict *d =
			    dict_pool_get(t->pool, pool_cases[i].lang);

			t->wrong += d && differs(d, i);
		}
	return NULL;
}

/* A pool's dicts, asked by four threads at once, answer as dicts of one
 * thread do; one dict per language, none for a language without one. */
static void test_pool(void)
{
	struct dict_pool *pool = dict_pool_new(NULL, RELIRE_DATA_DIR);
	struct pool_thread t[4];
	pthread_t id[4];

	for (size_t i = 0; i < ARRAY_SIZE(pool_cases); i++) {
		const char *w = pool_cases[i].word;
		struct dict *own =
		    dict_try_open(pool_cases[i].lang, NULL, RELIRE_DATA_DIR);

		if (!own) {
			SKIP_PART("a language of the pool has no dictionary");
			continue;
		}
		pool_own[i][0] = (unsigned)dict_check(own, w, strlen(w));
		pool_own[i][1] =
		    (unsigned)dict_check_loanword(own, w, strlen(w));
		pool_own[i][2] = dict_name_class(own, w, strlen(w));
		dict_free(own);
	}
	if (h_cur_skipped == 0) { /* every language has its dictionary */
		CHECK(pool_own[0][0] == 1 &&
		      pool_own[3][0] == 0); /* Haus, xqzvw */
		CHECK(pool_own[7][1] == 0); /* English has no loanwords */
	}
	for (size_t i = 0; i < 4; i++) {
		t[i] = (struct pool_thread){pool, i * 4, 0};
		CHECK(pthread_create(&id[i], NULL, ask_pool, &t[i]) == 0);
	}
	for (size_t i = 0; i < 4; i++) {
		pthread_join(id[i], NULL);
		CHECK_MSG(t[i].wrong == 0, "thread %zu: %d wrong answers", i,
			  t[i].wrong);
	}
	CHECK(dict_pool_get(pool, "de") == dict_pool_get(pool, "de"));
	CHECK(dict_pool_get(pool, "de") != dict_pool_get(pool, "es"));
	CHECK(!dict_pool_get(pool, "xx") && !dict_pool_get(pool, "xx"));
	dict_pool_free(pool);
}

int main(void)
{
	int rc = open_french(&dict, &seg);

	if (rc)
		return rc;
	state = spell_state_new(SUGGEST_HUNSPELL, 0, NULL); /* no suggest() */
	RUN(test_accepted);
	RUN(test_flagged);
	RUN(test_no_repair_inside_other_finding);
	RUN(test_skip_foreign_segment);
	RUN(test_unknown_limit);
	RUN(test_german_compounds);
	RUN(test_shared_loans);
	RUN(test_pool);
	spell_state_free(state);
	segmenter_free(seg);
	dict_free(dict);
	return harness_done();
}
