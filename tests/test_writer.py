"""The PDF writer's quick paths give what reportlab's own give: a font subset byte for byte
(fontsubset), a run's codes as splitString codes them (render.runs.Coding), numbers and
arrays of them as fp_str and PDFArray write them (render.runs.number, render.objects), each
stream compressed as zlib.compress does, on a thread or not (render.streams)."""
from __future__ import annotations

import io
import random
import sys
import threading
import zlib

import pytest
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.ttfonts import TTFontFace
from reportlab.pdfgen.canvas import Canvas

from layout.fonts import HALF_WIDTH_BASE, VERTICAL_BASE, shipped_fonts
from layout.render.formats import array_format, reportlab_formatting
from layout.render.runs import Coding, number
from layout.render import objects as objects_module
from layout.render import streams as streams_module
from layout.render.streams import HAND_OVER, THREADED_LEAST, Kept, writing

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


def test_a_render_hands_the_interpreter_s_lock_over_soon_while_it_writes():
    before = sys.getswitchinterval()
    with writing(None):
        assert sys.getswitchinterval() == pytest.approx(HAND_OVER) and HAND_OVER < before
        with writing(Kept()):  # (a render within a render: as long as the outer one)
            assert sys.getswitchinterval() == pytest.approx(HAND_OVER)
        assert sys.getswitchinterval() == pytest.approx(HAND_OVER)
        elsewhere: list[float] = []  # (a render on another thread meanwhile)
        other = threading.Thread(target=lambda: elsewhere.append(_written_interval()))
        other.start()
        other.join()
        assert elsewhere == [pytest.approx(HAND_OVER)]
        assert sys.getswitchinterval() == pytest.approx(HAND_OVER)
    assert sys.getswitchinterval() == before
    with pytest.raises(ValueError), writing(None):  # (a render that fails)
        raise ValueError
    assert sys.getswitchinterval() == before


def _written_interval() -> float:
    with writing(None):
        return sys.getswitchinterval()


class _Held:
    """A compression thread that has not begun what it was handed (`jobs`)."""

    def __init__(self) -> None:
        self.jobs: list = []

    def put(self, compression) -> None:
        self.jobs.append(compression)


def test_the_writer_compresses_what_the_compression_thread_has_not_begun(monkeypatch):
    rnd = random.Random(4)
    streams = [bytes(rnd.randrange(40) for _ in range(n))
               for n in (THREADED_LEAST, 3 * THREADED_LEAST, 2 * THREADED_LEAST)]
    held = _Held()
    monkeypatch.setattr(streams_module, "_COMPRESSOR", held)
    with writing(None) as render:
        for data in streams:
            render.start(data)
        assert [job.data for job in held.jobs] == streams
        assert [render.compressed(d) for d in streams] == [zlib.compress(d)
                                                           for d in streams]
    assert all(job.finished() and not job.claim() for job in held.jobs)  # (the writer's)


def test_a_writer_waiting_for_a_stream_compresses_those_queued_after_it(monkeypatch):
    rnd = random.Random(6)
    streams = [bytes(rnd.randrange(40) for _ in range(n))
               for n in (2 * THREADED_LEAST, THREADED_LEAST, 3 * THREADED_LEAST)]
    held = _Held()
    monkeypatch.setattr(streams_module, "_COMPRESSOR", held)

    def thread() -> None:  # begins the first, and ends it once the writer did the others
        first, *others = held.jobs
        assert first.claim()
        began.set()
        while not all(job.finished() for job in others):
            threading.Event().wait(0.001)
        first.compress()

    began = threading.Event()
    with writing(None) as render:
        for data in streams:
            render.start(data)
        compressing = threading.Thread(target=thread)
        compressing.start()
        began.wait()
        assert render.compressed(streams[0]) == zlib.compress(streams[0])
        compressing.join()
        assert all(job.finished() for job in held.jobs)
        assert [render.compressed(d) for d in streams[1:]] == [zlib.compress(d)
                                                               for d in streams[1:]]


def test_a_text_started_before_it_is_written_is_compressed_once_as_its_bytes(monkeypatch):
    held = _Held()
    monkeypatch.setattr(streams_module, "_COMPRESSOR", held)
    text = "".join(f"<{n:02X}> <{n:04X}>\n" for n in range(256)) * 3  # (a map's size)
    with writing(None) as render:
        render.start_text(text)
        render.start_text(text)  # (started once)
        assert [job.data for job in held.jobs] == [text.encode("utf8")]
        assert render.encoded(text) is held.jobs[0].data
        copy = "".join(list(text))  # (an equal text, another object: encoded anew)
        assert copy is not text and render.encoded(copy) == text.encode("utf8")
        assert render.compressed(render.encoded(text)) == zlib.compress(text.encode("utf8"))
        assert held.jobs[0].finished()


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
        with reportlab_formatting():
            expected = array.format(doc)
        assert array.format(doc) == expected, sequence


def test_a_line_s_runs_are_kept_by_its_glyphs_for_the_next_render():
    from layout.model import PlacedLine  # noqa: PLC0415
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
    fields = lines[0].values()  # (the first line, its origin 12 pt to the right)
    moved = PlacedLine(*fields[:6], fields[6] + 12, *fields[7:])
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


