#!/usr/bin/env python3
"""Precision and recall of relire's name keys and matching tiers on real
variant clusters: Latin spellings of the same Cyrillic person name from
Wikidata (../shared/data/names/wikidata-ru-latin-clusters.tsv).

Usage: names_wikidata.py [BUILD_DIR] [DATA_TSV]
  BUILD_DIR holds tests/relire_namekey (default: ./build); the keys and
  tiers are computed by the C code itself through that driver.

Figures (pairs of distinct spellings; a pair is true when both spellings
belong to one cluster):
  - tier 1 (same key) and tiers 1+2 (same key, or same skeleton and
    similar keys): pair precision and recall;
  - mention recall: the share of a cluster's mentions whose spelling is
    matched to the cluster's most frequent spelling (what an editor sees);
  - Cyrillic join: the share of clusters whose Cyrillic form gets the key
    of the most frequent Latin spelling;
  - baseline measured in the same run: lower case without diacritics
    (OpenRefine's fingerprint for one word).
Exits 0 after printing; exits 0 with a message when the data is absent.
"""
import itertools
import os
import subprocess
import sys
import time
import unicodedata


def load(path):
    clusters = []
    with open(path, encoding="utf-8") as fp:
        next(fp)
        for line in fp:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 3:
                continue
            variants = []
            for item in parts[2].split(" "):
                if "(" not in item:
                    continue
                name, count = item.rsplit("(", 1)
                variants.append((name, int(count.rstrip(")"))))
            clusters.append((parts[0], variants))
    return clusters


def run_driver(driver, lines, pairs=False):
    args = [driver] + (["--pairs"] if pairs else [])
    out = subprocess.run(args, input="\n".join(lines) + "\n",
                         capture_output=True, text=True, check=True).stdout
    return [line.split("\t") for line in out.splitlines()]


def fingerprint(s):
    nfd = unicodedata.normalize("NFD", s.lower())
    return "".join(c for c in nfd if not unicodedata.combining(c))


def true_pairs(clusters):
    member = {}
    for i, (_, variants) in enumerate(clusters):
        for name, _ in variants:
            member.setdefault(name, set()).add(i)
    names = sorted(member)
    return names, member


def pair_scores(names, member, same):
    """same(a, b) -> bool over all pairs, blocked by the caller's buckets."""
    tp = fp = 0
    for a, b in same:
        if member[a] & member[b]:
            tp += 1
        else:
            fp += 1
    positives = sum(1 for a, b in itertools.combinations(names, 2)
                    if member[a] & member[b])
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / positives if positives else 0.0
    return precision, recall, tp, fp, positives


def bucket_pairs(names, keyof):
    buckets = {}
    for n in names:
        buckets.setdefault(keyof[n], []).append(n)
    for group in buckets.values():
        yield from itertools.combinations(sorted(group), 2)


def mention_recall(clusters, matched):
    total = hit = 0
    for _, variants in clusters:
        top = max(variants, key=lambda v: v[1])[0]
        for name, count in variants:
            total += count
            if name == top or matched(name, top):
                hit += count
    return hit / total if total else 0.0


def report(label, scores):
    p, r, tp, fp, pos = scores
    print(f"  {label:<34} precision {p:6.1%}  recall {r:6.1%}  "
          f"(true {tp}, false {fp}, of {pos} true pairs)")


def main():
    build = sys.argv[1] if len(sys.argv) > 1 else "build"
    here = os.path.dirname(os.path.abspath(__file__))
    data = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
        here, "..", "..", "..", "shared", "data", "names",
        "wikidata-ru-latin-clusters.tsv")
    driver = os.path.join(build, "tests", "relire_namekey")
    if not os.path.exists(data):
        print(f"names_wikidata: skipped, no data at {data}")
        return 0
    if not os.access(driver, os.X_OK):
        print(f"names_wikidata: build the driver first ({driver})")
        return 1
    clusters = load(data)
    names, member = true_pairs(clusters)
    cyr = [c for c, _ in clusters]

    t0 = time.perf_counter()
    rows = run_driver(driver, names + cyr)
    elapsed = time.perf_counter() - t0
    key = {r[0]: r[2] for r in rows}
    skel = {r[0]: r[3] for r in rows}

    # Tier 2 candidates: same skeleton, different key; decided by C.
    cand = [(a, b) for a, b in bucket_pairs(names, skel) if key[a] != key[b]]
    tiers = {}
    if cand:
        for a, b, tier, _sim in run_driver(
                driver, [f"{a}\t{b}" for a, b in cand], pairs=True):
            tiers[(a, b)] = int(tier)
    tier1 = list(bucket_pairs(names, key))
    # Tier 1 with the other readings (German): any key of one spelling
    # equal to any key of the other.
    keys = {r[0]: set(r[2:3] + r[4:]) for r in rows}
    buckets = {}
    for n in names:
        for k in keys[n]:
            buckets.setdefault(k, set()).add(n)
    tier1r = sorted({p for group in buckets.values()
                     for p in itertools.combinations(sorted(group), 2)})
    tier12 = tier1 + [p for p, t in tiers.items() if t == 2]
    fpkey = {n: fingerprint(n) for n in names}
    base = list(bucket_pairs(names, fpkey))

    print(f"names_wikidata: {len(clusters)} clusters, {len(names)} distinct "
          f"spellings, keys for {len(rows)} names in {elapsed:.2f} s")
    print("pairs of spellings:")
    report("baseline (lower case, no accents)",
           pair_scores(names, member, base))
    report("tier 1 (same key)", pair_scores(names, member, tier1))
    report("tiers 1+2 (+ skeleton, similar)",
           pair_scores(names, member, tier12))
    report("tier 1 with readings (any key)",
           pair_scores(names, member, tier1r))

    t12 = set(tier12) | {(b, a) for a, b in tier12}
    print("mentions matched to their cluster's most frequent spelling:")
    print(f"  baseline {mention_recall(clusters, lambda a, b: fpkey[a] == fpkey[b]):6.1%}"
          f"   tier 1 {mention_recall(clusters, lambda a, b: key[a] == key[b]):6.1%}"
          f"   tiers 1+2 {mention_recall(clusters, lambda a, b: key[a] == key[b] or (a, b) in t12):6.1%}")
    joined = sum(1 for c, variants in clusters
                 if key[c] == key[max(variants, key=lambda v: v[1])[0]])
    anyj = sum(1 for c, variants in clusters
               if any(key[c] == key[n] for n, _ in variants))
    print(f"Cyrillic form keyed like the most frequent Latin spelling: "
          f"{joined}/{len(clusters)} ({joined / len(clusters):.1%}); "
          f"like some spelling: {anyj}/{len(clusters)} "
          f"({anyj / len(clusters):.1%})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
