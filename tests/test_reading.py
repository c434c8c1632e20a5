"""The order a reader meets an article's text: columns left to right, a picture spanning
several columns after the text above it in them."""
from __future__ import annotations

from layout.reading import _inserted, xy_order


def column(x: float, first: int, last: int, start: int) -> list:
    """Lines of a column 10 wide, on a 10-point grid from line `first` to `last`."""
    return [(x, x + 10, 10 * (n - 1) - 0.01, 10 * n, start + n - first)
            for n in range(first, last + 1)]


def test_columns_left_to_right_a_spanning_caption_after_the_text_above_it():
    # two columns of text over a caption across both (lines 9–10), a third column beside
    left, right = column(0, 1, 6, 0), column(12, 1, 6, 6)
    caption = [(0, 22, 80 - 0.01, 90, 12), (0, 22, 90 - 0.01, 100, 13)]
    third = column(24, 1, 10, 14)
    boxes = third + caption + right + left  # in no particular order
    assert xy_order(boxes) == list(range(24))


def test_a_caption_over_the_columns_reads_before_them():
    caption = [(0, 22, -0.01, 10, 0)]
    boxes = caption + column(0, 3, 5, 1) + column(12, 3, 5, 4)
    assert xy_order(boxes) == list(range(7))


def test_captions_go_in_after_as_many_characters_as_were_read():
    parts = ["一二三", "四五 六"]
    assert _inserted(parts, [(3, "图说")]) == ["一二三", "图说", "四五 六"]
    assert _inserted(parts, [(4, "图说")]) == ["一二三", "四", "图说", "五 六"]
    assert _inserted(parts, [(0, "甲"), (6, "乙")]) == ["甲", "一二三", "四五 六", "乙"]


def _inserted_char_by_char(parts: list[str], met: list[tuple[int, str]]) -> list[str]:
    """What `_inserted` gives, found a character at a time (each caption goes in before
    the first character, whitespace aside, read after as many as it was met after)."""
    out: list[str] = []
    pending = sorted(met)
    read = 0
    for part in parts:
        current = ""
        for char in part:
            while pending and pending[0][0] <= read and not char.isspace():
                out += [current, pending.pop(0)[1]]
                current = ""
            current += char
            read += not char.isspace()
        while pending and pending[0][0] <= read and not current:
            out.append(pending.pop(0)[1])
        out.append(current)
    return [p for p in out + [text for _, text in pending] if p]


def test_captions_go_in_where_a_character_by_character_reading_puts_them():
    import random  # noqa: PLC0415

    rnd = random.Random(8)
    for _ in range(3000):
        parts = ["".join(rnd.choice("一二 \n") for _ in range(rnd.randint(0, 5)))
                 for _ in range(rnd.randint(0, 5))]
        met = [(rnd.randint(0, 14), f"图{n}") for n in range(rnd.randint(0, 4))]
        assert _inserted(parts, met) == _inserted_char_by_char(parts, met), (parts, met)
