"""The pipeline is assembled once (layout/pipeline.py): the command line, the batch, the
library and the guide's pictures make a page the same way, through its stages."""
from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from layout.cli import main
from layout.fonts import shipped_fonts
from layout.pipeline import fitted, inputs, layout, load, render, render_issue, report

from conftest import REPO, SAMPLE, fresh_pdf

# the stages, which only the pipeline calls (each defined in its own module)
STAGES = ("plan_page", "flow_page", "render_pages", "render_pdf", "press_for")
DEFINED = {"plan_page": "layout/plan.py", "flow_page": "layout/flow/page.py",
           "render_pages": "layout/render/pdf.py", "render_pdf": "layout/render/pdf.py",
           "press_for": "layout/render/press.py"}

PRINTED = """\
manifest: 1
paper: 测试报
date: 2021-03-04
page: 3
template: house
articles:
  - headline: 党员冲在一线
    body: [{body}]
"""


def _print_page(folder: Path) -> Path:
    (folder / "house.yaml").write_text("extends: news-tabloid\noutput: print\n",
                                       encoding="utf-8")
    path = folder / "page.yaml"
    path.write_text(PRINTED.format(body="党员冲在一线、干在一线，在抗击疫情中冲锋在前。" * 60),
                    encoding="utf-8")
    return path


