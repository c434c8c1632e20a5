"""Hostile and careless use, round 2 (issue 25): the commands added since the first round
(import, fit, batch --import, print, previews) never lose a file, never hang, never print a
traceback, and say what went wrong in words. Each test is one case of the issue, named in
its docstring."""
from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

from click.testing import CliRunner

from layout.cli import main
from layout.output import _host, write_atomically
from test_hostile import manifest

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "tests" / "data" / "seeds" / "004_ca8ae608e85ef6a0.txt"


def run(*args, **kwargs):
    return CliRunner().invoke(main, [str(a) for a in args], **kwargs)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def page(folder: Path, name: str = "page.yaml") -> Path:
    return manifest(folder, name)


def seed(folder: Path, name: str = "p.txt") -> Path:
    path = folder / name
    shutil.copy(SEED, path)
    return path


# -- data loss -------------------------------------------------------------------------------


def test_import_never_writes_over_the_template_it_reads(tmp_path, monkeypatch):
    """Case 1: `import p.txt --template house.yaml -o house.yaml`."""
    monkeypatch.chdir(tmp_path)
    source = seed(tmp_path)
    house = tmp_path / "house.yaml"
    shutil.copy(REPO / "templates" / "news-tabloid.yaml", house)
    before = digest(house)
    result = run("import", source, "--template", "house.yaml", "-o", "house.yaml")
    assert result.exit_code == 2, result.output
    assert "would overwrite the input" in result.output and "house.yaml" in result.output
    assert digest(house) == before


def test_import_keeps_a_manifest_an_editor_corrected(tmp_path):
    """Case 2: `layout import page.txt` run again keeps the corrected page.yaml unless
    --force is given."""
    source = seed(tmp_path, "page.txt")
    assert run("import", source).exit_code == 0
    manifest = tmp_path / "page.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8") + "# corrected\n",
                        encoding="utf-8")
    before = digest(manifest)
    again = run("import", source)
    assert again.exit_code == 2
    assert "page.yaml: the manifest exists" in again.output and "--force" in again.output
    assert digest(manifest) == before
    forced = run("import", source, "--force")
    assert forced.exit_code == 0 and digest(manifest) != before


def test_a_users_tmp_file_beside_the_output_is_never_removed(tmp_path):
    """Case 5: `.page.pdf.notes.tmp`, an hour old, is not a temporary file of ours."""
    target = tmp_path / "page.pdf"
    mine = [tmp_path / ".page.pdf.notes.tmp", tmp_path / f".page.pdf.{_host()}.tmp",
            tmp_path / f".page.pdf.{_host()}-{2 ** 22 + 7}.notes.tmp"]
    for path in mine:
        path.write_bytes(b"the user's notes")
        os.utime(path, (1, 1))  # 1970: as stale as a file gets
    write_atomically(target, b"%PDF-new")
    for path in mine:
        assert path.read_bytes() == b"the user's notes"
    ours = tmp_path / f".page.pdf.{_host()}-{2 ** 22 + 7}.k2j_x9a0.tmp"  # a dead render's
    ours.write_bytes(b"x")
    write_atomically(target, b"%PDF-again")
    assert not ours.exists()


# -- unclear messages ------------------------------------------------------------------------


def test_import_errors_name_the_text_and_templates_are_found_from_here(tmp_path, monkeypatch):
    """Case 30: no deleted temporary file in a message; --template from the cwd."""
    monkeypatch.chdir(tmp_path)
    source = seed(tmp_path)
    nosuch = run("import", source, "--template", "nosuch", "-o", "x.yaml")
    assert nosuch.exit_code == 2
    assert "--template nosuch: no such template" in nosuch.output
    assert "layout-import-" not in nosuch.output and not (tmp_path / "x.yaml").exists()
    missing = run("import", source, "--template", "gone.yaml", "-o", "x.yaml")
    assert missing.exit_code == 2 and "--template gone.yaml: no such file" in missing.output
    emoji = tmp_path / "e.txt"
    emoji.write_text("标题😀\n\n正文一段，写在这里。正文一段，写在这里。\n", encoding="utf-8")
    result = run("import", emoji, "-o", "e.yaml")
    assert result.exit_code == 2
    assert "e.txt: the page made from it cannot be set: line 10 of its draft: no shipped " \
           "font has 😀" in result.output
    assert "layout-import-" not in result.output
    shutil.copy(REPO / "templates" / "news-tabloid.yaml", tmp_path / "house.yaml")
    (tmp_path / "sub").mkdir()
    made = run("import", source, "--template", "house.yaml", "-o", "sub/p.yaml")
    assert made.exit_code == 0, made.output
    assert "template: ../house.yaml\n" in (tmp_path / "sub" / "p.yaml").read_text("utf-8")
    assert run("render", "sub/p.yaml").exit_code == 0


def test_ctrl_c_exits_130_for_render_import_and_fit(tmp_path, monkeypatch):
    """Case 33: an interrupt is exit 130 with words, not click's "Aborted!" and 1."""
    import layout.importer
    import layout.pipeline

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    manifest = page(tmp_path)
    monkeypatch.setattr(layout.pipeline, "layout_loaded", interrupted)
    monkeypatch.setattr(layout.importer, "fill", interrupted)
    for args in (["render", manifest], ["fit", manifest], ["import", seed(tmp_path)]):
        result = run(*args)
        assert result.exit_code == 130, (args, result.output)
        assert "interrupted" in result.output and "Aborted" not in result.output
    assert not (tmp_path / "page.pdf").exists() and not (tmp_path / "p.yaml").exists()
