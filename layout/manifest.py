"""YAML → Issue: the issue manifest, checked key by key; every error names file:line."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from pathlib import Path

from .model import (Article, Block, Edit, Headline, Issue, Origin, Paragraph, Region,
                    Subhead)
from .source import Fields, Node, flag, integer, items, positive_int, read_yaml, text
from .text.normalize import normalize

MANIFEST_VERSION = 1
_RANGE = re.compile(r"^\s*(\d+)\s*(?:-\s*(\d+|rest)\s*)?$")


def load_issue(path: Path) -> Issue:
    """Read and check an issue manifest; its text normalized unless it says `normalize:
    false` (text/normalize.py)."""
    path = Path(path)
    root = read_yaml(path)
    top = Fields(root, "an issue manifest")
    version = top.take("manifest", integer, MANIFEST_VERSION)
    if version != MANIFEST_VERSION:
        raise top.raw("manifest").fail(f"manifest version {version} is not known to this "
                                       f"layout (it reads version {MANIFEST_VERSION})",
                                       hint="upgrade layout or write `manifest: 1`")
    issue = Issue(
        path=path,
        paper=top.take("paper", text),
        date=top.take("date", _date),
        issue_number=top.take("issue", positive_int, None),
        page_number=top.take("page", positive_int),
        page_name=top.take("page_name", text, None),
        template=top.take("template", text),
        template_origin=root.value["template"].origin,
        articles=tuple(_article(node) for node in top.take("articles", _nonempty_list)),
    )
    clean = top.take("normalize", flag, True)
    top.done()
    return _normalized(issue) if clean else issue


def _normalized(issue: Issue) -> Issue:
    """The issue with its text cleaned, and the list of what changed."""
    edits: list[Edit] = []

    def clean(value: str | None, origin: Origin, body: bool) -> str | None:
        if value is None:
            return None
        result, changes = normalize(value, body=body)
        edits.extend(Edit(origin, c.offset, c.before, c.after, c.reason) for c in changes)
        return result

    articles = []
    for article in issue.articles:
        headline = article.headline
        if headline is not None:
            o = headline.origin
            headline = replace(headline, main=clean(headline.main, o, False),
                               kicker=clean(headline.kicker, o, False),
                               subtitle=clean(headline.subtitle, o, False))
        blocks = tuple(replace(b, text=clean(b.text, b.origin, isinstance(b, Paragraph)))
                       for b in article.blocks)
        articles.append(replace(article, headline=headline, blocks=blocks,
                                byline=clean(article.byline, article.origin, False)))
    return replace(issue, articles=tuple(articles), edits=tuple(edits))


def _nonempty_list(node: Node) -> list[Node]:
    values = items(node)
    if not values:
        raise node.fail("the list is empty", hint="give at least one entry")
    return values


def _date(node: Node) -> dt.date:
    value = node.value
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise node.fail(f"{value!r} is not a date", hint="write it as 2020-07-01") from None


def _headline(node: Node) -> Headline:
    if isinstance(node.value, str):
        return Headline(main=text(node), kicker=None, subtitle=None, origin=node.origin)
    fields = Fields(node, "a headline")
    headline = Headline(
        main=fields.take("main", _nonblank),
        kicker=fields.take("kicker", _nonblank, None),
        subtitle=fields.take("subtitle", _nonblank, None),
        origin=node.origin,
    )
    fields.done()
    return headline


def _nonblank(node: Node) -> str:
    value = text(node)
    if not value:
        raise node.fail("is empty", hint="write the text, or leave the key out")
    return value


def _block(node: Node) -> Block:
    if isinstance(node.value, dict):
        fields = Fields(node, "a body block")
        subhead = fields.take("subhead", _nonblank)
        fields.done()
        return Subhead(subhead, node.origin)
    return Paragraph(_nonblank(node), node.origin)


def _range(node: Node, allow_rest: bool) -> tuple[int, int | None]:
    value = node.value
    if isinstance(value, int) and not isinstance(value, bool):
        first, last = value, value
    else:
        match = _RANGE.match(str(value))
        if not match or (match.group(2) == "rest" and not allow_rest):
            example = "3-40 or 3-rest" if allow_rest else "1-3"
            raise node.fail(f"{value!r} is not a range", hint=f"write it as {example}")
        first = int(match.group(1))
        end = match.group(2)
        last = None if end == "rest" else int(end) if end else first
    if first < 1 or (last is not None and last < first):
        raise node.fail(f"{value!r}: a range runs from 1 upwards, first ≤ last")
    return first, last


def _region(node: Node) -> Region:
    fields = Fields(node, "a region")
    first_col, last_col = fields.take("columns", lambda n: _range(n, allow_rest=False))
    first_line, last_line = fields.take("lines", lambda n: _range(n, allow_rest=True),
                                        (1, None))
    fields.done()
    return Region(first_col, last_col, first_line, last_line)


def _article(node: Node) -> Article:
    fields = Fields(node, "an article")
    article = Article(
        headline=fields.take("headline", _headline, None),
        byline=fields.take("byline", _nonblank, None),
        blocks=tuple(_block(b) for b in fields.take("body", _nonempty_list)),
        region=fields.take("region", _region, None),
        origin=node.origin,
    )
    fields.done()
    return article


def issue_text(issue: Issue) -> str:
    """The manifest's text in reading order: what the rendered page must give back."""
    out: list[str] = []
    for article in issue.articles:
        if article.headline:
            h = article.headline
            out += [t for t in (h.kicker, h.main, h.subtitle) if t]
        if article.byline:
            out.append(article.byline)
        out += [block.text for block in article.blocks]
    return "\n".join(out) + "\n"
