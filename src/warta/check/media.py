"""Facts about local media files: image size and format (Pillow), MP4 duration (mvhd box)."""

from __future__ import annotations

import struct
import warnings
from dataclasses import dataclass
from pathlib import Path

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


def mp4_duration(path: Path) -> float | None:
    """Seconds from the movie header of an MP4/MOV file; None when it cannot be read."""
    try:
        with path.open("rb") as handle:
            return _find_mvhd(handle.read(64 * 1024 * 1024))
    except OSError:
        return None


def _find_mvhd(data: bytes, start: int = 0, end: int | None = None) -> float | None:
    end = len(data) if end is None else end
    offset = start
    while offset + 8 <= end:
        size, kind = struct.unpack(">I4s", data[offset:offset + 8])
        header = 8
        if size == 1 and offset + 16 <= end:
            size = struct.unpack(">Q", data[offset + 8:offset + 16])[0]
            header = 16
        elif size == 0:
            size = end - offset
        if size < header:
            return None
        if kind == b"moov":
            return _find_mvhd(data, offset + header, min(offset + size, end))
        if kind == b"mvhd":
            body = offset + header
            version = data[body]
            if version == 1:
                timescale, duration = struct.unpack(">IQ", data[body + 20:body + 32])
            else:
                timescale, duration = struct.unpack(">II", data[body + 12:body + 20])
            return duration / timescale if timescale else None
        offset += size
    return None
