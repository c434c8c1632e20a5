"""Shared fixtures: a synthetic measure for engine tests, manifests written on the fly."""
from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "issues" / "2020-07-01-p3-fenjin-lushang.yaml"


def fresh_pdf(manifest: Path, folder: Path) -> bytes:
    """The PDF a fresh process makes of `manifest` (`layout render` in a process of its
    own): a render compared with it shares none of this process's caches, so a stale entry
    of one keyed by all it is made from cannot hide (a render compared with one of the same
    process would share it)."""
    out = folder / f"{manifest.stem}-fresh.pdf"
    subprocess.run([sys.executable, "-m", "layout.cli", "render", str(manifest), "-o",
                    str(out)], check=True, capture_output=True)
    return out.read_bytes()


def em_measure(char: str) -> tuple[str, float]:
    """A font where every ideograph and full-width mark is 1 em and everything else ½ em."""
    return ("test", 0.5 if ord(char) < 0x2000 else 1.0)


@pytest.fixture
def write_manifest(tmp_path):
    """Write a manifest (YAML text, dedented) into tmp_path and return its path."""
    def write(text: str, name: str = "issue.yaml") -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
        return path
    return write


MINIMAL = """\
manifest: 1
paper: 测试报
date: 2021-03-04
page: 2
template: base
articles:
  - headline: 标题
    region: {{columns: 1-2, lines: 1-20}}
    body:
      - {body}
"""


@pytest.fixture
def one_paragraph(write_manifest):
    """A manifest with one article of one paragraph in columns 1–2, lines 1–20."""
    def write(body: str) -> Path:
        return write_manifest(MINIMAL.format(body=body))
    return write
