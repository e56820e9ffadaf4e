#!/usr/bin/env python3
"""score_fit.py - fit the weights and the curve of relire's score to people.

The score (docs/scoring.md, src/common/score.h) is

    density = 100 * sum_k weight_k * count_k / max(words, min_words)
    score   = 100 / (1 + (density / half) ^ steepness)

with foreign_language counted by the share of the text it covers. This
script fits weight_k, half, steepness and min_words to human labels and
writes them as the weights file relire reads (dictionaries/score-weights.tsv
by default, --score-weights FILE otherwise).

How (all of it in this file, Python standard library only):

1. relire audit --per-line runs once on the text of every labelled set; the
   fit sees only quality.csv's per-kind counts, the word count and the share
   of the text foreign_language covers (never the words of a row).
2. Weights: a logistic regression of "good" against the per-kind densities,
   P(good) = 1 / (1 + exp(sum_k w_k * density_k - a)), with every w_k >= 0
   (so that adding a finding never raises the score), each set weighing the
   same and, inside a set, the good and the bad rows weighing the same. It
   is solved by cyclic coordinate Newton steps projected on w_k >= 0. Each
   weight is pulled towards its current value (the prior, scaled to the
   fit) with a strength chosen by leaving out each training language in
   turn; the weights are then divided by misspelling's (the unit). A kind
   with findings in fewer than --min-support rows, and the kinds in KEPT,
   keep their current weight: these labels cannot judge them.
3. min_words: the current value, unless another of MIN_WORDS gains
   MIN_WORDS_GAIN mean AUC on the training sets.
4. The curve: among the training rows with a finding, a logistic regression
   of "good" on log(density) (same balancing), whose form is the score's:
   half is the density at which good and bad rows are equally likely,
   steepness the slope. --steepness S keeps the steepness and fits half
   only (the labelled sentences are short: they fix the curve at the
   densities of one finding in a sentence, not at those of clean articles).
5. Cross-validation: the same fit on all sets but one language, measured on
   that language (ROC AUC of good against bad), and the same across
   releases. These held-out figures are what to expect on new text. It
   also prints the grades of the newstest2014 French articles under the
   current and the fitted weights, and the in-sample ceiling of any score
   of the per-kind counts.

Input: by default the ParaCrawl human evaluations (../shared/data/paracrawl/:
V is good; L (wrong language) and T (broken text) are bad; the other labels
judge the translation and are left out). A newsroom refits on its own labels
with --labels FILE... : each FILE is one set, a TSV of LANG, LABEL and TEXT
per line, LABEL "good" or "bad"; the language groups the folds.

    tests/bench/score_fit.py [--relire BUILD/relire] [--data DIR]
        [--labels FILE...] [--weights FILE] [--steepness S]
        [--cache FILE] [--write FILE]

The shipped file: tests/bench/score_fit.py --steepness 1.5 --write
dictionaries/score-weights.tsv (with the hand-set weights of
docs/scoring.md as --weights).

--cache FILE keeps the collected rows (JSON) so that a second run does not
run relire again; --write FILE writes the fitted weights file.
Skips (exit 0, message) when there is no data.
"""

import argparse
import json
import math
import os
import re
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import score_paracrawl as sp  # noqa: E402

DEFAULT_WEIGHTS = os.path.join(ROOT, "dictionaries", "score-weights.tsv")
MIN_WORDS = (1, 2, 3, 5, 7, 10, 15, 20)
UNIT = "misspelling"
# Kinds the labels do not judge. ParaCrawl calls navigation lines ("Zurück
# zur Übersicht") valid sentences, so it cannot weigh scraper residue in an
# article; typography and name_variant record choices, not defects.
KEPT = {"boilerplate", "typography", "name_variant"}
CURVE = ("min_words", "half", "steepness")
# Strengths of the pull of each fitted weight towards its current value
# (the prior); chosen per fit by the inner cross-validation.
L2S = (0.0, 0.3, 3.0, 30.0, 300.0)
MIN_WORDS_GAIN = 0.005  # mean AUC another min_words must gain


