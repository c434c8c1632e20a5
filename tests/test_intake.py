"""`layout intake`: a reporter's .docx (made here with python-docx), .txt or .md → an
article whose text is the document's, pictures saved beside it (issue 22, point 3)."""
from __future__ import annotations

import io
import re

import pytest
from click.testing import CliRunner
from docx import Document
from docx.shared import Inches
from PIL import Image

from layout.cli import main
from layout.intake import paragraphs
from layout.manifest import load_issue
from layout.model import Figure, Subhead
from layout.text.normalize import normalize


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def png(width: int, height: int, colour=(200, 80, 40)) -> io.BytesIO:
    data = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(data, "PNG")
    data.seek(0)
    return data


def laomo(path):
    """Styles used as Word gives them: Title, Subtitle, bold subheads, a picture."""
    d = Document()
    d.add_paragraph("弘扬劳模精神、劳动精神、工匠精神", style="Subtitle")
    d.add_paragraph("仇杰等四人荣获“全国劳动模范”称号", style="Title")
    d.add_paragraph("——2020年全国劳动模范和先进工作者表彰大会在京举行")
    d.add_paragraph("本报记者 林芸")
    d.add_paragraph("11月24日，2020年全国劳动模范和先进工作者表彰大会在北京人民大会堂隆重"
                    "举行,上汽集团4人荣获“全国劳动模范”称号。")
    d.add_paragraph().add_run("劳模精神代代相传").bold = True
    d.add_paragraph("他们是新时代的奋斗者，在各自岗位上创造了不平凡的业绩。")
    d.add_picture(png(400, 300), width=Inches(3))
    d.add_paragraph("图为仇杰（左二）在生产一线。（林芸 摄）")
    d.add_paragraph("大会号召全社会向劳动模范学习，弘扬工匠精神。")
    d.save(path)


def fenjin(path):
    """No styles at all: the title by position, 编者按, Heading 2 subheads, a signature."""
    d = Document()
    d.add_paragraph("奋进路上 党旗飘扬")
    d.add_paragraph("记者 王敏  通讯员 李强")
    d.add_paragraph("编者按：在建党99周年之际，本报推出专版，展示基层党组织的风采。")
    d.add_paragraph("上汽大众党委坚持“五个在前”，让党员品牌熠熠生辉。")
    d.add_paragraph("使命融心", style="Heading 2")
    d.add_paragraph("党员冲锋在前 ,勇挑重担...在疫情防控中发挥了战斗堡垒作用。")
    d.add_paragraph("图为党员志愿者在复工现场。")
    d.add_picture(png(300, 400), width=Inches(2))
    d.add_paragraph("（尚启轩）")
    d.save(path)


def ruiyi(path):
    """Kicker styled as a heading over a Heading 1 title, web debris in the text, two
    pictures, the caption over the second."""
    d = Document()
    d.add_paragraph("锐意进取", style="Heading 3")
    d.add_paragraph("打造线上线下相融合的用户服务平台", style="Heading 1")
    d.add_paragraph("通讯员 陈燕")
    d.add_paragraph("\ufeff2020年以来,上汽销售积极拓展线上渠道。\u200b")
    d.add_picture(png(640, 360), width=Inches(3))
    d.add_paragraph("图为线上发布会现场（陈燕 摄）")
    d.add_paragraph("用户服务平台上线以来，累计服务用户超过100万人次。")
    d.add_paragraph("图为平台界面")
    d.add_picture(png(320, 320, (20, 120, 200)), width=Inches(2))
    d.add_paragraph("下一步，上汽销售将继续完善平台功能。")
    d.save(path)


def document_text(path) -> str:
    d = Document(str(path))
    return "".join(normalize(p.text, body=False)[0] for p in d.paragraphs)


@pytest.mark.parametrize("make", [laomo, fenjin, ruiyi])
def test_a_word_file_becomes_an_article_with_the_document_s_text(tmp_path, make):
    story = tmp_path / "story.docx"
    make(story)
    run = CliRunner().invoke(main, ["intake", str(story)])
    assert run.exit_code == 0, run.output
    manifest = tmp_path / "story.yaml"
    issue = load_issue(manifest)  # (a manifest layout reads)
    text = CliRunner().invoke(main, ["text", str(manifest)])
    assert text.exit_code == 0, text.output
    assert squeeze(text.output) == squeeze(document_text(story)).replace("编者按：", "编者按")
    figures = [b for b in issue.articles[0].blocks if isinstance(b, Figure)]
    saved = sorted(tmp_path.glob("story-*.png"))
    assert [f.file.name for f in figures] == [p.name for p in saved] and saved
    assert all(f.caption for f in figures) or make is fenjin
    # the picture is the document's own
    d = Document(str(story))
    blobs = [r.target_part.blob for r in d.part.rels.values() if "image" in r.reltype]
    assert sorted(p.read_bytes() for p in saved) == sorted(blobs)
    render = CliRunner().invoke(main, ["render", str(manifest), "-o", str(tmp_path / "s.pdf"),
                                       "--allow-overflow"])
    assert render.exit_code == 0, render.output


