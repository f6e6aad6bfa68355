"""Local fakes of the five networks: real paths, JSON shapes and error codes; switchable faults."""

from __future__ import annotations

import base64
import itertools
import json
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from tests.dispatch.oauth1_server import Verifier
from warta.channels.xcount import x_weighted_length

Reply = tuple[int, Any, dict[str, str]]


@dataclass
class Fault:
    status: int = 500
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    times: int = 1
    delay: float = 0.0  # with after=True: do the work, then answer late (a client timeout)
    after: bool = False


@dataclass
class Request:
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: bytes
    target: str = ""  # the request target as sent: path and raw query

    @property
    def full_url(self) -> str:
        """The URL the client addressed (from Host), as a server verifying a signature sees it."""
        return f"http://{self.headers.get('host', '')}{self.target or self.path}"

    def form(self) -> dict[str, str]:
        ctype = self.headers.get("content-type", "")
        if ctype.startswith("application/x-www-form-urlencoded"):
            return {k: v[0] for k, v in parse_qs(self.body.decode(), keep_blank_values=True).items()}
        if ctype.startswith("multipart/form-data"):
            return dict(re.findall(rb'name="([^"]+)"\r\n\r\n([^\r]*)\r\n', self.body)) and {
                k.decode(): v.decode(errors="replace")
                for k, v in re.findall(rb'name="([^"]+)"\r\n\r\n([^\r]*)\r\n', self.body)}
        return {}

    def json(self) -> Any:
        return json.loads(self.body or b"null")


class FakeNetwork:
    """A threaded HTTP server on 127.0.0.1 with a route table and a fault queue per route."""

    prefix = ""
    token = "token-ok"

    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.requests: list[Request] = []
        self.faults: dict[str, list[Fault]] = {}
        self.ids = itertools.count(1001)
        self.routes: list[tuple[str, re.Pattern[str], str, Callable[..., Reply]]] = []
        self.setup()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def _serve(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                body = self.rfile.read(length) if length else b""
                parts = urlsplit(self.path)
                request = Request(self.command, parts.path, {k: v[0] for k, v in parse_qs(parts.query).items()},
                                  {k.lower(): v for k, v in self.headers.items()}, body, self.path)
                status, payload, headers = fake.dispatch(request)
                data = b"" if payload is None else json.dumps(payload).encode()
                try:
                    self.send_response(status)
                    for name, value in headers.items():
                        self.send_header(name, value)
                    if data:
                        self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            do_GET = do_POST = do_PUT = do_DELETE = _serve

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}{self.prefix}"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def setup(self) -> None:
        raise NotImplementedError

    def route(self, method: str, pattern: str, name: str, handler: Callable[..., Reply]) -> None:
        self.routes.append((method, re.compile("^" + self.prefix + pattern + "$"), name, handler))

    def fail(self, route: str, status: int = 500, body: Any = None, *, headers: dict[str, str] | None = None,
             times: int = 1, delay: float = 0.0, after: bool = False) -> None:
        with self.lock:
            self.faults.setdefault(route, []).append(Fault(status, body, headers or {}, times, delay, after))

    def calls(self, route: str | None = None, method: str | None = None) -> list[Request]:
        with self.lock:
            return [r for r in self.requests if (method is None or r.method == method)
                    and (route is None or any(n == route and p.match(r.path) and m == r.method
                                              for m, p, n, _ in self.routes))]

    def authorized(self, request: Request) -> bool:
        return request.headers.get("authorization") == f"Bearer {self.token}"

    def unauthorized(self) -> Reply:
        raise NotImplementedError

    def dispatch(self, request: Request) -> Reply:
        with self.lock:
            self.requests.append(request)
        for method, pattern, name, handler in self.routes:
            match = pattern.match(request.path)
            if method != request.method or not match:
                continue
            with self.lock:
                queue = self.faults.get(name, [])
                fault = queue[0] if queue else None
                if fault is not None:
                    fault.times -= 1
                    if fault.times <= 0:
                        queue.pop(0)
            if fault is not None and not fault.after:
                time.sleep(fault.delay)
                return fault.status, fault.body, fault.headers
            if name not in ("upload", "oauth_token", "debug_token", "tokeninfo") and not self.authorized(request):
                return self.unauthorized()
            with self.lock:
                reply = handler(request, *match.groups())
            if fault is not None:
                time.sleep(fault.delay)
            return reply
        return 404, {"error": {"message": f"no route {request.method} {request.path}"}}, {}


