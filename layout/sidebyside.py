"""Headlines side by side at one height (碰题): two main titles whose lines stand at one
height in modules beside each other. NEWSPAPER.md lets a rule part them, and the make-up
weighs each such pair against the blank it would leave to avoid it; but a reader may run
one title into the other across the rule (…执法显成效（图） | 株洲幼儿园…), so the render
tells the editor, who may move one (`region:`) or change the order (`rank:`)."""
from __future__ import annotations

from .frozen import frozen
from .model import LineKind, PlacedLine

_SHORT = 8  # characters of a title a notice quotes
# Two main titles stand at one height (碰题) when, in modules side by side, their boxes (the
# ideographic em of each line, PlacedLine.em_box) share any height down the page
# (more than this share of the smaller title's size: a hair, not a line's touching the
# other's): a title whose first line starts under the other's last is staggered, one
# whose first line stands beside the other's last is read across as surely as two titles
# on one line. The render's notices and the make-up's count of a settled page
# (makeup.placed.butting) both ask `at_one_height`; the search estimates it on grid lines
# (makeup.heads.title_rows).
BUTT_SHARE = 0.05


@frozen
class TitleBlock:
    """A main title's lines in one measure, one under the other."""

    left: float
    right: float
    top: float
    bottom: float
    size: float
    text: str


def title_blocks(lines: tuple[PlacedLine, ...]) -> list[TitleBlock]:
    """The page's main titles (horizontal), each a block of the lines of one measure that
    follow one another down the page."""
    heads = sorted((line for line in lines if line.kind is LineKind.HEADLINE
                    and not line.vertical),
                   key=lambda line: (line.left, line.width, line.baseline))
    blocks: list[TitleBlock] = []
    last: PlacedLine | None = None
    for line in heads:
        top, bottom = line.em_box
        if (last is not None and (line.left, line.width) == (last.left, last.width)
                and line.baseline - last.baseline < 2.5 * line.size):
            b = blocks[-1]
            blocks[-1] = TitleBlock(b.left, b.right, b.top, bottom, max(b.size, line.size),
                                    b.text + line.text)
        else:
            blocks.append(TitleBlock(line.left, line.left + line.width, top, bottom,
                                     line.size, line.text))
        last = line
    return blocks


def at_one_height(a: TitleBlock, b: TitleBlock) -> bool:
    """Whether two titles stand side by side at one height: apart across the page, their
    boxes sharing more than BUTT_SHARE of the smaller one's size down it."""
    shared = min(a.bottom, b.bottom) - max(a.top, b.top)
    apart = a.right <= b.left + 0.5 or b.right <= a.left + 0.5
    return apart and shared > BUTT_SHARE * min(a.size, b.size)


def butting(lines: tuple[PlacedLine, ...]) -> list[tuple[TitleBlock, TitleBlock]]:
    """Each pair of main titles among `lines` at one height (the left one first)."""
    blocks = sorted(title_blocks(lines), key=lambda b: (b.top, b.left))
    return [(a, b) if a.left <= b.left else (b, a)
            for i, a in enumerate(blocks) for b in blocks[i + 1:] if at_one_height(a, b)]


def side_by_side(lines: tuple[PlacedLine, ...]) -> tuple[str, ...]:
    """A notice for each pair of main titles at one height in modules side by side."""
    return tuple(f"headlines side by side at one height (碰题): "
                 f"「{_short(first.text)}」 and 「{_short(second.text)}」: a rule "
                 "parts them, but a reader may read one into the other (→ move "
                 "one with `region:`, or change the order with `rank:`)"
                 for first, second in butting(lines))


def _short(text: str) -> str:
    return text if len(text) <= _SHORT else text[:_SHORT] + "…"
