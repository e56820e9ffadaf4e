#!/usr/bin/env python3
"""names_pairs.py - the name variants table on real news: what it changes
in clean human articles, and which held-out spellings of one person it
links.

(a) Clean text. relire audits the 176 human-written articles of
    newstest2014 (one file per <doc>) and the WMT21 human French texts
    (German->French reference, French source of French->German; one
    article per line). Every applied name_variant finding is a change to
    correct text; those that alter more than accents and case are listed
    one by one. The target is none.

(b) Held-out pairs. Russian names are taken from the Cyrillic keys of the
    Wikidata clusters (../shared/data/names/), leaving out every name the
    seed table (dictionaries/fr/names-seed.csv) knows. Each is written
    three ways from the same Cyrillic: the French press form
    (dictionaries/translit/ru-fr.txt), the English BGN/PCGN form (ICU's
    Russian-Latin/BGN through uconv, without the prime and the diaeresis,
    as English agencies print it) and the German Duden form
    (dictionaries/translit/ru-de.txt). A person (Russian given name and
    surname) replaces a person of a real newstest2014 article, written
    the French way in one article and the English or German way in
    another, so that the clues around the name are real news. Look-alike
    different people are added to the same batch: a woman of the same
    surname (Petrova beside Petrov, another given name), a man whose
    surname is the patronymic (Popovitch beside Popov), and a person whose
    surname is a Russian city that also appears as a place (Kursk the man,
    Koursk the city).

    For each same-person pair: proposed (the table puts both spellings in
    one cluster, any status) and applied (the text is changed). For each
    look-alike pair: a wrong link when the table puts them in one cluster.

With --check (the ctest bench.names_pairs), exits 1 when a figure passes
its floor or ceiling (FLOORS, CEILINGS).

Usage: names_pairs.py RELIRE_BINARY [SHARED_DATA_DIR] [--show N] [--check]
Needs uconv (icu-devtools). Exits 0 with a message when the data is absent
(with --check 77, or 1 under RELIRE_STRICT, also without uconv); 1 when
relire fails.
"""
import argparse
import csv
import html
import os
import random
import re
import subprocess
import sys
import tempfile
import unicodedata

import relire_run

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "..")
TRANSLIT = os.path.join(ROOT, "dictionaries", "translit")
SEED = os.path.join(ROOT, "dictionaries", "fr", "names-seed.csv")
HUNSPELL_DIC = "/usr/share/hunspell/fr_FR.dic"
APPLIES = ("auto", "seed", "approved", "locked")

# Russian cities (Cyrillic) for the person-and-place look-alikes: test
# data of this script, not a list relire uses.
CITIES = ("курск", "омск", "томск", "пермь", "казань", "самара", "саратов",
          "смоленск", "мурманск", "иркутск", "воронеж", "новгород",
          "волгоград", "астрахань")

SURNAME = re.compile(r"(ов|ев|ёв|ский|цкий|ской|енко|кин|шин|зин|ьин|ин)$")
GIVEN = re.compile(r"(ий|ей|ан|ор|им|ег|он|ил|ис|ат|ав|ир|ем|ар)$")


def fold(s):
    nfd = unicodedata.normalize("NFD", s.lower())
    return "".join(c for c in nfd if not unicodedata.combining(c))


# ---- transliteration -------------------------------------------------------

class Translit:
    def __init__(self):
        self.rules = {}
        for name in ("fr", "de"):
            with open(os.path.join(TRANSLIT, f"ru-{name}.txt"),
                      encoding="utf-8") as f:
                self.rules[name] = f.read()
        self.cache = {}

    def _uconv(self, rules, word):
        out = subprocess.run(["uconv", "-x", rules], input=word + " ",
                             capture_output=True, text=True, check=True)
        return out.stdout.strip()

    def form(self, word, style):
        """word (lower-case Cyrillic) in style fr, en or de, capitalized."""
        k = (word, style)
        if k not in self.cache:
            if style == "en":
                s = self._uconv("Russian-Latin/BGN", word)
                s = s.replace("\u02b9", "").replace("\u02ba", "")
                s = s.replace("ë", "e")
            else:
                s = self._uconv(self.rules[style], word)
            self.cache[k] = s[:1].upper() + s[1:]
        return self.cache[k]


# ---- data ------------------------------------------------------------------

def read_docs(sgm):
    with open(sgm, encoding="utf-8") as f:
        text = f.read()
    docs = []
    for docid, body in re.findall(r'<doc[^>]*docid="([^"]+)"[^>]*>(.*?)</doc>',
                                  text, re.S):
        segs = [html.unescape(s) for s in
                re.findall(r"<seg[^>]*>(.*?)</seg>", body)]
        docs.append((docid, "\n".join(segs) + "\n"))
    return docs


