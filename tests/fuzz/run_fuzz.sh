#!/usr/bin/env bash
# Run every libFuzzer target for SECONDS each (not part of CI).
#
#   CC=clang CXX=clang++ cmake -S . -B build-fuzz -DRELIRE_FUZZ=ON
#   cmake --build build-fuzz -j
#   tests/fuzz/run_fuzz.sh 600                 # 10 minutes per target
#   tests/fuzz/run_fuzz.sh 60 decode csv       # some targets only
#
# Environment: BUILD (default: build-fuzz beside this checkout's sources),
# WORK (default: $BUILD/fuzz-work: grown corpora, crash artifacts, logs),
# JOBS (targets run at the same time, default 1), FUZZ_FLAGS (extra
# libFuzzer flags). The committed seeds in tests/fuzz/corpus/<target>/ are
# read, never written; new inputs go to $WORK/corpus/<target>/. A crash,
# leak, timeout or broken invariant leaves its input in
# $WORK/crashes/<target>/: copy it to tests/fuzz/crashes/<target>/ with the
# fix so that ctest replays it forever. Exit status 1 when any target left
# an artifact.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
seconds=${1:?usage: run_fuzz.sh SECONDS [TARGET...]}
shift
build=${BUILD:-$src/build-fuzz}
work=${WORK:-$build/fuzz-work}
jobs=${JOBS:-1}
targets=("$@")
if ((${#targets[@]} == 0)); then
	for f in "$here"/fuzz_*.c; do
		t=$(basename "$f" .c)
		t=${t#fuzz_}
		case $t in common | main) continue ;; esac
		targets+=("$t")
	done
fi

for t in "${targets[@]}"; do
	if [ ! -x "$build/tests/fuzz/fuzz_$t" ]; then
		echo "run_fuzz: no libFuzzer binary $build/tests/fuzz/fuzz_$t" >&2
		echo "hint: CC=clang CXX=clang++ cmake -S $src -B $build" \
			"-DRELIRE_FUZZ=ON" \
			"&& cmake --build $build" >&2
		exit 2
	fi
done

run_one() {
	local t=$1 dict=()
	mkdir -p "$work/corpus/$t" "$work/crashes/$t"
	if [ -f "$here/$t.dict" ]; then
		dict=(-dict="$here/$t.dict")
	elif [ "$t" != csv ] && [ -f "$here/text.dict" ]; then
		dict=(-dict="$here/text.dict")
	fi
	# shellcheck disable=SC2086
	"$build/tests/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout=30 \
		-rss_limit_mb=3072 -print_final_stats=1 \
		-artifact_prefix="$work/crashes/$t/" "${dict[@]}" \
		${FUZZ_FLAGS:-} "$work/corpus/$t" "$here/corpus/$t" \
		>"$work/$t.log" 2>&1 || true
}

summary() {
	local t=$1 log=$work/$1.log runs cov crashes
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
	cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
	crashes=$(find "$work/crashes/$t" -type f | wc -l)
	printf '%-10s %8ss %12s runs %7s edges %3s artifact(s)\n' "$t" \
		"$seconds" "${runs:-?}" "${cov:-?}" "$crashes"
	[ "$crashes" -eq 0 ]
}

mkdir -p "$work"
echo "run_fuzz: ${#targets[@]} target(s), ${seconds}s each, $jobs at a time;" \
	"logs in $work" >&2
running=0
for t in "${targets[@]}"; do
	run_one "$t" &
	running=$((running + 1))
	if [ "$running" -ge "$jobs" ]; then
		wait -n || true
		running=$((running - 1))
	fi
done
wait

status=0
for t in "${targets[@]}"; do
	summary "$t" || status=1
done
if [ "$status" -ne 0 ]; then
	echo "run_fuzz: artifacts found; see $work/crashes/ and the logs" >&2
fi
exit "$status"
