"""An independent check of `layout render --print` output, with pikepdf (qpdf), a different
library from the writer (reportlab): what a PDF/X preflight looks at first.

    python tests/pdfx_check.py PAGE.pdf [--standard PDF/X-1a:2001] [--ink-limit 240]

prints each problem found and exits 1 if there is any.
"""
from __future__ import annotations

import argparse
import io
import sys

import pikepdf

# operators that set a colour outside CMYK: RGB and grey
FORBIDDEN = {"rg", "RG", "g", "G"}
SHOW = {"Tj", "TJ", "'", '"'}


def most_ink(image) -> float:
    """The largest total ink of a CMYK picture's pixels, in %."""
    data = image.tobytes()
    return max(sum(data[i:i + 4]) for i in range(0, len(data), 4)) * 100 / 255


def _streams(page: pikepdf.Page):
    """(the content stream's operators, resources) of the page and its form XObjects."""
    yield pikepdf.parse_content_stream(page), page.obj.get("/Resources", pikepdf.Dictionary())
    resources = page.obj.get("/Resources", pikepdf.Dictionary())
    for _, xobject in resources.get("/XObject", pikepdf.Dictionary()).items():
        if xobject.get("/Subtype") == "/Form":
            yield pikepdf.parse_content_stream(xobject), xobject.get("/Resources",
                                                                     pikepdf.Dictionary())


def _box(page: pikepdf.Page, name: str) -> tuple[float, ...] | None:
    box = page.obj.get(name)
    return None if box is None else tuple(float(v) for v in box)


