"""`warta roster import-nip`: the public roster keeps a keyed hash and a masked NIP, never the number."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import PROJECT_ROOT, TEST_NIP_KEY, stored_nip, write
from warta.check.personal import find_personal_numbers
from warta.roster import load_roster, validate_roster

TODAY = date(2026, 11, 29)
KEY = "k" * 40
# Synthetic: a bad birth month, one NIP shared by two people in two agencies, a valid one.
BAD_BIRTH, SHARED, GOOD = "19899612 201502 1 003", "19800202 200501 1 005", "19750412 199903 1 002"


def run(cwd: Path, *args: str, key: str | None = KEY) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "WARTA_NIP_KEY"}
    if key is not None:
        env["WARTA_NIP_KEY"] = key
    return subprocess.run([sys.executable, "-m", "warta.cli", *args], cwd=cwd, capture_output=True, text=True,
                          env={**env, "COLUMNS": "200"}, timeout=120)


def findings(root: Path) -> list[tuple[str, str, int]]:
    loaded = load_roster(root)
    return sorted((f.code, f.file, f.line) for f in loaded.findings + validate_roster(loaded, root, TODAY))


def private_csv(tmp_path: Path) -> Path:
    # As a spreadsheet in Indonesian locale saves it: semicolons, a BOM; the unnamed row by position.
    path = tmp_path / "nip.csv"
    path.write_text("\ufeffagency;name;nip;urutan\n"
                    f"dinas-contoh;Ani Lestari;{BAD_BIRTH};\n"
                    f"dinas-contoh;Budi Santoso;{SHARED};\n"
                    f"badan-contoh;;{SHARED};1\n", encoding="utf-8")
    return path


def test_import_keeps_hash_mask_and_problems_and_the_decree_checks_still_run(sample_repo: Path,
                                                                              tmp_path: Path) -> None:
    result = run(sample_repo, "roster", "import-nip", str(private_csv(tmp_path)))
    assert result.returncode == 0, result.stderr + result.stdout
    assert "3 NIP diimpor ke 2 berkas" in result.stdout and "nip-birth-date" in result.stdout
    text = (sample_repo / "roster/dinas-contoh.yml").read_text()
    assert 'masked: "1989…1003", problems: [nip-birth-date]' in text and 'masked: "1980…1005"' in text
    for agency in ("dinas-contoh", "badan-contoh"):
        squeezed = "".join((sample_repo / f"roster/{agency}.yml").read_text().split())
        assert not find_personal_numbers(squeezed) and "".join(SHARED.split()) not in squeezed
    found = findings(sample_repo)
    assert [f for f in found if f[0].startswith("nip")] == [
        ("nip-birth-date", "roster/dinas-contoh.yml", 12),
        ("nip-duplicate", "roster/badan-contoh.yml", 9),  # inserted under the member's name
        ("nip-duplicate", "roster/dinas-contoh.yml", 16)]
    # Importing again (a corrected NIP) replaces the record in place; the file keeps its lines.
    before = (sample_repo / "roster/dinas-contoh.yml").read_text().count("\n")
    fixed = tmp_path / "fix.yml"
    fixed.write_text(f'- {{agency: dinas-contoh, name: "Ani Lestari, S.Kom", nip: "{GOOD}"}}\n')
    assert run(sample_repo, "roster", "import-nip", str(fixed)).returncode == 0
    assert (sample_repo / "roster/dinas-contoh.yml").read_text().count("\n") == before
    assert "nip-birth-date" not in {f[0] for f in findings(sample_repo)}


def test_without_the_key_it_refuses_and_changes_nothing(sample_repo: Path, tmp_path: Path) -> None:
    before = (sample_repo / "roster/dinas-contoh.yml").read_text()
    for key in (None, "pendek"):
        result = run(sample_repo, "roster", "import-nip", str(private_csv(tmp_path)), key=key)
        assert result.returncode == 1 and "WARTA_NIP_KEY" in result.stderr and "Kunci NIP" in result.stderr
    assert (sample_repo / "roster/dinas-contoh.yml").read_text() == before


def test_a_wrong_row_names_its_line_and_nothing_is_written(sample_repo: Path, tmp_path: Path) -> None:
    before = (sample_repo / "roster/dinas-contoh.yml").read_text()
    bad = tmp_path / "nip.csv"
    bad.write_text(f"agency,name,nip\ndinas-contoh,Budi Santoso,{GOOD}\ndinas-contoh,Orang Lain,{SHARED}\n"
                   f"dinas-kontoh,Ani,{GOOD}\n")
    result = run(sample_repo, "roster", "import-nip", str(bad))
    assert result.returncode == 2
    assert "baris 3 (dinas-contoh): `Orang Lain` tidak ada di tim" in result.stderr
    assert "baris 4: perangkat daerah `dinas-kontoh`" in result.stderr
    assert (sample_repo / "roster/dinas-contoh.yml").read_text() == before


def test_a_raw_nip_in_the_roster_is_an_error(sample_repo: Path) -> None:
    text = (sample_repo / "roster/badan-contoh.yml").read_text()
    raw_line = f'nip: "{GOOD}"\n    jabatan: Analis'
    write(sample_repo, "roster/badan-contoh.yml", text.replace("jabatan: Analis", raw_line, 1))
    raw = [f for f in findings(sample_repo) if f[0] == "nip-raw"]
    assert raw == [("nip-raw", "roster/badan-contoh.yml", 9)]


def test_records_made_with_another_key_are_flagged(sample_repo: Path) -> None:
    text = (sample_repo / "roster/badan-contoh.yml").read_text()
    other = stored_nip(GOOD, key=TEST_NIP_KEY + b"-lain")
    write(sample_repo, "roster/badan-contoh.yml", text.replace("jabatan: Analis", f"{other}\n    jabatan: Analis", 1))
    assert [f[:2] for f in findings(sample_repo) if f[0] == "nip-key-mixed"] in (
        [("nip-key-mixed", "roster/badan-contoh.yml")], [("nip-key-mixed", "roster/dinas-contoh.yml")])


def _tracked(*prefixes: str) -> list[Path]:
    listed = subprocess.run(["git", "ls-files", "-z", "--", *prefixes], cwd=PROJECT_ROOT, capture_output=True,
                            text=True, check=True).stdout.split("\0")
    return [PROJECT_ROOT / p for p in listed if p and (PROJECT_ROOT / p).is_file()]


@pytest.mark.parametrize("where", ["roster", "content", "docs", "README.md", "site_templates", "tests/roster/golden",
                                   "tests/site/golden"])
def test_no_nip_or_nik_in_tracked_files(where: str) -> None:
    """The repository is public: NIPs live only in Diskominfotik's private file."""
    for path in _tracked(where):
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue  # photos
        found = find_personal_numbers(text)
        assert not found, f"{path.relative_to(PROJECT_ROOT)}: {[n.masked for n in found]}"
