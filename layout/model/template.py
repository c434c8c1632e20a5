"""The load stage's types for a template: its page, grid, styles, composition rules,
nameplate, banner and print settings."""
from __future__ import annotations

from dataclasses import field
from enum import Enum
from functools import cached_property
from pathlib import Path

from ..frozen import frozen
from .issue import Align, Origin, Region


class PunctuationFit(Enum):
    """What the breaker does when the next character may not start a line (CJK-RULES §3)."""

    PUSH_OUT = "push-out"  # move the last character down and spread the line (推出)
    PUSH_IN = "push-in"  # squeeze this line's marks so the character fits (挤进)


class Breaking(Enum):
    """How a paragraph's breaks are chosen."""

    TOTAL_FIT = "total-fit"  # weigh every break sequence at once (Knuth–Plass style)
    FIRST_FIT = "first-fit"  # fill each line in turn (for comparison)


@frozen
class Composition:
    """The composition rules a template chooses (CJK-RULES §3–§5)."""

    punctuation: PunctuationFit = PunctuationFit.PUSH_OUT
    breaking: Breaking = Breaking.TOTAL_FIT
    hanging_punctuation: bool = False  # ，。 at a line end may hang past the right edge
    # (off: ，。、 hang only where every other choice letter-spaces a line: text/linebreak.py)
    trim_line_start: bool = False  # an opening mark starting a line loses its blank half
    latin_spacing: float = 0.0  # em between Han characters and Latin letters or digits


@frozen
class TextStyle:
    """How one kind of text is set."""

    face: str  # a font role of fonts.yaml (song, song-bold, hei, kai, …)
    size: float  # pt
    align: Align
    line_height: float  # pt between baselines when the text takes more than one line


@frozen
class Nameplate:
    """报头: the paper's name, large, across the top of the front page's grid (or in a block
    at its top left), with its
    主办 line, registration numbers (刊号, 准印证号), the issue's number, its date with the
    weekday and the 农历 date, and optionally a website and a QR code picture. The 报眉 is
    not printed over it."""

    lines: int  # grid lines it takes at the top of the grid
    name: str | None  # the name as text (None: the issue's paper)
    image: Path | None  # or a picture of it (a calligraphic logo)
    face: str  # the name's font role and size
    size: float
    sponsor: str | None  # 主办 line: 上海汽车集团股份有限公司主办
    registration: tuple[str, ...]  # 刊号 / 准印证号 lines
    website: str | None
    code: Path | None  # a QR code (or any small picture) at the right
    # None: across the top of the grid; N: a block over the first N columns at the top
    # left (its `lines`), the articles beside it pinned by the manifest
    columns: int | None = None

    @property
    def files(self) -> tuple[Path, ...]:
        return tuple(p for p in (self.image, self.code) if p is not None)


@frozen
class Banner:
    """A coloured strip across the top of the grid carrying the page's recurring title."""

    lines: int  # grid lines it takes
    text: str | None  # default title, when the manifest gives none


PDFX_STANDARDS = ("PDF/X-4", "PDF/X-1a:2001")


@frozen
class PrintSettings:
    """How a page goes to press (`render --print`): the PDF/X standard, the output profile
    and its printing condition, the ink limit for pictures, the bleed and the marks."""

    standard: str = "PDF/X-4"  # or "PDF/X-1a:2001" (no transparency, CMYK only)
    profile: Path | None = None  # the plant's CMYK output profile (None: the shipped one)
    condition: str = "FOGRA29"  # OutputConditionIdentifier (a registered name or the plant's)
    condition_text: str = ("Offset on uncoated paper (FOGRA29 data), total ink limited to "
                           "240 % for newsprint")
    ink_limit: float = 240.0  # total area coverage of a converted picture, %
    bleed: float = 3 * 72 / 25.4  # beyond the trim (3 mm), pt
    marks: bool = True  # crop marks (裁切线) and registration marks outside the bleed
    accent: tuple[float, float, float, float] | None = None  # the accent as CMYK (0–1)
    origin: Origin | None = None  # where the template says it, for errors


@frozen
class Template:
    """A page template: page, grid and styles, all lengths in points."""

    name: str
    path: Path
    page_width: float
    page_height: float
    margin_top: float
    margin_bottom: float
    margin_left: float
    margin_right: float
    columns: int
    column_width: float
    gutter: float
    body: TextStyle
    pitch: float  # distance between two body baselines (the baseline grid)
    indent: float  # first-line indent of a paragraph
    composition: Composition
    styles: dict[str, TextStyle]  # kicker, headline, subtitle, byline, subhead, …
    headline_gap_lines: int  # empty body lines between a headline group and the text
    # made-up headlines' sizes by rank, largest first (empty: the headline style's size and
    # the steps below it, the lead at the top, the next a step down, the rest two)
    headline_ladder: tuple[float, ...] = ()
    slots: dict[str, Region] = field(default_factory=dict)  # named regions of the grid
    banner: Banner | None = None
    nameplate: Nameplate | None = None  # 报头 (a front page's), across the top of the grid
    header: bool = False  # a 报眉 line above the grid: paper, date, page, editors
    column_rules: bool = False  # thin rules in the gutters between an article's columns
    accent: str = "#c8161d"  # colour of the banner and of rules
    box_tint: str | None = None  # 底纹: the fill behind 编者按 and 微评 boxes (None: none)
    output: str = "screen"  # what `render` makes unless told: "screen" or "print" (PDF/X)
    press: PrintSettings = field(default_factory=PrintSettings)
    sources: tuple[Path, ...] = ()  # the template's file and the files it extends
    # where each style's face is written ("body", "styles.headline", …), for errors
    face_origins: dict[str, Origin] = field(default_factory=dict, compare=False)

    @cached_property
    def grid_lines(self) -> int:
        """How many body lines a column holds (asked for every cell a page marks)."""
        usable = self.page_height - self.margin_top - self.margin_bottom
        return int(usable // self.pitch + 1e-6)

    def column_x(self, column: int) -> float:
        """Left edge of a 1-based column."""
        return self.margin_left + (column - 1) * (self.column_width + self.gutter)

    def column_at(self, x: float) -> int | None:
        """The 1-based column whose measure (with half of each gutter) holds x."""
        step = self.column_width + self.gutter
        column = int((x - self.margin_left + self.gutter / 2) // step) + 1
        return column if 1 <= column <= self.columns else None

    def line_top(self, line: int) -> float:
        """Top of the 1-based body line's slot on the grid."""
        return self.margin_top + (line - 1) * self.pitch

    @cached_property
    def column_lefts(self) -> tuple[float, ...]:
        """column_x of every column, [0] the first's (read for every cell a page marks)."""
        return tuple(self.column_x(column) for column in range(1, self.columns + 1))

    @cached_property
    def line_tops(self) -> tuple[float, ...]:
        """line_top of every grid line, [0] the first's."""
        return tuple(self.line_top(line) for line in range(1, self.grid_lines + 1))