# ---------------------------------------------------------------- input

def read_weights(path):
    """{name: value} of a weights file (the format relire reads)."""
    vals = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            vals[cols[0]] = float(cols[1])
    return vals


def paracrawl_sets(data):
    """[(name, lang, release, [(good, text)])] of the ParaCrawl files."""
    sets = []
    for name in sorted(os.listdir(data)):
        m = re.match(r"paracrawl-(v\d+)-.*\.en-(\w\w)\.tsv$", name)
        if not m or m.group(1) not in sp.LAYOUTS:
            continue
        rows = sp.read_tsv(os.path.join(data, name), sp.LAYOUTS[m.group(1)])
        sets.append((name, m.group(2), m.group(1),
                     [(lab in sp.POSITIVE if lab in sp.POSITIVE | sp.NEGATIVE
                       else None, trg) for trg, _, lab in rows]))
    return sets


def label_sets(paths):
    """The same from a newsroom's TSV files (LANG, LABEL, TEXT)."""
    sets = []
    for path in paths:
        rows, lang = [], None
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                cols = line.rstrip("\n").split("\t", 2)
                if len(cols) != 3 or cols[1] not in ("good", "bad"):
                    sys.exit("score_fit: %s:%d: want LANG<TAB>good|bad<TAB>"
                             "TEXT" % (path, n))
                if lang and cols[0] != lang:
                    sys.exit("score_fit: %s:%d: one language per file"
                             % (path, n))
                lang = cols[0]
                rows.append((cols[1] == "good", cols[2]))
        name = os.path.basename(path)
        sets.append((name, lang, name, rows))
    return sets


def collect(relire, sets):
    """Run relire once per set; keep the judged rows' per-kind counts."""
    out = []
    for name, lang, release, rows in sets:
        with tempfile.TemporaryDirectory() as tmp:
            kinds, by_line = sp.run_relire(
                relire, [(text, 0.0, "") for _, text in rows], lang, tmp)
        items = []
        for i, (good, text) in enumerate(rows, 1):
            if good is not None and i in by_line:
                _, words, counts, share = by_line[i]
                items.append({"good": good, "words": words,
                              "counts": counts, "share": share,
                              "text": text})
        out.append({"name": name, "lang": lang, "release": release,
                    "kinds": kinds, "items": items})
    return out


def collect_news(relire, data):
    """Per-kind counts of the 176 human-written French articles of
    newstest2014 (one per <doc>), to see what the curve makes of clean
    professional news. [] when the file is absent."""
    sgm = os.path.join(data, "..", "wmt14-fr", "newstest2014-fren-ref.fr.sgm")
    if not os.path.exists(sgm):
        return []
    docs = []
    with open(sgm, encoding="utf-8") as f:
        for line in f:
            if line.startswith("<doc "):
                docs.append([])
            m = re.match(r"<seg[^>]*>(.*)</seg>", line)
            if m and docs:
                docs[-1].append(m.group(1))
    items = []
    with tempfile.TemporaryDirectory() as tmp:
        indir, out = os.path.join(tmp, "in"), os.path.join(tmp, "out")
        os.mkdir(indir)
        sizes = {}
        for i, segs in enumerate(docs):
            text = "\n".join(segs) + "\n"
            with open(os.path.join(indir, "%03d.txt" % i), "w",
                      encoding="utf-8") as f:
                f.write(text)
            sizes["%03d.txt" % i] = len(text.encode("utf-8"))
        sp.relire_run.run([relire, "audit", "--quiet", "--suggest-budget",
                           "0", "-o", out, indir],
                          stdout=sp.subprocess.DEVNULL)
        covered = {}
        with open(os.path.join(out, "findings.csv"), encoding="utf-8",
                  newline="") as f:
            for rec in sp.csv.DictReader(f):
                if rec["kind"] == "foreign_language":
                    covered[rec["article"]] = covered.get(
                        rec["article"], 0) + int(rec["end"]) - \
                        int(rec["start"])
        with open(os.path.join(out, "quality.csv"), encoding="utf-8",
                  newline="") as f:
            reader = sp.csv.reader(f)
            head = next(reader)
            last = head.index("findings_dropped")
            for rec in reader:
                if rec[1] != "ok":
                    continue
                name = os.path.basename(rec[0])
                items.append({"words": int(rec[3]),
                              "counts": [int(x) for x in
                                         rec[sp.CSV_FIRST_KIND:last]],
                              "share": min(1.0, covered.get(rec[0], 0) /
                                           max(sizes.get(name, 1), 1))})
    return items


