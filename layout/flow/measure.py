"""What the make-up reads of an article from the flow, as typed measures rather than drawn
lines: its head in a module (`measure_head` → HeadMeasure: the lines it takes, the blank
runs beside it, a vertical title's strip, where its main title stands), the grid cells its body takes with what column
feet cost (`measure_need`), and the article laid out in a module (`measure_fill` → Fill:
where it ends, what is left over, the cells it covers and its legs of text). The make-up
weighs these; it never reads a drawn line."""
from __future__ import annotations

import math
from typing import NamedTuple

from ..holes import Occupancy, text_legs
from ..model import LineKind, Template
from .article import ArticleFlow, Laid
from .head import head_lines
from .setter import Drawn, TooLow


class HeadMeasure(NamedTuple):
    """An article's head (section bar, headline group, byline, note) in its module."""

    lines: int  # grid lines it takes, from the module's first to the body's first
    # the runs of blank lines down the columns its headline group spans, beside the band
    # (each run's length, column by column, top down), and those from the module's first
    # line: over the group, seen with the blank line of the rule over the module
    # (holes.find_holes)
    blanks: tuple[int, ...]
    over: tuple[int, ...]
    strip: int  # a vertical title's strip: the lines it takes below the body's first
    strip_columns: int  # and its columns (0: a horizontal headline)
    # a horizontal main title's box down the module (pt under its first line's top: the
    # ideographic em of its first line's top, of its last line's foot) and its size (0:
    # none), what 碰题 is judged on (sidebyside.at_one_height)
    title_top: float = 0.0
    title_bottom: float = 0.0
    title_size: float = 0.0


class Fill:
    """An article laid out balanced in its module, as the make-up weighs it: the grid line
    its body ends on, the lines left over (None: it all fits), the cells it covers and its
    legs of text (each found once, when asked); and the layout itself (`laid`), which the
    final page reuses for the module the make-up settles it in."""

    def __init__(self, t: Template, columns: range, laid: Laid):
        self.t = t
        self.columns = columns
        self.laid = laid
        self.bottom = laid.bottom
        self.over = laid.overflow.lines if laid.overflow is not None else None
        self._drawn = laid.drawn
        self._covered: Occupancy | None = None

    def covered(self) -> Occupancy:
        """The grid cells its lines, boxes and pictures cover."""
        if self._covered is None:
            self._covered = covered(self._drawn, self.t)
        return self._covered

    def legs(self) -> list[tuple[int, int, int]]:
        """Its legs of text down its columns: (column, first line, last line) each."""
        return text_legs(self.t, self._drawn.lines, self._drawn.images, self.columns)

    def blank_feet(self, first: int, bottom: int, allowed: int) -> int:
        """Blank lines at the feet of its columns (lines first..bottom), beyond `allowed`
        in each."""
        return self.covered().blank_feet(self.columns, first, bottom, allowed)


def measure_head(flow: ArticleFlow) -> HeadMeasure | None:
    """The head of the flow's article (None: it does not fit the module)."""
    plan = flow.plan
    out = Drawn()
    try:
        head = flow.head(out, plan.last_line)
    except TooLow:
        return None
    line, cells, spans = head.body_line, head.cells, head.columns
    occupied = Occupancy(flow.t)
    occupied.add_lines(out.lines)
    occupied.add_boxes(out.rects)
    blanks: list[int] = []
    over: list[int] = []
    for c in spans:
        run = 0
        for row in range(plan.first_line, line + 1):
            if row < line and (c, row) not in occupied.cells:
                run += 1
                continue
            if run:
                (over if row - run == plan.first_line else blanks).append(run)
            run = 0
    h = plan.headline
    vertical = h is not None and h.vertical is not None
    strip = max((g for c, g in cells if c in spans), default=line - 1) + 1 - line
    titles = [pl for pl in out.lines if pl.kind is LineKind.HEADLINE and not pl.vertical]
    top = bottom = size = 0.0
    if titles:
        origin = flow.t.line_top(plan.first_line)
        top = min(pl.em_box.top for pl in titles) - origin
        bottom = max(pl.em_box.bottom for pl in titles) - origin
        size = max(pl.size for pl in titles)
    return HeadMeasure(line - plan.first_line, tuple(blanks), tuple(over),
                       strip if vertical else 0,
                       len(spans) if vertical else 0, top, bottom, size)


def measure_head_lines(flow: ArticleFlow) -> int | None:
    """`measure_head(flow).lines` alone, without what else it measures, its bands' lines
    counted, not set (`head.head_lines`; None: the head does not fit the module)."""
    return head_lines(flow.s, flow.plan, flow.heads)


def covered(drawn: Drawn, t: Template) -> Occupancy:
    """The grid cells an article's drawn lines, boxes and pictures cover."""
    occupied = Occupancy(t)
    occupied.add_lines(drawn.lines)
    occupied.add_boxes(drawn.rects, drawn.images)
    return occupied


def measure_need(flow: ArticleFlow, top: int, need: int) -> int:
    """Grid cells the body takes, set by the flow in its module (its plan without
    pictures) under `top` lines of head: `need` (the body's cells when no column foot
    moves a block on: ArticleFlow.body_need) plus what column feet cost it, or plus the
    lines left over."""
    plan = flow.plan
    columns = plan.last_column - plan.first_column + 1
    try:
        drawn, overflow, bottom = flow.run(plan.first_line + top + math.ceil(need / columns)
                                           - 1)
    except TooLow:
        return need
    if overflow is not None:
        return need + overflow.lines
    occupied = covered(drawn, flow.t)
    start = plan.first_line + top  # (the body's cells: from its first line to each foot)
    return sum(occupied.foot(c, start, bottom) - start + 1
               for c in range(plan.first_column, plan.last_column + 1))


def measure_fill(flow: ArticleFlow, hint: int | None = None) -> Fill:
    """The flow's article laid out balanced, from `hint` (a guess of its bottom line);
    TooLow when a fixed part of it passes its module's foot."""
    plan = flow.plan
    return Fill(flow.t, range(plan.first_column, plan.last_column + 1), flow.run(hint))
