"""A head's texts as its setter reads them (head.py): a vertical title's cells, and a
kicker's or subtitle's size and style (two 字号 below the main title, or the manifest's
own)."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from ..model import TextStyle
from ..units import ZIHAO
from .setter import sized


def vertical_cells(text: str) -> Iterator[str]:
    """A vertical title's cells, top to bottom, each one em tall: a character each; a run
    of two or three ASCII digits one cell (99周年); a space a blank cell; a line break (an
    editor's: the next column, `vertical_parts`) nothing."""
    i = 0
    while i < len(text):
        run = 0
        while i + run < len(text) and text[i + run].isascii() and text[i + run].isdigit():
            run += 1
        if 2 <= run <= 3:
            yield text[i:i + run]
            i += run
            continue
        if text[i] != "\n":
            yield text[i]
        i += 1


def two_below(style: TextStyle, main: float) -> float:
    """A kicker's or subtitle's size: its style's, at most two 字号 below the main
    title's."""
    below = [s for s in sorted({*ZIHAO.values(), style.size}, reverse=True) if s < main]
    return min(style.size, below[1] if len(below) > 1 else style.size)


def own(fitted: TextStyle, style: TextStyle, size: float | None,
        face: str | None) -> TextStyle:
    """A kicker's or subtitle's style as the manifest sets it for this article: its
    size (instead of the fitted one) and face, where it gives them."""
    if size:
        fitted = sized(style, size)
    return replace(fitted, face=face) if face else fitted
