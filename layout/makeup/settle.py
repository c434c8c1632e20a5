"""The tiling chosen, laid out: each article settled in its module, the boundaries between
stacked modules moved where text is left over and the page has room, the page refused at
once when it cannot hold its articles, the headlines bounded by the lead's."""
from __future__ import annotations

import math
from dataclasses import replace
from typing import Any, Iterator, NamedTuple

from ..errors import LayoutError
from ..flow import Laid, TooLow, measure_fill
from ..model import Article, ArticlePlan, Issue, Template
from .candidate import Candidate, short_legs, short_lines
from .pictures import half, picture_sums, resized, smallest, wide_enough
from .shapes import Area, Config, Leaf, ladder_sizes, settable_sizes
from .costs import (HOLE, MIN_LEG, MOST_ARTICLES, OVERFLOW, REPAIR_MOVES, REPAIR_ROUNDS,
                    SETTLE_TRIES, SHORT_MOST, SHORT_OK, STUB, TOO_LOW, UNORDERED)
from .placed import place
from .tiling import Cut
from .heads import own_size, reheaded

# layouts of settled modules the make-up keeps for the final page to reuse (Known)
LAID_KEPT = 32


class Settled(NamedTuple):
    """An article settled in its module: its plan, what it leaves blank (HOLE a line) or
    over (OVERFLOW a line), and the flow's layout of that plan (None: none to reuse), which
    the final page takes rather than flowing it again."""

    plan: ArticlePlan
    score: float
    laid: Laid | None


class TreeSettled(NamedTuple):
    """A tree's modules each settled in its own (`settle_tree`): what they leave blank or
    over, their plans, the cuts between them, and the leaves whose option the flow did
    not bear out."""

    total: float
    plans: list[ArticlePlan]
    cuts: list
    failed: list[Leaf]


class Known:
    """Modules settled, by leaf and place (the same in every round: what a round refuses
    changes the options, not how a module settles); and the flow's layouts of the
    LAID_KEPT settled or asked for last (a page's make-up settles hundreds of modules and
    keeps a few: holding every layout would only give the collector more to walk)."""

    def __init__(self) -> None:
        self.settled: dict[tuple, Settled] = {}
        self.laid: dict[int, tuple[ArticlePlan, Laid]] = {}  # by id(plan): held, so its own

    def __contains__(self, key: tuple) -> bool:
        return key in self.settled

    def __getitem__(self, key: tuple) -> Settled:
        found = self.settled[key]
        self.asked(found)
        return found

    def asked(self, found: Settled) -> None:
        """`found` (of `settled`) asked for: its layout kept as if settled last."""
        laid = self.laid.pop(id(found.plan), None)
        if laid is not None:
            self.laid[id(found.plan)] = laid

    def __setitem__(self, key: tuple, settled: Settled) -> None:
        self.settled[key] = Settled(settled.plan, settled.score, None)
        if settled.laid is not None:
            self.laid[id(settled.plan)] = (settled.plan, settled.laid)
            if len(self.laid) > LAID_KEPT:
                del self.laid[next(iter(self.laid))]

    def seed(self, earlier: Known, indexes: set[int],
             reworded: dict[int, Article] | None = None) -> None:
        """What `earlier` (a make-up of the page before: makeup.Kept) settled of the
        articles `indexes` (their candidates the same), with the layouts it kept of them;
        and of the articles `reworded` (index → the article with other words in a body
        of the same shape: Candidate.reworded), their modules settled as they were, the
        plans of the new article and no layout (the final page flows its words)."""
        reworded = reworded or {}
        for key, settled in earlier.settled.items():
            index = key[0].index
            if index in indexes:
                self.settled[key] = settled
            elif index in reworded:
                self.settled[key] = Settled(replace(settled.plan, article=reworded[index]),
                                            settled.score, None)
        for plan_id, (plan, laid) in earlier.laid.items():
            if plan.index in indexes:
                self.laid[plan_id] = (plan, laid)

    def laid_of(self, plan: ArticlePlan) -> Laid | None:
        """The flow's layout of `plan` (this very plan), if it is kept."""
        found = self.laid.get(id(plan))
        return found[1] if found is not None and found[0] is plan else None


