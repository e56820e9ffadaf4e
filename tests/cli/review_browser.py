"""Drive the review workbench of report.html in headless Chromium.

usage: review_browser.py REPORT_HTML DOWNLOAD_DIR

Opens the report from file://, approves the pending name variant Wichoff,
approves the reported-only char_repeat repair, rejects the first applied
glued_words repair, exports variants.csv and decisions.csv (a Blob
download into DOWNLOAD_DIR) and waits for both files. Prints what it did;
exits non-zero on the first problem. Run with Debian's /usr/bin/python3
(python3-selenium, chromium, chromium-driver).
"""
import os
import shutil
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select


def browser(download_dir):
    opts = webdriver.ChromeOptions()
    opts.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--window-size=1200,1600",
                "--disable-background-networking", "--no-first-run"):
        opts.add_argument(arg)
    opts.add_experimental_option("prefs", {
        "download.default_directory": download_dir,
        "download.prompt_for_download": False,
        "profile.default_content_setting_values.automatic_downloads": 1,
    })
    service = Service(shutil.which("chromedriver") or
                      "/usr/bin/chromedriver")
    drv = webdriver.Chrome(service=service, options=opts)
    drv.execute_cdp_cmd("Page.setDownloadBehavior",
                        {"behavior": "allow", "downloadPath": download_dir})
    return drv


def wait_file(path, timeout=30):
    end = time.time() + timeout
    while time.time() < end:
        if os.path.exists(path) and os.path.getsize(path) > 0:
            return
        time.sleep(0.1)
    raise SystemExit("no download %s after %d s" % (path, timeout))


def click(drv, css):
    els = drv.find_elements(By.CSS_SELECTOR, css)
    if not els:
        raise SystemExit("nothing matches %s" % css)
    els[0].click()
    return els[0]


def main():
    report, dl = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    os.makedirs(dl, exist_ok=True)
    drv = browser(dl)
    try:
        drv.get("file://" + report)
        lang = drv.find_element(By.TAG_NAME, "html").get_attribute("lang")
        print("lang", lang)
        errors = [e for e in drv.get_log("browser")
                  if e.get("level") == "SEVERE"]
        if errors:
            raise SystemExit("console errors: %s" % errors)
        click(drv, 'tr[data-variant="Wichoff"] button.approve')
        Select(drv.find_element(By.CSS_SELECTOR, "select.filter")) \
            .select_by_value("all")
        click(drv, 'tr[data-kind="char_repeat"] button.approve')
        row = click(drv, 'tr[data-kind="glued_words"] button.reject')
        pressed = row.get_attribute("aria-pressed")
        if pressed != "true":
            raise SystemExit("reject button not pressed: %s" % pressed)
        decided = drv.find_elements(By.CSS_SELECTOR,
                                    "tr.d-approved, tr.d-rejected")
        print("decided rows", len(decided))
        click(drv, "button.export-variants")
        wait_file(os.path.join(dl, "variants.csv"))
        click(drv, "button.export-decisions")
        wait_file(os.path.join(dl, "decisions.csv"))
        print("exported")
    finally:
        drv.quit()


if __name__ == "__main__":
    main()
