"""A page's geometry read back from its PDF (pypdfium2), for tests that judge what was
printed rather than what the make-up planned: each character with its size and box, and
the picture placeholders. Boxes are (left, top, right, bottom) in points, y down from the
page's top, as the layout measures."""
from __future__ import annotations

import ctypes
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as raw

PLACEHOLDER = (230, 230, 230)  # the fill of a picture placeholder (#e6e6e6)


@dataclass(frozen=True)
class Char:
    text: str
    size: float
    box: tuple[float, float, float, float]


@dataclass(frozen=True)
class Geometry:
    chars: tuple[Char, ...]  # in the order the PDF paints them (whitespace left out)
    pictures: tuple[tuple[float, float, float, float], ...]  # placeholder boxes

    @property
    def text(self) -> str:
        return "".join(c.text for c in self.chars)


def read(pdf: bytes) -> Geometry:
    doc = pdfium.PdfDocument(pdf)
    try:
        page = doc[0]
        height = page.get_height()
        textpage = page.get_textpage()
        chars = []
        for i in range(textpage.count_chars()):
            text = textpage.get_text_range(i, 1)
            if not text.strip():
                continue
            left, bottom, right, top = textpage.get_charbox(i)
            chars.append(Char(text, round(raw.FPDFText_GetFontSize(textpage.raw, i), 2),
                              (left, height - top, right, height - bottom)))
        pictures = []
        for obj in page.get_objects(filter=[raw.FPDF_PAGEOBJ_PATH]):
            r, g, b, a = (ctypes.c_uint() for _ in range(4))
            raw.FPDFPageObj_GetFillColor(obj.raw, r, g, b, a)
            left, bottom, right, top = obj.get_bounds()
            mode, stroked = ctypes.c_int(), ctypes.c_int()
            raw.FPDFPath_GetDrawMode(obj.raw, mode, stroked)
            # (filled: a frame's stroke keeps the fill colour set before it, unpainted)
            if (r.value, g.value, b.value) == PLACEHOLDER and mode.value != 0 \
                    and right - left > 5 and top - bottom > 5:
                pictures.append((left, height - top, right, height - bottom))
        return Geometry(tuple(chars), tuple(pictures))
    finally:
        doc.close()


def overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float],
            ) -> float:
    """The area two boxes share."""
    width = min(a[2], b[2]) - max(a[0], b[0])
    height = min(a[3], b[3]) - max(a[1], b[1])
    return width * height if width > 0 and height > 0 else 0.0


def printed_over(geometry: Geometry) -> list[tuple]:
    """What is printed over something else: a character inside a picture placeholder (but
    the placeholder's own label, 图片), two characters of different lines on top of each
    other (sharing more than a quarter of the smaller one's box)."""
    found: list[tuple] = []
    for c in geometry.chars:
        inside = [p for p in geometry.pictures if overlap(c.box, p) > 0.5]
        if inside and c.text not in "图片":
            found.append(("inside a picture", c, inside[0]))
    cells: dict[tuple[int, int], list[Char]] = {}
    for c in geometry.chars:
        key = (int(c.box[0] // 20), int(c.box[1] // 20))
        for dx in (0, 1):
            for dy in (0, 1):
                for other in cells.get((key[0] - dx, key[1] - dy), ()):
                    smaller = min((b.box[2] - b.box[0]) * (b.box[3] - b.box[1])
                                  for b in (c, other))
                    if overlap(c.box, other.box) > 0.25 * smaller:
                        found.append(("on another character", c, other))
        cells.setdefault(key, []).append(c)
    return found
