"""`@frozen`: a frozen dataclass, for a fraction of what `@dataclass(frozen=True)` costs at
each start of the process.

A class under `@frozen` is a dataclass (`dataclasses.fields`, `replace`, `asdict` work on it)
with what `@dataclass(frozen=True)` gives it, and the same results: `__init__`; `__eq__` and
`__hash__` over the fields that compare (the same hash values, so sets and dicts of them keep
their order); `__repr__`; assigning or deleting a field raises FrozenInstanceError.

Why: Python 3.11's dataclasses compile six methods from source text for each class, each time
the process starts (__init__, __repr__, __eq__, __hash__, __setattr__, __delattr__): 0.15 G
instructions for the ~50 classes a render imports, a tenth of a one-page render's process.
Here only `__init__` is compiled; the other five are the shared functions below, which read
the class's field names (kept on the class as `__frozen_fields__`). They are slower per call
than compiled ones, and seldom called (equality and hashing by memo keys and tests, repr by
messages). The shared `__setattr__` refuses every assignment.
`__init__` (`_init`) takes its arguments as a dataclass's does and sets the fields in one step
(`__dict__.update`): a dataclass's would set them one at a time through that `__setattr__`, a
Python call a field, and a page's make-up makes thousands of these objects. Where each field
is a parameter with at most a default (most classes), it is not compiled for the class
either (~0.37 M instructions a class, ~17 M for a render's): the code of such an __init__
is compiled once a process for each number of fields (`_numbered`), and each class's is that
code with its own field names put in (`CodeType.replace`: the same instructions, names
apart) and its defaults. A class with an
InitVar, a ClassVar, keyword-only fields or a `__post_init__` has the dataclass's, and a
`__setattr__` that lets it set a field still unset.
"""
from __future__ import annotations

from dataclasses import MISSING, Field, FrozenInstanceError, dataclass, field, fields
from operator import attrgetter
from types import CodeType, FunctionType
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
        ours = init and _plain(cls)
        if not cls.__doc__:  # (dataclasses would read a signature for it: with our __init__
            cls.__doc__ = cls.__name__  # not yet set, object's, through tokenize: ~14 M)
        dataclass(cls, init=init and not ours, repr=False, eq=False)  # (the class itself)
        every = fields(cls)
        if ours:
            cls.__init__ = _init(cls, every)  # type: ignore[misc]
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
        # (an __init__ of ours sets no field through __setattr__: every assignment refused)
        cls.__setattr__ = _refuse if ours else _set_once  # type: ignore[assignment]
        cls.__delattr__ = _refuse_delete  # type: ignore[assignment]
        return cls

    return make if cls is None else make(cls)


def _plain(cls: type) -> bool:
    """Whether the class body is what `_init` writes an __init__ for: no InitVar, ClassVar
    or keyword-only field, no __post_init__ (else its __init__ is the dataclass's)."""
    kinds = cls.__dict__.get("__annotations__", {}).values()
    return not hasattr(cls, "__post_init__") and not any(
        word in str(kind) for kind in kinds for word in ("InitVar", "ClassVar", "KW_ONLY")) \
        and not any(isinstance(value, Field) and value.kw_only is True
                    for value in cls.__dict__.values())


