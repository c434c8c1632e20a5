"""A batch job reads each of its page's files once, and its digest is of those bytes; a
worker's parsed templates are kept by their files' bytes (layout/reads.py)."""
from __future__ import annotations

import collections
import os
from pathlib import Path

from PIL import Image as PILImage

import layout.reads as reads
from layout import templates
from layout.batch import DIGEST_SUFFIX, Job, render_job
from layout.batch import task as batch_task
from layout.batch.digest import job_digest, job_options, loaded_digest
from layout.pipeline import load, render_issue

PAGE = """\
manifest: 1
paper: 测试报
date: 2021-03-04
page: 1
template: mine.yaml
articles:
  - region: {columns: 1-3, lines: 1-40}
    images: [{columns: 1-2, lines: 8, file: photo.png}]
    body: [第一段正文：党员冲在一线、干在一线，在抗击疫情中冲锋在前，在复工复产中硬核担当。]
  - region: {columns: 4-6, lines: 1-40}
    body: {file: story.txt}
"""


def folder_of_a_page(tmp_path: Path) -> Path:
    """A manifest naming a template chain of two files of its folder, a picture and a body
    text file: every kind of file a page is made from."""
    (tmp_path / "parent.yaml").write_text("extends: base\nheadline_gap: 2行\n",
                                          encoding="utf-8")
    (tmp_path / "mine.yaml").write_text("extends: parent.yaml\nbody:\n  indent: 2字\n",
                                        encoding="utf-8")
    PILImage.new("RGB", (300, 200), "#123456").save(tmp_path / "photo.png")
    (tmp_path / "story.txt").write_text("第二篇的正文，从文本文件读来。\n", encoding="utf-8")
    manifest = tmp_path / "page.yaml"
    manifest.write_text(PAGE, encoding="utf-8")
    return manifest


def rewrite_keeping_size_and_time(path: Path, old: str, new: str) -> None:
    """The file's text with `old` replaced by `new` (as long), its size and modification
    time as they were: a change a cache keyed by (size, mtime) would not see."""
    assert len(old.encode()) == len(new.encode())
    before = path.stat()
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size


def test_a_template_changed_between_two_jobs_of_a_worker_gives_the_new_page(tmp_path):
    manifest = folder_of_a_page(tmp_path)
    first = Job(manifest, tmp_path / "out" / "first.pdf")
    assert render_job(first).status == "done"
    assert load(manifest).templates[0].indent == 18.0  # 2字 of 9 pt
    rewrite_keeping_size_and_time(tmp_path / "mine.yaml", "indent: 2字", "indent: 3字")
    second = Job(manifest, tmp_path / "out" / "second.pdf")
    assert render_job(second).status == "done"
    assert load(manifest).templates[0].indent == 27.0
    # the page a process that never saw the old template makes
    templates._LOADED.clear()
    fresh = render_issue(manifest).pdf
    assert second.output.read_bytes() == fresh != first.output.read_bytes()
    # and a change to the template it extends, in the same way
    rewrite_keeping_size_and_time(tmp_path / "parent.yaml", "headline_gap: 2行",
                                  "headline_gap: 4行")
    assert load(manifest).templates[0].headline_gap_lines == 4


def test_a_job_reads_each_file_of_its_page_once(tmp_path, monkeypatch):
    manifest = folder_of_a_page(tmp_path)
    assert render_job(Job(manifest, tmp_path / "out" / "warm.pdf")).status == "done"
    counted: collections.Counter = collections.Counter()
    read_file = reads.read_file

    def counting(path, limit=-1):
        counted[Path(path).name] += 1
        return read_file(path, limit)

    for module in ("layout.source", "layout.templates", "layout.manifest.blocks"):
        monkeypatch.setattr(f"{module}.read_file", counting)
    assert render_job(Job(manifest, tmp_path / "out" / "page.pdf"), force=True).status == "done"
    # (the template's chain ends in the shipped base.yaml; the picture is read by the
    # picture's check and the render, not as text)
    assert counted == {"page.yaml": 1, "mine.yaml": 1, "parent.yaml": 1, "base.yaml": 1,
                       "story.txt": 1}


def test_the_digest_changes_with_every_input_and_is_of_the_bytes_read(tmp_path):
    manifest = folder_of_a_page(tmp_path)
    job = Job(manifest, tmp_path / "out" / "page.pdf")

    def digest(allow_overflow: bool = False, output: str | None = None) -> str:
        with reads.recorded() as read:
            loaded = load(manifest)
        after = loaded_digest(job, loaded, read, job_options(allow_overflow, False, output))
        # the same as the digest taken from the files found without loading the page
        # (a Dask client's), and as the files read again after it is made
        before = job_digest(job, allow_overflow, False, output)
        assert after.value == before.value == after.again()
        assert len(read) == 5  # the manifest, three templates, the text; not the picture
        return after.value

    seen = {digest()}
    changes = [(manifest, "第一段", "第1段"), (tmp_path / "mine.yaml", "2字", "1字"),
               (tmp_path / "parent.yaml", "2行", "3行"), (tmp_path / "story.txt", "第二篇", "第2篇")]
    for path, old, new in changes:
        rewrite_keeping_size_and_time(path, old, new) if len(old.encode()) == len(
            new.encode()) else path.write_text(path.read_text(encoding="utf-8").replace(
                old, new), encoding="utf-8")
        seen.add(digest())
    PILImage.new("RGB", (300, 200), "#654321").save(tmp_path / "photo.png")
    seen.add(digest())
    seen.add(digest(allow_overflow=True))
    seen.add(digest(output="print"))
    assert len(seen) == 8  # each change its own digest


def test_a_manifest_saved_while_its_page_is_made_is_made_again(tmp_path, monkeypatch):
    manifest = folder_of_a_page(tmp_path)
    job = Job(manifest, tmp_path / "out" / "page.pdf")
    real_load = batch_task.load

    def load_then_save(path):
        loaded = real_load(path)  # the page is made from this text …
        manifest.write_text(PAGE.replace("第一段", "改过的第一段"), encoding="utf-8")
        return loaded  # … while the file on the disk is newer

    monkeypatch.setattr(batch_task, "load", load_then_save)
    assert render_job(job).status == "done"
    monkeypatch.undo()
    sidecar = job.output.with_name(job.output.name + DIGEST_SUFFIX)
    assert sidecar.read_text(encoding="utf-8").split("\n")[0] == "-"  # not up to date
    assert render_job(job).status == "done"  # made again, of the text as saved
    assert render_job(job).status == "skipped"
    assert "改过的第一段" in "".join(render_issue(manifest).layout.text().split())


def test_a_file_read_twice_and_changed_between_is_recorded_as_changed(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"one")
    with reads.recorded() as outer:
        with reads.recorded() as inner:
            reads.read_file(path)
        assert inner == {path: reads.digest(b"one")}
        reads.read_file(path)
        assert outer == {path: reads.digest(b"one")}
        path.write_bytes(b"two")
        reads.read_file(path)
        path.write_bytes(b"one")
        reads.read_file(path)
    assert outer == {path: reads.CHANGED}
    reads.read_file(path)  # nothing records outside the block
    assert outer == {path: reads.CHANGED}
