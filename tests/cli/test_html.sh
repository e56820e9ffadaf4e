# OUT/report.html: self-contained, escaped, paged for large batches, French
# by default, and
# rendered by a real browser (headless Chromium): the article table and the
# highlights are in the DOM, hostile article text stays text, and a
# screenshot is saved (set RELIRE_SCREENSHOT=FILE.png to keep a copy).
source "$(dirname "$0")/lib.sh"

# The seeds plus two hostile articles: markup in the text and in the id.
mkdir -p "$TMP/in"
cp "$SRC"/corpora/seeds/*.txt "$TMP/in/"
printf 'Titre <script>alert(1)</script> et la la suite.\n"><img src=x onerror=alert(1)> fin & co.\n' \
	>"$TMP/in/zz_script.txt"
printf 'Un texte court.\n' >"$TMP/in/zz_\"><svg onload=alert(1)>.txt"

"$RELIRE" audit -q --suggest-budget 0 --out "$TMP/out" "$TMP/in" ||
	fail "relire exited $?"
HTML="$TMP/out/report.html"
[ -s "$HTML" ] || fail "no report.html"
ls -a "$TMP/out" | grep -q '\.tmp\|\.report\.html\.' &&
	fail "temporary files left in OUT: $(ls -a "$TMP/out")"

# Static checks on the file: no external resources, text escaped.
python3 - "$HTML" <<'PY' || fail "report.html structure"
import sys
from html.parser import HTMLParser

class P(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.attrs, self.text = [], [], []
    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += [(tag, k, v or "") for k, v in attrs]
    def handle_data(self, d):
        self.text.append(d)

src = open(sys.argv[1], encoding="utf-8").read()
p = P(); p.feed(src)
text = "".join(p.text)
assert p.tags.count("script") == 2, "two scripts, ours: review data, code"
assert '<html lang="fr">' in src, "French by default"
assert "<\\/script" not in src and "\\u003cscript\\u003ealert(1)" in src, \
    "article text in the review data not JSON-escaped"
assert "img" not in p.tags, "an <img> element from article text"
for tag, k, v in p.attrs:
    assert not k.startswith("on"), "event handler attribute %s on %s" % (k, tag)
    if k in ("href", "src"):
        assert v.startswith("#") or v.startswith("html/"), "external %s=%s" % (k, v)
assert "<script>alert(1)</script>" in text, "script text not shown as text"
assert '"><img src=x onerror=alert(1)>' in text, "img text not shown as text"
assert 'zz_"><svg onload=alert(1)>.txt' in text, "hostile id not shown as text"
assert p.tags.count("section") >= 7, "one section per article"
assert 'class="f k-' in src, "no highlighted finding"
assert "<svg" in src and "<rect" in src, "no score chart"
PY

# A batch larger than one page: OUT/html/page-*.html and an index.
seq 1 249 | sed 's/$/ Le chat <bx>dort<\/bx>./' >"$TMP/lines.txt"  # no HTML element: text
echo '250 le le chat chat dort dort.' >>"$TMP/lines.txt"  # the worst
"$RELIRE" audit -q --per-line --suggest-budget 0 --out "$TMP/big" \
	"$TMP/lines.txt" || fail "paged run exited $?"
for n in 0001 0002 0003; do
	[ -s "$TMP/big/html/page-$n.html" ] || fail "missing page $n"
done
[ -e "$TMP/big/html/page-0004.html" ] && fail "one page too many"
grep -q 'href="html/page-0003.html#a250"' "$TMP/big/report.html" ||
	fail "index does not link article 250 on page 3"
grep -c '<tr id="r' "$TMP/big/html/page-0002.html" | grep -qx 100 ||
	fail "page 2 does not hold 100 articles"
grep -q 'id="a101"' "$TMP/big/html/page-0002.html" ||
	fail "article 101 is not on page 2"
grep -q '&lt;bx&gt;dort&lt;/bx&gt;' "$TMP/big/html/page-0003.html" ||
	fail "page text not escaped"

# The browser. Debian's package is 'chromium'.
find_browser() {
	command -v chromium || command -v chromium-browser ||
		command -v google-chrome || true
}
# Installed by .ci/setup, never by a test.
BROWSER=$(find_browser)
if [ -z "$BROWSER" ]; then
	skip_required "no Chromium (Debian's 'chromium' package; see .ci/setup)"
fi

browser() {
	local profile
	profile=$(mktemp -d "$TMP/profile.XXXXXX")
	timeout 120 "$BROWSER" --headless --no-sandbox --disable-gpu \
		--disable-background-networking --disable-component-update \
		--disable-sync --no-first-run --user-data-dir="$profile" "$@" \
		2>>"$TMP/browser.log"
}

browser --dump-dom "file://$HTML" >"$TMP/dom.html" ||
	fail "chromium --dump-dom failed: $(tail -3 "$TMP/browser.log")"
python3 - "$TMP/dom.html" <<'PY' || fail "rendered DOM"
import sys
from html.parser import HTMLParser

class P(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.attrs, self.text = [], [], []
        self.rows = self.marks = self.fixes = self.sortable = 0
        self.reviewrows = 0
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append(tag)
        self.attrs += [(tag, k) for k in a]
        if tag == "tr" and (a.get("id") or "").startswith("r"):
            self.rows += 1
        cls = (a.get("class") or "").split()
        if "f" in cls and any(c.startswith("k-") for c in cls):
            self.marks += 1
            assert a.get("title"), "highlight without a title"
        if tag == "del":
            self.fixes += 1
        if tag == "th" and "data-sort" in a:
            self.sortable += 1
        if tag == "tr" and "data-item" in a:
            self.reviewrows += 1
    def handle_data(self, d):
        self.text.append(d)

p = P(); p.feed(open(sys.argv[1], encoding="utf-8").read())
text = "".join(p.text)
assert p.rows == 7, "article table has %d rows, want 7" % p.rows
assert p.marks >= 10, "only %d highlights" % p.marks
assert p.fixes >= 1, "no applied repair shown as before/after"
assert p.sortable >= 8, "the sorting script did not run"
assert "img" not in p.tags, "an <img> element was created"
assert p.tags.count("script") == 2, "a <script> element was created"
assert p.reviewrows >= 2, "the review table has %d rows" % p.reviewrows
assert not [k for _, k in p.attrs if k.startswith("on")], "event handler"
assert "<script>alert(1)</script>" in text
assert '"><img src=x onerror=alert(1)>' in text
PY

browser --window-size=1200,1600 --screenshot="$TMP/report.png" \
	"file://$HTML" >/dev/null ||
	fail "chromium --screenshot failed: $(tail -3 "$TMP/browser.log")"
if [ "$(head -c 8 "$TMP/report.png" | od -An -tx1 | tr -d ' \n')" != \
	"89504e470d0a1a0a" ] || [ "$(wc -c <"$TMP/report.png")" -lt 20000 ]; then
	fail "screenshot missing or empty"
fi
if [ -n "${RELIRE_SCREENSHOT:-}" ]; then
	cp "$TMP/report.png" "$RELIRE_SCREENSHOT" && echo "screenshot: $RELIRE_SCREENSHOT"
fi
finish