def _init(cls: type, every: tuple[Field, ...]) -> Callable[..., None]:
    """The class's __init__, taking its arguments as a dataclass's does, setting every
    field in one step (a dataclass's sets them one by one through the frozen __setattr__, a
    Python call a field; the make-up's trials make thousands of these objects a page)."""
    if len(every) != len(cls.__dataclass_fields__) or any(  # type: ignore[attr-defined]
            f.kw_only for f in every):  # (inherited from a dataclass of another kind)
        raise TypeError(f"@frozen {cls.__qualname__}: a base's InitVar, ClassVar or "
                        "keyword-only field (write the class's __init__: init=False)")
    if all(f.init and f.default_factory is MISSING for f in every):
        return _named(cls, every)
    space: dict[str, Any] = {"_UNSET": _UNSET}
    params, values = [], []
    for f in every:
        name = f.name
        if f.default is not MISSING:
            space[f"_default_{name}"] = f.default
            params.append(f"{name}=_default_{name}")
            values.append(f"{name}={name}")
        elif f.default_factory is not MISSING:
            space[f"_factory_{name}"] = f.default_factory
            params.append(f"{name}=_UNSET")
            values.append(f"{name}=_factory_{name}() if {name} is _UNSET else {name}"
                          if f.init else f"{name}=_factory_{name}()")
        else:
            params.append(name)
            values.append(f"{name}={name}")
        if not f.init:  # (unset, as a dataclass leaves it: its default is the class's)
            params.pop()
            if f.default_factory is MISSING:
                values.pop()
    source = (f"def __init__(_frozen_self, {', '.join(params)}):\n"
              f"    _frozen_self.__dict__.update({', '.join(values)})\n")
    try:
        exec(source, space)  # noqa: S102 (made of the class's field names)
    except SyntaxError:  # a field without a default after one with
        dataclass(cls, repr=False, eq=False)  # (its TypeError says which)
        raise
    made = space["__init__"]
    made.__qualname__ = f"{cls.__qualname__}.__init__"
    made.__module__ = cls.__module__
    return made


# The code of an __init__ by its number of fields (parameters _0, _1, ...), compiled once.
_NUMBERED: dict[int, CodeType] = {}


def _numbered(count: int) -> CodeType:
    """The code of `__init__(self, _0, _1, ...)` setting fields _0, _1, ... in one step."""
    code = _NUMBERED.get(count)
    if code is None:
        params = [f"_{i}" for i in range(count)]
        space: dict[str, Any] = {}
        exec(f"def __init__(_frozen_self, {', '.join(params)}):\n"  # noqa: S102 (numbers)
             f"    _frozen_self.__dict__.update({', '.join(f'{p}={p}' for p in params)})\n",
             space)
        code = _NUMBERED[count] = space["__init__"].__code__
    return code


def _named(cls: type, every: tuple[Field, ...]) -> Callable[..., None]:
    """The class's __init__ where every field is a parameter with at most a default: the
    numbered code (`_numbered`) with the fields' names for its numbers, and the defaults."""
    names = tuple(f.name for f in every)
    defaults = tuple(f.default for f in every if f.default is not MISSING)
    if any(f.default is MISSING for f in every[len(every) - len(defaults):]):
        dataclass(cls, repr=False, eq=False)  # a field without a default after one with:
        raise TypeError(f"{cls.__qualname__}: a field without a default after one with")
    numbered = _numbered(len(names))
    named = dict(zip((f"_{i}" for i in range(len(names))), names))
    consts = tuple(tuple(named.get(n, n) for n in c) if isinstance(c, tuple) else c
                   for c in numbered.co_consts)  # (the keywords of the update call)
    code = numbered.replace(co_varnames=(numbered.co_varnames[0], *names), co_consts=consts,
                            co_qualname=f"{cls.__qualname__}.__init__")
    made = FunctionType(code, {}, "__init__", defaults or None)
    made.__qualname__ = code.co_qualname
    made.__module__ = cls.__module__
    return made


class _Unset:
    """A default_factory field's argument left out (the factory makes its value)."""

    def __repr__(self) -> str:
        return "<factory>"


_UNSET = _Unset()


def copied(obj: Any, **changes: Any) -> Any:
    """`dataclasses.replace` for an instance of a `@frozen` class without `__post_init__`
    whose fields its `__init__` sets: the same value, made by copying its fields with
    `changes` rather than through `replace` (which reads every field and calls `__init__`
    with them, interpreted: the make-up sizes a headline and places pictures for each of
    its trials)."""
    cls = type(obj)
    every = cls.__frozen_fields__.every
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__qualname__} has a __post_init__: use dataclasses.replace")
    if not every.issuperset(changes):
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


def _refuse(self: Any, name: str, value: Any) -> None:
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _refuse_delete(self: Any, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete field {name!r}")
