"""Draw a placed page as PDF. The only module that imports reportlab's PDF writer: it
decides nothing about layout, it paints what the flow stage placed.

Three reportlab traps are handled here:
* its ToUnicode map writes code points beyond U+FFFF as five hex digits, which readers
  misread (𠮷 would copy out as another character): `_to_unicode_cmap` writes UTF-16;
* a new canvas sets Helvetica, a font that is then referenced but not embedded: the canvas
  starts with the body face instead;
* output is made deterministic: invariant mode, and the PDF dates come from the manifest;
* streams are Flate-compressed binary, without reportlab's default ASCII85 layer.
"""
from __future__ import annotations

import io
from functools import lru_cache
from typing import TYPE_CHECKING

from reportlab.pdfbase import ttfonts
from reportlab.lib.colors import HexColor
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from ..errors import LayoutError
from ..fonts import HALF_WIDTH_BASE, VERTICAL_BASE, FontSet, kept_subsets
from ..frozen import frozen
from ..pictures import opened, rgb, upright
from ..model import PageLayout, PlacedImage, PlacedLine, PlacedRect
from .objects import subset_name  # (and reportlab's objects written faster: objects.py)
from .runs import LineRuns, Run, Selects
from .streams import Kept, Writing, writing

if TYPE_CHECKING:  # (the press, and littleCMS with it, is loaded only to print)
    from .press import Press

_UTF16: dict[int, str] = {}  # code → its character as UTF-16, hex (see _utf16_hex)
_ENTRY = ["<%02X> <" % code for code in range(256)]  # a ToUnicode line up to the character


def _utf16_hex(code: int) -> str:
    found = _UTF16.get(code)
    if found is None:
        character = code
        if HALF_WIDTH_BASE <= code < HALF_WIDTH_BASE + 0x10000:
            character -= HALF_WIDTH_BASE  # a mark's half-width code copies out as the mark
        elif code >= VERTICAL_BASE:
            character -= VERTICAL_BASE  # and its vertical form's code too
        found = _UTF16[code] = chr(character).encode("utf-16-be").hex().upper()
    return found


# ToUnicode maps made in this process, by subset name and codes: a render under --watch
# writes again the subsets an edit left as they were. Started afresh past this many.
_CMAPS: dict[tuple[str, tuple[int, ...]], str] = {}
MOST_CMAPS = 256


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """A ToUnicode CMap mapping each subset code to its character, as UTF-16 (surrogate
    pairs beyond U+FFFF, as the PDF specification requires); one made before for the same
    subset is given again."""
    key = (fontname, tuple(subset))
    found = _CMAPS.get(key)
    if found is None:
        if len(_CMAPS) >= MOST_CMAPS:
            _CMAPS.clear()
        found = _CMAPS[key] = _cmap_text(fontname, subset)
    return found


def _cmap_text(fontname: str, subset: list[int]) -> str:
    return "\n".join([
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo",
        "<< /Registry (%s)" % fontname,
        "/Ordering (%s)" % fontname,
        "/Supplement 0",
        ">> def",
        "/CMapName /%s def" % fontname,
        "/CMapType 2 def",
        "1 begincodespacerange",
        "<00> <%02X>" % (len(subset) - 1),
        "endcodespacerange",
        "%d beginbfchar" % len(subset),
        *[f"{_ENTRY[i]}{_utf16_hex(v)}>" for i, v in enumerate(subset)],
        "endbfchar",
        "endcmap",
        "CMapName currentdict /CMap defineresource pop",
        "end",
        "end",
    ])


ttfonts.makeToUnicodeCMap = _to_unicode_cmap


@frozen
class Document:
    """What a PDF of an issue's pages says of itself: its title (paper, date, issue), a
    label per page (第1版 要闻) and its outline: per page, its label and its articles'
    titles with the y of each one's top (from the page's top)."""

    title: str
    labels: tuple[str, ...]
    outline: tuple[tuple[str, tuple[tuple[str, float], ...]], ...]


