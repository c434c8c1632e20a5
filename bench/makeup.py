#!/usr/bin/env python3
"""Whole-process time of `layout render` for pages the make-up arranges: a 5-article 四开
party-building page (target ≤ 0.5 s) and a 10-article 对开 news page (target ≤ 1.5 s), articles
made of the seed pages' paragraphs, one or two placeholder pictures each, about what each
page holds. Also prints the blank holes the page kept and the copyfit total.

    python bench/makeup.py [--runs N] [--keep DIR]

Figures of the make-up's search work (compiled builds, main's /work/venv-m against the
mkspeed branch at a8249cf, one sitting, interleaved; the machine's two cores shared with
other sessions, load average 3-8, so wall times swung by 2-4 x from one run to the next:
instruction counts from cachegrind, `layout render`'s own process, which load does not
change, and CPU times beside them):

                                         before (main)     after
  10 articles, instructions              15.22 G           6.03 G  (-60 %)
    whole process, median of five        3.63 s            1.63 s  (load ~3; best 3.44 /
                                                                    1.51 s; CPU 3.20 / 1.58 s)
                                         7.42 s            3.54 s  (load ~6-8; CPU 4.81 /
                                                                    2.07 s, at ce4dc8d)
    this script's median                 4.55 s            2.37 s  (load 3-4.5)
  5 articles, instructions               1.497 G           1.481 G (-1 %: one search, its
                                                                    time the flow's measures)
    whole process, median of five        0.85 s            0.73 s  (load ~3; best 0.53 /
                                                                    0.55 s: the same, in noise)
  10 articles: tables of ranges made     6,970             6,392
               modules settled           751               428

After main (6006077: tidy's 碰题 per pair, narrow titles, and what else main had) was merged
in (ed5c020), same build, one run each: 10 articles 6.18 G, 5 articles 1.29 G instructions
(not set against main's: its before is not built; the 10-article page is main's own page,
byte for byte, and every table of the search equals main's).

What gained: the search's ways are typed objects (tiling.Way, Table), so its compiled
loops add and compare unboxed numbers (it was tuples: a boxed float and a generic call at
each step; 8.5 G of the 15.2 G went to tiling.combined's own loops), a way's tree is made
only for the way chosen, the winners' ways only for the heights kept; a part beside knows
which heights any of its ways meets (Table.near); each article's Levels bits are kept
(Memo.masks); the loops read the costs' constants from locals (a name imported from
costs.py is a module global, a dict lookup at each use even compiled); the tables are kept
by each headline's start on the ladder and by the options refused at their width, so more
are found made; the repair gives up a moved tree once it cannot beat the best tried
(settle_tree's bound). Every table the search makes, way by way, and every page are as
before. Left: the 5-article page's make-up is the flow's measures of each article at each
width (Candidate.options: heads, needs), not the search.

Figures of the make-up's measures shared (branch mkfast, d541eb0, against main's build at
274d659, /work/venv-n; compiled; instructions by cachegrind, the page's own process, or
one process laying out and rendering ten pages of real news, tests/newsgen seeds 0-9):

                                         before (main)     after
  10 pages of real news, one process     14.19 G           12.74 G (-10 %)
  5 articles (this script's page)        1.168 G           1.132 G (-3 %)
  10 articles (this script's page)       5.35 G            4.97 G  (-7 %)

  wall times in one sitting, main and branch interleaved, load average 7-12 (the
  machine's two cores shared with three other sessions: 5-13 x a quiet machine's):
  this script's median of 3, 5 / 10      2.89 / 10.44 s    2.73 / 8.82 s
  bench/speed.py, warm work per page     1.04 s, 3.83 x    0.46 s, 3.32 x typst's (load
                                                           12 / 10: noise, mostly)
  bench/batch.py --fresh, 60 pages       73.1 s            68.2 s

What gained: an article's flows share its head where their plans set it alike
(flow.Heads: the make-up lays one module out many times, its pictures a line taller or
shorter, and measures it at many widths), the options' fill is kept by its width, height
and headline size (a new bound on the headlines or an option refused made it again), the
body's need by the band's height where the head spans the columns, the tables of several
articles are not sorted (one way a height), and what the trials did interpreted is done
compiled or copied (Template.column_at inside text_legs; a plan's sized headline and a
placed picture by frozen.copied, not dataclasses.replace); the line breaker's widow test
stops at a line's second word. Every page byte-identical (53, tools-lead/same.py).
Where the rest goes (news pages): the heads at each width, size and air (Candidate.head,
~20 %: the display lines' even cuts are set at each new size and width), the body broken
at each width a lead may be re-divided to, and the flow's layouts of the settling and
repair (~13 %).

Figures of the lowered heads derived and the collector paused (branch mkfast, 4c73b42,
against main's build at 7a91ae0, /work/venv-s33; compiled; make_up's own instructions by
callgrind --toggle-collect, tests/newsgen seeds 0-9, one process, the collector set as the
batch's workers set it):

                                         before (main)     after
  make_up, instructions                  11.49 G           9.75 G  (-15 %)
    heads.title_rows                     0.69 G (4,507)    0.005 G (1,720 calls)
    heads.floor                          1.77 G (9,014)    1.08 G  (1,720 calls)
    the cyclic collector                 0.33 G            0
  CPU (user+sys), interleaved, load 6-10 (2 cores shared: CPU times swing by 30 %),
  medians of 3:
    make-up of seeds 0-39 (process time) 8.38 s            8.45 s  (runs 6.15-8.53 s: noise)
    layout batch, 40 fresh pages         10.56 s           9.31 s  (-12 %)
    layout batch, 100 sample variants    9.43 s            8.63 s  (-8 %)
  bench/batch.py --pages 100, one run    22.1 s (0.95 x    19.2 s (1.09 x typst's 20.9 s)
                                         typst's 20.9 s)

What gained: a lowered head is the unlowered one shifted down (its title rows << drop,
tiling.Marks keyed without the drop: no head is set lowered in the search, checked equal
on all 8,707 of the 53 pages), heads.floor once a key and kept_band without the aired
head set to be told its lines, the make-up run with the cyclic collector off (it freed
nothing: no cycles). Where the rest goes (instructions, after): the options' heads
(Candidate.head 25 %, of which floor's sizes 11 %), the body's fills and need (22 %,
18 %), the titles' sizes at each width (Sizes.headline 13 %), the settling (15 %).
"""
from __future__ import annotations

