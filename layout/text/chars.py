"""Character classes and the rule tables of Chinese composition, as data.

Sources: W3C "Requirements for Chinese Text Layout" (clreq) §3.1 (punctuation marks and
their widths) and §3.1.7 (line start / line end prohibitions); GB/T 15834-2011 (punctuation)
§4 for the marks and §5.1 for their placement; JLREQ where clreq defers to it.
"""
from __future__ import annotations

import unicodedata
from enum import Enum


class CharClass(Enum):
    """What a character is for composition (clreq §3.1.1, GB/T 15834-2011 §4)."""

    OPENING = "opening"  # “ ‘ （ 《 〈 【 …: glyph in the right half of its em (GB/T §4.4–4.5)
    CLOSING = "closing"  # ” ’ ） 》 〉 】 …: glyph in the left half
    COMMA = "comma"  # ， 、 ； ：: pause marks, glyph in the left half (GB/T §4.2–4.3, 4.6)
    FULL_STOP = "full-stop"  # 。 ．: glyph in the left half (GB/T §4.1)
    DIVIDING = "dividing"  # ？ ！: full width, not compressed (GB/T §4.1.3–4.1.4)
    MIDDLE_DOT = "middle-dot"  # ·: ½ em on the mainland, centred (clreq §3.1.5)
    CONNECTOR = "connector"  # ～ – and a lone —: centred (GB/T §4.13)
    INSEPARABLE = "inseparable"  # — … when doubled: —— …… take 2 em, never split (GB/T §4.9, 4.11)
    PREFIX = "prefix"  # ￥ $ £ €: stay with the number after them
    SUFFIX = "suffix"  # ％ ‰ ℃: stay with the number before them
    IDEOGRAPHIC = "ideographic"  # Han, kana, full-width letters: one em each
    LATIN = "latin"  # Latin letters, digits and ASCII signs: form unbreakable words
    SPACE = "space"
    OTHER = "other"  # symbols set at their own width (① ■ ★)

    # Members are singletons compared by identity: hash them by identity too, in C (Enum's
    # own __hash__ is Python code, and the engine tests set membership for every box).
    __hash__ = object.__hash__


_TABLE: dict[str, CharClass] = {}


def _put(chars: str, cls: CharClass) -> None:
    for c in chars:
        _TABLE[c] = cls


_put("“‘（《〈【〖〔「『［｛〘〚｟", CharClass.OPENING)
_put("”’）》〉】〗〕」』］｝〙〛｠", CharClass.CLOSING)
_put("，、；：", CharClass.COMMA)
_put("。．", CharClass.FULL_STOP)
_put("？！", CharClass.DIVIDING)
_put("·・‧", CharClass.MIDDLE_DOT)
_put("～〜–－", CharClass.CONNECTOR)
_put("—…⋯⸺⸻―", CharClass.INSEPARABLE)
_put("￥$£€¥", CharClass.PREFIX)
_put("％‰‱℃℉°′″", CharClass.SUFFIX)

# Marks that take a cell of their own in Chinese text (never a Latin width).
MARKS = frozenset({CharClass.OPENING, CharClass.CLOSING, CharClass.COMMA,
                   CharClass.FULL_STOP, CharClass.DIVIDING, CharClass.MIDDLE_DOT,
                   CharClass.CONNECTOR, CharClass.INSEPARABLE})

# Width of a mark's cell in em (clreq §3.1.5: the middle dot is half width on the mainland).
CELL = {CharClass.MIDDLE_DOT: 0.5}

# Blank that may be taken off each side of a mark (clreq §3.1.6, GB/T §5.1.10): the
# left-sitting marks have a blank right half, opening marks a blank left half.
BLANK_RIGHT = {CharClass.CLOSING: 0.5, CharClass.COMMA: 0.5, CharClass.FULL_STOP: 0.5}
BLANK_LEFT = {CharClass.OPENING: 0.5}

# 禁则 (clreq §3.1.7, strict level): classes that may not start a line …
NO_LINE_START = frozenset({CharClass.CLOSING, CharClass.COMMA, CharClass.FULL_STOP,
                           CharClass.DIVIDING, CharClass.MIDDLE_DOT, CharClass.CONNECTOR,
                           CharClass.INSEPARABLE, CharClass.SUFFIX})
# … and classes that may not end one. The middle dot binds both neighbours (a transliterated
# name 克里斯蒂娜·罗塞蒂 breaks between characters, never at the dot: clreq §3.1.5).
NO_LINE_END = frozenset({CharClass.OPENING, CharClass.PREFIX, CharClass.MIDDLE_DOT})
# Single characters that may neither end nor start a line whatever their class (clreq
# §3.1.7, CJK-RULES §1–2: the solidus of 元/吨, 元/升 binds both neighbours).
NO_LINE_END_CHARS = frozenset("/／")
NO_LINE_START_CHARS = frozenset("/／")
# ASCII marks are Latin (they join a Latin word), but one that opens a Latin box is still a
# mark: a colon typed after 日 with normalization off, or a ? typed with a space before it
# never starts a line; an opening bracket with a space typed after it may end one.
ASCII_NO_LINE_END = frozenset("([{")
ASCII_NO_LINE_START = frozenset(",.:;?!)]}%")


# Every character's class once asked for (the marks' from the start): items read it
# directly, one lookup a character of the text they are made from.
CLASSES: dict[str, CharClass] = dict(_TABLE)


def char_count(text: str) -> int:
    """How many characters a text counts as wherever the package counts them for an editor
    (copyfit's 字, text left over, a jump's parts, an imported piece's length): all but
    spaces and line breaks."""
    return len("".join(text.split()))


def char_class(char: str) -> CharClass:
    """The composition class of one character."""
    cls = CLASSES.get(char)
    if cls is None:
        cls = CLASSES[char] = _classify(char)
    return cls


def _classify(char: str) -> CharClass:
    if char.isspace():
        return CharClass.SPACE
    code = ord(char)
    if code < 0x80 or (char.isalnum() and unicodedata.east_asian_width(char) in "NaH"):
        return CharClass.LATIN
    if unicodedata.east_asian_width(char) in "WF":
        return CharClass.IDEOGRAPHIC
    return CharClass.OTHER
