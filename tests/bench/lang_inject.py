#!/usr/bin/env python3
"""Untranslated sentences inserted into real news: recall and precision of
foreign_language findings, and their count on clean human text.

Mechanism (what machine translation and scrapers leave behind): segments
of six words or more in another language are inserted into real articles,
in four forms:
  line      a segment as a paragraph of its own;
  inline    a segment appended to a paragraph of the article (same line,
            after its last sentence);
  headline  a short segment (6 to 12 words) without its final period, as
            a line of its own (in Title Case when it is English, as
            English headlines are written);
  figures   a segment that contains figures, as a paragraph.
The sets, one per article language relire ships real text for:
  fr  English (newstest2014's English side) into real French articles
      (newstest2014's French side, one paragraph per segment);
  de  English into real German news (newstest2021 fr-de German reference,
      20 lines to an article);
  es, it  English into real Spanish and Italian text: the target side of
      ParaCrawl's rows a person labelled V (valid), 20 lines to a
      pseudo-article (scraped lines, not news: the harder case);
  en  French (the WMT21 de-fr French reference, written by a translator)
      into real English articles (newstest2014's English side).
There is no real Russian or Ukrainian text in ../shared/data/: those
languages are covered by unit tests on sentences written for them.
The articles are audited with `relire audit --lang XX`. An inserted
segment is found when foreign_language findings cover at least half of its
bytes; a finding is correct when at least half of its bytes lie in
inserted text (else it flags the article's own language).

Then the clean texts alone (no insertion): foreign_language findings on
newstest2014 fr and en, newstest2021 de-fr reference, newstest2021 fr-de
source (French) and reference (German), which should be none.

With --check (the ctest bench.lang_inject), exits 1 when a figure falls
below its floor or above its ceiling (FLOORS, CEILINGS).

usage: lang_inject.py [RELIRE] [--data DIR] [--per-doc N] [--only fr,de,..]
                      [--check]
Skips (exit 0, with a message; with --check 77, or 1 under RELIRE_STRICT)
when the data or the binary is absent; exits 1 when relire fails.
"""
import argparse
import csv
import os
import random
import re
import subprocess
import sys
import tempfile

import relire_run

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
MODES = ("line", "inline", "headline", "figures")
SMALL = {"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or",
         "but", "by", "with", "as"}


def sgm_docs(path):
    docs, cur = [], None
    seg = re.compile(r"<seg[^>]*>(.*)</seg>")
    for line in open(path, encoding="utf-8"):
        if line.startswith("<doc"):
            cur = []
            docs.append(cur)
        m = seg.search(line)
        if m and cur is not None:
            t = m.group(1).replace("&amp;", "&").replace("&lt;", "<")
            cur.append(t.replace("&gt;", ">").replace("&quot;", '"').strip())
    return [d for d in docs if d]


def line_docs(path, size=20):
    lines = [l.strip() for l in open(path, encoding="utf-8") if l.strip()]
    return [lines[i:i + size] for i in range(0, len(lines), size)]


def full_groups(lines, size=20):
    """Pseudo-articles of exactly size lines (a short remainder would be
    mostly inserted text)."""
    return [lines[i:i + size] for i in range(0, len(lines) - size + 1, size)]


def title_case(s):
    """AP-style Title Case: every word capitalized except short function
    words inside the title (the form English headlines take)."""
    words = s.rstrip(".").split()
    out = []
    for i, w in enumerate(words):
        if 0 < i < len(words) - 1 and w.lower() in SMALL:
            out.append(w.lower())
        else:
            out.append(w[:1].upper() + w[1:])
    return " ".join(out)


def segment_pool(segs, title):
    """Segments to insert, per mode; title: headlines in Title Case."""
    ok = [s for s in segs if 6 <= len(s.split()) <= 60 and '"' not in s]
    heads = [s for s in ok if len(s.split()) <= 12]
    figs = [s for s in ok if re.search(r"\d", s)]
    return {"line": ok, "inline": ok, "headline": heads, "figures": figs,
            "title": title}


def paracrawl_valid(path, size=20):
    """Target side of the rows labelled V (v3 columns), as pseudo-articles
    of size lines."""
    lines = []
    for line in open(path, encoding="utf-8", errors="replace"):
        cols = line.rstrip("\n").split("\t")
        if len(cols) > 7 and cols[7] == "V" and cols[3].strip():
            lines.append(re.sub(r"[\r\x00]", " ", cols[3]).strip())
    return full_groups(lines, size)


