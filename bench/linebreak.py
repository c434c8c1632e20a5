#!/usr/bin/env python3
"""Line-breaking speed: 15,000 characters of news text into 11-字 lines, total fit and
first fit, items included (fonts loaded beforehand). Target: under 0.5 s for total fit.

    python bench/linebreak.py [--chars N] [--width 字]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from layout.fonts import shipped_fonts
from layout.manifest import load_issue
from layout.model import Breaking, Composition, Paragraph
from layout.text.items import build_items
from layout.text.linebreak import break_lines

SAMPLE = Path(__file__).resolve().parent.parent / "issues" / "2020-07-01-p3-fenjin-lushang.yaml"
SIZE = 9.0
TARGET = 0.5


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--chars", type=int, default=15_000)
    parser.add_argument("--width", type=int, default=11, help="column width in 字")
    args = parser.parse_args()
    blocks = [b.text for b in load_issue(SAMPLE).articles[0].blocks if isinstance(b, Paragraph)]
    text = "".join(blocks)
    text = (text * (args.chars // len(text) + 1))[:args.chars]
    fonts = shipped_fonts()
    measure = lambda c: fonts.metrics("song", c)  # noqa: E731
    for c in set(text):
        measure(c)  # fonts and metrics loaded before timing
    for breaking in Breaking:
        rules = Composition(breaking=breaking)
        start = time.perf_counter()
        items = build_items(text, SIZE, measure)
        lines = break_lines(items, [args.width * SIZE], indent=2 * SIZE, rules=rules)
        seconds = time.perf_counter() - start
        verdict = "" if breaking is not Breaking.TOTAL_FIT else (
            f" (target < {TARGET} s: {'met' if seconds < TARGET else 'NOT met'})")
        print(f"{breaking.value}: {args.chars} characters → {len(lines)} lines of "
              f"{args.width} 字 in {seconds:.3f} s{verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
