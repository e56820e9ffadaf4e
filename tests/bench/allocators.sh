#!/usr/bin/env bash
# allocators.sh - relire's wall time on each allocator, measured in the
# same run on the same input, in alternated rounds (a noisy machine moves
# every variant alike).
#
# usage: tests/bench/allocators.sh SYSTEM_BUILD [BUILD] [INPUT] [ROUNDS]
#
# SYSTEM_BUILD is a build configured with -DRELIRE_ALLOCATOR=system (the
# binary on glibc's malloc; build all its targets, the word-form index
# included); BUILD (default build/) is the default build, linked with
# mimalloc. The system build is also run with jemalloc and tcmalloc
# preloaded (LD_PRELOAD) when their Debian libraries are installed
# (libjemalloc2, libtcmalloc-minimal4), as candidates. Each variant runs
# `relire audit --per-line -q` on INPUT (default
# ../shared/data/bench/fr-news.txt) with 1 and 2 threads, with the
# default reports and with --reports none; printed: the median and the
# minimum of ROUNDS (default 5) runs, and the peak RSS. The reports of
# every variant must be byte-identical to the system build's (the
# workbook's zip dates aside): a difference fails the script.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
sys=${1:?usage: allocators.sh SYSTEM_BUILD [BUILD] [INPUT] [ROUNDS]}
build=${2:-$here/../../build}
input=${3:-$here/../../../shared/data/bench/fr-news.txt}
rounds=${4:-5}
[ -f "$input" ] || { echo "SKIP: $input not found"; exit 0; }
libdir=/usr/lib/x86_64-linux-gnu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

variants=("glibc|$sys/relire|" "mimalloc (linked)|$build/relire|")
[ -e "$libdir/libjemalloc.so.2" ] &&
	variants+=("jemalloc (preloaded)|$sys/relire|$libdir/libjemalloc.so.2")
[ -e "$libdir/libtcmalloc_minimal.so.4" ] &&
	variants+=("tcmalloc (preloaded)|$sys/relire|$libdir/libtcmalloc_minimal.so.4")

# Reference reports, and the check that each variant gives the same.
"$sys/relire" audit --per-line -q -j 2 --out "$tmp/ref" "$input"
for v in "${variants[@]}"; do
	IFS='|' read -r name bin pre <<<"$v"
	rm -rf "$tmp/out"
	LD_PRELOAD=$pre "$bin" audit --per-line -q -j 2 --out "$tmp/out" "$input"
	if ! diff -r -x report.xlsx "$tmp/ref" "$tmp/out" >/dev/null; then
		echo "FAIL: $name gives other reports than glibc" >&2
		exit 1
	fi
done

for r in $(seq "$rounds"); do
	for v in "${variants[@]}"; do
		IFS='|' read -r name bin pre <<<"$v"
		for reports in html,xlsx none; do
			for j in 1 2; do
				rm -rf "$tmp/out"
				LD_PRELOAD=$pre /usr/bin/time -f '%e %M' -o "$tmp/t" \
					"$bin" audit --per-line -q -j "$j" \
					--reports "$reports" --out "$tmp/out" "$input"
				echo "$name|$reports|$j|$(cat "$tmp/t")" >>"$tmp/times"
			done
		done
	done
	echo "round $r of $rounds done" >&2
done

printf '%-22s %-10s %7s %9s %9s %9s\n' allocator reports threads \
	median_s min_s peak_MB
for v in "${variants[@]}"; do
	IFS='|' read -r name _ _ <<<"$v"
	for reports in html,xlsx none; do
		for j in 1 2; do
			grep -F "$name|$reports|$j|" "$tmp/times" | cut -d'|' -f4 |
				sort -g | awk -v n="$name" -v r="$reports" -v j="$j" '
				{ t[NR] = $1; if ($2 > m) m = $2 }
				END { printf "%-22s %-10s %7s %9.2f %9.2f %9.0f\n",
					n, r, j, t[int((NR + 1) / 2)], t[1], m / 1024 }'
		done
	done
done
