"""warta build on the sample repository: publication rules, escaping, NIP, cache, shards."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import write
from tests.site.conftest import NOW
from tests.site.nip import assert_no_nip
from warta.site import build_site
from warta.site.build import BUILT, CACHED, FRESH


def build(root: Path, out: Path, **kwargs: object):  # type: ignore[no-untyped-def]
    return build_site(root, out, now=kwargs.pop("now", NOW), jobs=2, **kwargs)  # type: ignore[arg-type]


def all_text(folder: Path, suffixes: tuple[str, ...] = (".html", ".xml", ".json")) -> str:
    return "\n".join(p.read_text(encoding="utf-8", errors="replace")
                     for p in folder.rglob("*") if p.suffix in suffixes)


def test_builds_every_agency_and_the_portal(site_repo: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    report = build(site_repo, out)
    assert report.ok and report.status == {"badan-contoh": BUILT, "dinas-contoh": BUILT}
    post = out / "dinas-contoh/berita/2026/2026-11-20-posyandu-serentak/index.html"
    html = post.read_text(encoding="utf-8")
    assert '<html lang="id"' in html
    assert "20 November 2026" in html
    assert 'property="og:image" content="https://warta.example.go.id/dinas-contoh/_media/' in html
    assert 'name="twitter:card" content="summary_large_image"' in html
    assert 'fetchpriority="high"' in html and "srcset=" in html and "480w" in html
    assert 'alt="Petugas menimbang seorang balita di posyandu"' in html
    assert (out / "dinas-contoh/feed.xml").is_file()
    assert (out / "dinas-contoh/pagefind/pagefind.js").is_file()
    assert (out / "dinas-contoh/tag/posyandu/index.html").is_file()
    assert (out / "dinas-contoh/berita/kategori/kesehatan/index.html").is_file()
    team = (out / "dinas-contoh/tim/index.html").read_text(encoding="utf-8")
    assert "Ani Lestari" in team and "Pranata Humas" in team
    portal = (out / "index.html").read_text(encoding="utf-8")
    assert "Dinas Contoh" in portal and "Badan Contoh" in portal
    assert portal.index(">Dinas<") < portal.index(">Badan<")
    sitemap = (out / "sitemap.xml").read_text(encoding="utf-8")
    assert "https://warta.example.go.id/dinas-contoh/berita/2026/2026-11-20-posyandu" in sitemap


def test_no_nip_anywhere_in_the_output(site_repo: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    assert build(site_repo, out).ok
    assert_no_nip(site_repo, out)


def test_drafts_and_future_posts_are_not_built_until_due(site_repo: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    assert build(site_repo, out).ok
    text = all_text(out)
    assert "Draf Rahasia" not in text and "draf-rahasia" not in text
    assert "Berita Terjadwal" not in text
    report = build(site_repo, out, now=NOW.replace(month=12, day=2))
    assert report.status["dinas-contoh"] == BUILT  # same files, but the schedule fell due
    assert report.status["badan-contoh"] == FRESH
    text = all_text(out)
    assert "Berita Terjadwal Masa Depan" in text and "Draf Rahasia" not in text


def test_front_matter_strings_are_escaped(site_repo: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    assert build(site_repo, out).ok
    text = all_text(out, (".html", ".xml"))  # the JSON manifest holds data, not markup
    assert "<script>alert(1)" not in text
    assert "<img src=x" not in text and "<i>miring" not in text and "<b>tebal" not in text
    page = (out / "dinas-contoh/berita/2026/2026-11-23-judul-berbahaya/index.html")
    html = page.read_text(encoding="utf-8")
    assert "<title>&lt;script&gt;alert(1)&lt;/script&gt; Judul Berbahaya - Dinas Contoh</title>" in html
    assert '<meta property="og:title" content="&lt;script&gt;alert(1)&lt;/script&gt; Judul' in html
    assert "&quot;berkutip&quot;" in html


def test_unchanged_shards_come_from_the_cache(site_repo: Path, tmp_path: Path) -> None:
    out, cache = tmp_path / "site", tmp_path / "cache"
    assert build(site_repo, out, cache_dir=cache).ok
    again = build(site_repo, out, cache_dir=cache)
    assert set(again.status.values()) == {FRESH} and not again.portal_built
    other = build(site_repo, tmp_path / "other", cache_dir=cache)
    assert set(other.status.values()) == {CACHED}
    assert (tmp_path / "other/dinas-contoh/index.html").is_file()
    write(site_repo, "content/dinas-contoh/2026/2026-11-20-posyandu-serentak.md",
          (site_repo / "content/dinas-contoh/2026/2026-11-20-posyandu-serentak.md")
          .read_text(encoding="utf-8").replace("Posyandu serentak", "Posyandu serentak kedua"))
    changed = build(site_repo, out, cache_dir=cache)
    assert changed.status == {"dinas-contoh": BUILT, "badan-contoh": FRESH}
    assert changed.portal_built
    html = (out / "dinas-contoh/berita/2026/2026-11-20-posyandu-serentak/index.html")
    assert "Posyandu serentak kedua" in html.read_text(encoding="utf-8")


def test_agency_option_builds_only_that_shard(site_repo: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    report = build(site_repo, out, agencies=["badan-contoh"])
    assert report.status == {"badan-contoh": BUILT}
    assert (out / "badan-contoh/index.html").is_file()
    assert not (out / "dinas-contoh").exists()


def cli(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "warta.cli", "build", *args], cwd=root,
                          capture_output=True, text=True, timeout=300)


def test_cli_unknown_agency_is_bad_input_with_a_hint(site_repo: Path) -> None:
    result = cli(site_repo, "--agency", "dinas-conto")
    assert result.returncode == 2
    assert "dinas-conto" in result.stderr and "dinas-contoh" in result.stderr
    assert "Traceback" not in result.stderr


def test_cli_build_and_bad_now(site_repo: Path, tmp_path: Path) -> None:
    result = cli(site_repo, "--out", str(tmp_path / "o"), "--now", "2026-11-29T10:00:00+07:00",
                 "--jobs", "1", "--agency", "badan-contoh")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "o/badan-contoh/index.html").is_file()
    assert cli(site_repo, "--now", "kemarin").returncode == 2


def test_a_failing_shard_exits_1_and_others_still_build(site_repo: Path, tmp_path: Path) -> None:
    (site_repo / "site_templates/post.md.j2").write_text("{{ tidak_ada.x }}", encoding="utf-8")
    result = cli(site_repo, "--out", str(tmp_path / "o"), "--now", "2026-11-29T10:00:00+07:00")
    assert result.returncode == 1
    assert "dinas-contoh" in result.stderr and "Traceback" not in result.stderr
    assert (tmp_path / "o/badan-contoh/index.html").is_file()


@pytest.mark.parametrize("bad", ["hooks:\n  - evil.py\n",
                                 "plugins:\n  - search\n  - evil-plugin\n",
                                 "markdown_extensions:\n  - pymdownx.superfences:\n"
                                 "      custom_fences:\n        - name: x\n"
                                 "          format: !!python/name:evil.run\n"])
def test_pull_request_config_cannot_run_code(site_repo: Path, tmp_path: Path, bad: str) -> None:
    marker = tmp_path / "ran"
    (site_repo / "evil.py").write_text(f"open({str(marker)!r}, 'w').write('x')\n",
                                       encoding="utf-8")
    with (site_repo / "mkdocs.yml").open("a", encoding="utf-8") as handle:
        handle.write(bad)
    report = build(site_repo, tmp_path / "site", agencies=["badan-contoh"])
    assert report.ok, report.errors
    assert not marker.exists()
    assert report.notes or "superfences" in bad


def test_shipped_site_has_no_nip(shipped_site: Path) -> None:
    from tests.conftest import PROJECT_ROOT

    assert_no_nip(PROJECT_ROOT, shipped_site)
    assert (shipped_site / "index.html").is_file() and (shipped_site / "sitemap.xml").is_file()


def test_symlinks_cannot_publish_files_from_outside(site_repo: Path, tmp_path: Path) -> None:
    secret = tmp_path / "rahasia.txt"
    secret.write_text("KATA-SANDI-RAHASIA", encoding="utf-8")
    (site_repo / "content/dinas-contoh/2026/media/bocor.txt").symlink_to(secret)
    (site_repo / "content/dinas-contoh/2026/media/bocor.jpg").symlink_to(secret)
    out = tmp_path / "site"
    assert build(site_repo, out).ok
    for path in out.rglob("*"):
        if path.is_file():
            assert b"KATA-SANDI-RAHASIA" not in path.read_bytes(), path


def test_every_link_sent_to_the_networks_exists_on_the_site(shipped_site: Path) -> None:
    """Captions (and so dispatch) link to post_url: each published post's page must be there."""
    from tests.conftest import PROJECT_ROOT
    from warta.content import load_posts
    from warta.content.urls import post_url_path
    from warta.roster import load_roster
    from warta.timeutil import now_wib

    posts, _ = load_posts(PROJECT_ROOT, load_roster(PROJECT_ROOT).roster)
    published = list(posts.published(now_wib()))
    assert len(published) >= 20
    for post in published:
        assert (shipped_site / post_url_path(post) / "index.html").is_file(), post.path


