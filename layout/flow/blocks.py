"""The body's block kinds, in one registry (`BLOCKS`, by model class): what each one's text
is checked against (its styles), and for every kind but the paragraph — the body's running
text, which the article flows line by line through its cells — how it is measured in a
column (grid lines, lines of text it keeps with, its set lines) and placed from a grid
line. The article, the characters' check and the overflow read this table only: a new
block kind is an entry here (with its model class and its manifest reader).
"""
from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any, NamedTuple

from ..model import (Align, Boxed, Figure, LineKind, Paragraph, PlacedRect, Quote, Signature,
                     Subhead)
from .setter import BoxLines, Drawn, Typesetter, moved, per_line, rows

# Lines of text a subhead keeps under it in its column: a subhead with a single line after
# it at a column's foot reads as the end of the column, not the start of a section.
SUBHEAD_KEEP = 2

Texts = tuple[tuple[str | None, str], ...]  # a block's texts, each with its style's name


class Measured(NamedTuple):
    """A block measured in a column: the grid lines it takes, the lines of text that must
    follow it in its column, its set lines (each in its style), and the blank lines under
    it where its column goes on (a picture's)."""

    need: int
    keep: int
    lines: BoxLines
    after: int = 0


class BlockKind:
    """How the flow sets one kind of body block. `measure` and `place` are None for the
    paragraph, the running text. `room` and `join`: a block that may share the end of the
    paragraph's last line before it (a signature) — the room that paragraph keeps for it,
    and setting it there (False: it does not fit there). `floats`: a block read apart from
    the running text (a framed box) that, where it does not fit the rest of its column,
    lets the text after it fill that column and stands at the next place it fits. The
    six of `BLOCKS`, never changed (not a frozen dataclass: in a compiled module one
    costs ~3.8 M instructions at each start)."""

    def __init__(self, texts: Callable[[Any], Texts],
                 measure: Callable[[Typesetter, Any], Measured] | None = None,
                 place: Callable[[Typesetter, Drawn, Any, Measured, float, int], None]
                 | None = None,
                 room: Callable[[Typesetter, Any], float] | None = None,
                 join: Callable[[Typesetter, Drawn, Any], bool] | None = None,
                 floats: bool = False):
        self.texts, self.measure, self.place = texts, measure, place
        self.room, self.join, self.floats = room, join, floats


# column → its cells (column, line), line 0 on: made once for the process, sliced by
# each `Cells` (tuples of two numbers: what every trial of every page makes alike)
_COLUMN_CELLS: dict[int, list[tuple[int, int]]] = {}


def column_cells(column: int, last_line: int) -> list[tuple[int, int]]:
    """The cells (column, line) of a column, from line 0 to `last_line` at least."""
    found = _COLUMN_CELLS.get(column)
    if found is None or len(found) <= last_line:
        found = _COLUMN_CELLS[column] = [(column, line)
                                         for line in range(max(2 * last_line, 128) + 1)]
    return found


class Cells:
    """The grid cells (column, line) an article's body may use, column after column."""

    def __init__(self, columns: range, first_line: int, last_line: int,
                 blocked: set[tuple[int, int]]):
        if first_line < 0 or last_line < first_line:  # (a grid's lines count from 1)
            self.cells = [(c, line) for c in columns for line in range(first_line,
                                                                        last_line + 1)
                          if (c, line) not in blocked]
            return
        # (the lines blocked in each column; each column's cells sliced from its cells
        # made once for the process, `column_cells`: a trial makes none)
        gone: dict[int, list[int]] = {}
        for c, line in blocked:
            if c in gone:
                gone[c].append(line)
            else:
                gone[c] = [line]
        cells: list[tuple[int, int]] = []
        for c in columns:
            own = column_cells(c, last_line)
            start = first_line
            rows = gone.get(c)
            if rows is not None:
                for line in sorted(rows):
                    if line > last_line:
                        break
                    if line >= start:
                        cells.extend(own[start:line])
                        start = line + 1
            cells.extend(own[start:last_line + 1])
        self.cells = cells

    def __len__(self) -> int:
        return len(self.cells)

    def run(self, pos: int) -> int:
        """How many cells from pos follow each other down one column without a gap."""
        count = 0
        while pos + count < len(self.cells):
            c, line = self.cells[pos + count]
            if count and (c, line - 1) != self.cells[pos + count - 1]:
                break
            count += 1
        return count

    def stand(self, run: int, need: int, pos: int) -> int | None:
        """The cell a block stands at from `pos` that needs `run` cells down one column
        (its own and those it keeps with) and `need` cells to the end: moved down past a
        gap or to the next column where it does not fit (None: it does not fit at all)."""
        while pos < len(self.cells) and self.run(pos) < run:
            pos += self.run(pos)
        return pos if pos + need <= len(self.cells) else None


