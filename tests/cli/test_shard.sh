# --shard K/N: the N shards of a batch, collected, merged, audited with
# the merged corpus state and merged again, give the reports of one run
# byte for byte, for whole-file articles and for --per-line files cut at
# line boundaries; --shard is parsed strictly.
source "$(dirname "$0")/lib.sh"

all=$TMP/all
mkdir -p "$all/sub"
cp "$SRC"/corpora/seeds/*.txt "$all/"
printf 'Le le président Putin a parlé à Kyiv.\n' >"$all/100_extra.txt"
printf 'Zelenskiy et Poutine.\nLire aussi\n' >"$all/sub/101_extra.txt"
: >"$all/102_empty.txt"
# --per-line: the seeds' lines, one record each, in two files.
cat "$SRC"/corpora/seeds/00[0-2]*.txt >"$TMP/lines1.txt"
cat "$SRC"/corpora/seeds/00[3-4]*.txt "$all/sub/101_extra.txt" \
	>"$TMP/lines2.txt"

opts=(-q --suggest-budget 0 -j 1)
decisions() { python3 -c '
import csv, sys
for r in csv.reader(open(sys.argv[1], encoding="utf-8")):
    print(r[:-1])' "$1"; }

# sharded_run NAME N ARGS...: the four phases over N shards into $TMP/NAME.
sharded_run() {
	local name=$1 n=$2 k rc states=() outs=()
	shift 2
	for ((k = 0; k < n; k++)); do
		"$RELIRE" collect "${opts[@]}" --shard "$k/$n" \
			--out "$TMP/$name.c$k" "$@" || fail "$name: collect $k/$n"
		states+=("$TMP/$name.c$k")
	done
	"$RELIRE" merge --out "$TMP/$name.state" "${states[@]}" ||
		fail "$name: merge states"
	for ((k = 0; k < n; k++)); do
		rc=0
		"$RELIRE" audit "${opts[@]}" --shard "$k/$n" \
			--corpus "$TMP/$name.state" --out "$TMP/$name.o$k" \
			"$@" || rc=$?
		[ "$rc" -le 1 ] || fail "$name: audit $k/$n exited $rc"
		outs+=("$TMP/$name.o$k")
	done
	"$RELIRE" merge --out "$TMP/$name" "${outs[@]}" ||
		fail "$name: merge reports"
}

# same SINGLE MERGED: the reports agree byte for byte.
same() {
	local f
	for f in quality.csv findings.csv; do
		cmp -s "$1/$f" "$2/$f" ||
			fail "$2: $f differs: $(diff "$1/$f" "$2/$f" | head -5)"
	done
	diff <(decisions "$1/variants.csv") <(decisions "$2/variants.csv") \
		>/dev/null || fail "$2: variants.csv decisions differ"
	diff -r "$1/clean" "$2/clean" >/dev/null 2>&1 ||
		cmp -s "$1/clean.txt" "$2/clean.txt" ||
		fail "$2: clean texts differ"
}

"$RELIRE" audit "${opts[@]}" --out "$TMP/single" "$all" || fail "single run"
for n in 1 3 9; do
	sharded_run "files$n" "$n" "$all"
	same "$TMP/single" "$TMP/files$n"
done

"$RELIRE" audit "${opts[@]}" --per-line --out "$TMP/lsingle" \
	"$TMP/lines1.txt" "$TMP/lines2.txt" || fail "single --per-line run"
for n in 2 5; do
	sharded_run "lines$n" "$n" --per-line "$TMP/lines1.txt" "$TMP/lines2.txt"
	same "$TMP/lsingle" "$TMP/lines$n"
done

# Three shards of eight articles: none is empty.
for k in 0 1 2; do
	rows=$(($(wc -l <"$TMP/files3.o$k/quality.csv") - 1))
	[ "$rows" -ge 1 ] || fail "shard $k/3 is empty"
done

# Strict parsing: K counts from 0, N > 0, no overflow, no stdin.
for bad in 4/4 1/0 0/0 -1/4 1/-4 x/4 1/ /4 1/4x '1 /4' 1/99999999999999999999 \
	99999999999999999999/4 1/4000001; do
	expect_status 2 "$RELIRE" audit -q --shard "$bad" "$all"
	grep -q -- "--shard" "$TMP/stderr" ||
		fail "--shard '$bad': error does not name the option"
done
expect_status 0 "$RELIRE" collect -q --shard 3/4 --out "$TMP/c" "$all"
expect_status 2 "$RELIRE" audit -q --shard 0/2 - </dev/null
grep -q 'standard input' "$TMP/stderr" || fail "--shard with '-': no reason"
finish
