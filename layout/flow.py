"""Fill each article's part of the grid with lines: headline group, byline, then the body
flowing down its columns on the page's baseline grid. What does not fit is returned as
overflow, never dropped.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from .errors import MissingGlyphError
from .fonts import FontSet
from .model import (Align, ArticlePlan, Issue, LineKind, Origin, Overflow, PageLayout,
                    PagePlan, Paragraph, PlacedGlyph, PlacedLine, Subhead, Template,
                    TextStyle)
from .text.items import Measure, build_items
from .text.linebreak import SetLine, break_lines

# Share of the em above the baseline in a CJK face's ideographic em box (880 of 1000 units
# in Noto CJK; the box runs from +0.88 em to -0.12 em around the baseline).
ASCENT = 0.88


def measurer(fonts: FontSet, role: str) -> Measure:
    """(role of the face that has the character, its advance in em), along the role's
    fallback chain. Call `check_text` first: a character no face has raises KeyError here."""
    return lambda char: fonts.metrics(role, char)


def check_text(issue: Issue, template: Template, fonts: FontSet) -> None:
    """Raise one error naming every character no face can draw, with where it was written."""
    problems: list[str] = []
    first: Origin | None = None

    def check(text: str, style: TextStyle, origin: Origin) -> None:
        nonlocal first
        try:
            fonts.check_coverage(style.face, text, f"line {origin.line}")
        except MissingGlyphError as err:
            problems.append(err.message)
            first = first or origin

    styles = template.styles
    for article in issue.articles:
        if article.headline:
            h = article.headline
            for value, key in ((h.kicker, "kicker"), (h.main, "headline"),
                               (h.subtitle, "subtitle")):
                if value:
                    check(value, styles[key], h.origin)
        if article.byline:
            check(article.byline, styles["byline"], article.origin)
        for block in article.blocks:
            style = styles["subhead"] if isinstance(block, Subhead) else template.body
            check(block.text, style, block.origin)
    if problems:
        raise MissingGlyphError("; ".join(problems), first.file if first else None,
                                hint="replace those characters, or add a face that has "
                                     "them to fonts/fonts.yaml")


def baseline_in(top: float, height: float, size: float) -> float:
    """The baseline that centres a `size` em box vertically in a band from `top`."""
    return top + (height - size) / 2 + ASCENT * size


@dataclass
class _Slots:
    """The grid lines an article's body may use, column after column."""

    template: Template
    columns: list[int]
    first_line: int
    last_line: int

    @property
    def per_column(self) -> int:
        return self.last_line - self.first_line + 1

    def __len__(self) -> int:
        return max(0, self.per_column) * len(self.columns)

    def column_of(self, pos: int) -> int:
        return self.columns[pos // self.per_column]

    def line_of(self, pos: int) -> int:
        return self.first_line + pos % self.per_column

    def room_in_column(self, pos: int) -> int:
        """Slots left in pos's column, pos included."""
        return self.per_column - pos % self.per_column


class _ArticleFlow:
    def __init__(self, plan: ArticlePlan, template: Template, fonts: FontSet):
        self.plan = plan
        self.t = template
        self.fonts = fonts
        self.x = template.column_x(plan.first_column)
        self.width = (template.column_x(plan.last_column) + template.column_width - self.x)
        self.lines: list[PlacedLine] = []
        self.notes: list[str] = []

    def set_text(self, text: str, style: TextStyle, width: float, justify: bool,
                 indent: float = 0.0) -> list[SetLine]:
        rules = self.t.composition
        items = build_items(text, style.size, measurer(self.fonts, style.face),
                            rules.latin_spacing)
        return break_lines(items, [width], indent=indent, justify=justify, rules=rules)

    def one_off(self, text: str, style: TextStyle, kind: LineKind, top: float,
                left: float, width: float) -> float:
        """Set unjustified lines (headline, byline, subhead) from `top`; return the height."""
        y = top
        for part in text.split("\n"):
            for line in self.set_text(part.strip(), style, width, justify=False):
                self.lines.append(self.placed(line, kind, baseline_in(y, style.line_height,
                                                                      style.size),
                                              style, left, width, None))
                y += style.line_height
        return y - top

    def placed(self, line: SetLine, kind: LineKind, baseline: float, style: TextStyle,
               left: float, width: float, grid_line: int | None) -> PlacedLine:
        shift = 0.0
        if style.align is not Align.LEFT and line.glyphs:
            used = max(g.x + g.advance for g in line.glyphs)
            shift = (width - used) / (2 if style.align is Align.CENTER else 1)
        glyphs = tuple(PlacedGlyph(g.char, left + shift + g.x, g.face, g.advance)
                       for g in line.glyphs)
        return PlacedLine(kind, baseline, style.size, left, width, glyphs, line.last,
                          grid_line)

    def band(self, parts: list[tuple[str | None, TextStyle, LineKind]], line: int) -> int:
        """Set a headline group or a byline across the article from grid line `line`,
        centred in a whole number of body lines; return how many it takes."""
        start = len(self.lines)
        height = 0.0
        for text, style, kind in parts:
            if text:
                height += self.one_off(text, style, kind, height, self.x, self.width)
        used = math.ceil(height / self.t.pitch - 1e-6)
        offset = self.t.line_top(line) + (used * self.t.pitch - height) / 2
        self.lines[start:] = [_moved(pl, offset) for pl in self.lines[start:]]
        return used

    def run(self) -> Overflow | None:
        article = self.plan.article
        line = self.plan.first_line
        styles = self.t.styles
        if article.headline:
            h = article.headline
            line += self.band([(h.kicker, styles["kicker"], LineKind.KICKER),
                               (h.main, styles["headline"], LineKind.HEADLINE),
                               (h.subtitle, styles["subtitle"], LineKind.SUBTITLE)], line)
            line += self.t.headline_gap_lines
        if article.byline:
            line += self.band([(article.byline, styles["byline"], LineKind.BYLINE)], line)
        slots = _Slots(self.t, list(range(self.plan.first_column, self.plan.last_column + 1)),
                       line, self.plan.last_line)
        return self.body(slots)

    def body(self, slots: _Slots) -> Overflow | None:
        t = self.t
        pos = 0
        blocks = self.plan.article.blocks
        for index, block in enumerate(blocks):
            if isinstance(block, Subhead):
                style = t.styles["subhead"]
                set_lines = self.set_text(block.text, style, t.column_width, justify=False)
                per_line = max(1, math.ceil(style.line_height / t.pitch - 1e-6))
                need = per_line * len(set_lines)
                # A subhead keeps with the text after it: never last in its column.
                if pos < len(slots) and slots.room_in_column(pos) < need + 1:
                    pos += slots.room_in_column(pos)
                if pos + need > len(slots):
                    return self.overflow(blocks[index:], [])
                for set_line in set_lines:
                    top = t.line_top(slots.line_of(pos))
                    x = t.column_x(slots.column_of(pos))
                    self.lines.append(self.placed(
                        set_line, LineKind.SUBHEAD,
                        baseline_in(top, per_line * t.pitch, style.size), style, x,
                        t.column_width, slots.line_of(pos)))
                    pos += per_line
                continue
            assert isinstance(block, Paragraph)
            set_lines = self.set_text(block.text, t.body, t.column_width, justify=True,
                                      indent=t.indent)
            for i, set_line in enumerate(set_lines):
                if pos >= len(slots):
                    return self.overflow(blocks[index + 1:], set_lines[i:])
                grid_line = slots.line_of(pos)
                if set_line.loose or set_line.forced:
                    what = "broken against the rules (nothing legal fitted)" if \
                        set_line.forced else "set loose (gaps wider than ½ em)"
                    self.notes.append(f"article {self.plan.index + 1}, column "
                                      f"{slots.column_of(pos)}, line {grid_line}: "
                                      f"{what}: “{set_line.text}”")
                self.lines.append(self.placed(
                    set_line, LineKind.BODY,
                    baseline_in(t.line_top(grid_line), t.pitch, t.body.size), t.body,
                    t.column_x(slots.column_of(pos)), t.column_width, grid_line))
                pos += 1
        return None

    def overflow(self, blocks, pending: list[SetLine]) -> Overflow:
        """What is left: the rest of a paragraph already broken, and the blocks after it."""
        texts = ["".join(g.char for line in pending for g in line.glyphs)] if pending else []
        count = len(pending)
        for block in blocks:
            style = self.t.styles["subhead"] if isinstance(block, Subhead) else self.t.body
            count += len(self.set_text(block.text, style, self.t.column_width,
                                       justify=False, indent=self.t.indent))
            texts.append(block.text)
        return Overflow(self.plan.index, "\n".join(texts), count)


def _moved(line: PlacedLine, dy: float) -> PlacedLine:
    return PlacedLine(line.kind, line.baseline + dy, line.size, line.left, line.width,
                      line.glyphs, line.paragraph_end, line.grid_line)


def flow_page(plan: PagePlan, fonts: FontSet) -> PageLayout:
    """Typeset every article of the plan."""
    check_text(plan.issue, plan.template, fonts)
    lines: list[PlacedLine] = []
    overflow: list[Overflow] = []
    notes: list[str] = []
    for article_plan in plan.articles:
        flow = _ArticleFlow(article_plan, plan.template, fonts)
        left = flow.run()
        lines += flow.lines
        notes += flow.notes
        if left is not None:
            overflow.append(left)
    issue = plan.issue
    title = f"{issue.paper} {issue.date.isoformat()} 第{issue.page_number}版"
    if issue.page_name:
        title += f" {issue.page_name}"
    return PageLayout(plan.template.page_width, plan.template.page_height, tuple(lines),
                      tuple(overflow), title, issue.date, plan.template.body.face,
                      tuple(notes))
