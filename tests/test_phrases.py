"""A headline broken where an editor breaks it (text.phrases, flow.setter.display_lines):
real headlines of the news corpus (tests/data/news) at the sizes and widths generated pages
set them, and the make-up's measure of a headline's lines, which must be the lines placed."""
from __future__ import annotations

import pytest

from layout.flow import TextCache, Typesetter, sized
from layout.fonts import shipped_fonts
from layout.templates import load_template
from layout.text.phrases import cut_costs, quoted
from layout.text.segmenter import word_tag

import newsgen

NEWS = load_template("news")


def width(columns: int) -> float:
    return columns * NEWS.column_width + (columns - 1) * NEWS.gutter


@pytest.fixture(scope="module")
def setter() -> Typesetter:
    return Typesetter(NEWS, shipped_fonts(), 1, 1, TextCache())


@pytest.mark.parametrize("title, size, columns, lines", [
    # not inside the quotation (was …突出问题“大排查、 | 大整改、大落实”…)
    ("徽县林业局召开脱贫攻坚突出问题“大排查、大整改、大落实”集中行动部署会议", 26, 6,
     ["徽县林业局召开脱贫攻坚突出问题", "“大排查、大整改、大落实”集中行动部署会议"]),
    # not between 社会 and 资本, one term (was …政府与社会 | 资本合作…): before 与
    ("阿图什市工业园区供水工程征集政府与社会资本合作（）项目咨询服务机构询价招标公告", 24, 6,
     ["阿图什市工业园区供水工程征集政府", "与社会资本合作（）项目咨询服务机构询价招标公告"]),
    # not between a place and its noun (was …43名香港 | 游客的…): after 的
    ("惊险！搭载有43名香港游客的旅游大巴高速路上自燃", 22, 3,
     ["惊险！搭载有43名香港游客的", "旅游大巴高速路上自燃"]),
    # between the verb and its object, not inside the object (was …获评全国 | 反诈…)
    ("南通刑警获评全国反诈十大先进人物", 26, 3, ["南通刑警获评", "全国反诈十大先进人物"]),
    # after the clause's mark (was …短视频 | 嘚瑟？…)
    ("情人节聚众吸毒，竟还发短视频嘚瑟？这种行为见一次抓一次！", 22, 3,
     ["情人节聚众吸毒，竟还发短视频嘚瑟？", "这种行为见一次抓一次！"]),
    ("男子半夜听见声响，发现头上有东西在爬，开灯后吓得不敢睡觉！", 26, 4,
     ["男子半夜听见声响，发现头上有东西在爬，", "开灯后吓得不敢睡觉！"]),
    ("开车不小心撞人了怎么办？这样处理最正确，以后遇到也不慌了！", 26, 4,
     ["开车不小心撞人了怎么办？", "这样处理最正确，以后遇到也不慌了！"]),
])
def test_a_headline_breaks_where_an_editor_breaks_it(setter, title, size, columns, lines):
    style = sized(NEWS.styles["headline"], size)
    assert [line.text.strip() for line in setter.display_lines(title, style, width(columns))] \
        == lines


def test_what_a_cut_costs():
    text = "徽县林业局召开脱贫攻坚突出问题“大排查、大整改、大落实”集中行动部署会议"
    costs = cut_costs(text)
    at = text.index
    # after a clause's mark, nothing, but inside a quotation dearer than at its edges
    assert costs[at("大整改")] > costs[at("“")] > 0
    assert costs[at("大整改")] > costs[at("集中")] > 0
    text = "阿图什市工业园区供水工程征集政府与社会资本合作"
    costs = cut_costs(text)
    # before 与, cheaper than between two nouns of one term
    assert word_tag("社会") == word_tag("资本") == "n" and word_tag("与") == "p"
    assert costs[text.index("与")] < costs[text.index("资本")]
    text = "情人节聚众吸毒，竟还发短视频嘚瑟？这种行为"
    costs = cut_costs(text)
    assert costs[text.index("竟")] == costs[text.index("这种")] == 0.0


def test_quoted_spans():
    text = "邯郸“幸福小剧场”开演《执行利剑》"
    inside = quoted(text)
    assert [k for k, x in enumerate(inside) if x] == [
        *range(text.index("“") + 1, text.index("”") + 1),
        *range(text.index("《") + 1, text.index("》") + 1)]
    assert not any(quoted("只开“不关"))  # (an unclosed mark encloses nothing)


def test_the_makeups_measure_of_a_headline_is_the_lines_placed(setter):
    """line_count (what the make-up sizes a headline by: the first cut that fits) and
    display_lines (what the head sets: the best cut) take as many lines, for every title
    of the corpus at every headline size of the ladder over one to six columns."""
    sizes = (42.0, 36.0, 26.0, 24.0, 22.0, 18.0, 16.0, 14.0)
    checked = 0
    for title, _ in newsgen.corpus():
        for size in sizes:
            style = sized(NEWS.styles["headline"], size)
            for columns in range(1, 7):
                measured = setter.line_count(title, style, width(columns))
                placed = setter.display_lines(title, style, width(columns))
                assert measured == len(placed), (title, size, columns)
                checked += measured > 1
    assert checked > 1000
