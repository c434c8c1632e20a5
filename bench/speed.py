#!/usr/bin/env python3
"""layout against typst (PyPI `typst`), side by side on this machine, in one run: the same
pages (the five of `issues/`, each set by typst on its template's page, columns and gutter),
the same faces (our `fonts/`, typst with `ignore_system_fonts=True`: otherwise it spends its
start-up scanning every font on the machine). Prints each line of the comparison and its
ratio (layout's time over typst's; < 1 is faster):

  1. one page, whole process (a fresh process per page, as an editor's `layout render`);
  2. a batch of N pages, 2 workers, against typst one process per page, two at a time;
  3. warm work per page inside one process (the batch worker's share): a page whose text
     neither has seen (every paragraph begins with new words at each run: typst keeps
     what it compiled in a memo for the process's life, so its compile of a page it
     compiled before is a third cheaper, and layout's render_issue keeps of a page only
     the text it broke, by content: pipeline.process_texts, its headlines, bylines and
     captions found again); the same page again (typst from its memo, layout with its
     text kept: not a fair pair, kept to compare with earlier figures); then `render --watch` after a save,
     through what the last render kept (pipeline.Kept): nothing changed (against typst's
     same page again), one paragraph edited (a new text each time; against typst's
     compile after the same edit of its page, from its memo, and against typst's whole
     compile of a page, the unseen line's: issue 24's wording, "at most half of" typst's
     whole compile of the same page), and every paragraph new (as the unseen
     pages, saved again and again: the --watch loop's warm work, issue 24's wording;
     against typst's compile of the same page);
  4. each extra page of text: one article on taller and taller pages (time per 10,000
     characters, from the smallest and the largest);
  5. start-up: `layout --help` and `import layout` against `import typst`.

    python bench/speed.py [--runs 5] [--pages 200] [--skip-batch]

Goals (issue 24): one page ≤ 3 × typst; batch ≥ 1.5 × typst's pages/s; warm work per page
≤ typst's compile of it, an edited paragraph under --watch ≤ half of typst's whole compile
of the page (the stricter pair, typst's compile after the same edit from its memo, is
printed too); each extra page
of text ≤ 2 × typst's; import layout ≤ 60 ms.

Figures of the sessions that measured with it, newest first: bench/README.md (add yours
there, on top).
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


def typst_compile(source: Path) -> None:
    import typst  # noqa: PLC0415
    from layout.resources import fonts_dir  # noqa: PLC0415

    typst.compile(str(source), font_paths=[str(fonts_dir())], ignore_system_fonts=True)


# A paragraph of a manifest (a body's item that is Chinese text, not a {mapping} or a key:)
# and of a typst source (a line that is not markup).
MANIFEST_PARAGRAPH = re.compile(r"(?m)^(      - )(?=[^\x00-\x7f])")
TYPST_PARAGRAPH = re.compile(r"(?m)^(?=[^#\n])")


def unseen(manifests: list[Path], sources: list[Path], work: Path, runs: int,
           fonts) -> tuple[float, float]:
    """Warm work per page on a page whose text the process has not seen (the batch
    worker's share): each paragraph of the page begins with words new at each run, for
    both (typst keeps what it compiled in a memo, by content, as long as the process
    lives; so does layout, for what its Kept and its caches hold). Mean seconds a page
    after a warm-up run."""
    from layout import render_issue  # noqa: PLC0415

    ours = theirs = 0.0
    for run in range(runs + 1):
        mark = f"第{run + 1}次"
        for manifest, source in zip(manifests, sources):
            page = work / f"new-{manifest.name}"
            page.write_text(MANIFEST_PARAGRAPH.sub(r"\g<1>" + mark, manifest.read_text(
                encoding="utf-8")), encoding="utf-8")
            typ = work / f"new-{source.name}"
            typ.write_text(TYPST_PARAGRAPH.sub(mark, source.read_text(encoding="utf-8")),
                           encoding="utf-8")
            start = time.perf_counter()
            render_issue(page, fonts)
            middle = time.perf_counter()
            typst_compile(typ)
            if run:
                ours += middle - start
                theirs += time.perf_counter() - middle
    return ours / (runs * len(manifests)), theirs / (runs * len(manifests))


def again(manifests: list[Path], sources: list[Path], runs: int,
          fonts) -> tuple[float, float]:
    """The same pages again and again in one process (mean seconds a page): layout with
    the text it broke kept (render_issue: pipeline.process_texts) and nothing else, typst
    from its memo."""
    from layout import render_issue  # noqa: PLC0415

    for manifest, source in zip(manifests, sources):
        render_issue(manifest, fonts)
        typst_compile(source)
    start = time.perf_counter()
    for _ in range(runs):
        for manifest in manifests:
            render_issue(manifest, fonts)
    ours = time.perf_counter() - start
    start = time.perf_counter()
    for _ in range(runs):
        for source in sources:
            typst_compile(source)
    theirs = time.perf_counter() - start
    return ours / (runs * len(manifests)), theirs / (runs * len(manifests))


def watch_loop(manifests: list[Path], sources: list[Path], work: Path, runs: int,
               fonts) -> tuple[float, float, float, float, float]:
    """What `render --watch` does after a save, per page (median seconds): render again
    through what the last render kept (pipeline.Kept) when nothing changed, when one
    paragraph was edited (a new text each time: nothing of it was kept before), and when
    every paragraph was (each begins with new words, as `unseen`'s pages: the --watch
    loop's warm work on text it has not seen); and typst's compile after the same edits of
    its page, in the process that compiled it."""
    from layout.pipeline import Kept, layout, load, render  # noqa: PLC0415

    unchanged, edited, typst_edited, renewed, typst_renewed = [], [], [], [], []
    for manifest, source in zip(manifests, sources):
        text = manifest.read_text(encoding="utf-8")
        first = re.search(r"(?m)^      - ([^{\n]{40,})$", text)
        path = work / f"watch-{manifest.name}"
        path.write_text(text, encoding="utf-8")
        typ_text = source.read_text(encoding="utf-8")
        typ_first = TYPST_PARAGRAPH.search(typ_text)
        typ = work / f"watch-{source.name}"
        typ.write_text(typ_text, encoding="utf-8")
        typst_compile(typ)
        kept = Kept()

        def once() -> float:
            start = time.perf_counter()
            loaded = load(path)
            render(layout(loaded, fonts, kept=kept), loaded, fonts, kept=kept)
            return time.perf_counter() - start

        once()
        for run in range(runs):
            unchanged.append(once())
            mark = f"第{run + 1}稿，"
            path.write_text(text[:first.start(1)] + mark + first.group(1)
                            + text[first.end(1):], encoding="utf-8")
            edited.append(once())
            typ.write_text(typ_text[:typ_first.start()] + mark
                           + typ_text[typ_first.start():], encoding="utf-8")
            start = time.perf_counter()
            typst_compile(typ)
            typst_edited.append(time.perf_counter() - start)
        for run in range(runs):
            mark = f"第{run + 1}遍"
            path.write_text(MANIFEST_PARAGRAPH.sub(r"\g<1>" + mark, text), encoding="utf-8")
            renewed.append(once())
            typ.write_text(TYPST_PARAGRAPH.sub(mark, typ_text), encoding="utf-8")
            start = time.perf_counter()
            typst_compile(typ)
            typst_renewed.append(time.perf_counter() - start)
    return (statistics.median(unchanged), statistics.median(edited),
            statistics.median(typst_edited), statistics.median(renewed),
            statistics.median(typst_renewed))


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
        from layout.fonts import shipped_fonts  # noqa: PLC0415

        fonts = shipped_fonts()
        sources = [work / f"{m.stem}.typ" for m in ISSUES]
        ours_new, theirs_new = unseen(ISSUES, sources, work, args.runs, fonts)
        line("warm work per page, text not seen before", ours_new, theirs_new,
             goal="goal ≤ 1")
        warm, warm_typst = again(ISSUES, sources, args.runs, fonts)
        line("  the same page again (typst: from its memo)", warm, warm_typst)
        unchanged, edited, typst_edited, renewed, typst_renewed = watch_loop(
            ISSUES, sources, work, args.runs, fonts)
        line("--watch: a save, nothing changed", unchanged, warm_typst, goal="goal ≤ 1")
        line("--watch: one paragraph edited", edited, typst_edited,
             goal="≤ 0.5 (typst: the same edit, from its memo)")
        line("  against typst's whole compile of the page", edited, theirs_new,
             goal="goal ≤ 0.5 (issue 24's wording)")
        line("--watch: every paragraph new", renewed, typst_renewed,
             goal="goal ≤ 1 (the --watch loop's warm work)")

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
