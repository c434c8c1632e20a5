"""What `render --watch` keeps from one render for the next (pipeline.Kept): an edit of one
article measures that article again and no other, a page nothing changed on is not laid
out again, and the bytes are those a fresh process makes."""
from __future__ import annotations

import datetime
import re
from pathlib import Path

import yaml

from layout.fonts import shipped_fonts
from layout.pipeline import Kept, layout, load, render, render_issue
from layout.render import objects

from conftest import REPO, fresh_pdf

# three articles, each with a picture the make-up sizes
PAGE = REPO / "issues" / "2020-11-27-p1-laomo-jingshen.yaml"


def _paragraphs(text: str) -> list[re.Match]:
    return list(re.finditer(r"(?m)^      - ([^{\n]{40,})$", text))


def _article_of(text: str, at: int) -> int:
    """The index of the article (of `articles:`) whose text holds position `at`."""
    return len(re.findall(r"(?m)^  - ", text[:at])) - 1


def _watched(path: Path, kept: Kept, fonts) -> bytes:
    loaded = load(path)
    return render(layout(loaded, fonts, kept=kept), loaded, fonts, kept=kept)


def test_an_edited_article_is_measured_again_and_the_others_are_kept(tmp_path):
    fonts = shipped_fonts()
    text = PAGE.read_text(encoding="utf-8")
    second = next(m for m in _paragraphs(text) if _article_of(text, m.start()) == 1)
    path = tmp_path / PAGE.name
    path.write_text(text, encoding="utf-8")
    kept = Kept()
    assert _watched(path, kept, fonts) == render_issue(path, fonts).pdf
    made = kept.makeup(load(path).edition.pages[0])
    assert (made.reused, made.rebodied) == (0, 0)  # (nothing kept before the first)

    # the second article's paragraph shortened: its head and pictures' measures kept,
    # the other two articles as they were
    path.write_text(text[:second.start(1)] + second.group(1)[12:] + text[second.end(1):],
                    encoding="utf-8")
    edited = _watched(path, kept, fonts)
    assert (made.reused, made.rebodied) == (2, 1)
    assert edited == fresh_pdf(path, tmp_path)  # (a process of its own: no cache shared)

    # saved again, nothing changed: the page and its PDF are kept
    pages, pdfs = kept.pages_kept, kept.pdfs_kept
    assert _watched(path, kept, fonts) == edited
    assert (kept.pages_kept, kept.pdfs_kept) == (pages + 1, pdfs + 1)

    # its byline changed too (a part of its head): nothing of that article is kept, the
    # others are
    changed = path.read_text(encoding="utf-8")
    assert changed.count("byline: 首席记者 阮希琼") == 1
    path.write_text(changed.replace("byline: 首席记者 阮希琼", "byline: 记者 阮希琼"),
                    encoding="utf-8")
    assert _watched(path, kept, fonts) == render_issue(path, fonts).pdf
    assert (made.reused, made.rebodied) == (2, 0)


def test_a_watched_page_edited_again_and_again_is_a_fresh_process_s(tmp_path):
    fonts = shipped_fonts()
    for page in sorted((REPO / "issues").glob("*.yaml"))[:2]:  # (one article each)
        text = page.read_text(encoding="utf-8")
        path = tmp_path / page.name
        kept = Kept()
        edits = _paragraphs(text)[:3]
        for n, found in enumerate(edits):
            path.write_text(text[:found.start(1)] + f"第{n}稿，" + found.group(1)
                            + text[found.end(1):], encoding="utf-8")
            # (the last edit against a process of its own: no cache shared with this one)
            again = fresh_pdf(path, tmp_path) if n == len(edits) - 1 else \
                render_issue(path, fonts).pdf
            assert _watched(path, kept, fonts) == again, (page, n)
        assert kept.makeup(load(path).edition.pages[0]).rebodied == 1


def _candidate(made, index: int):
    """The make-up's kept candidate of article `index` (makeup.Kept)."""
    return next(c for c in made.candidates.values() if c.index == index)