def render_pdf(page: PageLayout, fonts: FontSet, press: Press | None = None) -> bytes:
    """The page as PDF bytes: same page, same bytes. With `press`, for print: PDF/X, CMYK
    only, trim and bleed boxes, marks (render/press.py)."""
    return render_pages((page,), fonts, press)


def render_pages(pages: tuple[PageLayout, ...], fonts: FontSet, press: Press | None = None,
                 document: Document | None = None, kept: Kept | None = None) -> bytes:
    """Pages as one PDF (a page alone as render_pdf makes it). With `document`: its title,
    page labels and outline. `kept`: font subsets and compressed streams kept from an
    earlier render of the process, and for the next one (the same bytes either way)."""
    holder = _SHARED if kept is None else kept
    used: dict = {}  # (the subsets this render uses: what it keeps for the next)
    with writing(kept) as render, kept_subsets(used, {} if kept is None else kept.subsets):
        codes = _codes(fonts, holder)
        # (the lines' runs only for a render that keeps its own: no page paints another
        # page's lines, and the process's would keep the last page's alive till the next)
        lines = holder.lines if kept is not None else LineRuns()
        try:
            return _render_pages(pages, fonts, press, document, codes, lines, render)
        finally:
            lines.turn()
            if kept is not None:
                kept.subsets = used


# The codes of the renders that keep nothing of their own (a batch's worker, page after
# page): a page paints the characters the last one painted (runs._Coder), the one thing
# pages share (its subsets, streams and lines' runs are a render's own). Started afresh
# for another font set, or past this many faces and sizes.
_SHARED = Kept()
MOST_CODED_SIZES = 400


def _codes(fonts: FontSet, holder: Kept) -> dict:
    """The codes of `fonts`' characters (runs.runs) that `holder` (a render's kept, or the
    process's) holds; its lines' runs (runs.LineRuns) let go with them."""
    if holder.fonts is not fonts or len(holder.codes) > MOST_CODED_SIZES:
        holder.fonts, holder.codes, holder.lines = fonts, {}, LineRuns()
    return holder.codes


def _render_pages(pages: tuple[PageLayout, ...], fonts: FontSet, press: Press | None,
                  document: Document | None, codes: dict, lines: LineRuns,
                  render: Writing) -> bytes:
    """The PDF of `pages` (see render_pages); `codes`: see runs.runs, `lines`: the runs of
    lines kept (runs.LineRuns). Each page's content
    and each font subset is compressed beside the writing (`render`) as soon as it is
    made; the subsets, in a render of their own (`fonts.kept_subsets`), are made before
    the document is saved, and taken from there as it is."""
    buffer = io.BytesIO()
    first = pages[0]
    body = fonts.face(first.body_face)
    margin = press.margin if press else 0.0
    canvas = Canvas(buffer, pagesize=(first.width + 2 * margin, first.height + 2 * margin),
                    invariant=1, pageCompression=1, initialFontName=body.ttf.fontName,
                    initialFontSize=9, pdfVersion=press.pdf_version if press else None)
    stamp = first.date.strftime("D:%Y%m%d000000+00'00'")
    canvas._doc.setDateFormatter(lambda *_: stamp)
    canvas.setTitle(document.title if document else first.title)
    canvas.setCreator("layout")
    canvas.setProducer("layout")
    canvas.setAuthor("")
    canvas.setSubject("")
    selects = Selects(canvas._doc)
    for number, page in enumerate(pages):
        if number:
            canvas.setPageSize((page.width + 2 * margin, page.height + 2 * margin))
        if document:
            _bookmarks(canvas, document, number, page.height + margin)
        _draw_page(canvas, page, fonts, press, _Painting(codes, lines, selects),
                   _Closing(render, number == len(pages) - 1))
        _start_content(canvas, render)
    if document:
        canvas.showOutline()
    if press:
        press.declare(canvas, first, first.date.strftime("%Y-%m-%dT00:00:00Z"))
    _start_subsets(canvas, render)
    canvas.save()
    return buffer.getvalue()


