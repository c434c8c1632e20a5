"""The search over guillotine tilings: articles i..j in c columns are one module, or cut
across (the earlier above) or down (the earlier to the left); for each range and width
the cheapest layout of each height is kept (docs/architecture.md, Make-up)."""
from __future__ import annotations

from typing import Any, NamedTuple

from .candidate import NONE_REFUSED, Candidate
from .shapes import Area, Choice, Config, Leaf, settable_sizes
from .costs import (BUTTING, DROP, HOLE, KEEP, MATCH, ORDER, OUT_OF_RANK, READING, SHORT,
                    SHORT_MOST, STRAY_DROP, UNORDERED)
from .heads import drops, floor, own_size, title_rows


INF = float("inf")


class Cut(NamedTuple):  # (a tuple: the search makes very many)
    across: bool  # True: the first part above the second; False: to its left
    size: int  # lines of the upper part, or columns of the left part
    first: Any  # Leaf | Cut
    second: Any


class Way:
    """A way of setting a range of articles (`_Tiling.table`): its height, its cost (and
    what it costs read under a part with a base gutter), whether its top left module starts
    with a headline, whether its top is one headline across its whole width, how many
    headlines stand on its top line (side by side: 碰题, BUTTING a pair), the grid lines its
    main titles stand at (`rows`, bits from its top line: `heads.title_rows`) and those of
    the titles not on its top line (`lower`), what it gives back when it stands beside a
    part whose top line has a title that its top module's lowered title then clears
    (`spare`: such air costs STRAY_DROP a cell elsewhere, DROP a line there), whether it has no
    base gutter (re-divided), and in each of its columns the sizes its headlines reach,
    those above its smallest, and those the largest can be set down to (`heads.floor`), as
    bits (`Levels`); of its made-up headlines (those the make-up sizes), the size of the
    first in rank order, the least that one can be set down to, and the smallest's
    (`rank_top`, `rank_floor`, `rank_least`: 0, 0 and INF when none); and how: one
    article (`leaf`) or two parts cut across or down (`size`: the upper part's lines, the
    left one's columns). Its tree (`Cut`s of `Leaf`s) is made only for the
    way chosen (a search weighs very many). Typed fields, read in the search's innermost
    loops (compiled: no boxed numbers)."""

    def __init__(self, height: int, cost: float, read: float, head: bool, across: bool,
                 tops: int, clear: bool, reach: int, above: int, least: int,
                 rank_top: float, rank_floor: float, rank_least: float,
                 leaf: Leaf | None, rows: int, lower: int, spare: float,
                 cut_across: bool = False, size: int = 0, first: Way | None = None,
                 second: Way | None = None, divided: bool = False):
        self.height = height
        self.cost = cost
        self.read = read  # (cost, READING more when its top is not one headline across)
        self.head = head
        self.across = across
        self.tops = tops
        # staggered: headed, and no title on its top line (its top module's group lowered):
        # a part that staggers beside another's top title (`Table.staggered`)
        self.staggered = head and not tops
        self.clear = clear
        self.reach = reach
        self.above = above
        self.least = least
        self.rank_top = rank_top
        self.rank_floor = rank_floor
        self.rank_least = rank_least
        self.rows = rows
        self.lower = lower
        self.spare = spare
        self.leaf = leaf
        self.cut_across = cut_across
        self.size = size
        self.first = first
        self.second = second
        self.divided = divided  # (a leaf's: kept beside the cheapest of its height)

    def tree(self) -> Any:
        """The way as a tree: its Leaf, or a Cut of its parts' trees."""
        if self.leaf is not None:
            return self.leaf
        assert self.first is not None and self.second is not None
        return Cut(self.cut_across, self.size, self.first.tree(), self.second.tree())


