"""The PDF writer's quick paths give what reportlab's own give: a font subset byte for byte
(fontsubset), a run's codes as splitString codes them (render.runs.Coding), numbers and
arrays of them as fp_str and PDFArray write them (render.runs.number, render.objects), each
stream compressed as zlib.compress does, on a thread or not (render.streams)."""
from __future__ import annotations

import io
import random
import zlib

import pytest
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.ttfonts import TTFontFace
from reportlab.pdfgen.canvas import Canvas

from layout.fonts import HALF_WIDTH_BASE, VERTICAL_BASE, shipped_fonts
from layout.render.objects import array_format, reportlab_format
from layout.render.runs import Coding, number
from layout.render.streams import THREADED_LEAST, Kept, writing

FONTS = shipped_fonts()


def _composites(face) -> int:
    """How many of the face's glyphs are composite (made of other glyphs)."""
    start = face.get_table_pos("glyf")[0]
    data, positions = face._ttf_data, face.glyphPos
    return sum(1 for g in range(face.numGlyphs) if positions[g + 1] > positions[g]
               and int.from_bytes(data[start + positions[g]:start + positions[g] + 2],
                                  "big", signed=True) < 0)


@pytest.mark.parametrize("role", sorted(FONTS.faces))
def test_a_subset_is_the_file_reportlab_makes(role):
    face = FONTS.face(role).ttf.face
    codes = sorted(face.charToGlyph)
    rnd = random.Random(role)
    subsets = [[0, *map(ord, "中文，。A"), HALF_WIDTH_BASE + ord("，"), 0x10FFFF],
               [0] + [32] * 32 + rnd.sample(codes, 223), rnd.sample(codes, 40)]
    for subset in subsets:
        assert face.makeSubset(subset) == TTFontFace.makeSubset(face, subset)


def test_composite_glyphs_are_subset_with_their_parts():
    face = next(f.ttf.face for f in FONTS.faces.values() if _composites(f.ttf.face))
    start, positions, data = face.get_table_pos("glyf")[0], face.glyphPos, face._ttf_data
    composite = {g for g in range(face.numGlyphs) if positions[g + 1] > positions[g] and
                 data[start + positions[g]] & 0x80}
    codes = [c for c, g in face.charToGlyph.items() if g in composite][:50]
    assert codes
    assert face.makeSubset([0, *codes]) == TTFontFace.makeSubset(face, [0, *codes])


def test_runs_are_coded_as_reportlab_codes_them():
    font = FONTS.face("song").ttf
    rnd = random.Random(7)
    chars = [chr(c) for c in sorted(font.face.charToGlyph) if c < 0x10000][:3000]
    chars += ["\xa0", " ", "(", ")", "\\", chr(VERTICAL_BASE + 0x3001), "\u0378"]  # (no glyph)
    texts = ["".join(rnd.choice(chars) for _ in range(rnd.randint(1, 30)))
             for _ in range(400)]
    ours, theirs = Canvas(io.BytesIO())._doc, Canvas(io.BytesIO())._doc
    coding = Coding(font, ours)
    for start in range(0, len(texts), 50):  # a page's runs assigned, then painted
        page = texts[start:start + 50]
        coding.assign("".join(page))
        for text in page:
            expected = [(s, Canvas._escape(None, part))
                        for s, part in font.splitString(text, theirs)]
            assert coding.parts(text) == expected, text
    assert font.state[ours].subsets == font.state[theirs].subsets
    assert font.state[ours].assignments == font.state[theirs].assignments
    assert font.state[ours].nextCode == font.state[theirs].nextCode
    assert len(font.state[ours].subsets) > 4  # (the runs spread over several subsets)


def test_streams_are_compressed_as_zlib_compresses_them_on_a_thread_or_not():
    rnd = random.Random(3)
    streams = [bytes(rnd.randrange(40) for _ in range(n))
               for n in (10, THREADED_LEAST, 5 * THREADED_LEAST, 200_000)]
    kept = Kept()
    for keep in (None, kept, kept):
        with writing(keep) as render:
            for data in streams:
                render.start(data)
            assert [render.compressed(d) for d in streams] == [zlib.compress(d)
                                                               for d in streams]
    assert set(kept.streams) == set(streams)
    with writing(None) as render:  # (started by the object; an equal copy asked for)
        for data in streams:
            render.start(data)
        assert [render.compressed(bytes(bytearray(d))) for d in streams] == [
            zlib.compress(d) for d in streams]


