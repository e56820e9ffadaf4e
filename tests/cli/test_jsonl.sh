# --jsonl: JSON Lines in, one JSON result per record out, in input order;
# malformed lines reported with their line number and skipped.
source "$(dirname "$0")/lib.sh"

cat >"$TMP/in.jsonl" <<'JSON'
{"id": "a1", "text": "Le le chat dort.", "source": "web", "n": 3}
{"text": "Bonjour tout le monde."}
not json at all
{"id": "a3"}

{"id": 42, "text": "=HYPERLINK(\"x\") un texte"}
JSON

expect_status 1 "$RELIRE" audit --jsonl --suggest-budget 0 -j 2 "$TMP/in.jsonl"
cp "$TMP/stdout" "$TMP/out1.jsonl"
grep -q "in.jsonl' line 3: malformed JSON" "$TMP/stderr" ||
	fail "malformed line not reported: $(cat "$TMP/stderr")"
grep -q "line 4: record has no \"text\" string" "$TMP/stderr" ||
	fail "record without text not reported"
python3 - "$TMP/out1.jsonl" <<'PY' || fail "jsonl output content"
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
assert [r["id"] for r in rows] == ["a1", sys.argv[1].replace("out1", "in") + ":2", "42"], rows
a1 = rows[0]
assert a1["source"] == "web" and a1["n"] == 3, a1          # passed through
assert a1["text"] == "Le chat dort.", a1["text"]           # cleaned
assert a1["status"] == "ok" and 0 <= a1["score"] <= 100
assert a1["counts"]["word_repeat"] == 1, a1["counts"]
f = [f for f in a1["findings"] if f["kind"] == "word_repeat"][0]
assert (f["start"], f["end"], f["replacement"], f["applied"]) == (2, 5, "", True), f
assert rows[2]["text"].startswith("=HYPERLINK("), rows[2]  # JSON is raw
PY

# Same output for one thread; no CSV reports unless --out is given.
(cd "$TMP" && "$RELIRE" audit --jsonl -q --suggest-budget 0 -j 1 \
	- <"$TMP/in.jsonl" >"$TMP/out2.jsonl" 2>/dev/null) || true
sed "s|$TMP/in.jsonl|stdin|g" "$TMP/out1.jsonl" | cmp -s - "$TMP/out2.jsonl" ||
	fail "output differs between thread counts"
[ ! -e "$TMP/reports" ] || fail "reports written without --out"
finish
