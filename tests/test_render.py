"""End to end: manifest → placed page → PDF, checked on positions and on extracted text."""
from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time

import pypdfium2 as pdfium
import pytest
from click.testing import CliRunner

from layout import layout_issue, render_issue
from layout.cli import main, render_once, watch_inputs
from layout.flow import ASCENT
from layout.manifest import issue_text, load_issue
from layout.model import LineKind, Paragraph
from layout.fonts import shipped_fonts
from layout.plan import plan_page
from layout.templates import load_template

from conftest import MINIMAL, SAMPLE


def pdf_text(pdf: bytes) -> str:
    doc = pdfium.PdfDocument(pdf)
    try:
        return doc[0].get_textpage().get_text_range()
    finally:
        doc.close()


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def sample():
    return render_issue(SAMPLE)


def is_subsequence(needle: str, haystack: str) -> bool:
    """Every character of needle occurs in haystack, in order."""
    it = iter(haystack)
    return all(c in it for c in needle)


def test_sample_pdf_gives_back_every_character_in_order(sample):
    extracted = squeeze(pdf_text(sample.pdf))
    issue = load_issue(SAMPLE)
    assert is_subsequence(squeeze(issue_text(issue)), extracted)
    first = next(b for b in issue.articles[0].blocks if isinstance(b, Paragraph))
    assert squeeze(first.text) in extracted  # a paragraph comes out whole, across columns
    assert not sample.layout.overflow


def test_plain_page_gives_back_exactly_its_text(one_paragraph):
    text = "上汽（SAIC）在2020年增长2.5%，“一线”党员冲锋在前……MG Ei5右驾车型——荣威。"
    rendered = render_issue(one_paragraph(text))
    assert squeeze(pdf_text(rendered.pdf)) == squeeze("标题" + text)


def test_sample_body_sits_on_the_baseline_grid(sample):
    t = load_template("party-building")
    body = [l for l in sample.layout.lines if l.kind is LineKind.BODY]
    assert len(body) > 150
    for line in body:
        top = t.line_top(line.grid_line)
        assert line.baseline == pytest.approx(top + (t.pitch - 9.0) / 2 + ASCENT * 9.0)
        assert line.left == pytest.approx(t.column_x(round((line.left - t.margin_left)
                                                           / (t.column_width + t.gutter)) + 1))


def test_sample_lines_are_flush_and_indented(sample):
    t = load_template("party-building")
    body = [l for l in sample.layout.lines if l.kind is LineKind.BODY]
    starts = 0
    for before, line in zip(body, body[1:]):
        if not line.paragraph_end:
            assert max(g.x + g.advance for g in line.glyphs if not g.char.isspace()) == \
                pytest.approx(line.left + line.width), line.text
        if before.paragraph_end:
            starts += 1
            assert line.glyphs[0].x == pytest.approx(line.left + t.indent)
    assert starts >= 20


def test_headline_spans_the_article_and_takes_whole_lines(sample):
    t = load_template("party-building")
    region = plan_page(load_issue(SAMPLE), t, shipped_fonts()).articles[0]
    head = next(l for l in sample.layout.lines if l.kind is LineKind.HEADLINE)
    # across the article, or the columns a picture beside it leaves (the make-up's choice)
    first, last = region.headline.columns or (1, region.last_column
                                                      - region.first_column + 1)
    assert head.left == pytest.approx(t.column_x(region.first_column + first - 1))
    assert head.width == pytest.approx(t.column_x(region.first_column + last - 1)
                                       + t.column_width
                                       - t.column_x(region.first_column + first - 1))
    assert head.glyphs[0].x == pytest.approx(head.left)  # the template sets it left
    first_body = min(l.grid_line for l in sample.layout.lines if l.kind is LineKind.BODY)
    subtitle = next(l for l in sample.layout.lines if l.kind is LineKind.SUBTITLE)
    # the group ends above the grid line where the text starts, one empty line between
    assert subtitle.baseline < t.line_top(first_body - t.headline_gap_lines)


