# The binary's allocator (CMake's RELIRE_ALLOCATOR, README "Dependencies").
# Built with mimalloc, the binary must really run on it: mimalloc replaces
# malloc and free for the whole process (ICU, Hunspell, CLD2 and
# libxlsxwriter included), which only holds when it is linked before the
# C library. A pointer allocated by one allocator and freed by the other
# would crash or be reported by mimalloc, so each run below of a real
# audit must succeed with mimalloc's own messages on and print none but
# its start-up lines. Built with the system allocator (RELIRE_ALLOCATOR=
# system, or the sanitizers, which bring their own), mimalloc must not be
# in the process at all.
source "$(dirname "$0")/lib.sh"

want=${RELIRE_EXPECT_ALLOCATOR:?set by CMake: mimalloc or system}
export MIMALLOC_VERBOSE=1 MIMALLOC_SHOW_ERRORS=1

mkdir -p "$TMP/in"
cp "$SRC"/corpora/seeds/*.txt "$TMP/in/"
printf '%s\n' '{"id":"a","text":"Le prÃ©sident a dit n â€™ Ã©tait."}' \
	'{"id":"b","text":"Poutine et Putin, Kiev et Kyiv : le le chat."}' \
	>"$TMP/in.jsonl"

# Table: name | arguments of relire (each run must exit 0).
while IFS='|' read -r name args; do
	[ -n "$name" ] || continue
	# shellcheck disable=SC2086 # the table's arguments are words
	expect_status 0 "$RELIRE" $args
	case $want in
	mimalloc)
		grep -q '^mimalloc: process init' "$TMP/stderr" ||
			fail "$name: mimalloc is not the process's allocator"
		if grep '^mimalloc:' "$TMP/stderr" |
			grep -v -E '^mimalloc: (process init|secure level|mem tracking|using [0-9]+ numa|option |process done)' |
			grep -i -E 'error|warning' >"$TMP/bad"; then
			fail "$name: mimalloc reported: $(head -3 "$TMP/bad")"
		fi
		;;
	system)
		! grep -q '^mimalloc:' "$TMP/stderr" ||
			fail "$name: mimalloc is in a system-allocator build"
		;;
	*) fail "RELIRE_EXPECT_ALLOCATOR is '$want'" ;;
	esac
done <<EOF
seeds, one thread|audit -q -j 1 --out $TMP/o1 $TMP/in
seeds, two threads|audit -q -j 2 --out $TMP/o2 $TMP/in
json lines|audit -q -j 2 --jsonl --out $TMP/o3 $TMP/in.jsonl
hunspell suggestions|audit -q -j 2 --suggest hunspell --suggest-budget 0.2 --out $TMP/o4 $TMP/in
EOF

# The allocator changes no byte of the reports.
diff -r -x report.xlsx "$TMP/o1" "$TMP/o2" >/dev/null ||
	fail "one and two threads differ"
finish