import argparse
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
# articles → (template, characters of text, seconds)
CASES = {5: ("party-building", 2400, 0.5), 10: ("news", 7000, 1.5)}


def paragraphs() -> list[str]:
    sys.path.insert(0, str(REPO))
    from layout.manifest import load_issue  # noqa: PLC0415
    from layout.model import Paragraph  # noqa: PLC0415

    return [b.text for path in sorted((REPO / "issues").glob("*.yaml"))
            for a in load_issue(path).articles for b in a.blocks
            if isinstance(b, Paragraph) and len(b.text) > 40]


def page(count: int, template: str, chars: int, seed: int = 7) -> str:
    """A manifest of `count` articles with no place given, `chars` characters of text
    between them, and pictures."""
    rng = random.Random(seed)
    texts = paragraphs()
    out = ["manifest: 1", "paper: 测试报", "date: 2021-03-04", "page: 2",
           f"template: {template}", "articles:"]
    share = chars // count
    for n in range(count):
        head = rng.choice(texts)
        out.append(f"  - headline: {head[:rng.randint(8, 12)].strip('，。、；：“”')}")
        out.append("    images:")
        for _ in range(1 + (n % 3 == 0)):
            out.append(f"      - {{aspect: {rng.choice(['4:3', '3:2'])}}}")
        out.append("    body:")
        total = 0
        while total < share:
            text = rng.choice(texts)[: share - total + 20]
            out.append(f"      - {text}")
            total += len(text)
    return "\n".join(out) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="also keep the manifests and PDFs here")
    args = parser.parse_args()
    command = shutil.which("layout", path=str(Path(sys.executable).parent)) or "layout"
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for count, (template, chars, target) in CASES.items():
            manifest = folder / f"makeup-{count}.yaml"
            manifest.write_text(page(count, template, chars), encoding="utf-8")
            out = manifest.with_suffix(".pdf")
            times = []
            for _ in range(args.runs + 1):  # the first run warms the disk cache
                start = time.perf_counter()
                done = subprocess.run([command, "render", str(manifest), "-o", str(out),
                                       "--allow-overflow"], capture_output=True, text=True)
                times.append(time.perf_counter() - start)
            fit = subprocess.run([command, "fit", str(manifest)], capture_output=True,
                                 text=True).stdout.strip().splitlines()
            holes = [line for line in done.stderr.splitlines() if "天窗" in line]
            median = statistics.median(times[1:])
            met = median <= target
            failed |= not met
            print(f"{count} articles: median {median:.3f} s, best {min(times[1:]):.3f} s "
                  f"(target ≤ {target} s: {'met' if met else 'NOT met'}); "
                  f"{len(holes)} hole(s); {fit[-1] if fit else ''}")
            for line in holes:
                print(f"  {line}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
