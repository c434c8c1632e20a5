"""Input normalization: Chinese text cleaned, Latin text untouched, every change listed."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from layout.manifest import load_issue
from layout.text.normalize import normalize


@pytest.mark.parametrize("raw, clean", [
    ("上汽,2020年", "上汽，2020年"),
    ("MG Ei5,右驾系列", "MG Ei5，右驾系列"),
    ("他问:为什么?因为!", "他问：为什么？因为！"),
    ("第一;第二", "第一；第二"),
    ("上汽(SAIC)集团", "上汽（SAIC）集团"),
    ('他说"好的"。', "他说“好的”。"),
    ("所谓'双标'战略", "所谓‘双标’战略"),
    ("党员 冲在 一线", "党员冲在一线"),
    ("一线 ，二线", "一线，二线"),
])
def test_chinese_text_is_cleaned(raw, clean):
    assert normalize(raw)[0] == clean


@pytest.mark.parametrize("latin", [
    "Fit for 2020", "2-BOX", "MG Ei5", "10:30", "don't", "2,000", '"quoted" words',
    "(a, b)", "Hello, world!",
])
def test_latin_text_is_never_touched(latin):
    assert normalize(latin) == (latin, [])
    assert normalize("上汽 " + latin + " 集团")[0] == "上汽 " + latin + " 集团"


def test_headline_keeps_its_space():
    assert normalize("奋进路上 奋斗有我", body=False) == ("奋进路上 奋斗有我", [])
    assert normalize("奋进路上 奋斗有我")[0] == "奋进路上奋斗有我"


def test_every_change_is_listed_with_its_offset():
    text, changes = normalize('上汽,大众 集团"好"')
    assert text == "上汽，大众集团“好”"
    assert [(c.offset, c.before, c.after) for c in changes] == [
        (2, ",", "，"), (5, " ", ""), (8, '"', "“"), (10, '"', "”")]


MANIFEST = """\
manifest: 1
paper: 测试报
date: 2021-03-04
page: 2
template: base
{switch}articles:
  - headline: 上汽 集团
    body:
      - 上汽,大众 集团
