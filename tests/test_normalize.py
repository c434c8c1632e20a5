"""Input normalization: Chinese text cleaned, Latin text untouched, every change listed."""
from __future__ import annotations

import pytest

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
    text, changes = normalize("示意　制图：本报记者　孙文")
    assert text == "示意　制图：本报记者　孙文" and not changes
    text, changes = normalize("示意 制图", body=False)
    assert text == "示意 制图" and not changes
    text, _ = normalize("党员 冲锋")  # a stray ASCII space in body text still goes
    assert text == "党员冲锋"
