#!/usr/bin/env python3
"""good_text.py - how much relire changes good French.

Runs `relire audit --per-line` (typography profile off, the default) on
human French news that needs no repair -- the WMT14 newstest2014 French
reference and the WMT21 German->French professional reference -- and
reports the applied changes per 1,000 words, by finding kind. The target
for the repair kinds (encoding, unicode, control characters, mojibake,
confusables, spacing, glued words, typography) is below 0.5 per 1,000
words. Every applied repair is printed with its context so that a reader
can check whether it is a false positive or a real defect of the
reference.

Usage: good_text.py RELIRE_BINARY [SHARED_DATA_DIR] [--show N]
The shared data defaults to ../shared/data beside the source tree; when it
is absent the script says so and exits 0 (nothing to measure). With
--check (the ctest bench.good_text), exits 1 when the applied repairs per
1,000 words go over their ceiling (CEILINGS), and 77 without the data (1
under RELIRE_STRICT). A failed run of relire exits 1.
"""

import argparse
import collections
import csv
import os
import re
import subprocess
import sys
import tempfile

import relire_run

REPAIR_KINDS = ("encoding", "unicode", "control_char", "mojibake",
                "confusable", "spacing", "glued_words", "typography")

# Ceilings of --check: applied repairs per 1,000 words. Measured: 0.403 on
# newstest2014, 0.309 overall (the target is below 0.5).
CEILINGS = {"repairs per 1k words, overall": 0.5,
            "repairs per 1k words, wmt14-fr": 0.55}

SOURCES = (
    ("wmt14-fr newstest2014 ref", "wmt14-fr/newstest2014-fren-ref.fr.sgm"),
    ("wmt21-de-fr ref.A", "wmt21-de-fr/newstest2021.de-fr.ref.A.fr"),
)


def read_lines(path):
    """Segments of a WMT file: <seg> contents for SGML, else the lines."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if path.endswith(".sgm"):
        return re.findall(r"<seg[^>]*>(.*?)</seg>", text)
    return [line for line in text.split("\n") if line.strip()]


def run_relire(binary, lines, workdir, name):
    """Run relire per line on lines; return (findings rows, words, texts)."""
    src = os.path.join(workdir, name + ".txt")
    out = os.path.join(workdir, name + ".out")
    with open(src, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    relire_run.run([binary, "audit", "--per-line", "--csv-raw", "-q",
                    "--out", out, src], stdout=subprocess.PIPE)
    with open(os.path.join(out, "findings.csv"), encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    with open(os.path.join(out, "quality.csv"), encoding="utf-8") as f:
        words = sum(int(r["words"] or 0) for r in csv.DictReader(f))
    return rows, words


def line_of(article_id):
    return int(article_id.rsplit(":", 1)[1])


def context(line, start, end, width=30):
    """The line's bytes around [start, end) with the span in brackets."""
    b = line.encode("utf-8")
    left = b[max(0, start - width):start].decode("utf-8", "replace")
    mid = b[start:end].decode("utf-8", "replace")
    right = b[end:end + width].decode("utf-8", "replace")
    return "...%s[%s]%s..." % (left, mid, right)


def measure(binary, label, lines, workdir, show):
    rows, words = run_relire(binary, lines, workdir,
                             re.sub(r"\W+", "_", label))
    applied = [r for r in rows if r["applied"] == "1"]
    by_kind = collections.Counter(r["kind"] for r in applied)
    repairs = [r for r in applied if r["kind"] in REPAIR_KINDS]
    per_k = 1000.0 * len(repairs) / words if words else 0.0
    print("== %s: %d lines, %d words" % (label, len(lines), words))
    print("   applied repairs (issue-3 kinds): %d = %.3f per 1,000 words "
          "(target < 0.5)" % (len(repairs), per_k))
    print("   applied changes, all kinds: %d = %.3f per 1,000 words"
          % (len(applied), 1000.0 * len(applied) / words if words else 0))
    for kind, n in sorted(by_kind.items(), key=lambda kv: -kv[1]):
        print("     %-16s %5d  %.3f /1k words" % (kind, n,
                                                  1000.0 * n / words))
    shown = 0
    for r in repairs:
        if shown >= show:
            print("   ... %d more" % (len(repairs) - shown))
            break
        ln = line_of(r["article"])
        print("   %s:%d %-12s %r -> %r  %s" % (
            label.split()[0], ln, r["kind"], r["original"],
            r["replacement"],
            context(lines[ln - 1], int(r["start"]), int(r["end"]))))
        print("       (%s, confidence %s)" % (r["detail"], r["confidence"]))
        shown += 1
    return len(repairs), words


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("relire")
    ap.add_argument("shared", nargs="?",
                    default=os.path.join(here, "..", "..", "..", "shared",
                                         "data"))
    ap.add_argument("--show", type=int, default=60,
                    help="applied repairs to print per corpus")
    ap.add_argument("--check", action="store_true",
                    help="exit 1 when a figure is over its ceiling")
    args = ap.parse_args()
    total = total_words = 0
    figures = {}
    with tempfile.TemporaryDirectory(prefix="relire-good-") as workdir:
        for label, rel in SOURCES:
            path = os.path.join(args.shared, rel)
            if not os.path.exists(path):
                if args.check:
                    relire_run.skip("%s: %s is absent" % (label, path))
                print("skip %s: %s is absent" % (label, path))
                continue
            n, w = measure(args.relire, label, read_lines(path), workdir,
                           args.show)
            figures["repairs per 1k words, " + label.split()[0]] = (
                1000.0 * n / w if w else 0)
            total += n
            total_words += w
    if total_words:
        print("== overall: %d applied repairs in %d words = %.3f per 1,000 "
              "words (target < 0.5)" % (total, total_words,
                                        1000.0 * total / total_words))
        figures["repairs per 1k words, overall"] = (1000.0 * total /
                                                    total_words)
    else:
        print("no shared data found under %s: nothing measured" % args.shared)
    if args.check:
        return relire_run.check_floors(figures, {}, CEILINGS)
    return 0


if __name__ == "__main__":
    sys.exit(main())
