"""Line breaking and justification: the examples of CJK-RULES, named one by one."""
from __future__ import annotations

import pytest

from layout.text.items import build_items, build_runs
from layout.text.linebreak import break_lines, one_line_from

from conftest import em_measure

SIZE = 10.0  # pt: one em


def lines_of(text: str, width_em: float, indent_em: float = 0.0) -> list[str]:
    items = build_items(text, SIZE, em_measure)
    lines = break_lines(items, [width_em * SIZE], indent=indent_em * SIZE)
    return ["".join(g.char for g in line.glyphs) for line in lines]


def set_lines(text: str, width_em: float):
    return break_lines(build_items(text, SIZE, em_measure), [width_em * SIZE])


def right_edge(line) -> float:
    return max(g.x + g.advance for g in line.glyphs)


# §2 禁则 -------------------------------------------------------------------------------

def test_comma_never_starts_a_line_push_out():
    # W10: the comma after 十 cannot start line 2, so 十 goes down with it.
    assert lines_of("一二三四五六七八九十，一二三", 10) == ["一二三四五六七八九", "十，一二三"]


def test_middle_dot_binds_a_transliterated_name():
    assert lines_of("克里斯蒂娜·罗塞蒂", 5) == ["克里斯蒂", "娜·罗塞蒂"]


def test_ellipsis_pair_is_never_split_nor_starts_a_line():
    assert lines_of("一二三四五六七八九……一二", 10) == ["一二三四五六七八", "九……一二"]


def test_digits_form_one_unbreakable_word():
    assert lines_of("一二三四五六七八12345678一二三", 10) == ["一二三四五六七八", "12345678一二三"]


def test_seed_habit_push_out_not_push_in():
    # CJK-RULES §3: the seed pages push 锋 down rather than squeeze the line's marks.
    assert lines_of("担重任、提能力、争先锋、拼市场", 11) == ["担重任、提能力、争先", "锋、拼市场"]


def test_opening_mark_never_ends_a_line():
    lines = lines_of("一二三四五六七八九“十”一二", 10)
    assert not lines[0].endswith("“")
    assert lines == ["一二三四五六七八九", "“十”一二"]


@pytest.mark.parametrize("word", ["2.5%", "-5.07%", "125-135", "90#", "46.574", "MG", "2.5％",
                                  "￥5", "8·12"])
def test_numbers_with_signs_stay_whole(word):
    text = "一二三四五六七" + word + "一二三四五六七八九十"
    for width in range(5, 15):
        lines = lines_of(text, width)
        assert "".join(lines) == text
        assert sum(word in line for line in lines) == 1, (width, lines)


# §3 punctuation width ----------------------------------------------------------------

def test_adjacent_marks_take_one_and_a_half_em():
    line = set_lines("他说：“好。”", 20)[0]
    xs = {g.char: g.x for g in line.glyphs}
    assert xs["“"] - xs["："] == pytest.approx(0.5 * SIZE)  # ：“ = 1.5 em
    assert xs["”"] - xs["。"] == pytest.approx(0.5 * SIZE)  # 。” = 1.5 em


def test_line_end_mark_is_half_width_and_line_is_flush():
    # 9 characters + ， = 9.5 em natural in a 10 em line: spread to the full measure.
    lines = set_lines("一二三四五六七八九，一二三四", 10)
    first = lines[0]
    assert "".join(g.char for g in first.glyphs) == "一二三四五六七八九，"
    assert right_edge(first) == pytest.approx(10 * SIZE)
    assert first.glyphs[-1].advance == pytest.approx(0.5 * SIZE)


# §4 justification --------------------------------------------------------------------

def test_every_line_but_the_last_is_flush():
    text = "疾风知劲草、烈火炼真金。面对突如其来的新冠肺炎疫情，上汽广大党员干部和员工关键时刻冲得上去。"
    lines = set_lines(text, 13)
    assert len(lines) > 2
    for line in lines[:-1]:
        assert right_edge(line) == pytest.approx(13 * SIZE)
        assert line.glyphs[0].x == pytest.approx(0.0)
    assert right_edge(lines[-1]) < 13 * SIZE


