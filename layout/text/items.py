"""Paragraph → items: unbreakable boxes, and what lies between each two of them.

Glyphs, boxes and gaps are named tuples: a page makes tens of thousands of them, and tuples
are several times cheaper to create than frozen dataclasses while just as immutable.
A box is one Han character, one punctuation mark in its cell, a doubled —— or ……, or a
Latin/digit word. Between two neighbouring boxes sits a `Gap`: whether a line may break
there (禁则), the compression two facing punctuation blanks allow when both stay on one
line, and any space typed between them. Widths are in points at the paragraph's size.
"""
from __future__ import annotations

from typing import Callable, ClassVar, Final, NamedTuple

from ..valued import Valued

from .chars import (ASCII_NO_LINE_END, ASCII_NO_LINE_START, BLANK_LEFT, BLANK_RIGHT,
                    CELL, CLASSES, MARKS, NO_LINE_END,
                    NO_LINE_END_CHARS, NO_LINE_START, NO_LINE_START_CHARS, CharClass,
                    char_class)

# What the per-character loops below read, bound once: compiled, a name imported from
# another module, or a member of an enum defined in one, is looked up at each use.
_SPACE: Final = CharClass.SPACE
_LATIN: Final = CharClass.LATIN
_INSEPARABLE: Final = CharClass.INSEPARABLE
_CONNECTOR: Final = CharClass.CONNECTOR
_OPENING: Final = CharClass.OPENING
_KNOWN: Final = CLASSES
_MARKS: Final = MARKS


class Glyph(NamedTuple):
    """One character of a box: where it is drawn inside the box and with what face."""

    char: str
    face: str  # font role that has the glyph
    x: float  # left edge of the glyph's advance, from the box's untrimmed left edge, pt
    advance: float  # the glyph's own advance, pt


# A named tuple's own constructor is a Python function, run by the interpreter even where
# this package is compiled: a glyph made where a page makes thousands (a line set, a box
# measured) is made by tuple.__new__ directly, a third cheaper, the same Glyph.
_new_tuple = tuple.__new__


def glyph(char: str, face: str, x: float, advance: float) -> Glyph:
    """Glyph(char, face, x, advance), made faster."""
    return _new_tuple(Glyph, (char, face, x, advance))


class Box(NamedTuple):
    """An unbreakable piece of a line."""

    glyphs: tuple[Glyph, ...]
    width: float  # natural width, pt
    blank_left: float  # blank on the left that may be taken off (an opening mark's), pt
    blank_right: float  # blank on the right that may be taken off (、，。 and closing), pt
    first: CharClass
    last: CharClass

    @property
    def text(self) -> str:
        return "".join(g.char for g in self.glyphs)


class Gap(NamedTuple):
    """What lies between box i and box i+1."""

    breakable: bool  # a line may end after box i
    kern: float  # added to the width while both boxes share a line (≤ 0: compression), pt
    space: float  # width of typed spaces between them, kept mid-line, dropped at a break
    space_face: str  # font role that paints the space (copied text keeps its word spaces)
    stretchable: bool  # justification may widen it (not beside a connector)
    room: float = 0.0  # how much it widens before gaps between characters do, pt


class Items(Valued):
    """A paragraph's boxes and gaps at its size. Never changed once made (`with_gaps` makes
    another); equal to another with the same fields. (Not a frozen dataclass: compiled,
    its generated __init__ runs interpreted, and each paragraph set makes one.)"""

    __slots__ = ("boxes", "gaps", "size", "hyphen", "hard")
    FIELDS: ClassVar[tuple[str, ...]] = ("boxes", "gaps", "size", "hyphen", "hard")

    def __init__(self, boxes: tuple[Box, ...], gaps: tuple[Gap, ...], size: float,
                 hyphen: tuple[str, float] = ("", 0.0), hard: tuple[int, ...] = ()):
        self.boxes = boxes
        self.gaps = gaps  # len(boxes) - 1
        self.size = size  # the type size, pt
        # the face and advance (pt) of the hyphen drawn where a word too wide for a line
        # breaks at a syllable (linebreak.py); measured only for a paragraph with a long
        # Latin word
        self.hyphen = hyphen
        # gaps (by index) where a line must end: a line break in the text (a box's
        # deliberate one, a caption's); the line before it is set ragged, as a paragraph's
        # last
        self.hard = hard

    def with_gaps(self, gaps: tuple[Gap, ...]) -> Items:
        """These items with other gaps (as many)."""
        return Items(self.boxes, gaps, self.size, self.hyphen, self.hard)

    def values(self) -> tuple[tuple[Box, ...], tuple[Gap, ...], float, tuple[str, float],
                              tuple[int, ...]]:
        return self.boxes, self.gaps, self.size, self.hyphen, self.hard


# Measure a character: (font role that has it, advance in em). Given by the caller, so the
# engine needs no fonts of its own (tests use a synthetic one).
Measure = Callable[[str], tuple[str, float]]


