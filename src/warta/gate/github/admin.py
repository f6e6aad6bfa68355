"""Organisation and repository setup through the API: team sync, rulesets, environments."""

from __future__ import annotations

from datetime import date
from typing import Any

from github import Github, UnknownObjectException

from warta.errors import UsageError
from warta.gate.github.pulls import API_ERRORS, GitHubError, _describe, connect, token_from_env
from warta.gate.protection import ENVIRONMENTS, ruleset_differences, rulesets, teams_plan
from warta.project import find_root
from warta.roster.load import load_roster
from warta.roster.models import Roster
from warta.timeutil import now_wib


def _people_without_ids(roster: Roster) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    people = [("roster/_province.yml", p) for p in roster.province.admins]
    if roster.province.koordinator:
        people.append(("roster/_province.yml", roster.province.koordinator))
    for agency in roster:
        file = f"roster/{agency.slug}.yml"
        people += [(file, p) for p in (agency.kepala, *agency.delegates) if p]
    for file, person in people:
        if person.github and person.github_id is None:
            found.append((file, person.github))
    return list(dict.fromkeys(found))


def sync_org_teams(gh: Github, org_name: str, roster: Roster, today: date, *,
                   dry_run: bool, repo_name: str | None = None) -> list[str]:
    """Make each agency team's membership equal to the plan; report ids not yet recorded."""
    org = gh.get_organization(org_name)
    changes: list[str] = []
    for plan in teams_plan(roster, today):
        try:
            team = org.get_team_by_slug(plan.slug)
            team.id  # noqa: B018 - the lazy team object is fetched here, 404 when missing
        except UnknownObjectException:
            changes.append(f"buat tim {org_name}/{plan.slug}")
            if dry_run:
                changes += [f"{plan.slug}: tambah @{login}" for login in plan.members]
                continue
            team = org.create_team(plan.slug, description=plan.description, privacy="closed")
        current = {m.login.lower(): m for m in team.get_members()}
        for login in plan.members:
            if login not in current:
                changes.append(f"{plan.slug}: tambah @{login}")
                if not dry_run:
                    team.add_membership(gh.get_user(login), role="member")
        for login, member in current.items():
            if login not in plan.members:
                changes.append(f"{plan.slug}: keluarkan @{login}")
                if not dry_run:
                    team.remove_membership(member)
        if repo_name and not dry_run:
            team.update_team_repository(repo_name, plan.permission)
    for file, login in _people_without_ids(roster):
        changes.append(f"{file}: catat `github_id: {gh.get_user(login).id}` untuk @{login}")
    return changes


def sync_teams(org: str | None, base_url: str, *, dry_run: bool) -> int:
    """CLI edge of `warta roster sync-github`, reading the roster of the working tree."""
    roster = load_roster(find_root()).roster
    org = org or roster.province.github_org
    if not org:
        raise UsageError("Organisasi GitHub belum diketahui: isi `--org` atau `github.org` di "
                         "roster/_province.yml.")
    try:
        changes = sync_org_teams(connect(token_from_env(), base_url), org, roster,
                                 now_wib().date(), dry_run=dry_run)
    except API_ERRORS as exc:
        raise GitHubError(f"Sinkronisasi tim gagal: {_describe(exc)}.") from None
    for line in changes or ["Tim GitHub sudah sama dengan roster."]:
        print(line)
    return 0


def _rulesets(gh: Github, repo_name: str) -> list[dict[str, Any]]:
    _headers, data = gh.requester.requestJsonAndCheck("GET", f"/repos/{repo_name}/rulesets")
    return data if isinstance(data, list) else []


def apply_ruleset(gh: Github, repo_name: str, app_id: int | None) -> str:
    """Create or replace Warta's rulesets (`main`, then the data branches); says what was done."""
    done = []
    present = {r.get("name"): r for r in _rulesets(gh, repo_name)}
    for body in rulesets(app_id):
        existing = present.get(body["name"])
        if existing is None:
            gh.requester.requestJsonAndCheck("POST", f"/repos/{repo_name}/rulesets", input=body)
            done.append(f"ruleset {body['name']} dibuat")
        else:
            gh.requester.requestJsonAndCheck("PUT", f"/repos/{repo_name}/rulesets/{existing['id']}",
                                             input=body)
            done.append(f"ruleset {body['name']} diperbarui")
    return "; ".join(done)


def apply_environments(gh: Github, repo_name: str) -> list[str]:
    """Deployment environments usable from the default branch only (secrets stay on main)."""
    done: list[str] = []
    for name in ENVIRONMENTS:
        gh.requester.requestJsonAndCheck(
            "PUT", f"/repos/{repo_name}/environments/{name}",
            input={"deployment_branch_policy": {"protected_branches": False,
                                                "custom_branch_policies": True}})
        _headers, data = gh.requester.requestJsonAndCheck(
            "GET", f"/repos/{repo_name}/environments/{name}/deployment-branch-policies")
        policies = (data or {}).get("branch_policies", [])
        if not any(p.get("name") == "main" for p in policies):
            gh.requester.requestJsonAndCheck(
                "POST", f"/repos/{repo_name}/environments/{name}/deployment-branch-policies",
                input={"name": "main", "type": "branch"})
        done.append(f"environment {name}: hanya cabang main")
    return done


def check_protection(gh: Github, repo_name: str, roster: Roster, app_id: int | None,
                     today: date) -> list[str]:
    """Problems with the live protection: ruleset drift, approvers without write access."""
    problems: list[str] = []
    present = {r.get("name"): r for r in _rulesets(gh, repo_name)}
    for wanted in rulesets(app_id):
        found = present.get(wanted["name"])
        if found is None:
            problems.append(f"ruleset {wanted['name']} tidak ada")
            continue
        _headers, full = gh.requester.requestJsonAndCheck(
            "GET", f"/repos/{repo_name}/rulesets/{found['id']}")
        problems += [f"ruleset {wanted['name']}: {p}"
                     for p in ruleset_differences(full or {}, app_id, wanted)]
    repo = gh.get_repo(repo_name)
    for plan in teams_plan(roster, today):
        for login in plan.approvers:
            permission = repo.get_collaborator_permission(login)
            if permission not in ("admin", "write", "maintain"):
                problems.append(f"@{login} ({plan.slug}) tidak punya akses tulis "
                                f"(izin: {permission})")
    return problems
