"""The GitHub protection plan, as data: per-agency teams, the `main` ruleset, environments."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from warta.gate.comment import CHECK_NAME
from warta.roster.models import Agency, Roster

RULESET_NAME = "warta-main"
CHECK_QUALITY = "warta/check"
# The GitHub Actions app. Any workflow on any branch posts checks as this app, so it is never
# the required source of a check nor a bypass actor: both checks and the data branches belong
# to the Warta GitHub App, whose key lives in environments only `main` may use.
ACTIONS_APP_ID = 15368
# The merge queue (GitHub REST rule `merge_queue`, schema `repository-rule-merge-queue`). An
# approval then survives merges of other agencies' PRs; the queue re-runs both checks on the
# group (the PR on top of the current main), so the roster is still re-checked at merge time.
# MERGE keeps the approved head commit in main's history (audit: approved SHA = merged SHA).
MERGE_QUEUE = {
    "check_response_timeout_minutes": 60,
    "grouping_strategy": "ALLGREEN",
    "max_entries_to_build": 5,
    "max_entries_to_merge": 5,
    "merge_method": "MERGE",
    "min_entries_to_merge": 1,
    "min_entries_to_merge_wait_minutes": 5,
}
ENVIRONMENTS = ("github-app", "social", "github-pages")


@dataclass(frozen=True)
class TeamPlan:
    slug: str
    name: str
    description: str
    approvers: tuple[str, ...]  # kepala and delegates not yet expired
    members: tuple[str, ...]  # everyone, approvers included
    permission: str = "push"


def team_slug(agency: Agency) -> str:
    return f"pd-{agency.slug}"


def team_plan(agency: Agency, today: date) -> TeamPlan:
    """The agency's team: its kepala, delegates whose window has not ended, staff with logins."""
    approvers = [agency.kepala.github] if agency.kepala and agency.kepala.github else []
    approvers += [d.github for d in agency.delegates
                  if d.github and (d.until is None or d.until >= today)]
    staff = [m.github for m in agency.team if m.github]
    members = tuple(dict.fromkeys(x.lower() for x in approvers + staff))
    return TeamPlan(team_slug(agency), f"PD {agency.label}",
                    f"Tim Publikasi {agency.name} (dikelola oleh warta roster sync-github)",
                    tuple(dict.fromkeys(x.lower() for x in approvers)), members)


def teams_plan(roster: Roster, today: date) -> list[TeamPlan]:
    return [team_plan(agency, today) for agency in roster]


def ruleset(app_id: int | None) -> dict[str, Any]:
    """The one ruleset on the default branch, with no bypass actors (REST request body)."""
    return {
        "name": RULESET_NAME,
        "target": "branch",
        "enforcement": "active",
        "bypass_actors": [],
        "conditions": {"ref_name": {"include": ["~DEFAULT_BRANCH"], "exclude": []}},
        "rules": [
            {"type": "deletion"},
            {"type": "non_fast_forward"},
            {"type": "pull_request", "parameters": {
                "required_approving_review_count": 1,
                "dismiss_stale_reviews_on_push": True,
                "require_code_owner_review": True,
                "require_last_push_approval": True,
                "required_review_thread_resolution": False,
            }},
            {"type": "required_status_checks", "parameters": {
                # Not "up to date with main": the merge queue re-checks each PR against the
                # current main instead, without a new push (which would dismiss approvals).
                "strict_required_status_checks_policy": False,
                "required_status_checks": [_check(CHECK_QUALITY, app_id),
                                           _check(CHECK_NAME, app_id)],
            }},
            {"type": "merge_queue", "parameters": dict(MERGE_QUEUE)},
        ],
    }


def _check(context: str, app_id: int | None) -> dict[str, Any]:
    """A required check, from the Warta GitHub App once its id is known."""
    return {"context": context} if app_id is None else {"context": context,
                                                         "integration_id": app_id}


DATA_RULESET_NAME = "warta-data"
DATA_BRANCHES = ("warta-ledger", "warta-metrics")


def data_ruleset(app_id: int | None) -> dict[str, Any]:
    """The dispatch ledger and metrics branches: only the Warta GitHub App may update them, and
    its token is made only by the publish, scheduled and metrics workflows on `main` (in the
    `social` environment); nobody may rewrite or delete them. Not the GitHub Actions app: every
    workflow of every branch pushes as that app. A forged ledger entry would mark a post as sent
    (lost) or a deleted one would send it again (twice). Without an App id nobody may write."""
    bypass = [] if app_id is None else [
        {"actor_id": app_id, "actor_type": "Integration", "bypass_mode": "always"}]
    return {
        "name": DATA_RULESET_NAME,
        "target": "branch",
        "enforcement": "active",
        "bypass_actors": bypass,
        "conditions": {"ref_name": {"include": [f"refs/heads/{b}" for b in DATA_BRANCHES], "exclude": []}},
        "rules": [{"type": "deletion"}, {"type": "non_fast_forward"}, {"type": "update"}],
    }


def rulesets(app_id: int | None) -> list[dict[str, Any]]:
    return [ruleset(app_id), data_ruleset(app_id)]


