#!/usr/bin/env python3
"""check_layout.py - the include rules of src/README.md, checked.

usage: tests/check_layout.py [SOURCE_DIR]

Every module lives in one folder of src/ and includes the headers of
other modules by folder ("common/article.h"). A folder may include only
the folders the table FOLDER_MAY_INCLUDE gives it; inside detect/ and
repair/ a module includes only its own family (a detector never includes
another detector); a third-party library's headers are included only by
the modules of LIBRARY_DOORS. Exit 0 when every rule holds, 1 with one
line per broken rule.
"""

import os
import re
import sys

# Which folders each folder may include, its own always among them.
FOLDER_MAY_INCLUDE = {
    "common": {"common"},
    "repair": {"common", "repair"},
    "detect": {"common", "detect"},
    "corpus": {"common", "detect", "corpus"},
    "report": {"common", "corpus", "report"},
    "cli": {"common", "repair", "detect", "corpus", "report", "cli"},
}

# Families in detect/ and repair/: a module may include the headers of its
# own family only (plus repair/repair.h, the guard every repair shares).
FAMILIES = {
    "detect": {
        "repeat": {"repeat", "repeat_chars", "repeat_lines", "repeat_loops",
                   "repeat_phrases", "repeat_rules"},
        "spell": {"spell", "spellfix", "suggest"},
        "lang": {"lang", "lang_judge"},
        "boilerplate": {"boilerplate", "boilerplate_rules"},
        "residue": {"residue"},
        "truncated": {"truncated"},
        "stats": {"stats"},
    },
    "repair": {
        "repair": {"repair"},
        "decode": {"decode"},
        "normalize": {"normalize"},
        "controls": {"controls"},
        "entities": {"entities"},
        "escapes": {"escapes"},
        "lostchars": {"lostchars"},
        "markup": {"markup"},
        "confusable": {"confusable"},
        "spacing": {"spacing"},
        "glued": {"glued"},
        "mojibake": {"mojibake", "mojibake_pages", "mojibake_scan"},
        "typography": {"typography"},
    },
}
SHARED_IN_FOLDER = {"repair": {"repair"}}

# A library's headers (by include prefix) and the only modules that may
# include them: one door per library, and per ICU service.
LIBRARY_DOORS = {
    "unicode/": {
        "common/utf8.c",          # properties, case mapping, UTF-8
        "common/segment.c",       # word break iterator
        "repair/decode.c",        # charset detector, converters
        "repair/normalize.c",     # normalizer (NFC)
        "repair/controls.c",      # control and format character classes
        "repair/confusable.c",    # spoof checker, confusable skeletons
        "repair/mojibake.c",      # converters that undo double decoding
        "repair/mojibake_scan.h",  # the converters mojibake*.c share
        "corpus/namekey.c",       # transliterators
    },
    "hunspell": {"common/dict.c"},
    "csv.h": {"common/csvio.c"},
    "json-c/": {"common/jsonl.c"},
    "cld2/": {"common/lang_cld2.cc"},
    "xlsxwriter": {"report/report_xlsx.c"},
}

INCLUDE = re.compile(r'^\s*#\s*include\s+([<"])([^>"]+)[>"]', re.M)


def family_of(folder, stem):
    for name, members in FAMILIES.get(folder, {}).items():
        if stem in members:
            return name
    return None


def check_local(rel, folder, stem, target, problems):
    if "/" not in target:
        problems.append(f"{rel}: #include \"{target}\" is not qualified "
                        "by its folder")
        return
    tfolder, theader = target.split("/", 1)
    tstem = os.path.splitext(theader)[0]
    if tfolder not in FOLDER_MAY_INCLUDE:
        problems.append(f"{rel}: #include \"{target}\": no folder {tfolder}")
        return
    if tfolder not in FOLDER_MAY_INCLUDE[folder]:
        problems.append(f"{rel}: {folder}/ may not include {tfolder}/ "
                        f"(#include \"{target}\")")
        return
    if tfolder == folder and folder in FAMILIES:
        if tstem in SHARED_IN_FOLDER.get(folder, set()):
            return
        mine, theirs = family_of(folder, stem), family_of(folder, tstem)
        if mine is None or theirs is None or mine != theirs:
            problems.append(f"{rel}: the {mine} module includes another "
                            f"{folder} module (#include \"{target}\")")


def check_library(rel, target, problems):
    for prefix, doors in LIBRARY_DOORS.items():
        if target.startswith(prefix) and rel not in doors:
            problems.append(f"{rel}: <{target}> outside its door "
                            f"({', '.join(sorted(doors))})")


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else \
        os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    src = os.path.join(root, "src")
    problems = []
    for entry in sorted(os.listdir(src)):
        path = os.path.join(src, entry)
        if os.path.isfile(path) and entry != "README.md":
            problems.append(f"{entry}: a module outside every folder")
        elif os.path.isdir(path) and entry not in FOLDER_MAY_INCLUDE:
            problems.append(f"{entry}/: a folder the rules do not know")
    nfiles = 0
    for folder in sorted(FOLDER_MAY_INCLUDE):
        fdir = os.path.join(src, folder)
        for name in sorted(os.listdir(fdir)):
            if not re.search(r"\.(c|h|cc)$", name):
                continue
            nfiles += 1
            rel = f"{folder}/{name}"
            stem = os.path.splitext(name)[0]
            if folder in FAMILIES and family_of(folder, stem) is None:
                problems.append(f"{rel}: in no family of {folder}/ "
                                "(tests/check_layout.py)")
            with open(os.path.join(fdir, name), encoding="utf-8") as f:
                text = f.read()
            for kind, target in INCLUDE.findall(text):
                if kind == '"':
                    check_local(rel, folder, stem, target, problems)
                else:
                    check_library(rel, target, problems)
    for p in problems:
        print(p)
    print(f"check_layout: {nfiles} files, {len(problems)} broken rules")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
