"""TikTok Content Posting API: creator info, init (file upload, pull from URL, or photos), status."""

from __future__ import annotations

import time
from typing import Any

import httpx

from warta.channels.networks import TIKTOK_BASE, label
from warta.dispatch.adapters import (
    YOUTUBE_URL,
    MediaFiles,
    account_value,
    content_error,
    image_urls,
    is_url,
    local_video,
    mime_type,
)
from warta.dispatch.model import CannotReconcile, Item, Published
from warta.http import ApiError, Http, response_json, retry_after_seconds

MB = 1024 * 1024
NEVER_RETRY = {"scope_not_authorized", "spam_risk_too_many_posts",
               "unaudited_client_can_only_post_to_private_accounts", "privacy_level_option_mismatch",
               "url_ownership_unverified"}


def chunking(size: int) -> tuple[int, int]:
    """(chunk_size, total_chunk_count): under 5 MB whole; else 10 MB chunks, the last one larger."""
    if size < 5 * MB:
        return size, 1
    chunk = 10 * MB
    return chunk, max(1, size // chunk)


class TikTok:
    channel = "tiktok"
    default_base = TIKTOK_BASE
    poll_interval = 5.0
    poll_attempts = 12


    def classify(self, response: httpx.Response) -> ApiError | None:
        body = response_json(response)
        error = body.get("error") if isinstance(body, dict) else None
        code = error.get("code") if isinstance(error, dict) else None
        if response.is_success and code in (None, "ok"):
            return None
        message = f"{(error or {}).get('message') or response.reason_phrase} (HTTP {response.status_code}, {code})"
        status = response.status_code
        if code == "access_token_invalid" or status == 401:
            return ApiError(message, status=status, code=code or "401", auth=True)
        if code in NEVER_RETRY:
            return ApiError(message, status=status, code=code, auth=code == "scope_not_authorized")
        if code == "rate_limit_exceeded" or status == 429 or status >= 500:
            return ApiError(message, status=status, code=code or str(status), retryable=True,
                            retry_after=retry_after_seconds(response.headers, time.time))
        return ApiError(message, status=status, code=code or str(status))

    def simulate(self, method: str, url: str, body: Any) -> tuple[int, Any, dict[str, str]]:
        ok = {"code": "ok", "message": "", "log_id": "LOG_ID"}
        if url.endswith("/creator_info/query/"):
            return 200, {"data": {"privacy_level_options": ["PUBLIC_TO_EVERYONE", "SELF_ONLY"]}, "error": ok}, {}
        if url.endswith("/status/fetch/"):
            return 200, {"data": {"status": "PUBLISH_COMPLETE",
                                  "publicaly_available_post_id": ["VIDEO_ID"]}, "error": ok}, {}
        return 200, {"data": {"publish_id": "PUBLISH_ID", "upload_url": "https://open-upload.tiktokapis.com/UPLOAD_ID"},
                     "error": ok}, {}

    def publish(self, item: Item, http: Http, media: MediaFiles) -> Published:
        handle = account_value(item, "handle").lstrip("@")
        # developers.tiktok.com/doc/content-posting-api-reference-query-creator-info: privacy_level_options
        info = response_json(http.request("POST", "/v2/post/publish/creator_info/query/", json={})) or {}
        options = (info.get("data") or {}).get("privacy_level_options") or ["SELF_ONLY"]
        privacy = "PUBLIC_TO_EVERYONE" if "PUBLIC_TO_EVERYONE" in options else options[0]
        # post_info fields: developers.tiktok.com/doc/content-posting-api-reference-direct-post
        flags = {"privacy_level": privacy, "disable_comment": False, "disable_duet": False,
                 "disable_stitch": False}
        video = local_video(item.post)
        images = image_urls(item)
        if video:
            publish_id = self._file_upload(http, media, video, {"title": item.caption.text, **flags})
        elif item.post.video and is_url(item.post.video) and not YOUTUBE_URL.match(item.post.video):
            body = response_json(http.request("POST", "/v2/post/publish/video/init/", commit=True, json={
                "post_info": {"title": item.caption.text, **flags},
                "source_info": {"source": "PULL_FROM_URL", "video_url": item.post.video}})) or {}
            publish_id = str(body["data"]["publish_id"])
        elif images:
            # developers.tiktok.com/doc/content-posting-api-reference-photo-post: title ≤ 90, description
            # ≤ 4000, photo_images (≤ 35 URLs on a verified domain), photo_cover_index, post_mode, media_type
            body = response_json(http.request("POST", "/v2/post/publish/content/init/", commit=True, json={
                "post_info": {"title": item.post.title[:90], "description": item.caption.text[:4000], **flags},
                "source_info": {"source": "PULL_FROM_URL", "photo_images": [u for u, _ in images[:35]],
                                "photo_cover_index": 0},
                "post_mode": "DIRECT_POST", "media_type": "PHOTO"})) or {}
            publish_id = str(body["data"]["publish_id"])
        else:
            raise content_error("TikTok butuh berkas video lokal atau foto; "
                                "tautan YouTube tidak bisa dikirim ke TikTok.")
        return self._status(http, publish_id, handle)

    def _file_upload(self, http: Http, media: MediaFiles, path: str, post_info: dict[str, Any]) -> str:
        size = media.size(path)
        chunk, count = chunking(size)
        # source_info FILE_UPLOAD (video_size, chunk_size, total_chunk_count):
        # developers.tiktok.com/doc/content-posting-api-media-transfer-guide
        body = response_json(http.request("POST", "/v2/post/publish/video/init/", commit=True, json={
            "post_info": post_info,
            "source_info": {"source": "FILE_UPLOAD", "video_size": size, "chunk_size": chunk,
                            "total_chunk_count": count}})) or {}
        data = body["data"]
        content = media.read(path)
        for index in range(count):
            start = index * chunk
            end = size - 1 if index == count - 1 else start + chunk - 1
            http.request("PUT", str(data["upload_url"]), content=content[start:end + 1], auth=False, commit=True,
                         headers={"Content-Range": f"bytes {start}-{end}/{size}", "Content-Type": mime_type(path)},
                         note=f"<{end - start + 1} byte dari {path}>")
        return str(data["publish_id"])

    def _status(self, http: Http, publish_id: str, handle: str) -> Published:
        for attempt in range(self.poll_attempts):
            # developers.tiktok.com/doc/content-posting-api-reference-get-video-status: status, fail_reason,
            # publicaly_available_post_id
            body = response_json(http.request("POST", "/v2/post/publish/status/fetch/",
                                              json={"publish_id": publish_id})) or {}
            data = body.get("data") or {}
            status = data.get("status")
            if status == "PUBLISH_COMPLETE":
                ids = data.get("publicaly_available_post_id") or []  # (sic) TikTok's spelling
                if ids:
                    return Published(str(ids[0]), f"https://www.tiktok.com/@{handle}/video/{ids[0]}")
                return Published(publish_id, f"https://www.tiktok.com/@{handle}",
                                 note="Terbit; tautan video menunggu moderasi TikTok.")
            if status == "FAILED":
                raise ApiError(f"TikTok menolak kiriman: {data.get('fail_reason')}.", code="FAILED")
            if attempt + 1 < self.poll_attempts:
                http.sleep(self.poll_interval)
        return Published(publish_id, f"https://www.tiktok.com/@{handle}",
                         note="Terkirim; TikTok masih memprosesnya.")

    def find_existing(self, item: Item, http: Http) -> Published | None:
        raise CannotReconcile(label("tiktok"))
