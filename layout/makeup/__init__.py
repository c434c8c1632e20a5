"""Make-up (组版): where each article goes and how big its pictures are, so the page is full.

Articles the manifest pins (`slot:` or `region:`) stay where the designer put them; the
others are arranged in the rectangle of the grid the pinned ones leave. Each gets a module:
whole base columns × whole grid lines, and the modules tile that rectangle exactly, a blank
line (with a rule through it) between modules stacked in a column and a rule in the gutter
between modules side by side.

The search is over guillotine (slicing) layouts that keep the manifest's order as the
reading order: a rectangle holding articles i..j is either one article, or cut across (the
earlier articles above) or down (the earlier ones to the left). For every range of articles
and every width, a dynamic programme keeps the cheapest layout of each height, so the best
tiling of the whole rectangle is found, not the first that fits. An article's height at a
width comes from the flow itself (exact line counts; its paragraphs are broken once and
shared by every trial). What makes modules meet exactly:

* pictures the manifest gives no place are sized here: k of the module's columns each, as
  tall as their own proportions give at that width, cropped by at most CROP to land on
  whole lines, never stretched; the first at the top right (under or beside the
  headline), the second on the foot at the left, further ones stacked on those;
* the headline group's band may take up to MAX_HEAD_EXTRA more lines of air;
* headlines are sized by rank (the lead's the largest on the page, every other a step
  below it at the least, none larger than one ranked before it) and take no more than two
  lines where any size allows;
* the lead of a page of several articles may be set in re-divided columns (破栏).

Text is never cut or spaced out to fill. Where no tiling fills the rectangle the cheapest one
is taken, and the flow reports the hole or the overflow it leaves.
"""
from __future__ import annotations

from dataclasses import replace

from ..collector import collector_paused
from ..errors import LayoutError
from ..flow import Laid, TextCache
from ..fonts import FontSet
from ..model import Article, ArticlePlan, Issue, PagePlan, Rule, Template
from .candidate import Candidate
from .pictures import smallest
from .shapes import Area, Choice, Config, Made
from .costs import FAR, GOOD, OVERFLOW, SETTLE_ROUNDS, SHORT, UNORDERED
from .settle import (Known, TreeSettled, bound_headlines, ordered_headlines, repair_tree,
                     room_for, settle_article, settle_tree)
from .placed import butting, rules
from .tiling import Memo, arrange

__all__ = ["Area", "Candidate", "Config", "Kept", "free_area", "make_up"]


def free_area(template: Template, pinned: list[ArticlePlan], origin) -> Area:
    """The rectangle of the grid under the banner that the pinned articles leave. The
    blank line between two pinned modules stacked in a column (where the make-up drew its
    rule) belongs to neither, nor to the room: an article unpinned under a rule that runs
    across more columns than its own (`layout pin`, then its `region:` taken off) is made
    up in the rectangle its module had."""
    t = template
    top = 1 + (t.banner.lines if t.banner else 0)
    taken = {(c, line) for p in pinned for c in range(p.first_column, p.last_column + 1)
             for line in range(p.first_line, p.last_line + 1)}
    free = [(c, line) for c in range(1, t.columns + 1) for line in range(top, t.grid_lines + 1)
            if (c, line) not in taken]
    if not free:
        raise LayoutError("the pinned articles (slot: or region:) leave no room for the "
                          "others", origin.file, origin.line,
                          hint="give every article a place, or pin fewer")
    area = _bounds(free)
    if len(free) != area.columns * area.lines:
        ends = {(c, p.last_line) for p in pinned for c in range(p.first_column,
                                                                 p.last_column + 1)}
        starts = {(c, p.first_line) for p in pinned for c in range(p.first_column,
                                                                   p.last_column + 1)}
        room = [(c, line) for c, line in free
                if not ((c, line - 1) in ends and (c, line + 1) in starts)]
        if room and len(room) == _bounds(room).columns * _bounds(room).lines:
            return _bounds(room)
        inside = [f"article {p.index + 1} (columns {p.first_column}-{p.last_column}, lines "
                  f"{p.first_line}-{p.last_line})" for p in pinned
                  if p.first_column <= area.last_column and area.first_column <= p.last_column
                  and p.first_line <= area.last_line and area.first_line <= p.last_line]
        raise LayoutError(
            f"the pinned articles leave a room that is not a rectangle (free cells in columns "
            f"{area.first_column}-{area.last_column}, lines {area.first_line}-"
            f"{area.last_line}, but {', '.join(inside)} stand(s) in it)", origin.file,
            origin.line,
            hint="the make-up places the articles without a region in one rectangle: give "
                 "those a region too, or take the region off the pinned one(s) named, or pin "
                 "across whole columns or whole lines")
    return area


