#!/usr/bin/env python3
"""Figures of the make-up on pages of real news (tests/newsgen.py), as an editor would judge
them: each page rendered (exit 0), refused (2) or overset (3, a copyfit), its `layout fit`
total, its holes share, kinsoku bad breaks and widows (../shared/tools/pdfcheck, when it is
there and --pdfcheck is given), headlines larger than one stacked above them (guarantee 1),
main titles of more than three lines.

    python bench/newspages.py [--fill F ...] [--seeds N] [--pdfcheck] [--list]

Without --fill: the ordinary pages (drawn 66-86 % full). With --fill: near-full pages; the
figures that matter there: overset pages and the characters left over, and "overset with
room" (overset while `layout fit`'s page total is positive: 0 by construction since the
total of a page with text left over is what is left over, model.PageFit), beside it the
pages where the other articles' room is more than what is left over (the old total, their
sum, positive).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))
PDFCHECK = REPO.parent / "shared" / "tools" / "pdfcheck"

import newsgen  # noqa: E402
import pdfgeom  # noqa: E402
from layout import pipeline  # noqa: E402
from layout.errors import LayoutError  # noqa: E402
from layout.fonts import shipped_fonts  # noqa: E402
from layout.model import LineKind, PageFit  # noqa: E402


def hierarchy_faults(geometry, titles: list[str], t) -> int:
    """Pairs of headlines where the lower one (in columns they share) is the larger."""
    from test_newspages import articles_of  # noqa: PLC0415

    found = articles_of(geometry, titles, t.body.size)
    boxes = [(max(c.size for c in title), min(c.box[0] for c in chars),
              min(c.box[1] for c in title), max(c.box[2] for c in chars),
              max(c.box[3] for c in chars)) for title, chars in found]
    return sum(1 for size, left, _, right, bottom in boxes
               for size2, left2, top2, right2, _ in boxes
               if top2 > bottom and min(right, right2) - max(left, left2) > t.column_width / 2
               and size2 > size + 0.01)


def tall_titles(page, t) -> int:
    """Main titles set on more than three lines (headline lines in each article's module,
    the largest size there)."""
    count = 0
    for fit in page.fits:
        x0, x1 = t.column_x(fit.first_column), t.column_x(fit.last_column) + t.column_width
        y0, y1 = t.line_top(fit.first_line), t.line_top(fit.last_line + 1)
        heads = [line for line in page.lines if line.kind is LineKind.HEADLINE
                 and x0 - 1 <= line.left <= x1 and y0 <= line.baseline <= y1]
        if heads:
            top = max(line.size for line in heads)
            count += sum(1 for line in heads if line.size == top) > 3
    return count


def judge(path: Path, fonts, pdfcheck: bool) -> dict:
    try:
        loaded = pipeline.load(path)
        laid = pipeline.layout(loaded, fonts)
    except LayoutError as err:
        return {"exit": 2, "error": str(err).splitlines()[0][:90]}
    page, t, issue = laid.pages[0], loaded.templates[0], loaded.edition.pages[0]
    total = PageFit.of(page.fits).delta
    pdf = pipeline.render(laid, loaded, fonts)
    out = {"exit": 3 if page.overflow else 0, "total": total,
           "net": sum(f.delta for f in page.fits), "over": sum(f.cut for f in page.fits),
           "hierarchy": hierarchy_faults(pdfgeom.read(pdf),
                                         [a.headline.main for a in issue.articles], t),
           "tall": tall_titles(page, t),
           "fits": [str(f) for f in page.fits]}
    if pdfcheck and PDFCHECK.exists():
        pdf_path = path.with_suffix(".pdf")
        pdf_path.write_bytes(pdf)
        checked = json.loads(subprocess.run([str(PDFCHECK), str(pdf_path), "--json",
                                             "--no-text"], capture_output=True, text=True,
                                            check=True).stdout)["total"]
        out.update(holes=checked["holes"]["share"], bad=checked["kinsoku"]["bad_breaks"],
                   widows=checked["widows"]["count"])
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--fill", type=float, nargs="*", default=[None])
    parser.add_argument("--seeds", type=int, default=40)
    parser.add_argument("--pdfcheck", action="store_true")
    parser.add_argument("--list", action="store_true", help="a line a page")
    args = parser.parse_args()
    fonts = shipped_fonts()
    folder = Path(tempfile.mkdtemp())
    for fill in args.fill:
        results = []
        for seed in range(args.seeds):
            options = {} if fill is None else {"fill": fill}
            path = newsgen.write(seed, folder, **options)
            result = judge(path, fonts, args.pdfcheck)
            results.append((seed, result))
            if args.list:
                print(f"  seed {seed:2d}: " + ", ".join(
                    f"{k} {v}" for k, v in result.items() if k != "fits"))
        overset = [s for s, r in results if r["exit"] == 3]
        room = [s for s, r in results if r["exit"] == 3 and r["total"] > 0]
        net = [s for s, r in results if r["exit"] == 3 and r["net"] > 0]
        line = (f"fill {fill or 'ordinary'}: {len(results)} pages; exit 2: "
                f"{sum(r['exit'] == 2 for _, r in results)}; overset: {len(overset)} "
                f"({sum(r['over'] for _, r in results if 'over' in r)} 字 left over); "
                f"overset with room: {len(room)} {room} (with the others' room more than is "
                f"left over: {len(net)} {net}); hierarchy faults: "
                f"{[s for s, r in results if r.get('hierarchy')]}; tall titles: "
                f"{sum(r.get('tall', 0) for _, r in results)} on "
                f"{sum(bool(r.get('tall')) for _, r in results)} pages")
        if args.pdfcheck:
            checked = [r for _, r in results if "holes" in r]
            line += (f"; full (holes ≤ 5 %): {sum(r['holes'] <= 0.05 for r in checked)}; "
                     f"mean holes {sum(r['holes'] for r in checked) / max(1, len(checked)):.3f}"
                     f"; bad breaks {sum(r['bad'] for r in checked)}; widows "
                     f"{sum(r['widows'] for r in checked)}")
        print(line, flush=True)


if __name__ == "__main__":
    main()
