"""Errors a user can act on: each names the file, the line and what to do."""
from __future__ import annotations

from pathlib import Path

# Exit codes of the command line.
EXIT_BAD_INPUT = 2  # a manifest, template or font problem: nothing was written
EXIT_OVERFLOW = 3  # text did not fit the page (written only with --allow-overflow)
EXIT_HOLES = 4  # with --strict: the page has a blank hole (天窗); nothing was written


class LayoutError(Exception):
    """A problem in the user's input. `str()` is the whole message, ready to print."""

    exit_code = EXIT_BAD_INPUT

    def __init__(self, message: str, file: Path | str | None = None, line: int | None = None,
                 hint: str | None = None):
        self.file = Path(file) if file is not None else None
        self.line = line
        self.message = message
        self.hint = hint
        super().__init__(self._format())

    def _format(self) -> str:
        where = ""
        if self.file is not None:
            where = f"{self.file}:{self.line}: " if self.line else f"{self.file}: "
        text = f"{where}{self.message}"
        if self.hint:
            text += f"\n  → {self.hint}"
        return text


class MissingGlyphError(LayoutError):
    """Characters that no shipped face can draw."""
