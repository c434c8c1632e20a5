"""Lengths as designers write them: mm, pt, 字号 names, 字 (body characters), 行 (body lines)."""
from __future__ import annotations

import math
import re

from .frozen import frozen
from .source import Node

MM = 72 / 25.4  # points per millimetre

# 字号: the traditional Chinese type sizes, in points (NEWSPAPER.md, "Sizes").
ZIHAO = {
    "初号": 42.0, "小初": 36.0, "一号": 26.0, "小一": 24.0, "二号": 22.0, "小二": 18.0,
    "三号": 16.0, "小三": 15.0, "四号": 14.0, "小四": 12.0, "五号": 10.5, "小五": 9.0,
    "六号": 7.5, "小六": 6.5, "七号": 5.5, "八号": 5.0,
}

_LENGTH = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*(mm|pt|字|行|em)?\s*$")


@frozen
class Grid:
    """What 字 and 行 mean where a length is read: the body size and the line pitch (pt)."""

    char: float | None = None
    line: float | None = None


def length(node: Node, grid: Grid = Grid()) -> float:
    """A length in points: `12mm`, `9pt`, `2字`, `3行`, a 字号 name, or a bare number of pt."""
    value = node.value
    if isinstance(value, bool):
        raise node.fail(f"expected a length, got {value!r}")
    if isinstance(value, (int, float)):
        if not math.isfinite(value):
            raise node.fail(f"{value!r} is not a length", hint="write a finite number")
        return float(value)
    if isinstance(value, str) and value.strip() in ZIHAO:
        return ZIHAO[value.strip()]
    match = _LENGTH.match(str(value))
    if not match:
        raise node.fail(f"{value!r} is not a length",
                        hint="write a number with a unit: 15mm, 9pt, 2字, 3行, or a 字号 such "
                             "as 小五")
    number, unit = float(match.group(1)), match.group(2) or "pt"
    if unit == "mm":
        return number * MM
    if unit == "pt":
        return number
    scale = grid.char if unit in ("字", "em") else grid.line
    if scale is None:
        raise node.fail(f"{value!r}: {unit} cannot be used here",
                        hint="use mm or pt: the body size and line pitch are not known yet")
    return number * scale


def size(node: Node) -> float:
    """A type size in points: a 字号 name (小五), `9pt`, `3.5mm` or a bare number of pt."""
    points = length(node)
    if points <= 0:
        raise node.fail(f"a type size must be positive, got {node.value!r}")
    return points
