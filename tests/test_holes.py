"""Holes reported truly (the make-up's guarantee 7): each in the article whose module holds
it, with lines inside that module; air beside a headline shorter than a hole (HOLE_MM) is
no hole, a blank as tall as one is; a blank at a column's foot of more than MAX_BLANK lines
is one. And a page that cannot hold its articles is said at once."""
from __future__ import annotations

import pytest

from layout.errors import LayoutError
from layout.holes import MAX_BLANK, Occupancy, copyfit, find_holes
from layout.model import ArticlePlan, LineKind, PlacedLine
from layout.pipeline import layout_issue
from layout.templates import load_template
from layout.text.items import Glyph

T = load_template("news-tabloid")
HEAD = ("manifest: 1\npaper: 测试报\ndate: 2024-05-01\npage: 2\ntemplate: news-tabloid\n"
        "articles:\n")


def plan(index: int, columns: tuple[int, int], lines: tuple[int, int]) -> ArticlePlan:
    return ArticlePlan(None, index, columns[0], columns[1], lines[0], lines[1])  # type: ignore[arg-type]


def text(column: int, first: int, last: int) -> list[PlacedLine]:
    """Body lines filling a column from `first` to `last`."""
    out = []
    for line in range(first, last + 1):
        glyphs = (Glyph("字", "song", 0.0, T.column_width),)  # (a line's width of text)
        out.append(PlacedLine(LineKind.BODY, T.line_top(line) + T.pitch * 0.8, T.body.size,
                              T.column_x(column), T.column_width, glyphs, T.column_x(column),
                              False, line))
    return out


def holes_of(lines, plans):
    occupied = Occupancy(T)
    occupied.add_lines(lines)
    return [h for h in find_holes(occupied, 1, plans)  # (the rest of the page is empty)
            if h.article_index is not None]


def test_a_hole_is_reported_in_the_article_whose_module_holds_it():
    # article 0 in lines 1-20, the rule line 21, article 1 in lines 22-40 of column 1;
    # article 0 ends two lines short (no hole), article 1's first 8 lines are blank
    plans = [plan(0, (1, 1), (1, 20)), plan(1, (1, 1), (22, 40))]
    lines = text(1, 1, 18) + text(1, 30, 40)
    found = holes_of(lines, plans)
    assert [(h.article_index, h.first_line, h.last_line) for h in found] == [(1, 22, 29)]
    assert "article 2's part" in str(found[0])
    # two columns of a module blank over the same 4 lines: one hole of 8 cells
    plans = [plan(0, (1, 3), (1, 40))]
    found = holes_of(text(1, 1, 40) + text(2, 1, 36) + text(3, 1, 36), plans)
    assert [(h.first_column, h.last_column, h.first_line, h.last_line, h.cells)
            for h in found] == [(2, 3, 37, 40, 8)]


def test_air_beside_a_headline_shorter_than_a_hole_is_no_hole():
    square = 5  # lines of 13.5 pt that make 20 mm, the least a reader sees as a hole
    plans = [plan(0, (1, 2), (1, 40))]
    # column 1 has text from line 1; column 2 is blank beside the headline for 4 lines
    lines = text(1, 1, 40) + text(2, 5, 40)
    assert holes_of(lines, plans) == []
    lines = text(1, 1, 40) + text(2, square + 1, 40)  # as tall as a hole: a hole
    assert [(h.first_line, h.last_line) for h in holes_of(lines, plans)] == [(1, square)]


def test_a_blank_at_a_columns_foot_of_more_than_two_lines_is_a_hole():
    plans = [plan(0, (1, 1), (1, 40))]
    assert holes_of(text(1, 1, 40 - MAX_BLANK), plans) == []
    found = holes_of(text(1, 1, 40 - MAX_BLANK - 1), plans)
    assert [(h.first_line, h.last_line, h.article_index) for h in found] == [(38, 40, 0)]


def test_the_room_under_a_paragraph_s_last_character_is_counted_from_under_it():
    # column 1 full to line 30, then one character (too little of its cell for the
    # occupancy, yet nothing can be set on its line): 9 lines free under it; column 2
    # full but for its last 2 lines
    module = ArticlePlan(None, 0, 1, 2, 1, 40, pictures=())  # type: ignore[arg-type]
    short = PlacedLine(LineKind.BODY, T.line_top(31) + T.pitch * 0.8, T.body.size,
                       T.column_x(1), T.column_width, (Glyph("字", "song", 0.0, T.body.size),),
                       T.column_x(1), False, 31)
    lines = text(1, 1, 30) + [short] + text(2, 1, 38)
    occupied = Occupancy(T)
    occupied.add_lines(lines)
    assert (1, 31) not in occupied.cells
    per_line = int(T.column_width / T.body.size + 1e-6)
    fit = copyfit(module, occupied, lines, 100, 0, "")
    assert fit.add == (9 + 2) * per_line and fit.cut == 0


def test_the_blank_line_between_stacked_articles_belongs_to_neither():
    # article 0 ends 2 lines short, the rule line is blank, article 1's band has 3 blank
    # lines beside its headline: no run of 6 lines across the boundary
    plans = [plan(0, (1, 1), (1, 20)), plan(1, (1, 1), (22, 40))]
    lines = text(1, 1, 18) + text(1, 25, 40)
    assert holes_of(lines, plans) == []


