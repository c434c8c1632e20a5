"""The page: every article of a plan flowed (article.py) in its region, an article stacked
under another moved to a blank line under it; the page furniture (报眉, banner, or the
nameplate) from the template; tints and borders of modules; the page's holes and each
article's copyfit; a proof's overset marks; all as one `PageLayout`.
"""
from __future__ import annotations

import datetime
from dataclasses import replace
from typing import NamedTuple

from ..errors import LayoutError, Mistakes
from ..fonts import FontSet
from ..holes import Occupancy, copyfit, find_holes
from ..manifest import TEMPLATE_TINT, body_count
from ..model import (Align, ArticlePlan, Copyfit, Hole, Issue, LineKind, Overflow, PageLayout,
                     PagePlan, PlacedLine, PlacedRect, Template)
from ..reading import reading_text
from ..text.chars import char_count
from .article import Laid, article_flow
from .setter import Drawn, TooLow, Typesetter, moved
from .textcache import TextCache

WEEKDAYS = "一二三四五六日"


class Placed(NamedTuple):
    """An article as the page set it: its plan (its first line moved under the article
    above it), what it draws, what is left over, where it ends."""

    plan: ArticlePlan
    drawn: Drawn
    overflow: Overflow | None
    bottom: int  # the grid line its body ends on


def dated(day: datetime.date) -> str:
    """A page's date as the 报眉 and the 报头 print it: 2020年11月27日　星期五."""
    return f"{day.year}年{day.month}月{day.day}日　星期{WEEKDAYS[day.weekday()]}"


def furniture(issue: Issue, template: Template, fonts: FontSet) -> Drawn:
    """The 报眉 above the grid and the banner strip at its top."""
    t = template
    out = Drawn()
    setter = Typesetter(t, fonts, 1, t.columns)
    if t.nameplate is not None:  # the front page's 报头, where the banner would stand
        from ..nameplate import draw  # noqa: PLC0415 (a front page's only)
        draw(issue, t, setter, out)
        return out
    if t.header:
        _header(issue, setter, out)
    if t.banner:
        title = issue.banner or t.banner.text
        height = t.banner.lines * t.pitch - t.pitch / 2  # half a line clear above the text
        out.rects.append(PlacedRect(setter.x, t.line_top(1), setter.width, height, t.accent,
                                    None))
        if title:
            style = t.styles["banner"]
            start = len(out.lines)
            used = setter.one_off(out, title, style, LineKind.BANNER, 0.0, setter.x,
                                  setter.width, color="#ffffff")
            offset = t.line_top(1) + (height - used) / 2
            out.lines[start:] = [moved(pl, offset) for pl in out.lines[start:]]
    return out


def _header(issue: Issue, setter: Typesetter, out: Drawn) -> None:
    """The 报眉: paper, date and issue number at the left, page, its name and editors at
    the right, on one line over a rule."""
    t = setter.t
    style = t.styles["header"]
    left = f"{issue.paper}　{dated(issue.date)}"
    if issue.issue_number:
        left += f"　第{issue.issue_number}期"
    right = f"第{issue.page_number}版"
    if issue.page_name:
        right += f"　{issue.page_name}"
    if issue.editors:
        right += f"　{issue.editors}"
    baseline = t.margin_top - 0.6 * t.pitch
    sides = [setter.set_text(text, style, setter.width, False) for text in (left, right)]
    used = sum(max([g.x + g.advance for g in side[0].glyphs] or [0.0]) for side in sides)
    if len(sides[0]) > 1 or len(sides[1]) > 1 or used + style.size > setter.width:
        # one line, left and right with a 字 between: never one half over the other
        key = "editors" if issue.editors else "page_name" if issue.page_name else "paper"
        origin = issue.origins.get(key)
        raise LayoutError(f"the header line (报眉) does not hold “{left}” and “{right}” "
                          f"side by side: {(used + style.size) / style.size:.0f} 字 for "
                          f"{setter.width / style.size:.0f}",
                          origin.file if origin else issue.path,
                          origin.line if origin else None,
                          hint=f"shorten `{key}:` (or the paper's name)")
    for side, align in zip(sides, (Align.LEFT, Align.RIGHT)):
        out.lines.append(setter.placed(side[0], LineKind.HEADER, baseline, style, setter.x,
                                       setter.width, None, align=align))
    out.rects.append(PlacedRect(setter.x, t.margin_top - 0.25 * t.pitch, setter.width, 0,
                                None, t.accent, 1.0))


