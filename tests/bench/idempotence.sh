#!/usr/bin/env bash
# Idempotence and no silent change on whole real corpora (the CI test
# tests/cli/test_idempotent.sh covers samples of them): for each corpus,
# relire audits it (--per-line, --suggest-budget 0), tests/cli/roundtrip.py
# re-applies the applied findings to the input and compares with the
# cleaned text, then relire audits its own cleaned output with the first
# run's variants.csv; the second run must apply nothing. Prints one line
# per corpus and the first applied findings of a second run, if any. A run
# of relire that fails (exit status not 0) or crashes fails the script.
# usage: tests/bench/idempotence.sh [BUILD_DIR] [SHARED_DATA_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
relire=${1:-$here/../../build}/relire
shared=${2:-$here/../../../shared/data}
[ -d "$shared" ] || { echo "SKIP: $shared not found"; exit 0; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# tsv_column FILE N: column N of a ParaCrawl TSV, one record per line.
tsv_column() {
	python3 -c '
import csv, sys
for r in csv.reader(open(sys.argv[1], newline="", encoding="utf-8",
                         errors="surrogateescape"), delimiter="\t"):
    if len(r) > int(sys.argv[2]):
        sys.stdout.write(r[int(sys.argv[2])].replace("\n", " ") + "\n")
' "$1" "$2" 2>/dev/null
}

# audit ARGS...: relire audit ARGS, or the script fails naming the status.
audit() {
	local rc=0
	"$relire" audit "$@" || rc=$?
	if [ "$rc" -ne 0 ]; then
		echo "FAIL: relire audit $* exited $rc" >&2
		exit 1
	fi
}

# check NAME INPUT [OPTION...]
check() {
	local name=$1 input=$2 first=$tmp/$1.1 second=$tmp/$1.2
	local opts=(-q --per-line --csv-raw --suggest-budget 0 "${@:3}")
	audit "${opts[@]}" --out "$first" "$input"
	local rt
	rt=$(python3 "$here/../cli/roundtrip.py" "$first" "$input" --per-line |
		tail -1)
	audit "${opts[@]}" --variants "$first/variants.csv" \
		--out "$second" "$first/clean.txt"
	python3 - "$name" "$first/findings.csv" "$second/findings.csv" \
		"$rt" <<'EOF'
import csv, sys
name, first, second, rt = sys.argv[1:5]
n1 = sum(1 for r in csv.DictReader(open(first, encoding="utf-8"))
         if r["applied"] == "1")
again = [r for r in csv.DictReader(open(second, encoding="utf-8"))
         if r["applied"] == "1"]
print("%-28s first run applied %6d, second run applied %3d; %s"
      % (name, n1, len(again), rt.replace("roundtrip: ", "round trip: ")))
for r in again[:5]:
    print("    %s %s %r -> %r (%s)" % (r["article"].rsplit(":", 1)[-1],
          r["kind"], r["original"][:40], r["replacement"][:40],
          r["detail"][:50]))
EOF
}

cat "$shared"/wmt21-de-fr/*.fr "$shared"/wmt22-de-fr/*.fr >"$tmp/mt.txt"
cat "$shared"/wmt21-fr-de/*.de >"$tmp/de.txt"
check "WMT21/22 de-fr, all" "$tmp/mt.txt"
check "WMT21/22 de-fr, typography" "$tmp/mt.txt" --typography fr
check "WMT21 fr-de (German)" "$tmp/de.txt" --lang de
check "bench/fr-news" "$shared/bench/fr-news.txt"
check "bench/fr-mixed-5mb, typo." "$shared/bench/fr-mixed-5mb.txt" \
	--typography fr
for l in fr de es it; do
	tsv_column "$shared/paracrawl/paracrawl-v3-validation-data.en-$l.tsv" \
		3 >"$tmp/pc-$l.txt"
	check "ParaCrawl v3 $l" "$tmp/pc-$l.txt" --lang "$l"
done
tsv_column "$shared/paracrawl/paracrawl-v6-validation.en-fr.tsv" 3 \
	>"$tmp/pc6.txt"
check "ParaCrawl v6 fr" "$tmp/pc6.txt"
