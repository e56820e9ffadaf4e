# OUT/report.xlsx read back by a real reader (openpyxl, Debian's
# python3-openpyxl): every cell of quality.csv and findings.csv is in the
# workbook, typed (numbers numeric), accents intact, no formula anywhere,
# a text over the cell limit cut with a marker and its full length given;
# the workbook is byte-identical between runs. --csv-bom starts each CSV
# with a BOM that the reader of variants.csv skips.
source "$(dirname "$0")/lib.sh"

# Debian's Python modules belong to /usr/bin/python3.
PY=/usr/bin/python3
"$PY" -c 'import openpyxl' 2>/dev/null ||
	skip_required "python3-openpyxl is not installed (/usr/bin/python3)"

mkdir -p "$TMP/in"
cp "$SRC"/corpora/seeds/*.txt "$TMP/in/"
# Ids that a spreadsheet would take for a formula, or mangle the accents of.
printf 'Le le chat dort sous la pluie.\n' >"$TMP/in/=HYPERLINK(1).txt"
printf 'Élysée à Noël, le le chat dort.\n' >"$TMP/in/Élysée-été.txt"
# One finding longer than a cell: a run of 40,000 repeated characters.
"$PY" -c 'print("Début. " + "é" * 40000 + " fin.")' >"$TMP/in/long.txt"

"$RELIRE" audit -q --suggest-budget 0 --out "$TMP/a" "$TMP/in" ||
	fail "first run"
"$RELIRE" audit -q --suggest-budget 0 --out "$TMP/b" --csv-bom "$TMP/in" ||
	fail "second run"
cmp -s "$TMP/a/report.xlsx" "$TMP/b/report.xlsx" ||
	fail "report.xlsx differs between two runs"
for f in quality.csv findings.csv variants.csv; do
	[ "$(head -c 3 "$TMP/b/$f" | od -An -tx1 | tr -d ' ')" = efbbbf ] ||
		fail "--csv-bom: $f does not start with a BOM"
	[ "$(head -c 1 "$TMP/a/$f")" = '"' ] || fail "$f starts with a BOM"
done

"$PY" - "$TMP/a" <<'PY' || fail "openpyxl read-back"
import csv, os, sys
import openpyxl

out = sys.argv[1]
wb = openpyxl.load_workbook(os.path.join(out, "report.xlsx"))
bad = []
assert wb.sheetnames == ["Quality", "Findings", "Variants"], wb.sheetnames

def unneutralize(s):
    if s[:1] == "'" and s[1:2] in ("=", "+", "-", "@", "\t", "\r", "'"):
        return s[1:]
    return s

def rows(name):
    with open(os.path.join(out, name), encoding="utf-8", newline="") as f:
        return list(csv.reader(f))

def same(cell, text, where):
    text = unneutralize(text)
    if cell.data_type == "f":
        bad.append(f"{where}: a formula: {cell.value!r}")
    elif cell.data_type == "n":
        if cell.value is None and text == "":
            return
        # The CSV rounds to its decimals, the cell keeps the number.
        dec = len(text.split(".")[1]) if "." in text else 0
        if not isinstance(cell.value, (int, float)) or \
                abs(cell.value - float(text)) > 0.5 * 10 ** -dec + 1e-12:
            bad.append(f"{where}: {cell.value!r} != {text!r}")
    elif (cell.value or "") != text:
        bad.append(f"{where}: {str(cell.value)[:60]!r} != {text[:60]!r}")

for name, sheet, skip in (("quality.csv", "Quality", ()),
                          ("findings.csv", "Findings",
                           ("original_chars", "character"))):
    ws = wb[sheet]
    head = [c.value for c in ws[1]]
    cols = [i for i, h in enumerate(head) if h not in skip]
    data = rows(name)
    if [head[i] for i in cols] != data[0]:
        bad.append(f"{sheet}: header {head} != {data[0]}")
        continue
    if ws.freeze_panes != "A2" or not ws.auto_filter.ref:
        bad.append(f"{sheet}: header not frozen or no autofilter")
    for r, (xrow, crow) in enumerate(zip(ws.iter_rows(min_row=2), data[1:])):
        for i, text in zip(cols, crow):
            cell = xrow[i]
            if len(text) > 32767:
                v = cell.value
                if not v.endswith("cut: full text in the CSV]") or \
                        not text.startswith(v[:30000]) or len(v) > 32767:
                    bad.append(f"{sheet} row {r + 2}: long text not cut")
                if head[i] == "original" and \
                        xrow[head.index("original_chars")].value != len(text):
                    bad.append(f"{sheet} row {r + 2}: wrong original_chars")
                continue
            same(cell, text, f"{sheet} row {r + 2} {head[i]}")
    if ws.max_row != len(data):
        bad.append(f"{sheet}: {ws.max_row} rows, CSV has {len(data)}")

q = wb["Quality"]
head = [c.value for c in q[1]]
for row in q.iter_rows(min_row=2):
    if row[head.index("status")].value == "ok":
        g = row[head.index("grade")]
        if g.fill.fgColor.rgb[-6:].lower() not in (
                "a5d6a7", "dcedc8", "fff59d", "ffcc80", "ef9a9a"):
            bad.append(f"grade {g.value} not coloured")
        if not isinstance(row[head.index("score")].value, float):
            bad.append("score is not a number")
texts = [c.value for ws in wb for row in ws.iter_rows() for c in row
         if isinstance(c.value, str)]
if not any(t == "Élysée-été.txt" for t in texts):
    bad.append("accents lost")
if not any(t == "=HYPERLINK(1).txt" for t in texts):
    bad.append("the formula-like text is not a plain string")
if not any(t.endswith("cut: full text in the CSV]") for t in texts):
    bad.append("no text was cut: the long input made no long finding")
if not any(t == "inserted LINE FEED" for t in texts):
    bad.append("no character name for an inserted line break")
v = wb["Variants"]
if v.max_row != len(rows("variants.csv")):
    bad.append("Variants sheet and variants.csv differ in length")
for line in bad[:20]:
    print(line, file=sys.stderr)
sys.exit(1 if bad else 0)
PY

# The workbook is deflated at zlib's level 1, not libxlsxwriter's 6
# (report_xlsx.c): every part's compressed bytes are what level 1 makes
# of it, and some part is one that level 6 would have made smaller.
"$PY" - "$TMP/a/report.xlsx" <<'PY' || fail "workbook compression level"
import sys, zipfile, zlib

def deflated(data, level):
    c = zlib.compressobj(level, zlib.DEFLATED, -15, 8)
    return len(c.compress(data) + c.flush())

z = zipfile.ZipFile(sys.argv[1])
parts = [i for i in z.infolist() if i.compress_type == zipfile.ZIP_DEFLATED]
bad = [i.filename for i in parts
       if i.compress_size != deflated(z.read(i.filename), 1)]
if bad:
    sys.exit(f"not deflated at level 1: {bad}")
if not any(deflated(z.read(i.filename), 6) != i.compress_size
           for i in parts):
    sys.exit("no part where level 1 and level 6 differ: the check is void")
PY

finish
