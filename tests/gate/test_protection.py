"""Team sync, the ruleset, and the bootstrap script's plan, against the fake GitHub."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from tests.conftest import PROJECT_ROOT
from tests.gate.conftest import PrRepo
from tests.gate.fake_github import REPO, FakeGitHub
from tests.gate.test_cli import warta
from warta.gate.comment import CHECK_NAME
from warta.gate.github import apply_ruleset, check_protection, connect, sync_org_teams
from warta.gate.protection import (
    ACTIONS_APP_ID,
    RULESET_NAME,
    data_ruleset,
    ruleset,
    ruleset_differences,
    teams_plan,
)
from warta.roster.at_commit import roster_at

TODAY = date(2026, 11, 21)
SCRIPT = PROJECT_ROOT / "scripts" / "bootstrap_github.py"


def client(fake: FakeGitHub):  # type: ignore[no-untyped-def]
    return connect("test-token", fake.url, retries=0, throttle=False)


def test_ruleset_has_every_protection_and_no_bypass() -> None:
    body = ruleset(424242)
    assert body["bypass_actors"] == [] and body["enforcement"] == "active"
    rules = {r["type"]: r.get("parameters") for r in body["rules"]}
    assert {"deletion", "non_fast_forward", "pull_request", "required_status_checks"} <= set(rules)
    pr = rules["pull_request"]
    assert pr["require_code_owner_review"] and pr["dismiss_stale_reviews_on_push"]
    assert pr["require_last_push_approval"] and pr["required_approving_review_count"] >= 1
    # Both checks from the Warta App only: the Actions app is what any workflow posts as.
    checks = rules["required_status_checks"]["required_status_checks"]
    assert sorted(checks, key=lambda c: c["context"]) == [
        {"context": "warta/check", "integration_id": 424242},
        {"context": CHECK_NAME, "integration_id": 424242}]
    assert ruleset_differences(body, 424242) == []
    weakened = ruleset(424242)
    weakened["bypass_actors"] = [{"actor_id": 1, "actor_type": "RepositoryRole"}]
    weakened["rules"] = [r for r in weakened["rules"] if r["type"] != "deletion"]
    problems = ruleset_differences(weakened, 424242)
    assert any("bypass_actors" in p for p in problems) and any("deletion" in p for p in problems)


def test_merge_queue_replaces_up_to_date_rule() -> None:
    """Approve once: no "branch up to date" (every merge would force updates and re-approval);
    the merge queue re-checks each PR on top of the current main instead."""
    rules = {r["type"]: r.get("parameters") for r in ruleset(424242)["rules"]}
    assert rules["required_status_checks"]["strict_required_status_checks_policy"] is False
    # Parameter names and values as in GitHub's OpenAPI schema `repository-rule-merge-queue`.
    assert rules["merge_queue"] == {
        "check_response_timeout_minutes": 60, "grouping_strategy": "ALLGREEN",
        "max_entries_to_build": 5, "max_entries_to_merge": 5, "merge_method": "MERGE",
        "min_entries_to_merge": 1, "min_entries_to_merge_wait_minutes": 5}
    pr = rules["pull_request"]  # stale approvals still dismissed on a push by the author
    assert pr["dismiss_stale_reviews_on_push"] and pr["require_last_push_approval"]


def test_drift_check_flags_the_old_forgeable_form() -> None:
    """The ruleset as it was: warta/check from the Actions app, branches up to date, no queue;
    the data branches writable by any workflow (the Actions app as bypass actor)."""
    old = ruleset(424242)
    old["rules"] = [r for r in old["rules"] if r["type"] != "merge_queue"]
    status = next(r for r in old["rules"] if r["type"] == "required_status_checks")
    status["parameters"] = {"strict_required_status_checks_policy": True,
                            "required_status_checks": [
                                {"context": "warta/check", "integration_id": ACTIONS_APP_ID},
                                {"context": CHECK_NAME, "integration_id": 424242}]}
    problems = ruleset_differences(old, 424242)
    assert "aturan `merge_queue` hilang" in problems
    assert any("strict_required_status_checks_policy" in p for p in problems)
    assert any(p.startswith("check wajib berbeda") and "15368" in p for p in problems)
    old_data = data_ruleset(424242)
    old_data["bypass_actors"] = [{"actor_id": ACTIONS_APP_ID, "actor_type": "Integration",
                                  "bypass_mode": "always"}]
    assert any("bypass_actors" in p and "15368" in p
               for p in ruleset_differences(old_data, 424242, data_ruleset(424242)))
    assert data_ruleset(None)["bypass_actors"] == []  # no App yet: nobody writes


def test_team_plan_keeps_expired_delegates_out(pr_repo: PrRepo) -> None:
    roster = roster_at(pr_repo.repo, pr_repo.base)
    plans = {p.slug: p for p in teams_plan(roster, TODAY)}
    dinas = plans["pd-dinas-contoh"]
    assert dinas.approvers == ("kepala-contoh",)  # the Plt. window ended in January
    assert set(dinas.members) == {"kepala-contoh", "ani-lestari", "budi-s"}
    january = {p.slug: p for p in teams_plan(roster, date(2026, 1, 15))}
    assert january["pd-dinas-contoh"].approvers == ("kepala-contoh", "plt-contoh")


def test_sync_creates_teams_adds_and_removes_members(fake_github: FakeGitHub,
                                                     pr_repo: PrRepo) -> None:
    roster = roster_at(pr_repo.repo, pr_repo.base)
    fake_github.teams["pd-badan-contoh"] = {"members": [("mantan-staf", 7), ("citra-d", 8)],
                                            "repos": {}}
    gh = client(fake_github)
    dry = sync_org_teams(gh, "uji-org", roster, TODAY, dry_run=True)
    assert "buat tim uji-org/pd-dinas-contoh" in dry
    assert "pd-badan-contoh: keluarkan @mantan-staf" in dry
    assert "pd-dinas-contoh" not in fake_github.teams  # dry run changes nothing
    sync_org_teams(gh, "uji-org", roster, TODAY, dry_run=False, repo_name=REPO)
    members = {login for login, _ in fake_github.teams["pd-dinas-contoh"]["members"]}
    assert members == {"kepala-contoh", "ani-lestari", "budi-s"}
    badan = {login for login, _ in fake_github.teams["pd-badan-contoh"]["members"]}
    assert badan == {"kepala-badan", "citra-d"}
    assert fake_github.teams["pd-dinas-contoh"]["repos"] == {REPO: "push"}
    again = sync_org_teams(gh, "uji-org", roster, TODAY, dry_run=True)
    assert not [line for line in again if "tambah" in line or "keluarkan" in line]


def test_apply_and_check_ruleset(fake_github: FakeGitHub, pr_repo: PrRepo) -> None:
    roster = roster_at(pr_repo.repo, pr_repo.base)
    gh = client(fake_github)
    problems = check_protection(gh, REPO, roster, 424242, TODAY)
    assert f"ruleset {RULESET_NAME} tidak ada" in problems
    assert any("@kepala-contoh" in p for p in problems)  # no write access yet
    assert apply_ruleset(gh, REPO, 424242) == "ruleset warta-main dibuat; ruleset warta-data dibuat"
    assert apply_ruleset(gh, REPO, 424242).endswith("warta-data diperbarui")
    assert len(fake_github.rulesets) == 2
    data = next(r for r in fake_github.rulesets if r["name"] == "warta-data")
    assert data["conditions"]["ref_name"]["include"] == ["refs/heads/warta-ledger", "refs/heads/warta-metrics"]
    assert {r["type"] for r in data["rules"]} == {"deletion", "non_fast_forward", "update"}
    assert data["bypass_actors"] == [{"actor_id": 424242, "actor_type": "Integration", "bypass_mode": "always"}]
    fake_github.permissions.update({"kepala-contoh": "write", "kepala-badan": "admin"})
    assert check_protection(gh, REPO, roster, 424242, TODAY) == []
    fake_github.rulesets[0]["bypass_actors"] = [{"actor_id": 5, "actor_type": "Team"}]
    assert any("bypass_actors" in p for p in check_protection(gh, REPO, roster, 424242, TODAY))
    fake_github.rulesets[1]["rules"] = [{"type": "deletion"}]  # someone allowed updates to the ledger
    problems = check_protection(gh, REPO, roster, 424242, TODAY)
    assert any(p.startswith("ruleset warta-data") and "update" in p for p in problems)


def test_bootstrap_dry_run_prints_plan_for_shipped_roster() -> None:
    proc = subprocess.run([sys.executable, str(SCRIPT), "--dry-run", "--app-id", "424242"],
                          capture_output=True, text=True, timeout=120, cwd=PROJECT_ROOT)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    shipped = sorted(p.stem for p in (PROJECT_ROOT / "roster").glob("*.yml")
                     if p.name != "_province.yml")
    assert len(shipped) >= 41
    for slug in shipped:
        assert f"/pd-{slug} " in out, slug
    for needle in ('"bypass_actors": []', '"require_code_owner_review": true',
                   '"dismiss_stale_reviews_on_push": true', '"require_last_push_approval": true',
                   '"non_fast_forward"', '"deletion"', '"warta/check"', '"warta/persetujuan"',
                   '"integration_id": 424242', '"type": "merge_queue"',
                   '"grouping_strategy": "ALLGREEN"', '"merge_method": "MERGE"'):
        assert needle in out, needle
    assert '"strict_required_status_checks_policy": true' not in out
    assert '"integration_id": 15368' not in out and '"actor_id": 15368' not in out


def test_bootstrap_apply_against_fake(fake_github: FakeGitHub, pr_repo: PrRepo,
                                      tmp_path: Path) -> None:
    env = {**os.environ, "WARTA_GITHUB_TOKEN": "t0ken", "WARTA_GITHUB_THROTTLE": "0"}
    base = [sys.executable, str(SCRIPT), "--root", str(pr_repo.root), "--repo", REPO,
            "--app-id", "424242", "--base-url", fake_github.url]
    proc = subprocess.run(base, env=env, capture_output=True, text=True, timeout=120,
                          cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "pd-dinas-contoh" in fake_github.teams and len(fake_github.rulesets) == 2
    assert fake_github.environments["social"]["branches"] == ["main"]
    assert fake_github.environments["github-app"]["policy"]["custom_branch_policies"] is True
    fake_github.permissions.update({"kepala-contoh": "write", "kepala-badan": "write"})
    proc = subprocess.run([*base, "--check"], env=env, capture_output=True, text=True,
                          timeout=120, cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_roster_sync_github_cli(fake_github: FakeGitHub, pr_repo: PrRepo) -> None:
    env = {**os.environ, "WARTA_GITHUB_TOKEN": "t0ken", "WARTA_GITHUB_THROTTLE": "0"}
    agency = pr_repo.root / "roster/badan-contoh.yml"
    agency.write_text(agency.read_text().replace(", github_id: 2001", ""))
    proc = subprocess.run([*warta(), "roster", "sync-github", "--dry-run", "--base-url",
                           fake_github.url], env=env, capture_output=True, text=True,
                          timeout=120, cwd=pr_repo.root)
    assert proc.returncode == 0, proc.stderr
    assert "buat tim uji-org/pd-dinas-contoh" in proc.stdout
    assert "roster/badan-contoh.yml: catat `github_id: " in proc.stdout
    assert "@kepala-contoh" not in proc.stdout.split("github_id")[0].splitlines()[-1]
