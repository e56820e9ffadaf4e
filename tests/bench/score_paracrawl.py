#!/usr/bin/env python3
"""score_paracrawl.py - how well relire's score separates good text from bad.

The ParaCrawl human evaluations (../shared/data/paracrawl/) label scraped
sentence pairs: V valid, L wrong language, T broken tokenization, and other
translation-level labels (MT, E, A, F) that the target text alone cannot
show. This benchmark runs `relire audit --per-line --lang XX` on the target
side (the trg column) of every file and prints the ROC AUC of quality.csv's
`score` for V (positive) against L+T (negative), beside the AUC of the
file's `bicleaner` column on the same rows. 0.5 is chance, 1.0 perfect.

    tests/bench/score_paracrawl.py [--relire BUILD/relire] [--data DIR]
                                   [--kinds] [--fit]

--kinds prints, per finding kind, the share of V and L+T rows that have at
least one finding of that kind (which detectors carry the signal).

It then scores the 176 human-written French news articles of newstest2014
(../shared/data/wmt14-fr/, one file per <doc>) and prints their grades:
clean professional text should mostly get A. This is what SCORE_HALF in
src/score.h is set from (the AUC does not depend on it).

--fit searches general per-kind weights and the length floor of the score
formula (docs/scoring.md) that maximize the mean AUC over all files, using
the per-kind counts of quality.csv; it prints them for src/score.c. It
fits one weight per kind and one floor, never anything per row.

Python 3 standard library only. Skips (exit 0, message) when the data is
absent.
"""

import argparse
import csv
import math
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

# Column layout of the two releases (the files have no header row).
LAYOUTS = {
    "v3": {"trg": 3, "bicleaner": 6, "label": 7},
    "v6": {"trg": 3, "bicleaner": 4, "label": 5},
}
POSITIVE = {"V"}
NEGATIVE = {"L", "T"}
CSV_FIRST_KIND = 7  # quality.csv: article,status,language,words,score,
                    # grade,top_issue, then one count column per kind


def find_relire(given):
    if given:
        return given
    for name in sorted(os.listdir(ROOT)):
        cand = os.path.join(ROOT, name, "relire")
        if name.startswith("build") and os.access(cand, os.X_OK):
            return cand
    sys.exit("score_paracrawl: no relire binary found; pass --relire")


def auc(pos, neg):
    """ROC AUC by ranks (Mann-Whitney U), ties counted as one half."""
    if not pos or not neg:
        return float("nan")
    allv = sorted([(v, 1) for v in pos] + [(v, 0) for v in neg])
    rank_sum, i = 0.0, 0
    while i < len(allv):
        j = i
        while j < len(allv) and allv[j][0] == allv[i][0]:
            j += 1
        mid = (i + j + 1) / 2.0  # mean 1-based rank of the tie group
        rank_sum += mid * sum(1 for k in range(i, j) if allv[k][1])
        i = j
    n1, n2 = len(pos), len(neg)
    return (rank_sum - n1 * (n1 + 1) / 2.0) / (n1 * n2)


def read_tsv(path, layout):
    rows = []
    with open(path, encoding="utf-8", errors="replace", newline="") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) <= layout["label"]:
                continue
            try:
                bic = float(cols[layout["bicleaner"]])
            except ValueError:
                bic = float("nan")
            rows.append((cols[layout["trg"]], bic, cols[layout["label"]]))
    return rows


