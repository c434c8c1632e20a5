"""What any make-up could keep of a page through a one-paragraph edit (issue 21, point 5);
shared by bench/stability.py, bench/holding.py and tests/test_stability.py. The edits
themselves are made in tests/edits.py (`edit`, `changed`, `with_chars`; imported here too).

`bound(...)` asks of one edit whether every other module could keep its
rectangle. The make-up keeps no memory (a manifest gives one page), keeps pages full (holes
at most FULL of the grid's cells) and leaves no text over while the page has room (point
4); the modules tile the type area, so every other module keeps its rectangle only if the
edited one does too. So the edited article is set in its old rectangle with every
freedom the make-up has, the other modules as they were (`layout pin`'s page), and the edit
falls in one of these classes (`Bound.kind`):

* KEEPS: some setting fits it there with the page full, no leg of text under MIN_LEG
  lines and no more holes than the make-up's page of the edit: nothing forces a move;
* EMPTIER: some setting fits it with the page full (holes at most FULL), but each leaves
  more holes than the make-up's page of the edit (the rules force no move);
* STUB: some setting fits it with the page full, but each leaves a leg of text under
  MIN_LEG lines (guarantee 2 forbids it);
* NO_ROOM: it is left over at every setting, and so is text on the make-up's page of the
  edit (`layout fit`'s total: cut): a copyfit is the answer, nothing forces a move;
* ROOM: it is left over at every setting, while the make-up of the edited page sets all
  its text: point 4 forces a move;
* EMPTY: it fits but leaves the page not full at every setting, while the make-up of the
  edited page fills it: fullness forces a move;
* EMPTY_ANYWAY: as EMPTY, but the make-up's page is not full either: nothing forces a move.

A forced move changes the edited module's rectangle, and so one other module's at the
least (the lines it takes or gives are another's): of a page's n modules, n - 2 others
kept at the most; otherwise n - 1. `Bound.most` counts ROOM and EMPTY as forcing (the
rules as issue 21 states them: full is holes at most FULL; stubs allowed, so that it is
a bound); `Bound.most_tight` also EMPTIER and STUB.

The settings tried (`settings`, `aired`), every one the make-up could choose and more:
each headline size its rank allows (`sizes`: the lead's the ladder's top or LEAD_STEPS
below it, larger than every other headline; another's any size the make-up sets up to its
rank's on the ladder, under the lead's and under every made-up headline ranked before it
or standing above it), the first picture under the headline or beside it (any width that
leaves the headline two columns, the picture as tall as its band at the least), every
width of each picture the make-up allows (`wide_enough`; the lead's first picture two
columns at the least: guarantee 3) and every height within its crop, the pictures at most
half the module (`half`), the air in the headline band (0-2 lines) and over it (not the
lead's: 0, 2, 3 lines), and the lead re-divided (破栏) where the make-up may divide it.
The pictures stand where the make-up puts them (the first at the top right, the second at
the foot at the left): a place it never uses is not tried. A setting that leaves text over
is not tried with more air (more air only takes lines from the text); nothing else is
pruned. That the page has room, or can be full, is shown by the make-up's own page of
the edit: where it leaves text over (or holes) and some other arrangement would not, the
edit is counted as forcing nothing, so that `most` stays a bound."""
from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, replace
from pathlib import Path

from edits import PARAGRAPH, Edit, changed, edit, paragraph, sentences  # noqa: F401

LEAD_STEPS = 1  # steps down the ladder a lead's headline may take
FULL = 0.05  # a page is full when its holes take at most this share of its grid's cells

KEEPS, EMPTIER, STUB, NO_ROOM, ROOM, EMPTY, EMPTY_ANYWAY = (
    "keeps", "keeps, emptier", "keeps, a stub", "over, no room", "over, room", "not full",
    "not full anyway")
FORCED = (ROOM, EMPTY)  # by the rules: point 4, and full pages
FORCED_TIGHT = (ROOM, EMPTY, EMPTIER, STUB)  # and no stub, no page emptier than the make-up's


Rect = tuple[int, int, int, int]  # first column, last column, first line, last line


def rect(plan) -> Rect:
    return (plan.first_column, plan.last_column, plan.first_line, plan.last_line)


