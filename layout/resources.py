"""Where the shipped fonts, templates, colour profile and word segmenter's data are,
installed or in a checkout.

In the repository they live at the top level (`fonts/`, `templates/`, `profiles/`,
`words/`); an install puts them inside the package (`layout/fonts`, `layout/templates`,
`layout/profiles`, `layout/words`, see pyproject.toml), so a normal install works from any
folder.
"""
from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _data_dir(name: str) -> Path:
    for candidate in (_PACKAGE / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"layout's {name}/ folder is missing: reinstall layout")


def fonts_dir() -> Path:
    return _data_dir("fonts")


def templates_dir() -> Path:
    return _data_dir("templates")


def profiles_dir() -> Path:
    return _data_dir("profiles")


def words_dir() -> Path:
    return _data_dir("words")
