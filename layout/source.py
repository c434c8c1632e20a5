"""Read YAML keeping where each value was written, and check it field by field.

`read_yaml` parses a file into `Node`s (values with their line). A `Fields` wraps one
mapping: `take()` reads a key with its expected type, `done()` rejects keys nobody took,
with a did-you-mean. Every error names the file, the line and what was expected.

Inside `gathered()` a mistake does not stop the reading: it is kept, the key falls back to
its default (or `want()`'s stand-in), an item of a list that holds one (`each()`) is left
out or has a stand-in, and at the end every mistake is raised at once (`errors.Mistakes`,
at most MAX_MISTAKES): a manifest with five mistakes takes one run, not five. Inside
`carried()` they are handed back instead, with what was read, so that the later stages'
checks can add theirs (pipeline.load).
"""
from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any, Callable, TypeVar

from .errors import LayoutError, Mistakes, Skipped
from .frozen import frozen
from .model import Origin
from .reads import read_file
from .yamlload import yaml

T = TypeVar("T")


# libyaml's parser when PyYAML was built with it (several times faster), else pure Python.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_RANGE = re.compile(r"^\s*(\d+)\s*(?:-\s*(\d+|rest)\s*)?$")
MAX_MISTAKES = 20  # gathered in one reading; past that, the rest are not looked for


class _Gathered:
    """The mistakes found so far in one reading."""

    def __init__(self) -> None:
        self.errors: list[LayoutError] = []
        self._seen: set[tuple] = set()

    def add(self, err: LayoutError) -> None:
        if isinstance(err, Skipped):
            return
        for one in (err.errors if isinstance(err, Mistakes) else [err]):
            key = (one.file, one.line, one.message)
            if key not in self._seen:
                self._seen.add(key)
                self.errors.append(one)
        if len(self.errors) >= MAX_MISTAKES:
            raise Mistakes(self.errors[:MAX_MISTAKES], more=True)


_GATHERING: ContextVar[_Gathered | None] = ContextVar("gathering", default=None)


@contextmanager
def gathered() -> Iterator[None]:
    """Read on past mistakes (see the module's doc); raise them all together at the end.
    Nested, it joins the reading already under way."""
    if _GATHERING.get() is not None:
        yield
        return
    found = _Gathered()
    token = _GATHERING.set(found)
    try:
        yield
    except Mistakes:
        raise
    except LayoutError as err:  # a mistake no key or item caught: the last one
        found.add(err)
    finally:
        _GATHERING.reset(token)
    if found.errors:
        raise Mistakes(found.errors)


@contextmanager
def carried() -> Iterator[list[LayoutError]]:
    """Read on past mistakes as `gathered` does, keeping them in the list it yields rather
    than raising them at the end: the caller checks what was read further (the stand-ins
    where a value or an item had a mistake) and says every mistake together. A mistake
    that stops the reading is raised with those found before it."""
    found = _Gathered()
    token = _GATHERING.set(found)
    try:
        yield found.errors
    except Mistakes:
        raise
    except LayoutError as err:
        found.add(err)
        raise Mistakes(found.errors) from None
    finally:
        _GATHERING.reset(token)


@contextmanager
def alone() -> Iterator[None]:
    """Read outside any gathering: a mistake raises at once (a value read again whose
    mistake, if any, is kept already)."""
    token = _GATHERING.set(None)
    try:
        yield
    finally:
        _GATHERING.reset(token)


def kept(err: LayoutError) -> bool:
    """Keep `err` among the gathered mistakes; False when nothing is gathering (then the
    caller raises it)."""
    found = _GATHERING.get()
    if found is None:
        return False
    found.add(err)
    return True


def mistaken() -> int:
    """How many mistakes this reading has found so far (0 outside `gathered`): checks that
    build on values read before skip themselves when those may be stand-ins."""
    found = _GATHERING.get()
    return len(found.errors) if found else 0


def each(nodes: Iterable[Node], read: Callable[[Node], T],
         stand_in: Callable[[Node], T] | None = None) -> list[T]:
    """`read` of every node; while gathering, one with a mistake is left out (or, given
    `stand_in`, stands in its place, so that the items after it keep their numbers) and
    the rest are read."""
    out = []
    for node in nodes:
        try:
            out.append(read(readable(node)))
        except Mistakes:
            raise
        except LayoutError as err:
            if not kept(err):
                raise
            if stand_in is not None:
                out.append(stand_in(node))
    return out