"""


def test_manifest_text_is_normalized_and_edits_name_the_line(write_manifest):
    issue = load_issue(write_manifest(MANIFEST.format(switch="")))
    assert issue.articles[0].blocks[0].text == "上汽，大众集团"
    assert issue.articles[0].headline.main == "上汽 集团"
    assert [str(e).split(": ", 1)[1] for e in issue.edits] == [
        "',' → '，' (ASCII mark in Chinese text, character 3)",
        "' ' → nothing (space between Chinese characters, character 6)"]
    assert all(e.origin.line == 9 for e in issue.edits)


def test_normalization_can_be_switched_off(write_manifest):
    issue = load_issue(write_manifest(MANIFEST.format(switch="normalize: false\n")))
    assert issue.articles[0].blocks[0].text == "上汽,大众 集团"
    assert issue.edits == ()


def test_ideographic_spaces_and_caption_spaces_are_the_editors():
    text, changes = normalize("示意　制图：本报记者　孙文", body=False)
    assert text == "示意　制图：本报记者　孙文" and not changes
    text, _ = normalize("示意　制图：本报记者　孙文")  # in body text they are web debris
    assert text == "示意制图：本报记者孙文"
    text, changes = normalize("示意 制图", body=False)
    assert text == "示意 制图" and not changes
    text, _ = normalize("党员 冲锋")  # a stray ASCII space in body text still goes
    assert text == "党员冲锋"


def test_a_credit_keeps_the_spaces_between_its_names():
    text, changes = normalize("郑州讯（记者徐燕 通讯员焦轩 黄磊  赵萌萌）近日，")
    assert text == "郑州讯（记者徐燕　通讯员焦轩　黄磊　赵萌萌）近日，"
    assert {c.reason for c in changes} == {"space between names in a credit"}
    text, _ = normalize("本报讯(本报记者 林芸 见习记者 孙文)")  # (brackets made full-width first)
    assert text == "本报讯（本报记者　林芸　见习记者　孙文）"
    text, _ = normalize("新报讯【记者 徐燕 通讯员 焦轩】无证")
    assert text == "新报讯【记者　徐燕　通讯员　焦轩】无证"
    text, _ = normalize("（这是 一个）测试，（记者 林芸")  # not a credit; a bracket left open
    assert text == "（这是一个）测试，（记者林芸"


def test_a_credit_opens_with_any_role_the_importer_reads_a_byline_by():
    # (text/credits.py: one list of roles and ranks for the normalizer and the bylines)
    text, _ = normalize("记者获悉（撰稿 徐燕 李明）近日，")
    assert text == "记者获悉（撰稿　徐燕　李明）近日，"
    text, _ = normalize("记者获悉（首席记者 徐燕 实习生 李明）近日，")
    assert text == "记者获悉（首席记者　徐燕　实习生　李明）近日，"
    text, _ = normalize("记者获悉（摄影 徐燕）近日，")  # (a photographer's credit)
    assert text == "记者获悉（摄影　徐燕）近日，"


def test_a_credit_of_names_only_keeps_them_apart_where_credits_stand():
    text, changes = normalize("中新网南京7月10日电　(胡兴瑞 杨颜慈)记者获悉")  # after a dateline
    assert text == "中新网南京7月10日电（胡兴瑞　杨颜慈）记者获悉"
    assert "space between names in a credit" in {c.reason for c in changes}
    assert normalize("全部退还善款。（海外网 濮阳艺婧）")[0] == "全部退还善款。（海外网　濮阳艺婧）"
    # the same bracket inside a sentence is words with a stray space
    assert normalize("善款。（海外网 濮阳艺婧）他说")[0] == "善款。（海外网濮阳艺婧）他说"


def test_a_dateline_keeps_its_space_from_the_story():
    text, changes = normalize("新华社电 不少男生发现")
    assert text == "新华社电　不少男生发现"
    assert [c.reason for c in changes] == ["space after a dateline"]
    assert normalize("第一段。\n本报讯 记者张三报道")[0] == "第一段。\n本报讯　记者张三报道"
    assert normalize("昨日全市停电 影响")[0] == "昨日全市停电影响"  # 停电 is no dateline
    assert normalize("新华社北京5月1日电 记者")[0] == "新华社北京5月1日电　记者"
    assert normalize("映象网讯 记者燕子丹")[0] == "映象网讯　记者燕子丹"
    for word in ("通讯 设备", "喜讯 传来了", "资讯 平台上线", "今日电 价上涨"):  # words, no
        assert normalize(word)[0] == word.replace(" ", "")                  # datelines
    assert normalize("他说，新华社电 不少")[0] == "他说，新华社电不少"  # not the paragraph's head
    assert normalize("新华社电 不少", body=False)[0] == "新华社电 不少"  # a title's: the editor's


@pytest.mark.parametrize("raw, clean", [
    ("运用了“幸存者偏差\"这个概念", "运用了“幸存者偏差”这个概念"),
    ("运用了\"幸存者偏差”这个概念", "运用了“幸存者偏差”这个概念"),
    ('他说"好"，“对"。', "他说“好”，“对”。"),
    ('"A" “B”', '"A" “B”'),  # (no Chinese inside: Latin text's quotes are never touched)
    ("时间：19:30? 演出地点", "时间：19:30？演出地点"),
    ("第3! 名", "第3！名"),
    ("Python 3? yes", "Python 3? yes"),
])
def test_a_straight_quote_partners_a_curly_one_and_a_mark_after_a_number(raw, clean):
    assert normalize(raw)[0] == clean
    assert normalize(raw, gated=False)[0] == clean


# -- real copy: what web pages and reporters' files leave (issue 22, point 1) ------------

@pytest.mark.parametrize("raw, clean, body", [
    # spaces and ideographic spaces between Chinese characters or beside their marks
    ("不作为!      官官相护！", "不作为！官官相护！", True),
    ("电  话：", "电话：", True),
    ("“因相关。”\u3000\u3000“我们知”", "“因相关。”“我们知”", True),
    ("起典型案例。\xa0\xa0\xa0\xa0一人深", "起典型案例。一人深", True),  # no-break spaces
    ("危机， 为了", "危机，为了", False),  # a stray space after ， in a headline
    ("上汽通用： “旗”心协力", "上汽通用： “旗”心协力", False),  # an editor's break
    # runs of spaces beside Latin words collapsed, tabs are spaces
    ("发布 MG   Ei5\t车型", "发布 MG Ei5 车型", True),
    ("奋进路上   奋斗有我", "奋进路上 奋斗有我", False),
    # zero-width, format and control characters removed
    ("\ufeff上汽\u200b集团\u200c\u200d党委\u00ad书记\u2060说", "上汽集团党委书记说", True),
    ("上汽\x01集团\x9f党委\u202e书记\ufffe", "上汽集团党委书记", True),
    ("标题\ufeff", "标题", False),
    # ASCII , . ? ! : ; ( ) beside Chinese text full-width
    ("完成了.他说:好;对(吧)?是!", "完成了。他说：好；对（吧）？是！", True),
    ("还有她呦~", "还有她呦～", True),  # (a wave dash: a mark, not a letter beside 呦)
    ("10~20 km", "10~20 km", True),
    ("提升3.5%.", "提升3.5%.", True),  # a . after a number is not a Chinese full stop
    # ... and 。。。 → ……, -- → ——
    ("国家一类... 新华", "国家一类……新华", True),
    ("放24小时......这", "放24小时……这", True),
    ("等待。。。。。。", "等待……", True),
    ("--记上汽大众", "——记上汽大众", False),
    ("他说--不", "他说——不", True),
    ("Loading... --help", "Loading... --help", True),  # Latin text untouched
    # a letter and its combining accent are one character
    ("泰伊(cre\u0301tei)和", "泰伊（crétei）和", True),
])
def test_each_rule_of_real_copy(raw, clean, body):
    assert normalize(raw, body=body)[0] == clean


@pytest.mark.parametrize("raw, clean", [
    ("“通俄们“的“清白“", "“通俄们”的“清白”"),
    ("”保护伞“", "“保护伞”"),
    ("‘双标’与’三标‘", "‘双标’与‘三标’"),
])
def test_quotes_typed_the_wrong_way_are_paired_again_with_a_warning(raw, clean):
    text, changes = normalize(raw)
    assert text == clean
    assert changes and all(c.warning for c in changes)
    assert all("wrong way round" in c.reason for c in changes)


@pytest.mark.parametrize("raw, clean", [
    ("此致敬礼? ? ? ?申请人", "此致敬礼□□□□申请人"),  # &nbsp; &nbsp; saved without them
    ("大城小狮 ? ? ? ?? ?你真是", "大城小狮□□□□□□你真是"),
    ("图片 ???? 网络", "图片□□□□网络"),
    ("低至6.7折? ?咨询电话", "低至6.7折□□咨询电话"),
    # a ? where no question ends (after 。，、；：): a character lost too
    ("非同一般的感受。?选择", "非同一般的感受。□选择"),
    ("自信。??为了", "自信。□□为了"),
    ("第一，?第二", "第一，□第二"),
])
def test_characters_a_web_page_lost_are_each_marked_and_reported(raw, clean):
    text, changes = normalize(raw)
    assert text == clean and text.count("□") == raw.count("?")  # one mark for each
    marked = [c for c in changes if c.after == "□"]
    assert len(marked) == raw.count("?") and all(c.warning for c in marked)


@pytest.mark.parametrize("raw, clean", [
    ("您能吗? 不能", "您能吗？不能"),  # a lone ? is a question mark
    ("真的吗??", "真的吗？？"),  # (touching the question: typed so)
    ("中 ? 文", "中？文"),
    ("What ? ? ok", "What ? ? ok"),  # no Chinese beside it: Latin text, untouched
])
def test_question_marks_typed_as_such_stay_question_marks(raw, clean):
    assert normalize(raw)[0] == clean


@pytest.mark.parametrize("raw, clean", [
    ("温馨提示(1)17-18日", "温馨提示（1）17-18日"),
    ("温馨提示（1)17-18日", "温馨提示（1）17-18日"),
    ("17(1）日", "17（1）日"),
    ("(MG Ei5) is", "(MG Ei5) is"),  # Latin text: untouched
])
def test_a_bracket_is_as_wide_as_its_partner(raw, clean):
    assert normalize(raw)[0] == clean


def test_lost_characters_break_as_characters_and_no_line_starts_with_a_question_mark():
    from conftest import em_measure

    from layout.text.items import build_items
    from layout.text.linebreak import break_lines
    text = normalize("此致敬礼" + "? " * 30 + "申请人")[0]
    lines = break_lines(build_items(text, 10.0, em_measure), [100.0])
    texts = [line.text for line in lines]
    assert "".join(texts) == "此致敬礼" + "□" * 30 + "申请人"
    assert not any(line.forced or line.loose for line in lines[:-1])
    assert not any(t.startswith(("?", "？")) for t in texts)


def test_an_odd_number_of_quotes_is_a_quotation_running_on_and_stays():
    assert normalize("“第一段还没有结束，") == ("“第一段还没有结束，", [])
    assert normalize("他说：“好“，又说“坏，") == ("他说：“好“，又说“坏，", [])
    assert normalize("don’t “stop”")[0] == "don’t “stop”"  # an apostrophe is no quote


def test_a_typed_backslash_n_is_a_line_break():
    text, changes = normalize("通融达道\\n思源致远", body=False)
    assert text == "通融达道\n思源致远"
    assert [(c.offset, c.before, c.after) for c in changes] == [(4, "\\n", "\n")]
    assert normalize("不能逃逸。\\n本文来自", body=True)[0] == "不能逃逸。\n本文来自"
    assert normalize("三万元。 \\n\\n \u3000\u3000深圳")[0] == "三万元。\n\n深圳"
    assert normalize(r"C:\new folder")[0] == r"C:\new folder"  # inside Latin text: as typed


def test_separators_are_line_breaks_and_a_cr_lf_one():
    assert normalize("第一段\u2029第二段\u2028第三段\r\n第四段\r第五段")[0] == \
        "第一段\n第二段\n第三段\n第四段\n第五段"


def test_switched_off_only_invisible_characters_go():
    raw = "\ufeff上汽,大众 集团\u200b“好“..."
    text, changes = normalize(raw, clean=False)
    assert text == "上汽,大众 集团“好“..."
    assert [c.offset for c in changes] == [0, 9]


REAL_COPY = """\
manifest: 1
paper: 测试报
date: 2021-03-04
page: 2
template: party-building
{switch}articles:
  - headline: {{kicker: "引题 ,说明", main: "危机， 为了?\\\\n第二行", subtitle: --副题}}
    byline: "本报记者  林芸\\ufeff"
    note: "编者按 :  内容"
    images: [{{aspect: "4:3", caption: "图为 ,上汽"}}]
    body:
      - "第一段。\\\\n第二段 ,“好“的。"
      - {{comment: "微评 :好", attribution: "( 李文红)"}}
      - {{subhead: "小标题 ,一", second: "二 ;三"}}
