from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from tests.conftest import stored_nip, write
from warta.roster import load_roster, validate_roster
from warta.timeutil import WIB

TODAY = date(2026, 11, 29)


def findings_for(root: Path) -> list:
    loaded = load_roster(root)
    return loaded.findings + validate_roster(loaded, root, TODAY)


def by_code(findings: list, code: str) -> list:
    return [f for f in findings if f.code == code]


def test_sample_roster_loads_clean(sample_repo: Path) -> None:
    loaded = load_roster(sample_repo)
    assert findings_for(sample_repo) == []
    roster = loaded.roster
    assert roster.slugs() == ["badan-contoh", "dinas-contoh"]
    agency = roster.agency("dinas-contoh")
    assert agency is not None
    assert agency.enabled_channels() == ["website", "instagram", "facebook", "x"]
    assert agency.member("Ani Lestari") is agency.team[0]
    assert agency.member("ani-lestari") is agency.team[0]
    assert agency.member("Orang Lain") is None
    assert roster.province.koordinator is not None and roster.province.koordinator.github == "koor-mc"


def test_delegate_window_is_inclusive_in_wib(sample_repo: Path) -> None:
    agency = load_roster(sample_repo).roster.agency("dinas-contoh")
    assert agency is not None
    inside = datetime(2026, 1, 31, 23, 30, tzinfo=WIB)
    outside = datetime(2026, 2, 1, 0, 30, tzinfo=WIB)
    assert [p.github for p in agency.approvers_at(inside)] == ["kepala-contoh", "plt-contoh"]
    assert [p.github for p in agency.approvers_at(outside)] == ["kepala-contoh"]


def test_every_problem_is_collected_with_its_line(sample_repo: Path) -> None:
    write(sample_repo, "roster/dinas-contoh.yml", """\
        slug: dinas-salah
        name: Dinas Contoh
        kind: Dinass
        kepala: {name: Kepala, github: "@kepala"}
        delegates:
          - {name: Plt, github: plt-x, role: Pj, from: 2026-02-01, until: 2026-01-01}
        team:
          - name: Ani
            @BAD_BIRTH@
            jabatan: Pranata Humas
          - name: null
            jabatan: Tenaga Harian Lepas
          - name: Budi
            @SHARED@
          - name: Cici
            @SHARED@
            jabatan: Staf
            github: bad_login!
        channels:
          website: true
          instagram: {username: tanpaakun}
          myspace: {handle: x}
        """.replace("@BAD_BIRTH@", stored_nip("19899612 201502 1 003")).replace(
        "@SHARED@", stored_nip("19800202 200501 1 005")))
    findings = findings_for(sample_repo)
    found = {(f.code, f.line) for f in findings}
    assert ("roster-slug-mismatch", 1) in found
    assert ("roster-kind", 3) in found
    assert ("github-login", 4) in found
    assert ("delegate-role", 6) in found
    assert ("delegate-dates", 6) in found
    assert ("nip-birth-date", 9) in found
    assert ("member-vacant", 11) in found
    assert ("member-no-jabatan", 13) in found
    assert ("nip-duplicate", 14) in found and ("nip-duplicate", 16) in found
    assert ("github-login", 18) in found
    assert ("channel-config", 21) in found
    assert ("roster-unknown-key", 22) in found
    assert all(f.file == "roster/dinas-contoh.yml" for f in findings)


def test_broken_yaml_is_an_error_with_line(sample_repo: Path) -> None:
    write(sample_repo, "roster/badan-contoh.yml", "slug: badan-contoh\nname: [Badan\nteam: []\n")
    findings = by_code(findings_for(sample_repo), "roster-yaml")
    assert len(findings) == 1 and findings[0].severity == "error" and findings[0].line >= 2


def test_unknown_key_suggests_the_right_one(sample_repo: Path) -> None:
    text = (sample_repo / "roster/badan-contoh.yml").read_text().replace("kepala:", "kepal:")
    write(sample_repo, "roster/badan-contoh.yml", text)
    [finding] = by_code(findings_for(sample_repo), "roster-unknown-key")
    assert "`kepala`" in finding.message and finding.line == 6


