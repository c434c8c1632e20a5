"""The real manifests in issues/: each renders to one page that gives back every character
of each article in order, breaks no 禁则 and sets every non-final line flush."""
from __future__ import annotations

import re
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from layout import render_issue
from layout.manifest import article_text, load_issue
from layout.model import LineKind
from layout.text.chars import NO_LINE_END, NO_LINE_START, char_class

ISSUES = sorted((Path(__file__).resolve().parent.parent / "issues").glob("*.yaml"))
JUSTIFIED = (LineKind.BODY, LineKind.NOTE)


def test_there_are_five_seed_pages():
    assert len(ISSUES) == 5


@pytest.fixture(scope="module", params=ISSUES, ids=[p.stem for p in ISSUES])
def rendered(request):
    return request.param, render_issue(request.param)


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_one_page_nothing_left_over(rendered):
    path, result = rendered
    assert not result.layout.overflow
    doc = pdfium.PdfDocument(result.pdf)
    assert len(doc) == 1
    doc.close()


def test_every_article_comes_back_in_order(rendered):
    path, result = rendered
    doc = pdfium.PdfDocument(result.pdf)
    extracted = squeeze(doc[0].get_textpage().get_text_range())
    doc.close()
    for article in load_issue(path).articles:
        chars = iter(extracted)
        wanted = squeeze(article_text(article))
        assert all(c in chars for c in wanted), f"{path.name}: article {wanted[:20]}…"


def test_no_rule_broken_and_every_non_final_line_flush(rendered):
    path, result = rendered
    lines = [l for l in result.layout.lines if l.kind in JUSTIFIED]
    assert len(lines) > 150
    for line, after in zip(lines, lines[1:]):
        if line.paragraph_end or after.kind is not line.kind:
            continue
        visible = [g for g in line.glyphs if not g.char.isspace()]
        assert max(g.x + g.advance for g in visible) == pytest.approx(line.left + line.width), \
            line.text
        assert char_class(visible[-1].char) not in NO_LINE_END, line.text
        assert char_class(after.glyphs[0].char) not in NO_LINE_START, after.text


DISPLAY = (LineKind.HEADLINE, LineKind.KICKER, LineKind.SUBTITLE, LineKind.BYLINE,
           LineKind.SUBHEAD, LineKind.QUOTE, LineKind.CAPTION, LineKind.SECTION)


def display_cuts(lines) -> list[tuple[str, int]]:
    """Each place a display element (consecutive lines of one kind and size) was broken:
    (the element's text, the offset of the break)."""
    out, group = [], []
    for line in [*lines, None]:
        if group and (line is None or line.kind is not group[-1].kind
                      or line.size != group[-1].size or line.vertical):
            text, at = "", []
            for member in group:
                if text:
                    at.append(len(text))
                text += member.text.strip()
            out += [(text, a) for a in at]
            group = []
        if line is not None and line.kind in DISPLAY and not line.vertical:
            group.append(line)
    return out


def test_display_text_breaks_only_between_words(rendered):
    from layout.text.words import word_ends

    _, result = rendered
    cuts = display_cuts(result.layout.lines)
    assert cuts  # (every page has headlines or subheads in several lines)
    inside = [(text[:at] + "|" + text[at:]) for text, at in cuts
              if at not in word_ends(text)]
    assert not inside


def test_the_party_building_brand_page_uses_the_designer_s_toolkit():
    # 2023-05-26 p4: a 竖排 title, a tinted box, a 花边 border and a 栏目题 bar
    path = next(p for p in ISSUES if "tongrong" in p.stem)
    result = render_issue(path)
    page = result.layout
    title = [l for l in page.lines if l.kind is LineKind.HEADLINE]
    assert all(l.vertical for l in title) and "".join(l.text for l in title) == "通融达道思源致远"
    assert [l.text for l in page.lines if l.kind is LineKind.SECTION] == ["党建品牌"]
    assert any(r.frame and r.stroke for r in page.rects)  # the border
    assert any(r.fill == "#fcebeb" and not r.frame for r in page.rects)  # the tinted box
    # read back from the PDF top to bottom, where `layout text` has it: first
    doc = pdfium.PdfDocument(result.pdf)
    try:
        extracted = squeeze(doc[0].get_textpage().get_text_range())
    finally:
        doc.close()
    assert "通融达道思源致远" in extracted
    assert squeeze(page.text()).startswith("党建品牌通融达道思源致远上汽通用汽车党委")
