"""One article laid out in its part of the grid: its head (head.py) across the top, its
pictures as obstacles, then its body flowing down the columns' grid cells — paragraphs line
by line, every other block measured and placed whole (blocks.py) — balanced: the least
bottom line at which it all fits. What does not fit is returned as `Overflow`.
"""
from __future__ import annotations

import math
from dataclasses import replace
from typing import Any, NamedTuple

from ..errors import LayoutError
from ..fonts import FontSet
from ..holes import MIN_LEG, line_shape, text_legs
from ..manifest import block_text
from ..model import (Align, ArticlePlan, LineKind, Overflow, Paragraph, PlacedRect,
                     Signature, Template)
from ..text.linebreak import SetLine
from .blocks import Cells, Held, flows, kind_of, measure_block, room_after
from .head import Head, Heads, set_head
from .setter import Drawn, TooLow, Typesetter, nearest
from .textcache import TextCache

RULE_COLOUR = "#333333"
class Layout(NamedTuple):
    """The article laid out down to one bottom line: what it draws, what is left over."""

    drawn: Drawn
    overflow: Overflow | None


class Laid(NamedTuple):
    """The article laid out balanced (ArticleFlow.run): what it draws, what is left over,
    and the grid line its body ends on."""

    drawn: Drawn
    overflow: Overflow | None
    bottom: int


