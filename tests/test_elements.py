"""Page elements on the placed page, asserted in grid units and points."""
from __future__ import annotations

import collections

import pypdfium2 as pdfium
import pytest
from click.testing import CliRunner
from PIL import Image as PILImage

from layout import layout_issue
from layout.cli import main
from layout.errors import LayoutError
from layout.flow import ASCENT, BOX_PADDING
from layout.model import LineKind
from layout.templates import load_template

PB = load_template("party-building")
NEWS = load_template("news")
TEXT = "党员冲在一线、干在一线，在抗击疫情中冲锋在前，在复工复产中硬核担当，在市场搏击中开拓奋进。"

HEAD = """\
manifest: 1
paper: 上汽报
date: 2020-11-27
issue: 1090
page: 4
page_name: 党建专版
editors: 责任编辑 尚启轩
template: {template}
articles:
"""


def page(write_manifest, template: str, articles: str, name: str = "issue.yaml"):
    path = write_manifest(HEAD.format(template=template) + articles, name)
    return layout_issue(path)


def on_grid(t, line) -> bool:
    top = t.line_top(line.grid_line)
    return line.baseline == pytest.approx(top + (t.pitch - line.size) / 2 + ASCENT * line.size)


def test_banner_and_header(write_manifest):
    p = page(write_manifest, "party-building", f"  - slot: full\n    body: [{TEXT}]\n")
    banner = p.rects[1]
    assert (banner.x, banner.y, banner.fill) == (pytest.approx(PB.column_x(1)),
                                                 pytest.approx(PB.line_top(1)), "#c8161d")
    assert banner.height == pytest.approx(5 * PB.pitch - PB.pitch / 2)
    title = next(l for l in p.lines if l.kind is LineKind.BANNER)
    assert title.text == "奋进路上 党旗飘扬" and title.color == "#ffffff"
    assert banner.y < title.baseline < banner.y + banner.height
    left, right = [l for l in p.lines if l.kind is LineKind.HEADER]
    assert left.text.split() == ["上汽报", "2020年11月27日", "星期五", "第1090期"]
    assert right.text.split() == ["第4版", "党建专版", "责任编辑", "尚启轩"]
    assert max(g.x + g.advance for g in right.glyphs) == pytest.approx(left.left + left.width)
    assert left.baseline < PB.margin_top  # above the grid
    first_body = min(l.grid_line for l in p.lines if l.kind is LineKind.BODY)
    assert first_body == 6  # the text starts under the banner


def test_slots_and_their_errors(write_manifest):
    p = page(write_manifest, "party-building",
             f"  - slot: lead\n    body: [{TEXT}]\n  - slot: side\n    body: [{TEXT}]\n")
    def columns_of(text_lines):
        return {round((l.left - PB.margin_left) / (PB.column_width + PB.gutter)) + 1
                for l in text_lines}
    body = [l for l in p.lines if l.kind is LineKind.BODY]
    half = len(body) // 2
    assert columns_of(body[:half]) <= {1, 2, 3, 4} and 1 in columns_of(body[:half])
    assert columns_of(body[half:]) <= {5, 6} and 5 in columns_of(body[half:])
    with pytest.raises(LayoutError, match="no slot 'middle'.*") as info:
        page(write_manifest, "party-building", f"  - slot: middle\n    body: [{TEXT}]\n")
    assert "full, lead, side" in str(info.value)
    with pytest.raises(LayoutError, match="article 2 overlaps article 1"):
        page(write_manifest, "party-building",
             f"  - slot: full\n    body: [{TEXT}]\n  - slot: side\n    body: [{TEXT}]\n")
    with pytest.raises(LayoutError, match="inside the banner"):
        page(write_manifest, "party-building",
             f"  - region: {{columns: 1-2, lines: 3-20}}\n    body: [{TEXT}]\n")


def test_editors_note_box_spans_the_article(write_manifest):
    p = page(write_manifest, "news", f"""\
  - slot: top
    headline: 标题
    note: {{label: 编者按, text: {TEXT * 3}}}
    body: [{TEXT}]
""")
    notes = [l for l in p.lines if l.kind is LineKind.NOTE]
    frame = next(r for r in p.rects if r.stroke == NEWS.accent and r.height > 0)
    assert frame.x == pytest.approx(NEWS.column_x(1))
    assert frame.width == pytest.approx(NEWS.column_x(8) + NEWS.column_width - NEWS.column_x(1))
    assert all(on_grid(NEWS, l) for l in notes)
    first = notes[0]
    assert first.text.startswith("编者按") and first.glyphs[0].face == "hei"
    assert first.glyphs[-1].face == "kai"
    assert first.glyphs[0].x == pytest.approx(frame.x + BOX_PADDING * 9)
    # the frame runs through the blank lines above and below the text
    assert frame.y == pytest.approx(NEWS.line_top(first.grid_line - 1) + NEWS.pitch / 2)
    assert frame.height == pytest.approx((len(notes) + 1) * NEWS.pitch)
    body = min(l.grid_line for l in p.lines if l.kind is LineKind.BODY)
    assert body == notes[-1].grid_line + 2


