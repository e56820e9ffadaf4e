"""corpora.py - every text corpus of ../shared/data as lists of lines.

Shared by the benchmark scripts that measure what relire changes on real
text (boilerplate_report.py, mojibake_inject.py). Each corpus is one
segment per line, with the language relire should be run with:

  seeds/*.txt                    the five seed articles, line by line
  wmt14-fr/*.sgm                 newstest2014 French and English segments
  wmt21-de-fr, wmt21-fr-de,      every system output, reference and
  wmt22-de-fr                    source file (.fr, .de)
  paracrawl/*.tsv                the English source and the target column
                                 (fr, de, es, it) of each set apart
  grammalecte/rules-tests.txt    Grammalecte's test sentences
  names/*.tsv                    Wikidata's Cyrillic names and their Latin
                                 spellings
  bench/*.txt                    the throughput files (fr-mixed-5mb only
                                 with big=True: it takes minutes)

Python standard library only; the data is read in place, never copied.
"""
import html
import os
import re

SEG_RE = re.compile(r"<seg[^>]*>(.*?)</seg>", re.S)
SGM_LANG = re.compile(r"-(\w\w)\.sgm$")


def _lines(path):
    with open(path, encoding="utf-8", errors="replace", newline="") as f:
        return [l.rstrip("\r") for l in f.read().split("\n")
                if l.strip()]


def _sgm(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    return [html.unescape(s).strip() for s in SEG_RE.findall(text)
            if s.strip()]


def _tsv_columns(path):
    """The source and target columns (3 and 4) of a ParaCrawl set."""
    src, trg = [], []
    with open(path, encoding="utf-8", errors="replace", newline="") as f:
        for row in f.read().split("\n"):
            cols = row.split("\t")
            if len(cols) > 3:
                src.append(cols[2].replace("\r", " "))
                trg.append(cols[3].replace("\r", " "))
    return src, trg


def _lang_of(name):
    for code in ("de", "en", "es", "it", "fr"):
        if name.endswith("." + code) or name.endswith("-" + code):
            return code
    return "fr"


def corpora(data, big=False):
    """[(name, lang, lines)] for every corpus under data, sorted by name;
    [] when data is absent."""
    out = []
    if not os.path.isdir(data):
        return out
    for folder in sorted(os.listdir(data)):
        d = os.path.join(data, folder)
        if not os.path.isdir(d):
            continue
        for f in sorted(os.listdir(d)):
            p, name = os.path.join(d, f), folder + "/" + f
            if folder == "paracrawl" and f.endswith(".tsv"):
                pair = re.search(r"en-(\w\w)", f).group(1)
                src, trg = _tsv_columns(p)
                out.append((name + ":src", "en", src))
                out.append((name + ":trg", pair, trg))
            elif f.endswith(".sgm"):
                m = SGM_LANG.search(f)
                out.append((name, m.group(1) if m else "fr", _sgm(p)))
            elif folder.startswith("wmt"):
                out.append((name, _lang_of(f), _lines(p)))
            elif f.endswith(".txt") or f.endswith(".tsv"):
                if f == "fr-mixed-5mb.txt" and not big:
                    continue
                out.append((name, "fr", _lines(p)))
    return out
