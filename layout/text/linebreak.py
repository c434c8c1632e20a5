"""Decide where to break a paragraph's lines, then justify each line.

First fit with push-out (推出, CJK-RULES §3): a line takes boxes while they fit at their
natural width (facing punctuation blanks collapsed, the line's last mark set half width);
when the next box does not fit, the line ends at the last break the 禁则 allow before it
and is spread to the full measure. A paragraph whose last line would hold a single
character (孤字) takes one more box down from the line before it.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from .chars import MARKS
from .items import Box, Gap, Glyph, Items

# Lengths closer than this (pt) are equal: absorbs float error in summed widths.
EPS = 1e-6
# A justified line whose gaps grow by more than this share of the type size is reported
# as loose (CJK-RULES §4: the gap between two Han characters should stay well under ½ em).
LOOSE_GAP = 0.5


@dataclass(frozen=True)
class SetLine:
    """A broken and justified line; glyph x is from the left edge of the measure."""

    glyphs: tuple[Glyph, ...]
    width: float  # the measure, pt
    last: bool  # the paragraph's last line: set ragged, not spread
    loose: bool  # spread beyond LOOSE_GAP, or could not be filled at all
    forced: bool  # broken against a 禁则 rule, or inside a word: nothing legal fitted


def _split(box: Box) -> list[Box]:
    """A box too wide for any line, cut into one box per glyph (last resort)."""
    return [Box((Glyph(g.char, g.face, 0.0, g.advance),), g.advance, 0.0, 0.0,
                box.first, box.last) for g in box.glyphs]


class _Breaker:
    def __init__(self, items: Items, widths: Callable[[int], float], indent: float):
        self.boxes: list[Box] = list(items.boxes)
        self.gaps: list[Gap] = list(items.gaps)
        self.widths = widths
        self.indent = indent
        self.size = items.size

    def measure(self, line: int) -> float:
        return self.widths(line) - (self.indent if line == 0 else 0.0)

    def natural(self, start: int, end: int) -> float:
        """Width of boxes[start:end] set on one line, its last mark half width."""
        width = sum(b.width for b in self.boxes[start:end])
        width += sum(g.kern + g.space for g in self.gaps[start:end - 1])
        return width - self.boxes[end - 1].blank_right

    def fit(self, start: int, line: int) -> tuple[int, bool]:
        """The end of the line starting at box `start`, and whether it was forced."""
        avail = self.measure(line)
        run = 0.0
        best = None
        j = start
        n = len(self.boxes)
        while j < n:
            run += self.boxes[j].width
            if j > start:
                run += self.gaps[j - 1].kern + self.gaps[j - 1].space
            if run - self.boxes[j].blank_right > avail + EPS:
                break
            if j == n - 1 or self.gaps[j].breakable:
                best = j + 1
            j += 1
        if best is not None:
            return best, False
        if j > start:
            return j, True  # nothing legal fits: break where the measure ends
        if len(self.boxes[start].glyphs) > 1:  # one word wider than the line
            pieces = _split(self.boxes[start])
            self.boxes[start:start + 1] = pieces
            self.gaps[start:start] = [Gap(True, 0.0, 0.0, False)] * (len(pieces) - 1)
            return self.fit(start, line)[0], True
        return start + 1, True  # one glyph wider than the line: it stands alone

    def is_widow(self, start: int, end: int) -> bool:
        """A last line of one character, or one character and its marks (孤字)."""
        words = [b for b in self.boxes[start:end] if b.first not in MARKS]
        return len(words) == 1 and len(words[0].glyphs) == 1

    def run(self) -> list[tuple[int, int, bool]]:
        lines: list[tuple[int, int, bool]] = []
        start = 0
        while start < len(self.boxes):
            end, forced = self.fit(start, len(lines))
            lines.append((start, end, forced))
            start = end
        if len(lines) >= 2 and self.is_widow(*lines[-1][:2]):
            lines = self.mend_widow(lines)
        return lines

    def mend_widow(self, lines: list[tuple[int, int, bool]]) -> list[tuple[int, int, bool]]:
        """End the line before the widow one legal break earlier, if the rest then fits."""
        prev_start, prev_end, _ = lines[-2]
        last_line = len(lines) - 1
        for end in range(prev_end - 1, prev_start, -1):
            if not self.gaps[end - 1].breakable:
                continue
            if self.natural(end, len(self.boxes)) <= self.measure(last_line) + EPS:
                return lines[:-2] + [(prev_start, end, False), (end, len(self.boxes), False)]
            break
        return lines

    def set_line(self, start: int, end: int, line: int, last: bool, justify: bool,
                 forced: bool) -> SetLine:
        avail = self.measure(line)
        slack = avail - self.natural(start, end)
        inner = self.gaps[start:end - 1]
        stretchable = sum(1 for g in inner if g.stretchable)
        extra = 0.0
        loose = False
        if justify and not last and slack > EPS:
            if stretchable:
                extra = slack / stretchable
                loose = extra > LOOSE_GAP * self.size
            else:
                loose = True
        x = self.indent if line == 0 else 0.0
        glyphs: list[Glyph] = []
        for k in range(start, end):
            box = self.boxes[k]
            # The blank a mark gives up (at the line end, or to the mark after it) leaves
            # its advance box too: no glyph box reaches past what the line gives it.
            trim = box.blank_right if k == end - 1 else min(box.blank_right,
                                                            -self.gaps[k].kern)
            extent = box.width - trim
            glyphs += [Glyph(g.char, g.face, x + g.x, min(g.advance, extent - g.x))
                       for g in box.glyphs]
            x += box.width
            if k < end - 1:
                gap = self.gaps[k]
                x += gap.kern + gap.space + (extra if gap.stretchable else 0.0)
        return SetLine(tuple(glyphs), self.widths(line), last, loose, forced)


def break_lines(items: Items, widths: Callable[[int], float], indent: float = 0.0,
                justify: bool = True) -> list[SetLine]:
    """Break a paragraph into lines; `widths(i)` is the measure of its i-th line (pt), the
    first line indented by `indent`. Every line but the last is spread flush when
    `justify`; nothing is ever dropped."""
    if not items.boxes:
        return []
    breaker = _Breaker(items, widths, indent)
    lines = breaker.run()
    return [breaker.set_line(start, end, i, i == len(lines) - 1, justify, forced)
            for i, (start, end, forced) in enumerate(lines)]

