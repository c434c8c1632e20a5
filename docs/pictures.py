"""Make the user guide's pictures (docs/guide/*.png) from its example manifests.

    .venv/bin/python docs/pictures.py

Each picture is a real render of a manifest in docs/guide/ (or of a page in issues/),
cropped to the articles it shows, so that the guide's pictures stay true when the code
changes: run it after a change to the layout and commit what changed.
"""
from __future__ import annotations

import io
import sys
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image

from layout.fonts import shipped_fonts
from layout.manifest import load_issue
from layout.pipeline import layout, layout_loaded, load, page_template, render, render_page
from layout.render.preview import draw_grid, page_modules

HERE = Path(__file__).resolve().parent
GUIDE = HERE / "guide"
ISSUES = HERE.parent / "issues"
DPI = 110  # the pictures' resolution: small type stays readable
MARGIN = 12.0  # pt of page kept around the articles shown
TWIN_DPI = 36  # the print page and its screen twin, whole, side by side


def laid_out(manifest: Path):
    """(fonts, the placed page, its template) of a manifest."""
    fonts = shipped_fonts()
    issue = load_issue(manifest)
    template = page_template(issue)
    return fonts, layout_loaded(issue, fonts, template), template


def pixels(pdf: bytes, dpi: float, index: int = 0) -> Image.Image:
    """A PDF's page (the first unless `index` says) as pixels."""
    document = pdfium.PdfDocument(pdf)
    try:
        return document[index].render(scale=dpi / 72).to_pil()
    finally:
        document.close()


WHOLE = ISSUES / "whole" / "2020-11-27-issue-1090.yaml"  # the demonstration issue


def issue_pdf(manifest: Path = WHOLE):
    """(the laid-out issue, its PDF) of an issue manifest."""
    fonts = shipped_fonts()
    loaded = load(manifest)
    laid = layout(loaded, fonts)
    return laid, loaded, render(laid, loaded, fonts, "screen")


def issue_strip(dpi: float = TWIN_DPI) -> Image.Image:
    """Every page of the demonstration issue, small, side by side."""
    laid, _, pdf = issue_pdf()
    pages = [pixels(pdf, dpi, i) for i in range(len(laid.pages))]
    gap = 12
    strip = Image.new("RGB", (sum(p.size[0] for p in pages) + gap * (len(pages) - 1),
                              max(p.size[1] for p in pages)), "#d0d0d0")
    x = 0
    for page in pages:
        strip.paste(page, (x, 0))
        x += page.size[0] + gap
    return strip


def issue_crop(index: int, lines: tuple[int, int], columns: tuple[int, int] | None = None,
               pdf_and_templates=None) -> Image.Image:
    """Part of a page of the demonstration issue: grid lines `lines` (0 for the top
    margin), across `columns` (default: all)."""
    laid, loaded, pdf = pdf_and_templates or issue_pdf()
    t = loaded.templates[index]
    first, last = columns or (1, t.columns)
    x0, x1 = t.column_x(first) - MARGIN, t.column_x(last) + t.column_width + MARGIN
    y0 = (t.line_top(lines[0]) if lines[0] else 0.0) - (MARGIN if lines[0] else 0.0)
    y1 = t.line_top(lines[1]) + t.pitch + MARGIN
    scale = DPI / 72
    return pixels(pdf, DPI, index).crop(tuple(round(v * scale) for v in (x0, y0, x1, y1)))


def jump_pair() -> Image.Image:
    """The end of the front page's lead, （下转第4版）, beside the top of its rest on page 4."""
    made = issue_pdf()
    laid = made[0]
    jump = laid.jumps[0]
    fit = next(f for f in laid.pages[3].fits if f.article_index == jump.index)
    lead = next(f for f in laid.pages[0].fits if f.article_index == jump.article_index)
    end = issue_crop(0, (lead.last_line - 5, lead.last_line),
                     (lead.first_column, lead.last_column), made)
    rest = issue_crop(3, (fit.first_line, fit.first_line + 5), None, made)
    gap = 16
    both = Image.new("RGB", (end.size[0] + gap + rest.size[0],
                             max(end.size[1], rest.size[1])), "white")
    both.paste(end, (0, 0))
    both.paste(rest, (end.size[0] + gap, 0))
    return both