def dictionary_classes():
    prn, npr = set(), set()
    if not os.path.exists(HUNSPELL_DIC):
        return prn, npr
    with open(HUNSPELL_DIC, encoding="utf-8") as f:
        for line in f:
            w = line.split("/")[0].split()[0] if line.strip() else ""
            if "po:prn" in line:
                prn.add(w)
            elif "po:npr" in line:
                npr.add(w)
    return prn, npr


def seed_forms():
    forms = set()
    with open(SEED, encoding="utf-8") as f:
        rows = csv.reader(line for line in f if not line.startswith("#"))
        for row in rows:
            if row and row[0] != "variant":
                forms.add(fold(row[0]))
                forms.add(fold(row[1]))
    return forms


def cyrillic_names(path, tr, seed, known):
    """Russian surnames and given names of the clusters absent from the
    seed table in every style; surnames none of whose forms is a first
    name or place of the French dictionary (Мартин, Карин: Martine and
    Martin are two names there, not one person's spellings)."""
    surnames, given, female = [], [], []
    with open(path, encoding="utf-8") as f:
        next(f)
        for line in f:
            cyr = line.split("\t")[0]
            if not re.fullmatch(r"[а-яё]{4,}", cyr) or re.search(
                    r"(ович|евич|овна|евна|ич)$", cyr):
                continue
            if any(fold(tr.form(cyr, s)) in seed for s in ("fr", "en", "de")):
                continue
            if SURNAME.search(cyr):
                if not any(tr.form(cyr, s) in known
                           for s in ("fr", "en", "de")):
                    surnames.append(cyr)
            elif GIVEN.search(cyr):
                given.append(cyr)
            elif cyr.endswith(("а", "я")):
                female.append(cyr)
    return surnames, given, female


def feminine(s):
    for m, w in (("ский", "ская"), ("цкий", "цкая"), ("ской", "ская"),
                 ("ов", "ова"), ("ев", "ева"), ("ёв", "ёва"), ("ин", "ина")):
        if s.endswith(m):
            return s[: -len(m)] + w
    return None


def patronymic(s):
    for m, w in (("ов", "ович"), ("ев", "евич")):
        if s.endswith(m):
            return s[: -len(m)] + w
    return None


def hosts(docs, prn):
    """Articles with a person "Given Surname" whose surname recurs."""
    out = []
    for docid, text in docs:
        for g, s in re.findall(r"(?<![\w-])([A-Z][a-zéèï]+) "
                               r"([A-Z][a-zéèëï]+)(?![\w-])", text):
            if g in prn and s not in prn and \
                    len(re.findall(r"\b" + s + r"\b", text)) >= 2:
                out.append((docid, text, g, s))
                break
    return out


def place_hosts(docs, npr):
    out = []
    for docid, text in docs:
        places = sorted(w for w in set(re.findall(r"\b[A-Z][a-zé]+\b", text))
                        if w in npr)
        if places:
            out.append((docid, text, places[0]))
    return out


def put_person(text, old_g, old_s, g, s):
    def word(w):
        return r"(?<![\w-])" + w + r"(?![\w-])"
    text = re.sub(word(old_g + " " + old_s), g + " " + s, text)
    text = re.sub(word(old_s), s, text)
    return re.sub(word(old_g), g, text)


def put_place(text, old, new):
    return re.sub(r"\b" + old + r"\b", new, text)


# ---- runs ------------------------------------------------------------------

# Floors and ceilings of --check. Measured: 93.5% of the same-person pairs
# proposed, 87.1% applied; no wrong link among 327 look-alike pairs; one
# change beyond accents on the clean news.
FLOORS = {"same-person proposed": 0.88, "same-person applied": 0.80}
CEILINGS = {"look-alike wrong links": 3, "clean changes beyond accents": 3}


def audit(binary, src, out, per_line=False):
    cmd = [binary, "audit", "-q", "--csv-raw", "--out", out]
    if per_line:
        cmd.append("--per-line")
    relire_run.run(cmd + [src], stdout=subprocess.PIPE)


def read_csv(path):
    with open(path, encoding="utf-8") as f:
        return list(csv.DictReader(f))


