"""Hostile and careless use, round 2 (issue 25): the commands added since the first round
(import, fit, batch --import, print, previews) never lose a file, never hang, never print a
traceback, and say what went wrong in words. Each test is one case of the issue, named in
its docstring."""
from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from layout.cli import main
from layout.batch import LOCK_NAME
from layout.output import alive, _host, write_atomically
from test_hostile import manifest

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "tests" / "data" / "seeds" / "004_ca8ae608e85ef6a0.txt"
PAGE_HEAD = "manifest: 1\npaper: 测试报\ndate: 2021-03-04\npage: 2\ntemplate: base\n"


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


def test_a_batch_report_never_overwrites_a_pages_file(tmp_path):
    """Case 3: `batch in/page.yaml -o out --report in/house.yaml`."""
    folder = tmp_path / "in"
    folder.mkdir()
    house = folder / "house.yaml"
    shutil.copy(REPO / "templates" / "base.yaml", house)
    manifest = page(folder)
    manifest.write_text(manifest.read_text("utf-8").replace("template: base",
                                                            "template: house.yaml"), "utf-8")
    before = digest(house)
    result = run("batch", manifest, "-o", tmp_path / "out", "--report", house)
    assert result.exit_code == 2
    assert "house.yaml: the report (--report) would overwrite this file, which is not a " \
           "batch's report" in result.output
    assert digest(house) == before and not (tmp_path / "out").exists()
    ok = run("batch", manifest, "-o", tmp_path / "out", "--report", tmp_path / "r.jsonl", "-j1")
    assert ok.exit_code == 0  # and a report is replaced by the next batch's
    assert run("batch", manifest, "-o", tmp_path / "out", "--report", tmp_path / "r.jsonl",
               "-j1").exit_code == 0


def test_batch_import_keeps_a_manifest_it_did_not_write(tmp_path):
    """Case 4: `batch arch --import -o arch` beside an existing arch/p1.yaml."""
    arch = tmp_path / "arch"
    arch.mkdir()
    seed(arch, "p1.txt")
    seed(arch, "p2.txt")
    mine = arch / "p1.yaml"
    mine.write_text("# the editor's own page\n", encoding="utf-8")
    before = digest(mine)
    result = run("batch", arch, "--import", "-o", arch, "-j", "1")
    assert result.exit_code == 1
    assert "a manifest is there that this batch did not write" in result.output
    assert digest(mine) == before and not (arch / "p1.pdf").exists()
    assert (arch / "p2.pdf").exists()
    # its own draft, unedited, is the batch's to replace; edited, it is kept
    draft = arch / "p2.yaml"
    again = run("batch", arch, "--import", "-o", arch, "-j", "1", "--force")
    assert "p2" not in again.output.split("failed:")[-1]
    draft.write_text(draft.read_text("utf-8") + "# corrected\n", encoding="utf-8")
    edited = digest(draft)
    run("batch", arch, "--import", "-o", arch, "-j", "1", "--force")
    assert digest(draft) == edited


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text().rpartition(")")[2].split()
            except OSError:
                continue
            if int(stat[1]) == pid:
                found.add(int(entry.name))
    return found


