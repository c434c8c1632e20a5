"""The headline size a made-up article takes at each width (`Sizes`, Candidate's base):
by its rank on the ladder, in at most two lines, under the bound the lead's sets (`cap`);
a narrow module's below the ladder's foot (NARROW_STEPS)."""
from __future__ import annotations

from ..flow import Typesetter, sized, vertical_cells
from ..model import Article, Template, TextStyle
from ..text.phrases import WITHIN_CLAUSE
from .costs import (BAD_CUT, MAX_HEADLINE_LINES, MAX_TITLE_LINES, NARROW_STEPS, NEAR_STEP,
                    TALL, TOO_NARROW)
from .shapes import Area, ladder_sizes, settable_sizes


class Sizes:
    """A candidate's headline sizes (Candidate is one; its `__init__` sets what these read:
    the article, template, area, rank, role and cap, and the one-off setter)."""

    article: Article
    t: Template
    area: Area
    rank: int
    lead: bool
    size_headline: bool  # False: a pinned article keeps its style's size
    cap: float | None
    setter: Typesetter
    # (columns, cap) → the title's size and steps down; and where its title takes more than
    # MAX_TITLE_LINES at any size, the lines past them
    _sizes: dict[tuple[int, float | None], tuple[float | None, int]]
    _tall: dict[tuple[int, float | None], int]
    # (columns, cap) → the size a title stepped down from to mend its cut (`mends_cut`)
    _mended: dict[tuple[int, float | None], float]
    _counts: dict[tuple[float, float], int]  # (width, size) → title_count

    def width_pt(self, columns: int) -> float:
        return columns * self.t.column_width + (columns - 1) * self.t.gutter

    def headline(self, columns: int) -> tuple[float | None, int]:
        """The main title's size at this width (by rank, no more than two lines), and how
        many steps it is below the size its rank gives."""
        key = (columns, self.cap)
        if key in self._sizes:
            return self._sizes[key]
        h = self.article.headline
        if h is None or h.size or h.fill or not self.size_headline:
            result: tuple[float | None, int] = (h.size if h else None, 0)
        elif h.vertical:
            result = self.vertical_size()
        else:
            style = self.t.styles["headline"]
            ladder, start = self.ladder()
            width = self.width_pt(h.columns[1] - h.columns[0] + 1 if h.columns else columns)
            # (a title in more than two lines at the smallest size: a width to avoid, as
            # many steps down again as the ladder has, on top of the steps it took)
            result = (ladder[-1], 2 * (len(ladder) - 1 - start) + TOO_NARROW)
            parts = h.main.count("\n") + 1  # lines the editor broke it into
            # the largest size that sets the title in at most two lines, or one step
            # smaller when that keeps it to the lines the editor gave it (one, unless
            # broken by hand): 称号 alone on a second line reads badly
            counts: list[int] = []
            two: int | None = None
            most = max(parts, MAX_HEADLINE_LINES)
            for size in ladder[start:]:
                counts.append(self.title_count(width, size, most))
                if two is None and counts[-1] <= most:
                    two = len(counts) - 1
                if two is not None and len(counts) > two + 1:
                    break  # (the step below it, all that `one` may be, is measured too)
            one = next((i for i, n in enumerate(counts) if n <= parts), None)
            if one is not None and (two is None or one <= two + 1 and self.near(
                    ladder[start + one], ladder[start + two])):
                two = one
            if two is not None:
                if counts[two] > parts and two + 1 < len(counts) \
                        and counts[two + 1] == counts[two] and self.mends_cut(
                            style, ladder[start + two], ladder[start + two + 1], width):
                    self._mended[key] = ladder[start + two]
                    two += 1
                result = (ladder[start + two], two)
            else:
                result = self.below_ladder(width, most, len(ladder) - 1 - start) or result
            if two is None and result[0] == ladder[-1]:
                # (at the ladder's foot, set exactly: the lines past MAX_TITLE_LINES)
                self._tall[key] = max(0, sum(self.setter.line_count(
                    part.strip(), sized(style, ladder[-1]), width)
                    for part in h.main.split("\n")) - MAX_TITLE_LINES)
        self._sizes[key] = result
        return result

    def unmended(self, columns: int) -> float | None:
        """The title's size at this width before a step down to mend its cut
        (`mends_cut`): the size its rank and lines give it, what bounds the sizes a
        headline beside a picture may take (pictures.picture_ways)."""
        size = self.headline(columns)[0]
        return self._mended.get((columns, self.cap), size)

    def mends_cut(self, style: TextStyle, size: float, smaller: float, width: float) -> bool:
        """Whether the title's cut into lines at `size` is a bad one (BAD_CUT) and at
        `smaller`, a near step (`near`), a plain one: a break inside a term reads worse
        than a headline a step smaller."""
        return self.near(smaller, size) and self.worst_cut(style, size, width) >= BAD_CUT \
            and self.worst_cut(style, smaller, width) <= WITHIN_CLAUSE

    def worst_cut(self, style: TextStyle, size: float, width: float) -> float:
        """What the dearest cut of the title's display lines at `size` costs (em,
        text.phrases); 0.0 for a title on one line (or its lines not its characters)."""
        h = self.article.headline
        assert h is not None  # (asked for a headline being sized only)
        worst = 0.0
        for part in h.main.split("\n"):
            text = part.strip()
            lines = self.setter.display_lines(text, sized(style, size), width)
            if sum(len(line.glyphs) for line in lines) != len(text):
                continue  # (not a glyph a character: no cut to weigh)
            costs = self.setter.cut_rules(text).costs
            end = 0
            for line in lines[:-1]:
                end += len(line.glyphs)
                worst = max(worst, costs[end])
        return worst

    def title_count(self, width: float, size: float, most: int) -> int:
        """The lines the main title takes at `size` across `width`: exactly where that is
        at most `most`, else at least as many as `most` and more (past it, its exact count
        changes nothing `headline` finds); counted once for every bound on the headline."""
        key = (width, size)
        found = self._counts.get(key)
        if found is None:
            h = self.article.headline
            assert h is not None  # (asked of a headline the make-up sizes)
            at = sized(self.t.styles["headline"], size)
            found = sum(self.setter.line_count(part.strip(), at, width, least=True)
                        for part in h.main.split("\n"))
            if found <= most:
                found = sum(self.setter.line_count(part.strip(), at, width)
                            for part in h.main.split("\n"))
            self._counts[key] = found
        return found

    def below_ladder(self, width: float, most: int, steps: int) -> tuple[float, int] | None:
        """A title no size of the default ladder sets in `most` lines (a narrow module's,
        NEWSPAPER.md: a narrow side module takes a small headline): the largest of
        NARROW_STEPS below the ladder's foot that does, `steps` (those down to the foot)
        and its own steps down; else the largest that sets it in MAX_TITLE_LINES, as many
        steps again as a title too narrow counts; None when none does, or the template
        gives its own ladder (a designer's ladder is all the sizes there are), or for the
        lead (`shapes.settable_sizes`: a headline under one may be set down to its size)."""
        h = self.article.headline
        if self.t.headline_ladder or h is None or self.lead:
            return None  # (a lead's headline that small is no lead's: a wider module is)
        style = self.t.styles["headline"]
        foot = ladder_sizes(self.t)[-1]
        counts = [(size, steps + 1 + n, sum(self.setter.line_count(
            part.strip(), sized(style, size), width) for part in h.main.split("\n")))
            for n, size in enumerate(s for s in NARROW_STEPS
                                     if s < foot and (self.cap is None or s <= self.cap))]
        # (in `most` lines; else in MAX_TITLE_LINES, a width to avoid all the same)
        return next(((size, down) for size, down, count in counts if count <= most),
                    next(((size, down + TOO_NARROW) for size, down, count in counts
                          if count <= MAX_TITLE_LINES), None))

    def near(self, smaller: float, size: float) -> bool:
        """Whether a title may step down from `size` to `smaller` to keep to one line: on a
        template's own ladder, not a step so far down that it reads as another rank."""
        return not self.t.headline_ladder or smaller >= NEAR_STEP * size

    def too_tall(self, columns: int) -> float:
        """What a title costs that takes more than MAX_TITLE_LINES lines at every size at
        this width (too few columns for it, NEWSPAPER.md): TALL a line past them."""
        self.headline(columns)
        return TALL * self._tall.get((columns, self.cap), 0)

    def ladder(self) -> tuple[list[float], int]:
        """The sizes a made-up headline may take, largest first (`ladder`), and where this
        article's rank starts on it: on the template's `headline_ladder`, rank n at its
        n-th size (the later ones at its last); on the default one the lead at the top,
        the next a step down, the rest two; never above `cap` (under the ladder's foot
        when the cap is: the NARROW_STEPS under it)."""
        ladder = list(ladder_sizes(self.t))
        start = min(self.rank, len(ladder) - 1 if self.t.headline_ladder else 2,
                    len(ladder) - 1)
        if self.cap is not None and self.cap < ladder[-1]:
            # (the lead's at the foot of the default ladder: the sizes under it, so that
            # the lead's stays the largest on the page; where it starts, past the foot,
            # is all a search's table reads of the bound, as for a bound on the ladder)
            ladder = list(settable_sizes(self.t))
            return ladder, next((n for n, s in enumerate(ladder) if s <= self.cap),
                                len(ladder) - 1)
        if self.cap is not None:
            while start < len(ladder) - 1 and ladder[start] > self.cap:
                start += 1
        return ladder, start

    def vertical_size(self) -> tuple[float, int]:
        """A vertical title's size: by rank as a horizontal one's, no wider than a column
        less a body character of air each side, its characters no taller than half the
        area's height."""
        h = self.article.headline
        assert h is not None  # (asked for a vertical headline only)
        ladder, start = self.ladder()
        # (a title broken by hand stands in as many columns: its longest sets the height)
        cells = max(len(list(vertical_cells(part))) for part in h.main.split("\n"))
        room = self.area.lines * self.t.pitch / 2
        for steps, size in enumerate(ladder[start:]):
            if size <= self.t.column_width - 2 * self.t.body.size and cells * size <= room:
                return size, steps
        return ladder[-1], len(ladder) - 1 - start

    def smaller(self, size: float | None, steps: int) -> list[tuple[float, int]]:
        """The next two headline sizes below `size` on the ladder, with their steps."""
        h = self.article.headline
        if size is None or h is None or h.size or h.fill or h.vertical \
                or not self.size_headline or self.lead:
            return []  # (the lead's size bounds the others': it keeps the one it has)
        below = [s for s in ladder_sizes(self.t) if s < size]
        return [(s, steps + 1 + n) for n, s in enumerate(below[:2])]
