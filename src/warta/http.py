"""The one HTTP helper of dispatch and metrics: httpx with timeouts, retries with backoff, dry-run recording,
and the error the networks' calls raise."""

from __future__ import annotations

import json as jsonlib
import os
import time
from collections.abc import Callable, Mapping
from email.utils import parsedate_to_datetime
from typing import Any

import httpx

from warta.roster.tokens import token_env as token_env  # re-exported: the secret name has one home


class ApiError(Exception):
    """The network refused or failed; `retryable` says whether trying again can help."""

    def __init__(self, message: str, *, status: int | None = None, code: str | None = None,
                 retryable: bool = False, retry_after: float | None = None,
                 auth: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.code = code
        self.retryable = retryable
        self.retry_after = retry_after
        self.auth = auth


class UncertainSend(Exception):
    """A publishing request may or may not have reached the network (timeout after sending)."""



Classify = Callable[[httpx.Response], "ApiError | None"]
Simulate = Callable[[str, str, Any], "tuple[int, Any, dict[str, str]]"]
TIMEOUT = httpx.Timeout(30.0, connect=10.0)
REDACTED = "***"


def base_url_env(channel: str) -> str:
    return f"WARTA_{channel.upper()}_API"


def base_url(channel: str, default: str) -> str:
    return (os.environ.get(base_url_env(channel)) or default).rstrip("/")


def retry_after_seconds(headers: Mapping[str, str], clock: Callable[[], float] = time.time) -> float | None:
    """Seconds to wait from Retry-After (seconds or HTTP date) or x-rate-limit-reset (epoch)."""
    value = headers.get("retry-after")
    if value:
        try:
            return max(0.0, float(value))
        except ValueError:
            try:
                return max(0.0, parsedate_to_datetime(value).timestamp() - clock())
            except (TypeError, ValueError):
                pass
    reset = headers.get("x-rate-limit-reset")
    if reset:
        try:
            return max(0.0, float(reset) - clock())
        except ValueError:
            return None
    return None


def response_json(response: httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return None


class Http:
    """One network's requests for one item: the token is added here and never printed."""

    def __init__(self, *, base: str, token: str | None, classify: Classify,
                 simulate: Simulate | None = None, dry_run: bool = False,
                 sleep: Callable[[float], None] = time.sleep, clock: Callable[[], float] = time.time,
                 max_attempts: int = 5, max_wait: float = 120.0, backoff: float = 1.0,
                 client: httpx.Client | None = None, signer: httpx.Auth | None = None,
                 secrets: tuple[str, ...] = ()) -> None:
        self.base = base
        self.token = token
        self.signer = signer  # OAuth 1.0a: each request signed as sent (warta.tokens)
        self.secrets = tuple(sorted({s for s in (token, *secrets) if s}, key=len, reverse=True))
        self.classify = classify
        self.simulate = simulate
        self.dry_run = dry_run
        self._sleep = sleep
        self.clock = clock
        self.max_attempts = max_attempts
        self.max_wait = max_wait
        self.backoff = backoff
        self.client = client
        self.calls: list[dict[str, Any]] = []

    def sleep(self, seconds: float) -> None:
        if not self.dry_run:
            self._sleep(seconds)

    def url(self, path: str) -> str:
        return path if path.startswith(("http://", "https://")) else self.base + path

    def _headers(self, headers: Mapping[str, str] | None, auth: bool) -> dict[str, str]:
        merged = dict(headers or {})
        if auth and self.token is not None and self.signer is None:
            merged["Authorization"] = f"Bearer {self.token}"
        return merged

    def _redact(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, REDACTED)
        return text

    def _record(self, method: str, url: str, params: Mapping[str, Any] | None, headers: dict[str, str],
                json: Any, data: Mapping[str, Any] | None, content: bytes | None,
                files: Mapping[str, Any] | None, note: str) -> None:
        shown = httpx.URL(url, params=dict(params)) if params else httpx.URL(url)
        call: dict[str, Any] = {"method": method, "url": self._redact(str(shown)), "headers": {
            k: (f"{v.split(' ', 1)[0]} {REDACTED}" if k.lower() == "authorization" else self._redact(v))
            for k, v in headers.items()}}
        if json is not None:
            call["json"] = jsonlib.loads(self._redact(jsonlib.dumps(json, ensure_ascii=False)))
        if data is not None:
            call["form"] = {k: self._redact(str(v)) for k, v in data.items()}
        if content is not None:
            call["body"] = note or f"<{len(content)} byte>"
        if files is not None:
            call["files"] = {k: f"<{len(v[1]) if isinstance(v, tuple) else '?'} byte>" for k, v in files.items()}
        self.calls.append(call)

    def request(self, method: str, path: str, *, params: Mapping[str, Any] | None = None,
                json: Any = None, data: Mapping[str, Any] | None = None, content: bytes | None = None,
                files: Mapping[str, Any] | None = None, headers: Mapping[str, str] | None = None,
                commit: bool = False, auth: bool = True, note: str = "") -> httpx.Response:
        """Send with retries. `commit` marks the call that creates the post: never resent after
        a timeout that may have delivered it (that is an uncertain send)."""
        url = self.url(path)
        sent_headers = self._headers(headers, auth)
        signer = self.signer if auth and self.signer is not None else httpx.USE_CLIENT_DEFAULT
        if self.dry_run:
            shown = {**sent_headers, "Authorization": "OAuth"} if signer is not httpx.USE_CLIENT_DEFAULT \
                else sent_headers
            self._record(method, url, params, shown, json, data, content, files, note)
            status, body, extra = self.simulate(method, url, json if json is not None else data) \
                if self.simulate else (200, {}, {})
            return httpx.Response(status, json=body, headers=extra, request=httpx.Request(method, url))
        client = self.client or httpx.Client(timeout=TIMEOUT)
        error: ApiError | None = None
        try:
            for attempt in range(1, self.max_attempts + 1):
                try:
                    response = client.request(method, url, params=params, json=json, data=data,
                                              content=content, files=files, headers=sent_headers,
                                              auth=signer)
                except (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout) as exc:
                    error = ApiError(f"tidak dapat terhubung ({type(exc).__name__})", retryable=True)
                except httpx.TransportError as exc:
                    if commit:
                        raise UncertainSend(f"{method} {self._redact(url)}: {type(exc).__name__}") from exc
                    error = ApiError(f"koneksi terputus ({type(exc).__name__})", retryable=True)
                else:
                    error = self.classify(response)
                    if error is None:
                        return response
                if not error.retryable or attempt == self.max_attempts:
                    break
                wait = error.retry_after if error.retry_after is not None \
                    else min(self.backoff * 2 ** (attempt - 1), 60.0)
                if wait > self.max_wait:
                    break  # recorded with retry_after; `warta dispatch due` tries again later
                self._sleep(wait)
        finally:
            if self.client is None:
                client.close()
        assert error is not None
        raise error