def test_the_parts_are_told_apart_and_unsure_ones_marked(tmp_path):
    story = tmp_path / "story.docx"
    fenjin(story)
    run = CliRunner().invoke(main, ["intake", str(story), "-o", str(tmp_path / "p.yaml")])
    assert run.exit_code == 0, run.output
    written = (tmp_path / "p.yaml").read_text(encoding="utf-8")
    assert "# the first line taken as the title" in written
    a = load_issue(tmp_path / "p.yaml").articles[0]
    assert a.headline.main == "奋进路上 党旗飘扬" and a.byline == "记者 王敏 通讯员 李强"
    assert a.note.text.startswith("在建党99周年之际")
    assert [b.text for b in a.blocks if isinstance(b, Subhead)] == ["使命融心"]
    assert a.blocks[-1].text == "（尚启轩）" and type(a.blocks[-1]).__name__ == "Signature"
    # normalized as it was written: the manifest holds what will print
    assert "党员冲锋在前，勇挑重担……在疫情防控中" in written
    assert "1 decision(s) to check" in run.output or "decision(s) to check" in run.output


def test_never_overwrites_without_force(tmp_path):
    story = tmp_path / "story.docx"
    laomo(story)
    (tmp_path / "story.yaml").write_bytes(b"mine\n")
    run = CliRunner().invoke(main, ["intake", str(story)])
    assert run.exit_code == 2 and "exists already" in run.output
    assert (tmp_path / "story.yaml").read_bytes() == b"mine\n"
    assert not list(tmp_path.glob("story-*.png"))  # nothing written
    (tmp_path / "story.yaml").unlink()
    (tmp_path / "story-1.png").write_bytes(b"a photo of mine")
    run = CliRunner().invoke(main, ["intake", str(story)])
    assert run.exit_code == 2 and "story-1.png exists already" in run.output
    assert (tmp_path / "story-1.png").read_bytes() == b"a photo of mine"
    run = CliRunner().invoke(main, ["intake", str(story), "--force"])
    assert run.exit_code == 0 and (tmp_path / "story-1.png").read_bytes() != b"a photo of mine"


ISSUE = """\
# 版面: 第3版 (an editor's comment, kept)
manifest: 1
paper: 上汽报
date: 2020-07-01
page: 3
template: news-tabloid
articles:
  - headline: 第一篇   # kept too
    body: [第一篇的正文。]
normalize: true
"""


def test_append_adds_the_article_and_keeps_every_other_byte(tmp_path):
    issue = tmp_path / "issue.yaml"
    issue.write_text(ISSUE, encoding="utf-8")
    story = tmp_path / "b.txt"
    story.write_text("新闻标题在这里\n本报记者 张三\n　　第一段正文。\\n第二段正文，“好“的。\n"
                     "此致敬礼? ? ? ?申请人\n", encoding="utf-8")
    run = CliRunner().invoke(main, ["intake", str(story), "--append", str(issue)])
    assert run.exit_code == 0, run.output
    after = issue.read_text(encoding="utf-8")
    before = ISSUE.split("normalize: true\n")[0]
    assert after.startswith(before) and after.endswith("normalize: true\n")
    added = after[len(before):-len("normalize: true\n")]
    assert "  - headline:\n      main: 新闻标题在这里\n" in added
    assert "# quote typed the wrong way round, paired again: check them" in added
    assert "# characters the source lost (typed as ? ? ?): □ marks each: check them" in added
    a = load_issue(issue).articles
    assert [x.headline.main for x in a] == ["第一篇", "新闻标题在这里"]
    assert [b.text for b in a[1].blocks] == ["第一段正文。", "第二段正文，“好”的。",
                                             "此致敬礼□□□□申请人"]


def test_markdown_headings_and_bold_lines(tmp_path):
    story = tmp_path / "s.md"
    story.write_text("# 标题一行\n\n——副题一行\n\n通讯员 李四\n\n正文第一段。\n\n"
                     "## 小标题\n\n正文第二段。\n\n**加粗小标题**\n\n正文第三段。\n",
                     encoding="utf-8")
    run = CliRunner().invoke(main, ["intake", str(story)])
    assert run.exit_code == 0, run.output
    a = load_issue(tmp_path / "s.yaml").articles[0]
    assert (a.headline.main, a.headline.subtitle, a.byline) == ("标题一行", "——副题一行",
                                                                 "通讯员 李四")
    assert [type(b).__name__ for b in a.blocks] == ["Paragraph", "Subhead", "Paragraph",
                                                    "Subhead", "Paragraph"]


