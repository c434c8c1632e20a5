"""A template's values a press can print: a page size (named or [width, height]), lengths
and type sizes within bounds, colours; the readers `templates` and its parts share."""
from __future__ import annotations

import re

from .source import Node, items, text
from .units import MM, Grid, length, size

# Named page sizes (width × height, mm). 对开/四开 after NEWSPAPER.md "Page and grid".
PAGE_SIZES = {
    "A4": (210.0, 297.0), "A3": (297.0, 420.0), "A2": (420.0, 594.0),
    "对开": (390.0, 540.0), "四开": (270.0, 390.0),
}
# What a press prints: a page side up to 2 m, type from 4 pt to 200 pt, up to 40 columns.
MAX_PAGE_MM = 2000
BODY_SIZES = (4.0, 72.0)
STYLE_SIZES = (4.0, 200.0)
MAX_COLUMNS = 40
COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


def as_node(node: Node) -> Node:
    return node


def page_size(node: Node) -> tuple[float, float]:
    if isinstance(node.value, str) and node.value.strip() in PAGE_SIZES:
        w, h = PAGE_SIZES[node.value.strip()]
        return w * MM, h * MM
    pair = items(node)
    if len(pair) != 2:
        raise node.fail("expected [width, height] or a size name",
                        hint="for example [297mm, 420mm], or one of " + ", ".join(PAGE_SIZES))
    width, height = (bounded(p, 50 * MM, MAX_PAGE_MM * MM, "a page side") for p in pair)
    return width, height


def bounded(node: Node, least: float, most: float, what: str) -> float:
    """A length within what a press can print, else an error that says so."""
    value = length(node)
    if not least <= value <= most:
        raise node.fail(f"{what} of {node.value!r} is not one a press prints "
                        f"({least:g}–{most:g} pt)", hint="give a size a press can print")
    return value


def bounded_size(node: Node, bounds: tuple[float, float], what: str) -> float:
    value = size(node)
    if not bounds[0] <= value <= bounds[1]:
        raise node.fail(f"{what} of {node.value!r} is not one a press prints "
                        f"({bounds[0]:g}–{bounds[1]:g} pt)", hint="give a size such as 小五")
    return value


def at_least(least: float, grid: Grid = Grid(), above: bool = False):
    """A length reader that refuses values below `least` (or not above it)."""
    def read(node: Node) -> float:
        value = length(node, grid)
        if value < least or (above and value == least):
            raise node.fail(f"{node.value!r} is {'not above' if above else 'below'} "
                            f"{least:g} pt", hint="give a positive length" if above
                            else "give zero or a positive length")
        return value
    return read


def colour(node: Node) -> str:
    if isinstance(node.value, int) and not isinstance(node.value, bool):
        raise node.fail(f"YAML reads this colour as the number {node.value}",
                        hint="write it in quotes as #rrggbb, e.g. accent: \"#1f4e9c\"")
    value = text(node)
    if not COLOUR.match(value):
        raise node.fail(f"{value!r} is not a colour", hint="write it as #rrggbb, e.g. #c8161d")
    return value.lower()
