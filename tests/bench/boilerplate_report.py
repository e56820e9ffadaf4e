#!/usr/bin/env python3
"""Boilerplate findings of relire on the seeds and on clean news.

Three figures, each from a run of the relire binary in a temporary
directory:

  1. seeds: every boilerplate finding on corpora/seeds/ (the residue the
     detector was specified from: a slug, navigation labels, a stray "."
     and a dangling fragment);
  2. clean news: newstest2014 French (../shared/data/wmt14-fr), one article
     per <doc> with one line per <seg>. Human-edited news has no scraper
     residue, so every boilerplate finding there is a false positive:
     reported per 1,000 non-blank lines, applied and reported-only apart,
     each listed with its detail;
  3. injected residue: the same articles with residue of kinds the
     detector handles structurally (a slug made from the title, a URL, a
     punctuation-only line, a dangling fragment) and from the pattern
     files (a label, a call to action, a time stamp) added at the head or
     the tail; recall per kind, and whether the article text around it is
     left exactly as it was. The pattern kinds measure the shipped lists
     on phrasing they contain, so they check the mechanism, not coverage.

  4. --per-line over bench/fr-news.txt (one segment per record), listed.

  5. --per-line over every corpus of ../shared/data (corpora.py: the
     seeds, WMT sources, references and system outputs, both sides of
     ParaCrawl, Grammalecte's sentences, the Wikidata names, with each
     corpus's language; the corpora of one language form one batch).
     Every record is a single line, and the only line of a record is
     never deleted: the figure to watch is "applied" (target 0); the
     findings reported for an editor are counted and listed apart.
     --corpora runs this section alone; --big adds bench/fr-mixed-5mb.

Timings are the median of --runs runs of the clean-news audit.

Usage: boilerplate_report.py RELIRE_BINARY [SOURCE_DIR] [--runs N]
                             [--corpora] [--big]
Exit status 0, or 77 when ../shared/data/wmt14-fr is absent (the seed
figures are still printed).
"""
import csv
import html
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata

import relire_run

DOC_RE = re.compile(r'<doc[^>]*docid="([^"]+)"[^>]*>(.*?)</doc>', re.S)
SEG_RE = re.compile(r"<seg[^>]*>(.*?)</seg>", re.S)


def read_docs(sgm):
    with open(sgm, encoding="utf-8") as f:
        text = f.read()
    docs = []
    for docid, body in DOC_RE.findall(text):
        segs = [html.unescape(s).strip() for s in SEG_RE.findall(body)]
        docs.append((docid, [s for s in segs if s]))
    return docs


def audit(binary, src, paths, out, extra=()):
    env = dict(os.environ, RELIRE_DATA_DIR=os.path.join(src, "dictionaries"))
    cmd = [binary, "audit", "-q", "--threads", "1", "--out", out]
    cmd += list(extra) + paths
    t0 = time.perf_counter()
    relire_run.run(cmd, env=env, stdout=subprocess.DEVNULL)
    elapsed = time.perf_counter() - t0
    with open(os.path.join(out, "findings.csv"), encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["kind"] == "boilerplate"]
    return rows, elapsed


def show(rows, limit=40):
    for r in rows[:limit]:
        orig = r["original"].replace("\n", "\\n")
        print(f"  {r['article']}:{r['line']}  [{r['start']},{r['end']})"
              f"  applied={r['applied']} conf={r['confidence']}"
              f"  {orig[:70]!r}  {r['detail']}")
    if len(rows) > limit:
        print(f"  ... {len(rows) - limit} more")


def write_docs(docs, folder):
    os.makedirs(folder, exist_ok=True)
    for name, text in docs:
        with open(os.path.join(folder, name + ".txt"), "w",
                  encoding="utf-8") as f:
            f.write(text)


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def slug(title):
    ascii_ = unicodedata.normalize("NFKD", title).encode("ascii", "ignore")
    words = re.findall(r"[a-z0-9]+", ascii_.decode().lower())
    return "-".join(words[:6])


