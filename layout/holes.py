"""What is printed where on the page grid: the cells each placed thing covers, the blank
holes (天窗) left in the type area, and how many characters each article's part of the page
could still take (每版容字量).

A cell is one grid column by one grid line. Text on the grid covers its cells; a headline,
a picture, a placeholder, a banner or a framed box covers the cells it overlaps by more
than a third of a column and a third of a line. A hole is a run of blank lines in a column
(runs in neighbouring columns over the same lines are one hole): at a column's foot (the
end of an article's part of the page, or of the page), more than MAX_BLANK lines; elsewhere
(an empty band, a blank beside a short headline), HOLE_MM or taller, the size at which a
reader sees a hole rather than air. What the flow reads of a body line for the cells it
covers, without its characters, is `line_shape` (the make-up compares bodies by it)."""
from __future__ import annotations

import math
from typing import Final, Iterable

from .model import ArticlePlan, Copyfit, Hole, LineKind, PlacedLine, Template
from .text.linebreak import SetLine

MAX_BLANK: Final = 2  # blank lines a column's foot may show without a hole
MIN_LEG: Final = 5  # no leg of text (a column of an article, or its part under a picture) shorter
HOLE_MM: Final = 20.0  # a blank band this tall (or taller) inside the page is a hole
# a line or box covers a cell it overlaps by more than this part of a column (and of a line)
COVER_PART: Final = 3
_BAND = (LineKind.KICKER, LineKind.HEADLINE, LineKind.SUBTITLE)


class Occupancy:
    """The grid cells covered by the things placed on a page (or an article)."""

    def __init__(self, t: Template):
        self.t = t
        self.cells: set[tuple[int, int]] = set()
        # the grid's numbers, read once (compiled, each read of a template's field is a
        # lookup; a page marks cells for every line it places)
        self.pitch, self.width = t.pitch, t.column_width
        self.step = t.column_width + t.gutter
        self.left, self.top = t.margin_left, t.margin_top
        self.columns, self.lines = t.columns, t.grid_lines
        self.lefts, self.tops = t.column_lefts, t.line_tops

    def _mark(self, x0: float, x1: float, y0: float, y1: float) -> None:
        pitch, width, step = self.pitch, self.width, self.step
        first = max(1, math.floor((x0 - self.left) / step) + 1)
        last = min(self.columns, math.floor((x1 - self.left) / step) + 1)
        top = max(1, math.floor((y0 - self.top) / pitch) + 1)
        bottom = min(self.lines, math.floor((y1 - self.top) / pitch) + 1)
        cells, lefts, tops = self.cells, self.lefts, self.tops
        for c in range(first, last + 1):
            left = lefts[c - 1]
            if min(x1, left + width) - max(x0, left) <= width / COVER_PART:
                continue
            for line in range(top, bottom + 1):
                cell_top = tops[line - 1]
                if min(y1, cell_top + pitch) - max(y0, cell_top) > pitch / 3:
                    cells.add((c, line))

    def add_lines(self, lines: Iterable[PlacedLine]) -> None:
        pitch, tops = self.pitch, self.tops
        for line in lines:
            glyphs = line.set_glyphs
            if not glyphs:
                continue
            origin = line.origin_x
            # (named floats, as in _text_rows: compiled, the sums are not boxed objects)
            head: float = glyphs[0].x
            x0 = origin + head
            last = glyphs[-1]
            tail: float = last.x
            advance: float = last.advance
            x1 = origin + tail + advance
            grid = line.grid_line
            if grid is not None:  # on the grid: its line, whatever its size
                top = tops[grid - 1] if 0 < grid <= len(tops) else self.top + (
                    grid - 1) * pitch
                self._mark(x0, x1, top, top + pitch)
            else:
                box = line.em_box
                self._mark(x0, x1, box.top, box.bottom)

    def add_boxes(self, rects: Iterable, images: Iterable = ()) -> None:
        """Filled rectangles (banner, placeholders, tints), framed boxes and pictures;
        rules (no width or no height) cover nothing."""
        for rect in (*rects, *images):
            if rect.width > 0 and rect.height > 0 and not getattr(rect, "frame", False):
                self._mark(rect.x, rect.x + rect.width, rect.y, rect.y + rect.height)

    def foot(self, column: int, first: int, last: int) -> int:
        """The last line in first..last of `column` that is covered (first - 1: none)."""
        for line in range(last, first - 1, -1):
            if (column, line) in self.cells:
                return line
        return first - 1

    def blank_feet(self, columns: range, first: int, bottom: int, allowed: int = 0) -> int:
        """Blank lines at the feet of `columns` (lines first..bottom), beyond `allowed` in
        each."""
        return sum(max(0, bottom - self.foot(c, first, bottom) - allowed) for c in columns)


