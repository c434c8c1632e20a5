"""Values the setter makes in compiled code without their classes' own constructors (a
line broken, a line placed): the same values as those constructors make; and the boxes a
font set keeps from page to page (`FontSet.boxes_at`): a page set with them is the page set
without."""
from __future__ import annotations

import copy
import pickle

from layout.fonts import BOX_SIZES, load_fontset
from layout.flow.setter import moved
from layout.model import LineKind, PlacedGlyph, PlacedLine
from layout.text.items import Glyph
from layout.pipeline import layout, load, render
from layout.text.linebreak import SetLine

from conftest import REPO


def test_a_set_line_compares_hashes_and_reads_as_its_fields():
    glyphs = (Glyph("中", "body", 0.0, 10.0), Glyph("文", "body", 10.5, 10.0))
    line = SetLine(glyphs, 21.0, False, True, False)
    same = SetLine(tuple(list(glyphs)), 21.0, False, True, False, False, False)
    assert line == same and hash(line) == hash(same) and line is not same
    assert line != SetLine(glyphs, 21.0, True, True, False)
    assert line != SetLine(glyphs, 21.0, False, True, False, hyphen=True)
    assert line != (glyphs, 21.0, False, True, False, False, False)
    assert (line.split, line.hyphen, line.text) == (False, False, "中文")
    assert repr(line) == (f"SetLine(glyphs={glyphs!r}, width=21.0, last=False, loose=True, "
                          "forced=False, split=False, hyphen=False)")


def test_a_placed_line_is_a_value():
    glyphs = (Glyph("中", "body", 0.0, 10.0),)
    args = (LineKind.BODY, 100.5, 10.0, 36.0, 130.0, glyphs, 40.25, True, 7)
    made, again = PlacedLine(*args), PlacedLine(*args)
    assert made is not again and made == again and hash(made) == hash(again)
    assert repr(made) == (
        f"PlacedLine(kind={LineKind.BODY!r}, baseline=100.5, size=10.0, left=36.0, "
        f"width=130.0, set_glyphs={glyphs!r}, origin_x=40.25, paragraph_end=True, "
        "grid_line=7, color='#000000', vertical=False)")
    assert made.values() == (*args, "#000000", False)
    assert made.glyphs == (PlacedGlyph("中", 40.25, "body", 10.0),)
    assert made.em_box == again.em_box
    assert made != PlacedLine(*args, "#ffffff") and made != (*args, "#000000", False)
    assert made != PlacedLine(*args, "#000000", True)
    assert copy.deepcopy(made) == made and pickle.loads(pickle.dumps(made)) == made
    lower = moved(made, 12.0)
    assert lower == PlacedLine(LineKind.BODY, 112.5, *args[2:])
    upright = PlacedLine(*args, "#000000", True)
    assert upright.in_color("#ffffff") == PlacedLine(*args, "#ffffff", True)


def test_a_page_set_with_boxes_kept_from_other_pages_is_the_page_set_without():
    first, page = sorted((REPO / "issues").glob("20*.yaml"))[:2]
    fresh = load_fontset()
    alone = render(layout(load(page), fresh), load(page), fresh)
    used = load_fontset()
    layout(load(first), used)
    kept = sum(len(boxes) for size in used._boxes.values() for boxes in size.values())
    assert kept > 300  # (the first page's characters, at its sizes)
    after = render(layout(load(page), used), load(page), used)
    assert after == alone


def test_a_font_set_keeps_boxes_for_so_many_sizes():
    fonts = load_fontset()
    ten = fonts.boxes_at(10.0)
    assert fonts.boxes_at(10.0) is ten and fonts.boxes_at(10.5) is not ten
    for k in range(BOX_SIZES - 2):
        fonts.boxes_at(20.0 + k)
    assert fonts.boxes_at(10.0) is ten and len(fonts._boxes) == BOX_SIZES
    fonts.boxes_at(99.0)  # one more: they start afresh
    assert len(fonts._boxes) == 1 and fonts.boxes_at(10.0) is not ten
