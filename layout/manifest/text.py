"""An issue's text as the reader reads it: the check `layout text` prints, an article's
head and body lines, and the characters a body holds."""
from __future__ import annotations

from collections.abc import Iterable

from ..text.chars import char_count
from ..model import (
    Article,
    Block,
    Boxed,
    Figure,
    Issue,
    Paragraph,
    Subhead,
)


def issue_text(issue: Issue) -> str:
    """The manifest's text in reading order: what the rendered page must give back."""
    return "".join(article_text(article) + "\n" for article in issue.articles)


def article_text(article: Article) -> str:
    """One article's text, a line per element: its headline group, byline and note, the
    captions of its pictures, then its body (the page's own reading order, with each
    caption where a reader meets its picture, is `PageLayout.reading`)."""
    return "\n".join(article_head(article)
                     + [image.caption for image in article.images if image.caption]
                     + article_body(article))


def article_head(article: Article) -> list[str]:
    """What stands above an article's body: kicker, main title, subtitle, byline, note."""
    out: list[str] = [article.section] if article.section else []
    if article.headline:
        h = article.headline
        out += [t for t in (h.kicker, h.main, h.subtitle) if t]
    if article.byline:
        out.append(article.byline)
    if article.note:
        out.append(block_text(article.note))
    return out


def article_body(article: Article) -> list[str]:
    """An article's body, an element per item, with its 转版 notes."""
    out: list[str] = []
    if article.continued_from:
        out.append(f"（上接第{article.continued_from}版）")
    out += [text for text in map(block_text, article.blocks) if text]
    if article.continues_on:
        out.append(f"（下转第{article.continues_on}版）")
    return out


def body_count(blocks: Iterable[Block]) -> int:
    """The characters a body holds, as the reader reads them (`block_text`, `char_count`)."""
    return sum(char_count(block_text(block)) for block in blocks)


def block_text(block: Block) -> str:
    """A body block's text as it reads on the page (label, lead and second lines included)."""
    if isinstance(block, Paragraph) and block.lead:
        return block.lead + block.text
    if isinstance(block, Boxed):
        return "".join(t for t in (block.label, block.text, block.attribution) if t)
    if isinstance(block, Figure):
        return block.caption or ""
    if isinstance(block, Subhead) and block.second:
        return block.text + "\n" + block.second
    return block.text