def _start_content(canvas: Canvas, render: Writing) -> None:
    """Start compressing the content of the page just closed (kept as the bytes it is
    written as, so that the filter is handed the same object, its hash computed once)."""
    page = canvas._doc.Pages.pages[-1]
    page.stream = page.stream.encode("utf8")
    render.start(page.stream)


def _start_subsets(canvas: Canvas, render: Writing) -> None:
    """Make each font subset the pages use (kept for the save) and start compressing it."""
    doc = canvas._doc
    for font in doc.delayedFonts:
        state = getattr(font, "state", {}).get(doc)
        for number, subset in enumerate(state.subsets if state is not None else ()):
            _start_subset(render, font, number, subset)


def _start_subset(render: Writing, font: ttfonts.TTFont, number: int,
                  subset: list[int]) -> None:
    """Make the font subset numbered `number` of `font` (all its codes given) and its
    ToUnicode map, and start compressing both (the map's text made as reportlab's
    addObjects makes it, kept in `_CMAPS` till then: the same text is written)."""
    render.start(font.face.makeSubset(subset))
    render.start_text(_to_unicode_cmap(subset_name(font.face, number), subset))


@frozen
class _Closing:
    """The render a page is drawn for, and whether it is the document's last page."""

    render: Writing
    last: bool

    def start(self, canvas: Canvas, used: list) -> None:
        """Make and start compressing the subsets of the faces `used` that no later page
        can add to: all of them on the last page, the full ones (256 codes) before it.
        (Called once the page's characters have their codes, before they are painted:
        the subsets are compressed while the page is.)"""
        doc = canvas._doc
        for font in used:
            for number, subset in enumerate(font.state[doc].subsets):
                if self.last or len(subset) == 256:
                    _start_subset(self.render, font, number, subset)

    def start_full(self, canvas: Canvas, used: list, begun: set[tuple[int, int]]) -> None:
        """Make and start compressing the full subsets (256 codes) of the faces `used`
        not `begun` (by face and number: noted here) while the page is coded."""
        doc = canvas._doc
        for font in used:
            for number, subset in enumerate(font.state[doc].subsets):
                if len(subset) == 256 and (id(font), number) not in begun:
                    begun.add((id(font), number))
                    _start_subset(self.render, font, number, subset)


def _bookmarks(canvas: Canvas, document: Document, number: int, top: float) -> None:
    """The page's label, its outline entry and one under it for each of its articles."""
    label, articles = document.outline[number]
    canvas.addPageLabel(number, prefix=document.labels[number])
    key = f"p{number + 1}"
    canvas.bookmarkPage(key, fit="XYZ", left=0, top=top)
    canvas.addOutlineEntry(label, key, 0)
    for index, (title, y) in enumerate(articles):
        article_key = f"{key}a{index + 1}"
        canvas.bookmarkPage(article_key, fit="XYZ", left=0, top=top - y)
        canvas.addOutlineEntry(title, article_key, 1)


@frozen
class _Painting:
    """What a page's lines are painted with: the codes of their characters (runs.runs), the
    runs of lines kept (runs.LineRuns), the document's codings (runs.Selects)."""

    codes: dict
    lines: LineRuns
    selects: Selects


def _draw_page(canvas: Canvas, page: PageLayout, fonts: FontSet, press: Press | None,
               painting: _Painting, closing: _Closing) -> None:
    """One page painted and closed (its colours set anew: a page starts with none)."""
    fill = _Paint(canvas, press)
    if press:
        margin = press.margin
        press.boxes(canvas, page.width, page.height)
        canvas.translate(margin, margin)  # the page drawn from the trim's corner
    for rect in page.rects:
        _draw_rect(canvas, rect, page.height, fill, page.width)
    for image in page.images:
        _draw_image(canvas, image, page.height, fill, page.width)
    selects, lines = painting.selects, painting.lines
    painted, roles = _coded(canvas, page, fonts, painting, closing)
    closing.start(canvas, [fonts.face(role).ttf for role in roles])
    lines.compare(fonts, roles, selects)
    code = canvas._code
    known = fill.screen_fills  # (a colour's operator, once written: appended as it is)
    height = page.height
    for line, line_runs in painted:
        operator = known.get(line.color) if known is not None else None
        if operator is None:
            fill.fill(line.color)
        else:
            code.append(operator)
        lines.paint(code, line_runs, fonts, line.size, height - line.baseline, selects)
    if known is not None and painted:
        canvas._fillColorObj = _colour(painted[-1][0].color)  # (as fill would leave it)
    if press:
        press.marks(canvas, page.width, page.height)
    canvas.showPage()