def test_spread_is_even_between_characters():
    line = set_lines("一二三四五六七八九十，十一", 10)[0]  # 9 characters spread over 10 em
    xs = [g.x for g in line.glyphs]
    gaps = {round(b - a, 6) for a, b in zip(xs, xs[1:])}
    assert gaps == {round(SIZE + SIZE / 8, 6)}


def test_indent_shortens_the_first_line_only():
    lines = lines_of("一" * 30, 10, indent_em=2)
    assert [len(l) for l in lines] == [8, 10, 10, 2]


# §6 孤字 ------------------------------------------------------------------------------

def test_widow_is_mended_by_moving_one_character_down():
    assert [len(l) for l in lines_of("字" * 21, 10)] == [10, 9, 2]


def test_widow_with_its_mark_counts_as_a_widow():
    lines = lines_of("字" * 20 + "好。", 10)
    assert lines[-1] != "好。"
    assert "".join(lines) == "字" * 20 + "好。"


# never lose a character ----------------------------------------------------------------

def test_word_wider_than_the_column_is_cut_not_lost():
    text = "一" + "A" * 30 + "二"
    lines = set_lines(text, 5)
    assert "".join(g.char for l in lines for g in l.glyphs) == text
    assert any(line.forced for line in lines)
    for line in lines:
        assert right_edge(line) <= 5 * SIZE + 1e-6


def test_a_cut_word_is_cut_as_few_times_as_it_must_and_only_those_breaks_are_reported():
    # 25 capitals of ½ em = 12.5 em in 10-em lines, no break point of its own: one cut; the
    # other breaks keep the rules
    text = "一二三四五六七八：" + "QWRTZPSDFGHJKLXCVBNMQWRTZ" + "九十一二三四五六七八九十"
    lines = set_lines(text, 10)
    assert "".join(g.char for l in lines for g in l.glyphs) == text
    cuts = [l for l in lines if l.forced]
    assert len(cuts) == 1 and cuts[0].text[-1] in "QWRTZPSDFGHJKLXCVBNM"
    for line in lines[:-1]:
        assert right_edge(line) == pytest.approx(10 * SIZE)  # cut lines are flush too


# words that do not fit: broken at their own break points (issue 22, point 2) --------------

def broken(text: str, width_em: float):
    lines = set_lines(text, width_em)
    return lines, ["".join(g.char for g in line.glyphs) for line in lines]


@pytest.mark.parametrize("word, after", [
    ("www.saicmotor.com.cn/news/2020", "./"),
    ("reporter.name@saicmotor.com.cn", ".@"),
    ("https://news.saicmotor.com/a-b-c", "/.-"),
])
def test_an_address_breaks_after_its_own_marks_and_says_so(word, after):
    text = "一二三四五六七八：" + word + "。九十一二三四五六七八九十"
    lines, texts = broken(text, 10)
    assert "".join(texts) == text  # nothing added, nothing lost
    inside = [l for l in lines if l.split]
    assert inside and not any(l.forced for l in lines)
    assert all(l.text[-1] in after for l in inside)
    assert not any(t[0] in "。：" for t in texts)  # a mark never starts a line


def test_an_english_word_breaks_at_a_syllable_with_a_hyphen_drawn():
    text = "据报道，" + "internationalcrisisgroup" + "的报告说，危机仍在继续。"
    lines, texts = broken(text, 10)
    split = [l for l in lines if l.split]
    assert len(split) == 1 and not any(l.forced for l in lines)
    assert split[0].text.endswith("-") and split[0].hyphen  # drawn at the line's end …
    syllables = {"in", "inter", "interna", "internation", "internationalcri",
                 "internationalcrisis"}
    assert texts[0].split("，", 1)[1][:-1] in syllables  # … after a syllable
    assert "".join(texts).replace("-", "") == text  # … and only there
    assert right_edge(split[0]) <= 10 * SIZE + 1e-6