def test_killed_batch_workers_die_with_it_and_the_resume_runs(tmp_path):
    """Case 6: `kill -9` of `batch -j 2`: its workers go, the next batch is not refused."""
    pages = tmp_path / "in"
    pages.mkdir()
    for n in range(40):
        page(pages, f"p{n}.yaml")
    out = tmp_path / "out"
    batch = subprocess.Popen([sys.executable, "-m", "layout.cli", "batch", str(pages), "-o",
                              str(out), "-j", "2"], stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    workers: set[int] = set()
    while len(workers) < 2 and time.monotonic() < deadline:
        workers = _children(batch.pid)
        time.sleep(0.05)
    assert len(workers) >= 2
    batch.kill()
    batch.wait()
    while workers and time.monotonic() < deadline:
        workers = {w for w in workers if alive(w)}
        time.sleep(0.05)
    assert not workers, "workers outlived their batch"
    resumed = run("batch", pages, "-o", out, "-j", "1")
    assert resumed.exit_code == 0, resumed.output
    assert len(list(out.glob("*.pdf"))) == 40


def test_a_lock_whose_holder_is_gone_is_taken_over(tmp_path):
    """Case 6: a lock held by what a dead batch left (its pid recorded) is taken over."""
    out = tmp_path / "out"
    out.mkdir()
    (out / LOCK_NAME).write_text(f"process {2 ** 22 + 7}\n")
    holder = subprocess.Popen([sys.executable, "-c", "import fcntl, sys, time; "
                               f"f = open({str(out / LOCK_NAME)!r}, 'a'); "
                               "fcntl.flock(f, fcntl.LOCK_EX); print(1, flush=True); "
                               "time.sleep(30)"], stdout=subprocess.PIPE)
    try:
        holder.stdout.readline()
        result = run("batch", page(tmp_path), "-o", out, "-j", "1")
        assert result.exit_code == 0, result.output
        assert (out / "page.pdf").exists()
    finally:
        holder.kill()
        holder.wait()


def test_workers_are_never_more_than_the_jobs(tmp_path, monkeypatch):
    """Case 9: `-j 100000` on 2 pages starts 2 workers, within seconds; -j 0 is refused."""
    import layout.batch

    started = []
    real = layout.batch.workers.ProcessPoolExecutor

    def counted(max_workers, **kwargs):
        started.append(max_workers)
        return real(max_workers=max_workers, **kwargs)

    monkeypatch.setattr(layout.batch.workers, "ProcessPoolExecutor", counted)
    pages = [page(tmp_path, "a.yaml"), page(tmp_path, "b.yaml")]
    result = run("batch", *pages, "-o", tmp_path / "out", "-j", "100000")
    assert result.exit_code == 0 and started == [2]
    assert layout.batch.max_workers() == 4 * (os.cpu_count() or 1)
    zero = run("batch", *pages, "-o", tmp_path / "out", "-j", "0")
    assert zero.exit_code == 2 and "-j" in zero.output


# -- tracebacks ------------------------------------------------------------------------------


def test_a_read_only_output_folder_or_report_is_said_in_words(tmp_path, monkeypatch):
    """Case 13: batch into a read-only folder, or with a read-only --report (as root, who
    writes anywhere, the refusals the file system would give are made by hand)."""
    if os.geteuid() == 0:
        import builtins

        real_mkdir, real_open = Path.mkdir, builtins.open

        def mkdir(self, *args, **kwargs):
            if "ro" in self.parts:
                raise PermissionError(13, "Permission denied", str(self))
            return real_mkdir(self, *args, **kwargs)

        def open_(file, mode="r", *args, **kwargs):
            written = set(mode) & set("wa+")
            if written and str(file).endswith(("ro/.layout-batch.lock", "r.jsonl")):
                raise PermissionError(13, "Permission denied", str(file))
            return real_open(file, mode, *args, **kwargs)

        monkeypatch.setattr(Path, "mkdir", mkdir)
        monkeypatch.setattr(builtins, "open", open_)
    manifest = page(tmp_path)
    locked = tmp_path / "ro"
    os.mkdir(locked)
    locked.chmod(0o500)
    try:
        result = run("batch", manifest, "-o", locked, "-j", "1")
        assert result.exit_code == 1 and result.exception is None or \
            isinstance(result.exception, SystemExit)
        assert f"error: cannot write {locked}" in result.output
        assert "Permission denied" in result.output
        report = tmp_path / "r.jsonl"
        report.write_text("")
        report.chmod(0o400)
        result = run("batch", manifest, "-o", tmp_path / "out", "--report", report, "-j", "1")
        assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
        assert f"cannot write {report}: Permission denied" in result.output
    finally:
        locked.chmod(0o700)


def test_a_full_disk_under_the_report_is_said_in_words(tmp_path):
    """Case 14: the report on a full disk (/dev/full: every write fails ENOSPC)."""
    result = run("batch", page(tmp_path), "-o", tmp_path / "out", "--report", "/dev/full",
                 "-j", "1")
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    assert "cannot write" in result.output and "No space left on device" in result.output


def test_the_report_cannot_be_the_output_folder(tmp_path):
    """Case 15: `--report out -o out`, out not there yet."""
    out = tmp_path / "out"
    result = run("batch", page(tmp_path), "-o", out, "--report", out, "-j", "1")
    assert result.exit_code == 2 and isinstance(result.exception, SystemExit)
    assert "the report (--report) is a folder" in result.output


def test_a_dask_address_that_is_wrong_or_unreachable_is_said_in_words(tmp_path, monkeypatch):
    """Case 16: a mistyped address at once, an unreachable scheduler within its bound."""
    pytest.importorskip("distributed")
    import layout.batch

    monkeypatch.setattr(layout.batch.cluster, "DASK_CONNECT_SECONDS", 1)
    manifest = page(tmp_path)
    for address in ("foo:::bar", "tcp://127.0.0.1:9"):
        result = run("batch", manifest, "-o", tmp_path / "out", "--dask", address)
        assert result.exit_code == 2 and isinstance(result.exception, SystemExit), address
        assert f"--dask {address}: no scheduler there" in result.output
        assert "tcp://HOST:8786" in result.output


# -- wrong output ----------------------------------------------------------------------------


def test_a_manifest_saved_while_it_renders_is_not_recorded_up_to_date(tmp_path, monkeypatch):
    """Case 23: the PDF of the old manifest is never recorded with the new one's digest."""
    import layout.batch

    manifest = page(tmp_path)
    real = layout.batch.task.make_page

    def saved_meanwhile(*args, **kwargs):
        real(*args, **kwargs)
        manifest.write_text(manifest.read_text("utf-8").replace("一段正文。", "改过的正文。"),
                            encoding="utf-8")

    monkeypatch.setattr(layout.batch.task, "make_page", saved_meanwhile)
    out = tmp_path / "out"
    assert run("batch", manifest, "-o", out, "-j", "1").exit_code == 0
    monkeypatch.setattr(layout.batch.task, "make_page", real)
    again = run("batch", manifest, "-o", out, "-j", "1")
    assert [json.loads(line)["status"] for line in
            (out / "report.jsonl").read_text().splitlines()] == ["done"]
    assert "改过的正文" in run("text", manifest).output
    assert again.exit_code == 0


def test_templates_beside_the_pages_are_not_pages(tmp_path):
    """Case 25: `batch site/` with a templates/ folder inside."""
    site = tmp_path / "site"
    (site / "templates").mkdir(parents=True)
    shutil.copy(REPO / "templates" / "base.yaml", site / "templates" / "house.yaml")
    page(site)
    result = run("batch", site, "-o", tmp_path / "out", "-j", "1")
    assert result.exit_code == 0, result.output
    assert [p.name for p in (tmp_path / "out").rglob("*.pdf")] == ["page.pdf"]


def test_one_report_for_two_batches_at_once_is_refused(tmp_path):
    """Case 28: the second batch writing the same report is refused, the first's whole."""
    report = tmp_path / "r.jsonl"
    with open(report, "a") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        result = run("batch", page(tmp_path), "-o", tmp_path / "out", "--report", report,
                     "-j", "1")
    assert result.exit_code == 2
    assert "another layout batch is writing this report" in result.output


def test_an_import_list_that_names_itself_is_refused(tmp_path):
    """Case 29: an --import .list naming itself."""
    seed(tmp_path, "p1.txt")
    listing = tmp_path / "pages.list"
    listing.write_text("p1.txt\npages.list\n", encoding="utf-8")
    result = run("batch", listing, "--import", "-o", tmp_path / "out")
    assert result.exit_code == 2
    assert "pages.list:2: the list names itself" in result.output
    assert not (tmp_path / "out").exists()


def test_values_nested_hundreds_deep_are_an_error_with_their_line(tmp_path):
    """Case 12: 500–998 levels, flow and block: file:line and exit 2; --watch goes on."""
    from layout.cli import render_once, watch_inputs

    for depth in (500, 998):
        deep = tmp_path / f"deep{depth}.yaml"
        deep.write_text(PAGE_HEAD + "articles: " + "[" * depth + "]" * depth + "\n",
                        encoding="utf-8")
        result = run("render", deep)
        assert result.exit_code == 2 and isinstance(result.exception, SystemExit)
        assert f"deep{depth}.yaml:6: values are nested more than 50 levels deep" in \
            result.output
        block = tmp_path / f"block{depth}.yaml"
        block.write_text(PAGE_HEAD + "".join(" " * n + "a:\n" for n in range(depth)),
                         encoding="utf-8")
        result = run("render", block)
        assert result.exit_code == 2 and "levels deep" in result.output
    codes = []

    def once():
        code, inputs = render_once(deep, tmp_path / "w.pdf", False, False, False, False, 100)
        codes.append(code)
        return code, inputs

    watch_inputs(deep, once, sleep=lambda _: deep.touch(), rounds=3)  # saved while watched
    assert codes and set(codes) == {2}


def test_unquoted_numbers_are_read_as_written_where_the_field_is_text(tmp_path):
    """Case 19: `2020.10`, `0755`, `010`, `1e3` in a page name, a headline, a caption, an
    issue number."""
    from layout.manifest import load_issue

    path = tmp_path / "n.yaml"
    path.write_text(PAGE_HEAD.replace("page: 2", "page: 2\nissue: 010\npage_name: 2020.10")
                    + "articles:\n  - headline: 0755\n    region: {columns: 1-2, lines: 1-20}\n"
                      "    images: [{aspect: 4:3, caption: 1e3, columns: 1-2, lines: 3}]\n"
                      "    body:\n      - 010\n", encoding="utf-8")
    issue = load_issue(path)
    assert (issue.page_name, issue.issue_number) == ("2020.10", 10)
    from layout.source import grid_range, read_yaml

    ranges = tmp_path / "r.yaml"
    ranges.write_text("a: 010\nb: 07\n", encoding="utf-8")
    read = read_yaml(ranges).value
    assert grid_range(read["a"], False) == (10, 10) and grid_range(read["b"], True) == (7, 7)
    assert issue.articles[0].headline.main == "0755"
    assert issue.articles[0].images[0].caption == "1e3"
    dump = run("render", path, "--dump", "-o", tmp_path / "n.pdf").output
    assert "2020.10" in dump and "| 0755 ¶" in dump and "| 010 ¶" in dump


def test_a_raw_text_given_as_a_manifest_or_a_list_gets_a_hint(tmp_path):
    """Case 35: `batch page.txt` without --import; `render page.txt` echoes no whole text."""
    source = seed(tmp_path, "page.txt")
    result = run("batch", source, "-o", tmp_path / "out")
    assert result.exit_code == 2 and len(result.output) < 400
    assert "page.txt:3: none of its" in result.output and "--import" in result.output
    rendered = run("render", source)
    assert rendered.exit_code == 2 and len(rendered.output) < 400
    assert "characters)" in rendered.output and "`layout import`" in rendered.output


def test_a_preview_is_bounded_in_pixels_before_any_work(tmp_path):
    """Case 10: `--grid --png-dpi 1200` on a 对开 page: refused at once, nothing written."""
    manifest = page(tmp_path)  # base: 对开, 390 × 540 mm
    result = run("render", manifest, "--grid", "--png-dpi", "1200")
    assert result.exit_code == 2
    assert "--png-dpi 1200 makes a preview of 470 million pixels of this 390 × 540 mm page" \
        in result.output and "give --png-dpi 442 or less" in result.output
    assert not list(tmp_path.glob("*.p*"))
    from layout.render.preview import preview_problem

    mm = 72 / 25.4
    assert preview_problem(390 * mm, 540 * mm, 442) is None
    assert preview_problem(390 * mm, 540 * mm, 443) is not None


def test_the_dump_and_the_pdf_are_never_mixed_on_standard_output(tmp_path):
    """Case 26: `-o - --dump`."""
    result = run("render", page(tmp_path), "-o", "-", "--dump")
    assert result.exit_code == 2 and "%PDF" not in result.output
    assert "--dump prints the lines" in result.output


def test_an_output_ending_with_a_slash_is_a_folder(tmp_path):
    """Case 27: `-o pages/` (not there yet) → pages/page.pdf; import alike."""
    manifest = page(tmp_path)
    result = run("render", manifest, "-o", f"{tmp_path}/pages/")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "pages" / "page.pdf").read_bytes().startswith(b"%PDF-")
    assert run("render", manifest, "-o", tmp_path / "pages").exit_code == 0  # it exists now
    made = run("import", seed(tmp_path), "-o", f"{tmp_path}/drafts/")
    assert made.exit_code == 0 and (tmp_path / "drafts" / "p.yaml").is_file()


