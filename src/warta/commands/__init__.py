"""One module per CLI verb; each returns the process exit code."""

from __future__ import annotations

from datetime import datetime

from warta.errors import UsageError
from warta.timeutil import DateParseError, as_wib, now_wib


def parse_now(value: str | None, option: str = "--now") -> datetime:
    """The reference time of a command: an ISO 8601 value (naive means WIB), or now."""
    if value is None:
        return now_wib()
    try:
        return as_wib(value)
    except DateParseError:
        raise UsageError(f"`{option} {value}` bukan waktu ISO 8601 (contoh: 2026-11-20T09:00:00+07:00).") from None
