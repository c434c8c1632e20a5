"""A placed line as the PDF writer paints it: its glyphs gathered into runs of one face and
one spacing (`runs`), a run's characters as the codes of the document's font subsets
(`Coding`), and each run written as the text object reportlab writes (`paint`): the
per-glyph work of a page, written to do as little as it can per glyph (a page paints three
to five thousand). Compiled (setup.py); what it asks of reportlab is a few calls per face
and per subset, never per glyph."""
from __future__ import annotations

from itertools import groupby
from typing import Any, NamedTuple

from reportlab.lib.rl_accel import escapePDF, fp_str

from ..fonts import FontSet
from ..model import PlacedLine
from ..text.items import Glyph

# Two glyph gaps closer than this (pt) are equal: one text run with one character spacing.
SPACING_TOLERANCE = 0.001
# Numbers written as reportlab writes them (fp_str: thousands of instructions each, a page
# writes thousands, most of them many times: spacings, baselines, column edges), by value;
# started afresh past this many.
MOST_NUMBERS = 100_000
_NUMBERS: dict[float, str] = {}


def number(value: float) -> str:
    """`value` as reportlab's fp_str writes it (one number; equal values, equal text)."""
    found = _NUMBERS.get(value)
    if found is None:
        if len(_NUMBERS) >= MOST_NUMBERS:
            _NUMBERS.clear()
        found = _NUMBERS[value] = fp_str(value)
    return found


class Run(NamedTuple):
    """Glyphs of one face drawn with one spacing: the face's role, the x of the first
    glyph, the extra spacing after each glyph, and the codes painted."""

    role: str
    x: float
    spacing: float
    text: str


class _Coder:
    """(character, advance in pt) → (the code painted, its advance in pt) in one face at
    one size and direction, remembered in `codes` (by face, size and direction) for the
    page, or for the renders of a `--watch`: a page paints the same few thousand
    characters over and over. `known.get` is asked first; `code` makes what it lacks."""

    def __init__(self, fonts: FontSet, role: str, size: float, vertical: bool, codes: dict):
        known = codes.get((role, size, vertical))
        if known is None:
            known = codes[(role, size, vertical)] = {}
        self.known: dict[tuple[str, float], tuple[str, float]] = known
        self._face = fonts.face(role)
        self._size = size
        self._vertical = vertical

    def code(self, key: tuple[str, float]) -> tuple[str, float]:
        char, advance = key
        drawn = self._face
        painted = (drawn.vertical_code(char) if self._vertical
                   else drawn.code_for(char, advance / self._size))
        found = self.known[key] = (painted, drawn.advance(painted) * self._size)
        return found


def runs(line: PlacedLine, fonts: FontSet, codes: dict) -> list[Run]:
    """The line's glyphs as runs to paint. The spacing is measured against the advance the
    PDF gives each code, so every glyph lands on the x the layout chose. `codes`: see
    `_Coder`."""
    size: float = line.size
    origin: float = line.origin_x
    vertical: bool = line.vertical
    glyphs: tuple[Glyph, ...] = line.set_glyphs
    out: list[Run] = []
    face = ""
    coder: _Coder | None = None
    known: dict[tuple[str, float], tuple[str, float]] = {}
    first = end = 0.0
    spacing = 0.0
    spaced = False  # (spacing measured: the run has two glyphs)
    chars: list[str] = []
    for glyph in glyphs:
        if glyph.face != face or coder is None:
            if chars:
                out.append(Run(face, first, spacing or 0.0, "".join(chars)))
                chars = []
            face = glyph.face
            coder = _Coder(fonts, face, size, vertical, codes)
            known = coder.known
        key = (glyph.char, glyph.advance)
        found = known.get(key)
        if found is None:
            found = coder.code(key)
        painted, advance = found
        x = origin + glyph.x
        if chars:
            gap = x - end
            if not spaced:
                spacing, spaced = gap, True
            if abs(gap - spacing) <= SPACING_TOLERANCE:
                chars.append(painted)
                end = x + advance
                continue
            out.append(Run(face, first, spacing or 0.0, "".join(chars)))
        first, spacing, spaced, chars = x, 0.0, False, [painted]
        end = x + advance
    if chars:
        out.append(Run(face, first, spacing or 0.0, "".join(chars)))
    return out


_ESCAPED = [escapePDF(bytes((n,))) for n in range(256)]  # a code in a PDF string


class LineRuns:
    """Each line's runs (`runs`) kept from one render to the next by the line's glyphs (the
    very tuple, held here: the flow gives a line it set before the same tuple again, and
    an edit under `--watch` leaves most of a page's lines as they were), its origin, size
    and direction. What one render did not ask for is let go at the next (`turn`). The
    codes its runs were made with are those of the same font set (render.pdf resets both)."""

    def __init__(self) -> None:
        self._last: dict[int, tuple[Any, float, float, bool, list[Run]]] = {}
        self._now: dict[int, tuple[Any, float, float, bool, list[Run]]] = {}

    def runs(self, line: PlacedLine, fonts: FontSet, codes: dict) -> list[Run]:
        glyphs = line.set_glyphs
        origin: float = line.origin_x
        size: float = line.size
        vertical: bool = line.vertical
        key = id(glyphs)
        found = self._last.get(key)
        if found is None:
            found = self._now.get(key)
        if (found is not None and found[0] is glyphs and found[1] == origin
                and found[2] == size and found[3] == vertical):
            out = found[4]
        else:
            out = runs(line, fonts, codes)
        self._now[key] = (glyphs, origin, size, vertical, out)
        return out

    def turn(self) -> None:
        """A render is done: the lines it asked for are those kept for the next."""
        self._last, self._now = self._now, {}


