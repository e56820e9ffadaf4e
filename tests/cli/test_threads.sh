# The reports are the same for every thread count: quality.csv,
# findings.csv, variants.csv, report.xlsx, report.html, its pages and the
# clean text of 1, 2 and 4 workers are byte-identical (the workers format
# the rows, the writer appends them in order), with the default options
# (suggestions from the word-form index: only --suggest hunspell depends
# on time). Covers the shared
# spelling caches, the writer's ordering and the first pass's records, on
# the seeds (articles) and, when ../shared/data is present, on a few
# thousand real records (per line).
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
else
	skip_part "the real-data run: $SHARED not found"
fi
finish