UPPER = "  - region: {{columns: 4-8, lines: 1-rest}}\n    body: [{text}]\n"


def article(title: str, region: str) -> str:
    return f"  - headline: {title}\n    region: {region}\n    body: [{TEXT}]\n"


def test_stacked_articles_follow_the_text_above_them(write_manifest):
    tops = []
    for upper in (TEXT, TEXT * 6):  # however long the text above, the next starts under it
        p = page(write_manifest, "news", UPPER.format(text=upper)
                 + article("标题二", "{columns: 4-8, below: 1}")
                 + article("标题三", "{columns: 5-8, below: 2}"))  # a chain of three
        alone = page(write_manifest, "news", UPPER.format(text=upper), "alone.yaml")
        bottom = max(l.grid_line for l in alone.lines if l.kind is LineKind.BODY)
        two, three = [l for l in p.lines if l.kind is LineKind.HEADLINE]
        assert (two.text, three.text) == ("标题二", "标题三")
        # article 2's headline band starts after one blank line under article 1's text
        assert NEWS.line_top(bottom + 2) < two.baseline - ASCENT * two.size
        assert two.baseline < NEWS.line_top(bottom + 6)
        assert three.baseline > two.baseline + 3 * NEWS.pitch
        tops.append(two.baseline)
    assert tops[1] > tops[0] + 3 * NEWS.pitch


def test_stacking_errors(write_manifest):
    with pytest.raises(LayoutError, match=r"article 2: `below: 3` must name an article "
                                          r"before it \(1-1\)"):
        page(write_manifest, "news", UPPER.format(text=TEXT)
             + article("二", "{columns: 4-8, below: 3}") + article("三", "{columns: 1-3}"))
    with pytest.raises(LayoutError, match="the first article has none above it"):
        page(write_manifest, "news", article("一", "{columns: 4-8, below: 1}"))
    with pytest.raises(LayoutError, match="no lines left under article 1, which ends on"):
        page(write_manifest, "news", UPPER.format(text=TEXT * 40)
             + article("二", "{columns: 4-8, lines: 1-30, below: 1}"))
    with pytest.raises(LayoutError, match="article 3 overlaps article 2"):  # not stacked on 2
        page(write_manifest, "news", UPPER.format(text=TEXT)
             + article("二", "{columns: 1-3, lines: 1-rest}")
             + article("三", "{columns: 3-8, below: 1}"))


def test_run_in_subhead_signature_comment_and_quote(write_manifest):
    p = page(write_manifest, "news", f"""\
  - slot: left
    body:
      - {{lead: 党员信念在前，, text: {TEXT}}}
      - {{comment: {TEXT}, attribution: （上汽销售党委书记 李文红）}}
      - {{quote: 一个支部就是一座堡垒}}
      - {TEXT}
      - {{signature: （尚启轩）}}
""")
    lead = next(l for l in p.lines if l.kind is LineKind.BODY)
    assert lead.text.startswith("党员信念在前，")
    assert [g.face for g in lead.glyphs[:7]] == ["hei"] * 7 and lead.glyphs[7].face == "song"
    assert lead.glyphs[0].x == pytest.approx(lead.left + NEWS.indent)
    sign = next(l for l in p.lines if l.kind is LineKind.SIGNATURE and l.text == "（尚启轩）")
    assert max(g.x + g.advance for g in sign.glyphs) == pytest.approx(sign.left + sign.width,
                                                                      abs=4.6)
    notes = [l for l in p.lines if l.kind is LineKind.NOTE]
    assert notes[0].text.startswith("微评")
    attribution = notes[-1]
    assert [l.text for l in notes[-2:]] == ["（上汽销售党委书记", "李文红）"]
    assert attribution.text.endswith("李文红）")
    assert max(g.x + g.advance for g in attribution.glyphs) == pytest.approx(
        attribution.left + attribution.width, abs=4.6)
    quote = next(l for l in p.lines if l.kind is LineKind.QUOTE)
    rules = [r for r in p.rects if r.height == 0 and r.width == pytest.approx(NEWS.column_width)]
    assert len(rules) == 2 and rules[0].y < quote.baseline < rules[1].y
    assert all(on_grid(NEWS, l) for l in p.lines if l.grid_line is not None
               and l.kind in (LineKind.BODY, LineKind.NOTE))


