"""What one article can be in a module of the make-up: its heights at each width, each
with its cost and how it is set (`Config`), estimated from the flow's own measures (its
pictures' sizes: pictures.py; laying it out in the module chosen: settle.py)."""
from __future__ import annotations

import math
from dataclasses import replace
from typing import NamedTuple

from ..flow import (ArticleFlow, Fill, HeadMeasure, Heads, TextCache, TooLow, Typesetter,
                    air_read, divided, measure_fill, measure_head, measure_head_lines,
                    measure_need)
from ..fonts import FontSet
from ..holes import hole_lines, seen_over
from ..model import Article, ArticlePlan, Image, Template
from .pictures import picture_block, picture_ways, placed_images, smallest
from .shapes import Area, Config
from .sizing import Sizes
from .costs import (BLANK_RUN, DIVIDE, EXTRA, HEAD_BLANK, HOLE, LEAD_STEP, MAX_HEAD_EXTRA,
                    MIN_LEG, OVERFLOW, SHORT_OK, STEP_DOWN, THIN)


NONE_REFUSED: frozenset[tuple[int, Config]] = frozenset()


class Headed(NamedTuple):
    """An article's head measured at a width and set one way (`Candidate.head`): the
    flow's measure, and what the blank beside and over it costs."""

    measure: HeadMeasure
    blank: float


