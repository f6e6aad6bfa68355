"""Phone-like photos for the media tests: noisy pixels (they compress like a photo), EXIF with GPS."""

from __future__ import annotations

from pathlib import Path


def phone_photo(path: Path, size: tuple[int, int] = (4000, 3000), orientation: int = 6,
                sigma: float = 20) -> Path:
    """A JPEG as a phone saves it: several MB, rotated by EXIF orientation, with a GPS block."""
    from PIL import Image

    path.parent.mkdir(parents=True, exist_ok=True)
    small = (size[0] // 4, size[1] // 4)  # noise drawn small and enlarged: fast, and photo-like detail
    image = Image.merge("RGB", [Image.effect_noise(small, sigma).resize(size, Image.Resampling.BICUBIC)
                                for _ in range(3)])
    exif = image.getexif()
    exif[0x0112] = orientation
    exif[0x010F] = "PhoneMaker"
    exif[0x8825] = {1: "S", 2: (3.0, 47.0, 0.0), 3: "E", 4: (102.0, 15.0, 0.0)}  # GPS IFD
    image.save(path, "JPEG", quality=95, exif=exif)
    return path
