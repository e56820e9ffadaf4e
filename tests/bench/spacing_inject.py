#!/usr/bin/env python3
"""spacing_inject.py - detokenization damage and lost apostrophes.

Three measures of the spacing stage (src/repair/spacing.h) and of the quotes of
the French typography profile (src/repair/typography.h), all on real text:

1. good text: the lines of clean French (WMT14 newstest2014 reference,
   WMT21 and WMT22 de-fr references, the WMT21 fr-de French source,
   bench/fr-news.txt, and Grammalecte's test sentences that carry no
   error mark) that relire changes, in total and by the kinds spacing,
   glued_words and typography (run without and with --typography fr).
   Clean text should not move; fr-news holds MT outputs too, so some of
   its changes are real repairs.
2. injected damage: clean lines of the two references that relire leaves
   unchanged get one damage each, made mechanically from how MT and
   scrapers break spacing:
     comma_glued      "a, b"   -> "a,b"     (space after a comma deleted)
     comma_moved      "a, b"   -> "a ,b"    (space moved before it)
     semicolon_glued  "a ; b"  -> "a ;b"
     ellipsis_glued   "a… b"   -> "a…b"
     apos_space       "l'homme"-> "l homme" (apostrophe became a space)
     apos_backtick    "l'homme"-> "l`homme"
     apos_spaced      "l'homme"-> "l ’ homme" (the P3AI system's output)
     apos_doubled     "l’homme"-> "l’'homme"
     quote_reversed   "« a »"  -> "« a «"   (with --typography fr)
   and, on human English and German (newstest2014's English side,
   WMT21's German source), what tokenizers do to languages that write
   clitics and ": ; ! ?" glued to their word, one damage per line, every
   third line a control:
     clitic_moses     "didn't" -> "didn 't", "it's" -> "it 's" (Moses)
     clitic_ptb       "didn't" -> "did n't" (the Penn Treebank's)
     sign_split       "Hello!" -> "Hello !", "Note: a" -> "Note : a"
     moses_line       the whole line: clitics, signs, commas, the last
                      period, brackets and quotes apart (moses_signs in
                      German and Spanish: without clitics)
     opening_split    Spanish "¿Qué?" -> "¿ Qué?", on the target lines of
                      ParaCrawl's Spanish set that a person labelled V
   and, on English (--lang en), the lines
   with two straight quotes that relire leaves alone:
     quote_split      '"a b"'  -> '" a b "' (a tokenizer's quotes)
   every other one left as it is (a control); and the French lines with
   two straight quotes, their spaces inside added: French writes
   " mot " as it writes « mot », so relire must leave them as they are.
     quote_split      '"a b"'  -> '" a b "' (a tokenizer's quotes)
   every sixth record is left clean (a control). Per damage kind: recall
   (the damage is touched by an applied finding of the expected kind),
   precision (applied findings of that kind on those records that touch
   the damage) and exact (the cleaned line equals the clean one).
3. real MT output: the spacing findings on the nine WMT21 de-fr systems
   and what is left of spaced apostrophes (" ’ ") after cleaning.

With --check (the ctest bench.spacing_inject runs --only inject --check),
exits 1 when a figure of part 2 passes its floor or ceiling (FLOORS,
CEILINGS).

Usage: spacing_inject.py RELIRE_BINARY [SHARED_DATA_DIR] [--seed N]
       [--show N] [--only good|inject|mt] [--check]
Exits 0 with a message when the shared data is absent (with --check 77,
or 1 under RELIRE_STRICT); 1 when relire fails.
"""

import argparse
import collections
import csv
import glob
import html
import os
import random
import re
import subprocess
import sys
import tempfile

import relire_run

