"""Photos normalised on the way in: orientation applied, EXIF/GPS dropped, ≤ 2560 px, ≤ 1 MB."""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from warta.check.media import MediaError, open_image_header
from warta.media.limits import JPEG_QUALITIES, MAX_LONG_SIDE, MAX_PHOTO_BYTES, WEBP_QUALITIES

_TYPES = {"JPEG": ("image/jpeg", ".jpg"), "WEBP": ("image/webp", ".webp"), "PNG": ("image/png", ".png")}


@dataclass(frozen=True)
class Photo:
    data: bytes
    format: str  # JPEG, WEBP or PNG
    width: int
    height: int

    @property
    def suffix(self) -> str:
        return _TYPES[self.format][1]

    @property
    def content_type(self) -> str:
        return _TYPES[self.format][0]

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def within_limits(width: int, height: int, size: int) -> bool:
    return max(width, height) <= MAX_LONG_SIDE and size <= MAX_PHOTO_BYTES


def _encode(image: Image.Image, fmt: str, quality: int | None, icc: bytes | None) -> bytes:
    buffer = io.BytesIO()
    # No `exif=` is passed, so nothing of the camera's metadata (GPS, serial, time) is written.
    if fmt == "PNG":
        image.save(buffer, "PNG", optimize=True, icc_profile=icc)
    elif fmt == "WEBP":
        image.save(buffer, "WEBP", quality=quality, method=4, icc_profile=icc)
    else:
        image.save(buffer, "JPEG", quality=quality, optimize=True, progressive=True, icc_profile=icc)
    return buffer.getvalue()


def normalize_photo(source: Path, keep_format: bool = False) -> Photo:
    """The photo as Warta stores it. keep_format: re-encode in the source's own format (for
    `warta media fix`, where the file name in the front matter stays); otherwise JPEG, then
    WebP when JPEG cannot get under the limit (or the photo has transparency)."""
    try:
        with open_image_header(source) as opened:
            source_format = opened.format or ""
            icc = opened.info.get("icc_profile")
            image = ImageOps.exif_transpose(opened)
            image.load()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        raise MediaError(str(exc)) from None
    has_alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
    if keep_format and source_format in _TYPES:
        formats = [source_format]
    else:
        formats = ["WEBP"] if has_alpha else ["JPEG", "WEBP"]
    if not has_alpha or formats == ["JPEG"]:
        image = image.convert("RGB")
    elif image.mode not in ("RGBA", "RGB"):
        image = image.convert("RGBA")
    scale = 1.0
    while True:
        long_side = max(image.width, image.height)
        target = min(MAX_LONG_SIDE, round(long_side * scale))
        resized = image
        if long_side > target:
            ratio = target / long_side
            resized = image.resize((max(1, round(image.width * ratio)), max(1, round(image.height * ratio))),
                                   Image.Resampling.LANCZOS)
        for fmt in formats:
            qualities: tuple[int | None, ...] = (
                (None,) if fmt == "PNG" else JPEG_QUALITIES if fmt == "JPEG" else WEBP_QUALITIES)
            for quality in qualities:
                data = _encode(resized, fmt, quality, icc)
                if len(data) <= MAX_PHOTO_BYTES:
                    return Photo(data, fmt, resized.width, resized.height)
        scale *= 0.8  # still too large at the lowest quality: fewer pixels