class Held(NamedTuple):
    """A framed box the body holds (`ArticleFlow.body`): the cell it stands at, and how
    many lines and rectangles were drawn when it was held (its place in reading order)."""

    block: Any
    cell: int
    lines: int
    rects: int


# -- pictures in the body (Figure) -----------------------------------------------------------

def measure_figure(s: Typesetter, block: Figure) -> Measured:
    caption = s.caption(block.caption, s.t.column_width)
    style = s.t.styles["caption"]
    # not last in its column: a blank line under it
    return Measured(block.lines + len(caption), 1, [(line, style) for line in caption], 1)


def place_figure(s: Typesetter, out: Drawn, block: Figure, m: Measured, x: float,
                 first: int) -> None:
    s.picture(out, block, x, s.t.column_width, first, [line for line, _ in m.lines])


# -- framed boxes: 编者按, 微评 (Boxed) ------------------------------------------------------

def measure_box(s: Typesetter, block: Boxed) -> Measured:
    lines = s.box_lines(block, s.t.column_width)
    return Measured(len(lines) + 2, 0, lines)


def place_box(s: Typesetter, out: Drawn, block: Boxed, m: Measured, x: float,
              first: int) -> None:
    s.draw_box(out, m.lines, x, s.t.column_width, first)


# -- pull quotes (Quote) ---------------------------------------------------------------------

def measure_quote(s: Typesetter, block: Quote) -> Measured:
    t = s.t
    style = t.styles["quote"]
    lines = [(line, style) for line in s.display_lines(block.text, style, t.column_width)]
    return Measured(len(lines) * per_line(style, t) + 2, 0, lines)


def place_quote(s: Typesetter, out: Drawn, block: Quote, m: Measured, x: float,
                first: int) -> None:
    """The quote's lines between two rules in the accent colour."""
    t = s.t
    per = per_line(m.lines[0][1], t)
    for i, (line, style) in enumerate(m.lines):
        s.grid_line(out, line, LineKind.QUOTE, style, x, t.column_width, first + 1 + i * per,
                    per)
    for grid in (first, first + m.need - 1):
        out.rects.append(PlacedRect(x, t.line_top(grid) + t.pitch / 2, t.column_width, 0,
                                    None, t.accent, 1.0))


# -- headings and signatures (Subhead, Signature) --------------------------------------------

def measure_subhead(s: Typesetter, block: Subhead) -> Measured:
    t = s.t
    style = t.styles["subhead"]
    lines = [(line, style) for line in s.display_lines(block.text, style, t.column_width)]
    if block.second:
        second = t.styles["subhead_second"]
        lines += [(line, second) for line in s.display_lines(block.second, second,
                                                             t.column_width)]
    # A subhead keeps with the text after it: never at the foot of a column (标题不落底).
    return lines_block(s, lines, SUBHEAD_KEEP)


def measure_signature(s: Typesetter, block: Signature) -> Measured:
    style = s.t.styles["signature"]
    return lines_block(s, [(line, style) for line in s.set_text(block.text, style,
                                                                 s.t.column_width, False)], 0)


def lines_block(s: Typesetter, lines: BoxLines, keep: int) -> Measured:
    """A block of lines one row apart, with the room its style's line height adds beyond
    a row (a 2行 subhead: half a line above and below) around the block, not around each
    line: a long subhead stays one block."""
    t = s.t
    padding = per_line(lines[0][1], t) - rows(lines[0][1], t)
    return Measured(sum(rows(style, t) for _, style in lines) + padding, keep, lines)


def place_subhead(s: Typesetter, out: Drawn, block: Subhead, m: Measured, x: float,
                  first: int) -> None:
    place_lines(s, out, m, x, first, LineKind.SUBHEAD)


