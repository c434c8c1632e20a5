"""The font set: role → face, metrics, coverage and fallback, loaded once per process.

Templates name font *roles* (song, song-bold, hei, kai, …); `fonts/fonts.yaml` maps each role
to a shipped face and gives the fallback chain tried, in order, for a character a role's own
face lacks. Faces are parsed lazily by reportlab's TrueType reader, the same objects the PDF
renderer embeds, so a face is read from disk once per process whatever the page count.
"""
from __future__ import annotations

import contextlib
import mmap
import struct
import unicodedata
import weakref
from array import array
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Callable, Iterator

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTEncoding, TTFont, TTFontFace

from . import resources
from .cmap import big_endian, read_cmap
from .errors import LayoutError, MissingGlyphError
from .fontsubset import make_subset
from .source import Fields, items, read_yaml, text
from .text.items import Box, Measure


class Face:
    """One shipped face, parsed on first use; equal to another of the same role and file.
    (Not a dataclass: one costs ~2 M instructions at each start.)"""

    def __init__(self, role: str, path: Path):
        self.role, self.path = role, path

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Face):
            return NotImplemented
        return (self.role, self.path) == (other.role, other.path)

    # (equal by value and not frozen: not hashed)
    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Face(role={self.role!r}, path={self.path!r})"

    @property
    def pdf_name(self) -> str:
        """The name the PDF writer knows this face by: one per file, never shared (reportlab
        would silently reuse an earlier face registered under the same name)."""
        return f"layout-{self.path.stem}"

    @cached_property
    def ttf(self) -> TTFont:
        try:
            font = _QuickFont(self.pdf_name, str(self.path))
        except Exception as err:  # reportlab raises several kinds for a bad file
            raise LayoutError(f"cannot read font ({err})", self.path,
                              hint="rebuild fonts/ with fonts/build_fonts.py") from None
        _register(font, self.path)
        return font

    def code_for(self, char: str, advance_em: float) -> str:
        """The character to paint for `char` drawn with an advance of `advance_em`: itself,
        or its half-width code when a mark gave up its blank half."""
        if advance_em < self.advance(char) - 1e-6 and abs(advance_em - 0.5) < 1e-6:
            half = HALF_WIDTH_BASE + ord(char)
            if half in self.ttf.face.charToGlyph:
                return chr(half)
        return char

    def vertical_code(self, char: str) -> str:
        """The character to paint for `char` in a vertical (竖排) title: a code of its own,
        VERTICAL_BASE + its code point, mapped to the glyph the face's `vert` feature gives
        it (，。、 at the top right, brackets and —— turned); itself when it stands upright."""
        code = VERTICAL_BASE + ord(char)
        to_glyph = self.ttf.face.charToGlyph
        if code not in to_glyph:
            glyph = self._vertical.get(to_glyph.get(ord(char)))
            if glyph is None and char in VERTICAL_FORMS:
                glyph = to_glyph.get(VERTICAL_FORMS[char])
            if glyph is None:
                return char
            to_glyph[code] = glyph
        return chr(code)

    @cached_property
    def _vertical(self) -> dict[int, int]:
        """Glyph → its vertical form, from the face's GSUB `vert` and `vrt2` lookups (read
        only when a page has a vertical title)."""
        face = self.ttf.face
        try:
            start, _ = face.get_table_pos("GSUB")
        except KeyError:
            return {}
        return _vertical_forms(face._ttf_data, start)

    def has(self, char: str) -> bool:
        return ord(char) in self.ttf.face.charToGlyph

    def advance(self, char: str) -> float:
        """The glyph's advance width in em."""
        return self.ttf.face.getCharWidth(ord(char)) / 1000.0


