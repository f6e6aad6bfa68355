"""The one home of the photo limits every path that adds a photo enforces.

`warta media add`, `warta check` and the phone editor (which reads the same figures) agree:
a stored photo is at most MAX_LONG_SIDE pixels on its long side and at most MAX_PHOTO_BYTES.
"""

from __future__ import annotations

from warta.channels.limits import MB, PHOTO_MAX_BYTES, PHOTO_MAX_LONG_SIDE
from warta.content.files import VIDEO_SUFFIXES as PUBLISHABLE_VIDEO_SUFFIXES

# The figures themselves live with the other limits (warta.channels.limits), which the phone
# editor's configuration also reads; these names are what the media code calls them.
MAX_LONG_SIDE = PHOTO_MAX_LONG_SIDE
MAX_PHOTO_BYTES = PHOTO_MAX_BYTES
__all__ = ["JPEG_QUALITIES", "MAX_LONG_SIDE", "MAX_PHOTO_BYTES", "MB", "VIDEO_SUFFIXES",
           "WEBP_QUALITIES"]
# Re-encoding steps tried in order until the photo fits (JPEG quality, then WebP quality).
JPEG_QUALITIES = (88, 82, 76, 70, 62, 55)
WEBP_QUALITIES = (80, 70, 60, 50)
# Any video a phone or camera may produce (to recognise one committed into git or handed to
# `warta media add`): the publishable ones (warta.content.files) plus formats Warta never publishes.
VIDEO_SUFFIXES = PUBLISHABLE_VIDEO_SUFFIXES | frozenset({".webm", ".mkv", ".avi", ".3gp"})
