#!/usr/bin/env bash
# Round-trip OUT/report.xlsx through LibreOffice (not part of ctest: it
# needs the libreoffice-calc package, several hundred MB). Converts each
# sheet to CSV with soffice in headless mode and compares the Quality
# sheet with quality.csv, cell by cell (numbers compared as numbers).
#
# Usage: tests/tools/xlsx_libreoffice.sh OUT_DIR
# Exit 0 when they agree, 1 when they differ, 77 when soffice is missing.
set -euo pipefail
out=${1:?usage: $0 OUT_DIR}
command -v soffice >/dev/null || {
	echo "soffice not found (Debian: apt-get install libreoffice-calc)" >&2
	exit 77
}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Filter options: comma, double quote, UTF-8 (76), first line 1, sheet 1.
soffice --headless --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,1' \
	--outdir "$tmp" "$out/report.xlsx" >/dev/null
/usr/bin/python3 - "$tmp"/report*.csv "$out/quality.csv" <<'PY'
import csv, sys
def rows(p):
    with open(p, encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))
lo, q = rows(sys.argv[1]), rows(sys.argv[2])
bad = 0
for r, (a, b) in enumerate(zip(lo, q)):
    for c, (x, y) in enumerate(zip(a, b)):
        y = y[1:] if y[:2] in ("'=", "'+", "'-", "'@") else y
        try:
            same = abs(float(x) - float(y)) <= 0.5 * 10 ** -(len(y.split(".")[1]) if "." in y else 0) + 1e-9
        except ValueError:
            same = x == y
        if not same:
            bad += 1
            print(f"row {r + 1} column {c + 1}: {x!r} != {y!r}", file=sys.stderr)
if len(lo) != len(q):
    bad += 1
    print(f"{len(lo)} rows from LibreOffice, {len(q)} in quality.csv", file=sys.stderr)
sys.exit(1 if bad else 0)
PY
echo "report.xlsx round-trips through LibreOffice"
