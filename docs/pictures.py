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

from layout import layout_loaded
from layout.fonts import shipped_fonts
from layout.manifest import load_issue
from layout.render.pdf import render_pdf
from layout.render.press import press_for
from layout.render.preview import draw_grid, page_modules
from layout.templates import load_template

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
    template = load_template(issue.template, manifest.parent, issue.template_origin)
    return fonts, layout_loaded(issue, fonts, template), template


def pixels(pdf: bytes, dpi: float) -> Image.Image:
    """A PDF's first page as pixels."""
    document = pdfium.PdfDocument(pdf)
    try:
        return document[0].render(scale=dpi / 72).to_pil()
    finally:
        document.close()


def picture(manifest: Path, guides: bool = False, whole: bool = False) -> Image.Image:
    """The page of `manifest` as pixels, cropped to its articles unless `whole`."""
    fonts, page, template = laid_out(manifest)
    scale = DPI / 72
    image = pixels(render_pdf(page, fonts), DPI)
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
    screen, printed = (pixels(render_pdf(page, fonts, press_for(template, choice)), TWIN_DPI)
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
    ("print.png", lambda: twins(ISSUES / "2023-05-26-p4-tongrong-dadao.yaml")),
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
