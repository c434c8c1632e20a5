"""A template's text styles: those it must give and those it may (`styles:`), the
headline ladder, and where each `face:` is written."""
from __future__ import annotations

from collections.abc import Callable

from .model import Align, Origin, TextStyle
from .source import Fields, Node, items, one_of, text
from .template_values import STYLE_SIZES, bounded_size
from .units import Grid, length

# The styles a template must give (after inheritance), and what each is for.
STYLE_NAMES = {
    "headline": "主题, the main title",
    "kicker": "引题, the line above the main title",
    "subtitle": "副题, the line below the main title",
    "byline": "the author line under the headline",
    "subhead": "小标题 inside the body",
}
# Styles a template may give; when it does not, these (face, size in body sizes, align).
OPTIONAL_STYLES = {
    "lead": ("hei", 1.0, "left"),  # the bold words of a run-in subhead
    "subhead_second": ("kai", 1.0, "center"),  # a subhead's second, smaller line
    "note": ("kai", 1.0, "left"),  # text of an editor's note or comment box
    "note_label": ("hei", 1.0, "left"),  # 编者按, 微评
    "caption": ("kai", 7.5 / 9, "left"),  # 图说, 六号 under 小五 body text
    "signature": ("kai", 1.0, "right"),  # （尚启轩）, attributions, 转版 notes
    "quote": ("hei", 7 / 6, "center"),  # pull quote
    "banner": ("hei-heavy", 26 / 9, "center"),  # the banner's title
    "header": ("song", 1.0, "left"),  # 报眉
    "label": ("hei", 4 / 3, "center"),  # words inside a picture placeholder
    "section": ("hei", 14 / 9, "left"),  # 栏目题: an article's section bar, reversed out
}
# A line of a headline group takes this many times its size from baseline to baseline.
HEADLINE_LINE_HEIGHT = 1.25


def style(node: Node, what: str, grid: Grid) -> TextStyle:
    fields = Fields(node, what)
    face = fields.take("face", text)
    points = fields.take("size", lambda n: bounded_size(n, STYLE_SIZES, "a type size"))
    align = Align(fields.take("align", one_of(*(a.value for a in Align)), "center"))
    line_height = fields.take("line_height", lambda n: length(n, grid),
                              points * HEADLINE_LINE_HEIGHT)
    fields.done()
    return TextStyle(face=face, size=points, align=align, line_height=line_height)


MAX_LADDER = 8  # sizes a headline ladder may list


def ladder(node: Node) -> tuple[float, ...]:
    """`headline_ladder:` the sizes made-up headlines take by rank, largest first: the
    lead's, the second article's, the third's, … (later articles share the last), each a
    headline squeezed by a narrow module steps down the list."""
    sizes = tuple(bounded_size(n, STYLE_SIZES, "a headline size") for n in items(node))
    if not 1 <= len(sizes) <= MAX_LADDER:
        raise node.fail(f"a headline ladder lists 1 to {MAX_LADDER} sizes, got {len(sizes)}",
                        hint="for example [初号, 小初, 一号, 二号]")
    for (a, b), n in zip(zip(sizes, sizes[1:]), node.value[1:]):
        if b >= a:
            raise n.fail(f"a headline ladder steps down: {n.value!r} is not smaller than "
                         "the size before it", hint="list the sizes largest first, each "
                                                    "once, for example [初号, 小初, 一号, 二号]")
    return sizes


def face_origins(root: Node) -> dict[str, Origin]:
    """Where the body's and each style's `face:` is written, for errors about the face."""
    found = {"body": root.value.get("body")}
    styles = root.value.get("styles")
    if styles is not None and isinstance(styles.value, dict):
        found.update((f"styles.{key}", node) for key, node in styles.value.items())
    return {where: node.value["face"].origin for where, node in found.items()
            if node is not None and isinstance(node.value, dict) and "face" in node.value}


def _style_of(key: str, grid: Grid) -> Callable[[Node], TextStyle]:
    """The reader of the style `styles.KEY`."""
    return lambda node: style(node, f"styles.{key}", grid)


def read_styles(fields: Fields, grid: Grid, body: TextStyle) -> dict[str, TextStyle]:
    """`styles:` every style a template must give (the body's when it gives none, after
    its mistake) and those it may (sized from the body's when it does not)."""
    styles = {key: fields.want(key, _style_of(key, grid), body) for key in STYLE_NAMES}
    for key, (face, scale, align) in OPTIONAL_STYLES.items():
        points = body.size * scale
        styles[key] = fields.take(
            key, _style_of(key, grid),
            TextStyle(face, points, Align(align),
                      max(body.line_height, points * HEADLINE_LINE_HEIGHT)))
    fields.done()
    return styles