def test_missing_kepala_and_koordinator_are_warnings(sample_repo: Path) -> None:
    text = (sample_repo / "roster/badan-contoh.yml").read_text()
    text = text.replace("kepala: {name: Kepala Badan, github: kepala-badan, github_id: 2001}",
                        "kepala: {name: null, github: null}")
    write(sample_repo, "roster/badan-contoh.yml", text)
    province = (sample_repo / "roster/_province.yml").read_text()
    write(sample_repo, "roster/_province.yml",
          province.replace("{name: Koordinator MC, github: koor-mc, github_id: 9100}",
                           "{name: null, github: null}"))
    findings = findings_for(sample_repo)
    assert [(f.file, f.severity) for f in by_code(findings, "kepala-missing")] == [
        ("roster/badan-contoh.yml", "warning")]
    assert len(by_code(findings, "koordinator-missing")) == 1


def test_content_folder_without_roster_is_an_error(sample_repo: Path) -> None:
    write(sample_repo, "content/dinas-kontoh/2026/2026-11-01-x.md", "---\ntitle: x\n---\n")
    [finding] = by_code(findings_for(sample_repo), "content-folder-unknown")
    assert finding.file == "content/dinas-kontoh" and "dinas-contoh" in finding.message


def test_decree_numbering_gaps_and_duplicates(sample_repo: Path) -> None:
    text = (sample_repo / "roster/badan-contoh.yml").read_text().replace('number: "2"', 'number: "4"')
    write(sample_repo, "roster/badan-contoh.yml", text)
    write(sample_repo, "roster/biro-contoh.yml",
          'slug: biro-contoh\nname: Biro Contoh\nkind: Biro\ndecree: {number: "4"}\nteam: []\n')
    findings = findings_for(sample_repo)
    gaps = sorted(f.message for f in by_code(findings, "decree-number-gap"))
    assert len(gaps) == 2 and "Nomor urut SK 2" in gaps[0] and "Nomor urut SK 3" in gaps[1]
    assert len(by_code(findings, "decree-number-duplicate")) == 2


def test_two_people_in_one_row_and_thl_with_nip(sample_repo: Path) -> None:
    write(sample_repo, "roster/badan-contoh.yml", """\
        slug: badan-contoh
        name: Badan Contoh
        kepala: {name: K, github: k-b}
        team:
          - name: "Ihsan Fadhillah, S.I.Kom Pauzan, S.H"
            jabatan: Tenaga Harian Lepas
          - name: "Hajrullah, S,Sos"
            @THL@
            jabatan: Tenaga Harian Lepas
          - name: Roger
            jabatan: Pengawas
            decree_agency: Sanitarian
        """.replace("@THL@", stored_nip("19790909 200502 1 003")))
    found = {(f.code, f.line) for f in findings_for(sample_repo)}
    assert ("member-two-names", 5) in found
    assert ("member-two-names", 7) not in found
    assert ("member-nip-thl", 9) in found
    assert ("member-agency-column", 12) in found


def test_delegate_with_unparseable_dates_is_never_active_and_reported(sample_repo: Path) -> None:
    text = (sample_repo / "roster/dinas-contoh.yml").read_text()
    write(sample_repo, "roster/dinas-contoh.yml", text.replace("until: 2026-01-31", "until: besok"))
    agency = load_roster(sample_repo).roster.agency("dinas-contoh")
    assert agency is not None
    for when in (datetime(2026, 1, 15, 9, tzinfo=WIB), datetime(2030, 1, 1, tzinfo=WIB)):
        assert [p.github for p in agency.approvers_at(when)] == ["kepala-contoh"]
    [finding] = [f for f in findings_for(sample_repo) if f.severity == "error"]
    assert finding.line == 9 and "until" in finding.message and "tanggal" in finding.message
