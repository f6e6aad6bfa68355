"""Facebook post insights and Instagram media insights (Graph API, same envelope)."""

from __future__ import annotations

import time
from typing import Any

import httpx

from warta.channels.networks import GRAPH_BASE
from warta.http import ApiError, Http, retry_after_seconds
from warta.metrics.insights.base import body_of, graph_pages, snapshot
from warta.metrics.labels import labelled
from warta.metrics.model import Comment, PublishedCopy, Snapshot, as_int, author_key

RETRY_CODES = {1, 2, 4, 17, 32, 341, 613, 80001}


def classify_graph(response: httpx.Response) -> ApiError | None:
    """Graph errors: code 190 is a dead token; 1, 2, 4, 17, 32, 613, `is_transient`, 5xx retry."""
    if response.is_success:
        return None
    error = body_of(response).get("error") or {}
    code = as_int(error.get("code"))
    message = f"{error.get('message') or response.reason_phrase} (HTTP {response.status_code}, kode {code})"
    if code == 190 or response.status_code == 401:
        return ApiError(message, status=response.status_code, code=str(code), auth=True)
    if code in RETRY_CODES or error.get("is_transient") or response.status_code in (429, 500, 502, 503, 504):
        return ApiError(message, status=response.status_code, code=str(code), retryable=True,
                        retry_after=retry_after_seconds(response.headers, time.time))
    return ApiError(message, status=response.status_code, code=str(code))


def metric_values(body: dict[str, Any]) -> dict[str, Any]:
    """`{"data": [{"name", "values": [{"value"}]} | {"name", "total_value": {"value"}}]}` → name → value."""
    found: dict[str, Any] = {}
    for metric in body.get("data", []):
        if not isinstance(metric, dict) or "name" not in metric:
            continue
        if isinstance(metric.get("total_value"), dict):
            found[metric["name"]] = metric["total_value"].get("value")
        elif metric.get("values"):
            found[metric["name"]] = metric["values"][-1].get("value")
    return found


def _reactions(value: Any) -> int:
    return sum(as_int(v) for v in value.values()) if isinstance(value, dict) else as_int(value)


class FacebookInsights:
    channel = "facebook"
    default_base = GRAPH_BASE
    metrics = "post_impressions,post_impressions_unique,post_clicks,post_reactions_by_type_total"

    def classify(self, response: httpx.Response) -> ApiError | None:
        return classify_graph(response)

    def numbers(self, copies: list[PublishedCopy], http: Http, day: str, at: str) -> list[Snapshot]:
        snaps = []
        for copy in copies:
            pid = copy.network_post_id
            raw = metric_values(body_of(http.request("GET", f"/{pid}/insights", params={"metric": self.metrics})))
            post = body_of(http.request("GET", f"/{pid}", params={
                "fields": "shares,comments.summary(true).limit(0)"}))
            raw["shares"] = (post.get("shares") or {}).get("count", 0)
            raw["comments.summary.total_count"] = ((post.get("comments") or {}).get("summary") or {}).get(
                "total_count", 0)
            values = {"views": as_int(raw.get("post_impressions")), "reach": as_int(raw.get("post_impressions_unique")),
                      "clicks": as_int(raw.get("post_clicks")),
                      "likes": _reactions(raw.get("post_reactions_by_type_total")),
                      "shares": as_int(raw["shares"]), "comments": as_int(raw["comments.summary.total_count"])}
            snaps.append(snapshot(copy, day, at, values, raw))
        return snaps

    def account(self, agency: str, account: dict[str, Any], http: Http, day: str, at: str) -> list[Snapshot]:
        """Page insights of the day: new and lost followers, and the follower count."""
        page_id = str(account.get("page_id") or "")
        if not page_id:
            return []
        raw = metric_values(body_of(http.request("GET", f"/{page_id}/insights", params={
            "metric": "page_daily_follows_unique,page_daily_unfollows_unique,page_follows", "period": "day"})))
        values = {"new_followers": as_int(raw.get("page_daily_follows_unique")),
                  "lost_followers": as_int(raw.get("page_daily_unfollows_unique"))}
        if "page_follows" in raw:
            values["followers"] = as_int(raw["page_follows"])
        return [Snapshot("account", self.channel, agency, "", page_id, day, at, "api", values, raw)]

    def comments(self, copy: PublishedCopy, http: Http, account: dict[str, Any]) -> list[Comment]:
        page_id = str(account.get("page_id") or "")
        found = []
        for item in graph_pages(http, f"/{copy.network_post_id}/comments", {
                "fields": "id,message,created_time,from{id},parent{id},permalink_url", "filter": "stream",
                "order": "chronological", "limit": 100}):
            author = str((item.get("from") or {}).get("id") or "")
            parent = (item.get("parent") or {}).get("id")
            found.append(labelled(self.channel, copy.agency, copy.post_id, copy.network_post_id, str(item["id"]),
                                 str(parent) if parent else None, author_key(self.channel, author or "anon"),
                                 bool(page_id) and author == page_id, str(item.get("message") or ""),
                                 str(item.get("created_time") or ""), item.get("permalink_url")))
        return found


    def comment_text(self, comment: Comment, http: Http) -> str | None:
        message = body_of(http.request("GET", f"/{comment.comment_id}", params={"fields": "message"})).get("message")
        return message if isinstance(message, str) else None


class InstagramInsights:
    channel = "instagram"
    default_base = GRAPH_BASE
    metrics = "reach,views,likes,comments,shares,saved,total_interactions"

    def classify(self, response: httpx.Response) -> ApiError | None:
        return classify_graph(response)

    def numbers(self, copies: list[PublishedCopy], http: Http, day: str, at: str) -> list[Snapshot]:
        snaps = []
        for copy in copies:
            raw = metric_values(body_of(http.request("GET", f"/{copy.network_post_id}/insights",
                                                     params={"metric": self.metrics})))
            values = {"views": as_int(raw.get("views")), "reach": as_int(raw.get("reach")),
                      "likes": as_int(raw.get("likes")), "comments": as_int(raw.get("comments")),
                      "shares": as_int(raw.get("shares")), "saves": as_int(raw.get("saved"))}
            snaps.append(snapshot(copy, day, at, values, raw))
        return snaps

    def comments(self, copy: PublishedCopy, http: Http, account: dict[str, Any]) -> list[Comment]:
        own_id = str(account.get("account") or "")
        own_name = str(account.get("username") or "").lstrip("@").lower()
        fields = "id,text,timestamp,username,from{id,username}"
        found = []

        def make(item: dict[str, Any], parent: str | None) -> Comment:
            who = item.get("from") or {}
            author = str(who.get("id") or item.get("username") or "")
            name = str(who.get("username") or item.get("username") or "").lower()
            ours = (bool(own_id) and author == own_id) or (bool(own_name) and name == own_name)
            return labelled(self.channel, copy.agency, copy.post_id, copy.network_post_id, str(item["id"]), parent,
                           author_key(self.channel, author or "anon"), ours, str(item.get("text") or ""),
                           str(item.get("timestamp") or ""))

        for item in graph_pages(http, f"/{copy.network_post_id}/comments",
                                {"fields": f"{fields},replies{{{fields}}}", "limit": 50}):
            found.append(make(item, None))
            for reply in (item.get("replies") or {}).get("data", []):
                found.append(make(reply, str(item["id"])))
        return found

    def comment_text(self, comment: Comment, http: Http) -> str | None:
        text = body_of(http.request("GET", f"/{comment.comment_id}", params={"fields": "text"})).get("text")
        return text if isinstance(text, str) else None