def graph_error(code: int, message: str, subcode: int | None = None, status: int = 400,
                transient: bool = False) -> Reply:
    error: dict[str, Any] = {"message": message, "type": "OAuthException", "code": code,
                             "fbtrace_id": "AbCdEf", "is_transient": transient}
    if subcode:
        error["error_subcode"] = subcode
    return status, {"error": error}, {}


class FakeGraph(FakeNetwork):
    """graph.facebook.com for both a Facebook Page and an Instagram professional account."""

    prefix = "/v21.0"
    polls_until_finished = 1

    def setup(self) -> None:
        self.objects: dict[str, dict[str, Any]] = {}
        self.feed: list[dict[str, Any]] = []  # published Facebook posts
        self.ig_media: list[dict[str, Any]] = []  # published Instagram media
        self.route("GET", r"/debug_token", "debug_token", self.debug_token)
        self.debug: dict[str, dict[str, Any]] = {self.token: {
            "is_valid": True, "type": "PAGE", "expires_at": 0, "data_access_expires_at": 0,
            "scopes": ["pages_manage_posts", "pages_read_engagement", "pages_show_list", "instagram_basic",
                       "instagram_content_publish"]}}
        self.route("GET", r"/(\w+)/content_publishing_limit", "ig_limit", self.ig_limit)
        self.route("POST", r"/(\w+)/media", "ig_container", self.ig_container)
        self.route("POST", r"/(\w+)/media_publish", "ig_publish", self.ig_publish)
        self.route("GET", r"/(\w+)/media", "ig_list", self.ig_list)
        self.route("POST", r"/(\w+)/feed", "fb_feed", self.fb_feed)
        self.route("GET", r"/(\w+)/feed", "fb_list", self.fb_list)
        self.route("POST", r"/(\w+)/photos", "fb_photos", self.fb_photos)
        self.route("POST", r"/(\w+)/videos", "fb_videos", self.fb_videos)
        self.route("GET", r"/(\w+)", "object", self.get_object)
        self.correction_routes()

    def correction_routes(self) -> None:
        """Edit and delete a Facebook post, comment on Instagram media (corrections.py)."""
        self.route("POST", r"/(\w+)/comments", "ig_comment", self.ig_comment)
        self.route("POST", r"/(\w+)", "fb_edit", self.fb_edit)
        self.route("DELETE", r"/(\w+)", "fb_delete", self.fb_delete)
        self.comments: list[dict[str, Any]] = []

    def _fb_target(self, object_id: str) -> dict[str, Any] | None:
        """A Page post, or the post of a Page video (addressed by the video's id)."""
        obj = self.objects.get(object_id)
        post = self.objects.get(obj["post"]) if obj is not None and "post" in obj else obj
        return post if post is not None and post in self.feed else None

    def fb_edit(self, request: Request, object_id: str) -> Reply:
        """POST /{post-id} with `message`, or /{video-id} with `description`: `{"success": true}`."""
        post = self._fb_target(object_id)
        field = "description" if "post" in self.objects.get(object_id, {}) else "message"
        if post is None or field not in request.form():
            return graph_error(100, "Unsupported post request.", 33)
        post["message"] = request.form()[field]
        if field == "description":
            self.objects[object_id]["description"] = post["message"]
        return 200, {"success": True}, {}

    def fb_delete(self, request: Request, object_id: str) -> Reply:
        post = self._fb_target(object_id)
        if post is None:
            return graph_error(100, "Unsupported delete request.", 33)
        self.feed.remove(post)
        self.objects.pop(post["id"], None)
        self.objects.pop(object_id, None)
        return 200, {"success": True}, {}

    def ig_comment(self, request: Request, media_id: str) -> Reply:
        """POST /{ig-media-id}/comments with `message`: `{"id": comment id}`."""
        if not any(m["id"] == media_id for m in self.ig_media):
            return graph_error(100, "Unsupported post request.", 33)
        comment = {"id": self.new_id(), "media": media_id, "text": request.form().get("message", "")}
        self.comments.append(comment)
        return 200, {"id": comment["id"]}, {}

    def unauthorized(self) -> Reply:
        return graph_error(190, "Error validating access token: Session has expired.", 463)

    def debug_token(self, request: Request) -> Reply:
        """GET /debug_token?input_token=…&access_token=…: the inspected token's validity, expiry, scopes."""
        if request.query.get("access_token") not in self.debug:
            return graph_error(190, "Invalid OAuth access token - Cannot parse access token")
        data = self.debug.get(request.query.get("input_token", ""))
        if data is None:
            return 200, {"data": {"is_valid": False, "scopes": [], "error": {
                "code": 190, "message": "Error validating access token: Session has expired.", "subcode": 463}}}, {}
        return 200, {"data": {"app_id": "1234", "application": "Warta", **data}}, {}

    def new_id(self) -> str:
        return str(next(self.ids))

    # Facebook
    def _fb_post(self, page: str, message: str, **extra: Any) -> str:
        post_id = f"{page}_{self.new_id()}"
        post = {"id": post_id, "message": message,
                "permalink_url": f"https://www.facebook.com/{page}/posts/{post_id.split('_')[1]}", **extra}
        self.feed.append(post)
        self.objects[post_id] = post
        return post_id

    def fb_feed(self, request: Request, page: str) -> Reply:
        form = request.form()
        attached = [json.loads(v)["media_fbid"] for k, v in sorted(form.items()) if k.startswith("attached_media")]
        return 200, {"id": self._fb_post(page, form.get("message", ""), link=form.get("link"),
                                         attached=attached)}, {}

    def fb_photos(self, request: Request, page: str) -> Reply:
        form = request.form()
        photo = self.new_id()
        self.objects[photo] = {"id": photo, "url": form.get("url")}
        if form.get("published") == "false":
            return 200, {"id": photo}, {}
        return 200, {"id": photo, "post_id": self._fb_post(page, form.get("message", ""), photo=photo)}, {}

    def fb_videos(self, request: Request, page: str) -> Reply:
        form = request.form()
        video = self.new_id()
        post_id = self._fb_post(page, form.get("description", ""), video=form.get("file_url"))
        self.objects[video] = {"id": video, "permalink_url": self.objects[post_id]["permalink_url"], "post": post_id,
                               "description": form.get("description", "")}
        return 200, {"id": video}, {}

    def fb_list(self, request: Request, page: str) -> Reply:
        return 200, {"data": [p for p in reversed(self.feed) if p["id"].startswith(page + "_")]}, {}

    # Instagram
    def ig_limit(self, request: Request, user: str) -> Reply:
        used = sum(1 for m in self.ig_media if m["user"] == user)
        return 200, {"data": [{"quota_usage": used, "config": {"quota_total": 50, "quota_duration": 86400}}]}, {}

    def ig_container(self, request: Request, user: str) -> Reply:
        form = request.form()
        if "caption" in form and len(form["caption"]) > 2200:
            return graph_error(36004, "The caption is too long.", 2207010)
        container = self.new_id()
        self.objects[container] = {"id": container, "kind": "container", "user": user, "form": form,
                                   "polls": 0, "status_code": "IN_PROGRESS"}
        return 200, {"id": container}, {}

    def ig_publish(self, request: Request, user: str) -> Reply:
        container = self.objects.get(request.form().get("creation_id", ""))
        if container is None:
            return graph_error(100, "Invalid parameter", 2207006)
        if container["status_code"] != "FINISHED":
            return graph_error(9007, "Media ID is not available", 2207027)
        media = self.new_id()
        form = container["form"]
        item = {"id": media, "user": user, "caption": form.get("caption", ""),
                "media_type": form.get("media_type", "IMAGE"),
                "children": form.get("children", "").split(",") if form.get("children") else [],
                "permalink": f"https://www.instagram.com/p/C{media}/"}
        container["status_code"] = "PUBLISHED"
        self.ig_media.append(item)
        self.objects[media] = item
        return 200, {"id": media}, {}

    def ig_list(self, request: Request, user: str) -> Reply:
        return 200, {"data": [m for m in reversed(self.ig_media) if m["user"] == user]}, {}

    def get_object(self, request: Request, object_id: str) -> Reply:
        obj = self.objects.get(object_id)
        if obj is None:
            return graph_error(100, "Unsupported get request.", 33)
        if obj.get("kind") == "container" and obj["status_code"] == "IN_PROGRESS":
            obj["polls"] += 1
            if obj["polls"] >= self.polls_until_finished:
                obj["status_code"] = "FINISHED"
        fields = request.query.get("fields", "").split(",")
        return 200, {"id": object_id, **{f: obj.get(f) for f in fields if f in obj}}, {}


