"""Print-ready output (render --print): each page of issues/ as PDF/X, checked by an
independent reader (pikepdf, tests/pdfx_check.py); pictures converted with the output
profile keep their look and stay within the ink limit."""
from __future__ import annotations

import io
import math
import shutil
from pathlib import Path

import pikepdf
import pytest
from click.testing import CliRunner
from PIL import Image as PILImage
from PIL import ImageChops, ImageCms, ImageStat

from layout import layout_issue
from layout.cli import main
from layout.errors import LayoutError
from layout.fonts import shipped_fonts
from layout.manifest import load_issue
from layout.render.pdf import render_pdf
from layout.render.press import MARK_LENGTH, MARK_OFFSET, SLUG, Press, limit_ink, press_for
from layout.templates import load_template
from layout.units import MM

from pdfx_check import check, most_ink

REPO = Path(__file__).resolve().parent.parent
ISSUES = sorted((REPO / "issues").glob("*.yaml"))
PROFILE = REPO / "profiles" / "uncoated-fogra29-240.icc"


def printed(path: Path, choice: str = "print") -> tuple[bytes, object, object]:
    issue = load_issue(path)
    template = load_template(issue.template, issue.path.parent, issue.template_origin)
    page = layout_issue(path)
    return render_pdf(page, shipped_fonts(), press_for(template, choice)), page, template


@pytest.mark.parametrize("path", ISSUES, ids=[p.stem for p in ISSUES])
def test_every_page_of_issues_passes_the_independent_check(path):
    data, page, template = printed(path)
    accent = template.press.accent
    problems, seen = check(data, "PDF/X-4", trim=(page.width, page.height), bleed=3 * MM,
                           ink_limit=240, accent=accent)
    assert problems == []
    colours = seen["text_colours"]
    black = colours[(0.0, 0.0, 0.0, 1.0)]
    assert black > 0.95 * sum(colours.values())  # text is black ink alone: 0 0 0 1 k
    assert seen["overprint"][(0.0, 0.0, 0.0, 1.0)] == {True}  # black text overprints
    assert all(seen["overprint"][c] == {False} for c in colours if c != (0.0, 0.0, 0.0, 1.0))
    assert seen["profile"] == PROFILE.read_bytes()  # the profile embedded, whole
    pdf = pikepdf.open(io.BytesIO(data))
    trim = [float(v) for v in pdf.pages[0].obj.TrimBox]
    margin = 3 * MM + MARK_OFFSET + MARK_LENGTH + SLUG  # bleed, then the marks
    assert trim == pytest.approx([margin, margin, margin + page.width, margin + page.height])
    assert str(pdf.Root.OutputIntents[0].OutputConditionIdentifier) == "FOGRA29"
    assert data == printed(path)[0]  # the same bytes each time


def test_the_accent_prints_in_the_template_s_inks_and_the_screen_pdf_stays_rgb():
    path = next(p for p in ISSUES if "tongrong" in p.stem)
    data, _, _ = printed(path)
    document = pikepdf.open(io.BytesIO(data))
    contents = document.pages[0].obj.Contents.read_bytes()
    assert b"0 1 1 0 k" in contents  # the banner's red as M100 Y100, no cyan, no black
    screen, _, _ = printed(path, "screen")
    pdf = pikepdf.open(io.BytesIO(screen))
    assert "/OutputIntents" not in pdf.Root and "/TrimBox" not in pdf.pages[0].obj
    assert b" rg" in pdf.pages[0].obj.Contents.read_bytes()  # the proof PDF: RGB as before


def test_pdfx_1a_for_a_plant_that_asks_for_it():
    path = ISSUES[0]
    data, page, template = printed(path, "PDF/X-1a:2001")
    problems, _ = check(data, "PDF/X-1a:2001", trim=(page.width, page.height),
                        bleed=3 * MM, accent=template.press.accent)
    assert problems == []
    assert data.startswith(b"%PDF-1.3")
    assert check(data, "PDF/X-4")[0]  # (the checker tells the standards apart)


def photo(width: int = 96, height: int = 64) -> PILImage.Image:
    """A picture as a camera gives one: a sky, a face's tones, foliage, shadows."""
    image = PILImage.new("RGB", (width, height))
    pixels = []
    for y in range(height):
        for x in range(width):
            t, s = x / (width - 1), y / (height - 1)
            if s < 0.35:  # sky
                pixels.append((int(110 + 80 * t), int(150 + 60 * t), int(200 + 40 * s)))
            elif x < width / 2:  # skin tones
                pixels.append((int(225 - 60 * s), int(180 - 70 * s), int(150 - 60 * s)))
            else:  # foliage into shadow
                pixels.append((int(90 - 60 * s), int(140 - 80 * s), int(70 - 40 * s)))
    image.putdata(pixels)
    return image


