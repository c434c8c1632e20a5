"""A bounded fuzz of manifests and templates built from the shapes careless and hostile
input takes: every run ends in a known exit code (never a traceback), within seconds, and
never writes to one of its inputs."""
from __future__ import annotations

import hashlib
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from layout.cli import main

WEIRD = st.sampled_from([
    "", "~", "null", ".nan", "-.inf", ".inf", "0", "-1", "1e308", "9" * 40, "2020-02-30",
    "!!int abc", "[]", "{}", "[1, 2]", "{a: 1}", "yes", "\"\"", "'  '", "😀", "\\x00",
    "1-99", "99-1", "3-rest", "0-2", "-5字", "1e9行", "0.00001pt", "5000mm", "初号", "4:3",
    "0:0", "aspect", "../../etc/passwd.yaml", "/dev/zero", "*missing",
])
TEXT = st.sampled_from(["正文。", "一段正文，写在一行里。", "Latin words and 2020 年", "（括号）“引号”"])
KEYS = {
    "headline": st.one_of(TEXT, WEIRD, st.just("{main: 主题, columns: 5-8}"),
                          st.just("{main: 主题, size: .nan}"),
                          st.just("{main: 初心“如磐”，使命——在肩！99, vertical: true}"),
                          st.just("{main: 通融达道 思源致远, vertical: left, size: 初号, "
                                  "kicker: 上汽通用汽车党委, subtitle: 记基层党建, "
                                  "reversed: true}"),
                          st.just("{main: 长长长长长长长长长长长长长长长长长长长长长长长长长长长长长"
                                  "长长长长, vertical: right, size: 100pt}"),
                          st.just("{main: 主题, vertical: sideways}")),
    "region": st.one_of(WEIRD, st.just("{columns: 1-2, lines: 1-20}"),
                        st.just("{columns: 1-9, lines: 1-rest}"),
                        st.just("{columns: 1-2, below: 1}")),
    "images": st.one_of(WEIRD, st.just("[{aspect: 4:3}]"), st.just("[{aspect: 0:3}]"),
                        st.just("[{columns: 1-1, lines: 3}]"), st.just("[{file: nothere.png}]")),
    "note": st.one_of(TEXT, WEIRD),
    "tint": st.sampled_from(["true", "\"#eef3fb\"", "pink", "[1]"]),
    "section": st.one_of(TEXT, WEIRD),
    "border": st.sampled_from(["double", "wavy", "dotted"]),
    "byline": st.one_of(TEXT, WEIRD),
}
TEMPLATE_KEYS = {
    "grid": st.sampled_from(["{columns: 8, column_width: .nan, gutter: 1字}",
                             "{columns: 0, column_width: 13字, gutter: 1字}",
                             "{columns: 6, column_width: 11字, gutter: -1字}",
                             "{columns: 6, column_width: 11字, gutter: 1字}"]),
    "body": st.sampled_from(["{face: song, size: 小五, line_gap: -1字}",
                             "{face: nosuchface, size: 小五, line_gap: 0.5字}",
                             "{face: song, size: .inf, line_gap: 0.5字}",
                             "{face: song, size: 小五, line_gap: 0.5字}"]),
    "headline_gap": st.sampled_from(["1行", "-3行", ".nan", "100行"]),
    "accent": st.sampled_from(["\"#c8161d\"", "0x1f4e9c", "red", "[1,2,3]"]),
    "output": st.sampled_from(["print", "screen", "press"]),
    "print": st.sampled_from(["{standard: PDF/X-1a:2001, bleed: 5mm, marks: false}",
                              "{ink_limit: 500%}", "{accent: [0, 100, 100]}",
                              "{profile: nothere.icc, condition: X}", "[1, 2]"]),
}