# (kind, edge, maker): maker(title, body_lines, rng) -> residue line
INJECT = [
    ("slug", "head", lambda t, b, r: slug(t)),
    ("url", "tail", lambda t, b, r: "https://www.example.org/actu/"
     + slug(t) + ".html"),
    ("punctuation", "tail", lambda t, b, r: r.choice([".", "…", "***",
                                                       "--"])),
    ("fragment", "tail", lambda t, b, r: " ".join(
        b[-1].rstrip(".!?»\" ").split()[-2:]).lower()),
    ("label", "head", lambda t, b, r: r.choice(
        ["Nouvelles", "Accueil", "Monde", "Today", "À la une"])),
    ("action", "tail", lambda t, b, r: r.choice(
        ["Partager", "Lire aussi : " + t, "Abonnez-vous à notre newsletter",
         "Partager sur Facebook"])),
    ("time", "head", lambda t, b, r: "Publié le %d mars 2014 à %dh%02d"
     % (r.randint(1, 28), r.randint(0, 23), r.randint(0, 59))),
]


def injected(docs, rng):
    """Articles with one residue line each; returns (name, text, kind,
    residue, docid of the article it was added to)."""
    out = []
    for i, (docid, segs) in enumerate(docs):
        if len(segs) < 3:
            continue
        kind, edge, maker = INJECT[i % len(INJECT)]
        residue = maker(segs[0], segs, rng)
        if kind == "fragment" and not residue:
            continue
        clean = "\n".join(segs) + "\n"
        if edge == "head":
            text = residue + "\n" + clean
        else:
            text = clean.rstrip("\n") + "\n" + residue + "\n"
        out.append((f"inj{i:03d}", text, kind, residue, docid))
    return out


def recall(binary, src, tmp, docs, clean_out):
    rng = random.Random(2014)
    arts = injected(docs, rng)
    folder = os.path.join(tmp, "injected")
    write_docs([(n, t) for n, t, *_ in arts], folder)
    rows, _ = audit(binary, src, [folder], os.path.join(tmp, "out-inj"))
    applied = {}
    for r in rows:
        if r["applied"] == "1":
            applied.setdefault(r["article"], []).append(r)
    per, misses = {}, []
    for name, text, kind, residue, docid in arts:
        hit = name + ".txt" in applied
        exact = read(os.path.join(tmp, "out-inj", "clean", name + ".txt")) \
            == read(os.path.join(clean_out, "clean", docid + ".txt"))
        n, h, e = per.get(kind, (0, 0, 0))
        per[kind] = (n + 1, h + hit, e + exact)
        if not hit or not exact:
            misses.append(f"  {name} ({docid}) {kind}: {residue!r}"
                          + ("" if hit else " not found")
                          + ("" if exact else " text differs"))
    print("\n3. injected residue (one line per article, newstest2014)")
    print("   exact text: the cleaned article equals the cleaned article "
          "without the residue")
    print(f"   {'kind':<12}{'articles':>9}{'found':>8}{'recall':>9}"
          f"{'exact text':>12}")
    for kind, _, _ in INJECT:
        n, h, e = per.get(kind, (0, 0, 0))
        if n:
            print(f"   {kind:<12}{n:>9}{h:>8}{h / n:>9.2f}{e:>12}")
    print("\n".join(misses))


def per_line(binary, src, tmp, shared):
    news = os.path.join(shared, "bench", "fr-news.txt")
    if not os.path.exists(news):
        print(f"\n4. skipped: {news} not found")
        return
    with open(news, encoding="utf-8") as f:
        lines = sum(1 for line in f if line.strip())
    rows, t = audit(binary, src, [news], os.path.join(tmp, "out-pl"),
                    ("--per-line", "--suggest-budget", "0"))
    applied = sum(r["applied"] == "1" for r in rows)
    print(f"\n4. --per-line on bench/fr-news.txt: {lines} records "
          f"(every record is both head and tail), {t:.2f} s")
    print(f"   boilerplate findings: {len(rows)} "
          f"({1000 * len(rows) / lines:.2f} per 1,000 lines), "
          f"applied: {applied}; this file holds some real residue of "
          f"the scraped WMT21 sources, so read the list")
    show(rows)


