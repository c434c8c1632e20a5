"""An article's head: its section bar, headline group (across the article, or 竖排 in a
strip of whole columns at its side), byline and editor's note, set once into a frozen
`Head` — what it draws, where the body starts, the grid cells it takes and how far down it
reaches — which the article copies into each of its layouts (nothing of it depends on the
bottom line the balancing tries but whether it reaches past it).
"""
from __future__ import annotations

import math
from dataclasses import replace
from typing import ClassVar, Final, NamedTuple

from ..errors import LayoutError
from ..model import (ArticlePlan, Headline, LineKind, PlacedImage, PlacedLine, PlacedRect,
                     TextStyle)
from ..text.items import Glyph
from ..units import ZIHAO
from ..valued import Valued
from .headstyle import own, two_below, vertical_cells
from .setter import ASCENT, REVERSED_TEXT, Drawn, TooLow, Typesetter, moved, sized

# A headline that fills its width (`fill: true`): its longest line spans this share of it,
# at most this size (pt).
FILL_SHARE: Final = 0.96
FILL_MOST: Final = 72.0
# 竖排: columns of a vertical headline group stand this share of the main title's size
# apart; two or three digits set side by side in one cell (縦中横) take at most this share
# of the em.
VERTICAL_GAP: Final = 0.3
VERTICAL_TCY: Final = 0.9

Part = tuple[str | None, TextStyle, LineKind]  # a text of the head, its style and kind


class Reach(NamedTuple):
    """The lowest grid line a fixed part of the head needs, and what that part is."""

    line: int
    what: str


class Seat(NamedTuple):
    """Where a head set leaves the body: its first line, the line its cells start on, the
    cells the head takes and the columns its headline group spans (see Head)."""

    body_line: int
    cells_top: int
    cells: set[tuple[int, int]]
    columns: range


class Head(Valued):
    """An article's head as set: what it draws; the grid line the body starts on (pictures
    are placed from it) and the line the body's cells start on; the cells from there the
    head takes (column, grid line) and the columns its headline group spans; and the
    lowest line a part of it needs (None: nothing past its own lines). Never changed once
    made; equal to another with the same parts (`Valued`; not a frozen dataclass: in a compiled
    module one costs ~3.8 M instructions at each start)."""

    FIELDS: ClassVar[tuple[str, ...]] = (
        "lines", "rects", "images", "notes", "loose", "body_line", "cells_top", "cells",
        "columns", "reach")

    def __init__(self, lines: tuple[PlacedLine, ...], rects: tuple[PlacedRect, ...],
                 images: tuple[PlacedImage, ...], notes: tuple[str, ...],
                 loose: tuple[str, ...], body_line: int, cells_top: int,
                 cells: frozenset[tuple[int, int]], columns: range, reach: Reach | None):
        self.lines, self.rects, self.images, self.notes, self.loose = \
            lines, rects, images, notes, loose
        self.body_line, self.cells_top, self.cells, self.columns, self.reach = \
            body_line, cells_top, cells, columns, reach

    def values(self) -> tuple:
        return (self.lines, self.rects, self.images, self.notes, self.loose, self.body_line,
                self.cells_top, self.cells, self.columns, self.reach)

    def draw_into(self, out: Drawn, bottom: int) -> None:
        """Copy the head into `out`; TooLow when a part of it reaches below `bottom`."""
        if self.reach is not None and self.reach.line > bottom:
            raise TooLow(self.reach.line, self.reach.what)
        out.lines += self.lines
        out.rects += self.rects
        out.images += self.images
        out.notes += self.notes
        out.loose += self.loose


def set_head(setter: Typesetter, plan: ArticlePlan, heads: Heads | None = None) -> Head:
    """The article's head, set by `setter` in the article's part of the grid (`heads`:
    the bands and styles its other heads set, reused where they are the same)."""
    return _HeadSetter(setter, plan, heads).head()


