#!/usr/bin/env python3
"""The layout of pages a warm process has not seen (issue 24's warm work): each manifest of
a folder loaded and laid out once (fonts, templates, imports made), then laid out PASSES
times more with no memory of it (`pipeline.layout`, no Kept, the text the process kept
forgotten before each: `pipeline.forget_texts`), each page's CPU time kept.

    python bench/warm.py FOLDER [PASSES]      (the CPU time of a page's layout, median)
    python bench/warm.py --news N FOLDER      (first writes N pages of real news there:
                                               tests/newsgen seeds 0..N-1)

Instructions a page, where the machine is shared: run it under cachegrind with PASSES 0
and 1 and take the difference over the page count, e.g.

    valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \\
        python bench/warm.py issues 1

(what the first pass costs is in both, so the difference is one pass). The figures are in
bench/README.md (the search branch's).
"""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from layout.fonts import shipped_fonts
from layout.pipeline import forget_texts, layout, load


def main(argv: list[str]) -> None:
    if argv[:1] == ["--news"]:
        sys.path.insert(0, str(Path(__file__).parent.parent / "tests"))
        import newsgen  # noqa: PLC0415

        folder = Path(argv[2])
        folder.mkdir(parents=True, exist_ok=True)
        for seed in range(int(argv[1])):
            newsgen.write(seed, folder)
        argv = argv[2:]
    folder, passes = Path(argv[0]), int(argv[1]) if len(argv) > 1 else 5
    fonts = shipped_fonts()
    loaded = [load(m) for m in sorted(folder.glob("*.yaml"))]
    for one in loaded:
        forget_texts()
        layout(one, fonts)
    times = []
    for _ in range(passes):
        for one in loaded:
            forget_texts()  # (no text kept from the page's last pass)
            start = time.process_time()
            layout(one, fonts)
            times.append(time.process_time() - start)
    if times:
        print(f"{len(loaded)} pages x {passes}: layout {1000 * statistics.median(times):.1f} ms "
              f"a page (CPU, median; mean {1000 * statistics.mean(times):.1f} ms)")


if __name__ == "__main__":
    main(sys.argv[1:])
