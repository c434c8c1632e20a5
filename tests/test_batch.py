"""layout batch: mirrored output tree, isolated failures, report, incremental and resumable
runs, determinism across worker counts, and the same task on a Dask cluster."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import fresh_pdf

from layout.batch import DIGEST_SUFFIX, Job, collect, render_job, run_batch
from layout.cli import main
from layout.errors import LayoutError

REPO = Path(__file__).resolve().parent.parent
SMALL = """\
manifest: 1
paper: 测试报
date: 2021-03-{day:02d}
page: 1
template: base
articles:
  - region: {{columns: 1-2, lines: 1-30}}
    body:
      - 第{day}期的正文：党员冲在一线、干在一线，在抗击疫情中冲锋在前，在复工复产中硬核担当。
"""


def make_tree(root: Path, count: int = 4) -> Path:
    """root/in/a/…yaml and root/in/b/…yaml, one of them broken."""
    for folder in (root / "in" / "a", root / "in" / "b"):
        folder.mkdir(parents=True, exist_ok=True)
    for day in range(1, count + 1):
        folder = root / "in" / ("a" if day % 2 else "b")
        (folder / f"page-{day}.yaml").write_text(SMALL.format(day=day), encoding="utf-8")
    (root / "in" / "b" / "broken.yaml").write_text("paper: [\n", encoding="utf-8")
    return root / "in"


def report(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_collect_mirrors_folders_and_reads_lists(tmp_path):
    tree = make_tree(tmp_path)
    jobs = collect([tree], tmp_path / "out")
    assert sorted(str(j.output.relative_to(tmp_path / "out")) for j in jobs) == [
        "a/page-1.pdf", "a/page-3.pdf", "b/broken.pdf", "b/page-2.pdf", "b/page-4.pdf"]
    listing = tmp_path / "in" / "list.txt"
    listing.write_text("# pages\na/page-1.yaml\n\nb/page-2.yaml\n", encoding="utf-8")
    assert [str(j.output.relative_to(tmp_path / "out")) for j in
            collect([listing], tmp_path / "out")] == ["a/page-1.pdf", "b/page-2.pdf"]
    twice = collect([tree / "a" / "page-1.yaml", tree / "a" / "page-1.yaml"], tmp_path / "out")
    assert len(twice) == 1  # one file given twice is one job (issue 25, case 38)
    (tmp_path / "page-1.yaml").write_bytes((tree / "a" / "page-1.yaml").read_bytes())
    with pytest.raises(LayoutError, match="two manifests would write"):
        collect([tree / "a" / "page-1.yaml", tmp_path / "page-1.yaml"], tmp_path / "out")
    with pytest.raises(LayoutError, match="no such file"):
        collect([tmp_path / "nothing"], tmp_path / "out")


def test_batch_isolates_failures_and_reports_every_item(tmp_path):
    tree = make_tree(tmp_path)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["batch", str(tree), "-o", str(out), "-j", "2"])
    assert result.exit_code == 1  # one manifest is broken
    items = {Path(i["input"]).name: i for i in report(out / "report.jsonl")}
    assert len(items) == 5
    assert items["broken.yaml"]["status"] == "failed"
    assert "broken.yaml:2: YAML syntax" in items["broken.yaml"]["error"]
    done = [i for i in items.values() if i["status"] == "done"]
    assert len(done) == 4 and all(i["pages"] == 1 and i["seconds"] > 0 for i in done)
    assert (out / "a" / "page-3.pdf").read_bytes().startswith(b"%PDF-")
    assert not (out / "b" / "broken.pdf").exists()
    assert "failed" in result.output and "broken.yaml" in result.output


def test_rerun_skips_what_is_up_to_date(tmp_path):
    tree = make_tree(tmp_path)
    (tree / "b" / "broken.yaml").unlink()
    out = tmp_path / "out"
    assert CliRunner().invoke(main, ["batch", str(tree), "-o", str(out), "-j", "1"]).exit_code == 0
    first = (out / "a" / "page-1.pdf").read_bytes()
    assert CliRunner().invoke(main, ["batch", str(tree), "-o", str(out), "-j", "1"]).exit_code == 0
    assert {i["status"] for i in report(out / "report.jsonl")} == {"skipped"}
    # a changed manifest, and only it, is rendered again
    page3 = tree / "a" / "page-3.yaml"
    page3.write_text(page3.read_text(encoding="utf-8").replace("正文", "正文修改"), encoding="utf-8")
    CliRunner().invoke(main, ["batch", str(tree), "-o", str(out), "-j", "1"])
    status = {Path(i["input"]).name: i["status"] for i in report(out / "report.jsonl")}
    assert status == {"page-1.yaml": "skipped", "page-2.yaml": "skipped",
                      "page-3.yaml": "done", "page-4.yaml": "skipped"}
    CliRunner().invoke(main, ["batch", str(tree), "-o", str(out), "-j", "1", "--force"])
    assert {i["status"] for i in report(out / "report.jsonl")} == {"done"}
    assert (out / "a" / "page-1.pdf").read_bytes() == first  # deterministic


def test_template_change_invalidates(tmp_path):
    tree = make_tree(tmp_path, 1)
    (tree / "b" / "broken.yaml").unlink()
    template = tree / "a" / "mine.yaml"
    template.write_text("extends: base\nheadline_gap: 2行\n", encoding="utf-8")
    manifest = tree / "a" / "page-1.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace("template: base",
                                                                     "template: mine.yaml"),
                        encoding="utf-8")
    job = Job(manifest, tmp_path / "out" / "p.pdf")
    assert render_job(job).status == "done"
    assert render_job(job).status == "skipped"
    template.write_text("extends: base\nheadline_gap: 3行\n", encoding="utf-8")
    assert render_job(job).status == "done"


def test_outputs_identical_across_worker_counts(tmp_path):
    tree = make_tree(tmp_path)
    (tree / "b" / "broken.yaml").unlink()
    ctrl_c = signal.getsignal(signal.SIGINT)
    run_batch(collect([tree], tmp_path / "one"), tmp_path / "one.jsonl", workers=1)
    assert signal.getsignal(signal.SIGINT) is ctrl_c  # -j 1 runs here: Ctrl-C still stops it
    run_batch(collect([tree], tmp_path / "two"), tmp_path / "two.jsonl", workers=2)
    ones = sorted((tmp_path / "one").rglob("*.pdf"))
    assert len(ones) == 4
    for pdf in ones:
        assert pdf.read_bytes() == (tmp_path / "two" / pdf.relative_to(tmp_path / "one")).read_bytes()


def test_a_worker_keeps_what_its_last_job_set_and_makes_the_same_bytes(tmp_path):
    """A job whose page's articles the job before it set (another edition's date and
    number) takes the text it broke from it (task.kept: no paragraph broken again), and
    its PDF is a fresh process's, byte for byte; a page number the last job did not have
    is let go."""
    import layout.batch.task as task
    from layout.model import LineKind
    from layout.pipeline import layout, load, render

    task.forget()
    seed = (REPO / "issues" / "2020-07-01-p4-hongqi-dangzuzhi.yaml").read_text(encoding="utf-8")
    jobs = []
    for n, (date, page) in enumerate((("2020-07-01", 4), ("2020-07-02", 4), ("2020-07-03", 5))):
        manifest = tmp_path / f"p{n}.yaml"
        manifest.write_text(seed.replace("date: 2020-07-01", f"date: {date}")
                            .replace("\npage: 4", f"\npage: {page}"), encoding="utf-8")
        jobs.append(Job(manifest, tmp_path / "out" / f"p{n}.pdf"))
    assert render_job(jobs[0]).status == "done"
    cache = task.kept().text_cache(load(jobs[0].manifest).templates[0], task.shipped_fonts())
    broken = (dict(cache.lines), dict(cache.items))
    assert broken[0] and broken[1]
    assert render_job(jobs[1]).status == "done"  # its paragraphs broken by the job before
    assert (cache.lines, cache.items) == broken
    assert all(cache.lines[key] is lines for key, lines in broken[0].items())
    # (its page's body lines are those very lines: taken from the kept cache, not broken
    # again into a cache of its own)
    second = load(jobs[1].manifest)
    laid = task.kept().laid(second.edition.pages[0], second.templates[0],
                            task.shipped_fonts())
    assert laid is not None
    cached = {id(line.glyphs) for lines in cache.lines.values() for line in lines}
    body = [line for line in laid.lines if line.kind is LineKind.BODY]
    assert body and all(id(line.set_glyphs) in cached for line in body)
    assert render_job(jobs[2]).status == "done"
    # (page 4, which the last job did not have, let go: its layout and its make-up, which
    # is made afresh, nothing measured; page 5's kept)
    fifth = load(jobs[2].manifest).edition.pages[0]
    assert task.kept().laid(fifth, load(jobs[2].manifest).templates[0],
                            task.shipped_fonts()) is not None
    assert task.kept().laid(second.edition.pages[0], second.templates[0],
                            task.shipped_fonts()) is None
    assert task.kept().makeup(fifth).candidates
    assert not task.kept().makeup(second.edition.pages[0]).candidates
    for job in jobs:
        fresh = load(job.manifest)
        assert job.output.read_bytes() == render(layout(fresh), fresh,
                                                 task.shipped_fonts())
    # (and the job that took what the one before it kept: a process of its own, which
    # shares none of this one's caches)
    assert jobs[1].output.read_bytes() == fresh_pdf(jobs[1].manifest, tmp_path)
    task.forget()


def copies_of_a_seed_page(tmp_path: Path, count: int) -> tuple[Path, Path, list[str]]:
    """A folder of `count` copies of one seed page, an output folder, and the batch command."""
    tree = tmp_path / "in"
    tree.mkdir()
    for i in range(count):
        shutil.copy(REPO / "issues" / "2020-07-01-p4-hongqi-dangzuzhi.yaml", tree / f"p{i:02d}.yaml")
    out = tmp_path / "out"
    return tree, out, [sys.executable, "-m", "layout.cli", "batch", str(tree), "-o", str(out),
                       "-j", "2"]


def is_whole_pdf(path: Path) -> bool:
    data = path.read_bytes()
    return data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")


def test_killed_batch_leaves_no_partial_pdf_and_resumes(tmp_path):
    tree, out, command = copies_of_a_seed_page(tmp_path, 16)
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(list(out.glob("*.pdf"))) < 2:
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGKILL)  # the batch and its workers, mid-way
    process.wait()
    written = list(out.glob("*.pdf"))
    assert 2 <= len(written) < 16, "killed mid-way"
    assert all(is_whole_pdf(p) for p in written)
    # a page killed between its PDF and its digest sidecar is rendered again, not skipped
    finished = [p for p in written if p.with_name(p.name + DIGEST_SUFFIX).exists()]
    rerun = subprocess.run(command, capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    statuses = [i["status"] for i in report(out / "report.jsonl")]
    assert statuses.count("done") == 16 - statuses.count("skipped")
    assert statuses.count("skipped") >= len(finished)
    pdfs = sorted(out.glob("*.pdf"))
    assert len(pdfs) == 16 and all(is_whole_pdf(p) for p in pdfs)
    assert len({p.read_bytes()[-4000:] for p in pdfs}) == 1  # the same manifest, the same PDF
    assert not list(out.glob(".*.tmp"))


def test_the_same_task_runs_on_a_dask_cluster(tmp_path):
    distributed = pytest.importorskip("dask.distributed")
    tree = make_tree(tmp_path)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        outcomes = run_batch(collect([tree], tmp_path / "out"), tmp_path / "report.jsonl",
                             dask=cluster.scheduler_address)
    status = {Path(o.input).name: o.status for o in outcomes}
    assert status["broken.yaml"] == "failed"
    assert sorted(v for k, v in status.items() if k != "broken.yaml") == ["done"] * 4
    local = tmp_path / "local"
    run_batch(collect([tree], local), tmp_path / "local.jsonl", workers=1)
    assert (tmp_path / "out" / "a" / "page-1.pdf").read_bytes() == \
        (local / "a" / "page-1.pdf").read_bytes()


def test_ctrl_c_stops_soon_and_leaves_whole_pdfs(tmp_path):
    tree, out, command = copies_of_a_seed_page(tmp_path, 40)
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(list(out.glob("*.pdf"))) < 3:
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGINT)
    output, _ = process.communicate(timeout=60)
    assert process.returncode == 130 and "run the same command again" in output
    reported = len(report(out / "report.jsonl"))
    written = list(out.glob("*.pdf"))
    assert len(written) <= reported + 4  # at most two pages per worker were in flight
    assert len(written) < 40 and all(is_whole_pdf(p) for p in written)


def test_a_bug_or_a_full_disk_is_reported_as_such(tmp_path, monkeypatch):
    import layout.batch as batch

    manifest = tmp_path / "page.yaml"
    manifest.write_text(SMALL.format(day=1), encoding="utf-8")
    job = Job(manifest, tmp_path / "out" / "page.pdf")

    def broken(*args, **kwargs):
        raise KeyError("x")

    monkeypatch.setattr(batch.task, "layout", broken)
    failed = render_job(job)
    assert failed.status == "failed"
    assert failed.error.startswith(f"{manifest}: internal error, a bug in layout (KeyError")
    assert "please report it with this input" in failed.error
    monkeypatch.undo()

    def full(path, data):
        raise OSError(28, "No space left on device", str(path))

    monkeypatch.setattr(batch.task, "write_atomically", full)
    failed = render_job(job)
    assert failed.error == f"cannot write or read {job.output}: No space left on device"
    assert not job.output.exists()


def test_a_page_with_text_left_over_is_refused_or_reported_with_its_count(tmp_path):
    """Text left over: refused with its count of characters (spaces not counted), or with
    --allow-overflow made and the count in the report; one count (`model.left_over`)."""
    from layout import pipeline
    from layout.model import left_over
    from layout.text.chars import char_count

    page = tmp_path / "in" / "over.yaml"
    page.parent.mkdir()
    page.write_text(SMALL.format(day=1).replace("lines: 1-30", "lines: 1-3")
                    .replace("担当。", "担当，" + "党员冲在一线，" * 20 + "text left over。"),
                    encoding="utf-8")
    over = pipeline.layout(pipeline.load(page)).overflow
    count = sum(char_count(o.text) for o in over)
    assert over and count == left_over(over) and count < sum(len(o.text) for o in over)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["batch", str(page.parent), "-o", str(out)])
    item, = report(out / "report.jsonl")
    assert result.exit_code == 1 and item["status"] == "failed"
    assert f"text does not fit: {count} characters left over" in item["error"]
    CliRunner().invoke(main, ["batch", str(page.parent), "-o", str(out), "--allow-overflow"])
    item, = report(out / "report.jsonl")
    assert item["status"] == "done" and item["overflow"] == count
