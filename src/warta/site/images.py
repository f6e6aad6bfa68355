"""Responsive images: each photo resized and compressed once, cached by content hash."""

from __future__ import annotations

import hashlib
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps

from warta.check.media import MediaError, open_image_header

WIDTHS = (480, 960, 1600)
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".gif", ".bmp", ".tif", ".tiff"}
QUALITY = 78


@dataclass(frozen=True)
class Variant:
    name: str  # file name inside the shard's media folder
    width: int
    height: int


@dataclass(frozen=True)
class ResponsiveImage:
    variants: tuple[Variant, ...]  # narrowest first

    @property
    def largest(self) -> Variant:
        return self.variants[-1]

    def default(self) -> Variant:
        """The variant used as `src`: about 960 px wide, or the largest there is."""
        fitting = [v for v in self.variants if v.width <= 960]
        return fitting[-1] if fitting else self.variants[0]


def is_image(path: str) -> bool:
    return Path(path).suffix.lower() in IMAGE_SUFFIXES


def _digest(path: Path) -> str:
    sha = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            sha.update(chunk)
    return sha.hexdigest()[:20]


def _link_or_copy(src: Path, dst: Path) -> None:
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


def without_metadata(source: Path, cache_dir: Path) -> Path:
    """A copy of a JPEG/PNG without EXIF (GPS position, camera serial), cached by content.

    The original file is published too (Instagram and TikTok fetch it by URL), so it must not
    carry where and with what it was taken. JPEG pixels are kept with `quality="keep"`."""
    digest = _digest(source)
    suffix = source.suffix.lower()
    target = cache_dir / f"{digest}-asli{suffix}"
    if target.is_file():
        return target
    cache_dir.mkdir(parents=True, exist_ok=True)
    try:
        # Header first: a photo of more pixels than check allows is never decoded here either.
        with open_image_header(source) as image:
            icc = image.info.get("icc_profile")
            orientation = image.getexif().get(0x0112, 1)
            if image.format == "JPEG" and orientation == 1:
                image.save(target, "JPEG", quality="keep", icc_profile=icc, optimize=True)
            elif image.format == "JPEG":
                ImageOps.exif_transpose(image).save(target, "JPEG", quality=90, icc_profile=icc)
            elif image.format == "PNG":
                ImageOps.exif_transpose(image).save(target, "PNG", icc_profile=icc, optimize=True)
            else:
                return source
    except (OSError, ValueError, Image.DecompressionBombError, MediaError):
        return source  # not an image we can read: published as it is, the check reports it
    return target


def responsive_image(source: Path, out_dir: Path, cache_dir: Path) -> ResponsiveImage | None:
    """Write WebP variants of `source` into out_dir; None when it is not a readable image."""
    digest = _digest(source)
    out_dir.mkdir(parents=True, exist_ok=True)
    cache_dir.mkdir(parents=True, exist_ok=True)
    index = cache_dir / f"{digest}.sizes"
    if not index.is_file():
        try:
            with open_image_header(source) as opened:
                image = ImageOps.exif_transpose(opened).convert("RGB")
        except (OSError, ValueError, Image.DecompressionBombError, MediaError):
            return None
        widths = [w for w in WIDTHS if w < image.width] + [min(image.width, WIDTHS[-1])]
        lines = []
        for width in dict.fromkeys(widths):
            height = max(1, round(image.height * width / image.width))
            resized = image if width == image.width else image.resize((width, height),
                                                                      Image.Resampling.LANCZOS)
            resized.save(cache_dir / f"{digest}-{width}.webp", "WEBP", quality=QUALITY,
                         method=4)
            lines.append(f"{width} {height}")
        index.write_text("\n".join(lines), encoding="utf-8")
    variants = []
    for line in index.read_text(encoding="utf-8").splitlines():
        width, height = (int(x) for x in line.split())
        name = f"{digest}-{width}.webp"
        target = out_dir / name
        if not target.exists():
            _link_or_copy(cache_dir / name, target)
        variants.append(Variant(name, width, height))
    return ResponsiveImage(tuple(variants)) if variants else None
