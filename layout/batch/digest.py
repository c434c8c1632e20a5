"""Digests of what a PDF is made from (manifest, template chain, fonts, pictures, the
tool's version, the options): a job whose digest is recorded beside its PDF is skipped."""
from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping
from pathlib import Path

from .. import __version__
from ..fonts import shipped_fonts
from ..frozen import frozen
from ..model import Template
from ..pipeline import Loaded, inputs
from ..reads import file_digest
from ..templates import load_template
from .jobs import Job

_FONT_DIGEST: str | None = None

def fonts_digest() -> str:
    """Digest of the shipped faces and their roles, computed once per process."""
    global _FONT_DIGEST
    if _FONT_DIGEST is None:
        fonts = shipped_fonts()
        digest = hashlib.sha256(fonts.origin.read_bytes())
        for face in sorted(fonts.faces.values(), key=lambda f: f.role):
            digest.update(face.role.encode() + file_digest(face.path).encode())
        _FONT_DIGEST = digest.hexdigest()
    return _FONT_DIGEST


def inputs_digest(files: list[Path], options: str = "",
                  read: Mapping[Path, str] | None = None) -> str:
    """Digest of everything the PDF of a manifest is made from (`files`: its inputs, an
    issue's every page's), and of the options that decide whether it is written (a page
    refused without --allow-overflow is not up to date because a run with it wrote one).
    `read`: the digests of the files as the page's load read them (reads.recorded), taken
    for those instead of reading them again."""
    digest = hashlib.sha256(f"layout {__version__}\n{options}\n".encode())
    digest.update(fonts_digest().encode())
    for path in files:
        known = read.get(path) if read else None
        digest.update(os.fsencode(path.name) + (known or file_digest(path)).encode())
    return digest.hexdigest()


@frozen
class JobDigest:
    """The digest of everything a job's PDF is made from (`value`), and how to take it
    again after the page is made (`again`): of the same files, found once (a manifest that
    names other files now is itself changed, so the digests differ all the same)."""

    value: str
    files: tuple[Path, ...]  # (a manifest's inputs; an imported page's: none)
    options: str
    job: Job

    def again(self) -> str:
        if self.job.imported:
            return _imported_digest(self.job, self.options)
        return inputs_digest(list(self.files), self.options)


def job_options(allow_overflow: bool, strict: bool, output: str | None = None) -> str:
    """The options that decide whether a job's PDF is written, or how."""
    options = f"allow_overflow={allow_overflow} strict={strict}"
    return options + (f" output={output}" if output else "")


def job_digest(job: Job, allow_overflow: bool, strict: bool,
               output: str | None = None) -> JobDigest:
    """The digest of everything the job's PDF is made from (and of the options that
    decide whether it is written, or how), before the page is read: its files found by
    reading the manifest without normalizing its text (`pipeline.inputs`; a Dask job's
    client, an imported page)."""
    options = job_options(allow_overflow, strict, output)
    if job.imported:
        return JobDigest(_imported_digest(job, options), (), options, job)
    files = tuple(inputs(job.manifest))
    return JobDigest(inputs_digest(list(files), options), files, options, job)


def loaded_digest(job: Job, loaded: Loaded, read: Mapping[Path, str],
                  options: str) -> JobDigest:
    """The digest of a manifest's page as `loaded` (its files as the load read them:
    `read`, from reads.recorded; the rest, pictures and profiles, read now, before the
    render reads them)."""
    files = tuple(loaded.inputs())
    return JobDigest(inputs_digest(list(files), options, read), files, options, job)


def _imported_digest(job: Job, options: str) -> str:
    from ..importer import read_source  # noqa: PLC0415

    text = read_source(job.manifest)
    digest = hashlib.sha256(f"layout {__version__} import\n{options}\n".encode())
    digest.update(fonts_digest().encode() + text.encode("utf-8"))
    for path in template_files(import_template(job, text)):
        digest.update(file_digest(path).encode())
    return digest.hexdigest()


def template_files(template: Template) -> list[Path]:
    """The template's files and the plant's colour profile it names."""
    return [*template.sources, *([template.press.profile] if template.press.profile else [])]


def import_template(job: Job, text: str) -> Template:
    """The template an imported page is set on, found from where its manifest will be."""
    from ..importer import page_template  # noqa: PLC0415

    return load_template(page_template(text), job.output.parent)
