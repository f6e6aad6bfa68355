"""CODEOWNERS generated from the roster, compared with a golden file (tests/golden.py)."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

from tests.conftest import PROJECT_ROOT, write
from tests.golden import assert_golden
from warta.roster import load_roster
from warta.roster.codeowners import render_codeowners

GOLDEN = Path(__file__).parent / "golden" / "CODEOWNERS"


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "warta.cli", "codeowners", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=60)


def test_golden_codeowners(sample_repo: Path) -> None:
    text, findings = render_codeowners(load_roster(sample_repo).roster, date(2026, 1, 15))
    assert_golden(text, GOLDEN)
    assert findings == []


def test_protective_lines_come_last_and_expired_delegates_drop(sample_repo: Path) -> None:
    text, _ = render_codeowners(load_roster(sample_repo).roster, date(2026, 2, 1))
    rules = [line for line in text.splitlines() if line and not line.startswith("#")]
    assert rules[-3:] == ["/roster/ @admin-satu", "/.github/ @admin-satu", "/.github/CODEOWNERS @admin-satu"]
    assert rules[0] == "* @admin-satu"
    assert any(r.startswith("/content/dinas-contoh/") and r.endswith(" @kepala-contoh") for r in rules)


def test_agency_without_kepala_is_owned_by_nobody_not_the_admins(sample_repo: Path) -> None:
    text = (sample_repo / "roster/badan-contoh.yml").read_text()
    write(sample_repo, "roster/badan-contoh.yml",
          text.replace("kepala: {name: Kepala Badan, github: kepala-badan, github_id: 2001}", "kepala: null"))
    rendered, findings = render_codeowners(load_roster(sample_repo).roster, date(2026, 1, 15))
    lines = rendered.splitlines()
    assert "/content/badan-contoh/" in lines  # a pattern without owners: unowned on GitHub
    assert not any(line.startswith("/content/") and "@admin-satu" in line for line in lines)
    assert [f.code for f in findings] == ["codeowners-no-approver"]
    assert "set-kepala" in findings[0].message and "admin tidak menyetujui" in findings[0].message


def test_check_passes_on_main_and_fails_after_a_roster_change(sample_repo: Path) -> None:
    assert run(sample_repo, "--check").returncode == 1  # not written yet
    assert run(sample_repo).returncode == 0
    assert run(sample_repo, "--check").returncode == 0
    text = (sample_repo / "roster/dinas-contoh.yml").read_text()
    write(sample_repo, "roster/dinas-contoh.yml", text.replace("github: kepala-contoh", "github: kepala-baru"))
    result = run(sample_repo, "--check")
    assert result.returncode == 1 and "tidak sesuai" in result.stderr


def test_shipped_codeowners_matches_shipped_roster() -> None:
    result = run(PROJECT_ROOT, "--check")
    assert result.returncode == 0, result.stdout + result.stderr
