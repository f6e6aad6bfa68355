"""`warta roster set-kepala` / `add-delegate`: edits in place, ids from GitHub when a token is there."""

from __future__ import annotations

import difflib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import PROJECT_ROOT
from tests.gate.fake_github import FakeGitHub
from warta.commands.roster_edit import add_delegate_command, set_kepala_command
from warta.errors import UsageError
from warta.roster import load_roster, validate_roster

OFFLINE = {k: v for k, v in os.environ.items() if k not in ("GITHUB_TOKEN", "WARTA_GITHUB_TOKEN")}


def cli(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "warta.cli", *args], cwd=cwd, capture_output=True, text=True,
                          env={**OFFLINE, "COLUMNS": "200"}, timeout=120)


@pytest.fixture
def shipped_copy(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    shutil.copytree(PROJECT_ROOT / "roster", root / "roster")
    (root / "content").mkdir()
    return root


@pytest.fixture
def github() -> Iterator[FakeGitHub]:
    fake = FakeGitHub()
    fake.start()
    try:
        yield fake
    finally:
        fake.stop()


def errors_and(root: Path, code: str, file: str) -> tuple[list[str], bool]:
    findings = validate_roster(loaded := load_roster(root), root, date(2026, 12, 2)) + loaded.findings
    return ([f"{f.file}:{f.line} {f.code}" for f in findings if f.severity == "error"],
            any(f.code == code and f.file == file for f in findings))


def test_set_kepala_offline_changes_only_the_kepala_lines(shipped_copy: Path) -> None:
    path = shipped_copy / "roster/dinas-kesehatan.yml"
    before = path.read_text(encoding="utf-8")
    assert errors_and(shipped_copy, "kepala-missing", "roster/dinas-kesehatan.yml") == ([], True)
    result = cli(shipped_copy, "roster", "set-kepala", "--agency", "dinas-kesehatan",
                 "--name", "dr. Budi Santoso, M.Kes", "--github", "budi-kes")
    assert result.returncode == 0, result.stderr
    assert "GITHUB_TOKEN tidak ada" in result.stderr and "github_id" in result.stderr
    after = path.read_text(encoding="utf-8")
    changed = [line for line in difflib.ndiff(before.splitlines(), after.splitlines()) if line[:1] in "+-"]
    assert changed == ["-   name: null", "-   github: null",
                       "+   name: dr. Budi Santoso, M.Kes", "+   github: budi-kes"]
    assert after.startswith("# Tim Publikasi dan Informasi — Dinas Kesehatan\n# Sumber:")
    assert errors_and(shipped_copy, "kepala-missing", "roster/dinas-kesehatan.yml") == ([], False)

    siap = cli(shipped_copy, "siap", "--agency", "dinas-kesehatan", "--format", "json")
    row = json.loads(siap.stdout)[0]
    assert row["kepala"] == {"name": "dr. Budi Santoso, M.Kes", "github": "budi-kes", "github_id": None,
                             "state": "tanpa-id"}
    assert "Id GitHub @budi-kes belum tercatat" in row["next_step"]


def test_set_kepala_records_the_github_id_and_drops_a_stale_one(sample_repo: Path, github: FakeGitHub) -> None:
    github.user_ids["kepala-baru"] = 4242
    env = {"GITHUB_TOKEN": "t"}
    assert set_kepala_command("badan-contoh", "Kepala Baru", "kepala-baru", base_url=github.url,
                              root=sample_repo, env=env) == 0
    assert ("GET", "/users/kepala-baru") in github.requests
    kepala = load_roster(sample_repo).roster.agencies["badan-contoh"].kepala
    assert kepala is not None and (kepala.github, kepala.github_id) == ("kepala-baru", 4242)
    text = (sample_repo / "roster/badan-contoh.yml").read_text(encoding="utf-8")
    assert "kepala: {name: Kepala Baru, github: kepala-baru, github_id: 4242}" in text  # flow style kept

    set_kepala_command("badan-contoh", "Kepala Lain", "kepala-lain", base_url=github.url,
                       root=sample_repo, env={})  # offline: the old id belonged to someone else
    kepala = load_roster(sample_repo).roster.agencies["badan-contoh"].kepala
    assert kepala is not None and (kepala.github, kepala.github_id) == ("kepala-lain", None)

    github.fail("GET", r"^/users/tidak-ada$", 404)
    with pytest.raises(UsageError, match="tidak ditemukan"):
        set_kepala_command("badan-contoh", "X", "tidak-ada", base_url=github.url, root=sample_repo, env=env)
    assert "kepala-lain" in (sample_repo / "roster/badan-contoh.yml").read_text(encoding="utf-8")


def test_add_delegate_appends_a_block_item_the_gate_reads(shipped_copy: Path, github: FakeGitHub) -> None:
    github.user_ids["plt-bpbd"] = 777
    assert add_delegate_command("bpbd", "Plt Kalaksa", "plt-bpbd", "Plt", "2026-12-01", "2026-12-31",
                                base_url=github.url, root=shipped_copy, env={"GITHUB_TOKEN": "t"}) == 0
    text = (shipped_copy / "roster/bpbd.yml").read_text(encoding="utf-8")
    assert ("delegates:\n  - name: Plt Kalaksa\n    github: plt-bpbd\n    github_id: 777\n    role: Plt\n"
            "    from: 2026-12-01\n    until: 2026-12-31\n") in text
    delegate = load_roster(shipped_copy).roster.agencies["bpbd"].delegates[0]
    assert (delegate.github_id, delegate.start, delegate.until) == (777, date(2026, 12, 1), date(2026, 12, 31))
    assert errors_and(shipped_copy, "delegate-dates", "roster/bpbd.yml") == ([], False)
    with pytest.raises(UsageError, match="sudah tercatat"):
        add_delegate_command("bpbd", "Plt Kalaksa", "plt-bpbd", "Plt", "2026-12-01", "2026-12-31",
                             base_url=github.url, root=shipped_copy, env={})
    with pytest.raises(UsageError, match="lebih awal"):
        add_delegate_command("bpbd", "Plh", "plh-bpbd", "Plh", "2026-12-31", "2026-12-01",
                             base_url=github.url, root=shipped_copy, env={})
    bad_role = cli(shipped_copy, "roster", "add-delegate", "--agency", "bpbd", "--name", "X", "--github", "x",
                   "--role", "Kepala", "--from", "2026-12-01", "--until", "2026-12-02")
    assert bad_role.returncode == 2 and "Traceback" not in bad_role.stderr
