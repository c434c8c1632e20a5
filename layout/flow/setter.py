"""The setter: text set in the template's styles and drawn on the page — grid lines of
body text, one-off lines (headlines, bylines, labels), framed boxes and pictures with their
captions — into a `Drawn`, what an article or the page furniture puts on the page. It knows
nothing of articles: the head, the blocks and the article flow (this package's other
modules) call it.
"""
from __future__ import annotations

import itertools
import math
from typing import Final

from ..fonts import FontSet
from ..model import (ASCENT, Align, Boxed, Figure, Image, LineKind, Origin, PlacedImage,
                     PlacedLine, PlacedRect, Template, TextStyle)
from ..pictures import opened, upright_size
from ..text.chars import NO_LINE_END, NO_LINE_START, char_class
from ..text.items import Measure, build_runs
from ..text.linebreak import SetLine, break_lines, one_line_from
from ..text.names import name_spans, tied, unit_boxes
from ..text.phrases import cut_costs
from ..text.words import between_words, word_ends
from .textcache import CutRules, OneLine, TextCache

# Inside a framed box (编者按, 微评) the text keeps this many body ems from the frame.
BOX_PADDING: Final = 0.5
# A picture printed at less than this many pixels per inch looks soft: warn.
MIN_DPI: Final = 150
PLACEHOLDER_FILL, PLACEHOLDER_FRAME = "#e6e6e6", "#808080"
REVERSED_TEXT = "#ffffff"  # text reversed out of the accent colour (section bars, 反白)
STUB_SHARE: Final = 1 / 3  # a display line shorter than this share of the longest is a stub
STUB: Final = 4.0  # what a stub costs, in em of the longest line

# (bound once: compiled, a member of another module's enum is looked up at each use)
_LEFT: Final = Align.LEFT
_CENTER: Final = Align.CENTER

BoxLines = list[tuple[SetLine, TextStyle]]  # a box's lines, each in its style


def between_han(char: str) -> bool:
    """Whether `char` is a Han character or a percent sign (what a number's unit is)."""
    return "\u4e00" <= char <= "\u9fff" or char in "%％"


class Drawn:
    """What an article (or the page furniture) puts on the page. (Not a dataclass: in a
    compiled module one costs ~2 M instructions at each start.)"""

    def __init__(self) -> None:
        self.lines: list[PlacedLine] = []
        self.rects: list[PlacedRect] = []
        self.images: list[PlacedImage] = []
        self.notes: list[str] = []
        self.loose: list[str] = []
        self.head = 0  # lines[:head]: the headline group, byline and note
        # the captions of the pictures placed in the article: (first line, end, text)
        self.captions: list[tuple[int, int, str]] = []


def cut_rules(text: str, byline: bool = False) -> CutRules:
    """Where a display text may be cut into lines and at what cost (`CutRules`); `byline`:
    a byline, whose credit's names are not cut (text/names.py)."""
    inside = {k for a, b in name_spans(text, byline) for k in range(a + 1, b)}
    ends = [e for e in word_ends(text)  # (2018|年, 43|名: a number keeps its unit)
            if not (text[e - 1].isdigit() and between_han(text[e])) and e not in inside]
    marks = [0]
    for c in text:
        marks.append(marks[-1] + (0 if c.isalnum() else 1))
    return CutRules(ends, [char_class(c) in NO_LINE_START for c in text],
                    [char_class(c) in NO_LINE_END for c in text], cut_costs(text), marks)


class TooLow(Exception):
    """A fixed part of the article (headline, note, picture) reaches below the bottom being
    tried; `what` names it for the user."""

    def __init__(self, needs: int, what: str):
        self.needs = needs
        self.what = what


def sized(style: TextStyle, size: float) -> TextStyle:
    """`style` at another size, its line height in proportion."""
    return TextStyle(style.face, size, style.align, style.line_height * size / style.size)


def measurer(fonts: FontSet, role: str) -> Measure:
    """(role of the face that has the character, its advance in em), along the role's
    fallback chain. Call `check_text` first: a character no face has raises KeyError here."""
    return fonts.measure(role)


