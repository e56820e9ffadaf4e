#!/usr/bin/env python3
"""Article-level wrong-language decision on the ParaCrawl human evaluations.

Each ParaCrawl validation set pairs English sentences with a target side
(fr, de, es, it) labelled by a person; label L means "wrong language". The
target sentences are written one per line and audited with
`relire audit --per-line --lang XX`; a line is predicted wrong-language when
quality.csv's language column is not XX. Precision and recall against the
L labels are printed per set and overall, for:
  - relire (CLD2 with the expected language as hint + dictionary coverage);
  - libexttextcat, the other library Debian offers, called in the same run
    through ctypes when libexttextcat-2.0.so.0 and its fingerprints are
    installed (a line is wrong when its first guess is another language).
A line is also predicted wrong-language when foreign_language findings
cover at least half of its bytes (a line of several sentences whose
language is decided per sentence).
Label noise: many L lines are French with mojibake or names only, which no
language identifier calls foreign, so recall has a low ceiling. The
annotators' comments say so for some of them ("Encoding"; v6
"L_sentence_source: true" alone: the English side is in the wrong
language, not the target): the figures are also printed without those
rows ("reachable").

usage: lang_paracrawl.py [RELIRE] [--data DIR] [--show N]

Skips (exit 0, with a message) when the data or the binary is absent.
"""
import argparse
import csv
import ctypes
import ctypes.util
import os
import random
import re
import subprocess
import sys
import tempfile
import time

import relire_run

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SETS = [  # file, language, label column (the comment follows it)
    ("paracrawl-v3-validation-data.en-fr.tsv", "fr", 7),
    ("paracrawl-v6-validation.en-fr.tsv", "fr", 5),
    ("paracrawl-v3-validation-data.en-de.tsv", "de", 7),
    ("paracrawl-v3-validation-data.en-es.tsv", "es", 7),
    ("paracrawl-v3-validation-data.en-it.tsv", "it", 7),
]


def out_of_reach(comment):
    """Labels whose comment says the target is not in another language."""
    c = comment.lower()
    return c.startswith("encoding") or (
        "l_sentence_source: true" in c and "l_sentence_target" not in c)
FPDB = "/usr/share/libexttextcat/"


def load_set(path, label_col):
    rows = []
    for line in open(path, encoding="utf-8", errors="replace"):
        cols = line.rstrip("\n").split("\t")
        if len(cols) > label_col:
            text = re.sub(r"[\r\n\x00]", " ", cols[3])
            comment = cols[label_col + 1] if len(cols) > label_col + 1 \
                else ""
            rows.append((text, cols[label_col] == "L",
                         cols[label_col] == "L" and out_of_reach(comment),
                         cols[label_col], cols[2][:100], comment[:60]))
    return rows


