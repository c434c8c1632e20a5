"""Words wider than a line, and long ones that may break: each parted at its own break
points (text/hyphen.py), or cut between any two glyphs where a piece is still too wide, so
that every box of a paragraph fits a line alone (the line breaker's first step).
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from .chars import CharClass
from .hyphen import break_points
from .items import Box, Gap, Glyph

# Lengths closer than this (pt) are equal: absorbs float error in summed widths.
EPS: Final = 1e-6
# Latin words of this many characters or more (long numbers, addresses, long words) may
# break at their own points even where they fit a line; shorter ones never do (2020年).
LONG_LATIN: Final = 12
# (bound once: compiled, a member of an enum of another module is looked up at each use)
_LATIN: Final = CharClass.LATIN
# How a line may break after a piece of a parted word: the word's end (its own gap follows),
# a cut (against the rules), at one of its break points, or there with a hyphen drawn.
END, CUT, POINT, HYPHEN = 0, 1, 2, 3


def split_glyphs(box: Box) -> list[Box]:
    """A box too wide for any line, cut into one box per glyph (last resort)."""
    return [Box((Glyph(g.char, g.face, 0.0, g.advance),), g.advance, 0.0, 0.0,
                box.first, box.last) for g in box.glyphs]


def word_pieces(box: Box, limit: float, hyphen: float = 0.0) -> list[tuple[Box, int]]:
    """A word wider than `limit` as the pieces its own break points part (text/hyphen.py),
    each with how the line may break after it: CUT (a piece still too wide, cut into
    glyphs: against the rules; a piece a hyphen ends too wide with it, `hyphen` wide),
    POINT, HYPHEN (a hyphen drawn); the last piece END."""
    glyphs = box.glyphs
    points = break_points("".join(g.char for g in glyphs)) if box.first is _LATIN \
        else {}
    ends = sorted(points) + [len(glyphs)]
    out: list[tuple[Box, int]] = []
    start = 0
    for end in ends:
        part = glyphs[start:end]
        x0 = part[0].x
        width = part[-1].x + part[-1].advance - x0
        how = END if end == len(glyphs) else (HYPHEN if points[end] else POINT)
        piece = Box(tuple(Glyph(g.char, g.face, g.x - x0, g.advance) for g in part), width,
                    0.0, 0.0, box.first, box.last)
        if width + (hyphen if how == HYPHEN else 0.0) > limit + EPS and len(part) > 1:
            cut = split_glyphs(piece)
            out += [(p, CUT) for p in cut[:-1]] + [(cut[-1], how)]
        else:
            out.append((piece, how))
        start = end
    return out


def after_hyphens(box: Box) -> list[Box]:
    """A Latin word as the pieces after each hyphen between two letters inside it."""
    out: list[Box] = []
    glyphs = box.glyphs
    start = 0
    for end in range(1, len(glyphs) + 1):
        if end == len(glyphs) or (glyphs[end - 1].char == "-" and 1 < end < len(glyphs) and
                                  glyphs[end - 2].char.isalpha() and
                                  glyphs[end].char.isalpha()):
            part = glyphs[start:end]
            x0 = part[0].x
            out.append(Box(tuple(Glyph(g.char, g.face, g.x - x0, g.advance) for g in part),
                           part[-1].x + part[-1].advance - x0, 0.0, 0.0, box.first,
                           box.last))
            start = end
    return out


def long_word(box: Box) -> bool:
    """A Latin word long enough to break at its own points where it fits (parted)."""
    return box.first is _LATIN and len(box.glyphs) >= LONG_LATIN


def compound(box: Box) -> bool:
    """A Latin word with a hyphen between two of its letters (state-owned), which may break
    after it where it fits (parted); a short number's stays whole (125-135)."""
    return box.first is _LATIN and len(box.glyphs) > 2 and any(
        g.char == "-" for g in box.glyphs[1:-1])


def parted_anyway(boxes: Sequence[Box]) -> bool:
    """Whether `parted` parts any of these boxes on a line they all fit: a long Latin word
    or a compound; else what it gives at any measure as wide as each box is the boxes
    themselves."""
    return any(long_word(box) or compound(box) for box in boxes)


class Parted:
    """A paragraph's boxes and gaps with its wide and long words parted, and the gaps the
    parting made: inside a cut word (`cut`: a break there is against the rules), at a wide
    word's own break points (`split`: the width of the hyphen drawn there, 0 for none),
    inside a word that fits (`soft`: a break there is dear). (Not a dataclass: compiled,
    its generated __init__ runs interpreted, and each paragraph broken makes one.)"""

    __slots__ = ("boxes", "gaps", "hard", "cut", "split", "soft")

    def __init__(self, boxes: list[Box], gaps: list[Gap], hard: list[bool], cut: set[int],
                 split: dict[int, float], soft: set[int]):
        self.boxes, self.gaps = boxes, gaps
        self.hard = hard  # a line must end at this gap (a line break typed)
        self.cut, self.split, self.soft = cut, split, soft


def parted(boxes: Sequence[Box], gaps: Sequence[Gap], hard: Sequence[bool], first: float,
           narrowest: float, hyphen: float) -> Parted:
    """Break words wider than a line, so that every box fits alone: the first box must fit
    the first (indented) line, `first` wide, any other the `narrowest` line it might land
    on; `hyphen`: the width of a hyphen drawn where a syllable breaks."""
    out = Parted(list(boxes), list(gaps), list(hard), set(), {}, set())
    k = 0
    while k < len(out.boxes):
        box = out.boxes[k]
        limit = first if k == 0 else narrowest
        wide = box.width > limit + EPS and len(box.glyphs) > 1
        if wide or long_word(box):
            # a word wider than a line breaks at its own break points (cut anywhere
            # only where a piece is still too wide); a long one that fits (a number of
            # 18 digits, an address) may, dearly: rather than spread a line by an em
            pieces = word_pieces(box, limit, hyphen)
        elif compound(box):
            # so may a compound word after its hyphen between letters (state-|owned); a
            # short number's stays whole (125-135, CJK-RULES §2)
            pieces = [(part, POINT) for part in after_hyphens(box)]
        else:
            k += 1
            continue
        out.boxes[k:k + 1] = [piece for piece, _ in pieces]
        out.gaps[k:k] = [Gap(True, 0.0, 0.0, "", how == CUT) for _, how in pieces[:-1]]
        out.hard[k:k] = [False] * (len(pieces) - 1)
        for i, (_, how) in enumerate(pieces[:-1]):
            if how == CUT:
                out.cut.add(k + i)
            else:
                out.split[k + i] = hyphen if how == HYPHEN else 0.0
                if not wide:
                    out.soft.add(k + i)
        k += len(pieces)
    return out
