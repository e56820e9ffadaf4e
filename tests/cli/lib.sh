# Shared helpers for the CLI tests: sourced, never run.
# Each test is run as: bash test_x.sh RELIRE_BINARY SOURCE_DIR
set -euo pipefail
RELIRE=${1:?usage: $0 RELIRE_BINARY SOURCE_DIR}
SRC=${2:?usage: $0 RELIRE_BINARY SOURCE_DIR}
SHARED="$SRC/../shared/data"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/relire-test.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
export RELIRE_DATA_DIR="$SRC/dictionaries"
failures=0

fail() {
	echo "FAIL: $*" >&2
	failures=$((failures + 1))
}

# expect_status WANT CMD...: run CMD, check its exit status.
expect_status() {
	local want=$1 got=0
	shift
	"$@" >"$TMP/stdout" 2>"$TMP/stderr" || got=$?
	if [ "$got" != "$want" ]; then
		fail "'$*' exited $got, want $want"
		sed 's/^/  stderr: /' "$TMP/stderr" | head -5 >&2
	fi
}

# need_shared: skip (exit 77) when ../shared/data is absent.
need_shared() {
	if [ ! -d "$SHARED" ]; then
		echo "SKIP: $SHARED not found (real-data test)" >&2
		exit 77
	fi
}

# skip MSG: end the test as skipped (exit 77), unless a check already
# failed (then it fails).
skip() {
	[ "$failures" -eq 0 ] || finish
	echo "SKIP: $*" >&2
	exit 77
}

# skip_required MSG: skip for a missing prerequisite that CI provides;
# with RELIRE_STRICT=1 (set by .ci/test) the test fails instead.
skip_required() {
	if [ -n "${RELIRE_STRICT:-}" ]; then
		fail "$* (RELIRE_STRICT is set: CI must run this test)"
		finish
	fi
	skip "$@"
}

finish() {
	if [ "$failures" -gt 0 ]; then
		echo "$failures check(s) failed" >&2
		exit 1
	fi
	echo "ok"
}
