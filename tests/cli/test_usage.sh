# Command line contract: exit statuses, error messages, --help, --version.
source "$(dirname "$0")/lib.sh"

expect_status 0 "$RELIRE" --help
grep -q 'usage: relire audit' "$TMP/stdout" || fail "--help has no usage"
grep -q 'Exit status' "$TMP/stdout" || fail "--help lacks exit statuses"
expect_status 0 "$RELIRE" audit --help
expect_status 0 "$RELIRE" --version
grep -Eq '^relire [0-9]+\.[0-9]+\.[0-9]+$' "$TMP/stdout" ||
	fail "--version output: $(cat "$TMP/stdout")"

# Usage errors: exit 2, one line naming the problem, plus a hint.
expect_status 2 "$RELIRE"
expect_status 2 "$RELIRE" frobnicate
grep -q "unknown command 'frobnicate'" "$TMP/stderr" || fail "unknown command"
expect_status 2 "$RELIRE" audit
grep -q 'no input given' "$TMP/stderr" || fail "no input message"
expect_status 2 "$RELIRE" audit --bogus x
grep -q "unknown option '--bogus'" "$TMP/stderr" || fail "unknown option"
grep -q 'hint:' "$TMP/stderr" || fail "usage error without a hint"
expect_status 2 "$RELIRE" audit --max-article-size 12Q x
expect_status 2 "$RELIRE" audit --lang 'f/' x
expect_status 2 "$RELIRE" audit -j 4 --out "$TMP/o" --lang xx "$SRC/corpora"
[ "$(grep -c "no Hunspell dictionary for 'xx'" "$TMP/stderr")" = 1 ] ||
	fail "missing dictionary message (once, whatever the thread count)"
[ ! -e "$TMP/o/quality.csv" ] || fail "reports written despite config error"

# A missing input is a usage error: exit 2 with a hint, nothing written.
# An input that exists but cannot be read is a failed article (exit 1).
printf 'Un texte.\n' >"$TMP/good.txt"
expect_status 2 "$RELIRE" audit -q --out "$TMP/omiss" "$TMP/missing.txt" \
	"$TMP/good.txt"
grep -q "cannot read '$TMP/missing.txt': No such file or directory" \
	"$TMP/stderr" || fail "missing file message: $(cat "$TMP/stderr")"
grep -q '^hint:' "$TMP/stderr" || fail "missing file: no hint"
[ ! -e "$TMP/omiss" ] || fail "a run with a missing input wrote reports"
head -c 2000 /dev/zero | tr '\0' 'a' >"$TMP/big.txt"
expect_status 1 "$RELIRE" audit -q --max-article-size 1K --out "$TMP/o" \
	"$TMP/big.txt" "$TMP/good.txt"
grep -q '"error"' "$TMP/o/quality.csv" || fail "no error row"
grep -q "good.txt\",\"ok\"" "$TMP/o/quality.csv" || fail "good article lost"
[ -f "$TMP/o/clean$TMP/good.txt" ] || fail "clean text of good article"

# Quiet mode prints nothing on success; standard input is an article.
printf 'Bonjour le monde.\n' | {
	expect_status 0 "$RELIRE" audit -q --out "$TMP/o2" -
}
[ ! -s "$TMP/stderr" ] || fail "-q printed: $(cat "$TMP/stderr")"
grep -q '"stdin","ok"' "$TMP/o2/quality.csv" || fail "stdin article"
cmp -s "$TMP/o2/clean/stdin" <(printf 'Bonjour le monde.\n') ||
	fail "stdin clean text"
# The manual page: every subcommand and output, and the score curve's
# shipped values as dictionaries/score-weights.tsv gives them.
man="$SRC/docs/relire.1"
man_text=$(sed 's/\\-/-/g' "$man")
for word in 'relire audit' 'relire collect' 'relire merge' \
	'relire variants merge' 'relire forms' quality.csv findings.csv \
	report.html report.xlsx variants.csv clean.txt csv-bom; do
	grep -qF -- "$word" <<<"$man_text" ||
		fail "relire.1 does not mention $word"
	grep -qF -- "$word" "$SRC/README.md" "$SRC/src/common/options.c" ||
		fail "README.md and --help do not mention $word"
done
weights="$SRC/dictionaries/score-weights.tsv"
for p in min_words half steepness; do
	v=$(awk -F'\t' -v p="$p" '$1 == p { print $2 + 0 }' "$weights")
	grep -q "shipped values.*$v" <(tr '\n' ' ' <"$man") ||
		fail "relire.1 does not give $p = $v (score-weights.tsv)"
done
finish
