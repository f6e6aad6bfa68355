"""The workflows: zizmor finds nothing, the schema validates, and the house rules hold."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import PROJECT_ROOT

WORKFLOWS = PROJECT_ROOT / ".github" / "workflows"
FILES = sorted(WORKFLOWS.glob("*.yml"))
PINNED = re.compile(r"^[\w.-]+/[\w.-]+(/[\w./-]+)?@[0-9a-f]{40}$")


def tool(name: str) -> str:
    """A console script of the test environment; missing tools fail, they never skip."""
    local = Path(sys.executable).parent / name
    found = str(local) if local.exists() else shutil.which(name)
    assert found, f"`{name}` is not installed: pip install -e '.[test]'"
    return found


def load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if True in data:  # YAML 1.1 reads the key `on` as a boolean
        data["on"] = data.pop(True)
    return data


def steps(data: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [(job, step) for job, spec in data["jobs"].items() for step in spec.get("steps", [])]


def test_expected_workflows_exist() -> None:
    names = {p.name for p in FILES}
    assert {"gate.yml", "pr.yml", "publish.yml", "scheduled.yml", "roster.yml", "queue.yml",
            "preview.yml"} <= names


def test_zizmor_offline_reports_nothing_at_medium_or_above() -> None:
    proc = subprocess.run([tool("zizmor"), "--offline", "--min-severity", "medium",
                           "--no-progress", str(WORKFLOWS)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_zizmor_auditor_persona_is_clean_too() -> None:
    proc = subprocess.run([tool("zizmor"), "--offline", "--persona", "auditor", "--no-progress",
                           str(WORKFLOWS)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_workflows_validate_against_github_schema_offline() -> None:
    proc = subprocess.run([tool("check-jsonschema"), "--builtin-schema",
                           "vendor.github-workflows", *map(str, FILES)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_permissions_empty_at_top_and_granted_per_job(path: Path) -> None:
    data = load(path)
    assert data["permissions"] == {}
    for name, job in data["jobs"].items():
        assert "permissions" in job, f"{path.name}: job {name} declares no permissions"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_actions_pinned_by_sha_with_version_comment(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for match in re.finditer(r"^\s*-?\s*uses:\s*(\S+)(.*)$", text, re.M):
        ref, rest = match.group(1), match.group(2)
        if ref.startswith("./"):
            continue
        assert PINNED.match(ref), f"{path.name}: {ref} is not pinned by a full SHA"
        assert re.search(r"#\s*v\d", rest), f"{path.name}: {ref} has no version comment"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_no_expressions_inside_run(path: Path) -> None:
    for job, step in steps(load(path)):
        assert "${{" not in step.get("run", ""), f"{path.name}:{job}: use env:, not ${{{{ }}}}"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_checkout_never_persists_credentials(path: Path) -> None:
    for job, step in steps(load(path)):
        if str(step.get("uses", "")).startswith("actions/checkout@"):
            assert step.get("with", {}).get("persist-credentials") is False, f"{path.name}:{job}"


def test_gate_runs_default_branch_code_only() -> None:
    data = load(WORKFLOWS / "gate.yml")
    assert set(data["on"]) == {"pull_request_target", "workflow_run"}
    assert set(data["on"]["pull_request_target"]["types"]) == {
        "opened", "synchronize", "reopened", "edited", "ready_for_review"}
    review, queue = load(WORKFLOWS / "review.yml"), load(WORKFLOWS / "queue.yml")
    # Reviews and merge groups arrive through permission-less relays; the gate itself always
    # runs as the default branch's workflow (workflow_run), never the queued PR's.
    assert data["on"]["workflow_run"]["workflows"] == [review["name"], queue["name"]]
    assert set(review["on"]["pull_request_review"]["types"]) == {"submitted", "dismissed"}
    assert review["jobs"]["relay"]["permissions"] == {}
    assert queue["on"] == {"merge_group": {"types": ["checks_requested"]}}
    assert queue["jobs"]["relay"]["permissions"] == {} and "secrets." not in yaml.safe_dump(queue)
    for _job, step in steps(data):
        if str(step.get("uses", "")).startswith("actions/checkout@"):
            assert "ref" not in step.get("with", {}), "gate must check out the default branch"
        assert "head" not in str(step.get("with", {}).get("ref", ""))
    text = (WORKFLOWS / "gate.yml").read_text(encoding="utf-8")
    assert "actions/create-github-app-token@" in text and "warta gate post" in text
    assert "--merge-group-ref" in text and '[ "$RUN_EVENT" = "merge_group" ]' in text
    # The head is only ever a SHA handed to `warta gate quality` (git objects, nothing checked out).
    assert "pull_request.head.ref" not in text


def test_both_required_checks_come_from_the_app_in_gate() -> None:
    """`warta/check` and `warta/persetujuan` are posted with the App token only (gate.yml); no
    workflow has a job named like a required check (that would be the Actions app's check)."""
    jobs = load(WORKFLOWS / "gate.yml")["jobs"]
    job = jobs["persetujuan"]
    assert job["environment"] == "github-app" and job["needs"] == "quality"
    # PR files (images too) are parsed in a job without environment or secrets.
    quality = jobs["quality"]
    assert "environment" not in quality and "secrets." not in yaml.safe_dump(quality)
    assert any("warta gate quality" in s.get("run", "") for s in quality["steps"])
    assert quality["permissions"] == {"contents": "read"}
    report = next(s for s in job["steps"] if "warta gate post" in s.get("run", ""))
    assert report["env"]["WARTA_GITHUB_TOKEN"] == "${{ steps.app.outputs.token }}"
    assert report["env"]["QUALITY_RESULT"] == "${{ needs.quality.outputs.result }}"
    assert '--quality "$RUNNER_TEMP/quality.json"' in report["run"]
    for path in FILES:
        for name, spec in load(path)["jobs"].items():
            assert spec.get("name", name) not in ("warta/check", "warta/persetujuan"), path.name


@pytest.mark.parametrize(("name", "job"), [("publish.yml", "dispatch"), ("scheduled.yml", "due"),
                                           ("metrics.yml", "collect")])
def test_data_branches_written_with_the_app_token_from_main_only(name: str, job: str) -> None:
    """Only these jobs write `warta-ledger`/`warta-metrics`: with the App's token (the data
    ruleset's only bypass), made in the `social` environment that only `main` may use."""
    spec = load(WORKFLOWS / name)["jobs"][job]
    assert spec["environment"] == "social"
    assert spec["permissions"].get("contents") == "read"  # GITHUB_TOKEN cannot push
    token = next(s for s in spec["steps"] if str(s.get("uses", "")).startswith(
        "actions/create-github-app-token@"))
    assert token["with"]["permission-contents"] == "write"
    push = next(s for s in spec["steps"] if "GIT_PUSH_TOKEN" in s.get("env", {}))
    assert push["env"]["GIT_PUSH_TOKEN"] == "${{ steps.app.outputs.token }}"
    for path in FILES:
        for other_name, other in load(path)["jobs"].items():
            if (path.name, other_name) not in {("publish.yml", "dispatch"),
                                               ("scheduled.yml", "due"),
                                               ("metrics.yml", "collect"),
                                               ("gate.yml", "persetujuan")}:
                assert other.get("permissions", {}).get("contents") != "write", path.name


def test_preview_built_without_secrets_and_published_without_running_pr_files() -> None:
    pr = load(WORKFLOWS / "pr.yml")
    build = next(s for _job, s in steps(pr) if "warta preview build" in s.get("run", ""))
    assert '--base "$BASE_SHA" --head "$HEAD_SHA"' in build["run"]
    assert build["env"]["BASE_SHA"] == "${{ github.event.pull_request.base.sha }}"
    install = next(s for _job, s in steps(pr) if "pip install" in s.get("run", ""))
    assert "./trusted" in install["run"]  # the builder is the base commit's code
    preview = load(WORKFLOWS / "preview.yml")
    assert preview["on"]["workflow_run"]["workflows"] == [pr["name"]]
    assert preview["on"]["pull_request_target"]["types"] == ["closed"]
    text = (WORKFLOWS / "preview.yml").read_text(encoding="utf-8")
    for _job, step in steps(preview):
        if str(step.get("uses", "")).startswith("actions/checkout@"):
            assert "ref" not in step.get("with", {})  # the default branch, never the PR
    assert "pull_request.head" not in text and "-pratinjau" in text
    publish = preview["jobs"]["publish"]
    assert publish["environment"] == "github-app"
    run = "\n".join(s.get("run", "") for s in publish["steps"])
    # Files only: no links and no git metadata from the artifact; the number from the API.
    assert "-type l -delete" in run and "'.git*'" in run and "commits/$HEAD_SHA/pulls" in run
    assert "warta preview status" in run and "warta preview build" not in run
    assert "python " not in re.sub(r"python -m pip install [^\n]*", "", run)


def test_pr_workflow_is_read_only_without_secrets() -> None:
    text = (WORKFLOWS / "pr.yml").read_text(encoding="utf-8")
    data = load(WORKFLOWS / "pr.yml")
    assert list(data["on"]) == ["pull_request"]
    assert "secrets." not in text and "github.token" not in text
    for job in data["jobs"].values():
        assert set(job["permissions"].values()) <= {"read"}
    assert "warta check" in text and "warta preview build" in text


def test_publish_dispatch_in_social_environment_with_env_shas() -> None:
    data = load(WORKFLOWS / "publish.yml")
    assert data["on"] == {"push": {"branches": ["main"]}}
    dispatch = data["jobs"]["dispatch"]
    assert dispatch["environment"] == "social"
    step = next(s for s in dispatch["steps"] if "warta dispatch run" in s.get("run", ""))
    assert 'warta dispatch run --before "$BEFORE_SHA" --after "$AFTER_SHA"' in step["run"]
    assert step["env"]["BEFORE_SHA"] == "${{ github.event.before }}"
    assert step["env"]["AFTER_SHA"] == "${{ github.sha }}"
    for name, job in data["jobs"].items():
        text = yaml.safe_dump(job)
        if name == "deploy-server":  # only the web server's deploy key, in its own environment
            assert job["environment"] == "web-server"
            assert re.findall(r"secrets\.\w+", text) == ["secrets.WARTA_DEPLOY_SSH_KEY"]
        elif name != "dispatch":
            assert "secrets." not in text, f"social secrets leak into {name}"
    assert "actions/deploy-pages@" in (WORKFLOWS / "publish.yml").read_text()


def test_publish_restores_the_build_cache_and_has_a_matrix_path() -> None:
    """Issue #13: the cache comes back from the previous run (a code/template/config change
    starts cold), and WARTA_BUILD_MATRIX switches to shards per runner + one assembly."""
    jobs = load(WORKFLOWS / "publish.yml")["jobs"]
    for name in ("build", "shards"):
        cache = next(s for s in jobs[name]["steps"] if str(s.get("uses", "")).startswith("actions/cache@"))
        assert cache["with"]["path"] == ".warta/cache"
        for part in ("src/**", "site_templates/**", "mkdocs.yml", "roster/_province.yml"):
            assert part in cache["with"]["key"] and part in cache["with"]["restore-keys"]
        assert cache["with"]["key"].endswith("${{ github.sha }}")
    assert jobs["build"]["if"] == "vars.WARTA_BUILD_MATRIX != 'true'"
    assert jobs["plan"]["if"] == "vars.WARTA_BUILD_MATRIX == 'true'"
    assert "--agency" in "\n".join(s.get("run", "") for s in jobs["shards"]["steps"])
    assert jobs["assemble"]["needs"] == "shards"
    assert set(jobs["deploy"]["needs"]) == set(jobs["deploy-server"]["needs"]) == {"build", "assemble"}
    run = "\n".join(s.get("run", "") for s in jobs["deploy-server"]["steps"])
    assert 'warta deploy --to "$WARTA_DEPLOY_TARGET"' in run


def test_scheduled_every_15_minutes_runs_due_and_rebuild() -> None:
    data = load(WORKFLOWS / "scheduled.yml")
    assert data["on"]["schedule"] == [{"cron": "*/15 * * * *"}]
    text = (WORKFLOWS / "scheduled.yml").read_text()
    assert "warta dispatch due" in text and "warta build" in text
    assert data["jobs"]["due"]["environment"] == "social"


def test_roster_workflow_checks_codeowners_and_syncs_teams() -> None:
    data = load(WORKFLOWS / "roster.yml")
    assert "roster/**" in data["on"]["push"]["paths"] and "schedule" in data["on"]
    text = (WORKFLOWS / "roster.yml").read_text()
    for needle in ("warta codeowners --check", "codeowners/errors", "warta roster sync-github"):
        assert needle in text
