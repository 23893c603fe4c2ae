"""What the browser checks share: Debian's chromium, headless, driven by selenium through
Debian's chromium-driver (nothing is downloaded), and axe-core injected into a page.

axe-core is the copy inside PyPI's axe-playwright-python (scripts/setup.sh installs it with
--no-deps; the repository carries no copy of axe)."""
import importlib.util
import os
import time
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

# WCAG 2.0, 2.1 and 2.2, levels A and AA: the rules axe-core tags with these.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def chromium(width=1280, height=1000, downloads=None):
    options = webdriver.ChromeOptions()
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--allow-file-access-from-files", f"--window-size={width},{height}", "--hide-scrollbars"]:
        options.add_argument(flag)
    options.binary_location = "/usr/bin/chromium"
    if downloads:
        options.add_experimental_option("prefs", {"download.default_directory": downloads,
                                                  "download.prompt_for_download": False})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def wait_for_health(base, who):
    """A brev serve just started: wait until it answers /health (up to a minute)."""
    for _ in range(300):
        try:
            urllib.request.urlopen(base + "/health", timeout=1)
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"{who}: brev serve did not answer /health")


def axe_source():
    spec = importlib.util.find_spec("axe_playwright_python")
    if spec is None:
        raise SystemExit("axe: axe-playwright-python is not installed (scripts/setup.sh)")
    path = os.path.join(spec.submodule_search_locations[0], "axe.min.js")
    with open(path, encoding="utf-8") as f:
        return f.read()


_RUN = """
const [tags, iframes, done] = arguments;
axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"], iframes: iframes})
  .then(r => done({version: axe.version,
                   violations: r.violations.map(v => ({id: v.id, impact: v.impact, targets: v.nodes.map(n => n.target)}))}))
  .catch(e => done({error: String(e)}));
"""


def run_axe(driver, source, iframes=True):
    """The WCAG violations on the page the driver shows: [(rule id, impact, target selector)].
    Only rule ids and CSS selectors: never the page's text, which may be a citizen's."""
    driver.set_script_timeout(120)
    driver.execute_script(source)
    result = driver.execute_async_script(_RUN, WCAG_TAGS, iframes)
    if "error" in result:
        raise SystemExit("axe: axe.run failed: " + result["error"])
    found = []
    for v in result["violations"]:
        for target in v["targets"]:
            found.append((v["id"], v["impact"], " ".join(map(str, target))))
    return result["version"], found
