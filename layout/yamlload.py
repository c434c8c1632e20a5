"""PyYAML, imported once for the whole package (`yaml`): with its pure reader's pattern of
the characters YAML does not allow compiled on first use, which libyaml's loader never
makes. Every module that reads or writes YAML imports it from here, so that none imports
yaml first and pays the compilation (~57 M instructions at each start)."""
from __future__ import annotations

import re
from typing import Any


class _Later:
    """A pattern compiled when it is first used (`_import_yaml`)."""

    def __init__(self, pattern: str):
        self._pattern = pattern
        self._compiled: re.Pattern | None = None

    def __getattr__(self, name: str) -> Any:
        if self._compiled is None:
            self._compiled = re.compile(self._pattern)
        return getattr(self._compiled, name)


# The pure Python reader's pattern of the characters YAML does not allow (yaml.reader): its
# compilation is ~57 M instructions, a twentieth of a page's whole process, at each import
# of yaml, for a reader that libyaml's loader never uses.
_NON_PRINTABLE = ("[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD"
                  "\U00010000-\U0010ffff]")


def _import_yaml() -> Any:
    """PyYAML, imported with the pure reader's pattern compiled on first use (`_Later`):
    the same module, its pattern the same where it is used."""
    import sys  # noqa: PLC0415

    if "yaml" in sys.modules:
        return sys.modules["yaml"]
    compile_now = re.compile

    def compile_later(pattern: Any, flags: int = 0) -> Any:
        if flags == 0 and pattern == _NON_PRINTABLE:
            return _Later(pattern)
        return compile_now(pattern, flags)

    re.compile = compile_later  # type: ignore[assignment]
    try:
        import yaml as module  # noqa: PLC0415
    finally:
        re.compile = compile_now
    return module


yaml = _import_yaml()
