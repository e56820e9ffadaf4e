# Writes that fail: every command that writes files (audit, collect, merge,
# variants merge, forms) is run under failwrite.so (a full disk, an I/O
# error, a close that fails, a rename that fails). Each run must exit 3
# with a message naming the file and the cause, leave the previous good
# outputs as they were, and leave no temporary file behind.
source "$(dirname "$0")/lib.sh"

shim=$(dirname "$RELIRE")/failwrite.so
[ -f "$shim" ] || skip "$shim not built"

seeds=("$SRC"/corpora/seeds/*.txt)

# snap PATH: the checksums of every file under PATH.
snap() {
	(cd "$1" && find . -type f | sort | xargs -r sha256sum)
}

# Failure modes: the shim's settings, and the cause the message must give.
# HALF and QUARTER are that share of the bytes of a good run's outputs:
# the disk fills up in the middle of them.
modes=(
	"FAILWRITE_AFTER=0|No space left on device"
	"FAILWRITE_AFTER=HALF|No space left on device"
	"FAILWRITE_AFTER=QUARTER FAILWRITE_ERRNO=EIO|Input/output error"
	"FAILWRITE_AFTER=1000000000 FAILWRITE_CLOSE=1|Input/output error"
	"FAILWRITE_AFTER=1000000000 FAILWRITE_RENAME=1|Input/output error"
)

# fails_cleanly NAME DIR CMD...: run CMD once per failure mode, with the
# writes into DIR failing; DIR holds the outputs of a good run of CMD.
fails_cleanly() {
	local name=$1 dir=$2 mode settings cause got bytes
	shift 2
	snap "$dir" >"$TMP/before"
	bytes=$(find "$dir" -type f -printf '%s\n' | awk '{ n += $1 } END { print n }')
	for mode in "${modes[@]}"; do
		settings=${mode%|*}
		settings=${settings/HALF/$((bytes / 2))}
		settings=${settings/QUARTER/$((bytes / 4))}
		cause=${mode#*|}
		got=0
		# shellcheck disable=SC2086 # settings is a list of VAR=value
		env ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0" \
			LD_PRELOAD="$shim" FAILWRITE_MATCH="$dir" $settings \
			"$@" >/dev/null 2>"$TMP/stderr" || got=$?
		[ "$got" -eq 3 ] || fail "$name ($settings): exit $got, want 3"
		grep -Eq "^relire: cannot (write|rename) [^:]*'${dir}[^']*'.*: $cause\$" \
			"$TMP/stderr" ||
			fail "$name ($settings): no message naming the file and" \
				"'$cause': $(head -3 "$TMP/stderr")"
		# The file named is the one the user asked for, not the
		# temporary it was written under (tmp_path_for: ".NAME.tmp.PID").
		# libxlsxwriter prints its own "[ERROR]" line, naming the file
		# it was given, before relire's; relire cannot silence it, and
		# which write fails first depends on the threads' order.
		! grep -v '^\[ERROR\]' "$TMP/stderr" |
			grep -Eq "/\.[^/']*\.tmp(\.[0-9]+)?'|\.tmp'" ||
			fail "$name ($settings): the message names a temporary" \
				"file: $(grep -v '^\[ERROR\]' "$TMP/stderr" |
					grep -m1 tmp)"
		snap "$dir" >"$TMP/after"
		cmp -s "$TMP/before" "$TMP/after" ||
			fail "$name ($settings): the previous outputs changed"
		[ -z "$(find "$dir" -name '.*' | head -1)" ] ||
			fail "$name ($settings): temporary files left"
	done
}

# audit and collect
for cmd in audit collect; do
	expect_status 0 "$RELIRE" $cmd -q --suggest-budget 0 --out "$TMP/$cmd" \
		"${seeds[@]}"
	fails_cleanly "$cmd" "$TMP/$cmd" "$RELIRE" $cmd -q --suggest-budget 0 \
		--out "$TMP/$cmd" "${seeds[@]}"
done

# merge: two shards of an audit run
for k in 0 1; do
	expect_status 0 "$RELIRE" audit -q --suggest-budget 0 --shard $k/2 \
		--out "$TMP/shard$k" "${seeds[@]}"
done
expect_status 0 "$RELIRE" merge --out "$TMP/merged" "$TMP/shard0" \
	"$TMP/shard1"
[ -s "$TMP/merged/quality.csv" ] || fail "merge: no quality.csv"
: >"$TMP/plainfile"
expect_status 3 "$RELIRE" merge --out "$TMP/plainfile/sub" "$TMP/shard0"
grep -q "^relire: cannot create '$TMP/plainfile/sub': Not a directory\$" \
	"$TMP/stderr" || fail "merge into a file: $(cat "$TMP/stderr")"
fails_cleanly merge "$TMP/merged" "$RELIRE" merge --out "$TMP/merged" \
	"$TMP/shard0" "$TMP/shard1"

# variants merge
mkdir "$TMP/vm"
expect_status 0 "$RELIRE" variants merge -o "$TMP/vm/variants.csv" \
	"$TMP/shard0/variants.csv" "$TMP/shard1/variants.csv"
[ -s "$TMP/vm/variants.csv" ] || fail "variants merge: no table"
fails_cleanly "variants merge" "$TMP/vm" "$RELIRE" variants merge \
	-o "$TMP/vm/variants.csv" "$TMP/shard0/variants.csv" \
	"$TMP/shard1/variants.csv"

# forms, with a small stand-in for unmunch (the forms are still checked
# by Hunspell)
printf '#!/bin/sh\nprintf "maison\\nmaisons\\n\\303\\251t\\303\\251\\n"\n' \
	>"$TMP/unmunch"
chmod +x "$TMP/unmunch"
mkdir "$TMP/forms"
expect_status 0 "$RELIRE" forms -q --unmunch "$TMP/unmunch" \
	--out "$TMP/forms/fr.forms"
[ -s "$TMP/forms/fr.forms" ] || fail "forms: no index"
fails_cleanly forms "$TMP/forms" "$RELIRE" forms -q --unmunch "$TMP/unmunch" \
	--out "$TMP/forms/fr.forms"
finish
