"""Templates: units, inheritance, grid geometry and errors."""
from __future__ import annotations

import pytest

from layout.errors import LayoutError
from layout.model import Align, PunctuationFit
from layout.source import Node
from layout.model import Origin
from layout.templates import load_template
from layout.units import MM, Grid, length


def node(value):
    return Node(value, Origin("t.yaml", 1), "x")


@pytest.mark.parametrize("value, points", [
    ("小五", 9.0), ("初号", 42.0), ("五号", 10.5), ("10mm", 10 * MM), ("9pt", 9.0),
    (12, 12.0), ("2字", 18.0), ("3行", 40.5), ("1.5字", 13.5),
])
def test_lengths(value, points):
    assert length(node(value), Grid(char=9.0, line=13.5)) == pytest.approx(points)


def test_grid_units_need_a_grid():
    with pytest.raises(LayoutError, match="cannot be used here"):
        length(node("2字"))
    with pytest.raises(LayoutError, match="not a length"):
        length(node("two inches"))


def test_base_template_grid():
    t = load_template("base")
    assert (t.columns, t.column_width, t.gutter, t.body.size, t.pitch) == (8, 117.0, 9.0, 9.0, 13.5)
    assert t.page_width == pytest.approx(390 * MM)
    assert t.column_x(2) - t.column_x(1) == pytest.approx(126.0)
    assert t.line_top(3) - t.line_top(1) == pytest.approx(27.0)
    assert t.indent == 18.0
    assert t.composition.punctuation is PunctuationFit.PUSH_OUT


def test_extends_overrides_only_what_it_names(tmp_path):
    (tmp_path / "child.yaml").write_text(
        "extends: base\nname: child\ngrid: {columns: 6}\nstyles:\n  byline: {face: kai, size: 小四}\n",
        encoding="utf-8")
    t = load_template("child.yaml", relative_to=tmp_path)
    assert t.name == "child" and t.columns == 6 and t.column_width == 117.0
    assert t.styles["byline"].size == 12.0
    assert t.styles["byline"].align is Align.LEFT  # merged from the base style
    assert t.styles["headline"].size == 42.0  # inherited


def test_grid_wider_than_the_page_is_refused(tmp_path):
    (tmp_path / "wide.yaml").write_text("extends: base\ngrid: {columns: 9}\n", encoding="utf-8")
    with pytest.raises(LayoutError) as info:
        load_template("wide.yaml", relative_to=tmp_path)
    assert info.value.line == 2 and "wide" in str(info.value)


def test_circular_extends(tmp_path):
    (tmp_path / "a.yaml").write_text("extends: b.yaml\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("extends: a.yaml\n", encoding="utf-8")
    with pytest.raises(LayoutError, match="circle"):
        load_template("a.yaml", relative_to=tmp_path)


def test_unknown_template_lists_the_shipped_ones():
    with pytest.raises(LayoutError, match="party-building"):
        load_template("no-such-template")


def test_unknown_style_key(tmp_path):
    (tmp_path / "s.yaml").write_text(
        "extends: base\nstyles:\n  byline: {face: kai, size: 小四, algin: left}\n", encoding="utf-8")
    with pytest.raises(LayoutError, match="did you mean `align`"):
        load_template("s.yaml", relative_to=tmp_path)


def test_a_template_is_read_once_and_again_when_edited(tmp_path):
    import os
    path = tmp_path / "t.yaml"
    path.write_text("extends: base\ngrid: {columns: 6}\n", encoding="utf-8")
    first = load_template("t.yaml", relative_to=tmp_path)
    assert load_template("t.yaml", relative_to=tmp_path) is first
    path.write_text("extends: base\ngrid: {columns: 5}\n", encoding="utf-8")
    os.utime(path, ns=(1, 1))  # a different stamp even within one clock tick
    assert load_template("t.yaml", relative_to=tmp_path).columns == 5


def test_a_template_beside_the_pages_is_found_first_and_an_edit_shows(tmp_path):
    from click.testing import CliRunner

    from layout import layout_issue
    from layout.cli import main

    pages = tmp_path / "pages"
    (tmp_path / "templates").mkdir()
    pages.mkdir()
    own = tmp_path / "templates" / "house.yaml"
    own.write_text("extends: party-building\nname: house\n", encoding="utf-8")
    # a designer's own party-building, beside the pages, over the shipped one of that name
    (pages / "party-building.yaml").write_text(
        "extends: party-building\nname: party-building\naccent: \"#1f4e9c\"\n",
        encoding="utf-8")
    manifest = pages / "page.yaml"
    manifest.write_text("manifest: 1\npaper: 测试报\ndate: 2021-03-04\npage: 2\n"
                        "template: house\narticles:\n  - headline: 标题\n"
                        "    body: [一段正文，写在这里。]\n", encoding="utf-8")
    first = layout_issue(manifest)
    assert load_template("house", pages).sources[0] == own.resolve()
    own.write_text("extends: party-building\nname: house\n"
                   "styles: {headline: {face: song-heavy, size: 小一}}\n", encoding="utf-8")
    second = layout_issue(manifest)  # the edit shows in the next render

    def headline(page) -> float:
        return next(l.size for l in page.lines if l.kind.value == "headline")

    assert headline(first) > 24.0 and headline(second) == 24.0
    local = load_template("party-building", pages)
    assert local.accent == "#1f4e9c" and local.columns == 6  # its own, on the shipped one
    listed = CliRunner().invoke(main, ["templates", str(pages)])
    assert f"house{' ' * 19} {own.resolve()}" in listed.output
    assert f"party-building{' ' * 10} {(pages / 'party-building.yaml').resolve()}" in \
        listed.output
    manifest.write_text(manifest.read_text(encoding="utf-8").replace("house", "housse"),
                        encoding="utf-8")
    missing = CliRunner().invoke(main, ["render", str(manifest)])
    assert missing.exit_code == 2 and "templates it can name: " in missing.output
    assert "house" in missing.output and "news-tabloid" in missing.output


def test_a_headline_ladder_is_read_in_字号_and_points(tmp_path):
    (tmp_path / "l.yaml").write_text("extends: base\nheadline_ladder: [初号, 小初, 一号, 20pt]\n",
                                     encoding="utf-8")
    assert load_template("l.yaml", relative_to=tmp_path).headline_ladder == (42, 36, 26, 20)
    assert load_template("base").headline_ladder == ()  # (the default ladder)


@pytest.mark.parametrize("ladder, words", [
    ("[一号, 初号]", "not smaller than the size before it"),
    ("[一号, 一号]", "not smaller than the size before it"),
    ("[]", "lists 1 to 8 sizes"),
    ("[初号, 300pt]", "not one a press prints"),
    ("一号", "expected a list"),
])
def test_a_headline_ladder_that_does_not_step_down_is_refused_at_its_line(
        tmp_path, ladder, words):
    (tmp_path / "l.yaml").write_text(f"extends: base\nheadline_ladder: {ladder}\n",
                                     encoding="utf-8")
    with pytest.raises(LayoutError, match=words) as info:
        load_template("l.yaml", relative_to=tmp_path)
    assert info.value.line == 2
