"""`layout pin`: the make-up's arrangement written into the manifest, so that an editor can
freeze a page they like and edit on.

Every article the make-up placed gets a `region:` (its columns and lines, and the air
around its headline and a re-divided measure when the make-up chose them), every headline
the make-up sized its `size:` (and its `columns:` when a picture stands beside it), every
picture it sized its `columns:`, `line:` and `lines:`, and the page the rules the make-up
drew between its modules (`rules:`). The manifest is edited as text, where its YAML nodes
are written: every other byte, and every comment, stays as it was. The pinned manifest
lays out as the made-up one did (the same PDF, byte for byte)."""
from __future__ import annotations

import json
from pathlib import Path

from .errors import LayoutError
from .fonts import FontSet
from .frozen import frozen
from .model import Article, ArticlePlan, Image, Issue, PagePlan, PlacedRect, Template
from .yamlload import yaml

PINNED = "# pinned by layout pin"


@frozen
class _Edit:
    start: int  # character offsets in the manifest's text
    end: int
    text: str


def pin_text(issue: Issue, template: Template, fonts: FontSet,
             text: str) -> tuple[str, int, PagePlan]:
    """The manifest's `text` with the page's make-up written in, how many articles it
    pinned (placed, or with a headline, picture or air the make-up sized: 0, nothing new
    to pin), and the page's plan."""
    from .pipeline import placed_beside  # noqa: PLC0415 (only needed here)
    from .pipeline import plan as planned  # noqa: PLC0415

    beside = placed_beside(issue, template, fonts)  # (a 报头 block's: the make-up's choice)
    page = beside.plan if beside else planned(issue, template, fonts)
    root = yaml.compose(text, Loader=yaml.SafeLoader)  # (offsets in characters)
    articles = _get(root, "articles")
    assert articles is not None and isinstance(articles, yaml.SequenceNode)
    edits: list[_Edit] = []
    placed = 0
    for plan in page.articles:
        node = articles.value[plan.index]
        article = issue.articles[plan.index]
        before = len(edits)
        _pin_region(text, node, plan, not article.pinned,
                    template, edits)
        _pin_headline(text, node, plan, article, edits)
        _pin_images(text, node, plan, article, edits)
        placed += len(edits) > before
    _pin_rules(text, root, page, edits)
    _shared(text, edits, issue.path)
    newline = "\r\n" if "\r\n" in text else "\n"  # (a file's own line ends kept)
    for edit in sorted(edits, key=lambda e: e.start, reverse=True):
        written = edit.text.replace("\r\n", "\n").replace("\n", newline)
        text = text[:edit.start] + written + text[edit.end:]
    return text, placed, page


def _shared(text: str, edits: list[_Edit], path: Path) -> None:
    """Refuse to write twice into one place: a part of the manifest two articles share
    through an alias (`&name` … `*name`), which would be pinned for both."""
    ordered = sorted(edits, key=lambda e: (e.start, e.end))
    for one, two in zip(ordered, ordered[1:]):
        if two.start < one.end or (two.start, two.end) == (one.start, one.end):
            raise LayoutError("layout pin would write twice into what several articles "
                              "share here (an alias, *name)", path,
                              text.count("\n", 0, two.start) + 1,
                              hint="write it out in each article, then pin")


def _get(mapping: yaml.Node, key: str) -> yaml.Node | None:
    """The value of `key` in a YAML mapping node (None: not there)."""
    found = _key(mapping, key)
    return found[1] if found else None


def _key(mapping: yaml.Node, key: str) -> tuple[yaml.Node, yaml.Node] | None:
    if not isinstance(mapping, yaml.MappingNode):
        return None
    for k, v in mapping.value:
        if isinstance(k, yaml.ScalarNode) and k.value == key:
            return k, v
    return None


def _end(node: yaml.Node) -> int:
    """Where a node's own text ends (a block collection's end mark lies at the next key)."""
    if isinstance(node, yaml.ScalarNode) or node.flow_style or not node.value:
        return node.end_mark.index
    last = node.value[-1]
    return _end(last[1] if isinstance(node, yaml.MappingNode) else last)


def _flow(pairs: dict[str, str]) -> str:
    return "{" + ", ".join(f"{k}: {v}" for k, v in pairs.items()) + "}"