def clean_changes(binary, shared, tmp, show):
    print("(a) applied name changes on clean human news")
    sources = []
    sgm = os.path.join(shared, "wmt14-fr", "newstest2014-fren-ref.fr.sgm")
    if os.path.exists(sgm):
        d = os.path.join(tmp, "wmt14")
        os.makedirs(d)
        for docid, text in read_docs(sgm):
            with open(os.path.join(d, docid + ".txt"), "w",
                      encoding="utf-8") as f:
                f.write(text)
        sources.append(("newstest2014 (176 articles)", d, False))
    for label, rel in (("wmt21 de-fr ref.A (per line)",
                        "wmt21-de-fr/newstest2021.de-fr.ref.A.fr"),
                       ("wmt21 fr-de src.fr (per line)",
                        "wmt21-fr-de/newstest2021.fr-de.src.fr")):
        if os.path.exists(os.path.join(shared, rel)):
            sources.append((label, os.path.join(shared, rel), True))
    total = 0
    for i, (label, src, per_line) in enumerate(sources):
        out = os.path.join(tmp, f"clean{i}")
        audit(binary, src, out, per_line)
        rows = [r for r in read_csv(os.path.join(out, "findings.csv"))
                if r["kind"] == "name_variant"]
        applied = [r for r in rows if r["applied"] == "1"]
        letters = [r for r in applied
                   if fold(r["original"]) != fold(r["replacement"])]
        pending = len(rows) - len(applied)
        total += len(letters)
        print(f"  {label:<32} applied {len(applied):4d} "
              f"(letters changed {len(letters)}, accents only "
              f"{len(applied) - len(letters)}), pending {pending}")
        for r in letters[:show]:
            print(f"    {r['article']}: {r['original']} -> "
                  f"{r['replacement']}  [{r['detail']}]")
    print(f"  TOTAL applied changes beyond accents: {total}")
    return total


class Batch:
    def __init__(self):
        self.docs = {}
        self.same = []   # (kind, a, b)
        self.diff = []   # (kind, a, b)


def build_batches(docs, tr, names, prn, npr, per_batch, rng, seed):
    surnames, given, female = names
    ph = hosts(docs, prn)
    pl = place_hosts(docs, npr)
    rng.shuffle(surnames)
    batches = []
    styles = ("en", "de")
    k = 0
    while k < len(surnames):
        b = Batch()
        pool = ph[:]
        rng.shuffle(pool)
        for _ in range(per_batch):
            if k >= len(surnames) or len(pool) < 4:
                break
            s = surnames[k]
            g = given[k % len(given)]
            other = styles[k % 2]
            k += 1
            h1, h2 = pool.pop(), pool.pop()
            fr_g, fr_s = tr.form(g, "fr"), tr.form(s, "fr")
            xx_g, xx_s = tr.form(g, other), tr.form(s, other)
            b.docs[f"p{k}fr-{h1[0]}"] = put_person(h1[1], h1[2], h1[3],
                                                   fr_g, fr_s)
            b.docs[f"p{k}{other}-{h2[0]}"] = put_person(h2[1], h2[2], h2[3],
                                                        xx_g, xx_s)
            if fold(fr_s) != fold(xx_s):
                b.same.append((f"surname fr/{other}", fr_s, xx_s))
            if fold(fr_g) != fold(xx_g):
                b.same.append((f"given fr/{other}", fr_g, xx_g))
            fem = feminine(s)
            if fem and female and pool:
                h = pool.pop()
                w = female[k % len(female)]
                fs = tr.form(fem, other)
                b.docs[f"p{k}fem-{h[0]}"] = put_person(
                    h[1], h[2], h[3], tr.form(w, other), fs)
                b.diff.append(("feminine", fr_s, fs))
                b.diff.append(("feminine", xx_s, fs))
            pat = patronymic(s)
            if pat and pool:
                h = pool.pop()
                g2 = given[(k + 7) % len(given)]
                ps = tr.form(pat, "fr")
                b.docs[f"p{k}pat-{h[0]}"] = put_person(
                    h[1], h[2], h[3], tr.form(g2, "fr"), ps)
                b.diff.append(("patronymic", fr_s, ps))
                b.diff.append(("patronymic", xx_s, ps))
        batches.append(b)
    # Persons named like a city, beside the city.
    b = Batch()
    pool = ph[:]
    rng.shuffle(pool)
    places = pl[:]
    rng.shuffle(places)
    for i, city in enumerate(CITIES):
        if len(pool) < 1 or not places:
            break
        fr_city = tr.form(city, "fr")
        person = tr.form(city, styles[i % 2])
        if fr_city not in npr or fold(person) == fold(fr_city) or \
                fold(person) in seed:
            continue
        h, p = pool.pop(), places.pop()
        g = given[i % len(given)]
        b.docs[f"c{i}person-{h[0]}"] = put_person(h[1], h[2], h[3],
                                                  tr.form(g, "fr"), person)
        b.docs[f"c{i}place-{p[0]}"] = put_place(p[1], p[2], fr_city)
        b.diff.append(("person/place", person, fr_city))
    batches.append(b)
    return batches


def table_of(path):
    t = {}
    for r in read_csv(path):
        t[r["variant"].lower()] = (r["canonical"].lower(), r["status"])
    return t


