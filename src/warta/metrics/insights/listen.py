"""Wider listening: what people say about the agency beyond the comments under its own copies.

Per network, what its API allows (each call is the network's documented one):
- X: recent search (`GET /2/tweets/search/recent`, the last 7 days) for mentions of the agency's
  handle and for each `kata_kunci`; older items stay in the store, which never drops anything.
- Instagram: media the account is tagged in (`GET /{ig-user-id}/tags`) and, for each one-word
  keyword, hashtag search (`GET /ig_hashtag_search`, then `GET /{hashtag-id}/recent_media`).
  Caption @mentions reach an app only through webhooks, which a scheduled job does not receive.
- Facebook: posts the Page is tagged in (`GET /{page-id}/tagged`).
- YouTube: `search.list` with `q` for each keyword (videos of other channels, last 7 days).
- TikTok: comments on the agency's own videos through the Research API
  (`POST /v2/research/video/comment/list/`), which TikTok grants to approved research projects
  only; without `WARTA_TIKTOK_RESEARCH_TOKEN` they are skipped with that explanation. The
  Display and Content Posting APIs offer no comment reading.

Every item becomes a `Comment` with `source` "sebutan" (a mention) or "kata kunci" (a keyword
match): ids, time, a hashed author and labels; never the text and never a name.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from warta.http import Http
from warta.metrics.insights.base import body_of, graph_pages
from warta.metrics.labels import labelled
from warta.metrics.model import Comment, PublishedCopy, author_key

MENTION, KEYWORD = "sebutan", "kata kunci"
WINDOW = timedelta(days=7)


def _item(network: str, agency: str, item_id: str, author: str, text: str, created: str, source: str,
          permalink: str | None = None, remote_id: str = "", post_id: str = "", parent: str | None = None) -> Comment:
    return labelled(network, agency, post_id, remote_id or item_id, item_id, parent,
                    author_key(network, author or "anon"), False, text, created, permalink, source)


def x_items(agency: str, account: dict[str, Any], keywords: tuple[str, ...], http: Http) -> list[Comment]:
    handle = str(account.get("handle") or "").lstrip("@")
    queries = ([(f"@{handle} -from:{handle} -is:retweet", MENTION)] if handle else []) + [
        (f'"{k}" -is:retweet' + (f" -from:{handle}" if handle else ""), KEYWORD) for k in keywords]
    found: dict[str, Comment] = {}
    for query, source in queries:
        params: dict[str, Any] = {"query": query, "max_results": 100, "tweet.fields": "author_id,created_at"}
        for _ in range(5):
            body = body_of(http.request("GET", "/2/tweets/search/recent", params=params))
            for tweet in body.get("data", []):
                tid = str(tweet.get("id") or "")
                if tid and tid not in found:
                    found[tid] = _item("x", agency, tid, str(tweet.get("author_id") or ""),
                                       str(tweet.get("text") or ""), str(tweet.get("created_at") or ""), source,
                                       f"https://x.com/i/web/status/{tid}")
            token = (body.get("meta") or {}).get("next_token")
            if not token:
                break
            params = {**params, "next_token": token}
    return list(found.values())


MEDIA_FIELDS = "id,caption,timestamp,permalink,comments_count,like_count"


def instagram_items(agency: str, account: dict[str, Any], keywords: tuple[str, ...], http: Http) -> list[Comment]:
    user = str(account.get("account") or "")
    if not user:
        return []
    found = [_item("instagram", agency, str(m["id"]), str(m.get("username") or ""), str(m.get("caption") or ""),
                   str(m.get("timestamp") or ""), MENTION, m.get("permalink"))
             for m in graph_pages(http, f"/{user}/tags", {"fields": f"{MEDIA_FIELDS},username", "limit": 50}, 5)
             if m.get("id")]
    for word in keywords:
        tag = word.lstrip("#").replace(" ", "").lower()
        if not tag.isalnum():
            continue  # hashtags are letters and digits only
        hits = body_of(http.request("GET", "/ig_hashtag_search", params={"user_id": user, "q": tag})).get("data", [])
        for hashtag in hits[:1]:
            # recent_media names no author: every item counts as one unknown person (never inflates keywords).
            found += [_item("instagram", agency, str(m["id"]), "", str(m.get("caption") or ""),
                            str(m.get("timestamp") or ""), KEYWORD, m.get("permalink"))
                      for m in graph_pages(http, f"/{hashtag['id']}/recent_media",
                                           {"user_id": user, "fields": MEDIA_FIELDS, "limit": 50}, 2) if m.get("id")]
    return found


def facebook_items(agency: str, account: dict[str, Any], http: Http) -> list[Comment]:
    page = str(account.get("page_id") or "")
    if not page:
        return []
    return [_item("facebook", agency, str(p["id"]), str((p.get("from") or {}).get("id") or ""),
                  str(p.get("message") or ""), str(p.get("created_time") or ""), MENTION, p.get("permalink_url"))
            for p in graph_pages(http, f"/{page}/tagged", {
                "fields": "id,message,created_time,from{id},permalink_url", "limit": 50}, 5)
            if p.get("id") and str((p.get("from") or {}).get("id") or "") != page]


def youtube_items(agency: str, account: dict[str, Any], keywords: tuple[str, ...], http: Http,
                  now: datetime) -> list[Comment]:
    own = str(account.get("channel_id") or "")
    after = (now - WINDOW).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    found: dict[str, Comment] = {}
    for word in keywords:  # search.list costs 100 quota units a call: one page per keyword
        body = body_of(http.request("GET", "/youtube/v3/search", params={
            "part": "snippet", "q": word, "type": "video", "order": "date", "maxResults": 50,
            "publishedAfter": after, "regionCode": "ID", "relevanceLanguage": "id"}))
        for item in body.get("items", []):
            video = str((item.get("id") or {}).get("videoId") or "")
            snip = item.get("snippet") or {}
            if not video or video in found or (own and snip.get("channelId") == own):
                continue
            found[video] = _item("youtube", agency, video, str(snip.get("channelId") or ""),
                                 f"{snip.get('title') or ''}. {snip.get('description') or ''}",
                                 str(snip.get("publishedAt") or ""), KEYWORD, f"https://www.youtube.com/watch?v={video}")
    return list(found.values())


def tiktok_comments(copies: list[PublishedCopy], http: Http) -> list[Comment]:
    """Comments under the agency's own TikTok videos (Research API): ordinary comments, source komentar."""
    found = []
    for copy in copies:
        cursor = 0
        for _ in range(10):
            body = body_of(http.request("POST", "/v2/research/video/comment/list/", params={
                "fields": "id,video_id,text,like_count,reply_count,parent_comment_id,create_time"},
                json={"video_id": int(copy.network_post_id), "max_count": 100, "cursor": cursor}))
            data = body.get("data") or {}
            for item in data.get("comments", []):
                parent = str(item.get("parent_comment_id") or "")
                created = datetime.fromtimestamp(int(item.get("create_time") or 0), UTC).isoformat()
                # The Research API names no author: all count as one unknown person (never inflates keywords).
                found.append(labelled("tiktok", copy.agency, copy.post_id, copy.network_post_id, str(item["id"]),
                                      parent if parent and parent != copy.network_post_id else None,
                                      author_key("tiktok", "anon"), False,
                                      str(item.get("text") or ""), created))
            if not data.get("has_more"):
                break
            cursor = int(data.get("cursor") or 0)
    return found