def test_a_preview_that_cannot_be_written_is_named_not_the_pdf(tmp_path, monkeypatch):
    """Case 34: the PNG fails on a full disk after the PDF was written."""
    import layout.render.preview

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(layout.render.preview, "write_previews", full)
    out = tmp_path / "page.pdf"
    result = run("render", page(tmp_path), "--png", "-o", out)
    assert result.exit_code == 1
    assert f"wrote {out}" in result.output
    assert f"cannot write the preview beside {out}: No space left on device" in result.output
    assert f"cannot write {out}" not in result.output and out.exists()


def test_small_messages_say_what_is_wrong(tmp_path):
    """Case 38: `templates /no/such/folder`, a template cycle by bare name, a file where a
    folder is expected."""
    missing = run("templates", tmp_path / "nosuch")
    assert missing.exit_code == 2 and "nosuch: no such folder" in missing.output
    (tmp_path / "house.yaml").write_text("extends: house\nname: house\n", encoding="utf-8")
    manifest = page(tmp_path)
    manifest.write_text(manifest.read_text("utf-8").replace("template: base",
                                                            "template: house"), "utf-8")
    cycle = run("render", manifest)
    assert cycle.exit_code == 2
    assert "house.yaml:1: extends: templates extend each other in a circle: house.yaml → " \
           "house.yaml" in cycle.output and "not found" not in cycle.output
    (tmp_path / "afile").write_text("x")
    result = run("render", page(tmp_path, "ok.yaml"), "-o", tmp_path / "afile" / "x.pdf")
    assert result.exit_code == 2
    assert "afile is a file, where the folder of" in result.output
    batch = run("batch", manifest, "-o", tmp_path / "afile" / "sub")
    assert batch.exit_code == 1 and "Not a directory" in batch.output