# Half-width codes: a left-sitting mark (，。、；： and closing marks) that gives up its blank
# right half is painted through a second code, HALF_WIDTH_BASE + its code point, that the
# shipped Noto faces map to a copy of the mark with an advance of ½ em (fonts/build_fonts.py).
# Its advance box then ends where the layout ends it, so column edges stay clean for readers
# and checkers; the PDF's ToUnicode map turns the code back into the mark (render/pdf.py).
# The codes lie in Supplementary Private Use Area-A.
HALF_WIDTH_BASE = 0xF0000
# Vertical codes: a mark in a 竖排 title is painted through VERTICAL_BASE + its code point
# (Supplementary Private Use Area-B), which `Face.vertical_code` maps to the glyph of the
# face's `vert` feature; the ToUnicode map turns it back into the mark.
VERTICAL_BASE = 0x100000
# Marks the faces turn by a vertical presentation form rather than by `vert`.
VERTICAL_FORMS = {"—": 0xFE31, "–": 0xFE32, "_": 0xFE33}


class _QuickFace(TTFontFace):
    """reportlab's TrueType face, its character tables read in bulk.

    reportlab reads cmap, hmtx and loca one number at a time (about 0.13 s for a 30,000-
    glyph CJK face); this reads the same tables with struct/array in a few milliseconds and
    fills the same attributes (charToGlyph a mapping that reads the cmap as codes are asked
    for: layout.cmap), so that everything else of reportlab (subsetting, embedding) works
    unchanged. tests/test_fonts.py checks the result against reportlab's own reading.
    """

    # font subsets while a render keeps them (`kept_subsets`), by face and glyphs: those
    # this render uses, and those an earlier one made
    kept: tuple[dict, dict] | None = None

    def makeSubset(self, subset):  # noqa: N802 (reportlab's name)
        """The subset's font file (`fontsubset`: reportlab's, faster); one made before for
        the same characters when a render keeps them (the same characters, the same bytes)."""
        kept = _QuickFace.kept
        if kept is None:
            return make_subset(self, subset)
        used, earlier = kept
        key = (self.filename, tuple(subset))
        found = used.get(key)
        if found is None:
            found = earlier.get(key)
            used[key] = found if found is not None else make_subset(self, subset)
        return used[key]

    def readFile(self, f):  # noqa: N802 (reportlab's name)
        """Map the file instead of reading it: only the tables and glyphs a page uses are
        ever paged in (a worker then holds a few MB of each 10 MB face, not all of it)."""
        if not hasattr(self, "_ttf_data"):
            self.filename = str(f)
            with open(f, "rb") as handle:
                self._ttf_data = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        self._pos = 0

    def extractInfo(self, charInfo=1):  # noqa: N802 (reportlab's name)
        super().extractInfo(0)  # names, metrics and flags; no character tables
        if not charInfo:
            return
        data = self._ttf_data
        head, _ = self.get_table_pos("head")
        units_per_em, = struct.unpack_from(">H", data, head + 18)
        self._scale = 1000.0 / units_per_em
        self.charToGlyph = char_to_glyph = read_cmap(data, *self.get_table_pos("cmap"))
        for have, alias in ((0x20, 0xA0), (0xA0, 0x20)):
            if have in char_to_glyph:
                char_to_glyph[alias] = char_to_glyph[have]
                break
        self.defaultWidth = self._advances()[0] * self._scale
        self.charWidths = {}  # filled by getCharWidth as characters are measured

    # The tables below are read on first use: a page needs them only for the few faces and
    # glyphs it embeds, so parsing them up front would cost every face ~15 ms for nothing.
    # reportlab assigns None to hmetrics and glyphPos while it reads the header, hence the
    # setters.

    def _advances(self) -> array:
        if self.__dict__.get("_advance_table") is None:
            data = self._ttf_data
            hhea, _ = self.get_table_pos("hhea")
            metrics, = struct.unpack_from(">H", data, hhea + 34)
            hmtx, _ = self.get_table_pos("hmtx")
            pairs = big_endian("H", data[hmtx:hmtx + 4 * metrics])
            lsbs = big_endian("H", data[hmtx + 4 * metrics:hmtx + 2 * metrics + 2 * self.numGlyphs])
            advances = pairs[0::2]
            advances.extend([pairs[-2]] * (self.numGlyphs - metrics))
            self._advance_table = advances
            self._lsb_table = pairs[1::2] + lsbs
        return self._advance_table

    def getCharWidth(self, code):  # noqa: N802 (reportlab's name)
        """Width in 1/1000 em, remembered in `charWidths`: reportlab reads that dict (for
        its text cursor) and holds the widths of every character a page measured."""
        width = self.charWidths.get(code)
        if width is None:
            glyph = self.charToGlyph.get(code)
            if glyph is None or glyph >= self.numGlyphs:
                return self.defaultWidth
            width = self.charWidths[code] = self._advances()[glyph] * self._scale
        return width

    @property
    def hmetrics(self):
        """(advance, left side bearing) by glyph, for the glyphs a subset asks for."""
        self._advances()
        return _Pairs(self._advance_table, self._lsb_table)

    @hmetrics.setter
    def hmetrics(self, value):
        pass  # reportlab's header reading sets None; the table is read on demand

    def get_table(self, tag):
        """A table's bytes; the glyph table as a view that copies only the glyphs sliced
        from it (reportlab reads a few hundred glyphs of it per subset)."""
        if tag != "glyf":
            return super().get_table(tag)
        pos, length = self.get_table_pos(tag)
        return _Window(self._ttf_data, pos, length)

    @property
    def glyphPos(self):  # noqa: N802
        if self.__dict__.get("_glyph_pos") is None:
            data = self._ttf_data
            head, _ = self.get_table_pos("head")
            loca_format, = struct.unpack_from(">h", data, head + 50)
            loca, _ = self.get_table_pos("loca")
            count = self.numGlyphs + 1
            if loca_format == 0:
                self._glyph_pos = [p << 1 for p in big_endian("H", data[loca:loca + 2 * count])]
            else:
                self._glyph_pos = list(big_endian("I", data[loca:loca + 4 * count]))
        return self._glyph_pos

    @glyphPos.setter
    def glyphPos(self, value):  # noqa: N802
        self._glyph_pos = value


