# The reports are the same for every thread count: quality.csv,
# findings.csv, variants.csv, report.xlsx, report.html, its pages and the
# clean text of 1, 2 and 4 workers are byte-identical (the workers format
# the rows, the writer appends them in order), with the default options
# (suggestions from the word-form index: only --suggest hunspell depends
# on time). Covers the shared
# spelling caches, the writer's ordering and the first pass's records, on
# the seeds (articles) and, when ../shared/data is present, on a few
# thousand real records (per line). A record's findings do not depend on
# the records before it either: the same lines audited in reverse order
# give the same findings (a worker's state, such as the dictionaries of
# other languages it opened, must not change what it finds).
source "$(dirname "$0")/lib.sh"

# same NAME MODE INPUT: audit INPUT with 1, 2 and 4 threads and compare.
same() {
	local name=$1 input=$3 opts=(-q) clean=clean
	[ "$2" = lines ] && opts+=(--per-line) && clean=clean.txt
	for j in 1 2 4; do
		"$RELIRE" audit "${opts[@]}" -j "$j" --out "$TMP/$name.$j" \
			"$input" >/dev/null 2>&1 || [ $? -eq 1 ] ||
			fail "$name: the run with $j threads failed"
	done
	[ -s "$TMP/$name.1/findings.csv" ] || fail "$name: no findings at all"
	for j in 2 4; do
		for f in quality.csv findings.csv variants.csv report.xlsx \
			report.html; do
			cmp -s "$TMP/$name.1/$f" "$TMP/$name.$j/$f" ||
				fail "$name: $f differs between 1 and $j threads"
		done
		diff -r -q "$TMP/$name.1/$clean" "$TMP/$name.$j/$clean" \
			>/dev/null || fail "$name: $clean differs with $j threads"
		if [ -d "$TMP/$name.1/html" ]; then
			diff -r -q "$TMP/$name.1/html" "$TMP/$name.$j/html" \
				>/dev/null ||
				fail "$name: html/ differs with $j threads"
		fi
	done
}

same seeds docs "$SRC/corpora"
if [ -d "$SHARED" ]; then
	real=$TMP/real.txt
	head -1500 "$SHARED/bench/fr-mixed-5mb.txt" >"$real"
	head -1000 "$SHARED/paracrawl/paracrawl-v3-validation-data.en-fr.tsv" |
		cut -f4 >>"$real"
	cat "$SHARED/wmt22-de-fr/generaltest2022.de-fr.hyp.LT22.fr" >>"$real"
	same real lines "$real"

	# order INPUT: findings of INPUT's lines, read forward and backward.
	order() {
		local input=$1 n
		n=$(wc -l <"$input")
		tac "$input" >"$TMP/reversed.txt"
		for d in forward:"$input" backward:"$TMP/reversed.txt"; do
			"$RELIRE" audit -q --per-line -j 2 --reports none \
				--out "$TMP/order.${d%%:*}" "${d#*:}" \
				>/dev/null 2>&1 || [ $? -eq 1 ] ||
				fail "order: the ${d%%:*} run failed"
		done
		python3 - "$TMP/order.forward/findings.csv" \
			"$TMP/order.backward/findings.csv" "$n" <<'PY' ||
import csv, sys
n = int(sys.argv[3])
def load(path, backward):
    rows = set()
    for r in list(csv.reader(open(path, encoding="utf-8")))[1:]:
        line = int(r[0].rsplit(":", 1)[1])
        rows.add((n + 1 - line if backward else line,) + tuple(r[1:]))
    return rows
f, b = load(sys.argv[1], False), load(sys.argv[2], True)
for row in sorted(f ^ b)[:5]:
    print("  only %s: %s" % ("forward" if row in f else "backward",
                             row), file=sys.stderr)
sys.exit(0 if f and f == b else 1)
PY
			fail "order: findings differ when the lines are reversed"
	}
	# Spanish and German lines read as French: the other languages'
	# dictionaries and the names table (clues, common words, spellings
	# that differ by case) are what once followed the order.
	for l in es de fr; do
		cut -f4 "$SHARED/paracrawl/paracrawl-v3-validation-data.en-$l.tsv" |
			awk 'length > 3' >"$TMP/$l.txt"
		order "$TMP/$l.txt"
	done
else
	skip_part "the real-data run: $SHARED not found"
fi
finish