def test_an_edit_that_moves_no_line_end_is_not_measured_again(tmp_path):
    """A paragraph's words changed, each of its lines ending where it ended (第1稿 for
    第2稿): the make-up has measured all it reads of the article's body (its shape:
    Candidate.shape), so nothing of the article is measured or settled again (the final
    page flows its words); an edit that moves a line's end measures it again. Each PDF a
    fresh process's."""
    fonts = shipped_fonts()
    text = PAGE.read_text(encoding="utf-8")
    first = _paragraphs(text)[0]
    index = _article_of(text, first.start())
    path = tmp_path / PAGE.name
    kept = Kept()

    def edited(words: str) -> bytes:
        path.write_text(text[:first.start(1)] + words + first.group(1) + text[first.end(1):],
                        encoding="utf-8")
        return _watched(path, kept, fonts)

    edited("第1稿，")
    made = kept.makeup(load(path).edition.pages[0])
    candidate = _candidate(made, index)
    measures = candidate.measures()
    assert measures > 0
    assert edited("第2稿，") == fresh_pdf(path, tmp_path)
    assert (made.reused, made.reworded, made.rebodied, made.made_kept) == (2, 1, 0, 1)
    assert _candidate(made, index) is candidate and candidate.measures() == measures
    # a character typed: its paragraph's last line ends a character further on, and covers
    # its cell as it did (its line ends are all the make-up reads of it)
    assert edited("第2稿，改") == render_issue(path, fonts).pdf
    assert (made.reused, made.reworded, made.rebodied, made.made_kept) == (2, 1, 0, 2)
    assert candidate.measures() == measures
    # a sentence more: lines end elsewhere, and the body is measured again
    assert edited("第3稿，这一句话是新添的。") == render_issue(path, fonts).pdf
    assert (made.reused, made.reworded, made.rebodied, made.made_kept) == (2, 0, 1, 2)
    assert candidate.measures() > measures


def test_an_edited_body_s_shape_takes_again_the_parts_of_the_blocks_as_they_were(tmp_path):
    """ArticleFlow.body_shape given the last body's blocks and parts (`known`, what
    Candidate.shape keeps): each block that is, with the one after it, as it was has its
    part again (the very part), the edited paragraph alone is set, and the shape is the
    one of the body set whole."""
    from dataclasses import replace

    from layout.makeup.shapes import Config

    fonts = shipped_fonts()
    text = PAGE.read_text(encoding="utf-8")
    first = _paragraphs(text)[0]
    index = _article_of(text, first.start())
    path = tmp_path / PAGE.name
    path.write_text(text, encoding="utf-8")
    kept = Kept()
    _watched(path, kept, fonts)
    candidate = _candidate(kept.makeup(load(path).edition.pages[0]), index)
    plan = candidate.plan(1, candidate.area.lines, Config(None))
    blocks, parts, shape = candidate.flow(plan).body_shape()
    assert shape is not None and len(parts) > 3
    path.write_text(text[:first.start(1)] + "第3稿，这一句话是新添的。" + first.group(1)
                    + text[first.end(1):], encoding="utf-8")
    article = load(path).edition.pages[0].articles[index]
    edited = candidate.flow(replace(plan, article=article))
    again = edited.body_shape((blocks, parts))
    assert again == candidate.flow(replace(plan, article=article)).body_shape()
    assert again[2] != shape
    assert [n for n, (one, was) in enumerate(zip(again[1], parts)) if one is not was] == [
        next(n for n, block in enumerate(blocks) if block not in article.blocks)]
    # (a block more: none is taken again)
    more = replace(article, blocks=(*article.blocks, article.blocks[-1]))
    assert all(one is not was for one, was in zip(
        candidate.flow(replace(plan, article=more)).body_shape((blocks, parts))[1], parts))


def test_a_body_line_s_shape_is_what_the_flow_reads_of_it():
    """`line_shape`: a line spread to its measure ends there whatever the rounding of its
    gaps; a paragraph's last line, read for the cells it covers only, says whether it
    covers its cell (more than a third of the column) instead of where it ends, and says
    where it ends when a signature may share it."""
    from layout.holes import line_shape
    from layout.text.items import Glyph
    from layout.text.linebreak import SetLine

    def line(ends: list[float], last: bool) -> SetLine:
        glyphs = tuple(Glyph("字", "song", end - 9.0, 9.0) for end in ends)
        return SetLine(glyphs, 99.0, last, False, False)

    assert line_shape(line([18.0 + 9 * n for n in range(1, 9)] + [99.0 - 3e-14], False),
                      True) == line_shape(line([27.0, 99.0 + 3e-14], False), True) \
        == (True, 18.0, 99.0, 99.0, False)
    short = [line([9.0, 18.0], True), line([9.0, 18.0, 27.0], True)]
    covers = [line([9.0 * n for n in range(1, 6)], True), line([36.0, 45.0, 63.0, 72.0], True)]
    assert {line_shape(one, True)[2] for one in short} == {"short"}
    assert {line_shape(one, True)[2] for one in covers} == {"covers"}
    assert line_shape(short[0], False) != line_shape(short[1], False)  # (a signature's)