def _set(text: str, mapping: yaml.Node, pairs: dict[str, str], edits: list[_Edit]) -> None:
    """Give the keys of a YAML mapping these values (as written): those it has replaced
    where they are written, the others added after its last key."""
    new = {}
    for key, value in pairs.items():
        found = _key(mapping, key)
        if found is None:
            new[key] = value
        else:
            edits.append(_Edit(found[1].start_mark.index, _end(found[1]), value))
    if not new:
        return
    written = [f"{k}: {v}" for k, v in new.items()]
    if mapping.flow_style:
        if mapping.value:
            at = _end(mapping.value[-1][1])
            edits.append(_Edit(at, at, ", " + ", ".join(written)))
        else:
            at = mapping.start_mark.index + 1  # (after its brace)
            edits.append(_Edit(at, at, ", ".join(written)))
        return
    indent = " " * mapping.value[0][0].start_mark.column
    at = _end(mapping.value[-1][1])
    if at and text[at - 1] == "\n":  # (a block scalar ends on the next line's start)
        edits.append(_Edit(at, at, "".join(indent + w + "\n" for w in written)))
        return
    newline = text.find("\n", at)
    at = len(text) if newline < 0 else newline - (text[newline - 1] == "\r")
    edits.append(_Edit(at, at, "".join("\n" + indent + w for w in written)))


def _pin_region(text: str, node: yaml.Node, plan: ArticlePlan, free: bool,
                template: Template, edits: list[_Edit]) -> None:
    """The article's `region:`: written when the make-up placed it, else only the air the
    make-up gave its headline, if any (a slot then becomes its region)."""
    region = plan.article.region
    air = plan.head_extra
    if not free:
        if region is None and plan.article.slot is not None:
            region = template.slots[plan.article.slot]
            if air == region.air:
                return
            found = _key(node, "slot")
            assert found is not None
            pairs = _region_pairs(region.first_column, region.last_column,
                                  region.first_line, region.last_line, air, 0)
            if region.below is not None:
                pairs["below"] = str(region.below)
            edits.append(_Edit(found[0].start_mark.index, _end(found[1]),
                               f"region: {_flow(pairs)}  {PINNED}"))
            return
        if region is not None and air != region.air:
            value = _get(node, "region")
            assert value is not None
            _set(text, value, {"air": str(air)}, edits)
        return
    pairs = _region_pairs(plan.first_column, plan.last_column, plan.first_line,
                          plan.last_line, air, plan.measure[0] if plan.measure else 0,
                          plan.head_drop)
    first = node.value[0][0].start_mark
    if node.flow_style:
        at = node.start_mark.index + 1
        edits.append(_Edit(at, at, f"region: {_flow(pairs)},  {PINNED}\n"
                                   + " " * (node.start_mark.column + 1)))
    else:
        edits.append(_Edit(first.index, first.index, f"region: {_flow(pairs)}  {PINNED}\n"
                                                     + " " * first.column))


def _region_pairs(first_column: int, last_column: int, first_line: int,
                  last_line: int | None, air: int, divide: int,
                  drop: int = 0) -> dict[str, str]:
    pairs = {"columns": f"{first_column}-{last_column}",
             "lines": f"{first_line}-{'rest' if last_line is None else last_line}"}
    if air:
        pairs["air"] = str(air)
    if divide:
        pairs["divide"] = str(divide)
    if drop:
        pairs["drop"] = str(drop)
    return pairs


def _size(points: float) -> str:
    """A size as the manifest writes it, read back to the same number."""
    written = repr(float(points))
    return (written[:-2] if written.endswith(".0") else written) + "pt"