@st.composite
def pages(draw):
    articles = []
    for _ in range(draw(st.integers(1, 3))):
        lines = []
        for key, strategy in KEYS.items():
            if draw(st.integers(0, 3)) == 0:
                lines.append(f"    {key}: {draw(strategy)}")
        if not lines:
            lines.append(f"    headline: {draw(TEXT)}")
        body = draw(st.sampled_from([f"[{draw(TEXT)}]", draw(WEIRD), "[" + ", ".join(
            [draw(TEXT)] * 30) + ", {subhead: 小标题}, {quote: 引语}]", "[" + ", ".join(
            [draw(TEXT)] * 300) + "]"]))
        lines.append(f"    body: {body}")
        lines[0] = "  - " + lines[0].lstrip()
        articles.append("\n".join(lines))
    # mostly sound pages with one or two careless values, so that the fuzz reaches the
    # make-up, the flow and the PDF, not only the first check of the manifest
    top = {"date": draw(st.sampled_from(["2021-03-04"] * 6 + ["2020-02-30", "tomorrow"])),
           "page": draw(st.sampled_from(["2"] * 6 + ["0", "-1", "1e9", "two"]))}
    template = "\n".join(f"{k}: {draw(v)}" for k, v in TEMPLATE_KEYS.items()
                         if draw(st.integers(0, 5)) == 0)
    manifest = (f"manifest: 1\npaper: 测试报\ndate: {top['date']}\npage: {top['page']}\n"
                "template: t.yaml\narticles:\n" + "\n".join(articles) + "\n")
    return manifest, "extends: party-building\nname: t\n" + template + "\n"


@settings(max_examples=40, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture,
                                 HealthCheck.too_slow])
@given(page=pages())
def test_fuzzed_pages_end_in_a_known_exit_and_never_touch_their_inputs(tmp_path, page):
    manifest_text, template_text = page
    manifest = tmp_path / "m.yaml"
    template = tmp_path / "t.yaml"
    manifest.write_text(manifest_text, encoding="utf-8")
    template.write_text(template_text, encoding="utf-8")
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in (manifest, template)}
    out = tmp_path / "o.pdf"
    out.unlink(missing_ok=True)
    result = CliRunner().invoke(main, ["render", str(manifest), "-o", str(out)])
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        (manifest_text, template_text, result.output, result.exc_info)
    assert result.exit_code in (0, 2, 3), (manifest_text, template_text, result.output)
    if result.exit_code == 2:
        assert "error:" in result.output and ("m.yaml" in result.output
                                              or "t.yaml" in result.output), result.output
    assert (result.exit_code == 0) == out.exists()
    assert before == {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in before}


SOUND = """manifest: 1
paper: 测试报
date: 2021-03-04
page: 2
template: t.yaml
articles:
  - headline: 主题
    body: [一段正文，写在一行里。]
"""
# where a careless or hostile user sends the output: the inputs themselves (by name, by a
# symlink, by another spelling), a folder, a missing folder, a device, standard output
OUTPUTS = st.sampled_from(["o.pdf", "m.yaml", "t.yaml", "./m.yaml", "link.pdf", "sub",
                           "missing/o.pdf", "/dev/null", "-", "o.png", "m.png", "t.pdf"])


@settings(max_examples=30, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(output=OUTPUTS, png=st.booleans(), manifest_name=st.sampled_from(["m.yaml", "t.pdf"]))
def test_fuzzed_output_paths_never_write_to_an_input(tmp_path, monkeypatch, output, png,
                                                     manifest_name):
    monkeypatch.chdir(tmp_path)
    manifest = tmp_path / manifest_name
    manifest.write_text(SOUND, encoding="utf-8")
    (tmp_path / "t.yaml").write_text("extends: party-building\nname: t\n", encoding="utf-8")
    (tmp_path / "sub").mkdir(exist_ok=True)
    link = tmp_path / "link.pdf"
    if not link.is_symlink():
        link.symlink_to(manifest)
    inputs = [manifest, tmp_path / "t.yaml"]
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in inputs}
    args = ["render", manifest_name, "-o", output] + (["--png"] if png else [])
    result = CliRunner().invoke(main, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        (args, result.output, result.exc_info)
    assert result.exit_code in (0, 1, 2), (args, result.output)
    if result.exit_code:
        assert "error:" in result.output, (args, result.output)
    assert before == {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in inputs}, args
    assert link.is_symlink() and Path("/dev/null").is_char_device()
    assert not list(tmp_path.glob(".*.tmp*")), args  # no temporary file left behind
    if result.exit_code == 0 and output not in ("-", "/dev/null"):
        written = tmp_path / output
        if written.is_dir():  # a folder: the PDF in it, under the manifest's name
            written = written / Path(manifest_name).with_suffix(".pdf").name
        assert written.read_bytes().startswith(b"%PDF-"), args
