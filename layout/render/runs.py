"""A placed line as the PDF writer paints it: its glyphs gathered into runs of one face and
one spacing (`runs`), a run's characters as the codes of the document's font subsets
(`Coding`), and each run written as the text object reportlab writes (`painted`; a
line's text kept for the next render while its codes are the same, `LineRuns`): the
per-glyph work of a page, written to do as little as it can per glyph (a page paints three
to five thousand). Compiled (setup.py); what it asks of reportlab is a few calls per face
and per subset, never per glyph."""
from __future__ import annotations

import weakref
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
# The codes each face has a glyph for, found so far (a face's map only gains codes: the
# vertical ones): asking the map itself is a call into Python a character, each render.
_PRESENT: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


class LineRuns:
    """What the writer keeps of each line from one render to the next: its runs (`runs`),
    by the line's glyphs (the very tuple, held here: the flow gives a line it set before
    the same tuple again, and an edit under `--watch` leaves most of a page's lines as
    they were), its origin, size and direction; and the text it was painted as (`paint`),
    by those very runs, its size and baseline, given again while each of its characters
    keeps the code the last render gave it (`compare`). What one render did not ask for
    is let go at the next (`turn`). The codes its runs were made with are those of the
    same font set (render.pdf resets both)."""

    def __init__(self) -> None:
        self._last: dict[int, tuple[Any, float, float, bool, list[Run]]] = {}
        self._now: dict[int, tuple[Any, float, float, bool, list[Run]]] = {}
        # each line's painted text, by its runs (the list): (runs, size, y, text)
        self._painted: dict[int, tuple[list[Run], float, float, str]] = {}
        self._painting: dict[int, tuple[list[Run], float, float, str]] = {}
        # each face's codes (by role): the face's name in the document and its Coding's
        # maps, the last render's and this one's
        self._codings: dict[str, tuple[str, dict[str, int]]] = {}
        self._coding: dict[str, tuple[str, dict[str, int]]] = {}
        # each face's characters whose code is not the last render's (None: every one)
        self._stale: dict[str, set[str] | None] = {}
        self.painted_again = 0  # (lines given their last text again: for tests)

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

    def compare(self, fonts: FontSet, roles: list[str], selects: Selects) -> None:
        """Note which characters of each face (of `roles`, a page's, named in the
        document already) a page's lines are painted with codes other than the last
        render's: every one where the face has another name in the document."""
        doc = selects.doc
        for role in roles:
            font = fonts.face(role).ttf
            coding = selects.coding(font)
            name: str = font.state[doc].internalName
            now = self._coding[role] = (name, coding.codes)
            last = self._codings.get(role)
            stale: set[str] | None = None
            if last is not None and last[0] == name:
                stale = set()
                if last[1] != now[1]:
                    codes = last[1]
                    for char, n in now[1].items():
                        if codes.get(char, -1) != n:
                            stale.add(char)
            self._stale[role] = stale

    def paint(self, code: list[str], line_runs: list[Run], fonts: FontSet, size: float,
              y: float, selects: Selects) -> None:
        """The line's runs written into a page's content (`paint`), or the text the last
        render wrote for them where nothing it is made from changed: the same runs, size
        and baseline, and the codes of their characters (`compare`)."""
        key = id(line_runs)
        found = self._painted.get(key)
        if (found is not None and found[0] is line_runs and found[1] == size
                and found[2] == y and self._unchanged(line_runs)):
            text = found[3]
            self.painted_again += 1
        else:
            text, plain = painted(line_runs, fonts, size, y, selects)
            if not plain:  # (a character of the face's own coding: see `painted`)
                code.append(text)
                return
        self._painting[key] = (line_runs, size, y, text)
        code.append(text)

    def _unchanged(self, line_runs: list[Run]) -> bool:
        stale_of = self._stale
        for run in line_runs:
            stale = stale_of.get(run.role)
            if stale is None or (stale and not stale.isdisjoint(run.text)):
                return False
        return True

    def turn(self) -> None:
        """A render is done: the lines it asked for are those kept for the next."""
        self._last, self._now = self._now, {}
        self._painted, self._painting = self._painting, {}
        self._codings, self._coding = self._coding, {}
        self._stale = {}


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
        self.codes: dict[str, int] = {}  # character → its code (subset × 256 + code)

    def assign(self, text: str) -> None:
        """Give each character of `text` new to the document its code, in order: as
        reportlab's `splitString` gives them (its state, `assignments`, `subsets` and
        `nextCode`, the same), without its loop's interpreted work a character. As
        splitString does for a face with `_asciiReadable` off, as fonts.py makes every
        face (on, it keeps codes 33-126 for ASCII, which this loop does not)."""
        assert not getattr(self.font, "_asciiReadable", 0), "fonts.py turns it off"
        codes = self.codes
        # (the characters as the keys hold them: each one's hash made once)
        new = [c for c in dict.fromkeys(text) if c not in codes]
        if not new:
            return
        font, doc = self.font, self.doc
        state = font.state.get(doc)
        if state is None:
            font.splitString("", doc)  # (reportlab makes the document's state)
            state = font.state[doc]
        if state.frozen:
            font.splitString("".join(new), doc)  # (reportlab's error: the font is saved)
        has = font.face.charToGlyph
        present: set[int] | None = _PRESENT.get(font.face)
        if present is None:
            present = _PRESENT[font.face] = set()
        assignments: dict[int, int] = state.assignments
        subsets: list[list[int]] = state.subsets
        n_next: int = state.nextCode
        for char in new:
            code = ord(char)
            if code == 0xA0:
                code = 32  # (as splitString maps)
            found = assignments.get(code)
            if found is None:
                if code not in present:
                    if code not in has:  # (one the face lacks has none: its runs go the
                        continue  # long way, through splitString)
                    present.add(code)
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
            codes[char] = n
        state.nextCode = n_next

    def parts(self, text: str) -> list[tuple[int, str]]:
        """(subset, its codes escaped) for each part of `text` within one subset."""
        found = self.coded(text)
        if found is None:
            return [(subset, escapePDF(part))
                    for subset, part in self.font.splitString(text, self.doc)]
        return found

    def coded(self, text: str) -> list[tuple[int, str]] | None:
        """`parts` of a text each character of which has its code from `assign`, in one
        pass over its characters; None for any other."""
        codes = self.codes
        out: list[tuple[int, str]] = []
        pieces: list[str] = []
        current = -1
        for char in text:
            n = codes.get(char, -1)
            if n < 0:
                return None
            if n >> 8 != current:
                if pieces:
                    out.append((current, "".join(pieces)))
                    pieces = []
                current = n >> 8
            pieces.append(_ESCAPED[n & 0xFF])
        if not pieces:
            return None
        out.append((current, "".join(pieces)))
        return out


