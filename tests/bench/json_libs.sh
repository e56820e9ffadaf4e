#!/usr/bin/env bash
# Compare jansson and json-c on the benchmark text as JSON Lines (the
# measurement behind relire's choice of JSON library; see README).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
data="$here/../../../shared/data/bench/fr-news.txt"
[ -f "$data" ] || { echo "SKIP: $data not found"; exit 0; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 -c '
import json, sys
for i, line in enumerate(open(sys.argv[1], encoding="utf-8")):
    print(json.dumps({"id": "n%d" % i, "text": line.rstrip("\n"),
                      "source": "wmt"}, ensure_ascii=False))
' "$data" >"$tmp/in.jsonl"
cc -O2 -DUSE_JANSSON -o "$tmp/jansson" "$here/json_libs.c" \
	$(pkg-config --cflags --libs jansson)
cc -O2 -o "$tmp/jsonc" "$here/json_libs.c" $(pkg-config --cflags --libs json-c)
"$tmp/jansson" "$tmp/in.jsonl"
"$tmp/jsonc" "$tmp/in.jsonl"
