#!/usr/bin/env bash
# Throughput of relire beside its baselines, measured in the same run on
# the same input (median of RUNS runs):
#   relire's full pipeline (1 and 2 threads), hunspell -l on the text,
#   Hunspell on the distinct words, uconv -x nfc, wc -w (the floor of
#   reading the data); and peak memory (RSS) of relire.
# usage: tests/bench/throughput.sh [BUILD_DIR] [INPUT] [RUNS]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../../build}
input=${2:-$here/../../../shared/data/bench/fr-news.txt}
runs=${3:-5}
relire=$build/relire
[ -f "$input" ] || { echo "SKIP: $input not found"; exit 0; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

bytes=$(wc -c <"$input")
words=$(wc -w <"$input")
tr -s '[:space:][:punct:]' '\n' <"$input" | sort -u >"$tmp/distinct"

# median of $runs timings of a command (seconds)
median() {
	local t=()
	for _ in $(seq "$runs"); do
		local s e
		s=$(date +%s.%N)
		"$@" >/dev/null 2>&1 || true
		e=$(date +%s.%N)
		t+=("$(echo "$e - $s" | bc -l)")
	done
	printf '%s\n' "${t[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

report() { # name seconds
	awk -v n="$1" -v s="$2" -v b="$bytes" -v w="$words" 'BEGIN {
		printf "%-34s %8.3f s %8.2f MB/s %10.0f words/s\n", n, s,
		       b / s / 1e6, w / s }'
}

r1=$(median "$relire" audit -q --per-line -j 1 --out "$tmp/o1" "$input")
r2=$(median "$relire" audit -q --per-line -j 2 --out "$tmp/o2" "$input")
hl=$(median hunspell -d fr_FR -l "$input")
hd=$(median hunspell -d fr_FR -l "$tmp/distinct")
nf=$(median uconv -x nfc -o "$tmp/nfc" "$input")
wc_=$(median wc -w "$input")

echo "input: $input ($bytes bytes, $words words, median of $runs runs)"
report "relire audit --per-line -j 1" "$r1"
report "relire audit --per-line -j 2" "$r2"
report "hunspell -d fr_FR -l" "$hl"
report "hunspell -l on distinct words" "$hd"
report "uconv -x nfc" "$nf"
report "wc -w" "$wc_"
awk -v r1="$r1" -v r2="$r2" -v hl="$hl" -v hd="$hd" -v nf="$nf" 'BEGIN {
	printf "ratio hunspell -l / relire (1 thread):      %6.2f (target >= 8)\n", hl / r1
	printf "ratio relire (1 thread) / (distinct + nfc): %6.2f (target <= 1.5)\n", r1 / (hd + nf)
	printf "speed-up 2 threads / 1 thread:              %6.2f (target >= 1.8)\n", r1 / r2 }'
/usr/bin/time -f "peak RSS, 1 thread: %M KB" "$relire" audit -q --per-line -j 1 \
	--out "$tmp/o3" "$input" 2>&1 >/dev/null | tail -1
/usr/bin/time -f "peak RSS, 2 threads: %M KB" "$relire" audit -q --per-line -j 2 \
	--out "$tmp/o4" "$input" 2>&1 >/dev/null | tail -1

# Without suggestions (the rest of the pipeline), and with Hunspell's
# suggest() under its default time budget of 1 s per run (spent whole on
# this input), the default before the word-form index made them.
r0=$(median "$relire" audit -q --per-line -j 1 --suggest none \
	--out "$tmp/o5" "$input")
rh=$(median "$relire" audit -q --per-line -j 1 --suggest hunspell \
	--out "$tmp/o8" "$input")
report "relire -j 1 --suggest none" "$r0"
report "relire -j 1 --suggest hunspell" "$rh"
awk -v r0="$r0" -v hl="$hl" -v hd="$hd" -v nf="$nf" 'BEGIN {
	printf "  ratio hunspell -l / relire:        %6.2f\n", hl / r0
	printf "  ratio relire / (distinct + nfc):   %6.2f\n", r0 / (hd + nf) }'

# Streaming: peak memory on the input and on 10 copies of it, each line
# prefixed with its copy number so that no line repeats across copies.
for k in 1 2 3 4 5 6 7 8 9 10; do
	sed "s/^/$k /" "$input"
done >"$tmp/x10.txt"
/usr/bin/time -f "peak RSS, 1 thread, 10x input: %M KB (%e s)" \
	"$relire" audit -q --per-line -j 1 --suggest-budget 0 \
	--out "$tmp/o6" "$tmp/x10.txt" 2>&1 >/dev/null | tail -1
/usr/bin/time -f "peak RSS, 2 threads, 10x input: %M KB (%e s)" \
	"$relire" audit -q --per-line -j 2 --suggest-budget 0 \
	--out "$tmp/o7" "$tmp/x10.txt" 2>&1 >/dev/null | tail -1
