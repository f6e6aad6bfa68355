"""`warta gate record`: what the gate decided for a merged pull request, kept on the ledger
branch (`approvals/<pr>.jsonl`, one line) so every post's page can show who approved it."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from github import Github

from warta import git as wgit
from warta.errors import UsageError
from warta.gate.github.pulls import API_ERRORS, GitHubError, _describe, read_pull, verdict_for
from warta.roster.at_commit import roster_at
from warta.roster.models import Roster

APPROVALS = "approvals"


def _role(roster: Roster, scope: str, login: str) -> dict[str, str]:
    """The approver's name and office from the roster at the PR's base."""
    low = login.lower()
    if scope.startswith("agency:"):
        agency = roster.agency(scope.removeprefix("agency:"))
        if agency is not None:
            if agency.kepala and (agency.kepala.github or "").lower() == low:
                return {"name": agency.kepala.name or login, "role": f"Kepala {agency.name}"}
            for d in agency.delegates:
                if (d.github or "").lower() == low:
                    return {"name": d.name or login, "role": f"{d.role}. Kepala {agency.name}"}
    if scope == "media_center" and roster.province.koordinator:
        return {"name": roster.province.koordinator.name or login, "role": "Koordinator Media Center"}
    for admin in roster.province.admins:
        if (admin.github or "").lower() == low:
            return {"name": admin.name or login, "role": "Admin Diskominfotik"}
    return {"name": login, "role": ""}


def approval_record(gh: Github, repo_name: str, number: int, checkout: Path) -> dict[str, Any]:
    """The merged PR's approval as plain data (the verdict evaluated at merge time)."""
    try:
        repo = gh.get_repo(repo_name)
        pull = repo.get_pull(number)
        if not pull.merged or pull.merged_at is None:
            raise UsageError(f"Pull request #{number} belum digabung; catatan persetujuan "
                             "hanya untuk pull request yang sudah digabung.")
        data = read_pull(repo, number)
        merged_at = pull.merged_at.astimezone(UTC)
        verdict = verdict_for(gh, repo, data, checkout, merged_at)
        roster = roster_at(wgit.open_repo(checkout), wgit.resolve_commit(wgit.open_repo(checkout),
                                                                          data.base_sha))
        html_url, merge_sha = str(pull.html_url), str(pull.merge_commit_sha or "")
        opened_at = pull.created_at
    except API_ERRORS as exc:
        raise GitHubError(f"Pull request #{number} tidak dapat dibaca: {_describe(exc)}.") from None
    approvers = []
    for req in verdict.requirements:
        if not req.satisfied_by:
            continue
        review = max((r for r in data.reviews if r.user.lower() == req.satisfied_by.lower()
                      and r.state.upper() == "APPROVED" and r.commit_id.lower() == data.head_sha.lower()),
                     key=lambda r: r.submitted_at, default=None)
        approvers.append({"login": req.satisfied_by, "scope": req.scope,
                          **_role(roster, req.scope, req.satisfied_by),
                          "at": review.submitted_at.astimezone(UTC).isoformat() if review else None})
    return {"pr": number, "url": html_url, "approved": verdict.approved,
            "opened_by": data.author, "merged_at": merged_at.isoformat(),
            "opened_at": opened_at.astimezone(UTC).isoformat() if opened_at else None,
            "head_sha": data.head_sha, "merge_sha": merge_sha,
            "files": sorted({p for f in data.changed_files for p in f.touched()}),
            "approvers": approvers}


def merged_pulls_for(gh: Github, repo_name: str, sha: str) -> list[int]:
    """The merged PRs whose merge commit is `sha` (a push to main names only the SHA)."""
    try:
        commit = gh.get_repo(repo_name).get_commit(sha)
        return [p.number for p in commit.get_pulls() if p.merged_at is not None and p.merge_commit_sha == sha]
    except API_ERRORS as exc:
        raise GitHubError(f"Pull request untuk commit {sha[:7]} tidak dapat dibaca: {_describe(exc)}.") from None


def write_record(ledger_dir: Path, record: dict[str, Any], now: datetime) -> Path:
    """Append the record (JSON Lines, so the ledger branch merges it as a union of lines)."""
    path = ledger_dir / APPROVALS / f"{int(record['pr'])}.jsonl"
    path.parent.mkdir(parents=True, exist_ok=True)
    line = json.dumps({**record, "recorded_at": now.astimezone(UTC).isoformat()},
                      ensure_ascii=False, sort_keys=True)
    with path.open("a", encoding="utf-8") as handle:
        handle.write(line + "\n")
    return path
