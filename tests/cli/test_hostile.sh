# Hostile inputs: every one gets its expected outcome, the batch goes on,
# outputs are complete or absent and no temporary file is left behind.
# The inputs are generated here, in a temporary directory (docs/robustness.md
# lists the cases; the 100 MB single line is in tests/bench/hostile_big.sh).
source "$(dirname "$0")/lib.sh"

in=$TMP/in
mkdir -p "$in"

# section NAME: print where the test is, with the time taken so far.
section() {
	echo "[${SECONDS}s] $*" >&2
}

# row ID: the quality.csv row of an article (id as written in the CSV).
row() {
	grep -F "\"$1\"," "$2/quality.csv" | head -1
}

# expect_row OUT ID STATUS [REASON-SUBSTRING]
expect_row() {
	local r
	r=$(row "$2" "$1")
	if [ -z "$r" ]; then
		fail "no quality.csv row for '$2'"
		return
	fi
	case $r in
	"\"$2\",\"$3\","*) ;;
	*) fail "'$2': want status $3, row: ${r:0:120}" ;;
	esac
	if [ -n "${4:-}" ] && ! grep -qF -- "$4" <<<"$r"; then
		fail "'$2': reason lacks '$4': ${r:0:200}"
	fi
}

# no_temp OUT: no hidden (temporary) file anywhere under OUT.
no_temp() {
	local left
	left=$(find "$1" -name '.*' 2>/dev/null | head -3)
	[ -z "$left" ] || fail "temporary files left: $left"
}

# valid_utf8 FILE
valid_utf8() {
	python3 -c 'import sys; open(sys.argv[1], "rb").read().decode("utf-8")' \
		"$1" 2>/dev/null || fail "'$1' is not valid UTF-8"
}

# --- one batch of small hostile files -------------------------------------
section "one batch of small hostile files"
printf 'Un article normal.\n' >"$in/good.txt"
: >"$in/empty.txt"
head -c 4096 /dev/zero >"$in/nul.txt"
cp /bin/true "$in/elf.txt"
printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0' \
	>"$in/image.txt"
good='D\xc3\xa9j\xc3\xa0 l\x27\xc3\xa9t\xc3\xa9, caf\xc3\xa9 cr\xc3\xa8me, '
bad='\xc0\xaf overlong, \xed\xa0\x80 surrogate, cut at the end \xe2\x82'
printf "$good$bad" >"$in/invalid.txt"
printf 'Un \xc3\xa9t\xc3\xa9 chaud.\n' | iconv -f UTF-8 -t UTF-16 \
	>"$in/utf16-bom.txt"
printf 'Un \xc3\xa9t\xc3\xa9 chaud.\n' | iconv -f UTF-8 -t UTF-16LE \
	>"$in/utf16le.txt"
printf 'Un \xc3\xa9t\xc3\xa9 chaud.\n' | iconv -f UTF-8 -t UTF-16BE \
	>"$in/utf16be.txt"
head -c 200000 /dev/zero | tr '\0' 'x' >"$in/toobig.txt"
ln -s loop-b.txt "$in/loop-a.txt"
ln -s loop-a.txt "$in/loop-b.txt"
ln -s . "$in/dirloop"            # a symlink to a directory: not followed
ln -s does-not-exist "$in/gone.txt" # a file that disappeared
mkdir "$in/folder.txt"           # a directory named x.txt is a directory
printf 'Dans un dossier.\n' >"$in/folder.txt/inner.txt"
ln -s folder.txt "$in/dirlink.txt"
nonutf8=$(printf 'caf\xe9.txt')
printf 'Nom de fichier en Latin-1.\n' >"$in/$nonutf8"
# An unreadable file. chmod 000 does not stop root, so there a read error
# comes from /proc/self/mem, which fails with EIO at offset 0.
if [ "$(id -u)" -ne 0 ]; then
	printf 'secret\n' >"$in/unreadable.txt"
	chmod 000 "$in/unreadable.txt"
	unreadable_reason='Permission denied'
else
	ln -s /proc/self/mem "$in/unreadable.txt"
	unreadable_reason='Input/output error'
fi

out=$TMP/out
expect_status 1 "$RELIRE" audit -q --suggest-budget 0 --max-article-size 100K \
	--out "$out" "$in"
expect_row "$out" good.txt ok
expect_row "$out" empty.txt ok
[ -f "$out/clean/empty.txt" ] && [ ! -s "$out/clean/empty.txt" ] ||
	fail "empty article: clean file missing or not empty"
expect_row "$out" nul.txt error binary
expect_row "$out" elf.txt error binary
expect_row "$out" image.txt error binary
expect_row "$out" invalid.txt ok
valid_utf8 "$out/clean/invalid.txt"
[ "$(grep -c '"invalid.txt","encoding"' "$out/findings.csv")" -eq 3 ] ||
	fail "invalid.txt: want 3 encoding findings"
