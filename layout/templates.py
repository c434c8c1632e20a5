"""YAML → Template: page, grid, body and headline styles; `extends:` inheritance; units."""
from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from . import resources
from .errors import LayoutError, Skipped
from .model import (PDFX_STANDARDS, Align, Banner, Breaking, Composition, Nameplate, Origin,
                    PrintSettings, PunctuationFit, Region, Template, TextStyle)
from .pictures import PictureError, picture_size
from .source import (MAX_YAML_BYTES, Fields, Node, each, flag, gathered, grid_range, items,
                     mistaken, one_of, positive_int, read_yaml, text)
from .units import MM, Grid, length, size

# Named page sizes (width × height, mm). 对开/四开 after NEWSPAPER.md "Page and grid".
PAGE_SIZES = {
    "A4": (210.0, 297.0), "A3": (297.0, 420.0), "A2": (420.0, 594.0),
    "对开": (390.0, 540.0), "四开": (270.0, 390.0),
}
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
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
# A line of a headline group takes this many times its size from baseline to baseline.
HEADLINE_LINE_HEIGHT = 1.25


def find_template(name: str, relative_to: Path | None, skip: tuple[Path, ...] = ()) -> Path:
    """The file of a template named in a manifest or an `extends:`.

    A name with a suffix or a slash is a path relative to `relative_to` (the folder of the
    file that names it). A bare name is looked for where designers keep templates, next to
    the page: `NAME.yaml` in that folder, then in a `templates/` folder there or in any
    folder above it, then among the shipped templates. `skip`: files not to take (a
    template that extends the shipped one of its own name)."""
    if name.endswith((".yaml", ".yml")) or "/" in name:
        base = relative_to if relative_to is not None else Path.cwd()
        try:
            return (base / name).resolve()
        except (OSError, RuntimeError, ValueError):  # a symlink loop, a NUL byte
            return base / name
    for path in template_places(relative_to):
        candidate = path / f"{name}.yaml"
        try:  # (a manifest of that name beside it is no template)
            if candidate.is_file() and candidate.resolve() not in skip \
                    and is_template(candidate):
                return candidate.resolve()
        except (OSError, RuntimeError, ValueError):
            continue
    return resources.templates_dir() / f"{name}.yaml"


def template_places(relative_to: Path | None) -> list[Path]:
    """The folders a bare template name is looked for in, first first: the page's folder,
    each `templates/` folder from there up, then the shipped templates."""
    shipped = resources.templates_dir().resolve()
    places: list[Path] = []
    if relative_to is not None:
        try:
            here = relative_to.resolve()
        except (OSError, RuntimeError, ValueError):
            here = relative_to
        if here != shipped:  # (a shipped template extends shipped ones only)
            places.append(here)
            places += [folder / "templates" for folder in (here, *here.parents)]
    places.append(shipped)
    return list(dict.fromkeys(places))


def known_templates(relative_to: Path | None) -> dict[str, Path]:
    """Every template a manifest in `relative_to` can name, by name: the file it means."""
    found: dict[str, Path] = {}
    for folder in template_places(relative_to):
        try:
            files = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
        except OSError:
            continue
        for path in files:
            if path.stem not in found and is_template(path):
                found[path.stem] = path
    return found


def is_template(path: Path) -> bool:
    """A YAML file that looks like a template (not a manifest in the same folder)."""
    try:
        if not path.is_file() or path.stat().st_size > MAX_YAML_BYTES:
            return False
        with open(path, "rb") as handle:
            head = handle.read(4000).decode("utf-8", errors="replace")
    except OSError:
        return False
    return re.search(r"(?m)^(extends|grid|page|styles|name):", head) is not None and \
        re.search(r"(?m)^(manifest|articles):", head) is None


def _yaml_only(path: Path, name: str, node: Node | None, origin: Origin | None) -> None:
    """A template is a .yaml file: never read another file of the machine (and never echo
    its contents in an error)."""
    if path.suffix not in (".yaml", ".yml"):
        message = f"template {name!r} is not a .yaml file ({path.name})"
        hint = "name a shipped template, or a .yaml file next to the manifest"
        if node is not None:
            raise node.fail(message, hint=hint)
        raise LayoutError(message, origin.file if origin else None,
                          origin.line if origin else None, hint)


