#!/usr/bin/env python3
"""layout against typst (PyPI `typst`), side by side on this machine, in one run: the same
pages (the five of `issues/`, each set by typst on its template's page, columns and gutter),
the same faces (our `fonts/`, typst with `ignore_system_fonts=True`: otherwise it spends its
start-up scanning every font on the machine). Prints each line of the comparison and its
ratio (layout's time over typst's; < 1 is faster):

  1. one page, whole process (a fresh process per page, as an editor's `layout render`);
  2. a batch of N pages, 2 workers, against typst one process per page, two at a time;
  3. warm work per page inside one process (the batch worker's share: a page it has not
     seen); then `render --watch` after a save, through what the last render kept
     (pipeline.Kept): nothing changed, and one paragraph edited (a new text each time);
  4. each extra page of text: one article on taller and taller pages (time per 10,000
     characters, from the smallest and the largest);
  5. start-up: `layout --help` and `import layout` against `import typst`.

    python bench/speed.py [--runs 5] [--pages 200] [--skip-batch]

Goals (issue 24): one page ≤ 3 × typst; batch ≥ 1.5 × typst's pages/s; warm work per page
≤ typst's compile of it, an edited paragraph under --watch ≤ half of that; each extra page
of text ≤ 2 × typst's; import layout ≤ 60 ms.

Figures, issue 24's batch and start-up (the speed branch; compiled builds, before = main's
3d84058 (venv-s35), after = the branch's head; interleaved in one sitting, load 0.5-2.3, so
each ratio moved ~10 % from one run to the next; instructions by cachegrind):

                                           before           after
  batch of 200 variants, 2 workers (two    1.03 x, 1.13 x   1.64 x, 1.66 x  (CPU, workers and
    rounds, typst run in each round)                                  parent: 17.9 / 14.4 s ->
                                                                      11.3 / 9.6 s; typst 19.2 /
                                                                      16.8 s)
    instructions a page, warm process      357 M            238 M   (-33 %; jobs 10-30 of 40)
  batch of 40 fresh pages (--fresh)        0.35 x           0.39 x  (5.6 -> 4.9 s; 746 M a page
                                                                      against 775 M)
    peak memory a worker                   90 MB            122 MB  (variants 70 -> 84 MB)
  one page, whole process, instructions    949 M            906 M   (-4.5 %, mean of five)
    this script (median of 3, two runs)    2.84 x, 2.94 x   2.72 x, 2.99 x
  warm work per page                       2.60 x, 2.36 x   2.19 x, 2.83 x  (the same code)
  --watch, one paragraph edited            1.08 x, 1.28 x   0.94 x, 0.98 x  (the same code)
What gained: a batch worker keeps what --watch keeps across its jobs (batch.task.kept: the
text its pages broke, each page's make-up, the PDF's subsets and streams; bounded), so a
page whose articles a job before it set breaks none of their text again (an article of
another file is another article: its origin is part of it, so its make-up is made again);
a command loads Pillow's Image module only for a page with a picture (lazypil: reportlab
imports it, with PIL.ExifTags' enums, 36-43 M). Not reached: warm work (<= 1 x) and an edit
(<= 0.5 x), whose code this branch did not change (the make-up ~21 ms and the PDF writer
~23 ms a page in a warm batch worker).

Figures, issue 24's writer, load and imports (the pdfw branch; compiled builds, before = main's
7a91ae0, after = 4f5cfc9; load 6-9 throughout, so instructions (cachegrind) are the figures):

                                           before           after
  one page, whole process, instructions    1.052 G          0.963 G  (-8.5 %, mean of five)
    CPU (25 runs interleaved, median)      0.320 s          0.300 s
  warm work per page (the five again)      341 M            329 M    (-3.6 %)
  --watch, one paragraph edited            158 M            138 M    (-12 %)
    a save and an edit                     176 M            147 M    (-17 %)
  then quiet (load ~1.2, after = 78ab6cb; this script, median of 4 interleaved runs):
  one page (ratio; CPU median of 25)       3.22 x, 0.340 s  3.18 x, 0.330 s
  --watch, one paragraph edited            39 ms, 1.30 x    28.5 ms, 1.05 x  (CPU: 40.6 ->
                                                            38.3 ms; the wall gains zlib's
                                                            thread on the free core)
  warm work per page                       2.70 x           2.95 x   (82 / 78 ms: noise)
What gained: yaml's unused pure-reader pattern (57 M) and normalize's names pattern (19 M)
not compiled at each start, nor tokenize's (13.5 M, a dataclass without a docstring); a
page's codes given by a compiled loop (splitString's state the same); a line's runs, a
subset's ToUnicode map and each text normalize cleaned kept for the next render. Not
reached: the edit is still ~1.5 x the ~90 M the goal allows (the make-up ~1/3, the writer
~1/2: every subset after the edit's first new character is coded, made and compressed again,
as a fresh render's bytes require; reportlab's save); one page ~3.3 x (imports ~0.5 G).

Figures, issue 24's --watch loop (what a render keeps for the next: kept.py, makeup.Kept;
compiled builds, before = d4a91b5, after = the watch branch; the machine's 2 cores shared,
load average 13-17 through the runs, so wall times were ~6 x a quiet machine's; CPU time of
load + layout + render per save, /tmp phases script, median over the five pages x 5 saves,
three sittings with before and after interleaved):

                                           before           after
  --watch, a save with nothing changed     36 / 39 / 43 ms  5.2 / 5.4 / 5.8 ms  (the page's
                                                                     layout and its PDF kept)
  --watch, one paragraph edited            49 / 50 / 58 ms  43 / 45 / 45 ms
    of it: make-up (plan)                  14-19 ms         12 ms
           PDF writer                      22-28 ms         23-26 ms  (unchanged: all of it
                                                                     made again)
  this script, one run each (ratio)        1.44 x / 1.63 x  0.13 x / 1.43 x  (nothing changed /
                                                                     one paragraph edited)
  p1 (three articles), a paragraph of the  52 / 57 ms       13.5 / 15.5 ms  (load and lay out;
    second edited: load + lay out                                    the render 18-23 ms
                                                                     either way)

An edit of one article of a page of several measures and settles that one again, the others'
candidates kept whole (tests/test_watch.py counts them); on the five sample pages, four of
one article, the edited article keeps its head's and pictures' measures only (the body's
needs, fills and settled modules are made again). Not reached: an edit <= 0.5 x (~13 ms):
the PDF writer (~24 ms CPU: the page's runs painted again, a changed font subset made and
compressed, reportlab's save), the body's measures on a one-article page (~12 ms), the
manifest's load (~4-5 ms, half of it normalizing text that did not change).

Figures of issue 24's segmenter work (the start branch: jieba's cut made by text.segmenter
from words/words.dat, mapped where a text needs it, instead of rjieba's whole dictionary
built in a helper process at each `layout render` and in each batch worker; compiled builds
in one sitting, before = d4a91b5, after = 181b9b9 (the read of words.dat; 22f9750 maps it,
the same instructions); the machine's 2 cores shared with other sessions at a load average
of 13-18 throughout, so wall times were 4-10 x a quiet machine's: CPU time (user + system,
the helper included) and instructions are the figures, the ratios only as the same run's):

                                           before           after
  one page, instructions (cachegrind, the  0.99 G + helper  1.00 G, no helper (the cut
    render's own process; p3)              (0.47 G, counted                 in-process: +7 M)
                                           by an earlier session)
    p1                                     1.17 G + 0.47 G  1.18 G
  one page, CPU, render + helper (median   0.548 s          0.356 s  (-35 %)
    of 3 interleaved rounds, mean of five)
  one page, this script (median of 3,      1.708 s, 5.47 x  1.304 s, 4.13 x  (typst 0.31 s at
    mean of five, load ~15)                                                   that load)
  batch of 100 variants, 2 workers, CPU    9.9 s            8.4 s    (-15 %; 2 runs each)
  batch of 40 fresh pages, 2 workers, CPU  10.5 s           10.1 s   (-4 %; median of 3)
  then, the load down to ~1.7 (after the
    other sessions' runs):
  one page, wall / CPU (median of 7        0.355 s / 0.511 s  0.331 s / 0.334 s  (-7 % / -35 %)
    interleaved rounds, mean of five)
  one page, this script (median of 3)      0.315 s, 3.39 x  0.303 s, 2.91 x  (typst 0.093 /
                                                                            0.104 s)
  layout batch, the 100 variants, -j 2     11.85 s / 9.08 s 11.23 s / 7.78 s  (min 8.74 /
    (wall / CPU, median of 3 interleaved,                                    7.03 s wall;
    load ~5; one bench/batch.py run each                                     -14 % CPU)
    at load 3-4: 1.55 x / 0.98 x, typst's
    own 15.5 / 12.4 s: the load decided)
  bench/batch.py --pages 100 (two runs     36.5 s, 0.92 x   31.9 s, 0.96 x  (typst 30-39 s:
    each, interleaved, load 12-18)         31.9 s, 0.95 x   31.7 s, 1.22 x   the load decided)
    peak memory a worker                   96 MB            69 MB    (no dictionary in memory)
  bench/batch.py --fresh --pages 40        61.7 s, 0.29 x   50.2 s, 0.39 x  (112 -> 85 MB a
                                                                            worker)

What gained: a page breaks 2-5 display texts (25-80 characters); the dictionary rjieba
built for them (349,045 words) cost 0.44 G instructions in the helper, whose interpreter
start added ~0.03 G, and a batch worker imported it on its first page. The cut from the
mapped file is ~6.5 M instructions a page. On a quiet machine with a core free the helper
overlapped the render, so the one page's wall time gains less than its CPU (the render's
own process is as it was); where no core is free it gains the helper's whole load.
Not reached, and where the rest is: one page (<= 3 x): the render's own process, ~1.0-1.2 G
instructions, about half of it imports (click, yaml, reportlab, Pillow, the model), the
make-up ~0.25 G, the PDF writer; the batch (>= 1.5 x): laying out and rendering a variant
is ~60 of a job's 67 ms CPU in a warm worker (the make-up about half, the PDF writer most of
the rest; the job's reads, digests and writes ~5 ms), and the make-up ~85 % of a fresh
page's (cProfile); keeping the text cache across a worker's jobs (pipeline.Kept)
was tried (one process, 20 pages): -10 % CPU on the variants, -5 % on fresh pages, whose
process grew from 84 to 145 MB; left out.

Figures at the end of the session that merged the batch's reads, the PDF writer's compiled
runs and the make-up's shared measures (compiled builds in one sitting on a quiet machine,
load average ~1; before = 38f9a2b's build, after = cce84de; the five samples byte-identical):

                                           before           after
  one page, whole process (mean of five)   0.343 s, 3.39 ×  0.348 s, 3.49 ×  (typst ~0.10 s)
  warm work per page                       86 ms, 3.14 ×    83 ms, 3.13 ×   (typst 26-27 ms)
  --watch, a save with nothing changed     58 ms, 2.14 ×    39 ms, 1.48 ×
  --watch, one paragraph edited            61 ms, 2.23 ×    48 ms, 1.81 ×
  batch of 100, 2 workers (bench/batch.py) 0.78 ×           0.95 ×  (14.6 / 18.1 pages/s)
  batch of 40 real-news pages (--fresh)    0.28 ×           0.38 ×  (6.3 / 8.0 pages/s)
  bench/makeup.py, 10 / 5 articles         1.52 / 0.45 s    1.30 / 0.42 s  (median of 3)

Figures at the end of the session that merged the start-up, warm-work and make-up-search
work (compiled builds, one after the other in one sitting, load average ~2; before =
e0c8496's build, whose pages are main's at the session's start; after = 38f9a2b):

                                           before           after
  one page, whole process (this script,    0.416 s, 4.32 ×  0.364 s, 3.44 ×  (typst ~0.10 s)
    median of 3, mean of the five)
  warm work per page (load, make-up,       78-87 ms         68-76 ms  (best of 5 a page, the
    render; the five pages, in-process)                                five in one process)
  --watch, a save with nothing changed     49 ms            42 ms
  --watch, one paragraph edited            58 ms            55 ms
  batch of 100, 2 workers (bench/batch.py) 0.69 ×           0.75 ×  (12.3 / 12.9 pages/s)
  bench/makeup.py, 10 / 5 articles         2.79 / 0.44 s    1.19 / 0.32 s  (median of 3)
  layout --help                            0.193 s          0.133 s

Figures, issue 24's one page at start-up (compiled builds; before = main's build at d64556c,
after = the start branch, its pages the same byte for byte; instructions by cachegrind of
`layout render PAGE -o x.pdf`, the render's own process, the segmenter's helper apart; the
machine's 2 cores shared with other sessions, load average 8 to 22 through the runs, so
wall times were 4-5 × a quiet machine's; every wall line is main and branch interleaved in
one sitting):

                                           before           after
  one page (p3), instructions              1.425 G          1.146 G  (-20 %)
    its imports (cli, pipeline, PDF)       0.763 G          0.593 G  (-22 %)
  the five pages, instructions (mean)      1.466 G          1.197 G  (-18 %)
  CPU per page, render + helper (mean)     0.626 s          0.522 s  (-17 %)
  one page, whole process, this script     6.51 ×, 6.04 ×   5.52 ×, 6.15 ×  (1.58 / 1.35 s,
    (mean of the five, two pairs of runs)                             1.63 / 1.41 s: -14 %)
  one page, 6 rounds of the five pages     1.492 s, 6.45 ×  1.302 s, 5.63 ×  (typst 0.231 s)
    (main, branch and typst interleaved)

What gained, in the order of the commits: a face's cmap is looked up in its format-12 groups
as codes are asked for (cmap.py), not read whole into a dict (-0.12 G: five CJK faces, ~25,000
codes each, for a page's few hundred); `@frozen` (frozen.py) for the model's and the other
frozen types outside the compiled modules: dataclasses compiles one method a class at start,
not six (-0.12 G); the cyclic collector off while `layout render` imports (-0.017 G); no
socket (for one host name) nor difflib (for a mistake's suggestion) at import (-0.016 G).
Measured and left: Pillow is imported by reportlab itself (reportlab.lib.utils), so a lazy
import of ours gains nothing; yaml's C loader is used already, and `import yaml` compiles
the pure reader's NON_PRINTABLE pattern, 57 M instructions that no import of yaml avoids;
lazy click subcommands would save 5.5 M (0.5 %); compiling the model with mypyc would not
help (mypyc runs the dataclass decorator at import too); the compiled modules' own ~10
dataclasses cost ~20 M; interpreter finalization 29 M; typing's NamedTuple compiles each
string annotation, ~9 M. Not reached: ≤ 3 × (not measured quiet: scaled by the
instructions, main's quiet 0.374 s would be ~0.30 s, typst's 0.10 s); the rest is the
make-up (0.25 G, its trials' line breaking) and the imports of click, yaml, reportlab and
Pillow (~0.38 G).
Under load the render also waits for the segmenter's helper (0.44 G instructions to load
rjieba's dictionary) where no core is free for it.

Figures of issue 24's warm work (the warm branch: line breaking, the flow, the page's
report, the batch's workers; compiled builds, main's d34f1a0 against the branch, in one
sitting; the machine's 2 cores shared with other sessions at a load of 4-11, typst's warm
compile 100-150 ms where it takes 25 ms quiet, so instruction counts (cachegrind, the
process's own threads) are the figures; wall times only as layout over typst in one run):

                                           before           after
  warm work per page (a page not seen)     501 M instr.     368 M  (-27 %)
    load / make-up / final flow / render   4 / 60 / 4 / 30 %   5 / 51 / 3 / 39 %  (CPU shares)
  --watch, a save with nothing changed     236 M            201 M  (-15 %)
  --watch, one paragraph edited            273 M            234 M  (-14 %)
  batch of 20, 2 workers, all processes    794 M a page     660 M  (-17 %; no segmenter
                                                                    helper a worker: 0.47 G
                                                                    each)
    wall, bench/batch.py --pages 100       0.58, 1.26 x     0.56, 1.06 x  (the load decided)
  break_lines, the five pages' 689 calls   89-110 ms CPU    45-48 ms  (-50 %)
  build_runs, their 439 paragraphs         29-36 ms CPU     15-20 ms
  wall, warm page over typst's compile     3.95, 5.90 x     2.99, 3.63 x  (two runs each)

What gained: compiled, a module-level constant or a member of another module's enum is a
dict lookup or a getattr at each use (half of the line breaker's instructions): they are
Final or bound once; total_fit keeps its best ways per line key in reused slots, not a dict
of tuples; a frozen dataclass costs ~100 x a plain class to make (_Fit), a named tuple's
own constructor is interpreted (glyphs, gaps and boxes are made by tuple.__new__); the
flow reads the template's numbers once, not per line; the reading text skips what an
article without captions does not need; a batch worker segments in its own process (no
helper, no pipe round trip a text) and does not fsync a page's digest.
Not reached, and where the floor is: warm work <= typst's compile needs ~160 M
instructions a page (368 M now; 501 M took 73-81 ms quiet, ~6.5 M a ms). The PDF writer alone is ~145 M (~100 M on the main
thread: runs and their operators ~35 %, reportlab's object formatting at save ~25 %,
font subsets ~15 %; zlib ~50 M on the compressing thread, the same deflate of the same
streams that the bytes require); the make-up ~185 M, of which its search (tiling,
candidate) ~75 M and the flow it runs on its trials (line breaking ~45 M, heads ~30 M,
balancing layouts) the rest. An edit under --watch re-runs the make-up and the whole
render (the content of every line, reportlab's save): 234 M against the ~80 M half
of typst's compile allows. The batch (>= 1.5 x) gained what the warm page did (133 M a
page). A job in a warm process costs 433 M (the digests, the writes, the first job's
faces); in a worker of that batch of 20 ~615 M a page (cachegrind counts what the parent
ran before the fork, 0.87 G, again in each child: taken off above): each worker's fixed
costs (the fonts' digest 0.4 G, the segmenter's dictionary 0.44 G, faces parsed on first
use) spread over its 10 pages; over the 100 a worker of a batch of 200 they are ~10-20 M a
page. What else a worker spends is not yet measured apart.

Figures at the end of the session of the writer's work, the measures and the make-up's
guarantees (compiled builds, one after the other in one sitting, the machine otherwise quiet
but slower than in earlier sessions: the start's build made the 10-article make-up page in
2.6 s where it had made it in 1.5 s; before = d990030, after = e0c8496; typst's warm
compile 0.025 s, its whole process 0.10–0.11 s):

                                           before           after
  one page, whole process (mean of five)   0.672 s, 5.9 ×   0.374 s, 3.8 ×
  warm work per page (best of 3 × 15)      88–89 ms         73–81 ms
  --watch, a save with nothing changed     36–40 ms         32 ms
  --watch, one paragraph edited            48–50 ms         37–40 ms
  each extra page of text                  2.3 ×            1.9 ×
  batch of 100, 2 workers (bench/batch.py) 0.72 ×           0.68 ×  (16.6 / 17.4 pages/s)
  batch of 60 real-news pages (--fresh)    0.28 ×           0.23 ×  (7.2 / 6.2 pages/s)
  bench/makeup.py, 10 articles (median)    2.58 s           3.20 s  (the hierarchy in the
                                                                     search and the repair's
                                                                     new moves: +8 % and +4 %
                                                                     of its CPU, pure Python)

Figures, issue 24's writer and start-up work (compiled build; the machine's 2 cores shared
with other sessions, load average 3–6 throughout, so wall times were 2–3 × a quiet
machine's and varied as much from one run to the next; hence instruction counts from
cachegrind as well, which load does not change; before = d990030, after = the fast branch):

                                           before           after
  one page (p3), whole process:
    instructions, the render's own process 1.91 G           1.44 G  (the segmenter's 0.44 G
                                                                     in its helper, 0.47 G;
                                                                     gc.freeze after the
                                                                     imports: 0.04 G)
    wall, main and branch interleaved      0.593 s, 6.6 ×   0.412 s, 4.6 ×  (load ~3)
                                           0.813 s, 6.9 ×   0.856 s, 7.3 ×  (load ~4.5)
    wall on one core (taskset -c 0)        0.516 s          0.527 s (+2 %: the helper's start)
    this script's line (mean of five)      6.4 ×, 6.2 ×     5.5 ×, 6.2 ×
  batch of 100, 2 workers (bench/batch.py) 0.61 ×, 0.84 ×   0.74 ×, 0.50 × (two pairs of runs:
                                                            the load decided, not the code)
    peak memory per worker                 108 MB           75 MB (the dictionary, ~35 MB,
                                                            in each worker's helper now)
  imports (layout.cli and the pipeline)    0.744 G instr.   0.756 G (+1.6 %)
  warm render (PDF writing) per page       160 M instr.     153 M, ~50 M of it (zlib) on the
                                                            compressing thread
    its main thread's CPU                  31 ms            22 ms (waits ~3 ms for zlib)
  --watch, a save with nothing changed     257 M instr.     261 M (+1.5 %)  (load, lay out,
                                                                     render a page)

What gained: the segmenter's dictionary load held the interpreter's lock (rjieba builds it
in its import without letting go), so its "background" thread stopped the render for a
quarter of its instructions: it loads in a helper process now (text.segmenter), started
before the command imports anything else; font subsets are made ~5 × faster (fontsubset)
and compressed on a thread while the page is painted (render.streams); a page's runs are
coded with str.translate once its new characters have their codes (render.runs); `layout
render` moves what its imports made out of the cyclic collector's way (gc.freeze). Where no
core is free the process costs what it did (+2 %). Not reached still: the one page
(≤ 3 ×; imports are 0.76 G of its 1.44 G instructions: click, yaml, reportlab and Pillow,
and the model's dataclasses, whose methods are compiled from source at each start, ~15 %
of the imports), the make-up and flow (0.45 G), warm work (≤ 1 ×).

Figures, issue 24's pipeline work (compiled build; the machine's 2 cores shared with four
other sessions, load average 2.5–4 through the runs, so wall times doubled from one run to
the next: each line is layout over typst in the same run; before = 3cf1a42, after = the
pipeline branch, run back to back, the one-page and batch lines also interleaved):

                                           before           after
  one page, whole process                  4.9 ×            4.8 ×   (0.320 / 0.317 s, typst 0.066 s)
  batch of 200, 2 workers (pages/s)        0.96–0.98 ×      1.03–1.04 × (30.5 → 32.4 pages/s)
  warm work per page (a page not seen)     1.63 ×           1.55 ×  (0.073 s, typst 0.047 s)
  --watch, a save with nothing changed     1.63 × (all made again)  0.66–0.83 ×
  --watch, one paragraph edited            1.63 × (all made again)  0.86 ×
  each extra page of text                  1.5–3.7 ×        1.9–3.3 × (the same code; noise)

The batch gained by loading a page once, not three times (its digests read the files
without normalizing the text); --watch by what it keeps; the one page not measurably: its
segmenter loads on a thread of its own (text.words), which gains up to 0.08 s only where a
core is free (none was here). Not reached: the one page (≤ 3 ×), the batch (≥ 1.5 ×), warm
work (≤ 1 ×) and an edit (≤ 0.5 ×): the make-up and flow (their trials; the final page's
flow run again) and the PDF writer (font subsets and their compression, about 8 of a page's
19 ms) are where the rest is.
"""
from __future__ import annotations

