"""Where the words of a line of display text end: a headline, a kicker, a byline breaks
only between words (body text keeps breaking between any two characters, as Chinese
composition does).

The segmenter is rjieba (Python bindings of jieba-rs, the Rust port of jieba, the common
Chinese word segmenter; MIT): its dictionary loads in well under 0.1 s, where jieba's own
takes about a second on first use, too slow for a one-page render. It is imported only when
a display line has to break; without it every character boundary counts, as before.
"""
from __future__ import annotations

from functools import lru_cache


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
