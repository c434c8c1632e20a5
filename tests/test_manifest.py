"""Manifest loading: frozen values, and errors that name file, line and what to do."""
from __future__ import annotations

import dataclasses
import re
import datetime as dt

import pytest

from layout.errors import LayoutError
from layout.manifest import issue_text, load_issue
from layout.model import Paragraph, Subhead

from conftest import SAMPLE

GOOD = """\
manifest: 1
paper: 测试报
date: 2021-03-04
issue: 12
page: 2
page_name: 党建专版
template: base
articles:
  - headline:
      kicker: 引题在此
      main: 主题在此
      subtitle: ——副题在此
    byline: 本报记者 林芸
    region: {columns: 2-3, lines: 5-rest}
    body:
      - 第一段。
      - subhead: 小标题
      - 第二段。
"""


def test_manifest_loads_into_frozen_values(write_manifest):
    issue = load_issue(write_manifest(GOOD))
    assert (issue.paper, issue.date, issue.issue_number, issue.page_number) == (
        "测试报", dt.date(2021, 3, 4), 12, 2)
    article = issue.articles[0]
    assert article.headline.kicker == "引题在此"
    assert article.headline.subtitle == "——副题在此"
    assert (article.region.first_column, article.region.last_column,
            article.region.first_line, article.region.last_line) == (2, 3, 5, None)
    assert [type(b) for b in article.blocks] == [Paragraph, Subhead, Paragraph]
    assert article.blocks[1].origin.line == 17
    with pytest.raises(dataclasses.FrozenInstanceError):
        issue.paper = "x"


def test_issue_text_is_in_reading_order(write_manifest):
    assert issue_text(load_issue(write_manifest(GOOD))).split("\n")[:-1] == [
        "引题在此", "主题在此", "——副题在此", "本报记者 林芸", "第一段。", "小标题", "第二段。"]


def error_of(write_manifest, text: str) -> LayoutError:
    path = write_manifest(text)
    with pytest.raises(LayoutError) as info:
        load_issue(path)
    assert info.value.file == path
    return info.value


def test_yaml_syntax_error_names_the_line(write_manifest):
    err = error_of(write_manifest, GOOD.replace("page: 2\n", "page: [2\n"))
    assert "YAML syntax" in str(err)
    assert err.line in (5, 6)


def test_unknown_key_suggests_the_nearest(write_manifest):
    err = error_of(write_manifest, GOOD.replace("    byline:", "    bylin:"))
    assert err.line == 13
    assert "unknown key" in str(err) and "did you mean `byline`?" in str(err)


def test_missing_key_says_what_to_add(write_manifest):
    err = error_of(write_manifest, GOOD.replace("paper: 测试报\n", ""))
    assert "paper: missing" in str(err) and "add `paper:`" in str(err)


def test_wrong_type_names_the_key_and_line(write_manifest):
    err = error_of(write_manifest, GOOD.replace("page: 2", "page: two"))
    assert err.line == 5
    assert "page" in str(err) and "whole number" in str(err)


def test_bad_date_and_range(write_manifest):
    assert "not a date" in str(error_of(write_manifest, GOOD.replace("2021-03-04", "March")))
    err = error_of(write_manifest, GOOD.replace("columns: 2-3", "columns: 3-2"))
    assert err.line == 14 and "first ≤ last" in str(err)


def test_duplicate_key_is_an_error(write_manifest):
    err = error_of(write_manifest, GOOD.replace("page: 2\n", "page: 2\npage: 3\n"))
    assert "given twice" in str(err) and err.line == 6


def test_empty_paragraph_is_an_error(write_manifest):
    err = error_of(write_manifest, GOOD.replace("      - 第二段。", '      - ""'))
    assert err.line == 18 and "empty" in str(err)


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(LayoutError, match="file not found"):
        load_issue(tmp_path / "nope.yaml")


def test_sample_manifest_loads():
    issue = load_issue(SAMPLE)
    assert issue.articles[0].headline.main == "奋进路上 奋斗有我"
    assert sum(isinstance(b, Subhead) for b in issue.articles[0].blocks) == 3


def test_unknown_template_names_the_manifest_line(write_manifest):
    from layout import layout_issue
    path = write_manifest(GOOD.replace("template: base", "template: basse"))
    with pytest.raises(LayoutError) as info:
        layout_issue(path)
    assert (info.value.file, info.value.line) == (path, 7)
    assert "party-building" in str(info.value)  # lists the shipped templates


MISTAKES = """\
manifest: 1
paper: 上汽报
date: 2020-02-30
page: 0
template: {template}
articles:
  - headline: {{main: 标题, vertical: up}}
    bodyy: [正文]
    body:
      - 正文一段。
      - {{subhead: 小标题, secnd: 第二行}}
  - headline: 第二篇
    border: wavy
    images: [{{aspect: 4:0}}]
    body: [正文。]
  - body: [第三篇，没有错。]
"""


def test_every_mistake_of_a_manifest_in_one_run(write_manifest, tmp_path):
    from click.testing import CliRunner
    from layout.cli import main

    path = write_manifest(MISTAKES.format(template="party-building"))
    with pytest.raises(LayoutError) as err:
        load_issue(path)
    message = str(err.value)
    assert [int(n) for n in re.findall(r"issue\.yaml:(\d+): ", message)] == [
        3, 4, 7, 8, 11, 13, 14]  # in the file's order
    assert "'2020-02-30' is not a value YAML can read" in message
    found = re.findall(r"issue\.yaml:\d+: ([^\s']+?):", message)
    assert found == [
        "page", "articles[1].headline.vertical", "articles[1].bodyy",
        "articles[1].body[2].secnd", "articles[2].border", "articles[2].images[1].aspect"]
    assert "did you mean `second`?" in message and "did you mean `body`?" in message
    assert message.endswith("(7 mistakes: put them all right, then run again)")
    result = CliRunner().invoke(main, ["render", str(path), "-o", str(tmp_path / "p.pdf")])
    assert result.exit_code == 2 and result.output.count("issue.yaml:") == 7
    assert not (tmp_path / "p.pdf").exists()


