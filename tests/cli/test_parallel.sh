# Scale-out: a batch split into shards and audited by several relire
# processes under GNU parallel gives the same reports as one process
# (collect -> merge -> audit --corpus -> merge).
source "$(dirname "$0")/lib.sh"
command -v parallel >/dev/null ||
	skip "GNU parallel not installed (Debian package parallel)"

all=$TMP/all
mkdir -p "$all"
cp "$SRC"/corpora/seeds/*.txt "$all/"
printf 'Le le président Putin a parlé à Kyiv.\n' >"$all/100_extra.txt"
printf 'Zelenskiy et Poutine.\nLire aussi\n' >"$all/101_extra.txt"
printf 'Un texte propre, sans rien à signaler.\n' >"$all/102_extra.txt"

# Three contiguous shards of the sorted file list.
i=0
for f in $(ls "$all" | sort); do
	shard=$TMP/shard$((i * 3 / 8 + 1))
	mkdir -p "$shard"
	cp "$all/$f" "$shard/"
	i=$((i + 1))
done

opts=(-q --suggest-budget 0 -j 1)
"$RELIRE" audit "${opts[@]}" --out "$TMP/single" "$all" || fail "single run"

export RELIRE SHARDS=$TMP
parallel --halt now,fail=1 "$RELIRE" collect "${opts[@]}" \
	--out "$TMP/c{}" "$TMP/shard{}" ::: 1 2 3 || fail "parallel collect"
"$RELIRE" merge --out "$TMP/corpus" "$TMP"/c1 "$TMP"/c2 "$TMP"/c3 ||
	fail "merge corpus state"
parallel --halt now,fail=1 "$RELIRE" audit "${opts[@]}" \
	--corpus "$TMP/corpus" --out "$TMP/o{}" "$TMP/shard{}" ::: 1 2 3 ||
	fail "parallel audit"
"$RELIRE" merge --out "$TMP/merged" "$TMP"/o1 "$TMP"/o2 "$TMP"/o3 ||
	fail "merge reports"

for f in quality.csv findings.csv; do
	cmp -s "$TMP/single/$f" "$TMP/merged/$f" ||
		fail "$f differs: $(diff "$TMP/single/$f" "$TMP/merged/$f" | head -5)"
done
# The variants tables agree on every decision and count; the evidence
# column is a bounded sample of context clues (docs/names.md), which a
# merge of samples need not reproduce exactly.
decisions() { python3 -c '
import csv, sys
for r in csv.reader(open(sys.argv[1], encoding="utf-8")):
    print(r[:-1])' "$1"; }
diff <(decisions "$TMP/single/variants.csv") \
	<(decisions "$TMP/merged/variants.csv") >/dev/null ||
	fail "variants.csv decisions differ"
diff -r "$TMP/single/clean" "$TMP/merged/clean" >/dev/null ||
	fail "clean texts differ"
grep -q 'Poutine' "$TMP/merged/clean/100_extra.txt" ||
	fail "names table not applied in a shard"
finish
