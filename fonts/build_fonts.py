#!/usr/bin/env python3
"""Build the shipped faces in fonts/ from Debian's font packages.

Users never run this: its output is committed. It exists so that anyone can rebuild the
faces byte for byte and see exactly what was done to them.

Why a build at all: the PDF writer (reportlab) embeds only TrueType (glyf) outlines, and
Noto Serif/Sans CJK ship CFF outlines. So each Noto face is

1. cut to the characters a Chinese newspaper needs (GBK, the 8105 characters of
   通用规范汉字表, punctuation, symbols and Latin; see `charset()`), and
2. converted from cubic CFF outlines to quadratic TrueType outlines (fontTools cu2qu),

then saved with the source's own timestamps so that a rebuild is byte-identical.
LXGW WenKai is already TrueType and its licence reserves its names: it is copied unmodified.

Usage (as root on Debian, which has the source packages):
    python3 fonts/build_fonts.py [--install] [--only FILE]
`--install` runs apt-get for the source packages first. Needs fontTools.
"""
from __future__ import annotations

import argparse
import copy
import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.subset import Options, Subsetter
from fontTools.ttLib import TTCollection, TTFont, newTable

HERE = Path(__file__).resolve().parent
DEBIAN_PACKAGES = ("fonts-noto-cjk", "fonts-noto-cjk-extra", "fonts-lxgw-wenkai")
NOTO = Path("/usr/share/fonts/opentype/noto")
WENKAI = Path("/usr/share/fonts/truetype/lxgw-wenkai")

# output file -> (source file, family name inside the collection)
NOTO_FACES = {
    "NotoSerifCJKsc-Regular.ttf": (NOTO / "NotoSerifCJK-Regular.ttc", "Noto Serif CJK SC"),
    "NotoSerifCJKsc-Bold.ttf": (NOTO / "NotoSerifCJK-Bold.ttc", "Noto Serif CJK SC"),
    "NotoSerifCJKsc-Black.ttf": (NOTO / "NotoSerifCJK-Black.ttc", "Noto Serif CJK SC Black"),
    "NotoSansCJKsc-Bold.ttf": (NOTO / "NotoSansCJK-Bold.ttc", "Noto Sans CJK SC"),
    "NotoSansCJKsc-Black.ttf": (NOTO / "NotoSansCJK-Black.ttc", "Noto Sans CJK SC Black"),
}
COPIED_FACES = {"LXGWWenKai-Regular.ttf": WENKAI / "LXGWWenKai-Regular.ttf"}

# Largest distance, in font units (1000 per em), between a cubic curve and the quadratic
# splines replacing it. 1 unit is 0.009 pt at 9 pt: far below what print or screen shows.
CU2QU_MAX_ERR = 1.0

# Blocks kept whole besides GBK and 通用规范汉字表: what news text and tables use.
KEPT_RANGES = (
    (0x0020, 0x007E),  # Basic Latin
    (0x00A0, 0x017F),  # Latin-1 Supplement, Latin Extended-A
    (0x0370, 0x03FF),  # Greek
    (0x0400, 0x04FF),  # Cyrillic
    (0x2000, 0x206F),  # General Punctuation (—— …… ‘’ “” ‰)
    (0x2070, 0x209F),  # superscripts and subscripts
    (0x20A0, 0x20CF),  # currency signs
    (0x2100, 0x218F),  # letterlike symbols (℃ №), number forms (Ⅻ)
    (0x2190, 0x21FF),  # arrows
    (0x2200, 0x22FF),  # mathematical operators
    (0x2460, 0x24FF),  # enclosed alphanumerics (①)
    (0x2500, 0x25FF),  # box drawing, blocks, geometric shapes (■ ◆ ○)
    (0x2600, 0x26FF),  # miscellaneous symbols (★ ☆)
    (0x2E3A, 0x2E3B),  # ⸺ ⸻ two- and three-em dashes
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0x3200, 0x33FF),  # enclosed CJK letters, CJK compatibility
    (0xFE10, 0xFE1F),  # vertical forms
    (0xFE30, 0xFE4F),  # CJK compatibility forms
    (0xFF00, 0xFFEF),  # half- and full-width forms
)
# Characters beyond the lists that users ask for by name: 𠮷 (U+20BB7, in shop and family
# names) is also the project's test of characters beyond U+FFFF.
EXTRA_CHARS = "𠮷"