@contextlib.contextmanager
def kept_subsets(used: dict, earlier: dict) -> Iterator[None]:
    """While it lasts, font subsets are looked up in `used` (this render's), then in
    `earlier` (an earlier render's) before they are made, and kept in `used`: what the
    caller keeps for the next render is `used` alone, so that a process rendering page
    after page (a batch's worker) holds one render's subsets, not every one it made."""
    before, _QuickFace.kept = _QuickFace.kept, (used, earlier)
    try:
        yield
    finally:
        _QuickFace.kept = before


class _Pairs:
    """hmtx as a read-only sequence of (advance, lsb) pairs, made one at a time."""

    def __init__(self, advances: array, lsbs: array):
        self._advances, self._lsbs = advances, lsbs

    def __getitem__(self, glyph: int) -> tuple[int, int]:
        return self._advances[glyph], self._lsbs[glyph]

    def __len__(self) -> int:
        return len(self._advances)


class _Window:
    """Part of a mapped font file that slices into bytes without copying the rest."""

    def __init__(self, data, start: int, length: int):
        self._data, self._start, self._length = data, start, length

    def __getitem__(self, part: slice) -> bytes:
        start, stop, _ = part.indices(self._length)
        return self._data[self._start + start:self._start + stop]

    def __len__(self) -> int:
        return self._length


