"""A credit's names kept whole on a line: 【记者 徐燕 通讯员 赵萌萌】 may break between names
(at their spaces, or between a role and a name written on to it, 记者徐燕), never inside
one (赵 | 萌萌).

What is a credit (the normalizer's reading, text/normalize.py, which keeps the spaces
between its names): in running text (a paragraph, a signature, a box's attribution) a
bracket （…） 【…】 〔…〕 ［…］ that opens with a reporter's role (text/credits.py: its
outlet's name before it or not, （长江日报记者 陈奇雄 …）) or a photographer's 摄, or that holds names only (two or more names of 2-6 Han characters) where
credits stand: after a dateline's 电/讯, or after a story's last sentence at the end of the
text (or as the whole text: a signature （胡兴瑞 杨颜慈））; a byline whole, when it names a
role or names only (本报记者 林芸; not 上汽通用汽车党委).

Inside a credit each word between spaces is cut at its roles (新华社 | 记者 | 张三); each
piece but a role and the outlet a role follows, a name of at most NAME_MOST characters (a transliterated name's parts
joined by · each so; an agency's, 新华社; 文/图, 摄), is one unit: the gaps between its
boxes may not break. A role is a word like any other, which Chinese text breaks anywhere
(通 | 讯员 as 通讯 | 员): kept whole too, it would letter-space the line before it where its
credit opens a paragraph (新报讯【记者 徐燕 | 通讯员 … in a 13-字 column, gaps of 0.29 em, past
the ¼ em the body keeps to). A unit wider than the line it is set in, with what the rules
bind to it (【张三), is left breakable and breaks where it must, as any text does (its
characters come out, legally broken; a name is never pushed past the column's edge).
"""
from __future__ import annotations

import re
from typing import Final

from .credits import BRACKET_PAIRS, CREDIT_REACH, CREDITED, credit_bracket, names_only
from .items import Items
from .words import box_spans

NAME_MOST: Final = 6  # characters of a name (or of each part of one joined by ·) at most
NAME_SPACE_ROOM: Final = 1.0  # em a space beside a name widens by before characters part
_NAME_JOINS: Final = "·•・"
_OPENERS: Final = frozenset(BRACKET_PAIRS)
_BRACKETS: Final = frozenset(BRACKET_PAIRS) | frozenset(BRACKET_PAIRS.values())
_ROLE = re.compile(CREDITED)
_WORD = re.compile(r"[^\s\u3000]+")


Span = tuple[int, int]  # text[start:end]


def name_spans(text: str, whole: bool = False) -> tuple[Span, ...]:
    """The units of `text`'s credits that a line may not break inside, as text offsets (of
    two characters or more); `whole`: the text is a byline (a credit in itself if it names
    a role or names only), else running text whose bracketed credits are looked for."""
    if whole:
        return tuple(units(text, 0, len(text))) if _ROLE.search(text) or names_only(text) \
            else ()
    if _OPENERS.isdisjoint(text):
        return ()
    spans: list[Span] = []
    for start, c in enumerate(text):
        partner = BRACKET_PAIRS.get(c)
        if partner is None:
            continue
        end = start + 1
        while end < len(text) and end - start <= CREDIT_REACH and text[end] not in _BRACKETS:
            end += 1
        if end - start > CREDIT_REACH or end >= len(text) or text[end] != partner:
            continue
        if credit_bracket(text[start + 1:end], text[:start], text[end + 1:].split("\n", 1)[0]):
            spans += units(text, start + 1, end)
    return tuple(spans)


def units(text: str, start: int, end: int) -> list[Span]:
    """The units of the credit text[start:end]: each word between spaces cut at its roles,
    each piece of two characters or more but a role that is no longer than a name."""
    out: list[Span] = []
    for word in _WORD.finditer(text, start, end):
        cuts = {word.start(), word.end()}
        roles = set()
        for role in _ROLE.finditer(text, word.start(), word.end()):
            cuts |= {role.start(), role.end()}
            roles.add(role.start())
        bounds = sorted(cuts)
        for a, b in zip(bounds, bounds[1:]):
            # (a piece a role follows is its outlet, 长江日报记者: a word like any other)
            if b - a > 1 and a not in roles and b not in roles and _name_long(text[a:b]):
                out.append((a, b))
    return out


def _name_long(piece: str) -> bool:
    parts = re.split(f"[{_NAME_JOINS}]", piece) if any(j in piece for j in _NAME_JOINS) \
        else [piece]
    return all(len(part) <= NAME_MOST for part in parts)


def unit_boxes(items: Items, text: str, spans: tuple[Span, ...]) -> tuple[Span, ...]:
    """Each unit's boxes in `items` (made from `text`), as box indices [first, end): the
    units of two boxes or more."""
    if not spans:
        return ()
    starts = [start for start, _ in box_spans(items, text)]  # (each box's offset in the text)
    out: list[Span] = []
    for a, b in spans:
        inside = [k for k, s in enumerate(starts) if a <= s < b and items.boxes[k].glyphs]
        if len(inside) > 1:
            out.append((inside[0], inside[-1] + 1))
    return tuple(out)


def tied(items: Items, units_at: tuple[Span, ...], width: float, indent: float = 0.0,
         ) -> Items:
    """`items` whose units (box indices, `unit_boxes`) may not break inside, each that fits
    a line `width` points wide (the first `indent` less) with what the rules already bind
    to it (【记者: an opening bracket never ends a line); one that does not is left as it
    was, and breaks where it must, as any text does. A typed space beside a unit widens by
    up to NAME_SPACE_ROOM em before the gaps between characters do (as a Latin word
    space, items.WORD_SPACE_MAX): a credit's line is spread between its names, not inside
    them (通 讯 员 焦 轩 at ⅓ em)."""
    gaps = list(items.gaps)
    boxes = items.boxes
    changed = False
    widest = NAME_SPACE_ROOM * items.size
    for first, end in units_at:
        # (the space on either side of a name widens first, before its characters part)
        for k in (first - 1, end - 1):
            if 0 <= k < len(gaps) and gaps[k].space and gaps[k].room < widest:
                gaps[k] = gaps[k]._replace(room=widest)
                changed = True
        a, b = first, end  # the unit, and the boxes bound to it on either side
        while a > 0 and not gaps[a - 1].breakable:
            a -= 1
        while b < len(boxes) and not gaps[b - 1].breakable:
            b += 1
        wide = -boxes[b - 1].blank_right  # (a line's last mark is set half width)
        for k in range(a, b):
            wide += boxes[k].width
        for k in range(a, b - 1):
            wide += gaps[k].kern + gaps[k].space
        if wide > width - (indent if a == 0 else 0.0) + 1e-6:
            continue
        for k in range(first, end - 1):
            if gaps[k].breakable:
                gaps[k] = gaps[k]._replace(breakable=False)
                changed = True
    return items.with_gaps(tuple(gaps)) if changed else items
