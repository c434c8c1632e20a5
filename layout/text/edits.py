"""The text normalize works on (text/normalize.py): each character of the original with what
it has become, and every change recorded at its offset in the original; the character
classes its rules read."""
from __future__ import annotations

from ..frozen import frozen
from .chars import MARKS, CharClass, char_class

ASCII_SPACES = " \t"
IDEOGRAPHIC_SPACE = "\u3000"
LOST = "□"  # a character the source lost (the 缺字 mark of Chinese proofs)


@frozen
class Change:
    """One edit: `before` at `offset` of the original text became `after`."""

    offset: int
    before: str
    after: str
    reason: str
    warning: bool = False  # a guess the editor should look at (quotes paired again)


def chinese(char: str | None) -> bool:
    """A Han character or a full-width mark: the context that makes ASCII marks Chinese."""
    if char is None:
        return False
    if char == LOST:  # (it stands for a Chinese character)
        return True
    cls = char_class(char)
    return cls is CharClass.IDEOGRAPHIC or (cls in MARKS and ord(char) > 0x2000)


def space(char: str) -> bool:
    return char in ASCII_SPACES or char == IDEOGRAPHIC_SPACE


class EditedText:
    """The text being cleaned: `chars[i]` is what the original character i has become (""
    when it went, several characters when a run was joined into its first), so every change
    is recorded at its offset in the original."""

    def __init__(self, text: str):
        self.original = text
        self.chars = list(text)
        self.changes: dict[int, Change] = {}  # by offset: the original and what it became

    def set(self, i: int, new: str, reason: str, warning: bool = False,
            before: str | None = None) -> None:
        earlier = self.changes.get(i)
        if earlier is not None:  # (changed twice: one change from the original)
            before, reason = earlier.before, f"{earlier.reason}; {reason}"
            warning = warning or earlier.warning
        elif before is None:
            before = self.chars[i]
        self.changes[i] = Change(i, before, new, reason, warning)
        self.chars[i] = new

    def before(self, i: int, skip_spaces: bool = False) -> str | None:
        """The last character before position i as the text now stands."""
        j = i - 1
        while j >= 0:
            now = self.chars[j]
            if now and not (skip_spaces and space(now[-1])):
                return now[-1]
            j -= 1
        return None

    def after(self, i: int, skip_spaces: bool = False) -> str | None:
        """The first character after position i as the text now stands."""
        j = i + 1
        while j < len(self.chars):
            now = self.chars[j]
            if now and not (skip_spaces and space(now[0])):
                return now[0]
            j += 1
        return None

    def run(self, i: int) -> int:
        """The end of the run of the character at position i (characters gone skipped)."""
        j = i + 1
        while j < len(self.chars) and self.chars[j] in ("", self.chars[i]):
            j += 1
        while self.chars[j - 1] == "":
            j -= 1
        return j

    def join(self, i: int, j: int, new: str, reason: str) -> None:
        """Positions i..j (a run) become `new`, recorded once at i."""
        before = "".join(self.chars[i:j])
        for k in range(i + 1, j):
            self.chars[k] = ""
        self.set(i, new, reason, before=before)

    def result(self) -> tuple[str, list[Change]]:
        return "".join(self.chars), [self.changes[i] for i in sorted(self.changes)]