def test_picture_is_an_obstacle_the_text_flows_around(write_manifest):
    p = page(write_manifest, "news", f"""\
  - slot: top
    images:
      - {{columns: 2-3, line: 4, lines: 10, caption: 上汽通用武汉分公司成立党员突击队}}
    body: [{TEXT * 40}]
""")
    box = next(r for r in p.rects if r.fill == "#e6e6e6")
    assert box.x == pytest.approx(NEWS.column_x(2))
    assert box.width == pytest.approx(2 * NEWS.column_width + NEWS.gutter)
    assert box.y == pytest.approx(NEWS.line_top(4)) and box.height == pytest.approx(10 * NEWS.pitch)
    caption = [l for l in p.lines if l.kind is LineKind.CAPTION]
    assert caption and caption[0].grid_line == 14 and on_grid(NEWS, caption[0])
    label = next(l for l in p.lines if l.kind is LineKind.LABEL)
    assert label.text == "图片" and box.y < label.baseline < box.y + box.height
    taken = {(c, g) for c in (2, 3) for g in range(4, 4 + 10 + len(caption) + 1)}
    for line in (l for l in p.lines if l.kind is LineKind.BODY):
        column = round((line.left - NEWS.margin_left) / (NEWS.column_width + NEWS.gutter)) + 1
        assert (column, line.grid_line) not in taken
    assert any(l.kind is LineKind.BODY and l.grid_line == 3 and l.left == pytest.approx(
        NEWS.column_x(2)) for l in p.lines)  # text above the picture in its columns


def test_real_picture_and_its_checks(write_manifest, tmp_path):
    PILImage.new("RGB", (60, 40), "red").save(tmp_path / "photo.png")
    p = page(write_manifest, "news", f"""\
  - slot: top
    images: [{{columns: 1-2, lines: 8, file: photo.png}}]
    body: [{TEXT}]
""")
    (image,) = p.images
    assert image.file == tmp_path / "photo.png" and image.fit == "crop"
    assert any("dpi" in note for note in p.notes)  # 60 px over 243 pt is far too few
    outside = tmp_path.parent / "elsewhere.png"
    PILImage.new("RGB", (10, 10)).save(outside)
    article = "  - slot: top\n    images: [{columns: 1, lines: 8, file: ../elsewhere.png}]\n"
    with pytest.raises(LayoutError, match="outside the manifest's folder") as info:
        page(write_manifest, "news", article)
    assert info.value.line == 11
    allowed = (HEAD.format(template="news") + article).replace(
        "template: news", "template: news\nallow_outside_paths: true")
    assert layout_issue(write_manifest(allowed)).images[0].file == outside.resolve()


def test_columns_balance_where_the_article_ends(write_manifest):
    p = page(write_manifest, "news", f"  - slot: left\n    body: [{TEXT * 12}]\n")
    per_column = collections.Counter(round(l.left) for l in p.lines if l.kind is LineKind.BODY)
    counts = [per_column[x] for x in sorted(per_column)]
    # the least height that holds the text: full columns, the last one no longer
    height = counts[0]
    assert len(counts) == 5 and counts[:-1] == [height] * 4 and 1 <= counts[-1] <= height
    assert sum(counts) > 5 * (height - 1)
    rules = [r for r in p.rects if r.width == 0]
    assert len(rules) == 4  # one in each gutter between columns that hold text


def test_continuation_notes(write_manifest):
    p = page(write_manifest, "news", f"""\
  - slot: left
    continued_from: 1
    continues_on: 5
    body: [{TEXT}]
""")
    texts = [l.text for l in p.lines if l.kind is LineKind.SIGNATURE]
    assert texts == ["（上接第1版）", "（下转第5版）"]


def test_png_preview(tmp_path):
    from conftest import SAMPLE
    out = tmp_path / "page.pdf"
    result = CliRunner().invoke(main, ["render", str(SAMPLE), "-o", str(out), "--png",
                                       "--png-dpi", "36"])
    assert result.exit_code == 0, result.output
    with PILImage.open(tmp_path / "page.png") as png:
        assert png.size[0] == pytest.approx(PB.page_width / 2, abs=1)
        assert png.size[1] == pytest.approx(PB.page_height / 2, abs=1)


def test_grid_guides_on_the_preview(tmp_path):
    from conftest import SAMPLE
    from layout.render.preview import MODULE_FRAME

    out = tmp_path / "page.pdf"
    result = CliRunner().invoke(main, ["render", str(SAMPLE), "-o", str(out), "--grid"])
    assert result.exit_code == 0 and "page.png" in result.output
    scale = 100 / 72
    fit = layout_issue(SAMPLE).fits[0]  # the article's module, framed
    x = round(PB.column_x(fit.first_column) * scale)
    y = round((PB.line_top(fit.first_line) + PB.pitch * 3) * scale)
    with PILImage.open(tmp_path / "page.png") as png:
        assert png.getpixel((x, y))[:3] == MODULE_FRAME[:3]
    # and on a proof PDF beside the page's, which stays as it prints
    proof = tmp_path / "page-grid.pdf"
    assert "page-grid.pdf" in result.output
    printed = out.read_bytes()
    doc = pdfium.PdfDocument(proof.read_bytes())
    try:
        pixels = doc[0].render(scale=scale).to_pil()
        near = [pixels.getpixel((x + dx, y))[:3] for dx in range(-2, 3)]
        assert any(r > 200 and g < 90 and b > 110 for r, g, b in near)  # the module's frame
        text = doc[0].get_textpage().get_text_range()
        assert "1" in text and "奋进路上" in text  # its number, over the page itself
    finally:
        doc.close()
    plain = CliRunner().invoke(main, ["render", str(SAMPLE), "-o", str(out), "--png"])
    assert plain.exit_code == 0
    assert out.read_bytes() == printed  # the guides never reach the page's own PDF
    with PILImage.open(tmp_path / "page.png") as png:
        assert png.getpixel((x, y))[:3] != MODULE_FRAME[:3]


