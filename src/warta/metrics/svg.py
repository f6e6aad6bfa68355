"""Static inline SVG charts: no scripts, a <title> and <desc> each, readable at a glance."""

from __future__ import annotations

import re
from html import escape

from warta.formatting import angka

BAR = "#1f6feb"
MUTED = "#8c959f"
FONT = 'font-family="system-ui, sans-serif" font-size="12"'


def _id(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "grafik"


def _fmt(value: float) -> str:
    return angka(value, 0 if abs(value) >= 100 else 1)  # large values whole: the chart is read at a glance


def bar_chart(title: str, items: list[tuple[str, float | None]], *, unit: str = "", width: int = 640,
              desc: str = "") -> str:
    """Horizontal bars, one per item (label, value); missing values say "belum ada data"."""
    ident = _id(title)
    row, label_w, pad = 22, 230, 8
    height = row * len(items) + 2 * pad
    top = max((v for _, v in items if v is not None), default=0.0) or 1.0
    span = width - label_w - 90
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {width} {height}" '
             f'width="100%" style="max-width:{width}px" aria-labelledby="{ident}-t {ident}-d">',
             f'<title id="{ident}-t">{escape(title)}</title>',
             f'<desc id="{ident}-d">{escape(desc or _describe(items, unit))}</desc>']
    for index, (label, value) in enumerate(items):
        y = pad + index * row
        text = label if len(label) <= 34 else label[:33] + "…"
        parts.append(f'<text x="{label_w - 6}" y="{y + 15}" text-anchor="end" {FONT}>{escape(text)}</text>')
        if value is None:
            parts.append(f'<text x="{label_w}" y="{y + 15}" {FONT} fill="{MUTED}">belum ada data</text>')
            continue
        w = max(1.0, span * max(value, 0.0) / top)
        parts.append(f'<rect x="{label_w}" y="{y + 3}" width="{w:.1f}" height="{row - 6}" fill="{BAR}" rx="2"/>')
        parts.append(f'<text x="{label_w + w + 4:.1f}" y="{y + 15}" {FONT}>{escape(_fmt(value))}{escape(unit)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _describe(items: list[tuple[str, float | None]], unit: str) -> str:
    shown = [f"{label}: {_fmt(v)}{unit}" for label, v in items if v is not None]
    missing = sum(1 for _, v in items if v is None)
    text = "; ".join(shown[:12]) + ("; …" if len(shown) > 12 else "")
    return text + (f". {missing} tanpa data." if missing else "")


def sparkline(title: str, values: list[float | None], *, labels: list[str] | None = None,
              width: int = 160, height: int = 32) -> str:
    """A small column chart of a series (e.g. posts per week, a measure per month)."""
    ident = _id(title) + "-s"
    have = [v for v in values if v is not None]
    top = max(have, default=0.0) or 1.0
    step = width / max(1, len(values))
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {width} {height}" width="{width}" '
             f'height="{height}" aria-labelledby="{ident}-t {ident}-d">',
             f'<title id="{ident}-t">{escape(title)}</title>']
    named = labels or [str(i + 1) for i in range(len(values))]
    series = ", ".join(f"{n}: {_fmt(v) if v is not None else '-'}" for n, v in zip(named, values, strict=False))
    parts.append(f'<desc id="{ident}-d">{escape(series)}</desc>')
    for index, value in enumerate(values):
        if value is None:
            continue
        h = max(1.0, (height - 2) * max(value, 0.0) / top)
        parts.append(f'<rect x="{index * step + 1:.1f}" y="{height - h:.1f}" width="{max(1.0, step - 2):.1f}" '
                     f'height="{h:.1f}" fill="{BAR}"/>')
    parts.append("</svg>")
    return "".join(parts)
