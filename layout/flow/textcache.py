"""A page's text cache: what the setter breaks and measures, kept for every trial of the
make-up and for the flow of the final page (and, under `render --watch`, for the next
render: `pipeline.Kept`). Each table's key holds everything its value is made from but the
composition rules and the fonts, so one cache serves one composition and one font set."""
from __future__ import annotations

from typing import NamedTuple

from ..text.items import Items
from ..text.linebreak import SetLine

# A text of runs (text, font role) as the setter sets it.
Runs = tuple[tuple[str, str], ...]


class OneLine(NamedTuple):
    """A text the setter sets on one line at every measure from `reach` (pt) on: the line
    it set (its glyphs the same at each; `linebreak.one_line_from`)."""

    reach: float
    line: SetLine


class CutRules(NamedTuple):
    """What each character of a display text allows a cut of it into lines: the offsets a
    cut may fall at (between words, never inside a credit's name nor between a number and
    its unit); may a line start (end) at it; what a cut before each offset costs, in em
    (text.phrases); and how many characters before each offset are neither letters nor
    digits (`flow.setter.cut_rules`)."""

    ends: list[int]
    no_start: list[bool]
    no_end: list[bool]
    costs: tuple[float, ...]
    marks: list[int]


class TextCache:
    """The text one page's setters broke, measured and set, by table:

    * `lines`: (runs, size, width, justify, indent, reserve, words, byline) → the lines
      broken;
    * `one_line`: the `lines` key but the width → the line a text sets on one line at
      every width from its reach (`OneLine`): a headline's part, a byline set again at
      another width is that line, not broken again;
    * `items`: (runs, size, latin spacing, reserve) → the paragraph's boxes and gaps, kept
      for other widths (a re-divided lead, a headline over fewer columns);
    * `names`: (the items' key, byline) → the boxes of each unit of its credits that a line
      may not break inside (`text.names`; mostly none);
    * `display`: (text, face, size, width, fits, byline) → display lines cut between words;
    * `cuts`: (text, byline) → where a display text may be cut into lines (`CutRules`);
    * `spans`: (text, face) → each glyph's left and right edge on one line, per point of
      the size (None: a text whose glyphs are not one a character);
    * `natural`: (text, face) → a one-off text's width on one line, per point of its size.
    """

    def __init__(self) -> None:
        self.lines: dict[tuple[Runs, float, float, bool, float, float, bool, bool],
                         list[SetLine]] = {}
        self.one_line: dict[tuple[Runs, float, bool, float, float, bool, bool], OneLine] = {}
        self.items: dict[tuple[Runs, float, float, float], Items] = {}
        self.names: dict[tuple[tuple[Runs, float, float, float], bool],
                         tuple[tuple[int, int], ...]] = {}
        self.display: dict[tuple[str, str, float, float, bool, bool], list[SetLine]] = {}
        self.cuts: dict[tuple[str, bool], CutRules] = {}
        self.spans: dict[tuple[str, str], tuple[list[float], list[float]] | None] = {}
        self.natural: dict[tuple[str, str], float] = {}

    def __len__(self) -> int:
        """Entries in all its tables (the caches kept across renders start afresh past
        `Kept.text_cache`'s bound)."""
        return (len(self.lines) + len(self.one_line) + len(self.items) + len(self.names)
                + len(self.display) + len(self.cuts) + len(self.spans) + len(self.natural))
