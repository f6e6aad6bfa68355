"""NIP and NIK in every published field, in every way people group the digits."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.conftest import POST_A, write
from warta.check.personal import find_personal_numbers
from warta.check.quality import Context, check_post_quality
from warta.content import load_post
from warta.findings import Finding
from warta.roster import load_roster

REL = "content/dinas-contoh/2026/2026-11-20-posyandu-serentak.md"
# Synthetic numbers built here, never anyone's: NIP = birth date, appointment, sex, sequence.
NIP = "19880101" + "201001" + "2" + "001"
NIK = "177101" + "410190" + "0001"  # Bengkulu, born 1 Jan 1990 (day + 40: a woman), sequence 1
NIP_STYLES = [NIP, "19880101 201001 2 001", "1988.0101.2010.01.2.001", "1988-0101-2010-0120-01",
              "19880101-201001-2-001", "19880101\u00a0201001\u00a02\u00a0001", "1988 0101 2010 0120 01"]
NIK_STYLES = [NIK, "1771 0141 0190 0001", "177101.410190.0001", "1771-0141-0190-0001", "177101 410190 0001"]


def findings(root: Path, text: str, rel: str = REL) -> list[Finding]:
    write(root, rel, text)
    roster = load_roster(root).roster
    post, problems = load_post(root, rel, roster)
    assert post is not None, problems
    return [f for f in check_post_quality(Context(root, roster.province), post) if f.code in (
        "privacy-nip", "privacy-nik")]


def add_key(text: str, line: str) -> str:
    return text.replace("---\nPosyandu", f"{line}\n---\nPosyandu")


# Each field: how to put a number in it, its name in the message, its line (tags in block style).
FIELDS = {
    "title": (lambda t, n: t.replace("title: Posyandu Serentak", f"title: Posyandu {n} Serentak"), "title", 2),
    "summary": (lambda t, n: t.replace("summary: Petugas", f"summary: Petugas {n}"), "summary", 5),
    "category": (lambda t, n: t.replace("category: Kesehatan", f"category: Kesehatan {n}"), "category", 6),
    "tags": (lambda t, n: t.replace("tags: [posyandu, balita]", f"tags:\n  - posyandu\n  - 'no {n}'"),
             "tags[2]", 9),
    "alt": (lambda t, n: t.replace("alt: Petugas", f"alt: Petugas {n}"), "media[1].alt", 13),
    "credit": (lambda t, n: t.replace("credit: Tim", f"credit: Tim {n}"), "media[1].credit", 14),
    "file": (lambda t, n: t.replace("file: media/posyandu.jpg", f"file: 'media/foto {n}.jpg'"),
             "media[1].file", 12),
    "video": (lambda t, n: add_key(t, f"video: 'media/klip {n}.mp4'"), "video", 15),
    "captions": (lambda t, n: add_key(t, f"captions:\n  instagram: 'Info {n}'"), "captions.instagram", 16),
    "body": (lambda t, n: t.replace("Posyandu serentak dilaksanakan", f"Petugas {n} dilaksanakan"), "isi", 16),
}


def _for(field: str, number: str) -> str:
    text = FIELDS[field][0](POST_A, number)
    if field == "tags":
        return text
    return text.replace("tags: [posyandu, balita]", "tags:\n  - posyandu\n  - balita")  # same line numbers


@pytest.mark.parametrize("field", sorted(FIELDS))
@pytest.mark.parametrize(("kind", "number"), [("nip", s) for s in NIP_STYLES] + [("nik", s) for s in NIK_STYLES])
def test_every_field_in_every_grouping_is_an_error(sample_repo: Path, field: str, kind: str, number: str) -> None:
    _, name, line = FIELDS[field]
    found = findings(sample_repo, _for(field, number))
    assert [(f.code, f.severity, f.line) for f in found] == [(f"privacy-{kind}", "error", line)], found
    assert f"`{name}`" in found[0].message and "hapus" in found[0].message
    digits = NIP if kind == "nip" else NIK
    assert digits not in found[0].message.replace(" ", "") and f"{digits[:4]}…{digits[-4:]}" in found[0].message


@pytest.mark.parametrize("number", ["1988-0101-2010-0120-01", NIK])
def test_the_post_file_name_reaches_every_url(sample_repo: Path, number: str) -> None:
    rel = f"content/dinas-contoh/2026/2026-11-20-posyandu-{number}.md"
    found = findings(sample_repo, POST_A, rel)
    assert [(f.line, "`nama berkas`" in f.message) for f in found] == [(1, True)]


def test_the_caption_each_network_receives_is_checked_as_rendered(sample_repo: Path) -> None:
    # Slashes keep the tag itself from looking like a number; the hashtag drops them and joins the digits.
    text = POST_A.replace("tags: [posyandu, balita]", "tags: [posyandu, '1988/0101/2010/01/2/001']")
    text = text.replace("channels: [website, instagram]", "channels: [website, instagram, x]")
    found = findings(sample_repo, text)
    assert [(f.code, f.line, "`caption instagram (yang dikirim)`" in f.message) for f in found] == [
        ("privacy-nip", 7, True)]  # once, not again for X's copy of the same hashtag


def test_a_number_in_the_title_is_reported_once_not_again_per_caption(sample_repo: Path) -> None:
    text = POST_A.replace("title: Posyandu Serentak", f"title: Posyandu {NIP} Serentak")
    text = text.replace("channels: [website, instagram]", "channels: [website, instagram, x]")
    assert [f.line for f in findings(sample_repo, text)] == [2]


@pytest.mark.parametrize("sentence", [
    "Sebanyak 1.200 balita ditimbang pada 20 November 2026.",
    "Anggaran Rp1.250.000.000 untuk 2026 telah disalurkan.",
    "Program 2024 2025 2026 2027 berlanjut.",
    "Pukul 08.00-12.00 WIB tanggal 2026-11-20 dan 20-11-2026.",
    "Kode pos 38225, 12.345 peserta, 1.234.567 warga, tahun 1988 dan 2010.",
    "Tautan https://www.facebook.com/dinas/posts/1771014101900001 di akun resmi.",
])
def test_ordinary_numbers_are_not_flagged(sample_repo: Path, sentence: str) -> None:
    text = POST_A.replace("Posyandu serentak dilaksanakan", sentence)
    text = text.replace("title: Posyandu Serentak", "title: Posyandu 2026 1.200 Serentak")
    assert findings(sample_repo, text) == []


def test_scan_is_linear_on_hostile_input() -> None:
    for hostile in ("1 " * 100_000, "1." * 100_000 + "x", "9" * 200_000, "1-" * 50_000 + "a" * 50_000):
        start = time.perf_counter()
        find_personal_numbers(hostile)
        assert time.perf_counter() - start < 2.0
