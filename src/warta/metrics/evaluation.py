"""Diskominfotik's evaluation of every agency (Keputusan KETIGA, Pedoman VIII.5 and XI).

One row per roster agency, each criterion with the numbers it came from; the ranking
score is the mean percentile over the criteria an agency has data for.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from warta.content.models import Posts
from warta.metrics.inbox import ResponseStats
from warta.metrics.measures import MEASURES, MeasureValue
from warta.metrics.numbers import MetricsData, measures_for, period_numbers
from warta.metrics.prevents import LeadTime
from warta.roster.models import SOCIAL_CHANNELS, Roster
from warta.timeutil import WIB

WINDOW_DAYS = 90
# Criterion → True when higher is better.
CRITERIA: dict[str, bool] = {
    "cadence": True, "freshness_days": False, "coverage": True, "lead_time_hours": False,
    "dispatch_success": True, "response_rate": True, "response_hours": False,
    **{m.key: True for m in MEASURES},
}


@dataclass
class EvaluationRow:
    slug: str
    name: str
    posts_window: int
    cadence: float  # posts per week over the window
    freshness_days: int | None  # days since the newest published post
    channels_enabled: list[str]
    channels_used: list[str]
    coverage: float | None  # % of the roster's channels used in the window
    lead_time: LeadTime | None
    dispatch_sent: int
    dispatch_total: int
    response: ResponseStats | None
    measures: list[MeasureValue]
    weekly_posts: list[int] = field(default_factory=list)  # last 13 weeks, oldest first
    score: float | None = None
    rank: int = 0

    @property
    def dispatch_success(self) -> float | None:
        return round(100.0 * self.dispatch_sent / self.dispatch_total, 1) if self.dispatch_total else None

    def value(self, criterion: str) -> float | None:
        simple = {"cadence": self.cadence, "freshness_days": self.freshness_days, "coverage": self.coverage,
                  "lead_time_hours": self.lead_time.to_merge_hours if self.lead_time else None,
                  "dispatch_success": self.dispatch_success,
                  "response_rate": self.response.rate if self.response else None,
                  "response_hours": self.response.median_hours if self.response else None}
        if criterion in simple:
            value = simple[criterion]
            return float(value) if value is not None else None
        return next((m.value for m in self.measures if m.key == criterion), None)


def months_back(now: datetime, count: int = 12) -> list[str]:
    year, month = now.year, now.month
    out = []
    for _ in range(count):
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return sorted(out)


def evaluate(roster: Roster, posts: Posts, now: datetime, data: MetricsData, *,
             dispatch: dict[str, dict[str, int]], response: dict[str, ResponseStats],
             lead: dict[str, LeadTime] | None = None, months: list[str] | None = None) -> list[EvaluationRow]:
    """Rows for every roster agency, ranked; agencies without data rank last, never vanish."""
    now = now.astimezone(WIB)
    start = now - timedelta(days=WINDOW_DAYS)
    months = months or months_back(now)
    rows = []
    for agency in roster:
        published = list(posts.for_agency(agency.slug).published(now))
        recent = [p for p in published if p.goes_live >= start]
        newest = max((p.goes_live for p in published), default=None)
        enabled = [c for c in agency.enabled_channels() if c == "website" or c in SOCIAL_CHANNELS]
        used = sorted({c for p in recent for c in p.channels if c in enabled})
        weeks = [0] * 13
        for p in recent:
            index = 12 - min(12, int((now - p.goes_live).days // 7))
            weeks[index] += 1
        counts = dispatch.get(agency.slug, {})
        rows.append(EvaluationRow(
            agency.slug, agency.name, len(recent), round(len(recent) / (WINDOW_DAYS / 7), 2),
            (now - newest).days if newest else None, enabled, used,
            round(100.0 * len(used) / len(enabled), 1) if enabled else None,
            (lead or {}).get(agency.slug), counts.get("success", 0), counts.get("total", 0),
            response.get(agency.slug), measures_for(period_numbers(data, agency.slug, months)), weeks))
    rank(rows)
    return rows


def has_data(row: EvaluationRow) -> bool:
    """Anything to judge: a published post, a send, a reply or a measure. An agency without
    any is shown as missing data and gets no score (zeros are not evidence of anything)."""
    return (row.freshness_days is not None or row.dispatch_total > 0 or row.response is not None
            or any(m.value is not None for m in row.measures))


def rank(rows: list[EvaluationRow]) -> None:
    """Score = mean percentile (0–100) over the criteria with data; ties share order by name."""
    percentiles: dict[str, list[float]] = {r.slug: [] for r in rows}
    for criterion, higher in CRITERIA.items():
        have = [(r, v) for r in rows if has_data(r) and (v := r.value(criterion)) is not None]
        if len(have) < 2:
            continue
        ordered = sorted(v if higher else -v for _, v in have)
        for row, value in have:
            key = value if higher else -value
            below = sum(1 for o in ordered if o < key)
            equal = sum(1 for o in ordered if o == key)
            percentiles[row.slug].append(100.0 * (below + 0.5 * (equal - 1)) / (len(ordered) - 1))
    for row in rows:
        found = percentiles[row.slug]
        row.score = round(sum(found) / len(found), 1) if found else None
    rows.sort(key=lambda r: (r.score is None, -(r.score or 0.0), r.name))
    for index, row in enumerate(rows, start=1):
        row.rank = index