for f in utf16-bom utf16le utf16be; do
	expect_row "$out" $f.txt ok
	cmp -s "$out/clean/$f.txt" <(printf 'Un \xc3\xa9t\xc3\xa9 chaud.\n') ||
		fail "$f.txt: wrong decoded text"
done
expect_row "$out" toobig.txt error 'larger than --max-article-size'
expect_row "$out" loop-a.txt error 'Too many levels of symbolic links'
expect_row "$out" loop-b.txt error 'Too many levels of symbolic links'
expect_row "$out" gone.txt error 'No such file or directory'
expect_row "$out" folder.txt/inner.txt ok
expect_row "$out" dirlink.txt error 'Is a directory'
expect_row "$out" 'caf\xE9.txt' ok
[ -f "$out/clean/$nonutf8" ] || fail "clean file of a Latin-1 file name"
expect_row "$out" unreadable.txt error "$unreadable_reason"
grep -q dirloop "$out/quality.csv" && fail "followed a directory symlink"
for f in quality.csv findings.csv; do valid_utf8 "$out/$f"; done
[ "$(wc -l <"$out/quality.csv")" -eq 18 ] ||
	fail "want 17 article rows, got $(($(wc -l <"$out/quality.csv") - 1))"
grep -q "cannot read '$in/gone.txt': No such file or directory" \
	"$TMP/stderr" || fail "no message for the vanished file"
no_temp "$out"

# --- many inputs that fail before processing, among good ones -------------
section "many inputs that fail before processing, among good ones"
mkdir "$TMP/errs"
for i in $(seq 1 300); do
	ln -s nowhere "$TMP/errs/e$i.txt"
	[ $((i % 50)) -eq 0 ] && printf 'Bon %d.\n' $i >"$TMP/errs/g$i.txt"
done
expect_status 1 "$RELIRE" audit -q --suggest-budget 0 --out "$TMP/oerrs" \
	"$TMP/errs"
[ "$(grep -c '"error"' "$TMP/oerrs/quality.csv")" -eq 300 ] ||
	fail "many failing inputs: want 300 error rows"