def news_report(news, kinds, models):
    """Median score and grades of the news articles under each model."""
    if not news:
        print("\nhuman news: skipped, newstest2014 not found")
        return
    print("\nhuman news (newstest2014 fr, %d articles):" % len(news))
    for name, model in models:
        scores = sorted(score_of(model, it, kinds) for it in news)
        grades = [sp_grade(v) for v in scores]
        print("  %-8s median %.1f, grades %s" % (
            name, scores[len(scores) // 2],
            " ".join("%s %d" % (g, grades.count(g)) for g in "ABCDF")))


def sp_grade(v):
    return "A" if v >= 90 else "B" if v >= 75 else "C" if v >= 60 else \
        "D" if v >= 40 else "F"


# ---------------------------------------------------------------- model

def densities(item, kinds, min_words):
    """Sparse {kind index: density} of one row, as src/common/score.c counts."""
    n = max(item["words"], min_words)
    x = {}
    for k, c in enumerate(item["counts"]):
        if kinds[k] == "foreign_language":
            if item["share"]:
                x[k] = 100.0 * item["share"]
        elif c:
            x[k] = 100.0 * c / n
    return x


def density(weights, item, kinds, min_words):
    return sum(weights[kinds[k]] * v
               for k, v in densities(item, kinds, min_words).items())


def design(sets, kinds, min_words, tied, free):
    """Rows (features, good, balance weight), one list per set, with the
    tied kinds folded into the unit's column at their current ratio."""
    unit = kinds.index(UNIT)
    groups = []
    for st in sets:
        rows = []
        groups.append(rows)
        npos = sum(1 for it in st["items"] if it["good"])
        nneg = len(st["items"]) - npos
        if not npos or not nneg:
            continue
        for it in st["items"]:
            x = {}
            for k, v in densities(it, kinds, min_words).items():
                if k in free:
                    x[k] = x.get(k, 0.0) + v
                elif tied.get(kinds[k], 0.0) > 0:
                    x[unit] = x.get(unit, 0.0) + tied[kinds[k]] * v
            rows.append((x, it["good"],
                         0.5 / npos if it["good"] else 0.5 / nneg))
    return groups


def sigmoid(z):
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def logloss(z, y):
    """-log P(y) for logit z, stable for large |z|."""
    m = -z if y else z
    return m + math.log1p(math.exp(-m)) if m > 0 else math.log1p(math.exp(m))


def fit_logistic(rows, ncols, l2=1e-4, prior=None, cycles=300):
    """P(good) = sigmoid(a - sum_k w_k x_k), w_k >= 0, with the penalty
    l2 / 2 * sum_k (w_k - prior_k)^2 (prior 0 when None): cyclic coordinate
    Newton steps, each projected on w_k >= 0 and halved until the loss does
    not grow. Returns (a, w)."""
    prior = prior or [0.0] * ncols
    w = list(prior)
    a = 0.0
    z = [-sum(w[k] * v for k, v in x.items()) for x, _, _ in rows]
    by_col = [[] for _ in range(ncols)]
    for i, (x, _, _) in enumerate(rows):
        for k, v in x.items():
            by_col[k].append((i, v))
    all_rows = [(i, 1.0) for i in range(len(rows))]

    def loss(idx, sign, step, k, val):
        pen = 0.0 if k < 0 else l2 * (val - prior[k]) ** 2 / 2
        return pen + sum(rows[i][2] * logloss(z[i] + sign * step * v,
                                              rows[i][1]) for i, v in idx)

    for _ in range(cycles):
        moved = 0.0
        for k in [-1] + [k for k in range(ncols) if by_col[k]]:
            idx = all_rows if k < 0 else by_col[k]
            sign = 1.0 if k < 0 else -1.0  # dz/da = 1, dz/dw_k = -x
            cur = a if k < 0 else w[k]
            g = 0.0 if k < 0 else l2 * (cur - prior[k])
            h = 0.0 if k < 0 else l2
            for i, v in idx:
                p = sigmoid(z[i])
                g += rows[i][2] * (p - (1.0 if rows[i][1] else 0.0)) * \
                    sign * v
                h += rows[i][2] * p * (1 - p) * v * v
            if h <= 0:
                continue
            new = cur - g / h
            if k >= 0:
                new = max(0.0, new)
            before = loss(idx, sign, 0.0, k, cur)
            for _ in range(30):
                if loss(idx, sign, new - cur, k, new) <= before + 1e-15:
                    break
                new = (cur + new) / 2
            else:
                continue
            for i, v in idx:
                z[i] += sign * (new - cur) * v
            if k < 0:
                a = new
            else:
                w[k] = new
            moved = max(moved, abs(new - cur) / (abs(cur) + 1e-3))
        if moved < 1e-6:
            break
    return a, w


def fit_curve(sets, weights, kinds, min_words, steepness=None):
    """half and steepness: the logistic regression of good on log(density)
    among the rows with a finding (each set and class weighing the same),
    P(good) = 1 / (1 + (density / half) ^ steepness). With steepness given,
    only half is fitted."""
    rows = []
    for st in sets:
        pts = [(math.log(d), it["good"]) for it in st["items"]
               for d in [density(weights, it, kinds, min_words)] if d > 0]
        npos = sum(1 for _, y in pts if y)
        nneg = len(pts) - npos
        if npos and nneg:
            rows += [(t, y, 0.5 / npos if y else 0.5 / nneg)
                     for t, y in pts]
    def loss(b, sl):
        return sum(wt * logloss(b - sl * t, y) for t, y, wt in rows)

    b0, s = 0.0, steepness or 1.0  # logit = b0 - s * t
    cur = loss(b0, s)
    if steepness:  # one convex parameter: Newton from the mean log density
        b0 = s * sum(t * wt for t, _, wt in rows) / sum(wt for *_, wt in rows)
        for _ in range(100):
            g = sum(wt * (sigmoid(b0 - s * t) - (1.0 if y else 0.0))
                    for t, y, wt in rows)
            h = sum(wt * sigmoid(b0 - s * t) * (1 - sigmoid(b0 - s * t))
                    for t, y, wt in rows)
            if h <= 0:
                break
            b0 -= max(-1.0, min(1.0, g / h))
            if abs(g / h) < 1e-12:
                break
        return math.exp(b0 / s), s
    for _ in range(100):
        g0 = gs = h00 = h0s = hss = 0.0
        for t, y, wt in rows:
            p = sigmoid(b0 - s * t)
            e = wt * (p - (1.0 if y else 0.0))
            q = wt * p * (1 - p)
            g0 += e
            gs -= e * t
            h00 += q
            h0s -= q * t
            hss += q * t * t
        det = h00 * hss - h0s * h0s
        if det <= 0:
            break
        d0 = (hss * g0 - h0s * gs) / det
        ds = (h00 * gs - h0s * g0) / det
        step = 1.0
        while step > 1e-6:  # damped Newton: never a step that loses
            new = loss(b0 - step * d0, s - step * ds)
            if new <= cur:
                break
            step /= 2
        else:
            break
        b0, s, cur = b0 - step * d0, s - step * ds, new
        if step * (abs(d0) + abs(ds)) < 1e-9:
            break
    return math.exp(b0 / s), s


def fit_weights(sets, kinds, current, free, l2, min_words):
    """Weights (misspelling units) fitted at one min_words and one l2: first
    the scale of the current weights alone (the prior), then every free
    kind, pulled towards its current weight by l2."""
    unit = kinds.index(UNIT)
    tied = {kinds[k]: current[kinds[k]] / current[UNIT]
            for k in range(len(kinds)) if k not in free}
    groups = design(sets, kinds, min_words, tied, free)
    rows = [r for g in groups for r in g]
    ratio = [current[kinds[k]] / current[UNIT] if k in free else 0.0
             for k in range(len(kinds))]
    one = [({0: sum(ratio[k] * v for k, v in x.items())}, y, wt)
           for x, y, wt in rows]
    _, (scale,) = fit_logistic(one, 1)
    prior = [scale * ratio[k] for k in range(len(kinds))]
    _, w = fit_logistic(rows, len(kinds), l2=l2, prior=prior)
    if w[unit] <= 0:
        return None
    return {kinds[k]: (w[k] / w[unit] if k in free else tied[kinds[k]])
            for k in range(len(kinds))}


def inner_folds(sets):
    langs = sorted({st["lang"] for st in sets})
    return [([st for st in sets if st["lang"] != lang],
             [st for st in sets if st["lang"] == lang])
            for lang in langs] if len(langs) > 1 else []


def choose_l2(sets, kinds, current, free, min_words):
    """The prior's strength with the best mean AUC on each language of the
    training sets left out in turn (nested: the outer held-out sets are
    never looked at)."""
    best = None
    folds_in = inner_folds(sets)
    if not folds_in:
        return L2S[len(L2S) // 2]
    for l2 in L2S:
        aucs = []
        for train, test in folds_in:
            w = fit_weights(train, kinds, current, free, l2, min_words)
            if w is None:
                continue
            aucs += [set_auc(st, dict(w, min_words=min_words), kinds)
                     for st in test]
        a = sum(aucs) / len(aucs) if aucs else 0.0
        if best is None or a > best[0] + 1e-4:
            best = (a, l2)
    return best[1]


def fit(sets, kinds, current, min_support, steepness=None):
    """Fitted {name: value} (weights in misspelling units and the curve),
    the kinds fitted, and the mean training AUC."""
    support = [sum(1 for st in sets for it in st["items"]
                   if it["counts"][k] or
                   (kinds[k] == "foreign_language" and it["share"]))
               for k in range(len(kinds))]
    unit = kinds.index(UNIT)
    free = {k for k in range(len(kinds)) if k == unit or
            (support[k] >= min_support and kinds[k] not in KEPT)}
    # min_words: the current one unless another is clearly better (the
    # AUC hardly depends on it: within 0.001 from 1 to 20 words).
    base = int(current["min_words"])
    l2 = choose_l2(sets, kinds, current, free, base)
    tried = {}
    for mw in sorted(set(MIN_WORDS) | {base}):
        weights = fit_weights(sets, kinds, current, free, l2, mw)
        if weights is not None:
            tried[mw] = (mean_auc(sets, weights, kinds, mw), mw, weights)
    top = max(tried.values(), key=lambda t: t[0])
    a, mw, weights = tried[base] if base in tried and \
        top[0] <= tried[base][0] + MIN_WORDS_GAIN else top
    half, steep = fit_curve(sets, weights, kinds, mw, steepness)
    model = dict(weights)
    model.update(min_words=mw, half=half, steepness=steep, l2=l2)
    return model, {kinds[k] for k in free}, a


# ----------------------------------------------------------- measuring

def set_auc(st, model, kinds):
    mw = model["min_words"]
    key = [(-density(model, it, kinds, mw), it["good"]) for it in st["items"]]
    return sp.auc([k for k, g in key if g], [k for k, g in key if not g])


def mean_auc(sets, weights, kinds, min_words):
    model = dict(weights)
    model["min_words"] = min_words
    return sum(set_auc(st, model, kinds) for st in sets) / len(sets)


def score_of(model, item, kinds):
    d = density(model, item, kinds, model["min_words"])
    return 100.0 / (1.0 + (d / model["half"]) ** model["steepness"])


def folds(sets):
    """(name, train, test): leave one language out, then one release."""
    out = []
    for lang in sorted({st["lang"] for st in sets}):
        test = [st for st in sets if st["lang"] == lang]
        train = [st for st in sets if st["lang"] != lang]
        if train:
            out.append(("language %s" % lang, train, test))
    releases = sorted({st["release"] for st in sets})
    if 1 < len(releases) < len(sets):  # else one set per release
        for rel in releases:
            test = [st for st in sets if st["release"] == rel]
            train = [st for st in sets if st["release"] != rel]
            out.append(("release %s" % rel, train, test))
    return out


def cross_validate(sets, kinds, current, min_support, steepness):
    print("\ncross-validation: fitted without the held-out sets, AUC on them"
          " (current weights beside)")
    print("  %-14s %-42s %7s %7s" % ("fold", "held-out set", "current",
                                      "fitted"))
    lang_held = {}
    for name, train, test in folds(sets):
        model, _, _ = fit(train, kinds, current, min_support, steepness)
        for st in test:
            a = set_auc(st, model, kinds)
            c = set_auc(st, current, kinds)
            if name.startswith("language"):
                lang_held[st["name"]] = (c, a)
            print("  %-14s %-42s %7.3f %7.3f   (min_words %d, half %.2f, "
                  "steepness %.2f, prior %g)" % (
                      name, st["name"], c, a, model["min_words"],
                      model["half"], model["steepness"], model["l2"]))
    if lang_held:
        cur = sum(c for c, _ in lang_held.values()) / len(lang_held)
        fitted = sum(a for _, a in lang_held.values()) / len(lang_held)
        print("  mean over the held-out-language sets: current %.3f, "
              "fitted %.3f" % (cur, fitted))


def ceiling(sets, kinds):
    """In-sample AUC of the best possible ranking by capped per-kind counts
    alone (each distinct count vector ranked by its own share of good rows
    in the set): no weighting of these counts can do better on the set."""
    print("\nceiling of any score of the per-kind counts (in-sample, counts "
          "capped at 3):")
    for st in sets:
        cells = {}
        for it in st["items"]:
            key = tuple(min(c, 3) for c in it["counts"]) + \
                (round(it["share"], 1),)
            cell = cells.setdefault(key, [0, 0])
            cell[1 if it["good"] else 0] += 1
        def p(it):
            c = cells[tuple(min(c, 3) for c in it["counts"]) +
                      (round(it["share"], 1),)]
            return c[1] / (c[0] + c[1])
        print("  %-42s %.3f" % (st["name"], sp.auc(
            [p(it) for it in st["items"] if it["good"]],
            [p(it) for it in st["items"] if not it["good"]])))


# ------------------------------------------------------------- output

def fmt(v):
    return ("%.3f" % v).rstrip("0").rstrip(".") if v else "0"


def write_weights(path, model, kinds, fitted, sets, train_auc, fixed):
    stamp = time.strftime("%Y-%m-%d", time.gmtime())
    with open(path, "w", encoding="utf-8") as f:
        f.write(
            "# score-weights.tsv - the weights and the curve of relire's "
            "quality score\n"
            "# (docs/scoring.md). relire reads this file by default; "
            "--score-weights FILE\n"
            "# reads another one in the same format.\n"
            "#\n"
            "# Produced by tests/bench/score_fit.py%s --write\n"
            "# on %s: a logistic regression, with non-negative weights, "
            "of the human\n"
            "# labels of %d sets (good against bad, text side only) on "
            "the per-kind\n"
            "# densities of relire's findings, each weight pulled towards "
            "its previous\n"
            "# value with the strength (%g) that the cross-validation "
            "across languages\n"
            "# chose. Mean AUC on these sets %.3f; the held-out figures "
            "are in\n"
            "# docs/scoring.md. Sets:\n"
            % (" --steepness %g" % fixed if fixed else "", stamp, len(sets),
               model["l2"], train_auc))
        for st in sets:
            f.write("#   %s\n" % st["name"])
        f.write(
            "# \"fitted\" values come from the labels; \"kept\" ones were "
            "set by hand,\n"
            "# because these labels do not judge the kind (too few "
            "findings, or labels\n"
            "# that call it valid text).\n"
            "#\n"
            "# Format: NAME<TAB>VALUE[<TAB>NOTE]; '#' starts a comment "
            "line. NAME is a\n"
            "# finding kind (its weight, in misspellings, >= 0) or one of "
            "min_words (an\n"
            "# integer >= 1), half and steepness (> 0). Every kind and "
            "every curve\n"
            "# parameter must be given, once.\n")
        for name in CURVE:
            v = model[name]
            note = "kept (--steepness)" if name == "steepness" and fixed \
                else "fitted"
            f.write("%s\t%s\t%s\n" % (
                name, "%d" % v if name == "min_words" else "%.2f" % v, note))
        for k in kinds:
            f.write("%s\t%s\t%s\n" % (k, fmt(model[k]),
                                       "fitted" if k in fitted else "kept"))
    print("\nwrote %s" % path)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--relire", help="path to the relire binary")
    ap.add_argument("--data", default=os.path.join(
        ROOT, "..", "shared", "data", "paracrawl"))
    ap.add_argument("--labels", nargs="+", metavar="FILE",
                    help="own labelled sets instead of ParaCrawl")
    ap.add_argument("--weights", default=DEFAULT_WEIGHTS,
                    help="current weights (compared, and the kept ones)")
    ap.add_argument("--min-support", type=int, default=40)
    ap.add_argument("--steepness", type=float,
                    help="keep the curve's steepness at this value and fit "
                    "only half (the labels fix the curve where their "
                    "densities are; see docs/scoring.md)")
    ap.add_argument("--cache", help="JSON file of collected rows")
    ap.add_argument("--write", help="write the fitted weights file here")
    args = ap.parse_args()

    if args.cache and os.path.exists(args.cache):
        with open(args.cache, encoding="utf-8") as f:
            cached = json.load(f)
        sets, news = cached["sets"], cached["news"]
    else:
        if args.labels:
            raw = label_sets(args.labels)
        elif os.path.isdir(args.data):
            raw = paracrawl_sets(args.data)
        else:
            print("score_fit: skipped: no ParaCrawl data in %s" % args.data)
            return 0
        if not raw:
            print("score_fit: skipped: no labelled sets")
            return 0
        relire = sp.find_relire(args.relire)
        sets = collect(relire, raw)
        news = collect_news(relire, args.data)
        if args.cache:
            with open(args.cache, "w", encoding="utf-8") as f:
                json.dump({"sets": sets, "news": news}, f)
    kinds = sets[0]["kinds"]
    current = read_weights(args.weights)
    for st in sets:
        npos = sum(1 for it in st["items"] if it["good"])
        print("%-42s %4s good %5d bad %5d" % (st["name"], st["lang"], npos,
                                              len(st["items"]) - npos))

    model, fitted, train_auc = fit(sets, kinds, current, args.min_support,
                                   args.steepness)
    print("\nfitted on all sets: min_words %d, half %.2f, steepness %.2f "
          "(prior strength %g)" % (model["min_words"], model["half"],
                                   model["steepness"], model["l2"]))
    print("  %-17s %8s %8s" % ("kind", "current", "fitted"))
    for k in kinds:
        print("  %-17s %8s %8s %s" % (k, fmt(current[k]), fmt(model[k]),
                                      "" if k in fitted else "(kept)"))
    print("  AUC per set (current, fitted):")
    for st in sets:
        print("    %-42s %.3f %.3f" % (st["name"], set_auc(st, current, kinds),
                                      set_auc(st, model, kinds)))
    news_report(news, kinds, [("current", current), ("fitted", model)])
    if args.steepness:
        free, _, _ = fit(sets, kinds, current, args.min_support)
        print("\nwith the steepness fitted too: half %.2f, steepness %.2f"
              % (free["half"], free["steepness"]))
        news_report(news, kinds, [("fitted", free)])
    cross_validate(sets, kinds, current, args.min_support, args.steepness)
    ceiling(sets, kinds)
    if args.write:
        write_weights(args.write, model, kinds, fitted, sets, train_auc,
                      args.steepness)
    return 0


if __name__ == "__main__":
    sys.exit(main())