def test_a_long_number_breaks_between_its_digits():
    text = "身份证：232325193704160216232325193704，电话：025-12345678。"
    lines, texts = broken(text, 10)
    assert "".join(texts) == text and not any(l.forced for l in lines)
    assert any(l.split for l in lines)
    assert texts[0].startswith("身份证：2")  # the number starts where the line has room
    for line, after in zip(lines, texts[1:]):
        if line.text[-1].isdigit() and after[0].isdigit():
            assert line.split  # broken inside the number: reported
        assert after[0] not in "，。：、"


def test_a_word_that_fits_is_never_broken():
    lines, texts = broken("一二三四五六七八九十" + "international" + "一二三四五六七八九十", 10)
    assert any("international" in t for t in texts)
    assert not any(l.split or l.forced for l in lines)


def test_an_ascii_mark_never_starts_a_line_after_what_came_before():
    # normalize: false leaves the ASCII colon and comma: they are Latin, but still marks
    text = "一二三四五六七八九十:" + "一二三四五六七八,九十"
    for width in (10, 9):
        texts = broken(text, width)[1]
        assert not any(t[0] in ":," for t in texts), texts


def test_a_word_too_wide_only_for_the_indented_first_line_is_not_cut():
    items = build_items("一二三四五六七八九十ABCDEFGHIJKLMNOPQR", SIZE, em_measure)  # 9-em word
    lines = break_lines(items, [10 * SIZE], indent=2 * SIZE)
    # (the characters before it spread over two lines rather than 九十 alone on one)
    assert lines[-1].text == "ABCDEFGHIJKLMNOPQR"
    assert [l.text for l in lines[:-1]] == ["一二三四五", "六七八九十"]
    assert not any(l.forced for l in lines)
    # the same word opening the paragraph must go on the first line: there it is cut
    items = build_items("ABCDEFGHIJKLMNOPQR一二三四五六七八九十", SIZE, em_measure)
    lines = break_lines(items, [10 * SIZE], indent=2 * SIZE)
    assert lines[0].forced and lines[0].text == "ABCDEFGHIJKLMNO"


def test_spaces_between_latin_words_are_break_points():
    lines = lines_of("一二三 Fit for 2020 四五", 6)
    assert "".join(lines).replace(" ", "") == "一二三Fitfor2020四五"
    assert len(lines) > 1
    for word in ("Fit", "for", "2020"):  # each word whole on one line: breaks at the spaces
        assert sum(word in line for line in lines) == 1, lines


def test_space_between_chinese_clauses_is_a_full_em():
    line = set_lines("锐意进取 创新实践", 20)[0]
    xs = {g.char: g.x for g in line.glyphs}
    assert xs["创"] - xs["取"] == pytest.approx(2 * SIZE)


def test_two_em_dash_halves_touch_and_fill_two_cells():
    def narrow_dash(char):  # a face whose — is 0.89 em, as in Noto CJK
        return ("test", 0.89) if char == "—" else em_measure(char)
    line = break_lines(build_items("一——二", SIZE, narrow_dash), [20 * SIZE])[0]
    one, d1, d2, two = line.glyphs
    # the halves overlap by what the face leaves blank beside a dash's ink (5 % a side)
    assert d2.x == pytest.approx(d1.x + 0.88 * d1.advance)
    assert two.x == pytest.approx(3 * SIZE)  # the pair takes two cells
    assert d1.x - SIZE == pytest.approx(two.x - (d2.x + d2.advance))  # centred
    dots = break_lines(build_items("一……二", SIZE, narrow_dash), [20 * SIZE])[0].glyphs
    assert dots[2].x == pytest.approx(dots[1].x + dots[1].advance)  # an ellipsis: side by side


# composition settings ------------------------------------------------------------------

from layout.model import Breaking, Composition, PunctuationFit  # noqa: E402


def lines_with(text: str, width_em: float, **settings) -> list[str]:
    items = build_items(text, SIZE, em_measure, settings.pop("latin_spacing", 0.0))
    lines = break_lines(items, [width_em * SIZE], rules=Composition(**settings))
    return ["".join(g.char for g in line.glyphs) for line in lines]


