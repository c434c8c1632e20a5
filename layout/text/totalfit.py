"""The total-fit search of a paragraph's breaks, and what it weighs: what a line costs
(its badness: how far its gaps spread, how much its marks squeeze) and what a break costs
(demerits: the line's badness squared with a penalty, a break inside a word, a 孤字), Knuth–
Plass style. Every legal break sequence is weighed at once and the one with the least
demerits wins: even spacing across the paragraph, no 孤字 when any other choice avoids it.

`Measured` is what the search reads of a paragraph: its boxes and gaps with the prefix sums
that measure any line in O(1), as `linebreak.ParagraphBreaker` (its subclass, which makes
them, sets the lines and keeps first fit) fills them in.
"""
from __future__ import annotations

import math
from typing import Final, Sequence

from ..model import Composition, PunctuationFit
from .chars import MARKS, CharClass
from .items import WORD_SPACE_MAX, Box, Gap
from .wide import EPS

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


class Measured:
    """A paragraph as the search reads it (filled in by `linebreak.ParagraphBreaker`): its
    boxes and gaps once wide words are parted, where a line must end (`hard`), the breaks
    inside a word and what each costs (`cut`, `split`, `inside`), what a line ending after
    each box draws past it (`tail`: a hyphen), each box's free blanks and what hangs or
    is trimmed at a line's ends, the prefix sums of widths, kerns and spaces, stretchable
    gaps, word room, free blanks and typed breaks, and the measures its lines take."""

    size: float
    widths: Sequence[float]
    indent: float
    rules: Composition
    boxes: list[Box]
    gaps: list[Gap]
    hard: list[bool]
    cut: set[int]
    split: dict[int, float]
    inside: dict[int, float]
    tail: list[float]
    free_right: list[float]
    free_left: list[float]
    hang: list[float]
    rescue: list[float]
    trim_left: list[float]
    squeeze_badness: float
    _box: list[float]
    _gap: list[float]
    _stretch: list[int]
    _words: list[float]
    _shrink: list[float]
    _hard: list[int]

    def measure(self, line: int) -> float:
        width = self.widths[min(line, len(self.widths) - 1)]
        return width - (self.indent if line == 0 else 0.0)

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
