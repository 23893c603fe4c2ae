"""The caseworker's way through brev serve in a real browser (Debian's chromium, headless).

Run by Tests/BrevServerTests/BrowserTests.swift against a brev serve it started:
    python3 caseworker_flow.py BASE_URL TOKEN CASE_JSON DOWNLOAD_DIR
Logs in with the token, fills the form from the case, types a wrong CPR number and waits for the
error at the field, fixes it, waits for the preview to change and downloads the PDF into
DOWNLOAD_DIR. Prints one line per step; exits non-zero at the first step that fails.
"""
import json
import os
import sys
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

base, token, case_path, downloads = sys.argv[1:5]
case = json.load(open(case_path, encoding="utf-8"))

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import brevbrowser  # noqa: E402

brevbrowser.wait_for_health(base, "browser")
driver = brevbrowser.chromium(1300, 1400, downloads=downloads)
wait = WebDriverWait(driver, 20)


def step(text):
    print("browser:", text, flush=True)


def leaves(value, path=""):
    """(dotted path, value) for every field the form has, as the form writes it."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield from leaves(v, f"{path}.{k}" if path else k)
    else:
        yield path, value


try:
    driver.get(base + "/login")
    driver.find_element(By.ID, "token").send_keys(token)
    driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    wait.until(EC.url_contains("/breve/ny"))
    step("logged in")

    driver.get(base + "/breve/ny?kommune=" + case["municipality_code"] + "&brevtype=" + case["letter_type"])
    fill = """
      const [path, value, kind] = arguments;
      const id = 'f-' + path.split('.').join('-');
      if (kind === 'choices') {
        document.querySelectorAll('input[type=checkbox][name="' + path + '"]').forEach(b => { b.checked = value.includes(b.value); });
        return true;
      }
      const el = document.getElementById(id);
      if (!el) return false;
      el.value = value;
      return true;
    """
    for path, value in leaves(case):
        if path == "$schema":
            continue
        if isinstance(value, bool):
            text, kind = ("ja" if value else "nej"), "one"
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            kind = "choices" if path == "legal_basis" else "one"
            text = value if kind == "choices" else "\n".join(value)
        elif isinstance(value, list):
            text, kind = json.dumps(value), "one"
        else:
            text, kind = str(value), "one"
        if not driver.execute_script(fill, path, text, kind):
            raise SystemExit(f"browser: the form has no field {path}")
    step("form filled from the case")

    cpr = driver.find_element(By.ID, "f-citizen-cpr")
    cpr.clear()
    cpr.send_keys("12345")
    error = wait.until(EC.visibility_of_element_located((By.ID, "f-citizen-cpr-live")))
    if "INVALID_CPR" not in error.text:
        raise SystemExit("browser: the error at the CPR field does not name INVALID_CPR: " + error.get_attribute("class"))
    if cpr.get_attribute("aria-invalid") != "true" or "f-citizen-cpr-live" not in (cpr.get_attribute("aria-describedby") or ""):
        raise SystemExit("browser: the CPR field is not marked invalid for screen readers")
    step("the error appeared at the field (INVALID_CPR)")

    cpr.clear()
    cpr.send_keys(case["citizen"]["cpr"])
    wait.until(EC.invisibility_of_element_located((By.ID, "f-citizen-cpr-live")))
    wait.until(lambda d: "opdateret" in d.find_element(By.ID, "status").text)
    first = driver.find_element(By.ID, "forhaandsvisning").get_attribute("srcdoc")
    if "<html" not in first:
        raise SystemExit("browser: the preview shows no letter")
    step("the error went away and the preview shows the letter")

    facts = driver.find_element(By.ID, "f-begrundelse-assessment")
    facts.send_keys(" Tilføjet i browseren.")
    wait.until(lambda d: d.find_element(By.ID, "forhaandsvisning").get_attribute("srcdoc") != first)
    if "Tilføjet i browseren." not in driver.find_element(By.ID, "forhaandsvisning").get_attribute("srcdoc"):
        raise SystemExit("browser: the preview did not follow the form")
    step("the preview followed the form")

    driver.find_element(By.CSS_SELECTOR, "button[value=pdf]").click()
    deadline = time.time() + 20
    pdfs = []
    while time.time() < deadline:
        pdfs = [f for f in os.listdir(downloads) if f.endswith(".pdf")]
        if pdfs:
            break
        time.sleep(0.2)
    if not pdfs:
        raise SystemExit("browser: no PDF was downloaded")
    step("downloaded " + pdfs[0])
finally:
    driver.quit()
