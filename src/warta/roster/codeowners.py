"""`.github/CODEOWNERS` generated from the roster; never edited by hand."""

from __future__ import annotations

from datetime import date

from warta.findings import Finding, error, warning
from warta.roster.models import Agency, Roster

CODEOWNERS_PATH = ".github/CODEOWNERS"
HEADER = (
    "# Dibuat otomatis oleh `warta codeowners` dari roster/. Jangan disunting manual:\n"
    "# ubah roster/, lalu jalankan `warta codeowners`.\n"
    "# Baris terakhir yang cocok berlaku; baris pelindung (/.github/, /roster/) ada di akhir.\n"
)
# Paths outside content/ that only province admins may change; last, so nothing overrides them.
PROTECTED = ("/roster/", "/.github/", "/.github/CODEOWNERS")


def admin_owners(roster: Roster) -> list[str]:
    province = roster.province
    owners = [f"@{p.github}" for p in province.admins if p.github]
    if not owners and province.github_org and province.admin_team:
        owners = [f"@{province.github_org}/{province.admin_team}"]
    return owners


def agency_owners(agency: Agency, today: date) -> list[str]:
    """Kepala plus delegates whose window has not ended; the gate checks windows exactly."""
    people = [agency.kepala] if agency.kepala else []
    people += [d for d in agency.delegates if d.until is None or d.until >= today]
    return list(dict.fromkeys(f"@{p.github}" for p in people if p.github))


def render_codeowners(roster: Roster, today: date) -> tuple[str, list[Finding]]:
    """The file's text and the findings (an agency falling back to admins, no admins at all)."""
    findings: list[Finding] = []
    admins = admin_owners(roster)
    if not admins:
        findings.append(error("roster/_province.yml", 1, "codeowners-no-admins",
                              "CODEOWNERS tidak dapat dibuat: belum ada admin (isi `admins` atau "
                              "`github: {org, admin_team}` di roster/_province.yml)."))
        admins = []
    admin_text = " ".join(admins)
    lines = [HEADER, "# Semua berkas di luar content/: admin Diskominfotik.", f"* {admin_text}", ""]
    lines.append("# Konten tiap perangkat daerah: Kepala PD atau Plt./Plh.-nya.")
    width = max((len(a.slug) for a in roster), default=0) + len("/content//")
    for agency in roster:
        owners = agency_owners(agency, today)
        if not owners:
            findings.append(warning(f"roster/{agency.slug}.yml", 1, "codeowners-fallback",
                                    f"{agency.name} belum punya Kepala/Plt. dengan login GitHub; "
                                    "CODEOWNERS memakai admin Diskominfotik untuk folder kontennya."))
            owners = admins
        lines.append(f"{f'/content/{agency.slug}/':<{width}} {' '.join(owners)}")
    lines += ["", "# Pelindung: roster, alur kerja dan berkas ini hanya oleh admin."]
    lines += [f"{path} {admin_text}" for path in PROTECTED]
    return "\n".join(lines) + "\n", findings
