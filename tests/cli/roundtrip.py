#!/usr/bin/env python3
"""Check relire's "no silent change" contract on a finished run.

For every article of OUT/quality.csv with status ok, apply the applied rows
of OUT/findings.csv, in order, to the original text and compare the result
with the cleaned text relire wrote (OUT/clean/<id>, or line N of
OUT/clean.txt with --per-line). Also checks that applied spans do not
overlap and that the `original` column matches the original bytes.

usage: roundtrip.py OUT INPUT... [--per-line]
INPUT is what was given to `relire audit` (files or directories).
Prints one line per failure and a summary; exit 1 on any failure.
"""
import csv
import os
import sys

NEUTRAL_START = ("=", "+", "-", "@", "\t", "\r", "'")


def unneutralize(field):
    """Undo relire's spreadsheet-safety prefix (docs/formats.md)."""
    if len(field) >= 2 and field[0] == "'" and field[1] in NEUTRAL_START:
        return field[1:]
    return field


def escape_invalid(data):
    """The `original` column writes ill-formed UTF-8 bytes as \\xHH."""
    out, i = [], 0
    while i < len(data):
        for n in (4, 3, 2, 1):
            chunk = data[i:i + n]
            try:
                out.append(chunk.decode("utf-8"))
                i += n
                break
            except UnicodeDecodeError:
                continue
        else:
            out.append("\\x%02X" % data[i])
            i += 1
    return "".join(out)


def collect_originals(inputs):
    originals = {}
    for root in inputs:
        if root == "-":
            continue
        if os.path.isdir(root):
            for d, _, files in os.walk(root):
                for f in files:
                    if f.endswith(".txt"):
                        p = os.path.join(d, f)
                        originals[os.path.relpath(p, root)] = p
        else:
            originals[root] = root
    return originals


def decoded_text(path, findings):
    data = open(path, "rb").read()
    for f in findings:
        if f["kind"] == "encoding" and f["start"] == f["end"] == "0":
            charset = f["detail"].split("decoded from ", 1)[1].split(" ")[0]
            charset = {"UTF-16": "utf-16"}.get(charset, charset)
            return data.decode(charset).encode("utf-8")
    return data


def apply(original, findings):
    out, pos = bytearray(), 0
    for f in findings:
        if f["applied"] != "1":
            continue
        s, e = int(f["start"]), int(f["end"])
        if s < pos:
            raise ValueError("applied findings overlap at %d" % s)
        out += original[pos:s]
        out += unneutralize(f["replacement"]).encode("utf-8")
        pos = e
    out += original[pos:]
    return bytes(out)


def main(argv):
    per_line = "--per-line" in argv
    args = [a for a in argv[1:] if a != "--per-line"]
    out_dir, inputs = args[0], args[1:]
    originals = collect_originals(inputs)
    by_article = {}
    with open(os.path.join(out_dir, "findings.csv"), newline="",
              encoding="utf-8") as fp:
        for row in csv.DictReader(fp):
            by_article.setdefault(unneutralize(row["article"]), []).append(row)
    clean_lines = None
    if per_line:
        with open(os.path.join(out_dir, "clean.txt"), "rb") as fp:
            clean_lines = fp.read().split(b"\n")
    failures = checked = 0
    record = 0
    file_lines = {}
    with open(os.path.join(out_dir, "quality.csv"), newline="",
              encoding="utf-8") as fp:
        for row in csv.DictReader(fp):
            aid = unneutralize(row["article"])
            if row["status"] != "ok":
                record += 1  # its line in clean.txt is left empty
                continue
            findings = by_article.get(aid, [])
            if per_line:
                path, lineno = aid.rsplit(":", 1)
                if path not in file_lines:
                    data = open(originals[path], "rb").read()
                    lines = data.split(b"\n")
                    if lines and lines[-1] == b"":
                        lines.pop()
                    file_lines[path] = [l[:-1] if l.endswith(b"\r") else l
                                        for l in lines]
                original = file_lines[path][int(lineno) - 1]
                clean = clean_lines[record]
                record += 1
            else:
                if aid not in originals:
                    continue
                original = decoded_text(originals[aid], findings)
                safe = "/".join("__" if c == ".." else c
                                for c in aid.split("/") if c not in ("", "."))
                clean = open(os.path.join(out_dir, "clean", safe), "rb").read()
            checked += 1
            try:
                rebuilt = apply(original, findings)
            except ValueError as e:
                print("FAIL %s: %s" % (aid, e))
                failures += 1
                continue
            if rebuilt != clean:
                print("FAIL %s: findings do not reproduce the cleaned text"
                      % aid)
                failures += 1
            for f in findings:
                s, e = int(f["start"]), int(f["end"])
                if unneutralize(f["original"]) != escape_invalid(original[s:e]):
                    print("FAIL %s: original column differs at %d" % (aid, s))
                    failures += 1
                    break
    print("roundtrip: %d articles checked, %d failures" % (checked, failures))
    return 1 if failures or not checked else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
