"""What keeps a page fast stays true: it leaves no reference cycles behind (what it made is
freed as soon as it is dropped, not at the cyclic collector's next full pass: cycles that
held a page's trials alive cost a warm page a tenth of its time in collections), and the
types the hot paths build field by field keep every field."""
from __future__ import annotations

import gc
from typing import Callable, TypeVar

from layout.fonts import shipped_fonts
from layout.pipeline import render_issue

from conftest import REPO

T = TypeVar("T")


def test_pages_leave_no_cyclic_garbage():
    fonts = shipped_fonts()
    pages = sorted((REPO / "issues").glob("*.yaml"))
    for page in pages:  # (faces, templates and caches of the process made first)
        render_issue(page, fonts)
    gc.collect()
    gc.disable()
    try:
        for page in pages:
            render_issue(page, fonts)
        assert gc.collect() == 0
    finally:
        gc.enable()


def test_fast_constructors_keep_every_field():
    """The hot paths make placed lines, sized styles and the make-up's configs field by
    field (not through dataclasses.replace): a field added to one must not be lost."""
    from dataclasses import fields, replace

    from layout.flow import moved, sized
    from layout.model import Align, LineKind, PlacedLine, TextStyle
    from layout.text.items import Glyph

    line = PlacedLine(LineKind.CAPTION, 100.0, 9.0, 12.0, 99.0, (Glyph("字", "kai", 0, 9),),
                      15.5, True, 7, "#c81e1e", True)
    assert len(line.values()) == 11
    assert moved(line, 3.0).values() == (line.kind, 103.0, *line.values()[2:])
    style = TextStyle("hei", 12.0, Align.CENTER, 18.0)
    assert len(fields(TextStyle)) == 4
    assert sized(style, 16.0) == replace(style, size=16.0, line_height=24.0)
    from layout.makeup import Config

    config = Config(28.0, 1, (2, 1), (9, 7), 2, 4, 3)
    assert config.values() == (28.0, 1, (2, 1), (9, 7), 2, 4, 3)
    assert config.pictured((3,), (5,)).values() == (28.0, 1, (3,), (5,), 2, 4, 3)
    assert config.with_extra(2).values() == (28.0, 2, (2, 1), (9, 7), 2, 4, 3)
    assert config.lowered(2).values() == (28.0, 1, (2, 1), (9, 7), 2, 4, 2)
    assert config.sized(24.0).values() == (24.0, 1, (2, 1), (9, 7), 2, 4, 3)
    assert config.divided(0).values() == (28.0, 1, (2, 1), (9, 7), 2, 0, 3)


def test_the_compiled_values_written_out_compare_and_hash_as_their_dataclasses_did():
    """Area, Head, Config and Leaf, classes of their own rather than frozen dataclasses (one
    of those cost ~3.8 M instructions at each start of a compiled build): equal by their
    fields, hashed as the tuple of them (a dataclass's hash: the same order in a set)."""
    from layout.flow import Head
    from layout.makeup import Area, Config
    from layout.makeup.shapes import Leaf

    area = Area(2, 5, 1, 40)
    assert area == Area(2, 5, 1, 40) and area != Area(2, 5, 1, 41) and area != (2, 5, 1, 40)
    assert hash(area) == hash((2, 5, 1, 40)) and area.columns == 4 and area.lines == 40
    assert repr(area) == "Area(first_column=2, last_column=5, first_line=1, last_line=40)"
    parts = ((), (), (), ("note",), (), 4, 5, frozenset({(1, 2)}), range(1, 3), None)
    assert Head(*parts) == Head(*parts) and hash(Head(*parts)) == hash(parts)
    assert Head(*parts) != Head(*parts[:5], 6, *parts[6:])
    config = Config(28.0, heights=(9,), widths=(2,))
    assert config == Config(28.0, 0, (2,), (9,)) and hash(config) == hash(config.values())
    assert repr(config) == ("Config(size=28.0, extra=0, widths=(2,), heights=(9,), beside=0, "
                            "divide=0, drop=0)")
    leaf = Leaf(3, config, 4, 20)
    assert leaf == Leaf(3, Config(28.0, 0, (2,), (9,)), 4, 20) != leaf.set_as(Config(26.0))
    assert hash(leaf) == hash((3, config, 4, 20)) and leaf.set_as(config) == leaf
    assert repr(leaf) == f"Leaf(index=3, config={config!r}, columns=4, height=20)"
    assert repr(Head(*parts)) == (
        "Head(lines=(), rects=(), images=(), notes=('note',), loose=(), body_line=4, "
        "cells_top=5, cells=frozenset({(1, 2)}), columns=range(1, 3), reach=None)")


