"""An article's pictures: the file, its shape (aspect) and its place in the article."""
from __future__ import annotations

from pathlib import Path

from ..model import (
    Image,
)
from ..pictures import PictureError, picture_size
from ..source import (
    Fields,
    Node,
    grid_span,
    integer,
    one_of,
    positive_int,
    text,
)
from .common import columns_wide, nonblank


def read_picture(node: Node | None, base: Path, allow_outside: bool,
             ) -> tuple[Path, float] | tuple[None, None]:
    """A picture's path, relative to the manifest's folder and not outside it unless the
    manifest allows it, and its proportions (width over height, from its pixels); the file
    checked as a picture once, here."""
    if node is None:
        return None, None
    file = file_beside(node, base, allow_outside, "picture")
    try:
        width, height = picture_size(file)
    except PictureError as err:
        raise node.fail(f"picture {file.name}: {err}",
                        hint="give a JPEG or PNG photo") from None
    return file, width / height


def file_beside(node: Node, base: Path, allow_outside: bool, what: str) -> Path:
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


def read_image(node: Node, base: Path, allow_outside: bool) -> Image:
    """A picture of the article: at a grid place the manifest gives (`columns`, `line`,
    `lines`), or, without `columns`, one the make-up sizes from its aspect ratio."""
    fields = Fields(node, "an image")
    columns = fields.take("columns", grid_span, None)
    file, pixels = read_picture(fields.raw("file"), base, allow_outside)
    width = None
    if columns is None:
        for key in ("line", "lines"):
            if fields.has(key):
                raise fields.fail(
                    key, f"`{key}:` places a picture on the grid, which needs `columns:` too",
                    hint="give `columns:` as well, or leave both out and the make-up sizes "
                         "the picture from its aspect ratio")
        first_col = last_col = first_line = lines = None
        width = fields.take("width", columns_wide, None)
    else:
        # (`layout pin` writes the place it chose beside a width the manifest asked)
        wide = fields.take("width", columns_wide, None)
        if wide is not None and wide != columns[1] - columns[0] + 1:
            raise fields.fail(
                "width", f"`width: {wide}` asks for a picture {wide} columns wide, and `columns: "
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
                  fields.take("label", nonblank, None if file else "图片"),
                  fields.take("caption", nonblank, None),
                  fields.take("fit", one_of("crop", "contain"), "crop"), node.origin,
                  aspect, width=width)
    fields.done()
    return image
