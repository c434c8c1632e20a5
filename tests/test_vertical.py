"""竖排 headlines: a title set top to bottom in a strip at its article's side."""
from __future__ import annotations

import re

import pypdfium2 as pdfium
import pytest
from fontTools.ttLib import TTFont

from layout import layout_issue, render_issue
from layout.errors import LayoutError
from layout.flow import ASCENT, VERTICAL_TCY
from layout.fonts import VERTICAL_BASE, shipped_fonts
from layout.holes import Occupancy
from layout.model import LineKind
from layout.templates import load_template

from test_elements import HEAD, TEXT

PB = load_template("party-building")


def page(write_manifest, articles: str, name: str = "issue.yaml"):
    path = write_manifest(HEAD.format(template="party-building") + articles, name)
    return path, layout_issue(path)


def cells(lines):
    return [l for l in lines if l.kind is LineKind.HEADLINE]


def test_a_vertical_title_stands_top_to_bottom_at_the_right(write_manifest):
    _, p = page(write_manifest, f"""\
  - region: {{columns: 1-4, lines: 6-60}}
    headline: {{main: 通融达道 思源致远, vertical: true}}
    byline: 本报记者 林芸
    body: [{TEXT * 30}]
""")
    title = cells(p.lines)
    assert "".join(l.text for l in title) == "通融达道思源致远"  # the space: a blank cell
    size = title[0].size
    steps = [b.baseline - a.baseline for a, b in zip(title, title[1:])]
    assert steps == [pytest.approx(size)] * 3 + [pytest.approx(2 * size)] + [
        pytest.approx(size)] * 3  # one em a character, two across the space
    assert all(l.vertical for l in title)
    # centred in the article's last column, which it takes from the article's top
    centre = PB.column_x(4) + PB.column_width / 2
    assert {round(l.left + l.width / 2, 3) for l in title} == {round(centre, 3)}
    assert title[0].baseline - ASCENT * size >= PB.line_top(6) - 0.01
    # the byline over the other columns; the text beside the strip and under it
    byline = next(l for l in p.lines if l.kind is LineKind.BYLINE)
    assert byline.left == pytest.approx(PB.column_x(1))
    assert byline.left + byline.width <= PB.column_x(4)
    body = [l for l in p.lines if l.kind is LineKind.BODY]
    foot = max(l.baseline for l in title)
    beside = [l for l in body if l.left >= PB.column_x(4) - 0.01]
    assert beside and min(l.baseline for l in beside) > foot + PB.pitch  # a blank line
    assert {l.grid_line for l in body if l.left < PB.column_x(2)} >= {7, 8}
    # nothing of the text in the strip
    strip = Occupancy(PB)
    strip.add_lines(title)
    text = Occupancy(PB)
    text.add_lines(body)
    assert not strip.cells & text.cells


def test_a_vertical_title_at_the_left_reads_first(write_manifest):
    _, p = page(write_manifest, f"""\
  - region: {{columns: 1-4, lines: 6-60}}
    headline: {{main: 初心如磐, vertical: left}}
    byline: 本报记者 林芸
    body: [{TEXT * 30}]
""")
    title = cells(p.lines)
    centre = PB.column_x(1) + PB.column_width / 2
    assert {round(l.left + l.width / 2, 3) for l in title} == {round(centre, 3)}
    byline = next(l for l in p.lines if l.kind is LineKind.BYLINE)
    assert byline.left == pytest.approx(PB.column_x(1))  # under the title, where the text starts
    assert byline.baseline > max(l.baseline for l in title) + PB.pitch
    first = min((l for l in p.lines if l.kind is LineKind.BODY), key=lambda l: (l.left, l.baseline))
    assert first.left == pytest.approx(PB.column_x(1)) and first.baseline > byline.baseline
    assert p.text().startswith("初心如磐\n本报记者 林芸\n")


def test_marks_take_their_vertical_forms_and_copy_out_as_themselves(write_manifest, tmp_path):
    path, p = page(write_manifest, f"""\
  - region: {{columns: 1-4, lines: 6-60}}
    headline: {{main: 初心，使命——在肩！（上）, vertical: true}}
    body: [{TEXT * 4}]
""")
    title = cells(p.lines)
    assert "".join(l.text for l in title) == "初心，使命——在肩！（上）"
    face = shipped_fonts().face(title[0].glyphs[0].face)
    tools = TTFont(str(face.path), lazy=True)
    cmap, order = tools.getBestCmap(), tools.getGlyphOrder()
    glyph = face.ttf.face.charToGlyph
    for mark, form in (("，", 0xFE10), ("（", 0xFE35), ("—", 0xFE31)):
        code = face.vertical_code(mark)
        assert ord(code) == VERTICAL_BASE + ord(mark)
        assert order[glyph[ord(code)]] == cmap[form]  # the face's vertical form
    assert face.vertical_code("初") == "初"  # an ideograph stands as it is
    pdf = render_issue(path).pdf
    doc = pdfium.PdfDocument(pdf)
    try:
        text = re.sub(r"\s+", "", doc[0].get_textpage().get_text_range())
    finally:
        doc.close()
    assert "初心，使命——在肩！（上）" in text  # read back top to bottom, marks as marks


def test_two_or_three_digits_share_one_cell(write_manifest):
    _, p = page(write_manifest, f"""\
  - region: {{columns: 1-4, lines: 6-60}}
    headline: {{main: 建党99周年, vertical: true}}
    body: [{TEXT * 4}]
""")
    title = cells(p.lines)
    assert [l.text for l in title] == ["建", "党", "99", "周", "年"]
    digits = title[2]
    assert not digits.vertical and len(digits.glyphs) == 2
    used = sum(g.advance for g in digits.glyphs)
    assert used <= VERTICAL_TCY * title[0].size + 1e-6  # side by side within one em
    assert digits.glyphs[0].x >= digits.left  # centred in the cell
    assert title[3].baseline - title[1].baseline == pytest.approx(2 * title[0].size)


