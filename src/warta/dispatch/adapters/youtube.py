"""YouTube Data API v3: resumable videos.insert of the post's local video file."""

from __future__ import annotations

import time
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx

from warta.channels.networks import YOUTUBE_BASE, label
from warta.dispatch.adapters import YOUTUBE_URL, MediaFiles, content_error, local_video, mime_type
from warta.dispatch.model import CannotReconcile, Item, Published
from warta.http import ApiError, Http, UncertainSend, response_json, retry_after_seconds

PACIFIC = ZoneInfo("America/Los_Angeles")
CHUNK = 8 * 1024 * 1024  # a multiple of 256 KiB, as resumable uploads require


def seconds_to_pacific_midnight(now: datetime | None = None) -> float:
    """Daily quota resets at midnight Pacific time."""
    now = (now or datetime.now(PACIFIC)).astimezone(PACIFIC)
    midnight = (now + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    return (midnight - now).total_seconds()


def _tags(tags: tuple[str, ...]) -> list[str]:
    kept: list[str] = []
    for tag in tags:
        if sum(len(t) + 1 for t in kept) + len(tag) > 500:
            break
        kept.append(tag)
    return kept


class YouTube:
    channel = "youtube"
    default_base = YOUTUBE_BASE
    chunk_size = CHUNK
    resume_attempts = 5


    def classify(self, response: httpx.Response) -> ApiError | None:
        if response.is_success or response.status_code == 308:
            return None
        body = response_json(response)
        error = body.get("error") if isinstance(body, dict) else None
        error = error if isinstance(error, dict) else {}
        reasons = [e.get("reason") for e in error.get("errors", []) if isinstance(e, dict)]
        reason = reasons[0] if reasons else None
        message = f"{error.get('message') or response.reason_phrase} (HTTP {response.status_code}" + \
            (f", {reason})" if reason else ")")
        status = response.status_code
        if status == 401:
            return ApiError(message, status=status, code="401", auth=True)
        if reason in ("quotaExceeded", "uploadLimitExceeded", "dailyLimitExceeded"):
            return ApiError(message, status=status, code=reason, retryable=True,
                            retry_after=seconds_to_pacific_midnight())
        if status == 429 or status >= 500:
            return ApiError(message, status=status, code=str(status), retryable=True,
                            retry_after=retry_after_seconds(response.headers, time.time))
        return ApiError(message, status=status, code=reason or str(status))

    def simulate(self, method: str, url: str, body: Any) -> tuple[int, Any, dict[str, str]]:
        if method == "POST":
            return 200, {}, {"Location": "https://youtube.googleapis.com/upload/youtube/v3/videos?upload_id=SESSION_ID"}
        return 200, {"id": "VIDEO_ID", "status": {"uploadStatus": "uploaded"}}, {}

    def publish(self, item: Item, http: Http, media: MediaFiles) -> Published:
        video = item.post.video
        if video and YOUTUBE_URL.match(video):
            match = YOUTUBE_URL.match(video)
            assert match is not None
            return Published(match.group(1), video,
                             note="Video sudah ada di YouTube (tautan di `video`); tidak ada yang diunggah.")
        path = local_video(item.post)
        if path is None:
            raise content_error("YouTube hanya dapat mengunggah berkas video lokal; "
                                f"`video` berisi {'tautan' if video else 'kosong'}.")
        size = media.size(path)
        resource = {
            "snippet": {"title": item.caption.title or item.post.title, "description": item.caption.text,
                        "tags": _tags(item.caption.tags), "categoryId": "25"},
            "status": {"privacyStatus": "public", "selfDeclaredMadeForKids": False},
        }
        start = http.request("POST", "/upload/youtube/v3/videos", json=resource,
                             params={"uploadType": "resumable", "part": "snippet,status"},
                             headers={"X-Upload-Content-Length": str(size),
                                      "X-Upload-Content-Type": mime_type(path)})
        session = start.headers.get("location")
        if not session:
            raise ApiError("YouTube tidak memberi alamat sesi unggah (header Location).", retryable=True)
        body = self._upload(http, session, media.read(path), size, path)
        video_id = str(body["id"])
        return Published(video_id, f"https://www.youtube.com/watch?v={video_id}")

    def _upload(self, http: Http, session: str, data: bytes, size: int, path: str) -> dict[str, Any]:
        offset, resumes = 0, 0
        while True:
            end = min(offset + self.chunk_size, size) - 1
            try:
                response = http.request("PUT", session, content=data[offset:end + 1], commit=True,
                                        headers={"Content-Range": f"bytes {offset}-{end}/{size}"},
                                        note=f"<{end - offset + 1} byte dari {path}>")
            except UncertainSend:
                resumes += 1
                if resumes > self.resume_attempts:
                    raise
                # Ask the session what arrived, then resume from there (never start over).
                response = http.request("PUT", session, content=b"", commit=True,
                                        headers={"Content-Range": f"bytes */{size}"})
            if response.status_code in (200, 201):
                return response_json(response) or {}
            received = response.headers.get("range", "")  # e.g. "bytes=0-524287"
            offset = int(received.rsplit("-", 1)[-1]) + 1 if received else 0
            if http.dry_run:
                return {"id": "VIDEO_ID"}

    def find_existing(self, item: Item, http: Http) -> Published | None:
        raise CannotReconcile(label("youtube"))