def _bounds(cells: list[tuple[int, int]]) -> Area:
    """The smallest rectangle that holds these (column, line) cells."""
    cols = [c for c, _ in cells]
    lines = [line for _, line in cells]
    return Area(min(cols), max(cols), min(lines), max(lines))


def make_up(issue: Issue, template: Template, fonts: FontSet,
            pinned: list[ArticlePlan | None], cache: TextCache | None = None,
            kept: Kept | None = None) -> PagePlan:
    """Place the articles the manifest did not pin (None in `pinned`) and size every
    picture that has no place yet; `cache` keeps the text broken on the way, `kept` what
    an earlier make-up of the page measured and settled (`Kept`). The cyclic collector
    waits while it runs: its trials make and free hundreds of thousands of objects, none
    in a reference cycle (tests/test_speed.py), so its walks over them found nothing to
    free (~5-8 % of the make-up's time, with the batch's seldom collections)."""
    with collector_paused():
        return _made_up(issue, template, fonts, pinned, cache, kept)


def _made_up(issue: Issue, template: Template, fonts: FontSet,
            pinned: list[ArticlePlan | None], cache: TextCache | None,
            kept: Kept | None) -> PagePlan:
    """What `make_up` does, with the cyclic collector as `make_up` leaves it."""
    t = template
    cache = TextCache() if cache is None else cache
    fixed = [p for p in pinned if p is not None]
    plans: list[ArticlePlan | None] = [sized_pinned(p, t, fonts, cache) if p is not None
                                       and any(not i.placed for i in p.article.images) else p
                                       for p in pinned]
    # (in the page's order: an article's `rank:`, else its place in the manifest)
    free = [i for i in issue.ranked() if pinned[i] is None]
    if not free:
        return PagePlan(issue, t, every_one(plans))
    first = issue.articles[free[0]]
    if any(p.below is not None for p in fixed):
        raise LayoutError("articles stacked with `below:` cannot share a page with articles "
                          "the make-up places", first.origin.file, first.origin.line,
                          hint="give every article a slot or region, or none of them")
    area, parting = parted(free_area(t, fixed, first.origin), fixed, issue.rules)
    clear_of_rules(area, issue.rules)
    room_for(issue, t, free, area)
    for index in free:
        within(issue.articles[index], area.columns,
               f"the make-up places articles in columns {area.first_column}-"
               f"{area.last_column}")
    candidates = candidates_of(issue, t, fonts, cache, area, free, bool(fixed))
    search = _Search(candidates, area)
    # (the last make-up's page, when it was made of these very candidates, as it would
    # be made again)
    best = kept.into(search, (t, fonts, cache, area)) if kept is not None else None
    if best is None:
        best = search.rounds()
    if best is None:
        raise LayoutError(f"the make-up found no arrangement of the {len(candidates)} "
                          f"articles in columns {area.first_column}-{area.last_column}, "
                          f"lines {area.first_line}-{area.last_line}",
                          first.origin.file, first.origin.line,
                          hint="move some articles to another page, or shorten them")
    for plan in best.plans:
        plans[plan.index] = plan
    if kept is not None:
        kept.keep(search, best)
    return PagePlan(issue, t, every_one(plans), tuple(rules(parting + best.cuts, t)),
                    search.laid(plans))