def _vertical_forms(data, gsub: int) -> dict[int, int]:
    """Glyph → glyph of the single substitutions (lookup type 1, or 7 wrapping it) that
    the `vert` and `vrt2` features of the GSUB table at `gsub` name, the first one found
    for a glyph winning (features, lookups, subtables and coverage in table order): read
    with struct, in a few milliseconds (a general font library takes ~0.1 s to load and
    parse a CJK face's GSUB)."""
    def u16(at: int) -> int:
        return struct.unpack_from(">H", data, at)[0]

    features, lookups = gsub + u16(gsub + 6), gsub + u16(gsub + 8)
    mapping: dict[int, int] = {}
    for i in range(u16(features)):
        record = features + 2 + 6 * i
        if bytes(data[record:record + 4]) not in (b"vert", b"vrt2"):
            continue
        feature = features + u16(record + 4)
        for k in range(u16(feature + 2)):
            lookup = lookups + u16(lookups + 2 + 2 * u16(feature + 4 + 2 * k))
            kind = u16(lookup)
            for j in range(u16(lookup + 4)):
                table = lookup + u16(lookup + 6 + 2 * j)
                if kind == 7:  # an extension: the real subtable further on
                    if u16(table + 2) != 1:
                        continue
                    table += struct.unpack_from(">I", data, table + 4)[0]
                elif kind != 1:
                    continue
                covered = _coverage(data, table + u16(table + 2))
                if u16(table) == 1:  # one delta for every glyph covered
                    delta = struct.unpack_from(">h", data, table + 4)[0]
                    for glyph in covered:
                        mapping.setdefault(glyph, (glyph + delta) & 0xFFFF)
                else:  # a substitute for each
                    for n, glyph in enumerate(covered):
                        mapping.setdefault(glyph, u16(table + 6 + 2 * n))
    return mapping


def _coverage(data, at: int) -> list[int]:
    """The glyphs of an OpenType coverage table, in its order."""
    fmt, count = struct.unpack_from(">HH", data, at)
    if fmt == 1:
        return list(struct.unpack_from(f">{count}H", data, at + 4))
    glyphs: list[int] = []
    for first, last, _ in struct.iter_unpack(">HHH", data[at + 4:at + 4 + 6 * count]):
        glyphs.extend(range(first, last + 1))
    return glyphs


class _QuickFont(TTFont):
    """reportlab's TTFont over a `_QuickFace` (the attributes of TTFont.__init__)."""

    def __init__(self, name: str, filename: str):  # noqa: D107
        self.fontName = name
        self.face = _QuickFace(filename, validate=0)
        self.encoding = TTEncoding()
        self.state: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
        self._asciiReadable = 0
        self.shapable = False


def _register(font: TTFont, path: Path) -> None:
    """Register with reportlab, refusing to shadow a different face under the same name."""
    existing = pdfmetrics._fonts.get(font.fontName)  # getFont() would search disks
    if existing is not None:
        existing_path = Path(getattr(existing.face, "filename", ""))
        if existing_path.resolve() != path.resolve():
            raise LayoutError(f"font name {font.fontName!r} is already taken by "
                              f"{existing_path}", path,
                              hint="give each face file its own name")
    pdfmetrics.registerFont(font)


# Sizes whose character boxes a font set keeps (`FontSet.boxes_at`): a page uses a dozen.
BOX_SIZES = 64
# Texts a font set remembers it found covered, a role's (`FontSet.check_coverage`).
COVERED_TEXTS = 4_096