def head_lines(setter: Typesetter, plan: ArticlePlan, heads: Heads | None = None
               ) -> int | None:
    """The grid lines the head of `plan` takes (`Head.body_line` less its first line), its
    bands' lines counted, not set, where `heads` has not set it (None: a part of it reaches
    below the plan's last line, where `Head.draw_into` says TooLow)."""
    found = heads.set.get(head_key(plan)) if heads is not None else None
    if found is not None:
        reach, body_line = found.reach, found.body_line
    else:
        counter = _HeadSetter(setter, plan, heads, counting=True)
        body_line = counter.draw(Drawn()).body_line
        reach = counter.reach
    if reach is not None and reach.line > plan.last_line:
        return None
    return body_line - plan.first_line


class SetBand(NamedTuple):
    """A band's texts set from its top (`_HeadSetter.band`, before it is centred in its
    lines): the lines, their height and the notes their setting wrote."""

    lines: tuple[PlacedLine, ...]
    height: float
    notes: tuple[str, ...]


def head_key(plan: ArticlePlan) -> tuple[int, int, int, float | None, tuple[int, int] | None,
                                         int, int]:
    """All of `plan` its head reads: its columns, first line, headline size and columns,
    and air (`head_extra` only a horizontal headline's band reads; `head_drop` is not read
    under a vertical one, set before it: a plan that differs from another only there has
    the same head)."""
    extra, drop = air_read(plan.article.headline, plan.head_extra, plan.head_drop)
    return (plan.first_column, plan.last_column, plan.first_line, plan.head_size,
            plan.head_columns, extra, drop)


def air_read(h: Headline | None, extra: int, drop: int) -> tuple[int, int]:
    """Of a head's air, the band's (`extra`) and over its group (`drop`), what a head with
    headline `h` reads: the band's only a horizontal headline's, over the group none under a
    vertical headline (its strip is set before it); 0 for what it does not read."""
    if h is None or h.vertical:
        return 0, (drop if h is None else 0)
    return extra, drop


class Heads:
    """The heads one article's flows on one grid set, by all of its plan a head reads
    (`head_key`): the make-up lays an article out many times in one module (its pictures a
    line taller or shorter, its text at another width), and its head is the same in each
    (set_head reads neither the plan's last line nor its pictures). And the parts of heads
    that come out the same in heads set otherwise (another band's air, another first line):
    each band's texts as set from its top (`bands`), each kicker's and subtitle's fitted
    style (`styles`)."""

    def __init__(self) -> None:
        self.set: dict[tuple[int, int, int, float | None, tuple[int, int] | None, int, int],
                       Head] = {}
        self.bands: dict[tuple, SetBand] = {}
        self.styles: dict[tuple, TextStyle] = {}

    def head(self, setter: Typesetter, plan: ArticlePlan) -> Head:
        """The head of `plan` (an ArticlePlan of this article), set by `setter` once."""
        key = head_key(plan)
        found = self.set.get(key)
        if found is None:
            found = self.set[key] = set_head(setter, plan, self)
        return found


