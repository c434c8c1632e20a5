"""`@frozen`: a frozen dataclass, for a fraction of what `@dataclass(frozen=True)` costs at
each start of the process.

A class under `@frozen` is a dataclass (`dataclasses.fields`, `replace`, `asdict` work on it)
with what `@dataclass(frozen=True)` gives it, and the same results: `__init__`; `__eq__` and
`__hash__` over the fields that compare (the same hash values, so sets and dicts of them keep
their order); `__repr__`; assigning or deleting a field raises FrozenInstanceError.

Why: Python 3.11's dataclasses compile six methods from source text for each class, each time
the process starts (__init__, __repr__, __eq__, __hash__, __setattr__, __delattr__): 0.15 G
instructions for the ~50 classes a render imports, a tenth of a one-page render's process.
Here dataclasses compiles only `__init__`; the other five are the shared functions below,
which read the class's field names (kept on the class as `__frozen_fields__`). They are slower
per call than compiled ones, and seldom called (equality and hashing by memo keys and tests,
repr by messages). `__init__` assigns through the shared `__setattr__`, which lets a field be
set while it is unset (so by `__init__`) and refuses every other assignment.
"""
from __future__ import annotations

from dataclasses import FrozenInstanceError, dataclass, field, fields
from operator import attrgetter
from typing import Any, Callable, TypeVar, dataclass_transform

T = TypeVar("T", bound=type)


class _Fields:
    """A class's field names: all of them, and the ones its repr, equality and hash read.
    (Not a NamedTuple: typing compiles a NamedTuple's annotations at import.)"""

    __slots__ = ("every", "shown", "compared", "hashed")

    def __init__(self, every: frozenset[str], shown: tuple[str, ...],
                 compared: Callable[[Any], tuple], hashed: Callable[[Any], tuple]):
        self.every, self.shown, self.compared, self.hashed = every, shown, compared, hashed


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
def frozen(cls: T | None = None, /, *, init: bool = True) -> Any:
    """`@frozen` or `@frozen(init=False)` (the class writes its own __init__, which sets its
    fields with object.__setattr__)."""
    def make(cls: T) -> T:
        dataclass(cls, init=init, repr=False, eq=False)  # (the class itself, its methods set)
        every = fields(cls)
        own = cls.__dict__
        cls.__frozen_fields__ = _Fields(  # type: ignore[attr-defined]
            frozenset(f.name for f in every), tuple(f.name for f in every if f.repr),
            _getter([f.name for f in every if f.compare]),
            _getter([f.name for f in every if (f.compare if f.hash is None else f.hash)]))
        for name, method in (("__repr__", _repr), ("__eq__", _eq)):
            if name not in own:
                setattr(cls, name, method)
        if own.get("__hash__") is None:  # (None when the class defines __eq__ of its own)
            cls.__hash__ = _hash  # type: ignore[assignment]
        cls.__setattr__ = _set_once  # type: ignore[assignment]
        cls.__delattr__ = _refuse_delete  # type: ignore[assignment]
        return cls

    return make if cls is None else make(cls)


def copied(obj: Any, **changes: Any) -> Any:
    """`dataclasses.replace` for an instance of a `@frozen` class without `__post_init__`
    whose fields its `__init__` sets: the same value, made by copying its fields with
    `changes` rather than through `__init__` (which sets each field through the shared
    `__setattr__`, interpreted: the make-up sizes a headline and places pictures for each
    of its trials)."""
    cls = type(obj)
    every = cls.__frozen_fields__.every
    if not every.issuperset(changes) or hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__qualname__}: only its fields are copied "
                        f"({', '.join(sorted(set(changes) - every))})")
    new = object.__new__(cls)
    values = {name: value for name, value in obj.__dict__.items() if name in every}
    values.update(changes)
    new.__dict__.update(values)
    return new


def _getter(names: list[str]) -> Callable[[Any], tuple]:
    """The tuple of these attributes of an object (as dataclasses compares and hashes it)."""
    if len(names) > 1:
        return attrgetter(*names)
    if names:
        one = attrgetter(names[0])
        return lambda value: (one(value),)
    return lambda value: ()


def _repr(self: Any) -> str:
    shown = type(self).__frozen_fields__.shown
    return f"{type(self).__qualname__}(" + ", ".join(
        f"{name}={getattr(self, name)!r}" for name in shown) + ")"


def _eq(self: Any, other: Any) -> Any:
    if other.__class__ is self.__class__:
        compared = type(self).__frozen_fields__.compared
        return compared(self) == compared(other)
    return NotImplemented


def _hash(self: Any) -> int:
    return hash(type(self).__frozen_fields__.hashed(self))


def _set_once(self: Any, name: str, value: Any) -> None:
    if name in self.__dict__ or name not in type(self).__frozen_fields__.every:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")
    object.__setattr__(self, name, value)


def _refuse_delete(self: Any, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete field {name!r}")
