# scripts/relire-sbatch on a real Slurm cluster: a private single-node
# cluster on the loopback address (tests/cli/slurm_cluster.sh) runs the
# four phases over 4 shards of the seeds and the 176 WMT14 articles; the
# reports are those of one 'relire audit' byte for byte. One audit shard is
# killed: the pipeline fails naming it and merges nothing; the rerun redoes
# only that shard. Every daemon started is stopped by its PID, also when
# the test fails or runs out of time.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/slurm_cluster.sh"
SBATCH_SCRIPT=$SRC/scripts/relire-sbatch
LIMIT=${RELIRE_SLURM_TEST_LIMIT:-600} # seconds, the whole test

why=$(cluster_missing)
[ -z "$why" ] || skip_required "no Slurm cluster can start here: $why"
wmt=$SHARED/wmt14-fr/newstest2014-fren-ref.fr.sgm
[ -f "$wmt" ] || skip "$wmt not found (real-data test)"

# Hard time bound: the watchdog ends the test; the trap stops the daemons.
watchdog="" running=""
cleanup() {
	[ -z "$running" ] || kill "$running" 2>/dev/null || true
	cluster_stop
	[ -z "$watchdog" ] || kill "$watchdog" 2>/dev/null || true
	rm -rf "$TMP"
}
trap cleanup EXIT
trap 'echo "FAIL: over the time limit (${LIMIT}s)" >&2; exit 1' TERM
(
	trap 'kill "$sleeper" 2>/dev/null; exit 0' TERM
	sleep "$LIMIT" &
	sleeper=$!
	wait "$sleeper" && kill -TERM $$
) >/dev/null 2>&1 &
watchdog=$!

