"""The search over guillotine tilings: articles i..j in c columns are one module, or cut
across (the earlier above) or down (the earlier to the left); for each range and width
the cheapest layout of each height is kept (docs/architecture.md, Make-up)."""
from __future__ import annotations

from typing import Any, NamedTuple

from ..flow import RULE_COLOUR
from ..model import ArticlePlan, PlacedRect, Template
from .candidate import Candidate
from .shapes import Area, Config, Leaf, settable_sizes
from .costs import BUTTING, HOLE, KEEP, MATCH, ORDER, READING, SHORT, SHORT_MOST, UNORDERED
from .heads import floor


INF = float("inf")


class Cut(NamedTuple):  # (a tuple: the search makes very many)
    across: bool  # True: the first part above the second; False: to its left
    size: int  # lines of the upper part, or columns of the left part
    first: Any  # Leaf | Cut
    second: Any


class _Tiling:
    """arrange()'s search, as methods (nested functions that call each other would make a
    reference cycle, keeping every candidate's trials alive until the cyclic collector's
    next full pass)."""

    def __init__(self, candidates: list[Candidate], limit: int, lead_columns: int,
                 squeeze: bool, memo: dict, levels: Levels):
        self.candidates = candidates
        self.levels = levels
        self.cap = candidates[-1].cap  # (the bound on every headline but the lead's)
        self.limit = limit
        self.lead_columns = lead_columns
        self.squeeze = squeeze
        self.memo = memo
        # the options refused so far, summed over the articles before each: a range's
        # tables are kept by how many of its articles' options were refused (the count
        # only grows), so a table made of an option since refused is never read again
        self.refused = [0]
        for candidate in candidates:
            self.refused.append(self.refused[-1] + len(candidate.refused))

    def table(self, i: int, j: int, c: int) -> dict[tuple[int, bool], tuple]:
        """Articles i..j in c columns: (height, whether re-divided) → (cost, tree, whether
        its top left module starts with a headline, whether its top is one headline across
        its whole width, how many headlines stand on its top line (side by side: 碰题,
        BUTTING a pair), whether it has no base gutter (re-divided), and in each of its
        columns the sizes its headlines reach, those above its smallest, and those the
        largest can be set down to (`heads.floor`), as bits (`Levels`))."""
        lead = self.lead_columns
        key = (i, j, c, lead if i == 0 else min(lead, c), self.squeeze, self.cap,
               self.refused[j + 1] - self.refused[i])
        if key not in self.memo:
            self.memo[key] = self.leaf(i, c) if i == j else self.combined(i, j, c)
        return self.memo[key]

    def leaf(self, i: int, c: int) -> dict[tuple[int, bool], tuple]:
        candidate = self.candidates[i]
        if (i == 0 and c != self.lead_columns) or (i > 0 and c > self.lead_columns):
            return {}
        headline = candidate.article.headline
        head = headline is not None
        across = headline is not None and not headline.columns and not candidate.vertical
        options = dict(candidate.cached_options(c, self.limit))
        if self.squeeze:
            options.update(candidate.squeezed(c, self.limit, options))
        # the last flag: a re-divided body has no gutter on a base gutter, so a reader
        # does not run on down from it into the modules under it; the cheapest such way
        # of each height is kept beside the cheapest of all (a module under it may need it)
        ways = [(h, cost, config) for h, (cost, config) in options.items()]
        ways += [(h, cost, config) for h, (cost, config) in
                 candidate.divided_options(c, self.limit).items()
                 if h not in options or not options[h][1].divide]
        return {(h, bool(config.divide)): (cost, Leaf(candidate.index, config, c, h), head,
                                           across and not config.beside,
                                           head, bool(config.divide),
                                           *self.levels.masks(candidate, config if head
                                                              else None, c))
                for h, cost, config in ways}

    def combined(self, i: int, j: int, c: int) -> dict[tuple[int, bool], tuple]:
        limit = self.limit
        cost_at: dict[int, float] = {}  # the cheapest way of each height so far, and it
        best: dict[int, tuple] = {}
        for k in range(i, j):
            upper, lower = self.table(i, k, c), self.table(k + 1, j, c)
            if upper and lower:
                # the lower part starts with a headline across it (or the upper one has
                # no base gutter): read after the upper part, not beside its columns; a
                # headline under a smaller one in a column they share costs ORDER
                # (smaller down the page), and UNORDERED more when it could not be set
                # down to that size in its band
                lows = sorted((h, e[0], e[0] + (0.0 if e[3] else READING), e[1], e[6], e[7],
                               e[8]) for (h, _), e in lower.items())
                room = limit - 1 - lows[0][0]
                for (h1, _), (c1, t1, head, across, right, clear, reach, above, least) \
                        in upper.items():
                    if h1 > room:
                        continue
                    for h2, c2, read, t2, reach2, above2, least2 in lows:
                        h = h1 + 1 + h2
                        if h > limit:
                            break
                        cost = c1 + (c2 if clear else read)
                        if reach2 & above:
                            cost += unordered(least2, above)
                        if cost < cost_at.get(h, INF):
                            cost_at[h] = cost
                            best[h] = (cost, Cut(True, h1, t1, t2), head, across, right,
                                       False, reach | reach2, above | above2, least | least2)
            for cl in range(1, c):
                left, right_part = self.table(i, k, cl), self.table(k + 1, j, c - cl)
                if not (left and right_part):
                    continue
                beside: dict[int, tuple] = {}  # the cheapest of each height
                for (h, _), entry in right_part.items():
                    if h not in beside or entry[0] < beside[h][0]:
                        beside[h] = entry
                # the lower side's foot ends |d| lines short of the other's
                shorts = [(d, SHORT * abs(d) * (cl if d > 0 else c - cl))
                          for d in range(-MATCH, MATCH + 1)]
                for (h, _), (c1, t1, head, _, right, _, reach, above, least) in left.items():
                    for d, short in shorts:
                        other = beside.get(h + d)
                        if other is None:
                            continue
                        c2, t2, head2, _, right2, _, reach2, above2, least2 = other
                        cost = c1 + c2 + short + BUTTING * right * right2
                        at = h + d if d > 0 else h
                        if cost < cost_at.get(at, INF):
                            cost_at[at] = cost
                            best[at] = (cost, Cut(False, cl, t1, t2), head, False,
                                        right + right2,
                                        False, reach | reach2 << cl, above | above2 << cl,
                                        least | least2 << cl)
        # the cheapest heights only (KEEP): the search stays fast
        kept = sorted(best.items(), key=lambda e: e[1][0])[:KEEP] if len(best) > KEEP \
            else best.items()
        return {(h, False): entry for h, entry in kept}


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

    def masks(self, c: Candidate, config: Config | None, columns: int) -> tuple[int, int, int]:
        """(Reached, above, reached by its floor) of a module of `columns` set as `config`
        says (None: no headline, which bounds nothing)."""
        if config is None or config.size is None:
            return 0, 0, 0
        reach, above = self.reached(config.size, columns)
        return reach, above, self.reached(floor(c, columns, config), columns)[0]


