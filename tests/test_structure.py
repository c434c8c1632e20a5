"""The package's structure rules (docs/architecture.md, issue 24), read from its source
with ast: no module reads another module's private (`_name`) names, by `from x import _y`
or as `x._y`; no module is over MODULE_LINES long; no function is over FUNCTION_LINES long but
the total-fit line breaker (an algorithm, said in its docstring); and mypy finds no error in
the whole package."""
from __future__ import annotations

import ast
from pathlib import Path

from conftest import REPO

PACKAGE = REPO / "layout"
MODULE_LINES = 500
FUNCTION_LINES = 60
LONGER = {"layout/text/totalfit.py:total_fit"}  # (the total-fit breaker)


def _modules() -> dict[str, Path]:
    """Every module of the package by its dotted name (a package by its __init__)."""
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(REPO).with_suffix("").parts
        out[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return out


MODULES = _modules()


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def _absolute(name: str, node: ast.ImportFrom) -> str:
    """The module an import from `node` names, made absolute from module `name`'s place."""
    if not node.level:
        return node.module or ""
    package = name.split(".")
    if MODULES[name].name != "__init__.py":
        package = package[:-1]
    base = package[:len(package) - node.level + 1]
    return ".".join(base + ([node.module] if node.module else []))


def _reads_of_private_names(name: str, tree: ast.Module) -> list[str]:
    found, aliases = [], {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in MODULES:  # (`import a.b` binds a; `import a.b as c`, c)
                    top = alias.name.split(".")[0]
                    aliases[alias.asname or top] = alias.name if alias.asname else top
        elif isinstance(node, ast.ImportFrom):
            source = _absolute(name, node)
            if source not in MODULES:
                continue
            for alias in node.names:
                if f"{source}.{alias.name}" in MODULES:
                    aliases[alias.asname or alias.name] = f"{source}.{alias.name}"
                elif _private(alias.name) and source != name:
                    found.append(f"line {node.lineno}: from {source} import {alias.name}")
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and _private(node.attr):
            dotted, value = [node.attr], node.value
            while isinstance(value, ast.Attribute):
                dotted.insert(0, value.attr)
                value = value.value
            if isinstance(value, ast.Name) and value.id in aliases and \
                    ".".join([aliases[value.id], *dotted[:-1]]) in MODULES:
                found.append(f"line {node.lineno}: {'.'.join([aliases[value.id], *dotted])}")
    return sorted(found, key=lambda said: int(said.split(":")[0][5:]))


def test_no_module_reads_another_module_s_private_names():
    found = {}
    for name, path in MODULES.items():
        reads = _reads_of_private_names(name, ast.parse(path.read_text(encoding="utf-8")))
        if reads:
            found[name] = reads
    assert found == {}


def test_the_rule_finds_a_private_name_read_from_another_module():
    source = ("from ..reads import _RECORDS\nfrom .. import reads\nfrom . import linebreak\n"
              "import layout.fonts\nreads._RECORDS\nlinebreak._BOX.x\nlayout.fonts._x\n"
              "from .items import __all__\nfrom .linebreak import _y\n")
    found = _reads_of_private_names("layout.text.wide", ast.parse(source))
    assert found == ["line 1: from layout.reads import _RECORDS",
                     "line 5: layout.reads._RECORDS", "line 6: layout.text.linebreak._BOX",
                     "line 7: layout.fonts._x",
                     "line 9: from layout.text.linebreak import _y"]


def test_no_module_is_over_five_hundred_lines():
    """A module a maintainer can read whole (issue 24): past this, part of it is a module
    of its own."""
    long = [f"{path.relative_to(REPO)} ({n} lines)" for path in MODULES.values()
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > MODULE_LINES]
    assert not long, long


def test_no_function_is_over_sixty_lines_but_the_total_fit_breaker():
    long = []
    for path in MODULES.values():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                where = f"{path.relative_to(REPO).as_posix()}:{node.name}"
                lines = node.end_lineno - node.lineno + 1
                if lines > FUNCTION_LINES and where not in LONGER:
                    long.append(f"{where} ({lines} lines)")
    assert long == []
    breaker = ast.parse((PACKAGE / "text" / "totalfit.py").read_text(encoding="utf-8"))
    total_fit = next(n for n in ast.walk(breaker)
                     if isinstance(n, ast.FunctionDef) and n.name == "total_fit")
    assert "long" in (ast.get_docstring(total_fit) or "").lower()


def test_yaml_is_imported_without_compiling_its_pure_readers_pattern():
    """Every module that reads or writes YAML takes it from layout.yamlload, so the pure
    reader's pattern (~57 M instructions to compile, never used by libyaml's loader) is
    compiled only when used: in a fresh process after the render's, pin's and the
    importer's modules, it is not compiled; the pure reader still refuses what it must."""
    import subprocess
    import sys

    code = (
        "import re, layout.source, layout.pin, layout.importer.draft, layout.cli\n"
        "import yaml\n"
        "pattern = yaml.reader.Reader.NON_PRINTABLE\n"
        "print(isinstance(pattern, re.Pattern))\n"
        "try:\n"
        "    yaml.load('a: \"\\x07\"', Loader=yaml.SafeLoader)\n"
        "    print('read')\n"
        "except yaml.YAMLError:\n"
        "    print('refused')\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["False", "refused"]


def test_the_command_loads_pillow_s_image_module_only_for_a_page_with_a_picture(tmp_path):
    """`layout render` of a page without pictures never loads PIL.Image (nor the enums
    of PIL.ExifTags), which reportlab imports (lazypil); in the same process a page with a
    sideways photo (EXIF Orientation 6) loads it and is the page an eager Pillow makes."""
    import subprocess
    import sys

    from PIL import Image as PILImage

    from layout.pipeline import layout, load, render
    from layout.fonts import shipped_fonts

    photo = PILImage.new("RGB", (300, 200), "#123456")
    photo.paste((200, 30, 30), (0, 0, 100, 50))
    exif = PILImage.Exif()
    exif[0x0112] = 6
    photo.save(tmp_path / "photo.jpg", exif=exif)
    pictured = tmp_path / "pictured.yaml"
    pictured.write_text(
        "manifest: 1\npaper: 测试报\ndate: 2021-03-04\npage: 1\ntemplate: base\n"
        "articles:\n  - region: {columns: 1-3, lines: 1-40}\n"
        "    images: [{columns: 1-2, lines: 8, file: photo.jpg}]\n"
        "    body: [第一段正文：党员冲在一线、干在一线，在抗击疫情中冲锋在前。]\n",
        encoding="utf-8")
    sample = REPO / "issues" / "2020-07-01-p3-fenjin-lushang.yaml"
    code = (
        "import sys\n"
        "from layout.cli import main\n"
        "def run(*args):\n"
        "    try:\n"
        "        main(['render', *args])\n"
        "    except SystemExit as done:\n"
        "        assert not done.code, done.code\n"
        f"run({str(sample)!r}, '-o', {str(tmp_path / 'sample.pdf')!r})\n"
        "print(type(sys.modules['PIL.Image']).__name__, 'PIL.ExifTags' in sys.modules)\n"
        f"run({str(pictured)!r}, '-o', {str(tmp_path / 'pictured.pdf')!r})\n"
        "print(type(sys.modules['PIL.Image']).__name__, 'PIL.ExifTags' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=tmp_path).stdout.split()
    assert out == ["_LazyModule", "False", "module", "True"]
    loaded = load(pictured)
    assert (tmp_path / "pictured.pdf").read_bytes() == render(layout(loaded), loaded,
                                                               shipped_fonts())


def test_the_whole_package_type_checks(tmp_path):
    """mypy, with the settings of pyproject.toml, on every module: the compiled ones must
    pass it to be built at all (setup.py), and the rest is held to the same, so that an
    Optional read without its None case, or a value of the wrong type, is found where it
    is written rather than by a user."""
    from mypy import api  # noqa: PLC0415

    out, err, status = api.run(["--config-file", str(REPO / "pyproject.toml"),
                                "--cache-dir", str(tmp_path), str(PACKAGE)])
    assert status == 0, out + err