class Candidate(Sizes):
    """One article the make-up places: its heights at each width, from the flow (its
    headline's size at each: `Sizes`)."""

    def __init__(self, index: int, article: Article, template: Template, fonts: FontSet,
                 cache: TextCache, area: Area, rank: int, size_headline: bool = True):
        self.size_headline = size_headline  # False: a pinned article keeps its style's size
        self.index = index
        self.article = article
        self.t = template
        self.fonts = fonts
        self.cache = cache
        self.area = area
        self.rank = rank
        self.pictures = [i for i in article.images if not i.placed]
        self._need: int | None = None
        self._needs: dict[tuple[int, float | None], int] = {}  # (columns, size)
        self._seated: dict[tuple[int, int], int] = {}  # (columns, head lines): need_at
        # (columns, size, extra, beside, drop) → its head's measure and what the blank
        # beside and over it costs
        self._heads: dict[tuple, Headed | None] = {}
        self._head_lines: dict[tuple, int | None] = {}  # (those not measured: head_lines)
        self.block_memo: dict[tuple, tuple] = {}  # (pictures.picture_block)
        self.sum_memo: dict[int, dict] = {}  # (pictures.picture_sums)
        self._options: dict[tuple, dict] = {}
        self._variants: dict[int, Candidate | None] = {}
        self._divided: dict[tuple, dict[int, tuple[float, Config]]] = {}
        # columns → the (height, config) the flow did not bear out at that width: the
        # search offers the next cheapest way to fill that height instead. The options of
        # a width are kept by them (and the search's tables by how many), so an option
        # refused makes them anew (nothing is forgotten by hand) and a candidate kept for
        # the next render (`makeup.Kept`: its refusals are taken back) finds them again
        self.refused: dict[int, frozenset[tuple[int, Config]]] = {}
        self.may_divide = False  # 破栏 offered (the lead of a page of several articles)
        self._sizes = {}  # (Sizes.headline)
        # the largest size the make-up lets this headline take: a step below the lead's, so
        # that the lead's headline is the largest on the page, or a bound by rank a round
        # set (rank_cap), the smaller (settle.bound_headlines; None: no bound)
        self.cap = None
        self.rank_cap: float | None = None  # (a bound by rank a round set: settle.Ordered)
        self.lead = False  # the page's lead (头条): its headline the largest on the page
        self.alone = False  # the only article the make-up places
        # (columns, cap) at which its text leaves a stub → the height it fills there
        self._stubby: dict[tuple[int, float | None], int] = {}
        self._tall = {}  # (Sizes.too_tall)
        self._mended = {}  # (Sizes.unmended)
        self._counts = {}  # (Sizes.title_count)
        self.setter = Typesetter(template, fonts, 1, 1, cache)  # sets one-off text
        self.heads = Heads()  # (the heads its flows set, shared by those set alike)
        # (columns, limit, the plan's headline size) → the article without pictures laid
        # out in a module so wide and tall (None: too low for it), what `options` weighs:
        # the same under every bound on the headline and option refused that leave its size
        self._fills: dict[tuple[int, int, float | None], Fill | None] = {}
        # (the last two articles `shape` was asked of, with their bodies' blocks, parts
        # and shapes: ArticleFlow.body_shape)
        self._shapes: list[tuple[Article, list, list, tuple | None]] = []
        # the flow's measures made of it (a head, the body's need, a fill, a module
        # settled: settle.adjust), for tests of what a kept make-up measures again
        self.measured = 0

    # -- what the article looks like at a width -------------------------------------------

    def plan(self, columns: int, lines: int, config: Config, first_column: int = 1,
             first_line: int | None = None, pictures: bool = True) -> ArticlePlan:
        """The article in a module of `columns` × `lines`, set as `config` says (without
        any picture when not `pictures`: what its head takes is all that is asked)."""
        first_line = self.area.first_line if first_line is None else first_line
        images: tuple[Image, ...] | None = None  # (the article's own)
        if not pictures:
            images = ()
        elif self.pictures:  # (a plan that only measures has no picture sizes yet: none)
            images = tuple(i for i in self.article.images if i.placed)
            if config.heights:
                top = self.head_lines(columns, config) or 0
                images += placed_images(self, columns, lines - top, top, config)
        h = self.article.headline
        return ArticlePlan(
            self.article, self.index, first_column, first_column + columns - 1, first_line,
            first_line + lines - 1, head_extra=config.extra,
            head_size=config.size if h is not None and config.size and not h.size else None,
            # (beside a picture, the group spans the columns the first picture leaves)
            head_columns=(1, columns - config.beside) if h is not None and config.beside
            else None, pictures=images, head_drop=config.drop)

    def flow(self, plan: ArticlePlan) -> ArticleFlow:
        return ArticleFlow(plan, self.t, self.fonts, self.cache, self.heads)

    def need(self) -> int:
        """Grid cells the body takes (the flow's estimate, without column feet)."""
        if self._need is None:
            self._need = self.flow(self.plan(1, self.area.lines, Config(None))).body_need()
            self.measured += 1
        return self._need

    def need_at(self, columns: int, size: float | None) -> int:
        """Grid cells the body takes at this width, set by the flow without the pictures:
        the estimate plus what column feet cost it (a box or subhead moved on)."""
        key = (columns, size)
        if key not in self._needs:
            base = Config(size)
            found = self.head_lines(columns, base)
            top = found or 0
            # a head across all the columns (no vertical title, no `columns:`) leaves the
            # body the same cells at every size that takes as many lines (what the body
            # meets of it is its lines: its text and boxes stand above them)
            h = self.article.headline
            seat = (columns, top) if found is not None and (
                h is None or not (h.columns or h.vertical)) else None
            need = self._seated.get(seat) if seat is not None else None
            if need is None:
                plan = self.plan(columns, self.area.lines, base)
                need = measure_need(self.flow(plan), top, self.need())
                self.measured += 1
                if seat is not None:
                    self._seated[seat] = need
            self._needs[key] = need
        return self._needs[key]

    def caption_lines(self, image: Image, columns: int) -> int:
        if not image.caption:
            return 0
        return len(self.setter.set_text(image.caption, self.t.styles["caption"],
                                        self.width_pt(columns), True, words=True))

    def head_lines(self, columns: int, config: Config) -> int | None:
        """Grid lines the headline group, byline and note take at this width (None: the
        note does not fit the area): its measure's, or where it has none yet, its head's
        lines alone (the head set for it is kept: `flow.Heads`), all that the sizes a
        headline is tried at and set down to (`heads.floor`) mostly ask."""
        key = self.head_key(columns, config)
        if key in self._heads:
            found = self._heads[key]
            return None if found is None else found.measure.lines
        if key not in self._head_lines:
            plan = self.plan(columns, self.area.lines, config.pictured((), ()),
                             pictures=False)
            self._head_lines[key] = measure_head_lines(self.flow(plan))
        return self._head_lines[key]

    def head_blank(self, columns: int, config: Config) -> float:
        """What the blank beside the headline group, byline and note costs: runs of
        BLANK_RUN lines or more down one of its columns, as holes where a run is as tall
        as a hole."""
        found = self.head(columns, config)
        return 0.0 if found is None else found.blank

    def head(self, columns: int, config: Config) -> Headed | None:
        """The head's measure at this width, set as `config` says, and what the blank
        beside it costs (`Headed`); None: the head does not fit the area."""
        key = self.head_key(columns, config)
        if key not in self._heads:
            plan = self.plan(columns, self.area.lines, config.pictured((), ()),
                             pictures=False)
            measured = measure_head(self.flow(plan))
            self.measured += 1
            if measured is None:
                self._heads[key] = None
                return None
            # blank beside the band: runs of BLANK_RUN lines or more down a column (a
            # kicker shorter than the main title leaves a line or two: no hole); a blank
            # as tall as a reader's eye takes for a hole (holes.HOLE_MM) costs as one,
            # shorter air beside a headline a little; a run over the group (a drop, a
            # band's air) is seen with the blank line of the rule over the module
            blank = 0.0
            square = hole_lines(self.t)
            for seen, run in [(run, run) for run in measured.blanks] + [
                    (seen_over(run), run) for run in measured.over]:
                blank += run * (HOLE if seen >= square else
                                HEAD_BLANK if run >= BLANK_RUN else 0.0)
            self._heads[key] = Headed(measured, blank)
        return self._heads[key]

    def head_key(self, columns: int, config: Config) -> tuple[int, float | None, int, int, int]:
        """All of `config` the head at this width reads: its size, air and the columns of a
        picture beside it (air it does not read as none: `flow.air_read`, the same head)."""
        extra, drop = air_read(self.article.headline, config.extra, config.drop)
        return columns, config.size, extra, config.beside, drop

    @property
    def step_cost(self) -> float:
        """What a step down the headline ladder costs: the lead's far more (a lead whose
        headline shrinks to fit a narrow module is no lead: a wider module is better)."""
        return LEAD_STEP if self.lead else STEP_DOWN

    @property
    def least_columns(self) -> int:
        """The fewest columns the article may be set in: those its headline or a picture
        placed by hand is given (counted in the article's own columns), or a picture is
        asked to be wide (`width:`)."""
        h = self.article.headline
        return max([1, h.columns[1] if h and h.columns else 1,
                    *(i.last_column for i in self.article.images
                      if i.placed and i.last_column is not None),
                    *(i.width for i in self.pictures if i.width)])

    @property
    def vertical(self) -> str | None:
        """The side ("right", "left") of the strip the article's headline is set in
        vertically (竖排); None for a horizontal headline."""
        return self.article.headline.vertical if self.article.headline else None

    def strip(self, columns: int, config: Config) -> tuple[int, int]:
        """Lines a vertical title's strip takes below the body's first line, and its
        columns ((0, 0): none)."""
        found = self.head(columns, config)
        return (0, 0) if found is None else (found.measure.strip, found.measure.strip_columns)

    # -- the heights it can take ---------------------------------------------------------

    def options(self, columns: int, limit: int) -> dict[int, tuple[float, Config]]:
        """Module heights (at most `limit` lines) at which the article fills `columns`
        columns, each with its cost and how it is set."""
        if columns < self.least_columns:
            return {}
        size, steps = self.headline(columns)
        base = Config(size)
        top = self.head_lines(columns, base)
        if top is None:
            return {}
        cost = steps * self.step_cost + self.too_tall(columns)
        if self.pictures:
            return picture_ways(self, columns, limit, size, top, cost)
        plan = self.plan(columns, limit, base)
        fill = self.fill(plan, columns, limit, top)
        if fill is None or fill.over is not None:
            return {}
        height = fill.bottom - plan.first_line + 1
        if height - top < MIN_LEG and columns > 1:
            return {}
        # a leg of text shorter than MIN_LEG (the last column's, mostly): not at this width
        stub, thin = short_legs(fill)
        if stub and columns > 1:
            self._stubby[(columns, self.cap)] = height  # (when nothing fits, only below it)
            return {}
        # a short story spread over more columns than it gives five lines each: thinner
        # legs than a reader would call a column (allowed, but a narrower width is better)
        short = HOLE * short_lines(fill, plan, fill.bottom) + (
            THIN * thin if columns > 1 else 0.0)
        out: dict[int, tuple[float, Config]] = {}
        # the headline a step or two smaller: its band a line or so shorter, the body the
        # same (more heights for modules to meet at)
        h = self.article.headline
        for size, steps in [(size, steps), *(self.smaller(size, steps)
                                             if h and not h.columns else ())]:
            sized = base.sized(size)
            band = self.head_lines(columns, sized) if size != base.size else top
            if band is None:
                continue
            at = height - top + band
            for extra in range(MAX_HEAD_EXTRA + 1):
                if at + extra > limit:
                    break
                blank = self.head_blank(columns, sized.with_extra(extra))
                score = steps * self.step_cost + short + blank + extra * EXTRA \
                    + self.too_tall(columns)
                self.offer(out, columns, at + extra, score, sized.with_extra(extra))
        return out

    def fill(self, plan: ArticlePlan, columns: int, limit: int, top: int) -> Fill | None:
        """The article without pictures laid out balanced in `plan`'s module (`columns` ×
        `limit`, its headline band `top` lines); None when it is too low for it."""
        key = (columns, limit, plan.head_size)  # (all that tells its plans apart)
        if key not in self._fills:
            hint = plan.first_line + top + math.ceil(self.need() / columns) - 1
            self.measured += 1
            try:
                self._fills[key] = measure_fill(self.flow(plan), hint)
            except TooLow:
                self._fills[key] = None
        return self._fills[key]

    def offer(self, out: dict[int, tuple[float, Config]], columns: int, height: int,
              cost: float, config: Config) -> None:
        """Keep in `out` the cheapest way to fill `height` lines that was not refused."""
        if (height, config) not in self.refused.get(columns, NONE_REFUSED) and (
                height not in out or cost < out[height][0]):
            out[height] = (cost, config)

    def refuse(self, columns: int, limit: int, height: int, config: Config) -> None:
        """The flow did not bear out `config` at `height` lines: forget it (and, on the
        re-divided grid, its variant's), so that the options offer the next way."""
        self.refused[columns] = self.refused.get(columns, NONE_REFUSED) | {(height, config)}
        if config.divide:
            variant = self.variant(columns)
            if variant is not None:
                variant.refuse(config.divide, limit, height, config.divided(0))

    def afresh(self) -> None:
        """As made, for another render (`makeup.Kept`): no option refused, no bound on
        its headline; what it measured is kept (keyed by all it reads of these)."""
        self.refused.clear()
        self.cap = None
        self.rank_cap = None  # (a bound an earlier render's rounds set: not a fresh one's)
        for variant in self._variants.values():
            if variant is not None:
                variant.afresh()

    def rebodied(self, article: Article) -> None:
        """The article with another body (only its blocks differ): what it measured of
        its head and pictures is kept (none of it reads the body), of its body let go."""
        self.article = article
        self._need = None
        self._needs, self._seated, self._fills, self._stubby = {}, {}, {}, {}
        self._options, self._divided = {}, {}
        for variant in self._variants.values():
            if variant is not None:
                variant.rebodied(article)

    def reworded(self, article: Article) -> None:
        """The article with other words in a body of the same shape (`shape`): all it
        measured and settled holds (none of it reads more of the body than its shape), the
        plans it makes are of `article`."""
        self.article = article
        for variant in self._variants.values():
            if variant is not None:
                variant.reworded(article)

    def measures(self) -> int:
        """The flow's measures made of the article (`measured`), on its re-divided grids
        too."""
        total = self.measured
        for variant in self._variants.values():
            if variant is not None:
                total += variant.measures()
        return total

    def same_shape(self, article: Article) -> bool:
        """Whether the body of `article` (of this article's head, another body) has the
        shape of this one's (`ArticleFlow.body_shape`: all the make-up reads of it) on this
        grid and on each re-divided one it was measured on; the first that differs ends
        the comparison."""
        mine = self.shape(self.article)
        if mine is None or self.shape(article) != mine:
            return False
        return all(v.same_shape(article) for v in self._variants.values() if v is not None)

    def shape(self, article: Article) -> tuple | None:
        """The shape of the body of `article` on this grid (None: more of it is read, a
        body that may pass the page's cells); the last two asked remembered, and the parts
        of this article's shape taken again for the blocks `article` has alike."""
        known: tuple[list, list] = ([], [])
        for found, blocks, parts, shape in self._shapes:
            if found is article:
                return shape
            if found is self.article:
                known = (blocks, parts)
        plan = replace(self.plan(1, self.area.lines, Config(None)), article=article)
        blocks, parts, out = self.flow(plan).body_shape(known)
        self._shapes = [(article, blocks, parts, out), *self._shapes[:1]]
        return out

    def cached_options(self, columns: int, limit: int) -> dict[int, tuple[float, Config]]:
        """`options`, remembered (by all they depend on: the bound on the headline and
        the options refused at this width); with 破栏 variants when the article may be
        re-divided."""
        key = (columns, limit, self.cap, self.refused.get(columns, NONE_REFUSED))
        if key not in self._options:
            out = dict(self.options(columns, limit))
            for height, (cost, config) in self.divided_options(columns, limit).items():
                self.offer(out, columns, height, cost, config)
            self._options[key] = out
        return self._options[key]

    def divided_options(self, columns: int, limit: int) -> dict[int, tuple[float, Config]]:
        """The cheapest re-divided (破栏) way of each height, when the article may be
        (remembered as `cached_options`: its variant's refused come through `refuse`)."""
        key = (columns, limit, self.cap, self.refused.get(columns, NONE_REFUSED))
        if key not in self._divided:
            variant = self.variant(columns) if self.may_divide else None
            out: dict[int, tuple[float, Config]] = {}
            if variant is not None:
                count = variant.area.columns
                for height, (cost, config) in variant.cached_options(count, limit).items():
                    self.offer(out, columns, height, cost + DIVIDE,
                               config.divided(count))
            self._divided[key] = out
        return self._divided[key]

    def variant(self, columns: int) -> Candidate | None:
        """The article on `columns` base columns re-divided (破栏), as a candidate on a grid
        of its own; None when no division suits."""
        if columns not in self._variants:
            measure = divided(self.t, columns)
            variant = None
            if measure is not None:
                count, width, gutter = measure
                own = replace(self.t, columns=count, column_width=width, gutter=gutter)
                variant = Candidate(self.index, self.article, own, self.fonts, self.cache,
                                     Area(1, count, self.area.first_line, self.area.last_line),
                                     self.rank, self.size_headline)
                variant.lead, variant.alone = self.lead, self.alone
            self._variants[columns] = variant
        return self._variants[columns]

    def squeezed(self, columns: int, limit: int, entries: dict) -> dict:
        """When nothing fits: heights below the least the article fills, the text that
        does not fit costed as overflow (the flow reports it), on a lattice of lines
        common to all articles so that modules side by side can meet; the blank beside
        its head costed as in `options` (without it, a headline across the module over a
        picture a column wide, its kicker and title short, left a hole of nine lines
        beside them that no cost saw: the guide's nameplate_block page)."""
        if columns < self.least_columns:
            return {}
        size, steps = self.headline(columns)
        top = self.head_lines(columns, Config(size))
        if top is None:
            return {}
        need = self.need()
        out: dict[int, tuple[float, Config]] = {}
        step = max(1, limit // 12)  # a page that does not fit: a coarse search will do
        below = min(entries) if entries else self._stubby.get((columns, self.cap), limit + 1)
        config = Config(size) if not self.pictures else smallest(self, Config(size))
        # (the pictures' stacks as small as they go, and a leg of text beside them)
        stacks = [sum(h + picture_block(self, i, w)[1] + 1 for i, w, h in
                      list(zip(self.pictures, config.widths, config.heights))[side::2])
                  for side in (0, 1)]
        head = self.head_blank(columns, config)
        for h in range(limit, top + MIN_LEG - 1, -step):
            if h >= below or (self.pictures and h < top + max(stacks) + MIN_LEG):
                continue
            over = max(0, need - columns * (h - top))
            blank = max(0, columns * (h - top) - need)
            self.offer(out, columns, h, OVERFLOW * over / columns + HOLE * blank
                       + self.too_tall(columns) + head, config)
        return out


def short_lines(fill: Fill, plan: ArticlePlan, bottom: int) -> int:
    """Lines of the module's columns left blank at their feet beyond SHORT_OK."""
    return fill.blank_feet(plan.first_line, bottom, SHORT_OK)


def short_legs(fill: Fill) -> tuple[int, int]:
    """Legs of text shorter than MIN_LEG lines down the module's columns (a stub under a
    headline or a picture, or a last leg): (the stubs, which an article too short to give
    each of its columns MIN_LEG lines may have; all of them, thin legs included)."""
    legs = fill.legs()
    short = sum(1 for _, first, last in legs if last - first + 1 < MIN_LEG)
    too_short = sum(last - first + 1 for _, first, last in legs) < MIN_LEG * len(fill.columns)
    return (0 if too_short else short), short


