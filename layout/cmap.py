"""A face's character map (its cmap table): code point → glyph.

A CJK face maps 23,000–29,000 code points and a page asks for a few hundred of them, so the
map is read from the file's format-12 groups as codes are asked for (a binary search over a
few hundred groups), not into a dict of every code up front: that cost a render 0.14 G
instructions, a tenth of the whole process, for its five faces. A face with no format-12
table (or with groups out of order) is read into a dict, as before, from format 12 or 4.
"""
from __future__ import annotations

import struct
import sys
from array import array
from bisect import bisect_right
from collections.abc import Iterator, Mapping
from operator import le, lt

from .errors import LayoutError


class GroupMap(Mapping[int, int]):
    """Code point → glyph from a format-12 cmap's groups (first code, last code, first
    glyph; sorted, not overlapping), each code looked up once; codes mapped after reading
    (`map[code] = glyph`: the no-break space's alias, vertical codes) come first."""

    def __init__(self, firsts: array, lasts: array, glyphs: array):
        self._firsts, self._lasts, self._glyphs = firsts, lasts, glyphs
        self._known: dict[int, int | None] = {}  # codes looked up (None: not mapped)
        self._added: dict[int, int] = {}  # codes mapped after reading

    def glyph(self, code: int) -> int | None:
        """The glyph of `code`, None when the face has none."""
        known = self._known
        if code in known:
            return known[code]
        group = bisect_right(self._firsts, code) - 1
        glyph = None
        if group >= 0 and code <= self._lasts[group]:
            glyph = self._glyphs[group] + code - self._firsts[group]
        known[code] = glyph
        return glyph

    def __getitem__(self, code: int) -> int:
        glyph = self.glyph(code)
        if glyph is None:
            raise KeyError(code)
        return glyph

    # (`get` and `in` ask `_known` first themselves: the PDF writer asks each a few thousand
    # times a page, for codes looked up before)

    def get(self, code: int, default: int | None = None) -> int | None:  # type: ignore[override]
        known = self._known
        glyph = known[code] if code in known else self.glyph(code)
        return default if glyph is None else glyph

    def __contains__(self, code: object) -> bool:
        known = self._known
        if code in known:
            return known[code] is not None  # type: ignore[index]
        return isinstance(code, int) and self.glyph(code) is not None

    def __setitem__(self, code: int, glyph: int) -> None:
        self._known[code] = self._added[code] = glyph

    def _in_groups(self, code: int) -> bool:
        group = bisect_right(self._firsts, code) - 1
        return group >= 0 and code <= self._lasts[group]

    def __iter__(self) -> Iterator[int]:
        for first, last in zip(self._firsts, self._lasts):
            yield from range(first, last + 1)
        yield from (code for code in self._added if not self._in_groups(code))

    def __len__(self) -> int:
        return sum(last - first + 1 for first, last in zip(self._firsts, self._lasts)) + \
            sum(1 for code in self._added if not self._in_groups(code))


def read_cmap(data: bytes, offset: int, length: int) -> dict[int, int] | GroupMap:
    """Code point → glyph from the font's Unicode cmap (format 12, else format 4)."""
    count, = struct.unpack_from(">H", data, offset + 2)
    subtables = {}
    for i in range(count):
        platform, encoding, sub = struct.unpack_from(">HHI", data, offset + 4 + 8 * i)
        fmt, = struct.unpack_from(">H", data, offset + sub)
        subtables[(platform, encoding, fmt)] = offset + sub
    for key in ((3, 10, 12), (0, 4, 12), (0, 6, 12)):
        if key in subtables:
            return _read_format12(data, subtables[key])
    for key in ((3, 1, 4), (0, 3, 4)):
        if key in subtables:
            return read_format4(data, subtables[key])
    raise LayoutError("the font has no Unicode cmap", hint="rebuild fonts/")


def _read_format12(data: bytes, start: int) -> dict[int, int] | GroupMap:
    groups, = struct.unpack_from(">I", data, start + 12)
    numbers = big_endian("I", data[start + 16:start + 16 + 12 * groups])
    firsts, lasts, glyphs = numbers[0::3], numbers[1::3], numbers[2::3]
    if all(map(lt, lasts, firsts[1:])) and all(map(le, firsts, lasts)):
        return GroupMap(firsts, lasts, glyphs)
    out: dict[int, int] = {}  # (groups out of order: read as they come, the last one winning)
    for first, last, glyph in zip(firsts, lasts, glyphs):
        out.update(zip(range(first, last + 1), range(glyph, glyph + last - first + 1)))
    return out


def big_endian(code: str, raw: bytes) -> array:
    """Unsigned 16-bit ("H") or 32-bit ("I") numbers stored big-endian, as an array."""
    if code == "I" and array("I").itemsize != 4:
        code = "L"
    values = array(code, raw)
    if sys.byteorder == "little":
        values.byteswap()
    return values


def read_format4(data: bytes, start: int) -> dict[int, int]:
    """Code point → glyph from a format-4 (16-bit, segmented) cmap subtable at `start`."""
    segments = struct.unpack_from(">H", data, start + 6)[0] // 2
    ends = struct.unpack_from(f">{segments}H", data, start + 14)
    starts = struct.unpack_from(f">{segments}H", data, start + 16 + 2 * segments)
    deltas = struct.unpack_from(f">{segments}h", data, start + 16 + 4 * segments)
    range_at = start + 16 + 6 * segments
    offsets = struct.unpack_from(f">{segments}H", data, range_at)
    out: dict[int, int] = {}
    for i in range(segments):
        for code in range(starts[i], ends[i] + 1):
            if code == 0xFFFF:
                continue
            if offsets[i] == 0:
                glyph = (code + deltas[i]) & 0xFFFF
            else:
                at = range_at + 2 * i + offsets[i] + 2 * (code - starts[i])
                glyph, = struct.unpack_from(">H", data, at)
                if glyph:
                    glyph = (glyph + deltas[i]) & 0xFFFF
            if glyph:
                out[code] = glyph
    return out