class Coding:
    """A face's characters as one document's subsets code them: what reportlab's
    `splitString` gives a run (each part of it within one subset, its codes escaped for
    a PDF string), through str.translate rather than a loop over its characters.

    Codes go to characters in the order they first appear in the document. `assign`
    takes the text of all of a page's runs in this face, in the order they are painted,
    and hands `splitString` each character new to the document once, in that order:
    the codes are those the runs would have been given one after another."""

    def __init__(self, font: Any, doc: Any):
        self.font = font
        self.doc = doc
        self._known: set[str] = set()
        self._subset: dict[int, str] = {}  # character → chr(its subset)
        self._escaped: dict[int, str] = {}  # character → its code, escaped

    def assign(self, text: str) -> None:
        """Give each character of `text` new to the document its code, in order: as
        reportlab's `splitString` gives them (its state, `assignments`, `subsets` and
        `nextCode`, the same), without its loop's interpreted work a character. As
        splitString does for a face with `_asciiReadable` off, as fonts.py makes every
        face (on, it keeps codes 33-126 for ASCII, which this loop does not)."""
        assert not getattr(self.font, "_asciiReadable", 0), "fonts.py turns it off"
        known = self._known
        new = "".join([c for c in dict.fromkeys(text) if c not in known])
        if not new:
            return
        font, doc = self.font, self.doc
        state = font.state.get(doc)
        if state is None:
            font.splitString("", doc)  # (reportlab makes the document's state)
            state = font.state[doc]
        if state.frozen:
            font.splitString(new, doc)  # (reportlab's error: the font is saved already)
        has = font.face.charToGlyph
        assignments: dict[int, int] = state.assignments
        subsets: list[list[int]] = state.subsets
        n_next: int = state.nextCode
        for char in new:
            code = ord(char)
            if code == 0xA0:
                code = 32  # (as splitString maps)
            found = assignments.get(code)
            if found is None:
                if code not in has:  # (one the face lacks has none: its runs go the long
                    continue  # way, through splitString)
                n = n_next
                if n & 0xFF == 32:  # code 32 of each subset is a space
                    if n != 32:
                        subsets[n >> 8].append(32)
                    n += 1
                if n > 32:
                    if not n & 0xFF:  # a new subset, its code 0 the missing glyph
                        subsets.append([0])
                        n += 1
                    subsets[n >> 8].append(code)
                else:
                    subsets[0][n] = code
                n_next = n + 1
                assignments[code] = n
            else:
                n = found
            known.add(char)
            self._subset[ord(char)] = chr(n >> 8)
            self._escaped[ord(char)] = _ESCAPED[n & 0xFF]
        state.nextCode = n_next

    def parts(self, text: str) -> list[tuple[int, str]]:
        """(subset, its codes escaped) for each part of `text` within one subset."""
        if not text or not self._known.issuperset(text):
            return [(subset, escapePDF(part))
                    for subset, part in self.font.splitString(text, self.doc)]
        subsets = text.translate(self._subset)
        if subsets.count(subsets[0]) == len(subsets):  # (most runs: one part)
            return [(ord(subsets[0]), text.translate(self._escaped))]
        out = []
        at = 0
        for subset, part in groupby(subsets):
            end = at + len(list(part))
            out.append((ord(subset), text[at:end].translate(self._escaped)))
            at = end
        return out


class Selects:
    """A document's codings, each face's by the face (`coding`), and the operators that
    select a subset at a size (font, subset, size → "/F1+0 9 Tf 10.8 TL")."""

    def __init__(self, doc: Any):
        self.doc = doc
        self.codings: dict[Any, Coding] = {}
        self.fonts: dict[tuple[str, int, float], str] = {}

    def coding(self, font: Any) -> Coding:
        coding = self.codings.get(font)
        if coding is None:
            coding = self.codings[font] = Coding(font, self.doc)
        return coding

    def font(self, font: Any, subset: int, size: float) -> str:
        key = (font.fontName, subset, size)
        select = self.fonts.get(key)
        if select is None:  # (the first names the subset in the document)
            select = self.fonts[key] = (f"{font.getSubsetInternalName(subset, self.doc)} "
                                        f"{fp_str(size)} Tf {fp_str(size * 1.2)} TL")
        return select


def paint(code: list[str], line_runs: list[Run], fonts: FontSet, size: float, y: float,
          selects: Selects) -> None:
    """Each run of a line written into a page's content (`code`) as reportlab's text
    object writes it (BT, its spacing and origin, each subset's font and codes, ET),
    without the object: a page has thousands of runs."""
    at = number(y)
    for run in line_runs:
        font = fonts.face(run.role).ttf
        parts = [f"BT 1 0 0 1 0 0 Tm {number(run.spacing)} Tc 1 0 0 1 {number(run.x)} "
                 f"{at} Tm"]
        current = -1
        for subset, part in selects.coding(font).parts(run.text):
            if subset != current:
                parts.append(selects.font(font, subset, size))
                current = subset
            parts.append(f"({part}) Tj")
        parts.append("ET")
        code.append(" ".join(parts))
