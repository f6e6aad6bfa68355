"""`warta metrics report`: gather everything, then write the dashboards (MkDocs-style: gather, then write)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from warta.content.load import load_posts
from warta.content.models import Posts
from warta.content.plans import load_plans
from warta.metrics.aggregate import Aggregator
from warta.metrics.evaluation import EvaluationRow, evaluate, months_back
from warta.metrics.inbox import response_stats
from warta.metrics.ledger import dispatch_outcomes
from warta.metrics.model import Comment
from warta.metrics.monthly import PlanProgress, plan_progress
from warta.metrics.numbers import MetricsData, gather
from warta.metrics.prevents import approval_pulls, lead_times, load_pr_events
from warta.metrics.render import as_html, render_agency_kinerja, render_province_evaluation
from warta.metrics.render_plans import agency_plans_section, equipment_section, province_plans_section
from warta.metrics.store import Store
from warta.metrics.summary import MonthlySummary, months_with_comments, summarise
from warta.roster.load import load_roster
from warta.roster.models import Roster


@dataclass
class Dashboard:
    """Everything the pages are made of, gathered once."""

    roster: Roster
    posts: Posts
    data: MetricsData
    rows: list[EvaluationRow]
    summaries: dict[str, list[MonthlySummary]]
    months: list[str]
    now: datetime
    plans: dict[str, list[PlanProgress]] = field(default_factory=dict)  # slug -> per month

    def row(self, slug: str) -> EvaluationRow:
        return next(r for r in self.rows if r.slug == slug)

    def agency_page(self, slug: str) -> str:
        agency = self.roster.agencies[slug]
        page = render_agency_kinerja(agency, self.row(slug), self.data, self.posts,
                                     self.summaries.get(slug, []), self.months, self.now)
        extra = agency_plans_section(self.plans.get(slug, [])) + equipment_section(agency)
        return page + "\n" + "\n".join(extra)

    def province_page(self) -> str:
        page = render_province_evaluation(self.rows, self.months)
        return page + "\n" + "\n".join(province_plans_section(self.roster, self.plans, self.months))

    def as_json(self) -> dict[str, Any]:
        """Machine-readable figures with their source numbers (aggregates only)."""
        return {"generated_at": self.now.isoformat(timespec="seconds"), "months": self.months, "agencies": [{
            "slug": r.slug, "name": r.name, "rank": r.rank, "score": r.score, "cadence_per_week": r.cadence,
            "posts_90_days": r.posts_window, "freshness_days": r.freshness_days, "coverage_pct": r.coverage,
            "channels_enabled": r.channels_enabled, "channels_used": r.channels_used,
            "lead_time_hours": r.lead_time.to_merge_hours if r.lead_time else None,
            "approval_hours": r.lead_time.to_approval_hours if r.lead_time else None,
            "dispatch": {"sent": r.dispatch_sent, "total": r.dispatch_total, "pct": r.dispatch_success},
            "response": {"rate_pct": r.response.rate, "median_hours": r.response.median_hours,
                         "public_comments": r.response.public_comments} if r.response else None,
            "measures": [m.as_json() for m in r.measures]} for r in self.rows]}


def build_dashboard(root: Path, store_dir: Path, ledger_dir: Path, now: datetime, *,
                    pr_events: Path | None = None, cache: Path | str = ":memory:",
                    comments: list[Comment] | None = None,
                    approvals: list[dict[str, Any]] | None = None) -> Dashboard:
    """Load roster, posts, store and ledger; compute every figure (no writing)."""
    roster = load_roster(root).roster
    posts, _ = load_posts(root, roster)
    store = Store(store_dir)
    aggregator = Aggregator(store, cache)
    try:
        aggregator.refresh()
        comments = store.comments() if comments is None else comments
        data = gather(aggregator, comments)
    finally:
        aggregator.close()
    months = months_back(now)
    lead = lead_times(load_pr_events(pr_events)) if pr_events else None
    if lead is None and approvals:  # no store: the approval records on the ledger
        lead = lead_times(approval_pulls(approvals))
    rows = evaluate(roster, posts, now, data, dispatch=dispatch_outcomes(ledger_dir),
                    response=response_stats(comments), lead=lead, months=months)
    summaries = {slug: [summarise(comments, slug, m, now) for m in months_with_comments(comments, slug)
                        if m in months] for slug in roster.slugs()}
    plans, _ = load_plans(root, roster)
    progress = {slug: [plan_progress(plans, posts, slug, m, now) for m in months] for slug in roster.slugs()}
    return Dashboard(roster, posts, data, rows, summaries, months, now, progress)


def write_dashboard(dashboard: Dashboard, out: Path, *, html: bool = True) -> list[Path]:
    """evaluasi.md, kinerja/<slug>.md (and .html previews) and metrik.json under `out`."""
    written: list[Path] = []

    def put(path: Path, text: str) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)

    page = dashboard.province_page()
    put(out / "evaluasi.md", page)
    if html:
        put(out / "evaluasi.html", as_html(page.replace(".md)", ".html)"), "Evaluasi Publikasi Perangkat Daerah"))
    for slug in dashboard.roster.slugs():
        page = dashboard.agency_page(slug)
        put(out / "kinerja" / f"{slug}.md", page)
        if html:
            put(out / "kinerja" / f"{slug}.html", as_html(page, f"Kinerja {dashboard.roster.agencies[slug].name}"))
    put(out / "metrik.json", json.dumps(dashboard.as_json(), ensure_ascii=False, indent=2) + "\n")
    return written
