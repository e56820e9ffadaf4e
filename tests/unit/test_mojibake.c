/*
 * test_mojibake.c - the rules of src/repair/mojibake.h by name: repairs, lost
 * bytes, C1 controls, double encoding, the threshold, text that must stay
 * byte-identical, and idempotence (the stage on its own output finds
 * nothing).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/article.h"
#include "harness.h"
#include "stage_run.h"
#include "common/util.h"
#include "common/view.h"
#include "repair/mojibake.h"

struct moji_case {
	const char *rule;
	const char *in;
	const char *want; /* cleaned text */
	size_t unapplied; /* findings reported but not applied */
};

static const struct moji_case cases[] = {
    /* confidence: the classic signatures */
    {"confidence", "la pr\xC3\x83\xC2\xA9sentation", "la pr\xC3\xA9sentation",
     0},
    {"confidence", "l\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2\xC3\x83\xC2\xA9quipe",
     "l\xE2\x80\x99\xC3\xA9quipe", 0},
    {"confidence", "\xC3\x83\xE2\x80\xB0tat", "\xC3\x89tat", 0},
    /* the replacement character, encoded twice: "ï¿½" */
    {"confidence", "le mot \xC3\xAF\xC2\xBF\xC2\xBD perdu",
     "le mot \xEF\xBF\xBD perdu", 0},
    {"confidence", "le c\xC3\x85\xE2\x80\x9Cur", "le c\xC5\x93ur", 0},
    {"confidence", "1 043 m\xC3\x82\xC2\xB2", "1 043 m\xC2\xB2", 0},
    {"confidence",
     "\xC3\x83\xC2\xA7"
     "a va",
     "\xC3\xA7"
     "a va",
     0},
    {"confidence",
     "\xC3\xA2\xE2\x82\xAC\xC5\x93Oui\xC3\xA2\xE2\x82\xAC\xC2\x9D",
     "\xE2\x80\x9COui\xE2\x80\x9D", 0},
    {"confidence", "smile \xC3\xB0\xC5\xB8\xCB\x9C\xE2\x82\xAC",
     "smile \xF0\x9F\x98\x80", 0},
    {"confidence", "d\xC3\x83\xC2\xA9j\xC3\x83\xC2\xA0 vu",
     "d\xC3\xA9j\xC3\xA0 vu", 0},
    /* plausible_only: Cyrillic from a run of letters, marks after a base */
    {"plausible_only",
     "\xC3\x90\xC2\xBF\xC3\x91\xE2\x82\xAC\xC3\x90\xC2\xB8"
     "\xC3\x90\xC2\xB2\xC3\x90\xC2\xB5\xC3\x91\xE2\x80\x9A",
     "\xD0\xBF\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82", 0},
    {"plausible_only",
     "re\xC3\x8C\xC2\x81sume\xC3\x8C\xC2\x81 pr\xC3\x83\xC2\xA9",
     "r\xC3\xA9sum\xC3\xA9 pr\xC3\xA9", 0},
    /* marks: a decoded mark takes its letter, marks after a repair are
     * taken in, and the replacement is NFC ("hoÌ‚tel", "prÃ©" U+0327);
     * a mark before a repair counts as its letter ("é" in NFD) */
    {"marks", "un ho\xC3\x8C\xE2\x80\x9Atel pr\xC3\x83\xC2\xA9s",
     "un h\xC3\xB4tel pr\xC3\xA9s", 0},
    {"marks",
     "une e\xC3\x8C\xC2\x81"
     "cole",
     "une \xC3\xA9"
     "cole",
     0},
    {"marks", "la pr\xC3\x83\xC2\xA9\xCC\xA7sentation",
     "la pr\xC8\xA9\xCC\x81sentation", 0},
    {"marks", "e\xCC\x81\xC3\x83\xC2\xA9 Paris", "e\xCC\x81\xC3\xA9 Paris", 0},
    /* mixed text: only the damaged line changes */
    {"mixed_lines",
     "Le caf\xC3\xA9 est pr\xC3\xAAt.\nLa pr\xC3\x83\xC2\xA9sentation "
     "\xC3\x83 la fin.\nD\xC3\xA9j\xC3\xA0 vu \xC2\xAB ici \xC2\xBB.",
     "Le caf\xC3\xA9 est pr\xC3\xAAt.\nLa pr\xC3\xA9sentation \xC3\xA0 la "
     "fin.\nD\xC3\xA9j\xC3\xA0 vu \xC2\xAB ici \xC2\xBB.",
     0},
    /* lost_bytes */
    {"lost_bytes", "il incombera \xC3\x83 ce dernier",
     "il incombera \xC3\xA0 ce dernier", 0},
    {"lost_bytes", "\xC3\x83 la suite de", "\xC3\x80 la suite de", 0},
    {"lost_bytes", "Fin. \xC3\x83 la suite", "Fin. \xC3\x80 la suite", 0},
    {"lost_bytes",
     "voil\xC3\x83 le d\xC3\xA9"
     "cor",
     "voil\xC3\xA0 le d\xC3\xA9"
     "cor",
     0},
    {"lost_bytes", "au stade, \xC3\x83 Ann Arbor, \xC3\x83 13h",
     "au stade, \xC3\xA0 Ann Arbor, \xC3\xA0 13h", 0},
    {"lost_bytes", "en moyenne \xC3\x83 14 reprises",
     "en moyenne \xC3\xA0 14 reprises", 0},
    {"lost_bytes", "de l\xC3\xA2 appui, pr\xC3\x83\xC2\xA9sent",
     "de l\xE2\x80\x99"
     "appui, pr\xC3\xA9sent",
     0},
    /* the dictionary knows "l’appui": applied without line evidence */
    {"lost_bytes", "de l\xC3\xA2 appui",
     "de l\xE2\x80\x99"
     "appui",
     0},
    {"lost_bytes", "jusqu\xC3\xA2\xC3\xA0 pr\xC3\xA9sent, l\xC3\xA2  ÖVP",
     "jusqu\xE2\x80\x99\xC3\xA0 pr\xC3\xA9sent, l\xE2\x80\x99ÖVP", 0},
    /* a word with "â" stays ("lâche"), and so does "â" before no word */
    {"lost_bytes",
     "il est l\xC3\xA2"
     "che et ch\xC3\xA2teau",
     "il est l\xC3\xA2"
     "che et ch\xC3\xA2teau",
     0},
    {"lost_bytes", "pr\xC3\x83\xC2\xA9vu : 1\xC3\x82 000 euros",
     "pr\xC3\xA9vu : 1\xC2\xA0"
     "000 euros",
     0},
    /* c1_controls read as windows-1252 */
    {"c1_controls", "l\xC2\x92homme", "l\xE2\x80\x99homme", 0},
    {"c1_controls", "\xC2\x93Oui\xC2\x94, dit-il \xC2\x96 enfin",
     "\xE2\x80\x9COui\xE2\x80\x9D, dit-il \xE2\x80\x93 enfin", 0},
    /* repeated: double encoding in one finding */
    {"repeated", "pr\xC3\x83\xC6\x92\xC3\x82\xC2\xA9sentation",
     "pr\xC3\xA9sentation", 0},
    /* threshold: weak repairs are reported, not applied */
    {"threshold", "IRM\xC3\x83\xC2\xBB", "IRM\xC3\x83\xC2\xBB", 1},
    {"threshold", "\xC3\x88\xE2\x84\xA2i", "\xC3\x88\xE2\x84\xA2i", 1},
    {"threshold",
     "\xC3\x88\xE2\x84\xA2i \xC3\x83\xC2\xAE"
     "n",
     "\xC8\x99i \xC3\xAE"
     "n",
     0},
    {"confidence",
     "a\xC3\x88\xE2\x84\xA2"
     "a",
     "a\xC8\x99"
     "a",
     0},
    {"threshold",
     "les s\xC3\xA9quences \xC2\xAB \xC3\x83\xC2\xA9 \xC2\xBB et "
     "\xC2\xAB \xC3\x83\xC2\xA8 \xC2\xBB",
     "les s\xC3\xA9quences \xC2\xAB \xC3\x83\xC2\xA9 \xC2\xBB et "
     "\xC2\xAB \xC3\x83\xC2\xA8 \xC2\xBB",
     2},
    {"threshold", "il incombera \xC3\x83\xC2\xA0 ce dernier",
     "il incombera \xC3\xA0 ce dernier", 0},
    {"threshold", "Commerces \xC3\x83 Herzliya", "Commerces \xC3\x83 Herzliya",
     1},
    {"lost_space", "Il rentre \xC3\x83  la maison",
     "Il rentre \xC3\xA0 la maison", 0},
    {"lost_space", "Il rentre \xC3\x83\xC2\xA0 la maison",
     "Il rentre \xC3\xA0 la maison", 0},
    {"lost_space", "attendu jusqu\xC3\x83\xC2\xA0 ce soir",
     "attendu jusqu\xC3\xA0 ce soir", 0},
    {"lost_space", "\xC3\x83\xE2\x82\xAC Paris, il pleut.",
     "\xC3\x80 Paris, il pleut.", 0},
    /* a Latin ligature of text taken from PDF ("ﬁ", EF AC 81) */
    {"other_pages", "signiп¬Ѓcantly lower", "signiﬁcantly lower", 0},
    {"other_pages", "le pr\xE2\x88\x9A\xC2\xA9sident", "le pr\xC3\xA9sident",
     0},
    {"other_pages",
     "une fen\xE2\x88\x9A\xE2\x84\xA2tre \xE2\x88\x9A\xE2\x80\xA0 "
     "c\xE2\x88\x9A\xC2\xA5t\xE2\x88\x9A\xC2\xA9",
     "une fen\xC3\xAAtre \xC3\xA0 c\xC3\xB4t\xC3\xA9", 0},
    {"other_pages", "attendue\xE2\x80\x9A\xC3\x84\xC2\xB6 enfin",
     "attendue\xE2\x80\xA6 enfin", 0},
    /* a name the dictionary does not know, its damage glued to it and
     * starting with an operator no word holds ("√": MacRoman's C3) */
    {"other_pages",
     "Jean Dupr\xE2\x88\x9A\xC2\xA9 et Le Vigne di Zam\xE2\x88\x9A\xE2\x89\xA4",
     "Jean Dupr\xC3\xA9 et Le Vigne di Zam\xC3\xB2", 0},
    {"other_pages", "le pr\xD0\x93\xC2\xA9sident", "le pr\xC3\xA9sident", 0},
    {"other_pages", "attendue\xD0\xB2\xD0\x82\xC2\xA6 enfin",
     "attendue\xE2\x80\xA6 enfin", 0},
    {"other_pages", "le pr\xC4\x82\xC2\xA9sident", "le pr\xC3\xA9sident", 0},
    /* ISO-8859-15 (Latin-9) differs from Windows-1252 in eight bytes:
     * "Ãš" is "è" there, "Ú" in Windows-1252, a capital no lower-case
     * word holds */
    {"other_pages", "le mod\xC3\x83\xC5\xA1le et la c\xC3\x83\xC5\xBDte",
     "le mod\xC3\xA8le et la c\xC3\xB4te", 0},
    {"other_pages",
     "pr\xC3\x83\xC2\xA9"
     "f\xC3\x83\xC5\xA1re",
     "pr\xC3\xA9"
     "f\xC3\xA8re",
     0},
    /* the DOS code pages (850, 437, 866), KOI8-R, ISO-8859-5, Greek and
     * Baltic Windows */
    {"other_pages", "le pr\xE2\x94\x9C\xC2\xAEsident", "le pr\xC3\xA9sident",
     0},
    {"other_pages", "le pr\xE2\x94\x9C\xE2\x8C\x90sident",
     "le pr\xC3\xA9sident", 0},
    {"other_pages", "le pr\xE2\x94\x9C\xD0\xB9sident", "le pr\xC3\xA9sident",
     0},
    {"other_pages", "le pr\xD1\x86\xE2\x95\x98sident", "le pr\xC3\xA9sident",
     0},
    {"other_pages", "le pr\xD0\xA3\xD0\x89sident", "le pr\xC3\xA9sident", 0},
    {"other_pages", "le pr\xCE\x93\xC2\xA9sident", "le pr\xC3\xA9sident", 0},
    {"other_pages", "le pr\xC4\x86\xC2\xA9sident", "le pr\xC3\xA9sident", 0},
    {"other_pages", "le pr\xEF\xBE\x83\xEF\xBD\xA9sident",
     "le pr\xC3\xA9sident", 0}, /* Shift_JIS, half-width katakana */
    /* the double-byte charsets: one Han or Hangul character for each
     * two-byte sequence (GBK, Big5, EUC-KR, EUC-JP) */
    {"other_pages", "d\xE8\x8C\x85j\xE8\x84\xBF vu", "d\xC3\xA9j\xC3\xA0 vu",
     0},
    {"other_pages", "le pr\xE7\x9F\x87sident", "le pr\xC3\xA9sident", 0},
    {"other_pages", "le pr\xEC\xB1\x95sident", "le pr\xC3\xA9sident", 0},
    {"other_pages", "le pr\xE8\xBE\xBFsident", "le pr\xC3\xA9sident", 0},
    /* "à" (C3 A0) through a charset whose A0 is a no-break space, that
     * space lost or made a plain one: Windows-1251 "Г", -1250 "Ă" */
    {"lost_bytes", "all\xD0\x93\xC2\xA9 \xD0\x93 la gare, l\xD0\x93 enfin",
     "all\xC3\xA9 \xC3\xA0 la gare, l\xC3\xA0 enfin", 0},
    {"lost_bytes", "il va \xD0\x93  Paris", "il va \xC3\xA0 Paris", 0},
    {"lost_bytes", "\xD0\x93 la suite", "\xC3\x80 la suite", 0},
    {"lost_bytes", "voil\xC4\x82, enfin", "voil\xC3\xA0, enfin", 0},
    {"lost_bytes", "L\xC4\x82 , tout", "L\xC3\xA0, tout", 0},
    {"lost_bytes", "ont jusqu'\xD0\x93 trois ans",
     "ont jusqu'\xC3\xA0 trois ans", 0},
    {"lost_bytes", "c'est d\xD0\x93\xC2\xA9j\xD0\x93  vu, 10 $ \xD0\x93 20 $",
     "c'est d\xC3\xA9j\xC3\xA0 vu, 10 $ \xC3\xA0 20 $", 0},
    {"other_pages", "le pr\xC4\x82\xC5\xA0sident", "le pr\xC3\xA9sident", 0},
    {"layers", "le pr\xE2\x80\x9A\xC3\xA0\xC3\xB6\xC2\xAC\xC2\xA9sident",
     "le pr\xC3\xA9sident", 0},
    {"layers", "le pr\xE2\x88\x9A\xC3\x89\xC2\xAC\xC2\xA9sident",
     "le pr\xC3\xA9sident", 0},
    {"lost_bytes", "se rendre \xC3\x83 Berlin demain",
     "se rendre \xC3\xA0 Berlin demain", 0},
    {"other_pages",
     "selon M. Str\xE2\x88\x9A\xE2\x88\x82"
     "bele",
     "selon M. Str\xC3\xB6"
     "bele",
     0},
    {"other_pages",
     "il a dit \xC2\xAC\xC2\xB4\xC2\xA0non\xC2\xA0\xC2\xAC\xC2\xAA",
     "il a dit \xC2\xAB\xC2\xA0non\xC2\xA0\xC2\xBB", 0},
    {"other_pages",
     "\xD0\x92\xC2\xAB\xD0\x92\xC2\xA0Oui\xC2\xA0\xD0\x92\xC2\xBB, dit-il",
     "\xC2\xAB\xC2\xA0Oui\xC2\xA0\xC2\xBB, dit-il", 0},
    {"layers",
     "ce "
     "\xC3\x83\xE2\x80\x9A\xC3\x82\xC2\xAB\xC2\xA0non\xC2\xA0\xC3\x83\xE2\x80"
     "\x9A\xC3\x82\xC2\xBB",
     "ce \xC2\xAB\xC2\xA0non\xC2\xA0\xC2\xBB", 0},
    {"layers",
     "l'Elys\xE2\x88\x9A\xC3\x89\xC2\xAC\xC2\xA9"
     "e",
     "l'Elys\xC3\xA9"
     "e",
     0},
};