def load_template(name: str, relative_to: Path | None = None, origin: Origin | None = None,
                  ) -> Template:
    """Load a template by name or path, following `extends:`."""
    path = find_template(name, relative_to)
    _yaml_only(path, name, None, origin)
    if not path.is_file():
        known = ", ".join(sorted(known_templates(relative_to)))
        message = f"template {name!r} not found ({path})"
        hint = (f"templates it can name: {known} (`layout templates` says where each is); "
                "or give a path ending in .yaml")
        if origin is not None:
            raise LayoutError(message, origin.file, origin.line, hint)
        raise LayoutError(message, hint=hint)
    cached = _LOADED.get(path)
    if cached is not None and cached[0] == _stamps(cached[1].sources):
        return cached[1]
    root, files = _resolve(path, chain=())
    template = replace(_build(root, path), sources=files)
    _LOADED[path] = (_stamps(files), template)
    return template


# Templates loaded in this process, by file, with the size and modification time of every
# file of their chain: a batch worker reads each template once, and an edited one again.
_LOADED: dict[Path, tuple[tuple, Template]] = {}


def _stamps(files: tuple[Path, ...]) -> tuple:
    stats = [f.stat() for f in files]
    return tuple((s.st_size, s.st_mtime_ns) for s in stats)


def _resolve(path: Path, chain: tuple[Path, ...]) -> tuple[Node, tuple[Path, ...]]:
    """The template's YAML with everything it extends merged under it, and the files read
    (the template first, then what it extends)."""
    if path in chain:
        raise LayoutError("templates extend each other in a circle: "
                          + " → ".join(p.name for p in (*chain, path)), path)
    node = read_yaml(path)
    if not isinstance(node.value, dict):
        raise node.fail("expected a template (a mapping of key: value)")
    parent = node.value.get("extends")
    if parent is None:
        return node, (path,)
    parent_path = find_template(text(parent), path.parent, skip=(path, *chain))
    _yaml_only(parent_path, text(parent), parent, None)
    if not parent_path.is_file():
        looped = find_template(text(parent), path.parent)
        if looped in (*chain, path):  # a bare name that finds only the chain's own files
            raise parent.fail("templates extend each other in a circle: " + " → ".join(
                p.name for p in (*chain, path, looped)),
                hint="extend another template (a shipped one of this name needs another "
                     "name for this file)")
        raise parent.fail(f"template {text(parent)!r} not found ({parent_path})",
                          hint="name a shipped template or a .yaml path relative to this file")
    own = {k: v for k, v in node.value.items() if k != "extends"}
    base, files = _resolve(parent_path, (*chain, path))
    return _merge(base, Node(own, node.origin, node.path)), (path, *files)


def _merge(base: Node, over: Node) -> Node:
    """`over` on top of `base`: mappings merge key by key, anything else is replaced."""
    if not (isinstance(base.value, dict) and isinstance(over.value, dict)):
        return over
    merged = dict(base.value)
    for key, value in over.value.items():
        merged[key] = _merge(merged[key], value) if key in merged else value
    return Node(merged, over.origin, over.path)


def _page_size(node: Node) -> tuple[float, float]:
    if isinstance(node.value, str) and node.value.strip() in PAGE_SIZES:
        w, h = PAGE_SIZES[node.value.strip()]
        return w * MM, h * MM
    pair = items(node)
    if len(pair) != 2:
        raise node.fail("expected [width, height] or a size name",
                        hint="for example [297mm, 420mm], or one of " + ", ".join(PAGE_SIZES))
    width, height = (_bounded(p, 50 * MM, MAX_PAGE_MM * MM, "a page side") for p in pair)
    return width, height


# What a press prints: a page side up to 2 m, type from 4 pt to 200 pt, up to 40 columns.
MAX_PAGE_MM = 2000
BODY_SIZES = (4.0, 72.0)
STYLE_SIZES = (4.0, 200.0)
MAX_COLUMNS = 40


def _bounded(node: Node, least: float, most: float, what: str) -> float:
    """A length within what a press can print, else an error that says so."""
    value = length(node)
    if not least <= value <= most:
        raise node.fail(f"{what} of {node.value!r} is not one a press prints "
                        f"({least:g}–{most:g} pt)", hint="give a size a press can print")
    return value


def _style(node: Node, what: str, grid: Grid) -> TextStyle:
    fields = Fields(node, what)
    face = fields.take("face", text)
    points = fields.take("size", lambda n: _bounded_size(n, STYLE_SIZES, "a type size"))
    align = Align(fields.take("align", one_of(*(a.value for a in Align)), "center"))
    line_height = fields.take("line_height", lambda n: length(n, grid),
                              points * HEADLINE_LINE_HEIGHT)
    fields.done()
    return TextStyle(face=face, size=points, align=align, line_height=line_height)