# The batch: the seeds and the WMT14 articles, one file per <doc>.
all=$TMP/all
mkdir -p "$all"
cp "$SRC"/corpora/seeds/*.txt "$all/"
python3 - "$wmt" "$all" <<'EOF'
import html, os, re, sys
text = open(sys.argv[1], encoding="utf-8").read()
docs = re.findall(r'<doc[^>]*docid="([^"]+)"[^>]*>(.*?)</doc>', text, re.S)
for i, (docid, body) in enumerate(docs):
    segs = [html.unescape(s).strip()
            for s in re.findall(r"<seg[^>]*>(.*?)</seg>", body, re.S)]
    name = "wmt_%03d_%s.txt" % (i, re.sub(r"[^A-Za-z0-9.-]", "_", docid))
    with open(os.path.join(sys.argv[2], name), "w", encoding="utf-8") as f:
        f.write("\n".join(s for s in segs if s) + "\n")
EOF
n=$(ls "$all" | wc -l)
[ "$n" -eq 181 ] || fail "batch has $n articles, want 5 seeds + 176"

ropts=(-j 1 --suggest-budget 0)
single_rc=0
"$RELIRE" audit -q "${ropts[@]}" --out "$TMP/single" "$all" || single_rc=$?
[ "$single_rc" -le 1 ] || fail "single run exited $single_rc"

cluster_start "$TMP/cluster" || {
	tail -5 "$TMP"/cluster/*.log >&2
	fail "the private cluster did not start"
	finish
}

# A relire that kills itself on audit shard 2/4 while $TMP/kill exists.
mkdir -p "$TMP/bin"
cat >"$TMP/bin/relire" <<EOF
#!/bin/bash
if [ -e "$TMP/kill" ] && [ "\$1" = audit ] && [[ " \$* " == *" 2/4 "* ]]; then
	echo "killing this shard on purpose" >&2
	kill -KILL \$\$
fi
exec "$RELIRE" "\$@"
EOF
chmod +x "$TMP/bin/relire"

# pipeline ARGS...: relire-sbatch; its status in rc, its output in
# $TMP/stdout and $TMP/stderr.
pipeline() {
	local t0=$SECONDS
	rc=0
	# In the background: the watchdog's signal ends a wait at once.
	timeout 300 bash "$SBATCH_SCRIPT" --relire "$TMP/bin/relire" \
		--shards 4 --out "$TMP/run" --time 10 "${ropts[@]/#/--relire-opt=}" \
		--wait "$@" "$all" >"$TMP/stdout" 2>"$TMP/stderr" &
	running=$!
	wait "$running" || rc=$?
	running=""
	echo "pipeline: exit $rc in $((SECONDS - t0)) s" >&2
}
# inode PHASE K: changes when the shard's output is written again.
inode() { stat -c %i "$TMP/run/$1/$2"; }

# First run: audit shard 2 is killed; the pipeline fails and says which.
touch "$TMP/kill"
pipeline
[ "$rc" = 3 ] || fail "pipeline with a killed shard exited $rc, want 3"
grep -q 'audit shard 2/4 failed' "$TMP/stderr" ||
	fail "failed shard not named: $(cat "$TMP/stderr")"
grep -q "log: $TMP/run/logs/audit-2.log" "$TMP/stderr" ||
	fail "log of the failed shard not named"
grep -q -- "--shard 2/4 $all" "$TMP/stderr" ||
	fail "inputs of the failed shard not named"
[ ! -e "$TMP/run/reports" ] || fail "reports merged from partial results"
[ ! -e "$TMP/run/audit/2.done" ] || fail "killed shard marked done"
for k in 0 1 3; do
	[ -f "$TMP/run/audit/$k.done" ] || fail "audit shard $k not done"
done
grep -q 'killing this shard' "$TMP/run/logs/audit-2.log" ||
	fail "no log of the killed shard"
before=""
for k in 0 1 2 3; do before+="$(inode collect $k) "; done
for k in 0 1 3; do before+="$(inode audit $k) "; done
state_inode=$(stat -c %i "$TMP/run/state")

# Second run: only audit shard 2 and the last merge are submitted.
rm -f "$TMP/kill"
pipeline
[ "$rc" = "$single_rc" ] ||
	fail "rerun exited $rc, want $single_rc: $(cat "$TMP/stderr")"
grep -q '^audit: job [0-9]* (shards 2 of 4)$' "$TMP/stdout" ||
	fail "rerun did not submit audit shard 2 alone: $(cat "$TMP/stdout")"
grep -q '^merge-reports: job' "$TMP/stdout" || fail "no final merge"
! grep -qE '^(collect|merge-state):' "$TMP/stdout" ||
	fail "rerun redid finished phases: $(cat "$TMP/stdout")"
after=""
for k in 0 1 2 3; do after+="$(inode collect $k) "; done
for k in 0 1 3; do after+="$(inode audit $k) "; done
[ "$before" = "$after" ] || fail "finished shards were written again"
[ "$state_inode" = "$(stat -c %i "$TMP/run/state")" ] ||
	fail "merged corpus state written again"

# The merged reports are those of one run.
out=$TMP/run/reports
for f in quality.csv findings.csv; do
	cmp -s "$TMP/single/$f" "$out/$f" ||
		fail "$f differs: $(diff "$TMP/single/$f" "$out/$f" | head -5)"
done
# Every decision and count of variants.csv agrees (not the evidence, a
# bounded sample of clues). Sorted: the rows of common words (method
# common) follow their first sight in the batch, which a table merged
# from shards does not keep (one row moves on this batch).
decisions() { python3 -c '
import csv, sys
for r in sorted(csv.reader(open(sys.argv[1], encoding="utf-8"))):
    print(r[:-1])' "$1"; }
diff <(decisions "$TMP/single/variants.csv") <(decisions "$out/variants.csv") \
	>/dev/null || fail "variants.csv decisions differ"
diff -r "$TMP/single/clean" "$out/clean" >/dev/null ||
	fail "clean texts differ"
rows=$(($(wc -l <"$out/quality.csv") - 1))
[ "$rows" -eq 181 ] || fail "quality.csv has $rows rows, want 181"

# A third run has nothing to do.
pipeline
[ "$rc" = "$single_rc" ] || fail "complete run exited $rc"
grep -q 'nothing to submit' "$TMP/stderr" || fail "complete run resubmitted"

# Misconfiguration is refused before anything is submitted.
expect_status 2 bash "$SBATCH_SCRIPT" --relire "$RELIRE" --shards 2 \
	--out "$TMP/bad" --partition nosuch "$all"
grep -q "no partition 'nosuch'" "$TMP/stderr" || fail "unknown partition"
mkdir -p "$TMP/nobin"
expect_status 2 env PATH="$TMP/nobin" /bin/bash "$SBATCH_SCRIPT" \
	--relire "$RELIRE" --shards 2 --out "$TMP/bad" "$all"
grep -q "'sbatch' not found" "$TMP/stderr" || fail "no sbatch not reported"
expect_status 2 bash "$SBATCH_SCRIPT" --relire "$RELIRE" --shards 2 \
	--out "$TMP/run" --relire-opt=-v "$all"
grep -q 'other inputs or options' "$TMP/stderr" ||
	fail "changed options for an existing run accepted"
[ -z "$(squeue -h -o %A)" ] || fail "jobs left in the queue"
[ ! -e "$TMP/bad/pipeline.conf" ] || fail "refused run left a pipeline"

pids=("${CLUSTER_PIDS[@]}")
cluster_stop
for pid in "${pids[@]}"; do
	! kill -0 "$pid" 2>/dev/null || fail "daemon $pid still running"
done
finish
