# Golden tests of the command line: every case under tests/cli/golden/ is
# a shell snippet (CASE/cmd) whose standard output, standard error and exit
# status must be exactly CASE/stdout, CASE/stderr and CASE/exit.
#
#   bash tests/cli/test_golden.sh [--regenerate] [RELIRE [SRC [CASE...]]]
#
# RELIRE defaults to SRC/build/relire, SRC to the source tree this script is
# in. --regenerate (or GOLDEN_REGENERATE=1 in the environment) rewrites the
# expected files from what the binary does now: review the diff before
# committing it. Naming CASEs runs only those. See tests/cli/golden/README.md.
#
# Each case runs with bash in a directory of its own, holding a copy of
# tests/cli/golden/inputs/ as in/, with stdin from /dev/null, LC_ALL=C and
# RELIRE_DATA_DIR=SRC/dictionaries. Before comparing, the outputs are
# normalized (normalize() below) only where they differ from run to run.
regenerate=${GOLDEN_REGENERATE:-}
if [ "${1:-}" = --regenerate ]; then
	regenerate=1
	shift
fi
here=$(cd "$(dirname "$0")" && pwd)
src_default=$(cd "$here/../.." && pwd)
relire=${1:-$src_default/build/relire}
src=${2:-$src_default}
if [ $# -ge 2 ]; then shift 2; else shift $#; fi
set -- "$relire" "$src" "$@"
source "$here/lib.sh"
shift 2
RELIRE=$(cd "$(dirname "$RELIRE")" && pwd)/$(basename "$RELIRE")
SRC=$(cd "$SRC" && pwd)
GOLDEN="$SRC/tests/cli/golden"
[ -x "$RELIRE" ] || {
	echo "FAIL: no relire binary at $RELIRE" >&2
	exit 1
}

# normalize FILE...: rewrite the files in place, keeping exact all that
# does not vary between runs or machines:
#   - the case's directory (as given and as resolved) becomes $TMP, the
#     source tree $SRC, the binary $RELIRE;
#   - temporary file names carry the process id: .NAME.tmp.1234 becomes
#     .NAME.tmp.PID;
#   - durations printed by --verbose ("0.09 s") become "N s";
#   - the version printed by --version becomes VERSION.
normalize() {
	sed -i -e "s|$work_real/[^/]*|\$TMP|g" -e "s|$work/[^/]*|\$TMP|g" \
		-e "s|$RELIRE|\$RELIRE|g" -e "s|$SRC|\$SRC|g" \
		-E -e 's/\.tmp\.[0-9]+/.tmp.PID/g' \
		-e 's/[0-9]+\.[0-9]+ s\b/N s/g' \
		-e 's/^relire [0-9]+\.[0-9]+\.[0-9]+$/relire VERSION/' "$@"
}

# missing_needs CASE: the programs named in CASE/needs (one a line) that
# are not installed, if any.
missing_needs() {
	local prog
	while read -r prog; do
		[ -z "$prog" ] || command -v "$prog" >/dev/null ||
			printf '%s ' "$prog"
	done <"$1/needs"
}

# The inputs are copied once; each case sees them as in/ (a symbolic link:
# a case must not change them, it writes in its own directory).
work="$TMP/work"
mkdir -p "$work" "$TMP/out"
cp -R "$GOLDEN/inputs" "$TMP/inputs"
work_real=$(cd "$work" && pwd -P)

# run_case CASE NAME: run CASE/cmd; its normalized outputs go to
# $TMP/out/. (Few processes per case: forks are most of the runner's time.)
run_case() {
	local dir=$1 cwd="$work/$2" rc=0
	mkdir "$cwd"
	ln -s "$TMP/inputs" "$cwd/in"
	(cd "$cwd" && export LC_ALL=C TZ=UTC RELIRE="$RELIRE" \
		RELIRE_DATA_DIR="$SRC/dictionaries" &&
		exec bash "$dir/cmd" </dev/null >"$TMP/out/stdout" \
			2>"$TMP/out/stderr") || rc=$?
	normalize "$TMP/out/stdout" "$TMP/out/stderr"
	echo "$rc" >"$TMP/out/exit"
}

# check_case CASE: compare (or with --regenerate, write) its outputs.
check_case() {
	local dir=$1 name=$2 f
	if [ -n "$regenerate" ]; then
		diff -rq -x cmd -x needs "$dir" "$TMP/out" >/dev/null ||
			echo "updated: $name" >&2
		cp "$TMP/out/stdout" "$TMP/out/stderr" "$TMP/out/exit" "$dir/"
		return
	fi
	for f in stdout stderr exit; do
		[ -f "$dir/$f" ] || fail "$name: no $f (run $0 --regenerate)"
	done
	diff -ru -x cmd -x needs "$dir" "$TMP/out" >&2 ||
		fail "$name: output differs (- expected, + actual)"
}

cases=()
if [ $# -gt 0 ]; then
	for name in "$@"; do
		cases+=("$GOLDEN/${name%/}")
	done
else
	for dir in "$GOLDEN"/*/; do
		[ -f "$dir/cmd" ] && cases+=("${dir%/}")
	done
fi
[ ${#cases[@]} -gt 0 ] || {
	echo "FAIL: no case in $GOLDEN" >&2
	exit 1
}
ran=0
for dir in "${cases[@]}"; do
	name=${dir##*/}
	if [ ! -f "$dir/cmd" ]; then
		fail "$name: no cmd"
		continue
	fi
	if [ -f "$dir/needs" ]; then
		missing=$(missing_needs "$dir")
		if [ -n "$missing" ] && [ -n "${RELIRE_STRICT:-}" ]; then
			fail "$name: needs $missing(RELIRE_STRICT is set)"
			continue
		elif [ -n "$missing" ]; then
			echo "skip: $name: needs $missing" >&2
			continue
		fi
	fi
	run_case "$dir" "$name"
	check_case "$dir" "$name"
	ran=$((ran + 1))
done
echo "$ran of ${#cases[@]} golden cases run" >&2
finish