def test_a_converted_picture_keeps_its_look_and_its_ink_limit():
    press = Press(load_template("news").press, "#c8161d")
    original = photo()
    converted = press.picture(original)
    assert converted.mode == "CMYK"
    assert most_ink(converted) <= 240 + 0.5
    # its appearance: the printed colours (the profile, back to Lab) against the original's
    lab = ImageCms.createProfile("LAB")
    wanted = ImageCms.applyTransform(original, ImageCms.buildTransform(
        ImageCms.createProfile("sRGB"), lab, "RGB", "LAB"))
    printed_lab = ImageCms.applyTransform(converted, ImageCms.buildTransform(
        ImageCms.getOpenProfile(str(PROFILE)), lab, "CMYK", "LAB",
        renderingIntent=ImageCms.Intent.RELATIVE_COLORIMETRIC))

    def lab_of(p):
        return p[0] * 100 / 255, p[1] - 128, p[2] - 128

    def pixels(image):
        data = image.tobytes()
        return [tuple(data[i:i + 3]) for i in range(0, len(data), 3)]

    errors = sorted(math.dist(lab_of(a), lab_of(b)) for a, b in zip(
        pixels(wanted), pixels(printed_lab)))
    assert sum(errors) / len(errors) < 8  # ΔE: the picture looks as it did, within the
    assert errors[len(errors) // 2] < 4  # gamut of uncoated paper (its blacks are lighter)
    back = ImageCms.applyTransform(converted, ImageCms.buildTransform(
        ImageCms.getOpenProfile(str(PROFILE)), ImageCms.createProfile("sRGB"), "CMYK", "RGB",
        renderingIntent=ImageCms.Intent.RELATIVE_COLORIMETRIC))
    assert max(ImageStat.Stat(ImageChops.difference(back, original)).mean) < 16  # of 255
    # a dark picture needs the limit: four inks at full would be 400 %
    dark = PILImage.new("RGB", (8, 8), (10, 8, 12))
    deepest = most_ink(press.picture(dark))
    assert 200 < deepest <= 240.5


def test_limit_ink_scales_colour_inks_and_keeps_black():
    full = PILImage.new("CMYK", (2, 1), (255, 255, 255, 255))
    full.putpixel((1, 0), (50, 40, 30, 20))
    held = limit_ink(full, 240)
    c, m, y, k = held.getpixel((0, 0))
    assert k == 255 and c + m + y + k <= 240 * 255 / 100 + 3 and c == m == y
    assert held.getpixel((1, 0)) == (50, 40, 30, 20)  # under the limit: as it was


def test_a_page_with_a_real_picture_prints_it_in_cmyk(write_manifest, tmp_path):
    photo(240, 160).save(tmp_path / "photo.png")
    path = write_manifest("""\
manifest: 1
paper: 上汽报
date: 2020-11-27
page: 1
template: news-tabloid
articles:
  - region: {columns: 1-4, lines: 1-30}
    headline: 主题
    images: [{columns: 1-2, line: 1, lines: 10, file: photo.png, caption: 图为照片}]
    body: [党员冲在一线、干在一线，在抗击疫情中冲锋在前，在复工复产中硬核担当。]
""")
    result = CliRunner().invoke(main, ["render", str(path), "-o", str(tmp_path / "p.pdf"),
                                       "--print", "--allow-overflow"])
    assert result.exit_code in (0, 3), result.output
    data = (tmp_path / "p.pdf").read_bytes()
    problems, seen = check(data, "PDF/X-4", ink_limit=240)
    assert problems == [] and [i.mode for i in seen["images"]] == ["CMYK"]


def test_what_touches_the_trim_runs_into_the_bleed():
    press = Press(load_template("news").press, "#c8161d")
    bleed = 3 * MM
    assert press.bled(0, 0, 100, 50, 600, 800) == pytest.approx((-bleed, -bleed,
                                                                 100 + bleed, 50 + bleed))
    assert press.bled(20, 20, 100, 50, 600, 800) == (20, 20, 100, 50)  # inside: as it is
    assert press.bled(500, 700, 100, 100, 600, 800) == pytest.approx((500, 700, 100 + bleed,
                                                                      100 + bleed))


def test_a_plant_s_own_profile_and_settings(write_manifest, tmp_path):
    shutil.copy(PROFILE, tmp_path / "plant.icc")
    (tmp_path / "house.yaml").write_text("""\
extends: news-tabloid
output: print
print:
  standard: PDF/X-1a:2001
  profile: plant.icc
  condition: IFRA26
  condition_text: ISO 12647-3 coldset newsprint
  bleed: 5mm
  marks: false
""", encoding="utf-8")
    path = write_manifest(f"""\
manifest: 1
paper: 上汽报
date: 2020-11-27
page: 1
template: house
articles:
  - body: [{"党员冲在一线、干在一线，在抗击疫情中冲锋在前。" * 60}]
""")
    out = tmp_path / "p.pdf"
    result = CliRunner().invoke(main, ["render", str(path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    page = layout_issue(path)
    assert check(data, "PDF/X-1a:2001", trim=(page.width, page.height), bleed=5 * MM)[0] == []
    pdf = pikepdf.open(io.BytesIO(data))
    intent = pdf.Root.OutputIntents[0]
    assert str(intent.OutputConditionIdentifier) == "IFRA26"
    media = [float(v) for v in pdf.pages[0].obj.MediaBox]
    assert media[2] == pytest.approx(page.width + 10 * MM)  # no marks: the bleed alone
    screen = CliRunner().invoke(main, ["render", str(path), "-o", str(out), "--screen"])
    assert screen.exit_code == 0 and b"/OutputIntents" not in out.read_bytes()
    both = CliRunner().invoke(main, ["render", str(path), "--screen", "--print"])
    assert both.exit_code == 2 and "give one" in both.output
    # the profile is one of the page's files: a batch digest and --watch follow it, a
    # Dask job carries it
    from layout.pipeline import page_inputs
    issue = load_issue(path)
    template = load_template(issue.template, issue.path.parent, issue.template_origin)
    assert (tmp_path / "plant.icc").resolve() in page_inputs(issue, template)


@pytest.mark.parametrize("settings,message", [
    ("print: {standard: PDF/X-3}", "'PDF/X-3' is not one of PDF/X-4, PDF/X-1a:2001"),
    ("print: {ink_limit: 500%}", "is not an ink limit"),
    ("print: {accent: [0, 100, 100]}", "is not a CMYK colour"),
    ("print: {profile: missing.icc, condition: X}", "no ICC profile at"),
    ("print: {profile: srgb.icc, condition: X}", "not a CMYK output profile"),
    ("print: {profile: plant.icc}", "needs its printing condition"),
    ("output: press", "'press' is not one of screen, print"),
])
def test_print_settings_mistakes_are_named(write_manifest, tmp_path, settings, message):
    (tmp_path / "srgb.icc").write_bytes(
        ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    shutil.copy(PROFILE, tmp_path / "plant.icc")
    (tmp_path / "house.yaml").write_text(f"extends: news-tabloid\n{settings}\n",
                                         encoding="utf-8")
    with pytest.raises(LayoutError) as err:
        load_template("house", tmp_path)
    assert message in str(err.value) and "house.yaml:" in str(err.value)


def test_batch_prints_for_the_press(tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["batch", str(ISSUES[0]), "-o", str(out), "-j", "1",
                                       "--print"])
    assert result.exit_code == 0, result.output
    [pdf] = out.rglob("*.pdf")
    assert check(pdf.read_bytes(), "PDF/X-4")[0] == []
    again = CliRunner().invoke(main, ["batch", str(ISSUES[0]), "-o", str(out), "-j", "1"])
    assert again.exit_code == 0
    assert b"/OutputIntents" not in pdf.read_bytes()  # the screen PDF: a new digest


def test_a_picture_at_the_trim_runs_into_the_bleed(write_manifest, tmp_path):
    photo(240, 160).save(tmp_path / "photo.png")
    (tmp_path / "edge.yaml").write_text("""\
extends: news-tabloid
page: {margins: {top: 0mm, bottom: 20mm, left: 0mm, right: 44mm}}
header: false
""", encoding="utf-8")
    path = write_manifest("""\
manifest: 1
paper: 上汽报
date: 2020-11-27
page: 1
template: edge
articles:
  - region: {columns: 1-6, lines: 1-30}
    images: [{columns: 1-2, line: 1, lines: 10, file: photo.png}]
    body: [党员冲在一线、干在一线，在抗击疫情中冲锋在前，在复工复产中硬核担当。]
""")
    data, page, _ = printed(path)
    pdf = pikepdf.open(io.BytesIO(data))
    placed = None
    for operands, operator in pikepdf.parse_content_stream(pdf.pages[0]):
        if str(operator) == "cm":
            placed = [float(v) for v in operands]
        if str(operator) == "Do":
            break
    width, _, _, height, x, y = placed  # (after the translation to the trim's corner)
    bleed = 3 * MM
    assert x == pytest.approx(-bleed) and y + height == pytest.approx(page.height + bleed)
    image = pikepdf.PdfImage(pdf.pages[0].obj.Resources.XObject[next(iter(
        pdf.pages[0].obj.Resources.XObject.keys()))])
    assert image.mode == "CMYK"
