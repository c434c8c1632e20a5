"""Before anything is set: every face the template names is a font role, and every
character of the issue has a face that draws it (each text checked in its own style, as
the block registry gives a body block's texts)."""
from __future__ import annotations

from ..errors import LayoutError, MissingGlyphError
from ..fonts import FontSet
from ..model import Issue, Origin, Template
from .blocks import kind_of


def check_faces(template: Template, fonts: FontSet) -> None:
    """Every face the template's styles name is a role of the font set; else an error at
    the template line that names it."""
    for where, style in (("body", template.body),
                         *((f"styles.{k}", v) for k, v in template.styles.items())):
        if style.face not in fonts.faces:
            origin = template.face_origins.get(where)
            raise LayoutError(f"{where}.face: unknown font role {style.face!r}",
                              origin.file if origin else template.path,
                              origin.line if origin else None,
                              hint="roles: " + ", ".join(fonts.faces))


class _Check:
    """Collects the characters no face can draw, with where the first was written."""

    def __init__(self, template: Template, fonts: FontSet):
        self.t = template
        self.fonts = fonts
        self.problems: list[str] = []
        self.first: Origin | None = None

    def __call__(self, text: str | None, style: str, origin: Origin,
                 face: str | None = None) -> None:
        if not text:
            return
        face = face or (self.t.body.face if style == "body" else self.t.styles[style].face)
        try:
            self.fonts.check_coverage(face, text, f"line {origin.line}")
        except MissingGlyphError as err:
            self.problems.append(err.message)
            self.first = self.first or origin


def check_text(issue: Issue, template: Template, fonts: FontSet) -> None:
    """Raise one error naming every character no face can draw, with where it was written."""
    check = _Check(template, fonts)
    for article in issue.articles:
        if article.headline:
            h = article.headline
            for face in (h.face, h.kicker_face, h.subtitle_face):
                if face is not None and face not in fonts.faces:
                    raise LayoutError(f"headline face {face!r} is not a font role",
                                      h.origin.file, h.origin.line,
                                      hint="roles: " + ", ".join(fonts.faces))
            for value, key, face in ((h.kicker, "kicker", h.kicker_face),
                                     (h.main, "headline", h.face),
                                     (h.subtitle, "subtitle", h.subtitle_face)):
                check(value, key, h.origin, face)
        check(article.byline, "byline", article.origin)
        check(article.section, "section", article.origin)
        for image in article.images:
            check(image.caption, "caption", image.origin)
            check(image.label, "label", image.origin)
        for block in (article.note, *article.blocks):
            if block is not None:
                for value, style in kind_of(block).texts(block):
                    check(value, style, block.origin)
    _check_furniture(issue, template, check)
    if check.problems:
        raise MissingGlyphError("; ".join(check.problems),
                                check.first.file if check.first else None,
                                hint="replace those characters, or add a face that has "
                                     "them to fonts/fonts.yaml")


def _check_furniture(issue: Issue, template: Template, check: _Check) -> None:
    """The 报眉's, the banner's and the nameplate's texts."""
    where = issue.origins.get
    if template.header:
        for key in ("paper", "page_name", "editors"):
            check(getattr(issue, key), "header", where(key, issue.template_origin))
    if template.banner and not template.nameplate:
        check(issue.banner or template.banner.text, "banner",
              where("banner", issue.template_origin))
    if template.nameplate:
        from ..nameplate import texts  # noqa: PLC0415 (a front page's only)
        for value in texts(issue, template):
            check(value, "header", where("paper", issue.template_origin),
                  template.nameplate.face if value == (template.nameplate.name or
                                                       issue.paper) else None)
