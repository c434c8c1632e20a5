"""Property tests of the line breaker over random mixed text and column widths."""
from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from layout.model import Breaking, Composition
from layout.text.chars import NO_LINE_END, NO_LINE_START, char_class
from layout.text.items import DASH_PITCH, build_items
from layout.text.linebreak import RESCUE_HANG, break_lines

from conftest import em_measure

SIZE = 10.0
HAN = st.sampled_from("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动")
MARKS = st.sampled_from(["，", "。", "、", "；", "：", "？", "！", "“", "”", "《", "》", "（", "）",
                         "——", "……", "·", "～", "。”", "：“", "）。", "％"])
LATIN = st.from_regex(r"[A-Za-z]{1,9}|[0-9]{1,6}(\.[0-9]{1,3})?%?|-?[0-9]\.[0-9]{2}%",
                      fullmatch=True)
EXT_B = st.sampled_from(["𠮷", "𠀀", "𪚥"])
PIECE = st.one_of(HAN, HAN, HAN, HAN, MARKS, LATIN, EXT_B, st.just(" "))
TEXT = st.lists(PIECE, min_size=1, max_size=80).map("".join).filter(lambda t: t.strip())


@settings(max_examples=150, deadline=None)
@example(text="AAAAAAAAaaba", width=5, breaking=Breaking.TOTAL_FIT)  # (a syllable of a word
# wider than a line, as wide as the line: its hyphen drawn past the edge; wide.word_pieces)
@given(text=TEXT, width=st.integers(5, 30),
       breaking=st.sampled_from(list(Breaking)))
def test_breaking_keeps_every_character_and_the_rules(text, width, breaking):
    items = build_items(text, SIZE, em_measure)
    measure = width * SIZE
    lines = break_lines(items, [measure], rules=Composition(breaking=breaking))
    # every character comes out once, in order (spaces are gaps, not glyphs)
    painted = "".join(g.char for l in lines  # (less a hyphen drawn where a syllable broke)
                      for g in (l.glyphs[:-1] if l.hyphen else l.glyphs))
    assert "".join(painted.split()) == "".join(text.split())
    for i, line in enumerate(lines):
        visible = [g for g in line.glyphs if not g.char.isspace()]  # a trailing word space
        right = max(g.x + g.advance for g in visible)               # is painted past the edge
        # (a line-end ，。、 may hang past it where any other break letter-spaces a line:
        # linebreak.RESCUE_HANG; it starts inside the column)
        hung = visible[-1].char in RESCUE_HANG and visible[-1].x <= measure + 1e-6
        edge = max([g.x + g.advance for g in visible[:-1]] + [visible[-1].x]) if hung else right
        assert edge <= measure + 1e-6, "no line is wider than its column"
        assert min(g.x for g in visible) >= -1e-6
        if not line.last:
            if len(visible) > 1 and visible[-1].char == visible[-2].char == "—":
                # (a —— centred in its two cells, its halves overlapping: items.DASH_PITCH)
                right += (1 - DASH_PITCH) * visible[-2].advance / 2
            assert hung or right == pytest.approx(measure) or line.loose, "non-final lines flush"
        # 禁则 hold at every break, except one the breaker reports as forced (broken
        # where the measure ended because no legal break fitted)
        if i > 0 and not lines[i - 1].forced and not (  # (a rule of dashes breaks by
                lines[i - 1].text.rstrip().endswith("——")    # pairs, a space between two
                and line.text.startswith("——")):             # or not: 的—— | ——)
            assert char_class(visible[0].char) not in NO_LINE_START, line.text
        if not line.last and not line.forced:
            assert char_class(visible[-1].char) not in NO_LINE_END, line.text