def test_headline_over_chosen_columns(write_manifest):
    p = page(write_manifest, "news", f"""\
  - slot: left
    headline: {{main: 两栏标题, columns: 2-3, size: 小一}}
    body: [{TEXT * 6}]
""")
    head = next(l for l in p.lines if l.kind is LineKind.HEADLINE)
    assert head.left == pytest.approx(NEWS.column_x(2))
    assert head.width == pytest.approx(2 * NEWS.column_width + NEWS.gutter)
    assert head.size == 24.0
    body = [l for l in p.lines if l.kind is LineKind.BODY]
    first_col = [l for l in body if l.left == pytest.approx(NEWS.column_x(1))]
    second_col = [l for l in body if l.left == pytest.approx(NEWS.column_x(2))]
    assert first_col[0].grid_line == 46  # beside the headline: from the top of the slot
    assert second_col[0].grid_line > 46 + 2  # under it
    assert head.baseline < NEWS.line_top(second_col[0].grid_line)


def test_soft_picture_is_reported_by_the_command(write_manifest, tmp_path):
    PILImage.new("RGB", (60, 40), "red").save(tmp_path / "photo.png")
    path = write_manifest(HEAD.format(template="news") + f"""\
  - slot: top
    images: [{{columns: 1-2, lines: 8, file: photo.png}}]
    body: [{TEXT}]
""")
    result = CliRunner().invoke(main, ["render", str(path), "-o", str(tmp_path / "p.pdf")])
    assert result.exit_code == 0
    assert "photo.png prints at" in result.output and "dpi" in result.output


def signed(write_manifest, text: str):
    """The body lines and the signature of a one-paragraph article signed （尚启轩）."""
    p = page(write_manifest, "news", f"""\
  - slot: left
    body:
      - {text}
      - signature: （尚启轩）
""")
    body = [l for l in p.lines if l.kind is LineKind.BODY]
    assert all(l.glyphs for l in body) and "".join(l.text for l in body) == text
    return body, next(l for l in p.lines if l.kind is LineKind.SIGNATURE)


def test_signature_shares_the_last_line_the_paragraph_keeps_room_for(write_manifest):
    body, sign = signed(write_manifest, "新时代，征程万里风正劲；新四化，策马扬鞭再奋蹄。"
                                        "上汽人在新的征程上奋勇向前，书写新的篇章。")
    assert sign.grid_line == body[-1].grid_line  # on the paragraph's last line
    assert max(g.x + g.advance for g in sign.glyphs) == pytest.approx(sign.left + sign.width,
                                                                      abs=4.6)
    last = [g for g in body[-1].glyphs if not g.char.isspace()]
    assert len([g for g in last if g.char not in "，。"]) >= 2  # no single-character line


def test_signature_takes_its_own_line_when_the_last_word_leaves_no_room(write_manifest):
    # the paragraph ends in a word and a dash that cannot be parted (禁则): with the room
    # for the signature they would be wider than the column, so the room is given up
    body, sign = signed(write_manifest, "上汽集团持续推进新四化战略，打造全新的ABCDEFGHIJKLMN——")
    assert body[-1].text.endswith("ABCDEFGHIJKLMN——")
    assert sign.text == "（尚启轩）"  # after the last line (below it, or atop the next column)
    assert (sign.left, sign.grid_line) > (body[-1].left, body[-1].grid_line)


def test_a_subhead_never_stands_at_a_column_foot_with_less_than_two_lines_under_it(
        write_manifest):
    for n in range(69, 132, 7):  # move the subhead down column 1 a line at a time
        p = page(write_manifest, "news", f"""\
  - region: {{columns: 1-2, lines: 1-30}}
    body:
      - {"党" * n}
      - subhead: 小标题
      - {TEXT * 3}
""")
        head = next(l for l in p.lines if l.kind is LineKind.SUBHEAD)
        under = [l for l in p.lines if l.kind is LineKind.BODY and l.left == head.left
                 and l.grid_line > head.grid_line]
        assert len(under) >= 2, (n, head.grid_line)