/*
 * hidden_byte: "Ã" whose second byte a Latin-1 reading left invisible (C1
 * controls, the no-break space, the soft hyphen), dropped or turned into
 * a space; the dictionary of the row's language picks the letter.
 */
struct hidden_case {
	const char *lang;
	const char *in;
	const char *want;
	size_t unapplied;
};

static const struct hidden_case hidden_cases[] = {
    /* soft hyphen (C3 AD, "í") turned into a space, or dropped */
    {"es", "Vista al jard\xC3\x83 n, riego", "Vista al jard\xC3\xADn, riego",
     0},
    {"es",
     "La tecnolog\xC3\x83 a y el veh\xC3\x83"
     "culo",
     "La tecnolog\xC3\xAD"
     "a y el veh\xC3\xAD"
     "culo",
     0},
    {"es", "Art\xC3\x83 culo 5",
     "Art\xC3\xAD"
     "culo 5",
     0},
    /* dropped before a space of the text: "sí mismo" */
    {"es", "por s\xC3\x83 mismo", "por s\xC3\xAD mismo", 0},
    /* C1 controls: "Ñ" (C3 91), "É" (C3 89), "Ü" (C3 9C) */
    {"es", "ESPA\xC3\x83 A",
     "ESPA\xC3\x91"
     "A",
     0},
    {"fr", "\xC3\x83 glise Saint-Pierre", "\xC3\x89glise Saint-Pierre", 0},
    {"fr", "l'\xC3\x83 tat de droit", "l'\xC3\x89tat de droit", 0},
    /* "’" lost the same way before it ("lâ" and two C1 controls) */
    {"fr", "de l\xC3\xA2\xC3\x83tat", "de l\xE2\x80\x99\xC3\x89tat", 0},
    {"de", "\xC3\x83 bersicht der Preise",
     "\xC3\x9C"
     "bersicht der Preise",
     0},
    /* "à" (C3 A0, the no-break space) stays the reading a word takes */
    {"fr",
     "voil\xC3\x83 le d\xC3\xA9"
     "cor",
     "voil\xC3\xA0 le d\xC3\xA9"
     "cor",
     0},
    {"fr", "l\xC3\x83-bas", "l\xC3\xA0-bas", 0},
    {"it", "la citt\xC3\x83 di Roma", "la citt\xC3\xA0 di Roma", 0},
    /* no reading is a word: a letter inside, or "à" in a language
     * that writes it */
    {"es", "el Xabar\xC3\x83 n y el Club", "el Xabar\xC3\x83 n y el Club", 1},
    {"it", "e possibilt\xC3\x83 di terreno", "e possibilt\xC3\xA0 di terreno",
     0},
    /* an elided word after "Ã" is a word: not "Ès'affirmer" */
    {"fr", "du mal \xC3\x83 s'affirmer", "du mal \xC3\xA0 s'affirmer", 0},
    /* quotation marks ("„" E2 80 9E: "â" and two C1 controls), the
     * language's (CLDR), applied in pairs, their hidden bytes dropped or
     * turned into spaces */
    {"de",
     "auf die \xC3\xA2Gei\xC3\x83"
     "el\xC3\xA2 der",
     "auf die \xE2\x80\x9EGei\xC3\x9F"
     "el\xE2\x80\x9C der",
     0},
    {"de", "eine \xC3\xA2  Publicity-Ma\xC3\x83nahme\xC3\xA2   und",
     "eine \xE2\x80\x9EPublicity-Ma\xC3\x9Fnahme\xE2\x80\x9C und", 0},
    {"en", "click on \xC3\xA2 book it\xC3\xA2 .",
     "click on \xE2\x80\x9C"
     "book it\xE2\x80\x9D.",
     0},
    /* an "â" glued to a word the dictionary does not know is no quote:
     * "l'âge" in German text */
    {"de", "das Buch l'\xC3\xA2ge d'or", "das Buch l'\xC3\xA2ge d'or", 0},
    /* "Ã" and an apostrophe before a word: text about "Ã" ("Ã’s"),
     * reported unless the dictionary knows the word */
    {"en", "a lot of \xC3\x83\xE2\x80\x99s in it",
     "a lot of \xC3\x83\xE2\x80\x99s in it", 1},
    {"es", "DOS A\xC3\x83\xE2\x80\x98OS", "DOS A\xC3\x91OS", 0},
    /* "Ã" and one letter: a word of two letters starting a sentence, or
     * in a language that writes no "à"; else "à" and the letter */
    {"fr", "\xC3\x83 a a dur\xC3\xA9 longtemps.",
     "\xC3\x87"
     "a a dur\xC3\xA9 longtemps.",
     0},
    {"es",
     "no pod\xC3\xAD"
     "an llegar, \xC3\x83 l ahora",
     "no pod\xC3\xAD"
     "an llegar, \xC3\x89l ahora",
     0},
    /* two readings, a split word or two words ("MaÃ nahmen"), decided
     * by the text's sure readings: here "groÃ en" lost its byte as a
     * space; alone, reported */
    {"de", "Die Ma\xC3\x83 nahmen sind gro\xC3\x83 en Umfangs.",
     "Die Ma\xC3\x9Fnahmen sind gro\xC3\x9F"
     "en Umfangs.",
     0},
    {"de", "Die Ma\xC3\x83 nahmen der Regierung.",
     "Die Ma\xC3\x83 nahmen der Regierung.", 1},
    /* "œ" (C5 93: "Å" and a C1 control), its case by the sentence */
    {"fr", "le c\xC3\x85ur et la s\xC3\x85 ur, une \xC3\x85uvre.",
     "le c\xC5\x93ur et la s\xC5\x93ur, une \xC5\x93uvre.", 0},
    {"fr", "\xC3\x85uvre compl\xC3\xA8te", "\xC5\x92uvre compl\xC3\xA8te", 0},
    /* "Å" of Scandinavian names stays */
    {"fr", "\xC3\x85sa Larsson et \xC3\x85re",
     "\xC3\x85sa Larsson et \xC3\x85re", 0},
    /* a decoded letter standing alone is a word when the dictionary
     * knows it as one: Italian "è", French "à"; not French "é" */
    {"it", "questo appartamento \xC3\x83\xC2\xA8 in una palazzina",
     "questo appartamento \xC3\xA8 in una palazzina", 0},
    {"fr", "les s\xC3\xA9quences \xC3\x83\xC2\xA9 et la suite",
     "les s\xC3\xA9quences \xC3\x83\xC2\xA9 et la suite", 1},
    /* the byte Windows-1252 leaves undefined, written as U+FFFD by the
     * decoder: "Á" (C3 81) inside a word, "”" (E2 80 9D) closing one */
    {"es",
     "Europa, Asia, \xC3\x83\xEF\xBF\xBD"
     "frica y Ocean\xC3\x83\xC2\xAD"
     "a",
     "Europa, Asia, \xC3\x81"
     "frica y Ocean\xC3\xAD"
     "a",
     0},
    {"en",
     "\xC3\xA2\xE2\x82\xAC\xC5\x93lossy "
     "decoding\xC3\xA2\xE2\x82\xAC\xEF\xBF\xBD",
     "\xE2\x80\x9Clossy decoding\xE2\x80\x9D", 0},
    {"en", "it is ok\xC3\xA2\xE2\x82\xAC\xEF\xBF\xBD then",
     "it is ok\xC3\xA2\xE2\x82\xAC\xEF\xBF\xBD then", 1},
    /* "Â" and the space its no-break space became, after a word */
    {"en", "It was named\xC3\x82 now", "It was named\xC2\xA0now", 0},
    /* or of a soft hyphen inside a word (C2 AD) */
    {"de", "der Kinder\xC3\x82 garten", "der Kindergarten", 0},
    /* correct text with "â" and "Ã": Vietnamese and Romanian words
     * (an elided word stands before a vowel, not glued to one letter),
     * Portuguese capitals before a space, a Sanskrit word and a name */
    {"fr",
     "Thi\xCC\x81"
     "ch Minh T\xC3\xA2m et L\xC3\xA2m, L\xC3\xA2u, m\xC3\xA2ine",
     "Thi\xCC\x81"
     "ch Minh T\xC3\xA2m et L\xC3\xA2m, L\xC3\xA2u, m\xC3\xA2ine",
     0},
    {"it", "era CAPIT\xC3\x83 AM\xC3\x89RICA",
     "era CAPIT\xC3\x83 AM\xC3\x89RICA", 0},
    {"en", "The \xC3\xA2tman is one with Brahm\xC3\xA2.",
     "The \xC3\xA2tman is one with Brahm\xC3\xA2.", 0},
    /* an ordinal's superscript decodes after a numeral ("XIXᵉ") */
    {"fr",
     "Au XIX\xC3\xA1\xC2\xB5\xE2\x80\xB0 si\xC3\xA8"
     "cle",
     "Au XIX\xE1\xB5\x89 si\xC3\xA8"
     "cle",
     0},
    /* a standalone "Ã" is no second byte of the next word */
    {"fr", "Elle est \xC3\x83 l\xC3\xA2\xC3\x83 cole.",
     "Elle est \xC3\xA0 l\xE2\x80\x99\xC3\x89"
     "cole.",
     0},
    /* "Ã" in Portuguese words in capitals is a letter: short words, and
     * longer ones no reading of which is a word of the language */
    {"fr", "S\xC3\x83O PAULO et N\xC3\x83O", "S\xC3\x83O PAULO et N\xC3\x83O",
     0},
    {"fr", "JO\xC3\x83O et les IRM\xC3\x83OS",
     "JO\xC3\x83O et les IRM\xC3\x83OS", 0},
    /* a longer word in capitals glued to its lead is read, and a short
     * one where Portuguese writes no "Ã" */
    {"fr",
     "LE D\xC3\x83"
     "BAT EST OUVERT",
     "LE D\xC3\x89"
     "BAT EST OUVERT",
     0},
    {"de", "WERDEN F\xC3\x83R DIE ERHOLUNG", "WERDEN F\xC3\x9CR DIE ERHOLUNG",
     0},
    /* "à" in a line in capitals is "À", its byte a space or dropped */
    {"fr", "EST L\xC3\x83  POUR LE FAIRE", "EST L\xC3\x80 POUR LE FAIRE", 0},
    {"fr", "SONT R\xC3\x89TICENTS \xC3\x83 AUGMENTER LA TAXE",
     "SONT R\xC3\x89TICENTS \xC3\x80 AUGMENTER LA TAXE", 0},
    {"fr", "ILS TRAVAILLAIENT \xC3\x83 L'H\xC3\x83TEL.",
     "ILS TRAVAILLAIENT \xC3\x80 L'H\xC3\x94TEL.", 0},
    /* two lost bytes or more in one word, read whole: dropped, turned
     * into spaces (the last one's before a space of the text), a split
     * word and an umlaut with "ß" */
    {"fr",
     "LA S\xC3\x83"
     "CURIT\xC3\x83 SOCIALE",
     "LA S\xC3\x89"
     "CURIT\xC3\x89 SOCIALE",
     0},
    {"fr", "LA S\xC3\x83 CURIT\xC3\x83  SOCIALE",
     "LA S\xC3\x89"
     "CURIT\xC3\x89 SOCIALE",
     0},
    {"fr",
     "Les PYR\xC3\x83 N\xC3\x83 ES, D\xC3\x83"
     "C\xC3\x83"
     "D\xC3\x83 hier",
     "Les PYR\xC3\x89N\xC3\x89"
     "ES, D\xC3\x89"
     "C\xC3\x89"
     "D\xC3\x89 hier",
     0},
    {"de",
     "Die \xC3\x83u\xC3\x83"
     "erung des Ministers",
     "Die \xC3\x84u\xC3\x9F"
     "erung des Ministers",
     0},
    /* the longest word first: not "GÊNÉ RALEMENT", not "ÉQUIPÉ ES" */
    {"fr", "SECTEUR G\xC3\x83 N\xC3\x83 RALEMENT SANS",
     "SECTEUR G\xC3\x89N\xC3\x89RALEMENT SANS", 0},
    {"fr", "PARFOIS \xC3\x83 QUIP\xC3\x83 ES D'UN GPS",
     "PARFOIS \xC3\x89QUIP\xC3\x89"
     "ES D'UN GPS",
     0},
    /* a lead ending a word in capitals, read when the text's other lost
     * bytes were read for sure; alone, or a Portuguese word, left */
    {"fr",
     "LA S\xC3\x83"
     "CURIT\xC3\x83 EST ATTERR\xC3\x83 .",
     "LA S\xC3\x89"
     "CURIT\xC3\x89 EST ATTERR\xC3\x89.",
     0},
    {"fr", "LE PARTI EST ATTERR\xC3\x83 .", "LE PARTI EST ATTERR\xC3\x83 .", 0},
    {"fr",
     "LA S\xC3\x83"
     "CURIT\xC3\x83 ET IRM\xC3\x83 DULCE",
     "LA S\xC3\x89"
     "CURIT\xC3\x89 ET IRM\xC3\x83 DULCE",
     0},
    /* no combination of letters makes a word: left as it is */
    {"fr", "X\xC3\x83Y\xC3\x83Z", "X\xC3\x83Y\xC3\x83Z", 0},
};