def _runs(text: str) -> list[tuple[str, CharClass, int, bool]]:
    """Split text into (piece, class, spaces before it, a line break among them): Latin
    words whole, doubled dashes and ellipses whole, every other character alone."""
    out: list[tuple[str, CharClass, int, bool]] = []
    spaces = 0
    broken = False
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        cls = _KNOWN.get(c) or char_class(c)  # (the lookup first: most are known)
        j = i + 1
        if cls is _SPACE:
            if c == "\n":
                broken = True
            else:
                spaces += 1
            i = j
            continue
        if cls is _LATIN:
            while j < n and char_class(text[j]) is _LATIN:
                j += 1
        elif cls is _INSEPARABLE and j < n and text[j] == c:
            j += 1  # —— and …… are one box of two cells (GB/T 15834 §4.9, §4.11)
        out.append((c if j == i + 1 else text[i:j], cls, spaces, broken))
        spaces = 0
        broken = False
        i = j
    return out


def _box(piece: str, cls: CharClass, size: float, measure: Measure) -> Box:
    glyphs: list[Glyph] = []
    x = 0.0
    if cls is _INSEPARABLE and len(piece) > 1:
        # —— and ……: the glyphs touch (a dash drawn narrower than its cells would show a
        # gap between its halves), centred as a group in their cells; a dash's halves
        # overlap, as its ink is narrower than its advance (DASH_PITCH)
        measured = [(c, *measure(c)) for c in piece]
        pitch = DASH_PITCH if piece[0] in _DASHES else 1.0
        steps = [advance * size * (pitch if k < len(piece) - 1 else 1.0)
                 for k, (_, _, advance) in enumerate(measured)]
        x = (len(piece) * size - sum(steps)) / 2
        for (c, face, advance), step in zip(measured, steps):
            glyphs.append(Glyph(c, face, x, advance * size))
            x += step
        return Box(tuple(glyphs), len(piece) * size, 0.0, 0.0, cls, cls)
    if cls in _MARKS:
        cell = CELL.get(cls, 1.0) * size
        for c in piece:
            face, advance = measure(c)
            advance *= size
            # Place the glyph in its cell the mainland way: opening marks to the right,
            # left-sitting marks to the left, the rest centred (CJK-RULES §1).
            if cls is _OPENING:
                offset = cell - advance
            elif cls in (CharClass.CLOSING, CharClass.COMMA, CharClass.FULL_STOP,
                         CharClass.DIVIDING):
                offset = 0.0
            else:
                offset = (cell - advance) / 2
            glyphs.append(Glyph(c, face, x + offset, advance))
            x += cell
        return Box(tuple(glyphs), x, BLANK_LEFT.get(cls, 0.0) * size,
                   BLANK_RIGHT.get(cls, 0.0) * size, cls, cls)
    if len(piece) == 1:  # a Han character: most boxes (made faster: see glyph)
        face, advance = measure(piece)
        return _new_tuple(Box, ((glyph(piece, face, 0.0, advance * size),), advance * size,
                                0.0, 0.0, cls, cls))
    for c in piece:
        face, advance = measure(c)
        glyphs.append(Glyph(c, face, x, advance * size))
        x += advance * size
    return Box(tuple(glyphs), x, 0.0, 0.0, char_class(piece[0]), char_class(piece[-1]))


_DASHES: Final = frozenset("—⸺―")  # a rule of them breaks between pairs; an ellipsis never does
# The CJK faces draw — with about 5 % of its advance blank on each side (Noto Serif CJK: ink
# 0.043-0.846 em of 0.890): the second half of a —— set this share of an advance after the
# first overlaps it, and the two read as one rule, not two dashes with a seam.
DASH_PITCH: Final = 0.88


def _may_break(before: Box, after: Box, spaced: bool = False) -> bool:
    """禁则 (clreq §3.1.7): may a line end between these two boxes? An ASCII mark that may
    not start a line (, . : ; ? ! ) ] } %) never does, a space typed before it or not (中文 ?
    where a web page lost a character); `spaced`: a space typed after an ASCII opening
    bracket parts it from what it would cling to."""
    if after.first in NO_LINE_START or before.last in NO_LINE_END:
        # a long rule of dashes (————) breaks between whole pairs (clreq §3.1.7)
        return before.last is after.first is _INSEPARABLE and \
            len(before.glyphs) == len(after.glyphs) == 2 and before.text == after.text and \
            before.glyphs[0].char in _DASHES
    last, first = before.glyphs[-1].char, after.glyphs[0].char
    if last in NO_LINE_END_CHARS or first in NO_LINE_START_CHARS:
        return False
    if first in ASCII_NO_LINE_START and not (
            first == "." and len(after.glyphs) > 1 and after.glyphs[1].char.isalnum()):
        return False  # spaced or not (a word opening with a dot, .NET or .5, may)
    return spaced or last not in ASCII_NO_LINE_END


