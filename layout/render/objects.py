"""reportlab's PDF objects, written faster with the same bytes. Installed on import
(render/pdf.py):

* every value formatted with less work (render/formats.py, installed with this);
* a font subset's four objects (its ToUnicode map, font file, descriptor and font
  dictionary) written as a render that keeps them (`render --watch`) wrote them last
  time, when they are the same subset of the same face under the same name and object
  numbers: an edit leaves most of a page's subsets as they were, and formatting their
  dictionaries and arrays again was a third of its save. A face all of whose subsets are
  written as last time is not made into reportlab's objects at all (`_add_kept`: their
  widths, maps and descriptors were made only to be put aside).
"""
from __future__ import annotations

from reportlab.pdfbase import pdfdoc, ttfonts

from . import formats  # noqa: F401 (installed on import)
from .streams import Writing, current

reportlab_add_objects = ttfonts.TTFont.addObjects
OBJECTS_A_SUBSET = 4  # its ToUnicode map, font file, descriptor, font: numbered in turn


class _Formatted(pdfdoc.PDFObject):
    """An object as an earlier render wrote it (the same content, the same number)."""

    __RefOnly__ = 1

    def __init__(self, data: bytes):
        self.data = data

    def format(self, document):
        return self.data


class _Keeping(pdfdoc.PDFObject):
    """An object written as reportlab writes it, its bytes kept (in `kept`, by `key`)."""

    __RefOnly__ = 1

    def __init__(self, made: pdfdoc.PDFObject, kept: dict, key: tuple):
        self.made, self.kept, self.key = made, kept, key

    def format(self, document):
        data = self.kept[self.key] = self.made.format(document)
        return data


def add_objects(self, doc):
    """A face's subsets added to the document as reportlab adds them; in a render that
    keeps what it writes (streams.Writing), each subset's objects written as the last
    render wrote them where they are the same: the same face and name, the subset's
    number and codes, and each object's part and number (all that the four are made
    from, and where they stand)."""
    render = current()
    state = self.state.get(doc)
    if render is None or render.kept is None or state is None:
        return reportlab_add_objects(self, doc)
    subsets = [tuple(subset) for subset in state.subsets]
    face = (self.face.filename, self.fontName, state.internalName, doc.compression)
    first = doc.objectcounter + 1
    keys = [[(*face, n, subset, part, first + OBJECTS_A_SUBSET * n + part)
             for part in range(OBJECTS_A_SUBSET)] for n, subset in enumerate(subsets)]
    kept = render.kept.objects
    if all(key in kept for subset_keys in keys for key in subset_keys):
        _add_kept(self, doc, subsets, keys, render)
        return None
    reportlab_add_objects(self, doc)
    if doc.objectcounter + 1 - first != OBJECTS_A_SUBSET * len(subsets):
        return None  # (not the objects expected: reportlab's, as they are)
    fonts = doc.idToObject[pdfdoc.BasicFonts].dict
    for n, subset in enumerate(subsets):
        for part in range(OBJECTS_A_SUBSET):
            at = first + OBJECTS_A_SUBSET * n + part
            name = doc.numberToId[at]
            made = doc.idToObject[name]
            standing = _standing(made, (*face, n, subset, part, at), render)
            standing.__InternalName__ = name
            doc.idToObject[name] = standing
            if fonts.get(getattr(made, "Name", None)) is made:  # (the font: named there)
                fonts[made.Name] = standing
    return None


def subset_name(face: ttfonts.TTFontFace, number: int) -> str:
    """The name reportlab gives a face's subset `number` (its map's, file's and
    descriptor's names are made of it): a tag, `+`, the face's name."""
    return b"".join((ttfonts.SUBSETN(number), b"+", face.name, face.subfontNameX)).decode(
        "pdfdoc")


def _add_kept(font: ttfonts.TTFont, doc: pdfdoc.PDFDocument, subsets: list[tuple[int, ...]],
              keys: list[list[tuple]], render: Writing) -> None:
    """A face's subsets (their codes) added to the document as the last render wrote them,
    every one (`keys`: each one's objects' keys in `render.kept.objects`): under the
    names and numbers reportlab gives them (its map, font file, descriptor and font, in
    turn), the font in the document's fonts, the streams they hold kept (`Writing.keep`),
    and the face's state let go, as reportlab's `addObjects` leaves it."""
    kept = render.kept
    assert kept is not None
    face = font.face
    fonts = doc.idToObject[pdfdoc.BasicFonts].dict
    for n, (subset, subset_keys) in enumerate(zip(subsets, keys)):
        codes = list(subset)
        internal = font.getSubsetInternalName(n, doc)[1:]
        base = subset_name(face, n)
        names = ("toUnicodeCMap:" + base, f"fontFile:{face.filename}({base})",
                 "fontDescriptor:" + base, internal)
        for key, name in zip(subset_keys, names):
            found = render.objects[key] = kept.objects[key]
            doc.Reference(_Formatted(found), name)
        kept.objects_kept += OBJECTS_A_SUBSET
        fonts[internal] = doc.idToObject[internal]
        render.keep(render.encoded(ttfonts.makeToUnicodeCMap(base, codes)))
        render.keep(face.makeSubset(codes))
    del font.state[doc]


def _standing(made: pdfdoc.PDFObject, key: tuple, render: Writing) -> pdfdoc.PDFObject:
    """What stands for an object `made` in the document: its bytes as the last render
    wrote them (by `key`), or the object, its bytes kept for the next as it is written."""
    kept = render.kept
    if kept is None or (found := kept.objects.get(key)) is None:
        return _Keeping(made, render.objects, key)
    render.objects[key] = found
    kept.objects_kept += 1
    content = getattr(made, "content", None)
    if isinstance(content, str):  # (a ToUnicode map)
        content = render.encoded(content)
    if isinstance(content, bytes):
        render.keep(content)  # (a font file, a map: see Writing.keep)
    return _Formatted(found)


ttfonts.TTFont.addObjects = add_objects
