"""Input cleanup: what web copies and hurried typing leave in Chinese text.

* ASCII , ; : ? ! ( ) typed beside Chinese characters become their full-width forms;
* straight quotes " ' around or beside Chinese text become “ ” and ‘ ’, paired in order;
* ASCII spaces between two Chinese characters (or a character and a full-width mark) go, in
  body text only: in headlines, captions, quotes, bylines and labels a space is deliberate,
  and an ideographic space (U+3000) is never a stray one.

Latin text is never touched: "Fit for 2020", "2-BOX", "MG Ei5", "10:30", "don't". Every
change is returned, so that nothing happens to the text unseen (`layout render --verbose`).
"""
from __future__ import annotations

from dataclasses import dataclass

from .chars import MARKS, CharClass, char_class

FULL_WIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}


@dataclass(frozen=True)
class Change:
    """One edit: `before` at `offset` of the original text became `after`."""

    offset: int
    before: str
    after: str
    reason: str


ASCII_SPACES = " \t"


# Every character a rule of normalize() starts from.
_TOUCHED = frozenset(FULL_WIDTH) | frozenset("\"'") | frozenset(ASCII_SPACES)


def _chinese(char: str | None) -> bool:
    """A Han character or a full-width mark: the context that makes ASCII marks Chinese."""
    if char is None:
        return False
    cls = char_class(char)
    return cls is CharClass.IDEOGRAPHIC or (cls in MARKS and ord(char) > 0x2000)


def _adjacent(text: str, i: int) -> tuple[str | None, str | None]:
    """The characters right before and after position i."""
    return (text[i - 1] if i > 0 else None), (text[i + 1] if i + 1 < len(text) else None)


def _neighbours(text: str, i: int) -> tuple[str | None, str | None]:
    """The nearest non-space characters before and after position i."""
    j = i - 1
    while j >= 0 and text[j].isspace():
        j -= 1
    k = i + 1
    while k < len(text) and text[k].isspace():
        k += 1
    return (text[j] if j >= 0 else None), (text[k] if k < len(text) else None)


def normalize(text: str, body: bool = True) -> tuple[str, list[Change]]:
    """The cleaned text and the list of changes; `body` False keeps spaces (headlines)."""
    if _TOUCHED.isdisjoint(text):  # (most paragraphs: nothing any rule below looks at)
        return text, []
    chars = list(text)
    changes: list[Change] = []
    quotes: dict[str, list[int]] = {'"': [], "'": []}
    for i, c in enumerate(text):
        before, after = _adjacent(text, i)  # a mark is Chinese when it touches Chinese
        if c in FULL_WIDTH and (_chinese(before) or _chinese(after)):
            chars[i] = FULL_WIDTH[c]
            changes.append(Change(i, c, chars[i], "ASCII mark in Chinese text"))
        elif c == "'" and before and after and before.isascii() and before.isalpha() \
                and after.isascii() and after.isalpha():
            continue  # an apostrophe inside a Latin word
        elif c in quotes:
            quotes[c].append(i)
    for mark, (opening, closing) in (('"', "“”"), ("'", "‘’")):
        positions = quotes[mark]
        for first, second in zip(positions[0::2], positions[1::2]):
            inside = text[first + 1:second]
            context = (_chinese(_adjacent(text, first)[0]) or
                       _chinese(_adjacent(text, second)[1]) or
                       any(_chinese(c) for c in inside))
            if context:
                for pos, new in ((first, opening), (second, closing)):
                    chars[pos] = new
                    changes.append(Change(pos, mark, new, "straight quote in Chinese text"))
    if body:
        for i, c in enumerate(text):
            if c in ASCII_SPACES and chars[i] == c:  # U+3000 is never a stray space
                before, after = _neighbours(text, i)
                if _chinese(before) and _chinese(after):
                    chars[i] = ""
                    changes.append(Change(i, c, "", "space between Chinese characters"))
    changes.sort(key=lambda change: change.offset)
    return "".join(chars), changes
