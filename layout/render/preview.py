"""PDF → PNG, one file per page, for designers and for looking at pages in tests.

pypdfium2 renders in-process (no system tools). Pixels are deterministic for one pdfium
build, not across builds: the PDF is the archival output, the PNG only a preview."""
from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium

from ..output import write_atomically


# Guides, as a designer switches them on: columns tinted, the baseline grid, each article's
# module framed and numbered (RGBA: drawn over the page, the text still readable).
COLUMN_TINT = (64, 140, 255, 28)
GRID_LINE = (64, 140, 255, 70)
MODULE_FRAME = (230, 40, 140, 255)


def page_modules(page) -> list[tuple[int, int, int, int, int]]:
    """Each article's module on the page, numbered: (number, first column, last column,
    first line, last line), as `draw_grid` and `proof_layout` frame them."""
    return [(f.article_index + 1, f.first_column, f.last_column, f.first_line, f.last_line)
            for f in page.fits]


def draw_grid(image, template, modules, scale: float):
    """The page's PNG with its guides drawn over it: the template's columns and baseline
    grid, and `modules` ((number, first column, last column, first line, last line) each)."""
    from PIL import Image, ImageDraw  # noqa: PLC0415

    t = template
    layer = Image.new("RGBA", image.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    top, bottom = t.line_top(1), t.line_top(t.grid_lines) + t.pitch
    for column in range(1, t.columns + 1):
        x = t.column_x(column)
        draw.rectangle([x * scale, top * scale, (x + t.column_width) * scale, bottom * scale],
                       fill=COLUMN_TINT)
    for line in range(1, t.grid_lines + 2):
        y = (t.line_top(line) if line <= t.grid_lines else bottom) * scale
        draw.line([t.column_x(1) * scale, y, (t.column_x(t.columns) + t.column_width) * scale,
                   y], fill=GRID_LINE, width=1)
    for number, first, last, first_line, last_line in modules:
        x0, x1 = t.column_x(first), t.column_x(last) + t.column_width
        y0, y1 = t.line_top(first_line), t.line_top(last_line) + t.pitch
        draw.rectangle([x0 * scale, y0 * scale, x1 * scale, y1 * scale],
                       outline=MODULE_FRAME, width=max(2, round(scale * 1.5)))
        draw.text((x0 * scale + 4, y0 * scale + 2), str(number), fill=MODULE_FRAME)
    return Image.alpha_composite(image.convert("RGBA"), layer).convert("RGB")


def proof_layout(page, template, modules, fonts):
    """The page with the same guides as vector marks, for a PDF made only for proofing
    (`render --grid` writes it beside the page's PDF, which stays as it is): columns
    tinted under everything, the baseline grid as hairlines, each module framed and
    numbered over the text's rules."""
    from dataclasses import replace  # noqa: PLC0415

    from ..model import LineKind, PlacedLine, PlacedRect  # noqa: PLC0415
    from ..text.items import Glyph  # noqa: PLC0415

    t = template
    tint, grid, frame = ("#e8f0ff", "#9fc0f0", "#e6288c")
    top, bottom = t.line_top(1), t.line_top(t.grid_lines) + t.pitch
    left, right = t.column_x(1), t.column_x(t.columns) + t.column_width
    under = [PlacedRect(t.column_x(c), top, t.column_width, bottom - top, tint, None, 0.0)
             for c in range(1, t.columns + 1)]
    hairlines = [PlacedRect(left, t.line_top(line) if line <= t.grid_lines else bottom,
                            right - left, 0.0, None, grid, 0.2)
                 for line in range(1, t.grid_lines + 2)]
    frames, numbers = [], []
    for number, first, last, first_line, last_line in modules:
        x0, x1 = t.column_x(first), t.column_x(last) + t.column_width
        y0, y1 = t.line_top(first_line), t.line_top(last_line) + t.pitch
        frames.append(PlacedRect(x0, y0, x1 - x0, y1 - y0, None, frame, 1.0))
        glyphs, x = [], 2.0
        for digit in str(number):
            role, advance = fonts.metrics(page.body_face, digit)
            glyphs.append(Glyph(digit, role, x, advance * 8.0))
            x += advance * 8.0
        numbers.append(PlacedLine(LineKind.LABEL, y0 + 8.0, 8.0, x0, x1 - x0, tuple(glyphs),
                                  x0, True, None, frame))
    return replace(page, rects=(*under, *page.rects, *hairlines, *frames),
                   lines=(*page.lines, *numbers))


# Pixels a preview may have: 64 million (a 对开 page at 440 dpi, RGB, some 200 MB): past
# that, a preview takes seconds and gigabytes and shows no more than the PDF.
MAX_PREVIEW_PIXELS = 64_000_000


def preview_problem(width: float, height: float, dpi: float) -> str | None:
    """What is wrong with a preview of a page `width` × `height` pt at `dpi`, if anything."""
    pixels = (width * dpi / 72) * (height * dpi / 72)
    if pixels <= MAX_PREVIEW_PIXELS:
        return None
    most = int((MAX_PREVIEW_PIXELS / (width * height)) ** 0.5 * 72)
    return (f"--png-dpi {dpi:g} makes a preview of {pixels / 1e6:,.0f} million pixels of this "
            f"{width / 72 * 25.4:.0f} × {height / 72 * 25.4:.0f} mm page, more than "
            f"{MAX_PREVIEW_PIXELS // 1_000_000} million: give --png-dpi {most} or less")


def write_previews(pdf: bytes, first_path: Path, dpi: float = 100,
                   guides=None) -> list[Path]:
    """Write page PNGs: `first_path` for page 1, then NAME-2.png, … Return their paths.
    `guides`: per page, (template, modules) to draw the grid over it (`draw_grid`)."""
    import io  # noqa: PLC0415

    doc = pdfium.PdfDocument(pdf)
    written = []
    try:
        for index, page in enumerate(doc):
            width, height = page.get_size()
            problem = preview_problem(width, height, dpi)
            if problem:
                from ..errors import LayoutError  # noqa: PLC0415

                raise LayoutError(problem)
            path = first_path if index == 0 else first_path.with_name(
                f"{first_path.stem}-{index + 1}{first_path.suffix}")
            image = page.render(scale=dpi / 72).to_pil()
            if guides is not None and index < len(guides):
                template, modules = guides[index]
                image = draw_grid(image, template, modules, dpi / 72)
            buffer = io.BytesIO()
            image.save(buffer, format="PNG")
            write_atomically(path, buffer.getvalue())
            written.append(path)
    finally:
        doc.close()
    return written