def test_a_blank_over_a_headline_is_seen_with_the_rule_line_over_its_module():
    # article 1's first 4 lines blank (air over its headline group): with the blank line of
    # the rule over it, 5 lines (20 mm), a hole a reader sees, reported in article 1's own
    # lines; 3 lines with the rule line (4) stay air
    square = 5
    plans = [plan(0, (1, 1), (1, 20)), plan(1, (1, 1), (22, 40))]
    lines = text(1, 1, 20) + text(1, 22 + square - 1, 40)
    found = holes_of(lines, plans)
    assert [(h.article_index, h.first_line, h.last_line) for h in found] == [(1, 22, 25)]
    assert holes_of(text(1, 1, 20) + text(1, 22 + square - 2, 40), plans) == []
    # (at the top of the page, no rule over it: as tall as a hole by itself)
    top = [plan(0, (1, 1), (1, 40))]
    assert holes_of(text(1, square, 40), top) == []


def many(write_manifest, count: int, template: str = "news-tabloid"):
    articles = "".join(f"  - headline: 第{i}条短讯\n    body: [这是一条很短的新闻，只有几句话而已。]\n"
                       for i in range(count))
    return write_manifest(f"manifest: 1\npaper: 测试报\ndate: 2024-05-01\npage: 2\n"
                          f"template: {template}\narticles:\n{articles}")


@pytest.mark.parametrize("count", [25, 200, 5000])
def test_a_page_of_too_many_articles_is_refused_at_once(write_manifest, count, monkeypatch):
    import layout.makeup

    def searched(*args, **kwargs):
        raise AssertionError("the make-up searched a page it should refuse at once")

    # (refused before the search: a compiled build calls its own function, not this)
    monkeypatch.setattr(layout.makeup, "candidates_of", searched)
    path = many(write_manifest, count)
    with pytest.raises(LayoutError) as err:
        layout_issue(path)
    assert f"{count} articles" in str(err.value) and "another page" in err.value.hint


def test_a_page_that_holds_its_articles_at_a_column_each_is_made_up(write_manifest):
    page = layout_issue(many(write_manifest, 12))
    assert len(page.fits) == 12 and not page.overflow


def test_text_beside_a_short_headline_starts_under_its_section_bar(write_manifest):
    body = "、".join(["党员干部冲在一线干在一线"] * 40) + "。"
    path = write_manifest(HEAD + f"""\
  - headline: {{main: 周六晚到卖场听夜场摇滚, columns: 1-2}}
    section: 党建动态
    body: [{body}, {body}]
  - headline: 交警拉横幅执法显成效
    body: [{body}]
""")
    page = layout_issue(path)
    bars = [r for r in page.rects if r.fill and r.fill.lower() == T.accent.lower()]
    assert bars
    for line in page.lines:
        if line.kind is LineKind.BODY:
            top = line.baseline - 0.88 * line.size
            for bar in bars:
                beside = bar.x <= line.left < bar.x + bar.width
                assert not (beside and top < bar.y + bar.height - 0.01), line.text


def test_a_grid_too_short_and_a_body_picture_too_tall_are_named(write_manifest, tmp_path):
    (tmp_path / "tall.yaml").write_text(
        "extends: news-tabloid\nname: tall\npage:\n  margins: {top: 380mm, bottom: 5mm, "
        "left: 22mm, right: 22mm}\n", encoding="utf-8")
    head = "manifest: 1\npaper: 测试报\ndate: 2024-05-01\npage: 2\n"
    with pytest.raises(LayoutError) as err:
        layout_issue(write_manifest(head + "template: tall.yaml\narticles:\n"
                                    "  - headline: 标题\n    body: [正文一段。]\n", "a.yaml"))
    assert "leaves 1 line(s)" in str(err.value) and "tall.yaml" in str(err.value)
    assert "margins" in err.value.hint and "pinned" not in str(err.value)
    with pytest.raises(LayoutError) as err:
        layout_issue(write_manifest(head + "template: news-tabloid\narticles:\n"
                                    "  - headline: 标题\n    body:\n      - 正文一段。\n"
                                    "      - {picture: 10000, caption: 图说}\n", "d.yaml"))
    assert "a picture of 10000 lines" in str(err.value) and "d.yaml:10:" in str(err.value)


def test_an_overset_article_is_marked_at_its_end_with_what_was_left_out(write_manifest):
    body = "、".join(["党员干部冲在一线干在一线"] * 60) + "。"
    path = write_manifest(HEAD + f"""\
  - headline: 一篇排不下的稿子
    region: {{columns: 1-2, lines: 1-20}}
    body: [{body}]
  - headline: 一篇排得下的稿子
    region: {{columns: 3-6, lines: 1-40}}
    body: [短讯一则。]
""")
    page = layout_issue(path)
    (left,) = page.overflow
    marks = [l for l in page.lines if l.kind is LineKind.LABEL and "未排" in l.text]
    assert [m.text for m in marks] == [f"（余{len(left.text)}字未排）"]
    mark = marks[0]
    assert mark.color == T.accent and T.line_top(21) <= mark.baseline <= T.line_top(22)
    right = T.column_x(2) + T.column_width
    assert max(g.x + g.advance for g in mark.glyphs) == pytest.approx(right, abs=0.5)