def charset() -> set[int]:
    """Code points every Noto face keeps (only those the source face has survive)."""
    points: set[int] = set()
    for cp in range(0x80, 0x10000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        try:
            if len(chr(cp).encode("gbk")) == 2:
                points.add(cp)
        except UnicodeEncodeError:
            pass
    table = (HERE / "charsets" / "tgh-8105.txt").read_text(encoding="utf-8")
    points.update(ord(c) for line in table.splitlines() if not line.startswith("#") for c in line)
    for lo, hi in KEPT_RANGES:
        points.update(range(lo, hi + 1))
    points.update(ord(c) for c in EXTRA_CHARS)
    return points


def open_face(path: Path, family: str) -> TTFont:
    """The face of a collection whose family name (name ID 1) is `family`."""
    for font in TTCollection(str(path), lazy=False).fonts:
        if font["name"].getDebugName(1) == family:
            return font
    raise SystemExit(f"{path}: no face named {family!r}")


def subset(font: TTFont, points: set[int]) -> None:
    options = Options()
    options.layout_features = ["vert", "vrt2", "halt", "vhal", "palt", "vpal"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.hinting = False
    options.desubroutinize = True
    options.glyph_names = False
    subsetter = Subsetter(options)
    subsetter.populate(unicodes=sorted(points))
    subsetter.subset(font)


def cff_to_glyf(font: TTFont) -> None:
    """Replace the CFF table by glyf/loca holding the same outlines as quadratic curves."""
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(None)
        # CFF contours run counter-clockwise, TrueType ones clockwise.
        glyph_set[name].draw(Cu2QuPen(pen, CU2QU_MAX_ERR, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    for tag in ("CFF ", "VORG"):
        if tag in font:
            del font[tag]
    font["head"].glyphDataFormat = 0
    font["head"].indexToLocFormat = 1
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for field in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs",
                  "maxInstructionDefs", "maxStackElements", "maxSizeOfInstructions"):
        setattr(maxp, field, 1 if field == "maxZones" else 0)
    maxp.maxComponentElements = 0
    maxp.maxComponentDepth = 0
    post = font["post"]
    post.formatType = 3.0  # no glyph names: they would only make the file larger
    post.extraNames = []
    post.mapping = {}
    font.sfntVersion = "\x00\x01\x00\x00"


# Half-width copies of the marks that sit in the left half of their em (，、；：。． and the
# closing marks): the same outline with an advance of ½ em, reached through the code
# HALF_WIDTH_BASE + the mark's code point (Supplementary Private Use Area-A). The layout
# paints a mark that gave up its blank half (at a line end, or beside another mark) with
# its copy, so the glyph's advance box ends where the line does; the PDF's ToUnicode map
# turns the code back into the mark. Must equal layout.fonts.HALF_WIDTH_BASE.
HALF_WIDTH_BASE = 0xF0000
HALF_WIDTH_MARKS = "，、；：。．”’）》〉】〗〕」』］｝〙〛"


def add_half_width_marks(font: TTFont) -> None:
    cmap = font.getBestCmap()
    order = list(font.getGlyphOrder())
    glyf, hmtx = font["glyf"], font["hmtx"]
    vmtx = font["vmtx"] if "vmtx" in font else None
    added = {}
    for char in HALF_WIDTH_MARKS:
        name = cmap.get(ord(char))
        if name is None or hmtx[name][0] <= font["head"].unitsPerEm // 2:
            continue
        half = f"{name}.half"
        order.append(half)
        glyf.glyphs[half] = copy.deepcopy(glyf[name])
        hmtx[half] = (font["head"].unitsPerEm // 2, hmtx[name][1])
        if vmtx is not None:
            vmtx[half] = vmtx[name]
        added[HALF_WIDTH_BASE + ord(char)] = half
    font.setGlyphOrder(order)
    glyf.glyphOrder = order
    for table in font["cmap"].tables:
        if table.format == 12:
            table.cmap.update(added)


def build_noto(out: Path, source: Path, family: str, points: set[int]) -> None:
    font = open_face(source, family)
    created, modified = font["head"].created, font["head"].modified
    subset(font, points)
    cff_to_glyf(font)
    add_half_width_marks(font)
    font["head"].created, font["head"].modified = created, modified
    font.recalcTimestamp = False
    font.save(str(out), reorderTables=True)
    # fontTools recomputes 'modified' on save unless told not to: check it kept ours.
    check = TTFont(str(out), lazy=True)
    assert check["head"].modified == modified, "timestamp changed on save"


def licence_text(copyright_file: Path) -> str:
    """The OFL text quoted in a Debian copyright file, un-indented."""
    lines = copyright_file.read_text(encoding="utf-8").splitlines()
    start = next(i for i, l in enumerate(lines) if l.startswith(("License: SIL-1.1",
                                                                 "License: OFL-1.1"))
                 and i + 1 < len(lines) and lines[i + 1].startswith(" "))
    body = []
    for line in lines[start + 1:]:
        if not line.startswith(" "):
            break
        body.append("" if line.strip() == "." else line[1:])
    return "\n".join(body).strip() + "\n"


def write_licences() -> None:
    """LICENSE-*.txt beside the faces: each face's own copyright notice, then the OFL."""
    for out_name, package, faces in (
            ("LICENSE-NotoCJK.txt", "fonts-noto-cjk", [HERE / n for n in NOTO_FACES]),
            ("LICENSE-LXGWWenKai.txt", "fonts-lxgw-wenkai", [HERE / n for n in COPIED_FACES])):
        notices = sorted({TTFont(str(f), lazy=True)["name"].getDebugName(0) for f in faces})
        text = "\n".join(notices) + "\n\n" + licence_text(
            Path("/usr/share/doc") / package / "copyright")
        (HERE / out_name).write_text(text, encoding="utf-8")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def package_version(name: str) -> str:
    result = subprocess.run(["dpkg-query", "-W", "-f=${Version}", name],
                            capture_output=True, text=True, check=False)
    return result.stdout.strip() or "unknown"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--install", action="store_true", help="apt-get install the sources")
    parser.add_argument("--only", help="build just this output file")
    args = parser.parse_args(argv)
    if args.install:
        subprocess.run(["apt-get", "install", "-y", *DEBIAN_PACKAGES], check=True)
    points = charset()
    lines = ["# Sources of the shipped faces (written by build_fonts.py)", ""]
    for out_name, (source, family) in NOTO_FACES.items():
        out = HERE / out_name
        if args.only in (None, out_name):
            print(f"building {out_name} from {source.name} ({family})", file=sys.stderr)
            build_noto(out, source, family, points)
        lines.append(f"- {out_name}: {family} from {source.name} (sha256 {sha256(source)}), "
                     f"subset and converted to TrueType; sha256 {sha256(out)}")
    for out_name, source in COPIED_FACES.items():
        out = HERE / out_name
        if args.only in (None, out_name):
            shutil.copyfile(source, out)
        lines.append(f"- {out_name}: copied unmodified from {source.name} "
                     f"(sha256 {sha256(source)}); sha256 {sha256(out)}")
    lines += ["", "Debian packages: " + ", ".join(
        f"{name} {package_version(name)}" for name in DEBIAN_PACKAGES)]
    write_licences()
    (HERE / "SOURCES.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
