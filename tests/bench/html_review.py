#!/usr/bin/python3
"""How report.html behaves on a large batch: size and time to first render.

usage: html_review.py RELIRE [BASELINE_RELIRE] [--articles N] [--runs R]

Builds N articles (default 10,000) from real text in ../shared/data: each
article is two consecutive lines of human French news (bench/fr-news.txt)
and one line of real machine translation (the WMT21/WMT22 German->French
system outputs, round robin), so the batch has repairs to review and name
variants. Runs relire on them (and the baseline binary, when given, on the
same batch), then opens OUT/report.html and OUT/html/page-0001.html in
headless Chromium through Selenium and reports, as the median of R loads:
the time to DOMContentLoaded, to the load event (the review is rendered by
then) and to the first contentful paint, the review rows in the DOM, and
the time to show the next 50 repairs. A benchmark, not a test: it prints
figures and never fails on them. Run with Debian's /usr/bin/python3
(python3-selenium, chromium, chromium-driver).
"""
import argparse
import glob
import os
import shutil
import statistics
import sys
import tempfile
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

import relire_run

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.join(HERE, "..", "..", "..", "shared", "data")


def build_batch(dest, n):
    news = open(os.path.join(SHARED, "bench", "fr-news.txt"),
                encoding="utf-8").read().splitlines()
    mt = []
    for path in sorted(glob.glob(os.path.join(SHARED, "wmt2[12]-de-fr",
                                              "*.hyp.*.fr"))):
        mt.append(open(path, encoding="utf-8").read().splitlines())
    os.makedirs(dest)
    for i in range(n):
        a, b = news[(2 * i) % len(news)], news[(2 * i + 1) % len(news)]
        sys_lines = mt[i % len(mt)]
        c = sys_lines[(i // len(mt)) % len(sys_lines)]
        with open(os.path.join(dest, "a%05d.txt" % i), "w",
                  encoding="utf-8") as f:
            f.write("%s\n%s\n%s\n" % (a, c, b))


def run_relire(binary, inp, out):
    env = dict(os.environ,
               RELIRE_DATA_DIR=os.path.join(HERE, "..", "..",
                                            "dictionaries"))
    t = time.time()
    relire_run.run([binary, "audit", "-q", "-j2", "--suggest-budget", "0",
                    "--out", out, inp], env=env)
    return time.time() - t


def sizes(out):
    index = os.path.getsize(os.path.join(out, "report.html"))
    pages = glob.glob(os.path.join(out, "html", "page-*.html"))
    return index, len(pages), sum(os.path.getsize(p) for p in pages)


def browser():
    opts = webdriver.ChromeOptions()
    opts.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--window-size=1200,1600"):
        opts.add_argument(arg)
    return webdriver.Chrome(service=Service(shutil.which("chromedriver")),
                            options=opts)


NAV = """
var n = performance.getEntriesByType('navigation')[0];
var p = performance.getEntriesByName('first-contentful-paint')[0];
return [n.domContentLoadedEventEnd, n.loadEventEnd, p ? p.startTime : -1,
        document.querySelectorAll('tr').length];
"""


def measure(drv, url, runs):
    got = []
    for _ in range(runs):
        drv.get("about:blank")
        drv.get(url)
        got.append(drv.execute_script(NAV))
    med = [statistics.median(g[k] for g in got) for k in range(3)]
    return med, got[-1][3]


def next_page_ms(drv):
    btn = drv.find_elements(By.CSS_SELECTOR, "button.next")
    if not btn:
        return None
    return drv.execute_script("""
        var t = performance.now();
        document.querySelector('select.filter').value = 'all';
        document.querySelector('select.filter')
            .dispatchEvent(new Event('change'));
        document.querySelector('button.next').click();
        return performance.now() - t;""")


def report(label, binary, inp, tmp, runs, drv):
    out = os.path.join(tmp, label)
    secs = run_relire(binary, inp, out)
    index, npages, pages = sizes(out)
    print("%s: relire %.1f s; report.html %.2f MB, %d pages %.1f MB"
          % (label, secs, index / 1e6, npages, pages / 1e6))
    for name in ("report.html", "html/page-0001.html"):
        (dcl, load, fcp), rows = measure(drv, "file://" +
                                         os.path.join(out, name), runs)
        print("  %-20s DOMContentLoaded %6.0f ms  load %6.0f ms  "
              "first paint %6.0f ms  <tr> %d" % (name, dcl, load, fcp, rows))
        if name == "report.html":
            ms = next_page_ms(drv)
            if ms is not None:
                print("  %-20s filter 'all' + next 50 repairs: %.0f ms"
                      % ("", ms))
                print("  %-20s %s" % ("", drv.execute_script(
                    "return document.querySelector('.range')"
                    ".textContent")))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("relire")
    ap.add_argument("baseline", nargs="?")
    ap.add_argument("--articles", type=int, default=10000)
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    if not os.path.isdir(SHARED):
        print("SKIP: %s not found" % SHARED)
        return
    tmp = tempfile.mkdtemp(prefix="relire-html-bench.")
    try:
        inp = os.path.join(tmp, "in")
        build_batch(inp, a.articles)
        print("%d articles, %.1f MB of text" % (a.articles, sum(
            os.path.getsize(p) for p in glob.glob(inp + "/*")) / 1e6))
        drv = browser()
        try:
            if a.baseline:
                report("baseline", a.baseline, inp, tmp, a.runs, drv)
            report("relire", a.relire, inp, tmp, a.runs, drv)
        finally:
            drv.quit()
    finally:
        shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
