"""Errors a user can act on: each names the file, the line and what to do."""
from __future__ import annotations

from pathlib import Path

# Exit codes of the command line.
EXIT_BAD_INPUT = 2  # a manifest, template or font problem: nothing was written
EXIT_OVERFLOW = 3  # text did not fit the page (written only with --allow-overflow)
EXIT_HOLES = 4  # with --strict: the page has a blank hole (天窗); nothing was written


# Characters a terminal would act on rather than show: controls (NUL, ESC, BEL, …; a newline
# stays), the line and paragraph separators, and the marks that reorder text right to left.
_UNSHOWN = {c: f"\\x{c:02x}" for c in range(32) if c != 10}
_UNSHOWN.update({c: f"\\x{c:02x}" for c in range(0x7F, 0xA0)})
_UNSHOWN.update({c: f"\\u{c:04x}" for c in (0x061C, 0x200E, 0x200F, 0x2028, 0x2029,
                                          *range(0x202A, 0x202F), *range(0x2066, 0x206A))})


def shown(text: str) -> str:
    """`text` safe to print in a message: every such character written as its escape."""
    return text.translate(_UNSHOWN)


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
        return shown(text)


class MissingGlyphError(LayoutError):
    """Characters that no shipped face can draw."""


class Skipped(LayoutError):
    """Raised past an item whose mistake is already gathered (`source.gathered`): the item
    is left out and reading goes on with the next one."""

    def __init__(self):
        super().__init__("(a mistake already reported)")


class Mistakes(LayoutError):
    """Every mistake found in one reading of a file, reported together: each with its
    file, line and what to do, so that one run shows them all."""

    def __init__(self, errors: list[LayoutError], more: bool = False):
        # each file's in the order of its lines, the files in the order they were read
        files = list(dict.fromkeys(e.file for e in errors))
        self.errors = sorted(errors, key=lambda e: (files.index(e.file), e.line or 0))
        self.more = more
        first = self.errors[0]
        super().__init__(first.message, first.file, first.line, first.hint)

    def _format(self) -> str:
        parts = [LayoutError._format(e) for e in self.errors]
        if len(self.errors) > 1 or self.more:
            parts.append(f"({len(self.errors)}{' or more' if self.more else ''} mistakes: "
                         "put them all right, then run again)")
        return "\n".join(parts)
