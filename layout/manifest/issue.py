"""An issue manifest read whole: its version, its keys, its pages (an edition), its
articles and rules, its text normalized (text/normalize.py); `load_issue` and
`load_manifest`."""
from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from ..errors import LayoutError, Mistakes
from ..model import (
    Article,
    Block,
    Boxed,
    Edit,
    Edition,
    Figure,
    Issue,
    Origin,
    Paragraph,
    Subhead,
)
from ..source import (
    Fields,
    Node,
    each,
    flag,
    gathered,
    integer,
    items,
    positive_int,
    read_yaml,
    text,
)
from ..text.normalize import normalize
from .article import read_article, read_rule, stand_in
from .common import nonblank, nonempty_list
from .pictures import file_beside

MANIFEST_VERSION = 1


def load_issue(path: Path, files_only: bool = False) -> Issue:
    """Read and check an issue manifest; its text normalized unless it says `normalize:
    false` (text/normalize.py). `files_only`: the text left as written, even invisible
    characters (what a digest of the page's files needs, at a sixth of the time)."""
    path = Path(path)
    return _issue_of(read_yaml(path), path, files_only)


def _issue_of(root: Node, path: Path, files_only: bool) -> Issue:
    """A one-page manifest from its parsed YAML (`load_issue`)."""
    try:
        return _read_issue(root, path, files_only=files_only)
    except Mistakes as err:  # and its template's, if it names one
        named = root.value.get("template") if isinstance(root.value, dict) else None
        if named is not None and isinstance(named.value, str):
            from ..templates import load_template  # noqa: PLC0415 (only on this path)
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
        template = (top.want("template", _template_name, "") if inherited is None or
                    inherited["template"] is None
                    else top.take("template", _template_name, inherited["template"]))
        fields = dict(
            **given,
            page_name=top.take("page_name", text, None),
            template=template,
            articles=tuple(each(top.want("articles", nonempty_list, []),
                                lambda node: read_article(node, path.parent, allow_outside),
                                stand_in)),
            banner=top.take("banner", nonblank, None),
            editors=top.take("editors", nonblank, (inherited or {}).get("editors")),
            rules=tuple(each(top.take("rules", items, []), read_rule)),
        )
        clean = top.take("normalize", flag, (inherited or {}).get("normalize", True))
        top.done()
    _ranked_once(fields["articles"])
    named = root.value.get("template")
    # (no `template:` on a page of its own is a mistake gathered above, said with the others
    # when the reading ends: the manifest's top stands in for where it was wanted)
    origin = named.origin if named is not None else (
        inherited["template_origin"] if inherited is not None else root.origin)
    issue = Issue(path=path, template_origin=origin,
                  origins={key: node.origin for key, node in root.value.items()}, **fields)
    # (normalize: false keeps the text as typed but for invisible characters: text/normalize.py)
    return issue if files_only else _normalized(issue, clean)


def _template_name(node: Node) -> str:
    """A page's `template:`: a name, never blank (a blank one named no template)."""
    value = text(node)
    if not value.strip():
        raise node.fail("is empty", hint="name a shipped template (`layout templates` lists "
                        "them) or a .yaml file beside the manifest")
    return value


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
        raise top.fail("manifest", f"manifest version {version} is not known to this "
                       f"layout (it reads version {MANIFEST_VERSION})",
                       hint="upgrade layout or write `manifest: 1`")


# What an issue manifest gives once for all its pages (a page of `pages:` may not).
_ISSUE_KEYS = ("manifest", "paper", "date", "issue", "page", "allow_outside_paths")


def load_manifest(path: Path, files_only: bool = False) -> Edition:
    """Read a manifest: an issue of `pages:` (each a page as a one-page manifest has it,
    written there or in a file of its own: `file: p3.yaml`), or a single page."""
    path = Path(path)
    root = read_yaml(path)
    if not (isinstance(root.value, dict) and "pages" in root.value):  # (parsed once)
        return Edition(path, (_issue_of(root, path, files_only),))
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
            editors=top.take("editors", nonblank, None),
            normalize=top.take("normalize", flag, True))
        if top.has("articles"):
            raise top.fail(
                "articles", "an issue manifest has `pages:`, each with its own `articles:`",
                hint="move the articles under the page they belong to")
        entries: list[Node] = top.want("pages", nonempty_list, [])
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
            raise fields.fail(
                key, f"`{key}:` is given once, for the whole issue" if key != "page" else
                "a page's number is its place in `pages:`",
                hint=f"leave `{key}:` out of the page")
    own = dict(inherited, page_number=number)
    if not fields.has("file"):
        return _read_issue(node, path, own, files_only)
    named = fields.raw("file")
    assert named is not None  # (`fields.has("file")`)
    page = load_issue(file_beside(named, path.parent, inherited["allow_outside"], "page"),
                      files_only)
    changes = dict(paper=own["paper"], date=own["date"], issue_number=own["issue_number"],
                   page_number=number, editors=page.editors or own["editors"])
    for key in ("page_name", "banner", "editors"):
        changes[key] = fields.take(key, nonblank, changes.get(key, getattr(page, key)))
    template = fields.raw("template")
    if template is not None:
        changes.update(template=text(template), template_origin=template.origin)
    fields.done()
    return replace(page, **changes)


# Each text normalize cleaned in this process, with its flags → (the clean text, its
# changes): a manifest loaded again (`render --watch`, after a save) normalizes only the
# texts that changed (about half of a load's time was normalizing). Started afresh past
# MOST_CLEANED characters (an issue of several pages being edited fits; a batch worker,
# whose pages are each new, keeps a few MB at the most: ~2.3 KB an entry of ~400)
_CLEANED: dict[tuple[str, bool, bool, bool], tuple[str, tuple]] = {}
_HELD = [0]  # the characters of the texts _CLEANED holds
MOST_CLEANED = 200_000


def _cleaned(value: str, body: bool, full: bool, wraps: bool) -> tuple[str, tuple]:
    """normalize(value, …) (text/normalize.py: the same text and changes), remembered."""
    key = (value, body, full, wraps)
    found = _CLEANED.get(key)
    if found is None:
        if _HELD[0] + len(value) > MOST_CLEANED:
            _CLEANED.clear()
            _HELD[0] = 0
        _HELD[0] += len(value)
        result, changes = normalize(value, body=body, clean=full, wraps=wraps)
        found = _CLEANED[key] = (result, tuple(changes))
    return found


def _normalized(issue: Issue, full: bool = True) -> Issue:
    """The issue with its text cleaned, and the list of what changed."""
    edits: list[Edit] = []

    def cleaned(value: str, origin: Origin, body: bool, wraps: bool = False) -> str:
        result, changes = _cleaned(value, body, full, wraps)
        edits.extend(Edit(origin, c.offset, c.before, c.after, c.reason, c.warning)
                     for c in changes)
        return result

    def clean(value: str | None, origin: Origin, body: bool,
              wraps: bool = False) -> str | None:
        return None if value is None else cleaned(value, origin, body, wraps)

    articles = []
    for article in issue.articles:
        headline = article.headline
        if headline is not None:
            o = headline.origin
            headline = replace(headline, main=cleaned(headline.main, o, False),
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
