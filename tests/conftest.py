"""Shared fixtures: a small real Warta repository, and no network beyond loopback."""

from __future__ import annotations

import socket
import textwrap
from datetime import date
from pathlib import Path

import pytest

from warta.roster.importnip import nip_flow
from warta.roster.nip import nip_record

PROJECT_ROOT = Path(__file__).resolve().parents[1]

PROVINCE = """\
site:
  title: Warta Uji
  url: https://warta.example.go.id/
  description: Situs uji.
github:
  org: uji-org
  admin_team: admin-uji
admins:
  - {name: Admin Satu, github: admin-satu, github_id: 9001}
media_center:
  koordinator: {name: Koordinator MC, github: koor-mc, github_id: 9100}
  channels:
    instagram: {account: "1", username: mediacenter}
sensitive_words: [goblok, bangsat]
"""

# Tests build NIPs in code (synthetic, never anyone's) and store them as `warta roster import-nip` does.
TEST_NIP_KEY = b"warta-tests-only-key-0123456789abcdef"
ANI_NIP = "19910315 201503 2 004"


def stored_nip(printed: str, key: bytes = TEST_NIP_KEY) -> str:
    """The `nip: {...}` line the roster keeps for `printed`."""
    return nip_flow(nip_record(printed, key, date(2026, 11, 29)))


AGENCY_A = """\
slug: dinas-contoh
name: Dinas Contoh
short_name: Dinco
kind: Dinas
decree: {number: "1", name: Dinas Contoh}
description: Dinas untuk pengujian.
kepala: {name: Kepala Contoh, github: kepala-contoh, github_id: 1001}
delegates:
  - {name: Plt Contoh, github: plt-contoh, github_id: 1002, role: Plt, from: 2026-01-01, until: 2026-01-31}
team:
  - name: "Ani Lestari, S.Kom"
    @ANI_NIP@
    jabatan: Pranata Humas
    github: ani-lestari
  - name: Budi Santoso
    jabatan: Tenaga Harian Lepas
    github: budi-s
channels:
  website: true
  instagram: {account: "178", username: dinascontoh}
  facebook: {page_id: "100"}
  x: {handle: dinascontoh}
""".replace("@ANI_NIP@", stored_nip(ANI_NIP))

AGENCY_B = """\
slug: badan-contoh
name: Badan Contoh
short_name: Baco
kind: Badan
decree: {number: "2", name: Badan Contoh}
kepala: {name: Kepala Badan, github: kepala-badan, github_id: 2001}
team:
  - name: Citra Dewi
    jabatan: Analis Publikasi
    github: citra-d
channels:
  website: true
"""

POST_A = """\
---
title: Posyandu Serentak di Kota Bengkulu
date: 2026-11-20 09:00
author: Ani Lestari
summary: Petugas menimbang balita di posyandu serentak di seluruh kelurahan Kota Bengkulu.
category: Kesehatan
tags: [posyandu, balita]
channels: [website, instagram]
media:
  - file: media/posyandu.jpg
    alt: Petugas menimbang seorang balita di posyandu
    credit: Tim Publikasi Dinas Contoh
---
Posyandu serentak dilaksanakan di seluruh kelurahan.
"""


def write(root: Path, rel: str, text: str) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def make_jpeg(path: Path, size: tuple[int, int] = (1600, 900)) -> Path:
    from PIL import Image

    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, (40, 120, 200)).save(path, "JPEG", quality=80)
    return path


@pytest.fixture
def sample_repo(tmp_path: Path) -> Path:
    """A small Warta repository on disk (not yet a git repository)."""
    root = tmp_path / "repo"
    write(root, "roster/_province.yml", PROVINCE)
    write(root, "roster/dinas-contoh.yml", AGENCY_A)
    write(root, "roster/badan-contoh.yml", AGENCY_B)
    write(root, "content/dinas-contoh/2026/2026-11-20-posyandu-serentak.md", POST_A)
    make_jpeg(root / "content/dinas-contoh/2026/media/posyandu.jpg")
    return root


@pytest.fixture
def sample_git_repo(sample_repo: Path) -> Path:
    """The sample repository as a real git repository with one commit on main."""
    import git

    repo = git.Repo.init(sample_repo, initial_branch="main")
    with repo.config_writer() as cfg:
        cfg.set_value("user", "name", "Warta Test")
        cfg.set_value("user", "email", "test@example.invalid")
    repo.git.add(A=True)
    repo.index.commit("initial")
    return sample_repo


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests may only talk to loopback: fakes of GitHub and the networks run locally."""
    real_connect = socket.socket.connect

    def guarded(self: socket.socket, address: object) -> object:
        host = address[0] if isinstance(address, tuple) else address
        if isinstance(host, str) and not (
            host.startswith("127.") or host in ("::1", "localhost") or host.startswith("/")
        ):
            raise RuntimeError(f"test tried to reach the network: {address!r}")
        return real_connect(self, address)  # type: ignore[arg-type]

    monkeypatch.setattr(socket.socket, "connect", guarded)


def make_huge_png(path: Path, width: int, height: int) -> Path:
    """A PNG whose header claims width×height (1-bit grey) with a tiny IDAT: a few hundred
    bytes on disk, hundreds of megabytes if anything ever decoded it."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
                     + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b""))
    return path
