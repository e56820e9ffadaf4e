# --reports: which reports for people an audit writes. Each choice gives
# the same CSVs and cleaned text as the default run, writes exactly the
# reports it names, and removes from DIR those an earlier run left there
# that it does not write (html/ pages included); a symbolic link in their
# place is removed, never followed. A bad list is a usage error (exit 2)
# that leaves DIR as it was.
source "$(dirname "$0")/lib.sh"

mkdir -p "$TMP/in"
cp "$SRC"/corpora/seeds/*.txt "$TMP/in/"
# More than one page of articles, so that report.html has html/ pages.
for i in $(seq 120); do
	printf 'Article %d : le le chat dort sous la pluie.\n' "$i"
done >"$TMP/lines.txt"

# reports_in DIR: the reports for people found in DIR, one line.
reports_in() {
	local d=$1 out=""
	[ -e "$d/report.html" ] && out="$out report.html"
	[ -e "$d/html" ] && out="$out html/"
	[ -e "$d/report.xlsx" ] && out="$out report.xlsx"
	echo "${out# }"
}

# same_data A B: the CSVs and cleaned text of two output directories.
same_data() {
	local f
	for f in quality.csv findings.csv variants.csv clean.txt clean; do
		[ -e "$1/$f" ] || [ -e "$2/$f" ] || continue
		diff -r "$1/$f" "$2/$f" >/dev/null ||
			fail "$2/$f differs from the default run's"
	done
}

expect_status 0 "$RELIRE" audit -q --suggest-budget 0 --per-line \
	--out "$TMP/all" "$TMP/lines.txt"
[ "$(reports_in "$TMP/all")" = "report.html html/ report.xlsx" ] ||
	fail "default: $(reports_in "$TMP/all")"

# Table: --reports value | reports left in DIR after a default run then
# a run with the value.
while IFS='|' read -r value want; do
	d="$TMP/r-$value"
	rm -rf "$d"
	expect_status 0 "$RELIRE" audit -q --suggest-budget 0 --per-line \
		--out "$d" "$TMP/lines.txt"
	expect_status 0 "$RELIRE" audit -q --suggest-budget 0 --per-line \
		--reports "$value" --out "$d" "$TMP/lines.txt"
	got=$(reports_in "$d")
	[ "$got" = "$want" ] ||
		fail "--reports $value: found '$got', want '$want'"
	same_data "$TMP/all" "$d"
	[ -z "$(find "$d" -name '.*' | head -1)" ] ||
		fail "--reports $value: temporary files left"
done <<'TABLE'
none|
html|report.html html/
xlsx|report.xlsx
html,xlsx|report.html html/ report.xlsx
xlsx,html|report.html html/ report.xlsx
TABLE

# Without --per-line: one file per article, the same choice.
expect_status 0 "$RELIRE" audit -q --suggest-budget 0 --out "$TMP/dir" \
	"$TMP/in"
expect_status 0 "$RELIRE" audit -q --suggest-budget 0 --reports none \
	--out "$TMP/dir" "$TMP/in"
[ -z "$(reports_in "$TMP/dir")" ] ||
	fail "--reports none (files): $(reports_in "$TMP/dir") left"
[ -s "$TMP/dir/quality.csv" ] && [ -d "$TMP/dir/clean" ] ||
	fail "--reports none (files): no quality.csv or clean/"

# A symbolic link where a stale report was: removed, its target kept.
mkdir -p "$TMP/link" "$TMP/elsewhere"
echo keep >"$TMP/elsewhere/report.xlsx"
ln -s "$TMP/elsewhere" "$TMP/link/html"
ln -s "$TMP/elsewhere/report.xlsx" "$TMP/link/report.xlsx"
expect_status 0 "$RELIRE" audit -q --suggest-budget 0 --reports none \
	--out "$TMP/link" "$TMP/in"
[ ! -e "$TMP/link/html" ] && [ ! -L "$TMP/link/report.xlsx" ] ||
	fail "a symbolic link in place of a stale report was not removed"
[ "$(cat "$TMP/elsewhere/report.xlsx")" = keep ] ||
	fail "a stale report's link was followed"

# Bad lists: exit 2, named, DIR untouched.
before=$(cd "$TMP/all" && find . -type f -printf '%p %s %T@\n' | sort)
while IFS='|' read -r value named; do
	expect_status 2 "$RELIRE" audit -q --reports "$value" --per-line \
		--out "$TMP/all" "$TMP/lines.txt"
	grep -q -- "$named" "$TMP/stderr" ||
		fail "--reports '$value': message does not name $named:" \
			"$(head -1 "$TMP/stderr")"
done <<'TABLE'
pdf|unknown report 'pdf'
html,pdf|unknown report 'pdf'
html,|unknown report ''
none,html|unknown report 'none'
|--reports
TABLE
after=$(cd "$TMP/all" && find . -type f -printf '%p %s %T@\n' | sort)
[ "$before" = "$after" ] || fail "a refused run changed the output directory"

finish
