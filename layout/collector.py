"""Python's cyclic garbage collector kept out of a page's setting (`collector_paused`)."""
from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused(aged: bool = False) -> Iterator[None]:
    """The cyclic collector off while the block runs, then as it was before. What a page's
    setting makes leaves no reference cycles (what it drops, reference counts free;
    tests/test_speed.py), so the collector's walks over it find nothing: the make-up's
    trials make and free hundreds of thousands of objects (`makeup.make_up`: ~5-8 % of its
    time), and the text cache's lines and glyphs, tens of thousands, were walked again by
    each young collection once the make-up was done (`pipeline.layout_loaded`: ~10 % of a
    page's setting). A page's objects are walked once, at the first collection after it.

    `aged` (`pipeline.render_issue`, a page whole): not even then, in a process that set
    nothing aside (gc.freeze): what the block made and still holds is counted old when the
    collector is on again (the oldest generation, which only a full collection walks; the
    page handed back and the text kept are freed by their counts when let go), so the young
    collection its allocations would set off at once does not walk the page (~3 M
    instructions, ~1 ms, a warm page). (Not where objects are set aside, a batch worker's
    or `layout render`'s: their count is a walk of its own, and they stay aside.)"""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            if aged and not gc.get_freeze_count():
                gc.freeze()  # (every generation's objects set aside, the young count
                gc.unfreeze()  # reset: then all back in the oldest generation)
            gc.enable()
