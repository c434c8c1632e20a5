"""A credit's names are never broken across lines (layout/text/names.py): in running text
(【记者 徐燕 通讯员 … 赵萌萌】, the credit an editor found broken 赵 | 萌萌 on a generated
page), in a signature and in a byline; a line breaks between names, or between a role and
its name, and a name wider than the column still breaks rather than overflow."""
from __future__ import annotations

import pypdfium2 as pdfium
import pytest

from layout.flow import TextCache, Typesetter
from layout.fonts import shipped_fonts
from layout.pipeline import load, layout, render
from layout.templates import load_template
from layout.text.names import name_spans
from layout.text.normalize import normalize

# the paragraph of generated page 247 (tests/newsgen.py) whose credit broke as 赵 | 萌萌
CREDIT = ("新报讯【记者 徐燕 通讯员 焦轩 黄磊 赵萌萌 实习生 张静】 无证酒驾机动车，"
          "遇交警拦检竟门窗紧闭不配合检查。")
UNITS = ["徐燕", "焦轩", "黄磊", "赵萌萌", "张静"]  # (its roles are words as any other)


def units(text: str, whole: bool = False) -> list[str]:
    return [text[a:b] for a, b in name_spans(text, whole)]


def test_a_credits_units_are_its_names():
    text = normalize(CREDIT, body=True)[0]
    assert units(text) == UNITS


@pytest.mark.parametrize("text, whole, found", [
    # names only where credits stand: after a dateline, closing the story, or alone
    ("新华社北京7月10日电（胡兴瑞\u3000杨颜慈）记者", False, ["胡兴瑞", "杨颜慈"]),
    ("捐出善款。（海外网\u3000濮阳艺婧）", False, ["海外网", "濮阳艺婧"]),
    ("（胡兴瑞\u3000杨颜慈）", False, ["胡兴瑞", "杨颜慈"]),
    ("映象网讯（记者\u3000燕子丹\u3000文/图）今年", False, ["燕子丹", "文/图"]),
    # a byline: cut at its role; a transliterated name's parts joined by · are one name
    ("新华社记者张三", True, ["张三"]),  # (the outlet before a role: a word)
    ("本报记者\u3000阿依努尔·买买提", True, ["阿依努尔·买买提"]),
    # the outlet's name before the role (generated page 260: 王艺 | 臻), its spaces kept
    ("（长江日报记者陈奇雄 通讯员王艺臻 张霖）3月27日", False,
     ["陈奇雄", "王艺臻", "张霖"]),
    ("（大河报·豫视频记者\u3000陈奇雄\u3000通讯员\u3000王艺臻）", False,
     ["陈奇雄", "王艺臻"]),
    # no credit: a bracket of words, a story that opens with 记者, a byline of no one
    ("（这是 一个）测试", False, []),
    ("他说（胡兴瑞\u3000杨颜慈）今年", False, []),
    ("记者从市教育局获悉，今年", False, []),
    ("（拍摄于2020年）", False, []),  # (摄 in a word: no outlet before a photographer's)
    ("（他说，记者 张三 来了）", False, []),  # (an outlet has no sentence mark in it)
    ("上汽通用汽车党委", True, []),
])
def test_what_is_a_credit(text, whole, found):
    assert units(text, whole) == found


def test_a_credit_after_its_outlet_keeps_its_spaces():
    """The normalizer reads the same credits (text/credits.py OPENING): the spaces between
    the names of one that opens with its outlet's name stay (as U+3000), those of a
    bracket of words go."""
    said = normalize("（大河报·豫视频记者 陈奇雄 通讯员 王艺臻 张霖）3月27日", body=True)[0]
    assert said == "（大河报·豫视频记者\u3000陈奇雄\u3000通讯员\u3000王艺臻\u3000张霖）3月27日"
    assert normalize("这是（一个 测试）好", body=True)[0] == "这是（一个测试）好"


@pytest.fixture(scope="module")
def setter():
    return Typesetter(load_template("news-tabloid"), shipped_fonts(), 1, 1, TextCache())


def texts(lines) -> list[str]:
    return [line.text for line in lines]


def right(line) -> float:
    """Where a line's ink ends (the space it broke at is painted past the edge)."""
    return max(g.x + g.advance for g in line.glyphs if not g.char.isspace())


def ends_inside(lines, whole_text: str, spans) -> list[int]:
    """Offsets (in the text without spaces) where a line ends inside a unit."""
    squeezed = "".join(whole_text.split())
    inside = set()
    for a, b in spans:
        start = len("".join(whole_text[:a].split()))
        inside |= set(range(start + 1, start + len("".join(whole_text[a:b].split()))))
    at, out = 0, []
    for line in lines[:-1]:
        at += len("".join(line.text.split()))
        if at in inside:
            out.append(at)
    assert "".join("".join(line.text.split()) for line in lines) == squeezed
    return out


