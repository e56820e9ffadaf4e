/*
 * test_namekey.c - name keys: each romanization convention the fold rules
 * name, Cyrillic script selection, pairs that must stay apart, skeletons,
 * similarity, and rule files that fail to load.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "harness.h"
#include "corpus/namekey.h"
#include "corpus/variants.h"

static struct namekey *nk;

static char *key_of(const char *s)
{
	size_t n;
	return namekey_key(nk, s, strlen(s), &n);
}

static void test_keys(void)
{
	static const struct {
		const char *name, *key;
	} cases[] = {
	    {"Putin", "putin"},
	    {"Poutine", "putin"},
	    {"Путин", "putin"},
	    {"Zelenskiy", "zelenski"},
	    {"Zelensky", "zelenski"},
	    {"Zelenskyy", "zelenski"},
	    {"Зеленський", "zelenski"},
	    {"Ouchakov", "ushakov"},
	    {"Ushakov", "ushakov"},
	    {"Uschakow", "ushakov"},
	    {"Ušakov", "ushakov"},
	    {"Witkoff", "vitkov"},
	    {"Gorbatchev", "gorbashev"},
	    {"Gorbachev", "gorbashev"},
	    {"Prigojine", "prigoin"},
	    {"Prigozhin", "prigoin"},
	    {"Sergueï", "sergei"},
	    {"Sergej", "sergei"},
	    {"Nikolayevich", "nikolaevish"},
	    {"Nikolajewitsch", "nikolaevish"},
	    {"Yeltsin", "eltsin"},
	    {"Eltsine", "eltsin"},
	    {"Zelenska", "zelenska"},
	    {"Zelenskaya", "zelenska"},
	    {"Київ", "kiv"},
	    {"Kyiv", "kiv"},
	    {"Киев", "kiev"},
	    {"Kiew", "kiev"},
	    {"Jean-Yves", "ean-ives"},
	    {"Vladimir Poutine", "vladimir putin"},
	    {"", ""},
	    {"123", ""},
	};

	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		char *k = key_of(cases[i].name);
		CHECK_MSG(!strcmp(k, cases[i].key), "%s: got %s, want %s",
			  cases[i].name, k, cases[i].key);
		free(k);
	}
}

/* Ukrainian letters pick the Ukrainian rules, other Cyrillic the Russian
 * ones, Latin text is left as it is. */
static void test_script_choice(void)
{
	static const struct {
		const char *name, *latin;
	} cases[] = {
	    {"Київ", "Kyyiv"},
	    {"Киев", "Kiyev"},
	    {"Ушаков", "Ushakov"},
	    {"Zelensky", "Zelensky"},
	};

	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		size_t n;
		char *l =
		    namekey_latin(nk, cases[i].name, strlen(cases[i].name), &n);
		CHECK_STR(l, cases[i].latin);
		free(l);
	}
}

/* Different names, including the ones fuzzy matching would confuse, and
 * pairs too short to compare (Kyiv / Kiev is the seed table's policy). */
static void test_apart(void)
{
	static const char *const pairs[][2] = {
	    {"Zelensky", "Zelenska"}, {"Vladimir", "Volodymyr"},
	    {"Olena", "Elena"},	      {"Witkoff", "Wichoff"},
	    {"Kyiv", "Kiev"},	      {"France", "Frances"},
	    {"Rome", "Romeo"},	      {"Eni", "Jenny"},
	    {"Trump", "Truth"},	      {"Russie", "Russes"},
	    {"Andrei", "Andreja"},    {"Peskov", "Pesko"},
	};

	for (size_t i = 0; i < ARRAY_SIZE(pairs); i++) {
		char *a = key_of(pairs[i][0]), *b = key_of(pairs[i][1]);
		double sim;
		int tier = variants_pair_tier(a, strlen(a), b, strlen(b), &sim);
		CHECK_MSG(tier == 0, "%s / %s matched at tier %d (%.3f)",
			  pairs[i][0], pairs[i][1], tier, sim);
		free(a);
		free(b);
	}
}

/* Spellings whose keys differ but that the skeleton tier joins (German ё
 * after a sibilant is o, French and English write e). */
static void test_tier2(void)
{
	static const char *const pairs[][2] = {
	    {"Gorbatschow", "Gorbatchev"},
	    {"Kharkiv", "Kharkov"},
	    {"Vasilevich", "Vasilyevich"},
	};

	for (size_t i = 0; i < ARRAY_SIZE(pairs); i++) {
		char *a = key_of(pairs[i][0]), *b = key_of(pairs[i][1]);
		double sim;
		int tier = variants_pair_tier(a, strlen(a), b, strlen(b), &sim);
		CHECK_MSG(tier == 2, "%s / %s: tier %d (%.3f)", pairs[i][0],
			  pairs[i][1], tier, sim);
		free(a);
		free(b);
	}
}

static void test_skeleton(void)
{
	static const struct {
		const char *key, *skel;
	} cases[] = {
	    {"zelenski", "zlnsk"},
	    {"ushakov", "ushkv"},
	    {"vitkov", "vtkv"},
	    {"aaa", "a"},
	    {"", ""},
	    {"kiv", "kv"},
	};

	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		size_t n;
		char *s =
		    namekey_skeleton(cases[i].key, strlen(cases[i].key), &n);
		CHECK_STR(s, cases[i].skel);
		free(s);
	}
}

