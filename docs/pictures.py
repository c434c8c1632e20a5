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

from layout import layout_issue
from layout.fonts import shipped_fonts
from layout.render.pdf import render_pdf
from layout.render.preview import draw_grid
from layout.templates import load_template

HERE = Path(__file__).resolve().parent
GUIDE = HERE / "guide"
ISSUES = HERE.parent / "issues"
DPI = 110  # the pictures' resolution: small type stays readable
MARGIN = 12.0  # pt of page kept around the articles shown

# (picture, manifest, guides drawn, whole page)
PICTURES = [
    ("headline.png", GUIDE / "headline.yaml", False, False),
    ("vertical.png", GUIDE / "vertical.yaml", False, False),
    ("furniture.png", GUIDE / "furniture.yaml", False, False),
    ("body.png", GUIDE / "body.yaml", False, False),
    ("grid.png", GUIDE / "grid.yaml", True, False),
    ("makeup.png", ISSUES / "2020-11-27-p1-laomo-jingshen.yaml", True, True),
]


def picture(manifest: Path, guides: bool, whole: bool) -> Image.Image:
    """The page of `manifest` as pixels, cropped to its articles unless `whole`."""
    fonts = shipped_fonts()
    page = layout_issue(manifest, fonts)
    document = pdfium.PdfDocument(render_pdf(page, fonts))
    try:
        scale = DPI / 72
        image = document[0].render(scale=scale).to_pil()
    finally:
        document.close()
    from layout.manifest import load_issue  # (the template the page was set on)
    issue = load_issue(manifest)
    template = load_template(issue.template, manifest.parent, issue.template_origin)
    if guides:
        image = draw_grid(image, template, [(f.article_index + 1, f.first_column,
                                             f.last_column, f.first_line, f.last_line)
                                            for f in page.fits], scale)
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


TWINS = ISSUES / "2023-05-26-p4-tongrong-dadao.yaml"  # a page for screen and for print
TWIN_DPI = 36


def twins(manifest: Path) -> Image.Image:
    """The page's screen PDF and its print twin (`render --print`: PDF/X, CMYK, bleed,
    crop and registration marks) side by side, as pixels."""
    from layout.manifest import load_issue  # noqa: PLC0415
    from layout.render.press import press_for  # noqa: PLC0415

    fonts = shipped_fonts()
    page = layout_issue(manifest, fonts)
    issue = load_issue(manifest)
    template = load_template(issue.template, manifest.parent, issue.template_origin)
    images = []
    for choice in ("screen", "print"):
        document = pdfium.PdfDocument(render_pdf(page, fonts, press_for(template, choice)))
        try:
            images.append(document[0].render(scale=TWIN_DPI / 72).to_pil())
        finally:
            document.close()
    gap = 16
    width = sum(i.size[0] for i in images) + gap
    height = max(i.size[1] for i in images)
    both = Image.new("RGB", (width, height), "white")
    both.paste(images[0], (0, (height - images[0].size[1]) // 2))
    both.paste(images[1], (images[0].size[0] + gap, 0))
    return both


def main() -> int:
    for name, manifest, guides, whole in [*PICTURES, ("print.png", TWINS, None, None)]:
        image = (twins(manifest) if guides is None
                 else picture(manifest, guides, whole))
        # a palette of 64 colours: the type stays sharp, the files stay small
        small = image.convert("RGB").quantize(64, method=Image.Quantize.MEDIANCUT, dither=0)
        buffer = io.BytesIO()
        small.save(buffer, format="PNG", optimize=True)
        (GUIDE / name).write_bytes(buffer.getvalue())
        print(f"wrote {GUIDE / name} ({len(buffer.getvalue()) // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