def unordered(least: int, above: int) -> float:
    """What a part costs stacked under a part whose smallest headlines are `above` (bits of
    `Levels`) where a headline of it is larger in a column they share: ORDER, and
    UNORDERED more where it could not be set down to that size in its band (`least`: the
    sizes its headlines can be set down to reach)."""
    return ORDER + (UNORDERED if least & above else 0.0)


def arrange(candidates: list[Candidate], area: Area, lead_columns: int,
            squeeze: bool = False, memo: dict | None = None,
            ) -> tuple[float, object, int] | None:
    """The cheapest guillotine tiling of `area` by the candidates in order: (cost, tree,
    height it fills). `lead_columns`: the first article's width, no other wider. `memo`
    keeps the tables of ranges of articles between calls for other lead widths (a range
    without the lead at a width no wider than the lead's does not depend on it) and
    rounds (keyed by the options refused in the range)."""
    memo = {} if memo is None else memo
    limit = area.lines
    whole = _Tiling(candidates, limit, lead_columns, squeeze, memo,
                    Levels.of(candidates, area.columns)).table(0, len(candidates) - 1,
                                                            area.columns)
    if not whole:
        return None
    choice = None
    for (h, _), (cost, tree, *_) in whole.items():
        # (a foot a line or two short is no hole: its modules grow into it when settled)
        total = cost + (SHORT if limit - h <= SHORT_MOST else HOLE) * (limit - h) * area.columns
        if choice is None or total < choice[0] or (total == choice[0] and h > choice[2]):
            choice = (total, tree, h)
    return choice


def butting(plans: list[ArticlePlan]) -> float:
    """What the settled modules' 碰题 costs: BUTTING for each pair of headlines standing on
    one line side by side (the search's own count: at each cut down, the headlines on the
    top of one part times those on the other), so that the rounds of the make-up weigh it
    as the search did."""
    tops: dict[int, int] = {}
    for p in plans:
        if p.article.headline is not None:
            tops[p.first_line] = tops.get(p.first_line, 0) + 1
    pairs = 0
    for count in tops.values():
        pairs += count * (count - 1) // 2
    return BUTTING * pairs


def place(tree, column: int, line: int, columns: int, lines: int,
           out: list[tuple[Leaf, int, int, int, int]], cuts: list) -> None:
    """Give each leaf of the tree its rectangle; collect the cuts (for rules)."""
    if isinstance(tree, Leaf):
        out.append((tree, column, line, columns, lines))
        return
    if tree.across:
        cuts.append((True, column, line + tree.size, columns, 1))
        place(tree.first, column, line, columns, tree.size, out, cuts)
        place(tree.second, column, line + tree.size + 1, columns, lines - tree.size - 1,
               out, cuts)
    else:
        cuts.append((False, column + tree.size, line, 1, lines))
        place(tree.first, column, line, tree.size, lines, out, cuts)
        place(tree.second, column + tree.size, line, columns - tree.size, lines, out, cuts)


def rules(cuts: list, t: Template) -> list[PlacedRect]:
    """A thin rule through the blank line between stacked modules, and down the gutter
    between modules side by side."""
    rules = []
    for across, column, line, columns, lines in cuts:
        if across:
            x = t.column_x(column)
            width = t.column_x(column + columns - 1) + t.column_width - x
            rules.append(PlacedRect(x, t.line_top(line) + t.pitch / 2, width, 0, None,
                                    RULE_COLOUR, 0.5))
        else:
            x = t.column_x(column) - t.gutter / 2
            top = t.line_top(line)
            rules.append(PlacedRect(x, top, 0, lines * t.pitch, None, RULE_COLOUR, 0.5))
    return rules