import argparse
import importlib.util
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
ISSUES = sorted((REPO / "issues").glob("*.yaml"))


def _batch_module():
    spec = importlib.util.spec_from_file_location("bench_batch", HERE / "batch.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def timed(command: list[str], runs: int) -> float:
    """Median wall time of a command, in seconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def typst_command(source: Path, output: Path) -> list[str]:
    from layout.resources import fonts_dir  # noqa: PLC0415

    code = ("import sys, typst; typst.compile(sys.argv[1], output=sys.argv[2], "
            f"font_paths=[{str(fonts_dir())!r}], ignore_system_fonts=True)")
    return [sys.executable, "-c", code, str(source), str(output)]


def watch_loop(manifests: list[Path], work: Path, runs: int, fonts) -> tuple[float, float]:
    """What `render --watch` does after a save, per page (median seconds): render again
    through what the last render kept (pipeline.Kept) when nothing changed, and when one
    paragraph was edited (a new text each time: nothing of it was kept before)."""
    from layout.pipeline import Kept, layout, load, render  # noqa: PLC0415

    unchanged, edited = [], []
    for manifest in manifests:
        text = manifest.read_text(encoding="utf-8")
        first = re.search(r"(?m)^      - ([^{\n]{40,})$", text)
        path = work / f"watch-{manifest.name}"
        path.write_text(text, encoding="utf-8")
        kept = Kept()

        def once() -> float:
            start = time.perf_counter()
            loaded = load(path)
            render(layout(loaded, fonts, kept=kept), loaded, fonts, kept=kept)
            return time.perf_counter() - start

        once()
        for run in range(runs):
            unchanged.append(once())
            path.write_text(text[:first.start(1)] + f"第{run + 1}稿，" + first.group(1)
                            + text[first.end(1):], encoding="utf-8")
            edited.append(once())
    return statistics.median(unchanged), statistics.median(edited)


def line(name: str, ours: float, theirs: float, unit: str = "s", goal: str = "") -> None:
    print(f"{name:<46} layout {ours:8.3f} {unit}   typst {theirs:8.3f} {unit}   "
          f"ratio {ours / theirs:5.2f}{'   ' + goal if goal else ''}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--skip-batch", action="store_true")
    args = parser.parse_args()
    try:
        import typst  # noqa: F401, PLC0415
    except ImportError:
        print("typst is not installed (pip install typst): nothing to compare with")
        return 1
    batch = _batch_module()
    layout = shutil.which("layout", path=str(Path(sys.executable).parent)) or "layout"
    import layout.text.linebreak as breaker  # noqa: PLC0415

    compiled = not breaker.__file__.endswith(".py")
    print(f"layout from {Path(breaker.__file__).parent.parent}: "
          + ("compiled speed-ups (mypyc)" if compiled else
             "plain Python (an editable install, or no C compiler: pip install . compiles)"))
    work = Path(tempfile.mkdtemp(prefix="layout-speed-"))
    try:
        # 1. one page, whole process
        ours, theirs = [], []
        for manifest in ISSUES:
            source = work / f"{manifest.stem}.typ"
            source.write_text(batch.typst_source(manifest), encoding="utf-8")
            ours.append(timed([layout, "render", str(manifest), "-o",
                               str(work / f"{manifest.stem}.pdf")], args.runs))
            theirs.append(timed(typst_command(source, work / f"{manifest.stem}-t.pdf"),
                                args.runs))
        print(f"one page, whole process (median of {args.runs}, each of the five pages):")
        for manifest, a, b in zip(ISSUES, ours, theirs):
            line(f"  {manifest.stem}", a, b)
        line("  mean", statistics.mean(ours), statistics.mean(theirs), goal="goal ≤ 3")

        # 3. warm work per page in one process
        from layout import render_issue  # noqa: PLC0415
        from layout.fonts import shipped_fonts  # noqa: PLC0415
        import typst as typst_module  # noqa: PLC0415
        from layout.resources import fonts_dir  # noqa: PLC0415

        fonts = shipped_fonts()
        for manifest in ISSUES:  # warm: faces parsed, templates read
            render_issue(manifest, fonts)
        start = time.perf_counter()
        for _ in range(args.runs):
            for manifest in ISSUES:
                render_issue(manifest, fonts)
        warm = (time.perf_counter() - start) / (args.runs * len(ISSUES))
        sources = [work / f"{m.stem}.typ" for m in ISSUES]
        for source in sources:
            typst_module.compile(str(source), font_paths=[str(fonts_dir())],
                                 ignore_system_fonts=True)
        start = time.perf_counter()
        for _ in range(args.runs):
            for source in sources:
                typst_module.compile(str(source), font_paths=[str(fonts_dir())],
                                     ignore_system_fonts=True)
        warm_typst = (time.perf_counter() - start) / (args.runs * len(sources))
        line("warm work per page, one process", warm, warm_typst, goal="goal ≤ 1")
        unchanged, edited = watch_loop(ISSUES, work, args.runs, fonts)
        line("--watch: a save, nothing changed", unchanged, warm_typst, goal="goal ≤ 1")
        line("--watch: one paragraph edited", edited, warm_typst, goal="goal ≤ 0.5")

        # 4. each extra page of text: one article on taller pages
        from layout.manifest import load_issue  # noqa: PLC0415
        from layout.model import Paragraph  # noqa: PLC0415

        text = [b.text for m in ISSUES for a in load_issue(m).articles for b in a.blocks
                if isinstance(b, Paragraph)]  # ~14,000 characters
        sizes = []
        for height, copies in ((540, 1), (1080, 2), (2000, 3)):
            manifest = work / f"tall-{height}.yaml"
            template = work / f"tall-{height}-t.yaml"
            template.write_text(f"extends: news\nname: tall\npage: {{size: [390mm, "
                                f"{height}mm]}}\n", encoding="utf-8")
            body = "\n".join(f"      - {p.strip()}" for p in text * copies)
            manifest.write_text("manifest: 1\npaper: 测试报\ndate: 2021-03-04\npage: 1\n"
                                f"template: {template.name}\narticles:\n"
                                "  - headline: 长文\n    body:\n" + body + "\n",
                                encoding="utf-8")
            chars = sum(len(p) for p in text) * copies
            a = timed([layout, "render", str(manifest), "-o", str(work / "tall.pdf"),
                       "--allow-overflow"], args.runs)
            source = work / f"tall-{height}.typ"
            source.write_text(batch.typst_source(manifest, height * 72 / 25.4),
                              encoding="utf-8")
            b = timed(typst_command(source, work / "tall-t.pdf"), args.runs)
            sizes.append((chars, a, b))
        (c0, a0, b0), (c1, a1, b1) = sizes[0], sizes[-1]
        per = 10_000 / (c1 - c0)
        print(f"each extra page of text ({c0:,} → {c1:,} characters):")
        line("  seconds per 10,000 more characters", (a1 - a0) * per, (b1 - b0) * per,
             goal="goal ≤ 2")

        # 5. start-up
        help_time = timed([layout, "--help"], args.runs)
        import_time = timed([sys.executable, "-c", "import layout"], args.runs)
        typst_import = timed([sys.executable, "-c", "import typst"], args.runs)
        bare = timed([sys.executable, "-c", "pass"], args.runs)
        line("start-up: layout --help / import typst", help_time, typst_import)
        line("start-up: import layout / import typst", import_time, typst_import,
             goal=f"goal ≤ 0.06 s (a bare python: {bare:.3f} s)")

        # 2. batch
        if not args.skip_batch:
            manifests = batch.make_variants(args.pages, work / "in")
            start = time.perf_counter()
            subprocess.run([layout, "batch", str(work / "in"), "-o", str(work / "out"), "-j",
                            "2", "--force"], check=True, stderr=subprocess.DEVNULL)
            ours_batch = time.perf_counter() - start
            theirs_batch = batch.run_typst(manifests, work / "typst", 2)
            print(f"batch of {args.pages} pages, 2 at a time (pages/s: layout "
                  f"{args.pages / ours_batch:.1f}, typst {args.pages / theirs_batch:.1f}):")
            line("  seconds", ours_batch, theirs_batch, goal="goal ≤ 0.67 (1.5 × its pages/s)")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