[ "$(grep -c '","ok",' "$TMP/oerrs/quality.csv")" -eq 6 ] ||
	fail "many failing inputs: want 6 ok rows"

# --- deep directory trees -------------------------------------------------
section "deep directory trees"
# 300 levels: the walk stops at 256 with an error row, the rest is read.
deep=$TMP/deep
d=$deep
for i in $(seq 1 300); do
	d=$d/d
done
mkdir -p "$d"
printf 'Tout au fond.\n' >"$d/bottom.txt"
printf 'En surface.\n' >"$deep/top.txt"
expect_status 1 "$RELIRE" audit -q --suggest-budget 0 --out "$TMP/odeep" \
	"$deep"
expect_row "$TMP/odeep" top.txt ok
grep -q '"error"' "$TMP/odeep/quality.csv" || fail "deep tree: no error row"
# Long names: the path passes PATH_MAX (4096) well before 256 levels.
long=$(printf 'n%.0s' $(seq 1 250))
d=$TMP/longdeep
for i in $(seq 1 20); do
	d=$d/$long
done
mkdir -p "$d" 2>/dev/null || python3 -c '
import os, sys
os.chdir(sys.argv[1])
for _ in range(20):
    os.makedirs(sys.argv[2], exist_ok=True)
    os.chdir(sys.argv[2])
open("bottom.txt", "w").write("Trop loin.\n")
' "$TMP" "longdeep/$long" 2>/dev/null || true
mkdir -p "$TMP/longdeep"
printf 'Pas loin.\n' >"$TMP/longdeep/near.txt"
"$RELIRE" audit -q --suggest-budget 0 --out "$TMP/olong" "$TMP/longdeep" \
	>/dev/null 2>&1 || [ $? -eq 1 ] || fail "long paths: bad exit status"
expect_row "$TMP/olong" near.txt ok
# A 254-byte file name: its clean file and temporary file still fit.
printf 'Nom long.\n' >"$TMP/longdeep/$long.txt"
expect_status 0 "$RELIRE" audit -q --suggest-budget 0 --out "$TMP/olong2" \
	"$TMP/longdeep/$long.txt" "$TMP/longdeep/near.txt"
expect_row "$TMP/olong2" "$TMP/longdeep/$long.txt" ok
expect_row "$TMP/olong2" "$TMP/longdeep/near.txt" ok
no_temp "$TMP/olong2"

# --- a large single line, and --max-line-length ---------------------------
section "a large single line, and --max-line-length"
python3 -c '
import random, sys
random.seed(1)
words = open(sys.argv[1], "rb").read().split()
line = b" ".join(random.choice(words) for i in range(3500000))
sys.stdout.buffer.write(line[:20 << 20])
' "$SRC/corpora/seeds/000_248a1dcb4579d6bb.txt" >"$TMP/bigline.txt"
[ "$(wc -c <"$TMP/bigline.txt")" -eq $((20 << 20)) ] || fail "bigline: size"
printf 'court\n%s\nfin\n' "$(head -c 2000 /dev/zero | tr '\0' y)" \
	>"$in/longline.txt"
# Over the default --max-line-length (16 MiB): an error row, at once.
expect_status 1 "$RELIRE" audit -q --suggest-budget 0 --out "$TMP/obig" \
	"$TMP/bigline.txt" "$in/good.txt"
expect_row "$TMP/obig" "$TMP/bigline.txt" error \
	'line 1 is 20971520 bytes long, over --max-line-length (16777216 bytes)'
expect_row "$TMP/obig" "$in/good.txt" ok
# Without the limit the line is processed.
expect_status 0 "$RELIRE" audit -q --suggest-budget 0 --max-line-length 0 \
	--out "$TMP/obig" "$TMP/bigline.txt"
expect_row "$TMP/obig" "$TMP/bigline.txt" ok
[ -s "$TMP/obig/clean$TMP/bigline.txt" ] || fail "20 MB line: no clean text"
# A 100 MB single line is over the default --max-article-size (64 MiB).
for _ in 1 2 3 4 5; do cat "$TMP/bigline.txt"; done >"$TMP/huge.txt"
expect_status 1 "$RELIRE" audit -q --suggest-budget 0 --out "$TMP/ohuge" \
	"$TMP/huge.txt" "$in/good.txt"
expect_row "$TMP/ohuge" "$TMP/huge.txt" error 'larger than --max-article-size'
expect_row "$TMP/ohuge" "$in/good.txt" ok
rm -f "$TMP/huge.txt"
expect_status 1 "$RELIRE" audit -q --suggest-budget 0 \
	--max-line-length 1K --out "$TMP/oline" "$TMP/bigline.txt" \
	"$in/longline.txt" "$in/good.txt"
expect_row "$TMP/oline" "$TMP/bigline.txt" error \
	'line 1 is 20971520 bytes long, over --max-line-length (1024 bytes)'
expect_row "$TMP/oline" "$in/longline.txt" error 'line 2 is 2000 bytes'
expect_row "$TMP/oline" "$in/good.txt" ok

# --- many tiny files ------------------------------------------------------
section "many tiny files"
python3 -c '
import os, sys
d = sys.argv[1]
os.mkdir(d)
for i in range(20000):
    with open(os.path.join(d, "%05d.txt" % i), "w") as f:
        f.write("Article %d : le chat dort.\n" % i)
' "$TMP/many"
expect_status 0 "$RELIRE" audit -q --suggest-budget 0 --out "$TMP/omany" \
	"$TMP/many"
[ "$(grep -c '","ok",' "$TMP/omany/quality.csv")" -eq 20000 ] ||
	fail "many files: want 20000 ok rows"
[ "$(find "$TMP/omany/clean" -type f | wc -l)" -eq 20000 ] ||
	fail "many files: want 20000 clean files"
no_temp "$TMP/omany"
rm -rf "$TMP/many" "$TMP/omany"

# --- an output directory that cannot be created (exit 3, with a hint) -----
section "an output directory that cannot be created"
: >"$TMP/plainfile"
expect_status 3 "$RELIRE" audit -q --out "$TMP/plainfile/sub" "$in/good.txt"
grep -q "cannot create output directory '$TMP/plainfile/sub'" \
	"$TMP/stderr" || fail "unwritable output: message"
grep -q "^hint:" "$TMP/stderr" || fail "unwritable output: no hint"
[ ! -e "$TMP/plainfile/sub" ] || fail "unwritable output: created"

# --- a full disk (writes fail with ENOSPC after N bytes) ------------------
section "a full disk (writes fail with ENOSPC after N bytes)"
shim=$(dirname "$RELIRE")/failwrite.so
if [ ! -f "$shim" ]; then
	missing "$shim not built (the build makes it: tests/cli/CMakeLists.txt)"
else
	full=$TMP/ofull
	expect_status 0 "$RELIRE" audit -q --suggest-budget 0 --out "$full" \
		"$in/good.txt" "$in/invalid.txt"
	(cd "$full" && find . -type f | sort | xargs sha256sum) >"$TMP/before"
	# Small budgets fail in the headers, larger ones in rows or clean
	# files; each run must leave the previous reports as they were.
	for n in 0 100 1000 3000; do
		got=0
		env ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0" \
			LD_PRELOAD="$shim" FAILWRITE_AFTER=$n \
			FAILWRITE_MATCH="$full" "$RELIRE" audit -q \
			--suggest-budget 0 --out "$full" "$in/good.txt" \
			"$in/invalid.txt" "$in/utf16le.txt" \
			>/dev/null 2>"$TMP/stderr" || got=$?
		[ "$got" -eq 3 ] || fail "full disk ($n bytes): exit $got, want 3"
		grep -q 'No space left on device' "$TMP/stderr" ||
			fail "full disk ($n bytes): no ENOSPC message"
		(cd "$full" && find . -type f | sort | xargs sha256sum) \
			>"$TMP/after"
		cmp -s "$TMP/before" "$TMP/after" ||
			fail "full disk ($n bytes): previous reports changed"
		no_temp "$full"
	done
fi
finish