def nearest(x: float) -> int:
    """round(x), the whole number nearest x, half to even (compiled: round is a call to
    Python's; x less its floor is exact)."""
    below = math.floor(x)
    rest = x - below
    return below + 1 if rest > 0.5 or (rest == 0.5 and below % 2 == 1) else below


def baseline_in(top: float, height: float, size: float) -> float:
    """The baseline that centres a `size` em box vertically in a band from `top`."""
    return top + (height - size) / 2 + ASCENT * size


def placed_at(line: SetLine, kind: LineKind, baseline: float, size: float, align: Align,
              left: float, width: float, grid_line: int | None,
              color: str = "#000000") -> PlacedLine:
    """A set line placed: its measure from `left`, `width` wide, the line shifted in it as
    `align` says, on `baseline` (`Typesetter.placed`, for a style whose size and alignment
    the caller read)."""
    shift = 0.0
    glyphs = line.glyphs
    if align is not _LEFT and glyphs:
        used = max(g.x + g.advance for g in glyphs)
        shift = (width - used) / (2 if align is _CENTER else 1)
    return PlacedLine(kind, baseline, size, left, width, glyphs, left + shift, line.last,
                      grid_line, color)


def moved(line: PlacedLine, dy: float) -> PlacedLine:
    """The line `dy` lower (a headline group moves every line it sets)."""
    return PlacedLine(line.kind, line.baseline + dy, line.size, line.left, line.width,
                      line.set_glyphs, line.origin_x, line.paragraph_end, line.grid_line,
                      line.color, line.vertical)


def per_line(style: TextStyle, t: Template) -> int:
    """Grid lines one line of `style` takes."""
    return max(1, math.ceil(max(style.line_height, style.size) / t.pitch - 1e-6))


def rows(style: TextStyle, t: Template) -> int:
    """Grid lines one line of `style` takes inside a block of such lines: its size rounded
    up to whole lines."""
    return max(1, math.ceil(style.size / t.pitch - 1e-6))