class Table:
    """A range's ways, in the order made, and as a lower part (by height) and a part
    beside (the cheapest of each height, by height; and the cheapest of each height whose
    top line has no title, `staggered`, where it is another) of larger ranges. `one`: no
    two ways of one height but a staggered one (a table of several articles)."""

    def __init__(self, ways: list[Way], limit: int, one: bool = False):
        self.ways = ways
        beside: list[Way | None] = [None] * (limit + 2 * MATCH + 1)  # (height + MATCH)
        staggered: list[Way | None] = [None] * (limit + 2 * MATCH + 1)
        # (whether any way is within MATCH lines of a height: a part beside it may meet it)
        match = MATCH  # (a module's global, looked up at each use: once here)
        near = [False] * (limit + 2 * match + 1)
        for w in ways:
            found = beside[w.height + match]
            if found is None or w.cost < found.cost:
                beside[w.height + match] = w
            found = staggered[w.height + match]
            if w.staggered and (found is None or w.cost < found.cost):
                staggered[w.height + match] = w
            for n in range(w.height, w.height + 2 * match + 1):
                near[n] = True
        for n, way in enumerate(staggered):
            if way is not None and beside[n] is way:
                staggered[n] = None  # (the cheapest already)
        self.beside = beside
        self.staggered = staggered
        self.near = near  # (height + MATCH)
        # (sorted as the tuples (height, cost, read) they stand for: a way a height, those
        # beside in order; none whose top title is lowered, which under a rule staggers
        # nothing)
        self.lows = [w for w in beside if w is not None and not w.spare] if one else \
            sorted((w for w in ways if not w.spare), key=lambda w: (w.height, w.cost, w.read))


class Marks:
    """What the search reads of an article's headline set as a way says (`Memo.marks`):
    its `Levels` bits (the sizes it reaches, those above it, those its floor reaches), the
    grid lines its main title stands at with the group on the module's top line
    (`heads.title_rows`: a group lowered by a drop stands as many lines lower, the same
    head), and its made-up headline's size and floor (`heads.floor`; 0.0, 0.0 when the
    make-up does not size it)."""

    def __init__(self, reach: int, above: int, least: int, rows: int, size: float,
                 floor: float):
        self.reach = reach
        self.above = above
        self.least = least
        self.rows = rows
        self.size = size
        self.floor = floor


class Memo:
    """What the search keeps between calls of `arrange` (other lead widths, other rounds):
    the tables of ranges of articles, by all they depend on (`_Tiling.table`), and the
    `Marks` of each article set as a way says, by its width, headline size and band (all
    `heads.floor` and `heads.title_rows` read; not the drop, which only shifts its rows)."""

    def __init__(self) -> None:
        self.tables: dict[tuple, Table] = {}
        self.marks: dict[tuple, Marks] = {}


