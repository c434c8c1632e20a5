"""Never lose a file: an output is never an input, devices stay devices, temporaries belong
to their process, and two batches never write into one folder."""
from __future__ import annotations

import os
import stat
import subprocess
import sys

from click.testing import CliRunner
from PIL import Image

from layout.batch import LOCK_NAME, locked_outdir
from layout.cli import main
from layout.output import _host, write_atomically

PAGE = """\
manifest: 1
paper: 测试报
date: 2021-03-04
page: 2
template: {template}
articles:
  - headline: 标题
    region: {{columns: 1-2, lines: 1-20}}
    images:
      - {{columns: 1-1, line: 1, lines: 4, file: {picture}}}
    body:
      - 一段正文，整段写在一行里。
"""


def page(tmp_path, name="issue.yaml", template="base", picture="cover.png"):
    """A manifest with a picture (and its PNG file) in tmp_path."""
    Image.new("RGB", (400, 300), "#336699").save(tmp_path / picture)
    path = tmp_path / name
    path.write_text(PAGE.format(template=template, picture=picture), encoding="utf-8")
    return path


def render(*args):
    return CliRunner().invoke(main, ["render", *map(str, args)])


def test_render_refuses_to_write_over_its_own_inputs(tmp_path):
    manifest = page(tmp_path)
    before = manifest.read_bytes()
    for target in (manifest, tmp_path / "cover.png"):
        result = render(manifest, "-o", target)
        assert result.exit_code == 2 and "would overwrite the input" in result.output
    assert manifest.read_bytes() == before
    assert Image.open(tmp_path / "cover.png").size == (400, 300)
    # the PNG preview beside the PDF would replace the page's picture cover.png
    cover = page(tmp_path, name="cover.yaml")
    result = render(cover, "--png")
    assert result.exit_code == 2 and "PNG preview" in result.output
    assert not (tmp_path / "cover.pdf").exists()


def test_render_refuses_its_template_a_pdf_named_manifest_and_two_equal_outputs(tmp_path):
    template = tmp_path / "mine.yaml"
    template.write_text("extends: base\nname: mine\n", encoding="utf-8")
    manifest = page(tmp_path, template="mine.yaml")
    result = render(manifest, "-o", template)
    assert result.exit_code == 2 and "mine.yaml" in result.output
    assert template.read_text(encoding="utf-8").startswith("extends")
    odd = page(tmp_path, name="odd.pdf")  # a manifest named .pdf: its default output is itself
    result = render(odd)
    assert result.exit_code == 2 and odd.read_text(encoding="utf-8").startswith("manifest")
    result = render(manifest, "-o", tmp_path / "x.png", "--png")  # PDF and PNG one file
    assert result.exit_code == 2 and "PNG preview" in result.output
    assert not (tmp_path / "x.png").exists()
    link = tmp_path / "link.yaml"
    os.link(manifest, link)  # another name, the same file
    assert render(manifest, "-o", link).exit_code == 2


def test_devices_stay_devices_and_dash_is_standard_output(tmp_path):
    manifest = page(tmp_path)
    assert render(manifest, "-o", "/dev/null").exit_code == 0
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    result = subprocess.run([sys.executable, "-m", "layout.cli", "render", str(manifest), "-o",
                             "-"], capture_output=True)
    assert result.returncode == 0 and result.stdout.startswith(b"%PDF-")
    assert result.stdout.rstrip().endswith(b"%%EOF")
    assert not list(tmp_path.glob("*.pdf")) and not (tmp_path / "-").exists()
    assert render(manifest, "-o", "-", "--png").exit_code == 2


def test_a_symlinked_output_replaces_its_target_and_keeps_the_link(tmp_path):
    manifest = page(tmp_path)
    target = tmp_path / "real.pdf"
    target.write_bytes(b"%PDF-1.4 an old page")
    link = tmp_path / "link.pdf"
    link.symlink_to(target)
    assert render(manifest, "-o", link).exit_code == 0
    assert link.is_symlink() and target.read_bytes().startswith(b"%PDF-")


def test_options_are_checked_before_any_work(tmp_path):
    manifest = page(tmp_path)
    out = tmp_path / "p.pdf"
    for dpi in ("0", "-5", "nan", "inf", "1e5"):
        result = render(manifest, "-o", out, "--png", "--png-dpi", dpi)
        assert result.exit_code == 2 and "--png-dpi" in result.output, dpi
        assert not out.exists()