"""


def test_every_text_field_is_cleaned_and_each_change_listed(write_manifest):
    issue = load_issue(write_manifest(REAL_COPY.format(switch="")))
    article = issue.articles[0]
    h = article.headline
    assert (h.kicker, h.main, h.subtitle) == ("引题，说明", "危机，为了？\n第二行", "——副题")
    assert article.byline == "本报记者 林芸"
    assert article.note.text == "编者按：内容"
    assert article.images[0].caption == "图为，上汽"
    paragraphs = [b.text for b in article.blocks]
    assert paragraphs[:2] == ["第一段。", "第二段，“好”的。"]  # a typed \n: two paragraphs
    assert (article.blocks[2].text, article.blocks[2].attribution) == ("微评：好", "（李文红）")
    assert (article.blocks[3].text, article.blocks[3].second) == ("小标题，一", "二；三")
    assert all(str(e.origin.file).endswith("issue.yaml") and e.origin.line > 6
               for e in issue.edits)
    warnings = [e for e in issue.edits if e.warning]
    assert len(warnings) == 1 and warnings[0].origin.line == 12  # the body's “好“
    assert any(e.before == "\\n" and e.origin.line == 7 for e in issue.edits)
    assert any(e.before == "\\n" and e.origin.line == 12 for e in issue.edits)


def test_switched_off_the_text_stays_as_typed(write_manifest):
    issue = load_issue(write_manifest(REAL_COPY.format(switch="normalize: false\n")))
    article = issue.articles[0]
    assert article.headline.main == "危机， 为了?\\n第二行"
    assert article.byline == "本报记者  林芸"  # (the invisible U+FEFF went all the same)
    assert [b.text for b in article.blocks][:1] == ["第一段。\\n第二段 ,“好“的。"]
    assert [e.before for e in issue.edits] == ["\ufeff"]


def test_render_lists_the_changes_and_always_warns_of_quotes(write_manifest, tmp_path):
    from click.testing import CliRunner
    from layout.cli import main
    path = write_manifest(REAL_COPY.format(switch=""))
    quiet = CliRunner().invoke(main, ["render", str(path), "-o", str(tmp_path / "a.pdf"),
                                      "--allow-overflow"])
    assert quiet.exit_code == 0, quiet.output
    warned = [l for l in quiet.output.splitlines() if l.startswith("warning:")]
    assert len(warned) == 1 and "issue.yaml:12:" in warned[0] and "wrong way round" in warned[0]
    assert "typed \\n" not in quiet.output
    loud = CliRunner().invoke(main, ["render", str(path), "-o", str(tmp_path / "b.pdf"),
                                     "--allow-overflow", "-v"])
    assert loud.output.count("a typed \\n: a line break") == 2  # headline and body
    assert "invisible character" in loud.output


def test_a_bom_never_stops_a_page(write_manifest, tmp_path):
    from layout import render_issue
    from test_render import pdf_text
    path = write_manifest(MANIFEST.format(switch="").replace("上汽,大众 集团",
                                                             "\ufeff上汽大众集团\u200b"))
    assert "上汽大众集团" in pdf_text(render_issue(path).pdf).replace("\r\n", "")


@pytest.mark.parametrize("raw, clean", [
    # a line break inside a sentence: a hard wrap of text pasted into a | block, joined
    ("网页把它按固定\n宽度硬换行了。", "网页把它按固定宽度硬换行了。"),
    ("the state-owned\ncompany 中文", "the state-owned company 中文"),
    ("行尾 \n 行首。", "行尾行首。"),
    # a sentence's end, a blank line, a typed \n, U+2028: the writer's line breaks
    ("第一段。\n第二段", "第一段。\n第二段"),
    ("他说：“好。”\n第二段", "他说：“好。”\n第二段"),
    ("第一行\n\n\n第二行", "第一行\n第二行"),
    ("床前明月光，\\n疑是地上霜。", "床前明月光，\n疑是地上霜。"),
    ("第一行\u2028第二行", "第一行\n第二行"),
])
def test_a_box_joins_hard_wraps_and_keeps_the_writers_line_breaks(raw, clean):
    assert normalize(raw, wraps=True)[0] == clean
    # (elsewhere every line break stays: a paragraph break in the body, a title's line)
    assert "\n" in normalize(raw)[0]


BOXES = """\
manifest: 1
paper: 测试报
date: 2021-03-04
page: 1
template: news
articles:
  - headline: 测试标题
    region: {columns: 1-3, lines: 1-rest}
    note: |
      这是从网页上复制下来的编者按，网页把它按固定
      宽度硬换行了，粘贴时每行都带着换行符。
      第二段另起一行。
    body:
      - 正文第一段，这里是正文。
      - comment: |
          微评的文字，第一行
          接着第一行的句子。

          空一行：另起一行。
        attribution: （某某）
      - {note: 编者按第一行\\n编者按第二行, label: 编者按}
