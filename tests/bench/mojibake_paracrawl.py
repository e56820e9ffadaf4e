#!/usr/bin/env python3
"""Measure the mojibake repair on real scraped French: ParaCrawl's targets.

Runs `relire audit --per-line` on the French side of the ParaCrawl human
evaluation sets (../shared/data/paracrawl/*en-fr*.tsv, column `trg`) and
reads findings.csv. A line "has mojibake" by an independent, deliberately
simple test (the signatures "Ã" or "Â" followed by a Windows-1252 symbol,
a NBSP or a space, and "â€"; and the lead of a two-byte sequence read
through Windows-1251, Windows-1250, MacRoman or a DOS or KOI8-R code
page followed by a continuation byte read through the same charset, "Г©",
"Ă©", "√©", "├®"), which a reader checks on the printed samples.

Reported, per set and in total:
  - lines with mojibake, and how many got at least one applied `mojibake`
    repair, and how many no longer show a signature once the applied
    mojibake repairs (only those) are replayed on the line;
  - lines without mojibake that an applied `mojibake` repair changed
    (false positives), with every such line printed;
  - the `control_char` and `confusable` repairs applied, for orientation.

Extra files (one segment per line, e.g. WMT references) can be given with
--clean FILE to count false positives on text known to be clean.

Usage: tests/bench/mojibake_paracrawl.py [--relire BIN] [--data DIR]
                                         [--samples N] [--clean FILE]...
Prints figures; never fails on them. Exits 0 with a message when the data
is absent.
"""
import argparse
import csv
import os
import re
import sys
import tempfile

import relire_run

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

# Characters Windows-1252 writes for the bytes 0x80-0xBF (UTF-8
# continuation bytes), plus the C1 controls Latin-1 writes for 0x80-0x9F.
CONT = (bytes(range(0x80, 0xC0)).decode("cp1252", errors="ignore")
        + "".join(chr(c) for c in range(0x80, 0xA0)))
def _page_signature(page):
    """Lead (0xC2-0xC5) then continuation byte, both read through page."""
    leads = bytes(range(0xC2, 0xC6)).decode(page, errors="ignore")
    conts = bytes(range(0x80, 0xC0)).decode(page, errors="ignore")
    return "[" + re.escape(leads) + "][" + re.escape(conts) + "]"


SIGNATURE = re.compile("|".join(
    ["[ÃÂ][" + re.escape(CONT) + " ]", "â€"] +
    [_page_signature(p) for p in ("cp1251", "cp1250", "mac_roman", "cp850",
                                  "cp437", "cp866", "koi8_r")]))


def default_binary():
    for d in ("build", "build-chars"):
        p = os.path.join(ROOT, d, "relire")
        if os.path.exists(p):
            return p
    return os.path.join(ROOT, "build", "relire")


def read_targets(path):
    """French segments of a ParaCrawl TSV (column 4, `trg`)."""
    out = []
    with open(path, encoding="utf-8", errors="replace", newline="") as f:
        for row in f.read().split("\n"):
            if not row:
                continue
            cols = row.split("\t")
            out.append(cols[3] if len(cols) > 3 else "")
    return out


def run_relire(binary, lines, workdir, name):
    src = os.path.join(workdir, name + ".txt")
    with open(src, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(l.replace("\r", " ") for l in lines) + "\n")
    out = os.path.join(workdir, name + ".out")
    relire_run.run([binary, "audit", "--per-line", "-q", "-j", "2",
                    "-o", out, src])
    findings = {}
    with open(os.path.join(out, "findings.csv"), encoding="utf-8",
              newline="") as f:
        for r in csv.DictReader(f):
            line = int(r["article"].rsplit(":", 1)[1])
            findings.setdefault(line, []).append(r)
    return findings


def replay(text, fs, kind):
    """The line with only the applied findings of kind replayed."""
    data = text.encode("utf-8")
    edits = sorted((int(r["start"]), int(r["end"]), r["replacement"])
                   for r in fs if r["kind"] == kind and r["applied"] == "1")
    out, pos = b"", 0
    for s, e, repl in edits:
        if s < pos:
            continue
        out += data[pos:s] + repl.encode("utf-8")
        pos = e
    return (out + data[pos:]).decode("utf-8", errors="replace")


