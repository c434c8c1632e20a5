"""The types that cross stage boundaries: load → plan → flow → render.

Every type is a frozen dataclass. Once past `load`, every length is in PDF points (float),
x grows to the right from the page's left edge and y grows DOWN from the page's top edge
(the way a designer reads a page); only the PDF renderer turns y over.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field, replace
from enum import Enum
from functools import cached_property
from pathlib import Path
from typing import NamedTuple


# ---------------------------------------------------------------------------------------
# load: the issue manifest


@dataclass(frozen=True)
class Origin:
    """Where something was written: reported in every error and warning about it."""

    file: Path
    line: int  # 1-based

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass(frozen=True)
class Paragraph:
    """One body paragraph, as the manifest gives it (whole, never hard-wrapped)."""

    text: str
    origin: Origin
    lead: str | None = None  # a run-in subhead: bold words that open the paragraph


@dataclass(frozen=True)
class Subhead:
    """A 小标题 inside the body: set on its own grid lines in the subhead style."""

    text: str
    origin: Origin
    second: str | None = None  # a second, smaller line under it (使命融心 / 为了共同的梦想…)


@dataclass(frozen=True)
class Signature:
    """A right-aligned line closing an article: （尚启轩）."""

    text: str
    origin: Origin


@dataclass(frozen=True)
class Boxed:
    """A framed box of text: an editor's note (编者按) or a comment box (微评); both are set
    in the note styles, a comment with its attribution right-aligned under the text."""

    label: str | None  # run-in bold label: 编者按, 微评
    text: str
    attribution: str | None  # right-aligned last line of a comment box
    origin: Origin


@dataclass(frozen=True)
class Quote:
    """A pull quote: a sentence set large between two rules."""

    text: str
    origin: Origin


@dataclass(frozen=True)
class Figure:
    """A picture in the flow of the body, as wide as a column: it lands where the text
    reaches it, so its caption is read in its place."""

    lines: int  # height of the picture in body lines (the caption comes below)
    file: Path | None  # None: a placeholder box
    label: str | None  # what a placeholder says (图片)
    caption: str | None
    fit: str
    origin: Origin


Block = Paragraph | Subhead | Signature | Boxed | Quote | Figure


@dataclass(frozen=True)
class Image:
    """A photo or its placeholder, in grid units relative to its article: columns from the
    article's first column, lines from the first line of the article's body. A picture the
    manifest gives no place (`columns` None) is sized and placed by the make-up stage, from
    its aspect ratio, before the flow sees it."""

    first_column: int | None
    last_column: int | None
    first_line: int | None
    lines: int | None  # height of the picture in body lines (the caption comes below)
    file: Path | None  # None: a placeholder box
    label: str | None  # what a placeholder says (图片)
    caption: str | None  # 图说
    fit: str  # "crop" (fill the box) or "contain" (whole picture, centred)
    origin: Origin
    aspect: float = 4 / 3  # width / height of the picture (its pixels, or `aspect:`)
    # the least and most lines the make-up may give it at its width (None: the manifest
    # placed it)
    sized: tuple[int, int] | None = None
    # columns wide the manifest asks of a picture the make-up places (`width:`; None: the
    # make-up chooses), counted in the article's text columns (re-divided ones when 破栏)
    width: int | None = None

    @property
    def placed(self) -> bool:
        """Whether the manifest (or the make-up) has given the picture its grid place."""
        return self.first_column is not None


@dataclass(frozen=True)
class Headline:
    """A headline group: 引题 (kicker) above, 主题 (main), 副题 (subtitle) below."""

    main: str
    kicker: str | None
    subtitle: str | None
    origin: Origin
    size: float | None = None  # the main title's size when not the template's (pt)
    columns: tuple[int, int] | None = None  # the article's columns it spans (default: all)
    # this article's own look, within the template's faces (None: the template's)
    align: Align | None = None  # of the whole group
    face: str | None = None  # the main title's font role
    kicker_size: float | None = None
    kicker_face: str | None = None
    subtitle_size: float | None = None
    subtitle_face: str | None = None
    fill: bool = False  # the main title sized so its longest line spans the width
    # 竖排: the group set top to bottom in a strip at the article's "right" or "left",
    # columns of characters read right to left (kicker, main, subtitle); None: horizontal
    vertical: str | None = None
    reversed: bool = False  # 反白: the group white on a band of the accent colour


@dataclass(frozen=True)
class Region:
    """Part of the page grid, in grid units: columns and body lines, both 1-based, inclusive.

    `last_line` None means "to the bottom of the grid" (written `rest`). `below` (an
    article's number, 1-based) starts the region a blank line under where that earlier
    article ends, once it is laid out: articles stacked in a block of columns follow one
    another whatever the length of their text. `air`: empty body lines added around the
    headline group (as the make-up adds them); `divide`: the region's columns re-divided
    into this many (破栏; 0: not), its pictures' columns counted in those."""

    first_column: int
    last_column: int
    first_line: int
    last_line: int | None
    below: int | None = None
    air: int = 0
    divide: int = 0


@dataclass(frozen=True)
class Rule:
    """A thin rule between modules, as the make-up draws them (`rules:` of a manifest):
    across `columns` columns through the blank grid line `line` (across), or down the
    gutter left of `column` from grid line `line` for `lines` lines."""

    across: bool
    column: int
    line: int
    columns: int
    lines: int
    origin: Origin


@dataclass(frozen=True)
class Article:
    """One article of the page."""

    headline: Headline | None
    byline: str | None
    blocks: tuple[Block, ...]
    region: Region | None  # None: its slot, or the whole grid
    origin: Origin
    slot: str | None = None  # a slot of the template
    note: Boxed | None = None  # an editor's note across the article, under the headline
    images: tuple[Image, ...] = ()
    continued_from: int | None = None  # （上接第N版）
    continues_on: int | None = None  # （下转第N版）
    jump: int | str | None = None  # 转版: the page its rest continues on, or "auto"
    jump_title: str | None = None  # the 接题 over the rest (None: the headline, smaller)
    teaser: str | None = None  # listed in the front page's 导读 with this text
    contents: str | None = None  # this article is the 导读 box, with this title
    # the 导读 box's entries: (an article's headline, the text to list it by or None);
    # none given: every article of the other pages that has a `teaser:`
    listing: tuple[tuple[str, str | None], ...] = ()
    section: str | None = None  # 栏目题: a bar in the accent colour over the headline
    border: str | None = None  # 花边 around its module: double, thick-thin, dashed, dotted
    tint: str | None = None  # 底纹 under its whole module (#rrggbb), or None
    rank: int | None = None  # its place in the page's order (1: the lead), else the manifest's


@dataclass(frozen=True)
class Edit:
    """A change input normalization made to the manifest's text (text/normalize.py)."""

    origin: Origin  # the line of the text it was made in
    offset: int  # position in that text
    before: str
    after: str
    reason: str
    warning: bool = False  # a guess to look at (quotes paired again): always reported

    def __str__(self) -> str:
        after = repr(self.after) if self.after else "nothing"
        return f"{self.origin}: {self.before!r} → {after} ({self.reason}, character {self.offset + 1})"


@dataclass(frozen=True)
class Issue:
    """An issue manifest: one newspaper page."""

    path: Path
    paper: str
    date: _dt.date
    issue_number: int | None
    page_number: int
    page_name: str | None
    template: str  # a template name, or a path relative to the manifest
    template_origin: Origin  # where the manifest names it
    articles: tuple[Article, ...]
    edits: tuple[Edit, ...] = ()  # what input normalization changed, in manifest order
    banner: str | None = None  # the page's recurring title in the banner strip
    editors: str | None = None  # 责任编辑 … in the page header
    rules: tuple[Rule, ...] = ()  # rules between pinned modules (`rules:`, as pinned)
    # where each top-level key is written (paper, page_name, banner, editors, …), for errors
    origins: dict[str, Origin] = field(default_factory=dict, compare=False)

    def ranked(self) -> tuple[int, ...]:
        """The articles' indexes in the page's order: an article's `rank:` (1: the lead)
        before one that takes its rank from its place in the manifest. The make-up places
        them in this order, and a reader reads them so."""
        return tuple(sorted(range(len(self.articles)), key=lambda i: (
            self.articles[i].rank or i + 1, 0 if self.articles[i].rank else 1)))


# ---------------------------------------------------------------------------------------
# load: the template


class PunctuationFit(Enum):
    """What the breaker does when the next character may not start a line (CJK-RULES §3)."""

    PUSH_OUT = "push-out"  # move the last character down and spread the line (推出)
    PUSH_IN = "push-in"  # squeeze this line's marks so the character fits (挤进)


class Breaking(Enum):
    """How a paragraph's breaks are chosen."""

    TOTAL_FIT = "total-fit"  # weigh every break sequence at once (Knuth–Plass style)
    FIRST_FIT = "first-fit"  # fill each line in turn (for comparison)


@dataclass(frozen=True)
class Composition:
    """The composition rules a template chooses (CJK-RULES §3–§5)."""

    punctuation: PunctuationFit = PunctuationFit.PUSH_OUT
    breaking: Breaking = Breaking.TOTAL_FIT
    hanging_punctuation: bool = False  # ，。 at a line end may hang past the right edge
    # (off: ，。、 hang only where every other choice letter-spaces a line: text/linebreak.py)
    trim_line_start: bool = False  # an opening mark starting a line loses its blank half
    latin_spacing: float = 0.0  # em between Han characters and Latin letters or digits


class Align(Enum):
    """Horizontal alignment of a one-off line (headline, byline, subhead)."""

    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"


@dataclass(frozen=True)
class TextStyle:
    """How one kind of text is set."""

    face: str  # a font role of fonts.yaml (song, song-bold, hei, kai, …)
    size: float  # pt
    align: Align
    line_height: float  # pt between baselines when the text takes more than one line


@dataclass(frozen=True)
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


@dataclass(frozen=True)
class Banner:
    """A coloured strip across the top of the grid carrying the page's recurring title."""

    lines: int  # grid lines it takes
    text: str | None  # default title, when the manifest gives none


PDFX_STANDARDS = ("PDF/X-4", "PDF/X-1a:2001")


@dataclass(frozen=True)
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


@dataclass(frozen=True)
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


# ---------------------------------------------------------------------------------------
# plan: where each article goes


@dataclass(frozen=True)
class ArticlePlan:
    """One article and the part of the grid it fills (grid units, 1-based, inclusive)."""

    article: Article
    index: int  # 0-based position in the manifest
    first_column: int
    last_column: int
    first_line: int
    last_line: int
    below: int | None = None  # 0-based index of the article it starts under (Region.below)
    head_extra: int = 0  # empty body lines the make-up adds around the headline group
    # 破栏: the article's base columns re-divided into (count, width pt, gutter pt) columns,
    # its pictures' columns counted in those (None: set on the base columns)
    measure: tuple[int, float, float] | None = None


@dataclass(frozen=True)
class PagePlan:
    issue: Issue
    template: Template
    articles: tuple[ArticlePlan, ...]
    rules: tuple["PlacedRect", ...] = ()  # rules between modules the make-up placed


# ---------------------------------------------------------------------------------------
# flow: the placed page


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


@dataclass(frozen=True, init=False)
class PlacedLine:
    """A typeset line: its glyphs in reading order on one baseline."""

    kind: LineKind
    baseline: float  # y of the baseline from the page top
    size: float
    left: float  # left edge of the measure the line was set in
    width: float  # the measure
    set_glyphs: tuple  # the glyphs as the line breaker set them, x from the line's origin
    origin_x: float  # where the line's origin lands on the page (left + alignment shift)
    paragraph_end: bool  # the last line of its paragraph (not justified)
    grid_line: int | None  # 1-based grid line for lines on the grid
    color: str = "#000000"
    vertical: bool = False  # one cell of a 竖排 title: its mark drawn in the vertical form

    def __init__(self, kind: LineKind, baseline: float, size: float, left: float,
                 width: float, set_glyphs: tuple, origin_x: float, paragraph_end: bool,
                 grid_line: int | None, color: str = "#000000", vertical: bool = False):
        # the fields in one step (a frozen dataclass's own __init__ sets them one by one
        # through object.__setattr__; the make-up's trials place thousands of lines a page)
        self.__dict__.update(kind=kind, baseline=baseline, size=size, left=left, width=width,
                             set_glyphs=set_glyphs, origin_x=origin_x,
                             paragraph_end=paragraph_end, grid_line=grid_line, color=color,
                             vertical=vertical)

    @cached_property
    def glyphs(self) -> tuple[PlacedGlyph, ...]:
        """The glyphs at their page positions (made on first use: balancing lays an article
        out several times and keeps only the last)."""
        return tuple(PlacedGlyph(g.char, self.origin_x + g.x, g.face, g.advance)
                     for g in self.set_glyphs)

    @property
    def text(self) -> str:
        return "".join(g.char for g in self.set_glyphs)


@dataclass(frozen=True)
class PlacedRect:
    """A rectangle or rule: filled and/or stroked (colours as #rrggbb)."""

    x: float
    y: float  # top edge, from the page top
    width: float
    height: float
    fill: str | None
    stroke: str | None
    line_width: float = 0.5
    dash: tuple[float, ...] = ()  # on and off lengths of a dashed or dotted stroke, pt
    frame: bool = False  # a 花边 around a module: it covers nothing (holes stay holes)


@dataclass(frozen=True)
class PlacedImage:
    """A picture file drawn into a box, cropped or contained as its manifest says."""

    x: float
    y: float
    width: float
    height: float
    file: Path
    fit: str


@dataclass(frozen=True)
class Overflow:
    """Text of an article that did not fit its frames: kept, reported, never dropped."""

    article_index: int
    text: str
    lines: int  # lines it would take in the article's last frame width
    # the body blocks left over (a paragraph cut in two: its rest), for a 转版 to go on with
    rest: tuple = ()
    page: int | None = None  # its page's number, in an issue of several pages


@dataclass(frozen=True)
class Hole:
    """A blank hole in the type area (天窗): grid cells nothing is printed on, more than
    MAX_BLANK lines tall, in one column or several side by side."""

    first_column: int
    last_column: int
    first_line: int
    last_line: int
    article_index: int | None  # the article whose part of the grid it is in
    page: int | None = None  # its page's number, in an issue of several pages

    def __str__(self) -> str:
        columns = (f"column {self.first_column}" if self.first_column == self.last_column
                   else f"columns {self.first_column}-{self.last_column}")
        where = (f" in article {self.article_index + 1}'s part of the page"
                 if self.article_index is not None else " outside every article")
        return (f"{on_page(self.page)}blank hole (天窗): {columns}, lines {self.first_line}-"
                f"{self.last_line} ({self.last_line - self.first_line + 1} lines){where}")


def on_page(page: int | None) -> str:
    """What a message about a page of an issue starts with: `page 4: ` (one page: none)."""
    return f"page {page}: " if page is not None else ""


@dataclass(frozen=True)
class Copyfit:
    """每版容字量 for one article: its part of the page, the characters it holds, and how
    many more it could take (`add`) or must lose (`cut`) to fill it exactly; `give` and
    `take`: how many more or fewer its pictures could make room for, resized within their
    crop."""

    article_index: int
    title: str
    first_column: int
    last_column: int
    first_line: int
    last_line: int
    holds: int
    add: int
    cut: int
    give: int = 0
    take: int = 0
    page: int | None = None  # its page's number, in an issue of several pages

    @property
    def delta(self) -> int:
        """Characters to add (positive) or cut (negative) to fill the module exactly."""
        return self.add - self.cut

    def __str__(self) -> str:
        size = (f"columns {self.first_column}-{self.last_column}, lines {self.first_line}-"
                f"{self.last_line}")
        if self.cut:
            verdict = f"−{self.cut} 字 (cut that much: it does not fit)"
        elif self.add:
            verdict = f"+{self.add} 字 (add that much to fill it)"
        else:
            verdict = "±0 字 (full)"
        text = (f"{on_page(self.page)}article {self.article_index + 1} {self.title}: {size}; "
                f"holds {self.holds} 字, "
                f"room for {self.holds + self.add - self.cut} 字: {verdict}")
        if self.give or self.take:
            text += (f"; its pictures could make room for {self.give} 字 more or "
                     f"{self.take} 字 less")
        return text


@dataclass(frozen=True)
class PageLayout:
    """Everything drawn on one page."""

    width: float
    height: float
    lines: tuple[PlacedLine, ...]
    overflow: tuple[Overflow, ...]
    title: str  # PDF metadata: paper, date and page
    date: _dt.date  # the issue's date, also the PDF's creation date
    body_face: str  # font role of the body text (the PDF's initial font)
    notes: tuple[str, ...] = ()  # text broken against the rules, soft pictures: for the user
    rects: tuple[PlacedRect, ...] = ()  # drawn before the text
    images: tuple[PlacedImage, ...] = ()
    usage: tuple[str, ...] = ()  # per article, the lines its balanced body takes (for -v)
    loose: tuple[str, ...] = ()  # lines spread beyond LOOSE_GAP (counted; listed with -v)
    holes: tuple[Hole, ...] = ()  # 天窗 left on the page: a fault, always reported
    fits: tuple[Copyfit, ...] = ()  # per article, how full its part of the page is
    # per article, its text in the order a reader meets it on the page (`layout text`)
    reading: tuple[str, ...] = ()
    order: tuple[int, ...] = ()  # the articles' indexes as a reader meets them (Issue.ranked)

    def in_order(self) -> tuple[int, ...]:
        """The articles' indexes in reading order."""
        return self.order or tuple(range(len(self.reading)))

    def text(self) -> str:
        """The page's articles' text as a reader reads it, an element a line."""
        return "".join(self.reading[index] + "\n" for index in self.in_order())


# ---------------------------------------------------------------------------------------
# the whole issue: its pages


@dataclass(frozen=True)
class Edition:
    """A manifest as a whole: the pages of the issue (期) in order. A manifest with
    `pages:` is `whole` (one PDF of all its pages, with an outline and page labels); one
    without is a single page, rendered as it always was."""

    path: Path
    pages: tuple[Issue, ...]
    whole: bool = False

    @property
    def title(self) -> str:
        """The issue's title (PDF metadata): paper, date and issue number."""
        first = self.pages[0]
        title = f"{first.paper} {first.date.isoformat()}"
        return title + (f" 第{first.issue_number}期" if first.issue_number else "")


@dataclass(frozen=True)
class Jump:
    """An article of an issue continued on another page (转版): on page `source` it holds
    `kept` characters, on page `target` (its article `index` there) the `rest`."""

    source: int  # page numbers
    article_index: int  # 0-based, on the source page
    target: int
    index: int  # 0-based, the continuation's place among the target page's articles
    title: str
    kept: int
    rest: int

    def __str__(self) -> str:
        return (f"article {self.article_index + 1} {self.title} (page {self.source}) jumps "
                f"to page {self.target}: holds {self.kept} 字 on page {self.source} and "
                f"{self.rest} 字 on page {self.target}, {self.kept + self.rest} 字 in all")


@dataclass(frozen=True)
class IssueLayout:
    """Every page of a manifest laid out, in order. Read like one page: its overflow,
    holes, copyfit and notes are the pages' together, each marked with its page in an
    issue of several pages."""

    edition: Edition
    pages: tuple[PageLayout, ...]
    jumps: tuple[Jump, ...] = ()

    def _tagged(self, name: str) -> tuple:
        if not self.edition.whole:
            return getattr(self.pages[0], name)
        return tuple(replace(item, page=issue.page_number)
                     for issue, page in zip(self.edition.pages, self.pages)
                     for item in getattr(page, name))

    def _said(self, name: str) -> tuple[str, ...]:
        if not self.edition.whole:
            return getattr(self.pages[0], name)
        return tuple(f"page {issue.page_number}: {note}"
                     for issue, page in zip(self.edition.pages, self.pages)
                     for note in getattr(page, name))

    @property
    def overflow(self) -> tuple[Overflow, ...]:
        return self._tagged("overflow")

    @property
    def holes(self) -> tuple[Hole, ...]:
        return self._tagged("holes")

    @property
    def fits(self) -> tuple[Copyfit, ...]:
        return self._tagged("fits")

    @property
    def notes(self) -> tuple[str, ...]:
        return self._said("notes")

    @property
    def loose(self) -> tuple[str, ...]:
        return self._said("loose")

    @property
    def usage(self) -> tuple[str, ...]:
        return self._said("usage")

    def text(self) -> str:
        """The issue's text in reading order: page after page, each article whole (one
        continued on another page read on there, where its first part ends)."""
        if not self.edition.whole:
            return self.pages[0].text()
        after: dict[tuple[int, int], str] = {}
        skip: set[tuple[int, int]] = set()
        for jump in self.jumps:
            target = self.pages[jump.target - 1]
            after[(jump.source, jump.article_index)] = target.reading[jump.index]
            skip.add((jump.target, jump.index))
        out = []
        for number, page in enumerate(self.pages, 1):
            for index in page.in_order():
                text = page.reading[index]
                if (number, index) in skip:
                    continue
                out.append(text + "\n")
                if (number, index) in after:
                    out.append(after[(number, index)] + "\n")
        return "".join(out)
