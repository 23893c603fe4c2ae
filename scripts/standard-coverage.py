#!/usr/bin/env python3
"""How much of a seed quality standard's text is in brev's output.

usage: scripts/standard-coverage.py SEED.txt OUTPUT.pdf|OUTPUT.html [--content STANDARD.yaml] [--show N]

The seed is cut into paragraphs (blank lines, table cells, <p>/<li> in the seed's HTML
fragments). Page furniture (page numbers, "Side X af Y", link targets pdftotext adds) is left out.
The wording of each correction listed in the content YAML (`corrections: [{seed, …}]`) is
taken out of the seed first: the published text says it differently on purpose. Text is compared on
letters and digits only, lower case, so line breaks, hyphenation and spacing do not count; a
paragraph may be split in the output by a page break (at most 4 pieces, in order).

Prints one line per missing paragraph (its number and first words) and the coverage; exits 0.
"""
import html.parser
import re
import subprocess
import sys
import unicodedata


def canon(text):
    # NFKC makes a superscript note number (², as layout sets it) the digit the seed has.
    return "".join(ch for ch in unicodedata.normalize("NFKC", text).lower() if ch.isalnum())


FURNITURE = [
    re.compile(r"^\s*\d{1,3}\s*$"),
    re.compile(r"^\s*side \d+ af \d+\s*$", re.I),
    re.compile(r"^\s*(mailto:|https?://)\S*\s*$"),
    re.compile(r"^\s*[-*_]{3,}\s*$"),
]


def seed_paragraphs(text):
    text = re.sub(r"\[([^\]]*)\]\((?:mailto:|https?:)[^)]*\)", r"\1", text)  # markdown links → label
    text = re.sub(r"</?(p|li|ul|ol)\b[^>]*>", "\n\n", text)
    text = re.sub(r"<[^>]+>", " ", text)
    text = text.replace("\t", "\n\n")
    paragraphs = []
    for chunk in re.split(r"\n\s*\n", text):
        lines = [l for l in chunk.split("\n") if not any(p.match(l) for p in FURNITURE)]
        joined = " ".join(l.strip() for l in lines).strip()
        if canon(joined):
            paragraphs.append(joined)
    return paragraphs


class _Text(html.parser.HTMLParser):
    """The page's text: not its style sheet (which carries the web fonts as base64)."""
    def __init__(self):
        super().__init__()
        self.parts = []
        self.hidden = 0

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)

    def handle_starttag(self, tag, attrs):
        if tag in ("style", "script"):
            self.hidden += 1
        self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in ("style", "script"):
            self.hidden -= 1


def output_text(path):
    if path.endswith(".pdf"):
        text = subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"], check=True,
                              capture_output=True, text=True).stdout
        # Page furniture between the two halves of a paragraph that crosses a page: the
        # footer "Side X af Y" and, from page 2 on, the running header (a page's first line).
        pages = []
        for n, page in enumerate(text.split("\f")):
            lines = [l for l in page.split("\n") if not re.fullmatch(r"\s*Side \d+ af \d+\s*", l)]
            if n > 0:
                while lines and not lines[0].strip():
                    lines.pop(0)
                lines = lines[1:]
            pages.append("\n".join(lines))
        return "\n".join(pages)
    with open(path, encoding="utf-8") as f:
        parser = _Text()
        parser.feed(f.read())
        return "".join(parser.parts)


def corrections(content_path):
    if not content_path:
        return []
    import yaml
    with open(content_path, encoding="utf-8") as f:
        data = yaml.safe_load(f)
    return [canon(c["seed"]) for c in data.get("corrections") or []]


def found(para, haystack, max_pieces=4):
    """Whether `para` is in `haystack` in at most `max_pieces` pieces, in order."""
    pos = 0
    rest = para
    for _ in range(max_pieces):
        if not rest:
            return True
        lo, hi = 0, len(rest)  # longest prefix of rest found at or after pos
        at = -1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            i = haystack.find(rest[:mid], pos)
            if i >= 0:
                lo, at = mid, i
            else:
                hi = mid - 1
        if lo == len(rest):
            return True
        if lo < 12:  # a stray short match is not evidence
            return False
        pos = at + lo
        rest = rest[lo:]
    return not rest


def main(argv):
    args = [a for a in argv[1:]]
    content = None
    show = 20
    if "--content" in args:
        i = args.index("--content")
        content = args[i + 1]
        del args[i:i + 2]
    if "--show" in args:
        i = args.index("--show")
        show = int(args[i + 1])
        del args[i:i + 2]
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 64
    seed_path, out_path = args
    with open(seed_path, encoding="utf-8") as f:
        paragraphs = seed_paragraphs(f.read())
    fixes = corrections(content)
    haystack = canon(output_text(out_path))
    missing = []
    for n, p in enumerate(paragraphs, 1):
        c = canon(p)
        for seed in fixes:
            if seed:
                c = c.replace(seed, "")
        if c and not found(c, haystack):
            missing.append((n, p))
    for n, p in missing[:show]:
        print(f"missing {n}: {p[:90]}")
    covered = len(paragraphs) - len(missing)
    pct = 100.0 * covered / len(paragraphs) if paragraphs else 100.0
    print(f"coverage {covered}/{len(paragraphs)} paragraphs = {pct:.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
