"""What every insights adapter shares: the Protocol, error classification, paging."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any, Protocol

import httpx

from warta.http import ApiError, Http, response_json, retry_after_seconds
from warta.metrics.model import Comment, PublishedCopy, Snapshot


class Insights(Protocol):
    channel: str
    default_base: str

    def classify(self, response: httpx.Response) -> ApiError | None: ...

    def numbers(self, copies: list[PublishedCopy], http: Http, day: str, at: str) -> list[Snapshot]: ...

    def comments(self, copy: PublishedCopy, http: Http, account: dict[str, Any]) -> list[Comment]: ...

    def comment_text(self, comment: Comment, http: Http) -> str | None:
        """One comment's text, read when staff need it (the store keeps none); None: unavailable."""
        ...


def classify_http(response: httpx.Response, detail: str = "") -> ApiError | None:
    """429 and 5xx are worth retrying (honouring Retry-After / x-rate-limit-reset); 401/403 are not."""
    if response.is_success:
        return None
    status = response.status_code
    message = f"{detail or response.reason_phrase} (HTTP {status})"
    if status == 429:
        return ApiError(message, status=status, code="429", retryable=True,
                        retry_after=retry_after_seconds(response.headers, time.time))
    if status >= 500:
        return ApiError(message, status=status, code=str(status), retryable=True)
    return ApiError(message, status=status, code=str(status), auth=status == 401)


def body_of(response: httpx.Response) -> dict[str, Any]:
    body = response_json(response)
    return body if isinstance(body, dict) else {}


def snapshot(copy: PublishedCopy, day: str, at: str, values: dict[str, int],
             raw: dict[str, Any]) -> Snapshot:
    return Snapshot("post", copy.channel, copy.agency, copy.post_id, copy.network_post_id, day, at, "api",
                    values, raw)


def chunks(items: list[PublishedCopy], size: int) -> Iterator[list[PublishedCopy]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def graph_pages(http: Http, path: str, params: dict[str, Any], limit: int = 20) -> Iterator[dict[str, Any]]:
    """Items of a Graph API edge, following `paging.next` (an absolute URL with its own query)."""
    url: str | None = path
    query: dict[str, Any] | None = params
    for _ in range(limit):
        if url is None:
            return
        body = body_of(http.request("GET", url, params=query))
        yield from (item for item in body.get("data", []) if isinstance(item, dict))
        url = (body.get("paging") or {}).get("next")
        query = None