def test_push_in_squeezes_the_marks_instead():
    # CJK-RULES §3: push in keeps 锋、 on the line by setting its 、 at ½ em.
    lines = break_lines(build_items("担重任、提能力、争先锋、拼市场", SIZE, em_measure),
                        [11 * SIZE], rules=Composition(punctuation=PunctuationFit.PUSH_IN))
    assert [l.text for l in lines] == ["担重任、提能力、争先锋、", "拼市场"]
    assert right_edge(lines[0]) == pytest.approx(11 * SIZE)
    xs = [g.x for g in lines[0].glyphs]
    assert all(b > a for a, b in zip(xs, xs[1:]))


def test_first_fit_is_kept_for_comparison():
    text = "一二三四五六七八九十，一二三"
    assert lines_with(text, 10, breaking=Breaking.FIRST_FIT) == ["一二三四五六七八九", "十，一二三"]


def test_hanging_punctuation_lets_the_comma_hang():
    lines = break_lines(build_items("一二三四五六七八九十，一二三", SIZE, em_measure),
                        [10 * SIZE], rules=Composition(hanging_punctuation=True))
    assert lines[0].text == "一二三四五六七八九十，"
    comma = lines[0].glyphs[-1]
    assert comma.x == pytest.approx(10 * SIZE)  # starts at the right edge, hangs past it


def test_a_comma_hangs_where_every_other_choice_letter_spaces_a_line():
    # issue 22, 11-字 columns: the indented first line leaves 9 em; 7月18日18:00-21:00， is
    # 9.5 and the number may not break, so the line was 7月18日 spread over 9 em. Hanging
    # punctuation off, its comma still hangs there: every other choice letter-spaces a line
    text = "7月18日18:00-21:00，中央路红星爱木联盟的仲夏夜将闪亮登场。"
    lines = break_lines(build_items(text, SIZE, em_measure), [11 * SIZE], indent=2 * SIZE)
    assert lines[0].text == "7月18日18:00-21:00，" and not any(line.loose for line in lines)
    assert lines[0].glyphs[-1].x == pytest.approx(11 * SIZE)  # at the edge, hanging past it
    # where a line would only spread a little, nothing hangs (W10, §2 above)
    assert lines_of("一二三四五六七八九十，一二三", 10)[0] == "一二三四五六七八九"


@pytest.mark.parametrize("breaking", [Breaking.TOTAL_FIT, Breaking.FIRST_FIT])
def test_a_line_break_in_the_text_ends_its_line_which_is_set_ragged(breaking):
    # a box's or a caption's line break (a \n after normalization): the line ends there,
    # whatever it holds, unjustified; nothing is painted for it; the rest breaks as ever
    # (total fit leaves no 孤字 before it either: 二 alone, before the break, would be one)
    lines = break_lines(build_items("一二三，\n“四五六”七八九十一二\n三", SIZE, em_measure),
                        [5 * SIZE], rules=Composition(breaking=breaking))
    middle = ["七八九十", "一二"] if breaking is Breaking.TOTAL_FIT else ["七八九十一", "二"]
    assert [line.text for line in lines] == ["一二三，", "“四五六”", *middle, "三"]
    assert [line.last for line in lines] == [True, False, False, True, True]
    assert right_edge(lines[0]) == pytest.approx(3.5 * SIZE)  # ragged: not spread
    assert right_edge(lines[2]) == pytest.approx(5 * SIZE)  # justified as ever


def test_opening_mark_at_line_start_may_lose_its_blank():
    plain = set_lines("“一二”", 10)[0]
    trimmed = break_lines(build_items("“一二”", SIZE, em_measure), [10 * SIZE],
                          rules=Composition(trim_line_start=True))[0]
    assert trimmed.glyphs[1].x == pytest.approx(plain.glyphs[1].x - 0.5 * SIZE)


def test_chinese_latin_spacing_between_han_and_digits_only():
    line = break_lines(build_items("在10天内，5G车", SIZE, em_measure, 0.25), [20 * SIZE])[0]
    xs = {g.char: g.x for g in line.glyphs}
    assert xs["1"] - (xs["在"] + SIZE) == pytest.approx(0.25 * SIZE)
    assert xs["天"] - (xs["0"] + 0.5 * SIZE) == pytest.approx(0.25 * SIZE)
    assert xs["5"] - xs["，"] == pytest.approx(SIZE)  # never beside ，
    # never at a line edge: the gap is dropped where the line breaks
    lines = break_lines(build_items("一二三四五六七八九十12", SIZE, em_measure, 0.25),
                        [10 * SIZE])
    assert lines[1].glyphs[0].x == pytest.approx(0.0)


