"""The HTML twin in Debian's chromium at a desktop's and a phone's width.

    python3 html_views.py OUT_DIR FILE.html...

For each file and width (1280 and 390 CSS px) writes a full-page screenshot
OUT_DIR/<name>-<width>.png (and once, chromium's print of the page with its print CSS,
OUT_DIR/<name>-print.pdf) and prints one JSON line of what the page measures: its scroll width,
whether the paragraphs and the heading are drawn with the page's own web font (chromium's
platform fonts for the node), the recipient's font style, and the boxes of the address and the
case info. Only measurements, never page text.
"""
import base64
import json
import os
import sys

import brevbrowser

out_dir, files = sys.argv[1], sys.argv[2:]
driver = brevbrowser.chromium()

MEASURE = """
const box = sel => { const e = document.querySelector(sel); if (!e) return null;
  const r = e.getBoundingClientRect(); return {left: r.left, right: r.right, top: r.top, bottom: r.bottom}; };
const recipient = document.querySelector('.recipient');
return {
  scrollWidth: Math.max(document.documentElement.scrollWidth, document.body.scrollWidth),
  clientWidth: document.documentElement.clientWidth,
  scrollHeight: document.documentElement.scrollHeight,
  recipientStyle: recipient ? getComputedStyle(recipient).fontStyle : null,
  recipient: box('.recipient'), caseinfo: box('.caseinfo'), letterhead: box('.letterhead'),
  faces: Array.from(document.fonts).filter(f => f.status === 'loaded').map(f => f.family.replace(/"/g, '') + ' ' + f.weight + ' ' + f.style),
};
"""


def drawn_with(selector):
    """The fonts chromium drew the first element matching selector with: [(family, custom?)]."""
    root = driver.execute_cdp_cmd("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
    node = driver.execute_cdp_cmd("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    if not node:
        return []
    fonts = driver.execute_cdp_cmd("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    return [[f["familyName"], f["isCustomFont"]] for f in fonts]


try:
    driver.execute_cdp_cmd("DOM.enable", {})
    driver.execute_cdp_cmd("CSS.enable", {})
    for path in files:
        name = os.path.splitext(os.path.basename(path))[0]
        for width in (1280, 390):
            driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                   {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 500})
            driver.get("file://" + os.path.abspath(path))
            driver.execute_async_script("document.fonts.ready.then(() => arguments[0]())")
            driver.execute_cdp_cmd("DOM.enable", {})
            driver.execute_cdp_cmd("CSS.enable", {})
            m = driver.execute_script(MEASURE)
            m["file"], m["width"] = os.path.basename(path), width
            m["paragraphFont"] = drawn_with("main p")
            m["headingFont"] = drawn_with("h1")
            height = min(int(m["scrollHeight"]), 16000)
            driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                   {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 500})
            shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True})
            png = os.path.join(out_dir, f"{name}-{width}.png")
            with open(png, "wb") as f:
                f.write(base64.b64decode(shot["data"]))
            m["png"] = png
            if width == 1280:
                printed = driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True})
                m["print"] = os.path.join(out_dir, f"{name}-print.pdf")
                with open(m["print"], "wb") as f:
                    f.write(base64.b64decode(printed["data"]))
            print(json.dumps(m), flush=True)
finally:
    driver.quit()
