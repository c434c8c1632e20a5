"""A reporter's file (.docx, .txt, .md) or text pasted from a web page → an article of a
manifest (`layout intake`).

`paragraphs()` parts pasted text where its paragraphs end: a line break, a typed `\\n` (web
pages leave it), or an indent a web page wrote as two ideographic or no-break spaces (or
two spaces after a sentence). The text itself is left as it is: the manifest's
normalization (text/normalize.py) cleans it when the page is made, and lists each change.
"""
from __future__ import annotations

import re

# where pasted text starts a new paragraph: a line break (a typed \n too), or an indent of
# two ideographic or no-break spaces, or two spaces after a sentence's end
_BREAK = re.compile(r"\r\n|[\n\r\u2028\u2029\x85]|(?<![A-Za-z0-9:])\\n"
                    r"|[ \t]*[\u3000\xa0]{2,}[ \t\u3000\xa0]*"
                    r"|(?<=[。！？”」；])[ \t\xa0]{2,}")


def paragraphs(text: str) -> list[str]:
    """Pasted text's paragraphs, each stripped, blank ones left out; every other character
    kept as it was."""
    return [part.strip() for part in _BREAK.split(text) if part.strip()]
