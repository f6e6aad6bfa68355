"""Files beside posts: only allowlisted types are published, and only regular files inside the
agency's folder, never through a symlink (issue #17, findings 2 and 7)."""

from __future__ import annotations

import os
from pathlib import Path

from tests.conftest import make_jpeg, write
from tests.site.conftest import NOW
from warta.site import build_site

SECRET = "rahasia-jangan-terbit"
POST = """\
---
title: Berita dengan lampiran dan tautan simbolik
date: 2026-11-25 09:00
author: Ani Lestari
media:
  - file: media/luar.jpg
    alt: Foto dari luar folder
  - file: tautan/foto.jpg
    alt: Foto lewat folder tautan
---
Lihat [laporan](../laporan.pdf).
"""


def test_only_allowlisted_regular_files_inside_the_folder_are_published(site_repo: Path,
                                                                        tmp_path: Path) -> None:
    posts = site_repo / "content/dinas-contoh/2026"
    write(site_repo, "content/dinas-contoh/2026/peta.svg", '<svg xmlns="http://www.w3.org/2000/svg">'
                                                          "<script>alert(1)</script></svg>")
    write(site_repo, "content/dinas-contoh/2026/halaman.html", "<script>alert(2)</script>")
    write(site_repo, "content/dinas-contoh/2026/skrip.js", "alert(3)")
    write(site_repo, "content/dinas-contoh/2026/laporan.pdf", "%PDF-1.4 laporan")
    write(site_repo, "content/dinas-contoh/2026/2026-11-25-lampiran.md", POST)
    # Outside the agency folder: the repository's .git/config and a folder of files.
    write(site_repo, ".git/config", f"[remote]\n  token = {SECRET}\n")
    outside = site_repo / "luar"
    write(site_repo, "luar/dokumen.pdf", f"%PDF-1.4 {SECRET}")
    make_jpeg(outside / "foto.jpg", (1234, 700))
    os.symlink("../../../.git/config", posts / "bocor.pdf")
    os.symlink("../../../luar", posts / "tautan")
    os.symlink("../../../../luar/foto.jpg", posts / "media/luar.jpg")
    os.symlink("../luar", site_repo / "content/badan-contoh")  # a whole agency folder
    out = tmp_path / "site"
    report = build_site(site_repo, out, now=NOW, jobs=1)
    assert report.ok, report.errors

    berita = out / "dinas-contoh/berita/2026"
    assert (berita / "laporan.pdf").is_file()
    for name in ("peta.svg", "halaman.html", "skrip.js", "bocor.pdf", "tautan"):
        assert not (berita / name).exists(), name
    assert not (out / "badan-contoh/berita/dokumen.pdf").exists()
    leaked = [p for p in out.rglob("*") if p.is_file() and SECRET.encode() in p.read_bytes()]
    assert leaked == []
    page = (berita / "2026-11-25-lampiran/index.html").read_text(encoding="utf-8")
    assert "warta-figure" not in page and "1234w" not in page  # no photo read through a symlink