def test_the_tounicode_maps_kept_for_the_process_are_bounded():
    """A long `render --watch` session or a batch worker writes ever new subsets: the
    ToUnicode maps kept (for the process, not by a Kept) are at most MOST_CMAPS, started
    afresh past it; the newest is kept and each is what it would be made afresh."""
    from layout.render import pdf  # noqa: PLC0415

    for n in range(2 * pdf.MOST_CMAPS + 10):
        subset = [0, 32 + n % 90, 0x4E00 + n]
        made = pdf._to_unicode_cmap(f"AAA{n:03d}+song", subset)
        assert made == pdf._cmap_text(f"AAA{n:03d}+song", subset)
        assert 1 <= len(pdf._CMAPS) <= pdf.MOST_CMAPS
        assert pdf._to_unicode_cmap(f"AAA{n:03d}+song", subset) is made


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


def _laid(name: str):
    from layout.manifest import load_issue  # noqa: PLC0415
    from layout.pipeline import layout_loaded  # noqa: PLC0415
    from conftest import REPO  # noqa: PLC0415

    return layout_loaded(load_issue(REPO / "issues" / f"{name}.yaml"), FONTS)


def test_what_a_render_keeps_gives_the_next_the_bytes_of_a_fresh_render(tmp_path,
                                                                       monkeypatch):
    """A render through what the last one kept (render --watch) writes a line as the
    last render painted it, and a font subset's objects as it wrote them, only where
    all they are made from is the same: each variant below changes one thing of that
    (the codes of the lines' characters, a line's baseline, the faces' names, the
    objects' numbers) with the lines' runs kept, and must be a fresh render's, byte for
    byte."""
    from dataclasses import replace  # noqa: PLC0415

    from PIL import Image  # noqa: PLC0415

    from layout.flow import moved  # noqa: PLC0415
    from layout.model import PlacedImage  # noqa: PLC0415
    from layout.render.pdf import render_pages  # noqa: PLC0415

    picture = tmp_path / "photo.png"
    Image.new("RGB", (300, 200), "red").save(picture)
    page = _laid("2020-11-27-p1-laomo-jingshen")  # (three articles)
    page = replace(page, images=(PlacedImage(40, 60, 300, 200, picture, "crop"),))
    lines = page.lines
    body = max(range(len(lines)), key=lambda i: len(lines[i].set_glyphs))
    variants = [
        ("the page", page),
        ("the page again", page),
        # the lines in another order: every line's runs kept, the codes of their
        # characters (in the order they are first painted) and the faces' names not
        ("lines reversed", replace(page, lines=lines[::-1])),
        ("the page", page),
        # one line moved down: its runs kept, its baseline not
        ("a line lowered", replace(page, lines=tuple(
            moved(line, 3.0) if i == body else line
            for i, line in enumerate(lines)))),
        # the lines of a face of their own first: each face's codes as they were, the
        # faces' names in the document not
        ("a face first", replace(page, lines=_face_first(lines))),
        ("the page", page),
        # no picture: the same subsets, their objects numbered otherwise
        ("no picture", replace(page, images=())),
        # a line left out: the codes of the characters after it shift, some subsets too
        ("a line left out", replace(page, lines=lines[:body] + lines[body + 1:])),
        ("the page", page),
    ]
    made: list = []  # (the faces reportlab made objects of, in a render that keeps)
    reportlab_made = objects_module.reportlab_add_objects
    monkeypatch.setattr(objects_module, "reportlab_add_objects",
                        lambda font, doc: made.append(font) or reportlab_made(font, doc))
    kept = Kept()
    for name, variant in variants:
        painted, objects = kept.lines.painted_again, kept.objects_kept
        fresh = render_pages((variant,), FONTS)
        made.clear()
        assert render_pages((variant,), FONTS, kept=kept) == fresh, name
        again = (kept.lines.painted_again - painted, kept.objects_kept - objects)
        if name == "the page again":  # (what it is all for: the same page, all kept)
            assert again == (len(lines), 4 * len(kept.subsets)), again
            assert made == []  # (no face's objects made only to be put aside)
        elif name in ("lines reversed", "a face first"):
            assert again[0] < len(lines) // 4, again  # (repainted, nearly every line)
        elif name == "a line lowered":
            assert again[0] == len(lines) - 1, again
        elif name == "no picture":
            assert again[1] == 0, again  # (nothing written with another's numbers)


def _face_first(lines: tuple) -> tuple:
    """The lines of a face other than the first painted, each line that has it all in it,
    painted first (in their order): its codes and the others' as they were, its name in
    the document another."""
    from layout.render.runs import runs  # noqa: PLC0415

    roles = [{run.role for run in runs(line, FONTS, {})} for line in lines]
    first = next(iter(roles[0]))
    face = next(r for r in sorted(set().union(*roles)) if r != first and all(
        has == {r} for has in roles if r in has))
    return tuple(line for line, has in zip(lines, roles) if face in has) + tuple(
        line for line, has in zip(lines, roles) if face not in has)


def test_a_document_of_pages_kept_is_a_fresh_render_s():
    """Pages painted one after another in a document share its codes: a second page's
    lines kept from the last render are painted with the codes the first page left."""
    from layout.render.pdf import render_pages  # noqa: PLC0415

    first, second = (_laid(name) for name in ("2020-07-01-p3-fenjin-lushang",
                                               "2020-07-01-p4-hongqi-dangzuzhi"))
    kept = Kept()
    for pages in ((first, second), (second, first), (first, second), (second,)):
        assert render_pages(pages, FONTS, kept=kept) == render_pages(pages, FONTS)
    assert kept.lines.painted_again and kept.objects_kept
