"""Facts about local media files: image size and format (Pillow), MP4/MOV duration (mutagen)."""

from __future__ import annotations

import struct
import warnings
from dataclasses import dataclass
from pathlib import Path

from mutagen import MutagenError
from mutagen.mp4 import MP4
from PIL import Image, UnidentifiedImageError


@dataclass(frozen=True)
class ImageInfo:
    format: str
    width: int
    height: int
    bytes: int

    @property
    def aspect(self) -> float:
        return self.width / self.height if self.height else 0.0


class MediaError(Exception):
    pass


# Far above any phone or camera photo (a 200 MP sensor saves 50 MP by default), far below what
# it takes to exhaust memory when decoded (4 bytes a pixel: 40 MP is 160 MB).
MAX_PIXELS = 40_000_000


class TooManyPixels(MediaError):
    def __init__(self, width: int | None, height: int | None) -> None:
        super().__init__(f"{width}×{height}" if width and height else "dimensi sangat besar")
        self.width, self.height = width, height


def open_image_header(path: Path) -> Image.Image:
    """Pillow's lazy open (reads the header, decodes nothing), refusing more than MAX_PIXELS.

    Pillow itself only warns up to 179 MP and raises a non-OSError past it; both are turned
    into TooManyPixels here, before anything is decoded."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(path)
    except Image.DecompressionBombError:
        raise TooManyPixels(None, None) from None
    if image.width * image.height > MAX_PIXELS:
        width, height = image.size
        image.close()
        raise TooManyPixels(width, height)
    return image


def image_info(path: Path) -> ImageInfo:
    try:
        with open_image_header(path) as image:
            info = ImageInfo(image.format or "?", image.width, image.height, path.stat().st_size)
            image.verify()
        return info
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise MediaError(str(exc)) from None


# The first box of an ISO base media (MP4, M4V) or QuickTime (MOV) file.
_CONTAINER_BOXES = frozenset({b"ftyp", b"moov", b"mdat", b"free", b"skip", b"wide", b"pnot"})


def is_video_container(path: Path) -> bool:
    """True when the file starts like an MP4/MOV container (the box type at bytes 4–8)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(12)
    except OSError:
        return False
    return len(head) >= 8 and head[4:8] in _CONTAINER_BOXES


def video_duration(path: Path) -> float:
    """Seconds of an MP4/MOV file, read by mutagen wherever its `moov` box is (phones often
    write it after the media data, past the first tens of megabytes; mutagen seeks to it).

    Raises MediaError when the container cannot be read: the caller says so, never silence."""
    try:
        length = getattr(MP4(path).info, "length", 0)
    except (MutagenError, OSError, ValueError, struct.error) as exc:
        raise MediaError(str(exc) or type(exc).__name__) from None
    if not length or length <= 0:
        raise MediaError("durasi tidak tercatat di kotak `mvhd`")
    return float(length)
