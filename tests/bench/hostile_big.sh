#!/usr/bin/env bash
# Huge inputs, timed (a benchmark, not a pass/fail test): a single line of
# SIZE MB (default 100) of French words, processed whole, then refused by
# --max-line-length, then refused by --max-article-size. Prints the wall
# time and peak memory of each run. A run whose exit status is not the one
# expected (0 processed, 1 refused) fails the script: a crash is not a
# fast run.
#
#   tests/bench/hostile_big.sh build/relire [SIZE_MB]
set -euo pipefail
relire=${1:?usage: hostile_big.sh RELIRE [SIZE_MB]}
mb=${2:-100}
src=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/relire-big.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

python3 - "$src/corpora/seeds" "$mb" >"$tmp/line.txt" <<'PY'
import os, random, sys
random.seed(1)
seeds, mb = sys.argv[1], int(sys.argv[2])
words = []
for f in sorted(os.listdir(seeds)):
    words += open(os.path.join(seeds, f), "rb").read().split()
out, size = sys.stdout.buffer, 0
while size < mb << 20:
    chunk = b" ".join(random.choice(words) for _ in range(100000)) + b" "
    out.write(chunk[: (mb << 20) - size])
    size += min(len(chunk), (mb << 20) - size)
PY

run() { # NAME WANT_STATUS ARGS...
	local name=$1 want=$2 status=0
	shift 2
	/usr/bin/time -f "%e %M" -o "$tmp/time" "$relire" audit -q \
		--suggest-budget 0 --out "$tmp/out" "$@" "$tmp/line.txt" \
		>/dev/null 2>"$tmp/err" || status=$?
	read -r secs kb < <(tail -n 1 "$tmp/time")
	printf '%-28s exit %d  %7.2f s  %6d MB peak\n' "$name" "$status" \
		"$secs" $((kb / 1024))
	if [ "$status" -ne "$want" ]; then
		echo "FAIL: $name: exit status $status, want $want" >&2
		sed 's/^/  stderr: /' "$tmp/err" | tail -5 >&2
		exit 1
	fi
}

echo "one line of $mb MB ($(wc -c <"$tmp/line.txt") bytes)"
run "processed" 0 --max-article-size 1G
run "--max-line-length 1M" "$((mb >= 1))" --max-article-size 1G \
	--max-line-length 1M
run "--max-article-size 64M" "$((mb > 64))" --max-article-size 64M
