"""The importer's reading of a page's raw text into pieces (a line, or the lines of a
hard-wrapped block joined), and what a piece says of itself: its length, its sentence end,
whether it is a byline, a signature, a caption, a section label; the page's template from
its banner; the source file read (`read_source`)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from ..errors import LayoutError
from ..source import MAX_YAML_BYTES as MAX_BYTES
from ..text.chars import char_count
from ..text.credits import CREDITED

BANNERS = ("奋进路上 党旗飘扬",)  # the party-building template's banner
SHORT = 30  # characters: longer pieces are paragraphs
# a sentence ends with one of these marks, perhaps inside closing quotes or brackets
SENTENCE_END = re.compile(r"[。！？!?…]+[”’」』）)]*$")
OPEN_END = ("，", "、", "；", "：", ",", ";", ":")  # a piece ending so runs on
LONG_TITLE = 16  # characters: a longer title has a clause mark (， ： or a space) in it
BYLINE = re.compile(rf"^{CREDITED}[\s　]*\S.{{0,20}}$|"
                    rf"^{CREDITED}.{{1,12}}{CREDITED}.{{1,12}}$|"
                    r"^(文|图|文图|文/图|文／图)[/／:：\s　]+\S.{0,20}$")
SIGNATURE = re.compile(r"^[（(][^（）()]{1,24}[）)]$")
# a section label (栏目): a short line over a headline ending as 栏目 names do
SECTION = re.compile(r"^(?!图为)[\u4e00-\u9fff]{0,4}(观察|动态|视点|聚焦|速递|纵横|一线|论坛|园地|天地|"
                     r"之窗|快讯|时评|专栏|特写|视窗|短波|简讯|关注|要闻|广角|纪事|在线|"
                     r"时空|前沿|周刊|资讯|故事|人物|专题|直击|新闻)$")
CAPTION_START = re.compile(r"^(图为|图[:：]|上图|下图|左图|右图|（摄影|摄影[:：])")
CAPTION_END = re.compile(r"[\s　（(](\S{1,4}[\s　]?摄|供图)[）)]?$")  # …（张三 摄）
TRAILING_SIGN = re.compile(r"^(.*[。！？!?…][”’」』）)]*)[ \u3000]*([（(][^（）()]{1,12}[）)])$",
                           re.S)
PAIRS = ("“”", "‘’", "（）", "《》", "「」", "『』", "()")


def captioned(text: str) -> bool:
    """A piece that says it is a caption: 图为…, 上图…, or a photographer's credit."""
    return bool(CAPTION_START.match(text) or CAPTION_END.search(text))


@dataclass
class Piece:
    """A run of the source: a line, or the lines of a hard-wrapped block joined."""

    text: str
    line: int  # 1-based, in the source
    blank_before: int  # blank lines above it
    lines: int = 1  # source lines joined into it (hard-wrapped text)
    # hard-wrapped: its first line runs the column's full width (no indent), and its
    # last one too: a column break cut it, not a paragraph's end
    full_start: bool = False
    full_end: bool = False


def _balanced(text: str) -> bool:
    """Brackets and quotes closed (a straight " may close or open a curly one: web copy
    mixes them, “幸存者偏差"这个概念)."""
    return all(text.count(pair[0]) == text.count(pair[1]) or (pair[0] == "“" and '"' in text)
               for pair in PAIRS)


def _width(text: str) -> float:
    """Width in em: Latin letters and digits count half."""
    return sum(0.5 if c.isascii() and not c.isspace() else 1.0 for c in text if
               not c.isspace())


def join_pieces(a: str, b: str, cut: bool = False) -> str:
    """Two parts of one paragraph: a space only between two Latin words (letters on both
    sides: a wrap splits Fit|for between words, Ei|5 and 20|20 inside one). `cut`: a
    fixed-width wrap split a word (the line ran the full width, no space at the cut):
    GD|P is GDP."""
    if a and b and a[-1].isascii() and a[-1].isalpha() and b[0].isascii() and b[0].isalpha() \
            and not cut:
        return a + " " + b
    return a + b


HANGING = "。，、；：？！”’）》…—"  # marks a line may end with beyond its measure


def _full(line: str, measure: float) -> bool:
    """A hard-wrapped line that runs the column's full width (a mark hanging past its end
    aside): neither a paragraph's indented first line nor its short last one."""
    return _width(line.rstrip(HANGING)) >= measure - 1


class Pieces(NamedTuple):
    """A source read as pieces, and whether it is hard-wrapped (narrow lines run
    together)."""

    pieces: list[Piece]
    wrapped: bool


