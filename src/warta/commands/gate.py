"""`warta gate evaluate` (and `warta gate post`): the approval verdict as JSON."""

from __future__ import annotations

import json
from pathlib import Path

from warta.errors import UsageError
from warta.gate.evaluate import evaluate
from warta.gate.input import GateInput, parse_gate_input
from warta.limits import LimitExceeded, run_limited
from warta.output import print_json
from warta.timeutil import now_wib


def read_input(path: Path) -> object:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise UsageError(f"Berkas masukan `{path}` tidak ditemukan.") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"Berkas masukan `{path}` tidak dapat dibaca: {exc}.") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise UsageError(f"Berkas masukan `{path}` bukan JSON yang sah (baris {exc.lineno}, "
                         f"kolom {exc.colno}: {exc.msg}).") from None


def evaluate_command(path: Path) -> int:
    """Print the verdict; 0 approved, 1 not approved (bad input raises UsageError, exit 2)."""
    gate_input = parse_gate_input(read_input(path))
    try:
        # The verdict reads the PR's front matter: under hard limits, failing closed (warta.limits).
        verdict = run_limited(_verdict, gate_input, what="Putusan persetujuan")
    except LimitExceeded as exc:
        verdict = {"approved": False, "requirements": [
            {"scope": "limits", "eligible": [], "satisfied_by": None, "reason": exc.message}]}
    print_json(verdict)
    return 0 if verdict["approved"] else 1


def _verdict(gate_input: GateInput) -> dict[str, object]:
    return evaluate(gate_input, now_wib()).as_dict()


def post_command(repo: str, number: int | None, head_sha: str | None, checkout: Path,
                 base_url: str) -> int:
    """Evaluate PRs through the GitHub API and report each as check run and comment."""
    from warta.gate.github import post_verdict

    if (number is None) == (head_sha is None):
        raise UsageError("Isi salah satu: `--pr NOMOR` atau `--head-sha SHA`.")
    # This job holds the App's write token and reads the PR's posts (front matter, the quality
    # report): the whole run is under hard limits; when they are hit nothing is posted, and the
    # required check stays missing, so the PR cannot merge (fail closed).
    return run_limited(post_verdict, repo, number, head_sha, checkout, base_url,
                       what="Pemeriksaan persetujuan")


def sync_github_command(org: str | None, base_url: str, *, dry_run: bool) -> int:
    """Make each agency's GitHub team equal to its roster approvers and team."""
    from warta.gate.github import sync_teams

    return sync_teams(org, base_url, dry_run=dry_run)
