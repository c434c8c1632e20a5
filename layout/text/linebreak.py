"""Break a paragraph's lines, then justify each line.

`ParagraphBreaker` makes a paragraph's measures (its boxes and gaps, wide words parted,
the prefix sums that measure any line in O(1): `totalfit.Measured`, which it extends) and
sets each line chosen. Two breakers share one measure of a line (`ParagraphBreaker.line`):

* total fit (the default): every legal break sequence is weighed at once, Knuth–Plass
  style, and the one with the least demerits wins (text/totalfit.py: the search, and what a
  line and a break cost);
* first fit (kept for comparison, and where no legal sequence exists): a line takes boxes
  while they fit and ends at the last legal break.

A line's natural width collapses facing punctuation blanks and sets its last mark half
width (CJK-RULES §3). The marks' remaining blank halves may shrink to ½ em: with push-in
(挤进) that is cheap, so a line squeezes its marks to take one more character; with push-out
(推出, the default) it is dear, so the line rather ends a character earlier and spreads,
and squeezes only where spreading would leave gaps many times wider (total fit; first fit
never squeezes when pushing out). Justification shrinks such a line, else spreads: Latin
word spaces up to ½ em first, then every gap between characters equally, never inside ——
…… nor beside a connector (CJK-RULES §4).
"""
from __future__ import annotations

from typing import ClassVar, Final, Sequence

from ..model import Breaking, Composition, PunctuationFit
from ..valued import Valued
from .hyphen import HYPHEN
from .items import Glyph, Items
from .totalfit import (CUT_DEMERITS, HANGABLE, HYPHEN_DEMERITS, LOOSE_GAP, RESCUE_HANG,
                       SPLIT_DEMERITS, SQUEEZE_BADNESS, Measured)
from .wide import EPS, parted, parted_anyway

# A glyph made where a line is set, as items.glyph makes it (tuple.__new__ on the named
# tuple, a third cheaper than its constructor), without the call: a page sets thousands.
_new_tuple: Final = tuple.__new__


class SetLine(Valued):
    """A broken and justified line; glyph x is from the left edge of the measure. Never
    changed once made; equal to another with the same fields. (Not a frozen dataclass:
    compiled, its generated __init__ runs interpreted, a hundred times dearer to make.)"""

    __slots__ = ("glyphs", "width", "last", "loose", "forced", "split", "hyphen")
    FIELDS: ClassVar[tuple[str, ...]] = (
        "glyphs", "width", "last", "loose", "forced", "split", "hyphen")

    def __init__(self, glyphs: tuple[Glyph, ...], width: float, last: bool, loose: bool,
                 forced: bool, split: bool = False, hyphen: bool = False):
        self.glyphs = glyphs
        self.width = width  # the measure, pt
        self.last = last  # the paragraph's last line: set ragged, not spread
        self.loose = loose  # character gaps spread beyond LOOSE_GAP, or nothing could stretch
        self.forced = forced  # broken against a 禁则 rule, or inside a word: nothing legal fitted
        self.split = split  # ends inside a word too wide for a line, at its own break point
        self.hyphen = hyphen  # ends with a hyphen drawn there (a syllable broke), not typed

    def values(self) -> tuple[tuple[Glyph, ...], float, bool, bool, bool, bool, bool]:
        return (self.glyphs, self.width, self.last, self.loose, self.forced, self.split,
                self.hyphen)

    @property
    def text(self) -> str:
        return "".join(g.char for g in self.glyphs)


class _Fit:
    """How boxes[a:b] fit a measure: slack (measure - natural width), what the marks' blanks
    may give up (push-in), gaps that may widen, what word spaces widen first. (Not a
    frozen dataclass: compiled, one costs a hundred times more to make.)"""

    __slots__ = ("slack", "shrink", "stretch_gaps", "word_room")

    def __init__(self, slack: float, shrink: float, stretch_gaps: int, word_room: float):
        self.slack, self.shrink = slack, shrink
        self.stretch_gaps, self.word_room = stretch_gaps, word_room

    def char_gap_extra(self) -> float:
        """What each character gap grows by when the line is spread."""
        if self.slack <= self.word_room or not self.stretch_gaps:
            return 0.0
        return (self.slack - self.word_room) / self.stretch_gaps