class FakeX(FakeNetwork):
    oauth1: Verifier | None = None  # set to accept OAuth 1.0a user-context requests signed with its keys

    def authorized(self, request: Request) -> bool:
        authorization = request.headers.get("authorization", "")
        if authorization.startswith("OAuth "):
            return self.oauth1 is not None and self.oauth1.verify(
                request.method, request.full_url, authorization, request.headers.get("content-type", ""),
                request.body)
        return super().authorized(request)

    def setup(self) -> None:
        self.tweets: list[dict[str, Any]] = []
        self.media: dict[str, dict[str, Any]] = {}
        self.route("POST", r"/2/tweets", "tweets", self.create)
        self.route("POST", r"/2/media/upload", "media_upload", self.upload)
        self.route("POST", r"/2/media/upload/initialize", "media_init", self.initialize)
        self.route("POST", r"/2/media/upload/(\w+)/append", "media_append", self.append)
        self.route("POST", r"/2/media/upload/(\w+)/finalize", "media_finalize", self.finalize)
        self.route("GET", r"/2/media/upload", "media_status", self.status)
        self.route("POST", r"/2/media/metadata", "media_metadata", self.metadata)
        self.route("GET", r"/2/users/me", "me", lambda r: (200, {"data": {"id": "42", "username": "x"}}, {}))
        self.route("GET", r"/2/users/(\w+)/tweets", "timeline", self.timeline)
        self.route("POST", r"/2/oauth2/token", "oauth_token", self.oauth_token)
        self.refresh_tokens: dict[str, str] = {}
        self.route("DELETE", r"/2/tweets/(\w+)", "tweet_delete", self.delete)

    def delete(self, request: Request, tweet_id: str) -> Reply:
        """DELETE /2/tweets/:id: `{"data": {"deleted": true}}`."""
        before = len(self.tweets)
        self.tweets = [t for t in self.tweets if t["id"] != tweet_id]
        return 200, {"data": {"deleted": len(self.tweets) < before}}, {}

    def oauth_token(self, request: Request) -> Reply:
        """OAuth 2.0 refresh for a confidential client (Basic auth); the refresh token rotates."""
        form = request.form()
        basic = "Basic " + base64.b64encode(b"x-client:x-secret").decode()
        if form.get("grant_type") != "refresh_token" or request.headers.get("authorization") != basic:
            return 400, {"error": "invalid_request", "error_description": "client authentication"}, {}
        access = self.refresh_tokens.pop(form.get("refresh_token", ""), None)
        if access is None:
            return 400, {"error": "invalid_request", "error_description": "Value passed for the token was invalid."}, {}
        new = f"xrt-{next(self.ids)}"
        self.refresh_tokens[new] = access
        return 200, {"token_type": "bearer", "expires_in": 7200, "access_token": access, "refresh_token": new,
                     "scope": "tweet.write users.read tweet.read media.write offline.access"}, {}

    def unauthorized(self) -> Reply:
        return 401, {"title": "Unauthorized", "type": "about:blank", "status": 401, "detail": "Unauthorized"}, {}

    def create(self, request: Request) -> Reply:
        body = request.json()
        text = body["text"]
        if x_weighted_length(text) > 280:
            return 400, {"title": "Invalid Request", "detail": "One or more parameters to your request was invalid.",
                         "type": "https://api.twitter.com/2/problems/invalid-request",
                         "errors": [{"message": "text length exceeds 280", "parameters": {"text": [text]}}]}, {}
        if any(t["text"] == text for t in self.tweets):
            return 403, {"title": "Forbidden", "type": "about:blank", "status": 403,
                         "detail": "You are not allowed to create a Tweet with duplicate content."}, {}
        tweet_id = str(next(self.ids))
        urls = re.findall(r"https?://\S+", text)
        self.tweets.append({"id": tweet_id, "text": text, "media": (body.get("media") or {}).get("media_ids", []),
                            "in_reply_to": (body.get("reply") or {}).get("in_reply_to_tweet_id"),
                            "entities": {"urls": [{"url": "https://t.co/abc", "expanded_url": u} for u in urls]}})
        return 201, {"data": {"id": tweet_id, "text": text}}, {}

    def upload(self, request: Request) -> Reply:
        media_id = str(next(self.ids))
        self.media[media_id] = {"bytes": len(request.body), "kind": "image"}
        return 200, {"data": {"id": media_id, "media_key": f"3_{media_id}", "size": len(request.body)}}, {}

    def initialize(self, request: Request) -> Reply:
        media_id = str(next(self.ids))
        self.media[media_id] = {"total": request.json()["total_bytes"], "segments": 0, "kind": "video"}
        return 200, {"data": {"id": media_id, "media_key": f"7_{media_id}"}}, {}

    def append(self, request: Request, media_id: str) -> Reply:
        self.media[media_id]["segments"] += 1
        return 200, {"data": {"expires_at": 1}}, {}

    def finalize(self, request: Request, media_id: str) -> Reply:
        return 200, {"data": {"id": media_id, "processing_info": {"state": "pending", "check_after_secs": 1}}}, {}

    def status(self, request: Request) -> Reply:
        return 200, {"data": {"id": request.query["media_id"], "processing_info": {"state": "succeeded"}}}, {}

    def metadata(self, request: Request) -> Reply:
        body = request.json()
        return 200, {"data": {"id": body["id"], "associated_metadata": body.get("metadata") or {}}}, {}

    def timeline(self, request: Request, user: str) -> Reply:
        return 200, {"data": list(reversed(self.tweets))[:20]}, {}


