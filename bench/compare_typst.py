#!/usr/bin/env python3
"""Set the same Chinese text in one column with layout and with typst (PyPI `typst`), and
compare the spacing: the largest gap between two Han characters, and the mean and spread
of each line's largest gap. Both use the same shipped face (Noto Serif CJK SC, 9 pt).

    python bench/compare_typst.py [TEXT.txt | MANIFEST.yaml] [--width 13] [--out DIR]
        [--breaking total-fit|first-fit] [--punctuation push-out|push-in] [--hanging]
        [--pdfcheck PATH]

TEXT.txt holds paragraphs separated by blank lines (default: bench/data/news.txt, news text
the engine was not tuned on); a manifest gives its body paragraphs. With --pdfcheck, that
checker is also run on both PDFs. It also prints the least largest gap that any break
sequence allows under our rules (character gaps widen equally, no Chinese–Latin spacing,
marks squeezed as far as push-in allows): how close the breaker comes to the best possible,
and how much of a difference to typst is the rules rather than the breaking.
Needs `pip install typst pypdfium2`.
"""
from __future__ import annotations

import argparse
import ctypes
import statistics
import subprocess
import sys
import tempfile
import unicodedata
from functools import partial
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import yaml

from layout import render_issue
from layout.fonts import shipped_fonts
from layout.manifest import load_issue
from layout.model import Composition, Paragraph, PunctuationFit
from layout.resources import fonts_dir
from layout.text.items import build_items
from layout.text.linebreak import EPS, ParagraphBreaker  # the breaker's own measure of a line

HERE = Path(__file__).resolve().parent
SIZE = 9.0
PITCH = 13.5


def paragraphs(source: Path) -> list[str]:
    if source.suffix in (".yaml", ".yml"):
        return [(b.lead or "") + b.text for a in load_issue(source).articles
                for b in a.blocks if isinstance(b, Paragraph)]  # a run-in lead opens its text
    return [p.strip() for p in source.read_text(encoding="utf-8").split("\n\n") if p.strip()]


def layout_pdf(texts: list[str], width: int, breaking: str, tmp: Path,
               punctuation: str = "push-out", hanging: bool = False) -> bytes:
    chars = sum(len(t) for t in texts)
    lines = chars // (width - 1) + 3 * len(texts) + 10
    height = lines * PITCH + 40
    (tmp / "column.yaml").write_text(
        "extends: base\nname: column\n"
        f"page: {{size: [{width * SIZE + 20}pt, {height}pt], "
        "margins: {top: 20pt, bottom: 20pt, left: 10pt, right: 10pt}}\n"
        f"grid: {{columns: 1, column_width: {width}字, gutter: 1字}}\n"
        f"composition: {{breaking: {breaking}, punctuation: {punctuation}, "
        f"hanging_punctuation: {str(hanging).lower()}}}\n",
        encoding="utf-8")
    manifest = {"manifest": 1, "paper": "比较", "date": "2020-01-01", "page": 1,
                "template": "column.yaml", "normalize": False,
                "articles": [{"body": texts}]}
    (tmp / "issue.yaml").write_text(yaml.safe_dump(manifest, allow_unicode=True),
                                    encoding="utf-8")
    return render_issue(tmp / "issue.yaml").pdf


def typst_pdf(texts: list[str], width: int) -> bytes:
    import typst  # noqa: PLC0415 (optional: only this benchmark needs it)

    def escape(text: str) -> str:
        return "".join("\\" + c if c in "\\#*_`$<>@[]=-+/~\"'" else c for c in text)

    source = "\n".join([
        f"#set page(width: {width * SIZE + 20}pt, height: auto, margin: 10pt)",
        '#set text(font: "Noto Serif CJK SC", size: 9pt, lang: "zh", region: "cn")',
        "#set par(justify: true, first-line-indent: (amount: 2em, all: true), "
        f"leading: {PITCH - SIZE}pt, spacing: {PITCH - SIZE}pt)",
        "", *(escape(t) + "\n" for t in texts)])
    return typst.compile(source.encode("utf-8"), font_paths=[str(fonts_dir())])


def han(char: str) -> bool:
    return "CJK UNIFIED" in unicodedata.name(char, "")