def _damaged_profile(folder: Path) -> Path:
    """The shipped profile with a sound header and tag table over damaged data."""
    data = bytearray((REPO / "profiles" / "uncoated-fogra29-240.icc").read_bytes())
    tags = int.from_bytes(data[128:132], "big")
    data[132 + 12 * tags:] = b"\xab" * (len(data) - 132 - 12 * tags)
    path = folder / "bad.icc"
    path.write_bytes(bytes(data))
    return path


def test_a_damaged_print_profile_is_named_with_its_template_line(tmp_path):
    """Case 11: a profile with a valid header and damaged data (render and batch)."""
    from PIL import Image as PILImage

    _damaged_profile(tmp_path)
    (tmp_path / "pt.yaml").write_text("extends: base\nname: pt\nprint: {profile: bad.icc, "
                                      "condition: X}\n", encoding="utf-8")
    PILImage.new("RGB", (400, 300), "#336699").save(tmp_path / "pic.png")
    manifest = tmp_path / "pm.yaml"
    manifest.write_text(PAGE_HEAD.replace("template: base", "template: pt.yaml")
                        + "articles:\n  - headline: 标题\n    region: {columns: 1-2, lines: "
                          "1-20}\n    images: [{file: pic.png, columns: 1-2, lines: 8}]\n"
                          "    body: [正文。]\n", encoding="utf-8")
    words = "pt.yaml:3: print.profile: bad.icc is damaged: no colour can be converted"
    result = run("render", manifest, "--print")
    assert result.exit_code == 2 and isinstance(result.exception, SystemExit)
    assert words in result.output and not (tmp_path / "pm.pdf").exists()
    batch = run("batch", manifest, "--print", "-o", tmp_path / "out", "-j", "1")
    assert batch.exit_code == 1 and words in batch.output
    assert "internal error" not in batch.output