def _kern(before: Box, after: Box) -> float:
    """Two neighbouring marks lose one facing blank half (clreq §3.1.6.1): 。” and ：“ are
    1.5 em, not 2. Take the first mark's blank right half, else the second's left half."""
    if before.first not in _MARKS or after.first not in _MARKS:
        return 0.0
    if before.blank_right:
        return -before.blank_right
    return -after.blank_left


_HAN_LATIN: Final = ((CharClass.IDEOGRAPHIC, CharClass.LATIN),
                     (CharClass.LATIN, CharClass.IDEOGRAPHIC))


# Justification widens Latin word spaces first, up to ½ em, and only then every gap between
# characters alike (CJK-RULES §4). A Han–Latin boundary is a gap between characters like any
# other: widening it first would show a space beside every number, which the newspaper
# templates (Chinese–Latin spacing 0, as the seed pages) do not want.
WORD_SPACE_MAX: Final = 0.5


def _room(before: Box, after: Box, space: float, size: float) -> float:
    if space and _LATIN in (before.last, after.first):
        return max(0.0, WORD_SPACE_MAX * size - space)
    return 0.0


def _space_em(before: Box, after: Box, measure: Measure) -> float:
    """Width of a typed space: a word space beside a Latin word, a full ideographic space
    between Chinese characters (a headline's parallel clauses, 本报记者 林芸)."""
    if _LATIN in (before.last, after.first):
        return measure(" ")[1]
    return 1.0


_HAN: Final = CharClass.IDEOGRAPHIC
# Between two Han characters: a line may break, nothing is kerned, the gap widens with the
# others (what build_runs' rules give for any two ideographs: none of them binds)
_HAN_GAP: Final = Gap(True, 0.0, 0.0, "", True, 0.0)


def build_items(text: str, size: float, measure: Measure, latin_spacing: float = 0.0,
                ) -> Items:
    """The boxes and gaps of a paragraph of text set at `size` points; `latin_spacing` em
    go between a Han character and a Latin word or number (CJK-RULES §5), dropped at a
    line break."""
    return build_runs([(text, measure)], size, latin_spacing)


def build_runs(runs: list[tuple[str, Measure]], size: float, latin_spacing: float = 0.0,
               reserve: float = 0.0, made: dict[Measure, dict[str, Box]] | None = None,
               ) -> Items:
    """Items of a paragraph made of runs in different faces at one size (a bold run-in
    subhead, then the text): the rules between two boxes hold across runs too. `reserve`
    points stay free after the last character (an empty box that cannot go to a line of
    its own), where a signature will stand. `made`: each character's box by its measure,
    at this size, kept by the caller for the next paragraph (boxes are tuples)."""
    boxes: list[Box] = []
    gaps: list[Gap] = []
    hard: list[int] = []
    spaces = 0
    broken = False
    made = {} if made is None else made
    for text, measure in runs:
        known = made.get(measure)
        if known is None:
            known = made[measure] = {}
        for piece, cls, spaces_before, break_before in _runs(text):
            box = known.get(piece)
            if box is None:
                box = _box(piece, cls, size, measure)
                if cls is not _LATIN:
                    known[piece] = box
            spaces += spaces_before
            broken = broken or break_before
            if boxes and broken:  # a line break typed here: the line ends, whatever the
                hard.append(len(gaps))  # rules (the break is the writer's), nothing painted
                gaps.append(Gap(True, 0.0, 0.0, "", True))
            elif boxes:
                before = boxes[-1]
                if before.last is _HAN and box.first is _HAN and not spaces:
                    gaps.append(_HAN_GAP)  # most gaps: between two Han characters
                    boxes.append(box)
                    continue
                space = spaces * _space_em(before, box, measure) * size if spaces else 0.0
                no_stretch = _CONNECTOR in (before.last, box.first)
                kern = 0.0 if space else _kern(before, box)
                if latin_spacing and not space and (before.last, box.first) in _HAN_LATIN:
                    kern = latin_spacing * size
                # Gap(breakable, kern, space, space_face, stretchable, room), made faster
                gaps.append(_new_tuple(Gap, (_may_break(before, box, spaces > 0), kern, space,
                                             measure(" ")[0] if space else "", not no_stretch,
                                             0.0 if no_stretch else
                                             _room(before, box, space, size))))
            boxes.append(box)
            spaces = 0
            broken = False
        tail = text[len(text.rstrip()):] if text.strip() else text
        spaces = len(tail) - tail.count("\n") + (0 if text.strip() else spaces)
        broken = "\n" in tail or (broken and not text.strip())
    if reserve and boxes:
        gaps.append(Gap(False, 0.0, 0.0, "", False))
        boxes.append(Box((), reserve, 0.0, 0.0, CharClass.OTHER, CharClass.OTHER))
    hyphen = ("", 0.0)
    if runs and any(len(b.glyphs) >= LONG_WORD and b.first is _LATIN for b in boxes):
        face, advance = runs[-1][1]("-")
        hyphen = (face, advance * size)
    return Items(tuple(boxes), tuple(gaps), size, hyphen, tuple(hard))


LONG_WORD: Final = 6  # Latin words of this many characters or more may have to be hyphenated