def test_subhead_with_a_second_line(write_manifest):
    p = page(write_manifest, "news", f"""\
  - slot: left
    body:
      - subhead: 使命融心
        second: 为了共同的梦想，同心同行
      - {TEXT}
""")
    first, second = [l for l in p.lines if l.kind is LineKind.SUBHEAD]
    assert (first.text, second.text) == ("使命融心", "为了共同的梦想，同心同行")
    assert first.size == 10.5 and second.size == 9.0 and second.glyphs[0].face == "kai"
    # one block of two lines a row apart in three grid lines (the 2行 subhead's extra line
    # above it): the second line, at the body size, on the grid like the text beside it
    body = next(l for l in p.lines if l.kind is LineKind.BODY)
    assert second.grid_line == first.grid_line + 1 == body.grid_line - 1
    assert on_grid(NEWS, second)
    assert second.baseline - first.baseline == pytest.approx(NEWS.pitch, abs=1.0)
    assert first.grid_line == NEWS.slots["left"].first_line + 1  # the blank line above it


def test_a_long_subhead_is_one_block_of_lines_a_row_apart(write_manifest):
    p = page(write_manifest, "news", f"""\
  - region: {{columns: 1-1, lines: 46-90}}
    body:
      - subhead: 上汽大众：让“五个在前”党员品牌熠熠生辉
      - {TEXT}
""")
    heads = [l for l in p.lines if l.kind is LineKind.SUBHEAD]
    assert "".join(l.text for l in heads) == "上汽大众：让“五个在前”党员品牌熠熠生辉"
    assert len(heads) == 2  # 20 characters of 五号 in a 13-字 column of 小五
    assert heads[1].baseline - heads[0].baseline == pytest.approx(NEWS.pitch)
    body = next(l for l in p.lines if l.kind is LineKind.BODY)
    assert body.grid_line == heads[0].grid_line + 3  # 2 rows + half a line above and below


def test_kicker_and_subtitle_fit_their_width(write_manifest):
    # in two columns of 11 字 (23 字, 207 pt wide) a 14-字 kicker at 小二 would wrap: it is set a
    # 字号 smaller on one line; under a 二号 main title it is at most 三号 (two steps below)
    p = page(write_manifest, "party-building", f"""\
  - region: {{columns: 1-2, lines: 6-rest}}
    headline:
      kicker: 推进智能驾驶核心技术应用落地
      main: 联创汽车
      subtitle: ——上汽销售客户服务系统项目组的故事
      size: 二号
    body: [{TEXT * 4}]
  - region: {{columns: 3-6, lines: 6-rest}}
    headline: {{kicker: 短引题, main: 主题, size: 二号}}
    body: [{TEXT * 4}]
""")
    kickers = [l for l in p.lines if l.kind is LineKind.KICKER]
    subtitles = [l for l in p.lines if l.kind is LineKind.SUBTITLE]
    assert [l.text for l in kickers] == ["推进智能驾驶核心技术应用落地", "短引题"]
    # 四号: the largest 字号 that keeps it whole (14 字 × 15 pt would pass the 207 pt)
    assert kickers[0].size == 14.0
    assert kickers[1].size == 16.0  # 三号: two steps below the 二号 main title
    assert [l.text for l in subtitles] == ["——上汽销售客户服务系统项目组的故事"]
    assert 10.5 <= subtitles[0].size < 16.0
    width = 2 * PB.column_width + PB.gutter
    for line in kickers[:1] + subtitles:
        assert max(g.x + g.advance for g in line.glyphs) - line.left <= width + 0.01


@pytest.mark.parametrize("title", ["四中全会以来5个部委换届几成定局", "联创汽车电子与大陆集团达成战略合作",
                                   "打造线上线下相融合的用户服务平台"])
def test_a_headline_breaks_between_words_into_even_lines(write_manifest, title):
    from layout.text.words import word_ends

    p = page(write_manifest, "party-building", f"""\
  - region: {{columns: 1-2, lines: 6-rest}}
    headline: {{main: {title}, size: 二号}}
    body: [{TEXT * 4}]
""")
    lines = [l for l in p.lines if l.kind is LineKind.HEADLINE]
    assert len(lines) >= 2 and "".join(l.text for l in lines) == title
    cuts, at = [], 0
    for line in lines[:-1]:
        at += len(line.text)
        cuts.append(at)
    assert set(cuts) <= set(word_ends(title)), [l.text for l in lines]  # never inside a word
    widths = [max(g.x + g.advance for g in l.glyphs) - l.left for l in lines]
    assert max(widths) - min(widths) <= 4 * 22.0  # even: no long line over a stub


