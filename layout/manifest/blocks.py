"""An article's body: its blocks, one reader a kind (BLOCK_READERS), and its 编者按 note."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..model import (
    Block,
    Boxed,
    Figure,
    Origin,
    Paragraph,
    Quote,
    Signature,
    Subhead,
)
from ..reads import read_file
from ..source import (
    MAX_YAML_BYTES,
    Fields,
    Node,
    each,
    items,
    one_of,
    positive_int,
    text,
)
from .common import nonblank
from .pictures import read_picture

BORDERS = ("double", "thick-thin", "dashed", "dotted")  # 花边 an article may have


# A body block's reader: from its mapping's fields, the key that named its kind, its node,
# the manifest's folder and whether paths may leave that folder, the block.
BlockReader = Callable[[Fields, str, Node, Path, bool], Block]


def _paragraph(fields: Fields, kind: str, node: Node, base: Path, outside: bool) -> Block:
    """`lead:` words run in at the head of the paragraph's `text:`."""
    return Paragraph(fields.take("text", nonblank), node.origin,
                     lead=fields.take("lead", nonblank))


def _subhead(fields: Fields, kind: str, node: Node, base: Path, outside: bool) -> Block:
    return Subhead(fields.take("subhead", nonblank), node.origin,
                   fields.take("second", nonblank, None))


def _figure(fields: Fields, kind: str, node: Node, base: Path, outside: bool) -> Block:
    file, _ = read_picture(fields.raw("file"), base, outside)
    return Figure(fields.take("picture", positive_int), file,
                  fields.take("label", nonblank, None if file else "图片"),
                  fields.take("caption", nonblank, None),
                  fields.take("fit", one_of("crop", "contain"), "crop"), node.origin)


def text_block(make: Callable[[str, Origin], Block]) -> BlockReader:
    """The reader of a block that is its key's text and nothing more (`- quote: …`):
    `make(text, origin)`."""
    def read(fields: Fields, kind: str, node: Node, base: Path, outside: bool) -> Block:
        return make(fields.take(kind, nonblank), node.origin)
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
        return Paragraph(nonblank(node), node.origin)
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


def read_body(node: Node | None, base: Path, allow_outside: bool) -> tuple[Block, ...]:
    """An article's body: a list of blocks, or `{file: story.txt}`, the paragraphs of a
    text file beside the manifest (parted as pasted text is: layout/intake.py)."""
    if node is None or node.value is None:
        return ()
    if not isinstance(node.value, dict):
        return tuple(each(items(node), lambda b: _block(b, base, allow_outside)))
    from ..intake import paragraphs_with_lines  # noqa: PLC0415 (only such a body needs it)
    fields = Fields(node, "a body read from a file")
    name = fields.take("file", nonblank)
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
        content = read_file(path).decode("utf-8-sig")
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
                 text=fields.take(kind, nonblank),
                 attribution=fields.take("attribution", nonblank, None), origin=node.origin)


def _label(node: Node) -> str | None:
    """A box's label: its text, or none for `label: ""` (a 提要 box, say)."""
    return text(node) or None


def read_note(node: Node) -> Boxed:
    if not isinstance(node.value, (dict, list, bool)) and node.value is not None:
        return Boxed("编者按", nonblank(node), None, node.origin)
    fields = Fields(node, "an editor's note")
    note = Boxed(fields.take("label", _label, "编者按"), fields.take("text", nonblank), None,
                 node.origin)
    fields.done()
    return note
