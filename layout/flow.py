"""Fill each article's part of the grid: headline group, byline and editor's note across the
article, pictures as obstacles, then the body flowing down its columns on the page's
baseline grid, balanced where it ends. Page furniture (报眉, banner) comes from the template.
What does not fit is returned as overflow, never dropped.
"""
from __future__ import annotations

import datetime
import itertools
import math
from dataclasses import dataclass, field, replace
from typing import Any

from .errors import LayoutError, MissingGlyphError, Mistakes
from .fonts import FontSet
from .holes import Occupancy, copyfit, find_holes
from .manifest import TEMPLATE_TINT, block_text
from .pictures import opened, upright_size
from .reading import reading_text
from .model import (Align, ArticlePlan, Boxed, Copyfit, Figure, Headline, Hole, Image, Issue,
                    LineKind, Origin,
                    Overflow, PageLayout, PagePlan, Paragraph, PlacedImage,
                    PlacedLine, PlacedRect, Quote, Signature, Subhead, Template, TextStyle)
from .text.chars import NO_LINE_END, NO_LINE_START, char_class
from .text.items import Glyph, Measure, build_runs
from .units import ZIHAO
from .text.linebreak import SetLine, break_lines
from .text.words import between_words, word_ends

# Share of the em above the baseline in a CJK face's ideographic em box (880 of 1000 units
# in Noto CJK; the box runs from +0.88 em to -0.12 em around the baseline).
ASCENT = 0.88
# Inside a framed box (编者按, 微评) the text keeps this many body ems from the frame.
BOX_PADDING = 0.5
# A picture printed at less than this many pixels per inch looks soft: warn.
MIN_DPI = 150
PLACEHOLDER_FILL, PLACEHOLDER_FRAME = "#e6e6e6", "#808080"
RULE_COLOUR = "#333333"
WEEKDAYS = "一二三四五六日"
# Lines of text a subhead keeps under it in its column: a subhead with a single line after
# it at a column's foot reads as the end of the column, not the start of a section.
SUBHEAD_KEEP = 2
REVERSED_TEXT = "#ffffff"  # text reversed out of the accent colour (section bars, 反白)
# A headline that fills its width (`fill: true`): its longest line spans this share of it,
# at most this size (pt).
FILL_SHARE = 0.96
FILL_MOST = 72.0
# 破栏: re-divided columns are at least MIN_DIVIDED characters wide, and near DIVIDED_WIDTH.
MIN_DIVIDED = 9
DIVIDED_WIDTH = 13
# Display text breaks after a clause's mark rather than between two words of a clause,
# unless that makes its longest line more than this many em longer.
BETWEEN_CLAUSES = 1.5
CLAUSE_MARKS = "，、；：。！？"
# 竖排: columns of a vertical headline group stand this share of the main title's size
# apart; two or three digits set side by side in one cell (縦中横) take at most this share
# of the em.
VERTICAL_GAP = 0.3
VERTICAL_TCY = 0.9


def vertical_cells(text: str):
    """A vertical title's cells, top to bottom, each one em tall: a character each; a run
    of two or three ASCII digits one cell (99周年); a space a blank cell; a line break (an
    editor's: the next column, `vertical_parts`) nothing."""
    i = 0
    while i < len(text):
        run = 0
        while i + run < len(text) and text[i + run].isascii() and text[i + run].isdigit():
            run += 1
        if 2 <= run <= 3:
            yield text[i:i + run]
            i += run
            continue
        if text[i] != "\n":
            yield text[i]
        i += 1


def sized(style: TextStyle, size: float) -> TextStyle:
    """`style` at another size, its line height in proportion."""
    return TextStyle(style.face, size, style.align, style.line_height * size / style.size)


def measurer(fonts: FontSet, role: str) -> Measure:
    """(role of the face that has the character, its advance in em), along the role's
    fallback chain. Call `check_text` first: a character no face has raises KeyError here."""
    return fonts.measure(role)


def check_faces(template: Template, fonts: FontSet) -> None:
    """Every face the template's styles name is a role of the font set; else an error at
    the template line that names it."""
    for where, style in (("body", template.body),
                         *((f"styles.{k}", v) for k, v in template.styles.items())):
        if style.face not in fonts.faces:
            origin = template.face_origins.get(where)
            raise LayoutError(f"{where}.face: unknown font role {style.face!r}",
                              origin.file if origin else template.path,
                              origin.line if origin else None,
                              hint="roles: " + ", ".join(fonts.faces))


def check_text(issue: Issue, template: Template, fonts: FontSet) -> None:
    """Raise one error naming every character no face can draw, with where it was written."""
    problems: list[str] = []
    first: Origin | None = None
    styles = template.styles

    def check(text: str | None, style: str, origin: Origin, face: str | None = None) -> None:
        nonlocal first
        if not text:
            return
        face = face or (template.body.face if style == "body" else styles[style].face)
        try:
            fonts.check_coverage(face, text, f"line {origin.line}")
        except MissingGlyphError as err:
            problems.append(err.message)
            first = first or origin

    for article in issue.articles:
        if article.headline:
            h = article.headline
            for face in (h.face, h.kicker_face, h.subtitle_face):
                if face is not None and face not in fonts.faces:
                    raise LayoutError(f"headline face {face!r} is not a font role",
                                      h.origin.file, h.origin.line,
                                      hint="roles: " + ", ".join(fonts.faces))
            for value, key, face in ((h.kicker, "kicker", h.kicker_face),
                                     (h.main, "headline", h.face),
                                     (h.subtitle, "subtitle", h.subtitle_face)):
                check(value, key, h.origin, face)
        check(article.byline, "byline", article.origin)
        check(article.section, "section", article.origin)
        for image in article.images:
            check(image.caption, "caption", image.origin)
            check(image.label, "label", image.origin)
        for block in (article.note, *article.blocks):
            if isinstance(block, Paragraph):
                check(block.lead, "lead", block.origin)
                check(block.text, "body", block.origin)
            elif isinstance(block, Boxed):
                check(block.label, "note_label", block.origin)
                check(block.text, "note", block.origin)
                check(block.attribution, "signature", block.origin)
            elif isinstance(block, Figure):
                check(block.caption, "caption", block.origin)
                check(block.label, "label", block.origin)
            elif block is not None:
                style = {Subhead: "subhead", Signature: "signature", Quote: "quote"}
                check(block.text, style[type(block)], block.origin)
                if isinstance(block, Subhead):
                    check(block.second, "subhead_second", block.origin)
    where = issue.origins.get
    if template.header:
        for key in ("paper", "page_name", "editors"):
            check(getattr(issue, key), "header", where(key, issue.template_origin))
    if template.banner and not template.nameplate:
        check(issue.banner or template.banner.text, "banner",
              where("banner", issue.template_origin))
    if template.nameplate:
        from .nameplate import texts  # noqa: PLC0415 (a front page's only)
        for value in texts(issue, template):
            check(value, "header", where("paper", issue.template_origin),
                  template.nameplate.face if value == (template.nameplate.name or
                                                       issue.paper) else None)
    if problems:
        raise MissingGlyphError("; ".join(problems), first.file if first else None,
                                hint="replace those characters, or add a face that has "
                                     "them to fonts/fonts.yaml")


def baseline_in(top: float, height: float, size: float) -> float:
    """The baseline that centres a `size` em box vertically in a band from `top`."""
    return top + (height - size) / 2 + ASCENT * size


@dataclass
class _Drawn:
    """What an article (or the page furniture) puts on the page."""

    lines: list[PlacedLine] = field(default_factory=list)
    rects: list[PlacedRect] = field(default_factory=list)
    images: list[PlacedImage] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    loose: list[str] = field(default_factory=list)
    head: int = 0  # lines[:head]: the headline group, byline and note
    # the captions of the pictures placed in the article: (first line, end, text)
    captions: list[tuple[int, int, str]] = field(default_factory=list)