class _HeadSetter:
    """Sets one article's head (set_head)."""

    def __init__(self, setter: Typesetter, plan: ArticlePlan, heads: Heads | None = None,
                 counting: bool = False):
        self.counting = counting  # (lines counted, not set: `head_lines`; no vertical cells)
        self.s = setter
        self.t = setter.t
        self.plan = plan
        self.reach: Reach | None = None
        # (the bands and styles set before, by all they read; none kept without `heads`)
        self.bands: dict[tuple, SetBand] = {} if heads is None else heads.bands
        self.styles: dict[tuple, TextStyle] = {} if heads is None else heads.styles

    def head(self) -> Head:
        out = Drawn()
        seat = self.draw(out)
        return Head(tuple(out.lines), tuple(out.rects), tuple(out.images), tuple(out.notes),
                    tuple(out.loose), seat.body_line, seat.cells_top, frozenset(seat.cells),
                    seat.columns, self.reach)

    def reaches(self, needs: int, what: str) -> None:
        """Part of the head reaches down to grid line `needs`: remembered for the bottoms
        the head is copied to."""
        if self.reach is None or needs > self.reach.line:
            self.reach = Reach(needs, what)

    def draw(self, out: Drawn) -> Seat:
        """Set the head into `out`; where it leaves the body."""
        article, headline = self.plan.article, self.plan.headline
        line = self.plan.first_line
        if article.section:  # 栏目题 across the article, reversed out of the accent colour
            line += self.section_bar(out, article.section, line)
        if headline and headline.vertical:
            return self.vertical_head(out, line)
        top = line
        line += self.plan.head_drop  # (air over the group: lower than its neighbour's)
        head_columns = self.head_columns()
        x = self.t.column_x(head_columns[0])
        width = self.t.column_x(head_columns[-1]) + self.t.column_width - x
        if headline:
            line += self.headline(out, headline, line, x, width)
        if article.byline:
            line += self.band(out, [(article.byline, self.t.styles["byline"],
                                     LineKind.BYLINE)], line, x, width)
        if article.note:  # across the headline's columns (all of them, unless the make-up
            # set a picture beside the headline)
            lines = self.s.box_lines(article.note, width)
            self.reaches(line + len(lines) + 1, "its editor's note")
            line += self.s.draw_box(out, lines, x, width, line)
        # Columns the headline group does not span start at the top of the article (under
        # its section bar, which runs across them all).
        head_top = top if len(head_columns) < len(
            range(self.plan.first_column, self.plan.last_column + 1)) else line
        # (the headline group is an obstacle in its own columns only)
        cells = {(c, g) for c in head_columns for g in range(head_top, line)}
        return Seat(line, head_top, cells, head_columns)

    def head_columns(self) -> range:
        """The columns the headline group spans: the article's, or those its `columns:`
        gives (counted from the article's first)."""
        headline = self.plan.headline
        if not (headline and headline.columns):
            return range(self.plan.first_column, self.plan.last_column + 1)
        first, last = headline.columns
        span = self.plan.last_column - self.plan.first_column + 1
        if last > span:
            origin = headline.origin
            raise LayoutError(f"the headline spans columns {first}-{last} of an article "
                              f"of {span} column(s): it would print over its neighbour",
                              origin.file, origin.line,
                              hint=f"give `columns:` within 1-{span} (the article's own "
                                   "columns, counted from its first)")
        return range(self.plan.first_column + first - 1, self.plan.first_column + last)

    def headline(self, out: Drawn, h: Headline, line: int, x: float, width: float) -> int:
        """Kicker, main title and subtitle centred in a band from grid line `line` (反白
        on the accent colour where the manifest asks); return the lines it takes with the
        template's headline gap."""
        styles = self.t.styles
        main = self.main_style(h)
        if h.fill:
            main = sized(main, self.filled(h.main, main, width))
        kicker = own(self.secondary(h.kicker, styles["kicker"], main.size, width),
                     styles["kicker"], h.kicker_size, h.kicker_face)
        subtitle = own(self.secondary(h.subtitle, styles["subtitle"], main.size, width),
                       styles["subtitle"], h.subtitle_size, h.subtitle_face)
        if h.align:
            main, kicker, subtitle = (replace(s, align=h.align)
                                      for s in (main, kicker, subtitle))
        start, pad = len(out.lines), self.t.body.size if h.reversed else 0.0
        used = self.band(out, [(h.kicker, kicker, LineKind.KICKER),
                               (h.main, main, LineKind.HEADLINE),
                               (h.subtitle, subtitle, LineKind.SUBTITLE)],
                         line, x + pad, width - 2 * pad, self.plan.head_extra)
        if h.reversed:
            self.reverse(out, start, x, self.t.line_top(line), width, used * self.t.pitch)
        return used + self.t.headline_gap_lines

    def main_style(self, h: Headline) -> TextStyle:
        """The main title's style: the template's, in this article's face and size."""
        main = self.t.styles["headline"]
        if h.face:
            main = replace(main, face=h.face)
        return sized(main, h.size) if h.size else main

    def secondary(self, text: str | None, style: TextStyle, main: float,
                  width: float) -> TextStyle:
        """A kicker's or subtitle's style: no larger than two 字号 below the main title,
        and smaller still (down to one 字号 above the body) where that keeps each of its
        lines whole rather than wrapping it: a designer fits 引题 and 副题 to their width."""
        if not text:
            return style
        key = (text, style, main, width)
        found = self.styles.get(key)
        if found is None:
            found = self.styles[key] = self.fitted(text, style, main, width)
        return found

    def fitted(self, text: str, style: TextStyle, main: float, width: float) -> TextStyle:
        """`secondary`'s style, found (it reads nothing but these and the template)."""
        ladder = sorted({*ZIHAO.values(), style.size}, reverse=True)
        size = two_below(style, main)
        floor = min([s for s in ladder if s > self.t.body.size] or [size])
        parts = [p.strip() for p in text.split("\n")]
        for step in [s for s in ladder if floor <= s <= size]:
            candidate = sized(style, step)
            if all(self.s.line_count(p, candidate, width, least=True) == 1 for p in parts):
                return candidate
        return sized(style, size)

    def filled(self, text: str, style: TextStyle, width: float) -> float:
        """The size (to ½ pt, at most FILL_MOST) at which a title's longest line spans
        FILL_SHARE of the width: a headline that fills its module, as designers set one."""
        natural = max(self.s.natural_width(part.strip(), style)
                      for part in text.split("\n"))
        size = math.floor(FILL_SHARE * width / max(natural, 1e-6) * 2) / 2
        return max(self.t.body.size, min(FILL_MOST, size))

    def section_bar(self, out: Drawn, text: str, line: int) -> int:
        """A bar in the accent colour across the article from grid line `line`, its title
        in white at the left, then a blank line; return the lines it takes."""
        t = self.t
        style = t.styles["section"]
        x = t.column_x(self.plan.first_column)
        width = t.column_x(self.plan.last_column) + t.column_width - x
        pad = t.body.size
        lines = max(1, math.ceil(style.line_height / t.pitch - 1e-6))
        start = len(out.lines)
        height = self.s.one_off(out, text, style, LineKind.SECTION, 0.0, x + pad,
                                width - 2 * pad, REVERSED_TEXT)
        lines = max(lines, math.ceil(height / t.pitch - 1e-6))
        top = t.line_top(line)
        offset = top + (lines * t.pitch - height) / 2
        out.lines[start:] = [moved(pl, offset) for pl in out.lines[start:]]
        out.rects.append(PlacedRect(x, top, width, lines * t.pitch, t.accent, None, 0.0))
        return lines + 1

    def band(self, out: Drawn, parts: list[Part], line: int, x: float, width: float,
             extra: int = 0) -> int:
        """Set a headline group or a byline across `width` from grid line `line`, centred
        in a whole number of body lines (and `extra` more); return how many it takes."""
        if self.counting and (tuple(parts), x, width, self.s.where) not in self.bands:
            # (its lines only counted: the band's height, as set_band finds it)
            return math.ceil(self.band_height(parts, width) / self.t.pitch - 1e-6) + extra
        found = self.set_band(parts, x, width)
        height = found.height
        used = math.ceil(height / self.t.pitch - 1e-6) + extra
        offset = self.t.line_top(line) + (used * self.t.pitch - height) / 2
        out.lines += [moved(pl, offset) for pl in found.lines]
        out.notes += found.notes
        return used

    def band_height(self, parts: list[Part], width: float) -> float:
        """The height of the band's texts, as `Typesetter.one_off` adds it up line by line
        (the same sums), from the lines each part takes: as many as the first cut between
        words that fits gives as the evenest (`Typesetter.display_lines`' `fits`), found
        sooner."""
        height = 0.0
        for text, style, kind in parts:
            if text:
                y = height
                for part in text.split("\n"):
                    for _ in self.s.display_lines(part.strip(), style, width, fits=True,
                                                  byline=kind is LineKind.BYLINE):
                        y += style.line_height
                height += y - height
        return height

    def set_band(self, parts: list[Part], x: float, width: float) -> SetBand:
        """The band's texts set one under another from its top (at 0), the same at every
        grid line and air the band is set at: set once (`Heads.bands`)."""
        key = (tuple(parts), x, width, self.s.where)
        found = self.bands.get(key)
        if found is None:
            out = Drawn()
            height = 0.0
            for text, style, kind in parts:
                if text:
                    height += self.s.one_off(out, text, style, kind, height, x, width)
            found = self.bands[key] = SetBand(tuple(out.lines), height, tuple(out.notes))
        return found

    def reverse(self, out: Drawn, start: int, x: float, top: float, width: float,
                height: float) -> None:
        """反白: the lines set from `start` on white, on a band of the accent colour."""
        out.rects.append(PlacedRect(x, top, width, height, self.t.accent, None, 0.0))
        out.lines[start:] = [pl.in_color(REVERSED_TEXT) for pl in out.lines[start:]]

    # -- 竖排 headlines ----------------------------------------------------------------------

    def vertical_parts(self, h: Headline) -> list[tuple[str, TextStyle, LineKind]]:
        """A vertical group's columns as they stand from right to left (kicker, main,
        subtitle), each with its style: the kicker and subtitle two 字号 below the main
        title (or as the manifest sets them)."""
        styles = self.t.styles
        main = self.main_style(h)
        parts: list[tuple[str, TextStyle, LineKind]] = []
        for text, key, kind, size, face in (
                (h.kicker, "kicker", LineKind.KICKER, h.kicker_size, h.kicker_face),
                (h.main, "headline", LineKind.HEADLINE, None, None),
                (h.subtitle, "subtitle", LineKind.SUBTITLE, h.subtitle_size, h.subtitle_face)):
            if not text:
                continue
            if kind is LineKind.HEADLINE:
                style = main
            else:
                fitted = sized(styles[key], two_below(styles[key], main.size))
                style = own(fitted, styles[key], size, face)
            # an editor's line break ("通融达道\n思源致远") starts a column of its own
            parts += [(line.strip(), style, kind) for line in text.split("\n") if line.strip()]
        return parts

    def vertical_strip(self, h: Headline) -> int:
        """Columns of the article a vertical group's strip takes: as many as its columns of
        characters need, a body character's air on each side."""
        parts = self.vertical_parts(h)
        need = sum(s.size for _, s, _ in parts) + VERTICAL_GAP * max(
            s.size for _, s, _ in parts) * (len(parts) - 1) + 2 * self.t.body.size
        span = self.plan.last_column - self.plan.first_column + 1
        for k in range(1, span + 1):
            if k * self.t.column_width + (k - 1) * self.t.gutter >= need - 1e-6:
                return k
        return span

    def vertical_head(self, out: Drawn, line: int) -> Seat:
        """A 竖排 headline group in a strip of whole columns at the article's side, from
        grid line `line` for the whole grid lines its longest column takes and a blank
        line (what draw() returns)."""
        article, h = self.plan.article, self.plan.headline
        assert h is not None  # (draw() sets a vertical group only)
        t = self.t
        k = self.vertical_strip(h)
        first, last = self.plan.first_column, self.plan.last_column
        right_side = h.vertical == "right"
        strip = range(last - k + 1, last + 1) if right_side else range(first, first + k)
        others = range(first, last - k + 1) if right_side else range(first + k, last + 1)
        end = line + self.vertical_columns(out, h, strip, line) + 1  # a blank line under it
        self.reaches(end - 1, "its vertical headline")
        cells = {(c, g) for c in strip for g in range(line, end)}
        # the byline heads the text where a reader starts it: across the columns beside a
        # strip at the right, under a strip at the left (the editor's note is the body's
        # first block: blocks.body_blocks)
        body = line
        if article.byline:
            over, at = (others, line) if right_side and others else (strip, end)
            x = t.column_x(over[0])
            taken = self.band(out, [(article.byline, t.styles["byline"], LineKind.BYLINE)],
                              at, x, t.column_x(over[-1]) + t.column_width - x)
            cells |= {(c, g) for c in over for g in range(at, at + taken)}
            if over is others:  # (the text beside the strip starts under it)
                body += taken
        return Seat(body, line, cells, strip)

    def vertical_columns(self, out: Drawn, h: Headline, strip: range, line: int) -> int:
        """The vertical group's columns of characters set right to left, centred in the
        strip from grid line `line` (on its band, reversed out); return the grid lines its
        longest column takes."""
        t = self.t
        x = t.column_x(strip[0])
        width = t.column_x(strip[-1]) + t.column_width - x
        parts = [(list(vertical_cells(text)), style, kind)
                 for text, style, kind in self.vertical_parts(h)]
        heights = [len(column) * style.size for column, style, _ in parts]
        # (reversed out: half a line of the band's colour above and below the characters)
        air = t.pitch / 2 if h.reversed else 0.0
        lines = max(1, math.ceil((max(heights) + 2 * air) / t.pitch - 1e-6))
        if self.counting:
            return lines  # (its lines alone asked: `head_lines`)
        top = t.line_top(line)
        gap = VERTICAL_GAP * max(style.size for _, style, _ in parts)
        used = sum(style.size for _, style, _ in parts) + gap * (len(parts) - 1)
        right = x + (width + used) / 2  # columns set from the right, centred in the strip
        start = len(out.lines)
        for (column, style, kind), height in zip(parts, heights):
            left = right - style.size
            # the main title centred down the strip; the kicker from its top, the subtitle
            # down to its foot
            y = top + {LineKind.KICKER: air, LineKind.SUBTITLE: lines * t.pitch - height - air
                       }.get(kind, (lines * t.pitch - height) / 2)
            for cell in column:
                out.lines += self.vertical_cell(cell, style, kind, left, y)
                y += style.size
            right = left - gap
        if h.reversed:  # the strip's band
            self.reverse(out, start, x, top, width, lines * t.pitch)
        return lines

    def vertical_cell(self, text: str, style: TextStyle, kind: LineKind, left: float,
                      top: float) -> list[PlacedLine]:
        """One cell of a vertical column, an em tall from `top`: a character upright
        (a mark in its vertical form, drawn by the PDF writer), or two or three digits
        side by side within one em (縦中横); a blank for a space."""
        size = style.size
        if text.isspace():
            return []
        fonts = self.s.fonts
        role, advance = fonts.metrics(style.face, text[0])
        if len(text) == 1:
            glyph = Glyph(text, role, (size - advance * size) / 2, advance * size)
            baseline = top + size / 2 + (ASCENT - 0.5) * size
            return [PlacedLine(kind, baseline, size, left, size, (glyph,), left, True, None,
                               vertical=True)]
        widths = [fonts.metrics(style.face, c) for c in text]
        natural = sum(a for _, a in widths)
        small = size * min(1.0, VERTICAL_TCY / natural)
        x = (size - natural * small) / 2
        glyphs = []
        for char, (role, advance) in zip(text, widths):
            glyphs.append(Glyph(char, role, x, advance * small))
            x += advance * small
        baseline = top + size / 2 + (ASCENT - 0.5) * small
        return [PlacedLine(kind, baseline, small, left, size, tuple(glyphs), left, True,
                           None)]
