from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tests.conftest import POST_A, write
from warta.content import load_post, load_posts
from warta.roster import load_roster

REL = "content/dinas-contoh/2026/2026-11-20-posyandu-serentak.md"


def load(root: Path, text: str | bytes | None = None, rel: str = REL):
    if text is not None:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text if isinstance(text, bytes) else text.encode())
    return load_post(root, rel, load_roster(root).roster)


def codes(findings) -> list[tuple[str, int]]:
    return [(f.code, f.line) for f in findings]


def test_sample_post_is_clean_and_normalised(sample_repo: Path) -> None:
    post, findings = load(sample_repo)
    assert findings == []
    assert post is not None
    assert post.date == datetime.fromisoformat("2026-11-20T09:00:00+07:00")
    assert post.date.utcoffset() == timedelta(hours=7)
    assert post.channels == ("website", "instagram")
    assert post.media[0].path == "content/dinas-contoh/2026/media/posyandu.jpg"
    assert post.agency == "dinas-contoh" and post.slug == "posyandu-serentak"
    assert post.id == REL
    assert post.body.startswith("Posyandu serentak")


def test_explicit_offset_is_kept(sample_repo: Path) -> None:
    post, _ = load(sample_repo, POST_A.replace("2026-11-20 09:00", "2026-11-20T02:00:00+00:00"))
    assert post is not None and post.date == datetime.fromisoformat("2026-11-20T09:00:00+07:00")


def test_bom_and_crlf_are_accepted(sample_repo: Path) -> None:
    data = b"\xef\xbb\xbf" + POST_A.replace("\n", "\r\n").encode()
    post, findings = load(sample_repo, data)
    assert findings == [] and post is not None and post.title == "Posyandu Serentak di Kota Bengkulu"


def test_cr_only_line_endings_are_the_same_post(sample_repo: Path) -> None:
    post, findings = load(sample_repo, POST_A.replace("\n", "\r").encode())
    assert findings == [] and post is not None and post.channels == ("website", "instagram")


def test_quoted_ampersand_and_asterisk_are_text_not_aliases(sample_repo: Path) -> None:
    text = POST_A.replace("title: Posyandu Serentak di Kota Bengkulu", 'title: "Posyandu & Imunisasi *gratis*"')
    post, findings = load(sample_repo, text)
    assert findings == [] and post is not None and post.title == "Posyandu & Imunisasi *gratis*"


def test_symlinked_post_is_refused_not_followed(sample_repo: Path) -> None:
    (sample_repo / "secret.md").write_text(POST_A)
    link = sample_repo / "content/dinas-contoh/2026/2026-11-21-tautan.md"
    link.symlink_to(sample_repo / "secret.md")
    posts, findings = load_posts(sample_repo, load_roster(sample_repo).roster)
    assert [p.path for p in posts] == [REL]
    assert ("post-symlink", 1) in codes(f for f in findings if f.file.endswith("tautan.md"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", [("post-empty", 1)]),
        ("   \n\n", [("post-empty", 1)]),
        ("Judul saja\n", [("post-no-front-matter", 1)]),
        ("---\ntitle: A\ndate: 2026-11-20\nIsi berita\n", [("post-unclosed-front-matter", 1)]),
        ("---\ntitle: A\ndate: 2026-11-20\ntags: [a, b\n---\nx\n", [("post-yaml", 5)]),
        ("---\ntitle: Bupati: hadir\ndate: 2026-11-20\n---\nx\n", [("post-yaml", 2)]),
        ("---\ntitle: \"Rapat\ndate: 2026-11-20\n---\nx\n", [("post-yaml", 2)]),
        ("---\ntitle: Rapat\n\tdate: 2026-11-20\n---\nx\n", [("post-yaml", 3)]),
        ("---\ndate: 2026-11-20\nauthor: Budi Santoso\n---\nx\n", [("post-missing-key", 1)]),
        ("---\ntitle: A\ndate: kemarin\nauthor: Budi Santoso\n---\nx\n", [("post-type", 3)]),
        ("---\ntitle: A\ndate: 2026-11-20\nauthor: Budi Santoso\ndraft: ya\n---\nx\n", [("post-type", 5)]),
        ("---\ntitle: &j A\nsummary: *j\ndate: 2026-11-20\nauthor: Budi Santoso\n---\nx\n",
         [("post-yaml-alias", 2)]),
    ],
)
def test_bad_files_give_findings_not_tracebacks(sample_repo: Path, text: str, expected) -> None:
    _, findings = load(sample_repo, text)
    assert codes(findings) == expected
    assert all(f.severity == "error" and f.file == REL for f in findings)


def test_yaml_problems_are_explained_in_indonesian(sample_repo: Path) -> None:
    _, findings = load(sample_repo, "---\ntitle: Rapat: Koordinasi\ndate: 2026-11-20\n---\nx\n")
    assert "titik dua" in findings[0].message and "mapping values" not in findings[0].message


