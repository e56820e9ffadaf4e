/*
 * mojibake.h - repair of UTF-8 text that was decoded as a legacy 8-bit
 * charset (Windows-1252 and Latin-1 first, then MacRoman, Windows-1251,
 * Windows-1250, ISO-8859-2, ISO-8859-15, IBM 850, 437 and 866, KOI8-R,
 * KOI8-U, ISO-8859-5, MacCyrillic, Windows-1253, Windows-1257, the one-byte
 * half of Shift_JIS, and the double-byte GBK, Big5, EUC-KR and EUC-JP) and
 * encoded again (finding kind `mojibake`).
 *
 * "présentation" stored as UTF-8 is C3 A9 for the "é"; read as
 * Windows-1252 those bytes are "Ã©", and written out again as UTF-8 the
 * text says "prÃ©sentation". The repair reverses the accident span by span:
 * a candidate span is a run of characters that Windows-1252 (or Latin-1, for
 * the C1 controls U+0080..U+009F) encodes as bytes 0x80..0xFF; ICU's
 * converter turns the span back into those bytes, and every well-formed
 * multi-byte UTF-8 sequence found in them is a candidate repair.
 *
 * Policy (each rule is tested by name in tests/unit/test_mojibake.c):
 *  - plausible_only: a decoded character must be one mojibake produces in
 *    practice: Latin-1 and Latin Extended letters and symbols, combining
 *    marks after a letter, Greek/Cyrillic/Armenian/Hebrew/Arabic letters in
 *    runs of at least two, or (3 and 4 bytes) characters of the Common,
 *    Inherited or Latin scripts (quotes, dashes, euro, emoji, U+FFFD). A
 *    decoding into Han, Hangul, private use or unassigned code points is
 *    refused: "réalisé…»" is valid Windows-1252 for E9 85 BB, a Han
 *    character, and stays as it is.
 *  - confidence: "Ã"/"Â" followed by a Windows-1252 symbol (0.85),
 *    "â€" followed by a third byte and "ï¿½" (U+FFFD, a character lost
 *    before, encoded twice) (0.95) are the classic signatures; other
 *    leads start at 0.6. Then:
 *      + 0.1  the repair is inside a word, or spans two sequences or more;
 *      + 0.15 a Latin Extended lower-case letter decoded between two
 *             lower-case letters ("cÅ“ur");
 *      + 0.1  one of the characters is a C1 control (no legitimate text
 *             carries them);
 *      = 0.6  a sequence ending in closing punctuation or NBSP at the end
 *             of a word ("IRMÃ»": perhaps a word in capitals);
 *      <= 0.7 a single letter standing alone ("« Ã© »" quoted as an
 *             example), except "à" and the words of one letter the
 *             dictionary knows (Italian "è") before the next word (0.8);
 *      + 0.15 the line holds another repair applied on its own merits:
 *             damage comes in lines and paragraphs, not in characters.
 *  - threshold: repairs with a confidence of at least
 *    MOJIBAKE_APPLY_THRESHOLD (within rounding: 0.6 + 0.1 + 0.1 passes
 *    0.8) are applied; the others are reported
 *    unapplied with their suggested replacement.
 *  - lost_bytes: when the sloppy decoder lost a byte (the NBSP of "à",
 *    the C1 bytes of "’"), three patterns are repaired with lower
 *    confidence. "Ã " standing alone or ending a lower-case word
 *    ("voilÃ le") becomes "à" ("À" at the start of a line or sentence):
 *    0.8 before a lower-case letter or a digit, 0.7 otherwise. "lâ appui"
 *    becomes "l’appui" (0.7), and a standalone "Â " becomes a no-break
 *    space (0.7).
 *  - hidden_byte: a lone "Ã" whose second byte a Latin-1 reading left
 *    invisible (C3 80..9F are "À".."ß" as a C1 control, C3 A0 "à" as a
 *    no-break space, C3 AD "í" as a soft hyphen), then dropped or turned
 *    into a space by a scraper: "vehÃculo", "jardÃ n", "Ã glise",
 *    "groÃ en", "sÃ mismo"; and a lone "Å" the same way ("cÅur": "œ"
 *    is C5 93; two readings that differ by case take the capital at a
 *    sentence's start only). Each of those letters is tried glued to the
 *    word before and after (the space was the byte) or ending the word
 *    before (the byte was dropped; the word before read with its own
 *    repairs, "grÃ¶Ã te"); the article's dictionary decides. One
 *    reading is applied (0.9); a split word wins over two words when
 *    what follows the space is no word ("FuÃ ballwettbewerb"). Several
 *    readings ("dÃ as": "días" or "dí as"; a split word and two words,
 *    "MaÃ nahmen", are first decided by the article's sure readings: all
 *    of them turned the byte into a space, or all dropped it), or none
 *    after a lower-case
 *    word in a language whose accents.txt has no "à", are reported
 *    (0.5). "à" standing alone before a word ("Ã la", "Ã battre") and
 *    words no reading makes stay with lost_bytes. In capitals,
 *    Portuguese writes "Ã": a word of three letters or fewer glued to
 *    its "Ã" before "O", "E" or "S" ("NÃO", "SÃO") is not read, and a
 *    word ending in "Ã" ("ATTERRÃ .") only when the text's other lost
 *    bytes were read for sure and the dictionary knows one reading
 *    ("CAPITÃ" in Italian: "CAPITÀ" or "CAPITÒ"). "à" between words in
 *    capitals is "À".
 *    A word that lost two bytes or more ("SÃCURITÃ", "PYRÃ NÃ ES",
 *    "ÃuÃerung") is read whole (hidden_word): every lone lead glued to
 *    its letters or followed by one space and letters, each lead's
 *    letters those of its case and of the language's accent groups,
 *    every combination asked of the dictionary, the longest known word
 *    first; one reading applied (0.9), several reported (0.5). At most 4
 *    leads, 2,500 combinations per word and 20,000 per article.
 *    "’" (E2 80 99: "â" and two C1 controls) lost the same way ("lâ
 *    escroquerie", "jusquâà", "lâÖVP") is read with the dictionary too:
 *    applied (0.9) when the words on both sides make a word with "’"
 *    ("l’escroquerie", the word after read with its own mojibake
 *    decoded), or when the word before is an elided word of the language
 *    and a vowel or "h" follows (not glued to one letter: Vietnamese
 *    "Lâu"); never where the text is a word ("lâche").
 *    A quotation mark lost the same way ("âGeiÃelâ", "â  Publicity") is
 *    the language's (CLDR's primary or alternate quotes through ICU,
 *    the first pair Latin-1 can hide: "„ “" in German, "“ ”" in
 *    English; none in French, whose quotes are "« »"): an "â" with no
 *    letter before it and a word after it opens, one after a word and
 *    before no letter closes; glued to its word (no spaces left by the
 *    hidden bytes), that word must be in the dictionary ("âtman" is no
 *    quote). Applied when an opening mark is followed by a closing one
 *    on its line (0.85, and the line's evidence), else reported.
 *    A strict Windows-1252 decoder writes U+FFFD for the bytes it does
 *    not define (81, 8D, 8F, 90, 9D): "Ã�frica" is read with the
 *    dictionary among "Á Í Ï Ð Ý"; "â€�" after a word is "”" (E2 80
 *    9D), applied when "“" stands before it on its line (0.85).
 *    "Â" and a space after a lower-case word is the lead of a no-break
 *    space (0.85), or of a soft hyphen when the two halves make a word.
 *  - c1_controls: a C1 control left alone in the text is read as the
 *    Windows-1252 character of the same byte (U+0092 -> ’), like Web
 *    browsers do.
 *  - repeated: double-encoded text ("ÃƒÂ©") is repaired in one finding
 *    when the first repair is itself mojibake in full.
 *  - marks: the letter before a decoded combining mark, and combining
 *    marks right after a repair, are part of the repair, whose replacement
 *    is then NFC ("hoÌ‚tel" -> "hôtel"): the NFC stage could not compose
 *    across an applied repair, and a second run would. When the context
 *    rules look at the character before a repair, combining marks are
 *    skipped ("e" U+0301 reads as "é").
 *  - lost_space: "Ã" followed by two spaces, or by a NBSP and a space,
 *    before a word is the "à" whose NBSP byte a scraper turned into a
 *    space: the repair takes the "Ã" and the one space that was its second
 *    byte ("Ã  la" -> "à la"). This stage runs before the spacing and
 *    control-character stages, which would collapse the two spaces or
 *    delete the NBSP and leave "Ã la" without its evidence. "Ã€" ("À")
 *    before the next word is accepted like "à" (0.8). A sequence ending in
 *    a NBSP after a lower-case letter ("jusquÃ" NBSP) is not a word in
 *    capitals: weak_end applies after a capital only.
 *  - other_pages: the same damage through MacRoman ("√©" for "é",
 *    "‚Ä¶" for "…"), Windows-1251 ("Г©"), Windows-1250 and ISO-8859-2
 *    ("Ă©"), ISO-8859-15 ("Ãš" for "è"), the DOS code pages ("├®"),
 *    KOI8-R ("ц╘"), ISO-8859-5 ("УЉ"), Windows-1253 ("Γ©"), -1257
 *    ("Ć©"), Shift_JIS ("ﾃｩ") and the double-byte charsets ("茅": one
 *    Han or Hangul character for each sequence, repaired only with the
 *    dictionary or between Latin letters), looked for word by word in
 *    the text Windows-1252 left alone (or repaired with a capital
 *    between lower-case letters, "modÚle", which caps that repair at
 *    0.5). Of two charsets' readings of a word, the one that repairs
 *    more of it wins, then the more confident, then the charset of the
 *    line: the most of its words that one charset alone reads best ("Ĺ"
 *    and a C1 control is ISO-8859-2's "ř", so its "ĂĄ" is "á", not
 *    Windows-1250's "å"). A decoded character must
 *    be a Latin-1 letter, "œ"/"Œ", a letter of Latin Extended-A (Central
 *    European and Baltic: "Ĺ™" is "ř" in Windows-1250; at most 0.7,
 *    applied with the line's evidence, when no dictionary knows the word),
 *    or (three bytes) General Punctuation, the euro sign and the Latin
 *    ligatures of text taken from PDF ("п¬Ѓ" is "ﬁ"); every letter of the
 * repaired word must be Latin (Russian, Czech and Polish words never decode
 * into one), except in native_script below. Confidence 0.9 when the dictionary
 * accepts the repaired word and not the damaged one, for a three-byte
 * punctuation signature ("‚Ä¶", "вЂ™"), for a quote or degree sign with a
 * letter or digit within four characters ("`¬´    ):" is an emoticon), or for
 * damage that starts with a mathematical operator glued to a Latin letter
 *    ("Dupr√©": MacRoman's "√" is the lead C3); 0.7 for letters inside a
 *    word otherwise (a name: applied with line evidence); nothing else
 *    is reported.
 *  - native_script: in a language written in another script (Russian,
 *    Ukrainian: the language's letters outside Latin in CLDR's exemplar
 *    set, through ICU), the other charsets' damage decodes into those
 *    letters too: "РџСЂРёРІРµС‚" (Windows-1251), "п÷я─п╦п╡п╣я┌" (KOI8-R;
 *    KOI8-U for "і" "ї" "є" "ґ"), IBM 866, MacCyrillic, ISO-8859-5 (whose
 *    second bytes 80..9F are C1 controls: a lone C1 control read as
 *    Windows-1252 yields to the reading of its word). A word is read
 *    only when it is damage from end to end (apostrophes aside,
 *    "пам’яті"): Windows-1251 reads "Рі" of "Рівне" as "г". 0.9 when the
 *    dictionary knows the repaired word of two letters or more and not
 *    the damaged one; 0.7 otherwise, and for a word of one letter ("у"),
 *    applied with the line's evidence. A quote or degree sign beside the
 *    language's letters is 0.7; made of its letters ("ТА" is "°" in
 *    ISO-8859-5) only glued to what it quotes ("ТЋ%sТЛ"); punctuation
 *    made of its letters glued to another ("тАд" of "ВіртАдр") and a
 *    letter of the language as the lead of a hidden "à" ("У", ISO-8859-5's
 *    C3) are its text. A word of the language that its dictionary knows
 *    is no further layer ("тип" is IBM 866 for "⨯"). Through
 *    Windows-1252 ("ÐŸÑ€Ð¸"), one letter of the language standing alone
 *    ("Ð¸", "и") goes to the dictionary and the line's evidence.
 *  - layers: a repair whose result is itself mojibake in full, in any of
 *    the charsets, is decoded again (up to three layers, in one finding):
 *    "ÃƒÂ©", "√É¬©", "âˆšÂ©" all become "é".
 *  - dictionary: a Windows-1252 repair inside a word of at least two
 *    letters that the dictionary accepts, where it rejects the damaged
 *    word, gets 0.9.
 *  - untouched: text where no span qualifies is byte-identical: Portuguese
 *    "São", "NÃO", Vietnamese, "«CAFÉ»", Cyrillic (Russian and Ukrainian
 *    text too: 0 of 58,716 lines of their translations), and repaired
 *    text itself (the stage is idempotent).
 */
#ifndef RELIRE_MOJIBAKE_H
#define RELIRE_MOJIBAKE_H

#include "common/article.h"
#include "common/view.h"

/* Repairs at or above this confidence are applied. */
#define MOJIBAKE_APPLY_THRESHOLD 0.8

struct mojibake;

struct dict;

/* Open the converters of one worker; dict (borrowed, may be NULL: then no
 * dictionary verdict) must outlive it. Returns NULL after printing the
 * error when ICU lacks one of the converters. Free with mojibake_free(). */
struct mojibake *mojibake_new(struct dict *dict);
/* Close m; NULL is a no-op. */
void mojibake_free(struct mojibake *m);

/* Find the mojibake of view v and report it on a (m is not thread-safe:
 * one per worker). */
void mojibake_repair(struct mojibake *m, struct article *a,
		     const struct view *v);

#endif
