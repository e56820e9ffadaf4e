# --jsonl: JSON Lines in, one JSON result per record out, in input order;
# a malformed line gets an error record in its place (output lines stay
# aligned with input lines) and is reported with its line number.
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
grep -q "in.jsonl:3': line 3 is not a JSON record with a text: malformed JSON" "$TMP/stderr" ||
	fail "malformed line not reported: $(cat "$TMP/stderr")"
grep -q "line 4 is not a JSON record with a text: record has no \"text\" string" "$TMP/stderr" ||
	fail "record without text not reported"
python3 - "$TMP/out1.jsonl" <<'PY' || fail "jsonl output content"
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
src = sys.argv[1].replace("out1", "in")
assert [r["id"] for r in rows] == ["a1", src + ":2", src + ":3", src + ":4",
                                   src + ":5", "42"], rows
assert [r["status"] for r in rows] == ["ok", "ok", "error", "error",
                                       "error", "ok"], rows
assert "malformed JSON" in rows[2]["reason"], rows[2]
assert "empty" in rows[4]["reason"], rows[4]
a1 = rows[0]
assert a1["source"] == "web" and a1["n"] == 3, a1          # passed through
assert a1["text"] == "Le chat dort.", a1["text"]           # cleaned
assert a1["status"] == "ok" and 0 <= a1["score"] <= 100
assert a1["counts"]["word_repeat"] == 1, a1["counts"]
f = [f for f in a1["findings"] if f["kind"] == "word_repeat"][0]
assert (f["start"], f["end"], f["replacement"], f["applied"]) == (2, 5, "", True), f
assert rows[5]["text"].startswith("=HYPERLINK("), rows[5]  # JSON is raw
# numbers shortest-round-trip: 0.9, not 0.90000000000000002
line = open(sys.argv[1], encoding="utf-8").readline()
assert '"confidence":0.9,' in line, line
PY

# Same output for one thread; no CSV reports unless --out is given.
(cd "$TMP" && "$RELIRE" audit --jsonl -q --suggest-budget 0 -j 1 \
	- <"$TMP/in.jsonl" >"$TMP/out2.jsonl" 2>/dev/null) || true
sed "s|$TMP/in.jsonl|stdin|g" "$TMP/out1.jsonl" | cmp -s - "$TMP/out2.jsonl" ||
	fail "output differs between thread counts"
[ ! -e "$TMP/reports" ] || fail "reports written without --out"
finish
