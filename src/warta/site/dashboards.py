"""The evaluation pages (Pedoman XI, Keputusan KETIGA) as portal pages: /evaluasi/, /kinerja/<slug>/."""

from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import Path
from typing import Any

from warta.site.pages import GeneratedPage
from warta.site.text import esc

PR_EVENTS = "github/pull-requests.jsonl"  # JSON Lines, so the branch sync merges it like the rest


def dashboard_pages(root: Path, store_dir: Path, ledger_dir: Path | None, now: datetime,
                    approvals: list[dict[str, Any]] | None = None) -> list[GeneratedPage]:
    """Pages from git, the ledger and, when there is one, the metrics store (aggregates only:
    never a commenter's name or words); built on every run."""
    from warta.metrics.report import build_dashboard

    events = store_dir / PR_EVENTS  # written by the metrics workflow (`gh pr list --json ...`)
    dashboard = build_dashboard(root, store_dir, ledger_dir or root / ".warta" / "ledger", now,
                                pr_events=events if events.is_file() else None, approvals=approvals)
    pages = [GeneratedPage("evaluasi.md", {"title": "Evaluasi Perangkat Daerah", "description": esc(
                               "Pemantauan dan evaluasi publikasi seluruh perangkat daerah (Pedoman XI).")},
                           body=dashboard.province_page(), body_from_warta=True)]
    for agency in dashboard.roster:
        meta = {"title": esc(f"Kinerja {agency.name}"), "description": esc(f"Kinerja publikasi {agency.name}.")}
        pages.append(GeneratedPage(f"kinerja/{agency.slug}.md", meta,
                                   body=dashboard.agency_page(agency.slug), body_from_warta=True))
    return pages


def pages_key(key: str, pages: list[GeneratedPage]) -> str:
    if not pages:
        return key
    digest = hashlib.sha256(key.encode())
    for page in pages:
        digest.update(page.path.encode() + page.text().encode())
    return digest.hexdigest()[:32]
