"""The font set: the fast face reader, coverage, fallback, naming, half-width marks."""
from __future__ import annotations

import shutil

import pytest
from reportlab.pdfbase.ttfonts import TTFont

from layout.errors import LayoutError, MissingGlyphError
from layout.fonts import HALF_WIDTH_BASE, Face, _QuickFont, load_fontset, shipped_fonts

FONTS = shipped_fonts()


@pytest.mark.parametrize("role", ["song", "kai"])
def test_quick_face_reads_what_reportlab_reads(role):
    path = str(FONTS.face(role).path)
    slow, quick = TTFont("slow-" + role, path).face, _QuickFont("quick-" + role, path).face
    for attr in ("charToGlyph", "glyphPos", "defaultWidth", "name"):
        assert getattr(quick, attr) == getattr(slow, attr), attr
    assert [quick.hmetrics[g] for g in range(len(slow.hmetrics))] == slow.hmetrics
    assert quick.makeSubset([ord(c) for c in "中文，。A"]) == slow.makeSubset(
        [ord(c) for c in "中文，。A"])
    assert all(quick.getCharWidth(code) == width for code, width in slow.charWidths.items())


def test_every_role_has_the_basic_repertoire():
    for role in FONTS.faces:
        face = FONTS.face(role)
        for char in "中文，。“”、：；？！（）《》——……0aZ%":
            assert FONTS.face_for(role, char) is not None, (role, char)
        assert face.advance("中") == pytest.approx(1.0)


def test_characters_beyond_the_bmp_are_covered():
    assert FONTS.face("song").has("𠮷")


def test_noto_faces_carry_half_width_marks():
    for role in ("song", "song-bold", "song-heavy", "hei", "hei-heavy"):
        face = FONTS.face(role)
        for char in "，。、；：”）》":
            code = face.code_for(char, 0.5)
            assert ord(code) == HALF_WIDTH_BASE + ord(char), (role, char)
            assert face.ttf.face.getCharWidth(ord(code)) == 500
        assert face.code_for("，", 1.0) == "，"


def test_fallback_takes_a_character_from_the_next_face():
    song, kai = FONTS.face("song"), FONTS.face("kai")
    only_in_kai = next(chr(c) for c in sorted(kai.ttf.face.charToGlyph)
                       if c > 0x4E00 and c not in song.ttf.face.charToGlyph)
    assert FONTS.face_for("song", only_in_kai) is kai


def test_a_character_no_face_has_is_reported_by_name():
    with pytest.raises(MissingGlyphError) as info:
        FONTS.check_coverage("song", "好😀好", "line 3")
    assert "U+1F600 GRINNING FACE" in str(info.value)
    # the characters found drawn are not looked up again; the missing one is said again
    FONTS.check_coverage("song", "好 好", "line 4")
    with pytest.raises(MissingGlyphError, match=r"line 5: .*U\+1F600.*U\+1F601"):
        FONTS.check_coverage("song", "😁好😀", "line 5")


def test_coverage_reads_the_characters_measured_and_measures_those_it_checks():
    """One record of the characters a role's faces draw: those the setter measured are not
    looked up again by check_coverage, and those it checked the setter does not look up."""
    fonts = load_fontset()
    looked: list[str] = []
    face_for = fonts.face_for
    fonts.face_for = lambda role, char: looked.append(char) or face_for(role, char)
    assert fonts.measure("song")("好")[0] == "song"
    fonts.check_coverage("song", "好 好，", "line 2")
    assert looked == ["好", "，"]  # (the space is no glyph: never looked up)
    assert fonts.metrics("song", "，") == FONTS.metrics("song", "，")
    with pytest.raises(MissingGlyphError):
        fonts.check_coverage("song", "好😀", "line 3")
    with pytest.raises(MissingGlyphError):
        fonts.check_coverage("song", "😀", "line 4")  # (a missing one is said again)
    assert looked == ["好", "，", "😀", "😀"]


def test_a_text_found_covered_is_not_checked_again_and_a_missing_one_is_said_again():
    fonts = load_fontset()
    looked: list[str] = []
    measure = fonts.measure("song")
    fonts._measures["song"] = lambda char: looked.append(char) or measure(char)
    fonts.check_coverage("song", "春眠不觉晓", "line 1")
    assert sorted(looked) == sorted("春眠不觉晓")
    fonts.check_coverage("song", "春眠不觉晓", "line 9")  # (the same text: not again)
    fonts.check_coverage("kai", "春眠不觉晓", "line 9")  # (another role's: checked)
    assert len(looked) == 5
    for _ in range(2):
        with pytest.raises(MissingGlyphError, match=r"line 3: .*U\+1F600"):
            fonts.check_coverage("song", "春😀", "line 3")
    assert looked.count("😀") == 2


def test_two_faces_never_share_a_pdf_name(tmp_path):
    song = FONTS.face("song")
    assert song.ttf.fontName == song.pdf_name  # registered under its name
    impostor = tmp_path / song.path.name
    shutil.copyfile(FONTS.face("kai").path, impostor)
    with pytest.raises(LayoutError, match="already taken"):
        Face("impostor", impostor).ttf  # noqa: B018 (loading is what fails)
    assert FONTS.face("song").pdf_name != FONTS.face("kai").pdf_name
    # (a face is equal to another of the same role and file, as the dataclass it was)
    assert Face("song", song.path) == song and Face("kai", song.path) != song
    assert repr(song) == f"Face(role='song', path={song.path!r})"


def test_unknown_role_is_an_error():
    with pytest.raises(LayoutError, match="unknown font role"):
        FONTS.face("fangsong")


