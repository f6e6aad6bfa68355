"""X public metrics, YouTube video statistics and TikTok video query."""

from __future__ import annotations

from typing import Any

import httpx

from warta.channels.networks import TIKTOK_BASE, X_BASE, YOUTUBE_BASE
from warta.http import ApiError, Http
from warta.metrics.insights.base import body_of, chunks, classify_http, snapshot
from warta.metrics.labels import labelled
from warta.metrics.model import Comment, PublishedCopy, Snapshot, as_int, author_key


class XInsights:
    channel = "x"
    default_base = X_BASE

    def classify(self, response: httpx.Response) -> ApiError | None:
        body = body_of(response)
        return classify_http(response, str(body.get("detail") or body.get("title") or ""))

    def numbers(self, copies: list[PublishedCopy], http: Http, day: str, at: str) -> list[Snapshot]:
        by_id = {c.network_post_id: c for c in copies}
        snaps = []
        for group in chunks(copies, 100):  # GET /2/tweets takes at most 100 ids
            body = body_of(http.request("GET", "/2/tweets", params={
                "ids": ",".join(c.network_post_id for c in group), "tweet.fields": "public_metrics"}))
            for tweet in body.get("data", []):
                copy = by_id.get(str(tweet.get("id")))
                raw = tweet.get("public_metrics") or {}
                if copy is None or not isinstance(raw, dict):
                    continue
                values = {"views": as_int(raw.get("impression_count")), "likes": as_int(raw.get("like_count")),
                          "comments": as_int(raw.get("reply_count")), "shares": as_int(raw.get("retweet_count")),
                          "quotes": as_int(raw.get("quote_count")), "saves": as_int(raw.get("bookmark_count"))}
                snaps.append(snapshot(copy, day, at, values, raw))
        return snaps

    def comments(self, copy: PublishedCopy, http: Http, account: dict[str, Any]) -> list[Comment]:
        """Replies in the post's conversation (recent search covers the last 7 days)."""
        handle = str(account.get("handle") or "").lstrip("@").lower()
        params: dict[str, Any] = {
            "query": f"conversation_id:{copy.network_post_id}", "max_results": 100,
            "tweet.fields": "author_id,created_at,conversation_id,referenced_tweets",
            "expansions": "author_id", "user.fields": "username"}
        found = []
        for _ in range(10):
            body = body_of(http.request("GET", "/2/tweets/search/recent", params=params))
            users = {str(u.get("id")): str(u.get("username", "")).lower()
                     for u in (body.get("includes") or {}).get("users", [])}
            for tweet in body.get("data", []):
                replied = next((str(r["id"]) for r in tweet.get("referenced_tweets", [])
                                if r.get("type") == "replied_to"), None)
                author = str(tweet.get("author_id") or "")
                found.append(labelled(self.channel, copy.agency, copy.post_id, copy.network_post_id,
                                     str(tweet["id"]), None if replied == copy.network_post_id else replied,
                                     author_key(self.channel, author), bool(handle) and users.get(author) == handle,
                                     str(tweet.get("text") or ""), str(tweet.get("created_at") or "")))
            token = (body.get("meta") or {}).get("next_token")
            if not token:
                break
            params = {**params, "next_token": token}
        return found


    def comment_text(self, comment: Comment, http: Http) -> str | None:
        data = body_of(http.request("GET", f"/2/tweets/{comment.comment_id}")).get("data") or {}
        return data.get("text") if isinstance(data.get("text"), str) else None


