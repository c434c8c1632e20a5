"""Where the words of a line of display text end: a headline, a kicker, a byline breaks
only between words (body text keeps breaking between any two characters, as Chinese
composition does).

The segmenter is rjieba (Python bindings of jieba-rs, the Rust port of jieba, the common
Chinese word segmenter; MIT): its dictionary loads in well under 0.1 s, where jieba's own
takes about a second on first use, too slow for a one-page render. It is loaded and asked
in a helper process of its own (text.segmenter: loading it here would hold the
interpreter's lock all the while); the words are rjieba's own cut either way, so the
pages are the same. Without rjieba every character boundary counts.
"""
from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from .segmenter import load_in_background, word_lengths

if TYPE_CHECKING:
    from .items import Items

__all__ = ["between_words", "load_in_background", "word_ends"]


@lru_cache(maxsize=4096)
def word_ends(text: str) -> tuple[int, ...]:
    """Offsets inside `text` (0 < offset < len) where one word ends and the next begins."""
    lengths = word_lengths(text)
    if lengths is None:  # pragma: no cover - a platform without rjieba's wheel
        return tuple(range(1, len(text)))
    ends, at = [], 0
    for length in lengths:
        at += length
        if 0 < at < len(text):
            ends.append(at)
    return tuple(ends)


def between_words(items: Items, text: str) -> Items:
    """`items` (made from `text`) that may break only where a word ends, or at a typed
    space: a caption set justified in several lines keeps its words whole (the line
    breaker falls back to a forced break where nothing else fits, and says so)."""
    ends = set(word_ends(text))
    gaps = list(items.gaps)
    at = 0
    for i, box in enumerate(items.boxes[:-1]):
        piece = box.text
        found = text.find(piece, at) if piece else -1
        at = found + len(piece) if found >= 0 else at
        gap = gaps[i]
        if gap.breakable and not gap.space and at not in ends:
            gaps[i] = gap._replace(breakable=False)
    return replace(items, gaps=tuple(gaps))
