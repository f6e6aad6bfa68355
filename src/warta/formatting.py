"""Indonesian text for people: dates, numbers and percentages, one home, built on Babel (CLDR `id_ID`).

`tanggal(dt)` → "20 November 2026" (in WIB); `bulan_tahun(d)` → "November 2026";
`tanggal_jam(dt)` → "20 November 2026 pukul 14.05 WIB";
`angka(n)` → "1.234" or "12,5" (dot groups thousands, comma before decimals, at most `decimals`
decimals, rounded half-even as CLDR does); `persen(x)` → "12,5%" for a share given in percent (0–100).
"""

from __future__ import annotations

from datetime import date, datetime

from babel.dates import format_date, format_time
from babel.numbers import format_decimal

from warta.timeutil import WIB

LOCALE = "id_ID"


def _pattern(decimals: int) -> str:
    return "#,##0" + ("." + "#" * decimals if decimals > 0 else "")


def tanggal(when: datetime) -> str:
    """`20 November 2026`, the date in WIB."""
    return format_date(when.astimezone(WIB), "d MMMM y", locale=LOCALE)


def tanggal_jam(when: datetime) -> str:
    """`20 November 2026 pukul 14.05 WIB`."""
    local = when.astimezone(WIB)
    return f"{tanggal(local)} pukul {format_time(local, 'HH.mm', locale=LOCALE)} WIB"


def bulan_tahun(when: date) -> str:
    """`November 2026`."""
    return format_date(when, "MMMM y", locale=LOCALE)


def angka(value: float, decimals: int = 1) -> str:
    """A number the Indonesian way: `1.234`, `12,5`; trailing zero decimals are left out."""
    return format_decimal(value, format=_pattern(decimals), locale=LOCALE)


def persen(value: float, decimals: int = 1) -> str:
    """A share already in percent (0–100): `12,5%`."""
    return f"{angka(value, decimals)}%"
