#!/usr/bin/env python3
"""How much text each module holds in its own rectangle (issue 21, point 5): for each
article of a page the make-up fills, its text made STEP characters longer or shorter at a
time (its own text again, as a paragraph after its last; or its end taken off), until no setting in its old rectangle, every other module where it was, fits
it with the page full and no leg under five lines (tests/editbound.py's search, headline
sizes on the template's ladder).

    python bench/holding.py [--pages N] [--first F] [--no-laomo] [--most CHARS] [--edits K]

The range a rectangle holds bounds any make-up that keeps no memory. Take an article's
text growing a paragraph at a time: each length must be set full (the page full, nothing
left over while the page has room), and a rectangle holds at most W characters' worth of
lengths, so over a growth of D characters the article's rectangle changes at least
D / W - 1 times, each change moving at least one other module (the modules tile the
area). A paragraph of P characters more or less therefore changes the rectangle in at
least min(1, P / W) of the edits, taken over the pages the content of any day makes: on a
page of n modules at least min(1, P / W) / (n - 1) of the other modules move, on average
over its articles; a make-up with no memory keeps at most one less that. W is measured
in each module's own rectangle (another rectangle holds another range: an estimate, not
a proof), P is the mean of the edits bench/stability.py makes of the page. A module whose
own setting the search does not find again is left out.

Figures (the make-up of 3d84058, STEP 20 字; bench/stability.py's 40 edits of each page
give P):
    laomo: W = 640, 520, 340 字 (articles 1-3: -540..+100, -480..+40, -280..+60 around
    their text: each sits near the top of its range), P = 87 字: at most 90.7 % of the
    other modules kept over pages like it (its own 40 edits: `stability.py --bound
    --ladder` 90.0 %, the make-up 30 %).
    Full pages of seeds 0-39 (11 of 40; 8 of their 49 modules left out): 78.2 %-91.4 %,
    85.4 % on average, 8 of the 11 under 90 %; W 60-960 字, 9 of the 41 modules under
    150 字.
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
from pathlib import Path


STEP = 20  # characters added or taken off at a time
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO / "bench"))
from edits import written  # noqa: E402


def holds(base, page: dict, n: int, path: Path) -> bool:
    """Whether article n of `page` has a setting in its rectangle of `base` that fits
    with the page full and no stub."""
    from editbound import FULL, OldRect  # noqa: PLC0415

    from layout.manifest import load_issue  # noqa: PLC0415

    written(page, path)
    issue = load_issue(path)
    limit = FULL * base.t.columns * base.t.grid_lines
    return OldRect(base, issue, n, ladder=True).run(limit, limit).fits_full


def reach(base, page: dict, n: int, path: Path, sign: int, most: int) -> int:
    """The characters article n may gain (sign 1) or lose (-1), STEP at a time, while its
    rectangle holds it: the last length that holds (at most `most`)."""
    from edits import with_chars  # noqa: PLC0415

    held = 0
    for chars in range(STEP, most + 1, STEP):
        edited = with_chars(page, n, sign * chars, STEP)
        if edited is None or not holds(base, edited, n, path):
            break
        held = sign * chars
    return held


def main() -> None:
    from editbound import Page, edit  # noqa: PLC0415
    from stability import sources  # noqa: PLC0415

    from layout.fonts import shipped_fonts  # noqa: PLC0415

    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=0)
    parser.add_argument("--first", type=int, default=0)
    parser.add_argument("--no-laomo", action="store_true")
    parser.add_argument("--most", type=int, default=800, help="characters tried each way")
    parser.add_argument("--edits", type=int, default=40,
                        help="bench/stability.py's edits of a page whose mean size is P")
    args = parser.parse_args()
    fonts = shipped_fonts()
    ceilings = []
    with tempfile.TemporaryDirectory() as scratch:
        for name, page in sources(args.pages, args.first, not args.no_laomo):
            path = Path(scratch, f"{name}.yaml")
            written(page, path)
            base = Page(path, fonts)
            if not base.full():
                print(f"{name}: not full, left out")
                continue
            rng = random.Random(1)
            sizes = [edit(page, rng)[1].chars for _ in range(args.edits)]
            p = statistics.mean(sizes)
            n_modules = len(page["articles"])
            shares = []
            for n in range(n_modules):
                probe = Path(scratch, f"{name}-{n}.yaml")
                if not holds(base, page, n, probe):
                    print(f"{name}: article {n + 1}: its own setting not found again, "
                          "left out", flush=True)
                    continue
                up = reach(base, page, n, probe, 1, args.most)
                down = reach(base, page, n, probe, -1, args.most)
                width = up - down
                # (a rectangle that held only its own length: the next STEP moves it)
                share = min(1.0, p / max(width, 1)) / (n_modules - 1)
                shares.append(share)
                print(f"{name}: article {n + 1} in {base.rects[n]}: holds {down:+d} .. "
                      f"{up:+d} 字 (W = {width}); a paragraph of {p:.0f} 字 on average "
                      f"moves at least {share:.0%} of the others", flush=True)
            if not shares:
                continue
            ceiling = 1 - statistics.mean(shares)
            ceilings.append(ceiling)
            print(f"{name}: a make-up with no memory keeps at most {ceiling:.1%} of the "
                  f"other modules over pages like it", flush=True)
    if ceilings:
        print(f"over {len(ceilings)} full pages: at most {statistics.mean(ceilings):.1%}")


if __name__ == "__main__":
    main()