def test_edits_of_a_body_a_headline_a_caption_and_the_template_are_a_fresh_process_s(
        tmp_path):
    """One Kept through an edit of each kind: a paragraph (twice, the second moving no
    line's end), a headline, a picture's caption, the template: each PDF the one a
    render of its own makes."""
    fonts = shipped_fonts()
    style = ("extends: news-tabloid\nname: mine\nstyles:\n"
             "  headline: {face: song-heavy, size: %s, align: left}\n")
    (tmp_path / "mine.yaml").write_text(style % "初号", encoding="utf-8")
    text = PAGE.read_text(encoding="utf-8").replace("template: news-tabloid",
                                                    "template: mine")
    first = _paragraphs(text)[0]
    assert "仇杰等四人荣获" in text and "- {aspect: 3:2}" in text
    body = text[:first.start(1)] + "第1稿，" + text[first.start(1):]
    again = text[:first.start(1)] + "第2稿，" + text[first.start(1):]
    headline = again.replace("仇杰等四人荣获", "仇杰等人荣获")
    caption = headline.replace("- {aspect: 3:2}", "- {aspect: 3:2, caption: 仇杰在表彰大会上}",
                               1)
    path = tmp_path / PAGE.name
    path.write_text(text, encoding="utf-8")
    kept = Kept()
    _watched(path, kept, fonts)
    made = kept.makeup(load(path).edition.pages[0])
    for name, edited, counts in [("body", body, (2, 0, 1)), ("again", again, (2, 1, 0)),
                                 ("headline", headline, (2, 0, 0)),
                                 ("caption", caption, (2, 0, 0)),
                                 ("template", None, (0, 0, 0))]:
        if edited is None:
            (tmp_path / "mine.yaml").write_text(style % "小初", encoding="utf-8")
        else:
            path.write_text(edited, encoding="utf-8")
        assert _watched(path, kept, fonts) == render_issue(path, fonts).pdf, name
        assert (made.reused, made.reworded, made.rebodied) == counts, name


def _pictured(folder: Path, pixels: tuple[int, int], colour: str) -> tuple[Path, Path]:
    """A page of two articles the make-up places, the first with a picture file drawn
    in `pixels` of `colour`: the manifest and the picture."""
    body = "党员冲在一线、干在一线，在抗击疫情中冲锋在前。" * 25
    path = folder / "page.yaml"
    path.write_text(yaml.safe_dump({
        "manifest": 1, "paper": "测试报", "date": datetime.date(2021, 3, 4), "page": 2,
        "template": "news-tabloid",
        "articles": [{"headline": "党员冲在一线干在一线", "images": [{"file": "photo.png"}],
                      "body": [body]},
                     {"headline": "社区志愿者坚守岗位", "body": [body]}]},
        allow_unicode=True), encoding="utf-8")
    return path, _drawn(folder / "photo.png", pixels, colour)


def _drawn(picture: Path, pixels: tuple[int, int], colour: str) -> Path:
    from PIL import Image as PILImage

    PILImage.new("RGB", pixels, colour).save(picture)
    return picture


def test_a_picture_redrawn_with_other_pixels_is_laid_out_and_rendered_again(tmp_path):
    fonts = shipped_fonts()
    path, picture = _pictured(tmp_path, (60, 40), "red")  # (soft: a note says so)
    kept = Kept()
    first = _watched(path, kept, fonts)
    assert first == render_issue(path, fonts).pdf
    assert any("dpi" in note for note in layout(load(path), fonts).pages[0].notes)
    assert _watched(path, kept, fonts) == first and kept.pdfs_kept == 1  # (nothing changed)
    # the same proportions (the manifest reads as it did), more pixels: no note, another
    # picture in the PDF
    _drawn(picture, (1200, 800), "blue")
    loaded = load(path)
    laid = layout(loaded, fonts, kept=kept)
    assert not any("dpi" in note for note in laid.pages[0].notes)
    assert render(laid, loaded, fonts, kept=kept) == render_issue(path, fonts).pdf != first
    assert kept.pdfs_kept == 1


