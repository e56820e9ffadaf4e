# Inputs are never modified: the sums, sizes, modes and modification times
# of every input file are the same before and after every kind of run,
# including a run whose --out lies inside the input tree.
source "$(dirname "$0")/lib.sh"

in=$TMP/in
mkdir -p "$in/sub"
cp "$SRC"/corpora/seeds/*.txt "$in/"
printf 'Le le chat dort.\n' >"$in/repeat.txt"
printf '\xef\xbb\xbfUn texte avec BOM.\r\n' >"$in/bom.txt"
printf 'Caf\xc3\xa9 cr\xff\xfeme, pr\xc3\x83\xc2\xa9sentation.\n' \
	>"$in/sub/invalid.txt"
printf 'Caf\xe9 \x93cr\xe8me\x94 \xe0 la fran\xe7aise.\n' >"$in/sub/cp1252.txt"
printf 'Une e\xcc\x81cole.\n' >"$in/sub/nfd.txt"
printf 'Un \xc3\xa9t\xc3\xa9.\n' | iconv -f UTF-8 -t UTF-16 >"$in/sub/utf16.txt"
head -c 512 /dev/zero >"$in/sub/binary.txt"
printf 'ligne un\nligne deux deux\n\nligne quatre' >"$in/lines.txt"
printf '{"id": "r1", "text": "Le le texte."}\n{"text": "Deux."}\nnot json\n' \
	>"$TMP/records.jsonl"
chmod 0644 "$in"/*.txt
chmod 0444 "$in/sub/nfd.txt"

sums() {
	find "$in" "$TMP/records.jsonl" -path "$in/reports" -prune -o -type f \
		-printf '%p %s %m %T@\n' | sort
	find "$in" "$TMP/records.jsonl" -path "$in/reports" -prune -o -type f \
		-print0 | sort -z | xargs -0 sha256sum
}
sums >"$TMP/before"

# check_after NAME: compare with the sums taken before any run.
check_after() {
	sums >"$TMP/after"
	if ! cmp -s "$TMP/before" "$TMP/after"; then
		fail "inputs changed by the $1 run:"
		diff "$TMP/before" "$TMP/after" | head -6 >&2
	fi
}

# run NAME ARGS...: relire exits 0 or 1 (some inputs are meant to fail).
run() {
	local name=$1 got=0
	shift
	"$RELIRE" audit -q --suggest-budget 0 "$@" >"$TMP/stdout" \
		2>"$TMP/stderr" || got=$?
	[ "$got" -le 1 ] || fail "$name run exited $got: $(head -2 "$TMP/stderr")"
	check_after "$name"
}

run default --out "$TMP/o1" "$in"
run threads-1 --threads 1 --out "$TMP/o2" "$in"
run threads-4 --threads 4 --out "$TMP/o3" "$in"
run per-line --per-line --out "$TMP/o4" "$in/lines.txt" "$in/bom.txt"
run files --out "$TMP/o5" "$in/repeat.txt" "$in/sub/utf16.txt"
run stdin --out "$TMP/o6" - <"$in/repeat.txt"
if "$RELIRE" --help | grep -q -- '--typography'; then
	run typography --typography fr --out "$TMP/o7" "$in"
fi
if "$RELIRE" --help | grep -q -- '--jsonl'; then
	run jsonl --jsonl "$TMP/records.jsonl"
fi
# OUT inside the input tree, twice: the second run also reads the first
# run's clean files as articles, but no input is touched.
run out-inside --out "$in/reports" "$in"
run out-inside-again --out "$in/reports" "$in"
# The same directory given twice.
run twice --out "$TMP/o8" "$in" "$in"
finish
