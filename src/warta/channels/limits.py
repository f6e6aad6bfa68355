"""Every network's publishing limits, in one table (from shared/channels.md, late 2026).

Where two official pages disagree the stricter figure is used and the other noted, so a
correction is one edit here.
"""

from __future__ import annotations

from dataclasses import dataclass

from warta.channels.networks import LABELS

MB = 1024 * 1024


@dataclass(frozen=True)
class ChannelLimits:
    label: str
    max_text: int | None = None  # characters (X: weighted; TikTok: UTF-16 units)
    max_hashtags: int | None = None
    max_mentions: int | None = None
    image_formats: tuple[str, ...] = ()  # Pillow format names
    max_image_bytes: int | None = None
    min_aspect: float | None = None  # width / height
    max_aspect: float | None = None
    min_width: int | None = None
    max_width: int | None = None
    max_images: int | None = None
    needs: str | None = None  # "media" (image or video) or "video"
    max_video_bytes: int | None = None
    max_video_seconds: float | None = None
    min_video_seconds: float | None = None
    max_title: int | None = None
    max_description_bytes: int | None = None
    max_tags_chars: int | None = None


LIMITS: dict[str, ChannelLimits] = {
    "facebook": ChannelLimits(
        label=LABELS["facebook"],
        image_formats=("JPEG", "PNG", "GIF", "BMP", "TIFF"),
        max_image_bytes=10 * MB,
        min_aspect=9 / 16, max_aspect=16 / 9,  # video aspect range; used for videos only
        max_video_bytes=1024 * MB, max_video_seconds=20 * 60,
    ),
    "instagram": ChannelLimits(
        label=LABELS["instagram"],
        max_text=2200, max_hashtags=30, max_mentions=20,
        image_formats=("JPEG",), max_image_bytes=8 * MB,
        min_aspect=4 / 5, max_aspect=1.91, min_width=320, max_width=1440,
        max_images=10, needs="media",
        max_video_bytes=300 * MB, max_video_seconds=15 * 60, min_video_seconds=3,
    ),
    "x": ChannelLimits(
        label=LABELS["x"],
        max_text=280,
        image_formats=("JPEG", "PNG", "WEBP", "GIF"), max_image_bytes=5 * MB,  # GIF: 15 MB
        max_images=4,
        # Older docs: 140 s / 512 MB; newer: 20 min / 8 GB. Use the older, stricter pair.
        max_video_bytes=512 * MB, max_video_seconds=140, min_video_seconds=0.5,
    ),
    "youtube": ChannelLimits(
        label=LABELS["youtube"],
        needs="video", max_title=100, max_description_bytes=5000, max_tags_chars=500,
        max_video_bytes=256 * 1024 * MB,
    ),
    "tiktok": ChannelLimits(
        label=LABELS["tiktok"],
        max_text=2200, needs="video",
        max_video_bytes=4096 * MB, max_video_seconds=10 * 60,
    ),
}
GIF_MAX_BYTES_X = 15 * MB

# A photo as it leaves the writer's phone: the web editor shrinks it to this before uploading
# (src/warta/admin/config.py) and `warta check` warns above it (image-huge). Large enough for
# every network (Instagram keeps 1440 px) and for the site's own resized copies.
PHOTO_MAX_LONG_SIDE = 2560
PHOTO_MAX_BYTES = 1 * MB
