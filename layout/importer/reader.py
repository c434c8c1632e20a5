"""The importer's reading of pieces into articles: each piece's part (headline, byline,
编者按, subhead, caption, comment box, signature, paragraph) from its neighbours, what a
column break cut joined, and each decision that is not certain noted (`import_text`)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import LayoutError
from .draft import headline_parts, manifest_yaml
from .pieces import (
    BYLINE,
    OPEN_END,
    SECTION,
    SENTENCE_END,
    SHORT,
    SIGNATURE,
    TRAILING_SIGN,
    Pieces,
    as_title,
    banner_of,
    captioned,
    char_count,
    clause_marked,
    ends_sentence,
    join_pieces,
    page_template,
    pieces,
    short_piece,
)


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
        return manifest_yaml(self)


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
    banner = banner_of(found.pieces)
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
        return short_piece(found[k]) and not goes_on

    def short_run(self, start: int) -> int:
        end = start + 1
        while end < len(self.found) and self.title_like(end) and \
                self.found[end].blank_before < 2:
            end += 1
        return end

    def _pending(self) -> bool:
        """A sentence a column break cut, blank lines after it, runs on into the next
        piece that is not a caption by its words: not a caption by standing apart."""
        return self.cut is not None and not ends_sentence(self.cut.block.text) and \
            self.cut.block.kind == "paragraph"

    def _subtitle_after(self, end: int) -> int:
        """A —— line under the title (at `end`) is its subtitle, however long: taken into
        the last article's headline; where the pieces go on."""
        if end < len(self.found) and self.found[end].text.startswith(("——", "--")) and \
                char_count(self.found[end].text) <= 2 * SHORT:
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
        if not (SECTION.match(t) and nxt is not None and char_count(nxt.text) <= SHORT
                and nxt.lines == 1 and not nxt.text.endswith("。") and "。" not in nxt.text
                and (not self.articles or self.article().blocks)
                and not BYLINE.match(nxt.text)):
            return None
        self.settle()
        self.articles.append(Draft(head=[as_title(nxt.text)], section=t))
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
        if not ((captioned(t) and char_count(t) <= 80) or (
                self.title_like(i) and piece.blank_before >= 2 and self.articles
                and not self._pending())):
            return None
        self.article().captions.append(t)
        if not captioned(t):
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
                not self.articles or clause_marked(t) or self.short_run(i) > i + 1
                or BYLINE.match(following)):
            return None
        end = self.short_run(i)
        run = [as_title(p.text) for p in found[i:end]]
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
        while len(titles) > 1 and not clause_marked(titles[-1].text):
            titles.pop()
        run = run[:len(titles)]
        article = self.article()
        if len(run) == 2 and char_count(run[0]) <= 8 and \
                char_count(run[1]) > char_count(run[0]):
            article.blocks.append(Block("subhead", run[0], run[1]))
            self.unsure.append(f"line {self.found[i].line}: “{run[0]}” / “{run[1][:12]}” "
                               "taken as a subhead and its second line")
            article.blocks[-1].notes.append("a subhead and its second line (a short title "
                                            "over a longer one)")
        else:
            for p in titles:
                article.blocks.append(Block("subhead", as_title(p.text)))
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
            block.text = join_pieces(block.text, t)
        else:
            block = Block("paragraph", t, line=piece.line)
            self.article().blocks.append(block)
            self.cut = Cut(self.article(), block)
        block.full_end = piece.full_end
        if ends_sentence(block.text):
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
            if block.kind == "paragraph" and not ends_sentence(block.text):
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
            unsure += [f"article {n + 1}: {doubt}" for doubt in headline_parts(a.head).doubts]
