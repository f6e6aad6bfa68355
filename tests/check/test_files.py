"""`warta check` refuses symlinks under content/, naming the link and the fix."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from warta.check import run_check


def test_symlinked_file_and_folder_under_content_are_errors(sample_repo: Path) -> None:
    media = sample_repo / "content/dinas-contoh/2026/media"
    os.symlink("/etc/passwd", media / "sandi.jpg")
    os.symlink(sample_repo / "roster", sample_repo / "content/dinas-contoh/roster")
    findings = [f for f in run_check(sample_repo, today=date(2026, 11, 25)) if f.code == "content-symlink"]
    assert {f.file for f in findings} == {"content/dinas-contoh/2026/media/sandi.jpg",
                                          "content/dinas-contoh/roster"}
    assert all(f.severity == "error" and "symlink" in f.message and "Hapus" in f.message for f in findings)


def test_no_symlink_no_finding(sample_repo: Path) -> None:
    assert not [f for f in run_check(sample_repo, today=date(2026, 11, 25)) if f.code == "content-symlink"]
