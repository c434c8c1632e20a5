"""A template's `print:`: how the page goes to press (PDF/X standard, the plant's output
profile and printing condition, ink limit, bleed, marks, the accent in CMYK)."""
from __future__ import annotations

from pathlib import Path

from .model import PDFX_STANDARDS, PrintSettings
from .source import Fields, Node, flag, one_of, text
from .template_values import bounded
from .units import MM

MAX_PROFILE_BYTES = 20 * 1024 * 1024  # an output profile is a few hundred KB to a few MB


def print_settings(node: Node) -> PrintSettings:
    """`print:`: how the page goes to press (see PrintSettings)."""
    fields = Fields(node, "print")
    default = PrintSettings()
    profile = fields.take("profile", _profile, None)
    settings = PrintSettings(
        standard=fields.take("standard", one_of(*PDFX_STANDARDS), default.standard),
        profile=profile,
        condition=fields.take("condition", text, default.condition if profile is None
                              else None),
        condition_text=fields.take("condition_text", text, default.condition_text
                                   if profile is None else ""),
        ink_limit=fields.take("ink_limit", _ink_limit, default.ink_limit),
        bleed=fields.take("bleed", lambda n: bounded(n, 0.0, 20 * MM, "a bleed"),
                          default.bleed),
        marks=fields.take("marks", flag, default.marks),
        accent=fields.take("accent", _cmyk, None),
        origin=node.origin,
    )
    fields.done()
    if profile is not None and not settings.condition:
        raise node.fail("a plant's profile needs its printing condition",
                        hint="add `condition:` (e.g. IFRA26, or what the plant calls it)")
    return settings


def _profile(node: Node) -> Path:
    """A CMYK output profile (.icc/.icm), relative to the template that names it."""
    file = (node.origin.file.parent / text(node)).resolve()
    if file.suffix.lower() not in (".icc", ".icm") or not file.is_file():
        raise node.fail(f"no ICC profile at {file}",
                        hint="give the path of the plant's CMYK output profile (.icc), "
                             "relative to this template")
    try:
        from PIL import ImageCms  # noqa: PLC0415 (only a template that names one)
        if file.stat().st_size > MAX_PROFILE_BYTES:
            raise OSError("larger than an output profile")
        profile = ImageCms.getOpenProfile(str(file)).profile
    except (OSError, ImageCms.PyCMSError) as err:
        raise node.fail(f"{file.name} is not an ICC profile ({err})",
                        hint="give the plant's CMYK output profile") from None
    if profile.xcolor_space.strip() != "CMYK" or profile.device_class != "prtr":
        raise node.fail(f"{file.name} is a {profile.xcolor_space.strip()} "
                        f"{profile.device_class} profile, not a CMYK output profile",
                        hint="give the plant's CMYK output (printer) profile")
    try:  # a sound header over damaged data: only a conversion tells
        ImageCms.buildTransform(ImageCms.createProfile("sRGB"), str(file), "RGB", "CMYK")
    except (OSError, ImageCms.PyCMSError) as err:
        raise node.fail(f"{file.name} is damaged: no colour can be converted with it ({err})",
                        hint="give the plant's CMYK output profile as they sent it") from None
    return file


def _ink_limit(node: Node) -> float:
    """Total ink coverage: `240%` or 240."""
    value = node.value
    try:
        number = float(str(value).strip().rstrip("%")) if not isinstance(value, bool) \
            else None
    except ValueError:
        number = None
    if number is None or not 150 <= number <= 400:
        raise node.fail(f"{value!r} is not an ink limit",
                        hint="give the total ink coverage in %, between 150% and 400% "
                             "(newsprint: 240%)")
    return number


def _cmyk(node: Node) -> tuple[float, float, float, float]:
    """A colour as CMYK percentages: [0, 100, 100, 0] or "0 100 100 0"."""
    value = node.value
    parts = value if isinstance(value, list) else str(value).replace(",", " ").split()
    try:
        numbers = [float(p.value if isinstance(p, Node) else p) for p in parts]
    except (TypeError, ValueError):
        numbers = []
    if len(numbers) != 4 or not all(0 <= n <= 100 for n in numbers):
        raise node.fail(f"{value if not isinstance(value, list) else [p.value for p in value]!r}"
                        " is not a CMYK colour",
                        hint="give four percentages, C M Y K: [0, 100, 100, 0]")
    return tuple(n / 100 for n in numbers)  # type: ignore[return-value]