class _Cells:
    """The grid cells (column, line) an article's body may use, column after column."""

    def __init__(self, columns: range, first_line: int, last_line: int,
                 blocked: set[tuple[int, int]]):
        self.cells = [(c, line) for c in columns for line in range(first_line, last_line + 1)
                      if (c, line) not in blocked]

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


class _Typesetter:
    """Sets text in the template's styles, across columns first_column–last_column."""

    def __init__(self, template: Template, fonts: FontSet, first_column: int,
                 last_column: int, cache: dict | None = None):
        self.t = template
        self.fonts = fonts
        self.x = template.column_x(first_column)
        self.width = template.column_x(last_column) + template.column_width - self.x
        # broken text, shared by the make-up's trials of one article at many widths
        self._cache: dict[tuple, Any] = {} if cache is None else cache

    def set_runs(self, runs: tuple[tuple[str, str], ...], size: float, width: float,
                 justify: bool, indent: float = 0.0, reserve: float = 0.0,
                 words: bool = False) -> list[SetLine]:
        """Break text made of (text, font role) runs at one size, keeping `reserve` points
        free at the end of its last line (`words`: only between words); remembered, so
        that balancing, which lays an article out several times, breaks each paragraph
        once."""
        key = (runs, size, width, justify, indent, reserve, words)
        if key not in self._cache:
            rules = self.t.composition
            # the items at this size, kept for other widths (a re-divided lead, a headline
            # over fewer columns)
            made = ("items", runs, size, rules.latin_spacing, reserve)
            items = self._cache.get(made)
            if items is None:
                items = self._cache[made] = build_runs(
                    [(text, measurer(self.fonts, role)) for text, role in runs], size,
                    rules.latin_spacing, reserve, self._cache.setdefault(("boxes", size), {}))
            if words:
                items = between_words(items, "".join(text for text, _ in runs))
            self._cache[key] = break_lines(items, [width], indent=indent, justify=justify,
                                           rules=rules)
        return self._cache[key]

    def display_lines(self, text: str, style: TextStyle, width: float,
                      fits: bool = False) -> list[SetLine]:
        """A line of display text (headline, kicker, byline) set unjustified, broken where
        it must break only between words (`text.words`) and into lines as even as they
        can be: no long line over a stub, no word split (四中全会以来5个部|委 …). The
        same number of lines as breaking anywhere gives, or one more; breaking anywhere
        when no cut between words fits. `fits`: the first cut between words that fits
        rather than the evenest, as many lines, found sooner (what line_count asks)."""
        lines = self.set_text(text, style, width, justify=False)
        if len(lines) < 2:
            return lines
        if " " in text.strip():  # broken at its spaces first, each part as display text
            return [line for part in text.split() for line in
                    self.display_lines(part, style, width, fits)]
        if len(lines) > 4:
            return lines
        key = ("display", text, style.face, style.size, width, fits)
        if key not in self._cache:  # (a line more rather than a word split)
            self._cache[key] = (self._even(text, style, width, len(lines), fits)
                                or self._even(text, style, width, len(lines) + 1, fits)
                                or lines)
        return self._cache[key]

    def _even(self, text: str, style: TextStyle, width: float,
              count: int, fits: bool = False) -> list[SetLine] | None:
        """`text` in `count` lines cut between words, each legal at its ends and within
        `width`, the longest as short as can be; None when no such cut fits (`fits`: the
        first cut that fits, not the evenest)."""
        best: tuple[float, list[SetLine]] | None = None
        size = style.size
        for cuts in itertools.combinations(word_ends(text), count - 1):
            parts = [text[a:b] for a, b in zip((0, *cuts), (*cuts, len(text)))]
            if any(char_class(p[0]) in NO_LINE_START or char_class(p[-1]) in NO_LINE_END
                   for p in parts):
                continue
            penalty = sum(BETWEEN_CLAUSES * size for p in parts[:-1]
                          if p[-1] not in CLAUSE_MARKS)
            # what a part takes at the least: its span in the whole text set on one line
            # (once per face), less an em for each mark (squeezed, trimmed, its facing
            # neighbour gone): a cut that cannot fit, or cannot beat the best so far, is
            # not set
            least = [(self._span(text, style, a, b)
                      - sum(1 for c in text[a:b] if not c.isalnum())) * size
                     for a, b in zip((0, *cuts), (*cuts, len(text)))]
            if max(least) > width + 1e-6 or (
                    best is not None and max(least) + penalty >= best[0] - 1e-6):
                continue
            set_parts = [self.set_runs(((p, style.face),), style.size, width, False)
                         for p in parts]
            if any(len(lines) != 1 or lines[0].forced for lines in set_parts):
                continue
            if fits:
                return [lines[0] for lines in set_parts]
            longest = max(max(g.x + g.advance for g in lines[0].glyphs)
                          for lines in set_parts)
            # a cut after a clause's mark (，、；：) reads best: one elsewhere costs as much
            # as BETWEEN_CLAUSES em more on the longest line
            longest += penalty
            if best is None or longest < best[0] - 1e-6:
                best = (longest, [lines[0] for lines in set_parts])
        return best[1] if best else None

    def _span(self, text: str, style: TextStyle, a: int, b: int) -> float:
        """How wide text[a:b] is, per point of the size, where the whole text set on one
        line in its face puts it (a part's own width, to within its marks)."""
        key = ("spans", text, style.face)
        found = self._cache.get(key)
        if found is None:  # (the edges of every glyph, kept as data: a function kept in
            # the cache would close over this typesetter, a cycle the cyclic collector
            # alone could free)
            lines = self.set_runs(((text, style.face),), 10.0, 1e9, False)
            glyphs = [g for line in lines for g in line.glyphs]
            found = self._cache[key] = (
                ([g.x / 10.0 for g in glyphs], [(g.x + g.advance) / 10.0 for g in glyphs])
                if len(lines) == 1 and len(glyphs) == len(text) else ())
        if not found:  # (a text whose glyphs are not one a character: measure the part)
            return self.natural_width(text[a:b], style)
        starts, ends = found
        return ends[b - 1] - starts[a]

    def natural_width(self, text: str, style: TextStyle) -> float:
        """A one-off text's width on one line, per point of its size, in its face."""
        key = ("natural", text, style.face)
        if key not in self._cache:
            lines = self.set_runs(((text, style.face),), 10.0, 1e9, False)
            self._cache[key] = max((g.x + g.advance for line in lines for g in line.glyphs),
                                   default=0.0) / 10.0
        return self._cache[key]

    def line_count(self, text: str, style: TextStyle, width: float,
                   least: bool = False) -> int:
        """Lines an unjustified one-off text takes at `width`: one, without breaking it,
        when its natural width (measured once per face, scaled to the size) fits. `least`:
        no more than that, found without looking for a cut between words: the lines
        breaking anywhere gives (between words takes as many or one more; one exactly
        when the count is one)."""
        if self.natural_width(text, style) * style.size <= width * (1 - 1e-9):
            return 1
        if least:
            return len(self.set_text(text, style, width, justify=False))
        return len(self.display_lines(text, style, width, fits=True))

    def set_text(self, text: str, style: TextStyle, width: float, justify: bool,
                 indent: float = 0.0, words: bool = False) -> list[SetLine]:
        lines = self.set_runs(((text, style.face),), style.size, width, justify, indent,
                              words=words)
        if not justify and len(lines) > 1 and " " in text.strip():
            # A one-off line that must break breaks at its spaces first: between a
            # headline's parallel clauses, between a title and a name.
            return [line for part in text.split()
                    for line in self.set_runs(((part, style.face),), style.size, width,
                                              False)]
        return lines

    def placed(self, line: SetLine, kind: LineKind, baseline: float, style: TextStyle,
               left: float, width: float, grid_line: int | None, color: str = "#000000",
               align: Align | None = None) -> PlacedLine:
        shift = 0.0
        align = align or style.align
        if align is not Align.LEFT and line.glyphs:
            used = max(g.x + g.advance for g in line.glyphs)
            shift = (width - used) / (2 if align is Align.CENTER else 1)
        return PlacedLine(kind, baseline, style.size, left, width, line.glyphs, left + shift,
                          line.last, grid_line, color)

    def where(self) -> str:
        """How a note names what it is about: the page furniture says nothing more."""
        return ""

    def one_off(self, out: _Drawn, text: str, style: TextStyle, kind: LineKind, top: float,
                left: float, width: float, color: str = "#000000") -> float:
        """Set unjustified lines (headline, byline, label) from `top`; return the height."""
        y = top
        for part in text.split("\n"):
            lines = self.display_lines(part.strip(), style, width)
            if any(line.forced for line in lines):  # say so, as for body lines
                out.notes.append(f"{self.where()}{kind.value} “{part.strip()}”: broken "
                                 f"against the rules, no legal break fits "
                                 f"{width / style.size:.1f} 字")
            for line in lines:
                out.lines.append(self.placed(line, kind, baseline_in(y, style.line_height,
                                                                     style.size),
                                             style, left, width, None, color))
                y += style.line_height
        return y - top

