"""Rule 6 of normalize (text/normalize.py): straight quotes in Chinese text made curly and
paired; curly quotes typed the wrong way round paired again."""
from __future__ import annotations

from .edits import EditedText, chinese


def _apostrophe(t: EditedText, i: int) -> bool:
    before, after = t.before(i), t.after(i)
    return bool(before and after and before.isascii() and before.isalpha()
                and after.isascii() and after.isalpha())


def straight_quotes(t: EditedText) -> None:
    quotes: dict[str, list[int]] = {'"': [], "'": []}
    for i, c in enumerate(t.chars):
        if c in quotes and not (c == "'" and _apostrophe(t, i)):
            quotes[c].append(i)
    if "“" in t.chars or "”" in t.chars:
        quotes['"'] = [i for i in quotes['"'] if not _closes_curly(t, i)]
    for mark, (opening, closing) in (('"', "“”"), ("'", "‘’")):
        positions = quotes[mark]
        for first, second in zip(positions[0::2], positions[1::2]):
            inside = t.chars[first + 1:second]
            context = (chinese(t.before(first)) or chinese(t.after(second)) or
                       _han_in(inside))
            if context:
                t.set(first, opening, "straight quote in Chinese text")
                t.set(second, closing, "straight quote in Chinese text")


def _han_in(chars: list[str]) -> bool:
    return any(chinese(c[:1] or None) for c in chars)


def _closes_curly(t: EditedText, i: int) -> bool:
    """A straight quote that ends a quotation a curly one opened (“幸存者偏差"), or opens
    one a curly one closes ("幸存者偏差”), in Chinese text: made its curly partner."""
    quotes = frozenset("“”\"")  # (a set: a character gone is "", in every string)
    j = i - 1
    while j >= 0 and t.chars[j] not in quotes:
        j -= 1
    k = i + 1
    while k < len(t.chars) and t.chars[k] not in quotes:
        k += 1
    if j >= 0 and t.chars[j] == "“" and _han_in(t.chars[j + 1:i]):
        t.set(i, "”", "straight quote closing a curly one")
        return True
    if k < len(t.chars) and t.chars[k] == "”" and _han_in(t.chars[i + 1:k]):
        t.set(i, "“", "straight quote opening a curly one")
        return True
    return False


def curly_quotes(t: EditedText, pair: str) -> None:
    """Curly quotes typed the wrong way round, paired again in order when they are even."""
    opening, closing = pair[0], pair[1]
    found = [i for i, c in enumerate(t.chars) if c and c in pair
             and not (c == "’" and _apostrophe(t, i))]
    if len(found) % 2:
        return
    for n, i in enumerate(found):
        want = opening if n % 2 == 0 else closing
        if t.chars[i] != want:
            t.set(i, want, "quote typed the wrong way round, paired again", warning=True)
