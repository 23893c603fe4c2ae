#!/usr/bin/env python3
"""Removes TrueType hinting from fonts, in place: each glyph's instructions and the fpgm, prep,
cvt, hdmx, LTSH and VDMX tables. Outlines, metrics, cmap and OpenType layout are unchanged.

brev draws with hinting off (FT_LOAD_NO_HINTING) and PDF viewers hint on their own, so the
instructions only made every embedded subset about twice its size (issue 15: mean PDF size).
Made the Noto Sans files in Fonts/ from Debian's; update Fonts/MANIFEST.md's hashes after.
Needs fontTools (`pip install fonttools`; used with 4.68.0), only when the fonts are remade.

    python3 scripts/dehint-fonts.py Fonts/NotoSans-*.ttf
"""
import sys

from fontTools.ttLib import TTFont

for path in sys.argv[1:]:
    # No new head.modified: the same input gives the same bytes.
    font = TTFont(path, recalcTimestamp=False)
    glyf = font["glyf"]
    for name in font.getGlyphOrder():
        glyf[name].removeHinting()
    for tag in ("fpgm", "prep", "cvt ", "hdmx", "LTSH", "VDMX"):
        if tag in font:
            del font[tag]
    font.save(path)
