"""A local fake of the five networks' insights endpoints, speaking their real paths and JSON."""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlparse

PREFIX = {"facebook": "/fb/v21.0", "instagram": "/ig/v21.0", "x": "/x", "youtube": "/yt", "tiktok": "/tt"}
# What citizens wrote, by comment id suffix (Facebook ids are "<post>_c1"): listed, and read one by one.
TEXTS = {
    "c1": "Kapan posyandu berikutnya dibuka?", "c2": "Terima kasih infonya, sangat membantu",
    "c3": "Jadwalnya tanggal 5 Desember, Bu.", "ig_c1": "Pelayanannya lambat sekali",
    "ig_r1": "Mohon maaf, kami teruskan ke bidang pelayanan.",
    "ig_c2": "Di mana lokasi posyandu di Kelurahan Sawah Lebar?", "x_r1": "@dinascontoh berapa biayanya?",
    "x_r2": "@warga gratis, Pak.", "yt_c1": "Videonya bagus, informatif",
    # wider listening: mentions and keyword matches elsewhere
    "x_m1": "@dinascontoh jalan di depan puskesmas rusak parah, kapan diperbaiki?",
    "x_k1": "Posyandu di kelurahan kami ramai, pelayanannya bagus",
    "ig_t1": "Terima kasih @dinascontoh, sangat membantu",
    "ig_h1": "Posyandu hari ini #posyandu", "fb_t1": "Terima kasih Dinas Contoh atas bantuannya",
    "ytv_1": "Liputan posyandu di Bengkulu", "tt_c1": "Kapan jadwal posyandu berikutnya?",
}


@dataclass
class FakeState:
    base: str = ""
    requests: list[dict[str, Any]] = field(default_factory=list)
    failures: dict[str, list[int]] = field(default_factory=dict)  # network → statuses to answer first
    views: int = 1000  # bump between collections to simulate growth
    replies: list[dict[str, Any]] = field(default_factory=list)  # answers created through the reply endpoints
    reply_delay: float = 0.0  # seconds each reply call takes (lets concurrent runs overlap)
    listening: bool = True  # False: searches find nothing (as after X's 7-day window)

    def env(self, agency: str = "dinas-contoh") -> dict[str, str]:
        slug = agency.upper().replace("-", "_")
        env = {f"WARTA_{n.upper()}_API": self.base + p for n, p in PREFIX.items()}
        env.update({f"WARTA_TOKEN_{slug}_{n.upper()}": f"tok-{n}" for n in PREFIX})
        return env


def _metric(name: str, value: Any) -> dict[str, Any]:
    return {"name": name, "period": "lifetime", "values": [{"value": value}],
            "title": name, "description": "", "id": f"x/insights/{name}/lifetime"}