/*
 * other_pages in a language of another script: Russian and Ukrainian
 * UTF-8 read as a Cyrillic charset (or Windows-1252) decode into the
 * language's own letters, read with its dictionary; its own text, which
 * the same charsets could read ("Рі" is "г" in Windows-1251, "ТА" is "°"
 * in ISO-8859-5), stays.
 */
/*
 * other_pages into Latin Extended-A: Central European and Baltic letters
 * through Windows-1250 or -1257 ("Ĺ™" is "ř"), applied on the line's
 * evidence (a French run has no dictionary of theirs); "Ä" and a no-break
 * space in Finnish is no "Ġ" (Windows-1252 reports it, as before).
 */
static const struct hidden_case latin_extended_cases[] = {
    {"fr", "Le compositeur tchĂ¨que AntonĂ­n DvoĹ™Ăˇk et le Polonais WaĹ‚Ä™sa.",
     "Le compositeur tchèque Antonín Dvořák et le Polonais Wałęsa.", 0},
    {"fr",
     "SELK\xC3\x84\xC2\xA0"
     "EDELL\xC3\x84\xC2\xA0"
     "MAAHAN",
     "SELK\xC3\x84\xC2\xA0"
     "EDELL\xC3\x84\xC2\xA0"
     "MAAHAN",
     2},
    /* no evidence on the line: reported */
    {"fr", "FilipiĹ„ski", "FilipiĹ„ski", 1},
    /* a line is damaged through one charset: "ĂĄ" is "á" in ISO-8859-2
     * and "å" in Windows-1250; "Ĺ" and a C1 control, read by ISO-8859-2
     * only, decide */
    {"fr",
     "MĂĄme dost tĹ\xC2\x99"
     "eĹĄnĂ\xC2\xAD"
     " na zĂ\xC2\xAD"
     "tĹ\xC2\x99"
     "ek.",
     "Máme dost třešní na zítřek.", 0},
};

