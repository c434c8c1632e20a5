"""The tiling chosen, laid out: each article settled in its module, the boundaries between
stacked modules moved where text is left over and the page has room, the page refused at
once when it cannot hold its articles, the headlines bounded by the lead's."""
from __future__ import annotations

import math
from dataclasses import replace
from typing import Any

from ..errors import LayoutError
from ..model import ArticlePlan, Issue, Template
from .candidate import Area, Candidate, Config, Leaf, ladder_sizes
from .costs import (MIN_LEG, SHORT_OK, SHORT_MOST, HOLE, OVERFLOW,
                    REPAIR_MOVES, REPAIR_ROUNDS, MOST_ARTICLES)
from .tiling import Cut, place


def settle_tree(tree, area: Area, lines: int, by_index: dict[int, Candidate],
             known: dict | None = None,
             ) -> tuple[float, list[ArticlePlan], list, list[Leaf]]:
    """The tree's modules in the area's top `lines`, each article settled in its own:
    (what they leave blank or over, their plans, the cuts between them, the leaves whose
    option the flow did not bear out). `known`: modules settled before, by place."""
    leaves: list = []
    cuts: list = []
    place(tree, area.first_column, area.first_line, area.columns, lines, leaves, cuts)
    settled, total, failed = [], 0.0, []
    known = {} if known is None else known
    if any(height < MIN_LEG for *_, height in leaves):
        return math.inf, [], cuts, []  # (a module moved out of the page)
    for leaf, column, line, columns, height in leaves:
        key = (leaf, column, line, columns, height)
        if key not in known:
            known[key] = by_index[leaf.index].settle_leaf(leaf, columns, height, column,
                                                          line)
        plan, score = known[key]
        settled.append(plan)
        total += score
        # the flow disagrees with the option: text left over, or a module it could not
        # fill
        if score >= OVERFLOW or score > HOLE * (SHORT_MOST - SHORT_OK):
            failed.append(leaf)
    return total, settled, cuts, failed


def repair_tree(tree, area: Area, lines: int, by_index: dict[int, Candidate],
              result: tuple) -> tuple[Any, tuple]:
    """The tree with the boundaries between stacked modules moved a few lines at a time
    while that leaves less blank and less text over (the options only estimate: a module
    that does not hold its text where the page has room takes lines from a neighbour
    that has them to spare)."""
    known: dict = {}
    for _ in range(REPAIR_ROUNDS):
        if result[0] < OVERFLOW:  # (no text left over)
            break
        best = None
        failed = {leaf.index for leaf in result[3]}
        # (the cuts whose parts hold an article that failed: no other boundary helps it)
        trees = [_moved_cut(tree, path, sign * move)
                 for path in _across_paths(tree, failed=failed)
                 for move in REPAIR_MOVES for sign in (1, -1)]
        # or the headline of an article with text left over a step or two smaller
        for leaf in result[3]:
            candidate = by_index[leaf.index]
            size = leaf.config.size
            for smaller, _ in candidate.smaller(size, 0) if size else ():
                trees.append(_releafed(tree, leaf, replace(leaf.config, size=smaller)))
        for moved in trees:
            if moved is None:
                continue
            trial = settle_tree(moved, area, lines, by_index, known)
            if trial[0] < (best[1][0] if best else result[0]):
                best = (moved, trial)
        if best is None:
            break
        tree, result = best
    return tree, result


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
        return replace(tree, config=config) if tree == leaf else tree
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


def bound_headlines(candidates: list[Candidate], lead: int) -> None:
    """Every headline but the lead's a step below the lead's at the lead's width `lead`
    (on the base grid or re-divided), so the lead's stays the largest on the page."""
    first = candidates[0]
    sizes = [first.headline(lead)[0]]
    variant = first.variant(lead) if first.may_divide else None
    if variant is not None:
        sizes.append(variant.headline(variant.area.columns)[0])
    known = [s for s in sizes if s is not None]
    cap = None
    if known and first.article.headline is not None:
        below = [s for s in ladder_sizes(first.t) if s < min(known)]
        cap = below[0] if below else min(known)
    for candidate in candidates[1:]:
        candidate.cap = cap


def ordered_headlines(settled: list[ArticlePlan], by_index: dict[int, Candidate],
                      ) -> list[ArticlePlan]:
    """Headlines smaller down the page: a made-up headline under a smaller one (in columns
    they share) takes that size, its band kept as tall by air, so that nothing else moves
    (`Candidate.reheaded`); the lead, a title the manifest sized and a vertical one keep
    theirs."""
    out = {p.index: p for p in settled}
    for plan in sorted(settled, key=lambda p: (p.first_line, p.first_column)):
        h = plan.article.headline
        if h is None or h.size is None or by_index[plan.index].lead:
            continue
        above = [q.article.headline.size for q in out.values()
                 if q.last_line < plan.first_line and q.first_column <= plan.last_column
                 and plan.first_column <= q.last_column and q.article.headline
                 and q.article.headline.size and not q.article.headline.vertical]
        if above and h.size > min(above):
            fixed = by_index[plan.index].reheaded(plan, min(above))
            if fixed is not None:
                out[plan.index] = fixed
    return [out[p.index] for p in settled]
