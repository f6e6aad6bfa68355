"""Approval lead time from pull-request events exported from GitHub.

Accepts `gh pr list --state merged --json number,createdAt,mergedAt,files,reviews` output
(camelCase) or the REST API's snake_case fields, as a list or under "pull_requests".
An agency's PRs are those touching `content/<agency>/`, or naming `"agency"`.
"""

from __future__ import annotations

import json
import statistics
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from warta.errors import UsageError
from warta.timeutil import as_wib


@dataclass(frozen=True)
class LeadTime:
    pulls: int
    to_approval_hours: float | None
    to_merge_hours: float | None  # opened → merged


def _time(value: Any) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return as_wib(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def _agencies(pr: dict[str, Any]) -> set[str]:
    if isinstance(pr.get("agency"), str):
        return {pr["agency"]}
    found = set()
    for item in pr.get("files") or []:
        path = item.get("path") or item.get("filename") if isinstance(item, dict) else item
        if isinstance(path, str) and path.startswith("content/") and path.count("/") >= 2:
            found.add(path.split("/")[1])
    return found


def load_pr_events(path: Path) -> list[dict[str, Any]]:
    """`gh pr list --json number,createdAt,mergedAt,files,reviews` output: a JSON list, or JSON Lines
    (one pull request a line, as the metrics branch keeps it; the last line of a number wins)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"{path}: berkas PR tidak dapat dibaca ({exc.strerror}).") from None
    if path.suffix == ".jsonl":
        by_number: dict[Any, dict[str, Any]] = {}
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as exc:
                raise UsageError(f"{path}:{number}: bukan JSON yang sah ({exc.msg}).") from None
            if not isinstance(item, dict):
                raise UsageError(f"{path}:{number}: setiap baris harus satu pull request (objek JSON).")
            by_number[item.get("number", number)] = item
        return list(by_number.values())
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UsageError(f"{path}:{exc.lineno}: bukan JSON yang sah ({exc.msg}).") from None
    pulls = data.get("pull_requests") if isinstance(data, dict) else data
    if not isinstance(pulls, list) or not all(isinstance(p, dict) for p in pulls):
        raise UsageError(f"{path}:1: harus berupa daftar pull request (keluaran `gh pr list --json "
                         "number,createdAt,mergedAt,files,reviews`).")
    return pulls


def lead_times(pulls: list[dict[str, Any]]) -> dict[str, LeadTime]:
    """Per agency: median hours from PR opened to first approval, and to merge."""
    approvals: dict[str, list[float]] = {}
    merges: dict[str, list[float]] = {}
    counts: dict[str, int] = {}
    for pr in pulls:
        opened = _time(pr.get("createdAt") or pr.get("created_at"))
        merged = _time(pr.get("mergedAt") or pr.get("merged_at"))
        approved_times = [_time(r.get("submittedAt") or r.get("submitted_at")) for r in pr.get("reviews") or []
                          if isinstance(r, dict) and r.get("state") == "APPROVED"]
        approved = min((t for t in approved_times if t is not None), default=None) or _time(pr.get("approved_at"))
        for agency in _agencies(pr):
            counts[agency] = counts.get(agency, 0) + 1
            if opened and approved:
                approvals.setdefault(agency, []).append((approved - opened).total_seconds() / 3600)
            if opened and merged:
                merges.setdefault(agency, []).append((merged - opened).total_seconds() / 3600)

    def median(values: list[float] | None) -> float | None:
        return round(statistics.median(values), 1) if values else None

    return {a: LeadTime(n, median(approvals.get(a)), median(merges.get(a))) for a, n in counts.items()}


def approval_pulls(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The approval records on the ledger (`warta gate record`) in the shape `lead_times` reads,
    one per PR: the evaluation's lead times when the metrics store has no PR events."""
    pulls: dict[Any, dict[str, Any]] = {}
    for record in records:
        pulls[record.get("pr")] = {
            "number": record.get("pr"), "createdAt": record.get("opened_at"), "mergedAt": record.get("merged_at"),
            "files": list(record.get("files") or []),
            "reviews": [{"state": "APPROVED", "submittedAt": a.get("at")} for a in record.get("approvers") or []
                        if isinstance(a, dict) and a.get("at")]}
    return list(pulls.values())
