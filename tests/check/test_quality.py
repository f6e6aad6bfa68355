"""Every quality rule with a failing and a passing case, on real files."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from tests.conftest import POST_A, make_jpeg, write
from warta.check.quality import Context, check_post_quality
from warta.content import load_post
from warta.roster import load_roster

REL = "content/dinas-contoh/2026/2026-11-20-posyandu-serentak.md"
MEDIA = "content/dinas-contoh/2026/media/"


def quality(root: Path, text: str = POST_A) -> list[tuple[str, str]]:
    write(root, REL, text)
    roster = load_roster(root).roster
    post, findings = load_post(root, REL, roster)
    assert post is not None, findings
    return [(f.code, f.severity) for f in check_post_quality(Context(root, roster.province), post)]


def codes(root: Path, text: str = POST_A) -> set[str]:
    return {code for code, _ in quality(root, text)}


def with_channels(text: str, channels: str) -> str:
    return text.replace("channels: [website, instagram]", f"channels: [{channels}]")


def add_key(text: str, line: str) -> str:
    return text.replace("---\nPosyandu", f"{line}\n---\nPosyandu")


def test_sample_post_passes_every_rule(sample_repo: Path) -> None:
    assert quality(sample_repo) == []


# --- captions ---------------------------------------------------------------------------------

def test_x_caption_at_the_limit_passes_and_one_past_fails(sample_repo: Path) -> None:
    text = with_channels(POST_A, "website, x")
    assert "caption-too-long" not in codes(sample_repo, add_key(text, f"captions: {{x: '{'a' * 280}'}}"))
    assert "caption-too-long" in codes(sample_repo, add_key(text, f"captions: {{x: '{'a' * 281}'}}"))


def test_x_counts_urls_as_23_and_emoji_and_cjk_as_2(sample_repo: Path) -> None:
    text = with_channels(POST_A, "website, x")
    url = "https://warta.bengkuluprov.go.id/" + "x" * 200  # counts 23
    fits = "a" * (280 - 23 - 1 - 2 * 10) + " " + url + "👍" * 5 + "日本語漢字"
    assert "caption-too-long" not in codes(sample_repo, add_key(text, f"captions: {{x: '{fits}'}}"))
    assert "caption-too-long" in codes(sample_repo, add_key(text, f"captions: {{x: '{fits}字'}}"))


def test_default_caption_is_cut_with_a_warning(sample_repo: Path) -> None:
    long_title = "Pemerintah Provinsi " * 20
    text = with_channels(POST_A, "website, x").replace("title: Posyandu Serentak di Kota Bengkulu",
                                                      f"title: {long_title.strip()}")
    found = quality(sample_repo, text)
    assert ("caption-cut", "warning") in found and ("caption-too-long", "error") not in found


def test_instagram_caption_hashtags_and_mentions(sample_repo: Path) -> None:
    assert "caption-too-long" in codes(sample_repo, add_key(POST_A, f"captions: {{instagram: '{'a' * 2201}'}}"))
    assert "caption-too-long" not in codes(sample_repo, add_key(POST_A, f"captions: {{instagram: '{'a' * 2200}'}}"))
    tags30 = " ".join(f"#t{i}" for i in range(30))
    assert "hashtags-too-many" not in codes(sample_repo, add_key(POST_A, f"captions: {{instagram: '{tags30}'}}"))
    assert "hashtags-too-many" in codes(sample_repo, add_key(POST_A, f"captions: {{instagram: '{tags30} #t30'}}"))
    mentions = " ".join(f"@akun{i}" for i in range(21))
    assert "mentions-too-many" in codes(sample_repo, add_key(POST_A, f"captions: {{instagram: '{mentions}'}}"))
    assert "mentions-too-many" not in codes(sample_repo, add_key(POST_A, "captions: {instagram: 'halo@dinas.go.id'}"))


def test_tiktok_counts_utf16_units(sample_repo: Path) -> None:
    roster_text = (sample_repo / "roster/dinas-contoh.yml").read_text()  # enable tiktok for this test
    write(sample_repo, "roster/dinas-contoh.yml", roster_text + "  tiktok: {handle: dinascontoh}\n")
    text = with_channels(add_key(POST_A, "video: https://youtu.be/abc"), "website, tiktok")
    assert "caption-too-long" not in codes(sample_repo, add_key(text, f"captions: {{tiktok: '{'😀' * 1100}'}}"))
    assert "caption-too-long" in codes(sample_repo, add_key(text, f"captions: {{tiktok: '{'😀' * 1101}'}}"))


# --- required media ---------------------------------------------------------------------------

def test_instagram_needs_an_image_or_video(sample_repo: Path) -> None:
    no_media = POST_A.split("media:\n")[0] + "---\nPosyandu serentak.\n"
    assert "media-required" in codes(sample_repo, no_media)
    assert "media-required" not in codes(sample_repo, add_key(no_media.replace("\n---\nPosyandu", "\nvideo: https://youtu.be/abc\n---\nPosyandu"), ""))  # noqa: E501


def test_youtube_needs_a_video(sample_repo: Path) -> None:
    roster_text = (sample_repo / "roster/dinas-contoh.yml").read_text()
    write(sample_repo, "roster/dinas-contoh.yml", roster_text + "  youtube: {channel_id: UCx}\n")
    text = with_channels(POST_A, "website, youtube")
    assert "media-required" in codes(sample_repo, text)
    assert "media-required" not in codes(sample_repo, add_key(text, "video: https://www.youtube.com/watch?v=abc"))


def test_x_takes_at_most_four_images(sample_repo: Path) -> None:
    items = "".join(f"  - file: media/f{i}.jpg\n    alt: Foto kegiatan posyandu nomor {i}\n" for i in range(5))
    for i in range(5):
        make_jpeg(sample_repo / f"{MEDIA}f{i}.jpg")
    text = with_channels(POST_A, "website, x").split("media:\n")[0] + "media:\n" + items + "---\nIsi.\n"
    assert ("too-many-images", "error") in quality(sample_repo, text)
    four = text.replace("  - file: media/f4.jpg\n    alt: Foto kegiatan posyandu nomor 4\n", "")
    assert "too-many-images" not in codes(sample_repo, four)


# --- images -----------------------------------------------------------------------------------

def image_post(name: str) -> str:
    return POST_A.replace("media/posyandu.jpg", f"media/{name}")


def test_instagram_accepts_jpeg_only(sample_repo: Path) -> None:
    from PIL import Image

    Image.new("RGB", (1600, 900), "red").save(sample_repo / f"{MEDIA}foto.png")
    assert ("image-format", "error") in quality(sample_repo, image_post("foto.png"))
    assert "image-format" not in codes(sample_repo, with_channels(image_post("foto.png"), "website, facebook"))


def test_instagram_aspect_ratio_bounds(sample_repo: Path) -> None:
    make_jpeg(sample_repo / f"{MEDIA}tall.jpg", (1080, 1350))  # exactly 4:5
    make_jpeg(sample_repo / f"{MEDIA}taller.jpg", (1080, 1400))
    make_jpeg(sample_repo / f"{MEDIA}wide.jpg", (1910, 1000))  # 1.91:1
    make_jpeg(sample_repo / f"{MEDIA}wider.jpg", (2000, 1000))
    assert "image-aspect" not in codes(sample_repo, image_post("tall.jpg"))
    assert "image-aspect" in codes(sample_repo, image_post("taller.jpg"))
    assert "image-aspect" not in codes(sample_repo, image_post("wide.jpg"))
    assert "image-aspect" in codes(sample_repo, image_post("wider.jpg"))


def test_instagram_minimum_width(sample_repo: Path) -> None:
    make_jpeg(sample_repo / f"{MEDIA}small.jpg", (300, 300))
    make_jpeg(sample_repo / f"{MEDIA}ok.jpg", (320, 320))
    assert "image-width" in codes(sample_repo, image_post("small.jpg"))
    assert "image-width" not in codes(sample_repo, image_post("ok.jpg"))


def test_image_size_limit_per_network(sample_repo: Path) -> None:
    import os

    from PIL import Image

    big = sample_repo / f"{MEDIA}big.jpg"
    Image.frombytes("RGB", (2400, 1600), os.urandom(2400 * 1600 * 3)).save(big, "JPEG", quality=100)
    size = big.stat().st_size
    assert 5 * 1024 * 1024 < size < 8 * 1024 * 1024, size
    assert "image-too-large" in codes(sample_repo, with_channels(image_post("big.jpg"), "website, x"))
    assert "image-too-large" not in codes(sample_repo, image_post("big.jpg"))  # instagram: 8 MB


def test_photos_should_be_hd(sample_repo: Path) -> None:
    make_jpeg(sample_repo / f"{MEDIA}low.jpg", (1279, 720))
    make_jpeg(sample_repo / f"{MEDIA}hd.jpg", (1280, 720))
    assert ("image-low-resolution", "warning") in quality(sample_repo, image_post("low.jpg"))
    assert "image-low-resolution" not in codes(sample_repo, image_post("hd.jpg"))


def test_photos_over_the_editor_limits_are_flagged(sample_repo: Path) -> None:
    """The same limits the web editor shrinks a phone photo to: 2560 px long side, 1 MB."""
    import os

    from PIL import Image

    make_jpeg(sample_repo / f"{MEDIA}wide.jpg", (2561, 1440))
    make_jpeg(sample_repo / f"{MEDIA}fits.jpg", (2560, 1440))
    heavy = sample_repo / f"{MEDIA}heavy.jpg"
    Image.frombytes("RGB", (1600, 1200), os.urandom(1600 * 1200 * 3)).save(heavy, "JPEG", quality=95)
    assert heavy.stat().st_size > 1024 * 1024
    assert ("image-huge", "error") in quality(sample_repo, with_channels(image_post("wide.jpg"), "website"))
    assert ("image-huge", "error") in quality(sample_repo, with_channels(image_post("heavy.jpg"), "website"))
    assert "image-huge" not in codes(sample_repo, with_channels(image_post("fits.jpg"), "website"))


def test_unreadable_image(sample_repo: Path) -> None:
    (sample_repo / f"{MEDIA}broken.jpg").write_bytes(b"\xff\xd8not really a jpeg")
    assert ("image-unreadable", "error") in quality(sample_repo, image_post("broken.jpg"))


@pytest.mark.parametrize(("alt", "expected"), [
    ("", "alt-missing"),
    ("posyandu.jpg", "alt-meaningless"),
    ("posyandu", "alt-meaningless"),
    ("Foto", "alt-meaningless"),
    ("IMG_2041", "alt-meaningless"),
    ("Petugas menimbang seorang balita di posyandu", None),
])
def test_alt_text_present_and_meaningful(sample_repo: Path, alt: str, expected: str | None) -> None:
    text = POST_A.replace("alt: Petugas menimbang seorang balita di posyandu", f"alt: '{alt}'")
    found = codes(sample_repo, text)
    assert (expected in found) if expected else not {"alt-missing", "alt-meaningless"} & found


# --- video ------------------------------------------------------------------------------------

def mp4(path: Path, seconds: float) -> None:
    mvhd_body = bytes(8) + struct.pack(">II", 1000, int(seconds * 1000)) + bytes(80)
    mvhd = struct.pack(">I4s", 8 + 4 + len(mvhd_body), b"mvhd") + b"\x00\x00\x00\x00" + mvhd_body
    moov = struct.pack(">I4s", 8 + len(mvhd), b"moov") + mvhd
    ftyp = struct.pack(">I4s", 16, b"ftyp") + b"isom" + bytes(4)
    path.write_bytes(ftyp + moov)


def test_local_video_length_per_network(sample_repo: Path) -> None:
    mp4(sample_repo / f"{MEDIA}klip.mp4", 150)
    text = with_channels(add_key(POST_A, "video: media/klip.mp4"), "website, x")
    assert "video-too-long" in codes(sample_repo, text)  # X: 140 s
    mp4(sample_repo / f"{MEDIA}klip.mp4", 120)
    assert "video-too-long" not in codes(sample_repo, text)
    mp4(sample_repo / f"{MEDIA}klip.mp4", 2)
    assert "video-too-short" in codes(sample_repo, add_key(POST_A, "video: media/klip.mp4"))  # Instagram: 3 s


# --- privacy and ethics -----------------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "code"), [
    ("NIK pelapor 1771012345670001 sudah diverifikasi.", "privacy-nik"),
    ("Petugas: NIP 19910315 201503 2 004.", "privacy-nip"),
    ("Hubungi Bu Ani di 0812-3456-7890.", "privacy-phone"),
    ("Hubungi +62 812 3456 7890.", "privacy-phone"),
    ("Kirim ke ani.lestari@gmail.com ya.", "privacy-email"),
])
def test_personal_data_is_an_error(sample_repo: Path, sentence: str, code: str) -> None:
    assert (code, "error") in quality(sample_repo, POST_A.replace("Posyandu serentak dilaksanakan", sentence))


@pytest.mark.parametrize("sentence", [
    "Layanan darurat 112 dan pengaduan di ppid@bengkuluprov.go.id.",
    "Anggaran Rp1.250.000.000 untuk 2026 telah disalurkan.",
    "Sebanyak 1.200 balita ditimbang pada 20 November 2026.",
])
def test_public_numbers_and_official_email_pass(sample_repo: Path, sentence: str) -> None:
    found = codes(sample_repo, POST_A.replace("Posyandu serentak dilaksanakan", sentence))
    assert not {c for c in found if c.startswith("privacy")}


def test_sensitive_and_ethics_words(sample_repo: Path) -> None:
    assert ("sensitive-word", "error") in quality(sample_repo, POST_A.replace("serentak dilaksanakan", "goblok"))
    assert "sensitive-word" not in codes(sample_repo, POST_A.replace("serentak dilaksanakan", "gobloknya"))
    assert ("ethics-word", "warning") in quality(sample_repo, POST_A.replace("serentak dilaksanakan", "coblos nomor 2"))


# --- content ----------------------------------------------------------------------------------

def test_title_and_summary_lengths(sample_repo: Path) -> None:
    assert "title-length" in codes(sample_repo, POST_A.replace("Posyandu Serentak di Kota Bengkulu", "Rapat"))
    assert "title-length" in codes(sample_repo, POST_A.replace("Posyandu Serentak di Kota Bengkulu", "x" * 71))
    assert "summary-length" in codes(sample_repo, POST_A.replace(
        "Petugas menimbang balita di posyandu serentak di seluruh kelurahan Kota Bengkulu.", "Singkat."))
    no_summary = "\n".join(line for line in POST_A.splitlines() if not line.startswith("summary:")) + "\n"
    assert "summary-missing" in codes(sample_repo, no_summary)


def test_empty_body(sample_repo: Path) -> None:
    assert ("body-empty", "error") in quality(sample_repo, POST_A.split("---\nPosyandu")[0] + "---\n\n")


def test_publish_at_rules(sample_repo: Path) -> None:
    assert "publish-before-date" in codes(sample_repo, add_key(POST_A, "publish_at: 2026-11-19 09:00"))
    assert ("schedule-hours", "warning") in quality(sample_repo, add_key(POST_A, "publish_at: 2026-11-21 23:30"))
    assert not {"publish-before-date", "schedule-hours"} & codes(
        sample_repo, add_key(POST_A, "publish_at: 2026-11-21T01:00:00+00:00"))  # 08:00 WIB


def test_broken_links_to_other_posts(sample_repo: Path) -> None:
    write(sample_repo, "content/dinas-contoh/2026/2026-10-01-lama.md", POST_A)
    good = POST_A + "\nBaca juga [berita lama](2026-10-01-lama.md).\n"
    bad = POST_A + "\nBaca juga [berita lama](2026-10-02-lama.md).\n"
    assert "broken-link" not in codes(sample_repo, good)
    found = [f for f in _findings(sample_repo, bad) if f.code == "broken-link"]
    assert len(found) == 1 and found[0].line == 16


def _findings(root: Path, text: str):
    write(root, REL, text)
    roster = load_roster(root).roster
    post, _ = load_post(root, REL, roster)
    assert post is not None
    return check_post_quality(Context(root, roster.province), post)


def test_blank_caption_override_falls_back_to_the_default(sample_repo: Path) -> None:
    from warta.channels.captions import render_caption

    text = add_key(POST_A, "captions: {instagram: '  '}")
    assert ("caption-empty", "warning") in quality(sample_repo, text)
    roster = load_roster(sample_repo).roster
    post, _ = load_post(sample_repo, REL, roster)
    assert post is not None
    caption = render_caption(post, "instagram", roster.province.site_url)
    assert not caption.overridden and caption.text.startswith("Posyandu Serentak di Kota Bengkulu")


def test_scaffold_placeholder_body_is_flagged(sample_repo: Path) -> None:
    from warta.content.scaffold import PLACEHOLDER_BODY

    text = POST_A.split("---\nPosyandu")[0] + f"---\n{PLACEHOLDER_BODY}\n"
    assert ("body-placeholder", "warning") in quality(sample_repo, text)
    assert "body-placeholder" not in codes(sample_repo)