def clear_of_rules(area: Area, drawn: tuple[Rule, ...]) -> None:
    """Refuse, at its line, a rule of `rules:` that runs through the area the make-up
    places articles in (one `layout pin` wrote, left when the regions around it were taken
    off): it would print across the made-up modules."""
    for r in drawn:
        if r.runs_through(area.first_column, area.last_column, area.first_line,
                          area.last_line):
            raise LayoutError(
                f"a rule of `rules:` ({r.where()}) runs through the part of the page the make-up places "
                f"articles in (columns {area.first_column}-{area.last_column}, lines "
                f"{area.first_line}-{area.last_line}): it would print across them",
                r.origin.file, r.origin.line,
                hint="delete it (the make-up draws the rules between the modules it "
                     "places), or give the articles there regions")


def parted(area: Area, pinned: list[ArticlePlan], drawn: tuple[Rule, ...],
           ) -> tuple[Area, list]:
    """The made-up area parted from the pinned modules beside it as the make-up parts its
    own: by a blank line with a rule through it above or below (the area gives up that
    line), by a rule down the gutter at its side; with the rules (as the make-up's cuts)
    that the manifest's own `rules:` (`drawn`) do not draw already. A pinned module whose
    first line is the manifest's rule (a jump's rest, its band's air under the rule) is
    parted already."""
    across = {(r.line, c) for r in drawn if r.across
              for c in range(r.column, r.column + r.columns)}
    down = {(r.column, line) for r in drawn if not r.across
            for line in range(r.line, r.line + r.lines)}
    columns = range(area.first_column, area.last_column + 1)
    first, last = area.first_line, area.last_line
    cuts: list = []

    def beside(p: ArticlePlan) -> bool:  # (sharing columns with the area)
        return p.first_column <= area.last_column and area.first_column <= p.last_column

    if any(beside(p) and p.last_line == first - 1 for p in pinned):
        first += 1
        if not all((first - 1, c) in across for c in columns):
            cuts.append((True, area.first_column, first - 1, area.columns, 1))
    if any(beside(p) and p.first_line == last + 1 and not all(
            (p.first_line, c) in across for c in columns) for p in pinned):
        last -= 1
        if not all((last + 1, c) in across for c in columns):
            cuts.append((True, area.first_column, last + 1, area.columns, 1))
    lines = range(first, last + 1)
    for column, side in ((area.first_column, lambda p: p.last_column == area.first_column - 1),
                         (area.last_column + 1, lambda p: p.first_column == area.last_column + 1)):
        if any(side(p) and p.first_line <= last and first <= p.last_line for p in pinned) \
                and not all((column, line) in down for line in lines):
            cuts.append((False, column, first, 1, last - first + 1))
    return Area(area.first_column, area.last_column, first, last), cuts


def candidates_of(issue: Issue, t: Template, fonts: FontSet, cache: TextCache, area: Area,
                free: list[int], pinned: bool) -> list[Candidate]:
    """The articles the make-up places, in the page's order, the first the lead (unless
    the manifest pins some: then none leads)."""
    candidates = [Candidate(index, issue.articles[index], t, fonts, cache, area,
                            rank if not pinned else rank + 1)
                  for rank, index in enumerate(free)]
    # the lead of a page of several articles may be re-divided (破栏), which also keeps a
    # reader from running on down its gutters into the articles under it
    candidates[0].may_divide = len(candidates) > 2
    candidates[0].lead = not pinned
    candidates[0].alone = len(candidates) == 1
    return candidates


