# An interrupted run leaves, for every report file, either the previous
# complete version or the new complete one, never a truncated file; after
# SIGINT or SIGTERM no temporary file is left (after SIGKILL some may be,
# but the reports themselves are still complete).
source "$(dirname "$0")/lib.sh"

# A corpus big enough for a run of a second or more: the seeds, many times.
make_corpus() { # DIR TAG
	python3 - "$1" "$2" "$SRC/corpora/seeds" <<'PY'
import os, sys
out, tag, seeds = sys.argv[1], sys.argv[2], sys.argv[3]
texts = [open(os.path.join(seeds, f), "rb").read()
         for f in sorted(os.listdir(seeds))]
os.makedirs(out)
for i in range(1200):
    with open(os.path.join(out, "%04d.txt" % i), "wb") as f:
        f.write(b"%s %d\n" % (tag.encode(), i) + texts[i % len(texts)])
PY
}
make_corpus "$TMP/old" Ancien
make_corpus "$TMP/new" Nouveau

# sums DIR: sha256 of every file, by path relative to DIR.
sums() {
	(cd "$1" && find . -type f ! -name '.*' -print0 | sort -z |
		xargs -0 -r sha256sum)
}

out=$TMP/out
start=$(date +%s%N)
expect_status 0 "$RELIRE" audit -q --suggest-budget 0 --out "$TMP/want-new" \
	"$TMP/new"
took=$((($(date +%s%N) - start) / 1000000))
sums "$TMP/want-new" >"$TMP/new.sums"

# interrupt SIGNAL WANT_STATUS: restore the previous reports, start a run
# on the new corpus, signal it once its temporary files exist, and check
# what it left.
interrupt() {
	local sig=$1 want=$2 pid got=0 i
	rm -rf "$out"
	expect_status 0 "$RELIRE" audit -q --suggest-budget 0 --out "$out" \
		"$TMP/old"
	sums "$out" >"$TMP/old.sums"
	"$RELIRE" audit -q --suggest-budget 0 --out "$out" "$TMP/new" \
		>/dev/null 2>"$TMP/stderr.$sig" &
	pid=$!
	for i in $(seq 1 500); do # up to 5 s for the run to start writing
		[ -n "$(find "$out/clean" -name '.*' 2>/dev/null | head -1)" ] &&
			break
		sleep 0.01
	done
	sleep 0.2
	kill -s "$sig" "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || got=$? # no "Killed" line
	sums "$out" >"$TMP/got.sums"
	if [ "$got" -eq 0 ]; then
		echo "note: SIG$sig came after the run ended" \
			"(a full run takes ${took} ms)" >&2
		cmp -s "$TMP/got.sums" "$TMP/new.sums" ||
			fail "SIG$sig: finished run left reports that differ"
	elif [ "$got" -ne "$want" ]; then
		fail "SIG$sig: exit status $got, want $want"
	fi
	# Every report file is the old or the new complete version.
	python3 - "$TMP/old.sums" "$TMP/new.sums" "$TMP/got.sums" <<'PY' ||
import sys
def load(p):
    return {l[66:].rstrip("\n"): l[:64] for l in open(p)}
old, new, got = map(load, sys.argv[1:])
bad = [f for f, s in got.items() if s not in (old.get(f), new.get(f))]
for f in bad[:5]:
    print("  neither old nor new:", f, file=sys.stderr)
missing = [f for f in old if f not in got and f not in new]
for f in missing[:5]:
    print("  lost:", f, file=sys.stderr)
for f in ("./quality.csv", "./findings.csv"):
    if got.get(f) not in (old.get(f), new.get(f)):
        print("  report", f, "is incomplete or missing", file=sys.stderr)
        bad.append(f)
sys.exit(1 if bad or missing else 0)
PY
		fail "SIG$sig: some outputs are neither the old nor the new"
	if [ "$got" -ne 0 ] && [ "$sig" != KILL ]; then
		cmp -s "$TMP/got.sums" "$TMP/old.sums" ||
			fail "SIG$sig: previous reports not left in place"
		grep -q 'interrupted' "$TMP/stderr.$sig" ||
			fail "SIG$sig: no 'interrupted' message"
		local left
		left=$(find "$out" -name '.*' | head -3)
		[ -z "$left" ] || fail "SIG$sig: temporary files left: $left"
	fi
}

interrupt INT 130
interrupt TERM 143
interrupt KILL 137
# After a kill, the next run completes normally and gives the new reports.
expect_status 0 "$RELIRE" audit -q --suggest-budget 0 --out "$out" "$TMP/new"
sums "$out" >"$TMP/got.sums"
python3 - "$TMP/new.sums" "$TMP/got.sums" <<'PY' ||
import sys
new = set(open(sys.argv[1]))
got = set(open(sys.argv[2]))
sys.exit(0 if new <= got else 1)
PY
	fail "the run after a kill did not write the new reports"
finish
