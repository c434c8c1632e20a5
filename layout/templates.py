"""YAML → Template: page, grid, body and headline styles; `extends:` inheritance; units."""
from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from . import resources
from .errors import LayoutError, Skipped
from .model import (Align, Banner, Breaking, Composition, Nameplate, Origin, PrintSettings,
                    PunctuationFit, Template, TextStyle)
from .reads import digest, read_file, recorded
from .source import MAX_YAML_BYTES, Fields, Node, each, flag, gathered, mistaken, one_of, \
    positive_int, read_yaml, text
from .template_plates import banner, nameplate, slot
from .template_press import MAX_PROFILE_BYTES, print_settings
from .template_styles import (HEADLINE_LINE_HEIGHT, MAX_LADDER, OPTIONAL_STYLES, STYLE_NAMES,
                              face_origins, ladder, read_styles)
from .template_values import (BODY_SIZES, MAX_COLUMNS, MAX_PAGE_MM, PAGE_SIZES, STYLE_SIZES,
                              as_node, at_least, bounded_size, colour, page_size)
from .units import MM, Grid, length

# (the values' bounds, the styles and the print settings are read in modules of their own;
# their names stay importable from here)
__all__ = ["BODY_SIZES", "HEADLINE_LINE_HEIGHT", "MAX_COLUMNS", "MAX_LADDER", "MAX_PAGE_MM",
           "MAX_PROFILE_BYTES", "OPTIONAL_STYLES", "PAGE_SIZES", "STYLE_NAMES", "STYLE_SIZES",
           "find_template", "is_template", "known_templates", "load_template",
           "template_places"]


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
    if cached is not None and cached[0] == _contents(cached[1].sources):
        return cached[1]
    with recorded() as read:
        root, files = _resolve(path, chain=())
    template = replace(_build(root, path), sources=files)
    _LOADED[path] = (tuple(read[f] for f in files), template)
    return template


# Templates parsed in this process, by file, with the digest of the bytes of every file of
# their chain they were parsed from: a batch worker parses each template once, and one
# whose files' bytes changed again (reads.py: the page's digest is of these same reads).
_LOADED: dict[Path, tuple[tuple[str, ...], Template]] = {}


def _contents(files: tuple[Path, ...]) -> tuple[str, ...] | None:
    """The digests of the files' bytes now; None when one cannot be read (the template is
    read again, and says what is wrong)."""
    try:
        return tuple(digest(read_file(f, MAX_YAML_BYTES + 1)) for f in files)
    except OSError:
        return None


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


def _build(root: Node, path: Path) -> Template:
    with gathered():  # every mistake of the template (and its chain) in one run
        return _read(root, path)


def _part(top: Fields, key: str, root: Node) -> Fields:
    """A mapping the template must have; while gathering, an empty stand-in after its
    mistake (whose own keys then go unread: no second report of the same gap)."""
    node = top.want(key, as_node, None)
    if node is None:
        return Fields(Node({}, root.origin, key), key, missing=True)
    return Fields(node, key)


def _read(root: Node, path: Path) -> Template:
    top = Fields(root, "a template")
    name = top.take("name", text, path.stem)
    top.raw("extends")  # consumed by _resolve; allowed here
    before = mistaken()
    width, height, (m_top, m_bottom, m_left, m_right) = _page(top, root)
    body_style, grid, indent = _body(top, root)
    pitch = body_style.line_height
    columns, column_width, gutter = _grid(top, root, grid, width - m_left - m_right, before)
    measured = mistaken() == before  # page, body and grid read without a stand-in
    composition = _composition(top, root)
    styles = read_styles(_part(top, "styles", root), grid, body_style)
    headline_gap = top.take("headline_gap", lambda n: length(n, grid), pitch)
    headline_ladder = top.take("headline_ladder", ladder, ())
    slots, page_banner, plate = _plates(top, root, columns, measured)
    header = top.take("header", flag, False)
    column_rules = top.take("column_rules", flag, False)
    accent = top.take("accent", colour, "#c8161d")
    tint = top.take("box_tint", colour, None)
    output = top.take("output", one_of("screen", "print"), "screen")
    press = top.take("print", print_settings, PrintSettings())
    top.done()
    if mistaken():  # (the template is not built from stand-ins: its mistakes are raised)
        raise Skipped()

    return Template(
        face_origins=face_origins(root),
        name=name, path=path, page_width=width, page_height=height,
        margin_top=m_top, margin_bottom=m_bottom, margin_left=m_left, margin_right=m_right,
        columns=columns, column_width=column_width, gutter=gutter, body=body_style,
        pitch=pitch, indent=indent, composition=composition, styles=styles,
        headline_gap_lines=round(headline_gap / pitch), headline_ladder=headline_ladder,
        slots=slots,
        banner=page_banner,
        nameplate=plate,
        header=header, column_rules=column_rules, accent=accent, box_tint=tint,
        output=output, press=press,
    )