static const struct hidden_case native_cases[] = {
    /* one sentence through every Cyrillic charset */
    {"ru",
     "РџСЂРµР·РёРґРµРЅС‚ Р·Р°СЏРІРёР», С‡С‚Рѕ РїРµСЂРµРіРѕРІРѕСЂС‹ "
     "РїСЂРѕРґРѕР»Р¶Р°С‚СЃСЏ.",
     "Президент заявил, что переговоры продолжатся.", 0},
    {"ru",
     "п÷я─п╣п╥п╦п╢п╣п╫я┌ п╥п╟я▐п╡п╦п╩, я┤я┌п╬ п©п╣я─п╣пЁп╬п╡п╬я─я▀ "
     "п©я─п╬п╢п╬п╩п╤п╟я┌я│я▐.",
     "Президент заявил, что переговоры продолжатся.", 0},
    {"ru",
     "╨Я╤А╨╡╨╖╨╕╨┤╨╡╨╜╤В ╨╖╨░╤П╨▓╨╕╨╗, ╤З╤В╨╛ ╨┐╨╡╤А╨╡╨│╨╛╨▓╨╛╤А╤Л "
     "╨┐╤А╨╛╨┤╨╛╨╗╨╢╨░╤В╤Б╤П.",
     "Президент заявил, что переговоры продолжатся.", 0},
    {"ru",
     "–Я—А–µ–Ј–Є–і–µ–љ—В –Ј–∞—П–≤–Є–ї, —З—В–Њ –њ–µ—А–µ–≥–Њ–≤–Њ—А—Л "
     "–њ—А–Њ–і–Њ–ї–ґ–∞—В—Б—П.",
     "Президент заявил, что переговоры продолжатся.", 0},
    /* ISO-8859-5 writes the second bytes 80..9F as C1 controls */
    {"ru",
     "а\xC2\x9F"
     "б\xC2\x80"
     "аЕаЗаИаДаЕаНб\xC2\x82"
     " аЗаАб\xC2\x8F"
     "аВаИаЛ, б\xC2\x87"
     "б\xC2\x82"
     "аО аПаЕб\xC2\x80"
     "аЕаГаОаВаОб\xC2\x80"
     "б\xC2\x8B"
     " аПб\xC2\x80"
     "аОаДаОаЛаЖаАб\xC2\x82"
     "б\xC2\x81"
     "б\xC2\x8F"
     ".",
     "Президент заявил, что переговоры продолжатся.", 0},
    /* KOI8-U's Ukrainian letters; a word of one letter ("у") */
    {"uk",
     "пёп╨я─п╟я≈пҐп╟ п╬я┌я─п╦п╪п╟п╩п╟ пҐп╬п╡я√ п╟п╡я┌п╬п╠я┐я│п╦ я┐ п\xC2\xA0"
     "п╦я■п╡я√.",
     "Україна отримала нові автобуси у Києві.", 0},
    /* the apostrophe inside a word, guillemets beside its letters */
    {"uk", "РѕР±СЃСЏРі РїР°РјвЂ™СЏС‚С– Сѓ СЂРѕР·РґС–Р»С– В«%sВ»",
     "обсяг пам’яті у розділі «%s»", 0},
    /* Windows-1252: a word of one letter, a lost byte as a C1 control */
    {"ru",
     "Ñ€Ð°Ð·Ð»Ð¸Ñ‡Ð¸Ñ\xC2\x8F"
     " Ð¼ÐµÐ¶Ð´Ñƒ HEAD Ð¸ Ð¸Ð½Ð´ÐµÐºÑ\xC2\x81"
     "Ð¾Ð¼",
     "различия между HEAD и индексом", 0},
    /* "тип" is no further layer (IBM 866 reads "⨯" so) */
    {"uk", "Ñ‚Ð¸Ð¿ стовпця", "тип стовпця", 0},
    /* the language's own text stays, with damage on the line or not */
    {"uk", "СІЧНЯ 2024 РОКУ ВІДБУЛАСЯ ЗУСТРІЧ.",
     "СІЧНЯ 2024 РОКУ ВІДБУЛАСЯ ЗУСТРІЧ.", 0},
    {"uk", "Рівне отримало нові автобуси.", "Рівне отримало нові автобуси.", 0},
    {"uk", "Ріу-Гранде-ду-Сул", "Ріу-Гранде-ду-Сул", 0},
    /* a French line in a Russian run: "Г" between Latin words is "à" */
    {"ru", "La rГ©gion se trouve Г lвЂ™ouest de lвЂ™Ukraine",
     "La région se trouve à l’ouest de l’Ukraine", 0},
    {"uk", "У CREATE VIEW вказано більше імен",
     "У CREATE VIEW вказано більше імен", 0},
    {"uk", "префікс «x-». У AppStream також", "префікс «x-». У AppStream також",
     0},
    {"uk", "РѕР±СЃСЏРі ВіртАдр", "обсяг ВіртАдр", 0},
    {"uk", "РѕР±СЃСЏРі КАТАЛОГ ТА ФАЙЛИ", "обсяг КАТАЛОГ ТА ФАЙЛИ", 0},
};