def settle_tree(tree, area: Area, lines: int, by_index: dict[int, Candidate],
             known: Known | None = None, bound: float = math.inf) -> TreeSettled:
    """The tree's modules in the area's top `lines`, each article settled in its own
    (`TreeSettled`). `known`: modules settled before, by place. A tree
    that leaves at least `bound` blank or over (the best tried so far) is not settled to
    the end (math.inf): the modules known count before any is settled anew."""
    leaves: list = []
    cuts: list = []
    place(tree, area.first_column, area.first_line, area.columns, lines, leaves, cuts)
    settled, total, failed = [], 0.0, []
    known = Known() if known is None else known
    if any(height < MIN_LEG for *_, height in leaves):
        return TreeSettled(math.inf, [], cuts, [])  # (a module moved out of the page)
    keys = [(leaf, column, line, columns, height)
            for leaf, column, line, columns, height in leaves]
    # (read without counting as asked for; what those not reached yet leave: the scores
    # are whole lines' costs, so the sums are exact)
    found = [known.settled.get(key) for key in keys]
    ahead = 0.0
    for had in found:
        ahead += had.score if had is not None else 0.0
    for key, had in zip(keys, found):
        leaf, column, line, columns, height = key
        if had is None:
            if total + ahead >= bound:
                return TreeSettled(math.inf, [], cuts, [])  # (no better than the best tried)
            had = settle_leaf(by_index[leaf.index], leaf, columns, height, column, line)
            known[key] = had
        else:
            ahead -= had.score
            known.asked(had)
        plan, score = had.plan, had.score
        settled.append(plan)
        total += score
        # the flow disagrees with the option: text left over, or a module it could not
        # fill
        if score >= OVERFLOW or score > HOLE * (SHORT_MOST - SHORT_OK):
            failed.append(leaf)
    return TreeSettled(total, settled, cuts, failed)


def repair_tree(tree, area: Area, lines: int, by_index: dict[int, Candidate],
                result: TreeSettled, known: Known | None = None) -> TreeSettled:
    """The tree changed a move at a time while that leaves less text over and less blank
    (the options only estimate: a module that does not hold its text where the page has
    room takes lines from a neighbour that has them to spare): the moves of `repairs`;
    what the tree moved so leaves (`TreeSettled`)."""
    known = Known() if known is None else known
    chosen = {leaf.index: leaf for leaf in _leaves(tree)}
    # (each tree weighed with the blank beside its heads: a head band made shorter may
    # leave a hole beside its headline that the modules' fill does not count)
    now = result.total + _head_blanks(tree, by_index)
    for _ in range(REPAIR_ROUNDS):
        if result.total < OVERFLOW:  # (no text left over)
            break
        best: tuple[Any, TreeSettled, float] | None = None  # (a tree moved, it settled)
        for trees in repairs(tree, result, by_index):
            for moved in trees:
                if moved is None:
                    continue
                heads = _head_blanks(moved, by_index)
                bound = (best[2] if best else now) - heads
                trial = settle_tree(moved, area, lines, by_index, known, bound)
                if trial.total < bound:
                    best = (moved, trial, trial.total + heads)
            if best is not None:
                break
        if best is None:
            break
        tree, result, now = best
    # (the leaves the flow did not bear out, as the search chose them: the options it
    # forgets)
    return result._replace(failed=[chosen[leaf.index] for leaf in result.failed])


def _head_blanks(tree, by_index: dict[int, Candidate]) -> float:
    """What the blank beside the heads of the tree's modules costs (`Candidate.head`; a
    re-divided one's on its own grid)."""
    total = 0.0
    for leaf in _leaves(tree):
        c = by_index[leaf.index]
        if leaf.config.divide:
            variant = c.variant(leaf.columns)
            if variant is not None:
                total += variant.head_blank(leaf.config.divide,
                                            leaf.config.divided(0))
        else:
            total += c.head_blank(leaf.columns, leaf.config)
    return total