def every_corpus(binary, src, tmp, shared, big):
    """Section 5: boilerplate findings of --per-line runs on every corpus,
    one run per language."""
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from corpora import corpora
    found = corpora(shared, big)
    if not found:
        print(f"\n5. skipped: no corpus under {shared}")
        return
    by_lang = {}
    for name, lang, lines in found:
        by_lang.setdefault(lang, []).append((name, lines))
    print("\n5. --per-line on every corpus (one batch per language)")
    print(f"   {'corpus':<58}{'records':>8}{'applied':>8}{'reported':>9}")
    total = [0, 0, 0]
    listed = []
    for lang, sets in sorted(by_lang.items()):
        folder = os.path.join(tmp, "corpora-" + lang)
        os.makedirs(folder, exist_ok=True)
        files = {}
        for k, (name, lines) in enumerate(sets):
            fn = f"c{k:02d}.txt"
            files[fn] = (name, len(lines))
            with open(os.path.join(folder, fn), "w", encoding="utf-8",
                      newline="\n") as f:
                f.write("\n".join(lines) + "\n")
        rows, _ = audit(binary, src, [folder],
                        os.path.join(tmp, "out-corpora-" + lang),
                        ("--per-line", "--lang", lang, "--suggest-budget",
                         "0", "--threads", "2"))
        per = {}
        for r in rows:
            fn = os.path.basename(r["article"].rsplit(":", 1)[0])
            a, rep = per.get(fn, (0, 0))
            per[fn] = (a + (r["applied"] == "1"),
                       rep + (r["applied"] != "1"))
            listed.append((files[fn][0], r))
        for fn, (name, n) in sorted(files.items(), key=lambda x: x[1]):
            a, rep = per.get(fn, (0, 0))
            total[0] += n
            total[1] += a
            total[2] += rep
            print(f"   {name + ' (' + lang + ')':<58}{n:>8}{a:>8}{rep:>9}")
    print(f"   {'total':<58}{total[0]:>8}{total[1]:>8}{total[2]:>9}")
    for name, r in listed:
        orig = r["original"].replace("\n", "\\n")
        print(f"   {name}:{r['article'].rsplit(':', 1)[1]} "
              f"applied={r['applied']} {orig[:70]!r}  {r['detail'][:90]}")


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    runs = 3
    if "--runs" in sys.argv:
        runs = int(sys.argv[sys.argv.index("--runs") + 1])
        args = [a for a in args if a != str(runs)]
    if not args:
        print(__doc__)
        return 2
    binary = os.path.abspath(args[0])
    src = os.path.abspath(args[1] if len(args) > 1 else
                          os.path.join(os.path.dirname(__file__), "..",
                                       ".."))
    shared = os.path.join(src, "..", "shared", "data")
    tmp = tempfile.mkdtemp(prefix="relire-bp-")
    try:
        if "--corpora" in sys.argv:
            every_corpus(binary, src, tmp, shared, "--big" in sys.argv)
            return 0
        rows, _ = audit(binary, src, [os.path.join(src, "corpora", "seeds")],
                        os.path.join(tmp, "out-seeds"))
        print(f"1. seeds: {len(rows)} boilerplate findings, "
              f"{sum(r['applied'] == '1' for r in rows)} applied")
        show(rows)
        sgm = os.path.join(shared, "wmt14-fr", "newstest2014-fren-ref.fr.sgm")
        if not os.path.exists(sgm):
            print(f"skipped: {sgm} not found")
            return 77
        docs = read_docs(sgm)
        folder = os.path.join(tmp, "wmt14")
        write_docs([(d, "\n".join(s) + "\n") for d, s in docs], folder)
        lines = sum(len(s) for _, s in docs)
        times = []
        for i in range(runs):
            out = os.path.join(tmp, f"out-wmt-{i}")
            rows, t = audit(binary, src, [folder], out)
            times.append(t)
        applied = [r for r in rows if r["applied"] == "1"]
        print(f"\n2. clean news (newstest2014 fr): {len(docs)} articles, "
              f"{lines} lines")
        print(f"   boilerplate findings: {len(rows)} "
              f"({1000 * len(rows) / lines:.2f} per 1,000 lines), "
              f"applied: {len(applied)} "
              f"({1000 * len(applied) / lines:.2f} per 1,000 lines)")
        print(f"   audit time, median of {runs}: "
              f"{statistics.median(times):.2f} s (all stages, 1 thread)")
        show(rows)
        recall(binary, src, tmp, docs, out)
        per_line(binary, src, tmp, shared)
        every_corpus(binary, src, tmp, shared, "--big" in sys.argv)
        return 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
