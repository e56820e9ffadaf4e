#!/usr/bin/env python3
"""Do no harm, measured: every change to the cleaned text of every corpus.

Runs two builds of relire (a baseline and a candidate, e.g. the last
release and the working tree) over every real corpus in ../shared/data/,
one record per line (--per-line, --suggest-budget 0, default options),
and counts per corpus:
  changed   lines whose cleaned text differs from the input, per build;
  bytes     bytes changed, per build: on each changed line, the longer
            of the input's and the cleaned line's spans between their
            common prefix and common suffix (UTF-8 bytes; an upper bound
            when a line has two changes far apart);
  differ    lines whose cleaned text differs between the two builds;
  nearer    of those, lines where the candidate's cleaned text is nearer
            the input than the baseline's (fewer code points edited:
            difflib's opcodes, or changed bytes on lines over 20,000
            characters); farther: the other way. A candidate that only
            takes back changes has every differing line nearer;
and prints up to --show of the lines that differ, input / baseline /
candidate, so that each behaviour change can be read.

Corpora are grouped as human text (news written by people: the cleaned
text should equal the input) and machine output (MT systems, scraped
ParaCrawl targets: repairs expected).

usage: clean_diff.py BASE_BUILD NEW_BUILD [--shared DIR] [--show N]
       [--only NAME]
"""
import argparse
import csv
import difflib
import os
import re
import subprocess
import sys
import tempfile

import relire_run


def corpora(shared, tmp):
    """(name, group, lang, path, extra options) for every corpus."""
    out = []

    def write(name, lines):
        p = os.path.join(tmp, name.replace(" ", "_").replace("/", "_"))
        with open(p, "w", encoding="utf-8", errors="surrogateescape") as f:
            for line in lines:
                f.write(line.replace("\n", " ") + "\n")
        return p

    def sgm(path):
        seg = re.compile(r"<seg[^>]*>(.*)</seg>")
        with open(path, encoding="utf-8") as f:
            return [m.group(1) for m in map(seg.search, f) if m]

    def lines(path):
        with open(path, encoding="utf-8", errors="surrogateescape") as f:
            return [l.rstrip("\n") for l in f]

    def tsv(path, col):
        with open(path, encoding="utf-8", errors="surrogateescape",
                  newline="") as f:
            return [r[col] for r in csv.reader(f, delimiter="\t")
                    if len(r) > col]

    d = shared
    w14 = os.path.join(d, "wmt14-fr")
    if os.path.isdir(w14):
        out.append(("wmt14 ref fr", "human", "fr", write(
            "w14fr", sgm(os.path.join(w14, "newstest2014-fren-ref.fr.sgm"))),
            []))
        out.append(("wmt14 src en", "human", "en", write(
            "w14en", sgm(os.path.join(w14, "newstest2014-fren-src.en.sgm"))),
            []))
    for pair, tgt, src in (("wmt21-de-fr", "fr", "de"),
                           ("wmt21-fr-de", "de", "fr"),
                           ("wmt22-de-fr", "fr", "de")):
        p = os.path.join(d, pair)
        if not os.path.isdir(p):
            continue
        names = sorted(os.listdir(p))
        refs = [n for n in names if ".ref." in n]
        hyps = [n for n in names if ".hyp." in n]
        srcs = [n for n in names if ".src." in n]
        human = []
        for n in refs:
            human += lines(os.path.join(p, n))
        out.append((pair + " ref " + tgt, "human", tgt,
                    write(pair + "ref", human), []))
        for n in srcs:
            out.append((pair + " src " + src, "human", src,
                        write(pair + "src", lines(os.path.join(p, n))), []))
        mt = []
        for n in hyps:
            mt += lines(os.path.join(p, n))
        out.append((pair + " MT " + tgt, "machine", tgt,
                    write(pair + "mt", mt), []))
    g = os.path.join(d, "grammalecte", "rules-tests.txt")
    if os.path.exists(g):
        ok = [l for l in lines(g) if l.strip() and "{{" not in l]
        out.append(("grammalecte correct", "human", "fr",
                    write("gram", ok), []))
    pc = os.path.join(d, "paracrawl")
    for lang in ("fr", "de", "es", "it"):
        p = os.path.join(pc, "paracrawl-v3-validation-data.en-%s.tsv" % lang)
        if os.path.exists(p):
            out.append(("paracrawl v3 " + lang, "machine", lang,
                        write("pc3" + lang, tsv(p, 3)), []))
    p = os.path.join(pc, "paracrawl-v6-validation.en-fr.tsv")
    if os.path.exists(p):
        out.append(("paracrawl v6 fr", "machine", "fr",
                    write("pc6", tsv(p, 3)), []))
    for n in ("fr-news.txt", "fr-mixed-5mb.txt"):
        p = os.path.join(d, "bench", n)
        if os.path.exists(p):
            out.append(("bench " + n, "human", "fr", p, []))
    return out