class _ArticleFlow(_Typesetter):
    """Lays one article out in its part of the grid."""

    def __init__(self, plan: ArticlePlan, template: Template, fonts: FontSet,
                 cache: dict | None = None):
        super().__init__(template, fonts, plan.first_column, plan.last_column, cache)
        self.plan = plan
        # a trial of the balancing search, which only asks whether the text fits: a
        # paragraph's lines are counted, not placed (its last one is: a signature may
        # share it)
        self.dry = False
        # the head as set once (see head()): what it drew, what it returned, and the
        # lowest bottom line it needs (with what reaches there), or None
        self._head: tuple[_Drawn, tuple[int, int, set[tuple[int, int]], range],
                          tuple[int, str] | None] | None = None
        self._reach: tuple[int, str] | None = None

    def where(self) -> str:
        return f"article {self.plan.index + 1}, "

    def main_style(self, h: Headline) -> TextStyle:
        """The main title's style: the template's, in this article's face and size."""
        main = self.t.styles["headline"]
        if h.face:
            main = replace(main, face=h.face)
        return sized(main, h.size) if h.size else main

    @staticmethod
    def two_below(style: TextStyle, main: float) -> float:
        """A kicker's or subtitle's size: its style's, at most two 字号 below the main
        title's."""
        below = [s for s in sorted({*ZIHAO.values(), style.size}, reverse=True) if s < main]
        return min(style.size, below[1] if len(below) > 1 else style.size)

    def secondary(self, text: str | None, style: TextStyle, main: float,
                  width: float) -> TextStyle:
        """A kicker's or subtitle's style: no larger than two 字号 below the main title,
        and smaller still (down to one 字号 above the body) where that keeps each of its
        lines whole rather than wrapping it: a designer fits 引题 and 副题 to their width."""
        if not text:
            return style
        ladder = sorted({*ZIHAO.values(), style.size}, reverse=True)
        size = self.two_below(style, main)
        floor = min([s for s in ladder if s > self.t.body.size] or [size])
        parts = [p.strip() for p in text.split("\n")]
        for step in [s for s in ladder if floor <= s <= size]:
            candidate = sized(style, step)
            if all(self.line_count(p, candidate, width, least=True) == 1 for p in parts):
                return candidate
        return sized(style, size)

    def section_bar(self, out: _Drawn, text: str, line: int) -> int:
        """A bar in the accent colour across the article from grid line `line`, its title
        in white at the left, then a blank line; return the lines it takes."""
        t = self.t
        style = t.styles["section"]
        x = t.column_x(self.plan.first_column)
        width = t.column_x(self.plan.last_column) + t.column_width - x
        pad = t.body.size
        lines = max(1, math.ceil(style.line_height / t.pitch - 1e-6))
        start = len(out.lines)
        height = self.one_off(out, text, style, LineKind.SECTION, 0.0, x + pad,
                              width - 2 * pad, REVERSED_TEXT)
        lines = max(lines, math.ceil(height / t.pitch - 1e-6))
        top = t.line_top(line)
        offset = top + (lines * t.pitch - height) / 2
        out.lines[start:] = [_moved(pl, offset) for pl in out.lines[start:]]
        out.rects.append(PlacedRect(x, top, width, lines * t.pitch, t.accent, None, 0.0))
        return lines + 1

    @staticmethod
    def own(fitted: TextStyle, style: TextStyle, size: float | None,
            face: str | None) -> TextStyle:
        """A kicker's or subtitle's style as the manifest sets it for this article: its
        size (instead of the fitted one) and face, where it gives them."""
        if size:
            fitted = sized(style, size)
        return replace(fitted, face=face) if face else fitted

    def filled(self, text: str, style: TextStyle, width: float) -> float:
        """The size (to ½ pt, at most FILL_MOST) at which a title's longest line spans
        FILL_SHARE of the width: a headline that fills its module, as designers set one."""
        natural = max(self.natural_width(part.strip(), style)
                      for part in text.split("\n"))
        size = math.floor(FILL_SHARE * width / max(natural, 1e-6) * 2) / 2
        return max(self.t.body.size, min(FILL_MOST, size))

    def band(self, out: _Drawn, parts: list[tuple[str | None, TextStyle, LineKind]],
             line: int, x: float, width: float, extra: int = 0) -> int:
        """Set a headline group or a byline across `width` from grid line `line`, centred
        in a whole number of body lines (and `extra` more); return how many it takes."""
        start = len(out.lines)
        height = 0.0
        for text, style, kind in parts:
            if text:
                height += self.one_off(out, text, style, kind, height, x, width)
        used = math.ceil(height / self.t.pitch - 1e-6) + extra
        offset = self.t.line_top(line) + (used * self.t.pitch - height) / 2
        out.lines[start:] = [_moved(pl, offset) for pl in out.lines[start:]]
        return used

    def grid_line(self, out: _Drawn, line: SetLine, kind: LineKind, style: TextStyle,
                  left: float, width: float, grid: int, per_line: int = 1,
                  origin: Origin | None = None) -> None:
        """Place a line on grid line `grid`, centred in `per_line` grid lines; `origin`:
        where the manifest writes the block it is of (a note names that line)."""
        top = self.t.line_top(grid)
        out.lines.append(self.placed(line, kind, baseline_in(top, per_line * self.t.pitch,
                                                             style.size),
                                     style, left, width, grid))
        if line.forced:
            what = "paragraph" if kind is LineKind.BODY else kind.value
            written = f"the {what} on line {origin.line}, " if origin else ""
            out.notes.append(f"{self.where()}{written}grid line {grid}: broken against the "
                             f"rules (nothing legal fitted): “{line.text}”")
        elif line.split:
            out.notes.append(f"{self.where()}grid line {grid}: a word too long for the line "
                             f"broken at its own break point: “{line.text}”")
        elif line.loose:
            out.loose.append(f"{self.where()}line {grid}: set loose (gaps wider than ½ em): "
                             f"“{line.text}”")

    # -- framed boxes -----------------------------------------------------------------------

    def box_lines(self, box: Boxed, width: float) -> list[tuple[SetLine, TextStyle]]:
        styles = self.t.styles
        note, label = styles["note"], styles["note_label"]
        inner = width - 2 * BOX_PADDING * self.t.body.size
        runs = ((f"{box.label}\u3000" if box.label else "", label.face), (box.text, note.face))
        lines = [(line, note) for line in self.set_runs(runs, note.size, inner, True)]
        if box.attribution:
            lines += [(line, styles["signature"])
                      for line in self.set_text(box.attribution, styles["signature"], inner,
                                                False)]
        return lines

    def draw_box(self, out: _Drawn, lines: list[tuple[SetLine, TextStyle]], left: float,
                 width: float, first: int) -> int:
        """A framed box from grid line `first`: a blank line, the text, a blank line, the
        frame through the middle of the blank ones. Return the grid lines it takes."""
        t = self.t
        pad = BOX_PADDING * t.body.size
        for i, (line, style) in enumerate(lines):
            self.grid_line(out, line, LineKind.NOTE, style, left + pad, width - 2 * pad,
                           first + 1 + i)
        top = t.line_top(first) + t.pitch / 2
        out.rects.append(PlacedRect(left, top, width, (len(lines) + 1) * t.pitch, t.box_tint,
                                    t.accent, 0.75))
        return len(lines) + 2

    # -- pictures ---------------------------------------------------------------------------

    def place_images(self, out: _Drawn, body_top: int, bottom: int) -> set[tuple[int, int]]:
        """Draw the article's pictures and captions; return the grid cells they take."""
        t = self.t
        blocked: set[tuple[int, int]] = set()
        for image in self.plan.article.images:
            # (the manifest or the make-up has placed every picture by now)
            assert image.first_column is not None and image.last_column is not None \
                and image.first_line is not None and image.lines is not None
            first_col = self.plan.first_column + image.first_column - 1
            last_col = self.plan.first_column + image.last_column - 1
            top = body_top + image.first_line - 1
            if top < self.plan.first_line:  # (`line:` 0 or less: beside the headline)
                head = body_top - self.plan.first_line
                raise LayoutError(f"picture line {image.first_line} starts above the "
                                  f"article's region: its body starts {head} line(s) under "
                                  "its top", image.origin.file, image.origin.line,
                                  hint=f"give it line {1 - head} or more")
            if last_col > self.plan.last_column:
                raise LayoutError(f"picture columns {image.first_column}-{image.last_column} "
                                  f"leave the article's {self.plan.last_column - self.plan.first_column + 1} "
                                  "columns", image.origin.file, image.origin.line)
            x = t.column_x(first_col)
            width = t.column_x(last_col) + t.column_width - x
            caption = (self.set_text(image.caption, t.styles["caption"], width, True,
                                     words=True)
                       if image.caption else [])
            end = top + image.lines + len(caption)  # first grid line after the caption
            if end - 1 > bottom:
                raise _TooLow(end - 1, f"its picture (line {image.origin.line})")
            self.picture(out, image, x, width, top, caption)
            if caption and image.caption:
                out.captions.append((len(out.lines) - len(caption), len(out.lines),
                                     image.caption))
            # a blank line between caption and text; a picture standing on the foot of the
            # article has its blank line above it instead
            gap = 1 if end <= bottom else 0
            above = 1 if not gap and top > body_top else 0
            blocked |= {(c, g) for c in range(first_col, last_col + 1)
                        for g in range(top - above, end + gap)}
        return blocked

    def picture(self, out: _Drawn, image: Image | Figure, x: float, width: float, top: int,
                caption: list[SetLine]) -> None:
        """A picture (or its placeholder) from grid line `top`, its caption under it."""
        t = self.t
        lines = image.lines or 0  # (placed: never None here)
        y, height = t.line_top(top), lines * t.pitch
        if image.file is not None:
            out.images.append(PlacedImage(x, y, width, height, image.file, image.fit))
            out.notes += _resolution_note(image.file, width, height, image.fit)
        else:
            out.rects.append(PlacedRect(x, y, width, height, PLACEHOLDER_FILL,
                                        PLACEHOLDER_FRAME, 0.5))
            label = t.styles["label"]
            label_height = self.one_off(_Drawn(), image.label or "", label, LineKind.LABEL,
                                        0, x, width)
            self.one_off(out, image.label or "", label, LineKind.LABEL,
                         y + (height - label_height) / 2, x, width)
        for i, line in enumerate(caption):
            self.grid_line(out, line, LineKind.CAPTION, t.styles["caption"], x, width,
                           top + lines + i)

    # -- the article ------------------------------------------------------------------------

    def run(self, hint: int | None = None) -> tuple[_Drawn, Overflow | None, int]:
        """Lay the article out, balanced: at the least height its region allows; also give
        the grid line its body ends on. `hint`, a guess of that line (the make-up's), makes
        the search start there and widen step by doubling steps."""
        self.dry = True  # (placed in full only when it does not fit: that is the page)
        try:
            _, overflow = self.layout(self.plan.last_line)
        finally:
            self.dry = False
        if overflow is not None:
            drawn, overflow = self.layout(self.plan.last_line)
            return drawn, overflow, self.plan.last_line
        low, high = self.plan.first_line, self.plan.last_line

        def fits(bottom: int) -> bool:
            self.dry = True
            try:
                return self.layout(bottom)[1] is None
            except _TooLow:
                return False
            finally:
                self.dry = False

        if hint is not None and low <= hint < high:
            step = 1
            if fits(hint):
                high = hint
                while high - step >= low and fits(high - step):
                    high -= step
                    step *= 2
                low = max(low, high - step + 1)
            else:
                low = hint + 1
                while low + step - 1 < high and not fits(low + step - 1):
                    low += step
                    step *= 2
                high = min(high, low + step - 1)
        while low < high:  # the least bottom line at which everything fits
            middle = (low + high) // 2
            if fits(middle):
                high = middle
            else:
                low = middle + 1
        return (*self.layout(low), low)

    def layout(self, bottom: int) -> tuple[_Drawn, Overflow | None]:
        """The article with its body ending at grid line `bottom`."""
        out = _Drawn()
        line, head_top, head_cells, _ = self.head(out, bottom)
        out.head = len(out.lines)
        reach = max((g for _, g in head_cells), default=line - 1)
        if max(reach, line - 1) > bottom:
            raise _TooLow(max(reach, line - 1), "its headline group, byline and editor's "
                          "note (with the template's headline_gap)")
        blocked = self.place_images(out, line, bottom) | head_cells
        columns = range(self.plan.first_column, self.plan.last_column + 1)
        cells = _Cells(columns, head_top, bottom, blocked)
        overflow = self.body(out, cells)
        if self.t.column_rules and not self.dry:
            self.rules(out, columns, line)
        return out, overflow

    def head(self, out: _Drawn, bottom: int) -> tuple[int, int, set[tuple[int, int]], range]:
        """The headline group, byline and editor's note across the article; return the grid
        line the body starts on (pictures are placed from it), the line the body's cells
        start on, the cells from there that the head takes (column, grid line), and the
        columns the headline group spans. _TooLow when it reaches below `bottom`.

        Set once for the flow and copied into `out`: nothing of it depends on the bottom
        but whether it reaches past it, and the balancing search lays the article out at
        every bottom it tries."""
        if self._head is None:
            drawn = _Drawn()
            result = self.set_head(drawn, _NO_BOTTOM)  # (which notes self._reach)
            self._head = (drawn, result, self._reach)
        drawn, (line, head_top, cells, columns), reach = self._head
        if reach is not None and reach[0] > bottom:
            raise _TooLow(*reach)
        out.lines += drawn.lines
        out.rects += drawn.rects
        out.images += drawn.images
        out.notes += drawn.notes
        out.loose += drawn.loose
        out.captions += drawn.captions
        return line, head_top, set(cells), columns

    def reaches(self, needs: int, what: str, bottom: int) -> None:
        """Part of the head reaches down to grid line `needs`: _TooLow past `bottom`, and
        remembered for the bottoms the head is later copied to."""
        if self._reach is None or needs > self._reach[0]:
            self._reach = (needs, what)
        if needs > bottom:
            raise _TooLow(needs, what)

    def set_head(self, out: _Drawn, bottom: int) -> tuple[int, int, set[tuple[int, int]], range]:
        """head(), set."""
        self._reach = None
        article = self.plan.article
        styles = self.t.styles
        line = self.plan.first_line
        head_columns = range(self.plan.first_column, self.plan.last_column + 1)
        if article.section:  # 栏目题 across the article, reversed out of the accent colour
            line += self.section_bar(out, article.section, line)
        top = line
        if article.headline and article.headline.vertical:
            return self.vertical_head(out, line, bottom)
        if article.headline and article.headline.columns:
            first, last = article.headline.columns
            span = self.plan.last_column - self.plan.first_column + 1
            if last > span:
                origin = article.headline.origin
                raise LayoutError(f"the headline spans columns {first}-{last} of an article "
                                  f"of {span} column(s): it would print over its neighbour",
                                  origin.file, origin.line,
                                  hint=f"give `columns:` within 1-{span} (the article's own "
                                       "columns, counted from its first)")
            head_columns = range(self.plan.first_column + first - 1,
                                 self.plan.first_column + last)
        x = self.t.column_x(head_columns[0])
        width = self.t.column_x(head_columns[-1]) + self.t.column_width - x
        if article.headline:
            h = article.headline
            main = self.main_style(h)
            if h.fill:
                main = sized(main, self.filled(h.main, main, width))
            kicker = self.own(self.secondary(h.kicker, styles["kicker"], main.size, width),
                              styles["kicker"], h.kicker_size, h.kicker_face)
            subtitle = self.own(self.secondary(h.subtitle, styles["subtitle"], main.size,
                                               width),
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
            line += used + self.t.headline_gap_lines
        if article.byline:
            line += self.band(out, [(article.byline, styles["byline"], LineKind.BYLINE)],
                              line, x, width)
        if article.note:  # across the headline's columns (all of them, unless the make-up
            # set a picture beside the headline)
            lines = self.box_lines(article.note, width)
            self.reaches(line + len(lines) + 1, "its editor's note", bottom)
            line += self.draw_box(out, lines, x, width, line)
        # Columns the headline group does not span start at the top of the article (under
        # its section bar, which runs across them all).
        head_top = top if len(head_columns) < len(
            range(self.plan.first_column, self.plan.last_column + 1)) else line
        # (the headline group is an obstacle in its own columns only)
        cells = {(c, g) for c in head_columns for g in range(head_top, line)}
        return line, head_top, cells, head_columns

    def reverse(self, out: _Drawn, start: int, x: float, top: float, width: float,
                height: float) -> None:
        """反白: the lines set from `start` on white, on a band of the accent colour."""
        out.rects.append(PlacedRect(x, top, width, height, self.t.accent, None, 0.0))
        out.lines[start:] = [replace(pl, color=REVERSED_TEXT) for pl in out.lines[start:]]

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
                fitted = sized(styles[key], self.two_below(styles[key], main.size))
                style = self.own(fitted, styles[key], size, face)
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

    def vertical_head(self, out: _Drawn, line: int,
                      bottom: int) -> tuple[int, int, set[tuple[int, int]], range]:
        """A 竖排 headline group in a strip of whole columns at the article's side, from
        grid line `line` for the whole grid lines its longest column takes and a blank
        line (head()'s result)."""
        article = self.plan.article
        h = article.headline
        assert h is not None  # (head() sets a vertical group only)
        t = self.t
        k = self.vertical_strip(h)
        first, last = self.plan.first_column, self.plan.last_column
        strip = range(last - k + 1, last + 1) if h.vertical == "right" else range(first,
                                                                                  first + k)
        others = range(first, last - k + 1) if h.vertical == "right" else range(first + k,
                                                                                last + 1)
        x = t.column_x(strip[0])
        width = t.column_x(strip[-1]) + t.column_width - x
        parts = [(list(vertical_cells(text)), style, kind)
                 for text, style, kind in self.vertical_parts(h)]
        heights = [len(column) * style.size for column, style, _ in parts]
        # (reversed out: half a line of the band's colour above and below the characters)
        air = t.pitch / 2 if h.reversed else 0.0
        lines = max(1, math.ceil((max(heights) + 2 * air) / t.pitch - 1e-6))
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
        end = line + lines + 1  # a blank line under the strip
        self.reaches(end - 1, "its vertical headline", bottom)
        cells = {(c, g) for c in strip for g in range(line, end)}
        # the byline heads the text where a reader starts it: across the columns beside a
        # strip at the right, under a strip at the left (the editor's note is the body's
        # first block: body_blocks)
        body = line
        if article.byline:
            over, at = (others, line) if h.vertical == "right" and others else (strip, end)
            x = t.column_x(over[0])
            taken = self.band(out, [(article.byline, t.styles["byline"], LineKind.BYLINE)],
                              at, x, t.column_x(over[-1]) + t.column_width - x)
            cells |= {(c, g) for c in over for g in range(at, at + taken)}
            if over is others:  # (the text beside the strip starts under it)
                body += taken
        return body, line, cells, strip

    def vertical_cell(self, text: str, style: TextStyle, kind: LineKind, left: float,
                      top: float) -> list[PlacedLine]:
        """One cell of a vertical column, an em tall from `top`: a character upright
        (a mark in its vertical form, drawn by the PDF writer), or two or three digits
        side by side within one em (縦中横); a blank for a space."""
        size = style.size
        if text.isspace():
            return []
        role, advance = self.fonts.metrics(style.face, text[0])
        if len(text) == 1:
            glyph = Glyph(text, role, (size - advance * size) / 2, advance * size)
            baseline = top + size / 2 + (ASCENT - 0.5) * size
            return [PlacedLine(kind, baseline, size, left, size, (glyph,), left, True, None,
                               vertical=True)]
        widths = [self.fonts.metrics(style.face, c) for c in text]
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

    def body_blocks(self) -> list:
        """The body's blocks, with the 转版 notes as signatures."""
        article = self.plan.article
        blocks = list(article.blocks)
        if article.note and article.headline and article.headline.vertical:
            blocks.insert(0, article.note)  # (beside a vertical title: the text's first)
        if article.continued_from:
            blocks.insert(0, Signature(f"（上接第{article.continued_from}版）", article.origin))
        if article.continues_on:
            blocks.append(Signature(f"（下转第{article.continues_on}版）", article.origin))
        return blocks

    def body_need(self) -> int:
        """Grid cells the body takes when no column foot moves a block on: what the make-up
        sizes pictures against (the flow itself has the last word). Past what the whole
        page holds, the rest is counted by its characters, not broken: a page that far
        over only needs to be known as over."""
        blocks = self.body_blocks()
        total = 0
        for index, block in enumerate(blocks):
            if total > self.page_cells():
                total += self.estimated_lines(block)
            elif isinstance(block, Paragraph):
                total += len(self.paragraph_lines(blocks, index))
            elif isinstance(block, Signature) and index and self.signature_room(block):
                continue  # on the last line of the paragraph before it
            else:
                need, keep, _ = self.measure_block(block)
                total += need + (1 if isinstance(block, Figure) else 0)
        return total

    def page_cells(self) -> int:
        """Body lines the whole page holds, every column full."""
        return self.t.columns * self.t.grid_lines

    def estimated_lines(self, block) -> int:
        """Lines a block takes, from its characters alone (for text far past the page)."""
        per_line = max(1, int(self.t.column_width / self.t.body.size))
        return max(1, math.ceil(len(block_text(block)) / per_line))

    def body(self, out: _Drawn, cells: _Cells) -> Overflow | None:
        t = self.t
        blocks = self.body_blocks()
        pos = 0
        for index, block in enumerate(blocks):
            if isinstance(block, Paragraph):
                lines = self.paragraph_lines(blocks, index)
                last = len(lines) - 1
                for i, line in enumerate(lines):
                    if pos >= len(cells):
                        return self.overflow(blocks, index + 1, lines[i:])
                    if self.dry and i < last:
                        pos += 1
                        continue
                    column, grid = cells.cells[pos]
                    self.grid_line(out, line, LineKind.BODY, t.body, t.column_x(column),
                                   t.column_width, grid, 1, block.origin)
                    pos += 1
                continue
            if isinstance(block, Signature) and self.sign_last_line(out, block):
                continue
            placed = self.place_block(out, block, cells, pos)
            if placed is None:
                return self.overflow(blocks, index, [])
            pos = placed
        return None

    def signature_room(self, block) -> float:
        """Room a paragraph keeps at the end of its last line for the signature after it
        (a character's space and the signature), when a signature is short enough to share
        a line: papers set （尚启轩） at the right end of the article's last line."""
        if not isinstance(block, Signature):
            return 0.0
        t = self.t
        lines = self.set_text(block.text, t.styles["signature"], t.column_width, False)
        width = max(g.x + g.advance for g in lines[0].glyphs) + t.body.size
        return width if len(lines) == 1 and width <= t.column_width / 2 else 0.0

    def sign_last_line(self, out: _Drawn, block: Signature) -> bool:
        """Set a signature at the right end of the paragraph's last line, as papers do,
        when it fits there with a character's space to spare."""
        t = self.t
        last = out.lines[-1] if out.lines else None
        if last is None or last.kind is not LineKind.BODY or not last.paragraph_end:
            return False
        style = t.styles["signature"]
        lines = self.set_text(block.text, style, t.column_width, False)
        used = max(g.x + g.advance for g in last.glyphs) - last.left
        width = max(g.x + g.advance for g in lines[0].glyphs)
        if len(lines) > 1 or used + t.body.size + width > t.column_width + 1e-6:
            return False
        out.lines.append(self.placed(lines[0], LineKind.SIGNATURE, last.baseline, style,
                                     last.left, last.width, last.grid_line,
                                     align=Align.RIGHT))
        return True

    def measure_block(self, block) -> tuple[int, int, list]:
        """A subhead's, signature's, box's, quote's or picture's grid lines, the lines of
        text that must follow it in its column, and its set lines (a picture's caption)."""
        t = self.t
        if isinstance(block, Figure):
            caption = (self.set_text(block.caption, t.styles["caption"], t.column_width, True,
                                     words=True)
                       if block.caption else [])
            return block.lines + len(caption), 1, caption  # not last: a blank line under it
        if isinstance(block, Boxed):
            lines = self.box_lines(block, t.column_width)
            need, keep = len(lines) + 2, 0
        elif isinstance(block, Quote):
            style = t.styles["quote"]
            lines = [(l, style) for l in self.display_lines(block.text, style, t.column_width)]
            need, keep = len(lines) * _per_line(style, t) + 2, 0
        else:
            style = t.styles["subhead" if isinstance(block, Subhead) else "signature"]
            lines = [(l, style) for l in (
                self.display_lines(block.text, style, t.column_width)
                if isinstance(block, Subhead)
                else self.set_text(block.text, style, t.column_width, False))]
            if isinstance(block, Subhead) and block.second:
                second = t.styles["subhead_second"]
                lines += [(l, second) for l in self.display_lines(block.second, second,
                                                                  t.column_width)]
            # A block of lines one row apart, with the room its style's line height adds
            # beyond a row (a 2行 subhead: half a line above and below) around the block,
            # not around each line: a long subhead stays one block. A subhead keeps with
            # the text after it: never at the foot of a column (标题不落底).
            padding = _per_line(style, t) - _rows(style, t)
            need = sum(_rows(style, t) for _, style in lines) + padding
            keep = SUBHEAD_KEEP if isinstance(block, Subhead) else 0
        return need, keep, lines

    def place_block(self, out: _Drawn, block, cells: _Cells, pos: int) -> int | None:
        """Place a subhead, signature, box, quote or picture from cell `pos` on (moving down
        past a gap or to the next column when it does not fit where it is); return the cell
        after it, or None when it does not fit at all."""
        t = self.t
        need, keep, lines = self.measure_block(block)
        while pos < len(cells) and cells.run(pos) < need + keep:
            pos += cells.run(pos)
        if pos + need > len(cells):
            return None
        column, first = cells.cells[pos]
        x = t.column_x(column)
        if isinstance(block, Figure):
            self.picture(out, block, x, t.column_width, first, lines)
            return pos + need + min(1, cells.run(pos) - need)
        if isinstance(block, Boxed):
            self.draw_box(out, lines, x, t.column_width, first)
        elif isinstance(block, Quote):
            per = _per_line(lines[0][1], t)
            for i, (line, style) in enumerate(lines):
                self.grid_line(out, line, LineKind.QUOTE, style, x, t.column_width,
                               first + 1 + i * per, per)
            for grid in (first, first + need - 1):
                out.rects.append(PlacedRect(x, t.line_top(grid) + t.pitch / 2,
                                            t.column_width, 0, None, t.accent, 1.0))
        else:
            kind = LineKind.SUBHEAD if isinstance(block, Subhead) else LineKind.SIGNATURE
            # centred in its lines, unless a line at the body size would then stand between
            # the baselines of the text beside it: then the room goes above, on the grid
            padding = _per_line(lines[0][1], t) - _rows(lines[0][1], t)
            above = padding / 2
            if any(abs(style.size - t.body.size) < 0.01 for _, style in lines):
                above = float(math.ceil(above))
            grid = first + math.floor(above)
            for line, style in lines:
                rows = _rows(style, t)
                self.grid_line(out, line, kind, style, x, t.column_width, grid, rows)
                out.lines[-1] = _moved(out.lines[-1], (above % 1) * t.pitch)
                grid += rows
        return pos + need

    def rules(self, out: _Drawn, columns: range, body_top: int) -> None:
        """A thin rule down the middle of each gutter between two columns that hold text."""
        t = self.t
        bottoms: dict[int, float] = {}
        for line in out.lines:
            if line.grid_line is not None and line.grid_line >= body_top:
                column = round((line.left - t.margin_left) / (t.column_width + t.gutter)) + 1
                bottoms[column] = max(bottoms.get(column, 0.0), t.line_top(line.grid_line + 1))
        # pictures and captions across a gutter: the rule stops at them, never runs through
        across = [(r.x, r.x + r.width, r.y, r.y + r.height) for r in out.images] + \
            [(r.x, r.x + r.width, r.y, r.y + r.height) for r in out.rects if r.fill] + \
            [(l.left, l.left + l.width, l.baseline - t.pitch, l.baseline + t.pitch / 2)
             for l in out.lines if l.kind is LineKind.CAPTION]
        for column in columns[:-1]:
            if column in bottoms and column + 1 in bottoms:
                x = t.column_x(column) + t.column_width + t.gutter / 2
                top = t.line_top(body_top)
                bottom = max(bottoms[column], bottoms[column + 1])
                cuts = sorted((y0 - t.pitch / 4, y1 + t.pitch / 4)
                              for x0, x1, y0, y1 in across if x0 < x < x1)
                for y0, y1 in [*cuts, (bottom, bottom)]:
                    if min(y0, bottom) - top > 1.5 * t.pitch:  # (no stub of a rule)
                        out.rects.append(PlacedRect(x, top, 0, min(y0, bottom) - top, None,
                                                    RULE_COLOUR, 0.3))
                    top = max(top, y1)

    def paragraph_lines(self, blocks: list, index: int) -> list[SetLine]:
        """Paragraph blocks[index] broken into body lines (its run-in lead in the lead face),
        keeping room for a signature that follows it; remembered."""
        t = self.t
        block = blocks[index]
        runs = ((block.lead or "", t.styles["lead"].face), (block.text, t.body.face))
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        return self.set_runs(runs, t.body.size, t.column_width, True, t.indent,
                             self.signature_room(following))

    def overflow(self, blocks: list, first: int, pending: list[SetLine]) -> Overflow:
        """What is left: the rest of a paragraph already broken, and blocks[first:]; lines
        past a page's worth are counted from the characters (linear in the text)."""
        texts = ["".join(g.char for line in pending for g in line.glyphs)] if pending else []
        count = len(pending)
        t = self.t
        own = {id(b) for b in self.plan.article.blocks}  # (not body_blocks' 转版 notes)
        rest = []
        if pending:  # the paragraph's rest, or the whole paragraph when none of it is set
            cut = blocks[first - 1]
            whole = len(pending) == len(self.paragraph_lines(blocks, first - 1))
            rest.append(cut if whole else Paragraph(texts[0], cut.origin))
        rest += [b for b in blocks[first:] if id(b) in own]
        for index in range(first, len(blocks)):
            block = blocks[index]
            if count > self.page_cells():
                count += self.estimated_lines(block)
            elif isinstance(block, Paragraph):  # broken as the body breaks it: remembered
                count += len(self.paragraph_lines(blocks, index))
            else:  # a picture, box or heading: its text, a line or two at most
                count += max(1, len(self.set_text(block_text(block), t.body, t.column_width,
                                                  False)))
            texts.append(block_text(block))
        return Overflow(self.plan.index, "\n".join(texts), count, tuple(rest))


def article_flow(plan: ArticlePlan, template: Template, fonts: FontSet,
                 cache: dict | None = None) -> _ArticleFlow:
    """The flow of one article; an article whose base columns are re-divided (破栏) is set
    on a grid of its own: its columns, at its place on the page."""
    if plan.measure is None:
        return _ArticleFlow(plan, template, fonts, cache)
    count, width, gutter = plan.measure
    own = replace(template, columns=count, column_width=width, gutter=gutter,
                  margin_left=template.column_x(plan.first_column))
    return _ArticleFlow(replace(plan, first_column=1, last_column=count), own, fonts, cache)


def divided(template: Template, columns: int) -> tuple[int, float, float] | None:
    """破栏 for `columns` base columns: the whole characters of the re-divided columns nearest
    DIVIDED_WIDTH whose gutters all stand clear of the base gutters (so a reader never runs
    on down a base gutter from the article into the ones below), as (count, width, gutter);
    None when no division keeps clear of them."""
    t = template
    size = t.body.size
    base = [m * (t.column_width + t.gutter) - t.gutter / 2 for m in range(1, columns)]
    best = None
    for count in range(2, columns):
        measure = divided_into(t, columns, count)
        if measure is None:
            continue
        _, width, gutter = measure
        own = [k * (width + gutter) - gutter / 2 for k in range(1, count)]
        if all(abs(a - b) >= (gutter + t.gutter) / 2 + 0.5 * size for a in own for b in base):
            score = abs(width / size - DIVIDED_WIDTH)
            if best is None or score < best[0]:
                best = (score, (count, width, gutter))
    return best[1] if best else None


def divided_into(template: Template, columns: int, count: int
                 ) -> tuple[int, float, float] | None:
    """`columns` base columns re-divided into `count` columns of whole characters (破栏), as
    (count, width, gutter); None when they would be narrower than MIN_DIVIDED characters or
    their gutters wider than two base gutters."""
    t = template
    size = t.body.size
    total = columns * t.column_width + (columns - 1) * t.gutter
    width = math.floor((total - (count - 1) * t.gutter) / count / size + 1e-9) * size
    gutter = (total - count * width) / (count - 1)
    if width < MIN_DIVIDED * size or gutter > 2 * t.gutter:
        return None
    return count, width, gutter


_NO_BOTTOM = 1 << 30  # (a bottom line no head reaches)


class _TooLow(Exception):
    """A fixed part of the article (headline, note, picture) reaches below the bottom being
    tried; `what` names it for the user."""

    def __init__(self, needs: int, what: str):
        self.needs = needs
        self.what = what


def _per_line(style: TextStyle, t: Template) -> int:
    """Grid lines one line of `style` takes."""
    return max(1, math.ceil(max(style.line_height, style.size) / t.pitch - 1e-6))


def _rows(style: TextStyle, t: Template) -> int:
    """Grid lines one line of `style` takes inside a block of such lines: its size rounded
    up to whole lines."""
    return max(1, math.ceil(style.size / t.pitch - 1e-6))


def _usage(a: ArticlePlan, bottom: int, overflowed: bool,
           plans: tuple[ArticlePlan, ...]) -> str:
    """How an article used its region, for `render -v`."""
    region = (f"article {a.index + 1}: columns {a.first_column}-{a.last_column}, "
              f"lines {a.first_line}-{a.last_line}: ")
    if overflowed:
        return region + f"overflows at line {bottom}"
    under = [p.index + 1 for p in plans if p.below == a.index]
    if under:
        return region + f"ends on line {bottom}, article {under[0]} below it"
    if bottom < a.last_line:
        return region + f"ends on line {bottom}, {a.last_line - bottom} line(s) free below"
    return region + f"ends on line {bottom}, full"


def _moved(line: PlacedLine, dy: float) -> PlacedLine:
    """The line `dy` lower (made field by field: dataclasses.replace is many times
    slower, and a headline group moves every line it sets)."""
    return PlacedLine(line.kind, line.baseline + dy, line.size, line.left, line.width,
                      line.set_glyphs, line.origin_x, line.paragraph_end, line.grid_line,
                      line.color, line.vertical)


def _resolution_note(file, width: float, height: float, fit: str) -> list[str]:
    """A warning when the picture has fewer than MIN_DPI pixels per inch at print size."""
    with opened(file) as picture:
        pixels_w, pixels_h = upright_size(picture)
    scale = (max if fit == "crop" else min)(pixels_w / width, pixels_h / height)
    dpi = scale * 72
    if dpi < MIN_DPI:
        return [f"picture {file.name} prints at {dpi:.0f} dpi (below {MIN_DPI}): it will "
                f"look soft; supply a larger file"]
    return []


def dated(day: datetime.date) -> str:
    """A page's date as the 报眉 and the 报头 print it: 2020年11月27日　星期五."""
    return f"{day.year}年{day.month}月{day.day}日　星期{WEEKDAYS[day.weekday()]}"


def furniture(issue: Issue, template: Template, fonts: FontSet) -> _Drawn:
    """The 报眉 above the grid and the banner strip at its top."""
    t = template
    out = _Drawn()
    flow = _Typesetter(t, fonts, 1, t.columns)
    if t.nameplate is not None:  # the front page's 报头, where the banner would stand
        from .nameplate import draw  # noqa: PLC0415 (a front page's only)
        draw(issue, t, flow, out)
        return out
    if t.header:
        style = t.styles["header"]
        date = issue.date
        left = f"{issue.paper}　{dated(date)}"
        if issue.issue_number:
            left += f"　第{issue.issue_number}期"
        right = f"第{issue.page_number}版"
        if issue.page_name:
            right += f"　{issue.page_name}"
        if issue.editors:
            right += f"　{issue.editors}"
        baseline = t.margin_top - 0.6 * t.pitch
        sides = [flow.set_text(text, style, flow.width, False) for text in (left, right)]
        used = sum(max([g.x + g.advance for g in side[0].glyphs] or [0.0]) for side in sides)
        if len(sides[0]) > 1 or len(sides[1]) > 1 or used + style.size > flow.width:
            # one line, left and right with a 字 between: never one half over the other
            key = "editors" if issue.editors else "page_name" if issue.page_name else "paper"
            origin = issue.origins.get(key)
            raise LayoutError(f"the header line (报眉) does not hold “{left}” and “{right}” "
                              f"side by side: {(used + style.size) / style.size:.0f} 字 for "
                              f"{flow.width / style.size:.0f}",
                              origin.file if origin else issue.path,
                              origin.line if origin else None,
                              hint=f"shorten `{key}:` (or the paper's name)")
        for side, align in zip(sides, (Align.LEFT, Align.RIGHT)):
            out.lines.append(flow.placed(side[0], LineKind.HEADER, baseline, style, flow.x,
                                         flow.width, None, align=align))
        out.rects.append(PlacedRect(flow.x, t.margin_top - 0.25 * t.pitch, flow.width, 0,
                                    None, t.accent, 1.0))
    if t.banner:
        title = issue.banner or t.banner.text
        height = t.banner.lines * t.pitch - t.pitch / 2  # half a line clear above the text
        out.rects.append(PlacedRect(flow.x, t.line_top(1), flow.width, height, t.accent,
                                    None))
        if title:
            style = t.styles["banner"]
            start = len(out.lines)
            used = flow.one_off(out, title, style, LineKind.BANNER, 0.0, flow.x, flow.width,
                                color="#ffffff")
            offset = t.line_top(1) + (height - used) / 2
            out.lines[start:] = [_moved(pl, offset) for pl in out.lines[start:]]
    return out


def flow_page(plan: PagePlan, fonts: FontSet, cache: dict | None = None) -> PageLayout:
    """Typeset every article of the plan, and the page furniture (`cache`: text already
    broken, by the make-up; its characters were checked by the plan: plan.plan_page)."""
    page = furniture(plan.issue, plan.template, fonts)
    page.rects += plan.rules
    overflow: list[Overflow] = []
    usage: list[str] = []
    bottoms: dict[int, int] = {}  # the grid line each article's body ends on
    placed: list[tuple[ArticlePlan, _Drawn, Overflow | None]] = []
    # every article's mistake in one run: one that cannot be set is said, the rest go on
    # (one under it waits: its place depends on it)
    mistakes: list[LayoutError] = []
    failed: set[int] = set()
    for article_plan in plan.articles:
        if article_plan.below is not None and article_plan.below in failed:
            failed.add(article_plan.index)
            continue
        if article_plan.below is not None:  # a blank line under the article above it
            first = max(article_plan.first_line, bottoms[article_plan.below] + 2)
            if first > article_plan.last_line:
                origin = article_plan.article.origin
                failed.add(article_plan.index)
                mistakes.append(LayoutError(
                    f"article {article_plan.index + 1}: no lines left under article "
                    f"{article_plan.below + 1}, which ends on line "
                    f"{bottoms[article_plan.below]} (this region ends on line "
                    f"{article_plan.last_line})", origin.file, origin.line,
                    hint="give it lines further down, or shorten the article above"))
                continue
            article_plan = replace(article_plan, first_line=first)
        try:
            drawn, left, bottom = article_flow(article_plan, plan.template, fonts,
                                               cache).run()
        except _TooLow as err:
            origin = article_plan.article.origin
            failed.add(article_plan.index)
            mistakes.append(LayoutError(f"article {article_plan.index + 1}: {err.what} "
                                        f"reach(es) grid line {err.needs}, below its region "
                                        f"(last line {article_plan.last_line})", origin.file,
                                        origin.line, hint="give the article more lines, or a "
                                                          "smaller headline, note or picture"))
            continue
        except LayoutError as error:  # (named apart: compiled, `err` is a _TooLow)
            failed.add(article_plan.index)
            mistakes.extend(error.errors if isinstance(error, Mistakes) else [error])
            continue
        bottoms[article_plan.index] = bottom
        page.lines += drawn.lines
        page.rects += drawn.rects
        page.images += drawn.images
        page.notes += drawn.notes
        page.loose += drawn.loose
        if left is not None:
            overflow.append(left)
        usage.append(_usage(article_plan, bottom, left is not None, plan.articles))
        placed.append((article_plan, drawn, left))
        if article_plan.article.tint:  # under all the article's own rects
            page.rects.insert(len(page.rects) - len(drawn.rects),
                              _tint(article_plan, plan.template))
        if article_plan.article.border:
            page.rects += _border(article_plan, plan.template)
    if mistakes:
        raise mistakes[0] if len(mistakes) == 1 else Mistakes(mistakes)
    holes, fits = _fullness(plan, page, placed)
    page.lines += _overset_marks(plan.template, fonts, placed)
    reading = tuple(reading_text(p.article, drawn.lines, drawn.head, drawn.captions,
                                 plan.template.pitch) for p, drawn, _ in
                    sorted(placed, key=lambda e: e[0].index))
    issue = plan.issue
    title = f"{issue.paper} {issue.date.isoformat()} 第{issue.page_number}版"
    if issue.page_name:
        title += f" {issue.page_name}"
    return PageLayout(plan.template.page_width, plan.template.page_height, tuple(page.lines),
                      tuple(overflow), title, issue.date, plan.template.body.face,
                      tuple(page.notes), tuple(page.rects), tuple(page.images), tuple(usage),
                      tuple(page.loose), tuple(holes), tuple(fits), reading)


def _overset_marks(t: Template, fonts: FontSet, placed: list) -> list[PlacedLine]:
    """A proof's mark (written only with --allow-overflow) at the end of each article whose
    text does not all fit: （余N字未排）, in the accent colour, right-aligned on the blank
    line under its module (or under the page's last line)."""
    setter = _Typesetter(t, fonts, 1, t.columns)
    style = replace(t.styles["caption"], face=t.styles["kicker"].face)
    out = []
    for plan, _, left in placed:
        if left is None:
            continue
        text = f"（余{len(left.text.replace(chr(10), ''))}字未排）"
        x = t.column_x(plan.first_column)
        width = t.column_x(plan.last_column) + t.column_width - x
        baseline = t.line_top(plan.last_line) + t.pitch + style.size
        line = setter.set_text(text, style, width, False)[0]
        out.append(setter.placed(line, LineKind.LABEL, baseline, style, x, width, None,
                                 t.accent, Align.RIGHT))
    return out


def _module_box(plan: ArticlePlan, t: Template) -> tuple[float, float, float, float]:
    """The article's module out to the middle of the gutters and blank lines around it
    (where rules between modules run): x0, y0, x1, y1."""
    x0 = t.column_x(plan.first_column) - t.gutter / 2
    x1 = t.column_x(plan.last_column) + t.column_width + t.gutter / 2
    y0, y1 = t.line_top(plan.first_line) - t.pitch / 2, t.line_top(plan.last_line + 1) + \
        t.pitch / 2
    return x0, y0, x1, y1


def _tint(plan: ArticlePlan, t: Template) -> PlacedRect:
    """底纹 under the article's whole module: the template's box_tint, or its own colour.
    It covers nothing: a blank under a tint is still a hole."""
    colour = plan.article.tint
    if colour == TEMPLATE_TINT:
        if t.box_tint is None:
            origin = plan.article.origin
            raise LayoutError(f"`tint: true` takes the template's box_tint, and template "
                              f"{t.name!r} has none", origin.file, origin.line,
                              hint='give the colour: tint: "#fcebeb", or add box_tint to '
                                   "the template")
        colour = t.box_tint
    x0, y0, x1, y1 = _module_box(plan, t)
    return PlacedRect(x0, y0, x1 - x0, y1 - y0, colour, None, 0.0, frame=True)


def _border(plan: ArticlePlan, t: Template) -> list[PlacedRect]:
    """A 花边 around the article's module, through the middle of the gutters and blank
    lines around it (where rules between modules run), in the accent colour."""
    x0, y0, x1, y1 = _module_box(plan, t)

    def frame(inset: float, width: float, dash: tuple[float, ...] = ()) -> PlacedRect:
        return PlacedRect(x0 + inset, y0 + inset, x1 - x0 - 2 * inset, y1 - y0 - 2 * inset,
                          None, t.accent, width, dash, frame=True)

    style = plan.article.border
    if style == "double":
        return [frame(0.0, 0.6), frame(2.2, 0.6)]
    if style == "thick-thin":
        return [frame(0.0, 1.8), frame(2.8, 0.5)]
    if style == "dashed":
        return [frame(0.0, 0.9, (4.0, 2.0))]
    return [frame(0.0, 1.2, (0.01, 2.4))]  # dotted: round dots, from round caps


def _fullness(plan: PagePlan, page: _Drawn, placed: list) -> tuple[list[Hole], list[Copyfit]]:
    """The page's blank holes, and each article's copyfit in its part of the page (an
    article with another stacked under it ends a blank line above that one)."""
    t = plan.template
    occupied = Occupancy(t)
    occupied.add_lines(page.lines)
    occupied.add_boxes(page.rects, page.images)
    first = 1 + (t.banner.lines if t.banner else 0)
    plans = [p for p, _, _ in placed]
    starts = {p.below: p.first_line for p in plans if p.below is not None}
    fits = []
    for article_plan, drawn, left in placed:
        if article_plan.index in starts:
            article_plan = replace(article_plan, last_line=starts[article_plan.index] - 2)
        article = article_plan.article
        holds = sum(len("".join(block_text(b).split())) for b in article.blocks)
        cut = len("".join(left.text.split())) if left is not None else 0
        title = article.headline.main.replace("\n", " ") if article.headline else ""
        fits.append(copyfit(article_plan, occupied, drawn.lines, holds, cut, title))
    return find_holes(occupied, first, plans), fits