/* Diacritics compared letter by letter in the canonical decomposition,
 * whether the text comes precomposed or decomposed; a diacritic added to a
 * capital told from one added to a lower-case letter. */
static void test_marks(void)
{
	static const struct {
		const char *a, *b;
		enum namekey_marks added;
	} pairs[] = {
	    {"Andres", "Andr\u00E9s", NAMEKEY_MARKS_ON_LOWER}, /* Andrés */
	    {"Elysee", "\u00C9lys\u00E9e", NAMEKEY_MARKS_ON_LOWER},
	    {"Sau\u0301l", "Sa\u00FAl", NAMEKEY_MARKS_SAME}, /* decomposed */
	    {"PARIS", "Paris", NAMEKEY_MARKS_SAME},	     /* case only */
	    {"\u00C9RIC", "\u00C9ric", NAMEKEY_MARKS_SAME},
	    /* only on capitals: the habit of unaccented capitals */
	    {"Etats-Unis", "\u00C9tats-Unis", NAMEKEY_MARKS_ON_CAPITALS},
	    {"Ev\u00E9nements", "\u00C9v\u00E9nements",
	     NAMEKEY_MARKS_ON_CAPITALS},
	    {"Etats-UNIS", "\u00C9tats-Unis", NAMEKEY_MARKS_ON_CAPITALS},
	    {"ALVAREZ", "\u00C1lvarez", NAMEKEY_MARKS_ON_CAPITALS},
	    {"Alvarez", "\u00C1lvarez", NAMEKEY_MARKS_ON_CAPITALS},
	    {"alvarez", "\u00C1lvarez", NAMEKEY_MARKS_ON_LOWER},
	    {"ELYSEE", "\u00C9lys\u00E9e", NAMEKEY_MARKS_ON_CAPITALS},
	    {"Sa\u00FAl", "Saul", NAMEKEY_MARKS_LOST},		/* ú lost */
	    {"Andr\u00E8s", "Andr\u00E9s", NAMEKEY_MARKS_LOST}, /* è made é */
	    {"Jo\u00EBl", "Joel", NAMEKEY_MARKS_LOST},
	    {"Lodz", "\u0141\u00F3d\u017A", NAMEKEY_MARKS_ON_LOWER},
	    {"Dvorak", "Dvo\u0159\u00E1k", NAMEKEY_MARKS_ON_LOWER},
	    {"\u0425\u0440\u0443\u0449\u0435\u0432",
	     "\u0425\u0440\u0443\u0449\u0451\u0432",
	     NAMEKEY_MARKS_ON_LOWER}, /* Хрущев, Хрущёв */
	    {"Joel", "Jo",
	     NAMEKEY_MARKS_LOST}, /* letters that do not line up */
	    {"", "", NAMEKEY_MARKS_SAME},
	};

	for (size_t i = 0; i < ARRAY_SIZE(pairs); i++)
		CHECK_MSG(namekey_marks_added(pairs[i].a, strlen(pairs[i].a),
					      pairs[i].b, strlen(pairs[i].b)) ==
			      pairs[i].added,
			  "'%s' -> '%s'", pairs[i].a, pairs[i].b);
}

static void test_similarity(void)
{
	CHECK(name_similarity("martha", 6, "marhta", 6) > 0.96);
	CHECK(name_similarity("martha", 6, "marhta", 6) < 0.97);
	CHECK(name_similarity("abc", 3, "abc", 3) == 1.0);
	CHECK(name_similarity("abc", 3, "xyz", 3) == 0.0);
	CHECK(name_similarity("", 0, "", 0) == 1.0);
}

static void write_file(const char *path, const char *text)
{
	FILE *fp = fopen(path, "w");

	if (fp) {
		fputs(text, fp);
		fclose(fp);
	}
}

/* A broken rule file or a missing one is refused, not half-loaded. */
static void test_bad_rules(void)
{
	char dir[] = "/tmp/relire-namekey-XXXXXX", sub[128], path[160];
	struct namekey *bad;

	if (!mkdtemp(dir))
		MISSING("cannot create a temporary directory");
	snprintf(sub, sizeof(sub), "%s/translit", dir);
	mkdir(sub, 0700);
	snprintf(path, sizeof(path), "%s/scripts.txt", sub);
	write_file(path, "[:Cyrillic:] missing.txt\n");
	bad = namekey_open(dir);
	CHECK(bad == NULL);
	write_file(path, "# nothing\n");
	snprintf(path, sizeof(path), "%s/name-fold.txt", sub);
	write_file(path, "a > ;\n( > b ;\n");
	bad = namekey_open(dir);
	CHECK(bad == NULL);
	write_file(path, "a > b ;\n");
	bad = namekey_open(dir);
	CHECK(bad != NULL);
	namekey_free(bad);
	remove(path);
	snprintf(path, sizeof(path), "%s/scripts.txt", sub);
	remove(path);
	rmdir(sub);
	rmdir(dir);
}

int main(void)
{
	nk = namekey_open(RELIRE_DATA_DIR);
	if (!nk) {
		fprintf(stderr, "cannot load the transliteration rules\n");
		return 1;
	}
	RUN(test_keys);
	RUN(test_script_choice);
	RUN(test_apart);
	RUN(test_tier2);
	RUN(test_skeleton);
	RUN(test_marks);
	RUN(test_similarity);
	RUN(test_bad_rules);
	namekey_free(nk);
	return harness_done();
}