def pieces(text: str) -> Pieces:
    """The source's pieces, and whether it is hard-wrapped (narrow lines run together)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff").split("\n")
    filled = [l.strip() for l in lines if l.strip()]
    runs = sum(1 for a, b in zip(lines, lines[1:]) if a.strip() and b.strip())
    widths = sorted(_width(l) for l in filled)
    typical = widths[len(widths) * 3 // 4] if widths else 0
    wrapped = bool(filled) and typical <= 16 and runs >= len(filled) // 2
    out: list[Piece] = []
    blank = 0
    if not wrapped:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                blank += 1
                continue
            out.append(Piece(line.strip(), number, blank))
            blank = 0
        return Pieces(out, False)
    # hard-wrapped: a block's lines are one piece, except where a line ends its sentence
    # and the next one is indented (two characters short of the column: a new paragraph)
    measure = typical
    current: Piece | None = None
    previous = ""
    previous_raw = ""
    for number, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line:
            blank += 1
            current = None
            continue
        # a subtitle's —— line stands alone: neither joined to the line over it nor to the
        # paragraph under it
        dash = line.startswith(("——", "--"))
        # a new piece: a line the extraction kept indented (spaces or 　 before it); after
        # a line that ends a sentence, a line two short of the column (its indent lost)
        starts = current is not None and (
            raw[:2] in ("  ", "\u3000\u3000") or raw[:1] == "\u3000"
            or (bool(SENTENCE_END.search(previous)) and _width(line) <= measure - 1.5
                and _width(previous) >= measure - 2.5))
        if current is None or starts or dash or previous.startswith(("——", "--")):
            current = Piece(line, number, blank if current is None else 0,
                            full_start=_full(line, measure))
            out.append(current)
        else:
            # a code in capitals split where the line ran full, no space kept at the cut
            # (GD|P); a lower-case word after a cut is another word (Fit|for)
            split = (_full(previous, measure) and not previous_raw[-1:].isspace()
                     and not raw[:1].isspace() and previous[-1:].isupper()
                     and line[:1].isupper())
            current.text = join_pieces(current.text, line, split)
            current.lines += 1
        current.full_end = _full(line, measure)
        previous, previous_raw = line, raw
        blank = 0
    return Pieces(out, True)


def banner_of(found: list[Piece]) -> str | None:
    return found[0].text if found and found[0].text in BANNERS else None


def page_template(found: list[Piece] | str) -> str:
    """The template an imported page is set on (unless one is given): party-building when
    the text opens with its banner, news-tabloid otherwise."""
    if isinstance(found, str):
        found = pieces(found).pieces
    return "party-building" if banner_of(found) else "news-tabloid"


def ends_sentence(text: str) -> bool:
    return bool(SENTENCE_END.search(text)) and _balanced(text)


def short_piece(piece: Piece) -> bool:
    """A piece that may be a headline, subhead or caption: one line, short, no sentence in
    it or ending it, brackets and quotes closed; longer than LONG_TITLE only with a clause
    mark (a cut sentence has none where a title would)."""
    t = piece.text
    return (piece.lines == 1 and char_count(t) <= SHORT and not SENTENCE_END.search(t)
            and not t.endswith(OPEN_END) and not re.search(r"[。！？]", t)
            and _balanced(t) and not SIGNATURE.match(t) and not BYLINE.match(t))


def clause_marked(text: str) -> bool:
    """A subhead longer than LONG_TITLE has a clause mark (， ： or a space) in it: a
    sentence a column break cut has none where a title would."""
    return char_count(text) <= LONG_TITLE or bool(re.search(r"[，：:\s]", text))


def as_title(text: str) -> str:
    """A display line as the page means it: no extraction space after 、，。 (the mark
    carries its own blank)."""
    return re.sub(r"(?<=[、，。])[ \u3000]+", "", text)


def read_source(path: Path) -> str:
    """A page's raw text: a regular UTF-8 file of at most MAX_BYTES."""
    try:
        if not path.is_file():
            raise LayoutError("not a regular file", path, hint="give the page's .txt file")
        if path.stat().st_size > MAX_BYTES:
            raise LayoutError(f"larger than {MAX_BYTES // 2**20} MB: not one page's text",
                              path, hint="split it into one file per page")
        text = path.read_bytes().decode("utf-8")
        bad = re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", text)
        if bad:
            line = text.count("\n", 0, bad.start()) + 1
            raise LayoutError(f"a control character (U+{ord(bad.group()):04X}) in the text: "
                              "not a page's text, or a damaged one", path, line,
                              hint="remove it (tr -d) and import again")
        return text
    except UnicodeDecodeError as err:
        line = path.read_bytes()[: err.start].count(b"\n") + 1
        raise LayoutError("not UTF-8 text", path, line,
                          hint="convert it to UTF-8 (e.g. iconv -f GBK -t UTF-8)") from None
    except OSError as err:
        raise LayoutError(f"cannot read it: {err.strerror}", path,
                          hint="check the path and its permissions") from None
