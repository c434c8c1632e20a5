"""The writer's formatting (render/formats.py) gives the bytes reportlab's own gives, for
every kind of document the product writes: an issue's pages in one PDF (page labels, an
outline of pages and articles), each page alone (`--split`), for print (PDF/X-4 and
PDF/X-1a: CMYK pictures, an output intent, XMP, trim and bleed boxes, marks), the grid's
proof, a page with pictures, and a render under `--watch` (what it keeps). Each is made
twice, through reportlab's formatting and through the writer's, and must not differ."""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from PIL import Image as PILImage
from reportlab.pdfbase import pdfdoc

from layout.fonts import shipped_fonts
from layout.pipeline import document, layout, load, render, render_proof, render_split
from layout.render import formats
from layout.render.pdf import render_pages
from layout.render.streams import Kept as PdfKept

ROOT = Path(__file__).resolve().parent.parent
WHOLE = ROOT / "issues" / "whole" / "2020-11-27-issue-1090.yaml"
PICTURES = ROOT / "issues" / "2020-07-01-p3-fenjin-lushang.yaml"
FONTS = shipped_fonts()


def _both(make) -> tuple[bytes, bytes]:
    """What `make()` writes through reportlab's formatting, then through the writer's."""
    with formats.reportlab_formatting():
        assert pdfdoc.format is formats.reportlab_format
        theirs = make()
    assert pdfdoc.format is formats.dump
    return theirs, make()


@pytest.fixture(scope="module")
def whole():
    loaded = load(WHOLE)
    return layout(loaded, FONTS), loaded


@pytest.fixture(scope="module")
def pictured(tmp_path_factory):
    """A sample page whose first two pictures are files: a JPEG and a PNG."""
    folder = tmp_path_factory.mktemp("pictured")
    PILImage.radial_gradient("L").convert("RGB").save(folder / "photo.jpg", quality=80)
    PILImage.linear_gradient("L").resize((300, 160)).convert("RGB").save(folder / "photo.png")
    text = PICTURES.read_text(encoding="utf-8")
    for file in ("photo.jpg", "photo.png"):
        text = text.replace("{aspect: 4:3, caption:", f"{{file: {file}, caption:", 1)
    manifest = folder / PICTURES.name
    manifest.write_text(text, encoding="utf-8")
    loaded = load(manifest)
    return layout(loaded, FONTS), loaded


@pytest.mark.parametrize("output", ["screen", "print", "PDF/X-1a:2001"])
def test_an_issue_s_pages_in_one_pdf_are_written_as_reportlab_writes_them(whole, output):
    laid, loaded = whole
    assert len(laid.pages) > 1
    theirs, ours = _both(lambda: render(laid, loaded, FONTS, output))
    assert b"/Outlines" in ours and b"/PageLabels" in ours
    if output != "screen":
        assert b"/OutputIntents" in ours and b"/TrimBox" in ours
    assert hashlib.sha256(ours).hexdigest() == hashlib.sha256(theirs).hexdigest()


def test_each_page_alone_and_the_proof_are_written_as_reportlab_writes_them(whole):
    laid, loaded = whole
    theirs, ours = _both(lambda: render_split(laid, loaded, FONTS))
    assert len(ours) == len(laid.pages) and ours == theirs
    theirs_proof, ours_proof = _both(lambda: render_proof(laid, loaded, FONTS))
    assert ours_proof == theirs_proof


@pytest.mark.parametrize("output", ["screen", "print"])
def test_a_page_with_pictures_is_written_as_reportlab_writes_it(pictured, output):
    laid, loaded = pictured
    theirs, ours = _both(lambda: render(laid, loaded, FONTS, output))
    assert len(re.findall(rb"/Subtype /Image", ours)) == 2
    assert ours == theirs


def test_a_render_that_keeps_is_written_as_reportlab_writes_it(whole):
    """Under --watch a render keeps its subsets' objects as written: bytes kept through
    reportlab's formatting are given again through the writer's, and the other way."""
    laid, loaded = whole
    fresh = render(laid, loaded, FONTS)
    for first, then in ((True, False), (False, True)):
        kept = PdfKept()
        for theirs in (first, then):
            if theirs:
                with formats.reportlab_formatting():
                    pdf = render_pages(laid.pages, FONTS, None,
                                       document(laid, loaded.templates), kept)
            else:
                pdf = render_pages(laid.pages, FONTS, None,
                                   document(laid, loaded.templates), kept)
            assert pdf == fresh
        assert kept.objects_kept > 0


def test_values_are_formatted_as_reportlab_formats_them():
    doc = pdfdoc.PDFDocument(invariant=1)
    values = ["Type", "a b", "(x)", "é", "", 0, 1, -0.5, 1e-9, 12345.678, True, None,
              b"raw", pdfdoc.PDFString("文字 (a)"), pdfdoc.PDFArray([1, "x", [2]]),
              pdfdoc.PDFDictionary({"B": 1, "A": pdfdoc.PDFArray(list(range(23)))})]
    names = ["Type", "F1+0", "a b", "x#y", "(p)", "名字", "Ü"]
    for value in values:
        with formats.reportlab_formatting():
            expected = pdfdoc.format(value, doc)
        assert formats.dump(value, doc) == expected, value
    with pytest.raises(UnicodeEncodeError):  # (as reportlab: not in PDFDocEncoding)
        formats.dump("名", doc)
    for text in names:
        assert formats.name(text) == formats.reportlab_name(text)
        assert formats.name(text) == formats.reportlab_name(text)  # (as kept)
    big = pdfdoc.PDFDictionary({f"K{n}": n / 3 for n in range(20)})
    with formats.reportlab_formatting():
        expected = big.format(doc)
    assert big.format(doc) == expected
