#!/bin/bash
# memory_big.sh - peak memory (RSS) of relire on one large article, and on
# batches of a growing number of articles.
#
# Usage: memory_big.sh RELIRE_BINARY [BASELINE_BINARY] [SIZES] [SHAPES]
#
# For each size in SIZES (MB, default "5 10 25 50") and each shape in
# SHAPES (default "lines oneline"), one article is made in a temporary
# directory from real text:
#   lines    ../shared/data/bench/fr-mixed-5mb.txt over and over (news and
#            technical text, lines of up to 100 kB), cut at a line end
#   oneline  ../shared/data/bench/fr-news.txt with its lines joined by
#            spaces (as repeat_long.sh builds it), cut at a space
# and audited on one thread (`relire audit -j 1 -q`; THREADS=N in the
# environment for N worker threads: with two, a worker that is left
# without work must not keep what its last article needed), with
# --max-line-length 64M: a one-line article over 16 MB is refused by
# default). The peak RSS
# (/usr/bin/time's maximum resident set size), the part that grows with
# the article (the peak less that of a 4 kB article: dictionaries and
# tables) divided by the article's size (bytes of memory per input byte)
# and the wall time are printed, with the same figures of
# BASELINE_BINARY when it is given (measured in the same run).
#
# Then the peak RSS of fr-news.txt audited with --per-line on its first
# 1/4, 1/2 and all lines: it must not grow with the number of articles.
#
# A 50 MB article takes several minutes. Skips (exit 77) when the data is
# absent; a run of relire that fails (exit status not 0) or crashes fails
# the script.
set -u
bin=${1:?usage: memory_big.sh RELIRE_BINARY [BASELINE_BINARY] [SIZES] [SHAPES]}
base=${2:-}
sizes=${3:-5 10 25 50}
shapes=${4:-lines oneline}
data=$(cd "$(dirname "$0")/../../.." && pwd)/shared/data/bench
mixed=$data/fr-mixed-5mb.txt
news=$data/fr-news.txt
for f in "$mixed" "$news"; do
	if [ ! -r "$f" ]; then
		echo "skipped: $f not found"
		exit 77
	fi
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# make SHAPE MB: the article's path
make_article() {
	python3 - "$1" "$2" "$mixed" "$news" "$tmp" <<'EOF'
import sys
shape, mb, mixed, news, tmp = sys.argv[1], int(sys.argv[2]), *sys.argv[3:]
size = mb * 1024 * 1024
if shape == "lines":
    src = open(mixed, "rb").read()
    text = (src * (size // len(src) + 2))[:size]
    text = text[:text.rfind(b"\n") + 1]
else:
    src = b" ".join(open(news, "rb").read().split(b"\n"))
    text = (src * (size // len(src) + 2))[:size]
    text = text[:text.rfind(b" ")]
path = "%s/%s-%dmb.txt" % (tmp, shape, mb)
open(path, "wb").write(text)
print(path)
EOF
}

# measure BINARY ARGS...: one audit; "peak_kB wall_s" into $tmp/time, or
# the script fails
measure() {
	local b=$1 rc=0
	shift
	rm -rf "$tmp/out"
	/usr/bin/time -f '%M %e' -o "$tmp/time" "$b" audit -j "${THREADS:-1}" -q \
		-o "$tmp/out" "$@" >/dev/null 2>"$tmp/err" || rc=$?
	if [ "$rc" -ne 0 ]; then
		echo "FAIL: $b audit $* exited $rc" >&2
		sed 's/^/  stderr: /' "$tmp/err" | grep -v '^  stderr: Command' |
			tail -5 >&2
		exit 1
	fi
}

row() { # label bytes peak_kB fixed_kB wall_s
	awk -v l="$1" -v b="$2" -v k="$3" -v f="$4" -v s="$5" 'BEGIN {
		printf "%-22s %8.1f MB %8.0f MB %7.1f B/B %8.1f s\n", l,
		       b / 1048576, k / 1024, (k - f) * 1024 / b, s }'
}

head -c 4096 "$mixed" >"$tmp/small.txt"
measure "$bin" "$tmp/small.txt"
read -r fixed _ <"$tmp/time"
fixed_base=0
if [ -n "$base" ]; then
	measure "$base" "$tmp/small.txt"
	read -r fixed_base _ <"$tmp/time"
fi

printf '%-22s %11s %11s %11s %10s\n' article size peak_rss grows_by wall
for shape in $shapes; do
	for mb in $sizes; do
		f=$(make_article "$shape" "$mb")
		bytes=$(stat -c %s "$f")
		if [ -n "$base" ]; then
			measure "$base" --max-line-length 64M "$f"
			read -r k s <"$tmp/time"
			row "$shape $mb MB (baseline)" "$bytes" "$k" \
				"$fixed_base" "$s"
		fi
		measure "$bin" --max-line-length 64M "$f"
		read -r k s <"$tmp/time"
		row "$shape $mb MB" "$bytes" "$k" "$fixed" "$s"
		rm -f "$f"
	done
done

echo
printf '%-22s %11s %11s %10s\n' "fr-news --per-line" lines peak_rss wall
total=$(wc -l <"$news")
for part in 4 2 1; do
	n=$((total / part))
	head -n "$n" "$news" >"$tmp/news.txt"
	for b in $base $bin; do
		label=$([ "$b" = "$base" ] && echo "$n lines (baseline)" ||
			echo "$n lines")
		measure "$b" --per-line "$tmp/news.txt"
		read -r k s <"$tmp/time"
		printf '%-22s %11s %8.0f MB %8.1f s\n' "$label" "$n" \
			"$((k / 1024))" "$s"
	done
done