class ParagraphBreaker(Measured):
    """The items of one paragraph with prefix sums, so that any line is measured in O(1)
    (what total fit reads: `Measured`); its lines chosen (`total_fit`, `first_fit`) and
    set (`set_line`)."""

    def __init__(self, items: Items, widths: Sequence[float], indent: float,
                 rules: Composition):
        self.size = items.size
        self.widths = widths
        self.indent = indent
        self.rules = rules
        hard = [False] * len(items.gaps)  # a line must end at this gap (a line break typed)
        for i in items.hard:
            hard[i] = True
        words = parted(items.boxes, items.gaps, hard, self.measure(0), min(widths),
                       items.hyphen[1])
        boxes, gaps, hard = words.boxes, words.gaps, words.hard
        cut, split, soft = words.cut, words.split, words.soft
        self.boxes, self.gaps = boxes, gaps
        self.hard = hard
        self.cut = cut
        self.split = split
        # demerits of a break inside a word
        self.inside: dict[int, float] = {
            **{i: SPLIT_DEMERITS for i in split}, **{i: HYPHEN_DEMERITS for i in soft},
            **{i: CUT_DEMERITS for i in cut}} if split or soft or cut else {}
        self.hyphen_face = items.hyphen[0]
        # what a line ending after box i draws past it: a hyphen where a syllable broke
        self.tail = [split.get(i, 0.0) for i in range(len(boxes))] if split else \
            [0.0] * len(boxes)
        # Blank each box still has on each side once neighbouring marks have collapsed.
        free_right = [b.blank_right for b in boxes]
        free_left = [b.blank_left for b in boxes]
        for k, gap in enumerate(gaps):
            if gap.kern < 0:
                if boxes[k].blank_right:
                    free_right[k] = 0.0
                else:
                    free_left[k + 1] = 0.0
        self.free_right, self.free_left = free_right, free_left
        hanging, none = rules.hanging_punctuation, [0.0] * len(boxes)
        self.hang = [b.width - b.blank_right if b.last in HANGABLE else 0.0
                     for b in boxes] if hanging else none
        self.rescue = list(none) if hanging else [
            b.width - b.blank_right if b.glyphs and b.glyphs[-1].char in RESCUE_HANG else 0.0
            for b in boxes]
        self.trim_left = [b.blank_left for b in boxes] if rules.trim_line_start else \
            list(none)
        self._sums()
        self.squeeze_badness = SQUEEZE_BADNESS[rules.punctuation]

    def _sums(self) -> None:
        """The prefix sums a line is measured by: boxes' widths, gaps' kerns and spaces,
        stretchable gaps, word room, free blanks, line breaks typed (loops: compiled,
        their numbers stay numbers)."""
        n = len(self.boxes)  # (each list made whole, then filled: cheaper than appends)
        box_sum, shrink_sum = [0.0] * (n + 1), [0.0] * (n + 1)
        width = shrink = 0.0
        k = 0
        for b, right, left in zip(self.boxes, self.free_right, self.free_left):
            k += 1
            width += b.width
            box_sum[k] = width
            shrink += right + left
            shrink_sum[k] = shrink
        gap_sum, word_sum, stretch_sum, hard_sum = [0.0] * n, [0.0] * n, [0] * n, [0] * n
        kerns = room = 0.0
        stretch = typed = 0
        k = 0
        for g, hard in zip(self.gaps, self.hard):
            k += 1
            kerns += g.kern + g.space
            gap_sum[k] = kerns
            room += g.room
            word_sum[k] = room
            stretch += 1 if g.stretchable else 0
            stretch_sum[k] = stretch
            typed += 1 if hard else 0
            hard_sum[k] = typed
        self._box, self._gap, self._stretch = box_sum, gap_sum, stretch_sum
        self._words, self._shrink, self._hard = word_sum, shrink_sum, hard_sum


    def line(self, a: int, b: int, line: int) -> _Fit:
        """How boxes[a:b] fit the measure of the paragraph's line number `line`."""
        last = self.boxes[b - 1]
        natural = (self._box[b] - self._box[a] + self._gap[b - 1] - self._gap[a]
                   - last.blank_right - self.hang[b - 1] - self.trim_left[a]
                   + self.tail[b - 1])
        # the line's last mark is already half width; its first keeps its left blank (a
        # squeezed opening mark would reach left of the column) unless trimmed outright
        shrink = (self._shrink[b] - self._shrink[a] - self.free_right[b - 1]
                  - self.free_left[a])
        return _Fit(self.measure(line) - natural, shrink,
                    self._stretch[b - 1] - self._stretch[a],
                    self._words[b - 1] - self._words[a])

    # -- choosing breaks -----------------------------------------------------------------

    def first_fit(self) -> list[tuple[int, int, bool]]:
        lines: list[tuple[int, int, bool]] = []
        a, n = 0, len(self.boxes)
        while a < n:
            best, end = None, a + 1
            squeezes = self.rules.punctuation is PunctuationFit.PUSH_IN
            while end <= n:
                fit = self.line(a, end, len(lines))
                if fit.slack + (fit.shrink if squeezes else 0.0) < -EPS:
                    break
                if end == n or self.gaps[end - 1].breakable:
                    best = end
                    if end < n and self.hard[end - 1]:
                        break  # a line break typed here
                end += 1
            # nothing legal fits: break where the measure ends
            stop = max(end - 1, a + 1) if best is None else best
            lines.append((a, stop, best is None or stop - 1 in self.cut))
            a = stop
        if len(lines) >= 2 and self.is_widow(*lines[-1][:2]):
            lines = self._mend_widow(lines)
        return lines

    def _mend_widow(self, lines: list[tuple[int, int, bool]]) -> list[tuple[int, int, bool]]:
        """End the line before the widow one legal break earlier, if the rest then fits."""
        start, end, _ = lines[-2]
        n = len(self.boxes)
        if self.hard[end - 1]:
            return lines  # (the line before ends where the text breaks it)
        for new_end in range(end - 1, start, -1):
            if not self.gaps[new_end - 1].breakable:
                continue
            fit = self.line(new_end, n, len(lines) - 1)
            if fit.slack + fit.shrink >= -EPS:
                return lines[:-2] + [(start, new_end, False), (new_end, n, False)]
            break
        return lines

    # -- setting a line --------------------------------------------------------------------

    def set_line(self, a: int, b: int, line: int, last: bool, justify: bool,
                 forced: bool) -> SetLine:
        fit = self.line(a, b, line)
        gaps = self.gaps
        squeeze = 0.0  # share of each free blank given up (push-in)
        word_extra = char_extra = 0.0
        loose = False
        rescue = self.rescue[b - 1]
        if fit.slack + fit.shrink < -EPS and rescue and fit.slack + rescue >= -EPS:
            # its last mark hangs, as total_fit chose (RESCUE_HANG): spread what is left
            fit = _Fit(max(fit.slack + rescue, 0.0), 0.0, fit.stretch_gaps, fit.word_room)
        if fit.slack < -EPS and fit.shrink > EPS:
            squeeze = min(1.0, -fit.slack / fit.shrink)
        elif justify and not last and fit.slack > EPS:
            if fit.stretch_gaps:
                char_extra = fit.char_gap_extra()
                word_extra = min(fit.slack, fit.word_room)
                loose = char_extra > LOOSE_GAP * self.size
            else:
                loose = True
        x = self.indent if line == 0 else 0.0
        boxes, trim_left = self.boxes, self.trim_left
        free_left, free_right = self.free_left, self.free_right
        new, glyph_type = _new_tuple, Glyph  # (read once: see _new_tuple)
        glyphs: list[Glyph] = []
        for k in range(a, b):
            box = boxes[k]
            blank_right = box.blank_right
            left_cut = trim_left[k] if k == a else squeeze * free_left[k]
            right_cut = blank_right if k == b - 1 else squeeze * free_right[k]
            gap = gaps[k] if k < b - 1 else None
            if gap is not None and gap.kern < 0 and blank_right:
                right_cut = blank_right  # given up to the next mark
            x -= left_cut
            # No glyph's advance box reaches past what the line leaves its box.
            extent = box.width - right_cut
            for g in box.glyphs:
                advance, room = g.advance, extent - g.x
                glyphs.append(new(glyph_type, (g.char, g.face, x + g.x,
                                               room if room < advance else advance)))
            x += box.width - right_cut
            if gap is not None:
                if gap.space:  # painted, so that copied text keeps its word spaces
                    glyphs.append(Glyph(" ", gap.space_face, x, gap.space))
                x += gap.space + (gap.kern if gap.kern < 0 and not blank_right else
                                  max(gap.kern, 0.0))
                if gap.stretchable:
                    x += char_extra
                    if gap.room and fit.word_room:
                        x += word_extra * gap.room / fit.word_room
        if b < len(self.boxes) and self.tail[b - 1]:  # a word broken at a syllable
            glyphs.append(Glyph(HYPHEN, self.hyphen_face, x, self.tail[b - 1]))
        if b < len(self.boxes) and gaps[b - 1].space:
            # The word space the line broke at is painted after it, past the edge: copied
            # text keeps "MAXUS EUNIQ7" apart, and readers ignore trailing spaces.
            x -= self.boxes[b - 1].blank_right
            glyphs.append(Glyph(" ", gaps[b - 1].space_face, x, gaps[b - 1].space))
        return SetLine(tuple(glyphs), self.widths[min(line, len(self.widths) - 1)], last,
                       loose, forced, b < len(self.boxes) and b - 1 in self.split,
                       b < len(self.boxes) and self.tail[b - 1] > 0)


