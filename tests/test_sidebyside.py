"""Headlines side by side at one height (碰题) are told: the page is printed, and the
editor learns of the pair (NEWSPAPER.md lets a rule part them; a reader may read one
title into the other)."""
from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from layout.cli import main
from layout.fonts import shipped_fonts
from layout.model import LineKind, PlacedLine
from layout.pipeline import layout, load, report
from layout.sidebyside import side_by_side, title_blocks
from layout.text.items import Glyph

ISSUES = Path(__file__).resolve().parent.parent / "issues"


def line(kind: LineKind, text: str, left: float, width: float, baseline: float,
         size: float = 30.0, vertical: bool = False) -> PlacedLine:
    glyphs = tuple(Glyph(c, "headline", n * size, size) for n, c in enumerate(text))
    return PlacedLine(kind, baseline, size, left, width, glyphs, left, True, None,
                      vertical=vertical)


def test_a_title_of_two_lines_is_one_block_and_pairs_are_found_by_height():
    lines = (line(LineKind.HEADLINE, "蚌埠两男子", 50, 300, 100),
             line(LineKind.HEADLINE, "车内吸毒被查", 50, 300, 136),  # (its second line)
             line(LineKind.HEADLINE, "谁是性价比", 370, 200, 120, size=26),  # beside: a pair
             line(LineKind.HEADLINE, "男人寿命", 370, 200, 400),  # lower: none
             line(LineKind.SUBTITLE, "副题不算", 600, 100, 100, size=16),
             line(LineKind.HEADLINE, "竖", 620, 30, 100, vertical=True))  # (a 竖排 cell)
    blocks = title_blocks(lines)
    assert [(b.left, b.top, b.bottom) for b in blocks] == [
        (50, 100 - 0.88 * 30, 136 + 0.12 * 30), (370, 120 - 0.88 * 26, 120 + 0.12 * 26),
        (370, 400 - 0.88 * 30, 400 + 0.12 * 30)]
    said = side_by_side(lines)
    assert len(said) == 1 and "「蚌埠两男子车内吸…」 and 「谁是性价比」" in said[0]
    # a title beside but lower down: no pair
    assert side_by_side(lines[:2] + lines[3:4]) == ()


def test_a_sample_page_with_a_pair_says_so_and_one_without_says_nothing():
    fonts = shipped_fonts()
    notes = {}
    for stem in ("2020-11-27-p1-laomo-jingshen", "2020-07-01-p3-fenjin-lushang"):
        loaded = load(ISSUES / f"{stem}.yaml")
        notes[stem] = [n.text for n in report(layout(loaded, fonts), loaded).told()
                       if "碰题" in n.text]
    assert notes["2020-07-01-p3-fenjin-lushang"] == []
    assert len(notes["2020-11-27-p1-laomo-jingshen"]) == 1
    assert "「联创汽车电子与大…」 and 「打造线上线下相融…」" in notes[
        "2020-11-27-p1-laomo-jingshen"][0]


def test_render_tells_the_pair_and_still_writes_the_page(tmp_path):
    out = tmp_path / "p.pdf"
    result = CliRunner().invoke(main, ["render", str(ISSUES / "2020-11-27-p1-laomo-jingshen.yaml"),
                                       "-o", str(out)])
    assert result.exit_code == 0 and out.is_file()
    assert "headlines side by side at one height (碰题)" in result.output


def test_titles_are_at_one_height_when_their_boxes_share_any_height():
    """sidebyside.at_one_height, the one definition the render's notices and the make-up's
    count share: a title whose first line stands beside the other's last line is read
    across (a pair); one whose box starts under the other's does not."""
    from layout.sidebyside import BUTT_SHARE, TitleBlock, at_one_height

    two = TitleBlock(50, 350, 100 - 0.88 * 30, 136 + 0.12 * 30, 30, "蚌埠两男子车内吸毒被查")
    beside_last = TitleBlock(370, 570, 130 - 0.88 * 24, 130 + 0.12 * 24, 24, "谁是性价比")
    under = TitleBlock(370, 570, two.bottom + 1, two.bottom + 25, 24, "男人寿命")
    touching = TitleBlock(370, 570, two.bottom - BUTT_SHARE * 24 / 2, two.bottom + 22, 24,
                          "碰一点")
    above_it = TitleBlock(50, 350, 20, 60, 30, "同栏之上")  # (not apart across the page)
    assert at_one_height(two, beside_last) and at_one_height(beside_last, two)
    assert not at_one_height(two, under) and not at_one_height(two, touching)
    assert not at_one_height(two, above_it)
