# Shared helpers for the CLI tests: sourced, never run.
# Each test is run as: bash test_x.sh RELIRE_BINARY SOURCE_DIR
#
# What a test needs and does not find is one of three things:
#   a hard dependency (the French dictionary, corpora/seeds): missing MSG,
#     always a failure;
#   a prerequisite that .ci/setup installs (GNU parallel, unmunch,
#     Chromium, Slurm...) or the real data of ../shared/data (absent from
#     a fresh clone): skip MSG ends the test as skipped (exit 77),
#     skip_part MSG skips one part and lets the rest run (the test then
#     ends as skipped, never as a pass);
# and with RELIRE_STRICT set (non-empty; .ci/test sets it) every skip is a
# failure. RELIRE_SHARED_DATA points the real-data tests at another copy
# of the data (default: ../shared/data beside the source directory).
set -euo pipefail
RELIRE=${1:?usage: $0 RELIRE_BINARY SOURCE_DIR}
SRC=${2:?usage: $0 RELIRE_BINARY SOURCE_DIR}
SHARED=${RELIRE_SHARED_DATA:-$SRC/../shared/data}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/relire-test.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
export RELIRE_DATA_DIR="$SRC/dictionaries"
failures=0
skipped_parts=0

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

# need_shared: skip (exit 77) when ../shared/data is absent; fail under
# RELIRE_STRICT.
need_shared() {
	[ -d "$SHARED" ] || skip "$SHARED not found (real-data test)"
}

# strict_fail MSG: under RELIRE_STRICT, a skip is a failure: end the test.
strict_fail() {
	if [ -n "${RELIRE_STRICT:-}" ]; then
		fail "$* (RELIRE_STRICT is set: a skip is a failure)"
		finish
	fi
}

# skip MSG: end the test as skipped (exit 77), unless a check already
# failed (then it fails) or RELIRE_STRICT is set (then it fails too).
skip() {
	strict_fail "$@"
	[ "$failures" -eq 0 ] || finish
	echo "SKIP: $*" >&2
	exit 77
}

# skip_required MSG: the same as skip (kept for the tests that name a
# prerequisite that CI installs).
skip_required() {
	skip "$@"
}

# skip_part MSG: one part of the test cannot run (MSG says which and why);
# the rest goes on, and finish ends the test as skipped. Under
# RELIRE_STRICT it is a failure.
skip_part() {
	if [ -n "${RELIRE_STRICT:-}" ]; then
		fail "$* (RELIRE_STRICT is set: a skip is a failure)"
		return
	fi
	echo "SKIP (part): $*" >&2
	skipped_parts=$((skipped_parts + 1))
}

# missing MSG: a hard dependency of the tests is missing: the test fails
# now (MSG says what to install).
missing() {
	fail "$* (a hard dependency of the tests)"
	finish
}

# finish: exit 1 when a check failed, 77 when a part was skipped, else 0.
finish() {
	if [ "$failures" -gt 0 ]; then
		echo "$failures check(s) failed" >&2
		exit 1
	fi
	if [ "$skipped_parts" -gt 0 ]; then
		echo "SKIP: $skipped_parts part(s) of the test did not run" >&2
		exit 77
	fi
	echo "ok"
}
