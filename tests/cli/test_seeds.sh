# The seed articles: expected findings asserted (tests/cli/seeds_expected.tsv),
# the no-silent-change round trip, and deterministic outputs.
source "$(dirname "$0")/lib.sh"

"$RELIRE" audit -q --suggest-budget 0 --out "$TMP/a" "$SRC/corpora/seeds" ||
	fail "relire exited $?"
python3 "$SRC/tests/cli/expect_findings.py" "$TMP/a" \
	"$SRC/tests/cli/seeds_expected.tsv" || fail "expected findings"
python3 "$SRC/tests/cli/roundtrip.py" "$TMP/a" "$SRC/corpora/seeds" ||
	fail "round trip"

# Good text stays byte-identical: an article with nothing to repair.
mkdir -p "$TMP/good"
printf 'Le président a déclaré mardi que « la situation reste grave ».\n' \
	>"$TMP/good/a.txt"
"$RELIRE" audit -q --out "$TMP/g" "$TMP/good" || fail "good text run"
cmp -s "$TMP/good/a.txt" "$TMP/g/clean/a.txt" || fail "good text changed"

# Deterministic: a second run gives byte-identical outputs.
"$RELIRE" audit -q --suggest-budget 0 --out "$TMP/b" "$SRC/corpora/seeds" ||
	fail "second run"
diff -r "$TMP/a" "$TMP/b" >/dev/null || fail "outputs differ between runs"
finish