class _Tiling:
    """arrange()'s search, as methods (nested functions that call each other would make a
    reference cycle, keeping every candidate's trials alive until the cyclic collector's
    next full pass)."""

    def __init__(self, candidates: list[Candidate], limit: int, lead_columns: int,
                 squeeze: bool, memo: Memo, levels: Levels, columns: int):
        self.candidates = candidates
        self.levels = levels
        # where each headline starts on the ladder: all a table reads of the bound on the
        # headlines (`Sizes.ladder`: tables under another bound are the same where
        # that leaves every start as it was)
        self.starts = [candidate.ladder()[1] for candidate in candidates]
        self.limit = limit
        self.lead_columns = lead_columns
        self.squeeze = squeeze
        self.memo = memo
        # (this search's tables, by range: [i][j][c])
        self.tables: list[list[list[Table | None]]] = [
            [[None] * (columns + 1) for _ in candidates] for _ in candidates]
        # the options refused so far at each width and those narrower, summed over the
        # articles before each: a range's tables in c columns are kept by how many of its
        # articles' options that narrow were refused (the count only grows), so a table
        # made of an option since refused is never read again
        self.refused = [[0] * (columns + 1)]
        for candidate in candidates:
            counts, ahead = [0], 0
            for width in range(1, columns + 1):
                ahead += len(candidate.refused.get(width, NONE_REFUSED))
                counts.append(ahead)
            self.refused.append([a + b for a, b in zip(self.refused[-1], counts)])

    def table(self, i: int, j: int, c: int) -> Table:
        """Articles i..j in c columns: their ways, the cheapest of each height (two of
        one article: the cheapest and the cheapest re-divided)."""
        found = self.tables[i][j][c]
        if found is not None:
            return found
        lead = self.lead_columns
        key = (i, j, c, lead if i == 0 else min(lead, c), self.squeeze,
               tuple(self.starts[i:j + 1]), self.refused[j + 1][c] - self.refused[i][c])
        tables = self.memo.tables
        if key not in tables:
            tables[key] = Table(self.leaf(i, c), self.limit) if i == j else \
                Table(self.combined(i, j, c), self.limit, True)
        found = tables[key]
        self.tables[i][j][c] = found
        return found

    def leaf(self, i: int, c: int) -> list[Way]:
        candidate = self.candidates[i]
        if (i == 0 and c != self.lead_columns) or (i > 0 and c > self.lead_columns):
            return []
        headline = candidate.article.headline
        head = headline is not None
        across = headline is not None and not headline.columns and not candidate.vertical
        options = dict(candidate.cached_options(c, self.limit))
        if self.squeeze:
            options.update(candidate.squeezed(c, self.limit, options))
        # a re-divided body has no gutter on a base gutter, so a reader does not run on
        # down from it into the modules under it; the cheapest such way of each height is
        # kept beside the cheapest of all (a module under it may need it)
        ways = [(h, cost, config) for h, (cost, config) in options.items()]
        ways += [(h, cost, config) for h, (cost, config) in
                 candidate.divided_options(c, self.limit).items()
                 if h not in options or not options[h][1].divide]
        # its headline group lower by a few lines of air (the body as tall: the module so
        # much taller), against 碰题 where it stands beside another's
        refused, limit = candidate.refused.get(c, NONE_REFUSED), self.limit
        ways += [(h + d, cost + STRAY_DROP * c * d, lowered)
                 for h, (cost, config) in options.items()
                 if not (config.beside or config.divide)
                 for d in drops(candidate, c, config) if h + d <= limit
                 for lowered in (config.lowered(d),)
                 if not refused or (h + d, lowered) not in refused]
        # (one of each height and kind, the last)
        out: dict[tuple[int, bool, int], Way] = {}
        reading = READING  # (a module's global, looked up at each use: once here)
        none = Marks(0, 0, 0, 0, 0.0, 0.0)  # (no headline: it bounds nothing)
        for h, cost, config in ways:
            marks = self.marks(i, candidate, c, config) if head else none
            rows = marks.rows << config.drop
            top = across and not config.beside
            low = bool(config.drop)  # (its title not on its top line)
            out[(h, bool(config.divide), config.drop)] = Way(
                h, cost, cost + (0.0 if top else reading), head, top, head and not low,
                bool(config.divide), marks.reach, marks.above, marks.least, marks.size,
                marks.floor, marks.size or INF, Leaf(candidate.index, config, c, h),
                rows, rows if low else 0, (STRAY_DROP * c - DROP) * config.drop,
                divided=bool(config.divide))
        return list(out.values())

    def marks(self, i: int, candidate: Candidate, c: int, config: Config) -> Marks:
        """The `Marks` of article `i` (`candidate`, with a headline) in `c` columns set as
        `config` says (its bits hang on the headline's size and band alone)."""
        key = (i, c, config.size, config.extra, config.beside, config.divide)
        found = self.memo.marks.get(key)
        if found is None:
            unlowered, size = config.lowered(0), config.size
            least = floor(candidate, c, unlowered)
            reach, above, reached = self.levels.masks(size, least, c)
            sized = bool(size) and not own_size(candidate)
            found = self.memo.marks[key] = Marks(
                reach, above, reached, title_rows(candidate, c, unlowered),
                size if sized and size else 0.0, least if sized else 0.0)
        return found

    def combined(self, i: int, j: int, c: int) -> list[Way]:
        """Articles i..j (more than one) in c columns: each way of cutting them in two
        (`across`, `down`), the cheapest of each height (the first found of those as cheap),
        and of those the KEEP cheapest (the search stays fast)."""
        best = Cheapest(self.limit + 2 * MATCH + 1)
        for k in range(i, j):
            upper, lower = self.table(i, k, c), self.table(k + 1, j, c)
            if upper.ways and lower.ways:
                self.across(upper, lower, best)
            for cl in range(1, c):
                left, right = self.table(i, k, cl), self.table(k + 1, j, c - cl)
                if left.ways and right.ways:
                    self.down(left, right, cl, c, best)
        return best.ways()

    def across(self, upper: Table, lower: Table, best: Cheapest) -> None:
        """The ways of `upper` over `lower`, into `best` where cheaper. The lower part
        starts with a headline across it (or the upper one has no base gutter): read after
        the upper part, not beside its columns; a headline under a smaller one in a column
        they share costs ORDER (smaller down the page), and UNORDERED more when it could not
        be set down to that size in its band; the lower part's first made-up headline larger
        than the upper part's smallest costs `out_of_rank`."""
        limit = self.limit
        lows = lower.lows
        room = limit - 1 - lows[0].height
        costs, staggered_costs = best.costs, best.staggered
        for up in upper.ways:
            h1 = up.height
            if h1 > room:
                continue
            c1, clear, above, smallest = up.cost, up.clear, up.above, up.rank_least
            up_staggered = up.staggered  # (and so the way of it over any lower part)
            for low in lows:
                h = h1 + 1 + low.height
                if h > limit:
                    break
                cost = c1 + (low.cost if clear else low.read)
                if low.reach & above:
                    cost += unordered(low.least, above)
                if low.rank_top > smallest:
                    cost += out_of_rank(low.rank_floor, smallest)
                if cost < costs[h] or (up_staggered and cost < staggered_costs[h]):
                    best.found(h, cost, up, low, h1, up_staggered)

    def down(self, left: Table, right: Table, cl: int, c: int, best: Cheapest) -> None:
        """The ways of `left` (`cl` columns) beside `right` (the rest of `c`), into `best`
        where cheaper: the lower side's foot ends |d| lines short of the other's (MATCH
        at the most); each pair of headlines side by side on its top line (those on the
        left part's top times those on the right's) costs BUTTING, and one more where a
        title under either part's top stands at a line of a title of the other (modules
        stacked to a height so near that their titles meet across the cut); the right
        part's first made-up headline larger than the left part's smallest, `out_of_rank`."""
        beside, staggered, near = right.beside, right.staggered, right.near
        # (the modules' globals, looked up at each use: once here)
        match, span, pair = MATCH, 2 * MATCH + 1, BUTTING
        shorts = [SHORT * abs(d) * (cl if d > 0 else c - cl) for d in range(-match, match + 1)]
        costs, staggered_costs = best.costs, best.staggered
        for way in left.ways:
            h = way.height
            if not near[h + match]:  # (no way of the right part within MATCH lines)
                continue
            c1, tops, rows, lower, spare = way.cost, way.tops, way.rows, way.lower, way.spare
            left_staggered = way.staggered
            smallest = way.rank_least
            for n in range(span):
                at = h + n - match if n > match else h
                # (the cheapest way of the right part of height h + n - MATCH, and the
                # cheapest staggered one, whose top line has no title)
                for other in (beside[h + n], staggered[h + n]):
                    if other is None:
                        continue
                    cost = c1 + other.cost + shorts[n] + pair * tops * other.tops
                    if other.rank_top > smallest:
                        cost += out_of_rank(other.rank_floor, smallest)
                    if lower & other.rows or rows & other.lower:
                        cost += pair
                    # (a lowered title clear of one on the other's top line: its air
                    # staggers them, DROP a line, not STRAY_DROP a cell)
                    elif other.tops and not tops:
                        cost -= spare
                    elif tops and not other.tops:
                        cost -= other.spare
                    # (the way of the two staggered: the left part's, no title on the top
                    # line of the right)
                    staggers = left_staggered and not other.tops
                    if cost < costs[at] or (staggers and cost < staggered_costs[at]):
                        best.found(at, cost, way, other, -cl, staggers)


