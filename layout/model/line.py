"""A placed line and what it is made of: its kind, its glyphs at their page positions, its
ideographic em box. (A module of its own so that it is compiled: the make-up's trials
place thousands of lines a page and read them back, and a compiled class's fields are
made and read without a dictionary.)"""
from __future__ import annotations

from enum import Enum
from typing import ClassVar, Final, NamedTuple

from ..valued import Valued


class PlacedGlyph(NamedTuple):
    """One character drawn at (x, baseline) in a face at a size (a named tuple: a page has
    thousands)."""

    char: str
    x: float  # left edge of the glyph's advance box
    face: str  # font role that has the glyph
    advance: float  # the glyph's own advance at this size, pt


class LineKind(Enum):
    BODY = "body"
    HEADLINE = "headline"
    KICKER = "kicker"
    SUBTITLE = "subtitle"
    BYLINE = "byline"
    SUBHEAD = "subhead"
    NOTE = "note"
    CAPTION = "caption"
    SIGNATURE = "signature"
    QUOTE = "quote"
    BANNER = "banner"
    HEADER = "header"
    LABEL = "label"  # the words inside a picture placeholder
    SECTION = "section"  # 栏目题, reversed out of a bar over an article


# Share of the em above the baseline in a CJK face's ideographic em box (880 of 1000 units
# in Noto CJK; the box runs from +0.88 em to -0.12 em around the baseline).
ASCENT: Final = 0.88


class EmBox(NamedTuple):
    """A line's ideographic (em) box down the page: its top and bottom edges."""

    top: float
    bottom: float


class PlacedLine(Valued):
    """A typeset line: its glyphs in reading order on one baseline. Never changed once
    made (its fields are read-only where compiled); equal to another with the same fields,
    shown as a dataclass is. (Not a frozen dataclass: a compiled class is made and read
    without a dictionary, and a page's make-up places and reads thousands of lines.)"""

    __slots__ = ("kind", "baseline", "size", "left", "width", "set_glyphs", "origin_x",
                 "paragraph_end", "grid_line", "color", "vertical", "_glyphs")
    FIELDS: ClassVar[tuple[str, ...]] = (
        "kind", "baseline", "size", "left", "width", "set_glyphs", "origin_x", "paragraph_end",
        "grid_line", "color", "vertical")

    def __init__(self, kind: LineKind, baseline: float, size: float, left: float,
                 width: float, set_glyphs: tuple, origin_x: float, paragraph_end: bool,
                 grid_line: int | None, color: str = "#000000", vertical: bool = False):
        self.kind: Final = kind
        self.baseline: Final = baseline  # y of the baseline from the page top
        self.size: Final = size
        self.left: Final = left  # left edge of the measure the line was set in
        self.width: Final = width  # the measure
        # the glyphs as the line breaker set them, x from the line's origin
        self.set_glyphs: Final = set_glyphs
        # where the line's origin lands on the page (left + alignment shift)
        self.origin_x: Final = origin_x
        self.paragraph_end: Final = paragraph_end  # the last line of its paragraph
        self.grid_line: Final = grid_line  # 1-based grid line for lines on the grid
        self.color: Final = color
        # one cell of a 竖排 title: its mark drawn in the vertical form
        self.vertical: Final = vertical
        self._glyphs: tuple[PlacedGlyph, ...] | None = None

    def values(self) -> tuple:
        """Its fields in their order (what equality, hash and repr read)."""
        return (self.kind, self.baseline, self.size, self.left, self.width, self.set_glyphs,
                self.origin_x, self.paragraph_end, self.grid_line, self.color, self.vertical)

    def __reduce__(self) -> tuple:
        return (PlacedLine, self.values())

    def in_color(self, color: str) -> PlacedLine:
        """The same line in `color` (a title reversed out of a bar)."""
        return PlacedLine(self.kind, self.baseline, self.size, self.left, self.width,
                          self.set_glyphs, self.origin_x, self.paragraph_end, self.grid_line,
                          color, self.vertical)

    @property
    def glyphs(self) -> tuple[PlacedGlyph, ...]:
        """The glyphs at their page positions (made on first use: balancing lays an article
        out several times and keeps only the last)."""
        found = self._glyphs
        if found is None:
            x = self.origin_x
            found = self._glyphs = tuple([PlacedGlyph(g.char, x + g.x, g.face, g.advance)
                                          for g in self.set_glyphs])
        return found

    @property
    def text(self) -> str:
        return "".join([g.char for g in self.set_glyphs])

    @property
    def em_box(self) -> EmBox:
        """The line's ideographic (em) box: ASCENT em over its baseline, the rest of the em
        under it (the cells a line off the grid covers, its title's height: 碰题)."""
        return EmBox(self.baseline - ASCENT * self.size,
                     self.baseline + (1 - ASCENT) * self.size)

