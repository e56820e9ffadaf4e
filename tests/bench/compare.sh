#!/usr/bin/env bash
# Two builds of relire on the same input, measured in alternated rounds
# (A, B and hunspell -l one after the other in every round), so that a
# machine whose speed drifts during the session (a shared virtual
# machine: hunspell -l alone varied from 6 to 10 s in one hour) weighs on
# both builds and on the baseline alike. Prints, per configuration, the
# median wall time of each build over the rounds, and the median of the
# per-round ratios hunspell -l / relire and 1 thread / 2 threads.
# usage: tests/bench/compare.sh BUILD_A BUILD_B [INPUT] [ROUNDS]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
a=${1:?usage: compare.sh BUILD_A BUILD_B [INPUT] [ROUNDS]}
b=${2:?usage: compare.sh BUILD_A BUILD_B [INPUT] [ROUNDS]}
input=${3:-$here/../../../shared/data/bench/fr-news.txt}
rounds=${4:-5}
[ -f "$input" ] || { echo "SKIP: $input not found"; exit 0; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# seconds of one run of a command; a failed run fails the script
timed() {
	local s e
	s=$(date +%s.%N)
	if ! "$@" >/dev/null 2>"$tmp/err"; then
		echo "FAIL: $*" >&2
		cat "$tmp/err" >&2
		exit 1
	fi
	e=$(date +%s.%N)
	echo "$e - $s" | bc -l
}

configs=("-j 1" "-j 2" "-j 1 --reports none" "-j 2 --reports none")
for r in $(seq "$rounds"); do
	h=$(timed hunspell -d fr_FR -l "$input")
	echo "hunspell $r $h"
	for c in "${!configs[@]}"; do
		for x in A B; do
			bin=$a/relire
			[ $x = B ] && bin=$b/relire
			rm -rf "$tmp/out"
			# shellcheck disable=SC2086 # the configuration's words
			t=$(timed "$bin" audit -q --per-line ${configs[$c]} \
				--out "$tmp/out" "$input")
			echo "run $r $c $x $t"
		done
	done
done >"$tmp/log"

python3 - "$tmp/log" "$a" "$b" "${configs[@]}" <<'PY'
import statistics as st, sys
log, a, b, configs = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
hun, t = {}, {}
for line in open(log):
    w = line.split()
    if w[0] == "hunspell":
        hun[int(w[1])] = float(w[2])
    else:
        t[int(w[1]), int(w[2]), w[3]] = float(w[4])
rounds = sorted(hun)
print(f"{len(rounds)} alternated rounds; "
      f"hunspell -l median {st.median(hun.values()):.2f} s "
      f"(min {min(hun.values()):.2f}, max {max(hun.values()):.2f})")
print(f"A = {a}\nB = {b}")
print(f"{'configuration':24} {'A median':>9} {'B median':>9} "
      f"{'hunspell/A':>10} {'hunspell/B':>10}")
for c, name in enumerate(configs):
    row = [name]
    for x in "AB":
        row.append(st.median(t[r, c, x] for r in rounds))
    for x in "AB":
        row.append(st.median(hun[r] / t[r, c, x] for r in rounds))
    print(f"{row[0]:24} {row[1]:8.2f}s {row[2]:8.2f}s {row[3]:10.2f} "
          f"{row[4]:10.2f}")
for pair in ((0, 1), (2, 3)):
    for x in "AB":
        s = st.median(t[r, pair[0], x] / t[r, pair[1], x] for r in rounds)
        print(f"2 threads / 1 thread, {configs[pair[0]][5:] or 'default'}, "
              f"{x}: {s:.2f}")
PY
