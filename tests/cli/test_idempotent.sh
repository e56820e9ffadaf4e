# Idempotence: relire run on its own cleaned output applies nothing more.
# Each corpus is audited, then its clean output is audited again with the
# variants table the first run wrote (--variants), so that the second run
# makes the same name decisions; the second run must apply no finding.
# Covers the seed articles (corpora/), a synthetic corpus of the shapes
# that once broke the property (mojibake next to combining marks, a phrase
# holding a doubled word, glued copies of a phrase, a doubled glued menu, a
# heading glued to a sentence that repeats it, name variants), and, when
# ../shared/data is present, a few hundred lines of real machine
# translation and scraped French, one record per line.
source "$(dirname "$0")/lib.sh"

# applied CSV: print the applied findings of a findings.csv (at most 20);
# status 1 when there is any.
applied() {
	python3 - "$1" <<'EOF'
import csv
import sys

with open(sys.argv[1], encoding="utf-8", newline="") as f:
    rows = [r for r in csv.DictReader(f) if r["applied"] == "1"]
for r in rows[:20]:
    print("  %s: %s [%s, %s) %r -> %r (%s)" % (
        r["article"], r["kind"], r["start"], r["end"], r["original"][:60],
        r["replacement"][:60], r["detail"][:100]))
if len(rows) > 20:
    print("  ... and %d more" % (len(rows) - 20))
sys.exit(1 if rows else 0)
EOF
}

# twice NAME docs|lines INPUT [OPTION...]: audit INPUT (a directory of
# articles, or a file of one record per line), then audit the clean output
# again, with the same options.
twice() {
	local name=$1 mode=$2 input=$3 first=$TMP/$1.1 second=$TMP/$1.2
	local opts=(-q --csv-raw --suggest-budget 0 "${@:4}") clean=$first/clean

	if [ "$mode" = lines ]; then
		opts+=(--per-line)
		clean=$first/clean.txt
	fi
	"$RELIRE" audit "${opts[@]}" --out "$first" "$input" \
		>/dev/null 2>"$TMP/$name.err" || [ $? -eq 1 ] ||
		{ fail "$name: first run failed" && return; }
	if applied "$first/findings.csv" >/dev/null; then
		fail "$name: the first run applied nothing (a vacuous check)"
		return
	fi
	"$RELIRE" audit "${opts[@]}" --variants "$first/variants.csv" \
		--out "$second" "$clean" >/dev/null 2>"$TMP/$name.err" ||
		[ $? -eq 1 ] || { fail "$name: second run failed" && return; }
	if ! applied "$second/findings.csv" >"$TMP/$name.applied"; then
		fail "$name: the second run, on the clean output, applied:"
		cat "$TMP/$name.applied" >&2
	fi
}

twice seeds docs "$SRC/corpora"

# Synthetic records, one per line (printf escapes: UTF-8 bytes).
syn=$TMP/synthetic.txt
{
	# mojibake with a decoded combining mark, marks after a repair, a
	# mark before one
	printf 'Un ho\xc3\x8c\xe2\x80\x9atel, une pr\xc3\x83\xc2\xa9sentation.\n'
	printf 'La pr\xc3\x83\xc2\xa9\xcc\xa7sentation est faite.\n'
	printf 'Une e\xcc\x81\xc3\x83\xc2\xa9cole et un caf\xc3\x83\xc2\xa9.\n'
	printf 'Une e\xc3\x8c\xc2\x81cole publique.\n'
	# a phrase holding a doubled word, twice
	printf 'Vid\xc3\xa9o de ski Publi\xc3\xa9e le le 07 mars 2013 '
	printf 'Vid\xc3\xa9o de ski Publi\xc3\xa9e le le 07 mars 2013 par lui\n'
	# glued copies of a phrase; a doubled glued menu
	printf 'Ajouter au panierAjouter au panier\n'
	printf 'Langue DeutschFran\xc3\xa7ais DeutschFran\xc3\xa7ais Accueil\n'
	# a sentence glued to the next, which repeats its last word
	printf "aussi, poursuit-ilIl n'y a qu'eux.\n"
	# a heading glued to a sentence that repeats its last words
	printf 'ont d\xc3\xa9clar\xc3\xa9 les autorit\xc3\xa9sLes autorit\xc3\xa9s '
	printf 'ont saisi 8 tonnes.\n'
	# mojibake of a quote and a capital, then typography inside it
	printf 'Il a \xc3\x83\xc2\xa9t\xc3\x83\xc2\xa9 dit : \xc3\x82\xc2\xab'
	printf '\xc3\x83\xe2\x80\xb0tonnant, vraiment.\xc3\x82\xc2\xbb Puis...\n'
} >"$syn"
twice synthetic lines "$syn"
twice synthetic-typography lines "$syn" --typography fr
# No text lost: the quote and the capital whose mojibake was repaired
# survive the typography edits made inside that repair.
grep -qF $'\xc2\xab\xc2\xa0\xc3\x89tonnant, vraiment.\xc2\xa0\xc2\xbb' \
	"$TMP/synthetic-typography.1/clean.txt" ||
	fail "synthetic-typography: the repaired quote or capital was lost"

# Name variants across the articles of a batch.
mkdir -p "$TMP/names"
printf '%s\n' \
	"Le président Vladimir Poutine a rencontré Donald Trump à Kiev." \
	"Vladimir Putin a dit que la paix était possible. Le Kremlin de Putin." \
	>"$TMP/names/a.txt"
printf '%s\n' \
	"Volodymyr Zelensky a répondu à Kyiv. Zelenskiy a ensuite parlé." \
	"L'avocat d'Ushakov et de Ouchakov, puis Iouri Ouchakov et Yuri Ushakov." \
	>"$TMP/names/b.txt"
twice names docs "$TMP/names"

if [ -d "$SHARED" ]; then
	real=$TMP/real.txt
	for f in wmt21-de-fr/newstest2021.de-fr.hyp.P3AI.fr \
		wmt21-de-fr/newstest2021.de-fr.hyp.talp_upc.fr \
		wmt21-de-fr/newstest2021.de-fr.hyp.Online-W.fr \
		wmt22-de-fr/generaltest2022.de-fr.hyp.LT22.fr; do
		head -200 "$SHARED/$f"
	done >"$real"
	sed -n '1100,1300p' \
		"$SHARED/wmt22-de-fr/generaltest2022.de-fr.hyp.LT22.fr" >>"$real"
	head -400 "$SHARED/paracrawl/paracrawl-v3-validation-data.en-fr.tsv" |
		cut -f4 >>"$real"
	cut -f4 "$SHARED/paracrawl/paracrawl-v6-validation.en-fr.tsv" \
		>>"$real"
	twice real lines "$real"
	tail -3000 "$SHARED/bench/fr-mixed-5mb.txt" >"$TMP/mixed.txt"
	twice real-typography lines "$real" --typography fr
	twice mixed-typography lines "$TMP/mixed.txt" --typography fr
else
	skip_part "the real-data runs: $SHARED not found"
fi
finish