class Typesetter:
    """Sets text in the template's styles, across columns first_column–last_column; `where`
    opens each note it writes (an article's flow: which article)."""

    def __init__(self, template: Template, fonts: FontSet, first_column: int,
                 last_column: int, cache: TextCache | None = None, where: str = ""):
        self.t = template
        self.fonts = fonts
        self.x = template.column_x(first_column)
        self.width = template.column_x(last_column) + template.column_width - self.x
        self.where = where
        self.top, self.pitch = template.margin_top, template.pitch  # (read once a line)
        # broken text, shared by the make-up's trials of one article at many widths
        self.cache = TextCache() if cache is None else cache

    def set_runs(self, runs: tuple[tuple[str, str], ...], size: float, width: float,
                 justify: bool, indent: float = 0.0, reserve: float = 0.0,
                 words: bool = False, byline: bool = False) -> list[SetLine]:
        """Break text made of (text, font role) runs at one size, keeping `reserve` points
        free at the end of its last line (`words`: only between words), never inside a
        credit's name (`byline`: the text is a byline, text/names.py); remembered, so
        that balancing, which lays an article out several times, breaks each paragraph
        once."""
        cache = self.cache
        key = (runs, size, width, justify, indent, reserve, words, byline)
        found = cache.lines.get(key)
        if found is None:
            # a text set on one line at any measure from `reach` on: the same line
            # (linebreak.one_line_from), at another measure
            alike = (runs, size, justify, indent, reserve, words, byline)
            one = cache.one_line.get(alike)
            if one is not None and width >= one.reach:
                line = one.line
                # (its glyphs in a tuple of its own: the PDF writer keeps a line's runs by
                # that tuple, render.runs.LineRuns, as for one line at its place)
                found = cache.lines[key] = [SetLine(tuple(list(line.glyphs)), width,
                                                    line.last, line.loose, line.forced,
                                                    line.split, line.hyphen)]
                return found
            rules = self.t.composition
            # the items at this size, kept for other widths (a re-divided lead, a headline
            # over fewer columns)
            made = (runs, size, rules.latin_spacing, reserve)
            items = cache.items.get(made)
            if items is None:
                items = cache.items[made] = build_runs(
                    [(text, measurer(self.fonts, role)) for text, role in runs], size,
                    rules.latin_spacing, reserve, self.fonts.boxes_at(size))
            units = cache.names.get((made, byline))
            if units is None:
                text = "".join(text for text, _ in runs)
                units = cache.names[(made, byline)] = unit_boxes(
                    items, text, name_spans(text, byline))
            if words:
                items = between_words(items, "".join(text for text, _ in runs))
            if units:
                items = tied(items, units, width, indent)
            found = cache.lines[key] = break_lines(items, [width], indent=indent,
                                                   justify=justify, rules=rules)
            if one is None and len(found) == 1:
                reach = one_line_from(items, indent)
                if reach is not None and width >= reach:
                    cache.one_line[alike] = OneLine(reach, found[0])
        return found

    def display_lines(self, text: str, style: TextStyle, width: float,
                      fits: bool = False, byline: bool = False) -> list[SetLine]:
        """A line of display text (headline, kicker, byline) set unjustified, broken where
        it must break only between words (`text.words`) and into lines as even as they
        can be: no long line over a stub, no word split (四中全会以来5个部|委 …). The
        same number of lines as breaking anywhere gives, or one more; breaking anywhere
        when no cut between words fits. `fits`: the first cut between words that fits
        rather than the evenest, as many lines, found sooner (what line_count asks).
        `byline`: a byline, whose credit's names are not cut (text/names.py)."""
        lines = self.set_text(text, style, width, justify=False, byline=byline)
        if len(lines) < 2:
            return lines
        if " " in text.strip():  # broken at its spaces first, each part as display text
            return [line for part in text.split() for line in
                    self.display_lines(part, style, width, fits, byline)]
        if len(lines) > 4:
            return lines
        key = (text, style.face, style.size, width, fits, byline)
        found = self.cache.display.get(key)
        if found is None:  # (a line more rather than a word split)
            found = self.cache.display[key] = (
                self._even(text, style, width, len(lines), fits, byline)
                or self._even(text, style, width, len(lines) + 1, fits, byline) or lines)
        return found

    def cut_rules(self, text: str, byline: bool = False) -> CutRules:
        """Where a display text may be cut into lines and what each cut costs (`cut_rules`),
        the same at every width and count: kept in the page's text cache."""
        rules = self.cache.cuts.get((text, byline))
        if rules is None:
            rules = self.cache.cuts[(text, byline)] = cut_rules(text, byline)
        return rules

    def _even(self, text: str, style: TextStyle, width: float,
              count: int, fits: bool = False, byline: bool = False) -> list[SetLine] | None:
        """`text` in `count` lines cut between words, each legal at its ends and within
        `width`, the longest as short as can be; None when no such cut fits (`fits`: the
        first cut that fits, not the evenest; `byline`: never inside a credit's name)."""
        best: tuple[float, float, list[SetLine], bool] | None = None
        size = style.size
        n = len(text)
        rules = self.cut_rules(text, byline)
        no_start, no_end, marks, costs = rules.no_start, rules.no_end, rules.marks, rules.costs
        for cuts in itertools.combinations(rules.ends, count - 1):
            bounds = list(zip((0, *cuts), (*cuts, n)))
            if any(no_start[a] or no_end[b - 1] for a, b in bounds):
                continue
            penalty = 0.0  # (a float throughout: the module is compiled)
            for cut in cuts:  # what an editor's eye makes of each cut (text.phrases)
                penalty += costs[cut] * size
            # what a part takes at the least: its span in the whole text set on one line
            # (once per face), less an em for each mark (squeezed, trimmed, its facing
            # neighbour gone): a cut that cannot fit, or cannot beat the best so far, is
            # not set
            least = [(self._span(text, style, a, b) - (marks[b] - marks[a])) * size
                     for a, b in bounds]
            if max(least) > width + 1e-6 or best is not None and (
                    max(least) + penalty > best[0] + 1e-6 or not best[3]
                    and max(least) + penalty >= best[0] - 1e-6):
                continue  # (as good as the best is tried only against a stub)
            set_parts = self._one_line_each([text[a:b] for a, b in bounds], style, width,
                                            least)
            if set_parts is None:
                continue
            if fits:
                return set_parts
            widths = [max(g.x + g.advance for g in line.glyphs) for line in set_parts]
            stub = min(widths) < STUB_SHARE * max(widths)
            # a cut after a clause's mark (，、；：) reads best: one elsewhere costs as many
            # em more on the longest line as text.phrases says; of two as good, one without
            # a stub of a line (危机时刻 | 组织抗得下， rather than 危机 | 时刻…)
            longest = max(widths) + penalty
            if stub:
                longest += STUB * size
            if best is None or longest < best[0] - 1e-6 or (
                    longest <= best[0] + 1e-6 and best[3] and min(widths) > best[1] + 1e-6):
                best = (longest, min(widths), set_parts, stub)
        return best[2] if best else None

    def _one_line_each(self, parts: list[str], style: TextStyle, width: float,
                       least: list[float]) -> list[SetLine] | None:
        """Each part of a cut (`_even`) set on one line at `width`, none forced; None when
        one is not. The part that takes the most at the least is set first: a cut one of
        whose parts does not fit is mostly given up at it, its other parts never set."""
        widest = 0
        for k in range(1, len(parts)):
            if least[k] > least[widest]:
                widest = k
        out: list[SetLine] = []
        for k in [widest, *(k for k in range(len(parts)) if k != widest)]:
            lines = self.set_runs(((parts[k], style.face),), style.size, width, False)
            if len(lines) != 1 or lines[0].forced:
                return None
            out.append(lines[0])
        # (back in the parts' order)
        return [*out[1:widest + 1], out[0], *out[widest + 1:]]

    def _span(self, text: str, style: TextStyle, a: int, b: int) -> float:
        """How wide text[a:b] is, per point of the size, where the whole text set on one
        line in its face puts it (a part's own width, to within its marks)."""
        key = (text, style.face)
        spans = self.cache.spans
        if key not in spans:  # (the edges of every glyph, kept as data: a function kept in
            # the cache would close over this typesetter, a cycle the cyclic collector
            # alone could free)
            lines = self.set_runs(((text, style.face),), 10.0, 1e9, False)
            glyphs = [g for line in lines for g in line.glyphs]
            spans[key] = (
                ([g.x / 10.0 for g in glyphs], [(g.x + g.advance) / 10.0 for g in glyphs])
                if len(lines) == 1 and len(glyphs) == len(text) else None)
        found = spans[key]
        if found is None:  # (a text whose glyphs are not one a character: measure the part)
            return self.natural_width(text[a:b], style)
        starts, ends = found
        return ends[b - 1] - starts[a]

    def natural_width(self, text: str, style: TextStyle) -> float:
        """A one-off text's width on one line, per point of its size, in its face."""
        key = (text, style.face)
        found = self.cache.natural.get(key)
        if found is None:
            lines = self.set_runs(((text, style.face),), 10.0, 1e9, False)
            found = self.cache.natural[key] = max(
                (g.x + g.advance for line in lines for g in line.glyphs), default=0.0) / 10.0
        return found

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
                 indent: float = 0.0, words: bool = False,
                 byline: bool = False) -> list[SetLine]:
        lines = self.set_runs(((text, style.face),), style.size, width, justify, indent,
                              words=words, byline=byline)
        if not justify and len(lines) > 1 and " " in text.strip():
            # A one-off line that must break breaks at its spaces first: between a
            # headline's parallel clauses, between a title and a name.
            return [line for part in text.split()
                    for line in self.set_runs(((part, style.face),), style.size, width,
                                              False, byline=byline)]
        return lines

    def placed(self, line: SetLine, kind: LineKind, baseline: float, style: TextStyle,
               left: float, width: float, grid_line: int | None, color: str = "#000000",
               align: Align | None = None) -> PlacedLine:
        return placed_at(line, kind, baseline, style.size, align or style.align, left,
                         width, grid_line, color)

    def one_off(self, out: Drawn, text: str, style: TextStyle, kind: LineKind, top: float,
                left: float, width: float, color: str = "#000000") -> float:
        """Set unjustified lines (headline, byline, label) from `top`; return the height."""
        y = top
        for part in text.split("\n"):
            lines = self.display_lines(part.strip(), style, width,
                                       byline=kind is LineKind.BYLINE)
            if any(line.forced for line in lines):  # say so, as for body lines
                out.notes.append(f"{self.where}{kind.value} “{part.strip()}”: broken "
                                 f"against the rules, no legal break fits "
                                 f"{width / style.size:.1f} 字")
            for line in lines:
                out.lines.append(self.placed(line, kind, baseline_in(y, style.line_height,
                                                                     style.size),
                                             style, left, width, None, color))
                y += style.line_height
        return y - top

    def grid_line(self, out: Drawn, line: SetLine, kind: LineKind, style: TextStyle,
                  left: float, width: float, grid: int, lines: int = 1,
                  origin: Origin | None = None) -> None:
        """Place a line on grid line `grid`, centred in `lines` grid lines; `origin`:
        where the manifest writes the block it is of (a note names that line)."""
        self.on_grid(out, line, kind, style.size, style.align, left, width, grid, lines,
                     origin)

    def on_grid(self, out: Drawn, line: SetLine, kind: LineKind, size: float, align: Align,
                left: float, width: float, grid: int, lines: int = 1,
                origin: Origin | None = None) -> None:
        """`grid_line` for a line of a style whose size and alignment the caller read
        (a body's lines: a style's fields are looked up at each read, compiled)."""
        top = self.top + (grid - 1) * self.pitch  # (t.line_top(grid))
        out.lines.append(placed_at(line, kind, baseline_in(top, lines * self.pitch, size),
                                   size, align, left, width, grid))
        if line.forced:
            what = "paragraph" if kind is LineKind.BODY else kind.value
            written = f"the {what} on line {origin.line}, " if origin else ""
            out.notes.append(f"{self.where}{written}grid line {grid}: broken against the "
                             f"rules (nothing legal fitted): “{line.text}”")
        elif line.split:
            out.notes.append(f"{self.where}grid line {grid}: a word too long for the line "
                             f"broken at its own break point: “{line.text}”")
        elif line.loose:
            out.loose.append(f"{self.where}line {grid}: set loose (gaps wider than ½ em): "
                             f"“{line.text}”")

    # -- framed boxes -----------------------------------------------------------------------

    def box_lines(self, box: Boxed, width: float) -> BoxLines:
        """A framed box's text set `width` wide, less its padding: its run-in label and
        text in the note styles, an attribution under them in the signature style."""
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

    def draw_box(self, out: Drawn, lines: BoxLines, left: float, width: float,
                 first: int) -> int:
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

    def caption(self, text: str | None, width: float) -> list[SetLine]:
        """A picture's caption set `width` wide (none without a text)."""
        if not text:
            return []
        return self.set_text(text, self.t.styles["caption"], width, True, words=True)

    def picture(self, out: Drawn, image: Image | Figure, x: float, width: float, top: int,
                caption: list[SetLine]) -> None:
        """A picture (or its placeholder) from grid line `top`, its caption under it."""
        t = self.t
        lines = image.lines or 0  # (placed: never None here)
        y, height = t.line_top(top), lines * t.pitch
        if image.file is not None:
            out.images.append(PlacedImage(x, y, width, height, image.file, image.fit))
            out.notes += resolution_note(image.file, width, height, image.fit)
        else:
            out.rects.append(PlacedRect(x, y, width, height, PLACEHOLDER_FILL,
                                        PLACEHOLDER_FRAME, 0.5))
            label = t.styles["label"]
            label_height = self.one_off(Drawn(), image.label or "", label, LineKind.LABEL,
                                        0, x, width)
            self.one_off(out, image.label or "", label, LineKind.LABEL,
                         y + (height - label_height) / 2, x, width)
        for i, line in enumerate(caption):
            self.grid_line(out, line, LineKind.CAPTION, t.styles["caption"], x, width,
                           top + lines + i)


def resolution_note(file, width: float, height: float, fit: str) -> list[str]:
    """A warning when the picture has fewer than MIN_DPI pixels per inch at print size."""
    with opened(file) as picture:
        pixels_w, pixels_h = upright_size(picture)
    scale = (max if fit == "crop" else min)(pixels_w / width, pixels_h / height)
    dpi = scale * 72
    if dpi < MIN_DPI:
        return [(f"picture {file.name} prints at {dpi:.0f} dpi (below {MIN_DPI}): it will "
                 "look soft; supply a larger file")]
    return []