def neighbours(rects: dict[int, Rect], n: int) -> set[int]:
    """The modules sharing an edge with module n (side by side across a gutter, or
    stacked over the blank line between them)."""
    a0, a1, l0, l1 = rects[n]
    out = set()
    for i, (b0, b1, m0, m1) in rects.items():
        if i == n:
            continue
        columns = min(a1, b1) >= max(a0, b0)
        lines = min(l1, m1) >= max(l0, m0)
        if (columns and (m0 - l1 in (1, 2) or l0 - m1 in (1, 2))) or \
                (lines and (b0 - a1 == 1 or a0 - b1 == 1)):
            out.add(i)
    return out


@dataclass
class Bound:
    """What one edit allows: its class, the modules, what the make-up of the edited page
    keeps, and what the old rectangle gave at its best."""

    kind: str
    modules: int
    kept: int  # other modules the make-up of the edited page keeps
    own_kept: bool  # and whether it keeps the edited one's
    moved_far: int  # of the others it moves, those that are no neighbours of the edited one
    over: int  # characters left over at the setting that leaves least (0: one fits)
    holes: int  # cells of holes on the page at the fitting setting that leaves least
    settings: int  # settings laid out
    how: str = ""  # the setting that keeps the page (KEEPS)
    made_holes: int = 0  # cells of holes on the make-up's page of the edit
    full: int = 0  # the most cells of holes a full page has
    plan: object = None  # the edited article's plan in its old module that keeps the page

    @property
    def most(self) -> int:
        """The most other modules any make-up could keep through the edit."""
        return self.modules - 1 - (self.kind in FORCED)

    @property
    def most_rules(self) -> int:
        """The same, with no stub (guarantee 2) (and, with `ladder`, headlines on the
        ladder: guarantee 1)."""
        return self.modules - 1 - (self.kind in FORCED or self.kind == STUB)

    @property
    def most_tight(self) -> int:
        """The same, with no stub and no page emptier than the make-up's."""
        return self.modules - 1 - (self.kind in FORCED_TIGHT)


def sizes(c, plans, n: int, ranked: tuple[int, ...],
          strict: bool = False, on_ladder: bool = False) -> list[float | None]:
    """The headline sizes article n's rank allows (the module docstring says which), the
    size it had first, then those nearest it. `strict`: none smaller than a made-up
    headline ranked after it or standing under it in a column they share (else the make-up
    sets that one down too, in its band, its module where it was). A headline the make-up
    does not size (none, `size:`, vertical, filling its band) keeps the one it has."""
    from layout.makeup.shapes import ladder_sizes, settable_sizes  # noqa: PLC0415

    plan = next(p for p in plans if p.index == n)
    h = c.article.headline
    if h is None or h.size or h.fill or h.vertical:
        return [plan.head_size]
    settable = settable_sizes(c.t)
    made = {p.index: p.headline.size for p in plans if p.index != n and p.headline
            and p.headline.size and not (p.article.headline.size
                                         or p.article.headline.fill
                                         or p.article.headline.vertical)}
    if ranked[0] == n and len(plans) > 1:
        # (a step below the top where its text is left over: settle.py `_smaller_heads`)
        return [s for s in ladder_sizes(c.t)[:1 + LEAD_STEPS]
                if all(s > o for o in made.values())]
    ladder, start = c.ladder()
    upper = ladder[start]
    lead = next(p for p in plans if p.index == ranked[0])
    if lead.headline and lead.headline.size:
        upper = min(upper, max([s for s in settable if s < lead.headline.size],
                               default=min(settable)))
    before = ranked[:ranked.index(n)]
    bounds = [made[i] for i in before if i in made]
    bounds += [made[p.index] for p in plans if p.index in made
               and p.last_line < plan.first_line and p.first_column <= plan.last_column
               and plan.first_column <= p.last_column]
    upper = min([upper, *bounds])
    lower = 0.0
    if strict:
        after = ranked[ranked.index(n) + 1:]
        lower = max([0.0, *(made[i] for i in after if i in made),
                     *(made[p.index] for p in plans if p.index in made
                       and p.first_line > plan.last_line
                       and p.first_column <= plan.last_column
                       and plan.first_column <= p.last_column)])
    out = [s for s in settable if lower <= s <= upper]
    if on_ladder:  # (below the ladder's foot only where the make-up sets it so: narrow)
        own = c.headline(plan.last_column - plan.first_column + 1)[0] or 0.0
        out = [s for s in out if s >= min(ladder_sizes(c.t)[-1], own)]
    had = plan.headline.size if plan.headline else None
    return sorted(out, key=lambda s: abs(settable.index(s) - settable.index(had))
                  if had in settable else 0)


