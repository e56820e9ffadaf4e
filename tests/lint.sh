#!/usr/bin/env bash
# Static analysis of src/: cppcheck (warning, portability, performance)
# and clang-tidy with the checks of .clang-tidy, both as errors.
# usage: tests/lint.sh BUILD_DIR [SOURCE_DIR]
# BUILD_DIR must hold compile_commands.json (CMake writes it). Exit 0 when
# clean, 1 with the findings printed, 77 (skipped) when a tool is missing,
# or 1 then when RELIRE_STRICT is set (.ci/setup installs both tools).
set -euo pipefail
build=${1:?usage: lint.sh BUILD_DIR [SOURCE_DIR]}
src=${2:-$(cd "$(dirname "$0")/.." && pwd)}
cd "$src"

for tool in cppcheck clang-tidy run-clang-tidy; do
	if ! command -v "$tool" >/dev/null; then
		if [ -n "${RELIRE_STRICT:-}" ]; then
			echo "lint: $tool not installed (Debian: cppcheck," \
				"clang-tidy); RELIRE_STRICT is set: a skip is a" \
				"failure" >&2
			exit 1
		fi
		echo "SKIP: $tool not installed (Debian: cppcheck, clang-tidy)"
		exit 77
	fi
done
[ -f "$build/compile_commands.json" ] || {
	echo "lint: no $build/compile_commands.json" >&2
	exit 1
}

status=0
echo "cppcheck:"
cppcheck --enable=warning,portability,performance --std=c11 \
	--inline-suppr --quiet --error-exitcode=1 -I src src/*/*.c || status=1

echo "clang-tidy:"
out=$(mktemp)
trap 'rm -f "$out"' EXIT
# run-clang-tidy runs one clang-tidy per core over the files it is given.
if ! run-clang-tidy -quiet -p "$build" "$src/src/.*\.c$" >"$out" 2>&1 ||
	grep -q 'warning:\|error:' "$out"; then
	sed 's/\x1b\[[0-9;]*m//g' "$out" | grep -A3 'warning:\|error:' |
		head -100
	status=1
fi
[ "$status" -eq 0 ] && echo "lint: clean"
exit "$status"
