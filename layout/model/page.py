"""The plan and flow stages' types: where each article goes (ArticlePlan, PagePlan) and
the placed page (PageLayout and what it holds: lines, rects, images, holes, copyfit), with
an edition's and an issue's layouts."""
from __future__ import annotations

import datetime as _dt
from dataclasses import field, replace
from functools import cached_property
from pathlib import Path
from typing import Final, Iterable

from ..frozen import copied, frozen
from ..text.chars import char_count
from .issue import Article, Headline, Image, Issue
from .line import PlacedLine
from .template import Template


@frozen
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
    # The make-up's decisions, beside the article as the manifest gives it: its headline's
    # size (None: the article's own), the columns its headline group spans, counted from
    # the article's first (None: the article's own; a picture stands beside the rest), and
    # every picture with its place (None: the article's own, every one placed by hand).
    head_size: float | None = None
    head_columns: tuple[int, int] | None = None
    pictures: tuple[Image, ...] | None = None
    # empty body lines over the headline group (the group lower in its module than its
    # neighbour's: a stagger against 碰题, as the make-up or the region's `drop:` gives it)
    head_drop: int = 0

    @cached_property
    def headline(self) -> Headline | None:
        """The headline as it is set: the article's, with the make-up's size and columns."""
        h = self.article.headline
        if h is None or (self.head_size is None and self.head_columns is None):
            return h
        return copied(h, size=h.size if self.head_size is None else self.head_size,
                      columns=h.columns if self.head_columns is None else self.head_columns)

    @property
    def images(self) -> tuple[Image, ...]:
        """The article's pictures as they are set, each with its place."""
        return self.article.images if self.pictures is None else self.pictures


@frozen
class PagePlan:
    issue: Issue
    template: Template
    articles: tuple[ArticlePlan, ...]
    rules: tuple[PlacedRect, ...] = ()  # rules between modules the make-up placed
    # the flow's layouts (flow.Laid) of articles the make-up settled, each with the plan it
    # laid out: the final page reuses the one of a plan it sets, rather than flowing it again
    laid: tuple[tuple[ArticlePlan, object], ...] = field(default=(), compare=False,
                                                         repr=False)


# ---------------------------------------------------------------------------------------
# flow: the placed page


# (PlacedGlyph, LineKind, ASCENT, EmBox and PlacedLine are in line.py, compiled)


@frozen
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


@frozen
class PlacedImage:
    """A picture file drawn into a box, cropped or contained as its manifest says."""

    x: float
    y: float
    width: float
    height: float
    file: Path
    fit: str


@frozen
class Overflow:
    """Text of an article that did not fit its frames: kept, reported, never dropped."""

    article_index: int
    text: str
    lines: int  # lines it would take in the article's last frame width

    # the body blocks left over (a paragraph cut in two: its rest), for a 转版 to go on with
    rest: tuple = ()
    page: int | None = None  # its page's number, in an issue of several pages


def left_over(overflow: Iterable[Overflow]) -> int:
    """The characters of text left over (a page's `overflow`), as an editor counts them
    (`char_count`)."""
    return sum(char_count(o.text) for o in overflow)


@frozen
class Hole:
    """A blank hole in the type area (天窗): grid cells nothing is printed on, more than
    MAX_BLANK lines tall, in one column or several side by side."""

    first_column: int
    last_column: int
    first_line: int
    last_line: int
    article_index: int | None  # the article whose part of the grid it is in
    page: int | None = None  # its page's number, in an issue of several pages

    @property
    def cells(self) -> int:
        """The grid cells it leaves blank (columns × lines)."""
        return (self.last_column - self.first_column + 1) * (self.last_line - self.first_line + 1)

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


# an article (a page) is far short when what it lacks is more than 1/FAR_SHORT of what it
# holds (of its room): advice to write that much more is no advice
FAR_SHORT: Final = 3
# 1/FAR_SHORT as the messages say it (a FAR_SHORT with no words here fails at import)
FAR_SHORT_WORDS: Final = {2: "a half", 3: "a third", 4: "a quarter", 5: "a fifth"}[FAR_SHORT]


@frozen
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
    tried: bool = False  # add and cut found by laying the page out so (fitting.py)
    body_line: int = 0  # the grid line its body's text starts on, under its head (0: none)
    pictured: bool = False  # it has pictures

    @property
    def delta(self) -> int:
        """Characters to add (positive) or cut (negative) to fill the module exactly."""
        return self.add - self.cut

    def __str__(self) -> str:
        size = (f"columns {self.first_column}-{self.last_column}, lines {self.first_line}-"
                f"{self.last_line}")
        if self.cut:
            verdict = f"−{self.cut} 字 (cut that much: it does not fit)"
        elif self.add and not self.tried:  # the flow's count, not tried (render -v)
            verdict = f"+{self.add} 字 (about: `layout fit` tries it)"
        elif self.add:
            verdict = f"+{self.add} 字 (add that much to fill it)"
        else:
            verdict = "±0 字 (full)"
        text = (f"{on_page(self.page)}article {self.article_index + 1} {self.title}: {size}; "
                f"holds {self.holds} 字, "
                f"room for {self.holds + self.add - self.cut} 字: {verdict}")
        if self.add > self.holds / FAR_SHORT:
            text += (f"; far short (more than {FAR_SHORT_WORDS} of its own {self.holds} 字 "
                     "again): a picture or another article fills its part better, or the "
                     "page made up again")
        if self.give and self.take:
            text += (f"; its pictures, resized within their crop, could make room for up "
                     f"to {self.give} 字 more (smaller) or {self.take} 字 less (larger)")
        elif self.give:
            text += (f"; its pictures made smaller (within their crop) could make room for "
                     f"up to {self.give} 字 more")
        elif self.take:
            text += (f"; its pictures made larger (within their crop) could fill up to "
                     f"{self.take} 字 of its room")
        return text


@frozen
class PageFit:
    """每版容字量 of a page (or an issue, `whole`): the characters its articles hold, and
    how many to add (positive) or cut (negative) in all. With no text left over, the room
    of every article's part. With some, what is left over: the room in the other articles'
    parts (`spare`, said beside it) holds their own text only — what the make-up could
    move (the boundaries between stacked modules, a headline a step down) it has moved,
    and a column foot a line or two short or a last line's end is no room for another
    article's text — so a page that does not fit never says it has room."""

    holds: int
    delta: int
    spare: int = 0
    whole: str = "page"

    @classmethod
    def of(cls, fits: tuple[Copyfit, ...] | list[Copyfit], whole: str = "page") -> PageFit:
        holds = sum(f.holds for f in fits)
        cut = sum(f.cut for f in fits)
        add = sum(f.add for f in fits)
        return cls(holds, -cut, add, whole) if cut else cls(holds, add, 0, whole)

    def __str__(self) -> str:
        sign = "+" if self.delta > 0 else "−" if self.delta < 0 else "±"
        text = (f"{self.whole}: holds {self.holds} 字, room for {self.holds + self.delta} 字: "
                f"{sign}{abs(self.delta)} 字")
        if self.delta > (self.holds + self.delta) / FAR_SHORT:
            text += (f" (far short: more than {FAR_SHORT_WORDS} of the {self.whole}'s room is "
                     "blank; it needs more articles or pictures, or to be made up again)")
        if self.delta < 0:
            text += " (left over: cut that much from the articles that do not fit"
            text += (f"; the others' parts have room for {self.spare} 字 more of their own)"
                     if self.spare else ")")
        return text


@frozen
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


@frozen
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


@frozen
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


@frozen
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
