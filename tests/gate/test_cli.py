"""`warta gate evaluate` through the installed console script: exit codes and JSON shape."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.gate.conftest import PrRepo, review


def warta() -> list[str]:
    script = Path(sys.executable).parent / "warta"
    return [str(script)] if script.exists() else [shutil.which("warta") or "warta"]


def evaluate(path: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*warta(), "gate", "evaluate", "--input", str(path)], cwd=cwd,
                          capture_output=True, text=True, timeout=60)


def check_shape(out: dict[str, Any]) -> None:
    assert set(out) == {"approved", "requirements"} and isinstance(out["approved"], bool)
    for req in out["requirements"]:
        assert set(req) == {"scope", "eligible", "satisfied_by", "reason"}
        assert all(isinstance(x, str) for x in req["eligible"])
        assert req["satisfied_by"] is None or isinstance(req["satisfied_by"], str)


def test_approved_exits_0(pr_repo: PrRepo, tmp_path: Path) -> None:
    pr_repo.post_edit()
    pr_repo.commit()
    proc = evaluate(pr_repo.write_input(pr_repo.input([review("kepala-contoh", pr_repo.head)])),
                    tmp_path)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    check_shape(out)
    assert out["approved"] is True


def test_not_approved_exits_1(pr_repo: PrRepo, tmp_path: Path) -> None:
    pr_repo.post_edit()
    pr_repo.commit()
    proc = evaluate(pr_repo.write_input(pr_repo.input([])), tmp_path)
    assert proc.returncode == 1, proc.stderr
    out = json.loads(proc.stdout)
    check_shape(out)
    assert out["approved"] is False
    assert out["requirements"][0]["satisfied_by"] is None


@pytest.mark.parametrize(("mutate", "needle"), [
    (lambda d: d.pop("base_sha"), "base_sha"),
    (lambda d: d.update(reviews="x"), "reviews"),
    (lambda d: d.update(base_sha="deadbeef" * 5), "deadbeef"),
    (lambda d: d.update(head_sha="main"), "main"),
    (lambda d: d.update(repo="/nonexistent/repo"), "/nonexistent/repo"),
    (lambda d: d["reviews"].append({"user": "x", "state": "APPROVED", "commit_id": "a"}),
     "reviews[0].submitted_at"),
    (lambda d: d.update(changed_files=[{"status": "R", "path": "a"}]), "old_path"),
    (lambda d: d.update(commit_authors="ani"), "commit_authors"),
])
def test_bad_input_exits_2_with_message(pr_repo: PrRepo, tmp_path: Path, mutate: Any,
                                        needle: str) -> None:
    data = pr_repo.input([])
    mutate(data)
    proc = evaluate(pr_repo.write_input(data), tmp_path)
    assert proc.returncode == 2, (proc.stdout, proc.stderr)
    assert needle in proc.stderr
    assert "Traceback" not in proc.stderr and proc.stdout == ""


def test_missing_and_malformed_input_file(tmp_path: Path) -> None:
    proc = evaluate(tmp_path / "tidak-ada.json", tmp_path)
    assert proc.returncode == 2 and "tidak ditemukan" in proc.stderr
    bad = tmp_path / "rusak.json"
    bad.write_text("{not json", encoding="utf-8")
    proc = evaluate(bad, tmp_path)
    assert proc.returncode == 2 and "bukan JSON" in proc.stderr
    assert "Traceback" not in proc.stderr