def settings(c, columns: int, lines: int, size_list, lead: bool, old=None):
    """Every setting (`Config`) of candidate `c` in a module `columns` × `lines`, by
    size, the first picture's place, widths and heights; air comes after (`aired`). Those
    nearest the plan `old` first (the pictures' widths and heights as they were)."""
    from layout.makeup.pictures import half, picture_block, wide_enough  # noqa: PLC0415
    from layout.makeup.shapes import Config  # noqa: PLC0415

    h = c.article.headline
    besides = [0]
    if c.pictures and h and columns > 1 and not h.columns and not c.article.section \
            and not h.vertical:
        besides += [b for b in range(1, columns // 2 + 1) if columns - b >= 2]
    widths_all = [tuple(ws) for ws in itertools.product(
        *[[i.width] if i.width else range(1, columns + 1) for i in c.pictures])]
    had = list(old.images[-len(c.pictures):]) if old is not None and c.pictures else []
    if len(had) == len(c.pictures):
        was = [i.last_column - i.first_column + 1 for i in had]
        tall = [i.lines for i in had]
        beside_was = columns - old.head_columns[1] if old.head_columns else 0
        besides.sort(key=lambda b: b != beside_was)
        widths_all.sort(key=lambda ws: sum(abs(w - v) for w, v in zip(ws, was)))
    else:
        tall = []
    for size in size_list:
        for beside in besides:
            for widths in widths_all:
                if beside and widths[0] != beside:
                    continue
                if not wide_enough(c, columns, widths) or (
                        widths and lead and columns >= 3 and widths[0] < 2
                        and not c.pictures[0].width):
                    continue  # (guarantee 3: a lead's picture two columns at the least)
                blocks = [picture_block(c, i, w)[0] for i, w in zip(c.pictures, widths)]
                if any(low > high for _, low, high in blocks):
                    continue
                # (a picture beside the headline is at least as tall as its band)
                band = c.head_lines(columns, Config(size, beside=beside)) if beside else 0
                caption = picture_block(c, c.pictures[0], widths[0])[1] if beside else 0
                for heights in sorted(itertools.product(*[range(low, high + 1)
                                                          for _, low, high in blocks]),
                                      key=lambda hs: sum(abs(h - v) for h, v in zip(hs, tall))):
                    config = Config(size, 0, widths, heights, beside)
                    if c.pictures and not half(c, columns, lines, config):
                        continue
                    if beside and (band is None or heights[0] + caption + 1 < band):
                        continue
                    yield config


def aired(config, lead: bool):
    """The setting with air: in the band (1-2 lines), over it (not the lead's)."""
    from layout.makeup.costs import DROPS, MAX_HEAD_EXTRA  # noqa: PLC0415

    for extra in range(MAX_HEAD_EXTRA + 1):
        for drop in (0, *(() if lead else DROPS)):
            if extra or drop:
                yield config.with_extra(extra).lowered(drop)


class Page:
    """A page as the make-up made it, and its modules' layouts, to set one article of it
    otherwise in its rectangle."""

    def __init__(self, path: Path, fonts):
        from layout.flow import TextCache  # noqa: PLC0415
        from layout.manifest import load_issue  # noqa: PLC0415
        from layout.pipeline import page_template, plan  # noqa: PLC0415

        self.fonts = fonts
        self.cache = TextCache()
        self.issue = load_issue(path)
        self.t = page_template(self.issue)
        self.plan = plan(self.issue, self.t, fonts, self.cache)
        self.rects = {p.index: rect(p) for p in self.plan.articles}
        self._laid: dict[int, object] = {}

    def full(self) -> bool:
        """Whether the page sets all its text with holes of at most FULL of its cells."""
        from layout.flow import flow_page  # noqa: PLC0415

        page = flow_page(self.plan, self.fonts, self.cache)
        return not page.overflow and holes_cells(page) <= FULL * self.t.columns * \
            self.t.grid_lines

    def laid(self, p):
        from layout.flow import article_flow  # noqa: PLC0415

        if p.index not in self._laid:
            self._laid[p.index] = article_flow(p, self.t, self.fonts, self.cache).run()
        return self._laid[p.index]


def holes_cells(page) -> int:
    return sum(h.cells for h in page.holes)


def chars(text: str) -> int:
    return len("".join(text.split()))


def bound(base: Page, edit_path: Path, n: int, strict: bool = False,
          ladder: bool = False) -> Bound:
    """The class of the edit of article n whose manifest is `edit_path` (`Bound`)."""
    from layout.flow import flow_page  # noqa: PLC0415
    from layout.manifest import load_issue  # noqa: PLC0415
    from layout.pipeline import plan as plan_of  # noqa: PLC0415

    t, fonts, cache = base.t, base.fonts, base.cache
    issue = load_issue(edit_path)
    # the make-up of the edited page (main's answer)
    made = plan_of(issue, t, fonts, cache)
    made_page = flow_page(made, fonts, cache)
    limit = FULL * t.columns * t.grid_lines
    made_fits = not made_page.overflow
    made_full = holes_cells(made_page) <= limit
    after = {p.index: rect(p) for p in made.articles}
    others = [i for i in base.rects if i != n]
    kept = sum(base.rects[i] == after[i] for i in others)
    near = neighbours(base.rects, n)
    far = sum(1 for i in others if base.rects[i] != after[i] and i not in near)
    search = OldRect(base, issue, n, strict, ladder)
    found = search.run(limit, min(limit, holes_cells(made_page)) if made_fits else limit)
    if found.fits_full:
        kind = KEEPS
    elif found.emptier:
        kind = EMPTIER
    elif found.stubby:
        kind = STUB
    elif found.over:
        kind = ROOM if made_fits else NO_ROOM
    else:
        kind = EMPTY if made_fits and made_full else EMPTY_ANYWAY
    return Bound(kind, len(base.rects), kept, after[n] == base.rects[n], far,
                 found.over, found.holes, found.tried,
                 how(search.old, found.plan) if found.plan else "",
                 holes_cells(made_page), int(limit), found.plan)


def how(old, plan) -> str:
    """What a setting changes of the article's plan as the make-up made it."""
    def said(p) -> str:
        h = p.headline
        pictures = ",".join(f"{i.last_column - i.first_column + 1}x{i.lines}"
                            + ("b" if i.first_line < 1 else "") for i in p.images)
        return (f"{h.size if h else '-'}pt" + (f" air {p.head_extra}" if p.head_extra else "")
                + (f" drop {p.head_drop}" if p.head_drop else "")
                + (f" divided {p.measure[0]}" if p.measure else "")
                + (f" pictures {pictures}" if pictures else ""))
    return f"{said(old)} → {said(plan)}"


@dataclass
class Found:
    fits_full: bool = False
    over: float = 0  # characters left over at the best setting (when none fits)
    holes: float = 0  # least cells of holes on the page of a setting that fits
    tried: int = 0
    emptier: bool = False  # one fits with the page full, but more holes than `tight`
    stubby: bool = False  # one fits with the page full, but leaves a leg under MIN_LEG
    plan: object = None  # the edited article's plan that fits with the page full
    plan_holes: int = 0  # (and its holes)


class OldRect:
    """Article n of the edited `issue` set in its old rectangle of `base`, every other
    module as it was: every setting (`settings`, `aired`), until one fits with the page
    full."""

    def __init__(self, base: Page, issue, n: int, strict: bool = False,
                 ladder: bool = False):
        from layout.makeup import Candidate  # noqa: PLC0415
        from layout.makeup.shapes import Area  # noqa: PLC0415

        self.base, self.issue, self.n = base, issue, n
        self.old = next(p for p in base.plan.articles if p.index == n)
        self.others = [p for p in base.plan.articles if p.index != n]
        p = self.old
        ranked = issue.ranked()
        rank = ranked.index(n)
        count = len(issue.articles)
        self.lead = rank == 0 and count > 1
        area = Area(p.first_column, p.last_column, p.first_line, p.last_line)
        c = Candidate(n, issue.articles[n], base.t, base.fonts, base.cache, area, rank)
        c.lead, c.alone, c.may_divide = self.lead, count == 1, rank == 0 and count > 2
        self.c = c
        self.sizes = sizes(c, base.plan.articles, n, ranked, strict, ladder)
        self.columns = p.last_column - p.first_column + 1
        self.lines = p.last_line - p.first_line + 1

    def grids(self):
        """(candidate, its columns, the plan's measure): the base grid, and re-divided."""
        yield self.c, self.columns, None
        if self.c.may_divide:
            variant = self.c.variant(self.columns)
            if variant is not None:
                vt = variant.t
                yield variant, vt.columns, (vt.columns, vt.column_width, vt.gutter)

    def plan(self, c, columns: int, measure, config):
        p = self.old
        plan = c.plan(columns, self.lines, config, 1 if measure else p.first_column,
                      p.first_line)
        if measure:
            plan = replace(plan, first_column=p.first_column, last_column=p.last_column,
                           measure=measure)
        return plan

    def run(self, limit: float, tight: float | None = None) -> Found:
        """Every setting until one fits with the page's holes at most `tight` cells (no
        leg under MIN_LEG; air over the headline group the old plan did not have counted
        as holes); else what the settings give (`Found`), `plan` the setting that fits
        with the fewest holes up to `limit`."""
        found = Found(over=math.inf, holes=math.inf)
        others = [(p, self.base.laid(p)) for p in self.others]
        tight = limit if tight is None else tight
        for c, columns, measure in self.grids():
            for config in settings(c, columns, self.lines, self.sizes, self.lead, self.old):
                outcome = self.tried(self.plan(c, columns, measure, config), others, limit,
                                     tight, found)
                if outcome == "over":
                    continue  # (more air leaves more over)
                for more in ((), aired(config, self.lead))[outcome != "full"]:
                    if self.tried(self.plan(c, columns, measure, more), others, limit, tight,
                                  found) == "full":
                        outcome = "full"
                        break
                if outcome == "full":
                    found.fits_full = True
                    break
            if found.fits_full:
                break
        found.over = 0 if found.over == math.inf else int(found.over)
        found.holes = 0 if found.holes == math.inf else int(found.holes)
        return found

    def tried(self, plan, others: list, limit: float, tight: float, found: Found) -> str:
        """"over" (text left over, or a picture past the foot), "full" (it fits with the
        page's holes at most `tight`, no leg of text under MIN_LEG lines), "loose" (at
        most `limit`), "stub" (the same with a short leg) or "blank" (the page not full);
        `found` noting it."""
        from layout.flow import TooLow, article_flow, flow_page, measure_fill  # noqa: PLC0415
        from layout.makeup.candidate import short_legs  # noqa: PLC0415
        from layout.model import PagePlan  # noqa: PLC0415

        base = self.base
        found.tried += 1
        try:
            fill = measure_fill(article_flow(plan, base.t, base.fonts, base.cache))
        except TooLow:
            return "over"
        laid = fill.laid
        if laid.overflow is not None:
            found.over = min(found.over, chars(laid.overflow.text))
            return "over"
        plans = sorted([*(p for p, _ in others), plan], key=lambda q: q.index)
        page = flow_page(PagePlan(self.issue, base.t, tuple(plans), base.plan.rules,
                                  (*others, (plan, laid))), base.fonts, base.cache)
        found.over, cells = 0, holes_cells(page)
        found.holes = min(found.holes, cells)
        if page.overflow or cells > limit:
            return "blank"
        if short_legs(fill)[0]:
            found.stubby = True
            return "stub"
        # (air over the group that the page did not have: a blank band, no stagger the
        # page needed, which the make-up weighs as a hole, STRAY_DROP)
        cells += self.columns * max(0, plan.head_drop - self.old.head_drop)
        if found.plan is None or cells < found.plan_holes:
            found.plan, found.plan_holes = plan, cells
        if cells <= tight:
            return "full"
        found.emptier = True
        return "loose"