def test_pdf_embeds_subset_fonts_only(sample):
    fonts = re.findall(rb"/BaseFont\s*/([^\s/>]+)", sample.pdf)
    assert fonts and all(re.fullmatch(rb"[A-Z]{6}\+[\w-]+", f) for f in fonts), fonts
    assert b"Helvetica" not in sample.pdf
    descriptors = len(re.findall(rb"/Type\s*/FontDescriptor", sample.pdf))
    assert descriptors == len(re.findall(rb"/FontFile2", sample.pdf)) == len(fonts)


def test_rendering_is_byte_identical_and_dated_from_the_manifest(sample):
    assert render_issue(SAMPLE).pdf == sample.pdf
    assert b"D:20200701000000+00'00'" in sample.pdf


def test_ext_b_character_copies_out_correctly(one_paragraph):
    pdf = render_issue(one_paragraph("吉野家写作𠮷野家，一个字在基本平面之外。")).pdf
    assert "𠮷野家" in pdf_text(pdf)


def test_fallback_character_is_drawn_and_copied(one_paragraph):
    from layout.fonts import shipped_fonts
    fonts = shipped_fonts()
    song, kai = fonts.face("song"), fonts.face("kai")
    rare = next(chr(c) for c in sorted(kai.ttf.face.charToGlyph)
                if c > 0x4E00 and c not in song.ttf.face.charToGlyph)
    rendered = render_issue(one_paragraph(f"汉字与{rare}字。"))
    glyph = next(g for l in rendered.layout.lines for g in l.glyphs if g.char == rare)
    assert glyph.face == "kai"  # the body face lacks it: the next face of the chain draws it
    assert rare in pdf_text(rendered.pdf)


def test_half_width_marks_copy_out_as_the_marks(one_paragraph):
    text = "一二三四五六七八九十一二三四五六七八九十一二三四五，一二三四五六七八九十一二三四五六七八九十一二三四五。”好"
    rendered = render_issue(one_paragraph(text))
    assert squeeze(pdf_text(rendered.pdf)) == "标题" + text
    assert "\U000fff0c" not in pdf_text(rendered.pdf)


# command line -----------------------------------------------------------------------------