def test_a_phone_photo_stands_as_its_exif_says_and_bad_exif_is_quiet(tmp_path):
    """Case 22: EXIF Orientation 6 (stored sideways) prints upright; a damaged EXIF block
    prints as stored, without the imaging library's warnings."""
    import warnings

    import pikepdf
    from PIL import Image as PILImage

    from layout.pictures import picture_size

    stored = PILImage.new("RGB", (400, 300), "#336699")
    exif = PILImage.Exif()
    exif[0x0112] = 6
    stored.save(tmp_path / "phone.jpg", exif=exif.tobytes())
    stored.save(tmp_path / "bad.jpg", exif=b"Exif\x00\x00II*\x00\x08\x00\x00\x00\x05\x00"
                                           b"\x12\x01\x03\x00\xff\xff\xff\x7f\x00\x00\x00\x00")
    assert picture_size(tmp_path / "phone.jpg") == (300, 400)
    for name, size in (("phone.jpg", (300, 400)), ("bad.jpg", (400, 300))):
        manifest = tmp_path / f"{name}.yaml"
        manifest.write_text(PAGE_HEAD + "articles:\n  - headline: 标题\n    region: "
                            "{columns: 1-4, lines: 1-40}\n    images: [{file: " + name
                            + ", fit: contain, columns: 1-4, lines: 30}]\n    body: [正文。]\n",
                            encoding="utf-8")
        out = tmp_path / f"{name}.pdf"
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            result = run("render", manifest, "-o", out)
        assert result.exit_code == 0, result.output
        assert not [w for w in caught if "EXIF" in str(w.message) or "tag" in
                    str(w.message)], [str(w.message) for w in caught]
        with pikepdf.open(out) as pdf:
            images = [pikepdf.PdfImage(x) for x in pdf.pages[0].get_images().values()]
        assert [(i.width, i.height) for i in images] == [size]


