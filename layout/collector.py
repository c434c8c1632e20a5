"""Python's cyclic garbage collector kept out of a page's setting (`collector_paused`)."""
from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic collector off while the block runs, then as it was before. What a page's
    setting makes leaves no reference cycles (what it drops, reference counts free;
    tests/test_speed.py), so the collector's walks over it find nothing: the make-up's
    trials make and free hundreds of thousands of objects (`makeup.make_up`: ~5-8 % of its
    time), and the text cache's lines and glyphs, tens of thousands, were walked again by
    each young collection once the make-up was done (`pipeline.layout_loaded`: ~10 % of a
    page's setting). What the block made and still holds is then counted as old (the
    oldest generation, which only a full collection walks): the page handed back and the
    text kept are freed by their counts when let go, so the young collection the block's
    allocations would set off at once, a walk over every object of the page (~1 ms a
    warm render, bench/speed.py), finds nothing either."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            if not gc.get_freeze_count():  # (objects a caller set aside stay so: a worker)
                gc.freeze()  # (every generation's objects set aside, the young count
                gc.unfreeze()  # reset: then all back in the oldest generation)
            gc.enable()
