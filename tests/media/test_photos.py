"""Photos normalised on the way in (issue #14): `warta media add`, `warta media fix`, and the
check that makes an oversized photo an error naming the command that fixes it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PIL import Image
from typer.testing import CliRunner

from tests.conftest import POST_A
from tests.media.photos import phone_photo
from warta.check import run_check
from warta.cli import app
from warta.commands import media
from warta.errors import UsageError
from warta.media.frontmatter import add_media_item
from warta.media.limits import MAX_LONG_SIDE, MAX_PHOTO_BYTES

POST = "content/dinas-contoh/2026/2026-11-20-posyandu-serentak.md"
TODAY = date(2026, 11, 25)


def _run(root: Path, *args: str) -> tuple[int, str]:
    import os

    old = os.getcwd()
    os.chdir(root)
    try:
        result = CliRunner().invoke(app, list(args))
    finally:
        os.chdir(old)
    return result.exit_code, result.output


def test_media_add_normalises_a_phone_photo_and_only_adds_lines(sample_repo: Path, tmp_path: Path) -> None:
    source = phone_photo(tmp_path / "IMG_2041.jpg")
    assert source.stat().st_size > 3 * MAX_PHOTO_BYTES  # as a phone saves it
    before = (sample_repo / POST).read_bytes()
    code, output = _run(sample_repo, "media", "add", str(source), "--post", POST,
                        "--alt", "Kader posyandu menimbang balita di Kelurahan Sawah Lebar")
    assert code == 0, output
    stored = sample_repo / "content/dinas-contoh/2026/media/img-2041.jpg"
    assert stored.stat().st_size <= MAX_PHOTO_BYTES
    with Image.open(stored) as image:
        assert max(image.size) <= MAX_LONG_SIDE
        assert image.height > image.width  # EXIF orientation 6 applied to the pixels
        exif = image.getexif()
        assert not exif.get_ifd(0x8825) and 0x010F not in exif and 0x0112 not in exif  # no GPS, maker
    after = (sample_repo / POST).read_bytes()
    added = b"  - file: media/img-2041.jpg\n    alt: Kader posyandu menimbang balita di Kelurahan Sawah Lebar\n"
    assert after.replace(added, b"") == before  # every other byte as it was
    assert not [f for f in run_check(sample_repo, today=TODAY) if f.code == "image-huge"]


def test_media_add_requires_alt_text(sample_repo: Path, tmp_path: Path) -> None:
    source = phone_photo(tmp_path / "foto.jpg", (1600, 1200), orientation=1)
    with pytest.raises(UsageError, match="--alt"):  # stdin is not a terminal here: no prompt
        media.add(source, sample_repo / POST, None, "", root=sample_repo)
    assert not (sample_repo / "content/dinas-contoh/2026/media/foto.jpg").exists()


def test_front_matter_edit_keeps_crlf_and_creates_the_list() -> None:
    text = "---\r\ntitle: Judul\r\nmedia: []\r\ntags: [a]\r\n---\r\nIsi\r\n"
    edited = add_media_item(text, "media/a.jpg", "Warga: antre di loket")
    assert edited == ("---\r\ntitle: Judul\r\nmedia:\r\n  - file: media/a.jpg\r\n"
                      "    alt: \"Warga: antre di loket\"\r\ntags: [a]\r\n---\r\nIsi\r\n")
    plain = add_media_item("---\ntitle: Judul\n---\nIsi\n", "media/b.jpg", "Gubernur berpidato")
    assert plain == "---\ntitle: Judul\nmedia:\n  - file: media/b.jpg\n    alt: Gubernur berpidato\n---\nIsi\n"
    assert POST_A.count("- file:") == 1
    appended = add_media_item(POST_A, "media/c.jpg", "Balita ditimbang")
    assert appended.count("- file:") == 2 and appended.index("media/c.jpg") < appended.index("\n---\n")


def test_oversized_photo_is_an_error_naming_the_fix(sample_repo: Path) -> None:
    big = phone_photo(sample_repo / "content/dinas-contoh/2026/media/posyandu.jpg", (3600, 2400), orientation=1)
    assert big.stat().st_size > MAX_PHOTO_BYTES
    found = [f for f in run_check(sample_repo, today=TODAY) if f.code == "image-huge"]
    assert len(found) == 1 and found[0].severity == "error"
    assert "warta media fix content/dinas-contoh/2026/media/posyandu.jpg" in found[0].message
    code, output = _run(sample_repo, "media", "fix", "content/dinas-contoh/2026/media/posyandu.jpg")
    assert code == 0, output
    assert not [f for f in run_check(sample_repo, today=TODAY) if f.code == "image-huge"]
    with Image.open(big) as image:
        assert image.format == "JPEG" and max(image.size) == MAX_LONG_SIDE
