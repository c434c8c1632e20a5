"""What the tiling the search chose gives a page (docs/architecture.md, Make-up): each
module's rectangle (`place`), the thin rules between the modules (`rules`), and what the
settled modules' 碰题 and the air over their headline groups cost in the rounds of the
make-up (`butting`: the search estimated them, tiling)."""
from __future__ import annotations

from .. import sidebyside
from ..flow import RULE_COLOUR, Drawn, TooLow
from ..model import ArticlePlan, PlacedLine, PlacedRect, Template
from .candidate import Candidate
from .costs import BUTTING, DROP, STRAY_DROP
from .shapes import Leaf


def butting(plans: list[ArticlePlan], by_index: dict[int, Candidate]) -> float:
    """What the settled modules' 碰题 costs: BUTTING for each pair of main titles at one
    height as the render tells them (`sidebyside.butting`, on the titles as their heads
    are set); and the air a group stands under, DROP a line where it staggers it against
    a module whose title is on the top line they share (clear of it: no longer at one
    height), STRAY_DROP a cell elsewhere (a blank band, a filler), so that the rounds of
    the make-up weigh what the search estimated."""
    lines: list[PlacedLine] = []
    titles: list[tuple[int, sidebyside.TitleBlock]] = []  # (each main title's article)
    for p in plans:
        if p.article.headline is not None:
            out = Drawn()
            try:
                by_index[p.index].flow(p).head(out, p.last_line)
            except TooLow:
                continue  # (a head that passes its module's foot: counted as such)
            lines += out.lines
            if p.head_drop:
                titles += [(p.index, b) for b in sidebyside.title_blocks(tuple(out.lines))]
    # (a lowered title still at one height with another's: its air staggers nothing)
    every = sidebyside.title_blocks(tuple(lines))
    butted = {i for i, a in titles if any(sidebyside.at_one_height(a, b) for b in every)}
    air = 0.0
    for p in plans:
        if p.head_drop:
            staggers = p.index not in butted and any(
                q.first_line == p.first_line and not q.head_drop
                           and q.article.headline is not None
                           and (q.last_column + 1 == p.first_column
                                or p.last_column + 1 == q.first_column) for q in plans)
            air += p.head_drop * (DROP if staggers else
                                  STRAY_DROP * (p.last_column - p.first_column + 1))
    return BUTTING * len(sidebyside.butting(tuple(lines))) + air


def place(tree, column: int, line: int, columns: int, lines: int,
           out: list[tuple[Leaf, int, int, int, int]], cuts: list) -> None:
    """Give each leaf of the tree its rectangle; collect the cuts (for rules)."""
    if isinstance(tree, Leaf):
        out.append((tree, column, line, columns, lines))
        return
    if tree.across:
        cuts.append((True, column, line + tree.size, columns, 1))
        place(tree.first, column, line, columns, tree.size, out, cuts)
        place(tree.second, column, line + tree.size + 1, columns, lines - tree.size - 1,
               out, cuts)
    else:
        cuts.append((False, column + tree.size, line, 1, lines))
        place(tree.first, column, line, tree.size, lines, out, cuts)
        place(tree.second, column + tree.size, line, columns - tree.size, lines, out, cuts)


def rules(cuts: list, t: Template) -> list[PlacedRect]:
    """A thin rule through the blank line between stacked modules, and down the gutter
    between modules side by side."""
    rules = []
    for across, column, line, columns, lines in cuts:
        if across:
            x = t.column_x(column)
            width = t.column_x(column + columns - 1) + t.column_width - x
            rules.append(PlacedRect(x, t.line_top(line) + t.pitch / 2, width, 0, None,
                                    RULE_COLOUR, 0.5))
        else:
            x = t.column_x(column) - t.gutter / 2
            top = t.line_top(line)
            rules.append(PlacedRect(x, top, 0, lines * t.pitch, None, RULE_COLOUR, 0.5))
    return rules