_TEXT = (LineKind.BODY, LineKind.SUBHEAD, LineKind.SIGNATURE, LineKind.QUOTE, LineKind.NOTE)


def _text_rows(t: Template, lines: Iterable[PlacedLine]) -> dict[int, set[int]]:
    """The grid lines holding text in each column of the grid (a line is in the column its
    first glyph starts in)."""
    rows: dict[int, set[int]] = {}
    # (t.column_at, its numbers read once: a template's method is interpreted, and this
    # runs for every line of every trial the make-up weighs)
    # (each number named a float: compiled, the sums are the machine's, not boxed objects)
    step: float = t.column_width + t.gutter
    left: float = t.margin_left
    half: float = t.gutter / 2
    count: int = t.columns
    for line in lines:
        grid = line.grid_line
        glyphs = line.set_glyphs
        if line.kind in _TEXT and grid is not None and glyphs:
            first: float = glyphs[0].x
            x = line.origin_x + first + 0.5
            column = int((x - left + half) // step) + 1
            if 1 <= column <= count:
                found = rows.get(column)
                if found is None:
                    found = rows[column] = set()
                found.add(grid)
    return rows


def text_legs(t: Template, lines: Iterable[PlacedLine], images: Iterable = (),
              columns: range | None = None) -> list[tuple[int, int, int]]:
    """The legs of text down each column: (column, first line, last line) of each run of
    grid lines holding text, broken where a picture (or a placeholder) stands; the blank
    lines a subhead or a box keeps round itself do not break a leg."""
    rows = _text_rows(t, lines)
    blocked = Occupancy(t)
    blocked.add_boxes((), images)
    out = []
    for column in sorted(rows) if columns is None else columns:
        taken = sorted(rows.get(column, ()))
        if not taken:
            continue
        start = previous = taken[0]
        for row in taken[1:] + [None]:
            if row is not None and row - previous <= 3 and not any(
                    (column, r) in blocked.cells for r in range(previous + 1, row)):
                previous = row
                continue
            out.append((column, start, previous))
            if row is not None:
                start = previous = row
    return out


def hole_lines(t: Template) -> int:
    """The least lines a blank must take to be a hole away from a column's foot: HOLE_MM."""
    return math.ceil(HOLE_MM * 72 / 25.4 / t.pitch - 1e-6)


def seen_over(run: int) -> int:
    """The lines a reader sees blank over an article's part whose first `run` lines are
    blank: those and the blank line of the rule over the module (one blank to the eye).
    What find_holes reports and the make-up weighs (Candidate.head, heads.drops)."""
    return run + 1


def find_holes(occupied: Occupancy, first_line: int, plans: Iterable[ArticlePlan] = (),
               ) -> list[Hole]:
    """The blank holes of the grid from `first_line` down: runs of blank lines in a column,
    each within one article's part of the page (the blank line with its rule between two
    stacked articles belongs to neither and ends a run), merged across neighbouring
    columns of the same article that share lines. A run at the foot of an article's
    column (or of the page) is a hole when it is longer than MAX_BLANK lines; elsewhere
    (air beside a headline, a band inside the page) when it is HOLE_MM tall or more, a run
    at the top of an article's part measured with the blank line of the rule over it and
    reported in its own lines."""
    t = occupied.t
    plans = list(plans)
    inside = hole_lines(t)
    owner: dict[tuple[int, int], int] = {}
    for p in plans:
        for c in range(p.first_column, p.last_column + 1):
            for line in range(p.first_line, p.last_line + 1):
                owner.setdefault((c, line), p.index)
    feet = {(c, p.last_line) for p in plans for c in range(p.first_column, p.last_column + 1)}
    runs: list[tuple[int, int, int, int | None]] = []  # (column, first, last line, owner)
    for column in range(1, t.columns + 1):
        start: int | None = None
        here: int | None = None  # the article whose part the run is in
        for line in range(first_line, t.grid_lines + 2):
            blank = line <= t.grid_lines and (column, line) not in occupied.cells
            if start is not None and (not blank or owner.get((column, line)) != here):
                end = line - 1
                foot = end == t.grid_lines or (column, end) in feet
                seen = end - start + 1 + (0 if foot else _over(occupied, owner, column,
                                                                start, first_line))
                if seen > (MAX_BLANK if foot else inside - 1):
                    runs.append((column, start, end, here))
                start = None
            if blank and start is None:
                start, here = line, owner.get((column, line))
    holes: list[list] = []
    for column, top, bottom, whose in runs:
        for hole in holes:  # the hole of the column before, of the same article, over lines
            if hole[1] == column - 1 and hole[4] == whose and top <= hole[3] \
                    and bottom >= hole[2]:  # this run shares
                hole[1] = column
                hole[2], hole[3] = min(hole[2], top), max(hole[3], bottom)
                break
        else:
            holes.append([column, column, top, bottom, whose])
    return [Hole(first_column, last_column, top, bottom, whose)
            for first_column, last_column, top, bottom, whose in holes]


def _over(occupied: Occupancy, owner: dict[tuple[int, int], int], column: int, start: int,
          first_line: int) -> int:
    """The rule's blank line (seen_over) when a run from `start` down `column` begins an
    article's part under the blank line of a rule between stacked modules (no article's):
    a reader sees the two as one blank; else 0."""
    line = start - 1
    under_rule = (line >= first_line and owner.get((column, line)) is None
                  and (column, line) not in occupied.cells
                  and owner.get((column, start)) is not None)
    return seen_over(0) if under_rule else 0


def copyfit(plan: ArticlePlan, occupied: Occupancy, lines: list[PlacedLine], holds: int,
            cut: int, title: str) -> Copyfit:
    """How many characters the article's part of the page could still take: the blank
    lines at its columns' feet and what its last line leaves free, in body characters; and
    how many its pictures could make room for, resized within their crop."""
    t = occupied.t
    per_line = int(t.column_width / t.body.size + 1e-6)
    blank = 0 if cut else _blank_feet(occupied, lines, plan)
    body = [line for line in lines if line.kind is LineKind.BODY]
    free = 0
    if body and not cut and body[-1].paragraph_end:
        last = body[-1]
        used = max(g.x + g.advance for g in last.set_glyphs) if last.set_glyphs else 0.0
        free = int((last.width - used) / t.body.size + 1e-6)
    give = take = 0
    for image in plan.images:
        if image.sized and image.lines is not None and image.first_column is not None \
                and image.last_column is not None:
            width = image.last_column - image.first_column + 1
            give += (image.lines - image.sized[0]) * width * per_line
            take += (image.sized[1] - image.lines) * width * per_line
    starts = [line.grid_line for line in body if line.grid_line is not None]
    return Copyfit(plan.index, title, plan.first_column, plan.last_column, plan.first_line,
                   plan.last_line, holds, blank * per_line + free, cut, give, take,
                   body_line=min(starts, default=0), pictured=bool(plan.images))


def _blank_feet(occupied: Occupancy, lines: list[PlacedLine], plan: ArticlePlan) -> int:
    """The blank lines at the feet of the article's columns: under the last line of its
    text in each (however short that line: a paragraph's last line of a character or two
    covers too little of its cell for Occupancy, yet no text can go on it), or under
    whatever else covers the column."""
    rows = _text_rows(occupied.t, lines)
    first, bottom = plan.first_line, plan.last_line
    blank = 0
    for column in range(plan.first_column, plan.last_column + 1):
        end = max(rows[column]) if column in rows else 0
        foot = max(occupied.foot(column, first, bottom), min(end, bottom))
        blank += max(0, bottom - foot)  # (foot: first - 1 at the least)
    return blank


# A line spread to its measure ends there but for the rounding of its spread gaps (a
# thousand-millionth of a point, more or less with its words): what reads its end compares
# it with a column's edges and a third of a column (of a line starting in its first half:
# never within that of the measure).
SPREAD_NOISE: Final = 1e-9
# A paragraph's last line, set ragged, is read for the cells it covers only (not followed by
# a signature that may share it, in a body style set left): whether it covers its column's
# cell (holes.Occupancy: more than a COVER_PART of the column), said instead of its end where
# its length is clear of that by this much (the page's sums stay within a millionth).
COVER_CLEAR: Final = 1e-6


def line_shape(line: SetLine, ended: bool) -> tuple:
    """What the flow and the cells it covers read of a body line, but its characters:
    whether it has glyphs, its first glyph's x, its last glyph's end and its farthest end
    (a signature beside it, a line set right), the measure itself for a line spread to it
    (SPREAD_NOISE), and whether it ends its paragraph. `ended`: a paragraph's last line
    read for the cells it covers only, whose end is said as whether it covers its cell
    (COVER_CLEAR)."""
    glyphs = line.glyphs
    if not glyphs:
        return (False, 0.0, 0.0, 0.0, line.last)
    first = glyphs[0].x
    end = glyphs[-1].x + glyphs[-1].advance
    farthest = end
    for g in glyphs:
        if g.x + g.advance > farthest:
            farthest = g.x + g.advance
    width = line.width
    if not line.last and first < width / 2 and abs(end - width) <= SPREAD_NOISE \
            and abs(farthest - width) <= SPREAD_NOISE:
        return (True, first, width, width, False)
    if ended and line.last and 0.0 <= first <= end <= width - COVER_CLEAR \
            and abs(end - first - width / COVER_PART) > COVER_CLEAR:
        return (True, first, "covers" if end - first > width / COVER_PART else "short",
                None, True)
    return (True, first, end, farthest, line.last)