@frozen
class Node:
    """A YAML value (dict of str → Node, list of Node, or a scalar) and where it was written."""

    value: Any
    origin: Origin
    path: str  # dotted path from the document root, for messages: articles[2].headline

    def fail(self, message: str, hint: str | None = None) -> LayoutError:
        return LayoutError(f"{self.path}: {message}" if self.path else message,
                           self.origin.file, self.origin.line, hint)


def _describe(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    if isinstance(value, str) and len(value) > 40:  # (a whole text is not echoed back)
        return f"str {value[:40]!r}… ({len(value):,} characters)"
    return f"{type(value).__name__} {value!r}"


class WrittenInt(int):
    """A number YAML read from a plain scalar that does not write it back the same way
    (`0755` is 493, `010` is 8, `1_000` is 1000): the text as written is kept, for a
    field that is text (a page name, a caption) and for a number's leading zeros."""

    written: str


class WrittenFloat(float):
    """The same for a number with a point or an exponent: `2020.10` is 2020.1."""

    written: str


def _as_written(value: Any, written: str) -> Any:
    """`value` with the text it was written as, when the two differ."""
    kind = WrittenInt if isinstance(value, int) else WrittenFloat
    if isinstance(value, bool) or not isinstance(value, (int, float)) or str(value) == written:
        return value
    out = kind(value)
    out.written = written
    return out


# A manifest or template larger than this is not one (a page holds some 10,000 characters).
MAX_YAML_BYTES = 4 * 1024 * 1024
# Values a document may expand to through aliases (&a … *a): a bound against alias bombs.
MAX_YAML_NODES = 200_000
# Levels of mappings and lists within each other: a manifest uses five, a template fewer.
MAX_YAML_DEPTH = 50


def read_yaml(path: Path) -> Node:
    """Parse a YAML file into Nodes. Raises LayoutError on unreadable or malformed YAML,
    on anything but a regular file of at most MAX_YAML_BYTES, and on documents whose
    aliases expand past MAX_YAML_NODES values."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise LayoutError("file not found", path, hint="check the path") from None
    except (OSError, ValueError) as err:
        raise LayoutError(f"cannot be read: {getattr(err, 'strerror', None) or err}", path,
                          hint="check the path") from None
    if not stat.S_ISREG(info.st_mode):
        kind = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file"
        raise LayoutError(f"is {kind}", path, hint="give a YAML file (.yaml)")
    if info.st_size > MAX_YAML_BYTES:
        raise LayoutError(f"is {info.st_size:,} bytes, more than a manifest or template "
                          f"holds ({MAX_YAML_BYTES:,})", path,
                          hint="split it into several pages, or check that it is the "
                               "right file")
    try:
        raw = read_file(path, MAX_YAML_BYTES + 1)
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise LayoutError(f"not UTF-8 text ({err.reason} at byte {err.start})", path,
                          hint="save the file as UTF-8") from None
    except OSError as err:
        raise LayoutError(f"cannot be read: {err.strerror}", path) from None
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            raise LayoutError("the file is empty", path, hint="see the examples in issues/")
        return _convert(loader, root, path, "", [0])
    except RecursionError:  # (the depth bound below comes first; a parser's own depth)
        raise LayoutError(f"values are nested more than {MAX_YAML_DEPTH} levels deep", path,
                          hint="a manifest nests a few levels: check the brackets") from None
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else None
        raise LayoutError(f"YAML syntax: {err.problem or err.context}", path, line,
                          hint="check indentation, colons and quotes on this line") from None
    except yaml.YAMLError as err:  # a character YAML does not allow (NUL, BEL, …)
        position = getattr(err, "position", None)
        # (libyaml counts bytes of the UTF-8 text, PyYAML's own reader characters)
        line = None if position is None else 1 + (
            raw.count(b"\n", 0, position) if _Loader is not yaml.SafeLoader
            else text.count("\n", 0, position))
        reason = getattr(err, "reason", None) or str(err).splitlines()[0]
        raise LayoutError(f"YAML cannot read this file: {reason}", path, line,
                          hint="remove control characters (NUL, BEL, …) from the file") \
            from None
    finally:
        loader.dispose()


def _convert(loader: Any, node: yaml.Node, path: Path, where: str, count: list[int],
             depth: int = 0) -> Node:
    origin = Origin(path, node.start_mark.line + 1)
    if depth > MAX_YAML_DEPTH:
        raise LayoutError(f"values are nested more than {MAX_YAML_DEPTH} levels deep", path,
                          origin.line, hint="a manifest nests a few levels: check the "
                                            "brackets on this line")
    count[0] += 1
    if count[0] > MAX_YAML_NODES:
        raise LayoutError(f"the document expands to more than {MAX_YAML_NODES:,} values "
                          "(aliases within aliases?)", path, origin.line,
                          hint="write the values out, or use fewer nested aliases (*name)")
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)
        out: dict[str, Node] = {}
        for key_node, value_node in node.value:
            key = _scalar(loader, key_node, path) if isinstance(
                key_node, yaml.ScalarNode) else None
            key_origin = Origin(path, key_node.start_mark.line + 1)
            if not isinstance(key, str):
                raise LayoutError(f"{where or 'top level'}: key {key!r} is not text", path,
                                  key_origin.line, hint="write keys as plain words")
            child = f"{where}.{key}" if where else key
            if key in out:
                raise LayoutError(f"{child}: given twice (first on line {out[key].origin.line})",
                                  path, key_origin.line, hint="keep one of them")
            value = _convert(loader, value_node, path, child, count, depth + 1)
            # A key's line is where the key is written, also for a nested mapping or list.
            out[key] = Node(value.value, key_origin, child)
        return Node(out, origin, where)
    if isinstance(node, yaml.SequenceNode):
        return Node([_convert(loader, item, path, f"{where}[{i + 1}]", count, depth + 1)
                     for i, item in enumerate(node.value)], origin, where)
    if node.tag.endswith((":int", ":float")) and ":" in str(node.value):
        # YAML 1.1 reads 4:3 as a base-60 number (243); YAML 1.2 and every writer of a
        # ratio or a time mean the text
        return Node(str(node.value), origin, where)
    try:
        value = _scalar(loader, node, path)
        if not node.style:  # plain: a number keeps how it was written
            value = _as_written(value, node.value)
        return Node(value, origin, where)
    except LayoutError as err:  # reported when the value is read: with the file's others
        return Node(Unreadable(err), origin, where)


@frozen
class Unreadable:
    """A scalar YAML could not make; reading it raises its error."""

    error: LayoutError


def readable(node: Node) -> Node:
    """The node, unless its value could not be made: then that error."""
    if isinstance(node.value, Unreadable):
        raise node.value.error
    return node


def _scalar(loader: Any, node: yaml.Node, path: Path) -> Any:
    """A scalar's value; one YAML cannot make (2020-02-30, !!int abc, a number of more
    than 4,300 digits) is an error naming its line."""
    try:
        return loader.construct_object(node)
    except (ValueError, OverflowError, TypeError, yaml.YAMLError) as err:
        reason = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise LayoutError(f"{node.value[:40]!r} is not a value YAML can read ({reason})",
                          path, node.start_mark.line + 1,
                          hint="check the value: a date that exists (2020-02-28), a number "
                               "of sensible size, or text in quotes") from None


class Fields:
    """The keys of one YAML mapping, read one by one with their expected types."""

    def __init__(self, node: Node, what: str, missing: bool = False):
        # `missing`: a stand-in for a mapping the file lacks, its absence already reported:
        # `want` gives its stand-ins without a word about each key
        self.missing = missing
        if not isinstance(node.value, dict):
            raise node.fail(f"expected {what} (a mapping of key: value), got "
                            f"{_describe(node.value)}",
                            hint="is it a page's raw text? `layout import` makes a manifest "
                                 "of it" if not node.path and isinstance(node.value, str)
                            else None)
        self.node = node
        self.what = what
        self._seen: set[str] = set()
        self.allowed: list[str] = []

    def has(self, key: str) -> bool:
        return key in self.node.value

    def raw(self, key: str) -> Node | None:
        self.allowed.append(key)
        if key not in self.node.value:
            return None
        self._seen.add(key)
        return self.node.value[key]

    def fail(self, key: str, message: str, hint: str | None = None) -> LayoutError:
        """A mistake said at `key`'s value (at the mapping itself when it lacks the key)."""
        return (self.raw(key) or self.node).fail(message, hint)

    def take(self, key: str, convert: Callable[[Node], T], default: Any = ...,
             ) -> T:
        """The value of `key` converted by `convert` (a function of the Node that raises
        LayoutError); `default` when absent, an error when absent and no default is given."""
        node = self.raw(key)
        try:
            if node is None or node.value is None:
                if default is ...:
                    at = node or self.node
                    raise LayoutError(f"{self.node.path + '.' if self.node.path else ''}"
                                      f"{key}: missing in {self.what}", at.origin.file,
                                      at.origin.line, hint=f"add `{key}:` to {self.what}")
                return default
            return convert(readable(node))
        except Mistakes:
            raise
        except LayoutError as err:
            if not kept(err) or default is ...:
                raise Skipped() if isinstance(err, Skipped) or _GATHERING.get() else err
            return default

    def want(self, key: str, convert: Callable[[Node], T], stand_in: T) -> T:
        """A key that must be there: while gathering, its mistake is kept and `stand_in`
        returned, so that the keys after it are read too (the stand-in is never used for
        a page: the reading ends in the mistakes)."""
        if self.missing:
            return stand_in
        try:
            return self.take(key, convert)
        except Skipped:
            return stand_in

    def done(self) -> None:
        """Reject keys nobody asked for, suggesting the nearest known key."""
        for key, node in self.node.value.items():
            if key in self._seen:
                continue
            import difflib  # noqa: PLC0415 (only for a mistake: 0.2 % of a render's start)

            close = difflib.get_close_matches(key, self.allowed, n=1, cutoff=0.6)
            hint = (f"did you mean `{close[0]}`?" if close
                    else "known keys: " + ", ".join(sorted(set(self.allowed))))
            err = node.fail(f"unknown key in {self.what}", hint)
            if not kept(err):
                raise err


