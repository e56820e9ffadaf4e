#!/usr/bin/env python3
"""List every repetition finding of relire on real machine translation.

Runs `relire audit --per-line` on WMT22 German->French (every system and
the reference) and WMT21 German->French (every system and the reference)
from ../shared/data, then prints each char_repeat, word_repeat,
phrase_repeat and duplicate_line finding by kind with its context, so a
reader can judge them one by one. It also checks two things and says so:

  * WMT22 system LT22, line 1184 (the degenerate "te te te te" loop) is
    among the findings;
  * no legitimate double of dictionaries/fr/doubles.txt ("nous nous") is
    flagged as a word or phrase repetition.

Usage: repeat_report.py RELIRE_BINARY [SOURCE_DIR] [--brief]
Exit status 0 when both checks hold, 1 when one fails, 77 when the data is
absent (skipped).
"""
import csv
import os
import subprocess
import sys
import tempfile
import unicodedata

import relire_run

KINDS = ("char_repeat", "word_repeat", "phrase_repeat", "duplicate_line")


def corpora(shared):
    sets = []
    for folder, prefix in (("wmt22-de-fr", "generaltest2022.de-fr."),
                           ("wmt21-de-fr", "newstest2021.de-fr.")):
        d = os.path.join(shared, folder)
        if not os.path.isdir(d):
            continue
        for name in sorted(os.listdir(d)):
            if name.startswith(prefix) and name.endswith(".fr"):
                sets.append(os.path.join(d, name))
    return sets


def run_relire(binary, source, path, out):
    relire_run.run([binary, "audit", "-q", "--per-line", "-o", out,
                    "--data-dir", os.path.join(source, "dictionaries"), path],
                   stdout=subprocess.DEVNULL)
    with open(os.path.join(out, "findings.csv"), encoding="utf-8",
              newline="") as f:
        return [r for r in csv.DictReader(f) if r["kind"] in KINDS]


def load_doubles(source):
    path = os.path.join(source, "dictionaries", "fr", "doubles.txt")
    out = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                out.add(norm(line))
    return out


def norm(s):
    return " ".join(unicodedata.normalize("NFC", s).casefold().split())


def context(lines, row, width=70):
    line_no = int(row["article"].rsplit(":", 1)[1])
    text = lines[line_no - 1].rstrip("\n").encode("utf-8")
    s, e = int(row["start"]), int(row["end"])
    left = text[max(0, s - width):s].decode("utf-8", "replace")
    mid = text[s:e].decode("utf-8", "replace")
    right = text[e:e + width].decode("utf-8", "replace")
    return "%s[[%s]]%s" % (left, mid, right)


def whitelisted_hit(row, lines, doubles):
    """A word or phrase finding that deletes a copy of a legitimate double:
    the words around the deleted span form an entry of doubles.txt."""
    if row["kind"] not in ("word_repeat", "phrase_repeat"):
        return False
    line_no = int(row["article"].rsplit(":", 1)[1])
    text = lines[line_no - 1].encode("utf-8")
    s, e = int(row["start"]), int(row["end"])
    deleted = norm(text[s:e].decode("utf-8", "replace"))
    if not deleted:
        return False
    words = deleted.split()
    before = norm(text[:s].decode("utf-8", "replace")).split()
    copy = before[-len(words):] if len(before) >= len(words) else []
    return copy == words and " ".join(words + words) in doubles


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    brief = "--brief" in sys.argv
    if not args:
        print(__doc__)
        return 2
    binary = os.path.abspath(args[0])
    source = os.path.abspath(args[1] if len(args) > 1 else
                             os.path.join(os.path.dirname(__file__),
                                          "..", ".."))
    shared = os.path.join(source, "..", "shared", "data")
    files = corpora(shared)
    if not files:
        print("skipped: no WMT data in %s" % shared)
        return 77
    doubles = load_doubles(source)
    by_kind = {k: [] for k in KINDS}
    lt22_found = False
    bad = []
    total_lines = 0
    with tempfile.TemporaryDirectory() as tmp:
        for i, path in enumerate(files):
            out = os.path.join(tmp, str(i))
            with open(path, encoding="utf-8") as f:
                lines = f.readlines()
            total_lines += len(lines)
            for row in run_relire(binary, source, path, out):
                name = os.path.basename(path)
                line_no = int(row["article"].rsplit(":", 1)[1])
                item = (name, line_no, row, context(lines, row))
                by_kind[row["kind"]].append(item)
                if name.endswith("hyp.LT22.fr") and line_no == 1184 and \
                        row["kind"] == "word_repeat":
                    lt22_found = True
                if whitelisted_hit(row, lines, doubles):
                    bad.append(item)
    print("relire repetition findings on %d files, %d segments" %
          (len(files), total_lines))
    for kind in KINDS:
        items = by_kind[kind]
        applied = sum(1 for it in items if it[2]["applied"] == "1")
        print("\n== %s: %d findings (%d applied)" %
              (kind, len(items), applied))
        if brief:
            continue
        for name, line_no, row, ctx in items:
            print("%s:%d %s %s -> %r  %s" % (
                name, line_no, "A" if row["applied"] == "1" else "-",
                ctx, row["replacement"], row["detail"]))
    print("\nsummary: " + ", ".join("%s %d" % (k, len(by_kind[k]))
                                    for k in KINDS))
    print("check: LT22 line 1184 found as word_repeat: %s" %
          ("yes" if lt22_found else "NO"))
    print("check: whitelisted doubles flagged: %d" % len(bad))
    for name, line_no, row, ctx in bad:
        print("  %s:%d %s" % (name, line_no, ctx))
    return 0 if lt22_found and not bad else 1


if __name__ == "__main__":
    sys.exit(main())