def test_a_headline_styled_for_its_article(write_manifest):
    p = page(write_manifest, "party-building", f"""\
  - region: {{columns: 1-3, lines: 6-40}}
    headline:
      kicker: {{text: 引题在此, size: 四号, face: kai}}
      main: 主题在此
      subtitle: {{text: ——副题在此, face: song}}
      face: hei-heavy
      align: center
      fill: true
    body: [{TEXT * 3}]
  - region: {{columns: 4-6, lines: 6-40}}
    headline: {{main: 右边的标题, align: right, size: 二号}}
    body: [{TEXT * 3}]
""")
    by_kind = collections.defaultdict(list)
    for line in p.lines:
        by_kind[line.kind].append(line)
    kicker, left_main = by_kind[LineKind.KICKER][0], by_kind[LineKind.HEADLINE][0]
    right_main = by_kind[LineKind.HEADLINE][1]
    subtitle = by_kind[LineKind.SUBTITLE][0]
    assert kicker.size == 14.0 and kicker.glyphs[0].face == "kai"
    assert left_main.glyphs[0].face == "hei-heavy" and subtitle.glyphs[0].face == "song"
    width = 3 * PB.column_width + 2 * PB.gutter
    used = max(g.x + g.advance for g in left_main.glyphs) - min(g.x for g in left_main.glyphs)
    assert 0.9 * width <= used <= width  # filled: the title spans its width
    assert left_main.size > 42.0  # larger than the template's headline, to fill
    for line in (kicker, left_main, subtitle):  # centred, the whole group
        left = min(g.x for g in line.glyphs) - line.left
        right = line.left + line.width - max(g.x + g.advance for g in line.glyphs)
        assert abs(left - right) < 0.25 * line.size  # (a mark's blank half, a ——'s inset aside)
    assert right_main.size == 22.0  # right-aligned: its right edge on the module's
    assert max(g.x + g.advance for g in right_main.glyphs) == pytest.approx(
        right_main.left + right_main.width, abs=0.5)


def test_an_unknown_headline_face_names_its_line(write_manifest):
    with pytest.raises(LayoutError, match=r"issue.yaml:11: headline face 'fancy'"):
        page(write_manifest, "party-building", f"""\
  - region: {{columns: 1-3, lines: 6-40}}
    headline: {{main: 主题, face: fancy}}
    body: [{TEXT}]
""")


def test_a_section_bar_over_an_article(write_manifest):
    p = page(write_manifest, "party-building", f"""\
  - region: {{columns: 1-4, lines: 6-40}}
    section: 党建动态
    headline: 主题
    body: [{TEXT * 4}]
""")
    [label] = [l for l in p.lines if l.kind is LineKind.SECTION]
    assert label.text == "党建动态" and label.color == "#ffffff"
    bars = [r for r in p.rects if r.fill == PB.accent and r.y >= PB.line_top(6) - 0.01]
    assert len(bars) == 1
    bar = bars[0]
    assert bar.x == pytest.approx(PB.column_x(1))
    assert bar.width == pytest.approx(4 * PB.column_width + 3 * PB.gutter)
    assert bar.y < label.baseline < bar.y + bar.height  # the title reversed out of the bar
    head = next(l for l in p.lines if l.kind is LineKind.HEADLINE)
    assert head.baseline - head.size > bar.y + bar.height  # the headline under it


def test_a_tinted_box(write_manifest):
    p = page(write_manifest, "party-building", f"""\
  - region: {{columns: 1-3, lines: 6-40}}
    headline: 主题
    note: 编者按的话，写在框里。
    body: [{TEXT * 2}, {{comment: 微评的话。, attribution: （某某）}}]
""")
    boxes = [r for r in p.rects if r.stroke == PB.accent and r.line_width == 0.75]
    assert len(boxes) == 2 and all(r.fill == PB.box_tint == "#fcebeb" for r in boxes)
    news = page(write_manifest, "news", f"""\
  - region: {{columns: 1-3, lines: 1-40}}
    headline: 主题
    note: 编者按的话，写在框里。
    body: [{TEXT * 2}]
""", "news.yaml")
    assert [r.fill for r in news.rects if r.line_width == 0.75] == [None]  # no tint there


@pytest.mark.parametrize("style,frames,dashed", [("double", 2, False), ("thick-thin", 2, False),
                                                 ("dashed", 1, True), ("dotted", 1, True)])
def test_a_border_around_an_article(write_manifest, style, frames, dashed):
    p = page(write_manifest, "party-building", f"""\
  - region: {{columns: 2-4, lines: 10-40}}
    border: {style}
    headline: 主题
    body: [{TEXT}]
""")
    borders = [r for r in p.rects if r.frame]
    assert len(borders) == frames and all(r.stroke == PB.accent for r in borders)
    outer = borders[0]  # through the middle of the gutters and blank lines around it
    assert outer.x == pytest.approx(PB.column_x(2) - PB.gutter / 2)
    assert outer.x + outer.width == pytest.approx(PB.column_x(4) + PB.column_width
                                                  + PB.gutter / 2)
    assert outer.y == pytest.approx(PB.line_top(10) - PB.pitch / 2)
    assert bool(outer.dash) == dashed
    assert p.holes  # a frame covers nothing: the short article's blank foot is still a hole