def run_relire(relire, rows, lang, tmp):
    src = os.path.join(tmp, "trg.txt")
    out = os.path.join(tmp, "out")
    with open(src, "w", encoding="utf-8", newline="") as f:
        for trg, _, _ in rows:
            f.write(trg + "\n")
    cmd = [relire, "audit", "--per-line", "--lang", lang, "--quiet",
           "--suggest-budget", "0", "-o", out, src]
    res = subprocess.run(cmd, stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, text=True)
    if res.returncode not in (0, 1):
        sys.exit("score_paracrawl: %s failed (%d): %s"
                 % (" ".join(cmd), res.returncode, res.stderr.strip()))
    by_line = {}
    with open(os.path.join(out, "quality.csv"), encoding="utf-8",
              newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        kinds = header[CSV_FIRST_KIND:header.index("findings_dropped")]
        for rec in reader:
            lineno = int(rec[0].rsplit(":", 1)[1])
            if rec[1] != "ok":
                continue
            counts = [int(x) for x in
                      rec[CSV_FIRST_KIND:CSV_FIRST_KIND + len(kinds)]]
            by_line[lineno] = (float(rec[4]), int(rec[3]), counts, 0.0)
    # foreign_language costs by the share of the text it covers
    # (src/score.c): collect that share for --fit.
    covered = {}
    with open(os.path.join(out, "findings.csv"), encoding="utf-8",
              newline="") as f:
        for rec in csv.DictReader(f):
            if rec["kind"] == "foreign_language":
                lineno = int(rec["article"].rsplit(":", 1)[1])
                covered[lineno] = (covered.get(lineno, 0)
                                   + int(rec["end"]) - int(rec["start"]))
    for lineno, n in covered.items():
        if lineno in by_line:
            size = max(len(rows[lineno - 1][0].encode("utf-8")), 1)
            sc, words, counts, _ = by_line[lineno]
            by_line[lineno] = (sc, words, counts, min(1.0, n / size))
    return kinds, by_line


def collect(relire, data):
    sets = []
    for name in sorted(os.listdir(data)):
        m = re.match(r"paracrawl-(v\d+)-.*\.en-(\w\w)\.tsv$", name)
        if not m or m.group(1) not in LAYOUTS:
            continue
        rows = read_tsv(os.path.join(data, name), LAYOUTS[m.group(1)])
        with tempfile.TemporaryDirectory() as tmp:
            kinds, by_line = run_relire(relire, rows, m.group(2), tmp)
        items = []
        for i, (_, bic, label) in enumerate(rows, 1):
            if i in by_line and label in POSITIVE | NEGATIVE:
                items.append((label in POSITIVE, bic) + by_line[i])
        sets.append((name, m.group(2), kinds, items))
    return sets


def report(sets):
    print("%-42s %4s %5s %5s %8s %9s" %
          ("file", "lang", "V", "L+T", "relire", "bicleaner"))
    total = []
    for name, lang, _, items in sets:
        pos = [it for it in items if it[0]]
        neg = [it for it in items if not it[0]]
        a = auc([it[2] for it in pos], [it[2] for it in neg])
        b = auc([it[1] for it in pos if not math.isnan(it[1])],
                [it[1] for it in neg if not math.isnan(it[1])])
        total.append(a)
        print("%-42s %4s %5d %5d %8.3f %9.3f%s" %
              (name, lang, len(pos), len(neg), a, b,
               "" if a > b else "   (below bicleaner)"))
    print("mean relire AUC: %.3f" % (sum(total) / len(total)))


def report_kinds(sets):
    kinds = sets[0][2]
    print("\nshare of rows with >= 1 finding of a kind (V / L+T):")
    for k, kind in enumerate(kinds):
        cells = []
        for _, lang, _, items in sets:
            pos = [it for it in items if it[0]]
            neg = [it for it in items if not it[0]]
            fp = sum(1 for it in pos if it[4][k]) / max(len(pos), 1)
            fn = sum(1 for it in neg if it[4][k]) / max(len(neg), 1)
            cells.append("%s %.2f/%.2f" % (lang, fp, fn))
        if any(not c.endswith("0.00/0.00") for c in cells):
            print("  %-17s %s" % (kind, "  ".join(cells)))


def penalty_key(weights, floor, item, fl):
    """Minus the density of src/score.c for these weights and floor."""
    words, counts, share = item[3], item[4], item[5]
    n = max(words, floor)
    p = sum(w * c for k, (w, c) in enumerate(zip(weights, counts))
            if k != fl)
    p += weights[fl] * share * n if fl is not None else 0
    return -p / n


def mean_auc(sets, weights, floor):
    kinds = sets[0][2]
    fl = kinds.index("foreign_language") if "foreign_language" in kinds \
        else None
    total = 0.0
    for _, _, _, items in sets:
        pos = [penalty_key(weights, floor, it, fl) for it in items if it[0]]
        neg = [penalty_key(weights, floor, it, fl) for it in items
               if not it[0]]
        total += auc(pos, neg)
    return total / len(sets)


def human_news(relire, data):
    """Grades of newstest2014's French reference, one article per doc."""
    sgm = os.path.join(data, "..", "wmt14-fr", "newstest2014-fren-ref.fr.sgm")
    if not os.path.exists(sgm):
        print("\nhuman news: skipped, %s not found" % sgm)
        return
    docs, cur = [], None
    with open(sgm, encoding="utf-8") as f:
        for line in f:
            m = re.match(r'<doc [^>]*docid="([^"]+)"', line)
            if m:
                cur = (m.group(1), [])
                docs.append(cur)
            m = re.match(r"<seg[^>]*>(.*)</seg>", line)
            if m and cur:
                cur[1].append(m.group(1))
    with tempfile.TemporaryDirectory() as tmp:
        indir = os.path.join(tmp, "in")
        os.mkdir(indir)
        for i, (docid, segs) in enumerate(docs):
            name = "%03d_%s.txt" % (i, re.sub(r"[^\w.-]", "_", docid))
            with open(os.path.join(indir, name), "w", encoding="utf-8") as f:
                f.write("\n".join(segs) + "\n")
        out = os.path.join(tmp, "out")
        subprocess.run([relire, "audit", "--quiet", "--suggest-budget", "0",
                        "-o", out, indir], stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        with open(os.path.join(out, "quality.csv"), encoding="utf-8",
                  newline="") as f:
            rows = [r for r in csv.DictReader(f) if r["status"] == "ok"]
    scores = sorted(float(r["score"]) for r in rows)
    grades = {g: sum(1 for r in rows if r["grade"] == g) for g in "ABCDF"}
    print("\nhuman news (newstest2014 fr, %d articles): median score %.1f, "
          "grades %s" % (len(scores), scores[len(scores) // 2],
                         " ".join("%s %d" % kv for kv in grades.items())))


def current_weights(kinds):
    """The weights in src/score.c: the starting point and the fallback."""
    with open(os.path.join(ROOT, "src", "score.c"), encoding="utf-8") as f:
        text = f.read()
    found = dict(re.findall(r"\[FK_(\w+)\]\s*=\s*([0-9.]+)", text))
    return [float(found.get(k.upper(), 0.0)) for k in kinds]


MIN_SUPPORT = 40  # rows with a finding of a kind before its weight is fitted
# Kinds these labels do not judge: ParaCrawl calls navigation lines
# ("Zurück zur Übersicht") valid sentences, so it cannot weigh scraper
# residue in an article (docs/scoring.md).
NOT_JUDGED = {"boilerplate"}


def search(sets, kinds):
    """Coordinate search over a coarse grid. misspelling stays at 1 (the
    unit); a kind seen in fewer than MIN_SUPPORT rows keeps its weight
    from src/score.c, since these short web sentences say nothing about
    it, nor does a kind in NOT_JUDGED; then the floor."""
    support = [sum(1 for st in sets for it in st[3] if it[4][k] or
                   (kinds[k] == "foreign_language" and it[5]))
               for k in range(len(kinds))]
    used = [k for k in range(len(kinds)) if support[k] >= MIN_SUPPORT and
            kinds[k] != "misspelling" and kinds[k] not in NOT_JUDGED]
    weights = current_weights(kinds)
    floor = 10
    grid = [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.7, 1.0, 1.5, 2.0, 3.0, 5.0,
            7.0, 10.0]
    best = mean_auc(sets, weights, floor)
    for _ in range(3):
        for k in used:
            for g in grid:
                trial = list(weights)
                trial[k] = g
                a = mean_auc(sets, trial, floor)
                if a > best + 1e-4:
                    best, weights = a, trial
        for f in (1, 3, 5, 10, 15, 20):
            a = mean_auc(sets, weights, f)
            if a > best + 1e-4:
                best, floor = a, f
    return weights, floor, best, used


def fit(sets):
    kinds = sets[0][2]
    weights, floor, best, used = search(sets, kinds)
    print("\nfitted on all sets (mean AUC %.3f), floor %d words "
          "(* = fitted, else kept from src/score.c):" % (best, floor))
    for k in range(len(kinds)):
        print("  %-17s %5.2f%s" % (kinds[k], weights[k],
                                   " *" if k in used else ""))
    # Leave one set out: fit on the others, measure on it. This is the
    # figure to expect on sets the weights have not seen.
    print("\nleave-one-set-out AUC (fitted on the other sets):")
    held = []
    for i, st in enumerate(sets):
        w, f, _, _ = search(sets[:i] + sets[i + 1:], kinds)
        a = mean_auc([st], w, f)
        held.append(a)
        print("  %-42s %.3f" % (st[0], a))
    print("  mean %.3f" % (sum(held) / len(held)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--relire", help="path to the relire binary")
    ap.add_argument("--data", default=os.path.join(
        ROOT, "..", "shared", "data", "paracrawl"))
    ap.add_argument("--kinds", action="store_true")
    ap.add_argument("--fit", action="store_true")
    args = ap.parse_args()
    if not os.path.isdir(args.data):
        print("score_paracrawl: skipped: no ParaCrawl data in %s"
              % args.data)
        return 0
    sets = collect(find_relire(args.relire), args.data)
    if not sets:
        print("score_paracrawl: skipped: no paracrawl-*.tsv in %s"
              % args.data)
        return 0
    report(sets)
    human_news(find_relire(args.relire), args.data)
    if args.kinds:
        report_kinds(sets)
    if args.fit:
        fit(sets)
    return 0


if __name__ == "__main__":
    sys.exit(main())
