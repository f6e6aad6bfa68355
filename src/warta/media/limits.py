"""The one home of the photo limits every path that adds a photo enforces.

`warta media add`, `warta check` and the phone editor (which reads the same figures) agree:
a stored photo is at most MAX_LONG_SIDE pixels on its long side and at most MAX_PHOTO_BYTES.
"""

from __future__ import annotations

MB = 1024 * 1024

MAX_LONG_SIDE = 2560  # px: sharp on a 4K screen's half, far above the site's 1600 px variant
MAX_PHOTO_BYTES = 1 * MB
# Re-encoding steps tried in order until the photo fits (JPEG quality, then WebP quality).
JPEG_QUALITIES = (88, 82, 76, 70, 62, 55)
WEBP_QUALITIES = (80, 70, 60, 50)
PHOTO_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".webp"})
VIDEO_SUFFIXES = frozenset({".mp4", ".mov", ".m4v", ".webm", ".mkv", ".avi", ".3gp"})