def _page(top: Fields, root: Node) -> tuple[float, float, tuple[float, float, float, float]]:
    """`page:` its size and margins (top, bottom, left, right)."""
    page = _part(top, "page", root)
    width, height = page.want("size", page_size, (595.0, 842.0))
    margins = Fields(page.want("margins", as_node, Node({}, root.origin, "page.margins")),
                     "page.margins")
    m_top = margins.want("top", at_least(0), 0.0)
    m_bottom = margins.want("bottom", at_least(0), 0.0)
    m_left = margins.want("left", at_least(0), 0.0)
    m_right = margins.want("right", at_least(0), 0.0)
    margins.done()
    page.done()
    return width, height, (m_top, m_bottom, m_left, m_right)


def _body(top: Fields, root: Node) -> tuple[TextStyle, Grid, float]:
    """`body:` the body text's style, the baseline grid it sets, the paragraph indent."""
    body = _part(top, "body", root)
    face = body.want("face", text, "song")
    body_size = body.want("size", lambda n: bounded_size(n, BODY_SIZES, "a body size"), 9.0)
    gap = body.want("line_gap", at_least(0, Grid(char=body_size)), 4.5)
    pitch = body_size + gap
    grid = Grid(char=body_size, line=pitch)
    indent = body.take("indent", lambda n: length(n, grid), 2 * body_size)
    body.done()
    return TextStyle(face=face, size=body_size, align=Align.LEFT, line_height=pitch), grid, \
        indent


def _grid(top: Fields, root: Node, grid: Grid, room: float,
          before: int) -> tuple[int, float, float]:
    """`grid:` columns, their width and the gutter; refused when wider than the margins
    leave (`room`), once the page, body and grid were read without a mistake (`before`:
    the mistakes counted until then)."""
    cols = _part(top, "grid", root)
    columns_node = cols.node
    columns = cols.want("columns", positive_int, 1)
    if columns > MAX_COLUMNS:
        raise cols.fail("columns", f"{columns} columns are more than a page has "
                        f"(at most {MAX_COLUMNS})", hint="give fewer columns")
    column_width = cols.want("column_width", at_least(0, grid, above=True), 100.0)
    gutter = cols.want("gutter", at_least(0, grid), 10.0)
    cols.done()
    grid_width = columns * column_width + (columns - 1) * gutter
    if grid_width > room + 0.01 and mistaken() == before:
        raise columns_node.fail(
            f"{columns} columns of {column_width:.2f} pt with {gutter:.2f} pt gutters are "
            f"{grid_width / MM:.1f} mm wide, but the margins leave {room / MM:.1f} mm",
            hint="use fewer or narrower columns, or smaller margins")
    return columns, column_width, gutter


def _composition(top: Fields, root: Node) -> Composition:
    comp = Fields(top.take("composition", as_node, Node({}, root.origin, "composition")),
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
    return composition


def _plates(top: Fields, root: Node, columns: int,
            measured: bool) -> tuple[dict, Banner | None, Nameplate | None]:
    """`slots:`, `banner:` and `nameplate:` (a 报头 sets the banner's lines at the top of
    the grid); the slots and a 报头 block checked against the grid once it is `measured`."""
    slots_node = top.take("slots", as_node, Node({}, root.origin, "slots"))
    named = Fields(slots_node, "slots").node.value
    names = {id(node): key for key, node in named.items()}
    slots = dict(each(named.values(), lambda node: (names[id(node)], slot(node, columns)))
                 if measured else ())
    page_banner = top.take("banner", banner, None)
    plate = top.take("nameplate", nameplate, None)
    if plate is not None:  # its lines at the top of the grid, kept as a banner's are
        if page_banner is not None:
            raise top.fail(
                "nameplate", "a page has a banner or a 报头 (nameplate) across the top of its "
                "grid, not both", hint="leave one of them out")
        page_banner = Banner(lines=plate.lines, text=None)
        if plate.columns is not None and measured and plate.columns >= columns:
            raise top.fail(
                "nameplate", f"a 报头 block of {plate.columns} columns at the top left leaves no "
                f"room beside it on a grid of {columns}",
                hint=f"give it fewer columns (1-{columns - 1}), or `place: across`")
    return slots, page_banner, plate