def test_a_line_that_cannot_be_filled_is_reported_loose():
    lines = set_lines("一 ABCDEFGHIJKLMNOPQR", 10)  # the word cannot share a line
    assert lines[0].loose and not lines[0].last


# §1 where a mark sits in its cell -------------------------------------------------------

def test_marks_sit_in_their_half_of_the_cell():
    def narrow_marks(char):  # a face whose quotes are proportional, like LXGW WenKai's
        return ("test", 0.35) if char in "“”" else em_measure(char)
    line = break_lines(build_items("一“二”三", SIZE, narrow_marks), [20 * SIZE])[0]
    one, opening, two, closing, three = line.glyphs
    assert opening.x == pytest.approx(SIZE + 0.65 * SIZE)  # opening: right of its cell
    assert closing.x == pytest.approx(3 * SIZE)  # closing: left of its cell
    assert three.x == pytest.approx(4 * SIZE)


@pytest.mark.parametrize("breaking", list(Breaking))
def test_room_kept_for_a_signature_is_given_up_rather_than_set_alone(breaking):
    # the last word fills the line, and the room may not leave it: no line of nothing
    items = build_runs([("一二三四五六七八九十ABCDEFGHIJKLMNOPQRST", em_measure)], SIZE,
                       reserve=4 * SIZE)
    lines = break_lines(items, [10 * SIZE], rules=Composition(breaking=breaking))
    assert [l.text for l in lines] == ["一二三四五六七八九十", "ABCDEFGHIJKLMNOPQRST"]
    assert lines[-1].last and not lines[0].last


def test_a_solidus_neither_starts_nor_ends_a_line():
    from layout.text.items import build_items
    from layout.text.linebreak import break_lines

    text = "今年汽油价格每升上涨到了125元/吨和元/升，还有更多的内容。"
    for width in range(8, 20):
        lines = break_lines(build_items(text, 10.0, em_measure), [width * 10.0])
        for line in lines:
            chars = "".join(g.char for g in line.glyphs)
            assert not chars.startswith(("/", "／")) and not chars.rstrip().endswith(("/", "／"))


def test_on_a_page_a_broken_word_is_a_note_and_its_hyphen_drawn(one_paragraph):
    from layout import layout_issue
    from layout.model import LineKind
    word = "internationalcrisisgroupreportsonconflicts"
    page = layout_issue(one_paragraph(f"据{word}的报告，危机仍在继续。"))
    body = [l for l in page.lines if l.kind is LineKind.BODY]
    ends = [l for l in body if l.text.endswith("-")]
    assert ends and all(l.text[-2].isalpha() for l in ends)
    assert "".join(l.text for l in body).replace("-", "") == f"据{word}的报告，危机仍在继续。"
    notes = [n for n in page.notes if "a word too long for the line" in n]
    assert len(notes) == len(ends)


def test_a_line_of_one_box_never_beats_lines_spread_a_little():
    # 2 em indent, 9 em left: 7月18日18:00-21:00， is wider; the 11-character time stays
    # whole: 7 alone on the first line (nothing to spread) is the worst choice of all
    texts = lines_of("7月18日18:00-21:00，中央路红星爱木联盟的仲夏夜将闪亮登场。", 11,
                     indent_em=2)
    assert texts[0] != "7" and "18:00-21:00" in "".join(texts[:2])


def test_a_rule_of_dashes_breaks_between_whole_pairs():
    text = "内容来自楚天都市报" + "—" * 21 + "微信热点"
    lines, texts = broken(text, 10)
    assert "".join(texts) == text and not any(l.forced for l in lines)
    for line in texts[1:]:
        assert not line.startswith("—") or line.startswith("——")


