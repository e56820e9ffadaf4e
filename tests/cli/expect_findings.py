#!/usr/bin/env python3
"""Assert expected findings in a relire run.

usage: expect_findings.py OUT EXPECTED.tsv

EXPECTED.tsv rows (tab-separated, '#' comments):
  must|never  ARTICLE_SUFFIX  KIND  ORIGINAL  APPLIED  [REPLACEMENT]
A `must` row needs at least one finding of KIND in an article whose id ends
with ARTICLE_SUFFIX, whose original text equals ORIGINAL (after \\n and \\t
unescaping; '*' matches anything), with applied equal to APPLIED ('*' for
either) and, when given, the replacement. A `never` row must match none.
"""
import csv
import sys

NEUTRAL_START = ("=", "+", "-", "@", "\t", "\r", "'")


def unneutralize(field):
    if len(field) >= 2 and field[0] == "'" and field[1] in NEUTRAL_START:
        return field[1:]
    return field


def unescape(s):
    return s.replace("\\n", "\n").replace("\\t", "\t")


def matches(row, suffix, kind, original, applied, replacement):
    if suffix != "*" and not unneutralize(row["article"]).endswith(suffix):
        return False
    if kind != "*" and row["kind"] != kind:
        return False
    if original != "*" and unneutralize(row["original"]) != unescape(original):
        return False
    if applied != "*" and row["applied"] != applied:
        return False
    if replacement is not None and \
            unneutralize(row["replacement"]) != unescape(replacement):
        return False
    return True


def main(out_dir, expected):
    with open(out_dir + "/findings.csv", newline="", encoding="utf-8") as fp:
        rows = list(csv.DictReader(fp))
    failures = checks = 0
    for line in open(expected, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        f = line.split("\t")
        mode, suffix, kind, original, applied = f[:5]
        replacement = f[5] if len(f) > 5 else None
        n = sum(matches(r, suffix, kind, original, applied, replacement)
                for r in rows)
        checks += 1
        if (mode == "must" and n == 0) or (mode == "never" and n > 0):
            failures += 1
            print("FAIL %s: %s" % (mode, line))
    print("%d passed, %d failed" % (checks - failures, failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
