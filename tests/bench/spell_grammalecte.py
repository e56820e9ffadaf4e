#!/usr/bin/env python3
"""Spelling recall on non-word errors and false positives on correct
sentences, measured on Grammalecte's rule tests.

Grammalecte's test file marks errors with {{...}} (often followed by
"->> correction"); unmarked lines are correct French that must not be
flagged. This script:
  - takes the marked spans that are non-words: a single word (letters,
    apostrophes, hyphens) that `hunspell -d fr_FR -l` rejects; a sentence
    counts as found when relire reports a misspelling or unknown_name
    finding overlapping the span (markers removed);
  - runs relire on the unmarked sentences and reports misspelling findings
    per 1,000 words (target <= 1), listing them for a reader.
Lines with an option prefix (__ocr__ ...) are kept; the prefix is removed.

usage: spell_grammalecte.py [RELIRE] [--data DIR] [--show N]
Skips (exit 0, with a message) when the data or the binary is absent.
"""
import argparse
import collections
import csv
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
WORD = re.compile(r"^[^\W\d_](?:[\w'’-]*[^\W\d_])?$")
MARK = re.compile(r"\{\{(.*?)\}\}")


def parse(path):
    """(marked, clean): marked = [(sentence, [(start, end, text)])] with
    byte offsets in the sentence without markers; clean = [sentence]."""
    marked, clean = [], []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        line = re.sub(r"^__\w+__\s*", "", line)
        line = line.split("->>")[0].rstrip()
        if not line.strip() or "\t" in line:
            continue
        if "{{" not in line:
            clean.append(line)
            continue
        spans, out, pos = [], "", 0
        for m in MARK.finditer(line):
            out += line[pos:m.start()]
            start = len(out.encode("utf-8"))
            out += m.group(1)
            spans.append((start, len(out.encode("utf-8")), m.group(1)))
            pos = m.end()
        out += line[pos:]
        marked.append((out, spans))
    return marked, clean


def hunspell_rejects(words):
    res = subprocess.run(["hunspell", "-d", "fr_FR", "-l"],
                         input="\n".join(words) + "\n",
                         capture_output=True, text=True)
    return set(res.stdout.split("\n"))


def run_relire(binary, lines, tmp, name):
    src = os.path.join(tmp, name + ".txt")
    with open(src, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    out = os.path.join(tmp, name)
    t0 = time.monotonic()
    relire_run.run([binary, "audit", "--per-line", "--lang", "fr", "-q",
                    "-o", out, src], stdout=subprocess.DEVNULL)
    secs = time.monotonic() - t0
    words = 0
    with open(os.path.join(out, "quality.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            words += int(row["words"] or 0)
    by_line = collections.defaultdict(list)
    with open(os.path.join(out, "findings.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            line = int(row["article"].rsplit(":", 1)[1]) - 1
            by_line[line].append(row)
    return words, by_line, secs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("relire", nargs="?",
                    default=os.path.join(ROOT, "build", "relire"))
    ap.add_argument("--data", default=os.path.join(ROOT, "..", "shared", "data"))
    ap.add_argument("--show", type=int, default=40)
    args = ap.parse_args()
    path = os.path.join(args.data, "grammalecte", "rules-tests.txt")
    if not os.path.exists(path):
        print("skipped: %s not found" % path)
        return 0
    if not os.access(args.relire, os.X_OK) or not shutil.which("hunspell"):
        print("skipped: needs the relire binary and hunspell")
        return 0
    marked, clean = parse(path)
    cands = {t for _, spans in marked for _, _, t in spans if WORD.match(t)}
    rejected = hunspell_rejects(sorted(cands))
    nonword = [(i, s) for i, (_, spans) in enumerate(marked)
               for s in spans if s[2] in rejected]
    with tempfile.TemporaryDirectory() as tmp:
        _, mfind, msecs = run_relire(args.relire, [m[0] for m in marked],
                                     tmp, "marked")
        cwords, cfind, csecs = run_relire(args.relire, clean, tmp, "clean")
    kinds = ("misspelling", "unknown_name")
    found, missed = 0, collections.Counter()
    for i, (start, end, text) in nonword:
        hit = any(r["kind"] in kinds and int(r["start"]) < end and
                  start < int(r["end"]) for r in mfind[i])
        found += hit
        if not hit:
            missed[text] += 1
    fp = collections.Counter()
    names = 0
    for rows in cfind.values():
        for r in rows:
            if r["kind"] == "misspelling":
                fp[r["original"]] += 1
            elif r["kind"] == "unknown_name":
                names += 1
    nfp = sum(fp.values())
    print("grammalecte rules-tests: %d marked sentences, %d correct "
          "sentences (%d words)" % (len(marked), len(clean), cwords))
    print("non-word errors (marked single words hunspell rejects): %d" %
          len(nonword))
    print("found by relire (misspelling/unknown_name on the span): %d  "
          "recall %.1f%%" % (found, 100.0 * found / max(1, len(nonword))))
    print("misspelling findings on correct sentences: %d  %.2f per 1,000 "
          "words (target <= 1)" % (nfp, 1000.0 * nfp / max(1, cwords)))
    print("unknown_name findings on correct sentences: %d  %.2f per 1,000 "
          "words" % (names, 1000.0 * names / max(1, cwords)))
    print("time: %.2f s marked, %.2f s correct" % (msecs, csecs))
    print("\nmisspelling findings on correct sentences (count, word):")
    for w, n in fp.most_common(args.show):
        print("  %3d  %s" % (n, w))
    print("\nmissed non-words (count, word):")
    for w, n in missed.most_common(args.show):
        print("  %3d  %s" % (n, w))
    return 0


if __name__ == "__main__":
    sys.exit(main())
