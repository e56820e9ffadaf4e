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
                                   [--kinds]

It also prints the twenty rows each file ranks worst (the ten valid rows
scored lowest, the ten wrong-language or broken rows scored highest), and
how many L rows are in fact text of the file's own language (Hunspell's
dictionaries, when the hunspell command is installed).

--kinds prints, per finding kind, the share of V and L+T rows that have at
least one finding of that kind (which detectors carry the signal).

It then scores the 176 human-written French news articles of newstest2014
(../shared/data/wmt14-fr/, one file per <doc>) and prints their grades:
clean professional text should mostly get A. The curve of the score (half and
steepness in dictionaries/score-weights.tsv) decides these grades; the AUC
does not depend on it.

The weights and the curve of the score are fitted by score_fit.py
(docs/scoring.md); this script measures the score relire gives.

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

import relire_run

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
    relire_run.run(cmd, stdout=subprocess.DEVNULL)
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
    # (src/common/score.c): collect that share for score_fit.py.
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
        for i, (trg, bic, label) in enumerate(rows, 1):
            if i in by_line and label in POSITIVE | NEGATIVE:
                items.append((label in POSITIVE, bic) + by_line[i] +
                             (trg, label))
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


def report_worst(sets, n=20):
    """The rows the score ranks worst, per file: the n/2 valid rows scored
    lowest and the n/2 wrong-language or broken rows scored highest (the
    longest first among equal scores), with their findings."""
    kinds = sets[0][2]
    for name, lang, _, items in sets:
        pos = sorted((it for it in items if it[0]),
                     key=lambda it: (it[2], it[3]))[:n // 2]
        neg = sorted((it for it in items if not it[0]),
                     key=lambda it: (-it[2], -it[3]))[:n - n // 2]
        print("\nworst-ranked rows of %s (%s): label, score, words, "
              "findings, text" % (name, lang))
        for it in pos + neg:
            found = ",".join("%s:%d" % (kinds[k], c)
                             for k, c in enumerate(it[4]) if c)
            text = it[6] if len(it[6]) <= 90 else it[6][:87] + "..."
            print("  %s %5.1f %3d %-28s %s" % (it[7], it[2], it[3],
                                             found or "-", text))


DICTS = {"de": "de_DE", "en": "en_US", "es": "es_ES", "fr": "fr_FR",
         "it": "it_IT"}


def known_shares(texts, dict_name):
    """Share of the words (runs of 3 letters or more) of each text that
    Hunspell's dict_name knows. One word per line to `hunspell -l`, which
    prints the unknown ones in order: no suggestions, so it is fast."""
    words = [re.findall(r"[^\W\d_]{3,}", t) for t in texts]
    flat = [w for ws in words for w in ws]
    res = subprocess.run(["hunspell", "-l", "-d", dict_name],
                         input="".join(w + "\n" for w in flat),
                         capture_output=True, text=True)
    unknown = res.stdout.splitlines()
    shares, j = [], 0
    for ws in words:
        known = 0
        for w in ws:
            if j < len(unknown) and unknown[j] == w:
                j += 1
            else:
                known += 1
        shares.append(known / len(ws) if ws else 0.0)
    return shares


def report_label_language(sets):
    """Which wrong-language (L) rows are in fact text of the file's
    language, whose other side was wrong: the file's dictionary knows at
    least half of their words and at least as many as any other of the
    five dictionaries. The target text alone cannot find these."""
    if subprocess.run(["sh", "-c", "command -v hunspell"],
                      stdout=subprocess.DEVNULL).returncode:
        print("\nL rows by language: skipped, no hunspell")
        return
    print("\nL rows that are text of the file's own language (its "
          "dictionary knows >= half of the words, more than en, de, es, "
          "fr, it):")
    for name, lang, _, items in sets:
        texts = [it[6] for it in items if it[7] == "L"]
        if not texts or lang not in DICTS:
            continue
        by_dict = {code: known_shares(texts, d) for code, d in DICTS.items()}
        own = sum(1 for i in range(len(texts))
                  if by_dict[lang][i] >= 0.5 and
                  all(by_dict[lang][i] >= by_dict[c][i] for c in DICTS))
        print("  %-42s %3d of %3d (%.0f%%)" % (name, own, len(texts),
                                              100.0 * own / len(texts)))


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
        relire_run.run([relire, "audit", "--quiet", "--suggest-budget", "0",
                        "-o", out, indir], stdout=subprocess.DEVNULL)
        with open(os.path.join(out, "quality.csv"), encoding="utf-8",
                  newline="") as f:
            rows = [r for r in csv.DictReader(f) if r["status"] == "ok"]
    scores = sorted(float(r["score"]) for r in rows)
    grades = {g: sum(1 for r in rows if r["grade"] == g) for g in "ABCDF"}
    print("\nhuman news (newstest2014 fr, %d articles): median score %.1f, "
          "grades %s" % (len(scores), scores[len(scores) // 2],
                         " ".join("%s %d" % kv for kv in grades.items())))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--relire", help="path to the relire binary")
    ap.add_argument("--data", default=os.path.join(
        ROOT, "..", "shared", "data", "paracrawl"))
    ap.add_argument("--kinds", action="store_true")
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
    report_label_language(sets)
    report_worst(sets)
    if args.kinds:
        report_kinds(sets)
    return 0


if __name__ == "__main__":
    sys.exit(main())
