"""Where a Latin word, web address, e-mail address or number wider than a line may break.

The line breaker asks only for a word that no line can hold (`wide.parted`); a
word that fits is never broken. Its own break points, best first:

* a web or e-mail address (it has `@`, `/`, `://` or a dot between letters, or starts with
  `www`): after `/`, `.`, `-` and `@` (never inside `//`), nothing drawn;
* any word: after a hyphen it has, between a letter and a digit, between two digits of a
  number (nothing drawn: a number is read on across the line);
* an English word (in small letters, or capitalised; not a code in capitals): where the
  en_US hyphenation patterns of pyphen allow, with a hyphen drawn at the line's end.

A piece still wider than a line is cut anywhere (the breaker's last resort, reported as
broken against the rules).
"""
from __future__ import annotations

import re
from functools import lru_cache

HYPHEN = "-"  # drawn at a line that ends inside a word broken by its syllables
_AFTER = frozenset("/.-@")


@lru_cache(maxsize=1)
def _compiled() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """What marks an address, and a word (capitals alone: a code, 缩写): compiled by the
    first word broken (a page seldom has one), ~3 M instructions at each start otherwise."""
    return (re.compile(r"@|/|://|[A-Za-z]\.[A-Za-z]|^www", re.IGNORECASE),
            re.compile(r"[A-Za-z]?[a-z]{4,}"))


@lru_cache(maxsize=1)
def _patterns():
    import pyphen  # noqa: PLC0415 (only a word wider than a line pays for it)
    return pyphen.Pyphen(lang="en_US")


@lru_cache(maxsize=512)
def break_points(word: str) -> dict[int, bool]:
    """Offsets inside `word` (0 < offset < len) where a line may end, each with whether a
    hyphen is drawn there."""
    points: dict[int, bool] = {}
    address_pattern, word_pattern = _compiled()
    address = bool(address_pattern.search(word))
    for i in range(1, len(word)):
        before, after = word[i - 1], word[i]
        if before in _AFTER and (address or before == "-") and after != before \
                and not (before == "/" and after == "/"):
            points[i] = False
        elif not address and (before.isdigit() != after.isdigit()) and \
                before.isalnum() and after.isalnum():
            points[i] = False  # a letter and a digit
        elif not address and before.isdigit() and after.isdigit():
            points[i] = False
    if not address:
        for match in word_pattern.finditer(word):
            for at in _patterns().positions(match.group()):
                points.setdefault(match.start() + at, True)
    return points
