"""YAML → Issue: the issue manifest, checked key by key; every error names file:line, and
every mistake of a manifest is reported in one run (`source.gathered`)."""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from collections.abc import Callable
from typing import TypeVar

from .errors import LayoutError, Mistakes, Skipped
from .pictures import PictureError, picture_size
from .model import (Align, Article, Block, Boxed, Edit, Edition, Figure, Headline, Image,
                    Issue,
                    Origin,
                    Paragraph, Quote, Region, Rule, Signature, Subhead)
from .source import (MAX_YAML_BYTES, Fields, Node, alone, count, each, flag, gathered,
                     grid_range, integer, items, mistaken, one_of, positive_int, read_yaml,
                     readable, text)
from .text.normalize import normalize
from .units import size

MANIFEST_VERSION = 1
T = TypeVar("T")


def load_issue(path: Path, files_only: bool = False) -> Issue:
    """Read and check an issue manifest; its text normalized unless it says `normalize:
    false` (text/normalize.py). `files_only`: the text left as written, even invisible
    characters (what a digest of the page's files needs, at a sixth of the time)."""
    path = Path(path)
    root = read_yaml(path)
    try:
        return _read_issue(root, path, files_only=files_only)
    except Mistakes as err:  # and its template's, if it names one
        named = root.value.get("template") if isinstance(root.value, dict) else None
        if named is not None and isinstance(named.value, str):
            from .templates import load_template  # noqa: PLC0415 (only on this path)
            try:
                load_template(named.value, path.parent, named.origin)
            except LayoutError as more:
                raise Mistakes(err.errors + list(getattr(more, "errors", [more])),
                               err.more) from None
        raise


def _read_issue(root: Node, path: Path, inherited: dict | None = None,
                files_only: bool = False) -> Issue:
    """A page of a manifest; `inherited`: one of an issue's `pages:`, which takes the
    issue's paper, date, number and (unless it gives its own) template, editors and
    `normalize` from there (the keys of `_ISSUE_KEYS`, and `page`)."""
    with gathered():  # every mistake of the manifest in one run
        top = Fields(root, "an issue manifest" if inherited is None else "a page")
        if inherited is None:
            _version(top)
            allow_outside = top.take("allow_outside_paths", flag, False)
            given: dict = dict(paper=top.want("paper", text, ""),
                               date=top.want("date", _date, None),
                               issue_number=top.take("issue", positive_int, None),
                               page_number=top.want("page", positive_int, 1))
        else:
            allow_outside = inherited["allow_outside"]
            given = {k: inherited[k] for k in ("paper", "date", "issue_number",
                                               "page_number")}
        template = (top.want("template", text, "") if inherited is None or
                    inherited["template"] is None
                    else top.take("template", text, inherited["template"]))
        fields = dict(
            **given,
            page_name=top.take("page_name", text, None),
            template=template,
            articles=tuple(each(top.want("articles", _nonempty_list, []),
                                lambda node: _article(node, path.parent, allow_outside),
                                _stand_in)),
            banner=top.take("banner", _nonblank, None),
            editors=top.take("editors", _nonblank, (inherited or {}).get("editors")),
            rules=tuple(each(top.take("rules", items, []), _rule)),
        )
        clean = top.take("normalize", flag, (inherited or {}).get("normalize", True))
        top.done()
    _ranked_once(fields["articles"])
    named = root.value.get("template")
    origin = named.origin if named is not None else inherited["template_origin"]
    issue = Issue(path=path, template_origin=origin,
                  origins={key: node.origin for key, node in root.value.items()}, **fields)
    # (normalize: false keeps the text as typed but for invisible characters: text/normalize.py)
    return issue if files_only else _normalized(issue, clean)


def _ranked_once(articles: tuple[Article, ...]) -> None:
    """Refuse two articles that say the same `rank:`."""
    seen: dict[int, int] = {}
    for number, article in enumerate(articles, 1):
        if article.rank is not None:
            if article.rank in seen:
                raise LayoutError(f"articles {seen[article.rank]} and {number} both say "
                                  f"rank: {article.rank}", article.origin.file,
                                  article.origin.line,
                                  hint="give each article its own rank (1: the lead), or "
                                       "leave `rank:` out to take the manifest's order")
            seen[article.rank] = number


