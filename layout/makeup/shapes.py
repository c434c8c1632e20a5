"""The make-up's values: how an article is set in a module (`Config`), the rectangle the
make-up fills (`Area`), a leaf of its search (`Leaf`), the tiling a round chooses (`Choice`),
and the headline sizes it gives by rank (`ladder_sizes`, `settable_sizes`)."""
from __future__ import annotations

from typing import Any, ClassVar, NamedTuple

from ..model import Template
from ..valued import Valued
from .costs import HEADLINE_STEPS, NARROW_STEPS


class Config(Valued):
    """How one article is set in its module: its headline size, the air added to the
    headline band, its pictures (each one's columns and lines), and the air over the
    headline group that sets it lower than its neighbour's (`drop`: 碰题). (`Valued`.)"""

    __slots__ = ("size", "extra", "widths", "heights", "beside", "divide", "drop")
    FIELDS: ClassVar[tuple[str, ...]] = (
        "size", "extra", "widths", "heights", "beside", "divide", "drop")

    def __init__(self, size: float | None, extra: int = 0, widths: tuple[int, ...] = (),
                 heights: tuple[int, ...] = (), beside: int = 0, divide: int = 0,
                 drop: int = 0):
        self.size = size
        self.extra = extra
        self.widths = widths
        self.heights = heights
        self.beside = beside  # columns of the first picture beside the headline (0: under)
        self.divide = divide  # 破栏: the module's base columns re-divided into this many
        self.drop = drop  # lines of air over the headline group

    def values(self) -> tuple[float | None, int, tuple[int, ...], tuple[int, ...], int, int,
                              int]:
        return (self.size, self.extra, self.widths, self.heights, self.beside, self.divide,
                self.drop)

    # The search makes thousands of these, each a field or two from another (a test keeps
    # these in step with the fields).
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

    def sized(self, size: float | None) -> Config:
        """This config with its headline at `size`."""
        return Config(size, self.extra, self.widths, self.heights, self.beside, self.divide,
                      self.drop)

    def divided(self, divide: int) -> Config:
        """This config with its module's columns re-divided into `divide` (0: not)."""
        return Config(self.size, self.extra, self.widths, self.heights, self.beside, divide,
                      self.drop)


class Area(Valued):
    """The rectangle of the grid the make-up fills (grid units, 1-based, inclusive).
    (`Valued`.)"""

    __slots__ = ("first_column", "last_column", "first_line", "last_line")
    FIELDS: ClassVar[tuple[str, ...]] = ("first_column", "last_column", "first_line", "last_line")

    def __init__(self, first_column: int, last_column: int, first_line: int, last_line: int):
        self.first_column, self.last_column = first_column, last_column
        self.first_line, self.last_line = first_line, last_line

    def values(self) -> tuple[int, int, int, int]:
        return self.first_column, self.last_column, self.first_line, self.last_line

    @property
    def columns(self) -> int:
        return self.last_column - self.first_column + 1

    @property
    def lines(self) -> int:
        return self.last_line - self.first_line + 1


class Leaf(Valued):
    """An article in its module, as a leaf of the search's tree: its position in the
    manifest, how it is set, and the option it came from (its width and height).
    (`Valued`.)"""

    __slots__ = ("index", "config", "columns", "height")
    FIELDS: ClassVar[tuple[str, ...]] = ("index", "config", "columns", "height")

    def __init__(self, index: int, config: Config, columns: int = 0, height: int = 0):
        self.index, self.config, self.columns, self.height = index, config, columns, height

    def values(self) -> tuple[int, Config, int, int]:
        return self.index, self.config, self.columns, self.height

    def set_as(self, config: Config) -> Leaf:
        """This leaf set as `config` says."""
        return Leaf(self.index, config, self.columns, self.height)


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