def test_a_picture_redrawn_in_its_pixels_keeps_the_page_and_makes_a_new_pdf(tmp_path):
    """The layout reads a picture's pixel count only: redrawn in as many pixels, the page
    is kept whole; the PDF holds the picture's content, and is made again (`render_key`:
    each file's content digest)."""
    fonts = shipped_fonts()
    path, picture = _pictured(tmp_path, (1200, 800), "red")
    kept = Kept()
    first = _watched(path, kept, fonts)
    pages = kept.pages_kept
    _drawn(picture, (1200, 800), "blue")
    again = _watched(path, kept, fonts)
    assert kept.pages_kept == pages + 1 and kept.pdfs_kept == 0
    assert again == render_issue(path, fonts).pdf != first
    # the picture as it was: its PDF again, made afresh
    _drawn(picture, (1200, 800), "red")
    assert _watched(path, kept, fonts) == first and kept.pdfs_kept == 0


def test_a_watched_edit_that_moves_codes_or_none_is_a_fresh_process_s(tmp_path,
                                                                      monkeypatch):
    """Edits under --watch through what the PDF writer keeps (its lines painted and its
    font subsets' objects, runs.LineRuns and render.objects): a character new to the page
    early in it (the codes of most characters after it move, and the subsets with them),
    the same taken out again, and a word changed for one of characters already painted
    before it (no code moves: nearly every line and subset object written as the last
    render wrote it): each PDF a fresh process's, byte for byte."""
    fonts = shipped_fonts()
    page = REPO / "issues" / "2020-07-01-p3-fenjin-lushang.yaml"
    text = page.read_text(encoding="utf-8")
    first = _paragraphs(text)[0]
    path = tmp_path / page.name
    path.write_text(text, encoding="utf-8")
    kept = Kept()
    _watched(path, kept, fonts)
    assert "龘" not in text
    late = _paragraphs(text)[-1]
    # (the last paragraph's first two characters, for two that stand before them)
    earlier = next(c for c in text[first.start(1):late.start(1)]
                   if c not in late.group(1)[:2] and "\u4e00" <= c <= "\u9fff")
    edits = {
        "a new character": text[:first.start(1)] + "龘" + text[first.start(1):],
        "taken out": text,
        "a word changed": text[:late.start(1)] + earlier * 2 + text[late.start(1) + 2:],
    }
    pdf = kept.pdf
    made: list = []  # (the faces reportlab made objects of, in a render that keeps)
    reportlab_made = objects.reportlab_add_objects
    monkeypatch.setattr(objects, "reportlab_add_objects",
                        lambda font, doc: made.append(font.fontName) or reportlab_made(font, doc))
    for name, edited in edits.items():
        path.write_text(edited, encoding="utf-8")
        painted, objects_kept = pdf.lines.painted_again, pdf.objects_kept
        made.clear()
        assert _watched(path, kept, fonts) == fresh_pdf(path, tmp_path), name
        # (a face none of whose subsets changed is not made into reportlab's objects only
        # to be put aside: render.objects; the new character moves the body face's codes)
        faces = len({key[0] for key in pdf.subsets})
        assert len(made) == (1 if name != "a word changed" else 0) < faces, (name, made)
        if name == "a word changed":
            lines = len(layout(load(path), fonts).pages[0].lines)
            assert pdf.lines.painted_again - painted > lines * 3 // 4
            assert pdf.objects_kept - objects_kept >= 4 * (len(pdf.subsets) - 1)


def test_the_text_caches_kept_start_afresh_past_their_one_bound():
    """Kept.text_cache holds the one bound on the text kept (`most_entries`, a batch
    worker's smaller): past it between them, every text cache starts afresh at the next
    render's call; a batch worker's `let_go` of its pages leaves the text under it; the
    page made with a fresh cache is the same bytes."""
    from layout.fonts import load_fontset

    fonts = shipped_fonts()
    template = load(PAGE).templates[0]
    kept = Kept()
    first = _watched(PAGE, kept, fonts)
    cache = kept.text_cache(template, fonts)
    entries = len(cache)
    assert entries > 100 and kept.text_cache(template, fonts) is cache
    kept.let_go(set())  # (a batch worker's next job: no page of this one's)
    assert kept.text_cache(template, fonts) is cache
    other = kept.text_cache(template, load_fontset())  # (another font set: its own cache)
    assert other is not cache
    other.natural[("字", "song")] = 1.0
    kept.most_entries = entries  # (the two hold one entry more than that between them)
    fresh = kept.text_cache(template, fonts)
    assert fresh is not cache and len(fresh) == 0
    assert kept.text_cache(template, fonts) is fresh
    assert _watched(PAGE, kept, fonts) == first
    assert kept.text_cache(template, fonts) is fresh and len(fresh) == entries