def measure(name, lines, findings, nsamples):
    st = dict(moji=0, touched=0, clean_after=0, fp=0, ctl=0, conf=0,
              unapplied=0, superseded=0)
    fixed, missed, fps = [], [], []
    for i, text in enumerate(lines, 1):
        fs = findings.get(i, [])
        applied = [r for r in fs
                   if r["kind"] == "mojibake" and r["applied"] == "1"]
        st["unapplied"] += sum(1 for r in fs if r["kind"] == "mojibake"
                               and r["applied"] == "0")
        st["ctl"] += sum(1 for r in fs if r["kind"] == "control_char"
                         and r["applied"] == "1")
        st["conf"] += sum(1 for r in fs if r["kind"] == "confusable"
                          and r["applied"] == "1")
        after = replay(text, fs, "mojibake")
        # Repairs unapplied only because a later stage rewrites their text
        # (a boilerplate line deleted, a name respelled) are found, not missed.
        superseded = [r for r in fs if r["kind"] == "mojibake"
                      and "inside a later repair" in r["detail"]]
        if SIGNATURE.search(text):
            st["moji"] += 1
            if applied:
                st["touched"] += 1
            if superseded and not applied:
                st["superseded"] += 1
            elif not SIGNATURE.search(after):
                st["clean_after"] += 1
                fixed.append((i, text, after))
            else:
                missed.append((i, text, after))
        elif applied:
            st["fp"] += 1
            fps.append((i, text, after))
    print(f"== {name}: {len(lines)} lines")
    print(f"  lines with mojibake:            {st['moji']}")
    print(f"  ... with an applied repair:     {st['touched']}")
    print(f"  ... without a signature after:  {st['clean_after']}")
    print(f"  lines without mojibake changed: {st['fp']} (false positives)")
    print(f"  ... found, but the line is deleted by a later stage: "
          f"{st['superseded']}")
    print(f"  mojibake findings not applied:  {st['unapplied']}")
    print(f"  control_char / confusable repairs applied: "
          f"{st['ctl']} / {st['conf']}")
    for title, rows, n in (("repaired", fixed, nsamples),
                           ("still showing a signature", missed, nsamples),
                           ("false positives", fps, len(fps))):
        if not rows or not n:
            continue
        print(f"  -- {title} (showing {min(n, len(rows))} of {len(rows)})")
        for i, before, after in rows[:n]:
            print(f"  {name}:{i}")
            print(f"    before: {before[:160]}")
            print(f"    after:  {after[:160]}")
    return st


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--relire", default=default_binary())
    ap.add_argument("--data", default=os.path.join(
        ROOT, "..", "shared", "data", "paracrawl"))
    ap.add_argument("--samples", type=int, default=5)
    ap.add_argument("--clean", action="append", default=[])
    args = ap.parse_args()

    sets = sorted(f for f in (os.listdir(args.data)
                              if os.path.isdir(args.data) else [])
                  if "en-fr" in f and f.endswith(".tsv"))
    if not sets:
        print(f"skipped: no ParaCrawl en-fr data in {args.data}")
        return 0
    if not os.access(args.relire, os.X_OK):
        print(f"skipped: no relire binary at {args.relire} (--relire)")
        return 0
    total = {}
    with tempfile.TemporaryDirectory() as tmp:
        inputs = [(s, read_targets(os.path.join(args.data, s)))
                  for s in sets]
        for path in args.clean:
            with open(path, encoding="utf-8", errors="replace") as f:
                inputs.append((os.path.basename(path),
                               f.read().splitlines()))
        for k, (name, lines) in enumerate(inputs):
            findings = run_relire(args.relire, lines, tmp, f"set{k}")
            st = measure(name, lines, findings, args.samples)
            for key, v in st.items():
                total[key] = total.get(key, 0) + v
    print("== total")
    print(f"  mojibake lines repaired: {total['clean_after']} of "
          f"{total['moji']} ({total['touched']} touched, "
          f"{total['superseded']} deleted by a later stage); "
          f"false positives: {total['fp']} lines")
    return 0


if __name__ == "__main__":
    sys.exit(main())
