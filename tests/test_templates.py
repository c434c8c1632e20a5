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