/* Text that is not mojibake: no finding at all, byte-identical. */
static const char *const untouched[] = {
    /* operators in a formula: no byte sequence of a letter */
    "x = \xE2\x88\x9A"
    "2, y \xE2\x89\xA4 3 et z \xE2\x89\x88 4",
    /* an emoticon: MacRoman's "«" ("¬´") with no word beside it */
    "OK??:(   `\xC2\xAC\xC2\xB4    ):",
    /* Portuguese "lá" and two acute accents: E1 B4 B4 would be "ᴴ", a
     * modifier letter no text is written with */
    "quem eu sou pra l\xC3\xA1\xC2\xB4\xC2\xB4",
    /* Chinese and Korean whose characters a double-byte charset writes
     * as a two-byte sequence ("猫", cat, is "è" in GBK; "챕터", chapter,
     * starts with EUC-KR's "é"), beside Latin words too; and a "pr茅s"
     * that no dictionary word explains */
    "\xE6\x88\x91\xE7\x9A\x84\xE7\x8C\xAB\xE5\xBE\x88\xE5\x8F\xAF\xE7\x88"
    "\xB1, Hello Kitty\xE7\x8C\xAB et \xE8\x8C\x85\xE5\x8F\xB0\xE9\x85\x92",
    "\xEC\xB1\x95\xED\x84\xB0 1: \xEB\x93\x9C\xEB\x9D\xBC\xEB\xA7\x88 "
    "\xEC\xB1\x95\xED\x84\xB0",
    /* box drawing, Greek, Croatian and German, Serbian in capitals */
    "src/ \xE2\x94\x9C\xE2\x94\x80\xE2\x94\x80 main.c "
    "\xE2\x94\x94\xE2\x94\x80\xE2\x94\x80 util.c",
    "\xCE\x93\xCE\xB5\xCE\xB9\xCE\xB1 \xCF\x83\xCE\xBF\xCF\x85, "
    "\xCE\x91\xCE\xB8\xCE\xAE\xCE\xBD\xCE\xB1",
    "\xC4\x86"
    "evapi i \xC3\x84rger",
    "\xD0\xA2\xD0\x90\xD0\x9A \xD0\x98 \xD0\x91\xD0\xAB\xD0\x9B\xD0\x9E: "
    "\xD0\xA3\xD0\x89\xD0\x95",
    "S\xC3\xA3o Paulo et N\xC3\x83O",
    "A IRM\xC3\x83 E A M\xC3\x83"
    "E N\xC3\x83O",
    "Nguy\xE1\xBB\x85n Th\xE1\xBB\x8B \xC3\x81nh, H\xC3\xA0 N\xE1\xBB\x99i",
    "\xC2\xAB\xD0\x9F\xD1\x83\xD1\x82\xD0\xB8\xD0\xBD\xC2\xBB, a-t-il dit",
    "\xC2\xAB"
    "CAF\xC3\x89\xC2\xBB et \xC2\xAB"
    "ESPA\xC3\x91"
    "A\xC2\xBB",
    "ESPA\xC3\x91\xC2\xBB",
    "r\xC3\xA9"
    "alis\xC3\xA9\xE2\x80\xA6\xC2\xBB",
    "le caf\xC3\xA9\xC2\xA0\xC2\xBB et d\xC3\xA9j\xC3\xA0\xC2\xA0!",
    "\xC3\x82ge des enfants",
    "\xC3\x8E"
    "le-de-France, \xC3\x89tat, \xC3\x80 bient\xC3\xB4t",
    "Ath\xC3\xA8nes (\xCE\x91\xCE\xB8\xCE\xAE\xCE\xBD\xCE\xB1)",
    "\xE2\x80\x9C"
    "citation\xE2\x80\x9D \xE2\x80\x94 l\xE2\x80\x99"
    "homme",
    "10\xC2\xB3 m\xC2\xB2, 20 \xC2\xB0"
    "C, 5 \xE2\x82\xAC",
    "Tr\xC3\xA8s \xC2\xAB bien \xC2\xBB",
    "MA\xC3\x8ETRE \xC3\x80 BORD",
    "\xD0\x93\xD1\x91\xD1\x82\xD0\xB5 \xD0\xB8 "
    "\xD0\xA8\xD0\xB8\xD0\xBB\xD0\xBB\xD0\xB5\xD1\x80, "
    "\xC2\xAB\xD0\x92\xD1\x96\xD1\x81\xD0\xBD\xD0\xB8\xD0\xBA\xC2\xBB "
    "\xD0\x92\xD1\x96\xD0\xBD \xD1\x81\xD0\xBA\xD0\xB0\xD0\xB7\xD0\xB0\xD0\xB2",
    "P\xC5\x99\xC3\xADli\xC5\xA1 \xC5\xBElu\xC5\xA5ou\xC4\x8Dk\xC3\xBD "
    "k\xC5\xAF\xC5\x88 \xC3\xBAp\xC4\x9Bl \xC4\x8F\xC3\xA1"
    "belsk\xC3\xA9 \xC3\xB3"
    "dy, \xC4\x8C\xC5\xA0",
    "Za\xC5\xBC\xC3\xB3\xC5\x82\xC4\x87 g\xC4\x99\xC5\x9Bl\xC4\x85 "
    "ja\xC5\xBA\xC5\x84, \xC5\x81\xC3\x93"
    "D\xC5\xB9",
    "\xC2\xAB\xC3\xA9t\xC3\xA9\xC2\xBB et\xE2\x80\xA6\xC3\xA0 la fin",
    "x \xE2\x89\x88 \xE2\x88\x9A"
    "2 \xC2\xB1 0,1 ; \xE2\x88\x86t \xE2\x89\xA4 3 \xC2\xB5s",
    "\xD0\x92\xC2\xA0\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB5, "
    "\xD0\x92\xC2\xAB\xD0\x93\xD0\xB0\xD0\xB7\xD0\xBF\xD1\x80\xD0\xBE\xD0\xBC"
    "\xD0\xB5\xC2\xBB \xD0\xB8 \xD0\xB2 "
    "\xD0\x9A\xD0\xB8\xD0\xB5\xD0\xB2\xD0\xB5",
    "\xC3\x87"
    "a co\xC3\xBBte 3\xC2\xA0\xE2\x82\xAC, voil\xC3\xA0.",
    /* a Cyrillic "Г" among Cyrillic words, or an abbreviation */
    "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82 \xD0\x93 la",
    "\xD0\x93. \xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0 et Paris",
};