def repairs(tree, result: TreeSettled, by_index: dict[int, Candidate]) -> Iterator[list]:
    """The trees a round of repair tries, in two sets, the second only when nothing of
    the first helps: a boundary between stacked modules that hold an article with text
    left over moved (REPAIR_MOVES lines), or that article's head band made shorter
    (`_smaller_heads`); then the band of a module stacked with it made shorter and the
    boundary moved by the lines that gives (1-3)."""
    failed = {leaf.index for leaf in result.failed}
    # (the cuts whose parts hold an article that failed: no other boundary helps it)
    paths = _across_paths(tree, failed=failed)
    others = max((p.headline.size for p in result.plans
                  if not by_index[p.index].lead and p.headline and p.headline.size),
                 default=0.0)
    yield ([_moved_cut(tree, path, sign * move) for path in paths
            for move in REPAIR_MOVES for sign in (1, -1)]
           + [_releafed(tree, leaf, config) for leaf in result.failed
              for config in _smaller_heads(by_index[leaf.index], leaf.config, others)])
    yield [_moved_cut(_releafed(tree, leaf, config), path, sign * move)
           for path in paths for leaf in _leaves(_at(tree, path)) if leaf.index not in failed
           for config in _smaller_heads(by_index[leaf.index], leaf.config, others)
           for move in (1, 2, 3) for sign in (1, -1)]


def _smaller_heads(c: Candidate, config: Config, others: float) -> list[Config]:
    """The article's head band made shorter: its air taken out, its headline a step or two
    smaller (the lead's a step, while it stays larger than every other headline)."""
    out = [config.with_extra(0)] if config.extra else []
    size = config.size
    if size and c.lead and c.size_headline and c.article.headline \
            and not c.article.headline.size and not c.article.headline.vertical:
        below = [s for s in ladder_sizes(c.t) if others < s < size]
        out += [config.sized(below[0])] if below else []
    elif size:
        out += [config.sized(smaller) for smaller, _ in c.smaller(size, 0)]
    return out


def _leaves(tree) -> list[Leaf]:
    if isinstance(tree, Leaf):
        return [tree]
    return _leaves(tree.first) + _leaves(tree.second)


def _at(tree, path: tuple[int, ...]):
    for step in path:
        tree = tree.first if step == 0 else tree.second
    return tree


def _across_paths(tree, path: tuple[int, ...] = (), failed: set[int] | None = None,
                  ) -> list[tuple[int, ...]]:
    """The paths (0: first part, 1: second) to every cut across of the tree (that holds
    one of the articles `failed`, when given)."""
    if isinstance(tree, Leaf):
        return []
    own = [path] if tree.across and (failed is None or _holds(tree, failed)) else []
    return (own + _across_paths(tree.first, path + (0,), failed)
            + _across_paths(tree.second, path + (1,), failed))


def _holds(tree, indexes: set[int]) -> bool:
    """Whether any of the articles `indexes` is a leaf of the tree."""
    if isinstance(tree, Leaf):
        return tree.index in indexes
    return _holds(tree.first, indexes) or _holds(tree.second, indexes)


def _moved_cut(tree, path: tuple[int, ...], move: int):
    """The tree with the cut across at `path` moved down `move` lines (up when negative);
    None when a part would lose all its lines."""
    if not path:
        size = tree.size + move
        if size < 1:
            return None
        return Cut(tree.across, size, tree.first, tree.second)
    part = _moved_cut(tree.first if path[0] == 0 else tree.second, path[1:], move)
    if part is None:
        return None
    return Cut(tree.across, tree.size, *((part, tree.second) if path[0] == 0
                                          else (tree.first, part)))


def _releafed(tree, leaf: Leaf, config: Config):
    """The tree with `leaf` set as `config` says."""
    if isinstance(tree, Leaf):
        return tree.set_as(config) if tree == leaf else tree
    return Cut(tree.across, tree.size, _releafed(tree.first, leaf, config),
               _releafed(tree.second, leaf, config))


