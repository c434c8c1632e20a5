#!/usr/bin/env python3
"""The PDF writer's share of a `render --watch` edit: the sample pages (issues/) laid out,
each after N edits of one paragraph (第N稿， before the lead article's first long paragraph,
as tools' edit loops make them; `--new`: a character new to the page each time), then
each edit's PDF made through one pipeline.Kept a page (its writer's part), as --watch
makes it. Prints
the median time of an edit's render (the first render of each page, with nothing kept,
apart), and checks each PDF against a fresh render's (`--check`).

    python bench/writer.py [--edits 10] [--new] [--check] [--first | --layout]

Instructions (the machine shared): run it under cachegrind three times, plain, with
`--first` (the first renders only) and with `--layout` (no render): an edit's writer is
(plain - first) / (5 x edits), a first render's (first - layout) / 5.
Figures: bench/README.md.
"""
from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

from layout.fonts import shipped_fonts
from layout.pipeline import Kept, layout, load, render

ISSUES = Path(__file__).resolve().parent.parent / "issues"
NEW = "鑫淼焱垚犇骉麤龘靐齉爩"


def edited(folder: Path, edits: int, new: bool) -> list[list]:
    """Each sample page laid out, then after each edit (one --watch Kept a page)."""
    fonts = shipped_fonts()
    pages = []
    for manifest in sorted(ISSUES.glob("*.yaml")):
        text = manifest.read_text(encoding="utf-8")
        first = re.search(r"(?m)^      - ([^{\n]{40,})$", text)
        path = folder / manifest.name
        kept = Kept()
        jobs = []
        for n in range(edits + 1):
            mark = (NEW[n % len(NEW)] if new else str(n)) if n else ""
            path.write_text(text[:first.start(1)] + (f"第{mark}稿，" if mark else "")
                            + text[first.start(1):], encoding="utf-8")
            loaded = load(path)
            jobs.append((layout(loaded, fonts, kept=kept), loaded))
        pages.append(jobs)
    return pages


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--edits", type=int, default=10)
    parser.add_argument("--new", action="store_true")
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--first", action="store_true")
    parser.add_argument("--layout", action="store_true")
    args = parser.parse_args()
    fonts = shipped_fonts()
    with tempfile.TemporaryDirectory() as tmp:
        pages = edited(Path(tmp), args.edits, args.new)
    if args.layout:
        return 0
    times = []
    for jobs in pages:
        kept = Kept()  # (the PDF's part of it: what the writer keeps)
        for n, (laid, loaded) in enumerate(jobs[:1] if args.first else jobs):
            start = time.perf_counter()
            pdf = render(laid, loaded, fonts, kept=kept)
            if n or args.first:
                times.append(time.perf_counter() - start)
            if args.check:
                assert pdf == render(laid, loaded, fonts), (n, laid)
    what = "first render" if args.first else "edit's render"
    print(f"{what}: median {1000 * statistics.median(times):.2f} ms over {len(times)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
