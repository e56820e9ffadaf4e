# relire forms: the word-form index of a dictionary. Usage errors, a
# missing unmunch, and a real index made from a small word list with the
# French affix rules, read by an audit through --dict-dir, and ignored
# once the dictionary changes.
source "$(dirname "$0")/lib.sh"

expect_status 2 "$RELIRE" forms
grep -q 'forms needs --out FILE' "$TMP/stderr" || fail "no --out message"
expect_status 2 "$RELIRE" forms --out "$TMP/x.forms" extra
expect_status 3 "$RELIRE" forms --unmunch /nonexistent/unmunch \
	--out "$TMP/x.forms"
grep -q "cannot run '/nonexistent/unmunch'" "$TMP/stderr" ||
	fail "missing unmunch message"
[ ! -e "$TMP/x.forms" ] || fail "an index was left after a failure"

command -v unmunch >/dev/null ||
	skip "unmunch not installed (Debian package hunspell-tools)"
aff=/usr/share/hunspell/fr_FR.aff
[ -r "$aff" ] || missing "no $aff (Debian package hunspell-fr)"

# A dictionary of its own: the French affix rules, two words. Its index
# holds their accepted forms (not the ones unmunch makes up).
mkdir -p "$TMP/dict"
cp -r "$SRC/dictionaries" "$TMP/data"
cp "$aff" "$TMP/dict/fr_FR.aff"
printf '2\ntélécharger/a0p+()\nproblème/S.()\n' >"$TMP/dict/fr_FR.dic"
expect_status 0 "$RELIRE" forms --dict-dir "$TMP/dict" --data-dir "$TMP/data" \
	--out "$TMP/dict/fr.forms"
grep -Eq "relire: [0-9]+ forms of 'fr' indexed" "$TMP/stderr" ||
	fail "no summary: $(cat "$TMP/stderr")"
for form in téléchargé téléchargeons problèmes; do
	grep -aq "$form" "$TMP/dict/fr.forms" || fail "$form not indexed"
done

# The audit reads it: a form changed in the file (same length, so the
# file stays well-formed) is what the repair proposes.
LC_ALL=C sed -i 's/problèmes/problèmeZ/' "$TMP/dict/fr.forms"
printf 'Il faut telechargeons les problemes.\n' >"$TMP/in.txt"
audit() {
	rm -rf "$TMP/o"
	expect_status 0 "$RELIRE" audit -q --dict-dir "$TMP/dict" --data-dir \
		"$TMP/data" --suggest-budget 0 --out "$TMP/o" "$TMP/in.txt"
}
audit
grep -q 'téléchargeons' "$TMP/o/findings.csv" ||
	fail "no repair: $(cat "$TMP/o/findings.csv")"
grep -q 'problèmeZ' "$TMP/o/findings.csv" || fail "the index was not read"

# Another dictionary (one word more): the index is not used any more, the
# repairs are found by asking Hunspell.
printf 'logiciel/S.()\n' >>"$TMP/dict/fr_FR.dic"
audit
grep -q 'problèmeZ' "$TMP/o/findings.csv" && fail "a stale index was read"
grep -q 'problèmes' "$TMP/o/findings.csv" || fail "no repair without index"
finish
