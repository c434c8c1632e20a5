"""Pictures a manifest names: checked when the manifest is read (a file that is not a
picture, a truncated one or a decompression bomb is an error naming its line), and turned
into 8-bit RGB for the PDF (16-bit greyscale scaled, not clipped to white)."""
from __future__ import annotations

import warnings
from pathlib import Path

from PIL import Image as PILImage

# A picture of more pixels than this is refused (a 30,000 × 30,000 PNG would take gigabytes
# to decode); a 100-megapixel camera's photo passes.
MAX_PIXELS = 120_000_000
FORMATS = ("JPEG", "PNG", "TIFF", "BMP", "GIF", "WEBP")


class PictureError(ValueError):
    """Why a file cannot be used as a picture."""


def picture_size(file: Path) -> tuple[int, int]:
    """The picture's pixels (width, height), after checking that it is one: a format the
    PDF can take, not too large, its data whole."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", PILImage.DecompressionBombWarning)
            with PILImage.open(file) as picture:
                width, height = picture.size
                kind = picture.format
                if kind not in FORMATS:
                    raise PictureError(f"it is {kind or 'not a picture'}; pictures are "
                                       + ", ".join(FORMATS))
                if width * height > MAX_PIXELS:
                    raise PictureError(f"it has {width} × {height} pixels, more than "
                                       f"{MAX_PIXELS:,}")
                picture.verify()  # the data is whole (PNG checksums; headers of the rest)
    except PictureError:
        raise
    except PILImage.DecompressionBombError:
        raise PictureError(f"it has more than {MAX_PIXELS:,} pixels") from None
    except (OSError, SyntaxError, ValueError) as err:
        raise PictureError(f"it cannot be read as a picture ({err})") from None
    if not width or not height:
        raise PictureError("it has no pixels")
    return width, height


def rgb(picture: PILImage.Image) -> PILImage.Image:
    """The picture as 8-bit RGB: 16- and 32-bit greyscale scaled down to 8 bits."""
    if picture.mode in ("I", "I;16", "I;16B", "I;16L", "I;16N"):
        wide = picture if picture.mode == "I" else picture.convert("I")
        return wide.point(lambda v: v / 256).convert("L").convert("RGB")
    return picture.convert("RGB")
