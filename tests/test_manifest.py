"""Manifest loading: frozen values, and errors that name file, line and what to do."""
from __future__ import annotations

import dataclasses
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