def room_for(issue: Issue, t: Template, free: list[int], area: Area) -> None:
    """Refuse at once a page that cannot hold its articles however they are arranged: more
    than MOST_ARTICLES, or more than the area holds when each takes at least a column of a
    headline band (three lines at the least), a blank line, MIN_LEG lines of its text (or
    all of it) and the blank line with a rule that parts it from the next."""
    first = issue.articles[free[0]].origin
    if len(free) > MOST_ARTICLES:
        raise LayoutError(f"{len(free)} articles for the make-up to place on one page: it "
                          f"places at most {MOST_ARTICLES}", first.file, first.line,
                          hint="move some articles to another page, or give them "
                               "`region:`s (a column of briefs as one article with "
                               "subheads)")
    per_line = max(1, int(t.column_width / t.body.size + 1e-6))
    least = 0
    for index in free:
        article = issue.articles[index]
        chars = sum(len(getattr(b, "text", "") or "") for b in article.blocks)
        least += 5 + min(MIN_LEG, math.ceil(chars / per_line))
    if least > area.columns * area.lines:
        raise LayoutError(f"{len(free)} articles cannot share this page: each takes at "
                          f"least a column of {least // len(free)} lines or so, "
                          f"{least} lines in all, and the page holds "
                          f"{area.columns} × {area.lines} = {area.columns * area.lines}",
                          first.file, first.line,
                          hint="move some articles to another page")


def bound_headlines(candidates: list[Candidate], lead: int) -> float:
    """Every headline but the lead's a step below the lead's at the lead's width `lead`
    (on the base grid or re-divided), so the lead's stays the largest on the page: on the
    default ladder a lead's at its foot puts the others under it (NARROW_STEPS); and no
    larger than its `rank_cap` (a size ranked before it took in an earlier round:
    `Ordered.bounds`). What the lead width costs when no size is below the lead's (a
    template's own ladder, the lead at its foot) and another headline is made up:
    UNORDERED, as the page's hierarchy would be wrong (the lead's no larger than the
    others')."""
    first = candidates[0]
    sizes = [first.headline(lead)[0]]
    variant = first.variant(lead) if first.may_divide else None
    if variant is not None:
        sizes.append(variant.headline(variant.area.columns)[0])
    known = [s for s in sizes if s is not None]
    cap, cost = None, 0.0
    if known and first.article.headline is not None:
        below = [s for s in settable_sizes(first.t) if s < min(known)]
        cap = below[0] if below else min(known)
        if not below and any(not own_size(c) for c in candidates[1:]):
            cost = UNORDERED
    for candidate in candidates[1:]:
        bounds = [b for b in (cap, candidate.rank_cap) if b is not None]
        candidate.cap = min(bounds) if bounds else None
    return cost


class Ordered(NamedTuple):
    """The settled plans with their headlines in order (`ordered_headlines`), how many
    headlines it left larger than one before or above them, and for each article left
    larger than one ranked before it, that size (the bound a later round sets it under:
    `Candidate.rank_cap`)."""

    plans: list[ArticlePlan]
    left: int
    bounds: dict[int, float]


def ordered_headlines(settled: list[ArticlePlan], by_index: dict[int, Candidate]) -> Ordered:
    """Made-up headline sizes step down by rank, and headlines get smaller down the page:
    a made-up headline larger than one ranked before it, or than one above it (in columns
    they share), takes the least of those sizes, its band kept as tall by air, so that
    nothing else moves (`heads.reheaded`; the search costs a page where that cannot be
    done: tiling's OUT_OF_RANK and UNORDERED); the lead, a title the manifest sized and a
    vertical one keep theirs (and bound no rank: `heads.own_size`). With the plans, how many
    headlines are left larger than one before or above them (none could be set down): the
    make-up's rounds are weighed with UNORDERED each (as the search weighs a tiling), so
    that a round whose hierarchy is wrong is not taken over a later one's that holds for
    the blank it leaves alone; and the next round bounds those left out of rank (`bounds`)."""
    out = {p.index: p for p in settled}
    left, bounds = 0, {}
    ranked = math.inf  # (the least made-up size of the headlines ranked so far)
    for plan in sorted(settled, key=lambda p: by_index[p.index].rank):
        h, c = plan.headline, by_index[plan.index]
        if h is None or h.size is None:
            continue
        made = not own_size(c)
        if not c.lead:
            bound = min([*_sizes_above(plan, list(out.values())),
                         *([ranked] if made else [])], default=math.inf)
            if h.size > bound:
                fixed = reheaded(c, plan, bound)
                if fixed is None:
                    left += 1
                    if made and h.size > ranked:
                        bounds[plan.index] = ranked
                else:
                    out[plan.index] = fixed
        now = out[plan.index].headline
        if made and now is not None and now.size:
            ranked = min(ranked, now.size)
    return Ordered([out[p.index] for p in settled], left, bounds)


