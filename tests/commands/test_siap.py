"""`warta siap` as Diskominfotik runs it: the shipped roster, token names never values."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import PROJECT_ROOT


def run(*args: str, env: dict[str, str] | None = None, cwd: Path = PROJECT_ROOT) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("WARTA_TOKEN_")}
    return subprocess.run([sys.executable, "-m", "warta.cli", "siap", *args], cwd=cwd, capture_output=True,
                          text=True, env={**clean, "COLUMNS": "200", **(env or {})}, timeout=120)


def test_json_lists_41_agencies_none_ready_each_naming_the_missing_kepala() -> None:
    secret = "rahasia-jangan-tampil"
    result = run("--format", "json", env={"WARTA_TOKEN_DINAS_KESEHATAN_INSTAGRAM": secret})
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert len(rows) == 41 and not any(r["ready"] for r in rows)
    assert all("Kepala belum diisi" in r["next_step"] for r in rows)
    kesehatan = next(r for r in rows if r["agency"] == "dinas-kesehatan")
    assert kesehatan["tokens"]["instagram"] == {"env": "WARTA_TOKEN_DINAS_KESEHATAN_INSTAGRAM", "present": True}
    assert kesehatan["tokens"]["facebook"]["present"] is False
    assert kesehatan["last_post"] is not None
    assert secret not in result.stdout + result.stderr


def test_text_is_readable_lines_and_unknown_agency_is_bad_input() -> None:
    result = run("--agency", "bpbd")
    assert result.returncode == 0, result.stderr
    assert "bpbd" in result.stdout and "Langkah berikut: Kepala belum diisi" in result.stdout
    assert "0 dari 1 perangkat daerah siap." in result.stdout
    bad = run("--agency", "bpbdx")
    assert bad.returncode == 2 and "bpbd" in bad.stderr and "Traceback" not in bad.stderr
