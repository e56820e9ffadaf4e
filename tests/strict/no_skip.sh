#!/usr/bin/env bash
# A skip is a failure under RELIRE_STRICT (which .ci/test sets), and only a
# skip without it: each skip path of the unit harness (tests/unit/harness.h,
# through skip_probe), of the CLI tests (tests/cli/lib.sh), of the
# bench-floor tests (tests/bench/relire_run.py) and of tests/lint.sh is
# run with a prerequisite missing, and must exit 77 (ctest's skip code)
# without RELIRE_STRICT and 1 with it; a missing hard dependency exits 1
# either way, and a clean run 0 either way.
# .ci/test also fails when ctest reports any test as skipped.
# usage: tests/strict/no_skip.sh SKIP_PROBE_BINARY SOURCE_DIR
set -uo pipefail
probe=${1:?usage: no_skip.sh SKIP_PROBE_BINARY SOURCE_DIR}
src=${2:?usage: no_skip.sh SKIP_PROBE_BINARY SOURCE_DIR}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/relire-strict.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
failures=0

# expect NAME WANT_PLAIN WANT_STRICT CMD...: CMD's exit status without and
# with RELIRE_STRICT; a failure under RELIRE_STRICT that was a skip
# without it must say why (name RELIRE_STRICT).
expect() {
	local name=$1 plain=$2 strict=$3 got
	shift 3
	env -u RELIRE_STRICT "$@" >"$tmp/out" 2>&1
	got=$?
	if [ "$got" != "$plain" ]; then
		echo "FAIL: $name exited $got, want $plain" >&2
		sed 's/^/  /' "$tmp/out" >&2
		failures=$((failures + 1))
	fi
	env RELIRE_STRICT=1 "$@" >"$tmp/out" 2>&1
	got=$?
	if [ "$got" != "$strict" ]; then
		echo "FAIL: $name exited $got under RELIRE_STRICT," \
			"want $strict" >&2
		sed 's/^/  /' "$tmp/out" >&2
		failures=$((failures + 1))
	elif [ "$plain" = 77 ] && ! grep -q RELIRE_STRICT "$tmp/out"; then
		echo "FAIL: $name: its failure does not name RELIRE_STRICT" >&2
		failures=$((failures + 1))
	fi
}

# The unit harness.
expect "harness: pass" 0 0 "$probe" pass
expect "harness: SKIP" 77 1 "$probe" skip
expect "harness: SKIP_PART" 77 1 "$probe" part
expect "harness: MISSING" 1 1 "$probe" missing

# The CLI helpers, in a test of a few lines.
cat >"$tmp/test_one.sh" <<'SH'
source "$LIB"
case $MODE in
skip) skip "a prerequisite this test never finds" ;;
part) skip_part "one part: a prerequisite this test never finds" ;;
shared) need_shared ;;
missing) missing "a hard dependency this test never finds" ;;
esac
finish
SH
one=(env LIB="$src/tests/cli/lib.sh" RELIRE_SHARED_DATA="$tmp/no-data"
	bash "$tmp/test_one.sh" /bin/false "$src")
expect "lib.sh: pass" 0 0 env MODE=pass "${one[@]}"
expect "lib.sh: skip" 77 1 env MODE=skip "${one[@]}"
expect "lib.sh: skip_part" 77 1 env MODE=part "${one[@]}"
expect "lib.sh: need_shared" 77 1 env MODE=shared "${one[@]}"
expect "lib.sh: missing" 1 1 env MODE=missing "${one[@]}"

# A bench-floor test without the shared data.
expect "bench: no shared data" 77 1 python3 \
	"$src/tests/bench/repair_inject.py" /bin/false "$tmp/no-data" --check

# tests/lint.sh without its tools (an empty PATH).
expect "lint.sh: no cppcheck" 77 1 env PATH="$tmp/empty" "$BASH" \
	"$src/tests/lint.sh" "$tmp" "$src"

if [ "$failures" -gt 0 ]; then
	echo "$failures check(s) failed" >&2
	exit 1
fi
echo "ok"
