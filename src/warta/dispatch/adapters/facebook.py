"""Facebook Page via the Graph API: feed (text and link), photos by URL, videos by URL."""

from __future__ import annotations

import json
from typing import Any

import httpx

from warta.channels.networks import GRAPH_BASE
from warta.content.urls import media_url
from warta.dispatch.adapters import MediaFiles, account_value, image_urls, local_video
from warta.dispatch.adapters.graph import classify
from warta.dispatch.model import Item, Published
from warta.http import ApiError, Http, response_json


class Facebook:
    channel = "facebook"
    default_base = GRAPH_BASE

    def classify(self, response: httpx.Response) -> ApiError | None:
        return classify(response)

    def simulate(self, method: str, url: str, body: Any) -> tuple[int, Any, dict[str, str]]:
        if method == "GET":
            return 200, {"id": "POST_ID", "permalink_url": "https://www.facebook.com/POST_ID", "data": []}, {}
        return 200, {"id": "PHOTO_ID", "post_id": "PAGE_ID_POST_ID"}, {}

    def publish(self, item: Item, http: Http, media: MediaFiles) -> Published:
        page = account_value(item, "page_id")
        text = item.caption.text
        video = local_video(item.post)
        images = image_urls(item)
        if video:
            response = http.request("POST", f"/{page}/videos", commit=True, data={
                "file_url": media_url(item.site_url, video), "title": item.post.title, "description": text})
        elif len(images) == 1:
            response = http.request("POST", f"/{page}/photos", commit=True, data={
                "url": images[0][0], "message": text, **({"alt_text_custom": images[0][1]} if images[0][1] else {})})
        elif images:
            ids = []
            for url, alt in images:  # unpublished photos: invisible until attached to the post
                photo = http.request("POST", f"/{page}/photos", data={
                    "url": url, "published": "false", **({"alt_text_custom": alt} if alt else {})})
                ids.append(str(response_json(photo)["id"]))
            form = {"message": text, **{f"attached_media[{i}]": json.dumps({"media_fbid": pid})
                                        for i, pid in enumerate(ids)}}
            response = http.request("POST", f"/{page}/feed", data=form, commit=True)
        else:
            response = http.request("POST", f"/{page}/feed", commit=True,
                                    data={"message": text, "link": item.caption.link})
        body = response_json(response) or {}
        remote_id = str(body.get("post_id") or body.get("id"))
        return Published(remote_id, self._permalink(http, remote_id))

    def _permalink(self, http: Http, remote_id: str) -> str:
        try:
            body = response_json(http.request("GET", f"/{remote_id}", params={"fields": "permalink_url"}))
        except ApiError:
            body = None  # the post exists; a missing permalink must not turn it into a failure
        url = body.get("permalink_url") if isinstance(body, dict) else None
        return str(url) if url else f"https://www.facebook.com/{remote_id}"

    def find_existing(self, item: Item, http: Http) -> Published | None:
        page = account_value(item, "page_id")
        body = response_json(http.request("GET", f"/{page}/feed", params={
            "fields": "id,message,permalink_url,created_time", "limit": "50"}))
        for post in (body or {}).get("data", []):
            message = str(post.get("message") or "")
            if item.caption.link in message or message.strip() == item.caption.text.strip():
                return Published(str(post["id"]), post.get("permalink_url"))
        return None
