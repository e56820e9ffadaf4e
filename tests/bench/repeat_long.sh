#!/bin/bash
# repeat_long.sh - time relire on a 10 MB article written on ONE line that
# holds a 1 MB repetition loop, to show the repetition stage is linear.
#
# Usage: repeat_long.sh RELIRE_BINARY [SOURCE_DIR] [RUNS] [SIZES]
#
# The article is real French news (../shared/data/bench/fr-news.txt, its
# lines joined by spaces) cut to 9 MB, with a 1 MB loop inserted in the
# middle. Three loops are timed, plus the same text without a loop as the
# baseline measured in the same run:
#   word    "te te te ..."                       (word_repeat)
#   phrase  a 23-word sentence over and over     (phrase_repeat)
#   chars   "infrastrastrast...ructure", one 1 MB word (char_repeat)
#   joined  copies joined by separators: "le projet, le projet, ...",
#           "pre-pre-pre-...", "wait, wait or wait, ..." (phrase_repeat)
# Each is run RUNS times (default 3) on one thread; the median wall time
# and the median CPU time (user + system; steadier on a busy machine) are
# printed with the repetition findings of the last run. The whole pipeline
# is timed (spelling included): a loop must cost about what the same
# amount of ordinary text costs, never a blow-up.
#
# Then, for each size in SIZES (MB, default "1 2 5 10"), one-line articles
# made of nothing but one shape are timed, and the CPU time per MB printed:
# a linear detector gives the same figure at every size.
#   text     the news text itself (the baseline)
#   hyphen   "pre-pre-pre-..." over the whole size
#   slash    "EU/EU/EU/..."
#   comma    "le projet, le projet, ..., le projet ou le projet, ..."
#   near     near-loops: units of 2 to 12 items said 2 or 3 times, then
#            broken by one changed word, separators mixed ("le projet, le
#            projet, la projet", "wait or wait and"), so that every scan
#            starts and ends runs all the time
# Skips (exit 77) when the data is absent; a run of relire that fails (exit
# status not 0) or crashes fails the script.
set -u
bin=${1:?usage: repeat_long.sh RELIRE_BINARY [SOURCE_DIR] [RUNS]}
src=${2:-$(dirname "$0")/../..}
runs=${3:-3}
news=$src/../shared/data/bench/fr-news.txt
if [ ! -r "$news" ]; then
	echo "skipped: $news not found"
	exit 77
fi
sizes=${4:-1 2 5 10}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

