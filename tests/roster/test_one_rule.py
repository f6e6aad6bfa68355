"""One rule, told the same everywhere (Pedoman VIII.2): without a kepala nobody approves the
agency's posts, admins included, and every message says so and who fixes it."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from tests.conftest import write
from warta.gate.models import ChangedFile, PullRequest, Review
from warta.gate.verdict import approval_verdict
from warta.roster import load_roster, validate_roster
from warta.timeutil import WIB

NOW = datetime(2026, 12, 2, 10, 0, tzinfo=WIB)


def vacant_badan(sample_repo: Path) -> Path:
    text = (sample_repo / "roster/badan-contoh.yml").read_text(encoding="utf-8")
    write(sample_repo, "roster/badan-contoh.yml",
          text.replace("kepala: {name: Kepala Badan, github: kepala-badan, github_id: 2001}", "kepala: null"))
    return sample_repo


def test_roster_check_says_posts_cannot_be_approved_and_who_fixes_it(sample_repo: Path) -> None:
    root = vacant_badan(sample_repo)
    loaded = load_roster(root)
    [finding] = [f for f in validate_roster(loaded, root, NOW.date()) if f.code == "kepala-missing"]
    assert finding.file == "roster/badan-contoh.yml"
    assert "belum dapat disetujui" in finding.message and "bukan admin" in finding.message
    assert "Diskominfotik" in finding.message and "warta roster set-kepala" in finding.message
    assert "jatuh ke admin" not in finding.message


def test_gate_refuses_an_admins_approval_of_content_and_says_why(sample_repo: Path) -> None:
    roster = load_roster(vacant_badan(sample_repo)).roster
    head = "b" * 40
    pr = PullRequest(author="citra-d", head_sha=head,
                     changed_files=(ChangedFile("content/badan-contoh/2026/2026-12-01-x.md"),),
                     reviews=(Review("admin-satu", "APPROVED", head, NOW, 9001),))
    verdict = approval_verdict(pr, roster, NOW)
    [requirement] = verdict.requirements
    assert not verdict.approved and requirement.eligible == () and requirement.satisfied_by is None
    assert "admin Diskominfotik tidak dapat menyetujui menggantikan Kepala PD" in requirement.reason
    assert "warta roster set-kepala" in requirement.reason and "Perubahan roster" in requirement.reason