class ArticleFlow:
    """Lays one article out in its part of the grid."""

    def __init__(self, plan: ArticlePlan, template: Template, fonts: FontSet,
                 cache: TextCache | None = None, heads: Heads | None = None):
        self.plan = plan
        self.t = template
        self.s = Typesetter(template, fonts, plan.first_column, plan.last_column, cache,
                            f"article {plan.index + 1}, ")
        self._head: Head | None = None  # the head as set once (head())
        self.heads = heads  # (the heads of this article's other flows on this grid)
        # each paragraph's lines by its index among the body's blocks (paragraph_lines:
        # the balancing search lays the body out at each bottom it tries)
        self._paragraphs: dict[int, list[SetLine]] = {}

    # -- the article, balanced --------------------------------------------------------------

    def run(self, hint: int | None = None) -> Laid:
        """Lay the article out, balanced: at the least height its region allows; also give
        the grid line its body ends on. `hint`, a guess of that line (the make-up's), makes
        the search start there and widen step by doubling steps."""
        last = self.plan.last_line
        if hint == last - 1:
            # (a guess that it fills its module, settle.adjust's: laid out whole at the
            # foot first, the page where it does not fit, and where it ends there)
            whole = self.layout(last)
            if whole.overflow is not None:
                return Laid(whole.drawn, whole.overflow, last)
            low = self.least_bottom(self.plan.first_line, last, hint)
            drawn, overflow = whole if low == last else self.layout(low)
        else:
            # (counted only; placed in full when it does not fit: that is the page)
            if self.layout(last, count=True).overflow is not None:
                drawn, overflow = self.layout(last)
                return Laid(drawn, overflow, last)
            low = self.least_bottom(self.plan.first_line, last, hint)
            drawn, overflow = self.layout(low)
        spare = self.lent_to_last(drawn, low)
        if spare:
            moved = self.layout(low, spare=spare)
            if moved.overflow is None and not self.last_leg_short(moved.drawn):
                return Laid(moved.drawn, None, low)
        return Laid(drawn, overflow, low)

    def last_leg_short(self, drawn: Drawn) -> int:
        """How many lines the body's last leg of text (the last column's) lacks of
        MIN_LEG; 0 when it has them."""
        legs = text_legs(self.t, drawn.lines, drawn.images, self.columns())
        return max(0, MIN_LEG - (legs[-1][2] - legs[-1][1] + 1)) if legs else 0

    def lent_to_last(self, drawn: Drawn, bottom: int) -> frozenset[tuple[int, int]]:
        """A last leg of text shorter than MIN_LEG lines (a stub at the end of the article,
        under a picture or on its own): the cells at the feet of the legs before it that,
        left blank, move the lines it lacks into it — a line from each, from the nearest
        back, and round again, while each keeps MIN_LEG lines; only legs that end on the
        bottom line lend. (The blank is the same: a line at the feet of the columns before
        instead of several under the stub.)"""
        legs = text_legs(self.t, drawn.lines, drawn.images, self.columns())
        if len(legs) < 2:
            return frozenset()
        column, first, last = legs[-1]
        lacks = MIN_LEG - (last - first + 1)
        lenders = []
        for lender in reversed(legs[:-1]):
            if lender[0] == column or lender[2] != bottom:
                break
            column = lender[0]
            lenders.append(lender)
        lent = [0] * len(lenders)
        while lacks > 0:
            gave = False
            for n, (_, first, last) in enumerate(lenders):
                if lacks > 0 and last - first + 1 - lent[n] > MIN_LEG:
                    lent[n] += 1
                    lacks -= 1
                    gave = True
            if not gave:
                return frozenset()
        return frozenset((lender[0], line) for lender, n in zip(lenders, lent)
                         for line in range(bottom - n + 1, bottom + 1))

    def columns(self) -> range:
        """The columns of the article's part of the grid."""
        return range(self.plan.first_column, self.plan.last_column + 1)

    def least_bottom(self, low: int, high: int, hint: int | None) -> int:
        """The least bottom line in low–high at which everything fits (at `high` it does):
        from `hint` out by doubling steps, then halving."""
        if hint is not None and low <= hint < high:
            step = 1
            if self.fits(hint):
                high = hint
                while high - step >= low and self.fits(high - step):
                    high -= step
                    step *= 2
                low = max(low, high - step + 1)
            else:
                low = hint + 1
                while low + step - 1 < high and not self.fits(low + step - 1):
                    low += step
                    step *= 2
                high = min(high, low + step - 1)
        while low < high:
            middle = (low + high) // 2
            if self.fits(middle):
                high = middle
            else:
                low = middle + 1
        return low

    def fits(self, bottom: int) -> bool:
        """Whether the whole article fits with its body ending at grid line `bottom`."""
        try:
            return self.layout(bottom, count=True).overflow is None
        except TooLow:
            return False

    def layout(self, bottom: int, count: bool = False,
               spare: frozenset[tuple[int, int]] = frozenset()) -> Layout:
        """The article with its body ending at grid line `bottom`. `count`: a trial of
        the balancing search, which only asks whether the text fits — a paragraph's lines
        are counted, not placed (its last one is: a signature may share it), and no rules
        are drawn. `spare`: cells the body leaves blank (lent_to_last)."""
        out = Drawn()
        head = self.head(out, bottom)
        out.head = len(out.lines)
        line = head.body_line
        reach = max((g for _, g in head.cells), default=line - 1)
        if max(reach, line - 1) > bottom:
            raise TooLow(max(reach, line - 1), "its headline group, byline and editor's "
                         "note (with the template's headline_gap)")
        blocked = self.place_images(out, line, bottom) | head.cells | spare
        columns = self.columns()
        cells = Cells(columns, head.cells_top, bottom, blocked)
        overflow = self.body(out, cells, count)
        if self.t.column_rules and not count:
            self.rules(out, columns, line)
        return Layout(out, overflow)

    def head(self, out: Drawn, bottom: int) -> Head:
        """The headline group, byline and editor's note across the article (Head), copied
        into `out`; TooLow when it reaches below `bottom`. Set once for the flow: nothing
        of it depends on the bottom but whether it reaches past it, and the balancing
        search lays the article out at every bottom it tries."""
        if self._head is None:
            self._head = set_head(self.s, self.plan) if self.heads is None \
                else self.heads.head(self.s, self.plan)
        self._head.draw_into(out, bottom)
        return self._head

    # -- pictures ---------------------------------------------------------------------------

    def place_images(self, out: Drawn, body_top: int, bottom: int) -> set[tuple[int, int]]:
        """Draw the article's pictures and captions; return the grid cells they take."""
        t = self.t
        blocked: set[tuple[int, int]] = set()
        for image in self.plan.images:
            # (the manifest or the make-up has placed every picture by now)
            assert image.first_column is not None and image.last_column is not None \
                and image.first_line is not None and image.lines is not None
            first_col = self.plan.first_column + image.first_column - 1
            last_col = self.plan.first_column + image.last_column - 1
            top = body_top + image.first_line - 1
            self.check_image(image, top, body_top, last_col)
            x = t.column_x(first_col)
            width = t.column_x(last_col) + t.column_width - x
            caption = self.s.caption(image.caption, width)
            end = top + image.lines + len(caption)  # first grid line after the caption
            if end - 1 > bottom:
                raise TooLow(end - 1, f"its picture (line {image.origin.line})")
            self.s.picture(out, image, x, width, top, caption)
            if caption and image.caption:
                out.captions.append((len(out.lines) - len(caption), len(out.lines),
                                     image.caption))
            # a blank line between caption and text; a picture standing on the foot of the
            # article has its blank line above it instead
            gap = 1 if end <= bottom else 0
            above = 1 if not gap and top > body_top else 0
            blocked |= {(c, g) for c in range(first_col, last_col + 1)
                        for g in range(top - above, end + gap)}
        return blocked

    def check_image(self, image: Any, top: int, body_top: int, last_col: int) -> None:
        """A picture stays inside the article's region: else an error at its line."""
        if top < self.plan.first_line:  # (`line:` 0 or less: beside the headline)
            head = body_top - self.plan.first_line
            raise LayoutError(f"picture line {image.first_line} starts above the "
                              f"article's region: its body starts {head} line(s) under "
                              "its top", image.origin.file, image.origin.line,
                              hint=f"give it line {1 - head} or more")
        if last_col > self.plan.last_column:
            columns = self.plan.last_column - self.plan.first_column + 1
            raise LayoutError(f"picture columns {image.first_column}-{image.last_column} "
                              f"leave the article's {columns} columns", image.origin.file,
                              image.origin.line, hint=f"give it columns within 1-{columns} "
                                                      "(counted from the article's first)")

    # -- the body ---------------------------------------------------------------------------

    def body_blocks(self) -> list:
        """The body's blocks, with the 转版 notes as signatures."""
        article = self.plan.article
        blocks = list(article.blocks)
        if article.note and article.headline and article.headline.vertical:
            blocks.insert(0, article.note)  # (beside a vertical title: the text's first)
        if article.continued_from:
            blocks.insert(0, Signature(f"（上接第{article.continued_from}版）", article.origin))
        if article.continues_on:
            blocks.append(Signature(f"（下转第{article.continues_on}版）", article.origin))
        return blocks

    def body(self, out: Drawn, cells: Cells, count: bool) -> Overflow | None:
        """Flow the body's blocks through `cells` (`count`: paragraphs' lines but their
        last counted, not placed); return what does not fit."""
        s, t = self.s, self.t
        blocks = self.body_blocks()
        pos = 0
        # (read once: t.column_lefts[c - 1] is t.column_x(c); a style's and a block's
        # fields are looked up at each read, compiled)
        body, lefts, width, spots = LineKind.BODY, t.column_lefts, t.column_width, cells.cells
        size, align = t.body.size, t.body.align
        # a framed box that does not fit the rest of its column, held until the text after
        # it has filled that column
        held: Held | None = None
        for index, block in enumerate(blocks):
            kind = kind_of(block)
            if kind.measure is None:  # running text, a line to a cell
                lines = self.paragraph_lines(blocks, index)
                last = len(lines) - 1
                origin = block.origin
                for i, line in enumerate(lines):
                    if held is not None and pos >= held.cell:  # (the box's cell reached)
                        pos, held = self.place_held(out, held, cells, pos), None
                    if pos >= len(spots):
                        return self.overflow(blocks, index + 1, lines[i:])
                    if not count or i == last:
                        column, grid = spots[pos]
                        s.on_grid(out, line, body, size, align, lefts[column - 1], width, grid,
                                  1, origin)
                    pos += 1
                continue
            if kind.join is not None and kind.join(s, out, block):
                continue
            if held is not None:  # (before any block but running text: the box held)
                pos, held = self.place_held(out, held, cells, pos), None
            if kind.floats and index:
                m = measure_block(self.s, block)
                at = cells.stand(m.need + m.keep, m.need, pos)
                if at is not None and at > pos:
                    held = Held(block, at, len(out.lines), len(out.rects))
                    continue
            placed = self.place_block(out, block, cells, pos)
            if placed is None:
                return self.overflow(blocks, index, [])
            pos = placed
        if held is not None:  # (the text ran out before the box's cell: it stands there)
            self.place_held(out, held, cells, pos)
        return None

    def place_held(self, out: Drawn, held: Held, cells: Cells, pos: int) -> int:
        """Place a framed box held (`body`) from `pos`, at or before the cell it was
        held for: it fits there, as found when it was held (the text after it took only
        cells before that one); its lines and frame drawn where it was held, before the
        text that went on past it, so that the page's text reads in the manifest's order.
        Return the cell after it."""
        lines, rects = len(out.lines), len(out.rects)
        placed = self.place_block(out, held.block, cells, pos)
        assert placed is not None  # (see above)
        box_lines, box_rects = out.lines[lines:], out.rects[rects:]
        del out.lines[lines:], out.rects[rects:]
        out.lines[held.lines:held.lines] = box_lines
        out.rects[held.rects:held.rects] = box_rects
        return placed

    def place_block(self, out: Drawn, block: Any, cells: Cells, pos: int) -> int | None:
        """Place a block that is not running text from cell `pos` on (moving down past a
        gap or to the next column when it does not fit where it is); return the cell after
        it, or None when it does not fit at all."""
        t = self.t
        kind = kind_of(block)
        m = measure_block(self.s, block)
        at = cells.stand(m.need + m.keep, m.need, pos)
        if at is None:
            return None
        pos = at
        column, first = cells.cells[pos]
        assert kind.place is not None  # (measured: so placed)
        kind.place(self.s, out, block, m, t.column_x(column), first)
        if m.after:  # (blank lines under it, where its column goes on)
            return pos + m.need + min(m.after, cells.run(pos) - m.need)
        return pos + m.need

    def paragraph_lines(self, blocks: list, index: int) -> list[SetLine]:
        """Paragraph blocks[index] broken into body lines (its run-in lead in the lead face),
        keeping room for a block after it that shares its last line; remembered (in the
        text cache, and by this flow)."""
        found = self._paragraphs.get(index)
        if found is not None:
            return found
        t = self.t
        block = blocks[index]
        runs = ((block.lead or "", t.styles["lead"].face), (block.text, t.body.face))
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        found = self._paragraphs[index] = self.s.set_runs(
            runs, t.body.size, t.column_width, True, t.indent, room_after(self.s, following))
        return found

    def body_need(self) -> int:
        """Grid cells the body takes when no column foot moves a block on: what the make-up
        sizes pictures against (the flow itself has the last word). Past what the whole
        page holds, the rest is counted by its characters, not broken: a page that far
        over only needs to be known as over."""
        blocks = self.body_blocks()
        total = 0
        for index, block in enumerate(blocks):
            kind = kind_of(block)
            if total > self.page_cells():
                total += self.estimated_lines(block)
            elif kind.measure is None:
                total += len(self.paragraph_lines(blocks, index))
            elif index and kind.room is not None and kind.room(self.s, block):
                continue  # on the last line of the paragraph before it
            else:
                m = kind.measure(self.s, block)
                total += m.need + m.after
        return total

    def body_shape(self, known: tuple[list, list] = ([], [])) -> tuple[list, list, tuple | None]:
        """All the balancing, the count and the cells covered read of the body, without
        its words: each paragraph's lines as `line_shape` gives them, every other block as
        it is (its measure and drawing are its own). Two bodies of one shape are laid out
        line for line on the same cells in any module, leave the same over and blank,
        and sign a signature alike, so the make-up weighs them alike (makeup.Kept: an
        edit that moves no line's end). None for a body that may pass what the whole page
        holds: its lines past that are counted from its characters. Returned with the
        body's blocks and each one's part (its shape, and the lines it counts), which
        `known` gives again of another body on this grid: a block's part reads no more
        than it and the block after it, so a block that is, with the one after it, as
        in `known` has its part (an edit of one paragraph sets that paragraph only)."""
        blocks = self.body_blocks()
        was, parts = known
        alike = len(was) == len(blocks)
        out: list = []
        for index, block in enumerate(blocks):
            if alike and all(a is b or a == b for a, b in
                             zip(was[index:index + 2], blocks[index:index + 2])):
                out.append(parts[index])
            else:
                out.append(self.shape_part(blocks, index))
        most = sum(lines for _, lines in out)  # (at least what body_need and an overflow count)
        return blocks, out, tuple(part for part, _ in out) if most <= self.page_cells() else None

    def shape_part(self, blocks: list, index: int) -> tuple[Any, int]:
        """Block `index`'s part of `body_shape`: its shape, and the lines it counts."""
        block = blocks[index]
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if flows(block):
            lines = self.paragraph_lines(blocks, index)
            # (a line's end moves the text of a body not set flush left)
            ended = self.t.body.align is Align.LEFT and (
                following is None or kind_of(following).join is None)
            return tuple([line_shape(line, ended) for line in lines]), len(lines)
        m = measure_block(self.s, block)
        return block, m.need + m.after + max(1, len(self.s.set_text(
            block_text(block), self.t.body, self.t.column_width, False)))

    def page_cells(self) -> int:
        """Body lines the whole page holds, every column full."""
        return self.t.columns * self.t.grid_lines

    def estimated_lines(self, block: Any) -> int:
        """Lines a block takes, from its characters alone (for text far past the page)."""
        per_line = max(1, int(self.t.column_width / self.t.body.size))
        return max(1, math.ceil(len(block_text(block)) / per_line))

    def overflow(self, blocks: list, first: int, pending: list[SetLine]) -> Overflow:
        """What is left: the rest of a paragraph already broken, and blocks[first:]; lines
        past a page's worth are counted from the characters (linear in the text)."""
        texts = ["".join(g.char for line in pending for g in line.glyphs)] if pending else []
        count = len(pending)
        t = self.t
        own = {id(b) for b in self.plan.article.blocks}  # (not body_blocks' 转版 notes)
        rest = []
        if pending:  # the paragraph's rest, or the whole paragraph when none of it is set
            cut = blocks[first - 1]
            whole = len(pending) == len(self.paragraph_lines(blocks, first - 1))
            rest.append(cut if whole else Paragraph(texts[0], cut.origin))
        rest += [b for b in blocks[first:] if id(b) in own]
        for index in range(first, len(blocks)):
            block = blocks[index]
            if count > self.page_cells():
                count += self.estimated_lines(block)
            elif flows(block):  # broken as the body breaks it: remembered
                count += len(self.paragraph_lines(blocks, index))
            else:  # a picture, box or heading: its text, a line or two at most
                count += max(1, len(self.s.set_text(block_text(block), t.body,
                                                    t.column_width, False)))
            texts.append(block_text(block))
        return Overflow(self.plan.index, "\n".join(texts), count, tuple(rest))

    def rules(self, out: Drawn, columns: range, body_top: int) -> None:
        """A thin rule down the middle of each gutter between two columns that hold text."""
        t = self.t
        bottoms: dict[int, float] = {}
        # (the template's numbers read once: a line's fields and the template's are looked
        # up at each read, compiled; `head + grid * pitch` is t.line_top(grid + 1))
        left, step, head, pitch = t.margin_left, t.column_width + t.gutter, t.margin_top, t.pitch
        caption = LineKind.CAPTION
        across = [(r.x, r.x + r.width, r.y, r.y + r.height) for r in out.images] + \
            [(r.x, r.x + r.width, r.y, r.y + r.height) for r in out.rects if r.fill]
        for line in out.lines:
            grid = line.grid_line
            if grid is not None and grid >= body_top:
                column = nearest((line.left - left) / step) + 1
                bottoms[column] = max(bottoms.get(column, 0.0), head + grid * pitch)
            if line.kind is caption:  # pictures and captions across a gutter: the rule
                # stops at them, never runs through
                across.append((line.left, line.left + line.width, line.baseline - pitch,
                               line.baseline + pitch / 2))
        for column in columns[:-1]:
            if column in bottoms and column + 1 in bottoms:
                x = t.column_x(column) + t.column_width + t.gutter / 2
                top = t.line_top(body_top)
                bottom = max(bottoms[column], bottoms[column + 1])
                cuts = sorted((y0 - t.pitch / 4, y1 + t.pitch / 4)
                              for x0, x1, y0, y1 in across if x0 < x < x1)
                for y0, y1 in [*cuts, (bottom, bottom)]:
                    if min(y0, bottom) - top > 1.5 * t.pitch:  # (no stub of a rule)
                        out.rects.append(PlacedRect(x, top, 0, min(y0, bottom) - top, None,
                                                    RULE_COLOUR, 0.3))
                    top = max(top, y1)


def article_flow(plan: ArticlePlan, template: Template, fonts: FontSet,
                 cache: TextCache | None = None) -> ArticleFlow:
    """The flow of one article; an article whose base columns are re-divided (破栏) is set
    on a grid of its own: its columns, at its place on the page."""
    if plan.measure is None:
        return ArticleFlow(plan, template, fonts, cache)
    count, width, gutter = plan.measure
    own = replace(template, columns=count, column_width=width, gutter=gutter,
                  margin_left=template.column_x(plan.first_column))
    return ArticleFlow(replace(plan, first_column=1, last_column=count), own, fonts, cache)