# Converters: each takes a Node and returns a value or raises node.fail(...).


def text(node: Node) -> str:
    value = readable(node).value
    if value is None:  # `key:` or `-` with nothing after it: never the word "None"
        raise node.fail("expected text, found nothing",
                        hint="write the text after the colon or dash, or remove the line")
    if isinstance(value, bool) or isinstance(value, (dict, list)):
        raise node.fail(f"expected text, got {_describe(value)}",
                        hint="put the text after the colon; quote it if it looks like a "
                             "number or yes/no")
    return str(getattr(value, "written", value)).strip()  # 2020.10 stays 2020.10


def integer(node: Node) -> int:
    if isinstance(node.value, bool) or not isinstance(node.value, int):
        raise node.fail(f"expected a whole number, got {_describe(node.value)}")
    written = getattr(node.value, "written", "")
    if written.isdigit():  # 010 is ten, not YAML 1.1's octal eight
        return int(written)
    return int(node.value)


def positive_int(node: Node, least: int = 1) -> int:
    value = integer(node)
    if value < least:
        raise node.fail(f"expected a whole number of at least {least}, got {value}")
    return value


def count(node: Node) -> int:
    """A number of lines or columns that may be none: 0 or more."""
    return positive_int(node, 0)


def flag(node: Node) -> bool:
    if not isinstance(node.value, bool):
        raise node.fail(f"expected true or false, got {_describe(node.value)}")
    return node.value