def gaps(pdf: bytes) -> list[float]:
    """Per line, the largest extra space between two neighbouring Han characters, in em:
    the distance between their origins less the 1 em a Han character advances."""
    doc = pdfium.PdfDocument(pdf)
    out: list[float] = []
    for page in doc:
        text = page.get_textpage()
        lines: dict[float, list[tuple[float, str]]] = {}
        x, y = ctypes.c_double(), ctypes.c_double()
        for i in range(text.count_chars()):
            char = text.get_text_range(i, 1)
            if char.strip():
                pdfium_c.FPDFText_GetCharOrigin(text.raw, i, ctypes.byref(x), ctypes.byref(y))
                lines.setdefault(round(y.value, 1), []).append((x.value, char))
        for row in lines.values():
            row.sort()
            line_gaps = [(b[0] - a[0]) / SIZE - 1.0 for a, b in zip(row, row[1:])
                         if han(a[1]) and han(b[1])]
            if line_gaps:
                out.append(max(0.0, max(line_gaps)))
    doc.close()
    return out


def least_largest_gap(texts: list[str], width: int) -> float:
    """The least largest gap any legal break sequence allows under our rules: every character
    gap widens equally, no Chinese–Latin spacing, marks squeezed as far as push-in allows
    (a lower bound for every setting). A dynamic programme over break positions that keeps,
    per position, the least largest gap of the lines before it."""
    fonts = shipped_fonts()
    rules = Composition(punctuation=PunctuationFit.PUSH_IN)
    worst = 0.0
    for text in texts:
        items = build_items(text, SIZE, partial(fonts.metrics, "song"))
        paragraph = ParagraphBreaker(items, [width * SIZE], 2 * SIZE, rules)
        n = len(paragraph.boxes)
        best = {0: 0.0}
        for end in [k for k in range(1, n) if paragraph.gaps[k - 1].breakable] + [n]:
            candidates = []
            for start, so_far in best.items():
                fit = paragraph.line(start, end, 0 if start == 0 else 1)
                if fit.slack + fit.shrink < -EPS:
                    continue
                spread = (0.0 if end == n or fit.slack <= EPS else
                          fit.char_gap_extra() / SIZE if fit.stretch_gaps else float("inf"))
                candidates.append(max(so_far, spread))
            if candidates:
                best[end] = min(candidates)
        worst = max(worst, best.get(n, float("inf")))
    return worst


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("source", nargs="?", type=Path, default=HERE / "data" / "news.txt")
    parser.add_argument("--width", type=int, default=13, help="column width in 字")
    parser.add_argument("--breaking", default="total-fit", choices=["total-fit", "first-fit"])
    parser.add_argument("--punctuation", default="push-out", choices=["push-out", "push-in"])
    parser.add_argument("--hanging", action="store_true", help="hang ，。 at line ends, as typst")
    parser.add_argument("--out", type=Path, help="keep both PDFs in this folder")
    parser.add_argument("--pdfcheck", help="path of a PDF checker to run on both PDFs")
    args = parser.parse_args()
    texts = paragraphs(args.source)
    with tempfile.TemporaryDirectory() as tmp:
        ours = layout_pdf(texts, args.width, args.breaking, Path(tmp), args.punctuation,
                          args.hanging)
    results = {"layout": ours, "typst": typst_pdf(texts, args.width)}
    out = args.out or Path(tempfile.mkdtemp(prefix="compare-"))
    out.mkdir(parents=True, exist_ok=True)
    print(f"{args.source.name}: {sum(map(len, texts))} characters, {args.width}-字 column; "
          f"least largest Han gap our rules allow: {least_largest_gap(texts, args.width):.3f} em")
    for name, pdf in results.items():
        path = out / f"{name}.pdf"
        path.write_bytes(pdf)
        values = gaps(pdf)
        print(f"  {name:7s} largest Han gap {max(values):.3f} em; per-line largest gap mean "
              f"{statistics.mean(values):.3f} em, stdev {statistics.pstdev(values):.3f} em "
              f"({len(values)} lines) → {path}")
        if args.pdfcheck:
            subprocess.run([args.pdfcheck, str(path)], check=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