class Cheapest:
    """`_Tiling.combined`'s cheapest way of each height so far, as its cost and parts (the
    way itself is made for the heights kept), and the heights in the order first found;
    and beside it the cheapest of each height whose top line has no title (`staggered`:
    a part a cut down may stand beside another's top without 碰题)."""

    def __init__(self, size: int):
        self.costs = [INF] * size
        self.firsts: list[Way | None] = [None] * size
        self.seconds: list[Way | None] = [None] * size
        self.sizes = [0] * size  # lines of the upper part, or - the left part's columns
        self.order: list[int] = []
        self.staggered = [INF] * size
        self.staggered_parts: list[tuple[Way, Way, int] | None] = [None] * size

    def found(self, h: int, cost: float, first: Way, second: Way, size: int,
              staggered: bool) -> None:
        """A way cheaper than any found of height `h`, or than any of it whose top line
        has no title (`staggered`: the way of `first` and `second` is, `Way.staggered`)."""
        if staggered and cost < self.staggered[h]:
            self.staggered[h] = cost
            self.staggered_parts[h] = (first, second, size)
        if cost >= self.costs[h]:
            return
        if self.firsts[h] is None:
            self.order.append(h)
        self.costs[h] = cost
        self.firsts[h] = first
        self.seconds[h] = second
        self.sizes[h] = size

    def ways(self) -> list[Way]:
        """The ways of the KEEP cheapest heights (those as cheap in the order first found),
        or of every height found when no more; and of those heights, the cheapest whose
        top has no title where it is another."""
        heights = self.order
        if len(heights) > KEEP:  # the cheapest heights only: the search stays fast
            costs = self.costs
            heights = sorted(heights, key=lambda h: costs[h])[:KEEP]
        out = []
        for h in heights:
            up, low = self.firsts[h], self.seconds[h]
            assert up is not None and low is not None
            out.append(made(h, self.costs[h], up, low, self.sizes[h]))
            parts = self.staggered_parts[h]
            if parts is not None and self.staggered[h] > self.costs[h]:
                out.append(made(h, self.staggered[h], *parts))
        return out


