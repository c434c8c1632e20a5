"""Where the words of a line of display text end: a headline, a kicker, a byline breaks
only between words (body text keeps breaking between any two characters, as Chinese
composition does).

The words are jieba's (the common Chinese word segmenter) as its Rust build jieba-rs cuts
them: text.segmenter reads its dictionary where a text needs it, the first time a page
segments a display text (a page whose display text never breaks reads nothing).
"""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from .segmenter import word_lengths

if TYPE_CHECKING:
    from .items import Items

__all__ = ["between_words", "box_spans", "word_ends"]


@lru_cache(maxsize=4096)
def word_ends(text: str) -> tuple[int, ...]:
    """Offsets inside `text` (0 < offset < len) where one word ends and the next begins."""
    ends, at = [], 0
    for length in word_lengths(text):
        at += length
        if 0 < at < len(text):
            ends.append(at)
    return tuple(ends)


def box_spans(items: Items, text: str) -> list[tuple[int, int]]:
    """Where each box of `items` (made from `text`) stands in the text, [start, end): its
    characters found from where the box before it ended (a box without text, or whose
    text is not found there, is empty at that place)."""
    out: list[tuple[int, int]] = []
    at = 0
    for box in items.boxes:
        piece = box.text
        found = text.find(piece, at) if piece else -1
        if found >= 0:
            at = found + len(piece)
            out.append((found, at))
        else:
            out.append((at, at))
    return out


def between_words(items: Items, text: str) -> Items:
    """`items` (made from `text`) that may break only where a word ends, or at a typed
    space: a caption set justified in several lines keeps its words whole (the line
    breaker falls back to a forced break where nothing else fits, and says so)."""
    ends = set(word_ends(text))
    gaps = list(items.gaps)
    for i, (_, end) in enumerate(box_spans(items, text)[:-1]):
        gap = gaps[i]
        if gap.breakable and not gap.space and end not in ends:
            gaps[i] = gap._replace(breakable=False)
    return items.with_gaps(tuple(gaps))
