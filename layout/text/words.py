"""Where the words of a line of display text end: a headline, a kicker, a byline breaks
only between words (body text keeps breaking between any two characters, as Chinese
composition does).

The segmenter is rjieba (Python bindings of jieba-rs, the Rust port of jieba, the common
Chinese word segmenter; MIT): its dictionary loads in well under 0.1 s, where jieba's own
takes about a second on first use, too slow for a one-page render. Its dictionary loads when
it is imported (0.08 s), outside the interpreter's lock: `load_in_background()`, called
once a manifest is read whose display text might break (pipeline.load), has it load on
another thread while the template and fonts are read and the make-up starts, so the first
display line that breaks seldom waits for it; without it every character boundary counts,
as before.
"""
from __future__ import annotations

import os
import threading
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .items import Items

_LOADING: list[threading.Thread] = []


def load_in_background() -> None:
    """Start importing the segmenter (its dictionary) on a thread of its own, once a
    process; `word_ends` imports it as before, waiting for that import if it is still
    under way (the import system's lock), so what it segments is the same either way.
    The process waits for the thread before it forks (a child must not inherit the import
    half done) and before it exits (the thread is no daemon: none is cut off inside the
    segmenter's own code)."""
    if _LOADING:
        return
    thread = threading.Thread(target=_load, name="layout-segmenter")
    _LOADING.append(thread)
    os.register_at_fork(before=thread.join)
    thread.start()


def _load() -> None:
    try:
        import rjieba  # noqa: F401, PLC0415
    except ImportError:  # pragma: no cover - a platform without its wheel (said later)
        pass


@lru_cache(maxsize=4096)
def word_ends(text: str) -> tuple[int, ...]:
    """Offsets inside `text` (0 < offset < len) where one word ends and the next begins."""
    try:
        import rjieba  # noqa: PLC0415 (only display text that breaks pays for it)
    except ImportError:  # pragma: no cover - a platform without its wheel
        return tuple(range(1, len(text)))
    ends, at = [], 0
    for word in rjieba.cut(text):
        at += len(word)
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
