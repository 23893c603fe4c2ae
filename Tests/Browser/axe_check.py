"""axe-core's WCAG 2.2 AA rules in Debian's chromium, on brev's HTML.

    python3 axe_check.py files FILE.html...         each file as the browser opens it
    python3 axe_check.py service BASE_URL TOKEN     brev serve's pages: log-in, the letter form
                                                    (with its live errors, then with the error
                                                    summary after "Tjek sagen"), the journal

Prints one line per violation (page, rule id, impact, CSS target; never page text) and a last
line with the number of pages and violations; exits 1 when there is any violation.
"""
import os
import sys

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

import brevbrowser

mode = sys.argv[1] if len(sys.argv) > 1 else ""
if mode not in ("files", "service"):
    raise SystemExit(__doc__)

source = brevbrowser.axe_source()
driver = brevbrowser.chromium()
violations = 0
pages = 0
version = "?"


def check(label, iframes=True):
    global violations, pages, version
    version, found = brevbrowser.run_axe(driver, source, iframes=iframes)
    pages += 1
    for rule, impact, target in found:
        print(f"axe: {label}: {rule} ({impact}) {target}", flush=True)
    violations += len(found)


try:
    if mode == "files":
        for path in sys.argv[2:]:
            driver.get("file://" + os.path.abspath(path))
            check(os.path.basename(path))
    else:
        base, token = sys.argv[2:4]
        brevbrowser.wait_for_health(base, "axe")
        wait = WebDriverWait(driver, 30)
        driver.get(base + "/login")
        check("/login")
        driver.find_element(By.ID, "token").send_keys(token)
        driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
        wait.until(lambda d: "/breve/ny" in d.current_url)
        # The form's preview frame is sandboxed (no scripts), so axe cannot enter it; the letter's
        # HTML is checked on its own (`files`).
        driver.get(base + "/breve/ny?kommune=183&brevtype=AFSLAG")
        wait.until(lambda d: d.find_element(By.ID, "status").text.strip() != "")
        check("/breve/ny (live errors)", iframes=False)
        driver.find_element(By.CSS_SELECTOR, "button[value=tjek]").click()
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, ".fejlopsummering"))
        wait.until(lambda d: d.find_element(By.ID, "status").text.strip() != "")
        check("/breve/ny (error summary)", iframes=False)
        driver.get(base + "/journal")
        check("/journal")
finally:
    driver.quit()

print(f"axe: axe-core {version}, tags {','.join(brevbrowser.WCAG_TAGS)}: {pages} pages, {violations} violations", flush=True)
sys.exit(1 if violations else 0)
