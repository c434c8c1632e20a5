"""reportlab's formatting of PDF objects, the same bytes, less work a value (installed on
import, by render/objects.py).

A document's save formats every value of every object through `pdfdoc.format`: an
instance check, an attribute look-up and a codec call for each name and number, and
`pdfdoc.PDFName` (a loop in Python over the name's characters) for every key of every
dictionary. Here:

* `dump` (pdfdoc.format): a name, key or number by its exact type first, its bytes kept
  by value (a document writes the same few hundred again and again), anything else as
  reportlab formats it;
* `name` (pdfdoc.PDFName): kept by value;
* `dictionary_format` (PDFDictionary.format): each key's bytes kept, each value through
  `dump`;
* `array_format` (PDFArray.format): numbers alone in one step, ten a line (a font
  subset's /Widths: 256 numbers), anything else through `dump`.

`reportlab_formatting()` puts reportlab's own back while it lasts, for tests that compare
the two writers' bytes (tests/test_formats.py).
"""
from __future__ import annotations

import contextlib
from collections import OrderedDict
from collections.abc import Iterator

from reportlab import rl_config
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfdoc

from .runs import number

_REPORTLAB = {
    "format": pdfdoc.format,
    "PDFName": pdfdoc.PDFName,
    "dictionary": pdfdoc.PDFDictionary.format,
    "array": pdfdoc.PDFArray.format,
}
reportlab_format = _REPORTLAB["format"]
reportlab_name = _REPORTLAB["PDFName"]

# Values' bytes by value, started afresh past this many (each a few dozen bytes).
MOST_KEPT = 20_000
LONGEST_KEPT = 128  # characters: a longer text is encoded where it is written
_TEXTS: dict[str, bytes] = {}
_NUMBERS: dict[float, bytes] = {}
_NAMES: dict[str, str] = {}
_KEYS: dict[str, bytes] = {}  # a dictionary's key → its name's bytes, "/Type"
PER_LINE = 10  # numbers a line, as reportlab breaks a long array


def _text(value: str) -> bytes:
    """A text as reportlab writes it (pdfdocEnc: the extended PDFDocEncoding)."""
    found = _TEXTS.get(value)
    if found is None:
        found = value.encode("extpdfdoc")
        if len(value) <= LONGEST_KEPT:
            if len(_TEXTS) >= MOST_KEPT:
                _TEXTS.clear()
            _TEXTS[value] = found
    return found


def _number(value: float) -> bytes:
    found = _NUMBERS.get(value)
    if found is None:
        if len(_NUMBERS) >= MOST_KEPT:
            _NUMBERS.clear()
        found = _NUMBERS[value] = fp_str(value).encode("ascii")
    return found


def dump(element, document, toplevel=0):
    """`element` as pdfdoc.format writes it: a text, number or bytes by its exact type,
    a PDF object by its own format (a reference to it where it stands only at the top
    level), anything else as reportlab writes it."""
    kind = type(element)
    if kind is str:
        return _text(element)
    if kind is int or kind is float:
        return _number(element)
    if kind is bytes:
        return element
    if isinstance(element, pdfdoc.PDFObject) and (toplevel
                                                  or not hasattr(element, "__RefOnly__")):
        if not rl_config.invariant and rl_config.pdfComments:
            return reportlab_format(element, document, toplevel)
        return element.format(document)
    return reportlab_format(element, document, toplevel)


def name(data, lo="!", hi="~"):
    """pdfdoc.PDFName: `data` as a PDF name ("/" and it, escaped), kept by value."""
    if type(data) is not str or lo != "!" or hi != "~":
        return reportlab_name(data, lo, hi)
    found = _NAMES.get(data)
    if found is None:
        if len(_NAMES) >= MOST_KEPT:
            _NAMES.clear()
        found = _NAMES[data] = reportlab_name(data)
    return found


def _key(key) -> bytes:
    found = _KEYS.get(key)
    if found is None:
        found = dump(pdfdoc.PDFName(key), None)
        if type(key) is str:
            if len(_KEYS) >= MOST_KEPT:
                _KEYS.clear()
            _KEYS[key] = found
    return found


def dictionary_format(self, document, IND=b"\n "):  # noqa: N803 (reportlab's name)
    """PDFDictionary.format: its keys sorted (unless ordered), six a line."""
    values = self.dict
    keys = list(values)
    if not isinstance(values, OrderedDict):
        keys.sort()
    lines = [_key(k) + b" " + dump(values[k], document) for k in keys]
    multiline = self.multiline
    if (multiline and rl_config.pdfMultiLine) or multiline == "forced":
        return b"<<\n" + IND.join(lines) + b"\n>>"
    for at in reversed(range(6, len(lines), 6)):
        lines.insert(at, b"\n ")
    return b"<<\n" + b" ".join(lines) + b"\n>>"


_NUMBER_TYPES = (int, float)


def array_format(self, document, IND=b"\n "):  # noqa: N803 (reportlab's name)
    """PDFArray.format: on one line, broken ten values a line; numbers alone (a font's
    /Widths) written in one step, as runs.number writes each."""
    sequence = self.sequence
    multiline = self.multiline
    if (multiline and rl_config.pdfMultiLine) or multiline == "forced":
        return b"[ " + IND.join([dump(e, document) for e in sequence]) + b" ]"
    if len(sequence) > PER_LINE and all(type(e) in _NUMBER_TYPES for e in sequence):
        numbers = [number(e) for e in sequence]
        lines = [" ".join(numbers[at:at + PER_LINE])
                 for at in range(0, len(numbers), PER_LINE)]
        return b"[ " + " \n  ".join(lines).encode("ascii") + b" ]"
    written = [dump(e, document) for e in sequence]
    for at in reversed(range(PER_LINE, len(written), PER_LINE)):
        written.insert(at, b"\n ")
    return b"[ " + b" ".join(written) + b" ]"


def _install(format_, name_, dictionary, array) -> None:
    pdfdoc.format = format_
    pdfdoc.PDFName = name_
    pdfdoc.PDFDictionary.format = dictionary
    pdfdoc.PDFArray.format = array


def install() -> None:
    _install(dump, name, dictionary_format, array_format)


@contextlib.contextmanager
def reportlab_formatting() -> Iterator[None]:
    """reportlab's own formatting while it lasts (for tests: the bytes must not differ)."""
    _install(*_REPORTLAB.values())
    try:
        yield
    finally:
        install()


install()
