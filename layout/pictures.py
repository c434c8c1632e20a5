"""Pictures a manifest names: checked when the manifest is read (a file that is not a
picture, a truncated one or a decompression bomb is an error naming its line), and turned
into 8-bit RGB for the PDF (16-bit greyscale scaled, not clipped to white). A photo stands
as its EXIF Orientation says (a phone's portrait is stored sideways); a damaged EXIF block
is read as none, without a word from the imaging library."""
from __future__ import annotations

import contextlib
import warnings
from collections.abc import Iterator
from pathlib import Path

from PIL import Image as PILImage

# A picture of more pixels than this is refused (a 30,000 × 30,000 PNG would take gigabytes
# to decode); a 100-megapixel camera's photo passes.
MAX_PIXELS = 120_000_000
FORMATS = ("JPEG", "PNG", "TIFF", "BMP", "GIF", "WEBP")


# EXIF Orientation → the transposition that stands the picture up (2-8; 1: as stored), by
# name (PIL.Image is loaded on first use: lazypil)
UPRIGHT = {2: "FLIP_LEFT_RIGHT", 3: "ROTATE_180", 4: "FLIP_TOP_BOTTOM", 5: "TRANSPOSE",
           6: "ROTATE_270", 7: "TRANSVERSE", 8: "ROTATE_90"}
ORIENTATION_TAG = 0x0112


@contextlib.contextmanager
def opened(file: Path) -> Iterator[PILImage.Image]:
    """The picture file opened, the library's warnings about its metadata kept quiet (a
    damaged EXIF block is no reason to stop, nor to print the library's words)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with PILImage.open(file) as picture:
            yield picture


def orientation(picture: PILImage.Image) -> int:
    """The picture's EXIF Orientation, 1 (as stored) when it has none or it is damaged."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            value = picture.getexif().get(ORIENTATION_TAG, 1)
    except Exception:  # noqa: BLE001 (any damage in the EXIF block: read as none)
        return 1
    return value if value in UPRIGHT else 1


def upright(picture: PILImage.Image) -> PILImage.Image:
    """The picture as it stands (its EXIF Orientation applied)."""
    turn = UPRIGHT.get(orientation(picture))
    return picture.transpose(PILImage.Transpose[turn]) if turn is not None else picture


def upright_size(picture: PILImage.Image) -> tuple[int, int]:
    """Width and height of the picture as it stands."""
    width, height = picture.size
    return (height, width) if orientation(picture) >= 5 else (width, height)


class PictureError(ValueError):
    """Why a file cannot be used as a picture."""


def picture_size(file: Path) -> tuple[int, int]:
    """The picture's pixels (width, height), after checking that it is one: a format the
    PDF can take, not too large, its data whole."""
    try:
        with opened(file) as picture:
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
    try:
        with opened(file) as picture:  # (verify() leaves the first opening unusable)
            return upright_size(picture)
    except (OSError, SyntaxError, ValueError) as err:
        raise PictureError(f"it cannot be read as a picture ({err})") from None


def rgb(picture: PILImage.Image) -> PILImage.Image:
    """The picture as 8-bit RGB: 16- and 32-bit greyscale scaled down to 8 bits."""
    if picture.mode in ("I", "I;16", "I;16B", "I;16L", "I;16N"):
        wide = picture if picture.mode == "I" else picture.convert("I")
        return wide.point(lambda v: v / 256).convert("L").convert("RGB")
    return picture.convert("RGB")
