#!/usr/bin/env bash
# Throughput of relire beside its baselines, measured in the same run on
# the same input (median of RUNS runs):
#   relire's full pipeline (1 and 2 threads; and without the reports for
#   people, --reports none), hunspell -l on the text,
#   Hunspell on the distinct words, uconv -x nfc, wc -w (the floor of
#   reading the data); and peak memory (RSS) of relire.
# usage: tests/bench/throughput.sh [BUILD_DIR] [INPUT] [RUNS]
# SCALES="1 4 16" (the default) sets the copies of the input for the
# time-per-MB and memory section at the end. A run of relire that fails
# fails the script: a crash is not a fast run.
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

# median of $runs timings of a command (seconds). A relire run writes
# into a fresh --out directory: the previous run's reports are removed
# before the clock starts (replacing 300 report pages costs the file
# system's time, 0.1 s on an ext4 mounted with discard, not relire's).
median() {
	local t=() out="" prev=""
	for a in "$@"; do
		[ "$prev" = --out ] && out=$a
		prev=$a
	done
	for _ in $(seq "$runs"); do
		local s e
		[ -n "$out" ] && rm -rf "$out"
		s=$(date +%s.%N)
		if ! "$@" >/dev/null 2>"$tmp/err"; then
			echo "FAIL: $* exited with an error:" >&2
			cat "$tmp/err" >&2
			exit 1
		fi
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
	printf "ratio hunspell -l / relire (1 thread):      %6.2f (target >= 4, toward 8)\n", hl / r1
	printf "ratio relire (1 thread) / (distinct + nfc): %6.2f (target <= 3, toward 1.5)\n", r1 / (hd + nf)
	printf "speed-up 2 threads / 1 thread:              %6.2f (target >= 1.7)\n", r1 / r2 }'
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
# Without the reports for people (a pipeline step: CSVs and cleaned text).
rn1=$(median "$relire" audit -q --per-line -j 1 --reports none \
	--out "$tmp/o9" "$input")
rn2=$(median "$relire" audit -q --per-line -j 2 --reports none \
	--out "$tmp/o10" "$input")
report "relire -j 1 --suggest none" "$r0"
report "relire -j 1 --suggest hunspell" "$rh"
awk -v r0="$r0" -v hl="$hl" -v hd="$hd" -v nf="$nf" 'BEGIN {
	printf "  ratio hunspell -l / relire:        %6.2f\n", hl / r0
	printf "  ratio relire / (distinct + nfc):   %6.2f\n", r0 / (hd + nf) }'
report "relire -j 1 --reports none" "$rn1"
report "relire -j 2 --reports none" "$rn2"
awk -v a="$rn1" -v b="$rn2" -v hl="$hl" 'BEGIN {
	printf "  --reports none: hunspell -l / relire %6.2f, 2 threads / 1 %6.2f\n",
	       hl / a, a / b }'

# Streaming: time per MB and peak memory on SCALES copies of the input,
# each line prefixed with its copy number so that no line repeats across
# copies (time per MB and memory should stay flat).
for k in ${SCALES:-1 4 16}; do
	for c in $(seq "$k"); do
		sed "s/^/$c /" "$input"
	done >"$tmp/xk.txt"
	kb=$(wc -c <"$tmp/xk.txt")
	for j in 1 2; do
		rm -rf "$tmp/o6"
		if ! /usr/bin/time -f "%e %M" -o "$tmp/time" "$relire" audit -q \
			--per-line -j "$j" --out "$tmp/o6" "$tmp/xk.txt" \
			>/dev/null 2>"$tmp/err"; then
			echo "FAIL: relire on ${k}x the input:" >&2
			cat "$tmp/err" >&2
			exit 1
		fi
		read -r sec rss <"$tmp/time"
		awk -v k="$k" -v j="$j" -v s="$sec" -v r="$rss" -v b="$kb" 'BEGIN {
			printf "%2dx input, %d thread(s): %7.2f s %6.3f s/MB, peak RSS %4.0f MB\n",
			       k, j, s, s / (b / 1e6), r / 1024 }'
	done
	rm -f "$tmp/xk.txt"
	rm -rf "$tmp/o6"
done
