"""Time in Warta: naive times mean Western Indonesian Time (WIB, Asia/Jakarta)."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

WIB = ZoneInfo("Asia/Jakarta")


class DateParseError(ValueError):
    pass


def as_wib(value: object) -> datetime:
    """Turn a YAML date/datetime/string into an aware datetime; naive means WIB."""
    if isinstance(value, datetime):
        parsed = value
    elif isinstance(value, date):
        parsed = datetime.combine(value, time(0, 0))
    elif isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value.strip())
        except ValueError:
            raise DateParseError(value) from None
    else:
        raise DateParseError(repr(value))
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=WIB)
    return parsed


def as_date(value: object) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            raise DateParseError(value) from None
    raise DateParseError(repr(value))


def now_wib() -> datetime:
    return datetime.now(WIB)
