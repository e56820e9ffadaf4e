# Decisions are never lost (docs/names.md, docs/formats.md): the next run
# into the same --out reads back the variants.csv an editor edited and
# keeps it; a table replaced by different content is kept as
# variants.csv.~N~; a run that cannot start (missing input, empty batch,
# bad option) exits 2 and leaves the previous reports byte for byte; the
# clean texts of the other form (clean/ or clean.txt) do not linger.
source "$(dirname "$0")/lib.sh"

out="$TMP/out"
seeds="$SRC/corpora/seeds"
run() { "$RELIRE" audit -q --suggest-budget 0 --out "$out" "$@"; }

run "$seeds" || fail "first run"
grep -q '^"Wichoff","Witkoff",.*"pending"' "$out/variants.csv" ||
	fail "the seeds no longer give a pending Wichoff -> Witkoff row"
grep -q Wichoff "$out"/clean/*.txt || fail "Wichoff not in the clean text"

# The editor approves the pending variant and reruns into the same --out.
sed -i 's/^\("Wichoff","Witkoff",.*\)"pending"/\1"approved"/' \
	"$out/variants.csv"
run "$seeds" || fail "rerun after the edit"
grep -q '^"Wichoff","Witkoff",.*"approved"' "$out/variants.csv" ||
	fail "the editor's decision was not kept in variants.csv"
! grep -q Wichoff "$out"/clean/*.txt ||
	fail "the approved variant was not applied on the rerun"

# The editor rejects it instead: the table differs, the copy is kept.
cp "$out/variants.csv" "$TMP/approved.csv"
sed -i 's/^\("Wichoff","Witkoff",.*\)"approved"/\1"rejected"/' \
	"$out/variants.csv"
run "$seeds" || fail "rerun after the rejection"
grep -q '^"Wichoff","Witkoff",.*"rejected"' "$out/variants.csv" ||
	fail "the rejection was not kept"
grep -q Wichoff "$out"/clean/*.txt || fail "the rejected variant applied"

# --variants still names another table (and wins over OUT's).
run --variants "$TMP/approved.csv" "$seeds" || fail "--variants run"
! grep -q Wichoff "$out"/clean/*.txt || fail "--variants table not applied"
[ -f "$out/variants.csv.~1~" ] || fail "no numbered copy of the edited table"
grep -q '"rejected"' "$out/variants.csv.~1~" ||
	fail "the copy does not hold the editor's table"

# Runs that cannot start: exit 2 with a hint, reports untouched.
cp -a "$out" "$TMP/before"
mkdir -p "$TMP/empty/sub"
touch "$TMP/empty/sub/notes.md"
while IFS='|' read -r what args; do
	# shellcheck disable=SC2086
	expect_status 2 "$RELIRE" audit -q --out "$out" $args
	grep -q '^hint:' "$TMP/stderr" || fail "$what: no hint"
	diff -r "$TMP/before" "$out" >/dev/null ||
		fail "$what: the previous reports changed"
done <<EOF
missing input|$TMP/nonexistent.txt
missing among others|$seeds $TMP/nonexistent
directory without *.txt|$TMP/empty
bad option|--no-such-option $seeds
EOF

# *.TXT counts as an article.
mkdir -p "$TMP/upper"
printf 'Le le chat dort.\n' >"$TMP/upper/A.TXT"
expect_status 0 "$RELIRE" audit -q --out "$TMP/u" "$TMP/upper"
grep -q '"A.TXT","ok"' "$TMP/u/quality.csv" || fail "*.TXT not read"

# No stale clean/ beside clean.txt, nor the reverse.
run --per-line "$seeds/000_248a1dcb4579d6bb.txt" || fail "--per-line run"
[ -f "$out/clean.txt" ] || fail "no clean.txt"
[ ! -e "$out/clean" ] || fail "stale clean/ beside clean.txt"
run "$seeds" || fail "run after --per-line"
[ ! -e "$out/clean.txt" ] || fail "stale clean.txt beside clean/"

# A directory that cannot be written: exit 3 with a hint.
expect_status 3 "$RELIRE" audit -q --out /proc/relire-out "$seeds"
grep -q '^hint:' "$TMP/stderr" || fail "unwritable --out: no hint"

finish
