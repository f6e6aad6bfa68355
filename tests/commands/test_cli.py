"""The CLI as a user and CI call it: the real `warta` console script in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import write

WARTA = [sys.executable, "-m", "warta.cli"]


def run(cwd: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*WARTA, *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, "COLUMNS": "200", **(env or {})}, timeout=120)


def test_check_clean_repo_exits_zero(sample_repo: Path) -> None:
    result = run(sample_repo, "check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Tidak ada masalah" in result.stdout


def test_check_json_contract(sample_repo: Path) -> None:
    write(sample_repo, "content/dinas-contoh/2026/2026-11-21-rusak.md",
          "---\ntitle: Rusak\ndate: 2026-11-21\nauthor: Ani Lestari\nsumary: x\n---\nIsi\n")
    result = run(sample_repo, "check", "--format", "json")
    assert result.returncode == 1
    findings = json.loads(result.stdout)
    assert all(list(f) == ["file", "line", "code", "severity", "message"] for f in findings)
    findings = [f for f in findings if f["severity"] == "error"]
    assert findings == [{
        "file": "content/dinas-contoh/2026/2026-11-21-rusak.md",
        "line": 5,
        "code": "post-unknown-key",
        "severity": "error",
        "message": findings[0]["message"],
    }]
    assert "summary" in findings[0]["message"]
    assert "Traceback" not in result.stderr


def test_warnings_pass_unless_strict(sample_repo: Path) -> None:
    text = (sample_repo / "roster/badan-contoh.yml").read_text()
    write(sample_repo, "roster/badan-contoh.yml",
          text.replace("kepala: {name: Kepala Badan, github: kepala-badan, github_id: 2001}", "kepala: null"))
    assert run(sample_repo, "check").returncode == 0
    strict = run(sample_repo, "check", "--strict", "--format", "json")
    assert strict.returncode == 1
    assert [f["code"] for f in json.loads(strict.stdout)] == ["kepala-missing"]


def test_province_can_tune_severity(sample_repo: Path) -> None:
    text = (sample_repo / "roster/badan-contoh.yml").read_text()
    write(sample_repo, "roster/badan-contoh.yml",
          text.replace("kepala: {name: Kepala Badan, github: kepala-badan, github_id: 2001}", "kepala: null"))
    province = (sample_repo / "roster/_province.yml").read_text()
    write(sample_repo, "roster/_province.yml", province + "severities:\n  kepala-missing: error\n")
    assert run(sample_repo, "check").returncode == 1
    write(sample_repo, "roster/_province.yml", province + "severities:\n  kepala-missing: off\n")
    assert json.loads(run(sample_repo, "check", "--strict", "--format", "json").stdout) == []


def test_check_paths_limit_the_report(sample_repo: Path) -> None:
    write(sample_repo, "content/badan-contoh/2026/2026-11-21-rusak.md", "")
    only_dinas = run(sample_repo, "check", "content/dinas-contoh", "--format", "json")
    assert only_dinas.returncode == 0 and json.loads(only_dinas.stdout) == []
    one_file = run(sample_repo, "check", "content/badan-contoh/2026/2026-11-21-rusak.md", "--format", "json")
    assert one_file.returncode == 1
    assert [f["code"] for f in json.loads(one_file.stdout)] == ["post-empty"]


def test_bad_invocation_exits_two_without_traceback(sample_repo: Path, tmp_path: Path) -> None:
    missing = run(sample_repo, "check", "tidak-ada.md")
    assert missing.returncode == 2 and "tidak ditemukan" in missing.stderr
    bad_format = run(sample_repo, "check", "--format", "xml")
    assert bad_format.returncode == 2
    outside = run(tmp_path, "check")
    assert outside.returncode == 2 and "roster/" in outside.stderr
    for result in (missing, bad_format, outside):
        assert "Traceback" not in result.stderr


def test_new_scaffolds_a_valid_post(sample_repo: Path) -> None:
    result = run(sample_repo, "new", "--agency", "dinas-contoh", "--title", "Rapat Koordinasi: Stunting 2027!",
                 "--author", "Ani Lestari", "--date", "2026-12-02 10:30", "--channel", "website",
                 "--tag", "stunting")
    assert result.returncode == 0, result.stderr
    rel = "content/dinas-contoh/2026/2026-12-02-rapat-koordinasi-stunting-2027.md"
    assert rel in result.stdout
    text = (sample_repo / rel).read_text()
    assert "title: 'Rapat Koordinasi: Stunting 2027!'" in text
    assert "author: Ani Lestari, S.Kom" in text
    check = run(sample_repo, "check", rel, "--format", "json")
    assert check.returncode == 0  # a fresh scaffold passes, with reminders to fill it in
    assert {f["code"] for f in json.loads(check.stdout)} == {"summary-missing", "body-placeholder"}
    again = run(sample_repo, "new", "--agency", "dinas-contoh", "--title", "Rapat Koordinasi: Stunting 2027!",
                "--author", "Ani Lestari", "--date", "2026-12-02 10:30")
    assert again.returncode == 1 and "sudah ada" in again.stderr


def test_new_refuses_bad_input(sample_repo: Path) -> None:
    unknown = run(sample_repo, "new", "--agency", "dinas-kontoh", "--title", "X")
    assert unknown.returncode == 2 and "dinas-contoh" in unknown.stderr
    who = run(sample_repo, "new", "--agency", "dinas-contoh", "--title", "Tanpa Penulis", "--date", "2026-12-04")
    assert who.returncode == 0 and "--author" in who.stdout and "Budi Santoso" in who.stdout
    scaffold = sample_repo / "content/dinas-contoh/2026/2026-12-04-tanpa-penulis.md"
    assert "# author: nama Anda, salah satu dari: Ani Lestari, S.Kom; Budi Santoso" in scaffold.read_text()
    codes = {f["code"] for f in json.loads(run(sample_repo, "check", str(scaffold), "--format", "json").stdout)}
    assert "post-author-missing" in codes
    channel = run(sample_repo, "new", "--agency", "badan-contoh", "--title", "X", "--channel", "instagram")
    assert channel.returncode == 2 and "instagram" in channel.stderr
    single = run(sample_repo, "new", "--agency", "badan-contoh", "--title", "Satu Penulis")
    assert single.returncode == 0  # the only team member is the author


def test_new_uses_github_actor(sample_repo: Path) -> None:
    result = run(sample_repo, "new", "--agency", "dinas-contoh", "--title", "Dari Actions",
                 "--date", "2026-12-03", env={"GITHUB_ACTOR": "budi-s"})
    assert result.returncode == 0, result.stderr
    assert "author: Budi Santoso" in (sample_repo / "content/dinas-contoh/2026/2026-12-03-dari-actions.md").read_text()


