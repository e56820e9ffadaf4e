#!/usr/bin/env python3
"""Spelling false positives on clean human news (WMT14 French reference).

Runs `relire audit --per-line` on the 3,003 segments of newstest2014's
French side and reports misspelling and unknown_name findings per 1,000
words, the flagged words with their counts (for a reader to judge), and
the time taken; the baseline `hunspell -d fr_FR -l` on the same file is
measured in the same run. Target: at most 3 misspelling findings per 1,000
words.

usage: spell_clean.py [RELIRE] [--data DIR] [--show N]
Skips (exit 0, with a message) when the data or the binary is absent.
"""
import argparse
import collections
import csv
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

import relire_run

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def segments(path):
    text = open(path, encoding="utf-8").read()
    return [html.unescape(s) for s in re.findall(r"<seg id=\"\d+\">(.*?)</seg>", text)]


def run_relire(binary, path, out):
    t0 = time.monotonic()
    relire_run.run([binary, "audit", "--per-line", "--lang", "fr", "-q",
                    "-o", out, path], stdout=subprocess.DEVNULL)
    return time.monotonic() - t0


def read_findings(out):
    words = 0
    with open(os.path.join(out, "quality.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            words += int(row["words"] or 0)
    found = collections.defaultdict(collections.Counter)
    applied = collections.Counter()
    with open(os.path.join(out, "findings.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            found[row["kind"]][row["original"]] += 1
            if row["applied"] == "1" and row["kind"] == "misspelling":
                applied[row["original"] + " -> " + row["replacement"]] += 1
    return words, found, applied


def hunspell_baseline(path):
    if not shutil.which("hunspell"):
        return None, 0.0
    t0 = time.monotonic()
    res = subprocess.run(["hunspell", "-d", "fr_FR", "-l", path],
                         capture_output=True, text=True)
    return res.stdout.split(), time.monotonic() - t0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("relire", nargs="?",
                    default=os.path.join(ROOT, "build", "relire"))
    ap.add_argument("--data", default=os.path.join(ROOT, "..", "shared", "data"))
    ap.add_argument("--show", type=int, default=40)
    args = ap.parse_args()
    sgm = os.path.join(args.data, "wmt14-fr", "newstest2014-fren-ref.fr.sgm")
    if not os.path.exists(sgm):
        print("skipped: %s not found" % sgm)
        return 0
    if not os.access(args.relire, os.X_OK):
        print("skipped: no relire binary at %s" % args.relire)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "wmt14.fr.txt")
        segs = segments(sgm)
        with open(src, "w", encoding="utf-8") as f:
            f.write("\n".join(segs) + "\n")
        out = os.path.join(tmp, "out")
        secs = run_relire(args.relire, src, out)
        words, found, applied = read_findings(out)
        base, base_secs = hunspell_baseline(src)
    per_k = lambda n: 1000.0 * n / words if words else 0.0
    miss = found["misspelling"]
    names = found["unknown_name"]
    print("wmt14-fr: %d segments, %d words (relire's count)" % (len(segs), words))
    print("relire misspelling:   %5d findings  %5.2f per 1,000 words  "
          "(target <= 3)" % (sum(miss.values()), per_k(sum(miss.values()))))
    print("relire unknown_name:  %5d findings  %5.2f per 1,000 words"
          % (sum(names.values()), per_k(sum(names.values()))))
    print("relire applied:       %5d misspelling repairs" %
          sum(applied.values()))
    print("relire time:          %.2f s" % secs)
    if base is not None:
        lower = [w for w in base if not w[:1].isupper()]
        print("baseline hunspell -l: %5d flagged   %5.2f per 1,000 words "
              "(%d lower-case, %.2f per 1,000), %.2f s"
              % (len(base), per_k(len(base)), len(lower),
                 per_k(len(lower)), base_secs))
    else:
        print("baseline hunspell -l: not installed")
    print("\nmisspelling findings (count, word):")
    for w, n in miss.most_common(args.show):
        print("  %3d  %s" % (n, w))
    print("\napplied misspelling repairs:")
    for w, n in applied.most_common(args.show):
        print("  %3d  %s" % (n, w))
    print("\nmost frequent unknown_name findings:")
    for w, n in names.most_common(min(args.show, 20)):
        print("  %3d  %s" % (n, w))
    return 0


if __name__ == "__main__":
    sys.exit(main())