CLEAN = (
    ("wmt14-fr ref", "wmt14-fr/newstest2014-fren-ref.fr.sgm"),
    ("wmt21-de-fr ref.A", "wmt21-de-fr/newstest2021.de-fr.ref.A.fr"),
    ("wmt22-de-fr ref.A", "wmt22-de-fr/generaltest2022.de-fr.ref.A.fr"),
    ("wmt21-fr-de src.fr", "wmt21-fr-de/newstest2021.fr-de.src.fr"),
    ("bench/fr-news", "bench/fr-news.txt"),
    ("grammalecte correct", "grammalecte/rules-tests.txt"),
)
KINDS = ("spacing", "glued_words", "typography")
ELIDED = r"(?:[cdjlmnstCDJLMNST]|[Qq]u|[Jj]usqu|[Ll]orsqu|[Pp]uisqu)"
LETTER = r"[^\W\d_]"


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if path.endswith(".sgm"):
        return [html.unescape(x)
                for x in re.findall(r"<seg[^>]*>(.*?)</seg>", text)]
    lines = [line for line in text.split("\n") if line.strip()]
    if "grammalecte" in path:
        lines = [line for line in lines
                 if "{{" not in line and not line.startswith("__")]
    return lines


def run(binary, lines, out, typography=False, lang="fr"):
    """relire --per-line on lines: (findings by line index, cleaned)."""
    src = out + ".txt"
    with open(src, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    cmd = [binary, "audit", "--per-line", "--csv-raw", "-q", "--lang", lang,
           "--suggest-budget", "0", "--out", out, src]
    if typography:
        cmd[2:2] = ["--typography", "fr"]
    relire_run.run(cmd, stdout=subprocess.PIPE)
    findings = collections.defaultdict(list)
    with open(os.path.join(out, "findings.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            findings[int(r["article"].rsplit(":", 1)[1]) - 1].append(r)
    with open(os.path.join(out, "clean.txt"), encoding="utf-8") as f:
        cleaned = f.read().split("\n")
    return findings, cleaned


# --- 1. good text ---------------------------------------------------------

def good(binary, shared, tmp, show):
    for typo in (False, True):
        print("== good text, %s" % ("--typography fr" if typo
                                    else "default profile"))
        for label, rel in CLEAN:
            path = os.path.join(shared, rel)
            if not os.path.exists(path):
                print("   skip %s: absent" % label)
                continue
            lines = read_lines(path)
            findings, _ = run(binary, lines, os.path.join(
                tmp, re.sub(r"\W+", "_", label) + str(typo)), typo)
            changed = collections.Counter()
            examples = []
            for n, rows in findings.items():
                kinds = {r["kind"] for r in rows if r["applied"] == "1"}
                if kinds:
                    changed["any"] += 1
                for k in kinds & set(KINDS):
                    changed[k] += 1
                for r in rows:
                    if r["applied"] == "1" and r["kind"] == "spacing":
                        examples.append((n, r))
            print("   %-20s %6d lines: changed %5d; spacing %4d, "
                  "glued_words %4d, typography %5d" % (
                      label, len(lines), changed["any"], changed["spacing"],
                      changed["glued_words"], changed["typography"]))
            if typo:
                continue
            for n, r in examples[:show]:
                print("      %d %r -> %r (%s): %s" % (
                    n + 1, r["original"], r["replacement"], r["detail"],
                    context(lines[n], int(r["start"]), int(r["end"]))))


def context(line, start, end, width=25):
    b = line.encode("utf-8")
    return "...%s[%s]%s..." % (
        b[max(0, start - width):start].decode("utf-8", "replace"),
        b[start:end].decode("utf-8", "replace"),
        b[end:end + width].decode("utf-8", "replace"))


# --- 2. injected damage ---------------------------------------------------

def blen(s):
    return len(s.encode("utf-8"))


def at(s, m_start, m_end, new):
    """(damaged, byte span of new) for s[m_start:m_end] replaced by new."""
    b = blen(s[:m_start])
    return s[:m_start] + new + s[m_end:], (b, b + blen(new))


def pick(rng, it):
    cands = list(it)
    return rng.choice(cands) if cands else None


def inj_comma_glued(rng, s):
    m = pick(rng, re.finditer(r"(?<=%s), (?=%s)" % (LETTER, LETTER), s))
    return m and at(s, m.start(), m.end(), ",")


def inj_comma_moved(rng, s):
    m = pick(rng, re.finditer(r"(?<=%s), (?=%s)" % (LETTER, LETTER), s))
    return m and at(s, m.start(), m.end(), " ,")


def inj_semicolon_glued(rng, s):
    m = pick(rng, re.finditer(r"(?<=%s)(\s?;) (?=%s)" % (LETTER, LETTER),
                              s))
    return m and at(s, m.start(), m.end(), m.group(1))


def inj_ellipsis_glued(rng, s):
    m = pick(rng, re.finditer(r"(?<=%s)(…|\.\.\.) (?=%s)" % (LETTER, LETTER),
                              s))
    return m and at(s, m.start(), m.end(), m.group(1))


def elisions(s):
    return re.finditer(r"(?<![\w'’])%s(['’])(?=%s)" % (ELIDED, LETTER), s)


def inj_apos_space(rng, s):
    m = pick(rng, elisions(s))
    return m and at(s, m.start(1), m.end(1), " ")


def inj_apos_backtick(rng, s):
    m = pick(rng, elisions(s))
    return m and at(s, m.start(1), m.end(1), "`")


def inj_apos_spaced(rng, s):
    m = pick(rng, elisions(s))
    return m and at(s, m.start(1), m.end(1), " ’ ")


def inj_apos_doubled(rng, s):
    m = pick(rng, elisions(s))
    return m and at(s, m.start(1), m.end(1), m.group(1) +
                    ("'" if m.group(1) == "’" else "’"))


def inj_quote_split(rng, s, tokenized=True):
    """A tokenizer's quotes: '"a b",' -> '" a b " ,' (every straight quote
    of the line split off what touches it, as Moses and its kin do); with
    tokenized false, French typography's '" a b ",' (spaces inside only)."""
    if s.count('"') != 2:
        return None
    i, j = s.index('"'), s.rindex('"')
    if j - i < 3 or s[i + 1] == " " or s[j - 1] == " ":
        return None
    new = '" ' + s[i + 1:j] + ' "'
    if i > 0 and s[i - 1] != " " and (tokenized or s[i - 1].isalnum()):
        new = " " + new
    if j + 1 < len(s) and s[j + 1] != " " and (tokenized or
                                               s[j + 1].isalnum()):
        new += " "
    return at(s, i, j + 1, new)


def inj_quote_reversed(rng, s):
    if s.count("«") != 1 or s.count("»") != 1 or s.index("«") > s.index("»"):
        return None
    i = s.index("»")
    return at(s, i, i + 1, "«")


INJECT = {
    "comma_glued": inj_comma_glued,
    "comma_moved": inj_comma_moved,
    "semicolon_glued": inj_semicolon_glued,
    "ellipsis_glued": inj_ellipsis_glued,
    "apos_space": inj_apos_space,
    "apos_backtick": inj_apos_backtick,
    "apos_spaced": inj_apos_spaced,
    "apos_doubled": inj_apos_doubled,
    "quote_reversed": inj_quote_reversed,
}


def expected_kind(dmg):
    return "typography" if dmg == "quote_reversed" else "spacing"


def build(rng, lines):
    """Records (damage kind, clean, damaged, span); kinds in turn."""
    names = list(INJECT)
    records, turn = [], 0
    for s in lines:
        turn += 1
        if turn % 6 == 0:
            records.append(("none", s, s, None))
            continue
        for name in [names[(turn + k) % len(names)]
                     for k in range(len(names))]:
            got = INJECT[name](rng, s)
            if got:
                records.append((name, s, got[0], got[1]))
                break
    return records


def touches(r, span):
    return int(r["start"]) <= span[1] and span[0] <= int(r["end"])


# Floors and ceiling of --check (seed 1). Measured: recall 0.993
# (apos_space) to 1.000 per damage, precision and exact 1.000 in all (one
# apos_space record inexact), no finding applied on 301 controls.
FLOORS = {"recall, worst damage": 0.95, "recall": 0.97, "precision": 0.97,
          "exact": 0.95, "quote_split exact (en)": 0.95,
          "quote_split kept (fr)": 0.99,
          # Part 2c (seed 1): 1.000 each but clitic_moses 0.440 (one
          # "it 's" on a line with no other split is reported, not
          # applied: it may be a clitic mentioned after a word), moses_line
          # 0.974 (headlines without punctuation) and German 0.976
          "clitic_moses exact (en)": 0.40, "clitic_ptb exact (en)": 0.97,
          "sign_split exact (en)": 0.97, "moses_line exact (en)": 0.95,
          "sign_split exact (de)": 0.97, "moses_signs exact (de)": 0.95,
          "opening_split exact (es)": 0.95, "sign_split exact (es)": 0.95,
          "moses_signs exact (es)": 0.90}
CEILINGS = {"applied on controls": 2, "quote_split controls changed (en)": 0,
            "tokenized controls changed (en)": 0,
            "tokenized controls changed (de)": 0,
            "tokenized controls changed (es)": 0}


def inject(binary, shared, tmp, seed, show):
    """Part 2; returns the figures by name (FLOORS' and CEILINGS')."""
    lines = []
    for _, rel in CLEAN[:2]:
        path = os.path.join(shared, rel)
        if os.path.exists(path):
            lines += read_lines(path)
    for typo in (False, True):
        findings, _ = run(binary, lines, os.path.join(tmp, "base%d" % typo),
                          typo)
        lines = [s for n, s in enumerate(lines)
                 if not any(r["applied"] == "1" for r in findings.get(n, []))]
    rng = random.Random(seed)
    records = build(rng, lines)
    print("== injected damage: %d clean base lines, %d records (seed %d)"
          % (len(lines), len(records), seed))
    out = {}
    for typo in (False, True):
        out[typo] = run(binary, [r[2] for r in records],
                        os.path.join(tmp, "dmg%d" % typo), typo)
    st = collections.defaultdict(collections.Counter)
    misses, alarms = collections.defaultdict(list), collections.defaultdict(
        list)
    for n, (name, clean, damaged, span) in enumerate(records):
        typo = name == "quote_reversed"
        findings, cleaned = out[typo]
        kind = expected_kind(name)
        applied = [r for r in findings.get(n, []) if r["applied"] == "1" and
                   r["kind"] in ("spacing", "glued_words", "typography")]
        s = st[name]
        s["records"] += 1
        if span is None:
            s["false"] += len(applied)
            alarms[name] += [(damaged, r) for r in applied]
            continue
        hit = any(r["kind"] == kind and touches(r, span) for r in applied)
        s["found"] += hit
        if not hit:
            misses[name].append(damaged)
        mine = [r for r in applied if r["kind"] == kind]
        s["applied"] += len(mine)
        s["true"] += sum(1 for r in mine if touches(r, span))
        for r in mine:
            if not touches(r, span):
                alarms[name].append((damaged, r))
        s["exact"] += not typo and cleaned[n] == clean
    print("   %-16s %7s %7s %9s %6s" % ("damage", "records", "recall",
                                        "precision", "exact"))
    figures = {"recall, worst damage": 1.0}
    tot = collections.Counter()
    kinds = list(INJECT)
    for name in kinds + ["none"]:
        s = st[name]
        if name == "none":
            print("   %-16s %7d  applied findings on clean controls: %d"
                  % ("control", s["records"], s["false"]))
            figures["applied on controls"] = s["false"]
            continue
        tot.update(s)
        if name != "quote_reversed":
            tot["exact records"] += s["records"]
        rec = s["found"] / s["records"] if s["records"] else 0
        prec = s["true"] / s["applied"] if s["applied"] else 0
        exact = ("%6.3f" % (s["exact"] / s["records"])
                 if name != "quote_reversed" and s["records"] else "     -")
        print("   %-16s %7d %7.3f %9.3f %s" % (name, s["records"], rec,
                                               prec, exact))
        if s["records"]:
            figures["recall, worst damage"] = min(
                figures["recall, worst damage"], rec)
    for name in kinds:
        for d in misses[name][:show]:
            print("   miss %-14s %s" % (name, d[:160]))
    for name in kinds + ["none"]:
        for d, r in alarms[name][:show]:
            print("   false %-13s %r -> %r (%s) in %s" % (
                name, r["original"], r["replacement"], r["detail"],
                d[:120]))
    if tot["records"] and tot["applied"] and tot["exact records"]:
        figures["recall"] = tot["found"] / tot["records"]
        figures["precision"] = tot["true"] / tot["applied"]
        figures["exact"] = tot["exact"] / tot["exact records"]
    return figures


def quote_split(binary, shared, tmp, seed, show):
    """Part 2b: a tokenizer's spaced quotes, in English (repaired) and in
    French (its own typography: left alone). Returns figures."""
    out = {}
    rng = random.Random(seed)
    for lang, rel in (("en", "wmt14-fr/newstest2014-fren-src.en.sgm"),
                      ("fr", "wmt14-fr/newstest2014-fren-ref.fr.sgm")):
        path = os.path.join(shared, rel)
        if not os.path.exists(path):
            continue
        lines = [x for x in read_lines(path) if x.count('"') == 2]
        base, _ = run(binary, lines, os.path.join(tmp, "q" + lang), False,
                      lang)
        lines = [x for n, x in enumerate(lines)
                 if not any(r["applied"] == "1" for r in base.get(n, []))]
        recs = []
        for n, x in enumerate(lines):
            got = inj_quote_split(rng, x, lang == "en")
            if got and (lang == "fr" or n % 2 == 0):
                recs.append((x, got[0]))
            elif lang == "en":
                recs.append((x, x))
        found, cleaned = run(binary, [r[1] for r in recs],
                             os.path.join(tmp, "q2" + lang), False, lang)
        dmg = [n for n, r in enumerate(recs) if r[0] != r[1]]
        ctl = [n for n, r in enumerate(recs) if r[0] == r[1]]
        if lang == "en":
            exact = sum(cleaned[n] == recs[n][0] for n in dmg)
            moved = sum(cleaned[n] != recs[n][0] for n in ctl)
            out["quote_split exact (en)"] = exact / max(1, len(dmg))
            out["quote_split controls changed (en)"] = moved
            print("   quote_split, en: %d damaged, exact %.3f; %d controls, "
                  "%d changed" % (len(dmg), exact / max(1, len(dmg)),
                                  len(ctl), moved))
            for n in dmg:
                if cleaned[n] != recs[n][0] and show:
                    show -= 1
                    print("     miss: %s" % cleaned[n][:150])
        else:
            kept = sum(cleaned[n] == recs[n][1] for n in dmg)
            out["quote_split kept (fr)"] = kept / max(1, len(dmg))
            print("   quote_split, fr (its typography): %d lines, %.3f left "
                  "as they are" % (len(dmg), kept / max(1, len(dmg))))
    return out


# Tokenizers' splits outside French: the damage each tokenizer makes, on
# human English (newstest2014's source) and German (WMT21's de-fr source).
CLITIC = r"(?<=\w)(['’])(s|re|ve|ll|d|m)\b"
SIGN = r"(?<=[^\W_]|[\"”)\]])([;:!?])(?=\s|$)"


def inj_clitic_moses(rng, s):
    """Moses' English rules: "it's" -> "it 's", "didn't" -> "didn 't"."""
    m = pick(rng, list(re.finditer(CLITIC, s)) +
             list(re.finditer(r"(?<=\wn)(['’])(t)\b", s)))
    return m and at(s, m.start(), m.start(), " ")


def inj_clitic_ptb(rng, s):
    """The Penn Treebank's: "didn't" -> "did n't", "can't" -> "ca n't"."""
    m = pick(rng, re.finditer(r"(?<=\w)n['’]t\b", s))
    return m and at(s, m.start(), m.start(), " ")


def inj_sign_split(rng, s):
    """Every tokenizer: "Hello!" -> "Hello !", "Note: the" -> "Note : the"."""
    m = pick(rng, re.finditer(SIGN, s))
    return m and at(s, m.start(), m.start(), " ")


def inj_moses_line(rng, s, clitics=True):
    """The whole line through Moses-like rules (English clitics, signs,
    commas, a sentence's last period, brackets and double quotes apart),
    where it has a clitic or a sign to split."""
    if (not (clitics and re.search(CLITIC, s)) and not re.search(SIGN, s)
            and not re.search(OPENING, s)):
        return None
    t = re.sub(OPENING, r"\1 ", s)
    if clitics:
        t = re.sub(CLITIC, r" \1\2", t)
        t = re.sub(r"(?<=\wn)(['’]t)\b", r" \1", t)
    t = re.sub(SIGN, r" \1", t)
    t = re.sub(r"(?<=[^\W_]),(?=\s)", " ,", t)
    t = re.sub(r"(?<=[^\W_])\.$", " .", t)
    t = re.sub(r"\((?=\S)", "( ", t)
    t = re.sub(r"(?<=\S)\)", " )", t)
    if t.count('"') == 2:
        got = inj_quote_split(rng, t)
        t = got[0] if got else t
    return (t, (0, blen(t))) if t != s else None


OPENING = r"([¿¡])(?=[^\W_])"


def inj_opening_split(rng, s):
    """Spanish: "¿Qué pasa?" -> "¿ Qué pasa?" (the opening sign apart)."""
    m = pick(rng, re.finditer(OPENING, s))
    return m and at(s, m.end(), m.end(), " ")


def valid_targets(path):
    """The target sentences of a ParaCrawl set that a person labelled V."""
    out = []
    with open(path, encoding="utf-8", errors="replace", newline="") as f:
        for row in f.read().split("\n"):
            cols = row.split("\t")
            if len(cols) > 7 and cols[7] == "V" and cols[3].strip():
                out.append(cols[3].replace("\r", " "))
    return out


def inj_moses_signs(rng, s):
    """inj_moses_line without clitics: Moses' rules for other languages."""
    return inj_moses_line(rng, s, clitics=False)


TOKENIZED = (("en", "wmt14-fr/newstest2014-fren-src.en.sgm",
              (inj_clitic_moses, inj_clitic_ptb, inj_sign_split,
               inj_moses_line)),
             ("de", "wmt21-de-fr/newstest2021.de-fr.src.de",
              (inj_sign_split, inj_moses_signs)),
             ("es", "paracrawl/paracrawl-v3-validation-data.en-es.tsv",
              (inj_opening_split, inj_sign_split, inj_moses_signs)))


def tokenized(binary, shared, tmp, seed, show):
    """Part 2c: clitics and signs a tokenizer split off their word, in
    languages that write them glued; every third line is a control."""
    out = {}
    rng = random.Random(seed)
    for lang, rel, kinds in TOKENIZED:
        path = os.path.join(shared, rel)
        if not os.path.exists(path):
            continue
        lines = (valid_targets(path) if path.endswith(".tsv")
                 else read_lines(path))
        base, _ = run(binary, lines, os.path.join(tmp, "t" + lang), False,
                      lang)
        lines = [x for n, x in enumerate(lines)
                 if not any(r["applied"] == "1" for r in base.get(n, []))]
        recs = []  # (kind, clean, damaged)
        turn = 0
        for n, x in enumerate(lines):
            if n % 3 == 0:
                recs.append(("control", x, x))
                continue
            turn += 1
            for k in range(len(kinds)):
                f = kinds[(turn + k) % len(kinds)]
                got = f(rng, x)
                if got:
                    recs.append((f.__name__[4:], x, got[0]))
                    break
        _, cleaned = run(binary, [r[2] for r in recs],
                         os.path.join(tmp, "t2" + lang), False, lang)
        tally = collections.defaultdict(collections.Counter)
        for n, (kind, clean, dmg) in enumerate(recs):
            tally[kind]["records"] += 1
            tally[kind]["exact"] += cleaned[n] == clean
            if cleaned[n] != clean and show and kind != "control":
                show -= 1
                print("     miss %s (%s): %s" % (kind, lang, cleaned[n][:150]))
            elif cleaned[n] != clean and kind == "control":
                print("     control changed (%s): %s" % (lang, dmg[:150]))
        for kind in sorted(tally):
            t = tally[kind]
            if kind == "control":
                out["tokenized controls changed (%s)" % lang] = (
                    t["records"] - t["exact"])
                print("   tokenized, %s: %d controls, %d changed"
                      % (lang, t["records"], t["records"] - t["exact"]))
            else:
                out["%s exact (%s)" % (kind, lang)] = t["exact"] / t["records"]
                print("   %-12s %s: %4d damaged, exact %.3f"
                      % (kind, lang, t["records"], t["exact"] / t["records"]))
    return out


# --- 3. real MT output ----------------------------------------------------

def mt(binary, shared, tmp, show):
    files = sorted(glob.glob(os.path.join(shared, "wmt21-de-fr",
                                          "*.hyp.*.fr")))
    if not files:
        return
    print("== WMT21 de-fr MT outputs: spacing findings applied (lines "
          "changed), spaced apostrophes \" ’ \" / \" ' \" before and after")
    for path in files:
        lines = read_lines(path)
        name = path.rsplit(".hyp.", 1)[1][:-3]
        findings, cleaned = run(binary, lines, os.path.join(tmp, name))
        details = collections.Counter()
        nlines = 0
        for rows in findings.values():
            sp = [r for r in rows if r["applied"] == "1" and
                  r["kind"] == "spacing"]
            nlines += bool(sp)
            details.update(r["detail"] for r in sp)
        spaced = re.compile(r"\w [’'`] ?\w|\w [’'`]\w")
        before = sum(len(spaced.findall(s)) for s in lines)
        after = sum(len(spaced.findall(s)) for s in cleaned)
        print("   %-10s %5d findings (%4d lines); spaced apostrophes "
              "%4d -> %4d" % (name, sum(details.values()), nlines, before,
                               after))
        for d, k in details.most_common(show):
            print("        %5d %s" % (k, d))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("relire")
    ap.add_argument("shared", nargs="?",
                    default=os.path.join(here, "..", "..", "..", "shared",
                                         "data"))
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--show", type=int, default=4)
    ap.add_argument("--only", choices=("good", "inject", "mt"))
    ap.add_argument("--check", action="store_true",
                    help="exit 1 when a figure passes its floor or ceiling")
    args = ap.parse_args()
    if not os.path.isdir(args.shared):
        relire_run.skip("%s is absent, nothing measured" % args.shared,
                        77 if args.check else 0)
    figures = {}
    with tempfile.TemporaryDirectory(prefix="relire-spacing-") as tmp:
        if args.only in (None, "good"):
            good(args.relire, args.shared, tmp, args.show)
        if args.only in (None, "inject"):
            figures = inject(args.relire, args.shared, tmp, args.seed,
                             args.show)
            figures.update(quote_split(args.relire, args.shared, tmp,
                                       args.seed, args.show))
            figures.update(tokenized(args.relire, args.shared, tmp,
                                     args.seed, args.show))
        if args.only in (None, "mt"):
            mt(args.relire, args.shared, tmp, args.show)
    if args.check:
        return relire_run.check_floors(figures, FLOORS, CEILINGS)
    return 0


if __name__ == "__main__":
    sys.exit(main())
