"""An article's pictures the make-up sizes: the widths and heights they can take in a module
of so many columns (each k columns wide, as tall as its proportions give, cropped by at most
CROP), the heights a module reaches with them, and their places in it."""
from __future__ import annotations

import itertools
import math
from typing import TYPE_CHECKING

from ..frozen import copied
from ..model import Image
from .costs import (CROP, CROP_COST, EXTRA, MAX_HEAD_EXTRA, MIN_LEG, PICTURE_SHAPE, SHORT,
                    SHORT_MOST, SHORT_OK, TEXT_BESIDE, THUMB)
from .shapes import Config

if TYPE_CHECKING:
    from .candidate import Candidate


def placed_images(c: Candidate, columns: int, body: int, head: int,
                  config: Config) -> tuple[Image, ...]:
    """The pictures the make-up sizes, with their places in a body of `body` lines
    under `head` lines of headline: the first, third, … stacked at the top right (the
    first beside the headline when `config.beside`), the second, fourth, … up from
    the foot at the left, so text runs between them and every column keeps some.
    Under a vertical title at the right, the top right stack starts under its strip."""
    out = []
    top, foot = (1 - head if config.beside else 1), body + 1
    if c.vertical == "right":
        top += c.strip(columns, config)[0]
    for n, (image, width, lines) in enumerate(zip(c.pictures, config.widths,
                                                  config.heights)):  # (in order)
        (_, low, high), caption = picture_block(c, image, width)
        if n % 2 == 0:
            out.append(copied(image, first_column=columns - width + 1,
                              last_column=columns, first_line=top, lines=lines,
                              sized=(low, high)))
            top += lines + caption + 1
        else:
            foot -= lines + caption
            out.append(copied(image, first_column=1, last_column=width,
                              first_line=foot, lines=lines, sized=(low, high)))
            foot -= 1
    return tuple(out)