def test_a_header_line_too_long_is_an_error_not_one_half_over_the_other(tmp_path):
    """Case 18: `editors:` of 49 characters in the 报眉 of a news-tabloid page."""
    path = tmp_path / "ed.yaml"
    sample = (REPO / "issues" / "2020-11-27-p1-laomo-jingshen.yaml").read_text("utf-8")
    lines = sample.split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("page_name:"))
    lines.insert(at + 1, "editors: 责任编辑 " + "王" * 44)
    path.write_text("\n".join(lines), encoding="utf-8")
    result = run("render", path, "-o", tmp_path / "ed.pdf")
    assert result.exit_code == 2
    assert f"ed.yaml:{at + 2}: the header line (报眉) does not hold" in result.output
    assert "shorten `editors:`" in result.output and not (tmp_path / "ed.pdf").exists()
    lines[at + 1] = "editors: 责任编辑 王小明"
    path.write_text("\n".join(lines), encoding="utf-8")
    result = run("render", path, "-o", tmp_path / "ed.pdf", "--dump")
    assert result.exit_code == 0 and "责任编辑 王小明" in result.output


def test_a_line_broken_against_the_rules_names_its_paragraphs_manifest_line(tmp_path):
    """Case 36: the note names the manifest's line of the paragraph, and the grid line."""
    path = manifest(tmp_path, body="正文。\n      - 一段" + "W" * 40 + "正文。")
    result = run("render", path, "-o", tmp_path / "o.pdf")
    assert result.exit_code == 0
    notes = [line for line in result.output.splitlines() if "broken against" in line]
    assert notes and all("article 1, the paragraph on line 11, grid line " in note
                         for note in notes), notes


def test_control_characters_are_shown_escaped_in_messages(tmp_path):
    """Case 37: NUL, ESC and a right-to-left override never reach the terminal raw."""
    path = tmp_path / "ctl.yaml"
    path.write_text(PAGE_HEAD + 'articles:\n  - headline: 标题\n    "re\\egion\\u202e": 1\n'
                    '    body: [正文。]\n  - "x\\0\\e[2J"\n', encoding="utf-8")
    result = run("render", path)
    assert result.exit_code == 2
    assert "re\\x1bgion\\u202e" in result.output and "'x\\x00\\x1b[2J'" in result.output
    assert not any(c in result.output for c in "\x00\x1b\u202e")


