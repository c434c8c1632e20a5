"""The roles a reporter is credited by (记者, 通讯员 …) and the ranks written before them
(本报, 特约 …): one list for the normalizer (a bracketed credit keeps the spaces between
its names: text/normalize.py), the line breaker's credits (a name is never broken across
lines: text/names.py), the importer's bylines (importer/pieces.py) and `layout intake`'s
(intake.py)."""
from __future__ import annotations

import re
from typing import Final

RANKS: Final = ("本报", "特约", "见习", "实习", "首席")
ROLES: Final = ("记者", "通讯员", "摄影记者", "实习生", "撰稿")

# a role, its rank before it or not (a pattern for re, no groups of its own)
CREDITED: Final = f"(?:{'|'.join(RANKS)})?(?:{'|'.join(ROLES)})"

# what a bracket that holds a credit opens with: a role, the outlet's name before it or not
# (（大河报·豫视频记者 陈奇雄 通讯员 王艺臻）: a word of at most OUTLET characters, no space
# or sentence mark in it), or a photographer's 摄 (（摄影 张三）)
OUTLET: Final = 12
OPENING: Final = (rf"[^\s，。、；：！？（）【】〔〕［］]{{0,{OUTLET}}}?{CREDITED}"
                  f"|(?:{'|'.join(RANKS)})?摄")

CREDIT_REACH: Final = 40  # characters a credit's bracket holds at most (a short one)
# a credit's brackets, each opening mark with its closing one
BRACKET_PAIRS: Final = {"（": "）", "【": "】", "〔": "〕", "［": "］"}
SENTENCE_ENDS: Final = frozenset("。！？!?…")
CLOSERS: Final = frozenset("”’」』）)》")  # (what may follow a sentence's end: 。”)

_NAME_SPACES = re.compile("[ \t\u3000]+")
_OPENS = re.compile(OPENING)


def names_only(text: str) -> bool:
    r"""A bracket of names only, （胡兴瑞 杨颜慈）, （海外网 濮阳艺婧）: a credit without a role.
    Two or more names of 2-6 characters in U+4E00-U+9FFF parted by spaces (what the pattern
    [\u4e00-\u9fff]{2,6}([ \t\u3000]+[\u4e00-\u9fff]{2,6})+ matches whole; whose
    compilation was ~19 M instructions at each start, a fiftieth of a page's process)."""
    names = _NAME_SPACES.split(text)
    return len(names) > 1 and all(
        1 < len(name) < 7 and all("\u4e00" <= c <= "\u9fff" for c in name) for name in names)


def credit_bracket(inside: str, before: str, rest: str) -> bool:
    """Whether a bracket holding `inside` is a credit: it opens with a role (OPENING), or
    it holds names only where credits stand: after a dateline's 电/讯 (…7月10日电
    （胡兴瑞 杨颜慈）), or ending its line after a sentence's end (…善款。（海外网 濮阳艺婧）)
    or as the whole of it. `before`: the text before the bracket; `rest`: after it, to
    the end of its line. (The normalizer keeps a credit's spaces, text/normalize.py; the
    line breaker its names whole, text/names.py.)"""
    if _OPENS.match(inside) is not None:
        return True
    if not names_only(inside):
        return False
    before = before.rstrip()
    if before[-1:] in ("电", "讯"):
        return True
    if rest.strip():
        return False
    before = before.rstrip("".join(CLOSERS) + " \u3000")
    return not before or before[-1] in SENTENCE_ENDS
