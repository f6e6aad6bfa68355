"""Meta Graph API errors, shared by the Facebook and Instagram adapters."""

from __future__ import annotations

import json
import time
from typing import Any

import httpx

from warta.http import ApiError, response_json, retry_after_seconds

RETRY = {1, 2, -1, -2}
THROTTLED = {4, 17, 32, 613, 80001}
NOT_READY = {9007}
AUTH = {190, 102}


def _usage_wait(headers: httpx.Headers) -> float | None:
    """`estimated_time_to_regain_access` (minutes) from X-Business-Use-Case-Usage."""
    raw = headers.get("x-business-use-case-usage")
    if not raw:
        return None
    try:
        usage: Any = json.loads(raw)
    except ValueError:
        return None
    minutes = [float(entry.get("estimated_time_to_regain_access") or 0)
               for entries in (usage.values() if isinstance(usage, dict) else [])
               for entry in (entries if isinstance(entries, list) else []) if isinstance(entry, dict)]
    return max(minutes) * 60 if minutes else None


def classify(response: httpx.Response) -> ApiError | None:
    body = response_json(response)
    error = body.get("error") if isinstance(body, dict) else None
    if response.is_success and not isinstance(error, dict):
        return None
    error = error if isinstance(error, dict) else {}
    code = error.get("code")
    subcode = error.get("error_subcode")
    text = error.get("error_user_msg") or error.get("message") or response.reason_phrase
    message = f"{text} (HTTP {response.status_code}, kode {code}" + (f"/{subcode}" if subcode else "") + ")"
    tag = f"{code}/{subcode}" if subcode else str(code)
    if code in AUTH:
        return ApiError(message, status=response.status_code, code=tag, auth=True)
    if code == 9 and subcode == 2207042:
        # Daily publishing cap: no point retrying in this run; `due` tries again tomorrow.
        return ApiError(message, status=response.status_code, code=tag, retryable=True,
                        retry_after=24 * 3600)
    if code in NOT_READY or subcode == 2207027:
        return ApiError(message, status=response.status_code, code=tag, retryable=True, retry_after=10)
    if code in THROTTLED or response.status_code == 429:
        wait = _usage_wait(response.headers) or retry_after_seconds(response.headers, time.time)
        return ApiError(message, status=response.status_code, code=tag, retryable=True, retry_after=wait)
    if code in RETRY or error.get("is_transient") or response.status_code >= 500:
        return ApiError(message, status=response.status_code, code=tag, retryable=True,
                        retry_after=retry_after_seconds(response.headers, time.time))
    return ApiError(message, status=response.status_code, code=tag)