def _sizes_above(plan: ArticlePlan, plans: list[ArticlePlan]) -> list[float]:
    """The sizes of the made-up horizontal headlines of `plans` above `plan` in a column
    they share."""
    return [q.headline.size for q in plans
            if q.last_line < plan.first_line and q.first_column <= plan.last_column
            and plan.first_column <= q.last_column and q.headline
            and q.headline.size and not q.headline.vertical]


# -- one article settled in its module ---------------------------------------------------


def settle_leaf(c: Candidate, leaf: Leaf, columns: int, lines: int, first_column: int,
                first_line: int) -> Settled:
    """`settle` for a leaf of the search, on its own grid when it is re-divided."""
    if not leaf.config.divide:
        return settle_article(c, columns, lines, leaf.config, first_column, first_line)
    variant = c.variant(columns)
    assert variant is not None  # (a leaf re-divided came from a variant's options)
    t = variant.t
    plan, score, _ = settle_article(variant, leaf.config.divide, lines,
                                    leaf.config.divided(0), 1, first_line)
    # (laid out on the variant's own grid: the page flows it again on its place)
    return Settled(replace(plan, first_column=first_column,
                           last_column=first_column + columns - 1,
                           measure=(t.columns, t.column_width, t.gutter)), score, None)


def settle_article(c: Candidate, columns: int, lines: int, config: Config, first_column: int,
           first_line: int) -> Settled:
    """The article's plan in its module, its pictures adjusted a line at a time until
    the flow fills the module (the options above only estimate); and what it leaves
    blank (HOLE a line) or over (OVERFLOW a line). When that does not fill it, the
    other sizes of its pictures that come near are tried in the flow too."""
    best = adjust(c, columns, lines, config, first_column, first_line)
    if best.score >= OVERFLOW * TOO_LOW and c.pictures:  # the smallest pictures, then
        best = min(best, adjust(c, columns, lines, smallest(c, config),
                                first_column, first_line), key=lambda b: b.score)
    if not c.pictures or best.score <= HOLE * (SHORT_MOST - SHORT_OK):
        return best
    top = c.head_lines(columns, config) or 0
    room = columns * (lines - top) + config.beside * top - c.need_at(columns,
                                                                        config.size)
    near = sorted((abs(room - cells), widths, heights)
                  for widths, sums in picture_sums(c, columns).items()
                  for cells, (_, heights) in sums.items()
                  if abs(room - cells) <= 2 * columns and wide_enough(c, columns, widths)
                  and (not config.beside or widths[0] == config.beside))
    for _, widths, heights in near[:SETTLE_TRIES]:
        trial = config.pictured(widths, heights)
        if not half(c, columns, lines, trial):
            continue
        tried = adjust(c, columns, lines, trial, first_column, first_line, rounds=1)
        if tried.score < best.score:
            best = tried
        if tried.score <= HOLE * (SHORT_MOST - SHORT_OK):
            break
    return best


def adjust(c: Candidate, columns: int, lines: int, config: Config, first_column: int,
           first_line: int, rounds: int = 12) -> Settled:
    """The best of `config` and its pictures made a line taller or shorter at a time,
    as the flow asks."""
    best: Settled | None = None
    seen: set[tuple[int, ...]] = set()
    for _ in range(rounds):
        plan = c.plan(columns, lines, config, first_column, first_line)
        laid = None
        try:
            c.measured += 1
            # (the search for its bottom starts a line over the module's foot, where most
            # settle: fitting there, it is found in one layout)
            fill = measure_fill(c.flow(plan), plan.last_line - 1)
            over, laid = fill.over, fill.laid
        except TooLow:  # (a picture past the module's foot: never the page's plan)
            over = TOO_LOW
        if over is not None:
            score = OVERFLOW * over
            move = -1
        else:
            short = short_lines(fill, plan, plan.last_line)
            score = HOLE * short + STUB * short_legs(fill)[0]
            move = 1 if short else 0
        if best is None or score < best.score:
            best = Settled(plan, score, laid)
        seen.add(config.heights)
        if not move or not config.heights:
            break
        grown = resized(c, config, move)
        if grown is None or grown.heights in seen or not half(c, columns, lines, grown):
            break
        config = grown
    assert best is not None  # (rounds ≥ 1)
    return best
