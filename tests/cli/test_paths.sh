# Paths from input data never choose where outputs go: article ids with
# "..", absolute ids, and (with --jsonl) ids chosen by the records
# themselves all write under OUT/clean/, and nothing is created elsewhere.
source "$(dirname "$0")/lib.sh"

out=$TMP/work/out
mkdir -p "$TMP/work/a/b/c" "$TMP/elsewhere"
printf 'Victime.\n' >"$TMP/work/victim.txt"
printf 'Absolu.\n' >"$TMP/elsewhere/abs.txt"
touch -d '2000-01-01' "$TMP/work/victim.txt" "$TMP/elsewhere/abs.txt"

# snapshot: every path around OUT and the inputs (OUT excluded), with
# size and modification time.
snapshot() {
	(cd "$TMP" && find work elsewhere -path work/out -prune -o \
		-type d -printf '%p/\n' -o -printf '%p %s %T@\n' | sort)
}
snapshot >"$TMP/before"

# Ids with "..": written under clean/ with ".." as "__".
(cd "$TMP/work/a/b/c" && "$RELIRE" audit -q --suggest-budget 0 \
	--out "$out" ../../../victim.txt "$TMP/elsewhere/abs.txt") ||
	fail "relire failed on .. and absolute ids"
[ -f "$out/clean/__/__/__/victim.txt" ] || fail "'../../../victim.txt'"
[ -f "$out/clean$TMP/elsewhere/abs.txt" ] || fail "absolute id"
grep -q '^"../../../victim.txt","ok"' "$out/quality.csv" ||
	fail "the id in quality.csv is the path as given"
snapshot >"$TMP/after"
cmp -s "$TMP/before" "$TMP/after" || {
	fail "files created or changed outside --out:"
	diff "$TMP/before" "$TMP/after" | head -5 >&2
}

# A symbolic link planted inside OUT (OUT/clean/sub -> elsewhere, or
# OUT/clean itself) is never followed: the article whose clean file would
# go through it gets an error row, the others are written.
for planted in clean/sub clean; do
	o2=$TMP/work/out-link
	rm -rf "$o2"
	mkdir -p "$o2/clean" "$TMP/work/in/sub"
	[ "$planted" = clean ] && rmdir "$o2/clean"
	ln -s "$TMP/elsewhere" "$o2/$planted"
	printf 'Dans le lien.\n' >"$TMP/work/in/sub/x.txt"
	printf 'À côté.\n' >"$TMP/work/in/y.txt"
	rc=0
	(cd "$TMP/work/in" && "$RELIRE" audit -q --suggest-budget 0 \
		--out "$o2" sub/x.txt y.txt) 2>"$TMP/link.err" || rc=$?
	[ "$rc" -eq 1 ] || fail "link $planted: exit $rc, want 1"
	grep -q '^"sub/x.txt","error",.*symbolic link' "$o2/quality.csv" ||
		fail "link $planted: no error row naming the symbolic link"
	if [ "$planted" = clean/sub ]; then
		grep -q '^"y.txt","ok"' "$o2/quality.csv" ||
			fail "link $planted: the other article was not written"
		[ -f "$o2/clean/y.txt" ] || fail "link $planted: no clean/y.txt"
	fi
	[ ! -e "$TMP/elsewhere/x.txt" ] && [ ! -e "$TMP/elsewhere/y.txt" ] ||
		fail "link $planted: a clean file was written through the link"
	rm -rf "$TMP/work/in" "$o2"
done

# Ids chosen by the records (JSON Lines), each with the clean file it must
# land in (relative to OUT/clean). ".." maps to "__", already a directory
# for the first id: that record fails with an error row, the others go on.
if ! "$RELIRE" --help | grep -- '--jsonl' >/dev/null; then
	fail "no --jsonl option in --help: record ids cannot be tested"
	finish
fi
cat >"$TMP/ids.tsv" <<'TSV'
../../../../../../tmp/relire-escape	__/__/__/__/__/__/tmp/relire-escape
/etc/relire-escape	etc/relire-escape
..	ERROR
.	_
./x	x
a/../../b	a/__/__/b
a//b	a/b
clean/../../quality.csv	clean/__/__/quality.csv
...	...
.hidden	.hidden
TSV
while IFS=$'\t' read -r id _; do
	python3 -c 'import json, sys
print(json.dumps({"id": sys.argv[1], "text": "Texte de " + sys.argv[1]}))' \
		"$id"
done <"$TMP/ids.tsv" >"$TMP/records.jsonl"
rm -rf "$out"
snapshot >"$TMP/before"
got=0
"$RELIRE" audit -q --jsonl --suggest-budget 0 --out "$out" \
	"$TMP/records.jsonl" >"$TMP/results.jsonl" 2>"$TMP/stderr" || got=$?
[ "$got" -eq 1 ] || fail "--jsonl on hostile ids: exit $got, want 1"
while IFS=$'\t' read -r id want; do
	if [ "$want" = ERROR ]; then
		grep -q "^\"$id\",\"error\",.*Is a directory\"" \
			"$out/quality.csv" || fail "id '$id': no error row"
	else
		[ -f "$out/clean/$want" ] || fail "id '$id': no clean/$want"
	fi
done <"$TMP/ids.tsv"
[ ! -e /tmp/relire-escape ] && [ ! -e /etc/relire-escape ] ||
	fail "a record id wrote outside --out"
python3 -c '
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="")))
assert rows[0][0] == "article", rows[0]
assert len(rows) == 11, len(rows)
' "$out/quality.csv" || fail "quality.csv damaged by a record id"
snapshot >"$TMP/after"
cmp -s "$TMP/before" "$TMP/after" || {
	fail "files created or changed outside --out:"
	diff "$TMP/before" "$TMP/after" | head -5 >&2
}
finish
