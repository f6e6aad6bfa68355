"""`warta gate record`: a merged PR's approval written to the ledger, read back for the site."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from tests.gate.conftest import PrRepo
from tests.gate.fake_github import REPO, FakeGitHub
from tests.gate.test_cli import warta
from tests.gate.test_github import NEW_POST, approve, make_pull
from warta.commands.approvals import read_approvals

MERGE = "c" * 40


def run_record(fake: FakeGitHub, repo: PrRepo, ledger: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "WARTA_GITHUB_TOKEN": "t0ken", "WARTA_GITHUB_THROTTLE": "0"}
    return subprocess.run([*warta(), "gate", "record", "--repo", REPO, *args, "--checkout", str(repo.root),
                           "--ledger", str(ledger), "--base-url", fake.url],
                          env=env, capture_output=True, text=True, timeout=120, cwd=repo.root)


def test_merged_pr_is_recorded_with_the_approver_role_and_time(fake_github: FakeGitHub, pr_repo: PrRepo,
                                                               tmp_path: Path) -> None:
    pull = make_pull(fake_github, pr_repo, reviews=[approve("kepala-contoh", 1001, when="2026-11-21T02:00:00Z")])
    pull.merged_at, pull.merge_sha = "2026-11-21T03:30:00Z", MERGE
    ledger = tmp_path / "ledger"
    proc = run_record(fake_github, pr_repo, ledger, "--sha", MERGE)
    assert proc.returncode == 0, proc.stderr
    lines = (ledger / "approvals/7.jsonl").read_text(encoding="utf-8").splitlines()
    record = json.loads(lines[0])
    assert record["approved"] is True and record["merge_sha"] == MERGE and record["head_sha"] == "a" * 40
    assert record["approvers"] == [{"login": "kepala-contoh", "scope": "agency:dinas-contoh",
                                    "name": "Kepala Contoh", "role": "Kepala Dinas Contoh",
                                    "at": "2026-11-21T02:00:00+00:00"}]
    assert record["url"] == f"https://github.com/{REPO}/pull/7"
    # The build reads it as plain data, keyed by the post's path.
    assert read_approvals(ledger)[NEW_POST][0]["approvers"][0]["name"] == "Kepala Contoh"


def test_unmerged_pr_is_refused(fake_github: FakeGitHub, pr_repo: PrRepo, tmp_path: Path) -> None:
    make_pull(fake_github, pr_repo, reviews=[approve("kepala-contoh", 1001)])
    proc = run_record(fake_github, pr_repo, tmp_path / "ledger", "--pr", "7")
    assert proc.returncode == 2 and "belum digabung" in proc.stderr
    assert not (tmp_path / "ledger").exists()
