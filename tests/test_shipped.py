"""The shipped roster and content: 41 agencies, clean check, every decree defect reported."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter

from tests.conftest import PROJECT_ROOT
from warta.roster import load_roster


def test_roster_has_all_41_agencies_of_the_decree() -> None:
    roster = load_roster(PROJECT_ROOT).roster
    assert len(roster) == 41
    assert sum(len(a.team) for a in roster) == 128  # every row of Lampiran II, vacancies included


def test_check_on_shipped_repo_passes_and_lists_decree_defects() -> None:
    result = subprocess.run([sys.executable, "-m", "warta.cli", "check", "--format", "json"],
                            cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr
    findings = json.loads(result.stdout)
    assert all(f["severity"] == "warning" for f in findings)
    where = {(f["code"], f["file"]) for f in findings}
    assert ("nip-format", "roster/biro-umum.yml") in where  # 17 digits
    assert ("nip-birth-date", "roster/badan-penghubung.yml") in where  # birth month 96
    assert ("nip-appointment", "roster/dinas-pendidikan-kebudayaan.yml") in where  # appointed 2100
    codes = Counter(f["code"] for f in findings)
    assert codes["nip-duplicate"] == 2  # one NIP, two people
    assert codes["member-vacant"] == 5  # BPKD's three rows, Bappeda's, DPMPTSP's NIP-only row
    assert codes["decree-number-gap"] == 2  # no 10, no 13
    assert codes["member-agency-column"] == 2  # "Sanitarian" in the agency column
    assert codes["member-two-names"] == 1
    # heads of agency are not in the decree: each one missing is reported until Diskominfotik fills it
    assert codes["kepala-missing"] == sum(1 for a in load_roster(PROJECT_ROOT).roster if a.kepala is None)
    content = [f for f in findings if f["file"].startswith("content/")]
    assert content == [], content