def test_the_template_s_mistakes_come_with_the_manifest_s(write_manifest):
    write_manifest("""\
extends: party-building
page: {size: [300mm, abc], margins: {top: -1mm, bottom: 10mm, left: 10mm, right: 10mm}}
grid: {columns: 0, column_width: 11字, gutter: 1字}
accent: 0xc8161d
""", "mine.yaml")
    path = write_manifest(MISTAKES.format(template="mine"))
    with pytest.raises(LayoutError) as err:
        load_issue(path)
    lines = str(err.value).splitlines()
    manifest = [l for l in lines if "issue.yaml:" in l]
    template = [l for l in lines if "mine.yaml:" in l]
    assert len(manifest) == 7 and len(template) == 4
    assert lines.index(manifest[-1]) < lines.index(template[0])  # the manifest's first
    # the grid's stand-ins raise nothing of their own (the shipped slots, the grid's width)
    assert "slots" not in str(err.value) and "margins leave" not in str(err.value)
    assert lines[-1] == "(11 mistakes: put them all right, then run again)"


def test_one_mistake_reads_as_before_and_many_stop_at_twenty(write_manifest):
    path = write_manifest(MISTAKES.format(template="party-building").replace(
        "page: 0", "page: 1").split("articles:")[0].replace("2020-02-30", "2020-02-28")
        + "articles:\n  - body: [正文。]\n    colour: red\n")
    with pytest.raises(LayoutError) as err:
        load_issue(path)
    assert str(err.value).count("issue.yaml:") == 1 and "mistakes" not in str(err.value)
    many = "".join(f"  - body: [正文。]\n    colour{i}: red\n" for i in range(30))
    path = write_manifest(MISTAKES.format(template="party-building").split("articles:")[0]
                          + "articles:\n" + many, "many.yaml")
    with pytest.raises(LayoutError) as err:
        load_issue(path)
    assert str(err.value).count("many.yaml:") == 20
    assert str(err.value).endswith("(20 or more mistakes: put them all right, then run again)")


@pytest.mark.parametrize("article", ["section: 😀\n    body: [正文。]",
                                     "headline: 标题😀\n    body: [正文。]"])
def test_a_character_no_face_has_is_named_before_the_make_up_sets_it(write_manifest, article):
    from layout import layout_issue
    from layout.errors import MissingGlyphError

    path = write_manifest(f"""\
manifest: 1
paper: 上汽报
date: 2020-07-01
page: 4
template: party-building
articles:
  - {article}
""")
    with pytest.raises(MissingGlyphError) as err:  # (the make-up sets headlines and bars)
        layout_issue(path)
    assert "U+1F600 GRINNING FACE" in str(err.value) and "line 7" in str(err.value)


def test_a_template_missing_whole_parts_names_each_part_once(tmp_path):
    from layout.templates import load_template

    (tmp_path / "bare.yaml").write_text("page: {size: 四开, margins: {top: 1mm, bottom: 1mm, "
                                        "left: 1mm, right: 1mm}}\naccent: red\n",
                                        encoding="utf-8")
    with pytest.raises(LayoutError) as err:
        load_template("bare", tmp_path)
    lines = [l for l in str(err.value).splitlines() if "bare.yaml:" in l]
    assert [l.split(": ", 1)[1].split(":")[0] for l in lines] == ["body", "grid", "styles",
                                                                  "accent"]
    assert "body.size" not in str(err.value) and "margins leave" not in str(err.value)



def test_the_texts_normalize_cleaned_are_kept_to_a_bound(monkeypatch):
    """A long `render --watch` session or a batch worker loads ever new texts: those kept
    cleaned (for the process, not by a Kept) hold at most MOST_CLEANED characters between
    them, started afresh past it; each is cleaned as normalize cleans it."""
    import layout.manifest.issue as issue_module  # noqa: PLC0415
    from layout.text.normalize import normalize  # noqa: PLC0415

    monkeypatch.setattr(issue_module, "_CLEANED", {})
    monkeypatch.setattr(issue_module, "_HELD", [0])
    monkeypatch.setattr(issue_module, "MOST_CLEANED", 40)
    for n in range(30):
        text = f"第{n}段 说\"好\",完"
        result, changes = normalize(text, body=True, clean=True, wraps=False)
        assert issue_module._cleaned(text, True, True, False) == (result, tuple(changes))
        held = sum(len(key[0]) for key in issue_module._CLEANED)
        assert 0 < held <= 40 and held == issue_module._HELD[0]
        assert (text, True, True, False) in issue_module._CLEANED


def test_a_manifest_loaded_again_is_normalized_as_the_first_time(write_manifest):
    import layout.manifest.issue as issue_module  # noqa: PLC0415

    path = write_manifest(GOOD.replace("第一段。", '第一段 说"好"。').replace("第二段。", "第二段,完。"))
    issue_module._CLEANED.clear()
    first = load_issue(path)
    assert [b.text for b in first.articles[0].blocks] == ["第一段说“好”。", "小标题", "第二段，完。"]
    assert len(first.edits) == 4  # (the space, two quotes, the comma)
    assert issue_module._CLEANED  # (each text cleaned is remembered)
    again = load_issue(path)  # (its texts as remembered)
    issue_module._CLEANED.clear()
    fresh = load_issue(path)
    assert again == first == fresh
    assert again.edits == first.edits == fresh.edits
