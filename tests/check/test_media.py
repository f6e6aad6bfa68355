"""Media files are judged from their headers: huge images are refused unopened, fake videos caught."""

from __future__ import annotations

import struct
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import ImageFile

from tests.conftest import POST_A, make_huge_png, write
from warta.check.media import MediaError, video_duration
from warta.check.quality import Context, check_post_quality
from warta.content import load_post
from warta.roster import load_roster
from warta.site.images import responsive_image, without_metadata

REL = "content/dinas-contoh/2026/2026-11-20-posyandu-serentak.md"
PHOTO = "content/dinas-contoh/2026/media/posyandu.jpg"


@pytest.fixture
def no_decoding(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to decode pixels fails the test."""
    def refuse(self: ImageFile.ImageFile) -> None:
        raise AssertionError(f"decoded {self.size}")
    monkeypatch.setattr(ImageFile.ImageFile, "load", refuse)


def findings(root: Path, text: str = POST_A) -> dict[str, str]:
    write(root, REL, text)
    roster = load_roster(root).roster
    post, _ = load_post(root, REL, roster)
    assert post is not None
    return {f.code: f.message for f in check_post_quality(Context(root, roster.province), post)}


@pytest.mark.parametrize("size", [(13_000, 13_000), (20_000, 10_000), (7_000, 6_000)])
def test_image_over_the_pixel_cap_is_an_error_read_from_the_header(
        sample_repo: Path, no_decoding: None, size: tuple[int, int]) -> None:
    make_huge_png(sample_repo / "content/dinas-contoh/2026/media/besar.png", *size)
    found = findings(sample_repo, POST_A.replace("media/posyandu.jpg", "media/besar.png"))
    assert "image-too-many-pixels" in found
    assert "besar.png" in found["image-too-many-pixels"] and "2560 px" in found["image-too-many-pixels"]


def test_check_cli_reports_a_200_megapixel_png_as_a_finding(sample_repo: Path) -> None:
    make_huge_png(sample_repo / "content/dinas-contoh/2026/media/besar.png", 20_000, 10_000)
    write(sample_repo, REL, POST_A.replace("media/posyandu.jpg", "media/besar.png"))
    result = subprocess.run([sys.executable, "-m", "warta.cli", "check", "--format", "json"],
                            cwd=sample_repo, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1, result.stderr
    assert '"image-too-many-pixels"' in result.stdout


def test_site_never_decodes_an_image_over_the_cap(tmp_path: Path, no_decoding: None) -> None:
    source = make_huge_png(tmp_path / "besar.png", 13_000, 13_000)  # 169 MP: Pillow only warns
    assert responsive_image(source, tmp_path / "out", tmp_path / "cache") is None
    assert without_metadata(source, tmp_path / "cache") == source


def test_text_file_named_mp4_is_not_a_video(sample_repo: Path) -> None:
    write(sample_repo, "content/dinas-contoh/2026/media/klip.mp4", "<html>bukan video</html>\n")
    text = POST_A.replace("---\nPosyandu", "video: media/klip.mp4\n---\nPosyandu")
    found = findings(sample_repo, text)
    assert "video-not-video" in found and "klip.mp4" in found["video-not-video"]


def test_real_mp4_header_is_a_video(sample_repo: Path) -> None:
    clip = sample_repo / "content/dinas-contoh/2026/media/klip.mp4"
    clip.write_bytes(b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2" + b"\x00\x00\x00\x08free")
    text = POST_A.replace("---\nPosyandu", "video: media/klip.mp4\n---\nPosyandu")
    assert "video-not-video" not in findings(sample_repo, text)


# --- video duration, wherever the `moov` box is ------------------------------------------------

def _box(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I4s", 8 + len(body), kind) + body


def _moov(seconds: float) -> bytes:
    mvhd = bytes(4) + bytes(8) + struct.pack(">II", 1000, int(seconds * 1000)) + bytes(80)  # version 0
    return _box(b"moov", _box(b"mvhd", mvhd))


def write_mp4(path: Path, seconds: float, *, moov_last: bool, media_bytes: int = 1024) -> Path:
    """An MP4 whose `mdat` is a hole in a sparse file: 70 MB long, next to nothing on disk."""
    ftyp = _box(b"ftyp", b"isom" + bytes(4) + b"isomiso2")
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        handle.write(ftyp)
        if not moov_last:
            handle.write(_moov(seconds))
        handle.write(struct.pack(">I4s", 8 + media_bytes, b"mdat"))
        handle.seek(media_bytes, 1)  # never written: a hole
        if moov_last:
            handle.write(_moov(seconds))
        else:
            handle.truncate()
    return path


VIDEO_POST = POST_A.replace("channels: [website, instagram]", "channels: [website, x]").replace(
    "---\nPosyandu", "video: media/klip.mp4\n---\nPosyandu")


@pytest.mark.parametrize("moov_last", [False, True], ids=["moov-first", "moov-at-end"])
def test_duration_of_a_70_mb_phone_video_is_read_wherever_moov_is(sample_repo: Path, moov_last: bool) -> None:
    clip = write_mp4(sample_repo / "content/dinas-contoh/2026/media/klip.mp4", 150, moov_last=moov_last,
                     media_bytes=70 * 1024 * 1024)
    assert clip.stat().st_size > 70 * 1024 * 1024
    assert video_duration(clip) == 150.0
    found = findings(sample_repo, VIDEO_POST)
    assert "video-too-long" in found and "150 detik" in found["video-too-long"]  # X: 140 s
    assert "video-unreadable" not in found


def test_video_without_a_readable_duration_is_a_finding(sample_repo: Path) -> None:
    clip = sample_repo / "content/dinas-contoh/2026/media/klip.mp4"
    clip.write_bytes(_box(b"ftyp", b"isom" + bytes(4)) + _box(b"mdat", bytes(64)))  # no `moov` at all
    with pytest.raises(MediaError):
        video_duration(clip)
    found = findings(sample_repo, VIDEO_POST)
    assert "video-unreadable" in found and "klip.mp4" in found["video-unreadable"]
    assert "video-not-video" not in found