def run(relire, path, lang, extra, outdir):
    cmd = [relire, "audit", "-q", "--per-line", "--csv-raw",
           "--suggest-budget", "0", "--lang", lang, "--out", outdir,
           *extra, path]
    relire_run.run(cmd, stdout=subprocess.DEVNULL)
    with open(os.path.join(outdir, "clean.txt"), encoding="utf-8",
              errors="surrogateescape") as f:
        return f.read().split("\n")


def changed_bytes(a, b):
    """Bytes between the common prefix and suffix of a and b (UTF-8)."""
    a = a.encode("utf-8", "surrogateescape")
    b = b.encode("utf-8", "surrogateescape")
    p = 0
    while p < len(a) and p < len(b) and a[p] == b[p]:
        p += 1
    q = 0
    while (q < len(a) - p and q < len(b) - p and
           a[len(a) - 1 - q] == b[len(b) - 1 - q]):
        q += 1
    return max(len(a), len(b)) - p - q


def edits(a, b):
    """Code points edited between a and b (difflib's opcodes, the longer
    side of each); changed_bytes() on long lines, where difflib is slow."""
    if a == b:
        return 0
    if len(a) > 20000 or len(b) > 20000:
        return changed_bytes(a, b)
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return sum(max(i2 - i1, j2 - j1)
               for op, i1, i2, j1, j2 in sm.get_opcodes() if op != "equal")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("base")
    ap.add_argument("new")
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--shared",
                    default=os.path.join(here, "..", "..", "..", "shared",
                                         "data"))
    ap.add_argument("--show", type=int, default=5)
    ap.add_argument("--only", default="")
    a = ap.parse_args()
    if not os.path.isdir(a.shared):
        print("SKIP: %s not found" % a.shared)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        rows = []
        print("%-24s %-7s %7s %9s %9s %10s %10s %7s %7s %7s" % (
            "corpus", "group", "lines", "chg base", "chg new",
            "bytes base", "bytes new", "differ", "nearer", "farther"))
        for name, group, lang, path, extra in corpora(a.shared, tmp):
            if a.only and a.only not in name:
                continue
            with open(path, encoding="utf-8",
                      errors="surrogateescape") as f:
                inp = f.read().split("\n")
            # A fresh output directory per corpus: a run reads back the
            # decisions an earlier run's directory holds.
            safe = name.replace(" ", "_").replace("/", "_")
            base = run(os.path.join(a.base, "relire"), path, lang, extra,
                       os.path.join(tmp, "b-" + safe))
            new = run(os.path.join(a.new, "relire"), path, lang, extra,
                      os.path.join(tmp, "n-" + safe))
            n = len(inp) - (1 if inp and inp[-1] == "" else 0)
            cb = sum(1 for i in range(n) if i < len(base) and
                     base[i] != inp[i])
            cn = sum(1 for i in range(n) if i < len(new) and
                     new[i] != inp[i])
            bb = sum(changed_bytes(inp[i], base[i]) for i in range(n)
                     if i < len(base))
            bn = sum(changed_bytes(inp[i], new[i]) for i in range(n)
                     if i < len(new))
            diff = [i for i in range(n)
                    if (base[i] if i < len(base) else None) !=
                    (new[i] if i < len(new) else None)]
            get = (lambda v, i: v[i] if i < len(v) else "")
            near = sum(1 for i in diff if edits(inp[i], get(new, i)) <
                       edits(inp[i], get(base, i)))
            far = sum(1 for i in diff if edits(inp[i], get(new, i)) >
                      edits(inp[i], get(base, i)))
            print("%-24s %-7s %7d %9d %9d %10d %10d %7d %7d %7d" % (
                name, group, n, cb, cn, bb, bn, len(diff), near, far))
            for i in diff[:a.show]:
                print("    line %d\n      in:   %.160s\n      base: %.160s\n"
                      "      new:  %.160s" % (i + 1, inp[i],
                                              base[i] if i < len(base)
                                              else "<missing>",
                                              new[i] if i < len(new)
                                              else "<missing>"))
            rows.append((group, n, cb, cn, len(diff), bb, bn, near, far))
        for g in ("human", "machine"):
            t = [r for r in rows if r[0] == g]
            print("total %-7s lines %d, changed base %d, changed new %d, "
                  "bytes base %d, bytes new %d, differ %d (nearer the "
                  "input %d, farther %d)" % (
                      g, sum(r[1] for r in t), sum(r[2] for r in t),
                      sum(r[3] for r in t), sum(r[5] for r in t),
                      sum(r[6] for r in t), sum(r[4] for r in t),
                      sum(r[7] for r in t), sum(r[8] for r in t)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