def flow_page(plan: PagePlan, fonts: FontSet, cache: TextCache | None = None) -> PageLayout:
    """Typeset every article of the plan, and the page furniture (`cache`: text already
    broken, by the make-up; its characters were checked by the plan: plan.plan_page)."""
    page = furniture(plan.issue, plan.template, fonts)
    page.rects += plan.rules
    placed = _articles(plan, fonts, cache, page)
    overflow = [p.overflow for p in placed if p.overflow is not None]
    holes, fits = _fullness(plan, page, placed)
    page.lines += _overset_marks(plan.template, fonts, placed)
    reading = tuple(reading_text(p.plan.article, p.drawn.lines, p.drawn.head,
                                 p.drawn.captions, plan.template.pitch)
                    for p in sorted(placed, key=lambda e: e.plan.index))
    usage = tuple(_usage(p, plan.articles) for p in placed)
    issue = plan.issue
    title = f"{issue.paper} {issue.date.isoformat()} 第{issue.page_number}版"
    if issue.page_name:
        title += f" {issue.page_name}"
    return PageLayout(plan.template.page_width, plan.template.page_height, tuple(page.lines),
                      tuple(overflow), title, issue.date, plan.template.body.face,
                      tuple(page.notes), tuple(page.rects), tuple(page.images), usage,
                      tuple(page.loose), tuple(holes), tuple(fits), reading,
                      issue.ranked())


def _articles(plan: PagePlan, fonts: FontSet, cache: TextCache | None,
              page: Drawn) -> list[Placed]:
    """Every article flowed in its region and drawn on `page`, in the plan's order; every
    article's mistake in one run: one that cannot be set is said, the rest go on (one
    under it waits: its place depends on it)."""
    placed: list[Placed] = []
    bottoms: dict[int, int] = {}  # the grid line each article's body ends on
    # the make-up's layouts, by the plan they are of (held by plan.laid: their ids stay)
    reused = {id(p): laid for p, laid in plan.laid}
    mistakes: list[LayoutError] = []
    failed: set[int] = set()
    for article_plan in plan.articles:
        if article_plan.below is not None:  # a blank line under the article above it
            moved_plan = _under(article_plan, bottoms, failed, mistakes)
            if moved_plan is None:
                failed.add(article_plan.index)
                continue
            article_plan = moved_plan
        try:
            found = reused.get(id(article_plan))
            drawn, left, bottom = found if isinstance(found, Laid) else article_flow(
                article_plan, plan.template, fonts, cache).run()
        except TooLow as err:
            origin = article_plan.article.origin
            failed.add(article_plan.index)
            mistakes.append(LayoutError(f"article {article_plan.index + 1}: {err.what} "
                                        f"reach(es) grid line {err.needs}, below its region "
                                        f"(last line {article_plan.last_line})", origin.file,
                                        origin.line, hint="give the article more lines, or a "
                                                          "smaller headline, note or picture"))
            continue
        except LayoutError as error:  # (named apart: compiled, `err` is a TooLow)
            failed.add(article_plan.index)
            mistakes.extend(error.errors if isinstance(error, Mistakes) else [error])
            continue
        bottoms[article_plan.index] = bottom
        placed.append(Placed(article_plan, drawn, left, bottom))
        _draw_article(page, article_plan, drawn, plan.template)
    if mistakes:
        raise mistakes[0] if len(mistakes) == 1 else Mistakes(mistakes)
    return placed