def one_line_from(items: Items, indent: float = 0.0) -> float | None:
    """A measure from which on `break_lines(items, [measure], indent)` gives one line whose
    glyphs are the same at every measure (its `width` the measure's): every box and gap
    kept whole on the line, each with its natural width, no mark squeezed, no part of the
    line wider than it; None when no measure is known to (a line break typed, a word parted
    where it fits: `wide.parted_anyway`).

    On such a measure every line from the paragraph's start fits, so the one line, a last
    line (badness 0, demerits LINE_PENALTY²), is reached, and beats any two (each costs as
    much at least); nothing is parted (every box fits) nor tied differently (text/names.py:
    a unit that fits the line fits every wider one); the line is set ragged at its natural
    width, as a last line is. The measure counts each box and each gap that widens a line
    (kern and typed space), so it is the line's natural width or more, and a hair over."""
    if items.hard or parted_anyway(items.boxes):
        return None
    total = max(indent, 0.0) + 1e-3  # (a hair over: the sums add in another order)
    for box in items.boxes:
        total += box.width
    for gap in items.gaps:
        total += max(gap.kern + gap.space, 0.0)
    return total


def break_lines(items: Items, widths: Sequence[float], indent: float = 0.0,
                justify: bool = True, rules: Composition | None = None) -> list[SetLine]:
    """Break a paragraph into lines; `widths[i]` is the measure of its i-th line (pt), the
    last one also of every line after it; the first line is indented by `indent`. Every
    line but the last is spread flush when `justify`; nothing is ever dropped."""
    if not items.boxes:
        return []
    rules = rules or Composition()
    paragraph = ParagraphBreaker(items, widths, indent, rules)
    lines = None
    if rules.breaking is Breaking.TOTAL_FIT:
        lines = paragraph.total_fit()
    if lines is None:
        lines = paragraph.first_fit()
        if len(lines) > 1 and not paragraph.boxes[lines[-1][0]].glyphs:
            # The room kept for a signature (build_runs' empty last box) could not stay with
            # the last word, together wider than the line, and is alone on a line: give it
            # up, and the signature takes a line of its own.
            return break_lines(Items(items.boxes[:-1], items.gaps[:-1], items.size,
                                     items.hyphen), widths, indent, justify, rules)
    return [paragraph.set_line(a, b, i, i == len(lines) - 1 or paragraph.hard[b - 1],
                               justify, forced)
            for i, (a, b, forced) in enumerate(lines)]
