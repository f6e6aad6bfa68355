"""One adapter per network behind one Protocol; the registry maps channel names to them."""

from __future__ import annotations

import posixpath
import re
from typing import Any, Protocol

import httpx

from warta.content.models import Post
from warta.content.urls import media_url
from warta.dispatch.model import Item, Published
from warta.http import ApiError, Http


class MediaFiles(Protocol):
    """Bytes of the post's local media files, as committed."""

    def read(self, repo_path: str) -> bytes: ...

    def size(self, repo_path: str) -> int: ...


class Adapter(Protocol):
    channel: str
    default_base: str

    def classify(self, response: httpx.Response) -> ApiError | None:
        """None for a success, else the error with whether retrying can help."""

    def simulate(self, method: str, url: str, body: Any) -> tuple[int, Any, dict[str, str]]:
        """A plausible response for --dry-run, so multi-step flows print every request."""

    def publish(self, item: Item, http: Http, media: MediaFiles) -> Published:
        """Create the post; the request that creates it is sent with `commit=True`."""

    def find_existing(self, item: Item, http: Http) -> Published | None:
        """An earlier copy of the item on the network, None if there is none;
        raises CannotReconcile where the API cannot tell."""


YOUTUBE_URL = re.compile(
    r"^https?://(?:www\.|m\.)?(?:youtube\.com/(?:watch\?(?:.*&)?v=|shorts/|live/)|youtu\.be/)([\w-]{6,})")


def is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


def local_video(post: Post) -> str | None:
    """Repository path of the post's video file; None for no video or a video URL."""
    if not post.video or is_url(post.video):
        return None
    return posixpath.normpath(posixpath.join(posixpath.dirname(post.path), post.video))


def image_urls(item: Item) -> list[tuple[str, str]]:
    """(public URL on the deployed site, alt text) of each image: networks fetch them from there."""
    return [(media_url(item.site_url, m.path), m.alt) for m in item.caption.media if m.path]


def mime_type(path: str) -> str:
    ext = path.rsplit(".", 1)[-1].lower()
    return {"jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png", "webp": "image/webp",
            "gif": "image/gif", "mp4": "video/mp4", "mov": "video/quicktime",
            "webm": "video/webm"}.get(ext, "application/octet-stream")


def content_error(message: str) -> ApiError:
    """The post cannot go to this network as written (a person must change it)."""
    return ApiError(message, code="content", retryable=False)


def account_value(item: Item, field: str) -> str:
    value = item.account.get(field)
    if value in (None, ""):
        raise ApiError(f"roster/{item.key.agency}.yml tidak mengisi `channels.{item.key.channel}.{field}`.",
                       code="config")
    return str(value)


def registry() -> dict[str, Adapter]:
    from warta.dispatch.adapters.facebook import Facebook
    from warta.dispatch.adapters.instagram import Instagram
    from warta.dispatch.adapters.tiktok import TikTok
    from warta.dispatch.adapters.x import X
    from warta.dispatch.adapters.youtube import YouTube

    return {"instagram": Instagram(), "facebook": Facebook(), "x": X(), "youtube": YouTube(),
            "tiktok": TikTok()}
