# The review loop in a real browser: relire audits the seed articles,
# headless Chromium (Selenium) opens report.html, approves the pending name
# variant and a reported-only repair, rejects an applied repair, exports
# variants.csv and decisions.csv; the next run reads them back and the
# cleaned text changes accordingly. Also: the French and English pages,
# OUT/decisions.csv read without --decisions, a stale decision reported.
source "$(dirname "$0")/lib.sh"

PY=/usr/bin/python3 # Debian's python3-selenium belongs to this one
mkdir -p "$TMP/in"
cp "$SRC"/corpora/seeds/*.txt "$TMP/in/"
ART=003_f4823d6193a1b3e5.txt   # char_repeat reported, Wichoff pending
GLUED=000_248a1dcb4579d6bb.txt # glued_words applied ("Trump." + LF)

"$RELIRE" audit -q --suggest-budget 0 --out "$TMP/out" "$TMP/in" ||
	fail "first run exited $?"
grep -q '<html lang="fr">' "$TMP/out/report.html" ||
	fail "report.html is not French by default"
grep -q '<h2>Revue</h2>' "$TMP/out/report.html" || fail "no review section"
grep -q 'Frastrastrast' "$TMP/out/clean/$ART" ||
	fail "char_repeat already applied before any decision"
grep -q 'Wichoff' "$TMP/out/clean/$ART" || fail "Wichoff already replaced"
grep -q '^Contexte' "$TMP/out/clean/$GLUED" || fail "glued_words not applied"

"$RELIRE" audit -q --suggest-budget 0 --report-lang en --out "$TMP/en" \
	"$TMP/in" || fail "--report-lang en exited $?"
grep -q '<html lang="en">' "$TMP/en/report.html" || fail "no English page"
grep -q '<h2>Review</h2>' "$TMP/en/report.html" || fail "no English review"
expect_status 2 "$RELIRE" audit -q --report-lang xx --out "$TMP/xx" "$TMP/in"

# The browser: installed by .ci/setup, never here.
missing=""
[ -x "$(command -v chromium || true)" ] || missing="$missing chromium"
[ -x "$(command -v chromedriver || true)" ] || missing="$missing chromium-driver"
"$PY" -c 'import selenium' 2>/dev/null || missing="$missing python3-selenium"
[ -z "$missing" ] ||
	skip_required "missing:$missing (Debian packages; see .ci/setup)"

timeout 180 "$PY" "$SRC/tests/cli/review_browser.py" "$TMP/out/report.html" \
	"$TMP/dl" >"$TMP/browser.log" 2>&1 ||
	{
		sed 's/^/  browser: /' "$TMP/browser.log" | tail -15 >&2
		fail "the review in Chromium failed"
		finish
	}
grep -q '^lang fr$' "$TMP/browser.log" || fail "the browser did not see lang=fr"
grep -q '"Wichoff","Witkoff",.*"approved"' "$TMP/dl/variants.csv" ||
	fail "exported variants.csv does not approve Wichoff"
grep -q '"char_repeat",.*"approved"' "$TMP/dl/decisions.csv" ||
	fail "decisions.csv does not approve the char_repeat"
tr -d '\r\n' <"$TMP/dl/decisions.csv" |
	grep -q '"glued_words","[0-9]*","[0-9]*","[0-9]*","","","rejected"' ||
	fail "decisions.csv does not reject the glued_words"

# The next run applies them: Witkoff, the repeat cut, no line break.
"$RELIRE" audit -q --suggest-budget 0 --variants "$TMP/dl/variants.csv" \
	--decisions "$TMP/dl/decisions.csv" --out "$TMP/out2" "$TMP/in" \
	2>"$TMP/err2" || fail "second run exited $?"
[ -s "$TMP/err2" ] && fail "second run complained: $(head -3 "$TMP/err2")"
grep -q 'Frastuct' "$TMP/out2/clean/$ART" || fail "approved repair not applied"
grep -q 'Wichoff' "$TMP/out2/clean/$ART" && fail "approved variant not applied"
grep -q 'Witkoff' "$TMP/out2/clean/$ART" || fail "no Witkoff in the text"
grep -q 'Trump\.Contexte' "$TMP/out2/clean/$GLUED" ||
	fail "rejected repair still applied"
grep -q 'approved by an editor' "$TMP/out2/findings.csv" ||
	fail "the approved repair is not a finding that says so"
grep -q '"char_repeat","274","334",.*"1"' "$TMP/out2/findings.csv" ||
	fail "the approved char_repeat is not an applied finding"

# OUT/decisions.csv is read without --decisions, with a notice.
cp "$TMP/dl/decisions.csv" "$TMP/out2/decisions.csv"
"$RELIRE" audit --suggest-budget 0 --variants "$TMP/dl/variants.csv" \
	--out "$TMP/out2" "$TMP/in" >/dev/null 2>"$TMP/err3" ||
	fail "third run exited $?"
grep -q "2 decisions read from '$TMP/out2/decisions.csv'" "$TMP/err3" ||
	fail "OUT/decisions.csv not announced: $(head -2 "$TMP/err3")"
grep -q 'Frastuct' "$TMP/out2/clean/$ART" || fail "OUT/decisions.csv not applied"

# A decision whose text changed is reported and not applied.
sed 's/rastrastrast/rastXrast/' "$TMP/dl/decisions.csv" >"$TMP/stale.csv"
"$RELIRE" audit --suggest-budget 0 --decisions "$TMP/stale.csv" \
	--out "$TMP/out4" "$TMP/in" >/dev/null 2>"$TMP/err4" ||
	fail "stale run exited $?"
grep -q 'no longer matches a finding; not applied' "$TMP/err4" ||
	fail "stale decision not reported"
grep -q 'Frastrastrast' "$TMP/out4/clean/$ART" || fail "stale decision applied"
printf 'article,kind\nx,y\n' >"$TMP/bad.csv"
expect_status 2 "$RELIRE" audit -q --decisions "$TMP/bad.csv" \
	--out "$TMP/out5" "$TMP/in"
grep -q "missing column 'start'" "$TMP/stderr" ||
	fail "bad decisions file: $(head -1 "$TMP/stderr")"
finish