def _bounded_size(node: Node, bounds: tuple[float, float], what: str) -> float:
    value = size(node)
    if not bounds[0] <= value <= bounds[1]:
        raise node.fail(f"{what} of {node.value!r} is not one a press prints "
                        f"({bounds[0]:g}–{bounds[1]:g} pt)", hint="give a size such as 小五")
    return value


def _node(node: Node) -> Node:
    return node


MAX_LADDER = 8  # sizes a headline ladder may list


def _ladder(node: Node) -> tuple[float, ...]:
    """`headline_ladder:` the sizes made-up headlines take by rank, largest first: the
    lead's, the second article's, the third's, … (later articles share the last), each a
    headline squeezed by a narrow module steps down the list."""
    sizes = tuple(_bounded_size(n, STYLE_SIZES, "a headline size") for n in items(node))
    if not 1 <= len(sizes) <= MAX_LADDER:
        raise node.fail(f"a headline ladder lists 1 to {MAX_LADDER} sizes, got {len(sizes)}",
                        hint="for example [初号, 小初, 一号, 二号]")
    for (a, b), n in zip(zip(sizes, sizes[1:]), node.value[1:]):
        if b >= a:
            raise n.fail(f"a headline ladder steps down: {n.value!r} is not smaller than "
                         "the size before it", hint="list the sizes largest first, each "
                                                    "once, for example [初号, 小初, 一号, 二号]")
    return sizes


def _at_least(least: float, grid: Grid = Grid(), above: bool = False):
    """A length reader that refuses values below `least` (or not above it)."""
    def read(node: Node) -> float:
        value = length(node, grid)
        if value < least or (above and value == least):
            raise node.fail(f"{node.value!r} is {'not above' if above else 'below'} "
                            f"{least:g} pt", hint="give a positive length" if above
                            else "give zero or a positive length")
        return value
    return read


def _build(root: Node, path: Path) -> Template:
    with gathered():  # every mistake of the template (and its chain) in one run
        return _read(root, path)


def _part(top: Fields, key: str, root: Node) -> Fields:
    """A mapping the template must have; while gathering, an empty stand-in after its
    mistake (whose own keys then go unread: no second report of the same gap)."""
    node = top.want(key, _node, None)
    if node is None:
        return Fields(Node({}, root.origin, key), key, missing=True)
    return Fields(node, key)


