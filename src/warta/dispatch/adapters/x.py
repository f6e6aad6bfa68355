"""X API v2: media upload (simple for images, chunked for video), then POST /2/tweets."""

from __future__ import annotations

import time
from typing import Any

import httpx

from warta.channels.networks import X_BASE
from warta.dispatch.adapters import MediaFiles, account_value, local_video, mime_type
from warta.dispatch.model import Item, Published
from warta.http import ApiError, Http, response_json, retry_after_seconds

CHUNK = 4 * 1024 * 1024


class X:
    channel = "x"
    default_base = X_BASE
    poll_attempts = 30


    def classify(self, response: httpx.Response) -> ApiError | None:
        if response.is_success:
            return None
        body = response_json(response)
        body = body if isinstance(body, dict) else {}
        detail = body.get("detail") or body.get("title") or response.reason_phrase
        errors = body.get("errors")
        if isinstance(errors, list) and errors and isinstance(errors[0], dict):
            detail = errors[0].get("message") or detail
        message = f"{detail} (HTTP {response.status_code})"
        status = response.status_code
        if status == 401:
            return ApiError(message, status=status, code="401", auth=True)
        if status == 429:
            return ApiError(message, status=status, code="88", retryable=True,
                            retry_after=retry_after_seconds(response.headers, time.time))
        if status in (500, 502, 503, 504):
            return ApiError(message, status=status, code=str(status), retryable=True)
        return ApiError(message, status=status, code=str(status))

    def simulate(self, method: str, url: str, body: Any) -> tuple[int, Any, dict[str, str]]:
        if url.endswith("/2/tweets"):
            return 201, {"data": {"id": "TWEET_ID", "text": ""}}, {}
        if url.endswith("/2/users/me"):
            return 200, {"data": {"id": "USER_ID"}}, {}
        return 200, {"data": {"id": "MEDIA_ID", "processing_info": {"state": "succeeded"}}}, {}

    def publish(self, item: Item, http: Http, media: MediaFiles) -> Published:
        handle = account_value(item, "handle").lstrip("@")
        video = local_video(item.post)
        media_ids = [self._upload_video(http, media, video)] if video else [
            self._upload_image(http, media, m.path, m.alt) for m in item.caption.media[:4] if m.path]
        payload: dict[str, Any] = {"text": item.caption.text}
        if media_ids:
            payload["media"] = {"media_ids": media_ids}
        body = response_json(http.request("POST", "/2/tweets", json=payload, commit=True)) or {}
        tweet_id = str(body["data"]["id"])
        return Published(tweet_id, f"https://x.com/{handle}/status/{tweet_id}")

    def _upload_image(self, http: Http, media: MediaFiles, path: str, alt: str) -> str:
        data = media.read(path)
        body = response_json(http.request(
            # X's MediaUploadRequest has media and media_category; the type travels with the file part.
            "POST", "/2/media/upload", data={"media_category": "tweet_image"},
            files={"media": (path.rsplit("/", 1)[-1], data, mime_type(path))})) or {}
        media_id = str(body["data"]["id"])
        if alt:
            http.request("POST", "/2/media/metadata",
                         json={"id": media_id, "metadata": {"alt_text": {"text": alt[:1000]}}})
        return media_id

    def _upload_video(self, http: Http, media: MediaFiles, path: str) -> str:
        size = media.size(path)
        body = response_json(http.request("POST", "/2/media/upload/initialize", json={
            "media_type": mime_type(path), "total_bytes": size, "media_category": "tweet_video"})) or {}
        media_id = str(body["data"]["id"])
        data = media.read(path)
        for index, start in enumerate(range(0, max(size, 1), CHUNK)):
            http.request("POST", f"/2/media/upload/{media_id}/append", data={"segment_index": str(index)},
                         files={"media": ("chunk", data[start:start + CHUNK], "application/octet-stream")})
        body = response_json(http.request("POST", f"/2/media/upload/{media_id}/finalize")) or {}
        for _ in range(self.poll_attempts):
            info = (body.get("data") or {}).get("processing_info") or {}
            state = info.get("state")
            if state in (None, "succeeded"):
                return media_id
            if state == "failed":
                raise ApiError(f"X gagal memproses video: {info.get('error', {}).get('message', '')}",
                               code="media", retryable=False)
            http.sleep(float(info.get("check_after_secs", 5)))
            body = response_json(http.request("GET", "/2/media/upload", params={
                "command": "STATUS", "media_id": media_id})) or {}
        raise ApiError("X belum selesai memproses video.", code="timeout", retryable=True)

    def find_existing(self, item: Item, http: Http) -> Published | None:
        handle = account_value(item, "handle").lstrip("@")
        me = response_json(http.request("GET", "/2/users/me")) or {}
        user_id = me["data"]["id"]
        body = response_json(http.request("GET", f"/2/users/{user_id}/tweets", params={
            "max_results": "20", "tweet.fields": "entities,created_at"})) or {}
        for tweet in body.get("data", []):
            urls = [u.get("expanded_url") for u in (tweet.get("entities") or {}).get("urls", [])]
            if item.caption.link in urls or tweet.get("text", "").strip() == item.caption.text.strip():
                return Published(str(tweet["id"]), f"https://x.com/{handle}/status/{tweet['id']}")
        return None
