# No silent change: on every test corpus, applying the applied findings of
# findings.csv to the original reproduces the cleaned text byte for byte.
source "$(dirname "$0")/lib.sh"

# A synthetic corpus with one damage of each kind the pipeline repairs.
mk=$TMP/synthetic
mkdir -p "$mk"
printf 'Le le chat dort.\n' >"$mk/repeat.txt"
printf '\xef\xbb\xbfUn texte avec BOM.\n' >"$mk/bom.txt"
printf 'Caf\xc3\xa9 cr\xff\xfeme et pr\xc3\xa9sentation.\n' >"$mk/invalid.txt"
printf 'Caf\xe9 \x93cr\xe8me\x94 \xe0 la fran\xe7aise, d\xe9j\xe0 servi.\n' \
	>"$mk/cp1252.txt"
printf 'Une e\xcc\x81cole, un ho\xcc\x82tel.\n' >"$mk/nfd.txt"
printf '' >"$mk/empty.txt"

run_check() {
	local name=$1
	shift
	"$RELIRE" audit -q --suggest-budget 0 --out "$TMP/out-$name" "$@" >/dev/null 2>&1 ||
		[ $? -eq 1 ] || fail "relire failed on $name"
	python3 "$SRC/tests/cli/roundtrip.py" "$TMP/out-$name" "$@" ||
		fail "round trip on $name"
}

run_check seeds "$SRC/corpora"
run_check synthetic "$mk"

if [ -d "$SHARED" ]; then
	run_check lt22 --per-line \
		"$SHARED/wmt22-de-fr/generaltest2022.de-fr.hyp.LT22.fr"
	run_check p3ai --per-line \
		"$SHARED/wmt21-de-fr/newstest2021.de-fr.hyp.P3AI.fr"
	cut -f4 "$SHARED/paracrawl/paracrawl-v3-validation-data.en-fr.tsv" \
		>"$TMP/paracrawl-fr.txt"
	run_check paracrawl --per-line "$TMP/paracrawl-fr.txt"
else
	skip_part "the real-data round trips: $SHARED not found"
fi
finish
