"""`Valued`: the equality and hash of a value written as a compiled class (a line set, a
paragraph's items, a placed line, an article's head, the make-up's configs and areas),
one place for what a frozen dataclass would give each. A compiled build makes these by the
hundred thousand a page, and a dataclass in a compiled module costs ~3.8 M instructions at
each start and compares interpreted."""
from __future__ import annotations

from typing import ClassVar


class Valued:
    """A value never changed once made: equal to another of its very class whose `values()`
    (its fields, in order) are equal, hashed as the tuple of them, and shown as a dataclass
    is (its class, then each of `FIELDS` with its value)."""

    __slots__ = ()
    # its fields' names, in the order of `values()` (written out: a compiled class keeps no
    # __slots__ to read them from)
    FIELDS: ClassVar[tuple[str, ...]] = ()

    def values(self) -> tuple:
        """Its fields in their order (what equality and hash read)."""
        raise NotImplementedError

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, Valued)
        return self.values() == other.values()

    def __hash__(self) -> int:
        return hash(self.values())

    def __repr__(self) -> str:
        return type(self).__name__ + "(" + ", ".join([
            f"{name}={value!r}" for name, value in zip(self.FIELDS, self.values())]) + ")"