def test_a_long_credit_under_the_title_is_the_byline(tmp_path):
    """A line opening with a reporter's role and rank (text/credits.py), too long for the
    importer's byline, is the byline of a story still."""
    credit = "首席记者 阮希琼 见习记者 李明 实习生 王五 赵六 钱七 孙八"
    story = tmp_path / "s.md"
    story.write_text(f"# 标题一行\n\n{credit}\n\n正文第一段。\n", encoding="utf-8")
    run = CliRunner().invoke(main, ["intake", str(story)])
    assert run.exit_code == 0, run.output
    a = load_issue(tmp_path / "s.yaml").articles[0]
    assert (a.headline.main, a.byline) == ("标题一行", credit)
    assert [b.text for b in a.blocks] == ["正文第一段。"]


def test_a_file_that_is_not_a_story_is_refused_in_words(tmp_path):
    bad = tmp_path / "s.docx"
    bad.write_bytes(b"not a zip")
    run = CliRunner().invoke(main, ["intake", str(bad)])
    assert run.exit_code == 2 and "not a Word .docx file" in run.output
    run = CliRunner().invoke(main, ["intake", str(tmp_path / "s.pdf")])
    assert run.exit_code == 2 and "is not a story layout reads" in run.output
    body = tmp_path / "t.txt"
    body.write_text("这是一段很长的正文，没有标题，一开始就是正文的句子。" * 3, encoding="utf-8")
    run = CliRunner().invoke(main, ["intake", str(body)])
    assert run.exit_code == 2 and "no title" in run.output
    assert not (tmp_path / "t.yaml").exists()


def test_pasted_text_is_parted_where_its_paragraphs_end():
    assert paragraphs("第一段。\\n第二段。  第三段。\u3000\u3000第四段\xa0\xa0\xa0\xa0第五段"
                      "\n\n第六段") == ["第一段。", "第二段。", "第三段。", "第四段", "第五段",
                                       "第六段"]
    assert paragraphs("电  话：025") == ["电  话：025"]  # two spaces inside a sentence stay


BODY_FILE = """\
manifest: 1
paper: 测试报
date: 2021-03-04
page: 2
template: news-tabloid
articles:
  - headline: 标题
    body: {file: story.txt}
"""


def test_a_body_may_be_read_from_a_text_file_beside_the_manifest(tmp_path):
    (tmp_path / "issue.yaml").write_text(BODY_FILE, encoding="utf-8")
    (tmp_path / "story.txt").write_text("\ufeff第一段,正文。\n\n　　第二段正文。\n",
                                        encoding="utf-8")
    issue = load_issue(tmp_path / "issue.yaml")
    blocks = issue.articles[0].blocks
    assert [b.text for b in blocks] == ["第一段，正文。", "第二段正文。"]
    assert blocks[1].origin.line == 3 and blocks[1].origin.file.name == "story.txt"
    assert any(e.origin.file.name == "story.txt" for e in issue.edits)
    from layout.pipeline import page_inputs
    from layout.templates import load_template
    assert (tmp_path / "story.txt").resolve() in page_inputs(issue, load_template(
        "news-tabloid"))
    (tmp_path / "story.txt").unlink()
    from layout.errors import LayoutError
    with pytest.raises(LayoutError, match="issue.yaml:8: .*story.txt' not found"):
        load_issue(tmp_path / "issue.yaml")


def test_append_opens_a_manifest_begun_with_no_article(tmp_path):
    issue = tmp_path / "issue.yaml"
    begun = ISSUE.split("articles:\n")[0] + "articles: []   # the page's stories\n"
    issue.write_text(begun + "normalize: true\n", encoding="utf-8")
    story = tmp_path / "b.txt"
    story.write_text("新闻标题在这里\n本报记者 张三\n　　第一段正文。\n", encoding="utf-8")
    run = CliRunner().invoke(main, ["intake", str(story), "--append", str(issue)])
    assert run.exit_code == 0, run.output
    after = issue.read_text(encoding="utf-8")
    assert after.startswith(ISSUE.split("articles:\n")[0] + "articles:   # the page's stories\n")
    assert after.endswith("normalize: true\n")
    (article,) = load_issue(issue).articles
    assert article.headline.main == "新闻标题在这里"
    assert [b.text for b in article.blocks] == ["第一段正文。"]
