"""A settled headline's size changed without anything else moving: its band kept as
tall by air (settle.ordered_headlines, headlines smaller down the page), and the least size
the search can count on reaching so (`floor`: tiling's UNORDERED); and the grid lines a
headline's main title stands at, what the search weighs 碰题 on (`title_rows`)."""
from __future__ import annotations

import math
from dataclasses import replace

from ..holes import hole_lines, seen_over
from ..model import ArticlePlan
from ..sidebyside import BUTT_SHARE
from .candidate import Candidate
from .shapes import Config, settable_sizes
from .costs import DROPS, MAX_HEAD_EXTRA


def own_size(c: Candidate) -> bool:
    """Whether the article's headline keeps the size it has: none, sized by the manifest,
    filling its band, vertical, or an article whose headline the make-up does not size."""
    own = c.article.headline
    return own is None or bool(own.size or own.fill or own.vertical) or not c.size_headline


def kept_band(c: Candidate, columns: int, old: int, size: float, beside: int = 0) -> int | None:
    """The air (lines) that keeps a band of `old` lines as tall with the headline at
    `size`; None when the band would grow or need more air than a band may take. (The air
    is added to the band's lines as they are, `flow.head`'s band: the group so set takes
    `old` lines, and what stands under it, the byline and note, stands where it stood
    under the band of `old` lines, so reaches no lower: it is not set to be told so.)"""
    new = c.head_lines(columns, Config(size, beside=beside))
    if new is None or not 0 <= old - new <= MAX_HEAD_EXTRA + 1:
        return None
    return old - new


def floor(c: Candidate, columns: int, config: Config) -> float:
    """The least ladder size the headline set as `config` says (unlowered: the search
    reads a lowered head as the unlowered one shifted, `tiling.Marks`) could be set down to
    with its band kept as tall (`reheaded`); its own size when none, or when it keeps it."""
    size = config.size
    if size is None or own_size(c) or config.divide:
        return size or 0.0
    old = c.head_lines(columns, config)
    if old is None:
        return size
    for smaller in reversed(settable_sizes(c.t)):
        if smaller >= size or kept_band(c, columns, old, smaller, config.beside) is not None:
            return min(smaller, size)
    return size


def reheaded(c: Candidate, plan: ArticlePlan, size: float) -> ArticlePlan | None:
    """The settled `plan` with its headline at the largest ladder size no larger than
    `size` and its band kept as tall by air (so the body and pictures stay where they
    are); None when no such size keeps the band, or the article chose its own."""
    h, own = plan.headline, c.article.headline
    if h is None or own is None or own_size(c) or h.size is None or plan.measure:
        return None
    columns = plan.last_column - plan.first_column + 1
    beside = columns - (h.columns[1] - h.columns[0] + 1) \
        if h.columns and not own.columns else 0
    smaller = [s for s in settable_sizes(c.t) if s <= size]
    old = c.head_lines(columns, Config(h.size, plan.head_extra, beside=beside))
    air = kept_band(c, columns, old, smaller[0], beside) if smaller and old is not None else None
    if air is None:
        return None
    return replace(plan, head_size=smaller[0], head_extra=air)


def title_rows(c: Candidate, columns: int, config: Config) -> int:
    """The grid lines of a module set as `config` says that its main title stands at, as
    bits (its first line the lowest): those its box reaches into past half BUTT_SHARE of
    its size at either end, so that two titles at one height (sidebyside.at_one_height)
    nearly always meet on one (the search's estimate; a settled page is counted on the
    titles as set, placed.butting). 0: no horizontal title."""
    found = c.head(columns, config)
    if found is None or not found.measure.title_size:
        return 0
    m, pitch = found.measure, c.t.pitch
    margin = BUTT_SHARE * m.title_size / 2
    first = int((m.title_top + margin) // pitch)
    last = max(first, math.ceil((m.title_bottom - margin) / pitch - 1e-9) - 1)
    return ((1 << (last + 1)) - 1) ^ ((1 << first) - 1)


def drops(c: Candidate, columns: int, config: Config) -> tuple[int, ...]:
    """The lines of air its headline group, set as `config` says, may stand under (DROPS):
    a group standing lower than its neighbour's (碰题); none for the lead (on top), a
    headline that is not across its module (vertical, or on `columns:`) or under a section
    bar; none that makes the blank over the group (the band's own air over it, and the
    line of the rule over the module) as tall as a hole (holes.HOLE_MM: a reader sees a
    hole over the headline, which no copy fills)."""
    h = c.article.headline
    if c.lead or h is None or h.columns or c.vertical or c.article.section:
        return ()
    found = c.head(columns, config)
    if found is None:
        return ()
    over = max(found.measure.over, default=0)
    square = hole_lines(c.t)
    return tuple(d for d in DROPS if seen_over(over + d) < square)
