"""`warta check` points at the exact line of a nested key (media items, captions.<channel>)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import make_jpeg, write

REL = "content/dinas-contoh/2026/2026-11-20-posyandu-serentak.md"
# Keys in an unusual order and a blank line inside an item: a guess from `media:`'s line is wrong.
POST = """\
---
title: Posyandu Serentak di Kota Bengkulu
date: 2026-11-20 09:00
author: Ani Lestari
summary: Petugas menimbang balita di posyandu serentak di seluruh kelurahan Kota Bengkulu.
channels: [website, instagram]
media:
  - credit: Tim Publikasi Dinas Contoh
    file: media/kecil.jpg

    alt: foto
  - file: media/kecil.jpg
    credit: NIK 1771012345670001
    alt: ''
captions:
  x: Halo
  instagram: "Hubungi Bu Ani di 0812-3456-7890."
---
Posyandu serentak dilaksanakan di seluruh kelurahan.
"""


def test_findings_on_nested_keys_name_their_own_lines(sample_repo: Path) -> None:
    make_jpeg(sample_repo / "content/dinas-contoh/2026/media/kecil.jpg", (800, 600))
    write(sample_repo, REL, POST)
    result = subprocess.run([sys.executable, "-m", "warta.cli", "check", "--format", "json"],
                            cwd=sample_repo, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1, result.stderr
    lines = {(f["code"], f["line"]) for f in json.loads(result.stdout) if f["file"] == REL}
    assert ("image-low-resolution", 9) in lines  # media[0].file
    assert ("alt-meaningless", 11) in lines  # media[0].alt, after a blank line
    assert ("image-low-resolution", 12) in lines  # media[1].file
    assert ("privacy-nik", 13) in lines  # media[1].credit
    assert ("alt-missing", 14) in lines  # media[1].alt, written empty
    assert ("privacy-phone", 17) in lines  # captions.instagram
