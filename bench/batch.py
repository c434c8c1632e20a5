#!/usr/bin/env python3
"""Batch throughput: N variants of the sample manifests through `layout batch`, pages/s
and peak memory per worker; then the same number of comparable one-page documents compiled
by typst (PyPI `typst`), one process per page, two at a time, and the ratio.
Targets: ≥ 1.5 × typst's pages/s, ≤ 150 MB peak memory per worker.

    python bench/batch.py [--pages 200] [--jobs 2] [--keep DIR] [--fresh]

`--fresh`: pages of real news instead (tests/newsgen.py, seeds 0..N-1: every page's text
its own, as in an archive's batch, where nothing a worker cached for one page helps the
next; overset pages are written with --allow-overflow, as a proof run would).

Figures (compiled builds, one sitting; the machine's 2 cores shared, load 5-10, so the wall
times and ratios below moved with the load: typst's own 200 pages took 26.9-43.4 s):
main (274d659) → branch batch (a job reads its files once, its digest of those bytes; the
cyclic collector seldom in a worker; @frozen's one-step __init__):
  instructions a page, `-j 1`, cachegrind, (8 pages − 3) / 5      0.379 G → 0.340 G (-10 %)
  CPU of `layout batch -j 2 --force`, 200 variants (4 runs each)  21.1-25.5 s → 18.8-22.8 s
  CPU, 60 fresh pages, --allow-overflow (4 runs each)            17.6-20.9 s → 13.8-20.1 s
  (perf stat task-clock, workers included; means 23.6 → 20.6 s and 19.3 → 17.0 s)
  --pages 200, wall (ratio)          40.5 s (0.80 ×), 41.8 s (1.04 ×) → 38.5 s (1.09 ×),
                                     37.4 s (0.72 ×)
  --fresh --pages 60, wall (ratio)   47.3 s (0.25 ×) → 37.9 s (0.28 ×)
  peak memory a worker               94 MB → 95 MB; fresh pages 109 MB → 111 MB
"""
from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path


from layout.manifest import load_issue
from layout.model import Boxed, Figure, Paragraph, Quote, Signature, Subhead
from layout.resources import fonts_dir
from layout.templates import load_template

HERE = Path(__file__).resolve().parent
ISSUES = HERE.parent / "issues"


def make_variants(count: int, folder: Path) -> list[Path]:
    """`count` manifests: the sample pages in turn, each with its own date and issue number
    (so that every PDF differs), in sub-folders of 50."""
    sources = sorted(ISSUES.glob("*.yaml"))
    made = []
    for i in range(count):
        source = sources[i % len(sources)]
        # the manifest's own text with two lines changed (a YAML round trip would turn
        # `aspect: 4:3` into the base-60 number 243)
        text = source.read_text(encoding="utf-8")
        text = re.sub(r"(?m)^issue: .*$", f"issue: {2000 + i}", text)
        text = re.sub(r"(?m)^date: .*$", f"date: 2020-{1 + i % 12:02d}-{1 + i % 28:02d}",
                      text)
        target = folder / f"part-{i // 50:02d}" / f"{source.stem}-{i:04d}.yaml"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        made.append(target)
    return made


def make_fresh(count: int, folder: Path) -> list[Path]:
    """`count` pages of real news made up by the make-up alone (tests/newsgen.py)."""
    sys.path.insert(0, str(HERE.parent / "tests"))
    import newsgen  # noqa: PLC0415

    made = []
    for seed in range(count):
        target = folder / f"part-{seed // 50:02d}"
        target.mkdir(parents=True, exist_ok=True)
        made.append(newsgen.write(seed, target))
    return made