def _pin_headline(text: str, node: yaml.Node, plan: ArticlePlan, article: Article,
                  edits: list[_Edit]) -> None:
    """The size and columns the make-up gave the headline, where the manifest gave none."""
    was = article.headline
    now = plan.headline
    if was is None or now is None:
        return
    pairs = {}
    if now.size != was.size and now.size is not None:
        pairs["size"] = _size(now.size)
    if now.columns != was.columns and now.columns is not None:
        pairs["columns"] = f"{now.columns[0]}-{now.columns[1]}"
    if not pairs:
        return
    found = _key(node, "headline")
    assert found is not None
    key, value = found
    if isinstance(value, yaml.MappingNode):
        _set(text, value, pairs, edits)
        return
    # `headline: 标题` becomes a mapping, its text written as it was: `{main: 标题, size:
    # 26pt}` on its line, or a block mapping for a text of several lines or one that a
    # flow mapping would read otherwise
    start, end = value.start_mark.index, value.end_mark.index
    written = text[start:end]
    one_line = value.style in ('"', "'") or (
        not value.style and "\n" not in written
        and not any(c in written for c in ",[]{}#:"))
    if one_line or node.flow_style:
        main = written if one_line else json.dumps(value.value, ensure_ascii=False)
        edits.append(_Edit(start, end, _flow({"main": main, **pairs})))
        return
    indent = " " * (key.start_mark.column + 2)
    while text[start - 1] in " \t":  # (no blank left at the end of the key's line)
        start -= 1
    body = written.rstrip("\n")
    tail = written[len(body):]
    lines = "".join(f"\n{indent}{k}: {v}" for k, v in pairs.items())
    edits.append(_Edit(start, end, f"\n{indent}main: " + body.replace("\n", "\n  ")
                       + lines + tail))


def _pin_images(text: str, node: yaml.Node, plan: ArticlePlan, article: Article,
                edits: list[_Edit]) -> None:
    """The place of every picture the make-up sized (in the article's columns, or its
    re-divided ones; line 1 the body's first, 0 and less beside the headline)."""
    was = article.images
    unplaced = [n for n, image in enumerate(was) if not image.placed]
    if not unplaced:
        return
    if unplaced[0] < len(was) - len(unplaced):  # (the make-up sets them after the others)
        image = was[unplaced[0]]
        raise LayoutError(f"article {plan.index + 1}: a picture the make-up sizes comes before "
                          "one placed by hand: pinned, they would be drawn in another order",
                          image.origin.file, image.origin.line,
                          hint="list the pictures with `columns:` first, then pin")
    sized = plan.images[len(was) - len(unplaced):]
    if len(sized) != len(unplaced) or not all(i.placed for i in sized):
        raise LayoutError(f"article {plan.index + 1}: the make-up left some of its pictures "
                          "without a place: nothing to pin for them",
                          plan.article.origin.file, plan.article.origin.line)
    items = _get(node, "images")
    assert items is not None and isinstance(items, yaml.SequenceNode)
    for n, image in zip(unplaced, sized):
        _set(text, items.value[n], _image_pairs(image), edits)


def _image_pairs(image: Image) -> dict[str, str]:
    assert image.first_column is not None and image.last_column is not None
    return {"columns": f"{image.first_column}-{image.last_column}",
            "line": str(image.first_line), "lines": str(image.lines)}


def _pin_rules(text: str, root: yaml.Node, page: PagePlan, edits: list[_Edit]) -> None:
    """`rules:`, the rules the make-up drew between its modules, in its order."""
    if not page.rules:
        return
    written = "".join(f"\n  - {_flow(p)}" for p in _rule_pairs(page.rules, page.template))
    found = _key(root, "rules")
    if found is not None:
        edits.append(_Edit(found[0].start_mark.index, _end(found[1]),
                           f"rules:  {PINNED}: the rules between the modules{written}"))
        return
    articles = _key(root, "articles")
    assert articles is not None
    at = articles[0].start_mark.index
    edits.append(_Edit(at, at, f"rules:  {PINNED}: the rules between the modules"
                               f"{written}\n"))


def _rule_pairs(rules: tuple[PlacedRect, ...], t: Template) -> list[dict[str, str]]:
    """The rules as `rules:` writes them (makeup/placed.py `rules` draws them from these:
    checked by drawing them again)."""
    from .makeup.placed import rules as draw  # noqa: PLC0415

    columns = {t.column_x(c): c for c in range(1, t.columns + 1)}
    gutters = {t.column_x(c) - t.gutter / 2: c for c in range(2, t.columns + 1)}
    tops = {t.line_top(line): line for line in range(1, t.grid_lines + 2)}
    middles = {t.line_top(line) + t.pitch / 2: line for line in range(1, t.grid_lines + 1)}
    cuts, out = [], []
    for rule in rules:
        if rule.height == 0:  # across, through a blank line
            first = columns[rule.x]
            last = next(c for c in range(first, t.columns + 1)
                        if t.column_x(c) + t.column_width - rule.x == rule.width)
            line = middles[rule.y]
            cuts.append((True, first, line, last - first + 1, 1))
            out.append({"columns": f"{first}-{last}", "line": str(line)})
        else:
            column, line = gutters[rule.x], tops[rule.y]
            lines = round(rule.height / t.pitch)
            cuts.append((False, column, line, 1, lines))
            out.append({"gutter": f"{column - 1}-{column}",
                        "lines": f"{line}-{line + lines - 1}"})
    if tuple(draw(cuts, t)) != rules:
        raise RuntimeError("the make-up's rules do not read back as `rules:`")
    return out


