"""The make-up's values: how an article is set in a module (`Config`), the rectangle the
make-up fills (`Area`), a leaf of its search (`Leaf`), the tiling a round chooses (`Choice`),
and the headline sizes it gives by rank (`ladder_sizes`, `settable_sizes`)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NamedTuple

from ..model import Template
from .costs import HEADLINE_STEPS, NARROW_STEPS


@dataclass(frozen=True)
class Config:
    """How one article is set in its module: its headline size, the air added to the
    headline band, its pictures (each one's columns and lines), and the air over the
    headline group that sets it lower than its neighbour's (`drop`: 碰题)."""

    size: float | None
    extra: int = 0
    widths: tuple[int, ...] = ()
    heights: tuple[int, ...] = ()
    beside: int = 0  # columns of the first picture standing beside the headline (0: under)
    divide: int = 0  # 破栏: the module's base columns re-divided into this many (0: not)
    drop: int = 0  # lines of air over the headline group

    # The search makes thousands of these: made field by field, not through
    # dataclasses.replace, several times slower (a test keeps them in step with the fields).
    def pictured(self, widths: tuple[int, ...], heights: tuple[int, ...]) -> Config:
        """This config with the pictures so wide and so tall."""
        return Config(self.size, self.extra, widths, heights, self.beside, self.divide,
                      self.drop)

    def lowered(self, drop: int) -> Config:
        """This config with `drop` lines of air over the headline group."""
        return Config(self.size, self.extra, self.widths, self.heights, self.beside,
                      self.divide, drop)

    def with_extra(self, extra: int) -> Config:
        """This config with `extra` lines of air in the headline band."""
        return Config(self.size, extra, self.widths, self.heights, self.beside, self.divide,
                      self.drop)


class Area:
    """The rectangle of the grid the make-up fills (grid units, 1-based, inclusive). Never
    changed once made; equal to another with the same sides. (Not a frozen dataclass: in a
    compiled module one costs ~3.8 M instructions at each start, and its equality and hash
    run interpreted.)"""

    __slots__ = ("first_column", "last_column", "first_line", "last_line")

    def __init__(self, first_column: int, last_column: int, first_line: int, last_line: int):
        self.first_column, self.last_column = first_column, last_column
        self.first_line, self.last_line = first_line, last_line

    def sides(self) -> tuple[int, int, int, int]:
        return self.first_column, self.last_column, self.first_line, self.last_line

    def __eq__(self, other: object) -> bool:
        return self.sides() == other.sides() if isinstance(other, Area) else NotImplemented

    def __hash__(self) -> int:
        return hash(self.sides())

    def __repr__(self) -> str:
        return (f"Area(first_column={self.first_column}, last_column={self.last_column}, "
                f"first_line={self.first_line}, last_line={self.last_line})")

    @property
    def columns(self) -> int:
        return self.last_column - self.first_column + 1

    @property
    def lines(self) -> int:
        return self.last_line - self.first_line + 1


@dataclass(frozen=True)
class Leaf:
    index: int  # the article's position in the manifest
    config: Config
    columns: int = 0  # the option it came from: its width and height
    height: int = 0


class Choice(NamedTuple):
    """The tiling a round of the search chooses: what it costs, its tree (`tiling.Cut`s
    of `Leaf`s) and the lines of the area it fills from the top."""

    cost: float
    tree: Any
    height: int


class Made(NamedTuple):
    """The page the make-up's rounds made: what it leaves blank or over (with its 碰题
    and what is out of rank), the articles' plans, and the cuts between the modules
    (their rules)."""

    total: float
    plans: list
    cuts: list


def ladder_sizes(t: Template) -> tuple[float, ...]:
    """The sizes made-up headlines take, largest first: the template's `headline_ladder`,
    or its headline size and the HEADLINE_STEPS below it."""
    if t.headline_ladder:
        return t.headline_ladder
    size = t.styles["headline"].size
    return (size, *(s for s in HEADLINE_STEPS if s < size))


def settable_sizes(t: Template) -> tuple[float, ...]:
    """Every size a made-up headline may take, largest first: the ladder's, and on the
    default ladder the NARROW_STEPS under its foot (a narrow module's title,
    `Sizes.below_ladder`), which a headline under one may be set down to."""
    ladder = ladder_sizes(t)
    if t.headline_ladder:
        return ladder
    return (*ladder, *(s for s in NARROW_STEPS if s < ladder[-1]))
