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
    page's setting). A page's objects are walked once, at the first collection after it."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
