"""Print-ready output (`render --print`): the page as a PDF/X file a printing plant takes.

* Every colour is CMYK. Black and greys are black ink only (`0 0 0 1 k` for text: on
  newsprint a four-colour black prints each character four times and blurs with any
  misregistration); white is no ink; the accent is the template's CMYK where it gives one;
  any other colour, and every picture, goes through the output profile (littleCMS, through
  Pillow's ImageCms), pictures perceptually and held to the total ink limit.
* The page keeps its size as the TrimBox; the BleedBox lies `bleed` beyond it, and anything
  that touches the trim edge runs on into the bleed; crop marks (裁切线) and registration
  marks stand outside the bleed, on a MediaBox large enough for them.
* The file declares what a preflight reads: an OutputIntent (GTS_PDFX) embedding the
  profile with its printing condition, GTS_PDFXVersion (and for X-1a
  GTS_PDFXConformance), Trapped, XMP metadata with the PDF/X identification (X-4), a
  document ID; the fonts are embedded subsets, as on screen.

The same page and settings give the same bytes: IDs come from the page's content.
"""
from __future__ import annotations

import hashlib
import io
import uuid
from dataclasses import replace
from functools import cached_property
from pathlib import Path

from PIL import Image as PILImage
from PIL import ImageCms, ImageMath
from reportlab.pdfbase import pdfdoc

from .. import resources
from ..errors import LayoutError
from ..model import PageLayout, PrintSettings, Template
from ..units import MM

SHIPPED_PROFILE = "uncoated-fogra29-240.icc"
REGISTRY = "http://www.color.org"
MARK_OFFSET = 3 * MM  # crop marks start this far outside the bleed's corner…
MARK_LENGTH = 6 * MM  # …and run this long
SLUG = 2 * MM  # blank beyond the marks, to the MediaBox
MARK_WIDTH = 0.25  # pt
REGISTRATION = (1.0, 1.0, 1.0, 1.0)  # marks print on every plate
# (PDF version, GTS_PDFXVersion, GTS_PDFXConformance) of each standard
STANDARDS = {"PDF/X-4": ((1, 6), "PDF/X-4", None),
             "PDF/X-1a:2001": ((1, 3), "PDF/X-1:2001", "PDF/X-1a:2001")}


def press_for(template: Template, choice: str | None) -> Press | None:
    """The press for a render: `choice` "screen", "print" (the template's standard), a
    standard's name, or None (what the template's `output:` says); None for the screen."""
    mode = choice or template.output
    if mode == "screen":
        return None
    settings = template.press
    if mode in STANDARDS:
        settings = replace(settings, standard=mode)
    return Press(settings, template.accent)