class Kept:
    """What a page's make-up keeps for the next make-up of the page (`render --watch`:
    pipeline.Kept): each article's `Candidate`, with all it measured (its options, heads,
    fills, needs), and the modules the search settled (`settle.Known`: by leaf and place,
    with the layouts of the last settled), by all they are made from: the template, fonts
    and text cache, the area, and of each article its content, index, rank and role (lead,
    alone, re-divisible). An edit of one article measures and settles that article again
    and no other; the search itself (the tilings, the rounds) runs as in a fresh process,
    every candidate taken back to as it was made (`Candidate.afresh`), so the page is the
    one a fresh process makes. What the last make-up did not use is let go."""

    def __init__(self) -> None:
        self.page: tuple = ()  # (template, fonts, text cache, area)
        # by `head_key`: a candidate of the same article (`candidate_key` tells whether
        # of the same body too)
        self.candidates: dict[tuple, Candidate] = {}
        self.known = Known()
        # candidates taken from the last make-up as they were, and with another body
        # (for tests)
        self.reused = 0
        self.rebodied = 0
        self.reworded = 0  # (with other words in a body of the same shape)
        self.made: Made | None = None  # the page the last make-up made of `candidates`
        self.made_kept = 0  # (pages given again whole: for tests)

    def into(self, search: _Search, page: tuple) -> Made | None:
        """Give `search` the candidates the last make-up made alike (and what it settled
        of them), or of the same article with other words in a body of the same shape
        (`Candidate.reworded`: all it measured and settled), or with another body
        (`Candidate.rebodied`: what it measured of its head and pictures); the rest of
        what was kept is let go. When every candidate is one of the last make-up's, as
        it was or reworded, its page (of the new articles): the rounds would make it
        again, as they read nothing else."""
        if self.made is None or len(page) != len(self.page) or any(
                a is not b and a != b for a, b in zip(page, self.page)):
            # (none made: the last make-up failed after its candidates were changed,
            # or none was made on this page)
            self.page, self.candidates, self.known, self.made = page, {}, Known(), None
        made, self.made = self.made, None  # (given again once: `keep` keeps the next)
        reused: set[int] = set()
        reworded: dict[int, Article] = {}
        self.rebodied = 0
        fresh = search.candidates
        for n, candidate in enumerate(fresh):
            found = self.candidates.get(head_key(candidate))
            if found is None:
                continue
            if candidate_key(found) == candidate_key(candidate):
                reused.add(found.index)
            elif found.same_shape(candidate.article):
                found.reworded(candidate.article)
                reworded[found.index] = candidate.article
            else:
                found.rebodied(candidate.article)
                self.rebodied += 1
            found.afresh()
            fresh[n] = found
        search.by_index = {c.index: c for c in fresh}
        self.reused = len(reused)
        self.reworded = len(reworded)
        search.known.seed(self.known, reused, reworded)
        if made is None or len(fresh) != len(self.candidates) \
                or len(reused) + len(reworded) != len(fresh):
            return None
        self.made_kept += 1
        return Made(made.total, [replace(p, article=reworded[p.index])
                                 if p.index in reworded else p for p in made.plans],
                    made.cuts)

    def keep(self, search: _Search, made: Made) -> None:
        """What `search` made and settled, and the page it made, for the next make-up."""
        self.candidates = {head_key(c): c for c in search.candidates}
        self.known = search.known
        self.made = made


def candidate_key(c: Candidate) -> tuple:
    """All a candidate is made from besides the page's template, fonts, cache and area."""
    return (c.index, c.article, c.rank, c.size_headline, c.may_divide, c.lead, c.alone)


def head_key(c: Candidate) -> tuple:
    """`candidate_key` without the article's body (its blocks)."""
    return (c.index, replace(c.article, blocks=()), c.rank, c.size_headline, c.may_divide,
            c.lead, c.alone)


