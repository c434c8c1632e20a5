"""What a template sets across the top of the grid and in named places: `slots:`, a
`banner:`, the front page's 报头 (`nameplate:`) and its pictures."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from .model import Banner, Nameplate, Region
from .pictures import PictureError, picture_size
from .source import Fields, Node, grid_range, grid_span, items, one_of, positive_int, text
from .units import size


def slot(node: Node, columns: int) -> Region:
    fields = Fields(node, f"slot {node.path}")
    first_col, last_col = fields.take("columns", grid_span)
    first_line, last_line = fields.take("lines", lambda n: grid_range(n, allow_rest=True), (1, None))
    fields.done()
    if last_col > columns:
        raise node.fail(f"columns {first_col}-{last_col}: the grid has {columns} columns")
    return Region(first_col, last_col, first_line, last_line)


def banner(node: Node) -> Banner:
    fields = Fields(node, "banner")
    banner = Banner(lines=fields.take("lines", positive_int),
                    text=fields.take("text", text, None))
    fields.done()
    return banner


def nameplate(node: Node) -> Nameplate:
    """`nameplate:` the front page's 报头 (model.Nameplate); its pictures' paths relative to
    the template file that names them."""
    fields = Fields(node, "nameplate")
    base = node.origin.file.parent
    picture = fields.raw("image")
    code = fields.raw("code")
    plate = Nameplate(
        lines=fields.take("lines", positive_int),
        name=fields.take("name", text, None),
        image=_plate_file(picture, base) if picture is not None else None,
        face=fields.take("face", text, "hei-heavy"),
        size=fields.take("size", size, 60.0),
        sponsor=fields.take("sponsor", text, None),
        registration=tuple(text(n) for n in fields.take("registration", items, [])),
        website=fields.take("website", text, None),
        code=_plate_file(code, base) if code is not None else None,
    )
    place = fields.take("place", one_of("across", "top-left"), "across")
    block = fields.raw("columns")
    if (place == "top-left") != (block is not None):
        raise node.fail("a 报头 in a block at the top left (`place: top-left`) says how many "
                        "columns it takes (`columns:`); one across the top takes them all",
                        hint="write both `place: top-left` and `columns: 2`, or neither")
    if block is not None:
        plate = replace(plate, columns=fields.take("columns", positive_int))
    fields.done()
    if plate.image is not None and plate.name is not None:
        raise node.fail("the paper's name is a text (`name:`) or a picture (`image:`), not "
                        "both", hint="leave one of them out")
    return plate


def _plate_file(node: Node, base: Path) -> Path:
    """A picture of the nameplate (its name as a logo, a QR code): a file beside the
    template, checked here."""
    file = (base / text(node)).resolve()
    if not file.is_file():
        raise node.fail(f"picture {file} not found",
                        hint="paths are relative to the template's folder")
    try:
        picture_size(file)
    except PictureError as err:
        raise node.fail(f"picture {file.name}: {err}", hint="give a PNG or JPEG") from None
    return file