def test_a_print_template_gives_one_pdf_through_the_library_the_command_and_a_batch(
        tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    path = _print_page(folder)
    library = render_issue(path).pdf
    assert b"GTS_PDFX" in library and b"/TrimBox" in library  # the template's `output: print`
    out = tmp_path / "cli.pdf"
    result = CliRunner().invoke(main, ["render", str(path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    result = CliRunner().invoke(main, ["batch", str(folder), "-o", str(tmp_path / "out"),
                                       "-j", "1"])
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == library == (tmp_path / "out" / "page.pdf").read_bytes()
    # told otherwise, each of them makes the screen page, the same
    screen = render_issue(path, output="screen").pdf
    assert b"GTS_PDFX" not in screen
    result = CliRunner().invoke(main, ["render", str(path), "-o", str(out), "--screen"])
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == screen


def _calls(text: str, name: str) -> bool:
    return re.search(rf"(?<!def )(?<![\w.]){name}\(|\.{name}\(|import[^\n]*\b{name}\b",
                     text) is not None


def test_no_module_but_the_pipeline_assembles_the_stages():
    sources = [*sorted((REPO / "layout").rglob("*.py")), *sorted((REPO / "docs").glob("*.py")),
               *sorted((REPO / "bench").glob("*.py"))]
    found = []
    for source in sources:
        where = source.relative_to(REPO).as_posix()
        if where in ("layout/pipeline.py", "layout/flow/__init__.py"):  # (it names them)
            continue
        text = source.read_text(encoding="utf-8")
        found += [(where, name) for name in STAGES
                  if DEFINED[name] != where and _calls(text, name)]
    assert found == []
    assert _calls("page = flow_page(plan, fonts)", "flow_page")  # (the check finds one)
    assert _calls("from .plan import plan_page", "plan_page")
    assert not _calls("def plan_page(issue):", "plan_page")


def test_the_report_says_what_the_page_holds_and_what_the_user_is_told():
    loaded = load(SAMPLE)
    laid = layout(loaded, shipped_fonts())
    said = report(laid, loaded)
    page = laid.pages[0]
    assert said.fits == page.fits and said.holes == page.holes == ()
    assert said.overflow == () and said.text == page.text()
    assert "".join(said.text.split()).startswith("".join(
        page.reading[0].split())[:10])
    told = said.told()
    assert all(n.always for n in told)
    verbose = said.told(verbose=True)
    assert [n.text for n in verbose if n.kind == "usage"] == list(page.usage)
    assert [n.text for n in verbose if n.kind == "loose"] == list(page.loose)


def test_the_command_s_fit_and_text_are_the_report_s(tmp_path):
    said = report(layout(load(SAMPLE), shipped_fonts()))
    result = CliRunner().invoke(main, ["text", str(SAMPLE)])
    assert result.exit_code == 0 and result.output == said.text
    result = CliRunner().invoke(main, ["fit", str(SAMPLE)])
    assert result.exit_code == 0
    tried = report(fitted(load(SAMPLE), shipped_fonts()))
    assert result.output.splitlines()[:len(said.fits)] == [str(f) for f in tried.fits]
    # the same articles and room, each count tried (the flow's own is an estimate)
    assert [(f.article_index, f.holds, f.first_line) for f in tried.fits] == \
        [(f.article_index, f.holds, f.first_line) for f in said.fits]
    assert all(f.tried for f in tried.fits) and not any(f.tried for f in said.fits)


def test_an_issue_renders_as_the_command_renders_it(tmp_path):
    from test_edition import two_pages

    path = two_pages(tmp_path)
    out = tmp_path / "issue.pdf"
    result = CliRunner().invoke(main, ["render", str(path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    made = render_issue(path)
    assert made.pdf == out.read_bytes() and len(made.laid.pages) == 2
    loaded = load(path)
    assert render(layout(loaded), loaded, shipped_fonts()) == made.pdf
    assert [f.page for f in made.laid.fits] == [1, 2]


def test_the_files_a_digest_reads_are_those_the_page_is_made_from():
    for path in [*sorted((REPO / "issues").glob("*.yaml")),
                 *sorted((REPO / "issues" / "whole").glob("*.yaml"))]:
        assert inputs(path) == load(path).inputs(), path
    whole = inputs(REPO / "issues" / "whole" / "2020-11-27-issue-1090.yaml")
    assert len([p for p in whole if p.suffix == ".yaml"]) > 2  # its pages' files, templates


def _edited(path: Path, folder: Path) -> Path:
    """The page with its first paragraph of body text shortened by a sentence's worth."""
    text = path.read_text(encoding="utf-8")
    first = re.search(r"(?m)^      - ([^{\n]{40,})$", text)
    assert first is not None
    edited = folder / path.name
    edited.write_text(text[:first.start(1)] + first.group(1)[12:] + text[first.end(1):],
                      encoding="utf-8")
    return edited


def test_what_a_watched_render_keeps_gives_the_same_bytes(tmp_path):
    from layout.pipeline import Kept

    fonts = shipped_fonts()
    kept = Kept()
    pages = sorted((REPO / "issues").glob("*.yaml"))
    fresh = {p: render_issue(p, fonts).pdf for p in pages}
    for path in [*pages, *reversed(pages)]:  # each after others: what they kept is there
        loaded = load(path)
        assert render(layout(loaded, fonts, kept=kept), loaded, fonts, kept=kept) == \
            fresh[path], path
    assert kept.pdf.subsets and kept.pdf.streams  # (it kept something)
    # a paragraph edited: the page as a fresh process makes it (the first in a process of
    # its own, whose caches hold nothing of this one's)
    for n, path in enumerate(pages[:2]):
        edited = _edited(path, tmp_path)
        loaded = load(edited)
        made = render(layout(loaded, fonts, kept=kept), loaded, fonts, kept=kept)
        again = render_issue(edited, fonts).pdf if n else fresh_pdf(edited, tmp_path)
        assert made == again != fresh[path]



def test_a_page_set_with_the_text_the_process_kept_is_the_page_a_fresh_process_sets(
        tmp_path):
    """render_issue keeps the text its pages broke for the process's next page
    (pipeline.process_texts): a page set after another, and set again with a paragraph
    edited (its headlines, bylines and captions kept), gives the bytes a fresh process
    gives."""
    from layout.pipeline import TEXT_ENTRIES, forget_texts, process_texts

    fonts = shipped_fonts()
    first, second = sorted((REPO / "issues").glob("*.yaml"))[:2]
    forget_texts()
    render_issue(first, fonts)
    loaded = load(second)
    cache = process_texts(loaded.templates[0], fonts)
    assert 0 < len(cache) < TEXT_ENTRIES  # (the first page's text is kept)
    assert render_issue(second, fonts).pdf == fresh_pdf(second, tmp_path)
    edited = _edited(second, tmp_path)
    assert render_issue(edited, fonts).pdf == fresh_pdf(edited, tmp_path)
    forget_texts()
    assert process_texts(loaded.templates[0], fonts) is not cache
