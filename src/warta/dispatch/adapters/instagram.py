"""Instagram via the Graph API: container, poll its status, publish; carousels for several images."""

from __future__ import annotations

from typing import Any

import httpx

from warta.channels.networks import GRAPH_BASE
from warta.content.urls import media_url
from warta.dispatch.adapters import MediaFiles, account_value, content_error, image_urls, local_video
from warta.dispatch.adapters.graph import classify
from warta.dispatch.model import Item, Published
from warta.http import ApiError, Http, response_json


class Instagram:
    channel = "instagram"
    default_base = GRAPH_BASE
    poll_interval = 60.0  # "about once a minute, at most 5 minutes"
    poll_attempts = 5

    def classify(self, response: httpx.Response) -> ApiError | None:
        return classify(response)

    def simulate(self, method: str, url: str, body: Any) -> tuple[int, Any, dict[str, str]]:
        if "content_publishing_limit" in url:
            return 200, {"data": [{"quota_usage": 0, "config": {"quota_total": 50}}]}, {}
        if method == "GET":
            return 200, {"id": "CONTAINER_ID", "status_code": "FINISHED",
                         "permalink": "https://www.instagram.com/p/KODE/", "data": []}, {}
        if url.endswith("/media_publish"):
            return 200, {"id": "MEDIA_ID"}, {}
        return 200, {"id": "CONTAINER_ID"}, {}

    def publish(self, item: Item, http: Http, media: MediaFiles) -> Published:
        user = account_value(item, "account")
        video = local_video(item.post)
        images = image_urls(item)
        if not video and not images:
            raise content_error("Instagram tidak menerima kiriman tanpa foto atau video lokal.")
        self._check_quota(http, user)
        caption = item.caption.text
        if video:
            container = self._container(http, user, {"media_type": "REELS", "caption": caption,
                                                     "video_url": media_url(item.site_url, video)})
        elif len(images) == 1:
            container = self._container(http, user, {"image_url": images[0][0], "caption": caption,
                                                     **_alt(images[0][1])})
        else:
            children = [self._container(http, user, {"image_url": url, "is_carousel_item": "true", **_alt(alt)})
                        for url, alt in images[:10]]
            for child in children:
                self._wait(http, child)
            container = self._container(http, user, {"media_type": "CAROUSEL", "caption": caption,
                                                     "children": ",".join(children)})
        self._wait(http, container)
        published = response_json(http.request("POST", f"/{user}/media_publish",
                                               data={"creation_id": container}, commit=True)) or {}
        media_id = str(published["id"])
        return Published(media_id, self._permalink(http, media_id))

    def _check_quota(self, http: Http, user: str) -> None:
        body = response_json(http.request("GET", f"/{user}/content_publishing_limit",
                                          params={"fields": "config,quota_usage"})) or {}
        for entry in body.get("data", []):
            used, total = entry.get("quota_usage"), (entry.get("config") or {}).get("quota_total")
            if isinstance(used, int) and isinstance(total, int) and used >= total:
                raise ApiError(f"Batas kiriman Instagram 24 jam tercapai ({used}/{total}).",
                               code="quota", retryable=True, retry_after=24 * 3600)

    def _container(self, http: Http, user: str, form: dict[str, str]) -> str:
        return str((response_json(http.request("POST", f"/{user}/media", data=form)) or {})["id"])

    def _wait(self, http: Http, container: str) -> None:
        status = ""
        for attempt in range(self.poll_attempts + 1):
            body = response_json(http.request("GET", f"/{container}", params={"fields": "status_code,status"})) or {}
            status = str(body.get("status_code"))
            if status in ("FINISHED", "PUBLISHED"):
                return
            if status in ("ERROR", "EXPIRED"):
                raise ApiError(f"Instagram gagal memproses media (status {status}: {body.get('status')}).",
                               code=status, retryable=True)
            if attempt < self.poll_attempts:
                http.sleep(self.poll_interval)
        raise ApiError(f"Instagram belum selesai memproses media setelah {self.poll_attempts} menit "
                       f"(status {status}).", code="timeout", retryable=True)

    def _permalink(self, http: Http, media_id: str) -> str | None:
        try:
            body = response_json(http.request("GET", f"/{media_id}", params={"fields": "permalink"}))
        except ApiError:
            return None
        return str(body["permalink"]) if isinstance(body, dict) and body.get("permalink") else None

    def find_existing(self, item: Item, http: Http) -> Published | None:
        user = account_value(item, "account")
        body = response_json(http.request("GET", f"/{user}/media", params={
            "fields": "id,caption,permalink,timestamp", "limit": "25"})) or {}
        for media in body.get("data", []):
            caption = str(media.get("caption") or "")
            if item.caption.link in caption or caption.strip() == item.caption.text.strip():
                return Published(str(media["id"]), media.get("permalink"))
        return None


def _alt(text: str) -> dict[str, str]:
    return {"alt_text": text[:1000]} if text else {}