def picture(manifest: Path, guides: bool = False, whole: bool = False) -> Image.Image:
    """The page of `manifest` as pixels, cropped to its articles unless `whole`."""
    fonts, page, template = laid_out(manifest)
    scale = DPI / 72
    image = pixels(render_page(page, template, fonts, "screen"), DPI)
    if guides:
        image = draw_grid(image, template, page_modules(page), scale)
    if not whole:
        x0 = min(template.column_x(f.first_column) for f in page.fits) - MARGIN
        x1 = max(template.column_x(f.last_column) + template.column_width
                 for f in page.fits) + MARGIN
        y0 = min(template.line_top(f.first_line) for f in page.fits) - MARGIN
        # down to the lowest thing set (a region pinned taller than its text ends in blank)
        y1 = max([l.baseline + 0.12 * l.size for l in page.lines]
                 + [i.y + i.height for i in page.images]
                 + [r.y + r.height for r in page.rects if r.y > y0 + MARGIN]) + MARGIN
        y1 = min(y1, max(template.line_top(f.last_line) + template.pitch
                         for f in page.fits) + MARGIN)
        image = image.crop(tuple(round(v * scale) for v in (x0, y0, x1, y1)))
    return image


def twins(manifest: Path) -> Image.Image:
    """The page's screen PDF and its print twin (`render --print`: PDF/X, CMYK, bleed,
    crop and registration marks) side by side, as pixels."""
    fonts, page, template = laid_out(manifest)
    screen, printed = (pixels(render_page(page, template, fonts, choice), TWIN_DPI)
                       for choice in ("screen", "print"))
    gap = 16
    both = Image.new("RGB", (screen.size[0] + gap + printed.size[0],
                             max(screen.size[1], printed.size[1])), "white")
    both.paste(screen, (0, (both.size[1] - screen.size[1]) // 2))
    both.paste(printed, (screen.size[0] + gap, 0))
    return both


# each picture and how it is made
PICTURES = [
    ("headline.png", lambda: picture(GUIDE / "headline.yaml")),
    ("vertical.png", lambda: picture(GUIDE / "vertical.yaml")),
    ("furniture.png", lambda: picture(GUIDE / "furniture.yaml")),
    ("body.png", lambda: picture(GUIDE / "body.yaml")),
    ("grid.png", lambda: picture(GUIDE / "grid.yaml", guides=True)),
    ("makeup.png", lambda: picture(ISSUES / "2020-11-27-p1-laomo-jingshen.yaml",
                                   guides=True, whole=True)),
    ("makeup5.png", lambda: picture(GUIDE / "makeup5.yaml", whole=True)),
    ("print.png", lambda: twins(ISSUES / "2023-05-26-p4-tongrong-dadao.yaml")),
    ("issue.png", issue_strip),
    ("nameplate.png", lambda: issue_crop(0, (1, 9))),
    ("nameplate_block.png", lambda: issue_crop(0, (1, 30), None,
                                              issue_pdf(GUIDE / "nameplate_block.yaml"))),
    ("contents.png", lambda: issue_crop(0, (10, 23), (5, 6))),
    ("jump.png", jump_pair),
]


def main() -> int:
    for name, make in PICTURES:
        # a palette of 64 colours: the type stays sharp, the files stay small
        small = make().convert("RGB").quantize(64, method=Image.Quantize.MEDIANCUT, dither=0)
        buffer = io.BytesIO()
        small.save(buffer, format="PNG", optimize=True)
        (GUIDE / name).write_bytes(buffer.getvalue())
        print(f"wrote {GUIDE / name} ({len(buffer.getvalue()) // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