class YouTubeInsights:
    channel = "youtube"
    default_base = YOUTUBE_BASE

    def classify(self, response: httpx.Response) -> ApiError | None:
        error = body_of(response).get("error") or {}
        reasons = [e.get("reason") for e in error.get("errors", []) if isinstance(e, dict)]
        found = classify_http(response, str(error.get("message") or ""))
        if found is not None and "quotaExceeded" in reasons:
            found.retryable = False  # the quota comes back at midnight Pacific, not in seconds
        return found

    def numbers(self, copies: list[PublishedCopy], http: Http, day: str, at: str) -> list[Snapshot]:
        by_id = {c.network_post_id: c for c in copies}
        snaps = []
        for group in chunks(copies, 50):  # videos.list takes at most 50 ids
            body = body_of(http.request("GET", "/youtube/v3/videos", params={
                "part": "statistics", "id": ",".join(c.network_post_id for c in group)}))
            for video in body.get("items", []):
                copy = by_id.get(str(video.get("id")))
                raw = video.get("statistics") or {}
                if copy is None:
                    continue
                values = {"views": as_int(raw.get("viewCount")), "likes": as_int(raw.get("likeCount")),
                          "comments": as_int(raw.get("commentCount")), "saves": as_int(raw.get("favoriteCount"))}
                snaps.append(snapshot(copy, day, at, values, raw))
        return snaps

    def comments(self, copy: PublishedCopy, http: Http, account: dict[str, Any]) -> list[Comment]:
        own = str(account.get("channel_id") or "")
        params: dict[str, Any] = {"part": "snippet,replies", "videoId": copy.network_post_id,
                                  "maxResults": 100, "textFormat": "plainText"}
        found = []

        def make(item: dict[str, Any], parent: str | None) -> Comment:
            snip = item.get("snippet") or {}
            author = str((snip.get("authorChannelId") or {}).get("value") or "")
            return labelled(self.channel, copy.agency, copy.post_id, copy.network_post_id, str(item["id"]), parent,
                           author_key(self.channel, author or "anon"), bool(own) and author == own,
                           str(snip.get("textOriginal") or snip.get("textDisplay") or ""),
                           str(snip.get("publishedAt") or ""))

        for _ in range(10):
            body = body_of(http.request("GET", "/youtube/v3/commentThreads", params=params))
            for thread in body.get("items", []):
                top = (thread.get("snippet") or {}).get("topLevelComment") or {}
                if "id" not in top:
                    continue
                found.append(make(top, None))
                for reply in (thread.get("replies") or {}).get("comments", []):
                    found.append(make(reply, str(top["id"])))
            token = body.get("nextPageToken")
            if not token:
                break
            params = {**params, "pageToken": token}
        return found


    def comment_text(self, comment: Comment, http: Http) -> str | None:
        body = body_of(http.request("GET", "/youtube/v3/comments", params={
            "part": "snippet", "id": comment.comment_id, "textFormat": "plainText"}))
        for item in body.get("items", []):
            snip = item.get("snippet") or {} if isinstance(item, dict) else {}
            text = snip.get("textOriginal") or snip.get("textDisplay")
            if isinstance(text, str):
                return text
        return None


class TikTokInsights:
    channel = "tiktok"
    default_base = TIKTOK_BASE
    fields = "id,view_count,like_count,comment_count,share_count"

    def classify(self, response: httpx.Response) -> ApiError | None:
        error = body_of(response).get("error") or {}
        code = str(error.get("code") or "")
        if response.is_success and code in ("", "ok"):
            return None
        message = f"{error.get('message') or response.reason_phrase} ({code or response.status_code})"
        if code == "rate_limit_exceeded" or response.status_code == 429 or response.status_code >= 500:
            return classify_http(response, message) if not response.is_success else ApiError(
                message, status=response.status_code, code=code, retryable=True)
        return ApiError(message, status=response.status_code, code=code,
                        auth=code in ("access_token_invalid", "scope_not_authorized"))

    def numbers(self, copies: list[PublishedCopy], http: Http, day: str, at: str) -> list[Snapshot]:
        by_id = {c.network_post_id: c for c in copies}
        snaps = []
        for group in chunks(copies, 20):  # video/query takes at most 20 ids
            body = body_of(http.request("POST", "/v2/video/query/", params={"fields": self.fields},
                                        json={"filters": {"video_ids": [c.network_post_id for c in group]}}))
            for video in (body.get("data") or {}).get("videos", []):
                copy = by_id.get(str(video.get("id")))
                if copy is None:
                    continue
                values = {"views": as_int(video.get("view_count")), "likes": as_int(video.get("like_count")),
                          "comments": as_int(video.get("comment_count")), "shares": as_int(video.get("share_count"))}
                snaps.append(snapshot(copy, day, at, values, video))
        return snaps

    def comments(self, copy: PublishedCopy, http: Http, account: dict[str, Any]) -> list[Comment]:
        """TikTok offers no comment reading for one's own videos outside the Research API."""
        return []

    def comment_text(self, comment: Comment, http: Http) -> str | None:
        """No comment API for one's own videos, so nothing to show."""
        return None