def test_published_photos_carry_no_exif(site_repo: Path, tmp_path: Path) -> None:
    from PIL import Image

    photo = site_repo / "content/dinas-contoh/2026/media/posyandu.jpg"
    exif = Image.Exif()
    exif[0x010F] = "KameraRahasia"  # Make
    exif[0x8825] = {1: "S", 2: (3.0, 47.0, 0.0)}  # GPS: where the photo was taken
    Image.new("RGB", (1600, 900), (40, 120, 200)).save(photo, "JPEG", quality=80, exif=exif)
    assert Image.open(photo).getexif()
    out = tmp_path / "site"
    assert build(site_repo, out).ok
    published = out / "dinas-contoh/berita/2026/media/posyandu.jpg"
    assert published.is_file()
    assert not Image.open(published).getexif()
    assert b"KameraRahasia" not in published.read_bytes()
    assert Image.open(published).size == (1600, 900)


def test_every_media_url_sent_to_the_networks_exists_on_the_site(shipped_site: Path) -> None:
    """Instagram and TikTok fetch images from media_url: each must be on the built site."""
    from tests.conftest import PROJECT_ROOT
    from warta.content import load_posts
    from warta.content.urls import media_url
    from warta.roster import load_roster
    from warta.timeutil import now_wib

    posts, _ = load_posts(PROJECT_ROOT, load_roster(PROJECT_ROOT).roster)
    items = [m for p in posts.published(now_wib()) for m in p.media]
    assert len(items) >= 15
    for item in items:
        url = media_url("https://x.invalid/", item.path)
        assert (shipped_site / url.removeprefix("https://x.invalid/")).is_file(), url