def typst_source(manifest: Path, height_pt: float | None = None) -> str:
    """A comparable typst page: the same text on the same page (size, margins, column
    count and gutter of the manifest's template), justified at 9 pt on a 13.5 pt pitch.
    `height_pt`: a taller page (the marginal cost of text)."""
    issue = load_issue(manifest)
    t = load_template(issue.template, issue.path.parent, issue.template_origin)

    def esc(text: str) -> str:
        return "".join("\\" + c if c in "\\#*_`$<>@[]=-+/~\"'" else c for c in text)

    out = [f'#set page(width: {t.page_width}pt, height: {height_pt or t.page_height}pt, '
           f'margin: (left: {t.margin_left}pt, right: {t.margin_right}pt, top: '
           f'{t.margin_top}pt, bottom: {t.margin_bottom}pt), columns: {t.columns})',
           f'#set columns(gutter: {t.gutter}pt)',
           '#set text(font: "Noto Serif CJK SC", size: 9pt, lang: "zh", region: "cn")',
           '#set par(justify: true, first-line-indent: (amount: 2em, all: true), '
           'leading: 4.5pt, spacing: 4.5pt)']
    for article in issue.articles:
        if article.headline:
            out.append(f'#place(top, scope: "parent", float: true)[#text(size: 36pt, '
                       f'font: "Noto Serif CJK SC")[{esc(article.headline.main)}]]')
        for block in article.blocks:
            if isinstance(block, Paragraph):
                out.append(esc((block.lead or "") + block.text) + "\n")
            elif isinstance(block, (Subhead, Signature, Quote)):
                out.append(f"#align(center)[*{esc(block.text)}*]\n")
            elif isinstance(block, Boxed):
                out.append(f"#box(stroke: 0.75pt)[{esc(block.text)}]\n")
            elif isinstance(block, Figure) and block.caption:
                out.append(f"#rect(width: 100%, height: {block.lines * 13.5}pt)\n"
                           f"{esc(block.caption)}\n")
    return "\n".join(out)


def run_typst(manifests: list[Path], folder: Path, parallel: int) -> float:
    folder.mkdir(parents=True, exist_ok=True)
    sources = []
    for i, manifest in enumerate(manifests):
        path = folder / f"page-{i:04d}.typ"
        path.write_text(typst_source(manifest), encoding="utf-8")
        sources.append(path)
    # our fonts only, system fonts ignored: otherwise typst spends its start-up scanning
    # every font on the machine, which is not the work being compared
    code = ("import sys, typst; typst.compile(sys.argv[1], output=sys.argv[2], "
            f"font_paths=[{str(fonts_dir())!r}], ignore_system_fonts=True)")

    def compile_one(source: Path) -> None:
        subprocess.run([sys.executable, "-c", code, str(source), str(source.with_suffix(".pdf"))],
                       check=True)

    start = time.perf_counter()
    with ThreadPoolExecutor(parallel) as pool:
        list(pool.map(compile_one, sources))
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    parser.add_argument("--fresh", action="store_true",
                        help="pages of real news, each its own text (tests/newsgen.py)")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="layout-batch-"))
    manifests = (make_fresh if args.fresh else make_variants)(args.pages, folder / "in")
    extra = ["--allow-overflow"] if args.fresh else []
    layout = shutil.which("layout", path=str(Path(sys.executable).parent)) or "layout"
    start = time.perf_counter()
    subprocess.run([layout, "batch", str(folder / "in"), "-o", str(folder / "out"), "-j",
                    str(args.jobs), "--force", *extra], check=True, stderr=subprocess.DEVNULL)
    ours = time.perf_counter() - start
    report = [json.loads(line) for line in
              (folder / "out" / "report.jsonl").read_text(encoding="utf-8").splitlines()]
    peak_mb = max(item["memory_mb"] for item in report)
    failed = [item for item in report if item["status"] != "done"]
    start = time.perf_counter()
    subprocess.run([layout, "batch", str(folder / "in"), "-o", str(folder / "out"), "-j",
                    str(args.jobs), *extra], check=True, stderr=subprocess.DEVNULL)
    rerun = time.perf_counter() - start
    print(f"layout: {args.pages} pages, {args.jobs} workers: {ours:.1f} s, "
          f"{args.pages / ours:.1f} pages/s, {len(failed)} not done; peak memory per worker "
          f"{peak_mb:.0f} MB (target ≤ 150); re-run skipping all: {rerun:.1f} s (target < 5)")
    try:
        import typst  # noqa: F401, PLC0415
    except ImportError:
        print("typst: not installed (pip install typst) — no comparison")
        return 0
    theirs = run_typst(manifests, folder / "typst", args.jobs)
    print(f"typst:  {args.pages} pages, one process per page, {args.jobs} at a time: "
          f"{theirs:.1f} s, {args.pages / theirs:.1f} pages/s")
    print(f"ratio:  layout is {theirs / ours:.2f} × typst's pages/s (target ≥ 1.5)")
    if not args.keep:
        shutil.rmtree(folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
