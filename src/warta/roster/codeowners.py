"""`.github/CODEOWNERS` generated from the roster; never edited by hand.

One rule, told the same everywhere (Pedoman VIII.2): an agency's content is approved by its
Kepala PD or a delegate active that day, never by a province admin. CODEOWNERS therefore names
exactly the people the gate (`warta.gate.verdict`) accepts today, and admins own only what lies
outside `content/`. An agency with no eligible approver keeps its folder line with no owners
(GitHub's documented way to leave a path unowned): GitHub then asks no code owner, and the
`warta/persetujuan` check still blocks the merge until Diskominfotik records a kepala.
"""

from __future__ import annotations

from datetime import date

from warta.findings import Finding, error, warning
from warta.roster.models import Agency, Delegate, Roster

CODEOWNERS_PATH = ".github/CODEOWNERS"
HEADER = (
    "# Dibuat otomatis oleh `warta codeowners` dari roster/. Jangan disunting manual:\n"
    "# ubah roster/, lalu jalankan `warta codeowners`.\n"
    "# Baris terakhir yang cocok berlaku; baris pelindung (/.github/, /roster/) ada di akhir.\n"
)
# Paths outside content/ that only province admins may change; last, so nothing overrides them.
PROTECTED = ("/roster/", "/.github/", "/.github/CODEOWNERS")
NO_APPROVER = ("# Tanpa pemilik: belum ada Kepala/Plt./Plh. dengan login GitHub, jadi berita folder "
               "berikut belum dapat disetujui\n# (warta/persetujuan menolak). Diskominfotik mengisinya "
               "dengan `warta roster set-kepala`.")
MEDIA_CENTER_LABEL = "# Koordinator Media Center:"


def admin_owners(roster: Roster) -> list[str]:
    province = roster.province
    owners = [f"@{p.github}" for p in province.admins if p.github]
    if not owners and province.github_org and province.admin_team:
        owners = [f"@{province.github_org}/{province.admin_team}"]
    return owners


def _active_on(delegate: Delegate, today: date) -> bool:
    return (delegate.start is None or delegate.start <= today) and \
        (delegate.until is None or today <= delegate.until)


def agency_owners(agency: Agency, today: date) -> list[str]:
    """The kepala and the delegates active today: the gate's approvers on that day.

    A delegate whose window starts later is left out until it starts, so GitHub never asks
    someone the gate would refuse; the daily `warta codeowners --check` then reports the file
    stale and an admin regenerates it."""
    people = [agency.kepala] if agency.kepala else []
    people += [d for d in agency.delegates if _active_on(d, today)]
    return list(dict.fromkeys(f"@{p.github}" for p in people if p.github))


def render_codeowners(roster: Roster, today: date) -> tuple[str, list[Finding]]:
    """The file's text and the findings (an agency with nobody to approve, no admins at all)."""
    findings: list[Finding] = []
    admins = admin_owners(roster)
    if not admins:
        findings.append(error("roster/_province.yml", 1, "codeowners-no-admins",
                              "CODEOWNERS tidak dapat dibuat: belum ada admin (isi `admins` atau "
                              "`github: {org, admin_team}` di roster/_province.yml)."))
    admin_text = " ".join(admins)
    lines = [HEADER, "# Semua berkas di luar content/: admin Diskominfotik.", f"* {admin_text}", ""]
    lines.append("# Konten tiap perangkat daerah: Kepala PD atau Plt./Plh. yang sedang bertugas "
                 "(Pedoman VIII.2), bukan admin.")
    width = max((len(a.slug) for a in roster), default=0) + len("/content//")
    vacant: list[str] = []
    for agency in roster:
        owners = agency_owners(agency, today)
        if owners:
            lines.append(f"{f'/content/{agency.slug}/':<{width}} {' '.join(owners)}")
            continue
        findings.append(warning(f"roster/{agency.slug}.yml", 1, "codeowners-no-approver",
                                f"{agency.name} belum punya Kepala/Plt./Plh. dengan login GitHub, "
                                "jadi beritanya belum dapat disetujui (admin tidak menyetujui "
                                "konten). Diskominfotik mengisinya dengan `warta roster "
                                "set-kepala`."))
        vacant.append(f"/content/{agency.slug}/")
    if vacant:  # a pattern without owners leaves the folder unowned (not the admins')
        lines += ["", NO_APPROVER, *vacant]
    koordinator = roster.province.koordinator
    mc = f"@{koordinator.github}" if koordinator and koordinator.github else "(belum ada)"
    lines += ["", "# Berita bertanda `media_center: true` juga disetujui Koordinator Media Center "
              "(Pedoman VIII.4).", "# CODEOWNERS tidak memilih berkas menurut isinya, jadi "
              "aturan ini dijalankan oleh pemeriksaan warta/persetujuan.", f"{MEDIA_CENTER_LABEL} {mc}"]
    lines += ["", "# Pelindung: roster, alur kerja dan berkas ini hanya oleh admin."]
    lines += [f"{path} {admin_text}" for path in PROTECTED]
    return "\n".join(lines) + "\n", findings