def place_signature(s: Typesetter, out: Drawn, block: Signature, m: Measured, x: float,
                    first: int) -> None:
    place_lines(s, out, m, x, first, LineKind.SIGNATURE)


def place_lines(s: Typesetter, out: Drawn, m: Measured, x: float, first: int,
                 kind: LineKind) -> None:
    """A block of lines (lines_block) centred in its grid lines, unless a line at the
    body size would then stand between the baselines of the text beside it: then the room
    goes above, on the grid."""
    t = s.t
    padding = per_line(m.lines[0][1], t) - rows(m.lines[0][1], t)
    above = padding / 2
    if any(abs(style.size - t.body.size) < 0.01 for _, style in m.lines):
        above = float(math.ceil(above))
    grid = first + math.floor(above)
    for line, style in m.lines:
        taken = rows(style, t)
        s.grid_line(out, line, kind, style, x, t.column_width, grid, taken)
        out.lines[-1] = moved(out.lines[-1], (above % 1) * t.pitch)
        grid += taken


def signature_room(s: Typesetter, block: Signature) -> float:
    """Room a paragraph keeps at the end of its last line for the signature after it
    (a character's space and the signature), when a signature is short enough to share
    a line: papers set （尚启轩） at the right end of the article's last line."""
    t = s.t
    lines = s.set_text(block.text, t.styles["signature"], t.column_width, False)
    width = max(g.x + g.advance for g in lines[0].glyphs) + t.body.size
    return width if len(lines) == 1 and width <= t.column_width / 2 else 0.0


def sign_last_line(s: Typesetter, out: Drawn, block: Signature) -> bool:
    """Set a signature at the right end of the paragraph's last line, as papers do,
    when it fits there with a character's space to spare."""
    t = s.t
    last = out.lines[-1] if out.lines else None
    if last is None or last.kind is not LineKind.BODY or not last.paragraph_end:
        return False
    style = t.styles["signature"]
    lines = s.set_text(block.text, style, t.column_width, False)
    used = max(g.x + g.advance for g in last.glyphs) - last.left
    width = max(g.x + g.advance for g in lines[0].glyphs)
    if len(lines) > 1 or used + t.body.size + width > t.column_width + 1e-6:
        return False
    out.lines.append(s.placed(lines[0], LineKind.SIGNATURE, last.baseline, style, last.left,
                              last.width, last.grid_line, align=Align.RIGHT))
    return True


# -- the registry ----------------------------------------------------------------------------

BLOCKS: dict[type, BlockKind] = {
    Paragraph: BlockKind(lambda b: ((b.lead, "lead"), (b.text, "body"))),
    Subhead: BlockKind(lambda b: ((b.text, "subhead"), (b.second, "subhead_second")),
                       measure_subhead, place_subhead),
    Signature: BlockKind(lambda b: ((b.text, "signature"),), measure_signature,
                         place_signature, signature_room, sign_last_line),
    Boxed: BlockKind(lambda b: ((b.label, "note_label"), (b.text, "note"),
                                (b.attribution, "signature")), measure_box, place_box,
                   floats=True),
    Quote: BlockKind(lambda b: ((b.text, "quote"),), measure_quote, place_quote),
    Figure: BlockKind(lambda b: ((b.caption, "caption"), (b.label, "label")), measure_figure,
                      place_figure),
}


def kind_of(block: Any) -> BlockKind:
    """The registry's entry for a block."""
    return BLOCKS[type(block)]


def flows(block: Any) -> bool:
    """Whether the block is running text (a paragraph), flowed line by line."""
    return BLOCKS[type(block)].measure is None


def measure_block(s: Typesetter, block: Any) -> Measured:
    """A block that is not running text measured in a column (Measured)."""
    measure = BLOCKS[type(block)].measure
    assert measure is not None  # (a paragraph is flowed, not measured whole)
    return measure(s, block)


def room_after(s: Typesetter, block: Any) -> float:
    """Room a paragraph keeps at the end of its last line for `block` after it (0: none)."""
    if block is None:
        return 0.0
    room = BLOCKS[type(block)].room
    return room(s, block) if room is not None else 0.0