class _Search:
    """The make-up's rounds: a tiling chosen (`choose`), laid out (`settled`), and the
    options the flow did not bear out forgotten for the next round (`forget`)."""

    def __init__(self, candidates: list[Candidate], area: Area):
        self.candidates = candidates
        self.area = area
        self.by_index = {c.index: c for c in candidates}
        self.memo = Memo()  # the search's tables, by all they depend on (tiling.arrange)
        # (a search that tiles the area exactly: once none does, none will, as the rounds
        # only take options away)
        self.exact = True
        self.leads = list(range(area.columns, 0, -1))
        # modules settled, by leaf and place: the same in every round (what a round
        # refuses changes the options, not how a module settles)
        self.known = Known()

    def rounds(self) -> Made | None:
        """The best page of the rounds (None: no tiling found)."""
        best: Made | None = None
        for _ in range(SETTLE_ROUNDS):
            choice = self.choose()
            if choice is None:
                break
            total, settled, cuts, failed = self.settled(choice)
            ordered = ordered_headlines(settled, self.by_index)
            # (what the flow leaves blank or over, and the 碰题 and the hierarchy the
            # search weighed too)
            total += butting(ordered.plans, self.by_index) + UNORDERED * ordered.left
            if best is None or total < best.total:
                best = Made(total, ordered.plans, cuts)
            bounded = self.bound(ordered.bounds)
            if not failed and not bounded:
                break
            self.forget(failed)  # try again without the options the flow did not bear out
        return best

    def choose(self) -> Choice | None:
        """The cheapest tiling of a round: the lead widest of all, the
        widest lead that makes up a good page; a tiling that leaves text over or lines
        empty (squeezed) only when none fills the area. A lead width whose headline no
        other can be set below pays for it (`bound_headlines`)."""
        candidates, choice = self.candidates, None
        for squeeze in (False, True) if self.exact else (True,):
            costs: dict[int, float] = {}
            for lead in self.leads:
                unequal = bound_headlines(candidates, lead)
                found = arrange(candidates, self.area, lead, squeeze, self.memo)
                if found and unequal:
                    found = Choice(found.cost + unequal, found.tree, found.height)
                if found:
                    costs[lead] = found.cost
                if found and (choice is None or found.cost < choice.cost):
                    choice = found
                if choice is not None and choice.cost <= GOOD * len(candidates):
                    break
            if choice is not None and len(costs) > 1:
                # (the next rounds only take options away: a lead width far dearer than
                # the best is not tried again)
                self.leads = [lead for lead in self.leads if lead not in costs
                              or costs[lead] <= FAR * choice.cost]
            if choice is not None:
                return choice
            self.exact = False
        return None

    def settled(self, choice: Choice) -> TreeSettled:
        """The chosen tiling laid out (`TreeSettled`). A tiling shorter than the area gives its
        foot the lines left over: the modules at the bottom grow (their pictures may take
        them) rather than leave a band empty; where they cannot, the tiling keeps its
        height, a line or two short. Text left over moves the boundaries between
        modules (`repair_tree`)."""
        _, tree, height = choice
        area, by_index = self.area, self.by_index
        total, settled, cuts, failed = settle_tree(tree, area, area.lines, by_index,
                                                   self.known)
        if height < area.lines:
            short = settle_tree(tree, area, height, by_index, self.known)
            if short.total + SHORT * (area.lines - height) * area.columns < total:
                # the modules on the foot reach it all the same, their text balanced as
                # it was set (a line or two short: no hole) and their pictures where they
                # were, so that the modules tile the area
                total, settled, cuts, failed = short
                foot = area.first_line + height - 1
                settled = [replace(p, last_line=area.last_line) if p.last_line == foot
                           else p for p in settled]
                cuts = [(across, column, line, columns, area.last_line - line + 1)
                        if not across and line + lines - 1 == foot
                        else (across, column, line, columns, lines)
                        for across, column, line, columns, lines in cuts]
        if total >= OVERFLOW:  # text left over: move the boundaries between modules
            total, settled, cuts, failed = repair_tree(
                tree, area, area.lines, by_index, TreeSettled(total, settled, cuts, failed),
                self.known)
        return TreeSettled(total, settled, cuts, failed)

    def laid(self, plans: list[ArticlePlan | None]) -> tuple[tuple[ArticlePlan, Laid], ...]:
        """The flow's layouts of those of `plans` settled as they are (not moved to the
        area's foot, nor re-headed since), for the final page to reuse."""
        return tuple((p, laid) for p in plans if p is not None
                     for laid in [self.known.laid_of(p)] if laid is not None)

    def bound(self, bounds: dict[int, float]) -> bool:
        """Bound the headlines a round left larger than one ranked before them under that
        size in the rounds to come (`Candidate.rank_cap`, read by `bound_headlines`):
        whether any bound is new."""
        new = False
        for index, size in bounds.items():
            c = self.by_index[index]
            if c.rank_cap is None or size < c.rank_cap:
                c.rank_cap, new = size, True
        return new

    def forget(self, failed: list) -> None:
        """Refuse the options of `failed` leaves the flow did not bear out (the search's
        tables made of them are not read again: they are kept by the options refused)."""
        for leaf in failed:
            self.by_index[leaf.index].refuse(leaf.columns, self.area.lines, leaf.height,
                                             leaf.config)