def items(node: Node) -> list[Node]:
    if not isinstance(node.value, list):
        raise node.fail(f"expected a list (lines starting with `- `), got "
                        f"{_describe(node.value)}")
    return node.value


def one_of(*choices: str) -> Callable[[Node], str]:
    def convert(node: Node) -> str:
        value = text(node)
        if value not in choices:
            import difflib  # noqa: PLC0415 (only for a mistake)

            close = difflib.get_close_matches(value, choices, n=1)
            hint = f"did you mean `{close[0]}`?" if close else "one of: " + ", ".join(choices)
            raise node.fail(f"{value!r} is not one of {', '.join(choices)}", hint)
        return value
    return convert


def grid_span(node: Node) -> tuple[int, int]:
    """A range of grid columns (or of lines that does not run to the foot): `3`, `3-5`."""
    first, last = grid_range(node, allow_rest=False)
    assert last is not None  # (only `rest` leaves it open)
    return first, last


def grid_range(node: Node, allow_rest: bool) -> tuple[int, int | None]:
    """A range of grid columns or lines: `3`, `3-5`, or (lines) `3-rest` → (3, None)."""
    value = node.value
    last: int | None
    if isinstance(value, int) and not isinstance(value, bool):
        first = last = integer(node)  # (010 is ten here too)
    else:
        match = _RANGE.match(str(value))
        if not match or (match.group(2) == "rest" and not allow_rest):
            example = "3-40 or 3-rest" if allow_rest else "1-3"
            raise node.fail(f"{value!r} is not a range", hint=f"write it as {example}")
        first = int(match.group(1))
        end = match.group(2)
        last = None if end == "rest" else int(end) if end else first
    if first < 1 or (last is not None and last < first):
        raise node.fail(f"{value!r}: a range runs from 1 upwards, first ≤ last")
    return first, last