def collected_while(run: Callable[[], T], enabled: bool) -> tuple[int, T]:
    """How many collections start while `run()` runs, with the collector on (`enabled`)
    or off before and a collection due every few objects (threshold 10), and what it gave;
    the collector is as it was before once it has run."""
    collections: list[int] = []

    def collected(phase: str, info: dict) -> None:
        if phase == "start":
            collections.append(info["generation"])

    threshold = gc.get_threshold()
    gc.set_threshold(10)
    (gc.enable if enabled else gc.disable)()
    gc.callbacks.append(collected)
    try:
        out = run()
        assert gc.isenabled() == enabled
    finally:
        gc.callbacks.remove(collected)
        gc.set_threshold(*threshold)
        gc.enable()
    return len(collections), out


def test_the_make_up_runs_without_the_cyclic_collector_and_leaves_it_as_it_was():
    """makeup.make_up: the collector waits while the make-up's trials run (they make no
    cycles: above), even where it would collect every few objects, and is on again after,
    or still off where it was off."""
    from layout.manifest import load_issue
    from layout.plan import plan_page
    from layout.templates import load_template

    issue = load_issue(REPO / "issues" / "2020-07-01-p3-fenjin-lushang.yaml")
    template, fonts = load_template(issue.template), shipped_fonts()
    plan_page(issue, template, fonts)  # (faces and templates made first)
    total = 0
    for enabled in (True, False):
        count, page = collected_while(lambda: plan_page(issue, template, fonts), enabled)
        assert len(page.articles) == len(issue.articles)
        total += count
    assert total < 50  # (none here: the placement's checks before it; 2,124 with it)


def test_a_page_is_set_whole_without_the_cyclic_collector_and_leaves_it_as_it_was():
    """pipeline.layout_loaded (collector_paused): the make-up and the final flow, whose
    first objects let in the collection that walked the page's text cache, run with the
    collector off; on again after, or still off where it was off."""
    from layout.collector import collector_paused
    from layout.pipeline import layout_loaded
    from layout.manifest import load_issue
    from layout.templates import load_template

    issue = load_issue(REPO / "issues" / "2020-07-01-p3-fenjin-lushang.yaml")
    template, fonts = load_template(issue.template), shipped_fonts()
    layout_loaded(issue, fonts, template)  # (faces and templates made first)
    for enabled in (True, False):
        count, page = collected_while(lambda: layout_loaded(issue, fonts, template), enabled)
        assert len(page.lines) > 100
        assert count < 5  # (1, the faces' check before it; 28 with the final flow's)
        with collector_paused():
            assert not gc.isenabled()
        assert gc.isenabled()  # (collected_while leaves it on)


def test_what_a_paused_block_made_is_old_when_the_collector_is_back():
    """collector_paused(aged=True) (render_issue's): the objects the block made and holds
    are counted old after it (no young collection walks the page it hands back), the
    collector on again; objects a caller set aside (gc.freeze: a batch worker's) stay
    aside, and the young collection comes as it does after a plain pause."""
    from layout.collector import collector_paused

    started: list[int] = []

    def collected(phase: str, info: dict) -> None:
        if phase == "start":
            started.append(info["generation"])

    gc.unfreeze()  # (what an earlier test's command set aside: back among the old)
    gc.collect()
    kept: list = []
    gc.callbacks.append(collected)
    try:
        with collector_paused(aged=True):
            kept.extend([[n] for n in range(5_000)])  # (a collection due many times over)
        kept.extend([[n] for n in range(100)])
        assert gc.isenabled() and started == [] and len(kept) == 5_100
        gc.freeze()
        frozen = gc.get_freeze_count()
        with collector_paused(aged=True):
            kept.extend([[n] for n in range(5_000)])
        kept.extend([[n] for n in range(100)])
        assert gc.get_freeze_count() == frozen and started[:1] == [0]
    finally:
        gc.callbacks.remove(collected)
        gc.unfreeze()
        gc.collect()