def relire_predict(binary, rows, lang, tmp):
    src = os.path.join(tmp, "trg.%s.txt" % lang)
    with open(src, "w", encoding="utf-8") as f:
        f.write("\n".join(r[0] for r in rows) + "\n")
    out = os.path.join(tmp, "out." + lang)
    t0 = time.monotonic()
    relire_run.run([binary, "audit", "--per-line", "--lang", lang, "-q",
                    "--suggest-budget", "0", "-o", out, src],
                   stdout=subprocess.DEVNULL)
    secs = time.monotonic() - t0
    pred = {}
    with open(os.path.join(out, "quality.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            line = int(row["article"].rsplit(":", 1)[1]) - 1
            pred[line] = row["language"][:2] != lang
    with open(os.path.join(out, "findings.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            line = int(row["article"].rsplit(":", 1)[1]) - 1
            size = len(rows[line][0].encode("utf-8")) if line < len(rows) \
                else 0
            if row["kind"] == "foreign_language" and size and \
                    2 * (int(row["end"]) - int(row["start"])) >= size:
                pred[line] = True
    return [pred.get(i, False) for i in range(len(rows))], secs


class TextCat:
    def __init__(self):
        name = ctypes.util.find_library("exttextcat-2.0") or \
            "libexttextcat-2.0.so.0"
        self.lib = ctypes.CDLL(name)
        self.lib.special_textcat_Init.restype = ctypes.c_void_p
        self.lib.special_textcat_Init.argtypes = [ctypes.c_char_p,
                                                  ctypes.c_char_p]
        self.lib.textcat_Classify.restype = ctypes.c_char_p
        self.lib.textcat_Classify.argtypes = [ctypes.c_void_p,
                                              ctypes.c_char_p, ctypes.c_size_t]
        self.h = self.lib.special_textcat_Init(
            (FPDB + "fpdb.conf").encode(), FPDB.encode())
        if not self.h:
            raise OSError("textcat_Init failed")

    def wrong(self, text, lang):
        b = text.encode("utf-8")
        res = self.lib.textcat_Classify(self.h, b, len(b)).decode()
        guesses = re.findall(r"\[([a-z]+)-", res)
        return bool(guesses) and guesses[0] != lang


def pr(pred, gold):
    tp = sum(p and g for p, g in zip(pred, gold))
    fp = sum(p and not g for p, g in zip(pred, gold))
    fn = sum(g and not p for p, g in zip(pred, gold))
    return tp, fp, fn


def fmt(name, tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return "  %-14s precision %.2f  recall %.2f  (tp %d, fp %d, fn %d)" % (
        name, p, r, tp, fp, fn)


def show(rows, pred, gold, n):
    wrong = [r[0] for r, p, g in zip(rows, pred, gold) if p and not g]
    missed = [r[0] for r, p, g in zip(rows, pred, gold)
              if g and not p and not r[2]]
    for t in wrong[:n]:
        print("    wrong:  %s" % t[:120])
    for t in missed[:n]:
        print("    missed: %s" % t[:120])


def sample(name, rows, pred, n, rng, out):
    """n random rows labelled L and n random lines called wrong-language
    that are not L, both sides, for reading (out: list to extend)."""
    ls = [(r, p) for r, p in zip(rows, pred) if r[1]]
    fps = [(r, p) for r, p in zip(rows, pred) if p and not r[1]]
    out.extend(("L", name, r, p) for r, p in ls)
    out.extend(("FP", name, r, p) for r, p in fps)


def print_sample(pool, n, rng):
    for kind in ("L", "FP"):
        rows = [x for x in pool if x[0] == kind]
        print("sample of %d of %d %s rows (label | relire | target | "
              "English side | comment):" % (min(n, len(rows)), len(rows),
                                            kind))
        for _, name, r, p in sorted(rng.sample(rows, min(n, len(rows))),
                                    key=lambda x: x[1]):
            print("  %s %-2s %s | %s | %s | %s" % (
                name.split("validation")[0][-3:] + name[-6:-4], r[3],
                "wrong" if p else "ok   ", r[0][:90], r[4][:60], r[5]))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("relire", nargs="?",
                    default=os.path.join(ROOT, "build", "relire"))
    ap.add_argument("--data", default=os.path.join(ROOT, "..", "shared", "data"))
    ap.add_argument("--show", type=int, default=0,
                    help="wrong and missed lines to print per set")
    ap.add_argument("--sample", type=int, default=0,
                    help="random L rows and false positives to print, "
                    "all sets together")
    args = ap.parse_args()
    base = os.path.join(args.data, "paracrawl")
    if not os.path.isdir(base):
        print("skipped: %s not found" % base)
        return 0
    if not os.access(args.relire, os.X_OK):
        print("skipped: no relire binary at %s" % args.relire)
        return 0
    try:
        tc = TextCat()
    except OSError as e:
        tc = None
        print("libexttextcat not available (%s): relire only" % e)
    totals = {}
    pool = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, lang, col in SETS:
            path = os.path.join(base, name)
            if not os.path.exists(path):
                continue
            rows = load_set(path, col)
            gold = [r[1] for r in rows]
            pred, secs = relire_predict(args.relire, rows, lang, tmp)
            print("%s: %d lines, %d labelled L (relire %.1f s)" %
                  (name, len(rows), sum(gold), secs))
            reach = [i for i, r in enumerate(rows) if not r[2]]
            results = [("relire", pr(pred, gold)),
                       ("relire reachable", pr([pred[i] for i in reach],
                                               [gold[i] for i in reach]))]
            show(rows, pred, gold, args.show)
            sample(name, rows, pred, args.sample, None, pool)
            labels = {}
            for r, p in zip(rows, pred):
                if p:
                    labels[r[3]] = labels.get(r[3], 0) + 1
            print("  lines called wrong-language, by human label: %s" %
                  ", ".join("%s %d" % kv for kv in sorted(labels.items())))
            if tc:
                tpred = [tc.wrong(r[0], lang) for r in rows]
                results.append(("libexttextcat", pr(tpred, gold)))
            for lib, counts in results:
                print(fmt(lib, *counts))
                t = totals.setdefault(lib, [0, 0, 0])
                for k in range(3):
                    t[k] += counts[k]
    if args.sample:
        print_sample(pool, args.sample, random.Random(16))
    print("all sets:")
    for lib, counts in totals.items():
        print(fmt(lib, *counts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