def test_cli_render_writes_the_pdf(tmp_path):
    out = tmp_path / "new" / "page.pdf"  # folders are made as needed
    result = CliRunner().invoke(main, ["render", str(SAMPLE), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes()[:5] == b"%PDF-"
    assert [p.name for p in out.parent.iterdir()] == ["page.pdf"]


def test_cli_missing_glyph_exits_2_and_writes_nothing(one_paragraph, tmp_path):
    out = tmp_path / "page.pdf"
    result = CliRunner().invoke(main, ["render", str(one_paragraph("笑😀笑")), "-o", str(out)])
    assert result.exit_code == 2
    assert "U+1F600 GRINNING FACE" in result.output and "issue.yaml" in result.output
    assert not out.exists()


def test_missing_glyph_in_the_page_header_is_named_with_its_line(write_manifest, tmp_path):
    manifest = write_manifest(MINIMAL.format(body="正文。")
                              .replace("paper: 测试报", "paper: 测试报😀")
                              .replace("template: base", "template: news\npage_name: 要闻🀄"))
    out = tmp_path / "page.pdf"
    result = CliRunner().invoke(main, ["render", str(manifest), "-o", str(out)])
    assert result.exit_code == 2 and not out.exists()
    assert "line 2: no shipped font has 😀 U+1F600" in result.output
    assert "line 6: no shipped font has 🀄 U+1F004" in result.output


def test_cli_bad_manifest_keeps_the_old_pdf(write_manifest, tmp_path):
    out = tmp_path / "page.pdf"
    out.write_bytes(b"old")
    bad = write_manifest("paper: x\ndate: 2020-01-01\npage: 1\ntemplate: base\narticles: []\n")
    result = CliRunner().invoke(main, ["render", str(bad), "-o", str(out)])
    assert result.exit_code == 2 and ":5:" in result.output and "empty" in result.output
    assert out.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["issue.yaml", "page.pdf"]


def test_cli_overflow_exits_3_unless_allowed(one_paragraph, tmp_path):
    manifest = one_paragraph("满" * 3000)  # 2 columns × 20 lines hold far less
    out = tmp_path / "page.pdf"
    result = CliRunner().invoke(main, ["render", str(manifest), "-o", str(out)])
    assert result.exit_code == 3 and "does not fit" in result.output
    assert not out.exists()
    page = layout_issue(manifest)
    placed = sum(len(l.glyphs) for l in page.lines if l.kind is LineKind.BODY)
    assert placed + len(page.overflow[0].text) == 3000  # nothing dropped
    result = CliRunner().invoke(main, ["render", str(manifest), "-o", str(out),
                                       "--allow-overflow"])
    assert result.exit_code == 0 and out.exists()


def test_cli_always_reports_text_broken_against_the_rules(write_manifest, tmp_path):
    # a headline word wider than its two columns must be cut: the user hears of it without -v,
    # while a loose body line (a long word with no break point in a short line) is only counted
    manifest = write_manifest(
        MINIMAL.format(body="一二三四五六七SAICMOTORCOMCN八九十。")
        .replace("headline: 标题", "headline: {main: 标题ABCDEFGHIJKLMNOPQRSTUVWXYZ, size: 初号}")
        .replace("lines: 1-20", "lines: 1-60"))
    out = tmp_path / "p.pdf"
    result = CliRunner().invoke(main, ["render", str(manifest), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert ("article 1, headline “标题ABCDEFGHIJKLMNOPQRSTUVWXYZ”: broken against the rules"
            in result.output)
    assert "line(s) set loose (--verbose lists them)" in result.output
    assert "gaps wider than" not in result.output
    verbose = CliRunner().invoke(main, ["render", str(manifest), "-o", str(out), "-v"])
    assert "set loose (gaps wider than ½ em)" in verbose.output
    # -v also says where each article's balanced body ends, so regions can be tightened
    last = max(l.grid_line for l in layout_issue(manifest).lines if l.kind is LineKind.BODY)
    assert (f"article 1: columns 1-2, lines 1-60: ends on line {last}, {60 - last} line(s) "
            "free below") in verbose.output
    # and nothing was lost to the cut
    assert squeeze(pdf_text(out.read_bytes())).startswith("标题ABCDEFGHIJKLMNOPQRSTUVWXYZ一二")


def test_cli_text_and_dump(tmp_path):
    result = CliRunner().invoke(main, ["text", str(SAMPLE)])
    assert result.output.startswith("奋进路上 奋斗有我\n记上汽集团基层党组织微党课\n编者按在微学习中")
    # a picture the make-up stood on the foot of the first column: its caption is met
    # after that column's text, inside the paragraph that runs on into the next column
    page = layout_issue(SAMPLE)
    body = [l for l in page.lines if l.kind is LineKind.BODY]
    first = min(l.left for l in body)
    foot = max((l for l in body if l.left == first), key=lambda l: l.grid_line)
    caption = next(l for l in page.lines if l.kind is LineKind.CAPTION and l.left == first)
    assert caption.baseline > foot.baseline
    assert f"{foot.text}\n{caption.text}" in result.output
    assert squeeze(result.output) == squeeze("".join(page.reading))
    listed = CliRunner().invoke(main, ["text", str(SAMPLE), "--manifest-order"])
    assert "\n安吉智行注重提升员工技术能级\n微光成炬" in listed.output  # captions after the note
    assert sorted(squeeze(listed.output)) == sorted(squeeze(result.output))
    result = CliRunner().invoke(main, ["render", str(SAMPLE), "-o", str(tmp_path / "p.pdf"),
                                       "--dump"])
    lines = result.output.splitlines()
    assert any(l.startswith("headline") and "奋进路上 奋斗有我" in l for l in lines)
    assert any(l.startswith("body     L") and l.endswith("¶") for l in lines)


def test_installed_command_works_from_any_folder(tmp_path):
    out = tmp_path / "p.pdf"
    proc = subprocess.run([sys.executable, "-m", "layout.cli", "render", str(SAMPLE), "-o",
                           str(out)], cwd=tmp_path, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert out.stat().st_size > 10_000


def test_the_program_ends_without_teardown_once_its_command_is_done():
    """`layout` (cli.run) ends the process once its command is done without Python's
    teardown (an object's __del__ at teardown never runs), after the atexit functions and
    with what the streams held flushed, with the command's status; with a thread that is
    not a daemon still running it leaves the exit to Python, which waits for the thread."""
    code = ("import atexit, sys, threading, time\n"
            "from layout.cli.ending import ended\n"
            "class Noisy:\n"
            "    def __del__(self):\n"
            "        print('torn down')\n"
            "kept = Noisy()\n"
            "atexit.register(print, 'atexit ran')\n"
            "print('held', end=' ')\n"
            "sys.stderr.write('said ')\n"
            "if sys.argv[1] == 'thread':\n"
            "    threading.Thread(target=lambda: (time.sleep(0.2), print('thread done'))).start()\n"
            "ended(SystemExit(3))\n"
            "print('returned')\n"
            "sys.exit(4)\n")
    ended = subprocess.run([sys.executable, "-c", code, "plain"], capture_output=True,
                           text=True)
    assert (ended.returncode, ended.stdout, ended.stderr) == (3, "held atexit ran\n", "said ")
    waited = subprocess.run([sys.executable, "-c", code, "thread"], capture_output=True,
                            text=True)
    assert waited.returncode == 4
    assert waited.stdout.split("\n") == ["held returned", "thread done", "atexit ran",
                                          "torn down", ""]


def test_watch_renders_again_when_an_input_changes_and_survives_bad_input(
        one_paragraph, tmp_path):
    manifest = one_paragraph("第一稿。")
    out = tmp_path / "watched.pdf"
    seen: list[tuple[int, str]] = []  # exit code, and the PDF's text after each render

    def once():
        code, inputs = render_once(manifest, out, False, False, False, False, 100.0)
        seen.append((code, squeeze(pdf_text(out.read_bytes()))))
        return code, inputs

    good = manifest.read_text(encoding="utf-8")
    edits = iter([None,  # a look that finds nothing changed renders nothing
                  good.replace("第一稿", "第二稿"),
                  "paper: [",  # broken YAML: reported, the last good PDF stays
                  good.replace("2021-03-04", "2020-02-30"),  # a date that does not exist
                  None,
                  good.replace("第一稿", "第三稿"),
                  None])

    def sleep(_seconds):
        edit = next(edits)
        if edit is not None:
            manifest.write_text(edit, encoding="utf-8")
            later = manifest.stat().st_mtime_ns + 1_000_000  # coarse file clocks
            os.utime(manifest, ns=(later, later))

    watch_inputs(manifest, once, sleep=sleep, rounds=7)
    assert seen == [(0, "标题第一稿。"), (0, "标题第二稿。"), (2, "标题第二稿。"),
                    (2, "标题第二稿。"), (0, "标题第三稿。")]


def test_watch_follows_the_template_the_manifest_names(write_manifest, tmp_path):
    (tmp_path / "mine.yaml").write_text("extends: base\nname: mine\n", encoding="utf-8")
    manifest = write_manifest(MINIMAL.format(body="正文。").replace("template: base",
                                                                   "template: mine.yaml"))
    code, inputs = render_once(manifest, tmp_path / "p.pdf", False, False, False, False, 1.0)
    assert code == 0
    assert [p.name for p in inputs] == ["issue.yaml", "mine.yaml", "base.yaml"]


def test_watch_from_the_command_line_until_ctrl_c(one_paragraph, tmp_path):
    manifest = one_paragraph("第一稿。")
    out = tmp_path / "w.pdf"
    # (Ctrl-C as a terminal gives it: a test run started in the background by a shell
    # without job control has SIGINT ignored, and a child inherits that)
    proc = subprocess.Popen([sys.executable, "-m", "layout.cli", "render", str(manifest),
                             "-o", str(out), "--watch"], stderr=subprocess.PIPE, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))

    def wait_for(text: str) -> None:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if out.exists() and text in squeeze(pdf_text(out.read_bytes())):
                return
            time.sleep(0.1)
        raise AssertionError(f"{text} never rendered")

    try:
        wait_for("第一稿")
        manifest.write_text(manifest.read_text(encoding="utf-8").replace("第一稿", "第二稿"),
                            encoding="utf-8")
        wait_for("第二稿")
    finally:
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=30)
    assert proc.returncode == 0
    assert err.count("wrote") == 2 and "stopped watching" in err


def test_help_and_import_do_not_load_the_pipeline():
    # `layout --help`, a mistyped command and `import layout` stay quick: the fonts, the
    # make-up and the PDF writer are imported only by the commands that run them
    code = ("import sys, layout, layout.cli; "
            "heavy = [m for m in ('layout.flow', 'layout.fonts', 'layout.makeup', "
            "'layout.render.pdf', 'reportlab', 'PIL', 'yaml') if m in sys.modules]; "
            "print(heavy); assert layout.__version__")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0 and proc.stdout.strip() == "[]", proc.stdout + proc.stderr
    from layout import layout_issue as lazy  # still there, loaded on first use
    assert lazy(SAMPLE).lines


def test_a_render_imports_no_other_command_s_modules(tmp_path):
    """`layout render` of a page imports the modules of no other command (each command's
    module is imported when it is asked for: group.COMMAND_MODULES) nor what they run:
    the batch, the importer and intake, pin, the PNG preview and its pdfium, fontTools;
    nor compiles the patterns of what the page never met (a word broken by its syllables
    or letters, a dateline: hyphen._compiled, normalize._dateline)."""
    heavy = ("layout.cli.batching", "layout.cli.drafting", "layout.cli.reading",
             "layout.batch", "layout.importer", "layout.intake", "layout.pin",
             "layout.render.preview", "pypdfium2", "docx", "fontTools", "dask")
    code = ("import sys\n"
            "from layout.cli import main\n"
            "try:\n"
            f"    main(['render', {str(SAMPLE)!r}, '-o', {str(tmp_path / 'p.pdf')!r}])\n"
            "except SystemExit as done:\n"
            "    assert not done.code, done.code\n"
            f"print([m for m in {heavy!r} if m in sys.modules], 'layout.cli.rendering' in sys.modules)\n"
            "from layout.text import hyphen, normalize\n"
            "print(hyphen._compiled.cache_info().currsize, "
            "normalize._dateline.cache_info().currsize)\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["[]", "True", "0", "0"]


def test_each_command_is_registered_by_the_module_the_group_imports_for_it():
    from layout.cli.group import COMMAND_MODULES, registered

    registered()
    assert {name: command.callback.__module__ for name, command in main.commands.items()} \
        == {name: f"layout.cli.{module}" for name, module in COMMAND_MODULES.items()}


def test_a_page_short_of_copy_says_by_how_much_beside_its_holes(one_paragraph, tmp_path):
    """The holes of a page with no text over come with how far the page is from full: the
    page total `layout fit` gives (a newspaper prints no blank)."""
    manifest = one_paragraph("只有一段正文。" * 12)
    result = CliRunner().invoke(main, ["render", str(manifest), "-o", str(tmp_path / "p.pdf")])
    assert result.exit_code == 0 and "blank hole" in result.output
    total = CliRunner().invoke(main, ["fit", str(manifest)]).output
    room = re.search(r"page: holds \d+ 字, room for \d+ 字: \+(\d+) 字", total).group(1)
    assert f"the page is about {room} 字 short of full" in result.output