def pin_manifest(path: Path, output: Path | None = None,
                 fonts: FontSet | None = None) -> int:
    """Pin the make-up of the one-page manifest at `path` into it (or into `output`),
    written atomically; how many articles were pinned (`pin_text`)."""
    from .flow import check_faces  # noqa: PLC0415
    from .fonts import shipped_fonts  # noqa: PLC0415
    from .manifest import load_issue  # noqa: PLC0415
    from .output import is_stdout, write_atomically  # noqa: PLC0415
    from .source import read_yaml  # noqa: PLC0415
    from .templates import load_template  # noqa: PLC0415

    path = Path(path)
    root = read_yaml(path)  # (every check of a manifest's file first)
    if isinstance(root.value, dict) and "pages" in root.value:
        raise LayoutError("`layout pin` pins a page: this is an issue of several pages",
                          path, root.value["pages"].origin.line,
                          hint="pin each page's own manifest (a page written here can be "
                               "moved to a file of its own and named with `file:`)")
    issue = load_issue(path)
    target = path if output is None else Path(output)
    if not is_stdout(target) and target.resolve().parent != path.resolve().parent \
            and _names_files(issue):
        raise LayoutError(f"{target} is in another folder: the manifest names its pictures "
                          "or texts from its own", path,
                          hint="write the pinned manifest beside this one")
    template = load_template(issue.template, path.parent, issue.template_origin)
    fonts = fonts or shipped_fonts()
    check_faces(template, fonts)
    text = path.read_bytes().decode("utf-8")
    pinned, placed, page = pin_text(issue, template, fonts, text)
    _check(path, pinned, issue, page, fonts)
    write_atomically(target, pinned.encode("utf-8"))
    return placed


def _check(path: Path, pinned: str, issue: Issue, before: PagePlan,
           fonts: FontSet) -> None:
    """That the pinned text reads as the same page, planned the same way: never write a
    manifest that would not (a mistake of this module, not the user's)."""
    import os  # noqa: PLC0415
    import tempfile  # noqa: PLC0415

    from .manifest import article_text, load_issue  # noqa: PLC0415
    from .pipeline import plan  # noqa: PLC0415

    # (read beside the manifest: its pictures and texts are named from its folder)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.pin-", suffix=".yaml", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(pinned.encode("utf-8"))
        again = load_issue(Path(name))
    finally:
        os.unlink(name)
    after = plan(again, before.template, fonts)
    if [article_text(a) for a in again.articles] != [article_text(a) for a in issue.articles] \
            or _shape(after) != _shape(before):
        raise RuntimeError(f"layout pin: the pinned {path.name} would not give the same page")


def _shape(page: PagePlan) -> list:
    """What a page plan decides: each module, its headline's size and columns, its
    pictures' places, its air and measure; and the rules."""
    out: list = [page.rules]
    for a in page.articles:
        h = a.headline
        out.append((a.first_column, a.last_column, a.first_line, a.last_line, a.below,
                    a.head_extra, a.measure, h and (h.size, h.columns),
                    [(i.first_column, i.last_column, i.first_line, i.lines)
                     for i in a.images]))
    return out


def _names_files(issue: Issue) -> bool:
    """Whether the page names a file from its manifest's folder (a picture, a body's text,
    a template by its path)."""
    return (any(i.file for a in issue.articles for i in a.images)
            or any(Path(b.origin.file) != Path(issue.path) for a in issue.articles
                   for b in a.blocks)
            or any(getattr(b, "file", None) for a in issue.articles for b in a.blocks)
            or issue.template.endswith((".yaml", ".yml")) or "/" in issue.template)