def _read(root: Node, path: Path) -> Template:
    top = Fields(root, "a template")
    name = top.take("name", text, path.stem)
    top.raw("extends")  # consumed by _resolve; allowed here
    before = mistaken()

    page = _part(top, "page", root)
    width, height = page.want("size", _page_size, (595.0, 842.0))
    margins = Fields(page.want("margins", _node, Node({}, root.origin, "page.margins")),
                     "page.margins")
    m_top = margins.want("top", _at_least(0), 0.0)
    m_bottom = margins.want("bottom", _at_least(0), 0.0)
    m_left = margins.want("left", _at_least(0), 0.0)
    m_right = margins.want("right", _at_least(0), 0.0)
    margins.done()
    page.done()

    body = _part(top, "body", root)
    face = body.want("face", text, "song")
    body_size = body.want("size", lambda n: _bounded_size(n, BODY_SIZES, "a body size"), 9.0)
    gap = body.want("line_gap", _at_least(0, Grid(char=body_size)), 4.5)
    pitch = body_size + gap
    grid = Grid(char=body_size, line=pitch)
    indent = body.take("indent", lambda n: length(n, grid), 2 * body_size)
    body.done()
    body_style = TextStyle(face=face, size=body_size, align=Align.LEFT, line_height=pitch)

    cols = _part(top, "grid", root)
    columns_node = cols.node
    columns = cols.want("columns", positive_int, 1)
    if columns > MAX_COLUMNS:
        raise cols.raw("columns").fail(f"{columns} columns are more than a page has "
                                       f"(at most {MAX_COLUMNS})", hint="give fewer columns")
    column_width = cols.want("column_width", _at_least(0, grid, above=True), 100.0)
    gutter = cols.want("gutter", _at_least(0, grid), 10.0)
    cols.done()
    grid_width = columns * column_width + (columns - 1) * gutter
    room = width - m_left - m_right
    measured = mistaken() == before  # page, body and grid read without a stand-in
    if grid_width > room + 0.01 and measured:
        raise columns_node.fail(
            f"{columns} columns of {column_width:.2f} pt with {gutter:.2f} pt gutters are "
            f"{grid_width / MM:.1f} mm wide, but the margins leave {room / MM:.1f} mm",
            hint="use fewer or narrower columns, or smaller margins")

    comp = Fields(top.take("composition", _node, Node({}, root.origin, "composition")),
                  "composition")
    composition = Composition(
        punctuation=PunctuationFit(comp.take(
            "punctuation", one_of(*(p.value for p in PunctuationFit)), "push-out")),
        breaking=Breaking(comp.take("breaking", one_of(*(b.value for b in Breaking)),
                                    "total-fit")),
        hanging_punctuation=comp.take("hanging_punctuation", flag, False),
        trim_line_start=comp.take("trim_line_start", flag, False),
        latin_spacing=comp.take("latin_spacing", lambda n: length(n, Grid(char=1.0)), 0.0),
    )
    comp.done()

    style_fields = _part(top, "styles", root)
    styles = {key: style_fields.want(key, lambda n, k=key: _style(n, f"styles.{k}", grid),
                                     body_style) for key in STYLE_NAMES}
    for key, (face, scale, align) in OPTIONAL_STYLES.items():
        points = body_size * scale
        styles[key] = style_fields.take(
            key, lambda n, k=key: _style(n, f"styles.{k}", grid),
            TextStyle(face, points, Align(align), max(pitch, points * HEADLINE_LINE_HEIGHT)))
    style_fields.done()
    headline_gap = top.take("headline_gap", lambda n: length(n, grid), pitch)
    ladder = top.take("headline_ladder", _ladder, ())
    slots_node = top.take("slots", _node, Node({}, root.origin, "slots"))
    named = Fields(slots_node, "slots").node.value
    names = {id(node): key for key, node in named.items()}
    slots = dict(each(named.values(), lambda node: (names[id(node)], _slot(node, columns)))
                 if measured else ())
    banner = top.take("banner", _banner, None)
    nameplate = top.take("nameplate", _nameplate, None)
    if nameplate is not None:  # its lines at the top of the grid, kept as a banner's are
        if banner is not None:
            raise top.raw("nameplate").fail(
                "a page has a banner or a 报头 (nameplate) across the top of its grid, not "
                "both", hint="leave one of them out")
        banner = Banner(lines=nameplate.lines, text=None)
        if nameplate.columns is not None and measured and nameplate.columns >= columns:
            raise top.raw("nameplate").fail(
                f"a 报头 block of {nameplate.columns} columns at the top left leaves no "
                f"room beside it on a grid of {columns}",
                hint=f"give it fewer columns (1-{columns - 1}), or `place: across`")
    header = top.take("header", flag, False)
    column_rules = top.take("column_rules", flag, False)
    accent = top.take("accent", _colour, "#c8161d")
    tint = top.take("box_tint", _colour, None)
    output = top.take("output", one_of("screen", "print"), "screen")
    press = top.take("print", _press, PrintSettings())
    top.done()
    if mistaken():  # (the template is not built from stand-ins: its mistakes are raised)
        raise Skipped()

    return Template(
        face_origins=_face_origins(root),
        name=name, path=path, page_width=width, page_height=height,
        margin_top=m_top, margin_bottom=m_bottom, margin_left=m_left, margin_right=m_right,
        columns=columns, column_width=column_width, gutter=gutter, body=body_style,
        pitch=pitch, indent=indent, composition=composition, styles=styles,
        headline_gap_lines=round(headline_gap / pitch), headline_ladder=ladder, slots=slots,
        banner=banner,
        nameplate=nameplate,
        header=header, column_rules=column_rules, accent=accent, box_tint=tint,
        output=output, press=press,
    )


MAX_PROFILE_BYTES = 20 * 1024 * 1024  # an output profile is a few hundred KB to a few MB


def _press(node: Node) -> PrintSettings:
    """`print:`: how the page goes to press (see PrintSettings)."""
    fields = Fields(node, "print")
    default = PrintSettings()
    profile = fields.take("profile", _profile, None)
    settings = PrintSettings(
        standard=fields.take("standard", one_of(*PDFX_STANDARDS), default.standard),
        profile=profile,
        condition=fields.take("condition", text, default.condition if profile is None
                              else None),
        condition_text=fields.take("condition_text", text, default.condition_text
                                   if profile is None else ""),
        ink_limit=fields.take("ink_limit", _ink_limit, default.ink_limit),
        bleed=fields.take("bleed", lambda n: _bounded(n, 0.0, 20 * MM, "a bleed"),
                          default.bleed),
        marks=fields.take("marks", flag, default.marks),
        accent=fields.take("accent", _cmyk, None),
        origin=node.origin,
    )
    fields.done()
    if profile is not None and not settings.condition:
        raise node.fail("a plant's profile needs its printing condition",
                        hint="add `condition:` (e.g. IFRA26, or what the plant calls it)")
    return settings