class FakeYouTube(FakeNetwork):
    def setup(self) -> None:
        self.sessions: dict[str, dict[str, Any]] = {}
        self.videos: list[dict[str, Any]] = []
        self.route("POST", r"/upload/youtube/v3/videos", "insert", self.insert)
        self.route("PUT", r"/upload/youtube/v3/videos", "chunk", self.chunk)
        self.route("POST", r"/token", "oauth_token", self.oauth_token)  # Google OAuth, same fake host
        self.route("GET", r"/tokeninfo", "tokeninfo", self.tokeninfo)
        self.refresh_tokens = {"refresh-ok": self.token}
        self.refresh_expires_in: int | None = None  # set: a time-limited grant (app in "Testing")
        self.scope = "https://www.googleapis.com/auth/youtube.upload"
        self.correction_routes()

    def correction_routes(self) -> None:
        """videos.list, videos.update (snippet) and videos.delete (corrections.py)."""
        self.route("GET", r"/youtube/v3/videos", "videos_list", self.videos_list)
        self.route("PUT", r"/youtube/v3/videos", "videos_update", self.videos_update)
        self.route("DELETE", r"/youtube/v3/videos", "videos_delete", self.videos_delete)

    def _video(self, video_id: str) -> dict[str, Any] | None:
        return next((v for v in self.videos if v["id"] == video_id), None)

    def videos_list(self, request: Request) -> Reply:
        video = self._video(request.query.get("id", ""))
        found = [{"kind": "youtube#video", "id": video["id"], "snippet": video["snippet"]}] if video else []
        return 200, {"kind": "youtube#videoListResponse", "items": found}, {}

    def videos_update(self, request: Request) -> Reply:
        body = request.json()
        video = self._video(body.get("id", ""))
        if video is None:
            return 404, {"error": {"code": 404, "message": "Video not found.",
                                   "errors": [{"reason": "videoNotFound"}]}}, {}
        snippet = body.get("snippet") or {}
        if request.query.get("part") != "snippet" or not snippet.get("title") or not snippet.get("categoryId"):
            return 400, {"error": {"code": 400, "message": "invalid snippet",
                                   "errors": [{"reason": "invalidCategoryId"}]}}, {}
        video["snippet"] = snippet
        return 200, {"kind": "youtube#video", "id": video["id"], "snippet": snippet}, {}

    def videos_delete(self, request: Request) -> Reply:
        video = self._video(request.query.get("id", ""))
        if video is None:
            return 404, {"error": {"code": 404, "message": "Video not found.",
                                   "errors": [{"reason": "videoNotFound"}]}}, {}
        self.videos.remove(video)
        return 204, None, {}

    def tokeninfo(self, request: Request) -> Reply:
        if request.query.get("access_token") != self.token:
            return 400, {"error": "invalid_token", "error_description": "Invalid Value"}, {}
        return 200, {"azp": "client-id", "aud": "client-id", "scope": self.scope, "exp": str(int(time.time()) + 3599),
                     "expires_in": "3599", "access_type": "offline"}, {}

    def oauth_token(self, request: Request) -> Reply:
        form = request.form()
        if form.get("grant_type") != "refresh_token" or form.get("client_id") != "client-id":
            return 400, {"error": "invalid_request"}, {}
        access = self.refresh_tokens.get(form.get("refresh_token", ""))
        if access is None:
            return 400, {"error": "invalid_grant", "error_description": "Token has been expired or revoked."}, {}
        grant = {"access_token": access, "expires_in": 3599, "scope": self.scope, "token_type": "Bearer"}
        if self.refresh_expires_in is not None:
            grant["refresh_token_expires_in"] = self.refresh_expires_in
        return 200, grant, {}

    def unauthorized(self) -> Reply:
        return 401, {"error": {"code": 401, "message": "Request had invalid authentication credentials.",
                               "errors": [{"domain": "global", "reason": "authError"}]}}, {}

    def insert(self, request: Request) -> Reply:
        if request.query.get("uploadType") != "resumable":
            return 400, {"error": {"code": 400, "message": "uploadType", "errors": [{"reason": "badRequest"}]}}, {}
        session = str(next(self.ids))
        self.sessions[session] = {"resource": request.json(), "total": int(request.headers["x-upload-content-length"]),
                                  "data": b"", "video": None}
        location = f"{self.url}/upload/youtube/v3/videos?uploadType=resumable&upload_id={session}"
        return 200, None, {"Location": location}

    def chunk(self, request: Request) -> Reply:
        session = self.sessions[request.query["upload_id"]]
        match = re.match(r"bytes (\d+)-(\d+)/(\d+)|bytes \*/(\d+)", request.headers["content-range"])
        assert match
        if match.group(1) is not None and int(match.group(1)) == len(session["data"]):
            session["data"] += request.body
        if len(session["data"]) >= session["total"]:
            if session["video"] is None:
                answer = {"kind": "youtube#video", "id": f"vid{next(self.ids)}",
                          "snippet": session["resource"]["snippet"],
                          "status": {"uploadStatus": "uploaded", "privacyStatus": "public"}}
                video = {**answer, "size": len(session["data"]), "data": session["data"],  # test-only
                         "answer": answer}
                session["video"] = video
                self.videos.append(video)
            return 200, session["video"]["answer"], {}
        return 308, None, ({"Range": f"bytes=0-{len(session['data']) - 1}"} if session["data"] else {})