class Press:
    """The conversions and the PDF/X furniture for one template's print settings."""

    def __init__(self, settings: PrintSettings, accent: str):
        self.settings = settings
        self.accent = accent.lower()
        self.pdf_version, self.version, self.conformance = STANDARDS[settings.standard]
        self._colours: dict[str, tuple[float, float, float, float]] = {}

    # -- the profile ----------------------------------------------------------------------

    @cached_property
    def profile_file(self) -> Path:
        return self.settings.profile or resources.profiles_dir() / SHIPPED_PROFILE

    @cached_property
    def profile_bytes(self) -> bytes:
        try:
            return self.profile_file.read_bytes()
        except OSError as err:
            origin = self.settings.origin
            raise LayoutError(f"cannot read the output profile {self.profile_file} "
                              f"({err.strerror})", origin.file if origin else None,
                              origin.line if origin else None,
                              hint="give a readable CMYK output profile") from None

    @cached_property
    def _cmyk_profile(self):
        return ImageCms.ImageCmsProfile(io.BytesIO(self.profile_bytes))

    def _transform(self, source, intent):
        try:
            return ImageCms.buildTransform(source, self._cmyk_profile, "RGB", "CMYK",
                                           renderingIntent=intent)
        except (OSError, ImageCms.PyCMSError) as err:
            origin = self.settings.origin
            raise LayoutError(f"the output profile {self.profile_file} is damaged: no colour "
                              f"can be converted with it ({err})",
                              origin.file if origin else None, origin.line if origin else None,
                              hint="give the plant's CMYK output profile as they sent "
                                   "it") from None

    @cached_property
    def _colour_transform(self):
        return self._transform(ImageCms.createProfile("sRGB"),
                               ImageCms.Intent.RELATIVE_COLORIMETRIC)

    @cached_property
    def _picture_transform(self):
        return self._transform(ImageCms.createProfile("sRGB"), ImageCms.Intent.PERCEPTUAL)

    # -- colours and pictures -------------------------------------------------------------

    def colour(self, hex_colour: str) -> tuple[float, float, float, float]:
        """A page colour (#rrggbb) as CMYK fractions: greys black ink only, the accent as
        the template says, the rest through the profile."""
        key = hex_colour.lower()
        found = self._colours.get(key)
        if found is None:
            r, g, b = (int(key[i:i + 2], 16) for i in (1, 3, 5))
            if r == g == b:
                found = (0.0, 0.0, 0.0, round(1 - r / 255, 4))
            elif key == self.accent and self.settings.accent is not None:
                found = self.settings.accent
            else:
                pixel = PILImage.new("RGB", (1, 1), (r, g, b))
                cmyk = _transformed(pixel, self._colour_transform).getpixel((0, 0))
                assert isinstance(cmyk, tuple)  # (a CMYK picture's pixel: four bytes)
                c, m, y, k = (round(v / 255, 4) for v in cmyk)
                found = (c, m, y, k)
            self._colours[key] = found
        return found

    def picture(self, picture: PILImage.Image) -> PILImage.Image:
        """An RGB picture (its own ICC profile honoured, else sRGB) in the output's CMYK,
        its total ink held to the limit (cyan, magenta and yellow scaled down where it is
        over, black kept: it carries the detail)."""
        embedded = picture.info.get("icc_profile")
        transform = self._picture_transform
        if embedded:
            try:
                source = ImageCms.ImageCmsProfile(io.BytesIO(embedded))
                transform = self._transform(source, ImageCms.Intent.PERCEPTUAL)
            except (OSError, ImageCms.PyCMSError):
                pass  # a damaged embedded profile: read the pixels as sRGB
        return limit_ink(_transformed(picture.convert("RGB"), transform),
                         self.settings.ink_limit)

    # -- geometry -------------------------------------------------------------------------

    @property
    def margin(self) -> float:
        """Room around the trim: the bleed, and the marks outside it."""
        margin = self.settings.bleed
        if self.settings.marks:
            margin += MARK_OFFSET + MARK_LENGTH + SLUG
        return margin

    def bled(self, x: float, y: float, width: float, height: float, page_width: float,
             page_height: float) -> tuple[float, float, float, float]:
        """A box (PDF coordinates, y up) that touches the trim edge, run on into the bleed."""
        bleed, edge = self.settings.bleed, 0.5
        x0, y0, x1, y1 = x, y, x + width, y + height
        x0 = x0 - bleed if x0 <= edge else x0
        y0 = y0 - bleed if y0 <= edge else y0
        x1 = x1 + bleed if x1 >= page_width - edge else x1
        y1 = y1 + bleed if y1 >= page_height - edge else y1
        return x0, y0, x1 - x0, y1 - y0

    def boxes(self, canvas, width: float, height: float) -> None:
        """TrimBox at the page, BleedBox around it (the content is drawn from the trim's
        corner: the canvas is translated by `margin`)."""
        m, b = self.margin, self.settings.bleed
        canvas.setTrimBox((m, m, m + width, m + height))
        canvas.setBleedBox((m - b, m - b, m + width + b, m + height + b))

    def marks(self, canvas, width: float, height: float) -> None:
        """Crop marks at the trim's corners and registration marks at the middle of each
        side, outside the bleed, on every plate."""
        if not self.settings.marks:
            return
        canvas.saveState()
        canvas.setStrokeColorCMYK(*REGISTRATION)
        canvas.setFillColorCMYK(*REGISTRATION)
        canvas.setLineWidth(MARK_WIDTH)
        start = self.settings.bleed + MARK_OFFSET
        end = start + MARK_LENGTH
        for x, sx in ((0.0, -1), (width, 1)):
            for y, sy in ((0.0, -1), (height, 1)):
                canvas.line(x + sx * start, y, x + sx * end, y)  # along the trim line
                canvas.line(x, y + sy * start, x, y + sy * end)
        middle = (start + end) / 2
        radius = MARK_LENGTH / 4
        for cx, cy in ((width / 2, -middle), (width / 2, height + middle),
                       (-middle, height / 2), (width + middle, height / 2)):
            canvas.circle(cx, cy, radius, stroke=1, fill=0)
            canvas.line(cx - 1.6 * radius, cy, cx + 1.6 * radius, cy)
            canvas.line(cx, cy - 1.6 * radius, cx, cy + 1.6 * radius)
        canvas.restoreState()

    # -- what a preflight reads -----------------------------------------------------------

    def declare(self, canvas, page: PageLayout, stamp: str) -> None:
        """OutputIntent, PDF/X keys in the Info dictionary, XMP metadata (before save)."""
        doc = canvas._doc
        profile = pdfdoc.PDFStream(dictionary=pdfdoc.PDFDictionary({"N": 4}),
                                   content=self.profile_bytes, filters=[pdfdoc.PDFZCompress])
        intent = pdfdoc.PDFDictionary({
            "Type": pdfdoc.PDFName("OutputIntent"),
            "S": pdfdoc.PDFName("GTS_PDFX"),
            "OutputConditionIdentifier": pdfdoc.PDFString(self.settings.condition),
            "OutputCondition": pdfdoc.PDFString(self.settings.condition_text
                                                or self.settings.condition),
            "RegistryName": pdfdoc.PDFString(REGISTRY),
            "Info": pdfdoc.PDFString(self.settings.condition_text or self.settings.condition),
            "DestOutputProfile": doc.Reference(profile),
        })
        catalog = doc.Catalog
        catalog.OutputIntents = pdfdoc.PDFArray([intent])
        catalog.__NoDefault__ = [*type(catalog).__NoDefault__, "OutputIntents"]
        info = _PDFXInfo()
        info.__dict__.update(doc.info.__dict__)
        info.pdfx = (self.version, self.conformance)
        doc.info = info
        if self.conformance is None:  # PDF/X-4 identifies itself in XMP metadata
            metadata = pdfdoc.PDFStream(
                dictionary=pdfdoc.PDFDictionary({"Type": pdfdoc.PDFName("Metadata"),
                                                 "Subtype": pdfdoc.PDFName("XML")}),
                content=self.xmp(page, stamp).encode("utf-8"), filters=[])
            catalog.Metadata = doc.Reference(metadata)

    def xmp(self, page: PageLayout, stamp: str) -> str:
        """The XMP packet of a PDF/X-4 file; its IDs come from the page's content."""
        digest = hashlib.sha256(repr((page.title, page.date, page.lines, page.rects,
                                      page.images, self.settings)).encode()).hexdigest()
        document = uuid.uuid5(uuid.NAMESPACE_URL, f"layout:{page.title}:{page.date}")
        instance = uuid.UUID(digest[:32])
        title = (page.title.replace("&", "&amp;").replace("<", "&lt;")
                 .replace(">", "&gt;"))
        return f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"
    xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>
   <xmp:CreateDate>{stamp}</xmp:CreateDate>
   <xmp:ModifyDate>{stamp}</xmp:ModifyDate>
   <xmp:MetadataDate>{stamp}</xmp:MetadataDate>
   <xmp:CreatorTool>layout</xmp:CreatorTool>
   <pdf:Producer>layout</pdf:Producer>
   <pdf:Trapped>False</pdf:Trapped>
   <xmpMM:DocumentID>uuid:{document}</xmpMM:DocumentID>
   <xmpMM:InstanceID>uuid:{instance}</xmpMM:InstanceID>
   <xmpMM:VersionID>1</xmpMM:VersionID>
   <xmpMM:RenditionClass>default</xmpMM:RenditionClass>
   <pdfxid:GTS_PDFXVersion>{self.version}</pdfxid:GTS_PDFXVersion>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""