def _version(top: Fields) -> None:
    """`manifest: 1`, the only version this layout reads (the default)."""
    version = top.take("manifest", integer, MANIFEST_VERSION)
    if version != MANIFEST_VERSION:
        raise top.raw("manifest").fail(f"manifest version {version} is not known to this "
                                       f"layout (it reads version {MANIFEST_VERSION})",
                                       hint="upgrade layout or write `manifest: 1`")


# What an issue manifest gives once for all its pages (a page of `pages:` may not).
_ISSUE_KEYS = ("manifest", "paper", "date", "issue", "page", "allow_outside_paths")


def load_manifest(path: Path, files_only: bool = False) -> Edition:
    """Read a manifest: an issue of `pages:` (each a page as a one-page manifest has it,
    written there or in a file of its own: `file: p3.yaml`), or a single page."""
    path = Path(path)
    root = read_yaml(path)
    if not (isinstance(root.value, dict) and "pages" in root.value):
        return Edition(path, (load_issue(path, files_only),))
    with gathered():
        top = Fields(root, "an issue manifest")
        _version(top)
        named = top.raw("template")
        inherited = dict(
            paper=top.want("paper", text, ""), date=top.want("date", _date, None),
            issue_number=top.take("issue", positive_int, None),
            allow_outside=top.take("allow_outside_paths", flag, False),
            template=top.take("template", text, None),
            template_origin=named.origin if named is not None else root.origin,
            editors=top.take("editors", _nonblank, None),
            normalize=top.take("normalize", flag, True))
        if top.has("articles"):
            raise top.raw("articles").fail(
                "an issue manifest has `pages:`, each with its own `articles:`",
                hint="move the articles under the page they belong to")
        entries = top.want("pages", _nonempty_list, [])
        top.done()
        numbers = {id(entry): number for number, entry in enumerate(entries, 1)}
        pages = each(entries, lambda entry: _page(entry, numbers[id(entry)], path,
                                                   inherited, files_only))
    return Edition(path, tuple(pages), whole=True)


def _page(node: Node, number: int, path: Path, inherited: dict,
          files_only: bool = False) -> Issue:
    """Page `number` of an issue: written out, or `file:` a one-page manifest (whose own
    paper, date, issue and page number are this issue's here), with `page_name`,
    `template`, `banner` or `editors` beside it to change them for this issue."""
    fields = Fields(node, "a page")
    for key in _ISSUE_KEYS:
        if fields.has(key):
            raise fields.raw(key).fail(
                f"`{key}:` is given once, for the whole issue" if key != "page" else
                "a page's number is its place in `pages:`",
                hint=f"leave `{key}:` out of the page")
    own = dict(inherited, page_number=number)
    if not fields.has("file"):
        return _read_issue(node, path, own, files_only)
    page = load_issue(_beside(fields.raw("file"), path.parent, inherited["allow_outside"],
                              "page"), files_only)
    changes = dict(paper=own["paper"], date=own["date"], issue_number=own["issue_number"],
                   page_number=number, editors=page.editors or own["editors"])
    for key in ("page_name", "banner", "editors"):
        changes[key] = fields.take(key, _nonblank, changes.get(key, getattr(page, key)))
    template = fields.raw("template")
    if template is not None:
        changes.update(template=text(template), template_origin=template.origin)
    fields.done()
    return replace(page, **changes)


def _normalized(issue: Issue, full: bool = True) -> Issue:
    """The issue with its text cleaned, and the list of what changed."""
    edits: list[Edit] = []

    def clean(value: str | None, origin: Origin, body: bool,
              wraps: bool = False) -> str | None:
        if value is None:
            return None
        result, changes = normalize(value, body=body, clean=full, wraps=wraps)
        edits.extend(Edit(origin, c.offset, c.before, c.after, c.reason, c.warning)
                     for c in changes)
        return result

    articles = []
    for article in issue.articles:
        headline = article.headline
        if headline is not None:
            o = headline.origin
            headline = replace(headline, main=clean(headline.main, o, False),
                               kicker=clean(headline.kicker, o, False),
                               subtitle=clean(headline.subtitle, o, False))
        if article.section:
            article = replace(article, section=clean(article.section, article.origin, False))
        blocks = tuple(part for b in article.blocks
                       for part in _paragraphs(_clean_block(b, clean)))
        note = article.note and _clean_block(article.note, clean)
        images = tuple(replace(i, caption=clean(i.caption, i.origin, False))
                       for i in article.images)
        articles.append(replace(article, headline=headline, blocks=blocks, note=note,
                                images=images,
                                byline=clean(article.byline, article.origin, False)))
    return replace(issue, articles=tuple(articles), edits=tuple(edits))