def test_captions_quotes_and_subheads_break_between_words(write_manifest):
    from layout.text.words import word_ends
    from test_issues import display_cuts

    caption = "图为上汽大众党员志愿者在安亭工厂为复工复产的员工测量体温、发放口罩"
    p = page(write_manifest, "party-building", f"""\
  - region: {{columns: 1-2, lines: 6-rest}}
    headline: {{main: 四中全会以来5个部委换届几成定局, size: 二号}}
    images: [{{columns: 1, line: 1, lines: 6, caption: {caption}}}]
    body:
      - {TEXT * 3}
      - {{subhead: 体验融爱, second: 围绕“三新”做好声量扩音器}}
      - {{quote: 创新的事业呼唤创新的人才，创新的企业培育创新的人才}}
      - {{picture: 8, caption: 上汽通用汽车党委书记在武汉工厂与党员突击队座谈}}
      - {TEXT * 3}
""")
    cuts = display_cuts(p.lines)
    kinds = {l.kind for l in p.lines if l.kind in (LineKind.CAPTION, LineKind.QUOTE)}
    assert kinds == {LineKind.CAPTION, LineKind.QUOTE}
    assert len(cuts) >= 5  # the title, both captions, the quote, the subhead's second line
    assert [text[:at] + "|" + text[at:] for text, at in cuts if at not in word_ends(text)] == []
    assert "".join(l.text for l in p.lines if l.kind is LineKind.CAPTION).startswith(caption)


def test_a_tinted_article_and_reversed_headlines(write_manifest):
    p = page(write_manifest, "party-building", f"""\
  - region: {{columns: 1-3, lines: 6-40}}
    tint: true
    headline: {{kicker: 上汽集团, main: 党旗飘扬在一线, reversed: true}}
    body: [{TEXT * 6}]
  - region: {{columns: 4-6, lines: 6-40}}
    tint: "#EEF3FB"
    headline: {{main: 通融达道, vertical: left, reversed: true, size: 一号}}
    body: [{TEXT * 6}]
""")
    tints = [r for r in p.rects if r.frame and r.fill]
    assert [t.fill for t in tints] == [PB.box_tint, "#eef3fb"]
    first = tints[0]  # the whole module, out to the middle of the gutters around it
    assert first.x == pytest.approx(PB.column_x(1) - PB.gutter / 2)
    assert first.y == pytest.approx(PB.line_top(6) - PB.pitch / 2)
    assert p.rects.index(first) < min(i for i, r in enumerate(p.rects)
                                      if r.fill == PB.accent and r.y > PB.line_top(6) - 1)
    assert p.holes  # a tint covers nothing: the short text's blank is still a hole
    heads = [l for l in p.lines if l.kind in (LineKind.KICKER, LineKind.HEADLINE)]
    assert heads and all(l.color == "#ffffff" for l in heads)  # reversed out
    bands = [r for r in p.rects if r.fill == PB.accent and r.y >= PB.line_top(6) - 0.01]
    assert len(bands) == 2
    horizontal, vertical = sorted(bands, key=lambda r: r.x)
    for line in heads:
        band = vertical if line.vertical else horizontal
        assert band.x <= line.glyphs[0].x and line.glyphs[-1].x + line.glyphs[-1].advance \
            <= band.x + band.width + 0.01
        assert band.y < line.baseline - 0.88 * line.size and line.baseline < band.y + band.height
    assert horizontal.width == pytest.approx(3 * PB.column_width + 2 * PB.gutter)
    assert vertical.width == pytest.approx(PB.column_width)


def test_a_tint_from_a_template_without_one_is_named(write_manifest):
    with pytest.raises(LayoutError) as err:
        page(write_manifest, "news", f"""\
  - region: {{columns: 1-3, lines: 1-40}}
    tint: true
    headline: 主题
    body: [{TEXT}]
""")
    assert "has none" in str(err.value) and 'tint: "#fcebeb"' in str(err.value)
    with pytest.raises(LayoutError) as err:
        page(write_manifest, "news", f"""\
  - tint: pink
    headline: 主题
    body: [{TEXT}]
""", "pink.yaml")
    assert "'pink' is not a tint" in str(err.value) and "pink.yaml:" in str(err.value)


def test_display_text_with_spaces_breaks_at_them_then_between_words(write_manifest):
    p = page(write_manifest, "party-building", f"""\
  - region: {{columns: 1-2, lines: 6-rest}}
    headline: {{main: 主题, size: 二号}}
    body: [{TEXT}, {{subhead: 上汽通用： “旗”心协力，欣欣向“融”}}, {TEXT * 3}]
""")
    # the space first, then after the clause's comma: not 欣欣 | 向“融” under a long line
    assert [l.text for l in p.lines if l.kind is LineKind.SUBHEAD] == [
        "上汽通用：", "“旗”心协力，", "欣欣向“融”"]