# Lines coded before the subsets filled so far are started: the first full subsets of a
# page are compressed while the rest of its lines are coded.
LINES_A_STEP = 128


def _coded(canvas: Canvas, page: PageLayout, fonts: FontSet, painting: _Painting,
           closing: _Closing) -> tuple[list[tuple[PlacedLine, list[Run]]], list[str]]:
    """The page's lines with their runs (runs.LineRuns), their characters given their
    codes (`_assign`) a step of lines at a time, each subset that fills started as soon
    as it is full; and the roles of the faces the page uses, in the order of their first
    runs (a step's new characters coded after the last step's: the codes and names the
    page's characters get coded all at once)."""
    lines, selects, codes = painting.lines, painting.selects, painting.codes
    painted: list[tuple[PlacedLine, list[Run]]] = []
    roles: list[str] = []
    begun: set[tuple[int, int]] = set()
    every = page.lines
    for at in range(0, len(every), LINES_A_STEP):
        step = [(line, lines.runs(line, fonts, codes)) for line in every[at:at + LINES_A_STEP]]
        for role in _assign(fonts, step, selects):
            if role not in roles:
                roles.append(role)
        painted.extend(step)
        if at + LINES_A_STEP < len(every):
            closing.start_full(canvas, [fonts.face(role).ttf for role in roles], begun)
    return painted, roles


def _assign(fonts: FontSet, painted: list[tuple[PlacedLine, list[Run]]],
            selects: Selects) -> list[str]:
    """The codes of the page's characters new to the document, face by face, in the order
    they are painted (runs.Coding), and each face's name in the document, given in the
    order of its first run, as painting the runs gives them (a line kept painted does
    not name its faces: runs.LineRuns.paint); the roles of the faces the page uses."""
    by_face: dict[str, list[str]] = {}
    for _, line_runs in painted:
        for run in line_runs:
            by_face.setdefault(run.role, []).append(run.text)
    for role, texts in by_face.items():
        font = fonts.face(role).ttf
        selects.coding(font).assign("".join(texts))
        font.getSubsetInternalName(0, selects.doc)
    return list(by_face)


@lru_cache(maxsize=64)
def _colour(hex_colour: str) -> HexColor:
    """reportlab's colour of #rrggbb (a page sets one before each of its lines)."""
    return HexColor(hex_colour)


class _Paint:
    """Sets fill and stroke colours: as RGB on screen, as CMYK through the press, where
    black ink alone overprints (black text and rules print over a tint or a picture
    rather than knocking out a hole that misregistration would show as a white halo) and
    everything else knocks out (white text above all)."""

    def __init__(self, canvas: Canvas, press: Press | None):
        self.canvas = canvas
        self.press = press
        self._overprint = {"fill": False, "stroke": False}
        self._screen: dict[tuple[bool, str], str] = {}  # (fill?, colour) → its operator
        # each fill colour's operator on screen (None through the press)
        self.screen_fills: dict[str, str] | None = None if press else {}
        if press:
            canvas._setOverprintMask(1)  # (a zero in a CMYK overprint leaves that ink)

    def fill(self, colour: str) -> None:
        self._set("fill", colour)

    def stroke(self, colour: str) -> None:
        self._set("stroke", colour)

    def _set(self, which: str, colour: str) -> None:
        canvas = self.canvas
        fill = which == "fill"
        if not self.press:
            self._on_screen(fill, colour)
            return
        cmyk = self.press.colour(colour)
        black = cmyk[:3] == (0.0, 0.0, 0.0) and cmyk[3] >= 0.999
        if black != self._overprint[which]:
            (canvas._setFillOverprint if fill else canvas._setStrokeOverprint)(black)
            self._overprint[which] = black
        (canvas.setFillColorCMYK if fill else canvas.setStrokeColorCMYK)(*cmyk)


    def _on_screen(self, fill: bool, colour: str) -> None:
        """The colour set as reportlab sets it, the first time; then its operator written
        again (a page sets a colour before each line: setFillColor also asks for the
        opacity, 1, which writes nothing, each time)."""
        canvas = self.canvas
        code = canvas._code
        operator = self._screen.get((fill, colour))
        if operator is None:
            count = len(code)
            (canvas.setFillColor if fill else canvas.setStrokeColor)(_colour(colour))
            if len(code) == count + 1:
                self._screen[(fill, colour)] = code[-1]
                if fill and self.screen_fills is not None:
                    self.screen_fills[colour] = code[-1]
            return
        code.append(operator)
        if fill:
            canvas._fillColorObj = _colour(colour)
        else:
            canvas._strokeColorObj = _colour(colour)


