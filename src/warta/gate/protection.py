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
# The GitHub Actions app: the only source allowed for `warta/check`.
ACTIONS_APP_ID = 15368
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
    persetujuan: dict[str, Any] = {"context": CHECK_NAME}
    if app_id is not None:
        persetujuan["integration_id"] = app_id
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
                # Up to date with main: the gate's base roster is then the current roster.
                "strict_required_status_checks_policy": True,
                "required_status_checks": [
                    {"context": CHECK_QUALITY, "integration_id": ACTIONS_APP_ID},
                    persetujuan,
                ],
            }},
        ],
    }


DATA_RULESET_NAME = "warta-data"
DATA_BRANCHES = ("warta-ledger", "warta-metrics")


def data_ruleset() -> dict[str, Any]:
    """The dispatch ledger and metrics branches: only GitHub Actions (the publish, scheduled and
    metrics workflows) may update them, nobody may rewrite or delete them. A forged ledger entry
    would mark a post as sent (lost) or a deleted one would send it again (twice)."""
    return {
        "name": DATA_RULESET_NAME,
        "target": "branch",
        "enforcement": "active",
        "bypass_actors": [{"actor_id": ACTIONS_APP_ID, "actor_type": "Integration", "bypass_mode": "always"}],
        "conditions": {"ref_name": {"include": [f"refs/heads/{b}" for b in DATA_BRANCHES], "exclude": []}},
        "rules": [{"type": "deletion"}, {"type": "non_fast_forward"}, {"type": "update"}],
    }


def rulesets(app_id: int | None) -> list[dict[str, Any]]:
    return [ruleset(app_id), data_ruleset()]


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
              f"   - check wajib: {CHECK_QUALITY} (GitHub Actions, app {ACTIONS_APP_ID}) dan "
              f"{CHECK_NAME} (GitHub App Warta, app "
              f"{app_id if app_id is not None else 'BELUM DIISI: --app-id'}); cabang harus "
              "mutakhir dengan main",
              "   - force push dan penghapusan cabang dilarang",
              "   Isi permintaan (POST /repos/{owner}/{repo}/rulesets):"]
    body = json.dumps(ruleset(app_id), indent=2, ensure_ascii=False)
    lines += ["   " + line for line in body.splitlines()]
    lines += ["", f"4. Ruleset `{DATA_RULESET_NAME}` pada cabang {', '.join(DATA_BRANCHES)}: hanya "
              f"GitHub Actions (app {ACTIONS_APP_ID}) boleh memperbarui; tidak boleh dihapus atau "
              "ditimpa paksa:"]
    lines += ["   " + line for line in json.dumps(data_ruleset(), indent=2).splitlines()]
    lines += ["", "5. Environment deployment, hanya untuk cabang main:"]
    lines += [f"   - {name}" for name in ENVIRONMENTS]
    lines += ["   github-app: secret WARTA_APP_PRIVATE_KEY (variabel WARTA_APP_ID);"
              " social: secret WARTA_SOCIAL_TOKENS",
              "", "6. CODEOWNERS dibuat oleh `warta codeowners`; galatnya diperiksa harian "
              "(workflow roster)."]
    return "\n".join(lines) + "\n"
