"""The user guide's examples (docs/guide/) stay true: each renders, full, and the script that
makes the guide's pictures from them runs."""
from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from layout import layout_issue

DOCS = Path(__file__).resolve().parent.parent / "docs"
EXAMPLES = sorted((DOCS / "guide").glob("*.yaml"))


def test_every_example_has_its_picture_in_the_guide():
    guide = (DOCS / "guide.md").read_text(encoding="utf-8")
    shown = set(re.findall(r"\]\(guide/(\w+)\.png\)", guide))
    assert {p.stem for p in EXAMPLES} <= shown
    assert all((DOCS / "guide" / f"{name}.png").is_file() for name in shown)


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_an_example_renders_what_its_picture_shows(example):
    page = layout_issue(example)
    assert not page.overflow
    assert "free below" not in page.usage[0], page.usage  # its text fills what it shows


def test_the_pictures_script_crops_a_real_render():
    spec = importlib.util.spec_from_file_location("pictures", DOCS / "pictures.py")
    pictures = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(pictures)
    image = pictures.picture(DOCS / "guide" / "grid.yaml", guides=True, whole=False)
    width, height = image.size
    assert 0 < width < 800 and 0 < height < 600  # the two articles, not the page
    # the guides are drawn: the module frames' magenta is among the pixels
    colours = {c for _, c in image.convert("RGB").getcolors(1 << 20)}
    assert any(r > 200 and g < 80 and b > 120 for r, g, b in colours)