def check(data: bytes, standard: str = "PDF/X-4", trim: tuple[float, float] | None = None,
          bleed: float | None = None, ink_limit: float | None = None,
          accent: tuple[float, ...] | None = None) -> tuple[list[str], dict]:
    """Problems found in the PDF (none: it passes), and what was seen (text colours,
    images, fonts) for a test to look into."""
    problems: list[str] = []
    seen: dict = {"text_colours": {}, "images": [], "fonts": set()}
    pdf = pikepdf.open(io.BytesIO(data))
    version = pdf.pdf_version
    if standard == "PDF/X-1a:2001" and version != "1.3":
        problems.append(f"PDF/X-1a:2001 is PDF 1.3, the file says {version}")
    if standard == "PDF/X-4" and version > "1.6":
        problems.append(f"PDF/X-4 is PDF 1.6 at most, the file says {version}")
    if "/ID" not in pdf.trailer or len(pdf.trailer.ID) != 2:
        problems.append("no document ID in the trailer")
    info = pdf.docinfo
    expected = {"PDF/X-4": "PDF/X-4", "PDF/X-1a:2001": "PDF/X-1:2001"}[standard]
    if str(info.get("/GTS_PDFXVersion", "")) != expected:
        problems.append(f"Info /GTS_PDFXVersion is {info.get('/GTS_PDFXVersion')!r}, "
                        f"not {expected}")
    if standard == "PDF/X-1a:2001" and str(info.get("/GTS_PDFXConformance", "")) != standard:
        problems.append("Info /GTS_PDFXConformance is not PDF/X-1a:2001")
    if str(info.get("/Trapped", "")) not in ("/False", "/True"):
        problems.append(f"Info /Trapped is {info.get('/Trapped')!r}, not /False or /True")
    for key in ("/Title", "/CreationDate", "/ModDate"):
        if key not in info:
            problems.append(f"Info has no {key}")
    root = pdf.Root
    intents = root.get("/OutputIntents")
    pdfx = [i for i in (intents or []) if i.get("/S") == "/GTS_PDFX"]
    if len(pdfx) != 1:
        problems.append(f"{len(pdfx)} GTS_PDFX OutputIntents (one wanted)")
    else:
        intent = pdfx[0]
        if not str(intent.get("/OutputConditionIdentifier", "")):
            problems.append("the OutputIntent has no OutputConditionIdentifier")
        profile = intent.get("/DestOutputProfile")
        if profile is None:
            problems.append("the OutputIntent embeds no profile")
        else:
            icc = profile.read_bytes()
            if int(profile.get("/N", 0)) != 4 or icc[16:20] != b"CMYK" or icc[12:16] != b"prtr":
                problems.append("the embedded profile is not a CMYK output profile")
            seen["profile"] = icc
    if standard == "PDF/X-4":
        metadata = root.get("/Metadata")
        xmp = metadata.read_bytes().decode("utf-8", "replace") if metadata is not None else ""
        if "<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>" not in xmp:
            problems.append("no XMP metadata naming PDF/X-4")
        for key in ("xmpMM:DocumentID", "xmpMM:InstanceID", "xmpMM:RenditionClass",
                    "xmpMM:VersionID", "xmp:CreateDate", "pdf:Trapped"):
            if f"<{key}>" not in xmp:
                problems.append(f"XMP metadata has no {key}")
    for number, page in enumerate(pdf.pages, 1):
        media, trimbox, bleedbox = (_box(page, n) for n in ("/MediaBox", "/TrimBox",
                                                           "/BleedBox"))
        if trimbox is None or bleedbox is None:
            problems.append(f"page {number}: TrimBox or BleedBox missing")
        else:
            if trim and (abs(trimbox[2] - trimbox[0] - trim[0]) > 0.01
                         or abs(trimbox[3] - trimbox[1] - trim[1]) > 0.01):
                problems.append(f"page {number}: TrimBox {trimbox} is not the page's size")
            if bleed is not None and any(abs(a - b) > 0.01 for a, b in zip(
                    bleedbox, (trimbox[0] - bleed, trimbox[1] - bleed,
                               trimbox[2] + bleed, trimbox[3] + bleed))):
                problems.append(f"page {number}: BleedBox {bleedbox} is not the trim "
                                f"{bleed:.2f} pt around")
            if not (media[0] <= bleedbox[0] and media[1] <= bleedbox[1]
                    and bleedbox[2] <= media[2] and bleedbox[3] <= media[3]):
                problems.append(f"page {number}: BleedBox leaves the MediaBox")
        if "/Annots" in page.obj:
            problems.append(f"page {number}: annotations")
        if standard == "PDF/X-1a:2001" and "/Group" in page.obj:
            problems.append(f"page {number}: a transparency group (PDF/X-1a has none)")
        for operators, resources in _streams(page):
            fill, overprint = None, False
            states = resources.get("/ExtGState", pikepdf.Dictionary())
            for operands, operator in operators:
                op = str(operator)
                if op == "gs":
                    state = states.get(str(operands[0]), pikepdf.Dictionary())
                    if "/op" in state:
                        overprint = bool(state.op)
                    elif "/OP" in state:
                        overprint = bool(state.OP)
                if op in FORBIDDEN:
                    problems.append(f"page {number}: `{op}` sets an RGB or grey colour")
                elif op in ("cs", "CS") and str(operands[0]) not in ("/DeviceCMYK",):
                    problems.append(f"page {number}: colour space {operands[0]}")
                elif op == "k":
                    fill = tuple(round(float(v), 4) for v in operands)
                elif op in SHOW:
                    seen["text_colours"][fill] = seen["text_colours"].get(fill, 0) + 1
                    seen.setdefault("overprint", {}).setdefault(fill, set()).add(overprint)
                    if overprint and fill == (0.0, 0.0, 0.0, 0.0):
                        problems.append(f"page {number}: white text set to overprint "
                                        "(it would not print)")
            for name, state in resources.get("/ExtGState", pikepdf.Dictionary()).items():
                if standard == "PDF/X-1a:2001" and (
                        "/SMask" in state and state.SMask != pikepdf.Name("/None")
                        or float(state.get("/CA", 1)) < 1 or float(state.get("/ca", 1)) < 1):
                    problems.append(f"page {number}: transparency in {name}")
            for name, xobject in resources.get("/XObject", pikepdf.Dictionary()).items():
                if xobject.get("/Subtype") != "/Image":
                    continue
                space = xobject.get("/ColorSpace")
                if space != "/DeviceCMYK":
                    problems.append(f"page {number}: image {name} in {space}, not DeviceCMYK")
                if standard == "PDF/X-1a:2001" and "/SMask" in xobject:
                    problems.append(f"page {number}: image {name} has a soft mask")
                image = pikepdf.PdfImage(xobject).as_pil_image()
                seen["images"].append(image)
                if ink_limit is not None and image.mode == "CMYK":
                    most = most_ink(image)
                    if most > ink_limit + 1.0:
                        problems.append(f"page {number}: image {name} reaches {most:.0f} % "
                                        f"ink, over {ink_limit:g} %")
            for name, font in resources.get("/Font", pikepdf.Dictionary()).items():
                seen["fonts"].add(str(font.get("/BaseFont")))
                described = font
                if font.get("/Subtype") == "/Type0":
                    described = font.DescendantFonts[0]
                descriptor = described.get("/FontDescriptor")
                if descriptor is None or not any(k in descriptor for k in (
                        "/FontFile", "/FontFile2", "/FontFile3")):
                    problems.append(f"page {number}: font {font.get('/BaseFont')} not embedded")
    colours = seen["text_colours"]
    if (0.0, 0.0, 0.0, 1.0) not in colours:
        problems.append("no text in black ink only (0 0 0 1 k)")
    for colour in colours:
        if colour is None:
            problems.append("text shown before any CMYK fill colour was set")
        elif colour[:3] != (0.0, 0.0, 0.0) and (accent is None or colour != tuple(
                round(a, 4) for a in accent)):
            problems.append(f"text in {colour}: neither black ink alone nor the accent")
    return problems, seen


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("pdf")
    parser.add_argument("--standard", default="PDF/X-4", choices=["PDF/X-4", "PDF/X-1a:2001"])
    parser.add_argument("--ink-limit", type=float, default=None)
    args = parser.parse_args(argv)
    with open(args.pdf, "rb") as handle:
        problems, seen = check(handle.read(), args.standard, ink_limit=args.ink_limit)
    for problem in problems:
        print(problem)
    print(f"{args.pdf}: {len(problems)} problem(s); text colours "
          f"{dict(seen['text_colours'])}; {len(seen['images'])} image(s); "
          f"{len(seen['fonts'])} font(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