def ruleset_differences(actual: dict[str, Any], app_id: int | None,
                        wanted: dict[str, Any] | None = None) -> list[str]:
    """What differs between a ruleset read from GitHub and the planned one (empty: equal)."""
    wanted = wanted or ruleset(app_id)
    problems: list[str] = []
    for key in ("target", "enforcement", "bypass_actors", "conditions"):
        if actual.get(key) != wanted[key]:
            problems.append(f"`{key}` berbeda: {json.dumps(actual.get(key))}")
    have = {r.get("type"): r.get("parameters") for r in actual.get("rules", [])}
    for rule in wanted["rules"]:
        if rule["type"] not in have:
            problems.append(f"aturan `{rule['type']}` hilang")
            continue
        params = have[rule["type"]] or {}
        for key, value in rule.get("parameters", {}).items():
            if key == "required_status_checks":
                got = {(c.get("context"), c.get("integration_id")) for c in params.get(key, [])}
                need = {(c["context"], c.get("integration_id")) for c in value}
                if not need <= got:
                    problems.append(f"check wajib berbeda: {sorted(map(str, got))}")
            elif params.get(key) != value:
                problems.append(f"`{rule['type']}.{key}` = {params.get(key)!r}, seharusnya "
                                f"{value!r}")
    return problems


def plan_text(roster: Roster, repo: str, app_id: int | None, today: date) -> str:
    """The complete protection plan, human-readable (the bootstrap script's dry run)."""
    province = roster.province
    org = province.github_org or repo.split("/")[0]
    app_text = app_id if app_id is not None else "BELUM DIISI: --app-id"
    lines = [f"Rencana perlindungan GitHub untuk {repo} (organisasi {org}), {today.isoformat()}",
             "", "1. Tim per perangkat daerah (izin repositori: push/write)"]
    for team in teams_plan(roster, today):
        approvers = ", ".join(f"@{x}" for x in team.approvers) or "(belum ada kepala/Plt. "\
            "dengan login GitHub: CODEOWNERS memakai admin)"
        staff = [x for x in team.members if x not in team.approvers]
        lines.append(f"   - {org}/{team.slug} \"{team.name}\": penyetuju {approvers}; "
                     f"anggota lain {', '.join('@' + x for x in staff) or '-'}")
    admins = ", ".join(f"@{a.github}" for a in province.admins if a.github) or "-"
    admin_team = f"{org}/{province.admin_team}" if province.admin_team else "(tidak diatur)"
    lines += ["", f"2. Tim admin provinsi: {admin_team} (izin maintain); admin di roster: {admins}",
              "", f"3. Ruleset `{RULESET_NAME}` pada cabang bawaan (main), tanpa bypass:",
              "   - pull request wajib; 1 persetujuan; review code owner wajib",
              "   - persetujuan lama dibatalkan saat ada push baru; push terakhir harus disetujui "
              "orang lain",
              f"   - check wajib: {CHECK_QUALITY} dan {CHECK_NAME}, keduanya dari GitHub App "
              f"Warta (app {app_text}), bukan dari GitHub Actions",
              "   - antrean merge (merge queue): persetujuan tetap berlaku saat PR lain digabung; "
              "kedua check diulang pada antrean dengan roster main terbaru",
              "   - force push dan penghapusan cabang dilarang",
              "   Isi permintaan (POST /repos/{owner}/{repo}/rulesets):"]
    body = json.dumps(ruleset(app_id), indent=2, ensure_ascii=False)
    lines += ["   " + line for line in body.splitlines()]
    lines += ["", f"4. Ruleset `{DATA_RULESET_NAME}` pada cabang {', '.join(DATA_BRANCHES)}: hanya "
              f"GitHub App Warta (app {app_text}; tokennya hanya dibuat oleh workflow publish, "
              "scheduled dan metrics di main, environment social) boleh memperbarui; tidak boleh "
              "dihapus atau ditimpa paksa:"]
    lines += ["   " + line for line in json.dumps(data_ruleset(app_id), indent=2).splitlines()]
    lines += ["", "5. Environment deployment, hanya untuk cabang main:"]
    lines += [f"   - {name}" for name in ENVIRONMENTS]
    lines += ["   github-app dan social: secret WARTA_APP_PRIVATE_KEY (variabel WARTA_APP_ID);"
              " social: satu secret WARTA_TOKEN_<INSTANSI>_<JARINGAN> per perangkat daerah × jaringan"
              " (daftarnya di workflow dibuat oleh `warta workflow-tokens`) dan kredensial aplikasi"
              " WARTA_TIKTOK_CLIENT_KEY/_SECRET, WARTA_X_CLIENT_ID/_SECRET, WARTA_YOUTUBE_CLIENT_ID/_SECRET;"
              " GitHub App Warta boleh menulis secret environment social (token refresh yang berganti)",
              "", "6. CODEOWNERS dibuat oleh `warta codeowners`; galatnya diperiksa harian "
              "(workflow roster)."]
    return "\n".join(lines) + "\n"