def _under(a: ArticlePlan, bottoms: dict[int, int], failed: set[int],
           mistakes: list[LayoutError]) -> ArticlePlan | None:
    """An article stacked under another, its first line a blank line under that one's
    end; None (a mistake said, unless the one above failed) when no line is left."""
    assert a.below is not None
    if a.below in failed:
        return None
    first = max(a.first_line, bottoms[a.below] + 2)
    if first > a.last_line:
        origin = a.article.origin
        mistakes.append(LayoutError(
            f"article {a.index + 1}: no lines left under article {a.below + 1}, which ends "
            f"on line {bottoms[a.below]} (this region ends on line {a.last_line})",
            origin.file, origin.line,
            hint="give it lines further down, or shorten the article above"))
        return None
    return replace(a, first_line=first)


def _draw_article(page: Drawn, plan: ArticlePlan, drawn: Drawn, t: Template) -> None:
    """An article's drawing added to the page's, its tint under all its own rects and its
    border around it."""
    page.lines += drawn.lines
    page.rects += drawn.rects
    page.images += drawn.images
    page.notes += drawn.notes
    page.loose += drawn.loose
    if plan.article.tint:
        page.rects.insert(len(page.rects) - len(drawn.rects), _tint(plan, t))
    if plan.article.border:
        page.rects += _border(plan, t)


def _usage(placed: Placed, plans: tuple[ArticlePlan, ...]) -> str:
    """How an article used its region, for `render -v`."""
    a, bottom = placed.plan, placed.bottom
    region = (f"article {a.index + 1}: columns {a.first_column}-{a.last_column}, "
              f"lines {a.first_line}-{a.last_line}: ")
    if placed.overflow is not None:
        return region + f"overflows at line {bottom}"
    under = [p.index + 1 for p in plans if p.below == a.index]
    if under:
        return region + f"ends on line {bottom}, article {under[0]} below it"
    if bottom < a.last_line:
        return region + f"ends on line {bottom}, {a.last_line - bottom} line(s) free below"
    # (its region's last line: a column may still end short, a hole `fit` counts)
    return region + f"ends on line {bottom}, its region's last"


def _overset_marks(t: Template, fonts: FontSet, placed: list[Placed]) -> list[PlacedLine]:
    """A proof's mark (written only with --allow-overflow) at the end of each article whose
    text does not all fit: （余N字未排）, in the accent colour, right-aligned on the blank
    line under its module (or under the page's last line)."""
    setter = Typesetter(t, fonts, 1, t.columns)
    style = replace(t.styles["caption"], face=t.styles["kicker"].face)
    out = []
    for plan, _, left, _ in placed:
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


def _fullness(plan: PagePlan, page: Drawn,
              placed: list[Placed]) -> tuple[list[Hole], list[Copyfit]]:
    """The page's blank holes, and each article's copyfit in its part of the page (an
    article with another stacked under it ends a blank line above that one)."""
    t = plan.template
    occupied = Occupancy(t)
    occupied.add_lines(page.lines)
    occupied.add_boxes(page.rects, page.images)
    first = 1 + (t.banner.lines if t.banner else 0)
    plans = [p.plan for p in placed]
    starts = {p.below: p.first_line for p in plans if p.below is not None}
    fits = []
    for article_plan, drawn, left, _ in placed:
        if article_plan.index in starts:
            article_plan = replace(article_plan, last_line=starts[article_plan.index] - 2)
        article = article_plan.article
        holds = body_count(article.blocks)
        cut = char_count(left.text) if left is not None else 0
        title = article.headline.main.replace("\n", " ") if article.headline else ""
        fits.append(copyfit(article_plan, occupied, drawn.lines, holds, cut, title))
    return find_holes(occupied, first, plans), fits