def test_an_import_of_many_pages_pasted_into_one_text_is_refused_in_seconds(tmp_path):
    """Case 8: 360 kB (40 pages in one file) and 3.9 MB (under the 4 MB limit)."""
    seeds = "".join(p.read_text("utf-8") for p in sorted(SEED.parent.glob("*.txt")))
    for size in (360_000, 3_900_000):
        source = tmp_path / f"{size}.txt"
        source.write_text(seeds * (size // len(seeds.encode())), encoding="utf-8")
        result = run("import", source)
        assert result.exit_code == 2 and isinstance(result.exception, SystemExit)
        assert f"{size}.txt: the text has " in result.output
        assert "pages' worth" in result.output and "one file per page" in result.output
        assert not source.with_suffix(".yaml").exists()


def test_the_mistakes_of_a_page_are_said_together(tmp_path):
    """Case 32: mistakes the template tells (regions off the grid, a character no face has)
    and those the setting tells of the other articles (articles too short for what they
    hold), all in one run: five mistakes, one run (the manifest's own were one run
    already); put right, the first two leave the other three, said again."""
    from PIL import Image as PILImage

    PILImage.new("RGB", (400, 300), "#336699").save(tmp_path / "pic.png")
    path = tmp_path / "m5.yaml"
    articles = [("标题😀", "1-12", "1-20", ""), ("标题二", "3-4", "1-200", ""),
                ("{main: 标题三, size: 300pt}", "5-6", "1-10", ""),
                ("{main: 标题四, size: 300pt}", "7-8", "1-10", ""),
                ("标题五", "1-1", "50-60", "    images: [{file: pic.png, columns: 1-1, "
                                          "lines: 500}]\n")]

    def write(items):
        path.write_text(PAGE_HEAD + "articles:\n" + "".join(
            f"  - headline: {head}\n    region: {{columns: {cols}, lines: {lines}}}\n{more}"
            "    body: [正文。]\n" for head, cols, lines, more in items), encoding="utf-8")

    write(articles)
    first = run("render", path)
    assert first.exit_code == 2 and "(6 mistakes: put them all right" in first.output
    assert "m5.yaml: line 7: no shipped font has 😀" in first.output
    assert "m5.yaml:7: article 1: region columns 1-12" in first.output
    assert "m5.yaml:10: article 2: region columns 3-4, lines 1-200" in first.output
    for line, what in ((13, "headline group"), (16, "headline group"), (19, "picture")):
        assert f"m5.yaml:{line}: article {(line - 7) // 3 + 1}: its {what}" in first.output
    articles[0] = ("标题", "1-2", "1-20", "")
    articles[1] = ("标题二", "3-4", "1-20", "")
    write(articles)
    second = run("render", path)
    assert second.exit_code == 2 and "(3 mistakes: put them all right" in second.output
    for line, what in ((13, "headline group"), (16, "headline group"), (19, "picture")):
        assert f"m5.yaml:{line}: article {(line - 7) // 3 + 1}: its {what}" in second.output


FOUR = """\
  - headline: 第一篇
    region: {columns: 1-4, lines: 1-20}
    body: [第一篇的正文。]
  - headline: 第二篇
    region: {columns: 5-8, lines: 1-20}
    byline: [不是, 文字]
    body: [第二篇的正文。]
  - headline: 第三篇
    region: {columns: 1-5, lines: 22-40}
    body: [第三篇的正文。]
  - headline: 第四篇
    region: {columns: 5-8, lines: 22-40}
    body: [第四篇的正文。]
"""


def said_in_one_run(path: Path, out: Path, *said: str) -> None:
    """Rendering `path` to `out` writes nothing and says each of `said` (a line's
    beginning, after `path:`), and no more mistakes, in one run."""
    result = run("render", path, "-o", out)
    assert result.exit_code == 2 and not out.exists()
    for words in said:
        assert f"{path}:{words}" in result.output
    assert f"({len(said)} mistakes: put them all right" in result.output


def test_the_manifest_s_and_the_placement_s_mistakes_are_said_in_one_run(tmp_path):
    """Case 32 across stages: a value's mistake in article 2 and articles 3 and 4 that
    overlap, in one run; article 2 (left out of the page for its mistake) has a stand-in,
    so the overlap names articles 3 and 4 as the manifest numbers them."""
    path = tmp_path / "page.yaml"
    path.write_text(PAGE_HEAD + "articles:\n" + FOUR, encoding="utf-8")
    result = run("render", path, "-o", tmp_path / "p.pdf")
    assert result.exit_code == 2 and not (tmp_path / "p.pdf").exists()
    assert result.output.splitlines() == [
        f"error: {path}:12: articles[2].byline: expected text, got a list",
        "  → put the text after the colon; quote it if it looks like a number or yes/no",
        f"{path}:17: article 4 overlaps article 3 (line 14)",
        "  → give the articles regions that do not share a column and line",
        "(2 mistakes: put them all right, then run again)"]
    # an article that is no mapping at all stands in too; a stand-in keeps its place as
    # written (article 2 overlapping article 1 is said), not one its mistakes made up
    path.write_text(PAGE_HEAD + "articles:\n" + FOUR.replace(
        "columns: 5-8, lines: 1-20", "columns: 4-8, lines: 1-20").replace(
        "  - headline: 第三篇\n", "  - 第三篇\n  - headline: 第三篇\n"), encoding="utf-8")
    output = run("render", path).output
    assert f"{path}:10: article 2 overlaps article 1 (line 7)" in output
    assert f"{path}:14: articles[3]: expected an article" in output
    assert f"{path}:18: article 5 overlaps article 4 (line 15)" in output
    assert "(4 mistakes: put them all right" in output
    path.write_text(PAGE_HEAD + "articles:\n" + FOUR.replace(
        "columns: 5-8, lines: 1-20", "columns: 5-8, lines: x"), encoding="utf-8")
    output = run("render", path).output
    assert f"{path}:11: articles[2].region.lines: 'x' is not a range" in output
    assert "overlaps article 2" not in output and "(3 mistakes" in output


def test_an_issue_s_pages_mistakes_are_said_in_one_run(tmp_path):
    """Every page of an issue read and placed in one run: a mistake of page 1's article
    and of page 2's article and places together."""
    path = tmp_path / "issue.yaml"
    first = "  - template: base\n    articles:\n      - headline: 一版\n        pictre: 1\n" \
            "        body: [正文。]\n"
    second = "  - template: base\n    articles:\n" + "".join(
        "    " + line + "\n" for line in FOUR.splitlines())
    path.write_text("manifest: 1\npaper: 测试报\ndate: 2021-03-04\npages:\n" + first
                    + second, encoding="utf-8")
    said_in_one_run(path, tmp_path / "i.pdf", "8: pages[1].articles[1].pictre: unknown key",
                    "17: pages[2].articles[2].byline: expected text",
                    "22: article 4 overlaps article 3 (line 19)")


def test_the_mistakes_of_an_issue_s_pages_layouts_are_said_in_one_run(tmp_path):
    """A page's placement mistake (a region off the grid) does not keep the next page's
    setting mistake (a headline too tall for its region) from being said in the same run."""
    path = tmp_path / "issue.yaml"
    page = ("  - template: base\n    articles:\n      - headline: {head}\n"
            "        region: {{columns: {columns}, lines: 1-10}}\n        body: [正文。]\n")
    path.write_text("manifest: 1\npaper: 测试报\ndate: 2021-03-04\npages:\n"
                    + page.format(head="一版", columns="1-12")
                    + page.format(head="{main: 二版, size: 300pt}", columns="5-6"),
                    encoding="utf-8")
    said_in_one_run(path, tmp_path / "i.pdf", "7: article 1: region columns 1-12",
                    "12: article 1: its headline group")


def test_the_manifest_s_mistakes_and_the_setting_s_are_said_in_one_run(tmp_path):
    """Case 32 from reading to setting: a value's mistake in article 2 and article 3's
    headline too tall for its region, in one run (every article pinned: the page is set
    without article 2)."""
    path = tmp_path / "page.yaml"
    path.write_text(PAGE_HEAD + "articles:\n" + FOUR.replace(
        "  - headline: 第三篇\n    region: {columns: 1-5, lines: 22-40}",
        "  - headline: {main: 第三篇, size: 300pt}\n    region: {columns: 1-2, lines: 22-30}"),
        encoding="utf-8")
    said_in_one_run(path, tmp_path / "p.pdf", "12: articles[2].byline: expected text",
                    "14: article 3: its headline group")


@pytest.mark.parametrize("command", [["render"], ["fit"], ["text"]])
@pytest.mark.parametrize("given", ["", 'template: ""\n', "template: ' '\n"])
def test_a_manifest_without_a_template_is_a_mistake_not_a_crash(tmp_path, command, given):
    """A page that names no template (`template:` missing, as in a manifest begun by hand,
    or blank) is refused with exit 2 and each mistake at its line, no traceback, no PDF;
    the template's absence is said once (not again as a template named '')."""
    path = tmp_path / "page.yaml"
    path.write_text(f"manifest: 1\npaper: 测试报\ndate: 2024-05-01\npage: 1\n{given}articles:\n"
                    "  - headline: 题\n    body: [正文。]\n", encoding="utf-8")
    result = run(*command, path, *(["-o", tmp_path / "page.pdf"] if command == ["render"]
                                   else []))
    assert result.exit_code == 2, result.output
    assert (f"{path}:5: template: is empty" if given else
            f"{path}:1: template: missing in an issue manifest") in result.output
    assert "Traceback" not in result.output and "''" not in result.output
    assert not (tmp_path / "page.pdf").exists()
