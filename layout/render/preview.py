"""PDF → PNG, one file per page, for designers and for looking at pages in tests.

pypdfium2 renders in-process (no system tools). Pixels are deterministic for one pdfium
build, not across builds: the PDF is the archival output, the PNG only a preview."""
from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium

from ..output import write_atomically


def write_previews(pdf: bytes, first_path: Path, dpi: float = 100) -> list[Path]:
    """Write page PNGs: `first_path` for page 1, then NAME-2.png, … Return their paths."""
    import io  # noqa: PLC0415

    doc = pdfium.PdfDocument(pdf)
    written = []
    try:
        for index, page in enumerate(doc):
            path = first_path if index == 0 else first_path.with_name(
                f"{first_path.stem}-{index + 1}{first_path.suffix}")
            image = page.render(scale=dpi / 72).to_pil()
            buffer = io.BytesIO()
            image.save(buffer, format="PNG")
            write_atomically(path, buffer.getvalue())
            written.append(path)
    finally:
        doc.close()
    return written
