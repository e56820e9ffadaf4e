#!/usr/bin/env bash
# Wall time of scripts/relire-sbatch with 1, 2 and 4 shards on a private
# single-node Slurm cluster (tests/cli/slurm_cluster.sh), against one
# 'relire audit' run of the same batch measured alongside (the baselines:
# on one thread, as each task runs, and on every core; the ratio is to the
# latter); checks that every sharded run's reports are the single run's.
#
# The batch: COPIES copies (default 16) of ../shared/data/bench/fr-news.txt,
# one file each, every line made distinct (" [copy N]" appended), read with
# --per-line, so the shards cut files at line boundaries.
#
# Usage (as root, Debian packages slurm-wlm and munge installed):
#   tests/bench/slurm_scale.sh [BUILD_DIR] [COPIES] [SHARDS...]
# Figures on a shared machine are noisy: run it when the machine is quiet.
# A run that fails (relire or relire-sbatch exits non-zero, or the reports
# differ) fails the script, after the table.
set -uo pipefail
cd "$(dirname "$0")/../.."
src=$PWD
build=${1:-build}
copies=${2:-16}
shard_counts=("${@:3}")
[ ${#shard_counts[@]} -gt 0 ] || shard_counts=(1 2 4)
relire=$src/$build/relire
data=$src/../shared/data/bench/fr-news.txt
export RELIRE_DATA_DIR=$src/dictionaries

source "$src/tests/cli/slurm_cluster.sh"
why=$(cluster_missing)
[ -z "$why" ] || { echo "skipped: $why"; exit 0; }
[ -f "$data" ] || { echo "skipped: $data not found"; exit 0; }
[ -x "$relire" ] || { echo "no relire binary at $relire"; exit 2; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/relire-slurm-bench.XXXXXX")
trap 'cluster_stop; rm -rf "$tmp"' EXIT

mkdir -p "$tmp/in"
for ((c = 1; c <= copies; c++)); do
	awk -v c="$c" '{ if (length) print $0 " [copy " c "]"; else print }' \
		"$data" >"$tmp/in/copy$(printf %02d "$c").txt"
done
bytes=$(cat "$tmp"/in/*.txt | wc -c)
lines=$(cat "$tmp"/in/*.txt | wc -l)

now() { date +%s.%N; }
since() { echo "$(now) - $1" | bc -l | xargs printf '%.1f'; }

opts=(--per-line --suggest-budget 0)
echo "batch: $copies copies of fr-news.txt, $bytes bytes, $lines lines;" \
	"$(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
# Baselines: one run on every core, and on one core as each task runs.
for j in 1 "$(nproc)"; do
	t=$(now)
	if ! "$relire" audit -q "${opts[@]}" -j "$j" --out "$tmp/single" \
		"$tmp/in"; then
		echo "FAIL: relire audit -j $j failed" >&2
		exit 1
	fi
	single=$(since "$t")
	printf '%-28s %8s s\n' "relire audit (-j $j)" "$single"
done

cluster_start "$tmp/cluster" || exit 1
failed=0
for n in "${shard_counts[@]}"; do
	t=$(now)
	"$src/scripts/relire-sbatch" --relire "$relire" --shards "$n" \
		--out "$tmp/run$n" --per-line --relire-opt=--suggest-budget=0 \
		--relire-opt=-j1 --wait "$tmp/in" >/dev/null
	rc=$?
	wall=$(since "$t")
	same=identical
	for f in quality.csv findings.csv clean.txt; do
		cmp -s "$tmp/single/$f" "$tmp/run$n/reports/$f" ||
			same="DIFFERENT ($f)"
	done
	printf '%-28s %8s s  %5.2fx the single run  exit %s  reports %s\n' \
		"relire-sbatch, $n shard(s)" "$wall" \
		"$(echo "$wall / $single" | bc -l)" "$rc" "$same"
	[ "$rc" -eq 0 ] && [ "$same" = identical ] || failed=1
done
if [ "$failed" -ne 0 ]; then
	echo "FAIL: a sharded run failed or gave other reports" >&2
	exit 1
fi
