"""`layout import`: the raw text of a printed page, as an archive holds it, → a manifest draft
that renders as a full page.

Archive texts are what an extraction left: banner, kicker, headline, byline, paragraphs cut
at column breaks, hard-wrapped narrow lines, photo captions standing alone, subheads, 编者按,
comment boxes, signatures. The importer reads the text as pieces (a line, or the lines of a
hard-wrapped block joined), tells each piece's part from its length, its punctuation, the
blank lines around it and its neighbours, joins what a column break cut, and writes a
manifest: every character of the source in its order (captions go with their pictures),
each decision that is not certain as a YAML comment beside what it made, and counted in a
report. The page is then laid out; where it leaves a blank hole, a picture placeholder goes
into the article that has it, until the page is full (or no placeholder helps).
"""
from __future__ import annotations

import json
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import yaml

from .errors import LayoutError
from .source import MAX_YAML_BYTES as MAX_BYTES

if TYPE_CHECKING:
    from .model import PageLayout

BANNERS = ("奋进路上 党旗飘扬",)  # the party-building template's banner
SHORT = 30  # characters: longer pieces are paragraphs
# a sentence ends with one of these marks, perhaps inside closing quotes or brackets
SENTENCE_END = re.compile(r"[。！？!?…]+[”’」』）)]*$")
OPEN_END = ("，", "、", "；", "：", ",", ";", ":")  # a piece ending so runs on
LONG_TITLE = 16  # characters: a longer title has a clause mark (， ： or a space) in it
BYLINE = re.compile(r"^(本报|特约|见习|首席|实习)?(记者|通讯员|摄影记者|撰稿)[\s　]*\S.{0,20}$|"
                    r"^(本报|特约|见习|首席|实习)?记者.{1,12}通讯员.{1,12}$|"
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
MAX_PLACEHOLDERS = 3  # pictures the importer adds to one article to fill the page
PLACEHOLDER_ROUNDS = 4


def _captioned(text: str) -> bool:
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


@dataclass
class Block:
    """One item of an article as the manifest writes it."""

    kind: str  # paragraph, subhead, signature, comment
    text: str
    second: str | None = None  # a subhead's second line; a comment's attribution
    notes: list[str] = field(default_factory=list)  # comments written above it
    after: Block | None = None  # a box the page set inside this (cut) paragraph
    line: int = 0  # where it starts in the source
    full_end: bool = False  # hard-wrapped: its last line runs the column's full width


@dataclass
class Draft:
    """An article being made."""

    head: list[str] = field(default_factory=list)  # the headline run, in order
    section: str | None = None  # 栏目: a label over the headline
    byline: str | None = None
    note: str | None = None
    note_label: str = "编者按"
    blocks: list[Block] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    pictures: int = 0  # placeholders the importer added


@dataclass
class Imported:
    """What `import_text` made of a page's text: its articles and what it was unsure of."""

    articles: list[Draft]
    header: list[str]
    banner: str | None
    template: str
    unsure: list[str]
    paper: str | None = None
    date: str | None = None
    page: int | None = None
    source: str = "page"  # the text's name, for messages

    def manifest(self) -> str:
        """The manifest's YAML, with its comments."""
        return _manifest(self)


def _chars(text: str) -> int:
    return len("".join(text.split()))


def _balanced(text: str) -> bool:
    """Brackets and quotes closed (a straight " may close or open a curly one: web copy
    mixes them, “幸存者偏差"这个概念)."""
    return all(text.count(a) == text.count(b) or (a == "“" and '"' in text)
               for a, b in PAIRS)


def _width(text: str) -> float:
    """Width in em: Latin letters and digits count half."""
    return sum(0.5 if c.isascii() and not c.isspace() else 1.0 for c in text if
               not c.isspace())


def _join(a: str, b: str, cut: bool = False) -> str:
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
            current.text = _join(current.text, line, split)
            current.lines += 1
        current.full_end = _full(line, measure)
        previous, previous_raw = line, raw
        blank = 0
    return Pieces(out, True)


def _banner(found: list[Piece]) -> str | None:
    return found[0].text if found and found[0].text in BANNERS else None


def page_template(found: list[Piece] | str) -> str:
    """The template an imported page is set on (unless one is given): party-building when
    the text opens with its banner, news-tabloid otherwise."""
    if isinstance(found, str):
        found = pieces(found).pieces
    return "party-building" if _banner(found) else "news-tabloid"


def _ends(text: str) -> bool:
    return bool(SENTENCE_END.search(text)) and _balanced(text)


def _short(piece: Piece) -> bool:
    """A piece that may be a headline, subhead or caption: one line, short, no sentence in
    it or ending it, brackets and quotes closed; longer than LONG_TITLE only with a clause
    mark (a cut sentence has none where a title would)."""
    t = piece.text
    return (piece.lines == 1 and _chars(t) <= SHORT and not SENTENCE_END.search(t)
            and not t.endswith(OPEN_END) and not re.search(r"[。！？]", t)
            and _balanced(t) and not SIGNATURE.match(t) and not BYLINE.match(t))


def _clause_marked(text: str) -> bool:
    """A subhead longer than LONG_TITLE has a clause mark (， ： or a space) in it: a
    sentence a column break cut has none where a title would."""
    return _chars(text) <= LONG_TITLE or bool(re.search(r"[，：:\s]", text))


def _title(text: str) -> str:
    """A display line as the page means it: no extraction space after 、，。 (the mark
    carries its own blank)."""
    return re.sub(r"(?<=[、，。])[ \u3000]+", "", text)


@dataclass
class Cut:
    """A paragraph a column break may have cut, and the article it is in: the next
    paragraph piece may be its rest."""

    article: Draft
    block: Block


def import_text(text: str, name: str = "page", template: str | None = None,
                paper: str | None = None, date: str | None = None,
                page: int | None = None) -> Imported:
    """What a page's raw text holds, article by article, and what the importer was unsure
    of: `Imported.manifest()` writes it (YAML with comments); `fill` adds the pictures the
    page needs to be full."""
    found = pieces(text)
    unsure: list[str] = []
    header: list[str] = [f"# Imported from {name} by `layout import`: a draft. Comments mark "
                         "what the importer", "# decided without being sure; read them "
                         "before the page goes to press."]
    if found.wrapped:
        header.append("# The source is hard-wrapped: its lines are joined into paragraphs "
                      "(a space only between Latin words).")
    banner = _banner(found.pieces)
    chosen = template or page_template(found.pieces)
    if template is None and banner is None:
        unsure.append("no banner line: set as a news page (news-tabloid); give --template "
                      "for another")
    reader = _Reader(found, unsure)
    reader.read(1 if banner else 0)
    articles = reader.articles
    _trailing_signatures(articles)
    if not articles:
        raise LayoutError("the text has nothing to set", name,
                          hint="give it the text of a page")
    _doubts(articles, unsure)
    stand_in = [k for k, v in (("paper", paper), ("date", date), ("page", page)) if v is None]
    if stand_in:
        unsure.append(f"{', '.join(stand_in)} not in the text: stand-ins")
    return Imported(articles, header, banner, chosen, unsure, paper, date, page, name)


class _Reader:
    """One pass over a page's pieces, each classed by the first step that takes it (an
    编者按, a section label, a 微评 box, a byline, a caption, a headline group or subheads,
    a signature) or else read as a paragraph, or the rest of one a column break cut."""

    def __init__(self, found: Pieces, unsure: list[str]):
        self.found = found.pieces
        self.wrapped = found.wrapped
        self.unsure = unsure
        self.articles: list[Draft] = []
        self.note: str | None = None  # an 编者按 before the first headline: the first article's
        self.note_label = "编者按"
        self.cut: Cut | None = None  # a paragraph cut mid-sentence, and its article

    def read(self, start: int) -> None:
        """Every piece from `start` on, into articles."""
        steps = (self._editors_note, self._section, self._comment, self._byline,
                 self._caption, self._titles, self._signature)
        i = start
        while i < len(self.found):
            for step in steps:
                after = step(i)
                if after is not None:
                    i = after
                    break
            else:
                i = self._paragraph(i)
        self.settle()
        if self.note is not None:
            self.article().note, self.article().note_label = self.note, self.note_label

    # -- what the steps share ---------------------------------------------------------------

    def article(self) -> Draft:
        if not self.articles:
            self.articles.append(Draft())
        return self.articles[-1]

    def settle(self) -> None:
        """The cut paragraph ends here: a box that stood inside it follows it."""
        cut = self.cut
        if cut is not None and cut.block.after is not None:
            cut.article.blocks.append(cut.block.after)
            cut.block.after = None
        self.cut = None

    def title_like(self, k: int) -> bool:
        """Piece k may be a title: short, no sentence in it, and (hard-wrapped) not the
        first line of a paragraph whose next line a column break put apart: that next
        piece would run the full width, not start indented."""
        found = self.found
        nxt = found[k + 1] if k + 1 < len(found) else None
        goes_on = (self.wrapped and nxt is not None and nxt.full_start and nxt.blank_before
                   and nxt.text[:1] not in "“（" and not nxt.text.startswith(("编者按", "微评"))
                   and (nxt.lines > 1 or bool(SENTENCE_END.search(nxt.text))))
        return _short(found[k]) and not goes_on

    def short_run(self, start: int) -> int:
        end = start + 1
        while end < len(self.found) and self.title_like(end) and \
                self.found[end].blank_before < 2:
            end += 1
        return end

    def _pending(self) -> bool:
        """A sentence a column break cut, blank lines after it, runs on into the next
        piece that is not a caption by its words: not a caption by standing apart."""
        return self.cut is not None and not _ends(self.cut.block.text) and \
            self.cut.block.kind == "paragraph"

    def _subtitle_after(self, end: int) -> int:
        """A —— line under the title (at `end`) is its subtitle, however long: taken into
        the last article's headline; where the pieces go on."""
        if end < len(self.found) and self.found[end].text.startswith(("——", "--")) and \
                _chars(self.found[end].text) <= 2 * SHORT:
            self.articles[-1].head.append(self.found[end].text)
            return end + 1
        return end

    # -- the steps: each the index after what it took, or None ------------------------------

    def _editors_note(self, i: int) -> int | None:
        piece = self.found[i]
        t = piece.text
        label = re.match(r"^([【\[]?编者按[】\]]?[:：]?)[\s　]*", t)
        if not label:
            return None
        body = t[label.end():]
        if not self.articles or not self.article().blocks:
            self.note = body
            self.note_label = label.group(1)  # as the source writes it: 编者按, 【编者按】
        elif self.article().note is None:  # the extraction put it among the paragraphs:
            article = self.article()  # it stands under the headline
            article.note, article.note_label = body, label.group(1)
            article.notes.append(f"the 编者按 at line {piece.line} of the source, set under "
                                 "the headline where papers set it")
            self.unsure.append(f"line {piece.line}: the 编者按 among the paragraphs set under "
                               "the headline")
        else:
            self.settle()
            self.article().blocks.append(Block("paragraph", t, notes=[
                "a second 编者按: kept where the source has it"]))
        return i + 1

    def _section(self, i: int) -> int | None:
        """A section label (栏目) over a title: the title may say ！ or ？ (浪起来！…)."""
        found = self.found
        t = found[i].text
        nxt = found[i + 1] if i + 1 < len(found) else None
        if not (SECTION.match(t) and nxt is not None and _chars(nxt.text) <= SHORT
                and nxt.lines == 1 and not nxt.text.endswith("。") and "。" not in nxt.text
                and (not self.articles or self.article().blocks)
                and not BYLINE.match(nxt.text)):
            return None
        self.settle()
        self.articles.append(Draft(head=[_title(nxt.text)], section=t))
        self.articles[-1].notes.append(f"“{t}” over the title taken as its section (栏目)")
        self.unsure.append(f"line {found[i].line}: “{t}” taken as a section label")
        return self._subtitle_after(i + 2)

    def _comment(self, i: int) -> int | None:
        """A 微评 box: its text, and a signature under it as its attribution."""
        found = self.found
        if not (found[i].text == "微评" and i + 1 < len(found)):
            return None
        box = Block("comment", found[i + 1].text)
        i += 2
        if i < len(found) and SIGNATURE.match(found[i].text):
            box.second = found[i].text
            i += 1
        if self.cut is not None and self.cut.block.after is None:
            box.notes.append("the comment box (微评) the page set inside this paragraph: it "
                             "follows the paragraph")
            self.cut.block.after = box
        else:
            self.article().blocks.append(box)
        return i

    def _byline(self, i: int) -> int | None:
        t = self.found[i].text
        if not (BYLINE.match(t) and self.articles and not self.article().blocks
                and not self.article().byline):
            return None
        self.article().byline = t
        return i + 1

    def _caption(self, i: int) -> int | None:
        """A caption: it says so (图为…, a photographer's credit), or a short piece stands
        apart where a photo stood."""
        piece = self.found[i]
        t = piece.text
        if not ((_captioned(t) and _chars(t) <= 80) or (
                self.title_like(i) and piece.blank_before >= 2 and self.articles
                and not self._pending())):
            return None
        self.article().captions.append(t)
        if not _captioned(t):
            self.unsure.append(f"line {piece.line}: “{t[:16]}” taken as a photo caption (it "
                               "stands apart, where a photo stood)")
        return i + 1

    def _titles(self, i: int) -> int | None:
        """A run of title-like pieces: a headline group, or subheads."""
        found = self.found
        t = found[i].text
        following = found[i + 1].text if i + 1 < len(found) else ""
        # the next piece ends a sentence within a few characters: this short piece is
        # that sentence's start, cut by a column break (关爱融情，暖心周全|服务员工。)
        runs_on = bool(self.articles) and bool(re.match(r"^[^。！？，、；]{1,5}[。！？]",
                                                        following))
        # (a paragraph ending on ，、；： is surely cut: a short piece next is its rest)
        rest = self._pending() and self.cut is not None and \
            self.cut.block.text.endswith(OPEN_END) and self.short_run(i) == i + 1
        if not self.title_like(i) or runs_on or rest or not (
                not self.articles or _clause_marked(t) or self.short_run(i) > i + 1
                or BYLINE.match(following)):
            return None
        end = self.short_run(i)
        run = [_title(p.text) for p in found[i:end]]
        after = found[end].text if end < len(found) else ""
        if not self.articles or BYLINE.match(after) or len(run) >= 3 or (
                len(run) == 2 and SECTION.match(run[0])) or (
                len(run) == 1 and after.startswith(("——", "--"))):
            return self._headline_group(i, end, run)
        return self._subheads(i, end, run)

    def _headline_group(self, i: int, end: int, run: list[str]) -> int:
        self.settle()
        self.articles.append(Draft(head=run))
        article = self.articles[-1]
        if len(run) >= 2 and SECTION.match(run[0]):  # 栏目 over the title
            article.section = article.head.pop(0)
            article.notes.append(f"“{run[0]}” over the title taken as its section (栏目)")
            self.unsure.append(f"line {self.found[i].line}: “{run[0]}” taken as a section "
                               "label")
        end = self._subtitle_after(end)
        if self.note is not None and len(self.articles) == 1:
            self.articles[0].note, self.articles[0].note_label = self.note, self.note_label
            self.note = None
        return end

    def _subheads(self, i: int, end: int, run: list[str]) -> int:
        """Subheads: one, or a short title over a longer line (its second line); a long
        piece with no clause mark is a sentence a break cut, not a title."""
        self.settle()
        titles = list(self.found[i:end])
        while len(titles) > 1 and not _clause_marked(titles[-1].text):
            titles.pop()
        run = run[:len(titles)]
        article = self.article()
        if len(run) == 2 and _chars(run[0]) <= 8 and _chars(run[1]) > _chars(run[0]):
            article.blocks.append(Block("subhead", run[0], run[1]))
            self.unsure.append(f"line {self.found[i].line}: “{run[0]}” / “{run[1][:12]}” "
                               "taken as a subhead and its second line")
            article.blocks[-1].notes.append("a subhead and its second line (a short title "
                                            "over a longer one)")
        else:
            for p in titles:
                article.blocks.append(Block("subhead", _title(p.text)))
                if len(run) == 2:
                    self.unsure.append(f"line {p.line}: “{p.text[:16]}” taken as a subhead "
                                       "(two short lines, no byline)")
        return i + len(titles)

    def _signature(self, i: int) -> int | None:
        t = self.found[i].text
        if not SIGNATURE.match(t):
            return None
        self.settle()
        self.article().blocks.append(Block("signature", t))
        return i + 1

    def _paragraph(self, i: int) -> int:
        """A paragraph, or the rest of one a column break cut (in hard-wrapped text also
        after a sentence's end: the last line ran full and the next is not indented)."""
        piece = self.found[i]
        t = piece.text
        last = self.article().blocks[-1] if self.articles and self.article().blocks else None
        if self.cut is None and self.wrapped and piece.full_start and last is not None \
                and last.kind == "paragraph" and last.full_end and piece.blank_before:
            self.cut = Cut(self.article(), last)
        if self.cut is not None:
            block = self.cut.block
            block.notes.append(f"joined: …{block.text[-8:]}|{t[:8]}… was cut by a column "
                               "break")
            block.text = _join(block.text, t)
        else:
            block = Block("paragraph", t, line=piece.line)
            self.article().blocks.append(block)
            self.cut = Cut(self.article(), block)
        block.full_end = piece.full_end
        if _ends(block.text):
            self.settle()
        return i + 1


def _trailing_signatures(articles: list[Draft]) -> None:
    """An author's name in brackets after an article's last sentence: its signature."""
    for a in articles:
        last = a.blocks[-1] if a.blocks else None
        if last is None or last.kind != "paragraph":
            continue
        found_sign = TRAILING_SIGN.match(last.text)
        if found_sign:
            last.text = found_sign.group(1)
            a.blocks.append(Block("signature", found_sign.group(2), notes=[
                "the name in brackets after the last sentence: its signature"]))


def _doubts(articles: list[Draft], unsure: list[str]) -> None:
    """What the articles leave unsure, said beside them and in `unsure`: a paragraph whose
    sentence runs on into nothing, a headline with no text, no headline."""
    for a in articles:
        for block in a.blocks:
            if block.kind == "paragraph" and not _ends(block.text):
                block.notes.append("does not end its sentence: its rest may stand "
                                   "elsewhere in the source (an extraction out of order)")
                unsure.append(f"line {block.line}: “…{block.text[-10:]}” does not end its "
                              "sentence, and nothing after it continues it")
    for n, a in enumerate(articles):
        if not (a.blocks or a.note is not None or a.captions):  # a headline alone
            a.pictures = max(a.pictures, 1)
            a.notes.append("no text under this headline: a picture placeholder holds its "
                           "place")
            unsure.append(f"article {n + 1}: a headline with no text under it")
        if not a.head:
            a.notes.append("no headline in the source: give it one (`headline:`)")
            unsure.append(f"article {n + 1}: no headline in the source")
        else:
            unsure += [f"article {n + 1}: {doubt}" for doubt in _headline(a.head).doubts]


# characters a YAML file may not hold as they are (C0 and C1 controls, surrogates, U+FFFE,
# U+FFFF), and those it reads as line breaks (NEL, U+2028, U+2029) or a byte order mark
_UNWRITABLE = re.compile("[^\t\n\r\x20-\x7e\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd"
                         "\U00010000-\U0010ffff]|[\u2028\u2029]")


def _escaped(text: str) -> str:
    """`text` with every character YAML cannot hold as it is written as an escape (\\uXXXX),
    which a double-quoted scalar reads back as the character and a comment shows."""
    return _UNWRITABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _scalar(text: str) -> str:
    """A YAML scalar for text: plain where that reads back the same, else quoted (with
    escapes for what YAML cannot hold: issue 25, case 24)."""
    if "\n" not in text and text == text.strip() and text[:1] not in "\"'&*!|>%@`#-?:,[]{}" \
            and not _UNWRITABLE.search(text):
        try:
            if yaml.safe_load(text) == text and ": " not in text and " #" not in text:
                return text
        except yaml.YAMLError:
            pass
    return _escaped(json.dumps(text, ensure_ascii=False))


class HeadlineParts(NamedTuple):
    """A headline group's parts, (manifest key, text) each, and what is unsure of them."""

    parts: list[tuple[str, str]]
    doubts: list[str]


def _headline(run: list[str]) -> HeadlineParts:
    """The headline group's parts from its run of short lines, and what is unsure."""
    subtitle = None
    parts = list(run)
    unsure = []
    if len(parts) > 1 and parts[-1].startswith(("——", "—")):
        subtitle = parts.pop()
    if len(parts) == 1:
        out = [("main", parts[0])]
    elif len(parts) == 2 and subtitle is None and parts[1].startswith("记"):
        out = [("main", parts[0]), ("subtitle", parts[1])]
    elif len(parts) == 2 and subtitle is None and _chars(parts[1]) > _chars(parts[0]) + 3:
        out = [("main", parts[0]), ("subtitle", parts[1])]
        unsure.append("a main title over a longer subtitle (no —— to say so)")
    else:
        out = [("kicker", "\n".join(parts[:-1])), ("main", parts[-1])]
        if subtitle is None and len(parts) == 2:
            unsure.append("a kicker over the main title (the longer or the later line)")
    if subtitle is not None:
        out.append(("subtitle", subtitle))
    return HeadlineParts(out, unsure)


# the manifest key of a block's second part, by the block's kind
SECOND_KEYS = {"subhead": "second", "comment": "attribution"}


def _manifest(imported: Imported) -> str:
    d = imported
    out = list(d.header)
    stand_in = [k for k, v in (("paper", d.paper), ("date", d.date), ("page", d.page))
                if v is None]
    if stand_in:
        out.append(f"# {', '.join(stand_in)}: not in the text; stand-ins (give --paper, "
                   "--date, --page)")
    out += ["manifest: 1", f"paper: {_scalar(d.paper or '报纸')}",
            f"date: {d.date or '2000-01-01'}", f"page: {d.page or 1}",
            f"template: {_scalar(d.template)}"]
    if d.banner:
        out.append(f"banner: {_scalar(d.banner)}")
    out.append("articles:")
    for a in d.articles:
        lines: list[str] = []
        for note in a.notes:
            lines.append(f"# {note}")
        if a.section:
            lines.append(f"section: {_scalar(a.section)}")
        if a.head:
            parts, doubts = _headline(a.head)
            for doubt in doubts:
                lines.append(f"# {doubt}")
            lines.append("headline:")
            lines += [f"  {key}: {_scalar(value)}" for key, value in parts]
        if a.byline:
            lines.append(f"byline: {_scalar(a.byline)}")
        if a.note is not None:
            lines.append(f"note: {{label: {_scalar(a.note_label)}, text: {_scalar(a.note)}}}")
        if a.captions or a.pictures:
            lines.append("images:")
            for caption in a.captions:
                lines.append(f"  - {{aspect: 4:3, caption: {_scalar(caption)}}}")
            for _ in range(a.pictures):
                lines.append("  # a placeholder the importer added: the text leaves room "
                             "for a photo")
                lines.append("  - {aspect: 4:3}")
        lines.append("body:")
        for block in a.blocks:
            lines += [f"  # {note}" for note in block.notes]
            if block.kind == "paragraph":
                lines.append(f"  - {_scalar(block.text)}")
                continue
            lines.append(f"  - {block.kind}: {_scalar(block.text)}")
            second = SECOND_KEYS.get(block.kind)
            if second and block.second:  # a subhead's second line, a comment's attribution
                lines.append(f"    {second}: {_scalar(block.second)}")
        if not a.blocks:
            lines.append("  []")
        first = True
        for line in lines:
            if line.startswith("#"):
                out.append("  " + line)
                continue
            out.append(("  - " if first else "    ") + line)
            first = False
    # comments quote the text too: what YAML cannot hold is written as its escape there
    return "\n".join(_escaped(line) if line.lstrip().startswith("#") else line
                     for line in out) + "\n"


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


# A text of more than this many pages' worth of characters is several pages pasted into one
# file: refused at once (laying it out as one page would take minutes to say it cannot).
MOST_PAGES = 3


def _one_page(imported: Imported, folder: Path) -> None:
    """Refuse a text that holds several pages: more characters than MOST_PAGES pages of
    its template hold, set solid in every column."""
    from .templates import load_template  # noqa: PLC0415

    template = load_template(imported.template, folder)
    chars = sum(_chars("".join([*a.head, a.byline or "", a.note or "", *a.captions,
                                *(b.text + (b.second or "") for b in a.blocks)]))
                for a in imported.articles)
    holds = int(template.columns * template.grid_lines * template.column_width
                / template.body.size)
    if chars > MOST_PAGES * holds:
        raise LayoutError(f"the text has {chars:,} characters in {len(imported.articles)} "
                          f"article(s), some {chars / holds:.0f} pages' worth: a page of "
                          f"{template.name} holds at most about {holds:,}", imported.source,
                          hint="split it into one file per page (a folder of them is "
                               "imported by `layout batch --import`)")


def _draft_error(err: LayoutError, draft: Path, source: str) -> LayoutError:
    """An error in a draft manifest read from a temporary file, said of the text it was
    made from (the draft's line numbers kept: `-o -` prints the draft to look them up)."""
    said = re.sub(re.escape(str(draft)) + r"(?::(\d+))?:?\s*(line (\d+):\s*)?",
                  lambda m: f"line {m[1] or m[3]} of its draft: " if m[1] or m[3] else "",
                  str(err))
    out = LayoutError(f"the page made from it cannot be set: {said}", source)
    out.exit_code = err.exit_code
    return out


class Filled(NamedTuple):
    """What `fill` made: the manifest (YAML) and the page it lays out."""

    manifest: str
    page: PageLayout


def fill(imported: Imported, folder: Path, fonts=None) -> Filled:
    """The manifest, with picture placeholders added where the page would leave a blank
    hole (at most MAX_PLACEHOLDERS an article), and the page it makes. `folder`: where the
    manifest will live (its template is found from there); each draft is read from a
    folder of its own, so nothing is written beside the source or the output."""
    from .manifest import load_issue  # noqa: PLC0415 (the pipeline: only when a page is made)
    from .pipeline import layout_loaded, page_template  # noqa: PLC0415

    _one_page(imported, folder)
    best: tuple[tuple[int, int], Filled] | None = None
    template = None
    for _ in range(PLACEHOLDER_ROUNDS):
        text = imported.manifest()
        with tempfile.TemporaryDirectory(prefix="layout-import-") as tmp:
            draft = Path(tmp) / "page.yaml"
            draft.write_text(text, encoding="utf-8")
            try:
                issue = load_issue(draft)
                if template is None:
                    template = page_template(issue, folder)
                page = layout_loaded(issue, fonts, template)
            except LayoutError as err:  # the draft is gone: name the text it was made from
                if err.file == Path(imported.source):  # (said of the text already)
                    raise
                raise _draft_error(err, draft, imported.source) from None
        blank = sum((h.last_column - h.first_column + 1) * (h.last_line - h.first_line + 1)
                    for h in page.holes)
        over = sum(o.lines for o in page.overflow)
        if best is None or (over, blank) < best[0]:
            best = ((over, blank), Filled(text, page))
        if not page.holes or page.overflow:
            break
        owners = sorted({h.article_index for h in page.holes})
        grown = [n for n in owners if imported.articles[n].pictures < MAX_PLACEHOLDERS]
        if not grown:
            break
        for n in grown:
            imported.articles[n].pictures += 1
    assert best is not None
    return best[1]