def _draw_rect(canvas: Canvas, rect: PlacedRect, height: float, paint: _Paint,
               width: float) -> None:
    canvas.setLineWidth(rect.line_width)
    if rect.stroke:
        paint.stroke(rect.stroke)
    if rect.fill:
        paint.fill(rect.fill)
    y = height - rect.y - rect.height
    if rect.dash:
        canvas.setDash(list(rect.dash), 0)
        if rect.dash[0] < 0.1:  # dots: round caps on dashes of no length
            canvas.setLineCap(1)
    if rect.width == 0 or rect.height == 0:  # a rule
        canvas.line(rect.x, y, rect.x + rect.width, y + rect.height)
    else:
        x, box_y, box_width, box_height = rect.x, y, rect.width, rect.height
        if paint.press and rect.fill and not rect.stroke:  # a band at the trim: into the bleed
            x, box_y, box_width, box_height = paint.press.bled(x, y, box_width, box_height,
                                                               width, height)
        canvas.rect(x, box_y, box_width, box_height, stroke=int(bool(rect.stroke)),
                    fill=int(bool(rect.fill)))
    if rect.dash:
        canvas.setDash([], 0)
        canvas.setLineCap(0)


def _draw_image(canvas: Canvas, image: PlacedImage, height: float, paint: _Paint,
                page_width: float) -> None:
    """The picture cropped to fill its box (centred), or contained in it whole (for print:
    in CMYK, and a cropped one run on into the bleed where it touches the trim)."""
    try:
        with opened(image.file) as stored:
            icc = stored.info.get("icc_profile")
            picture = rgb(upright(stored))
    except (OSError, ValueError) as err:  # damaged past its header (a truncated JPEG)
        raise LayoutError(f"picture {image.file.name} cannot be read: {err}", image.file,
                          hint="give a whole JPEG or PNG file") from None
    x, y, width, draw_h = image.x, height - image.y - image.height, image.width, image.height
    if paint.press and image.fit == "crop":
        x, y, width, draw_h = paint.press.bled(x, y, width, draw_h, page_width, height)
    box_ratio = width / draw_h
    w, h = picture.size
    if image.fit == "crop":
        if w / h > box_ratio:  # too wide: cut the sides
            keep = round(h * box_ratio)
            picture = picture.crop(((w - keep) // 2, 0, (w - keep) // 2 + keep, h))
        else:  # too tall: cut top and bottom
            keep = round(w / box_ratio)
            picture = picture.crop((0, (h - keep) // 2, w, (h - keep) // 2 + keep))
    elif w / h > box_ratio:
        draw_h = image.width * h / w
        y += (image.height - draw_h) / 2
    else:
        width = image.height * w / h
        x += (image.width - width) / 2
    if paint.press:
        if icc:
            picture.info["icc_profile"] = icc
        picture = paint.press.picture(picture)
    canvas.drawImage(ImageReader(picture), x, y, width, draw_h)
