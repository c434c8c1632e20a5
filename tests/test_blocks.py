"""The body's block kinds are one registry (layout/flow/blocks.py), read by the manifest's
table of readers: a new kind of block is its model class, its reader and its entry, and
nothing else. Shown here with a kind the project does not have, added for the test only."""
from __future__ import annotations

from dataclasses import dataclass

import pytest
from test_elements import HEAD, TEXT

from layout import layout_issue
from layout.errors import LayoutError
from layout.flow import BLOCKS, BlockKind, Drawn, Measured, Typesetter
from layout.flow.blocks import lines_block, place_lines
from layout.manifest import BLOCK_READERS, load_issue, text_block
from layout.model import LineKind, Origin, Paragraph, PlacedRect
from layout.templates import load_template

NEWS = load_template("news")


@dataclass(frozen=True)
class Ruled:
    """A heading with a rule under it across its column (the test's new kind)."""

    text: str
    origin: Origin


def measure_ruled(s: Typesetter, block: Ruled) -> Measured:
    style = s.t.styles["subhead"]
    lines = [(line, style) for line in s.display_lines(block.text, style, s.t.column_width)]
    measured = lines_block(s, lines, 1)  # (kept with a line of text under it)
    return measured._replace(need=measured.need + 1)  # and a line for its rule


def place_ruled(s: Typesetter, out: Drawn, block: Ruled, m: Measured, x: float,
                first: int) -> None:
    place_lines(s, out, m._replace(need=m.need - 1), x, first, LineKind.SUBHEAD)
    rule = first + m.need - 1
    out.rects.append(PlacedRect(x, s.t.line_top(rule) + s.t.pitch / 2, s.t.column_width, 0,
                                None, s.t.accent, 1.0))


@pytest.fixture
def ruled(monkeypatch):
    """The new kind: its manifest reader (`- ruled: …`) and its registry entry."""
    monkeypatch.setitem(BLOCK_READERS, "ruled", text_block(Ruled))
    monkeypatch.setitem(BLOCKS, Ruled, BlockKind(lambda b: ((b.text, "subhead"),),
                                                 measure_ruled, place_ruled))


ARTICLE = f"""\
  - slot: left
    headline: 新的块
    body:
      - {TEXT}
      - {{ruled: 一条小标题}}
      - {TEXT}
"""


def test_a_new_block_kind_is_read_measured_and_placed(ruled, write_manifest):
    path = write_manifest(HEAD.format(template="news") + ARTICLE)
    blocks = load_issue(path).articles[0].blocks
    written = path.read_text(encoding="utf-8").splitlines()
    line = written.index("      - {ruled: 一条小标题}") + 1
    assert [type(b) for b in blocks] == [Paragraph, Ruled, Paragraph]
    assert blocks[1] == Ruled("一条小标题", Origin(path, line))
    page = layout_issue(path)
    heading = next(l for l in page.lines if l.kind is LineKind.SUBHEAD)
    assert heading.text == "一条小标题"
    body = [l for l in page.lines if l.kind is LineKind.BODY]
    # the paragraph before it ends where it starts (here at a column's foot: the heading,
    # kept with a line of text, heads the next column)
    before = [l for l in body if (l.left, l.grid_line) < (heading.left, heading.grid_line)]
    assert before[-1].paragraph_end and before[-1].left < heading.left
    # its rule across its column, in the middle of the grid line under the heading's lines;
    # the text goes on in its column on the line after the rule
    rule = next(r for r in page.rects if r.height == 0 and r.x == heading.left)
    assert rule.width == pytest.approx(NEWS.column_width) and rule.y > heading.baseline
    rule_line = round((rule.y - NEWS.pitch / 2 - NEWS.line_top(0)) / NEWS.pitch)
    assert rule.y == pytest.approx(NEWS.line_top(rule_line) + NEWS.pitch / 2)
    after = [l for l in body if l.left == heading.left and l.grid_line > heading.grid_line]
    assert after[0].grid_line == rule_line + 1 and after[0].text.startswith("党员")
    assert "一条小标题" in page.reading[0]  # read in its place, as any block


def test_the_manifest_names_the_new_kind_among_the_blocks_it_reads(ruled, write_manifest):
    path = write_manifest(HEAD.format(template="news") + """\
  - slot: left
    body:
      - {boxed: 一条}
""")
    with pytest.raises(LayoutError, match="`picture:`, `ruled:`"):
        load_issue(path)


def test_the_cells_a_body_may_use_run_down_each_column_round_what_is_blocked():
    """Cells: each column's lines top to bottom but those blocked (sliced from the cells a
    column makes once: equal to the cells made one by one)."""
    import random

    from layout.flow.blocks import Cells

    rng = random.Random(24)
    for _ in range(2_000):
        first_column = rng.randint(1, 6)
        columns = range(first_column, first_column + rng.randint(0, 5))
        first = rng.randint(-2, 30)
        last = first + rng.randint(-2, 250)
        blocked = {(rng.randint(0, 12), rng.randint(-4, 320))
                   for _ in range(rng.randint(0, 80))}
        assert Cells(columns, first, last, blocked).cells == [
            (c, line) for c in columns for line in range(first, last + 1)
            if (c, line) not in blocked]
    cells = Cells(range(2, 4), 5, 8, {(2, 6), (3, 5), (3, 9)})
    assert cells.cells == [(2, 5), (2, 7), (2, 8), (3, 6), (3, 7), (3, 8)]
    assert (cells.run(0), cells.run(1), cells.run(3)) == (1, 2, 3)
