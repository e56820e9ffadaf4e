#!/usr/bin/env python3
"""residue_paracrawl.py - precision of the `residue` finding (residue.h).

Runs `relire audit --per-line --lang XX` on the target side of every
ParaCrawl human-evaluation set (../shared/data/paracrawl/) and counts, per
rule of the residue stage (the finding's detail), the rows it fires on by
human label: T (broken tokenization: glued or cut text), V (valid), L
(wrong language) and the others (translation labels, which the target side
cannot show). Precision is T among T+V rows and (T+L) among T+L+V rows.

It then runs relire on clean human text (the newstest2014 French and
English references, the WMT21 French source and the German and French
references, one segment per line) and prints every residue finding there:
the rule must stay silent on clean news.

With --sample N it prints N T rows, chosen at random with a fixed seed,
with the kinds relire found in each, to read what the target side alone
cannot show.

    tests/bench/residue_paracrawl.py [--relire BUILD/relire] [--data DIR]
                                     [--sample N]

Python 3 standard library only. Skips (exit 0, message) when the data is
absent.
"""

import argparse
import collections
import csv
import html
import os
import random
import re
import subprocess
import sys
import tempfile

import relire_run

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
LAYOUTS = {"v3": (3, 7), "v6": (3, 5)}  # (target column, label column)
CLEAN = [
    ("wmt14-fr/newstest2014-fren-ref.fr.sgm", "fr"),
    ("wmt14-fr/newstest2014-fren-src.en.sgm", "en"),
    ("wmt21-fr-de/newstest2021.fr-de.src.fr", "fr"),
    ("wmt21-fr-de/newstest2021.fr-de.ref.A.de", "de"),
    ("wmt21-de-fr/newstest2021.de-fr.ref.A.fr", "fr"),
    ("wmt21-de-fr/newstest2021.de-fr.src.de", "de"),
]
SEG_RE = re.compile(r"<seg[^>]*>(.*?)</seg>", re.S)


def find_relire(given):
    if given:
        return given
    for name in sorted(os.listdir(ROOT)):
        cand = os.path.join(ROOT, name, "relire")
        if name.startswith("build") and os.access(cand, os.X_OK):
            return cand
    sys.exit("residue_paracrawl: no relire binary found; pass --relire")


def run(relire, lines, lang):
    """Findings per line number (1-based): a list of (kind, detail, text)."""
    found = collections.defaultdict(list)
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "in.txt")
        with open(src, "w", encoding="utf-8", newline="") as f:
            for line in lines:
                f.write(line.replace("\r", " ") + "\n")
        out = os.path.join(tmp, "out")
        cmd = [relire, "audit", "--per-line", "--lang", lang, "--quiet",
               "--suggest-budget", "0", "-o", out, src]
        relire_run.run(cmd, stdout=subprocess.DEVNULL)
        with open(os.path.join(out, "findings.csv"), encoding="utf-8",
                  newline="") as f:
            for rec in csv.DictReader(f):
                n = int(rec["article"].rsplit(":", 1)[1])
                found[n].append((rec["kind"], rec["detail"],
                                 rec["original"]))
    return found


def paracrawl(data):
    for name in sorted(os.listdir(data)):
        m = re.match(r"paracrawl-(v\d+)-.*\.en-(\w\w)\.tsv$", name)
        if not m or m.group(1) not in LAYOUTS:
            continue
        trg, lab = LAYOUTS[m.group(1)]
        rows = []
        with open(os.path.join(data, name), encoding="utf-8",
                  errors="replace", newline="") as f:
            for line in f.read().split("\n"):
                cols = line.split("\t")
                if len(cols) > lab:
                    rows.append((cols[trg], cols[lab].strip()))
        yield name, m.group(2), rows


def label_class(label):
    return label if label in ("T", "V", "L") else "other"


def report_sets(relire, data, sample):
    per_rule = collections.Counter()
    per_set = []
    t_rows = []
    examples = collections.defaultdict(list)
    for name, lang, rows in paracrawl(data):
        found = run(relire, [r[0] for r in rows], lang)
        c = collections.Counter()
        for i, (text, label) in enumerate(rows, 1):
            cls = label_class(label)
            c[("rows", cls)] += 1
            res = [f for f in found.get(i, []) if f[0] == "residue"]
            rules = {f[1] for f in res}
            if res:
                c[("hit", cls)] += 1
            for r in rules:
                per_rule[(r, cls)] += 1
                examples[r].append((cls, text))
            if label == "T":
                kinds = sorted({f[0] for f in found.get(i, [])} -
                               {"name_variant", "typography", "unicode"})
                t_rows.append((name, text, kinds))
        per_set.append((name, c))
    print("residue findings by human label (rows with at least one)")
    print("%-42s %8s %8s %8s %8s" % ("set", "T", "V", "L", "other"))
    tot = collections.Counter()
    for name, c in per_set:
        print("%-42s %8s %8s %8s %8s" % (name, *(
            "%d/%d" % (c[("hit", k)], c[("rows", k)])
            for k in ("T", "V", "L", "other"))))
        tot.update(c)
    print("%-42s %8s %8s %8s %8s" % ("all", *(
        "%d/%d" % (tot[("hit", k)], tot[("rows", k)])
        for k in ("T", "V", "L", "other"))))
    t, v, l = tot[("hit", "T")], tot[("hit", "V")], tot[("hit", "L")]
    print("precision T/(T+V) %.2f, (T+L)/(T+L+V) %.2f; recall on T %.3f"
          % (t / max(t + v, 1), (t + l) / max(t + l + v, 1),
             t / max(tot[("rows", "T")], 1)))
    print("\nper rule (rows): T V L other")
    for rule in sorted({r for r, _ in per_rule}):
        print("  %-45s %4d %4d %4d %4d" % (rule, *(
            per_rule[(rule, k)] for k in ("T", "V", "L", "other"))))
        for cls, text in examples[rule][:6]:
            print("      [%s] %s" % (cls, text[:110]))
    if sample:
        rnd = random.Random(16)
        print("\n%d T rows at random (kinds found)" % sample)
        for name, text, kinds in rnd.sample(t_rows, min(sample, len(t_rows))):
            print("  %-6s %-40s %s" % (name.split("-")[1] + name[-6:-4],
                                       ",".join(kinds) or "-", text))


def read_clean(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    if path.endswith(".sgm"):
        return [html.unescape(s).strip() for s in SEG_RE.findall(text)]
    return [l for l in text.split("\n") if l.strip()]


def report_clean(relire, data):
    print("\nclean human text: residue findings")
    for rel, lang in CLEAN:
        path = os.path.join(data, rel)
        if not os.path.exists(path):
            print("  %-45s absent" % rel)
            continue
        lines = read_clean(path)
        found = run(relire, lines, lang)
        hits = [(i, f) for i, fs in sorted(found.items()) for f in fs
                if f[0] == "residue"]
        print("  %-45s %5d lines, %d findings" % (rel, len(lines), len(hits)))
        for i, f in hits[:10]:
            print("      line %d: %s: %r in %s" % (i, f[1], f[2],
                                                  lines[i - 1][:100]))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--relire", help="path to the relire binary")
    ap.add_argument("--data", default=os.path.join(ROOT, "..", "shared",
                                                   "data"))
    ap.add_argument("--sample", type=int, default=0)
    args = ap.parse_args()
    pc = os.path.join(args.data, "paracrawl")
    if not os.path.isdir(pc):
        print("residue_paracrawl: skipped, no %s" % pc)
        return 0
    relire = find_relire(args.relire)
    report_sets(relire, pc, args.sample)
    report_clean(relire, args.data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
