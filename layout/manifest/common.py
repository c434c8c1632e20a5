"""The small readers every part of a manifest shares: a non-blank text, a non-empty list, a
column count."""
from __future__ import annotations

from dataclasses import replace
from typing import TypeVar

from ..source import (
    Node,
    items,
    positive_int,
    text,
)

T = TypeVar("T")


def nonempty_list(node: Node) -> list[Node]:
    values = items(node)
    if not values:
        raise node.fail("the list is empty", hint="give at least one entry")
    return values


def nonblank(node: Node) -> str:
    value = text(node)
    if not value:
        raise node.fail("is empty", hint="write the text, or leave the key out")
    return value


def columns_wide(node: Node) -> int:
    """`width:` of a picture the make-up places: columns wide, `3` or `3栏`."""
    value = node.value
    if isinstance(value, str) and value.strip().endswith("栏") \
            and value.strip()[:-1].strip().isdigit():
        node = replace(node, value=int(value.strip()[:-1]))
    return positive_int(node)