def test_temporaries_of_dead_processes_go_and_live_ones_stay(tmp_path):
    target = tmp_path / "page.pdf"
    dead = tmp_path / f".page.pdf.{_host()}-{2 ** 22 + 7}.abc_1234.tmp"  # no such process
    live = tmp_path / f".page.pdf.{_host()}-{os.getpid()}.def_1234.tmp"  # this one, running
    other = tmp_path / f".page.pdf.otherhost-{2 ** 22 + 7}.ghi_1234.tmp"  # another machine's
    for path in (dead, live, other):
        path.write_bytes(b"x" * 10)
    write_atomically(target, b"%PDF-new")
    assert target.read_bytes() == b"%PDF-new"
    assert not dead.exists() and live.exists() and other.exists()


def test_a_second_batch_into_the_same_folder_is_refused(tmp_path):
    manifest = page(tmp_path)
    out = tmp_path / "out"
    with locked_outdir(out):
        result = CliRunner().invoke(main, ["batch", str(manifest), "-o", str(out), "-j", "1"])
        assert result.exit_code == 2 and "another layout batch" in result.output
        assert not (out / "report.jsonl").exists() and not (out / "issue.pdf").exists()
    result = CliRunner().invoke(main, ["batch", str(manifest), "-o", str(out), "-j", "1"])
    assert result.exit_code == 0 and (out / "issue.pdf").exists()
    assert (out / LOCK_NAME).read_text() == ""  # released


def test_batch_refuses_a_report_over_an_input_and_bad_folders(tmp_path):
    manifest = page(tmp_path)
    before = manifest.read_bytes()
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["batch", str(manifest), "-o", str(out), "--report",
                                       str(manifest)])
    assert result.exit_code == 2 and "report" in result.output
    assert manifest.read_bytes() == before
    result = CliRunner().invoke(main, ["batch", str(manifest), "-o", str(manifest)])
    assert result.exit_code == 2 and "is a file" in result.output
    result = CliRunner().invoke(main, ["batch", str(manifest), "-o", str(out), "--report",
                                       str(tmp_path)])
    assert result.exit_code == 2 and "is a folder" in result.output


def test_an_empty_body_item_is_an_error_not_the_word_none(tmp_path):
    manifest = tmp_path / "empty.yaml"
    manifest.write_text(PAGE.replace("      - 一段正文", "      -\n      - 一段正文").format(
        template="base", picture="cover.png"), encoding="utf-8")
    Image.new("RGB", (40, 30)).save(tmp_path / "cover.png")
    result = render(manifest, "-o", tmp_path / "p.pdf")
    assert result.exit_code == 2 and "empty.yaml:12" in result.output
    assert "found nothing" in result.output and not (tmp_path / "p.pdf").exists()


def test_impossible_grid_lengths_are_refused_with_their_line(tmp_path):
    for key, value in (("column_width", ".nan"), ("gutter", ".inf"), ("column_width", "0"),
                       ("gutter", "-1字"), ("column_width", "-13字")):
        template = tmp_path / "t.yaml"
        template.write_text(f"extends: base\nname: t\ngrid:\n  columns: 8\n  {key}: {value}\n",
                            encoding="utf-8")
        manifest = page(tmp_path, template="t.yaml")
        result = render(manifest, "-o", tmp_path / "p.pdf")
        assert result.exit_code == 2 and "t.yaml:5" in result.output, (key, value, result.output)
        assert not (tmp_path / "p.pdf").exists()


def test_a_file_of_another_kind_is_never_written_over(tmp_path):
    """`-o story.txt` where a reporter's text is: the text is kept, nothing written; and an
    import's manifest is never written under a PDF's name."""
    manifest = page(tmp_path)
    story = tmp_path / "story.txt"
    story.write_text("记者的稿子", encoding="utf-8")
    result = render(manifest, "-o", story)
    assert result.exit_code == 2 and "is there and is not a PDF: it is kept" in result.output
    assert story.read_text(encoding="utf-8") == "记者的稿子"
    png = tmp_path / "p.png"
    png.write_text("not a picture", encoding="utf-8")
    result = render(manifest, "-o", tmp_path / "p.pdf", "--png")
    assert result.exit_code == 2 and "is not a PNG" in result.output
    assert not (tmp_path / "p.pdf").exists()
    result = CliRunner().invoke(main, ["import", str(story), "-o", str(tmp_path / "x.pdf")])
    assert result.exit_code == 2 and "a manifest is YAML, not a PDF" in result.output
    assert not (tmp_path / "x.pdf").exists()
