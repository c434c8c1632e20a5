"""The load stage's types for the issue manifest: an issue, its articles, their blocks,
pictures, headlines and regions, and where each was written (Origin)."""
from __future__ import annotations

import datetime as _dt
from dataclasses import field
from enum import Enum
from pathlib import Path

from ..frozen import frozen


class Align(Enum):
    """Horizontal alignment of a one-off line (headline, byline, subhead)."""

    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"


@frozen
class Origin:
    """Where something was written: reported in every error and warning about it."""

    file: Path
    line: int  # 1-based

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


@frozen
class Paragraph:
    """One body paragraph, as the manifest gives it (whole, never hard-wrapped)."""

    text: str
    origin: Origin
    lead: str | None = None  # a run-in subhead: bold words that open the paragraph


@frozen
class Subhead:
    """A 小标题 inside the body: set on its own grid lines in the subhead style."""

    text: str
    origin: Origin
    second: str | None = None  # a second, smaller line under it (使命融心 / 为了共同的梦想…)


@frozen
class Signature:
    """A right-aligned line closing an article: （尚启轩）."""

    text: str
    origin: Origin


@frozen
class Boxed:
    """A framed box of text: an editor's note (编者按) or a comment box (微评); both are set
    in the note styles, a comment with its attribution right-aligned under the text."""

    label: str | None  # run-in bold label: 编者按, 微评
    text: str
    attribution: str | None  # right-aligned last line of a comment box
    origin: Origin


@frozen
class Quote:
    """A pull quote: a sentence set large between two rules."""

    text: str
    origin: Origin


@frozen
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


@frozen
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


@frozen
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


@frozen
class Region:
    """Part of the page grid, in grid units: columns and body lines, both 1-based, inclusive.

    `last_line` None means "to the bottom of the grid" (written `rest`). `below` (an
    article's number, 1-based) starts the region a blank line under where that earlier
    article ends, once it is laid out: articles stacked in a block of columns follow one
    another whatever the length of their text. `air`: empty body lines added around the
    headline group (as the make-up adds them); `divide`: the region's columns re-divided
    into this many (破栏; 0: not), its pictures' columns counted in those; `drop`: empty
    body lines over the headline group (it stands lower than its neighbour's: 碰题)."""

    first_column: int
    last_column: int
    first_line: int
    last_line: int | None
    below: int | None = None
    air: int = 0
    divide: int = 0
    drop: int = 0


@frozen
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

    def where(self) -> str:
        """Where it runs, as a message says it: `columns 1-6, line 23`, `gutter 4-5, lines
        49-72`."""
        if self.across:
            return f"columns {self.column}-{self.column + self.columns - 1}, line {self.line}"
        return (f"gutter {self.column - 1}-{self.column}, lines {self.line}-"
                f"{self.line + self.lines - 1}")

    def runs_through(self, first_column: int, last_column: int, first_line: int,
                     last_line: int) -> bool:
        """Whether it runs inside that rectangle of the grid, across one of its lines or
        down a gutter between two of its columns (not along its edges: between it and the
        next)."""
        if self.across:
            return (first_line <= self.line <= last_line and self.column <= last_column
                    and first_column <= self.column + self.columns - 1)
        return (first_column < self.column <= last_column and self.line <= last_line
                and first_line <= self.line + self.lines - 1)


@frozen
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

    @property
    def pinned(self) -> bool:
        """Whether the manifest places it (a template slot or a region: plan.py); the
        make-up places the others."""
        return self.slot is not None or self.region is not None


@frozen
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


@frozen
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