def inject(doc, pool, rng, n):
    """The article text with n English items; returns text and items
    [(mode, start, end)] as UTF-8 byte spans."""
    lines = list(doc)
    plan = sorted(rng.sample(range(1, len(lines) + 1), min(n, len(lines))),
                  reverse=True)
    for pos in plan:
        mode = MODES[rng.randrange(len(MODES))]
        eng = rng.choice(pool[mode])
        if mode == "headline":
            eng = title_case(eng) if pool["title"] else eng.rstrip(".")
        if mode == "inline":
            lines[pos - 1] = (lines[pos - 1], eng, mode)
        else:
            lines.insert(pos, (None, eng, mode))
    text, items = b"", []
    for item in lines:
        if isinstance(item, tuple):
            fr, eng, mode = item
            if fr is not None:
                text += fr.encode() + b" "
            start = len(text)
            text += eng.encode()
            items.append((mode, start, len(text), eng))
            text += b"\n"
        else:
            text += item.encode() + b"\n"
    return text, items


# Floors and ceiling of --check (the default --per-doc). Measured: recall
# 0.958 (en) to 0.994 (de), precision 0.962 (it) to 1.000 (fr); one
# finding on the clean texts.
FLOORS = {}
for _l in ("fr", "de", "es", "it", "en"):
    FLOORS["recall " + _l] = 0.92
    FLOORS["precision " + _l] = 0.93
CEILINGS = {"findings on clean text": 3}