class Handler(BaseHTTPRequestHandler):
    state: FakeState

    def log_message(self, *args: Any) -> None:
        pass

    def _send(self, status: int, body: Any, headers: dict[str, str] | None = None) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        self._route("GET")

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length)
        if self.headers.get("Content-Type", "").startswith("application/x-www-form-urlencoded"):
            self._route("POST", {k: v[0] for k, v in parse_qs(raw.decode()).items()})
        else:
            self._route("POST", json.loads(raw or b"{}"))

    def _route(self, method: str, body: Any = None) -> None:
        url = urlparse(self.path)
        query = {k: v[0] for k, v in parse_qs(url.query).items()}
        network = next(n for n, p in PREFIX.items() if url.path.startswith(p))
        path = url.path.removeprefix(PREFIX[network])
        self.state.requests.append({"network": network, "method": method, "path": path, "query": query,
                                    "auth": self.headers.get("Authorization"), "body": body})
        queue = self.state.failures.get(network)
        if queue:
            status = queue.pop(0)
            if network == "x":
                return self._send(status, {"title": "Too Many Requests", "detail": "Too Many Requests",
                                           "type": "about:blank", "status": status})
            if network in ("facebook", "instagram"):
                return self._send(status, {"error": {"message": "An unknown error occurred", "type": "OAuthException",
                                                     "code": 2 if status >= 500 else 4 if status == 429 else 100,
                                                     "is_transient": status >= 500,
                                                     "fbtrace_id": "Abc"}}, {"Retry-After": "3"})
            return self._send(status, {"error": {"code": status, "message": "Backend Error"}}, {"Retry-After": "2"})
        if method == "POST" and self._reply(network, path, query, body):
            return
        handler = getattr(self, f"_{network}")
        handler(method, path, query, body)

    def _reply(self, network: str, path: str, q: dict[str, str], body: Any) -> bool:
        """The networks' reply endpoints; each created answer is remembered in `state.replies`."""
        parts = path.strip("/").split("/")
        if network == "facebook" and len(parts) == 2 and parts[1] == "comments":
            target, text, answer = parts[0], body.get("message"), {"id": f"{parts[0]}_r{len(self.state.replies) + 1}"}
        elif network == "instagram" and len(parts) == 2 and parts[1] == "replies":
            target, text, answer = parts[0], body.get("message"), {"id": f"ig_reply{len(self.state.replies) + 1}"}
        elif network == "youtube" and path == "/youtube/v3/comments" and q.get("part") == "snippet":
            snippet = body["snippet"]
            rid = f"{snippet['parentId']}.r{len(self.state.replies) + 1}"
            target, text = snippet["parentId"], snippet["textOriginal"]
            answer = {"kind": "youtube#comment", "etag": "e", "id": rid, "snippet": {
                "parentId": target, "textOriginal": text, "textDisplay": text, "authorChannelId": {"value": "UCown"},
                "publishedAt": "2026-11-29T02:00:00Z"}}
        elif network == "x" and path == "/2/tweets":
            rid = f"18600{len(self.state.replies) + 10}"
            target, text = body["reply"]["in_reply_to_tweet_id"], body["text"]
            answer = {"data": {"id": rid, "text": text, "edit_history_tweet_ids": [rid]}}
        else:
            return False
        if self.state.reply_delay:
            time.sleep(self.state.reply_delay)
        self.state.replies.append({"network": network, "target": target, "text": text,
                                   "auth": self.headers.get("Authorization")})
        self._send(201 if network == "x" else 200, answer)
        return True

    def _facebook(self, method: str, path: str, q: dict[str, str], body: Any) -> None:
        parts = path.strip("/").split("/")
        pid = parts[0]
        if parts[1:] == ["tagged"]:  # GET /{page-id}/tagged
            return self._send(200, {"data": [
                {"id": "555_fb_t1", "message": TEXTS["fb_t1"], "created_time": "2026-11-27T03:00:00+0000",
                 "from": {"id": "555"}, "permalink_url": "https://www.facebook.com/555/posts/1"},
                {"id": "100_own", "message": "Unggahan kami", "created_time": "2026-11-27T04:00:00+0000",
                 "from": {"id": "100"}}][:2 if self.state.listening else 0], "paging": {}})
        if pid == "100" and parts[1:] == ["insights"]:  # the Page
            return self._send(200, {"data": [
                {**_metric("page_daily_follows_unique", 0), "period": "day",
                 "values": [{"value": 4, "end_time": "2026-11-28T08:00:00+0000"},
                            {"value": 6, "end_time": "2026-11-29T08:00:00+0000"}]},
                {**_metric("page_daily_unfollows_unique", 0), "period": "day",
                 "values": [{"value": 1, "end_time": "2026-11-29T08:00:00+0000"}]},
                {**_metric("page_follows", 0), "period": "day",
                 "values": [{"value": 2048, "end_time": "2026-11-29T08:00:00+0000"}]}]})
        if len(parts) == 2 and parts[1] == "insights":
            return self._send(200, {"data": [
                _metric("post_impressions", self.state.views), _metric("post_impressions_unique", 640),
                _metric("post_clicks", 55), _metric("post_reactions_by_type_total", {"like": 40, "love": 6})],
                "paging": {"previous": "x", "next": "y"}})
        if len(parts) == 1 and q.get("fields") == "message":  # GET /{comment-id}?fields=message
            suffix = pid.rsplit("_", 1)[-1]
            if suffix not in TEXTS:
                return self._send(400, {"error": {"message": "Unsupported get request.", "type": "GraphMethodException",
                                                  "code": 100, "error_subcode": 33, "fbtrace_id": "Abc"}})
            return self._send(200, {"id": pid, "message": TEXTS[suffix]})
        if len(parts) == 1:
            return self._send(200, {"shares": {"count": 7}, "comments": {
                "data": [], "summary": {"order": "chronological", "total_count": 3, "can_comment": True}}, "id": pid})
        if parts[1] == "comments" and q.get("after") != "PAGE2":
            return self._send(200, {"data": [
                {"id": f"{pid}_c1", "message": TEXTS["c1"], "created_time":
                 "2026-11-20T03:00:00+0000", "from": {"id": "555"}},
                {"id": f"{pid}_c2", "message": TEXTS["c2"], "created_time":
                 "2026-11-20T04:00:00+0000", "from": {"id": "556"}}],
                "paging": {"cursors": {"before": "A", "after": "PAGE2"},
                           "next": f"{self.state.base}{PREFIX['facebook']}/{pid}/comments?after=PAGE2&limit=100"}})
        return self._send(200, {"data": [
            {"id": f"{pid}_c3", "message": TEXTS["c3"], "created_time":
             "2026-11-20T05:30:00+0000", "from": {"id": "100"}, "parent": {"id": f"{pid}_c1"}}],
            "paging": {"cursors": {"before": "B", "after": "C"}}})

    def _instagram(self, method: str, path: str, q: dict[str, str], body: Any) -> None:
        parts = path.strip("/").split("/")
        on = self.state.listening
        if parts == ["ig_hashtag_search"]:
            return self._send(200, {"data": [{"id": "17843853986012965"}] if q.get("user_id") and q.get("q") else []})
        if parts[1:] == ["tags"]:
            return self._send(200, {"data": [
                {"id": "ig_t1", "caption": TEXTS["ig_t1"], "timestamp": "2026-11-26T02:00:00+0000",
                 "username": "warga.tiga", "permalink": "https://www.instagram.com/p/T1/"}][:1 if on else 0]})
        if parts[1:] == ["recent_media"]:
            return self._send(200, {"data": [
                {"id": "ig_h1", "caption": TEXTS["ig_h1"], "timestamp": "2026-11-26T05:00:00+0000",
                 "permalink": "https://www.instagram.com/p/H1/", "comments_count": 0,
                 "like_count": 3}][:1 if on else 0]})
        if len(parts) == 1:  # GET /{ig-comment-id}?fields=text
            return self._send(200, {"id": parts[0], "text": TEXTS[parts[0]]})
        if parts[1] == "insights":
            return self._send(200, {"data": [
                _metric("reach", 800), _metric("views", 1500), _metric("likes", 90), _metric("comments", 2),
                _metric("shares", 4), _metric("saved", 11), _metric("total_interactions", 107)]})
        return self._send(200, {"data": [
            {"id": "ig_c1", "text": TEXTS["ig_c1"], "timestamp": "2026-11-21T02:00:00+0000",
             "username": "warga.satu", "from": {"id": "9001", "username": "warga.satu"},
             "replies": {"data": [{"id": "ig_r1", "text": TEXTS["ig_r1"],
                                   "timestamp": "2026-11-21T08:00:00+0000", "username": "dinascontoh",
                                   "from": {"id": "178", "username": "dinascontoh"}}]}},
            {"id": "ig_c2", "text": TEXTS["ig_c2"],
             "timestamp": "2026-11-22T02:00:00+0000", "username": "warga.dua",
             "from": {"id": "9002", "username": "warga.dua"}}]})

    def _x(self, method: str, path: str, q: dict[str, str], body: Any) -> None:
        if path == "/2/tweets":
            return self._send(200, {"data": [{"id": i, "text": "…", "edit_history_tweet_ids": [i], "public_metrics": {
                "retweet_count": 3, "reply_count": 2, "like_count": 20, "quote_count": 1, "bookmark_count": 2,
                "impression_count": 900}} for i in q["ids"].split(",")]})
        if path.startswith("/2/tweets/") and path != "/2/tweets/search/recent":  # GET /2/tweets/:id
            tweet_id = path.rsplit("/", 1)[-1]
            return self._send(200, {"data": {"id": tweet_id, "text": TEXTS[tweet_id],
                                             "edit_history_tweet_ids": [tweet_id]}})
        if not q["query"].startswith("conversation_id:"):  # wider listening: mentions and keywords
            found = []
            if self.state.listening and "@dinascontoh" in q["query"]:
                found.append({"id": "x_m1", "text": TEXTS["x_m1"], "author_id": "78",
                              "created_at": "2026-11-27T06:00:00.000Z"})
            if self.state.listening and '"posyandu"' in q["query"]:
                found += [{"id": "x_k1", "text": TEXTS["x_k1"], "author_id": "79",
                           "created_at": "2026-11-26T06:00:00.000Z"},
                          {"id": "x_r1", "text": TEXTS["x_r1"], "author_id": "77",  # a reply already collected
                           "created_at": "2026-11-20T06:00:00.000Z"}]
            return self._send(200, {"data": found, "meta": {"result_count": len(found)}} if found
                              else {"meta": {"result_count": 0}})
        conv = q["query"].removeprefix("conversation_id:")
        return self._send(200, {"data": [
            {"id": "x_r1", "text": TEXTS["x_r1"], "author_id": "77", "conversation_id": conv,
             "created_at": "2026-11-20T06:00:00.000Z", "referenced_tweets": [{"type": "replied_to", "id": conv}]},
            {"id": "x_r2", "text": TEXTS["x_r2"], "author_id": "1", "conversation_id": conv,
             "created_at": "2026-11-20T07:00:00.000Z", "referenced_tweets": [{"type": "replied_to", "id": "x_r1"}]}],
            "includes": {"users": [{"id": "77", "name": "Warga", "username": "warga"},
                                   {"id": "1", "name": "Dinas Contoh", "username": "dinascontoh"}]},
            "meta": {"newest_id": "x_r2", "oldest_id": "x_r1", "result_count": 2}})

    def _youtube(self, method: str, path: str, q: dict[str, str], body: Any) -> None:
        if path == "/youtube/v3/videos":
            return self._send(200, {"kind": "youtube#videoListResponse", "items": [
                {"kind": "youtube#video", "etag": "e", "id": i, "statistics": {
                    "viewCount": "2500", "likeCount": "31", "favoriteCount": "0", "commentCount": "1"}}
                for i in q["id"].split(",")], "pageInfo": {"totalResults": 1, "resultsPerPage": 1}})
        if path == "/youtube/v3/search":  # search.list?q=...
            items = [{"kind": "youtube#searchResult", "etag": "e", "id": {"kind": "youtube#video", "videoId": vid},
                      "snippet": {"channelId": channel, "title": TEXTS["ytv_1"], "description": "",
                                  "publishedAt": "2026-11-25T01:00:00Z"}}
                     for vid, channel in (("ytv_1", "UCother"), ("ytv_own", "UCown"))]
            return self._send(200, {"kind": "youtube#searchListResponse",
                                    "items": items if self.state.listening else [],
                                    "pageInfo": {"totalResults": 2, "resultsPerPage": 50}})
        if path == "/youtube/v3/comments":  # comments.list?id=...
            return self._send(200, {"kind": "youtube#commentListResponse", "items": [
                {"kind": "youtube#comment", "id": i, "snippet": {"textOriginal": TEXTS[i], "textDisplay": TEXTS[i]}}
                for i in q["id"].split(",") if i in TEXTS]})
        return self._send(200, {"kind": "youtube#commentThreadListResponse", "items": [
            {"kind": "youtube#commentThread", "id": "yt_t1", "snippet": {"videoId": q["videoId"], "topLevelComment": {
                "kind": "youtube#comment", "id": "yt_c1", "snippet": {
                    "textOriginal": TEXTS["yt_c1"], "authorDisplayName": "@Warga",
                    "authorChannelId": {"value": "UCwarga"}, "publishedAt": "2026-11-23T01:00:00Z"}},
                "totalReplyCount": 0, "canReply": True, "isPublic": True}}]})

    def _tiktok(self, method: str, path: str, q: dict[str, str], body: Any) -> None:
        if path == "/v2/research/video/comment/list/":
            comments = [{"id": 7400000000000000001, "video_id": body["video_id"], "text": TEXTS["tt_c1"],
                         "like_count": 2, "reply_count": 0, "parent_comment_id": body["video_id"],
                         "create_time": 1795836000}] if self.state.listening else []
            return self._send(200, {"data": {"comments": comments, "cursor": len(comments), "has_more": False},
                                    "error": {"code": "ok", "message": "", "log_id": "2026112902"}})
        ids = body["filters"]["video_ids"]
        return self._send(200, {"data": {"videos": [
            {"id": i, "view_count": 4000, "like_count": 120, "comment_count": 9, "share_count": 15} for i in ids],
            "cursor": 0, "has_more": False}, "error": {"code": "ok", "message": "", "log_id": "2026112901"}})


class FakeNetworks:
    def __init__(self) -> None:
        self.state = FakeState()
        handler = type("BoundHandler", (Handler,), {"state": self.state})
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.state.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)

    def __enter__(self) -> FakeState:
        self.thread.start()
        return self.state

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