def test_unknown_key_has_did_you_mean(sample_repo: Path) -> None:
    _, findings = load(sample_repo, POST_A.replace("summary:", "sumary:"))
    [finding] = findings
    assert finding.code == "post-unknown-key" and finding.line == 5
    assert "Mungkin maksud Anda `summary`?" in finding.message


def test_author_must_be_on_the_agency_team(sample_repo: Path) -> None:
    _, findings = load(sample_repo, POST_A.replace("author: Ani Lestari", "author: Citra Dewi"))
    [finding] = findings
    assert (finding.code, finding.line) == ("post-author-unknown", 4)
    assert "Ani Lestari, S.Kom" in finding.message  # lists who may be named


def test_author_matches_name_with_or_without_degrees_or_login(sample_repo: Path) -> None:
    for author in ("Ani Lestari, S.Kom", "ani lestari", "ani-lestari", "Budi Santoso"):
        _, findings = load(sample_repo, POST_A.replace("author: Ani Lestari", f"author: {author}"))
        assert findings == [], author


@pytest.mark.parametrize("file", ["../../../badan-contoh/x.jpg", "/etc/passwd", "../../../../roster/x.jpg",
                                  "..\\..\\x.jpg", "C:/x.jpg"])
def test_media_cannot_leave_the_agency_folder(sample_repo: Path, file: str) -> None:
    _, findings = load(sample_repo, POST_A.replace("media/posyandu.jpg", file))
    assert codes(findings) == [("post-media-path", 10)]


def test_missing_media_and_local_video(sample_repo: Path) -> None:
    text = POST_A.replace("media/posyandu.jpg", "media/tidak-ada.jpg").replace(
        "---\nPosyandu", "video: media/klip.mp4\n---\nPosyandu")
    _, findings = load(sample_repo, text)
    assert sorted(codes(findings)) == [("post-media-missing", 10), ("post-media-missing", 13)]


def test_unknown_and_unconfigured_channels(sample_repo: Path) -> None:
    _, findings = load(sample_repo, POST_A.replace("[website, instagram]", "[website, instagrm, youtube]"))
    assert codes(findings) == [("post-channel-unknown", 8), ("post-channel-not-configured", 8)]
    assert "`instagram`" in findings[0].message


def test_captions_only_for_known_channels(sample_repo: Path) -> None:
    text = POST_A.replace("---\nPosyandu", "captions:\n  instagram: Halo\n  friendster: x\n---\nPosyandu")
    post, findings = load(sample_repo, text)
    assert codes(findings) == [("post-unknown-key", 15)]
    assert post is not None and post.captions["instagram"] == "Halo"


def test_file_name_and_date_must_agree(sample_repo: Path) -> None:
    _, findings = load(sample_repo, POST_A.replace("2026-11-20 09:00", "2026-11-21 09:00"))
    assert codes(findings) == [("post-date-mismatch", 3)]
    _, findings = load(sample_repo, POST_A, rel="content/dinas-contoh/2025/2026-11-20-x.md")
    assert codes(findings) == [("post-media-missing", 10), ("post-year-folder", 1)]
    _, findings = load(sample_repo, POST_A.replace("media/posyandu.jpg", "../2026/media/posyandu.jpg"),
                       rel="content/dinas-contoh/2026/Berita Baru.md")
    assert codes(findings) == [("post-file-name", 1)]


def test_published_and_due_queries(sample_repo: Path) -> None:
    write(sample_repo, "content/dinas-contoh/2026/2026-11-21-terjadwal.md",
          POST_A.replace("2026-11-20 09:00", "2026-11-21 09:00").replace(
              "---\nPosyandu", "publish_at: 2026-12-01 08:00\n---\nPosyandu"))
    write(sample_repo, "content/dinas-contoh/2026/2026-11-22-draf.md",
          POST_A.replace("2026-11-20 09:00", "2026-11-22 09:00").replace("---\nPosyandu", "draft: true\n---\nPosyandu"))
    posts, findings = load_posts(sample_repo, load_roster(sample_repo).roster)
    assert findings == [] and len(posts) == 3
    before = datetime.fromisoformat("2026-11-30T00:00:00+07:00")
    after = datetime.fromisoformat("2026-12-01T08:00:00+07:00")
    assert [p.slug for p in posts.published(before)] == ["posyandu-serentak"]
    assert sorted(p.slug for p in posts.published(after)) == ["posyandu-serentak", "terjadwal"]
    assert [p.slug for p in posts.due(after)] == ["terjadwal"]
    assert len(posts.for_agency("badan-contoh")) == 0


def test_slugs_for_file_names_and_urls() -> None:
    from warta.content.scaffold import slugify
    from warta.site.text import slugify as url_slug

    assert slugify("Rapat—Koordinasi: Stunting 2027!") == "rapat-koordinasi-stunting-2027"
    assert slugify("Café Kopi Bengkulu") == "cafe-kopi-bengkulu"
    assert len(slugify("kata " * 30)) <= 60 and not slugify("kata " * 30).endswith("-")
    assert slugify("日本") == "berita" and url_slug("日本") == "lainnya"
    assert url_slug("Kesehatan Jiwa") == "kesehatan-jiwa"
