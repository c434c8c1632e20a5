"""The roles a reporter is credited by (记者, 通讯员 …) and the ranks written before them
(本报, 特约 …): one list for the normalizer (a bracketed credit keeps the spaces between
its names: text/normalize.py), the importer's bylines (importer/pieces.py) and `layout
intake`'s (intake.py)."""
from __future__ import annotations

from typing import Final

RANKS: Final = ("本报", "特约", "见习", "实习", "首席")
ROLES: Final = ("记者", "通讯员", "摄影记者", "实习生", "撰稿")

# a role, its rank before it or not (a pattern for re, no groups of its own)
CREDITED: Final = f"(?:{'|'.join(RANKS)})?(?:{'|'.join(ROLES)})"