static struct mojibake *moji;
static struct dict *dict;

/* Run the stage on in; return the cleaned text (caller frees) and count
 * the applied and unapplied findings. */
static void mojibake_stage(struct article *a, const struct view *v,
			   const struct tokens *ts, void *ctx)
{
	(void)ts;
	(void)ctx;
	mojibake_repair(moji, a, v);
}

static char *run(const char *in, size_t *applied, size_t *unapplied)
{
	return stage_run(NULL, in, FK_MOJIBAKE, mojibake_stage, NULL, applied,
			 unapplied);
}

static void test_rules(void)
{
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		size_t ap, un;
		char *out = run(cases[i].in, &ap, &un);
		CHECK_MSG(!strcmp(out, cases[i].want),
			  "rule %s (row %zu): got \"%s\"", cases[i].rule, i,
			  out);
		CHECK_MSG(un == cases[i].unapplied,
			  "rule %s (row %zu): %zu unapplied", cases[i].rule, i,
			  un);
		free(out);
	}
}

static void test_untouched(void)
{
	for (size_t i = 0; i < ARRAY_SIZE(untouched); i++) {
		size_t ap, un;
		char *out = run(untouched[i], &ap, &un);
		CHECK_MSG(!strcmp(out, untouched[i]) && ap + un == 0,
			  "row %zu: \"%s\" -> \"%s\" (%zu findings)", i,
			  untouched[i], out, ap + un);
		free(out);
	}
}