def test_kicker_and_subtitle_stand_beside_the_main_title(write_manifest):
    _, p = page(write_manifest, f"""\
  - region: {{columns: 1-4, lines: 6-60}}
    headline: {{kicker: 上汽通用汽车党委, main: 通融达道, subtitle: 记基层党建, vertical: right}}
    body: [{TEXT * 6}]
""")
    kicker = [l for l in p.lines if l.kind is LineKind.KICKER]
    main = cells(p.lines)
    subtitle = [l for l in p.lines if l.kind is LineKind.SUBTITLE]
    # columns read right to left: kicker, main title, subtitle; smaller than the main
    assert min(l.left for l in kicker) > max(l.left for l in main) > max(l.left for l in subtitle)
    assert kicker[0].size < main[0].size and subtitle[0].size < main[0].size
    assert kicker[0].baseline < main[0].baseline  # the kicker from the strip's top
    assert subtitle[-1].baseline > main[-1].baseline  # the subtitle down to its foot


def test_the_make_up_sets_text_and_pictures_clear_of_the_strip(write_manifest):
    for side in ("right", "left"):
        _, p = page(write_manifest, f"""\
  - headline: {{main: 通融达道 思源致远, vertical: {side}}}
    byline: 上汽通用汽车党委
    images: [{{aspect: 4:3}}, {{aspect: 3:2}}]
    body: [{TEXT * 52}]
""", f"{side}.yaml")  # (text enough to fill the page: pictures stay within their bounds,
        # each leaving two columns of text beside it)
        title = cells(p.lines)
        strip = Occupancy(PB)
        strip.add_lines(title)
        other = Occupancy(PB)
        other.add_lines([l for l in p.lines if l.kind is not LineKind.HEADLINE
                         and l.kind is not LineKind.BANNER])
        other.add_boxes([r for r in p.rects if r.fill == "#e6e6e6"])  # the placeholders
        assert title and not strip.cells & other.cells, side
        assert not p.overflow and not p.holes, (side, [str(h) for h in p.holes])


@pytest.mark.parametrize("value,message", [
    ("{main: 标题, vertical: up}", "'up' is not one of right, left"),
    ("{main: 标题, vertical: true, fill: true}", "`fill` sets a horizontal"),
    ("{main: 标题, vertical: left, columns: 1-2}", "`columns` sets a horizontal"),
])
def test_vertical_title_mistakes_are_named(write_manifest, value, message):
    with pytest.raises(LayoutError) as err:
        page(write_manifest, f"""\
  - region: {{columns: 1-4, lines: 6-60}}
    headline: {value}
    body: [{TEXT}]
""")
    assert message in str(err.value) and "issue.yaml:" in str(err.value)


@pytest.mark.parametrize("main", ['"通融达道\\n思源致远"', "通融达道\\n思源致远"])
def test_a_line_break_in_a_vertical_title_starts_its_next_column(write_manifest, main):
    # quoted: a real line break; unquoted: a typed backslash-n, which normalization makes one
    _, p = page(write_manifest, f"""\
  - region: {{columns: 1-4, lines: 6-60}}
    headline: {{main: {main}, vertical: right}}
    body: [{TEXT * 30}]
""")
    title = cells(p.lines)
    assert "".join(l.text for l in title) == "通融达道思源致远"
    columns = sorted({round(l.left, 2) for l in title}, reverse=True)
    assert len(columns) == 2  # two columns, read right to left
    first = [l.text for l in title if round(l.left, 2) == columns[0]]
    second = [l.text for l in title if round(l.left, 2) == columns[1]]
    assert (first, second) == (list("通融达道"), list("思源致远"))
    assert [l.baseline for l in title[:4]] == [l.baseline for l in title[4:]]


@pytest.mark.parametrize("side", ["right", "left"])
def test_a_vertical_title_never_stands_on_its_own_tall_picture(write_manifest, side):
    """Issue 25, case 17: a 1:5 picture beside a vertical title on a made-up page."""
    _, p = page(write_manifest, f"""\
  - headline: {{main: 通融达道思源致远, vertical: {side}}}
    images: [{{aspect: "1:5", caption: 一张很高的图片}}]
    body: [{TEXT * 8}]
  - headline: 第二篇稿子的标题
    body: [{TEXT * 3}]
""", f"tall-{side}.yaml")
    strip = Occupancy(PB)
    strip.add_lines(cells(p.lines))
    placeholders = Occupancy(PB)
    placeholders.add_boxes([r for r in p.rects if r.fill == "#e6e6e6"], p.images)
    text = Occupancy(PB)
    text.add_lines([l for l in p.lines if l.kind not in (LineKind.HEADLINE, LineKind.BANNER,
                                                         LineKind.LABEL)])
    assert placeholders.cells and strip.cells
    assert not strip.cells & placeholders.cells and not text.cells & placeholders.cells


def test_a_made_up_vertical_title_broken_by_hand_is_sized_by_its_longest_column(
        write_manifest):
    sizes = []
    for main in ("通融达道思源致远通融达道思源致远", "通融达道思源致远\\n通融达道思源致远"):
        _, p = page(write_manifest, f"""\
  - headline: {{main: "{main}", vertical: right}}
    body: [{TEXT * 12}]
""", f"title-{len(sizes)}.yaml")
        sizes.append(cells(p.lines)[0].size)
    assert sizes[1] > sizes[0]  # two columns of eight: each half as tall as sixteen