def within(article: Article, columns: int, where: str) -> None:
    """Refuse, at its line, a picture wider than the `columns` its article can have: the
    columns it may use are said (counted in the article's own columns from its first)."""
    for image in article.images:
        wide = image.width if not image.placed else image.last_column
        if wide is not None and wide > columns:
            asked = (f"a picture {wide} columns wide" if not image.placed else
                     f"picture columns {image.first_column}-{image.last_column}")
            raise LayoutError(
                f"{asked}: {where}, so the article has {columns} at the most", image.origin.file,
                image.origin.line,
                hint=(f"give it `width:` {columns} or less" if not image.placed else
                      f"give it columns within 1-{columns} (counted from the article's first "
                      "column)"))


def every_one(plans: list[ArticlePlan | None]) -> tuple[ArticlePlan, ...]:
    """The plans of a page, every article placed (a page never loses one quietly)."""
    placed = tuple(p for p in plans if p is not None)
    if len(placed) != len(plans):
        raise RuntimeError(f"articles left unplaced: {[i for i, p in enumerate(plans) if p is None]}")
    return placed


def sized_pinned(plan: ArticlePlan, t: Template, fonts: FontSet,
                 cache: TextCache) -> ArticlePlan:
    """A pinned article's pictures sized to fill its region, its `air:` and `divide:`
    kept (a divided article's pictures sized on its own columns; a region without air
    gets what the pictures' sizes leave, as a made-up module does)."""
    grid, first_column = t, plan.first_column
    area = Area(plan.first_column, plan.last_column, plan.first_line, plan.last_line)
    if plan.measure is not None:
        count, width, gutter = plan.measure
        grid, first_column = replace(t, columns=count, column_width=width, gutter=gutter), 1
        area = Area(1, count, plan.first_line, plan.last_line)
    within(plan.article, area.columns, f"its region is {area.columns} column(s) wide")
    candidate = Candidate(plan.index, plan.article, grid, fonts, cache, area, plan.index,
                          size_headline=False)
    options = {h: way for h, way in candidate.options(area.columns, area.lines).items()
               if way[1].extra == plan.head_extra or not plan.head_extra
               if not way[1].divide}
    if options:
        config = options[max(h for h in options if h <= area.lines)][1]
    else:
        h = plan.article.headline
        config = smallest(candidate, Config(h.size if h else None)).with_extra(
            plan.head_extra)
    settled = settle_article(candidate, area.columns, area.lines, config, first_column,
                             plan.first_line).plan
    return replace(settled, first_column=plan.first_column, last_column=plan.last_column,
                   measure=plan.measure, below=plan.below)