def test_the_credit_of_page_247_breaks_between_names(setter):
    t = setter.t
    text = normalize(CREDIT, body=True)[0]
    lines = setter.set_text(text, t.body, 11 * t.body.size, True, indent=2 * t.body.size)
    # (was 新报讯【记者 徐燕 | 通讯员 焦轩 黄磊 赵 | 萌萌 实习生 张静】无 …)
    assert [line.strip() for line in texts(lines)][:4] == [
        "新报讯【记者 徐燕", "通讯员 焦轩 黄磊", "赵萌萌 实习生 张静】", "无证酒驾机动车，遇交警"]
    assert not any(line.forced or line.loose for line in lines)


@pytest.mark.parametrize("em", [3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13])
def test_no_width_breaks_a_name_that_fits_it(setter, em):
    t = setter.t
    text = normalize(CREDIT, body=True)[0]
    lines = setter.set_text(text, t.body, em * t.body.size, True)
    assert ends_inside(lines, text, name_spans(text)) == []
    assert all(right(line) <= em * t.body.size + 1e-6 for line in lines)


def test_a_name_wider_than_the_column_breaks_rather_than_overflow(setter):
    t = setter.t
    text = normalize(CREDIT, body=True)[0]
    lines = setter.set_text(text, t.body, 2.5 * t.body.size, True)
    # 赵萌萌 and 通讯员 (3 em) cannot stand on a 2.5 em line: they break as any text would,
    # legally (not reported as forced); 徐燕, 焦轩 … (2 em) still stand whole
    assert "赵萌" in texts(lines) and "通讯" in texts(lines)
    assert {"徐燕 ", "焦轩 ", "黄磊 "} <= set(texts(lines))
    assert not any(line.forced for line in lines)
    assert all(right(line) <= 2.5 * t.body.size + 1e-6 for line in lines)


@pytest.mark.parametrize("em", [4, 5, 6, 7, 8])
def test_a_byline_and_a_signature_break_between_names(setter, em):
    t = setter.t
    byline = "本报记者\u3000徐燕\u3000通讯员\u3000赵萌萌"
    assert units(byline, True) == ["徐燕", "赵萌萌"]  # (the names the lines must not cut)
    style = t.styles["byline"]
    lines = setter.display_lines(byline, style, em * style.size, byline=True)
    assert ends_inside(lines, byline, name_spans(byline, True)) == []
    signature = "（记者\u3000徐燕\u3000通讯员\u3000赵萌萌）"
    assert units(signature) == ["徐燕", "赵萌萌"]
    style = t.styles["signature"]
    lines = setter.set_text(signature, style, em * style.size, False)
    assert ends_inside(lines, signature, name_spans(signature)) == []


def test_the_pdf_keeps_each_name_on_one_line(write_manifest):
    path = write_manifest(f"""\
        manifest: 1
        paper: 测试报
        date: 2024-05-01
        page: 2
        template: news-tabloid
        articles:
          - headline: 交警拉横幅
            region: {{columns: 1-1, lines: 1-40}}
            body:
              - {CREDIT}
        """)
    loaded = load(path)
    fonts = shipped_fonts()
    doc = pdfium.PdfDocument(render(layout(loaded, fonts), loaded, fonts))
    try:
        lines = [line.replace(" ", "").replace("\u3000", "")
                 for line in doc[0].get_textpage().get_text_range().splitlines()]
    finally:
        doc.close()
    start = next(i for i, line in enumerate(lines) if line.startswith("新报讯"))
    assert lines[start:start + 4] == ["新报讯【记者徐燕", "通讯员焦轩黄磊", "赵萌萌实习生张静】",
                                      "无证酒驾机动车，遇交警"]


def test_each_unit_s_boxes_are_those_its_characters_stand_in():
    """names.unit_boxes reads where each box stands in the text as words.between_words
    does (`words.box_spans`, one walk): a Latin word is one box, a typed space none, a
    signature's room an empty box where the text ends; each unit is its names' boxes."""
    from conftest import em_measure

    from layout.text.items import build_runs
    from layout.text.names import unit_boxes
    from layout.text.words import box_spans

    text = "（记者 徐燕 通讯员 Li Wei 赵萌萌）"
    items = build_runs([(text, em_measure)], 10.0, reserve=20.0)
    assert box_spans(items, text) == [(0, 1), (1, 2), (2, 3), (4, 5), (5, 6), (7, 8), (8, 9),
                                      (9, 10), (11, 13), (14, 17), (18, 19), (19, 20),
                                      (20, 21), (21, 22), (22, 22)]
    units = unit_boxes(items, text, name_spans(text))
    assert units == ((3, 5), (10, 13))
    assert ["".join(box.text for box in items.boxes[a:b]) for a, b in units] == [
        "徐燕", "赵萌萌"]