def _profile(node: Node) -> Path:
    """A CMYK output profile (.icc/.icm), relative to the template that names it."""
    file = (node.origin.file.parent / text(node)).resolve()
    if file.suffix.lower() not in (".icc", ".icm") or not file.is_file():
        raise node.fail(f"no ICC profile at {file}",
                        hint="give the path of the plant's CMYK output profile (.icc), "
                             "relative to this template")
    try:
        from PIL import ImageCms  # noqa: PLC0415 (only a template that names one)
        if file.stat().st_size > MAX_PROFILE_BYTES:
            raise OSError("larger than an output profile")
        profile = ImageCms.getOpenProfile(str(file)).profile
    except (OSError, ImageCms.PyCMSError) as err:
        raise node.fail(f"{file.name} is not an ICC profile ({err})",
                        hint="give the plant's CMYK output profile") from None
    if profile.xcolor_space.strip() != "CMYK" or profile.device_class != "prtr":
        raise node.fail(f"{file.name} is a {profile.xcolor_space.strip()} "
                        f"{profile.device_class} profile, not a CMYK output profile",
                        hint="give the plant's CMYK output (printer) profile")
    try:  # a sound header over damaged data: only a conversion tells
        ImageCms.buildTransform(ImageCms.createProfile("sRGB"), str(file), "RGB", "CMYK")
    except (OSError, ImageCms.PyCMSError) as err:
        raise node.fail(f"{file.name} is damaged: no colour can be converted with it ({err})",
                        hint="give the plant's CMYK output profile as they sent it") from None
    return file


def _ink_limit(node: Node) -> float:
    """Total ink coverage: `240%` or 240."""
    value = node.value
    try:
        number = float(str(value).strip().rstrip("%")) if not isinstance(value, bool) \
            else None
    except ValueError:
        number = None
    if number is None or not 150 <= number <= 400:
        raise node.fail(f"{value!r} is not an ink limit",
                        hint="give the total ink coverage in %, between 150% and 400% "
                             "(newsprint: 240%)")
    return number


def _cmyk(node: Node) -> tuple[float, float, float, float]:
    """A colour as CMYK percentages: [0, 100, 100, 0] or "0 100 100 0"."""
    value = node.value
    parts = value if isinstance(value, list) else str(value).replace(",", " ").split()
    try:
        numbers = [float(p.value if isinstance(p, Node) else p) for p in parts]
    except (TypeError, ValueError):
        numbers = []
    if len(numbers) != 4 or not all(0 <= n <= 100 for n in numbers):
        raise node.fail(f"{value if not isinstance(value, list) else [p.value for p in value]!r}"
                        " is not a CMYK colour",
                        hint="give four percentages, C M Y K: [0, 100, 100, 0]")
    return tuple(n / 100 for n in numbers)  # type: ignore[return-value]


def _face_origins(root: Node) -> dict[str, Origin]:
    """Where the body's and each style's `face:` is written, for errors about the face."""
    found = {"body": root.value.get("body")}
    styles = root.value.get("styles")
    if styles is not None and isinstance(styles.value, dict):
        found.update((f"styles.{key}", node) for key, node in styles.value.items())
    return {where: node.value["face"].origin for where, node in found.items()
            if node is not None and isinstance(node.value, dict) and "face" in node.value}


def _slot(node: Node, columns: int) -> Region:
    fields = Fields(node, f"slot {node.path}")
    first_col, last_col = fields.take("columns", lambda n: grid_range(n, allow_rest=False))
    first_line, last_line = fields.take("lines", lambda n: grid_range(n, allow_rest=True), (1, None))
    fields.done()
    if last_col > columns:
        raise node.fail(f"columns {first_col}-{last_col}: the grid has {columns} columns")
    return Region(first_col, last_col, first_line, last_line)


def _banner(node: Node) -> Banner:
    fields = Fields(node, "banner")
    banner = Banner(lines=fields.take("lines", positive_int),
                    text=fields.take("text", text, None))
    fields.done()
    return banner


def _nameplate(node: Node) -> Nameplate:
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


def _colour(node: Node) -> str:
    if isinstance(node.value, int) and not isinstance(node.value, bool):
        raise node.fail(f"YAML reads this colour as the number {node.value}",
                        hint="write it in quotes as #rrggbb, e.g. accent: \"#1f4e9c\"")
    value = text(node)
    if not _COLOUR.match(value):
        raise node.fail(f"{value!r} is not a colour", hint="write it as #rrggbb, e.g. #c8161d")
    return value.lower()