def _paragraphs(block: Block) -> list[Block]:
    """A paragraph with line breaks in it (a typed \\n, a pasted paragraph separator) as
    the paragraphs they part; the first keeps its run-in lead."""
    if not isinstance(block, Paragraph) or "\n" not in block.text:
        return [block]
    parts = [p.strip() for p in block.text.split("\n")]
    out: list[Block] = []
    for part in parts:
        if part or (block.lead and not out):
            out.append(replace(block, text=part, lead=block.lead if not out else None))
    return out or [block]


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
    if not isinstance(node.value, (dict, list, bool)) and node.value is not None:  # 0755
        return Headline(main=text(node), kicker=None, subtitle=None, origin=node.origin)
    fields = Fields(node, "a headline")
    kicker = fields.take("kicker", _line, (None, None, None))
    subtitle = fields.take("subtitle", _line, (None, None, None))
    headline = Headline(
        main=fields.take("main", _nonblank),
        kicker=kicker[0],
        subtitle=subtitle[0],
        origin=node.origin,
        size=fields.take("size", size, None),
        columns=fields.take("columns", lambda n: grid_range(n, allow_rest=False), None),
        align=fields.take("align", lambda n: Align(one_of(*(a.value for a in Align))(n)),
                          None),
        face=fields.take("face", _nonblank, None),
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
        return _nonblank(node), None, None
    fields = Fields(node, "a kicker or subtitle")
    out = (fields.take("text", _nonblank), fields.take("size", size, None),
           fields.take("face", _nonblank, None))
    fields.done()
    return out


def _nonblank(node: Node) -> str:
    value = text(node)
    if not value:
        raise node.fail("is empty", hint="write the text, or leave the key out")
    return value


BORDERS = ("double", "thick-thin", "dashed", "dotted")  # 花边 an article may have

# A body block's reader: from its mapping's fields, the key that named its kind, its node,
# the manifest's folder and whether paths may leave that folder, the block.
BlockReader = Callable[[Fields, str, Node, Path, bool], Block]


def _paragraph(fields: Fields, kind: str, node: Node, base: Path, outside: bool) -> Block:
    """`lead:` words run in at the head of the paragraph's `text:`."""
    return Paragraph(fields.take("text", _nonblank), node.origin,
                     lead=fields.take("lead", _nonblank))


def _subhead(fields: Fields, kind: str, node: Node, base: Path, outside: bool) -> Block:
    return Subhead(fields.take("subhead", _nonblank), node.origin,
                   fields.take("second", _nonblank, None))


def _figure(fields: Fields, kind: str, node: Node, base: Path, outside: bool) -> Block:
    file, _ = _picture(fields.raw("file"), base, outside)
    return Figure(fields.take("picture", positive_int), file,
                  fields.take("label", _nonblank, None if file else "图片"),
                  fields.take("caption", _nonblank, None),
                  fields.take("fit", one_of("crop", "contain"), "crop"), node.origin)


def text_block(make: Callable[[str, Origin], Block]) -> BlockReader:
    """The reader of a block that is its key's text and nothing more (`- quote: …`):
    `make(text, origin)`."""
    def read(fields: Fields, kind: str, node: Node, base: Path, outside: bool) -> Block:
        return make(fields.take(kind, _nonblank), node.origin)
    return read


# How a body block that is not plain text is read: by the key that names its kind, the
# reader of its mapping (BlockReader). A new kind of block is read by an entry here.
BLOCK_READERS: dict[str, BlockReader] = {
    "subhead": _subhead,
    "lead": _paragraph,
    "signature": text_block(Signature),
    "note": lambda fields, kind, node, base, outside: _boxed(fields, kind, node),
    "comment": lambda fields, kind, node, base, outside: _boxed(fields, kind, node),
    "quote": text_block(Quote),
    "picture": _figure,
}


def _block(node: Node, base: Path, allow_outside: bool) -> Block:
    if not isinstance(node.value, dict):
        return Paragraph(_nonblank(node), node.origin)
    fields = Fields(node, "a body block")
    kinds = [k for k in BLOCK_READERS if fields.has(k)]
    if len(kinds) != 1:
        raise node.fail("a body block is a paragraph (plain text) or a mapping with one of "
                        + ", ".join(f"`{k}:`" for k in BLOCK_READERS),
                        hint="for example `- subhead: 小标题` or `- lead: 党员信念在前，` with "
                             "`text: …`")
    block = BLOCK_READERS[kinds[0]](fields, kinds[0], node, base, allow_outside)
    fields.done()
    return block


def _body(node: Node | None, base: Path, allow_outside: bool) -> tuple[Block, ...]:
    """An article's body: a list of blocks, or `{file: story.txt}`, the paragraphs of a
    text file beside the manifest (parted as pasted text is: layout/intake.py)."""
    if node is None or node.value is None:
        return ()
    if not isinstance(node.value, dict):
        return tuple(each(items(node), lambda b: _block(b, base, allow_outside)))
    from .intake import paragraphs_with_lines  # noqa: PLC0415 (only such a body needs it)
    fields = Fields(node, "a body read from a file")
    name = fields.take("file", _nonblank)
    fields.done()
    path = (base / name).resolve()
    if not allow_outside and not path.is_relative_to(base.resolve()):
        raise node.fail(f"{name!r} lies outside the manifest's folder",
                        hint="move the text next to the manifest, or write "
                             "`allow_outside_paths: true` at the top of it")
    try:
        if not path.is_file():
            raise node.fail(f"body file {name!r} not found",
                            hint="paths are relative to the manifest's folder")
        if path.stat().st_size > MAX_YAML_BYTES:
            raise node.fail(f"body file {name!r} is larger than "
                            f"{MAX_YAML_BYTES // 2**20} MB", hint="split the article")
        content = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise node.fail(f"body file {name!r} is not UTF-8 text",
                        hint="convert it to UTF-8 (e.g. iconv -f GBK -t UTF-8)") from None
    except OSError as err:
        raise node.fail(f"body file {name!r} cannot be read ({err.strerror})") from None
    found = [Paragraph(text, Origin(path, line)) for text, line in
             paragraphs_with_lines(content)]
    if not found:
        raise node.fail(f"body file {name!r} holds no text", hint="write the paragraphs in it")
    return tuple(found)


def _boxed(fields: Fields, kind: str, node: Node) -> Boxed:
    """`note:` / `comment:` text with an optional `label:` and, for comments, an
    `attribution:` (the label defaults to 编者按 / 微评)."""
    return Boxed(label=fields.take("label", _label, "编者按" if kind == "note" else "微评"),
                 text=fields.take(kind, _nonblank),
                 attribution=fields.take("attribution", _nonblank, None), origin=node.origin)


def _label(node: Node) -> str | None:
    """A box's label: its text, or none for `label: ""` (a 提要 box, say)."""
    return text(node) or None


def _note(node: Node) -> Boxed:
    if not isinstance(node.value, (dict, list, bool)) and node.value is not None:
        return Boxed("编者按", _nonblank(node), None, node.origin)
    fields = Fields(node, "an editor's note")
    note = Boxed(fields.take("label", _label, "编者按"), fields.take("text", _nonblank), None,
                 node.origin)
    fields.done()
    return note


def _region(node: Node) -> Region:
    fields = Fields(node, "a region")
    first_col, last_col = fields.take("columns", lambda n: grid_range(n, allow_rest=False))
    first_line, last_line = fields.take("lines", lambda n: grid_range(n, allow_rest=True),
                                        (1, None))
    below = fields.take("below", positive_int, None)
    air = fields.take("air", count, 0)
    divide = fields.take("divide", count, 0)
    if divide == 1:
        raise fields.raw("divide").fail(
            "`divide: 1` is one column: 破栏 re-divides the region's columns into 2 or more",
            hint="write the number of columns to set it in, or leave `divide:` out")
    fields.done()
    return Region(first_col, last_col, first_line, last_line, below, air, divide)


def _rule(node: Node) -> Rule:
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
        first, last = fields.take("columns", lambda n: grid_range(n, allow_rest=False))
        line = fields.take("line", positive_int)
        fields.done()
        return Rule(True, first, line, last - first + 1, 1, node.origin)
    left, right = fields.take("gutter", lambda n: grid_range(n, allow_rest=False))
    if right != left + 1:
        raise fields.raw("gutter").fail(f"{left}-{right} is not a gutter: name the two "
                                        "columns beside it", hint=f"write {left}-{left + 1}")
    first, last = fields.take("lines", lambda n: grid_range(n, allow_rest=False))
    fields.done()
    return Rule(False, right, first, 1, last - first + 1, node.origin)


def _stand_in(node: Node) -> Article:
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


def _article(node: Node, base: Path, allow_outside: bool) -> Article:
    fields = Fields(node, "an article")
    before = mistaken()
    article = Article(
        headline=fields.take("headline", _headline, None),
        byline=fields.take("byline", _nonblank, None),
        blocks=_body(fields.raw("body"), base, allow_outside),
        region=fields.take("region", _region, None),
        origin=node.origin,
        slot=fields.take("slot", text, None),
        note=fields.take("note", _note, None),
        images=tuple(each(fields.take("images", items, []),
                          lambda n: _image(n, base, allow_outside))),
        continued_from=fields.take("continued_from", positive_int, None),
        continues_on=fields.take("continues_on", positive_int, None),
        jump=fields.take("jump", _jump, None),
        jump_title=fields.take("jump_title", _nonblank, None),
        teaser=fields.take("teaser", _teaser, None),
        contents=fields.take("contents", _nonblank, None),
        listing=tuple(each(fields.take("lists", items, []), _entry)),
        section=fields.take("section", _nonblank, None),
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
    if article.teaser is True:  # `teaser: true`: the headline
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
        return _nonblank(node), None
    fields = Fields(node, "a 导读 entry")
    entry = fields.take("headline", _nonblank), fields.take("teaser", _nonblank, None)
    fields.done()
    return entry


def _teaser(node: Node) -> str | bool:
    """`teaser: true` (the headline) or the text the 导读 lists the article with."""
    if node.value is True:
        return True
    return _nonblank(node)


def _picture(node: Node | None, base: Path, allow_outside: bool,
             ) -> tuple[Path, float] | tuple[None, None]:
    """A picture's path, relative to the manifest's folder and not outside it unless the
    manifest allows it, and its proportions (width over height, from its pixels); the file
    checked as a picture once, here."""
    if node is None:
        return None, None
    file = _beside(node, base, allow_outside, "picture")
    try:
        width, height = picture_size(file)
    except PictureError as err:
        raise node.fail(f"picture {file.name}: {err}",
                        hint="give a JPEG or PNG photo") from None
    return file, width / height


def _beside(node: Node, base: Path, allow_outside: bool, what: str) -> Path:
    """A file a manifest names (a picture, a page of an issue): relative to its folder and
    not outside it unless the manifest allows it; there."""
    try:
        file = (base / text(node)).resolve()
    except (OSError, RuntimeError, ValueError) as err:  # a symlink loop, a NUL byte
        raise node.fail(f"{what} path {text(node)!r} cannot be followed ({err})",
                        hint=f"give the path of a {what} file") from None
    if not allow_outside and not file.is_relative_to(base.resolve()):
        raise node.fail(f"{text(node)!r} lies outside the manifest's folder",
                        hint=f"move the {what} next to the manifest, or write "
                             "`allow_outside_paths: true` at the top of it")
    if not file.is_file():
        raise node.fail(f"{what} {file} not found",
                        hint="paths are relative to the manifest's folder")
    return file


DEFAULT_ASPECT = 4 / 3  # a placeholder's shape when the manifest gives no `aspect:`


def _aspect(node: Node) -> float:
    """`3:2`, `4:3`, `16:9` or a number: the picture's width over its height."""
    value = node.value
    try:
        if isinstance(value, str) and ":" in value:
            width, height = (float(part) for part in value.split(":"))
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            width, height = float(value), 1.0
        else:
            raise ValueError
        ratio = width / height
    except (ValueError, ZeroDivisionError):
        raise node.fail(f"{value!r} is not an aspect ratio",
                        hint="write width:height, e.g. 3:2 or 4:3") from None
    if not 0.2 <= ratio <= 5:
        raise node.fail(f"aspect {value!r} is not a photo's shape (from 1:5 to 5:1)",
                        hint="write width:height, e.g. 3:2 or 4:3")
    return ratio


def _image(node: Node, base: Path, allow_outside: bool) -> Image:
    """A picture of the article: at a grid place the manifest gives (`columns`, `line`,
    `lines`), or, without `columns`, one the make-up sizes from its aspect ratio."""
    fields = Fields(node, "an image")
    columns = fields.take("columns", lambda n: grid_range(n, allow_rest=False), None)
    file, pixels = _picture(fields.raw("file"), base, allow_outside)
    width = None
    if columns is None:
        for key in ("line", "lines"):
            if fields.has(key):
                raise fields.raw(key).fail(
                    f"`{key}:` places a picture on the grid, which needs `columns:` too",
                    hint="give `columns:` as well, or leave both out and the make-up sizes "
                         "the picture from its aspect ratio")
        first_col = last_col = first_line = lines = None
        width = fields.take("width", _columns_wide, None)
    else:
        # (`layout pin` writes the place it chose beside a width the manifest asked)
        wide = fields.take("width", _columns_wide, None)
        if wide is not None and wide != columns[1] - columns[0] + 1:
            raise fields.raw("width").fail(
                f"`width: {wide}` asks for a picture {wide} columns wide, and `columns: "
                f"{columns[0]}-{columns[1]}` places it {columns[1] - columns[0] + 1} wide",
                hint="give one of them, or make them agree")
        first_col, last_col = columns
        # line 1 is the body's first; 0, -1, … the lines above it, beside the headline
        first_line = fields.take("line", integer, 1)
        lines = fields.take("lines", positive_int)
    aspect_node = fields.raw("aspect")
    if aspect_node is not None:
        aspect = _aspect(aspect_node)
    elif pixels is not None:
        aspect = pixels
    else:
        aspect = DEFAULT_ASPECT
    image = Image(first_col, last_col, first_line, lines, file,
                  fields.take("label", _nonblank, None if file else "图片"),
                  fields.take("caption", _nonblank, None),
                  fields.take("fit", one_of("crop", "contain"), "crop"), node.origin,
                  aspect, width=width)
    fields.done()
    return image


def _columns_wide(node: Node) -> int:
    """`width:` of a picture the make-up places: columns wide, `3` or `3栏`."""
    value = node.value
    if isinstance(value, str) and value.strip().endswith("栏") \
            and value.strip()[:-1].strip().isdigit():
        node = replace(node, value=int(value.strip()[:-1]))
    return positive_int(node)


def _clean_block(block, clean):
    """A block with its text normalized: paragraphs and boxes as body text, the rest (one-
    line headings and signatures) keeping their spaces."""
    if isinstance(block, Figure):
        return replace(block, caption=clean(block.caption, block.origin, False))
    # a caption's, quote's or heading's spaces are the editor's (示意　制图：本报记者　孙文)
    body = isinstance(block, (Paragraph, Boxed))
    # a box's single line breaks are hard wraps, joined; a blank line or a typed \n breaks
    # its line (text/normalize.py, rule 2)
    block = replace(block, text=clean(block.text, block.origin, body, isinstance(block, Boxed)))
    if isinstance(block, Paragraph) and block.lead:
        block = replace(block, lead=clean(block.lead, block.origin, False))
    if isinstance(block, Subhead) and block.second:
        block = replace(block, second=clean(block.second, block.origin, False))
    if isinstance(block, Boxed) and block.attribution:
        block = replace(block, attribution=clean(block.attribution, block.origin, False))
    return block


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