@pytest.mark.parametrize("title, em, lines", [
    # a comma, not a cut between two words of a clause (was 却引发 | 了大乱斗)
    ("两车“擦肩”而过，却引发了大乱斗，多人路边持刀斗殴", 19,
     ["两车“擦肩”而过，", "却引发了大乱斗，多人路边持刀斗殴"]),
    # no line opens with 的 (was 提起公诉 | 的岳某某)
    ("赤峰市巴林左旗人民检察院提起公诉的岳某某等7人敲诈勒索案获一审宣判", 18,
     ["赤峰市巴林左旗人民检察院提起公诉的", "岳某某等7人敲诈勒索案获一审宣判"]),
    # a number keeps its unit (was 召开2018 | 年农机化)
    ("双牌县召开2018年农机化工作会议", 10, ["双牌县召开2018年", "农机化工作会议"]),
    # no line ends with a word leaning on the next (was 消防通道被 | 长期霸占)
    ("曝光台·调查｜市场消防通道被长期霸占？事情并非想象的那样", 16,
     ["曝光台·调查｜市场消防通道", "被长期霸占？事情并非想象的那样"]),
    # nor with an adverb leaning on its verb (was 寒假作业没 | 做完, 迷路后就 | 被民警)
    ("孩子寒假作业没做完都不敢回家", 10, ["孩子寒假作业", "没做完都不敢回家"]),
    ("老人迷路后就被民警送回了家", 10, ["老人迷路后", "就被民警送回了家"]),
])
def test_a_headline_breaks_at_its_clauses_never_before_a_particle_or_a_unit(title, em, lines):
    from layout.flow import TextCache, Typesetter, sized
    from layout.fonts import shipped_fonts

    t = load_template("party-building")
    setter = Typesetter(t, shipped_fonts(), 1, 1, TextCache())
    style = sized(t.styles["headline"], 22.0)
    assert ["".join(g.char for g in line.glyphs)
            for line in setter.display_lines(title, style, em * 22.0)] == lines


def test_the_text_cache_sets_a_line_as_setting_it_afresh_would():
    """The setter's one-line table (TextCache.one_line) gives a display text, or a short
    paragraph, that it set on one line at another width: each line it gives, widths up and
    widths down, is the line a fresh cache breaks at that width."""
    from pathlib import Path

    from layout import pipeline
    from layout.flow import TextCache, Typesetter, sized
    from layout.fonts import shipped_fonts

    fonts = shipped_fonts()
    issues = Path(__file__).parent.parent / "issues"
    reused = 0
    for manifest in sorted(issues.glob("*.yaml")):
        loaded = pipeline.load(manifest)
        t = loaded.templates[0]
        texts = []
        for article in loaded.edition.pages[0].articles:
            h = article.headline
            for text, key in ((h and h.main, "headline"), (h and h.kicker, "kicker"),
                              (article.byline, "byline")):
                for part in (text or "").split("\n"):
                    texts += [(part.strip(), key), (part.strip()[:len(part) // 2], key)]
        widths = [c * t.column_width + (c - 1) * t.gutter for c in range(1, t.columns + 1)]
        for order in (widths, widths[::-1]):
            kept = Typesetter(t, fonts, 1, 1, TextCache())
            for text, key in texts:
                if not text:
                    continue
                for size in (t.styles[key].size, 14.0, 22.0, 36.0):
                    style = sized(t.styles[key], size)
                    for width in order:
                        for justify in (False, True):
                            afresh = Typesetter(t, fonts, 1, 1, TextCache())
                            assert kept.set_text(text, style, width, justify) == \
                                afresh.set_text(text, style, width, justify), (text, width)
            reused += len(kept.cache.one_line)
    assert reused > 100


def test_a_box_that_does_not_fit_its_column_lets_the_text_after_it_fill_that_column(
        write_manifest):
    # The text before the comment box leaves column 1 too few lines for it: the box stands
    # at the top of column 2 and the text after it fills column 1 first, so that no column
    # ends blank above a box moved on; every character is kept, in order.
    p = page(write_manifest, "news", f"""\
  - region: {{columns: 1-2, lines: 1-30}}
    body: [{TEXT * 5}, {{comment: 微评的话。{TEXT}, attribution: （某某）}}, {TEXT * 3}]
""")
    lefts = [NEWS.column_x(1), NEWS.column_x(2)]
    body = [l for l in p.lines if l.kind is LineKind.BODY]
    notes = [l for l in p.lines if l.kind is LineKind.NOTE]
    first_column = [l.grid_line for l in body if l.left == pytest.approx(lefts[0])]
    second_column = [l.grid_line for l in body if l.left == pytest.approx(lefts[1])]
    assert notes and all(l.left > lefts[1] for l in notes)  # (inset in its frame)
    assert min(l.grid_line for l in notes) <= 2  # at the top of column 2
    assert min(second_column) > max(l.grid_line for l in notes)  # the text under it
    assert first_column == list(range(1, len(first_column) + 1))  # no line left blank
    assert abs(max(first_column) - max(second_column)) <= 1  # balanced, not a blank foot
    assert "".join(l.text for l in body) == TEXT * 8
    assert "".join(l.text for l in notes) == f"微评 微评的话。{TEXT}（某某）"
