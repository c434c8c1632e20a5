#!/usr/bin/env python3
"""Where headlines break, as an editor would judge them (text/phrases.py): the headlines
set in two or more lines on pages of real news (tests/newsgen.py), each fault counted once
a headline — a cut inside a quotation or brackets, between two nouns (one term), after a
word of one character leaning on the next or before one leaning on the last, a phrase of
one character stranded by a cut, a headline with marks broken elsewhere, a last line under
a third of the longest, a shortest line under half of it, more than four lines — and, with
--list, every headline's lines.

    python bench/headlines.py [--first F] [--last L] [--list]

(Seeds 0-300 take some minutes; the same title recurs at other sizes and widths.)

Figures, seeds 0-300 (the pages as the make-up sets them; before = main's c8fdf97, whose
display breaker cut between any two words at 4 em off a clause's mark; after = the costs of
text/phrases.py; each headline counted once a fault):

                                              before   after
  headlines in 2+ lines                          692     703
  inside quotes or brackets                       21      10
  between two nouns (one term)                    91      47
  ends with a 1-char word leaning on the next     16      16
  starts with a 1-char word leaning back           7       7
  a 1-char phrase stranded                        16      17
  broken elsewhere than at a mark or space       329     336
  last line a stub (< 1/3)                        12      13
  shortest line < 1/2 of the longest              84      99
What is left is mostly where the width holds no better cut into as few lines (徽县…“大排查、
| 大整改… at 22 pt over 19 字; 什么？以后快递都不送货上门 | 了？…): the make-up sizes a
headline by its lines' count, not by how well it breaks.
"""
from __future__ import annotations

import argparse
import collections
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import newsgen  # noqa: E402
from layout import pipeline  # noqa: E402
from layout.errors import LayoutError  # noqa: E402
from layout.fonts import shipped_fonts  # noqa: E402
from layout.model import LineKind  # noqa: E402
from layout.text.phrases import (LEANING_BACK, LEANING_ON, NOMINAL, is_mark, kind,  # noqa: E402
                                 quoted)
from layout.text.segmenter import word_lengths  # noqa: E402


def headlines(first: int, last: int) -> list[tuple[int, str, list[str]]]:
    """(seed, title, lines) of every headline a page of these seeds sets in 2+ lines."""
    fonts, work, found = shipped_fonts(), Path(tempfile.mkdtemp()), []
    for seed in range(first, last):
        try:
            loaded = pipeline.load(newsgen.write(seed, work))
            page = pipeline.layout(loaded, fonts).pages[0]
        except LayoutError:
            continue
        titles = [a.headline.main for a in loaded.edition.pages[0].articles if a.headline]
        group: list[str] = []
        for line in (*page.lines, None):
            if line is not None and line.kind is LineKind.HEADLINE:
                group.append("".join(g.char for g in line.set_glyphs))
                joined = "".join("".join(group).split())
                if any("".join(t.split()) == joined for t in titles):
                    if len(group) > 1:
                        title = next(t for t in titles if "".join(t.split()) == joined)
                        found.append((seed, title, group))
                    group = []
            else:
                group = []
    return found


def faults(title: str, lines: list[str]) -> set[str]:
    """What an editor would fault in `title` set as `lines`."""
    text = "".join(title.split())
    spaced, at = set(), 0
    for char in title:
        if char.isspace():
            spaced.add(at)
        else:
            at += 1
    cuts, at = [], 0
    for line in lines[:-1]:
        at += len("".join(line.split()))
        cuts.append(at)
    words, at = {}, 0
    for length in word_lengths(text):
        words[at] = (at, at + length)
        at += length
    ends = {b: (a, b) for a, b in words.values()}
    inside = quoted(text)
    sizes = [len("".join(line.split())) for line in lines]
    found = set()
    if len(lines) > 4:
        found.add("more than four lines")
    if sizes[-1] < max(sizes) / 3:
        found.add("last line a stub (< 1/3)")
    if min(sizes) < max(sizes) / 2:
        found.add("shortest line < 1/2 of the longest")
    for cut in cuts:
        if inside[cut]:
            found.add("inside quotes or brackets")
        if cut not in ends or cut not in words:
            found.add("inside a word")
            continue
        if cut in spaced or is_mark(text[cut - 1]):
            continue
        found.add("broken elsewhere than at a mark or space")
        left, right = text[slice(*ends[cut])], text[slice(*words[cut])]
        if len(left) == 1 and left in LEANING_ON:
            found.add("ends with a 1-char word leaning on the next")
        if len(right) == 1 and (right in LEANING_BACK or kind(right) == "f"):
            found.add("starts with a 1-char word leaning back")
        if kind(left) in NOMINAL and kind(right) in NOMINAL:
            found.add("between two nouns (one term)")
        a, b = ends[cut][0], words[cut][1]
        if len(left) == 1 and (a == 0 or is_mark(text[a - 1])) or len(right) == 1 and (
                b == len(text) or is_mark(text[b])):
            found.add("a 1-char phrase stranded")
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--first", type=int, default=0)
    parser.add_argument("--last", type=int, default=301)
    parser.add_argument("--list", action="store_true")
    args = parser.parse_args()
    found = headlines(args.first, args.last)
    counts: collections.Counter[str] = collections.Counter()
    for seed, title, lines in found:
        said = faults(title, lines)
        counts.update(said)
        if args.list:
            print(seed, " | ".join(lines), ("  ← " + "; ".join(sorted(said))) if said else "")
    print(f"{len(found)} headlines in 2+ lines (seeds {args.first}-{args.last - 1})")
    for what, count in sorted(counts.items(), key=lambda item: -item[1]):
        print(f"{count:6d}  {what}")


if __name__ == "__main__":
    main()
