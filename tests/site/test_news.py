"""The news layout and each post's public record: cards, identity, JSON-LD, share links,
who approved it (from the ledger's approval records), corrections and withdrawal."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.conftest import POST_A, make_jpeg, write
from tests.site.conftest import NOW
from warta.commands.approvals import read_approvals
from warta.commands.build import ledger_links
from warta.site import build_site

POST = "content/dinas-contoh/2026/2026-11-20-posyandu-serentak.md"
PAGE = "dinas-contoh/berita/2026/2026-11-20-posyandu-serentak/index.html"
OTHER = POST_A.replace("Posyandu Serentak di Kota Bengkulu", "Posyandu Lansia di Kota Bengkulu").replace(
    "2026-11-20 09:00", "2026-11-24 09:00").replace(
    "media:\n", "ralat:\n  - {date: 2026-11-25 10:00, note: Jam pelayanan diperbaiki</script>}\nmedia:\n")
WITHDRAWN = POST_A.replace("Posyandu Serentak di Kota Bengkulu", "Bantuan Bibit Padi").replace(
    "2026-11-20 09:00", "2026-11-25 09:00").replace(
    "media:\n", "dicabut: {date: 2026-11-26 08:00, reason: Data penerima belum diverifikasi}\nmedia:\n").replace(
    "Posyandu serentak dilaksanakan di seluruh kelurahan.", "Isi rahasia yang dicabut.")
RECORD = {"pr": 41, "url": "https://github.com/uji-org/warta/pull/41", "approved": True,
          "merged_at": "2026-11-20T01:30:00+00:00", "head_sha": "a" * 40, "merge_sha": "b" * 40,
          "files": [POST], "approvers": [{"login": "kepala-contoh", "scope": "agency:dinas-contoh",
                                          "name": "Kepala Contoh", "role": "Kepala Dinas Contoh",
                                          "at": "2026-11-20T01:15:00+00:00"}]}


def build(site_repo: Path, tmp_path: Path) -> Path:
    write(site_repo, "content/dinas-contoh/2026/2026-11-24-posyandu-lansia.md", OTHER)
    write(site_repo, "content/dinas-contoh/2026/2026-11-25-bantuan-bibit.md", WITHDRAWN)
    make_jpeg(site_repo / "content/dinas-contoh/2026/media/posyandu.jpg")
    roster = site_repo / "roster/dinas-contoh.yml"
    roster.write_text(roster.read_text(encoding="utf-8") + 'address: "Jl. Contoh <b>No. 1</b>, Bengkulu"\n'
                      "phone: (0736) 21234\nemail: dinas@contoh.go.id\nhours: Senin–Jumat 08.00–16.00\n",
                      encoding="utf-8")
    ledger = tmp_path / "ledger"
    (ledger / "approvals").mkdir(parents=True)
    (ledger / "approvals/41.jsonl").write_text(json.dumps(RECORD) + "\n", encoding="utf-8")
    out = tmp_path / "site"
    report = build_site(site_repo, out, now=NOW, jobs=1, links=ledger_links(ledger), approvals=read_approvals(ledger))
    assert report.ok, report.errors
    return out


def ld(html: str, kind: str) -> dict:
    blocks = [json.loads(b) for b in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)]
    return next(b for b in blocks if b["@type"] == kind)


def test_post_page_carries_record_share_links_and_json_ld(site_repo: Path, tmp_path: Path) -> None:
    out = build(site_repo, tmp_path)
    html = (out / PAGE).read_text(encoding="utf-8")
    assert "Jejak publikasi" in html
    assert "Kepala Contoh, Kepala Dinas Contoh — 20 November 2026, 08.15 WIB" in html
    assert 'href="https://github.com/uji-org/warta/pull/41"' in html
    assert "Ani Lestari, S.Kom, Pranata Humas" in html  # the writer and jabatan from the roster
    article = ld(html, "NewsArticle")
    assert article["headline"] == "Posyandu Serentak di Kota Bengkulu" and article["image"]
    assert 'property="og:image:width" content="1600"' in html
    for host in ("https://wa.me/?text=", "https://www.facebook.com/sharer/sharer.php?u=",
                 "https://x.com/intent/post?", "https://t.me/share/url?"):
        assert f'href="{host}' in html
    assert 'class="warta-copy"' in html and "warta-share.js" in html
    assert (out / "dinas-contoh/warta-share.js").is_file()
    assert 'aria-label="Jejak navigasi"' in html
    # The post sharing its tag links to it as related.
    assert "Berita terkait" in html and "2026-11-24-posyandu-lansia/" in html
    assert "Telepon: <a href=\"tel:073621234\">(0736) 21234</a>" in html  # footer from the roster
    assert "Jl. Contoh &lt;b&gt;No. 1&lt;/b&gt;, Bengkulu" in html


def test_post_without_record_says_so_and_shows_its_correction(site_repo: Path, tmp_path: Path) -> None:
    out = build(site_repo, tmp_path)
    html = (out / "dinas-contoh/berita/2026/2026-11-24-posyandu-lansia/index.html").read_text(encoding="utf-8")
    assert "Catatan persetujuan belum tersedia." in html and "Kepala Contoh, Kepala" not in html
    assert "Ralat" in html and "25 November 2026, 10.00 WIB" in html
    assert "Jam pelayanan diperbaiki&lt;/script&gt;" in html
    assert ld(html, "NewsArticle")["dateModified"].startswith("2026-11-25T10:00")


def test_withdrawn_post_keeps_only_title_notice_and_reason(site_repo: Path, tmp_path: Path) -> None:
    out = build(site_repo, tmp_path)
    html = (out / "dinas-contoh/berita/2026/2026-11-25-bantuan-bibit/index.html").read_text(encoding="utf-8")
    assert "Bantuan Bibit Padi" in html and "Berita ini telah dicabut" in html
    assert "Data penerima belum diverifikasi" in html
    assert "Isi rahasia yang dicabut" not in html and "data-pagefind-body" not in html
    assert "posyandu.jpg" not in html and "_media/" not in html.split("<article", 1)[1]
    for listing in ("dinas-contoh/index.html", "dinas-contoh/berita/index.html", "dinas-contoh/feed.xml",
                    "index.html"):
        assert "Bantuan Bibit Padi" not in (out / listing).read_text(encoding="utf-8"), listing


def test_homes_show_cards_identity_and_organization(site_repo: Path, tmp_path: Path) -> None:
    out = build(site_repo, tmp_path)
    home = (out / "dinas-contoh/index.html").read_text(encoding="utf-8")
    assert 'class="warta-lead"' in home and re.search(r'<img src="_media/[^"]+-960\.webp" srcset=', home)
    assert ld(home, "GovernmentOrganization")["telephone"] == "(0736) 21234"
    assert 'class="warta-chips" aria-label="Kategori berita"' in home
    portal = (out / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<img src="dinas-contoh/_media/[^"]+\.webp" srcset="dinas-contoh/_media/', portal)
    assert 'class="warta-badge warta-hue-' in portal and ">DC</span>" in portal and ">BC</span>" in portal
    for page in out.rglob("*.html"):
        if page.name != "404.html":
            assert '<meta name="description"' in page.read_text(encoding="utf-8"), page