def made(h: int, cost: float, up: Way, low: Way, size: int) -> Way:
    """The way of height `h` made of two parts: `up` over `low` (`size`: the upper one's
    lines), or beside it (- the left one's columns)."""
    # (its first made-up headline in rank order the upper or left part's, if it has one)
    top, floor_ = (up.rank_top, up.rank_floor) if up.rank_top else \
        (low.rank_top, low.rank_floor)
    least = min(up.rank_least, low.rank_least)
    if size > 0:  # (one over the other)
        under = low.rows << (size + 1)
        return Way(h, cost, cost + (0.0 if up.across else READING), up.head,
                   up.across, up.tops, False,
                   up.reach | low.reach, up.above | low.above,
                   up.least | low.least, top, floor_, least, None, up.rows | under,
                   up.lower | under, up.spare, True, size, up, low)
    cl = -size
    return Way(h, cost, cost + READING, up.head, False, up.tops + low.tops, False,
               up.reach | low.reach << cl, up.above | low.above << cl,
               up.least | low.least << cl, top, floor_, least, None, up.rows | low.rows,
               up.lower | low.lower, 0.0 if up.tops + low.tops else up.spare + low.spare,
               False, cl, up, low)


class Levels:
    """A module's headline sizes in each of its columns, as the bits of an int: a block of
    `width` bits (a bit a column of the area) for each size of `sizes`, smallest first.
    `masks` gives, for a module set as a config says, the blocks of the sizes its headline
    reaches, those above it, and those the least size it can be set down to reaches: put
    together (| one above the other, << its columns beside), a part's bits say in each
    column the sizes its largest headline reaches and those above its smallest; a part
    under another has a larger headline than one above it in a column they share exactly
    when its first bits meet the other's second (one & and no loop, in the search's
    innermost loop)."""

    def __init__(self, sizes: list[float], width: int):
        self.sizes = sorted(set(sizes))
        self.width = width

    @classmethod
    def of(cls, candidates: list[Candidate], width: int) -> Levels:
        """The sizes the candidates' headlines can take: the ladder's (with those under
        its foot a narrow module's title takes), and those the manifest gives."""
        return cls([*settable_sizes(candidates[0].t),
                    *(c.article.headline.size for c in candidates
                      if c.article.headline and c.article.headline.size)], width)

    def reached(self, size: float, columns: int) -> tuple[int, int]:
        """(The blocks of the sizes `size` reaches, those above it) over `columns`."""
        block, reach, above = (1 << columns) - 1, 0, 0
        for n, level in enumerate(self.sizes):
            if size >= level:
                reach |= block << (n * self.width)
            else:
                above |= block << (n * self.width)
        return reach, above

    def masks(self, size: float | None, least: float, columns: int) -> tuple[int, int, int]:
        """(Reached, above, reached by its floor) of a module of `columns` whose headline
        is at `size` and can be set down to `least` (None: no headline, which bounds
        nothing)."""
        if size is None:
            return 0, 0, 0
        reach, above = self.reached(size, columns)
        return reach, above, self.reached(least, columns)[0]


