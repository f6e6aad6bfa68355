"""The monthly monitoring and evaluation report for the Governor (Keputusan KETIGA).

One row per roster agency (all of them, never only those with data): posts planned and
published, channels, approval lead times, the five Pedoman XI measures, unanswered comments,
equipment gaps (Pedoman IX) and readiness. A figure without data is `None` and is written as
"tidak ada data", never as 0 and never scored. Writers live in warta.metrics.monthly_out.
"""

from __future__ import annotations

import calendar
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from warta.content.load import load_posts
from warta.content.models import Posts
from warta.content.plans import Plans, load_plans, realised
from warta.formatting import bulan_tahun
from warta.metrics.aggregate import Aggregator
from warta.metrics.inbox import response_hours
from warta.metrics.measures import MeasureValue
from warta.metrics.model import Comment
from warta.metrics.numbers import MetricsData, gather, measures_for
from warta.metrics.prevents import LeadTime, lead_times, load_pr_events
from warta.metrics.store import Store
from warta.metrics.summary import month_of
from warta.roster.load import load_roster
from warta.roster.models import Roster
from warta.roster.readiness import roster_readiness
from warta.timeutil import WIB

MISSING = "tidak ada data"


@dataclass
class PlanProgress:
    month: str
    planned: int  # items not cancelled
    realised: int
    cancelled: int
    published: int  # posts that went live in the month


@dataclass
class MonthlyRow:
    slug: str
    name: str
    progress: PlanProgress
    channels_enabled: list[str]
    channel_posts: dict[str, int]  # channel -> published posts of the month carrying it
    lead_time: LeadTime | None
    measures: list[MeasureValue] | None  # None: no numbers collected for the month
    public_comments: int | None  # None: nothing collected for this agency
    unanswered: int | None
    equipment_gaps: list[str] | None  # None: `peralatan` not filled in
    ready: bool
    next_step: str


@dataclass
class MonthlyReport:
    month: str
    generated_at: datetime
    rows: list[MonthlyRow] = field(default_factory=list)

    @property
    def title(self) -> str:
        return f"Laporan Pemantauan dan Evaluasi Publikasi Perangkat Daerah — {month_name(self.month)}"


def month_name(month: str) -> str:
    """`2026-11` → `November 2026`."""
    year, number = month.split("-")
    return bulan_tahun(date(int(year), int(number), 1))


def month_end(month: str) -> datetime:
    year, number = (int(x) for x in month.split("-"))
    return datetime(year, number, calendar.monthrange(year, number)[1], 23, 59, 59, tzinfo=WIB)


def plan_progress(plans: Plans, posts: Posts, slug: str, month: str, now: datetime) -> PlanProgress:
    """Planned vs realised of one agency in one month (a realised item: terbit, or a post names it)."""
    items = [i for i in plans.for_agency(slug) if i.month == month]
    published = [p for p in posts.for_agency(slug) if p.is_published(now)]
    paths = {p.path for p in published}
    referenced = {(p.agency, p.rencana) for p in published if p.rencana}
    live = [p for p in published if p.goes_live.astimezone(WIB).strftime("%Y-%m") == month]
    active = [i for i in items if i.status != "batal"]
    return PlanProgress(month, len(active), sum(realised(i, paths, referenced) for i in active),
                        len(items) - len(active), len(live))


def _comments_in(comments: list[Comment], slug: str, month: str) -> tuple[int | None, int | None]:
    mine = [c for c in comments if c.agency == slug]
    if not mine:
        return None, None
    hours = response_hours(comments)
    public = [c for c in mine if not c.by_agency and month_of(c) == month]
    return len(public), sum(1 for c in public if hours.get((c.network, c.comment_id)) is None)


def _month_pulls(pr_events: Path | None, month: str) -> dict[str, LeadTime]:
    if pr_events is None or not pr_events.is_file():
        return {}
    pulls = [p for p in load_pr_events(pr_events)
             if str(p.get("createdAt") or p.get("created_at") or "").startswith(month)]
    return lead_times(pulls)


def build_monthly(root: Path, store_dir: Path, month: str, now: datetime, *,
                  pr_events: Path | None = None, cache: Path | str = ":memory:") -> MonthlyReport:
    """Gather every figure of the month for every roster agency (no writing)."""
    roster: Roster = load_roster(root).roster
    posts, _ = load_posts(root, roster)
    plans, _ = load_plans(root, roster)
    store = Store(store_dir)
    aggregator = Aggregator(store, cache)
    try:
        aggregator.refresh()
        comments = store.comments()
        data: MetricsData = gather(aggregator, comments)
    finally:
        aggregator.close()
    # Readiness and published posts as they stood at the end of the month (or now, if earlier).
    at = min(now, month_end(month))
    last: dict[str, date | None] = {}
    for post in posts:
        if post.is_published(at):
            day = post.goes_live.astimezone(WIB).date()
            last[post.agency] = max(day, last.get(post.agency) or day)
    readiness = {r.agency: r for r in roster_readiness(roster, at, last, None)}
    leads = _month_pulls(pr_events, month)
    report = MonthlyReport(month, now)
    for agency in roster:
        progress = plan_progress(plans, posts, agency.slug, month, at)
        live = [p for p in posts.for_agency(agency.slug) if p.is_published(at)
                and p.goes_live.astimezone(WIB).strftime("%Y-%m") == month]
        numbers = data.months.get((agency.slug, month))
        public, open_ = _comments_in(comments, agency.slug, month)
        state = readiness[agency.slug]
        report.rows.append(MonthlyRow(
            agency.slug, agency.name, progress, agency.enabled_channels(),
            dict(Counter(c for p in live for c in p.channels)), leads.get(agency.slug),
            measures_for(numbers) if numbers else None, public, open_, agency.equipment_gaps(),
            state.ready, state.next_step))
    return report