def test_a_compound_word_may_break_after_its_hyphen_rather_than_spread_a_line():
    texts = lines_of("一二三四五六七state-owned八九十", 10)
    assert texts[0] == "一二三四五六七state-" and texts[1].startswith("owned")


# clreq §3.1.7 (line-start prohibited): pause and stop marks and closing brackets, full
# width or ASCII, never start a line, whether a space was typed before them or not (a web
# page's `中文 ? 中文`, text set with normalize: false)
@pytest.mark.parametrize("mark", list("?？!！,，.。:：;；)）]}%％、”"))
@pytest.mark.parametrize("space", ["", " "])
def test_a_line_start_prohibited_mark_never_starts_a_line_spaced_or_not(mark, space):
    text = "一二三四五六七八九十" + space + mark + "一二三"
    lines, texts = broken(text, 10)
    assert not any(line.forced for line in lines)
    assert all(not t.lstrip().startswith(mark) for t in texts[1:]), texts
    assert "".join(texts).replace(" ", "") == text.replace(" ", "")


def test_a_word_opening_with_a_dot_may_start_a_line():
    assert lines_of("一二三四五六七八九十 .NET", 10)[1] == ".NET"


def test_ascii_question_marks_standing_apart_never_start_a_line():
    # ? ? ? where a web page lost characters, set as typed (normalize: false; normalized,
    # each is □, a lost character's mark, and breaks as a character: test_normalize): the
    # run cannot break, and is broken against the rules only because it is wider than a line
    lines, texts = broken("此致敬礼" + "? " * 3 + "申请人十一二三四五", 10)
    assert not any(l.forced for l in lines)
    assert all(not t.startswith("?") for t in texts)
    lines, texts = broken("此致敬礼" + "? " * 30 + "申请人", 10)
    assert any(line.forced for line in lines)


def test_a_long_number_that_fits_breaks_rather_than_spread_the_line_before_it():
    # issue 22: 身份证：232325193704160216 put the number on the next line and spread
    # 身 份 证 ： across the column; an 18-digit number now breaks between digits instead
    text = "身份证：232325193704160216，电话：13800000000。"
    lines, texts = broken(text, 11)
    assert texts[0].startswith("身份证：2") and not lines[0].loose
    assert "".join(texts) == text and any(l.split for l in lines)
    # a short number never breaks for it: 2020, 125-135 stay whole (see above)


# One line at every measure from its reach (linebreak.one_line_from: the setter's cache) ---

@pytest.mark.parametrize("text, indent_em", [
    ("红旗党组织谱写时代强音", 0.0),
    ("“危机时刻组织抗得下”，关键时候党员冲得上！", 0.0),
    ("《人民日报》评论：（一）稳中求进。", 2.0),
    ("上汽MAXUS EUNIQ7 2020年销量", 0.0),
    ("仇杰等四人荣获“全国劳动模范”称号", 1.5),
])
def test_a_text_on_one_line_is_that_line_at_every_measure_from_its_reach(text, indent_em):
    items = build_items(text, SIZE, em_measure)
    indent = indent_em * SIZE
    reach = one_line_from(items, indent)
    assert reach is not None
    wide = break_lines(items, [1e9], indent=indent, justify=False)
    assert len(wide) == 1
    for width in (reach, reach + 0.37, reach + SIZE, 2 * reach + 1):
        for justify in (False, True):
            lines = break_lines(items, [width], indent=indent, justify=justify)
            assert len(lines) == 1 and lines[0].width == width
            assert lines[0].glyphs == wide[0].glyphs
            assert (lines[0].last, lines[0].loose, lines[0].forced, lines[0].split,
                    lines[0].hyphen) == (True, False, False, False, False)
    # and its reach is no more than a hair over the line's natural width
    assert reach - right_edge(wide[0]) - indent < SIZE


@pytest.mark.parametrize("text", [
    "地址是www.example.com/news/2020",  # a long Latin word: parted where it fits
    "state-owned企业",  # a compound: may break after its hyphen
])
def test_no_reach_where_a_word_is_parted_on_a_line_it_fits(text):
    assert one_line_from(build_items(text, SIZE, em_measure)) is None