@pytest.mark.parametrize("role", ["song", "song-bold", "song-heavy", "hei", "hei-heavy"])
def test_shipped_faces_set_marks_the_mainland_way(role):
    # CJK-RULES §1: in a Simplified Chinese face ，。、；： and closing marks draw in the left
    # half of their em, opening marks in the right half (the layout relies on it).
    from fontTools.ttLib import TTFont as FontToolsFont
    font = FontToolsFont(str(FONTS.face(role).path), lazy=True)
    cmap, glyf = font.getBestCmap(), font["glyf"]
    for char in "，。、；：”）》":
        glyph = glyf[cmap[ord(char)]]
        assert glyph.xMax <= 520, (role, char, glyph.xMax)
    for char in "“（《":
        glyph = glyf[cmap[ord(char)]]
        assert glyph.xMin >= 480, (role, char, glyph.xMin)


def test_format_4_cmap_reader_matches_fonttools():
    # Faces without a format-12 cmap (other fonts a user adds) are read through format 4.
    import struct

    from fontTools.ttLib import TTFont as FontToolsFont

    from layout.cmap import read_format4
    path = FONTS.face("kai").path
    data = path.read_bytes()
    font = FontToolsFont(str(path), lazy=True)
    table = font["cmap"].getcmap(3, 1)
    assert table.format == 4
    offset = font.reader.tables["cmap"].offset
    count, = struct.unpack_from(">H", data, offset + 2)
    starts = [struct.unpack_from(">HHI", data, offset + 4 + 8 * i) for i in range(count)]
    sub = next(s for p, e, s in starts if (p, e) == (3, 1))
    expected = {code: font.getGlyphID(name) for code, name in table.cmap.items()}
    assert len(expected) > 1000
    assert read_format4(data, offset + sub) == {c: g for c, g in expected.items() if g}


def _format12_cmap(groups: list[tuple[int, int, int]]) -> bytes:
    """A cmap table with one (3, 10) format-12 subtable of `groups` (first, last, glyph)."""
    import struct
    sub = struct.pack(">HHIII", 12, 0, 16 + 12 * len(groups), 0, len(groups)) + b"".join(
        struct.pack(">III", *group) for group in groups)
    return struct.pack(">HHHHI", 0, 1, 3, 10, 12) + sub


def test_a_format_12_cmap_is_read_as_codes_are_asked_for():
    from layout.cmap import GroupMap, read_cmap
    groups = [(0x20, 0x22, 3), (0x4E00, 0x4E02, 100), (0x20000, 0x20000, 7)]
    table = _format12_cmap(groups)
    cmap = read_cmap(table, 0, len(table))
    assert isinstance(cmap, GroupMap)
    eager = {0x20: 3, 0x21: 4, 0x22: 5, 0x4E00: 100, 0x4E01: 101, 0x4E02: 102, 0x20000: 7}
    assert cmap == eager and dict(cmap) == eager and len(cmap) == 7
    assert cmap.get(0x4E01) == 101 and cmap.get(0x4E03) is None and 0x4E03 not in cmap
    assert cmap.get(0x1F, 0) == 0 and 0x20000 in cmap
    # asked again (now from the codes looked up): the same answers
    assert [cmap.get(c, -1) for c in (0x4E01, 0x4E03, 0x1F, 0x20000)] == [101, -1, -1, 7]
    assert [c in cmap for c in (0x4E01, 0x4E03, 0x1F, 0x20000, "x")] == [True, False, False,
                                                                         True, False]
    with pytest.raises(KeyError):
        cmap[0x23]  # noqa: B018 (the lookup raises)
    cmap[0xA0] = cmap[0x20]  # mapped after reading: an alias, a vertical code
    cmap[0x21] = 9
    assert cmap[0xA0] == 3 and cmap[0x21] == 9 and len(cmap) == 8
    assert 0xA0 in cmap and cmap.get(0x21) == 9
    assert dict(cmap) == {**eager, 0xA0: 3, 0x21: 9}
    # groups out of order (a broken font) are read into a dict, the last group winning
    table = _format12_cmap([(0x30, 0x31, 5), (0x20, 0x30, 40)])
    assert read_cmap(table, 0, len(table)) == {
        **{code: 40 + code - 0x20 for code in range(0x20, 0x31)}, 0x31: 6}


@pytest.mark.parametrize("role", ["song", "hei", "kai"])
def test_vertical_forms_reader_matches_fonttools(role):
    """The GSUB `vert`/`vrt2` single substitutions read with struct (for 竖排 titles) are
    the ones fontTools reads: every glyph, the first substitution found winning."""
    from fontTools.ttLib import TTFont as FontToolsFont

    face = FONTS.face(role)
    font = FontToolsFont(str(face.path), lazy=True)
    gsub = font["GSUB"].table
    order = {name: i for i, name in enumerate(font.getGlyphOrder())}
    expected: dict[int, int] = {}
    for record in gsub.FeatureList.FeatureRecord:
        if record.FeatureTag in ("vert", "vrt2"):
            for index in record.Feature.LookupListIndex:
                for table in gsub.LookupList.Lookup[index].SubTable:
                    table = getattr(table, "ExtSubTable", table)
                    for a, b in getattr(table, "mapping", {}).items():
                        expected.setdefault(order[a], order[b])
    assert len(expected) > 200
    assert face._vertical == expected
    # ，。 take forms of their own; “ turns
    to_glyph = face.ttf.face.charToGlyph
    assert all(to_glyph[ord(c)] in expected for c in "，。“（")
