"""Plan items (content/<agency>/_rencana/<yyyy>-<mm>.yml): checked with lines, linked from posts."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

from tests.conftest import write
from warta.check import run_check


def warta(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "warta.cli", *args], cwd=root, capture_output=True,
                          text=True, timeout=120)

PLAN = """\
rencana:
  - id: posyandu-serentak
    waktu: 2026-11-20 08:00
    selesai: 2026-11-20 11:00
    judul: Posyandu serentak
    jenis: liputan
    tema: Gizi balita
    tempat: Kelurahan Pasar Baru
    tim: [Ani Lestari]
    kanal: [website, instagram]
    publik: true
    status: terbit
    berita: content/dinas-contoh/2026/2026-11-20-posyandu-serentak.md
  - waktu: 2026-11-25 13:00
    judul: Rapat internal anggaran liputan
    jenis: konten
    tim: [Budi Santoso]
    publik: false
    status: direncanakan
"""


def findings_for(root: Path, rel: str) -> list[tuple[int, str]]:
    return [(f.line, f.code) for f in run_check(root, today=date(2026, 11, 29)) if f.file == rel]


def test_a_valid_plan_passes(sample_repo: Path) -> None:
    write(sample_repo, "content/dinas-contoh/_rencana/2026-11.yml", PLAN)
    assert findings_for(sample_repo, "content/dinas-contoh/_rencana/2026-11.yml") == []


def test_bad_date_unknown_member_and_unknown_status_fail_with_file_and_line(sample_repo: Path) -> None:
    rel = "content/dinas-contoh/_rencana/2026-11.yml"
    bad = (PLAN.replace("waktu: 2026-11-25 13:00", "waktu: 2026-11-31 13:00")
           .replace("tim: [Budi Santoso]", "tim: [Budi Santoso, Orang Asing]")
           .replace("status: direncanakan", "status: selesai"))
    write(sample_repo, rel, bad)
    found = findings_for(sample_repo, rel)
    assert (14, "rencana-type") in found  # `waktu` line of the second item
    assert (17, "rencana-team-unknown") in found
    assert (19, "rencana-status") in found
    result = warta(sample_repo, "check", "--format", "json")
    assert result.returncode == 1
    rows = [f for f in json.loads(result.stdout) if f["file"] == rel]
    assert {(f["line"], f["code"], f["severity"]) for f in rows} >= {
        (14, "rencana-type", "error"), (17, "rencana-team-unknown", "error"), (19, "rencana-status", "error")}


def test_wrong_month_missing_post_and_file_name_are_reported(sample_repo: Path) -> None:
    write(sample_repo, "content/dinas-contoh/_rencana/2026-12.yml",
          PLAN.replace("2026-11-20-posyandu-serentak.md", "2026-11-21-tidak-ada.md"))
    write(sample_repo, "content/dinas-contoh/_rencana/november.yml", "rencana: []\n")
    found = findings_for(sample_repo, "content/dinas-contoh/_rencana/2026-12.yml")
    assert (3, "rencana-month") in found and (13, "rencana-post-missing") in found
    assert findings_for(sample_repo, "content/dinas-contoh/_rencana/november.yml") == [(1, "rencana-file-name")]


def test_post_rencana_must_name_an_existing_item(sample_repo: Path) -> None:
    write(sample_repo, "content/dinas-contoh/_rencana/2026-11.yml", PLAN)
    post = "content/dinas-contoh/2026/2026-11-20-posyandu-serentak.md"
    text = (sample_repo / post).read_text(encoding="utf-8")
    (sample_repo / post).write_text(text.replace("category: Kesehatan", "category: Kesehatan\ntema: Gizi\n"
                                                 "rencana: 2026-11#2"), encoding="utf-8")
    assert findings_for(sample_repo, post) == []
    (sample_repo / post).write_text(text.replace("category: Kesehatan", "rencana: 2026-11#9"), encoding="utf-8")
    assert findings_for(sample_repo, post) == [(6, "post-rencana-unknown")]


def test_warta_rencana_lists_items(sample_repo: Path) -> None:
    write(sample_repo, "content/dinas-contoh/_rencana/2026-11.yml", PLAN)
    result = warta(sample_repo, "rencana", "--bulan", "2026-11", "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [(r["id"], r["publik"], r["status"]) for r in rows] == [
        ("posyandu-serentak", True, "terbit"), ("2026-11#2", False, "direncanakan")]
    text = warta(sample_repo, "rencana", "--agency", "dinas-contoh")
    assert "Rapat internal anggaran liputan" in text.stdout and "internal" in text.stdout
    assert warta(sample_repo, "rencana", "--bulan", "2026-13").returncode == 2