def run(binary, src, lang, out):
    relire_run.run([binary, "audit", "--lang", lang, "-q",
                    "--suggest-budget", "0", "-o", out, src],
                   stdout=subprocess.DEVNULL)
    found = {}
    with open(os.path.join(out, "findings.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["kind"] == "foreign_language":
                found.setdefault(row["article"], []).append(
                    (int(row["start"]), int(row["end"]), row["original"]))
    return found


def covered(spans, s, e):
    return sum(max(0, min(e, b) - max(s, a)) for a, b, _ in spans)


def evaluate(binary, docs, pool, lang, tmp, per_doc, seed, show, what):
    rng = random.Random(seed)
    src = os.path.join(tmp, "in." + lang)
    os.makedirs(src)
    truth = {}
    for i, doc in enumerate(docs):
        text, items = inject(doc, pool, rng, per_doc)
        name = "doc%04d.txt" % i
        with open(os.path.join(src, name), "wb") as f:
            f.write(text)
        truth[name] = items
    found = run(binary, src, lang, os.path.join(tmp, "out." + lang))
    per_mode = {m: [0, 0] for m in MODES}
    tp = fp = 0
    misses, wrong = [], []
    for name, items in truth.items():
        spans = next((v for k, v in found.items()
                      if os.path.basename(k) == name), [])
        for mode, s, e, eng in items:
            hit = covered(spans, s, e) * 2 >= e - s
            per_mode[mode][0] += hit
            per_mode[mode][1] += 1
            if not hit:
                misses.append(eng)
        for a, b, orig in spans:
            inside = sum(max(0, min(b, e) - max(a, s))
                         for _, s, e, _ in items)
            if inside * 2 >= b - a:
                tp += 1
            else:
                fp += 1
                wrong.append(orig)
    n = sum(v[1] for v in per_mode.values())
    hits = sum(v[0] for v in per_mode.values())
    print("--lang %s: %d articles, %d %s segments inserted" %
          (lang, len(docs), n, what))
    for m, (h, t) in per_mode.items():
        if t:
            print("  %-9s recall %.3f (%d/%d)" % (m, h / t, h, t))
    print("  all       recall %.3f  precision %.3f  (findings %d, on the "
          "article's own language %d)" %
          (hits / n if n else 0, tp / (tp + fp) if tp + fp else 1.0,
           tp + fp, fp))
    for s in misses[:show]:
        print("    missed: %s" % s[:110])
    for s in wrong[:show]:
        print("    wrong:  %s" % s[:400])
    return hits / n if n else 0, tp / (tp + fp) if tp + fp else 1.0


def clean_counts(binary, sets, tmp):
    print("clean human text (foreign_language findings, should be 0):")
    total = 0
    for label, docs, lang in sets:
        src = os.path.join(tmp, "clean." + label)
        os.makedirs(src)
        for i, doc in enumerate(docs):
            with open(os.path.join(src, "d%04d.txt" % i), "w",
                      encoding="utf-8") as f:
                f.write("\n".join(doc) + "\n")
        found = run(binary, src, lang, os.path.join(tmp, "cout." + label))
        n = sum(len(v) for v in found.values())
        lines = sum(len(d) for d in docs)
        total += n
        print("  %-22s %5d lines  %3d findings" % (label, lines, n))
        for v in list(found.values())[:3]:
            for _, _, orig in v[:1]:
                print("    e.g. %s" % orig[:110])
    return total


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("relire", nargs="?",
                    default=os.path.join(ROOT, "build", "relire"))
    ap.add_argument("--data", default=os.path.join(ROOT, "..", "shared",
                                                   "data"))
    ap.add_argument("--per-doc", type=int, default=3)
    ap.add_argument("--show", type=int, default=5,
                    help="missed and wrong examples to print")
    ap.add_argument("--only", default="fr,de,es,it,en,clean",
                    help="sets to run (fr,de,es,it,en,clean)")
    ap.add_argument("--keep", metavar="DIR",
                    help="write the articles and reports into DIR (new)")
    ap.add_argument("--check", action="store_true",
                    help="exit 1 when a figure passes its floor or ceiling")
    args = ap.parse_args()
    code = 77 if args.check else 0
    only = args.only.split(",")
    d = args.data
    pc = os.path.join(d, "paracrawl", "paracrawl-v3-validation-data.en-")
    paths = {
        "fr": os.path.join(d, "wmt14-fr", "newstest2014-fren-ref.fr.sgm"),
        "en": os.path.join(d, "wmt14-fr", "newstest2014-fren-src.en.sgm"),
        "de": os.path.join(d, "wmt21-fr-de", "newstest2021.fr-de.ref.A.de"),
        "defr": os.path.join(d, "wmt21-de-fr", "newstest2021.de-fr.ref.A.fr"),
        "frsrc": os.path.join(d, "wmt21-fr-de", "newstest2021.fr-de.src.fr"),
        "es": pc + "es.tsv",
        "it": pc + "it.tsv",
    }
    missing = [p for p in paths.values() if not os.path.exists(p)]
    if missing:
        relire_run.skip("%s not found" % missing[0], code)
    if not os.access(args.relire, os.X_OK):
        relire_run.skip("no relire binary at %s" % args.relire, code)
    figures = {}
    en_docs = sgm_docs(paths["en"])
    pool = segment_pool([s for doc in en_docs for s in doc], True)
    fr_pool = segment_pool(
        [l.strip() for l in open(paths["defr"], encoding="utf-8")], False)
    fr_docs = sgm_docs(paths["fr"])
    de_docs = line_docs(paths["de"])
    sets = [("fr", fr_docs, pool, 1, "English"),
            ("de", de_docs, pool, 2, "English"),
            ("es", paracrawl_valid(paths["es"]), pool, 3, "English"),
            ("it", paracrawl_valid(paths["it"]), pool, 4, "English"),
            ("en", en_docs, fr_pool, 5, "French")]
    with tempfile.TemporaryDirectory() as scratch:
        tmp = args.keep or scratch
        for lang, docs, p, seed, what in sets:
            if lang in only:
                rec, prec = evaluate(args.relire, docs, p, lang, tmp,
                                     args.per_doc, seed, args.show, what)
                figures["recall " + lang] = rec
                figures["precision " + lang] = prec
        if "clean" in only:
            figures["findings on clean text"] = clean_counts(args.relire, [
                ("wmt14 fr", fr_docs, "fr"),
                ("wmt14 en", en_docs, "en"),
                ("wmt21 de-fr ref fr", line_docs(paths["defr"]), "fr"),
                ("wmt21 fr-de src fr", line_docs(paths["frsrc"]), "fr"),
                ("wmt21 fr-de ref de", de_docs, "de")], tmp)
    if args.check:
        return relire_run.check_floors(figures, FLOORS, CEILINGS)
    return 0


if __name__ == "__main__":
    sys.exit(main())
