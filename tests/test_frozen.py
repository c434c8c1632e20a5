"""`@frozen` gives what `@dataclass(frozen=True)` gives: the same equality, hash, repr,
refusals and dataclass functions, over the same class body."""
from __future__ import annotations

import dataclasses
from dataclasses import FrozenInstanceError, dataclass, field

import pytest

from layout.frozen import frozen


def _pair(body):
    """The same class body under @dataclass(frozen=True) and under @frozen."""
    return dataclass(frozen=True)(type("Point", (), body())), frozen(type("Point", (), body()))


def _point_body():
    return {"__annotations__": {"x": "float", "y": "float", "label": "str", "seen": "int",
                                "tags": "tuple"},
            "label": "p",
            "seen": field(default=0, compare=False, repr=False),
            "tags": field(default=(), hash=False)}


def test_the_same_methods_and_results_as_a_frozen_dataclass():
    theirs, ours = _pair(_point_body)
    for args in [(1.0, 2.0), (1.0, 2.0, "q", 5, ("a",)), (0.5, float("nan"))]:
        a, b = theirs(*args), ours(*args)
        assert repr(a) == repr(b).replace(ours.__qualname__, theirs.__qualname__)
        assert hash(a) == hash(b)
        assert dataclasses.astuple(a) == dataclasses.astuple(b)
        assert (a == theirs(*args)) == (b == ours(*args))
    assert ours(1.0, 2.0, seen=1) == ours(1.0, 2.0, seen=2)  # (seen does not compare)
    assert ours(1.0, 2.0, tags=("a",)) != ours(1.0, 2.0)
    assert hash(ours(1.0, 2.0, tags=("a",))) == hash(ours(1.0, 2.0))  # (nor hash)
    assert ours(1.0, 2.0) != theirs(1.0, 2.0)  # (another class)
    assert dataclasses.replace(ours(1.0, 2.0), y=3.0) == ours(1.0, 3.0)
    assert [f.name for f in dataclasses.fields(ours)] == ["x", "y", "label", "seen", "tags"]


def test_fields_are_refused_after_init():
    point = frozen(type("Point", (), _point_body()))(1.0, 2.0)
    with pytest.raises(FrozenInstanceError):
        point.x = 5.0
    with pytest.raises(FrozenInstanceError):
        point.other = 1  # (not a field)
    with pytest.raises(FrozenInstanceError):
        del point.y
    assert (point.x, point.y) == (1.0, 2.0)


def test_a_class_keeps_the_methods_and_init_it_writes():
    @frozen(init=False)
    class Line:
        width: float
        text: str = ""

        def __init__(self, width: float, text: str = ""):
            self.__dict__.update(width=width, text=text)

        def __repr__(self) -> str:
            return f"<{self.text}>"

    line = Line(3.0, "中文")
    assert repr(line) == "<中文>" and line == Line(3.0, "中文") and line != Line(4.0, "中文")
    assert hash(line) == hash((3.0, "中文"))
    with pytest.raises(FrozenInstanceError):
        line.text = ""

    @frozen
    class Named:
        name: str

        def __eq__(self, other):
            return isinstance(other, Named) and other.name.lower() == self.name.lower()

    assert Named("A") == Named("a") and hash(Named("A")) == hash(("A",))


def _factory_body():
    return {"__annotations__": {"x": "int", "items": "list", "label": "str", "made": "dict",
                                "fixed": "int", "unset": "int"},
            "items": field(default_factory=list),
            "label": "p",
            "made": field(default_factory=dict, init=False),
            "fixed": field(default=7, init=False),
            "unset": field(init=False, default=dataclasses.MISSING)}


def test_init_takes_its_arguments_as_a_dataclass_does():
    theirs, ours = _pair(_factory_body)
    for args, kwargs in [((1,), {}), ((1, [2]), {}), ((1,), {"label": "q", "items": [3]}),
                         ((), {"x": 4})]:
        a, b = theirs(*args, **kwargs), ours(*args, **kwargs)
        assert vars(a) == vars(b)  # (the same fields set, `unset` in neither)
    first, second = ours(1), ours(1)
    assert first.items == [] and first.items is not second.items  # a new list each
    assert first.made == {} and first.made is not second.made and first.fixed == 7
    for args, kwargs in [((), {}), ((1, [], "q", 5), {}), ((1,), {"made": {}}),
                         ((1,), {"nothing": 1}), ((1,), {"x": 2})]:
        with pytest.raises(TypeError):
            theirs(*args, **kwargs)
        with pytest.raises(TypeError):
            ours(*args, **kwargs)
    with pytest.raises(FrozenInstanceError):
        first.items = [1]
    with pytest.raises(FrozenInstanceError):
        first.unset = 1  # (a field init leaves unset is not for anyone else to set)


def test_what_init_cannot_take_is_refused_as_a_dataclass_refuses_it():
    ordered = {"__annotations__": {"x": "int", "y": "int"}, "x": 1}
    with pytest.raises(TypeError, match="non-default argument 'y'"):
        frozen(type("Point", (), dict(ordered)))
    with pytest.raises(ValueError, match="mutable default"):
        frozen(type("Point", (), {"__annotations__": {"x": "list"}, "x": []}))


def test_a_class_with_post_init_or_keyword_only_fields_has_the_dataclass_init():
    seen = []

    @frozen
    class Checked:
        x: int
        y: int = field(default=0, kw_only=True)

        def __post_init__(self):
            seen.append((self.x, self.y))

    assert Checked(1, y=2).y == 2 and seen == [(1, 2)]
    with pytest.raises(TypeError):
        Checked(1, 2)  # (y is keyword-only)


def test_copied_is_replace_without_init():
    from layout.frozen import copied

    _, ours = _pair(_point_body)
    point = ours(1.0, 2.0, "q", 5, ("a",))
    moved = copied(point, y=3.0, tags=("b",))
    assert moved == dataclasses.replace(point, y=3.0, tags=("b",)) and moved is not point
    assert repr(moved) == repr(dataclasses.replace(point, y=3.0, tags=("b",)))
    assert (moved.x, moved.y, moved.label, moved.seen, moved.tags) == (1.0, 3.0, "q", 5, ("b",))
    assert point.y == 2.0  # (the original as it was)
    with pytest.raises(FrozenInstanceError):
        moved.x = 0.0
    with pytest.raises(TypeError, match="only its fields"):
        copied(point, z=1.0)


def test_classes_with_as_many_fields_share_one_compiled_init_under_their_own_names():
    """A class whose fields are parameters with at most a default gets the __init__
    compiled once for its number of fields, with its own names and defaults put in: the
    same instructions as another's, called by its field names, setting them in order."""
    @frozen
    class Span:
        start: int
        end: int = 0
        kind: str = "word"

    @frozen
    class Cell:
        column: int
        line: int
        width: float

    assert Span.__init__.__code__.co_code == Cell.__init__.__code__.co_code
    assert Span.__init__.__code__.co_varnames[1:] == ("start", "end", "kind")
    assert vars(Span(3, kind="name")) == {"start": 3, "end": 0, "kind": "name"}
    assert list(vars(Cell(line=2, width=1.5, column=4))) == ["column", "line", "width"]
    with pytest.raises(TypeError, match="missing 1 required positional argument: 'width'"):
        Cell(1, 2)
    with pytest.raises(TypeError, match="non-default argument 'line' follows default"):
        frozen(type("Odd", (), {"__annotations__": {"column": "int", "line": "int"},
                                "column": 0}))
