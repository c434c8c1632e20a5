#!/usr/bin/env python3
"""Whole-process time of one `layout render`: start-up, fonts, layout and PDF, as an
editor experiences it. Target: ≤ 0.5 s on the project's 2-core machine.

    python bench/render.py [MANIFEST] [--runs N]
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT = HERE.parent / "issues" / "2020-07-01-p3-fenjin-lushang.yaml"
TARGET = 0.5  # seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("manifest", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    command = shutil.which("layout", path=str(Path(sys.executable).parent)) or "layout"
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "page.pdf"
        for _ in range(args.runs + 1):  # the first run warms the disk cache: not counted
            start = time.perf_counter()
            subprocess.run([command, "render", str(args.manifest), "-o", str(out)],
                           check=True, capture_output=True)
            times.append(time.perf_counter() - start)
    times = times[1:]
    median = statistics.median(times)
    print(f"{args.manifest.name}: {args.runs} runs, median {median:.3f} s, "
          f"best {min(times):.3f} s, worst {max(times):.3f} s "
          f"(target ≤ {TARGET} s: {'met' if median <= TARGET else 'NOT met'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
