"""破栏: an article's base columns re-divided into columns of their own (`divided`: the
division whose gutters stand clear of the base gutters, nearest DIVIDED_WIDTH characters;
`divided_into`: into so many columns of whole characters), what ArticlePlan.measure holds
and the make-up offers for a page's lead."""
from __future__ import annotations

import math
from typing import Final, NamedTuple

from ..model import Template

# 破栏: re-divided columns are at least MIN_DIVIDED characters wide, and near DIVIDED_WIDTH.
MIN_DIVIDED: Final = 9
DIVIDED_WIDTH: Final = 13


class Division(NamedTuple):
    """破栏: an article's base columns re-divided into `columns` columns `width` wide,
    `gutter` apart (ArticlePlan.measure)."""

    columns: int
    width: float
    gutter: float


def divided(template: Template, columns: int) -> Division | None:
    """破栏 for `columns` base columns: the whole characters of the re-divided columns nearest
    DIVIDED_WIDTH whose gutters all stand clear of the base gutters (so a reader never runs
    on down a base gutter from the article into the ones below); None when no division
    keeps clear of them."""
    t = template
    size = t.body.size
    base = [m * (t.column_width + t.gutter) - t.gutter / 2 for m in range(1, columns)]
    best: tuple[float, Division] | None = None
    for count in range(2, columns):
        measure = divided_into(t, columns, count)
        if measure is None:
            continue
        own = [k * (measure.width + measure.gutter) - measure.gutter / 2
               for k in range(1, count)]
        if all(abs(a - b) >= (measure.gutter + t.gutter) / 2 + 0.5 * size
               for a in own for b in base):
            score = abs(measure.width / size - DIVIDED_WIDTH)
            if best is None or score < best[0]:
                best = (score, measure)
    return best[1] if best else None


def divided_into(template: Template, columns: int, count: int) -> Division | None:
    """`columns` base columns re-divided into `count` columns of whole characters (破栏);
    None when they would be narrower than MIN_DIVIDED characters or their gutters wider
    than two base gutters."""
    t = template
    size = t.body.size
    total = columns * t.column_width + (columns - 1) * t.gutter
    width = math.floor((total - (count - 1) * t.gutter) / count / size + 1e-9) * size
    gutter = (total - count * width) / (count - 1)
    if width < MIN_DIVIDED * size or gutter > 2 * t.gutter:
        return None
    return Division(count, width, gutter)