def tiktok_ok(data: Any) -> dict[str, Any]:
    return {"data": data, "error": {"code": "ok", "message": "", "log_id": "202611200000"}}


class FakeTikTok(FakeNetwork):
    polls_until_complete = 1
    def setup(self) -> None:
        self.publishes: dict[str, dict[str, Any]] = {}
        self.route("POST", r"/v2/post/publish/creator_info/query/", "creator_info", self.creator_info)
        self.route("POST", r"/v2/post/publish/video/init/", "video_init", self.video_init)
        self.route("POST", r"/v2/post/publish/content/init/", "content_init", self.content_init)
        self.route("PUT", r"/upload/(\w+)", "upload", self.upload)
        self.route("POST", r"/v2/post/publish/status/fetch/", "status", self.status)
        self.route("POST", r"/v2/oauth/token/", "oauth_token", self.oauth_token)
        self.refresh_tokens: dict[str, str] = {}  # refresh token -> access token it yields

    def oauth_token(self, request: Request) -> Reply:
        """Rotates: the refresh token used is spent and a new one comes back."""
        form = request.form()
        if form.get("grant_type") != "refresh_token" or form.get("client_key") != "client-key" \
                or form.get("client_secret") != "client-secret":
            return 400, {"error": "invalid_request", "error_description": "client", "log_id": "x"}, {}
        access = self.refresh_tokens.pop(form.get("refresh_token", ""), None)
        if access is None:
            return 400, {"error": "invalid_grant", "error_description": "Refresh token is invalid or expired.",
                         "log_id": "x"}, {}
        new = f"rt-{next(self.ids)}"
        self.refresh_tokens[new] = access
        return 200, {"access_token": access, "expires_in": 86400, "open_id": "open-1", "refresh_token": new,
                     "refresh_expires_in": 31536000, "scope": "user.info.basic,video.publish",
                     "token_type": "Bearer"}, {}

    def unauthorized(self) -> Reply:
        return 401, {"data": {}, "error": {"code": "access_token_invalid", "log_id": "x",
                                           "message": "The access token is invalid or not found in the request."}}, {}

    @property
    def published(self) -> list[dict[str, Any]]:
        return [p for p in self.publishes.values() if p["complete"]]

    def creator_info(self, request: Request) -> Reply:
        return 200, tiktok_ok({"creator_username": "dinascontoh", "max_video_post_duration_sec": 600,
                               "privacy_level_options": ["PUBLIC_TO_EVERYONE", "MUTUAL_FOLLOW_FRIENDS", "SELF_ONLY"],
                               "comment_disabled": False, "duet_disabled": False, "stitch_disabled": False}), {}

    def video_init(self, request: Request) -> Reply:
        body = request.json()
        publish_id = f"v_pub_{next(self.ids)}"
        source = body["source_info"]
        self.publishes[publish_id] = {"body": body, "received": 0, "polls": 0,
                                      "total": source.get("video_size", 0),
                                      "complete": source["source"] == "PULL_FROM_URL"}
        return 200, tiktok_ok({"publish_id": publish_id, "upload_url": f"{self.url}/upload/{publish_id}"}), {}

    def content_init(self, request: Request) -> Reply:
        publish_id = f"p_pub_{next(self.ids)}"
        self.publishes[publish_id] = {"body": request.json(), "received": 0, "polls": 0, "total": 0, "complete": True}
        return 200, tiktok_ok({"publish_id": publish_id}), {}

    def upload(self, request: Request, publish_id: str) -> Reply:
        entry = self.publishes[publish_id]
        entry["received"] += len(request.body)
        entry["complete"] = entry["received"] >= entry["total"]
        return 201, None, {}

    def status(self, request: Request) -> Reply:
        entry = self.publishes[request.json()["publish_id"]]
        entry["polls"] += 1
        if entry["polls"] < self.polls_until_complete:
            return 200, tiktok_ok({"status": "PROCESSING_UPLOAD", "uploaded_bytes": entry["received"]}), {}
        return 200, tiktok_ok({"status": "PUBLISH_COMPLETE",
                               "publicaly_available_post_id": [7300000000 + entry["polls"]]}), {}