/* Idempotent: the stage finds nothing applicable in its own output. */
static void test_idempotent(void)
{
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		size_t ap, un, ap2, un2;
		char *once = run(cases[i].in, &ap, &un);
		char *twice = run(once, &ap2, &un2);
		CHECK_MSG(ap2 == 0 && !strcmp(once, twice),
			  "row %zu: \"%s\" -> \"%s\"", i, once, twice);
		free(once);
		free(twice);
	}
}

/* Rows in the language each names, with its dictionary. */
static void run_lang_cases(const struct hidden_case *rows, size_t n,
			   const char *what)
{
	for (size_t i = 0; i < n; i++) {
		const struct hidden_case *c = &rows[i];
		struct dict *d = dict_open(c->lang, NULL, RELIRE_DATA_DIR);
		struct mojibake *saved = moji;
		size_t ap, un;
		char *out;

		CHECK_MSG(d != NULL, "no %s dictionary", c->lang);
		if (!d)
			continue;
		moji = mojibake_new(d);
		out = run(c->in, &ap, &un);
		CHECK_MSG(!strcmp(out, c->want) && un == c->unapplied,
			  "%s (row %zu, %s): got \"%s\", %zu unapplied", what,
			  i, c->lang, out, un);
		/* idempotent: nothing applied on its own output */
		free(run(out, &ap, &un));
		CHECK_MSG(ap == 0, "%s (row %zu): %zu applied again", what, i,
			  ap);
		free(out);
		mojibake_free(moji);
		moji = saved;
		dict_free(d);
	}
}

static void test_hidden_byte(void)
{
	run_lang_cases(hidden_cases, ARRAY_SIZE(hidden_cases), "hidden_byte");
}

static void test_latin_extended(void)
{
	run_lang_cases(latin_extended_cases, ARRAY_SIZE(latin_extended_cases),
		       "latin_extended");
}

static void test_native_script(void)
{
	run_lang_cases(native_cases, ARRAY_SIZE(native_cases), "native_script");
}

int main(void)
{
	struct segmenter *seg = NULL;
	int rc = open_french(&dict, &seg);

	if (rc)
		return rc;
	moji = mojibake_new(dict);
	if (!moji)
		return 1;
	RUN(test_rules);
	RUN(test_untouched);
	RUN(test_idempotent);
	RUN(test_hidden_byte);
	RUN(test_native_script);
	RUN(test_latin_extended);
	mojibake_free(moji);
	dict_free(dict);
	segmenter_free(seg);
	return harness_done();
}