@dataclass
class FontSet:
    """The faces by role, and the fallback chain."""

    faces: dict[str, Face]
    fallback: tuple[str, ...]
    origin: Path
    _chains: dict[str, tuple[Face, ...]] = field(default_factory=dict)
    _measures: dict[str, Callable[[str], tuple[str, float]]] = field(default_factory=dict)
    # each role's characters measured so far, with their metrics (`measure` fills it;
    # `check_coverage` reads what is known there: the characters some face draws)
    _known: dict[str, dict[str, tuple[str, float]]] = field(default_factory=dict)
    # each character's box at a size, by the measure (a role's) it was made with
    _boxes: dict[float, dict[Measure, dict[str, Box]]] = field(default_factory=dict)
    # texts found covered, by role (`check_coverage`: a page set again checks its
    # unchanged texts again); started afresh past COVERED_TEXTS
    _covered: dict[str, set[str]] = field(default_factory=dict)

    def face(self, role: str) -> Face:
        try:
            return self.faces[role]
        except KeyError:
            raise LayoutError(f"unknown font role {role!r}", self.origin,
                              hint="roles: " + ", ".join(self.faces)) from None

    def chain(self, role: str) -> tuple[Face, ...]:
        """The faces tried for a character set in `role`: its own face, then the fallbacks."""
        if role not in self._chains:
            roles = [role] + [r for r in self.fallback if r != role]
            self._chains[role] = tuple(self.face(r) for r in roles)
        return self._chains[role]

    def boxes_at(self, size: float) -> dict[Measure, dict[str, Box]]:
        """Each character's box at `size`, by the measure (`measure`) it is made with,
        filled by `text.items.build_runs`: kept for every page set with these fonts (a box
        depends on nothing else), so that a page not seen before makes only its new
        characters' (some hundreds a page). Sizes are a template's few; past
        BOX_SIZES of them, the boxes start afresh."""
        found = self._boxes.get(size)
        if found is None:
            if len(self._boxes) >= BOX_SIZES:
                self._boxes.clear()
            found = self._boxes[size] = {}
        return found

    def metrics(self, role: str, char: str) -> tuple[str, float]:
        """(role of the face that draws `char` for `role`, its advance in em), remembered
        for the process. KeyError when no face has it (see `check_coverage`)."""
        return self.measure(role)(char)

    def measure(self, role: str) -> Callable[[str], tuple[str, float]]:
        """`metrics` of one role as a function of the character: one lookup a character
        once it is known (items call it for every character they set)."""
        found = self._measures.get(role)
        if found is None:
            known = self._known[role] = {}
            lookup = known.get

            def measure(char: str) -> tuple[str, float]:
                metrics = lookup(char)
                if metrics is None:
                    face = self.face_for(role, char)
                    if face is None:
                        raise KeyError(char)
                    metrics = known[char] = (face.role, face.advance(char))
                return metrics
            found = self._measures[role] = measure
        return found

    def face_for(self, role: str, char: str) -> Face | None:
        """The first face of the role's chain that has `char`, or None."""
        for face in self.chain(role):
            if face.has(char):
                return face
        return None

    def check_coverage(self, role: str, content: str, where: str) -> None:
        """Raise naming every character of `content` that no face of the chain has."""
        covered = self._covered.get(role)
        if covered is None:
            covered = self._covered[role] = set()
        if content in covered:
            return
        measure = self.measure(role)  # (what it learns, the page's text measures again)
        known = self._known[role]
        missing = []
        # (a page's texts share most characters: those known are not looked up again)
        for c in set(content).difference(known):
            if not c.isspace():
                try:
                    measure(c)
                except KeyError:
                    missing.append(c)
        missing.sort()
        if not missing:
            if len(covered) >= COVERED_TEXTS:
                covered.clear()
            covered.add(content)
        if missing:
            names = "; ".join(f"{c} U+{ord(c):04X} {unicodedata.name(c, 'unnamed')}"
                              for c in missing)
            raise MissingGlyphError(f"{where}: no shipped font has {names}",
                                    hint="replace the character, or add a face that has it "
                                         "to fonts/fonts.yaml")


def load_fontset(path: Path | None = None) -> FontSet:
    """Read fonts.yaml (default: the shipped one); faces are parsed only when used."""
    path = path or resources.fonts_dir() / "fonts.yaml"
    root = read_yaml(path)
    top = Fields(root, "a font set")
    faces: dict[str, Face] = {}
    faces_node = top.take("faces", lambda n: Fields(n, "faces").node)
    for role, node in faces_node.value.items():
        file = path.parent / text(node)
        if not file.is_file():
            raise node.fail(f"font file {file.name} not found in {path.parent}")
        faces[role] = Face(role, file)
    fallback = []
    for node in top.take("fallback", items, []):
        if text(node) not in faces:
            raise node.fail(f"fallback names unknown role {text(node)!r}",
                            hint="roles: " + ", ".join(faces))
        fallback.append(text(node))
    top.done()
    return FontSet(faces, tuple(fallback), path)


_SHIPPED: FontSet | None = None


def shipped_fonts() -> FontSet:
    """The shipped font set, loaded once per process."""
    global _SHIPPED
    if _SHIPPED is None:
        _SHIPPED = load_fontset()
    return _SHIPPED