class Selects:
    """A document's codings, each face's by the face (`coding`) or by its role
    (`of_role`), and the operators that select a subset at a size (`font`:
    "/F1+0 9 Tf 10.8 TL")."""

    def __init__(self, doc: Any):
        self.doc = doc
        self.codings: dict[Any, Coding] = {}
        self._roles: dict[str, Coding] = {}
        # by face and size: the operator of each subset (by its number) named so far
        self._fonts: dict[tuple[Any, float], list[str]] = {}

    def coding(self, font: Any) -> Coding:
        coding = self.codings.get(font)
        if coding is None:
            coding = self.codings[font] = Coding(font, self.doc)
        return coding

    def of_role(self, role: str, fonts: FontSet) -> Coding:
        """The coding of the face of `role` (of `fonts`: one font set a document)."""
        coding = self._roles.get(role)
        if coding is None:
            coding = self._roles[role] = self.coding(fonts.face(role).ttf)
        return coding

    def font(self, font: Any, subset: int, size: float) -> str:
        key = (font, size)
        named = self._fonts.get(key)
        if named is None:
            named = self._fonts[key] = []
        while len(named) <= subset:  # (each names its subset in the document)
            named.append(f"{font.getSubsetInternalName(len(named), self.doc)} "
                         f"{fp_str(size)} Tf {fp_str(size * 1.2)} TL")
        return named[subset]


def painted(line_runs: list[Run], fonts: FontSet, size: float, y: float,
            selects: Selects) -> tuple[str, bool]:
    """A line's runs as reportlab's text object writes each (BT, its spacing and origin,
    each subset's font and codes, ET), a line of the page's content a run, without the
    object (a page has thousands of runs); and whether each character was coded by its
    face's `Coding` (not a character the face lacks, which reportlab codes as it is
    painted: a line with one is painted again at each render, its codes in their turn)."""
    at = number(y)
    texts = []
    plain = True
    for run in line_runs:
        coding = selects.of_role(run.role, fonts)
        parts = [f"BT 1 0 0 1 0 0 Tm {number(run.spacing)} Tc 1 0 0 1 {number(run.x)} "
                 f"{at} Tm"]
        coded = coding.coded(run.text)
        if coded is None:
            coded, plain = coding.parts(run.text), False
        current = -1
        for subset, part in coded:
            if subset != current:
                parts.append(selects.font(coding.font, subset, size))
                current = subset
            parts.append(f"({part}) Tj")
        parts.append("ET")
        texts.append(" ".join(parts))
    return "\n".join(texts), plain
