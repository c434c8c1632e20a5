"""Decide where to break a paragraph's lines, then justify each line.

Two breakers share one measure of a line (`ParagraphBreaker.line`):

* total fit (the default): every legal break sequence is weighed at once, Knuth–Plass
  style, and the one with the least demerits wins: even spacing across the paragraph, no
  孤字 when any other choice avoids it;
* first fit (kept for comparison): a line takes boxes while they fit and ends at the last
  legal break.

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

import math
from typing import Final, Sequence

from ..model import Breaking, Composition, PunctuationFit
from .chars import MARKS, CharClass
from .hyphen import HYPHEN
from .items import WORD_SPACE_MAX, Glyph, Items
from .wide import EPS, parted, parted_anyway

# A justified line whose character gaps grow by more than this share of the type size is
# reported as loose (CJK-RULES §4).
LOOSE_GAP: Final = 0.5
# The gap growth (share of the size) that costs a badness of 100. typst's largest gap
# between Han characters in 13-字 columns is 0.09–0.25 em on the seed pages and 0.105 em on
# bench/data/news.txt, the marks to meet; pricing 0.08 em at 100 brings ours to 0.105 em on
# the news text and 0.111 em on every seed page (bench/compare_typst.py).
TOLERABLE_GAP: Final = 0.08
# Badness of a line whose marks give up all their remaining blank halves. Pushing in,
# squeezing marks to ½ em is routine and costs little (10). Pushing out it must cost more
# than spreading a line by a character: W11 担重任、提能力、争先锋、拼市场 then still pushes
# 锋 down (squeezing half its blanks costs 3000/8 = 375, spreading the 10 characters over
# 9 gaps 100·(0.111/0.08)³ = 268), while a line that would spread much wider squeezes its
# brackets instead.
SQUEEZE_BADNESS = {PunctuationFit.PUSH_IN: 10.0, PunctuationFit.PUSH_OUT: 3000.0}
# Badness of a line that has slack but nothing that may stretch (a lone long word), at
# least: its slack is as bad as one gap that wide (a line of one box never beats a line of
# several spread less).
UNSTRETCHABLE_BADNESS: Final = 10_000.0
# Added to every line's badness before squaring (TeX's \linepenalty): among equally even
# settings, fewer lines win.
LINE_PENALTY: Final = 10.0
# Demerits of a break inside a word cut because it is wider than a line, where it has no
# break point of its own: the breaker cuts it as few times as it must, then spaces the lines
# evenly as ever.
CUT_DEMERITS: Final = 1e7
# Demerits of a break at a too-wide word's own break point (after / . - @ of an address,
# between digits, at a syllable: text/hyphen.py): as few as it must, where it must.
SPLIT_DEMERITS: Final = 1e4
# Demerits of a break inside a word that fits, at one of its own break points (state-|owned,
# an 18-digit number, an address): only where the line it saves would have spread its gaps
# by some 0.17 em or more.
HYPHEN_DEMERITS: Final = 1e6
# Demerits of a paragraph whose last line is a single character (孤字, CJK-RULES §6):
# larger than any spacing cost, so another choice always wins when one exists.
WIDOW_DEMERITS: Final = 1e9
# Classes whose mark may hang past the right edge when hanging punctuation is on.
HANGABLE: Final = frozenset({CharClass.COMMA, CharClass.FULL_STOP})
# With hanging punctuation off, these marks still hang at a line's end where every other
# choice letter-spaces a line (JLREQ §3.8.3's hanging "only where needed"): 7月18日18:00-21:00，
# is a third of an em wider than the 9 em an indented 11-字 line leaves, and the number may
# not break, so the line was 7月18日 with gaps of 1.8 em. It costs what a line spread to
# LOOSE_GAP does, so that any line less loose wins.
RESCUE_HANG: Final = frozenset("，。、．")
RESCUE_DEMERITS: Final = (LINE_PENALTY + 100.0 * (LOOSE_GAP / TOLERABLE_GAP) ** 3) ** 2
# A glyph made where a line is set, as items.glyph makes it (tuple.__new__ on the named
# tuple, a third cheaper than its constructor), without the call: a page sets thousands.
_new_tuple: Final = tuple.__new__


class SetLine:
    """A broken and justified line; glyph x is from the left edge of the measure. Never
    changed once made; equal to another with the same fields. (Not a frozen dataclass:
    compiled, its generated __init__ runs interpreted, a hundred times dearer to make.)"""

    __slots__ = ("glyphs", "width", "last", "loose", "forced", "split", "hyphen")

    def __init__(self, glyphs: tuple[Glyph, ...], width: float, last: bool, loose: bool,
                 forced: bool, split: bool = False, hyphen: bool = False):
        self.glyphs = glyphs
        self.width = width  # the measure, pt
        self.last = last  # the paragraph's last line: set ragged, not spread
        self.loose = loose  # character gaps spread beyond LOOSE_GAP, or nothing could stretch
        self.forced = forced  # broken against a 禁则 rule, or inside a word: nothing legal fitted
        self.split = split  # ends inside a word too wide for a line, at its own break point
        self.hyphen = hyphen  # ends with a hyphen drawn there (a syllable broke), not typed

    def _fields(self) -> tuple[tuple[Glyph, ...], float, bool, bool, bool, bool, bool]:
        return (self.glyphs, self.width, self.last, self.loose, self.forced, self.split,
                self.hyphen)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, SetLine):
            return NotImplemented
        return self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        return (f"SetLine(glyphs={self.glyphs!r}, width={self.width!r}, last={self.last!r}, "
                f"loose={self.loose!r}, forced={self.forced!r}, split={self.split!r}, "
                f"hyphen={self.hyphen!r})")

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


class _Node:
    """A break after which a line starts, as total_fit weighs it: position, line key (the
    measure its next line takes) and that measure, demerits of the best way to it, line
    number, index in the trail, line breaks typed before it, its share of any line's width,
    shrink, word room and stretchable gaps. (Not a tuple nor a dataclass: compiled, its
    numbers are kept as numbers, and it is made many times faster.)"""

    __slots__ = ("start", "key", "measure", "demerits", "line", "index", "hard", "head",
                 "head_shrink", "head_words", "head_gaps")

    def __init__(self, start: int, key: int, measure: float, demerits: float, line: int,
                 index: int, hard: int, head: float, head_shrink: float, head_words: float,
                 head_gaps: int):
        self.start, self.key, self.measure, self.demerits = start, key, measure, demerits
        self.line, self.index, self.hard = line, index, hard
        self.head, self.head_shrink, self.head_words, self.head_gaps = (head, head_shrink,
                                                                        head_words, head_gaps)


class _Reach:
    """The best way found to a break for one line key: its demerits, the next line's number,
    the node it comes from; `at`, the break it is of (a slot is reused break to break)."""

    __slots__ = ("at", "total", "line", "previous")

    def __init__(self) -> None:
        self.at, self.total, self.line, self.previous = -1, 0.0, 0, 0


class ParagraphBreaker:
    """The items of one paragraph with prefix sums, so that any line is measured in O(1)."""

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

    def measure(self, line: int) -> float:
        width = self.widths[min(line, len(self.widths) - 1)]
        return width - (self.indent if line == 0 else 0.0)

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

    def is_widow(self, a: int, b: int) -> bool:
        """A last line of one character, or one character and its marks (孤字)."""
        words = 0  # (its boxes not marks: its first two or a word of two tell)
        for box in self.boxes[a:b]:
            if box.first not in MARKS and box.glyphs:
                words += 1
                if words > 1 or len(box.glyphs) > 1:
                    return False
        return words == 1

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

    def total_fit(self) -> list[tuple[int, int, bool]] | None:
        """The break sequence of least demerits, or None when no legal one exists.

        The inner loop is `line()` and `badness()` written out over the prefix sums: it runs
        for every (break, candidate line start) pair, so it avoids objects and calls; so it
        is one function, longer than the ~60 lines the rest of the code keeps to."""
        n = len(self.boxes)
        ends = [k for k in range(1, n) if self.gaps[k - 1].breakable] + [n]
        box, gap, stretch, words, shrink_sum = (self._box, self._gap, self._stretch,
                                                self._words, self._shrink)
        blank_right, hang, trim = ([b.blank_right for b in self.boxes], self.hang,
                                   self.trim_left)
        free_right, free_left = self.free_right, self.free_left
        squeeze_badness, inside, tails = self.squeeze_badness, self.inside, self.tail
        rescues, hard_sum, hard = self.rescue, self._hard, self.hard
        measures = [self.measure(k) for k in range(max(2, len(self.widths)))]
        last_key = len(measures) - 1
        tolerable, word_max = TOLERABLE_GAP * self.size, WORD_SPACE_MAX * self.size
        # on one measure (the first line's no wider), every line ending here is looser the
        # later it starts: the search of a break stops at the first that cannot win
        bound = len(self.widths) == 1 and self.indent >= 0
        # Nodes (_Node) are kept in order of position, so lines from the first ones are the
        # widest: once a line from a node is overfull, longer ones are too, and it leaves.
        trail_at, trail_from = [0], [-1]  # each node's position, the node before it
        active = [_Node(0, 0, measures[0], 0.0, 0, 0, hard_sum[0], box[0] + gap[0] + trim[0],
                        shrink_sum[0] + free_left[0], words[0], stretch[0])]
        slots = [_Reach() for _ in measures]  # the best way to a break, a line key each
        reached: list[int] = []  # (the keys reached at this break, in order)
        first = 0  # active[first:] are the nodes still active (the head's lines are full)
        for end in ends:
            reached = []
            tail = (box[end] + gap[end - 1] - blank_right[end - 1] - hang[end - 1]
                    + tails[end - 1])
            end_shrink = shrink_sum[end] - free_right[end - 1]
            end_words, end_gaps = words[end - 1], stretch[end - 1]
            end_rescue = rescues[end - 1]
            last_line = end == n
            # a line break typed at this end: the line is set ragged; one typed before it
            # (after a node's start) cuts off every line from that node
            hard_end = not last_line and hard[end - 1]
            hard_before = hard_sum[end - 1]
            cut_demerits = inside.get(end - 1, 0.0) if inside else 0.0
            full = 0  # nodes whose line is overfull, all at the head of the list
            scattered = False  # (or not: then each node is looked at again)
            limit = math.inf  # the badness past which a line cannot beat the best here
            for at in range(first, len(active)):
                node = active[at]
                slack = node.measure - (tail - node.head)
                squeeze = end_shrink - node.head_shrink
                hung = 0.0
                if hard_before > node.hard:  # the line runs over a line break
                    if reached or scattered:
                        scattered = True
                    else:
                        full += 1
                    continue
                if slack + squeeze < -EPS:
                    if slack + end_rescue < -EPS:
                        # this line is full: longer ones are too
                        if reached or scattered:
                            scattered = True
                        else:
                            full += 1
                        continue
                    # it fits only with its last mark hung: dearly
                    slack, hung = max(slack + end_rescue, 0.0), RESCUE_DEMERITS
                if slack < -EPS:
                    bad = squeeze_badness * math.pow(-slack / squeeze, 3.0)
                elif last_line or hard_end or slack <= EPS:
                    bad = 0.0
                else:
                    room = end_words - node.head_words
                    gaps = end_gaps - node.head_gaps
                    if slack <= room:
                        bad = slack / word_max
                    elif gaps:
                        bad = (100.0 * math.pow((slack - room) / gaps / tolerable, 3.0)
                               + room / word_max)
                    else:  # its slack all in one place: as bad as one gap that wide
                        bad = max(UNSTRETCHABLE_BADNESS,
                                  100.0 * math.pow((slack - room) / tolerable, 3.0))
                    if bound and not room and min(bad, UNSTRETCHABLE_BADNESS) > limit:
                        # a later start makes a shorter line, as loose or looser (without
                        # word spaces, the badness grows with the slack), or unstretchable:
                        # its demerits alone pass the best total here, so none can win
                        break
                line = node.line
                next_key = line + 1 if line < last_key else last_key
                slot = slots[next_key]
                if slot.at == end and node.demerits > slot.total:
                    continue  # (what a line adds to its demerits is never negative)
                total = (node.demerits + math.pow(LINE_PENALTY + bad, 2.0) + cut_demerits
                         + hung)
                if (last_line or hard_end) and line and self.is_widow(node.start, end):
                    total += WIDOW_DEMERITS
                # on a tie the later start wins: earlier lines stay full (CJK-RULES §6)
                if slot.at != end or total <= slot.total:
                    if slot.at != end:
                        slot.at = end
                        reached.append(next_key)
                    slot.total, slot.line, slot.previous = total, line + 1, node.index
                    if bound:  # (one measure: every line here reaches the one key)
                        limit = math.sqrt(max(total - cut_demerits, 0.0)) - LINE_PENALTY + EPS
            if scattered:
                active = [node for node in active[first:] if node.measure - (tail - node.head)
                          + max(end_shrink - node.head_shrink, end_rescue) >= -EPS
                          and hard_before == node.hard]
                first = 0
            elif full:
                first += full  # (left in the list: cheaper than deleting them)
            node_head = box[end] + gap[end] + trim[end] if end < n else 0.0
            node_shrink = shrink_sum[end] + free_left[end] if end < n else 0.0
            node_words, node_gaps = (words[end], stretch[end]) if end < n else (0.0, 0)
            node_hard = hard_sum[end] if end < n else 0
            if end == n:
                active, first = [], 0
            for key in reached:
                slot = slots[key]
                trail_at.append(end)
                trail_from.append(slot.previous)
                active.append(_Node(end, key, measures[key], slot.total, slot.line,
                                    len(trail_at) - 1, node_hard, node_head, node_shrink,
                                    node_words, node_gaps))
            if first == len(active):
                return None
        finals = [(node.demerits, node.index) for node in active[first:] if node.start == n]
        if not finals:
            return None
        index = min(finals)[1]
        breaks: list[int] = []
        while index >= 0:
            breaks.append(trail_at[index])
            index = trail_from[index]
        breaks.reverse()
        return [(a, b, b - 1 in self.cut) for a, b in zip(breaks, breaks[1:])]

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
