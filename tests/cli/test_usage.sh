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

# Numbers are checked: overflow, signs, empty values and trailing
# characters are refused with the option's name, exit 2 and a hint.
# Each case: the command's arguments (before the input), then the message.
while IFS='|' read -r args want; do
	# shellcheck disable=SC2086 # args is a list of words
	expect_status 2 "$RELIRE" $args "$TMP/none.txt"
	grep -qF -- "relire: $want" "$TMP/stderr" ||
		fail "'$args': want '$want', got: $(head -1 "$TMP/stderr")"
	grep -q '^hint: ' "$TMP/stderr" || fail "'$args': no hint"
done <<'CASES'
audit --max-article-size 18014398509481985K|invalid value '18014398509481985K' for --max-article-size: too large (max 18446744073709551615)
audit --max-article-size 18446744073709551616|invalid value '18446744073709551616' for --max-article-size: too large
audit --max-article-size 12Q|invalid value '12Q' for --max-article-size: want digits with an optional K, M or G suffix
audit --max-article-size -1|invalid value '-1' for --max-article-size: negative
audit --max-article-size=|invalid value '' for --max-article-size: empty
audit --max-article-size 0|invalid value '0' for --max-article-size: too small (min 1)
audit --max-line-length 17179869184G|invalid value '17179869184G' for --max-line-length: too large
audit --max-line-length 1MB|invalid value '1MB' for --max-line-length: want digits
audit --max-findings 18446744073709551616|invalid value '18446744073709551616' for --max-findings: too large
audit --max-findings 10x|invalid value '10x' for --max-findings: want a whole number
audit --max-findings -5|invalid value '-5' for --max-findings: negative
audit -j 257|invalid value '257' for -j: too large (max 256)
audit --threads 4x|invalid value '4x' for --threads: want a whole number
audit --threads=|invalid value '' for --threads: empty
audit --threads -1|invalid value '-1' for --threads: negative
audit --suggest-budget nan|invalid value 'nan' for --suggest-budget: want a number of seconds
audit --suggest-budget 1e999|invalid value '1e999' for --suggest-budget: too large
audit --suggest-budget -2|invalid value '-2' for --suggest-budget: negative
audit --shard 18446744073709551617/2|invalid value '18446744073709551617/2' for --shard: want K/N
audit --shard 1/2x|invalid value '1/2x' for --shard: want K/N
audit --shard 2/2|invalid value '2/2' for --shard: want 0 <= K < N
collect --max-article-size 18014398509481985K|invalid value '18014398509481985K' for --max-article-size: too large
collect --threads 0x|invalid value '0x' for --threads: want a whole number
CASES

# The other commands: the same messages, followed by their usage line.
for args in "merge --bogus" "forms --bogus" "variants merge --bogus"; do
	# shellcheck disable=SC2086 # args is a list of words
	expect_status 2 "$RELIRE" $args
	grep -q "^relire: unknown option '--bogus'\$" "$TMP/stderr" ||
		fail "'$args': unknown option message"
	grep -q "^usage: relire ${args% --bogus}" "$TMP/stderr" ||
		fail "'$args': no usage line"
done
for args in "merge --out" "forms --out" "variants merge -o"; do
	# shellcheck disable=SC2086
	expect_status 2 "$RELIRE" $args
	grep -q "^relire: option '${args##* }' needs a value\$" "$TMP/stderr" ||
		fail "'$args': missing value message"
done
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