def picture_ways(c: Candidate, columns: int, limit: int, size: float | None, top: int,
                 cost: float) -> dict[int, tuple[float, Config]]:
    """`Candidate.options` for an article with pictures to size: the heights reached with
    its first picture under its headline (`top` lines of it, at `size`, costing `cost`) or
    beside it, and its band a line or two taller at the most."""
    base = Config(size)
    out: dict[int, tuple[float, Config]] = {}
    # the first picture under the headline, or beside it where that does not
    # squeeze the headline: at most half the module's columns and two columns
    # left to it, the headline no smaller (a lead with other headlines to stay
    # above), a step smaller (a lead alone) or two (any other), its band a line
    # or two taller at most (a note across fewer columns)
    besides = [0]
    h = c.article.headline
    if h and columns > 1 and not h.columns and not c.article.section \
            and not c.vertical:
        # (a section bar runs over it all; a vertical title stands at the side)
        ladder, _ = c.ladder()
        steps_down = 0 if c.lead and not c.alone else 1 if c.lead else 2
        least = size if size not in ladder else \
            ladder[min(ladder.index(size) + steps_down, len(ladder) - 1)]
        besides += [b for b in range(1, columns // 2 + 1) if columns - b >= 2
                    if (c.unmended(columns - b) or 0) >= (least or 0)
                    and (c.head_lines(columns, Config(
                        c.headline(columns - b)[0], beside=b)) or limit)
                    <= top + MAX_HEAD_EXTRA]
    for beside in besides:
        config, head_top, price = base, top, cost
        if beside:
            size, steps = c.headline(columns - beside)
            config = Config(size, beside=beside)
            found_band = c.head_lines(columns, config)
            if found_band is None:
                continue
            head_top, price = found_band, steps * c.step_cost
        for extra in range(MAX_HEAD_EXTRA + 1):
            aired = config.with_extra(extra)  # (the air beside it grows too)
            found = picture_options(c, columns, limit, aired, head_top + extra,
                                    price + c.head_blank(columns, aired) + extra * EXTRA)
            for height, option in found.items():
                c.offer(out, columns, height, *option)
    return out


def picture_options(c: Candidate, columns: int, limit: int, base: Config, top: int,
                    cost: float) -> dict[int, tuple[float, Config]]:
    """Heights reached by sizing the pictures: each takes k of the module's columns
    and the lines its proportions give at that width (within CROP), so that the body's
    cells are just filled, its last column at most SHORT_OK + 1 lines short."""
    out: dict[int, tuple[float, Config]] = {}
    need = c.need_at(columns, base.size)
    beside = base.beside
    # a vertical title's strip stands over the top right stack (at the right) or over
    # the foot's (at the left), and keeps the top right picture out of its columns
    strip, strip_columns = c.strip(columns, base)
    at_right = c.vertical == "right"
    right, left = (strip, 0) if at_right else (0, strip)
    clear = columns if at_right else columns - strip_columns
    for widths, sums in picture_sums(c, columns).items():
        if (beside and widths[0] != beside) or widths[0] > clear \
                or not wide_enough(c, columns, widths):
            continue  # (the first picture stands clear of a vertical title's strip)
        # (the lines of each stack's captions and the blank under each picture)
        up = down = 0
        shape = 0.0
        for n, (image, w) in enumerate(zip(c.pictures, widths)):
            if n % 2 == 0:
                up += 1 + picture_block(c, image, w)[1]
            else:
                down += 1 + picture_block(c, image, w)[1]
            if columns > 1:
                shape += PICTURE_SHAPE * abs(w / columns - 0.6)
        first = picture_block(c, c.pictures[0], widths[0])[1]
        # (two stacks side by side that overlap in a column: both in it, one over the other)
        overlap = len(widths) > 1 and widths[0] + widths[1] > columns
        thumb = THUMB if c.lead and columns >= 3 and widths[0] < 2 else 0.0
        rows = need - beside * top  # (the body's cells but the pictures')
        for cells, (crop, heights) in sums.items():
            if beside and heights[0] + first + 1 < top:
                continue  # a picture beside the headline is at least as tall
            # the stacks must leave each column room for a leg of text
            tall = stack_lines(heights, 0) + up - (top if beside else 0) + right
            low = stack_lines(heights, 1) + down + left
            most = max(tall, low)
            # the body's rows that leave the pictures `cells` cells and the text its
            # own, the last column at most SHORT_MOST lines short (beside the
            # headline, the first picture also takes the band's lines in its columns)
            for short in range(SHORT_MOST + 1):
                total = cells + short + rows
                if total % columns:
                    continue
                body = total // columns
                height = top + body
                if not top + MIN_LEG <= height <= limit or 2 * cells > columns * height:
                    continue  # (the pictures take at most half the module)
                if most > body - MIN_LEG or (overlap and tall + low > body - MIN_LEG):
                    continue
                # (the score's terms added in the order they always were)
                score = cost + CROP_COST * crop + shape + SHORT * max(0, short - SHORT_OK)
                if thumb:
                    score += thumb  # (a lead's picture a stamp: only where text needs it)
                c.offer(out, columns, height, score, base.pictured(widths, heights))
    return out


def stack_lines(heights: tuple[int, ...], side: int) -> int:
    """The lines of the pictures of one stack (`side` 0: the first, third, …; 1: the
    second, fourth, …), without their captions."""
    total = 0
    for n in range(side, len(heights), 2):
        total += heights[n]
    return total


def wide_enough(c: Candidate, columns: int, widths: tuple[int, ...]) -> bool:
    """Whether pictures so wide suit a module of `columns`: in a module of three
    columns, each leaves a column of text beside it; in a wider one, TEXT_BESIDE (a
    single column of text beside a picture ¾ of its module or more is a strip left over,
    not a leg of the story) (the cost of a picture's shape draws it towards 60 % of the
    module's width; a long text keeps it narrower)."""
    beside = 1 if columns <= 3 else TEXT_BESIDE
    return columns < 3 or all(w <= columns - beside for w, image in zip(widths, c.pictures)
                              if not image.width)  # (a width asked is the editor's)


def half(c: Candidate, columns: int, lines: int, config: Config) -> bool:
    """Whether the config's pictures, captions and the blank under each take at most
    half of a module of `columns` × `lines`."""
    cells = sum(w * (h + picture_block(c, i, w)[1] + 1)
                for i, w, h in zip(c.pictures, config.widths, config.heights))
    return 2 * cells <= columns * lines


def picture_block(c: Candidate, image: Image, width: int) -> tuple[tuple[float, int, int], int]:
    """A picture `width` columns wide: its natural lines and the least and most it may
    take (CROP), and its caption's lines."""
    key = (id(image), width)
    if key not in c.block_memo:
        c.block_memo[key] = _picture_block(c, image, width)
    return c.block_memo[key]


def _picture_block(c: Candidate, image: Image, width: int) -> tuple[tuple[float, int, int], int]:
    pt = c.width_pt(width)
    natural = pt / image.aspect / c.t.pitch
    low = max(2, math.ceil(natural * (1 - CROP) - 1e-9))
    high = math.floor(natural / (1 - CROP) + 1e-9)
    return (natural, low, high), c.caption_lines(image, width)


def picture_sums(c: Candidate, columns: int) -> dict[tuple[int, ...], dict[int, tuple]]:
    """For each choice of the pictures' widths (at most `columns`), the grid cells the
    pictures can take together → (the crop that costs, each one's lines)."""
    if columns not in c.sum_memo:
        c.sum_memo[columns] = _picture_sums(c, columns)
    return c.sum_memo[columns]


def _picture_sums(c: Candidate, columns: int) -> dict[tuple[int, ...], dict[int, tuple]]:
    out: dict[tuple[int, ...], dict[int, tuple]] = {}
    count = len(c.pictures)
    # the pictures of one stack are one width: a stack reads as a column of pictures
    # (but for a width the manifest asks of one)
    choices = dict.fromkeys(tuple(image.width or (up if n % 2 == 0 else down)
                                  for n, image in enumerate(c.pictures))
                            for up in range(1, columns + 1)
                            for down in (range(1, columns + 1) if count > 1 else (1,)))
    for widths in choices:
        if max(widths) > columns:
            continue
        blocks = [picture_block(c, i, w) for i, w in zip(c.pictures, widths)]
        if any(low > high for (_, low, high), _ in blocks):
            continue
        # each picture's heights with the cells and crop each gives it, summed over the
        # pictures in their order (the crops' floats added first to last, as ever)
        each = [[(h, w * (h + caption + 1), abs(h / natural - 1))
                 for h in range(low, high + 1)]
                for w, ((natural, low, high), caption) in zip(widths, blocks)]
        out[widths] = _summed(each)
    return out


def _summed(each: list[list[tuple[int, int, float]]]) -> dict[int, tuple]:
    """The least crop (the first found of equal ones) of each sum of cells, over every
    choice of one (height, cells, crop) of each picture, tried in `itertools.product`'s
    order; one picture and two (most articles) without the product's tuples."""
    sums: dict[int, tuple] = {}
    if len(each) == 1:
        for h, cells, crop in each[0]:
            if cells not in sums or crop < sums[cells][0]:
                sums[cells] = (crop, (h,))
        return sums
    if len(each) == 2:
        for h, cells, crop in each[0]:
            for h2, cells2, crop2 in each[1]:
                total, cropped = cells + cells2, crop + crop2
                if total not in sums or cropped < sums[total][0]:
                    sums[total] = (cropped, (h, h2))
        return sums
    for chosen in itertools.product(*each):
        total, cropped = 0, 0.0
        for _, cells, crop in chosen:
            total += cells
            cropped += crop
        if total not in sums or cropped < sums[total][0]:
            sums[total] = (cropped, tuple(h for h, _, _ in chosen))
    return sums


def resized(c: Candidate, config: Config, move: int) -> Config | None:
    """The pictures one line taller (move 1) or shorter (-1), the one furthest from its
    own proportions the other way changing; None when every one is at its limit."""
    blocks = [picture_block(c, i, w)[0] for i, w in zip(c.pictures, config.widths)]
    order = sorted(range(len(config.heights)),
                   key=lambda i: move * (config.heights[i] - blocks[i][0]))
    for i in order:
        height = config.heights[i] + move
        if blocks[i][1] <= height <= blocks[i][2]:
            heights = list(config.heights)
            heights[i] = height
            return config.pictured(config.widths, tuple(heights))
    return None


def smallest(c: Candidate, base: Config) -> Config:
    """The pictures as small as they may be, a column wide (or as wide as asked)."""
    widths = tuple(i.width or 1 for i in c.pictures)
    heights = tuple(picture_block(c, i, w)[0][1]
                    for i, w in zip(c.pictures, widths))
    return base.pictured(widths, heights)
