# --score-weights FILE: the score reads its weights and curve from FILE
# (default: the data directory's score-weights.tsv); a malformed file is a
# configuration error (exit 2) naming the file and the line.
source "$(dirname "$0")/lib.sh"

printf 'Le chat dort sur le canapé. Il a mangé une sourris.\n' >"$TMP/a.txt"
score() { # score of the one article in DIR/quality.csv
	python3 -c 'import csv,sys
print(next(csv.DictReader(open(sys.argv[1])))["score"])' "$1/quality.csv"
}

expect_status 0 "$RELIRE" audit -q --suggest-budget 0 -o "$TMP/d" "$TMP/a.txt"
expect_status 0 "$RELIRE" audit -q --suggest-budget 0 -o "$TMP/e" \
	--score-weights "$SRC/dictionaries/score-weights.tsv" "$TMP/a.txt"
[ "$(score "$TMP/d")" = "$(score "$TMP/e")" ] ||
	fail "the default is not the data directory's score-weights.tsv"

# Misspellings weigh nothing: the same article scores 100.
sed 's/^misspelling\t[^\t]*/misspelling\t0/' \
	"$SRC/dictionaries/score-weights.tsv" >"$TMP/w0.tsv"
expect_status 0 "$RELIRE" audit -q --suggest-budget 0 -o "$TMP/f" \
	--score-weights "$TMP/w0.tsv" "$TMP/a.txt"
[ "$(score "$TMP/f")" = "100.0" ] ||
	fail "--score-weights not used: score $(score "$TMP/f")"
[ "$(score "$TMP/d")" != "100.0" ] || fail "the misspelling was not found"

# Malformed: file:line: cause, exit 2, nothing written.
sed 's/^half\t[^\t]*/half\t-3/' "$SRC/dictionaries/score-weights.tsv" \
	>"$TMP/bad.tsv"
line=$(grep -n '^half' "$TMP/bad.tsv" | cut -d: -f1)
expect_status 2 "$RELIRE" audit -q -o "$TMP/g" --score-weights "$TMP/bad.tsv" \
	"$TMP/a.txt"
grep -q "bad.tsv:$line: half must be above 0, not -3" "$TMP/stderr" ||
	fail "malformed file message: $(cat "$TMP/stderr")"
[ ! -e "$TMP/g/quality.csv" ] || fail "reports written with a bad file"
expect_status 2 "$RELIRE" audit -q -o "$TMP/g" --score-weights \
	"$TMP/missing.tsv" "$TMP/a.txt"
grep -q "cannot read '.*missing.tsv'" "$TMP/stderr" ||
	fail "missing file message: $(cat "$TMP/stderr")"
"$RELIRE" --help >"$TMP/help"
grep -q -- "--score-weights FILE" "$TMP/help" ||
	fail "--score-weights not in --help"
finish