def unordered(least: int, above: int) -> float:
    """What a part costs stacked under a part whose smallest headlines are `above` (bits of
    `Levels`) where a headline of it is larger in a column they share: ORDER, and
    UNORDERED more where it could not be set down to that size in its band (`least`: the
    sizes its headlines can be set down to reach)."""
    return ORDER + (UNORDERED if least & above else 0.0)


def out_of_rank(floor: float, smallest: float) -> float:
    """What a part costs put after (under or right of) a part whose smallest made-up
    headline is `smallest` when its own first made-up headline is larger (lower in rank,
    larger on the page: `settle.ordered_headlines` sets it down to that size): OUT_OF_RANK,
    and UNORDERED more where it could not be set down so in its band (`floor`: the least
    it can be)."""
    return OUT_OF_RANK + (UNORDERED if floor > smallest else 0.0)


def arrange(candidates: list[Candidate], area: Area, lead_columns: int,
            squeeze: bool = False, memo: Memo | None = None) -> Choice | None:
    """The cheapest guillotine tiling of `area` by the candidates in order (`Choice`). `lead_columns`: the first article's width, no other wider. `memo`
    keeps the tables of ranges of articles between calls for other lead widths (a range
    without the lead at a width no wider than the lead's does not depend on it) and
    rounds (keyed by the options refused in the range at its width or narrower)."""
    memo = Memo() if memo is None else memo
    limit = area.lines
    whole = _Tiling(candidates, limit, lead_columns, squeeze, memo,
                    Levels.of(candidates, area.columns), area.columns,
                    ).table(0, len(candidates) - 1, area.columns)
    choice: tuple[float, Way, int] | None = None
    for way in whole.ways:
        # (a foot a line or two short is no hole: its modules grow into it when settled)
        h = way.height
        total = way.cost + (SHORT if limit - h <= SHORT_MOST else HOLE) * (limit - h) \
            * area.columns
        if choice is None or total < choice[0] or (total == choice[0] and h > choice[2]):
            choice = (total, way, h)
    return None if choice is None else Choice(choice[0], choice[1].tree(), choice[2])