python3 - "$news" "$tmp" <<'EOF'
import sys
news, tmp = sys.argv[1], sys.argv[2]
text = " ".join(open(news, encoding="utf-8").read().split("\n"))
base = (text * 3)[:9 * 1024 * 1024]
base = base[:base.rfind(" ")]
half = base.rfind(" ", 0, len(base) // 2)
MB = 1024 * 1024
sentence = ("Le président a déclaré que la situation était sous contrôle "
            "et que les négociations reprendraient dès la semaine "
            "prochaine à Genève. ")
loops = {
    "baseline": "",
    "word": ("te " * (MB // 3))[:MB],
    "phrase": (sentence * (MB // len(sentence) + 1))[:MB],
    "chars": "infra" + "strast" * (MB // 6) + "ructure ",
    "joined": ("le projet, " * (MB // 22) + "pre-" * (MB // 8) +
               "conseil " + "wait, wait or " * (MB // 28)),
}
for name, loop in loops.items():
    body = base[:half] + " " + loop + base[half:]
    with open("%s/%s.txt" % (tmp, name), "w", encoding="utf-8") as f:
        f.write(body)
EOF

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# timed FILE: one audit of FILE on one thread, timed into $tmp/time, or
# the script fails
timed() {
	local rc=0
	rm -rf "$tmp/out"
	/usr/bin/time -f '%e %U %S' -o "$tmp/time" \
		"$bin" audit -q -j 1 -o "$tmp/out" --max-findings 0 "$1" \
		>/dev/null 2>"$tmp/err" || rc=$?
	if [ "$rc" -ne 0 ]; then
		echo "FAIL: relire audit of $1 exited $rc" >&2
		grep -v '^Command' "$tmp/err" | tail -5 >&2
		exit 1
	fi
}

printf '%-9s %6s %9s %9s  %s\n' loop MB wall_s cpu_s \
	"repetition findings (kind:count)"
for name in baseline word phrase chars joined; do
	f=$tmp/$name.txt
	size=$(stat -c %s "$f")
	walls=()
	cpus=()
	for ((r = 0; r < runs; r++)); do
		timed "$f"
		read -r wall user sys <"$tmp/time"
		walls+=("$wall")
		cpus+=("$(echo "$user + $sys" | bc)")
	done
	wmed=$(printf '%s\n' "${walls[@]}" | median)
	cmed=$(printf '%s\n' "${cpus[@]}" | median)
	found=$(python3 - "$tmp/out/findings.csv" <<'EOF'
import csv, sys, collections
csv.field_size_limit(1 << 30)
kinds = ("char_repeat", "word_repeat", "phrase_repeat", "duplicate_line")
c = collections.Counter(r["kind"] for r in
                        csv.DictReader(open(sys.argv[1], encoding="utf-8"))
                        if r["kind"] in kinds)
print(" ".join("%s:%d" % kv for kv in sorted(c.items())) or "-")
EOF
)
	printf '%-9s %6.1f %9.2f %9.2f  %s\n' "$name" \
		"$(echo "$size / 1048576" | bc -l)" "$wmed" "$cmed" "$found"
done

python3 - "$news" "$tmp" $sizes <<'EOF'
import random, sys
news, tmp, sizes = sys.argv[1], sys.argv[2], [int(x) for x in sys.argv[3:]]
text = " ".join(open(news, encoding="utf-8").read().split("\n"))
words = text.split()
rng = random.Random(21)
MB = 1024 * 1024


def fill(n, piece):
    out, size = [], 0
    while size < n:
        p = piece()
        out.append(p)
        size += len(p.encode())
    return "".join(out)


def near():
    unit = rng.sample(words, rng.randint(1, 6))
    sep = rng.choice((", ", "-", "/", " et ", " ou ", " "))
    copies = [" ".join(unit)] * rng.randint(2, 3)
    broken = unit[:]
    broken[rng.randrange(len(broken))] = rng.choice(words)
    copies.append(" ".join(broken))
    return sep.join(copies) + rng.choice((" ", ", ", ". "))


for mb in sizes:
    n = mb * MB
    shapes = {
        "text": (text * (n // len(text) + 2))[:n],
        "hyphen": "pre-" * (n // 4) + "conseil",
        "slash": "EU/" * (n // 3) + "EU",
        "comma": fill(n, lambda: "le projet, " * 5 + "le projet ou "),
        "near": fill(n, near),
    }
    for name, body in shapes.items():
        with open("%s/s%d-%s.txt" % (tmp, mb, name), "w",
                  encoding="utf-8") as f:
            f.write(body[:body.rfind(" ")] if name != "hyphen" else body)
EOF

echo
printf '%-7s' shape
for mb in $sizes; do printf ' %10s' "${mb}MB s/MB"; done
echo
for name in text hyphen slash comma near; do
	printf '%-7s' "$name"
	for mb in $sizes; do
		f=$tmp/s$mb-$name.txt
		size=$(stat -c %s "$f")
		cpus=()
		for ((r = 0; r < runs; r++)); do
			timed "$f"
			read -r wall user sys <"$tmp/time"
			cpus+=("$(echo "$user + $sys" | bc)")
		done
		cmed=$(printf '%s\n' "${cpus[@]}" | median)
		printf ' %10.3f' "$(echo "$cmed * 1048576 / $size" | bc -l)"
	done
	echo
done
