"""One article of a manifest: its headline group, region, look (tint, side, border), jump
and teaser; a rule between articles; a stand-in for an article that did not read."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Literal

from ..errors import LayoutError, Skipped
from ..model import (
    Align,
    Article,
    Headline,
    Region,
    Rule,
)
from ..source import (
    Fields,
    Node,
    alone,
    count,
    each,
    flag,
    grid_range,
    grid_span,
    items,
    mistaken,
    one_of,
    positive_int,
    readable,
    text,
)
from ..units import size
from .blocks import BORDERS, read_body, read_note
from .common import T, nonblank
from .pictures import read_image


def _headline(node: Node) -> Headline:
    if not isinstance(node.value, (dict, list, bool)) and node.value is not None:  # 0755
        return Headline(main=text(node), kicker=None, subtitle=None, origin=node.origin)
    fields = Fields(node, "a headline")
    kicker = fields.take("kicker", _line, (None, None, None))
    subtitle = fields.take("subtitle", _line, (None, None, None))
    headline = Headline(
        main=fields.take("main", nonblank),
        kicker=kicker[0],
        subtitle=subtitle[0],
        origin=node.origin,
        size=fields.take("size", size, None),
        columns=fields.take("columns", grid_span, None),
        align=fields.take("align", lambda n: Align(one_of(*(a.value for a in Align))(n)),
                          None),
        face=fields.take("face", nonblank, None),
        kicker_size=kicker[1], kicker_face=kicker[2],
        subtitle_size=subtitle[1], subtitle_face=subtitle[2],
        fill=fields.take("fill", flag, False),
        vertical=fields.take("vertical", _side, None),
        reversed=fields.take("reversed", flag, False),
    )
    if headline.fill and headline.size:
        raise node.fail("`fill` sizes the title to its width: it cannot have a `size` too",
                        hint="keep one of them")
    if headline.vertical:
        clash = [k for k, v in (("fill", headline.fill), ("columns", headline.columns),
                                ("align", headline.align)) if v]
        if clash:
            raise node.fail(f"a vertical (竖排) title stands in a strip of its own at the "
                            f"article's {headline.vertical}: `{clash[0]}` sets a horizontal "
                            "headline's lines",
                            hint=f"leave `{clash[0]}` out, or `vertical` for a horizontal "
                                 "headline")
    fields.done()
    return headline


TEMPLATE_TINT = "template"  # `tint: true`: the template's box_tint (checked on the page)


def _tint(node: Node) -> str | None:
    """`tint: true` (the template's 底纹 colour), a colour "#rrggbb", or false."""
    if node.value is True:
        return TEMPLATE_TINT
    if node.value is False:
        return None
    value = text(node)
    if not re.fullmatch(r"#[0-9a-fA-F]{6}", value):
        raise node.fail(f"{value!r} is not a tint", hint='write true (the template\'s '
                        'box_tint) or a colour in quotes, e.g. "#fcebeb"')
    return value.lower()


def _side(node: Node) -> str | None:
    """`vertical:` true (the right side), right or left; false: a horizontal headline."""
    if node.value is True:
        return "right"
    if node.value is False:
        return None
    return one_of("right", "left")(node)


def _line(node: Node) -> tuple[str, float | None, str | None]:
    """A kicker or subtitle: its text, or {text:, size:, face:}."""
    if not isinstance(node.value, dict):
        return nonblank(node), None, None
    fields = Fields(node, "a kicker or subtitle")
    out = (fields.take("text", nonblank), fields.take("size", size, None),
           fields.take("face", nonblank, None))
    fields.done()
    return out


def _region(node: Node) -> Region:
    fields = Fields(node, "a region")
    first_col, last_col = fields.take("columns", grid_span)
    first_line, last_line = fields.take("lines", lambda n: grid_range(n, allow_rest=True),
                                        (1, None))
    below = fields.take("below", positive_int, None)
    air = fields.take("air", count, 0)
    divide = fields.take("divide", count, 0)
    drop = fields.take("drop", count, 0)
    if divide == 1:
        raise fields.fail(
            "divide", "`divide: 1` is one column: 破栏 re-divides the region's columns into 2 "
            "or more",
            hint="write the number of columns to set it in, or leave `divide:` out")
    fields.done()
    return Region(first_col, last_col, first_line, last_line, below, air, divide, drop)


def read_rule(node: Node) -> Rule:
    """A rule between pinned modules: `{columns: 1-6, line: 26}` through the blank line
    26 across columns 1-6, or `{gutter: 3-4, lines: 27-75}` down the gutter between
    columns 3 and 4 (what `layout pin` writes for the rules the make-up drew)."""
    fields = Fields(node, "a rule")
    if fields.has("gutter") == fields.has("columns"):
        raise node.fail("a rule is across (`columns:` and `line:`) or down a gutter "
                        "(`gutter:` and `lines:`)",
                        hint="for example `{columns: 1-6, line: 26}` or "
                             "`{gutter: 3-4, lines: 27-75}`")
    if fields.has("columns"):
        first, last = fields.take("columns", grid_span)
        line = fields.take("line", positive_int)
        fields.done()
        return Rule(True, first, line, last - first + 1, 1, node.origin)
    left, right = fields.take("gutter", grid_span)
    if right != left + 1:
        raise fields.fail("gutter", f"{left}-{right} is not a gutter: name the two "
                          "columns beside it", hint=f"write {left}-{left + 1}")
    first, last = fields.take("lines", grid_span)
    fields.done()
    return Rule(False, right, first, 1, last - first + 1, node.origin)


def stand_in(node: Node) -> Article:
    """What stands in for an article with a mistake (its mistakes gathered): no text, its
    place as written if that reads without a mistake, so that the articles after it keep
    their numbers and the placement's checks see the page as it is meant."""
    raw = node.value if isinstance(node.value, dict) else {}

    def strictly(key: str, read: Callable[[Node], T]) -> T | None:
        if key not in raw:
            return None
        with alone():
            try:
                return read(readable(raw[key]))
            except LayoutError:
                return None

    region, slot = strictly("region", _region), strictly("slot", text)
    if region is not None and slot is not None:  # (both: a mistake said already)
        region = slot = None
    return Article(None, None, (), region, node.origin, slot=slot)


def read_article(node: Node, base: Path, allow_outside: bool) -> Article:
    fields = Fields(node, "an article")
    before = mistaken()
    article = Article(
        headline=fields.take("headline", _headline, None),
        byline=fields.take("byline", nonblank, None),
        blocks=read_body(fields.raw("body"), base, allow_outside),
        region=fields.take("region", _region, None),
        origin=node.origin,
        slot=fields.take("slot", text, None),
        note=fields.take("note", read_note, None),
        images=tuple(each(fields.take("images", items, []),
                          lambda n: read_image(n, base, allow_outside))),
        continued_from=fields.take("continued_from", positive_int, None),
        continues_on=fields.take("continues_on", positive_int, None),
        jump=fields.take("jump", _jump, None),
        jump_title=fields.take("jump_title", nonblank, None),
        # (`teaser: true`: the headline, set below once the article is checked)
        teaser=None if (teaser := fields.take("teaser", _teaser, None)) is True else teaser,
        contents=fields.take("contents", nonblank, None),
        listing=tuple(each(fields.take("lists", items, []), _entry)),
        section=fields.take("section", nonblank, None),
        border=fields.take("border", one_of(*BORDERS), None),
        tint=fields.take("tint", _tint, None),
        rank=fields.take("rank", positive_int, None),
    )
    fields.done()
    if mistaken() > before:
        raise Skipped()  # (what follows may rest on a part that was left out)
    # (a picture beside the headline, from `line:` 0 or less, leaves the note the
    # headline's columns, as the make-up sets it)
    beside = any(i.first_line is not None and i.first_line < 1 for i in article.images)
    if article.headline and article.headline.columns and article.note and not beside:
        raise node.fail("a headline over some of the article's columns leaves no place for "
                        "an editor's note across the article",
                        hint="put the note in the body (`- note: …`), span all columns, or "
                             "stand a picture beside the headline (`line: 0` or less)")
    if article.region and article.slot:
        raise node.fail("an article has a `slot:` or a `region:`, not both")
    if teaser is True:  # `teaser: true`: the headline
        if article.headline is None:
            raise node.fail("`teaser: true` lists the article's headline in the 导读, and "
                            "it has none", hint="write the teaser's text: `teaser: …`")
        article = replace(article, teaser=article.headline.main.replace("\n", ""))
    if article.listing and article.contents is None:
        raise node.fail("`lists:` names the articles a 导读 box lists",
                        hint="give the box its title too: `contents: 本期导读`")
    if article.contents is not None:
        if article.blocks or article.note or article.images or article.headline:
            raise node.fail("a 导读 box (`contents:`) is made from the issue's other pages",
                            hint="leave out its headline, body, note and images")
        return article
    if not (article.blocks or article.note or article.images):
        raise node.fail("the article is empty", hint="give it a `body:`, a `note:` or "
                                                     "`images:`")
    return article


def _jump(node: Node) -> int | str:
    """`jump: 4` (the page its rest continues on) or `jump: auto`."""
    if node.value == "auto":
        return "auto"
    return positive_int(node)


def _entry(node: Node) -> tuple[str, str | None]:
    """An entry of a 导读 box's `lists:`: an article's headline (its main title, as the
    issue has it), or {headline: …, teaser: …}."""
    if not isinstance(node.value, dict):
        return nonblank(node), None
    fields = Fields(node, "a 导读 entry")
    entry = fields.take("headline", nonblank), fields.take("teaser", nonblank, None)
    fields.done()
    return entry


def _teaser(node: Node) -> str | Literal[True]:
    """`teaser: true` (the headline) or the text the 导读 lists the article with."""
    if node.value is True:
        return True
    return nonblank(node)