def test_numbers_and_arrays_of_numbers_are_written_as_reportlab_writes_them():
    rnd = random.Random(5)
    values = ([0, 1, -0.0, 1e-8, 1000, 333, 12345.678, 0.5, -2, 2 ** 40]
              + [rnd.uniform(-2000, 2000) for _ in range(3000)]
              + [rnd.random() * 10 ** rnd.randint(-9, 6) for _ in range(3000)])
    assert [number(v) for v in values] == [fp_str(v) for v in values]
    assert [number(v) for v in values] == [fp_str(v) for v in values]  # (as remembered)
    doc = Canvas(io.BytesIO())._doc
    arrays = [values[:n] for n in (1, 9, 10, 11, 20, 21, 256)] + [[], [1, True], [1, "x"]]
    assert pdfdoc.PDFArray.format is array_format  # (installed on import: every array)
    for sequence in arrays:
        array = pdfdoc.PDFArray(sequence)
        assert array.format(doc) == reportlab_format(array, doc), sequence


def test_a_line_s_runs_are_kept_by_its_glyphs_for_the_next_render():
    from dataclasses import replace  # noqa: PLC0415

    from layout.pipeline import layout, load  # noqa: PLC0415
    from layout.render.runs import LineRuns, runs  # noqa: PLC0415
    from conftest import SAMPLE  # noqa: PLC0415

    loaded = load(SAMPLE)
    lines = layout(loaded, FONTS).pages[0].lines
    kept, codes = LineRuns(), {}
    first = [kept.runs(line, FONTS, codes) for line in lines]
    assert first == [runs(line, FONTS, codes) for line in lines]
    kept.turn()
    again = [kept.runs(line, FONTS, codes) for line in lines]
    assert all(a is b for a, b in zip(again, first))  # (the same runs, not made again)
    moved = replace(lines[0], origin_x=lines[0].origin_x + 12)
    assert kept.runs(moved, FONTS, codes) == runs(moved, FONTS, codes) != first[0]
    kept.turn()
    kept.turn()  # (two renders that asked for none: let go)
    assert kept.runs(lines[1], FONTS, codes) is not first[1]


def test_a_subset_s_tounicode_map_is_given_again_as_made():
    from layout.render.pdf import _cmap_text, _to_unicode_cmap  # noqa: PLC0415

    subset = [0, *[32] * 32, ord("中"), ord("文"), 0x20BB7, HALF_WIDTH_BASE + ord("，")]
    made = _to_unicode_cmap("AAAAAB+song", subset)
    assert "<23> <D842DFB7>" in made and "<24> <FF0C>" in made  # (𠮷 as UTF-16; the mark)
    assert _to_unicode_cmap("AAAAAB+song", list(subset)) is made  # (kept)
    assert made == _cmap_text("AAAAAB+song", subset)
    assert _to_unicode_cmap("AAAAAC+song", subset) != made  # (by name too)


def test_a_render_that_keeps_subsets_keeps_only_its_own_for_the_next():
    """A process rendering page after page with what it keeps (a batch's worker, --watch)
    holds the font subsets of its last render only, not of every page it made (a worker's
    memory grew ~0.24 MB a page of new text, without end); and the bytes are a fresh
    render's either way."""
    from pathlib import Path

    from layout.manifest import load_issue
    from layout.pipeline import layout_loaded
    from layout.render.pdf import render_pages

    fonts = shipped_fonts()
    issues = Path(__file__).resolve().parent.parent / "issues"
    first, second = (layout_loaded(load_issue(issues / f"{name}.yaml"), fonts) for name in
                     ("2020-07-01-p3-fenjin-lushang", "2020-07-01-p4-hongqi-dangzuzhi"))
    alone = Kept()
    fresh = render_pages((second,), fonts, kept=alone)
    kept = Kept()
    render_pages((first,), fonts, kept=kept)
    after_first = set(kept.subsets)
    assert render_pages((second,), fonts, kept=kept) == fresh
    assert set(kept.subsets) == set(alone.subsets)
    assert after_first - set(kept.subsets)  # (the first page's own subsets let go)