"""


def test_a_box_pasted_with_hard_wraps_sets_its_sentences_and_the_writers_breaks(
        write_manifest):
    from layout import layout_issue
    from layout.model import LineKind
    page = layout_issue(write_manifest(BOXES))
    notes = [line.text.replace(" ", "　") for line in page.lines
             if line.kind is LineKind.NOTE]
    assert notes == [
        "编者按　这是从网页上复制下来的编者按，网页把它按固定宽度硬换行了，粘贴时每行都带",
        "着换行符。", "第二段另起一行。",
        "微评　微评的文字，第一行", "接着第一行的句子。", "空一行：另起一行。", "（某某）",
        "编者按　编者按第一行", "编者按第二行"]
    ends = [line.paragraph_end for line in page.lines if line.kind is LineKind.NOTE]
    assert ends == [False, True, True, False, True, True, True, True, True]


# every character some rule starts from, and the text around them
_TRIGGERS = list("中文字党员。，、；：？！“”‘’\"'.,;:?!()~-—…《》□　 \t\n\r\u2028\u2029\x85"
                 "\u00a0\u2009\u200b\ufeff\u00ad\ufffe\u0301\u0308eaZ9\\n")


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=st.sampled_from(_TRIGGERS), max_size=16), st.booleans(),
       st.booleans(), st.booleans())
def test_rules_run_only_where_they_can_change_something(text, body, clean, wraps):
    """A rule is skipped only where it would change nothing: the gated normalization
    gives what every rule over every character gives (the text and every change)."""
    assert normalize(text, body, clean, wraps) == normalize(text, body, clean, wraps,
                                                            gated=False)


def test_gated_rules_on_real_copy():
    import sys  # noqa: PLC0415
    from pathlib import Path  # noqa: PLC0415

    sys.path.insert(0, str(Path(__file__).parent))
    import newsgen  # noqa: PLC0415

    for title, paragraphs in newsgen.corpus():
        for text in (title, *paragraphs):
            for body in (True, False):
                assert normalize(text, body) == normalize(text, body, gated=False)


def test_a_straight_quote_closes_a_curly_one_across_a_character_another_rule_removed():
    # (a zero-width space goes first, rule 1: the quote's scan must pass what it left)
    assert normalize("他说“幸存者\u200b偏差\"。")[0] == "他说“幸存者偏差”。"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from("胡兴瑞杨颜慈海外网濮阳艺婧 \t\u3000\u4dff\u9fff\u4e00a1（）"),
               max_size=16))
def test_a_bracket_of_names_only_is_what_its_pattern_matched(text):
    import re  # noqa: PLC0415

    from layout.text.credits import names_only  # noqa: PLC0415

    pattern = re.compile(r"[\u4e00-\u9fff]{2,6}([ \t\u3000]+[\u4e00-\u9fff]{2,6})+")
    assert names_only(text) == (pattern.fullmatch(text) is not None)
    assert names_only("胡兴瑞 杨颜慈") and names_only("海外网\u3000濮阳艺婧")
    assert not names_only("胡兴瑞") and not names_only(" 胡兴瑞 杨颜慈")