class _PDFXInfo(pdfdoc.PDFInfo):
    """The Info dictionary with the PDF/X keys a preflight looks for."""

    pdfx: tuple[str, str | None] = ("PDF/X-4", None)

    def format(self, document):
        text = super().format(document)
        version, conformance = self.pdfx
        keys = f"/GTS_PDFXVersion ({version})"
        if conformance:
            keys += f" /GTS_PDFXConformance ({conformance})"
        return text.replace(b"<<", b"<< " + keys.encode("ascii") + b" ", 1)


def _transformed(picture: PILImage.Image, transform) -> PILImage.Image:
    """`picture` through a colour transform (a new picture)."""
    out = ImageCms.applyTransform(picture, transform)
    assert out is not None  # (None only for a transform in place)
    return out


def limit_ink(picture: PILImage.Image, limit: float) -> PILImage.Image:
    """A CMYK picture whose total ink stays within `limit` %: where C+M+Y+K is over it,
    C, M and Y are scaled down together (K kept)."""
    c, m, y, k = picture.split()
    most = limit * 255 / 100
    scale = ImageMath.lambda_eval(
        lambda e: e["min"](e["float"](most - e["k"]) / e["max"](e["float"](
            e["c"] + e["m"] + e["y"]), 1.0), 1.0),
        c=c, m=m, y=y, k=k)
    channels = [ImageMath.lambda_eval(lambda e: e["convert"](e["v"] * e["s"], "L"),
                                      v=band, s=scale) for band in (c, m, y)]
    return PILImage.merge("CMYK", (*channels, k))
