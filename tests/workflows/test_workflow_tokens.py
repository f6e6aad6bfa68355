"""One token secret per agency × network: the social jobs name exactly the secrets the roster needs,
`warta workflow-tokens --check` notices a roster change, and the jobs that hold tokens run one at a time
with a token that can write a rotated refresh token back."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import PROJECT_ROOT
from tests.workflows.test_workflows import FILES, WORKFLOWS, load
from warta.commands.workflow_tokens import workflow_tokens
from warta.roster import load_roster
from warta.roster.tokens import APP_SECRETS, token_secret_names

TOKEN_JOBS = [("publish.yml", "dispatch"), ("scheduled.yml", "due"), ("metrics.yml", "collect"),
              ("balas.yml", "reply"), ("health.yml", "health")]


def _token_env(job: dict) -> dict[str, str]:
    [step] = [s for s in job["steps"] if any(k.startswith("WARTA_TOKEN_") for k in s.get("env", {}))]
    return step["env"]


def test_shipped_workflows_name_every_token_of_the_shipped_roster(capsys: pytest.CaptureFixture[str]) -> None:
    assert workflow_tokens(check=True, root=PROJECT_ROOT) == 0
    names = token_secret_names(load_roster(PROJECT_ROOT).roster)
    assert "WARTA_TOKEN_BPBD_X" in names and "WARTA_TOKEN_MEDIA_CENTER_INSTAGRAM" in names
    assert not any(n.endswith("_WEBSITE") for n in names)
    social = [(p.name, n) for p in FILES for n, j in load(p)["jobs"].items() if j.get("environment") == "social"]
    assert sorted(social) == sorted(TOKEN_JOBS)
    for name, job in TOKEN_JOBS:
        env = _token_env(load(WORKFLOWS / name)["jobs"][job])
        wanted = {n: f"${{{{ secrets.{n} }}}}" for n in (*APP_SECRETS, *names)}
        assert {k: v for k, v in env.items() if k in wanted or k.startswith("WARTA_TOKEN_")} == wanted, name
    for path in FILES:
        assert "WARTA_SOCIAL_TOKENS" not in path.read_text(encoding="utf-8"), path.name


def _copy(tmp_path: Path) -> Path:
    shutil.copytree(PROJECT_ROOT / "roster", tmp_path / "roster")
    shutil.copytree(WORKFLOWS, tmp_path / ".github" / "workflows")
    return tmp_path


def test_check_fails_when_the_roster_gains_a_channel_and_the_rewrite_fixes_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _copy(tmp_path)
    roster = root / "roster" / "bappeda.yml"
    text = roster.read_text(encoding="utf-8")
    assert "\n  website: true\n" in text and "tiktok" not in text
    roster.write_text(text.replace("\n  website: true\n", "\n  website: true\n  tiktok:\n"
                                   "    username: bappedabengkulu\n", 1), encoding="utf-8")
    capsys.readouterr()
    assert workflow_tokens(check=True, root=root) == 1
    assert "warta workflow-tokens" in capsys.readouterr().err
    before = (root / ".github/workflows/publish.yml").read_text(encoding="utf-8")
    assert "WARTA_TOKEN_BAPPEDA_TIKTOK" not in before  # --check changes nothing
    assert workflow_tokens(check=False, root=root) == 0
    assert workflow_tokens(check=True, root=root) == 0
    for name, job in TOKEN_JOBS:
        env = _token_env(load(root / ".github/workflows" / name)["jobs"][job])
        assert env["WARTA_TOKEN_BAPPEDA_TIKTOK"] == "${{ secrets.WARTA_TOKEN_BAPPEDA_TIKTOK }}"


def test_check_fails_when_a_block_was_edited_by_hand(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    path = root / ".github/workflows/health.yml"
    text = path.read_text(encoding="utf-8")
    line = "          WARTA_TOKEN_BPBD_X: ${{ secrets.WARTA_TOKEN_BPBD_X }}\n"
    assert line in text
    path.write_text(text.replace(line, ""), encoding="utf-8")
    assert workflow_tokens(check=True, root=root) == 1


@pytest.mark.parametrize(("name", "job"), TOKEN_JOBS)
def test_token_jobs_share_one_concurrency_group_and_can_write_rotated_tokens(name: str, job: str) -> None:
    spec = load(WORKFLOWS / name)["jobs"][job]
    assert spec["environment"] == "social"
    assert spec["concurrency"] == {"group": "social-tokens", "cancel-in-progress": False}
    assert load(WORKFLOWS / name).get("concurrency", {}).get("group") != "social-tokens"  # no deadlock
    app = next(s for s in spec["steps"] if s.get("id") == "secrets-app")
    assert app["uses"].startswith("actions/create-github-app-token@df432ceedc7162793a195dd1713ff69aefc7379e")
    perms = {k: v for k, v in app["with"].items() if k.startswith("permission-")}
    assert perms == {"permission-secrets": "write", "permission-environments": "write"}
    env = _token_env(spec)
    assert env["WARTA_SECRETS_TOKEN"] == "${{ steps.secrets-app.outputs.token }}"
    assert "GITHUB_REPOSITORY" not in env  # set by Actions itself


def test_daily_health_run_keeps_the_issue_with_least_permissions() -> None:
    data = load(WORKFLOWS / "health.yml")
    assert [c["cron"] for c in data["on"]["schedule"]] == ["0 23 * * *"]
    spec = data["jobs"]["health"]
    assert spec["permissions"] == {"contents": "read", "issues": "write"}
    step = next(s for s in spec["steps"] if "warta dispatch health" in s.get("run", ""))
    assert step["run"].strip() == "warta dispatch health --issue"
    assert step["env"]["WARTA_GITHUB_TOKEN"] == "${{ github.token }}"
    assert step is next(s for s in spec["steps"] if "WARTA_TOKEN_BPBD_X" in s.get("env", {}))