def linked(t, a, b):
    """(proposed, applied) for spellings a and b in table t."""
    ra, rb = t.get(a.lower()), t.get(b.lower())
    if not ra or not rb or ra[0] != rb[0]:
        return False, False
    canon = ra[0]
    ok = all(x.lower() == canon or r[1] in APPLIES
             for x, r in ((a, ra), (b, rb)))
    return True, ok


def held_out(binary, shared, tmp, show, per_batch, check=False):
    """Part (b); returns the figures by name (FLOORS' and CEILINGS')."""
    print("(b) held-out same-person pairs and look-alikes")
    if not subprocess.run(["which", "uconv"], capture_output=True).stdout:
        if check:
            relire_run.skip("uconv not found (Debian package icu-devtools)")
        print("  skipped: uconv not found (icu-devtools)")
        return {}
    tsv = os.path.join(shared, "names", "wikidata-ru-latin-clusters.tsv")
    sgm = os.path.join(shared, "wmt14-fr", "newstest2014-fren-ref.fr.sgm")
    tr = Translit()
    prn, npr = dictionary_classes()
    names = cyrillic_names(tsv, tr, seed_forms(), prn | npr)
    rng = random.Random(15)
    batches = build_batches(read_docs(sgm), tr, names, prn, npr, per_batch,
                            rng, seed_forms())
    stats = {}
    misses, wrong = [], []
    for i, b in enumerate(batches):
        src = os.path.join(tmp, f"batch{i}")
        os.makedirs(src)
        for name, text in b.docs.items():
            with open(os.path.join(src, name + ".txt"), "w",
                      encoding="utf-8") as f:
                f.write(text)
        out = os.path.join(tmp, f"batch{i}.out")
        audit(binary, src, out)
        t = table_of(os.path.join(out, "variants.csv"))
        for kind, x, y in b.same:
            p, a = linked(t, x, y)
            s = stats.setdefault(kind, [0, 0, 0])
            s[0] += 1
            s[1] += p
            s[2] += a
            if not p:
                misses.append(f"{kind}: {x} / {y}")
        for kind, x, y in b.diff:
            p, a = linked(t, x, y)
            s = stats.setdefault("LOOK-ALIKE " + kind, [0, 0, 0])
            s[0] += 1
            s[1] += p
            s[2] += a
            if p:
                wrong.append(f"{kind}: {x} / {y}" + (" APPLIED" if a else ""))
    tot = [0, 0, 0]
    figures = {"look-alike wrong links": len(wrong)}
    for kind in sorted(stats):
        n, p, a = stats[kind]
        if not kind.startswith("LOOK"):
            tot = [tot[0] + n, tot[1] + p, tot[2] + a]
            print(f"  {kind:<26} pairs {n:4d}  proposed {p / n:6.1%}  "
                  f"applied {a / n:6.1%}")
    if tot[0]:
        print(f"  {'ALL same-person pairs':<26} pairs {tot[0]:4d}  "
              f"proposed {tot[1] / tot[0]:6.1%}  applied {tot[2] / tot[0]:6.1%}")
        figures["same-person proposed"] = tot[1] / tot[0]
        figures["same-person applied"] = tot[2] / tot[0]
    for kind in sorted(stats):
        n, p, a = stats[kind]
        if kind.startswith("LOOK"):
            print(f"  {kind:<26} pairs {n:4d}  wrong links {p:3d} "
                  f"(applied {a})")
    for m in misses[:show]:
        print("    not proposed: " + m)
    for w in wrong[:show]:
        print("    WRONG LINK: " + w)
    return figures


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("shared", nargs="?",
                    default=os.path.join(ROOT, "..", "shared", "data"))
    ap.add_argument("--show", type=int, default=40)
    ap.add_argument("--per-batch", type=int, default=10)
    ap.add_argument("--keep", help="write the batches and reports here")
    ap.add_argument("--only-pairs", action="store_true",
                    help="skip part (a)")
    ap.add_argument("--check", action="store_true",
                    help="exit 1 when a figure passes its floor or ceiling")
    args = ap.parse_args()
    if not os.path.exists(os.path.join(args.shared, "wmt14-fr")):
        relire_run.skip(f"no data in {args.shared}", 77 if args.check else 0)
    figures = {}
    with tempfile.TemporaryDirectory() as tmp:
        if args.keep:
            tmp = args.keep
            os.makedirs(tmp)
        if not args.only_pairs:
            figures["clean changes beyond accents"] = clean_changes(
                args.binary, args.shared, tmp, args.show)
        figures.update(held_out(args.binary, args.shared, tmp, args.show,
                                args.per_batch, args.check))
    if args.check:
        return relire_run.check_floors(figures, FLOORS, CEILINGS)
    return 0


if __name__ == "__main__":
    sys.exit(main())
