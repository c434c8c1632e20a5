"""reportlab's PDF arrays of numbers written in one step, the same bytes: a font subset's
/Widths (256 numbers each) went through reportlab's `format` once a number, about a third
of the time a document took to save. Installed on import (render/pdf.py)."""
from __future__ import annotations

from reportlab import rl_config
from reportlab.pdfbase import pdfdoc

from .runs import number

_NUMBERS = (int, float)
PER_LINE = 10  # numbers a line, as reportlab breaks a long array
reportlab_format = pdfdoc.PDFArray.format  # (reportlab's own: every other array)


def array_format(self, document, IND=b"\n "):
    """The array as reportlab formats it: for numbers alone (and the one-line layout),
    each as `fp_str` writes it (runs.number), ten a line."""
    sequence = self.sequence
    if (not sequence or (self.multiline and rl_config.pdfMultiLine)
            or self.multiline == "forced"
            or not all(type(e) in _NUMBERS for e in sequence)):
        return reportlab_format(self, document, IND)
    numbers = [number(e) for e in sequence]
    lines = [" ".join(numbers[at:at + PER_LINE]) for at in range(0, len(numbers), PER_LINE)]
    return b"[ " + " \n  ".join(lines).encode("ascii") + b" ]"


pdfdoc.PDFArray.format = array_format
